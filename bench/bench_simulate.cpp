// The simulator benchmark of issue 3 §6: a 100 000-completion Indexed Job, parallelism 1 000,
// 5 % of Pods failing, simulated once. Prints wall time, simulated Pods, reconcile calls,
// events and peak RSS. Budget: under 0.3 s and 300 MB (Release build).

#include "manifest/manifest.h"
#include "sim/simulator.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace jobscope;

namespace {

constexpr const char* kManifest = R"(apiVersion: batch/v1
kind: Job
metadata:
  name: bench
spec:
  completionMode: Indexed
  completions: 100000
  parallelism: 1000
  backoffLimit: 100000
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
)";

} // namespace

int main(int argc, char** argv) {
    const uint64_t seed = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1;
    ManifestImport import = importManifestText(kManifest, "bench.yaml");
    if (!import.ok()) {
        for (const auto& d : import.diagnostics.items())
            std::fprintf(stderr, "%s\n", d.message.c_str());
        return 1;
    }
    Scenario scenario;
    scenario.job = import.jobs.front().job;
    scenario.seed = seed;
    // Enough room for 1 000 running Pods and those terminating beside them.
    for (int i = 0; i < 20; ++i)
        scenario.nodes.push_back(
            {"node-" + std::to_string(i + 1), 110, std::nullopt, std::nullopt});
    scenario.runTime.kind = Duration::Kind::Fixed;
    scenario.runTime.value = 10;
    FailureRule failure;
    failure.probability = 0.05;
    failure.exitCode = 1;
    scenario.failures.push_back(failure);

    const auto start = std::chrono::steady_clock::now();
    SimulationStats stats;
    const Timeline timeline = simulate(scenario, &stats);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    int succeeded = timeline.jobChanges.empty() ? 0 : timeline.jobChanges.back().status.succeeded;
    int failed = timeline.jobChanges.empty() ? 0 : timeline.jobChanges.back().status.failed;
    std::printf("wall time:          %.3f s\n", wall);
    std::printf("simulated Pods:     %zu (succeeded %d, failed %d)\n", stats.pods, succeeded,
                failed);
    std::printf("reconcile calls:    %zu\n", stats.syncs);
    std::printf("events:             %zu\n", stats.events);
    std::printf("Pod observations:   %zu\n", stats.podObservations);
    std::printf("Job observations:   %zu\n", stats.jobObservations);
    std::printf("simulation steps:   %zu\n", stats.steps);
    std::printf("simulated time:     %.1f s (%s)\n", stats.end, stats.stopReason.c_str());
    std::printf("peak RSS:           %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return stats.stopReason == "finished" ? 0 : 1;
}
