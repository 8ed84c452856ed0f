// SPDX-License-Identifier: GPL-3.0-or-later
// Lessons: the built-in lesson loads, every scene simulates and covers the subject,
// every caption shows the numbers of the simulated series at its step, and bad lesson files
// get positioned messages.

#include "analysis/summary.h"
#include "lesson/caption.h"
#include "lesson/lesson_reader.h"
#include "lesson/lesson_run.h"
#include "support/test_paths.h"

#include <QRegularExpression>
#include <QTest>

#include <set>

using namespace jobscope;

namespace {

std::string builtInLessonPath() {
    return (test::sourceDir() + QStringLiteral("/resources/lessons/job-parallelism.yaml"))
        .toStdString();
}

std::string example(const char* name) {
    return (test::sourceDir() + QStringLiteral("/resources/examples/") + QLatin1String(name))
        .toStdString();
}

QString messages(const Diagnostics& diagnostics) {
    return QString::fromStdString(diagnostics.format());
}

// The row in force at `time`, found here independently of lesson_run.
const SeriesRow* rowAt(const Run& run, double time) {
    const SeriesRow* found = nullptr;
    for (const SeriesRow& row : run.analysis.series)
        if (row.time - run.origin <= time + 1e-6)
            found = &row;
    return found;
}

// What a series placeholder must show at `time`, or nullopt for other placeholders.
std::optional<std::string> expectedSeriesValue(const std::string& name, const Run& run,
                                               double time) {
    const SeriesRow* row = rowAt(run, time);
    if (name == "time")
        return formatCaptionNumber(time);
    if (!row)
        return std::nullopt;
    const std::map<std::string, int32_t> columns = {{"requested", row->requested},
                                                    {"wantActive", row->wantActive},
                                                    {"active", row->active},
                                                    {"ready", row->ready},
                                                    {"running", row->running},
                                                    {"pending", row->pending},
                                                    {"terminating", row->terminating},
                                                    {"succeeded", row->succeeded},
                                                    {"failed", row->failed}};
    if (auto it = columns.find(name); it != columns.end())
        return std::to_string(it->second);
    if (name == "completions" && run.completions)
        return std::to_string(*run.completions);
    if (name == "remaining" && run.completions)
        return std::to_string(*run.completions - row->succeeded);
    return std::nullopt;
}

// Every value a cause parameter placeholder may show at `time`: the params of the intervals
// in force then.
// The values of parameter `key` of the causes in force at `time`, or ending right then (a step
// anchored at a cause's end speaks of the interval that just ended).
std::set<std::string> causeParamValues(const std::string& key, const Run& run, double time) {
    std::set<std::string> out;
    for (const CauseInterval& c : run.analysis.causes) {
        const double start = c.start - run.origin;
        const double end = c.end - run.origin;
        if (start > time + 1e-6 || (end < time - 1e-6 && std::abs(start - time) > 1e-6))
            continue;
        for (const CauseParam& p : c.params)
            if (p.key == key)
                out.insert(p.text.empty() ? formatCaptionNumber(p.value) : p.text);
    }
    return out;
}

std::optional<std::string> expectedSummaryValue(const std::string& name, const Run& run) {
    const RunSummary s =
        summarize(run.analysis, run.timeline.events, run.origin, run.origin + run.end);
    if (name == "finishedAt" && s.finishedAt)
        return formatCaptionNumber(*s.finishedAt);
    if (name == "podSeconds")
        return formatCaptionNumber(std::round(s.podSeconds));
    if (name == "podsCreated")
        return std::to_string(s.podsCreated);
    if (name == "podsFailed")
        return std::to_string(s.podsFailed);
    if (name == "peakActive")
        return std::to_string(s.peakActive);
    if (name == "jobs")
        return std::to_string(run.jobs.empty() ? 1 : run.jobs.size());
    return std::nullopt;
}

} // namespace

