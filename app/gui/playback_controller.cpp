// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/playback_controller.h"

#include <algorithm>
#include <cmath>

namespace jobscope::ui {

namespace {

constexpr int kTickMilliseconds = 16; // ~60 frames a second

QVector<double> sortedDistinct(QVector<double> times) {
    times.erase(
        std::remove_if(times.begin(), times.end(), [](double t) { return !std::isfinite(t); }),
        times.end());
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

} // namespace

PlaybackController::PlaybackController(QObject* parent) : QObject(parent) {
    timer_.setInterval(kTickMilliseconds);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &PlaybackController::tick);
}

void PlaybackController::setRange(double start, double end) {
    if (!std::isfinite(start) || !std::isfinite(end))
        return;
    start_ = std::min(start, end);
    end_ = std::max(start, end);
    setTime(time_);
}

void PlaybackController::setEventTimes(QVector<double> times) {
    events_ = sortedDistinct(std::move(times));
}

void PlaybackController::setCauseChangeTimes(QVector<double> times) {
    causeChanges_ = sortedDistinct(std::move(times));
}

double PlaybackController::start() const {
    return start_;
}

double PlaybackController::end() const {
    return end_;
}

double PlaybackController::time() const {
    return time_;
}

bool PlaybackController::isPlaying() const {
    return timer_.isActive();
}

bool PlaybackController::isLooping() const {
    return looping_;
}

double PlaybackController::speed() const {
    return speed_;
}

QVector<double> PlaybackController::speedSteps() {
    return {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64};
}

void PlaybackController::setTime(double time) {
    if (std::isnan(time))
        return;
    const double clamped = std::clamp(time, start_, end_);
    if (clamped == time_)
        return;
    time_ = clamped;
    emit timeChanged(time_);
}

void PlaybackController::play() {
    if (isPlaying())
        return;
    // Playing from the very end replays from the start, as media players do.
    if (time_ >= end_)
        setTime(start_);
    wall_.start();
    timer_.start();
    emit playingChanged(true);
}

void PlaybackController::pause() {
    if (!isPlaying())
        return;
    timer_.stop();
    emit playingChanged(false);
}

void PlaybackController::togglePlay() {
    if (isPlaying())
        pause();
    else
        play();
}

void PlaybackController::setLooping(bool loop) {
    if (loop == looping_)
        return;
    looping_ = loop;
    emit loopingChanged(looping_);
}

void PlaybackController::setSpeed(double speed) {
    if (std::isnan(speed))
        return;
    // Nearest on a logarithmic scale: 3 snaps to 4 (not 2), 0.3 to 0.25.
    const QVector<double> steps = speedSteps();
    const double wanted = std::log2(std::max(speed, steps.front()));
    double best = steps.front();
    for (double step : steps)
        if (std::abs(std::log2(step) - wanted) < std::abs(std::log2(best) - wanted))
            best = step;
    if (best == speed_)
        return;
    speed_ = best;
    emit speedChanged(speed_);
}

void PlaybackController::faster() {
    const QVector<double> steps = speedSteps();
    const auto it = std::upper_bound(steps.begin(), steps.end(), speed_);
    if (it != steps.end())
        setSpeed(*it);
}

void PlaybackController::slower() {
    const QVector<double> steps = speedSteps();
    const auto it = std::lower_bound(steps.begin(), steps.end(), speed_);
    if (it != steps.begin())
        setSpeed(*(it - 1));
}

// With nothing later (earlier) to step to, the step goes to the end (start), so repeated
// presses always arrive somewhere.
static double nextIn(const QVector<double>& times, double time, double end) {
    const auto it = std::upper_bound(times.begin(), times.end(), time);
    return it != times.end() && *it < end ? *it : end;
}

static double previousIn(const QVector<double>& times, double time, double start) {
    const auto it = std::lower_bound(times.begin(), times.end(), time);
    return it != times.begin() && *(it - 1) > start ? *(it - 1) : start;
}

void PlaybackController::stepNextEvent() {
    setTime(nextIn(events_, time_, end_));
}

void PlaybackController::stepPreviousEvent() {
    setTime(previousIn(events_, time_, start_));
}

void PlaybackController::stepNextCauseChange() {
    setTime(nextIn(causeChanges_, time_, end_));
}

void PlaybackController::stepPreviousCauseChange() {
    setTime(previousIn(causeChanges_, time_, start_));
}

void PlaybackController::jumpToStart() {
    setTime(start_);
}

void PlaybackController::jumpToEnd() {
    setTime(end_);
}

void PlaybackController::advance(double wallSeconds) {
    if (!(wallSeconds > 0))
        return;
    const double next = time_ + wallSeconds * speed_;
    if (next < end_) {
        setTime(next);
        return;
    }
    const double span = end_ - start_;
    if (looping_ && span > 0) {
        setTime(start_ + std::fmod(next - end_, span));
        return;
    }
    setTime(end_);
    pause();
}

void PlaybackController::tick() {
    advance(static_cast<double>(wall_.restart()) / 1000.0);
}

} // namespace jobscope::ui
