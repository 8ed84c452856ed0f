// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for lesson files: any text must be read or rejected with positioned errors,
// without crashing, hanging or undefined behaviour. Scenario files a lesson names are served
// from memory (never the file system): one small valid scenario, or a read error for names
// containing "missing", so that both paths are fuzzed.

#include "lesson/caption.h"
#include "lesson/lesson_reader.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

const char* const kScenario = R"(title: fuzz
job:
  apiVersion: batch/v1
  kind: Job
  metadata: {name: fuzz}
  spec:
    completions: 2
    parallelism: 1
    template:
      spec:
        restartPolicy: Never
        containers: [{name: main, image: busybox}]
)";

bool readFile(const std::string& path, std::string& text, std::string& error) {
    if (path.find("missing") != std::string::npos) {
        error = "no such file";
        return false;
    }
    text = kScenario;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    jobscope::Diagnostics diagnostics;
    const auto lesson = jobscope::readLessonText(text, "/lessons/fuzz.yaml", diagnostics, readFile);
    if (lesson.has_value() == diagnostics.hasErrors())
        std::abort();
    // The caption syntax on its own, for short inputs.
    if (size < 256) {
        std::string error;
        std::size_t offset = 0;
        (void)jobscope::parseCaption(text, error, offset);
    }
    return 0;
}
