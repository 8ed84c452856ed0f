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
    // The Job controller's numeric entries, the completion index (annotation and label) and
    // the per-index failure counts (annotations), kept as numbers on the Pods the simulator and
    // the analysis make (setIndexEntries): the controller reads them on every Pod of every
    // sync, and as text they would be written, searched and parsed each time. When set, they
    // are those entries, and the labels and annotations hold none of their keys; unset (a Pod
    // read from a state file), the text is read.
    struct IndexEntries {
        std::optional<int> completionIndex;
        std::optional<int> failureCount;
        std::optional<int> ignoredFailureCount;
    };
    std::optional<IndexEntries> indexEntries;

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
