// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading scenario files (docs/scenarios.md is the user's description of the format).
//
// A scenario file is one YAML mapping with the keys title, titleZh, description,
// descriptionZh, job, jobs, replicas, seed, stopAt, kubernetesVersion, featureGates, cluster,
// timings, runTime, failures, workQueue and actions.
// The Job is either inline under `job:` or a manifest file named by `job: {path: FILE}`
// (relative to the scenario file). Several Jobs: `jobs: [{job: JOB, startAt: SECONDS}]`, or
// `replicas: {count: N, startEvery: SECONDS}` beside `job:`; Scenario::jobs holds them all. A file
// that holds only Kubernetes objects (a bare Job manifest, optionally with a ResourceQuota) is a
// scenario with every default. An action about a Job may name it (`job: NAME`, a Job of the
// scenario); the others take no `job:`. Every problem is reported, each as `FILE:LINE:COLUMN:
// error: PATH: ...`; nothing throws.

#include "diagnostics.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>

namespace jobscope {

// Parses `text`; `fileName` names it in messages and is the base for a relative `job.path`.
// Returns nullopt when there was any error (all of them are in `diagnostics`).
std::optional<Scenario> readScenarioText(const std::string& text, const std::string& fileName,
                                         Diagnostics& diagnostics);
// Reads the file at `path`, then as readScenarioText.
std::optional<Scenario> readScenarioFile(const std::string& path, Diagnostics& diagnostics);

// A Kubernetes resource quantity ("500m", "2", "1.5", "2Gi", "512Mi", "1G", "1e3") as a plain
// number (cores for CPU, bytes for memory); nullopt when it is not one. Follows the suffixes
// of k8s.io/apimachinery resource.ParseQuantity (binary Ki..Ei, decimal n u m k M G T P E,
// and e/E exponents). Shared with the simulator, which matches template requests.
std::optional<double> parseQuantity(const std::string& text);

// A duration in seconds: a number ("2.5") or a number with a unit ("500ms", "30s", "2m",
// "1h"); nullopt otherwise or when negative.
std::optional<double> parseDurationSeconds(const std::string& text);

} // namespace jobscope
