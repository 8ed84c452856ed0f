// SPDX-License-Identifier: GPL-3.0-or-later
// The analysis against the simulator (sim/simulator.h): the simulator records what the
// controller wanted at each of its syncs (Timeline::syncs, which a live timeline lacks); the
// analysis, reading only the observations, must arrive at the same wantActive at every sync,
// and must show the cause the scenario is built to produce.
//
// Scenarios: the calibrated simulations of four recorded Jobs (resources/examples/real/), and
// variants of recording a with one world change each (failures, a deleted Pod with either
// replacement policy, a lowered parallelism, suspend/resume, a quota, missing permission, a work
// queue).

#include "analysis/analysis.h"
#include "reconcile/explanation.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "support/test_paths.h"

#include <QObject>
#include <QString>
#include <QTest>

#include <algorithm>

using namespace jobscope;

namespace {

Scenario load(const QString& name) {
    Diagnostics diagnostics;
    const QString path = test::sourceDir() + "/resources/examples/real/" + name + ".yaml";
    auto scenario = readScenarioFile(path.toStdString(), diagnostics);
    if (!scenario)
        qFatal("cannot read %s", qPrintable(path));
    return *scenario;
}

ScenarioAction action(Seconds at, ScenarioAction::Kind kind, int64_t value = 0,
                      const std::string& target = {}) {
    ScenarioAction a;
    a.at = at;
    a.kind = kind;
    a.value = value;
    a.target = target;
    return a;
}

// Trace a (completions 10, parallelism 3, Pods of 5 s) changed by `variant`.
Scenario scenario(const QString& variant) {
    if (variant == "a" || variant == "b" || variant == "d" || variant == "e2")
        return load(variant);
    Scenario s = load("a");
    using K = ScenarioAction::Kind;
    if (variant == "failures") {
        // One Pod at a time; the first one fails, so its replacement waits out the 10 s
        // pod-failure backoff (a wave with a success in it would reset the backoff).
        s.job.spec.parallelism = 1;
        s.job.spec.completions = 2;
        FailureRule r;
        r.attempt = 0;
        r.exitCode = 1;
        s.failures.push_back(r);
    } else if (variant == "per-index backoff") {
        // Indexed, backoffLimitPerIndex: index 0 fails once and waits for its own backoff.
        s.job.spec.completionMode = completion_mode::Indexed;
        s.job.spec.backoffLimitPerIndex = 2;
        s.job.spec.parallelism = 2;
        s.job.spec.completions = 2;
        FailureRule r;
        r.index = 0;
        r.attempt = 0;
        r.exitCode = 1;
        s.failures.push_back(r);
    } else if (variant == "random failures") {
        FailureRule r;
        r.probability = 0.4;
        r.exitCode = 1;
        s.failures.push_back(r);
        s.seed = 7;
    } else if (variant == "delete, policy Failed") {
        s.job.spec.podReplacementPolicy = pod_replacement_policy::Failed;
        s.timings.gracefulTermination = 3;
        s.actions.push_back(action(3, K::DeletePod, 0, "oldest"));
    } else if (variant == "delete, policy TerminatingOrFailed") {
        s.timings.gracefulTermination = 3;
        s.actions.push_back(action(3, K::DeletePod, 0, "oldest"));
    } else if (variant == "scale down") {
        s.actions.push_back(action(3, K::SetParallelism, 1));
    } else if (variant == "suspend and resume") {
        s.actions.push_back(action(3, K::Suspend));
        s.actions.push_back(action(12, K::Resume));
    } else if (variant == "suspend as Pods succeed") {
        // The first three Pods succeed at 6.29 s; the suspension at 6.28 s has the controller
        // delete them as active, finalizers first, so their successes are never counted and
        // 13 Pods make the 10 completions.
        s.actions.push_back(action(6.28, K::Suspend));
        s.actions.push_back(action(12, K::Resume));
    } else if (variant == "quota") {
        s.quotaPods = 1;
    } else if (variant == "forbidden") {
        s.createForbidden = true;
        s.actions.push_back(action(4, K::AllowCreate, 1));
    } else if (variant == "work queue") {
        s.job.spec.completions.reset();
        s.workQueue = WorkQueue{12, Duration{Duration::Kind::Fixed, 2.0, 0, 0, 0, 0, {}}};
    } else if (variant == "pending on a full node") {
        s.nodes = {NodeSpec{"small", 2, std::nullopt, std::nullopt}};
    } else {
        qFatal("unknown variant %s", qPrintable(variant));
    }
    return s;
}

const SeriesRow* rowAt(const Analysis& a, Seconds t) {
    auto it = std::upper_bound(a.series.begin(), a.series.end(), t,
                               [](Seconds v, const SeriesRow& r) { return v < r.time; });
    return it == a.series.begin() ? nullptr : &*(it - 1);
}

} // namespace

