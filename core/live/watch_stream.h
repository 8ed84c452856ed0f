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
    QString parseError;
};

WatchStreamEvent parseWatchLine(const QByteArray& line);

// The next complete (newline-terminated), non-empty line of `buffer` at or after `start`,
// trimmed; `start` moves past it. nullopt when only an incomplete line (or nothing) is left, at
// `start`: a line may arrive in pieces.
std::optional<QByteArray> nextWatchLine(const QByteArray& buffer, qsizetype& start);

} // namespace jobscope::live
