// SPDX-License-Identifier: GPL-3.0-or-later
// Ports of upstream's backoff tests that one syncJob call can express (kubernetes/kubernetes
// pkg/controller/job/job_controller_test.go): TestJobBackoffForOnFailure,
// TestJobBackoffOnRestartPolicyNever, TestJobApiBackoffReset and TestSyncJobUpdateRequeue,
// plus the pod-failure backoff record and requeue delay behind TestControllerSyncJob's
// back-off rows.
//
// The work queue is not part of SyncInput/SyncResult: "the key is requeued with the API
// backoff" is "syncJob returned an error", and queue.AddAfter is SyncResult::requeueAfter.
// TestJobBackoffForOnFailure's rows that force the JobPodReplacementPolicy / JobManagedBy gates
// off expect master's behaviour (both GA) in testJobBackoffForOnFailure(): FailureTarget first,
// Failed / Complete only once no Pod is terminating, and SuccessCriteriaMet before Complete.
// testJobBackoffForOnFailureWithUpstreamGates() runs them with the two gates as upstream sets
// them and expects upstream's own conditions.

#include "reconcile/sync.h"
#include "support/sync_fixtures.h"

#include <QtTest>

#include <optional>
#include <string>
#include <vector>

using namespace jobscope;
using namespace jobscope::test;

namespace {

const char* const kBackoffMsg = "Job has reached the specified backoff limit";
const char* const kCompletionsMsg = "Reached expected number of succeeded pods";

JobCondition cond(const char* type, const char* reason, const char* message) {
    return jobCondition(type, "True", reason, message);
}
std::vector<JobCondition> failureTargetOnly() {
    return {cond(job_condition::FailureTarget, job_reason::BackoffLimitExceeded, kBackoffMsg)};
}
std::vector<JobCondition> failedByBackoffLimit() {
    return {cond(job_condition::FailureTarget, job_reason::BackoffLimitExceeded, kBackoffMsg),
            cond(job_condition::Failed, job_reason::BackoffLimitExceeded, kBackoffMsg)};
}
std::vector<JobCondition> failedOnly() {
    return {cond(job_condition::Failed, job_reason::BackoffLimitExceeded, kBackoffMsg)};
}
std::vector<JobCondition> completeOnly() {
    return {cond(job_condition::Complete, job_reason::CompletionsReached, kCompletionsMsg)};
}
std::vector<JobCondition> completedByCompletions() {
    return {
        cond(job_condition::SuccessCriteriaMet, job_reason::CompletionsReached, kCompletionsMsg),
        cond(job_condition::Complete, job_reason::CompletionsReached, kCompletionsMsg)};
}

struct OnFailureCase {
    // job setup
    int32_t parallelism = 0;
    int32_t completions = 0;
    int32_t backoffLimit = 0;
    bool suspend = false;
    // pod setup
    std::vector<int32_t> restartCounts;
    std::string podPhase;
    // expectations
    int32_t expectedActive = 0;
    int32_t expectedSucceeded = 0;
    int32_t expectedFailed = 0;
    std::vector<JobCondition> expectedConditions;
    // features, as upstream sets them for the row
    bool enableJobManagedBy = false;
    bool enableJobPodReplacementPolicy = false;
    // upstream's conditions where they differ from master's
    std::optional<std::vector<JobCondition>> upstreamConditions;
};

struct RestartPolicyNeverCase {
    // job setup
    int32_t parallelism = 0;
    int32_t completions = 0;
    int32_t backoffLimit = 0;
    // pod setup
    std::string activePodsPhase;
    int activePods = 0;
    int failedPods = 0;
    // expectations
    int32_t expectedActive = 0;
    int32_t expectedSucceeded = 0;
    int32_t expectedFailed = 0;
    std::vector<JobCondition> expectedConditions;
};

} // namespace

Q_DECLARE_METATYPE(OnFailureCase)
Q_DECLARE_METATYPE(RestartPolicyNeverCase)

