// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for the ports of upstream's feature tables (TestSyncJobWithJobPodFailurePolicy,
// TestSyncJobWithJobSuccessPolicy, TestSyncJobWithJobBackoffLimitPerIndex): policy rule
// builders, the condition texts the controller writes, and text forms of the parts of a
// SyncResult those tables compare. Complements sync_fixtures.h (B1), which builds Jobs and Pods.

#include "job.h"
#include "reconcile/sync.h"

#include <QString>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace jobscope::test {

// upstream math.MaxInt32, the backoffLimit of most per-index and success-policy rows.
inline constexpr int32_t kMaxInt32 = std::numeric_limits<int32_t>::max();

// Reasons and messages of the conditions syncJob writes (job_controller.go).
inline constexpr const char* kBackoffLimitExceededMessage =
    "Job has reached the specified backoff limit";
inline constexpr const char* kFailedIndexesMessage = "Job has failed indexes";
inline constexpr const char* kMaxFailedIndexesExceededMessage =
    "Job has exceeded the specified maximal number of failed indexes";
inline constexpr const char* kCompletionsReachedMessage =
    "Reached expected number of succeeded pods";

// podFailurePolicy rules. `op` is "In" or "NotIn".
PodFailurePolicyRule exitCodeRule(const std::string& action, const std::string& op,
                                  std::vector<int32_t> values,
                                  std::optional<std::string> containerName = std::nullopt);
PodFailurePolicyRule podConditionRule(const std::string& action, const std::string& type,
                                      const std::string& status = "True");

// A successPolicy rule; either field may be left unset.
SuccessPolicyRule successRule(std::optional<std::string> succeededIndexes,
                              std::optional<int32_t> succeededCount);

// A condition with status True, as every condition the controller adds.
JobCondition trueCondition(const std::string& type, const std::string& reason,
                           const std::string& message);
// The interim condition followed by its terminal one with the same reason and message:
// [FailureTarget, Failed] or [SuccessCriteriaMet, Complete].
std::vector<JobCondition> failedConditions(const std::string& reason, const std::string& message);
std::vector<JobCondition> completeConditions(const std::string& reason, const std::string& message);

// "nil" or the quoted string (status.failedIndexes is a pointer upstream).
QString describeOptionalString(const std::optional<std::string>& v);
// "nil" or "{succeeded:[..] failed:[..]}".
QString describeUncounted(const std::optional<UncountedTerminatedPods>& u);

// QCOMPAREs the fields upstream's feature tables check: conditions, active, succeeded, failed,
// terminating, completedIndexes, failedIndexes, uncountedTerminatedPods. The caller returns when
// QTest::currentTestFailed().
void compareJobStatus(const JobStatus& got, const JobStatus& want);
// The creations of a pass as "index:failureCount/ignoredFailureCount", sorted by index. An
// unset failure counter shows as "-"; an unset ignored counter as 0, since upstream writes that
// annotation only when it is > 0 (addIndexFailureCountAnnotation).
QString describeCreations(const std::vector<PodCreation>& creations);

// One expected creation for an Indexed Job under backoffLimitPerIndex.
struct WantCreation {
    int index = 0;
    int failureCount = 0;
    int ignoredFailureCount = 0;
};
// Same text form as describeCreations.
QString describeWantCreations(const std::vector<WantCreation>& creations);

} // namespace jobscope::test
