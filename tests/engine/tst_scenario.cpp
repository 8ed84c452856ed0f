// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario files (core/engine/scenario/scenario_reader.h, docs/scenarios.md): every key of the
// schema read into the right member, a bare manifest as the default scenario, positioned
// errors with "did you mean", junk that must not crash, and every shipped example.

#include "scenario/scenario_reader.h"
#include "support/test_paths.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

#include <map>
#include <random>
#include <string>

using namespace jobscope;

Q_DECLARE_METATYPE(std::string)

namespace {

QString num(double v) {
    return QString::number(v, 'g', 15);
}

QString durationText(const Duration& d) {
    switch (d.kind) {
    case Duration::Kind::Fixed:
        return "fixed " + num(d.value);
    case Duration::Kind::Uniform:
        return "uniform " + num(d.min) + ".." + num(d.max);
    case Duration::Kind::Normal:
        return "normal " + num(d.mean) + "~" + num(d.stddev);
    case Duration::Kind::Exponential:
        return "exponential " + num(d.value);
    case Duration::Kind::PerIndex: {
        QStringList values;
        for (double v : d.perIndex)
            values << num(v);
        return "perIndex " + values.join(',');
    }
    }
    return "?";
}

template <typename T> QString opt(const std::optional<T>& v) {
    return v ? num(static_cast<double>(*v)) : QStringLiteral("unset");
}

QString actionKind(ScenarioAction::Kind kind) {
    switch (kind) {
    case ScenarioAction::Kind::Suspend:
        return "Suspend";
    case ScenarioAction::Kind::Resume:
        return "Resume";
    case ScenarioAction::Kind::SetParallelism:
        return "SetParallelism";
    case ScenarioAction::Kind::SetQuota:
        return "SetQuota";
    case ScenarioAction::Kind::DeletePod:
        return "DeletePod";
    case ScenarioAction::Kind::FailNode:
        return "FailNode";
    case ScenarioAction::Kind::DeleteJob:
        return "DeleteJob";
    case ScenarioAction::Kind::AllowCreate:
        return "AllowCreate";
    }
    return "?";
}

// Every member of a Scenario as "key" -> text, so a row can name the values it expects.
std::map<QString, QString> flatten(const Scenario& s) {
    std::map<QString, QString> m;
    m["title"] = QString::fromStdString(s.title);
    m["titleZh"] = QString::fromStdString(s.titleZh);
    m["description"] = QString::fromStdString(s.description);
    m["descriptionZh"] = QString::fromStdString(s.descriptionZh);
    m["jobFile"] = QFileInfo(QString::fromStdString(s.jobFile)).fileName();
    m["seed"] = QString::number(s.seed);
    m["stopAt"] = opt(s.stopAt);
    const JobSpec& spec = s.job.spec;
    m["job.name"] = QString::fromStdString(s.job.metadata.name);
    m["job.namespace"] = QString::fromStdString(s.job.metadata.namespace_);
    m["job.parallelism"] = opt(spec.parallelism);
    m["job.completions"] = opt(spec.completions);
    m["job.backoffLimit"] = opt(spec.backoffLimit);
    m["job.completionMode"] = QString::fromStdString(spec.completionMode.value_or("unset"));
    m["job.suspend"] = spec.isSuspended() ? "true" : "false";
    m["job.podReplacementPolicy"] =
        QString::fromStdString(spec.podReplacementPolicy.value_or("unset"));
    m["nodes"] = QString::number(s.nodes.size());
    for (size_t i = 0; i < s.nodes.size(); ++i) {
        const QString p = QString("nodes[%1].").arg(i);
        m[p + "name"] = QString::fromStdString(s.nodes[i].name);
        m[p + "pods"] = QString::number(s.nodes[i].pods);
        m[p + "cpu"] = opt(s.nodes[i].cpu);
        m[p + "memory"] = opt(s.nodes[i].memoryBytes);
    }
    m["quotaPods"] = opt(s.quotaPods);
    m["createForbidden"] = s.createForbidden ? "true" : "false";
    const Timings& t = s.timings;
    m["timings.syncBatch"] = num(t.syncBatch);
    m["timings.syncLatency"] = num(t.syncLatency);
    m["timings.apiLatency"] = num(t.apiLatency);
    m["timings.informerLatency"] = num(t.informerLatency);
    m["timings.schedulerDelay"] = num(t.schedulerDelay);
    m["timings.containerStart"] = num(t.containerStart);
    m["timings.readinessDelay"] = num(t.readinessDelay);
    m["timings.gracefulTermination"] = num(t.gracefulTermination);
    m["timings.podEndToCount"] = num(t.podEndToCount);
    m["runTime"] = durationText(s.runTime);
    m["failures"] = QString::number(s.failures.size());
    for (size_t i = 0; i < s.failures.size(); ++i) {
        const FailureRule& f = s.failures[i];
        const QString p = QString("failures[%1].").arg(i);
        m[p + "index"] = opt(f.index);
        m[p + "attempt"] = opt(f.attempt);
        m[p + "probability"] = num(f.probability);
        m[p + "exitCode"] = QString::number(f.exitCode);
        m[p + "after"] = opt(f.after);
        m[p + "line"] = QString::number(f.position.line);
    }
    m["workQueue"] = s.workQueue ? "set" : "unset";
    if (s.workQueue) {
        m["workQueue.items"] = QString::number(s.workQueue->items);
        m["workQueue.perItem"] = durationText(s.workQueue->perItem);
    }
    m["actions"] = QString::number(s.actions.size());
    for (size_t i = 0; i < s.actions.size(); ++i) {
        const ScenarioAction& a = s.actions[i];
        const QString p = QString("actions[%1].").arg(i);
        m[p + "at"] = num(a.at);
        m[p + "kind"] = actionKind(a.kind);
        m[p + "value"] = QString::number(a.value);
        m[p + "target"] = QString::fromStdString(a.target);
        m[p + "line"] = QString::number(a.position.line);
    }
    return m;
}

// A scenario around an inline Job; `extra` goes at the top level.
std::string withJob(const std::string& extra) {
    return "job:\n"
           "  apiVersion: batch/v1\n"
           "  kind: Job\n"
           "  metadata: {name: demo}\n"
           "  spec:\n"
           "    completions: 5\n"
           "    parallelism: 2\n"
           "    template:\n"
           "      spec:\n"
           "        restartPolicy: Never\n"
           "        containers: [{name: main, image: busybox}]\n" +
           extra;
}

const char* const kBareManifest = "apiVersion: batch/v1\n"
                                  "kind: Job\n"
                                  "metadata: {name: bare}\n"
                                  "spec:\n"
                                  "  completions: 3\n"
                                  "  template:\n"
                                  "    spec:\n"
                                  "      restartPolicy: Never\n"
                                  "      containers: [{name: main, image: busybox}]\n";

QString dump(const Diagnostics& d) {
    return QString::fromStdString(d.format());
}

} // namespace

