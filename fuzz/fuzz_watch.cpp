// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for the watch stream (watch_stream.h): the input arrives in chunks, as from
// the network — a byte 0x01 in the input marks a chunk boundary — and is split into lines and
// parsed as the Watcher does; what remains when the stream ends is the last line. Nothing may
// crash, hang or show undefined behaviour, and every parsed event is one of the documented kinds.
// Each line is also read as a watch that trims does (trimAs, a kind picked by the line): it must
// give what the whole line parsed and trimmed gives. The whole input is also read as a list
// answer, once whole and once trimming its items: the two must agree in the same way.

#include "fuzz_support.h"

#include "live/trim.h"
#include "live/watch_stream.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace jobscope::live;

namespace {

void check(const WatchStreamEvent& event) {
    switch (event.kind) {
    case WatchStreamEvent::Kind::Object:
        if (!event.watchType)
            std::abort();
        break;
    case WatchStreamEvent::Kind::NotJson:
        if (event.parseError.isEmpty())
            std::abort();
        [[fallthrough]];
    default:
        if (event.watchType)
            std::abort();
    }
}

// `line` read by a watch that trims objects as `kind`: the same as parsing it whole and trimming.
void checkTrimmed(const QByteArray& line, const WatchStreamEvent& whole, ObjectKind kind) {
    const WatchStreamEvent trimmed = parseWatchLine(line, kind);
    check(trimmed);
    const bool holdsObject = whole.kind == WatchStreamEvent::Kind::Object ||
                             whole.kind == WatchStreamEvent::Kind::Bookmark;
    const QJsonObject expected = holdsObject ? trimObject(kind, whole.object) : whole.object;
    if (trimmed.kind != whole.kind || trimmed.type != whole.type ||
        trimmed.watchType != whole.watchType || trimmed.parseError != whole.parseError ||
        QJsonDocument(trimmed.object).toJson(QJsonDocument::Compact) !=
            QJsonDocument(expected).toJson(QJsonDocument::Compact))
        std::abort();
    // The text kept of an object read in one pass is that object.
    if (!trimmed.objectText.isEmpty() &&
        QJsonDocument::fromJson(trimmed.objectText).object() != expected)
        std::abort();
}

// `body` read as a list answer by a watcher that trims as `kind`: the same as parsing it whole
// and trimming each item.
void checkList(const QByteArray& body, ObjectKind kind) {
    const ListBody whole = parseListBody(body);
    const ListBody trimmed = parseListBody(body, kind);
    if (whole.parseError && !whole.items.empty())
        std::abort(); // a body that is not JSON has no items
    if (trimmed.parseError != whole.parseError ||
        trimmed.resourceVersion != whole.resourceVersion ||
        trimmed.continueToken != whole.continueToken || trimmed.items.size() != whole.items.size())
        std::abort();
    for (std::size_t i = 0; i < whole.items.size(); ++i) {
        const QJsonObject expected = trimObject(kind, whole.items[i].object);
        const ListItem& item = trimmed.items[i];
        if (QJsonDocument(item.object).toJson(QJsonDocument::Compact) !=
            QJsonDocument(expected).toJson(QJsonDocument::Compact))
            std::abort();
        if (!item.objectText.isEmpty() &&
            QJsonDocument::fromJson(item.objectText).object() != expected)
            std::abort();
    }
}

void checkLine(const QByteArray& line) {
    const WatchStreamEvent whole = parseWatchLine(line);
    check(whole);
    // One kind per line (the line's length picks it), so that a run costs two reads of it.
    constexpr ObjectKind kKinds[] = {ObjectKind::Job, ObjectKind::Pod, ObjectKind::Event};
    checkTrimmed(line, whole, kKinds[line.size() % 3]);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input = jobscope::fuzz::bytes(data, size);
    constexpr ObjectKind kListKinds[] = {ObjectKind::Pod, ObjectKind::Job, ObjectKind::Event};
    checkList(input, kListKinds[size % 3]);
    QByteArray buffer;
    for (const QByteArray& chunk : input.split('\x01')) {
        buffer += chunk;
        qsizetype start = 0;
        while (const auto line = nextWatchLine(buffer, start)) {
            // Whole lines only, trimmed, never empty.
            if (line->isEmpty() || *line != line->trimmed() || line->contains('\n'))
                std::abort();
            checkLine(*line);
        }
        buffer.remove(0, start);
    }
    if (!buffer.trimmed().isEmpty())
        checkLine(buffer.trimmed());
    return 0;
}
