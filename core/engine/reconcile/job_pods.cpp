// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconcile/job_pods.h"

#include "reconcile/indexes.h"
#include "reconcile/pod_failure_policy.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace jobscope {

Job withApiDefaults(const Job& job, const FeatureGates& gates) {
    Job out = job;
    JobSpec& spec = out.spec;
    // SetDefaults_Job: both unset means a non-parallel Job.
    if (!spec.parallelism && !spec.completions) {
        spec.parallelism = 1;
        spec.completions = 1;
    } else if (!spec.parallelism) {
        spec.parallelism = 1;
    }
    if (!spec.backoffLimit)
        spec.backoffLimit =
            spec.backoffLimitPerIndex ? std::numeric_limits<int32_t>::max() : int32_t{6};
    if (gates.jobPodReplacementPolicy && !spec.podReplacementPolicy && spec.podFailurePolicy)
        spec.podReplacementPolicy = pod_replacement_policy::Failed;
    return out;
}

bool isPodActive(const Pod& pod) {
    return pod.phase != pod_phase::Succeeded && pod.phase != pod_phase::Failed &&
           !pod.metadata.deletionTimestamp;
}

bool isPodTerminating(const Pod& pod) {
    return !pod.isTerminal() && pod.metadata.deletionTimestamp.has_value();
}

bool onlyReplaceFailedPods(const Job& job, const FeatureGates& gates) {
    // podReplacementPolicy may be unset: the API server defaults it only with the gate on.
    if (gates.jobPodReplacementPolicy && job.spec.podReplacementPolicy &&
        *job.spec.podReplacementPolicy == pod_replacement_policy::Failed)
        return true;
    return job.spec.podFailurePolicy.has_value();
}

bool isPodFailed(const Pod& pod, const Job& job, const FeatureGates& gates) {
    if (pod.phase == pod_phase::Failed)
        return true;
    if (onlyReplaceFailedPods(job, gates))
        return false;
    // Deleted Pods count as failures: orphans may never reach the Failed phase.
    return pod.metadata.deletionTimestamp.has_value() && pod.phase != pod_phase::Succeeded;
}

bool trackTerminatingPods(const Job& job, const FeatureGates& gates) {
    return gates.jobPodReplacementPolicy || gates.jobManagedBy ||
           job.spec.podFailurePolicy.has_value();
}

bool delayTerminalCondition(const FeatureGates& gates) {
    return gates.jobManagedBy || gates.jobPodReplacementPolicy;
}

bool jobSuspended(const Job& job) {
    return job.spec.suspend.value_or(false);
}

std::optional<std::string> managedByExternalController(const Job& job, const FeatureGates& gates) {
    if (gates.jobManagedBy && job.spec.managedBy && *job.spec.managedBy != kJobControllerName)
        return job.spec.managedBy;
    return std::nullopt;
}

bool isJobFinished(const Job& job) {
    for (const auto& c : job.status.conditions)
        if ((c.type == job_condition::Complete || c.type == job_condition::Failed) &&
            c.status == "True")
            return true;
    return false;
}

namespace {

int podPhaseOrdinal(const std::string& phase) {
    if (phase == pod_phase::Unknown)
        return 1;
    if (phase == pod_phase::Running)
        return 2;
    return 0; // Pending, and phases the map does not list
}

// podReadyTime: the Ready=True condition's transition time; nullopt stands for the zero time.
std::optional<Seconds> podReadyTime(const Pod& pod) {
    for (const auto& c : pod.conditions)
        if (c.type == pod_condition::Ready && c.status == condition_status::True)
            return c.lastTransitionTime;
    return std::nullopt;
}

// afterOrZero: t1 is zero, or (neither zero and) t1 is after t2.
bool afterOrZero(const std::optional<Seconds>& t1, const std::optional<Seconds>& t2) {
    if (!t1 || !t2)
        return !t1;
    return *t1 > *t2;
}

int32_t maxContainerRestarts(const Pod& pod) {
    int32_t m = 0;
    for (const auto& c : pod.containerStatuses)
        m = std::max(m, c.restartCount);
    return m;
}

} // namespace

