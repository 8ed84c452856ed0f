// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Playing a lesson: each scene's scenarios simulated and analysed, each step placed on the
// timeline (its anchor resolved) and its caption filled from the values at that moment. The
// slide renderer, presentation mode and `jobscope lesson` all read lessons through this.

#include "diagnostics.h"
#include "lesson/caption.h"
#include "lesson/lesson.h"
#include "run/run.h"
#include "timeline/timeline.h"

#include <optional>
#include <string>
#include <vector>

namespace jobscope {

struct SceneRun {
    Run main;
    std::optional<Run> compare;
};

// A scene of points runs nothing: its runs are empty.
SceneRun runScene(const LessonScene& scene);

// A step placed on its scene's timeline.
struct ResolvedStep {
    Seconds time = 0;                      // seconds since the Job's creation
    const CauseInterval* anchor = nullptr; // the interval a cause anchor names
    std::string caption;                   // filled, in the language asked for
};

// Where `step` stops on `run`; nullopt with `error` set when its cause never occurs at or
// after its `after` time.
std::optional<Seconds> resolveStepTime(const StepAnchor& anchor, const Run& run,
                                       const CauseInterval** interval, Message& error);

// The values a caption of a step at `time` can use, for both scenarios of the scene.
CaptionValues stepCaptionValues(const SceneRun& run, Seconds time,
                                const CauseInterval* anchor = nullptr);

// Resolves step `index` of `scene` and fills its caption (Chinese when `chinese` and given).
// On failure returns nullopt and reports at the step's position in `lessonFile`.
std::optional<ResolvedStep> resolveStep(const LessonScene& scene, const SceneRun& run,
                                        std::size_t index, bool chinese,
                                        const std::string& lessonFile, Diagnostics& diagnostics);

// Simulates every scene, resolves every step in both languages and checks its claims; reports
// each failure (and, as warnings, numbers a caption writes outside its placeholders).
// Returns the runs (one per scene) when nothing failed.
std::optional<std::vector<SceneRun>> checkLesson(const Lesson& lesson, Diagnostics& diagnostics);

} // namespace jobscope
