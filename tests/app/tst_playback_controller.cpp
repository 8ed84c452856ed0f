// SPDX-License-Identifier: GPL-3.0-or-later
// PlaybackController (app/gui/playback_controller.h): the playhead's logic, driven through
// advance() where a test needs exact times, and through the real timer only to see that
// playing moves the time at all.

#include "gui/playback_controller.h"

#include <QSignalSpy>
#include <QTest>

using jobscope::ui::PlaybackController;

class TestPlaybackController : public QObject {
    Q_OBJECT

private slots:
    void setTimeClampsToTheRange_data() {
        QTest::addColumn<double>("requested");
        QTest::addColumn<double>("expected");
        QTest::newRow("inside") << 12.5 << 12.5;
        QTest::newRow("before the start") << -3.0 << 2.0;
        QTest::newRow("after the end") << 99.0 << 40.0;
        QTest::newRow("the end itself") << 40.0 << 40.0;
    }

    void setTimeClampsToTheRange() {
        QFETCH(double, requested);
        QFETCH(double, expected);
        PlaybackController c;
        c.setRange(2, 40);
        c.setTime(requested);
        QCOMPARE(c.time(), expected);
    }

    void setRangeMovesTimeInside() {
        PlaybackController c;
        c.setRange(0, 100);
        c.setTime(80);
        QSignalSpy changed(&c, &PlaybackController::timeChanged);
        c.setRange(0, 50);
        QCOMPARE(c.time(), 50.0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toDouble(), 50.0);
    }

    void timeChangedOnlyOnChange() {
        PlaybackController c;
        c.setRange(0, 10);
        QSignalSpy changed(&c, &PlaybackController::timeChanged);
        c.setTime(4);
        c.setTime(4);
        QCOMPARE(changed.count(), 1);
    }

    void stepsToStrictlyLaterAndEarlierEvents() {
        PlaybackController c;
        c.setRange(0, 30);
        // Unsorted, with a duplicate and a time outside the range.
        c.setEventTimes({7, 3, 3, 12.5, 45});
        QCOMPARE(c.eventTimes(), (QVector<double>{3, 7, 12.5, 45}));

        c.stepNextEvent();
        QCOMPARE(c.time(), 3.0);
        c.stepNextEvent(); // strictly later: not 3 again
        QCOMPARE(c.time(), 7.0);
        c.setTime(8);
        c.stepNextEvent();
        QCOMPARE(c.time(), 12.5);
        c.stepNextEvent(); // 45 is past the end: the end
        QCOMPARE(c.time(), 30.0);
        c.stepNextEvent();
        QCOMPARE(c.time(), 30.0);

        c.stepPreviousEvent();
        QCOMPARE(c.time(), 12.5);
        c.stepPreviousEvent();
        QCOMPARE(c.time(), 7.0);
        c.setTime(5);
        c.stepPreviousEvent();
        QCOMPARE(c.time(), 3.0);
        c.stepPreviousEvent(); // nothing earlier: the start
        QCOMPARE(c.time(), 0.0);
    }

    void stepsThroughCauseChangesSeparately() {
        PlaybackController c;
        c.setRange(0, 60);
        c.setEventTimes({1, 2, 3, 4});
        c.setCauseChangeTimes({20, 10});
        c.setTime(2);
        c.stepNextCauseChange();
        QCOMPARE(c.time(), 10.0);
        c.stepNextCauseChange();
        QCOMPARE(c.time(), 20.0);
        c.stepPreviousCauseChange();
        QCOMPARE(c.time(), 10.0);
        c.stepPreviousEvent();
        QCOMPARE(c.time(), 4.0);
    }

    void jumps() {
        PlaybackController c;
        c.setRange(5, 25);
        c.setTime(10);
        c.jumpToEnd();
        QCOMPARE(c.time(), 25.0);
        c.jumpToStart();
        QCOMPARE(c.time(), 5.0);
    }

