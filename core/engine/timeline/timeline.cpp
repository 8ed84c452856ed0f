// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timeline.h"

#include "reconcile/indexes.h"

#include <stdexcept>
#include <string>

namespace jobscope {

Pod Timeline::podAt(uint32_t index, const PodState& state) const {
    if (index >= pods.size())
        throw std::out_of_range("no Pod at position " + std::to_string(index));
    Pod pod;
    fillPod(index, state, pod);
    return pod;
}

void Timeline::fillPod(uint32_t index, const PodState& state, Pod& pod) const {
    // Not pods.at(): the analysis fills Pods of a Timeline still growing, whose size it must
    // not read (timeline_feed.h); its positions come from the Timeline itself.
    const TimelinePod& identity = pods[index];
    ObjectMeta& meta = pod.metadata;
    // A Pod's identity (names, creation, index entries) never changes: an object
    // that already holds this Pod (the same uid and name, as fillPod left it) keeps it, and
    // only the state is written again.
    if (meta.uid != identity.uid || meta.name != identity.name ||
        meta.namespace_ != jobMetadata.namespace_ || meta.creationTimestamp != identity.createdAt) {
        meta.name = identity.name;
        meta.uid = identity.uid;
        meta.namespace_ = jobMetadata.namespace_;
        meta.creationTimestamp = identity.createdAt;
        meta.annotations.clear();
        meta.labels.clear();
        setIndexEntries(pod, identity.indexEntries());
    }
    fillPodState(state, pod);
}

void Timeline::fillPodState(const PodState& state, Pod& pod) {
    ObjectMeta& meta = pod.metadata;
    meta.generateName.clear();
    meta.generation = 0;
    meta.deletionTimestamp = state.deletionTimestamp;
    meta.deletionGracePeriodSeconds.reset();
    if (state.tracked) {
        meta.finalizers.resize(1);
        meta.finalizers.front() = jobTrackingFinalizer;
    } else {
        meta.finalizers.clear();
    }

    pod.nodeName = state.nodeName;
    pod.phase = state.phase;
    pod.startTime.reset();
    pod.conditions.clear();
    if (!state.nodeName.empty())
        pod.conditions.push_back(
            {pod_condition::PodScheduled, condition_status::True, std::nullopt});
    pod.conditions.push_back({pod_condition::Ready,
                              state.ready ? condition_status::True : condition_status::False,
                              std::nullopt});
    if (state.disruptionTarget)
        pod.conditions.push_back(
            {pod_condition::DisruptionTarget, condition_status::True, std::nullopt});

    pod.containerStatuses.resize(1);
    ContainerStatus& main = pod.containerStatuses.front();
    main.name = "main";
    main.ready = state.ready;
    main.running = false;
    main.runningStartedAt.reset();
    main.restartCount = state.restartCount;
    main.terminated.reset();
    if (state.exitCode) {
        ContainerStateTerminated terminated;
        terminated.exitCode = *state.exitCode;
        terminated.finishedAt = state.finishedAt;
        main.terminated = terminated;
    } else if (state.containersStarted) {
        main.running = true;
    }
    pod.initContainerStatuses.clear();
    pod.restartableInitContainers.clear();
}

} // namespace jobscope
