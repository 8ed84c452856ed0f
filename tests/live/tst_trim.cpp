// SPDX-License-Identifier: GPL-3.0-or-later
// trimObject keeps what JobScope reads and drops everything a trace must not carry.

#include "live/trim.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace jobscope::live;

namespace {

QJsonObject firstObject(const QString& file) {
    QFile f(QDir(jobscope::test::recordingsDir()).filePath(QStringLiteral("a/") + file));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readLine())
        .object()
        .value(QLatin1String("event"))
        .toObject()
        .value(QLatin1String("object"))
        .toObject();
}

QByteArray compact(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestTrim : public QObject {
    Q_OBJECT

private slots:
    void handWritten_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("kept");
        QTest::addColumn<QStringList>("dropped");
        QTest::newRow("pod")
            << int(ObjectKind::Pod)
            << QByteArray(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","uid":"u",
                "resourceVersion":"7","labels":{"job-name":"j","team":"secret-team"},
                "annotations":{"batch.kubernetes.io/job-completion-index":"3","vault.io/token":"tok"},
                "finalizers":["batch.kubernetes.io/job-tracking"],
                "managedFields":[{"manager":"m"}]},
                "spec":{"nodeName":"n1","restartPolicy":"Never","serviceAccountName":"sa",
                "containers":[{"name":"main","image":"img","command":["sh"],"args":["--password=x"],
                "env":[{"name":"A","value":"envvalue"}],"envFrom":[{"secretRef":{"name":"s"}}],
                "resources":{"requests":{"cpu":"1"},"limits":{"cpu":"2"}}}],
                "volumes":[{"name":"kube-api-access","projected":{}}]},
                "status":{"phase":"Failed","podIP":"10.0.0.1","message":"oops",
                "conditions":[{"type":"Ready","status":"False","lastTransitionTime":"2026-01-01T00:00:00Z","message":"m"}],
                "containerStatuses":[{"name":"main","restartCount":1,"imageID":"sha",
                "state":{"terminated":{"exitCode":137,"finishedAt":"2026-01-01T00:00:09Z","message":"termlog"}}}]}})")
            << QStringList{"\"uid\":\"u\"",      "\"resourceVersion\":\"7\"",
                           "\"job-name\":\"j\"", "job-completion-index",
                           "job-tracking",       "\"nodeName\":\"n1\"",
                           "\"cpu\":\"1\"",      "\"exitCode\":137",
                           "finishedAt",         "\"phase\":\"Failed\""}
            << QStringList{
                   "secret-team", "vault.io", "managedFields", "envvalue",           "envFrom",
                   "password",    "\"sh\"",   "limits",        "kube-api-access",    "podIP",
                   "termlog",     "oops",     "imageID",       "serviceAccountName", "img"};
        QTest::newRow("job")
            << int(ObjectKind::Job)
            << QByteArray(
                   R"({"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","uid":"ju",
                "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{secret}"}},
                "spec":{"parallelism":3,"completions":10,"suspend":false,"template":{"metadata":
                {"labels":{"batch.kubernetes.io/job-name":"j"}},"spec":{"restartPolicy":"Never",
                "containers":[{"name":"main","env":[{"name":"K","valueFrom":{"secretKeyRef":{"name":"s"}}}]}]}}},
                "status":{"succeeded":2,"uncountedTerminatedPods":{"succeeded":["x"]}}})")
            << QStringList{"\"parallelism\":3",
                           "\"completions\":10",
                           "\"restartPolicy\":\"Never\"",
                           "batch.kubernetes.io/job-name",
                           "\"succeeded\":2",
                           "uncountedTerminatedPods"}
            << QStringList{"last-applied", "secretKeyRef", "\"env\""};
        QTest::newRow("event")
            << int(ObjectKind::Event)
            << QByteArray(
                   R"({"kind":"Event","metadata":{"name":"e","uid":"eu","managedFields":[{}]},
                "involvedObject":{"kind":"Job","name":"j","uid":"ju","fieldPath":"x"},
                "reason":"FailedCreate","message":"exceeded quota","type":"Warning","count":3,
                "firstTimestamp":"2026-01-01T00:00:00Z","lastTimestamp":"2026-01-01T00:00:02Z",
                "source":{"component":"job-controller","host":"h"}})")
            << QStringList{"FailedCreate",  "exceeded quota", "\"count\":3",   "firstTimestamp",
                           "lastTimestamp", "\"uid\":\"ju\"", "job-controller"}
            << QStringList{"managedFields", "fieldPath", "\"host\""};
    }
    void handWritten() {
        QFETCH(int, kind);
        QFETCH(QByteArray, input);
        QFETCH(QStringList, kept);
        QFETCH(QStringList, dropped);
        const QJsonObject object = QJsonDocument::fromJson(input).object();
        QVERIFY(!object.isEmpty());
        const QByteArray out = compact(trimObject(static_cast<ObjectKind>(kind), object));
        for (const QString& k : kept)
            QVERIFY2(out.contains(k.toUtf8()),
                     qPrintable(k + QStringLiteral(" missing in ") + out));
        for (const QString& d : dropped)
            QVERIFY2(!out.contains(d.toUtf8()), qPrintable(d + QStringLiteral(" kept in ") + out));
        // Trimming twice changes nothing.
        QCOMPARE(compact(trimObject(static_cast<ObjectKind>(kind),
                                    QJsonDocument::fromJson(out).object())),
                 out);
    }

    // The real objects of the a/ recording lose managedFields, the service-account token
    // volume and the last-applied configuration, and keep their identity.
    void realObjects() {
        const QJsonObject pod = firstObject(QStringLiteral("watch-pods.jsonl"));
        const QJsonObject job = firstObject(QStringLiteral("watch-jobs.jsonl"));
        QVERIFY(!pod.isEmpty() && !job.isEmpty());
        QVERIFY(compact(pod).contains("managedFields"));
        QVERIFY(compact(pod).contains("serviceAccountToken"));
        const QByteArray trimmedPod = compact(trimObject(ObjectKind::Pod, pod));
        const QByteArray trimmedJob = compact(trimObject(ObjectKind::Job, job));
        for (const QByteArray& out : {trimmedPod, trimmedJob}) {
            QVERIFY(!out.contains("managedFields"));
            QVERIFY(!out.contains("serviceAccountToken"));
            QVERIFY(!out.contains("last-applied-configuration"));
            QVERIFY(!out.contains("\"command\""));
        }
        QVERIFY(trimmedPod.contains(pod.value(QLatin1String("metadata"))
                                        .toObject()
                                        .value(QLatin1String("uid"))
                                        .toString()
                                        .toUtf8()));
        QVERIFY(trimmedPod.size() * 3 < compact(pod).size());
        QCOMPARE(objectKindOf(pod), std::optional<ObjectKind>(ObjectKind::Pod));
    }
};

QTEST_GUILESS_MAIN(TestTrim)
#include "tst_trim.moc"
