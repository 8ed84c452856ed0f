// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lesson_run.h"

#include "run/moment.h"

#include <algorithm>
#include <cmath>

namespace jobscope {

namespace {

// The interval of the anchor's cause whose numbers describe `time`: the one in force then, or
// the last one to have started (a step at the end of an episode speaks of how it ended).
const CauseInterval* anchorIntervalAt(const Run& run, const CauseInterval* anchor, Seconds time) {
    if (!anchor)
        return nullptr;
    const CauseInterval* found = anchor;
    for (uint32_t i : run.intervalsByKind[static_cast<std::size_t>(anchor->kind)]) {
        const CauseInterval& c = run.analysis.causes[i];
        if (c.start - run.origin > time + kMomentTolerance)
            break;
        if (c.start >= anchor->start)
            found = &c;
    }
    return found;
}

} // namespace

SceneRun runScene(const LessonScene& scene) {
    SceneRun run;
    run.main = runScenario(scene.scenario.scenario);
    if (scene.compare)
        run.compare = runScenario(scene.compare->scenario);
    return run;
}

std::optional<Seconds> resolveStepTime(const StepAnchor& anchor, const Run& run,
                                       const CauseInterval** interval, Message& error) {
    if (interval)
        *interval = nullptr;
    switch (anchor.kind) {
    case StepAnchor::Kind::Time:
        return anchor.time;
    case StepAnchor::Kind::End:
        return std::max<Seconds>(0, run.end + anchor.plus);
    case StepAnchor::Kind::CauseStart:
    case StepAnchor::Kind::CauseEnd:
        // An anchor names a cause's episode: where it begins, or where its last interval ends.
        for (std::size_t i = 0; i < run.analysis.causes.size(); ++i) {
            const CauseInterval& c = run.analysis.causes[i];
            if (c.cause != anchor.cause || c.continues ||
                c.start - run.origin < anchor.after - kMomentTolerance)
                continue;
            if (interval)
                *interval = &c;
            const Seconds at =
                (anchor.kind == StepAnchor::Kind::CauseStart ? c.start : episodeEnd(run, i)) -
                run.origin;
            return std::max<Seconds>(0, at + anchor.plus);
        }
        if (anchor.after > 0)
            error = Message(
                JOBSCOPE_TR_NOOP("jobscope::engine",
                                 "the cause %1 does not occur at or after %2 s in this scene's "
                                 "simulation"),
                {anchor.cause, formatCaptionNumber(anchor.after)});
        else
            error =
                Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                         "the cause %1 does not occur in this scene's simulation"),
                        {anchor.cause});
        return std::nullopt;
    }
    return std::nullopt;
}

CaptionValues stepCaptionValues(const SceneRun& run, Seconds time, const CauseInterval* anchor) {
    CaptionValues values;
    const auto add = [&](const Run& r, const std::string& prefix, const CauseInterval* first) {
        const Moment moment = momentAt(r, time);
        CaptionInputs inputs;
        inputs.time = time;
        inputs.row = moment.row;
        inputs.completions = r.completions;
        if (first)
            inputs.causes.push_back(first);
        for (const MomentCause& c : moment.causes)
            if (c.interval && c.interval != first)
                inputs.causes.push_back(c.interval);
        inputs.summary = &r.summary;
        addCaptionValues(values, inputs, prefix);
    };
    add(run.main, {}, anchorIntervalAt(run.main, anchor, time));
    if (run.compare)
        add(*run.compare, "compare.", nullptr);
    return values;
}

std::optional<ResolvedStep> resolveStep(const LessonScene& scene, const SceneRun& run,
                                        std::size_t index, bool chinese,
                                        const std::string& lessonFile, Diagnostics& diagnostics) {
    const LessonStep& step = scene.steps.at(index);
    ResolvedStep out;
    Message why;
    const auto time = resolveStepTime(step.at, run.main, &out.anchor, why);
    if (!time) {
        diagnostics.error(lessonFile, step.atPosition, prefixedMessage("at: ", why));
        return std::nullopt;
    }
    out.time = *time;
    const bool useChinese = chinese && !step.captionZh.empty();
    const std::string& text = useChinese ? step.captionZh : step.caption;
    std::string error;
    const auto filled = fillCaption(text, stepCaptionValues(run, out.time, out.anchor), error);
    if (!filled) {
        diagnostics.error(lessonFile, useChinese ? step.captionZhPosition : step.captionPosition,
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1: %2 (at %3 s)"),
                                  {std::string(useChinese ? "captionZh" : "caption"), error,
                                   formatCaptionNumber(out.time)}));
        return std::nullopt;
    }
    out.caption = *filled;
    return out;
}

std::optional<std::vector<SceneRun>> checkLesson(const Lesson& lesson, Diagnostics& diagnostics) {
    const int errorsBefore = diagnostics.errorCount();
    std::vector<SceneRun> runs;
    runs.reserve(lesson.scenes.size());
    for (const LessonScene& scene : lesson.scenes) {
        runs.push_back(runScene(scene));
        for (std::size_t i = 0; i < scene.steps.size(); ++i) {
            // Report a bad anchor once, not once per language.
            if (!resolveStep(scene, runs.back(), i, false, lesson.file, diagnostics))
                continue;
            if (!scene.steps[i].captionZh.empty())
                resolveStep(scene, runs.back(), i, true, lesson.file, diagnostics);
        }
    }
    if (diagnostics.errorCount() != errorsBefore)
        return std::nullopt;
    return runs;
}

} // namespace jobscope
