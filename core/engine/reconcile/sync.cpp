// SPDX-License-Identifier: GPL-3.0-or-later
// syncJob of upstream's pkg/controller/job/job_controller.go (current master, with the feature
// gate checks of the releases in which the Job gates can be turned off): count the Pods, decide
// whether the Job finishes, let manageJob create or delete Pods, then account finished Pods
// through status.uncountedTerminatedPods and the tracking finalizer
// (trackJobStatusAndRemoveFinalizers) and write the terminal condition.

#include "reconcile/sync.h"

#include "go_int32.h"

#include "reconcile/backoff.h"
#include "reconcile/explanation.h"
#include "reconcile/indexes.h"
#include "reconcile/job_pods.h"
#include "reconcile/pod_failure_policy.h"
#include "reconcile/success_policy.h"
#include "reconcile/sync_context.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace jobscope {

bool Expectations::satisfied(Seconds now) const {
    // ControllerExpectations.SatisfiedExpectations: fulfilled, or older than the TTL.
    if (creations <= 0 && deletions <= 0)
        return true;
    return setAt && now - *setAt > kExpectationsTimeout;
}

std::vector<int> SyncResult::createdIndexes() const {
    std::vector<int> out;
    for (const auto& c : creations)
        if (c.index)
            out.push_back(*c.index);
    std::sort(out.begin(), out.end());
    return out;
}

