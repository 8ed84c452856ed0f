// Each example under resources/examples/causes/ exists to show one cause (DESIGN.md §5): it is
// simulated, analysed from the observations alone, and the cause its file is named after must be
// the primary cause for some stretch of the timeline.

#include "analysis/analysis.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "support/test_paths.h"

#include <QDir>
#include <QTest>

using namespace jobscope;

class TestCauseExamples : public QObject {
    Q_OBJECT

private slots:
    void showsItsCause_data();
    void showsItsCause();
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
            out += interval.cause + (interval.primary ? "* " : " ");
        return out;
    }();
    QVERIFY2(primaryFor > 0, ("never the primary cause; intervals: " + seen).c_str());
}

QTEST_GUILESS_MAIN(TestCauseExamples)
#include "tst_cause_examples.moc"