class TestLesson : public QObject {
    Q_OBJECT

private slots:
    void builtInLessonLoadsAndSimulates();
    void builtInLessonCoversEveryCause();
    void captionNumbersMatchTheSeries();
    void fillCaption_data();
    void fillCaption();
    void badLesson_data();
    void badLesson();
    void claimsTheRunContradicts();
    void anchorThatNeverHappens();
    void inlineScenarioAndAnchors();
    void resolvePath_data();
    void resolvePath();
};

void TestLesson::builtInLessonLoadsAndSimulates() {
    Diagnostics diagnostics;
    const auto lesson = readLessonFile(builtInLessonPath(), diagnostics);
    QVERIFY2(lesson, qPrintable(messages(diagnostics)));
    QVERIFY2(!diagnostics.hasErrors(), qPrintable(messages(diagnostics)));
    QVERIFY(!lesson->title.empty() && !lesson->titleZh.empty());
    QVERIFY(lesson->scenes.size() >= 10);
    const auto runs = checkLesson(*lesson, diagnostics);
    QVERIFY2(runs, qPrintable(messages(diagnostics)));
    QCOMPARE(runs->size(), lesson->scenes.size());
    // Some steps carry speaker notes, in both languages.
    int notes = 0;
    for (const LessonScene& scene : lesson->scenes)
        for (const LessonStep& step : scene.steps)
            if (!step.notes.empty()) {
                QVERIFY2(!step.notesZh.empty(), step.notes.c_str());
                ++notes;
            }
    QVERIFY(notes >= 5);
    // Every number a caption shows comes from a placeholder, in both languages.
    QVERIFY2(diagnostics.items().empty(), qPrintable(messages(diagnostics)));
    // The steps that explain a shortfall say which cause they mean, and it holds.
    int claims = 0;
    for (const LessonScene& scene : lesson->scenes)
        for (const LessonStep& step : scene.steps)
            claims += !step.expect.causes.empty() || !step.expect.absent.empty() ||
                      !step.expect.compareCauses.empty() || step.expect.nextCreation.has_value();
    QVERIFY2(claims >= 25, qPrintable(QString::number(claims)));
    for (size_t i = 0; i < lesson->scenes.size(); ++i) {
        const LessonScene& scene = lesson->scenes[i];
        const QByteArray name = QByteArray::fromStdString(scene.title);
        QVERIFY2(!scene.titleZh.empty(), name);
        QVERIFY2(!scene.steps.empty(), name);
        if (scene.isText()) {
            // A slide of words: one step, its points in both languages, nothing run.
            QCOMPARE(scene.steps.size(), size_t{1});
            QCOMPARE(scene.pointsZh.size(), scene.points.size());
            QVERIFY2(!(*runs)[i].compare && (*runs)[i].main.analysis.series.empty(), name);
            continue;
        }
        for (const LessonStep& step : scene.steps) {
            QVERIFY2(!step.caption.empty() && !step.captionZh.empty(), name);
            // One short sentence each: a caption is read from the back of a room.
            QVERIFY2(step.caption.size() <= 160, step.caption.c_str());
        }
        const SceneRun& run = (*runs)[i];
        QVERIFY2(!run.main.analysis.series.empty(), name);
        QVERIFY2(run.main.end > 0, name);
        QCOMPARE(run.compare.has_value(), scene.compare.has_value());
        // Steps go forward in time within a scene.
        double previous = -1;
        for (size_t s = 0; s < scene.steps.size(); ++s) {
            const auto resolved = resolveStep(scene, run, s, false, lesson->file, diagnostics);
            QVERIFY2(resolved, qPrintable(messages(diagnostics)));
            QVERIFY2(resolved->time >= previous, name);
            // ... and stay within it (two runs side by side: within the longer one).
            const double end = std::max(run.main.end, run.compare ? run.compare->end : 0.0);
            QVERIFY2(resolved->time <= std::max(end, 0.0) + 1e-9, name);
            if (scene.steps[s].at.kind == StepAnchor::Kind::End)
                QCOMPARE(resolved->time, end);
            previous = resolved->time;
        }
    }
}

