// SPDX-License-Identifier: GPL-3.0-or-later
// Port of upstream pkg/controller/job/indexed_job_utils_test.go: every test function and row,
// named as upstream. Upstream enables JobBackoffLimitPerIndex in these tests; so do the gates
// passed here (kGates, every gate on).
// Three last tests are not upstream's: one pins the error texts of the strict index-list
// parser of pkg/apis/batch/validation, which the manifest validation reports; the others, that
// the index setCompletionIndex writes on a Pod is what reading its entries back gives, and that
// a Pod keeping its index entries as numbers (Pod::indexEntries) reads as their text would.

#include "reconcile/indexes.h"
#include "reconcile/job_pods.h"

#include <QtTest>

#include <climits>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace jobscope;

namespace {

const char* const kNoIndex = "-";
const FeatureGates kGates;

struct IndexPhase {
    std::string index; // kNoIndex: no annotation
    std::string phase;
};

// hollowPodsWithIndexPhase: Pods with only a phase and, unless kNoIndex, the index annotation.
std::vector<Pod> hollowPodsWithIndexPhase(const std::vector<IndexPhase>& descs) {
    std::vector<Pod> pods;
    for (const IndexPhase& d : descs) {
        Pod p;
        p.phase = d.phase;
        if (d.index != kNoIndex)
            p.metadata.annotations[kJobCompletionIndexAnnotation] = d.index;
        pods.push_back(std::move(p));
    }
    return pods;
}

std::vector<const Pod*> ptrs(const std::vector<Pod>& pods) {
    std::vector<const Pod*> out;
    for (const Pod& p : pods)
        out.push_back(&p);
    return out;
}

QString describe(const std::vector<IndexPhase>& v) {
    QStringList parts;
    for (const IndexPhase& ip : v)
        parts << QStringLiteral("{%1 %2}").arg(QString::fromStdString(ip.index),
                                               QString::fromStdString(ip.phase));
    return parts.join(QLatin1Char(','));
}

std::vector<IndexPhase> toIndexPhases(const std::vector<const Pod*>& pods) {
    std::vector<IndexPhase> out;
    for (const Pod* p : pods) {
        const std::string* ix = p->metadata.annotation(kJobCompletionIndexAnnotation);
        out.push_back({ix ? *ix : std::string(kNoIndex), p->phase});
    }
    return out;
}

QString describe(const OrderedIntervals& oi) {
    QStringList parts;
    for (const Interval& iv : oi)
        parts << QStringLiteral("{%1,%2}").arg(iv.first).arg(iv.last);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

QString describe(const std::vector<int>& v) {
    QStringList parts;
    for (int i : v)
        parts << QString::number(i);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

// Upstream's buildPod() test builder.
struct PodBuilder {
    Pod pod;
    PodBuilder& uid(std::string u) {
        pod.metadata.uid = std::move(u);
        return *this;
    }
    PodBuilder& phase(std::string ph) {
        pod.phase = std::move(ph);
        return *this;
    }
    PodBuilder& index(std::string ix) {
        pod.metadata.annotations[kJobCompletionIndexAnnotation] = std::move(ix);
        return *this;
    }
    PodBuilder& indexFailureCount(std::string count) {
        pod.metadata.annotations[kJobIndexFailureCountAnnotation] = std::move(count);
        return *this;
    }
    PodBuilder& indexIgnoredFailureCount(std::string count) {
        pod.metadata.annotations[kJobIndexIgnoredFailureCountAnnotation] = std::move(count);
        return *this;
    }
    PodBuilder& trackingFinalizer() {
        pod.metadata.finalizers.push_back(kJobTrackingFinalizer);
        return *this;
    }
    PodBuilder& customDeletionTimestamp(Seconds t) {
        pod.metadata.deletionTimestamp = t;
        return *this;
    }
    PodBuilder& exitCode(int32_t code) {
        ContainerStatus status;
        status.terminated = ContainerStateTerminated{};
        status.terminated->exitCode = code;
        pod.containerStatuses.push_back(status);
        return *this;
    }
    PodBuilder& condition(std::string type, std::string status) {
        pod.conditions.push_back({std::move(type), std::move(status), std::nullopt});
        return *this;
    }
    operator Pod() const { return pod; }
};
PodBuilder buildPod() {
    return {};
}

Job jobWith(int32_t completions, std::optional<int32_t> backoffLimitPerIndex,
            std::optional<std::string> failedIndexes = std::nullopt) {
    Job job;
    job.spec.completions = completions;
    job.spec.backoffLimitPerIndex = backoffLimitPerIndex;
    job.status.failedIndexes = std::move(failedIndexes);
    return job;
}

PodFailurePolicy policyRule(std::string action, std::optional<int32_t> exitCodeIn,
                            std::optional<std::string> conditionType) {
    PodFailurePolicyRule rule;
    rule.action = std::move(action);
    if (exitCodeIn)
        rule.onExitCodes =
            PodFailurePolicyOnExitCodesRequirement{std::nullopt, "In", {*exitCodeIn}};
    if (conditionType)
        rule.onPodConditions = {{*conditionType, "True"}};
    return PodFailurePolicy{{rule}};
}

// controller.FilterActivePods: neither terminal nor being deleted.
std::vector<const Pod*> filterActivePods(const std::vector<const Pod*>& pods) {
    std::vector<const Pod*> out;
    for (const Pod* p : pods)
        if (!p->isTerminal() && !p->metadata.deletionTimestamp)
            out.push_back(p);
    return out;
}

template <typename Cases> void addRows(const Cases& cases) {
    QTest::addColumn<int>("row");
    for (int i = 0; i < static_cast<int>(cases.size()); ++i)
        QTest::newRow(cases[i].name) << i;
}

// --- TestCalculateSucceededIndexes ---

struct SucceededCase {
    const char* name;
    std::string prevSucceeded;
    std::vector<IndexPhase> pods;
    int32_t completions;
    OrderedIntervals wantStatusIntervals;
    OrderedIntervals wantIntervals;
};

const std::vector<SucceededCase>& succeededCases() {
    using namespace pod_phase;
    static const std::vector<SucceededCase> cases = {
        {"one index", "", {{"1", Succeeded}}, 2, {}, {{1, 1}}},
        {"two separate",
         "",
         {{"2", Failed}, {"5", Succeeded}, {"5", Succeeded}, {"10", Failed}, {"10", Succeeded}},
         11,
         {},
         {{5, 5}, {10, 10}}},
        {"two intervals",
         "",
         {{"0", Running},
          {"1", Pending},
          {"2", Succeeded},
          {"3", Succeeded},
          {"5", Succeeded},
          {"6", Succeeded},
          {"7", Succeeded}},
         8,
         {},
         {{2, 3}, {5, 7}}},
        {"one index and one interval",
         "",
         {{"0", Succeeded},
          {"1", Failed},
          {"2", Succeeded},
          {"3", Succeeded},
          {"4", Succeeded},
          {"5", Succeeded},
          {kNoIndex, Succeeded},
          {"-2", Succeeded}},
         6,
         {},
         {{0, 0}, {2, 5}}},
        {"out of range",
         "",
         {{"0", Succeeded},
          {"1", Succeeded},
          {"2", Succeeded},
          {"3", Failed},
          {"4", Succeeded},
          {"5", Succeeded},
          {kNoIndex, Succeeded},
          {"-2", Succeeded}},
         5,
         {},
         {{0, 2}, {4, 4}}},
        {"prev interval out of range", "0-5,8-10", {}, 8, {{0, 5}}, {{0, 5}}},
        {"prev interval partially out of range",
         "0-5,8-10",
         {},
         10,
         {{0, 5}, {8, 9}},
         {{0, 5}, {8, 9}}},
        {"prev and new separate",
         "0,4,5,10-12",
         {{"2", Succeeded}, {"7", Succeeded}, {"8", Succeeded}},
         13,
         {{0, 0}, {4, 5}, {10, 12}},
         {{0, 0}, {2, 2}, {4, 5}, {7, 8}, {10, 12}}},
        {"prev between new",
         "3,4,6",
         {{"2", Succeeded}, {"7", Succeeded}, {"8", Succeeded}},
         9,
         {{3, 4}, {6, 6}},
         {{2, 4}, {6, 8}}},
        {"new between prev",
         "2,7,8",
         {{"3", Succeeded}, {"4", Succeeded}, {"6", Succeeded}},
         9,
         {{2, 2}, {7, 8}},
         {{2, 4}, {6, 8}}},
        {"new within prev",
         "2-7",
         {{"0", Succeeded}, {"3", Succeeded}, {"5", Succeeded}, {"9", Succeeded}},
         10,
         {{2, 7}},
         {{0, 0}, {2, 7}, {9, 9}}},
        {"corrupted interval", "0,1-foo,bar", {{"3", Succeeded}}, 4, {{0, 0}}, {{0, 0}, {3, 3}}},
    };
    return cases;
}

// --- TestIsIndexFailed ---

struct IsIndexFailedCase {
    const char* name;
    Job job;
    Pod pod;
    bool wantResult;
};

const std::vector<IsIndexFailedCase>& isIndexFailedCases() {
    static const std::vector<IsIndexFailedCase> cases = [] {
        std::vector<IsIndexFailedCase> c;
        c.push_back({"failed pod exceeding backoffLimitPerIndex, when backoffLimitPerIndex=0",
                     jobWith(2, 0),
                     buildPod()
                         .indexFailureCount("0")
                         .phase(pod_phase::Failed)
                         .index("0")
                         .trackingFinalizer(),
                     true});
        c.push_back({"failed pod exceeding backoffLimitPerIndex, when backoffLimitPerIndex=1",
                     jobWith(2, 1),
                     buildPod()
                         .indexFailureCount("1")
                         .phase(pod_phase::Failed)
                         .index("1")
                         .trackingFinalizer(),
                     true});
        Job failIndexJob = jobWith(2, 1);
        failIndexJob.spec.podFailurePolicy = policyRule("FailIndex", 3, std::nullopt);
        c.push_back({"matching FailIndex pod failure policy", failIndexJob,
                     buildPod()
                         .indexFailureCount("0")
                         .phase(pod_phase::Failed)
                         .exitCode(3)
                         .index("0")
                         .trackingFinalizer(),
                     true});
        return c;
    }();
    return cases;
}

// --- TestCalculateFailedIndexes ---

struct FailedIndexesCase {
    const char* name;
    Job job;
    std::vector<Pod> pods;
    OrderedIntervals wantFailedIndexes;
};

const std::vector<FailedIndexesCase>& failedIndexesCases() {
    using pod_phase::Failed;
    static const std::vector<FailedIndexesCase> cases = {
        {"one new index failed",
         jobWith(2, 1),
         {buildPod().indexFailureCount("0").phase(Failed).index("0").trackingFinalizer(),
          buildPod().indexFailureCount("1").phase(Failed).index("1").trackingFinalizer()},
         {{1, 1}}},
        {"pod without finalizer is ignored",
         jobWith(2, 0),
         {buildPod().indexFailureCount("0").phase(Failed).index("0")},
         {}},
        {"pod outside completions is ignored",
         jobWith(2, 0),
         {buildPod().indexFailureCount("0").phase(Failed).index("3")},
         {}},
        {"extend the failed indexes",
         jobWith(2, 0, "0"),
         {buildPod().indexFailureCount("0").phase(Failed).index("1").trackingFinalizer()},
         {{0, 1}}},
        {"prev failed indexes empty",
         jobWith(2, 0, ""),
         {buildPod().indexFailureCount("0").phase(Failed).index("1").trackingFinalizer()},
         {{1, 1}}},
        {"prev failed indexes outside the completions",
         jobWith(2, 0, "9"),
         {buildPod().indexFailureCount("0").phase(Failed).index("1").trackingFinalizer()},
         {{1, 1}}},
    };
    return cases;
}

// --- TestGetPodsWithDelayedDeletionPerIndex ---

struct DelayedCase {
    const char* name;
    Job job;
    std::vector<Pod> pods;
    std::set<std::string> expectedRmFinalizers;
    std::vector<std::string> wantPodsWithDelayedDeletionPerIndex; // uids, sorted
};

const std::vector<DelayedCase>& delayedCases() {
    using namespace pod_phase;
    constexpr Seconds now = 1000;
    static const std::vector<DelayedCase> cases = {
        {"failed pods are kept corresponding to non-failed indexes are kept",
         jobWith(3, 1),
         {buildPod().uid("a").indexFailureCount("0").phase(Failed).index("0").trackingFinalizer(),
          buildPod().uid("b").indexFailureCount("1").phase(Failed).index("1").trackingFinalizer(),
          buildPod().uid("c").indexFailureCount("0").phase(Failed).index("2").trackingFinalizer()},
         {},
         {"a", "c"}},
        {"failed pod without finalizer; the pod's deletion is not delayed as it already started",
         jobWith(2, 0),
         {buildPod().uid("a").indexFailureCount("0").phase(Failed).index("0")},
         {},
         {}},
        {"failed pod with expected finalizer removal; the pod's deletion is not delayed as it "
         "already started",
         jobWith(2, 0),
         {buildPod().uid("a").indexFailureCount("0").phase(Failed).index("0").trackingFinalizer()},
         {"a"},
         {}},
        {"failed pod with index outside of completions; the pod's deletion is not delayed",
         jobWith(2, 0),
         {buildPod().uid("a").indexFailureCount("0").phase(Failed).index("4").trackingFinalizer()},
         {},
         {}},
        {"failed pod for active index; the pod's deletion is not delayed as it is already replaced",
         jobWith(2, 1),
         {buildPod().uid("a1").indexFailureCount("0").phase(Failed).index("0").trackingFinalizer(),
          buildPod()
              .uid("a2")
              .indexFailureCount("1")
              .phase(Running)
              .index("0")
              .trackingFinalizer()},
         {},
         {}},
        {"failed pod for succeeded index; the pod's deletion is not delayed as it is already "
         "replaced",
         jobWith(2, 1),
         {buildPod().uid("a1").indexFailureCount("0").phase(Failed).index("0").trackingFinalizer(),
          buildPod()
              .uid("a2")
              .indexFailureCount("1")
              .phase(Succeeded)
              .index("0")
              .trackingFinalizer()},
         {},
         {}},
        {"multiple failed pods for index with different failure count; only the pod with highest "
         "failure count is kept",
         jobWith(2, 4),
         {buildPod().uid("a1").indexFailureCount("0").phase(Failed).index("0").trackingFinalizer(),
          buildPod().uid("a3").indexFailureCount("2").phase(Failed).index("0").trackingFinalizer(),
          buildPod().uid("a2").indexFailureCount("1").phase(Failed).index("0").trackingFinalizer()},
         {},
         {"a3"}},
        {"multiple failed pods for index with different finish times; only the last failed pod is "
         "kept",
         jobWith(2, 4),
         {buildPod()
              .uid("a1")
              .indexFailureCount("1")
              .phase(Failed)
              .index("0")
              .customDeletionTimestamp(now - 1)
              .trackingFinalizer(),
          buildPod()
              .uid("a3")
              .indexFailureCount("1")
              .phase(Failed)
              .index("0")
              .customDeletionTimestamp(now)
              .trackingFinalizer(),
          buildPod()
              .uid("a2")
              .indexFailureCount("1")
              .phase(Failed)
              .index("0")
              .customDeletionTimestamp(now - 2)
              .trackingFinalizer()},
         {},
         {"a3"}},
    };
    return cases;
}

// --- TestGetNewIndexFailureCountValue ---

struct NewCountCase {
    const char* name;
    Job job;
    std::optional<Pod> pod;
    int32_t wantNewIndexFailureCount;
    int32_t wantNewIndexIgnoredFailureCount;
};

const std::vector<NewCountCase>& newCountCases() {
    static const std::vector<NewCountCase> cases = [] {
        std::vector<NewCountCase> c;
        c.push_back({"first pod created", Job{}, std::nullopt, 0, 0});
        c.push_back({"failed pod being replaced with 0 index failure count", Job{},
                     Pod(buildPod()
                             .uid("a")
                             .indexFailureCount("0")
                             .phase(pod_phase::Failed)
                             .index("0")
                             .trackingFinalizer()),
                     1, 0});
        c.push_back({"failed pod being replaced with >0 index failure count", Job{},
                     Pod(buildPod()
                             .uid("a")
                             .indexFailureCount("3")
                             .phase(pod_phase::Failed)
                             .index("0")
                             .trackingFinalizer()),
                     4, 0});
        Job ignoreJob;
        ignoreJob.spec.podFailurePolicy = policyRule("Ignore", std::nullopt, "DisruptionTarget");
        c.push_back({"failed pod being replaced, matching the ignore rule", ignoreJob,
                     Pod(buildPod()
                             .uid("a")
                             .indexFailureCount("3")
                             .phase(pod_phase::Failed)
                             .condition("DisruptionTarget", "True")
                             .index("3")
                             .trackingFinalizer()),
                     3, 1});
        return c;
    }();
    return cases;
}

// --- TestIntervalsHaveIndex ---

struct HasCase {
    const char* name;
    OrderedIntervals intervals;
    int index;
    bool wantHas;
};

const std::vector<HasCase>& hasCases() {
    static const std::vector<HasCase> cases = {
        {"empty", {}, 4, false},
        {"before all", {{2, 4}, {5, 7}}, 1, false},
        {"after all", {{2, 4}, {6, 8}}, 9, false},
        {"in between", {{2, 4}, {6, 8}}, 5, false},
        {"in first", {{2, 4}, {6, 8}}, 2, true},
        {"in second", {{2, 4}, {6, 8}}, 8, true},
    };
    return cases;
}

// --- TestFirstPendingIndexes ---

struct PendingCase {
    const char* name;
    int cnt;
    int completions;
    std::vector<IndexPhase> activePods;
    OrderedIntervals succeededIndexes;
    std::optional<OrderedIntervals> failedIndexes;
    std::vector<int> want;
};

const std::vector<PendingCase>& pendingCases() {
    using namespace pod_phase;
    static const std::vector<PendingCase> cases = {
        {"cnt greater than completions", 5, 3, {}, {}, std::nullopt, {0, 1, 2}},
        {"cnt less than completions", 2, 5, {}, {}, std::nullopt, {0, 1}},
        {"first pods active", 3, 10, {{"0", Running}, {"1", Pending}}, {}, std::nullopt, {2, 3, 4}},
        {"last pods active or succeeded",
         6,
         6,
         {{"6", Pending}},
         {{4, 5}},
         std::nullopt,
         {0, 1, 2, 3}},
        {"mixed",
         5,
         20,
         {{"3", Pending}, {"5", Running}, {"8", Pending}, {kNoIndex, Running}, {"-3", Running}},
         {{2, 4}, {9, 9}},
         std::nullopt,
         {0, 1, 6, 7, 10}},
        {"with failed indexes",
         5,
         20,
         {{"3", Pending}, {"9", Pending}},
         {{1, 1}, {5, 5}, {9, 9}},
         OrderedIntervals{{2, 2}, {6, 7}},
         {0, 4, 8, 10, 11}},
    };
    return cases;
}

// --- TestAppendDuplicatedIndexPodsForRemoval ---

struct DuplicatedCase {
    const char* name;
    std::vector<IndexPhase> pods;
    std::vector<IndexPhase> wantRm;
    std::vector<IndexPhase> wantLeft;
    int32_t completions;
};

const std::vector<DuplicatedCase>& duplicatedCases() {
    using namespace pod_phase;
    static const std::vector<DuplicatedCase> cases = {
        {"all unique",
         {{kNoIndex, Pending}, {"2", Pending}, {"5", Running}, {"6", Running}},
         {{kNoIndex, Pending}, {"6", Running}},
         {{"2", Pending}, {"5", Running}},
         6},
        {"all with index",
         {{"5", Pending},
          {"0", Running},
          {"3", Pending},
          {"0", Running},
          {"3", Running},
          {"0", Pending},
          {"6", Running},
          {"6", Pending}},
         {{"0", Pending}, {"0", Running}, {"3", Pending}, {"6", Running}, {"6", Pending}},
         {{"0", Running}, {"3", Running}, {"5", Pending}},
         6},
        {"mixed",
         {{kNoIndex, Pending},
          {"invalid", Running},
          {"-2", Running},
          {"0", Pending},
          {"1", Pending},
          {"1", Pending},
          {"1", Running}},
         {{kNoIndex, Pending},
          {"invalid", Running},
          {"-2", Running},
          {"1", Pending},
          {"1", Pending}},
         {{"0", Pending}, {"1", Running}},
         6},
    };
    return cases;
}

// activePodsForRemoval with nothing to scale down (rmAtLeast 0) removes exactly the Pods
// appendDuplicatedIndexPodsForRemoval puts in `rm`, in its order: the upstream rows above, and
// rows where every Pod holds an index of its own (the syncs that tell this without ordering
// the Pods), one past completions, and a repeat among many.
const std::vector<DuplicatedCase>& removalCases() {
    using namespace pod_phase;
    static const std::vector<DuplicatedCase> cases = [] {
        std::vector<DuplicatedCase> rows = duplicatedCases();
        rows.push_back(
            {"every index once", {{"4", Running}, {"0", Pending}, {"2", Running}}, {}, {}, 6});
        rows.push_back({"every index once, one of them past completions",
                        {{"4", Running}, {"6", Pending}, {"2", Running}},
                        {{"6", Pending}},
                        {},
                        6});
        rows.push_back({"no Pods", {}, {}, {}, 6});
        DuplicatedCase many{"one repeat among 200 indexes", {}, {{"150", Pending}}, {}, 200};
        for (int i = 0; i < 200; ++i)
            many.pods.push_back({std::to_string(i), Running});
        many.pods.push_back({"150", Pending});
        rows.push_back(std::move(many));
        return rows;
    }();
    return cases;
}

// parseIndexesFromString as the controller's does it: strings.Split on ',' and '-', strconv.Atoi
// on the parts, corrupted intervals skipped, parsing stopped at a first index past completions,
// last indexes capped, touching intervals merged. Our own rows (upstream tests it through
// TestCalculateSucceededIndexes, ported above).
struct ParseCase {
    const char* name;
    std::string text;
    int completions;
    OrderedIntervals want;
};

const std::vector<ParseCase>& parseCases() {
    static const std::vector<ParseCase> cases = {
        {"empty", "", 10, {}},
        {"one index", "3", 10, {{3, 3}}},
        {"intervals and singles", "1,3-5,7", 10, {{1, 1}, {3, 5}, {7, 7}}},
        {"touching ones merge", "1,2,3-4,5", 10, {{1, 5}}},
        {"corrupted ones skipped", "0,x,2-y,4", 10, {{0, 0}, {4, 4}}},
        {"three parts read as two", "1-2-3,7", 10, {{1, 2}, {7, 7}}},
        {"a leading dash is not a number", "-5,6", 10, {{6, 6}}},
        {"a space is not a digit", " 1,2", 10, {{2, 2}}},
        {"a sign is", "+1,3", 10, {{1, 1}, {3, 3}}},
        {"stops at a first index past completions", "2,12,4", 10, {{2, 2}}},
        {"caps a last index past completions", "8-20", 10, {{8, 9}}},
        {"empty parts skipped", "1,,3,", 10, {{1, 1}, {3, 3}}},
        {"out of int64 range skipped", "99999999999999999999,3", 10, {{3, 3}}},
    };
    return cases;
}

// --- TestPodGenerateNameWithIndex ---

struct GenerateNameCase {
    const char* name;
    std::string jobname;
    int index;
    std::string wantPodGenerateName;
};

const std::vector<GenerateNameCase>& generateNameCases() {
    static const std::vector<GenerateNameCase> cases = {
        {"short job name", "indexed-job", 1, "indexed-job-1-"},
        {"job name exceeds MaxGeneneratedNameLength",
         "hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooo", 1,
         "hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-"},
        {"job name with index suffix exceeds MaxGeneratedNameLength",
         "hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhoo", 1,
         "hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-"},
    };
    return cases;
}

// --- TestGetIndexFailureCount ---

struct FailureCountCase {
    const char* name;
    Pod pod;
    int32_t wantResult;
};

const std::vector<FailureCountCase>& failureCountCases() {
    static const std::vector<FailureCountCase> cases = {
        {"no annotation", Pod{}, 0},
        {"valid value", buildPod().indexFailureCount("2"), 2},
        {"valid maxint32 value", buildPod().indexFailureCount(std::to_string(INT32_MAX)),
         INT32_MAX},
        {"too large value",
         buildPod().indexFailureCount(std::to_string(static_cast<int64_t>(INT32_MAX) + 1)), 0},
        {"negative value", buildPod().indexFailureCount("-1"), 0},
        {"invalid int value", buildPod().indexFailureCount("xyz"), 0},
    };
    return cases;
}

// --- strict parser (pkg/apis/batch/validation validateIndexesFormat; not an upstream table) ---

struct FormatCase {
    const char* name;
    std::string indexes;
    int32_t completions;
    int32_t wantTotal;
    std::optional<std::string> wantError;
};

const std::vector<FormatCase>& formatCases() {
    static const std::vector<FormatCase> cases = {
        {"empty list", "", 10, 0, std::nullopt},
        {"single indexes and intervals", "0,2-4,7", 10, 5, std::nullopt},
        {"three parts", "1-2-3", 10, 0,
         "the fragment \"1-2-3\" violates the requirement that an index interval can have at most "
         "two parts separated by '-'"},
        {"not a number", "1,a", 10, 0, "cannot convert string to integer for index: \"a\""},
        {"negative number", "-1", 10, 0, "cannot convert string to integer for index: \"\""},
        {"first index too large", "10", 10, 0, "too large index: \"10\""},
        {"interval end too large", "3-12", 10, 0, "too large index: \"12\""},
        {"interval not increasing", "5-3", 10, 0, "non-increasing order, previous: 5, current: 3"},
        {"intervals not increasing", "1-4,4", 10, 0,
         "non-increasing order, previous: 4, current: 4"},
    };
    return cases;
}

} // namespace

class TestIndexes : public QObject {
    Q_OBJECT

private slots:
    void calculateSucceededIndexes_data() { addRows(succeededCases()); }
    void calculateSucceededIndexes();
    void isIndexFailed_data() { addRows(isIndexFailedCases()); }
    void isIndexFailed();
    void calculateFailedIndexes_data() { addRows(failedIndexesCases()); }
    void calculateFailedIndexes();
    void getPodsWithDelayedDeletionPerIndex_data() { addRows(delayedCases()); }
    void getPodsWithDelayedDeletionPerIndex();
    void getNewIndexFailureCountValue_data() { addRows(newCountCases()); }
    void getNewIndexFailureCountValue();
    void intervalsHaveIndex_data() { addRows(hasCases()); }
    void intervalsHaveIndex();
    void firstPendingIndexes_data() { addRows(pendingCases()); }
    void firstPendingIndexes();
    void appendDuplicatedIndexPodsForRemoval_data() { addRows(duplicatedCases()); }
    void appendDuplicatedIndexPodsForRemoval();
    void activePodsForRemovalWithoutScaleDown_data() { addRows(removalCases()); }
    void parseIndexesFromString_data() { addRows(parseCases()); }
    void parseIndexesFromString();
    void activePodsForRemovalWithoutScaleDown();
    void podGenerateNameWithIndex_data() { addRows(generateNameCases()); }
    void podGenerateNameWithIndex();
    void getIndexFailureCount_data() { addRows(failureCountCases()); }
    void getIndexFailureCount();
    void validateIndexesFormat_data() { addRows(formatCases()); }
    void validateIndexesFormat();
    void setCompletionIndexReadsBack_data();
    void setCompletionIndexReadsBack();
    void indexEntriesReadAsTheirText_data();
    void indexEntriesReadAsTheirText();
};

void TestIndexes::calculateSucceededIndexes() {
    QFETCH(int, row);
    const SucceededCase& tc = succeededCases()[row];
    Job job;
    job.status.completedIndexes = tc.prevSucceeded;
    job.spec.completions = tc.completions;
    std::vector<Pod> pods = hollowPodsWithIndexPhase(tc.pods);
    for (Pod& p : pods)
        p.metadata.finalizers.push_back(kJobTrackingFinalizer);
    const auto [gotStatus, got] = jobscope::calculateSucceededIndexes(job, ptrs(pods));
    QCOMPARE(describe(gotStatus), describe(tc.wantStatusIntervals));
    QCOMPARE(describe(got), describe(tc.wantIntervals));
}

void TestIndexes::isIndexFailed() {
    QFETCH(int, row);
    const IsIndexFailedCase& tc = isIndexFailedCases()[row];
    QCOMPARE(jobscope::isIndexFailed(tc.job, tc.pod, kGates), tc.wantResult);
}

void TestIndexes::calculateFailedIndexes() {
    QFETCH(int, row);
    const FailedIndexesCase& tc = failedIndexesCases()[row];
    QCOMPARE(describe(jobscope::calculateFailedIndexes(tc.job, ptrs(tc.pods), kGates)),
             describe(tc.wantFailedIndexes));
}

void TestIndexes::getPodsWithDelayedDeletionPerIndex() {
    QFETCH(int, row);
    const DelayedCase& tc = delayedCases()[row];
    const std::vector<const Pod*> pods = ptrs(tc.pods);
    const std::vector<const Pod*> activePods = filterActivePods(pods);
    const OrderedIntervals failedIndexes = jobscope::calculateFailedIndexes(tc.job, pods, kGates);
    const OrderedIntervals succeededIndexes =
        jobscope::calculateSucceededIndexes(tc.job, pods).second;
    const ViewSet expectedRmFinalizers(tc.expectedRmFinalizers.begin(),
                                       tc.expectedRmFinalizers.end());
    const auto got = jobscope::getPodsWithDelayedDeletionPerIndex(
        tc.job, pods, activePods, succeededIndexes, failedIndexes, expectedRmFinalizers, kGates);
    std::set<std::string> gotUids;
    for (const auto& [ix, pod] : got)
        gotUids.insert(pod->metadata.uid);
    QStringList gotList;
    for (const std::string& uid : gotUids)
        gotList << QString::fromStdString(uid);
    QStringList wantList;
    for (const std::string& uid : tc.wantPodsWithDelayedDeletionPerIndex)
        wantList << QString::fromStdString(uid);
    QCOMPARE(gotList, wantList);
}

void TestIndexes::getNewIndexFailureCountValue() {
    QFETCH(int, row);
    const NewCountCase& tc = newCountCases()[row];
    const auto [failures, ignored] =
        getNewIndexFailureCounts(tc.job, tc.pod ? &*tc.pod : nullptr, kGates);
    QCOMPARE(failures, tc.wantNewIndexFailureCount);
    QCOMPARE(ignored, tc.wantNewIndexIgnoredFailureCount);
}

void TestIndexes::intervalsHaveIndex() {
    QFETCH(int, row);
    const HasCase& tc = hasCases()[row];
    QCOMPARE(tc.intervals.has(tc.index), tc.wantHas);
}

void TestIndexes::firstPendingIndexes() {
    QFETCH(int, row);
    const PendingCase& tc = pendingCases()[row];
    // Upstream's newJob(1, 1, 1, Indexed); the jobCtx has no other Pods.
    Job job;
    job.spec.parallelism = 1;
    job.spec.completions = 1;
    job.spec.backoffLimit = 1;
    job.spec.completionMode = completion_mode::Indexed;
    const std::vector<Pod> active = hollowPodsWithIndexPhase(tc.activePods);
    const std::vector<int> got =
        jobscope::firstPendingIndexes(job, ptrs(active), {}, tc.succeededIndexes, tc.failedIndexes,
                                      tc.cnt, tc.completions, kGates);
    QCOMPARE(describe(got), describe(tc.want));
}

void TestIndexes::appendDuplicatedIndexPodsForRemoval() {
    QFETCH(int, row);
    const DuplicatedCase& tc = duplicatedCases()[row];
    const std::vector<Pod> pods = hollowPodsWithIndexPhase(tc.pods);
    std::vector<const Pod*> rm;
    std::vector<const Pod*> left;
    jobscope::appendDuplicatedIndexPodsForRemoval(rm, left, ptrs(pods), tc.completions,
                                                  activePodsLess);
    QCOMPARE(describe(toIndexPhases(rm)), describe(tc.wantRm));
    QCOMPARE(describe(toIndexPhases(left)), describe(tc.wantLeft));
}

void TestIndexes::activePodsForRemovalWithoutScaleDown() {
    QFETCH(int, row);
    const DuplicatedCase& tc = removalCases()[row];
    Job job;
    job.spec.completions = tc.completions;
    job.spec.completionMode = completion_mode::Indexed;
    const std::vector<Pod> pods = hollowPodsWithIndexPhase(tc.pods);
    const std::vector<const Pod*> rm = jobscope::activePodsForRemoval(job, ptrs(pods), 0);
    QCOMPARE(describe(toIndexPhases(rm)), describe(tc.wantRm));
}

void TestIndexes::parseIndexesFromString() {
    QFETCH(int, row);
    const ParseCase& tc = parseCases()[row];
    QCOMPARE(describe(jobscope::parseIndexesFromString(tc.text, tc.completions)),
             describe(tc.want));
}

void TestIndexes::podGenerateNameWithIndex() {
    QFETCH(int, row);
    const GenerateNameCase& tc = generateNameCases()[row];
    QCOMPARE(QString::fromStdString(jobscope::podGenerateNameWithIndex(tc.jobname, tc.index)),
             QString::fromStdString(tc.wantPodGenerateName));
}

void TestIndexes::getIndexFailureCount() {
    QFETCH(int, row);
    const FailureCountCase& tc = failureCountCases()[row];
    QCOMPARE(jobscope::getIndexFailureCount(tc.pod), tc.wantResult);
}

void TestIndexes::validateIndexesFormat() {
    QFETCH(int, row);
    const FormatCase& tc = formatCases()[row];
    const IndexesFormatResult got = jobscope::validateIndexesFormat(tc.indexes, tc.completions);
    QCOMPARE(got.total, tc.wantTotal);
    QCOMPARE(QString::fromStdString(got.error.value_or("<none>")),
             QString::fromStdString(tc.wantError.value_or("<none>")));
}

void TestIndexes::setCompletionIndexReadsBack_data() {
    QTest::addColumn<std::optional<int>>("before"); // an index written earlier, as text
    QTest::addColumn<std::optional<int>>("index");
    QTest::addColumn<QString>("wantText"); // of both the annotation and the label; "" absent
    QTest::addColumn<int>("wantIndex");
    QTest::newRow("index 0") << std::optional<int>() << std::optional<int>(0) << "0" << 0;
    QTest::newRow("index 7 over 3") << std::optional<int>(3) << std::optional<int>(7) << "7" << 7;
    QTest::newRow("largest int") << std::optional<int>() << std::optional<int>(INT_MAX)
                                 << QString::number(INT_MAX) << INT_MAX;
    QTest::newRow("NonIndexed over 3")
        << std::optional<int>(3) << std::optional<int>() << "" << kUnknownCompletionIndex;
    QTest::newRow("negative") << std::optional<int>() << std::optional<int>(-2) << "-2"
                              << kUnknownCompletionIndex;
}

void TestIndexes::setCompletionIndexReadsBack() {
    QFETCH(std::optional<int>, before);
    QFETCH(std::optional<int>, index);
    QFETCH(QString, wantText);
    QFETCH(int, wantIndex);
    Pod pod;
    if (before) {
        pod.metadata.annotations[kJobCompletionIndexAnnotation] = std::to_string(*before);
        pod.metadata.labels[kJobCompletionIndexAnnotation] = std::to_string(*before);
    }
    setCompletionIndex(pod, index);
    for (const auto* entries : {&pod.metadata.annotations, &pod.metadata.labels}) {
        const auto it = entries->find(kJobCompletionIndexAnnotation);
        QCOMPARE(it == entries->end() ? QString() : QString::fromStdString(it->second), wantText);
    }
    QCOMPARE(getCompletionIndex(pod), wantIndex);
    // A Pod keeping its entries as numbers gets the index as a number, and reads it the same.
    Pod numbers;
    setIndexEntries(numbers, {before, std::nullopt, std::nullopt});
    setCompletionIndex(numbers, index);
    QVERIFY(numbers.metadata.annotations.empty() && numbers.metadata.labels.empty());
    QCOMPARE(getCompletionIndex(numbers), wantIndex);
}

void TestIndexes::indexEntriesReadAsTheirText_data() {
    QTest::addColumn<std::optional<int>>("index");
    QTest::addColumn<std::optional<int>>("failures");
    QTest::addColumn<std::optional<int>>("ignored");
    const std::optional<int> none;
    QTest::newRow("none") << none << none << none;
    QTest::newRow("index 0, no counts") << std::optional<int>(0) << none << none;
    QTest::newRow("index 4, counts 2 and 1")
        << std::optional<int>(4) << std::optional<int>(2) << std::optional<int>(1);
    QTest::newRow("counts 0") << std::optional<int>(1) << std::optional<int>(0)
                              << std::optional<int>(0);
    QTest::newRow("negative index and counts")
        << std::optional<int>(-1) << std::optional<int>(-3) << std::optional<int>(-7);
    QTest::newRow("largest int everywhere")
        << std::optional<int>(INT_MAX) << std::optional<int>(INT_MAX)
        << std::optional<int>(INT_MAX);
    QTest::newRow("counts without an index")
        << none << std::optional<int>(5) << std::optional<int>(6);
}

void TestIndexes::indexEntriesReadAsTheirText() {
    QFETCH(std::optional<int>, index);
    QFETCH(std::optional<int>, failures);
    QFETCH(std::optional<int>, ignored);
    // The same entries as the controller writes them: decimal text.
    Pod text;
    const auto write = [&text](const char* key, std::optional<int> value, bool label) {
        if (!value)
            return;
        text.metadata.annotations[key] = std::to_string(*value);
        if (label)
            text.metadata.labels[key] = std::to_string(*value);
    };
    write(kJobCompletionIndexAnnotation, index, true);
    write(kJobIndexFailureCountAnnotation, failures, false);
    write(kJobIndexIgnoredFailureCountAnnotation, ignored, false);
    // As numbers, on a Pod that carried older text for them and an entry of another key.
    Pod numbers;
    numbers.metadata.annotations[kJobCompletionIndexAnnotation] = "99";
    numbers.metadata.annotations[kJobIndexFailureCountAnnotation] = "98";
    numbers.metadata.labels[kJobCompletionIndexAnnotation] = "99";
    numbers.metadata.labels["team"] = "a";
    setIndexEntries(numbers, {index, failures, ignored});
    QVERIFY(numbers.metadata.annotations.empty());
    QCOMPARE(numbers.metadata.labels.size(), std::size_t(1));
    QCOMPARE(numbers.metadata.labels.count("team"), std::size_t(1));

    QCOMPARE(getCompletionIndex(numbers), getCompletionIndex(text));
    QCOMPARE(jobscope::getIndexFailureCount(numbers), jobscope::getIndexFailureCount(text));
    QCOMPARE(getIndexIgnoredFailureCount(numbers), getIndexIgnoredFailureCount(text));
    QCOMPARE(getIndexAbsoluteFailureCount(numbers), getIndexAbsoluteFailureCount(text));
}

QTEST_APPLESS_MAIN(TestIndexes)
#include "tst_indexes.moc"
