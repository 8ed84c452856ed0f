// SPDX-License-Identifier: GPL-3.0-or-later
// Port of upstream pkg/controller/job/backoff_utils_test.go: TestNewBackoffRecord,
// TestGetFinishedTime, TestGetRemainingBackoffTime, TestGetRemainingBackoffTimePerIndex —
// every row, named as upstream. Times are seconds; upstream's defaultTestTime
// (2009-11-10T23:00:00Z) is kT.

#include "reconcile/backoff.h"
#include "reconcile/indexes.h"

#include <QtTest>

#include <optional>
#include <string>
#include <vector>

using namespace jobscope;

namespace {

constexpr Seconds kT = 1257894000.0; // 2009-11-10T23:00:00Z
constexpr Seconds kMs = 0.001;

ContainerStatus terminatedAt(std::optional<Seconds> finishedAt, std::string name = {}) {
    ContainerStatus status;
    status.name = std::move(name);
    status.terminated = ContainerStateTerminated{};
    status.terminated->finishedAt = finishedAt;
    return status;
}

ContainerStatus running() {
    ContainerStatus status;
    status.running = true;
    return status;
}

Pod podFinishedAt(const InternedString& phase, Seconds finishedAt) {
    Pod pod;
    pod.phase = phase;
    pod.containerStatuses = {terminatedAt(finishedAt)};
    return pod;
}

QString describe(const BackoffRecord& r) {
    return QStringLiteral("{failuresAfterLastSuccess: %1, lastFailureTime: %2}")
        .arg(r.failuresAfterLastSuccess)
        .arg(r.lastFailureTime ? QString::number(*r.lastFailureTime, 'f', 3)
                               : QStringLiteral("nil"));
}

// --- TestNewBackoffRecord ---

struct NewRecordCase {
    const char* name;
    BackoffRecord stored; // the store's record for the Job before the sync (empty store: {})
    std::vector<Seconds> newSucceededPods;
    std::vector<Seconds> newFailedPods;
    BackoffRecord want;
};

const std::vector<NewRecordCase>& newRecordCases() {
    static const std::vector<NewRecordCase> cases = {
        {"Empty backoff store and one new failure", {}, {}, {kT}, {1, kT}},
        {"Empty backoff store and two new failures", {}, {}, {kT, kT - 1 * kMs}, {2, kT}},
        {"Empty backoff store, two failures followed by success",
         {},
         {kT},
         {kT - 2 * kMs, kT - 1 * kMs},
         {0, std::nullopt}},
        {"Empty backoff store, two failures, one success and two more failures",
         {},
         {kT - 2 * kMs},
         {kT, kT - 4 * kMs, kT - 3 * kMs, kT - 1 * kMs},
         {2, kT}},
        {"Backoff store having failure count 2 and one new failure",
         {2, std::nullopt},
         {},
         {kT},
         {3, kT}},
        {"Empty backoff store with success and failure at same timestamp",
         {},
         {kT},
         {kT},
         {0, std::nullopt}},
        {"Empty backoff store with no success/failure", {}, {}, {}, {0, std::nullopt}},
        {"Empty backoff store with one success", {}, {kT}, {}, {0, std::nullopt}},
    };
    return cases;
}

// --- TestGetFinishedTime ---

struct FinishedTimeCase {
    const char* name;
    Pod pod;
    Seconds wantFinishTime;
};

Pod withContainers(std::vector<ContainerStatus> containers) {
    Pod pod;
    pod.containerStatuses = std::move(containers);
    return pod;
}

const std::vector<FinishedTimeCase>& finishedTimeCases() {
    static const std::vector<FinishedTimeCase> cases = [] {
        std::vector<FinishedTimeCase> c;
        c.push_back({"Pod with multiple containers and all containers terminated",
                     withContainers({terminatedAt(kT - 1), terminatedAt(kT), terminatedAt(kT - 2)}),
                     kT});
        {
            Pod pod = withContainers({terminatedAt(kT - 1), running(), terminatedAt(kT - 2)});
            pod.metadata.deletionTimestamp = kT;
            c.push_back({"Pod with multiple containers; two containers in terminated state and one "
                         "in running state; fallback to deletionTimestamp",
                         pod, kT});
        }
        {
            Pod pod = withContainers({running()});
            pod.metadata.deletionTimestamp = kT;
            c.push_back({"fallback to deletionTimestamp", pod, kT});
        }
        {
            Pod pod = withContainers({running()});
            pod.metadata.deletionTimestamp = kT;
            pod.metadata.deletionGracePeriodSeconds = 30;
            c.push_back(
                {"fallback to deletionTimestamp, decremented by grace period", pod, kT - 30});
        }
        {
            Pod pod = withContainers({terminatedAt(std::nullopt)});
            pod.conditions = {{"Ready", "False", kT}};
            c.push_back({"fallback to PodReady.LastTransitionTime when status of the condition is "
                         "False",
                         pod, kT});
        }
        {
            Pod pod = withContainers({terminatedAt(std::nullopt)});
            pod.conditions = {{"Ready", "True", kT - 30}};
            pod.metadata.deletionTimestamp = kT;
            c.push_back({"skip fallback to PodReady.LastTransitionTime when status of the "
                         "condition is True",
                         pod, kT});
        }
        {
            Pod pod = withContainers({terminatedAt(std::nullopt)});
            pod.metadata.creationTimestamp = kT;
            c.push_back({"fallback to creationTimestamp", pod, kT});
        }
        {
            // The stored upstream test expects the init container (kT) to decide. Current master
            // (getFinishTimeFromContainers, also mirrored in pkg/controller/evictionrequest)
            // reads only sidecar init containers — spec.initContainers with restartPolicy
            // Always — and this one is not declared as such, so the regular container decides.
            Pod pod = withContainers({terminatedAt(kT - 1)});
            pod.initContainerStatuses = {terminatedAt(kT)};
            c.push_back({"Pod with init container and all containers terminated", pod, kT - 1});
        }
        {
            // Row of master's TestGetFinishedTime as mirrored in
            // pkg/controller/evictionrequest: a sidecar stops after the regular containers.
            Pod pod = withContainers({terminatedAt(kT - 1)});
            pod.initContainerStatuses = {terminatedAt(kT, "sidecar")};
            pod.restartableInitContainers = {"sidecar"};
            c.push_back({"Pod with sidecar container and all containers terminated", pod, kT});
        }
        return c;
    }();
    return cases;
}

// --- TestGetRemainingBackoffTime ---

struct RemainingCase {
    const char* name;
    BackoffRecord backoffRecord;
    Seconds currentTime;
    Seconds defaultBackoff;
    Seconds maxBackoff;
    Seconds wantDuration;
};

const std::vector<RemainingCase>& remainingCases() {
    static const std::vector<RemainingCase> cases = {
        {"no failures", {0, std::nullopt}, 0, 5, 700, 0},
        {"one failure; current time and failure time are same", {1, kT}, kT, 5, 700, 5},
        {"one failure; current time == 1 second + failure time", {1, kT}, kT + 1, 5, 700, 4},
        {"one failure; current time == expected backoff time", {1, kT}, kT + 5, 5, 700, 0},
        {"one failure; current time == expected backoff time + 1 Second",
         {1, kT},
         kT + 6,
         5,
         700,
         0},
        {"three failures; current time and failure time are same", {3, kT}, kT, 5, 700, 20},
        {"eight failures; current time and failure time are same; backoff not exceeding "
         "maxBackoff",
         {8, kT},
         kT,
         5,
         700,
         640},
        {"nine failures; current time and failure time are same; backoff exceeding maxBackoff",
         {9, kT},
         kT,
         5,
         700,
         700},
    };
    return cases;
}

// --- TestGetRemainingBackoffTimePerIndex ---

struct PerIndexCase {
    const char* name;
    Seconds currentTime;
    Seconds defaultBackoff;
    Seconds maxBackoff;
    std::optional<Pod> lastFailedPod;
    Seconds wantDuration;
};

// buildPod().phase(Failed).indexFailureCount(..)[.indexIgnoredFailureCount(..)]
//     .customDeletionTimestamp(kT)
Pod failedPodDeletedAt(Seconds deletion, const char* failures, const char* ignored = nullptr) {
    Pod pod;
    pod.phase = pod_phase::Failed;
    pod.metadata.annotations[kJobIndexFailureCountAnnotation] = failures;
    if (ignored)
        pod.metadata.annotations[kJobIndexIgnoredFailureCountAnnotation] = ignored;
    pod.metadata.deletionTimestamp = deletion;
    return pod;
}

const std::vector<PerIndexCase>& perIndexCases() {
    static const std::vector<PerIndexCase> cases = {
        {"no failures", 0, 5, 700, std::nullopt, 0},
        {"two prev failures; current time and failure time are same", kT, 5, 700,
         failedPodDeletedAt(kT, "2"), 20},
        {"one prev failure counted and one ignored; current time and failure time are same", kT, 5,
         700, failedPodDeletedAt(kT, "1", "1"), 20},
    };
    return cases;
}

template <typename Cases> void addRows(const Cases& cases) {
    QTest::addColumn<int>("row");
    for (int i = 0; i < static_cast<int>(cases.size()); ++i)
        QTest::newRow(cases[i].name) << i;
}

} // namespace

