// SPDX-License-Identifier: GPL-3.0-or-later
// The main window (app/gui/main_window.h) as a user meets it, on the offscreen platform: it
// opens on the built-in example, every example fills the plot, the playback keys move the
// playhead (but not while the user edits in the editor), Ctrl+F finds in the editor, a bad edit
// keeps the last good plot and says where the error is, exports write what was asked, the language
// switches at runtime, and the settings survive a restart.

#include "gui/gui_entry.h"
#include "gui/inspector_panel.h"
#include "gui/job_document.h"
#include "gui/main_window.h"
#include "gui/playback_controller.h"
#include "gui/recent_files.h"
#include "plot/cause_labels.h"
#include "plot/cause_text.h"
#include "plot/overview_strip.h"
#include "plot/plot_style.h"
#include "plot/timeline_plot.h"
#include "support/test_paths.h"

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QToolBar>

#include <algorithm>
#include <cmath>
#include <memory>

#if __has_include("gantt/pod_gantt.h")
#include "gantt/pod_gantt.h"
#define HAS_GANTT 1
#else
#define HAS_GANTT 0
#endif
#if __has_include("editor/editor_panel.h")
#include "editor/editor_panel.h"
#include "editor/find_bar.h"
#define HAS_EDITOR 1
#else
#define HAS_EDITOR 0
#endif

using jobscope::ui::JobDocument;
using jobscope::ui::MainWindow;
using jobscope::ui::RecentFilesModel;
using jobscope::ui::TimelinePlot;