class TestScenario : public QObject {
    Q_OBJECT

private slots:
    void features_data();
    void features();
    void recordedStatusIsSaid_data();
    void recordedStatusIsSaid();
    void files_data();
    void files();
    void errors_data();
    void errors();
    void errorInReferencedManifest();
    void junkNeverCrashes();
    void examples_data();
    void examples();
    void quantities_data();
    void quantities();
};

void TestScenario::features_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QString>("expected"); // "key=value" pairs separated by ';'

    QTest::newRow("bare manifest gets the default scenario")
        << std::string(kBareManifest)
        << "job.name=bare;job.namespace=default;job.completions=3;job.parallelism=1;"
           "job.backoffLimit=6;job.completionMode=NonIndexed;nodes=1;nodes[0].name=node-1;"
           "nodes[0].pods=1000;nodes[0].cpu=unset;quotaPods=unset;createForbidden=false;"
           "timings.syncBatch=1;timings.schedulerDelay=0.2;timings.containerStart=1;"
           "timings.gracefulTermination=1;runTime=fixed 10;failures=0;workQueue=unset;"
           "actions=0;seed=1;stopAt=unset;title=";
    QTest::newRow("inline job is defaulted")
        << withJob("")
        << "job.name=demo;job.namespace=default;job.completions=5;job.parallelism=2;"
           "job.backoffLimit=6;job.podReplacementPolicy=TerminatingOrFailed;nodes=1;"
           "nodes[0].pods=1000;jobFile=";
    QTest::newRow("inline job without apiVersion and kind")
        << std::string("job:\n  metadata: {name: short}\n  spec:\n    template:\n      spec:\n"
                       "        restartPolicy: Never\n"
                       "        containers: [{name: main, image: busybox}]\n")
        << "job.name=short;job.completions=1;job.parallelism=1";
    QTest::newRow("generateName gives a stable name")
        << std::string("job:\n  metadata: {generateName: batch-}\n  spec:\n    template:\n"
                       "      spec:\n        restartPolicy: Never\n"
                       "        containers: [{name: main, image: busybox}]\n")
        << "job.namespace=default";
    QTest::newRow("texts")
        << withJob("title: Quota\ntitleZh: 配额\ndescription: Two Pods at most.\n"
                   "descriptionZh: 最多两个 Pod。\n")
        << "title=Quota;titleZh=配额;description=Two Pods at most.;descriptionZh=最多两个 Pod。";
    QTest::newRow("seed and stopAt in seconds")
        << withJob("seed: 42\nstopAt: 90\n") << "seed=42;stopAt=90";
    QTest::newRow("stopAt with a unit") << withJob("stopAt: 2m\n") << "stopAt=120";
    QTest::newRow("nodes with capacity and resources")
        << withJob("cluster:\n  nodes:\n  - {name: big, pods: 20, cpu: 4, memory: 8Gi}\n"
                   "  - {pods: 2, cpu: 500m, memory: 512Mi}\n")
        << "nodes=2;nodes[0].name=big;nodes[0].pods=20;nodes[0].cpu=4;"
           "nodes[0].memory=8589934592;nodes[1].name=node-2;nodes[1].pods=2;"
           "nodes[1].cpu=0.5;nodes[1].memory=536870912";
    QTest::newRow("node count expands to numbered nodes")
        << withJob("cluster:\n  nodes:\n  - {name: worker, count: 3, pods: 4}\n  - {}\n")
        << "nodes=4;nodes[0].name=worker-1;nodes[2].name=worker-3;nodes[2].pods=4;"
           "nodes[3].name=node-4;nodes[3].pods=110";
    QTest::newRow("quota and forbidden creation")
        << withJob("cluster:\n  quota: {pods: 2}\n  createForbidden: true\n")
        << "quotaPods=2;createForbidden=true;nodes=1;nodes[0].pods=1000";
    QTest::newRow("every timing")
        << withJob("timings:\n  syncBatch: 0.5\n  syncLatency: 10ms\n  apiLatency: 0.02\n"
                   "  informerLatency: 5ms\n  schedulerDelay: 1s\n  containerStart: 30s\n"
                   "  readinessDelay: 2\n  gracefulTermination: 1m\n  podEndToCount: 0.3\n")
        << "timings.syncBatch=0.5;timings.syncLatency=0.01;timings.apiLatency=0.02;"
           "timings.informerLatency=0.005;timings.schedulerDelay=1;"
           "timings.containerStart=30;timings.readinessDelay=2;"
           "timings.gracefulTermination=60;timings.podEndToCount=0.3";
    QTest::newRow("run time as a plain number") << withJob("runTime: 7.5\n") << "runTime=fixed 7.5";
    QTest::newRow("run time with a unit") << withJob("runTime: 90s\n") << "runTime=fixed 90";
    QTest::newRow("run time as a list per index")
        << withJob("runTime: [5, 10, 1m]\n") << "runTime=perIndex 5,10,60";
    QTest::newRow("run time fixed")
        << withJob("runTime: {distribution: fixed, value: 3}\n") << "runTime=fixed 3";
    QTest::newRow("run time uniform")
        << withJob("runTime: {distribution: uniform, min: 5, max: 15}\n")
        << "runTime=uniform 5..15";
    QTest::newRow("run time normal")
        << withJob("runTime: {distribution: normal, mean: 20, stddev: 4}\n")
        << "runTime=normal 20~4";
    QTest::newRow("run time exponential")
        << withJob("runTime: {distribution: exponential, mean: 12}\n") << "runTime=exponential 12";
    QTest::newRow("run time perIndex")
        << withJob("runTime: {distribution: perIndex, values: [1, 2]}\n") << "runTime=perIndex 1,2";
    QTest::newRow("failures")
        << withJob("failures:\n- probability: 0.25\n- index: 3\n  attempt: 0\n  exitCode: 42\n"
                   "  after: 2s\n")
        << "failures=2;failures[0].probability=0.25;failures[0].index=unset;"
           "failures[0].attempt=unset;failures[0].exitCode=1;failures[0].after=unset;"
           "failures[0].line=13;failures[1].index=3;failures[1].attempt=0;"
           "failures[1].probability=1;failures[1].exitCode=42;failures[1].after=2;"
           "failures[1].line=14";
    QTest::newRow("work queue")
        << withJob("workQueue: {items: 40, perItem: {distribution: uniform, min: 1, max: 3}}\n")
        << "workQueue=set;workQueue.items=40;workQueue.perItem=uniform 1..3";
    QTest::newRow("work queue with the default time per item")
        << withJob("workQueue: {items: 4}\n") << "workQueue.items=4;workQueue.perItem=fixed 10";
    QTest::newRow("actions of every kind, in time order")
        << withJob("cluster:\n  nodes: [{name: a}, {name: b}]\n"
                   "actions:\n"
                   "- {at: 50, do: deleteJob}\n"
                   "- {at: 10, do: suspend}\n"
                   "- {at: 20, do: resume}\n"
                   "- {at: 30, do: setParallelism, parallelism: 4}\n"
                   "- {at: 31, do: setQuota, pods: 3}\n"
                   "- {at: 32, do: removeQuota}\n"
                   "- {at: 33, do: deletePod, pod: oldest}\n"
                   "- {at: 34, do: deletePod, index: 2}\n"
                   "- {at: 35, do: failNode, node: b}\n"
                   "- {at: 36, do: forbidCreate}\n"
                   "- {at: 37s, do: allowCreate}\n")
        << "actions=11;actions[0].kind=Suspend;actions[0].at=10;actions[0].line=16;"
           "actions[1].kind=Resume;actions[2].kind=SetParallelism;actions[2].value=4;"
           "actions[3].kind=SetQuota;actions[3].value=3;actions[4].kind=SetQuota;"
           "actions[4].value=-1;actions[5].kind=DeletePod;actions[5].target=oldest;"
           "actions[6].kind=DeletePod;actions[6].target=index:2;actions[7].kind=FailNode;"
           "actions[7].target=b;actions[8].kind=AllowCreate;actions[8].value=0;"
           "actions[9].kind=AllowCreate;actions[9].value=1;actions[9].at=37;"
           "actions[10].kind=DeleteJob;actions[10].at=50;actions[10].line=15";
    QTest::newRow("failNode on the default node")
        << withJob("actions: [{at: 5, do: failNode, node: node-1}]\n")
        << "actions[0].kind=FailNode;actions[0].target=node-1";
    QTest::newRow("scenario document with the Job as a second document")
        << std::string("title: Two documents\nseed: 7\n---\n") + kBareManifest
        << "title=Two documents;seed=7;job.name=bare;job.completions=3";
    QTest::newRow("scenario with a ResourceQuota document")
        << withJob("---\napiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\n"
                   "spec: {hard: {pods: \"3\"}}\n")
        << "quotaPods=3";
    QTest::newRow("documents with comments only are skipped")
        << std::string("# nothing\n---\n") + kBareManifest + "---\n# trailing\n"
        << "job.name=bare";
}

