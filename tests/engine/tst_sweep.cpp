// SPDX-License-Identifier: GPL-3.0-or-later
// Parameter sweeps (run/sweep.h): the values an axis spells, the grid in row-major order with
// each point's seeds, results independent of the number of threads, points that cannot run
// said with why, the points counted as they finish, a point's overrides, and the percentiles the
// sweep CSV reports.

#include "run/sweep.h"
#include "support/test_paths.h"

#include <QFile>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

using namespace jobscope;

namespace {

const std::string kScenario = "seed: 3\n"
                              "job:\n"
                              "  apiVersion: batch/v1\n"
                              "  kind: Job\n"
                              "  metadata: {name: sweep}\n"
                              "  spec:\n"
                              "    completions: 6\n"
                              "    parallelism: 2\n"
                              "    template:\n"
                              "      spec:\n"
                              "        restartPolicy: Never\n"
                              "        containers: [{name: w, image: busybox}]\n"
                              "runTime: 10\n";

QStringList strings(const std::vector<std::string>& values) {
    QStringList out;
    for (const std::string& v : values)
        out << QString::fromStdString(v);
    return out;
}

} // namespace

class TestSweep : public QObject {
    Q_OBJECT

private slots:
    void axes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("values");
        QTest::newRow("whole numbers") << "spec.parallelism=1..4"
                                       << "spec.parallelism" << QStringList{"1", "2", "3", "4"};
        QTest::newRow("a step") << "runTime=5..20:5"
                                << "runTime" << QStringList{"5", "10", "15", "20"};
        QTest::newRow("a fractional step without drift")
            << "failures.0.probability=0..0.3:0.1"
            << "failures.0.probability" << QStringList{"0", "0.1", "0.2", "0.3"};
        QTest::newRow("a step past the end stops before it")
            << "runTime=1..10:4"
            << "runTime" << QStringList{"1", "5", "9"};
        QTest::newRow("one value") << "seed=7..7"
                                   << "seed" << QStringList{"7"};
        QTest::newRow("a list") << "spec.completionMode=NonIndexed,Indexed"
                                << "spec.completionMode" << QStringList{"NonIndexed", "Indexed"};
    }
    void axes() {
        QFETCH(QString, text);
        QFETCH(QString, path);
        QFETCH(QStringList, values);
        SweepAxisError error;
        const std::optional<SweepAxis> axis = parseSweepAxis(text.toStdString(), &error);
        QVERIFY(axis);
        QCOMPARE(QString::fromStdString(axis->name), path);
        QCOMPARE(strings(axis->values), values);
    }

    void badAxes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        using Kind = SweepAxisError::Kind;
        QTest::newRow("no '='") << "spec.parallelism" << int(Kind::NotPathValues);
        QTest::newRow("an empty value in a list") << "a=1,,2" << int(Kind::NotPathValues);
        QTest::newRow("backwards") << "a=5..1" << int(Kind::BadRange);
        QTest::newRow("a zero step") << "a=1..5:0" << int(Kind::BadRange);
        QTest::newRow("not numbers") << "a=x..y" << int(Kind::BadRange);
        QTest::newRow("too many") << "a=1..1000000" << int(Kind::TooMany);
    }
    void badAxes() {
        QFETCH(QString, text);
        QFETCH(int, kind);
        SweepAxisError error;
        QVERIFY(!parseSweepAxis(text.toStdString(), &error));
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(QString::fromStdString(error.text), text);
    }

    void gridAndSeeds() {
        SweepAxisError error;
        const std::vector<SweepAxis> axes{*parseSweepAxis("spec.parallelism=1..3", &error),
                                          *parseSweepAxis("runTime=5,10", &error)};
        SweepOptions options;
        options.seeds = 3;
        options.threads = 1;
        const std::vector<SweepPoint> one = runSweep(kScenario, "s.yaml", axes, options);
        QCOMPARE(int(one.size()), 6);
        // Row-major: the last axis varies fastest.
        QCOMPARE(strings(one[0].values), (QStringList{"1", "5"}));
        QCOMPARE(strings(one[1].values), (QStringList{"1", "10"}));
        QCOMPARE(strings(one[5].values), (QStringList{"3", "10"}));
        for (const SweepPoint& point : one) {
            QVERIFY2(point.error.empty(), point.error.c_str());
            QCOMPARE(int(point.runs.size()), 3);
            for (const RunSummary& run : point.runs) {
                QCOMPARE(run.outcome, std::string("Complete"));
                QCOMPARE(run.podsCreated, 6);
                QCOMPARE(run.peakActive, std::stoi(point.values[0]));
            }
        }
        // Longer Pods take longer; more of them at once finish sooner.
        QVERIFY(*one[1].runs[0].finishedAt > *one[0].runs[0].finishedAt);
        QVERIFY(*one[5].runs[0].finishedAt < *one[1].runs[0].finishedAt);
        // The point's figures over its seeds.
        const SweepFigures figures = figuresOf(one[5]);
        QCOMPARE(int(figures.seeds), 3);
        QCOMPARE(int(figures.finished), 3);
        QCOMPARE(figures.outcome, std::string("Complete"));
        std::vector<double> finish;
        for (const RunSummary& run : one[5].runs)
            finish.push_back(*run.finishedAt);
        std::sort(finish.begin(), finish.end());
        QCOMPARE(figures.completionP50, finish[1]);
        QCOMPARE(figures.peakActiveP50, 3.0);
        QCOMPARE(figuresOf(SweepPoint{}).outcome, std::string());
        QVERIFY(std::isnan(figuresOf(SweepPoint{}).completionP50));
        // The same on four threads.
        options.threads = 4;
        const std::vector<SweepPoint> four = runSweep(kScenario, "s.yaml", axes, options);
        for (size_t p = 0; p < one.size(); ++p)
            for (size_t s = 0; s < one[p].runs.size(); ++s) {
                QCOMPARE(four[p].runs[s].finishedAt, one[p].runs[s].finishedAt);
                QCOMPARE(four[p].runs[s].podSeconds, one[p].runs[s].podSeconds);
            }
    }

    // The fixed-count trade-off over parallelism 1..20 (one seed, no failures): more Pods at
    // once never make the Job finish later, except by the controller's 1 s batch period (the
    // Job completes at the first sync after its last Pod ends, and a sync that a Pod ending just
    // before happened to queue comes sooner), and never cost fewer Pod-seconds than the work
    // itself: the Pods' run times are fixed, so what moves is only start-up and waiting.
    void moreParallelismNeverFinishesLater() {
        QFile file(test::sourceDir() + "/resources/examples/tradeoffs/fixed-count.yaml");
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::string text = file.readAll().toStdString();
        SweepAxisError error;
        const std::vector<SweepAxis> axes{*parseSweepAxis("spec.parallelism=1..20", &error)};
        SweepOptions options;
        options.threads = 2;
        const std::vector<SweepPoint> points = runSweep(text, "fixed-count.yaml", axes, options);
        QCOMPARE(int(points.size()), 20);
        constexpr double kSyncBatch = 1.0;
        const double work = 30 + 12 + 9 + 18; // runTime of the four shards
        std::optional<double> earliest;
        double leastPodSeconds = std::numeric_limits<double>::infinity();
        for (const SweepPoint& point : points) {
            QVERIFY2(point.error.empty(), point.error.c_str());
            const RunSummary& run = point.runs.front();
            QCOMPARE(run.podsFailed, 0);
            QVERIFY(run.podSeconds >= work || !run.finishedAt);
            if (!run.finishedAt)
                continue; // parallelism 1 runs 69 s of work past the scenario's stopAt of 60 s
            if (earliest)
                QVERIFY2(*run.finishedAt <= *earliest + kSyncBatch,
                         qPrintable(QStringLiteral("parallelism %1 finishes at %2 s")
                                        .arg(QString::fromStdString(point.values[0]))
                                        .arg(*run.finishedAt)));
            earliest = std::min(earliest.value_or(*run.finishedAt), *run.finishedAt);
            leastPodSeconds = std::min(leastPodSeconds, run.podSeconds);
        }
        // Once every shard runs at once, more parallelism changes nothing.
        QCOMPARE(*points[19].runs.front().finishedAt, *points[3].runs.front().finishedAt);
        QCOMPARE(points[19].runs.front().podSeconds, leastPodSeconds);
    }

    // A point the file could not hold is not run, and says why; a fixed --set applies to all.
    void pointsThatCannotRun() {
        SweepAxisError error;
        const std::vector<SweepAxis> axes{*parseSweepAxis("spec.parallelism=-1..1", &error)};
        SweepOptions options;
        edit::OverrideError overrideError;
        options.fixed.push_back(*edit::parseOverride("spec.completions=2", &overrideError));
        const std::vector<SweepPoint> points = runSweep(kScenario, "s.yaml", axes, options);
        QCOMPARE(int(points.size()), 3);
        QVERIFY2(points[0].error.find("must be greater than or equal to 0") != std::string::npos,
                 points[0].error.c_str());
        QVERIFY(points[0].runs.empty());
        QVERIFY(points[1].error.empty());
        QCOMPARE(int(points[1].runs.size()), 1);
        QVERIFY(!points[1].runs[0].finishedAt); // parallelism 0: nothing runs
        QCOMPARE(points[2].runs[0].podsCreated, 2);
    }

    // The progress counts every point once, those that cannot run too; a point's text is the
    // fixed values, then its own.
    void pointsDoneAndOverrides() {
        SweepAxisError error;
        const std::vector<SweepAxis> axes{*parseSweepAxis("spec.parallelism=-1..2", &error)};
        std::atomic<std::size_t> done{0};
        SweepOptions options;
        options.seeds = 3;
        options.pointsDone = &done;
        const std::vector<SweepPoint> points = runSweep(kScenario, "s.yaml", axes, options);
        QCOMPARE(done.load(), points.size());
        edit::OverrideError overrideError;
        const std::vector<edit::Override> fixed{
            *edit::parseOverride("spec.completions=2", &overrideError)};
        const std::vector<edit::Override> overrides = pointOverrides(axes, points[3], fixed);
        QCOMPARE(int(overrides.size()), 2);
        QCOMPARE(overrides[0].text, std::string("spec.completions=2"));
        QCOMPARE(overrides[1].text, std::string("spec.parallelism=2"));
        const edit::OverrideResult text = edit::applyOverrides(kScenario, overrides);
        QVERIFY(!text.error);
        QVERIFY(text.text.find("parallelism: 2") != std::string::npos);
        QVERIFY(text.text.find("completions: 2") != std::string::npos);

        // Cancelled before it starts: no point runs, none is counted.
        const std::atomic<bool> cancel{true};
        done = 0;
        for (const SweepPoint& point : runSweep(kScenario, "s.yaml", axes, options, &cancel))
            QVERIFY(point.runs.empty());
        QCOMPARE(done.load(), std::size_t(0));
    }

    void percentiles() {
        QVERIFY(std::isnan(percentile({}, 0.5)));
        QCOMPARE(percentile({4}, 0.9), 4.0);
        QCOMPARE(percentile({3, 1, 2}, 0.5), 2.0);
        QCOMPARE(percentile({1, 2, 3, 4}, 0.5), 2.5);
        QCOMPARE(percentile({10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, 0.9), 91.0);
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
