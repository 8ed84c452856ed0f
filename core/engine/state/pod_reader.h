// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the Pods of a reconcile state file: full v1 Pod objects (as `kubectl get pod -o yaml`
// or `-o json` prints them, a v1 List of them, or a bare sequence) and a shorthand for people
// who write states by hand. Only what the Job controller reads is kept; every other field of
// a Pod object is accepted and ignored, but a field the controller reads must have the right
// type.
//
// What is read from a Pod object: metadata.{name, namespace, uid, generateName,
// creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
// finalizers}, spec.nodeName, status.{phase, startTime, conditions[].{type, status,
// lastTransitionTime}, containerStatuses[] and initContainerStatuses[] .{name, ready,
// restartCount, state.running.startedAt, state.terminated.{exitCode, reason, startedAt,
// finishedAt}}}. A Pod without metadata.uid gets its name as uid. A Pod whose controller
// ownerReference names another uid than the Job's is left out with a warning, as the
// controller would not see it.
//
// The shorthand (a mapping without apiVersion/kind/metadata), every key optional:
//
//   name          the Pod's name. Default: "<job name>-<n>" with n counting up from 0 over
//                 the generated names. With count > 1, "<name>-<i>" for i = 0..count-1.
//   uid           default: the name (uncountedTerminatedPods lists uids).
//   phase         Pending | Running | Succeeded | Failed | Unknown. Default: Succeeded when
//                 exitCode is 0 or only finishedAt is given, Failed when exitCode is non-zero,
//                 Running otherwise.
//   ready         true -> condition Ready=True; false (the default) -> Ready=False.
//   readyAt       when the Pod became ready (the Ready condition's lastTransitionTime).
//   terminating   true -> metadata.deletionTimestamp = now; or a time to use instead.
//                 Default false.
//   gracePeriod   metadata.deletionGracePeriodSeconds (with terminating).
//   index         the completion index: the batch.kubernetes.io/job-completion-index
//                 annotation and label. An integer, or a string for an invalid index.
//   failureCount, ignoredFailureCount
//                 the per-index batch.kubernetes.io/job-index-failure-count and
//                 job-index-ignored-failure-count annotations.
//   finishedAt, exitCode
//                 the container "main" is Terminated with this exit code and finish time.
//                 A Succeeded or Failed Pod always gets a terminated container, with exit
//                 code 0 or 1 when exitCode is not given, and no finish time when finishedAt
//                 is not given (then upstream's getFinishedTime falls back to createdAt).
//   restarts      the container's restartCount (restartPolicy OnFailure counts these).
//   conditions    extra Pod conditions: a list of types (status True), e.g.
//                 [DisruptionTarget], or of {type, status, lastTransitionTime} mappings.
//   tracked       the Pod carries the batch.kubernetes.io/job-tracking finalizer. Default
//                 true (every Pod the controller creates has it).
//   createdAt     metadata.creationTimestamp. Default: none.
//   node          spec.nodeName. Default: "node-1", or "" for a Pending Pod (unscheduled).
//   labels, annotations
//                 extra string maps merged into the Pod's metadata.
//   count         this many identical Pods (names generated as above). Default 1; 0 allowed.

#include "diagnostics.h"
#include "pod.h"
#include "yaml_reader.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace jobscope {

inline constexpr int64_t kDefaultMaxStatePods = 200000;

// The context a shorthand Pod is expanded in.
struct PodShorthandContext {
    Seconds now = 0;          // `terminating: true` means deleted at this time
    std::string jobName;      // prefix of generated names
    std::string jobNamespace; // namespace of every shorthand Pod
    std::string jobUid;       // Pod objects controlled by another uid are left out
    // More Pods than this in one state is a mistake, not a Job anyone runs (the engine's
    // bar is 100 000 completions); the fuzzer sets a lower limit to stay fast.
    int64_t maxPods = kDefaultMaxStatePods;
};

class PodReader {
public:
    PodReader(YamlReader& reader, PodShorthandContext context)
        : reader_(reader), context_(std::move(context)) {}

    // Reads `node` (a sequence of Pods, or a v1 List / PodList mapping with `items`) and
    // appends the Pods to `pods`. Reports every problem; returns false if any was an error.
    bool readPods(const YAML::Node& node, const std::string& path, std::vector<Pod>& pods);

    // One entry: a Pod object or a shorthand (which may expand to several Pods).
    bool readEntry(const YAML::Node& node, const std::string& path, std::vector<Pod>& pods);

    // A full v1 Pod object.
    bool readPodObject(const YAML::Node& node, const std::string& path, Pod& pod);
    // A shorthand entry, expanded.
    bool readShorthand(const YAML::Node& node, const std::string& path, std::vector<Pod>& pods);

    // True when the mapping looks like a Kubernetes object rather than a shorthand.
    static bool isPodObject(const YAML::Node& node);

private:
    bool readStringMap(const YAML::Node& node, const std::string& path,
                       std::map<std::string, std::string>& out);
    bool readContainerStatuses(const YAML::Node& node, const std::string& path,
                               std::vector<ContainerStatus>& out);
    std::string generatedName();

    YamlReader& reader_;
    PodShorthandContext context_;
    std::unordered_set<std::string> names_; // every Pod name read so far, to generate fresh ones
    int nextGenerated_ = 0;
};

} // namespace jobscope