bool activePodsLess(const Pod* a, const Pod* b) {
    const bool aUnassigned = a->nodeName.empty();
    const bool bUnassigned = b->nodeName.empty();
    // 1. Unassigned < assigned.
    if (a->nodeName != b->nodeName && (aUnassigned || bUnassigned))
        return aUnassigned;
    // 2. Pending < Unknown < Running.
    const int pa = podPhaseOrdinal(a->phase);
    const int pb = podPhaseOrdinal(b->phase);
    if (pa != pb)
        return pa < pb;
    // 3. Not ready < ready.
    const bool ra = a->isReady();
    const bool rb = b->isReady();
    if (ra != rb)
        return !ra;
    // 4. Both ready: ready for a shorter time first (zero first).
    if (ra && rb) {
        const auto ta = podReadyTime(*a);
        const auto tb = podReadyTime(*b);
        if (ta != tb)
            return afterOrZero(ta, tb);
    }
    // 5. Higher restart count first.
    const int32_t ca = maxContainerRestarts(*a);
    const int32_t cb = maxContainerRestarts(*b);
    if (ca != cb)
        return ca > cb;
    // 6. Empty creation time < newer < older.
    if (a->metadata.creationTimestamp != b->metadata.creationTimestamp)
        return afterOrZero(a->metadata.creationTimestamp, b->metadata.creationTimestamp);
    return false;
}

void sortActivePods(std::vector<const Pod*>& pods) {
    std::stable_sort(pods.begin(), pods.end(), activePodsLess);
}

