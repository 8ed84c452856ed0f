// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for reconcile state files (`jobscope reconcile FILE`): any text must parse
// or be rejected with positioned errors, and every state that parses must go through one
// sync of the reconcile core and the JSON output without crashing, hanging or undefined
// behaviour.

#include "reconcile/sync.h"
#include "state/reconcile_state.h"
#include "state/sync_json.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    jobscope::Diagnostics diagnostics;
    // Tens of thousands of Pods (`count: 100000`) only make each run slow; the logic is the
    // same with a few thousand, and the limit's own error path gets fuzzed too.
    jobscope::ReconcileStateLimits limits;
    limits.maxPods = 5000;
    const auto state = jobscope::parseReconcileState(text, "fuzz.yaml", diagnostics, limits);
    // A rejected state must say why.
    if (!state) {
        if (!diagnostics.hasErrors())
            std::abort();
        return 0;
    }
    const jobscope::SyncResult result = jobscope::syncJob(state->input);
    // Upstream caps the creations of one sync (MaxPodCreateDeletePerSync).
    if (result.creationCount() > jobscope::kMaxPodCreateDeletePerSync)
        std::abort();
    const std::string json =
        jobscope::syncResultToJson(result, state->input.job, state->timeFormat);
    if (json.empty() || json.front() != '{' || json.back() != '\n')
        std::abort();
    return 0;
}
