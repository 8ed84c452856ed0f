// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/difference.h"

#include <cmath>

namespace jobscope {

namespace {

double unlessNegligible(double delta) {
    return std::abs(delta) < kNegligibleDifference ? 0.0 : delta;
}

} // namespace

RunDifference runDifference(const RunSummary& from, const RunSummary& to) {
    RunDifference difference;
    if (from.finishedAt && to.finishedAt)
        difference.finish = unlessNegligible(*to.finishedAt - *from.finishedAt);
    difference.podSeconds = unlessNegligible(to.podSeconds - from.podSeconds);
    return difference;
}

} // namespace jobscope
