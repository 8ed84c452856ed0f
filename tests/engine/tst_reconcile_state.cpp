// SPDX-License-Identifier: GPL-3.0-or-later
// The reconcile state reader (core/engine/state/reconcile_state.h, pod_reader.h): shorthand
// Pods expanded with their documented defaults, full v1 Pod objects, the time formats, the
// controller-memory sections, and positioned errors for bad input.

#include "reconcile/sync.h"
#include "state/reconcile_state.h"
#include "support/test_paths.h"
#include "yaml_reader.h"

#include <QTest>

#include <limits>
#include <string>

using namespace jobscope;

Q_DECLARE_METATYPE(std::string)

namespace {

// A valid Job to put pods beside; `extra` is appended at the top level of the state.
std::string stateWith(const std::string& extra, const std::string& now = "now: 30\n") {
    return "job:\n"
           "  metadata: {name: demo, namespace: ns, uid: job-uid}\n"
           "  spec:\n"
           "    completions: 5\n"
           "    parallelism: 2\n"
           "    template:\n"
           "      spec:\n"
           "        restartPolicy: Never\n"
           "        containers: [{name: main, image: busybox}]\n" +
           now + extra;
}

ReconcileState parseOk(const std::string& text) {
    Diagnostics diagnostics;
    auto state = parseReconcileState(text, "state.yaml", diagnostics);
    if (!state || diagnostics.hasErrors())
        qWarning("%s", diagnostics.format().c_str());
    [&] { QVERIFY(state.has_value()); }();
    return state ? *state : ReconcileState{};
}

const ContainerStatus* mainContainer(const Pod& pod) {
    return pod.containerStatuses.empty() ? nullptr : &pod.containerStatuses.front();
}

} // namespace

class TestReconcileState : public QObject {
    Q_OBJECT

private slots:
    void shorthandPod_data();
    void shorthandPod();
    void shorthandCountGeneratesNames();
    void shorthandConditions();
    void podObject();
    void podListAndForeignPods();
    void timeFormats_data();
    void timeFormats();
    void controllerMemory();
    void jobIsDefaulted();
    void errors_data();
    void errors();
    void fuzzCounterOverflow();
    void podLimit();
};

