#include "timeline/timeline.h"

namespace jobscope {

Pod Timeline::podAt(uint32_t index, const PodState& state) const {
    const TimelinePod& identity = pods.at(index);
    Pod pod;
    pod.metadata.name = identity.name;
    pod.metadata.uid = identity.uid;
    pod.metadata.namespace_ = jobMetadata.namespace_;
    pod.metadata.creationTimestamp = identity.createdAt;
    pod.metadata.deletionTimestamp = state.deletionTimestamp;
    if (state.tracked)
        pod.metadata.finalizers.push_back(kJobTrackingFinalizer);
    if (identity.index >= 0) {
        const std::string ix = std::to_string(identity.index);
        pod.metadata.annotations[kJobCompletionIndexAnnotation] = ix;
        pod.metadata.labels[kJobCompletionIndexAnnotation] = ix;
    }
    if (identity.indexFailureCount)
        pod.metadata.annotations[kJobIndexFailureCountAnnotation] =
            std::to_string(*identity.indexFailureCount);
    if (identity.indexIgnoredFailureCount)
        pod.metadata.annotations[kJobIndexIgnoredFailureCountAnnotation] =
            std::to_string(*identity.indexIgnoredFailureCount);

    pod.nodeName = state.nodeName;
    pod.phase = state.phase;
    if (!state.nodeName.empty())
        pod.conditions.push_back({"PodScheduled", "True", std::nullopt});
    pod.conditions.push_back({"Ready", state.ready ? "True" : "False", std::nullopt});
    if (state.disruptionTarget)
        pod.conditions.push_back({"DisruptionTarget", "True", std::nullopt});

    ContainerStatus main;
    main.name = "main";
    main.ready = state.ready;
    main.restartCount = state.restartCount;
    if (state.exitCode) {
        ContainerStateTerminated terminated;
        terminated.exitCode = *state.exitCode;
        terminated.finishedAt = state.finishedAt;
        main.terminated = terminated;
    } else if (state.containersStarted) {
        main.running = true;
    }
    pod.containerStatuses.push_back(std::move(main));
    return pod;
}

} // namespace jobscope
