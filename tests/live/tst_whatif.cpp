// SPDX-License-Identifier: GPL-3.0-or-later
// What-if from real Jobs (sim/whatif.h, sim/fork.h): every recording in the repository, forked
// into the simulator at moments across its life. Up to the moment the what-if is the recording
// itself (every observation, every Pod state, every count of the series); with nothing changed
// it goes on as the recording did, each Pod created and ended within 0.5 s of its recorded
// twin and the Job finishing the same way within 0.5 s; with a knob changed only the future
// changes.

#include "edit/overrides.h"
#include "live/recording.h"
#include "report/csv.h"
#include "run/run.h"
#include "scenario/scenario_reader.h"
#include "sim/fork.h"
#include "sim/simulator.h"
#include "sim/whatif.h"
#include "support/test_paths.h"

#include <QDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace jobscope;

namespace {

constexpr double kTolerance = 0.5;

// The recordings were made on a v1.32 control plane, which the timeline does not record.
const char* const kRecordedVersion = "kubernetesVersion=1.32";

Timeline loadRecorded(const QString& path) {
    QString error;
    std::optional<Timeline> timeline = live::loadRecording(path, &error);
    if (!timeline)
        qFatal("%s", qPrintable(error));
    return std::move(*timeline);
}

// The what-if of `observed` from `at`, with `sets` applied to its scenario text.
Scenario whatifScenario(const Timeline& observed, Seconds at, const QStringList& sets) {
    const std::optional<std::string> text = whatifScenarioText(observed, at);
    if (!text)
        qFatal("no what-if text");
    std::vector<edit::Override> overrides;
    for (const QString& set : sets) {
        edit::OverrideError error;
        overrides.push_back(*edit::parseOverride(set.toStdString(), &error));
    }
    const edit::OverrideResult changed = edit::applyOverrides(*text, overrides);
    if (changed.error)
        qFatal("override: %s", changed.error->detail.c_str());
    Diagnostics diagnostics;
    std::optional<Scenario> scenario = readScenarioText(changed.text, "whatif", diagnostics);
    if (!scenario || diagnostics.hasErrors()) {
        for (const auto& d : diagnostics.items())
            qWarning("%s", d.message.c_str());
        qFatal("the what-if text does not read:\n%s", changed.text.c_str());
    }
    forkScenario(*scenario, observed, at);
    return std::move(*scenario);
}

// Where the recording's observations end, seconds since the Job's creation.
Seconds recordedSpan(const Timeline& tl) {
    Seconds last = 0;
    for (const PodObservation& o : tl.podChanges)
        last = std::max(last, o.time - tl.start);
    for (const JobObservation& o : tl.jobChanges)
        last = std::max(last, o.time - tl.start);
    return last;
}

QStringList allRecordings() {
    QStringList paths;
    const QDir recorded(test::recordingsDir());
    for (const QString& name : recorded.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        paths << recorded.filePath(name);
    const QDir bundled(test::sourceDir() + QStringLiteral("/resources/recordings"));
    for (const QString& name : bundled.entryList({QStringLiteral("*.jsonl")}, QDir::Files))
        paths << bundled.filePath(name);
    return paths;
}

bool sameState(const PodObservation& a, const PodObservation& b) {
    return a.time == b.time && a.pod == b.pod && a.deleted == b.deleted && a.state == b.state;
}

// Each Pod's creation and end, sorted: the what-if's Pods have other names.
struct Lives {
    std::vector<Seconds> created, ended;
};

Lives lives(const Run& run, Seconds after) {
    Lives out;
    for (const PodLifecycle& p : run.analysis.pods) {
        const Seconds created = p.created - run.origin;
        if (created > after)
            out.created.push_back(created);
        if (p.finished && *p.finished - run.origin > after)
            out.ended.push_back(*p.finished - run.origin);
    }
    std::sort(out.created.begin(), out.created.end());
    std::sort(out.ended.begin(), out.ended.end());
    return out;
}

} // namespace

class TestWhatif : public QObject {
    Q_OBJECT

private slots:
    void reproducesTheRecording_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<double>("at");
        for (const QString& path : allRecordings()) {
            const Seconds span = recordedSpan(loadRecorded(path));
            for (double fraction : {0.0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1.0}) {
                const double at = std::round(span * fraction * 1000) / 1000;
                QTest::addRow("%s at %.3f", qPrintable(QFileInfo(path).fileName()), at)
                    << path << at;
            }
        }
        // Moments where the controller's queue is hard to read off the recording: a sync that
        // had just written and a Pod that ended during it (f), a sync retried by the rate
        // limiter after a refused status write that left no Event (c1, v1.32), failed creates
        // under a quota (d), a slow-start batch half landed (a).
        const QString recorded = test::recordingsDir();
        QTest::newRow("f: a Pod ended while a sync wrote") << recorded + "/f" << 19.53;
        QTest::newRow("c1: status write refused, retried") << recorded + "/c1" << 29.14;
        QTest::newRow("c1: ... and its retry") << recorded + "/c1" << 29.29;
        QTest::newRow("d: creates refused by the quota") << recorded + "/d" << 5.486;
        QTest::newRow("a: a slow-start batch half landed") << recorded + "/a" << 7.291;
    }