namespace detail {

void SyncJobCtx::expectCreations(int n) {
    result.expectations.creations = n;
    result.expectations.deletions = 0;
    result.expectations.setAt = now;
}

void SyncJobCtx::expectDeletions(int n) {
    result.expectations.creations = 0;
    result.expectations.deletions = n;
    result.expectations.setAt = now;
}

void SyncJobCtx::addAfter(Seconds delay) {
    if (!result.requeueAfter || delay < *result.requeueAfter)
        result.requeueAfter = delay;
}

namespace {

using UidSet = ViewSet;

bool isUnknownCompletionMode(const Job& job) {
    return job.spec.completionMode && *job.spec.completionMode != completion_mode::NonIndexed &&
           *job.spec.completionMode != completion_mode::Indexed;
}

// getValidPodsWithFilter: Pods still carrying the finalizer, not already uncounted or awaiting
// finalizer removal, with a valid index for Indexed Jobs.
bool isValidUncountedPod(const SyncJobCtx& ctx, const Pod& p, const UidSet& uncounted) {
    if (!hasJobTrackingFinalizer(p) || uncounted.count(p.metadata.uid) ||
        ctx.expectedRmFinalizers.count(p.metadata.uid))
        return false;
    if (ctx.job.spec.isIndexed()) {
        const int ix = getCompletionIndex(p);
        if (ix == kUnknownCompletionIndex || ix >= ctx.job.spec.completions.value_or(0))
            return false;
    }
    return true;
}

// getNewFinishedPods.
void getNewFinishedPods(const SyncJobCtx& ctx, std::vector<const Pod*>& succeeded,
                        std::vector<const Pod*>& failed) {
    for (const Pod* p : ctx.pods) {
        if (p->phase == pod_phase::Succeeded &&
            isValidUncountedPod(ctx, *p, ctx.uncountedSucceeded))
            succeeded.push_back(p);
        else if (isPodFailed(*p, ctx.job, ctx.gates()) &&
                 isValidUncountedPod(ctx, *p, ctx.uncountedFailed))
            failed.push_back(p);
    }
}

// pastActiveDeadline: never while suspended; equality counts as past.
bool pastActiveDeadline(const Job& job, Seconds now) {
    if (!job.spec.activeDeadlineSeconds || !job.status.startTime || jobSuspended(job))
        return false;
    return now - *job.status.startTime >= static_cast<Seconds>(*job.spec.activeDeadlineSeconds);
}

// newFailureCondition: FailureTarget when the terminal condition waits for terminating Pods,
// else Failed at once.
JobCondition newFailureCondition(const FeatureGates& gates, const std::string& reason,
                                 const std::string& message, Seconds now) {
    const char* type =
        delayTerminalCondition(gates) ? job_condition::FailureTarget : job_condition::Failed;
    return newCondition(type, "True", reason, message, now);
}

// newSuccessCondition: SuccessCriteriaMet when the terminal condition waits, else Complete; the
// reason and message only with JobSuccessPolicy on.
JobCondition newSuccessCondition(const FeatureGates& gates, Seconds now) {
    const char* type =
        delayTerminalCondition(gates) ? job_condition::SuccessCriteriaMet : job_condition::Complete;
    if (!gates.jobSuccessPolicy)
        return newCondition(type, "True", "", "", now);
    return newCondition(type, "True", job_reason::CompletionsReached,
                        "Reached expected number of succeeded pods", now);
}

JobCondition newFailedConditionForFailureTarget(const JobCondition& c, Seconds now) {
    return newCondition(job_condition::Failed, "True", c.reason, c.message, now);
}

// deleteActivePods: DELETE only, finalizers kept; they are removed when the Pods are counted.
DeleteOutcome deleteActivePods(SyncJobCtx& ctx, const std::vector<const Pod*>& pods) {
    DeleteOutcome out;
    out.deleted = static_cast<int32_t>(pods.size());
    for (const Pod* pod : pods) {
        ApiAnswer del = ctx.api.deletePod(ctx.job, *pod);
        if (!del.ok) {
            --out.deleted;
            if (!out.error)
                out.error = del.error;
        }
        if (pod->isReady())
            ++out.deletedReady;
    }
    return out;
}

// cleanUncountedPodsWithoutFinalizers: UIDs whose finalizer is gone move from
// uncountedTerminatedPods into the counters.
bool cleanUncountedPodsWithoutFinalizers(JobStatus& status, const UidSet& uidsWithFinalizer) {
    bool updated = false;
    auto& uncounted = *status.uncountedTerminatedPods;
    auto filter = [&](std::vector<std::string>& uids, int32_t& counter) {
        std::vector<std::string> kept;
        for (auto& uid : uids)
            if (uidsWithFinalizer.count(uid))
                kept.push_back(std::move(uid));
        if (kept.size() != uids.size()) {
            updated = true;
            counter = goInt32(int64_t{counter} + static_cast<int64_t>(uids.size() - kept.size()));
        }
        uids = std::move(kept);
    };
    filter(uncounted.succeeded, status.succeeded);
    filter(uncounted.failed, status.failed);
    return updated;
}

// canRemoveFinalizer.
bool canRemoveFinalizer(const SyncJobCtx& ctx, const Pod& pod, bool considerPodFailed) {
    if (ctx.job.metadata.deletionTimestamp || ctx.finishedCondition ||
        pod.phase == pod_phase::Succeeded)
        return true;
    if (!considerPodFailed)
        return false;
    if (hasBackoffLimitPerIndex(ctx.job, ctx.gates())) {
        // The last failed Pod of an index stays until its replacement carries the counters.
        const int ix = getCompletionIndex(pod);
        if (ix != kUnknownCompletionIndex) {
            auto it = ctx.podsWithDelayedDeletionPerIndex.find(ix);
            if (it != ctx.podsWithDelayedDeletionPerIndex.end() &&
                it->second->metadata.uid == pod.metadata.uid)
                return false;
        }
    }
    return true;
}

struct FlushOutcome {
    bool needsFlush = false;
    std::optional<std::string> error;
};

// flushUncountedAndRemoveFinalizers.
FlushOutcome flushUncountedAndRemoveFinalizers(SyncJobCtx& ctx,
                                               const std::vector<const Pod*>& podsToRemoveFinalizer,
                                               UidSet& uidsWithFinalizer, bool needsFlush) {
    if (needsFlush) {
        ApiAnswer a = ctx.api.updateStatus(ctx.job);
        if (!a.ok)
            return {needsFlush, "adding uncounted pods to status: " + a.error};
        // The backoff record is kept only once the Pods it counts are in the status.
        ctx.result.backoff = ctx.newBackoffRecord;
        needsFlush = false;
    }
    std::optional<std::string> rmErr;
    for (const Pod* p : podsToRemoveFinalizer) {
        ApiAnswer a = ctx.api.removeFinalizer(ctx.job, *p);
        if (a.ok) {
            // expectFinalizersRemoved; the caller clears it when it sees the update.
            ctx.result.expectations.finalizerRemovalUids.push_back(p->metadata.uid);
            uidsWithFinalizer.erase(p->metadata.uid);
        } else if (!rmErr) {
            rmErr = a.error;
        }
    }
    if (cleanUncountedPodsWithoutFinalizers(ctx.job.status, uidsWithFinalizer))
        needsFlush = true;
    if (rmErr && needsFlush) {
        // Save the partial progress.
        ApiAnswer a = ctx.api.updateStatus(ctx.job);
        if (!a.ok)
            return {needsFlush, "removing uncounted pods from status: " + a.error};
    }
    return {needsFlush, rmErr};
}

// enactJobFinished: the terminal condition, once every Pod is counted and none terminates.
bool enactJobFinished(SyncJobCtx& ctx) {
    if (!ctx.finishedCondition)
        return false;
    if (const auto& u = ctx.job.status.uncountedTerminatedPods; u && !u->empty())
        return false;
    if (delayTerminalCondition(ctx.gates()) && ctx.terminating > 0)
        return false;
    const JobCondition& c = *ctx.finishedCondition;
    ensureJobConditionStatus(ctx.job.status.conditions, c.type, c.status, c.reason, c.message,
                             ctx.now);
    if (c.type == job_condition::Complete)
        ctx.job.status.completionTime = c.lastTransitionTime;
    return true;
}

// recordJobFinished: the events of a finished Job.
void recordJobFinished(SyncJobCtx& ctx) {
    const JobCondition& c = *ctx.finishedCondition;
    const Job& job = ctx.job;
    if (c.type == job_condition::Complete) {
        if (job.spec.completions && job.status.succeeded > *job.spec.completions)
            ctx.result.events.push_back({"Warning", "TooManySucceededPods",
                                         "Too many succeeded pods running after completion "
                                         "count reached"});
        ctx.result.events.push_back({"Normal", "Completed", "Job completed"});
    } else {
        ctx.result.events.push_back({"Warning", c.reason, c.message});
    }
}

// trackJobStatusAndRemoveFinalizers: add finished Pods to uncountedTerminatedPods, remove their
// finalizers, move them into the counters, and add the terminal condition when due.
std::optional<std::string> trackJobStatusAndRemoveFinalizers(SyncJobCtx& ctx, bool needsFlush) {
    Job& job = ctx.job;
    const bool isIndexed = job.spec.isIndexed();
    const int completions = job.spec.completions.value_or(0);
    auto& uncountedStatus = *job.status.uncountedTerminatedPods;
    std::vector<const Pod*> podsToRemoveFinalizer;
    std::vector<int> newSucceededIndexes;

    // The Pods this sync visits: those with the tracking finalizer, not already being removed
    // (the others were processed in an earlier sync). It acts only on those whose finalizer it
    // may remove, so only they are put in order; the active Pods, most of them at any sync,
    // are not.
    struct Removable {
        const Pod* pod;
        bool failed; // isPodFailed
    };
    std::vector<Removable> removable;
    // uidsWithFinalizer is asked only about the UIDs in uncountedTerminatedPods: those there as
    // the sync begins and those it adds, which are removable Pods'. It holds those of them
    // that belong to a Pod with the finalizer, as the set of every such Pod would answer.
    UidSet uidsWithFinalizer;
    {
        // (views of the status' strings, which the cleaning below moves)
        ViewSet uncountedAtStart(uncountedStatus.succeeded.begin(),
                                 uncountedStatus.succeeded.end());
        uncountedAtStart.insert(uncountedStatus.failed.begin(), uncountedStatus.failed.end());
        for (const Pod* p : ctx.pods) {
            const std::string& uid = p->metadata.uid;
            if (!hasJobTrackingFinalizer(*p) || ctx.expectedRmFinalizers.count(uid))
                continue;
            const bool failed = isPodFailed(*p, job, ctx.gates());
            const bool canRemove = canRemoveFinalizer(ctx, *p, failed);
            if (canRemove)
                removable.push_back({p, failed});
            if (canRemove || uncountedAtStart.count(uid))
                uidsWithFinalizer.insert(uid);
        }
    }
    if (isIndexed) {
        // Completed indexes are introduced in order (byCompletionIndex; each index parsed once).
        // A stable sort by index: the position breaks ties, so a plain sort keeps their order.
        std::vector<std::pair<int, uint32_t>> byIndex;
        byIndex.reserve(removable.size());
        for (std::size_t i = 0; i < removable.size(); ++i)
            byIndex.emplace_back(getCompletionIndex(*removable[i].pod), static_cast<uint32_t>(i));
        std::sort(byIndex.begin(), byIndex.end());
        const std::vector<Removable> unsorted = removable;
        for (std::size_t i = 0; i < byIndex.size(); ++i)
            removable[i] = unsorted[byIndex[i].second];
    }

    if (cleanUncountedPodsWithoutFinalizers(job.status, uidsWithFinalizer))
        needsFlush = true;

    bool reachedMaxUncountedPods = false;
    for (const auto& [pod, considerPodFailed] : removable) {
        const std::string& uid = pod->metadata.uid;
        podsToRemoveFinalizer.push_back(pod);
        if (pod->phase == pod_phase::Succeeded && !ctx.uncountedFailed.count(uid)) {
            if (isIndexed) {
                // The index is enough to avoid counting twice; no UID needed.
                const int ix = getCompletionIndex(*pod);
                if (ix != kUnknownCompletionIndex && ix < completions &&
                    !ctx.prevSucceededIndexes.has(ix)) {
                    newSucceededIndexes.push_back(ix);
                    needsFlush = true;
                }
            } else if (!ctx.uncountedSucceeded.count(uid)) {
                needsFlush = true;
                uncountedStatus.succeeded.push_back(uid);
            }
        } else if (considerPodFailed ||
                   (ctx.finishedCondition &&
                    !isSuccessCriteriaMetCondition(&*ctx.finishedCondition, ctx.gates()))) {
            // A Job that fails counts every Pod it has not seen succeed as failed.
            const int ix = getCompletionIndex(*pod);
            if (!ctx.uncountedFailed.count(uid) &&
                (!isIndexed || (ix != kUnknownCompletionIndex && ix < completions))) {
                bool countFailed = true;
                if (job.spec.podFailurePolicy)
                    countFailed =
                        matchPodFailurePolicy(&*job.spec.podFailurePolicy, *pod, ctx.gates())
                            .countFailed;
                if (countFailed) {
                    needsFlush = true;
                    uncountedStatus.failed.push_back(uid);
                }
            }
        }
        if (newSucceededIndexes.size() + uncountedStatus.succeeded.size() +
                uncountedStatus.failed.size() >=
            static_cast<std::size_t>(kMaxUncountedPods)) {
            // Keeps the status small and the sync short; the next sync goes on.
            reachedMaxUncountedPods = true;
            break;
        }
    }
    if (isIndexed) {
        ctx.succeededIndexes = ctx.succeededIndexes.withOrderedIndexes(newSucceededIndexes);
        std::string succeededStr = ctx.succeededIndexes.toString();
        if (succeededStr != job.status.completedIndexes)
            needsFlush = true;
        job.status.succeeded = ctx.succeededIndexes.total();
        job.status.completedIndexes = std::move(succeededStr);
        std::optional<std::string> failedStr;
        if (ctx.failedIndexes)
            failedStr = ctx.failedIndexes->toString();
        if (job.status.failedIndexes != failedStr) {
            job.status.failedIndexes = std::move(failedStr);
            needsFlush = true;
        }
    }
    if (ctx.finishedCondition && ctx.finishedCondition->type == job_condition::FailureTarget) {
        // The interim FailureTarget is written before the finalizers go; Failed follows.
        job.status.conditions.push_back(*ctx.finishedCondition);
        needsFlush = true;
        ctx.finishedCondition = newFailedConditionForFailureTarget(*ctx.finishedCondition, ctx.now);
    }
    if (ctx.finishedCondition &&
        isSuccessCriteriaMetCondition(&*ctx.finishedCondition, ctx.gates())) {
        if (!hasSuccessCriteriaMetCondition(job, ctx.gates())) {
            job.status.conditions.push_back(*ctx.finishedCondition);
            needsFlush = true;
        }
        ctx.finishedCondition =
            newCondition(job_condition::Complete, "True", ctx.finishedCondition->reason,
                         ctx.finishedCondition->message, ctx.now);
    }

    FlushOutcome flush = flushUncountedAndRemoveFinalizers(ctx, podsToRemoveFinalizer,
                                                           uidsWithFinalizer, needsFlush);
    if (flush.error)
        return flush.error;
    needsFlush = flush.needsFlush;
    const bool jobFinished = !reachedMaxUncountedPods && enactJobFinished(ctx);
    if (jobFinished)
        needsFlush = true;
    if (needsFlush) {
        ApiAnswer a = ctx.api.updateStatus(job);
        if (!a.ok)
            return "removing uncounted pods from status: " + a.error;
        if (jobFinished)
            recordJobFinished(ctx);
    }
    return std::nullopt;
}

SyncResult skipped(SyncResult result, std::string reason) {
    result.synced = false;
    result.skippedReason = std::move(reason);
    return result;
}

} // namespace
} // namespace detail

