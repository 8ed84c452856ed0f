// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope reconcile` prints one sync as JSON: what the controller did (creations,
// deletions, finalizer removals, the error, the requeue), the Job status it wrote and why the
// actual parallelism differs from the request. Keys, in this order, all always present (null
// where upstream leaves the field unset):
//
//   creations, createdIndexes, deletions, deletedPods, finalizerRemovals, error,
//   requeueAfterSeconds,
//   status {startTime, completionTime, active, ready, terminating, succeeded, failed,
//           completedIndexes, failedIndexes, uncountedTerminatedPods {succeeded, failed},
//           conditions [{type, status, reason, message}]},
//   explanation {wantActive, causes},
//   events [{type, reason, message}]
//
// `createdIndexes` is null for a NonIndexed Job. Times follow the state file: RFC 3339
// strings when its `now` was one, else seconds on the file's clock.

#include "job.h"
#include "reconcile/sync.h"

#include <string>

namespace jobscope {

enum class TimeFormat { Seconds, Rfc3339 };

std::string syncResultToJson(const SyncResult& result, const Job& job, TimeFormat timeFormat);

} // namespace jobscope