void TestScenario::features() {
    QFETCH(std::string, text);
    QFETCH(QString, expected);
    Diagnostics diagnostics;
    auto scenario = readScenarioText(text, "scenario.yaml", diagnostics);
    QVERIFY2(scenario.has_value(), qPrintable(dump(diagnostics)));
    QVERIFY2(diagnostics.items().empty(), qPrintable(dump(diagnostics)));
    const auto values = flatten(*scenario);
    for (const QString& pair : expected.split(';')) {
        const qsizetype eq = pair.indexOf('=');
        const QString key = pair.left(eq);
        const auto it = values.find(key);
        QVERIFY2(it != values.end(), qPrintable("no key " + key));
        QCOMPARE(it->second, pair.mid(eq + 1));
    }
}

// A Job exported from a cluster goes on from the status it carries: a warning says so at the
// status, in a bare manifest and under job:, and nothing is said of a Job without one.
void TestScenario::recordedStatusIsSaid_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QString>("warning"); // "" for none
    QTest::addColumn<int>("line");        // of the status's first field; 0: not checked
    const std::string finished =
        "status:\n  succeeded: 3\n  conditions:\n  - {type: Complete, status: \"True\"}\n";
    QTest::newRow("bare manifest of a finished Job")
        << std::string(kBareManifest) + finished
        << "status: the Job has already finished (Complete)" << 11;
    QTest::newRow("bare manifest of a running Job")
        << std::string(kBareManifest) + "status:\n  active: 2\n  succeeded: 1\n"
        << "status: the Job has already run (1 succeeded, 0 failed, 2 active)" << 11;
    QTest::newRow("a Job under job: that failed")
        << withJob("") + "  status:\n    failed: 7\n    conditions:\n"
                         "    - {type: Failed, status: \"True\", reason: BackoffLimitExceeded}\n"
        << "status: the Job has already finished (Failed)" << 0;
    QTest::newRow("a condition that is not true is no finish")
        << std::string(kBareManifest) +
               "status:\n  conditions:\n  - {type: Complete, status: \"False\"}\n"
        << "" << 0;
    QTest::newRow("no status") << std::string(kBareManifest) << "" << 0;
}

