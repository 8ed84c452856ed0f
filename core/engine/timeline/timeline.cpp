// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timeline.h"

#include "meta_entries.h"
#include "reconcile/indexes.h"

#include <initializer_list>
#include <map>
#include <stdexcept>
#include <string>

namespace jobscope {

namespace {

// Keeps only the given keys (the only ones fillPod writes) so that a reused object carries
// nothing from an earlier fill.
void keepOnly(std::map<std::string, std::string>& entries,
              std::initializer_list<const std::string*> keys) {
    for (auto it = entries.begin(); it != entries.end();) {
        bool known = false;
        for (const std::string* key : keys)
            known = known || (it->first.size() == key->size() && it->first == *key);
        it = known ? std::next(it) : entries.erase(it);
    }
}

} // namespace

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
    // A Pod's identity (names, creation, index annotations and label) never changes: an object
    // that already holds this Pod (the same uid and name, as fillPod left it) keeps it, and
    // only the state is written again.
    if (meta.uid != identity.uid || meta.name != identity.name ||
        meta.namespace_ != jobMetadata.namespace_ || meta.creationTimestamp != identity.createdAt) {
        meta.name = identity.name;
        meta.uid = identity.uid;
        meta.namespace_ = jobMetadata.namespace_;
        meta.creationTimestamp = identity.createdAt;
        keepOnly(meta.annotations,
                 {&completionIndexKey(), &indexFailureCountKey(), &indexIgnoredFailureCountKey()});
        keepOnly(meta.labels, {&completionIndexKey()});
        const bool indexed = identity.index >= 0;
        const std::optional<int> completionIndex =
            indexed ? std::optional<int>(identity.index) : std::nullopt;
        setCompletionIndex(pod, completionIndex);
        setNumberEntry(meta.annotations, indexFailureCountKey(), identity.indexFailureCount);
        setNumberEntry(meta.annotations, indexIgnoredFailureCountKey(),
                       identity.indexIgnoredFailureCount);
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
        meta.finalizers.front() = kJobTrackingFinalizer;
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
