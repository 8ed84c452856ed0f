// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/watch_stream.h"

#include "live/pruned_watch_event.h"
#include "live/trim.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace jobscope::live {

namespace {

// The event's kind and watch type from its "type".
void classify(WatchStreamEvent& event) {
    if (event.type == QLatin1String("BOOKMARK")) {
        event.kind = WatchStreamEvent::Kind::Bookmark;
    } else if (event.type == QLatin1String("ERROR")) {
        event.kind = WatchStreamEvent::Kind::Error;
    } else {
        if (event.type == QLatin1String("ADDED"))
            event.watchType = WatchType::Added;
        else if (event.type == QLatin1String("MODIFIED"))
            event.watchType = WatchType::Modified;
        else if (event.type == QLatin1String("DELETED"))
            event.watchType = WatchType::Deleted;
        event.kind =
            event.watchType ? WatchStreamEvent::Kind::Object : WatchStreamEvent::Kind::UnknownType;
    }
}

bool holdsObject(const WatchStreamEvent& event) {
    return event.kind == WatchStreamEvent::Kind::Object ||
           event.kind == WatchStreamEvent::Kind::Bookmark;
}

} // namespace

WatchStreamEvent parseWatchLine(const QByteArray& line, std::optional<ObjectKind> trimAs) {
    WatchStreamEvent event;
    if (trimAs) {
        qsizetype end = 0;
        auto read = readPrunedWatchEvent(line, 0, end, nullptr, nullptr, TrimmedForm::Text);
        if (read && !read->timestamped && end == line.size() && read->kind == trimAs &&
            parseTrimmedText(read->trimmedText, event.object)) {
            event.type = std::move(read->type);
            classify(event);
            if (holdsObject(event)) {
                event.objectText = QByteArray(read->trimmedText.data(),
                                              static_cast<qsizetype>(read->trimmedText.size()));
                return event;
            }
        }
        event = {}; // not read, or an ERROR or an unknown type: read whole below
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject()) {
        event.parseError = parseError.errorString();
        return event;
    }
    const QJsonObject json = document.object();
    event.type = json.value(QLatin1String("type")).toString();
    event.object = json.value(QLatin1String("object")).toObject();
    classify(event);
    if (trimAs && holdsObject(event))
        event.object = trimObject(*trimAs, event.object);
    return event;
}

std::optional<QByteArray> nextWatchLine(const QByteArray& buffer, qsizetype& start) {
    while (true) {
        const qsizetype end = buffer.indexOf('\n', start);
        if (end < 0)
            return std::nullopt;
        const QByteArray line = buffer.mid(start, end - start).trimmed();
        start = end + 1;
        if (!line.isEmpty())
            return line;
    }
}

} // namespace jobscope::live
