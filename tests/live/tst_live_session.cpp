// SPDX-License-Identifier: GPL-3.0-or-later
// A LiveSession against the fake API server replaying a real control-plane recording
// (tests/data/recordings/<job>/watch-*.jsonl): the Job, its Pods (by the controller-uid label) and
// their Events arrive as Observations, trimmed, none lost or repeated even when the Pod watch
// drops half way; the session says when the Job is done; only GETs are sent. And for every
// recording there, the live analysis equals the analysis of replaying the folder directly.

#include "live/fake_api_server.h"

#include "analysis/analysis.h"
#include "live/live_session.h"
#include "live/recording.h"
#include "live/timeline_builder.h"
#include "support/test_paths.h"
#include "support/watch_recording.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace jobscope::live;
using jobscope::test::FakeApiServer;
using jobscope::test::FakeExchangePtr;
using jobscope::test::RecordedWatchEvent;

namespace {

// The recorded watch events of one resource, in order, as {"type", "object"}.
QList<QJsonObject> watchEvents(const QList<RecordedWatchEvent>& recorded) {
    QList<QJsonObject> events;
    for (const RecordedWatchEvent& event : recorded)
        events << QJsonObject{{"type", event.type}, {"object", event.object}};
    return events;
}

// Runs the event loop until `condition` holds (checked every millisecond; QTRY_VERIFY polls
// every 50 ms, too slow for a few hundred steps) or `timeoutMs` passed.
bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 2000) {
    if (condition())
        return true;
    QEventLoop loop;
    QTimer tick;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (condition() || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    tick.start(1);
    loop.exec();
    return condition();
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
        const auto recorded =
            jobscope::test::readWatchFolder(jobscope::test::recordingsDir() + "/" + folder);
        const QList<QJsonObject> jobs = watchEvents(recorded.jobs);
        const QList<QJsonObject> pods = watchEvents(recorded.pods);
        const QList<QJsonObject> events = watchEvents(recorded.events);
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
        connection.token = QStringLiteral("JSSECRET-session-token"); // see support/secret_audit.sh
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

    // Each recording, served through the fake server one watch event at a time, the session's
    // clock reading the event's recorded receive time: the Timeline built from what the session
    // delivered analyses to the same series, causes and Pods as the folder loaded directly.
    // What is compared is everything between the socket and the builder: chunking (lines split
    // in two chunks, too), the watch protocol, the session's choice of Pods and Events (Events
    // about a Pod held until the Pod arrives), trimming and ordering.
    void analysisEqualsReplay_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<bool>("splitLines");
        const QStringList folders = jobscope::test::recordedWatchFolders();
        if (folders.isEmpty())
            qFatal("no recordings in %s", qPrintable(jobscope::test::recordingsDir()));
        for (const QString& folder : folders) {
            const QString name = QFileInfo(folder).fileName();
            QTest::newRow(qPrintable(name)) << folder << false;
            QTest::newRow(qPrintable(name + ", lines split across chunks")) << folder << true;
        }
    }
    void analysisEqualsReplay() {
        QFETCH(QString, folder);
        QFETCH(bool, splitLines);
        const auto recorded = jobscope::test::readWatchFolder(folder);
        QVERIFY(!recorded.jobs.isEmpty());
        // The three streams merged on receive time, as the import merges them.
        const QList<RecordedWatchEvent>* streams[] = {&recorded.jobs, &recorded.pods,
                                                      &recorded.events};
        QList<std::pair<int, RecordedWatchEvent>> merged;
        for (int stream = 0; stream < 3; ++stream)
            for (const RecordedWatchEvent& event : *streams[stream])
                merged.append({stream, event});
        std::stable_sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) {
            return a.second.receivedAt < b.second.receivedAt;
        });
        QCOMPARE(merged.first().first, 0); // the Job is created before its Pods and Events
        const QJsonObject jobMetadata = recorded.jobs.first().object.value("metadata").toObject();

        FakeApiServer server;
        QVERIFY(server.listen());
        FakeExchangePtr watches[3];
        int extraWatches = 0;
        server.setHandler([&](const FakeExchangePtr& exchange) {
            const auto& request = exchange->request();
            const int stream = request.path.endsWith("/jobs")     ? 0
                               : request.path.endsWith("/pods")   ? 1
                               : request.path.endsWith("/events") ? 2
                                                                  : -1;
            if (stream < 0) {
                exchange->respondStatus(404, "NotFound", "no such path");
            } else if (!request.isWatch()) {
                exchange->respondJson(200, jobscope::test::fakeList("1", {}));
            } else {
                extraWatches += watches[stream] ? 1 : 0;
                watches[stream] = exchange;
                exchange->beginStream();
            }
        });

        double clockNow = merged.first().second.receivedAt;
        int clockReads = 0;
        KubeConnection connection;
        connection.server = server.url();
        connection.token = QStringLiteral("JSSECRET-session-token"); // see support/secret_audit.sh
        connection.namespaceName = jobMetadata.value("namespace").toString();
        LiveSession session(connection, jobMetadata.value("name").toString());
        WatchOptions tuning;
        tuning.clock = [&] {
            ++clockReads;
            return clockNow;
        };
        session.setWatchTuning(tuning);
        QList<Observation> seen;
        connect(&session, &LiveSession::observation, this,
                [&](const Observation& observation) { seen << observation; });
        session.start();
        QVERIFY(waitUntil([&] { return bool(watches[0]); }));

        for (qsizetype i = 0; i < merged.size(); ++i) {
            const auto& [stream, event] = merged.at(i);
            if (i == 1) // the first Job event opened the Pod and Event watches
                QVERIFY(waitUntil([&] { return watches[1] && watches[2]; }));
            clockNow = event.receivedAt;
            const QByteArray line =
                jobscope::test::FakeExchange::eventLine(event.type, event.object);
            const QList<QByteArray> chunks =
                splitLines
                    ? QList<QByteArray>{line.left(line.size() / 2), line.mid(line.size() / 2)}
                    : QList<QByteArray>{line};
            for (const QByteArray& chunk : chunks) {
                // One chunk at a time, each read before the next: the clock is the recording's.
                const int before = clockReads;
                watches[stream]->chunk(chunk);
                QVERIFY(waitUntil([&] { return clockReads > before; }));
            }
        }
        QVERIFY(waitUntil([&] { return session.jobDone(); }));
        QCOMPARE(extraWatches, 0);
        QCOMPARE(session.state(), LiveState::Connected);

        TimelineBuilder builder(
            TimelineBuilder::Options{jobMetadata.value("name").toString(), false});
        for (const Observation& observation : seen)
            builder.add(observation);
        builder.finish();
        const jobscope::Analysis live = jobscope::analyze(builder.timeline());
        QString error;
        const auto replayed = loadRecording(folder, &error);
        QVERIFY2(replayed, qPrintable(error));
        const jobscope::Analysis direct = jobscope::analyze(*replayed);

        // Receive times are the recorded ones (parsed from the same microsecond text by two
        // parsers): they may differ only by rounding, far below a millisecond.
        constexpr double tolerance = 1e-6;
        QVERIFY(direct.series.size() > 5);
        QCOMPARE(live.series.size(), direct.series.size());
        for (size_t i = 0; i < direct.series.size(); ++i) {
            const jobscope::SeriesRow& a = live.series[i];
            const jobscope::SeriesRow& b = direct.series[i];
            QVERIFY2(std::abs(a.time - b.time) <= tolerance,
                     qPrintable(QStringLiteral("row %1: %2 vs %3")
                                    .arg(i)
                                    .arg(a.time, 0, 'f', 6)
                                    .arg(b.time, 0, 'f', 6)));
            QCOMPARE(a.requested, b.requested);
            QCOMPARE(a.wantActive, b.wantActive);
            QCOMPARE(a.active, b.active);
            QCOMPARE(a.ready, b.ready);
            QCOMPARE(a.running, b.running);
            QCOMPARE(a.pending, b.pending);
            QCOMPARE(a.terminating, b.terminating);
            QCOMPARE(a.succeeded, b.succeeded);
            QCOMPARE(a.failed, b.failed);
            QCOMPARE(a.causes, b.causes);
        }
        QVERIFY(!direct.causes.empty());
        QCOMPARE(live.causes.size(), direct.causes.size());
        for (size_t i = 0; i < direct.causes.size(); ++i) {
            const jobscope::CauseInterval& a = live.causes[i];
            const jobscope::CauseInterval& b = direct.causes[i];
            QCOMPARE(a.cause, b.cause);
            QCOMPARE(a.primary, b.primary);
            QVERIFY(std::abs(a.start - b.start) <= tolerance);
            QVERIFY(std::abs(a.end - b.end) <= tolerance);
            QCOMPARE(a.params, b.params);
        }
        QCOMPARE(live.pods.size(), direct.pods.size());
        for (size_t i = 0; i < direct.pods.size(); ++i) {
            QCOMPARE(live.pods[i].name, direct.pods[i].name);
            QCOMPARE(live.pods[i].phase, direct.pods[i].phase);
            QCOMPARE(live.pods[i].exitCode, direct.pods[i].exitCode);
        }
        QCOMPARE(builder.timeline().events.size(), replayed->events.size());
        session.stop();
    }

    // Thousands of Pod events (listed Pods, Pods that start, end, change again once ended or are
    // deleted while running), then the Job's completion: the session is done exactly when the
    // last Pod still running ends, not before.
    void doneAfterManyPodEvents() {
        const QString uid = "job-uid";
        const auto job = [&](const QString& version, bool complete) {
            QJsonObject status;
            if (complete)
                status.insert("conditions",
                              QJsonArray{QJsonObject{{"type", "Complete"}, {"status", "True"}}});
            return QJsonObject{{"kind", "Job"},
                               {"apiVersion", "batch/v1"},
                               {"metadata", QJsonObject{{"name", "job"},
                                                        {"namespace", "ns"},
                                                        {"uid", uid},
                                                        {"resourceVersion", version}}},
                               {"status", status}};
        };
        FakeApiServer server;
        QVERIFY(server.listen());
        FakeExchangePtr watches[3];
        server.setHandler([&](const FakeExchangePtr& exchange) {
            const auto& request = exchange->request();
            const int stream = request.path.endsWith("/jobs")     ? 0
                               : request.path.endsWith("/pods")   ? 1
                               : request.path.endsWith("/events") ? 2
                                                                  : -1;
            if (stream < 0) {
                exchange->respondStatus(404, "NotFound", "no such path");
            } else if (!request.isWatch()) {
                const QJsonArray listed =
                    stream == 1
                        ? QJsonArray{jobscope::test::fakePod("listed-done", "2", "Succeeded"),
                                     jobscope::test::fakePod("listed-running", "3")}
                        : QJsonArray{};
                exchange->respondJson(200, jobscope::test::fakeList("3", listed));
            } else {
                watches[stream] = exchange;
                exchange->beginStream();
            }
        });
        KubeConnection connection;
        connection.server = server.url();
        connection.token = QStringLiteral("JSSECRET-session-token"); // see support/secret_audit.sh
        connection.namespaceName = "ns";
        LiveSession session(connection, "job");
        int pods = 0;
        int jobs = 0;
        connect(&session, &LiveSession::observation, this, [&](const Observation& observation) {
            pods += observation.kind == ObjectKind::Pod ? 1 : 0;
            jobs += observation.kind == ObjectKind::Job ? 1 : 0;
        });
        QSignalSpy finished(&session, &LiveSession::finished);
        session.start();
        QVERIFY(waitUntil([&] { return bool(watches[0]); }));
        watches[0]->event("ADDED", job("4", false));
        QVERIFY(waitUntil([&] { return watches[1] && watches[2] && pods == 2; }));

        using jobscope::test::FakeExchange;
        constexpr int count = 2000;
        int version = 10;
        const auto next = [&] { return QString::number(version++); };
        QByteArray lines;
        for (int i = 0; i < count; ++i) {
            const QString name = QStringLiteral("job-%1").arg(i);
            lines +=
                FakeExchange::eventLine("ADDED", jobscope::test::fakePod(name, next(), "Pending"));
            lines += FakeExchange::eventLine("MODIFIED", jobscope::test::fakePod(name, next()));
            if (i % 10 == 9) { // deleted while running
                lines += FakeExchange::eventLine("DELETED", jobscope::test::fakePod(name, next()));
                continue;
            }
            const char* end = i % 7 == 0 ? "Failed" : "Succeeded";
            lines +=
                FakeExchange::eventLine("MODIFIED", jobscope::test::fakePod(name, next(), end));
            // A change after the end (a finalizer removed) keeps the Pod ended.
            if (i % 5 == 0)
                lines +=
                    FakeExchange::eventLine("MODIFIED", jobscope::test::fakePod(name, next(), end));
        }
        watches[1]->chunk(lines);
        watches[1]->event("ADDED", jobscope::test::fakePod("job-last", next()));
        const int sent = 2 + count * 3 + count / 5 + 1;
        QVERIFY(waitUntil([&] { return pods == sent; }, 10000));

        // Complete, but two Pods still run.
        watches[0]->event("MODIFIED", job(next(), true));
        QVERIFY(waitUntil([&] { return jobs == 2; }));
        QVERIFY(!session.jobDone());
        watches[1]->event("MODIFIED",
                          jobscope::test::fakePod("listed-running", next(), "Succeeded"));
        QVERIFY(waitUntil([&] { return pods == sent + 1; }));
        QVERIFY(!session.jobDone());
        QCOMPARE(finished.size(), 0);
        watches[1]->event("MODIFIED", jobscope::test::fakePod("job-last", next(), "Failed"));
        QVERIFY(waitUntil([&] { return session.jobDone(); }));
        QCOMPARE(pods, sent + 2);
        QCOMPARE(finished.size(), 1);
        session.stop();
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
        connection.token = QStringLiteral("JSSECRET-session-token"); // see support/secret_audit.sh
        connection.namespaceName = "ns";
        LiveSession session(connection, "job");
        QSignalSpy states(&session, &LiveSession::stateChanged);
        session.start();
        QTRY_COMPARE(session.state(), LiveState::Stopped);
        QVERIFY2(session.stateReason().contains("403") &&
                     session.stateReason().contains("cannot list"),
                 qPrintable(session.stateReason()));
        QVERIFY(!session.stoppedOnConfiguration());
    }

    // Names become part of request paths: an invalid one stops the session before any request,
    // as a configuration error.
    void refusesInvalidNames_data() {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("job");
        QTest::addColumn<QString>("expected");
        QTest::newRow("namespace climbing the path")
            << "x/../../../../api/v1/secrets"
            << "job"
            << "namespace \"x/../../../../api/v1/secrets\" is not valid: a lowercase RFC 1123 "
               "label";
        QTest::newRow("namespace with dots") << "a.b"
                                             << "job"
                                             << "namespace \"a.b\" is not valid: must not "
                                                "contain dots";
        QTest::newRow("Job name with a query") << "ns"
                                               << "j?watch=true"
                                               << "Job name \"j?watch=true\" is not valid";
        QTest::newRow("Job name too long")
            << "ns" << QString(254, QLatin1Char('a')) << "must be no more than 253 characters";
    }
    void refusesInvalidNames() {
        QFETCH(QString, ns);
        QFETCH(QString, job);
        QFETCH(QString, expected);
        FakeApiServer server;
        QVERIFY(server.listen());
        KubeConnection connection;
        connection.server = server.url();
        connection.token = QStringLiteral("JSSECRET-session-token"); // see support/secret_audit.sh
        connection.namespaceName = ns;
        LiveSession session(connection, job);
        session.start();
        QCOMPARE(session.state(), LiveState::Stopped);
        QVERIFY2(session.stateReason().contains(expected), qPrintable(session.stateReason()));
        QVERIFY(session.stoppedOnConfiguration());
        QTest::qWait(50);
        QCOMPARE(server.requests().size(), 0);
        QCOMPARE(invalidJobTarget("batch", "job-a.1"), QString());
    }
};

} // namespace

QTEST_GUILESS_MAIN(LiveSessionTest)
#include "tst_live_session.moc"