    void reproducesTheRecording() {
        QFETCH(QString, path);
        QFETCH(double, at);
        const Timeline observed = loadRecorded(path);
        const Scenario scenario = whatifScenario(observed, at, {kRecordedVersion});
        const Run whatif = runScenario(scenario, std::nullopt, nullptr, AnalysisThread::After);
        const Run recorded = runObserved(observed);
        const Timeline& cut = scenario.fork->observed;

        // Analysed while it is simulated, the recording's part published at the first
        // instant after the fork, the what-if reads the same.
        Timeline written;
        const std::optional<Analysis> beside =
            simulateWithAnalysisBeside(scenario, nullptr, written, 1);
        QVERIFY(beside);
        QCOMPARE(seriesCsv(beside->series), seriesCsv(whatif.analysis.series));
        QCOMPARE(causesCsv(beside->causes), causesCsv(whatif.analysis.causes));
        QCOMPARE(podsCsv(beside->pods), podsCsv(whatif.analysis.pods));

        // Up to the fork: the recording, observation for observation.
        const Timeline& w = whatif.timeline;
        QVERIFY(w.pods.size() >= cut.pods.size());
        for (std::size_t i = 0; i < cut.pods.size(); ++i)
            QCOMPARE(w.pods[i].name, cut.pods[i].name);
        QVERIFY(w.podChanges.size() >= cut.podChanges.size());
        for (std::size_t i = 0; i < cut.podChanges.size(); ++i)
            QVERIFY2(sameState(w.podChanges[i], cut.podChanges[i]),
                     qPrintable(QStringLiteral("Pod observation %1 differs").arg(i)));
        QVERIFY(w.jobChanges.size() >= cut.jobChanges.size());
        for (std::size_t i = 0; i < cut.jobChanges.size(); ++i) {
            QCOMPARE(w.jobChanges[i].time, cut.jobChanges[i].time);
            QVERIFY(w.jobChanges[i].status == cut.jobChanges[i].status);
        }
        // ... and the counts the analysis draws from it.
        auto rowsBefore = [&](const Run& run) {
            std::vector<SeriesRow> rows;
            for (const SeriesRow& row : run.analysis.series)
                if (row.time - run.origin < at - 1e-6)
                    rows.push_back(row);
            return rows;
        };
        const std::vector<SeriesRow> recordedRows = rowsBefore(recorded);
        const std::vector<SeriesRow> whatifRows = rowsBefore(whatif);
        QCOMPARE(whatifRows.size(), recordedRows.size());
        for (std::size_t i = 0; i < recordedRows.size(); ++i) {
            const SeriesRow& r = recordedRows[i];
            const SeriesRow& s = whatifRows[i];
            QVERIFY(std::abs((r.time - recorded.origin) - (s.time - whatif.origin)) < 1e-9);
            QCOMPARE(s.active, r.active);
            QCOMPARE(s.ready, r.ready);
            QCOMPARE(s.terminating, r.terminating);
            QCOMPARE(s.succeeded, r.succeeded);
            QCOMPARE(s.failed, r.failed);
            QCOMPARE(s.requested, r.requested);
        }

        // After it, with nothing changed: the recording again, within the tolerance.
        QCOMPARE(whatif.summary.outcome, recorded.summary.outcome);
        QCOMPARE(whatif.summary.podsCreated, recorded.summary.podsCreated);
        QCOMPARE(whatif.summary.podsFailed, recorded.summary.podsFailed);
        if (recorded.summary.finishedAt) {
            QVERIFY(whatif.summary.finishedAt);
            QVERIFY2(std::abs(*whatif.summary.finishedAt - *recorded.summary.finishedAt) <=
                         kTolerance,
                     qPrintable(QStringLiteral("finished at %1 s, recorded %2 s")
                                    .arg(*whatif.summary.finishedAt)
                                    .arg(*recorded.summary.finishedAt)));
        }
        const Lives r = lives(recorded, at);
        const Lives s = lives(whatif, at);
        QCOMPARE(s.created.size(), r.created.size());
        QCOMPARE(s.ended.size(), r.ended.size());
        for (std::size_t i = 0; i < r.created.size(); ++i)
            QVERIFY2(std::abs(s.created[i] - r.created[i]) <= kTolerance,
                     qPrintable(QStringLiteral("a Pod created at %1 s, recorded %2 s")
                                    .arg(s.created[i])
                                    .arg(r.created[i])));
        for (std::size_t i = 0; i < r.ended.size(); ++i)
            QVERIFY2(std::abs(s.ended[i] - r.ended[i]) <= kTolerance,
                     qPrintable(QStringLiteral("a Pod ended at %1 s, recorded %2 s")
                                    .arg(s.ended[i])
                                    .arg(r.ended[i])));
    }

