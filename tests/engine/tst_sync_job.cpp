// SPDX-License-Identifier: GPL-3.0-or-later
// Port of upstream's TestControllerSyncJob (kubernetes/kubernetes
// pkg/controller/job/job_controller_test.go, newest stored version), one data row per upstream
// case, in upstream order, checked through the pure syncJob().
//
// Mapping of upstream's harness to SyncInput / SyncResult:
// - FakePodControl{Err} -> ApiErrors for create, delete and patch (podControlError());
//   FakePodControl{CreateLimit} -> ApiErrors::createLimit.
// - len(Templates) -> creations issued (refused ones included, as FakePodControl records a
//   template before returning Err); with CreateLimit only the accepted ones (FakePodControl
//   does not record a template past the limit).
// - len(DeletePodName) -> deletedPods; len(Patches) -> finalizerRemovals (finalizer-removal
//   patches issued, refused ones included, as FakePodControl records a patch before failing).
// - fakeExpectationAtCreation -> SyncInput::expectations (set at now, within the TTL);
//   backoffRecord -> SyncInput::backoff; the fake clock -> kNow.
// - An error from syncJob -> SyncResult::error.
//
// Each row runs twice. syncJob() runs it with every gate on (current master, where every Job
// feature is GA); where master's expectations differ from upstream's a comment says so. The
// rules that change:
// - status.terminating is always written (gate JobPodReplacementPolicy GA);
// - a failure first adds FailureTarget and only adds Failed once no Pod is terminating; a
//   success adds SuccessCriteriaMet then Complete, both with reason CompletionsReached
//   (delayTerminalCondition(), gates JobPodReplacementPolicy / JobManagedBy; the reason with
//   JobSuccessPolicy).
// syncJobWithUpstreamGates() runs it with the gates upstream sets for the row
// (jobPodReplacementPolicy, jobSuccessPolicy, jobManagedBy; JobBackoffLimitPerIndex keeps its
// default, on) and expects upstream's own expectations.

#include "reconcile/sync.h"
#include "support/sync_fixtures.h"

#include <QtTest>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace jobscope;
using namespace jobscope::test;

namespace {

// upstream jobInitialStatus
struct InitialStatus {
    int32_t active = 0;
    int32_t succeed = 0;
    int32_t failed = 0;
    std::optional<Seconds> startTime; // unset: kNow, as upstream's metav1.Now()
    std::vector<JobCondition> conditions;
};

struct SyncJobCase {
    // job setup
    int32_t parallelism = 0;
    int32_t completions = 0;
    int32_t backoffLimit = 0;
    bool deleting = false;
    int podLimit = 0;
    std::string completionMode;
    bool wasSuspended = false;
    bool suspend = false;
    std::optional<std::string> podReplacementPolicy;
    std::optional<PodFailurePolicy> podFailurePolicy;
    std::optional<InitialStatus> initialStatus;
    std::optional<BackoffRecord> backoffRecord;

    // pod setup
    bool podControllerError = false;
    int pendingPods = 0;
    int activePods = 0;
    int readyPods = 0;
    int succeededPods = 0;
    int failedPods = 0;
    int terminatingPods = 0;
    std::vector<IndexPhase> podsWithIndexes;
    int fakeExpectationAtCreation = 0; // negative: deletions, positive: creations

    // expectations
    int expectedCreations = 0;
    int expectedDeletions = 0;
    int32_t expectedActive = 0;
    int32_t expectedReady = 0; // always written in master
    int32_t expectedSucceeded = 0;
    std::string expectedCompletedIdxs;
    int32_t expectedFailed = 0;
    int32_t expectedTerminating = 0; // always written in master
    std::vector<JobCondition> expectedConditions;
    std::vector<int> expectedCreatedIndexes;
    int expectedPodPatches = 0;

