// SPDX-License-Identifier: GPL-3.0-or-later
// Port of upstream TestSyncJobWithJobBackoffLimitPerIndex (kubernetes/kubernetes
// pkg/controller/job/job_controller_test.go, newest stored version 2f913129ff88): one syncJob
// pass over an Indexed Job with backoffLimitPerIndex. Like upstream, the whole Job status after
// the pass is compared except startTime, completionTime and ready (conditions without times).
// Upstream does not look at the Pods a pass creates; here the create calls are checked too —
// their indexes and the per-index failure counters handed to each new Pod (the
// job-index-failure-count / job-index-ignored-failure-count annotations) — and the delete calls.
//
// Upstream's harness names the i-th Pod "mypod-<i>" (messages quote it), gives it the Job's
// labels and namespace and the tracking finalizer; the rows set uid, index, phase and the
// failure-count annotation. The Pods carry no finish time, so they failed long before the
// controller's clock and no pod-failure backoff delays a replacement.
//
// syncJob() runs every row with every gate on (current master, every Job feature GA). Rows that
// upstream runs with a gate off expect master's behaviour there, as the row comments say.
// syncJobWithUpstreamGates() runs each row with JobBackoffLimitPerIndex, JobPodReplacementPolicy
// and JobManagedBy as upstream sets them and expects upstream's own status.

#include "support/policy_fixtures.h"
#include "support/sync_fixtures.h"

#include "reconcile/sync.h"

#include <QtTest>

#include <optional>
#include <string>
#include <vector>

using namespace jobscope;
using namespace jobscope::test;

namespace {

struct PerIndexRow {
    Job job;
    std::vector<Pod> pods;
    JobStatus want; // startTime, completionTime and ready are not compared
    std::vector<WantCreation> wantCreations;
    int wantDeletions = 0;

    // features, as upstream sets them for the row
    bool enableJobBackoffLimitPerIndex = true;
    bool enableJobPodReplacementPolicy = true;
    bool enableJobManagedBy = false;
    // upstream's expectations where they differ from master's
    std::optional<JobStatus> upstreamWant;
    std::optional<QString> upstreamCreations; // in describeCreations' form
};

} // namespace

Q_DECLARE_METATYPE(PerIndexRow)

namespace {

// upstream validObjectMeta / validSelector / validTemplate, Indexed, backoffLimitPerIndex 1.
Job perIndexJob(int32_t parallelism, int32_t completions, int32_t backoffLimit,
                std::optional<int32_t> maxFailedIndexes = std::nullopt) {
    Job job = newJob(parallelism, completions, backoffLimit, completion_mode::Indexed);
    job.spec.backoffLimitPerIndex = 1;
    job.spec.maxFailedIndexes = maxFailedIndexes;
    return job;
}

JobStatus status(int32_t active, int32_t succeeded, int32_t failed,
                 std::optional<int32_t> terminating, const std::string& completedIndexes,
                 std::optional<std::string> failedIndexes,
                 std::vector<JobCondition> conditions = {}) {
    JobStatus s;
    s.active = active;
    s.succeeded = succeeded;
    s.failed = failed;
    s.terminating = terminating;
    s.completedIndexes = completedIndexes;
    s.failedIndexes = std::move(failedIndexes);
    s.uncountedTerminatedPods = UncountedTerminatedPods{};
    s.conditions = std::move(conditions);
    return s;
}

// A Pod of `index` with the given failure-count annotation.
PodBuilder indexPod(const std::string& uid, const std::string& index, const std::string& phase,
                    const std::string& failureCount) {
    return std::move(buildPod().uid(uid).index(index).phase(phase).indexFailureCount(failureCount));
}

// A Pod of index 0 that failed with exit code 3 in container `container`.
PodBuilder exitCode3Pod(const std::string& container) {
    return std::move(indexPod("a", "0", pod_phase::Failed, "0").container(container, 3));
}

// Pods of the max-failed-indexes rows: indexes 0 and 2 failed for good, 1 succeeded, 3 runs.
std::vector<Pod> twoFailedIndexes() {
    return {
        indexPod("a", "0", pod_phase::Failed, "1"), indexPod("b", "1", pod_phase::Succeeded, "0"),
        indexPod("c", "2", pod_phase::Failed, "1"), indexPod("d", "3", pod_phase::Running, "0")};
}

// upstream's per-row Pod setup.
std::vector<Pod> harnessPods(const Job& job, const std::vector<Pod>& rowPods) {
    std::vector<Pod> pods;
    for (size_t i = 0; i < rowPods.size(); ++i) {
        Pod p = rowPods[i];
        p.metadata.name = "mypod-" + std::to_string(i);
        p.metadata.namespace_ = job.metadata.namespace_;
        p.metadata.labels.clear();
        for (const auto& [k, v] : job.spec.selector.matchLabels)
            p.metadata.labels[k] = v;
        addTrackingFinalizer(p);
        pods.push_back(std::move(p));
    }
    return pods;
}

} // namespace