    // A knob changes only what comes after the fork: recording a (completions 10, parallelism
    // 3, Pods of 5 s in waves 7.3 s apart) at 10 s with parallelism 7 runs the remaining Pods in
    // one wave and finishes a wave earlier; its first 10 s are still the recording's.
    void knobChangesTheFutureOnly() {
        const Timeline observed = loadRecorded(test::recordingsDir() + QStringLiteral("/a"));
        const Scenario scenario =
            whatifScenario(observed, 10, {kRecordedVersion, QStringLiteral("spec.parallelism=7")});
        const Run whatif = runScenario(scenario);
        const Run recorded = runObserved(observed);
        for (std::size_t i = 0; i < scenario.fork->observed.podChanges.size(); ++i)
            QVERIFY(
                sameState(whatif.timeline.podChanges[i], scenario.fork->observed.podChanges[i]));
        QCOMPARE(whatif.summary.outcome, std::string("Complete"));
        QCOMPARE(whatif.summary.podsCreated, 10);
        QVERIFY(*whatif.summary.finishedAt < *recorded.summary.finishedAt - 5);
        // The parallelism change is a spec change at the fork, synced at once.
        const auto& changes = whatif.timeline.jobChanges;
        const auto change = std::find_if(changes.begin(), changes.end(),
                                         [](const auto& o) { return o.spec.parallelism == 7; });
        QVERIFY(change != changes.end());
        QCOMPARE(change->time, 10.0);
        int createdAtFork = 0;
        for (const TimelinePod& p : whatif.timeline.pods)
            if (p.createdAt > 10 && p.createdAt < 10.5)
                ++createdAtFork;
        QCOMPARE(createdAtFork, 4); // 3 running + 4 = 7; 6 done or running leaves 4 to create
    }

    // The scenario text made from a recording says what was recorded: the quota its
    // FailedCreate events name, the Nodes, the Pods' run times and failures by attempt, the
    // later suspend and resume as actions, and the Job without what the API server generated.
    void scenarioTextSaysWhatWasRecorded() {
        const Timeline quota = loadRecorded(test::recordingsDir() + QStringLiteral("/d"));
        const std::string d = *whatifScenarioText(quota, 5);
        QVERIFY(d.find("quota:\n    pods: 2") != std::string::npos);
        QVERIFY(d.find("{name: fake-node-1, pods: 110}") != std::string::npos);
        QVERIFY(d.find("controller-uid") == std::string::npos);

        const Timeline failures = loadRecorded(test::recordingsDir() + QStringLiteral("/c1"));
        const std::string c1 = *whatifScenarioText(failures, 5);
        QVERIFY(c1.find("{attempt: 0, exitCode: 1, after: 3.0") != std::string::npos);
        QVERIFY(c1.find("{attempt: 2, exitCode: 1, after: 3.0") != std::string::npos);

        const Timeline suspended = loadRecorded(test::recordingsDir() + QStringLiteral("/e2"));
        const std::string e2 = *whatifScenarioText(suspended, 5);
        QVERIFY2(e2.find("do: resume}") != std::string::npos, e2.c_str());
        Diagnostics diagnostics;
        QVERIFY(readScenarioText(e2, "e2", diagnostics));
        QVERIFY(!diagnostics.hasErrors());
    }
};

QTEST_GUILESS_MAIN(TestWhatif)
#include "tst_whatif.moc"
