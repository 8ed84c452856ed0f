// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The simulator's own random numbers: xoshiro256** seeded through splitmix64, and its own
// sampling for the scenario's distributions. std::uniform_real_distribution and friends are
// implemented differently by each standard library, so a seed would not give the same
// timeline everywhere; these give the same stream on every platform.

#include <cstdint>

namespace jobscope::sim {

// splitmix64 (Vigna): a seed scrambler and a fine generator for short streams.
class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : state_(seed) {}
    uint64_t next();

private:
    uint64_t state_;
};

// xoshiro256** 1.0 (Blackman & Vigna).
class Random {
public:
    explicit Random(uint64_t seed);

    // Inline with below(): the simulator draws five of them for every Pod name.
    uint64_t next() {
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
    // Uniform on [0, 1) with 53 random bits.
    double uniform01();
    // Uniform on [lo, hi).
    double uniform(double lo, double hi);
    // Normal by the Box-Muller transform (both values of a pair are used).
    double normal(double mean, double stddev);
    // Exponential with the given mean, by inversion.
    double exponential(double mean);
    // An integer in [0, n) without modulo bias (Lemire, "Fast Random Integer Generation in an
    // Interval", 2019); n > 0.
    uint64_t below(uint64_t n) {
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
    // True with probability p.
    bool chance(double p);

private:
    static constexpr uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    uint64_t s_[4];
    bool haveSpare_ = false;
    double spare_ = 0;
};

} // namespace jobscope::sim