class TestSyncJobWithJobBackoffLimitPerIndex : public QObject {
    Q_OBJECT

private slots:
    void syncJob_data() { addRows(); }
    void syncJob() { run(false); }
    void syncJobWithUpstreamGates_data() { addRows(); }
    void syncJobWithUpstreamGates() { run(true); }

private:
    static void addRows();
    static void run(bool upstreamGates);
};

void TestSyncJobWithJobBackoffLimitPerIndex::addRows() {
    QTest::addColumn<PerIndexRow>("row");
    auto add = [](const char* name, const PerIndexRow& row) { QTest::newRow(name) << row; };
    const std::vector<JobCondition> failedIndexes =
        failedConditions(job_reason::FailedIndexes, kFailedIndexesMessage);
    const JobCondition maxFailedIndexesTarget =
        trueCondition(job_condition::FailureTarget, job_reason::MaxFailedIndexesExceeded,
                      kMaxFailedIndexesExceededMessage);

    {
        PerIndexRow r;
        r.job = perIndexJob(2, 2, kMaxInt32);
        r.pods = {indexPod("a1", "0", pod_phase::Failed, "0"),
                  indexPod("a2", "0", pod_phase::Succeeded, "1"),
                  indexPod("b", "1", pod_phase::Succeeded, "0")};
        r.want =
            status(0, 2, 1, 0, "0,1", "",
                   completeConditions(job_reason::CompletionsReached, kCompletionsReachedMessage));
        add("successful job after a single failure within index", r);
    }
    {
        // The failed Pod keeps its finalizer (not counted) until index 0 has a replacement;
        // the replacement created now carries failure count 0 + 1.
        PerIndexRow r;
        r.job = perIndexJob(2, 2, kMaxInt32);
        r.pods = {indexPod("a", "0", pod_phase::Failed, "0")};
        r.want = status(2, 0, 0, 0, "", "");
        r.wantCreations = {{0, 1, 0}, {1, 0, 0}};
        add("single failed pod, not counted as the replacement pod creation is delayed", r);
    }
    {
        PerIndexRow r;
        r.job = perIndexJob(2, 2, kMaxInt32);
        r.pods = {indexPod("a", "0", pod_phase::Failed, "0"),
                  indexPod("b", "0", pod_phase::Pending, "1")};
        r.want = status(2, 0, 1, 0, "", "");
        r.wantCreations = {{1, 0, 0}};
        add("single failed pod replaced already", r);
    }
    {
        PerIndexRow r;
        r.job = perIndexJob(2, 2, kMaxInt32);
        r.pods = {indexPod("a", "0", pod_phase::Failed, "1")};
        r.want = status(1, 0, 1, 0, "", "0");
        r.wantCreations = {{1, 0, 0}};
        add("single failed index due to exceeding the backoff limit per index, the job continues",
            r);
    }
    {
        PerIndexRow r;
        r.job = perIndexJob(2, 2, kMaxInt32);
        r.job.spec.podFailurePolicy =
            PodFailurePolicy{{exitCodeRule(pod_failure_policy_action::FailIndex, "In", {3})}};
        r.pods = {exitCode3Pod("")};
        r.want = status(1, 0, 1, 0, "", "0");
        r.wantCreations = {{1, 0, 0}};
        add("single failed index due to FailIndex action, the job continues", r);
    }
    {
        PerIndexRow r;
        r.job = perIndexJob(2, 2, 6);
        r.job.spec.podFailurePolicy =
            PodFailurePolicy{{exitCodeRule(pod_failure_policy_action::FailJob, "In", {3})}};
        r.pods = {exitCode3Pod("x")};
        r.want = status(0, 0, 1, 0, "", "",
                        failedConditions(job_reason::PodFailurePolicy,
                                         "Container x for pod default/mypod-0 failed with exit "
                                         "code 3 matching FailJob rule at index 0"));
        add("job failed index due to FailJob action", r);
    }
    {
        // The ignored failure is not counted; the replacement of index 0 carries it in the
        // ignored-failure counter instead.
        PerIndexRow r;
        r.job = perIndexJob(2, 2, 6);
        r.job.spec.podFailurePolicy =
            PodFailurePolicy{{exitCodeRule(pod_failure_policy_action::Ignore, "In", {3})}};
        r.pods = {exitCode3Pod("x")};
        r.want = status(2, 0, 0, 0, "", "");
        r.wantCreations = {{0, 0, 1}, {1, 0, 0}};
        add("job pod failure ignored due to matching Ignore action", r);
    }
    {
        PerIndexRow r;
        r.job = perIndexJob(2, 2, 1);
        r.pods = {indexPod("a", "0", pod_phase::Failed, "0"),
                  indexPod("b", "1", pod_phase::Failed, "0")};
        r.want = status(
            0, 0, 2, 0, "", "",
            failedConditions(job_reason::BackoffLimitExceeded, kBackoffLimitExceededMessage));
        add("job failed due to exceeding backoffLimit before backoffLimitPerIndex", r);
    }
    {
        PerIndexRow r;
        r.job = perIndexJob(2, 2, kMaxInt32);
        r.pods = {indexPod("a", "0", pod_phase::Failed, "1"),
                  indexPod("b", "1", pod_phase::Succeeded, "0")};
        r.want = status(0, 1, 1, 0, "1", "0", failedIndexes);
        add("job failed due to failed indexes", r);
    }
    {
        // The running Pod of index 3 is deleted and counted as failed; Failed waits for it.
        PerIndexRow r;
        r.job = perIndexJob(4, 4, kMaxInt32, 1);
        r.pods = twoFailedIndexes();
        r.want = status(0, 1, 3, 1, "1", "0,2", {maxFailedIndexesTarget});
        r.wantDeletions = 1;
        add("job failed due to exceeding max failed indexes", r);
    }
    {
        // Upstream runs this row with JobBackoffLimitPerIndex off: failedIndexes is dropped and
        // index 0 is created again (active 2). The feature is GA on master: index 0 stays
        // failed, index 2 already has a Pod, so nothing is created and failedIndexes stays "0".
        PerIndexRow r;
        r.job = perIndexJob(3, 3, kMaxInt32);
        r.job.status.failedIndexes = "0";
        r.job.status.completedIndexes = "1";
        r.pods = {indexPod("c", "2", pod_phase::Pending, "1")};
        r.want = status(1, 1, 0, 0, "1", "0");
        r.enableJobBackoffLimitPerIndex = false;
        r.upstreamWant = status(2, 1, 0, 0, "1", std::nullopt);
        r.upstreamCreations = QStringLiteral("0:-/0");
        add("job with finished indexes; failedIndexes are cleaned when JobBackoffLimitPerIndex "
            "disabled",
            r);
    }
    {
        // Upstream (both gates off): only Failed, terminating nil. Master: as "job failed due
        // to failed indexes".
        PerIndexRow r;
        r.job = perIndexJob(2, 2, kMaxInt32);
        r.pods = {indexPod("a", "0", pod_phase::Failed, "1"),
                  indexPod("b", "1", pod_phase::Succeeded, "0")};
        r.want = status(0, 1, 1, 0, "1", "0", failedIndexes);
        r.enableJobPodReplacementPolicy = false;
        r.upstreamWant = status(0, 1, 1, std::nullopt, "1", "0",
                                {trueCondition(job_condition::Failed, job_reason::FailedIndexes,
                                               kFailedIndexesMessage)});
        add("job failed due to failed indexes; JobPodReplacementPolicy and JobManagedBy disabled",
            r);
    }
    {
        // Upstream leaves JobPodReplacementPolicy off (terminating nil); master reports 0.
        PerIndexRow r;
        r.job = perIndexJob(2, 2, kMaxInt32);
        r.pods = {indexPod("a", "0", pod_phase::Failed, "1"),
                  indexPod("b", "1", pod_phase::Succeeded, "0")};
        r.want = status(0, 1, 1, 0, "1", "0", failedIndexes);
        r.enableJobPodReplacementPolicy = false;
        r.enableJobManagedBy = true;
        r.upstreamWant = status(0, 1, 1, std::nullopt, "1", "0", failedIndexes);
        add("job failed due to failed indexes; JobManagedBy enabled", r);
    }
    {
        // Upstream (both gates off): Failed at once, terminating nil. Master: FailureTarget
        // only, as the Pod of index 3 deleted by this pass is terminating.
        PerIndexRow r;
        r.job = perIndexJob(4, 4, kMaxInt32, 1);
        r.pods = twoFailedIndexes();
        r.want = status(0, 1, 3, 1, "1", "0,2", {maxFailedIndexesTarget});
        r.wantDeletions = 1;
        r.enableJobPodReplacementPolicy = false;
        r.upstreamWant =
            status(0, 1, 3, std::nullopt, "1", "0,2",
                   {trueCondition(job_condition::Failed, job_reason::MaxFailedIndexesExceeded,
                                  kMaxFailedIndexesExceededMessage)});
        add("job failed due to exceeding max failed indexes; JobPodReplacementPolicy and "
            "JobManagedBy disabled",
            r);
    }
    {
        // Upstream leaves JobPodReplacementPolicy off (terminating nil); master counts the Pod
        // deleted by this pass.
        PerIndexRow r;
        r.job = perIndexJob(4, 4, kMaxInt32, 1);
        r.pods = twoFailedIndexes();
        r.want = status(0, 1, 3, 1, "1", "0,2", {maxFailedIndexesTarget});
        r.wantDeletions = 1;
        r.enableJobPodReplacementPolicy = false;
        r.enableJobManagedBy = true;
        r.upstreamWant = status(0, 1, 3, std::nullopt, "1", "0,2", {maxFailedIndexesTarget});
        add("job failed due to exceeding max failed indexes; JobManagedBy enabled", r);
    }
}

