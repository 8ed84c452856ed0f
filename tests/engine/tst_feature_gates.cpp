// SPDX-License-Identifier: GPL-3.0-or-later
// Feature gates and Kubernetes versions: the per-release gate defaults
// (reconcile/feature_gates.h), the version parser, the `kubernetesVersion` and `featureGates`
// keys of state and scenario files (feature_gate_reader.h) with their positioned errors, and the
// API server's side of a disabled gate: upstream's TestJobStrategy_PrepareForCreate rows for the
// four Job gates (kubernetes/kubernetes pkg/registry/batch/job/strategy_test.go), named as
// upstream, through dropDisabledJobFields. The simulator runs a scenario with the scenario's
// gates.

#include "manifest/defaults.h"
#include "reconcile/feature_gates.h"
#include "reconcile/sync.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "state/reconcile_state.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>
#include <optional>
#include <string>

using namespace jobscope;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(jobscope::FeatureGates)
Q_DECLARE_METATYPE(jobscope::Job)

namespace {

FeatureGates gates(bool podReplacementPolicy, bool backoffLimitPerIndex, bool successPolicy,
                   bool managedBy) {
    FeatureGates g;
    g.jobPodReplacementPolicy = podReplacementPolicy;
    g.jobBackoffLimitPerIndex = backoffLimitPerIndex;
    g.jobSuccessPolicy = successPolicy;
    g.jobManagedBy = managedBy;
    return g;
}

QString describe(const FeatureGates& g) {
    return QStringLiteral("JobPodReplacementPolicy=%1 JobBackoffLimitPerIndex=%2 "
                          "JobSuccessPolicy=%3 JobManagedBy=%4")
        .arg(g.jobPodReplacementPolicy)
        .arg(g.jobBackoffLimitPerIndex)
        .arg(g.jobSuccessPolicy)
        .arg(g.jobManagedBy);
}

// The fields PrepareForCreate may drop, as one line.
QString describeGatedFields(const JobSpec& spec) {
    QStringList parts;
    parts << "managedBy=" + QString::fromStdString(spec.managedBy.value_or("nil"));
    parts << "successPolicy=" + (spec.successPolicy
                                     ? QString::number(spec.successPolicy->rules.size()) + " rules"
                                     : QStringLiteral("nil"));
    parts << "backoffLimitPerIndex=" + (spec.backoffLimitPerIndex
                                            ? QString::number(*spec.backoffLimitPerIndex)
                                            : QStringLiteral("nil"));
    parts << "maxFailedIndexes=" + (spec.maxFailedIndexes ? QString::number(*spec.maxFailedIndexes)
                                                          : QStringLiteral("nil"));
    parts << "podReplacementPolicy=" +
                 QString::fromStdString(spec.podReplacementPolicy.value_or("nil"));
    QStringList actions;
    if (spec.podFailurePolicy)
        for (const auto& rule : spec.podFailurePolicy->rules)
            actions << QString::fromStdString(rule.action);
    parts << "podFailurePolicy=" +
                 (spec.podFailurePolicy ? "[" + actions.join(",") + "]" : QStringLiteral("nil"));
    return parts.join(';');
}

// A valid state; `top` goes before the Job, `spec` into its spec.
std::string state(const std::string& top, const std::string& spec = "") {
    return top +
           "job:\n"
           "  metadata: {name: demo, namespace: ns, uid: job-uid}\n"
           "  spec:\n"
           "    completions: 5\n"
           "    parallelism: 2\n" +
           spec +
           "    template:\n"
           "      spec:\n"
           "        restartPolicy: Never\n"
           "        containers: [{name: main, image: busybox}]\n"
           "now: 30\n";
}

// A Job spec with a field of every gate; on a NonIndexed Job backoffLimitPerIndex and
// successPolicy are invalid, so the API server only accepts it with those gates off.
const char* const kGatedSpec = "    managedBy: example.com/other\n"
                               "    podReplacementPolicy: Failed\n"
                               "    backoffLimitPerIndex: 1\n"
                               "    maxFailedIndexes: 1\n"
                               "    successPolicy: {rules: [{succeededCount: 1}]}\n"
                               "    podFailurePolicy:\n"
                               "      rules:\n"
                               "      - {action: FailIndex, onExitCodes: {operator: In, "
                               "values: [3]}}\n"
                               "      - {action: Ignore, onExitCodes: {operator: In, values: "
                               "[4]}}\n";

bool hasError(const Diagnostics& diagnostics, int line, int column, const QString& message) {
    for (const Diagnostic& d : diagnostics.items())
        if (d.severity == Severity::Error && d.position == SourcePosition{line, column} &&
            QString::fromStdString(d.message).contains(message))
            return true;
    return false;
}

// A scenario around an inline Job; `top` goes before `job:`.
std::string scenario(const std::string& top, const std::string& spec = "") {
    return top +
           "stopAt: 60\n"
           "job:\n"
           "  metadata: {name: demo}\n"
           "  spec:\n"
           "    completions: 2\n"
           "    parallelism: 2\n" +
           spec +
           "    template:\n"
           "      spec:\n"
           "        restartPolicy: Never\n"
           "        containers: [{name: main, image: busybox}]\n";
}

} // namespace

