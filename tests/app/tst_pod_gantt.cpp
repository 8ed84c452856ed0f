// SPDX-License-Identifier: GPL-3.0-or-later
// The Pod Gantt (app/gantt/pod_gantt.h) on hand-built Analysis values, offscreen: its rows
// (NonIndexed: one per Pod; Indexed: one per index, attempts side by side), the colours of the
// segments in a rendered image, failure marks, tooltips, hit testing and selection, the
// playhead layer, zoom and row scrolling, and that a zoomed view of 10 000 Pods paints only
// what is visible.

#include "gantt/pod_gantt.h"

#include <qcustomplot.h>

#include <QDir>
#include <QImage>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <memory>

using jobscope::Analysis;
using jobscope::PodLifecycle;
using jobscope::ui::PodGantt;
using Segment = jobscope::ui::PodGantt::Segment;

namespace {

// A Pod that is pending from `created`, running from +1, ready from +2 and ends (exit code
// `exitCode`) after `run` seconds of running.
PodLifecycle pod(const std::string& name, double created, double run, int exitCode = 0,
                 int index = -1, int attempt = 0) {
    PodLifecycle p;
    p.name = name;
    p.index = index;
    p.attempt = attempt;
    p.node = "node-a";
    p.created = created;
    p.scheduled = created + 0.5;
    p.started = created + 1;
    p.ready = created + 2;
    p.finished = created + 1 + run;
    p.phase = exitCode == 0 ? "Succeeded" : "Failed";
    p.exitCode = exitCode;
    return p;
}

std::shared_ptr<const Analysis> analysisOf(std::vector<PodLifecycle> pods) {
    auto analysis = std::make_shared<Analysis>();
    analysis->pods = std::move(pods);
    return analysis;
}

// One Pod through every phase: pending [0, 2), running [2, 4), ready [4, 6), terminating
// [6, 8), then failed with exit code 137; a second Pod that succeeds.
std::shared_ptr<const Analysis> phases() {
    PodLifecycle a;
    a.name = "job-a";
    a.node = "node-a";
    a.created = 100;
    a.scheduled = 101;
    a.started = 102;
    a.ready = 104;
    a.terminating = 106;
    a.finished = 108;
    a.deleted = 109;
    a.phase = "Failed";
    a.exitCode = 137;
    return analysisOf({a, pod("job-b", 101, 5)});
}

void wheel(QWidget* widget, const QPointF& position, double steps,
           Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWheelEvent event(position, widget->mapToGlobal(position), QPoint(),
                      QPoint(0, static_cast<int>(120 * steps)), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(widget, &event);
}

bool near(QRgb pixel, const QColor& color, int tolerance = 8) {
    return std::abs(qRed(pixel) - color.red()) <= tolerance &&
           std::abs(qGreen(pixel) - color.green()) <= tolerance &&
           std::abs(qBlue(pixel) - color.blue()) <= tolerance;
}

// A shown Gantt, laid out and drawn.
void showAndDraw(PodGantt& gantt, const QSize& size = QSize(1000, 400)) {
    gantt.resize(size);
    gantt.show();
    QVERIFY(QTest::qWaitForWindowExposed(&gantt));
    QCoreApplication::processEvents();
    gantt.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
}

// The widget position of time `t` on `row`.
QPoint at(PodGantt& gantt, double t, int row) {
    const QPointF p(gantt.timeAxis()->coordToPixel(t), gantt.rowAxis()->coordToPixel(row));
    return gantt.customPlot()->mapTo(&gantt, p.toPoint());
}

} // namespace

class TestPodGantt : public QObject {
    Q_OBJECT

private slots:
    void rows_data();
    void rows();
    void segmentColors_data();
    void segmentColors();
    void failureMarks();
    void toolTip();
    void podAtAndClickSelects();
    void playheadReplotsOnlyItsLayer();
    void zoomAndRowScrolling();
    void paintsOnlyWhatIsVisible();
    void renderAndSave();
    void revealsUpToATime();
    void legendLeftOut();
    void exportHasEveryRow();
};

void TestPodGantt::rows_data() {
    QTest::addColumn<bool>("indexed");
    QTest::addColumn<int>("farIndex"); // the index retried, far from the others or not
    QTest::addColumn<int>("rowCount");
    QTest::addColumn<QList<int>>("rowOfPod");
    QTest::addColumn<QStringList>("labels");

    QTest::newRow("NonIndexed: a row per Pod in creation order")
        << false << 0 << 3 << QList<int>{0, 1, 2} << QStringList{"job-x", "job-y", "job-z"};
    QTest::newRow("Indexed: a row per index, attempts on it")
        << true << 3 << 3 << QList<int>{1, 0, 1, 2} << QStringList{"index 0", "index 3", "index 7"};
    // Indexes spread far wider than their number are ranked by sorting, not with a table.
    QTest::newRow("Indexed: indexes far apart") << true << 50000 << 3 << QList<int>{2, 0, 2, 1}
                                                << QStringList{"index 0", "index 7", "index 50000"};
}

void TestPodGantt::rows() {
    QFETCH(bool, indexed);
    QFETCH(int, farIndex);
    QFETCH(int, rowCount);
    QFETCH(QList<int>, rowOfPod);
    QFETCH(QStringList, labels);

    std::vector<PodLifecycle> pods;
    if (indexed) {
        // Index 3 fails and is retried; indexes need not be dense.
        pods = {pod("j-a", 0, 4, 1, farIndex, 0), pod("j-0-b", 0, 5, 0, 0, 0),
                pod("j-c", 6, 5, 0, farIndex, 1), pod("j-7-d", 1, 5, 0, 7, 0)};
    } else {
        pods = {pod("job-x", 0, 5), pod("job-y", 1, 5), pod("job-z", 2, 5)};
    }
    PodGantt gantt;
    gantt.setAnalysis(analysisOf(pods), 0, 20);
    QCOMPARE(gantt.rowCount(), rowCount);
    for (qsizetype i = 0; i < rowOfPod.size(); ++i)
        QCOMPARE(gantt.rowOfPod(static_cast<int>(i)), rowOfPod.at(i));
    QCOMPARE(gantt.rowOfPod(-1), -1);
    QCOMPARE(gantt.rowOfPod(static_cast<int>(pods.size())), -1);
    for (qsizetype row = 0; row < labels.size(); ++row)
        QCOMPARE(gantt.rowLabel(static_cast<int>(row)), labels.at(row));
    // Row 0 at the top.
    QVERIFY(gantt.rowAxis()->rangeReversed());
}

void TestPodGantt::segmentColors_data() {
    QTest::addColumn<double>("time"); // seconds since the origin (100)
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("segment"); // -1: nothing drawn
    QTest::newRow("pending") << 1.0 << 0 << static_cast<int>(Segment::Pending);
    QTest::newRow("running") << 3.0 << 0 << static_cast<int>(Segment::Running);
    QTest::newRow("ready") << 5.0 << 0 << static_cast<int>(Segment::Ready);
    QTest::newRow("terminating") << 7.0 << 0 << static_cast<int>(Segment::Terminating);
    QTest::newRow("after the end") << 9.5 << 0 << -1;
    QTest::newRow("second Pod, ready") << 5.0 << 1 << static_cast<int>(Segment::Ready);
    QTest::newRow("second Pod, before it") << 0.5 << 1 << -1;
}

void TestPodGantt::segmentColors() {
    QFETCH(double, time);
    QFETCH(int, row);
    QFETCH(int, segment);

    PodGantt gantt;
    gantt.setAnalysis(phases(), 100, 130);
    const QImage image = gantt.renderImage(QSize(1000, 400));
    // The axes keep the export's layout until the next replot.
    const int x = static_cast<int>(std::lround(gantt.timeAxis()->coordToPixel(time)));
    const int y = static_cast<int>(std::lround(gantt.rowAxis()->coordToPixel(row)));
    const QRgb pixel = image.pixel(x, y);
    if (segment >= 0) {
        const QColor want = PodGantt::segmentColor(static_cast<Segment>(segment));
        QVERIFY2(near(pixel, want), qPrintable(QColor(pixel).name() + " != " + want.name()));
    } else {
        for (int k = 0; k <= static_cast<int>(Segment::Failed); ++k)
            QVERIFY(!near(pixel, PodGantt::segmentColor(static_cast<Segment>(k))));
    }
    // The end marks: red where the first Pod failed (at 8 s), blue where the second succeeded
    // (101 + 1 + 5 = 107, i.e. 7 s), a few pixels right of the time.
    const int failedX = static_cast<int>(std::lround(gantt.timeAxis()->coordToPixel(8))) + 1;
    QVERIFY(near(image.pixel(failedX, static_cast<int>(gantt.rowAxis()->coordToPixel(0))),
                 PodGantt::segmentColor(Segment::Failed)));
    const int succeededX = static_cast<int>(std::lround(gantt.timeAxis()->coordToPixel(7))) + 1;
    QVERIFY(near(image.pixel(succeededX, static_cast<int>(gantt.rowAxis()->coordToPixel(1))),
                 PodGantt::segmentColor(Segment::Succeeded)));
}

void TestPodGantt::failureMarks() {
    PodGantt gantt;
    // Index 0 fails with 137 and is retried much later (room for the mark); index 1 fails with
    // 1 and its retry starts at once (no room for the text); index 2 succeeds.
    gantt.setAnalysis(
        analysisOf({pod("a", 0, 3, 137, 0, 0), pod("b", 0, 3, 1, 1, 0), pod("c", 4.001, 3, 0, 1, 1),
                    pod("d", 20, 3, 0, 0, 1), pod("e", 0, 3, 0, 2, 0)}),
        0, 30);
    showAndDraw(gantt);
    QCOMPARE(gantt.paintedFailureMarks(), QStringList{QStringLiteral("✕ 137")});
    // Zoomed out so far that the marks have no room: no text.
    gantt.setRowHeight(3);
    gantt.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(gantt.paintedFailureMarks().isEmpty());
}

void TestPodGantt::toolTip() {
    PodGantt gantt;
    std::vector<PodLifecycle> pods = {pod("indexed-1-xyz", 10, 4, 137, 1, 2)};
    pods.front().terminating = 13;
    pods.front().deleted = 16;
    gantt.setAnalysis(analysisOf(pods), 10, 30);
    const QString text = gantt.podToolTip(0);
    for (const char* part :
         {"indexed-1-xyz", "completion index 1, attempt 2", "node: node-a", "created at 0.0 s",
          "scheduled at 0.5 s", "started at 1.0 s", "ready at 2.0 s", "terminating from 3.0 s",
          "finished at 5.0 s: failed, exit code 137", "deleted at 6.0 s"})
        QVERIFY2(text.contains(QString::fromUtf8(part)), qPrintable(text));
    QVERIFY(gantt.podToolTip(-1).isEmpty());
    QVERIFY(gantt.podToolTip(1).isEmpty());

    // A Pod never scheduled, still pending.
    PodLifecycle waiting;
    waiting.name = "waiting";
    waiting.created = 12;
    waiting.phase = "Pending";
    gantt.setAnalysis(analysisOf({waiting}), 10, 30);
    const QString pending = gantt.podToolTip(0);
    QVERIFY2(pending.contains(QStringLiteral("node: not scheduled")), qPrintable(pending));
    QVERIFY2(pending.contains(QStringLiteral("last phase seen: pending")), qPrintable(pending));
    QVERIFY(!pending.contains(QStringLiteral("index")));
}

void TestPodGantt::podAtAndClickSelects() {
    PodGantt gantt;
    // Index 0: two attempts side by side; index 1 one Pod.
    gantt.setAnalysis(analysisOf({pod("first", 0, 4, 1, 0, 0), pod("other", 2, 6, 0, 1, 0),
                                  pod("second", 10, 4, 0, 0, 1)}),
                      0, 20);
    showAndDraw(gantt);
    QCOMPARE(gantt.podAt(at(gantt, 2, 0)), 0);
    QCOMPARE(gantt.podAt(at(gantt, 12, 0)), 2);
    QCOMPARE(gantt.podAt(at(gantt, 5, 1)), 1);
    QCOMPARE(gantt.podAt(at(gantt, 8, 0)), -1);  // between the attempts
    QCOMPARE(gantt.podAt(at(gantt, 1, 1)), -1);  // before index 1's Pod
    QCOMPARE(gantt.podAt(QPoint(2, 2)), -1);     // outside the rows
    QCOMPARE(gantt.podAt(at(gantt, 12, 5)), -1); // below the last row

    QSignalSpy selected(&gantt, &PodGantt::podSelected);
    QCustomPlot* plot = gantt.customPlot();
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier,
                      plot->mapFrom(&gantt, at(gantt, 12, 0)));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.last().at(0).toInt(), 2);
    QCOMPARE(gantt.selectedPod(), 2);
    // The selected row is highlighted: the palette's highlight over the background.
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QImage image = plot->grab().toImage();
    const double ratio = image.width() / static_cast<double>(plot->width());
    const QColor base = gantt.palette().color(QPalette::Base);
    const QColor highlight = gantt.palette().color(QPalette::Highlight);
    const double alpha = 70 / 255.0;
    const QColor blend(static_cast<int>(base.red() * (1 - alpha) + highlight.red() * alpha),
                       static_cast<int>(base.green() * (1 - alpha) + highlight.green() * alpha),
                       static_cast<int>(base.blue() * (1 - alpha) + highlight.blue() * alpha));
    const auto pixelAt = [&](double t, int row) {
        const QPoint p = plot->mapFrom(&gantt, at(gantt, t, row));
        return image.pixel(static_cast<int>(p.x() * ratio), static_cast<int>(p.y() * ratio));
    };
    QVERIFY2(near(pixelAt(18, 0), blend, 6), qPrintable(QColor(pixelAt(18, 0)).name()));
    QVERIFY(!near(pixelAt(18, 1), blend, 6)); // the other row is not

    // A click where no Pod is clears the selection.
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, plot->mapFrom(&gantt, at(gantt, 8, 0)));
    QCOMPARE(selected.count(), 2);
    QCOMPARE(selected.last().at(0).toInt(), -1);
    QCOMPARE(gantt.selectedPod(), -1);
    // Selecting from the program says nothing back.
    gantt.setSelectedPod(1);
    QCOMPARE(gantt.selectedPod(), 1);
    QCOMPARE(selected.count(), 2);
    gantt.setSelectedPod(42);
    QCOMPARE(gantt.selectedPod(), -1);
}

