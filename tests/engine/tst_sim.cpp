// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's behaviour: determinism, and the ways the modelled control plane
// makes actual parallelism differ from the requested one — slow start under quota refusals,
// failure back-off, a work queue that stops growing after its first success, terminating Pods
// under both replacement policies, suspend / resume, the active deadline, TTL after finishing
// and node loss. Scenarios are built in code from small manifests.

#include "manifest/manifest.h"
#include "sim/simulator.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>
#include <string>

using namespace jobscope;

namespace {

Job jobFrom(const std::string& spec) {
    const std::string text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: sim\nspec:\n" +
                             spec +
                             "  template:\n    spec:\n      restartPolicy: Never\n"
                             "      containers:\n      - name: main\n        image: busybox\n";
    ManifestImport import = importManifestText(text, "sim.yaml");
    if (!import.ok()) {
        for (const auto& d : import.diagnostics.items())
            qWarning("%s", d.message.c_str());
        qFatal("bad test manifest");
    }
    return import.jobs.front().job;
}

Scenario scenarioFor(const std::string& spec, double runTime = 10) {
    Scenario s;
    s.job = jobFrom(spec);
    s.runTime.value = runTime;
    return s;
}

ScenarioAction action(ScenarioAction::Kind kind, double at, int64_t value = 0,
                      std::string target = {}) {
    ScenarioAction a;
    a.kind = kind;
    a.at = at;
    a.value = value;
    a.target = std::move(target);
    return a;
}

// Everything the Timeline holds, as text, to compare two runs.
std::string dump(const Timeline& tl) {
    std::ostringstream out;
    out.precision(17);
    for (const auto& p : tl.pods)
        out << "pod " << p.name << ' ' << p.uid << ' ' << p.index << ' ' << p.attempt << ' '
            << p.createdAt << '\n';
    for (const auto& o : tl.podChanges)
        out << "change " << o.time << ' ' << o.pod << ' ' << o.state.phase << ' '
            << o.state.nodeName << ' ' << o.state.ready << o.state.tracked
            << o.state.containersStarted << o.state.disruptionTarget << ' '
            << o.state.exitCode.value_or(-1) << ' ' << o.state.deletionTimestamp.value_or(-1) << ' '
            << o.deleted << '\n';
    for (const auto& j : tl.jobChanges)
        out << "job " << j.time << ' ' << j.status.active << ' ' << j.status.succeeded << ' '
            << j.status.failed << ' ' << j.status.conditions.size() << ' ' << j.deleted << '\n';
    for (const auto& e : tl.events)
        out << "event " << e.time << ' ' << e.reason << ' ' << e.message << '\n';
    for (const auto& s : tl.syncs)
        out << "sync " << s.time << ' ' << s.wantActive << ' ' << s.creations << ' ' << s.deletions
            << '\n';
    return out.str();
}

const TimelineEvent* firstEvent(const Timeline& tl, const std::string& reason) {
    for (const auto& e : tl.events)
        if (e.reason == reason)
            return &e;
    return nullptr;
}

int countEvents(const Timeline& tl, const std::string& reason) {
    return static_cast<int>(std::count_if(tl.events.begin(), tl.events.end(),
                                          [&](const auto& e) { return e.reason == reason; }));
}

std::optional<double> conditionTime(const Timeline& tl, const char* type) {
    for (const auto& j : tl.jobChanges)
        for (const auto& c : j.status.conditions)
            if (c.type == type && c.status == "True")
                return j.time;
    return std::nullopt;
}

// The largest number of Pods that were neither Succeeded nor Failed at any moment.
int peakNonTerminal(const Timeline& tl) {
    std::vector<int> terminal(tl.pods.size(), -1); // -1 unseen, 0 alive, 1 terminal / gone
    int alive = 0, peak = 0;
    for (const auto& o : tl.podChanges) {
        const bool isTerminal = o.deleted || o.state.phase == pod_phase::Succeeded ||
                                o.state.phase == pod_phase::Failed;
        int& t = terminal[o.pod];
        if (t == -1 && !isTerminal) {
            ++alive;
            t = 0;
        } else if (t == 0 && isTerminal) {
            --alive;
            t = 1;
        }
        peak = std::max(peak, alive);
    }
    return peak;
}

Seconds finishedAt(const Timeline& tl, uint32_t pod) {
    for (const auto& o : tl.podChanges)
        if (o.pod == pod &&
            (o.state.phase == pod_phase::Failed || o.state.phase == pod_phase::Succeeded))
            return o.time;
    return -1;
}

} // namespace

