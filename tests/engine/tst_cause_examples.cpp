// SPDX-License-Identifier: GPL-3.0-or-later
// Each example under resources/examples/causes/ exists to show one cause: it is
// simulated, analysed from the observations alone, and the cause its file is named after must be
// the primary cause for some stretch of the timeline.

#include "analysis/analysis.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "support/test_paths.h"

#include <QDir>
#include <QTest>

#include <algorithm>

using namespace jobscope;

class TestCauseExamples : public QObject {
    Q_OBJECT

private slots:
    void showsItsCause_data();
    void showsItsCause();
    // Pods the controller deletes itself (suspend, scale-down) lose the tracking finalizer
    // first and are never its failures: where no Pod failed, nothing may wait in failure
    // backoff (the analysis once counted those deletions as failures after a resume).
    void noFailureBackoffWithoutFailures_data();
    void noFailureBackoffWithoutFailures();
};

void TestCauseExamples::showsItsCause_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("cause");
    const QDir dir(test::sourceDir() + QStringLiteral("/resources/examples/causes"));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 11);
    for (const QString& name : files) {
        QString cause = name.chopped(5);
        // The two terminating examples differ only in the replacement policy.
        if (cause.startsWith(QLatin1String("terminating-")))
            cause = QStringLiteral("terminating");
        QTest::newRow(qPrintable(name)) << dir.filePath(name) << cause;
    }
}

void TestCauseExamples::showsItsCause() {
    QFETCH(QString, file);
    QFETCH(QString, cause);
    Diagnostics diagnostics;
    const std::optional<Scenario> scenario = readScenarioFile(file.toStdString(), diagnostics);
    QVERIFY2(scenario, diagnostics.format().c_str());

    const Analysis analysis = analyze(simulate(*scenario));
    Seconds primaryFor = 0;
    for (const CauseInterval& interval : analysis.causes)
        if (interval.cause == cause.toStdString() && interval.primary)
            primaryFor += interval.end - interval.start;
    const std::string seen = [&] {
        std::string out;
        for (const CauseInterval& interval : analysis.causes)
            out +=
                static_cast<const std::string&>(interval.cause) + (interval.primary ? "* " : " ");
        return out;
    }();
    QVERIFY2(primaryFor > 0, ("never the primary cause; intervals: " + seen).c_str());
}

void TestCauseExamples::noFailureBackoffWithoutFailures_data() {
    QTest::addColumn<QString>("file");
    for (const char* folder : {"causes", "patterns", "tradeoffs"}) {
        const QDir dir(test::sourceDir() + QStringLiteral("/resources/examples/") +
                       QLatin1String(folder));
        for (const QString& name :
             dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(QLatin1String(folder) + QLatin1Char('/') + name))
                << dir.filePath(name);
    }
}

void TestCauseExamples::noFailureBackoffWithoutFailures() {
    QFETCH(QString, file);
    Diagnostics diagnostics;
    const std::optional<Scenario> scenario = readScenarioFile(file.toStdString(), diagnostics);
    QVERIFY2(scenario, diagnostics.format().c_str());
    const Timeline timeline = simulate(*scenario);
    const Analysis analysis = analyze(timeline);
    // What the controller counted as failed (Pods deleted while suspended end in phase Failed
    // too, but are not among these).
    const bool controllerCountedFailures = std::any_of(
        timeline.jobChanges.begin(), timeline.jobChanges.end(), [](const JobObservation& o) {
            const auto& uncounted = o.status.uncountedTerminatedPods;
            return o.status.failed > 0 || (uncounted && !uncounted->failed.empty());
        });
    if (controllerCountedFailures)
        QSKIP("the controller counted failed Pods in this example");
    for (const CauseInterval& interval : analysis.causes)
        QVERIFY2(interval.cause != "failure-backoff",
                 qPrintable(QStringLiteral("failure-backoff at %1 s: %2")
                                .arg(interval.start)
                                .arg(QString::fromStdString(causeSentence(interval)))));
}

QTEST_GUILESS_MAIN(TestCauseExamples)
#include "tst_cause_examples.moc"
