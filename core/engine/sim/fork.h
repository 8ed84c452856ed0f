// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A simulation that goes on from an observed Job ("what if"): the recording up to a moment,
// which the simulator takes as its world at that moment — the Job with its spec and status,
// every Pod with its phase, Node, times, exit code and finalizer, the controller's backoff
// record — and runs forward from, with the scenario's knobs deciding only what comes after.
// Up to the moment the simulated timeline is the recording itself.

#include "timeline/timeline.h"

#include <memory>

namespace jobscope {

struct ForkState {
    Seconds at = 0;    // seconds since the Job's creation
    Timeline observed; // the recording up to `at`, on the simulator's clock (the Job's creation
                       // is 0); Pods first seen after `at` are not in it
};

// The recording `observed` cut at `at` (seconds since the Job's creation, clamped to 0 and to
// where the recording ends): observations after it dropped, times moved so that the Job's
// creation is 0.
std::shared_ptr<const ForkState> forkState(const Timeline& observed, Seconds at);

// Every time in `timeline` moved by `by` seconds (start and end included).
void shiftTimeline(Timeline& timeline, Seconds by);

} // namespace jobscope