void TestReconcileState::shorthandPod_data() {
    QTest::addColumn<std::string>("pod");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<bool>("ready");
    QTest::addColumn<bool>("tracked");
    QTest::addColumn<double>("deletionTimestamp"); // -1 = none
    QTest::addColumn<int>("exitCode");             // -1 = no terminated container
    QTest::addColumn<double>("finishedAt");        // -1 = none
    QTest::addColumn<QString>("index");            // "" = no annotation
    QTest::addColumn<QString>("nodeName");
    QTest::addColumn<int>("restarts");

    QTest::newRow("defaults: running, not ready, tracked")
        << std::string("{name: a}") << "Running" << false << true << -1.0 << -1 << -1.0 << ""
        << "node-1" << 0;
    QTest::newRow("ready running pod") << std::string("{name: a, phase: Running, ready: true}")
                                       << "Running" << true << true << -1.0 << -1 << -1.0 << ""
                                       << "node-1" << 0;
    QTest::newRow("pending pod is unscheduled")
        << std::string("{name: a, phase: Pending}") << "Pending" << false << true << -1.0 << -1
        << -1.0 << ""
        << "" << 0;
    QTest::newRow("exit code 0 implies Succeeded")
        << std::string("{name: a, exitCode: 0, finishedAt: 25}") << "Succeeded" << false << true
        << -1.0 << 0 << 25.0 << ""
        << "node-1" << 0;
    QTest::newRow("non-zero exit code implies Failed")
        << std::string("{name: a, exitCode: 137, finishedAt: 25}") << "Failed" << false << true
        << -1.0 << 137 << 25.0 << ""
        << "node-1" << 0;
    QTest::newRow("finishedAt alone implies Succeeded")
        << std::string("{name: a, finishedAt: 12.5}") << "Succeeded" << false << true << -1.0 << 0
        << 12.5 << ""
        << "node-1" << 0;
    QTest::newRow("Failed phase gets exit code 1 and no finish time")
        << std::string("{name: a, phase: Failed}") << "Failed" << false << true << -1.0 << 1 << -1.0
        << ""
        << "node-1" << 0;
    QTest::newRow("terminating true means deleted now")
        << std::string("{name: a, terminating: true}") << "Running" << false << true << 30.0 << -1
        << -1.0 << ""
        << "node-1" << 0;
    QTest::newRow("terminating at a given time")
        << std::string("{name: a, terminating: 21}") << "Running" << false << true << 21.0 << -1
        << -1.0 << ""
        << "node-1" << 0;
    QTest::newRow("terminating false") << std::string("{name: a, terminating: false}") << "Running"
                                       << false << true << -1.0 << -1 << -1.0 << ""
                                       << "node-1" << 0;
    QTest::newRow("untracked pod has no finalizer")
        << std::string("{name: a, tracked: false, phase: Succeeded}") << "Succeeded" << false
        << false << -1.0 << 0 << -1.0 << ""
        << "node-1" << 0;
    QTest::newRow("index goes to the annotation") << std::string("{name: a, index: 3}") << "Running"
                                                  << false << true << -1.0 << -1 << -1.0 << "3"
                                                  << "node-1" << 0;
    QTest::newRow("a string index is kept as written")
        << std::string("{name: a, index: \"not-a-number\"}") << "Running" << false << true << -1.0
        << -1 << -1.0 << "not-a-number"
        << "node-1" << 0;
    QTest::newRow("node and restarts") << std::string("{name: a, node: n7, restarts: 4}")
                                       << "Running" << false << true << -1.0 << -1 << -1.0 << ""
                                       << "n7" << 4;
}

void TestReconcileState::shorthandPod() {
    QFETCH(std::string, pod);
    QFETCH(QString, phase);
    QFETCH(bool, ready);
    QFETCH(bool, tracked);
    QFETCH(double, deletionTimestamp);
    QFETCH(int, exitCode);
    QFETCH(double, finishedAt);
    QFETCH(QString, index);
    QFETCH(QString, nodeName);
    QFETCH(int, restarts);

    const ReconcileState state = parseOk(stateWith("pods:\n  - " + pod + "\n"));
    QCOMPARE(state.input.pods.size(), size_t(1));
    const Pod& p = state.input.pods.front();
    QCOMPARE(p.metadata.name, std::string("a"));
    QCOMPARE(p.metadata.uid, std::string("a"));
    QCOMPARE(p.metadata.namespace_, std::string("ns"));
    QCOMPARE(QString::fromStdString(p.phase), phase);
    QCOMPARE(p.isReady(), ready);
    QVERIFY(p.condition("Ready") != nullptr); // always written, True or False
    QCOMPARE(p.metadata.hasFinalizer(kJobTrackingFinalizer), tracked);
    QCOMPARE(p.metadata.deletionTimestamp.has_value(), deletionTimestamp >= 0);
    if (deletionTimestamp >= 0)
        QCOMPARE(*p.metadata.deletionTimestamp, deletionTimestamp);
    const ContainerStatus* c = mainContainer(p);
    if (exitCode >= 0) {
        QVERIFY(c && c->terminated);
        QCOMPARE(c->terminated->exitCode, exitCode);
        QCOMPARE(c->terminated->finishedAt.has_value(), finishedAt >= 0);
        if (finishedAt >= 0)
            QCOMPARE(*c->terminated->finishedAt, finishedAt);
    } else {
        QVERIFY(!c || !c->terminated);
    }
    const std::string* annotation = p.metadata.annotation(kJobCompletionIndexAnnotation);
    QCOMPARE(annotation != nullptr, !index.isEmpty());
    if (annotation) {
        QCOMPARE(QString::fromStdString(*annotation), index);
        QCOMPARE(QString::fromStdString(p.metadata.labels.at(kJobCompletionIndexAnnotation)),
                 index);
    }
    QCOMPARE(QString::fromStdString(p.nodeName), nodeName);
    QCOMPARE(c ? c->restartCount : 0, restarts);
}

