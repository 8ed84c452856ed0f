// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Job both benchmarks run: an Indexed Job with `completions` completions, the
// given parallelism, 10 s Pods of which 5 % fail, on enough 110-Pod Nodes for the running Pods
// and those terminating beside them. Header-only: each benchmark is one file.

#include "manifest/manifest.h"
#include "scenario/scenario.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

namespace jobscope::bench {

inline std::string indexedJobManifest(const std::string& name, long completions, long parallelism) {
    return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: " + name +
           "\nspec:\n  completionMode: Indexed\n  completions: " + std::to_string(completions) +
           "\n  parallelism: " + std::to_string(parallelism) +
           "\n  backoffLimit: " + std::to_string(completions) +
           "\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n"
           "      - name: main\n        image: busybox\n";
}

// Nothing when the manifest does not import (its diagnostics go to `errors` if given).
inline std::optional<Scenario> indexedJobScenario(const std::string& name, long completions,
                                                  long parallelism, uint64_t seed,
                                                  std::string* errors = nullptr) {
    ManifestImport import =
        importManifestText(indexedJobManifest(name, completions, parallelism), name + ".yaml");
    if (!import.ok() || import.jobs.empty()) {
        if (errors)
            for (const auto& d : import.diagnostics.items())
                *errors += d.message + "\n";
        return std::nullopt;
    }
    Scenario scenario;
    scenario.job = import.jobs.front().job;
    scenario.seed = seed;
    const long nodes = std::max(1L, (parallelism * 2 + 109) / 110);
    for (long i = 0; i < nodes; ++i)
        scenario.nodes.push_back(
            {"node-" + std::to_string(i + 1), 110, std::nullopt, std::nullopt});
    scenario.runTime.kind = Duration::Kind::Fixed;
    scenario.runTime.value = 10;
    FailureRule failure;
    failure.probability = 0.05;
    failure.exitCode = 1;
    scenario.failures.push_back(failure);
    return scenario;
}

} // namespace jobscope::bench
