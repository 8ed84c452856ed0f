#pragma once
// Playing a lesson: each scene's scenarios simulated and analysed, each step placed on the
// timeline (its anchor resolved) and its caption filled from the values at that moment. The
// slide renderer, presentation mode and `jobscope lesson` all read lessons through this.

#include "analysis/analysis.h"
#include "analysis/summary.h"
#include "diagnostics.h"
#include "lesson/caption.h"
#include "lesson/lesson.h"
#include "timeline/timeline.h"

#include <optional>
#include <string>
#include <vector>

namespace jobscope {

// One scenario simulated: what the plot and the captions read.
struct ScenarioRun {
    Timeline timeline;
    Analysis analysis;
    RunSummary summary;
    Seconds origin = 0; // the Job's creation (times in captions are relative to it)
    Seconds end = 0;    // the timeline's end, relative to origin
    std::optional<int32_t> completions;
};

struct SceneRun {
    ScenarioRun main;
    std::optional<ScenarioRun> compare;
};

ScenarioRun runScenario(const Scenario& scenario);
SceneRun runScene(const LessonScene& scene);

// The series row in force at `time` (seconds since origin): the last with row.time - origin
// <= time; nullptr before the first.
const SeriesRow* seriesRowAt(const ScenarioRun& run, Seconds time);
// The cause intervals in force at `time` (start <= time < end, or starting exactly then),
// primary ones first.
std::vector<const CauseInterval*> causesAt(const ScenarioRun& run, Seconds time);

// A step placed on its scene's timeline.
struct ResolvedStep {
    Seconds time = 0;                      // seconds since the Job's creation
    const CauseInterval* anchor = nullptr; // the interval a cause anchor names
    std::string caption;                   // filled, in the language asked for
};

// Where `step` stops on `run`; nullopt with `error` set when its cause never occurs at or
// after its `after` time.
std::optional<Seconds> resolveStepTime(const StepAnchor& anchor, const ScenarioRun& run,
                                       const CauseInterval** interval, std::string& error);

// The values a caption of a step at `time` can use, for both scenarios of the scene.
CaptionValues stepCaptionValues(const SceneRun& run, Seconds time,
                                const CauseInterval* anchor = nullptr);

// Resolves step `index` of `scene` and fills its caption (Chinese when `chinese` and given).
// On failure returns nullopt and reports at the step's position in `lessonFile`.
std::optional<ResolvedStep> resolveStep(const LessonScene& scene, const SceneRun& run,
                                        std::size_t index, bool chinese,
                                        const std::string& lessonFile, Diagnostics& diagnostics);

// Simulates every scene and resolves every step in both languages; reports each failure.
// Returns the runs (one per scene) when nothing failed.
std::optional<std::vector<SceneRun>> checkLesson(const Lesson& lesson, Diagnostics& diagnostics);

} // namespace jobscope
