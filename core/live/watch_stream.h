// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The text of a watch stream (JSON Lines, one watch event per line, as the API server sends
// them), parsed without a connection: the Watcher reads its chunks with these, and the fuzzer
// feeds them any bytes.

#include "live/observation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace jobscope::live {

// One line of a watch stream.
struct WatchStreamEvent {
    enum class Kind {
        Object,      // ADDED, MODIFIED or DELETED: watchType and object are set
        Bookmark,    // BOOKMARK: object holds the new resourceVersion
        Error,       // ERROR: object is a Status (code, message)
        NotJson,     // not one JSON object: parseError says why
        UnknownType, // a JSON object with another "type"
    };
    Kind kind = Kind::NotJson;
    QString type; // "type" as sent
    std::optional<WatchType> watchType;
    QJsonObject object;
    // With trimAs, when the pruning reader read the object: its JSON text as that reader wrote
    // it (the trimmed object, members in the order they came), for a trace to write as it is.
    // Empty otherwise.
    QByteArray objectText;
    QString parseError;
};

// With `trimAs`, the object of an ADDED, MODIFIED, DELETED or BOOKMARK event is handed over
// trimmed by that kind's rules (trimObject, trim.h), as a recording keeps it: read in one pass
// that builds only what is kept (the pruning reader, pruned_watch_event.h) when the object is of
// that kind and the reader covers the line, else parsed whole and trimmed. Either way the
// result is the same.
WatchStreamEvent parseWatchLine(const QByteArray& line,
                                std::optional<ObjectKind> trimAs = std::nullopt);

// One object of a list answer: as parseWatchLine hands over an event's object, and its text.
struct ListItem {
    QJsonObject object;
    QByteArray objectText; // as WatchStreamEvent::objectText
};

// A list answer (one page of a list).
struct ListBody {
    QString resourceVersion; // metadata.resourceVersion
    QString continueToken;   // metadata.continue: the next page's, empty on the last
    std::vector<ListItem> items;
    std::optional<QString> parseError; // set when the body is not one JSON object
};

// With `trimAs`, each item is handed over trimmed by that kind's rules, whatever kind it
// names (list items usually name none): read in one pass by the pruning reader when it covers
// the body, else parsed whole and trimmed, with the same result.
ListBody parseListBody(const QByteArray& body, std::optional<ObjectKind> trimAs = std::nullopt);

// The next complete (newline-terminated), non-empty line of `buffer` at or after `start`,
// trimmed; `start` moves past it. nullopt when only an incomplete line (or nothing) is left, at
// `start`: a line may arrive in pieces.
std::optional<QByteArray> nextWatchLine(const QByteArray& buffer, qsizetype& start);

} // namespace jobscope::live
