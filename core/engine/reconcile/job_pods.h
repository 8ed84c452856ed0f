// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pod classification and Job condition helpers of the upstream Job controller
// (pkg/controller/job/job_controller.go, indexed_job_utils.go) and the shared controller
// package (pkg/controller/controller_utils.go), used by syncJob and manageJob.
//
// Pods are handled through `const Pod*` views into the informer's list, so that a sync over
// 100 000 Pods never copies them.

#include "job.h"
#include "pod.h"
#include "reconcile/feature_gates.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace jobscope {

// The Job with the SetDefaults_Job values syncJob relies on: parallelism (and completions when
// both are unset), backoffLimit (6, or MaxInt32 with backoffLimitPerIndex) and, with a pod
// failure policy and the JobPodReplacementPolicy gate on, podReplacementPolicy Failed — the
// only value validation allows with one. Without a pod failure policy an unset
// podReplacementPolicy stays unset, which upstream's sync treats as TerminatingOrFailed.
// Hand-written states may lack these fields; the API server never stores a Job without them.
Job withApiDefaults(const Job& job, const FeatureGates& gates);

// controller.IsPodActive: not Succeeded/Failed and not being deleted.
bool isPodActive(const Pod& pod);
// controller.IsPodTerminating: not terminal and being deleted.
bool isPodTerminating(const Pod& pod);
// Terminating Pods are not replaced until they fail (onlyReplaceFailedPods): podReplacementPolicy
// Failed with the JobPodReplacementPolicy gate on, or any pod failure policy.
bool onlyReplaceFailedPods(const Job& job, const FeatureGates& gates);
// isPodFailed: phase Failed; unless only failed Pods are replaced, a Pod being deleted that did
// not succeed counts as failed too.
bool isPodFailed(const Pod& pod, const Job& job, const FeatureGates& gates);
// Whether the sync counts terminating Pods (trackTerminatingPods): JobPodReplacementPolicy or
// JobManagedBy on, or a pod failure policy. status.terminating itself is written only with
// JobPodReplacementPolicy on.
bool trackTerminatingPods(const Job& job, const FeatureGates& gates);
// Whether a finishing Job first gets FailureTarget / SuccessCriteriaMet and its Failed /
// Complete only once no Pod terminates (delayTerminalCondition): JobManagedBy or
// JobPodReplacementPolicy on.
bool delayTerminalCondition(const FeatureGates& gates);

bool jobSuspended(const Job& job);
// spec.managedBy when it names a controller other than the built-in one and the JobManagedBy
// gate is on (managedByExternalController).
std::optional<std::string> managedByExternalController(const Job& job, const FeatureGates& gates);
// util.IsJobFinished: a Complete=True or Failed=True condition.
bool isJobFinished(const Job& job);

// controller.ActivePods "less": the Pod to delete first sorts first — unscheduled before
// scheduled, Pending < Unknown < Running, not ready before ready, ready for less time first,
// more container restarts first, newer first. (Sidecar restart counts are not compared: the
// Pod model does not say which init containers are restartable.)
bool activePodsLess(const Pod* a, const Pod* b);
// sort.Sort(controller.ActivePods(pods)); stable, so equal Pods keep the informer's order.
void sortActivePods(std::vector<const Pod*>& pods);

// activePodsForRemoval: for Indexed Jobs every Pod with a missing, out-of-range or repeated
// index first, then — when that is fewer than rmAtLeast — the first Pods in ActivePods order.
std::vector<const Pod*>
activePodsForRemoval(const Job& job, const std::vector<const Pod*>& activePods, int rmAtLeast);

int32_t countReadyPods(const std::vector<const Pod*>& pods);

// pastBackoffLimitOnFailure: with restartPolicy OnFailure, the container and init-container
// restarts of Running and Pending Pods reach backoffLimit (or exceed 0 when it is 0).
bool pastBackoffLimitOnFailure(const Job& job, std::span<const Pod* const> pods);

// getFailJobMessage: the message of the first failed Pod that matches a FailJob rule.
std::optional<std::string> getFailJobMessage(const Job& job, std::span<const Pod* const> pods,
                                             const FeatureGates& gates);

// nonIgnoredFailedPodsCount: failed Pods whose failure the pod failure policy counts.
int nonIgnoredFailedPodsCount(const Job& job, const std::vector<const Pod*>& failedPods,
                              const FeatureGates& gates);

// Conditions (job_controller.go newCondition, findConditionByType, ensureJobConditionStatus).
JobCondition newCondition(const std::string& type, const std::string& status,
                          const std::string& reason, const std::string& message, Seconds now);
JobCondition* findConditionByType(std::vector<JobCondition>& list, const std::string& type);
const JobCondition* findConditionByType(const std::vector<JobCondition>& list,
                                        const std::string& type);
// Appends the condition, or rewrites an existing one of the same type whose status, reason or
// message differ; never appends a False condition. Returns whether the list changed.
bool ensureJobConditionStatus(std::vector<JobCondition>& list, const std::string& type,
                              const std::string& status, const std::string& reason,
                              const std::string& message, Seconds now);

} // namespace jobscope
