// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// List + watch of one kind of object, following the API server's protocol as client-go's
// reflector does: list (in pages) to get the objects and a resourceVersion, then watch from
// that resourceVersion with allowWatchBookmarks; BOOKMARK events only move the
// resourceVersion; a normal close re-watches from the last resourceVersion; 410 Gone (as the
// HTTP status, or as an ERROR event inside the stream) re-lists; errors and empty closes back
// off exponentially with jitter (each wait names its reason, the attempt and the delay, and
// WatchOptions::maxAttempts can bound them); 429 waits for Retry-After, at most
// maxBackoffSeconds (the reflector backs off from a 429 with its own back-off, 30 s at most).
// A watch line longer than maxLineBytes or a list page larger than the client's limit stops the
// watcher with an error that names the limit (docs/limits.md). The stream has no transfer
// timeout but an idle watchdog: no byte for idleSeconds (the server sends bookmarks about once a
// minute) means a dead connection, and the watch reconnects.
//
// A re-list reports only what changed since the last state seen: objects with a new
// resourceVersion as Listed, objects that vanished as Deleted (their last known state), so
// that no observation is lost or duplicated across reconnects.

#include "live/api_client.h"
#include "live/observation.h"
#include "live/watch_stream.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <map>
#include <vector>

class QTimer;

namespace jobscope::live {

struct WatchOptions {
    QString path; // "/api/v1/namespaces/NS/pods"
    QString fieldSelector;
    QString labelSelector;
    int timeoutSeconds = 300; // server-side end of each watch, jittered to [t, 2t) as client-go
    double idleSeconds = 90;  // the idle watchdog
    int listPageSize = 500;   // limit= of each list page (0: one page)
    double initialBackoffSeconds = 0.8;
    double maxBackoffSeconds = 30; // client-go's reflector: 800 ms doubling to 30 s
    double jitter = 1.0;           // each delay is d * (1 + jitter * random)
    // Failed attempts in a row (requests that got no answer or an error; any answer from the
    // server starts the count again) before the watcher gives up with failed(); 0: never.
    int maxAttempts = 0;
    // The longest watch line (one event) kept while waiting for its newline.
    qint64 maxLineBytes = kMaxWatchLineBytes;
    // The most objects one list (all its pages) or watch keeps: Kubernetes' documented largest
    // cluster has 150 000 Pods ("Considerations for large clusters").
    int maxObjects = 150000;
    // The receive time of what arrives, in seconds since the epoch. Empty: the system clock;
    // a test that replays a recording at its own pace gives the recorded times.
    std::function<double()> clock;
    // Set: every object is kept and reported trimmed by this kind's rules (trimObject), as a
    // recording keeps it; a watch event's object is read without building what is dropped.
    std::optional<ObjectKind> trimAs;
};

enum class WatchState { Idle, Listing, Watching, Waiting, Stopped };

// A QTimer interval for `seconds`: rounded to milliseconds, within [0, INT_MAX].
int timerMilliseconds(double seconds);

class Watcher : public QObject {
    Q_OBJECT

public:
    Watcher(ApiClient* client, WatchOptions options, QObject* parent = nullptr);
    ~Watcher() override;

    void start();
    void stop();

    WatchState state() const { return state_; }
    QString stateReason() const { return stateReason_; }
    QString resourceVersion() const { return resourceVersion_; }
    bool hasSynced() const { return synced_; }
    const WatchOptions& options() const { return options_; }
    // The objects currently known, by uid (the last state seen of each).
    const std::map<QString, QJsonObject>& objects() const { return objects_; }
    // The last failed() was about the configuration (retrying cannot help until it changes).
    bool failedOnConfiguration() const { return failedOnConfiguration_; }
    // The bytes held for a watch line that has not ended yet (tests check the bound).
    qsizetype pendingLineBytes() const { return buffer_.size(); }

signals:
    // One object as it arrived; receivedAt in seconds since the epoch.
    // `objectText`: the object's JSON text when the watch read it trimmed in one pass
    // (WatchStreamEvent::objectText), else empty.
    void observed(jobscope::live::WatchType type, const QJsonObject& object, double receivedAt,
                  const QByteArray& objectText);
    // A list finished and its objects were reported; the watch follows.
    void synced();
    // Listing / watching / waiting (with the reason and the delay) / stopped.
    void stateChanged(jobscope::live::WatchState state, const QString& reason);
    // A line or event that was skipped (malformed JSON, an unknown event type).
    void warning(const QString& message);
    // The server refused access (401, 403) or the request cannot succeed: the watcher stopped.
    void failed(const QString& message);

private:
    void list(const QString& continueToken);
    void onListPage(const ApiResult& result);
    void applyList(double receivedAt);
    void watch();
    void onChunk(const QByteArray& bytes);
    void handleLine(const QByteArray& line, double receivedAt);
    void onWatchFinished(const ApiResult& result);
    void relistSoon();
    void retryLater(const QString& reason, bool fromList, std::optional<int> retryAfter = {});
    bool isFatal(const ApiResult& result) const;
    double receiveTime() const;
    // What the server sent, fit to print: credentials redacted, controls escaped, cut short.
    QString shownServerText(const QByteArray& bytes, int maxChars) const;
    void setState(WatchState state, const QString& reason = {});
    void fail(const QString& message, bool configuration);
    void failTooManyObjects();
    void abortReply();
    QUrlQuery baseQuery() const;

    ApiClient* client_;
    WatchOptions options_;
    WatchState state_ = WatchState::Idle;
    QString stateReason_;
    QPointer<ApiReply> reply_;
    QTimer* retryTimer_ = nullptr;
    QTimer* idleTimer_ = nullptr;
    QString resourceVersion_;
    bool synced_ = false;
    double backoff_ = 0;
    int failedAttempts_ = 0; // in a row
    // list paging
    std::vector<ListItem> pageItems_;
    QString listResourceVersion_;
    // watch stream
    QByteArray buffer_;
    int eventsThisWatch_ = 0;
    bool idleAbort_ = false;
    bool restartAbort_ = false; // the stream said 410: re-list once it is torn down
    std::map<QString, QJsonObject> objects_;
    bool failedOnConfiguration_ = false;
};

QString objectUid(const QJsonObject& object);
QString objectResourceVersion(const QJsonObject& object);

} // namespace jobscope::live