void TestReconcileState::shorthandCountGeneratesNames() {
    const ReconcileState state =
        parseOk(stateWith("pods:\n"
                          "  - {count: 2, phase: Running}\n"
                          "  - {name: demo-0, phase: Pending}\n" // taken: generation skips it
                          "  - {name: w, count: 3, failureCount: 2, ignoredFailureCount: 1}\n"
                          "  - {name: none, count: 0}\n"));
    QStringList names;
    for (const Pod& p : state.input.pods)
        names << QString::fromStdString(p.metadata.name);
    QCOMPARE(names, QStringList({"demo-1", "demo-2", "demo-0", "w-0", "w-1", "w-2"}));
    const Pod& w1 = state.input.pods[4];
    QCOMPARE(w1.metadata.uid, std::string("w-1"));
    QCOMPARE(*w1.metadata.annotation(kJobIndexFailureCountAnnotation), std::string("2"));
    QCOMPARE(*w1.metadata.annotation(kJobIndexIgnoredFailureCountAnnotation), std::string("1"));
}

void TestReconcileState::shorthandConditions() {
    const ReconcileState state =
        parseOk(stateWith("pods:\n"
                          "  - name: a\n"
                          "    phase: Failed\n"
                          "    readyAt: 3\n"
                          "    gracePeriod: 30\n"
                          "    terminating: 20\n"
                          "    createdAt: 1\n"
                          "    conditions: [DisruptionTarget, {type: Ready, status: \"False\", "
                          "lastTransitionTime: 19}]\n"
                          "    labels: {team: x}\n"
                          "    annotations: {note: \"y\"}\n"));
    const Pod& p = state.input.pods.front();
    QVERIFY(p.condition("DisruptionTarget"));
    QCOMPARE(p.condition("DisruptionTarget")->status, std::string("True"));
    // The listed Ready condition replaces the one `ready` wrote.
    QCOMPARE(p.conditions.size(), size_t(2));
    QCOMPARE(p.condition("Ready")->status, std::string("False"));
    QCOMPARE(*p.condition("Ready")->lastTransitionTime, 19.0);
    QCOMPARE(*p.metadata.deletionGracePeriodSeconds, int64_t(30));
    QCOMPARE(*p.metadata.creationTimestamp, 1.0);
    QCOMPARE(p.metadata.labels.at("team"), std::string("x"));
    QCOMPARE(p.metadata.annotations.at("note"), std::string("y"));
}

