// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/random.h"

#include <cmath>

namespace jobscope::sim {

namespace {
constexpr double kTwoPi = 6.283185307179586476925286766559;
} // namespace

uint64_t SplitMix64::next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

Random::Random(uint64_t seed) {
    // The reference seeding: four splitmix64 outputs, never all zero.
    SplitMix64 mix(seed);
    for (auto& s : s_)
        s = mix.next();
}

double Random::uniform01() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Random::uniform(double lo, double hi) {
    return lo + (hi - lo) * uniform01();
}

double Random::normal(double mean, double stddev) {
    if (haveSpare_) {
        haveSpare_ = false;
        return mean + stddev * spare_;
    }
    // 1 - u keeps the logarithm finite.
    const double u1 = 1.0 - uniform01();
    const double u2 = uniform01();
    const double r = std::sqrt(-2.0 * std::log(u1));
    spare_ = r * std::sin(kTwoPi * u2);
    haveSpare_ = true;
    return mean + stddev * r * std::cos(kTwoPi * u2);
}

double Random::exponential(double mean) {
    return -mean * std::log(1.0 - uniform01());
}

bool Random::chance(double p) {
    if (p >= 1.0)
        return true;
    if (p <= 0.0)
        return false;
    return uniform01() < p;
}

} // namespace jobscope::sim
