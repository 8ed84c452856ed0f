// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for the watch stream (watch_stream.h): the input arrives in chunks, as from
// the network — a byte 0x01 in the input marks a chunk boundary — and is split into lines and
// parsed as the Watcher does; what remains when the stream ends is the last line. Nothing may
// crash, hang or show undefined behaviour, and every parsed event is one of the documented kinds.

#include "fuzz_support.h"

#include "live/watch_stream.h"

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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    QByteArray buffer;
    for (const QByteArray& chunk : jobscope::fuzz::bytes(data, size).split('\x01')) {
        buffer += chunk;
        qsizetype start = 0;
        while (const auto line = nextWatchLine(buffer, start)) {
            // Whole lines only, trimmed, never empty.
            if (line->isEmpty() || *line != line->trimmed() || line->contains('\n'))
                std::abort();
            check(parseWatchLine(*line));
        }
        buffer.remove(0, start);
    }
    if (!buffer.trimmed().isEmpty())
        check(parseWatchLine(buffer.trimmed()));
    return 0;
}
