// SPDX-License-Identifier: GPL-3.0-or-later
#include "interned_string.h"

#include "text_hash.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>
#include <unordered_set>

namespace jobscope {

namespace {

// Looked up by string_view, without building a std::string for each question.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return hashText(text); }
};

struct Table {
    std::mutex mutex;
    // Nodes never move: pointers to their strings stay valid.
    std::unordered_set<std::string, TextHash, std::equal_to<>> values;
};

Table& table() {
    static Table* const instance = new Table; // never destroyed: values outlive static objects
    return *instance;
}

const std::string* intern(std::string_view text) {
    Table& t = table();
    const std::lock_guard<std::mutex> lock(t.mutex);
    auto it = t.values.find(text);
    if (it == t.values.end())
        it = t.values.emplace(text).first;
    return &*it;
}

// Literals (pod_phase::Running, "Ready", ...) are interned from the same few addresses over
// and over: a small per-thread cache keyed by the address, checked against the text since an
// address can be reused for other characters.
struct LiteralCacheEntry {
    const char* address = nullptr;
    const std::string* value = nullptr;
};
thread_local std::array<LiteralCacheEntry, 32> literalCache;

const std::string* internLiteral(const char* text) {
    const auto slot = (reinterpret_cast<std::uintptr_t>(text) >> 3) % literalCache.size();
    LiteralCacheEntry& entry = literalCache[slot];
    if (entry.address == text && std::strcmp(entry.value->c_str(), text) == 0)
        return entry.value;
    const std::string* value = intern(text);
    entry = {text, value};
    return value;
}

} // namespace

const std::string& InternedString::emptyValue() noexcept {
    static const std::string* const empty = intern({});
    return *empty;
}

InternedString::InternedString(const char* text)
    : value_(text && *text ? internLiteral(text) : &emptyValue()) {}

InternedString::InternedString(std::string_view text)
    : value_(text.empty() ? &emptyValue() : intern(text)) {}

InternedString::InternedString(const std::string& text) : InternedString(std::string_view(text)) {}

} // namespace jobscope
