// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A v1 Pod reduced to what the Job controller reads: phase, conditions, container states,
// deletion, the tracking finalizer and the index annotations.

#include "interned_string.h"
#include "object_meta.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobscope {

// Interned: a phase held as an InternedString compares with these by pointer.
namespace pod_phase {
inline const InternedString Pending{"Pending"};
inline const InternedString Running{"Running"};
inline const InternedString Succeeded{"Succeeded"};
inline const InternedString Failed{"Failed"};
inline const InternedString Unknown{"Unknown"};
} // namespace pod_phase

// Succeeded or Failed: the Pod's containers will not run again.
inline bool isTerminalPhase(const InternedString& phase) {
    return phase == pod_phase::Succeeded || phase == pod_phase::Failed;
}

// Interned as phases are: the controller looks up a Pod's Ready condition in every sync, and the
// timeline rebuilds the conditions of every Pod it replays.
namespace pod_condition {
inline const InternedString PodScheduled{"PodScheduled"};
inline const InternedString Ready{"Ready"};
inline const InternedString DisruptionTarget{"DisruptionTarget"};
} // namespace pod_condition

namespace condition_status {
inline const InternedString True{"True"};
inline const InternedString False{"False"};
inline const InternedString Unknown{"Unknown"};
} // namespace condition_status

struct PodCondition {
    InternedString type;   // Ready, PodScheduled, DisruptionTarget, ...
    InternedString status; // True | False | Unknown
    std::optional<Seconds> lastTransitionTime;
};

struct ContainerStateTerminated {
    int32_t exitCode = 0;
    std::string reason;
    std::optional<Seconds> startedAt;
    std::optional<Seconds> finishedAt;
};

struct ContainerStatus {
    std::string name;
    bool ready = false;
    bool running = false;
    std::optional<Seconds> runningStartedAt;
    std::optional<ContainerStateTerminated> terminated;
    int32_t restartCount = 0;
};

struct Pod {
    ObjectMeta metadata;
    std::string nodeName;
    InternedString phase = pod_phase::Pending;
    std::optional<Seconds> startTime;
    std::vector<PodCondition> conditions;
    std::vector<ContainerStatus> containerStatuses;
    std::vector<ContainerStatus> initContainerStatuses;
    // Names of spec.initContainers with restartPolicy Always (sidecars). Their statuses join
    // the regular containers' when the finish time of the Pod is worked out (getFinishedTime).
    std::vector<std::string> restartableInitContainers;
    // What getCompletionIndex answers for this Pod, recorded by setCompletionIndex as it
    // writes the index annotation and label from a number: the controller asks for each Pod's
    // index several times in every sync, and the text need not be parsed each time. Unset when
    // those entries were written otherwise (a state file, a test): the text is read. Code that
    // changes them after setCompletionIndex resets it.
    std::optional<int> writtenCompletionIndex;

    bool isTerminal() const { return isTerminalPhase(phase); }
    bool isTerminating() const { return metadata.deletionTimestamp.has_value(); }
    const PodCondition* condition(const InternedString& type) const {
        for (const auto& c : conditions)
            if (c.type == type)
                return &c;
        return nullptr;
    }
    bool isReady() const {
        const PodCondition* c = condition(pod_condition::Ready);
        return c && c->status == condition_status::True;
    }
};

} // namespace jobscope
