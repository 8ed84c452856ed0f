// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small, surgical edits of a YAML text: read one value by its key path, set one scalar, remove
// one entry, append one item to a list — and keep every other byte as it was (comments, key
// order, indentation, quoting, line endings, the other documents). The editor's knobs use it so
// that turning a knob changes exactly that value in what the user wrote.
//
// yaml-cpp gives the start of every node (its Mark); the end of a value is found by scanning the
// text from there with the rules of its style (plain, quoted, flow). Anything that cannot be
// edited that way safely (a block scalar, a multi-line plain scalar, a value under an alias) is
// refused with a reason instead of guessed at.

#include "diagnostics.h"

#include <string>
#include <vector>

namespace jobscope::edit {

// Keys from the document's root down to the value: {"job", "spec", "parallelism"}. A step
// written as a whole number ("0") addresses an item of a list (and is a key in a mapping).
using YamlPath = std::vector<std::string>;

// The outcome of an edit: the new text, or why the text was left alone.
struct YamlEdit {
    std::string text;  // the whole new text (when ok())
    std::string error; // "" on success
    bool ok() const { return error.empty(); }
};

// What is at a path.
struct YamlLookup {
    enum class Kind { Absent, Null, Scalar, Map, Sequence };
    Kind kind = Kind::Absent;
    std::string scalar;      // the value when Kind::Scalar (as yaml-cpp reads it)
    size_t size = 0;         // entries of a Map, items of a Sequence
    SourcePosition position; // of the value (of its key when Null), 1-based
    std::string error;       // a YAML syntax error, or a step that is not a mapping or list
    bool ok() const { return error.empty(); }
    bool present() const { return ok() && kind != Kind::Absent && kind != Kind::Null; }
};

// While one is alive, this thread parses a text once however often the functions below read
// it: reading or setting the knobs looks a text up a dozen times, and a large text takes a
// second or more to parse. The outermost one owns the parse; it is freed with it.
class ParseReuse {
public:
    ParseReuse();
    ~ParseReuse();
    ParseReuse(const ParseReuse&) = delete;
    ParseReuse& operator=(const ParseReuse&) = delete;

private:
    bool owner_ = false;
};

// Counts the YAML documents of `text` (0 for a text that does not parse).
int documentCount(const std::string& text);

// Reads the node at `path` in document `document` (0-based).
YamlLookup lookup(const std::string& text, int document, const YamlPath& path);

// Sets the value at `path` to `value`, which is written as YAML text as it is (a number, a
// word, "[{probability: 0.5}]"; see plainOrQuoted for strings). A replaced value keeps its
// quotes. A missing key is inserted under its parent at the parent's indentation (missing
// parents are created too; in a flow mapping as `key: {child: value}`); an empty (null) parent
// becomes a mapping. Refuses block scalars (| and >), multi-line plain scalars, replacing a
// mapping or a list, and missing list items.
YamlEdit setScalar(const std::string& text, int document, const YamlPath& path,
                   const std::string& value);
inline YamlEdit setScalar(const std::string& text, const YamlPath& path, const std::string& value) {
    return setScalar(text, 0, path, value);
}

// Removes the entry at `path` (its key, value and line in a block mapping; `key: value` and one
// comma in a flow mapping). Removing an absent key succeeds and changes nothing.
YamlEdit removeKey(const std::string& text, int document, const YamlPath& path);

// Appends `item` (YAML text, e.g. "{probability: 0.5}") to the list at `path`: a new `- item`
// line in a block list, `, item` in a flow list.
YamlEdit appendToSequence(const std::string& text, int document, const YamlPath& path,
                          const std::string& item);

// `value` as a YAML scalar that reads back as the same string: plain when that is safe, else
// double-quoted with escapes.
std::string plainOrQuoted(const std::string& value);

// Where the Job's spec of a scenario or manifest text is, for editing it.
struct JobSpecLocation {
    enum class Kind {
        Inline,       // spec is at `spec` in `document`
        ExternalFile, // `job: {path: FILE}`: the spec is in another file
        Missing,      // no Job in the text (or a YAML error: see `error`)
    };
    Kind kind = Kind::Missing;
    bool isScenario = false;   // a scenario mapping (not only Kubernetes objects)
    int scenarioDocument = -1; // the scenario mapping's document; -1 for a bare manifest
    int document = -1;         // the Job's document (Inline)
    YamlPath spec;             // {"job", "spec"}, {"spec"} or {"items", "N", "spec"} (a List)
    int quotaDocument = -1;    // a ResourceQuota object's document, -1 when there is none
    std::string externalPath;  // ExternalFile: the path as written
    std::string error;         // why the text could not be read
};

JobSpecLocation locateJobSpec(const std::string& text);

} // namespace jobscope::edit
