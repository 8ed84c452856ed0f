// SPDX-License-Identifier: GPL-3.0-or-later
// Port of upstream TestSyncJobWithJobSuccessPolicy (kubernetes/kubernetes
// pkg/controller/job/job_controller_test.go, newest stored version 2f913129ff88), plus the
// success-criteria row of TestControllerSyncJob. One syncJob pass each; like upstream, the whole
// Job status after the pass is compared except startTime, completionTime and ready, and
// conditions without their times. The create and delete calls (not counted upstream) are
// checked too: they follow from the row.
//
// Upstream's harness names the i-th Pod "mypod-<i>" (messages quote it) and gives it the Job's
// labels and namespace; the rows set uid, index, phase and finalizer themselves.
//
// syncJob() runs every row with every gate on (current master, every Job feature GA). Rows that
// upstream runs with a gate off expect master's behaviour there, as the row comments say. In
// particular: with JobPodReplacementPolicy and JobManagedBy off upstream adds Complete at once
// and leaves status.terminating nil, while master waits for terminating Pods (those deleted by
// this pass included) and always reports the count; with JobBackoffLimitPerIndex off upstream
// ignores spec.backoffLimitPerIndex and leaves status.failedIndexes nil, while master reports it
// ("" when no index failed). syncJobWithUpstreamGates() runs each row with the four gates as
// upstream sets them and expects upstream's own status.

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

struct SuccessRow {
    Job job;
    std::vector<Pod> pods;
    JobStatus want;                   // startTime and completionTime are not compared
    std::optional<int32_t> wantReady; // compared only where upstream does (TestControllerSyncJob)
    int wantCreations = 0;
    int wantDeletions = 0;
    bool upstreamPodSetup = true; // TestSyncJobWithJobSuccessPolicy's naming of the Pods

    FeatureGates upstreamGates; // the gates upstream sets for the row
    // upstream's expectations where they differ from master's
    std::optional<JobStatus> upstreamWant;
    std::optional<int> upstreamDeletions;
};

} // namespace

Q_DECLARE_METATYPE(SuccessRow)

namespace {

const char* const kSuccessPolicy = job_reason::SuccessPolicy;
const char* const kMatchedRule0 = "Matched rules at index 0";
const char* const kDisruptionMessage =
    "Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0";

// The gates of a row, in upstream's order: enableBackoffLimitPerIndex, enableJobSuccessPolicy,
// enableJobPodReplacementPolicy, enableJobManagedBy.
FeatureGates gates(bool backoffLimitPerIndex, bool successPolicy, bool podReplacementPolicy,
                   bool managedBy) {
    FeatureGates g;
    g.jobBackoffLimitPerIndex = backoffLimitPerIndex;
    g.jobSuccessPolicy = successPolicy;
    g.jobPodReplacementPolicy = podReplacementPolicy;
    g.jobManagedBy = managedBy;
    return g;
}

// upstream validObjectMeta / validSelector / validTemplate with an Indexed spec.
Job indexedJob(int32_t parallelism, int32_t completions, int32_t backoffLimit) {
    return newJob(parallelism, completions, backoffLimit, completion_mode::Indexed);
}

SuccessPolicy policy(std::optional<std::string> indexes, std::optional<int32_t> count) {
    return SuccessPolicy{{successRule(std::move(indexes), count)}};
}

PodFailurePolicy failJobOnDisruption() {
    return PodFailurePolicy{
        {podConditionRule(pod_failure_policy_action::FailJob, "DisruptionTarget")}};
}

// An expected status; uncountedTerminatedPods is always present and empty after a pass.
JobStatus status(int32_t active, int32_t succeeded, int32_t failed,
                 std::optional<int32_t> terminating, const std::string& completedIndexes,
                 std::optional<std::string> failedIndexes, std::vector<JobCondition> conditions) {
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

JobCondition successCriteriaMet() {
    return trueCondition(job_condition::SuccessCriteriaMet, kSuccessPolicy, kMatchedRule0);
}

PodBuilder indexPod(const std::string& uid, const std::string& index, const std::string& phase) {
    return std::move(buildPod().uid(uid).index(index).phase(phase).trackingFinalizer());
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
        pods.push_back(std::move(p));
    }
    return pods;
}

// Pods of the rows where index 1 succeeded, index 0 failed once and was replaced, and (with
// `withIndex2`) index 2 runs.
std::vector<Pod> failedReplacedSucceeded(bool withIndex2) {
    std::vector<Pod> pods = {indexPod("a1", "0", pod_phase::Failed),
                             indexPod("a2", "0", pod_phase::Running),
                             indexPod("b", "1", pod_phase::Succeeded)};
    if (withIndex2)
        pods.push_back(indexPod("c", "2", pod_phase::Running));
    return pods;
}

// Pods of the rows where index 1 still runs after a success of index 1.
std::vector<Pod> someStillRunning() {
    return {indexPod("a1", "0", pod_phase::Failed), indexPod("a2", "1", pod_phase::Running),
            indexPod("b", "1", pod_phase::Succeeded), indexPod("c", "2", pod_phase::Running)};
}

// Status before the pass in the rows whose Job already met its success policy.
JobStatus alreadyMet() {
    JobStatus s;
    s.succeeded = 1;
    s.terminating = 0;
    s.completedIndexes = "1";
    s.uncountedTerminatedPods = UncountedTerminatedPods{};
    s.conditions = {successCriteriaMet()};
    return s;
}

} // namespace

