// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the API server does to a Job before it is stored: the v1 defaults (upstream
// pkg/apis/batch/v1/defaults.go SetDefaults_Job) and the Job strategy's PrepareForCreate
// (pkg/registry/batch/job/strategy.go): unless manualSelector is true, the generated selector and
// Pod template labels, and the fields of disabled feature gates dropped. A Job read back from a
// cluster with the same gates already carries all of these, so applying them again changes
// nothing. The gates default to current master's (every gate on).

#include "job.h"
#include "reconcile/feature_gates.h"

#include <string>

namespace jobscope {

// SetDefaults_Job, then (manualSelector not true) generateJobSelector and dropDisabledJobFields,
// then SetDefaults_Job's copy of the template labels to the Job once more (what a later read of
// the stored object shows). This is what a manifest goes through on `kubectl create`.
void applyJobDefaults(Job& job, const FeatureGates& gates = {});

// SetDefaults_Job alone: completions/parallelism, backoffLimit (6, or MaxInt32 with
// backoffLimitPerIndex, whatever the gates), the Job's labels from the template's when it has
// none, completionMode NonIndexed, suspend false, onPodConditions status True,
// podReplacementPolicy (with JobPodReplacementPolicy on: Failed with a pod failure policy, else
// TerminatingOrFailed), manualSelector false.
void setJobDefaults(Job& job, const FeatureGates& gates = {});

// PrepareForCreate's dropping of disabled fields: spec.managedBy (JobManagedBy off),
// spec.successPolicy (JobSuccessPolicy off), spec.backoffLimitPerIndex, spec.maxFailedIndexes
// and FailIndex pod-failure-policy rules (JobBackoffLimitPerIndex off),
// spec.podReplacementPolicy (JobPodReplacementPolicy off).
void dropDisabledJobFields(Job& job, const FeatureGates& gates);

// generateSelector: the job-name and controller-uid labels (legacy and batch.kubernetes.io/)
// on the Pod template, unless already set, and the batch.kubernetes.io/controller-uid
// matchLabel. A Job without metadata.uid first gets inventedJobUid.
void generateJobSelector(Job& job);

// A stable RFC 4122 version 4 style uid derived from the namespace and name, so that the same
// manifest always yields the same selector.
std::string inventedJobUid(const ObjectMeta& metadata);

} // namespace jobscope