void TestLesson::builtInLessonCoversEveryCause() {
    Diagnostics diagnostics;
    const auto lesson = readLessonFile(builtInLessonPath(), diagnostics);
    QVERIFY2(lesson, qPrintable(messages(diagnostics)));
    const auto runs = checkLesson(*lesson, diagnostics);
    QVERIFY2(runs, qPrintable(messages(diagnostics)));
    std::set<std::string> seen;
    std::set<std::string> policies;
    bool sideBySide = false;
    for (size_t i = 0; i < runs->size(); ++i) {
        for (const Run* run :
             {&(*runs)[i].main, (*runs)[i].compare ? &*(*runs)[i].compare : nullptr}) {
            if (!run)
                continue;
            for (const CauseInterval& c : run->analysis.causes)
                seen.insert(c.cause);
        }
        sideBySide = sideBySide || (*runs)[i].compare.has_value();
        for (const auto* s : {&lesson->scenes[i].scenario,
                              lesson->scenes[i].compare ? &*lesson->scenes[i].compare : nullptr})
            if (s && s->scenario.job.spec.podReplacementPolicy)
                policies.insert(*s->scenario.job.spec.podReplacementPolicy);
    }
    for (const char* id : {"remaining-completions", "work-queue-draining", "controller-lag",
                           "quota-exceeded", "creation-forbidden", "failure-backoff", "terminating",
                           "pending", "suspended", "finished"})
        QVERIFY2(seen.count(id), id);
    QVERIFY(sideBySide);
    QVERIFY(policies.count("Failed"));
    QVERIFY(policies.count("TerminatingOrFailed"));

    // The recap plays the causes on one timeline: most of them in its one scenario.
    std::set<std::string> recap;
    const auto recapScene =
        std::find_if(lesson->scenes.begin(), lesson->scenes.end(),
                     [](const LessonScene& s) { return s.title.rfind("Recap", 0) == 0; });
    QVERIFY(recapScene != lesson->scenes.end());
    for (const CauseInterval& c :
         (*runs)[static_cast<size_t>(recapScene - lesson->scenes.begin())].main.analysis.causes)
        recap.insert(c.cause);
    // It opens with what the lesson covers and closes with the decision summary, what to take
    // home and questions for the room: slides of words.
    QVERIFY(lesson->scenes.front().isText());
    QVERIFY(lesson->scenes.back().isText());
    QVERIFY(lesson->scenes.size() > 3 && lesson->scenes[lesson->scenes.size() - 3].isText());
    QVERIFY2(recap.size() >= 8, qPrintable(QString::number(recap.size())));
}

