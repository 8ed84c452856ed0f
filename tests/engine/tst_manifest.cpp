// SPDX-License-Identifier: GPL-3.0-or-later
// Manifest import: hand-written Jobs, `kubectl get -o yaml|json` output (the recorded Jobs in
// tests/data/recordings), multi-document files, Lists, skipped kinds, and every kind of bad
// input; the API defaults, with upstream pkg/apis/batch/v1/defaults_test.go TestSetDefaultJob
// ported.

#include "manifest/defaults.h"
#include "manifest/manifest.h"
#include "support/test_paths.h"

#include <QtTest>

#include <limits>
#include <string>
#include <vector>

using namespace jobscope;

#define QCOMPARE_STR(actual, expected)                                                             \
    QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected))

namespace {

QString dataFile(const char* name) {
    return test::testDataDir() + "/manifests/" + name;
}

ManifestImport importData(const char* name) {
    return importManifestFile(dataFile(name).toStdString());
}

QString dump(const Diagnostics& diagnostics) {
    return QString::fromStdString(diagnostics.format());
}

struct Message {
    Severity severity;
    int line;
    int column;
    std::string text; // the start of the message
};

// Compares every diagnostic: severity, position and the start of the message.
void checkDiagnostics(const Diagnostics& diagnostics, const std::vector<Message>& expected) {
    const auto& items = diagnostics.items();
    QVERIFY2(items.size() == expected.size(), qPrintable(dump(diagnostics)));
    for (size_t i = 0; i < items.size(); ++i) {
        QVERIFY2(items[i].severity == expected[i].severity, items[i].format().c_str());
        QCOMPARE(items[i].position.line, expected[i].line);
        QCOMPARE(items[i].position.column, expected[i].column);
        QVERIFY2(items[i].message.rfind(expected[i].text, 0) == 0, items[i].format().c_str());
    }
}

PodFailurePolicyRule conditionsRule(std::vector<std::pair<std::string, std::string>> patterns) {
    PodFailurePolicyRule rule;
    rule.action = pod_failure_policy_action::FailJob;
    for (auto& [type, status] : patterns)
        rule.onPodConditions.push_back({type, status});
    return rule;
}

PodFailurePolicyRule exitCodeRule() {
    PodFailurePolicyRule rule;
    rule.action = pod_failure_policy_action::FailJob;
    rule.onExitCodes = PodFailurePolicyOnExitCodesRequirement{std::nullopt, "In", {1}};
    return rule;
}

} // namespace

Q_DECLARE_METATYPE(Job)

class TestManifest : public QObject {
    Q_OBJECT

private slots:
    void tracedJobs_data();
    void tracedJobs();
    void tracedJobsWithFailures_data();
    void tracedJobsWithFailures();
    void handWritten();
    void kubectlOutput();
    void multiDocument();
    void list();
    void jobList();
    void noJob_data();
    void noJob();
    void binaryJunk();
    void malformedYaml();
    void deepNesting();
    void wrongTypes();
    void hugeNumbers();
    void wrongApiVersionAndKind();
    void duplicateKeys();
    void selectorExpressionsWarn();
    void readErrorsSuppressValidationOfThatField();
    void readJobObjectBelowRoot();
    void generateName();
    void setDefaultJob_data();
    void setDefaultJob();
    void setDefaultJobWithUpstreamGates_data() { setDefaultJob_data(); }
    void setDefaultJobWithUpstreamGates() { runSetDefaultJob(true); }
    void generatedSelector();
    void examples_data();
    void examples();

private:
    static void runSetDefaultJob(bool upstreamGates);
};

// ---- real inputs: what was submitted to and read back from a v1.32 control plane ----

void TestManifest::tracedJobs_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("parallelism");
    QTest::addColumn<int>("completions"); // -1: unset
    QTest::addColumn<bool>("suspend");
    QTest::addColumn<bool>("finalObject");

    const QString traces = test::recordingsDir() + "/";
    struct Trace {
        const char* id;
        int parallelism;
        int completions;
        bool suspend;
    };
    for (const Trace& t : {Trace{"a", 3, 10, false}, Trace{"b", 4, -1, false},
                           Trace{"d", 5, 6, false}, Trace{"e2", 2, 4, true}}) {
        const QString dir = traces + t.id;
        const QString name = QStringLiteral("job-") + t.id;
        QTest::newRow(qPrintable(QStringLiteral("%1/job.yaml").arg(t.id)))
            << dir + "/job.yaml" << name << t.parallelism << t.completions << t.suspend << false;
        // final-job.json is the Job after the run: the controller resumed e2.
        QTest::newRow(qPrintable(QStringLiteral("%1/final-job.json").arg(t.id)))
            << dir + "/final-job.json" << name << t.parallelism << t.completions << false << true;
    }
}

