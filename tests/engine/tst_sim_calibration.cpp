// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator against a real control plane: the scenarios in resources/examples/real/ are
// simulated and compared with what the recordings in tests/data/recordings saw — Pod creation
// waves, the counting of finished Pods (the succeeded counter moving ~1 s after the Pods end),
// quota refusals and their retries, suspend / resume, every Pod's terminal time, the failed
// counter, the per-index state and every terminal condition — each within 0.5 s.
// Times on both sides are seconds after the Job's creation (in a trace: its ADDED watch event).

#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "support/test_paths.h"

#include <QtTest>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace jobscope;

namespace {

constexpr double kTolerance = 0.5;

struct Facts {
    std::vector<double> podCreations;
    std::vector<std::pair<double, int>> succeededChanges; // time, new status.succeeded
    std::vector<double> failedCreates;
    std::optional<double> suspendedAt; // Suspended=True
    std::optional<double> resumedAt;   // Suspended=False (JobResumed)
    std::optional<double> completeAt;  // Complete=True
    std::vector<double> podTerminals;  // each Pod's first Succeeded / Failed phase, sorted
    std::vector<std::pair<double, int>> failedChanges; // time, new status.failed
    std::map<std::string, double> conditions;          // first time each condition type was True
    std::map<std::string, std::string> reasons;        // its reason then
    std::string failedIndexes, completedIndexes;       // as the Job ended
};

// "2026-11-27T20:27:20.102150+00:00" -> seconds of the day (the recordings stay within a day).
double receiveTime(const std::string& ts) {
    const auto t = ts.find('T');
    const int h = std::stoi(ts.substr(t + 1, 2));
    const int m = std::stoi(ts.substr(t + 4, 2));
    const double s = std::stod(ts.substr(t + 7, 9));
    return h * 3600.0 + m * 60.0 + s;
}

// One watch stream: its lines as (receive time, event) — JSON is YAML, so yaml-cpp reads them.
std::vector<std::pair<double, YAML::Node>> readWatch(const QString& path) {
    std::vector<std::pair<double, YAML::Node>> out;
    std::ifstream in(path.toStdString());
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        const YAML::Node doc = YAML::Load(line);
        out.emplace_back(receiveTime(doc["ts"].as<std::string>()), doc["event"]);
    }
    return out;
}

bool conditionIs(const YAML::Node& status, const std::string& type, const std::string& value) {
    if (!status || !status["conditions"])
        return false;
    for (const auto& c : status["conditions"])
        if (c["type"].as<std::string>() == type && c["status"].as<std::string>() == value)
            return true;
    return false;
}

