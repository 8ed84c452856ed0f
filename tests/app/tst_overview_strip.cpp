// SPDX-License-Identifier: GPL-3.0-or-later
// The overview strip: each pixel column holds the most active and requested Pods of its time
// span; the window shows the visible range; dragging it pans (its width kept, inside the data),
// a click centres it, a double click asks for everything, the wheel zooms around the cursor.

#include "plot/overview_strip.h"

#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace jobscope;
using jobscope::ui::OverviewStrip;

namespace {

// Requested 4 throughout; active 1 on [0, 10), a spike of 3 on [10, 10.01), 2 on [10.01, 100].
std::shared_ptr<const Run> spikeRun() {
    Analysis analysis;
    for (const auto& [time, active] : {std::pair{0.0, 1}, {10.0, 3}, {10.01, 2}}) {
        SeriesRow row;
        row.time = time;
        row.requested = 4;
        row.wantActive = 4;
        row.active = active;
        row.causes = {"none"};
        analysis.series.push_back(row);
    }
    return std::make_shared<const Run>(runOfAnalysis(analysis, 0, 100));
}

void mouse(QWidget* widget, QEvent::Type type, QPointF at, Qt::MouseButton button,
           Qt::MouseButtons buttons) {
    QMouseEvent event(type, at, widget->mapToGlobal(at), button, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &event);
}

} // namespace

class TestOverviewStrip : public QObject {
    Q_OBJECT

private slots:
    void profileHoldsEveryColumnsPeak() {
        OverviewStrip strip;
        strip.resize(210, 30);
        strip.setAxisPixels(5, 204); // 200 columns: half a second each
        strip.setRun(spikeRun(), 0, 100);
        const std::vector<int>& active = strip.activeProfile();
        QCOMPARE(int(active.size()), 200);
        QCOMPARE(active.front(), 1);
        // The 10 ms spike is far narrower than a column and still shows, in its column only.
        const int spike = static_cast<int>(std::floor(strip.pixelOfTime(10.005) - 5));
        QCOMPARE(active.at(spike), 3);
        QCOMPARE(active.at(spike - 2), 1);
        QCOMPARE(active.at(spike + 2), 2);
        QCOMPARE(int(std::count(active.begin(), active.end(), 3)), 1);
        QCOMPARE(active.back(), 2);
        for (int requested : strip.requestedProfile())
            QCOMPARE(requested, 4);
    }

    void windowFollowsAndMovesTheRange() {
        OverviewStrip strip;
        strip.resize(210, 30);
        strip.setAxisPixels(5, 205); // 2 px per second
        strip.setRun(spikeRun(), 0, 100);
        strip.setVisibleRange(20, 40);
        QCOMPARE(strip.windowRect().left(), 45.0);
        QCOMPARE(strip.windowRect().right(), 85.0);
        QSignalSpy requested(&strip, &OverviewStrip::rangeRequested);
        // The window follows what the listener shows, as the main window does.
        connect(&strip, &OverviewStrip::rangeRequested, &strip, &OverviewStrip::setVisibleRange);

        // Dragging the window by 20 px pans by 10 s, its width kept.
        mouse(&strip, QEvent::MouseButtonPress, {60, 15}, Qt::LeftButton, Qt::LeftButton);
        mouse(&strip, QEvent::MouseMove, {80, 15}, Qt::NoButton, Qt::LeftButton);
        mouse(&strip, QEvent::MouseButtonRelease, {80, 15}, Qt::LeftButton, Qt::NoButton);
        QVERIFY(!requested.isEmpty());
        QCOMPARE(requested.last().at(0).toDouble(), 30.0);
        QCOMPARE(requested.last().at(1).toDouble(), 50.0);

        // Dragged past the end, it stops at the end of the data.
        mouse(&strip, QEvent::MouseButtonPress, {75, 15}, Qt::LeftButton, Qt::LeftButton);
        mouse(&strip, QEvent::MouseMove, {400, 15}, Qt::NoButton, Qt::LeftButton);
        mouse(&strip, QEvent::MouseButtonRelease, {400, 15}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(requested.last().at(0).toDouble(), 80.0);
        QCOMPARE(requested.last().at(1).toDouble(), 100.0);

        // A click outside the window centres it there.
        mouse(&strip, QEvent::MouseButtonPress, {25, 15}, Qt::LeftButton, Qt::LeftButton);
        mouse(&strip, QEvent::MouseButtonRelease, {25, 15}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(requested.last().at(0).toDouble(), 0.0); // 10 s, clamped at the start
        QCOMPARE(requested.last().at(1).toDouble(), 20.0);

        // The wheel zooms around the cursor; a double click asks for everything.
        QWheelEvent wheel(QPointF(25, 15), strip.mapToGlobal(QPointF(25, 15)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&strip, &wheel);
        const double width = requested.last().at(1).toDouble() - requested.last().at(0).toDouble();
        QVERIFY2(std::abs(width - 16) < 1e-9, qPrintable(QString::number(width)));
        QVERIFY(requested.last().at(0).toDouble() <= 10 && requested.last().at(1).toDouble() >= 10);
        QMouseEvent twice(QEvent::MouseButtonDblClick, QPointF(25, 15),
                          strip.mapToGlobal(QPointF(25, 15)), Qt::LeftButton, Qt::LeftButton,
                          Qt::NoModifier);
        QCoreApplication::sendEvent(&strip, &twice);
        QCOMPARE(requested.last().at(0).toDouble(), 0.0);
        QCOMPARE(requested.last().at(1).toDouble(), 100.0);
    }

    void drawsTheRun() {
        OverviewStrip strip;
        strip.resize(210, 30);
        strip.setRun(spikeRun(), 0, 100);
        strip.setVisibleRange(0, 100);
        strip.setPlayhead(50);
        const QImage image = strip.grab().toImage();
        // The active area's colour and the playhead's appear.
        bool active = false;
        bool playhead = false;
        for (int x = 0; x < image.width(); ++x)
            for (int y = 0; y < image.height(); ++y) {
                const QColor c = image.pixelColor(x, y);
                active = active || (c.blue() > 150 && c.red() < 140);
                playhead = playhead || (c.red() > 200 && c.green() < 120 && c.blue() < 60);
            }
        QVERIFY(active);
        QVERIFY(playhead);
    }
};

QTEST_MAIN(TestOverviewStrip)
#include "tst_overview_strip.moc"
