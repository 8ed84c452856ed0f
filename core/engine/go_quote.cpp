// SPDX-License-Identifier: GPL-3.0-or-later
#include "go_quote.h"

#include <cstdio>

namespace jobscope {

std::string goQuote(const std::string& value) {
    std::string out = "\"";
    const auto* p = reinterpret_cast<const unsigned char*>(value.data());
    const auto* end = p + value.size();
    char buffer[16];
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\a':
                out += "\\a";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\v':
                out += "\\v";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
                    out += buffer;
                } else {
                    out += static_cast<char>(c);
                }
            }
            ++p;
            continue;
        }
        // A well-formed UTF-8 sequence is kept (Go keeps printable runes); a stray byte is
        // escaped as \xNN, as strconv.Quote does.
        size_t length = (c & 0xE0) == 0xC0   ? 2
                        : (c & 0xF0) == 0xE0 ? 3
                        : (c & 0xF8) == 0xF0 ? 4
                                             : 0;
        bool valid = length > 0 && static_cast<size_t>(end - p) >= length;
        for (size_t i = 1; valid && i < length; ++i)
            valid = (p[i] & 0xC0) == 0x80;
        if (valid && length == 2 && c < 0xC2)
            valid = false; // overlong
        if (valid) {
            out.append(reinterpret_cast<const char*>(p), length);
            p += length;
        } else {
            std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
            out += buffer;
            ++p;
        }
    }
    return out + "\"";
}

} // namespace jobscope
