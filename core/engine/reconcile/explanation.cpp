// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconcile/explanation.h"

#include "go_int32.h"

#include "reconcile/backoff.h"
#include "reconcile/indexes.h"
#include "reconcile/job_pods.h"

#include <algorithm>
#include <set>
#include <span>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace jobscope {

namespace {

class CauseList {
public:
    void add(std::string_view id) {
        if (std::find(ids_.begin(), ids_.end(), id) == ids_.end())
            ids_.emplace_back(id);
    }
    const std::vector<std::string>& ids() const { return ids_; }
    std::vector<std::string> take() {
        if (ids_.empty())
            ids_.emplace_back(cause::None);
        return std::move(ids_);
    }

private:
    std::vector<std::string> ids_;
};

bool hasTrueCondition(const JobStatus& status, const char* type) {
    for (const auto& c : status.conditions)
        if (c.type == type && c.status == "True")
            return true;
    return false;
}

bool isFinishing(const JobStatus& status) {
    return hasTrueCondition(status, job_condition::FailureTarget) ||
           hasTrueCondition(status, job_condition::SuccessCriteriaMet) ||
           hasTrueCondition(status, job_condition::Complete) ||
           hasTrueCondition(status, job_condition::Failed);
}

// The succeeded count manageJob worked with: succeeded indexes for Indexed Jobs, otherwise the
// counted, uncounted and newly finished successes.
int32_t succeededForTarget(const Job& job, std::span<const Pod* const> pods,
                           const SyncRequest& input, const SyncResult& r) {
    if (job.spec.isIndexed()) {
        // The pass writes completedIndexes whenever the succeeded indexes changed, so the
        // status it leaves holds them; only a failed write needs the Pods recounted.
        if (r.statusUpdated)
            return r.status.succeeded;
        if (!r.error)
            return parseIndexesFromString(job.status.completedIndexes, *job.spec.completions)
                .total();
        return calculateSucceededIndexes(job, pods).second.total();
    }
    std::unordered_set<std::string_view> uncounted;
    std::unordered_set<std::string_view> expectedRm(input.expectations.finalizerRemovalUids.begin(),
                                                    input.expectations.finalizerRemovalUids.end());
    if (job.status.uncountedTerminatedPods)
        uncounted.insert(job.status.uncountedTerminatedPods->succeeded.begin(),
                         job.status.uncountedTerminatedPods->succeeded.end());
    int64_t n = int64_t{job.status.succeeded} + static_cast<int64_t>(uncounted.size());
    for (const Pod* p : pods)
        if (p->phase == pod_phase::Succeeded && hasJobTrackingFinalizer(*p) &&
            !uncounted.count(p->metadata.uid) && !expectedRm.count(p->metadata.uid))
            ++n;
    return goInt32(n); // as syncJob's counters, which wrap like Go's int32
}

// The pod-failure backoff manageJob consulted: the record updated with the Pods that finished
// since it was last written (getNewFinishedPods), measured at this sync's time.
Seconds globalBackoffRemaining(const Job& job, std::span<const Pod* const> pods,
                               const SyncRequest& input) {
    std::unordered_set<std::string_view> expectedRm(input.expectations.finalizerRemovalUids.begin(),
                                                    input.expectations.finalizerRemovalUids.end());
    std::unordered_set<std::string_view> uncountedSucceeded;
    std::unordered_set<std::string_view> uncountedFailed;
    if (const auto& u = job.status.uncountedTerminatedPods) {
        uncountedSucceeded.insert(u->succeeded.begin(), u->succeeded.end());
        uncountedFailed.insert(u->failed.begin(), u->failed.end());
    }
    std::vector<const Pod*> newSucceeded;
    std::vector<const Pod*> newFailed;
    for (const Pod* p : pods) {
        if (!hasJobTrackingFinalizer(*p) || expectedRm.count(p->metadata.uid))
            continue;
        if (job.spec.isIndexed()) {
            const int ix = getCompletionIndex(*p);
            if (ix == kUnknownCompletionIndex || ix >= job.spec.completions.value_or(0))
                continue;
        }
        if (p->phase == pod_phase::Succeeded && !uncountedSucceeded.count(p->metadata.uid))
            newSucceeded.push_back(p);
        else if (isPodFailed(*p, job, input.gates) && !uncountedFailed.count(p->metadata.uid))
            newFailed.push_back(p);
    }
    return backoffRemainingTime(newBackoffRecord(input.backoff, newSucceeded, newFailed),
                                input.now);
}

struct PassFacts {
    int32_t observedActive = 0; // active Pods the informer showed
    int32_t pending = 0;        // of those, not yet Running
    int32_t terminating = 0;    // Pods in graceful termination
    int accepted = 0;           // creations the API accepted this pass
    int refusedQuota = 0;
    int refusedForbidden = 0;
    int refusedOther = 0;
    int deleted = 0;              // DELETEs the API accepted this pass
    bool managedDeletion = false; // deletions by manageJob (they set expectations)
};

PassFacts gatherFacts(const SyncRequest& in, const SyncResult& r,
                      std::span<const Pod* const> pods) {
    PassFacts f;
    for (const Pod* p : pods) {
        if (isPodActive(*p)) {
            ++f.observedActive;
            if (p->phase != pod_phase::Running)
                ++f.pending;
        }
        if (isPodTerminating(*p))
            ++f.terminating;
    }
    for (const auto& c : r.creations) {
        if (c.accepted)
            ++f.accepted;
        else if (c.error.find("exceeded quota") != std::string::npos)
            ++f.refusedQuota;
        else if (c.error.find("is forbidden") != std::string::npos)
            ++f.refusedForbidden;
        else
            ++f.refusedOther;
    }
    for (const auto& e : r.events)
        if (e.reason == event_reason::SuccessfulDelete)
            ++f.deleted;
    // manageJob's deletions set the deletion expectation at this sync's time; the deletions
    // of a finishing Job set none.
    f.managedDeletion = !r.deletedPods.empty() && r.expectations.setAt == in.now &&
                        r.expectations.creations == 0 && in.expectations.setAt != in.now;
    return f;
}

} // namespace

