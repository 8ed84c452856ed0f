// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/live_controller.h"

#include "live/live_job_text.h"

#include "gui/job_document.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

#include <utility>

namespace jobscope::ui {

LiveController::LiveController(JobDocument* document, QObject* parent)
    : QObject(parent), document_(document) {
    updateTimer_.setInterval(kUpdateInterval);
    connect(&updateTimer_, &QTimer::timeout, this, &LiveController::pushTimeline);
}

LiveController::~LiveController() {
    // The window that listens is being destroyed: the recording is committed without telling it.
    blockSignals(true);
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
    jobs_.clear();
    if (!session_->followsNamespace())
        jobs_.push_back(
            FollowedJob{session_->jobName(), live::TimelineBuilder({session_->jobName(), false})});
    observations_.clear();
    dirty_ = false;
    QString title;
    if (!session_->followsNamespace())
        title = tr("%1 (live, %2)").arg(session_->jobName(), session_->namespaceName());
    else if (session_->jobSelector().isEmpty())
        title = tr("every Job (live, %1)").arg(session_->namespaceName());
    else
        title = tr("Jobs %1 (live, %2)").arg(session_->jobSelector(), session_->namespaceName());
    document_->openLive(title);
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
    // Kept without the object's text (as much again as the object): a recording started later
    // writes the object itself.
    observations_.push_back(observation);
    observations_.back().objectText.clear();
    for (FollowedJob& job : jobs_)
        job.builder.add(observation);
    if (observation.kind == live::ObjectKind::Job && session_->followsNamespace()) {
        const QString name = observation.object.value(QLatin1String("metadata"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        const bool known = std::any_of(jobs_.begin(), jobs_.end(),
                                       [&](const FollowedJob& j) { return j.name == name; });
        if (!known && !name.isEmpty()) {
            // A Job first seen: its builder picks its Pods and Events out of the session so far.
            FollowedJob added{name, live::TimelineBuilder({name, false})};
            for (const live::Observation& o : observations_)
                added.builder.add(o);
            jobs_.push_back(std::move(added));
        }
    }
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
    const bool anyJob = std::any_of(jobs_.begin(), jobs_.end(),
                                    [](const FollowedJob& job) { return job.builder.hasJob(); });
    if (!dirty_ || !anyJob) {
        if (!isLive())
            updateTimer_.stop(); // nothing more will arrive
        return;
    }
    // One analysis at a time: a newer timeline waits for the running one instead of cancelling
    // it, so a fast stream still shows progress (the next tick sends it).
    if (document_->isBusy())
        return;
    dirty_ = false;
    auto timelines = std::make_shared<std::vector<Timeline>>();
    QStringList texts;
    for (const FollowedJob& job : jobs_) {
        if (!job.builder.hasJob())
            continue;
        timelines->push_back(job.builder.timeline());
        if (!job.builder.jobObject().isEmpty())
            texts << live::liveJobText(job.builder.jobObject(), timelines->back());
    }
    document_->setLiveTimelines(std::move(timelines));
    if (!texts.isEmpty())
        document_->setLiveText(texts.join(QLatin1Char('\n')));
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
