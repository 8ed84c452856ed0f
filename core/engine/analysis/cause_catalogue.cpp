// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/cause_catalogue.h"

#include "analysis/analysis.h"
#include "number_text.h"
#include "reconcile/explanation.h"

#include <array>
#include <cmath>

namespace jobscope {

namespace {

using T = CauseParamType;

constexpr CauseParamInfo kRemaining[] = {
    {"remaining", T::Count}, {"completions", T::Count}, {"parallelism", T::Count}};
constexpr CauseParamInfo kDraining[] = {{"active", T::Count}};
constexpr CauseParamInfo kLag[] = {{"missing", T::Count}};
constexpr CauseParamInfo kQuota[] = {{"quota", T::Count}, {"refused", T::Count}};
constexpr CauseParamInfo kRefused[] = {{"refused", T::Count}, {"message", T::Text, true}};
// Job-wide: failures since the last success. Per index (backoffLimitPerIndex): the index that
// is retried next, its own failure count, and how many indexes wait.
constexpr CauseParamInfo kBackoff[] = {{"failures", T::Count},
                                       {"delay", T::Seconds},
                                       {"due", T::Seconds},
                                       {"index", T::Count, true},
                                       {"indexes", T::Count, true}};
constexpr CauseParamInfo kTerminating[] = {{"terminating", T::Count}};
constexpr CauseParamInfo kPending[] = {{"pending", T::Count}};
constexpr CauseParamInfo kSuspended[] = {{"requested", T::Count}};
constexpr CauseParamInfo kFinished[] = {{"condition", T::Text}, {"reason", T::Text, true}};
constexpr CauseParamInfo kScaledDown[] = {{"surplus", T::Count}, {"wantActive", T::Count}};

const std::array<CauseInfo, kCauseKindCount> kCatalogue = {{
    {CauseKind::RemainingCompletions, cause::RemainingCompletions, kRemaining},
    {CauseKind::WorkQueueDraining, cause::WorkQueueDraining, kDraining},
    {CauseKind::ControllerLag, cause::ControllerLag, kLag},
    {CauseKind::QuotaExceeded, cause::QuotaExceeded, kQuota},
    {CauseKind::CreationForbidden, cause::CreationForbidden, kRefused},
    {CauseKind::CreationFailed, cause::CreationFailed, kRefused},
    {CauseKind::FailureBackoff, cause::FailureBackoff, kBackoff},
    {CauseKind::Terminating, cause::Terminating, kTerminating},
    {CauseKind::Pending, cause::Pending, kPending},
    {CauseKind::Suspended, cause::Suspended, kSuspended},
    {CauseKind::Finished, cause::Finished, kFinished},
    {CauseKind::ScaledDown, cause::ScaledDown, kScaledDown},
    {CauseKind::None, cause::None, {}},
}};

std::string plural(double n, const char* one, const char* many) {
    return formatShortNumber(n) + " " + (std::fabs(n - 1) < 1e-9 ? one : many);
}

std::string textParam(const CauseInterval& c, const char* key) {
    for (const auto& p : c.params)
        if (p.key == key)
            return p.text;
    return {};
}

} // namespace

std::span<const CauseInfo> allCauses() {
    return kCatalogue;
}

const CauseInfo& causeInfo(CauseKind kind) {
    return kCatalogue[static_cast<std::size_t>(kind)];
}

std::optional<CauseKind> causeKindOf(std::string_view id) {
    for (const CauseInfo& info : kCatalogue)
        if (id == info.id)
            return info.kind;
    return std::nullopt;
}

std::string causeSentence(const CauseInterval& c) {
    const auto n = [&c](const char* key) { return c.param(key).value_or(0); };
    switch (c.kind) {
    case CauseKind::RemainingCompletions:
        return "only " + plural(n("remaining"), "completion remains", "completions remain") +
               " of " + formatShortNumber(n("completions")) + ", fewer than parallelism " +
               formatShortNumber(n("parallelism"));
    case CauseKind::WorkQueueDraining:
        return "a Pod succeeded, so no new Pods start; waiting for " +
               plural(n("active"), "active Pod", "active Pods") + " to finish";
    case CauseKind::ControllerLag:
        return plural(n("missing"), "wanted Pod", "wanted Pods") +
               " not yet created or seen by the controller";
    case CauseKind::QuotaExceeded:
        return "quota allows " + plural(n("quota"), "Pod", "Pods") + "; " +
               plural(n("refused"), "creation", "creations") + " refused";
    case CauseKind::CreationForbidden:
        return plural(n("refused"), "Pod creation", "Pod creations") +
               " forbidden by the API server";
    case CauseKind::CreationFailed:
        return plural(n("refused"), "Pod creation", "Pod creations") +
               " failed with an API server error";
    case CauseKind::FailureBackoff:
        if (const auto index = c.param("index"))
            return "index " + formatShortNumber(*index) + " failed " +
                   plural(n("failures"), "time", "times") + "; its replacement waits " +
                   formatShortNumber(n("delay")) + " s, until " + formatShortNumber(n("due")) +
                   " s";
        return plural(n("failures"), "failure", "failures") +
               " since the last success; replacements wait " + formatShortNumber(n("delay")) +
               " s, until " + formatShortNumber(n("due")) + " s";
    case CauseKind::Terminating:
        return plural(n("terminating"), "Pod", "Pods") + " terminating";
    case CauseKind::Pending:
        return plural(n("pending"), "Pod", "Pods") + " pending, not running yet";
    case CauseKind::Suspended:
        return "the Job is suspended; parallelism " + formatShortNumber(n("requested")) +
               " waits for resume";
    case CauseKind::Finished: {
        const std::string condition = textParam(c, "condition");
        const std::string reason = textParam(c, "reason");
        if (condition == "deleted")
            return "the Job was deleted";
        if (condition == "finishing")
            return "the Job has reached its end; the controller is finishing it";
        return "the Job is " + condition + (reason.empty() ? "" : " (" + reason + ")");
    }
    case CauseKind::ScaledDown:
        return plural(n("surplus"), "Pod", "Pods") + " above the target of " +
               formatShortNumber(n("wantActive")) + " being removed";
    case CauseKind::None:
        return "nothing holds the Job back";
    }
    return {};
}

} // namespace jobscope