void TestPodGantt::playheadReplotsOnlyItsLayer() {
    PodGantt gantt;
    gantt.setAnalysis(phases(), 100, 130);
    QVERIFY(std::isnan(gantt.playhead()));
    QVERIFY(!gantt.playheadLine()->visible());
    showAndDraw(gantt);
    QCOMPARE(gantt.playheadLayer()->mode(), QCPLayer::lmBuffered);
    QCOMPARE(gantt.playheadLine()->layer(), gantt.playheadLayer());
    int fullReplots = 0;
    connect(gantt.customPlot(), &QCustomPlot::beforeReplot, &gantt,
            [&fullReplots] { ++fullReplots; });
    const QColor orange(230, 85, 13);
    for (double t : {3.0, 12.0, 20.0}) {
        gantt.setPlayhead(t);
        QCOMPARE(gantt.playhead(), t);
        QVERIFY(gantt.playheadLine()->visible());
        QCOMPARE(gantt.playheadLine()->point1->coords().x(), t);
        QCOMPARE(gantt.playheadLine()->point2->coords().x(), t);
        const QImage shown = gantt.customPlot()->grab().toImage();
        const double ratio = shown.width() / static_cast<double>(gantt.customPlot()->width());
        const int x = static_cast<int>(std::lround(gantt.timeAxis()->coordToPixel(t)) * ratio);
        const QRect area = gantt.customPlot()->axisRect()->rect();
        QVERIFY(near(shown.pixel(x, static_cast<int>((area.bottom() - 3) * ratio)), orange, 20));
    }
    QCOMPARE(fullReplots, 0);
}

