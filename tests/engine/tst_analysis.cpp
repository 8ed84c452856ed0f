// SPDX-License-Identifier: GPL-3.0-or-later
// Cause analysis (analysis/analysis.h) on hand-built Timelines: one Timeline per cause — the
// seed's six reasons (remaining completions, work-queue draining, controller lag, quota
// refusal, failure backoff, terminating) plus pending, suspended, finished and scaled-down,
// and creation-forbidden — each written the way an observer of a real control plane would see
// it: the Job's spec and status writes, the Pods' state changes and the controller's Events.
// The analysis must name the cause from those observations alone (Timeline::syncs stays
// empty here, as in live mode).

#include "analysis/analysis.h"
#include "reconcile/explanation.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

using namespace jobscope;

namespace {

// Builds a Timeline in the order an observer sees it. Times are seconds after the Job's
// creation; each change appends one observation of the object's whole new state.
class Builder {
public:
    explicit Builder(std::optional<int32_t> parallelism, std::optional<int32_t> completions) {
        tl_.jobMetadata.name = "demo";
        tl_.jobMetadata.namespace_ = "default";
        tl_.jobMetadata.uid = "job-uid";
        spec_.parallelism = parallelism;
        spec_.completions = completions;
        spec_.backoffLimit = 6;
        spec_.completionMode = completion_mode::NonIndexed;
        spec_.templ.restartPolicy = restart_policy::Never;
    }

    JobSpec& spec() { return spec_; }
    JobStatus& status() { return status_; }

    // The Job as it is now (after editing spec() / status()).
    Builder& job(Seconds t) {
        tl_.jobChanges.push_back({t, spec_, status_, false});
        return *this;
    }
    Builder& jobDeleted(Seconds t) {
        tl_.jobChanges.push_back({t, spec_, status_, true});
        return *this;
    }

    // A Pod the controller created (Pending, with the tracking finalizer) and its event.
    uint32_t create(Seconds t, int index = -1) {
        TimelinePod p;
        const uint32_t id = static_cast<uint32_t>(tl_.pods.size());
        p.name = "demo-" + std::to_string(id);
        p.uid = "pod-uid-" + std::to_string(id);
        p.index = index;
        p.createdAt = t;
        tl_.pods.push_back(p);
        states_.emplace_back();
        observe(t, id);
        event(t, "Normal", "SuccessfulCreate", "Created pod: " + p.name);
        return id;
    }
    Builder& schedule(Seconds t, uint32_t id, const std::string& node = "node-1") {
        states_[id].nodeName = node;
        return observe(t, id);
    }
    Builder& start(Seconds t, uint32_t id) {
        states_[id].phase = pod_phase::Running;
        states_[id].containersStarted = true;
        return observe(t, id);
    }
    Builder& ready(Seconds t, uint32_t id) {
        states_[id].ready = true;
        return observe(t, id);
    }
    // Scheduled at t, Running at t+1.
    Builder& run(Seconds t, uint32_t id) {
        schedule(t, id);
        return start(t + 1, id);
    }
    Builder& finish(Seconds t, uint32_t id, int32_t exitCode) {
        PodState& s = states_[id];
        s.phase = exitCode == 0 ? pod_phase::Succeeded : pod_phase::Failed;
        s.ready = false;
        s.exitCode = exitCode;
        s.finishedAt = t;
        return observe(t, id);
    }
    Builder& terminate(Seconds t, uint32_t id) {
        states_[id].deletionTimestamp = t;
        return observe(t, id);
    }
    Builder& untrack(Seconds t, uint32_t id) {
        states_[id].tracked = false;
        return observe(t, id);
    }
    Builder& gone(Seconds t, uint32_t id) {
        tl_.podChanges.push_back({t, id, true, states_[id]});
        return *this;
    }
    Builder& event(Seconds t, const std::string& type, const std::string& reason,
                   const std::string& message) {
        tl_.events.push_back({t, "Job", tl_.jobMetadata.name, type, reason, message});
        return *this;
    }
    const std::string& uid(uint32_t id) const { return tl_.pods[id].uid; }

