// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A folder of recorded kubectl watch streams, as in tests/data/recordings/<job>/: watch-jobs.jsonl,
// watch-pods.jsonl and watch-events.jsonl, one {"ts": RFC 3339 receive time, "event": {"type",
// "object"}} per line. Tests serve them through the fake API server and compare what a live
// session makes of them with replaying the folder directly.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace jobscope::test {

struct RecordedWatchEvent {
    double receivedAt = 0; // the line's "ts", seconds since the epoch (microseconds kept)
    QString type;          // ADDED, MODIFIED, DELETED, BOOKMARK, ERROR
    QJsonObject object;
    qint64 resourceVersion = 0; // the object's, as a number (0 when it is not one)
};

struct RecordedWatchFolder {
    QString path;
    QList<RecordedWatchEvent> jobs, pods, events; // each in file order
};

// The {"type", "object"} watch events of one recorded stream file, in order; qFatal when the
// file cannot be read.
QList<QJsonObject> readWatchEvents(const QString& file);

// Reads `folder`; fails the calling test through qFatal on a missing or malformed file (the
// fixtures are read-only inputs, not what is being tested).
RecordedWatchFolder readWatchFolder(const QString& folder);
// The folders under recordingsDir() that hold watch-jobs.jsonl, sorted by name.
QStringList recordedWatchFolders();

} // namespace jobscope::test
