// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/live_session.h"

#include "live/label_selector.h"
#include "manifest/validation.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace jobscope::live {

QString liveStateName(LiveState state) {
    switch (state) {
    case LiveState::Connecting:
        return QStringLiteral("connecting");
    case LiveState::Connected:
        return QStringLiteral("connected");
    case LiveState::Reconnecting:
        return QStringLiteral("reconnecting");
    case LiveState::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

QString invalidJobTarget(const QString& namespaceName, const QString& jobName) {
    const auto problem = [](const char* what, const QString& value,
                            const std::vector<std::string>& errors) {
        if (errors.empty())
            return QString();
        QStringList details;
        for (const std::string& error : errors)
            details << QString::fromStdString(error);
        return QCoreApplication::translate("LiveSession", "%1 %2 is not valid: %3")
            .arg(QCoreApplication::translate("LiveSession", what),
                 QString::fromStdString(validation::quote(value.toStdString())),
                 details.join(QStringLiteral("; ")));
    };
    QString error = problem(QT_TRANSLATE_NOOP("LiveSession", "namespace"), namespaceName,
                            validation::isDNS1123Label(namespaceName.toStdString()));
    // No Job name: every Job of the namespace.
    if (error.isEmpty() && !jobName.isEmpty())
        error = problem(QT_TRANSLATE_NOOP("LiveSession", "Job name"), jobName,
                        validation::isDNS1123Subdomain(jobName.toStdString()));
    return error;
}

namespace {

QJsonObject metadataOf(const QJsonObject& object) {
    return object.value(QLatin1String("metadata")).toObject();
}

bool conditionTrue(const QJsonObject& job, const char* type) {
    const QJsonArray conditions =
        job.value(QLatin1String("status")).toObject().value(QLatin1String("conditions")).toArray();
    for (const QJsonValue& value : conditions) {
        const QJsonObject condition = value.toObject();
        if (condition.value(QLatin1String("type")).toString() == QLatin1String(type) &&
            condition.value(QLatin1String("status")).toString() == QLatin1String("True"))
            return true;
    }
    return false;
}

bool podEnded(const QJsonObject& pod) {
    const QString phase =
        pod.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString();
    return phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed");
}

// What a watcher reported, as an observation: the watchers trim every object as they read it
// (WatchOptions::trimAs).
Observation observationOf(ObjectKind kind, WatchType type, const QJsonObject& object,
                          double receivedAt, const QByteArray& objectText) {
    return {.receivedAt = receivedAt,
            .kind = kind,
            .type = type,
            .object = object,
            .trimmed = true,
            .objectText = objectText};
}

} // namespace

LiveSession::LiveSession(const KubeConnection& connection, QString jobName, QObject* parent)
    : QObject(parent), client_(new ApiClient(connection, this)), jobName_(std::move(jobName)) {
    connect(client_, &ApiClient::message, this, &LiveSession::warning);
}

LiveSession::~LiveSession() = default;

Watcher* LiveSession::makeWatcher(ObjectKind kind, const QString& path,
                                  const QString& fieldSelector, const QString& labelSelector) {
    WatchOptions options = tuning_;
    options.trimAs = kind;
    options.path = path;
    options.fieldSelector = fieldSelector;
    options.labelSelector = labelSelector;
    auto* watcher = new Watcher(client_, options, this);
    connect(watcher, &Watcher::stateChanged, this, [this] {
        updateState();
        checkDone();
    });
    connect(watcher, &Watcher::synced, this, [this] {
        updateState();
        checkDone();
    });
    connect(watcher, &Watcher::warning, this, &LiveSession::warning);
    connect(watcher, &Watcher::failed, this, [this, watcher](const QString& message) {
        stoppedOnConfiguration_ = watcher->failedOnConfiguration();
        stop(message);
    });
    return watcher;
}

void LiveSession::start() {
    if (started_)
        return;
    started_ = true;
    for (const QString& text : client_->warnings())
        emit warning(text);
    const QString ns = client_->namespaceName();
    if (const QString invalid = invalidJobTarget(ns, jobName_); !invalid.isEmpty()) {
        stoppedOnConfiguration_ = true;
        stop(invalid);
        return;
    }
    if (followsNamespace()) {
        QString invalid;
        if (!LabelSelector::parse(jobSelector_, &invalid)) {
            stoppedOnConfiguration_ = true;
            stop(invalid);
            return;
        }
        // Every Job (that the selector matches), every Job's Pods (the controller-uid label,
        // which every release sets) and every Event, from the start.
        jobWatcher_ = makeWatcher(ObjectKind::Job,
                                  QStringLiteral("/apis/batch/v1/namespaces/%1/jobs").arg(ns), {},
                                  jobSelector_);
        podWatcher_ =
            makeWatcher(ObjectKind::Pod, QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns), {},
                        QStringLiteral("controller-uid"));
        eventWatcher_ = makeWatcher(ObjectKind::Event,
                                    QStringLiteral("/api/v1/namespaces/%1/events").arg(ns), {}, {});
        connect(jobWatcher_, &Watcher::observed, this, &LiveSession::onJob);
        connect(podWatcher_, &Watcher::observed, this, &LiveSession::onPod);
        connect(eventWatcher_, &Watcher::observed, this, &LiveSession::onEvent);
        state_ = LiveState::Connecting;
        emit stateChanged(state_, stateReason_);
        for (Watcher* watcher : {jobWatcher_, podWatcher_, eventWatcher_})
            watcher->start();
        return;
    }
    jobWatcher_ =
        makeWatcher(ObjectKind::Job, QStringLiteral("/apis/batch/v1/namespaces/%1/jobs").arg(ns),
                    QStringLiteral("metadata.name=%1").arg(jobName_), {});
    connect(jobWatcher_, &Watcher::observed, this, &LiveSession::onJob);
    state_ = LiveState::Connecting;
    emit stateChanged(state_, stateReason_);
    jobWatcher_->start();
}

void LiveSession::adoptJob(const QString& uid, const QString& name) {
    jobUids_.insert(uid);
    jobNames_.insert(name);
    const auto held = heldPods_.find(uid);
    if (held == heldPods_.end())
        return;
    const auto pods = std::move(held->second);
    heldPods_.erase(held);
    heldPodCount_ -= static_cast<qsizetype>(pods.size());
    for (const Observation& pod : pods)
        onPod(pod.type, pod.object, pod.receivedAt, pod.objectText);
}

void LiveSession::stop(const QString& reason) {
    for (Watcher* watcher : {jobWatcher_, podWatcher_, eventWatcher_})
        if (watcher) {
            watcher->disconnect(this);
            watcher->stop();
        }
    if (state_ == LiveState::Stopped)
        return;
    state_ = LiveState::Stopped;
    stateReason_ = reason;
    emit stateChanged(state_, reason);
}

void LiveSession::onJob(WatchType type, const QJsonObject& object, double receivedAt,
                        const QByteArray& objectText) {
    const QString uid = metadataOf(object).value(QLatin1String("uid")).toString();
    if (followsNamespace()) {
        emit observation(observationOf(ObjectKind::Job, type, object, receivedAt, objectText));
        if (!uid.isEmpty() && !jobUids_.contains(uid))
            adoptJob(uid, metadataOf(object).value(QLatin1String("name")).toString());
        return;
    }
    if (!jobUid_.isEmpty() && uid != jobUid_) {
        // Another Job of the same name (deleted and created again): not the one being watched.
        emit warning(QCoreApplication::translate(
                         "LiveSession", "a new Job named '%1' appeared; it is not followed")
                         .arg(jobName_));
        return;
    }
    emit observation(observationOf(ObjectKind::Job, type, object, receivedAt, objectText));
    lastJob_ = object;
    if (type == WatchType::Deleted) {
        jobDeleted_ = true;
        checkDone();
        return;
    }
    if (!jobUid_.isEmpty())
        return checkDone();
    jobUid_ = uid;
    // The Job's own selector says which label its Pods carry: clusters before 1.27 only set
    // controller-uid.
    const QJsonObject matchLabels = object.value(QLatin1String("spec"))
                                        .toObject()
                                        .value(QLatin1String("selector"))
                                        .toObject()
                                        .value(QLatin1String("matchLabels"))
                                        .toObject();
    QString label = QStringLiteral("batch.kubernetes.io/controller-uid");
    if (!matchLabels.contains(label) && matchLabels.contains(QLatin1String("controller-uid")))
        label = QStringLiteral("controller-uid");
    const QString ns = client_->namespaceName();
    podWatcher_ = makeWatcher(ObjectKind::Pod, QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns),
                              {}, QStringLiteral("%1=%2").arg(label, jobUid_));
    connect(podWatcher_, &Watcher::observed, this, &LiveSession::onPod);
    eventWatcher_ = makeWatcher(ObjectKind::Event,
                                QStringLiteral("/api/v1/namespaces/%1/events").arg(ns), {}, {});
    connect(eventWatcher_, &Watcher::observed, this, &LiveSession::onEvent);
    podWatcher_->start();
    eventWatcher_->start();
    updateState();
}

