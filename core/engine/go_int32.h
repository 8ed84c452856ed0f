// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Upstream's counters are Go int32s, whose arithmetic wraps on overflow; in C++ a signed
// overflow is undefined. Counters from hand-written or fuzzed states can sit at the limit, so
// sums are done in 64 bits and wrapped as Go would (C++20 defines the narrowing as modular).

#include <cstdint>

namespace jobscope {

constexpr int32_t goInt32(int64_t value) {
    return static_cast<int32_t>(value);
}

} // namespace jobscope
