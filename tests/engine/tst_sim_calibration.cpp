// The simulator against a real control plane: the scenarios in resources/examples/real/ are
// simulated and compared with what the recordings in tests/data/recordings saw — Pod creation
// waves, the counting of finished Pods (the succeeded counter moving ~1 s after the Pods end),
// quota refusals and their retries, suspend / resume and the completion time — each within 0.5 s.
// Times on both sides are seconds after the Job's creation (in a trace: its ADDED watch event).

#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "support/test_paths.h"

#include <QtTest>

#include <yaml-cpp/yaml.h>

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
    int succeeded = 0;
    for (const auto& [t, e] : jobs) {
        const YAML::Node status = e["object"]["status"];
        const int s = status && status["succeeded"] ? status["succeeded"].as<int>() : 0;
        if (s != succeeded) {
            succeeded = s;
            f.succeededChanges.emplace_back(t - t0, s);
        }
        if (!f.suspendedAt && conditionIs(status, "Suspended", "True"))
            f.suspendedAt = t - t0;
        if (!f.resumedAt && conditionIs(status, "Suspended", "False"))
            f.resumedAt = t - t0;
        if (!f.completeAt && conditionIs(status, "Complete", "True"))
            f.completeAt = t - t0;
    }
    for (const auto& [t, e] : readWatch(dir + "/watch-pods.jsonl"))
        if (e["type"].as<std::string>() == "ADDED" && t >= t0)
            f.podCreations.push_back(t - t0);
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
    int succeeded = 0;
    for (const auto& j : tl.jobChanges) {
        if (j.status.succeeded != succeeded) {
            succeeded = j.status.succeeded;
            f.succeededChanges.emplace_back(j.time, succeeded);
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
        for (const char* t : {"a", "b", "d", "e2"})
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
        QVERIFY(p.recorded.completeAt.has_value());
        compareOptional(p.simulated.completeAt, p.recorded.completeAt, "Complete=True");
    }
};

QTEST_GUILESS_MAIN(TestSimCalibration)
#include "tst_sim_calibration.moc"
