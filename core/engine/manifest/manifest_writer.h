// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A Job written back as the batch/v1 manifest one would submit to create it again: its name,
// namespace, labels and annotations, and its spec with the defaults written out. What the API
// server made for it is left out — uid, times, status, the generated selector and the labels
// that point at the controller uid (on the template and on the Job) — so that importManifestText
// reads the text back to the same spec (defaults.h generates them again). Only what the engine
// models is written: a container's image and command are not part of it.

#include "job.h"

#include <string>

namespace YAML {
class Emitter;
}

namespace jobscope {

// The manifest as one YAML document.
std::string jobManifestYaml(const Job& job);
// The same as a mapping emitted into `out` (as the value of a scenario's `job:`).
void emitJobManifest(YAML::Emitter& out, const Job& job);

} // namespace jobscope
