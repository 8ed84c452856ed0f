// SPDX-License-Identifier: GPL-3.0-or-later
// Port of upstream pkg/controller/job/pod_failure_policy_test.go (TestMatchPodFailurePolicy):
// every row, named as upstream. matchPodFailurePolicy() runs the rows with every gate on
// (current master, JobBackoffLimitPerIndex GA), so the rows upstream runs with the gate off
// expect master's behaviour there: a FailIndex rule matches.
// matchPodFailurePolicyWithUpstreamGates() sets JobBackoffLimitPerIndex as upstream does for
// each row (off unless the row turns it on) and expects upstream's own result.

#include "reconcile/pod_failure_policy.h"

#include <QtTest>

#include <optional>
#include <string>
#include <vector>

using namespace jobscope;

namespace {

using Action = std::optional<std::string>;
const Action kIgnore = pod_failure_policy_action::Ignore;
const Action kFailJob = pod_failure_policy_action::FailJob;
const Action kFailIndex = pod_failure_policy_action::FailIndex;
const Action kCount = pod_failure_policy_action::Count;

PodFailurePolicyRule onExitCodes(std::string action, std::string op, std::vector<int32_t> values) {
    PodFailurePolicyRule rule;
    rule.action = std::move(action);
    rule.onExitCodes =
        PodFailurePolicyOnExitCodesRequirement{std::nullopt, std::move(op), std::move(values)};
    return rule;
}

PodFailurePolicyRule onConditions(std::string action, std::string type, std::string status) {
    PodFailurePolicyRule rule;
    rule.action = std::move(action);
    rule.onPodConditions = {{std::move(type), std::move(status)}};
    return rule;
}

ContainerStatus terminated(std::string name, int32_t exitCode) {
    ContainerStatus status;
    status.name = std::move(name);
    status.terminated = ContainerStateTerminated{};
    status.terminated->exitCode = exitCode;
    return status;
}

ContainerStatus notTerminated(std::string name) {
    ContainerStatus status;
    status.name = std::move(name);
    return status;
}

// validPodObjectMeta of upstream: default/mypod, phase Failed.
Pod failedPod(std::vector<ContainerStatus> containers, std::vector<PodCondition> conditions = {},
              std::vector<ContainerStatus> initContainers = {}) {
    Pod pod;
    pod.metadata.namespace_ = "default";
    pod.metadata.name = "mypod";
    pod.phase = pod_phase::Failed;
    pod.containerStatuses = std::move(containers);
    pod.initContainerStatuses = std::move(initContainers);
    pod.conditions = std::move(conditions);
    return pod;
}

Pod podWithCondition(std::string type, std::string status) {
    return failedPod({}, {PodCondition{std::move(type), std::move(status), std::nullopt}});
}

struct MatchCase {
    const char* name;
    std::optional<PodFailurePolicy> podFailurePolicy;
    Pod failedPod;
    std::optional<std::string> wantJobFailureMessage;
    bool wantCountFailed;
    Action wantAction;
    // upstream's enableJobBackoffLimitPerIndex, and its action where it differs from master's
    bool enableJobBackoffLimitPerIndex = false;
    std::optional<Action> upstreamAction = std::nullopt;
};

const std::vector<MatchCase>& matchCases() {
    static const std::vector<MatchCase> cases = {
        {"unknown action for rule matching by exit codes - skip rule with unknown action",
         PodFailurePolicy{
             {onExitCodes("UnknownAction", "In", {1, 2}), onExitCodes("FailJob", "In", {2, 3})}},
         failedPod({terminated("main-container", 2)}),
         "Container main-container for pod default/mypod failed with exit code 2 matching "
         "FailJob rule at index 1",
         true, kFailJob},
        {"unknown action for rule matching by pod conditions - skip rule with unknown action",
         PodFailurePolicy{{onConditions("UnkonwnAction", "DisruptionTarget", "True"),
                           onConditions("Ignore", "DisruptionTarget", "True")}},
         podWithCondition("DisruptionTarget", "True"), std::nullopt, false, kIgnore},
        {"unknown operator - rule with unknown action is skipped for onExitCodes",
         PodFailurePolicy{{onExitCodes("Ignore", "UnknownOperator", {1, 2}),
                           onExitCodes("FailJob", "In", {2, 3})}},
         failedPod({terminated("main-container", 2)}),
         "Container main-container for pod default/mypod failed with exit code 2 matching "
         "FailJob rule at index 1",
         true, kFailJob},
        {"no policy rules", std::nullopt, failedPod({terminated("", 2)}), std::nullopt, true,
         std::nullopt},
        {"ignore rule matched for exit codes",
         PodFailurePolicy{{onExitCodes("Ignore", "In", {1, 2, 3})}}, failedPod({terminated("", 2)}),
         std::nullopt, false, kIgnore},
        {"FailJob rule matched for exit codes",
         PodFailurePolicy{{onExitCodes("FailJob", "In", {1, 2, 3})}},
         failedPod({terminated("main-container", 2)}),
         "Container main-container for pod default/mypod failed with exit code 2 matching "
         "FailJob rule at index 0",
         true, kFailJob},
        {"successful containers are skipped by the rules",
         PodFailurePolicy{{onExitCodes("FailJob", "NotIn", {111})}},
         failedPod({terminated("main-container", 111), terminated("suppport-container", 0)}, {},
                   {terminated("init-container", 0)}),
         std::nullopt, true, std::nullopt},
        {"FailIndex rule matched for exit codes; JobBackoffLimitPerIndex enabled",
         PodFailurePolicy{{onExitCodes("FailIndex", "In", {1, 2, 3})}},
         failedPod({terminated("", 2)}), std::nullopt, true, kFailIndex, true},
        // Upstream: gate off, no action. Master (gate GA): the FailIndex rule matches.
        {"FailIndex rule matched for exit codes; JobBackoffLimitPerIndex disabled",
         PodFailurePolicy{{onExitCodes("FailIndex", "In", {1, 2, 3})}},
         failedPod({terminated("", 2)}), std::nullopt, true, kFailIndex, false, Action{}},
        {"pod failure policy with NotIn operator and value 0",
         PodFailurePolicy{{onExitCodes("FailJob", "NotIn", {0})}},
         failedPod({terminated("main-container", 1), terminated("suppport-container", 0)}),
         "Container main-container for pod default/mypod failed with exit code 1 matching "
         "FailJob rule at index 0",
         true, kFailJob},
        {"second jobfail rule matched for exit codes",
         PodFailurePolicy{
             {onExitCodes("Count", "In", {1, 2, 3}), onExitCodes("FailJob", "In", {4, 5, 6})}},
         failedPod({terminated("main-container", 6)}),
         "Container main-container for pod default/mypod failed with exit code 6 matching "
         "FailJob rule at index 1",
         true, kFailJob},
        {"count rule matched for exit codes",
         PodFailurePolicy{{onExitCodes("Count", "In", {1, 2, 3})}},
         failedPod({notTerminated("foo"), terminated("bar", 2)}), std::nullopt, true, kCount},
        {"FailIndex rule matched for pod conditions; JobBackoffLimitPerIndex enabled",
         PodFailurePolicy{{onConditions("FailIndex", "DisruptionTarget", "True")}},
         podWithCondition("DisruptionTarget", "True"), std::nullopt, true, kFailIndex, true},
        // Upstream: gate off, no action. Master (gate GA): the FailIndex rule matches.
        {"FailIndex rule matched for pod conditions; JobBackoffLimitPerIndex disabled",
         PodFailurePolicy{{onConditions("FailIndex", "DisruptionTarget", "True")}},
         podWithCondition("DisruptionTarget", "True"), std::nullopt, true, kFailIndex, false,
         Action{}},
        {"ignore rule matched for pod conditions",
         PodFailurePolicy{{onConditions("Ignore", "DisruptionTarget", "True")}},
         podWithCondition("DisruptionTarget", "True"), std::nullopt, false, kIgnore},
        {"ignore rule matches by the status=False",
         PodFailurePolicy{{onConditions("Ignore", "DisruptionTarget", "False")}},
         podWithCondition("DisruptionTarget", "False"), std::nullopt, false, kIgnore},
        {"ignore rule matches by the status=Unknown",
         PodFailurePolicy{{onConditions("Ignore", "DisruptionTarget", "Unknown")}},
         podWithCondition("DisruptionTarget", "Unknown"), std::nullopt, false, kIgnore},
        {"ignore rule does not match when status for pattern is False, but actual True",
         PodFailurePolicy{{onConditions("Ignore", "DisruptionTarget", "False")}},
         podWithCondition("DisruptionTarget", "True"), std::nullopt, true, std::nullopt},
        {"ignore rule does not match when status for pattern is True, but actual False",
         PodFailurePolicy{{onConditions("Ignore", "DisruptionTarget", "True")}},
         podWithCondition("DisruptionTarget", "False"), std::nullopt, true, std::nullopt},
        {"default - do not match condition with status=False",
         PodFailurePolicy{{onConditions("Ignore", "DisruptionTarget", "True")}},
         podWithCondition("DisruptionTarget", "False"), std::nullopt, true, std::nullopt},
        {"job fail rule matched for pod conditions",
         PodFailurePolicy{{onConditions("FailJob", "DisruptionTarget", "True")}},
         podWithCondition("DisruptionTarget", "True"),
         "Pod default/mypod has condition DisruptionTarget matching FailJob rule at index 0", true,
         kFailJob},
        {"count rule matched for pod conditions",
         PodFailurePolicy{{onConditions("Count", "DisruptionTarget", "True")}},
         podWithCondition("DisruptionTarget", "True"), std::nullopt, true, kCount},
        {"no rule matched",
         PodFailurePolicy{{onExitCodes("Count", "NotIn", {8}),
                           onExitCodes("Ignore", "In", {1, 2, 3}),
                           onExitCodes("FailJob", "NotIn", {5, 6, 7}),
                           onConditions("Count", "ResourceLimitExceeded", "True"),
                           onConditions("Ignore", "DisruptionTarget", "True")}},
         failedPod({terminated("", 32)}), std::nullopt, true, kCount},
    };
    return cases;
}

QString describe(const std::optional<std::string>& s) {
    return s ? QString::fromStdString(*s) : QStringLiteral("<none>");
}

} // namespace