class TestSim : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameTimeline_data() {
        QTest::addColumn<QString>("distribution");
        QTest::newRow("uniform run times, 20 % failures") << QStringLiteral("uniform");
        QTest::newRow("exponential run times, 20 % failures") << QStringLiteral("exponential");
        QTest::newRow("normal run times, 20 % failures") << QStringLiteral("normal");
    }
    void sameSeedSameTimeline() {
        QFETCH(QString, distribution);
        Scenario s = scenarioFor("  completions: 30\n  parallelism: 5\n  backoffLimit: 100\n");
        if (distribution == QLatin1String("uniform")) {
            s.runTime.kind = Duration::Kind::Uniform;
            s.runTime.min = 2;
            s.runTime.max = 12;
        } else if (distribution == QLatin1String("exponential")) {
            s.runTime.kind = Duration::Kind::Exponential;
            s.runTime.value = 5;
        } else {
            s.runTime.kind = Duration::Kind::Normal;
            s.runTime.mean = 6;
            s.runTime.stddev = 2;
        }
        FailureRule f;
        f.probability = 0.2;
        s.failures.push_back(f);
        s.seed = 42;
        const std::string first = dump(simulate(s));
        const std::string second = dump(simulate(s));
        QCOMPARE(first, second);
        s.seed = 43;
        const std::string other = dump(simulate(s));
        QVERIFY2(first != other, "a different seed gave the same timeline");
    }

    void fixedScenarioIgnoresSeed() {
        // No randomness in use: the seed changes only the generated Pod names and uids.
        Scenario s = scenarioFor("  completions: 4\n  parallelism: 2\n");
        s.seed = 1;
        const Timeline a = simulate(s);
        s.seed = 2;
        const Timeline b = simulate(s);
        QCOMPARE(a.podChanges.size(), b.podChanges.size());
        for (std::size_t i = 0; i < a.podChanges.size(); ++i)
            QCOMPARE(a.podChanges[i].time, b.podChanges[i].time);
    }

    // manageJob sends the creates of a slow-start batch (1, 2, 4, 8, ...) concurrently and
    // waits for the whole batch: one round trip per batch, not per Pod.
    void slowStartBatchesTakeOneRoundTripEach() {
        Scenario s = scenarioFor("  completions: 40\n  parallelism: 40\n", 30);
        s.timings.apiLatency = 0.25;
        const Timeline tl = simulate(s);
        std::map<double, int> createdAt;
        for (const TimelinePod& p : tl.pods)
            ++createdAt[std::round(p.createdAt * 1000) / 1000];
        const std::map<double, int> batches = {{0.25, 1}, {0.5, 2},   {0.75, 4},
                                               {1.0, 8},  {1.25, 16}, {1.5, 9}};
        QCOMPARE(createdAt, batches);
    }

    // A runTime list gives Pods past its end the time of its last entry.
    void runTimeListRepeatsItsLastEntry() {
        Scenario s = scenarioFor("  completions: 4\n  parallelism: 4\n");
        s.runTime.kind = Duration::Kind::PerIndex;
        s.runTime.perIndex = {3, 7};
        const Timeline tl = simulate(s);
        QCOMPARE(tl.pods.size(), std::size_t(4));
        std::vector<double> ran;
        for (uint32_t i = 0; i < tl.pods.size(); ++i) {
            std::optional<double> started;
            for (const auto& o : tl.podChanges)
                if (o.pod == i && o.state.containersStarted && !started)
                    started = o.time;
            QVERIFY(started);
            ran.push_back(std::round((finishedAt(tl, i) - *started) * 1000) / 1000);
        }
        std::sort(ran.begin(), ran.end());
        QCOMPARE(ran, (std::vector<double>{3, 7, 7, 7}));
    }

    // A Pod deleted after binding but before its containers run is stopped by the kubelet in
    // its own time and reported Failed with exit code 143, as a running one is.
    void podDeletedBeforeItRunsFailsWith143() {
        Scenario s = scenarioFor("  completions: 1\n  parallelism: 1\n  backoffLimit: 0\n");
        s.timings.containerStart = 30;
        s.timings.gracefulTermination = 1.0;
        s.stopAt = 60;
        ScenarioAction del = action(ScenarioAction::Kind::DeletePod, 2.0, 0, "oldest");
        s.actions.push_back(del);
        const Timeline tl = simulate(s);
        QVERIFY(!tl.pods.empty());
        std::optional<Seconds> deleting;
        const PodObservation* failed = nullptr;
        for (const auto& o : tl.podChanges) {
            if (o.pod != 0)
                continue;
            if (o.state.deletionTimestamp && !deleting)
                deleting = o.time;
            if (o.state.phase == pod_phase::Failed && !failed)
                failed = &o;
        }
        QVERIFY(deleting);
        QVERIFY(failed);
        QVERIFY(!failed->state.containersStarted);
        QCOMPARE(failed->state.exitCode, std::optional<int32_t>(143));
        QCOMPARE(failed->time - *deleting, 1.0);
    }

    // The API server keeps times in whole seconds, and the controller counts backoffs from
    // them: where in its second the Job was created decides when replacements come.
    void backoffCountsFromTimesCutToTheSecond_data() {
        QTest::addColumn<double>("creationSecond");
        QTest::addColumn<double>("replacementAt");
        // The Pod fails at 3.245 s (2 s run, 0.215 + 1.02 + 0.01 s to start). Created 0.5 s
        // into its second: the failure is at wall second 3.745, cut to 3 (2.5 s on the Job's
        // clock), so the 10 s backoff ends at 12.5 s; the next sync that sees it runs then.
        QTest::newRow("created 0.5 s into its second") << 0.5 << 12.5;
        // Created at a whole second: the failure is cut to 3 s; the backoff ends at 13 s.
        QTest::newRow("created at a whole second") << 0.0 << 13.0;
    }
    void backoffCountsFromTimesCutToTheSecond() {
        QFETCH(double, creationSecond);
        QFETCH(double, replacementAt);
        Scenario s = scenarioFor("  completions: 1\n  parallelism: 1\n", 2);
        s.timings.schedulerDelay = 0.215;
        s.timings.containerStart = 1.02;
        s.timings.creationSecond = creationSecond;
        FailureRule f;
        f.attempt = 0;
        f.exitCode = 1;
        s.failures.push_back(f);
        const Timeline tl = simulate(s);
        QVERIFY(tl.pods.size() >= 2);
        // The container's finishedAt as the API server holds it: a whole wall second.
        std::optional<Seconds> cut;
        for (const auto& o : tl.podChanges)
            if (o.pod == 0 && o.state.finishedAt)
                cut = o.state.finishedAt;
        QVERIFY(cut);
        const double wall = *cut + creationSecond;
        QCOMPARE(wall, std::round(wall));
        QVERIFY2(std::abs(tl.pods[1].createdAt - replacementAt) < 0.05,
                 qPrintable(QString::number(tl.pods[1].createdAt, 'f', 3)));
    }

    void slowStartUnderQuota() {
        // Quota 15: the first sync's slow-start batches 1 + 2 + 4 + 8 are admitted, the next
        // batch (the 5 left) is refused; each retry then tries a single create.
        Scenario s = scenarioFor("  completions: 20\n  parallelism: 20\n", 30);
        s.quotaPods = 15;
        SimulationStats stats;
        const Timeline tl = simulate(s, &stats);
        QVERIFY(!tl.syncs.empty());
        QCOMPARE(tl.syncs.front().creations, 15);
        // The first sync's refusals land together, right after its creates.
        const TimelineEvent* refused = firstEvent(tl, "FailedCreate");
        QVERIFY(refused);
        int firstBatchRefusals = 0;
        for (const auto& e : tl.events)
            if (e.reason == "FailedCreate" && e.time < 0.5)
                ++firstBatchRefusals;
        QCOMPARE(firstBatchRefusals, 5);
        QVERIFY(refused->message.find("exceeded quota") != std::string::npos);
        // Later syncs in the quota's grip refuse one create at a time.
        int later = 0;
        for (const auto& e : tl.events)
            if (e.reason == "FailedCreate" && e.time >= 0.5 && e.time < 30)
                ++later;
        QVERIFY2(later >= 2, "expected retries while the quota was full");
        QVERIFY(peakNonTerminal(tl) <= 15);
        QCOMPARE(stats.stopReason, std::string("finished"));
        QVERIFY(conditionTime(tl, job_condition::Complete).has_value());
    }

    void failureBackoffDelays() {
        // Attempts 0, 1 and 2 fail: the replacements wait 10, 20 and 40 s after the failure
        // (pod-failure back-off) as the controller counts it — from the container's finishedAt
        // cut to the second, so up to 1 s less — plus at most the 1 s batching and API latency.
        Scenario s = scenarioFor("  completions: 1\n  parallelism: 1\n", 2);
        for (int attempt = 0; attempt < 3; ++attempt) {
            FailureRule f;
            f.attempt = attempt;
            f.exitCode = 2;
            s.failures.push_back(f);
        }
        const Timeline tl = simulate(s);
        QCOMPARE(tl.pods.size(), std::size_t(4));
        for (uint32_t i = 0; i < 3; ++i) {
            const Seconds failed = finishedAt(tl, i);
            QVERIFY(failed > 0);
            const Seconds gap = tl.pods[i + 1].createdAt - failed;
            const Seconds expected = 10.0 * (1 << i);
            QVERIFY2(gap > expected - 1 && gap <= expected + 1.5,
                     qPrintable(QStringLiteral("attempt %1: replacement %2 s after the failure")
                                    .arg(i)
                                    .arg(gap)));
        }
        QVERIFY(conditionTime(tl, job_condition::Complete).has_value());
    }

    void backoffLimitExceeded() {
        Scenario s = scenarioFor("  completions: 1\n  parallelism: 1\n  backoffLimit: 1\n", 2);
        FailureRule f;
        s.failures.push_back(f);
        const Timeline tl = simulate(s);
        QVERIFY(conditionTime(tl, job_condition::Failed).has_value());
        QVERIFY(firstEvent(tl, "BackoffLimitExceeded"));
        QCOMPARE(tl.pods.size(), std::size_t(2));
    }

    void workQueueStopsAfterFirstSuccess() {
        // Three workers share 20 items of 2 s; once one finds the queue empty and exits 0, no
        // Pod is created any more, the others finish their items and the Job completes.
        Scenario s = scenarioFor("  parallelism: 3\n");
        s.workQueue = WorkQueue{20, {}};
        s.workQueue->perItem.value = 2;
        // The second Pod fails early: with no success yet, it is replaced (after the 10 s
        // pod-failure back-off), and the replacement takes items too.
        FailureRule f;
        f.attempt = 1;
        f.after = 1;
        s.failures.push_back(f);
        const Timeline tl = simulate(s);
        std::optional<Seconds> firstSuccess;
        for (const auto& o : tl.podChanges)
            if (o.state.phase == pod_phase::Succeeded) {
                firstSuccess = o.time;
                break;
            }
        QVERIFY(firstSuccess);
        QCOMPARE(tl.pods.size(), std::size_t(4)); // 3 workers and one replacement
        for (const auto& p : tl.pods)
            QVERIFY2(p.createdAt < *firstSuccess, "a Pod was created after the first success");
        QVERIFY(conditionTime(tl, job_condition::Complete).has_value());
    }

    void terminatingPods_data() {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<bool>("waitsForFailed");
        QTest::newRow("TerminatingOrFailed replaces at once")
            << QStringLiteral("TerminatingOrFailed") << false;
        QTest::newRow("Failed waits for the Pod to stop") << QStringLiteral("Failed") << true;
    }
    void terminatingPods() {
        QFETCH(QString, policy);
        QFETCH(bool, waitsForFailed);
        Scenario s = scenarioFor("  completions: 2\n  parallelism: 2\n  podReplacementPolicy: " +
                                     policy.toStdString() + "\n",
                                 20);
        s.runTime.value = 60;
        s.timings.gracefulTermination = 25; // within the default 30 s grace period
        s.actions.push_back(action(ScenarioAction::Kind::DeletePod, 5, 0, "oldest"));
        const Timeline tl = simulate(s);
        QCOMPARE(tl.pods.size(), std::size_t(3));
        const Seconds stopped = finishedAt(tl, 0);
        QVERIFY2(std::abs(stopped - 30) < 0.1, qPrintable(QString::number(stopped)));
        const Seconds replaced = tl.pods[2].createdAt;
        if (waitsForFailed)
            QVERIFY2(replaced > stopped, qPrintable(QString::number(replaced)));
        else
            QVERIFY2(replaced > 5 && replaced < stopped, qPrintable(QString::number(replaced)));
        QVERIFY(conditionTime(tl, job_condition::Complete).has_value());
    }

    void suspendAndResume() {
        Scenario s = scenarioFor("  completions: 6\n  parallelism: 3\n", 10);
        s.actions.push_back(action(ScenarioAction::Kind::Suspend, 3));
        s.actions.push_back(action(ScenarioAction::Kind::Resume, 20));
        const Timeline tl = simulate(s);
        QVERIFY(firstEvent(tl, "Suspended"));
        QVERIFY(firstEvent(tl, "Resumed"));
        QCOMPARE(countEvents(tl, "SuccessfulDelete"), 3);
        for (const auto& p : tl.pods)
            QVERIFY2(
                p.createdAt < 3 || p.createdAt >= 20,
                qPrintable(QStringLiteral("Pod created while suspended, at %1").arg(p.createdAt)));
        const auto resumedCreate = std::find_if(tl.pods.begin(), tl.pods.end(),
                                                [](const auto& p) { return p.createdAt >= 20; });
        QVERIFY(resumedCreate != tl.pods.end());
        QVERIFY(resumedCreate->createdAt < 20.2);
        QVERIFY(conditionTime(tl, job_condition::Complete).has_value());
    }

    void activeDeadline() {
        Scenario s =
            scenarioFor("  completions: 3\n  parallelism: 3\n  activeDeadlineSeconds: 5\n", 100);
        const Timeline tl = simulate(s);
        const TimelineEvent* deadline = firstEvent(tl, "DeadlineExceeded");
        QVERIFY(deadline);
        const auto failed = conditionTime(tl, job_condition::Failed);
        QVERIFY(failed);
        // The Pods are deleted at 5 s and stop after the 1 s graceful termination.
        QVERIFY2(*failed >= 5 && *failed < 8, qPrintable(QString::number(*failed)));
        QCOMPARE(countEvents(tl, "SuccessfulDelete"), 3);
    }

    void ttlAfterFinished() {
        Scenario s =
            scenarioFor("  completions: 2\n  parallelism: 2\n  ttlSecondsAfterFinished: 10\n", 3);
        SimulationStats stats;
        const Timeline tl = simulate(s, &stats);
        const auto complete = conditionTime(tl, job_condition::Complete);
        QVERIFY(complete);
        QVERIFY(!tl.jobChanges.empty());
        const JobObservation& last = tl.jobChanges.back();
        QVERIFY(last.deleted);
        QVERIFY2(last.time >= *complete + 10 && last.time < *complete + 11,
                 qPrintable(QString::number(last.time)));
        for (uint32_t i = 0; i < tl.pods.size(); ++i) {
            const auto gone = std::find_if(tl.podChanges.begin(), tl.podChanges.end(),
                                           [&](const auto& o) { return o.pod == i && o.deleted; });
            QVERIFY(gone != tl.podChanges.end());
        }
        QCOMPARE(stats.stopReason, std::string("finished"));
    }

    void nodeLoss() {
        Scenario s = scenarioFor("  completions: 4\n  parallelism: 4\n", 10);
        // The scheduler spreads the Pods over both Nodes.
        s.nodes = {{"node-a", 10, std::nullopt, std::nullopt},
                   {"node-b", 10, std::nullopt, std::nullopt}};
        s.actions.push_back(action(ScenarioAction::Kind::FailNode, 4, 0, "node-a"));
        const Timeline tl = simulate(s);
        int disrupted = 0;
        for (const auto& o : tl.podChanges)
            if (o.state.disruptionTarget && o.state.phase == pod_phase::Failed &&
                o.state.nodeName == "node-a" && std::abs(o.time - 4) < 1e-9)
                ++disrupted;
        QVERIFY(disrupted > 0);
        QCOMPARE(tl.pods.size(), std::size_t(4 + disrupted));
        for (std::size_t i = 4; i < tl.pods.size(); ++i)
            QVERIFY(tl.pods[i].createdAt > 4);
        QVERIFY(conditionTime(tl, job_condition::Complete).has_value());
        QCOMPARE(tl.jobChanges.back().status.failed, disrupted);
    }

    void unschedulableUntilRoomFrees() {
        Scenario s = scenarioFor("  completions: 4\n  parallelism: 4\n", 10);
        s.nodes = {{"small", 2, std::nullopt, std::nullopt}};
        const Timeline tl = simulate(s);
        QCOMPARE(countEvents(tl, "FailedScheduling"), 2);
        QCOMPARE(peakNonTerminal(tl), 4);
        // The two waiting Pods are bound once the first two finish.
        Seconds lastBound = 0;
        for (const auto& o : tl.podChanges)
            if (o.pod >= 2 && !o.state.nodeName.empty()) {
                lastBound = o.time;
                break;
            }
        QVERIFY2(lastBound > finishedAt(tl, 0), qPrintable(QString::number(lastBound)));
        QVERIFY(conditionTime(tl, job_condition::Complete).has_value());
    }

    void deleteJobStops() {
        Scenario s = scenarioFor("  completions: 4\n  parallelism: 2\n", 30);
        s.actions.push_back(action(ScenarioAction::Kind::DeleteJob, 5));
        SimulationStats stats;
        const Timeline tl = simulate(s, &stats);
        QVERIFY(tl.jobChanges.back().deleted);
        QCOMPARE(stats.stopReason, std::string("finished"));
        QVERIFY(stats.end < 10);
    }

    void largeIndexedJobCountsEachIndexOnce() {
        // Syncs that create hundreds of Pods stay busy for seconds; a sync queued meanwhile
        // must wait until the last write (the status) has landed, or it would see Pods already
        // accounted but not the status that counts them, and create duplicates.
        Scenario s = scenarioFor("  completionMode: Indexed\n  completions: 3000\n"
                                 "  parallelism: 600\n  backoffLimit: 100000\n");
        for (int i = 0; i < 6; ++i)
            s.nodes.push_back({"node-" + std::to_string(i), 110, std::nullopt, std::nullopt});
        FailureRule f;
        f.probability = 0.05;
        s.failures.push_back(f);
        SimulationStats stats;
        const Timeline tl = simulate(s, &stats);
        QCOMPARE(stats.stopReason, std::string("finished"));
        std::vector<std::string> lastPhase(tl.pods.size());
        for (const auto& o : tl.podChanges)
            lastPhase[o.pod] = o.state.phase;
        std::vector<int> successes(3000, 0);
        int failed = 0;
        for (std::size_t i = 0; i < tl.pods.size(); ++i) {
            if (lastPhase[i] == pod_phase::Succeeded)
                ++successes[static_cast<std::size_t>(tl.pods[i].index)];
            else if (lastPhase[i] == pod_phase::Failed)
                ++failed;
        }
        for (int n : successes)
            QCOMPARE(n, 1);
        QVERIFY(failed > 0);
        QCOMPARE(tl.jobChanges.back().status.succeeded, 3000);
        QCOMPARE(tl.jobChanges.back().status.failed, failed);
    }

    void uncountedPodsShownBeforeCounters() {
        // As in trace a: a pass that sees Pods finish first writes them to
        // status.uncountedTerminatedPods, removes their finalizers, then moves them into the
        // counters; the Timeline holds both writes, the uncounted one first.
        Scenario s = scenarioFor("  completions: 6\n  parallelism: 3\n", 5);
        const Timeline tl = simulate(s);
        int waves = 0;
        for (std::size_t i = 0; i + 1 < tl.jobChanges.size(); ++i) {
            const JobObservation& interim = tl.jobChanges[i];
            const auto& uncounted = interim.status.uncountedTerminatedPods;
            if (!uncounted || uncounted->succeeded.empty())
                continue;
            ++waves;
            // Every listed uid is one of the Job's Pods, and the next write counts them.
            for (const auto& uid : uncounted->succeeded)
                QVERIFY(std::any_of(tl.pods.begin(), tl.pods.end(),
                                    [&](const TimelinePod& p) { return p.uid == uid; }));
            const JobObservation& counted = tl.jobChanges[i + 1];
            QVERIFY(counted.time > interim.time);
            QCOMPARE(counted.status.succeeded,
                     interim.status.succeeded + static_cast<int32_t>(uncounted->succeeded.size()));
            QVERIFY(!counted.status.uncountedTerminatedPods ||
                    counted.status.uncountedTerminatedPods->succeeded.empty());
        }
        QCOMPARE(waves, 2); // two waves of three Pods
        QCOMPARE(tl.jobChanges.back().status.succeeded, 6);
    }

    void stopAtCapsForbiddenJob() {
        Scenario s = scenarioFor("  completions: 1\n");
        s.createForbidden = true;
        s.stopAt = 200;
        SimulationStats stats;
        const Timeline tl = simulate(s, &stats);
        QCOMPARE(stats.stopReason, std::string("stop-time"));
        QCOMPARE(*tl.end, 200.0);
        QVERIFY(tl.pods.empty());
        const TimelineEvent* refused = firstEvent(tl, "FailedCreate");
        QVERIFY(refused && refused->message.find("forbidden") != std::string::npos);
        // Rate-limited retries: 1, 2, 4, ... 60 s apart, so only a handful in 200 s.
        const int retries = countEvents(tl, "FailedCreate");
        QVERIFY2(retries >= 6 && retries <= 12, qPrintable(QString::number(retries)));
    }
};

QTEST_APPLESS_MAIN(TestSim)
#include "tst_sim.moc"
