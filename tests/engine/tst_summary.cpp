// SPDX-License-Identifier: GPL-3.0-or-later
// RunSummary (analysis/summary.h) on simulated Jobs whose figures follow from the scenario:
// Pods of a fixed run time under the default timings (scheduled 0.2 s after creation, running
// 1 s later), so each Pod lives 11.2 s from creation to exit and runs 10 s of it.

#include "analysis/summary.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"

#include <QObject>
#include <QTest>

#include <string>

using namespace jobscope;

namespace {

struct Run {
    Timeline timeline;
    Analysis analysis;
    RunSummary summary;
};

Run simulateText(const std::string& yaml) {
    Diagnostics diagnostics;
    auto scenario = readScenarioText(yaml, "summary-test.yaml", diagnostics);
    if (!scenario)
        qFatal("scenario does not parse: %s", diagnostics.items().front().format().c_str());
    Run run;
    run.timeline = simulate(*scenario);
    run.analysis = analyze(run.timeline);
    run.summary = summarize(run.analysis, run.timeline.events, run.timeline.start,
                            run.timeline.end.value_or(run.timeline.start));
    return run;
}

std::string jobYaml(int completions, int parallelism, const std::string& extraSpec,
                    const std::string& rest) {
    return "seed: 1\n"
           "job:\n"
           "  apiVersion: batch/v1\n"
           "  kind: Job\n"
           "  metadata: {name: summary}\n"
           "  spec:\n"
           "    completions: " +
           std::to_string(completions) +
           "\n"
           "    parallelism: " +
           std::to_string(parallelism) + "\n" + extraSpec +
           "    template:\n"
           "      spec:\n"
           "        restartPolicy: Never\n"
           "        containers: [{name: worker, image: busybox}]\n"
           "runTime: 10\n" +
           rest;
}

constexpr double kStartLatency = 0.2 + 1.0; // scheduler delay + container start

} // namespace

class TestSummary : public QObject {
    Q_OBJECT

private slots:
    void fixedRunTimePods_data() {
        QTest::addColumn<int>("completions");
        QTest::addColumn<int>("parallelism");
        QTest::newRow("one Pod") << 1 << 1;
        QTest::newRow("two waves of 2") << 4 << 2;
        QTest::newRow("three waves of 3") << 9 << 3;
        QTest::newRow("one wave of 6") << 6 << 6;
    }

    void fixedRunTimePods() {
        QFETCH(int, completions);
        QFETCH(int, parallelism);
        const Run run = simulateText(jobYaml(completions, parallelism, "", ""));
        const RunSummary& s = run.summary;

        QCOMPARE(s.outcome, std::string("Complete"));
        QCOMPARE(s.podsCreated, completions);
        QCOMPARE(s.podsFailed, 0);
        QCOMPARE(s.peakActive, parallelism);
        QCOMPARE(s.requested, parallelism);
        // Every Pod succeeds: the active Pods' time is the Pods' time, spread over the run.
        QVERIFY(s.finishedAt);
        QVERIFY2(qAbs(s.meanActive - s.podSeconds / *s.finishedAt) < 0.05 * parallelism,
                 qPrintable(QString::number(s.meanActive)));
        QVERIFY(s.meanActive <= parallelism);
        // API round trips add a few milliseconds per Pod.
        QVERIFY2(qAbs(s.podSeconds - completions * (10 + kStartLatency)) < 0.05 * completions,
                 qPrintable(QString::number(s.podSeconds)));
        QVERIFY2(qAbs(s.runningSeconds - completions * 10.0) < 0.05 * completions,
                 qPrintable(QString::number(s.runningSeconds)));

        // Each wave lasts a Pod's life plus the controller's 1 s batch before the next one (or
        // before it writes Complete).
        const int waves = (completions + parallelism - 1) / parallelism;
        QVERIFY(s.finishedAt.has_value());
        QVERIFY2(qAbs(*s.finishedAt - waves * (10 + kStartLatency + 1.0)) < 0.1 * waves,
                 qPrintable(QString::number(*s.finishedAt)));
    }

    void finishIsTheCompletedEvent() {
        const Run run = simulateText(jobYaml(3, 3, "", ""));
        bool found = false;
        for (const TimelineEvent& e : run.timeline.events)
            if (e.objectKind == "Job" && e.reason == "Completed") {
                QCOMPARE(*run.summary.finishedAt, e.time - run.timeline.start);
                found = true;
            }
        QVERIFY(found);
    }

