// SPDX-License-Identifier: GPL-3.0-or-later
// Simulate › What If From Here in the main window, on the offscreen platform: a recording forked
// at the playhead opens as a what-if document whose runs go on from the recording; the plot shows
// the recording's active Pods after the fork on the same axis, the fork, and how the two differ;
// an edit or a knob re-runs from the same fork; Compare With Recording shows both runs. The
// action is disabled where there is no recording to fork.

#include "compare/compare_window.h"
#include "gui/gui_entry.h"
#include "gui/job_document.h"
#include "gui/main_window.h"
#include "gui/playback_controller.h"
#include "live/recording.h"
#include "plot/timeline_plot.h"
#include "sim/fork.h"
#include "support/test_paths.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <cmath>
#include <memory>

#if __has_include("editor/editor_panel.h")
#include "editor/editor_panel.h"
#define HAS_EDITOR 1
#else
#define HAS_EDITOR 0
#endif

using jobscope::Run;
using jobscope::SeriesRow;
using jobscope::ui::CompareWindow;
using jobscope::ui::JobDocument;
using jobscope::ui::MainWindow;
using namespace jobscope;

namespace {

QString recording(const QString& name) {
    return test::recordingsDir() + QLatin1Char('/') + name;
}

std::unique_ptr<MainWindow> openWindow(const QString& path) {
    auto window = std::make_unique<MainWindow>();
    window->resize(1280, 800);
    if (!window->openFile(path))
        return nullptr;
    window->document()->waitForIdle();
    return window;
}

QAction* action(const MainWindow& window, const char* name) {
    return window.findChild<QAction*>(QLatin1String(name));
}

// The recording's active Pods at `t` (seconds since the Job's creation): its last row at or
// before t.
int recordedActiveAt(const Run& run, double t) {
    int active = 0;
    for (const SeriesRow& row : run.analysis.series) {
        if (row.time - run.origin > t + 1e-9)
            break;
        active = row.active;
    }
    return active;
}

// Forks the window's recording at `at` through the menu action.
bool forkAt(MainWindow& window, double at) {
    window.playback()->setTime(at);
    QAction* whatif = action(window, "whatifAction");
    if (!whatif || !whatif->isEnabled())
        return false;
    whatif->trigger();
    window.document()->waitForIdle();
    return window.document()->isWhatif() && window.document()->result();
}

// The first Pods of `run` created up to `at`: name and creation time since the Job's creation.
QStringList podsUpTo(const Run& run, double at) {
    QStringList pods;
    for (const PodLifecycle& pod : run.analysis.pods)
        if (pod.created - run.origin <= at)
            pods << QStringLiteral("%1@%2")
                        .arg(QString::fromStdString(pod.name))
                        .arg(pod.created - run.origin, 0, 'f', 3);
    return pods;
}

} // namespace

class TestWhatifGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(settingsDir_.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("JobScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_whatif_gui"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    }
    void cleanup() { QSettings().clear(); }
    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    // The what-if of a recording at the playhead: a scenario of the recorded Job, forked at the
    // playhead's time, whose plot shows the recording after the fork and the fork itself.
    void whatifFromThePlayhead_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("at");
        QTest::addColumn<QString>("job");
        QTest::newRow("a at 10 s") << "a" << 10.0 << "job-a";
        QTest::newRow("a at 3.5 s") << "a" << 3.5 << "job-a";
        QTest::newRow("a at its creation") << "a" << 0.0 << "job-a";
        QTest::newRow("b at 8 s") << "b" << 8.0 << "";
    }
    void whatifFromThePlayhead() {
        QFETCH(QString, name);
        QFETCH(double, at);
        QFETCH(QString, job);
        const auto window = openWindow(recording(name));
        QVERIFY(window);
        JobDocument* document = window->document();
        QCOMPARE(document->kind(), JobDocument::Kind::Trace);
        const std::shared_ptr<const Run> recorded = document->result();
        QVERIFY(recorded);
        QVERIFY(!action(*window, "compareRecordingAction")->isEnabled());
        QVERIFY(forkAt(*window, at));

        QVERIFY(document->isWhatif());
        QCOMPARE(document->kind(), JobDocument::Kind::Scenario);
        QCOMPARE(document->forkTime(), at);
        QCOMPARE(document->recordedRun(), recorded);
        QVERIFY(document->filePath().isEmpty()); // untitled
        QVERIFY2(document->displayName().contains(name), qPrintable(document->displayName()));
        QVERIFY(document->displayName().contains(QString::number(at, 'f', 1)));
        QVERIFY(document->text().contains(QLatin1String("job:")));
        if (!job.isEmpty())
            QVERIFY(document->text().contains(job));
        const auto whatif = document->result();
        QVERIFY(whatif->scenario && whatif->scenario->fork);
        QCOMPARE(whatif->scenario->fork->at, at);
        QCOMPARE(podsUpTo(*whatif, at), podsUpTo(*recorded, at));
        // The playhead stays at the fork.
        QCOMPARE(window->playback()->time(), at);

        jobscope::ui::TimelinePlot* plot = window->timelinePlot();
        const QCPGraph* reference = plot->recordedActiveGraph();
        QVERIFY(reference);
        QVERIFY(reference->data()->size() >= 2);
        QCOMPARE(reference->data()->constBegin()->key, at);
        QVERIFY(plot->customPlot()->legend->itemWithPlottable(reference));
        for (auto it = reference->data()->constBegin(); it != reference->data()->constEnd(); ++it)
            QVERIFY2(int(it->value) == recordedActiveAt(*recorded, it->key),
                     qPrintable(QStringLiteral("t = %1: %2, recorded %3")
                                    .arg(it->key)
                                    .arg(it->value)
                                    .arg(recordedActiveAt(*recorded, it->key))));
        // Nothing of the reference before the fork; it lasts to the recording's end.
        QVERIFY(std::prev(reference->data()->constEnd())->key >= recorded->end);
        // Unchanged, the what-if asks for the recorded parallelism: no second reference line.
        QVERIFY(!plot->recordedRequestedGraph());
        QVERIFY(plot->forkLine());
        QCOMPARE(plot->forkLine()->point1->coords().x(), at);
        QCOMPARE(plot->forkLine()->point2->coords().x(), at);
        QVERIFY(plot->forkLabel()->text().contains(QString::number(at, 'f', 1)));
        QVERIFY2(plot->referenceNote().contains(QString::number(at, 'f', 1)),
                 qPrintable(plot->referenceNote()));
        QVERIFY(plot->referenceNote().contains(QLatin1String("Pod-seconds")));

        QVERIFY(action(*window, "compareRecordingAction")->isEnabled());
        // A what-if is no recording: no what-if of it.
        QVERIFY(!action(*window, "whatifAction")->isEnabled());
    }

    // An edit of the text or a knob re-runs the what-if from the same fork: the recording up to
    // it, the knob's value after it, and the difference says so.
    void changeRerunsFromTheFork_data() {
        QTest::addColumn<bool>("byKnob");
        QTest::newRow("text") << false;
#if HAS_EDITOR
        QTest::newRow("knob") << true;
#endif
    }
    void changeRerunsFromTheFork() {
        QFETCH(bool, byKnob);
        const auto window = openWindow(recording(QStringLiteral("a")));
        QVERIFY(window);
        const double at = 10;
        QVERIFY(forkAt(*window, at));
        JobDocument* document = window->document();
        const std::shared_ptr<const Run> recorded = document->recordedRun();
        const QString before = window->timelinePlot()->referenceNote();
        const std::optional<Seconds> finishedBefore = document->result()->summary.finishedAt;
        QVERIFY(finishedBefore);
        QVERIFY(document->text().contains(QLatin1String("parallelism: 3")));

        if (byKnob) {
#if HAS_EDITOR
            jobscope::ui::EditorPanel* editor = window->editor();
            QVERIFY(QTest::qWaitFor([editor] { return !editor->knobsPending(); }, 10000));
            auto* parallelism =
                qobject_cast<QSpinBox*>(editor->knob(QStringLiteral("parallelism")));
            QVERIFY(parallelism);
            QCOMPARE(parallelism->value(), 3);
            parallelism->setValue(7);
#endif
        } else {
            document->setText(
                document->text().replace(QLatin1String("parallelism: 3"), "parallelism: 7"));
        }
        QTRY_VERIFY(document->text().contains(QLatin1String("parallelism: 7")));
        document->waitForIdle();
        QVERIFY(document->isWhatif());
        QCOMPARE(document->forkTime(), at);
        QCOMPARE(document->recordedRun(), recorded);
        const auto whatif = document->result();
        QVERIFY(whatif->scenario && whatif->scenario->fork);
        QCOMPARE(podsUpTo(*whatif, at), podsUpTo(*recorded, at));
        QVERIFY(whatif->summary.finishedAt);
        QVERIFY(*whatif->summary.finishedAt < *finishedBefore - 5);
        QCOMPARE(whatif->summary.podsCreated, 10);

        jobscope::ui::TimelinePlot* plot = window->timelinePlot();
        QVERIFY(plot->recordedActiveGraph());
        QVERIFY(plot->recordedRequestedGraph()); // 7 asked for, 3 recorded
        // The recording goes on after the what-if has finished: the axis shows it to its end.
        QVERIFY(whatif->end < recorded->end);
        QVERIFY(plot->dataEnd() >= recorded->end);
        QVERIFY(std::prev(plot->recordedActiveGraph()->data()->constEnd())->key >= recorded->end);
        QVERIFY(plot->hoverText(20).contains(QLatin1String("recorded: requested 3")));
        QVERIFY(!plot->hoverText(5).contains(QLatin1String("recorded")));
        QCOMPARE(plot->forkLine()->point1->coords().x(), at);
        const QString after = plot->referenceNote();
        QVERIFY2(after != before, qPrintable(after));
        QVERIFY2(after.contains(QLatin1String("earlier")), qPrintable(after));
    }

    // Compare With Recording: the recording on top, the what-if below, each with its summary.
    void compareWithRecording() {
        const auto window = openWindow(recording(QStringLiteral("a")));
        QVERIFY(window);
        QVERIFY(forkAt(*window, 10));
        JobDocument* document = window->document();
        document->setText(
            document->text().replace(QLatin1String("parallelism: 3"), "parallelism: 7"));
        document->waitForIdle();
        QAction* compare = action(*window, "compareRecordingAction");
        QVERIFY(compare->isEnabled());
        compare->trigger();
        auto* compareWindow = window->findChild<CompareWindow*>();
        QVERIFY(compareWindow);
        QVERIFY(compareWindow->isVisible());
        const QString top = compareWindow->summaryText(0);
        const QString bottom = compareWindow->summaryText(1);
        QVERIFY(!top.isEmpty());
        QVERIFY(!bottom.isEmpty());
        QVERIFY2(top != bottom, qPrintable(top));
        const QString recordedFinish =
            QString::number(*document->recordedRun()->summary.finishedAt, 'f', 1);
        const QString whatifFinish =
            QString::number(*document->result()->summary.finishedAt, 'f', 1);
        QVERIFY2(top.contains(recordedFinish), qPrintable(top + " / " + recordedFinish));
        QVERIFY2(bottom.contains(whatifFinish), qPrintable(bottom + " / " + whatifFinish));
        QVERIFY(!compareWindow->verdictText().isEmpty());
        compareWindow->close();
    }

    // A live Job forks as a recording does, from what has arrived.
    void whatifOfALiveJob() {
        const auto window = openWindow(MainWindow::defaultExample());
        QVERIFY(window);
        JobDocument* document = window->document();
        document->openLive(QStringLiteral("job-a"));
        document->waitForIdle();
        QVERIFY(!action(*window, "whatifAction")->isEnabled()); // nothing has arrived
        QString error;
        const std::optional<live::Recording> loaded =
            live::RecordingLoader::load(recording(QStringLiteral("a")), &error);
        QVERIFY2(loaded, qPrintable(error));
        document->setLiveTimelines(
            std::make_shared<const std::vector<Timeline>>(1, loaded->timeline));
        document->waitForIdle();
        QVERIFY(action(*window, "whatifAction")->isEnabled());
        const std::shared_ptr<const Run> recorded = document->result();
        QVERIFY(forkAt(*window, 10));
        QVERIFY(!document->isLive());
        QCOMPARE(document->recordedRun(), recorded);
        QVERIFY(document->displayName().contains(QLatin1String("job-a")));
        QCOMPARE(podsUpTo(*document->result(), 10), podsUpTo(*recorded, 10));
    }

    // No recording, no what-if: the action says why; another file ends the what-if.
    void disabledWithoutARecording() {
        const auto window = openWindow(MainWindow::defaultExample());
        QVERIFY(window);
        QAction* whatif = action(*window, "whatifAction");
        QVERIFY(whatif);
        QVERIFY(!whatif->isEnabled());
        QVERIFY(!whatif->toolTip().isEmpty());
        QVERIFY(!action(*window, "compareRecordingAction")->isEnabled());
        QString error;
        QVERIFY(!window->openWhatif(5, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!window->document()->isWhatif());

        QVERIFY(window->openFile(recording(QStringLiteral("a"))));
        window->document()->waitForIdle();
        QVERIFY(whatif->isEnabled());
        QVERIFY(forkAt(*window, 10));
        QVERIFY(window->openFile(MainWindow::defaultExample()));
        window->document()->waitForIdle();
        QVERIFY(!window->document()->isWhatif());
        QVERIFY(!window->document()->recordedRun());
        QVERIFY(!window->timelinePlot()->recordedActiveGraph());
        QVERIFY(!window->timelinePlot()->forkLine());
        QVERIFY(window->timelinePlot()->referenceNote().isEmpty());
        QVERIFY(!whatif->isEnabled());
        QVERIFY(!action(*window, "compareRecordingAction")->isEnabled());
    }

    // `jobscope FILE --whatif --at T`: the option is read after the file as before it.
    void whatifOption_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("whatif");
        QTest::newRow("after the file") << QStringList{"rec", "--whatif", "--at", "10"} << true;
        QTest::newRow("without it") << QStringList{"rec", "--at", "10"} << false;
    }
    void whatifOption() {
        QFETCH(QStringList, arguments);
        QFETCH(bool, whatif);
        jobscope::ui::GuiOptions options;
        QCOMPARE(jobscope::ui::readGuiOptions(arguments, options), std::nullopt);
        QCOMPARE(options.whatif, whatif);
        QCOMPARE(options.at, std::optional<double>(10));
        QCOMPARE(options.files, QStringList{"rec"});
        QVERIFY(jobscope::ui::isGuiFlag(QStringLiteral("--whatif")));
        QVERIFY(!jobscope::ui::isGuiOptionWithValue(QStringLiteral("--whatif")));
    }

private:
    QTemporaryDir settingsDir_;
};

QTEST_MAIN(TestWhatifGui)
#include "tst_whatif_gui.moc"
