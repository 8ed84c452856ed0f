// SPDX-License-Identifier: GPL-3.0-or-later
// The one model of a run and of a moment (run/run.h, run/moment.h): what is true at an
// instant — the series row, the causes in force with their numbers, the Job's conditions —
// at interval boundaries, at the very start and at the very end; and, over every example
// scenario and every lesson scene, that each cause interval's numbers hold at every instant
// inside it.

#include "analysis/cause_catalogue.h"
#include "lesson/lesson_reader.h"
#include "lesson/lesson_run.h"
#include "report/csv.h"
#include "run/moment.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "support/test_paths.h"
#include "timeline/timeline_feed.h"

#include <QDirIterator>
#include <QTest>

#include <cmath>
#include <future>
#include <set>

using namespace jobscope;

namespace {

CauseInterval interval(CauseKind kind, Seconds start, Seconds end, bool primary, bool continues,
                       std::vector<CauseParam> params) {
    CauseInterval c;
    c.kind = kind;
    c.cause = causeId(kind);
    c.start = start;
    c.end = end;
    c.primary = primary;
    c.continues = continues;
    c.params = std::move(params);
    return c;
}

SeriesRow row(Seconds time, int32_t requested, int32_t want, int32_t active, int32_t pending,
              std::vector<InternedString> causes) {
    SeriesRow r;
    r.time = time;
    r.requested = requested;
    r.wantActive = want;
    r.active = active;
    r.pending = pending;
    r.causes = std::move(causes);
    return r;
}

// A Job created at 100: 4 wanted, Pods come one by one; pending 2 then 1; complete at 110.
Run boundaryRun() {
    Analysis a;
    a.series = {row(100, 4, 4, 2, 2, {"controller-lag", "pending"}),
                row(103, 4, 4, 3, 1, {"controller-lag", "pending"}), row(106, 4, 4, 4, 0, {"none"}),
                row(110, 4, 0, 0, 0, {"finished"})};
    a.causes = {
        interval(CauseKind::ControllerLag, 100, 103, true, false, {{"missing", 2, {}}}),
        interval(CauseKind::Pending, 100, 103, false, false, {{"pending", 2, {}}}),
        interval(CauseKind::ControllerLag, 103, 106, true, true, {{"missing", 1, {}}}),
        interval(CauseKind::Pending, 103, 106, false, true, {{"pending", 1, {}}}),
        interval(CauseKind::Finished, 110, 110, true, false,
                 {{"condition", 0, "Complete"}, {"reason", 0, "CompletionsReached"}}),
    };
    Run run = runOfAnalysis(std::move(a), 100, 110);
    JobObservation created;
    created.time = 100;
    JobObservation complete = created;
    complete.time = 110;
    complete.status.conditions = {{"Complete", "True", "CompletionsReached", "", {}, {}}};
    JobObservation deleted = complete;
    deleted.deleted = true;
    deleted.status.conditions.clear();
    run.timeline.jobChanges = {created, complete, deleted};
    return run;
}

std::optional<double> momentParam(const MomentCause& c, const char* key) {
    for (const CauseParam& p : c.params)
        if (p.key == key && p.text.empty())
            return p.value;
    return std::nullopt;
}

// Every scenario a user can open from the examples, and every lesson scene's scenarios.
struct NamedScenario {
    QString name;
    Scenario scenario;
};

std::vector<NamedScenario> allScenarios() {
    std::vector<NamedScenario> out;
    QDirIterator it(test::sourceDir() + QStringLiteral("/resources/examples"),
                    {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1String("/states/")))
            continue; // reconcile states, not scenarios
        Diagnostics diagnostics;
        if (auto scenario = readScenarioFile(path.toStdString(), diagnostics))
            out.push_back({path.section(QLatin1Char('/'), -2), std::move(*scenario)});
    }
    QDirIterator lessons(test::sourceDir() + QStringLiteral("/resources/lessons"),
                         {QStringLiteral("*.yaml")}, QDir::Files);
    while (lessons.hasNext()) {
        const QString path = lessons.next();
        Diagnostics diagnostics;
        const std::optional<Lesson> lesson = readLessonFile(path.toStdString(), diagnostics);
        if (!lesson)
            continue;
        for (std::size_t i = 0; i < lesson->scenes.size(); ++i) {
            const LessonScene& scene = lesson->scenes[i];
            out.push_back({QStringLiteral("lesson scene %1").arg(i + 1), scene.scenario.scenario});
            if (scene.compare)
                out.push_back({QStringLiteral("lesson scene %1 (compare)").arg(i + 1),
                               scene.compare->scenario});
        }
    }
    return out;
}

