// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The GUI's live mode (watching a Job or every Job of a namespace, recording it): owns the
// LiveSession and a TimelineBuilder per Job followed, each fed every observation (a builder keeps
// what is about its Job); at most every kUpdateInterval ms, when something new arrived, hands the
// builders' Timelines to the JobDocument, which analyses them on a worker thread, with the Jobs'
// YAML and their Events as the document's read-only text. A session of every Job (or of a label
// selector) gets a builder for each Job when it is first observed, fed the session so far, so a
// Job created while watching (a CronJob's) joins with all it holds. Nothing here waits on the
// network.
//
// It also decides whether the playhead follows the newest time (following) and records the
// session to a trace (crash-safe, live::TraceWriter). Widgets only present this.

#include "live/live_session.h"
#include "live/observation.h"
#include "live/timeline_builder.h"
#include "live/trace.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace jobscope::ui {

class JobDocument;

class LiveController : public QObject {
    Q_OBJECT

public:
    static constexpr int kUpdateInterval = 300; // ms between two analyses of a growing timeline

    explicit LiveController(JobDocument* document, QObject* parent = nullptr);
    ~LiveController() override;

    // Takes over a started (or not yet started) session: the previous one stops, the document
    // becomes a read-only live document and following turns on.
    void start(std::unique_ptr<live::LiveSession> session);
    // Stops the session (the data stays shown) and closes a recording.
    void stop();

    // A session is watching (not stopped).
    bool isLive() const;
    live::LiveSession* session() const { return session_.get(); }
    int observationCount() const { return int(observations_.size()); }
    // The Jobs followed so far, in the order first observed (one, named by the session, when it
    // follows one Job), and the builder of the i-th.
    int jobCount() const { return int(jobs_.size()); }
    const live::TimelineBuilder& builder(int job = 0) const { return jobs_.at(size_t(job)).builder; }

    // Following: the playhead sits at the newest time and moves with it.
    bool isFollowing() const { return following_; }
    void setFollowing(bool follow);
    // The playhead moved to `time` of a range ending at `end` (the user scrubbed, stepped or
    // played): at the end following turns on, anywhere before it turns off.
    void playheadMoved(double time, double end);

    // Records the session to a trace at `path`: what was observed so far, then every new
    // observation as it arrives (each line flushed, so a crash loses at most the last one).
    bool startRecording(const QString& path, QString* error = nullptr);
    void stopRecording();
    bool isRecording() const { return writer_.isOpen(); }
    QString recordingPath() const { return recordingPath_; }
    int recordedCount() const { return writer_.written(); }

signals:
    void liveChanged(bool live);
    void followingChanged(bool following);
    void recordingChanged(bool recording);
    // Writing the trace failed; the recording has stopped.
    void recordingFailed(const QString& message);

private:
    struct FollowedJob {
        QString name;
        live::TimelineBuilder builder;
    };

    void observe(const live::Observation& observation);
    void onStateChanged(live::LiveState state);
    void pushTimeline();

    JobDocument* document_;
    std::unique_ptr<live::LiveSession> session_;
    std::vector<FollowedJob> jobs_;
    // All of the session: for a late recording and for a Job first seen late.
    std::vector<live::Observation> observations_;
    QTimer updateTimer_;
    bool dirty_ = false; // observations arrived since the last timelines handed over
    bool following_ = true;
    bool wasLive_ = false;
    live::TraceWriter writer_;
    QString recordingPath_;
};

} // namespace jobscope::ui
