// SPDX-License-Identifier: GPL-3.0-or-later
// Port of upstream TestSyncJobWithJobPodFailurePolicy (kubernetes/kubernetes
// pkg/controller/job/job_controller_test.go, newest stored version 2f913129ff88): one syncJob
// pass over a Job with a podFailurePolicy and the Pods of the row. Like upstream, each row
// checks the Job conditions (type, status, reason, message; times ignored) and the active,
// failed, succeeded and terminating counters. Upstream does not count the create and delete
// calls of these rows; they follow from the row (the active count is built from them) and are
// checked here as well.
//
// Upstream's harness names the i-th Pod "mypod-<i>" (the messages quote it), gives it the
// Job's labels and namespace, the completion index i when the Job is Indexed and the tracking
// finalizer, and sets podReplacementPolicy Failed when the row leaves it unset.
//
// syncJob() runs every row with every gate on (current master, every Job feature GA). Rows that
// upstream runs with the JobPodReplacementPolicy and JobManagedBy gates off expect master's
// behaviour there, as the row comments say: the interim FailureTarget condition precedes
// Failed, Failed waits until no Pod is terminating (a Pod deleted by this pass counts as
// terminating), and status.terminating is always reported. syncJobWithUpstreamGates() runs each
// row with those two gates as upstream sets them (the others on, as at upstream's emulated
// version 1.33) and expects upstream's own conditions and counters.

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

struct PfpRow {
    Job job;
    std::vector<Pod> pods;
    std::vector<JobCondition> wantConditions;
    int32_t wantActive = 0;
    int32_t wantFailed = 0;
    int32_t wantSucceeded = 0;
    int32_t wantTerminating = 0; // upstream compares ptr.Deref(terminating, 0)
    int wantCreations = 0;
    int wantDeletions = 0;

    // features, as upstream sets them for the row
    bool enableJobPodReplacementPolicy = false;
    bool enableJobManagedBy = false;
    // upstream's expectations where they differ from master's
    std::optional<std::vector<JobCondition>> upstreamConditions;
    int32_t upstreamTerminating = 0; // upstream wantStatusTerminating, dereferenced
};

} // namespace

Q_DECLARE_METATYPE(PfpRow)

namespace {

const char* const kPfp = job_reason::PodFailurePolicy;
const char* const kBle = job_reason::BackoffLimitExceeded;

// upstream validObjectMeta / validSelector / validTemplate: Job foobar in namespace default
// with selector foo=bar.
Job pfpJob(int32_t parallelism, std::optional<int32_t> completions, int32_t backoffLimit,
           std::vector<PodFailurePolicyRule> rules, bool indexed = false) {
    Job job = newJob(parallelism, completions.value_or(-1), backoffLimit,
                     indexed ? completion_mode::Indexed : "");
    job.spec.podFailurePolicy = PodFailurePolicy{std::move(rules)};
    return job;
}

// upstream onExitCodeRules: Ignore on exit codes 1-3, FailJob on 5-7.
std::vector<PodFailurePolicyRule> onExitCodeRules() {
    return {exitCodeRule(pod_failure_policy_action::Ignore, "In", {1, 2, 3}),
            exitCodeRule(pod_failure_policy_action::FailJob, "In", {5, 6, 7})};
}

PodBuilder failedPod() {
    return std::move(buildPod().phase(pod_phase::Failed));
}

// The FailureTarget + Failed pair naming a container exit code.
std::vector<JobCondition> failJobByExitCode(const std::string& container, const std::string& pod,
                                            int exitCode, int ruleIndex) {
    return failedConditions(kPfp, "Container " + container + " for pod default/" + pod +
                                      " failed with exit code " + std::to_string(exitCode) +
                                      " matching FailJob rule at index " +
                                      std::to_string(ruleIndex));
}

// upstream's per-row Pod setup.
std::vector<Pod> harnessPods(const Job& job, const std::vector<Pod>& rowPods) {
    std::vector<Pod> pods;
    for (size_t i = 0; i < rowPods.size(); ++i) {
        Pod p = rowPods[i];
        p.metadata.name = "mypod-" + std::to_string(i);
        p.metadata.uid = p.metadata.name;
        p.metadata.namespace_ = job.metadata.namespace_;
        p.metadata.labels.clear();
        for (const auto& [k, v] : job.spec.selector.matchLabels)
            p.metadata.labels[k] = v;
        if (job.spec.isIndexed())
            p.metadata.annotations[kJobCompletionIndexAnnotation] = std::to_string(i);
        addTrackingFinalizer(p);
        pods.push_back(std::move(p));
    }
    return pods;
}

} // namespace

