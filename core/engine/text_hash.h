// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The hash of the engine's string-keyed tables (Pod uids and names, interned strings): eight
// bytes per step (the last step re-reads the tail as one overlapping word), so a 36-character
// uid takes five multiplications inline where std::hash makes an out-of-line call. Each step folds
// the high half of the product into the low bits, which the tables' power-of-two masks keep.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace jobscope {

inline std::size_t hashText(std::string_view text) noexcept {
    constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull; // 2^64 / golden ratio, odd
    const auto mix = [](uint64_t h, uint64_t word) {
        h = (h ^ word) * kMultiplier;
        return h ^ (h >> 29);
    };
    const char* data = text.data();
    const std::size_t size = text.size();
    const auto load = [data](std::size_t at, std::size_t bytes) {
        uint64_t word = 0;
        std::memcpy(&word, data + at, bytes);
        return word;
    };
    uint64_t h = static_cast<uint64_t>(size) * kMultiplier;
    if (size >= 8) {
        std::size_t at = 0;
        for (; at + 8 <= size; at += 8)
            h = mix(h, load(at, 8));
        if (at < size) // the last eight bytes, overlapping the word before: no byte loop
            h = mix(h, load(size - 8, 8));
    } else if (size >= 4) {
        h = mix(h, load(0, 4) | (load(size - 4, 4) << 32));
    } else if (size > 0) {
        h = mix(h, load(0, 1) | (load(size / 2, 1) << 8) | (load(size - 1, 1) << 16));
    }
    h *= kMultiplier;
    return static_cast<std::size_t>(h ^ (h >> 32));
}

} // namespace jobscope
