// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/policy_fixtures.h"

#include "support/sync_fixtures.h"

#include <QStringList>
#include <QTest>

#include <algorithm>
#include <utility>

namespace jobscope::test {

PodFailurePolicyRule exitCodeRule(const std::string& action, const std::string& op,
                                  std::vector<int32_t> values,
                                  std::optional<std::string> containerName) {
    PodFailurePolicyRule rule;
    rule.action = action;
    PodFailurePolicyOnExitCodesRequirement req;
    req.containerName = std::move(containerName);
    req.operator_ = op;
    req.values = std::move(values);
    rule.onExitCodes = std::move(req);
    return rule;
}

PodFailurePolicyRule podConditionRule(const std::string& action, const std::string& type,
                                      const std::string& status) {
    PodFailurePolicyRule rule;
    rule.action = action;
    rule.onPodConditions.push_back(PodFailurePolicyOnPodConditionsPattern{type, status});
    return rule;
}

SuccessPolicyRule successRule(std::optional<std::string> succeededIndexes,
                              std::optional<int32_t> succeededCount) {
    SuccessPolicyRule rule;
    rule.succeededIndexes = std::move(succeededIndexes);
    rule.succeededCount = succeededCount;
    return rule;
}

JobCondition trueCondition(const std::string& type, const std::string& reason,
                           const std::string& message) {
    JobCondition c;
    c.type = type;
    c.status = "True";
    c.reason = reason;
    c.message = message;
    return c;
}

std::vector<JobCondition> failedConditions(const std::string& reason, const std::string& message) {
    return {trueCondition(job_condition::FailureTarget, reason, message),
            trueCondition(job_condition::Failed, reason, message)};
}

std::vector<JobCondition> completeConditions(const std::string& reason,
                                             const std::string& message) {
    return {trueCondition(job_condition::SuccessCriteriaMet, reason, message),
            trueCondition(job_condition::Complete, reason, message)};
}

QString describeOptionalString(const std::optional<std::string>& v) {
    if (!v)
        return QStringLiteral("nil");
    return QLatin1Char('"') + QString::fromStdString(*v) + QLatin1Char('"');
}

static QString joinUids(const std::vector<std::string>& uids) {
    QStringList parts;
    for (const auto& u : uids)
        parts << QString::fromStdString(u);
    return parts.join(QLatin1Char(','));
}

QString describeUncounted(const std::optional<UncountedTerminatedPods>& u) {
    if (!u)
        return QStringLiteral("nil");
    return QStringLiteral("{succeeded:[%1] failed:[%2]}")
        .arg(joinUids(u->succeeded), joinUids(u->failed));
}

static QString joinCreations(std::vector<std::pair<int, QString>> items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QStringList parts;
    for (const auto& item : items)
        parts << item.second;
    return parts.join(QStringLiteral(", "));
}

QString describeCreations(const std::vector<PodCreation>& creations) {
    std::vector<std::pair<int, QString>> items;
    for (const auto& c : creations) {
        const int index = c.index.value_or(-1);
        const QString failures =
            c.indexFailureCount ? QString::number(*c.indexFailureCount) : QStringLiteral("-");
        items.emplace_back(
            index, QStringLiteral("%1:%2/%3")
                       .arg(c.index ? QString::number(index) : QStringLiteral("-"), failures,
                            QString::number(c.indexIgnoredFailureCount.value_or(0))));
    }
    return joinCreations(std::move(items));
}

QString describeWantCreations(const std::vector<WantCreation>& creations) {
    std::vector<std::pair<int, QString>> items;
    for (const auto& c : creations)
        items.emplace_back(
            c.index,
            QStringLiteral("%1:%2/%3").arg(c.index).arg(c.failureCount).arg(c.ignoredFailureCount));
    return joinCreations(std::move(items));
}

void compareJobStatus(const JobStatus& got, const JobStatus& want) {
    QCOMPARE(describeConditions(got.conditions), describeConditions(want.conditions));
    QCOMPARE(got.active, want.active);
    QCOMPARE(got.succeeded, want.succeeded);
    QCOMPARE(got.failed, want.failed);
    QCOMPARE(describeOptional(got.terminating), describeOptional(want.terminating));
    QCOMPARE(QString::fromStdString(got.completedIndexes),
             QString::fromStdString(want.completedIndexes));
    QCOMPARE(describeOptionalString(got.failedIndexes), describeOptionalString(want.failedIndexes));
    QCOMPARE(describeUncounted(got.uncountedTerminatedPods),
             describeUncounted(want.uncountedTerminatedPods));
}

} // namespace jobscope::test
