// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A string kept once per distinct value for the whole program, held by pointer: Pod phases,
// node names and event reasons repeat across hundreds of thousands of observations, and a
// pointer is 8 bytes where a std::string is 32 (plus a heap block past 15 characters).
// Equality between two interned strings is a pointer comparison. Reads convert implicitly to
// `const std::string&`, so code written against std::string fields keeps working.
// Thread-safe: the table is shared, locked on insert, and never shrinks (its strings live as
// long as the program; the set of distinct values is small).

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace jobscope {

class InternedString {
public:
    InternedString() noexcept : value_(&emptyValue()) {}
    InternedString(const char* text);        // NOLINT: implicit, like std::string
    InternedString(std::string_view text);   // NOLINT
    InternedString(const std::string& text); // NOLINT

    const std::string& str() const noexcept { return *value_; }
    operator const std::string&() const noexcept { return *value_; } // NOLINT
    const char* c_str() const noexcept { return value_->c_str(); }
    bool empty() const noexcept { return value_->empty(); }
    std::size_t size() const noexcept { return value_->size(); }
    void clear() noexcept { value_ = &emptyValue(); }

    friend bool operator==(const InternedString& a, const InternedString& b) noexcept {
        return a.value_ == b.value_;
    }
    friend bool operator==(const InternedString& a, const char* b) { return *a.value_ == b; }
    friend bool operator==(const InternedString& a, const std::string& b) noexcept {
        return *a.value_ == b;
    }
    friend bool operator==(const InternedString& a, std::string_view b) noexcept {
        return std::string_view(*a.value_) == b;
    }

    friend std::ostream& operator<<(std::ostream& out, const InternedString& s) {
        return out << *s.value_;
    }

private:
    static const std::string& emptyValue() noexcept;
    const std::string* value_;
};

} // namespace jobscope
