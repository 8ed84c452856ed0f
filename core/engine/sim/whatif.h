// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "What if" from a recorded Job: the scenario it goes on in after a moment, written as a
// scenario text so that `--set`, the editor and its knobs change it like any other scenario,
// and the simulation of that scenario from the recorded moment (sim/fork.h).
//
// What the text says, read off the whole recording:
// - the Job as it was at the moment (its spec; the status comes from the recording), and its
//   later spec changes (suspend, resume, parallelism) and deletion as actions at their times;
// - the Pods' work: each Pod's run time and exit code as the recording shows them, by
//   completion index and attempt (NonIndexed: by the Pod's ordinal). Pods that ran to a success
//   give `runTime` (a list by index or ordinal); failed runs give `failures` rules with their
//   exit code and run time. A Pod the recording never saw run to its end (deleted, still
//   running, or never created) runs the median of the successes.
// - the cluster: the Nodes the Pods ran on (their capacity is not recorded: the kubelet's
//   default of 110 Pods), and the scheduler's and kubelet's delays (medians of creation →
//   bound and bound → running), where in its second the Job was created, and the Pod quota
//   its FailedCreate events name.
// The Kubernetes version is not recorded: the text leaves it to current master unless the
// recording says (set `kubernetesVersion` to the cluster's).

#include "scenario/scenario.h"
#include "timeline/timeline.h"

#include <optional>
#include <string>

namespace jobscope {

// The scenario text of a what-if of `observed` from `at` (seconds since the Job's creation);
// nullopt when the recording holds no Job spec to go on with.
std::optional<std::string> whatifScenarioText(const Timeline& observed, Seconds at);

// `scenario` (read from a what-if text, overrides applied) set to go on from `at` of `observed`.
void forkScenario(Scenario& scenario, const Timeline& observed, Seconds at);

} // namespace jobscope