void TestPodGantt::zoomAndRowScrolling() {
    std::vector<PodLifecycle> pods;
    for (int i = 0; i < 200; ++i)
        pods.push_back(pod("p-" + std::to_string(i), i * 0.5, 5));
    PodGantt gantt;
    gantt.setAnalysis(analysisOf(pods), 0, 110);
    showAndDraw(gantt);
    QCOMPARE(gantt.rowCount(), 200);
    QVERIFY(gantt.visibleRowCount() < 200);
    QVERIFY(gantt.rowScrollBar()->isVisible());
    QCOMPARE(gantt.firstVisibleRow(), 0);
    const QCPRange full = gantt.timeAxis()->range();
    QCOMPARE(full.lower, gantt.dataStart());
    QCOMPARE(full.upper, gantt.dataEnd());

    QSignalSpy changed(&gantt, &PodGantt::timeRangeChanged);
    QCustomPlot* plot = gantt.customPlot();
    const QRect area = plot->axisRect()->rect();
    wheel(plot, area.center(), 2);
    QCOMPARE(changed.count(), 1);
    QVERIFY(gantt.timeAxis()->range().size() < full.size() * 0.8);
    QCOMPARE(changed.last().at(0).toDouble(), gantt.timeAxis()->range().lower);
    wheel(plot, area.center(), -30); // out no further than the data
    QCOMPARE(gantt.timeAxis()->range(), full);

    // The wheel over the row labels scrolls the rows; the scroll bar follows and drives.
    wheel(plot, QPointF(area.left() - 10, area.center().y()), -2);
    QCOMPARE(gantt.firstVisibleRow(), 6);
    QCOMPARE(gantt.rowScrollBar()->value(), 6);
    QCOMPARE(gantt.rowAxis()->range().lower, 5.5);
    gantt.rowScrollBar()->setValue(150);
    QCOMPARE(gantt.firstVisibleRow(), 150);
    gantt.scrollToRow(100000);
    QCOMPARE(gantt.firstVisibleRow(), gantt.rowScrollBar()->maximum());
    QVERIFY(gantt.rowAxis()->range().upper >= 199.5 - 1e-9);

    // Ctrl+wheel changes the row height: more rows in view.
    const double rows = gantt.visibleRowCount();
    wheel(plot, area.center(), -3, Qt::ControlModifier);
    QVERIFY(gantt.visibleRowCount() > rows * 1.3);

    // setTimeRange shows the main window's range without a signal back.
    const int signalsBefore = static_cast<int>(changed.count());
    gantt.setTimeRange(10, 20);
    QCOMPARE(gantt.timeAxis()->range(), QCPRange(10, 20));
    QCOMPARE(changed.count(), signalsBefore);
}

