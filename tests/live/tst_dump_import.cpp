// SPDX-License-Identifier: GPL-3.0-or-later
// A post-mortem dump (kubectl get job,pods,events -o json|yaml) becomes a Timeline from the
// objects' own timestamps, with what it cannot know marked as unobserved.

#include "analysis/analysis.h"
#include "live/dump_import.h"
#include "live/pruned_watch_event.h"
#include "live/recording.h"
#include "live/timeline_builder.h"
#include "support/test_paths.h"
#include "yaml_reader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace jobscope;
using namespace jobscope::live;

namespace {

QJsonObject readJson(const QString& trace, const char* file) {
    QFile f(QDir(test::recordingsDir())
                .filePath(QStringLiteral("%1/%2").arg(trace, QLatin1String(file))));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return QJsonDocument::fromJson(f.readAll()).object();
}

// What `kubectl get job,pods,events -o json` prints: one List of all three.
QByteArray dumpOf(const QString& trace) {
    QJsonArray items;
    items.append(readJson(trace, "final-job.json"));
    for (const char* file : {"final-pods.json", "events.json"})
        for (const QJsonValue& item : readJson(trace, file).value(QLatin1String("items")).toArray())
            items.append(item);
    QJsonObject list;
    list.insert(QLatin1String("apiVersion"), QLatin1String("v1"));
    list.insert(QLatin1String("kind"), QLatin1String("List"));
    list.insert(QLatin1String("items"), items);
    return QJsonDocument(list).toJson(QJsonDocument::Indented);
}

Seconds at(const QJsonValue& v) {
    return parseRfc3339(v.toString().toStdString()).value_or(-1);
}

} // namespace

class TestDumpImport : public QObject {
    Q_OBJECT

private slots:
    // Created, started and finished times come from the objects.
    void timesFromObjects_data() {
        QTest::addColumn<QString>("trace");
        QTest::newRow("a") << "a";
        QTest::newRow("d") << "d";
        QTest::newRow("e2") << "e2";
    }
    void timesFromObjects() {
        QFETCH(QString, trace);
        QString error;
        const auto dump =
            DumpImporter::importText(dumpOf(trace), trace + QStringLiteral(".json"), &error);
        QVERIFY2(dump, qPrintable(error));
        const Timeline& tl = dump->timeline;
        const QJsonObject job = readJson(trace, "final-job.json");
        QCOMPARE(tl.start, at(job.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("creationTimestamp"))));
        const QJsonArray pods =
            readJson(trace, "final-pods.json").value(QLatin1String("items")).toArray();
        QCOMPARE(tl.pods.size(), static_cast<size_t>(pods.size()));

