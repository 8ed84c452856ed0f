// SPDX-License-Identifier: GPL-3.0-or-later
// Pod-failure backoff of the Job controller (upstream pkg/controller/job/backoff_utils.go).

#include "reconcile/backoff.h"

#include "go_int32.h"

#include "reconcile/indexes.h"

#include <algorithm>
#include <string>

namespace jobscope {

namespace {

// latestFinishTime: the latest finishedAt of the statuses that pass `include`, starting from
// `previous`; nothing as soon as one of them has not terminated or has no finishedAt (Go's
// zero time). Note that, as upstream, a nothing in `previous` does not stop a later call from
// answering.
template <typename Include>
std::optional<Seconds> latestFinishTime(std::optional<Seconds> previous,
                                        const std::vector<ContainerStatus>& statuses,
                                        Include include) {
    std::optional<Seconds> finishTime = previous;
    for (const ContainerStatus& status : statuses) {
        if (!include(status))
            continue;
        if (!status.terminated || !status.terminated->finishedAt)
            return std::nullopt;
        if (!finishTime || *finishTime < *status.terminated->finishedAt)
            finishTime = *status.terminated->finishedAt;
    }
    return finishTime;
}

// getFinishTimeFromContainers: regular containers, then the sidecars (restartable init
// containers), which always stop after the regular ones. Plain init containers finished before
// the regular containers started and are left out.
std::optional<Seconds> finishTimeFromContainers(const Pod& pod) {
    std::optional<Seconds> finishTime = latestFinishTime(
        std::nullopt, pod.containerStatuses, [](const ContainerStatus&) { return true; });
    const auto& sidecars = pod.restartableInitContainers;
    return latestFinishTime(
        finishTime, pod.initContainerStatuses, [&sidecars](const ContainerStatus& status) {
            return std::find(sidecars.begin(), sidecars.end(), status.name) != sidecars.end();
        });
}

// getFinishTimeFromPodReadyFalseCondition: the kubelet flips Ready to False when the Pod
// reaches a terminal phase.
std::optional<Seconds> finishTimeFromReadyFalse(const Pod& pod) {
    const PodCondition* ready = pod.condition(pod_condition::Ready);
    if (ready && ready->status == condition_status::False && ready->lastTransitionTime)
        return ready->lastTransitionTime;
    return std::nullopt;
}

// getFinishTimeFromDeletionTimestamp: orphaned Pods deleted by PodGC; the deletion timestamp
// lies a grace period after the deletion request.
std::optional<Seconds> finishTimeFromDeletion(const Pod& pod) {
    if (!pod.metadata.deletionTimestamp)
        return std::nullopt;
    return *pod.metadata.deletionTimestamp -
           static_cast<Seconds>(pod.metadata.deletionGracePeriodSeconds.value_or(0));
}

} // namespace

Seconds podFinishedTime(const Pod& pod) {
    if (auto t = finishTimeFromContainers(pod))
        return *t;
    if (auto t = finishTimeFromReadyFalse(pod))
        return *t;
    if (auto t = finishTimeFromDeletion(pod))
        return *t;
    // Upstream falls back to the creation timestamp; a Pod without one (Go's zero time) is
    // taken as finished at 0, the start of our clock.
    return pod.metadata.creationTimestamp.value_or(0.0);
}

// Upstream sorts both lists by finish time, then takes the latest success and walks the failures
// back from the latest while they finished strictly after it. That reads only the latest
// success, the count of failures after it and the latest of those, which one pass gives
// without copying or sorting the lists.
BackoffRecord newBackoffRecord(const BackoffRecord& previous,
                               const std::vector<const Pod*>& newSucceededPods,
                               const std::vector<const Pod*>& newFailedPods) {
    BackoffRecord backoff = previous;
    if (newSucceededPods.empty()) {
        if (newFailedPods.empty())
            return backoff;
        Seconds lastFailureTime = podFinishedTime(*newFailedPods.front());
        for (const Pod* pod : newFailedPods)
            lastFailureTime = std::max(lastFailureTime, podFinishedTime(*pod));
        backoff.failuresAfterLastSuccess = goInt32(int64_t{backoff.failuresAfterLastSuccess} +
                                                   static_cast<int64_t>(newFailedPods.size()));
        backoff.lastFailureTime = lastFailureTime;
        return backoff;
    }

    // A success resets the count; only failures strictly after the latest success count.
    backoff.failuresAfterLastSuccess = 0;
    backoff.lastFailureTime.reset();
    Seconds lastSuccessTime = podFinishedTime(*newSucceededPods.front());
    for (const Pod* pod : newSucceededPods)
        lastSuccessTime = std::max(lastSuccessTime, podFinishedTime(*pod));
    for (const Pod* pod : newFailedPods) {
        const Seconds failedTime = podFinishedTime(*pod);
        if (!(failedTime > lastSuccessTime))
            continue;
        if (!backoff.lastFailureTime || failedTime > *backoff.lastFailureTime)
            backoff.lastFailureTime = failedTime;
        ++backoff.failuresAfterLastSuccess;
    }
    return backoff;
}

Seconds backoffDelay(int32_t failures, Seconds defaultBackoff, Seconds maxBackoff) {
    if (failures == 0)
        return 0;
    // Doubles from the second failure on; as upstream, the cap applies only once doubling
    // starts.
    Seconds delay = defaultBackoff;
    for (int32_t i = 1; i < failures; ++i) {
        delay *= 2;
        if (delay >= maxBackoff) {
            delay = maxBackoff;
            break;
        }
    }
    return delay;
}

namespace {
constexpr Seconds kHalfNanosecond = 0.5e-9;
} // namespace

Seconds backoffRemainingTimeForFailures(int32_t failures, std::optional<Seconds> lastFailureTime,
                                        Seconds now, Seconds defaultBackoff, Seconds maxBackoff) {
    if (failures == 0)
        return 0;
    // Upstream never has failures without a time; a hand-written record might. Without a
    // reference point there is nothing to wait for.
    if (!lastFailureTime)
        return 0;
    const Seconds delay = backoffDelay(failures, defaultBackoff, maxBackoff);
    const Seconds elapsed = now - *lastFailureTime;
    // Go counts whole nanoseconds: a remainder below half of one is a sum of doubles landing a
    // hair early on the very instant the backoff ends (a requeue of exactly the remaining time).
    if (delay - elapsed < kHalfNanosecond)
        return 0;
    return delay - elapsed;
}

Seconds backoffRemainingTime(const BackoffRecord& record, Seconds now, Seconds defaultBackoff,
                             Seconds maxBackoff) {
    return backoffRemainingTimeForFailures(record.failuresAfterLastSuccess, record.lastFailureTime,
                                           now, defaultBackoff, maxBackoff);
}

Seconds backoffRemainingTimePerIndex(const Pod* lastFailedPod, Seconds now, Seconds defaultBackoff,
                                     Seconds maxBackoff) {
    if (!lastFailedPod)
        return 0;
    // The annotations count the failures before this Pod; this Pod's own failure adds one.
    // int32 arithmetic wraps as in Go.
    const auto failures = static_cast<int32_t>(
        static_cast<int64_t>(getIndexAbsoluteFailureCount(*lastFailedPod)) + 1);
    return backoffRemainingTimeForFailures(failures, podFinishedTime(*lastFailedPod), now,
                                           defaultBackoff, maxBackoff);
}

} // namespace jobscope
