// SPDX-License-Identifier: GPL-3.0-or-later
// Create-time Job validation, ported from upstream
// pkg/apis/batch/validation/validation_test.go TestValidateJob (success and error cases of the
// create path; rows carry upstream's case names). Each error row checks the whole error list
// (field path, error type and detail) and, like upstream, that the first error's field is the
// part of the row name before the first ':' and its text contains the rest.

#include "manifest/manifest.h"
#include "manifest/validation.h"
#include "support/test_paths.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace jobscope;

#define QCOMPARE_STR(actual, expected)                                                             \
    QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected))

namespace {

struct Expected {
    std::string path;
    std::string type;
    std::string detail; // contained in the error's detail
};
using ExpectedList = std::vector<Expected>;

const char* const kInvalid = "Invalid value";
const char* const kRequired = "Required value";
const char* const kUnsupported = "Unsupported value";
const char* const kDuplicate = "Duplicate value";
const char* const kTooMany = "Too many";
const char* const kTooLong = "Too long";

// validJobObjectMeta
ObjectMeta validMeta() {
    ObjectMeta meta;
    meta.name = "myjob";
    meta.namespace_ = "default";
    meta.uid = "1a2b3c";
    return meta;
}

LabelSelector selectorOf(std::vector<std::pair<std::string, std::string>> labels) {
    LabelSelector selector;
    selector.present = true;
    selector.matchLabels = std::move(labels);
    return selector;
}

// getValidManualSelector
LabelSelector validManualSelector() {
    return selectorOf({{"a", "b"}});
}

// getValidGeneratedSelector
LabelSelector validGeneratedSelector() {
    return selectorOf({{"batch.kubernetes.io/controller-uid", "1a2b3c"},
                       {"controller-uid", "1a2b3c"},
                       {"batch.kubernetes.io/job-name", "myjob"},
                       {"job-name", "myjob"}});
}

ContainerSpec container(const std::string& name) {
    ContainerSpec c;
    c.name = name;
    return c;
}

PodTemplate templateWithLabels(const LabelSelector& selector) {
    PodTemplate templ;
    for (const auto& [k, v] : selector.matchLabels)
        templ.metadata.labels[k] = v;
    templ.restartPolicy = restart_policy::OnFailure;
    templ.containers = {container("abc")};
    return templ;
}

// getValidPodTemplateSpecForManual
PodTemplate validTemplateForManual() {
    return templateWithLabels(validManualSelector());
}

// getValidPodTemplateSpecForGenerated
PodTemplate validTemplateForGenerated() {
    PodTemplate templ = templateWithLabels(validGeneratedSelector());
    templ.initContainers = {container("def")};
    return templ;
}

// validPodTemplateSpecForGeneratedRestartPolicyNever
PodTemplate validTemplateNever() {
    PodTemplate templ = validTemplateForGenerated();
    templ.restartPolicy = restart_policy::Never;
    return templ;
}

// A Job with validJobObjectMeta, the generated selector and its template.
Job generatedJob() {
    Job job;
    job.metadata = validMeta();
    job.spec.selector = validGeneratedSelector();
    job.spec.templ = validTemplateForGenerated();
    return job;
}

Job generatedJobNever() {
    Job job = generatedJob();
    job.spec.templ = validTemplateNever();
    return job;
}

Job manualJob() {
    Job job;
    job.metadata = validMeta();
    job.spec.selector = validManualSelector();
    job.spec.manualSelector = true;
    job.spec.templ = validTemplateForManual();
    return job;
}

Job indexed(Job job, std::optional<int32_t> completions) {
    job.spec.completionMode = completion_mode::Indexed;
    job.spec.completions = completions;
    return job;
}

PodFailurePolicyRule exitCodesRule(const std::string& action, const std::string& op,
                                   std::vector<int32_t> values,
                                   std::optional<std::string> containerName = std::nullopt) {
    PodFailurePolicyRule rule;
    rule.action = action;
    PodFailurePolicyOnExitCodesRequirement req;
    req.containerName = std::move(containerName);
    req.operator_ = op;
    req.values = std::move(values);
    rule.onExitCodes = std::move(req);
    return rule;
}

PodFailurePolicyRule conditionsRule(const std::string& action, const std::string& type,
                                    const std::string& status) {
    PodFailurePolicyRule rule;
    rule.action = action;
    rule.onPodConditions.push_back({type, status});
    return rule;
}

Job withPodFailurePolicy(Job job, std::vector<PodFailurePolicyRule> rules) {
    job.spec.podFailurePolicy = PodFailurePolicy{std::move(rules)};
    return job;
}

SuccessPolicyRule successRule(std::optional<std::string> indexes, std::optional<int32_t> count) {
    SuccessPolicyRule rule;
    rule.succeededIndexes = std::move(indexes);
    rule.succeededCount = count;
    return rule;
}

Job withSuccessPolicy(Job job, std::vector<SuccessPolicyRule> rules) {
    job.spec.successPolicy = SuccessPolicy{std::move(rules)};
    return job;
}

QString describe(const std::vector<FieldError>& errors) {
    QString out;
    for (const auto& e : errors)
        out += QString::fromStdString(e.message) + QLatin1Char('\n');
    return out.isEmpty() ? QStringLiteral("(no errors)") : out;
}

} // namespace

Q_DECLARE_METATYPE(Job)
Q_DECLARE_METATYPE(ExpectedList)

class TestValidation : public QObject {
    Q_OBJECT

private slots:
    void validateJob_data();
    void validateJob();
    void ownRules_data();
    void ownRules();
    void nameChecks_data();
    void nameChecks();
    void quoting();
    void positions();
};

