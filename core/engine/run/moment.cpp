// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/moment.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace jobscope {

namespace {

// The interval of `kind` in force at `at` (absolute). At the run's very end, the intervals that
// reach it are still in force: the last instant shows what the last change left.
const CauseInterval* intervalAt(const Run& run, CauseKind kind, Seconds at, bool atEnd) {
    const auto& causes = run.analysis.causes;
    const auto& positions = run.intervalsByKind[static_cast<std::size_t>(kind)];
    // The last interval starting at or before `at`.
    const auto after =
        std::upper_bound(positions.begin(), positions.end(), at + kMomentTolerance,
                         [&causes](Seconds t, uint32_t i) { return t < causes[i].start; });
    if (after == positions.begin())
        return nullptr;
    const CauseInterval& c = causes[*(after - 1)];
    if (at + kMomentTolerance < c.end || (atEnd && at + kMomentTolerance >= c.end &&
                                          c.end >= run.origin + run.end - kMomentTolerance))
        return &c;
    return nullptr;
}

bool conditionTrue(const JobCondition& c) {
    return c.status == "True";
}

} // namespace

const SeriesRow* seriesRowAt(const Run& run, Seconds time) {
    if (std::isnan(time))
        return nullptr;
    const auto& series = run.analysis.series;
    const Seconds at = run.origin + time + kMomentTolerance;
    const auto after = std::upper_bound(series.begin(), series.end(), at,
                                        [](Seconds t, const SeriesRow& r) { return t < r.time; });
    return after == series.begin() ? nullptr : &*(after - 1);
}

Moment momentAt(const Run& run, Seconds time) {
    Moment m;
    m.time = time;
    if (std::isnan(time))
        return m;
    const Seconds at = run.origin + time;
    m.atEnd = time + kMomentTolerance >= run.end;
    m.row = seriesRowAt(run, time);
    if (!run.jobs.empty()) {
        if (!m.row)
            return m;
        std::vector<MomentCause> secondary;
        for (const Run& job : run.jobs) {
            Moment own = momentAt(job, at - job.origin);
            for (MomentCause& c : own.causes) {
                if (c.kind == CauseKind::Finished)
                    continue;
                c.job = job.timeline.jobMetadata.name;
                (c.primary ? m.causes : secondary).push_back(std::move(c));
            }
        }
        std::move(secondary.begin(), secondary.end(), std::back_inserter(m.causes));
        const auto& finishedAt = run.intervalsByKind[static_cast<std::size_t>(CauseKind::Finished)];
        if (!finishedAt.empty()) {
            const CauseInterval& finished = run.analysis.causes[finishedAt.back()];
            if (at + kMomentTolerance >= finished.start) {
                MomentCause c;
                c.kind = CauseKind::Finished;
                c.primary = m.causes.empty();
                c.interval = &finished;
                c.params = finished.params;
                m.causes.push_back(std::move(c));
            }
        }
        return m;
    }

    // The Job object then; a deletion keeps the conditions the Job had when it went.
    const auto& jobs = run.timeline.jobChanges;
    const auto after =
        std::upper_bound(jobs.begin(), jobs.end(), at + kMomentTolerance,
                         [](Seconds t, const JobObservation& o) { return t < o.time; });
    if (after != jobs.begin()) {
        m.job = &*(after - 1);
        m.jobDeleted = m.job->deleted;
        auto last = after;
        while (last != jobs.begin() && (last - 1)->deleted && (last - 1)->status.conditions.empty())
            --last;
        if (last != jobs.begin())
            for (const JobCondition& c : (last - 1)->status.conditions)
                if (conditionTrue(c))
                    m.conditions.push_back(c);
    }

    if (!m.row)
        return m;
    for (std::size_t i = 0; i < m.row->causes.size(); ++i) {
        const std::optional<CauseKind> kind =
            causeKindOf(static_cast<const std::string&>(m.row->causes[i]));
        if (!kind || *kind == CauseKind::None)
            continue;
        MomentCause cause;
        cause.kind = *kind;
        cause.primary = i == 0;
        cause.interval = intervalAt(run, *kind, at, m.atEnd);
        if (cause.interval) {
            cause.params = cause.interval->params;
            if (const auto due = cause.interval->param("due"))
                cause.params.push_back({"left", std::max<Seconds>(0, *due - time), {}});
        }
        m.causes.push_back(std::move(cause));
    }
    return m;
}

PodMomentState podStateAt(const Run& run, const PodLifecycle& pod, Seconds time) {
    const Seconds at = run.origin + time + kMomentTolerance;
    if (at < pod.created)
        return PodMomentState::NotCreated;
    if (pod.deleted && at >= *pod.deleted)
        return PodMomentState::Deleted;
    if (pod.finished && at >= *pod.finished)
        return pod.phase == pod_phase::Succeeded ? PodMomentState::Succeeded
                                                 : PodMomentState::Failed;
    if (pod.terminating && at >= *pod.terminating)
        return PodMomentState::Terminating;
    if (pod.started && at >= *pod.started)
        return pod.ready && at >= *pod.ready ? PodMomentState::RunningReady
                                             : PodMomentState::Running;
    if (pod.scheduled && at >= *pod.scheduled)
        return PodMomentState::Starting;
    return PodMomentState::Unscheduled;
}

} // namespace jobscope
