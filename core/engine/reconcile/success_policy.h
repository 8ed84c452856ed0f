#pragma once
// Matching the succeeded indexes of an Indexed Job against spec.successPolicy (upstream
// pkg/controller/job/success_policy.go; JobSuccessPolicy GA).

#include "job.h"
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

// The first rule, in order, that the succeeded indexes satisfy (matchSuccessPolicy). A null
// policy or no succeeded index never matches; a rule whose succeededIndexes parse to nothing
// is skipped.
SuccessPolicyMatch matchSuccessPolicy(const SuccessPolicy* successPolicy, int32_t completions,
                                      const OrderedIntervals& succeededIndexes);
inline SuccessPolicyMatch matchSuccessPolicy(const SuccessPolicy& successPolicy,
                                             int32_t completions,
                                             const OrderedIntervals& succeededIndexes) {
    return matchSuccessPolicy(&successPolicy, completions, succeededIndexes);
}

// Whether the succeeded indexes cover every index of the rule, or at least `succeededCount` of
// them when set (matchSucceededIndexesRule).
bool matchSucceededIndexesRule(const OrderedIntervals& ruleIndexes,
                               const OrderedIntervals& succeededIndexes,
                               std::optional<int32_t> succeededCount);

// The Job's SuccessCriteriaMet=True condition, if any (hasSuccessCriteriaMetCondition).
const JobCondition* hasSuccessCriteriaMetCondition(const Job& job);
// Whether this is a SuccessCriteriaMet=True condition (isSuccessCriteriaMetCondition).
bool isSuccessCriteriaMetCondition(const JobCondition* cond);

} // namespace jobscope
