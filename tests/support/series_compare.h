// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Comparing the analysis of a recording kept to the millisecond (a JobScope trace) with that
// of the same recording at full precision (a kubectl capture, microseconds): changes less than
// 1 ms apart become one instant in the trace, so a state that lasted under a millisecond may
// be missing from its series. Every state that lasted longer must be there.

#include "analysis/analysis.h"

#include <QString>

#include <vector>

namespace jobscope::test {

// "" when every row of `precise` that lasted at least 2 ms (the last row included) is, in
// `trace`, the state 1 ms after that row began; else the first difference, for the failure
// message. Compared: requested, active, succeeded, failed and the causes.
QString seriesDifference(const std::vector<SeriesRow>& precise,
                         const std::vector<SeriesRow>& trace);

// "" when every cause interval of `precise` that lasted at least 2 ms is, in `trace`, an
// interval of the same cause with the same numbers and rank 1 ms after it began; else the first
// difference.
QString causesDifference(const std::vector<CauseInterval>& precise,
                         const std::vector<CauseInterval>& trace);

} // namespace jobscope::test
