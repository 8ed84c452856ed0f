// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/fork.h"

#include <algorithm>
#include <limits>

namespace jobscope {

namespace {

void shift(std::optional<Seconds>& t, Seconds by) {
    if (t)
        *t += by;
}

void shift(OptionalSeconds& t, Seconds by) {
    if (t)
        t = *t + by;
}

void shiftStatus(JobStatus& status, Seconds by) {
    shift(status.startTime, by);
    shift(status.completionTime, by);
    for (JobCondition& c : status.conditions) {
        shift(c.lastProbeTime, by);
        shift(c.lastTransitionTime, by);
    }
}

} // namespace

void shiftTimeline(Timeline& tl, Seconds by) {
    tl.start += by;
    shift(tl.end, by);
    shift(tl.jobMetadata.creationTimestamp, by);
    shift(tl.jobMetadata.deletionTimestamp, by);
    for (TimelinePod& p : tl.pods)
        p.createdAt += by;
    for (PodObservation& o : tl.podChanges) {
        o.time += by;
        shift(o.state.deletionTimestamp, by);
        shift(o.state.finishedAt, by);
    }
    for (JobObservation& o : tl.jobChanges) {
        o.time += by;
        shiftStatus(o.status, by);
    }
    for (TimelineEvent& e : tl.events)
        e.time += by;
    for (ControllerSync& s : tl.syncs)
        s.time += by;
    for (UnobservedSpan& s : tl.unobserved) {
        s.start += by;
        s.end += by;
    }
}

std::shared_ptr<const ForkState> forkState(const Timeline& observed, Seconds at) {
    auto fork = std::make_shared<ForkState>();
    Timeline& cut = fork->observed;
    const Seconds origin = observed.start;
    Seconds last = 0;
    for (const PodObservation& o : observed.podChanges)
        last = std::max(last, o.time - origin);
    for (const JobObservation& o : observed.jobChanges)
        last = std::max(last, o.time - origin);
    if (observed.end)
        last = std::max(last, *observed.end - origin);
    fork->at = std::clamp(at, 0.0, last);
    const Seconds until = origin + fork->at;

    cut.jobMetadata = observed.jobMetadata;
    cut.gates = observed.gates;
    cut.kubernetesMinor = observed.kubernetesMinor;
    cut.start = origin;
    cut.end = until;
    // Pods first seen by `at`, renumbered in their order.
    constexpr uint32_t kDropped = std::numeric_limits<uint32_t>::max();
    std::vector<uint32_t> position(observed.pods.size(), kDropped);
    for (const PodObservation& o : observed.podChanges)
        if (o.time <= until && position[o.pod] == kDropped)
            position[o.pod] = 0;
    for (uint32_t i = 0; i < observed.pods.size(); ++i)
        if (position[i] != kDropped) {
            position[i] = static_cast<uint32_t>(cut.pods.size());
            cut.pods.push_back(observed.pods[i]);
        }
    for (const PodObservation& o : observed.podChanges)
        if (o.time <= until) {
            PodObservation kept = o;
            kept.pod = position[o.pod];
            cut.podChanges.push_back(std::move(kept));
        }
    for (const JobObservation& o : observed.jobChanges)
        if (o.time <= until)
            cut.jobChanges.push_back(o);
    for (const TimelineEvent& e : observed.events)
        if (e.time <= until)
            cut.events.push_back(e);
    for (const UnobservedSpan& s : observed.unobserved)
        if (s.start < until) {
            cut.unobserved.push_back(s);
            cut.unobserved.back().end = std::min(s.end, until);
        }
    shiftTimeline(cut, -origin);
    return fork;
}

} // namespace jobscope
