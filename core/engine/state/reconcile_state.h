// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A reconcile state file: everything one sync of the Job controller depends on, written by
// hand or converted from objects dumped from a cluster. `jobscope reconcile FILE` reads one
// and prints what syncJob does with it.
//
//   job: {apiVersion: batch/v1, kind: Job, metadata: {...}, spec: {...}, status: {...}}
//        # as kubectl prints it; status = the status before this sync;
//        # metadata.deletionTimestamp = the Job is being deleted
//   now: "2026-01-01T00:00:30Z"  # the sync's clock (required); any time in the file may
//                                # also be a number of seconds on one shared clock
//   pods: [...]                  # v1 Pods, a v1 List of them, or the shorthand
//                                # (state/pod_reader.h); default none
//   expectations: {creations: 0, deletions: 0, setAt: null}
//        # creates/deletes issued by earlier syncs and not yet observed; setAt = when they
//        # were issued (the 5-minute expectations TTL counts from it); default all zero
//   backoff: {failuresAfterLastSuccess: 0, lastFailureTime: null}
//        # the controller's pod-failure backoff record from earlier syncs
//   apiErrors: {create: none, delete: none, patch: none, statusUpdate: none,
//               createLimit: null}
//        # none | quota | forbidden | error (create also: namespaceTerminating);
//        # createLimit = creates the API accepts before it refuses
//   kubernetesVersion: "1.30"    # the release whose gate defaults apply (feature_gate_reader.h);
//                                # default current master
//   featureGates: {JobPodReplacementPolicy: false}
//        # kube-controller-manager's --feature-gates for the four Job gates
//
// The Job is read, defaulted and validated as the API server would (manifest/manifest.h), with
// the file's gates: fields of a disabled gate are dropped. A Job the API server would reject is
// an error at the field's position. Unknown keys at the
// top level, in expectations/backoff/apiErrors and in Pod shorthands are errors with a "did
// you mean". The reader never throws; every problem is reported in `diagnostics`.

#include "diagnostics.h"
#include "reconcile/sync.h"
#include "state/pod_reader.h"
#include "state/sync_json.h"

#include <optional>
#include <string>

namespace jobscope {

struct ReconcileState {
    SyncInput input;                    // input.gates: the file's feature gates
    std::optional<int> kubernetesMinor; // kubernetesVersion 1.<minor>; unset: current master
    // How `now` was written; the output prints times the same way.
    TimeFormat timeFormat = TimeFormat::Seconds;
};

struct ReconcileStateLimits {
    int64_t maxPods = kDefaultMaxStatePods; // Pods after shorthand expansion
};

// Parses a state from `text`; `fileName` names it in messages. Returns nullopt when there
// were errors (warnings alone do not fail).
std::optional<ReconcileState> parseReconcileState(const std::string& text,
                                                  const std::string& fileName,
                                                  Diagnostics& diagnostics,
                                                  const ReconcileStateLimits& limits = {});

// Reads and parses the state file at `path`.
std::optional<ReconcileState> readReconcileStateFile(const std::string& path,
                                                     Diagnostics& diagnostics);

// The API error spellings of the state file: "none", "quota", "forbidden", "error",
// "namespaceTerminating".
std::optional<ApiError> apiErrorFromString(const std::string& text);
const char* apiErrorName(ApiError error);

} // namespace jobscope