SyncResult syncJob(const SyncInput& input) {
    std::vector<const Pod*> pods;
    pods.reserve(input.pods.size());
    for (const Pod& p : input.pods)
        pods.push_back(&p);
    return syncJob(SyncRequest{input.job, pods, input.expectations, input.backoff, input.apiErrors,
                               input.now, input.gates, input.kubernetesMinor});
}

SyncResult syncJob(const SyncRequest& input) {
    using namespace detail;
    SyncResult result;
    result.expectations = input.expectations;
    result.backoff = input.backoff;
    result.status = input.job.status;

    // A Job reconciled by another controller is left alone.
    const FeatureGates& gates = input.gates;
    if (auto controller = managedByExternalController(input.job, gates)) {
        result = skipped(std::move(result), "managed by " + *controller);
        result.explanation = explainSync(input, result);
        return result;
    }
    // A finished Job is never reconciled again; its backoff record is dropped.
    if (isJobFinished(input.job)) {
        result.backoff = BackoffRecord{};
        result = skipped(std::move(result), "finished");
        result.explanation = explainSync(input, result);
        return result;
    }
    if (isUnknownCompletionMode(input.job)) {
        result.events.push_back({"Warning", "UnknownCompletionMode",
                                 "Skipped Job sync because completion mode is unknown"});
        result = skipped(std::move(result), "unknown completion mode");
        result.explanation = explainSync(input, result);
        return result;
    }
    if (input.job.spec.isIndexed() && !input.job.spec.completions) {
        // Validation rejects this; upstream would dereference a nil completions.
        result = skipped(std::move(result), "Indexed Job without spec.completions");
        result.explanation = explainSync(input, result);
        return result;
    }

    SyncJobCtx ctx(input, result);
    ctx.now = input.now;
    ctx.job = withApiDefaults(input.job, gates);
    Job& job = ctx.job;
    if (!job.status.uncountedTerminatedPods)
        job.status.uncountedTerminatedPods = UncountedTerminatedPods{};

    // Read before the Pods, so that a Pod appearing in between cannot cause a double create.
    const bool satisfiedExpectations = input.expectations.satisfied(input.now);

    ctx.pods = input.pods;
    ctx.activePods.reserve(input.pods.size());
    for (const Pod* p : input.pods) {
        if (isPodActive(*p))
            ctx.activePods.push_back(p);
        if (isPodTerminating(*p))
            ++ctx.terminating;
    }
    ctx.ready = countReadyPods(ctx.activePods);
    if (const auto& u = input.job.status.uncountedTerminatedPods) {
        ctx.uncountedSucceeded.insert(u->succeeded.begin(), u->succeeded.end());
        ctx.uncountedFailed.insert(u->failed.begin(), u->failed.end());
    }
    ctx.expectedRmFinalizers.reserve(input.expectations.finalizerRemovalUids.size());
    ctx.expectedRmFinalizers.insert(input.expectations.finalizerRemovalUids.begin(),
                                    input.expectations.finalizerRemovalUids.end());

    int32_t active = static_cast<int32_t>(ctx.activePods.size());
    std::vector<const Pod*> newSucceededPods;
    std::vector<const Pod*> newFailedPods;
    getNewFinishedPods(ctx, newSucceededPods, newFailedPods);
    ctx.succeeded =
        goInt32(int64_t{job.status.succeeded} + static_cast<int64_t>(newSucceededPods.size()) +
                static_cast<int64_t>(ctx.uncountedSucceeded.size()));
    ctx.failed =
        goInt32(int64_t{job.status.failed} + nonIgnoredFailedPodsCount(job, newFailedPods, gates) +
                static_cast<int64_t>(ctx.uncountedFailed.size()));

    // First start; never while suspended.
    if (!job.status.startTime && !jobSuspended(job))
        job.status.startTime = input.now;

    ctx.newBackoffRecord = newBackoffRecord(input.backoff, newSucceededPods, newFailedPods);

    std::optional<std::string> manageJobErr;

    // Finish evaluation, in upstream's order: earlier verdicts (SuccessCriteriaMet,
    // FailureTarget), then failures (FailJob rule, backoffLimit, deadline, failed indexes),
    // then success (successPolicy; completions further below).
    const bool exceedsBackoffLimit = ctx.failed > *job.spec.backoffLimit;
    if (const JobCondition* scm = hasSuccessCriteriaMetCondition(job, gates))
        ctx.finishedCondition = *scm;
    if (!ctx.finishedCondition) {
        const JobCondition* ft =
            findConditionByType(job.status.conditions, job_condition::FailureTarget);
        if (ft && ft->status == "True") {
            ctx.finishedCondition = newFailedConditionForFailureTarget(*ft, input.now);
        } else if (auto msg = getFailJobMessage(job, ctx.pods, gates)) {
            ctx.finishedCondition = newCondition(job_condition::FailureTarget, "True",
                                                 job_reason::PodFailurePolicy, *msg, input.now);
        }
    }
    if (!ctx.finishedCondition) {
        if (exceedsBackoffLimit || pastBackoffLimitOnFailure(job, ctx.pods)) {
            ctx.finishedCondition =
                newFailureCondition(gates, job_reason::BackoffLimitExceeded,
                                    "Job has reached the specified backoff limit", input.now);
        } else if (pastActiveDeadline(job, input.now)) {
            ctx.finishedCondition =
                newFailureCondition(gates, job_reason::DeadlineExceeded,
                                    "Job was active longer than specified deadline", input.now);
        } else if (job.spec.activeDeadlineSeconds && !jobSuspended(job)) {
            // Come back when the deadline passes.
            ctx.addAfter(static_cast<Seconds>(*job.spec.activeDeadlineSeconds) -
                         (input.now - *job.status.startTime));
        }
    }

    if (job.spec.isIndexed()) {
        std::tie(ctx.prevSucceededIndexes, ctx.succeededIndexes) =
            calculateSucceededIndexes(job, ctx.pods);
        ctx.succeeded = ctx.succeededIndexes.total();
        if (hasBackoffLimitPerIndex(job, gates)) {
            ctx.failedIndexes = calculateFailedIndexes(job, ctx.pods, gates);
            if (!ctx.finishedCondition) {
                const int failedTotal = ctx.failedIndexes->total();
                if (job.spec.maxFailedIndexes && failedTotal > *job.spec.maxFailedIndexes) {
                    ctx.finishedCondition = newFailureCondition(
                        gates, job_reason::MaxFailedIndexesExceeded,
                        "Job has exceeded the specified maximal number of failed indexes",
                        input.now);
                } else if (failedTotal > 0 &&
                           failedTotal + ctx.succeededIndexes.total() >= *job.spec.completions) {
                    ctx.finishedCondition = newFailureCondition(
                        gates, job_reason::FailedIndexes, "Job has failed indexes", input.now);
                }
            }
            ctx.podsWithDelayedDeletionPerIndex = getPodsWithDelayedDeletionPerIndex(
                job, ctx.pods, ctx.activePods, ctx.succeededIndexes, ctx.failedIndexes,
                ctx.expectedRmFinalizers, gates);
        }
        if (!ctx.finishedCondition && job.spec.successPolicy) {
            auto match = matchSuccessPolicy(&*job.spec.successPolicy, *job.spec.completions,
                                            ctx.succeededIndexes, gates);
            if (match.matched)
                ctx.finishedCondition =
                    newCondition(job_condition::SuccessCriteriaMet, "True",
                                 job_reason::SuccessPolicy, match.message, input.now);
        }
    }

    bool suspendCondChanged = false;
    if (ctx.finishedCondition) {
        // The Job finishes: every active Pod goes.
        DeleteOutcome d = deleteActivePods(ctx, ctx.activePods);
        if (d.deleted != active || !satisfiedExpectations) {
            // Not finished yet: finalizers or Pods the informer has not shown may remain.
            ctx.finishedCondition.reset();
        }
        active -= d.deleted;
        ctx.terminating += d.deleted;
        ctx.ready -= d.deletedReady;
        manageJobErr = d.error;
    } else {
        bool manageJobCalled = false;
        if (satisfiedExpectations && !job.metadata.deletionTimestamp) {
            ManageJobOutcome m = manageJob(ctx);
            active = m.active;
            manageJobErr = m.error;
            manageJobCalled = true;
        }
        bool complete = false;
        if (!job.spec.completions) {
            // Work queue: one success and no Pod left running.
            complete = ctx.succeeded > 0 && active == 0;
        } else {
            complete = ctx.succeeded >= *job.spec.completions && active == 0;
        }
        if (complete) {
            ctx.finishedCondition = newSuccessCondition(gates, input.now);
        } else if (manageJobCalled) {
            // Suspended / Resumed only in a sync that acted on the Pods.
            if (jobSuspended(job)) {
                if (ensureJobConditionStatus(job.status.conditions, job_condition::Suspended,
                                             "True", job_reason::JobSuspended, "Job suspended",
                                             input.now)) {
                    suspendCondChanged = true;
                    result.events.push_back({"Normal", "Suspended", "Job suspended"});
                }
            } else if (ensureJobConditionStatus(job.status.conditions, job_condition::Suspended,
                                                "False", job_reason::JobResumed, "Job resumed",
                                                input.now)) {
                suspendCondChanged = true;
                result.events.push_back({"Normal", "Resumed", "Job resumed"});
                // activeDeadlineSeconds measures continuous active time.
                job.status.startTime = input.now;
            }
        }
    }

    // status.terminating exists only with JobPodReplacementPolicy on.
    std::optional<int32_t> terminating;
    if (gates.jobPodReplacementPolicy)
        terminating = ctx.terminating;
    const bool needsStatusUpdate = suspendCondChanged || active != job.status.active ||
                                   job.status.ready != std::optional<int32_t>(ctx.ready) ||
                                   job.status.terminating != terminating;
    job.status.active = active;
    job.status.ready = ctx.ready;
    job.status.terminating = terminating;
    if (auto err = trackJobStatusAndRemoveFinalizers(ctx, needsStatusUpdate))
        result.error = "tracking status: " + *err;
    else
        result.error = manageJobErr;

    result.explanation = explainSync(input, result);
    return result;
}

} // namespace jobscope
