// SPDX-License-Identifier: GPL-3.0-or-later
// The versioned feature specs of the Job gates, as kube_features.go declares them
// (docs/reconcile.md: the table and its sources).

#include "reconcile/feature_gates.h"

#include <charconv>

namespace jobscope {

namespace {

constexpr FeatureStage kPodReplacementPolicy[] = {
    {28, "Alpha", false, false}, {29, "Beta", true, false}, {34, "GA", true, true}};
constexpr FeatureStage kBackoffLimitPerIndex[] = {
    {28, "Alpha", false, false}, {29, "Beta", true, false}, {33, "GA", true, true}};
constexpr FeatureStage kSuccessPolicy[] = {
    {30, "Alpha", false, false}, {31, "Beta", true, false}, {33, "GA", true, true}};
constexpr FeatureStage kManagedBy[] = {
    {30, "Alpha", false, false}, {32, "Beta", true, false}, {35, "GA", true, true}};

// A run of decimal digits as an int; nullopt when empty, not all digits or too long.
std::optional<int> parseNumber(std::string_view text) {
    if (text.empty() || text.size() > 4)
        return std::nullopt;
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

bool FeatureGates::enabled(JobFeature feature) const {
    switch (feature) {
    case JobFeature::PodReplacementPolicy:
        return jobPodReplacementPolicy;
    case JobFeature::BackoffLimitPerIndex:
        return jobBackoffLimitPerIndex;
    case JobFeature::SuccessPolicy:
        return jobSuccessPolicy;
    case JobFeature::ManagedBy:
        return jobManagedBy;
    }
    return true;
}

void FeatureGates::set(JobFeature feature, bool on) {
    switch (feature) {
    case JobFeature::PodReplacementPolicy:
        jobPodReplacementPolicy = on;
        break;
    case JobFeature::BackoffLimitPerIndex:
        jobBackoffLimitPerIndex = on;
        break;
    case JobFeature::SuccessPolicy:
        jobSuccessPolicy = on;
        break;
    case JobFeature::ManagedBy:
        jobManagedBy = on;
        break;
    }
}

FeatureGates FeatureGates::forVersion(int minor) {
    FeatureGates gates;
    for (JobFeature feature : kJobFeatures) {
        const FeatureStage* stage = featureStageAt(feature, minor);
        gates.set(feature, stage && stage->defaultOn);
    }
    return gates;
}

bool reportsZeroActiveDuringBackoff(std::optional<int> minor) {
    constexpr int kLastMinorWithoutFix = 33;
    return minor && *minor <= kLastMinorWithoutFix;
}

const char* featureName(JobFeature feature) {
    switch (feature) {
    case JobFeature::PodReplacementPolicy:
        return "JobPodReplacementPolicy";
    case JobFeature::BackoffLimitPerIndex:
        return "JobBackoffLimitPerIndex";
    case JobFeature::SuccessPolicy:
        return "JobSuccessPolicy";
    case JobFeature::ManagedBy:
        return "JobManagedBy";
    }
    return "";
}

std::optional<JobFeature> featureFromName(std::string_view name) {
    for (JobFeature feature : kJobFeatures)
        if (name == featureName(feature))
            return feature;
    return std::nullopt;
}

std::span<const FeatureStage> featureStages(JobFeature feature) {
    switch (feature) {
    case JobFeature::PodReplacementPolicy:
        return kPodReplacementPolicy;
    case JobFeature::BackoffLimitPerIndex:
        return kBackoffLimitPerIndex;
    case JobFeature::SuccessPolicy:
        return kSuccessPolicy;
    case JobFeature::ManagedBy:
        return kManagedBy;
    }
    return {};
}

const FeatureStage* featureStageAt(JobFeature feature, std::optional<int> minor) {
    const std::span<const FeatureStage> stages = featureStages(feature);
    if (stages.empty())
        return nullptr;
    if (!minor)
        return &stages.back();
    const FeatureStage* found = nullptr;
    for (const FeatureStage& stage : stages)
        if (stage.sinceMinor <= *minor)
            found = &stage;
    return found;
}

std::optional<int> parseKubernetesMinor(std::string_view text) {
    if (!text.empty() && text.front() == 'v')
        text.remove_prefix(1);
    const auto dot = text.find('.');
    if (dot == std::string_view::npos || parseNumber(text.substr(0, dot)) != 1)
        return std::nullopt;
    std::string_view rest = text.substr(dot + 1);
    const auto patchDot = rest.find('.');
    if (patchDot != std::string_view::npos) {
        if (!parseNumber(rest.substr(patchDot + 1)))
            return std::nullopt;
        rest = rest.substr(0, patchDot);
    }
    return parseNumber(rest);
}

} // namespace jobscope