namespace {

QVector<double> values(const QCPGraph* graph) {
    QVector<double> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        out << it->value;
    return out;
}

double maxOf(const QVector<double>& v) {
    return v.isEmpty() ? -1 : *std::max_element(v.begin(), v.end());
}

int distinctColors(const QImage& image) {
    QSet<QRgb> colors;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colors.insert(image.pixel(x, y));
    return int(colors.size());
}

std::unique_ptr<MainWindow> openWindow(const QString& path = MainWindow::defaultExample()) {
    auto window = std::make_unique<MainWindow>();
    window->resize(1280, 800);
    if (!window->openFile(path))
        return nullptr;
    window->document()->waitForIdle();
    return window;
}

QString menuTitle(const MainWindow& window, int index) {
    return window.menuBar()->actions().value(index)->text();
}

QString stateText(const MainWindow& window) {
    const auto* label = window.findChild<QLabel*>(QStringLiteral("documentState"));
    return label ? label->text() : QString();
}

// Answers the next message box that opens with `button`.
void answerNextMessageBox(QMessageBox::StandardButton button) {
    QTimer::singleShot(0, [button] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
                box->button(button)->click();
                return;
            }
    });
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(settingsDir_.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("JobScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    }

    void cleanup() { QSettings().clear(); }
    // No simulation thread may still be winding down when the process exits: LeakSanitizer
    // stops every thread to scan them, and one that exits meanwhile can crash its tracer.
    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    // After opening a file the keys go to the views: Space plays and types nothing; an undo
    // back to the opened text leaves the document unmodified.
    void spacePlaysAfterOpening() {
        const auto window = openWindow();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->document()->openFile(MainWindow::defaultExample()));
        QCOMPARE(QApplication::focusWidget(), window->timelinePlot());
        auto* bar = window->findChild<QToolBar*>(QStringLiteral("playbackBar"));
        QVERIFY(bar);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(window->document()->isModified(), false);
        QAction* play = bar->actions().value(0);
        QVERIFY(play);
        QCOMPARE(play->text(), QStringLiteral("Pause")); // playing
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(play->text(), QStringLiteral("Play"));

        auto* editor = window->findChild<QPlainTextEdit*>();
        QVERIFY(editor);
        const QString opened = editor->toPlainText();
        // Focus alone does not take the keys: Space still plays.
        editor->setFocus(Qt::TabFocusReason);
        QTest::keyClick(editor, Qt::Key_Space);
        QCOMPARE(play->text(), QStringLiteral("Pause"));
        QTest::keyClick(editor, Qt::Key_Space);
        QCOMPARE(play->text(), QStringLiteral("Play"));
        QCOMPARE(editor->toPlainText(), opened);
        // A click into the text: the user edits, and Space types.
        QTest::mouseClick(editor->viewport(), Qt::LeftButton, {}, QPoint(4, 4));
        QCOMPARE(QApplication::focusWidget(), editor);
        QTest::keyClick(editor, Qt::Key_Space);
        QCOMPARE(play->text(), QStringLiteral("Play"));
        QTRY_VERIFY(window->document()->isModified()); // after the editor's pause
        QVERIFY(window->isWindowModified());
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(!window->document()->isModified());
        QVERIFY(!window->isWindowModified());

        // Leaving the editor ends the editing; coming back by the keyboard does not resume it.
        window->timelinePlot()->setFocus(Qt::TabFocusReason);
        editor->setFocus(Qt::TabFocusReason);
        QTest::keyClick(editor, Qt::Key_Space);
        QCOMPARE(play->text(), QStringLiteral("Pause"));
        QTest::keyClick(editor, Qt::Key_Space);
        QCOMPARE(play->text(), QStringLiteral("Play"));
        // A typed character starts editing too.
        QTest::keyClick(editor, Qt::Key_X);
        QTest::keyClick(editor, Qt::Key_Space);
        QCOMPARE(play->text(), QStringLiteral("Play"));
        QVERIFY(editor->toPlainText().contains(QStringLiteral("x ")));
        QCOMPARE(editor->toPlainText().size(), opened.size() + 2);
    }

    // Ctrl+F from the chart opens the editor's find bar, Ctrl+H with the replace row; both are
    // in the Edit menu.
    void findFromAnywhere() {
#if HAS_EDITOR
        const auto window = openWindow();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->timelinePlot()->setFocus();
        jobscope::ui::FindBar* bar = window->editor()->findBar();
        QVERIFY(!bar->isVisible());
        QTest::keyClick(window->timelinePlot(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(bar->isVisible());
        QVERIFY(!bar->isReplaceShown());
        QCOMPARE(QApplication::focusWidget(), bar->findField());
        QTest::keyClick(bar->findField(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
        QTest::keyClick(window->timelinePlot(), Qt::Key_H, Qt::ControlModifier);
        QVERIFY(bar->isVisible());
        QVERIFY(bar->isReplaceShown());

        QMenu* edit = window->menuBar()->actions().value(1)->menu();
        QVERIFY(edit);
        QStringList texts;
        for (const QAction* a : edit->actions())
            texts << a->text();
        QVERIFY2(texts.contains(QStringLiteral("&Find…")), qPrintable(texts.join('|')));
        QVERIFY2(texts.contains(QStringLiteral("&Replace…")), qPrintable(texts.join('|')));
#else
        QSKIP("built without the editor");
#endif
    }

    // One moment is at the same x of the window in the plot and in the Gantt, whether or not
    // the Gantt shows its scroll bar, and after a resize.
    void plotAndGanttStayAligned_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("scrollBar");
        QTest::newRow("40 Pods at 1280x720: scroll bar")
            << QStringLiteral(":/examples/causes/controller-lag.yaml") << QSize(1280, 720) << true;
        QTest::newRow("8 Pods at 1920x1080: none")
            << MainWindow::defaultExample() << QSize(1920, 1080) << false;
    }
    void plotAndGanttStayAligned() {
        QFETCH(QString, path);
        QFETCH(QSize, size);
        QFETCH(bool, scrollBar);
        const auto window = openWindow(path);
        QVERIFY(window);
        window->resize(size);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->document()->waitForIdle();
        jobscope::ui::PodGantt* gantt = window->podGantt();
        TimelinePlot* plot = window->timelinePlot();
        const auto xInWindow = [&window](QCPAxis* axis, double t) {
            return axis->parentPlot()
                ->mapTo(window.get(), QPoint(qRound(axis->coordToPixel(t)), 0))
                .x();
        };
        const auto aligned = [&] {
            QCPAxis* plotTime = plot->mainRect()->axis(QCPAxis::atBottom);
            QCPAxis* ganttTime = gantt->timeAxis();
            const double t = (plot->dataStart() + plot->dataEnd()) / 2;
            return std::abs(xInWindow(plotTime, t) - xInWindow(ganttTime, t)) <= 1 &&
                   std::abs(xInWindow(plotTime, plot->dataEnd()) -
                            xInWindow(ganttTime, plot->dataEnd())) <= 1;
        };
        QTRY_VERIFY(aligned());
        QCOMPARE(gantt->rowScrollBar()->isVisible(), scrollBar);
        window->resize(size + QSize(-120, 200)); // narrower and taller: scroll bar may go
        QTRY_VERIFY(aligned());
        window->resize(size);
        QTRY_VERIFY(aligned());
    }

    // The requested-vs-active chart keeps the most room: at least 40 % of the plot's height,
    // with the cause lane and the one-line legend under it, whatever the number of causes.
    void theChartGetsTheMostRoom_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QSize>("size");
        for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)})
            for (const char* example :
                 {":/examples/causes/quota-exceeded.yaml", ":/examples/causes/failure-backoff.yaml",
                  ":/examples/real/f.yaml", ":/examples/pod-failure-policy.yaml"})
                QTest::addRow("%s at %dx%d", example, size.width(), size.height())
                    << QString::fromLatin1(example) << size;
    }
    void theChartGetsTheMostRoom() {
        QFETCH(QString, path);
        QFETCH(QSize, size);
        const auto window = openWindow(path);
        QVERIFY(window);
        window->resize(size);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->document()->waitForIdle();
        TimelinePlot* plot = window->timelinePlot();
        plot->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
        const int chart = plot->mainRect()->height();
        QVERIFY2(chart >= 0.4 * plot->height(),
                 qPrintable(QStringLiteral("chart %1 px of %2 px (causes: %3)")
                                .arg(chart)
                                .arg(plot->height())
                                .arg(plot->causeRows().join(", "))));
        // The legend is one line; the Gantt below draws the time labels.
        QCPLegend* legend = plot->customPlot()->legend;
        QCOMPARE(legend->rowCount(), 1);
        QVERIFY(plot->isTimeAxisBelow());
        QVERIFY(!plot->causeLane()->axis(QCPAxis::atBottom)->tickLabels());
        // Hiding the Gantt gives the time labels back.
        window->findChild<jobscope::ui::PodGantt*>()->hide();
        plot->setTimeAxisBelow(false);
        QVERIFY(plot->causeLane()->axis(QCPAxis::atBottom)->tickLabels());
    }

    // The overview strip above the plot shows the range the plot and the Gantt show, on the
    // plot's x; dragging its window pans both.
    void overviewStripPansPlotAndGantt() {
        const auto window = openWindow(":/examples/causes/failure-backoff.yaml");
        QVERIFY(window);
        window->resize(1280, 720);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->document()->waitForIdle();
        auto* strip = window->findChild<jobscope::ui::OverviewStrip*>();
        QVERIFY(strip);
        TimelinePlot* plot = window->timelinePlot();
        plot->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
        // Same x in the window for the same time.
        const double t = (plot->dataStart() + plot->dataEnd()) / 2;
        QCPAxis* plotTime = plot->mainRect()->axis(QCPAxis::atBottom);
        const int plotX = plot->customPlot()
                              ->mapTo(window.get(), QPoint(qRound(plotTime->coordToPixel(t)), 0))
                              .x();
        const int stripX = strip->mapTo(window.get(), QPoint(qRound(strip->pixelOfTime(t)), 0)).x();
        QVERIFY2(std::abs(plotX - stripX) <= 2,
                 qPrintable(QStringLiteral("%1 %2").arg(plotX).arg(stripX)));
        // Zoom the plot to its first quarter: the strip's window follows.
        const double quarter = (plot->dataEnd() - plot->dataStart()) / 4;
        QWheelEvent zoom(
            QPointF(plotTime->coordToPixel(plot->dataStart()), plot->mainRect()->center().y()),
            QPointF(), QPoint(), QPoint(0, 120 * 8), Qt::NoButton, Qt::NoModifier,
            Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(plot->customPlot(), &zoom);
        QTRY_VERIFY(plotTime->range().size() < 2 * quarter);
        QCOMPARE(strip->visibleLower(), plotTime->range().lower);
        QCOMPARE(strip->visibleUpper(), plotTime->range().upper);
        // Drag the strip's window right by 50 px: plot and Gantt pan by as much time.
        const QRectF frame = strip->windowRect();
        const QPointF from(frame.center().x(), strip->height() / 2.0);
        const QPointF to(from.x() + 50, from.y());
        const double before = plotTime->range().lower;
        const double shift = strip->timeAtPixel(to.x()) - strip->timeAtPixel(from.x());
        for (const auto& [type, at, button, buttons] :
             {std::tuple{QEvent::MouseButtonPress, from, Qt::LeftButton,
                         Qt::MouseButtons(Qt::LeftButton)},
              std::tuple{QEvent::MouseMove, to, Qt::NoButton, Qt::MouseButtons(Qt::LeftButton)},
              std::tuple{QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::MouseButtons()}}) {
            QMouseEvent event(type, at, strip->mapToGlobal(at), button, buttons, Qt::NoModifier);
            QCoreApplication::sendEvent(strip, &event);
        }
        QVERIFY2(std::abs(plotTime->range().lower - (before + shift)) < 1e-6,
                 qPrintable(QStringLiteral("%1 → %2, shift %3")
                                .arg(before)
                                .arg(plotTime->range().lower)
                                .arg(shift)));
        QCOMPARE(window->podGantt()->timeAxis()->range().lower, plotTime->range().lower);
        QCOMPARE(strip->visibleLower(), plotTime->range().lower);

        // View › Zoom Back (Alt+Left): the span before the zoom, in every view; the pan after
        // the zoom was no zoom of its own.
        QAction* zoomBack = nullptr;
        for (QAction* action : window->findChildren<QAction*>())
            if (action->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Left))
                zoomBack = action;
        QVERIFY(zoomBack);
        QVERIFY(zoomBack->isEnabled());
        zoomBack->trigger();
        QCOMPARE(plotTime->range().lower, plot->dataStart());
        QCOMPARE(plotTime->range().upper, plot->dataEnd());
        QCOMPARE(window->podGantt()->timeAxis()->range().upper, plot->dataEnd());
        QCOMPARE(strip->visibleUpper(), plot->dataEnd());
        QVERIFY(!zoomBack->isEnabled());
    }

    // At QT_SCALE_FACTOR=2 a 1920x1080 screen is 960x540 logical pixels: the window must fit
    // there (less a panel or title bar), whatever its parts would like.
    void fitsAHalfScaledFullHdScreen() {
        const auto window = openWindow(":/examples/causes/quota-exceeded.yaml");
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        const QSize minimum = window->minimumSizeHint().expandedTo(window->minimumSize());
        QString parts;
        for (QWidget* part : window->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
            parts += QStringLiteral(" %1 %2x%3;")
                         .arg(part->objectName().isEmpty() ? part->metaObject()->className()
                                                           : part->objectName())
                         .arg(part->minimumSizeHint().width())
                         .arg(part->minimumSizeHint().height());
        for (const char* name : {"editor", "inspector", "timelinePlot", "podGantt"})
            if (auto* part = window->findChild<QWidget*>(QString::fromLatin1(name)))
                parts += QStringLiteral(" %1 %2x%3;")
                             .arg(QString::fromLatin1(name))
                             .arg(part->minimumSizeHint().width())
                             .arg(part->minimumSizeHint().height());
        QVERIFY2(minimum.width() <= 960 && minimum.height() <= 500,
                 qPrintable(QStringLiteral("minimum %1x%2:%3")
                                .arg(minimum.width())
                                .arg(minimum.height())
                                .arg(parts)));
        window->resize(960, 500);
        QTRY_COMPARE(window->size(), QSize(960, 500));
    }

    // The playback icons take the palette's button-text colour: dark on the light theme,
    // light on the dark one, redrawn when the palette changes.
    void playbackIconsFollowThePalette() {
        const auto window = openWindow();
        QVERIFY(window);
        auto* bar = window->findChild<QToolBar*>(QStringLiteral("playbackBar"));
        QVERIFY(bar);
        const auto iconLuma = [bar] {
            double brightest = 0;
            int painted = 0;
            for (QAction* action : bar->actions()) {
                if (action->icon().isNull())
                    continue;
                const QImage image = action->icon().pixmap(24).toImage();
                for (int y = 0; y < image.height(); ++y)
                    for (int x = 0; x < image.width(); ++x) {
                        const QRgb px = image.pixel(x, y);
                        if (qAlpha(px) < 200)
                            continue;
                        ++painted;
                        brightest = std::max(brightest, 0.299 * qRed(px) + 0.587 * qGreen(px) +
                                                            0.114 * qBlue(px));
                    }
            }
            return std::make_pair(painted, brightest);
        };
        QPalette light = window->palette();
        light.setColor(QPalette::ButtonText, QColor(20, 20, 20));
        window->setPalette(light);
        const auto [paintedLight, lumaLight] = iconLuma();
        QVERIFY(paintedLight > 300);
        QVERIFY2(lumaLight < 60, qPrintable(QString::number(lumaLight)));
        QPalette dark = light;
        dark.setColor(QPalette::ButtonText, QColor(235, 235, 235));
        window->setPalette(dark);
        const auto [paintedDark, lumaDark] = iconLuma();
        QCOMPARE(paintedDark, paintedLight);
        QVERIFY2(lumaDark > 200, qPrintable(QString::number(lumaDark)));
    }

    void opensOnTheExample() {
        const auto window = openWindow();
        QVERIFY(window);
        QCOMPARE(window->document()->filePath(), MainWindow::defaultExample());
        TimelinePlot* plot = window->timelinePlot();
        const QVector<double> requested = values(plot->graph(TimelinePlot::Series::Requested));
        const QVector<double> active = values(plot->graph(TimelinePlot::Series::Active));
        QVERIFY(!requested.isEmpty());
        QCOMPARE(maxOf(requested), 6.0); // quota-exceeded asks for 6 ...
        QCOMPARE(maxOf(active), 2.0);    // ... and the quota allows 2
        QVERIFY(plot->causeRows().contains(QStringLiteral("quota-exceeded")));
#if HAS_GANTT
        QVERIFY(window->podGantt()->rowCount() > 0);
#endif
        QVERIFY(window->windowTitle().contains(QStringLiteral("quota-exceeded.yaml")));
        QVERIFY2(stateText(*window).contains(QStringLiteral("Pod")),
                 qPrintable(stateText(*window)));
        QCOMPARE(window->playback()->start(), 0.0);
        QCOMPARE(window->playback()->end(), window->document()->result()->end);
    }

    // A Job that failed says so: the status bar names the failure (in red), the finished band
    // is drawn in the failure's colour, and the last instant narrates the condition.
    void aFailedJobLooksFailed_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("failed");
        QTest::newRow("backoff limit exceeded")
            << jobscope::test::testDataDir() +
                   QStringLiteral("/scenarios/backoff-limit-exceeded.yaml")
            << true;
        QTest::newRow("complete") << QStringLiteral(
                                         ":/examples/patterns/fixed-count-nonindexed.yaml")
                                  << false;
    }

    void aFailedJobLooksFailed() {
        QFETCH(QString, path);
        QFETCH(bool, failed);
        const auto window = openWindow(path);
        QVERIFY(window);
        const QString state = stateText(*window);
        QCOMPARE(state.contains(QStringLiteral("Failed (BackoffLimitExceeded)")), failed);
        QCOMPARE(state.contains(QStringLiteral("Complete (CompletionsReached)")), !failed);
        const auto* label = window->findChild<QLabel*>(QStringLiteral("documentState"));
        QCOMPARE(label->styleSheet().contains(jobscope::ui::failedColor().name()), failed);

        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("plot.png"));
        QVERIFY(window->exportPlotPng(png, QSize(1200, 600)));
        const QImage image(png);
        int failurePixels = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                failurePixels += image.pixel(x, y) == jobscope::ui::failedColor().rgb();
        QVERIFY2(failed ? failurePixels > 100 : failurePixels == 0,
                 qPrintable(QString::number(failurePixels)));

        window->playback()->setTime(window->document()->result()->end);
        const QString narration = window->inspector()->narration();
        QVERIFY2(
            narration.contains(failed ? QStringLiteral("The Job has failed (BackoffLimitExceeded)")
                                      : QStringLiteral("The Job is complete (CompletionsReached)")),
            qPrintable(narration));
    }

    // File › Open Example › Recorded on a Real Cluster: the recordings under descriptive
    // titles, then a heading and their calibrated simulations; a recording opens as what was
    // observed (a trace, no scenario, no knobs to simulate with).
    void recordedExamplesOpenAsRecordings() {
        const auto window = openWindow();
        QVERIFY(window);
        QMenu* file = window->menuBar()->actions().value(0)->menu();
        QVERIFY(file);
        QMenu* examples = nullptr;
        for (QAction* a : file->actions())
            if (a->menu() && a->text() == QStringLiteral("Open &Example"))
                examples = a->menu();
        QVERIFY(examples);
        QMenu* recorded = nullptr;
        for (QAction* a : examples->actions())
            if (a->menu() && a->text() == QStringLiteral("&Recorded on a Real Cluster"))
                recorded = a->menu();
        QVERIFY(recorded);
        QStringList texts;
        QAction* first = nullptr;
        for (QAction* a : recorded->actions()) {
            texts << (a->isSeparator() ? QStringLiteral("--") + a->text() : a->text());
            if (!first && !a->isSeparator())
                first = a;
        }
        const qsizetype heading = texts.indexOf(QStringLiteral("--Calibrated simulations"));
        QVERIFY2(heading == 5, qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("Quota of 2 Pods, 6 completions")));
        QVERIFY(texts.contains(QStringLiteral("Quota of 2 Pods, 6 completions (calibrated "
                                              "simulation)")));
        for (const QString& text : texts)
            QVERIFY2(!text.contains(QStringLiteral("trace"), Qt::CaseInsensitive),
                     qPrintable(text));

        first->trigger();
        window->document()->waitForIdle();
        QCOMPARE(window->document()->kind(), JobDocument::Kind::Trace);
        QVERIFY(window->document()->filePath().startsWith(QStringLiteral(":/recordings/")));
        const auto result = window->document()->result();
        QVERIFY(result && !result->scenario);
        QVERIFY(!values(window->timelinePlot()->graph(TimelinePlot::Series::Active)).isEmpty());
    }

    // `jobscope FILE --lang zh_CN --at 3`: the options after the file are no files to open.
    void optionsAfterTheFile() {
        jobscope::ui::GuiOptions options;
        QCOMPARE(jobscope::ui::readGuiOptions({QStringLiteral("a.yaml"), QStringLiteral("--lang"),
                                               QStringLiteral("zh_CN"), QStringLiteral("--at=3.5"),
                                               QStringLiteral("--theme"), QStringLiteral("dark")},
                                              options),
                 std::nullopt);
        QCOMPARE(options.files, QStringList{QStringLiteral("a.yaml")});
        QCOMPARE(options.language, QStringLiteral("zh_CN"));
        QCOMPARE(options.at, std::optional<double>(3.5));
        QCOMPARE(options.theme, QStringLiteral("dark"));
        jobscope::ui::GuiOptions two;
        QVERIFY(!jobscope::ui::readGuiOptions({QStringLiteral("a.yaml"),
                                               QStringLiteral("--size=1920x1080"),
                                               QStringLiteral("b.yaml")},
                                              two));
        QCOMPARE(two.files, (QStringList{QStringLiteral("a.yaml"), QStringLiteral("b.yaml")}));
        QCOMPARE(two.size, QSize(1920, 1080));
        for (const QStringList& bad :
             {QStringList{QStringLiteral("a.yaml"), QStringLiteral("--bogus")},
              QStringList{QStringLiteral("a.yaml"), QStringLiteral("--size"), QStringLiteral("9")},
              QStringList{QStringLiteral("a.yaml"), QStringLiteral("--at"), QStringLiteral("-1")},
              QStringList{QStringLiteral("a.yaml"), QStringLiteral("--theme=pink")},
              QStringList{QStringLiteral("a.yaml"), QStringLiteral("--screenshot")}}) {
            jobscope::ui::GuiOptions o;
            QVERIFY2(jobscope::ui::readGuiOptions(bad, o), qPrintable(bad.join(' ')));
        }
    }

    // A scenario of several Jobs: the views show them summed, the chooser shows one at a time.
    void severalJobsChosenOneAtATime() {
        MainWindow window;
        window.resize(1280, 720);
        const QString text = QStringLiteral(
            "job: {apiVersion: batch/v1, kind: Job, metadata: {name: shard}, spec: "
            "{completionMode: Indexed, completions: 3, parallelism: 2, template: {spec: "
            "{restartPolicy: Never, containers: [{name: w, image: busybox}]}}}}\n"
            "replicas: {count: 4, startEvery: 2}\ncluster: {quota: {pods: 5}}\nrunTime: 4\n");
        window.document()->openText(text, QStringLiteral("shards.yaml"));
        window.document()->waitForIdle();
        const auto result = window.document()->result();
        QVERIFY(result);
        QCOMPARE(result->jobs.size(), std::size_t(4));
        auto* chooser = window.findChild<QComboBox*>(QStringLiteral("jobCombo"));
        QVERIFY(chooser);
        QCOMPARE(chooser->count(), 5);
        QCOMPARE(chooser->itemText(0), QStringLiteral("All 4 Jobs"));
        QCOMPARE(chooser->itemText(3), QStringLiteral("shard-2"));

        // All of them: the requested line sums the Jobs' parallelism as they are created.
        TimelinePlot* plot = window.timelinePlot();
        QCOMPARE(maxOf(values(plot->graph(TimelinePlot::Series::Requested))), 8.0);
#if JOBSCOPE_HAS_GANTT
        jobscope::ui::PodGantt* gantt = window.podGantt();
        QCOMPARE(gantt->rowCount(), 12); // 3 indexes of 4 Jobs, grouped by Job
        QCOMPARE(gantt->rowLabel(0), QStringLiteral("shard-0 · index 0"));
        QCOMPARE(gantt->rowLabel(4), QStringLiteral("shard-1 · index 1"));
        QCOMPARE(gantt->rowLabel(11), QStringLiteral("shard-3 · index 2"));
#endif
        // The quota of 5 holds some Job back, and the explanation names it.
        bool named = false;
        for (const jobscope::SeriesRow& row : result->analysis.series) {
            window.playback()->setTime(row.time - result->origin);
            const QString narration = window.inspector()->narration();
            if (narration.contains(QStringLiteral("shard-")) &&
                narration.contains(QStringLiteral("quota"))) {
                named = true;
                break;
            }
        }
        QVERIFY(named);

        const auto* state = window.findChild<QLabel*>(QStringLiteral("documentState"));
        QVERIFY(state);
        QVERIFY2(state->text().startsWith(QStringLiteral("Simulated 12 Pods")),
                 qPrintable(state->text()));

        // One Job: its own run, on its own clock, and the status bar counts its Pods.
        chooser->setCurrentIndex(3);
        emit chooser->activated(3);
        QCOMPARE(maxOf(values(plot->graph(TimelinePlot::Series::Requested))), 2.0);
        QVERIFY2(state->text().startsWith(QStringLiteral("Simulated 3 Pods")),
                 qPrintable(state->text()));
#if JOBSCOPE_HAS_GANTT
        QCOMPARE(gantt->rowCount(), 3);
        QCOMPARE(gantt->rowLabel(0), QStringLiteral("index 0"));
#endif
        // A re-run keeps the chosen Job.
        window.document()->setText(text + QStringLiteral("seed: 7\n"));
        window.document()->runNow();
        window.document()->waitForIdle();
        QCOMPARE(chooser->currentText(), QStringLiteral("shard-2"));
        QCOMPARE(maxOf(values(plot->graph(TimelinePlot::Series::Requested))), 2.0);

        QString error;
        QVERIFY(!window.showJob(QStringLiteral("shard-9"), &error));
        QVERIFY2(error.contains(QStringLiteral("shard-0, shard-1, shard-2, shard-3")),
                 qPrintable(error));
        QVERIFY(window.showJob(QString()));
        QCOMPARE(chooser->currentIndex(), 0);
        QCOMPARE(maxOf(values(plot->graph(TimelinePlot::Series::Requested))), 8.0);

        // A file of one Job has no chooser.
        window.document()->openText(QStringLiteral("job: {apiVersion: batch/v1, kind: Job, "
                                                   "metadata: {name: one}, spec: {template: "
                                                   "{spec: {restartPolicy: Never, containers: "
                                                   "[{name: w, image: busybox}]}}}}\n"),
                                    QStringLiteral("one.yaml"));
        window.document()->waitForIdle();
        QCOMPARE(chooser->count(), 0);
        QVERIFY(!window.showJob(QStringLiteral("one"), &error));
    }

    void everyExampleFillsThePlot_data() {
        QTest::addColumn<QString>("path");
        for (const QString& folder :
             {QStringLiteral("patterns"), QStringLiteral("tradeoffs"), QStringLiteral("causes")}) {
            QDirIterator it(QStringLiteral(":/examples/") + folder, {QStringLiteral("*.yaml")});
            QStringList paths;
            while (it.hasNext())
                paths << it.next();
            paths.sort();
            for (const QString& path : paths)
                QTest::newRow(qPrintable(path.mid(12))) << path;
        }
    }

    void everyExampleFillsThePlot() {
        QFETCH(QString, path);
        static MainWindow* window = nullptr; // one window for all rows keeps the suite fast
        if (!window)
            window = new MainWindow;
        QVERIFY(window->openFile(path));
        window->document()->waitForIdle();
        const auto result = window->document()->result();
        QVERIFY(result && result->scenario);
        TimelinePlot* plot = window->timelinePlot();
        const QVector<double> requested = values(plot->graph(TimelinePlot::Series::Requested));
        const QVector<double> active = values(plot->graph(TimelinePlot::Series::Active));
        QVERIFY(!requested.isEmpty());
        QVERIFY(!active.isEmpty());
        // The requested line starts at the manifest's parallelism (1 when unset), summed over
        // the Jobs created first.
        double firstRequested = 0;
        for (const jobscope::ScenarioJob& job : result->scenario->jobs)
            if (job.startAt <= result->scenario->jobs.front().startAt)
                firstRequested += job.job.spec.parallelism.value_or(1);
        QCOMPARE(requested.first(), firstRequested);
        int peak = 0;
        for (const jobscope::SeriesRow& row : result->analysis.series)
            peak = std::max(peak, int(row.active));
        QCOMPARE(maxOf(active), double(peak));
        QVERIFY(peak > 0);
        QVERIFY(window->windowTitle().contains(QFileInfo(path).fileName()));
#if HAS_GANTT
        QVERIFY(window->podGantt()->rowCount() > 0);
#endif
    }

    void playbackKeysMoveThePlayhead() {
        const auto window = openWindow();
        QVERIFY(window);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->timelinePlot()->setFocus();
        jobscope::ui::PlaybackController* playback = window->playback();
        const auto result = window->document()->result();

        // The first change after the start: the next event time strictly after 0.
        double next = result->end;
        for (const jobscope::SeriesRow& row : result->analysis.series)
            if (row.time - result->origin > 1e-9)
                next = std::min(next, row.time - result->origin);
        for (const jobscope::TimelineEvent& e : result->timeline.events)
            if (e.time - result->origin > 1e-9)
                next = std::min(next, e.time - result->origin);
        QTest::keyClick(window.get(), Qt::Key_Home);
        QCOMPARE(playback->time(), 0.0);
        QTest::keyClick(window->timelinePlot(), Qt::Key_Right);
        QCOMPARE(playback->time(), next);
        QCOMPARE(window->timelinePlot()->playhead(), next);
#if HAS_GANTT
        QCOMPARE(window->podGantt()->playhead(), next);
#endif
        const auto* label = window->findChild<QLabel*>(QStringLiteral("timeLabel"));
        // The moment to the millisecond, in the clock format of the whole app, for the
        // playhead and the end alike.
        QCOMPARE(label->text(),
                 QStringLiteral("t = %1 / %2")
                     .arg(jobscope::ui::formatClock(next), jobscope::ui::formatClock(result->end)));
        QVERIFY(
            label->text().contains(QStringLiteral("00:%1").arg(next, 6, 'f', 3, QLatin1Char('0'))));

        QTest::keyClick(window.get(), Qt::Key_End);
        QCOMPARE(playback->time(), result->end);
        QTest::keyClick(window.get(), Qt::Key_Left);
        QVERIFY(playback->time() < result->end);

        // The first cause change: quota-exceeded starts after the controller's first sync.
        QTest::keyClick(window.get(), Qt::Key_Home);
        QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
        double firstCause = result->end;
        for (const jobscope::CauseInterval& c : result->analysis.causes)
            if (c.start - result->origin > 1e-9)
                firstCause = std::min(firstCause, c.start - result->origin);
        QCOMPARE(playback->time(), firstCause);

        const double speed = playback->speed();
        QTest::keyClick(window.get(), Qt::Key_Plus);
        QCOMPARE(playback->speed(), speed * 2);
        QTest::keyClick(window.get(), Qt::Key_Minus);
        QCOMPARE(playback->speed(), speed);

        QTest::keyClick(window.get(), Qt::Key_Space);
        QVERIFY(playback->isPlaying());
        QTest::keyClick(window.get(), Qt::Key_Space);
        QVERIFY(!playback->isPlaying());

        // Focus alone leaves the keys to playback: the playhead moves, the cursor does not.
        auto* text = window->findChild<QPlainTextEdit*>();
        QVERIFY(text);
        text->setFocus();
        QTest::keyClick(window.get(), Qt::Key_Home);
        QTest::keyClick(text, Qt::Key_Right);
        QCOMPARE(playback->time(), next);
        QCOMPARE(text->textCursor().position(), 0);
        // Editing in the editor (a click into it) keeps the keys: the cursor moves, the
        // playhead does not.
        QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, QPoint(4, 4));
        QTest::keyClick(window.get(), Qt::Key_Home);
        const double before = playback->time();
        QTest::keyClick(text, Qt::Key_Right);
        QTest::keyClick(text, Qt::Key_End);
        QCOMPARE(playback->time(), before);
        QVERIFY(text->textCursor().position() > 0);
    }

    void badEditKeepsThePlotAndShowsTheLine() {
        const auto window = openWindow();
        QVERIFY(window);
        TimelinePlot* plot = window->timelinePlot();
        const QVector<double> active = values(plot->graph(TimelinePlot::Series::Active));
        const auto good = window->document()->result();

        QString text = window->document()->text();
        const int line =
            int(text.left(text.indexOf(QStringLiteral("    parallelism: 6\n"))).count(u'\n')) + 1;
        text.replace(QStringLiteral("    parallelism: 6\n"),
                     QStringLiteral("    parallelism: 6: 7\n"));
        window->document()->setText(text);
        window->document()->runNow();
        window->document()->waitForIdle();

        QCOMPARE(window->document()->result(), good);
        QCOMPARE(values(plot->graph(TimelinePlot::Series::Active)), active);
        QVERIFY2(stateText(*window).contains(QStringLiteral("1 error")),
                 qPrintable(stateText(*window)));
        QVERIFY2(stateText(*window).contains(QStringLiteral("line %1").arg(line)) ||
                     stateText(*window).contains(QStringLiteral("line %1").arg(line + 1)),
                 qPrintable(stateText(*window)));
        QVERIFY(window->isWindowModified());
#if HAS_EDITOR
        QTRY_VERIFY(!window->editor()->underlinedLines().isEmpty());
        const int underlined = window->editor()->underlinedLines().first();
        QVERIFY2(underlined == line || underlined == line + 1,
                 qPrintable(QString::number(underlined)));
#endif
    }

    void exportsWriteWhatWasAsked() {
        const auto window = openWindow();
        QVERIFY(window);
        QTemporaryDir dir;
        QString error;

        const QString dashboard = dir.filePath(QStringLiteral("dashboard.png"));
        QVERIFY2(window->exportDashboardPng(dashboard, QSize(800, 600), 1.5, &error),
                 qPrintable(error));
        QImage image(dashboard);
        QCOMPARE(image.size(), QSize(1200, 900));
        QVERIFY(distinctColors(image) > 20);
#if HAS_GANTT
        // The Gantt fills the lower part: not the background colour only.
        QVERIFY(distinctColors(image.copy(0, 700, 1200, 200)) > 3);
#endif

        const QString plotPng = dir.filePath(QStringLiteral("plot.png"));
        QVERIFY2(window->exportPlotPng(plotPng, QSize(640, 360), &error), qPrintable(error));
        QCOMPARE(QImage(plotPng).size(), QSize(640, 360));
        QVERIFY(distinctColors(QImage(plotPng)) > 10);

#if HAS_GANTT
        const QString ganttPng = dir.filePath(QStringLiteral("gantt.png"));
        QVERIFY2(window->exportGanttPng(ganttPng, QSize(700, 400), &error), qPrintable(error));
        QCOMPARE(QImage(ganttPng).size(), QSize(700, 400));
#endif

        const QString pdf = dir.filePath(QStringLiteral("out.pdf"));
        QVERIFY2(window->exportPdf(pdf, &error), qPrintable(error));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        // The report: text in fonts, drawn as vectors (no picture of the dashboard).
        const QByteArray pdfBytes = pdfFile.readAll();
        QVERIFY(pdfBytes.contains("/Font"));
        QVERIFY(!pdfBytes.contains("/Subtype /Image"));

        const QString csvFolder = dir.filePath(QStringLiteral("csv/new"));
        QVERIFY2(window->exportCsvs(csvFolder, &error), qPrintable(error));
        const auto pods = window->document()->result()->analysis.pods.size();
        for (const char* name : {"series.csv", "causes.csv", "pods.csv", "events.csv"}) {
            QFile file(csvFolder + QLatin1Char('/') + QLatin1String(name));
            QVERIFY2(file.open(QIODevice::ReadOnly), name);
            QVERIFY(file.readLine().contains(","));
        }
        QFile podsCsv(csvFolder + QStringLiteral("/pods.csv"));
        QVERIFY(podsCsv.open(QIODevice::ReadOnly));
        QCOMPARE(podsCsv.readAll().count("\r\n"), qsizetype(pods + 1));

        // A write that cannot happen says why, naming the file.
        const QString impossible = dir.filePath(QStringLiteral("missing/dashboard.png"));
        QVERIFY(!window->exportDashboardPng(impossible, QSize(400, 300), 1, &error));
        QVERIFY2(error.contains(QStringLiteral("dashboard.png")), qPrintable(error));
        QVERIFY(!window->exportPdf(dir.filePath(QStringLiteral("missing/x.pdf")), &error));
        QVERIFY2(error.contains(QStringLiteral("x.pdf")), qPrintable(error));
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!window->exportCsvs(dir.filePath(QStringLiteral("file/sub")), &error));
        QVERIFY(!error.isEmpty());
    }

    // The dashboard's halves at one font scale: the Gantt below drawn at the plot's scale,
    // not at the smaller one its own share of the height would give it.
    void dashboardHasOneFontScale() {
#if HAS_GANTT
        const auto window = openWindow();
        QVERIFY(window);
        window->show(); // the dashboard has the Gantt when the window shows it
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(window->podGantt()->isVisible());
        QTemporaryDir dir;
        QString error;
        const QSize size(2400, 1600);
        const QString path = dir.filePath(QStringLiteral("dashboard.png"));
        QVERIFY2(window->exportDashboardPng(path, size, 1, &error), qPrintable(error));
        const QImage image = QImage(path).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), size);
        const auto* splitter = window->findChild<QSplitter*>(QStringLiteral("chartSplitter"));
        QVERIFY(splitter);
        const QList<int> sizes = splitter->sizes();
        QCOMPARE(sizes.size(), 2);
        const double share = std::clamp(double(sizes[0]) / (sizes[0] + sizes[1]), 0.25, 0.75);
        const int plotHeight = int(std::lround(size.height() * share));
        const QSize lower(size.width(), size.height() - plotHeight);
        const double plotScale = jobscope::ui::styleScaleFor(QSize(size.width(), plotHeight));
        QVERIFY2(jobscope::ui::styleScaleFor(lower) < plotScale, "the test needs unequal halves");
        const QImage drawn = image.copy(QRect(QPoint(0, plotHeight), lower));
        jobscope::ui::PodGantt* gantt = window->podGantt();
        QCOMPARE(drawn,
                 gantt->renderImage(lower, false, plotScale).convertToFormat(QImage::Format_RGB32));
        QVERIFY(drawn != gantt->renderImage(lower).convertToFormat(QImage::Format_RGB32));