Facts traceFacts(const QString& dir) {
    Facts f;
    const auto jobs = readWatch(dir + "/watch-jobs.jsonl");
    double t0 = 0;
    for (const auto& [t, e] : jobs)
        if (e["type"].as<std::string>() == "ADDED") {
            t0 = t;
            break;
        }
    int succeeded = 0, failed = 0;
    for (const auto& [t, e] : jobs) {
        const YAML::Node status = e["object"]["status"];
        const int s = status && status["succeeded"] ? status["succeeded"].as<int>() : 0;
        if (s != succeeded) {
            succeeded = s;
            f.succeededChanges.emplace_back(t - t0, s);
        }
        const int fl = status && status["failed"] ? status["failed"].as<int>() : 0;
        if (fl != failed) {
            failed = fl;
            f.failedChanges.emplace_back(t - t0, fl);
        }
        if (status && status["conditions"])
            for (const auto& c : status["conditions"]) {
                const std::string type = c["type"].as<std::string>();
                if (c["status"].as<std::string>() == "True" && !f.conditions.count(type)) {
                    f.conditions[type] = t - t0;
                    f.reasons[type] = c["reason"] ? c["reason"].as<std::string>() : "";
                }
            }
        if (status) {
            f.completedIndexes =
                status["completedIndexes"] ? status["completedIndexes"].as<std::string>() : "";
            f.failedIndexes =
                status["failedIndexes"] ? status["failedIndexes"].as<std::string>() : "";
        }
        if (!f.suspendedAt && conditionIs(status, "Suspended", "True"))
            f.suspendedAt = t - t0;
        if (!f.resumedAt && conditionIs(status, "Suspended", "False"))
            f.resumedAt = t - t0;
        if (!f.completeAt && conditionIs(status, "Complete", "True"))
            f.completeAt = t - t0;
    }
    std::map<std::string, double> terminal;
    for (const auto& [t, e] : readWatch(dir + "/watch-pods.jsonl")) {
        if (e["type"].as<std::string>() == "ADDED" && t >= t0)
            f.podCreations.push_back(t - t0);
        const YAML::Node phase = e["object"]["status"]["phase"];
        const std::string name = e["object"]["metadata"]["name"].as<std::string>();
        if (phase &&
            (phase.as<std::string>() == "Succeeded" || phase.as<std::string>() == "Failed") &&
            !terminal.count(name))
            terminal[name] = t - t0;
    }
    for (const auto& [name, t] : terminal)
        f.podTerminals.push_back(t);
    std::sort(f.podTerminals.begin(), f.podTerminals.end());
    for (const auto& [t, e] : readWatch(dir + "/watch-events.jsonl"))
        if (e["type"].as<std::string>() == "ADDED" &&
            e["object"]["reason"].as<std::string>() == "FailedCreate")
            f.failedCreates.push_back(t - t0);
    std::sort(f.podCreations.begin(), f.podCreations.end());
    return f;
}

bool hasCondition(const JobStatus& status, const char* type, const char* value) {
    for (const auto& c : status.conditions)
        if (c.type == type && c.status == value)
            return true;
    return false;
}

Facts simulatedFacts(const Timeline& tl) {
    Facts f;
    for (const auto& p : tl.pods)
        f.podCreations.push_back(p.createdAt);
    std::sort(f.podCreations.begin(), f.podCreations.end());
    int succeeded = 0, failed = 0;
    for (const auto& j : tl.jobChanges) {
        if (j.status.succeeded != succeeded) {
            succeeded = j.status.succeeded;
            f.succeededChanges.emplace_back(j.time, succeeded);
        }
        if (j.status.failed != failed) {
            failed = j.status.failed;
            f.failedChanges.emplace_back(j.time, failed);
        }
        for (const auto& c : j.status.conditions)
            if (c.status == "True" && !f.conditions.count(c.type)) {
                f.conditions[c.type] = j.time;
                f.reasons[c.type] = c.reason;
            }
        if (!j.deleted) {
            f.completedIndexes = j.status.completedIndexes;
            f.failedIndexes = j.status.failedIndexes.value_or("");
        }
        if (!f.suspendedAt && hasCondition(j.status, job_condition::Suspended, "True"))
            f.suspendedAt = j.time;
        if (!f.resumedAt && hasCondition(j.status, job_condition::Suspended, "False"))
            f.resumedAt = j.time;
        if (!f.completeAt && hasCondition(j.status, job_condition::Complete, "True"))
            f.completeAt = j.time;
    }
    for (const auto& e : tl.events)
        if (e.reason == "FailedCreate")
            f.failedCreates.push_back(e.time);
    std::vector<bool> seen(tl.pods.size(), false);
    for (const auto& o : tl.podChanges)
        if (!seen[o.pod] &&
            (o.state.phase == pod_phase::Succeeded || o.state.phase == pod_phase::Failed)) {
            seen[o.pod] = true;
            f.podTerminals.push_back(o.time);
        }
    std::sort(f.podTerminals.begin(), f.podTerminals.end());
    return f;
}

QString list(const std::vector<double>& v) {
    QStringList parts;
    for (double x : v)
        parts << QString::number(x, 'f', 3);
    return parts.join(QStringLiteral(", "));
}