// A Job whose Pods fail four times in five: it makes far more Pods than the simulator reserves
// room for (completions and a tenth), so every list of its Timeline grows while it is read.
Scenario growingScenario() {
    const std::string text = "title: grows\n"
                             "seed: 3\n"
                             "runTime: 5\n"
                             "failures: [{probability: 0.8, exitCode: 1}]\n"
                             "job:\n"
                             "  apiVersion: batch/v1\n"
                             "  kind: Job\n"
                             "  metadata: {name: grows}\n"
                             "  spec:\n"
                             "    completions: 20\n"
                             "    parallelism: 20\n"
                             "    backoffLimit: 1000\n"
                             "    template: {spec: {restartPolicy: Never, containers: "
                             "[{name: main, image: busybox}]}}\n";
    Diagnostics diagnostics;
    std::optional<Scenario> scenario = readScenarioText(text, "grows.yaml", diagnostics);
    if (!scenario)
        qFatal("the growing scenario does not read");
    return *scenario;
}

void compareAnalyses(const Analysis& actual, const Analysis& expected) {
    QCOMPARE(seriesCsv(actual.series), seriesCsv(expected.series));
    QCOMPARE(causesCsv(actual.causes), causesCsv(expected.causes));
    QCOMPARE(podsCsv(actual.pods), podsCsv(expected.pods));
}

} // namespace

class TestMoment : public QObject {
    Q_OBJECT

private slots:
    void boundaries_data();
    void boundaries();
    void conditionsAtTheEnd();
    void podStates();
    void catalogueIsComplete();
    void causeNumbersHoldInsideEveryInterval_data();
    void causeNumbersHoldInsideEveryInterval();
    void playbackTimes_data();
    void playbackTimes();
    void playbackTimesOfEventsOutOfOrder();
    void analysisBesideTheSimulation_data();
    void analysisBesideTheSimulation();
    void analysisBesideAGrowingTimeline();
    void abandonedFeedStopsTheReader();
    void remainingFollowsSuccesses();
    void perIndexBackoffNamesTheIndex();
    void otherCreateErrorsAreNotLag();
};

void TestMoment::boundaries_data() {
    QTest::addColumn<double>("time");
    QTest::addColumn<int>("active");     // -1: no row
    QTest::addColumn<QString>("causes"); // "id=number" of each cause in force, primary first

    QTest::newRow("before the Job") << -0.5 << -1 << "";
    QTest::newRow("the very start") << 0.0 << 2 << "controller-lag=2 pending=2";
    QTest::newRow("inside the first intervals") << 2.9 << 2 << "controller-lag=2 pending=2";
    // A hair before a change (sums of doubles) is the change.
    QTest::newRow("within the tolerance of 3 s")
        << 3.0 - kMomentTolerance / 2 << 3 << "controller-lag=1 pending=1";
    QTest::newRow("at the boundary") << 3.0 << 3 << "controller-lag=1 pending=1";
    QTest::newRow("nothing holds it back") << 7.0 << 4 << "";
    QTest::newRow("the very end") << 10.0 << 0 << "finished=0";
    QTest::newRow("after the end") << 12.0 << 0 << "finished=0";
}

void TestMoment::boundaries() {
    QFETCH(double, time);
    QFETCH(int, active);
    QFETCH(QString, causes);
    const Run run = boundaryRun();
    const Moment m = momentAt(run, time);
    if (active < 0) {
        QVERIFY(!m.row);
        QVERIFY(m.causes.empty());
        return;
    }
    QVERIFY(m.row);
    QCOMPARE(m.row->active, active);
    QStringList seen;
    for (const MomentCause& c : m.causes) {
        QVERIFY2(c.interval, causeId(c.kind));
        const std::optional<double> number = c.params.empty() || !c.params.front().text.empty()
                                                 ? std::optional<double>(0)
                                                 : std::optional<double>(c.params.front().value);
        seen << QStringLiteral("%1=%2").arg(causeId(c.kind)).arg(*number);
    }
    QCOMPARE(seen.join(QLatin1Char(' ')), causes);
}