class TestAnalysisSim : public QObject {
    Q_OBJECT

private slots:
    void agreesWithSimulator_data();
    void agreesWithSimulator();
    void quotaNeverExceeded();
};

void TestAnalysisSim::agreesWithSimulator_data() {
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("cause"); // a cause the analysis must find

    QTest::newRow("trace a: fixed completions") << "a"
                                                << "remaining-completions";
    QTest::newRow("trace b: work queue") << "b"
                                         << "work-queue-draining";
    QTest::newRow("trace d: quota") << "d"
                                    << "quota-exceeded";
    QTest::newRow("trace e2: suspend, resume") << "e2"
                                               << "suspended";
    QTest::newRow("first Pod fails") << "failures"
                                     << "failure-backoff";
    QTest::newRow("random failures") << "random failures"
                                     << "remaining-completions";
    QTest::newRow("per-index backoff") << "per-index backoff"
                                       << "failure-backoff";
    QTest::newRow("delete, policy Failed") << "delete, policy Failed"
                                           << "terminating";
    QTest::newRow("delete, policy TerminatingOrFailed") << "delete, policy TerminatingOrFailed"
                                                        << "terminating";
    QTest::newRow("scale down") << "scale down"
                                << "scaled-down";
    QTest::newRow("suspend and resume") << "suspend and resume"
                                        << "suspended";
    QTest::newRow("suspend as Pods succeed: their successes are lost") << "suspend as Pods succeed"
                                                                       << "suspended";
    QTest::newRow("quota of 1") << "quota"
                                << "quota-exceeded";
    QTest::newRow("forbidden, then allowed") << "forbidden"
                                             << "creation-forbidden";
    QTest::newRow("work queue") << "work queue"
                                << "work-queue-draining";
    QTest::newRow("pending on a full node") << "pending on a full node"
                                            << "pending";
    QTest::newRow("controller lag after each wave") << "a"
                                                    << "controller-lag";
    QTest::newRow("finished") << "a"
                              << "finished";
}

void TestAnalysisSim::agreesWithSimulator() {
    QFETCH(QString, variant);
    QFETCH(QString, cause);
    const Timeline tl = simulate(scenario(variant));
    QVERIFY(!tl.syncs.empty());
    Timeline observed = tl;
    observed.syncs.clear(); // as a live timeline: the analysis must not need them
    const Analysis a = analyze(observed);
    QVERIFY(!a.series.empty());

    // At each sync, the analysis's wantActive (the row in force at that moment, i.e. before
    // the sync's own writes are observed) is what the controller wanted.
    int mismatches = 0;
    QString first;
    for (const ControllerSync& s : tl.syncs) {
        const SeriesRow* row = rowAt(a, s.time);
        const int32_t want = row ? row->wantActive : -1;
        if (want != s.wantActive && ++mismatches == 1)
            first = QString("sync at %1 wanted %2, analysis says %3")
                        .arg(s.time, 0, 'f', 3)
                        .arg(s.wantActive)
                        .arg(want);
    }
    QVERIFY2(mismatches == 0, qPrintable(QString("%1 of %2 syncs differ; first: %3")
                                             .arg(mismatches)
                                             .arg(tl.syncs.size())
                                             .arg(first)));

    const bool found = std::any_of(a.causes.begin(), a.causes.end(), [&](const CauseInterval& c) {
        return c.cause == cause.toStdString();
    });
    QVERIFY2(found, qPrintable("no " + cause + " interval"));
    // The series ends finished for every variant (each scenario runs to completion).
    QCOMPARE(a.series.back().causes.front(), std::string(cause::Finished));
}

// Trace d: a quota of 2 Pods — the active count never exceeds it, and while the quota is full
// and more Pods are wanted, quota-exceeded is the primary cause (all but the few milliseconds
// between a wave's creates and the refusal event that follows them).
void TestAnalysisSim::quotaNeverExceeded() {
    const Analysis a = analyze(simulate(scenario("d")));
    Seconds full = 0;
    Seconds named = 0;
    for (size_t i = 0; i + 1 < a.series.size(); ++i) {
        const SeriesRow& r = a.series[i];
        QVERIFY(r.active + r.terminating <= 2);
        if (r.active == 2 && r.wantActive > 2) {
            const Seconds span = a.series[i + 1].time - r.time;
            full += span;
            if (r.causes.front() == cause::QuotaExceeded)
                named += span;
        }
    }
    QVERIFY(full > 10);
    QVERIFY2(named >= 0.99 * full, qPrintable(QString("%1 of %2 s").arg(named).arg(full)));
    for (const CauseInterval& c : a.causes)
        if (c.cause == cause::QuotaExceeded)
            QCOMPARE(c.param("quota"), std::optional<double>(2));
}

QTEST_GUILESS_MAIN(TestAnalysisSim)
#include "tst_analysis_sim.moc"
