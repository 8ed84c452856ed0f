// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The discrete-event simulator: a Job in the world a Scenario describes, run the
// way a real control plane runs it, recorded as a Timeline.
//
// What is modelled, and where the numbers come from (defaults in scenario.h Timings, measured
// on the recordings in tests/data/recordings):
// - an API server holding the Job and its Pods: creates, deletes, finalizer patches and status
//   writes land `apiLatency` after they are issued (a slow-start batch of creates in parallel,
//   one round trip per batch); a ResourceQuota on the Pod count refuses creates beyond it
//   (the quota counts every Pod that is not Succeeded or Failed, terminating ones included, as
//   upstream's pod evaluator does); missing permission refuses every create. Refusals become
//   FailedCreate events with the API server's message;
// - the Job controller: its informer (Pod add / update / delete and Job updates), its
//   expectations, and its work queue — a sync runs at once on Job add and spec change, 1 s
//   (SyncJobBatchPeriod) after a Pod event or a status update, when a sync asked to be requeued,
//   and after a failed sync with the per-key rate limiter (1 s doubling to 60 s, forgotten on
//   success). A key waits in the queue at most once: a later event never delays a sync that is
//   already due. One sync runs at a time and lasts until its writes have landed. Each sync calls
//   the reconcile core (syncJob) with the Pods it can act on and is recorded in Timeline::syncs;
// - a scheduler: Nodes with a Pod capacity and optional CPU / memory matched against the
//   template's requests; a Pod that fits nowhere stays Pending (Unschedulable) until room frees;
// - a kubelet per Node: Pending -> Running after `containerStart`, Ready after
//   `readinessDelay`, Succeeded / Failed after the run time with its exit code (status reported
//   `podEndToCount` after the exit); with restartPolicy OnFailure a failed container restarts in
//   the same Pod after the kubelet's crash-loop back-off (10 s doubling to 300 s). A Pod with a
//   deletionTimestamp stops after `gracefulTermination` (at most the template's
//   terminationGracePeriodSeconds), becomes Failed with exit code 143 and is removed once its
//   tracking finalizer is gone. Node loss fails its Pods with a DisruptionTarget condition;
// - the work queue of the scenario: each running Pod takes items until the queue is empty, then
//   exits 0; an item held by a Pod that fails or is killed goes back to the queue;
// - the scenario's actions, ttlSecondsAfterFinished (foreground deletion of the Job and its
//   Pods) and the stop time.
//
// Deterministic: the same Scenario (seed included) always gives the same Timeline, on every
// platform (sim/random.h).
//
// Several Jobs (Scenario::jobs) share the Nodes, the scheduler's queue (oldest Pod first, over
// every Job), the namespace's Pod quota, the create permission and the random streams; each has
// its own controller state and work queue key, synced by one of kConcurrentJobSyncs workers,
// one sync at a time per Job. The scenario's actions about a Job act on the Job they name
// (ScenarioAction::job), the first by default; its runTime, failures and workQueue (one queue
// per Job) apply to every Job.
//
// Conventions of the Timeline it writes: time 0 is the scenario's start, the Job's creation
// when it has one Job (a Job's creation is its startAt, Timeline::start); Pod names are the
// generateName plus a five-character suffix drawn from the seed; PodState::deletionTimestamp
// holds what the API server writes (the deletion request time plus the grace period), so the
// moment a Pod started terminating is the time of the observation that set it.

#include "scenario/scenario.h"
#include "timeline/timeline.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobscope {

class TimelineFeed;

// The end of the simulation when the scenario sets no stop time (simulated seconds), and a cap
// on processed steps so that no scenario can keep it running.
inline constexpr Seconds kDefaultSimulationStop = 24 * 3600.0;
inline constexpr std::size_t kMaxSimulationSteps = 50'000'000;
// kube-controller-manager --concurrent-job-syncs (default): Jobs synced at the same time.
inline constexpr std::size_t kConcurrentJobSyncs = 5;

struct SimulationStats {
    std::size_t pods = 0;            // Pods created
    std::size_t createRefusals = 0;  // creates the API server refused
    std::size_t syncs = 0;           // reconcile-core calls (syncJob)
    std::size_t events = 0;          // Timeline events
    std::size_t podObservations = 0; // Timeline podChanges
    std::size_t jobObservations = 0; // Timeline jobChanges
    std::size_t steps = 0;           // discrete events processed
    Seconds end = 0;                 // simulated time at which it stopped
    // Why it stopped: "finished" (the Job finished, or was deleted, and every Pod stopped),
    // "stop-time", "idle" (nothing left that could happen), "step-limit", or "pod-limit" (it
    // created more than scenario.maxPods Pods, or the Job needs more: then nothing ran).
    std::string stopReason;
};

// The fewest Pods the Job needs to finish: spec.completions, or spec.parallelism for a Job
// without completions (a work queue runs that many at once).
std::int64_t minimumPods(const Job& job);
// Why the scenario is too large to simulate within scenario.maxPods, or nothing when it fits.
std::optional<Message> checkSimulationSize(const Scenario& scenario);
// Why the simulation stopped at its Pod limit, for a run whose stopReason is "pod-limit".
Message podLimitMessage(const Scenario& scenario, Seconds at);

// Runs the scenario; one that checkSimulationSize refuses gives an empty Timeline (stopReason
// "pod-limit"). `scenario.job` must be defaulted and validated (a scenario reader does
// both). ControllerSync::creations counts the Pods a sync created (refused creates excluded).
// The first Job's Timeline (scenario.job). With a `feed`, which another thread must be reading
// (analyzeFeed), the first Job's Timeline is published to it as it is written
// (timeline/timeline_feed.h), and the call returns, or throws, once its reader is done; a
// scenario refused by checkSimulationSize publishes nothing.
Timeline simulate(const Scenario& scenario, SimulationStats* stats = nullptr,
                  TimelineFeed* feed = nullptr);

// Every Job of the scenario (scenario.jobs; the first is scenario.job) run in one world: one
// Timeline per Job, in the scenario's order. All are on the scenario's clock: time 0 is the
// scenario's start (the creation of a Job whose startAt is 0), and each Timeline::start is its
// Job's creation (its startAt). Timeline::end is where the simulation stopped, the same for
// all. `stats` counts over every Job. A what-if (scenario.fork) runs the first Job only.
std::vector<Timeline> simulateJobs(const Scenario& scenario, SimulationStats* stats = nullptr,
                                   TimelineFeed* feed = nullptr);

} // namespace jobscope