void TestLesson::captionNumbersMatchTheSeries() {
    Diagnostics diagnostics;
    const auto lesson = readLessonFile(builtInLessonPath(), diagnostics);
    QVERIFY2(lesson, qPrintable(messages(diagnostics)));
    const auto runs = checkLesson(*lesson, diagnostics);
    QVERIFY2(runs, qPrintable(messages(diagnostics)));
    int checkedNumbers = 0;
    for (size_t i = 0; i < lesson->scenes.size(); ++i) {
        const LessonScene& scene = lesson->scenes[i];
        const SceneRun& run = (*runs)[i];
        if (scene.isText())
            continue;
        for (size_t s = 0; s < scene.steps.size(); ++s) {
            for (const bool chinese : {false, true}) {
                const std::string& text =
                    chinese ? scene.steps[s].captionZh : scene.steps[s].caption;
                const auto resolved =
                    resolveStep(scene, run, s, chinese, lesson->file, diagnostics);
                QVERIFY2(resolved, qPrintable(messages(diagnostics)));
                const QString where = QStringLiteral("scene %1 step %2 %3: %4")
                                          .arg(i + 1)
                                          .arg(s + 1)
                                          .arg(chinese ? "zh" : "en")
                                          .arg(QString::fromStdString(resolved->caption));
                // The template as a pattern: literal text, each placeholder a group.
                std::string error;
                size_t offset = 0;
                const auto placeholders = parseCaption(text, error, offset);
                QVERIFY2(placeholders, error.c_str());
                QString pattern = QStringLiteral("^");
                size_t from = 0;
                for (const CaptionPlaceholder& p : *placeholders) {
                    QString literal = QString::fromStdString(text.substr(from, p.offset - from));
                    literal.replace(QStringLiteral("{{"), QStringLiteral("{"));
                    literal.replace(QStringLiteral("}}"), QStringLiteral("}"));
                    pattern += QRegularExpression::escape(literal) + QStringLiteral("(.+?)");
                    from = p.offset + p.name.size() + 2;
                }
                pattern += QRegularExpression::escape(QString::fromStdString(text.substr(from))) +
                           QStringLiteral("$");
                const QRegularExpressionMatch match =
                    QRegularExpression(pattern).match(QString::fromStdString(resolved->caption));
                QVERIFY2(match.hasMatch(), qPrintable(where));
                for (size_t k = 0; k < placeholders->size(); ++k) {
                    std::string name = (*placeholders)[k].name;
                    const Run* target = &run.main;
                    if (name.rfind("compare.", 0) == 0) {
                        QVERIFY2(run.compare, qPrintable(where));
                        target = &*run.compare;
                        name = name.substr(8);
                    }
                    const std::string shown = match.captured(static_cast<int>(k) + 1).toStdString();
                    if (auto want = expectedSeriesValue(name, *target, resolved->time)) {
                        QVERIFY2(shown == *want,
                                 qPrintable(where + QStringLiteral(": {%1} shows %2, series has %3")
                                                        .arg(QString::fromStdString(name),
                                                             QString::fromStdString(shown),
                                                             QString::fromStdString(*want))));
                    } else if (auto summary = expectedSummaryValue(name, *target)) {
                        QVERIFY2(shown == *summary, qPrintable(where));
                    } else {
                        const auto values = causeParamValues(name, *target, resolved->time);
                        QVERIFY2(values.count(shown),
                                 qPrintable(where + QStringLiteral(": {%1} = %2 is no parameter "
                                                                   "of a cause in force")
                                                        .arg(QString::fromStdString(name),
                                                             QString::fromStdString(shown))));
                    }
                    ++checkedNumbers;
                }
            }
        }
    }
    QVERIFY(checkedNumbers > 100);
}

void TestLesson::fillCaption_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // "" when an error is expected
    QTest::addColumn<QString>("error");

    QTest::newRow("series values") << "{active} of {requested} Pods run"
                                   << "3 of 6 Pods run"
                                   << "";
    QTest::newRow("remaining from completions") << "{remaining} of {completions} remain"
                                                << "7 of 10 remain"
                                                << "";
    QTest::newRow("cause parameter") << "quota {quota}, refused {refused}"
                                     << "quota 2, refused 5"
                                     << "";
    QTest::newRow("series wins over a cause parameter of the same name") << "{active}"
                                                                         << "3"
                                                                         << "";
    QTest::newRow("time with a decimal") << "at {time} s"
                                         << "at 12.3 s"
                                         << "";
    QTest::newRow("summary") << "done at {finishedAt} s, {podSeconds} Pod-seconds"
                             << "done at 40 s, 123 Pod-seconds"
                             << "";
    QTest::newRow("braces") << "{{active}} is {active}"
                            << "{active} is 3"
                            << "";
    QTest::newRow("unknown") << "{actve}"
                             << ""
                             << "unknown placeholder {actve}";
    QTest::newRow("parameter of a cause not in force")
        << "{delay}"
        << ""
        << "{delay} has no value at this step: no cause";
    QTest::newRow("compare without a second run") << "{compare.active}"
                                                  << ""
                                                  << "{compare.active} has no value";
    QTest::newRow("unclosed") << "{active"
                              << ""
                              << "without its '}'";
    QTest::newRow("stray close") << "active}"
                                 << ""
                                 << "without its '{'";
    QTest::newRow("empty name") << "{}"
                                << ""
                                << "is not a placeholder name";
}