class TestFeatureGates : public QObject {
    Q_OBJECT

private slots:
    void forVersion_data();
    void forVersion();
    void stages();
    void parseKubernetesMinor_data();
    void parseKubernetesMinor();
    void stateSettings_data();
    void stateSettings();
    void settingErrors_data();
    void settingErrors();
    void unreadableVersionReportedOnce();
    void stateDropsDisabledFields();
    void stateGatesReachTheSync();
    void zeroActiveDuringBackoff_data();
    void zeroActiveDuringBackoff();
    void scenarioSettings();
    void scenarioJobFileGetsTheGates();
    void scenarioErrors();
    void simulatorRunsWithTheScenarioGates();
    void prepareForCreate_data();
    void prepareForCreate();
};

// The defaults of each release, kube_features.go's versioned specs (docs/reconcile.md).
void TestFeatureGates::forVersion_data() {
    QTest::addColumn<int>("minor");
    QTest::addColumn<FeatureGates>("want");
    // PodReplacementPolicy, BackoffLimitPerIndex, SuccessPolicy, ManagedBy
    QTest::newRow("1.29: no JobSuccessPolicy, no JobManagedBy")
        << 29 << gates(true, true, false, false);
    QTest::newRow("1.30: JobSuccessPolicy and JobManagedBy alpha")
        << 30 << gates(true, true, false, false);
    QTest::newRow("1.31: JobSuccessPolicy beta") << 31 << gates(true, true, true, false);
    QTest::newRow("1.32: JobManagedBy beta") << 32 << gates(true, true, true, true);
    QTest::newRow("1.33") << 33 << gates(true, true, true, true);
    QTest::newRow("1.34") << 34 << gates(true, true, true, true);
    QTest::newRow("1.35") << 35 << gates(true, true, true, true);
    QTest::newRow("1.40: newer than the table") << 40 << gates(true, true, true, true);
}

void TestFeatureGates::forVersion() {
    QFETCH(int, minor);
    QFETCH(FeatureGates, want);
    QCOMPARE(describe(FeatureGates::forVersion(minor)), describe(want));
}

void TestFeatureGates::stages() {
    // Locked from GA on; a release before the gate has none.
    QVERIFY(!featureStageAt(JobFeature::PodReplacementPolicy, 33)->locked);
    QVERIFY(featureStageAt(JobFeature::PodReplacementPolicy, 34)->locked);
    QVERIFY(!featureStageAt(JobFeature::BackoffLimitPerIndex, 32)->locked);
    QVERIFY(featureStageAt(JobFeature::BackoffLimitPerIndex, 33)->locked);
    QVERIFY(!featureStageAt(JobFeature::SuccessPolicy, 32)->locked);
    QVERIFY(featureStageAt(JobFeature::SuccessPolicy, 33)->locked);
    QVERIFY(!featureStageAt(JobFeature::ManagedBy, 34)->locked);
    QVERIFY(featureStageAt(JobFeature::ManagedBy, 35)->locked);
    QCOMPARE(featureStageAt(JobFeature::ManagedBy, 29), nullptr);
    QCOMPARE(featureStageAt(JobFeature::SuccessPolicy, 29), nullptr);
    QCOMPARE(QString(featureStageAt(JobFeature::ManagedBy, 31)->preRelease), QString("Alpha"));
    // Current master: every gate GA and locked on.
    for (JobFeature feature : kJobFeatures) {
        const FeatureStage* master = featureStageAt(feature, std::nullopt);
        QVERIFY(master && master->locked && master->defaultOn);
        QCOMPARE(QString(master->preRelease), QString("GA"));
        QCOMPARE(featureFromName(featureName(feature)), std::optional<JobFeature>(feature));
    }
    QCOMPARE(featureFromName("JobManagedby"), std::nullopt);
    QVERIFY(FeatureGates{} == FeatureGates::forVersion(kNewestKubernetesMinor));
}