void TestScenario::recordedStatusIsSaid() {
    QFETCH(std::string, text);
    QFETCH(QString, warning);
    QFETCH(int, line);
    Diagnostics diagnostics;
    auto scenario = readScenarioText(text, "exported.yaml", diagnostics);
    QVERIFY2(scenario.has_value(), qPrintable(dump(diagnostics)));
    QVERIFY2(!diagnostics.hasErrors(), qPrintable(dump(diagnostics)));
    QStringList warnings;
    for (const Diagnostic& d : diagnostics.items())
        if (d.severity == Severity::Warning)
            warnings << QString::fromStdString(d.message);
    if (warning.isEmpty()) {
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join('\n')));
        return;
    }
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().startsWith(warning), qPrintable(warnings.first()));
    QVERIFY(warnings.first().contains("delete status to simulate the Job from its start"));
    if (line > 0)
        for (const Diagnostic& d : diagnostics.items())
            if (d.severity == Severity::Warning)
                QCOMPARE(d.position.line, line);
}

void TestScenario::files_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("job path relative to the scenario")
        << "job-path.yaml"
        << "title=Shards with a slow scheduler;jobFile=shards.yaml;job.name=shards;"
           "job.completions=6;job.parallelism=3;job.completionMode=Indexed;"
           "timings.schedulerDelay=2";
    QTest::newRow("manifest with a ResourceQuota")
        << "manifest-with-quota.yaml"
        << "quotaPods=2;job.name=quota-demo;job.parallelism=5;jobFile=manifest-with-quota.yaml";
}

