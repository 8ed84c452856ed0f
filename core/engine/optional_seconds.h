// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An optional instant in 8 bytes. std::optional<Seconds> takes 16, and the records kept per Pod
// (five observations and a lifecycle each) carry nine of them, so a 1 000 000-Pod run would spend
// about 140 MB on the flags' padding. "Unset" is one NaN bit pattern of its own, which no parser
// or arithmetic produces, so every other double (NaN included) reads back as set and unchanged.
//
// The interface is the part of std::optional the engine uses; it converts both ways, so fields of
// this type pass to functions taking std::optional<Seconds>.

#include "object_meta.h"

#include <bit>
#include <cstdint>
#include <optional>

namespace jobscope {

class OptionalSeconds {
public:
    constexpr OptionalSeconds() noexcept = default;
    constexpr OptionalSeconds(std::nullopt_t) noexcept {}
    constexpr OptionalSeconds(Seconds value) noexcept : value_(value) {}
    constexpr OptionalSeconds(const std::optional<Seconds>& value) noexcept
        : value_(value ? *value : unsetValue()) {}

    constexpr bool has_value() const noexcept {
        return std::bit_cast<uint64_t>(value_) != unsetBits;
    }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    // Like std::optional, reading an unset value through * is the caller's error.
    constexpr const Seconds& operator*() const noexcept { return value_; }
    constexpr Seconds value() const {
        if (!has_value())
            throw std::bad_optional_access();
        return value_;
    }
    constexpr Seconds value_or(Seconds fallback) const noexcept {
        return has_value() ? value_ : fallback;
    }
    constexpr void reset() noexcept { value_ = unsetValue(); }

    constexpr operator std::optional<Seconds>() const noexcept {
        return has_value() ? std::optional<Seconds>(value_) : std::nullopt;
    }

    // std::optional's equality: unset equals unset, set values compare as doubles.
    friend constexpr bool operator==(const OptionalSeconds& a, const OptionalSeconds& b) noexcept {
        return a.has_value() == b.has_value() && (!a.has_value() || a.value_ == b.value_);
    }
    friend constexpr bool operator==(const OptionalSeconds& a, std::nullopt_t) noexcept {
        return !a.has_value();
    }
    friend constexpr bool operator==(const OptionalSeconds& a, Seconds b) noexcept {
        return a.has_value() && a.value_ == b;
    }

private:
    // A quiet NaN with a payload of its own (arithmetic keeps or drops a payload, never invents).
    static constexpr uint64_t unsetBits = 0x7ff8'4a53'554e'5345ULL;
    static constexpr Seconds unsetValue() noexcept { return std::bit_cast<Seconds>(unsetBits); }

    Seconds value_ = unsetValue();
};

static_assert(sizeof(OptionalSeconds) == sizeof(Seconds));

} // namespace jobscope