void TestManifest::tracedJobs() {
    QFETCH(QString, path);
    QFETCH(QString, name);
    QFETCH(int, parallelism);
    QFETCH(int, completions);
    QFETCH(bool, suspend);
    QFETCH(bool, finalObject);

    const ManifestImport result = importManifestFile(path.toStdString());
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QVERIFY(result.diagnostics.items().empty());
    QCOMPARE(result.jobs.size(), size_t(1));
    const Job& job = result.jobs.front().job;
    QCOMPARE(QString::fromStdString(job.metadata.name), name);
    QCOMPARE(*job.spec.parallelism, parallelism);
    QCOMPARE(job.spec.completions.value_or(-1), completions);
    QCOMPARE(job.spec.isSuspended(), suspend);
    QCOMPARE(*job.spec.backoffLimit, 6);
    QCOMPARE_STR(*job.spec.completionMode, std::string("NonIndexed"));
    QCOMPARE_STR(*job.spec.podReplacementPolicy, std::string("TerminatingOrFailed"));
    QCOMPARE_STR(job.spec.templ.restartPolicy, std::string("Never"));
    QCOMPARE(*job.spec.templ.terminationGracePeriodSeconds, int64_t(5));
    QCOMPARE(job.spec.templ.containers.size(), size_t(1));
    QCOMPARE_STR(job.spec.templ.containers.front().name, std::string("main"));
    // The selector the API server generated (or we generated like it) selects the template.
    QCOMPARE(job.spec.selector.matchLabels.size(), size_t(1));
    QCOMPARE_STR(job.spec.selector.matchLabels.front().first,
                 std::string("batch.kubernetes.io/controller-uid"));
    QCOMPARE_STR(job.spec.selector.matchLabels.front().second, job.metadata.uid);
    QCOMPARE_STR(job.spec.templ.metadata.labels.at("job-name"), name.toStdString());
    QCOMPARE(job.metadata.labels, job.spec.templ.metadata.labels);
    QCOMPARE(job.spec.templ.metadata.annotations.count("fake.kubelet/plan"), size_t(1));

    if (finalObject) {
        QVERIFY(job.metadata.namespace_.rfind("scenario-", 0) == 0);
        QVERIFY(job.metadata.generation >= 1); // e2 was patched (resumed): 2
        QVERIFY(job.metadata.creationTimestamp.has_value());
        QVERIFY(job.status.startTime.has_value());
        QVERIFY(job.status.completionTime.has_value());
        QVERIFY(*job.status.completionTime > *job.status.startTime);
        QCOMPARE(job.status.succeeded, completions > 0 ? completions : parallelism);
        QCOMPARE(job.status.active, 0);
        QCOMPARE(*job.status.ready, 0);
        QCOMPARE(*job.status.terminating, 0);
        QVERIFY(job.status.uncountedTerminatedPods.has_value());
        QVERIFY(job.status.uncountedTerminatedPods->empty());
        QVERIFY(job.status.conditions.size() >= 2);
        const JobCondition& complete = job.status.conditions.back();
        QCOMPARE_STR(complete.type, std::string("Complete"));
        QCOMPARE_STR(complete.status, std::string("True"));
        QCOMPARE(complete.lastTransitionTime, job.status.completionTime);
        // Positions from the JSON text: "parallelism" is a key of "spec".
        const SourcePosition at = result.jobs.front().sources.find("spec.parallelism");
        QVERIFY(at.known());
    } else {
        QVERIFY(job.status.conditions.empty());
        QCOMPARE_STR(job.metadata.namespace_, std::string("default"));
        const SourcePosition at = result.jobs.front().sources.find("spec.parallelism");
        QCOMPARE(at.line, completions > 0 ? 7 : 6);
        QCOMPARE(at.column, 16);
    }
}

// The recorded Jobs whose Pods fail: c1 (backoffLimit 3) and f (Indexed, backoffLimitPerIndex
// 1; upstream defaults backoffLimit to the largest int32 then). The final objects carry the
// counts and the terminal condition the control plane wrote.
void TestManifest::tracedJobsWithFailures_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("parallelism");
    QTest::addColumn<int>("completions");
    QTest::addColumn<int>("backoffLimit");
    QTest::addColumn<int>("backoffLimitPerIndex"); // -1: unset
    QTest::addColumn<QString>("completionMode");
    QTest::addColumn<QString>("finished"); // the terminal condition, "" for the submitted Job

    const QString traces = test::recordingsDir() + "/";
    for (const char* file : {"job.yaml", "final-job.json"}) {
        const bool final = QLatin1String(file) == QLatin1String("final-job.json");
        QTest::newRow(qPrintable(QStringLiteral("c1/") + QLatin1String(file)))
            << traces + "c1/" + file << 2 << 4 << 3 << -1 << "NonIndexed"
            << (final ? "Complete" : "");
        QTest::newRow(qPrintable(QStringLiteral("f/") + QLatin1String(file)))
            << traces + "f/" + file << 5 << 5 << 2147483647 << 1 << "Indexed"
            << (final ? "Failed" : "");
    }
}

void TestManifest::tracedJobsWithFailures() {
    QFETCH(QString, path);
    QFETCH(int, parallelism);
    QFETCH(int, completions);
    QFETCH(int, backoffLimit);
    QFETCH(int, backoffLimitPerIndex);
    QFETCH(QString, completionMode);
    QFETCH(QString, finished);

    const ManifestImport result = importManifestFile(path.toStdString());
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QVERIFY(result.diagnostics.items().empty());
    QCOMPARE(result.jobs.size(), size_t(1));
    const Job& job = result.jobs.front().job;
    QCOMPARE(*job.spec.parallelism, parallelism);
    QCOMPARE(job.spec.completions.value_or(-1), completions);
    QCOMPARE(*job.spec.backoffLimit, backoffLimit);
    QCOMPARE(job.spec.backoffLimitPerIndex.value_or(-1), backoffLimitPerIndex);
    QCOMPARE(QString::fromStdString(*job.spec.completionMode), completionMode);
    if (finished.isEmpty()) {
        QVERIFY(job.status.conditions.empty());
        return;
    }
    QCOMPARE(job.status.failed, 3);
    QCOMPARE(job.status.succeeded, 4);
    QCOMPARE(job.status.active, 0);
    QVERIFY(std::any_of(job.status.conditions.begin(), job.status.conditions.end(),
                        [&](const JobCondition& c) {
                            return c.type == finished.toStdString() && c.status == "True";
                        }));
    if (job.spec.isIndexed()) {
        QCOMPARE(QString::fromStdString(job.status.completedIndexes), QStringLiteral("0,1,3,4"));
        QCOMPARE(QString::fromStdString(job.status.failedIndexes.value_or("")),
                 QStringLiteral("2"));
    }
}

