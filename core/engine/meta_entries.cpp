// SPDX-License-Identifier: GPL-3.0-or-later
#include "meta_entries.h"

#include "job.h"

#include <charconv>
#include <string_view>

namespace jobscope {

const std::string& completionIndexKey() {
    static const std::string key = kJobCompletionIndexAnnotation;
    return key;
}

const std::string& indexFailureCountKey() {
    static const std::string key = kJobIndexFailureCountAnnotation;
    return key;
}

const std::string& indexIgnoredFailureCountKey() {
    static const std::string key = kJobIndexIgnoredFailureCountAnnotation;
    return key;
}

void setNumberEntry(std::map<std::string, std::string>& entries, const std::string& key,
                    std::optional<int> value) {
    auto it = findEntry(entries, key);
    if (!value) {
        if (it != entries.end())
            entries.erase(it);
        return;
    }
    char digits[16];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, *value);
    const std::string_view text(digits, ec == std::errc() ? std::size_t(end - digits) : 0);
    if (it == entries.end())
        entries.emplace(key, text);
    else if (it->second != text)
        it->second.assign(text);
}

} // namespace jobscope
