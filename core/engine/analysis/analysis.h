// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The requested-vs-actual picture of one Job: from a Timeline — simulated now,
// live later — the parallelism series, the cause intervals and the per-Pod lifecycles.
//
// Only what an observer of the API server can see is used: Job spec/status changes, Pod
// states and Events. What the controller wants (wantActive) and why the actual parallelism
// differs (the causes) come from asking the reconcile core (syncJob) with the observed state at
// each change, combined with observable facts (FailedCreate events, pending and terminating
// Pods, Job conditions). Timeline::syncs (the simulator's own record) is never read.
//
// Causes come from one catalogue (analysis/cause_catalogue.h). A cause interval carries the
// numbers that are true at every instant inside it: where one of them changes (or the cause
// stops or starts being the primary one), the interval ends and a continuation begins.

#include "analysis/cause_catalogue.h"
#include "optional_seconds.h"
#include "timeline/timeline.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jobscope {

// One row per observed change (Job, Pod or Event) that altered any column.
struct SeriesRow {
    Seconds time = 0;
    int32_t requested = 0;   // spec.parallelism at that time (suspend does not change it)
    int32_t wantActive = 0;  // what the controller aims for
    int32_t active = 0;      // Pods not finished and not terminating (upstream "active")
    int32_t ready = 0;       // active Pods with Ready=True
    int32_t running = 0;     // active Pods in phase Running
    int32_t pending = 0;     // active Pods in phase Pending
    int32_t terminating = 0; // Pods with a deletionTimestamp that have not finished or gone
    int32_t succeeded = 0;   // Job status.succeeded
    int32_t failed = 0;      // Job status.failed
    int32_t remaining = -1;  // completions not reached yet (the Pods' successes lead the
                             // counters); -1 without spec.completions (work queue)
    std::vector<InternedString> causes; // cause ids in force, primary first; {"none"} if nothing
};

// A value an explanation mentions, so the GUI can format a translated sentence:
// e.g. {"quota", 2}, {"refused", 3}; `text` for the few that are words (a condition type).
struct CauseParam {
    std::string key;
    double value = 0;
    std::string text;

    bool operator==(const CauseParam&) const = default;
};

// A span in which `cause` was in force with the same numbers and the same rank throughout.
// A cause that stays in force while a number changes is a chain of intervals, the later ones
// marked `continues`; the chain is the cause's whole episode.
struct CauseInterval {
    Seconds start = 0;
    Seconds end = 0;      // exclusive; the timeline's end for a cause still in force
    InternedString cause; // the id of `kind` (cause_catalogue.h)
    CauseKind kind = CauseKind::None;
    bool primary = false;   // the primary cause throughout the span
    bool continues = false; // the same cause was in force right before `start`
    int32_t job = -1; // in a run of several Jobs (Run::jobs), the position of the Job it is of
    std::vector<CauseParam> params; // its numbers (cause_catalogue.h); causeSentence(*this) is
                                    // the English sentence with them

    std::optional<double> param(std::string_view key) const {
        for (const auto& p : params)
            if (p.key == key && p.text.empty())
                return p.value;
        return std::nullopt;
    }
    std::string textParam(std::string_view key) const {
        for (const auto& p : params)
            if (p.key == key)
                return p.text;
        return {};
    }
};

struct PodLifecycle {
    std::string name;
    int index = -1; // completion index, -1 for NonIndexed
    int attempt = 0;
    InternedString node; // last node it was bound to, empty if never scheduled
    Seconds created = 0;
    OptionalSeconds scheduled;
    OptionalSeconds started;           // first container running
    OptionalSeconds ready;             // first Ready=True
    OptionalSeconds terminating;       // when a deletionTimestamp was first seen
    OptionalSeconds finished;          // when the terminal phase was first seen (the clock
                                       // of every other time here)
    OptionalSeconds containerFinished; // the container's own finishedAt, as the API
                                       // server holds it (whole seconds on a real one)
    OptionalSeconds deleted;           // gone from the API server
    InternedString phase;              // last phase observed
    std::optional<int32_t> exitCode;
    bool disruptionTarget = false;
};

struct Analysis {
    std::vector<SeriesRow> series;
    std::vector<CauseInterval> causes; // in start order
    std::vector<PodLifecycle> pods;    // in Timeline::pods order
    // The Events are the timeline's own (Timeline::events, in time order), not copied here.
};

Analysis analyze(const Timeline& timeline);

class TimelineFeed;
// The same Analysis, read from a Timeline while its writer (the simulator) still writes it,
// on the calling thread: the reader's side of `feed` (timeline/timeline_feed.h). Nothing when
// the writer abandoned the feed before it was complete.
std::optional<Analysis> analyzeFeed(TimelineFeed& feed);

} // namespace jobscope
