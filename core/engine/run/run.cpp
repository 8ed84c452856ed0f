// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/run.h"

#include "report/csv.h"
#include "sim/simulator.h"
#include "timeline/timeline_feed.h"

#include <algorithm>
#include <array>
#include <future>
#include <thread>

namespace jobscope {

namespace {

void finishRun(Run& run, std::optional<Seconds> end = std::nullopt) {
    run.origin = run.timeline.start;
    if (!end)
        end = runEnd(run.timeline, run.analysis);
    run.end = *end - run.origin;
    run.summary = summarize(run.analysis, run.timeline.events, run.origin, *end);
    if (!run.timeline.jobChanges.empty())
        run.completions = run.timeline.jobChanges.back().spec.completions;
    for (auto& positions : run.intervalsByKind)
        positions.clear();
    for (std::size_t i = 0; i < run.analysis.causes.size(); ++i)
        run.intervalsByKind[static_cast<std::size_t>(run.analysis.causes[i].kind)].push_back(
            static_cast<uint32_t>(i));
}

} // namespace

Seconds runEnd(const Timeline& timeline, const Analysis& analysis) {
    Seconds last = timeline.start;
    if (!analysis.series.empty())
        last = std::max(last, analysis.series.back().time);
    if (!timeline.jobChanges.empty())
        last = std::max(last, timeline.jobChanges.back().time);
    if (!timeline.podChanges.empty())
        last = std::max(last, timeline.podChanges.back().time);
    if (!timeline.events.empty())
        last = std::max(last, timeline.events.back().time);
    if (!timeline.end) {
        for (const CauseInterval& c : analysis.causes)
            last = std::max(last, c.end);
        for (const PodLifecycle& p : analysis.pods)
            for (OptionalSeconds t : {p.finished, p.deleted})
                if (t)
                    last = std::max(last, *t);
    }
    return std::max(timeline.end.value_or(last), last);
}

std::optional<Analysis> simulateWithAnalysisBeside(const Scenario& scenario, SimulationStats* stats,
                                                   Timeline& timeline, std::size_t batch) {
    TimelineFeed feed(batch);
    std::future<std::optional<Analysis>> analysis =
        std::async(std::launch::async, [&feed] { return analyzeFeed(feed); });
    try {
        timeline = simulate(scenario, stats, &feed);
    } catch (...) {
        feed.abandon();
        analysis.wait();
        throw;
    }
    feed.abandon(); // the reader of a simulation that published nothing stops
    return analysis.get();
}

namespace {

bool analysisBeside(const Scenario& scenario, AnalysisThread where) {
    if (where != AnalysisThread::Auto)
        return where == AnalysisThread::Beside;
    // Small Jobs gain less than a thread and its hand-overs cost. Large ones would hold the
    // simulator's and the analysis' tables of every Pod at once (about 220 bytes a Pod more at
    // 1 000 000 Pods, past the engine's aim of 1 KB a Pod): they analyse after.
    constexpr std::int64_t kPodsWorthAThread = 1000;
    constexpr std::int64_t kPodsHeldTwiceAtMost = 250000;
    const std::int64_t pods = minimumPods(scenario.job);
    return pods >= kPodsWorthAThread && pods <= kPodsHeldTwiceAtMost &&
           std::thread::hardware_concurrency() > 1;
}

} // namespace

Run runScenario(const Scenario& scenario, std::optional<uint64_t> seed, SimulationStats* stats,
                AnalysisThread where) {
    Run run;
    std::optional<Scenario> reseeded;
    if (seed) {
        reseeded = scenario;
        reseeded->seed = *seed;
    }
    const Scenario& simulated = reseeded ? *reseeded : scenario;
    if (analysisBeside(simulated, where)) {
        std::optional<Analysis> fed = simulateWithAnalysisBeside(simulated, stats, run.timeline);
        // Nothing fed: the simulation refused the scenario and published nothing.
        run.analysis = fed ? std::move(*fed) : analyze(run.timeline);
    } else {
        run.timeline = simulate(simulated, stats);
        run.analysis = analyze(run.timeline);
    }
    run.simulated = true;
    run.title = scenario.title;
    run.titleZh = scenario.titleZh;
    run.description = scenario.description;
    run.descriptionZh = scenario.descriptionZh;
    finishRun(run);
    return run;
}

std::vector<Run> runScenarioJobs(const Scenario& scenario, std::optional<uint64_t> seed,
                                 SimulationStats* stats) {
    std::vector<Timeline> timelines;
    if (seed) {
        Scenario reseeded = scenario;
        reseeded.seed = *seed;
        timelines = simulateJobs(reseeded, stats);
    } else {
        timelines = simulateJobs(scenario, stats);
    }
    std::vector<Run> runs(timelines.size());
    for (std::size_t i = 0; i < timelines.size(); ++i) {
        Run& run = runs[i];
        run.timeline = std::move(timelines[i]);
        run.analysis = analyze(run.timeline);
        run.simulated = true;
        if (i == 0) {
            run.title = scenario.title;
            run.titleZh = scenario.titleZh;
            run.description = scenario.description;
            run.descriptionZh = scenario.descriptionZh;
        } else {
            run.title = "Job " + run.timeline.jobMetadata.name;
            run.titleZh = run.title;
        }
        finishRun(run);
    }
    return runs;
}

namespace {

// The rows of several Jobs' series summed at each time any of them changed. The sums are kept
// as the Jobs' rows come and go (thousands of Jobs, each changing a few times): each change
// takes its Job's previous row out and puts the new one in.
std::vector<SeriesRow> sumSeries(const std::vector<Run>& jobs) {
    struct Change {
        Seconds time;
        std::size_t job;
        const SeriesRow* row;
    };
    std::vector<Change> changes;
    for (std::size_t j = 0; j < jobs.size(); ++j)
        for (const SeriesRow& row : jobs[j].analysis.series)
            changes.push_back({row.time, j, &row});
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Change& a, const Change& b) { return a.time < b.time; });

