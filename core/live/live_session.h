// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Watching one Job live: the Job (fieldSelector metadata.name=NAME), its Pods (labelSelector
// batch.kubernetes.io/controller-uid=UID, or controller-uid=UID when the Job's selector uses
// the label of clusters before 1.27) and the Events about the Job and its Pods (a namespace
// events watch, filtered by involvedObject). Every object that arrives becomes an Observation
// (receive time, kind, watch type, the object trimmed by trimObject), in arrival order.
//
// Everything is asynchronous: nothing here waits on the network, so the GUI thread stays free.

#include "live/api_client.h"
#include "live/observation.h"
#include "live/watcher.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <map>
#include <memory>
#include <set>
#include <vector>

namespace jobscope::live {

enum class LiveState { Connecting, Connected, Reconnecting, Stopped };

QString liveStateName(LiveState state); // "connecting", "connected", ... (stable, untranslated)

// Why `namespaceName` cannot be a namespace (an RFC 1123 label) or `jobName` a Job name (an
// RFC 1123 subdomain), with upstream's words; empty when both can. Both become part of request
// paths, so nothing else may reach a URL.
QString invalidJobTarget(const QString& namespaceName, const QString& jobName);

class LiveSession : public QObject {
    Q_OBJECT

public:
    // The session owns its API client. An empty `jobName` follows every Job of the namespace
    // (or those setJobSelector matches), including Jobs created while it watches (a CronJob's):
    // such a session never finishes by itself.
    LiveSession(const KubeConnection& connection, QString jobName, QObject* parent = nullptr);
    // Of a session of every Job: only the Jobs whose labels match (kubectl's -l), before start().
    void setJobSelector(const QString& labelSelector) { jobSelector_ = labelSelector; }
    QString jobSelector() const { return jobSelector_; }
    bool followsNamespace() const { return jobName_.isEmpty(); }
    ~LiveSession() override;

    void start();
    // Stops every watch; stateChanged(Stopped, reason) follows.
    void stop(const QString& reason = {});

    LiveState state() const { return state_; }
    QString stateReason() const { return stateReason_; }
    QString jobName() const { return jobName_; }
    QString namespaceName() const { return client_->namespaceName(); }
    QString server() const { return client_->server(); }
    QString jobUid() const { return jobUid_; }
    // The Job has finished (Complete or Failed) and none of its Pods still runs, or it was
    // deleted: nothing more will happen to it.
    bool jobDone() const { return jobDone_; }
    // The session stopped because of its input (an invalid name, a kubeconfig whose server or
    // exec plugin cannot work): trying again without changing it cannot help.
    bool stoppedOnConfiguration() const { return stoppedOnConfiguration_; }
    ApiClient* client() const { return client_; }
    // Timing of the watches (tests shorten the idle watchdog and the back-off). The path and
    // selectors are the session's own.
    void setWatchTuning(const WatchOptions& tuning) { tuning_ = tuning; }

signals:
    void observation(const jobscope::live::Observation& observation);
    void stateChanged(jobscope::live::LiveState state, const QString& reason);
    void warning(const QString& message);
    // Emitted once, when jobDone() becomes true.
    void finished();

private:
    Watcher* makeWatcher(ObjectKind kind, const QString& path, const QString& fieldSelector,
                         const QString& labelSelector);
    // What a watcher reported (Watcher::observed).
    void onJob(WatchType type, const QJsonObject& object, double receivedAt,
               const QByteArray& objectText);
    void onPod(WatchType type, const QJsonObject& object, double receivedAt,
               const QByteArray& objectText);
    void onEvent(WatchType type, const QJsonObject& object, double receivedAt,
                 const QByteArray& objectText);
    void updateState();
    void checkDone();
    // A session of every Job: a Job seen for the first time, and the Pods held for it.
    void adoptJob(const QString& uid, const QString& name);

    ApiClient* client_;
    QString jobName_;
    WatchOptions tuning_;
    Watcher* jobWatcher_ = nullptr;
    Watcher* podWatcher_ = nullptr;
    Watcher* eventWatcher_ = nullptr;
    QString jobUid_;
    QJsonObject lastJob_;
    // A session of every Job: the selector, the Jobs followed (uids and names), and the Pods
    // that came before their Job, by the Job's uid (at most kMaxHeldPods in all).
    QString jobSelector_;
    QSet<QString> jobUids_, jobNames_;
    std::map<QString, std::vector<Observation>> heldPods_;
    qsizetype heldPodCount_ = 0;
    static constexpr qsizetype kMaxHeldPods = 5000;
    std::set<QString> podUids_;
    std::set<QString> podNames_;
    // The Pods the Pod watch knows (its objects(), by uid) and whether each has ended
    // (Succeeded or Failed), with the count of those that have not: kept as each Pod event
    // arrives so that checkDone costs the same however many Pods there are.
    QHash<QString, bool> podEnded_;
    qsizetype podsNotEnded_ = 0;
    // Events about Pods not seen yet (a Pod event may overtake the Pod), by Pod name.
    std::map<QString, std::vector<Observation>> pendingPodEvents_;
    LiveState state_ = LiveState::Connecting;
    QString stateReason_;
    bool started_ = false;
    bool jobDone_ = false;
    bool jobDeleted_ = false;
    bool stoppedOnConfiguration_ = false;
};

} // namespace jobscope::live
