// SPDX-License-Identifier: GPL-3.0-or-later
// The Compare window (app/compare/compare_window.h): two runs on one time axis, each with its
// summary, and a verdict on which is faster and which is cheaper.

#include "analysis/summary.h"
#include "compare/compare_window.h"
#include "plot/cause_text.h"
#include "plot/timeline_plot.h"
#include "run/run.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "support/test_paths.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace jobscope;
using jobscope::ui::CompareWindow;
using jobscope::ui::TimelinePlot;

namespace {

const QString kPerItem = QStringLiteral(":/examples/tradeoffs/one-pod-per-item.yaml");
const QString kManyPerPod = QStringLiteral(":/examples/tradeoffs/pods-take-many-items.yaml");

RunSummary summaryOf(const QString& sourceRelativePath) {
    Diagnostics diagnostics;
    const QString path = test::sourceDir() + "/resources/examples/" + sourceRelativePath;
    auto scenario = readScenarioFile(path.toStdString(), diagnostics);
    if (!scenario)
        qFatal("cannot read %s", qPrintable(path));
    const Timeline timeline = simulate(*scenario);
    const Analysis analysis = analyze(timeline);
    return summarize(analysis, timeline.events, timeline.start,
                     timeline.end.value_or(timeline.start));
}

QList<TimelinePlot*> plots(const CompareWindow& window) {
    return window.findChildren<TimelinePlot*>();
}

QCPRange timeRange(TimelinePlot* plot) {
    return plot->mainRect()->axis(QCPAxis::atBottom)->range();
}

bool labelShows(const CompareWindow& window, const QString& text) {
    for (QLabel* label : window.findChildren<QLabel*>())
        if (label->text() == text && label->isVisibleTo(&window))
            return true;
    return false;
}

} // namespace

class TestCompareWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { ui::installEnglishPlurals(QCoreApplication::instance()); }

    void opensOnTheTradeoffPair() {
        CompareWindow window;
        const RunSummary perItem = summaryOf("tradeoffs/one-pod-per-item.yaml");
        const RunSummary manyPerPod = summaryOf("tradeoffs/pods-take-many-items.yaml");
        QVERIFY(perItem.finishedAt && manyPerPod.finishedAt);

        const QString top = window.summaryText(0);
        const QString bottom = window.summaryText(1);
        QVERIFY2(top.startsWith(QStringLiteral("Complete (CompletionsReached) at %1 s")
                                    .arg(*perItem.finishedAt, 0, 'f', 1)),
                 qPrintable(top));
        QVERIFY2(bottom.startsWith(QStringLiteral("Complete (CompletionsReached) at %1 s")
                                       .arg(*manyPerPod.finishedAt, 0, 'f', 1)),
                 qPrintable(bottom));
        QVERIFY2(top.contains(QStringLiteral("%1 Pod-seconds").arg(perItem.podSeconds, 0, 'f', 1)),
                 qPrintable(top));
        QVERIFY2(top.contains(QStringLiteral("%1 Pods created").arg(perItem.podsCreated)),
                 qPrintable(top));
        QVERIFY2(bottom.contains(QStringLiteral("%1 Pods created").arg(manyPerPod.podsCreated)),
                 qPrintable(bottom));
        QVERIFY(labelShows(window, top));
        QVERIFY(labelShows(window, bottom));

        // The work queue finishes first and costs less: the verdict names it for both.
        QVERIFY(*manyPerPod.finishedAt < *perItem.finishedAt);
        QVERIFY(manyPerPod.podSeconds < perItem.podSeconds);
        const QString verdict = window.verdictText();
        QVERIFY2(verdict.contains("Faster: Pods that take many items"), qPrintable(verdict));
        QVERIFY2(verdict.contains("Cheaper: Pods that take many items"), qPrintable(verdict));
    }

    void xRangesAreShared() {
        CompareWindow window;
        const QList<TimelinePlot*> both = plots(window);
        QCOMPARE(both.size(), 2);
        const QCPRange a = timeRange(both[0]);
        const QCPRange b = timeRange(both[1]);
        QCOMPARE(a.lower, b.lower);
        QCOMPARE(a.upper, b.upper);
        QCOMPARE(a.upper, window.sharedEnd());
        // The longer run (one Pod per item) sets the end; the shorter one is drawn to it.
        const RunSummary perItem = summaryOf("tradeoffs/one-pod-per-item.yaml");
        const RunSummary quota = summaryOf("causes/quota-exceeded.yaml");
        const double pairEnd = window.sharedEnd();
        QVERIFY(pairEnd >= *perItem.finishedAt);
        QVERIFY(*quota.finishedAt > *perItem.finishedAt);

        // A longer run on top moves the end for both.
        QVERIFY(window.openFile(0, ":/examples/causes/quota-exceeded.yaml"));
        QVERIFY(window.sharedEnd() > pairEnd);
        QVERIFY(window.sharedEnd() >= *quota.finishedAt);
        QCOMPARE(timeRange(both[0]).upper, window.sharedEnd());
        QCOMPARE(timeRange(both[1]).upper, window.sharedEnd());

        // The same short run on both sides: the end shrinks back to it.
        QVERIFY(window.openFile(0, kManyPerPod));
        QVERIFY(window.sharedEnd() < pairEnd);
        QCOMPARE(timeRange(both[0]), timeRange(both[1]));
    }

    // One Pods scale on both sides: ten Jobs of one Pod each against one Job of parallelism 4.
    void podScalesAreShared() {
        CompareWindow window;
        QVERIFY(window.openFile(0, ":/examples/tradeoffs/one-job-per-item.yaml"));
        QVERIFY(window.openFile(1, ":/examples/tradeoffs/one-job-for-all-items.yaml"));
        const QList<TimelinePlot*> both = plots(window);
        QCOMPARE(both[0]->valueMax(), 10.0);
        QCOMPARE(both[1]->valueMax(), 4.0);
        const QCPRange top = both[0]->mainRect()->axis(QCPAxis::atLeft)->range();
        const QCPRange bottom = both[1]->mainRect()->axis(QCPAxis::atLeft)->range();
        QCOMPARE(top.lower, bottom.lower);
        QCOMPARE(top.upper, bottom.upper);
        QVERIFY(top.upper > 10);
        // The verdict counts the objects each made: 10 Jobs and 10 Pods against 1 and 10.
        const QString verdict = window.verdictText();
        QVERIFY2(verdict.contains(QStringLiteral("Fewer API objects: One Job for all work items, "
                                                 "11 Jobs and Pods against 20.")),
                 qPrintable(verdict));
        QVERIFY2(window.summaryText(0).contains(QStringLiteral("10 Jobs")),
                 qPrintable(window.summaryText(0)));
    }

    void zoomingOneSideMovesTheOther() {
        CompareWindow window;
        const QList<TimelinePlot*> both = plots(window);
        emit both[1]->timeRangeChanged(10, 30);
        QCOMPARE(timeRange(both[0]).lower, 10.0);
        QCOMPARE(timeRange(both[0]).upper, 30.0);
    }

    void badFileShowsAPositionedErrorAndKeepsTheSide() {
        CompareWindow window;
        const QString before = window.summaryText(1);
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("seed: 1\njob:\n  apiVersion: batch/v1\n  kind: Job\n  metadata: {name: x}\n"
                   "  spec:\n    parallelism: -1\n    template:\n      spec:\n"
                   "        restartPolicy: Never\n        containers: [{name: w, image: b}]\n");
        file.close();
        QString error;
        QVERIFY(!window.openFile(1, path, &error));
        QVERIFY2(error.startsWith(path + ":7:"), qPrintable(error));
        QVERIFY(labelShows(window, error));
        QCOMPARE(window.summaryText(1), before);

        QVERIFY(!window.openFile(1, dir.filePath("missing.yaml"), &error));
        QVERIFY(error.contains("missing.yaml"));
        QVERIFY(!window.openFile(2, kPerItem, &error));

        // A good file clears the message.
        QVERIFY(window.openFile(1, kPerItem));
        QVERIFY(!labelShows(window, error));
        QCOMPARE(window.summaryText(1), window.summaryText(0));
    }

    // A Job recorded on a real cluster beside its calibrated simulation: the recording is
    // replayed (not simulated) under its menu title, and both complete within half a second.
    void recordingBesideItsSimulation() {
        CompareWindow window;
        QString error;
        QVERIFY2(window.openFile(0, QStringLiteral(":/recordings/quota-of-two-pods.jsonl"), &error),
                 qPrintable(error));
        QVERIFY2(window.openFile(1, QStringLiteral(":/examples/real/d.yaml"), &error),
                 qPrintable(error));
        QVERIFY(labelShows(window, QStringLiteral("Quota of 2 Pods, 6 completions")));
        QVERIFY(labelShows(window, QStringLiteral("Quota of 2 Pods, 6 completions (calibrated "
                                                  "simulation)")));
        const QRegularExpression complete(
            QStringLiteral(R"(^Complete \(CompletionsReached\) at (\d+\.\d) s)"));
        const QRegularExpressionMatch recorded = complete.match(window.summaryText(0));
        const QRegularExpressionMatch simulated = complete.match(window.summaryText(1));
        QVERIFY2(recorded.hasMatch(), qPrintable(window.summaryText(0)));
        QVERIFY2(simulated.hasMatch(), qPrintable(window.summaryText(1)));
        QVERIFY(std::abs(recorded.captured(1).toDouble() - 21.9) < 0.5);
        QVERIFY(std::abs(recorded.captured(1).toDouble() - simulated.captured(1).toDouble()) < 0.5);
        QVERIFY(window.summaryText(0).contains(QStringLiteral("6 Pods created")));

        // A folder of kubectl watch streams opens too, named after its Job.
        QVERIFY2(window.openFile(0, test::recordingsDir() + QStringLiteral("/d"), &error),
                 qPrintable(error));
        QVERIFY(labelShows(window, QStringLiteral("Job job-d (recorded)")));
    }

    void quickPicksListTheTradeoffExamples() {
        CompareWindow window;
        const QList<QComboBox*> boxes = window.findChildren<QComboBox*>();
        QCOMPARE(boxes.size(), 2);
        QComboBox* top = boxes[0];
        // A prompt plus the six trade-off examples, by title.
        QCOMPARE(top->count(), 7);
        const int row = top->findText("Fixed count: shards decided up front");
        QVERIFY2(row > 0, qPrintable(top->itemText(1)));
        top->setCurrentIndex(row);
        emit top->activated(row);
        QVERIFY(window.summaryText(0) != window.summaryText(1));
    }

    // A run made elsewhere (the open document's, edits included) stands on a side; Ctrl+W
    // and Esc close the window.
    void openRunAndCloseKeys() {
        CompareWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        Diagnostics diagnostics;
        const QString path =
            test::sourceDir() + QStringLiteral("/resources/examples/causes/controller-lag.yaml");
        auto scenario = readScenarioFile(path.toStdString(), diagnostics);
        QVERIFY(scenario);
        auto run = std::make_shared<const jobscope::Run>(jobscope::runScenario(*scenario));
        window.openRun(1, run, QStringLiteral("edited.yaml"));
        QVERIFY(window.summaryText(1).contains(QStringLiteral("40 Pods created")));
        QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier);
        QTRY_VERIFY(!window.isVisible());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Escape);
        QTRY_VERIFY(!window.isVisible());
    }

    void rendersBothSides() {
        CompareWindow window;
        const QImage image = window.renderImage(QSize(1200, 900));
        QCOMPARE(image.size(), QSize(1200, 900));
        // Both plots are drawn: each half holds many non-white pixels.
        for (int half = 0; half < 2; ++half) {
            int inked = 0;
            for (int y = half * 430 + 60; y < half * 430 + 400; y += 4)
                for (int x = 0; x < 1200; x += 4)
                    inked += image.pixelColor(x, y) != QColor(Qt::white);
            QVERIFY2(inked > 500, qPrintable(QString::number(inked)));
        }
        if (const QString dir = qEnvironmentVariable("JOBSCOPE_SHOT_DIR"); !dir.isEmpty()) {
            image.save(dir + "/compare-render.png");
            window.resize(1200, 900);
            window.show();
            window.grab().save(dir + "/compare-window.png");
        }
    }
};

QTEST_MAIN(TestCompareWindow)
#include "tst_compare_window.moc"
