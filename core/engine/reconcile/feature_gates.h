// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The four feature gates of the Job controller and of the API server's Job strategy, as
// kube-controller-manager and kube-apiserver take them in --feature-gates
// (kubernetes/kubernetes pkg/features/kube_features.go), and their defaults in each Kubernetes
// minor release from 1.29 on. docs/reconcile.md lists the table and where each entry comes
// from.
//
// A gate that is off makes the core behave as upstream's code does with
// feature.DefaultFeatureGate.Enabled(features.X) false; the readers also drop the fields of a
// disabled gate from the Job, as the API server's PrepareForCreate does (manifest/defaults.h).
// Without a version, every gate is on: current master, where all four are GA.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace jobscope {

enum class JobFeature {
    PodReplacementPolicy, // JobPodReplacementPolicy: spec.podReplacementPolicy, status.terminating
    BackoffLimitPerIndex, // JobBackoffLimitPerIndex: spec.backoffLimitPerIndex, maxFailedIndexes
    SuccessPolicy,        // JobSuccessPolicy: spec.successPolicy, SuccessCriteriaMet
    ManagedBy,            // JobManagedBy: spec.managedBy
};

inline constexpr JobFeature kJobFeatures[] = {
    JobFeature::BackoffLimitPerIndex, JobFeature::ManagedBy, JobFeature::PodReplacementPolicy,
    JobFeature::SuccessPolicy}; // in the order of kube_features.go (alphabetical)

// The releases whose gate defaults are modelled. A newer release gets the newest table.
inline constexpr int kOldestKubernetesMinor = 29;
inline constexpr int kNewestKubernetesMinor = 35;

struct FeatureGates {
    bool jobPodReplacementPolicy = true;
    bool jobBackoffLimitPerIndex = true;
    bool jobSuccessPolicy = true;
    bool jobManagedBy = true;

    bool enabled(JobFeature feature) const;
    void set(JobFeature feature, bool on);

    // The defaults of Kubernetes 1.<minor> (minor >= kOldestKubernetesMinor). A gate the
    // release does not have yet is off.
    static FeatureGates forVersion(int minor);

    bool operator==(const FeatureGates&) const = default;
};

// One entry of a gate's versioned feature spec: from release 1.<sinceMinor> on, the gate is at
// this stage with this default; a locked gate cannot be set to anything but its default.
struct FeatureStage {
    int sinceMinor = 0;
    const char* preRelease = ""; // "Alpha", "Beta", "GA"
    bool defaultOn = false;
    bool locked = false;
};

// "JobPodReplacementPolicy", ...
const char* featureName(JobFeature feature);
std::optional<JobFeature> featureFromName(std::string_view name);

// The gate's stages, oldest first.
std::span<const FeatureStage> featureStages(JobFeature feature);
// The stage in force in release 1.<minor>, or in current master when `minor` is unset; nullptr
// when the release does not have the gate.
const FeatureStage* featureStageAt(JobFeature feature, std::optional<int> minor);

// Whether the Job controller of release 1.<minor> (unset: current master) reports status.active
// as 0 while replacement Pods wait for a pod-failure backoff, global or per index: manageJob
// returned 0 instead of the active count there (kubernetes#139428). Fixed on master by
// kubernetes#139457 and in the 1.34, 1.35 and 1.36 patch releases from June 2026 (#139752,
// #139751, #139642); 1.33 and older never got the fix. A release is modelled as its latest
// patch, so 1.29 to 1.33 have the bug. With JobManagedBy on (1.32 on by default) the API server
// refuses that status write when Pods are ready (status.ready: cannot set more ready pods than
// active), so the sync fails and is retried through the rate limiter until the backoff is over
// or no Pod is ready; with the gate off the write goes through and says active 0.
bool reportsZeroActiveDuringBackoff(std::optional<int> minor);

// The minor number of a Kubernetes version written as "1.30", "v1.30" or "1.30.2" (a patch
// release); nullopt when the text is none of these.
std::optional<int> parseKubernetesMinor(std::string_view text);

} // namespace jobscope
