// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The world a Job runs in, as a scenario file describes it: the Job, the cluster (nodes,
// quota, permissions), the timings of the control plane and the kubelet, how long Pods run,
// how they fail, an optional work queue, and actions at given times. A bare Job manifest is a
// scenario with every default below.

#include "diagnostics.h"
#include "job.h"
#include "reconcile/feature_gates.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jobscope {

struct ForkState;

// The most Pods one simulation may create unless told otherwise (`simulate --max-pods`):
// room for the 1 000 000-completion benchmark with its failed attempts, about 1.5 GB. A Job
// that needs more is refused before anything is allocated; a simulation that goes on creating
// Pods (failures retried without end) stops there.
inline constexpr std::size_t kDefaultMaxPods = 1'500'000;

// The most Jobs one scenario may hold (`jobs:` items or `replicas.count`).
inline constexpr std::size_t kMaxScenarioJobs = 10'000;

// A random duration (seconds) or one fixed per completion index.
struct Duration {
    enum class Kind { Fixed, Uniform, Normal, Exponential, PerIndex };
    Kind kind = Kind::Fixed;
    double value = 10;            // Fixed: the value; Exponential: the mean
    double min = 0;               // Uniform
    double max = 0;               // Uniform
    double mean = 0;              // Normal
    double stddev = 0;            // Normal (samples are clamped at 0)
    std::vector<double> perIndex; // PerIndex: by completion index (NonIndexed: by Pod ordinal)
};

struct NodeSpec {
    std::string name;
    int pods = 110;                    // Pod capacity
    std::optional<double> cpu;         // cores allocatable; unset = not checked
    std::optional<double> memoryBytes; // allocatable; unset = not checked
};

// Control-plane and kubelet timings (seconds). The control-plane defaults are measured on the
// Jobs recorded in tests/data/recordings (a real v1.32 control plane, times as watch receive
// times): see docs/scenarios.md. The kubelet defaults are those of the recordings' kubelet.
struct Timings {
    // SyncJobBatchPeriod: in traces a, b, d, e2 the sync after a Pod's end lands its first write
    // 1.00-1.01 s after the Pod event (e.g. a: Pods end 6.280 / 13.594 / 20.868 s, next Pods
    // 7.289 / 14.586 / 21.875 s).
    Seconds syncBatch = 1.0;
    // Queue and worker delay before a sync runs: within the watch timestamps' noise (a few ms)
    // in every trace, so none is modelled by default.
    Seconds syncLatency = 0.0;
    // One API write (create, delete, finalizer patch, status write); a sync's writes follow each
    // other. Measured: first Pod 7-10 ms after the sync starts (a, b), Pods of one sync 9-14 ms
    // apart (a: 0.007/0.017/0.026 s; b: 0.008/0.022/0.034 s; e2: 5.157/5.170 s), and in trace a
    // at 7.28 s the creates, the uncounted status write, the finalizer patches and the final
    // status write land 7.289 ... 7.348 s, ~10 ms each.
    Seconds apiLatency = 0.010;
    Seconds informerLatency = 0.0;     // a write is seen by the controller's informer this later
    Seconds schedulerDelay = 0.2;      // creation -> bound to a node
    Seconds containerStart = 1.0;      // bound -> Running (image pull + start)
    Seconds readinessDelay = 0.0;      // Running -> Ready
    Seconds gracefulTermination = 1.0; // deletionTimestamp -> stopped (capped by the template's
                                       // terminationGracePeriodSeconds)
    Seconds podEndToCount = 0.0;       // kubelet status update delay after the container exits
    // Where in its wall-clock second the Job was created (0 <= x < 1). The API server keeps
    // times in whole seconds (creation, deletion and start times, a container's finishedAt,
    // condition transitions), and the controller's backoffs and deadlines count from those cut
    // times. Unset: drawn from the seed.
    std::optional<Seconds> creationSecond;
};

// A failure rule: a Pod of this index/attempt (any when unset) fails with `exitCode` with
// `probability`, after `after` seconds of running (its run time when unset).
struct FailureRule {
    std::optional<int> index;
    std::optional<int> attempt;
    double probability = 1.0;
    int32_t exitCode = 1;
    std::optional<Seconds> after;
    SourcePosition position;
};

struct WorkQueue {
    int items = 0;
    Duration perItem; // time to process one item
};

struct ScenarioAction {
    enum class Kind {
        Suspend,
        Resume,
        SetParallelism,
        SetQuota,  // value < 0 removes the quota
        DeletePod, // target: a Pod name, or "index:N" / "oldest" / "newest"
        FailNode,  // target: a node name
        DeleteJob,
        AllowCreate, // value 0 forbids creating Pods, 1 allows it again
    };
    Seconds at = 0;
    Kind kind = Kind::Suspend;
    int64_t value = 0;
    std::string target;
    // The Job it acts on, by metadata.name: Suspend, Resume, SetParallelism, DeletePod and
    // DeleteJob only. Empty: the scenario's first Job.
    std::string job;
    SourcePosition position;
};

// One Job of a scenario and when it is created (seconds on the scenario's clock).
struct ScenarioJob {
    Job job;             // defaulted and validated
    std::string jobFile; // where the manifest came from ("" when inline)
    Seconds startAt = 0;
    SourcePosition position;
};

struct Scenario {
    std::string title;
    std::string titleZh;       // Simplified Chinese ("" when not given)
    std::string description;   // English
    std::string descriptionZh; // Simplified Chinese
    Job job;                   // the first Job (jobs.front().job), defaulted and validated
    std::string jobFile;       // where the manifest came from ("" when inline)
    // Every Job, in the file's order, sharing the cluster, the quota and the rest of the
    // scenario (a reader gives one entry per Job, one for a single-Job file). The simulator
    // takes the first Job from `job` above, so that callers that edit `job` keep working; only
    // the first entry's startAt is read. Empty: the one Job above, created at 0.
    std::vector<ScenarioJob> jobs;
    // The control plane's feature gates (kubernetesVersion's defaults, then featureGates); the
    // Job above already went through the API server with them.
    FeatureGates featureGates;
    std::optional<int> kubernetesMinor; // kubernetesVersion 1.<minor>; unset: current master
    uint64_t seed = 1;
    std::optional<Seconds> stopAt; // simulated seconds on the scenario's clock (0: its start)
    std::vector<NodeSpec> nodes;   // default: one node with room for 1000 Pods
    std::optional<int> quotaPods;  // ResourceQuota on the Pod count in the namespace
    bool createForbidden = false;  // the controller lacks permission to create Pods
    Timings timings;
    Duration runTime; // how long a Pod's main container runs
    std::vector<FailureRule> failures;
    std::optional<WorkQueue> workQueue;
    std::vector<ScenarioAction> actions;
    std::size_t maxPods = kDefaultMaxPods; // the simulation's limit (kDefaultMaxPods)
    // Set for a what-if: the simulation goes on from this recorded moment (sim/fork.h), and
    // only the actions after it run. Not read from a file: the what-if sets it.
    std::shared_ptr<const ForkState> fork;
};

} // namespace jobscope
