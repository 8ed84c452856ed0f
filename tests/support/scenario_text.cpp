// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/scenario_text.h"

#include "scenario/scenario_reader.h"

#include <QtGlobal>

#include <utility>

namespace jobscope::test {

std::string jobYaml(const std::string& name, const std::string& spec) {
    return "{apiVersion: batch/v1, kind: Job, metadata: {name: " + name + "}, spec: {" + spec +
           (spec.empty() ? "" : ", ") +
           "template: {spec: {restartPolicy: Never, containers: [{name: main, image: busybox}]}}}}";
}

Scenario readScenarioOrDie(const std::string& text) {
    Diagnostics diagnostics;
    auto scenario = readScenarioText(text, "many.yaml", diagnostics);
    if (!scenario)
        qFatal("bad test scenario:\n%s", diagnostics.format().c_str());
    return std::move(*scenario);
}

} // namespace jobscope::test