void TestScenario::files() {
    QFETCH(QString, file);
    QFETCH(QString, expected);
    Diagnostics diagnostics;
    const QString path = test::testDataDir() + "/scenarios/" + file;
    auto scenario = readScenarioFile(path.toStdString(), diagnostics);
    QVERIFY2(scenario.has_value(), qPrintable(dump(diagnostics)));
    QVERIFY2(diagnostics.items().empty(), qPrintable(dump(diagnostics)));
    const auto values = flatten(*scenario);
    for (const QString& pair : expected.split(';')) {
        const qsizetype eq = pair.indexOf('=');
        const auto it = values.find(pair.left(eq));
        QVERIFY2(it != values.end(), qPrintable(pair));
        QCOMPARE(it->second, pair.mid(eq + 1));
    }
}

void TestScenario::errors_data() {
    QTest::addColumn<std::string>("text");
    // One "LINE:COLUMN: start of message" per expected error, separated by '|'.
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty file") << std::string() << "0:0: empty scenario file: expected a scenario";
    QTest::newRow("comments only")
        << std::string("# just a comment\n---\n") << "0:0: empty scenario file";
    QTest::newRow("a scalar") << std::string("hello")
                              << "1:1: not a scenario or a Kubernetes object: expected a "
                                 "mapping";
    QTest::newRow("a list") << std::string("- 1\n- 2\n")
                            << "1:1: not a scenario or a Kubernetes object";
    QTest::newRow("syntax error") << std::string("job: [unclosed\n") << "1:6: "; // the bracket
    QTest::newRow("binary junk") << std::string("job:\0\x01\x02", 7) << "0:0: not a text file";
    QTest::newRow("no job") << std::string("title: Nothing to run\n") << "1:1: job: Required value";
    QTest::newRow("null job") << std::string("job:\n") << "1:1: job: Required value";
    QTest::newRow("unknown top-level key with did you mean")
        << withJob("seeed: 3\n") << "12:1: seeed: unknown field \"seeed\" (did you mean \"seed\"?)";
    QTest::newRow("unknown key far from any")
        << withJob("colour: blue\n") << "12:1: colour: unknown field \"colour\"";
    QTest::newRow("unknown timing with did you mean")
        << withJob("timings:\n  syncBatc: 1\n")
        << "13:3: timings.syncBatc: unknown field \"syncBatc\" (did you mean \"syncBatch\"?)";
    QTest::newRow("unknown node key")
        << withJob("cluster:\n  nodes:\n  - {name: a, pod: 3}\n")
        << "14:15: cluster.nodes[0].pod: unknown field \"pod\" (did you mean \"pods\"?)";
    QTest::newRow("unknown quota key")
        << withJob("cluster:\n  quota: {pod: 3}\n")
        << "13:11: cluster.quota.pod: unknown field \"pod\" (did you mean \"pods\"?)|"
           "13:10: cluster.quota.pods: Required value";
    QTest::newRow("action with a misspelt kind")
        << withJob("actions:\n- {at: 5, do: suspnd}\n")
        << "13:15: actions[0].do: Unsupported value: \"suspnd\": supported values: "
           "\"suspend\"";
    QTest::newRow("action without a time")
        << withJob("actions:\n- {do: suspend}\n") << "13:3: actions[0].at: Required value";
    QTest::newRow("action with a stray key")
        << withJob("actions:\n- {at: 5, do: setParallelism, paralelism: 3}\n")
        << "13:31: actions[0].paralelism: unknown field \"paralelism\" (did you mean "
           "\"parallelism\"?)|13:3: actions[0].parallelism: Required value";
    QTest::newRow("failNode on an unknown node")
        << withJob("cluster:\n  nodes: [{name: worker}]\n"
                   "actions:\n- {at: 5, do: failNode, node: wroker}\n")
        << "15:31: node: Not found: \"wroker\": the cluster has no such node (did you mean "
           "\"worker\"?)";
    QTest::newRow("deletePod needs exactly one target")
        << withJob("actions:\n- {at: 5, do: deletePod}\n")
        << "13:3: actions[0]: Invalid value: name the Pod with exactly one";
    QTest::newRow("inline job error at its position")
        << std::string("title: x\njob:\n  metadata: {name: demo}\n  spec:\n    parallelism: -1\n"
                       "    template:\n      spec:\n        restartPolicy: Never\n"
                       "        containers: [{name: main, image: busybox}]\n")
        << "5:18: job.spec.parallelism: Invalid value: -1: must be greater than or equal to 0";
    QTest::newRow("inline job type error")
        << std::string("job:\n  metadata: {name: demo}\n  spec:\n    completions: many\n"
                       "    template:\n      spec:\n        restartPolicy: Never\n"
                       "        containers: [{name: main, image: busybox}]\n")
        << "4:18: job.spec.completions: Invalid value: \"many\": must be an integer";
    QTest::newRow("every error is reported")
        << withJob("seed: -1\nstopAt: soon\nruntime: 5\ncluster:\n  createForbidden: maybe\n"
                   "failures:\n- {probability: 1.5, exitCode: 0}\n")
        << "14:1: runtime: unknown field \"runtime\" (did you mean \"runTime\"?)|"
           "12:7: seed: Invalid value: -1|"
           "13:9: stopAt: Invalid value: \"soon\": must be a number of seconds|"
           "16:20: cluster.createForbidden: Invalid value: \"maybe\"|"
           "18:17: failures[0].probability: Invalid value: \"1.5\": must be between 0 and 1|"
           "18:32: failures[0].exitCode: Invalid value: 0";
    QTest::newRow("negative duration")
        << withJob("timings: {schedulerDelay: -1}\n")
        << "12:27: timings.schedulerDelay: Invalid value: \"-1\": must be greater than or "
           "equal to 0";
    QTest::newRow("uniform with min above max")
        << withJob("runTime: {distribution: uniform, min: 9, max: 3}\n")
        << "12:47: runTime.max: Invalid value: \"3\": must be greater than or equal to min";
    QTest::newRow("distribution misspelt")
        << withJob("runTime: {distribution: exponentail, mean: 3}\n")
        << "12:25: runTime.distribution: Unsupported value: \"exponentail\": supported "
           "values: \"fixed\", \"uniform\", \"normal\", \"exponential\", \"perIndex\" (did "
           "you mean \"exponential\"?)";
    QTest::newRow("distribution missing")
        << withJob("runTime: {mean: 3}\n") << "12:10: runTime.distribution: Required value";
    QTest::newRow("key of another distribution")
        << withJob("runTime: {distribution: normal, mean: 3, stdev: 1}\n")
        << "12:42: runTime.stdev: unknown field \"stdev\" (did you mean \"stddev\"?)|"
           "12:10: runTime.stddev: Required value";
    QTest::newRow("bad quantity") << withJob("cluster:\n  nodes: [{cpu: lots, memory: 2GB}]\n")
                                  << "13:17: cluster.nodes[0].cpu: Invalid value: \"lots\"|"
                                     "13:31: cluster.nodes[0].memory: Invalid value: \"2GB\"";
    QTest::newRow("duplicate node names") << withJob("cluster:\n  nodes: [{name: a}, {name: a}]\n")
                                          << "13:29: cluster.nodes[1].name: Duplicate value: \"a\"";
    QTest::newRow("duplicate key")
        << withJob("seed: 1\nseed: 2\n")
        << "13:1: seed: duplicate key \"seed\" (first written at line 12)";
    QTest::newRow("work queue without items")
        << withJob("workQueue: {perItem: 2}\n") << "12:12: workQueue.items: Required value";
    QTest::newRow("a section of the wrong type")
        << withJob("cluster: [a]\ntimings: 5\nfailures: {a: 1}\n")
        << "12:10: cluster: Invalid value: a sequence: must be a mapping|"
           "13:10: timings: Invalid value: \"5\": must be a mapping|"
           "14:11: failures: Invalid value: a mapping: must be a list";
    QTest::newRow("two scenarios")
        << withJob("---\ntitle: again\n")
        << "13:1: a second scenario: a scenario file holds one (the first starts at line 1)";
    QTest::newRow("job inline and as a document")
        << withJob("---\n") + kBareManifest << "13:1: a second Job: this scenario already";
    QTest::newRow("two Jobs in a bare manifest")
        << std::string(kBareManifest) + "---\n" + kBareManifest
        << "0:0: this file holds 2 Jobs; a scenario runs one";
    QTest::newRow("job path that does not exist") << std::string("job: {path: missing.yaml}\n")
                                                  << "1:13: job.path: Not found: \"missing.yaml\"";
    QTest::newRow("job path with a stray key")
        << std::string("job: {path: missing.yaml, spec: {}}\n")
        << "1:27: job.spec: unknown field \"spec\"|1:13: job.path: Not found";
    QTest::newRow("job as a string")
        << std::string("job: indexed.yaml\n")
        << "1:6: job: Invalid value: \"indexed.yaml\": must be a mapping";
    QTest::newRow("ResourceQuota without a number")
        << std::string("apiVersion: v1\nkind: ResourceQuota\nspec: {hard: {pods: two}}\n---\n") +
               kBareManifest
        << "3:21: spec.hard.pods: Invalid value: \"two\": must be a whole number of Pods";
}