#else
        QSKIP("the Pod Gantt is not part of this build");
#endif
    }

    void languageSwitchesAtRuntime() {
        const auto window = openWindow();
        QVERIFY(window);
        QCOMPARE(menuTitle(*window, 0), QStringLiteral("&File"));
        QVERIFY2(QFile::exists(QStringLiteral(":/i18n/jobscope_zh_CN.qm")),
                 "the compiled translation is not linked into jobscope_ui");
        window->setLanguage(QStringLiteral("zh_CN"));
        // Qt posts LanguageChange to the windows.
        QTRY_VERIFY2(menuTitle(*window, 0).contains(QStringLiteral("文件")),
                     qPrintable(menuTitle(*window, 0)));
        // The scenario's own title follows: the plot shows titleZh.
        QVERIFY(window->document()->result());
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(),
                 QStringLiteral("zh_CN"));
        // Qt's own texts follow too (qt6-translations-l10n): the standard buttons of every
        // dialog are Chinese, not English.
        QVERIFY2(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"),
                 "Qt's translation (qtbase_zh_CN.qm) is not installed");
        {
            QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                     QDialogButtonBox::Save | QDialogButtonBox::Discard);
            for (QAbstractButton* button : buttons.buttons())
                QVERIFY2(
                    !button->text().contains(QRegularExpression(QStringLiteral("[A-Za-z]{2}"))),
                    qPrintable(button->text()));
        }
        window->setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(menuTitle(*window, 0), QStringLiteral("&File"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    void settingsSurviveARestart() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.yaml"));
        {
            QFile source(QStringLiteral(":/examples/patterns/work-queue.yaml"));
            QVERIFY(source.open(QIODevice::ReadOnly));
            QFile copy(path);
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(source.readAll());
        }
        {
            const auto window = openWindow(path);
            QVERIFY(window);
            window->playback()->setSpeed(8);
            QVERIFY(window->close());
        }
        const auto again = std::make_unique<MainWindow>();
        QCOMPARE(again->playback()->speed(), 8.0);
        QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0),
                 QFileInfo(path).absoluteFilePath());
    }

    void unsavedChangesAskBeforeClosing() {
        const auto window = openWindow();
        QVERIFY(window);
        window->show();
        window->document()->setText(window->document()->text() + QStringLiteral("# edit\n"));
        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!window->close());
        QVERIFY(window->isVisible());
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(window->close());
    }

    void droppedFileOpens() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dropped.yaml"));
        {
            QFile source(QStringLiteral(":/examples/causes/controller-lag.yaml"));
            QVERIFY(source.open(QIODevice::ReadOnly));
            QFile copy(path);
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(source.readAll());
        }
        const auto window = openWindow();
        QVERIFY(window);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &drop);
        QTRY_COMPARE(window->document()->filePath(), path);
        window->document()->waitForIdle();
        QVERIFY(window->document()->result());
    }

    void recentFilesModelIsAValidModel() {
        RecentFilesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < RecentFilesModel::kMaxFiles + 3; ++i)
            model.add(QStringLiteral("/tmp/file-%1.yaml").arg(i));
        QCOMPARE(model.rowCount(), RecentFilesModel::kMaxFiles);
        QCOMPARE(model.index(0).data().toString(),
                 QStringLiteral("file-%1.yaml").arg(RecentFilesModel::kMaxFiles + 2));
        QCOMPARE(model.index(0).data(RecentFilesModel::PathRole).toString(),
                 QStringLiteral("/tmp/file-%1.yaml").arg(RecentFilesModel::kMaxFiles + 2));
        model.add(QStringLiteral("/tmp/file-5.yaml")); // moves to the top
        QCOMPARE(model.rowCount(), RecentFilesModel::kMaxFiles);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("file-5.yaml"));
        model.remove(QStringLiteral("/tmp/file-5.yaml"));
        QCOMPARE(model.rowCount(), RecentFilesModel::kMaxFiles - 1);
        model.load({QStringLiteral("/a.yaml"), QStringLiteral("/a.yaml"), QString()});
        QCOMPARE(model.paths(), QStringList{QStringLiteral("/a.yaml")});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

private:
    QTemporaryDir settingsDir_;
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
