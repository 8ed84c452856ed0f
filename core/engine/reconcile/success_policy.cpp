// SPDX-License-Identifier: GPL-3.0-or-later
// Success policy matching (upstream pkg/controller/job/success_policy.go).

#include "reconcile/success_policy.h"

#include <algorithm>

namespace jobscope {

SuccessPolicyMatch matchSuccessPolicy(const SuccessPolicy* successPolicy, int32_t completions,
                                      const OrderedIntervals& succeededIndexes,
                                      const FeatureGates& gates) {
    if (!gates.jobSuccessPolicy || !successPolicy || succeededIndexes.empty())
        return {};
    const auto& rules = successPolicy->rules;
    for (std::size_t index = 0; index < rules.size(); ++index) {
        const SuccessPolicyRule& rule = rules[index];
        bool matched = false;
        if (rule.succeededIndexes) {
            const OrderedIntervals required =
                parseIndexesFromString(*rule.succeededIndexes, completions);
            // Nothing parsed (empty or malformed): the rule cannot be judged; skip it.
            if (required.empty())
                continue;
            matched = matchSucceededIndexesRule(required, succeededIndexes, rule.succeededCount);
        } else if (rule.succeededCount) {
            matched = succeededIndexes.total() >= *rule.succeededCount;
        }
        if (matched)
            return {"Matched rules at index " + std::to_string(index), true};
    }
    return {};
}

bool matchSucceededIndexesRule(const OrderedIntervals& ruleIndexes,
                               const OrderedIntervals& succeededIndexes,
                               std::optional<int32_t> succeededCount) {
    // Count the rule's indexes that succeeded by walking both sorted lists together.
    int contains = 0;
    std::size_t r = 0;
    std::size_t s = 0;
    while (r < ruleIndexes.size() && s < succeededIndexes.size()) {
        const Interval& rule = ruleIndexes[r];
        const Interval& done = succeededIndexes[s];
        const int overlap = std::min(rule.last, done.last) - std::max(rule.first, done.first) + 1;
        if (overlap > 0)
            contains += overlap;
        if (done.last < rule.last) {
            ++s;
        } else if (done.last > rule.last) {
            ++r;
        } else {
            ++s;
            ++r;
        }
    }
    return contains == ruleIndexes.total() || (succeededCount && contains >= *succeededCount);
}

bool successCriteriaMetInUse(const FeatureGates& gates) {
    // JobSuccessPolicy || delayTerminalCondition().
    return gates.jobSuccessPolicy || gates.jobManagedBy || gates.jobPodReplacementPolicy;
}

const JobCondition* hasSuccessCriteriaMetCondition(const Job& job, const FeatureGates& gates) {
    if (!successCriteriaMetInUse(gates))
        return nullptr;
    // findConditionByType: the first condition of the type decides.
    for (const JobCondition& c : job.status.conditions)
        if (c.type == job_condition::SuccessCriteriaMet)
            return c.status == "True" ? &c : nullptr;
    return nullptr;
}

bool isSuccessCriteriaMetCondition(const JobCondition* cond, const FeatureGates& gates) {
    return successCriteriaMetInUse(gates) && cond &&
           cond->type == job_condition::SuccessCriteriaMet && cond->status == "True";
}

} // namespace jobscope
