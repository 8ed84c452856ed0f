// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for JobScope traces (trace.h): any bytes must read or be rejected with an
// error, without crashing, hanging or undefined behaviour; a trace that reads is replayed as
// RecordingLoader replays it, and its Timeline keeps the promises of timeline.h.

#include "fuzz_support.h"

#include "live/timeline_builder.h"
#include "live/trace.h"

#include <cstdint>
#include <cstdlib>

using namespace jobscope::live;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString path = jobscope::fuzz::writeScratchFile(QStringLiteral("fuzz.jobscope.jsonl"),
                                                          jobscope::fuzz::bytes(data, size));
    QString error;
    const auto trace = TraceReader::read(path, &error);
    if (!trace) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    TimelineBuilder::Options options;
    options.jobName = trace->header.job;
    TimelineBuilder builder(options);
    for (const Observation& observation : trace->observations)
        builder.add(observation);
    builder.finish();
    jobscope::fuzz::checkTimeline(builder.timeline());
    return 0;
}