class TestBackoff : public QObject {
    Q_OBJECT

private slots:
    void newBackoffRecord_data() { addRows(newRecordCases()); }
    void newBackoffRecord();
    void getFinishedTime_data() { addRows(finishedTimeCases()); }
    void getFinishedTime();
    void getRemainingBackoffTime_data() { addRows(remainingCases()); }
    void getRemainingBackoffTime();
    void getRemainingBackoffTimePerIndex_data() { addRows(perIndexCases()); }
    void getRemainingBackoffTimePerIndex();
};

void TestBackoff::newBackoffRecord() {
    QFETCH(int, row);
    const NewRecordCase& tc = newRecordCases()[row];
    std::vector<Pod> succeeded;
    std::vector<Pod> failed;
    for (Seconds t : tc.newSucceededPods)
        succeeded.push_back(podFinishedAt(pod_phase::Succeeded, t));
    for (Seconds t : tc.newFailedPods)
        failed.push_back(podFinishedAt(pod_phase::Failed, t));
    std::vector<const Pod*> succeededPtrs;
    std::vector<const Pod*> failedPtrs;
    for (const Pod& p : succeeded)
        succeededPtrs.push_back(&p);
    for (const Pod& p : failed)
        failedPtrs.push_back(&p);
    const BackoffRecord got = jobscope::newBackoffRecord(tc.stored, succeededPtrs, failedPtrs);
    QCOMPARE(describe(got), describe(tc.want));
    QVERIFY(got == tc.want);
}

void TestBackoff::getFinishedTime() {
    QFETCH(int, row);
    const FinishedTimeCase& tc = finishedTimeCases()[row];
    QCOMPARE(podFinishedTime(tc.pod), tc.wantFinishTime);
}

void TestBackoff::getRemainingBackoffTime() {
    QFETCH(int, row);
    const RemainingCase& tc = remainingCases()[row];
    QCOMPARE(
        backoffRemainingTime(tc.backoffRecord, tc.currentTime, tc.defaultBackoff, tc.maxBackoff),
        tc.wantDuration);
}

void TestBackoff::getRemainingBackoffTimePerIndex() {
    QFETCH(int, row);
    const PerIndexCase& tc = perIndexCases()[row];
    const Pod* pod = tc.lastFailedPod ? &*tc.lastFailedPod : nullptr;
    QCOMPARE(backoffRemainingTimePerIndex(pod, tc.currentTime, tc.defaultBackoff, tc.maxBackoff),
             tc.wantDuration);
}

QTEST_APPLESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