    // features, as upstream sets them for the row
    bool jobPodReplacementPolicy = false;
    bool jobSuccessPolicy = false;
    bool jobManagedBy = false;
    // upstream's expectations where they differ from master's
    std::optional<int32_t> upstreamTerminating; // upstream expectedTerminating: nil unless set
    std::optional<std::vector<JobCondition>> upstreamConditions;
};

const char* const kBackoffMsg = "Job has reached the specified backoff limit";
const char* const kCompletionsMsg = "Reached expected number of succeeded pods";

JobCondition failureTarget(const char* reason, const char* message) {
    return jobCondition(job_condition::FailureTarget, "True", reason, message);
}
JobCondition failed(const char* reason, const char* message) {
    return jobCondition(job_condition::Failed, "True", reason, message);
}
// Master's conditions for a Job that reached its completions with no Pod left terminating.
std::vector<JobCondition> completedByCompletions() {
    return {jobCondition(job_condition::SuccessCriteriaMet, "True", job_reason::CompletionsReached,
                         kCompletionsMsg),
            jobCondition(job_condition::Complete, "True", job_reason::CompletionsReached,
                         kCompletionsMsg)};
}
// Upstream's conditions for a finished Job with the gates off: the terminal condition at once,
// without a reason for a success.
std::vector<JobCondition> upstreamComplete() {
    return {jobCondition(job_condition::Complete, "True")};
}
std::vector<JobCondition> upstreamFailedByBackoffLimit() {
    return {failed(job_reason::BackoffLimitExceeded, kBackoffMsg)};
}
// Master's conditions for a Job that exceeded its backoff limit with no Pod left terminating.
std::vector<JobCondition> failedByBackoffLimit() {
    return {failureTarget(job_reason::BackoffLimitExceeded, kBackoffMsg),
            failed(job_reason::BackoffLimitExceeded, kBackoffMsg)};
}
JobCondition suspendedTrue() {
    return jobCondition(job_condition::Suspended, "True", job_reason::JobSuspended,
                        "Job suspended");
}

int acceptedCreations(const SyncResult& r) {
    return static_cast<int>(std::count_if(r.creations.begin(), r.creations.end(),
                                          [](const PodCreation& c) { return c.accepted; }));
}

} // namespace

Q_DECLARE_METATYPE(SyncJobCase)

