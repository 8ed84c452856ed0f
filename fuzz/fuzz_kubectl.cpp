// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for kubectl watch captures (kubectl_import.h): the input is split at form
// feeds into up to three stream files (watch-jobs, watch-pods, watch-events), which are
// imported and merged as a capture folder is, then replayed into a Timeline. Nothing may
// crash, hang or show undefined behaviour; a rejected capture says why. Every event the
// pruning reader takes must be valid JSON that QJsonDocument and trimObject read alike, in
// either form the reader hands it over.

#include "fuzz_support.h"

#include "live/kubectl_import.h"
#include "live/pruned_watch_event.h"
#include "live/timeline_builder.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cstdint>
#include <cstdlib>

using namespace jobscope::live;

namespace {

// Walks the events of one stream while the pruning reader takes them, comparing each with
// what QJsonDocument reads.
void comparePrunedReader(const QByteArray& stream) {
    qsizetype i = 0;
    while (true) {
        while (i < stream.size() && QByteArrayView(" \t\r\n").contains(stream[i]))
            ++i;
        if (i >= stream.size() || stream[i] != '{')
            return;
        qsizetype end = 0;
        const auto pruned = readPrunedWatchEvent(stream, i, end);
        if (!pruned)
            return;
        QJsonParseError error;
        const QJsonDocument whole = QJsonDocument::fromJson(stream.mid(i, end - i), &error);
        if (error.error != QJsonParseError::NoError || !whole.isObject() ||
            !importsAlike(*pruned, captureEventOf(whole.object())))
            std::abort();
        // The importer's form: a trimmed object left as text reads back as the same object.
        qsizetype textEnd = 0;
        auto asText = readPrunedWatchEvent(stream, i, textEnd, nullptr, nullptr, TrimmedForm::Text);
        if (!asText || textEnd != end ||
            (!asText->trimmedText.empty() &&
             !parseTrimmedText(asText->trimmedText, asText->object)) ||
            !importsAlike(*asText, *pruned))
            std::abort();
        i = end;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const char* const kNames[] = {"watch-jobs.jsonl", "watch-pods.jsonl",
                                         "watch-events.json"};
    const QList<QByteArray> parts = jobscope::fuzz::bytes(data, size).split('\f');
    QStringList files;
    for (qsizetype i = 0; i < parts.size() && i < 3; ++i) {
        comparePrunedReader(parts[i]);
        files.append(jobscope::fuzz::writeScratchFile(QLatin1String(kNames[i]), parts[i]));
    }
    QString error;
    const auto capture = KubectlImporter::importFiles(files, &error);
    if (!capture) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    TimelineBuilder builder;
    for (const Observation& observation : capture->observations)
        builder.add(observation);
    builder.finish();
    jobscope::fuzz::checkTimeline(builder.timeline());
    return 0;
}