    const InternedString none{causeId(CauseKind::None)};
    const InternedString finished{causeId(CauseKind::Finished)};
    std::vector<const SeriesRow*> current(jobs.size(), nullptr);
    SeriesRow sum;
    // Completions not reached of the Jobs not created yet (all of them), and whether any Job
    // counts completions at all.
    int32_t unborn = 0;
    int counting = 0;
    for (const Run& job : jobs)
        if (!job.analysis.series.empty() && job.analysis.series.front().remaining >= 0) {
            unborn += job.analysis.series.front().remaining;
            ++counting;
        }
    std::array<InternedString, kCauseKindCount> ids;
    for (std::size_t k = 0; k < kCauseKindCount; ++k)
        ids[k] = InternedString(causeId(static_cast<CauseKind>(k)));
    std::size_t finishedJobs = 0;
    // Per cause, the Jobs in force with it as their primary cause and as a secondary one.
    std::array<int, kCauseKindCount> primaryCount{}, secondaryCount{};
    const auto account = [&](const SeriesRow& r, int sign) {
        const bool jobFinished =
            std::find(r.causes.begin(), r.causes.end(), finished) != r.causes.end();
        // A Job that has finished asks for no more Pods, whatever its parallelism says.
        if (!jobFinished)
            sum.requested += sign * r.requested;
        sum.wantActive += sign * r.wantActive;
        sum.active += sign * r.active;
        sum.ready += sign * r.ready;
        sum.running += sign * r.running;
        sum.pending += sign * r.pending;
        sum.terminating += sign * r.terminating;
        sum.succeeded += sign * r.succeeded;
        sum.failed += sign * r.failed;
        if (r.remaining >= 0)
            sum.remaining += sign * r.remaining;
        if (jobFinished)
            finishedJobs = static_cast<std::size_t>(static_cast<int>(finishedJobs) + sign);
        for (std::size_t c = 0; c < r.causes.size(); ++c) {
            if (r.causes[c] == none || r.causes[c] == finished)
                continue;
            // Interned: the ids compare as pointers.
            const auto kind = std::find(ids.begin(), ids.end(), r.causes[c]);
            if (kind != ids.end())
                (c == 0 ? primaryCount
                        : secondaryCount)[static_cast<std::size_t>(kind - ids.begin())] += sign;
        }
    };
    sum.remaining = 0;
    std::vector<SeriesRow> out;
    for (std::size_t i = 0; i < changes.size();) {
        const Seconds time = changes[i].time;
        for (; i < changes.size() && changes[i].time == time; ++i) {
            const Change& c = changes[i];
            if (const SeriesRow* before = current[c.job])
                account(*before, -1);
            else if (c.row->remaining >= 0) // the Job's first row: it is created
                unborn -= c.row->remaining;
            current[c.job] = c.row;
            account(*c.row, +1);
        }
        SeriesRow row = sum;
        row.time = time;
        row.remaining = counting > 0 ? sum.remaining + unborn : -1;
        // The causes in force for any Job, the primary ones first, in the catalogue's order.
        row.causes.clear();
        for (const auto* counts : {&primaryCount, &secondaryCount})
            for (std::size_t k = 0; k < kCauseKindCount; ++k)
                if ((*counts)[k] > 0 &&
                    std::find(row.causes.begin(), row.causes.end(), ids[k]) == row.causes.end())
                    row.causes.push_back(ids[k]);
        if (finishedJobs == jobs.size())
            row.causes.push_back(finished);
        if (row.causes.empty())
            row.causes.push_back(none);
        out.push_back(std::move(row));
    }
    return out;
}