void TestLesson::fillCaption() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    SeriesRow row;
    row.time = 112.3; // the origin is 100
    row.requested = 6;
    row.active = 3;
    row.succeeded = 3;
    CauseInterval quota;
    quota.cause = "quota-exceeded";
    quota.params = {{"quota", 2, {}}, {"refused", 5, {}}, {"active", 9, {}}};
    RunSummary summary;
    summary.finishedAt = 40.0;
    summary.podSeconds = 122.6;
    CaptionInputs inputs;
    inputs.time = 12.3;
    row.remaining = 10 - row.succeeded;
    inputs.row = &row;
    inputs.completions = 10;
    inputs.causes = {&quota};
    inputs.summary = &summary;
    CaptionValues values;
    addCaptionValues(values, inputs);
    std::string why;
    const auto filled = jobscope::fillCaption(text.toStdString(), values, why);
    if (error.isEmpty()) {
        QVERIFY2(filled, why.c_str());
        QCOMPARE(QString::fromStdString(*filled), expected);
    } else {
        QVERIFY(!filled);
        QVERIFY2(QString::fromStdString(why).contains(error), why.c_str());
    }
}

void TestLesson::badLesson_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("where"); // "LINE:COLUMN"
    QTest::addColumn<QString>("message");

    const QString quota = QString::fromStdString(example("causes/quota-exceeded.yaml"));
    const QString head = QStringLiteral("title: T\nscenes:\n- title: S\n  scenario: ") + quota +
                         QStringLiteral("\n  steps:\n");

    QTest::newRow("not a mapping") << "- a\n"
                                   << "1:1"
                                   << "a lesson is a mapping";
    QTest::newRow("no scenes") << "title: T\n"
                               << "1:1"
                               << "scenes: Required value";
    QTest::newRow("no title") << "scenes: []\n"
                              << "1:1"
                              << "title: Required value";
    QTest::newRow("misspelt key") << "title: T\nscens: []\n"
                                  << "2:1"
                                  << "did you mean";
    QTest::newRow("syntax error") << "title: [T\n"
                                  << ""
                                  << "error";
    QTest::newRow("gantt beside compare")
        << head.left(head.indexOf("\n  steps:")) + QStringLiteral("\n  compare: ") + quota +
               QStringLiteral("\n  gantt: true\n  steps: [{at: 1, caption: x}]\n")
        << "6:10"
        << "scenes[0].gantt: two runs side by side leave no room";
    QTest::newRow("gantt not a boolean")
        << head.left(head.indexOf("\n  steps:")) +
               QStringLiteral("\n  gantt: maybe\n  steps: [{at: 1, caption: x}]\n")
        << "5:10"
        << "scenes[0].gantt";
    QTest::newRow("scene without scenario")
        << "title: T\nscenes:\n- title: S\n  steps: [{at: 1, caption: x}]\n"
        << "3:3"
        << "scenes[0].scenario: Required value";
    QTest::newRow("scenario file missing")
        << "title: T\nscenes:\n- title: S\n  scenario: nowhere.yaml\n  steps: [{at: 1, caption: "
           "x}]\n"
        << "4:13"
        << "cannot read";
    QTest::newRow("no steps") << QStringLiteral("title: T\nscenes:\n- title: S\n  scenario: ") +
                                     quota + QStringLiteral("\n")
                              << "3:3"
                              << "steps: Required value";
    QTest::newRow("unknown placeholder") << head + "  - at: 5\n    caption: \"{actve} Pods\"\n"
                                         << "7:14"
                                         << "unknown placeholder {actve}; did you mean {active}?";
    QTest::newRow("unknown placeholder in Chinese")
        << head + "  - at: 5\n    caption: x\n    captionZh: \"{qouta} 个\"\n"
        << "8:16"
        << "steps[0].captionZh: unknown placeholder {qouta}";
    QTest::newRow("compare placeholder without compare")
        << head + "  - at: 5\n    caption: \"{compare.active}\"\n"
        << "7:14"
        << "needs a compare: scenario";
    QTest::newRow("unclosed brace") << head + "  - at: 5\n    caption: \"{active Pods\"\n"
                                    << "7:14"
                                    << "without its '}'";
    QTest::newRow("bad time") << head + "  - at: soon\n    caption: x\n"
                              << "6:9"
                              << "steps[0].at: Invalid value: \"soon\"";
    QTest::newRow("unknown cause") << head + "  - at: {cause-start: quota}\n    caption: x\n"
                                   << "6:23"
                                   << "Unsupported value: \"quota\"";
    QTest::newRow("two anchors")
        << head + "  - at: {cause-start: pending, cause-end: pending}\n    caption: x\n"
        << "6:9"
        << "exactly one of";
    QTest::newRow("plus after the end") << head + "  - at: {end: ~, plus: 3}\n    caption: x\n"
                                        << "6:24"
                                        << "must not be after the end";
    QTest::newRow("claim of an unknown cause")
        << head + "  - at: 5\n    caption: x\n    expect: {causes: [qouta-exceeded]}\n"
        << "8:23"
        << "steps[0].expect.causes[0]: Unsupported value: \"qouta-exceeded\"";
    QTest::newRow("claim of a misspelt kind")
        << head + "  - at: 5\n    caption: x\n    expect: {cause: [pending]}\n"
        << "8:14"
        << "steps[0].expect.cause: unknown field \"cause\" (did you mean \"causes\"?)";
    QTest::newRow("nextCreation neither seconds nor a placeholder")
        << head + "  - at: 5\n    caption: x\n    expect: {nextCreation: soon}\n"
        << "8:28"
        << "must be seconds, a placeholder name such as delay, or none";
    QTest::newRow("compare claim without compare")
        << head + "  - at: 5\n    caption: x\n    expect: {compareCauses: [pending]}\n"
        << "8:29"
        << "compareCauses: needs a compare: scenario";
    QTest::newRow("points and a scenario")
        << QStringLiteral("title: T\nscenes:\n- title: S\n  points: [a]\n  scenario: ") + quota +
               QStringLiteral("\n")
        << "5:13"
        << "scenes[0].scenario: a scene of points has no scenario";
    QTest::newRow("points and steps")
        << "title: T\nscenes:\n- title: S\n  points: [a, b]\n  steps: [{at: 1, caption: x}]\n"
        << "5:10"
        << "scenes[0].steps: a scene of points has no steps";
    QTest::newRow("no points") << "title: T\nscenes:\n- title: S\n  points: []\n"
                               << "4:11"
                               << "scenes[0].points: Required value";
    QTest::newRow("Chinese points of another count")
        << "title: T\nscenes:\n- title: S\n  points: [a, b]\n  pointsZh: [甲]\n"
        << "5:13"
        << "scenes[0].pointsZh: 1 points, but points has 2";
    QTest::newRow("notes on a scene that runs")
        << head.left(head.indexOf(QStringLiteral("  steps:"))) +
               QStringLiteral("  notes: hi\n  steps: [{at: 1, caption: x}]\n")
        << "5:10"
        << "scenes[0].notes: notes belong to the steps of a scene that runs";
    QTest::newRow("step without caption") << head + "  - at: 5\n"
                                          << "6:5"
                                          << "steps[0].caption: Required value";
    QTest::newRow("error inside an inline scenario points into the lesson")
        << "title: T\nscenes:\n- title: S\n  scenario:\n    job:\n      apiVersion: batch/v1\n"
           "      kind: Job\n      metadata: {name: x}\n      spec:\n        parallelism: -1\n"
           "        template:\n          spec:\n            restartPolicy: Never\n"
           "            containers: [{name: c, image: i}]\n  steps: [{at: 1, caption: x}]\n"
        << "10:22"
        << "parallelism";
    QTest::newRow("error inside a scenario file names that file")
        << QStringLiteral("title: T\nscenes:\n- title: S\n  scenario: ") +
               QString::fromStdString(example("../../tests/data/scenarios")) +
               QStringLiteral("/does-not-exist.yaml\n  steps: [{at: 1, caption: x}]\n")
        << "4:13"
        << "cannot read";
}

