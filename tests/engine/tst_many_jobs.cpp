// SPDX-License-Identifier: GPL-3.0-or-later
// Scenarios with several Jobs (jobs:, replicas:): read from YAML, run in one world sharing the
// Nodes, the namespace's Pod quota and the controller's sync workers, one Timeline per Job.

#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "support/test_paths.h"

#include <QtTest>

#include <algorithm>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace jobscope;

namespace {

// A Job manifest as a YAML flow mapping, to sit under `job:` anywhere.
std::string jobYaml(const std::string& name, const std::string& spec) {
    return "{apiVersion: batch/v1, kind: Job, metadata: {name: " + name + "}, spec: {" + spec +
           (spec.empty() ? "" : ", ") +
           "template: {spec: {restartPolicy: Never, containers: [{name: main, image: busybox}]}}}}";
}

Scenario read(const std::string& text) {
    Diagnostics diagnostics;
    auto scenario = readScenarioText(text, "many.yaml", diagnostics);
    if (!scenario)
        qFatal("bad test scenario:\n%s", diagnostics.format().c_str());
    return std::move(*scenario);
}

bool isTerminal(const PodObservation& o) {
    return o.deleted || o.state.phase == interned_phase::Succeeded ||
           o.state.phase == interned_phase::Failed;
}

bool completed(const Timeline& tl) {
    if (tl.jobChanges.empty())
        return false;
    for (const auto& c : tl.jobChanges.back().status.conditions)
        if (c.type == job_condition::Complete && c.status == "True")
            return true;
    return false;
}

// The most Pods of all the Timelines that exist and are not finished at one moment (what the
// quota counts); a Pod leaving and another arriving at one instant do not overlap.
int peakActive(const std::vector<Timeline>& timelines) {
    std::vector<std::pair<Seconds, int>> steps;
    for (const Timeline& tl : timelines) {
        std::vector<bool> seen(tl.pods.size(), false), gone(tl.pods.size(), false);
        for (const PodObservation& o : tl.podChanges) {
            if (!seen[o.pod]) {
                seen[o.pod] = true;
                steps.emplace_back(o.time, +1);
            }
            if (!gone[o.pod] && isTerminal(o)) {
                gone[o.pod] = true;
                steps.emplace_back(o.time, -1);
            }
        }
    }
    std::sort(steps.begin(), steps.end());
    int active = 0, peak = 0;
    for (const auto& [time, delta] : steps)
        peak = std::max(peak, active += delta);
    return peak;
}

std::string dump(const Timeline& tl) {
    std::ostringstream out;
    out.precision(17);
    out << tl.start << ' ' << tl.end.value_or(-1) << ' ' << tl.jobMetadata.name << ' '
        << tl.jobMetadata.uid << '\n';
    for (const auto& p : tl.pods)
        out << "pod " << p.name << ' ' << p.uid << ' ' << p.index << ' ' << p.attempt << ' '
            << p.createdAt << '\n';
    for (const auto& o : tl.podChanges)
        out << "change " << o.time << ' ' << o.pod << ' ' << o.state.phase << ' '
            << o.state.nodeName << ' ' << o.state.ready << o.state.tracked << ' '
            << o.state.exitCode.value_or(-1) << ' ' << o.deleted << '\n';
    for (const auto& j : tl.jobChanges)
        out << "job " << j.time << ' ' << j.status.active << ' ' << j.status.succeeded << ' '
            << j.status.failed << ' ' << j.status.conditions.size() << '\n';
    for (const auto& e : tl.events)
        out << "event " << e.time << ' ' << e.reason << ' ' << e.message << '\n';
    for (const auto& s : tl.syncs)
        out << "sync " << s.time << ' ' << s.wantActive << ' ' << s.creations << '\n';
    return out.str();
}

} // namespace

class TestManyJobs : public QObject {
    Q_OBJECT

private slots:
    void quotaShared_data();
    void quotaShared();
    void replicasStagger();
    void smallNodeShared();
    void syncWorkers();
    void oneJobListedIsTheSame_data();
    void oneJobListedIsTheSame();
    void readerErrors_data();
    void readerErrors();
    void jobFromFile();
    void actionBeforeCreation();
};