class TestControllerSyncJob : public QObject {
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

void TestControllerSyncJob::addRows() {
    QTest::addColumn<SyncJobCase>("tc");
    auto add = [](const char* name, const SyncJobCase& c) { QTest::newRow(name) << c; };

    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.expectedCreations = 2;
        c.expectedActive = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written (gate off upstream)
        add("job start", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = -1;
        c.backoffLimit = 6;
        c.expectedCreations = 2;
        c.expectedActive = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("WQ job start", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.pendingPods = 2;
        c.expectedActive = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("pending pods", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 3;
        c.completions = 5;
        c.backoffLimit = 6;
        c.activePods = 3;
        c.readyPods = 2;
        c.expectedActive = 3;
        c.expectedReady = 2;
        c.expectedTerminating = 0; // master: terminating always written
        add("correct # of pods", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = -1;
        c.backoffLimit = 6;
        c.activePods = 2;
        c.expectedActive = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("WQ job: correct # of pods", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.succeededPods = 1;
        c.expectedCreations = 1;
        c.expectedActive = 2;
        c.expectedSucceeded = 1;
        c.expectedPodPatches = 1;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("too few active pods", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 1;
        c.completions = -1;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.failedPods = 1;
        c.podReplacementPolicy = pod_replacement_policy::Failed;
        c.terminatingPods = 1;
        c.expectedTerminating = 1;
        c.expectedReady = 0;
        // Removes finalizer and deletes one failed pod
        c.expectedPodPatches = 1;
        c.expectedFailed = 1;
        c.expectedActive = 1;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 1;
        add("WQ job: recreate pods when failed", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.failedPods = 1;
        c.expectedTerminating = 1;
        c.expectedReady = 0;
        c.terminatingPods = 1;
        c.expectedActive = 1;
        c.expectedPodPatches = 2;
        c.expectedFailed = 2;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 1;
        add("WQ job: turn on PodReplacementPolicy but not set PodReplacementPolicy", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 1;
        c.completions = -1;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.failedPods = 1;
        c.podReplacementPolicy = pod_replacement_policy::TerminatingOrFailed;
        c.terminatingPods = 1;
        c.expectedTerminating = 1;
        c.expectedReady = 0;
        c.expectedActive = 1;
        c.expectedPodPatches = 2;
        c.expectedFailed = 2;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 1;
        add("WQ job: recreate pods when terminating or failed", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.backoffLimit = 6;
        c.activePods = 2;
        c.failedPods = 0;
        c.terminatingPods = 4;
        c.podReplacementPolicy = pod_replacement_policy::Failed;
        c.expectedTerminating = 5;
        c.expectedReady = 0;
        c.expectedActive = 1;
        c.expectedDeletions = 1;
        c.expectedPodPatches = 1;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 5;
        add("more terminating pods than parallelism", c);
    }
    {
        // Repro for https://github.com/kubernetes/kubernetes/issues/122235
        SyncJobCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.backoffLimit = 6;
        c.activePods = 2;
        c.failedPods = 0;
        c.terminatingPods = 4;
        c.podFailurePolicy = PodFailurePolicy{};
        // master: upstream expects nil with the JobPodReplacementPolicy gate off; now the 4
        // terminating Pods plus the one deleted in this sync are reported.
        c.expectedTerminating = 5;
        c.expectedReady = 0;
        c.expectedActive = 1;
        c.expectedDeletions = 1;
        c.expectedPodPatches = 1;
        add("more terminating pods than parallelism; PodFailurePolicy used", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.backoffLimit = 6;
        c.backoffRecord = BackoffRecord{1, kNow}; // lastFailureTime = the controller's clock
        c.initialStatus = InitialStatus{};
        c.initialStatus->startTime = kNow;
        c.activePods = 0;
        c.succeededPods = 0;
        c.expectedCreations = 0;
        c.expectedActive = 0;
        c.expectedSucceeded = 0;
        c.expectedPodPatches = 0;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("too few active pods and active back-off", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.backoffLimit = 6;
        c.backoffRecord = BackoffRecord{0, kNow};
        c.activePods = 0;
        c.succeededPods = 0;
        c.expectedCreations = 1;
        c.expectedActive = 1;
        c.expectedSucceeded = 0;
        c.expectedPodPatches = 0;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("too few active pods and no back-offs", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = -1;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.expectedCreations = 1;
        c.expectedActive = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("too few active pods with a dynamic job", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.podControllerError = true;
        c.activePods = 1;
        c.succeededPods = 1;
        c.expectedCreations = 1;
        c.expectedActive = 1;
        c.expectedSucceeded = 0;
        c.expectedPodPatches = 1; // issued and refused
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("too few active pods, with controller error", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.activePods = 3;
        c.expectedDeletions = 1;
        c.expectedActive = 2;
        c.expectedPodPatches = 1;
        c.expectedReady = 0;
        c.expectedTerminating = 1; // master: the deleted Pod is terminating (gate off upstream)
        add("too many active pods", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.activePods = 3;
        c.expectedDeletions = 1;
        c.expectedActive = 2;
        c.expectedPodPatches = 1;
        c.expectedReady = 0;
        c.expectedTerminating = 1;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 1;
        add("too many active pods; PodReplacementPolicy enabled", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.podControllerError = true;
        c.activePods = 3;
        c.expectedDeletions = 0;
        c.expectedPodPatches = 1; // refused, so no DELETE follows
        c.expectedActive = 3;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("too many active pods, with controller error", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.activePods = 3;
        c.readyPods = 3;
        c.expectedDeletions = 1;
        c.expectedActive = 2;
        c.expectedPodPatches = 1;
        c.expectedReady = 2;
        c.expectedTerminating = 1; // master: the deleted Pod is terminating
        add("count ready pods when too many active pods", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.succeededPods = 1;
        c.failedPods = 1;
        c.expectedCreations = 1;
        c.expectedActive = 2;
        c.expectedSucceeded = 1;
        c.expectedFailed = 1;
        c.expectedPodPatches = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("failed + succeed pods: reset backoff delay", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.failedPods = 1;
        c.expectedCreations = 1;
        c.expectedActive = 2;
        c.expectedFailed = 1;
        c.expectedPodPatches = 1;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("new failed pod", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.backoffLimit = 6;
        c.initialStatus = InitialStatus{1, 0, 1, std::nullopt, {}};
        c.activePods = 1;
        c.failedPods = 0;
        c.expectedCreations = 0;
        c.expectedActive = 1;
        c.expectedFailed = 1;
        c.expectedPodPatches = 0;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("no new pod; possible finalizer update of failed pod", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.podControllerError = true;
        c.activePods = 1;
        c.failedPods = 1;
        c.expectedCreations = 1;
        c.expectedActive = 1;
        c.expectedFailed = 0;
        c.expectedPodPatches = 1; // issued and refused
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("only new failed pod with controller error", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.succeededPods = 5;
        c.expectedSucceeded = 5;
        // master: SuccessCriteriaMet then Complete, reason CompletionsReached (upstream forces
        // JobSuccessPolicy / JobPodReplacementPolicy off and expects a bare Complete).
        c.expectedConditions = completedByCompletions();
        c.expectedPodPatches = 5;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        c.upstreamConditions = upstreamComplete();
        add("job finish", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = -1;
        c.backoffLimit = 6;
        c.activePods = 1;
        c.succeededPods = 1;
        c.expectedActive = 1;
        c.expectedSucceeded = 1;
        c.expectedPodPatches = 1;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("WQ job finishing", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = -1;
        c.backoffLimit = 6;
        c.succeededPods = 2;
        c.expectedSucceeded = 2;
        c.expectedConditions = completedByCompletions(); // master: see "job finish"
        c.expectedPodPatches = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        c.upstreamConditions = upstreamComplete();
        add("WQ job all finished", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = -1;
        c.backoffLimit = 6;
        c.succeededPods = 1;
        c.failedPods = 1;
        c.expectedSucceeded = 1;
        c.expectedFailed = 1;
        c.expectedConditions = completedByCompletions(); // master: see "job finish"
        c.expectedPodPatches = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        c.upstreamConditions = upstreamComplete();
        add("WQ job all finished despite one failure", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.activePods = 10;
        c.expectedDeletions = 8;
        c.expectedActive = 2;
        c.expectedPodPatches = 8;
        c.expectedReady = 0;
        c.expectedTerminating = 8; // master: the 8 deleted Pods are terminating
        add("more active pods than parallelism", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 3;
        c.completions = 4;
        c.backoffLimit = 6;
        c.activePods = 3;
        c.succeededPods = 2;
        c.expectedDeletions = 1;
        c.expectedActive = 2;
        c.expectedSucceeded = 2;
        c.expectedPodPatches = 3;
        c.expectedReady = 0;
        c.expectedTerminating = 1; // master: the deleted Pod is terminating
        add("more active pods than remaining completions", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.activePods = 2;
        c.succeededPods = 2;
        c.expectedActive = 2;
        c.expectedSucceeded = 2;
        c.expectedPodPatches = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("status change", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.deleting = true;
        c.pendingPods = 1;
        c.activePods = 1;
        c.succeededPods = 1;
        c.expectedActive = 2;
        c.expectedSucceeded = 1;
        c.expectedPodPatches = 3;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("deleting job", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 100;
        c.completions = 200;
        c.backoffLimit = 6;
        c.podLimit = 10;
        c.expectedCreations = 10;
        c.expectedActive = 10;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("limited pods", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.deleting = true;
        c.failedPods = 1;
        c.expectedFailed = 1;
        // master: FailureTarget first; no Pod is terminating, so Failed follows in the same
        // sync (upstream forces the gates off and expects Failed alone).
        c.expectedConditions = failedByBackoffLimit();
        c.expectedPodPatches = 1;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        c.upstreamConditions = upstreamFailedByBackoffLimit();
        add("too many job failures", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.deleting = true;
        c.failedPods = 1;
        c.fakeExpectationAtCreation = 1;
        c.expectedFailed = 1;
        c.expectedPodPatches = 1;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("job failures, unsatisfied expectations", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.completionMode = completion_mode::Indexed;
        c.expectedCreations = 2;
        c.expectedActive = 2;
        c.expectedCreatedIndexes = {0, 1};
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("indexed job start", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.completionMode = completion_mode::Indexed;
        c.expectedCreations = 1;
        c.expectedActive = 1;
        c.expectedCreatedIndexes = {0};
        c.podReplacementPolicy = pod_replacement_policy::Failed;
        c.terminatingPods = 1;
        c.expectedTerminating = 1;
        c.expectedReady = 0;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 1;
        add("indexed job with some pods deleted, podReplacementPolicy Failed", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.completionMode = completion_mode::Indexed;
        c.expectedCreations = 2;
        c.expectedActive = 2;
        c.expectedCreatedIndexes = {0, 1};
        c.podReplacementPolicy = pod_replacement_policy::TerminatingOrFailed;
        c.terminatingPods = 1;
        c.expectedTerminating = 1;
        c.expectedReady = 0;
        c.expectedPodPatches = 1;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 1;
        add("indexed job with some pods deleted, podReplacementPolicy TerminatingOrFailed", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 3;
        c.backoffLimit = 6;
        c.completionMode = completion_mode::Indexed;
        c.podsWithIndexes = {{"0", pod_phase::Succeeded},
                             {"1", pod_phase::Failed},
                             {"1", pod_phase::Succeeded},
                             {"2", pod_phase::Succeeded}};
        c.expectedSucceeded = 3;
        c.expectedFailed = 1;
        c.expectedCompletedIdxs = "0-2";
        c.expectedConditions = completedByCompletions(); // master: see "job finish"
        c.expectedPodPatches = 4;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        c.upstreamConditions = upstreamComplete();
        add("indexed job completed", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 3;
        c.backoffLimit = 0;
        c.completionMode = completion_mode::Indexed;
        c.podsWithIndexes = {
            {"0", pod_phase::Succeeded}, {"1", pod_phase::Failed}, {"2", pod_phase::Running}};
        c.expectedSucceeded = 1;
        c.expectedFailed = 2;
        c.expectedCompletedIdxs = "0";
        // master: FailureTarget only; the deleted Pod of index 2 is terminating, which holds
        // Failed back (upstream forces the gates off and expects Failed). Same as the next
        // row, which has the gate on.
        c.expectedConditions = {failureTarget(job_reason::BackoffLimitExceeded, kBackoffMsg)};
        c.expectedPodPatches = 3;
        c.expectedReady = 0;
        c.expectedDeletions = 1;
        c.expectedTerminating = 1; // master: the deleted Pod is terminating
        c.upstreamConditions = upstreamFailedByBackoffLimit();
        add("indexed job failed", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 3;
        c.backoffLimit = 0;
        c.completionMode = completion_mode::Indexed;
        c.podsWithIndexes = {
            {"0", pod_phase::Succeeded}, {"1", pod_phase::Failed}, {"2", pod_phase::Running}};
        c.expectedSucceeded = 1;
        c.expectedFailed = 2;
        c.expectedCompletedIdxs = "0";
        c.expectedConditions = {failureTarget(job_reason::BackoffLimitExceeded, kBackoffMsg)};
        c.expectedPodPatches = 3;
        c.expectedReady = 0;
        c.expectedDeletions = 1;
        c.expectedTerminating = 1;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 1;
        add("count terminating pods when indexed job fails and PodReplacementPolicy enabled", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 3;
        c.backoffLimit = 0;
        c.activePods = 2;
        c.readyPods = 2;
        c.failedPods = 1;
        c.expectedFailed = 3;
        // master: FailureTarget only, the two deleted Pods are terminating (gates off
        // upstream: Failed).
        c.expectedConditions = {failureTarget(job_reason::BackoffLimitExceeded, kBackoffMsg)};
        c.expectedPodPatches = 3;
        c.expectedReady = 0;
        c.expectedDeletions = 2;
        c.expectedTerminating = 2; // master: the two deleted Pods are terminating
        c.upstreamConditions = upstreamFailedByBackoffLimit();
        add("count ready pods when job fails", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 3;
        c.backoffLimit = 6;
        c.completionMode = completion_mode::Indexed;
        c.podsWithIndexes = {
            {"0", pod_phase::Succeeded}, {"1", pod_phase::Succeeded}, {"1", pod_phase::Succeeded}};
        c.expectedCreations = 1;
        c.expectedActive = 1;
        c.expectedSucceeded = 2;
        c.expectedCompletedIdxs = "0,1";
        c.expectedCreatedIndexes = {2};
        c.expectedPodPatches = 3;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("indexed job repeated completed index", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 8;
        c.completions = 20;
        c.backoffLimit = 6;
        c.completionMode = completion_mode::Indexed;
        c.podsWithIndexes = {{"0", pod_phase::Running},   {"2", pod_phase::Succeeded},
                             {"3", pod_phase::Pending},   {"4", pod_phase::Succeeded},
                             {"5", pod_phase::Succeeded}, {"7", pod_phase::Succeeded},
                             {"8", pod_phase::Succeeded}, {"9", pod_phase::Succeeded}};
        c.expectedCreations = 6;
        c.expectedActive = 8;
        c.expectedSucceeded = 6;
        c.expectedCompletedIdxs = "2,4,5,7-9";
        c.expectedCreatedIndexes = {1, 6, 10, 11, 12, 13};
        c.expectedPodPatches = 6;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("indexed job some running and completed pods", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 3;
        c.completions = 4;
        c.backoffLimit = 6;
        c.completionMode = completion_mode::Indexed;
        c.podsWithIndexes = {
            {"0", pod_phase::Failed}, {"1", pod_phase::Pending}, {"2", pod_phase::Failed}};
        c.expectedCreations = 2;
        c.expectedActive = 3;
        c.expectedFailed = 2;
        c.expectedCreatedIndexes = {0, 2};
        c.expectedPodPatches = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("indexed job some failed pods", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.completionMode = completion_mode::Indexed;
        c.activePods = 1;
        c.succeededPods = 1;
        c.failedPods = 1;
        c.podsWithIndexes = {{"invalid", pod_phase::Running}, {"invalid", pod_phase::Succeeded},
                             {"invalid", pod_phase::Failed},  {"invalid", pod_phase::Pending},
                             {"0", pod_phase::Succeeded},     {"1", pod_phase::Running},
                             {"2", pod_phase::Running}};
        c.expectedDeletions = 3;
        c.expectedActive = 2;
        c.expectedSucceeded = 1;
        c.expectedFailed = 0;
        c.expectedCompletedIdxs = "0";
        c.expectedPodPatches = 8;
        c.expectedReady = 0;
        c.expectedTerminating = 3; // master: the 3 deleted Pods are terminating
        add("indexed job some pods without index", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 5;
        c.completions = 5;
        c.backoffLimit = 6;
        c.completionMode = completion_mode::Indexed;
        c.succeededPods = 1;
        c.failedPods = 1;
        c.podsWithIndexes = {{"invalid", pod_phase::Running},
                             {"0", pod_phase::Succeeded},
                             {"1", pod_phase::Running},
                             {"2", pod_phase::Running},
                             {"2", pod_phase::Pending}};
        c.expectedCreations = 0;
        c.expectedDeletions = 2;
        c.expectedActive = 2;
        c.expectedSucceeded = 1;
        c.expectedCompletedIdxs = "0";
        c.expectedPodPatches = 5;
        c.expectedReady = 0;
        c.expectedTerminating = 2; // master: the 2 deleted Pods are terminating
        add("indexed job repeated indexes", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 5;
        c.backoffLimit = 6;
        c.completionMode = completion_mode::Indexed;
        c.podsWithIndexes = {{"0", pod_phase::Succeeded},
                             {"5", pod_phase::Running},
                             {"6", pod_phase::Succeeded},
                             {"7", pod_phase::Pending},
                             {"8", pod_phase::Failed}};
        c.expectedCreations = 0; // only one of creations and deletions can happen in a sync
        c.expectedSucceeded = 1;
        c.expectedDeletions = 2;
        c.expectedCompletedIdxs = "0";
        c.expectedActive = 0;
        c.expectedFailed = 0;
        c.expectedPodPatches = 5;
        c.expectedReady = 0;
        c.expectedTerminating = 2; // master: the 2 deleted Pods are terminating
        add("indexed job with indexes outside of range", c);
    }
    {
        // Suspended Job should delete active pods when expectations are satisfied.
        SyncJobCase c;
        c.suspend = true;
        c.parallelism = 2;
        c.activePods = 2; // parallelism == active, expectations satisfied
        c.completions = 4;
        c.backoffLimit = 6;
        c.expectedCreations = 0;
        c.expectedDeletions = 2;
        c.expectedActive = 0;
        c.expectedConditions = {suspendedTrue()};
        c.expectedPodPatches = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 2; // master: the 2 deleted Pods are terminating
        add("suspending a job with satisfied expectations", c);
    }
    {
        SyncJobCase c;
        c.suspend = true;
        c.parallelism = 2;
        c.activePods = 2; // parallelism == active, expectations satisfied
        c.completions = 4;
        c.backoffLimit = 6;
        c.expectedCreations = 0;
        c.expectedDeletions = 2;
        c.expectedActive = 0;
        c.expectedConditions = {suspendedTrue()};
        c.expectedPodPatches = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 2;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 2;
        add("suspending a job with satisfied expectations; PodReplacementPolicy enabled", c);
    }
    {
        SyncJobCase c;
        c.suspend = true;
        c.parallelism = 2;
        c.activePods = 2; // parallelism == active, expectations satisfied
        c.readyPods = 2;
        c.completions = 4;
        c.backoffLimit = 6;
        c.expectedCreations = 0;
        c.expectedDeletions = 2;
        c.expectedActive = 0;
        c.expectedConditions = {suspendedTrue()};
        c.expectedPodPatches = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 2; // master: the 2 deleted Pods are terminating
        add("count ready pods when suspending a job with satisfied expectations", c);
    }
    {
        // The controller waits for its expectations before suspending; the next sync (not
        // tested here) behaves like the satisfied case above.
        SyncJobCase c;
        c.suspend = true;
        c.parallelism = 2;
        c.activePods = 3;                 // active > parallelism, expectations unsatisfied
        c.fakeExpectationAtCreation = -1; // the controller is expecting a deletion
        c.completions = 4;
        c.backoffLimit = 6;
        c.expectedCreations = 0;
        c.expectedDeletions = 0;
        c.expectedActive = 3;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("suspending a job with unsatisfied expectations", c);
    }
    {
        SyncJobCase c;
        c.suspend = true;
        c.parallelism = 2;
        c.activePods = 3; // active > parallelism, expectations unsatisfied
        c.readyPods = 3;
        c.fakeExpectationAtCreation = -1; // the controller is expecting a deletion
        c.completions = 4;
        c.backoffLimit = 6;
        c.expectedCreations = 0;
        c.expectedDeletions = 0;
        c.expectedActive = 3;
        c.expectedReady = 3;
        c.expectedTerminating = 0; // master: terminating always written
        add("count ready pods when suspending a job with unsatisfied expectations", c);
    }
    {
        SyncJobCase c;
        c.suspend = true;
        c.parallelism = 2;
        c.activePods = 3;                 // active > parallelism, expectations unsatisfied
        c.fakeExpectationAtCreation = -1; // the controller is expecting a deletion
        c.completions = 4;
        c.backoffLimit = 6;
        c.expectedCreations = 0;
        c.expectedDeletions = 0;
        c.expectedActive = 3;
        c.expectedReady = 0;
        c.expectedTerminating = 0;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 0;
        add("suspending a job with unsatisfied expectations; PodReplacementPolicy enabled", c);
    }
    {
        SyncJobCase c;
        c.wasSuspended = true;
        c.suspend = false;
        c.parallelism = 2;
        c.completions = 4;
        c.backoffLimit = 6;
        c.expectedCreations = 2;
        c.expectedDeletions = 0;
        c.expectedActive = 2;
        c.expectedConditions = {
            jobCondition(job_condition::Suspended, "False", job_reason::JobResumed, "Job resumed")};
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("resuming a suspended job", c);
    }
    {
        // The Job is being deleted, so nothing changes from before it was suspended and the
        // Suspended condition is not added.
        SyncJobCase c;
        c.suspend = true;
        c.deleting = true;
        c.parallelism = 2;
        c.activePods = 2; // parallelism == active, expectations satisfied
        c.completions = 4;
        c.backoffLimit = 6;
        c.expectedCreations = 0;
        c.expectedDeletions = 0;
        c.expectedActive = 2;
        c.expectedPodPatches = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0; // master: terminating always written
        add("suspending a deleted job", c);
    }
    {
        SyncJobCase c;
        c.suspend = true;
        c.deleting = true;
        c.parallelism = 2;
        c.activePods = 2; // parallelism == active, expectations satisfied
        c.completions = 4;
        c.backoffLimit = 6;
        c.expectedCreations = 0;
        c.expectedDeletions = 0;
        c.expectedActive = 2;
        c.expectedPodPatches = 2;
        c.expectedReady = 0;
        c.expectedTerminating = 0;
        c.jobPodReplacementPolicy = true;
        c.upstreamTerminating = 0;
        add("suspending a deleted job; PodReplacementPolicy enabled", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.activePods = 1;
        c.readyPods = 1;
        c.initialStatus = InitialStatus{};
        c.initialStatus->active = 1;
        c.initialStatus->startTime = kNow;
        c.initialStatus->conditions = {jobCondition(job_condition::FailureTarget, "False",
                                                    "ConditionAddedManually", "Testing")};
        c.expectedActive = 1;
        c.expectedReady = 1;
        c.expectedConditions = c.initialStatus->conditions;
        c.expectedTerminating = 0; // master: terminating always written
        add("FailureTarget=False condition added manually is ignored", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 1;
        c.completions = 1;
        c.activePods = 1;
        c.readyPods = 1;
        c.initialStatus = InitialStatus{};
        c.initialStatus->active = 1;
        c.initialStatus->startTime = kNow;
        c.initialStatus->conditions = {jobCondition(job_condition::SuccessCriteriaMet, "False",
                                                    "ConditionAddedManually", "Testing")};
        c.expectedActive = 1;
        c.expectedReady = 1;
        c.expectedConditions = c.initialStatus->conditions;
        c.expectedTerminating = 0; // master: terminating always written
        c.jobSuccessPolicy = true;
        add("SuccessCriteriaMet=False condition added manually is ignored", c);
    }
    {
        SyncJobCase c;
        c.parallelism = 2;
        c.completions = 3;
        c.backoffLimit = 0;
        c.completionMode = completion_mode::Indexed;
        c.podsWithIndexes = {
            {"0", pod_phase::Succeeded}, {"1", pod_phase::Failed}, {"2", pod_phase::Running}};
        c.expectedSucceeded = 1;
        c.expectedFailed = 2;
        c.expectedCompletedIdxs = "0";
        c.expectedConditions = {failureTarget(job_reason::BackoffLimitExceeded, kBackoffMsg)};
        c.expectedPodPatches = 3;
        c.expectedReady = 0;
        c.expectedDeletions = 1;
        c.expectedTerminating = 1; // master: the deleted Pod is terminating
        c.jobManagedBy = true;
        add("backoff limit exceeded; JobManagedBy enabled", c);
    }
}

void TestControllerSyncJob::run(bool upstreamGates) {
    QFETCH(SyncJobCase, tc);

    // Upstream's gates for the row, or current master's.
    FeatureGates gates;
    if (upstreamGates) {
        gates.jobPodReplacementPolicy = tc.jobPodReplacementPolicy;
        gates.jobSuccessPolicy = tc.jobSuccessPolicy;
        gates.jobManagedBy = tc.jobManagedBy;
    }
    const std::optional<int32_t> expectedTerminating =
        upstreamGates ? tc.upstreamTerminating : std::optional<int32_t>(tc.expectedTerminating);
    const std::vector<JobCondition>& expectedConditions =
        upstreamGates && tc.upstreamConditions ? *tc.upstreamConditions : tc.expectedConditions;

    // job & pods setup, as upstream's loop body
    Job job = newJob(tc.parallelism, tc.completions, tc.backoffLimit, tc.completionMode);
    job.spec.suspend = tc.suspend;
    if (!upstreamGates || tc.jobPodReplacementPolicy)
        job.spec.podReplacementPolicy = tc.podReplacementPolicy;
    job.spec.podFailurePolicy = tc.podFailurePolicy;
    if (tc.initialStatus) {
        job.status.startTime = tc.initialStatus->startTime.value_or(kNow);
        job.status.active = tc.initialStatus->active;
        job.status.succeeded = tc.initialStatus->succeed;
        job.status.failed = tc.initialStatus->failed;
        for (const auto& c : tc.initialStatus->conditions)
            job.status.conditions.push_back(c);
    }
    if (tc.wasSuspended)
        job.status.conditions.push_back(jobCondition(
            job_condition::Suspended, "True", job_reason::JobSuspended, "Job suspended", kNow));
    if (tc.deleting)
        job.metadata.deletionTimestamp = kNow;

    std::vector<Pod> pods;
    setPodsStatuses(pods, job, tc.pendingPods, tc.activePods, tc.succeededPods, tc.failedPods,
                    tc.terminatingPods, tc.readyPods);
    setPodsStatusesWithIndexes(pods, job, tc.podsWithIndexes);

    SyncInput input = makeInput(job, pods);
    input.gates = gates;
    if (tc.backoffRecord)
        input.backoff = *tc.backoffRecord;
    input.expectations = unsatisfiedExpectations(tc.fakeExpectationAtCreation);
    if (tc.podControllerError)
        input.apiErrors = podControlError();
    else if (tc.podLimit != 0)
        input.apiErrors = createLimit(tc.podLimit);

    // run
    const SyncResult r = jobscope::syncJob(input);

    QVERIFY(r.synced);
    // A pod-control failure or exceeding the create limit makes syncJob return an error.
    if (tc.podControllerError) {
        QVERIFY2(r.error.has_value(), "syncJob expected to return an error on podControl error");
    } else if (tc.podLimit != 0 && r.creationCount() > tc.podLimit) {
        QVERIFY2(r.error.has_value(), "syncJob expected to return an error past the create limit");
    } else {
        QVERIFY2(!r.error.has_value(), r.error.value_or("").c_str());
    }

    // validate created/deleted pods
    if (tc.podLimit != 0) {
        QCOMPARE(acceptedCreations(r), tc.expectedCreations);
        // Slow start: batches of 1, 2, 4, ... stop after the batch in which the limit was hit.
        int expectedLimit = 0;
        for (int pass = 0; expectedLimit <= tc.podLimit; ++pass)
            expectedLimit += kSlowStartInitialBatchSize << pass;
        QVERIFY2(r.creationCount() <= expectedLimit,
                 qPrintable(QStringLiteral("%1 create calls, want <= %2")
                                .arg(r.creationCount())
                                .arg(expectedLimit)));
    } else {
        QCOMPARE(r.creationCount(), tc.expectedCreations);
    }
    if (tc.completionMode == completion_mode::Indexed) {
        for (const auto& c : r.creations) {
            QVERIFY2(c.index.has_value(), "created pod has no completion index");
            // upstream checkIndexedJobPods: generateName "<job>-<index>-"
            QCOMPARE(QString::fromStdString(c.generateName),
                     QStringLiteral("%1-%2-").arg(QLatin1String(kJobName)).arg(*c.index));
        }
        QCOMPARE(describeIndexes(r.createdIndexes()), describeIndexes(tc.expectedCreatedIndexes));
    } else {
        for (const auto& c : r.creations)
            QVERIFY2(!c.index.has_value(), "NonIndexed job created a pod with an index");
    }
    QCOMPARE(r.deletionCount(), tc.expectedDeletions);

    // validate status
    QCOMPARE(r.status.active, tc.expectedActive);
    QCOMPARE(describeOptional(r.status.ready), describeOptional(tc.expectedReady));
    QCOMPARE(r.status.succeeded, tc.expectedSucceeded);
    QCOMPARE(QString::fromStdString(r.status.completedIndexes),
             QString::fromStdString(tc.expectedCompletedIdxs));
    QCOMPARE(r.status.failed, tc.expectedFailed);
    QCOMPARE(describeOptional(r.status.terminating), describeOptional(expectedTerminating));
    if (tc.suspend)
        QVERIFY2(!r.status.startTime.has_value(), "status.startTime set on a suspended job");
    else
        QVERIFY2(r.status.startTime.has_value(), "missing status.startTime");

    // validate conditions (times ignored, as upstream)
    QCOMPARE(describeConditions(r.status.conditions), describeConditions(expectedConditions));

    QCOMPARE(static_cast<int>(r.finalizerRemovals.size()), tc.expectedPodPatches);
}

QTEST_APPLESS_MAIN(TestControllerSyncJob)
#include "tst_sync_job.moc"
