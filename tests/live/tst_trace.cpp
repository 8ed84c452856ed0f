// SPDX-License-Identifier: GPL-3.0-or-later
// The JobScope trace: written by TraceWriter, read back by TraceReader, replayed to the same
// Timeline; a recorder killed mid-line leaves a readable trace; bad lines are positioned.

#include "analysis/analysis.h"
#include "live/kubectl_import.h"
#include "live/recording.h"
#include "live/timeline_builder.h"
#include "live/trace.h"
#include "support/series_compare.h"
#include "support/test_paths.h"
#include "support/watch_recording.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace jobscope;
using namespace jobscope::live;

namespace {

std::vector<Observation> recordingOf(const QString& name) {
    QString error;
    const auto imported =
        KubectlImporter::importFolder(QDir(test::recordingsDir()).filePath(name), &error);
    if (!imported)
        qFatal("%s", qPrintable(error));
    return imported->observations;
}

Timeline build(const std::vector<Observation>& observations) {
    TimelineBuilder builder;
    for (const Observation& o : observations)
        builder.add(o);
    builder.finish();
    return builder.timeline();
}

bool writeTrace(const QString& path, const std::vector<Observation>& observations,
                const QString& recording = QStringLiteral("d")) {
    TraceWriter writer;
    QString error;
    TraceHeader header;
    header.recordedAt = QStringLiteral("2026-11-27T20:29:56Z");
    header.server = QStringLiteral("https://127.0.0.1:6443");
    header.jobNamespace = QStringLiteral("scenario-") + recording;
    header.job = QStringLiteral("job-") + recording;
    if (!writer.open(path, header, &error))
        return false;
    for (const Observation& o : observations)
        if (!writer.append(o, &error))
            return false;
    return writer.written() == static_cast<int>(observations.size());
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& data) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(data), data.size());
}

} // namespace

