// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for post-mortem dumps (`kubectl get job,pods,events -o json|yaml`): any text
// must import or be rejected with an error, without crashing, hanging or undefined behaviour;
// the Timeline of a dump that imports keeps the promises of timeline.h.

#include "fuzz_support.h"

#include "live/dump_import.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    QString error;
    const auto dump = jobscope::live::DumpImporter::importText(jobscope::fuzz::bytes(data, size),
                                                               QStringLiteral("fuzz.json"), &error);
    if (!dump) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    jobscope::fuzz::checkTimeline(dump->timeline);
    return 0;
}