        const Analysis a = analyze(tl);
        for (const QJsonValue& value : pods) {
            const QJsonObject pod = value.toObject();
            const QString name = pod.value(QLatin1String("metadata"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
            const auto life =
                std::find_if(a.pods.begin(), a.pods.end(),
                             [&](const PodLifecycle& p) { return p.name == name.toStdString(); });
            QVERIFY(life != a.pods.end());
            QCOMPARE(life->created, at(pod.value(QLatin1String("metadata"))
                                           .toObject()
                                           .value(QLatin1String("creationTimestamp"))));
            const QJsonObject terminated = pod.value(QLatin1String("status"))
                                               .toObject()
                                               .value(QLatin1String("containerStatuses"))
                                               .toArray()
                                               .at(0)
                                               .toObject()
                                               .value(QLatin1String("state"))
                                               .toObject()
                                               .value(QLatin1String("terminated"))
                                               .toObject();
            QVERIFY(life->started && life->finished);
            QCOMPARE(*life->started, at(terminated.value(QLatin1String("startedAt"))));
            QCOMPARE(*life->finished, at(terminated.value(QLatin1String("finishedAt"))));
            QCOMPARE(life->phase, std::string("Succeeded"));
        }
        // The Job completes when its condition says.
        const QJsonObject status = job.value(QLatin1String("status")).toObject();
        const Seconds completion = at(status.value(QLatin1String("completionTime")));
        const auto complete =
            std::find_if(tl.jobChanges.begin(), tl.jobChanges.end(), [](const JobObservation& o) {
                return std::any_of(o.status.conditions.begin(), o.status.conditions.end(),
                                   [](const JobCondition& c) {
                                       return c.type == "Complete" && c.status == "True";
                                   });
            });
        QVERIFY(complete != tl.jobChanges.end());
        QCOMPARE(complete->time, completion);
        QCOMPARE(a.series.back().active, 0);
        // The whole span is reconstructed, and says so.
        QCOMPARE(tl.unobserved.size(), size_t{1});
        QCOMPARE(tl.unobserved.front().reason, std::string("dump"));
        QCOMPARE(tl.unobserved.front().start, tl.start);
        QVERIFY(tl.unobserved.front().end >= completion);
    }

    // d from its dump alone: the quota refusals and the cap of 2 Pods.
    void quotaFromDump() {
        QString error;
        const auto dump =
            DumpImporter::importText(dumpOf(QStringLiteral("d")), QStringLiteral("d.json"), &error);
        QVERIFY2(dump, qPrintable(error));
        const Analysis a = analyze(dump->timeline);
        int most = 0;
        for (const SeriesRow& r : a.series)
            most = std::max(most, r.active);
        QCOMPARE(most, 2);
        QVERIFY(std::any_of(a.causes.begin(), a.causes.end(),
                            [](const CauseInterval& c) { return c.cause == "quota-exceeded"; }));
    }

    // e2: the Suspended=False condition tells that the Job was suspended until its resume.
    void suspensionFromDump() {
        QString error;
        const auto dump = DumpImporter::importText(dumpOf(QStringLiteral("e2")),
                                                   QStringLiteral("e2.json"), &error);
        QVERIFY2(dump, qPrintable(error));
        const Analysis a = analyze(dump->timeline);
        const auto suspended =
            std::find_if(a.causes.begin(), a.causes.end(),
                         [](const CauseInterval& c) { return c.cause == "suspended"; });
        QVERIFY(suspended != a.causes.end());
        QCOMPARE(suspended->start, dump->timeline.start);
        QVERIFY2(std::abs(suspended->end - dump->timeline.start - 5) <= 1.0,
                 qPrintable(QString::number(suspended->end - dump->timeline.start)));
    }

    // -o yaml: the same dump as YAML documents gives the same Timeline.
    void yamlDump() {
        const QByteArray yaml = R"(apiVersion: v1
kind: List
items:
- apiVersion: batch/v1
  kind: Job
  metadata:
    name: tiny
    namespace: ns
    uid: "1111"
    resourceVersion: "10"
    creationTimestamp: "2026-01-01T00:00:00Z"
  spec:
    parallelism: 1
    completions: 1
    template:
      spec:
        restartPolicy: Never
        containers:
        - name: main
  status:
    startTime: "2026-01-01T00:00:00Z"
    completionTime: "2026-01-01T00:00:12Z"
    succeeded: 1
    conditions:
    - type: Complete
      status: "True"
      lastTransitionTime: "2026-01-01T00:00:12Z"
- apiVersion: v1
  kind: Pod
  metadata:
    name: tiny-abcde
    uid: "2222"
    resourceVersion: "20"
    creationTimestamp: "2026-01-01T00:00:01Z"
    labels:
      batch.kubernetes.io/controller-uid: "1111"
  spec:
    nodeName: n1
  status:
    phase: Succeeded
    conditions:
    - type: PodScheduled
      status: "True"
      lastTransitionTime: "2026-01-01T00:00:02Z"
    containerStatuses:
    - name: main
      state:
        terminated:
          exitCode: 0
          startedAt: "2026-01-01T00:00:03Z"
          finishedAt: "2026-01-01T00:00:11Z"
)";
        QString error;
        const auto dump = DumpImporter::importText(yaml, QStringLiteral("tiny.yaml"), &error);
        QVERIFY2(dump, qPrintable(error));
        const Timeline& tl = dump->timeline;
        const Seconds t0 = *parseRfc3339("2026-01-01T00:00:00Z");
        QCOMPARE(tl.start, t0);
        QCOMPARE(tl.pods.size(), size_t{1});
        const Analysis a = analyze(tl);
        QCOMPARE(a.pods[0].created, t0 + 1);
        QCOMPARE(a.pods[0].scheduled.value_or(-1), t0 + 2);
        QCOMPARE(a.pods[0].started.value_or(-1), t0 + 3);
        QCOMPARE(a.pods[0].finished.value_or(-1), t0 + 11);
        QCOMPARE(a.pods[0].exitCode.value_or(-1), 0);
        QCOMPARE(*tl.end, t0 + 12);
    }

