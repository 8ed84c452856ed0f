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

    uint64_t next();
    // Uniform on [0, 1) with 53 random bits.
    double uniform01();
    // Uniform on [lo, hi).
    double uniform(double lo, double hi);
    // Normal by the Box-Muller transform (both values of a pair are used).
    double normal(double mean, double stddev);
    // Exponential with the given mean, by inversion.
    double exponential(double mean);
    // An integer in [0, n) without modulo bias (Lemire's method); n > 0.
    uint64_t below(uint64_t n);
    // True with probability p.
    bool chance(double p);

private:
    uint64_t s_[4];
    bool haveSpare_ = false;
    double spare_ = 0;
};

} // namespace jobscope::sim
