// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/watch_stream.h"

#include "live/pruned_watch_event.h"
#include "live/trim.h"

#include <QJsonArray>
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

// `bytes` as one JSON object; nullopt, with QJsonDocument's words for why, when it is not.
std::optional<QJsonObject> parseObject(const QByteArray& bytes, QString& error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject()) {
        error = parseError.errorString();
        return std::nullopt;
    }
    return document.object();
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
    const std::optional<QJsonObject> json = parseObject(line, event.parseError);
    if (!json)
        return event;
    event.type = json->value(QLatin1String("type")).toString();
    event.object = json->value(QLatin1String("object")).toObject();
    classify(event);
    if (trimAs && holdsObject(event))
        event.object = trimObject(*trimAs, event.object);
    return event;
}

ListBody parseListBody(const QByteArray& body, std::optional<ObjectKind> trimAs) {
    ListBody list;
    if (trimAs) {
        if (auto read = readPrunedList(body, *trimAs)) {
            list.items.reserve(read->items.size());
            bool parsed = true;
            QString notParsed; // (the whole parse below words any error)
            for (QByteArray& text : read->items) {
                std::optional<QJsonObject> object = parseObject(text, notParsed);
                parsed = object.has_value();
                if (!parsed)
                    break;
                list.items.push_back({std::move(*object), std::move(text)});
            }
            if (parsed) {
                list.resourceVersion = std::move(read->resourceVersion);
                list.continueToken = std::move(read->continueToken);
                return list;
            }
            list.items.clear(); // the reader's text did not parse: read whole below
        }
    }
    QString parseError;
    const std::optional<QJsonObject> listObject = parseObject(body, parseError);
    if (!listObject) {
        list.parseError = parseError;
        return list;
    }
    const QJsonObject metadata = listObject->value(QLatin1String("metadata")).toObject();
    list.resourceVersion = metadata.value(QLatin1String("resourceVersion")).toString();
    list.continueToken = metadata.value(QLatin1String("continue")).toString();
    const QJsonArray items = listObject->value(QLatin1String("items")).toArray();
    list.items.reserve(static_cast<std::size_t>(items.size()));
    for (const QJsonValue& item : items)
        list.items.push_back(
            {trimAs ? trimObject(*trimAs, item.toObject()) : item.toObject(), QByteArray()});
    return list;
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