void TestFeatureGates::parseKubernetesMinor_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("want"); // -1: not a version
    QTest::newRow("minor") << "1.30" << 30;
    QTest::newRow("v prefix") << "v1.30" << 30;
    QTest::newRow("patch release") << "1.30.2" << 30;
    QTest::newRow("kubectl version output") << "v1.32.6" << 32;
    QTest::newRow("one digit") << "1.9" << 9;
    QTest::newRow("empty") << "" << -1;
    QTest::newRow("major only") << "1" << -1;
    QTest::newRow("trailing dot") << "1." << -1;
    QTest::newRow("major 2") << "2.30" << -1;
    QTest::newRow("not a number") << "1.x" << -1;
    QTest::newRow("empty patch") << "1.30." << -1;
    QTest::newRow("pre-release") << "1.30-rc.1" << -1;
    QTest::newRow("words") << "latest" << -1;
}

void TestFeatureGates::parseKubernetesMinor() {
    QFETCH(QString, text);
    QFETCH(int, want);
    const std::optional<int> got = jobscope::parseKubernetesMinor(text.toStdString());
    QCOMPARE(got.value_or(-1), want);
}

void TestFeatureGates::stateSettings_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<int>("minor"); // -1: unset
    QTest::addColumn<FeatureGates>("want");
    QTest::newRow("neither key: current master") << state("") << -1 << FeatureGates{};
    QTest::newRow("a version alone: its defaults")
        << state("kubernetesVersion: \"1.30\"\n") << 30 << gates(true, true, false, false);
    QTest::newRow("unquoted version")
        << state("kubernetesVersion: 1.31\n") << 31 << gates(true, true, true, false);
    QTest::newRow("a gate turned on before its default")
        << state("kubernetesVersion: \"1.31\"\nfeatureGates: {JobManagedBy: true}\n") << 31
        << gates(true, true, true, true);
    QTest::newRow("a beta gate turned off")
        << state("kubernetesVersion: v1.33.1\nfeatureGates:\n  JobPodReplacementPolicy: false\n")
        << 33 << gates(false, true, true, true);
    QTest::newRow("a locked gate set to its default")
        << state("featureGates: {JobManagedBy: true, JobSuccessPolicy: true}\n") << -1
        << FeatureGates{};
    QTest::newRow("every gate off in 1.32")
        << state("kubernetesVersion: \"1.32\"\nfeatureGates: {JobPodReplacementPolicy: false, "
                 "JobBackoffLimitPerIndex: false, JobSuccessPolicy: false, JobManagedBy: false}\n")
        << 32 << gates(false, false, false, false);
    QTest::newRow("JSON") << std::string(
                                 "{\"kubernetesVersion\": \"1.30\", \"featureGates\": "
                                 "{\"JobBackoffLimitPerIndex\": false}, \"now\": 1, \"job\": "
                                 "{\"metadata\": {\"name\": \"j\"}, \"spec\": {\"template\": "
                                 "{\"spec\": {\"restartPolicy\": \"Never\", \"containers\": "
                                 "[{\"name\": \"c\"}]}}}}}")
                          << 30 << gates(true, false, false, false);
}

void TestFeatureGates::stateSettings() {
    QFETCH(std::string, text);
    QFETCH(int, minor);
    QFETCH(FeatureGates, want);
    Diagnostics diagnostics;
    const auto parsed = parseReconcileState(text, "state.yaml", diagnostics);
    QVERIFY2(parsed, diagnostics.format().c_str());
    QCOMPARE(describe(parsed->input.gates), describe(want));
    QCOMPARE(parsed->kubernetesMinor.value_or(-1), minor);
}

