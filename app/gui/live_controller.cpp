// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/live_controller.h"

#include "live/live_job_text.h"

#include "gui/job_document.h"

#include <QDateTime>

#include <utility>

namespace jobscope::ui {

LiveController::LiveController(JobDocument* document, QObject* parent)
    : QObject(parent), document_(document) {
    updateTimer_.setInterval(kUpdateInterval);
    connect(&updateTimer_, &QTimer::timeout, this, &LiveController::pushTimeline);
}

LiveController::~LiveController() {
    stopRecording();
    if (session_)
        session_->disconnect(this);
}

void LiveController::start(std::unique_ptr<live::LiveSession> session) {
    stopRecording();
    if (session_) {
        session_->disconnect(this);
        session_->stop();
        session_.reset();
    }
    session_ = std::move(session);
    builder_ = live::TimelineBuilder(live::TimelineBuilder::Options{session_->jobName(), false});
    observations_.clear();
    lastJob_ = {};
    dirty_ = false;
    document_->openLive(tr("%1 (live, %2)").arg(session_->jobName(), session_->namespaceName()));
    connect(session_.get(), &live::LiveSession::observation, this, &LiveController::observe);
    connect(session_.get(), &live::LiveSession::stateChanged, this,
            [this](live::LiveState state, const QString&) { onStateChanged(state); });
    updateTimer_.start();
    setFollowing(true);
    session_->start(); // a started session ignores it
    onStateChanged(session_->state());
}

void LiveController::stop() {
    if (session_ && session_->state() != live::LiveState::Stopped)
        session_->stop(tr("disconnected"));
    onStateChanged(live::LiveState::Stopped);
}

bool LiveController::isLive() const {
    return session_ && session_->state() != live::LiveState::Stopped;
}

void LiveController::setFollowing(bool follow) {
    if (follow == following_)
        return;
    following_ = follow;
    emit followingChanged(follow);
}

void LiveController::playheadMoved(double time, double end) {
    // A millisecond of slack: the end is a float computed from receive times.
    setFollowing(time >= end - 1e-3);
}

void LiveController::observe(const live::Observation& observation) {
    observations_.push_back(observation);
    builder_.add(observation);
    if (observation.kind == live::ObjectKind::Job && observation.type != live::WatchType::Deleted &&
        observation.object.value(QLatin1String("metadata"))
                .toObject()
                .value(QLatin1String("name"))
                .toString() == session_->jobName())
        lastJob_ = observation.object;
    dirty_ = true;
    if (writer_.isOpen()) {
        QString error;
        if (!writer_.append(observation, &error)) {
            stopRecording();
            emit recordingFailed(error);
        }
    }
}

void LiveController::onStateChanged(live::LiveState state) {
    if (state == live::LiveState::Stopped) {
        stopRecording();
        pushTimeline(); // what arrived last is shown too
    }
    const bool live = isLive();
    if (live != wasLive_) {
        wasLive_ = live;
        emit liveChanged(live);
    }
}

void LiveController::pushTimeline() {
    if (!dirty_ || !builder_.hasJob()) {
        if (!isLive())
            updateTimer_.stop(); // nothing more will arrive
        return;
    }
    // One analysis at a time: a newer timeline waits for the running one instead of cancelling
    // it, so a fast stream still shows progress (the next tick sends it).
    if (document_->isBusy())
        return;
    dirty_ = false;
    const auto timeline = std::make_shared<const Timeline>(builder_.timeline());
    document_->setLiveTimeline(timeline);
    if (!lastJob_.isEmpty())
        document_->setLiveText(live::liveJobText(lastJob_, *timeline));
    if (!isLive())
        updateTimer_.stop();
}

bool LiveController::startRecording(const QString& path, QString* error) {
    if (!isLive()) {
        if (error)
            *error = tr("connect to a cluster first: there is no live session to record");
        return false;
    }
    stopRecording();
    live::TraceHeader header;
    header.recordedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    header.server = session_->server();
    header.jobNamespace = session_->namespaceName();
    header.job = session_->jobName();
    QString reason;
    // Into a partial file beside `path`, renamed over it when the recording stops: a file
    // already at `path` stays whole until then.
    bool ok = writer_.openReplacing(path, header, &reason);
    for (size_t i = 0; ok && i < observations_.size(); ++i)
        ok = writer_.append(observations_[i], &reason);
    if (!ok) {
        writer_.discard();
        if (error)
            *error = reason;
        return false;
    }
    recordingPath_ = path;
    emit recordingChanged(true);
    return true;
}

void LiveController::stopRecording() {
    if (!writer_.isOpen())
        return;
    // What was written is a trace up to its last whole line, even after a failed append.
    QString error;
    const bool committed = writer_.commit(&error);
    emit recordingChanged(false);
    if (!committed)
        emit recordingFailed(error);
}

} // namespace jobscope::ui
