// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Why a Job's actual parallelism differs from the requested one after one sync — beyond
// upstream: computed from the facts of the pass (its input and what it did), never from inside
// the upstream-mirroring code, so that the sync itself stays a faithful port.
//
// Cause ids, stable because CSV reports, tests and translations use them (new ones may be
// added, none renamed): remaining-completions, work-queue-draining, controller-lag,
// quota-exceeded, creation-forbidden, creation-failed, failure-backoff, terminating, pending,
// suspended, finished, scaled-down, none. The primary cause comes first.

#include "reconcile/sync.h"

#include <string>

namespace jobscope {

namespace cause {
inline constexpr const char* RemainingCompletions = "remaining-completions";
inline constexpr const char* WorkQueueDraining = "work-queue-draining";
inline constexpr const char* ControllerLag = "controller-lag";
inline constexpr const char* QuotaExceeded = "quota-exceeded";
inline constexpr const char* CreationForbidden = "creation-forbidden";
inline constexpr const char* CreationFailed = "creation-failed";
inline constexpr const char* FailureBackoff = "failure-backoff";
inline constexpr const char* Terminating = "terminating";
inline constexpr const char* Pending = "pending";
inline constexpr const char* Suspended = "suspended";
inline constexpr const char* Finished = "finished";
inline constexpr const char* ScaledDown = "scaled-down";
inline constexpr const char* None = "none";
} // namespace cause

// requested = spec.parallelism (default 1); wantActive = the number of active Pods the
// controller aims for in this pass (upstream manageJob's wantActive; 0 when suspended or
// finishing); causes = why the active Pods observed by this pass differ from the request, or
// run below it (Pending), primary first; "none" when nothing holds them back.
Explanation explainSync(const SyncRequest& input, const SyncResult& result);

} // namespace jobscope