class TestSyncJobWithJobPodFailurePolicy : public QObject {
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

void TestSyncJobWithJobPodFailurePolicy::addRows() {
    QTest::addColumn<PfpRow>("row");
    auto add = [](const char* name, const PfpRow& row) { QTest::newRow(name) << row; };
    using namespace pod_failure_policy_action;

    {
        PfpRow r;
        r.job = pfpJob(1, 1, 6,
                       {exitCodeRule(Ignore, "In", {1, 2, 3}, "main-container"),
                        exitCodeRule(FailJob, "In", {5, 6, 7}, "main-container")});
        r.pods = {failedPod()
                      .container("monitoring-container", 5)
                      .container("main-container", 42, kTestFinishedAt)};
        r.wantActive = 1;
        r.wantFailed = 1;
        r.wantCreations = 1;
        add("default handling for pod failure if the container matching the exit codes does not "
            "match the containerName restriction",
            r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 6, onExitCodeRules());
        r.pods = {buildPod().phase(pod_phase::Running).container("main-container", 5)};
        r.wantActive = 1;
        add("running pod should not result in job fail based on OnExitCodes", r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 6, onExitCodeRules());
        r.pods = {failedPod().container("main-container", 5)};
        r.wantConditions = failJobByExitCode("main-container", "mypod-0", 5, 1);
        r.wantFailed = 1;
        add("fail job based on OnExitCodes", r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 6, onExitCodeRules());
        r.job.status.conditions = {trueCondition(job_condition::FailureTarget, kPfp,
                                                 "Container main-container for pod default/mypod-0 "
                                                 "failed with exit code 5 matching FailJob rule at "
                                                 "index 1")};
        r.pods = {failedPod().container("main-container", 5)};
        r.wantConditions = failJobByExitCode("main-container", "mypod-0", 5, 1);
        r.wantFailed = 1;
        add("job marked already as failure target with failed pod", r);
    }
    {
        // The Failed condition copies the message of the FailureTarget already present.
        PfpRow r;
        r.job = pfpJob(1, 1, 6, onExitCodeRules());
        r.job.status.conditions = {trueCondition(
            job_condition::FailureTarget, kPfp,
            "Container main-container for pod default/already-deleted-pod failed with exit code 5 "
            "matching FailJob rule at index 1")};
        r.pods = {failedPod().container("main-container", 5)};
        r.wantConditions = failJobByExitCode("main-container", "already-deleted-pod", 5, 1);
        r.wantFailed = 1;
        add("job marked already as failure target with failed pod, message based on already "
            "deleted pod",
            r);
    }
    {
        // Upstream runs this row with JobPodReplacementPolicy and JobManagedBy off and expects
        // [FailureTarget, Failed]. On master the running Pod deleted by this pass is
        // terminating, so Failed waits: the same result as the next row.
        PfpRow r;
        r.job = pfpJob(2, 2, 6, onExitCodeRules());
        r.pods = {buildPod().phase(pod_phase::Running), failedPod().container("main-container", 5)};
        r.wantConditions = {trueCondition(job_condition::FailureTarget, kPfp,
                                          "Container main-container for pod default/mypod-1 failed "
                                          "with exit code 5 matching FailJob rule at index 1")};
        r.wantFailed = 2;
        r.wantTerminating = 1;
        r.wantDeletions = 1;
        r.upstreamConditions = failJobByExitCode("main-container", "mypod-1", 5, 1);
        add("fail job with multiple pods", r);
    }
    {
        // Upstream leaves JobPodReplacementPolicy off here, so status.terminating stays nil
        // there; on master it counts the Pod deleted by this pass.
        PfpRow r;
        r.job = pfpJob(2, 2, 6, onExitCodeRules());
        r.pods = {buildPod().phase(pod_phase::Running), failedPod().container("main-container", 5)};
        r.wantConditions = {trueCondition(job_condition::FailureTarget, kPfp,
                                          "Container main-container for pod default/mypod-1 failed "
                                          "with exit code 5 matching FailJob rule at index 1")};
        r.wantFailed = 2;
        r.wantTerminating = 1;
        r.wantDeletions = 1;
        r.enableJobManagedBy = true;
        add("fail job with multiple pods; JobManagedBy enabled delays setting terminal condition",
            r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 6, onExitCodeRules(), /*indexed=*/true);
        r.pods = {failedPod().container("main-container", 5)};
        r.wantConditions = failJobByExitCode("main-container", "mypod-0", 5, 1);
        r.wantFailed = 1;
        add("fail indexed job based on OnExitCodes", r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 6, {exitCodeRule(FailJob, "NotIn", {5, 6, 7})});
        r.pods = {failedPod().container("main-container", 42)};
        r.wantConditions = failJobByExitCode("main-container", "mypod-0", 42, 0);
        r.wantFailed = 1;
        add("fail job based on OnExitCodes with NotIn operator", r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 6, {exitCodeRule(FailJob, "NotIn", {5, 6, 7})});
        r.pods = {failedPod().container("main-container", 5, kTestFinishedAt)};
        r.wantActive = 1;
        r.wantFailed = 1;
        r.wantCreations = 1;
        add("default handling job based on OnExitCodes with NotIn operator", r);
    }
    {
        // Container statuses are looked at before init-container statuses, but no regular
        // container matches; the init container's exit code 5 matches the FailJob rule.
        PfpRow r;
        r.job = pfpJob(1, 1, 6, onExitCodeRules());
        r.pods = {failedPod().initContainer("init-container", 5).container("main-container", 143)};
        r.wantConditions = failJobByExitCode("init-container", "mypod-0", 5, 1);
        r.wantFailed = 1;
        add("fail job based on OnExitCodes for InitContainer", r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 0, onExitCodeRules());
        r.pods = {failedPod().container("container1", 2).container("container2", 6)};
        r.wantActive = 1;
        r.wantCreations = 1;
        add("ignore pod failure; both rules are matching, the first is executed only", r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 0, onExitCodeRules());
        r.pods = {failedPod().container("", 1)};
        r.wantActive = 1;
        r.wantCreations = 1;
        add("ignore pod failure based on OnExitCodes", r);
    }
    {
        // Upstream runs this row with both gates off and expects only Failed; master adds the
        // interim FailureTarget first, as in the next row.
        PfpRow r;
        r.job = pfpJob(1, 1, 0, onExitCodeRules());
        r.pods = {failedPod().container("", 10)};
        r.wantConditions = failedConditions(kBle, kBackoffLimitExceededMessage);
        r.wantFailed = 1;
        r.upstreamConditions = {
            trueCondition(job_condition::Failed, kBle, kBackoffLimitExceededMessage)};
        add("default job based on OnExitCodes", r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 0, onExitCodeRules());
        r.pods = {failedPod().container("", 10)};
        r.wantConditions = failedConditions(kBle, kBackoffLimitExceededMessage);
        r.wantFailed = 1;
        r.enableJobManagedBy = true;
        add("default job based on OnExitCodes; JobManagedBy enabled triggers adding interim "
            "condition",
            r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 6,
                       {exitCodeRule(Count, "In", {1, 2}), exitCodeRule(Ignore, "In", {2, 3})});
        r.pods = {failedPod().container("", 2, kTestFinishedAt)};
        r.wantActive = 1;
        r.wantFailed = 1;
        r.wantCreations = 1;
        add("count pod failure based on OnExitCodes; both rules are matching, the first is "
            "executed only",
            r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 6,
                       {podConditionRule(Count, "ResourceLimitExceeded"),
                        podConditionRule(Ignore, "DisruptionTarget")});
        r.pods = {failedPod()
                      .condition("ResourceLimitExceeded", "True")
                      .condition("DisruptionTarget", "True")
                      .container("", std::nullopt, kTestFinishedAt)};
        r.wantActive = 1;
        r.wantFailed = 1;
        r.wantCreations = 1;
        add("count pod failure based on OnPodConditions; both rules are matching, the first is "
            "executed only",
            r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 0, {podConditionRule(Ignore, "DisruptionTarget")});
        r.pods = {failedPod().condition("DisruptionTarget", "True")};
        r.wantActive = 1;
        r.wantCreations = 1;
        add("ignore pod failure based on OnPodConditions", r);
    }
    {
        // The Pod finished (deletionTimestamp) just now: the ignored failure still enters the
        // pod-failure backoff record, so no replacement is created in this pass.
        PfpRow r;
        r.job = pfpJob(1, 1, 0, {podConditionRule(Ignore, "DisruptionTarget")});
        r.pods = {failedPod().customDeletionTimestamp(kNow).condition("DisruptionTarget", "True")};
        add("ignore pod failure based on OnPodConditions, ignored failures delays pod recreation",
            r);
    }
    {
        PfpRow r;
        r.job = pfpJob(1, 1, 6, {podConditionRule(FailJob, "DisruptionTarget")});
        r.pods = {failedPod().condition("DisruptionTarget", "True")};
        r.wantConditions =
            failedConditions(kPfp, "Pod default/mypod-0 has condition DisruptionTarget matching "
                                   "FailJob rule at index 0");
        r.wantFailed = 1;
        add("fail job based on OnPodConditions", r);
    }
    {
        // A work-queue Job (completions unset) with a Pod being deleted that has no status at
        // all (phase ""). With podReplacementPolicy Failed the Pod is not failed, and it holds
        // the only slot, so nothing is created. Upstream leaves JobPodReplacementPolicy off
        // (terminating nil); master reports the terminating Pod.
        PfpRow r;
        r.job = pfpJob(1, std::nullopt, 0, {podConditionRule(Count, "DisruptionTarget")});
        r.pods = {buildPod().phase("").customDeletionTimestamp(kNow)};
        r.wantTerminating = 1;
        add("terminating Pod not considered failed when JobPodFailurePolicy is enabled and used",
            r);
    }
}

void TestSyncJobWithJobPodFailurePolicy::run(bool upstreamGates) {
    QFETCH(PfpRow, row);
    if (upstreamGates) {
        if (row.upstreamConditions)
            row.wantConditions = *row.upstreamConditions;
        row.wantTerminating = row.upstreamTerminating;
    }

    Job job = row.job;
    if (!job.spec.podReplacementPolicy)
        job.spec.podReplacementPolicy = pod_replacement_policy::Failed;
    SyncInput input = makeInput(job, harnessPods(job, row.pods));
    if (upstreamGates) {
        input.gates.jobPodReplacementPolicy = row.enableJobPodReplacementPolicy;
        input.gates.jobManagedBy = row.enableJobManagedBy;
    }
    const SyncResult result = jobscope::syncJob(input);

    QVERIFY(result.synced);
    QVERIFY2(!result.error, result.error.value_or("").c_str());
    QCOMPARE(describeConditions(result.status.conditions), describeConditions(row.wantConditions));
    QCOMPARE(result.status.active, row.wantActive);
    QCOMPARE(result.status.succeeded, row.wantSucceeded);
    QCOMPARE(result.status.failed, row.wantFailed);
    QCOMPARE(result.status.terminating.value_or(0), row.wantTerminating);
    QCOMPARE(result.creationCount(), row.wantCreations);
    QCOMPARE(result.deletionCount(), row.wantDeletions);
}

QTEST_APPLESS_MAIN(TestSyncJobWithJobPodFailurePolicy)
#include "tst_sync_pod_failure_policy.moc"
