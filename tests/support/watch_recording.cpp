// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/watch_recording.h"

#include "support/test_paths.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

namespace jobscope::test {

namespace {

// RFC 3339 with any number of fraction digits; QDateTime alone would keep milliseconds only.
double parseReceiveTime(const QString& text, const QString& where) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    const QDateTime seconds =
        match.hasMatch() ? QDateTime::fromString(match.captured(1) + match.captured(3), Qt::ISODate)
                         : QDateTime();
    if (!seconds.isValid())
        qFatal("%s: \"ts\" is not an RFC 3339 time: %s", qPrintable(where), qPrintable(text));
    const double fraction = match.captured(2).isEmpty() ? 0.0 : match.captured(2).toDouble();
    return double(seconds.toSecsSinceEpoch()) + fraction;
}

QList<RecordedWatchEvent> readStream(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s: %s", qPrintable(path), qPrintable(file.errorString()));
    QList<RecordedWatchEvent> events;
    int lineNumber = 0;
    for (const QByteArray& line : file.readAll().split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        const QString where = QStringLiteral("%1:%2").arg(path).arg(lineNumber);
        QJsonParseError error;
        const QJsonObject value = QJsonDocument::fromJson(line, &error).object();
        if (error.error != QJsonParseError::NoError)
            qFatal("%s: %s", qPrintable(where), qPrintable(error.errorString()));
        const QJsonObject event = value.value(QLatin1String("event")).toObject();
        RecordedWatchEvent recorded;
        recorded.receivedAt = parseReceiveTime(value.value(QLatin1String("ts")).toString(), where);
        recorded.type = event.value(QLatin1String("type")).toString();
        recorded.object = event.value(QLatin1String("object")).toObject();
        recorded.resourceVersion = recorded.object.value(QLatin1String("metadata"))
                                       .toObject()
                                       .value(QLatin1String("resourceVersion"))
                                       .toString()
                                       .toLongLong();
        events << recorded;
    }
    return events;
}

} // namespace

QList<QJsonObject> readWatchEvents(const QString& file) {
    QList<QJsonObject> events;
    for (const RecordedWatchEvent& recorded : readStream(file))
        events << QJsonObject{{QStringLiteral("type"), recorded.type},
                              {QStringLiteral("object"), recorded.object}};
    return events;
}

RecordedWatchFolder readWatchFolder(const QString& folder) {
    RecordedWatchFolder recorded;
    recorded.path = folder;
    recorded.jobs = readStream(folder + QStringLiteral("/watch-jobs.jsonl"));
    recorded.pods = readStream(folder + QStringLiteral("/watch-pods.jsonl"));
    recorded.events = readStream(folder + QStringLiteral("/watch-events.jsonl"));
    return recorded;
}

QStringList recordedWatchFolders() {
    const QDir traces(recordingsDir());
    QStringList folders;
    for (const QString& name : traces.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFile::exists(traces.filePath(name) + QStringLiteral("/watch-jobs.jsonl")))
            folders << traces.filePath(name);
    return folders;
}

} // namespace jobscope::test
