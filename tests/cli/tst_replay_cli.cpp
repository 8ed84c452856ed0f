// SPDX-License-Identifier: GPL-3.0-or-later
// `jobscope replay PATH ...` end to end: the built executable plays back the real recordings of
// tests/data/recordings (a kubectl watch folder, a JobScope trace, a dump) and writes the same
// reports as `jobscope simulate`.

#include "support/run_jobscope.h"
#include "support/test_paths.h"
#include "support/watch_recording.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = jobscope::test::JobscopeRun;

Run runJobscope(const QStringList& arguments) {
    return jobscope::test::runJobscope(arguments);
}

QString trace(const QString& name) {
    return QDir(jobscope::test::recordingsDir()).filePath(name);
}

QString diagnose(const Run& run) {
    return QStringLiteral("exit %1\nstderr:\n%2")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.err.left(3000)));
}

QList<QStringList> readCsv(const QString& path) {
    QFile f(path);
    QList<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        // The fields these tests read hold no quoted commas.
        QStringList fields;
        for (const QByteArray& field : trimmed.split(','))
            fields << QString::fromUtf8(field).remove(QLatin1Char('"'));
        rows << fields;
    }
    return rows;
}

int column(const QList<QStringList>& rows, const QString& name) {
    return rows.isEmpty() ? -1 : static_cast<int>(rows.front().indexOf(name));
}

} // namespace

class TestReplayCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(QFileInfo::exists(jobscope::test::jobscopeExecutable()));
        QVERIFY(QFileInfo::exists(trace(QStringLiteral("d"))));
    }

    // d: a quota of 2 Pods. The series never shows more than 2 active; the causes name the
    // quota; the Pods and Events CSVs hold the 6 Pods and the refusals.
    void quotaTrace() {
        QTemporaryDir dir;
        const QString series = dir.filePath(QStringLiteral("series.csv"));
        const QString causes = dir.filePath(QStringLiteral("causes.csv"));
        const QString pods = dir.filePath(QStringLiteral("pods.csv"));
        const QString events = dir.filePath(QStringLiteral("events.csv"));
        const Run run =
            runJobscope({"replay", trace(QStringLiteral("d")), "--series-csv", series,
                         "--causes-csv", causes, "--pods-csv", pods, "--events-csv", events});
        QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));

        const auto seriesRows = readCsv(series);
        const int active = column(seriesRows, QStringLiteral("active"));
        QVERIFY(active >= 0);
        QVERIFY(seriesRows.size() > 5);
        int most = 0;
        for (qsizetype i = 1; i < seriesRows.size(); ++i)
            most = std::max(most, seriesRows[i].value(active).toInt());
        QCOMPARE(most, 2);
        QCOMPARE(seriesRows[1].value(0), QStringLiteral("0.000"));

        const auto causeRows = readCsv(causes);
        const int cause = column(causeRows, QStringLiteral("cause"));
        QVERIFY(std::any_of(causeRows.begin() + 1, causeRows.end(), [&](const QStringList& r) {
            return r.value(cause) == QLatin1String("quota-exceeded");
        }));
        QCOMPARE(readCsv(pods).size(), 1 + 6);
        const auto eventRows = readCsv(events);
        QCOMPARE(std::count_if(eventRows.begin(), eventRows.end(),
                               [](const QStringList& r) {
                                   return r.contains(QStringLiteral("FailedCreate"));
                               }),
                 8);
    }

    // Every recording replays: a series from time 0 that ends with no active Pod, one Pods row
    // per Pod the watch saw, and the Job's end among the causes.
    void everyRecording_data() {
        QTest::addColumn<QString>("folder");
        for (const QString& folder : jobscope::test::recordedWatchFolders())
            QTest::newRow(qPrintable(QFileInfo(folder).fileName())) << folder;
    }
    void everyRecording() {
        QFETCH(QString, folder);
        QTemporaryDir dir;
        const QString series = dir.filePath(QStringLiteral("series.csv"));
        const QString causes = dir.filePath(QStringLiteral("causes.csv"));
        const QString pods = dir.filePath(QStringLiteral("pods.csv"));
        const Run run = runJobscope(
            {"replay", folder, "--series-csv", series, "--causes-csv", causes, "--pods-csv", pods});
        QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
        const auto seriesRows = readCsv(series);
        QVERIFY(seriesRows.size() > 2);
        QCOMPARE(seriesRows[1].value(0), QStringLiteral("0.000"));
        QCOMPARE(seriesRows.back().value(column(seriesRows, QStringLiteral("active"))),
                 QStringLiteral("0"));
        const auto causeRows = readCsv(causes);
        const int cause = column(causeRows, QStringLiteral("cause"));
        QVERIFY(std::any_of(causeRows.begin() + 1, causeRows.end(), [&](const QStringList& r) {
            return r.value(cause) == QLatin1String("finished");
        }));
        QSet<QString> podNames;
        for (const QJsonObject& event : jobscope::test::readWatchEvents(
                 QDir(folder).filePath(QStringLiteral("watch-pods.jsonl"))))
            podNames << event.value("object")
                            .toObject()
                            .value("metadata")
                            .toObject()
                            .value("name")
                            .toString();
        QCOMPARE(readCsv(pods).size(), 1 + podNames.size());
    }

    // A dump and the series on standard output; a PNG of the replay.
    void dumpToStdoutAndPng() {
        QTemporaryDir dir;
        QJsonArray items;
        for (const char* file : {"final-job.json", "final-pods.json", "events.json"}) {
            QFile f(QDir(trace(QStringLiteral("d"))).filePath(QLatin1String(file)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            if (o.contains(QLatin1String("items")))
                for (const QJsonValue& item : o.value(QLatin1String("items")).toArray())
                    items.append(item);
            else
                items.append(o);
        }
        const QString dump = dir.filePath(QStringLiteral("dump.json"));
        QFile out(dump);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(QJsonObject{{"kind", "List"}, {"items", items}}).toJson());
        out.close();
        const Run run = runJobscope({"replay", dump});
        QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
        QVERIFY(run.out.startsWith("time,requested,want_active,active"));
        QVERIFY(run.out.contains("quota-exceeded"));

        const QString png = dir.filePath(QStringLiteral("d.png"));
        const Run drawn = runJobscope({"replay", trace(QStringLiteral("d")), "--png", png,
                                       "--width", "800", "--height", "500"});
        QVERIFY2(drawn.exitCode == 0, qPrintable(diagnose(drawn)));
        QFile image(png);
        QVERIFY(image.open(QIODevice::ReadOnly));
        QVERIFY(image.read(8).startsWith("\x89PNG"));
    }

    // --pdf: the report of a recorded Job, its summary as text.
    // A watch folder of three Jobs (recordings a, b and c1 side by side): --all-jobs plays them
    // together, -l picks them by label, and by default the first is played.
    void severalJobs() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        int pods = 0;
        for (const char* name : {"a", "b", "c1"}) {
            for (const char* kind : {"jobs", "pods", "events"})
                QVERIFY(
                    QFile::copy(QDir(trace(QLatin1String(name)))
                                    .filePath(QStringLiteral("watch-%1.jsonl").arg(kind)),
                                dir.filePath(QStringLiteral("watch-%1-%2.jsonl")
                                                 .arg(QLatin1String(kind), QLatin1String(name)))));
            const Run alone =
                runJobscope({"replay", trace(QLatin1String(name)), "--summary-json", "-"});
            QVERIFY2(alone.exitCode == 0, alone.err.constData());
            pods += QJsonDocument::fromJson(alone.out).object().value("podsCreated").toInt();
        }
        const Run all = runJobscope({"replay", dir.path(), "--all-jobs", "--summary-json", "-"});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(all.out).object();
        QCOMPARE(summary.value("jobs").toInt(), 3);
        QCOMPARE(summary.value("podsCreated").toInt(), pods);

        const Run two = runJobscope(
            {"replay", dir.path(), "-l", "job-name in (job-a,job-b)", "--summary-json", "-"});
        QVERIFY2(two.exitCode == 0, two.err.constData());
        QCOMPARE(QJsonDocument::fromJson(two.out).object().value("jobs").toInt(), 2);

        const Run first = runJobscope({"replay", dir.path(), "--summary-json", "-"});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(QJsonDocument::fromJson(first.out).object().value("jobs").toInt(), 1);

        const Run none = runJobscope({"replay", dir.path(), "-l", "job-name=job-z"});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("no Job of the recording matches"), none.err.constData());
        const Run bad = runJobscope({"replay", dir.path(), "-l", "job-name in job-a"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("is not valid"), bad.err.constData());
    }

    void pdfReport() {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("d.pdf"));
        const Run run = runJobscope({"replay", trace(QStringLiteral("d")), "--pdf", pdf});
        QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        QVERIFY(bytes.contains("/Font"));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed; scripts/setup.sh test installs it");
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        const QString out = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("Pod-seconds")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Peak parallelism")), qPrintable(out));
    }

    void badInput_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("missing path") << QStringList{"replay", "/nonexistent/trace.jsonl"}
                                      << "/nonexistent/trace.jsonl: error: no such file or folder";
        QTest::newRow("no path") << QStringList{"replay"} << "missing the PATH argument";
        QTest::newRow("two paths") << QStringList{"replay", "a", "b"} << "expected one PATH, got 2";
        QTest::newRow("bad width") << QStringList{"replay", "x", "--width", "5"}
                                   << "--width: '5' is not a number of pixels";
        QTest::newRow("unknown option")
            << QStringList{"replay", "x", "--frobnicate"} << "frobnicate";
    }
    void badInput() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, stderrContains);
        const Run run = runJobscope(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(stderrContains), qPrintable(diagnose(run)));
    }

    // A file that is not a recording: the error names its position.
    void badTraceIsPositioned() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"jobscope-trace\":1}\n{\"t\":1,\"kind\":\"Job\",\"type\":\"ADDED\",\"object\":{}"
                "}\n{\"t\": oops}\n");
        f.close();
        const Run run = runJobscope({"replay", path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).startsWith(path + QStringLiteral(":3:")),
                 qPrintable(diagnose(run)));
    }

    // Input that cannot be a recording, or a trace that lost its order or its header, is
    // refused with exit 2 and its position; nothing is written.
    void refusedRecordings_data() {
        QTest::addColumn<QByteArray>("content"); // empty: /dev/zero
        QTest::addColumn<QString>("message");    // after the path
        QTest::newRow("/dev/zero")
            << QByteArray() << ": error: not a regular file (a device, pipe or socket)";
        const QByteArray line =
            "{\"kind\":\"Job\",\"object\":{\"kind\":\"Job\",\"metadata\":{}},\"t\":%1,"
            "\"type\":\"ADDED\"}\n";
        QTest::newRow("no header")
            << QByteArray(line).replace("%1", "100") << ":1:1: error: not a JobScope trace";
        QTest::newRow("back in time")
            << QByteArray("{\"jobscope-trace\":1}\n") + QByteArray(line).replace("%1", "100") +
                   QByteArray(line).replace("%1", "50")
            << ":3:53: error: \"t\" goes back in time: 50.000 is 50.000 s before line 2's";
    }
    void refusedRecordings() {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString path = QStringLiteral("/dev/zero");
        if (!content.isEmpty()) {
            path = dir.filePath(QStringLiteral("trace.jsonl"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const QString csv = dir.filePath(QStringLiteral("series.csv"));
        const Run run = runJobscope({"replay", path, "--series-csv", csv});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).startsWith(path + message), qPrintable(diagnose(run)));
        QVERIFY(!QFileInfo::exists(csv));
    }

    void help() {
        const Run run = runJobscope({"replay", "--help"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("jobscope replay"));
        QVERIFY(run.out.contains("--series-csv"));
        QVERIFY(run.out.contains("--causes-csv"));
        QVERIFY(run.out.contains("--pdf"));
    }
};

QTEST_GUILESS_MAIN(TestReplayCli)
#include "tst_replay_cli.moc"
