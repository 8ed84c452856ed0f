// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Import of batch/v1 Job manifests as people have them: written by hand, or printed by
// `kubectl get job -o yaml|json` (status, managedFields and all), one or many documents per
// file, or a `kind: List`. Documents of other kinds are skipped with a note; a file without a
// Job is an error. Each Job is read into the engine's model, given the API server's defaults
// (defaults.h) and checked with upstream's create-time rules (validation.h); every problem is
// reported as `FILE:LINE:COLUMN: error: PATH: ...` at the place it was written.

#include "diagnostics.h"
#include "job.h"
#include "manifest/validation.h"
#include "reconcile/feature_gates.h"
#include "yaml_reader.h"

#include <optional>
#include <string>
#include <vector>

namespace jobscope {

struct ImportedJob {
    Job job;           // defaulted (applyJobDefaults), whether or not it validated
    SourceMap sources; // field path relative to the Job ("spec.parallelism") -> position
    int document = 0;  // 0-based index of the YAML document that holds it (the List's, for
                       // a Job inside a List)
};

struct ManifestImport {
    // Every Job that could be read, in file order — also those with errors, so that an editor
    // can still show them. Use a Job only when `diagnostics.hasErrors()` is false.
    std::vector<ImportedJob> jobs;
    Diagnostics diagnostics;

    bool ok() const { return !jobs.empty() && !diagnostics.hasErrors(); }
};

// Imports the text of a manifest; `fileName` is used in the messages only. The API server's
// defaults and dropped fields follow `gates` (manifest/defaults.h).
ManifestImport importManifestText(const std::string& text, const std::string& fileName,
                                  const FeatureGates& gates = {});
// The same for documents parsed already (loadYamlDocuments), so that a scenario reader that
// finds a bare manifest does not parse it again.
ManifestImport importManifestDocuments(const std::vector<YAML::Node>& documents,
                                       const std::string& fileName, const FeatureGates& gates = {});
// Reads the file at `path`, then as importManifestText.
ManifestImport importManifestFile(const std::string& path);

// Reads one Job object from `node` (a mapping, anywhere in a document: reconcile state files
// keep it under `job:`). Records the position of every field read in `sources`, under its path
// relative to the Job ("" for the object itself, "spec.parallelism",
// "spec.podFailurePolicy.rules[0].action"). Fields JobScope does not model (managedFields,
// volumes, ...) are ignored; a modelled field of the wrong type or out of range is reported
// and left unset. `apiVersion` and `kind`, when present, must be batch/v1 and Job. Applies no
// defaults and does not validate. Returns nullopt only when `node` is not a mapping.
std::optional<Job> readJobObject(const YAML::Node& node, YamlReader& reader, SourceMap& sources);

// Reports validation errors through `reader`, each at the position `sources` has for its path
// (or the nearest enclosing field). `pathPrefix` ("job") is put before each message when the
// Job sits below the root of its file.
void reportFieldErrors(const std::vector<FieldError>& errors, const SourceMap& sources,
                       YamlReader& reader, const std::string& pathPrefix = "");

} // namespace jobscope