void TestValidation::validateJob_data() {
    QTest::addColumn<Job>("job");
    QTest::addColumn<ExpectedList>("expected");

    // ---- successCases ----
    QTest::newRow("valid success policy")
        << withSuccessPolicy(indexed(generatedJobNever(), 10),
                             {successRule("0,2,4", 1), successRule("1,3,5-9", std::nullopt)})
        << ExpectedList{};
    QTest::newRow("valid pod failure policy")
        << withPodFailurePolicy(generatedJobNever(),
                                {conditionsRule("Ignore", "DisruptionTarget", "True"),
                                 conditionsRule("FailJob", "CustomConditionType", "False"),
                                 exitCodesRule("Count", "In", {1, 2, 3}, "abc"),
                                 exitCodesRule("Ignore", "In", {4}, "def"),
                                 exitCodesRule("FailJob", "NotIn", {5, 6, 7})})
        << ExpectedList{};
    {
        Job job = withPodFailurePolicy(indexed(generatedJobNever(), 2),
                                       {exitCodesRule("FailIndex", "In", {10})});
        job.spec.backoffLimitPerIndex = 1;
        job.spec.manualSelector = true;
        QTest::newRow("valid pod failure policy with FailIndex") << job << ExpectedList{};
    }
    {
        Job job = manualJob();
        job.metadata.annotations["foo"] = "bar";
        QTest::newRow("valid manual selector") << job << ExpectedList{};
    }
    QTest::newRow("valid generated selector") << generatedJob() << ExpectedList{};
    {
        Job job = generatedJob();
        job.spec.podReplacementPolicy = pod_replacement_policy::TerminatingOrFailed;
        QTest::newRow("valid pod replacement") << job << ExpectedList{};
        job.spec.podReplacementPolicy = pod_replacement_policy::Failed;
        QTest::newRow("valid pod replacement with failed") << job << ExpectedList{};
    }
    {
        Job job = generatedJob();
        job.spec.completionMode = completion_mode::NonIndexed;
        QTest::newRow("valid NonIndexed completion mode") << job << ExpectedList{};
    }
    {
        Job job = indexed(generatedJob(), 2);
        job.spec.parallelism = 100000;
        QTest::newRow("valid Indexed completion mode") << job << ExpectedList{};
    }
    {
        Job job = indexed(generatedJob(), 100000);
        job.spec.parallelism = 100000;
        job.spec.maxFailedIndexes = 100000;
        job.spec.backoffLimitPerIndex = 1;
        QTest::newRow("valid parallelism and maxFailedIndexes for high completions when "
                      "backoffLimitPerIndex is used")
            << job << ExpectedList{};
    }
    {
        Job job = indexed(generatedJob(), 1000000000);
        job.spec.parallelism = 10000;
        job.spec.maxFailedIndexes = 10000;
        job.spec.backoffLimitPerIndex = 1;
        QTest::newRow("valid parallelism and maxFailedIndexes for unlimited completions when "
                      "backoffLimitPerIndex is used")
            << job << ExpectedList{};
    }
    QTest::newRow("valid job tracking annotation") << generatedJob() << ExpectedList{};
    QTest::newRow("valid batch labels") << generatedJob() << ExpectedList{};
    {
        // Upstream runs this with RequirePrefixedLabels=false, which the API server only uses
        // when updating a Job created before the batch.kubernetes.io/ labels existed. On
        // create (current master) the prefixed labels are required, so both are reported.
        Job job = generatedJob();
        job.spec.selector = selectorOf({{"controller-uid", "1a2b3c"}});
        job.spec.templ.metadata.labels = {{"controller-uid", "1a2b3c"}, {"job-name", "myjob"}};
        QTest::newRow("do not allow new batch labels")
            << job
            << ExpectedList{{"spec.template.metadata.labels[batch.kubernetes.io/controller-uid]",
                             kRequired, "must be '1a2b3c'"},
                            {"spec.template.metadata.labels[batch.kubernetes.io/job-name]",
                             kRequired, "must be 'myjob'"}};
    }
    {
        Job job = generatedJob();
        job.spec.managedBy = "example.com/foo";
        QTest::newRow("valid managedBy field") << job << ExpectedList{};
    }

    // ---- errorCases ----
    {
        Job job = generatedJob();
        job.spec.managedBy = "example.com/" + std::string(60, 'x');
        QTest::newRow("spec.managedBy: Too long: may not be longer than 63")
            << job << ExpectedList{{"spec.managedBy", kTooLong, "may not be longer than 63"}};
        job.spec.managedBy = "invalid custom controller name";
        QTest::newRow("spec.managedBy: Invalid value: \"invalid custom controller name\": must be "
                      "a domain-prefixed path (such as \"acme.io/foo\")")
            << job
            << ExpectedList{{"spec.managedBy", kInvalid,
                             "must be a domain-prefixed path (such as \"acme.io/foo\")"}};
    }
    QTest::newRow("spec.successPolicy: Invalid value: "
                  "batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{}}: requires indexed "
                  "completion mode")
        << withSuccessPolicy(generatedJobNever(), {})
        << ExpectedList{{"spec.successPolicy", kInvalid, "requires indexed completion mode"}};
    QTest::newRow("spec.successPolicy.rules: Required value: at least one rules must be "
                  "specified when the successPolicy is specified")
        << withSuccessPolicy(indexed(generatedJobNever(), 5), {})
        << ExpectedList{{"spec.successPolicy.rules", kRequired,
                         "at least one rules must be specified when the successPolicy is "
                         "specified"}};
    QTest::newRow("spec.successPolicy.rules[0]: Required value: at least one of succeededCount "
                  "or succeededIndexes must be specified")
        << withSuccessPolicy(indexed(generatedJobNever(), 5),
                             {successRule(std::nullopt, std::nullopt)})
        << ExpectedList{{"spec.successPolicy.rules[0]", kRequired,
                         "at least one of succeededCount or succeededIndexes must be specified"}};
    QTest::newRow("spec.successPolicy.rules[0].succeededIndexes: Invalid value: "
                  "\"invalid-format\": error parsing succeededIndexes: cannot convert string to "
                  "integer for index: \"invalid\"")
        << withSuccessPolicy(indexed(generatedJobNever(), 5),
                             {successRule("invalid-format", std::nullopt)})
        << ExpectedList{{"spec.successPolicy.rules[0].succeededIndexes", kInvalid,
                         "error parsing succeededIndexes: cannot convert string to integer for "
                         "index: \"invalid\""}};
    QTest::newRow("spec.successPolicy.rules[0].succeededIndexes: Too long: must have at most "
                  "65536 bytes")
        << withSuccessPolicy(indexed(generatedJobNever(), 5),
                             {successRule(std::string(64 * 1024 + 1, '1'), std::nullopt)})
        << ExpectedList{{"spec.successPolicy.rules[0].succeededIndexes", kTooLong,
                         "must have at most 65536 bytes"},
                        {"spec.successPolicy.rules[0].succeededIndexes", kInvalid,
                         "error parsing succeededIndexes: cannot convert string to integer for "
                         "index"}};
    QTest::newRow("spec.successPolicy.rules[0].succeededCount: must be greater than or equal to 0")
        << withSuccessPolicy(indexed(generatedJobNever(), 5), {successRule(std::nullopt, -1)})
        << ExpectedList{{"spec.successPolicy.rules[0].succeededCount", kInvalid,
                         "must be greater than or equal to 0"}};
    QTest::newRow("spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less "
                  "than or equal to 5 (the number of specified completions)")
        << withSuccessPolicy(indexed(generatedJobNever(), 5), {successRule(std::nullopt, 6)})
        << ExpectedList{{"spec.successPolicy.rules[0].succeededCount", kInvalid,
                         "must be less than or equal to 5 (the number of specified completions)"}};
    QTest::newRow("spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less "
                  "than or equal to 3 (the number of indexes in the specified succeededIndexes "
                  "field)")
        << withSuccessPolicy(indexed(generatedJobNever(), 5), {successRule("0-2", 4)})
        << ExpectedList{{"spec.successPolicy.rules[0].succeededCount", kInvalid,
                         "must be less than or equal to 3 (the number of indexes in the "
                         "specified succeededIndexes field)"}};
    QTest::newRow("spec.successPolicy.rules: Too many: 21: must have at most 20 items")
        << withSuccessPolicy(indexed(generatedJobNever(), 5),
                             std::vector<SuccessPolicyRule>(21, successRule(std::nullopt, 5)))
        << ExpectedList{{"spec.successPolicy.rules", kTooMany, "must have at most 20 items"}};
    {
        PodFailurePolicyRule rule;
        rule.action = "FailJob";
        QTest::newRow("spec.podFailurePolicy.rules[0]: Invalid value: specifying one of "
                      "OnExitCodes and OnPodConditions is required")
            << withPodFailurePolicy(generatedJobNever(), {rule})
            << ExpectedList{{"spec.podFailurePolicy.rules[0]", kInvalid,
                             "specifying one of OnExitCodes and OnPodConditions is required"}};
    }
    QTest::newRow("spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 11")
        << withPodFailurePolicy(generatedJobNever(), {exitCodesRule("FailJob", "In", {11, 11})})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].onExitCodes.values[1]", kDuplicate, ""}};
    {
        std::vector<int32_t> values(256);
        for (size_t i = 0; i < values.size(); ++i)
            values[i] = static_cast<int32_t>(i);
        QTest::newRow("spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 256: must "
                      "have at most 255 items")
            << withPodFailurePolicy(generatedJobNever(), {exitCodesRule("FailJob", "In", values)})
            << ExpectedList{{"spec.podFailurePolicy.rules[0].onExitCodes.values", kTooMany,
                             "must have at most 255 items"},
                            {"spec.podFailurePolicy.rules[0].onExitCodes.values[0]", kInvalid,
                             "must not be 0 for the In operator"}};
    }
    {
        std::vector<PodFailurePolicyRule> rules;
        for (int32_t i = 0; i < 21; ++i)
            rules.push_back(exitCodesRule("FailJob", "In", {i + 1}));
        QTest::newRow("spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items")
            << withPodFailurePolicy(generatedJobNever(), rules)
            << ExpectedList{
                   {"spec.podFailurePolicy.rules", kTooMany, "must have at most 20 items"}};
    }
    {
        PodFailurePolicyRule rule;
        rule.action = "FailJob";
        for (int i = 0; i < 21; ++i)
            rule.onPodConditions.push_back({"CustomType_" + std::to_string(i), "True"});
        QTest::newRow("spec.podFailurePolicy.rules[0].onPodConditions: Too many: 21: must have "
                      "at most 20 items")
            << withPodFailurePolicy(generatedJobNever(), {rule})
            << ExpectedList{{"spec.podFailurePolicy.rules[0].onPodConditions", kTooMany,
                             "must have at most 20 items"}};
    }
    QTest::newRow("spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 13")
        << withPodFailurePolicy(generatedJobNever(),
                                {exitCodesRule("FailJob", "In", {12, 13, 13, 13})})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].onExitCodes.values[2]", kDuplicate, ""},
                        {"spec.podFailurePolicy.rules[0].onExitCodes.values[3]", kDuplicate, ""}};
    QTest::newRow("spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: "
                  "[]int32{19, 11}: must be ordered")
        << withPodFailurePolicy(generatedJobNever(), {exitCodesRule("FailJob", "In", {19, 11})})
        << ExpectedList{
               {"spec.podFailurePolicy.rules[0].onExitCodes.values", kInvalid, "must be ordered"}};
    QTest::newRow("spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{}: "
                  "at least one value is required")
        << withPodFailurePolicy(generatedJobNever(), {exitCodesRule("FailJob", "In", {})})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].onExitCodes.values", kInvalid,
                         "at least one value is required"}};
    QTest::newRow("spec.podFailurePolicy.rules[0].action: Required value: valid values: "
                  "[\"Count\" \"FailIndex\" \"FailJob\" \"Ignore\"]")
        << withPodFailurePolicy(generatedJobNever(), {exitCodesRule("", "In", {1, 2, 3})})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].action", kRequired,
                         "valid values: [\"Count\" \"FailIndex\" \"FailJob\" \"Ignore\"]"}};
    QTest::newRow("spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid "
                  "values: [\"In\" \"NotIn\"]")
        << withPodFailurePolicy(generatedJobNever(), {exitCodesRule("FailJob", "", {1, 2, 3})})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].onExitCodes.operator", kRequired,
                         "valid values: [\"In\" \"NotIn\"]"}};
    {
        PodFailurePolicyRule rule = exitCodesRule("FailJob", "In", {1, 2, 3}, "abc");
        rule.onPodConditions.push_back({"DisruptionTarget", "True"});
        QTest::newRow("spec.podFailurePolicy.rules[0]: Invalid value: specifying both "
                      "OnExitCodes and OnPodConditions is not supported")
            << withPodFailurePolicy(generatedJobNever(), {rule})
            << ExpectedList{{"spec.podFailurePolicy.rules[0]", kInvalid,
                             "specifying both OnExitCodes and OnPodConditions is not supported"}};
    }
    QTest::newRow("spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must "
                  "not be 0 for the In operator")
        << withPodFailurePolicy(generatedJobNever(), {exitCodesRule("Ignore", "In", {1, 0, 2})})
        << ExpectedList{
               {"spec.podFailurePolicy.rules[0].onExitCodes.values[1]", kInvalid,
                "must not be 0 for the In operator"},
               {"spec.podFailurePolicy.rules[0].onExitCodes.values", kInvalid, "must be ordered"}};
    QTest::newRow("spec.podFailurePolicy.rules[1].onExitCodes.containerName: Invalid value: "
                  "\"xyz\": must be one of the container or initContainer names in the pod "
                  "template")
        << withPodFailurePolicy(generatedJobNever(),
                                {exitCodesRule("Ignore", "In", {1, 2, 3}, "abc"),
                                 exitCodesRule("FailJob", "In", {5, 6, 7}, "xyz")})
        << ExpectedList{{"spec.podFailurePolicy.rules[1].onExitCodes.containerName", kInvalid,
                         "must be one of the container or initContainer names in the pod "
                         "template"}};
    QTest::newRow("spec.podFailurePolicy.rules[0].action: Unsupported value: \"UnknownAction\": "
                  "supported values: \"Count\", \"FailIndex\", \"FailJob\", \"Ignore\"")
        << withPodFailurePolicy(generatedJobNever(),
                                {exitCodesRule("UnknownAction", "In", {1, 2, 3}, "abc")})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].action", kUnsupported,
                         "supported values: \"Count\", \"FailIndex\", \"FailJob\", \"Ignore\""}};
    QTest::newRow("spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "
                  "\"UnknownOperator\": supported values: \"In\", \"NotIn\"")
        << withPodFailurePolicy(generatedJobNever(),
                                {exitCodesRule("Ignore", "UnknownOperator", {1, 2, 3})})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].onExitCodes.operator", kUnsupported,
                         "supported values: \"In\", \"NotIn\""}};
    QTest::newRow("spec.podFailurePolicy.rules[0].onPodConditions[0].status: Required value: "
                  "valid values: [\"False\" \"True\" \"Unknown\"]")
        << withPodFailurePolicy(generatedJobNever(),
                                {conditionsRule("Ignore", "DisruptionTarget", "")})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].onPodConditions[0].status", kRequired,
                         "valid values: [\"False\" \"True\" \"Unknown\"]"}};
    QTest::newRow("spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: "
                  "\"UnknownStatus\": supported values: \"False\", \"True\", \"Unknown\"")
        << withPodFailurePolicy(generatedJobNever(),
                                {conditionsRule("Ignore", "DisruptionTarget", "UnknownStatus")})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].onPodConditions[0].status", kUnsupported,
                         "supported values: \"False\", \"True\", \"Unknown\""}};
    QTest::newRow("spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: \"\": "
                  "name part must be non-empty")
        << withPodFailurePolicy(generatedJobNever(), {conditionsRule("Ignore", "", "True")})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].onPodConditions[0].type", kInvalid,
                         "name part must be non-empty"},
                        {"spec.podFailurePolicy.rules[0].onPodConditions[0].type", kInvalid,
                         "name part must consist of alphanumeric characters"}};
    QTest::newRow(
        "spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: \"Invalid "
        "Condition Type\": name part must consist of alphanumeric characters, '-', '_' or '.', "
        "and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  "
        "or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")
        << withPodFailurePolicy(generatedJobNever(),
                                {conditionsRule("Ignore", "Invalid Condition Type", "True")})
        << ExpectedList{{"spec.podFailurePolicy.rules[0].onPodConditions[0].type", kInvalid,
                         "name part must consist of alphanumeric characters, '-', '_' or '.', "
                         "and must start and end with an alphanumeric character (e.g. "
                         "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                         "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"}};
    {
        Job job = withPodFailurePolicy(generatedJobNever(),
                                       {conditionsRule("Ignore", "DisruptionTarget", "True")});
        job.spec.podReplacementPolicy = pod_replacement_policy::TerminatingOrFailed;
        QTest::newRow("spec.podReplacementPolicy: Unsupported value: \"TerminatingOrFailed\": "
                      "supported values: \"Failed\"")
            << job
            << ExpectedList{
                   {"spec.podReplacementPolicy", kUnsupported, "supported values: \"Failed\""}};
    }
    {
        Job job = generatedJobNever();
        job.spec.podReplacementPolicy = "";
        QTest::newRow("spec.podReplacementPolicy: Unsupported value: \"\": supported values: "
                      "\"Failed\", \"TerminatingOrFailed\"")
            << job
            << ExpectedList{{"spec.podReplacementPolicy", kUnsupported,
                             "\"Failed\", \"TerminatingOrFailed\""}};
    }
    {
        Job job = withPodFailurePolicy(generatedJob(), {});
        job.spec.templ.initContainers.clear();
        QTest::newRow("spec.template.spec.restartPolicy: Invalid value: \"OnFailure\": only "
                      "\"Never\" is supported when podFailurePolicy is specified")
            << job
            << ExpectedList{{"spec.template.spec.restartPolicy", kInvalid,
                             "only \"Never\" is supported when podFailurePolicy is specified"}};
    }
    {
        Job job = generatedJob();
        job.spec.parallelism = -1;
        QTest::newRow("spec.parallelism:must be greater than or equal to 0")
            << job
            << ExpectedList{{"spec.parallelism", kInvalid, "must be greater than or equal to 0"}};
    }
    {
        Job job = generatedJob();
        job.spec.backoffLimit = -1;
        QTest::newRow("spec.backoffLimit:must be greater than or equal to 0")
            << job
            << ExpectedList{{"spec.backoffLimit", kInvalid, "must be greater than or equal to 0"}};
    }
    {
        Job job = generatedJob();
        job.spec.backoffLimitPerIndex = 1;
        QTest::newRow("spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion "
                      "mode")
            << job
            << ExpectedList{
                   {"spec.backoffLimitPerIndex", kInvalid, "requires indexed completion mode"}};
    }
    {
        Job job = indexed(generatedJob(), std::nullopt);
        job.spec.backoffLimitPerIndex = -1;
        QTest::newRow("spec.backoffLimitPerIndex:must be greater than or equal to 0")
            << job
            << ExpectedList{
                   {"spec.backoffLimitPerIndex", kInvalid, "must be greater than or equal to 0"},
                   {"spec.completions", kRequired, "when completion mode is Indexed"}};
    }
    {
        Job job = indexed(generatedJob(), 10);
        job.spec.maxFailedIndexes = 11;
        job.spec.backoffLimitPerIndex = 1;
        QTest::newRow("spec.maxFailedIndexes: Invalid value: 11: must be less than or equal to "
                      "completions")
            << job
            << ExpectedList{{"spec.maxFailedIndexes", kInvalid,
                             "must be less than or equal to completions"}};
    }
    {
        Job job = indexed(generatedJob(), 100001);
        job.spec.backoffLimitPerIndex = 1;
        QTest::newRow("spec.maxFailedIndexes: Required value: must be specified when completions "
                      "is above 100000")
            << job
            << ExpectedList{{"spec.maxFailedIndexes", kRequired,
                             "must be specified when completions is above 100000"}};
        job.spec.parallelism = 50000;
        job.spec.maxFailedIndexes = 1;
        QTest::newRow("spec.parallelism: Invalid value: 50000: must be less than or equal to "
                      "10000 when completions are above 100000 and used with backoff limit per "
                      "index")
            << job
            << ExpectedList{{"spec.parallelism", kInvalid,
                             "must be less than or equal to 10000 when completions are above "
                             "100000 and used with backoff limit per index"}};
        job.spec.parallelism.reset();
        job.spec.maxFailedIndexes = 100001;
        QTest::newRow("spec.maxFailedIndexes: Invalid value: 100001: must be less than or equal "
                      "to 100000")
            << job
            << ExpectedList{
                   {"spec.maxFailedIndexes", kInvalid, "must be less than or equal to 100000"},
                   {"spec.maxFailedIndexes", kInvalid,
                    "must be less than or equal to 10000 when completions are above "
                    "100000 and used with backoff limit per index"}};
        job.spec.maxFailedIndexes = 50000;
        QTest::newRow("spec.maxFailedIndexes: Invalid value: 50000: must be less than or equal to "
                      "10000 when completions are above 100000 and used with backoff limit per "
                      "index")
            << job
            << ExpectedList{{"spec.maxFailedIndexes", kInvalid,
                             "must be less than or equal to 10000 when completions are above "
                             "100000 and used with backoff limit per index"}};
    }
    {
        Job job = indexed(generatedJob(), 10);
        job.spec.backoffLimitPerIndex = 1;
        job.spec.maxFailedIndexes = -1;
        QTest::newRow("spec.maxFailedIndexes:must be greater than or equal to 0")
            << job
            << ExpectedList{
                   {"spec.maxFailedIndexes", kInvalid, "must be greater than or equal to 0"}};
    }
    {
        Job job = indexed(generatedJob(), std::nullopt);
        job.spec.maxFailedIndexes = 1;
        QTest::newRow("spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is "
                      "specified")
            << job
            << ExpectedList{
                   {"spec.backoffLimitPerIndex", kRequired, "when maxFailedIndexes is specified"},
                   {"spec.completions", kRequired, "when completion mode is Indexed"}};
    }
    {
        Job job = generatedJob();
        job.spec.completions = -1;
        QTest::newRow("spec.completions:must be greater than or equal to 0")
            << job
            << ExpectedList{{"spec.completions", kInvalid, "must be greater than or equal to 0"}};
    }
    {
        Job job = generatedJob();
        job.spec.activeDeadlineSeconds = -1;
        QTest::newRow("spec.activeDeadlineSeconds:must be greater than or equal to 0")
            << job
            << ExpectedList{
                   {"spec.activeDeadlineSeconds", kInvalid, "must be greater than or equal to 0"}};
    }
    {
        Job job = generatedJob();
        job.spec.selector = LabelSelector{};
        QTest::newRow("spec.selector:Required value")
            << job
            << ExpectedList{{"spec.selector", kRequired, ""},
                            {"spec.template.metadata.labels", kInvalid,
                             "`selector` does not match template `labels`"}};
    }
    {
        Job job = manualJob();
        job.spec.templ.metadata.labels = {{"y", "z"}};
        QTest::newRow("spec.template.metadata.labels: Invalid value: "
                      "map[string]string{\"y\":\"z\"}: `selector` does not match template "
                      "`labels`")
            << job
            << ExpectedList{{"spec.template.metadata.labels", kInvalid,
                             "`selector` does not match template `labels`"}};
        job.spec.templ.metadata.labels = {{"controller-uid", "4d5e6f"}};
        QTest::newRow("spec.template.metadata.labels: Invalid value: "
                      "map[string]string{\"controller-uid\":\"4d5e6f\"}: `selector` does not "
                      "match template `labels`")
            << job
            << ExpectedList{{"spec.template.metadata.labels", kInvalid,
                             "`selector` does not match template `labels`"}};
    }
    {
        Job job = manualJob();
        job.spec.templ.restartPolicy = restart_policy::Always;
        QTest::newRow("spec.template.spec.restartPolicy: Required value")
            << job
            << ExpectedList{
                   {"spec.template.spec.restartPolicy", kRequired, "\"OnFailure\", \"Never\""}};
        job.spec.templ.restartPolicy = "Invalid";
        QTest::newRow("spec.template.spec.restartPolicy: Unsupported value")
            << job
            << ExpectedList{{"spec.template.spec.restartPolicy", kUnsupported,
                             "supported values: \"Always\", \"OnFailure\", \"Never\""},
                            {"spec.template.spec.restartPolicy", kUnsupported,
                             "supported values: \"OnFailure\", \"Never\""}};
    }
    {
        Job job = generatedJob();
        job.spec.ttlSecondsAfterFinished = -1;
        QTest::newRow("spec.ttlSecondsAfterFinished: must be greater than or equal to 0")
            << job
            << ExpectedList{{"spec.ttlSecondsAfterFinished", kInvalid,
                             "must be greater than or equal to 0"}};
    }
    QTest::newRow("spec.completions: Required value: when completion mode is Indexed")
        << indexed(generatedJob(), std::nullopt)
        << ExpectedList{{"spec.completions", kRequired, "when completion mode is Indexed"}};
    {
        Job job = indexed(generatedJob(), 2);
        job.spec.parallelism = 100001;
        QTest::newRow("spec.parallelism: must be less than or equal to 100000 when completion "
                      "mode is Indexed")
            << job
            << ExpectedList{{"spec.parallelism", kInvalid,
                             "must be less than or equal to 100000 when completion mode is "
                             "Indexed"}};
    }
    {
        // Upstream runs this one with RequirePrefixedLabels=false (update of an old Job); on
        // create the batch.kubernetes.io/ labels are required as well, hence two more errors.
        Job job = generatedJob();
        job.spec.selector = selectorOf({{"controller-uid", "1a2b3c"}});
        job.spec.templ.metadata.labels = {{"job-name", "myjob"}};
        QTest::newRow("spec.template.metadata.labels[controller-uid]: Required value: must be "
                      "'1a2b3c'")
            << job
            << ExpectedList{
                   {"spec.template.metadata.labels[controller-uid]", kRequired, "must be '1a2b3c'"},
                   {"spec.template.metadata.labels[batch.kubernetes.io/controller-uid]", kRequired,
                    "must be '1a2b3c'"},
                   {"spec.template.metadata.labels[batch.kubernetes.io/job-name]", kRequired,
                    "must be 'myjob'"},
                   {"spec.template.metadata.labels", kInvalid, "does not match template `labels`"}};
        // Same options note as above.
        job.metadata.uid.clear();
        job.spec.selector = selectorOf({{"controller-uid", "test"}});
        QTest::newRow("metadata.uid: Required value")
            << job
            << ExpectedList{
                   {"metadata.uid", kRequired, ""},
                   {"spec.template.metadata.labels[controller-uid]", kRequired, "must be ''"},
                   {"spec.template.metadata.labels[batch.kubernetes.io/controller-uid]", kRequired,
                    "must be ''"},
                   {"spec.template.metadata.labels[batch.kubernetes.io/job-name]", kRequired,
                    "must be 'myjob'"},
                   {"spec.selector", kInvalid, "`selector` not auto-generated"},
                   {"spec.template.metadata.labels", kInvalid,
                    "`selector` does not match template `labels`"}};
    }
    {
        Job job = generatedJob();
        job.spec.selector = selectorOf({{"a", "b"}});
        QTest::newRow("spec.selector: Invalid value: "
                      "v1.LabelSelector{MatchLabels:map[string]string{\"a\":\"b\"}, "
                      "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not "
                      "auto-generated")
            << job
            << ExpectedList{{"spec.selector", kInvalid, "`selector` not auto-generated"},
                            {"spec.template.metadata.labels", kInvalid,
                             "`selector` does not match template `labels`"}};
    }
    {
        Job job = generatedJob();
        job.spec.selector = selectorOf({{"batch.kubernetes.io/controller-uid", "1a2b3c"}});
        job.spec.templ.metadata.labels = {{"batch.kubernetes.io/job-name", "myjob"},
                                          {"controller-uid", "1a2b3c"},
                                          {"job-name", "myjob"}};
        QTest::newRow("spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: "
                      "Required value: must be '1a2b3c'")
            << job
            << ExpectedList{
                   {"spec.template.metadata.labels[batch.kubernetes.io/controller-uid]", kRequired,
                    "must be '1a2b3c'"},
                   {"spec.template.metadata.labels", kInvalid, "does not match template `labels`"}};
    }
}

void TestValidation::validateJob() {
    QFETCH(Job, job);
    QFETCH(ExpectedList, expected);
    const std::vector<FieldError> errors = jobscope::validateJob(job);
    QVERIFY2(errors.size() == expected.size(), qPrintable(describe(errors)));
    for (size_t i = 0; i < errors.size(); ++i) {
        QCOMPARE_STR(errors[i].path, expected[i].path);
        QCOMPARE_STR(errors[i].type, expected[i].type);
        QVERIFY2(errors[i].detail.find(expected[i].detail) != std::string::npos,
                 errors[i].message.c_str());
        // The message is the apimachinery rendering: "<path>: <type>..." and the detail last.
        QVERIFY(errors[i].message.rfind(errors[i].path + ": " + errors[i].type, 0) == 0);
        const std::string& detail = errors[i].detail;
        const std::string& message = errors[i].message;
        QVERIFY(detail.empty() ||
                (message.size() >= detail.size() &&
                 message.compare(message.size() - detail.size(), detail.size(), detail) == 0));
    }
    // Upstream's own check of an error case: the row name is "<field>:<part of the message>".
    const std::string name = QTest::currentDataTag();
    if (!expected.empty() && (name.rfind("spec.", 0) == 0 || name.rfind("metadata.", 0) == 0)) {
        const size_t colon = name.find(':');
        QCOMPARE_STR(errors.front().path, name.substr(0, colon));
        QVERIFY2(errors.front().message.find(name.substr(colon + 1)) != std::string::npos,
                 errors.front().message.c_str());
    }
}

// Rules of validation.go that TestValidateJob has no case for; rows named by the rule.
void TestValidation::ownRules_data() {
    QTest::addColumn<Job>("job");
    QTest::addColumn<QStringList>("messages");

    {
        Job job = generatedJob();
        job.spec.completionMode = "Foo";
        QTest::newRow("completionMode not NonIndexed or Indexed")
            << job
            << QStringList{"spec.completionMode: Unsupported value: \"Foo\": supported values: "
                           "\"NonIndexed\", \"Indexed\""};
    }
    QTest::newRow("FailIndex without backoffLimitPerIndex")
        << withPodFailurePolicy(indexed(generatedJobNever(), 4),
                                {exitCodesRule("FailIndex", "In", {3})})
        << QStringList{"spec.podFailurePolicy.rules[0].action: Invalid value: \"FailIndex\": "
                       "requires the backoffLimitPerIndex to be set"};
    {
        Job job = indexed(generatedJob(), 4);
        job.spec.maxFailedIndexes = 1;
        job.spec.backoffLimitPerIndex = 1;
        job.spec.completionMode = completion_mode::NonIndexed;
        QTest::newRow("maxFailedIndexes and backoffLimitPerIndex need Indexed")
            << job
            << QStringList{"spec.backoffLimitPerIndex: Invalid value: 1: requires indexed "
                           "completion mode",
                           "spec.maxFailedIndexes: Invalid value: 1: requires indexed completion "
                           "mode"};
    }
    {
        // The hostname of the last index, "<name>-<completions-1>", must be a DNS label.
        Job job = indexed(manualJob(), 100);
        const std::string name(61, 'a');
        job.metadata.name = name;
        QTest::newRow("Indexed pod hostname not a DNS label")
            << job
            << QStringList{QString::fromStdString(
                   "metadata.name: Invalid value: \"" + name +
                   "\": will not able to create pod with invalid DNS label: " + name + "-99")};
    }
    {
        Job job = generatedJob();
        job.spec.templ.containers = {container("abc"), container(""), container("Main")};
        job.spec.templ.initContainers = {container("abc")};
        QTest::newRow("container names")
            << job
            << QStringList{"spec.template.spec.containers[1].name: Required value",
                           "spec.template.spec.containers[2].name: Invalid value: \"Main\": a "
                           "lowercase RFC 1123 label must consist of lower case alphanumeric "
                           "characters or '-', and must start and end with an alphanumeric "
                           "character (e.g. 'my-name',  or '123-abc', regex used for validation "
                           "is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                           "spec.template.spec.initContainers[0].name: Duplicate value: \"abc\""};
        job.spec.templ.containers.clear();
        job.spec.templ.initContainers.clear();
        QTest::newRow("no containers")
            << job << QStringList{"spec.template.spec.containers: Required value"};
    }
    {
        Job job = generatedJob();
        job.spec.templ.restartPolicy.clear();
        QTest::newRow("restartPolicy unset is defaulted to Always")
            << job
            << QStringList{"spec.template.spec.restartPolicy: Required value: valid values: "
                           "\"OnFailure\", \"Never\""};
    }
    {
        Job job = manualJob();
        job.metadata.name.clear();
        job.metadata.namespace_ = "Bad.NS";
        QTest::newRow("object metadata")
            << job
            << QStringList{"metadata.name: Required value: name or generateName is required",
                           "metadata.namespace: Invalid value: \"Bad.NS\": a lowercase RFC 1123 "
                           "label must consist of lower case alphanumeric characters or '-', and "
                           "must start and end with an alphanumeric character (e.g. 'my-name',  "
                           "or '123-abc', regex used for validation is "
                           "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')"};
    }
    {
        Job job = generatedJob();
        job.spec.managedBy = "Example.com/x y";
        QTest::newRow("managedBy host and path")
            << job
            << QStringList{"spec.managedBy: Invalid value: \"Example.com\": a lowercase RFC 1123 "
                           "subdomain must consist of lower case alphanumeric characters, '-' or "
                           "'.', and must start and end with an alphanumeric character (e.g. "
                           "'example.com', regex used for validation is "
                           "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                           "spec.managedBy: Invalid value: \"x y\": Invalid path (regex used for "
                           "validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"};
    }
    {
        Job job = withSuccessPolicy(generatedJobNever(), {successRule("0-2", 2)});
        QTest::newRow("successPolicy rendered with its rules")
            << job
            << QStringList{"spec.successPolicy: Invalid value: "
                           "batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch."
                           "SuccessPolicyRule{SucceededIndexes:(*string)(\"0-2\"), "
                           "SucceededCount:(*int32)(2)}}}: requires indexed completion mode"};
    }
}

void TestValidation::ownRules() {
    QFETCH(Job, job);
    QFETCH(QStringList, messages);
    QStringList actual;
    for (const auto& error : jobscope::validateJob(job))
        actual << QString::fromStdString(error.message);
    if (actual != messages)
        qWarning().noquote() << actual.join(QLatin1Char('\n'));
    QCOMPARE(actual, messages);
}

void TestValidation::nameChecks_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("errorCount");
    QTest::addColumn<QString>("firstError");

    QTest::newRow("label ok") << "label"
                              << "my-name" << 0 << "";
    QTest::newRow("label with dots") << "label"
                                     << "a.b" << 1 << "must not contain dots";
    QTest::newRow("label too long")
        << "label" << QString(64, QLatin1Char('a')) << 1 << "must be no more than 63 characters";
    QTest::newRow("subdomain ok") << "subdomain"
                                  << "example.com" << 0 << "";
    QTest::newRow("subdomain empty label") << "subdomain"
                                           << "a..b" << 1 << "a lowercase RFC 1123 subdomain";
    QTest::newRow("qualified with prefix") << "qualified"
                                           << "example.com/My_Name" << 0 << "";
    QTest::newRow("qualified empty prefix") << "qualified"
                                            << "/x" << 1 << "prefix part must be non-empty";
    QTest::newRow("qualified two slashes") << "qualified"
                                           << "a/b/c" << 1 << "a qualified name must consist of";
    QTest::newRow("qualified name too long") << "qualified" << QString(64, QLatin1Char('a')) << 1
                                             << "name part must be no more than 63 characters";
    QTest::newRow("label value empty") << "labelValue"
                                       << "" << 0 << "";
    QTest::newRow("label value bad end")
        << "labelValue"
        << "abc-" << 1 << "a valid label must be an empty string or consist";
}