    void failedJob() {
        // backoffLimit 1: the first Pod fails, its replacement fails, the Job fails.
        const Run run = simulateText(
            jobYaml(1, 1, "    backoffLimit: 1\n", "failures:\n- {exitCode: 3, after: 2}\n"));
        const RunSummary& s = run.summary;
        QCOMPARE(s.outcome, std::string("Failed"));
        QCOMPARE(s.podsCreated, 2);
        QCOMPARE(s.podsFailed, 2);
        QVERIFY(s.finishedAt.has_value());
        // Both Pods ran 2 s; the second waited out the 10 s backoff first (counted from the
        // first one's finish time cut to the second: up to 1 s less).
        QVERIFY2(qAbs(s.runningSeconds - 4.0) < 0.1, qPrintable(QString::number(s.runningSeconds)));
        QVERIFY(*s.finishedAt > 2 * (2 + kStartLatency) + 10 - 1);
        bool reasonEvent = false;
        for (const TimelineEvent& e : run.timeline.events)
            reasonEvent = reasonEvent || (e.objectKind == "Job" && e.type == "Warning" &&
                                          e.reason == "BackoffLimitExceeded" &&
                                          e.time - run.timeline.start == *s.finishedAt);
        QVERIFY(reasonEvent);
    }

    void unfinishedJob() {
        // Stopped in the middle of the first wave: Pods count up to the stop time.
        const Run run = simulateText(jobYaml(2, 2, "", "stopAt: 6\n"));
        const RunSummary& s = run.summary;
        QVERIFY(!s.finishedAt.has_value());
        QCOMPARE(s.outcome, std::string());
        QCOMPARE(s.podsCreated, 2);
        QVERIFY2(qAbs(s.podSeconds - 2 * 6.0) < 0.1, qPrintable(QString::number(s.podSeconds)));
        QVERIFY2(qAbs(s.runningSeconds - 2 * (6.0 - kStartLatency)) < 0.1,
                 qPrintable(QString::number(s.runningSeconds)));
    }

    // A range's figures: the whole run gives the run's, ranges split anywhere add up to it,
    // and one wave of a two-wave Job holds that wave's Pods.
    void ranges_data() {
        QTest::addColumn<int>("completions");
        QTest::addColumn<int>("parallelism");
        QTest::newRow("two waves of 2") << 4 << 2;
        QTest::newRow("three waves of 3") << 9 << 3;
    }
    void ranges() {
        QFETCH(int, completions);
        QFETCH(int, parallelism);
        const Run run = simulateText(jobYaml(completions, parallelism, "", ""));
        const Seconds origin = run.timeline.start;
        const Seconds end = run.timeline.end.value_or(origin);
        const RunSummary& s = run.summary;
        const RangeSummary whole = summarizeRange(run.analysis, origin, end, -5, 1e9);
        QCOMPARE(whole.from, 0.0);
        QCOMPARE(whole.to, end - origin); // clamped to the run
        QVERIFY(qAbs(whole.podSeconds - s.podSeconds) < 1e-9);
        QVERIFY(qAbs(whole.runningSeconds - s.runningSeconds) < 1e-9);
        QCOMPARE(whole.podsCreated, s.podsCreated);
        QCOMPARE(whole.completions, completions);
        QCOMPARE(whole.failures, 0);
        QCOMPARE(whole.peakActive, s.peakActive);

        // Reversed ends are the same range; two halves add up to the whole.
        const double cut = *s.finishedAt * 0.37;
        const RangeSummary first = summarizeRange(run.analysis, origin, end, cut, 0);
        const RangeSummary second = summarizeRange(run.analysis, origin, end, cut, end - origin);
        QCOMPARE(first.from, 0.0);
        QCOMPARE(first.to, cut);
        QVERIFY(qAbs(first.podSeconds + second.podSeconds - whole.podSeconds) < 1e-9);
        QCOMPARE(first.completions + second.completions, completions);
        QCOMPARE(first.podsCreated + second.podsCreated, completions);
        QVERIFY(qAbs(first.meanActive * first.duration() + second.meanActive * second.duration() -
                     whole.meanActive * whole.duration()) < 1e-6);

        // The first wave: created at once, each Pod 10 s running; its completions and no
        // others end before the second wave starts (11.2 s of life plus the 1 s batch).
        const RangeSummary wave = summarizeRange(run.analysis, origin, end, 0, 12.0);
        QCOMPARE(wave.podsCreated, parallelism);
        QCOMPARE(wave.completions, parallelism);
        QCOMPARE(wave.peakActive, parallelism);
        QVERIFY2(qAbs(wave.runningSeconds - parallelism * 10.0) < 0.05 * parallelism,
                 qPrintable(QString::number(wave.runningSeconds)));
        // An empty range holds nothing but what is in force at that moment.
        const RangeSummary instant = summarizeRange(run.analysis, origin, end, 5, 5);
        QCOMPARE(instant.duration(), 0.0);
        QCOMPARE(instant.podSeconds, 0.0);
        QCOMPARE(instant.peakActive, parallelism);
    }

    void emptyAnalysis() {
        const RunSummary s = summarize(Analysis{}, {}, 0, 10);
        QVERIFY(!s.finishedAt);
        QCOMPARE(s.podsCreated, 0);
        QCOMPARE(s.podSeconds, 0.0);
        QCOMPARE(s.peakActive, 0);
    }
};

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"
