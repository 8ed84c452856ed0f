// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One pass of the upstream Job controller's syncJob (kubernetes/kubernetes
// pkg/controller/job/job_controller.go, current master), as a pure function: the Job, the Pods
// the informer shows, the controller's memory between syncs (expectations, pod-failure backoff
// record), the answers the API server will give and the controller's feature gates go in; what
// the controller does in this pass comes out. No clock, no I/O. With every gate on (the
// default) it is current master, where all Job features are GA; a gate turned off brings back
// upstream's code path for it (reconcile/feature_gates.h).
//
// Beyond upstream, the result carries an Explanation: the number of active Pods the
// controller aims for and the causes (explanation.h ids) that keep the actual parallelism
// from the request at this moment.

#include "interned_string.h"
#include "job.h"
#include "pod.h"
#include "reconcile/backoff.h"
#include "reconcile/feature_gates.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace jobscope {

// Upstream constants (job_controller.go, controller_utils.go).
inline constexpr Seconds kSyncJobBatchPeriod = 1.0;
inline constexpr Seconds kDefaultJobApiBackOff = 1.0;
inline constexpr Seconds kMaxJobApiBackOff = 60.0;
inline constexpr int kMaxUncountedPods = 500;
inline constexpr int kMaxPodCreateDeletePerSync = 500;
inline constexpr int kSlowStartInitialBatchSize = 1;
inline constexpr Seconds kExpectationsTimeout = 300.0;

// Creates and deletes issued by earlier syncs and not yet seen in the informer
// (ControllerExpectations), plus the Pods whose finalizer removal is still in flight
// (finalizerExpectations).
struct Expectations {
    int creations = 0;
    int deletions = 0;
    // When the expectation was last set; with `now` it decides the 5-minute TTL.
    std::optional<Seconds> setAt;
    std::vector<std::string> finalizerRemovalUids;

    bool satisfied(Seconds now) const;
};

// What the API server answers this sync's writes with.
enum class ApiError {
    None,
    Quota,                // 403 Forbidden: exceeded quota
    Forbidden,            // 403 Forbidden: no permission / admission denied
    Error,                // any other failure (500, timeout)
    NamespaceTerminating, // creation refused because the namespace is being deleted
};

struct ApiErrors {
    ApiError create = ApiError::None;
    ApiError deletion = ApiError::None;
    ApiError patch = ApiError::None;        // finalizer-removal patches
    ApiError statusUpdate = ApiError::None; // UpdateStatus of the Job
    // Creates the API accepts before it starts failing with `create` (or with a generic
    // error when `create` is None), as upstream's FakePodControl.CreateLimit.
    std::optional<int> createLimit;
};

struct SyncInput {
    Job job; // status = the status before this sync; metadata.deletionTimestamp = being deleted
    std::vector<Pod> pods; // Pods the informer shows as owned by the Job
    Expectations expectations;
    BackoffRecord backoff; // the controller's pod-failure backoff record for this Job
    ApiErrors apiErrors;
    Seconds now = 0;
    FeatureGates gates; // kube-controller-manager's --feature-gates
    // The release of kube-controller-manager and kube-apiserver (1.<minor>); unset: current
    // master. Gates aside, it decides the upstream bugs a release still has (feature_gates.h).
    std::optional<int> kubernetesMinor;
};

// The same input, borrowed: the simulator keeps its Pods in its own store and passes only
// the ones a sync can still act on (active, terminating, finished but not yet counted), so a
// pass costs what changed rather than every Pod the Job ever had.
struct SyncRequest {
    const Job& job;
    std::span<const Pod* const> pods;
    const Expectations& expectations;
    const BackoffRecord& backoff;
    const ApiErrors& apiErrors;
    Seconds now = 0;
    FeatureGates gates;
    std::optional<int> kubernetesMinor;
};

// A Pod this sync asked the API server to create.
struct PodCreation {
    std::optional<int> index; // Indexed Jobs: the completion index
    // Per-index failure counters carried to the new Pod (backoffLimitPerIndex).
    std::optional<int> indexFailureCount;
    std::optional<int> indexIgnoredFailureCount;
    // metadata.generateName of the new Pod: "<job>-" or, Indexed, "<job>-<index>-".
    std::string generateName;
    int batch = 0;        // the slow-start batch (0: the first, of 1 Pod); a batch's creates
                          // run concurrently, and the next batch starts when they all returned
    bool accepted = true; // false when the API refused it
    std::string error;    // the API's message when refused
};

// The reasons of the Pod calls' Events, which the simulator matches to its writes. Interned:
// one is written for every Pod created or deleted.
namespace event_reason {
inline const InternedString SuccessfulCreate{"SuccessfulCreate"};
inline const InternedString FailedCreate{"FailedCreate"};
inline const InternedString SuccessfulDelete{"SuccessfulDelete"};
inline const InternedString FailedDelete{"FailedDelete"};
} // namespace event_reason

namespace event_type {
inline const InternedString Normal{"Normal"};
inline const InternedString Warning{"Warning"};
} // namespace event_type

struct Event {
    InternedString type;   // Normal | Warning
    InternedString reason; // SuccessfulCreate, FailedCreate, SuccessfulDelete, Completed, ...
    std::string message;
};

// Why actual parallelism differs from the request right now (explanation.h cause ids,
// primary cause first).
struct Explanation {
    int32_t requested = 0;  // spec.parallelism
    int32_t wantActive = 0; // what the controller aims for
    std::vector<std::string> causes;
};

struct SyncResult {
    bool synced = true; // false when the controller skips the Job (finished, managedBy, ...)
    std::string skippedReason;

    std::vector<PodCreation> creations;         // create calls issued, refused ones included
    std::vector<std::string> deletedPods;       // names of Pods the sync issued DELETE for
    std::vector<std::string> finalizerRemovals; // Pods whose finalizer removal was issued
    std::optional<std::string> error;           // the error syncJob returns, if any
    std::optional<Seconds> requeueAfter;        // AddAfter delay asked by this pass

    // The same Pods, in the same order, as the request's objects (valid while those are): a
    // caller that keeps its own records beside its Pod objects reaches them without a lookup
    // by name.
    std::vector<const Pod*> deletedPodObjects;
    std::vector<const Pod*> finalizerRemovalObjects;

    bool statusUpdated = false; // whether the pass wrote the Job status
    JobStatus status;           // the Job status after the pass
    // The pass's earlier status writes, in order, when it wrote more than once: the write that
    // lists finished Pods in uncountedTerminatedPods before their finalizers are removed (and,
    // after a failed finalizer patch, the one saving partial progress). `status` is the last.
    std::vector<JobStatus> earlierStatusWrites;

    Expectations expectations; // the controller's expectations after the pass
    BackoffRecord backoff;     // the backoff record after the pass
    std::vector<Event> events;
    Explanation explanation;

    int creationCount() const { return static_cast<int>(creations.size()); }
    int deletionCount() const { return static_cast<int>(deletedPods.size()); }
    std::vector<int> createdIndexes() const;
};

SyncResult syncJob(const SyncRequest& request);
SyncResult syncJob(const SyncInput& input);

} // namespace jobscope