// Two Jobs under a 2-Pod quota take turns: together they never hold more than the quota, and
// both complete.
void TestManyJobs::quotaShared_data() {
    QTest::addColumn<int>("quota");
    QTest::addColumn<double>("secondStart");
    QTest::newRow("quota 2, together") << 2 << 0.0;
    QTest::newRow("quota 2, second later") << 2 << 3.0;
    QTest::newRow("quota 3, second later") << 3 << 0.5;
}

void TestManyJobs::quotaShared() {
    QFETCH(int, quota);
    QFETCH(double, secondStart);
    const Scenario scenario =
        read("jobs:\n- job: " + jobYaml("a", "completions: 3, parallelism: 2") +
             "\n- job: " + jobYaml("b", "completions: 3, parallelism: 2") +
             "\n  startAt: " + std::to_string(secondStart) +
             "\ncluster: {quota: {pods: " + std::to_string(quota) + "}}\nrunTime: 10\n");
    QCOMPARE(scenario.jobs.size(), std::size_t(2));
    SimulationStats stats;
    const std::vector<Timeline> timelines = simulateJobs(scenario, &stats);
    QCOMPARE(timelines.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(timelines[0].jobMetadata.name), QStringLiteral("a"));
    QCOMPARE(QString::fromStdString(timelines[1].jobMetadata.name), QStringLiteral("b"));
    QCOMPARE(timelines[1].start, secondStart);
    QVERIFY(completed(timelines[0]));
    QVERIFY(completed(timelines[1]));
    QCOMPARE(stats.stopReason, std::string("finished"));
    QVERIFY2(peakActive(timelines) <= quota, qPrintable(QString::number(peakActive(timelines))));
    QVERIFY(stats.createRefusals > 0); // the quota did refuse creates
    // simulate() is the first Job's story in that world.
    QCOMPARE(dump(simulate(scenario)), dump(timelines[0]));
}

// replicas: ten Jobs NAME-0 ... NAME-9 created startEvery apart, each completing.
void TestManyJobs::replicasStagger() {
    const Scenario scenario = read("job: " + jobYaml("batch", "completions: 2, parallelism: 1") +
                                   "\nreplicas: {count: 10, startEvery: 5}\nrunTime: 3\n");
    QCOMPARE(scenario.jobs.size(), std::size_t(10));
    QCOMPARE(QString::fromStdString(scenario.job.metadata.name), QStringLiteral("batch-0"));
    const std::vector<Timeline> timelines = simulateJobs(scenario);
    QCOMPARE(timelines.size(), std::size_t(10));
    std::vector<std::string> uids;
    for (std::size_t i = 0; i < timelines.size(); ++i) {
        const Timeline& tl = timelines[i];
        QCOMPARE(QString::fromStdString(tl.jobMetadata.name), QStringLiteral("batch-%1").arg(i));
        QCOMPARE(tl.start, 5.0 * static_cast<double>(i));
        QVERIFY(!tl.jobChanges.empty());
        QCOMPARE(tl.jobChanges.front().time, tl.start);
        QVERIFY(!tl.pods.empty());
        QVERIFY(tl.pods.front().createdAt >= tl.start);
        QVERIFY(QString::fromStdString(tl.pods.front().name)
                    .startsWith(QStringLiteral("batch-%1-").arg(i)));
        QVERIFY(completed(tl));
        uids.push_back(tl.jobMetadata.uid);
    }
    std::sort(uids.begin(), uids.end());
    QVERIFY(std::adjacent_find(uids.begin(), uids.end()) == uids.end());
}

