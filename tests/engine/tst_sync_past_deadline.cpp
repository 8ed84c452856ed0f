// SPDX-License-Identifier: GPL-3.0-or-later
// Ports of upstream's deadline and finished-Job tests (kubernetes/kubernetes
// pkg/controller/job/job_controller_test.go): TestSyncJobPastDeadline,
// TestPastDeadlineJobFinished, TestSingleJobFailedCondition, TestSyncJobComplete and
// TestSyncJobDeleted, run through the pure syncJob() at the fixed clock kNow.
//
// TestSyncJobPastDeadline runs twice: testSyncJobPastDeadline() with every gate on (current
// master, both gates GA): a failure first adds FailureTarget; Failed follows in the same sync
// only when no Pod is left terminating (delayTerminalCondition()); rows that upstream runs with
// the JobPodReplacementPolicy / JobManagedBy gates off say what changes.
// testSyncJobPastDeadlineWithUpstreamGates() runs each row with upstream's gates and upstream's
// expected conditions.

#include "reconcile/sync.h"
#include "support/sync_fixtures.h"

#include <QtTest>

#include <optional>
#include <string>
#include <vector>

using namespace jobscope;
using namespace jobscope::test;

namespace {

const char* const kDeadlineMsg = "Job was active longer than specified deadline";
const char* const kBackoffMsg = "Job has reached the specified backoff limit";

struct PastDeadlineCase {
    // job setup
    int32_t parallelism = 0;
    int32_t completions = 0;
    int64_t activeDeadlineSeconds = 0;
    int64_t startTime = 0; // seconds before now
    int32_t backoffLimit = 0;
    bool suspend = false;

    // pod setup
    int activePods = 0;
    int succeededPods = 0;
    int failedPods = 0;

    // expectations
    int expectedDeletions = 0;
    int32_t expectedActive = 0;
    int32_t expectedSucceeded = 0;
    int32_t expectedFailed = 0;
    std::vector<JobCondition> expectedConditions;

    // features, as upstream sets them for the row
    bool enableJobPodReplacementPolicy = false;
    bool enableJobManagedBy = false;
    // upstream's conditions where they differ from master's
    std::optional<std::vector<JobCondition>> upstreamConditions;
};

JobCondition cond(const char* type, const char* reason, const char* message) {
    return jobCondition(type, "True", reason, message);
}

} // namespace

Q_DECLARE_METATYPE(PastDeadlineCase)

class TestSyncPastDeadline : public QObject {
    Q_OBJECT

private slots:
    void testSyncJobPastDeadline_data();
    void testSyncJobPastDeadline() { runPastDeadline(false); }
    void testSyncJobPastDeadlineWithUpstreamGates_data() { testSyncJobPastDeadline_data(); }
    void testSyncJobPastDeadlineWithUpstreamGates() { runPastDeadline(true); }
    void testPastDeadlineJobFinished_data();
    void testPastDeadlineJobFinished();
    void testSingleJobFailedCondition();
    void testSyncJobComplete();
    void testSyncJobDeleted();

private:
    static void runPastDeadline(bool upstreamGates);
};