    void speedSnapsToSteps_data() {
        QTest::addColumn<double>("requested");
        QTest::addColumn<double>("expected");
        QTest::newRow("exact") << 8.0 << 8.0;
        QTest::newRow("3 is nearer 4 than 2 on a log scale") << 3.0 << 4.0;
        QTest::newRow("2.5 snaps down") << 2.5 << 2.0;
        QTest::newRow("below the slowest") << 0.01 << 0.25;
        QTest::newRow("zero") << 0.0 << 0.25;
        QTest::newRow("negative") << -4.0 << 0.25;
        QTest::newRow("above the fastest") << 500.0 << 64.0;
    }

    void speedSnapsToSteps() {
        QFETCH(double, requested);
        QFETCH(double, expected);
        PlaybackController c;
        c.setSpeed(requested);
        QCOMPARE(c.speed(), expected);
    }

    void fasterAndSlowerWalkTheSteps() {
        PlaybackController c;
        QSignalSpy speedChanged(&c, &PlaybackController::speedChanged);
        QCOMPARE(c.speed(), 1.0);
        c.faster();
        QCOMPARE(c.speed(), 2.0);
        for (int i = 0; i < 20; ++i)
            c.faster();
        QCOMPARE(c.speed(), 64.0);
        for (int i = 0; i < 20; ++i)
            c.slower();
        QCOMPARE(c.speed(), 0.25);
        // 1→2, 2→…→64 (5 more), 64→…→0.25 (8): one signal per actual change.
        QCOMPARE(speedChanged.count(), 1 + 5 + 8);
        QCOMPARE(PlaybackController::speedSteps().size(), 9);
    }

    void advanceMovesBySpeed() {
        PlaybackController c;
        c.setRange(0, 100);
        c.setSpeed(4);
        c.advance(0.5);
        QCOMPARE(c.time(), 2.0);
        c.setSpeed(0.25);
        c.advance(2);
        QCOMPARE(c.time(), 2.5);
        c.advance(-1); // a clock going backwards does not rewind
        QCOMPARE(c.time(), 2.5);
    }

    void stopsAtTheEnd() {
        PlaybackController c;
        c.setRange(0, 10);
        c.setTime(9);
        c.play();
        QVERIFY(c.isPlaying());
        QSignalSpy playing(&c, &PlaybackController::playingChanged);
        c.advance(5);
        QCOMPARE(c.time(), 10.0);
        QVERIFY(!c.isPlaying());
        QCOMPARE(playing.count(), 1);
        QCOMPARE(playing.first().first().toBool(), false);
        // Playing again from the end starts over.
        c.play();
        QCOMPARE(c.time(), 0.0);
        c.pause();
    }

    void loopsAtTheEnd() {
        PlaybackController c;
        QSignalSpy looping(&c, &PlaybackController::loopingChanged);
        c.setLooping(true);
        c.setLooping(true);
        QCOMPARE(looping.count(), 1);
        QVERIFY(c.isLooping());
        c.setRange(10, 20);
        c.setTime(18);
        c.play();
        c.advance(3.5); // 21.5 wraps to 11.5
        QCOMPARE(c.time(), 11.5);
        QVERIFY(c.isPlaying());
        c.advance(25); // 36.5: more than one turn, 6.5 past a boundary
        QCOMPARE(c.time(), 16.5);
        c.pause();
        QVERIFY(!c.isPlaying());
    }

    void togglePlay() {
        PlaybackController c;
        c.setRange(0, 10);
        QSignalSpy playing(&c, &PlaybackController::playingChanged);
        c.togglePlay();
        QVERIFY(c.isPlaying());
        c.togglePlay();
        QVERIFY(!c.isPlaying());
        c.pause(); // already paused: no signal
        QCOMPARE(playing.count(), 2);
    }

    void playingAdvancesTime() {
        // The real timer: only that time moves forward and stays in range, never by how much.
        PlaybackController c;
        c.setRange(0, 1000);
        c.setSpeed(64);
        QSignalSpy changed(&c, &PlaybackController::timeChanged);
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(c.time() > 0, 2000);
        c.pause();
        const double paused = c.time();
        QVERIFY(paused <= 1000);
        QVERIFY(!changed.isEmpty());
        QTest::qWait(50);
        QCOMPARE(c.time(), paused);
    }
};

QTEST_MAIN(TestPlaybackController)
#include "tst_playback_controller.moc"