// The same keys and messages in both file kinds; the rows are state files.
void TestFeatureGates::settingErrors_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("version too old")
        << state("kubernetesVersion: \"1.28\"\n") << 1 << 20
        << "kubernetesVersion: Unsupported value: \"1.28\": supported versions: 1.29 to 1.35, "
           "or newer";
    QTest::newRow("version that is no version")
        << state("kubernetesVersion: one.thirty\n") << 1 << 20
        << "kubernetesVersion: Invalid value: \"one.thirty\": must be a Kubernetes minor "
           "version such as \"1.30\"";
    QTest::newRow("version as a mapping") << state("kubernetesVersion: {minor: 30}\n") << 1 << 20
                                          << "kubernetesVersion: Invalid value: a mapping or list";
    QTest::newRow("1.3 for 1.30") << state("kubernetesVersion: \"1.3\"\n") << 1 << 20
                                  << "(did you mean \"1.30\"?)";
    QTest::newRow("gates as the flag's text")
        << state("featureGates: JobManagedBy=false\n") << 1 << 15
        << "featureGates: Invalid value: \"JobManagedBy=false\": must be a mapping of gate names "
           "to true or false";
    QTest::newRow("unknown gate")
        << state("featureGates: {JobManagdBy: true}\n") << 1 << 16
        << "featureGates: Unsupported value: \"JobManagdBy\": supported gates (the Job "
           "controller's): \"JobBackoffLimitPerIndex\", \"JobManagedBy\", "
           "\"JobPodReplacementPolicy\", \"JobSuccessPolicy\" (did you mean \"JobManagedBy\"?)";
    QTest::newRow("gate of another controller")
        << state("featureGates:\n  PodIndexLabel: false\n") << 2 << 3
        << "featureGates: Unsupported value: \"PodIndexLabel\"";
    QTest::newRow("value that is no boolean")
        << state("kubernetesVersion: \"1.30\"\nfeatureGates: {JobSuccessPolicy: maybe}\n") << 2
        << 34 << "featureGates.JobSuccessPolicy: Invalid value: \"maybe\": must be true or false";
    QTest::newRow("missing value")
        << state("kubernetesVersion: \"1.30\"\nfeatureGates:\n  JobManagedBy:\n") << 3 << 3
        << "featureGates.JobManagedBy: Required value: true or false";
    QTest::newRow("gate written twice")
        << state("kubernetesVersion: \"1.30\"\nfeatureGates:\n  JobManagedBy: true\n"
                 "  JobManagedBy: false\n")
        << 4 << 3
        << "featureGates.JobManagedBy: duplicate key \"JobManagedBy\" (first written "
           "at line 3)";
    QTest::newRow("gate the release does not have")
        << state("kubernetesVersion: \"1.29\"\nfeatureGates: {JobSuccessPolicy: true}\n") << 2 << 34
        << "featureGates.JobSuccessPolicy: Invalid value: true: Kubernetes 1.29 has no such gate "
           "(JobSuccessPolicy exists from 1.30 on)";
    QTest::newRow("gate locked in the release")
        << state("kubernetesVersion: \"1.34\"\nfeatureGates: {JobPodReplacementPolicy: false}\n")
        << 2 << 41
        << "featureGates.JobPodReplacementPolicy: Invalid value: false: the gate is GA and "
           "locked to true in Kubernetes 1.34 (it can be turned off in 1.33 and older)";
    QTest::newRow("gate locked in current master")
        << state("featureGates: {JobManagedBy: false}\n") << 1 << 30
        << "featureGates.JobManagedBy: Invalid value: false: the gate is GA and locked to true in "
           "current master (set kubernetesVersion to \"1.34\" or older to turn it off)";
}

