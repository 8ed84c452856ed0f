// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one record both modes produce (simulated and observed): what an observer of the API server
// saw of one Job over time. The simulator appends to it as its modelled API server changes objects;
// the live source appends what list/watch delivers. Analysis reads only this, so a
// simulated Job and a live one are explained by the same code.
//
// Pods are stored once (identity) plus a compact state per change, so 100 000 Pods with a
// handful of changes each stay small; podAt() rebuilds the v1 Pod the controller would see.

#include "interned_string.h"
#include "job.h"
#include "optional_seconds.h"
#include "pod.h"
#include "reconcile/feature_gates.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobscope {

// A Pod's identity: what does not change over its life.
struct TimelinePod {
    std::string name;
    std::string uid;
    int index = -1;  // completion index, -1 for NonIndexed Jobs
    int attempt = 0; // 0 for the first Pod of an index (NonIndexed: of the Job), then 1, 2, ...
    Seconds createdAt = 0;
    // Per-index failure counters the controller wrote on it (backoffLimitPerIndex).
    std::optional<int> indexFailureCount;
    std::optional<int> indexIgnoredFailureCount;

    // Its index entries as the Pod object carries them (Pod::indexEntries).
    Pod::IndexEntries indexEntries() const {
        return {index >= 0 ? std::optional<int>(index) : std::nullopt, indexFailureCount,
                indexIgnoredFailureCount};
    }
};

// Everything about a Pod that the controller or the analysis reads and that can change.
struct PodState {
    // Interned, and ordered without padding: a 100 000-Pod timeline holds half a million.
    InternedString phase = pod_phase::Pending;
    InternedString nodeName;        // empty until scheduled
    InternedString waitingReason;   // e.g. ImagePullBackOff, Unschedulable (for the narration)
    bool containersStarted = false; // a container is running (or has run)
    bool ready = false;             // Ready=True
    bool tracked = true;            // carries batch.kubernetes.io/job-tracking
    bool disruptionTarget = false;  // DisruptionTarget=True (node loss, eviction, preemption)
    int32_t restartCount = 0;
    OptionalSeconds deletionTimestamp;
    std::optional<int32_t> exitCode; // of the terminated main container
    OptionalSeconds finishedAt;

    bool operator==(const PodState&) const = default;
};

struct PodObservation {
    Seconds time = 0;
    uint32_t pod = 0;     // index into Timeline::pods
    bool deleted = false; // the object is gone from the API server (here: no padding)
    PodState state;
};

// A change of the Job object: spec (parallelism, suspend, ...) or status.
struct JobObservation {
    Seconds time = 0;
    JobSpec spec;
    JobStatus status;
    bool deleted = false;
};

struct TimelineEvent {
    Seconds time = 0;
    InternedString objectKind; // "Job" | "Pod"
    std::string objectName;
    InternedString type;   // Normal | Warning
    InternedString reason; // SuccessfulCreate, FailedCreate, SuccessfulDelete, Completed, ...
    std::string message;
    // Occurrences this entry stands for (an aggregated Event's count rose by this much; the
    // newest of them at `time`). At least 1, at most Kubernetes' int32 count.
    int32_t count = 1;
};

// A sync the controller ran, with what it wanted (simulated mode records it; live analysis
// asks the reconcile core for the same thing at each change).
struct ControllerSync {
    Seconds time = 0;
    int32_t wantActive = 0;
    std::vector<std::string> causes;
    int creations = 0;
    int deletions = 0;
};

// A span of time whose history was not watched but reconstructed from the objects' own
// timestamps: a post-mortem dump, the life of a Job before a live watch began, or a gap in a
// watch. Inside it the order of changes follows the server's timestamps (1 s resolution), the
// Job's counters are only known where they were read, Events that repeated are spread over
// their first..last times, and Pods deleted before they were seen are missing.
struct UnobservedSpan {
    Seconds start = 0;
    Seconds end = 0;
    std::string reason; // "dump" | "before-watch" | "watch-gap"
};

struct Timeline {
    ObjectMeta jobMetadata;
    // The Job controller's feature gates: the scenario's when simulated; every gate on (current
    // master) for live timelines, whose cluster version is not recorded.
    FeatureGates gates;
    std::optional<int> kubernetesMinor; // the scenario's release; unset: current master
    Seconds start = 0;                  // the Job's creation
    std::optional<Seconds> end;         // when observation stopped
    std::vector<TimelinePod> pods;
    // Each list is in time order; equal times keep the order in which they were observed.
    std::vector<JobObservation> jobChanges;
    std::vector<PodObservation> podChanges;
    std::vector<TimelineEvent> events;
    std::vector<ControllerSync> syncs;      // empty for live timelines
    std::vector<UnobservedSpan> unobserved; // in start order, not overlapping; empty when
                                            // simulated or watched throughout

    // The v1 Pod as the controller sees it in `state`, rebuilt from the compact record.
    Pod podAt(uint32_t pod, const PodState& state) const;
    // The same, written into `out` (every field set), reusing its storage: callers that
    // rebuild many Pods keep a few objects instead of allocating one per rebuild. `pod` must
    // be a position in `pods`.
    void fillPod(uint32_t pod, const PodState& state, Pod& out) const;
    // Only what `state` holds, into an object that fillPod filled for this same Pod: its
    // identity (names, uid, creation, index entries) is already there. Reads nothing of the
    // timeline.
    static void fillPodState(const PodState& state, Pod& out);
};

} // namespace jobscope