void TestMoment::conditionsAtTheEnd() {
    const Run run = boundaryRun();
    QVERIFY(momentAt(run, 5).conditions.empty());
    // At the last instant (where live "follow" keeps the playhead) the Job has been deleted,
    // and it still shows the conditions it had: those of the last change.
    const Moment end = momentAt(run, run.end);
    QVERIFY(end.atEnd);
    QVERIFY(end.jobDeleted);
    QCOMPARE(end.conditions.size(), std::size_t(1));
    QCOMPARE(end.conditions[0].type, std::string("Complete"));
    QCOMPARE(end.causes.size(), std::size_t(1));
    QCOMPARE(end.causes[0].interval->textParam("reason"), std::string("CompletionsReached"));
}

void TestMoment::podStates() {
    Run run = boundaryRun();
    PodLifecycle pod;
    pod.created = 101;
    pod.scheduled = 101.2;
    pod.started = 102;
    pod.ready = 102.5;
    pod.finished = 105;
    pod.phase = pod_phase::Failed;
    pod.deleted = 107;
    QCOMPARE(podStateAt(run, pod, 0.5), PodMomentState::NotCreated);
    QCOMPARE(podStateAt(run, pod, 1.0), PodMomentState::Unscheduled);
    QCOMPARE(podStateAt(run, pod, 1.2), PodMomentState::Starting);
    QCOMPARE(podStateAt(run, pod, 2.0), PodMomentState::Running);
    QCOMPARE(podStateAt(run, pod, 2.5), PodMomentState::RunningReady);
    QCOMPARE(podStateAt(run, pod, 5.0), PodMomentState::Failed);
    QCOMPARE(podStateAt(run, pod, 7.0), PodMomentState::Deleted);
}

void TestMoment::catalogueIsComplete() {
    QCOMPARE(allCauses().size(), kCauseKindCount);
    for (std::size_t i = 0; i < allCauses().size(); ++i) {
        const CauseInfo& info = allCauses()[i];
        QCOMPARE(static_cast<std::size_t>(info.kind), i);
        QCOMPARE(causeKindOf(info.id), std::optional<CauseKind>(info.kind));
        CauseInterval c;
        c.kind = info.kind;
        for (const CauseParamInfo& p : info.params)
            c.params.push_back(
                {p.key, 1, p.type == CauseParamType::Text ? std::string("Complete") : ""});
        QVERIFY2(!causeSentence(c).empty(), info.id);
    }
    QVERIFY(!causeKindOf("no-such-cause"));
}

void TestMoment::causeNumbersHoldInsideEveryInterval_data() {
    QTest::addColumn<int>("index");
    const auto scenarios = allScenarios();
    QVERIFY(scenarios.size() >= 40);
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        QTest::newRow(qPrintable(scenarios[i].name)) << int(i);
}

void TestMoment::playbackTimes_data() {
    causeNumbersHoldInsideEveryInterval_data();
}

// Every row's and every Event's instant once, in order; every episode's start and end once, in
// order: what collecting them all and sorting would give.
void TestMoment::playbackTimes() {
    QFETCH(int, index);
    static const auto scenarios = allScenarios();
    const Run run = runWholeScenario(scenarios[static_cast<std::size_t>(index)].scenario);
    std::set<Seconds> events, causeChanges;
    for (const SeriesRow& row : run.analysis.series)
        events.insert(row.time - run.origin);
    for (const TimelineEvent& event : run.timeline.events)
        events.insert(event.time - run.origin);
    for (std::size_t i = 0; i < run.analysis.causes.size(); ++i)
        if (!run.analysis.causes[i].continues) {
            causeChanges.insert(run.analysis.causes[i].start - run.origin);
            causeChanges.insert(episodeEnd(run, i) - run.origin);
        }
    QVERIFY(!events.empty());
    QCOMPARE(runEventTimes(run), std::vector<Seconds>(events.begin(), events.end()));
    QCOMPARE(runCauseChangeTimes(run),
             std::vector<Seconds>(causeChanges.begin(), causeChanges.end()));
}

void TestMoment::playbackTimesOfEventsOutOfOrder() {
    Run run = boundaryRun();
    for (const Seconds t : {108.0, 101.0, 103.0, 101.0}) {
        TimelineEvent event;
        event.time = t;
        run.timeline.events.push_back(event);
    }
    QCOMPARE(runEventTimes(run), (std::vector<Seconds>{0, 1, 3, 6, 8, 10}));
    QCOMPARE(runCauseChangeTimes(run), (std::vector<Seconds>{0, 6, 10}));
}

