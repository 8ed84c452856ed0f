// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for Job manifests: any text must import without crashing, hanging or
// undefined behaviour; a Job that imports cleanly must pass validation again and survive a
// controller sync with no Pods.

#include "manifest/manifest.h"
#include "manifest/validation.h"
#include "reconcile/sync.h"
#include "state/sync_json.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const jobscope::ManifestImport imported = jobscope::importManifestText(text, "fuzz.yaml");
    if (!imported.ok())
        return 0;
    for (const jobscope::ImportedJob& entry : imported.jobs) {
        // The import said the Job is valid: validation must agree.
        if (!jobscope::validateJob(entry.job).empty())
            std::abort();
        jobscope::SyncInput input;
        input.job = entry.job;
        input.now = entry.job.status.startTime.value_or(0) + 1;
        const jobscope::SyncResult result = jobscope::syncJob(input);
        if (result.creationCount() > jobscope::kMaxPodCreateDeletePerSync)
            std::abort();
        const std::string json =
            jobscope::syncResultToJson(result, input.job, jobscope::TimeFormat::Seconds);
        if (json.empty() || json.back() != '\n')
            std::abort();
    }
    return 0;
}
