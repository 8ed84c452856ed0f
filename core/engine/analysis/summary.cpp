// SPDX-License-Identifier: GPL-3.0-or-later
// The run's figures from what the analysis recorded. The finish is the moment the Job's
// terminal condition was written: the controller records an Event in the same pass
// ("Completed", or the failure's reason as a Warning), so that Event's time is the finish; a
// timeline without Events (a trace recorded without them) falls back to the start of the
// `finished` cause, which the analysis opens once the Job shows it is finishing.

#include "analysis/summary.h"

#include "job.h"
#include "pod.h"
#include "reconcile/explanation.h"

#include <algorithm>
#include <utility>

namespace jobscope {

namespace {

// The earliest Event of the Job that announces `outcome` with `reason`, at or after `from`.
std::optional<Seconds> finishEvent(const std::vector<TimelineEvent>& events,
                                   const std::string& outcome, const std::string& reason,
                                   Seconds from) {
    for (const TimelineEvent& e : events) {
        if (e.objectKind != "Job" || e.time < from)
            continue;
        const bool matches = outcome == job_condition::Complete
                                 ? e.reason == "Completed"
                                 : e.type == "Warning" && !reason.empty() && e.reason == reason;
        if (matches)
            return e.time;
    }
    return std::nullopt;
}

// Where a Pod stops counting: finished, deleted, or the end of the timeline.
Seconds podEnd(const PodLifecycle& pod, Seconds end) {
    Seconds podEnd = end;
    if (pod.finished)
        podEnd = std::min(podEnd, *pod.finished);
    if (pod.deleted)
        podEnd = std::min(podEnd, *pod.deleted);
    return podEnd;
}

// The length of [a, b] inside [from, to].
double overlap(Seconds a, Seconds b, Seconds from, Seconds to) {
    return std::max(0.0, std::min(b, to) - std::max(a, from));
}

} // namespace

RunSummary summarize(const Analysis& analysis, const std::vector<TimelineEvent>& events,
                     Seconds origin, Seconds end) {
    RunSummary summary;

    // The Job's terminal condition: the last `finished` interval names it. Its Event may
    // have been seen before the condition was: look from the start of the episode.
    for (auto it = analysis.causes.rbegin(); it != analysis.causes.rend(); ++it) {
        if (it->kind != CauseKind::Finished)
            continue;
        const std::string condition = it->textParam("condition");
        if (condition != job_condition::Complete && condition != job_condition::Failed)
            break; // deleted, or still finishing when observation stopped
        summary.outcome = condition;
        summary.outcomeReason = it->textParam("reason");
        Seconds episodeStart = it->start;
        for (auto back = it; back != analysis.causes.rend(); ++back) {
            if (back->kind != CauseKind::Finished)
                continue;
            episodeStart = back->start;
            if (!back->continues)
                break;
        }
        const Seconds at =
            finishEvent(events, condition, summary.outcomeReason, episodeStart).value_or(it->start);
        summary.finishedAt = at - origin;
        break;
    }
    return summarizeWithFinish(analysis, origin, end, std::move(summary));
}

RunSummary summarizeWithFinish(const Analysis& analysis, Seconds origin, Seconds end,
                               RunSummary finish) {
    RunSummary summary;
    summary.finishedAt = finish.finishedAt;
    summary.outcome = std::move(finish.outcome);
    summary.outcomeReason = std::move(finish.outcomeReason);
    for (const PodLifecycle& pod : analysis.pods) {
        const Seconds stop = podEnd(pod, end);
        summary.podSeconds += std::max(0.0, stop - pod.created);
        if (pod.started)
            summary.runningSeconds += std::max(0.0, stop - *pod.started);
        ++summary.podsCreated;
        if (pod.phase == pod_phase::Failed)
            ++summary.podsFailed;
    }

    const Seconds until = summary.finishedAt ? origin + *summary.finishedAt : end;
    double activeSeconds = 0;
    for (std::size_t i = 0; i < analysis.series.size(); ++i) {
        const SeriesRow& row = analysis.series[i];
        summary.peakActive = std::max<int>(summary.peakActive, row.active);
        // Each row holds until the next one.
        const Seconds from = std::max(row.time, origin);
        const Seconds to =
            std::min(i + 1 < analysis.series.size() ? analysis.series[i + 1].time : end, until);
        if (to > from)
            activeSeconds += row.active * (to - from);
    }
    if (until > origin)
        summary.meanActive = activeSeconds / (until - origin);
    if (!analysis.series.empty())
        summary.requested = analysis.series.back().requested;
    return summary;
}

RangeSummary summarizeRange(const Analysis& analysis, Seconds origin, Seconds end, Seconds from,
                            Seconds to) {
    if (to < from)
        std::swap(from, to);
    RangeSummary range;
    range.from = std::clamp(from, 0.0, std::max(0.0, end - origin));
    range.to = std::clamp(to, range.from, std::max(range.from, end - origin));
    const Seconds a = origin + range.from;
    const Seconds b = origin + range.to;
    const auto inside = [a, b](Seconds t) { return t >= a && t <= b; };
    for (const PodLifecycle& pod : analysis.pods) {
        const Seconds stop = podEnd(pod, end);
        range.podSeconds += overlap(pod.created, stop, a, b);
        if (pod.started)
            range.runningSeconds += overlap(*pod.started, stop, a, b);
        if (inside(pod.created))
            ++range.podsCreated;
        if (pod.finished && inside(*pod.finished)) {
            if (pod.phase == pod_phase::Succeeded)
                ++range.completions;
            else if (pod.phase == pod_phase::Failed)
                ++range.failures;
        }
    }
    double activeSeconds = 0;
    for (std::size_t i = 0; i < analysis.series.size(); ++i) {
        const SeriesRow& row = analysis.series[i];
        // Each row holds until the next one; a row that starts after the range has no part in
        // it, the row in force at its start has.
        const Seconds rowEnd = i + 1 < analysis.series.size() ? analysis.series[i + 1].time : end;
        if (row.time > b || rowEnd < a || (rowEnd == a && i + 1 < analysis.series.size()))
            continue;
        range.peakActive = std::max<int>(range.peakActive, row.active);
        activeSeconds += row.active * overlap(row.time, rowEnd, a, b);
    }
    if (b > a)
        range.meanActive = activeSeconds / (b - a);
    return range;
}

} // namespace jobscope