void TestManifest::handWritten() {
    const ManifestImport result = importData("hand-written.yaml");
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QCOMPARE(result.jobs.size(), size_t(1));
    const ImportedJob& imported = result.jobs.front();
    const Job& job = imported.job;
    QCOMPARE(imported.document, 0);
    QCOMPARE_STR(job.metadata.name, std::string("pi"));
    QCOMPARE(*job.spec.completions, 8);
    QCOMPARE(*job.spec.parallelism, 2);
    QCOMPARE(*job.spec.activeDeadlineSeconds, int64_t(600));
    QCOMPARE(*job.spec.ttlSecondsAfterFinished, 100);
    QCOMPARE(*job.spec.backoffLimit, 6); // defaulted
    QCOMPARE(*job.spec.suspend, false);
    QCOMPARE(*job.spec.manualSelector, false);
    QCOMPARE(*job.spec.templ.terminationGracePeriodSeconds, int64_t(10));
    const ContainerSpec& pi = job.spec.templ.containers.at(0);
    QCOMPARE_STR(pi.name, std::string("pi"));
    const std::vector<std::pair<std::string, std::string>> requests{{"cpu", "500m"},
                                                                    {"memory", "128Mi"}};
    QCOMPARE(pi.requests, requests);
    // The Job kept its own labels; the template got the generated ones next to app=pi.
    QCOMPARE(job.metadata.labels.size(), size_t(1));
    QCOMPARE(job.spec.templ.metadata.labels.size(), size_t(5));
    QVERIFY(!job.metadata.uid.empty());

    const SourceMap& sources = imported.sources;
    QCOMPARE(sources.find("spec.completions"), (SourcePosition{9, 16}));
    QCOMPARE(sources.find("spec.template.spec.containers[0].name"), (SourcePosition{21, 15}));
    QCOMPARE(sources.find("spec.template.spec.containers[0].resources.requests[cpu]"),
             (SourcePosition{26, 18}));
    // Fields that were not written resolve to their nearest written parent.
    QCOMPARE(sources.find("spec.backoffLimit"), (SourcePosition{9, 3}));
    QCOMPARE(sources.find(""), (SourcePosition{2, 1}));
}

void TestManifest::kubectlOutput() {
    const ManifestImport result = importData("kubectl-get-job.yaml");
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QVERIFY(result.diagnostics.items().empty()); // managedFields, volumes...: ignored silently
    const Job& job = result.jobs.at(0).job;
    QCOMPARE_STR(job.metadata.namespace_, std::string("batch"));
    QCOMPARE_STR(job.metadata.uid, std::string("5f0c8a5e-2b7d-4c1e-9a43-1d2e3f4a5b6c"));
    QVERIFY(job.metadata.generation >= 1); // e2 was patched (resumed): 2
    QCOMPARE(*job.metadata.creationTimestamp, *parseRfc3339("2026-03-02T09:14:05Z"));
    QCOMPARE(job.metadata.annotations.size(), size_t(2));
    QVERIFY(job.spec.isIndexed());
    QCOMPARE(*job.spec.backoffLimitPerIndex, 1);
    QCOMPARE(*job.spec.maxFailedIndexes, 2);
    QCOMPARE(*job.spec.backoffLimit, std::numeric_limits<int32_t>::max());
    QCOMPARE_STR(*job.spec.podReplacementPolicy, std::string("Failed"));

    const PodFailurePolicy& pfp = *job.spec.podFailurePolicy;
    QCOMPARE(pfp.rules.size(), size_t(2));
    QCOMPARE_STR(pfp.rules[0].action, std::string("FailIndex"));
    QCOMPARE_STR(*pfp.rules[0].onExitCodes->containerName, std::string("worker"));
    QCOMPARE_STR(pfp.rules[0].onExitCodes->operator_, std::string("In"));
    QCOMPARE(pfp.rules[0].onExitCodes->values, std::vector<int32_t>{42});
    QVERIFY(!pfp.rules[1].onExitCodes.has_value());
    QCOMPARE_STR(pfp.rules[1].onPodConditions.at(0).type, std::string("DisruptionTarget"));
    QCOMPARE_STR(pfp.rules[1].onPodConditions.at(0).status, std::string("True"));

    QCOMPARE_STR(job.spec.templ.initContainers.at(0).name, std::string("fetch"));
    QVERIFY(job.spec.templ.initContainers.at(0).requests.empty());
    QCOMPARE_STR(job.spec.templ.containers.at(0).requests.at(0).second, std::string("1"));
    QCOMPARE(*job.spec.templ.terminationGracePeriodSeconds, int64_t(30));

    const JobStatus& status = job.status;
    QCOMPARE(status.active, 2);
    QCOMPARE(*status.ready, 1);
    QCOMPARE(*status.terminating, 1);
    QCOMPARE(status.succeeded, 3);
    QCOMPARE(status.failed, 3);
    QCOMPARE_STR(status.completedIndexes, std::string("0,2-3"));
    QCOMPARE_STR(*status.failedIndexes, std::string("1"));
    QCOMPARE(*status.startTime, *parseRfc3339("2026-03-02T09:14:05Z"));
    QVERIFY(!status.completionTime.has_value());
    QCOMPARE(status.uncountedTerminatedPods->succeeded,
             std::vector<std::string>{"0b7e4d2a-8f61-4a5c-b0d9-3c2e1f0a9b87"});
    QVERIFY(status.uncountedTerminatedPods->failed.empty());
    QCOMPARE(status.conditions.size(), size_t(1));
    const JobCondition& c = status.conditions.front();
    QCOMPARE_STR(c.type, std::string("FailureTarget"));
    QCOMPARE_STR(c.status, std::string("False"));
    QCOMPARE_STR(c.reason, std::string("PodFailurePolicy"));
    QCOMPARE_STR(c.message, std::string("Pod was terminated by the cluster"));
    QCOMPARE(*c.lastProbeTime, *parseRfc3339("2026-03-02T09:14:30Z"));
    QCOMPARE(*c.lastTransitionTime, *c.lastProbeTime + 0.25);
    QCOMPARE(result.jobs.at(0).sources.find("status.conditions[0].reason"),
             (SourcePosition{142, 13}));
}