void compareTimes(const std::vector<double>& sim, const std::vector<double>& real,
                  const char* what) {
    const QString detail = QStringLiteral("%1: simulated [%2], recorded [%3]")
                               .arg(QString::fromLatin1(what), list(sim), list(real));
    QVERIFY2(sim.size() == real.size(), qPrintable(detail));
    for (std::size_t i = 0; i < sim.size(); ++i)
        QVERIFY2(std::abs(sim[i] - real[i]) <= kTolerance, qPrintable(detail));
}

void compareOptional(std::optional<double> sim, std::optional<double> real, const char* what) {
    const QString detail = QStringLiteral("%1: simulated %2, recorded %3")
                               .arg(QString::fromLatin1(what),
                                    sim ? QString::number(*sim, 'f', 3) : QStringLiteral("none"),
                                    real ? QString::number(*real, 'f', 3) : QStringLiteral("none"));
    QVERIFY2(sim.has_value() == real.has_value(), qPrintable(detail));
    if (sim)
        QVERIFY2(std::abs(*sim - *real) <= kTolerance, qPrintable(detail));
}

} // namespace

class TestSimCalibration : public QObject {
    Q_OBJECT

    struct Pair {
        Facts simulated;
        Facts recorded;
    };
    std::map<QString, Pair> cache_;

    const Pair& facts(const QString& trace) {
        auto it = cache_.find(trace);
        if (it != cache_.end())
            return it->second;
        const QString scenarioPath =
            test::sourceDir() + QStringLiteral("/resources/examples/real/%1.yaml").arg(trace);
        Diagnostics diagnostics;
        auto scenario = readScenarioFile(scenarioPath.toStdString(), diagnostics);
        Pair pair;
        if (scenario) {
            SimulationStats stats;
            const Timeline tl = simulate(*scenario, &stats);
            pair.simulated = simulatedFacts(tl);
        } else {
            for (const auto& d : diagnostics.items())
                qWarning("%s", d.message.c_str());
        }
        pair.recorded = traceFacts(test::recordingsDir() + QLatin1Char('/') + trace);
        return cache_.emplace(trace, std::move(pair)).first->second;
    }

