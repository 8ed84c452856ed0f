// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Messages about input files, with the place they refer to. Every reader in the engine
// reports through this type, so the command line and the GUI print errors the same way:
// `FILE:LINE:COLUMN: error: MESSAGE`. Each message keeps its template and arguments
// (message.h), so that the app can show it translated.

#include "message.h"

#include <map>
#include <string>
#include <vector>

namespace jobscope {

// A place in a source file; line and column count from 1, 0 means unknown.
struct SourcePosition {
    int line = 0;
    int column = 0;

    bool known() const { return line > 0; }
    bool operator==(const SourcePosition&) const = default;
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    SourcePosition position;
    std::string message; // in English: source.text()
    Message source;      // the template and its arguments, for a translation

    // "job.yaml:7:18: error: spec.parallelism: Invalid value: -1: must be ..."
    std::string format() const;
    // The same with another text for the message (a translation of it).
    std::string formatWith(const std::string& text) const;
};

class Diagnostics {
public:
    // A std::string is a literal message, a string literal a template (message.h).
    void add(Severity severity, const std::string& file, SourcePosition position, Message message);
    void error(const std::string& file, SourcePosition position, Message message) {
        add(Severity::Error, file, position, std::move(message));
    }
    void warning(const std::string& file, SourcePosition position, Message message) {
        add(Severity::Warning, file, position, std::move(message));
    }
    void note(const std::string& file, SourcePosition position, Message message) {
        add(Severity::Note, file, position, std::move(message));
    }
    void append(const Diagnostics& other);

    bool hasErrors() const;
    int errorCount() const;
    const std::vector<Diagnostic>& items() const { return items_; }
    // One formatted line per diagnostic, each ending in '\n'.
    std::string format() const;

private:
    std::vector<Diagnostic> items_;
};

// `prefix` + `message` ("items[1]." + "spec.parallelism: …"), still translatable.
Message prefixedMessage(const std::string& prefix, const Message& message);

// Where each field of an imported object was written: "spec.parallelism" -> 7:18.
// Validation works on plain structs and reports field paths; the reader maps them back.
class SourceMap {
public:
    void set(const std::string& fieldPath, SourcePosition position);
    // The position of the path, or of its nearest recorded parent ("spec.template.spec" for
    // "spec.template.spec.restartPolicy" when the field itself is absent).
    SourcePosition find(const std::string& fieldPath) const;
    bool empty() const { return positions_.empty(); }

private:
    std::map<std::string, SourcePosition> positions_;
};

} // namespace jobscope
