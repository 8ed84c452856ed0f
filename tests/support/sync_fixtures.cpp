// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/sync_fixtures.h"

#include <QStringList>

#include <algorithm>
#include <set>

namespace jobscope::test {

Job newJobWithName(const std::string& name, int32_t parallelism, int32_t completions,
                   int32_t backoffLimit, const std::string& completionMode) {
    Job j;
    j.metadata.name = name;
    j.metadata.namespace_ = kJobNamespace;
    j.metadata.uid = name == kJobName ? std::string(kJobUid) : "job-uid-" + name;
    j.spec.selector.present = true;
    j.spec.selector.matchLabels = {{"foo", "bar"}};
    j.spec.templ.metadata.labels = {{"foo", "bar"}};
    // restartPolicy stays unset, as upstream newJob (tests set OnFailure / Never when it matters).
    j.spec.templ.containers = {ContainerSpec{"main", {}}};
    if (!completionMode.empty())
        j.spec.completionMode = completionMode;
    // As upstream: -1 leaves completions / parallelism unset (nil).
    if (completions >= 0)
        j.spec.completions = completions;
    if (parallelism >= 0)
        j.spec.parallelism = parallelism;
    j.spec.backoffLimit = backoffLimit;
    return j;
}

Job newJob(int32_t parallelism, int32_t completions, int32_t backoffLimit,
           const std::string& completionMode) {
    return newJobWithName(kJobName, parallelism, completions, backoffLimit, completionMode);
}

Pod newPod(const std::string& name, const Job& job) {
    Pod p;
    p.metadata.name = name;
    p.metadata.uid = name;
    p.metadata.namespace_ = job.metadata.namespace_;
    for (const auto& [k, v] : job.spec.selector.matchLabels)
        p.metadata.labels[k] = v;
    return p;
}

std::string nextPodName(const std::vector<Pod>& pods) {
    std::set<std::string> used;
    for (const auto& p : pods)
        used.insert(p.metadata.name);
    for (size_t n = pods.size();; ++n) {
        std::string candidate = "pod-" + std::to_string(n);
        if (!used.count(candidate))
            return candidate;
    }
}

static ContainerStatus terminatedContainer(Seconds finishedAt) {
    ContainerStatus cs;
    cs.name = "main";
    ContainerStateTerminated t;
    t.finishedAt = finishedAt;
    cs.terminated = t;
    return cs;
}

std::vector<Pod> newPodList(int count, const std::string& phase, const Job& job,
                            const std::vector<Pod>& existing) {
    std::vector<Pod> all = existing;
    std::vector<Pod> out;
    for (int i = 0; i < count; ++i) {
        Pod p = newPod(nextPodName(all), job);
        p.phase = phase;
        p.containerStatuses = {terminatedContainer(kTestFinishedAt)};
        p.metadata.finalizers.push_back(kJobTrackingFinalizer);
        all.push_back(p);
        out.push_back(std::move(p));
    }
    return out;
}

void setPodsStatuses(std::vector<Pod>& pods, const Job& job, int pending, int active, int succeeded,
                     int failed, int terminating, int ready, Seconds deletionTime) {
    auto append = [&pods](std::vector<Pod> more) {
        for (auto& p : more)
            pods.push_back(std::move(p));
    };
    append(newPodList(pending, pod_phase::Pending, job, pods));
    std::vector<Pod> running = newPodList(active, pod_phase::Running, job, pods);
    for (int i = 0; i < static_cast<int>(running.size()) && i < ready; ++i)
        running[i].conditions.push_back(PodCondition{"Ready", "True", std::nullopt});
    append(std::move(running));
    append(newPodList(succeeded, pod_phase::Succeeded, job, pods));
    append(newPodList(failed, pod_phase::Failed, job, pods));
    std::vector<Pod> term = newPodList(terminating, pod_phase::Running, job, pods);
    for (auto& p : term)
        p.metadata.deletionTimestamp = deletionTime;
    append(std::move(term));
}

void setPodsStatusesWithIndexes(std::vector<Pod>& pods, const Job& job,
                                const std::vector<IndexPhase>& statuses) {
    for (const auto& s : statuses) {
        Pod p = newPod(nextPodName(pods), job);
        p.phase = s.phase;
        if (s.phase == pod_phase::Failed || s.phase == pod_phase::Succeeded)
            p.containerStatuses = {terminatedContainer(kTestFinishedAt)};
        if (s.index != kNoIndex)
            p.metadata.annotations[kJobCompletionIndexAnnotation] = s.index;
        if (s.terminating)
            p.metadata.deletionTimestamp = kNow;
        p.metadata.finalizers.push_back(kJobTrackingFinalizer);
        pods.push_back(std::move(p));
    }
}

PodBuilder::PodBuilder() {
    static int counter = 0;
    pod.metadata.uid = "uid-" + std::to_string(counter++);
    pod.metadata.name = pod.metadata.uid;
}

PodBuilder& PodBuilder::name(const std::string& n) {
    pod.metadata.name = n;
    if (!uidSet_)
        pod.metadata.uid = n;
    return *this;
}

PodBuilder& PodBuilder::ns(const std::string& n) {
    pod.metadata.namespace_ = n;
    return *this;
}

PodBuilder& PodBuilder::uid(const std::string& u) {
    pod.metadata.uid = u;
    uidSet_ = true;
    return *this;
}

PodBuilder& PodBuilder::job(const Job& j) {
    pod.metadata.labels.clear();
    for (const auto& [k, v] : j.spec.selector.matchLabels)
        pod.metadata.labels[k] = v;
    pod.metadata.namespace_ = j.metadata.namespace_;
    return *this;
}

PodBuilder& PodBuilder::label(const std::string& key, const std::string& value) {
    pod.metadata.labels[key] = value;
    return *this;
}

PodBuilder& PodBuilder::clearLabels() {
    pod.metadata.labels.clear();
    return *this;
}

PodBuilder& PodBuilder::index(const std::string& ix) {
    return annotation(kJobCompletionIndexAnnotation, ix);
}

PodBuilder& PodBuilder::indexFailureCount(const std::string& count) {
    return annotation(kJobIndexFailureCountAnnotation, count);
}

PodBuilder& PodBuilder::indexIgnoredFailureCount(const std::string& count) {
    return annotation(kJobIndexIgnoredFailureCountAnnotation, count);
}

PodBuilder& PodBuilder::annotation(const std::string& key, const std::string& value) {
    pod.metadata.annotations[key] = value;
    return *this;
}

PodBuilder& PodBuilder::phase(const std::string& p) {
    pod.phase = p;
    return *this;
}

PodBuilder& PodBuilder::trackingFinalizer() {
    addTrackingFinalizer(pod);
    return *this;
}

PodBuilder& PodBuilder::deletionTimestamp() {
    pod.metadata.deletionTimestamp = 0.0;
    return *this;
}

PodBuilder& PodBuilder::customDeletionTimestamp(Seconds t) {
    pod.metadata.deletionTimestamp = t;
    return *this;
}

PodBuilder& PodBuilder::creationTimestamp(Seconds t) {
    pod.metadata.creationTimestamp = t;
    return *this;
}

PodBuilder& PodBuilder::startTime(Seconds t) {
    pod.startTime = t;
    return *this;
}

PodBuilder& PodBuilder::nodeName(const std::string& n) {
    pod.nodeName = n;
    return *this;
}

PodBuilder& PodBuilder::condition(const std::string& type, const std::string& status,
                                  std::optional<Seconds> lastTransitionTime) {
    pod.conditions.push_back(PodCondition{type, status, lastTransitionTime});
    return *this;
}

PodBuilder& PodBuilder::ready() {
    return condition("Ready", "True");
}

static ContainerStatus makeContainer(const std::string& name, std::optional<int32_t> exitCode,
                                     std::optional<Seconds> finishedAt, int32_t restartCount) {
    ContainerStatus cs;
    cs.name = name;
    cs.restartCount = restartCount;
    if (exitCode || finishedAt) {
        ContainerStateTerminated t;
        t.exitCode = exitCode.value_or(0);
        t.finishedAt = finishedAt;
        cs.terminated = t;
    } else {
        cs.running = true;
    }
    return cs;
}

PodBuilder& PodBuilder::container(const std::string& name, std::optional<int32_t> exitCode,
                                  std::optional<Seconds> finishedAt, int32_t restartCount) {
    pod.containerStatuses.push_back(makeContainer(name, exitCode, finishedAt, restartCount));
    return *this;
}

PodBuilder& PodBuilder::initContainer(const std::string& name, std::optional<int32_t> exitCode,
                                      std::optional<Seconds> finishedAt, int32_t restartCount) {
    pod.initContainerStatuses.push_back(makeContainer(name, exitCode, finishedAt, restartCount));
    return *this;
}

PodBuilder& PodBuilder::restartCount(int32_t count, const std::string& containerName) {
    setRestartCount(pod, count, containerName);
    return *this;
}

PodBuilder& PodBuilder::finishedAt(Seconds t) {
    if (pod.containerStatuses.empty())
        pod.containerStatuses.push_back(makeContainer("main", std::nullopt, t, 0));
    auto& cs = pod.containerStatuses.front();
    if (!cs.terminated)
        cs.terminated = ContainerStateTerminated{};
    cs.terminated->finishedAt = t;
    cs.running = false;
    return *this;
}

PodBuilder buildPod() {
    return PodBuilder();
}

void addTrackingFinalizer(Pod& pod) {
    if (!pod.metadata.hasFinalizer(kJobTrackingFinalizer))
        pod.metadata.finalizers.push_back(kJobTrackingFinalizer);
}

void removeTrackingFinalizer(Pod& pod) {
    auto& f = pod.metadata.finalizers;
    f.erase(std::remove(f.begin(), f.end(), InternedString(kJobTrackingFinalizer)), f.end());
}

void setDeletionTimestamp(Pod& pod, Seconds t) {
    pod.metadata.deletionTimestamp = t;
}

void addCondition(Pod& pod, const std::string& type, const std::string& status) {
    pod.conditions.push_back(PodCondition{type, status, std::nullopt});
}

static ContainerStatus& containerNamed(Pod& pod, const std::string& name) {
    for (auto& cs : pod.containerStatuses)
        if (cs.name == name)
            return cs;
    ContainerStatus cs;
    cs.name = name;
    pod.containerStatuses.push_back(cs);
    return pod.containerStatuses.back();
}

void setContainerExit(Pod& pod, int32_t exitCode, std::optional<Seconds> finishedAt,
                      const std::string& containerName) {
    ContainerStatus& cs = containerNamed(pod, containerName);
    if (!cs.terminated)
        cs.terminated = ContainerStateTerminated{};
    cs.terminated->exitCode = exitCode;
    if (finishedAt)
        cs.terminated->finishedAt = finishedAt;
    cs.running = false;
}

void setRestartCount(Pod& pod, int32_t restarts, const std::string& containerName) {
    ContainerStatus& cs = containerNamed(pod, containerName);
    cs.restartCount = restarts;
    if (!cs.terminated)
        cs.running = true;
}

JobCondition jobCondition(const std::string& type, const std::string& status,
                          const std::string& reason, const std::string& message,
                          std::optional<Seconds> at) {
    JobCondition c;
    c.type = type;
    c.status = status;
    c.reason = reason;
    c.message = message;
    c.lastProbeTime = at;
    c.lastTransitionTime = at;
    return c;
}

ApiErrors podControlError(ApiError error) {
    ApiErrors e;
    e.create = error;
    e.deletion = error;
    e.patch = error;
    return e;
}

ApiErrors createLimit(int limit) {
    ApiErrors e;
    e.createLimit = limit;
    return e;
}

SyncInput makeInput(const Job& job, const std::vector<Pod>& pods, Seconds now) {
    SyncInput in;
    in.job = job;
    in.pods = pods;
    in.now = now;
    return in;
}

Expectations unsatisfiedExpectations(int fakeExpectationAtCreation, Seconds now) {
    Expectations e;
    if (fakeExpectationAtCreation > 0)
        e.creations = fakeExpectationAtCreation;
    else if (fakeExpectationAtCreation < 0)
        e.deletions = -fakeExpectationAtCreation;
    if (fakeExpectationAtCreation != 0)
        e.setAt = now;
    return e;
}

QString describeCondition(const JobCondition& c) {
    QString s = QString::fromStdString(c.type + "=" + c.status);
    if (!c.reason.empty() || !c.message.empty())
        s += QString::fromStdString("/" + c.reason + ": " + c.message);
    return s;
}

QString describeConditions(const std::vector<JobCondition>& conditions) {
    QStringList parts;
    for (const auto& c : conditions)
        parts << describeCondition(c);
    return parts.join(QStringLiteral("; "));
}

QString describeIndexes(const std::vector<int>& indexes) {
    std::vector<int> sorted = indexes;
    std::sort(sorted.begin(), sorted.end());
    QStringList parts;
    for (int i : sorted)
        parts << QString::number(i);
    return parts.join(QLatin1Char(','));
}

QString describeOptional(const std::optional<int32_t>& v) {
    return v ? QString::number(*v) : QStringLiteral("nil");
}

static QString describeTime(const std::optional<Seconds>& t) {
    return t ? QString::number(*t, 'f', 3) : QStringLiteral("nil");
}

static QString describeUids(const std::vector<std::string>& uids) {
    QStringList parts;
    for (const auto& u : uids)
        parts << QString::fromStdString(u);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

QString describeStatus(const JobStatus& s) {
    QStringList parts;
    parts
        << QStringLiteral("startTime=") + describeTime(s.startTime)
        << QStringLiteral("completionTime=") + describeTime(s.completionTime)
        << QStringLiteral("active=%1").arg(s.active)
        << QStringLiteral("ready=") + describeOptional(s.ready)
        << QStringLiteral("terminating=") + describeOptional(s.terminating)
        << QStringLiteral("succeeded=%1").arg(s.succeeded)
        << QStringLiteral("failed=%1").arg(s.failed)
        << QStringLiteral("completedIndexes=\"%1\"").arg(QString::fromStdString(s.completedIndexes))
        << QStringLiteral("failedIndexes=") +
               (s.failedIndexes ? QString::fromStdString('"' + *s.failedIndexes + '"')
                                : QStringLiteral("nil"))
        << QStringLiteral("uncounted=") +
               (s.uncountedTerminatedPods
                    ? QStringLiteral("{succeeded=%1 failed=%2}")
                          .arg(describeUids(s.uncountedTerminatedPods->succeeded),
                               describeUids(s.uncountedTerminatedPods->failed))
                    : QStringLiteral("nil"))
        << QStringLiteral("conditions=[") + describeConditions(s.conditions) + QLatin1Char(']');
    return parts.join(QStringLiteral("; "));
}

} // namespace jobscope::test