class TestSyncJobWithJobSuccessPolicy : public QObject {
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

void TestSyncJobWithJobSuccessPolicy::addRows() {
    QTest::addColumn<SuccessRow>("row");
    auto add = [](const char* name, const SuccessRow& row) { QTest::newRow(name) << row; };

    // --- TestSyncJobWithJobSuccessPolicy ---
    {
        // The success policy deletes the running Pods of indexes 0 and 2 (not counted as
        // failed); Complete waits for them to terminate.
        SuccessRow r;
        r.job = indexedJob(3, 3, kMaxInt32);
        r.job.spec.successPolicy = policy("0,1", 1);
        r.pods = failedReplacedSucceeded(true);
        r.want = status(0, 1, 1, 2, "1", std::nullopt, {successCriteriaMet()});
        r.wantDeletions = 2;
        r.upstreamGates = gates(false, true, true, false);
        add("job with successPolicy; jobPodReplacementPolicy feature enabled; job has "
            "SuccessCriteriaMet condition if job meets to successPolicy and some indexes fail",
            r);
    }
    {
        // Upstream (JobPodReplacementPolicy off): [SuccessCriteriaMet, Complete] and terminating
        // nil. Master: as the previous row.
        SuccessRow r;
        r.job = indexedJob(3, 3, kMaxInt32);
        r.job.spec.successPolicy = policy("0,1", 1);
        r.pods = failedReplacedSucceeded(true);
        r.want = status(0, 1, 1, 2, "1", std::nullopt, {successCriteriaMet()});
        r.wantDeletions = 2;
        r.upstreamGates = gates(false, true, false, false);
        r.upstreamWant =
            status(0, 1, 1, std::nullopt, "1", std::nullopt,
                   {successCriteriaMet(),
                    trueCondition(job_condition::Complete, kSuccessPolicy, kMatchedRule0)});
        add("job with successPolicy; jobPodReplacementPolicy feature disabled; job has "
            "SuccessCriteriaMet condition if job meets to successPolicy and some indexes fail",
            r);
    }
    {
        SuccessRow r;
        r.job = indexedJob(2, 2, kMaxInt32);
        r.job.spec.successPolicy = policy("0,1", 1);
        r.job.spec.podFailurePolicy = failJobOnDisruption();
        r.pods = failedReplacedSucceeded(false);
        r.want = status(0, 1, 1, 1, "1", std::nullopt, {successCriteriaMet()});
        r.wantDeletions = 1;
        r.upstreamGates = gates(false, true, true, false);
        add("job with podFailurePolicy and successPolicy; jobPodReplacementPolicy feature "
            "enabled; job has SuccessCriteriaMet condition if job meets to successPolicy and "
            "doesn't meet to podFailurePolicy",
            r);
    }
    {
        // Upstream (JobPodReplacementPolicy off): [SuccessCriteriaMet, Complete] and terminating
        // nil. Master: as the previous row.
        SuccessRow r;
        r.job = indexedJob(2, 2, kMaxInt32);
        r.job.spec.successPolicy = policy("0,1", 1);
        r.job.spec.podFailurePolicy = failJobOnDisruption();
        r.pods = failedReplacedSucceeded(false);
        r.want = status(0, 1, 1, 1, "1", std::nullopt, {successCriteriaMet()});
        r.wantDeletions = 1;
        r.upstreamGates = gates(false, true, false, false);
        r.upstreamWant =
            status(0, 1, 1, std::nullopt, "1", std::nullopt,
                   {successCriteriaMet(),
                    trueCondition(job_condition::Complete, kSuccessPolicy, kMatchedRule0)});
        add("job with podFailurePolicy and successPolicy; jobPodReplacementPolicy feature "
            "disabled; job has SuccessCriteriaMet condition if job meets to successPolicy and "
            "doesn't meet to podFailurePolicy",
            r);
    }
    {
        SuccessRow r;
        r.job = indexedJob(2, 2, kMaxInt32);
        r.job.spec.backoffLimitPerIndex = 2;
        r.job.spec.successPolicy = policy("0,1", 1);
        r.pods = failedReplacedSucceeded(false);
        r.want = status(0, 1, 1, 1, "1", "", {successCriteriaMet()});
        r.wantDeletions = 1;
        r.upstreamGates = gates(true, true, true, false);
        add("job with backoffLimitPerIndex and successPolicy; jobPodReplacementPolicy feature "
            "enabled; job has SuccessCriteriaMet condition if job meets to successPolicy and "
            "doesn't meet backoffLimitPerIndex",
            r);
    }
    {
        // Upstream leaves JobBackoffLimitPerIndex off here (failedIndexes nil); master reports
        // "" as no index failed.
        SuccessRow r;
        r.job = indexedJob(2, 2, kMaxInt32);
        r.job.spec.backoffLimitPerIndex = 2;
        r.job.spec.successPolicy = policy("0,1", 1);
        r.job.status.conditions = {successCriteriaMet()};
        r.pods = {indexPod("a", "0", pod_phase::Failed), indexPod("b", "1", pod_phase::Succeeded)};
        r.want = status(0, 1, 1, 0, "1", "", completeConditions(kSuccessPolicy, kMatchedRule0));
        r.upstreamGates = gates(false, true, true, false);
        r.upstreamWant = status(0, 1, 1, 0, "1", std::nullopt,
                                completeConditions(kSuccessPolicy, kMatchedRule0));
        add("job with successPolicy; jobPodReplacementPolicy feature enabled; job has both "
            "Complete and SuccessCriteriaMet condition when job meets to successPolicy and all "
            "pods have been already removed",
            r);
    }
    {
        // REF: https://github.com/kubernetes/kubernetes/issues/123775 — a Job that already met
        // its success policy deletes the Pods still running. Upstream leaves
        // JobBackoffLimitPerIndex off (failedIndexes nil); master reports "".
        SuccessRow r;
        r.job = indexedJob(3, 3, kMaxInt32);
        r.job.spec.backoffLimitPerIndex = 3;
        r.job.spec.successPolicy = policy("0,1", 1);
        r.job.status.conditions = {successCriteriaMet()};
        r.pods = someStillRunning();
        r.want = status(0, 1, 1, 2, "1", "", {successCriteriaMet()});
        r.wantDeletions = 2;
        r.upstreamGates = gates(false, true, true, false);
        r.upstreamWant = status(0, 1, 1, 2, "1", std::nullopt, {successCriteriaMet()});
        add("job with successPolicy; jobPodReplacementPolicy feature enabled; job has "
            "SuccessCriteriaMet condition when job meets to successPolicy and some pods still "
            "are running",
            r);
    }
    {
        // Upstream (JobPodReplacementPolicy and JobBackoffLimitPerIndex off): terminating and
        // failedIndexes nil. Master: as the previous row.
        SuccessRow r;
        r.job = indexedJob(3, 3, kMaxInt32);
        r.job.spec.backoffLimitPerIndex = 3;
        r.job.spec.successPolicy = policy("0,1", 1);
        r.job.status.conditions = {successCriteriaMet()};
        r.pods = someStillRunning();
        r.want = status(0, 1, 1, 2, "1", "", {successCriteriaMet()});
        r.wantDeletions = 2;
        r.upstreamGates = gates(false, true, false, true);
        r.upstreamWant = status(0, 1, 1, std::nullopt, "1", std::nullopt, {successCriteriaMet()});
        add("job with successPolicy; JobManagedBy feature enabled; job has SuccessCriteriaMet "
            "condition when job meets to successPolicy and some pods still are running",
            r);
    }
    {
        // Failure is decided before success: the disrupted Pod fails the Job, and the running
        // Pod deleted by this pass is counted as failed.
        SuccessRow r;
        r.job = indexedJob(2, 2, kMaxInt32);
        r.job.spec.successPolicy = policy("0,1", 1);
        r.job.spec.podFailurePolicy = failJobOnDisruption();
        r.pods = {indexPod("a1", "0", pod_phase::Failed).condition("DisruptionTarget", "True"),
                  indexPod("a2", "0", pod_phase::Running),
                  indexPod("b", "1", pod_phase::Succeeded)};
        r.want = status(0, 1, 2, 1, "1", std::nullopt,
                        {trueCondition(job_condition::FailureTarget, job_reason::PodFailurePolicy,
                                       kDisruptionMessage)});
        r.wantDeletions = 1;
        r.upstreamGates = gates(false, true, true, false);
        add("job with successPolicy and podFailurePolicy; jobPodReplacementPolicy feature "
            "enabled; job has a failed condition when job meets to both successPolicy and "
            "podFailurePolicy",
            r);
    }
    {
        SuccessRow r;
        r.job = indexedJob(2, 2, kMaxInt32);
        r.job.spec.backoffLimitPerIndex = 1;
        r.job.spec.successPolicy = policy("0,1", 1);
        r.pods = {indexPod("a", "0", pod_phase::Failed).indexFailureCount("1"),
                  indexPod("b", "1", pod_phase::Succeeded)};
        r.want = status(0, 1, 1, 0, "1", "0",
                        failedConditions(job_reason::FailedIndexes, kFailedIndexesMessage));
        r.upstreamGates = gates(true, true, true, false);
        add("job with successPolicy and backoffLimitPerIndex; jobPodReplacementPolicy feature "
            "enabled; job has a failed condition when job meets to both successPolicy and "
            "backoffLimitPerIndex",
            r);
    }
    {
        SuccessRow r;
        r.job = indexedJob(2, 2, 1);
        r.job.spec.successPolicy = policy("0,1", 1);
        r.pods = {indexPod("a1", "0", pod_phase::Failed), indexPod("a2", "0", pod_phase::Failed),
                  indexPod("b", "1", pod_phase::Succeeded)};
        r.want = status(
            0, 1, 2, 0, "1", std::nullopt,
            failedConditions(job_reason::BackoffLimitExceeded, kBackoffLimitExceededMessage));
        r.upstreamGates = gates(false, true, true, false);
        add("job with successPolicy and backoffLimit; jobPodReplacementPolicy feature enabled; "
            "job has a failed condition when job meets to both successPolicy and backoffLimit",
            r);
    }
    {
        SuccessRow r;
        r.job = indexedJob(2, 2, kMaxInt32);
        r.job.spec.successPolicy = policy(std::nullopt, 1);
        r.job.spec.podFailurePolicy = failJobOnDisruption();
        r.job.status = alreadyMet();
        r.pods = {indexPod("a", "0", pod_phase::Failed).condition("DisruptionTarget", "True"),
                  indexPod("b", "1", pod_phase::Succeeded)};
        r.want = status(0, 1, 1, 0, "1", std::nullopt,
                        completeConditions(kSuccessPolicy, kMatchedRule0));
        r.upstreamGates = gates(false, true, true, false);
        add("job with successPolicy and podFailurePolicy; jobPodReplacementPolicy feature "
            "enabled; job with SuccessCriteriaMet has never been transitioned to FailureTarget "
            "and Failed even if job meets podFailurePolicy",
            r);
    }
    {
        SuccessRow r;
        r.job = indexedJob(2, 2, kMaxInt32);
        r.job.spec.backoffLimitPerIndex = 1;
        r.job.spec.successPolicy = policy("1", std::nullopt);
        r.job.status = alreadyMet();
        r.pods = {indexPod("a", "0", pod_phase::Failed).indexFailureCount("1"),
                  indexPod("b", "1", pod_phase::Succeeded)};
        r.want = status(0, 1, 1, 0, "1", "0", completeConditions(kSuccessPolicy, kMatchedRule0));
        r.upstreamGates = gates(true, true, true, false);
        add("job with successPolicy and backoffLimitPerIndex; jobPodReplacementPolicy feature "
            "enabled; job with SuccessCriteriaMet has never been transitioned to FailureTarget "
            "and Failed even if job meet backoffLimitPerIndex",
            r);
    }
    {
        SuccessRow r;
        r.job = indexedJob(2, 2, 1);
        r.job.spec.successPolicy = policy("0,1", 1);
        r.job.status = alreadyMet();
        r.pods = {indexPod("a", "0", pod_phase::Failed), indexPod("b", "1", pod_phase::Succeeded)};
        r.want = status(0, 1, 1, 0, "1", std::nullopt,
                        completeConditions(kSuccessPolicy, kMatchedRule0));
        r.upstreamGates = gates(false, true, true, false);
        add("job with successPolicy and backoffLimit; jobPodReplacementPolicy feature enabled; "
            "job with SuccessCriteriaMet has never been transitioned to FailureTarget and Failed "
            "even if job meets backoffLimit",
            r);
    }
    {
        // The failed Pod has no finalizer: it was counted before (status.failed = 1).
        SuccessRow r;
        r.job = indexedJob(2, 2, kMaxInt32);
        r.job.spec.successPolicy = policy("0,1", 1);
        r.job.spec.podFailurePolicy = failJobOnDisruption();
        r.job.status.failed = 1;
        r.job.status.terminating = 0;
        r.job.status.completedIndexes = "1";
        r.job.status.uncountedTerminatedPods = UncountedTerminatedPods{};
        r.job.status.conditions = {trueCondition(job_condition::FailureTarget,
                                                 job_reason::PodFailurePolicy, kDisruptionMessage)};
        r.pods = {buildPod()
                      .uid("a")
                      .index("0")
                      .phase(pod_phase::Failed)
                      .condition("DisruptionTarget", "True"),
                  indexPod("b", "1", pod_phase::Succeeded)};
        r.want = status(0, 1, 1, 0, "1", std::nullopt,
                        failedConditions(job_reason::PodFailurePolicy, kDisruptionMessage));
        r.upstreamGates = gates(false, true, true, false);
        add("job with successPolicy and podFailureTarget; jobPodReplacementPolicy feature "
            "enabled; job with FailureTarget has never been transitioned to SuccessCriteriaMet "
            "even if job meets successPolicy",
            r);
    }
    {
        // Upstream leaves JobPodReplacementPolicy off (terminating nil); master reports 0.
        SuccessRow r;
        r.job = indexedJob(1, 1, kMaxInt32);
        r.pods = {indexPod("a1", "0", pod_phase::Succeeded)};
        r.want =
            status(0, 1, 0, 0, "0", std::nullopt,
                   completeConditions(job_reason::CompletionsReached, kCompletionsReachedMessage));
        r.upstreamGates = gates(false, true, false, true);
        r.upstreamWant =
            status(0, 1, 0, std::nullopt, "0", std::nullopt,
                   completeConditions(job_reason::CompletionsReached, kCompletionsReachedMessage));
        add("job without successPolicy; jobSuccessPolicy is enabled; job got SuccessCriteriaMet "
            "and Completion with CompletionsReached reason conditions",
            r);
    }
    {
        // Upstream runs this row with JobSuccessPolicy off: the policy is ignored and the two
        // running Pods stay (active 2, no condition). JobSuccessPolicy is GA on master, so the
        // policy is met by index 1: SuccessCriteriaMet, and the running Pods of indexes 0 and 2
        // are deleted (terminating, not failed).
        SuccessRow r;
        r.job = indexedJob(3, 3, kMaxInt32);
        r.job.spec.successPolicy = policy("0,1", 1);
        r.pods = {indexPod("a2", "0", pod_phase::Running), indexPod("b", "1", pod_phase::Succeeded),
                  indexPod("c", "2", pod_phase::Running)};
        r.want = status(0, 1, 0, 2, "1", std::nullopt, {successCriteriaMet()});
        r.wantDeletions = 2;
        r.upstreamGates = gates(false, false, false, false);
        r.upstreamWant = status(2, 1, 0, std::nullopt, "1", std::nullopt, {});
        r.upstreamDeletions = 0;
        add("when the JobSuccessPolicy is disabled, the Job never got SuccessCriteriaMet "
            "condition even if the Job has the successPolicy field",
            r);
    }

    // --- TestControllerSyncJob ---
    {
        // newJob(1, 1, 0) with one running, ready Pod (setPodsStatuses). A SuccessCriteriaMet
        // condition with status False does not finish the Job and is kept as is. Upstream leaves
        // JobPodReplacementPolicy off (terminating nil); master reports 0.
        SuccessRow r;
        r.job = newJob(1, 1, 0);
        r.job.status.startTime = kNow;
        r.job.status.active = 1;
        const JobCondition manual = jobCondition(job_condition::SuccessCriteriaMet, "False",
                                                 "ConditionAddedManually", "Testing");
        r.job.status.conditions = {manual};
        setPodsStatuses(r.pods, r.job, 0, 1, 0, 0, 0, 1);
        r.want = status(1, 0, 0, 0, "", std::nullopt, {manual});
        r.wantReady = 1;
        r.upstreamPodSetup = false;
        r.upstreamGates = gates(true, true, false, false);
        r.upstreamWant = status(1, 0, 0, std::nullopt, "", std::nullopt, {manual});
        add("SuccessCriteriaMet=False condition added manually is ignored", r);
    }
}

void TestSyncJobWithJobSuccessPolicy::run(bool upstreamGates) {
    QFETCH(SuccessRow, row);
    if (upstreamGates) {
        if (row.upstreamWant)
            row.want = *row.upstreamWant;
        if (row.upstreamDeletions)
            row.wantDeletions = *row.upstreamDeletions;
    }

    const std::vector<Pod> pods = row.upstreamPodSetup ? harnessPods(row.job, row.pods) : row.pods;
    SyncInput input = makeInput(row.job, pods);
    if (upstreamGates)
        input.gates = row.upstreamGates;
    const SyncResult result = jobscope::syncJob(input);

    QVERIFY(result.synced);
    QVERIFY2(!result.error, result.error.value_or("").c_str());
    const JobStatus& got = result.status;
    compareJobStatus(got, row.want);
    if (QTest::currentTestFailed())
        return;
    if (row.wantReady)
        QCOMPARE(describeOptional(got.ready), describeOptional(row.wantReady));
    if (!row.upstreamPodSetup) // TestControllerSyncJob: a running Job keeps its startTime
        QVERIFY(got.startTime.has_value());
    QCOMPARE(result.creationCount(), row.wantCreations);
    QCOMPARE(result.deletionCount(), row.wantDeletions);
}

QTEST_APPLESS_MAIN(TestSyncJobWithJobSuccessPolicy)
#include "tst_sync_success_policy.moc"
