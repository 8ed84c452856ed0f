// SPDX-License-Identifier: GPL-3.0-or-later
// manageJob of upstream's job_controller.go: delete surplus Pods, or create missing ones in
// slow-start batches, respecting pod-failure backoff (global or per index).

#include "reconcile/backoff.h"
#include "reconcile/indexes.h"
#include "reconcile/job_pods.h"
#include "reconcile/sync_context.h"

#include "go_int32.h"

#include <algorithm>
#include <utility>

namespace jobscope::detail {

DeleteOutcome deleteJobPods(SyncJobCtx& ctx, const std::vector<const Pod*>& pods) {
    DeleteOutcome out;
    out.deleted = static_cast<int32_t>(pods.size());
    // failDelete: the informer will not observe this deletion.
    auto failDelete = [&](std::string error) {
        ctx.deletionObserved();
        --out.deleted;
        if (!out.error)
            out.error = std::move(error);
    };
    for (const Pod* pod : pods) {
        // The finalizer goes first so that the deleted Pod is not counted as failed later.
        if (hasJobTrackingFinalizer(*pod)) {
            ApiAnswer patch = ctx.api.removeFinalizer(ctx.job, *pod);
            if (!patch.ok) {
                failDelete("removing completion finalizer: " + patch.error);
                continue;
            }
        }
        ApiAnswer del = ctx.api.deletePod(ctx.job, *pod);
        if (!del.ok)
            failDelete(del.error);
        // As upstream, a ready Pod counts as deleted-ready even when its DELETE failed.
        if (pod->isReady())
            ++out.deletedReady;
    }
    return out;
}

namespace {

// getPodCreationInfoForIndependentIndexes: the indexes whose per-index backoff has run out;
// when none has, the smallest remaining delay.
std::pair<std::vector<int>, Seconds>
podCreationInfoForIndependentIndexes(const SyncJobCtx& ctx, const std::vector<int>& indexesToAdd) {
    std::vector<int> now;
    std::optional<Seconds> minRemaining;
    for (int ix : indexesToAdd) {
        auto it = ctx.podsWithDelayedDeletionPerIndex.find(ix);
        const Pod* lastFailed =
            it == ctx.podsWithDelayedDeletionPerIndex.end() ? nullptr : it->second;
        const Seconds remaining = backoffRemainingTimePerIndex(lastFailed, ctx.now);
        if (remaining == 0)
            now.push_back(ix);
        else if (!minRemaining || remaining < *minRemaining)
            minRemaining = remaining;
    }
    if (!now.empty())
        return {std::move(now), 0};
    return {std::move(now), minRemaining.value_or(0)};
}

// What manageJob reports as active while replacements wait for a backoff (feature_gates.h).
int32_t activeDuringBackoff(const SyncJobCtx& ctx, int32_t active) {
    return reportsZeroActiveDuringBackoff(ctx.input.kubernetesMinor) ? 0 : active;
}

std::string generateNameFor(const Job& job, std::optional<int> index) {
    if (index)
        return podGenerateNameWithIndex(job.metadata.name, *index);
    return job.metadata.name + "-";
}

} // namespace

ManageJobOutcome manageJob(SyncJobCtx& ctx) {
    const Job& job = ctx.job;
    int32_t active = static_cast<int32_t>(ctx.activePods.size());
    const int32_t parallelism = job.spec.parallelism.value_or(1);

    if (jobSuspended(job)) {
        // Every active Pod goes; the per-sync cap does not apply here upstream.
        auto podsToDelete = activePodsForRemoval(job, ctx.activePods, active);
        ctx.expectDeletions(static_cast<int>(podsToDelete.size()));
        DeleteOutcome d = deleteJobPods(ctx, podsToDelete);
        active -= d.deleted;
        ctx.terminating += d.deleted;
        ctx.ready -= d.deletedReady;
        return {active, d.error};
    }

    int32_t wantActive = 0;
    if (!job.spec.completions) {
        // Work queue: once a Pod succeeded, let the rest run out and start no more.
        wantActive = ctx.succeeded > 0 ? active : parallelism;
    } else {
        // Never more than the completions still missing.
        wantActive = goInt32(int64_t{*job.spec.completions} - ctx.succeeded);
        if (wantActive > parallelism)
            wantActive = parallelism;
        if (wantActive < 0)
            wantActive = 0;
    }

    const int32_t rmAtLeast = std::max(active - wantActive, 0);
    auto podsToDelete = activePodsForRemoval(job, ctx.activePods, rmAtLeast);
    if (static_cast<int>(podsToDelete.size()) > kMaxPodCreateDeletePerSync)
        podsToDelete.resize(kMaxPodCreateDeletePerSync);
    if (!podsToDelete.empty()) {
        ctx.expectDeletions(static_cast<int>(podsToDelete.size()));
        DeleteOutcome d = deleteJobPods(ctx, podsToDelete);
        active -= d.deleted;
        ctx.terminating += d.deleted;
        ctx.ready -= d.deletedReady;
        // Deletion and creation never happen in the same sync; deletion wins.
        return {active, d.error};
    }

    const int32_t terminating = onlyReplaceFailedPods(job, ctx.gates()) ? ctx.terminating : 0;
    int32_t diff = wantActive - terminating - active;
    if (diff <= 0)
        return {active, std::nullopt};

    const bool perIndex = hasBackoffLimitPerIndex(job, ctx.gates());
    if (!perIndex) {
        // Global pod-failure backoff; with backoffLimitPerIndex each index has its own.
        const Seconds remaining = backoffRemainingTime(ctx.newBackoffRecord, ctx.now);
        if (remaining > 0) {
            ctx.enqueueWithDelay(remaining);
            // Nothing created or deleted: the real active count (upstream fix #139457), or the
            // 0 of the releases without it.
            return {activeDuringBackoff(ctx, active), std::nullopt};
        }
    }
    diff = std::min(diff, static_cast<int32_t>(kMaxPodCreateDeletePerSync));

    std::vector<int> indexesToAdd;
    if (job.spec.isIndexed()) {
        indexesToAdd =
            firstPendingIndexes(job, ctx.activePods, ctx.pods, ctx.succeededIndexes,
                                ctx.failedIndexes, diff, *job.spec.completions, ctx.gates());
        if (perIndex) {
            auto [ready, remaining] = podCreationInfoForIndependentIndexes(ctx, indexesToAdd);
            if (remaining > 0) {
                ctx.enqueueWithDelay(remaining);
                return {activeDuringBackoff(ctx, active), std::nullopt};
            }
            indexesToAdd = std::move(ready);
        }
        diff = static_cast<int32_t>(indexesToAdd.size());
    }

    ctx.expectCreations(diff);
    active += diff;

    // Slow start: batches of 1, 2, 4, ... so that a systematic failure (quota) costs few
    // requests; after a batch with a failure the rest is skipped until the next sync.
    std::optional<std::string> firstError;
    int errors = 0;
    std::size_t nextIndex = 0;
    int batch = 0;
    for (int32_t batchSize = std::min(diff, static_cast<int32_t>(kSlowStartInitialBatchSize));
         diff > 0; batchSize = std::min(2 * batchSize, diff)) {
        const int errorCount = errors;
        for (int32_t i = 0; i < batchSize; ++i) {
            PodCreation creation;
            if (nextIndex < indexesToAdd.size()) {
                const int ix = indexesToAdd[nextIndex++];
                creation.index = ix;
                if (perIndex) {
                    auto it = ctx.podsWithDelayedDeletionPerIndex.find(ix);
                    const Pod* replaced =
                        it == ctx.podsWithDelayedDeletionPerIndex.end() ? nullptr : it->second;
                    auto [failures, ignored] = getNewIndexFailureCounts(job, replaced, ctx.gates());
                    creation.indexFailureCount = failures;
                    if (ignored > 0)
                        creation.indexIgnoredFailureCount = ignored;
                }
            }
            creation.generateName = generateNameFor(job, creation.index);
            creation.batch = batch;
            ApiAnswer answer = ctx.api.createPod(job, std::move(creation));
            if (answer.ok || answer.namespaceTerminating)
                continue; // a terminating namespace fails every later create anyway
            ctx.creationObserved();
            --active;
            ++errors;
            if (!firstError)
                firstError = answer.error;
        }
        const int32_t skippedPods = diff - batchSize;
        if (errorCount < errors && skippedPods > 0) {
            // Pods never attempted are not expected either.
            active -= skippedPods;
            for (int32_t i = 0; i < skippedPods; ++i)
                ctx.creationObserved();
            break;
        }
        diff -= batchSize;
        ++batch;
    }
    return {active, firstError};
}

} // namespace jobscope::detail
