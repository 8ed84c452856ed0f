// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one catalogue of causes: why a Job's active Pods differ from `.spec.parallelism`. Each
// cause has a stable id (used in CSV files, lesson anchors and translations), the typed
// numbers an interval of it carries, and its English sentence. The app maps each CauseKind to
// its translated label, colour and sentence with a switch the compiler checks, so a cause
// added here cannot be forgotten there.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace jobscope {

struct CauseInterval;

enum class CauseKind : uint8_t {
    RemainingCompletions,
    WorkQueueDraining,
    ControllerLag,
    QuotaExceeded,
    CreationForbidden,
    CreationFailed,
    FailureBackoff,
    Terminating,
    Pending,
    Suspended,
    Finished,
    ScaledDown,
    None,
};

inline constexpr std::size_t kCauseKindCount = 13;

enum class CauseParamType : uint8_t {
    Count,   // a number of Pods, completions, failures or refusals
    Seconds, // a duration, or a time since the Job's creation
    Text,    // words from the API: a condition type, a reason, a server message
};

struct CauseParamInfo {
    const char* key;
    CauseParamType type;
    bool optional = false; // present only in some intervals (e.g. the per-index backoff's index)
};

struct CauseInfo {
    CauseKind kind;
    const char* id;                         // stable, as in the CSV and lesson files
    std::span<const CauseParamInfo> params; // the numbers an interval of this cause carries
};

// Every cause, in the order a legend lists them (the enum's order).
std::span<const CauseInfo> allCauses();
const CauseInfo& causeInfo(CauseKind kind);
// The cause with this id; nullopt for an id this build does not know.
std::optional<CauseKind> causeKindOf(std::string_view id);
inline const char* causeId(CauseKind kind) {
    return causeInfo(kind).id;
}

// The English sentence for an interval (lower case, no final period), from its numbers.
std::string causeSentence(const CauseInterval& interval);

} // namespace jobscope
