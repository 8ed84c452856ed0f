// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/watcher.h"

#include "live/watch_stream.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <cmath>
#include <set>

namespace jobscope::live {

QString objectUid(const QJsonObject& object) {
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QString uid = metadata.value(QLatin1String("uid")).toString();
    if (!uid.isEmpty())
        return uid;
    return metadata.value(QLatin1String("namespace")).toString() + QLatin1Char('/') +
           metadata.value(QLatin1String("name")).toString();
}

QString objectResourceVersion(const QJsonObject& object) {
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("resourceVersion"))
        .toString();
}

namespace {

double now() {
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

} // namespace

int timerMilliseconds(double seconds) {
    if (!(seconds > 0)) // also NaN
        return 0;
    const double ms = std::round(seconds * 1000.0);
    return ms >= double(INT_MAX) ? INT_MAX : int(ms);
}

Watcher::Watcher(ApiClient* client, WatchOptions options, QObject* parent)
    : QObject(parent), client_(client), options_(std::move(options)), retryTimer_(new QTimer(this)),
      idleTimer_(new QTimer(this)) {
    retryTimer_->setSingleShot(true);
    idleTimer_->setSingleShot(true);
    backoff_ = options_.initialBackoffSeconds;
    connect(idleTimer_, &QTimer::timeout, this, [this] {
        if (state_ != WatchState::Watching)
            return;
        abortReply();
        retryLater(QCoreApplication::translate("Watcher", "no data from the server for %1 s")
                       .arg(options_.idleSeconds),
                   false);
    });
}

Watcher::~Watcher() {
    abortReply();
}

void Watcher::setState(WatchState state, const QString& reason) {
    state_ = state;
    stateReason_ = reason;
    emit stateChanged(state, reason);
}

void Watcher::fail(const QString& message, bool configuration) {
    abortReply();
    retryTimer_->stop();
    failedOnConfiguration_ = configuration;
    setState(WatchState::Stopped, message);
    emit failed(message);
}

void Watcher::abortReply() {
    idleTimer_->stop();
    if (!reply_)
        return;
    ApiReply* reply = reply_;
    reply_ = nullptr;
    reply->disconnect(this);
    reply->abort();
}

void Watcher::start() {
    if (state_ != WatchState::Idle && state_ != WatchState::Stopped)
        return;
    list({});
}

void Watcher::stop() {
    abortReply();
    retryTimer_->stop();
    if (state_ != WatchState::Stopped)
        setState(WatchState::Stopped);
}

QUrlQuery Watcher::baseQuery() const {
    QUrlQuery query;
    if (!options_.fieldSelector.isEmpty())
        query.addQueryItem(QStringLiteral("fieldSelector"), options_.fieldSelector);
    if (!options_.labelSelector.isEmpty())
        query.addQueryItem(QStringLiteral("labelSelector"), options_.labelSelector);
    return query;
}

void Watcher::list(const QString& continueToken) {
    abortReply();
    if (continueToken.isEmpty()) {
        pageItems_.clear();
        listResourceVersion_.clear();
        setState(WatchState::Listing);
    }
    QUrlQuery query = baseQuery();
    if (options_.listPageSize > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(options_.listPageSize));
    if (!continueToken.isEmpty())
        query.addQueryItem(QStringLiteral("continue"), continueToken);
    reply_ = client_->get(options_.path, query, false);
    connect(reply_, &ApiReply::finished, this, &Watcher::onListPage);
}

QString Watcher::shownServerText(const QByteArray& bytes, int maxChars) const {
    // Redacted before it is cut, so that no piece of a credential survives the cut.
    return printableServerText(
        client_->redactSecrets(QString::fromUtf8(bytes.left(qsizetype(maxChars) * 4 + 4096))),
        maxChars);
}

void Watcher::failTooManyObjects() {
    pageItems_.clear();
    fail(QCoreApplication::translate("Watcher", "%1: more than %2 objects, the most JobScope keeps "
                                                "for one list or watch (see docs/limits.md)")
             .arg(options_.path)
             .arg(options_.maxObjects),
         false);
}

double Watcher::receiveTime() const {
    return options_.clock ? options_.clock() : now();
}

bool Watcher::isFatal(const ApiResult& result) const {
    // Credentials, RBAC or TLS: retrying cannot help (an exec plugin was already run again).
    // A TLS handshake that failed fails again the same way (the kubeconfig has to change).
    // An answer over the size limit would be as large again.
    return result.httpStatus == 401 || result.httpStatus == 403 || result.httpStatus == 404 ||
           result.tlsFailure || result.configurationError || result.tooLarge;
}

void Watcher::onListPage(const ApiResult& result) {
    reply_ = nullptr;
    const double receivedAt = receiveTime();
    if (result.httpStatus == 410) {
        // The continue token expired: start the list again from the beginning.
        list({});
        return;
    }
    if (isFatal(result)) {
        fail(result.error, result.configurationError);
        return;
    }
    if (!result.ok()) {
        retryLater(result.error, true, result.retryAfterSeconds);
        return;
    }
    ListBody page = parseListBody(result.body, options_.trimAs);
    if (page.parseError) {
        retryLater(QCoreApplication::translate("Watcher", "%1: the list answer is not JSON: %2")
                       .arg(options_.path, *page.parseError),
                   true);
        return;
    }
    if (listResourceVersion_.isEmpty())
        listResourceVersion_ = page.resourceVersion;
    for (ListItem& item : page.items)
        pageItems_.push_back(std::move(item));
    if (pageItems_.size() > static_cast<std::size_t>(options_.maxObjects)) {
        failTooManyObjects();
        return;
    }
    if (!page.continueToken.isEmpty()) {
        list(page.continueToken);
        return;
    }
    applyList(receivedAt);
}

void Watcher::applyList(double receivedAt) {
    std::set<QString> listed;
    for (const ListItem& item : pageItems_) {
        const QString uid = objectUid(item.object);
        listed.insert(uid);
        auto known = objects_.find(uid);
        if (known != objects_.end() &&
            objectResourceVersion(known->second) == objectResourceVersion(item.object))
            continue; // seen already, unchanged
        objects_[uid] = item.object;
        emit observed(WatchType::Listed, item.object, receivedAt, item.objectText);
    }
    // Gone while no watch was open: report the deletion with the last state seen.
    for (auto it = objects_.begin(); it != objects_.end();) {
        if (listed.count(it->first) == 0) {
            const QJsonObject last = it->second;
            it = objects_.erase(it);
            emit observed(WatchType::Deleted, last, receivedAt, {});
        } else {
            ++it;
        }
    }
    pageItems_.clear();
    resourceVersion_ = listResourceVersion_;
    synced_ = true;
    backoff_ = options_.initialBackoffSeconds;
    failedAttempts_ = 0;
    emit synced();
    if (state_ != WatchState::Stopped)
        watch();
}

void Watcher::watch() {
    abortReply();
    QUrlQuery query = baseQuery();
    query.addQueryItem(QStringLiteral("watch"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("resourceVersion"), resourceVersion_);
    query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
    // As client-go: spread the watches' ends so that many clients do not reconnect together.
    const int timeout =
        options_.timeoutSeconds +
        int(QRandomGenerator::global()->bounded(std::max(1, options_.timeoutSeconds)));
    query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(timeout));
    buffer_.clear();
    eventsThisWatch_ = 0;
    setState(WatchState::Watching);
    reply_ = client_->get(options_.path, query, true);
    connect(reply_, &ApiReply::chunk, this, &Watcher::onChunk);
    connect(reply_, &ApiReply::finished, this, &Watcher::onWatchFinished);
    idleTimer_->start(timerMilliseconds(options_.idleSeconds));
}

void Watcher::onChunk(const QByteArray& bytes) {
    idleTimer_->start(timerMilliseconds(options_.idleSeconds));
    failedAttempts_ = 0;
    const double receivedAt = receiveTime();
    buffer_ += bytes;
    qsizetype start = 0;
    while (reply_) {
        const std::optional<QByteArray> line = nextWatchLine(buffer_, start);
        if (!line)
            break;
        handleLine(*line, receivedAt);
    }
    if (!reply_)
        return;
    buffer_.remove(0, start);
    if (buffer_.size() > options_.maxLineBytes) {
        // A line this long is no Kubernetes object; holding more of it only costs memory.
        buffer_.clear();
        buffer_.squeeze();
        fail(QCoreApplication::translate("Watcher",
                                         "%1: a watch event is longer than %2 MiB, the most "
                                         "JobScope reads for one object (see docs/limits.md)")
                 .arg(options_.path,
                      QString::number(double(options_.maxLineBytes) / (1024 * 1024), 'g', 4)),
             false);
    }
}

void Watcher::handleLine(const QByteArray& line, double receivedAt) {
    const WatchStreamEvent event = parseWatchLine(line, options_.trimAs);
    if (event.kind == WatchStreamEvent::Kind::NotJson) {
        emit warning(QCoreApplication::translate(
                         "Watcher", "%1: skipped a watch line that is not JSON (%2): %3")
                         .arg(options_.path, event.parseError, shownServerText(line, 80)));
        return;
    }
    const QJsonObject& object = event.object;
    ++eventsThisWatch_;
    if (event.kind == WatchStreamEvent::Kind::Bookmark) {
        const QString version = objectResourceVersion(object);
        if (!version.isEmpty())
            resourceVersion_ = version;
        return;
    }
    if (event.kind == WatchStreamEvent::Kind::Error) {
        // A Status object: 410 means the resourceVersion is too old to resume from.
        const int code = object.value(QLatin1String("code")).toInt();
        const QString message = object.value(QLatin1String("message")).toString();
        abortReply();
        if (code == 410) {
            relistSoon();
            return;
        }
        retryLater(QCoreApplication::translate("Watcher", "%1: the watch reported an error "
                                                          "(%2): %3")
                       .arg(options_.path)
                       .arg(code)
                       .arg(shownServerText(message.toUtf8(), 200)),
                   false);
        return;
    }
    if (event.kind == WatchStreamEvent::Kind::UnknownType) {
        emit warning(
            QCoreApplication::translate("Watcher", "%1: skipped a watch event of unknown type '%2'")
                .arg(options_.path, shownServerText(event.type.toUtf8(), 80)));
        return;
    }
    const WatchType watchType = *event.watchType;
    const QString version = objectResourceVersion(object);
    if (!version.isEmpty())
        resourceVersion_ = version;
    const QString uid = objectUid(object);
    if (watchType == WatchType::Deleted) {
        objects_.erase(uid);
    } else {
        auto known = objects_.find(uid);
        if (known != objects_.end() && objectResourceVersion(known->second) == version)
            return; // a repeat of what was seen
        if (known == objects_.end() && objects_.size() >= size_t(options_.maxObjects)) {
            failTooManyObjects();
            return;
        }
        objects_[uid] = object;
    }
    emit observed(watchType, object, receivedAt, event.objectText);
}

void Watcher::onWatchFinished(const ApiResult& result) {
    reply_ = nullptr;
    idleTimer_->stop();
    if (result.ok()) {
        failedAttempts_ = 0; // the server answered
        if (!buffer_.trimmed().isEmpty()) {
            // The last line had no newline: it is complete now that the stream ended.
            const QByteArray line = buffer_.trimmed();
            buffer_.clear();
            handleLine(line, receiveTime());
            if (state_ != WatchState::Watching)
                return; // the line was an ERROR that already scheduled what comes next
        }
        if (eventsThisWatch_ > 0) {
            // The server's timeoutSeconds ended the watch: resume at once.
            backoff_ = options_.initialBackoffSeconds;
            watch();
        } else {
            retryLater(QCoreApplication::translate("Watcher",
                                                   "%1: the server closed the watch without "
                                                   "sending anything")
                           .arg(options_.path),
                       false);
        }
        return;
    }
    if (result.httpStatus == 410) {
        relistSoon();
        return;
    }
    if (isFatal(result)) {
        fail(result.error, result.configurationError);
        return;
    }
    retryLater(result.error, false, result.retryAfterSeconds);
}

void Watcher::relistSoon() {
    setState(WatchState::Waiting,
             QCoreApplication::translate("Watcher", "%1: the resourceVersion expired (410 Gone); "
                                                    "listing again")
                 .arg(options_.path));
    retryTimer_->disconnect();
    connect(retryTimer_, &QTimer::timeout, this, [this] { list({}); });
    retryTimer_->start(0);
}

void Watcher::retryLater(const QString& reason, bool fromList, std::optional<int> retryAfter) {
    ++failedAttempts_;
    const QString why = client_->redactSecrets(reason);
    if (options_.maxAttempts > 0 && failedAttempts_ >= options_.maxAttempts) {
        fail(QCoreApplication::translate("Watcher", "%1 (gave up after %n attempt(s))", nullptr,
                                         failedAttempts_)
                 .arg(why),
             false);
        return;
    }
    double delay = 0;
    if (retryAfter) {
        // The server says when: no jitter, no growth; but no longer than the back-off's
        // ceiling, so that a wrong or hostile Retry-After cannot stall the watch.
        delay = std::min(double(std::max(0, *retryAfter)), options_.maxBackoffSeconds);
    } else {
        delay = backoff_ * (1.0 + options_.jitter * QRandomGenerator::global()->generateDouble());
        backoff_ = std::min(backoff_ * 2, options_.maxBackoffSeconds);
    }
    const QString next = QString::number(delay, 'f', 1);
    setState(WatchState::Waiting,
             options_.maxAttempts > 0
                 ? QCoreApplication::translate("Watcher", "%1 (attempt %2 of %3, next in %4 s)")
                       .arg(why, QString::number(failedAttempts_),
                            QString::number(options_.maxAttempts), next)
                 : QCoreApplication::translate("Watcher", "%1 (attempt %2, next in %3 s)")
                       .arg(why, QString::number(failedAttempts_), next));
    retryTimer_->disconnect();
    connect(retryTimer_, &QTimer::timeout, this, [this, fromList] {
        // Without a resourceVersion to resume from, only a list can continue.
        if (fromList || resourceVersion_.isEmpty())
            list({});
        else
            watch();
    });
    retryTimer_->start(timerMilliseconds(delay));
}

} // namespace jobscope::live
