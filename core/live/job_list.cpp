// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/job_list.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace jobscope::live {

JobSummary summarizeJob(const QJsonObject& job) {
    JobSummary summary;
    summary.name =
        job.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    const QJsonObject status = job.value(QLatin1String("status")).toObject();
    summary.active = status.value(QLatin1String("active")).toInt();
    summary.succeeded = status.value(QLatin1String("succeeded")).toInt();
    summary.failed = status.value(QLatin1String("failed")).toInt();
    summary.suspended =
        job.value(QLatin1String("spec")).toObject().value(QLatin1String("suspend")).toBool();
    for (const QJsonValue& value : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject condition = value.toObject();
        const QString type = condition.value(QLatin1String("type")).toString();
        if ((type == QLatin1String("Complete") || type == QLatin1String("Failed")) &&
            condition.value(QLatin1String("status")).toString() == QLatin1String("True"))
            summary.finished = type;
    }
    return summary;
}

JobList::JobList(ApiClient* client, const QString& namespaceName, QObject* parent)
    : QObject(parent) {
    WatchOptions options;
    options.path = QStringLiteral("/apis/batch/v1/namespaces/%1/jobs").arg(namespaceName);
    watcher_ = new Watcher(client, options, this);
    connect(watcher_, &Watcher::observed, this, [this] {
        // Until the list is complete, one change signal for the whole list is enough.
        if (watcher_->hasSynced())
            rebuild();
    });
    connect(watcher_, &Watcher::synced, this, &JobList::rebuild);
    connect(watcher_, &Watcher::failed, this, &JobList::failed);
    connect(watcher_, &Watcher::stateChanged, this, &JobList::stateChanged);
}

void JobList::start() {
    watcher_->start();
}

void JobList::stop() {
    watcher_->stop();
}

void JobList::rebuild() {
    jobs_.clear();
    for (const auto& [uid, job] : watcher_->objects())
        jobs_ << summarizeJob(job);
    std::sort(jobs_.begin(), jobs_.end(),
              [](const JobSummary& a, const JobSummary& b) { return a.name < b.name; });
    emit changed();
}

std::optional<QStringList> namespaceNames(const QByteArray& body, QString* error) {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue items = document.object().value(QLatin1String("items"));
    if (parseError.error != QJsonParseError::NoError || !items.isArray()) {
        if (error)
            *error = QCoreApplication::translate("NamespaceList",
                                                 "the answer is not a list of namespaces");
        return std::nullopt;
    }
    QStringList names;
    for (const QJsonValue& item : items.toArray()) {
        const QString name = item.toObject()
                                 .value(QLatin1String("metadata"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        if (!name.isEmpty())
            names << name;
    }
    names.sort();
    names.removeDuplicates();
    return names;
}

NamespaceList::NamespaceList(ApiClient* client, QObject* parent)
    : QObject(parent), client_(client) {}

NamespaceList::~NamespaceList() {
    if (reply_) {
        reply_->disconnect(this);
        reply_->abort();
    }
}

void NamespaceList::start() {
    if (reply_)
        return;
    reply_ = client_->get(QStringLiteral("/api/v1/namespaces"));
    connect(reply_, &ApiReply::finished, this, [this](const ApiResult& result) {
        if (!result.ok()) {
            if (!result.aborted)
                emit failed(result.error);
            return;
        }
        QString error;
        const std::optional<QStringList> names = namespaceNames(result.body, &error);
        if (!names) {
            emit failed(error);
            return;
        }
        names_ = *names;
        emit listed(names_);
    });
}

} // namespace jobscope::live