// The uid of the Job that controls a Pod: its controller reference, else its controller-uid label.
static QString owningJobUid(const QJsonObject& metadata) {
    for (const QJsonValue& owner : metadata.value(QLatin1String("ownerReferences")).toArray()) {
        const QJsonObject reference = owner.toObject();
        if (reference.value(QLatin1String("kind")).toString() == QLatin1String("Job") &&
            reference.value(QLatin1String("controller")).toBool())
            return reference.value(QLatin1String("uid")).toString();
    }
    const QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    const QString label =
        labels.value(QLatin1String("batch.kubernetes.io/controller-uid")).toString();
    return label.isEmpty() ? labels.value(QLatin1String("controller-uid")).toString() : label;
}

void LiveSession::onPod(WatchType type, const QJsonObject& object, double receivedAt,
                        const QByteArray& objectText) {
    const QJsonObject metadata = metadataOf(object);
    const QString name = metadata.value(QLatin1String("name")).toString();
    if (followsNamespace()) {
        // A Pod of a Job not seen yet waits for it; the Pods of Jobs the selector leaves out
        // wait until the bound drops them.
        const QString owner = owningJobUid(metadata);
        if (!jobUids_.contains(owner)) {
            if (heldPodCount_ < kMaxHeldPods) {
                heldPods_[owner].push_back(
                    observationOf(ObjectKind::Pod, type, object, receivedAt, objectText));
                ++heldPodCount_;
            }
            return;
        }
    }
    podUids_.insert(metadata.value(QLatin1String("uid")).toString());
    podNames_.insert(name);
    // The watch keeps an object per uid and reports each change of one: the same bookkeeping
    // here follows its objects().
    const QString uid = objectUid(object);
    if (const auto known = podEnded_.constFind(uid); known != podEnded_.constEnd()) {
        if (!*known)
            --podsNotEnded_;
        if (type == WatchType::Deleted)
            podEnded_.erase(known);
    }
    if (type != WatchType::Deleted) {
        const bool ended = podEnded(object);
        podEnded_.insert(uid, ended);
        if (!ended)
            ++podsNotEnded_;
    }
    emit observation(observationOf(ObjectKind::Pod, type, object, receivedAt, objectText));
    // Events about this Pod that came before it.
    auto pending = pendingPodEvents_.find(name);
    if (pending != pendingPodEvents_.end()) {
        const auto events = std::move(pending->second);
        pendingPodEvents_.erase(pending);
        for (const Observation& event : events)
            emit observation(event);
    }
    checkDone();
}