class TestSyncBackoff : public QObject {
    Q_OBJECT

private slots:
    void testJobBackoffForOnFailure_data();
    void testJobBackoffForOnFailure() { runJobBackoffForOnFailure(false); }
    void testJobBackoffForOnFailureWithUpstreamGates_data() { testJobBackoffForOnFailure_data(); }
    void testJobBackoffForOnFailureWithUpstreamGates() { runJobBackoffForOnFailure(true); }
    void testJobBackoffOnRestartPolicyNever_data();
    void testJobBackoffOnRestartPolicyNever();
    void testJobApiBackoffReset_data();
    void testJobApiBackoffReset();
    void testSyncJobUpdateRequeue_data();
    void testSyncJobUpdateRequeue();
    void podFailureBackoffRecordAndRequeue_data();
    void podFailureBackoffRecordAndRequeue();

private:
    static void runJobBackoffForOnFailure(bool upstreamGates);
};

void TestSyncBackoff::testJobBackoffForOnFailure_data() {
    QTest::addColumn<OnFailureCase>("tc");
    auto add = [](const char* name, const OnFailureCase& c) { QTest::newRow(name) << c; };

    // OnFailure: container restarts in Running / Pending Pods count towards backoffLimit.
    auto base = [](int32_t p, int32_t c, int32_t limit, bool suspend, std::vector<int32_t> restarts,
                   const std::string& phase) {
        OnFailureCase tc;
        tc.parallelism = p;
        tc.completions = c;
        tc.backoffLimit = limit;
        tc.suspend = suspend;
        tc.restartCounts = std::move(restarts);
        tc.podPhase = phase;
        return tc;
    };
    {
        OnFailureCase c = base(1, 1, 0, false, {0}, pod_phase::Running);
        c.expectedActive = 1;
        add("backoffLimit 0 should have 1 pod active", c);
    }
    {
        OnFailureCase c = base(1, 1, 1, false, {0}, pod_phase::Running);
        c.expectedActive = 1;
        add("backoffLimit 1 with restartCount 0 should have 1 pod active", c);
    }
    {
        OnFailureCase c = base(1, 1, 1, false, {1}, pod_phase::Running);
        c.expectedActive = 0;
        c.expectedFailed = 1;
        // master: FailureTarget only; the deleted Pod is terminating (gates off upstream:
        // Failed).
        c.expectedConditions = failureTargetOnly();
        c.upstreamConditions = failedOnly();
        add("backoffLimit 1 with restartCount 1 and podRunning should have 0 pod active", c);
    }
    {
        OnFailureCase c = base(1, 1, 1, false, {1}, pod_phase::Pending);
        c.expectedActive = 0;
        c.expectedFailed = 1;
        c.expectedConditions = failureTargetOnly(); // master: see above
        c.upstreamConditions = failedOnly();
        add("backoffLimit 1 with restartCount 1 and podPending should have 0 pod active", c);
    }
    {
        OnFailureCase c = base(1, 5, 2, false, {2}, pod_phase::Running);
        c.expectedFailed = 1;
        c.expectedConditions = failureTargetOnly(); // master: see above
        c.upstreamConditions = failedOnly();
        add("too many job failures with podRunning - single pod", c);
    }
    {
        OnFailureCase c = base(1, 5, 2, false, {2}, pod_phase::Pending);
        c.expectedFailed = 1;
        c.expectedConditions = failureTargetOnly(); // master: see above
        c.upstreamConditions = failedOnly();
        add("too many job failures with podPending - single pod", c);
    }
    {
        OnFailureCase c = base(2, 5, 2, false, {1, 1}, pod_phase::Running);
        c.expectedFailed = 2;
        c.expectedConditions = failureTargetOnly(); // master: see above
        c.upstreamConditions = failedOnly();
        add("too many job failures with podRunning - multiple pods", c);
    }
    {
        OnFailureCase c = base(2, 5, 2, false, {1, 1}, pod_phase::Pending);
        c.expectedFailed = 2;
        c.expectedConditions = failureTargetOnly(); // master: see above
        c.upstreamConditions = failedOnly();
        add("too many job failures with podPending - multiple pods", c);
    }
    {
        OnFailureCase c = base(2, 5, 3, false, {1, 1}, pod_phase::Running);
        c.expectedActive = 2;
        add("not enough failures", c);
    }
    {
        OnFailureCase c = base(2, 4, 6, true, {1, 1}, pod_phase::Running);
        c.expectedConditions = {jobCondition(job_condition::Suspended, "True",
                                             job_reason::JobSuspended, "Job suspended")};
        add("suspending a job", c);
    }
    {
        OnFailureCase c = base(2, 4, 6, true, {1, 1, 2, 0}, pod_phase::Succeeded);
        c.expectedSucceeded = 4;
        // master: SuccessCriteriaMet before Complete (gates off upstream: Complete alone).
        c.expectedConditions = completedByCompletions();
        c.upstreamConditions = completeOnly();
        add("finished job", c);
    }
    {
        OnFailureCase c = base(2, 4, 6, true, {1, 1, 2, 0}, pod_phase::Succeeded);
        c.expectedSucceeded = 4;
        c.expectedConditions = completedByCompletions();
        c.enableJobPodReplacementPolicy = true;
        add("finished job; JobPodReplacementPolicy enabled", c);
    }
    {
        OnFailureCase c = base(2, 4, 6, true, {1, 1, 2, 0}, pod_phase::Succeeded);
        c.expectedSucceeded = 4;
        c.expectedConditions = completedByCompletions();
        c.enableJobManagedBy = true;
        add("finished job; JobManagedBy enabled", c);
    }
    {
        OnFailureCase c = base(2, 5, 2, false, {1, 1}, pod_phase::Running);
        c.expectedFailed = 2;
        c.expectedConditions = failureTargetOnly();
        c.enableJobPodReplacementPolicy = true;
        add("too many job failures with podRunning - multiple pods; JobPodReplacementPolicy "
            "enabled",
            c);
    }
    {
        OnFailureCase c = base(2, 5, 2, false, {1, 1}, pod_phase::Running);
        c.expectedFailed = 2;
        c.expectedConditions = failureTargetOnly();
        c.enableJobManagedBy = true;
        add("too many job failures with podRunning - multiple pods; JobManagedBy enabled", c);
    }
}

