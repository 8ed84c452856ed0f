#include "lesson/lesson_run.h"

#include "sim/simulator.h"

#include <algorithm>
#include <cmath>

namespace jobscope {

namespace {

// Step times come from cause starts and row times, which are sums of doubles; a step at a row's
// time must see that row.
constexpr Seconds kTimeSlack = 1e-6;

} // namespace

ScenarioRun runScenario(const Scenario& scenario) {
    ScenarioRun run;
    SimulationStats stats;
    run.timeline = simulate(scenario, &stats);
    run.analysis = analyze(run.timeline);
    run.origin = run.timeline.start;
    const Seconds end = run.timeline.end.value_or(stats.end);
    run.end = end - run.origin;
    run.summary = summarize(run.analysis, run.origin, end);
    run.completions = scenario.job.spec.completions;
    return run;
}

SceneRun runScene(const LessonScene& scene) {
    SceneRun run;
    run.main = runScenario(scene.scenario.scenario);
    if (scene.compare)
        run.compare = runScenario(scene.compare->scenario);
    return run;
}

const SeriesRow* seriesRowAt(const ScenarioRun& run, Seconds time) {
    const auto& series = run.analysis.series;
    const auto after = std::upper_bound(
        series.begin(), series.end(), time + kTimeSlack,
        [&](Seconds t, const SeriesRow& row) { return t < row.time - run.origin; });
    return after == series.begin() ? nullptr : &*(after - 1);
}

std::vector<const CauseInterval*> causesAt(const ScenarioRun& run, Seconds time) {
    std::vector<const CauseInterval*> out;
    for (const CauseInterval& interval : run.analysis.causes) {
        const Seconds start = interval.start - run.origin;
        const Seconds end = interval.end - run.origin;
        if (start <= time + kTimeSlack && (time < end || std::fabs(start - time) <= kTimeSlack))
            out.push_back(&interval);
    }
    std::stable_partition(out.begin(), out.end(),
                          [](const CauseInterval* c) { return c->primary; });
    return out;
}

std::optional<Seconds> resolveStepTime(const StepAnchor& anchor, const ScenarioRun& run,
                                       const CauseInterval** interval, std::string& error) {
    if (interval)
        *interval = nullptr;
    switch (anchor.kind) {
    case StepAnchor::Kind::Time:
        return anchor.time;
    case StepAnchor::Kind::End:
        return std::max<Seconds>(0, run.end + anchor.plus);
    case StepAnchor::Kind::CauseStart:
    case StepAnchor::Kind::CauseEnd:
        for (const CauseInterval& c : run.analysis.causes) {
            if (c.cause != anchor.cause || c.start - run.origin < anchor.after - kTimeSlack)
                continue;
            if (interval)
                *interval = &c;
            const Seconds at =
                (anchor.kind == StepAnchor::Kind::CauseStart ? c.start : c.end) - run.origin;
            return std::max<Seconds>(0, at + anchor.plus);
        }
        error = "the cause " + anchor.cause + " does not occur" +
                (anchor.after > 0 ? " at or after " + formatCaptionNumber(anchor.after) + " s"
                                  : std::string()) +
                " in this scene's simulation";
        return std::nullopt;
    }
    return std::nullopt;
}

CaptionValues stepCaptionValues(const SceneRun& run, Seconds time, const CauseInterval* anchor) {
    CaptionValues values;
    const auto add = [&](const ScenarioRun& r, const std::string& prefix,
                         const CauseInterval* first) {
        CaptionInputs inputs;
        inputs.time = time;
        inputs.row = seriesRowAt(r, time);
        inputs.completions = r.completions;
        if (first)
            inputs.causes.push_back(first);
        for (const CauseInterval* c : causesAt(r, time))
            if (c != first)
                inputs.causes.push_back(c);
        inputs.summary = &r.summary;
        addCaptionValues(values, inputs, prefix);
    };
    add(run.main, {}, anchor);
    if (run.compare)
        add(*run.compare, "compare.", nullptr);
    return values;
}

std::optional<ResolvedStep> resolveStep(const LessonScene& scene, const SceneRun& run,
                                        std::size_t index, bool chinese,
                                        const std::string& lessonFile, Diagnostics& diagnostics) {
    const LessonStep& step = scene.steps.at(index);
    ResolvedStep out;
    std::string error;
    const auto time = resolveStepTime(step.at, run.main, &out.anchor, error);
    if (!time) {
        diagnostics.error(lessonFile, step.atPosition, "at: " + error);
        return std::nullopt;
    }
    out.time = *time;
    const bool useChinese = chinese && !step.captionZh.empty();
    const std::string& text = useChinese ? step.captionZh : step.caption;
    const auto filled = fillCaption(text, stepCaptionValues(run, out.time, out.anchor), error);
    if (!filled) {
        diagnostics.error(lessonFile, useChinese ? step.captionZhPosition : step.captionPosition,
                          std::string(useChinese ? "captionZh" : "caption") + ": " + error +
                              " (at " + formatCaptionNumber(out.time) + " s)");
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
