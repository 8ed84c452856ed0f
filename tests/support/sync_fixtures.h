// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builders for syncJob tests, mirroring the helpers of upstream's
// pkg/controller/job/job_controller_test.go so that ported rows read like upstream's.
//
//   Job job = newJob(2, 5, 6);                         // parallelism, completions, backoffLimit
//   std::vector<Pod> pods;
//   setPodsStatuses(pods, job, /*pending*/ 0, /*active*/ 1, /*succeeded*/ 1, /*failed*/ 0,
//                   /*terminating*/ 0, /*ready*/ 0);
//   setPodsStatusesWithIndexes(pods, job, {{"0", pod_phase::Succeeded}, {"1", "Running"}});
//   pods.push_back(buildPod().job(job).phase(pod_phase::Failed).index("2").trackingFinalizer());
//   SyncResult r = syncJob(makeInput(job, pods));
//
// Conventions: the controller clock is kNow (upstream: time.Now() of a fake clock); Pods built
// by newPodList carry a terminated container state finished at kTestFinishedAt (1 s after the
// epoch, upstream's testFinishedAt) so that pod-failure backoff never delays a test; Pods get
// unique, stable names "pod-<n>" (upstream: random) and uid = name, as upstream's newPod.
// A completion of -1 or parallelism of -1 leaves the field unset, as upstream's newJob.

#include "job.h"
#include "pod.h"
#include "reconcile/sync.h"

#include <QString>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace jobscope::test {

inline constexpr Seconds kNow = 1'000'000.0;    // the controller's clock in every test
inline constexpr Seconds kTestFinishedAt = 1.0; // upstream testFinishedAt

inline constexpr const char* kJobName = "foobar";
inline constexpr const char* kJobNamespace = "default";
inline constexpr const char* kJobUid = "job-uid-foobar";

// newJobWithName / newJob: selector and template labels foo=bar, one container, no status.
// completionMode "" leaves spec.completionMode unset (NonIndexed).
Job newJobWithName(const std::string& name, int32_t parallelism, int32_t completions,
                   int32_t backoffLimit, const std::string& completionMode = {});
Job newJob(int32_t parallelism, int32_t completions, int32_t backoffLimit,
           const std::string& completionMode = {});

// newPod: a Pod owned by `job` with its selector labels, uid = name, no finalizer, Pending.
Pod newPod(const std::string& name, const Job& job);

// A name "pod-<n>" not used by any Pod in `pods`.
std::string nextPodName(const std::vector<Pod>& pods);

// newPodList: `count` Pods in `phase`, each with the tracking finalizer and one container
// status terminated at kTestFinishedAt (as upstream, whatever the phase). Names continue the
// numbering of `existing` so that lists can be concatenated.
std::vector<Pod> newPodList(int count, const std::string& phase, const Job& job,
                            const std::vector<Pod>& existing = {});

// setPodsStatuses: appends pending, active (Running; the first `ready` of them Ready=True),
// succeeded, failed and terminating (Running with deletionTimestamp = `deletionTime`) Pods.
void setPodsStatuses(std::vector<Pod>& pods, const Job& job, int pending, int active, int succeeded,
                     int failed, int terminating, int ready, Seconds deletionTime = kNow);

// upstream indexPhase; index kNoIndex means no completion-index annotation.
inline constexpr const char* kNoIndex = "-";
struct IndexPhase {
    std::string index;
    std::string phase;
    bool terminating = false; // deletionTimestamp set (kNow)
};

// setPodsStatusesWithIndexes: one Pod per entry, with the tracking finalizer, the index
// annotation (unless kNoIndex) and, for finished Pods, a container terminated at
// kTestFinishedAt.
void setPodsStatusesWithIndexes(std::vector<Pod>& pods, const Job& job,
                                const std::vector<IndexPhase>& statuses);

