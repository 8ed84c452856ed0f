// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator benchmark: a 100 000-completion Indexed Job, parallelism 1 000,
// 5 % of Pods failing, simulated and then analysed. Prints wall time per phase, simulated Pods,
// reconcile calls, events and peak RSS. Budget for the simulation: under 0.3 s and 300 MB
// (Release build). The analysis of the result is timed beside it, as what a caller pays next.
//
//   jobscope_bench [--seed N] [--completions N] [--parallelism N] [--repeat N]
//
// --completions / --parallelism shrink the run for a profiler (callgrind); --repeat runs it
// several times and reports the run with the least CPU time (the machine is shared, single runs are
// noisy).

#include "analysis/analysis.h"
#include "bench_scenario.h"
#include "manifest/manifest.h"
#include "sim/simulator.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <limits>
#include <memory>
#include <string>

using namespace jobscope;

namespace {

struct Options {
    uint64_t seed = 1;
    long completions = 100000;
    long parallelism = 1000;
    int repeat = 1;
};

bool parseOptions(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const char* flag = argv[i];
        if (i + 1 >= argc) {
            std::fprintf(stderr, "%s: missing value\n", flag);
            return false;
        }
        char* end = nullptr;
        const long long value = std::strtoll(argv[++i], &end, 10);
        if (*end != '\0' || value < 1 || value > std::numeric_limits<int32_t>::max()) {
            std::fprintf(stderr, "%s: expected a positive integer, got '%s'\n", flag, argv[i]);
            return false;
        }
        if (std::strcmp(flag, "--seed") == 0)
            options.seed = static_cast<uint64_t>(value);
        else if (std::strcmp(flag, "--completions") == 0)
            options.completions = static_cast<long>(value);
        else if (std::strcmp(flag, "--parallelism") == 0)
            options.parallelism = static_cast<long>(value);
        else if (std::strcmp(flag, "--repeat") == 0)
            options.repeat = static_cast<int>(std::min<long long>(value, 100));
        else {
            std::fprintf(stderr,
                         "unknown option %s (use --seed, --completions, --parallelism, "
                         "--repeat)\n",
                         flag);
            return false;
        }
    }
    return true;
}

// Wall and CPU time of one phase: on a shared machine the CPU time is the steadier figure.
struct Clock {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    double cpu = cpuSeconds();

    static double cpuSeconds() {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    }
};

struct Phase {
    double wall = 0;
    double cpu = 0;
};

Phase since(const Clock& start) {
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start.wall).count(),
            Clock::cpuSeconds() - start.cpu};
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parseOptions(argc, argv, options))
        return 2;
    std::string errors;
    const std::optional<Scenario> built = bench::indexedJobScenario(
        "bench", options.completions, options.parallelism, options.seed, &errors);
    if (!built) {
        std::fprintf(stderr, "%s", errors.c_str());
        return 1;
    }
    const Scenario& scenario = *built;

    Phase bestSimulate, bestAnalyse, bestFree, bestTotal{-1, -1};
    double simulationPeakRssMb = 0;
    SimulationStats stats;
    int32_t succeeded = 0, failed = 0;
    std::size_t seriesRows = 0, causeIntervals = 0;
    for (int run = 0; run < options.repeat; ++run) {
        const Clock start;
        auto timeline = std::make_unique<Timeline>(simulate(scenario, &stats));
        const Phase simulateTime = since(start);
        if (run == 0) {
            rusage afterSimulation{};
            getrusage(RUSAGE_SELF, &afterSimulation);
            simulationPeakRssMb = static_cast<double>(afterSimulation.ru_maxrss) / 1024.0;
        }

        const Clock analyseStart;
        auto analysis = std::make_unique<Analysis>(analyze(*timeline));
        const Phase analyseTime = since(analyseStart);

        if (!timeline->jobChanges.empty()) {
            succeeded = timeline->jobChanges.back().status.succeeded;
            failed = timeline->jobChanges.back().status.failed;
        }
        seriesRows = analysis->series.size();
        causeIntervals = analysis->causes.size();

        // Freeing the result is part of what a caller pays.
        const Clock freeStart;
        analysis.reset();
        timeline.reset();
        const Phase freeTime = since(freeStart);

        const Phase total{simulateTime.wall + analyseTime.wall + freeTime.wall,
                          simulateTime.cpu + analyseTime.cpu + freeTime.cpu};
        if (bestTotal.cpu < 0 || total.cpu < bestTotal.cpu) {
            bestTotal = total;
            bestSimulate = simulateTime;
            bestAnalyse = analyseTime;
            bestFree = freeTime;
        }
    }

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf(
        "Indexed Job: completions %ld, parallelism %ld, 5 %% failures, seed %llu%s\n",
        options.completions, options.parallelism, static_cast<unsigned long long>(options.seed),
        options.repeat > 1 ? (", fastest of " + std::to_string(options.repeat) + " runs").c_str()
                           : "");
    std::printf("simulation:         wall %.3f s, CPU %.3f s, peak RSS %.1f MB  (budget 0.3 s, "
                "300 MB)\n",
                bestSimulate.wall, bestSimulate.cpu, simulationPeakRssMb);
    std::printf("analysis:           wall %.3f s, CPU %.3f s\n", bestAnalyse.wall, bestAnalyse.cpu);
    std::printf("freeing both:       wall %.3f s\n", bestFree.wall);
    std::printf("total:              wall %.3f s, CPU %.3f s\n", bestTotal.wall, bestTotal.cpu);
    std::printf("simulated Pods:     %zu (succeeded %d, failed %d)\n", stats.pods, succeeded,
                failed);
    std::printf("reconcile calls:    %zu (simulator)\n", stats.syncs);
    std::printf("events:             %zu\n", stats.events);
    std::printf("Pod observations:   %zu\n", stats.podObservations);
    std::printf("Job observations:   %zu\n", stats.jobObservations);
    std::printf("simulation steps:   %zu\n", stats.steps);
    std::printf("simulated time:     %.1f s (%s)\n", stats.end, stats.stopReason.c_str());
    std::printf("series rows:        %zu, cause intervals %zu\n", seriesRows, causeIntervals);
    std::printf("peak RSS:           %.1f MB (simulation and analysis alive together)\n",
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    return stats.stopReason == "finished" ? 0 : 1;
}
