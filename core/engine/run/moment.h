// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What is true at one instant of a run: the series row in force, the causes in force (primary
// first) with the numbers true at that instant, the Job's conditions, and each Pod's state.
// The narration, the plot's hover text, the inspector and lesson captions read a Moment; none
// looks the instant up in the run by itself.

#include "run/run.h"

#include <optional>
#include <vector>

namespace jobscope {

// Times within this of a change count as at or after it: times are sums and differences of
// doubles, and a view asking for the instant of a change must see the change.
inline constexpr Seconds kMomentTolerance = 1e-6;

struct MomentCause {
    CauseKind kind = CauseKind::None;
    bool primary = false;
    const CauseInterval* interval = nullptr; // the interval in force (its numbers hold now)
    std::vector<CauseParam> params;          // its numbers, plus "left" for a wait still running
    std::string job; // in a run of several Jobs, the name of the Job it holds back ("" for all)
};

enum class PodMomentState : uint8_t {
    NotCreated,
    Unscheduled, // Pending, no node yet
    Starting,    // Pending on a node: containers not started
    Running,
    RunningReady,
    Terminating,
    Succeeded,
    Failed,
    Deleted,
};

struct Moment {
    Seconds time = 0;                     // seconds since origin, as asked
    const SeriesRow* row = nullptr;       // null before the Job was first observed
    std::vector<MomentCause> causes;      // primary first; empty when nothing holds the Job back
    const JobObservation* job = nullptr;  // the Job object as it was then (null before seen)
    std::vector<JobCondition> conditions; // its conditions with status True
    bool jobDeleted = false;
    bool atEnd = false; // at (or after) the run's end
};

// In a run of several Jobs (Run::jobs) the row is their sum and the causes are each Job's own
// (MomentCause::job names it; its interval is in that Job's run), the Jobs' primary causes
// first; `finished` once every Job has finished. No single Job object: job is null and there
// are no conditions.
Moment momentAt(const Run& run, Seconds time);

// The state of one Pod at `time` (seconds since origin).
PodMomentState podStateAt(const Run& run, const PodLifecycle& pod, Seconds time);

// The series row in force at `time` (seconds since origin); null before the first.
const SeriesRow* seriesRowAt(const Run& run, Seconds time);

} // namespace jobscope