void TestPodGantt::paintsOnlyWhatIsVisible() {
    // 10 000 Pods, one started every 0.1 s, each running 5 s.
    std::vector<PodLifecycle> pods;
    pods.reserve(10000);
    for (int i = 0; i < 10000; ++i)
        pods.push_back(pod("p-" + std::to_string(i), i * 0.1, 5, i % 20 == 0 ? 1 : 0));
    PodGantt gantt;
    gantt.setAnalysis(analysisOf(pods), 0, 1010);
    showAndDraw(gantt, QSize(1000, 500));
    const int shownRows = static_cast<int>(std::ceil(gantt.visibleRowCount()));
    QVERIFY(gantt.paintedSegmentCount() > 0);
    QVERIFY2(gantt.paintedSegmentCount() <= shownRows * 5,
             qPrintable(QString::number(gantt.paintedSegmentCount())));

    // 1-pixel rows, the whole time: hundreds of rows, the pending and running bars (about a
    // pixel each) merged into one, the ready bar and the end mark apart: 3 per row, not 4.
    gantt.setRowHeight(1);
    gantt.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    const int dense = gantt.paintedSegmentCount();
    QVERIFY2(dense > 100 && dense <= static_cast<int>(std::ceil(gantt.visibleRowCount())) * 3,
             qPrintable(QString::number(dense)));

    // Zoomed into 5 % of the time, scrolled to the Pods of that window: only they are painted.
    gantt.setTimeRange(500, 550);
    gantt.scrollToRow(gantt.rowOfPod(5000));
    gantt.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    const int zoomed = gantt.paintedSegmentCount();
    QVERIFY2(zoomed > 100 && zoomed < 2500, qPrintable(QString::number(zoomed)));
    QVERIFY(zoomed < static_cast<int>(pods.size()) / 4);
    // Rows whose Pods ran outside the window paint nothing.
    gantt.scrollToRow(0);
    gantt.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(gantt.paintedSegmentCount(), 0);
}