// Where a run's last `finished` episode begins (absolute), and its last interval.
std::optional<std::pair<Seconds, const CauseInterval*>> finishing(const Run& run) {
    const auto& positions = run.intervalsByKind[static_cast<std::size_t>(CauseKind::Finished)];
    if (positions.empty())
        return std::nullopt;
    const auto& causes = run.analysis.causes;
    auto first = positions.end() - 1;
    while (first != positions.begin() && causes[*first].continues)
        --first;
    return std::pair{causes[*first].start, &causes[positions.back()]};
}

} // namespace

Run aggregateRun(std::vector<Run> jobs) {
    Run run;
    if (jobs.empty())
        return run;
    Run& first = jobs.front();
    run.simulated = first.simulated;
    // A scenario's title names the whole; an observed Job's names that Job only.
    if (first.simulated) {
        run.title = std::move(first.title);
        run.titleZh = std::move(first.titleZh);
        run.description = std::move(first.description);
        run.descriptionZh = std::move(first.descriptionZh);
        first.title = "Job " + first.timeline.jobMetadata.name;
        first.titleZh = first.title;
        first.description.clear();
        first.descriptionZh.clear();
    }
    run.timeline.gates = first.timeline.gates;
    run.timeline.kubernetesMinor = first.timeline.kubernetesMinor;
    run.origin = first.origin;
    Seconds end = first.origin + first.end;
    for (const Run& job : jobs) {
        run.origin = std::min(run.origin, job.origin);
        end = std::max(end, job.origin + job.end);
    }
    run.timeline.start = run.origin;
    run.timeline.end = end;
    run.end = end - run.origin;

    Analysis& a = run.analysis;
    a.series = sumSeries(jobs);
    // The last Job to begin finishing finishes the whole; the outcome is Failed when any failed.
    std::optional<CauseInterval> finished;
    RunSummary finish;
    bool allFinished = true, allComplete = true;
    std::optional<std::string> failedReason, commonReason;
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        const Run& job = jobs[j];
        run.jobFirstPod.push_back(static_cast<uint32_t>(a.pods.size()));
        a.pods.insert(a.pods.end(), job.analysis.pods.begin(), job.analysis.pods.end());
        run.timeline.events.insert(run.timeline.events.end(), job.timeline.events.begin(),
                                   job.timeline.events.end());
        for (const CauseInterval& c : job.analysis.causes)
            if (c.kind != CauseKind::Finished) {
                a.causes.push_back(c);
                a.causes.back().job = static_cast<int32_t>(j);
            }
        const auto jobFinishing = finishing(job);
        allFinished = allFinished && jobFinishing && job.summary.finishedAt;
        allComplete = allComplete && job.summary.outcome == job_condition::Complete;
        if (!allFinished)
            continue;
        const Seconds at = job.origin + *job.summary.finishedAt - run.origin;
        if (!finish.finishedAt || at > *finish.finishedAt)
            finish.finishedAt = at;
        // The reason: the first failed Job's, or the one every Job gave.
        if (job.summary.outcome != job_condition::Complete) {
            if (!failedReason)
                failedReason = job.summary.outcomeReason;
        } else if (j == 0 || (commonReason && *commonReason == job.summary.outcomeReason)) {
            commonReason = job.summary.outcomeReason;
        } else {
            commonReason.reset();
        }
        if (!finished || jobFinishing->first > finished->start) {
            finished = *jobFinishing->second;
            finished->start = jobFinishing->first;
            finished->continues = false;
        }
    }
    if (allFinished && finished) {
        finish.outcome = allComplete ? job_condition::Complete : job_condition::Failed;
        finish.outcomeReason = allComplete ? commonReason.value_or("") : failedReason.value_or("");
        for (CauseParam& p : finished->params)
            if (p.key == "condition")
                p.text = finish.outcome;
            else if (p.key == "reason")
                p.text = finish.outcomeReason;
        finished->end = end;
        a.causes.push_back(*finished);
    } else {
        finish = {};
    }
    std::stable_sort(
        a.causes.begin(), a.causes.end(),
        [](const CauseInterval& x, const CauseInterval& y) { return x.start < y.start; });
    std::stable_sort(
        run.timeline.events.begin(), run.timeline.events.end(),
        [](const TimelineEvent& x, const TimelineEvent& y) { return x.time < y.time; });
    run.summary = summarizeWithFinish(a, run.origin, end, std::move(finish));
    run.summary.jobs = static_cast<int>(jobs.size());
    if (std::all_of(jobs.begin(), jobs.end(), [](const Run& j) { return j.completions; })) {
        int32_t completions = 0;
        for (const Run& job : jobs)
            completions += *job.completions;
        run.completions = completions;
    }
    for (std::size_t i = 0; i < a.causes.size(); ++i)
        run.intervalsByKind[static_cast<std::size_t>(a.causes[i].kind)].push_back(
            static_cast<uint32_t>(i));
    run.jobs = std::move(jobs);
    return run;
}