void TestScenario::errors() {
    QFETCH(std::string, text);
    QFETCH(QString, expected);
    Diagnostics diagnostics;
    auto scenario = readScenarioText(text, "bad.yaml", diagnostics);
    QVERIFY(!scenario.has_value());
    QStringList errors;
    for (const Diagnostic& d : diagnostics.items()) {
        QCOMPARE(QString::fromStdString(d.file), QStringLiteral("bad.yaml"));
        if (d.severity == Severity::Error)
            errors << QString("%1:%2: %3")
                          .arg(d.position.line)
                          .arg(d.position.column)
                          .arg(QString::fromStdString(d.message));
    }
    const QStringList wanted = expected.split('|');
    QVERIFY2(errors.size() == wanted.size(), qPrintable(errors.join('\n')));
    for (qsizetype i = 0; i < wanted.size(); ++i)
        QVERIFY2(errors[i].startsWith(wanted[i]), qPrintable(errors[i] + "\n  vs " + wanted[i]));
}

// An error in the manifest that `job.path` names is reported in that file, at its field.
void TestScenario::errorInReferencedManifest() {
    Diagnostics diagnostics;
    const QString path = test::testDataDir() + "/scenarios/job-path-broken.yaml";
    QVERIFY(!readScenarioFile(path.toStdString(), diagnostics));
    QCOMPARE(diagnostics.errorCount(), 1);
    const Diagnostic& d = diagnostics.items().front();
    QVERIFY2(QString::fromStdString(d.file).endsWith("scenarios/manifests/broken.yaml"),
             d.file.c_str());
    QCOMPARE(d.position.line, 6);
    QCOMPARE(d.position.column, 16);
    QVERIFY2(d.message.rfind("spec.parallelism: Invalid value: -2", 0) == 0, d.message.c_str());
}