namespace {

// appendDuplicatedIndexPodsForRemoval with each Pod's index parsed once: Pods sorted by index
// (stable); those without an index, with index >= completions, and all but the last (in
// ActivePods order) of a repeated index go to `rm`, the rest to `left`.
void duplicatedIndexPodsForRemoval(std::vector<const Pod*>& rm, std::vector<const Pod*>& left,
                                   const std::vector<const Pod*>& pods, int completions) {
    std::vector<std::pair<int, const Pod*>> byIndex;
    byIndex.reserve(pods.size());
    for (const Pod* p : pods)
        byIndex.emplace_back(getCompletionIndex(*p), p);
    std::stable_sort(byIndex.begin(), byIndex.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Pod*> group;
    std::size_t i = 0;
    while (i < byIndex.size()) {
        const int ix = byIndex[i].first;
        if (ix >= completions) {
            for (; i < byIndex.size(); ++i)
                rm.push_back(byIndex[i].second);
            break;
        }
        std::size_t j = i;
        while (j < byIndex.size() && byIndex[j].first == ix)
            ++j;
        if (ix == kUnknownCompletionIndex) {
            for (std::size_t k = i; k < j; ++k)
                rm.push_back(byIndex[k].second);
        } else if (j - i == 1) {
            left.push_back(byIndex[i].second);
        } else {
            group.clear();
            for (std::size_t k = i; k < j; ++k)
                group.push_back(byIndex[k].second);
            sortActivePods(group);
            rm.insert(rm.end(), group.begin(), group.end() - 1);
            left.push_back(group.back());
        }
        i = j;
    }
}

// Whether every Pod holds a known completion index below `completions`, no two the same. False
// also when the bitmap of seen indexes would be large for the Pods (then the caller's sort
// answers).
bool distinctIndexesWithin(const std::vector<const Pod*>& pods, int completions) {
    if (completions <= 0 || static_cast<std::size_t>(completions) / 64 > 64 * pods.size() + 64)
        return pods.empty();
    std::vector<uint64_t> seen(static_cast<std::size_t>(completions) / 64 + 1, 0);
    for (const Pod* p : pods) {
        const int ix = getCompletionIndex(*p);
        if (ix < 0 || ix >= completions) // (kUnknownCompletionIndex is negative)
            return false;
        uint64_t& word = seen[static_cast<std::size_t>(ix) / 64];
        const uint64_t bit = uint64_t{1} << (static_cast<unsigned>(ix) % 64);
        if (word & bit)
            return false;
        word |= bit;
    }
    return true;
}

} // namespace

std::vector<const Pod*>
activePodsForRemoval(const Job& job, const std::vector<const Pod*>& activePods, int rmAtLeast) {
    std::vector<const Pod*> rm;
    std::vector<const Pod*> left;
    if (job.spec.isIndexed()) {
        const int completions = job.spec.completions.value_or(0);
        // Most syncs remove nothing: no Pod to scale down, and each active Pod holds an index
        // of its own within completions. That is told without ordering the Pods.
        if (rmAtLeast <= 0 && distinctIndexesWithin(activePods, completions))
            return rm;
        rm.reserve(static_cast<std::size_t>(std::max(rmAtLeast, 0)));
        duplicatedIndexPodsForRemoval(rm, left, activePods, completions);
    } else {
        left = activePods;
    }
    if (static_cast<int>(rm.size()) < rmAtLeast) {
        const auto need = static_cast<std::size_t>(rmAtLeast) - rm.size();
        sortActivePods(left);
        rm.insert(rm.end(), left.begin(),
                  left.begin() + static_cast<std::ptrdiff_t>(std::min(need, left.size())));
    }
    return rm;
}

int32_t countReadyPods(const std::vector<const Pod*>& pods) {
    int32_t n = 0;
    for (const Pod* p : pods)
        if (p->isReady())
            ++n;
    return n;
}

bool pastBackoffLimitOnFailure(const Job& job, std::span<const Pod* const> pods) {
    if (job.spec.templ.restartPolicy != restart_policy::OnFailure)
        return false;
    int64_t restarts = 0;
    for (const Pod* p : pods) {
        if (p->phase != pod_phase::Running && p->phase != pod_phase::Pending)
            continue;
        for (const auto& s : p->initContainerStatuses)
            restarts += s.restartCount;
        for (const auto& s : p->containerStatuses)
            restarts += s.restartCount;
    }
    const int32_t limit = job.spec.backoffLimit.value_or(6);
    if (limit == 0)
        return restarts > 0;
    return restarts >= limit;
}

std::optional<std::string> getFailJobMessage(const Job& job, std::span<const Pod* const> pods,
                                             const FeatureGates& gates) {
    if (!job.spec.podFailurePolicy)
        return std::nullopt;
    for (const Pod* p : pods) {
        if (!isPodFailed(*p, job, gates))
            continue;
        auto match = matchPodFailurePolicy(&*job.spec.podFailurePolicy, *p, gates);
        if (match.jobFailureMessage)
            return match.jobFailureMessage;
    }
    return std::nullopt;
}

int nonIgnoredFailedPodsCount(const Job& job, const std::vector<const Pod*>& failedPods,
                              const FeatureGates& gates) {
    int result = static_cast<int>(failedPods.size());
    if (job.spec.podFailurePolicy) {
        for (const Pod* p : failedPods)
            if (!matchPodFailurePolicy(&*job.spec.podFailurePolicy, *p, gates).countFailed)
                --result;
    }
    return result;
}

JobCondition newCondition(const std::string& type, const std::string& status,
                          const std::string& reason, const std::string& message, Seconds now) {
    JobCondition c;
    c.type = type;
    c.status = status;
    c.reason = reason;
    c.message = message;
    c.lastProbeTime = now;
    c.lastTransitionTime = now;
    return c;
}

JobCondition* findConditionByType(std::vector<JobCondition>& list, const std::string& type) {
    for (auto& c : list)
        if (c.type == type)
            return &c;
    return nullptr;
}

const JobCondition* findConditionByType(const std::vector<JobCondition>& list,
                                        const std::string& type) {
    for (const auto& c : list)
        if (c.type == type)
            return &c;
    return nullptr;
}

bool ensureJobConditionStatus(std::vector<JobCondition>& list, const std::string& type,
                              const std::string& status, const std::string& reason,
                              const std::string& message, Seconds now) {
    if (JobCondition* c = findConditionByType(list, type)) {
        if (c->status != status || c->reason != reason || c->message != message) {
            *c = newCondition(type, status, reason, message, now);
            return true;
        }
        return false;
    }
    // Going from no condition to False says nothing.
    if (status != "False") {
        list.push_back(newCondition(type, status, reason, message, now));
        return true;
    }
    return false;
}

} // namespace jobscope