void TestFeatureGates::settingErrors() {
    QFETCH(std::string, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    Diagnostics diagnostics;
    QVERIFY(!parseReconcileState(text, "bad.yaml", diagnostics));
    if (!hasError(diagnostics, line, column, message))
        qWarning("got:\n%s", diagnostics.format().c_str());
    QVERIFY(hasError(diagnostics, line, column, message));
}

// A kubernetesVersion that cannot be read is one error: the gates are not checked against
// current master instead (which would report JobSuccessPolicy as locked), only their names and
// values are.
void TestFeatureGates::unreadableVersionReportedOnce() {
    Diagnostics diagnostics;
    QVERIFY(
        !parseReconcileState(state("kubernetesVersion: 1.3\n"
                                   "featureGates: {JobSuccessPolicy: false, JobManagdBy: true}\n"),
                             "bad.yaml", diagnostics));
    QVERIFY2(hasError(diagnostics, 1, 20, "(did you mean \"1.30\"?)"),
             diagnostics.format().c_str());
    QVERIFY2(hasError(diagnostics, 2, 41, "Unsupported value: \"JobManagdBy\""),
             diagnostics.format().c_str());
    int errors = 0;
    for (const Diagnostic& d : diagnostics.items())
        errors += d.severity == Severity::Error ? 1 : 0;
    QVERIFY2(errors == 2, diagnostics.format().c_str());
}

// As the API server stores a Job created with the gates off: the fields of a disabled gate are
// gone before validation, so a Job that is invalid with them is accepted. backoffLimit keeps
// the default it gets from backoffLimitPerIndex before the field is dropped.
void TestFeatureGates::stateDropsDisabledFields() {
    Diagnostics diagnostics;
    const auto parsed = parseReconcileState(
        state("kubernetesVersion: \"1.30\"\n"
              "featureGates: {JobPodReplacementPolicy: false, JobBackoffLimitPerIndex: false}\n",
              kGatedSpec),
        "state.yaml", diagnostics);
    QVERIFY2(parsed, diagnostics.format().c_str());
    const JobSpec& spec = parsed->input.job.spec;
    QCOMPARE(describeGatedFields(spec),
             QString("managedBy=nil;successPolicy=nil;backoffLimitPerIndex=nil;"
                     "maxFailedIndexes=nil;podReplacementPolicy=nil;podFailurePolicy=[Ignore]"));
    QCOMPARE(spec.backoffLimit, std::optional<int32_t>(std::numeric_limits<int32_t>::max()));

    // The same Job with every gate on keeps the fields, and validation rejects it.
    Diagnostics onDiagnostics;
    QVERIFY(!parseReconcileState(state("", kGatedSpec), "state.yaml", onDiagnostics));
    QVERIFY2(hasError(onDiagnostics, 8, 27, "job.spec.backoffLimitPerIndex: Invalid value: 1"),
             onDiagnostics.format().c_str());
}

// A state file's gates are the sync's: with JobPodReplacementPolicy off status.terminating is
// not written and the terminating Pod counts as failed (it is replaced at once); with
// JobManagedBy off a Job managed elsewhere is synced anyway.
void TestFeatureGates::stateGatesReachTheSync() {
    const std::string pods = "pods:\n"
                             "  - {name: a, phase: Running}\n"
                             "  - {name: b, phase: Running, terminating: 5}\n";
    Diagnostics diagnostics;
    auto off = parseReconcileState(
        state("kubernetesVersion: \"1.31\"\nfeatureGates: {JobPodReplacementPolicy: false}\n",
              "    managedBy: example.com/other\n") +
            pods,
        "off.yaml", diagnostics);
    QVERIFY2(off, diagnostics.format().c_str());
    const SyncResult r = syncJob(off->input);
    QVERIFY(r.synced);
    QCOMPARE(r.status.terminating, std::nullopt);
    QCOMPARE(r.status.failed, 1);
    QCOMPARE(r.creationCount(), 1);

    auto master = parseReconcileState(state("", "    managedBy: example.com/other\n") + pods,
                                      "master.yaml", diagnostics);
    QVERIFY2(master, diagnostics.format().c_str());
    const SyncResult m = syncJob(master->input);
    QVERIFY(!m.synced);
    QCOMPARE(m.skippedReason, std::string("managed by example.com/other"));
}

// kubernetes#139428: releases without the fix (kubernetes#139457) report active 0 while
// replacements wait for a backoff; the API server refuses that write when a Pod is ready and
// JobManagedBy is on, so the sync fails and nothing is flushed.
void TestFeatureGates::zeroActiveDuringBackoff_data() {
    QTest::addColumn<QString>("top");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("pods");
    QTest::addColumn<QString>("error"); // in the sync's error; "" for none
    QTest::addColumn<int>("active");    // the status written (-1: none)
    QTest::addColumn<int>("ready");

    const QString oneFailed = "pods:\n"
                              "  - {name: a, phase: Running, ready: true}\n"
                              "  - {name: b, phase: Failed, exitCode: 1, finishedAt: 29}\n";
    const QString refused = "Job.batch \"demo\" is invalid: status.ready: Invalid value: 1: "
                            "cannot set more ready pods than active";
    QTest::newRow("current master: the real active count") << ""
                                                           << "" << oneFailed << "" << 1 << 1;
    QTest::newRow("1.32: active 0 refused") << "kubernetesVersion: \"1.32\"\n"
                                            << "" << oneFailed << refused << -1 << 0;
    QTest::newRow("1.33: never fixed") << "kubernetesVersion: \"1.33\"\n"
                                       << "" << oneFailed << refused << -1 << 0;
    QTest::newRow("1.34: fixed in its patch releases") << "kubernetesVersion: \"1.34\"\n"
                                                       << "" << oneFailed << "" << 1 << 1;
    QTest::newRow("1.31: JobManagedBy off, active 0 written") << "kubernetesVersion: \"1.31\"\n"
                                                              << "" << oneFailed << "" << 0 << 1;
    QTest::newRow("1.32 with JobManagedBy off: active 0 written")
        << "kubernetesVersion: \"1.32\"\nfeatureGates: {JobManagedBy: false}\n"
        << "" << oneFailed << "" << 0 << 1;
    QTest::newRow("1.32, no Pod ready: active 0 accepted")
        << "kubernetesVersion: \"1.32\"\n"
        << ""
        << "pods:\n"
           "  - {name: a, phase: Running}\n"
           "  - {name: b, phase: Failed, exitCode: 1, finishedAt: 29}\n"
        << "" << 0 << 0;
    const QString perIndex = "    completionMode: Indexed\n    backoffLimitPerIndex: 1\n";
    const QString indexFailed = "pods:\n"
                                "  - {name: a, index: 0, phase: Running, ready: true}\n"
                                "  - {name: b, index: 1, phase: Failed, exitCode: 1, "
                                "finishedAt: 29}\n";
    QTest::newRow("per-index backoff, 1.32: refused")
        << "kubernetesVersion: \"1.32\"\n"
        << perIndex << indexFailed << refused << -1 << 0;
    QTest::newRow("per-index backoff, master") << "" << perIndex << indexFailed << "" << 1 << 1;
}

void TestFeatureGates::zeroActiveDuringBackoff() {
    QFETCH(QString, top);
    QFETCH(QString, spec);
    QFETCH(QString, pods);
    QFETCH(QString, error);
    QFETCH(int, active);
    QFETCH(int, ready);

    Diagnostics diagnostics;
    const std::string text = state(top.toStdString(), spec.toStdString()) + pods.toStdString();
    auto parsed = parseReconcileState(text, "state.yaml", diagnostics);
    QVERIFY2(parsed, diagnostics.format().c_str());
    // The status as written before the failure: both Pods active and ready.
    parsed->input.job.status.active = 2;
    parsed->input.job.status.ready = 2;
    const SyncResult r = syncJob(parsed->input);
    QVERIFY(r.synced);
    QCOMPARE(r.creationCount(), 0); // the backoff holds the replacement
    QVERIFY(r.requeueAfter);
    if (error.isEmpty()) {
        QVERIFY2(!r.error, r.error ? r.error->c_str() : "");
    } else {
        QVERIFY(r.error);
        QVERIFY2(QString::fromStdString(*r.error).contains(error), r.error->c_str());
        QVERIFY(r.finalizerRemovals.empty()); // nothing flushed
    }
    QCOMPARE(r.statusUpdated, active >= 0);
    if (active >= 0) {
        QCOMPARE(r.status.active, active);
        QCOMPARE(r.status.ready, std::optional<int32_t>(ready));
    }
}

void TestFeatureGates::scenarioSettings() {
    Diagnostics diagnostics;
    auto sc = readScenarioText(scenario("kubernetesVersion: \"1.31\"\n"
                                        "featureGates: {JobBackoffLimitPerIndex: false}\n",
                                        "    managedBy: example.com/other\n"
                                        "    podReplacementPolicy: Failed\n"),
                               "scenario.yaml", diagnostics);
    QVERIFY2(sc, diagnostics.format().c_str());
    QCOMPARE(describe(sc->featureGates), describe(gates(true, false, true, false)));
    QCOMPARE(sc->kubernetesMinor, std::optional<int>(31));
    // JobManagedBy is alpha (off) in 1.31: the API server drops the field.
    QCOMPARE(sc->job.spec.managedBy, std::nullopt);
    QCOMPARE(sc->job.spec.podReplacementPolicy, std::optional<std::string>("Failed"));

    // Without the keys: current master, the Job untouched.
    auto master = readScenarioText(scenario("", "    managedBy: example.com/other\n"),
                                   "scenario.yaml", diagnostics);
    QVERIFY2(master, diagnostics.format().c_str());
    QVERIFY(master->featureGates == FeatureGates{});
    QCOMPARE(master->kubernetesMinor, std::nullopt);
    QCOMPARE(master->job.spec.managedBy, std::optional<std::string>("example.com/other"));
}

// A Job in a manifest file named by job.path goes through the API server with the scenario's
// gates too.
void TestFeatureGates::scenarioJobFileGetsTheGates() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile manifest(dir.filePath("job.yaml"));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("apiVersion: batch/v1\n"
                   "kind: Job\n"
                   "metadata: {name: from-file}\n"
                   "spec:\n"
                   "  podReplacementPolicy: Failed\n"
                   "  backoffLimitPerIndex: 2\n"
                   "  template:\n"
                   "    spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}\n");
    manifest.close();
    const std::string text = "kubernetesVersion: \"1.30\"\n"
                             "featureGates: {JobPodReplacementPolicy: false, "
                             "JobBackoffLimitPerIndex: false}\n"
                             "job: {path: job.yaml}\n";
    Diagnostics diagnostics;
    auto sc = readScenarioText(text, dir.filePath("scenario.yaml").toStdString(), diagnostics);
    QVERIFY2(sc, diagnostics.format().c_str());
    QCOMPARE(sc->job.metadata.name, std::string("from-file"));
    QCOMPARE(sc->job.spec.podReplacementPolicy, std::nullopt);
    QCOMPARE(sc->job.spec.backoffLimitPerIndex, std::nullopt);
    QCOMPARE(sc->job.spec.backoffLimit,
             std::optional<int32_t>(std::numeric_limits<int32_t>::max()));
}

