#include "feature_gate_reader.h"

#include <map>
#include <string>

namespace jobscope {

namespace {

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

std::string releaseName(std::optional<int> minor) {
    return minor ? "Kubernetes 1." + std::to_string(*minor) : std::string("current master");
}

std::string supportedGates() {
    std::string list;
    for (JobFeature feature : kJobFeatures)
        list += (list.empty() ? "" : ", ") + quoted(featureName(feature));
    return list;
}

std::optional<int> readVersion(const YAML::Node& node, YamlReader& reader) {
    if (!yamlPresent(node))
        return std::nullopt;
    const std::string supported = "supported versions: 1." +
                                  std::to_string(kOldestKubernetesMinor) + " to 1." +
                                  std::to_string(kNewestKubernetesMinor) + ", or newer";
    const std::optional<int> minor =
        node.IsScalar() ? parseKubernetesMinor(node.Scalar()) : std::nullopt;
    if (!minor) {
        const std::string shown = node.IsScalar() ? quoted(node.Scalar()) : "a mapping or list";
        reader.error(node, "kubernetesVersion: Invalid value: " + shown +
                               ": must be a Kubernetes minor version such as \"1.30\" (" +
                               supported + ")");
        return std::nullopt;
    }
    if (*minor < kOldestKubernetesMinor) {
        std::string message = "kubernetesVersion: Unsupported value: " + quoted(node.Scalar()) +
                              ": " + supported +
                              " (the Job gates of older releases are not modelled)";
        // "1.3" is how a tool that reads 1.30 as a YAML number writes it back.
        if (*minor < 10 && *minor * 10 >= kOldestKubernetesMinor)
            message += " (did you mean \"1." + std::to_string(*minor * 10) + "\"?)";
        reader.error(node, message);
        return std::nullopt;
    }
    return minor;
}

// One `featureGates` entry, checked against the release as kube-controller-manager's
// featuregate.Set does: the gate must exist there, and a locked gate keeps its default. With
// `releaseKnown` false (kubernetesVersion given but unreadable) only the name and the value are
// checked, so that one mistake in the version is not reported again for every gate.
void readGate(const YAML::Node& key, const YAML::Node& value, std::optional<int> minor,
              bool releaseKnown, GateSettings& settings, YamlReader& reader) {
    const std::string name = key.Scalar();
    const std::string path = "featureGates." + name;
    const std::optional<JobFeature> feature = featureFromName(name);
    if (!feature) {
        std::string message = "featureGates: Unsupported value: " + quoted(name) +
                              ": supported gates (the Job controller's): " + supportedGates();
        const std::string close =
            closestMatch(name, {"JobBackoffLimitPerIndex", "JobManagedBy",
                                "JobPodReplacementPolicy", "JobSuccessPolicy"});
        if (!close.empty())
            message += " (did you mean \"" + close + "\"?)";
        reader.error(key, message);
        return;
    }
    if (!yamlPresent(value)) {
        reader.error(key, path + ": Required value: true or false");
        return;
    }
    const std::optional<bool> on = reader.boolean(value, path);
    if (!on)
        return;
    if (!releaseKnown) {
        settings.gates.set(*feature, *on);
        return;
    }
    const std::string shown = *on ? "true" : "false";
    const FeatureStage* stage = featureStageAt(*feature, minor);
    if (!stage) {
        reader.error(value, path + ": Invalid value: " + shown + ": " + releaseName(minor) +
                                " has no such gate (" + name + " exists from 1." +
                                std::to_string(featureStages(*feature).front().sinceMinor) +
                                " on)");
        return;
    }
    if (stage->locked && *on != stage->defaultOn) {
        const std::string lastOpen = "1." + std::to_string(stage->sinceMinor - 1);
        std::string message = path + ": Invalid value: " + shown + ": the gate is GA and locked " +
                              "to " + (stage->defaultOn ? "true" : "false") + " in " +
                              releaseName(minor);
        message += minor
                       ? " (it can be turned off in " + lastOpen + " and older)"
                       : " (set kubernetesVersion to \"" + lastOpen + "\" or older to turn it off)";
        reader.error(value, message);
        return;
    }
    settings.gates.set(*feature, *on);
}

} // namespace

GateSettings readGateSettings(const YAML::Node& map, YamlReader& reader) {
    GateSettings settings;
    const YAML::Node version = yamlField(map, "kubernetesVersion");
    settings.kubernetesMinor = readVersion(version, reader);
    const bool releaseKnown = settings.kubernetesMinor || !yamlPresent(version);
    if (settings.kubernetesMinor)
        settings.gates = FeatureGates::forVersion(*settings.kubernetesMinor);

    const YAML::Node gates = yamlField(map, "featureGates");
    if (!yamlPresent(gates))
        return settings;
    if (!gates.IsMap()) {
        const std::string shown = gates.IsScalar() ? quoted(gates.Scalar()) : "a list";
        reader.error(gates, "featureGates: Invalid value: " + shown +
                                ": must be a mapping of gate names to true or false, such as "
                                "{JobManagedBy: false}");
        return settings;
    }
    std::map<std::string, int> seen;
    for (auto it = gates.begin(); it != gates.end(); ++it) {
        if (!it->first.IsScalar()) {
            reader.error(it->first, "featureGates: Invalid value: a gate name must be a string");
            continue;
        }
        const std::string& name = it->first.Scalar();
        auto [first, inserted] = seen.emplace(name, positionOf(it->first).line);
        if (!inserted) {
            reader.error(it->first, "featureGates." + name + ": duplicate key " + quoted(name) +
                                        " (first written at line " + std::to_string(first->second) +
                                        ")");
            continue;
        }
        readGate(it->first, it->second, settings.kubernetesMinor, releaseKnown, settings, reader);
    }
    return settings;
}

} // namespace jobscope
