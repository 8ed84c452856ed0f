// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for the TimelineBuilder: a fuzzed sequence of observations, one per line in
// the trace's line format ({"t": …, "kind": …, "type": …, "object": {…}}; a line that is not one
// is skipped), with three commands between them:
//   LIST Job|Pod|Event T   listComplete(kind, T)
//   SNAP                   timeline() now, as the live view reads it while the watch goes on
//   END T                  finish(T)
// A first line "TRUST" builds with trustServerTimes (as a dump does). Whatever the order, times
// and objects, nothing may crash, hang or show undefined behaviour, and every Timeline keeps
// the promises of timeline.h.

#include "fuzz_support.h"

#include "live/timeline_builder.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace jobscope::live;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QList<QByteArray> lines = jobscope::fuzz::bytes(data, size).split('\n');
    TimelineBuilder::Options options;
    options.trustServerTimes = !lines.isEmpty() && lines.front().trimmed() == "TRUST";
    TimelineBuilder builder(options);
    bool finished = false;
    for (const QByteArray& raw : lines) {
        const QByteArray line = raw.trimmed();
        if (finished)
            break; // finish() ends the recording: nothing is added after it
        if (line == "SNAP") {
            jobscope::fuzz::checkTimeline(builder.timeline());
            continue;
        }
        const QList<QByteArray> words = line.split(' ');
        if (words.size() == 3 && words[0] == "LIST") {
            const auto kind = objectKindFromName(QString::fromLatin1(words[1]));
            bool ok = false;
            const double t = words[2].toDouble(&ok);
            if (kind && ok && std::isfinite(t))
                builder.listComplete(*kind, t);
            continue;
        }
        if (words.size() == 2 && words[0] == "END") {
            bool ok = false;
            const double t = words[1].toDouble(&ok);
            if (ok && std::isfinite(t)) {
                builder.finish(t);
                finished = true;
            }
            continue;
        }
        const QJsonObject json = QJsonDocument::fromJson(line).object();
        const QJsonValue t = json.value(QLatin1String("t"));
        const auto kind = objectKindFromName(json.value(QLatin1String("kind")).toString());
        const auto type = watchTypeFromName(json.value(QLatin1String("type")).toString());
        // The same checks as the trace reader: the builder is only given what it would be.
        if (!t.isDouble() || !std::isfinite(t.toDouble()) || !kind || !type)
            continue;
        builder.add(Observation{t.toDouble(), *kind, *type,
                                json.value(QLatin1String("object")).toObject()});
    }
    if (!finished)
        builder.finish();
    jobscope::fuzz::checkTimeline(builder.timeline());
    return 0;
}