class TestPodFailurePolicy : public QObject {
    Q_OBJECT

private slots:
    void matchPodFailurePolicy_data();
    void matchPodFailurePolicy() { run(false); }
    void matchPodFailurePolicyWithUpstreamGates_data() { matchPodFailurePolicy_data(); }
    void matchPodFailurePolicyWithUpstreamGates() { run(true); }

private:
    static void run(bool upstreamGates);
};

void TestPodFailurePolicy::matchPodFailurePolicy_data() {
    QTest::addColumn<int>("row");
    const auto& cases = matchCases();
    for (int i = 0; i < static_cast<int>(cases.size()); ++i)
        QTest::newRow(cases[i].name) << i;
}

void TestPodFailurePolicy::run(bool upstreamGates) {
    QFETCH(int, row);
    const MatchCase& tc = matchCases()[row];
    const PodFailurePolicy* policy = tc.podFailurePolicy ? &*tc.podFailurePolicy : nullptr;
    FeatureGates gates;
    if (upstreamGates)
        gates.jobBackoffLimitPerIndex = tc.enableJobBackoffLimitPerIndex;
    const PodFailurePolicyMatch got = jobscope::matchPodFailurePolicy(policy, tc.failedPod, gates);
    QCOMPARE(describe(got.jobFailureMessage), describe(tc.wantJobFailureMessage));
    QCOMPARE(got.countFailed, tc.wantCountFailed);
    const Action wantAction =
        upstreamGates && tc.upstreamAction ? *tc.upstreamAction : tc.wantAction;
    QCOMPARE(describe(got.action), describe(wantAction));
}

QTEST_APPLESS_MAIN(TestPodFailurePolicy)
#include "tst_pod_failure_policy.moc"
