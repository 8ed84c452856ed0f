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
//
// Beside it, in the same process, the floor: a bare discrete-event loop over the same Job (the
// same Pods, run time and failure rate) with a controller that does O(1) work per event and
// keeps one small record per Pod. The ratio of the engine's CPU time to the loop's is what the
// engine pays for reproducing the controller (aim: at most 5x).

#include "allocator.h"
#include "analysis/analysis.h"
#include "bench_scenario.h"
#include "manifest/manifest.h"
#include "run/run.h"
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
#include <queue>
#include <string>
#include <vector>

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

// The bare loop's result: what it simulated, so that the work cannot be optimised away and the
// two runs can be compared.
struct BareLoopResult {
    std::size_t pods = 0;
    std::size_t failed = 0;
    double end = 0;
};

BareLoopResult bareEventLoop(long completions, long parallelism, double failureRate,
                             uint64_t seed) {
    // Each Pod goes through the steps the simulator plays: created, bound to a Node, its
    // container started, finished, and its tracking finalizer removed by the controller.
    enum class Step : uint8_t { Bound, Started, Finished, Untracked };
    struct PodRecord {
        int32_t index;
        int32_t attempt;
        double created;
        double started;
        double finished;
        bool failed;
    };
    struct Event {
        double time;
        uint32_t pod;
        Step step;
        bool operator<(const Event& other) const { return time > other.time; } // earliest first
    };
    // xorshift64*: a few instructions per draw.
    uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
    const auto uniform = [&state] {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return static_cast<double>((state * 0x2545F4914F6CDD1DULL) >> 11) * 0x1.0p-53;
    };
    constexpr double kBindDelay = 0.05;
    constexpr double kStartDelay = 1;
    constexpr double kRunTime = 10; // as the scenario's Pods
    constexpr double kUntrackDelay = 1;
    std::vector<PodRecord> pods;
    pods.reserve(static_cast<std::size_t>(completions + completions / 10));
    std::vector<int32_t> attempts(static_cast<std::size_t>(completions), 0);
    std::vector<int32_t> retry; // failed indexes, retried first
    std::priority_queue<Event> queue;
    int32_t nextIndex = 0;
    long active = 0;
    long succeeded = 0;
    BareLoopResult result;
    const auto createPods = [&](double now) {
        while (active < parallelism && (!retry.empty() || nextIndex < completions)) {
            int32_t index;
            if (!retry.empty()) {
                index = retry.back();
                retry.pop_back();
            } else {
                index = nextIndex++;
            }
            const uint32_t id = static_cast<uint32_t>(pods.size());
            pods.push_back({index, attempts[static_cast<std::size_t>(index)]++, now, 0, 0, false});
            queue.push({now + kBindDelay, id, Step::Bound});
            ++active;
        }
    };
    createPods(0);
    while (!queue.empty() && succeeded < completions) {
        const Event event = queue.top();
        queue.pop();
        PodRecord& pod = pods[event.pod];
        result.end = event.time;
        switch (event.step) {
        case Step::Bound:
            queue.push({event.time + kStartDelay, event.pod, Step::Started});
            break;
        case Step::Started:
            pod.started = event.time;
            queue.push({event.time + kRunTime, event.pod, Step::Finished});
            break;
        case Step::Finished:
            pod.finished = event.time;
            pod.failed = uniform() < failureRate;
            --active;
            if (pod.failed) {
                ++result.failed;
                retry.push_back(pod.index);
            }
            queue.push({event.time + kUntrackDelay, event.pod, Step::Untracked});
            createPods(event.time);
            break;
        case Step::Untracked:
            succeeded += pod.failed ? 0 : 1;
            break;
        }
    }
    result.pods = pods.size();
    return result;
}

} // namespace

