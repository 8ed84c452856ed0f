// SPDX-License-Identifier: GPL-3.0-or-later
// `jobscope whatif PATH --at T ...` end to end: the built executable forks the real recordings
// of tests/data/recordings into the simulator, prints the recorded and what-if runs side by side,
// writes the reports of the what-if, prints its scenario and runs an edited one, and refuses bad
// input with exit status 2.

#include "support/run_jobscope.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = jobscope::test::JobscopeRun;

QString recording(const QString& name) {
    return QDir(jobscope::test::recordingsDir()).filePath(name);
}

QString diagnose(const Run& run) {
    return QStringLiteral("exit %1\nstderr:\n%2")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.err.left(3000)));
}

QJsonObject summaryOf(const QByteArray& json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestWhatifCli : public QObject {
    Q_OBJECT

private slots:
    // With nothing changed the what-if finishes as the recording did; with more parallelism
    // from 10 s, recording a (waves of 3 Pods, 7.3 s apart) finishes a wave or two earlier.
    void sideBySide() {
        const Run same = jobscope::test::runJobscope(
            {QStringLiteral("whatif"), recording(QStringLiteral("a")), QStringLiteral("--at"),
             QStringLiteral("10"), QStringLiteral("--summary-json"), QStringLiteral("-")});
        QVERIFY2(same.exitCode == 0, qPrintable(diagnose(same)));
        QVERIFY2(same.err.contains("what-if from 10.0 s:"), same.err.constData());
        QVERIFY(same.err.contains("  recorded: Complete at 29.2 s · 10 Pods (0 failed)"));
        QVERIFY(same.err.contains("  what-if:  Complete at 29.2 s · 10 Pods (0 failed)"));
        QVERIFY(same.err.contains("difference: finishes at the same time"));
        QCOMPARE(summaryOf(same.out).value(QStringLiteral("podsCreated")).toInt(), 10);

        const Run faster = jobscope::test::runJobscope(
            {QStringLiteral("whatif"), recording(QStringLiteral("a")), QStringLiteral("--at"),
             QStringLiteral("10s"), QStringLiteral("--set"), QStringLiteral("spec.parallelism=7"),
             QStringLiteral("--summary-json"), QStringLiteral("-")});
        QVERIFY2(faster.exitCode == 0, qPrintable(diagnose(faster)));
        QVERIFY2(faster.err.contains("s earlier"), faster.err.constData());
        const double finished =
            summaryOf(faster.out).value(QStringLiteral("finishedAt")).toDouble();
        QVERIFY2(finished > 10 && finished < 23, qPrintable(QString::number(finished)));
    }

    // The scenario it runs in can be printed, edited and run again with --scenario: the
    // same what-if as --set.
    void printedScenarioRunsAgain() {
        const Run printed = jobscope::test::runJobscope(
            {QStringLiteral("whatif"), recording(QStringLiteral("c1")), QStringLiteral("--at"),
             QStringLiteral("5"), QStringLiteral("--set"), QStringLiteral("spec.backoffLimit=1"),
             QStringLiteral("--print-scenario")});
        QVERIFY2(printed.exitCode == 0, qPrintable(diagnose(printed)));
        QVERIFY(printed.out.startsWith("# What if: recorded Job job-c1, simulated from 5 s"));
        QVERIFY(printed.out.contains("backoffLimit: 1"));
        QVERIFY(printed.out.contains("{attempt: 0, exitCode: 1, after: 3.0"));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("whatif.yaml"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(printed.out);
        out.close();

        const Run fromFile = jobscope::test::runJobscope(
            {QStringLiteral("whatif"), recording(QStringLiteral("c1")), QStringLiteral("--at"),
             QStringLiteral("5"), QStringLiteral("--scenario"), file,
             QStringLiteral("--summary-json"), QStringLiteral("-")});
        QVERIFY2(fromFile.exitCode == 0, qPrintable(diagnose(fromFile)));
        // Two failures by 5 s and a limit of 1: the Job fails at its next sync.
        const QJsonObject summary = summaryOf(fromFile.out);
        QCOMPARE(summary.value(QStringLiteral("outcome")).toString(), QStringLiteral("Failed"));
        QCOMPARE(summary.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("BackoffLimitExceeded"));
        QVERIFY(summary.value(QStringLiteral("finishedAt")).toDouble() < 7);
    }

    // A recording of several Jobs (record --all-jobs): the first Job is forked, with a note
    // saying so; --job forks another; a Job it does not hold is refused with the ones it holds.
    void severalJobs() {
        const QString path =
            jobscope::test::sourceDir() +
            QStringLiteral("/resources/recordings/ten-jobs-two-seconds-apart.jsonl");
        const Run first = jobscope::test::runJobscope(
            {QStringLiteral("whatif"), path, QStringLiteral("--at"), QStringLiteral("10")});
        QVERIFY2(first.exitCode == 0, qPrintable(diagnose(first)));
        QVERIFY2(first.err.contains("holds 10 Jobs; the what-if forks job-a-0"),
                 first.err.constData());
        const Run chosen = jobscope::test::runJobscope(
            {QStringLiteral("whatif"), path, QStringLiteral("--at"), QStringLiteral("10"),
             QStringLiteral("--job"), QStringLiteral("job-a-4"), QStringLiteral("--set"),
             QStringLiteral("spec.parallelism=10"), QStringLiteral("--summary-json"),
             QStringLiteral("-")});
        QVERIFY2(chosen.exitCode == 0, qPrintable(diagnose(chosen)));
        QVERIFY(!chosen.err.contains("note:"));
        QVERIFY2(chosen.err.contains("s earlier"), chosen.err.constData());
        QCOMPARE(summaryOf(chosen.out).value(QStringLiteral("podsCreated")).toInt(), 10);
        const Run unknown = jobscope::test::runJobscope(
            {QStringLiteral("whatif"), path, QStringLiteral("--at"), QStringLiteral("10"),
             QStringLiteral("--job"), QStringLiteral("job-b")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("--job job-b:") && unknown.err.contains("job-a-9"),
                 unknown.err.constData());
    }

    void refusesBadInput_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString a = recording(QStringLiteral("a"));
        QTest::newRow("no --at") << QStringList{a} << QStringLiteral("missing --at T");
        QTest::newRow("--at not a time")
            << QStringList{a, QStringLiteral("--at"), QStringLiteral("soon")}
            << QStringLiteral("--at: 'soon' is not a time");
        QTest::newRow("no PATH") << QStringList{QStringLiteral("--at"), QStringLiteral("3")}
                                 << QStringLiteral("missing the PATH argument");
        QTest::newRow("no such recording")
            << QStringList{QStringLiteral("/nonexistent/trace"), QStringLiteral("--at"),
                           QStringLiteral("3")}
            << QStringLiteral("/nonexistent/trace: error: no such file or folder");
        QTest::newRow("--set not PATH=VALUE")
            << QStringList{a, QStringLiteral("--at"), QStringLiteral("3"), QStringLiteral("--set"),
                           QStringLiteral("parallelism")}
            << QStringLiteral("is not PATH=VALUE");
        // Checked like a file: the what-if's text, with the line and column of the value.
        QTest::newRow("--set an invalid value")
            << QStringList{a, QStringLiteral("--at"), QStringLiteral("3"), QStringLiteral("--set"),
                           QStringLiteral("spec.parallelism=-1")}
            << QStringLiteral("error: job.spec.parallelism: Invalid value: -1");
    }

    void refusesBadInput() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        arguments.prepend(QStringLiteral("whatif"));
        const Run run = jobscope::test::runJobscope(arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(diagnose(run)));
        QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(diagnose(run)));
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWhatifCli)
#include "tst_whatif_cli.moc"