void TestSyncJobWithJobBackoffLimitPerIndex::run(bool upstreamGates) {
    QFETCH(PerIndexRow, row);
    if (upstreamGates && row.upstreamWant)
        row.want = *row.upstreamWant;

    SyncInput input = makeInput(row.job, harnessPods(row.job, row.pods));
    if (upstreamGates) {
        input.gates.jobBackoffLimitPerIndex = row.enableJobBackoffLimitPerIndex;
        input.gates.jobPodReplacementPolicy = row.enableJobPodReplacementPolicy;
        input.gates.jobManagedBy = row.enableJobManagedBy;
    }
    const SyncResult result = jobscope::syncJob(input);

    QVERIFY(result.synced);
    QVERIFY2(!result.error, result.error.value_or("").c_str());
    const JobStatus& got = result.status;
    compareJobStatus(got, row.want);
    if (QTest::currentTestFailed())
        return;
    if (upstreamGates && row.upstreamCreations)
        QCOMPARE(describeCreations(result.creations), *row.upstreamCreations);
    else
        QCOMPARE(describeCreations(result.creations), describeWantCreations(row.wantCreations));
    QCOMPARE(result.deletionCount(), row.wantDeletions);
}

QTEST_APPLESS_MAIN(TestSyncJobWithJobBackoffLimitPerIndex)
#include "tst_sync_backoff_limit_per_index.moc"
