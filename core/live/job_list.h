// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Jobs of one namespace, kept up to date by a watch, and the namespaces the user may list:
// what the Connect dialog offers.

#include "live/api_client.h"
#include "live/watcher.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVector>

namespace jobscope::live {

struct JobSummary {
    QString name;
    int active = 0;
    int succeeded = 0;
    int failed = 0;
    QString finished; // "Complete", "Failed" or "" while running
    bool suspended = false;
};

class JobList : public QObject {
    Q_OBJECT

public:
    // Does not own `client`.
    JobList(ApiClient* client, const QString& namespaceName, QObject* parent = nullptr);

    void start();
    void stop();
    // Sorted by name.
    QVector<JobSummary> jobs() const { return jobs_; }
    Watcher* watcher() const { return watcher_; }

signals:
    void changed();
    void failed(const QString& message);
    void stateChanged(jobscope::live::WatchState state, const QString& reason);

private:
    void rebuild();

    Watcher* watcher_;
    QVector<JobSummary> jobs_;
};

JobSummary summarizeJob(const QJsonObject& job);

// One GET of /api/v1/namespaces. Many users may not list namespaces (403): failed() says why
// and the caller keeps what the user typed.
class NamespaceList : public QObject {
    Q_OBJECT

public:
    // Does not own `client`.
    explicit NamespaceList(ApiClient* client, QObject* parent = nullptr);
    ~NamespaceList() override;

    void start();
    // Sorted; empty until listed().
    QStringList names() const { return names_; }

signals:
    void listed(const QStringList& names);
    void failed(const QString& message);

private:
    ApiClient* client_;
    QPointer<ApiReply> reply_;
    QStringList names_;
};

// The sorted metadata.name of a NamespaceList's items; nullopt (and `error`) when `body` is not a
// list.
std::optional<QStringList> namespaceNames(const QByteArray& body, QString* error);

} // namespace jobscope::live