void TestSyncBackoff::runJobBackoffForOnFailure(bool upstreamGates) {
    QFETCH(OnFailureCase, tc);
    if (upstreamGates && tc.upstreamConditions)
        tc.expectedConditions = *tc.upstreamConditions;

    Job job = newJob(tc.parallelism, tc.completions, tc.backoffLimit, completion_mode::NonIndexed);
    job.spec.templ.restartPolicy = restart_policy::OnFailure;
    job.spec.suspend = tc.suspend;
    std::vector<Pod> pods = newPodList(static_cast<int>(tc.restartCounts.size()), tc.podPhase, job);
    for (size_t i = 0; i < pods.size(); ++i) {
        // As upstream: the only container status is a restart count.
        ContainerStatus cs;
        cs.restartCount = tc.restartCounts[i];
        pods[i].containerStatuses = {cs};
    }

    SyncInput input = makeInput(job, pods);
    if (upstreamGates) {
        input.gates.jobPodReplacementPolicy = tc.enableJobPodReplacementPolicy;
        input.gates.jobManagedBy = tc.enableJobManagedBy;
    }
    const SyncResult r = syncJob(input);

    QVERIFY2(!r.error.has_value(), r.error.value_or("").c_str());
    QCOMPARE(r.status.active, tc.expectedActive);
    QCOMPARE(r.status.succeeded, tc.expectedSucceeded);
    QCOMPARE(r.status.failed, tc.expectedFailed);
    QCOMPARE(describeConditions(r.status.conditions), describeConditions(tc.expectedConditions));
}

