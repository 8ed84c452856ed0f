// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostics.h"

namespace jobscope {

std::string Diagnostic::format() const {
    return formatWith(message);
}

std::string Diagnostic::formatWith(const std::string& text) const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (position.known()) {
        out += ':' + std::to_string(position.line);
        if (position.column > 0)
            out += ':' + std::to_string(position.column);
    }
    switch (severity) {
    case Severity::Error:
        out += ": error: ";
        break;
    case Severity::Warning:
        out += ": warning: ";
        break;
    case Severity::Note:
        out += ": note: ";
        break;
    }
    out += text;
    return out;
}

void Diagnostics::add(Severity severity, const std::string& file, SourcePosition position,
                      Message message) {
    std::string text = message.text();
    items_.push_back(Diagnostic{severity, file, position, std::move(text), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::hasErrors() const {
    return errorCount() > 0;
}

int Diagnostics::errorCount() const {
    int count = 0;
    for (const auto& d : items_)
        if (d.severity == Severity::Error)
            ++count;
    return count;
}

Message prefixedMessage(const std::string& prefix, const Message& message) {
    return Message("%1%2", {Message(prefix), message});
}

std::string Diagnostics::format() const {
    std::string out;
    for (const auto& d : items_)
        out += d.format() + '\n';
    return out;
}

void SourceMap::set(const std::string& fieldPath, SourcePosition position) {
    positions_[fieldPath] = position;
}

SourcePosition SourceMap::find(const std::string& fieldPath) const {
    std::string path = fieldPath;
    while (true) {
        auto it = positions_.find(path);
        if (it != positions_.end())
            return it->second;
        // Strip the last segment: "a.b[2].c" -> "a.b[2]" -> "a.b" -> "a".
        auto cut = path.find_last_of(".[");
        if (cut == std::string::npos || cut == 0)
            break;
        path.resize(cut);
    }
    auto root = positions_.find("");
    return root == positions_.end() ? SourcePosition{} : root->second;
}

} // namespace jobscope