void TestReconcileState::podObject() {
    const ReconcileState state = parseOk(stateWith(R"(pods:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: demo-abcde
      namespace: ns
      uid: 1111-2222
      generateName: demo-
      creationTimestamp: "2026-01-01T00:00:01Z"
      deletionTimestamp: "2026-01-01T00:00:20Z"
      deletionGracePeriodSeconds: 30
      finalizers: [batch.kubernetes.io/job-tracking]
      labels: {batch.kubernetes.io/job-name: demo}
      annotations:
        batch.kubernetes.io/job-completion-index: "4"
        batch.kubernetes.io/job-index-failure-count: "1"
      ownerReferences:
        - {apiVersion: batch/v1, kind: Job, name: demo, uid: job-uid, controller: true}
      managedFields: [{manager: kube-controller-manager, fieldsV1: {f:metadata: {}}}]
    spec:
      nodeName: node-9
      containers: [{name: main, image: busybox, volumeMounts: []}]
    status:
      phase: Failed
      startTime: "2026-01-01T00:00:02Z"
      conditions:
        - {type: DisruptionTarget, status: "True", lastTransitionTime: "2026-01-01T00:00:19Z"}
        - {type: Ready, status: "False"}
      initContainerStatuses:
        - name: init
          restartCount: 1
          state: {terminated: {exitCode: 0, finishedAt: "2026-01-01T00:00:03Z"}}
      containerStatuses:
        - name: main
          ready: false
          restartCount: 2
          lastState: {terminated: {exitCode: 9}}
          state:
            terminated:
              exitCode: 42
              reason: Error
              startedAt: "2026-01-01T00:00:04Z"
              finishedAt: "2026-01-01T00:00:21.5Z"
        - name: sidecar
          state: {running: {startedAt: "2026-01-01T00:00:04Z"}}
)",
                                                   "now: \"2026-01-01T00:00:30Z\"\n"));
    QCOMPARE(state.input.pods.size(), size_t(1));
    const Pod& p = state.input.pods.front();
    const Seconds t0 = *parseRfc3339("2026-01-01T00:00:00Z");
    QCOMPARE(p.metadata.name, std::string("demo-abcde"));
    QCOMPARE(p.metadata.uid, std::string("1111-2222"));
    QCOMPARE(p.metadata.generateName, std::string("demo-"));
    QCOMPARE(*p.metadata.creationTimestamp, t0 + 1);
    QCOMPARE(*p.metadata.deletionTimestamp, t0 + 20);
    QCOMPARE(*p.metadata.deletionGracePeriodSeconds, int64_t(30));
    QVERIFY(p.metadata.hasFinalizer(kJobTrackingFinalizer));
    QCOMPARE(*p.metadata.annotation(kJobCompletionIndexAnnotation), std::string("4"));
    QCOMPARE(p.nodeName, std::string("node-9"));
    QCOMPARE(p.phase, std::string("Failed"));
    QCOMPARE(*p.startTime, t0 + 2);
    QCOMPARE(p.conditions.size(), size_t(2));
    QCOMPARE(*p.condition("DisruptionTarget")->lastTransitionTime, t0 + 19);
    QVERIFY(!p.isReady());
    QCOMPARE(p.initContainerStatuses.size(), size_t(1));
    QCOMPARE(p.initContainerStatuses[0].restartCount, 1);
    QCOMPARE(p.containerStatuses.size(), size_t(2));
    const ContainerStatus& main = p.containerStatuses[0];
    QCOMPARE(main.restartCount, 2);
    QCOMPARE(main.terminated->exitCode, 42);
    QCOMPARE(main.terminated->reason, std::string("Error"));
    QCOMPARE(*main.terminated->startedAt, t0 + 4);
    QCOMPARE(*main.terminated->finishedAt, t0 + 21.5);
    QVERIFY(p.containerStatuses[1].running);
    QCOMPARE(*p.containerStatuses[1].runningStartedAt, t0 + 4);
    QCOMPARE(state.timeFormat, TimeFormat::Rfc3339);
}

void TestReconcileState::podListAndForeignPods() {
    Diagnostics diagnostics;
    auto state = parseReconcileState(stateWith(R"(pods:
  apiVersion: v1
  kind: List
  items:
    - apiVersion: v1
      kind: Pod
      metadata: {name: mine}
    - apiVersion: v1
      kind: Pod
      metadata:
        name: other
        ownerReferences: [{kind: Job, name: x, uid: someone-else, controller: true}]
    - {name: short}
)"),
                                     "state.yaml", diagnostics);
    if (!state)
        qWarning("%s", diagnostics.format().c_str());
    QVERIFY(state);
    QCOMPARE(state->input.pods.size(), size_t(2));
    QCOMPARE(state->input.pods[0].metadata.name, std::string("mine"));
    QCOMPARE(state->input.pods[0].metadata.uid, std::string("mine"));
    QCOMPARE(state->input.pods[0].phase, std::string("Pending")); // no status: Pending
    QCOMPARE(state->input.pods[1].metadata.name, std::string("short"));
    // The foreign Pod is left out with a warning at its position.
    QCOMPARE(diagnostics.items().size(), size_t(1));
    QCOMPARE(diagnostics.items()[0].severity, Severity::Warning);
    QCOMPARE(diagnostics.items()[0].position, (SourcePosition{18, 7}));
}

