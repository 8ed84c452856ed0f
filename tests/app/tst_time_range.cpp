// SPDX-License-Identifier: GPL-3.0-or-later
// The shared time span of a run's views (app/plot/time_range.h): every view but the one that
// moved hears of a change; zooms stack up (one per gesture), pans do not; Zoom Back walks the
// stack; a new run forgets it.

#include "plot/time_range.h"

#include <QSignalSpy>
#include <QTest>

using jobscope::ui::TimeRange;

class TestTimeRange : public QObject {
    Q_OBJECT

private slots:
    void changesReachEveryViewButTheSource() {
        TimeRange range;
        QObject plot, gantt;
        QSignalSpy changed(&range, &TimeRange::changed);
        range.reset(0, 100);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.last().at(2).value<QObject*>(), nullptr);
        range.set(10, 60, &plot);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).toDouble(), 10.0);
        QCOMPARE(changed.last().at(1).toDouble(), 60.0);
        QCOMPARE(changed.last().at(2).value<QObject*>(), &plot);
        // A view that answers the change with its own signal makes no second change.
        connect(&range, &TimeRange::changed, &gantt,
                [&](double lower, double upper) { range.set(lower, upper + 1, &gantt); });
        range.set(20, 70, &plot);
        QCOMPARE(changed.size(), 3);
        QCOMPARE(range.upper(), 70.0);
        // An empty or reversed span is no span.
        range.set(5, 5, &plot);
        QCOMPARE(range.lower(), 20.0);
    }

    void zoomsStackPansDoNot() {
        TimeRange range;
        QSignalSpy can(&range, &TimeRange::canZoomBackChanged);
        range.reset(0, 100);
        QVERIFY(!range.canZoomBack());
        range.set(0, 50); // a zoom: the whole run is kept
        range.set(0, 40); // the same gesture
        QCOMPARE(can.size(), 1);
        QVERIFY(range.canZoomBack());
        range.set(10, 50); // a pan: replaces the span, keeps the stack
        QTest::qWait(TimeRange::kGestureMs + 100);
        range.set(20, 30); // a second zoom
        range.zoomBack();
        QCOMPARE(range.lower(), 10.0);
        QCOMPARE(range.upper(), 50.0);
        QVERIFY(range.canZoomBack());
        range.zoomBack();
        QCOMPARE(range.lower(), 0.0);
        QCOMPARE(range.upper(), 100.0);
        QVERIFY(!range.canZoomBack());
        QCOMPARE(can.last().at(0).toBool(), false);
        range.zoomBack(); // nothing left: nothing happens
        QCOMPARE(range.upper(), 100.0);
    }

    void newRunForgetsTheZooms() {
        TimeRange range;
        range.reset(0, 100);
        range.set(0, 10);
        QVERIFY(range.canZoomBack());
        range.reset(0, 40);
        QVERIFY(!range.canZoomBack());
        QCOMPARE(range.upper(), 40.0);
    }
};

QTEST_GUILESS_MAIN(TestTimeRange)
#include "tst_time_range.moc"
