// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Jobs of one namespace, kept up to date by a watch: what the Connect dialog offers.

#include "live/api_client.h"
#include "live/watcher.h"

#include <QObject>
#include <QString>
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

} // namespace jobscope::live