// Random cuts, byte flips and splices of a full scenario: the reader must answer with a
// scenario or with errors, never crash or throw.
void TestScenario::junkNeverCrashes() {
    const std::string base = withJob(
        "title: t\nseed: 3\nstopAt: 60\ncluster:\n  nodes: [{name: a, count: 2, cpu: 1}]\n"
        "  quota: {pods: 2}\ntimings: {syncBatch: 1}\nrunTime: {distribution: normal, mean: 3, "
        "stddev: 1}\nfailures: [{probability: 0.1}]\nworkQueue: {items: 3, perItem: [1, 2]}\n"
        "actions: [{at: 5, do: failNode, node: a-1}, {at: 6, do: deletePod, index: 1}]\n");
    const char alphabet[] = "{}[]:,-#&*!|>'\"%@` \n\t0a.";
    int tried = 0;
    std::mt19937 random(20261127);
    int parsed = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string text = base;
        const int edits = 1 + static_cast<int>(random() % 6);
        for (int e = 0; e < edits; ++e) {
            const size_t at = random() % text.size();
            switch (random() % 4) {
            case 0:
                text[at] = alphabet[random() % (sizeof(alphabet) - 1)];
                break;
            case 1:
                text.erase(at, random() % 12);
                break;
            case 2:
                text.insert(at, text.substr(random() % text.size(), random() % 30));
                break;
            default:
                text.resize(at);
                break;
            }
            if (text.empty())
                text = "x";
        }
        Diagnostics diagnostics;
        // Stray commas included: loadYamlDocuments guards yaml-cpp 0.7's endless LoadAll.
        auto scenario = readScenarioText(text, "junk.yaml", diagnostics);
        QVERIFY2(scenario.has_value() != diagnostics.hasErrors(), text.c_str());
        ++tried;
        if (scenario)
            ++parsed;
    }
    QCOMPARE(tried, 2000);
    // The mutations must leave some inputs valid, or the loop tests only the error paths.
    QVERIFY(parsed > 0);
}

