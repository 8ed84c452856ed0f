// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pod-failure backoff record the controller keeps per Job (backoff_utils.go): how many
// Pods failed since the last success and when the last of them finished. It delays the
// creation of replacement Pods by 10 s, 20 s, 40 s, ... up to 600 s.

#include "pod.h"

#include <optional>
#include <vector>

namespace jobscope {

inline constexpr Seconds kDefaultJobPodFailureBackOff = 10.0;
inline constexpr Seconds kMaxJobPodFailureBackOff = 600.0;

struct BackoffRecord {
    int32_t failuresAfterLastSuccess = 0;
    std::optional<Seconds> lastFailureTime;

    bool operator==(const BackoffRecord&) const = default;
};

// The record after a sync that observed these newly finished Pods (newBackoffRecord).
BackoffRecord newBackoffRecord(const BackoffRecord& previous,
                               const std::vector<const Pod*>& newSucceededPods,
                               const std::vector<const Pod*>& newFailedPods);

// When a Pod finished, for ordering and lastFailureTime (getFinishedTime).
Seconds podFinishedTime(const Pod& pod);

// Time left before a replacement may be created; 0 when none (getRemainingTime).
Seconds backoffRemainingTime(const BackoffRecord& record, Seconds now,
                             Seconds defaultBackoff = kDefaultJobPodFailureBackOff,
                             Seconds maxBackoff = kMaxJobPodFailureBackOff);

// The delay for `failures` consecutive failures, without regard to time passed.
Seconds backoffDelay(int32_t failures, Seconds defaultBackoff = kDefaultJobPodFailureBackOff,
                     Seconds maxBackoff = kMaxJobPodFailureBackOff);

// Time left before index of `lastFailedPod` may get a replacement Pod under
// backoffLimitPerIndex: the Pod's absolute failure count (failure + ignored-failure
// annotations) plus one failures, counted from its finish time; 0 when there is no failed Pod
// (getRemainingTimePerIndex).
Seconds backoffRemainingTimePerIndex(const Pod* lastFailedPod, Seconds now,
                                     Seconds defaultBackoff = kDefaultJobPodFailureBackOff,
                                     Seconds maxBackoff = kMaxJobPodFailureBackOff);

// Time left for `failures` failures, the last at `lastFailureTime`
// (getRemainingTimeForFailuresCount).
Seconds backoffRemainingTimeForFailures(int32_t failures, std::optional<Seconds> lastFailureTime,
                                        Seconds now,
                                        Seconds defaultBackoff = kDefaultJobPodFailureBackOff,
                                        Seconds maxBackoff = kMaxJobPodFailureBackOff);

} // namespace jobscope
