// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/run.h"

#include "report/csv.h"
#include "sim/simulator.h"

#include <algorithm>

namespace jobscope {

namespace {

void finishRun(Run& run, std::optional<Seconds> end = std::nullopt) {
    run.origin = run.timeline.start;
    if (!end)
        end = runEnd(run.timeline, run.analysis);
    run.end = *end - run.origin;
    run.summary = summarize(run.analysis, run.origin, *end);
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
            for (const std::optional<Seconds>& t : {p.finished, p.deleted})
                if (t)
                    last = std::max(last, *t);
    }
    return std::max(timeline.end.value_or(last), last);
}

Run runScenario(const Scenario& scenario, std::optional<uint64_t> seed, SimulationStats* stats) {
    Run run;
    if (seed) {
        Scenario reseeded = scenario;
        reseeded.seed = *seed;
        run.timeline = simulate(reseeded, stats);
    } else {
        run.timeline = simulate(scenario, stats);
    }
    run.analysis = analyze(run.timeline);
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

Seconds episodeEnd(const Run& run, std::size_t index) {
    const auto& causes = run.analysis.causes;
    const CauseInterval& first = causes.at(index);
    const auto& positions = run.intervalsByKind[static_cast<std::size_t>(first.kind)];
    Seconds end = first.end;
    auto it = std::find(positions.begin(), positions.end(), static_cast<uint32_t>(index));
    for (++it; it != positions.end(); ++it) {
        const CauseInterval& next = causes[*it];
        if (!next.continues || next.start > end)
            break;
        end = next.end;
    }
    return end;
}

} // namespace jobscope