// upstream buildPod(): a chainable Pod builder. Converts to Pod.
class PodBuilder {
public:
    PodBuilder();
    PodBuilder& name(const std::string& n); // also sets uid when uid was not set explicitly
    PodBuilder& ns(const std::string& n);
    PodBuilder& uid(const std::string& u);
    PodBuilder& job(const Job& j); // selector labels and namespace of the Job
    PodBuilder& label(const std::string& key, const std::string& value);
    PodBuilder& clearLabels();
    PodBuilder& index(const std::string& ix);
    PodBuilder& indexFailureCount(const std::string& count);
    PodBuilder& indexIgnoredFailureCount(const std::string& count);
    PodBuilder& annotation(const std::string& key, const std::string& value);
    PodBuilder& phase(const std::string& p);
    PodBuilder& trackingFinalizer();
    PodBuilder& deletionTimestamp(); // upstream: the zero time; here 0 s
    PodBuilder& customDeletionTimestamp(Seconds t);
    PodBuilder& creationTimestamp(Seconds t);
    PodBuilder& startTime(Seconds t);
    PodBuilder& nodeName(const std::string& n);
    PodBuilder& condition(const std::string& type, const std::string& status = "True",
                          std::optional<Seconds> lastTransitionTime = std::nullopt);
    PodBuilder& ready(); // condition Ready=True
    // A container status; with exitCode set, the container is terminated with it.
    PodBuilder& container(const std::string& name, std::optional<int32_t> exitCode = std::nullopt,
                          std::optional<Seconds> finishedAt = std::nullopt,
                          int32_t restartCount = 0);
    PodBuilder& initContainer(const std::string& name,
                              std::optional<int32_t> exitCode = std::nullopt,
                              std::optional<Seconds> finishedAt = std::nullopt,
                              int32_t restartCount = 0);
    // A running container status with `restartCount` restarts (restartPolicy OnFailure tests).
    PodBuilder& restartCount(int32_t count, const std::string& containerName = "main");
    // Terminated container state finished at `t` (the first container, added if none).
    PodBuilder& finishedAt(Seconds t);

    Pod pod;
    operator Pod() const { return pod; } // NOLINT: implicit on purpose, as upstream's .Pod

private:
    bool uidSet_ = false;
};

PodBuilder buildPod();

// Small mutators for Pods made by the list builders.
void addTrackingFinalizer(Pod& pod);
void removeTrackingFinalizer(Pod& pod);
void setDeletionTimestamp(Pod& pod, Seconds t = kNow);
void addCondition(Pod& pod, const std::string& type, const std::string& status = "True");
void setContainerExit(Pod& pod, int32_t exitCode, std::optional<Seconds> finishedAt = std::nullopt,
                      const std::string& containerName = "main");
void setRestartCount(Pod& pod, int32_t restarts, const std::string& containerName = "main");

// Job status conditions.
JobCondition jobCondition(const std::string& type, const std::string& status,
                          const std::string& reason = {}, const std::string& message = {},
                          std::optional<Seconds> at = std::nullopt);

// upstream FakePodControl{Err: ...}: creates, deletes and patches all fail with `error`.
ApiErrors podControlError(ApiError error = ApiError::Error);
// upstream FakePodControl{CreateLimit: n}: the first n creates succeed, later ones fail.
ApiErrors createLimit(int limit);

// A SyncInput at kNow with no expectations and no backoff record.
SyncInput makeInput(const Job& job, const std::vector<Pod>& pods, Seconds now = kNow);

// Upstream's ExpectCreations / ExpectDeletions (fakeExpectationAtCreation: positive =
// creations, negative = deletions), set at `now` so the TTL has not run out.
Expectations unsatisfiedExpectations(int fakeExpectationAtCreation, Seconds now = kNow);

// Text forms for QCOMPARE diffs: "Type=Status/Reason: Message" joined by "; ", times left out
// as upstream's cmpopts.IgnoreFields(LastProbeTime, LastTransitionTime).
QString describeConditions(const std::vector<JobCondition>& conditions);
QString describeCondition(const JobCondition& c);
QString describeIndexes(const std::vector<int>& indexes);  // sorted, comma-joined
QString describeOptional(const std::optional<int32_t>& v); // "nil" or the number
// Every JobStatus field, condition times left out, for whole-status comparisons as upstream's
// cmp.Diff(wantStatus, actual.Status).
QString describeStatus(const JobStatus& status);

} // namespace jobscope::test
