// SPDX-License-Identifier: GPL-3.0-or-later
// Sanity cases for syncJob (reconcile/sync.h) written while developing the port; the ported
// upstream tables live in tst_sync_*.cpp. Each row checks one pass end to end: API calls,
// status, expectations, requeue, events and the explanation.

#include "reconcile/explanation.h"
#include "reconcile/sync.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace jobscope;

namespace {

constexpr Seconds kT = 10'000.0;

Job makeJob(std::optional<int32_t> parallelism, std::optional<int32_t> completions,
            int32_t backoffLimit = 6) {
    Job j;
    j.metadata.name = "smoke";
    j.metadata.namespace_ = "default";
    j.metadata.uid = "job-uid";
    j.spec.parallelism = parallelism;
    j.spec.completions = completions;
    j.spec.backoffLimit = backoffLimit;
    j.spec.templ.restartPolicy = restart_policy::Never;
    return j;
}

Pod makePod(const std::string& name, const std::string& phase, bool finalizer = true) {
    Pod p;
    p.metadata.name = name;
    p.metadata.namespace_ = "default";
    p.metadata.uid = "uid-" + name;
    p.metadata.creationTimestamp = kT - 100;
    p.phase = phase;
    if (finalizer)
        p.metadata.finalizers.push_back(kJobTrackingFinalizer);
    if (phase == pod_phase::Running)
        p.nodeName = "node-1";
    return p;
}

Pod finishedPod(const std::string& name, const std::string& phase, Seconds finishedAt,
                int32_t exitCode) {
    Pod p = makePod(name, phase);
    ContainerStatus cs;
    cs.name = "main";
    cs.terminated = ContainerStateTerminated{exitCode, {}, std::nullopt, finishedAt};
    p.containerStatuses.push_back(cs);
    return p;
}

Pod indexedPod(const std::string& name, const std::string& phase, int index) {
    Pod p = makePod(name, phase);
    p.metadata.annotations[kJobCompletionIndexAnnotation] = std::to_string(index);
    return p;
}

QString joined(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v)
        out << QString::fromStdString(s);
    return out.join(',');
}

QString conditionTypes(const JobStatus& s) {
    QStringList out;
    for (const auto& c : s.conditions)
        out << QString::fromStdString(c.type + "=" + c.status + "/" + c.reason);
    return out.join(';');
}

QString eventReasons(const SyncResult& r) {
    QStringList out;
    for (const auto& e : r.events)
        out << QString::fromStdString(e.reason);
    out.removeDuplicates();
    return out.join(',');
}

struct SmokeCase {
    SyncInput input;
    std::function<void(const SyncResult&)> check;
};

} // namespace

Q_DECLARE_METATYPE(SmokeCase)

class TestSyncSmoke : public QObject {
    Q_OBJECT

private slots:
    void sync_data();
    void sync();
};

