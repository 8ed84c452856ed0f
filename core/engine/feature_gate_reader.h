// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `kubernetesVersion` and `featureGates` keys of state and scenario files:
//
//   kubernetesVersion: "1.30"     # 1.29 ... 1.35 or newer; "v1.30" and "1.30.2" also do
//   featureGates:                 # as kube-controller-manager's --feature-gates
//     JobPodReplacementPolicy: false
//     JobManagedBy: true
//
// The version sets every gate to that release's default; featureGates then sets single gates.
// As kube-controller-manager does, a gate the release does not have, or a GA gate locked to
// its default, cannot be set (to another value). Without a version the gates are current
// master's: all four on and locked.

#include "reconcile/feature_gates.h"
#include "yaml_reader.h"

#include <optional>

namespace jobscope {

struct GateSettings {
    FeatureGates gates;
    std::optional<int> kubernetesMinor; // unset: current master
};

// Reads both keys of `map`; either may be absent. Every problem is reported through `reader`
// at the key or value it is about; what could not be read keeps its default.
GateSettings readGateSettings(const YAML::Node& map, YamlReader& reader);

} // namespace jobscope
