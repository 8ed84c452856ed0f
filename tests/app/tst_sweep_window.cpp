// SPDX-License-Identifier: GPL-3.0-or-later
// The Sweep window (app/sweep/sweep_window.h): the document run over a grid of values on a
// worker thread, drawn as `jobscope sweep --png` draws it, its points opened as documents.

#include "gui/job_document.h"
#include "gui/main_window.h"
#include "plot/cause_text.h"
#include "run/sweep.h"
#include "support/test_paths.h"
#include "sweep/sweep_window.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include <cmath>

using namespace jobscope;
using jobscope::ui::SweepWindow;

namespace {

const QString kName = QStringLiteral("fixed-count.yaml");

QString fixedCountText() {
    QFile file(test::sourceDir() + "/resources/examples/tradeoffs/fixed-count.yaml");
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixed-count.yaml");
    return QString::fromUtf8(file.readAll());
}

std::vector<SweepAxis> axesOf(const QStringList& varies) {
    std::vector<SweepAxis> axes;
    for (const QString& vary : varies) {
        SweepAxisError error;
        const auto axis = parseSweepAxis(vary.toStdString(), &error);
        if (!axis)
            qFatal("bad axis %s", qPrintable(vary));
        axes.push_back(*axis);
    }
    return axes;
}

std::vector<SweepFigures> expectedFigures(const QString& text, const QStringList& varies,
                                          int seeds = 1) {
    SweepOptions options;
    options.seeds = seeds;
    std::vector<SweepFigures> figures;
    for (const SweepPoint& point :
         runSweep(text.toStdString(), kName.toStdString(), axesOf(varies), options))
        figures.push_back(figuresOf(point));
    return figures;
}

bool sameNumber(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

// Runs the window's sweep to its end.
bool runToEnd(SweepWindow& window) {
    QSignalSpy finished(&window, &SweepWindow::finished);
    if (!window.run())
        return false;
    return finished.wait(5000) || finished.count() > 0;
}

QAction* sweepAction(const ui::MainWindow& window) {
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction* action : menu->menu()->actions())
                if (action->text() == QStringLiteral("S&weep…"))
                    return action;
    return nullptr;
}

} // namespace

class TestSweepWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(settingsDir_.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("JobScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sweep_window"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
        ui::installEnglishPlurals(QCoreApplication::instance());
    }
    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    void plotsWhatTheEngineComputes() {
        const QString text = fixedCountText();
        SweepWindow window(text, kName);
        window.resize(1000, 700);
        window.setAxis(0, QStringLiteral("spec.parallelism"), QStringLiteral("1..4"));
        QVERIFY(runToEnd(window));
        QVERIFY(!window.isRunning());
        QCOMPARE(window.errorText(), QString());

        const std::vector<SweepFigures> expected =
            expectedFigures(text, {QStringLiteral("spec.parallelism=1..4")});
        QCOMPARE(window.figures().size(), expected.size());
        QCustomPlot* plot = window.plot();
        QCOMPARE(plot->graphCount(), 2); // one line: its completion time and its Pod-seconds
        QCPGraph* completion = plot->graph(0);
        QCPGraph* cost = plot->graph(1);
        QCOMPARE(completion->dataCount(), 4);
        QCOMPARE(cost->dataCount(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(completion->data()->at(i)->key, i + 1.0);
            QVERIFY2(sameNumber(completion->data()->at(i)->value,
                                expected[static_cast<size_t>(i)].completionP50),
                     qPrintable(QString::number(i)));
            QCOMPARE(cost->data()->at(i)->value, expected[static_cast<size_t>(i)].podSecondsP50);
        }
        // More Pods at once finish sooner.
        QVERIFY(expected[3].completionP50 < expected[1].completionP50);

        auto* progress = window.findChild<QProgressBar*>();
        QVERIFY(progress);
        QCOMPARE(progress->maximum(), 4);
        QCOMPARE(progress->value(), 4);

        const QString tip = window.pointToolTip(3);
        QVERIFY2(tip.contains("spec.parallelism=4"), qPrintable(tip));
        QVERIFY2(
            tip.contains(
                QStringLiteral("completion time: %1 s").arg(expected[3].completionP50, 0, 'f', 1)),
            qPrintable(tip));
    }

    void secondAxisDrawsOneLinePerValue() {
        const QString text = fixedCountText();
        SweepWindow window(text, kName);
        window.setAxis(0, QStringLiteral("spec.parallelism"), QStringLiteral("1,4"));
        window.setAxis(1, QStringLiteral("spec.backoffLimit"), QStringLiteral("0,2,6"));
        window.setSeeds(2);
        QVERIFY(runToEnd(window));
        QCOMPARE(window.points().size(), size_t(6));
        QCOMPARE(window.plot()->graphCount(), 6);
        const std::vector<SweepFigures> expected =
            expectedFigures(text, {"spec.parallelism=1,4", "spec.backoffLimit=0,2,6"}, 2);
        // Line 1 (backoffLimit=2): its points are 1 and 4 of the row-major grid.
        QCOMPARE(window.plot()->graph(3)->data()->at(1)->value, expected[4].podSecondsP50);
        QCOMPARE(window.plot()->graph(2)->name(), QStringLiteral("spec.backoffLimit=2"));
        if (const QString dir = qEnvironmentVariable("JOBSCOPE_SHOT_DIR"); !dir.isEmpty()) {
            window.resize(1280, 720);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.grab().save(dir + QStringLiteral("/sweep_window.png"));
        }
    }

    void csvIsTheCommandsCsv() {
        const QString text = fixedCountText();
        SweepWindow window(text, kName);
        window.setAxis(0, QStringLiteral("spec.parallelism"), QStringLiteral("1..3"));
        QVERIFY(runToEnd(window));
        QTemporaryDir dir;
        const QString path = dir.filePath("sweep.csv");
        QString error;
        QVERIFY2(window.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::vector<SweepAxis> axes = axesOf({"spec.parallelism=1..3"});
        const std::vector<SweepPoint> points =
            runSweep(text.toStdString(), kName.toStdString(), axes, {});
        std::vector<SweepFigures> figures;
        for (const SweepPoint& point : points)
            figures.push_back(figuresOf(point));
        QCOMPARE(file.readAll().toStdString(), sweepCsv(axes, points, figures));
        QVERIFY(window.exportPng(dir.filePath("sweep.png"), QSize(640, 400), &error));
        QCOMPARE(QImage(dir.filePath("sweep.png")).size(), QSize(640, 400));
    }

    void badRangeIsShownAndNothingRuns() {
        SweepWindow window(fixedCountText(), kName);
        QSignalSpy finished(&window, &SweepWindow::finished);
        window.setAxis(0, QStringLiteral("spec.parallelism"), QStringLiteral("4..1"));
        QVERIFY(!window.run());
        QVERIFY(!window.isRunning());
        QVERIFY2(
            window.errorText().contains("'spec.parallelism=4..1' is not a range A..B or A..B:STEP"),
            qPrintable(window.errorText()));
        window.setAxis(0, QStringLiteral("spec.parallelism"), QString());
        QVERIFY(!window.run());
        QVERIFY2(window.errorText().contains("is not PATH=VALUES"), qPrintable(window.errorText()));
        QTest::qWait(20);
        QCOMPARE(finished.count(), 0);
        QVERIFY(window.points().empty());
    }

    void pointThatCannotRunIsNamed() {
        SweepWindow window(fixedCountText(), kName);
        window.setAxis(0, QStringLiteral("spec.parallelism"), QStringLiteral("2,-1"));
        QVERIFY(runToEnd(window));
        QVERIFY2(window.errorText().contains("the point spec.parallelism=-1 cannot run"),
                 qPrintable(window.errorText()));
        QVERIFY(window.points().empty());
    }

    void brokenTextIsShownAndNothingRuns() {
        SweepWindow window(QStringLiteral("job: [\n"), kName);
        QVERIFY(!window.run());
        QVERIFY(!window.errorText().isEmpty());
        QVERIFY(!window.isRunning());
    }

    // A scenario whose Job is in another file reads it next to the document's file.
    void jobFileIsReadBesideTheDocument() {
        const QString path =
            jobscope::test::sourceDir() + QStringLiteral("/tests/data/scenarios/job-path.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        SweepWindow untitled(text, QStringLiteral("job-path.yaml"));
        untitled.setAxis(0, QStringLiteral("runTime"), QStringLiteral("5,10"));
        QVERIFY(!untitled.run()); // manifests/shards.yaml is nowhere near
        QVERIFY(!untitled.errorText().isEmpty());

        SweepWindow window(text, QStringLiteral("job-path.yaml"));
        window.setFilePath(path);
        window.setAxis(0, QStringLiteral("runTime"), QStringLiteral("5,10"));
        QVERIFY2(runToEnd(window), qPrintable(window.errorText()));
        QCOMPARE(window.points().size(), size_t(2));
        QVERIFY(window.points()[0].error.empty());
    }

    void clickingAPointOpensItsRun() {
        const QString text = fixedCountText();
        SweepWindow window(text, kName);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setAxis(0, QStringLiteral("spec.parallelism"), QStringLiteral("1..4"));
        QVERIFY(runToEnd(window));
        QSignalSpy opened(&window, &SweepWindow::pointOpened);
        // The Pod-seconds point of parallelism 3 (bottom panel).
        QCPGraph* cost = window.plot()->graph(1);
        const auto datum = cost->data()->at(2);
        const QPoint at(qRound(cost->keyAxis()->coordToPixel(datum->key)),
                        qRound(cost->valueAxis()->coordToPixel(datum->value)));
        QCOMPARE(window.pointAt(at), 2);
        QTest::mouseClick(window.plot(), Qt::LeftButton, {}, at);
        QCOMPARE(opened.count(), 1);
        const QString openedText = opened.at(0).at(0).toString();
        const edit::OverrideResult expected = edit::applyOverrides(
            text.toStdString(), pointOverrides(window.axes(), window.points()[2]));
        QVERIFY(!expected.error);
        QCOMPARE(openedText.toStdString(), expected.text);
        QVERIFY(openedText.contains("parallelism: 3"));
        QCOMPARE(opened.at(0).at(1).toString(), QStringLiteral("fixed-count (spec.parallelism=3)"));

        // Away from every point nothing opens.
        QTest::mouseClick(window.plot(), Qt::LeftButton, {}, QPoint(2, 2));
        QCOMPARE(opened.count(), 1);
    }

    void cancelStopsTheSweep() {
        SweepWindow window(fixedCountText(), kName);
        window.setAxis(0, QStringLiteral("spec.parallelism"), QStringLiteral("1..50"));
        window.setSeeds(1000);
        QSignalSpy finished(&window, &SweepWindow::finished);
        QVERIFY(window.run());
        QVERIFY(window.isRunning());
        window.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 3000);
        QVERIFY(!window.isRunning());
        QVERIFY(window.points().empty()); // a cancelled sweep is not shown
        QCOMPARE(window.errorText(), QString());
    }

    void closingCancelsAndWaits() {
        auto* window = new SweepWindow(fixedCountText(), kName);
        window->setAxis(0, QStringLiteral("spec.parallelism"), QStringLiteral("1..50"));
        window->setSeeds(1000);
        QVERIFY(window->run());
        QElapsedTimer clock;
        clock.start();
        delete window; // waits for the worker, which stops at the next run
        QVERIFY(clock.elapsed() < 3000);
    }

    void simulateMenuSweepsTheDocumentAndOpensAPoint() {
        ui::MainWindow window;
        QVERIFY(window.openFile(QStringLiteral(":/examples/tradeoffs/fixed-count.yaml")));
        window.document()->waitForIdle();
        QAction* sweep = sweepAction(window);
        QVERIFY(sweep);
        QVERIFY(sweep->isEnabled());
        // Unsaved edits are what is swept.
        window.document()->setText(window.document()->text().replace("stopAt: 60", "stopAt: 61"));
        sweep->trigger();
        auto* sweepWindow = window.findChild<SweepWindow*>();
        QVERIFY(sweepWindow);
        sweepWindow->setAxis(0, QStringLiteral("spec.parallelism"), QStringLiteral("2,3"));
        QVERIFY(runToEnd(*sweepWindow));
        QString error;
        const QString text = sweepWindow->pointText(1, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(text.contains("stopAt: 61"));
        QVERIFY(text.contains("parallelism: 3"));
        // The open document is modified: Discard in the question, then the point opens.
        QTimer::singleShot(0, [] {
            for (QWidget* widget : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(widget))
                    box->button(QMessageBox::Discard)->click();
        });
        emit sweepWindow->pointOpened(text, sweepWindow->pointName(1));
        QCOMPARE(window.document()->text(), text);
        QCOMPARE(window.document()->displayName(),
                 QStringLiteral("fixed-count (spec.parallelism=3)"));
        QVERIFY(window.document()->filePath().isEmpty());
        QVERIFY(!window.document()->isModified());

        // A recording cannot be swept, and the menu says why.
        QVERIFY(window.openFile(QStringLiteral(":/recordings/quota-of-two-pods.jsonl")));
        window.document()->waitForIdle();
        QVERIFY(!sweep->isEnabled());
        QVERIFY2(sweep->toolTip().contains("recorded"), qPrintable(sweep->toolTip()));
    }

private:
    QTemporaryDir settingsDir_;
};

QTEST_MAIN(TestSweepWindow)
#include "tst_sweep_window.moc"
