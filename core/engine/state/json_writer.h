// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small streaming JSON writer: objects and arrays with keys in the order written, 2-space
// indentation, strings escaped per RFC 8259 (control characters as \u00XX; invalid UTF-8
// bytes replaced by U+FFFD so the output is always valid JSON), numbers in their shortest
// round-trip form. Misuse (a value without a key inside an object, unbalanced ends) throws
// std::logic_error.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobscope {

class JsonWriter {
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    // Inside an object: the key of the next value.
    JsonWriter& key(const std::string& name);

    void value(const std::string& text);
    void value(const char* text) { value(std::string(text)); }
    void value(int64_t number);
    void value(int32_t number) { value(static_cast<int64_t>(number)); }
    void value(double number); // non-finite numbers are written as null
    void value(bool flag);
    void null();

    template <typename T> void value(const std::optional<T>& maybe) {
        if (maybe)
            value(*maybe);
        else
            null();
    }

    // The document so far; complete once every object and array is closed.
    const std::string& text() const { return out_; }
    bool complete() const { return stack_.empty() && wroteRoot_; }

    static std::string quote(const std::string& text);
    static std::string number(double value);

private:
    enum class Scope { Object, Array };
    struct Frame {
        Scope scope;
        bool empty = true;
        bool keyPending = false;
    };

    void beforeValue();
    void newline();

    std::string out_;
    std::vector<Frame> stack_;
    bool wroteRoot_ = false;
};

} // namespace jobscope