void TestFeatureGates::scenarioErrors() {
    Diagnostics diagnostics;
    QVERIFY(!readScenarioText(scenario("kubernetesVersion: \"1.20\"\n"
                                       "featureGates: {JobSucessPolicy: false}\n"),
                              "bad.yaml", diagnostics));
    QVERIFY2(hasError(diagnostics, 1, 20, "kubernetesVersion: Unsupported value: \"1.20\""),
             diagnostics.format().c_str());
    QVERIFY2(hasError(diagnostics, 2, 16, "(did you mean \"JobSuccessPolicy\"?)"),
             diagnostics.format().c_str());
    // A misspelt key is still an unknown scenario key.
    Diagnostics typo;
    QVERIFY(!readScenarioText(scenario("kubernetesVersoin: \"1.30\"\n"), "bad.yaml", typo));
    QVERIFY2(hasError(typo, 1, 1, "(did you mean \"kubernetesVersion\"?)"), typo.format().c_str());
}

// The simulator hands the scenario's gates to every sync and records them in the Timeline:
// with JobPodReplacementPolicy off the Job never gets status.terminating, with it on a deleted
// Pod shows up there.
void TestFeatureGates::simulatorRunsWithTheScenarioGates() {
    const std::string actions = "actions:\n- {at: 3, do: deletePod, pod: oldest}\n"
                                "timings: {gracefulTermination: 5}\n";
    for (bool podReplacementPolicy : {false, true}) {
        std::string top = "kubernetesVersion: \"1.30\"\n";
        if (!podReplacementPolicy)
            top += "featureGates: {JobPodReplacementPolicy: false}\n";
        Diagnostics diagnostics;
        auto sc = readScenarioText(top + actions + scenario(""), "sim.yaml", diagnostics);
        QVERIFY2(sc, diagnostics.format().c_str());
        const Timeline tl = simulate(*sc);
        QVERIFY(tl.gates == sc->featureGates);
        bool written = false;
        bool positive = false;
        for (const JobObservation& o : tl.jobChanges) {
            written = written || o.status.terminating.has_value();
            positive = positive || o.status.terminating.value_or(0) > 0;
        }
        QCOMPARE(written, podReplacementPolicy);
        QCOMPARE(positive, podReplacementPolicy);
    }
}

