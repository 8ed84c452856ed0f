// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/defaults.h"

#include <cstdint>
#include <cstdio>
#include <limits>

namespace jobscope {

namespace {

constexpr const char* kLegacyControllerUidLabel = "controller-uid";
constexpr const char* kLegacyJobNameLabel = "job-name";
constexpr const char* kControllerUidLabel = "batch.kubernetes.io/controller-uid";
constexpr const char* kJobNameLabel = "batch.kubernetes.io/job-name";

uint64_t fnv1a(const std::string& text, uint64_t seed) {
    uint64_t hash = seed;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

// splitmix64's finaliser: FNV alone leaves similar names with similar high bits.
uint64_t mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// SetDefaults_Job: template labels become the Job's labels when the Job has none.
void copyTemplateLabels(Job& job) {
    if (job.metadata.labels.empty())
        job.metadata.labels = job.spec.templ.metadata.labels;
}

} // namespace

// Labels the user already set are kept (a conflict is left to validation).
void generateJobSelector(Job& job) {
    if (job.metadata.uid.empty())
        job.metadata.uid = inventedJobUid(job.metadata);
    auto& labels = job.spec.templ.metadata.labels;
    for (const char* key : {kLegacyJobNameLabel, kJobNameLabel})
        labels.try_emplace(key, job.metadata.name);
    for (const char* key : {kLegacyControllerUidLabel, kControllerUidLabel})
        labels.try_emplace(key, job.metadata.uid);
    job.spec.selector.present = true;
    for (const auto& [key, value] : job.spec.selector.matchLabels)
        if (key == kControllerUidLabel)
            return;
    job.spec.selector.matchLabels.emplace_back(kControllerUidLabel, job.metadata.uid);
}

std::string inventedJobUid(const ObjectMeta& metadata) {
    const std::string key =
        metadata.namespace_ + "/" + (metadata.name.empty() ? metadata.generateName : metadata.name);
    const uint64_t high = mix(fnv1a(key, 14695981039346656037ULL));
    const uint64_t low = mix(high ^ fnv1a(key, 0x9e3779b97f4a7c15ULL));
    char buffer[40];
    // Version 4 and the RFC 4122 variant bits, so the uid looks like the API server's.
    std::snprintf(buffer, sizeof buffer, "%08x-%04x-4%03x-%04x-%012llx",
                  static_cast<unsigned>(high >> 32), static_cast<unsigned>((high >> 16) & 0xffff),
                  static_cast<unsigned>(high & 0x0fff),
                  static_cast<unsigned>(0x8000 | ((low >> 48) & 0x3fff)),
                  static_cast<unsigned long long>(low & 0xffffffffffffULL));
    return buffer;
}

void setJobDefaults(Job& job, const FeatureGates& gates) {
    JobSpec& spec = job.spec;
    // A non-parallel Job may leave both unset; both become 1.
    if (!spec.completions && !spec.parallelism) {
        spec.completions = 1;
        spec.parallelism = 1;
    }
    if (!spec.parallelism)
        spec.parallelism = 1;
    if (!spec.backoffLimit)
        spec.backoffLimit =
            spec.backoffLimitPerIndex ? std::numeric_limits<int32_t>::max() : int32_t{6};
    copyTemplateLabels(job);
    if (!spec.completionMode)
        spec.completionMode = completion_mode::NonIndexed;
    if (!spec.suspend)
        spec.suspend = false;
    // SetDefaults_PodFailurePolicyOnPodConditionsPattern.
    if (spec.podFailurePolicy)
        for (auto& rule : spec.podFailurePolicy->rules)
            for (auto& pattern : rule.onPodConditions)
                if (pattern.status.empty())
                    pattern.status = "True";
    if (gates.jobPodReplacementPolicy && !spec.podReplacementPolicy)
        spec.podReplacementPolicy = spec.podFailurePolicy
                                        ? pod_replacement_policy::Failed
                                        : pod_replacement_policy::TerminatingOrFailed;
    if (!spec.manualSelector)
        spec.manualSelector = false;
}

void dropDisabledJobFields(Job& job, const FeatureGates& gates) {
    JobSpec& spec = job.spec;
    if (!gates.jobManagedBy)
        spec.managedBy.reset();
    if (!gates.jobSuccessPolicy)
        spec.successPolicy.reset();
    if (!gates.jobBackoffLimitPerIndex) {
        spec.backoffLimitPerIndex.reset();
        spec.maxFailedIndexes.reset();
        if (spec.podFailurePolicy)
            std::erase_if(spec.podFailurePolicy->rules, [](const PodFailurePolicyRule& rule) {
                return rule.action == pod_failure_policy_action::FailIndex;
            });
    }
    if (!gates.jobPodReplacementPolicy)
        spec.podReplacementPolicy.reset();
}

void applyJobDefaults(Job& job, const FeatureGates& gates) {
    setJobDefaults(job, gates);
    // The Job strategy's PrepareForCreate: generateSelectorIfNeeded, then the disabled fields.
    if (!*job.spec.manualSelector)
        generateJobSelector(job);
    dropDisabledJobFields(job, gates);
    copyTemplateLabels(job);
}

} // namespace jobscope
