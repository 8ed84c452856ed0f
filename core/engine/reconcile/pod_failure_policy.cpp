// SPDX-License-Identifier: GPL-3.0-or-later
// Pod failure policy matching (upstream pkg/controller/job/pod_failure_policy.go): FailIndex is
// honoured with the JobBackoffLimitPerIndex gate on.

#include "reconcile/pod_failure_policy.h"

#include <algorithm>

namespace jobscope {

namespace {

// isOnExitCodesOperatorMatching; an unknown operator never matches.
bool exitCodeMatches(int32_t exitCode, const PodFailurePolicyOnExitCodesRequirement& req) {
    const bool listed =
        std::find(req.values.begin(), req.values.end(), exitCode) != req.values.end();
    if (req.operator_ == "In")
        return listed;
    if (req.operator_ == "NotIn")
        return !listed;
    return false;
}

// getMatchingContainerFromList: the first terminated container (of the named one, if given)
// whose non-zero exit code satisfies the requirement. Exit code 0 never matches, so NotIn
// rules do not fire on successful containers.
const ContainerStatus* matchingContainer(const std::vector<ContainerStatus>& statuses,
                                         const PodFailurePolicyOnExitCodesRequirement& req) {
    for (const ContainerStatus& status : statuses) {
        if (!status.terminated)
            continue; // still terminating: no exit code yet
        if (req.containerName && *req.containerName != status.name)
            continue;
        if (status.terminated->exitCode != 0 && exitCodeMatches(status.terminated->exitCode, req))
            return &status;
    }
    return nullptr;
}

// matchOnExitCodes: regular containers first, then init containers.
const ContainerStatus* matchOnExitCodes(const Pod& pod,
                                        const PodFailurePolicyOnExitCodesRequirement& req) {
    if (const ContainerStatus* status = matchingContainer(pod.containerStatuses, req))
        return status;
    return matchingContainer(pod.initContainerStatuses, req);
}

// matchOnPodConditions: the first Pod condition (in the Pod's order) equal in type and status
// to any pattern.
const PodCondition*
matchOnPodConditions(const Pod& pod,
                     const std::vector<PodFailurePolicyOnPodConditionsPattern>& patterns) {
    for (const PodCondition& condition : pod.conditions)
        for (const auto& pattern : patterns)
            if (condition.type == pattern.type && condition.status == pattern.status)
                return &condition;
    return nullptr;
}

} // namespace

PodFailurePolicyMatch matchPodFailurePolicy(const PodFailurePolicy* podFailurePolicy,
                                            const Pod& failedPod, const FeatureGates& gates) {
    PodFailurePolicyMatch match; // nothing matched: the failure counts
    if (!podFailurePolicy)
        return match;
    const auto& rules = podFailurePolicy->rules;
    for (std::size_t index = 0; index < rules.size(); ++index) {
        const PodFailurePolicyRule& rule = rules[index];
        std::optional<std::string> failJobMessage;
        if (rule.onExitCodes) {
            // A rule with onExitCodes is judged by exit codes only.
            const ContainerStatus* status = matchOnExitCodes(failedPod, *rule.onExitCodes);
            if (!status)
                continue;
            failJobMessage = "Container " + status->name + " for pod " +
                             failedPod.metadata.namespace_ + "/" + failedPod.metadata.name +
                             " failed with exit code " +
                             std::to_string(status->terminated->exitCode) + " matching " +
                             rule.action + " rule at index " + std::to_string(index);
        } else {
            const PodCondition* condition = matchOnPodConditions(failedPod, rule.onPodConditions);
            if (!condition)
                continue;
            failJobMessage = "Pod " + failedPod.metadata.namespace_ + "/" +
                             failedPod.metadata.name + " has condition " + condition->type.str() +
                             " matching " + rule.action + " rule at index " + std::to_string(index);
        }
        if (rule.action == pod_failure_policy_action::Ignore)
            return {std::nullopt, false, rule.action};
        if (rule.action == pod_failure_policy_action::FailIndex && gates.jobBackoffLimitPerIndex)
            return {std::nullopt, true, rule.action};
        if (rule.action == pod_failure_policy_action::Count)
            return {std::nullopt, true, rule.action};
        if (rule.action == pod_failure_policy_action::FailJob)
            return {failJobMessage, true, rule.action};
        // A rule with an unknown action, or FailIndex with its gate off, is skipped.
    }
    return match;
}

} // namespace jobscope