void TestPodGantt::renderAndSave() {
    PodGantt gantt;
    gantt.setAnalysis(phases(), 100, 130);
    for (const QSize& size : {QSize(1600, 500), QSize(640, 300)}) {
        const QImage image = gantt.renderImage(size);
        QCOMPARE(image.size(), size);
        int ink = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                if (qGray(image.pixel(x, y)) < 200)
                    ++ink;
        QVERIFY2(ink > 200, qPrintable(QString::number(ink)));
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("gantt.png"));
    QString error;
    QVERIFY2(gantt.savePng(path, QSize(800, 300), &error), qPrintable(error));
    QCOMPARE(QImage(path).size(), QSize(800, 300));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("gantt.png")});
    const QString bad = dir.filePath(QStringLiteral("missing/gantt.png"));
    QVERIFY(!gantt.savePng(bad, QSize(800, 300), &error));
    QVERIFY2(error.contains(bad), qPrintable(error));
    QVERIFY(!gantt.savePng(path, QSize(0, 10), &error));
}

// A lesson's slide shows the Pods up to its step: right of the reveal, only the background;
// nullopt shows everything again.
void TestPodGantt::revealsUpToATime() {
    PodGantt gantt;
    gantt.setAnalysis(phases(), 100, 130);
    const QSize size(900, 300);
    const QImage whole = gantt.renderImage(size, true);
    gantt.setRevealUntil(3.0);
    QCOMPARE(gantt.revealUntil(), std::optional<double>(3.0));
    const QImage revealed = gantt.renderImage(size, true);
    QVERIFY(revealed != whole);
    const QRect area = gantt.timeAxis()->axisRect()->rect();
    const QColor background = gantt.palette().color(QPalette::Base);
    const int from = static_cast<int>(std::ceil(gantt.timeAxis()->coordToPixel(3.0))) + 2;
    for (int y = area.top() + 1; y < area.bottom() - 1; y += 3)
        for (int x = from; x < area.right() - 1; x += 5)
            QCOMPARE(QColor(revealed.pixel(x, y)).rgb(), background.rgb());
    // Left of it the bars are drawn: job-a is pending, then running, before 3 s.
    int ink = 0;
    const int to = static_cast<int>(gantt.timeAxis()->coordToPixel(3.0)) - 2;
    for (int y = area.top(); y < area.bottom(); y += 2)
        for (int x = area.left() + 1; x < to; x += 2)
            ink += QColor(revealed.pixel(x, y)).rgb() != background.rgb();
    QVERIFY2(ink > 20, qPrintable(QString::number(ink)));
    gantt.setRevealUntil(std::nullopt);
    QCOMPARE(gantt.renderImage(size, true), whole);
}