void TestLesson::badLesson() {
    QFETCH(QString, text);
    QFETCH(QString, where);
    QFETCH(QString, message);
    Diagnostics diagnostics;
    const auto lesson = readLessonText(text.toStdString(), "lesson.yaml", diagnostics);
    QVERIFY(!lesson);
    QVERIFY(diagnostics.hasErrors());
    const QString all = messages(diagnostics);
    const QString prefix = where.isEmpty() ? QStringLiteral("lesson.yaml:")
                                           : QStringLiteral("lesson.yaml:%1: error: ").arg(where);
    bool found = false;
    for (const Diagnostic& d : diagnostics.items()) {
        const QString line = QString::fromStdString(d.format());
        if (line.startsWith(prefix) && line.contains(message))
            found = true;
    }
    QVERIFY2(found, qPrintable(QStringLiteral("want %1…%2, got:\n%3").arg(prefix, message, all)));
}

// A step's claims are checked against its run: a cause said to hold that does not, one said to
// be absent that holds, a next Pod that comes at another time or not at all — each an error at
// the step's `expect`, with what the run shows. A number written into a caption is a warning.
void TestLesson::claimsTheRunContradicts() {
    const std::string text =
        "title: T\nscenes:\n- title: S\n  scenario: " + example("causes/failure-backoff.yaml") +
        "\n  steps:\n"
        "  - at: {cause-start: failure-backoff}\n    caption: \"wait {delay} s\"\n"
        "    expect: {causes: [failure-backoff], absent: [pending], nextCreation: delay}\n"
        "  - at: 27\n    caption: \"the wait is {delay} s\"\n"
        "    expect: {causes: [quota-exceeded], absent: [failure-backoff], nextCreation: delay}\n"
        "  - at: 50\n    caption: \"done after 3 failures\"\n    expect: {nextCreation: 2}\n";
    Diagnostics diagnostics;
    const auto lesson = readLessonText(text, "lesson.yaml", diagnostics);
    QVERIFY2(lesson, qPrintable(messages(diagnostics)));
    QVERIFY(!checkLesson(*lesson, diagnostics));
    const QString all = messages(diagnostics);
    // The first step's claims hold: 20 s of backoff from 3.2 s, the replacements at 22.8 s.
    QVERIFY2(!all.contains("lesson.yaml:8:"), qPrintable(all));
    for (const char* want :
         {"lesson.yaml:11:13: error: expect: the cause quota-exceeded is not in force at 27 s "
          "(in force: failure-backoff)",
          "lesson.yaml:11:13: error: expect: the cause failure-backoff is in force at 27 s, not "
          "absent",
          // A success at 34 s resets the count: the replacement comes at 35 s, not after 40 s.
          "lesson.yaml:11:13: error: expect: nextCreation: {delay} = 40 s, but the next Pod is "
          "created 8 s after the step (at 35 s)",
          "lesson.yaml:14:13: error: expect: nextCreation: 2 s, but no Pod is created after 50 s",
          "lesson.yaml:13:14: warning: caption: the number 3 is written out"})
        QVERIFY2(all.contains(want),
                 qPrintable(QStringLiteral("want %1, got:\n%2").arg(want, all)));
}

