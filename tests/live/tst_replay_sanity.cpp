// SPDX-License-Identifier: GPL-3.0-or-later
// What a replay refuses or corrects before it plays anything back: files that are not regular
// files or are over their limit, YAML alias bombs in a dump, traces whose lines go back in
// time, carry impossible times or lost their header, a clock skew between the recorder and the
// API server, and dumps without a readable Job. Every error names the file and, where known,
// the line and column.

#include "live/dump_import.h"
#include "live/kubectl_import.h"
#include "live/recording.h"
#include "live/trace.h"
#include "run/run.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace jobscope;
using namespace jobscope::live;

namespace {

QString bundledTrace() {
    return test::sourceDir() + QStringLiteral("/resources/recordings/quota-of-two-pods.jsonl");
}

QList<QByteArray> traceLines() {
    QFile file(bundledTrace());
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(bundledTrace()));
    QList<QByteArray> lines = file.readAll().split('\n');
    while (!lines.isEmpty() && lines.back().trimmed().isEmpty())
        lines.removeLast();
    return lines;
}

QByteArray joined(const QList<QByteArray>& lines) {
    QByteArray text;
    for (const QByteArray& line : lines)
        text += line + '\n';
    return text;
}

// The line with its "t" moved by `by` seconds.
QByteArray shifted(const QByteArray& line, double by) {
    QJsonObject object = QJsonDocument::fromJson(line).object();
    object.insert(QLatin1String("t"), object.value(QLatin1String("t")).toDouble() + by);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray withTime(const QByteArray& line, double t) {
    QJsonObject object = QJsonDocument::fromJson(line).object();
    object.insert(QLatin1String("t"), t);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

const QByteArray kJobYaml = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n"
                            "  namespace: default\n  uid: 1a2b\n  creationTimestamp: "
                            "\"2026-01-01T00:00:00Z\"\nspec:\n  template:\n    spec:\n"
                            "      restartPolicy: Never\n      containers:\n"
                            "      - name: pi\n        image: perl\n";

} // namespace

class TestReplaySanity : public QObject {
    Q_OBJECT

private slots:
    // Not regular files, and files over the limit given, whatever kind of recording.
    void refusedFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("/dev/zero") << "/dev/zero"
                                   << "/dev/zero: error: not a regular file (a device, pipe or "
                                      "socket); expected a file";
        QTest::newRow("a FIFO") << "fifo"
                                << "fifo: error: not a regular file";
        QTest::newRow("a trace over the limit") << "trace.jsonl"
                                                << "trace.jsonl: error: too large: ";
        QTest::newRow("a dump over the limit") << "dump.yaml"
                                               << "dump.yaml: error: too large: ";
        QTest::newRow("a watch stream in a folder over the limit")
            << "watch/watch-pods.jsonl"
            << "watch-pods.jsonl: error: too large: ";
    }
    void refusedFiles() {
        QFETCH(QString, file);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath("fifo")).constData(), 0600), 0);
        write(dir, "trace.jsonl", joined(traceLines()));
        write(dir, "dump.yaml", kJobYaml);
        QVERIFY(QDir(dir.path()).mkdir("watch"));
        write(dir, "watch/watch-pods.jsonl",
              "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":"
              "\"a-pod-with-a-long-enough-name\"}}}\n");
        const QString path = file.startsWith('/') ? file : dir.filePath(file);
        const QString load = file.startsWith("watch/") ? dir.filePath("watch") : path;
        QString error;
        QVERIFY(!RecordingLoader::load(load, &error, 64));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(error.startsWith(file.startsWith('/') ? file : dir.path()), qPrintable(error));
    }

    // A 536-byte alias bomb in a YAML dump is refused at the alias that crosses the limit.
    void dumpAliasBomb() {
        QByteArray bomb =
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        for (char level = 'b'; level <= 'i'; ++level) {
            bomb += QByteArray(1, level) + ": &" + level + " [";
            for (int i = 0; i < 9; ++i)
                bomb += QByteArray(i ? "," : "") + "*" + char(level - 1);
            bomb += "]\n";
        }
        QVERIFY(bomb.size() < 600);
        QString error;
        QVERIFY(!DumpImporter::importText(bomb, QStringLiteral("bomb.yaml"), &error));
        QVERIFY2(error.startsWith("bomb.yaml:6:8: error: YAML aliases expand to too many nodes"),
                 qPrintable(error));
    }

    // Only Jobs, Pods and Events are kept: ConfigMaps are skipped (and counted), the Job in a
    // Pod's ownerReferences or an Event's involvedObject is not taken for a Job.
    void dumpKeepsOnlyItsKinds() {
        const QByteArray yaml =
            "apiVersion: v1\nkind: List\nitems:\n"
            "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n  data: {k: v}\n"
            "- apiVersion: batch/v1\n  kind: Job\n  metadata: {name: pi, namespace: default, "
            "uid: 1a2b, creationTimestamp: \"2026-01-01T00:00:00Z\"}\n  spec:\n    template:\n"
            "      spec:\n        restartPolicy: Never\n        containers: [{name: pi, "
            "image: perl}]\n"
            "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: pi-x\n    namespace: default\n"
            "    uid: 9f\n    creationTimestamp: \"2026-01-01T00:00:01Z\"\n"
            "    labels: {batch.kubernetes.io/controller-uid: 1a2b}\n"
            "    ownerReferences: [{apiVersion: batch/v1, kind: Job, name: other, uid: 77, "
            "controller: true}]\n"
            "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n";
        QString error;
        QStringList warnings;
        const auto observations = DumpImporter::readObservations(yaml, "d.yaml", &error, &warnings);
        QVERIFY2(observations, qPrintable(error));
        QCOMPARE(int(observations->size()), 2);
        QCOMPARE(observations->at(0).kind, ObjectKind::Job);
        QCOMPARE(observations->at(1).kind, ObjectKind::Pod);
        QCOMPARE(warnings,
                 QStringList{"d.yaml: 2 object(s) that are not a Job, Pod or Event were skipped"});
    }

    void dumpWithoutAJob_data() {
        QTest::addColumn<QByteArray>("dump");
        QTest::addColumn<QString>("message");
        QTest::newRow("a List of ConfigMaps")
            << QByteArray("\n\n  {\"kind\": \"List\", \"items\": [{\"kind\": \"ConfigMap\"}]}\n")
            << "d.json:3:3: error: the dump holds no Job";
        QTest::newRow("empty") << QByteArray() << "d.json:1:1: error: the dump holds no Job";
        QByteArray noUid = kJobYaml;
        noUid.replace("  uid: 1a2b\n", "");
        QTest::newRow("a Job without uid")
            << noUid
            << "d.json:1:1: error: the dump's Job pi cannot be replayed: it has no "
               "metadata.uid";
    }
    void dumpWithoutAJob() {
        QFETCH(QByteArray, dump);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!DumpImporter::importText(dump, QStringLiteral("d.json"), &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    // A recording that gives no timeline says why: no Job observed at all, or only other Jobs
    // than the one its header names.
    void recordingWithoutTheJob_data() {
        QTest::addColumn<QByteArray>("trace");
        QTest::addColumn<QString>("message"); // after "FILE: error: the recording holds no Job"
        const QList<QByteArray> lines = traceLines();
        QList<QByteArray> podsOnly;
        for (const QByteArray& line : lines)
            if (!line.startsWith("{\"kind\":\"Job\""))
                podsOnly.append(line);
        QVERIFY(podsOnly.size() < lines.size() - 1);
        QTest::newRow("no Job line")
            << joined(podsOnly)
            << QStringLiteral(" 'job-d' (none of its %1 observation(s) is about a Job: record the "
                              "Job itself, not only its Pods and Events)")
                   .arg(podsOnly.size() - 1);
        QList<QByteArray> renamed = lines;
        renamed[0].replace("\"job\":\"job-d\"", "\"job\":\"job-e\"");
        QTest::newRow("another Job named in the header")
            << joined(renamed) << QStringLiteral(" 'job-e' (the Jobs it holds: job-d)");
    }
    void recordingWithoutTheJob() {
        QFETCH(QByteArray, trace);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = write(dir, "t.jsonl", trace);
        QString error;
        QVERIFY(!RecordingLoader::load(path, &error));
        QCOMPARE(error, path + ": error: the recording holds no Job" + message);
    }

    // Lines out of order, impossible times and a lost header are refused where they are.
    void badTraces_data() {
        QTest::addColumn<QByteArray>("trace");
        QTest::addColumn<QString>("message"); // after "FILE:"
        const QList<QByteArray> lines = traceLines();
        QList<QByteArray> reversed = lines.mid(1);
        std::reverse(reversed.begin(), reversed.end());
        reversed.prepend(lines.front());
        // The first line back in time by more than 1 s; the column is where "t" is.
        QTest::newRow("reversed") << joined(reversed) << "7:1497: error: \"t\" goes back in time";
        QList<QByteArray> swapped = lines;
        swapped[10] = shifted(swapped[10], -30);
        QTest::newRow("a line 30 s early") << joined(swapped) << "11:";
        QList<QByteArray> negative = lines;
        negative[1] = withTime(negative[1], -1e15);
        QTest::newRow("t = -1e15")
            << joined(negative)
            << "2:1090: error: \"t\" must be the receive time in seconds since the Unix epoch";
        QTest::newRow("no header")
            << joined(lines.mid(1))
            << "1:1: error: not a JobScope trace: the first line must be the header";
    }
    void badTraces() {
        QFETCH(QByteArray, trace);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = write(dir, "t.jsonl", trace);
        QString error;
        QVERIFY(!RecordingLoader::load(path, &error));
        QVERIFY2(error.startsWith(path + ":" + message), qPrintable(error));
        if (message.endsWith(':'))
            QVERIFY2(error.contains(": error: \"t\" goes back in time: ") &&
                         error.contains(" s before line 10's (a trace holds its lines in the "
                                        "order they were received)"),
                     qPrintable(error));
    }

    // Within the tolerance a line a little early is read.
    void slightlyEarlyLineIsRead() {
        QList<QByteArray> lines = traceLines();
        lines[10] = shifted(lines[10], -0.5);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(RecordingLoader::load(write(dir, "t.jsonl", joined(lines)), &error),
                 qPrintable(error));
    }

    // A recorder whose clock is 7 days off: the skew is found, said and corrected, so the
    // Job lasts as long as it did.
    void clockSkew_data() {
        QTest::addColumn<double>("skew");
        QTest::addColumn<QString>("direction");
        QTest::newRow("7 days ahead") << 7 * 86400.0 << "ahead of";
        QTest::newRow("7 days behind") << -7 * 86400.0 << "behind";
    }
    void clockSkew() {
        QFETCH(double, skew);
        QFETCH(QString, direction);
        QString error;
        const auto original = RecordingLoader::load(bundledTrace(), &error);
        QVERIFY2(original, qPrintable(error));
        QVERIFY(!original->warnings.join('\n').contains("receive times"));
        QList<QByteArray> lines = traceLines();
        for (qsizetype i = 1; i < lines.size(); ++i)
            lines[i] = shifted(lines[i], skew);
        QTemporaryDir dir;
        const QString path = write(dir, "skewed.jsonl", joined(lines));
        const auto skewed = RecordingLoader::load(path, &error);
        QVERIFY2(skewed, qPrintable(error));
        const QString warnings = skewed->warnings.join('\n');
        QVERIFY2(warnings.contains(path + ": the receive times are ") &&
                     warnings.contains(" s " + direction + " the API server's timestamps") &&
                     warnings.contains("the timeline moves them onto the server's clock"),
                 qPrintable(warnings));
        const Run before = runObserved(original->timeline);
        const Run after = runObserved(skewed->timeline);
        QVERIFY2(std::abs(after.end - before.end) < 2.0,
                 qPrintable(QStringLiteral("%1 s against %2 s").arg(after.end).arg(before.end)));
    }
};

QTEST_GUILESS_MAIN(TestReplaySanity)
#include "tst_replay_sanity.moc"