void TestReconcileState::timeFormats_data() {
    QTest::addColumn<std::string>("now");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("rfc3339");

    QTest::newRow("RFC 3339 in, RFC 3339 out")
        << std::string("now: \"2026-01-01T00:00:30Z\"\n") << 1767225630.0 << true;
    QTest::newRow("unquoted RFC 3339")
        << std::string("now: 2026-01-01T00:00:30Z\n") << 1767225630.0 << true;
    QTest::newRow("RFC 3339 with fraction and offset")
        << std::string("now: \"2026-01-01T01:00:30.25+01:00\"\n") << 1767225630.25 << true;
    QTest::newRow("seconds") << std::string("now: 30\n") << 30.0 << false;
    QTest::newRow("fractional seconds") << std::string("now: 1.5\n") << 1.5 << false;
}

void TestReconcileState::timeFormats() {
    QFETCH(std::string, now);
    QFETCH(double, seconds);
    QFETCH(bool, rfc3339);
    const ReconcileState state = parseOk(stateWith("", now));
    QCOMPARE(state.input.now, seconds);
    QCOMPARE(state.timeFormat, rfc3339 ? TimeFormat::Rfc3339 : TimeFormat::Seconds);
}

void TestReconcileState::controllerMemory() {
    const ReconcileState state = parseOk(
        stateWith("expectations: {creations: 2, deletions: -1, setAt: 12}\n"
                  "backoff: {failuresAfterLastSuccess: 3, lastFailureTime: 25}\n"
                  "apiErrors: {create: quota, delete: forbidden, patch: error, statusUpdate: none, "
                  "createLimit: 4}\n"));
    QCOMPARE(state.input.expectations.creations, 2);
    QCOMPARE(state.input.expectations.deletions, -1);
    QCOMPARE(*state.input.expectations.setAt, 12.0);
    QCOMPARE(state.input.backoff.failuresAfterLastSuccess, 3);
    QCOMPARE(*state.input.backoff.lastFailureTime, 25.0);
    QCOMPARE(state.input.apiErrors.create, ApiError::Quota);
    QCOMPARE(state.input.apiErrors.deletion, ApiError::Forbidden);
    QCOMPARE(state.input.apiErrors.patch, ApiError::Error);
    QCOMPARE(state.input.apiErrors.statusUpdate, ApiError::None);
    QCOMPARE(*state.input.apiErrors.createLimit, 4);

    // Absent sections: nothing pending, no backoff, an API that accepts everything.
    const ReconcileState bare = parseOk(stateWith(""));
    QCOMPARE(bare.input.expectations.creations, 0);
    QVERIFY(!bare.input.backoff.lastFailureTime);
    QCOMPARE(bare.input.apiErrors.create, ApiError::None);
    QVERIFY(!bare.input.apiErrors.createLimit);
    QVERIFY(bare.input.pods.empty());
    QCOMPARE(bare.input.now, 30.0);
}

void TestReconcileState::jobIsDefaulted() {
    const ReconcileState state = parseOk("job:\n"
                                         "  metadata: {name: plain}\n"
                                         "  spec:\n"
                                         "    template:\n"
                                         "      spec:\n"
                                         "        restartPolicy: Never\n"
                                         "        containers: [{name: main, image: busybox}]\n"
                                         "  status: {active: 1, succeeded: 2, startTime: 5}\n"
                                         "now: 10\n");
    const Job& job = state.input.job;
    QCOMPARE(job.metadata.namespace_, std::string("default"));
    QCOMPARE(*job.spec.parallelism, 1);
    QCOMPARE(*job.spec.completions, 1);
    QCOMPARE(*job.spec.backoffLimit, 6);
    QVERIFY(job.spec.selector.present);
    QCOMPARE(job.status.active, 1);
    QCOMPARE(job.status.succeeded, 2);
    QCOMPARE(*job.status.startTime, 5.0);
}