// Without its legend (a slide's plot above names the colours) the rows get its height, and the
// legend comes back where it was.
void TestPodGantt::legendLeftOut() {
    PodGantt gantt;
    gantt.setAnalysis(phases(), 100, 130);
    const QSize size(900, 300);
    QVERIFY(gantt.isLegendShown());
    const auto rowsHeight = [&] {
        gantt.renderImage(size, true);
        return gantt.timeAxis()->axisRect()->rect().height();
    };
    const QImage withLegend = gantt.renderImage(size, true);
    const int withLegendRows = rowsHeight();
    gantt.setLegendShown(false);
    QVERIFY(!gantt.isLegendShown());
    const int alone = rowsHeight();
    QVERIFY2(alone > withLegendRows + 10,
             qPrintable(QStringLiteral("%1 vs %2").arg(alone).arg(withLegendRows)));
    gantt.setLegendShown(false); // twice changes nothing
    QCOMPARE(rowsHeight(), alone);
    gantt.setLegendShown(true);
    QCOMPARE(rowsHeight(), withLegendRows);
    QCOMPARE(gantt.renderImage(size, true), withLegend);
}

// An export holds every Pod, not the rows on screen: a staircase of 200 Pods, the last ones
// low and right, shows them in the image's bottom right; the view is left as it was.
void TestPodGantt::exportHasEveryRow() {
    std::vector<PodLifecycle> pods;
    for (int i = 0; i < 200; ++i)
        pods.push_back(pod("p-" + std::to_string(i), i * 0.5, 5));
    PodGantt gantt;
    gantt.setAnalysis(analysisOf(pods), 0, 110);
    showAndDraw(gantt);
    QVERIFY(gantt.visibleRowCount() < 200);
    const int first = gantt.firstVisibleRow();
    const double visible = gantt.visibleRowCount();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("all.png"));
    QString error;
    QVERIFY2(gantt.savePng(path, QSize(1000, 400), &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.width(), 1000);
    QVERIFY2(image.height() > 200 * 10, qPrintable(QString::number(image.height())));
    // Bars of the last Pods: coloured pixels in the bottom tenth, right half.
    int coloured = 0;
    for (int y = image.height() * 9 / 10; y < image.height() - 60; ++y)
        for (int x = image.width() / 2; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            if (c.saturation() > 80 && c.value() > 60)
                ++coloured;
        }
    QVERIFY2(coloured > 200, qPrintable(QString::number(coloured)));
    QCOMPARE(gantt.firstVisibleRow(), first);
    QCOMPARE(gantt.visibleRowCount(), visible);
    // Few rows: the asked size is enough.
    PodGantt small;
    small.setAnalysis(phases(), 100, 130);
    QCOMPARE(small.sizeForEveryRow(QSize(800, 600)), QSize(800, 600));
}

QTEST_MAIN(TestPodGantt)
#include "tst_pod_gantt.moc"
