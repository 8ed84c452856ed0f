// SPDX-License-Identifier: GPL-3.0-or-later
// Port of upstream pkg/controller/job/success_policy_test.go (TestMatchSuccessPolicy): every
// row, named as upstream. matchSuccessPolicy() runs the rows with every gate on (current master,
// JobSuccessPolicy GA); matchSuccessPolicyWithUpstreamGates() sets JobSuccessPolicy as upstream
// does for each row. The two rows upstream runs with the gate off need no match either way (no
// policy, or no succeeded index), so both runs expect the same.

#include "reconcile/success_policy.h"

#include <QtTest>

#include <optional>
#include <string>
#include <vector>

using namespace jobscope;

namespace {

SuccessPolicyRule indexesRule(std::string indexes, std::optional<int32_t> count = std::nullopt) {
    SuccessPolicyRule rule;
    rule.succeededIndexes = std::move(indexes);
    rule.succeededCount = count;
    return rule;
}

SuccessPolicyRule countRule(int32_t count) {
    SuccessPolicyRule rule;
    rule.succeededCount = count;
    return rule;
}

struct MatchCase {
    const char* name;
    std::optional<SuccessPolicy> successPolicy;
    int32_t completions;
    OrderedIntervals succeededIndexes;
    std::string wantMessage;
    bool wantMetSuccessPolicy;
    bool enableJobSuccessPolicy = true; // as upstream sets it for the row
};

const std::vector<MatchCase>& matchCases() {
    const std::string m0 = "Matched rules at index 0";
    static const std::vector<MatchCase> cases = {
        // Upstream runs this row with JobSuccessPolicy disabled; there is no policy anyway.
        {"JobSuccessPolicy is disabled", std::nullopt, 10, {{0, 0}}, "", false, false},
        {"successPolicy is null", std::nullopt, 10, {{0, 0}}, "", false},
        {"any rules are nothing", SuccessPolicy{}, 10, {{0, 0}}, "", false},
        {"rules.succeededIndexes is invalid format",
         SuccessPolicy{{indexesRule("invalid-form")}},
         10,
         {{0, 0}},
         "",
         false},
        {"rules.succeededIndexes is specified; succeededIndexes matched rules",
         SuccessPolicy{{indexesRule("0-2")}},
         10,
         {{0, 2}, {4, 7}},
         m0,
         true},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules",
         SuccessPolicy{{indexesRule("3")}},
         10,
         {{0, 2}},
         "",
         false},
        {"rules.succeededCount is specified; succeededIndexes matched rules",
         SuccessPolicy{{countRule(2)}},
         10,
         {{0, 2}},
         m0,
         true},
        {"rules.succeededCount is specified; succeededIndexes didn't match rules",
         SuccessPolicy{{countRule(4)}},
         10,
         {{0, 2}},
         "",
         false},
        {"multiple rules; rules.succeededIndexes is specified; succeededIndexes met one of rules",
         SuccessPolicy{{indexesRule("9"), indexesRule("4,6")}},
         10,
         {{0, 2}, {4, 7}},
         "Matched rules at index 1",
         true},
        {"multiple rules; rules.succeededIndexes is specified; succeededIndexes met all rules",
         SuccessPolicy{{indexesRule("0,1"), indexesRule("5")}},
         10,
         {{0, 2}, {4, 7}},
         m0,
         true},
        {"rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes met all "
         "rules",
         SuccessPolicy{{indexesRule("3-6", 2)}},
         10,
         {{0, 2}, {4, 7}},
         m0,
         true},
        {"rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes didn't "
         "match rules",
         SuccessPolicy{{indexesRule("3-6", 2)}},
         10,
         {{0, 2}, {6, 7}},
         "",
         false},
        // Upstream runs this row with JobSuccessPolicy disabled; with no succeeded index the
        // policy cannot match on master either.
        {"rules.succeededIndexes is specified; succeededIndexes are nothing",
         SuccessPolicy{{countRule(4)}},
         10,
         {},
         "",
         false,
         false},
        {"rules.succeededIndexes is specified; succeededIndexes matched rules; rules is proper "
         "subset of succeededIndexes",
         SuccessPolicy{{indexesRule("2-4,6-8")}},
         10,
         {{1, 5}, {6, 9}},
         m0,
         true},
        {"rules.succeededIndexes is specified; succeededIndexes matched rules; rules equals "
         "succeededIndexes",
         SuccessPolicy{{indexesRule("2-4,6-9")}},
         10,
         {{2, 4}, {6, 9}},
         m0,
         true},
        {"rules.succeededIndexes is specified; succeededIndexes matched rules; rules is subset of "
         "succeededIndexes",
         SuccessPolicy{{indexesRule("2-4,8-12")}},
         10,
         {{2, 5}, {7, 15}},
         m0,
         true},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules is an "
         "empty set",
         SuccessPolicy{{indexesRule("")}},
         10,
         {{1, 3}},
         "",
         false},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules; "
         "succeededIndexes is an empty set",
         SuccessPolicy{{indexesRule("")}},
         10,
         {},
         "",
         false},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules and "
         "succeededIndexes are empty set",
         SuccessPolicy{{indexesRule("")}},
         10,
         {},
         "",
         false},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules; all elements "
         "of rules.succeededIndexes aren't included in succeededIndexes",
         SuccessPolicy{{indexesRule("10-12,14-16")}},
         10,
         {{1, 3}, {5, 7}},
         "",
         false},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules "
         "overlaps succeededIndexes at first",
         SuccessPolicy{{indexesRule("1-3,5-7")}},
         10,
         {{2, 4}, {6, 8}},
         "",
         false},
        {"rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched "
         "rules; rules overlaps succeededIndexes at first",
         SuccessPolicy{{indexesRule("1-3,5-7", 4)}},
         10,
         {{2, 4}, {6, 8}},
         m0,
         true},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules "
         "overlaps succeededIndexes at last",
         SuccessPolicy{{indexesRule("2-4,6-9")}},
         10,
         {{1, 3}, {5, 7}},
         "",
         false},
        {"rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched "
         "rules; rules overlaps succeededIndexes at last",
         SuccessPolicy{{indexesRule("2-4,6-9", 4)}},
         10,
         {{1, 3}, {5, 7}},
         m0,
         true},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules "
         "completely overlaps succeededIndexes",
         SuccessPolicy{{indexesRule("0-4,6-9")}},
         10,
         {{1, 3}, {7, 8}},
         "",
         false},
        {"rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched "
         "rules; rules completely overlaps succeededIndexes",
         SuccessPolicy{{indexesRule("0-4,6-9", 5)}},
         10,
         {{1, 3}, {7, 8}},
         m0,
         true},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules "
         "overlaps multiple succeededIndexes at last",
         SuccessPolicy{{indexesRule("0-6,8-9")}},
         10,
         {{1, 3}, {5, 9}},
         "",
         false},
        {"rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched "
         "rules; rules overlaps multiple succeededIndexes at last",
         SuccessPolicy{{indexesRule("0-6,8-9", 7)}},
         10,
         {{1, 3}, {5, 9}},
         m0,
         true},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules "
         "overlaps succeededIndexes at first, and rules equals succeededIndexes at last",
         SuccessPolicy{{indexesRule("0-5,7-9")}},
         10,
         {{1, 5}, {7, 10}},
         "",
         false},
        {"rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched "
         "rules; rules overlaps succeededIndexes at first, and rules equals succeededIndexes at "
         "last",
         SuccessPolicy{{indexesRule("0-5,7-9", 8)}},
         10,
         {{1, 5}, {7, 10}},
         m0,
         true},
        {"rules.succeededIndexes is specified; succeededIndexes didn't match rules; the first "
         "rules overlaps succeededIndexes at first",
         SuccessPolicy{{indexesRule("0-3,6-9")}},
         10,
         {{1, 10}},
         "",
         false},
        {"rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched "
         "rules; the first rules overlaps succeededIndexes at first",
         SuccessPolicy{{indexesRule("0-3,6-9", 7)}},
         10,
         {{1, 10}},
         m0,
         true},
    };
    return cases;
}

} // namespace