    void badDumps_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad JSON") << QByteArray(
                                         "{\"kind\": \"List\",\n \"items\": [ {\"kind\" 1} ]}\n")
                                  << ":2:";
        QTest::newRow("bad YAML") << QByteArray("kind: List\nitems:\n  - a: [1\n") << ":";
        QTest::newRow("no Job") << QByteArray("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}}\n")
                                << "no Job";
    }
    void badDumps() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dump.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        QString error;
        QVERIFY(!loadRecording(path, &error));
        QVERIFY2(error.startsWith(path) && error.contains(expected), qPrintable(error));
    }

    // The loader tells a dump from a trace and a folder by itself.
    // A JSON dump read in one pass by the pruning reader gives the objects parsing it whole
    // does; a shape it does not cover is left to the whole parse, which reads it as before.
    void prunedReaderReadsDumpsAlike_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("onePass");
        const auto compact = [](const QJsonObject& object) {
            return QJsonDocument(object).toJson(QJsonDocument::Compact);
        };
        for (const char* trace : {"a", "b", "c1", "d", "e2", "f"})
            QTest::newRow(qPrintable(QStringLiteral("recording %1, one List").arg(trace)))
                << dumpOf(QLatin1String(trace)) << true;
        const QJsonObject job = readJson(QStringLiteral("a"), "final-job.json");
        const QJsonObject pods = readJson(QStringLiteral("a"), "final-pods.json");
        QTest::newRow("a Job, then a List of Pods, as two kubectl gets print them")
            << compact(job) + "\n" + QJsonDocument(pods).toJson() << true;
        QTest::newRow("a List without a kind")
            << compact(QJsonObject{{"items", QJsonArray{job}}}) << true;
        QTest::newRow("an empty List")
            << compact(QJsonObject{{"kind", "List"}, {"items", QJsonArray{}}}) << true;
        QJsonObject podList = QJsonObject{{"kind", "Pod"}, {"items", QJsonArray{job}}};
        QTest::newRow("a Pod with items: the Pod") << compact(podList) << true;
        QTest::newRow("an item of another kind: parsed whole")
            << compact(QJsonObject{{"kind", "List"},
                                   {"items", QJsonArray{job, QJsonObject{{"kind", "ConfigMap"}}}}})
            << false;
        QTest::newRow("a List in a List: parsed whole")
            << compact(QJsonObject{{"kind", "List"}, {"items", QJsonArray{pods}}}) << false;
        QTest::newRow("an array: parsed whole") << compact(job).prepend('[').append(']') << false;
        QJsonObject accented = job;
        accented.insert("note", QStringLiteral("\u00e9"));
        QTest::newRow("a byte outside ASCII: parsed whole") << compact(accented) << false;
        QTest::newRow("a comma between values: parsed whole")
            << compact(job) + "," + compact(job) << false;
    }
    void prunedReaderReadsDumpsAlike() {
        QFETCH(QByteArray, text);
        QFETCH(bool, onePass);
        const auto pruned = readPrunedDump(text);
        QCOMPARE(pruned.has_value(), onePass);
        if (!onePass)
            return;
        const auto whole = readDumpParsedWhole(text);
        QVERIFY(whole);
        QVERIFY(dumpObjectsAlike(*pruned, *whole));
    }

    void loaderDetectsDump() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d-dump.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(dumpOf(QStringLiteral("d")));
        f.close();
        QString error;
        const auto r = RecordingLoader::load(path, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->kind, RecordingKind::Dump);
        QCOMPARE(r->jobName, QStringLiteral("job-d"));
        QVERIFY(RecordingLoader::looksLikeRecording(path));
    }
};

QTEST_GUILESS_MAIN(TestDumpImport)
#include "tst_dump_import.moc"
