// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A lesson: scenes shown one after the other, each a scenario (optionally a second
// one side by side) with steps — stop points on the scenario's timeline, each with a one-line
// caption in English and Chinese whose {placeholders} are filled from the simulated series at
// that moment. docs/lesson.md describes the file format for teachers.

#include "diagnostics.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace jobscope {

// Where on the timeline a step stops.
struct StepAnchor {
    enum class Kind {
        Time,       // `time` seconds after the Job's creation
        CauseStart, // the first start of `cause` at or after `after`, plus `plus`
        CauseEnd,   // the end of that interval, plus `plus`
        End,        // the end of the timeline, plus `plus` (which is then <= 0)
    };
    Kind kind = Kind::Time;
    Seconds time = 0;
    std::string cause;
    Seconds after = 0;
    Seconds plus = 0;
};

// What a step's caption claims, checked against the simulation when the lesson is read
// (checkLesson), so that no caption says what its run contradicts.
struct StepClaims {
    std::vector<std::string> causes;        // cause ids in force at the step (first scenario)
    std::vector<std::string> absent;        // cause ids not in force then
    std::vector<std::string> compareCauses; // in force in the compare scenario then
    // The next Pod is created this long after the step (within 0.5 s): seconds, or a
    // placeholder name whose value it is ("delay"); "none": no Pod is created after it.
    std::optional<std::string> nextCreation;
    SourcePosition position; // of `expect`
};

struct LessonStep {
    StepAnchor at;
    StepClaims expect;
    std::string caption;   // English template with {placeholders}
    std::string captionZh; // Simplified Chinese template ("" = show the English one)
    // What the presenter says at this step, for the presenter view only (free text).
    std::string notes;
    std::string notesZh;
    SourcePosition position;          // of the step
    SourcePosition atPosition;        // of its `at`
    SourcePosition captionPosition;   // of its `caption`
    SourcePosition captionZhPosition; // of its `captionZh`
};

struct LessonScenario {
    Scenario scenario;
    std::string source; // the scenario file it was read from; "" when inline
    SourcePosition position;
    // The scenario's YAML on its own (the file's text, or the inline mapping written out) and
    // the file its relative paths are read from: what presentation mode's knobs edit and run.
    std::string text;
    std::string textFile;
};

struct LessonScene {
    std::string title;
    std::string titleZh;
    std::string description; // a short line under the title ("" for none)
    std::string descriptionZh;
    // A slide of words instead of a run (title, agenda, takeaways, questions): its points in
    // order, and in Chinese (empty: the English ones). It has no scenario and one step.
    std::vector<std::string> points;
    std::vector<std::string> pointsZh;
    LessonScenario scenario;               // the timeline the steps stop on
    std::optional<LessonScenario> compare; // shown beside it, for trade-offs
    // The Pods (a Gantt chart) under the plot, on its time axis; not with `compare`.
    bool gantt = false;
    std::vector<LessonStep> steps;
    SourcePosition position;

    bool isText() const { return !points.empty(); }
};

struct Lesson {
    std::string file; // where it was read from
    std::string title;
    std::string titleZh;
    std::string description;
    std::string descriptionZh;
    std::vector<LessonScene> scenes;
};

// The text to show in one language: the Chinese one when `wantChinese` and it is not empty.
inline const std::string& localized(const std::string& english, const std::string& chinese,
                                    bool wantChinese) {
    return wantChinese && !chinese.empty() ? chinese : english;
}

} // namespace jobscope