void TestReconcileState::errors_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty file") << std::string("") << 1 << 1 << "empty state file";
    QTest::newRow("comments only") << std::string("# nothing\n") << 1 << 1 << "empty state file";
    QTest::newRow("a list at the root")
        << std::string("- job\n") << 1 << 1 << "a state file is a mapping";
    QTest::newRow("NUL byte") << std::string("now: 1\njob: \0x", 14) << 2 << 6 << "not a text file";
    QTest::newRow("YAML syntax") << std::string("now: [1,\n") << 1 << 6 << "YAML syntax error";
    QTest::newRow("unknown top-level key") << stateWith("pod: []\n") << 11 << 1
                                           << "pod: unknown field \"pod\" (did you mean \"pods\"?)";
    QTest::newRow("unknown shorthand key")
        << stateWith("pods:\n  - {name: a, redy: true}\n") << 12 << 15
        << "pods[0].redy: unknown field \"redy\" (did you mean \"ready\"?)";
    QTest::newRow("misspelt phase") << stateWith("pods:\n  - {name: a, phase: Suceeded}\n") << 12
                                    << 22 << "(did you mean \"Succeeded\"?)";
    QTest::newRow("missing now") << stateWith("", "") << 1 << 1 << "now: Required value";
    QTest::newRow("missing job") << std::string("now: 1\n") << 1 << 1 << "job: Required value";
    QTest::newRow("job is not a mapping")
        << std::string("now: 1\njob: [a]\n") << 2 << 6 << "job: Invalid value";
    QTest::newRow("wrong kind") << std::string("now: 1\njob: {kind: Pod}\n") << 2 << 13
                                << "job.kind: Unsupported value: \"Pod\"";
    QTest::newRow("job field of the wrong type")
        << std::string("now: 1\njob:\n  spec: {parallelism: many}\n") << 3 << 23
        << "job.spec.parallelism: Invalid value: \"many\": must be an integer";
    QTest::newRow("job that fails validation")
        << std::string("now: 1\njob:\n  metadata: {name: x}\n  spec: {parallelism: -2}\n") << 4
        << 23 << "job.spec.parallelism: Invalid value: -2";
    QTest::newRow("bad time") << stateWith("", "now: later\n") << 10 << 6
                              << "now: Invalid value: \"later\"";
    QTest::newRow("count out of range")
        << stateWith("pods:\n  - {count: -1}\n") << 12 << 13 << "pods[0].count: Invalid value: -1";
    QTest::newRow("uid with count")
        << stateWith("pods:\n  - {uid: u, count: 2}\n") << 12 << 11 << "a uid names one Pod";
    QTest::newRow("duplicate names") << stateWith("pods:\n  - {name: p}\n  - {name: p}\n") << 13
                                     << 5 << "pods[1]: Duplicate value: Pod name \"p\"";
    QTest::newRow("pod entry that is a scalar")
        << stateWith("pods:\n  - running\n") << 12 << 5 << "pods[0]: Invalid value";
    QTest::newRow("pod object without a name")
        << stateWith("pods:\n  - {kind: Pod, metadata: {}}\n") << 12 << 27
        << "pods[0].metadata.name: Required value";
    QTest::newRow("pods as a mapping that is not a List")
        << stateWith("pods: {kind: Pod}\n") << 11 << 7 << "must be a list of Pods";
    QTest::newRow("api error value") << stateWith("apiErrors: {delete: quta}\n") << 11 << 21
                                     << "apiErrors.delete: Unsupported value: \"quta\"";
    QTest::newRow("negative createLimit") << stateWith("apiErrors: {createLimit: -3}\n") << 11 << 26
                                          << "apiErrors.createLimit: Invalid value: -3";
    QTest::newRow("negative failure count")
        << stateWith("backoff: {failuresAfterLastSuccess: -1}\n") << 11 << 37
        << "backoff.failuresAfterLastSuccess: Invalid value: -1";
    QTest::newRow("unknown expectations key") << stateWith("expectations: {creation: 1}\n") << 11
                                              << 16 << "(did you mean \"creations\"?)";
    // Found by fuzz_state: yaml-cpp 0.7 loops forever on a ',' where a document may start.
    QTest::newRow("fuzz: stray comma after a flow mapping")
        << std::string("{s: {}},") << 1 << 8 << "unexpected ','";
    QTest::newRow("fuzz: comma alone") << std::string(",") << 1 << 1 << "unexpected ','";
    QTest::newRow("fuzz: comma after a document marker")
        << std::string("---\n{a: 1},\n") << 2 << 7 << "unexpected ','";
    QTest::newRow("second document")
        << stateWith("---\nnow: 2\n") << 12 << 1 << "one YAML document";
}