// TestSyncJobPastDeadline: tracking of the active deadline in a single syncJob call.
void TestSyncPastDeadline::testSyncJobPastDeadline_data() {
    QTest::addColumn<PastDeadlineCase>("tc");
    auto add = [](const char* name, const PastDeadlineCase& c) { QTest::newRow(name) << c; };
    const JobCondition ftDeadline =
        cond(job_condition::FailureTarget, job_reason::DeadlineExceeded, kDeadlineMsg);
    const JobCondition failedDeadline =
        cond(job_condition::Failed, job_reason::DeadlineExceeded, kDeadlineMsg);
    const JobCondition ftBackoff =
        cond(job_condition::FailureTarget, job_reason::BackoffLimitExceeded, kBackoffMsg);
    const JobCondition failedBackoff =
        cond(job_condition::Failed, job_reason::BackoffLimitExceeded, kBackoffMsg);

    {
        PastDeadlineCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.activeDeadlineSeconds = 10;
        c.startTime = 15;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.expectedDeletions = 1;
        c.expectedFailed = 1;
        // master: FailureTarget only, the deleted Pod is terminating (gates off upstream:
        // Failed).
        c.expectedConditions = {ftDeadline};
        c.upstreamConditions = {failedDeadline};
        add("activeDeadlineSeconds less than single pod execution", c);
    }
    {
        PastDeadlineCase c;
        c.parallelism = 1;
        c.completions = 2;
        c.activeDeadlineSeconds = 10;
        c.startTime = 15;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.succeededPods = 1;
        c.expectedDeletions = 1;
        c.expectedSucceeded = 1;
        c.expectedFailed = 1;
        c.expectedConditions = {ftDeadline}; // master: as the row above
        c.upstreamConditions = {failedDeadline};
        add("activeDeadlineSeconds bigger than single pod execution", c);
    }
    {
        PastDeadlineCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.activeDeadlineSeconds = 10;
        c.startTime = 10;
        c.backoffLimit = 6;
        // master: no Pod to wait for, so FailureTarget and Failed in one sync (gates off
        // upstream: Failed alone).
        c.expectedConditions = {ftDeadline, failedDeadline};
        c.upstreamConditions = {failedDeadline};
        add("activeDeadlineSeconds times-out before any pod starts", c);
    }
    {
        PastDeadlineCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.activeDeadlineSeconds = 1;
        c.startTime = 10;
        c.failedPods = 1;
        c.expectedFailed = 1;
        c.expectedConditions = {ftBackoff, failedBackoff}; // master: see the row above
        c.upstreamConditions = {failedBackoff};
        add("activeDeadlineSeconds with backofflimit reach", c);
    }
    {
        PastDeadlineCase c;
        c.suspend = true;
        c.parallelism = 1;
        c.completions = 2;
        c.activeDeadlineSeconds = 10;
        c.startTime = 15;
        c.backoffLimit = 6;
        c.expectedConditions = {jobCondition(job_condition::Suspended, "True",
                                             job_reason::JobSuspended, "Job suspended")};
        add("activeDeadlineSeconds is not triggered when Job is suspended", c);
    }
    {
        PastDeadlineCase c;
        c.parallelism = 1;
        c.completions = 2;
        c.activeDeadlineSeconds = 10;
        c.startTime = 15;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.succeededPods = 1;
        c.expectedDeletions = 1;
        c.expectedSucceeded = 1;
        c.expectedFailed = 1;
        c.expectedConditions = {ftDeadline};
        c.enableJobPodReplacementPolicy = true;
        add("activeDeadlineSeconds exceeded; JobPodReplacementPolicy enabled", c);
    }
    {
        PastDeadlineCase c;
        c.parallelism = 1;
        c.completions = 2;
        c.activeDeadlineSeconds = 10;
        c.startTime = 15;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.succeededPods = 1;
        c.expectedDeletions = 1;
        c.expectedSucceeded = 1;
        c.expectedFailed = 1;
        c.expectedConditions = {ftDeadline};
        c.enableJobManagedBy = true;
        add("activeDeadlineSeconds exceeded; JobManagedBy enabled", c);
    }
    {
        PastDeadlineCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.activeDeadlineSeconds = 1;
        c.startTime = 10;
        c.failedPods = 1;
        c.expectedFailed = 1;
        c.expectedConditions = {ftBackoff, failedBackoff};
        c.enableJobManagedBy = true;
        add("activeDeadlineSeconds exceeded and backofflimit reached; JobManagedBy enabled", c);
    }
}