// Upstream TestJobStrategy_PrepareForCreate, the rows of the four Job gates: the row's gate as
// upstream sets it, every other gate off (upstream sets them false). The JobPodFailurePolicy
// rows are left out: that gate is GA and removed from the code. Selector generation is
// applyJobDefaults' part and tested in tst_manifest.
void TestFeatureGates::prepareForCreate_data() {
    QTest::addColumn<Job>("job");
    QTest::addColumn<FeatureGates>("gates");
    QTest::addColumn<QString>("want");

    const FeatureGates none = gates(false, false, false, false);
    Job base;
    SuccessPolicyRule successRule;
    successRule.succeededIndexes = "1,3-7";
    successRule.succeededCount = 4;
    auto exitCodeRule = [](const char* action, int32_t code) {
        PodFailurePolicyRule rule;
        rule.action = action;
        rule.onExitCodes = PodFailurePolicyOnExitCodesRequirement{};
        rule.onExitCodes->operator_ = "In";
        rule.onExitCodes->values = {code};
        return rule;
    };
    const QString untouched = "managedBy=nil;successPolicy=nil;backoffLimitPerIndex=nil;"
                              "maxFailedIndexes=nil;podReplacementPolicy=nil;podFailurePolicy=nil";

    Job withSuccessPolicy = base;
    withSuccessPolicy.spec.successPolicy = SuccessPolicy{{successRule}};
    QTest::newRow("create job with a new field; JobSuccessPolicy enabled")
        << withSuccessPolicy << gates(false, false, true, false)
        << QString(untouched).replace("successPolicy=nil", "successPolicy=1 rules");
    QTest::newRow("create job with a new field; JobSuccessPolicy disabled")
        << withSuccessPolicy << none << untouched;

    Job perIndex = base;
    perIndex.spec.backoffLimitPerIndex = 1;
    perIndex.spec.maxFailedIndexes = 1;
    QTest::newRow("create job with a new fields; JobBackoffLimitPerIndex enabled")
        << perIndex << gates(false, true, false, false)
        << QString(untouched)
               .replace("backoffLimitPerIndex=nil", "backoffLimitPerIndex=1")
               .replace("maxFailedIndexes=nil", "maxFailedIndexes=1");
    QTest::newRow("create job with a new fields; JobBackoffLimitPerIndex disabled")
        << perIndex << none << untouched;

    Job replacement = base;
    replacement.spec.podReplacementPolicy = pod_replacement_policy::Failed;
    QTest::newRow("create job with a new field; JobPodReplacementPolicy enabled")
        << replacement << gates(true, false, false, false)
        << QString(untouched).replace("podReplacementPolicy=nil", "podReplacementPolicy=Failed");
    QTest::newRow("create job with a new field; JobPodReplacementPolicy disabled")
        << replacement << none << untouched;

    Job failIndex = base;
    failIndex.spec.backoffLimitPerIndex = 1;
    failIndex.spec.podFailurePolicy = PodFailurePolicy{{exitCodeRule("FailIndex", 1)}};
    QTest::newRow("create job with pod failure policy using FailIndex action; "
                  "JobPodFailurePolicy enabled, JobBackoffLimitPerIndex disabled")
        << failIndex << none
        << QString(untouched).replace("podFailurePolicy=nil", "podFailurePolicy=[]");

    Job someFailIndex = base;
    someFailIndex.spec.backoffLimitPerIndex = 1;
    someFailIndex.spec.podFailurePolicy = PodFailurePolicy{
        {exitCodeRule("FailJob", 2), exitCodeRule("FailIndex", 1), exitCodeRule("Ignore", 13)}};
    QTest::newRow("create job with multiple pod failure policy rules, some using FailIndex "
                  "action; JobPodFailurePolicy enabled, JobBackoffLimitPerIndex disabled")
        << someFailIndex << none
        << QString(untouched).replace("podFailurePolicy=nil", "podFailurePolicy=[FailJob,Ignore]");

    Job managed = base;
    managed.spec.managedBy = "custom-controller-name";
    QTest::newRow("managedBy field is dropped when the feature gate is disabled")
        << managed << none << untouched;
    QTest::newRow("managedBy field is set when the feature gate is enabled")
        << managed << gates(false, false, false, true)
        << QString(untouched).replace("managedBy=nil", "managedBy=custom-controller-name");
}

void TestFeatureGates::prepareForCreate() {
    QFETCH(Job, job);
    QFETCH(FeatureGates, gates);
    QFETCH(QString, want);
    dropDisabledJobFields(job, gates);
    QCOMPARE(describeGatedFields(job.spec), want);
}

QTEST_APPLESS_MAIN(TestFeatureGates)
#include "tst_feature_gates.moc"