void TestReconcileState::errors() {
    QFETCH(std::string, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    Diagnostics diagnostics;
    const auto state = parseReconcileState(text, "bad.yaml", diagnostics);
    QVERIFY(!state);
    QVERIFY(diagnostics.hasErrors());
    bool found = false;
    for (const Diagnostic& d : diagnostics.items()) {
        if (d.severity == Severity::Error && d.position == SourcePosition{line, column} &&
            QString::fromStdString(d.message).contains(message))
            found = true;
    }
    if (!found)
        qWarning("got:\n%s", diagnostics.format().c_str());
    QVERIFY(found);
}

// Found by fuzz_state under UBSan: syncJob summed int32 status counters with a signed
// overflow. Upstream's are Go int32s, whose addition wraps; run under the asan preset this
// also proves the sum is defined.
void TestReconcileState::fuzzCounterOverflow() {
    Diagnostics diagnostics;
    const auto state = readReconcileStateFile(
        (jobscope::test::testDataDir() + "/states/good/fuzz-counter-overflow.yaml").toStdString(),
        diagnostics);
    QVERIFY2(state, diagnostics.format().c_str());
    const SyncResult result = syncJob(state->input);
    QCOMPARE(result.status.failed, std::numeric_limits<int32_t>::min());
    QCOMPARE(result.status.succeeded, std::numeric_limits<int32_t>::min());

    // The same in the pod-failure backoff record (newBackoffRecord).
    Diagnostics recordDiagnostics;
    const auto record = readReconcileStateFile(
        (jobscope::test::testDataDir() + "/states/good/fuzz-backoff-record-overflow.yaml")
            .toStdString(),
        recordDiagnostics);
    QVERIFY2(record, recordDiagnostics.format().c_str());
    QCOMPARE(syncJob(record->input).backoff.failuresAfterLastSuccess,
             std::numeric_limits<int32_t>::min());
}

void TestReconcileState::podLimit() {
    ReconcileStateLimits limits;
    limits.maxPods = 3;
    Diagnostics withinLimit;
    const auto three =
        parseReconcileState(stateWith("pods:\n  - {count: 3}\n"), "s.yaml", withinLimit, limits);
    QVERIFY(three);
    QCOMPARE(three->input.pods.size(), size_t(3));

    Diagnostics oneEntry;
    QVERIFY(!parseReconcileState(stateWith("pods:\n  - {count: 4}\n"), "s.yaml", oneEntry, limits));
    QVERIFY2(oneEntry.format().find("s.yaml:12:13: error: pods[0].count: Invalid value: 4: must "
                                    "be between 0 and 3") != std::string::npos,
             oneEntry.format().c_str());

    Diagnostics twoEntries;
    QVERIFY(!parseReconcileState(stateWith("pods:\n  - {count: 2}\n  - {count: 2}\n"), "s.yaml",
                                 twoEntries, limits));
    QVERIFY2(twoEntries.format().find("s.yaml:13:5: error: pods[1]: too many Pods (at most 3") !=
                 std::string::npos,
             twoEntries.format().c_str());
}

QTEST_APPLESS_MAIN(TestReconcileState)
#include "tst_reconcile_state.moc"