    // The controller's accounting of finished Pods, as upstream writes it: first the Pods go to
    // status.uncountedTerminatedPods, then (finalizers removed) into the counters.
    Builder& countUncounted(Seconds t, const std::vector<uint32_t>& succeeded,
                            const std::vector<uint32_t>& failed) {
        UncountedTerminatedPods u;
        for (uint32_t id : succeeded)
            u.succeeded.push_back(uid(id));
        for (uint32_t id : failed)
            u.failed.push_back(uid(id));
        status_.uncountedTerminatedPods = u;
        job(t);
        for (uint32_t id : succeeded)
            untrack(t + 0.01, id);
        for (uint32_t id : failed)
            untrack(t + 0.01, id);
        status_.succeeded += static_cast<int32_t>(succeeded.size());
        status_.failed += static_cast<int32_t>(failed.size());
        status_.uncountedTerminatedPods = UncountedTerminatedPods{};
        return job(t + 0.02);
    }

    Timeline build(Seconds end) {
        tl_.start = 0;
        tl_.end = end;
        auto byTime = [](const auto& a, const auto& b) { return a.time < b.time; };
        std::stable_sort(tl_.jobChanges.begin(), tl_.jobChanges.end(), byTime);
        std::stable_sort(tl_.podChanges.begin(), tl_.podChanges.end(), byTime);
        std::stable_sort(tl_.events.begin(), tl_.events.end(), byTime);
        return tl_;
    }

private:
    Builder& observe(Seconds t, uint32_t id) {
        tl_.podChanges.push_back({t, id, false, states_[id]});
        return *this;
    }