class TestSuccessPolicy : public QObject {
    Q_OBJECT

private slots:
    void matchSuccessPolicy_data();
    void matchSuccessPolicy() { run(false); }
    void matchSuccessPolicyWithUpstreamGates_data() { matchSuccessPolicy_data(); }
    void matchSuccessPolicyWithUpstreamGates() { run(true); }

private:
    static void run(bool upstreamGates);
};

void TestSuccessPolicy::matchSuccessPolicy_data() {
    QTest::addColumn<int>("row");
    const auto& cases = matchCases();
    for (int i = 0; i < static_cast<int>(cases.size()); ++i)
        QTest::newRow(cases[i].name) << i;
}

void TestSuccessPolicy::run(bool upstreamGates) {
    QFETCH(int, row);
    const MatchCase& tc = matchCases()[row];
    const SuccessPolicy* policy = tc.successPolicy ? &*tc.successPolicy : nullptr;
    FeatureGates gates;
    if (upstreamGates)
        gates.jobSuccessPolicy = tc.enableJobSuccessPolicy;
    const SuccessPolicyMatch got =
        jobscope::matchSuccessPolicy(policy, tc.completions, tc.succeededIndexes, gates);
    QCOMPARE(got.matched, tc.wantMetSuccessPolicy);
    QCOMPARE(QString::fromStdString(got.message), QString::fromStdString(tc.wantMessage));
}

QTEST_APPLESS_MAIN(TestSuccessPolicy)
#include "tst_success_policy.moc"