Explanation explainSync(const SyncRequest& input, const SyncResult& r) {
    Explanation ex;
    const Job job = withApiDefaults(input.job, input.gates);
    ex.requested = *job.spec.parallelism;
    CauseList causes;

    const std::span<const Pod* const> pods = input.pods;
    const PassFacts f = gatherFacts(input, r, pods);
    const bool onlyFailed = onlyReplaceFailedPods(job, input.gates);

    auto secondary = [&] {
        if (f.terminating > 0)
            causes.add(cause::Terminating);
        if (f.pending > 0)
            causes.add(cause::Pending);
    };

    if (!r.synced) {
        if (isJobFinished(input.job)) {
            ex.wantActive = 0;
            causes.add(cause::Finished);
        } else {
            // Another controller (or none) decides; the built-in controller holds nothing back.
            ex.wantActive = f.observedActive;
            secondary();
        }
        ex.causes = causes.take();
        return ex;
    }

    const bool finishing = isFinishing(r.status) || isFinishing(input.job.status) ||
                           (!r.deletedPods.empty() && !f.managedDeletion && !jobSuspended(job));
    if (finishing || input.job.metadata.deletionTimestamp) {
        ex.wantActive = 0;
        causes.add(cause::Finished);
        if (f.terminating > 0 || f.deleted > 0)
            causes.add(cause::Terminating);
        ex.causes = causes.take();
        return ex;
    }
    if (jobSuspended(job)) {
        ex.wantActive = 0;
        causes.add(cause::Suspended);
        if (f.terminating > 0 || f.deleted > 0)
            causes.add(cause::Terminating);
        ex.causes = causes.take();
        return ex;
    }

    // manageJob's target.
    const int32_t succeeded = succeededForTarget(job, pods, input, r);
    const char* targetCause = nullptr;
    if (!job.spec.completions) {
        if (succeeded > 0) {
            ex.wantActive = f.observedActive;
            targetCause = cause::WorkQueueDraining;
        } else {
            ex.wantActive = ex.requested;
        }
    } else {
        ex.wantActive = std::clamp(goInt32(int64_t{*job.spec.completions} - succeeded), 0,
                                   std::max<int32_t>(ex.requested, 0));
        targetCause = cause::RemainingCompletions;
    }
    const int32_t targetGap = ex.wantActive < ex.requested ? ex.requested - ex.wantActive : 0;
    if (targetGap == 0)
        targetCause = nullptr;

    // Why the observed active Pods fall short of the target.
    CauseList shortfall;
    const int32_t shortGap = ex.wantActive - f.observedActive;
    if (shortGap > 0) {
        if (!input.expectations.satisfied(input.now))
            shortfall.add(cause::ControllerLag);
        if (f.refusedQuota > 0)
            shortfall.add(cause::QuotaExceeded);
        if (f.refusedForbidden > 0)
            shortfall.add(cause::CreationForbidden);
        if (f.accepted > 0)
            shortfall.add(cause::ControllerLag); // created, not yet seen
        if (f.refusedOther > 0)
            shortfall.add(cause::CreationFailed); // refused by another server error
        if (onlyFailed && f.terminating > 0)
            shortfall.add(cause::Terminating);
        const bool heldBack = r.creations.empty() && input.expectations.satisfied(input.now) &&
                              f.observedActive + (onlyFailed ? f.terminating : 0) < ex.wantActive;
        const bool backoff = heldBack && (hasBackoffLimitPerIndex(job, input.gates)
                                              ? r.requeueAfter.has_value()
                                              : globalBackoffRemaining(job, pods, input) > 0);
        if (backoff)
            shortfall.add(cause::FailureBackoff);
        if (job.spec.isIndexed() && heldBack && !backoff)
            shortfall.add(cause::RemainingCompletions); // no free index (failed or held)
    } else if (shortGap < 0 && !input.expectations.satisfied(input.now)) {
        // Above the target and removals not yet observed.
        shortfall.add(cause::ControllerLag);
    }
    if (f.managedDeletion)
        shortfall.add(cause::ScaledDown); // surplus, duplicate or invalid-index Pods removed

    // The larger gap names the primary cause.
    if (targetCause && targetGap >= std::max(shortGap, 0))
        causes.add(targetCause);
    for (const auto& id : shortfall.ids())
        causes.add(id);
    if (targetCause)
        causes.add(targetCause);
    secondary();
    ex.causes = causes.take();
    return ex;
}

} // namespace jobscope