void TestSyncBackoff::testJobBackoffOnRestartPolicyNever_data() {
    QTest::addColumn<RestartPolicyNeverCase>("tc");
    auto add = [](const char* name, const RestartPolicyNeverCase& c) { QTest::newRow(name) << c; };
    auto base = [](int32_t p, int32_t c, int32_t limit, const std::string& phase, int active,
                   int failedPods) {
        RestartPolicyNeverCase tc;
        tc.parallelism = p;
        tc.completions = c;
        tc.backoffLimit = limit;
        tc.activePodsPhase = phase;
        tc.activePods = active;
        tc.failedPods = failedPods;
        return tc;
    };
    {
        RestartPolicyNeverCase c = base(1, 1, 0, pod_phase::Running, 1, 0);
        c.expectedActive = 1;
        add("not enough failures with backoffLimit 0 - single pod", c);
    }
    {
        RestartPolicyNeverCase c = base(1, 1, 1, "", 0, 1);
        c.expectedActive = 1;
        c.expectedFailed = 1;
        add("not enough failures with backoffLimit 1 - single pod", c);
    }
    {
        RestartPolicyNeverCase c = base(1, 1, 1, "", 0, 2);
        c.expectedFailed = 2;
        c.expectedConditions = failedByBackoffLimit();
        add("too many failures with backoffLimit 1 - single pod", c);
    }
    {
        RestartPolicyNeverCase c = base(2, 2, 6, pod_phase::Running, 1, 6);
        c.expectedActive = 2;
        c.expectedFailed = 6;
        add("not enough failures with backoffLimit 6 - multiple pods", c);
    }
    {
        RestartPolicyNeverCase c = base(2, 2, 6, "", 0, 7);
        c.expectedFailed = 7;
        c.expectedConditions = failedByBackoffLimit();
        add("too many failures with backoffLimit 6 - multiple pods", c);
    }
}

void TestSyncBackoff::testJobBackoffOnRestartPolicyNever() {
    QFETCH(RestartPolicyNeverCase, tc);

    Job job = newJob(tc.parallelism, tc.completions, tc.backoffLimit, completion_mode::NonIndexed);
    job.spec.templ.restartPolicy = restart_policy::Never;
    // Failed Pods finished at kTestFinishedAt, long before now: no pod-failure backoff.
    std::vector<Pod> pods = newPodList(tc.failedPods, pod_phase::Failed, job);
    for (auto& p : newPodList(tc.activePods, tc.activePodsPhase, job, pods))
        pods.push_back(p);

    const SyncResult r = syncJob(makeInput(job, pods));

    QVERIFY2(!r.error.has_value(), r.error.value_or("").c_str());
    QCOMPARE(r.status.active, tc.expectedActive);
    QCOMPARE(r.status.succeeded, tc.expectedSucceeded);
    QCOMPARE(r.status.failed, tc.expectedFailed);
    QCOMPARE(describeConditions(r.status.conditions), describeConditions(tc.expectedConditions));
}

// TestJobApiBackoffReset: a sync whose pod control fails returns an error, so the key is
// requeued with the API backoff; once pod control works again the sync succeeds and the key is
// forgotten. The two steps are two syncs of the same Job.
void TestSyncBackoff::testJobApiBackoffReset_data() {
    QTest::addColumn<bool>("podControlFails");
    QTest::addColumn<bool>("wantError");
    QTest::newRow("error returned make the key requeued") << true << true;
    QTest::newRow("the queue is emptied on success") << false << false;
}

void TestSyncBackoff::testJobApiBackoffReset() {
    QFETCH(bool, podControlFails);
    QFETCH(bool, wantError);

    const Job job = newJob(1, 1, 2, completion_mode::NonIndexed);
    SyncInput input = makeInput(job, {});
    if (podControlFails)
        input.apiErrors = podControlError();

    const SyncResult r = syncJob(input);

    QCOMPARE(r.error.has_value(), wantError);
    QCOMPARE(r.creationCount(), 1);
    QCOMPARE(r.creations.front().accepted, !podControlFails);
}

// TestSyncJobUpdateRequeue: when the Job status update fails the sync returns an error and
// the key is requeued. SyncInput has no conflict-specific answer; a conflict is another
// status-update failure.
void TestSyncBackoff::testSyncJobUpdateRequeue_data() {
    QTest::addColumn<int>("updateErr"); // ApiError
    QTest::addColumn<bool>("wantRequeued");
    QTest::newRow("no error") << static_cast<int>(ApiError::None) << false;
    QTest::newRow("generic error") << static_cast<int>(ApiError::Error) << true;
    QTest::newRow("conflict error") << static_cast<int>(ApiError::Error) << true;
}