void TestScenario::examples_data() {
    QTest::addColumn<QString>("file");
    const QString root = test::sourceDir() + "/resources/examples/";
    // The examples the app offers: the three patterns, the trade-offs, one per cause.
    const char* const required[] = {
        "patterns/non-parallel.yaml",
        "patterns/fixed-count-nonindexed.yaml",
        "patterns/fixed-count-indexed.yaml",
        "patterns/work-queue.yaml",
        "tradeoffs/one-job-per-item.yaml",
        "tradeoffs/one-job-for-all-items.yaml",
        "tradeoffs/one-pod-per-item.yaml",
        "tradeoffs/pods-take-many-items.yaml",
        "tradeoffs/queue.yaml",
        "tradeoffs/fixed-count.yaml",
        "causes/remaining-completions.yaml",
        "causes/work-queue-draining.yaml",
        "causes/controller-lag.yaml",
        "causes/quota-exceeded.yaml",
        "causes/failure-backoff.yaml",
        "causes/terminating-terminating-or-failed.yaml",
        "causes/terminating-failed.yaml",
        "causes/pending.yaml",
        "causes/suspended.yaml",
        "causes/scaled-down.yaml",
        "causes/creation-forbidden.yaml",
    };
    QStringList seen;
    for (const char* name : required) {
        QTest::newRow(name) << root + name;
        seen << root + name;
    }
    for (const char* folder : {"patterns", "tradeoffs", "causes"}) {
        QDirIterator it(root + folder, {"*.yaml"}, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!seen.contains(path))
                QTest::newRow(qPrintable(path.mid(root.size()))) << path;
        }
    }
}

void TestScenario::examples() {
    QFETCH(QString, file);
    QVERIFY2(QFileInfo::exists(file), qPrintable(file));
    Diagnostics diagnostics;
    auto scenario = readScenarioFile(file.toStdString(), diagnostics);
    QVERIFY2(scenario.has_value(), qPrintable(dump(diagnostics)));
    QVERIFY2(diagnostics.items().empty(), qPrintable(dump(diagnostics)));
    QVERIFY(!scenario->title.empty());
    QVERIFY(!scenario->titleZh.empty());
    QVERIFY(scenario->description.size() > 80);
    QVERIFY(scenario->descriptionZh.size() > 40);
    // Meant for a 1-3 minute timeline.
    QVERIFY(scenario->stopAt.has_value());
    QVERIFY(*scenario->stopAt >= 30 && *scenario->stopAt <= 180);
}

void TestScenario::quantities_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value"); // -1: not a quantity
    QTest::newRow("whole cores") << "2" << 2.0;
    QTest::newRow("millicores") << "500m" << 0.5;
    QTest::newRow("fraction") << "1.5" << 1.5;
    QTest::newRow("kibibytes") << "64Ki" << 65536.0;
    QTest::newRow("gibibytes") << "2Gi" << 2147483648.0;
    QTest::newRow("decimal mega") << "128M" << 128e6;
    QTest::newRow("exponent") << "1e3" << 1000.0;
    QTest::newRow("no number") << "Gi" << -1.0;
    QTest::newRow("unknown suffix") << "2GB" << -1.0;
    QTest::newRow("empty") << "" << -1.0;
}

void TestScenario::quantities() {
    QFETCH(QString, text);
    QFETCH(double, value);
    const auto parsed = parseQuantity(text.toStdString());
    if (value < 0) {
        QVERIFY(!parsed);
    } else {
        QVERIFY(parsed);
        QCOMPARE(*parsed, value);
    }
}

QTEST_APPLESS_MAIN(TestScenario)
#include "tst_scenario.moc"
