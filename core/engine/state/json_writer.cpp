// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/json_writer.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace jobscope {

namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
size_t utf8SequenceLength(const std::string& text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    size_t length;
    uint32_t codePoint;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        codePoint = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        codePoint = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        codePoint = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (byte(i + k) & 0x3F);
    }
    if ((length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000) ||
        codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

} // namespace

std::string JsonWriter::quote(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        switch (c) {
        case '"':
            out += "\\\"";
            ++i;
            continue;
        case '\\':
            out += "\\\\";
            ++i;
            continue;
        case '\b':
            out += "\\b";
            ++i;
            continue;
        case '\f':
            out += "\\f";
            ++i;
            continue;
        case '\n':
            out += "\\n";
            ++i;
            continue;
        case '\r':
            out += "\\r";
            ++i;
            continue;
        case '\t':
            out += "\\t";
            ++i;
            continue;
        default:
            break;
        }
        if (c < 0x20 || c == 0x7F) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
            ++i;
            continue;
        }
        const size_t length = utf8SequenceLength(text, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD REPLACEMENT CHARACTER
            ++i;
            continue;
        }
        out.append(text, i, length);
        i += length;
    }
    out += '"';
    return out;
}

std::string JsonWriter::number(double value) {
    if (!std::isfinite(value))
        return "null";
    if (value == 0)
        return "0"; // also for -0
    // Whole numbers print as integers (30, not 30.0 or 3e+01) while they are exact.
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return std::to_string(static_cast<int64_t>(value));
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc())
        return "null";
    return std::string(buffer, end);
}

void JsonWriter::newline() {
    out_ += '\n';
    out_.append(stack_.size() * 2, ' ');
}

void JsonWriter::beforeValue() {
    if (stack_.empty()) {
        if (wroteRoot_)
            throw std::logic_error("JsonWriter: a second root value");
        wroteRoot_ = true;
        return;
    }
    Frame& top = stack_.back();
    if (top.scope == Scope::Object) {
        if (!top.keyPending)
            throw std::logic_error("JsonWriter: a value in an object needs a key");
        top.keyPending = false;
        return;
    }
    if (!top.empty)
        out_ += ',';
    top.empty = false;
    newline();
}

JsonWriter& JsonWriter::key(const std::string& name) {
    if (stack_.empty() || stack_.back().scope != Scope::Object || stack_.back().keyPending)
        throw std::logic_error("JsonWriter: a key outside an object or after another key");
    Frame& top = stack_.back();
    if (!top.empty)
        out_ += ',';
    top.empty = false;
    top.keyPending = true;
    newline();
    out_ += quote(name);
    out_ += ": ";
    return *this;
}

void JsonWriter::beginObject() {
    beforeValue();
    out_ += '{';
    stack_.push_back(Frame{Scope::Object});
}

void JsonWriter::endObject() {
    if (stack_.empty() || stack_.back().scope != Scope::Object || stack_.back().keyPending)
        throw std::logic_error("JsonWriter: endObject without a matching beginObject");
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty)
        newline();
    out_ += '}';
    if (stack_.empty())
        out_ += '\n';
}

void JsonWriter::beginArray() {
    beforeValue();
    out_ += '[';
    stack_.push_back(Frame{Scope::Array});
}

void JsonWriter::endArray() {
    if (stack_.empty() || stack_.back().scope != Scope::Array)
        throw std::logic_error("JsonWriter: endArray without a matching beginArray");
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty)
        newline();
    out_ += ']';
    if (stack_.empty())
        out_ += '\n';
}

void JsonWriter::value(const std::string& text) {
    beforeValue();
    out_ += quote(text);
}

void JsonWriter::value(int64_t number) {
    beforeValue();
    out_ += std::to_string(number);
}

void JsonWriter::value(double n) {
    beforeValue();
    out_ += number(n);
}

void JsonWriter::value(bool flag) {
    beforeValue();
    out_ += flag ? "true" : "false";
}

void JsonWriter::null() {
    beforeValue();
    out_ += "null";
}

} // namespace jobscope
