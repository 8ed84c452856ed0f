// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `--set PATH=VALUE`: one value of a scenario or Job manifest changed before it is read, so that
// the changed text is validated exactly as a file holding it would be. PATH is dotted:
// `spec.parallelism`, `spec.template.spec.restartPolicy` and `metadata.name` address the Job
// wherever the text keeps it (a scenario's `job:`, a bare manifest, a List's item); any other
// path (`runTime`, `seed`, `cluster.quota.pods`, `failures.0.probability`) addresses the
// scenario. VALUE is YAML as it would be written in the file (`8`, `Indexed`, `"0.5"`).

#include "edit/yaml_edit.h"

#include <optional>
#include <string>
#include <vector>

namespace jobscope::edit {

struct Override {
    YamlPath path;
    std::string value;
    std::string text; // as given, for messages
};

// Why an override was refused (the command line words it, in the user's language).
struct OverrideError {
    enum class Kind {
        NotPathValue, // no '=' or nothing before it
        EmptyStep,    // "spec..parallelism"
        NoValue,      // nothing after '='
        NotScalar,    // a mapping or list as the value
        NotYaml,      // the value does not parse (detail: yaml-cpp's message)
        JobElsewhere, // the Job is in another file (detail: its job.path)
        NoJob,        // the text holds no Job
        SeveralJobs,  // a Job path on a scenario of `jobs:` (detail: the path for the first)
        NotAScenario, // a scenario field set on a bare manifest
        TextError,    // the text cannot be read or edited there (detail: why)
    };
    Kind kind = Kind::NotPathValue;
    std::string override; // the PATH=VALUE concerned
    std::string detail;
};

// Reads "PATH=VALUE".
std::optional<Override> parseOverride(const std::string& text, OverrideError* error);

// `text` with every override applied in order, or the first that cannot be applied.
struct OverrideResult {
    std::string text;
    std::optional<OverrideError> error;
};
OverrideResult applyOverrides(const std::string& text, const std::vector<Override>& overrides);

} // namespace jobscope::edit
