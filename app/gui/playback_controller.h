// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The playhead: one time shared by the plot, the Gantt and the inspector.
// Plain logic on a QTimer, no widgets, so it is tested without drawing.
//
// Times are seconds since the Job's creation (the plots' x). Playing advances the time by
// (wall time elapsed × speed) on each ~16 ms tick; at the end it stops, or wraps to the start
// when looping.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QVector>

namespace jobscope::ui {

class PlaybackController : public QObject {
    Q_OBJECT

public:
    explicit PlaybackController(QObject* parent = nullptr);

    // The playable span and the moments to step between (any order, duplicates allowed).
    void setRange(double start, double end);
    void setEventTimes(QVector<double> times);       // Pod/Job changes and Events
    void setCauseChangeTimes(QVector<double> times); // cause interval starts and ends

    double start() const;
    double end() const;
    double time() const;
    bool isPlaying() const;
    bool isLooping() const;
    double speed() const;                // one of speedSteps()
    static QVector<double> speedSteps(); // 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64
    // The sorted, distinct step targets as set (tests, the plot's tick marks).
    QVector<double> eventTimes() const { return events_; }
    QVector<double> causeChangeTimes() const { return causeChanges_; }

public slots:
    void setTime(double time); // clamped to the range; scrubbing calls this
    void play();
    void pause();
    void togglePlay();
    void setLooping(bool loop);
    void setSpeed(double speed);    // snapped to the nearest step
    void faster();                  // next speed step (+)
    void slower();                  // previous speed step (-)
    void stepNextEvent();           // → : first event time strictly after time()
    void stepPreviousEvent();       // ←
    void stepNextCauseChange();     // Shift+→
    void stepPreviousCauseChange(); // Shift+←
    void jumpToStart();             // Home
    void jumpToEnd();               // End
    // Moves the time as `wallSeconds` of playing would (× speed; stops or wraps at the end).
    // The timer calls it with the wall time since the last tick; tests call it directly.
    void advance(double wallSeconds);

signals:
    void timeChanged(double time);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void loopingChanged(bool loop);

private:
    void tick();

    QTimer timer_;
    QElapsedTimer wall_;
    double start_ = 0;
    double end_ = 0;
    double time_ = 0;
    double speed_ = 1;
    bool looping_ = false;
    QVector<double> events_;
    QVector<double> causeChanges_;
};

} // namespace jobscope::ui