void LiveSession::onEvent(WatchType type, const QJsonObject& object, double receivedAt,
                          const QByteArray& objectText) {
    const QJsonObject involved = object.value(QLatin1String("involvedObject")).toObject();
    const QString uid = involved.value(QLatin1String("uid")).toString();
    const QString kind = involved.value(QLatin1String("kind")).toString();
    const QString name = involved.value(QLatin1String("name")).toString();
    if (kind == QLatin1String("Job")) {
        const bool followed =
            followsNamespace() ? (uid.isEmpty() ? jobNames_.contains(name) : jobUids_.contains(uid))
                               : uid == jobUid_ || (uid.isEmpty() && name == jobName_);
        if (followed)
            emit observation(
                observationOf(ObjectKind::Event, type, object, receivedAt, objectText));
        return;
    }
    if (kind != QLatin1String("Pod"))
        return;
    if ((!uid.isEmpty() && podUids_.count(uid) != 0) || podNames_.count(name) != 0) {
        emit observation(observationOf(ObjectKind::Event, type, object, receivedAt, objectText));
        return;
    }
    // A Pod of this Job is named after it (generateName "<job>-"); hold its events until the
    // Pod itself arrives. Others are not this Job's. Following every Job, any Pod may be one
    // of theirs (a bounded number of Pods).
    const bool mayBeFollowed =
        followsNamespace() ? pendingPodEvents_.size() < 1000 || pendingPodEvents_.count(name) != 0
                           : name.startsWith(jobName_ + QLatin1Char('-'));
    if (mayBeFollowed) {
        auto& held = pendingPodEvents_[name];
        if (held.size() < 100)
            held.push_back(observationOf(ObjectKind::Event, type, object, receivedAt, objectText));
    }
}

void LiveSession::updateState() {
    if (state_ == LiveState::Stopped)
        return;
    LiveState state = LiveState::Connected;
    QString reason;
    for (Watcher* watcher : {jobWatcher_, podWatcher_, eventWatcher_}) {
        if (!watcher)
            continue;
        if (watcher->state() == WatchState::Waiting) {
            state = LiveState::Reconnecting;
            reason = watcher->stateReason();
            break;
        }
        if (!watcher->hasSynced())
            state =
                state_ == LiveState::Reconnecting ? LiveState::Reconnecting : LiveState::Connecting;
    }
    // Trying again after a failure: the failure is still the best account of the state (an
    // empty reason would tell the user nothing).
    if (state == LiveState::Reconnecting && reason.isEmpty() && state_ == LiveState::Reconnecting)
        reason = stateReason_;
    if (state == LiveState::Connected && jobUid_.isEmpty() && !followsNamespace())
        reason =
            QCoreApplication::translate("LiveSession", "waiting for the Job '%1' to be created")
                .arg(jobName_);
    if (state == state_ && reason == stateReason_)
        return;
    state_ = state;
    stateReason_ = reason;
    emit stateChanged(state_, stateReason_);
}

void LiveSession::checkDone() {
    // Following every Job, another may come at any time.
    if (jobDone_ || state_ == LiveState::Stopped || followsNamespace())
        return;
    bool done = jobDeleted_;
    // Only a watch that is up to date can tell that nothing more is coming.
    const bool upToDate = podWatcher_ && podWatcher_->state() == WatchState::Watching &&
                          eventWatcher_ && eventWatcher_->state() == WatchState::Watching;
    if (!done && !lastJob_.isEmpty() && upToDate &&
        (conditionTrue(lastJob_, "Complete") || conditionTrue(lastJob_, "Failed"))) {
        done = podsNotEnded_ == 0;
    }
    if (!done)
        return;
    jobDone_ = true;
    emit finished();
}

} // namespace jobscope::live
