// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lesson_run.h"

#include "analysis/cause_catalogue.h"
#include "run/moment.h"
#include "scenario/scenario_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

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

// How far a step's nextCreation claim may be from when the next Pod is created: the
// simulation's timings in tenths of a second, as the calibration against real control planes.
constexpr Seconds kClaimTolerance = 0.5;

bool causeInForce(const Run& run, Seconds time, const std::string& id) {
    const Moment moment = momentAt(run, time);
    for (const MomentCause& c : moment.causes)
        if (id == causeId(c.kind))
            return true;
    return false;
}

std::string causesInForce(const Run& run, Seconds time) {
    std::string ids;
    for (const MomentCause& c : momentAt(run, time).causes)
        ids += (ids.empty() ? "" : ", ") + std::string(causeId(c.kind));
    return ids.empty() ? "none" : ids;
}

// Reports each claim of `step` (placed at `resolved.time`) that its scene's runs contradict.
void checkClaims(const LessonStep& step, const SceneRun& run, const ResolvedStep& resolved,
                 const std::string& lessonFile, Diagnostics& diagnostics) {
    const StepClaims& claims = step.expect;
    const Seconds t = resolved.time;
    const std::string at = formatCaptionNumber(t);
    auto report = [&](Message message) {
        diagnostics.error(lessonFile, claims.position, prefixedMessage("expect: ", message));
    };
    for (const std::string& id : claims.causes)
        if (!causeInForce(run.main, t, id))
            report(Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                            "the cause %1 is not in force at %2 s (in force: %3)"),
                           {id, at, causesInForce(run.main, t)}));
    for (const std::string& id : claims.absent)
        if (causeInForce(run.main, t, id))
            report(Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                            "the cause %1 is in force at %2 s, not absent"),
                           {id, at}));
    for (const std::string& id : claims.compareCauses)
        if (run.compare && !causeInForce(*run.compare, t, id))
            report(Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                            "the cause %1 is not in force in the compare scenario "
                                            "at %2 s (in force: %3)"),
                           {id, at, causesInForce(*run.compare, t)}));
    if (!claims.nextCreation)
        return;
    std::optional<Seconds> next;
    for (const PodLifecycle& pod : run.main.analysis.pods) {
        const Seconds created = pod.created - run.main.origin;
        if (created > t + kMomentTolerance && (!next || created < *next))
            next = created;
    }
    const std::string& claimed = *claims.nextCreation;
    if (claimed == "none") {
        if (next)
            report(Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                            "nextCreation: none, but a Pod is created at %1 s"),
                           {formatCaptionNumber(*next)}));
        return;
    }
    std::optional<Seconds> expected = parseDurationSeconds(claimed);
    std::string shown = claimed;
    if (!expected) {
        const CaptionValues values = stepCaptionValues(run, t, resolved.anchor);
        const auto it = values.find(claimed);
        if (it == values.end()) {
            report(Message(
                JOBSCOPE_TR_NOOP("jobscope::engine", "nextCreation: {%1} has no value at %2 s"),
                {claimed, at}));
            return;
        }
        expected = parseDurationSeconds(it->second);
        shown = "{" + claimed + "} = " + it->second;
    }
    if (!next)
        report(Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                        "nextCreation: %1 s, but no Pod is created after %2 s"),
                       {shown, at}));
    else if (!expected || std::abs((*next - t) - *expected) > kClaimTolerance)
        report(Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                        "nextCreation: %1 s, but the next Pod is created %2 s "
                                        "after the step (at %3 s)"),
                       {shown, formatCaptionNumber(*next - t), formatCaptionNumber(*next)}));
}

// A number written into a caption (outside its placeholders) holds for one run only: the first
// one found, or "".
std::string writtenNumber(const std::string& caption) {
    std::string error;
    std::size_t offset = 0;
    const auto placeholders = parseCaption(caption, error, offset);
    std::string bare;
    std::size_t from = 0;
    if (placeholders)
        for (const CaptionPlaceholder& p : *placeholders) {
            bare += caption.substr(from, p.offset - from) + " ";
            from = caption.find('}', p.offset) + 1;
        }
    bare += caption.substr(std::min(from, caption.size()));
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const auto first = std::find_if(bare.begin(), bare.end(), digit);
    if (first == bare.end())
        return {};
    const auto last =
        std::find_if_not(first, bare.end(), [&](char c) { return digit(c) || c == '.'; });
    return std::string(first, last);
}

void checkWrittenNumbers(const LessonStep& step, const std::string& lessonFile,
                         Diagnostics& diagnostics) {
    for (const auto& [caption, position, key] :
         {std::tuple{&step.caption, step.captionPosition, "caption"},
          std::tuple{&step.captionZh, step.captionZhPosition, "captionZh"}}) {
        const std::string number = writtenNumber(*caption);
        if (!number.empty())
            diagnostics.warning(
                lessonFile, position,
                Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                         "%1: the number %2 is written out; a caption's "
                                         "numbers come from placeholders ({time}, {active}, "
                                         "{delay} …) so that they hold for the run shown"),
                        {std::string(key), number}));
    }
}

} // namespace

SceneRun runScene(const LessonScene& scene) {
    SceneRun run;
    if (scene.isText())
        return run; // nothing runs on a slide of words
    run.main = runWholeScenario(scene.scenario.scenario);
    if (scene.compare)
        run.compare = runWholeScenario(scene.compare->scenario);
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
    if (scene.isText())
        return out; // at 0, no caption: the points are the slide
    Message why;
    std::optional<Seconds> time = resolveStepTime(step.at, run.main, &out.anchor, why);
    // Two runs side by side are over when both are: `end` waits for the longer one.
    if (time && step.at.kind == StepAnchor::Kind::End && run.compare)
        time = std::max(*time, std::max<Seconds>(0, run.compare->end + step.at.plus));
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
        if (scene.isText())
            continue;
        for (std::size_t i = 0; i < scene.steps.size(); ++i) {
            const LessonStep& step = scene.steps[i];
            checkWrittenNumbers(step, lesson.file, diagnostics);
            // Report a bad anchor once, not once per language.
            const auto resolved =
                resolveStep(scene, runs.back(), i, false, lesson.file, diagnostics);
            if (!resolved)
                continue;
            checkClaims(step, runs.back(), *resolved, lesson.file, diagnostics);
            if (!step.captionZh.empty())
                resolveStep(scene, runs.back(), i, true, lesson.file, diagnostics);
        }
    }
    if (diagnostics.errorCount() != errorsBefore)
        return std::nullopt;
    return runs;
}

} // namespace jobscope