void TestLesson::anchorThatNeverHappens() {
    const std::string text =
        "title: T\nscenes:\n- title: S\n  scenario: " + example("patterns/non-parallel.yaml") +
        "\n  steps:\n  - at: 5\n    caption: ok\n"
        "  - at: {cause-start: quota-exceeded}\n    caption: \"{quota}\"\n"
        "  - at: 6\n    caption: \"{quota} Pods\"\n";
    Diagnostics diagnostics;
    const auto lesson = readLessonText(text, "lesson.yaml", diagnostics);
    QVERIFY2(lesson, qPrintable(messages(diagnostics)));
    QVERIFY(!checkLesson(*lesson, diagnostics));
    const QString all = messages(diagnostics);
    QVERIFY2(all.contains("lesson.yaml:8:9: error: at: the cause quota-exceeded does not occur"),
             qPrintable(all));
    QVERIFY2(all.contains("lesson.yaml:11:14: error: caption: {quota} has no value at this step"),
             qPrintable(all));
}

void TestLesson::inlineScenarioAndAnchors() {
    // An inline scenario, a cause-end anchor with an offset, the end with a negative offset.
    const std::string text = R"(title: T
scenes:
- title: Inline
  scenario:
    stopAt: 60
    job:
      apiVersion: batch/v1
      kind: Job
      metadata: {name: inline}
      spec:
        completions: 5
        parallelism: 4
        template:
          spec:
            restartPolicy: Never
            containers: [{name: w, image: i}]
    runTime: 20
  steps:
  - at: {cause-start: remaining-completions, plus: 2}
    caption: "{wantActive} missing, {active} of {requested} run"
  - at: {cause-end: remaining-completions}
    caption: "{time}"
  - at: {end: ~, plus: -1}
    caption: "{succeeded} of {completions}"
)";
    Diagnostics diagnostics;
    const auto lesson = readLessonText(text, "lesson.yaml", diagnostics);
    QVERIFY2(lesson, qPrintable(messages(diagnostics)));
    QVERIFY(lesson->scenes[0].scenario.source.empty());
    const auto runs = checkLesson(*lesson, diagnostics);
    QVERIFY2(runs, qPrintable(messages(diagnostics)));
    const SceneRun& run = runs->front();
    const CauseInterval* remaining = nullptr;
    for (const CauseInterval& c : run.main.analysis.causes)
        if (c.cause == "remaining-completions" && !remaining)
            remaining = &c;
    QVERIFY(remaining);
    const auto first = resolveStep(lesson->scenes[0], run, 0, false, "lesson.yaml", diagnostics);
    QVERIFY(first);
    QCOMPARE(first->time, remaining->start - run.main.origin + 2);
    QCOMPARE(first->caption, std::string("1 missing, 1 of 4 run"));
    const auto second = resolveStep(lesson->scenes[0], run, 1, false, "lesson.yaml", diagnostics);
    QVERIFY(second);
    // A cause-end anchor is the end of the cause's whole episode.
    QCOMPARE(second->time, episodeEnd(run.main, static_cast<std::size_t>(
                                                    remaining - run.main.analysis.causes.data())) -
                               run.main.origin);
    const auto last = resolveStep(lesson->scenes[0], run, 2, false, "lesson.yaml", diagnostics);
    QVERIFY(last);
    QCOMPARE(last->time, run.main.end - 1);
    const SeriesRow* row = rowAt(run.main, last->time);
    QVERIFY(row);
    QCOMPARE(QString::fromStdString(last->caption), QStringLiteral("%1 of 5").arg(row->succeeded));
}

void TestLesson::resolvePath_data() {
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sibling") << "/a/b/l.yaml"
                             << "s.yaml"
                             << "/a/b/s.yaml";
    QTest::newRow("up") << "/a/lessons/l.yaml"
                        << "../examples/x.yaml"
                        << "/a/examples/x.yaml";
    QTest::newRow("resources") << ":/lessons/l.yaml"
                               << "../examples/causes/q.yaml"
                               << ":/examples/causes/q.yaml";
    QTest::newRow("absolute") << "/a/l.yaml"
                              << "/b/./c/../s.yaml"
                              << "/b/s.yaml";
    QTest::newRow("relative base") << "l.yaml"
                                   << "../s.yaml"
                                   << "../s.yaml";
    QTest::newRow("no escape above the root") << "/l.yaml"
                                              << "../../s.yaml"
                                              << "/s.yaml";
}

void TestLesson::resolvePath() {
    QFETCH(QString, base);
    QFETCH(QString, relative);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(resolveLessonPath(base.toStdString(), relative.toStdString())),
             expected);
}

QTEST_GUILESS_MAIN(TestLesson)
#include "tst_lesson.moc"
