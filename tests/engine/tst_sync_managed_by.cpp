// SPDX-License-Identifier: GPL-3.0-or-later
// Port of upstream's TestSyncJobWhenManagedBy (kubernetes/kubernetes
// pkg/controller/job/job_controller_test.go): a Job whose spec.managedBy names another
// controller is left alone by the built-in controller; a Job with no managedBy, or with the
// built-in controller's own name, is reconciled. The whole status is compared, as upstream's
// cmp.Diff(wantStatus, actual.Status).
//
// testSyncJobWhenManagedBy() runs every row with every gate on (current master, JobManagedBy
// GA), so the row that forces the gate off expects the gate-on behaviour (status unchanged).
// testSyncJobWhenManagedByWithUpstreamGates() runs each row with JobManagedBy as upstream sets
// it (the other gates on, as at upstream's emulated version 1.34) and upstream's expectation.

#include "reconcile/sync.h"
#include "support/sync_fixtures.h"

#include <QtTest>

#include <optional>
#include <string>

using namespace jobscope;
using namespace jobscope::test;

namespace {

// upstream baseJob: parallelism 2, completions 2, backoffLimit 6, one active ready Pod in the
// status (none in the informer), started now.
Job baseJob() {
    Job job = newJob(2, 2, 6);
    job.status.active = 1;
    job.status.ready = 1;
    job.status.startTime = kNow;
    return job;
}

// The status the built-in controller writes for baseJob: two Pods created, none ready yet.
JobStatus reconciledStatus() {
    JobStatus s;
    s.active = 2;
    s.ready = 0;
    s.startTime = kNow;
    s.terminating = 0;
    s.uncountedTerminatedPods = UncountedTerminatedPods{};
    return s;
}

} // namespace

class TestSyncManagedBy : public QObject {
    Q_OBJECT

private slots:
    void testSyncJobWhenManagedBy_data();
    void testSyncJobWhenManagedBy() { run(false); }
    void testSyncJobWhenManagedByWithUpstreamGates_data() { testSyncJobWhenManagedBy_data(); }
    void testSyncJobWhenManagedByWithUpstreamGates() { run(true); }

private:
    static void run(bool upstreamGates);
};

void TestSyncManagedBy::testSyncJobWhenManagedBy_data() {
    QTest::addColumn<QString>("managedBy"); // empty: spec.managedBy unset
    QTest::addColumn<bool>("wantSynced");
    QTest::addColumn<QString>("wantStatus");
    QTest::addColumn<bool>("enableJobManagedBy"); // upstream's gate for the row
    QTest::addColumn<bool>("upstreamWantSynced");

    const QString unchanged = describeStatus(baseJob().status);
    const QString updated = describeStatus(reconciledStatus());

    QTest::newRow("job with custom value of managedBy; feature enabled; the status is unchanged")
        << QStringLiteral("custom-managed-by") << false << unchanged << true << false;
    QTest::newRow(
        "job with well known value of the managedBy; feature enabled; the status is updated")
        << QString::fromLatin1(kJobControllerName) << true << updated << true << true;
    // master: upstream forces JobManagedBy off and expects the Job to be reconciled; with the
    // gate GA the custom managedBy is honoured and the status stays unchanged.
    QTest::newRow("job with custom value of managedBy; feature disabled; the status is updated")
        << QStringLiteral("custom-managed-by") << false << unchanged << false << true;
    QTest::newRow("job without the managedBy; feature enabled; the status is updated")
        << QString() << true << updated << true << true;
}

void TestSyncManagedBy::run(bool upstreamGates) {
    QFETCH(QString, managedBy);
    QFETCH(bool, wantSynced);
    QFETCH(QString, wantStatus);
    QFETCH(bool, enableJobManagedBy);
    QFETCH(bool, upstreamWantSynced);
    if (upstreamGates) {
        // Upstream's wantStatus: the reconciled status, or baseJob's when left alone.
        wantSynced = upstreamWantSynced;
        wantStatus = describeStatus(wantSynced ? reconciledStatus() : baseJob().status);
    }

    Job job = baseJob();
    if (!managedBy.isEmpty())
        job.spec.managedBy = managedBy.toStdString();

    SyncInput input = makeInput(job, {});
    if (upstreamGates)
        input.gates.jobManagedBy = enableJobManagedBy;
    const SyncResult r = syncJob(input);

    QVERIFY2(!r.error.has_value(), r.error.value_or("").c_str());
    QCOMPARE(r.synced, wantSynced);
    QCOMPARE(describeStatus(r.status), wantStatus);
    if (wantSynced) {
        QCOMPARE(r.creationCount(), 2);
        QVERIFY(r.statusUpdated);
    } else {
        // Left to the other controller: no Pod is touched and the status is not written.
        QCOMPARE(r.creationCount(), 0);
        QCOMPARE(r.deletionCount(), 0);
        QVERIFY(r.finalizerRemovals.empty());
        QVERIFY(!r.statusUpdated);
    }
}

QTEST_APPLESS_MAIN(TestSyncManagedBy)
#include "tst_sync_managed_by.moc"
