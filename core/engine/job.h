// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The batch/v1 Job as the controller sees it: metadata, the spec fields that shape the
// lifecycle, and the status the controller writes. Enumerated fields stay strings, as in the
// Kubernetes API, so that an unsupported value read from a manifest can be reported by
// validation instead of being lost on import.

#include "object_meta.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobscope {

// Well-known values, spelled as upstream spells them.
namespace completion_mode {
inline constexpr const char* NonIndexed = "NonIndexed";
inline constexpr const char* Indexed = "Indexed";
} // namespace completion_mode

namespace pod_replacement_policy {
inline constexpr const char* TerminatingOrFailed = "TerminatingOrFailed";
inline constexpr const char* Failed = "Failed";
} // namespace pod_replacement_policy

namespace restart_policy {
inline constexpr const char* Never = "Never";
inline constexpr const char* OnFailure = "OnFailure";
inline constexpr const char* Always = "Always";
} // namespace restart_policy

namespace pod_failure_policy_action {
inline constexpr const char* FailJob = "FailJob";
inline constexpr const char* FailIndex = "FailIndex";
inline constexpr const char* Ignore = "Ignore";
inline constexpr const char* Count = "Count";
} // namespace pod_failure_policy_action

inline constexpr const char* kJobControllerName = "kubernetes.io/job-controller";
inline constexpr const char* kJobTrackingFinalizer = "batch.kubernetes.io/job-tracking";
inline const InternedString jobTrackingFinalizer{kJobTrackingFinalizer};
inline constexpr const char* kJobCompletionIndexAnnotation =
    "batch.kubernetes.io/job-completion-index";
inline constexpr const char* kJobIndexFailureCountAnnotation =
    "batch.kubernetes.io/job-index-failure-count";
inline constexpr const char* kJobIndexIgnoredFailureCountAnnotation =
    "batch.kubernetes.io/job-index-ignored-failure-count";

struct PodFailurePolicyOnExitCodesRequirement {
    std::optional<std::string> containerName;
    std::string operator_; // "In" | "NotIn"
    std::vector<int32_t> values;
};

struct PodFailurePolicyOnPodConditionsPattern {
    std::string type;
    std::string status; // defaulted to "True"
};

struct PodFailurePolicyRule {
    std::string action; // FailJob | FailIndex | Ignore | Count
    std::optional<PodFailurePolicyOnExitCodesRequirement> onExitCodes;
    std::vector<PodFailurePolicyOnPodConditionsPattern> onPodConditions;
};

struct PodFailurePolicy {
    std::vector<PodFailurePolicyRule> rules;
};

struct SuccessPolicyRule {
    std::optional<std::string> succeededIndexes;
    std::optional<int32_t> succeededCount;
};

struct SuccessPolicy {
    std::vector<SuccessPolicyRule> rules;
};

struct ContainerSpec {
    std::string name;
    // Resource requests as written ("cpu": "500m", "memory": "1Gi"); the simulator parses them.
    std::vector<std::pair<std::string, std::string>> requests;
};

struct PodTemplate {
    ObjectMeta metadata;       // labels and annotations of the template
    std::string restartPolicy; // empty when unset (the Pod default Always, rejected for Jobs)
    std::optional<int64_t> terminationGracePeriodSeconds;
    std::vector<ContainerSpec> containers;
    std::vector<ContainerSpec> initContainers;
};

struct LabelSelector {
    std::vector<std::pair<std::string, std::string>> matchLabels;
    bool present = false;
};

struct JobSpec {
    std::optional<int32_t> parallelism;
    std::optional<int32_t> completions;
    std::optional<int64_t> activeDeadlineSeconds;
    std::optional<int32_t> backoffLimit;
    std::optional<int32_t> backoffLimitPerIndex;
    std::optional<int32_t> maxFailedIndexes;
    std::optional<int32_t> ttlSecondsAfterFinished;
    std::optional<std::string> completionMode;
    std::optional<bool> suspend;
    std::optional<bool> manualSelector;
    std::optional<PodFailurePolicy> podFailurePolicy;
    std::optional<std::string> podReplacementPolicy;
    std::optional<SuccessPolicy> successPolicy;
    std::optional<std::string> managedBy;
    LabelSelector selector;
    PodTemplate templ;

    bool isIndexed() const { return completionMode && *completionMode == completion_mode::Indexed; }
    bool isSuspended() const { return suspend.value_or(false); }
};

struct JobCondition {
    std::string type;   // Suspended | FailureTarget | SuccessCriteriaMet | Complete | Failed
    std::string status; // True | False | Unknown
    std::string reason;
    std::string message;
    std::optional<Seconds> lastProbeTime;
    std::optional<Seconds> lastTransitionTime;

    bool operator==(const JobCondition&) const = default;
};

struct UncountedTerminatedPods {
    std::vector<std::string> succeeded; // Pod UIDs
    std::vector<std::string> failed;

    bool empty() const { return succeeded.empty() && failed.empty(); }
    bool operator==(const UncountedTerminatedPods&) const = default;
};

struct JobStatus {
    std::optional<Seconds> startTime;
    std::optional<Seconds> completionTime;
    int32_t active = 0;
    std::optional<int32_t> ready;
    std::optional<int32_t> terminating;
    int32_t succeeded = 0;
    int32_t failed = 0;
    std::string completedIndexes;
    std::optional<std::string> failedIndexes;
    std::optional<UncountedTerminatedPods> uncountedTerminatedPods;
    std::vector<JobCondition> conditions;

    bool operator==(const JobStatus&) const = default;
};

struct Job {
    ObjectMeta metadata;
    JobSpec spec;
    JobStatus status;
};

// Condition types and reasons written by the controller.
namespace job_condition {
inline constexpr const char* Suspended = "Suspended";
inline constexpr const char* FailureTarget = "FailureTarget";
inline constexpr const char* SuccessCriteriaMet = "SuccessCriteriaMet";
inline constexpr const char* Complete = "Complete";
inline constexpr const char* Failed = "Failed";
} // namespace job_condition

namespace job_reason {
inline constexpr const char* BackoffLimitExceeded = "BackoffLimitExceeded";
inline constexpr const char* DeadlineExceeded = "DeadlineExceeded";
inline constexpr const char* PodFailurePolicy = "PodFailurePolicy";
inline constexpr const char* FailedIndexes = "FailedIndexes";
inline constexpr const char* MaxFailedIndexesExceeded = "MaxFailedIndexesExceeded";
inline constexpr const char* SuccessPolicy = "SuccessPolicy";
inline constexpr const char* CompletionsReached = "CompletionsReached";
inline constexpr const char* JobSuspended = "JobSuspended";
inline constexpr const char* JobResumed = "JobResumed";
} // namespace job_reason

} // namespace jobscope