void TestSyncSmoke::sync_data() {
    QTest::addColumn<SmokeCase>("tc");

    {
        SmokeCase c;
        c.input.job = makeJob(2, 5);
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.creationCount(), 2);
            QCOMPARE(r.status.active, 2);
            QCOMPARE(r.status.startTime.value_or(-1), kT);
            QCOMPARE(r.expectations.creations, 2);
            QCOMPARE(r.expectations.setAt.value_or(-1), kT);
            QCOMPARE(QString::fromStdString(r.creations[0].generateName), QString("smoke-"));
            QCOMPARE(eventReasons(r), QString("SuccessfulCreate"));
            QCOMPARE(r.explanation.requested, 2);
            QCOMPARE(r.explanation.wantActive, 2);
            QCOMPARE(joined(r.explanation.causes), QString("controller-lag"));
            QVERIFY(!r.error);
        };
        QTest::newRow("fresh job creates parallelism pods") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(5, 10);
        c.input.now = kT;
        c.input.apiErrors.create = ApiError::Quota;
        c.check = [](const SyncResult& r) {
            // Slow start: the first batch of one fails, the other four are skipped.
            QCOMPARE(r.creationCount(), 1);
            QVERIFY(!r.creations[0].accepted);
            QCOMPARE(r.status.active, 0);
            QCOMPARE(r.expectations.creations, 0);
            QVERIFY(r.error && r.error->find("exceeded quota") != std::string::npos);
            QCOMPARE(eventReasons(r), QString("FailedCreate"));
            QCOMPARE(joined(r.explanation.causes), QString("quota-exceeded"));
        };
        QTest::newRow("quota refuses the first slow-start batch") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(10, 20);
        c.input.now = kT;
        c.input.apiErrors.createLimit = 3;
        c.check = [](const SyncResult& r) {
            // Batches 1, 2 succeed; the batch of 4 fails entirely, the last 3 are skipped.
            QCOMPARE(r.creationCount(), 7);
            QCOMPARE(r.status.active, 3);
            QCOMPARE(r.expectations.creations, 3);
            QVERIFY(r.error.has_value());
        };
        QTest::newRow("slow start stops after a failing batch") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(5, 10);
        c.input.now = kT;
        c.input.apiErrors.create = ApiError::NamespaceTerminating;
        c.check = [](const SyncResult& r) {
            // Swallowed: every create is tried, none counts as a failure.
            QCOMPARE(r.creationCount(), 5);
            QCOMPARE(r.status.active, 5);
            QVERIFY(!r.error);
            QCOMPARE(eventReasons(r), QString());
        };
        QTest::newRow("namespace terminating creates are swallowed") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(1, 2);
        c.input.job.status.startTime = kT - 50;
        c.input.pods.push_back(finishedPod("a", pod_phase::Failed, kT - 2, 1));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.creationCount(), 0);
            QCOMPARE(r.status.failed, 1);
            QVERIFY(r.requeueAfter.has_value());
            QCOMPARE(*r.requeueAfter, 8.0);
            QCOMPARE(r.backoff.failuresAfterLastSuccess, 1);
            QCOMPARE(joined(r.finalizerRemovals), QString("a"));
            QCOMPARE(joined(r.explanation.causes), QString("failure-backoff"));
        };
        QTest::newRow("pod failure backoff delays the replacement") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(1, 1);
        c.input.job.status.startTime = kT - 50;
        c.input.pods.push_back(finishedPod("a", pod_phase::Succeeded, kT - 2, 0));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.status.succeeded, 1);
            QCOMPARE(conditionTypes(r.status), QString("SuccessCriteriaMet=True/CompletionsReached;"
                                                       "Complete=True/CompletionsReached"));
            QCOMPARE(r.status.completionTime.value_or(-1), kT);
            QVERIFY(r.status.uncountedTerminatedPods && r.status.uncountedTerminatedPods->empty());
            QCOMPARE(eventReasons(r), QString("Completed"));
            QCOMPARE(joined(r.explanation.causes), QString("finished"));
        };
        QTest::newRow("completions reached completes in one pass") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 5, 0);
        c.input.job.status.startTime = kT - 50;
        c.input.pods.push_back(finishedPod("a", pod_phase::Failed, kT - 2, 1));
        c.input.pods.push_back(makePod("b", pod_phase::Running));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(joined(r.deletedPods), QString("b"));
            QCOMPARE(r.status.active, 0);
            QCOMPARE(r.status.terminating.value_or(-1), 1);
            QCOMPARE(r.status.failed, 2); // the running Pod counts as failed too
            QCOMPARE(conditionTypes(r.status), QString("FailureTarget=True/BackoffLimitExceeded"));
            QCOMPARE(joined(r.explanation.causes), QString("finished,terminating"));
        };
        QTest::newRow("backoff limit exceeded waits for terminating pods") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 5);
        c.input.job.spec.suspend = true;
        c.input.job.status.startTime = kT - 50;
        c.input.job.status.active = 2;
        c.input.pods.push_back(makePod("a", pod_phase::Running));
        c.input.pods.push_back(makePod("b", pod_phase::Pending));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.deletionCount(), 2);
            QCOMPARE(r.deletedPods.front(), std::string("b")); // pending before running
            QCOMPARE(r.expectations.deletions, 2);
            QCOMPARE(r.status.active, 0);
            QCOMPARE(conditionTypes(r.status), QString("Suspended=True/JobSuspended"));
            QVERIFY(eventReasons(r).contains("Suspended"));
            QCOMPARE(r.status.failed, 0); // finalizers removed before DELETE: not counted
            QCOMPARE(joined(r.explanation.causes), QString("suspended,terminating"));
        };
        QTest::newRow("suspending deletes active pods") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(3, 5);
        c.input.job.status.startTime = kT - 50;
        c.input.expectations.creations = 2;
        c.input.expectations.setAt = kT - 5;
        c.input.pods.push_back(makePod("a", pod_phase::Running));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.creationCount(), 0);
            QCOMPARE(r.status.active, 1);
            QCOMPARE(r.expectations.creations, 2);
            QCOMPARE(joined(r.explanation.causes), QString("controller-lag"));
        };
        QTest::newRow("unsatisfied expectations hold the controller") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(3, 5);
        c.input.job.status.startTime = kT - 500;
        c.input.expectations.creations = 2;
        c.input.expectations.setAt = kT - 301;
        c.input.now = kT;
        c.check = [](const SyncResult& r) { QCOMPARE(r.creationCount(), 3); };
        QTest::newRow("expectations expire after five minutes") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 4);
        c.input.job.spec.completionMode = completion_mode::Indexed;
        c.input.job.status.startTime = kT - 50;
        c.input.job.status.completedIndexes = "0";
        c.input.job.status.succeeded = 1;
        c.input.pods.push_back(indexedPod("p2", pod_phase::Running, 2));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.createdIndexes(), std::vector<int>{1});
            QCOMPARE(QString::fromStdString(r.creations[0].generateName), QString("smoke-1-"));
            QCOMPARE(r.status.active, 2);
        };
        QTest::newRow("indexed job creates the lowest pending index") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 4);
        c.input.job.spec.activeDeadlineSeconds = 100;
        c.input.job.status.startTime = kT - 30;
        c.input.pods.push_back(makePod("a", pod_phase::Running));
        c.input.pods.push_back(makePod("b", pod_phase::Running));
        c.input.job.status.active = 2;
        c.input.job.status.ready = 0;
        c.input.job.status.terminating = 0;
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.requeueAfter.value_or(-1), 70.0);
            QVERIFY(!r.statusUpdated);
            QCOMPARE(joined(r.explanation.causes), QString("none"));
        };
        QTest::newRow("active deadline requeues at the deadline") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 4);
        c.input.job.spec.activeDeadlineSeconds = 100;
        c.input.job.status.startTime = kT - 100;
        c.input.pods.push_back(makePod("a", pod_phase::Running));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(conditionTypes(r.status), QString("FailureTarget=True/DeadlineExceeded"));
            QCOMPARE(r.deletionCount(), 1);
        };
        QTest::newRow("active deadline reached fails the job") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(3, std::nullopt);
        c.input.job.status.startTime = kT - 50;
        c.input.pods.push_back(finishedPod("a", pod_phase::Succeeded, kT - 3, 0));
        c.input.pods.push_back(makePod("b", pod_phase::Running));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.creationCount(), 0);
            QCOMPARE(r.deletionCount(), 0);
            QCOMPARE(r.explanation.wantActive, 1);
            QCOMPARE(joined(r.explanation.causes), QString("work-queue-draining"));
        };
        QTest::newRow("work queue drains after the first success") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(1, 5);
        c.input.job.status.startTime = kT - 50;
        c.input.job.status.active = 3;
        for (const char* n : {"a", "b", "c"})
            c.input.pods.push_back(makePod(n, pod_phase::Running));
        c.input.pods[1].metadata.creationTimestamp = kT - 10; // newest goes first
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.deletionCount(), 2);
            QCOMPARE(r.deletedPods.front(), std::string("b"));
            QCOMPARE(r.status.active, 1);
            QCOMPARE(joined(r.explanation.causes), QString("scaled-down"));
        };
        QTest::newRow("scale down deletes the newest pods") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 4);
        c.input.job.spec.completionMode = completion_mode::Indexed;
        c.input.job.spec.backoffLimitPerIndex = 1;
        c.input.job.status.startTime = kT - 50;
        Pod failed = finishedPod("p0", pod_phase::Failed, kT - 3, 1);
        failed.metadata.annotations[kJobCompletionIndexAnnotation] = "0";
        failed.metadata.annotations[kJobIndexFailureCountAnnotation] = "0";
        c.input.pods.push_back(failed);
        c.input.pods.push_back(indexedPod("p1", pod_phase::Running, 1));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            // The failed Pod keeps its finalizer until index 0 is recreated, 10 s after it
            // finished.
            QCOMPARE(r.creationCount(), 0);
            QVERIFY(r.finalizerRemovals.empty());
            QCOMPARE(r.requeueAfter.value_or(-1), 7.0);
            QCOMPARE(r.status.failed, 0);
            QCOMPARE(QString::fromStdString(r.status.failedIndexes.value_or("nil")), QString(""));
            QCOMPARE(joined(r.explanation.causes), QString("failure-backoff"));
        };
        QTest::newRow("per-index backoff delays the replacement of an index") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 4);
        c.input.job.spec.completionMode = completion_mode::Indexed;
        c.input.job.spec.backoffLimitPerIndex = 1;
        c.input.job.status.startTime = kT - 50;
        Pod failed = finishedPod("p0", pod_phase::Failed, kT - 30, 1);
        failed.metadata.annotations[kJobCompletionIndexAnnotation] = "0";
        failed.metadata.annotations[kJobIndexFailureCountAnnotation] = "0";
        c.input.pods.push_back(failed);
        c.input.pods.push_back(indexedPod("p1", pod_phase::Running, 1));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.createdIndexes(), std::vector<int>{0});
            QCOMPARE(r.creations[0].indexFailureCount.value_or(-1), 1);
            QVERIFY(!r.creations[0].indexIgnoredFailureCount);
        };
        QTest::newRow("per-index replacement carries the failure count") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 4);
        c.input.job.spec.podReplacementPolicy = pod_replacement_policy::Failed;
        c.input.job.status.startTime = kT - 50;
        c.input.pods.push_back(makePod("a", pod_phase::Running));
        Pod t = makePod("b", pod_phase::Running);
        t.metadata.deletionTimestamp = kT - 1;
        c.input.pods.push_back(t);
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.creationCount(), 0);
            QCOMPARE(r.status.terminating.value_or(-1), 1);
            QCOMPARE(r.status.failed, 0);
            QCOMPARE(joined(r.explanation.causes), QString("terminating"));
        };
        QTest::newRow("terminating pods hold the budget with policy Failed") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 4);
        c.input.job.status.startTime = kT - 50;
        c.input.pods.push_back(makePod("a", pod_phase::Running));
        Pod t = makePod("b", pod_phase::Running);
        t.metadata.deletionTimestamp = kT - 1;
        c.input.pods.push_back(t);
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            // TerminatingOrFailed: the terminating Pod counts as failed at once, so its
            // replacement waits only for the pod-failure backoff (10 s from the deletion).
            QCOMPARE(r.creationCount(), 0);
            QCOMPARE(r.status.failed, 1);
            QCOMPARE(r.requeueAfter.value_or(-1), 9.0);
            QCOMPARE(joined(r.explanation.causes), QString("failure-backoff,terminating"));
        };
        QTest::newRow("terminating pods count as failed by default") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 4);
        c.input.job.status.startTime = kT - 50;
        c.input.job.status.active = 2;
        c.input.job.status.ready = 0;
        c.input.job.status.terminating = 0;
        c.input.pods.push_back(makePod("a", pod_phase::Pending));
        c.input.pods.push_back(makePod("b", pod_phase::Pending));
        c.input.now = kT;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.creationCount(), 0);
            QVERIFY(!r.statusUpdated);
            QCOMPARE(joined(r.explanation.causes), QString("pending"));
        };
        QTest::newRow("pending pods count as active but do not run") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(3, 4);
        c.input.now = kT;
        c.input.apiErrors.create = ApiError::Forbidden;
        c.check = [](const SyncResult& r) {
            QCOMPARE(r.creationCount(), 1);
            QVERIFY(r.error && r.error->find("is forbidden") != std::string::npos);
            QCOMPARE(joined(r.explanation.causes), QString("creation-forbidden"));
        };
        QTest::newRow("forbidden creation") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(1, 1);
        c.input.job.spec.managedBy = "example.com/other";
        c.check = [](const SyncResult& r) {
            QVERIFY(!r.synced);
            QCOMPARE(r.creationCount(), 0);
        };
        QTest::newRow("job managed by another controller is skipped") << c;
    }
    {
        SmokeCase c;
        c.input.job = makeJob(2, 4);
        c.input.now = kT;
        c.input.apiErrors.statusUpdate = ApiError::Error;
        c.check = [](const SyncResult& r) {
            QVERIFY(!r.statusUpdated);
            QVERIFY(r.error && r.error->rfind("tracking status: ", 0) == 0);
            QCOMPARE(r.creationCount(), 2);
        };
        QTest::newRow("failed status update is the sync's error") << c;
    }
}

void TestSyncSmoke::sync() {
    QFETCH(SmokeCase, tc);
    const SyncResult r = syncJob(tc.input);
    tc.check(r);
    // Every Pod the answer names is also handed back as the request's own object, in order.
    const auto sameObjects = [&tc](const std::vector<std::string>& names,
                                   const std::vector<const Pod*>& objects) {
        QCOMPARE(objects.size(), names.size());
        for (std::size_t i = 0; i < names.size(); ++i) {
            const Pod* object = objects[i];
            QVERIFY(std::any_of(tc.input.pods.begin(), tc.input.pods.end(),
                                [object](const Pod& pod) { return &pod == object; }));
            QCOMPARE(object->metadata.name, names[i]);
        }
    };
    sameObjects(r.deletedPods, r.deletedPodObjects);
    sameObjects(r.finalizerRemovals, r.finalizerRemovalObjects);
}

QTEST_APPLESS_MAIN(TestSyncSmoke)
#include "tst_sync_smoke.moc"