    Timeline tl_;
    JobSpec spec_;
    JobStatus status_;
    std::vector<PodState> states_;
};

JobCondition condition(const char* type, const char* reason, Seconds t) {
    JobCondition c;
    c.type = type;
    c.status = "True";
    c.reason = reason;
    c.lastTransitionTime = t;
    c.lastProbeTime = t;
    return c;
}

const std::string kQuotaMessage =
    "Error creating: pods \"demo-x\" is forbidden: exceeded quota: pods-2, requested: pods=1, "
    "used: pods=2, limited: pods=2";
const std::string kForbiddenMessage =
    "Error creating: pods \"demo-x\" is forbidden: User "
    "\"system:serviceaccount:kube-system:job-controller\" cannot create resource \"pods\" in "
    "API group \"\" in the namespace \"default\"";

// completions 4, parallelism 3, Pods of 10 s: the second wave has one completion left.
Timeline remainingCompletions() {
    Builder b(3, 4);
    b.job(0);
    std::vector<uint32_t> wave;
    for (int i = 0; i < 3; ++i)
        wave.push_back(b.create(0.01));
    b.status().startTime = 0.01;
    b.status().active = 3;
    b.job(0.02);
    for (uint32_t id : wave)
        b.run(0.2, id).finish(10, id, 0);
    // The controller counts them a second later and creates the last Pod.
    const uint32_t last = b.create(11);
    b.status().active = 0;
    b.countUncounted(11, wave, {});
    b.run(11.2, last);
    return b.build(20);
}

// The same Job seen through separate watches: the counters arrive before the Pods' finalizer
// removals, and no uncounted write is seen at all. No success may be counted twice.
Timeline remainingCountersFirst() {
    Builder b(3, 4);
    b.job(0);
    std::vector<uint32_t> wave;
    for (int i = 0; i < 3; ++i)
        wave.push_back(b.create(0.01));
    b.status().active = 3;
    b.job(0.02);
    for (uint32_t id : wave)
        b.run(0.2, id).finish(10, id, 0);
    const uint32_t last = b.create(11);
    b.status().active = 0;
    b.status().succeeded = 3;
    b.job(11);
    for (uint32_t id : wave)
        b.untrack(11.5, id);
    b.run(11.2, last);
    return b.build(20);
}

// Work queue: parallelism 3, no completions; the first Pod succeeds at 8, the others run on.
Timeline workQueue() {
    Builder b(3, std::nullopt);
    b.job(0);
    const uint32_t a = b.create(0.01), c = b.create(0.01), d = b.create(0.01);
    b.status().active = 3;
    b.job(0.02);
    b.run(0.2, a).run(0.2, c).run(0.2, d);
    b.finish(8, a, 0);
    b.countUncounted(9, {a}, {});
    b.finish(10, c, 0);
    b.countUncounted(11, {c}, {});
    b.finish(12, d, 0);
    return b.build(14);
}

// The controller creates the Pods 1.5 s after the Job appears (a slow, busy controller).
Timeline controllerLag() {
    Builder b(2, 2);
    b.job(0);
    const uint32_t a = b.create(1.5), c = b.create(1.5);
    b.status().active = 2;
    b.job(1.6);
    b.run(1.7, a).run(1.7, c);
    return b.build(10);
}

// A ResourceQuota of 2 Pods, parallelism 3: the third creation is refused every second.
Timeline quotaRefusal() {
    Builder b(3, 6);
    b.job(0);
    const uint32_t a = b.create(0.01), c = b.create(0.01);
    b.event(0.01, "Warning", "FailedCreate", kQuotaMessage);
    b.status().active = 2;
    b.job(0.02);
    b.run(0.2, a).run(0.2, c);
    b.event(1.02, "Warning", "FailedCreate", kQuotaMessage);
    b.event(2.03, "Warning", "FailedCreate", kQuotaMessage);
    return b.build(5);
}

// No permission to create Pods: every creation is forbidden.
Timeline creationForbidden() {
    Builder b(2, 2);
    b.job(0);
    b.event(0.01, "Warning", "FailedCreate", kForbiddenMessage);
    b.event(0.02, "Warning", "FailedCreate", kForbiddenMessage);
    b.status().startTime = 0.01;
    b.job(0.03);
    b.event(1.05, "Warning", "FailedCreate", kForbiddenMessage);
    return b.build(4);
}

// One Pod fails at 5; the controller counts the failure at 6 and waits the 10 s pod-failure
// backoff before it creates the replacement at 15.
Timeline failureBackoff() {
    Builder b(1, 1);
    b.job(0);
    const uint32_t a = b.create(0.01);
    b.status().active = 1;
    b.job(0.02);
    b.run(0.2, a).finish(5, a, 1);
    b.status().active = 0;
    b.countUncounted(6, {}, {a});
    const uint32_t r = b.create(15.0);
    b.run(15.2, r);
    return b.build(20);
}

// podReplacementPolicy Failed: a Pod deleted at 5 terminates for 3 s; its replacement waits
// until it has failed (8), so the terminating Pod holds the gap.
Timeline terminatingFailedPolicy() {
    Builder b(2, 4);
    b.spec().podReplacementPolicy = pod_replacement_policy::Failed;
    b.job(0);
    const uint32_t a = b.create(0.01), c = b.create(0.01);
    b.status().active = 2;
    b.job(0.02);
    b.run(0.2, a).run(0.2, c);
    b.terminate(5, a);
    b.status().active = 1;
    b.status().terminating = 1;
    b.job(5.1);
    b.finish(8, a, 143);
    b.gone(8.1, a);
    const uint32_t r = b.create(9);
    b.status().terminating = 0;
    b.countUncounted(9, {}, {a});
    b.run(9.2, r);
    return b.build(12);
}

// Default policy (TerminatingOrFailed): the same deletion; the gap is the controller's until it
// sees the Pod as failed, and the terminating Pod is a secondary cause.
Timeline terminatingDefaultPolicy() {
    Builder b(2, 4);
    b.job(0);
    const uint32_t a = b.create(0.01), c = b.create(0.01);
    b.status().active = 2;
    b.job(0.02);
    b.run(0.2, a).run(0.2, c);
    b.terminate(5, a);
    b.finish(8, a, 143);
    b.gone(8.1, a);
    return b.build(12);
}

// One node full: the second Pod stays Pending (Unschedulable).
Timeline pending() {
    Builder b(2, 2);
    b.job(0);
    const uint32_t a = b.create(0.01);
    b.create(0.01);
    b.status().active = 2;
    b.job(0.02);
    b.run(0.2, a);
    return b.build(20);
}

// Created suspended, resumed at 5.
Timeline suspended() {
    Builder b(2, 2);
    b.spec().suspend = true;
    b.job(0);
    b.status().conditions.push_back(condition(job_condition::Suspended, "JobSuspended", 0.01));
    b.job(0.01);
    b.spec().suspend = false;
    b.job(5);
    b.status().conditions.front().status = "False";
    b.status().conditions.front().reason = "JobResumed";
    b.status().startTime = 5.01;
    const uint32_t a = b.create(5.01), c = b.create(5.01);
    b.status().active = 2;
    b.job(5.02);
    b.run(5.2, a).run(5.2, c);
    return b.build(10);
}

// One Pod, succeeded at 10: its only completion is reached, so the Job is finishing from then
// on; the controller writes SuccessCriteriaMet with the uncounted Pod at 11 (one pass, as
// upstream) and Complete at 11.05, which then names the finish.
Timeline finished() {
    Builder b(1, 1);
    b.job(0);
    const uint32_t a = b.create(0.01);
    b.status().active = 1;
    b.job(0.02);
    b.run(0.2, a).finish(10, a, 0);
    b.status().active = 0;
    b.status().conditions.push_back(
        condition(job_condition::SuccessCriteriaMet, "CompletionsReached", 11));
    b.countUncounted(11, {a}, {});
    b.status().conditions.push_back(
        condition(job_condition::Complete, "CompletionsReached", 11.05));
    b.status().completionTime = 11.05;
    b.job(11.05);
    return b.build(15);
}

// Parallelism 3 lowered to 1 at 10; the controller deletes two Pods at 10.5, gone at 11.5.
Timeline scaledDown() {
    Builder b(3, 10);
    b.job(0);
    const uint32_t a = b.create(0.01), c = b.create(0.01), d = b.create(0.01);
    b.status().active = 3;
    b.job(0.02);
    b.run(0.2, a).run(0.2, c).run(0.2, d);
    b.spec().parallelism = 1;
    b.job(10);
    b.terminate(10.5, c).terminate(10.5, d);
    b.event(10.5, "Normal", "SuccessfulDelete", "Deleted pod: demo-1");
    b.event(10.5, "Normal", "SuccessfulDelete", "Deleted pod: demo-2");
    b.finish(11.5, c, 143).finish(11.5, d, 143);
    b.gone(11.6, c).gone(11.6, d);
    return b.build(15);
}

Timeline build(const QString& name) {
    static const std::map<QString, std::function<Timeline()>> builders = {
        {"remaining", remainingCompletions},
        {"remainingCountersFirst", remainingCountersFirst},
        {"workQueue", workQueue},
        {"controllerLag", controllerLag},
        {"quota", quotaRefusal},
        {"forbidden", creationForbidden},
        {"backoff", failureBackoff},
        {"terminatingFailed", terminatingFailedPolicy},
        {"terminatingDefault", terminatingDefaultPolicy},
        {"pending", pending},
        {"suspended", suspended},
        {"finished", finished},
        {"scaledDown", scaledDown},
    };
    return builders.at(name)();
}

const SeriesRow* rowAt(const Analysis& a, Seconds t) {
    const SeriesRow* found = nullptr;
    for (const auto& r : a.series)
        if (r.time <= t)
            found = &r;
    return found;
}

QStringList toList(const std::vector<InternedString>& ids) {
    QStringList out;
    for (const auto& id : ids)
        out << QString::fromStdString(id);
    return out;
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private slots:
    void causeAtTime_data();
    void causeAtTime();
    void causeInterval_data();
    void causeInterval();
    void seriesIsOneRowPerChange();
    void podLifecycles();
    void noSyncRecordNeeded();
};

void TestAnalysis::causeAtTime_data() {
    QTest::addColumn<QString>("timeline");
    QTest::addColumn<double>("at");
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("wantActive");
    QTest::addColumn<int>("active");
    QTest::addColumn<int>("running");
    QTest::addColumn<int>("pending");
    QTest::addColumn<int>("terminating");
    QTest::addColumn<QStringList>("causes");

    // Seed reason 1: fewer completions left than parallelism.
    QTest::newRow("remaining completions: last wave")
        << "remaining" << 12.5 << 3 << 1 << 1 << 1 << 0 << 0
        << QStringList{"remaining-completions"};
    // Between the Pods' end and the controller's count the success is visible; the target
    // drops at once and the missing Pod is the controller's lag.
    QTest::newRow("remaining completions: before the controller counts")
        << "remaining" << 10.5 << 3 << 1 << 0 << 0 << 0 << 0
        << QStringList{"remaining-completions", "controller-lag"};
    QTest::newRow("remaining completions: counters seen before the finalizer removals")
        << "remainingCountersFirst" << 11.1 << 3 << 1 << 1 << 0 << 1 << 0
        << QStringList{"remaining-completions", "pending"};
    QTest::newRow("remaining completions: first wave running")
        << "remaining" << 5.0 << 3 << 3 << 3 << 3 << 0 << 0 << QStringList{"none"};
    QTest::newRow("remaining completions: first wave pending")
        << "remaining" << 0.5 << 3 << 3 << 3 << 0 << 3 << 0 << QStringList{"pending"};
    // Seed reason 2: a work queue drains after its first success.
    QTest::newRow("work-queue draining: after the first success")
        << "workQueue" << 8.5 << 3 << 2 << 2 << 2 << 0 << 0 << QStringList{"work-queue-draining"};
    QTest::newRow("work-queue draining: after the second success")
        << "workQueue" << 11.5 << 3 << 1 << 1 << 1 << 0 << 0 << QStringList{"work-queue-draining"};
    // Seed reason 3: the controller has not created the Pods yet.
    QTest::newRow("controller lag: before the first creations")
        << "controllerLag" << 1.0 << 2 << 2 << 0 << 0 << 0 << 0 << QStringList{"controller-lag"};
    QTest::newRow("controller lag: caught up")
        << "controllerLag" << 3.0 << 2 << 2 << 2 << 2 << 0 << 0 << QStringList{"none"};
    // Seed reason 4: quota refusals.
    QTest::newRow("quota exceeded: while Pods pend")
        << "quota" << 0.1 << 3 << 3 << 2 << 0 << 2 << 0 << QStringList{"quota-exceeded", "pending"};
    QTest::newRow("quota exceeded: running")
        << "quota" << 3.0 << 3 << 3 << 2 << 2 << 0 << 0 << QStringList{"quota-exceeded"};
    QTest::newRow("creation forbidden")
        << "forbidden" << 2.0 << 2 << 2 << 0 << 0 << 0 << 0 << QStringList{"creation-forbidden"};
    // Seed reason 5: pod-failure backoff.
    QTest::newRow("failure backoff: waiting for the replacement")
        << "backoff" << 10.0 << 1 << 1 << 0 << 0 << 0 << 0 << QStringList{"failure-backoff"};
    QTest::newRow("failure backoff: before the controller counts the failure")
        << "backoff" << 5.5 << 1 << 1 << 0 << 0 << 0 << 0 << QStringList{"controller-lag"};
    QTest::newRow("failure backoff: replacement pending")
        << "backoff" << 15.1 << 1 << 1 << 1 << 0 << 1 << 0 << QStringList{"pending"};
    // Seed reason 6: terminating Pods hold replacements (podReplacementPolicy Failed).
    QTest::newRow("terminating: replacement policy Failed")
        << "terminatingFailed" << 6.0 << 2 << 2 << 1 << 1 << 0 << 1 << QStringList{"terminating"};
    QTest::newRow("terminating: replacement policy TerminatingOrFailed")
        << "terminatingDefault" << 6.0 << 2 << 2 << 1 << 1 << 0 << 1
        << QStringList{"controller-lag", "terminating"};
    QTest::newRow("pending: node full")
        << "pending" << 10.0 << 2 << 2 << 2 << 1 << 1 << 0 << QStringList{"pending"};
    QTest::newRow("suspended: before resume")
        << "suspended" << 3.0 << 2 << 0 << 0 << 0 << 0 << 0 << QStringList{"suspended"};
    QTest::newRow("suspended: after resume")
        << "suspended" << 7.0 << 2 << 2 << 2 << 2 << 0 << 0 << QStringList{"none"};
    QTest::newRow("finished: complete")
        << "finished" << 12.0 << 1 << 0 << 0 << 0 << 0 << 0 << QStringList{"finished"};
    QTest::newRow("scaled down: before the deletions")
        << "scaledDown" << 10.2 << 1 << 1 << 3 << 3 << 0 << 0 << QStringList{"scaled-down"};
    QTest::newRow("scaled down: surplus terminating")
        << "scaledDown" << 11.0 << 1 << 1 << 1 << 1 << 0 << 2 << QStringList{"terminating"};
    QTest::newRow("scaled down: settled")
        << "scaledDown" << 12.0 << 1 << 1 << 1 << 1 << 0 << 0 << QStringList{"none"};
}

void TestAnalysis::causeAtTime() {
    QFETCH(QString, timeline);
    QFETCH(double, at);
    const Analysis a = analyze(build(timeline));
    const SeriesRow* row = rowAt(a, at);
    QVERIFY(row);
    QFETCH(QStringList, causes);
    QFETCH(int, requested);
    QFETCH(int, wantActive);
    QFETCH(int, active);
    QFETCH(int, running);
    QFETCH(int, pending);
    QFETCH(int, terminating);
    QCOMPARE(toList(row->causes), causes);
    QCOMPARE(row->requested, requested);
    QCOMPARE(row->wantActive, wantActive);
    QCOMPARE(row->active, active);
    QCOMPARE(row->running, running);
    QCOMPARE(row->pending, pending);
    QCOMPARE(row->terminating, terminating);
}

void TestAnalysis::causeInterval_data() {
    QTest::addColumn<QString>("timeline");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<bool>("primary");
    QTest::addColumn<QString>("paramKey");
    QTest::addColumn<double>("paramValue");
    QTest::addColumn<QString>("explanation");

    QTest::newRow("remaining completions")
        << "remaining"
        << "remaining-completions" << 10.0 << 20.0 << true << "remaining" << 1.0
        << "only 1 completion remains of 4, fewer than parallelism 3";
    QTest::newRow("work-queue draining")
        << "workQueue"
        << "work-queue-draining" << 8.0 << 14.0 << true << "active" << 2.0
        << "a Pod succeeded, so no new Pods start; waiting for 2 active Pods to finish";
    QTest::newRow("controller lag") << "controllerLag"
                                    << "controller-lag" << 0.0 << 1.5 << true << "missing" << 2.0
                                    << "2 wanted Pods not yet created or seen by the controller";
    QTest::newRow("quota exceeded") << "quota"
                                    << "quota-exceeded" << 0.01 << 5.0 << true << "refused" << 1.0
                                    << "quota allows 2 Pods; 1 creation refused";
    QTest::newRow("creation forbidden") << "forbidden"
                                        << "creation-forbidden" << 0.01 << 4.0 << true << "refused"
                                        << 1.0 << "1 Pod creation forbidden by the API server";
    // The failure at 5 is counted at 6: a 10 s backoff from 5, due at 15.
    QTest::newRow("failure backoff")
        << "backoff"
        << "failure-backoff" << 6.0 << 15.0 << true << "delay" << 10.0
        << "1 failure since the last success; replacements wait 10 s, until 15 s";
    QTest::newRow("terminating, replacement policy Failed")
        << "terminatingFailed"
        << "terminating" << 5.0 << 8.0 << true << "terminating" << 1.0 << "1 Pod terminating";
    QTest::newRow("pending") << "pending"
                             << "pending" << 0.01 << 20.0 << true << "pending" << 2.0
                             << "2 Pods pending, not running yet";
    QTest::newRow("suspended") << "suspended"
                               << "suspended" << 0.0 << 5.0 << true << "requested" << 2.0
                               << "the Job is suspended; parallelism 2 waits for resume";
    QTest::newRow("finished") << "finished"
                              << "finished" << 10.0 << 15.0 << true << "" << 0.0
                              << "the Job has reached its end; the controller is finishing it";
    QTest::newRow("scaled down") << "scaledDown"
                                 << "scaled-down" << 10.0 << 10.5 << true << "surplus" << 2.0
                                 << "2 Pods above the target of 1 being removed";
}

void TestAnalysis::causeInterval() {
    QFETCH(QString, timeline);
    QFETCH(QString, cause);
    QFETCH(double, start);
    const Analysis a = analyze(build(timeline));
    const CauseInterval* found = nullptr;
    for (const auto& ci : a.causes)
        if (ci.cause == cause.toStdString() && std::abs(ci.start - start) < 1e-9) {
            found = &ci;
            break;
        }
    if (!found) {
        QStringList seen;
        for (const auto& ci : a.causes)
            seen << QString("%1@%2").arg(QString::fromStdString(ci.cause)).arg(ci.start);
        QFAIL(qPrintable("no interval; have " + seen.join(", ")));
    }
    QFETCH(double, end);
    QFETCH(bool, primary);
    QFETCH(QString, paramKey);
    QFETCH(double, paramValue);
    QFETCH(QString, explanation);
    // `end` is where the cause's episode ends: the interval and those that continue it.
    Seconds episodeEnd = found->end;
    for (const CauseInterval* next = found + 1; next != a.causes.data() + a.causes.size(); ++next)
        if (next->kind == found->kind && next->continues && next->start <= episodeEnd + 1e-9)
            episodeEnd = next->end;
    QCOMPARE(episodeEnd, end);
    QCOMPARE(found->primary, primary);
    if (!paramKey.isEmpty()) {
        const auto value = found->param(paramKey.toStdString());
        QVERIFY(value);
        QCOMPARE(*value, paramValue);
    }
    QCOMPARE(QString::fromStdString(causeSentence(*found)), explanation);
}

void TestAnalysis::seriesIsOneRowPerChange() {
    const Analysis a = analyze(build("remaining"));
    QVERIFY(!a.series.empty());
    for (size_t i = 1; i < a.series.size(); ++i) {
        const SeriesRow& p = a.series[i - 1];
        const SeriesRow& r = a.series[i];
        QVERIFY(p.time < r.time);
        const bool same = p.requested == r.requested && p.wantActive == r.wantActive &&
                          p.active == r.active && p.ready == r.ready && p.running == r.running &&
                          p.pending == r.pending && p.terminating == r.terminating &&
                          p.succeeded == r.succeeded && p.failed == r.failed &&
                          p.causes == r.causes;
        QVERIFY2(!same, qPrintable(QString("row %1 repeats the previous one").arg(i)));
    }
    // The counters follow the Job status.
    QCOMPARE(rowAt(a, 11.5)->succeeded, 3);
    QCOMPARE(rowAt(a, 10.5)->succeeded, 0);
    // Every interval lies within the timeline and causes of one kind do not overlap.
    for (const auto& ci : a.causes) {
        QVERIFY(ci.start < ci.end);
        QVERIFY(ci.end <= 20.0);
    }
}

void TestAnalysis::podLifecycles() {
    const Analysis a = analyze(build("terminatingFailed"));
    QCOMPARE(a.pods.size(), size_t(3));
    const PodLifecycle& p = a.pods[0];
    QCOMPARE(p.name, std::string("demo-0"));
    QCOMPARE(p.node, std::string("node-1"));
    QCOMPARE(p.created, 0.01);
    QCOMPARE(p.scheduled, std::optional<Seconds>(0.2));
    QCOMPARE(p.started, std::optional<Seconds>(1.2));
    QCOMPARE(p.terminating, std::optional<Seconds>(5.0));
    QCOMPARE(p.finished, std::optional<Seconds>(8.0));
    QCOMPARE(p.deleted, std::optional<Seconds>(8.1));
    QCOMPARE(p.phase, std::string(pod_phase::Failed));
    QCOMPARE(p.exitCode, std::optional<int32_t>(143));
    QVERIFY(!a.pods[1].finished);
    QCOMPARE(a.pods[1].phase, std::string(pod_phase::Running));
    QCOMPARE(a.pods[2].created, 9.0);
    QVERIFY(!a.pods[2].exitCode);
}

// The simulator's own record of its syncs is not an input: filling it with nonsense changes
// nothing.
void TestAnalysis::noSyncRecordNeeded() {
    Timeline tl = build("backoff");
    const Analysis clean = analyze(tl);
    tl.syncs.push_back({3.0, 42, {"scaled-down"}, 7, 7});
    const Analysis noisy = analyze(tl);
    QCOMPARE(noisy.series.size(), clean.series.size());
    for (size_t i = 0; i < clean.series.size(); ++i) {
        QCOMPARE(noisy.series[i].wantActive, clean.series[i].wantActive);
        QCOMPARE(noisy.series[i].causes, clean.series[i].causes);
    }
}

QTEST_APPLESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