void TestSyncPastDeadline::runPastDeadline(bool upstreamGates) {
    QFETCH(PastDeadlineCase, tc);
    FeatureGates gates;
    if (upstreamGates) {
        gates.jobPodReplacementPolicy = tc.enableJobPodReplacementPolicy;
        gates.jobManagedBy = tc.enableJobManagedBy;
    }
    const std::vector<JobCondition>& expectedConditions =
        upstreamGates && tc.upstreamConditions ? *tc.upstreamConditions : tc.expectedConditions;

    Job job = newJob(tc.parallelism, tc.completions, tc.backoffLimit, completion_mode::NonIndexed);
    job.spec.activeDeadlineSeconds = tc.activeDeadlineSeconds;
    job.spec.suspend = tc.suspend;
    job.status.startTime = kNow - static_cast<Seconds>(tc.startTime);
    std::vector<Pod> pods;
    setPodsStatuses(pods, job, 0, tc.activePods, tc.succeededPods, tc.failedPods, 0, 0);

    SyncInput input = makeInput(job, pods);
    input.gates = gates;
    const SyncResult r = syncJob(input);

    QVERIFY2(!r.error.has_value(), r.error.value_or("").c_str());
    QCOMPARE(r.creationCount(), 0);
    QCOMPARE(r.deletionCount(), tc.expectedDeletions);
    QCOMPARE(r.status.active, tc.expectedActive);
    QCOMPARE(r.status.succeeded, tc.expectedSucceeded);
    QCOMPARE(r.status.failed, tc.expectedFailed);
    QVERIFY2(r.status.startTime.has_value(), "missing status.startTime");
    QCOMPARE(describeConditions(r.status.conditions), describeConditions(expectedConditions));
}

// TestPastDeadlineJobFinished runs a live controller until the Job with activeDeadlineSeconds
// 1 gets Failed/DeadlineExceeded, and checks it does not get it before the deadline. Here the
// same story is a chain of syncs: the first sets startTime, creates the Pod and asks to be
// synced again when the deadline falls; half-way nothing fails; at the deadline the Job gets
// FailureTarget and its Pod is deleted; once the Pod is gone the Job is Failed.
void TestSyncPastDeadline::testPastDeadlineJobFinished_data() {
    QTest::addColumn<bool>("setStartTime");
    QTest::addColumn<QString>("jobName");
    QTest::newRow("New job created without start time being set") << false << "job1";
    QTest::newRow("New job created with start time being set") << true << "job2";
}

void TestSyncPastDeadline::testPastDeadlineJobFinished() {
    QFETCH(bool, setStartTime);
    QFETCH(QString, jobName);

    Job job = newJobWithName(jobName.toStdString(), 1, 1, 6, completion_mode::NonIndexed);
    job.spec.activeDeadlineSeconds = 1;
    if (setStartTime)
        job.status.startTime = kNow;

    // First sync: the Job starts, its Pod is created and a resync is asked for at the deadline.
    const SyncResult first = syncJob(makeInput(job, {}));
    QVERIFY2(!first.error.has_value(), first.error.value_or("").c_str());
    QCOMPARE(first.creationCount(), 1);
    QVERIFY(first.status.startTime.has_value());
    QCOMPARE(*first.status.startTime, kNow);
    QVERIFY(first.requeueAfter.has_value());
    QCOMPARE(*first.requeueAfter, 1.0);
    QCOMPARE(describeConditions(first.status.conditions), QString());

    // The informer now shows the created Pod, running.
    job.status = first.status;
    std::vector<Pod> pods = newPodList(1, pod_phase::Running, job);

    // Half-way to the deadline: nothing fails yet (no condition earlier than expected).
    const SyncResult early = syncJob(makeInput(job, pods, kNow + 0.5));
    QVERIFY2(!early.error.has_value(), early.error.value_or("").c_str());
    QCOMPARE(describeConditions(early.status.conditions), QString());
    QCOMPARE(early.deletionCount(), 0);
    QVERIFY(early.requeueAfter.has_value());
    QCOMPARE(*early.requeueAfter, 0.5);

    // At the deadline: FailureTarget, and the running Pod is deleted.
    const SyncResult atDeadline = syncJob(makeInput(job, pods, kNow + 1.0));
    QVERIFY2(!atDeadline.error.has_value(), atDeadline.error.value_or("").c_str());
    QCOMPARE(atDeadline.deletionCount(), 1);
    QCOMPARE(describeConditions(atDeadline.status.conditions),
             describeConditions(
                 {cond(job_condition::FailureTarget, job_reason::DeadlineExceeded, kDeadlineMsg)}));

    // The Pod is gone: the Job is Failed with reason DeadlineExceeded.
    job.status = atDeadline.status;
    const SyncResult finished = syncJob(makeInput(job, {}, kNow + 1.5));
    QVERIFY2(!finished.error.has_value(), finished.error.value_or("").c_str());
    QCOMPARE(describeConditions(finished.status.conditions),
             describeConditions(
                 {cond(job_condition::FailureTarget, job_reason::DeadlineExceeded, kDeadlineMsg),
                  cond(job_condition::Failed, job_reason::DeadlineExceeded, kDeadlineMsg)}));
}

