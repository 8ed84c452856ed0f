// A LiveSession against the fake API server replaying a real control-plane recording
// (../shared/traces/<job>/watch-*.jsonl): the Job, its Pods (by the controller-uid label) and
// their Events arrive as Observations, trimmed, none lost or repeated even when the Pod watch
// drops half way; the session says when the Job is done; only GETs are sent.

#include "live/fake_api_server.h"

#include "live/live_session.h"
#include "support/test_paths.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace jobscope::live;
using jobscope::test::FakeApiServer;
using jobscope::test::FakeExchangePtr;

namespace {

// The recorded watch events of one resource, in order.
QList<QJsonObject> readEvents(const QString& path) {
    QList<QJsonObject> events;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    for (const QByteArray& line : file.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            events << QJsonDocument::fromJson(line).object().value("event").toObject();
    return events;
}

qint64 versionOf(const QJsonObject& event) {
    return event.value("object")
        .toObject()
        .value("metadata")
        .toObject()
        .value("resourceVersion")
        .toString()
        .toLongLong();
}

class LiveSessionTest : public QObject {
    Q_OBJECT

private slots:
    void followsARecordedJob_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<bool>("dropPodWatch");
        QTest::newRow("a: waves of 3") << "a" << false;
        QTest::newRow("d: quota, Pod watch dropped half way") << "d" << true;
        QTest::newRow("e2: suspended then resumed") << "e2" << false;
    }
    void followsARecordedJob() {
        QFETCH(QString, folder);
        QFETCH(bool, dropPodWatch);
        const QString dir = jobscope::test::sharedDir() + "/traces/" + folder;
        const QList<QJsonObject> jobs = readEvents(dir + "/watch-jobs.jsonl");
        const QList<QJsonObject> pods = readEvents(dir + "/watch-pods.jsonl");
        const QList<QJsonObject> events = readEvents(dir + "/watch-events.jsonl");
        QVERIFY(!jobs.isEmpty() && !pods.isEmpty());
        const QJsonObject job = jobs.first().value("object").toObject();
        const QString ns = job.value("metadata").toObject().value("namespace").toString();
        const QString jobName = job.value("metadata").toObject().value("name").toString();
        const QString uid = job.value("metadata").toObject().value("uid").toString();

        FakeApiServer server;
        QVERIFY(server.listen());
        int podWatches = 0;
        FakeExchangePtr jobStream;
        bool jobRestSent = false; // the Job's later events go out once, after the Pods
        server.setHandler([&](const FakeExchangePtr& exchange) {
            const auto& request = exchange->request();
            const QList<QJsonObject>* stream = request.path.endsWith("/jobs")     ? &jobs
                                               : request.path.endsWith("/pods")   ? &pods
                                               : request.path.endsWith("/events") ? &events
                                                                                  : nullptr;
            if (!stream || !request.path.startsWith("/api")) {
                exchange->respondStatus(404, "NotFound", "no such path");
                return;
            }
            // Everything happens after the list: the list is empty at resourceVersion 1.
            if (!request.isWatch()) {
                exchange->respondJson(200, jobscope::test::fakeList("1", {}));
                return;
            }
            const qint64 from = request.value("resourceVersion").toLongLong();
            exchange->beginStream();
            if (stream == &jobs && from == 1) {
                // The Job's first event now, the rest once its Pods have been delivered: as on
                // a cluster, the Job finishes after its Pods, not before the Pod watch starts.
                exchange->event(jobs.first().value("type").toString(),
                                jobs.first().value("object").toObject());
                jobStream = exchange;
                return;
            }
            const bool drop = stream == &pods && dropPodWatch && ++podWatches == 1;
            int sent = 0;
            for (const QJsonObject& event : *stream) {
                if (versionOf(event) <= from)
                    continue;
                if (drop && sent == stream->size() / 2) {
                    exchange->drop();
                    return;
                }
                exchange->event(event.value("type").toString(), event.value("object").toObject());
                ++sent;
            }
            if (stream == &pods && jobStream && !jobRestSent) {
                jobRestSent = true;
                for (const QJsonObject& event : jobs.mid(1))
                    jobStream->event(event.value("type").toString(),
                                     event.value("object").toObject());
            }
        });

        KubeConnection connection;
        connection.server = server.url();
        connection.namespaceName = ns;
        LiveSession session(connection, jobName);
        WatchOptions tuning;
        tuning.initialBackoffSeconds = 0.02;
        session.setWatchTuning(tuning);
        QList<Observation> seen;
        connect(&session, &LiveSession::observation, this,
                [&](const Observation& observation) { seen << observation; });
        QStringList states;
        connect(&session, &LiveSession::stateChanged, this,
                [&](LiveState state, const QString&) { states << liveStateName(state); });
        QSignalSpy finished(&session, &LiveSession::finished);
        session.start();
        QVERIFY(finished.wait(10000));
        QVERIFY(session.jobDone());
        QCOMPARE(session.jobUid(), uid);
        QVERIFY(states.contains("connected"));
        if (dropPodWatch) {
            for (const auto& r : server.requests())
                qDebug() << r.path << r.query.toString();
            QVERIFY2(podWatches >= 2, qPrintable(states.join(' ')));
        }
        // Anything still in flight (the Pod watch may still be catching up after its drop).
        const auto podCount = [&] {
            return std::count_if(seen.begin(), seen.end(),
                                 [](const Observation& o) { return o.kind == ObjectKind::Pod; });
        };
        QTRY_COMPARE(int(podCount()), int(pods.size()));
        QTest::qWait(100);

        // Every recorded change arrived once: nothing lost, nothing repeated.
        QMap<ObjectKind, QStringList> versions;
        for (const Observation& observation : seen) {
            QVERIFY(!observation.object.value("metadata").toObject().contains("managedFields"));
            QVERIFY(observation.receivedAt > 1.7e9);
            versions[observation.kind] << observation.object.value("metadata")
                                              .toObject()
                                              .value("resourceVersion")
                                              .toString();
        }
        QCOMPARE(versions[ObjectKind::Job].size(), jobs.size());
        QCOMPARE(versions[ObjectKind::Pod].size(), pods.size());
        for (ObjectKind kind : {ObjectKind::Job, ObjectKind::Pod}) {
            QStringList sorted = versions[kind];
            sorted.removeDuplicates();
            QCOMPARE(sorted.size(), versions[kind].size());
        }
        // The recorded namespace holds only this Job: every Event is about it or its Pods.
        QCOMPARE(versions[ObjectKind::Event].size(), events.size());

        // Pods were selected by the Job's controller-uid label, and only GETs were sent.
        bool podsBySelector = false;
        for (const auto& request : server.requests()) {
            QCOMPARE(request.method, QByteArray("GET"));
            if (request.path.endsWith("/pods"))
                podsBySelector =
                    request.value("labelSelector") == "batch.kubernetes.io/controller-uid=" + uid;
            if (request.path.endsWith("/jobs"))
                QCOMPARE(request.value("fieldSelector"), "metadata.name=" + jobName);
        }
        QVERIFY(podsBySelector);
        session.stop();
        QCOMPARE(session.state(), LiveState::Stopped);
    }

    // A 403 on the Job list stops the session with the server's reason.
    void stopsWhenForbidden() {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeExchangePtr& exchange) {
            exchange->respondStatus(403, "Forbidden",
                                    "jobs.batch is forbidden: User \"u\" cannot list resource");
        });
        KubeConnection connection;
        connection.server = server.url();
        connection.namespaceName = "ns";
        LiveSession session(connection, "job");
        QSignalSpy states(&session, &LiveSession::stateChanged);
        session.start();
        QTRY_COMPARE(session.state(), LiveState::Stopped);
        QVERIFY2(session.stateReason().contains("403") &&
                     session.stateReason().contains("cannot list"),
                 qPrintable(session.stateReason()));
    }
};

} // namespace

QTEST_GUILESS_MAIN(LiveSessionTest)
#include "tst_live_session.moc"