class TestTrace : public QObject {
    Q_OBJECT

private slots:
    // Written and read back, the observations of every recording replay to the same Timeline
    // (receive times are kept to the millisecond).
    void roundTrip_data() {
        QTest::addColumn<QString>("recording");
        for (const QString& folder : test::recordedWatchFolders())
            QTest::newRow(qPrintable(QFileInfo(folder).fileName())) << QFileInfo(folder).fileName();
    }
    void roundTrip() {
        QFETCH(QString, recording);
        QTemporaryDir dir;
        const QString path = dir.filePath(recording + QStringLiteral(".jsonl"));
        const std::vector<Observation> original = recordingOf(recording);
        QVERIFY(writeTrace(path, original, recording));

        QString error;
        const auto trace = TraceReader::read(path, &error);
        QVERIFY2(trace, qPrintable(error));
        QVERIFY(trace->warnings.isEmpty());
        QCOMPARE(trace->header.job, QStringLiteral("job-") + recording);
        QCOMPARE(trace->header.server, QStringLiteral("https://127.0.0.1:6443"));
        QCOMPARE(trace->observations.size(), original.size());
        for (size_t i = 0; i < original.size(); ++i) {
            QCOMPARE(trace->observations[i].kind, original[i].kind);
            QCOMPARE(trace->observations[i].type, original[i].type);
            QCOMPARE(trace->observations[i].object, original[i].object);
            QVERIFY(std::abs(trace->observations[i].receivedAt - original[i].receivedAt) <= 5e-4);
        }

        const Timeline a = build(original);
        const Timeline b = build(trace->observations);
        QCOMPARE(b.pods.size(), a.pods.size());
        for (size_t i = 0; i < a.pods.size(); ++i)
            QCOMPARE(b.pods[i].name, a.pods[i].name);
        QCOMPARE(b.podChanges.size(), a.podChanges.size());
        for (size_t i = 0; i < a.podChanges.size(); ++i) {
            QCOMPARE(b.podChanges[i].pod, a.podChanges[i].pod);
            QVERIFY(b.podChanges[i].state == a.podChanges[i].state);
            QVERIFY(std::abs(b.podChanges[i].time - a.podChanges[i].time) <= 5e-4);
        }
        QCOMPARE(b.jobChanges.size(), a.jobChanges.size());
        QCOMPARE(b.events.size(), a.events.size());

        // The one loader for the GUI and replay reads it the same way. Changes less than 1 ms
        // apart in the capture are one instant in the trace, so a state shorter than that may
        // be missing from its series; every other state is there.
        const auto loaded = loadRecording(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        const Analysis fromFile = analyze(*loaded);
        const Analysis direct = analyze(a);
        QVERIFY(!direct.series.empty());
        const QString difference = test::seriesDifference(direct.series, fromFile.series);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QCOMPARE(fromFile.pods.size(), direct.pods.size());
        const QString causes = test::causesDifference(direct.causes, fromFile.causes);
        QVERIFY2(causes.isEmpty(), qPrintable(causes));
    }

    // A recorder killed in the middle of a line: read up to the last whole line, with a
    // warning that names the line.
    void truncatedLastLine() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cut.jsonl"));
        const std::vector<Observation> original = recordingOf(QStringLiteral("d"));
        QVERIFY(writeTrace(path, original));
        QByteArray data = readAll(path);
        const qsizetype lastLineStart = data.lastIndexOf('\n', data.size() - 2) + 1;
        const int lines = static_cast<int>(data.count('\n'));
        data.truncate(lastLineStart + (data.size() - lastLineStart) / 2);
        writeAll(path, data);

        QString error;
        const auto trace = TraceReader::read(path, &error);
        QVERIFY2(trace, qPrintable(error));
        QCOMPARE(trace->observations.size(), original.size() - 1);
        QCOMPARE(trace->warnings.size(), 1);
        QVERIFY2(trace->warnings.front().startsWith(path + QStringLiteral(":%1:").arg(lines)),
                 qPrintable(trace->warnings.front()));

        const auto loaded = RecordingLoader::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->warnings.size(), 1);
        QVERIFY(analyze(loaded->timeline).series.size() > 5);
    }

    void badLines_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("position"); // ":LINE:COLUMN:" the error must name
        QTest::addColumn<QString>("words");
        const QByteArray header = "{\"jobscope-trace\":1,\"job\":\"j\"}\n";
        const QByteArray ok = "{\"t\":1,\"kind\":\"Job\",\"type\":\"ADDED\",\"object\":{}}\n";
        QTest::newRow("not JSON") << header + ok + "{\"t\":2,\"kind\" \"Pod\"}\n" + ok << ":3:16:"
                                  << "";
        QTest::newRow("not an object") << header + "[1,2]\n"
                                       << ":2:1:"
                                       << "one JSON object";
        QTest::newRow("kind")
            << header + "{\"t\":1,\"kind\":\"Node\",\"type\":\"ADDED\",\"object\":{}}\n"
            << ":2:8:"
            << "Node";
        QTest::newRow("type")
            << header + "{\"t\":1,\"kind\":\"Pod\",\"type\":\"BOOKMARK\",\"object\":{}}\n"
            << ":2:21:"
            << "BOOKMARK";
        QTest::newRow("time")
            << header + "{\"t\":\"soon\",\"kind\":\"Pod\",\"type\":\"ADDED\",\"object\":{}}\n"
            << ":2:2:"
            << "receive time";
        QTest::newRow("object")
            << header + "{\"t\":1,\"kind\":\"Pod\",\"type\":\"ADDED\",\"object\":3}\n"
            << ":2:36:"
            << "API object";
        QTest::newRow("no header") << ok << ":1:1:"
                                   << "header";
        QTest::newRow("version") << QByteArray("{\"jobscope-trace\":7}\n") << ":1:1:"
                                 << "version 7";
        QTest::newRow("empty") << QByteArray("\n\n") << ""
                               << "empty";
    }
    void badLines() {
        QFETCH(QByteArray, content);
        QFETCH(QString, position);
        QFETCH(QString, words);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
        writeAll(path, content);
        QString error;
        QVERIFY(!TraceReader::read(path, &error));
        QVERIFY2(error.startsWith(path + position), qPrintable(error));
        QVERIFY2(error.contains(words), qPrintable(error));
    }

    // An observation that keeps its object's text (read by a trimming watch) is written with
    // that text in the line QJsonDocument would write around the object: the same bytes when the
    // text is the object as QJsonDocument writes it, the same line once parsed when its members
    // come in another order.
    void lineFromTheObjectsText_data() {
        QTest::addColumn<double>("receivedAt");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("type");
        QTest::newRow("milliseconds")
            << 1795811396.2339 << int(ObjectKind::Pod) << int(WatchType::Modified);
        QTest::newRow("a whole second")
            << 1795811396.0 << int(ObjectKind::Job) << int(WatchType::Added);
        QTest::newRow("half a second")
            << 1795811396.5 << int(ObjectKind::Event) << int(WatchType::Deleted);
        QTest::newRow("a small clock") << 12.25 << int(ObjectKind::Pod) << int(WatchType::Listed);
        QTest::newRow("zero") << 0.0 << int(ObjectKind::Pod) << int(WatchType::Added);
    }
    void lineFromTheObjectsText() {
        QFETCH(double, receivedAt);
        QFETCH(int, kind);
        QFETCH(int, type);
        Observation o;
        o.receivedAt = receivedAt;
        o.kind = static_cast<ObjectKind>(kind);
        o.type = static_cast<WatchType>(type);
        o.object = QJsonObject{{"kind", objectKindName(o.kind)},
                               {"metadata", QJsonObject{{"name", "p"}, {"uid", "u"}}},
                               {"status", QJsonObject{{"phase", "Running"}, {"restartCount", 2}}}};
        o.trimmed = true;
        const QByteArray serialized = observationLine(o);
        o.objectText = QJsonDocument(o.object).toJson(QJsonDocument::Compact);
        QCOMPARE(observationLine(o), serialized);
        o.objectText = "{\"status\":{\"restartCount\":2,\"phase\":\"Running\"},"
                       "\"metadata\":{\"uid\":\"u\",\"name\":\"p\"},\"kind\":\"" +
                       objectKindName(o.kind).toLatin1() + "\"}";
        const QByteArray fromText = observationLine(o);
        QVERIFY(fromText != serialized);
        QCOMPARE(QJsonDocument::fromJson(fromText).object(),
                 QJsonDocument::fromJson(serialized).object());
    }

    // Whatever the caller hands the writer, the line holds the trimmed object.
    void writerTrims() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.jsonl"));
        Observation o;
        o.receivedAt = 1795811396.2339;
        o.kind = ObjectKind::Pod;
        o.type = WatchType::Added;
        o.object = QJsonDocument::fromJson(R"({"kind":"Pod","metadata":{"name":"p","uid":"u",
            "managedFields":[{"manager":"x"}]},"spec":{"containers":[{"name":"main",
            "env":[{"name":"TOKEN","value":"s3cr3t"}]}]},"status":{"phase":"Running"}})")
                       .object();
        QVERIFY(writeTrace(path, {o}));
        const QByteArray data = readAll(path);
        QVERIFY(!data.contains("s3cr3t"));
        QVERIFY(!data.contains("managedFields"));
        QVERIFY(data.contains("\"t\":1795811396.234"));
        QCOMPARE(data.count('\n'), 2);
    }

    // openReplacing: the trace that is there stays until commit() replaces it in one rename;
    // discard() leaves it untouched. A recorder killed mid-line (kill -9) leaves a partial file
    // that reads up to its last whole line.
    void replacingKeepsThePreviousTraceUntilCommit() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.jsonl"));
        const std::vector<Observation> observations = recordingOf(QStringLiteral("d"));
        QVERIFY(observations.size() > 3);
        QVERIFY(writeTrace(path, {observations.begin(), observations.begin() + 1}));
        const QByteArray previous = readAll(path);
        TraceHeader header;
        header.server = QStringLiteral("https://admin:pa55-s3cret@127.0.0.1:6443/");
        QString error;

        TraceWriter failed;
        QVERIFY2(failed.openReplacing(path, header, &error), qPrintable(error));
        QVERIFY(failed.path() != path);
        QVERIFY(failed.path().startsWith(path + ".partial-"));
        QVERIFY(failed.append(observations[1], &error));
        QCOMPARE(readAll(path), previous);
        failed.discard();
        QCOMPARE(readAll(path), previous);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"t.jsonl"});

        TraceWriter killed;
        QVERIFY(killed.openReplacing(path, header, &error));
        for (size_t i = 0; i < 3; ++i)
            QVERIFY(killed.append(observations[i], &error));
        const QString partial = killed.path();
        killed.close(); // what is left after a kill: the lines so far, and half of the next
        {
            QFile file(partial);
            QVERIFY(file.open(QIODevice::Append));
            file.write(observationLine(observations[3]).left(40));
        }
        QCOMPARE(readAll(path), previous);
        const std::optional<Trace> read = TraceReader::read(partial, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->observations.size(), size_t{3});
        QCOMPARE(read->warnings.size(), 1);
        QVERIFY(read->warnings.first().contains("incomplete"));
        QCOMPARE(read->header.server, QStringLiteral("https://127.0.0.1:6443/"));
        QVERIFY(!readAll(partial).contains("pa55-s3cret"));

        TraceWriter done;
        QVERIFY(done.openReplacing(path, header, &error));
        QVERIFY(done.append(observations[2], &error));
        QVERIFY2(done.commit(&error), qPrintable(error));
        QCOMPARE(done.path(), path);
        const std::optional<Trace> committed = TraceReader::read(path, &error);
        QVERIFY2(committed, qPrintable(error));
        QCOMPARE(committed->observations.size(), size_t{1});
    }

    void unwritablePath() {
        TraceWriter writer;
        QString error;
        QVERIFY(!writer.open(QStringLiteral("/nonexistent-dir/x.jsonl"), {}, &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x.jsonl")));
        QVERIFY(!writer.append(Observation{}, &error));
        QVERIFY(!writer.openReplacing(QStringLiteral("/nonexistent-dir/x.jsonl"), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent-dir/x.jsonl")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