void TestManifest::multiDocument() {
    const ManifestImport result = importData("multi-document.yaml");
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QCOMPARE(result.jobs.size(), size_t(2));
    QCOMPARE_STR(result.jobs[0].job.metadata.name, std::string("first"));
    QCOMPARE(result.jobs[0].document, 1);
    QCOMPARE_STR(result.jobs[1].job.metadata.name, std::string("second"));
    QCOMPARE(result.jobs[1].document, 3);
    QCOMPARE(*result.jobs[1].job.spec.parallelism, 4);
    QVERIFY(!result.jobs[1].job.spec.completions.has_value());
    // Each Job's positions are its own document's lines.
    QCOMPARE(result.jobs[1].sources.find("spec.parallelism"), (SourcePosition{34, 16}));
    checkDiagnostics(result.diagnostics,
                     {{Severity::Note, 3, 7, "skipping ConfigMap \"settings\": not a Job"},
                      {Severity::Note, 22, 7, "skipping Service \"queue\": not a Job"}});
}

void TestManifest::list() {
    const ManifestImport result = importData("list.yaml");
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QCOMPARE(result.jobs.size(), size_t(2));
    QCOMPARE_STR(result.jobs[0].job.metadata.name, std::string("one"));
    QCOMPARE_STR(result.jobs[0].job.metadata.namespace_, std::string("work"));
    QCOMPARE_STR(result.jobs[1].job.metadata.name, std::string("two"));
    QVERIFY(result.jobs[1].job.spec.isIndexed());
    QCOMPARE(result.jobs[1].document, 0);
    QCOMPARE(result.jobs[1].sources.find(""), (SourcePosition{29, 3}));
    checkDiagnostics(result.diagnostics,
                     {{Severity::Note, 21, 9, "skipping Pod \"one-x7k2p\": not a Job"}});
}

// A typed JobList (the API's own list) has items without apiVersion or kind.
void TestManifest::jobList() {
    const ManifestImport result = importManifestText(
        R"({"apiVersion": "batch/v1", "kind": "JobList", "items": [
              {"metadata": {"name": "x"}, "spec": {"template": {"spec": {
                 "restartPolicy": "Never", "containers": [{"name": "c"}]}}}},
              {"metadata": {"name": "y"}, "spec": {"parallelism": -2, "template": {"spec": {
                 "restartPolicy": "Never", "containers": [{"name": "c"}]}}}}]})",
        "jobs.json");
    QCOMPARE(result.jobs.size(), size_t(2));
    checkDiagnostics(result.diagnostics,
                     {{Severity::Error, 4, 67,
                       "spec.parallelism: Invalid value: -2: must be greater than or equal to 0"}});
}

void TestManifest::noJob_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("notes");

    QTest::newRow("empty string") << ""
                                  << ""
                                  << "no Job in this file: it is empty" << 0;
    QTest::newRow("whitespace") << " \n\n\t\n"
                                << ""
                                << "no Job in this file: it is empty" << 0;
    QTest::newRow("comments and empty documents") << ""
                                                  << "empty.yaml"
                                                  << "no Job in this file: it is empty" << 0;
    QTest::newRow("only other kinds")
        << ""
        << "no-job.yaml"
        << "no Job in this file: it holds no object of kind Job (apiVersion batch/v1)" << 2;
    QTest::newRow("an empty List")
        << "apiVersion: v1\nkind: List\nitems: []\n"
        << ""
        << "no Job in this file: it holds no object of kind Job (apiVersion batch/v1)" << 0;
}

void TestManifest::noJob() {
    QFETCH(QString, text);
    QFETCH(QString, file);
    QFETCH(QString, message);
    QFETCH(int, notes);
    const ManifestImport result =
        file.isEmpty() ? importManifestText(text.toStdString(), "in.yaml")
                       : importManifestFile(dataFile(qPrintable(file)).toStdString());
    QVERIFY(!result.ok());
    QVERIFY(result.jobs.empty());
    QCOMPARE(result.diagnostics.errorCount(), 1);
    QCOMPARE(static_cast<int>(result.diagnostics.items().size()), notes + 1);
    const Diagnostic& last = result.diagnostics.items().back();
    QCOMPARE(QString::fromStdString(last.message), message);
    QVERIFY(!last.position.known());
}

void TestManifest::binaryJunk() {
    // Bytes of every value, NUL included.
    std::string junk;
    uint32_t state = 12345;
    for (int i = 0; i < 4096; ++i) {
        state = state * 1103515245u + 12345u;
        junk += static_cast<char>(state >> 16);
    }
    ManifestImport result = importManifestText(junk, "junk.bin");
    QVERIFY(!result.ok());
    QCOMPARE_STR(result.diagnostics.items().at(0).message,
                 std::string("not a text file: it contains NUL bytes"));

    // Without NUL the YAML parser sees it; whatever it makes of it, an error and no crash.
    for (char& c : junk)
        if (c == '\0')
            c = '\x01';
    result = importManifestText(junk, "junk.bin");
    QVERIFY(!result.ok());
    QVERIFY(result.diagnostics.hasErrors());

    // Printable junk that parses as a plain string.
    result = importManifestText("just some words\n", "words.txt");
    checkDiagnostics(result.diagnostics,
                     {{Severity::Error, 1, 1,
                       "not a Kubernetes object: expected a mapping with apiVersion and kind"}});
}

void TestManifest::deepNesting() {
    // yaml-cpp guards its recursion; the guard's exception becomes a plain message.
    ManifestImport result = importManifestText("spec: " + std::string(100000, '['), "deep.yaml");
    QVERIFY(!result.ok());
    const std::string message = result.diagnostics.items().at(0).message;
    QVERIFY2(message.rfind("YAML nesting too deep", 0) == 0, message.c_str());
}

