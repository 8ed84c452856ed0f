// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Scenario texts for the tests of several Jobs: a Job manifest on one line, and a text read as
// the app reads it (a bad test text stops the test run).

#include "scenario/scenario.h"

#include <string>

namespace jobscope::test {

// A Job manifest as a YAML flow mapping, to sit under `job:` anywhere: batch/v1, named `name`,
// `spec` (flow-mapping entries, such as "completions: 3, parallelism: 2") plus a Never-restarting
// busybox template.
std::string jobYaml(const std::string& name, const std::string& spec);

// The scenario `text` (named many.yaml in messages); qFatal with its diagnostics when it does
// not read.
Scenario readScenarioOrDie(const std::string& text);

} // namespace jobscope::test
