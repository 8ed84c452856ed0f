#pragma once
// What the API server adds to a Job before it is stored: the v1 defaults (upstream
// pkg/apis/batch/v1/defaults.go SetDefaults_Job, every Job feature GA) and, unless
// manualSelector is true, the generated selector and Pod template labels of the Job strategy
// (pkg/registry/batch/job/strategy.go generateSelector). A Job read back from a cluster already
// carries all of these, so applying them again changes nothing.

#include "job.h"

#include <string>

namespace jobscope {

// SetDefaults_Job, then (manualSelector not true) generateJobSelector, then SetDefaults_Job's
// copy of the template labels to the Job once more (what a later read of the stored object
// shows). This is what a manifest goes through on `kubectl create`.
void applyJobDefaults(Job& job);

// SetDefaults_Job alone: completions/parallelism, backoffLimit (6, or MaxInt32 with
// backoffLimitPerIndex), the Job's labels from the template's when it has none,
// completionMode NonIndexed, suspend false, onPodConditions status True, podReplacementPolicy
// (Failed with a pod failure policy, else TerminatingOrFailed), manualSelector false.
void setJobDefaults(Job& job);

// generateSelector: the job-name and controller-uid labels (legacy and batch.kubernetes.io/)
// on the Pod template, unless already set, and the batch.kubernetes.io/controller-uid
// matchLabel. A Job without metadata.uid first gets inventedJobUid.
void generateJobSelector(Job& job);

// A stable RFC 4122 version 4 style uid derived from the namespace and name, so that the same
// manifest always yields the same selector.
std::string inventedJobUid(const ObjectMeta& metadata);

} // namespace jobscope