    static void traces() {
        QTest::addColumn<QString>("trace");
        for (const char* t : {"a", "b", "c1", "d", "e2", "f"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }

private slots:
    void scenarioFilesRead_data() { traces(); }
    void scenarioFilesRead() {
        QFETCH(QString, trace);
        Diagnostics diagnostics;
        const QString path =
            test::sourceDir() + QStringLiteral("/resources/examples/real/%1.yaml").arg(trace);
        const auto scenario = readScenarioFile(path.toStdString(), diagnostics);
        QString messages;
        for (const auto& d : diagnostics.items())
            messages += QString::fromStdString(d.message) + QLatin1Char('\n');
        QVERIFY2(scenario.has_value(), qPrintable(messages));
        SimulationStats stats;
        simulate(*scenario, &stats);
        QCOMPARE(QString::fromStdString(stats.stopReason), QStringLiteral("finished"));
    }

    void podCreationWaves_data() { traces(); }
    void podCreationWaves() {
        QFETCH(QString, trace);
        const Pair& p = facts(trace);
        QVERIFY(!p.recorded.podCreations.empty());
        compareTimes(p.simulated.podCreations, p.recorded.podCreations, "Pod creations");
    }

    void countingAfterPodsEnd_data() { traces(); }
    void countingAfterPodsEnd() {
        QFETCH(QString, trace);
        const Pair& p = facts(trace);
        QVERIFY(!p.recorded.succeededChanges.empty());
        std::vector<double> sim, real;
        QString values;
        for (const auto& [t, v] : p.simulated.succeededChanges) {
            sim.push_back(t);
            values += QString::number(v) + QLatin1Char(' ');
        }
        values += QStringLiteral("/ ");
        for (const auto& [t, v] : p.recorded.succeededChanges) {
            real.push_back(t);
            values += QString::number(v) + QLatin1Char(' ');
        }
        compareTimes(sim, real, "status.succeeded changes");
        for (std::size_t i = 0; i < sim.size(); ++i)
            QVERIFY2(p.simulated.succeededChanges[i].second ==
                         p.recorded.succeededChanges[i].second,
                     qPrintable(values));
    }

    void quotaRefusalsAndRetries_data() { traces(); }
    void quotaRefusalsAndRetries() {
        QFETCH(QString, trace);
        const Pair& p = facts(trace);
        if (trace == QLatin1String("d"))
            QCOMPARE(p.recorded.failedCreates.size(), std::size_t(8));
        compareTimes(p.simulated.failedCreates, p.recorded.failedCreates, "FailedCreate events");
    }

    void suspendAndResume_data() { traces(); }
    void suspendAndResume() {
        QFETCH(QString, trace);
        const Pair& p = facts(trace);
        if (trace == QLatin1String("e2")) {
            QVERIFY(p.recorded.suspendedAt && p.recorded.resumedAt);
        }
        compareOptional(p.simulated.suspendedAt, p.recorded.suspendedAt, "Suspended=True");
        compareOptional(p.simulated.resumedAt, p.recorded.resumedAt, "Suspended=False");
    }

    void completionTime_data() { traces(); }
    void completionTime() {
        QFETCH(QString, trace);
        const Pair& p = facts(trace);
        if (trace == QLatin1String("f")) {
            QVERIFY(!p.recorded.completeAt.has_value()); // it failed
            return;
        }
        QVERIFY(p.recorded.completeAt.has_value());
        compareOptional(p.simulated.completeAt, p.recorded.completeAt, "Complete=True");
    }

    void podTerminalTimes_data() { traces(); }
    void podTerminalTimes() {
        QFETCH(QString, trace);
        const Pair& p = facts(trace);
        QVERIFY(!p.recorded.podTerminals.empty());
        compareTimes(p.simulated.podTerminals, p.recorded.podTerminals, "Pods ending");
    }

    void failedCounting_data() { traces(); }
    void failedCounting() {
        QFETCH(QString, trace);
        const Pair& p = facts(trace);
        std::vector<double> sim, real;
        for (const auto& [t, v] : p.simulated.failedChanges)
            sim.push_back(t);
        for (const auto& [t, v] : p.recorded.failedChanges)
            real.push_back(t);
        compareTimes(sim, real, "status.failed changes");
        for (std::size_t i = 0; i < sim.size(); ++i)
            QCOMPARE(p.simulated.failedChanges[i].second, p.recorded.failedChanges[i].second);
    }

    // Every condition the Job reached (FailureTarget, SuccessCriteriaMet, Complete, Failed),
    // when and why, and the indexes it ended with.
    void conditionsAndIndexes_data() { traces(); }
    void conditionsAndIndexes() {
        QFETCH(QString, trace);
        const Pair& p = facts(trace);
        QVERIFY(!p.recorded.conditions.empty());
        QStringList simTypes, realTypes;
        for (const auto& [type, t] : p.simulated.conditions)
            simTypes << QString::fromStdString(type);
        for (const auto& [type, t] : p.recorded.conditions)
            realTypes << QString::fromStdString(type);
        QCOMPARE(simTypes, realTypes);
        for (const auto& [type, t] : p.recorded.conditions) {
            compareOptional(p.simulated.conditions.at(type), t, type.c_str());
            QCOMPARE(p.simulated.reasons.at(type), p.recorded.reasons.at(type));
        }
        QCOMPARE(p.simulated.completedIndexes, p.recorded.completedIndexes);
        QCOMPARE(p.simulated.failedIndexes, p.recorded.failedIndexes);
    }
};

QTEST_GUILESS_MAIN(TestSimCalibration)
#include "tst_sim_calibration.moc"