void TestManifest::malformedYaml() {
    const ManifestImport result = importData("malformed.yaml");
    QVERIFY(result.jobs.empty());
    QCOMPARE(result.diagnostics.items().size(), size_t(1));
    const Diagnostic& d = result.diagnostics.items().front();
    QVERIFY(d.severity == Severity::Error);
    QCOMPARE(d.position.line, 7); // the over-indented "completions"
    QVERIFY(d.position.column > 0);
    QVERIFY2(d.message.rfind("YAML syntax error: ", 0) == 0, d.message.c_str());

    // Unterminated flow collection and unterminated quote.
    for (const char* text : {"spec: {parallelism: 3\n", "metadata:\n  name: \"abc\n"}) {
        const ManifestImport r = importManifestText(text, "bad.yaml");
        QVERIFY(r.diagnostics.hasErrors());
        QVERIFY(r.diagnostics.items().front().position.known());
    }
}

void TestManifest::wrongTypes() {
    const ManifestImport result = importData("wrong-types.yaml");
    // Every field of a wrong type is reported where it was written; no validation errors are
    // added for the fields that could not be read (no "containers: Required value").
    checkDiagnostics(
        result.diagnostics,
        {{Severity::Error, 6, 16, "spec.parallelism: Invalid value: \"3\": must be an integer"},
         {Severity::Error, 7, 16, "spec.completions: Invalid value: \"three\": must be an integer"},
         {Severity::Error, 9, 17, "spec.backoffLimit: Invalid value: \"2.5\": must be an integer"},
         {Severity::Error, 8, 12, "spec.suspend: Invalid value: \"maybe\": must be true or false"},
         {Severity::Error, 10, 21,
          "spec.podFailurePolicy: Invalid value: a sequence: must be a mapping"},
         {Severity::Error, 15, 9,
          "spec.template.spec.containers: Invalid value: a mapping: must be a list"}});
    QCOMPARE(result.jobs.size(), size_t(1));
    QVERIFY(!result.ok());
}

void TestManifest::hugeNumbers() {
    const ManifestImport result = importData("huge-numbers.yaml");
    checkDiagnostics(
        result.diagnostics,
        {{Severity::Error, 6, 16,
          "spec.parallelism: Invalid value: \"99999999999\": must be an integer between "
          "-2147483648 and 2147483647"},
         {Severity::Error, 7, 16, "spec.completions: Invalid value: \"2147483648\""},
         {Severity::Error, 8, 26,
          "spec.activeDeadlineSeconds: Invalid value: \"99999999999999999999\": must be an "
          "integer between -9223372036854775808 and 9223372036854775807"},
         {Severity::Error, 9, 17, "spec.backoffLimit: Invalid value: \"-2147483649\""}});
    // The largest values that fit are read.
    const Job& job = result.jobs.at(0).job;
    QCOMPARE(*job.spec.ttlSecondsAfterFinished, std::numeric_limits<int32_t>::max());
    QCOMPARE(*job.spec.templ.terminationGracePeriodSeconds, std::numeric_limits<int64_t>::max());
}

void TestManifest::wrongApiVersionAndKind() {
    const std::string body = "metadata: {name: j}\n"
                             "spec:\n"
                             "  template:\n"
                             "    spec: {restartPolicy: Never, containers: [{name: c}]}\n";
    ManifestImport result =
        importManifestText("apiVersion: batch/v1beta1\nkind: Job\n" + body, "j.yaml");
    checkDiagnostics(result.diagnostics,
                     {{Severity::Error, 1, 13,
                       "apiVersion: Unsupported value: \"batch/v1beta1\": supported values: "
                       "\"batch/v1\""}});
    result = importManifestText("kind: Job\n" + body, "j.yaml");
    checkDiagnostics(result.diagnostics,
                     {{Severity::Error, 1, 1, "apiVersion: Required value: a Job is batch/v1"}});
    result = importManifestText("apiVersion: batch/v1\n" + body, "j.yaml");
    checkDiagnostics(result.diagnostics, {{Severity::Error, 1, 1, "kind: Required value"}});
    // readJobObject itself refuses another kind (a state file's `job:` with kind: Pod).
    Diagnostics diagnostics;
    YamlReader reader("s.yaml", diagnostics);
    SourceMap sources;
    const YAML::Node node = YAML::Load("kind: Pod\nmetadata: {name: p}\n");
    QVERIFY(readJobObject(node, reader, sources).has_value());
    QCOMPARE(diagnostics.errorCount(), 1);
    QCOMPARE_STR(diagnostics.items().front().message,
                 std::string("kind: Unsupported value: \"Pod\": supported values: \"Job\""));
}

void TestManifest::duplicateKeys() {
    const ManifestImport result = importManifestText("apiVersion: batch/v1\n"
                                                     "kind: Job\n"
                                                     "metadata: {name: d}\n"
                                                     "spec:\n"
                                                     "  parallelism: 2\n"
                                                     "  template:\n"
                                                     "    spec:\n"
                                                     "      restartPolicy: Never\n"
                                                     "      containers: [{name: c}]\n"
                                                     "  parallelism: 5\n",
                                                     "d.yaml");
    checkDiagnostics(result.diagnostics,
                     {{Severity::Error, 10, 3,
                       "spec.parallelism: duplicate key \"parallelism\" (first written at line "
                       "5)"}});
}

// matchExpressions are not modelled: said once, as a warning, and the Job still imports.
void TestManifest::selectorExpressionsWarn() {
    const ManifestImport result =
        importManifestText("apiVersion: batch/v1\n"
                           "kind: Job\n"
                           "metadata: {name: e}\n"
                           "spec:\n"
                           "  manualSelector: true\n"
                           "  selector:\n"
                           "    matchLabels: {app: e}\n"
                           "    matchExpressions: [{key: tier, operator: In, values: [a]}]\n"
                           "  template:\n"
                           "    metadata: {labels: {app: e, tier: a}}\n"
                           "    spec: {restartPolicy: Never, containers: [{name: c}]}\n",
                           "e.yaml");
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    checkDiagnostics(result.diagnostics,
                     {{Severity::Warning, 8, 23, "spec.selector.matchExpressions: not modelled"}});
    const LabelSelector& selector = result.jobs.at(0).job.spec.selector;
    QCOMPARE(selector.matchLabels.size(), size_t(1));
    QCOMPARE_STR(selector.matchLabels.front().second, std::string("e"));
}