int main(int argc, char** argv) {
    jobscope::configureAllocator();
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
    // The floor: a bare loop over the same Pods, timed the same way (fastest of as many runs),
    // each run right after one of the engine's, so that both see the machine as loaded.
    double bareCpu = -1;
    BareLoopResult bare;
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

        const Clock bareStart;
        bare = bareEventLoop(options.completions, options.parallelism, 0.05, options.seed);
        const double cpu = since(bareStart).cpu;
        if (bareCpu < 0 || cpu < bareCpu)
            bareCpu = cpu;
    }

    rusage usage{};
    // Before the whole runs: beside the simulation, the analysis' Pod tables are held with the
    // simulator's, which is more than this figure.
    getrusage(RUSAGE_SELF, &usage);

    // The whole run as the app and the CLI make it (runScenario: the simulation, its analysis
    // and summary), with the analysis after the simulation and beside it on a second thread.
    Phase bestAfter{-1, -1}, bestBeside{-1, -1};
    bool sameAnalysis = true;
    for (int run = 0; run < options.repeat; ++run) {
        for (const AnalysisThread where : {AnalysisThread::After, AnalysisThread::Beside}) {
            const Clock start;
            auto whole = std::make_unique<Run>(runScenario(scenario, std::nullopt, nullptr, where));
            const Phase time = since(start);
            sameAnalysis = sameAnalysis && whole->analysis.series.size() == seriesRows &&
                           whole->analysis.causes.size() == causeIntervals;
            whole.reset();
            Phase& best = where == AnalysisThread::After ? bestAfter : bestBeside;
            if (best.wall < 0 || time.wall < best.wall)
                best = time;
        }
    }

    std::printf(
        "Indexed Job: completions %ld, parallelism %ld, 5 %% failures, seed %llu%s\n",
        options.completions, options.parallelism, static_cast<unsigned long long>(options.seed),
        options.repeat > 1 ? (", fastest of " + std::to_string(options.repeat) + " runs").c_str()
                           : "");
    std::printf("allocator:          %s\n", allocatorName().c_str());
    std::printf("simulation:         wall %.3f s, CPU %.3f s, peak RSS %.1f MB  (budget 0.3 s, "
                "300 MB)\n",
                bestSimulate.wall, bestSimulate.cpu, simulationPeakRssMb);
    std::printf("analysis:           wall %.3f s, CPU %.3f s\n", bestAnalyse.wall, bestAnalyse.cpu);
    std::printf("freeing both:       wall %.3f s\n", bestFree.wall);
    std::printf("total:              wall %.3f s, CPU %.3f s\n", bestTotal.wall, bestTotal.cpu);
    std::printf("whole run, analysis after the simulation:  wall %.3f s, CPU %.3f s\n",
                bestAfter.wall, bestAfter.cpu);
    std::printf("whole run, analysis beside the simulation: wall %.3f s, CPU %.3f s (%.2fx the "
                "wall time; %s)\n",
                bestBeside.wall, bestBeside.cpu, bestBeside.wall / std::max(bestAfter.wall, 1e-6),
                sameAnalysis ? "the same rows and causes" : "DIFFERENT rows or causes");
    std::printf("simulated Pods:     %zu (succeeded %d, failed %d)\n", stats.pods, succeeded,
                failed);
    std::printf("reconcile calls:    %zu (simulator)\n", stats.syncs);
    std::printf("events:             %zu\n", stats.events);
    std::printf("Pod observations:   %zu\n", stats.podObservations);
    std::printf("Job observations:   %zu\n", stats.jobObservations);
    std::printf("simulation steps:   %zu\n", stats.steps);
    std::printf("simulated time:     %.1f s (%s)\n", stats.end, stats.stopReason.c_str());
    std::printf("series rows:        %zu, cause intervals %zu\n", seriesRows, causeIntervals);
    // ru_maxrss counts KiB of the whole process: in small runs the code and libraries weigh in.
    const double peakBytes = static_cast<double>(usage.ru_maxrss) * 1024.0;
    std::printf("peak RSS:           %.1f MB (simulation and analysis alive together), %.0f bytes "
                "per simulated Pod (aim: at most 1024)\n",
                peakBytes / (1024.0 * 1024.0),
                peakBytes / static_cast<double>(std::max<std::size_t>(stats.pods, 1)));
    std::printf("bare event loop:    CPU %.4f s for %zu Pods (%zu failed), %.1f s simulated\n",
                bareCpu, bare.pods, bare.failed, bare.end);
    const double floor = std::max(bareCpu, 1e-6);
    std::printf("engine / bare loop: simulation %.1fx, simulation and analysis %.1fx  (aim: at "
                "most 5x)\n",
                bestSimulate.cpu / floor, (bestSimulate.cpu + bestAnalyse.cpu) / floor);
    return stats.stopReason == "finished" && sameAnalysis ? 0 : 1;
}
