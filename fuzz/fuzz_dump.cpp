// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for post-mortem dumps (`kubectl get job,pods,events -o json|yaml`): any text
// must import or be rejected with an error, without crashing, hanging or undefined behaviour;
// the Timeline of a dump that imports keeps the promises of timeline.h. A JSON dump the pruning
// reader covers must give the objects parsing it whole gives.

#include "fuzz_support.h"

#include "live/dump_import.h"
#include "live/pruned_watch_event.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray text = jobscope::fuzz::bytes(data, size);
    if (const auto pruned = jobscope::live::readPrunedDump(text)) {
        const auto whole = jobscope::live::readDumpParsedWhole(text);
        if (!whole || !jobscope::live::dumpObjectsAlike(*pruned, *whole))
            std::abort();
    }
    QString error;
    const auto dump =
        jobscope::live::DumpImporter::importText(text, QStringLiteral("fuzz.json"), &error);
    if (!dump) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    jobscope::fuzz::checkTimeline(dump->timeline);
    return 0;
}
