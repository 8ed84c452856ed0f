// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for scenario files: any text must be read or rejected with positioned
// errors, without crashing, hanging or undefined behaviour. A `job: {path: …}` names a file
// relative to the fuzz input's name, which does not exist: that error path is fuzzed too.

#include "scenario/scenario_reader.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    jobscope::Diagnostics diagnostics;
    const auto scenario = jobscope::readScenarioText(text, "/nonexistent/fuzz.yaml", diagnostics);
    // A rejected scenario must say why; an accepted one has no errors.
    if (scenario.has_value() == diagnostics.hasErrors())
        std::abort();
    // The quantity and duration parsers the scenario reader uses, on the raw text as well.
    if (size < 64) {
        (void)jobscope::parseQuantity(text);
        (void)jobscope::parseDurationSeconds(text);
    }
    return 0;
}