void TestMoment::causeNumbersHoldInsideEveryInterval() {
    QFETCH(int, index);
    static const auto scenarios = allScenarios();
    const Run run = runScenario(scenarios[static_cast<std::size_t>(index)].scenario);
    const auto& series = run.analysis.series;
    for (const CauseInterval& c : run.analysis.causes) {
        // Only the last instant of a run may hold an interval of no length: what it shows then.
        QVERIFY(c.end > c.start || c.end >= run.origin + run.end - kMomentTolerance);
        QCOMPARE(c.cause, std::string(causeId(c.kind)));
        // The rows in force inside [start, end): the one at or before start, then each after.
        auto it = std::upper_bound(series.begin(), series.end(), c.start + kMomentTolerance,
                                   [](Seconds t, const SeriesRow& r) { return t < r.time; });
        QVERIFY(it != series.begin());
        for (--it; it != series.end() && it->time < c.end - kMomentTolerance; ++it) {
            const SeriesRow& r = *it;
            const QString where = QStringLiteral("%1 [%2, %3) at %4")
                                      .arg(c.cause.c_str())
                                      .arg(c.start - run.origin)
                                      .arg(c.end - run.origin)
                                      .arg(r.time - run.origin);
            const auto expect = [&](const char* key, double value) {
                const auto p = c.param(key);
                QVERIFY2(p, qPrintable(where + QStringLiteral(": no ") + key));
                QVERIFY2(*p == value,
                         qPrintable(
                             where +
                             QStringLiteral(": %1=%2, the series %3").arg(key).arg(*p).arg(value)));
            };
            const bool inRow =
                std::find(r.causes.begin(), r.causes.end(), c.cause) != r.causes.end();
            QVERIFY2(inRow, qPrintable(where + QStringLiteral(": not in the row's causes")));
            QVERIFY2((r.causes.front() == c.cause) == c.primary,
                     qPrintable(where + QStringLiteral(": primary")));
            switch (c.kind) {
            case CauseKind::RemainingCompletions:
                expect("remaining", r.remaining);
                expect("parallelism", r.requested);
                break;
            case CauseKind::WorkQueueDraining:
                expect("active", r.active);
                break;
            case CauseKind::ControllerLag:
                expect("missing", r.wantActive - r.active);
                break;
            case CauseKind::Terminating:
                expect("terminating", r.terminating);
                break;
            case CauseKind::Pending:
                expect("pending", r.pending);
                break;
            case CauseKind::Suspended:
                expect("requested", r.requested);
                break;
            case CauseKind::ScaledDown:
                expect("surplus", r.active - r.wantActive);
                expect("wantActive", r.wantActive);
                break;
            default:
                break;
            }
        }
    }
}

void TestMoment::remainingFollowsSuccesses() {
    // The recorded quota Job: 6 completions, 2 at a time. At 16.8 s four have succeeded and
    // the narration, the inspector and causes.csv must all say 2 remain.
    Diagnostics diagnostics;
    const auto scenario = readScenarioFile(
        (test::sourceDir() + QStringLiteral("/resources/examples/real/d.yaml")).toStdString(),
        diagnostics);
    QVERIFY(scenario);
    const Run run = runScenario(*scenario);
    const Moment m = momentAt(run, 16.8);
    QVERIFY(m.row);
    QCOMPARE(m.row->succeeded, 4);
    QCOMPARE(m.row->remaining, 2);
    for (const MomentCause& c : m.causes)
        if (c.kind == CauseKind::RemainingCompletions)
            QCOMPARE(momentParam(c, "remaining"), std::optional<double>(2));
}