// A field that could not be read is not validated again; the others still are.
void TestManifest::readErrorsSuppressValidationOfThatField() {
    const ManifestImport result = importManifestText("apiVersion: batch/v1\n"
                                                     "kind: Job\n"
                                                     "metadata: {name: r}\n"
                                                     "spec:\n"
                                                     "  completionMode: Indexed\n"
                                                     "  parallelism: 2\n"
                                                     "  completions: [4]\n"
                                                     "  backoffLimit: -1\n"
                                                     "  template:\n"
                                                     "    spec:\n"
                                                     "      restartPolicy: {Never: true}\n"
                                                     "      containers: [{name: c}]\n",
                                                     "r.yaml");
    checkDiagnostics(
        result.diagnostics,
        {{Severity::Error, 7, 16, "spec.completions: Invalid value: a sequence"},
         {Severity::Error, 11, 22, "spec.template.spec.restartPolicy: Invalid value: a mapping"},
         {Severity::Error, 8, 17,
          "spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0"}});
}

// Reconcile state files keep the Job under a key; paths stay relative to the Job and
// reportFieldErrors can prefix them.
void TestManifest::readJobObjectBelowRoot() {
    const YAML::Node root =
        YAML::Load("now: 10\n"
                   "job:\n"
                   "  metadata: {name: s, namespace: ns, uid: u1}\n"
                   "  spec:\n"
                   "    parallelism: -3\n"
                   "    template:\n"
                   "      spec: {restartPolicy: Never, containers: [{name: c}]}\n"
                   "  status:\n"
                   "    startTime: 4.5\n"
                   "    active: 1\n");
    Diagnostics diagnostics;
    YamlReader reader("state.yaml", diagnostics);
    SourceMap sources;
    std::optional<Job> job;
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it->first.Scalar() == "job")
            job = readJobObject(it->second, reader, sources);
    QVERIFY(job.has_value());
    QVERIFY(!diagnostics.hasErrors());
    // Nothing defaulted by the reader.
    QVERIFY(!job->spec.backoffLimit.has_value());
    QVERIFY(!job->spec.selector.present);
    QCOMPARE(*job->status.startTime, 4.5);
    QCOMPARE(job->status.active, 1);
    QCOMPARE(sources.find("spec.parallelism"), (SourcePosition{5, 18}));
    QCOMPARE(sources.find(""), (SourcePosition{3, 3}));

    applyJobDefaults(*job);
    reportFieldErrors(validateJob(*job), sources, reader, "job");
    checkDiagnostics(diagnostics,
                     {{Severity::Error, 5, 18,
                       "job.spec.parallelism: Invalid value: -3: must be greater than or equal "
                       "to 0"}});
}

void TestManifest::generateName() {
    const std::string text = "apiVersion: batch/v1\n"
                             "kind: Job\n"
                             "metadata: {generateName: nightly-}\n"
                             "spec:\n"
                             "  template:\n"
                             "    spec: {restartPolicy: Never, containers: [{name: c}]}\n";
    const ManifestImport first = importManifestText(text, "g.yaml");
    QVERIFY2(first.ok(), qPrintable(dump(first.diagnostics)));
    const std::string& name = first.jobs.at(0).job.metadata.name;
    QCOMPARE(name.size(), std::string("nightly-").size() + 5);
    QVERIFY(name.rfind("nightly-", 0) == 0);
    QCOMPARE_STR(first.jobs.at(0).job.spec.templ.metadata.labels.at("job-name"), name);
    // The same text gives the same name (and so the same uid and selector).
    const ManifestImport second = importManifestText(text, "g.yaml");
    QCOMPARE_STR(second.jobs.at(0).job.metadata.name, name);
    QCOMPARE_STR(second.jobs.at(0).job.metadata.uid, first.jobs.at(0).job.metadata.uid);
}

