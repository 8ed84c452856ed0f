// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A run: one Job's life, simulated from a scenario or observed (a recording, a replay, a live
// watch), with everything every view reads about it worked out once — the Timeline, its
// Analysis, the summary, where it starts and ends, and its title. Every reader (the app's
// views, the compare window, the lesson, `simulate`, `replay`, the CSV files) takes a Run;
// none runs the read → simulate → analyse pipeline itself.

#include "analysis/analysis.h"
#include "analysis/summary.h"
#include "scenario/scenario.h"
#include "timeline/timeline.h"
#include "timeline/timeline_feed.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobscope {

struct SimulationStats;

struct Run {
    Timeline timeline;
    Analysis analysis;
    RunSummary summary;
    Seconds origin = 0; // the Job's creation, on the timeline's clock: relative t = time - origin
    Seconds end = 0;    // where the run ends, seconds since origin (runEnd)
    std::optional<int32_t> completions; // spec.completions as the run ends
    bool simulated = false;
    // In English and Chinese; the Chinese ones may be empty (then the English ones are shown).
    std::string title, titleZh, description, descriptionZh;

    // Positions in analysis.causes of each cause's intervals, in start order.
    std::array<std::vector<uint32_t>, kCauseKindCount> intervalsByKind;

    // A run of several Jobs (a scenario's `jobs:` or `replicas:`) is their aggregate
    // (aggregateRun), and these are the Jobs' own runs, in the scenario's order, on the same
    // clock; empty for a run of one Job.
    std::vector<Run> jobs;
    // Where each Job's Pods begin in analysis.pods (they are grouped by Job, in jobs' order).
    std::vector<uint32_t> jobFirstPod;
};

// Where runScenario analyses the Timeline: on the calling thread after the simulation, or on a
// second thread while the simulation writes it. Both give the same Analysis; beside it, a run
// takes about as long as the longer of the two on a machine with two cores. Auto: beside when
// the Job needs from a thousand to 250 000 Pods and the machine has more than one core.
enum class AnalysisThread { Auto, After, Beside };

// The scenario simulated on the calling thread while a second thread analyses the Timeline
// as it is written, published every `batch` Pod observations (timeline/timeline_feed.h): what
// runScenario does beside. The Timeline goes to `timeline`; the Analysis is nothing when the
// simulation published nothing (a scenario checkSimulationSize refuses).
std::optional<Analysis> simulateWithAnalysisBeside(const Scenario& scenario, SimulationStats* stats,
                                                   Timeline& timeline,
                                                   std::size_t batch = TimelineFeed::kDefaultBatch);

// A scenario simulated and analysed. `seed` replaces the scenario's own when given.
Run runScenario(const Scenario& scenario, std::optional<uint64_t> seed = std::nullopt,
                SimulationStats* stats = nullptr, AnalysisThread where = AnalysisThread::Auto);
// Every Job of a scenario (simulateJobs) simulated in one world and analysed, in the
// scenario's order: the first is runScenario's run. Each run's origin is its Job's creation on
// the scenario's clock.
std::vector<Run> runScenarioJobs(const Scenario& scenario,
                                 std::optional<uint64_t> seed = std::nullopt,
                                 SimulationStats* stats = nullptr);
// The runs of several Jobs that shared one cluster, as one run whose views show them together:
// - the series summed at every change of any Job (active Pods of all Jobs, and so on; a Job not
//   created yet adds nothing, and its completions to `remaining`; `requested` is of the Jobs
//   that have not finished);
// - in each row the causes in force for any Job, the Jobs' primary causes first; `finished`
//   only once every Job has finished;
// - every Job's cause intervals (CauseInterval::job says whose), but one `finished` interval,
//   from when the last Job began to finish;
// - every Pod, grouped by Job; every Event, in time order, in the run's timeline (whose Pods
//   and changes stay with the Jobs' runs);
// - the summary: the Pods' figures of all Jobs, finished when the last Job finished, Complete
//   when every Job completed and Failed when every Job finished and one failed.
// The title and description are a scenario's (the first run's, which is then titled after its
// Job like the others); observed Jobs' runs leave them empty. `jobs` keeps the runs.
Run aggregateRun(std::vector<Run> jobs);
// A scenario's run: runScenario's for one Job, the aggregate of runScenarioJobs for several.
Run runWholeScenario(const Scenario& scenario, std::optional<uint64_t> seed = std::nullopt,
                     SimulationStats* stats = nullptr, AnalysisThread where = AnalysisThread::Auto);
// Of a run of several Jobs, the run of the Job named `name`; null when it has none.
const Run* jobNamed(const Run& run, std::string_view name);
// The position in run.jobs of the Job whose Pod is at `pod` in run.analysis.pods; 0 in a run of
// one Job.
std::size_t jobOfPod(const Run& run, std::size_t pod);

// name,created,finished,outcome,pods,pod_seconds: one row per run (CSV as report/csv.h writes
// it); created and finished in seconds on the scenario's clock, finished empty when the Job did
// not finish, pods the Pods created.
std::string jobsCsv(const std::vector<Run>& runs);

// An observed timeline analysed; titled after the Job.
Run runObserved(Timeline timeline);
// Observed Jobs (a recording of several): the aggregate of their runs, or with one timeline its
// run.
Run runObservedJobs(std::vector<Timeline> timelines);

// A run of an analysis made elsewhere (a test's or a benchmark's own), without its timeline.
// `end` is absolute; without it the run ends where runEnd puts it.
Run runOfAnalysis(Analysis analysis, Seconds origin, std::optional<Seconds> end = std::nullopt);

// The one rule for where a run ends: where observation (or the simulation) stopped, and never
// before the last thing the timeline records. Absolute, on the timeline's clock.
Seconds runEnd(const Timeline& timeline, const Analysis& analysis);

// Where the episode of the cause interval `index` ends: the end of the last interval of the
// chain it starts or belongs to (intervals that `continue` it), absolute.
Seconds episodeEnd(const Run& run, std::size_t index);

// The instants playback steps through: every row of the analysis and every Event, in seconds
// from the run's origin, sorted, each once.
std::vector<Seconds> runEventTimes(const Run& run);
// The instants where a cause comes or goes (an episode's start and end; a change of its
// numbers alone is no cause change), in seconds from the run's origin, sorted, each once.
std::vector<Seconds> runCauseChangeTimes(const Run& run);

// The position in run.analysis.pods of the Pod named `name`, or -1: a selection carried from
// one run of a document to the next follows the Pod, not its position.
int podIndexNamed(const Run& run, std::string_view name);

} // namespace jobscope