Run runWholeScenario(const Scenario& scenario, std::optional<uint64_t> seed, SimulationStats* stats,
                     AnalysisThread where) {
    if (scenario.jobs.size() <= 1)
        return runScenario(scenario, seed, stats, where);
    return aggregateRun(runScenarioJobs(scenario, seed, stats));
}

const Run* jobNamed(const Run& run, std::string_view name) {
    for (const Run& job : run.jobs)
        if (job.timeline.jobMetadata.name == name)
            return &job;
    return nullptr;
}

std::size_t jobOfPod(const Run& run, std::size_t pod) {
    const auto& first = run.jobFirstPod;
    const auto after = std::upper_bound(first.begin(), first.end(), static_cast<uint32_t>(pod));
    return after == first.begin() ? 0 : static_cast<std::size_t>(after - first.begin() - 1);
}

std::string jobsCsv(const std::vector<Run>& runs) {
    std::string out = "name,created,finished,outcome,pods,pod_seconds\r\n";
    for (const Run& run : runs) {
        const RunSummary& s = run.summary;
        out += csvField(run.timeline.jobMetadata.name) + ',' + csvSeconds(run.origin) + ',' +
               (s.finishedAt ? csvSeconds(run.origin + *s.finishedAt) : std::string()) + ',' +
               csvField(s.outcome) + ',' + std::to_string(s.podsCreated) + ',' +
               csvSeconds(s.podSeconds) + "\r\n";
    }
    return out;
}

Run runObserved(Timeline timeline) {
    Run run;
    run.timeline = std::move(timeline);
    run.analysis = analyze(run.timeline);
    run.title = "Job " + run.timeline.jobMetadata.name;
    run.titleZh = run.title;
    finishRun(run);
    return run;
}

Run runObservedJobs(std::vector<Timeline> timelines) {
    if (timelines.size() == 1)
        return runObserved(std::move(timelines.front()));
    std::vector<Run> runs;
    runs.reserve(timelines.size());
    for (Timeline& timeline : timelines)
        runs.push_back(runObserved(std::move(timeline)));
    return aggregateRun(std::move(runs));
}

Run runOfAnalysis(Analysis analysis, Seconds origin, std::optional<Seconds> end) {
    Run run;
    run.timeline.start = origin;
    run.analysis = std::move(analysis);
    finishRun(run, end);
    return run;
}

int podIndexNamed(const Run& run, std::string_view name) {
    if (name.empty())
        return -1;
    const auto& pods = run.analysis.pods;
    for (std::size_t i = 0; i < pods.size(); ++i)
        if (pods[i].name == name)
            return static_cast<int>(i);
    return -1;
}

namespace {

void sortUnique(std::vector<Seconds>& times) {
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
}

} // namespace

std::vector<Seconds> runEventTimes(const Run& run) {
    const auto& rows = run.analysis.series;
    const auto& events = run.timeline.events;
    std::vector<Seconds> times;
    times.reserve(rows.size() + events.size());
    for (const SeriesRow& row : rows)
        times.push_back(row.time - run.origin);
    const auto middle = static_cast<std::ptrdiff_t>(times.size());
    for (const TimelineEvent& event : events)
        times.push_back(event.time - run.origin);
    // Both are kept in time order: merged in one pass (a hundred thousand Events at a
    // hundred thousand Pods); sorted should either ever come out of order.
    if (std::is_sorted(times.begin(), times.begin() + middle) &&
        std::is_sorted(times.begin() + middle, times.end())) {
        std::inplace_merge(times.begin(), times.begin() + middle, times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
    } else {
        sortUnique(times);
    }
    return times;
}

std::vector<Seconds> runCauseChangeTimes(const Run& run) {
    std::vector<Seconds> times;
    const auto& causes = run.analysis.causes;
    for (std::size_t i = 0; i < causes.size(); ++i) {
        if (causes[i].continues)
            continue;
        times.push_back(causes[i].start - run.origin);
        times.push_back(episodeEnd(run, i) - run.origin);
    }
    sortUnique(times);
    return times;
}

Seconds episodeEnd(const Run& run, std::size_t index) {
    const auto& causes = run.analysis.causes;
    const CauseInterval& first = causes.at(index);
    const auto& positions = run.intervalsByKind[static_cast<std::size_t>(first.kind)];
    Seconds end = first.end;
    auto it = std::find(positions.begin(), positions.end(), static_cast<uint32_t>(index));
    for (++it; it != positions.end(); ++it) {
        const CauseInterval& next = causes[*it];
        if (next.job != first.job)
            continue; // another Job's, in a run of several
        if (!next.continues || next.start > end)
            break;
        end = next.end;
    }
    return end;
}

} // namespace jobscope