// Upstream TestSetDefaultJob: SetDefaults_Job alone (no selector generation).
void TestManifest::setDefaultJob_data() {
    QTest::addColumn<Job>("original");
    QTest::addColumn<Job>("expected");
    QTest::addColumn<bool>("expectLabels");
    // upstream's enablePodReplacementPolicy for the row
    QTest::addColumn<bool>("enablePodReplacementPolicy");

    const std::map<std::string, std::string> defaultLabels{{"default", "default"}};
    Job base;
    base.spec.templ.metadata.labels = defaultLabels;

    auto defaulted = [](std::optional<int32_t> completions, std::optional<int32_t> parallelism,
                        int32_t backoffLimit, const char* mode, bool suspend,
                        const char* replacement, bool manualSelector) {
        Job job;
        job.spec.completions = completions;
        job.spec.parallelism = parallelism;
        job.spec.backoffLimit = backoffLimit;
        job.spec.completionMode = mode;
        job.spec.suspend = suspend;
        job.spec.podReplacementPolicy = replacement;
        job.spec.manualSelector = manualSelector;
        return job;
    };
    const char* const NonIndexed = completion_mode::NonIndexed;
    const char* const Indexed = completion_mode::Indexed;
    const char* const TerminatingOrFailed = pod_replacement_policy::TerminatingOrFailed;
    const char* const Failed = pod_replacement_policy::Failed;

    {
        Job original = base;
        original.spec.podFailurePolicy =
            PodFailurePolicy{{conditionsRule({{"DisruptionTarget", "True"},
                                              {"MemoryLimitExceeded", "False"},
                                              {"DiskLimitExceeded", ""}}),
                              exitCodeRule(), conditionsRule({{"DisruptionTarget", ""}})}};
        // With JobPodReplacementPolicy on (GA on master) a pod failure policy defaults it to
        // Failed; upstream runs this row with the gate off.
        Job expected = defaulted(1, 1, 6, NonIndexed, false, Failed, false);
        expected.spec.podFailurePolicy =
            PodFailurePolicy{{conditionsRule({{"DisruptionTarget", "True"},
                                              {"MemoryLimitExceeded", "False"},
                                              {"DiskLimitExceeded", "True"}}),
                              exitCodeRule(), conditionsRule({{"DisruptionTarget", "True"}})}};
        QTest::newRow("Pod failure policy with some field values unspecified -> set default "
                      "values")
            << original << expected << true << false;
    }
    {
        Job original = base;
        original.spec.podFailurePolicy = PodFailurePolicy{{exitCodeRule()}};
        Job expected = defaulted(1, 1, 6, NonIndexed, false, Failed, false);
        expected.spec.podFailurePolicy = original.spec.podFailurePolicy;
        QTest::newRow("Pod failure policy and defaulting for pod replacement policy")
            << original << expected << true << true;
    }
    QTest::newRow("All unspecified and podReplacementPolicyEnabled -> sets all to default values")
        << base << defaulted(1, 1, 6, NonIndexed, false, TerminatingOrFailed, false) << true
        << true;
    // Upstream runs the next rows with the JobPodReplacementPolicy gate off and expects no
    // podReplacementPolicy; setDefaultJob() defaults it as master does (the gate is GA there),
    // setDefaultJobWithUpstreamGates() expects upstream's result.
    QTest::newRow("All unspecified -> sets all to default values")
        << base << defaulted(1, 1, 6, NonIndexed, false, TerminatingOrFailed, false) << true
        << false;
    QTest::newRow("All unspecified, suspend job enabled -> sets all to default values")
        << base << defaulted(1, 1, 6, NonIndexed, false, TerminatingOrFailed, false) << true
        << false;
    {
        Job original = base;
        original.spec.suspend = true;
        QTest::newRow("suspend set, everything else is defaulted")
            << original << defaulted(1, 1, 6, NonIndexed, true, TerminatingOrFailed, false) << true
            << false;
    }
    {
        Job original = base;
        original.metadata.labels = {{"mylabel", "myvalue"}};
        QTest::newRow("All unspecified -> all pointers are defaulted and no default labels")
            << original << defaulted(1, 1, 6, NonIndexed, false, TerminatingOrFailed, false)
            << false << false;
    }
    {
        Job original = base;
        original.spec.parallelism = 0;
        QTest::newRow("WQ: Parallelism explicitly 0 and completions unset -> BackoffLimit is "
                      "defaulted")
            << original
            << defaulted(std::nullopt, 0, 6, NonIndexed, false, TerminatingOrFailed, false) << true
            << false;
        original.spec.parallelism = 2;
        QTest::newRow("WQ: Parallelism explicitly 2 and completions unset -> BackoffLimit is "
                      "defaulted")
            << original
            << defaulted(std::nullopt, 2, 6, NonIndexed, false, TerminatingOrFailed, false) << true
            << false;
    }
    {
        Job original = base;
        original.spec.completions = 2;
        QTest::newRow("Completions explicitly 2 and others unset -> parallelism and BackoffLimit "
                      "are defaulted")
            << original << defaulted(2, 1, 6, NonIndexed, false, TerminatingOrFailed, false) << true
            << false;
    }
    {
        Job original = base;
        original.spec.backoffLimit = 5;
        QTest::newRow("BackoffLimit explicitly 5 and others unset -> parallelism and completions "
                      "are defaulted")
            << original << defaulted(1, 1, 5, NonIndexed, false, TerminatingOrFailed, false) << true
            << false;
    }
    {
        Job original = defaulted(8, 9, 10, NonIndexed, false, TerminatingOrFailed, false);
        original.spec.templ = base.spec.templ;
        QTest::newRow("All set -> no change")
            << original << defaulted(8, 9, 10, NonIndexed, false, TerminatingOrFailed, false)
            << true << false;
        original = defaulted(11, 10, 9, Indexed, true, Failed, true);
        original.spec.templ = base.spec.templ;
        QTest::newRow("All set, flipped -> no change")
            << original << defaulted(11, 10, 9, Indexed, true, Failed, true) << true << false;
    }
    {
        Job original = base;
        original.spec.completions = 11;
        original.spec.parallelism = 10;
        original.spec.backoffLimitPerIndex = 1;
        original.spec.completionMode = Indexed;
        original.spec.suspend = true;
        original.spec.manualSelector = false;
        Job expected = defaulted(11, 10, std::numeric_limits<int32_t>::max(), Indexed, true,
                                 TerminatingOrFailed, false);
        expected.spec.backoffLimitPerIndex = 1;
        QTest::newRow("BackoffLimitPerIndex specified, but no BackoffLimit -> default "
                      "BackoffLimit to max int32")
            << original << expected << true << false;
        original.spec.backoffLimit = 3;
        original.spec.manualSelector = true;
        expected = defaulted(11, 10, 3, Indexed, true, TerminatingOrFailed, true);
        expected.spec.backoffLimitPerIndex = 1;
        QTest::newRow("BackoffLimitPerIndex and BackoffLimit specified -> no change")
            << original << expected << true << false;
    }
}

void TestManifest::setDefaultJob() {
    runSetDefaultJob(false);
}

