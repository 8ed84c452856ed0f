// SPDX-License-Identifier: GPL-3.0-or-later
#include "feature_gate_reader.h"

#include <map>
#include <string>

namespace jobscope {

namespace {

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

Message releaseName(std::optional<int> minor) {
    if (minor)
        return Message("Kubernetes 1." + std::to_string(*minor));
    return JOBSCOPE_TR_NOOP("jobscope::engine", "current master");
}

std::string supportedGates() {
    std::string list;
    for (JobFeature feature : kJobFeatures)
        list += (list.empty() ? "" : ", ") + quoted(featureName(feature));
    return list;
}

// "PATH: TYPE: SHOWN: DETAIL" with SHOWN a value as written or a phrase ("a list").
Message shownError(const std::string& path, Message type, Message shown, Message detail) {
    return Message("%1: %2: %3: %4",
                   {Message(path), std::move(type), std::move(shown), std::move(detail)});
}

Message didYouMean(Message message, const std::string& suggestion) {
    return Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1 (did you mean \"%2\"?)"),
                   {std::move(message), suggestion});
}

std::optional<int> readVersion(const YAML::Node& node, YamlReader& reader) {
    if (!yamlPresent(node))
        return std::nullopt;
    const Message supported(
        JOBSCOPE_TR_NOOP("jobscope::engine", "supported versions: 1.%1 to 1.%2, or newer"),
        {std::to_string(kOldestKubernetesMinor), std::to_string(kNewestKubernetesMinor)});
    const std::optional<int> minor =
        node.IsScalar() ? parseKubernetesMinor(node.Scalar()) : std::nullopt;
    if (!minor) {
        const Message shown =
            node.IsScalar() ? Message(quoted(node.Scalar()))
                            : Message(JOBSCOPE_TR_NOOP("jobscope::engine", "a mapping or list"));
        reader.error(
            node, shownError("kubernetesVersion",
                             JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"), shown,
                             Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                      "must be a Kubernetes minor version such as "
                                                      "\"1.30\" (%1)"),
                                     {supported})));
        return std::nullopt;
    }
    if (*minor < kOldestKubernetesMinor) {
        Message message = shownError(
            "kubernetesVersion", JOBSCOPE_TR_NOOP("jobscope::engine", "Unsupported value"),
            Message(quoted(node.Scalar())),
            Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                     "%1 (the Job gates of older releases are not modelled)"),
                    {supported}));
        // "1.3" is how a tool that reads 1.30 as a YAML number writes it back.
        if (*minor < 10 && *minor * 10 >= kOldestKubernetesMinor)
            message = didYouMean(std::move(message), "1." + std::to_string(*minor * 10));
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
        Message message = fieldError(
            "featureGates", JOBSCOPE_TR_NOOP("jobscope::engine", "Unsupported value"), quoted(name),
            Message(
                JOBSCOPE_TR_NOOP("jobscope::engine", "supported gates (the Job controller's): %1"),
                {supportedGates()}));
        const std::string close =
            closestMatch(name, {"JobBackoffLimitPerIndex", "JobManagedBy",
                                "JobPodReplacementPolicy", "JobSuccessPolicy"});
        if (!close.empty())
            message = didYouMean(std::move(message), close);
        reader.error(key, message);
        return;
    }
    if (!yamlPresent(value)) {
        reader.error(key,
                     requiredValue(path, JOBSCOPE_TR_NOOP("jobscope::engine", "true or false")));
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
        reader.error(
            value,
            invalidValue(
                path, shown,
                Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                         "%1 has no such gate (%2 exists from 1.%3 on)"),
                        {releaseName(minor), Message(name),
                         Message(std::to_string(featureStages(*feature).front().sinceMinor))})));
        return;
    }
    if (stage->locked && *on != stage->defaultOn) {
        const std::string lastOpen = "1." + std::to_string(stage->sinceMinor - 1);
        const char* templ =
            minor ? JOBSCOPE_TR_NOOP(
                        "jobscope::engine",
                        "the gate is GA and locked to %1 in %2 (it can be turned off in %3 and "
                        "older)")
                  : JOBSCOPE_TR_NOOP(
                        "jobscope::engine",
                        "the gate is GA and locked to %1 in %2 (set kubernetesVersion to \"%3\" "
                        "or older to turn it off)");
        reader.error(
            value,
            invalidValue(path, shown,
                         Message(templ, {Message(std::string(stage->defaultOn ? "true" : "false")),
                                         releaseName(minor), Message(lastOpen)})));
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
        const Message shown = gates.IsScalar()
                                  ? Message(quoted(gates.Scalar()))
                                  : Message(JOBSCOPE_TR_NOOP("jobscope::engine", "a list"));
        reader.error(
            gates,
            shownError("featureGates", JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"), shown,
                       JOBSCOPE_TR_NOOP("jobscope::engine",
                                        "must be a mapping of gate names to true or false, "
                                        "such as {JobManagedBy: false}")));
        return settings;
    }
    std::map<std::string, int> seen;
    for (auto it = gates.begin(); it != gates.end(); ++it) {
        if (!it->first.IsScalar()) {
            reader.error(
                it->first,
                fieldError("featureGates", JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"),
                           std::nullopt,
                           JOBSCOPE_TR_NOOP("jobscope::engine", "a gate name must be a string")));
            continue;
        }
        const std::string& name = it->first.Scalar();
        auto [first, inserted] = seen.emplace(name, positionOf(it->first).line);
        if (!inserted) {
            reader.error(
                it->first,
                Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                         "%1: duplicate key \"%2\" (first written at line %3)"),
                        {"featureGates." + name, name, std::to_string(first->second)}));
            continue;
        }
        readGate(it->first, it->second, settings.kubernetesMinor, releaseKnown, settings, reader);
    }
    return settings;
}

} // namespace jobscope
