// SPDX-License-Identifier: GPL-3.0-or-later
// Scenarios with several Jobs (jobs:, replicas:): read from YAML, run in one world sharing the
// Nodes, the namespace's Pod quota and the controller's sync workers, one Timeline per Job.

#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "support/scenario_text.h"
#include "support/test_paths.h"

#include <QtTest>

#include <algorithm>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace jobscope;
using jobscope::test::jobYaml;
using jobscope::test::readScenarioOrDie;

namespace {

bool isTerminal(const PodObservation& o) {
    return o.deleted || o.state.phase == pod_phase::Succeeded || o.state.phase == pod_phase::Failed;
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

// dump() of what happened up to `until`, without where the simulation stopped: that is the
// same for every Job (it stops once all are done), so an action on one Job moves it for all.
std::string storyUntil(const Timeline& tl, Seconds until) {
    Timeline copy = tl;
    copy.end.reset();
    auto after = [until](const auto& record) { return record.time > until; };
    std::erase_if(copy.podChanges, after);
    std::erase_if(copy.jobChanges, after);
    std::erase_if(copy.events, after);
    std::erase_if(copy.syncs, after);
    return dump(copy);
}

bool deletedPod(const Timeline& tl, int index) {
    for (const auto& o : tl.podChanges)
        if (o.deleted && (index < 0 || tl.pods[o.pod].index == index))
            return true;
    return false;
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
    void actionOnNamedJob_data();
    void actionOnNamedJob();
    void actionNamingTheFirstJob();
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
    const Scenario scenario = readScenarioOrDie(
        "jobs:\n- job: " + jobYaml("a", "completions: 3, parallelism: 2") +
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
    const Scenario scenario =
        readScenarioOrDie("job: " + jobYaml("batch", "completions: 2, parallelism: 1") +
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
    const Scenario scenario = readScenarioOrDie(
        "jobs:\n- job: " + jobYaml("first", "") + "\n- job: " + jobYaml("second", "") +
        "\n  startAt: 1\ncluster: {nodes: [{pods: 1}]}\nrunTime: 10\n");
    const std::vector<Timeline> timelines = simulateJobs(scenario);
    QCOMPARE(timelines.size(), std::size_t(2));
    QVERIFY(completed(timelines[0]));
    QVERIFY(completed(timelines[1]));
    Seconds firstDone = -1;
    for (const auto& o : timelines[0].podChanges)
        if (firstDone < 0 && o.state.phase == pod_phase::Succeeded)
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
        readScenarioOrDie("job: " + jobYaml("w", "") + "\nreplicas: {count: 8}\nrunTime: 5\n");
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
    const Scenario single = readScenarioOrDie("job: " + job + "\n" + rest);
    const Scenario listed = readScenarioOrDie("jobs:\n- job: " + job + "\n" + rest);
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
    const std::string two = "jobs:\n- job: " + a + "\n- job: " + jobYaml("b", "") + "\n";
    QTest::newRow("action on an unknown Job")
        << two + "actions:\n- {at: 3, do: suspend, job: nightly}\n"
        << "5:29: actions[0].job: Not found: \"nightly\": the scenario has no such Job; its "
           "Jobs: a, b";
    QTest::newRow("action on an unknown Job, did you mean")
        << "job: " + jobYaml("item", "") +
               "\nreplicas: {count: 12}\nactions:\n- {at: 3, do: deletePod, pod: oldest, "
               "job: item-3x}\n"
        << "4:44: actions[0].job: Not found: \"item-3x\": the scenario has no such Job; its "
           "Jobs: item-0, item-1, item-2 and 9 more (did you mean \"item-3\"?)";
    QTest::newRow("job on setQuota")
        << two + "actions:\n- {at: 3, do: setQuota, pods: 2, job: b}\n"
        << "5:34: actions[0].job: Forbidden: setQuota acts on the cluster that every Job "
           "shares, not on one Job";
    QTest::newRow("job on failNode, forbidCreate")
        << two + "actions:\n- {at: 3, do: failNode, node: node-1, job: a}\n"
                 "- {at: 4, do: forbidCreate, job: b}\n"
        << "5:39: actions[0].job: Forbidden: failNode acts|6:29: actions[1].job: Forbidden: "
           "forbidCreate acts";
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

// An action with `job: NAME` acts on that Job only: the other Job's story is the one of the
// run without the action, and the named Job shows the change.
void TestManyJobs::actionOnNamedJob_data() {
    QTest::addColumn<std::string>("second"); // b's spec
    QTest::addColumn<std::string>("action");
    QTest::addColumn<QString>("effect");
    QTest::newRow("suspend") << std::string("completions: 2") << std::string("do: suspend")
                             << "suspended";
    QTest::newRow("resume") << std::string("completions: 2, suspend: true")
                            << std::string("do: resume") << "resumed";
    QTest::newRow("setParallelism")
        << std::string("completions: 4, parallelism: 1")
        << std::string("do: setParallelism, parallelism: 3") << "parallelism 3";
    QTest::newRow("deletePod oldest") << std::string("completions: 2, parallelism: 2")
                                      << std::string("do: deletePod, pod: oldest") << "pod deleted";
    QTest::newRow("deletePod newest") << std::string("completions: 2, parallelism: 2")
                                      << std::string("do: deletePod, pod: newest") << "pod deleted";
    QTest::newRow("deletePod index")
        << std::string("completions: 3, parallelism: 3, completionMode: Indexed")
        << std::string("do: deletePod, index: 1") << "pod 1 deleted";
    QTest::newRow("deleteJob") << std::string("completions: 2") << std::string("do: deleteJob")
                               << "deleted";
}

void TestManyJobs::actionOnNamedJob() {
    QFETCH(std::string, second);
    QFETCH(std::string, action);
    QFETCH(QString, effect);
    // a creates all its Pods at once, before the action: nothing b does shifts its random
    // draws, and the default node has room for both.
    const std::string jobs = "jobs:\n- job: " + jobYaml("a", "completions: 2, parallelism: 2") +
                             "\n- job: " + jobYaml("b", second) + "\nrunTime: 10\n";
    const std::vector<Timeline> without = simulateJobs(readScenarioOrDie(jobs));
    const Scenario scenario =
        readScenarioOrDie(jobs + "actions: [{at: 3, " + action + ", job: b}]\n");
    QCOMPARE(scenario.actions.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(scenario.actions.front().job), QStringLiteral("b"));
    const std::vector<Timeline> with = simulateJobs(scenario);
    QCOMPARE(with.size(), std::size_t(2));
    const Seconds until = std::min(with[0].end.value_or(0), without[0].end.value_or(0));
    QVERIFY(until > 12); // past a's completion
    QCOMPARE(storyUntil(with[0], until), storyUntil(without[0], until));
    QVERIFY(completed(with[0]));
    QVERIFY(!deletedPod(with[0], -1));
    for (const auto& o : with[0].jobChanges) {
        QVERIFY(!o.spec.suspend.value_or(false));
        QCOMPARE(o.spec.parallelism.value_or(-1), 2);
        QVERIFY(!o.deleted);
    }

    const Timeline& b = with[1];
    QVERIFY(dump(b) != dump(without[1]));
    QVERIFY(!b.jobChanges.empty());
    const JobObservation& last = b.jobChanges.back();
    if (effect == "suspended") {
        QVERIFY(last.spec.suspend.value_or(false));
        QVERIFY(!completed(b));
        QVERIFY(completed(without[1]));
    } else if (effect == "resumed") {
        QVERIFY(!last.spec.suspend.value_or(true));
        QVERIFY(completed(b));
        QVERIFY(!b.pods.empty());
        QVERIFY(b.pods.front().createdAt >= 3);
        QVERIFY(without[1].pods.empty());
    } else if (effect == "parallelism 3") {
        QCOMPARE(last.spec.parallelism.value_or(-1), 3);
        QVERIFY(completed(b));
        QVERIFY(b.end < without[1].end);
    } else if (effect == "pod deleted") {
        QVERIFY(deletedPod(b, -1));
        QVERIFY(!deletedPod(without[1], -1));
        QVERIFY(completed(b));
        QCOMPARE(b.pods.size(), std::size_t(3)); // the deleted one's replacement
    } else if (effect == "pod 1 deleted") {
        QVERIFY(deletedPod(b, 1));
        QVERIFY(!deletedPod(b, 0));
        QVERIFY(!deletedPod(b, 2));
        QVERIFY(completed(b));
    } else if (effect == "deleted") {
        QVERIFY(last.deleted);
        QCOMPARE(last.time, 3.0);
        QVERIFY(!completed(b));
    } else {
        QFAIL(qPrintable("unknown effect " + effect));
    }
}

// `job:` naming the first Job is the default, and an action on a Job before its creation finds
// no Job, as for the first Job (actionBeforeCreation).
void TestManyJobs::actionNamingTheFirstJob() {
    const std::string jobs = "jobs:\n- job: " + jobYaml("a", "completions: 2") +
                             "\n- job: " + jobYaml("b", "completions: 2") +
                             "\n  startAt: 5\nrunTime: 3\n";
    const std::vector<Timeline> unnamed = simulateJobs(
        readScenarioOrDie(jobs + "actions: [{at: 2, do: suspend}, {at: 4, do: resume}]\n"));
    const std::vector<Timeline> named = simulateJobs(readScenarioOrDie(
        jobs + "actions: [{at: 2, do: suspend, job: a}, {at: 4, do: resume, job: a}]\n"));
    QCOMPARE(named.size(), std::size_t(2));
    QCOMPARE(dump(named[0]), dump(unnamed[0]));
    QCOMPARE(dump(named[1]), dump(unnamed[1]));
    bool suspended = false;
    for (const auto& o : named[0].jobChanges)
        suspended = suspended || o.spec.suspend.value_or(false);
    QVERIFY(suspended);

    const std::vector<Timeline> early =
        simulateJobs(readScenarioOrDie(jobs + "actions: [{at: 1, do: suspend, job: b}]\n"));
    const std::vector<Timeline> none = simulateJobs(readScenarioOrDie(jobs));
    QCOMPARE(dump(early[0]), dump(none[0]));
    QCOMPARE(dump(early[1]), dump(none[1]));
    for (const auto& o : early[1].jobChanges)
        QVERIFY(!o.spec.suspend.value_or(false));
    QVERIFY(completed(early[1]));
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
    const Scenario scenario =
        readScenarioOrDie("jobs:\n- job: " + jobYaml("late", "completions: 2") +
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