void TestMoment::perIndexBackoffNamesTheIndex() {
    Diagnostics diagnostics;
    const auto scenario = readScenarioFile(
        (test::testDataDir() + QStringLiteral("/scenarios/per-index-backoff.yaml")).toStdString(),
        diagnostics);
    QVERIFY2(scenario, diagnostics.format().c_str());
    const Run run = runScenario(*scenario);
    bool seen = false;
    for (const CauseInterval& c : run.analysis.causes) {
        if (c.kind != CauseKind::FailureBackoff)
            continue;
        seen = true;
        const auto index = c.param("index");
        QVERIFY2(index, causeSentence(c).c_str());
        QVERIFY(*index >= 0);
        QVERIFY(c.param("failures").value_or(0) >= 1);
        QVERIFY(c.param("delay").value_or(0) >= 10);
        // Due when the index's delay after its failure has passed: after the interval starts.
        QVERIFY(c.param("due").value_or(0) + run.origin > c.start);
        const Moment m = momentAt(run, c.start - run.origin);
        for (const MomentCause& mc : m.causes)
            if (mc.kind == CauseKind::FailureBackoff)
                QVERIFY(momentParam(mc, "left").value_or(-1) > 0);
    }
    QVERIFY(seen);
}

void TestMoment::otherCreateErrorsAreNotLag() {
    // A create refused by another server error (a webhook's 500) is creation-failed.
    Timeline tl;
    tl.start = 0;
    tl.end = 5;
    JobObservation job;
    job.time = 0;
    job.spec.parallelism = 2;
    job.spec.completions = 2;
    tl.jobChanges.push_back(job);
    TimelineEvent e;
    e.time = 0.5;
    e.objectKind = "Job";
    e.objectName = "j";
    e.type = "Warning";
    e.reason = "FailedCreate";
    e.message = "Error creating: Internal error occurred: failed calling webhook";
    tl.events = {e, e};
    tl.events[1].time = 1.5;
    const Run run = runObserved(std::move(tl));
    const Moment m = momentAt(run, 2);
    QVERIFY(!m.causes.empty());
    QCOMPARE(m.causes.front().kind, CauseKind::CreationFailed);
    QCOMPARE(momentParam(m.causes.front(), "refused"), std::optional<double>(2));
    for (const MomentCause& c : m.causes)
        QVERIFY(c.kind != CauseKind::ControllerLag);
}

void TestMoment::analysisBesideTheSimulation_data() {
    causeNumbersHoldInsideEveryInterval_data();
}

// Read while the simulator writes it, a Timeline gives the Analysis it gives read whole.
void TestMoment::analysisBesideTheSimulation() {
    QFETCH(int, index);
    static const auto scenarios = allScenarios();
    const Scenario& scenario = scenarios[static_cast<std::size_t>(index)].scenario;
    const Timeline whole = simulate(scenario);
    Timeline written;
    // Published at nearly every instant: the reader wakes as often as it can.
    const std::optional<Analysis> beside =
        simulateWithAnalysisBeside(scenario, nullptr, written, 1);
    QVERIFY(beside);
    QCOMPARE(written.podChanges.size(), whole.podChanges.size());
    compareAnalyses(*beside, analyze(whole));
}

void TestMoment::analysisBesideAGrowingTimeline() {
    const Scenario scenario = growingScenario();
    const Run after = runScenario(scenario, std::nullopt, nullptr, AnalysisThread::After);
    const std::size_t reserved = 20 + 20 / 10 + 16;
    QVERIFY2(after.timeline.pods.size() > 2 * reserved,
             qPrintable(QString::number(after.timeline.pods.size())));
    for (const std::size_t batch : {std::size_t{1}, std::size_t{7}, std::size_t{1024}}) {
        Timeline written;
        const std::optional<Analysis> beside =
            simulateWithAnalysisBeside(scenario, nullptr, written, batch);
        QVERIFY(beside);
        compareAnalyses(*beside, after.analysis);
    }
    const Run beside = runScenario(scenario, std::nullopt, nullptr, AnalysisThread::Beside);
    compareAnalyses(beside.analysis, after.analysis);
    QCOMPARE(beside.summary.podSeconds, after.summary.podSeconds);
    QCOMPARE(beside.summary.podsCreated, after.summary.podsCreated);
    QCOMPARE(beside.summary.finishedAt, after.summary.finishedAt);
}

// A writer that fails (or publishes nothing) abandons the feed: the reader returns nothing
// instead of waiting for ever, and the writer learns that it is done.
void TestMoment::abandonedFeedStopsTheReader() {
    TimelineFeed feed;
    auto reader = std::async(std::launch::async, [&feed] { return analyzeFeed(feed); });
    feed.abandon();
    QVERIFY(reader.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    QVERIFY(!reader.get());
    feed.waitForReader();
}

QTEST_GUILESS_MAIN(TestMoment)
#include "tst_moment.moc"