void TestManifest::runSetDefaultJob(bool upstreamGates) {
    QFETCH(Job, original);
    QFETCH(Job, expected);
    QFETCH(bool, expectLabels);
    QFETCH(bool, enablePodReplacementPolicy);
    FeatureGates gates;
    if (upstreamGates) {
        gates.jobPodReplacementPolicy = enablePodReplacementPolicy;
        // With the gate off SetDefaults_Job leaves podReplacementPolicy as it comes.
        if (!enablePodReplacementPolicy)
            expected.spec.podReplacementPolicy = original.spec.podReplacementPolicy;
    }
    Job actual = original;
    setJobDefaults(actual, gates);
    const JobSpec& a = actual.spec;
    const JobSpec& e = expected.spec;
    QCOMPARE(a.completions, e.completions);
    QCOMPARE(a.parallelism, e.parallelism);
    QCOMPARE(a.backoffLimit, e.backoffLimit);
    QCOMPARE(a.backoffLimitPerIndex, e.backoffLimitPerIndex);
    QCOMPARE(a.completionMode, e.completionMode);
    QCOMPARE(a.suspend, e.suspend);
    QCOMPARE(a.podReplacementPolicy, e.podReplacementPolicy);
    QCOMPARE(a.manualSelector, e.manualSelector);
    QCOMPARE(a.podFailurePolicy.has_value(), e.podFailurePolicy.has_value());
    if (e.podFailurePolicy) {
        QCOMPARE(a.podFailurePolicy->rules.size(), e.podFailurePolicy->rules.size());
        for (size_t i = 0; i < e.podFailurePolicy->rules.size(); ++i) {
            const auto& ar = a.podFailurePolicy->rules[i];
            const auto& er = e.podFailurePolicy->rules[i];
            QCOMPARE_STR(ar.action, er.action);
            QCOMPARE(ar.onExitCodes.has_value(), er.onExitCodes.has_value());
            QCOMPARE(ar.onPodConditions.size(), er.onPodConditions.size());
            for (size_t j = 0; j < er.onPodConditions.size(); ++j) {
                QCOMPARE_STR(ar.onPodConditions[j].type, er.onPodConditions[j].type);
                QCOMPARE_STR(ar.onPodConditions[j].status, er.onPodConditions[j].status);
            }
        }
    }
    QCOMPARE(actual.metadata.labels == actual.spec.templ.metadata.labels, expectLabels);
    // SetDefaults_Job never generates a selector.
    QCOMPARE(a.selector.present, original.spec.selector.present);
    // Defaulting twice changes nothing.
    Job again = actual;
    setJobDefaults(again);
    QCOMPARE(again.spec.backoffLimit, a.backoffLimit);
    QCOMPARE(again.metadata.labels, actual.metadata.labels);
}

// generateSelector and the label copy that follows, as the API server stores a created Job.
void TestManifest::generatedSelector() {
    Job job;
    job.metadata.name = "gen";
    job.metadata.namespace_ = "ns";
    job.spec.templ.metadata.labels = {{"app", "x"}};
    job.spec.templ.restartPolicy = restart_policy::Never;
    job.spec.templ.containers = {ContainerSpec{"c", {}}};
    Job same = job;
    applyJobDefaults(job);
    applyJobDefaults(same);
    QVERIFY(!job.metadata.uid.empty());
    QCOMPARE_STR(job.metadata.uid, same.metadata.uid); // deterministic
    QCOMPARE(job.metadata.uid.size(), size_t(36));
    QCOMPARE(job.metadata.uid[14], '4');
    Job other = job;
    other.metadata.name = "gen2";
    other.metadata.uid.clear();
    QVERIFY(inventedJobUid(other.metadata) != job.metadata.uid);

    const auto& labels = job.spec.templ.metadata.labels;
    QCOMPARE(labels.size(), size_t(5));
    QCOMPARE_STR(labels.at("controller-uid"), job.metadata.uid);
    QCOMPARE_STR(labels.at("batch.kubernetes.io/controller-uid"), job.metadata.uid);
    QCOMPARE_STR(labels.at("job-name"), std::string("gen"));
    QCOMPARE_STR(labels.at("batch.kubernetes.io/job-name"), std::string("gen"));
    QVERIFY(job.spec.selector.present);
    QCOMPARE(job.spec.selector.matchLabels.size(), size_t(1));
    // SetDefaults_Job copied the template labels before they were generated.
    QCOMPARE(job.metadata.labels, (std::map<std::string, std::string>{{"app", "x"}}));
    QVERIFY(validateJob(job).empty());

    // A Job without template labels ends with the generated ones on itself too.
    Job bare;
    bare.metadata.name = "bare";
    bare.metadata.uid = "u-1";
    applyJobDefaults(bare);
    QCOMPARE(bare.metadata.labels, bare.spec.templ.metadata.labels);
    QCOMPARE_STR(bare.metadata.uid, std::string("u-1"));

    // A label the user set is kept, and validation then tells it does not fit.
    Job conflicting;
    conflicting.metadata = {};
    conflicting.metadata.name = "c";
    conflicting.metadata.namespace_ = "default";
    conflicting.metadata.uid = "u-2";
    conflicting.spec.templ.metadata.labels = {{"job-name", "other"}};
    conflicting.spec.templ.restartPolicy = restart_policy::Never;
    conflicting.spec.templ.containers = {ContainerSpec{"c", {}}};
    applyJobDefaults(conflicting);
    QCOMPARE_STR(conflicting.spec.templ.metadata.labels.at("job-name"), std::string("other"));
    const std::vector<FieldError> errors = validateJob(conflicting);
    QCOMPARE(errors.size(), size_t(1));
    QCOMPARE_STR(errors.front().path, std::string("spec.template.metadata.labels[job-name]"));

    // manualSelector: true generates nothing; the selector is then the user's to give.
    Job manual;
    manual.spec.manualSelector = true;
    manual.spec.templ.metadata.labels = {{"app", "x"}};
    applyJobDefaults(manual);
    QVERIFY(!manual.spec.selector.present);
    QVERIFY(manual.metadata.uid.empty());
    QCOMPARE(manual.spec.templ.metadata.labels.size(), size_t(1));
}

// Every shipped example imports without an error.
void TestManifest::examples_data() {
    QTest::addColumn<QString>("path");
    const QDir dir(test::sourceDir() + "/resources/examples");
    const QStringList files = dir.entryList({"*.yaml"}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 7);
    for (const QString& file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestManifest::examples() {
    QFETCH(QString, path);
    const ManifestImport result = importManifestFile(path.toStdString());
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QVERIFY2(result.diagnostics.items().empty(), qPrintable(dump(result.diagnostics)));
    for (const auto& imported : result.jobs) {
        QVERIFY(!imported.job.spec.templ.containers.empty());
        QVERIFY(!imported.job.spec.templ.containers.front().requests.empty());
    }
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