// Jobs sharing one Node with room for one Pod: the second Job's Pod waits Pending
// (Unschedulable) until the first Job's Pod is done.
void TestManyJobs::smallNodeShared() {
    const Scenario scenario =
        read("jobs:\n- job: " + jobYaml("first", "") + "\n- job: " + jobYaml("second", "") +
             "\n  startAt: 1\ncluster: {nodes: [{pods: 1}]}\nrunTime: 10\n");
    const std::vector<Timeline> timelines = simulateJobs(scenario);
    QCOMPARE(timelines.size(), std::size_t(2));
    QVERIFY(completed(timelines[0]));
    QVERIFY(completed(timelines[1]));
    Seconds firstDone = -1;
    for (const auto& o : timelines[0].podChanges)
        if (firstDone < 0 && o.state.phase == interned_phase::Succeeded)
            firstDone = o.time;
    bool waited = false;
    Seconds secondStarted = -1;
    for (const auto& o : timelines[1].podChanges) {
        waited = waited || o.state.waitingReason == "Unschedulable";
        if (secondStarted < 0 && o.state.containersStarted)
            secondStarted = o.time;
    }
    QVERIFY(waited);
    QVERIFY(firstDone > 0);
    QVERIFY2(secondStarted >= firstDone,
             qPrintable(QString("%1 < %2").arg(secondStarted).arg(firstDone)));
    bool failedScheduling = false;
    for (const auto& e : timelines[1].events)
        failedScheduling = failedScheduling || e.reason == "FailedScheduling";
    QVERIFY(failedScheduling);
}

// Eight Jobs created together: the controller's five workers sync five of them at once, the
// others once a worker is free.
void TestManyJobs::syncWorkers() {
    const Scenario scenario =
        read("job: " + jobYaml("w", "") + "\nreplicas: {count: 8}\nrunTime: 5\n");
    const std::vector<Timeline> timelines = simulateJobs(scenario);
    QCOMPARE(timelines.size(), std::size_t(8));
    int atOnce = 0;
    for (const Timeline& tl : timelines) {
        QVERIFY(!tl.syncs.empty());
        QVERIFY(completed(tl));
        if (tl.syncs.front().time == 0)
            ++atOnce;
    }
    QCOMPARE(atOnce, static_cast<int>(kConcurrentJobSyncs));
}

// One Job written under jobs: runs exactly as under job:.
void TestManyJobs::oneJobListedIsTheSame_data() {
    QTest::addColumn<std::string>("rest");
    QTest::newRow("defaults") << std::string("runTime: 10\n");
    QTest::newRow("quota, failures, random run time")
        << std::string("cluster: {quota: {pods: 2}}\nrunTime: {distribution: uniform, min: 5, "
                       "max: 15}\nfailures: [{probability: 0.3}]\nseed: 7\n");
    QTest::newRow("small node, actions")
        << std::string("cluster: {nodes: [{pods: 2}]}\nrunTime: 8\n"
                       "actions: [{at: 4, do: suspend}, {at: 20, do: resume}]\n");
}

void TestManyJobs::oneJobListedIsTheSame() {
    QFETCH(std::string, rest);
    const std::string job = jobYaml("solo", "completions: 5, parallelism: 3, backoffLimit: 10");
    const Scenario single = read("job: " + job + "\n" + rest);
    const Scenario listed = read("jobs:\n- job: " + job + "\n" + rest);
    QCOMPARE(single.jobs.size(), std::size_t(1));
    QCOMPARE(listed.jobs.size(), std::size_t(1));
    const Timeline a = simulate(single);
    const Timeline b = simulate(listed);
    QVERIFY(!a.podChanges.empty());
    QCOMPARE(dump(b), dump(a));
    const std::vector<Timeline> all = simulateJobs(listed);
    QCOMPARE(all.size(), std::size_t(1));
    QCOMPARE(dump(all.front()), dump(a));
}

