// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Typed, positioned reads from yaml-cpp nodes. Every reader (manifests, reconcile states,
// scenarios) goes through this class so that a wrong type, an out-of-range number or a
// malformed timestamp gets the same message with file, line and column, and no yaml-cpp
// exception escapes to the caller.

#include "diagnostics.h"
#include "input_file.h"
#include "object_meta.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jobscope {

// 1-based position of a node (yaml-cpp marks count from 0; a null mark is unknown).
SourcePosition positionOf(const YAML::Node& node);

// Parses every document of `text`. On a syntax error, reports it at its position and
// returns false. Never throws.
bool loadYamlDocuments(const std::string& text, const std::string& fileName,
                       std::vector<YAML::Node>& documents, Diagnostics& diagnostics);
// The same checks, then the text's events to `handler` one document after another, without
// building the documents' nodes (for large input of which little is kept). Never throws.
bool parseYamlEvents(const std::string& text, const std::string& fileName,
                     YAML::EventHandler& handler, Diagnostics& diagnostics);

// RFC 3339 ("2026-01-01T00:00:30Z", fractional seconds and offsets allowed) to seconds since
// the Unix epoch.
std::optional<Seconds> parseRfc3339(std::string_view text);
// Seconds since the Unix epoch to RFC 3339 UTC ("2026-01-01T00:00:30Z"; fractions kept when
// not whole).
std::string formatRfc3339(Seconds seconds);

class YamlReader {
public:
    YamlReader(std::string fileName, Diagnostics& diagnostics)
        : fileName_(std::move(fileName)), diagnostics_(diagnostics) {}

    const std::string& fileName() const { return fileName_; }
    Diagnostics& diagnostics() { return diagnostics_; }

    void error(const YAML::Node& at, Message message);
    void error(SourcePosition at, Message message);
    void warning(const YAML::Node& at, Message message);

    // Each returns nullopt (after reporting, with `path` naming the field) when the node is
    // present but of the wrong type or out of range; nullopt without a report when the node
    // is absent or null.
    std::optional<int32_t> int32(const YAML::Node& node, const std::string& path);
    std::optional<int64_t> int64(const YAML::Node& node, const std::string& path);
    std::optional<double> number(const YAML::Node& node, const std::string& path);
    std::optional<bool> boolean(const YAML::Node& node, const std::string& path);
    std::optional<std::string> string(const YAML::Node& node, const std::string& path);
    // A timestamp: an RFC 3339 string, or a number of seconds on the shared clock.
    std::optional<Seconds> time(const YAML::Node& node, const std::string& path);

    // Checks the node is a map (or a sequence); reports and returns false otherwise.
    // Absent or null nodes return false without a report.
    bool isMap(const YAML::Node& node, const std::string& path);
    bool isSequence(const YAML::Node& node, const std::string& path);

    // Reports every key of `map` not in `known`, with a "did you mean" for a close one.
    void rejectUnknownKeys(const YAML::Node& map, const std::string& path,
                           std::initializer_list<const char*> known);

private:
    std::string fileName_;
    Diagnostics& diagnostics_;
};

// Joins a field path: child("spec", "parallelism") == "spec.parallelism";
// child("rules", 2) == "rules[2]".
std::string childPath(const std::string& parent, const std::string& key);
std::string childPath(const std::string& parent, size_t index);

// The value under `key` in `map`, or an undefined node when `map` is not a mapping or has no
// such key. Iterates instead of operator[], which yaml-cpp lets throw on scalars.
YAML::Node yamlField(const YAML::Node& map, const char* key);
// Whether `node` is YAML null: `~`, `null`, an empty value (not the quoted string "null").
bool isYamlNull(const YAML::Node& node);
// Defined and not null.
bool yamlPresent(const YAML::Node& node);

// The closest of `candidates` to `word` within `maxDistance` edits (letters compared without
// regard to case), or "": the "did you mean" of every message.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates,
                         size_t maxDistance = 2);
std::string closestMatch(const std::string& word, std::initializer_list<const char*> candidates);

} // namespace jobscope
