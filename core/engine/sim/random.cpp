// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/random.h"

#include <cmath>

namespace jobscope::sim {

namespace {
constexpr uint64_t rotl(uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}
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

uint64_t Random::next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
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

uint64_t Random::below(uint64_t n) {
    // Lemire, "Fast Random Integer Generation in an Interval" (2019).
    unsigned __int128 m = static_cast<unsigned __int128>(next()) * n;
    uint64_t low = static_cast<uint64_t>(m);
    if (low < n) {
        const uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<unsigned __int128>(next()) * n;
            low = static_cast<uint64_t>(m);
        }
    }
    return static_cast<uint64_t>(m >> 64);
}

bool Random::chance(double p) {
    if (p >= 1.0)
        return true;
    if (p <= 0.0)
        return false;
    return uniform01() < p;
}

} // namespace jobscope::sim