// TestSingleJobFailedCondition: a Failed=False condition already on the Job is turned True,
// not duplicated, when the deadline passes.
void TestSyncPastDeadline::testSingleJobFailedCondition() {
    Job job = newJob(1, 1, 6, completion_mode::NonIndexed);
    job.spec.activeDeadlineSeconds = 10;
    job.status.startTime = kNow - 15;
    job.status.conditions.push_back(jobCondition(job_condition::Failed, "False",
                                                 job_reason::DeadlineExceeded, kDeadlineMsg, kNow));

    const SyncResult r = syncJob(makeInput(job, {}));

    QVERIFY2(!r.error.has_value(), r.error.value_or("").c_str());
    QCOMPARE(r.deletionCount(), 0);
    QVERIFY2(r.statusUpdated, "expected job modification");
    int failedConditions = 0;
    for (const auto& c : r.status.conditions) {
        if (c.type == job_condition::Failed) {
            ++failedConditions;
            QCOMPARE(QString::fromStdString(c.status), QStringLiteral("True"));
        }
    }
    QCOMPARE(failedConditions, 1);
}

// TestSyncJobComplete: syncing a Job that is already Complete leaves its conditions alone.
void TestSyncPastDeadline::testSyncJobComplete() {
    Job job = newJob(1, 1, 6, completion_mode::NonIndexed);
    job.status.conditions.push_back(jobCondition(job_condition::Complete, "True", "", "", kNow));

    const SyncResult r = syncJob(makeInput(job, {}));

    QVERIFY2(!r.error.has_value(), r.error.value_or("").c_str());
    QVERIFY(!r.synced);
    QCOMPARE(r.creationCount(), 0);
    QCOMPARE(r.deletionCount(), 0);
    QCOMPARE(static_cast<int>(r.status.conditions.size()), 1);
}

// TestSyncJobDeleted syncs the key of a Job that is no longer in the informer: nothing is
// created or deleted and no error is returned. SyncInput always carries a Job, so the nearest
// expressible case is a Job being deleted (deletionTimestamp set) that owns no Pods: manageJob
// is skipped, so again nothing is created or deleted.
void TestSyncPastDeadline::testSyncJobDeleted() {
    Job job = newJob(2, 2, 6, completion_mode::NonIndexed);
    job.metadata.deletionTimestamp = kNow;

    const SyncResult r = syncJob(makeInput(job, {}));

    QVERIFY2(!r.error.has_value(), r.error.value_or("").c_str());
    QCOMPARE(r.creationCount(), 0);
    QCOMPARE(r.deletionCount(), 0);
}

QTEST_APPLESS_MAIN(TestSyncPastDeadline)
#include "tst_sync_past_deadline.moc"