void TestManyJobs::readerErrors_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QString>("expected"); // LINE:COL: message start, '|' between errors
    const std::string a = jobYaml("a", "");
    QTest::newRow("duplicate names")
        << "jobs:\n- job: " + a + "\n- job: " + a + "\n"
        << "3:8: jobs.job.metadata.name: Duplicate value: \"a\" (the Job of line 2)";
    QTest::newRow("negative startAt")
        << "jobs:\n- job: " + a + "\n  startAt: -3\n"
        << "3:12: jobs[0].startAt: Invalid value: \"-3\": must be greater than or equal to 0";
    QTest::newRow("startAt not a duration") << "jobs:\n- job: " + a + "\n  startAt: soon\n"
                                            << "3:12: jobs[0].startAt: Invalid value: \"soon\"";
    QTest::newRow("unknown key in an item")
        << "jobs:\n- job: " + a + "\n  startAtt: 3\n"
        << "3:3: jobs[0].startAtt: unknown field \"startAtt\" (did you mean \"startAt\"?)";
    QTest::newRow("job and jobs") << "job: " + a + "\njobs:\n- job: " + jobYaml("b", "") + "\n"
                                  << "2:1: jobs: the scenario has its Job under job: (line 1)";
    QTest::newRow("item without a job")
        << std::string("jobs:\n- startAt: 3\n") << "2:3: jobs[0].job: Required value";
    QTest::newRow("empty list") << std::string("jobs: []\n") << "1:1: jobs: Required value";
    QTest::newRow("replicas count 0")
        << "job: " + a + "\nreplicas: {count: 0}\n"
        << "2:19: replicas.count: Invalid value: 0: must be between 1 and 10000";
    QTest::newRow("replicas unknown key")
        << "job: " + a + "\nreplicas: {count: 2, startEvry: 1}\n"
        << "2:22: replicas.startEvry: unknown field \"startEvry\" (did you mean \"startEvery\"?)";
    QTest::newRow("replicas with jobs") << "jobs:\n- job: " + a + "\nreplicas: {count: 2}\n"
                                        << "3:1: replicas: repeats the Job under job:";
}

void TestManyJobs::readerErrors() {
    QFETCH(std::string, text);
    QFETCH(QString, expected);
    Diagnostics diagnostics;
    auto scenario = readScenarioText(text, "bad.yaml", diagnostics);
    QVERIFY(!scenario.has_value());
    QStringList errors;
    for (const Diagnostic& d : diagnostics.items())
        if (d.severity == Severity::Error)
            errors << QString("%1:%2: %3")
                          .arg(d.position.line)
                          .arg(d.position.column)
                          .arg(QString::fromStdString(d.message));
    const QStringList wanted = expected.split('|');
    QVERIFY2(errors.size() == wanted.size(), qPrintable(errors.join('\n')));
    for (qsizetype i = 0; i < wanted.size(); ++i)
        QVERIFY2(errors[i].startsWith(wanted[i]), qPrintable(errors[i] + "\n  vs " + wanted[i]));
}

// An item's Job may name a manifest file (relative to the scenario); its errors name the item.
void TestManyJobs::jobFromFile() {
    const std::string file = (test::testDataDir() + "/scenarios/many.yaml").toStdString();
    Diagnostics diagnostics;
    auto scenario =
        readScenarioText("jobs:\n- job: {path: manifests/shards.yaml}\n- job: " + jobYaml("b", "") +
                             "\n  startAt: 2m\n",
                         file, diagnostics);
    QVERIFY2(scenario.has_value(), diagnostics.format().c_str());
    QCOMPARE(scenario->jobs.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(scenario->job.metadata.name), QStringLiteral("shards"));
    QVERIFY(QString::fromStdString(scenario->jobFile).endsWith("manifests/shards.yaml"));
    QCOMPARE(scenario->jobs[1].startAt, 120.0);
    QVERIFY(scenario->jobs[1].jobFile.empty());

    Diagnostics missing;
    QVERIFY(!readScenarioText("jobs:\n- job: {path: nowhere.yaml}\n", file, missing));
    QVERIFY2(missing.format().find("2:15: error: jobs[0].job.path: Not found") != std::string::npos,
             missing.format().c_str());
}

// An action about the first Job before that Job is created finds no Job: it changes nothing.
void TestManyJobs::actionBeforeCreation() {
    const Scenario scenario = read("jobs:\n- job: " + jobYaml("late", "completions: 2") +
                                   "\n  startAt: 5\nactions: [{at: 1, do: suspend}]\nrunTime: 3\n");
    const std::vector<Timeline> timelines = simulateJobs(scenario);
    QCOMPARE(timelines.size(), std::size_t(1));
    const Timeline& tl = timelines.front();
    QCOMPARE(tl.start, 5.0);
    QVERIFY(!tl.jobChanges.empty());
    QCOMPARE(tl.jobChanges.front().time, 5.0);
    for (const auto& o : tl.jobChanges)
        QVERIFY(!o.spec.suspend.value_or(false));
    QVERIFY(completed(tl));
}

QTEST_APPLESS_MAIN(TestManyJobs)
#include "tst_many_jobs.moc"
