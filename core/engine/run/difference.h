// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How one run differs from another in what a what-if reports against its recording: when the
// Job finishes and what its Pods cost.

#include "analysis/summary.h"

#include <optional>

namespace jobscope {

// Differences smaller than this are none: the figures are shown to a tenth.
inline constexpr double kNegligibleDifference = 0.05;

struct RunDifference {
    // `to`'s finish − `from`'s, seconds; unset unless both finished. 0 when negligible.
    std::optional<Seconds> finish;
    double podSeconds = 0; // `to`'s − `from`'s; 0 when negligible
};

RunDifference runDifference(const RunSummary& from, const RunSummary& to);

} // namespace jobscope
