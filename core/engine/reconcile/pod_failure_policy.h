// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Matching a failed Pod against spec.podFailurePolicy (upstream
// pkg/controller/job/pod_failure_policy.go, matchPodFailurePolicy).

#include "job.h"
#include "pod.h"
#include "reconcile/feature_gates.h"

#include <optional>
#include <string>

namespace jobscope {

struct PodFailurePolicyMatch {
    // Set when a FailJob rule matched: the message of the Job's FailureTarget/Failed condition.
    std::optional<std::string> jobFailureMessage;
    // Whether the failure counts towards backoffLimit / backoffLimitPerIndex (false for Ignore).
    bool countFailed = true;
    // The action of the first matching rule (pod_failure_policy_action::*), if any.
    std::optional<std::string> action;

    bool operator==(const PodFailurePolicyMatch&) const = default;
};

// The first rule, in order, that matches: onExitCodes looks at terminated containers with a
// non-zero exit code (regular containers first, then init containers, optionally only the named
// one); onPodConditions at the Pod's conditions. A null policy or no match counts the failure.
// With JobBackoffLimitPerIndex off a matching FailIndex rule is passed over, as upstream's
// switch has no case for it then.
PodFailurePolicyMatch matchPodFailurePolicy(const PodFailurePolicy* podFailurePolicy,
                                            const Pod& failedPod, const FeatureGates& gates);
inline PodFailurePolicyMatch matchPodFailurePolicy(const PodFailurePolicy& podFailurePolicy,
                                                   const Pod& failedPod,
                                                   const FeatureGates& gates) {
    return matchPodFailurePolicy(&podFailurePolicy, failedPod, gates);
}

} // namespace jobscope
