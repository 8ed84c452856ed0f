// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Matching the succeeded indexes of an Indexed Job against spec.successPolicy (upstream
// pkg/controller/job/success_policy.go), and the SuccessCriteriaMet condition helpers.

#include "job.h"
#include "reconcile/feature_gates.h"
#include "reconcile/indexes.h"

#include <cstdint>
#include <optional>
#include <string>

namespace jobscope {

struct SuccessPolicyMatch {
    std::string message; // "Matched rules at index N" when matched
    bool matched = false;

    bool operator==(const SuccessPolicyMatch&) const = default;
};

// The first rule, in order, that the succeeded indexes satisfy (matchSuccessPolicy). Nothing
// matches with the JobSuccessPolicy gate off, a null policy or no succeeded index; a rule whose
// succeededIndexes parse to nothing is skipped.
SuccessPolicyMatch matchSuccessPolicy(const SuccessPolicy* successPolicy, int32_t completions,
                                      const OrderedIntervals& succeededIndexes,
                                      const FeatureGates& gates);
inline SuccessPolicyMatch matchSuccessPolicy(const SuccessPolicy& successPolicy,
                                             int32_t completions,
                                             const OrderedIntervals& succeededIndexes,
                                             const FeatureGates& gates) {
    return matchSuccessPolicy(&successPolicy, completions, succeededIndexes, gates);
}

// Whether the succeeded indexes cover every index of the rule, or at least `succeededCount` of
// them when set (matchSucceededIndexesRule).
bool matchSucceededIndexesRule(const OrderedIntervals& ruleIndexes,
                               const OrderedIntervals& succeededIndexes,
                               std::optional<int32_t> succeededCount);

// Whether the controller works with SuccessCriteriaMet conditions at all: JobSuccessPolicy on,
// or a terminal condition delayed by JobPodReplacementPolicy / JobManagedBy.
bool successCriteriaMetInUse(const FeatureGates& gates);
// The Job's SuccessCriteriaMet=True condition, if any and in use (hasSuccessCriteriaMetCondition).
const JobCondition* hasSuccessCriteriaMetCondition(const Job& job, const FeatureGates& gates);
// Whether this is a SuccessCriteriaMet=True condition and those are in use
// (isSuccessCriteriaMetCondition).
bool isSuccessCriteriaMetCondition(const JobCondition* cond, const FeatureGates& gates);

} // namespace jobscope