void TestSyncBackoff::testSyncJobUpdateRequeue() {
    QFETCH(int, updateErr);
    QFETCH(bool, wantRequeued);

    SyncInput input = makeInput(newJob(2, 2, 6, completion_mode::NonIndexed), {});
    input.apiErrors.statusUpdate = static_cast<ApiError>(updateErr);

    const SyncResult r = syncJob(input);

    QCOMPARE(r.error.has_value(), wantRequeued);
}

// The pod-failure backoff behind TestControllerSyncJob's back-off rows, checked where that
// table cannot: the backoff record the sync leaves (upstream: podBackoffStore) and the delay
// it asks to be synced again after (upstream: queue.AddAfter in manageJob). Rows are named
// after the TestControllerSyncJob rows they extend and use the same inputs.
void TestSyncBackoff::podFailureBackoffRecordAndRequeue_data() {
    QTest::addColumn<int>("activePods");
    QTest::addColumn<int>("succeededPods");
    QTest::addColumn<int>("failedPods");
    QTest::addColumn<int>("recordFailures"); // -1: no record
    QTest::addColumn<int>("expectedCreations");
    QTest::addColumn<double>("expectedRequeueAfter"); // -1: none
    QTest::addColumn<int>("expectedRecordFailures");
    QTest::addColumn<double>("expectedLastFailureTime"); // -1: unset

    // One failure at now: the replacement waits the full 10 s default backoff.
    QTest::newRow("too few active pods and active back-off")
        << 0 << 0 << 0 << 1 << 0 << 10.0 << 1 << kNow;
    // No failure since the last success: nothing to wait for.
    QTest::newRow("too few active pods and no back-offs")
        << 0 << 0 << 0 << 0 << 1 << -1.0 << 0 << kNow;
    // A new success resets the record; the failure finished at the same time as the success,
    // not after it, so it is not counted (newBackoffRecord).
    QTest::newRow("failed + succeed pods: reset backoff delay")
        << 1 << 1 << 1 << -1 << 1 << -1.0 << 0 << -1.0;
    // One new failure, finished long ago (kTestFinishedAt): counted, but no delay is left.
    QTest::newRow("new failed pod") << 1 << 0 << 1 << -1 << 1 << -1.0 << 1 << kTestFinishedAt;
}

void TestSyncBackoff::podFailureBackoffRecordAndRequeue() {
    QFETCH(int, activePods);
    QFETCH(int, succeededPods);
    QFETCH(int, failedPods);
    QFETCH(int, recordFailures);
    QFETCH(int, expectedCreations);
    QFETCH(double, expectedRequeueAfter);
    QFETCH(int, expectedRecordFailures);
    QFETCH(double, expectedLastFailureTime);

    // The first two rows are TestControllerSyncJob's p=1/c=1 Jobs, the others its p=2/c=5 ones.
    Job job = recordFailures >= 0 ? newJob(1, 1, 6) : newJob(2, 5, 6);
    if (recordFailures > 0)
        job.status.startTime = kNow;
    std::vector<Pod> pods;
    setPodsStatuses(pods, job, 0, activePods, succeededPods, failedPods, 0, 0);
    SyncInput input = makeInput(job, pods);
    if (recordFailures >= 0)
        input.backoff = BackoffRecord{recordFailures, kNow};

    const SyncResult r = syncJob(input);

    QVERIFY2(!r.error.has_value(), r.error.value_or("").c_str());
    QCOMPARE(r.creationCount(), expectedCreations);
    if (expectedRequeueAfter < 0) {
        QVERIFY2(
            !r.requeueAfter.has_value(),
            qPrintable(
                QStringLiteral("unexpected requeue after %1 s").arg(r.requeueAfter.value_or(0))));
    } else {
        QVERIFY2(r.requeueAfter.has_value(), "missing requeue");
        QCOMPARE(*r.requeueAfter, expectedRequeueAfter);
    }
    QCOMPARE(r.backoff.failuresAfterLastSuccess, expectedRecordFailures);
    if (expectedLastFailureTime < 0) {
        QVERIFY(!r.backoff.lastFailureTime.has_value());
    } else {
        QVERIFY(r.backoff.lastFailureTime.has_value());
        QCOMPARE(*r.backoff.lastFailureTime, expectedLastFailureTime);
    }
}

QTEST_APPLESS_MAIN(TestSyncBackoff)
#include "tst_sync_backoff.moc"
