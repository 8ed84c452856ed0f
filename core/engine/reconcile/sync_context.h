// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internals shared by sync.cpp and manage_job.cpp: the per-pass context (upstream's
// syncJobCtx), the model of the API server and pod control that answers this pass's writes
// as SyncInput::apiErrors says, and the expectation bookkeeping (ControllerExpectations).

#include "reconcile/indexes.h"
#include "reconcile/sync.h"
#include "reconcile/view_set.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace jobscope::detail {

// The answer to one API write.
struct ApiAnswer {
    bool ok = true;
    bool namespaceTerminating = false; // creation refused because the namespace goes away
    std::string error;                 // the API's message when !ok
};

// controller.RealPodControl plus the Job status client: each call is recorded in the result
// (creations, deletedPods, finalizerRemovals, events) and answered per ApiErrors.
class ApiCalls {
public:
    ApiCalls(const SyncRequest& input, SyncResult& result) : input_(input), result_(result) {}

    // CreatePodsWithGenerateName; records SuccessfulCreate / FailedCreate events as
    // RealPodControl does (none when the namespace is terminating).
    ApiAnswer createPod(const Job& job, PodCreation creation);
    // DeletePod; SuccessfulDelete / FailedDelete events.
    ApiAnswer deletePod(const Job& job, const Pod& pod);
    // PatchPod removing the tracking finalizer.
    ApiAnswer removeFinalizer(const Job& job, const Pod& pod);
    // UpdateStatus; on success the written status becomes the result's status.
    ApiAnswer updateStatus(const Job& job);

private:
    const SyncRequest& input_;
    SyncResult& result_;
    int createCalls_ = 0;
};

// syncJobCtx: what one pass knows about the Job and its Pods.
struct SyncJobCtx {
    SyncJobCtx(const SyncRequest& in, SyncResult& out) : input(in), result(out), api(in, out) {}

    const SyncRequest& input;
    SyncResult& result;
    ApiCalls api;
    Seconds now = 0;
    const FeatureGates& gates() const { return input.gates; }

    Job job;                          // the working copy (defaults applied, status being rebuilt)
    std::span<const Pod* const> pods; // the request's, in its order
    std::vector<const Pod*> activePods;
    std::optional<JobCondition> finishedCondition;
    int32_t succeeded = 0;
    int32_t failed = 0;
    OrderedIntervals prevSucceededIndexes;
    OrderedIntervals succeededIndexes;
    std::optional<OrderedIntervals> failedIndexes;
    BackoffRecord newBackoffRecord;
    // Views into the request's expectations, which outlive the pass (a hash set: a sync asks
    // about every Pod it is given, twice).
    ViewSet expectedRmFinalizers;
    // Snapshot of status.uncountedTerminatedPods at the start of the pass (views into the
    // input Job, which outlives the pass).
    ViewSet uncountedSucceeded;
    ViewSet uncountedFailed;
    std::map<int, const Pod*> podsWithDelayedDeletionPerIndex;
    int32_t terminating = 0;
    int32_t ready = 0;

    // ControllerExpectations for this Job (ExpectCreations / ExpectDeletions replace both
    // counters and restart the TTL; *Observed lower one counter).
    void expectCreations(int n);
    void expectDeletions(int n);
    void creationObserved() { --result.expectations.creations; }
    void deletionObserved() { --result.expectations.deletions; }
    // queue.AddAfter: the work queue keeps the earliest time asked for a key.
    void addAfter(Seconds delay);
    // enqueueSyncJobWithDelay: never sooner than the batch period.
    void enqueueWithDelay(Seconds delay) { addAfter(std::max(delay, kSyncJobBatchPeriod)); }
};

struct ManageJobOutcome {
    int32_t active = 0;
    std::optional<std::string> error;
};

// manageJob (manage_job.cpp).
ManageJobOutcome manageJob(SyncJobCtx& ctx);

// deleteJobPods: finalizer removal then DELETE per Pod; failed ones lower the deletion
// expectation. Returns (deleted ready, deleted, first error).
struct DeleteOutcome {
    int32_t deletedReady = 0;
    int32_t deleted = 0;
    std::optional<std::string> error;
};
DeleteOutcome deleteJobPods(SyncJobCtx& ctx, const std::vector<const Pod*>& pods);

} // namespace jobscope::detail
