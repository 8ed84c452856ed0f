// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The figures a comparison of two runs needs (Compare, the trade-off lessons): when the
// Job finished and what it cost, from an Analysis only.

#include "analysis/analysis.h"

#include <optional>
#include <string>

namespace jobscope {

struct RunSummary {
    std::optional<Seconds> finishedAt; // seconds since the Job's creation; unset if it never did
    std::string outcome;               // "Complete", "Failed", "" (not finished)
    std::string outcomeReason;         // the terminal condition's reason (BackoffLimitExceeded)
    double podSeconds = 0; // sum over Pods of (end − created), end = finished/deleted/timeline end
    double runningSeconds = 0; // sum over Pods of (end − started), the time containers ran
    int podsCreated = 0;
    int podsFailed = 0;
    int peakActive = 0;
    double meanActive = 0; // active Pods averaged over time, from the creation to the finish
                           // (or the end when the Job did not finish)
    int32_t requested = 0; // spec.parallelism at the end (the sum over the Jobs of several)
    int jobs = 1;          // Job objects: one, or a scenario's several (aggregateRun)
};

// `events` are the timeline's (Timeline::events), `origin` is the Job's creation time
// (Timeline::start), `end` the timeline's end.
RunSummary summarize(const Analysis& analysis, const std::vector<TimelineEvent>& events,
                     Seconds origin, Seconds end);
// The same figures with the finish (finishedAt, outcome, outcomeReason) given in `finish`
// instead of read from the analysis' causes: the finish of several Jobs is their last one's.
RunSummary summarizeWithFinish(const Analysis& analysis, Seconds origin, Seconds end,
                               RunSummary finish);

// What happened between two moments (a range the user selects on the time axis).
struct RangeSummary {
    Seconds from = 0; // seconds since the Job's creation, from <= to
    Seconds to = 0;
    double podSeconds = 0;     // of every Pod, the part of (created, end) inside the range
    double runningSeconds = 0; // the part of (started, end) inside the range
    int podsCreated = 0;       // Pods created inside the range
    int completions = 0;       // Pods that succeeded inside the range
    int failures = 0;          // Pods that failed inside the range
    double meanActive = 0;     // active Pods averaged over the range
    int peakActive = 0;        // the most active Pods at any moment of it

    Seconds duration() const { return to - from; }
};

// The range [from, to] (seconds since `origin`, in either order, clamped to [0, end − origin])
// of an analysis whose timeline ends at `end` (absolute), with the same Pod ends as summarize.
RangeSummary summarizeRange(const Analysis& analysis, Seconds origin, Seconds end, Seconds from,
                            Seconds to);

} // namespace jobscope