void TestValidation::nameChecks() {
    QFETCH(QString, kind);
    QFETCH(QString, value);
    QFETCH(int, errorCount);
    QFETCH(QString, firstError);
    const std::string v = value.toStdString();
    std::vector<std::string> errs;
    if (kind == "label")
        errs = validation::isDNS1123Label(v);
    else if (kind == "subdomain")
        errs = validation::isDNS1123Subdomain(v);
    else if (kind == "qualified")
        errs = validation::isQualifiedName(v);
    else
        errs = validation::isValidLabelValue(v);
    QCOMPARE(static_cast<int>(errs.size()), errorCount);
    if (errorCount > 0)
        QVERIFY2(QString::fromStdString(errs.front()).startsWith(firstError), errs.front().c_str());
}

void TestValidation::quoting() {
    QCOMPARE_STR(validation::quote("a\"b\\c"), std::string("\"a\\\"b\\\\c\""));
    QCOMPARE_STR(validation::quote("tab\there\n"), std::string("\"tab\\there\\n\""));
    QCOMPARE_STR(validation::quote(std::string("\x01\x7f", 2)), std::string("\"\\x01\\x7f\""));
    QCOMPARE_STR(validation::quote("\xe4\xbd\xa0"), std::string("\"\xe4\xbd\xa0\"")); // 你
    QCOMPARE_STR(validation::quote("\xff"), std::string("\"\\xff\""));
}

