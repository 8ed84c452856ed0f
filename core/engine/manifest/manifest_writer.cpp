// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/manifest_writer.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <string_view>

namespace jobscope {

namespace {

// The template labels applyJobDefaults adds (generateJobSelector): written out they would make
// a second import refuse the selector it generates (a label that points at another uid).
constexpr std::array<std::string_view, 4> kGeneratedTemplateLabels = {
    "controller-uid", "job-name", "batch.kubernetes.io/controller-uid",
    "batch.kubernetes.io/job-name"};

bool generatedLabel(const std::string& key) {
    for (std::string_view generated : kGeneratedTemplateLabels)
        if (key == generated)
            return true;
    return false;
}

void emitStringMap(YAML::Emitter& out, const char* key,
                   const std::map<std::string, std::string>& entries, bool skipGenerated) {
    bool opened = false;
    for (const auto& [name, value] : entries) {
        if (skipGenerated && generatedLabel(name))
            continue;
        if (!opened) {
            out << YAML::Key << key << YAML::Value << YAML::BeginMap;
            opened = true;
        }
        // Quoted: a label value such as "1" or "true" stays a string when read back.
        out << YAML::Key << name << YAML::Value << YAML::DoubleQuoted << value;
    }
    if (opened)
        out << YAML::EndMap;
}

template <typename T>
void emitOptional(YAML::Emitter& out, const char* key, const std::optional<T>& value) {
    if (value)
        out << YAML::Key << key << YAML::Value << *value;
}

void emitContainers(YAML::Emitter& out, const char* key,
                    const std::vector<ContainerSpec>& containers) {
    if (containers.empty())
        return;
    out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const ContainerSpec& c : containers) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << c.name;
        if (!c.requests.empty()) {
            out << YAML::Key << "resources" << YAML::Value << YAML::BeginMap << YAML::Key
                << "requests" << YAML::Value << YAML::BeginMap;
            for (const auto& [resource, quantity] : c.requests)
                out << YAML::Key << resource << YAML::Value << YAML::DoubleQuoted << quantity;
            out << YAML::EndMap << YAML::EndMap;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void emitPodFailurePolicy(YAML::Emitter& out, const PodFailurePolicy& policy) {
    out << YAML::Key << "podFailurePolicy" << YAML::Value << YAML::BeginMap << YAML::Key << "rules"
        << YAML::Value << YAML::BeginSeq;
    for (const PodFailurePolicyRule& rule : policy.rules) {
        out << YAML::BeginMap << YAML::Key << "action" << YAML::Value << rule.action;
        if (rule.onExitCodes) {
            const auto& codes = *rule.onExitCodes;
            out << YAML::Key << "onExitCodes" << YAML::Value << YAML::BeginMap;
            emitOptional(out, "containerName", codes.containerName);
            out << YAML::Key << "operator" << YAML::Value << codes.operator_;
            out << YAML::Key << "values" << YAML::Value << YAML::Flow << codes.values;
            out << YAML::EndMap;
        }
        if (!rule.onPodConditions.empty()) {
            out << YAML::Key << "onPodConditions" << YAML::Value << YAML::BeginSeq;
            for (const auto& pattern : rule.onPodConditions)
                out << YAML::Flow << YAML::BeginMap << YAML::Key << "type" << YAML::Value
                    << pattern.type << YAML::Key << "status" << YAML::Value << pattern.status
                    << YAML::EndMap;
            out << YAML::EndSeq;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
}

void emitSuccessPolicy(YAML::Emitter& out, const SuccessPolicy& policy) {
    out << YAML::Key << "successPolicy" << YAML::Value << YAML::BeginMap << YAML::Key << "rules"
        << YAML::Value << YAML::BeginSeq;
    for (const SuccessPolicyRule& rule : policy.rules) {
        out << YAML::BeginMap;
        if (rule.succeededIndexes)
            out << YAML::Key << "succeededIndexes" << YAML::Value << YAML::DoubleQuoted
                << *rule.succeededIndexes;
        emitOptional(out, "succeededCount", rule.succeededCount);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
}

void emitSpec(YAML::Emitter& out, const JobSpec& spec) {
    out << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
    emitOptional(out, "parallelism", spec.parallelism);
    emitOptional(out, "completions", spec.completions);
    emitOptional(out, "completionMode", spec.completionMode);
    emitOptional(out, "activeDeadlineSeconds", spec.activeDeadlineSeconds);
    emitOptional(out, "backoffLimit", spec.backoffLimit);
    emitOptional(out, "backoffLimitPerIndex", spec.backoffLimitPerIndex);
    emitOptional(out, "maxFailedIndexes", spec.maxFailedIndexes);
    emitOptional(out, "ttlSecondsAfterFinished", spec.ttlSecondsAfterFinished);
    emitOptional(out, "suspend", spec.suspend);
    emitOptional(out, "podReplacementPolicy", spec.podReplacementPolicy);
    emitOptional(out, "managedBy", spec.managedBy);
    if (spec.podFailurePolicy)
        emitPodFailurePolicy(out, *spec.podFailurePolicy);
    if (spec.successPolicy)
        emitSuccessPolicy(out, *spec.successPolicy);
    const bool manual = spec.manualSelector.value_or(false);
    if (manual) {
        out << YAML::Key << "manualSelector" << YAML::Value << true;
        if (spec.selector.present) {
            out << YAML::Key << "selector" << YAML::Value << YAML::BeginMap << YAML::Key
                << "matchLabels" << YAML::Value << YAML::BeginMap;
            for (const auto& [key, value] : spec.selector.matchLabels)
                out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
            out << YAML::EndMap << YAML::EndMap;
        }
    }

    const PodTemplate& templ = spec.templ;
    out << YAML::Key << "template" << YAML::Value << YAML::BeginMap;
    bool hasMetadata = !templ.metadata.annotations.empty();
    for (const auto& entry : templ.metadata.labels)
        hasMetadata = hasMetadata || manual || !generatedLabel(entry.first);
    if (hasMetadata) {
        out << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
        emitStringMap(out, "labels", templ.metadata.labels, !manual);
        emitStringMap(out, "annotations", templ.metadata.annotations, false);
        out << YAML::EndMap;
    }
    out << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
    if (!templ.restartPolicy.empty())
        out << YAML::Key << "restartPolicy" << YAML::Value << templ.restartPolicy;
    emitOptional(out, "terminationGracePeriodSeconds", templ.terminationGracePeriodSeconds);
    emitContainers(out, "initContainers", templ.initContainers);
    emitContainers(out, "containers", templ.containers);
    out << YAML::EndMap << YAML::EndMap; // template.spec, template
    out << YAML::EndMap;                 // spec
}

} // namespace

void emitJobManifest(YAML::Emitter& out, const Job& job) {
    out << YAML::BeginMap;
    out << YAML::Key << "apiVersion" << YAML::Value << "batch/v1";
    out << YAML::Key << "kind" << YAML::Value << "Job";
    out << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
    if (!job.metadata.name.empty())
        out << YAML::Key << "name" << YAML::Value << job.metadata.name;
    else if (!job.metadata.generateName.empty())
        out << YAML::Key << "generateName" << YAML::Value << job.metadata.generateName;
    if (!job.metadata.namespace_.empty())
        out << YAML::Key << "namespace" << YAML::Value << job.metadata.namespace_;
    // The API server copies the template's labels onto a Job that has none: the generated ones
    // go with the template's.
    emitStringMap(out, "labels", job.metadata.labels, !job.spec.manualSelector.value_or(false));
    emitStringMap(out, "annotations", job.metadata.annotations, false);
    out << YAML::EndMap;
    emitSpec(out, job.spec);
    out << YAML::EndMap;
}

std::string jobManifestYaml(const Job& job) {
    YAML::Emitter out;
    out.SetIndent(2);
    emitJobManifest(out, job);
    return std::string(out.c_str()) + "\n";
}

} // namespace jobscope
