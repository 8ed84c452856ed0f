// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A parameter sweep: one scenario run over a grid of values (each a `--set` of the text) and
// several seeds, on every core, each point summarized as a RunSummary. What the sweep command
// writes (a CSV row per point, percentiles over the seeds) is computed from these.

#include "analysis/summary.h"
#include "edit/overrides.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobscope {

// One varied parameter: "PATH=A..B" (whole numbers from A to B), "PATH=A..B:STEP" (numbers
// from A by STEP up to B) or "PATH=V1,V2,…" (the values as written).
struct SweepAxis {
    edit::YamlPath path;
    std::string name; // PATH as given
    std::vector<std::string> values;
};

inline constexpr std::size_t kMaxSweepValues = 100000; // per axis, and points in a grid

struct SweepAxisError {
    enum class Kind { NotPathValues, BadRange, TooMany };
    Kind kind = Kind::NotPathValues;
    std::string text;
};
std::optional<SweepAxis> parseSweepAxis(const std::string& text, SweepAxisError* error);

struct SweepOptions {
    int seeds = 1;                     // 1: the scenario's own seed; N: seeds 1..N
    unsigned threads = 0;              // 0: one per core
    std::size_t maxPods = 0;           // 0: the scenario's limit
    std::vector<edit::Override> fixed; // applied before each point's values
    // Counts the points whose runs are all done (or that cannot run), for a progress display.
    std::atomic<std::size_t>* pointsDone = nullptr;
};

struct SweepPoint {
    std::vector<std::string> values; // one per axis, in axis order
    std::vector<RunSummary> runs;    // one per seed
    std::string error;               // why the point could not run (runs is then empty)
};

// The overrides that make a point's text from the scenario's: `fixed`, then each axis's value.
std::vector<edit::Override> pointOverrides(const std::vector<SweepAxis>& axes,
                                           const SweepPoint& point,
                                           const std::vector<edit::Override>& fixed = {});

// The grid in row-major order (the last axis varies fastest). Stops early, leaving the points
// not run without runs, when `cancel` becomes true.
std::vector<SweepPoint> runSweep(const std::string& text, const std::string& fileName,
                                 const std::vector<SweepAxis>& axes, const SweepOptions& options,
                                 const std::atomic<bool>* cancel = nullptr);

// What a point's runs give over its seeds. The completion time's percentiles are over the seeds
// whose Job finished (NaN when none did); the others over every seed.
struct SweepFigures {
    std::size_t seeds = 0;
    std::size_t finished = 0;
    double completionP50 = 0, completionP90 = 0;
    double podSecondsP50 = 0, podSecondsP90 = 0;
    double peakActiveP50 = 0, meanActiveP50 = 0, failedPodsP50 = 0;
    std::string outcome; // the most frequent: Complete, Failed or NotFinished (ties: by name)
};
SweepFigures figuresOf(const SweepPoint& point);

// The sweep's CSV: the axes' names, then seeds,finished,completion_time_p50,
// completion_time_p90,pod_seconds_p50,pod_seconds_p90,peak_active_p50,mean_active_p50,
// failed_pods_p50,outcome; one row per point (`figures` is figuresOf each point), CRLF line ends.
std::string sweepCsv(const std::vector<SweepAxis>& axes, const std::vector<SweepPoint>& points,
                     const std::vector<SweepFigures>& figures);

// The p-th percentile (0..1) of `values` by linear interpolation between the nearest ranks;
// NaN for none.
double percentile(std::vector<double> values, double p);

} // namespace jobscope