// Every validation error of a manifest is reported at the line and column of its field.
void TestValidation::positions() {
    const QString path = test::testDataDir() + "/manifests/invalid-spec.yaml";
    const ManifestImport result = importManifestFile(path.toStdString());
    QCOMPARE(result.jobs.size(), size_t(1));
    struct At {
        int line;
        int column;
        std::string startOfMessage;
    };
    const std::vector<At> expected = {
        {6, 16, "spec.parallelism: Invalid value: -1: must be greater than or equal to 0"},
        {8, 19, "spec.completionMode: Unsupported value: \"Foo\""},
        {12, 15, "spec.podFailurePolicy.rules[0].action: Unsupported value: \"Retry\""},
        {14, 24,
         "spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "
         "\"sidecar\""},
        {16, 24, "spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 1"},
        {16, 17,
         "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: "
         "[]int32{3, 1, 1}: must be ordered"},
        {19, 22, "spec.template.spec.restartPolicy: Invalid value: \"OnFailure\": only \"Never\""},
    };
    const auto& items = result.diagnostics.items();
    QCOMPARE(items.size(), expected.size());
    for (size_t i = 0; i < items.size(); ++i) {
        QVERIFY(items[i].severity == Severity::Error);
        QCOMPARE(items[i].position.line, expected[i].line);
        QCOMPARE(items[i].position.column, expected[i].column);
        QVERIFY2(items[i].message.rfind(expected[i].startOfMessage, 0) == 0,
                 items[i].message.c_str());
    }
    // The rendered line, as the command line prints it.
    QCOMPARE(QString::fromStdString(items.front().format()),
             path + ":6:16: error: spec.parallelism: Invalid value: -1: must be greater than or "
                    "equal to 0");

    // An error about a field that is absent points at its nearest written parent.
    const ManifestImport missing = importManifestText("apiVersion: batch/v1\n"
                                                      "kind: Job\n"
                                                      "metadata:\n"
                                                      "  name: m\n"
                                                      "spec:\n"
                                                      "  template:\n"
                                                      "    spec:\n"
                                                      "      containers: [{name: c}]\n",
                                                      "m.yaml");
    QCOMPARE(missing.diagnostics.items().size(), size_t(1));
    const Diagnostic& d = missing.diagnostics.items().front();
    QCOMPARE_STR(d.message, std::string("spec.template.spec.restartPolicy: Required value: valid "
                                        "values: \"OnFailure\", \"Never\""));
    QCOMPARE(d.position.line, 8); // the first key of spec.template.spec
    QCOMPARE(d.position.column, 7);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
