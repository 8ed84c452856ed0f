// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/trace.h"

#include "live/api_client.h"
#include "live/read_input.h"
#include "live/trim.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QTemporaryFile>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>

namespace jobscope::live {

namespace {

const QLatin1String kHeaderKey("jobscope-trace");

// 1-based line and column of `offset` within `line`, for a JSON parse error.
QString position(const QString& path, int lineNumber, int offset) {
    return QStringLiteral("%1:%2:%3").arg(path).arg(lineNumber).arg(offset + 1);
}

} // namespace

QByteArray observationLine(const Observation& o) {
    // Milliseconds are what the receive time carries.
    const double t = std::round(o.receivedAt * 1000.0) / 1000.0;
    if (o.trimmed && !o.objectText.isEmpty()) {
        // The trimmed object's text as the watch read it, in the line QJsonDocument would write
        // around it (members in key order, the time as the shortest double).
        return "{\"kind\":\"" + objectKindName(o.kind).toLatin1() +
               "\",\"object\":" + o.objectText +
               ",\"t\":" + QByteArray::number(t, 'g', QLocale::FloatingPointShortest) +
               ",\"type\":\"" + watchTypeName(o.type).toLatin1() + "\"}";
    }
    QJsonObject line;
    line.insert(QLatin1String("t"), t);
    line.insert(QLatin1String("kind"), objectKindName(o.kind));
    line.insert(QLatin1String("type"), watchTypeName(o.type));
    line.insert(QLatin1String("object"), o.trimmed ? o.object : trimObject(o.kind, o.object));
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

TraceWriter::~TraceWriter() {
    close();
}

bool TraceWriter::open(const QString& path, const TraceHeader& header, QString* error) {
    close();
    target_ = path;
    file_.setFileName(path);
    return openFile(header, QIODevice::Truncate, error);
}

bool TraceWriter::openReplacing(const QString& target, const TraceHeader& header, QString* error) {
    close();
    target_ = target;
    // A unique name in the target's folder, so that the rename stays on one file system.
    QTemporaryFile reserve(target + QStringLiteral(".partial-XXXXXX"));
    reserve.setAutoRemove(false);
    if (!reserve.open()) {
        if (error)
            *error = tr("cannot create the trace %1: %2").arg(target, reserve.errorString());
        return false;
    }
    const QString partial = reserve.fileName();
    reserve.close();
    file_.setFileName(partial);
    if (!openFile(header, QIODevice::Truncate, error)) {
        QFile::remove(partial);
        return false;
    }
    return true;
}

bool TraceWriter::openFile(const TraceHeader& header, QIODevice::OpenMode mode, QString* error) {
    // Unbuffered: a line goes to the operating system in one write, so a killed recorder
    // leaves only whole lines (and at most one partial last line on a full disk).
    if (!file_.open(QIODevice::WriteOnly | QIODevice::Unbuffered | mode)) {
        if (error)
            *error = tr("cannot create the trace %1: %2").arg(target_, file_.errorString());
        return false;
    }
    QJsonObject h;
    h.insert(kHeaderKey, header.version);
    h.insert(QLatin1String("recordedAt"), header.recordedAt);
    // Credentials in the URL's user info have no place in a file that is shared.
    h.insert(QLatin1String("server"), displayUrl(header.server));
    h.insert(QLatin1String("namespace"), header.jobNamespace);
    h.insert(QLatin1String("job"), header.job);
    written_ = 0;
    return writeLine(QJsonDocument(h).toJson(QJsonDocument::Compact), error);
}

bool TraceWriter::commit(QString* error) {
    const QString partial = file_.fileName();
    close();
    if (partial == target_)
        return true;
    // rename(2) replaces the target in one step: a reader sees the old trace or the new one.
    if (std::rename(QFile::encodeName(partial).constData(),
                    QFile::encodeName(target_).constData()) != 0) {
        if (error)
            *error = tr("cannot write the trace %1: %2")
                         .arg(target_, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    file_.setFileName(target_);
    return true;
}

void TraceWriter::discard() {
    const QString partial = file_.fileName();
    close();
    if (!partial.isEmpty() && partial != target_)
        QFile::remove(partial);
}

bool TraceWriter::append(const Observation& observation, QString* error) {
    if (!file_.isOpen()) {
        if (error)
            *error = tr("the trace is not open");
        return false;
    }
    if (!writeLine(observationLine(observation), error))
        return false;
    ++written_;
    return true;
}

bool TraceWriter::writeLine(const QByteArray& line, QString* error) {
    QByteArray whole = line;
    whole.append('\n');
    if (file_.write(whole) != whole.size() || !file_.flush()) {
        if (error)
            *error = tr("cannot write the trace %1: %2").arg(file_.fileName(), file_.errorString());
        return false;
    }
    return true;
}

void TraceWriter::close() {
    if (file_.isOpen())
        file_.close();
}

namespace {

// The first line of `path` that is not blank, as a JSON object (empty when it is none). Only a
// regular file is opened: opening a FIFO would wait for a writer. The header is short, so a
// few lines and 1 MiB are enough to look at.
std::optional<QJsonObject> firstLineObject(const QString& path) {
    QFile file(path);
    if (!isOpenableFile(path) || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray first;
    for (int i = 0; i < 16 && !file.atEnd(); ++i) {
        first = file.readLine(1 << 20).trimmed();
        if (!first.isEmpty())
            break;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(first);
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

bool TraceReader::isTrace(const QString& path) {
    const std::optional<QJsonObject> first = firstLineObject(path);
    return first && first->contains(kHeaderKey);
}

bool TraceReader::isHeaderlessTrace(const QString& path) {
    const std::optional<QJsonObject> first = firstLineObject(path);
    if (!first)
        return false;
    const QJsonObject& line = *first;
    return !line.contains(kHeaderKey) && line.value(QLatin1String("t")).isDouble() &&
           line.contains(QLatin1String("kind")) && line.contains(QLatin1String("type")) &&
           line.value(QLatin1String("object")).isObject();
}

std::optional<Trace> TraceReader::read(const QString& path, QString* error,
                                       std::uint64_t maxBytes) {
    auto fail = [&](const QString& message) -> std::optional<Trace> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    Diagnostics refused;
    if (!checkInputPath(path, maxBytes, refused))
        return fail(QString::fromStdString(refused.format()).trimmed());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("%1: cannot read the trace: %2").arg(path, file.errorString()));

    Trace trace;
    bool haveHeader = false;
    int lineNumber = 0;
    double latest = -std::numeric_limits<double>::infinity();
    int latestLine = 0;
    while (!file.atEnd()) {
        QByteArray raw = file.readLine();
        ++lineNumber;
        const bool complete = raw.endsWith('\n');
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            if (!complete && file.atEnd()) {
                // What a recorder that was killed mid-write leaves.
                trace.warnings.append(
                    tr("%1: the last line is incomplete (the recorder stopped while writing "
                       "it); the trace is read up to the line before")
                        .arg(position(path, lineNumber, 0)));
                break;
            }
            const QString reason = parseError.error != QJsonParseError::NoError
                                       ? parseError.errorString()
                                       : tr("a line must be one JSON object");
            return fail(
                tr("%1: error: %2")
                    .arg(position(path, lineNumber,
                                  parseError.error != QJsonParseError::NoError ? parseError.offset
                                                                               : 0),
                         reason));
        }
        const QJsonObject object = doc.object();
        if (!haveHeader) {
            const QJsonValue version = object.value(kHeaderKey);
            if (!version.isDouble())
                return fail(tr("%1: error: not a JobScope trace: the first line must be the "
                               "header {\"jobscope-trace\": %2, …}")
                                .arg(position(path, lineNumber, 0))
                                .arg(kTraceFormatVersion));
            if (version.toInt() != kTraceFormatVersion)
                return fail(tr("%1: error: trace format version %2 is not supported (this "
                               "JobScope reads version %3)")
                                .arg(position(path, lineNumber, 0))
                                .arg(version.toInt())
                                .arg(kTraceFormatVersion));
            trace.header.version = version.toInt();
            trace.header.recordedAt = object.value(QLatin1String("recordedAt")).toString();
            trace.header.server = object.value(QLatin1String("server")).toString();
            trace.header.jobNamespace = object.value(QLatin1String("namespace")).toString();
            trace.header.job = object.value(QLatin1String("job")).toString();
            haveHeader = true;
            continue;
        }
        // The column of a field is where its key starts in the line.
        auto columnOf = [&](const char* key) {
            const int at = line.indexOf(QByteArray("\"") + key + '"');
            return at < 0 ? 0 : at;
        };
        const QJsonValue t = object.value(QLatin1String("t"));
        // From the epoch to the end of year 9999, the span RFC 3339 times can name.
        constexpr double kLastSecond = 253402300799.999;
        if (!t.isDouble() || !std::isfinite(t.toDouble()) || t.toDouble() < 0 ||
            t.toDouble() > kLastSecond)
            return fail(tr("%1: error: \"t\" must be the receive time in seconds since the "
                           "Unix epoch")
                            .arg(position(path, lineNumber, columnOf("t"))));
        if (t.toDouble() < latest - kTraceOrderTolerance)
            return fail(tr("%1: error: \"t\" goes back in time: %2 is %3 s before line %4's "
                           "(a trace holds its lines in the order they were received)")
                            .arg(position(path, lineNumber, columnOf("t")))
                            .arg(t.toDouble(), 0, 'f', 3)
                            .arg(latest - t.toDouble(), 0, 'f', 3)
                            .arg(latestLine));
        if (t.toDouble() > latest) {
            latest = t.toDouble();
            latestLine = lineNumber;
        }
        const auto kind = objectKindFromName(object.value(QLatin1String("kind")).toString());
        if (!kind)
            return fail(tr("%1: error: \"kind\" must be Job, Pod or Event, not '%2'")
                            .arg(position(path, lineNumber, columnOf("kind")),
                                 object.value(QLatin1String("kind")).toString()));
        const auto type = watchTypeFromName(object.value(QLatin1String("type")).toString());
        if (!type)
            return fail(tr("%1: error: \"type\" must be LISTED, ADDED, MODIFIED or DELETED, not "
                           "'%2'")
                            .arg(position(path, lineNumber, columnOf("type")),
                                 object.value(QLatin1String("type")).toString()));
        const QJsonValue objectValue = object.value(QLatin1String("object"));
        if (!objectValue.isObject())
            return fail(tr("%1: error: \"object\" must be the API object")
                            .arg(position(path, lineNumber, columnOf("object"))));
        trace.observations.push_back(
            Observation{t.toDouble(), *kind, *type, objectValue.toObject()});
    }
    if (!haveHeader)
        return fail(tr("%1: error: the trace is empty (no header line)")
                        .arg(position(path, std::max(1, lineNumber), 0)));
    return trace;
}

} // namespace jobscope::live
