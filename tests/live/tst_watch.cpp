// SPDX-License-Identifier: GPL-3.0-or-later
// The list + watch protocol against the fake API server: resume from the list's
// resourceVersion, bookmarks, re-watch after a normal close, re-list on 410 (status or ERROR
// event), back-off on empty closes and errors, 429 Retry-After, lines split across chunks, the
// idle watchdog, paging; only GETs are sent and no credential reaches an error.

#include "live/fake_api_server.h"

#include "live/api_client.h"
#include "live/trim.h"
#include "live/watch_stream.h"
#include "live/watcher.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace jobscope::live;
using jobscope::test::FakeApiServer;
using jobscope::test::FakeExchangePtr;
using jobscope::test::fakeList;
using jobscope::test::fakePod;

namespace {

const QString kToken = QStringLiteral("JSSECRET-bearer-token-0123456789");
const QString kPods = QStringLiteral("/api/v1/namespaces/ns/pods");

// What the watcher reported, as "TYPE name@rv".
struct Seen {
    QStringList lines;
    QStringList warnings;
    QStringList errors; // failed() and every waiting reason
    QStringList states;
};

// A Pod as the API server sends it: kept and dropped fields, a secret in its environment.
QJsonObject samplePod() {
    const QJsonObject metadata{
        {"name", "job-a-x1"},
        {"namespace", "ns"},
        {"uid", "u1"},
        {"resourceVersion", "12"},
        {"creationTimestamp", "2026-11-27T20:27:20Z"},
        {"labels", QJsonObject{{"job-name", "job-a"}, {"app", "web"}}},
        {"annotations",
         QJsonObject{{"note", "n"}, {"batch.kubernetes.io/job-completion-index", "3"}}},
        {"finalizers", QJsonArray{"batch.kubernetes.io/job-tracking"}},
        {"managedFields", QJsonArray{QJsonObject{{"manager", "m"}}}},
        {"ownerReferences", QJsonArray{QJsonObject{{"apiVersion", "batch/v1"},
                                                   {"kind", "Job"},
                                                   {"name", "job-a"},
                                                   {"uid", "j1"},
                                                   {"controller", true},
                                                   {"blockOwnerDeletion", true}}}}};
    const QJsonObject container{
        {"name", "main"},
        {"image", "busybox"},
        {"env", QJsonArray{QJsonObject{{"name", "TOKEN"}, {"value", "JSSECRET-env"}}}},
        {"resources", QJsonObject{{"requests", QJsonObject{{"cpu", "1"}}}}}};
    const QJsonObject status{
        {"phase", "Running"},
        {"startTime", "2026-11-27T20:27:21Z"},
        {"conditions", QJsonArray{QJsonObject{{"type", "Ready"},
                                              {"status", "True"},
                                              {"lastTransitionTime", "2026-11-27T20:27:22Z"},
                                              {"lastProbeTime", QJsonValue::Null}}}},
        {"containerStatuses",
         QJsonArray{QJsonObject{
             {"name", "main"},
             {"ready", true},
             {"restartCount", 0},
             {"state",
              QJsonObject{{"running", QJsonObject{{"startedAt", "2026-11-27T20:27:22Z"}}}}}}}}};
    return QJsonObject{{"apiVersion", "v1"},
                       {"kind", "Pod"},
                       {"metadata", metadata},
                       {"spec", QJsonObject{{"nodeName", "n1"},
                                            {"restartPolicy", "Never"},
                                            {"containers", QJsonArray{container}}}},
                       {"status", status}};
}

class WatchTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FakeApiServer> server;
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<Watcher> watcher;
    Seen seen;

    void makeWatcher(WatchOptions options = {}) {
        KubeConnection connection;
        connection.server = server->url();
        connection.namespaceName = QStringLiteral("ns");
        connection.token = kToken;
        client = std::make_unique<ApiClient>(connection);
        options.path = kPods;
        options.labelSelector = QStringLiteral("batch.kubernetes.io/controller-uid=abc");
        options.initialBackoffSeconds = 0.02;
        if (options.maxBackoffSeconds == WatchOptions().maxBackoffSeconds)
            options.maxBackoffSeconds = 0.1;
        if (options.idleSeconds == 90)
            options.idleSeconds = 10;
        watcher = std::make_unique<Watcher>(client.get(), options);
        seen = {};
        connect(watcher.get(), &Watcher::observed, this,
                [this](WatchType type, const QJsonObject& object, double receivedAt) {
                    QVERIFY(receivedAt > 1.7e9);
                    const QJsonObject metadata = object.value("metadata").toObject();
                    seen.lines << QStringLiteral("%1 %2@%3")
                                      .arg(watchTypeName(type), metadata.value("name").toString(),
                                           metadata.value("resourceVersion").toString());
                });
        connect(watcher.get(), &Watcher::warning, this,
                [this](const QString& text) { seen.warnings << text; });
        connect(watcher.get(), &Watcher::failed, this,
                [this](const QString& text) { seen.errors << text; });
        connect(watcher.get(), &Watcher::stateChanged, this,
                [this](WatchState state, const QString& reason) {
                    if (state == WatchState::Waiting)
                        seen.errors << reason;
                    seen.states << QString::number(int(state));
                });
    }

    QList<jobscope::test::FakeRequest> watches() const {
        QList<jobscope::test::FakeRequest> out;
        for (const auto& request : server->requests())
            if (request.isWatch())
                out << request;
        return out;
    }
    int listCount() const { return int(server->requests().size() - watches().size()); }

    // Every request was a GET with the token, and no reported text holds the token.
    void checkReadOnlyAndRedacted() {
        QVERIFY(!server->requests().isEmpty());
        for (const auto& request : server->requests()) {
            QCOMPARE(request.method, QByteArray("GET"));
            QCOMPARE(request.headers.value("authorization"), "Bearer " + kToken.toUtf8());
        }
        for (const QString& text : seen.errors + seen.warnings)
            QVERIFY2(!text.contains(kToken), qPrintable(text));
    }

private slots:
    // A new server (and port) for each test: a request still in flight from the previous
    // test's client cannot reach this one.
    void init() {
        server = std::make_unique<FakeApiServer>();
        QVERIFY(server->listen());
    }
    void cleanup() {
        if (watcher)
            watcher->stop();
        watcher.reset();
        client.reset();
        server.reset();
    }

    void listThenWatchResumesFromTheListAndBookmarks() {
        int watchNumber = 0;
        server->setHandler([&](const FakeExchangePtr& exchange) {
            if (!exchange->request().isWatch()) {
                exchange->respondJson(200, fakeList("10", {fakePod("a", "8"), fakePod("b", "9")}));
                return;
            }
            ++watchNumber;
            exchange->beginStream();
            if (watchNumber == 1) {
                exchange->event("ADDED", fakePod("c", "11"));
                exchange->event("BOOKMARK",
                                QJsonObject{{"kind", "Pod"},
                                            {"metadata", QJsonObject{{"resourceVersion", "15"}}}});
                exchange->event("MODIFIED", fakePod("a", "16"));
                exchange->endStream(); // the server's timeoutSeconds
            } else {
                exchange->event("BOOKMARK",
                                QJsonObject{{"metadata", QJsonObject{{"resourceVersion", "20"}}}});
            }
        });
        makeWatcher();
        watcher->start();
        QTRY_COMPARE(watches().size(), 2);
        QCOMPARE(seen.lines,
                 QStringList({"LISTED a@8", "LISTED b@9", "ADDED c@11", "MODIFIED a@16"}));
        const auto first = watches().at(0);
        QCOMPARE(first.value("resourceVersion"), QStringLiteral("10"));
        QCOMPARE(first.value("allowWatchBookmarks"), QStringLiteral("true"));
        QCOMPARE(first.value("labelSelector"),
                 QStringLiteral("batch.kubernetes.io/controller-uid=abc"));
        const int timeout = first.value("timeoutSeconds").toInt();
        QVERIFY2(timeout >= 300 && timeout < 600, qPrintable(QString::number(timeout)));
        // A normal close re-watches from the newest resourceVersion, without a list.
        QCOMPARE(watches().at(1).value("resourceVersion"), QStringLiteral("16"));
        QCOMPARE(listCount(), 1);
        QTRY_COMPARE(watcher->resourceVersion(), QStringLiteral("20"));
        QVERIFY(seen.errors.isEmpty());
        checkReadOnlyAndRedacted();
    }

    void linesSplitAcrossChunks_data() {
        QTest::addColumn<int>("pieceSize");
        QTest::newRow("one byte per chunk") << 1;
        QTest::newRow("7 bytes") << 7;
        QTest::newRow("two lines and a half") << 150;
    }
    void linesSplitAcrossChunks() {
        QFETCH(int, pieceSize);
        QByteArray stream;
        for (int i = 0; i < 3; ++i)
            stream += jobscope::test::FakeExchange::eventLine(
                "ADDED", fakePod(QStringLiteral("p%1").arg(i), QString::number(11 + i)));
        server->setHandler([&](const FakeExchangePtr& exchange) {
            if (!exchange->request().isWatch()) {
                exchange->respondJson(200, fakeList("10", {}));
                return;
            }
            exchange->beginStream();
            if (server->exchanges.size() > 2)
                return; // the second watch stays open
            for (qsizetype at = 0; at < stream.size(); at += pieceSize)
                exchange->chunk(stream.mid(at, pieceSize));
            exchange->endStream();
        });
        makeWatcher();
        watcher->start();
        QTRY_COMPARE(watches().size(), 2);
        QCOMPARE(seen.lines, QStringList({"ADDED p0@11", "ADDED p1@12", "ADDED p2@13"}));
        QVERIFY(seen.warnings.isEmpty());
        QCOMPARE(watches().at(1).value("resourceVersion"), QStringLiteral("13"));
    }

    // 410 Gone, as the watch's HTTP status or as an ERROR event in the stream: list again, and
    // report only what changed (a's new version, b deleted), never a repeat of c.
    void goneRelists_data() {
        QTest::addColumn<bool>("inStream");
        QTest::newRow("HTTP 410") << false;
        QTest::newRow("ERROR event with code 410") << true;
    }
    void goneRelists() {
        QFETCH(bool, inStream);
        int lists = 0;
        server->setHandler([&](const FakeExchangePtr& exchange) {
            if (!exchange->request().isWatch()) {
                ++lists;
                if (lists == 1)
                    exchange->respondJson(200, fakeList("10", {fakePod("a", "8"), fakePod("b", "9"),
                                                               fakePod("c", "10")}));
                else
                    exchange->respondJson(200,
                                          fakeList("30", {fakePod("a", "25"), fakePod("c", "10")}));
                return;
            }
            if (lists >= 2) {
                exchange->beginStream(); // stays open
                return;
            }
            if (!inStream) {
                exchange->respondStatus(410, "Expired", "too old resource version: 10 (20)");
                return;
            }
            exchange->beginStream();
            exchange->event("ERROR", QJsonObject{{"kind", "Status"},
                                                 {"status", "Failure"},
                                                 {"reason", "Expired"},
                                                 {"code", 410},
                                                 {"message", "too old resource version"}});
        });
        makeWatcher();
        watcher->start();
        QTRY_COMPARE(watches().size(), 2);
        QCOMPARE(lists, 2);
        QCOMPARE(seen.lines, QStringList({"LISTED a@8", "LISTED b@9", "LISTED c@10", "LISTED a@25",
                                          "DELETED b@9"}));
        QCOMPARE(watches().at(1).value("resourceVersion"), QStringLiteral("30"));
        QCOMPARE(int(watcher->objects().size()), 2);
        checkReadOnlyAndRedacted();
    }

    // A watch that ends at once without a single event is an error: back off, then watch again
    // from the same resourceVersion.
    void emptyCloseBacksOff() {
        server->setHandler([&](const FakeExchangePtr& exchange) {
            if (!exchange->request().isWatch()) {
                exchange->respondJson(200, fakeList("10", {}));
                return;
            }
            exchange->beginStream();
            if (watches().size() <= 2)
                exchange->endStream();
        });
        makeWatcher();
        watcher->start();
        QTRY_COMPARE(watches().size(), 3);
        QCOMPARE(listCount(), 1);
        QCOMPARE(seen.errors.size(), 2);
        QVERIFY2(seen.errors.first().contains("without sending anything"),
                 qPrintable(seen.errors.first()));
        QCOMPARE(watches().at(2).value("resourceVersion"), QStringLiteral("10"));
    }

    // A dropped connection mid-stream resumes from the last event seen: nothing is lost, nothing
    // repeated. The server answers every watch as the API server does (the events after the
    // requested version) and breaks the first one only once the client has taken its first
    // event: before that, Qt's HTTP layer may resend the request itself, which is no resume.
    void droppedConnectionResumes() {
        const QList<QPair<QString, QString>> history = {{"a", "11"}, {"b", "12"}};
        FakeExchangePtr first;
        server->setHandler([&](const FakeExchangePtr& exchange) {
            if (!exchange->request().isWatch()) {
                exchange->respondJson(200, fakeList("10", {}));
                return;
            }
            exchange->beginStream();
            const int from = exchange->request().value("resourceVersion").toInt();
            if (!first) {
                first = exchange;
                exchange->event("ADDED", fakePod(history[0].first, history[0].second));
                return;
            }
            for (const auto& [name, version] : history)
                if (version.toInt() > from)
                    exchange->event("ADDED", fakePod(name, version));
        });
        makeWatcher();
        watcher->start();
        QTRY_COMPARE(seen.lines.size(), 1);
        first->chunk("{\"type\":\"ADDED\",\"obj"); // half a line, then the cut
        first->drop();
        QTRY_COMPARE(seen.lines.size(), 2);
        QCOMPARE(seen.lines, QStringList({"ADDED a@11", "ADDED b@12"}));
        QCOMPARE(watches().size(), 2);
        QCOMPARE(watches().at(1).value("resourceVersion"), QStringLiteral("11"));
        QCOMPARE(listCount(), 1);
    }

    // Retry-After is waited for, up to the back-off's ceiling: a huge value (past int's range
    // in milliseconds) still retries, at the ceiling.
    void tooManyRequestsWaitsForRetryAfter_data() {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<double>("ceiling");
        QTest::addColumn<qint64>("atLeastMs");
        QTest::addColumn<QString>("announced");
        QTest::newRow("1 s") << QByteArray("1") << 5.0 << qint64(900) << "next in 1.0 s";
        QTest::newRow("3000000 s, capped")
            << QByteArray("3000000") << 0.3 << qint64(250) << "next in 0.3 s";
        QTest::newRow("past int64")
            << QByteArray("99999999999999999999999") << 0.3 << qint64(0) << "next in";
    }
    void tooManyRequestsWaitsForRetryAfter() {
        QFETCH(QByteArray, retryAfter);
        QFETCH(double, ceiling);
        QFETCH(qint64, atLeastMs);
        QFETCH(QString, announced);
        QElapsedTimer clock;
        qint64 refusedAt = 0;
        qint64 retriedAt = 0;
        server->setHandler([&](const FakeExchangePtr& exchange) {
            if (!exchange->request().isWatch()) {
                exchange->respondJson(200, fakeList("10", {}));
                return;
            }
            if (watches().size() == 1) {
                refusedAt = clock.elapsed();
                exchange->respondStatus(429, "TooManyRequests", "slow down",
                                        {{"Retry-After", retryAfter}});
                return;
            }
            retriedAt = clock.elapsed();
            exchange->beginStream();
        });
        WatchOptions options;
        options.maxBackoffSeconds = ceiling;
        makeWatcher(options);
        clock.start();
        watcher->start();
        QTRY_COMPARE_WITH_TIMEOUT(watches().size(), 2, 5000);
        // The exponential back-off would have retried after 20-40 ms.
        QVERIFY2(retriedAt - refusedAt >= atLeastMs,
                 qPrintable(QString::number(retriedAt - refusedAt)));
        QVERIFY(seen.errors.first().contains("429"));
        QVERIFY2(seen.errors.first().contains(announced), qPrintable(seen.errors.first()));
    }

    // No byte for idleSeconds: the watch is presumed dead and opened again.
    void idleWatchdogReconnects() {
        server->setHandler([&](const FakeExchangePtr& exchange) {
            if (!exchange->request().isWatch()) {
                exchange->respondJson(200, fakeList("10", {}));
                return;
            }
            exchange->beginStream();
            if (watches().size() == 1)
                exchange->event("ADDED", fakePod("a", "11")); // then silence
        });
        WatchOptions options;
        options.idleSeconds = 0.3;
        makeWatcher(options);
        watcher->start();
        QTRY_COMPARE(watches().size(), 2);
        QCOMPARE(watches().at(1).value("resourceVersion"), QStringLiteral("11"));
        QVERIFY2(seen.errors.first().contains("no data from the server"),
                 qPrintable(seen.errors.first()));
        QCOMPARE(seen.lines, QStringList({"ADDED a@11"}));
    }

    void malformedLinesAndUnknownTypesAreSkipped() {
        server->setHandler([&](const FakeExchangePtr& exchange) {
            if (!exchange->request().isWatch()) {
                exchange->respondJson(200, fakeList("10", {}));
                return;
            }
            exchange->beginStream();
            exchange->chunk("{this is not json\n");
            exchange->event("SOMETHING_NEW", fakePod("x", "11"));
            exchange->event("ADDED", fakePod("a", "12"));
        });
        makeWatcher();
        watcher->start();
        QTRY_COMPARE(seen.lines.size(), 1);
        QCOMPARE(seen.lines.first(), QStringLiteral("ADDED a@12"));
        QCOMPARE(seen.warnings.size(), 2);
        QVERIFY(seen.warnings.at(0).contains("not JSON"));
        QVERIFY(seen.warnings.at(1).contains("SOMETHING_NEW"));
    }

    // A watch that trims (WatchOptions::trimAs) reads each line as the whole line parsed and
    // trimmed would give: through the pruning reader when it covers the line, else by that
    // very parse.
    void trimmedLinesReadAsParsedAndTrimmed_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("onePass"); // read by the pruning reader, its text kept
        const auto compact = [](const QJsonValue& value) {
            return value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                    : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        };
        const auto event = [&](const char* type, const QJsonValue& object) {
            return compact(QJsonObject{{"type", type}, {"object", object}});
        };
        const QJsonObject pod = samplePod();
        const QJsonObject metadata = pod.value("metadata").toObject();
        QTest::newRow("ADDED, read in one pass") << event("ADDED", pod) << true;
        QTest::newRow("MODIFIED") << event("MODIFIED", pod) << true;
        QTest::newRow("DELETED") << event("DELETED", pod) << true;
        QTest::newRow("BOOKMARK")
            << event("BOOKMARK", QJsonObject{{"kind", "Pod"},
                                             {"apiVersion", "v1"},
                                             {"metadata", QJsonObject{{"resourceVersion", "99"}}}})
            << true;
        QJsonObject accented = pod;
        QJsonObject accentedMetadata = metadata;
        accentedMetadata.insert("annotations", QJsonObject{{"note", QStringLiteral("\u00e9")}});
        accented.insert("metadata", accentedMetadata);
        QTest::newRow("a byte outside ASCII: parsed whole") << event("ADDED", accented) << false;
        QJsonObject job = pod;
        job.insert("kind", "Job");
        QTest::newRow("a Job on the Pod watch: parsed whole") << event("ADDED", job) << false;
        QJsonObject kindless = pod;
        kindless.remove("kind");
        QTest::newRow("no kind: parsed whole") << event("ADDED", kindless) << false;
        QTest::newRow("ERROR: its Status whole")
            << event("ERROR", QJsonObject{{"kind", "Status"},
                                          {"apiVersion", "v1"},
                                          {"status", "Failure"},
                                          {"message", "too old resource version"},
                                          {"code", 410}})
            << false;
        QTest::newRow("ERROR with a Pod") << event("ERROR", pod) << false;
        QTest::newRow("an unknown type") << event("SOMETHING_NEW", pod) << false;
        QTest::newRow("bytes after the event") << event("ADDED", pod) + " {}" << false;
        QTest::newRow("cut short") << event("ADDED", pod).chopped(5) << false;
        QTest::newRow("a capture's line, not a watch line")
            << compact(QJsonObject{{"ts", "2026-11-27T20:27:20Z"},
                                   {"event", QJsonObject{{"type", "ADDED"}, {"object", pod}}}})
            << false;
        QTest::newRow("the object not an object") << event("ADDED", QJsonArray{1, 2}) << false;
    }
    void trimmedLinesReadAsParsedAndTrimmed() {
        QFETCH(QByteArray, line);
        QFETCH(bool, onePass);
        const WatchStreamEvent whole = parseWatchLine(line);
        const WatchStreamEvent trimmed = parseWatchLine(line, ObjectKind::Pod);
        QCOMPARE(int(trimmed.kind), int(whole.kind));
        QCOMPARE(trimmed.type, whole.type);
        QCOMPARE(trimmed.watchType, whole.watchType);
        QCOMPARE(trimmed.parseError, whole.parseError);
        const bool holdsObject = whole.kind == WatchStreamEvent::Kind::Object ||
                                 whole.kind == WatchStreamEvent::Kind::Bookmark;
        const QJsonObject expected =
            holdsObject ? trimObject(ObjectKind::Pod, whole.object) : whole.object;
        QCOMPARE(QJsonDocument(trimmed.object).toJson(QJsonDocument::Compact),
                 QJsonDocument(expected).toJson(QJsonDocument::Compact));
        // The text kept of an object read in one pass is that object.
        QCOMPARE(!trimmed.objectText.isEmpty(), onePass);
        if (onePass)
            QCOMPARE(QJsonDocument::fromJson(trimmed.objectText).object(), expected);
        // What is handed over as an object (an ERROR's Status and an unknown event are not).
        if (holdsObject)
            QVERIFY(!QJsonDocument(trimmed.object).toJson().contains("JSSECRET"));
    }

    // A list answer read by a watcher that trims (trimAs): what reading it whole and trimming
    // each item gives, in one pass where the pruning reader covers the body.
    void listsReadAsParsedAndTrimmed_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("onePass"); // every item's text kept
        const auto compact = [](const QJsonObject& object) {
            return QJsonDocument(object).toJson(QJsonDocument::Compact);
        };
        // As the API server lists them: without their kind.
        QJsonObject pod = samplePod();
        pod.remove("kind");
        pod.remove("apiVersion");
        const QJsonObject metadata = pod.value("metadata").toObject();
        QJsonObject second = pod;
        QJsonObject secondMetadata = metadata;
        secondMetadata.insert("uid", "u2");
        secondMetadata.insert("name", "job-a-x2");
        second.insert("metadata", secondMetadata);
        const auto list = [&](const QJsonValue& items, const QJsonValue& listMetadata) {
            return compact(QJsonObject{{"apiVersion", "v1"},
                                       {"kind", "PodList"},
                                       {"metadata", listMetadata},
                                       {"items", items}});
        };
        const QJsonObject page{{"resourceVersion", "40"}, {"continue", "token-2"}};
        QTest::newRow("items without their kind, as the API server lists them")
            << list(QJsonArray{pod, second}, page) << true;
        QJsonObject named = pod;
        named.insert("kind", "Pod");
        named.insert("apiVersion", "v1");
        QTest::newRow("an item naming its kind") << list(QJsonArray{named}, page) << true;
        QJsonObject job = pod;
        job.insert("kind", "Job");
        QTest::newRow("an item naming another kind: trimmed as a Pod all the same")
            << list(QJsonArray{job}, page) << true;
        QTest::newRow("the last page, no items")
            << list(QJsonArray{}, QJsonObject{{"resourceVersion", "41"}}) << true;
        QTest::newRow("no metadata") << compact(QJsonObject{{"items", QJsonArray{pod}}}) << true;
        QTest::newRow("spaces around it, as a pretty printer writes it")
            << QJsonDocument(QJsonObject{{"metadata", page}, {"items", QJsonArray{pod}}}).toJson()
            << true;
        QJsonObject accented = pod;
        QJsonObject accentedMetadata = metadata;
        accentedMetadata.insert("annotations", QJsonObject{{"note", QStringLiteral("\u00e9")}});
        accented.insert("metadata", accentedMetadata);
        QTest::newRow("a byte outside ASCII: parsed whole")
            << list(QJsonArray{pod, accented}, page) << false;
        QTest::newRow("an item not an object: parsed whole")
            << list(QJsonArray{pod, 7}, page) << false;
        QTest::newRow("items not an array: parsed whole") << list(QJsonObject{}, page) << false;
        QTest::newRow("metadata not an object: parsed whole")
            << list(QJsonArray{pod}, QJsonArray{}) << false;
        QTest::newRow("resourceVersion a number: parsed whole")
            << list(QJsonArray{pod}, QJsonObject{{"resourceVersion", 40}}) << false;
        QTest::newRow("items twice: parsed whole")
            << QByteArray("{\"items\":[],\"items\":") +
                   compact(QJsonObject{{"a", QJsonArray{pod}}}).mid(5)
            << false;
        QTest::newRow("bytes after the list") << list(QJsonArray{pod}, page) + "x" << false;
        QTest::newRow("cut short") << list(QJsonArray{pod}, page).chopped(3) << false;
        QTest::newRow("an array, not a list") << QByteArray("[1,2]") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void listsReadAsParsedAndTrimmed() {
        QFETCH(QByteArray, body);
        QFETCH(bool, onePass);
        const ListBody whole = parseListBody(body);
        const ListBody trimmed = parseListBody(body, ObjectKind::Pod);
        QCOMPARE(trimmed.parseError, whole.parseError);
        QCOMPARE(trimmed.resourceVersion, whole.resourceVersion);
        QCOMPARE(trimmed.continueToken, whole.continueToken);
        QCOMPARE(trimmed.items.size(), whole.items.size());
        bool everyText = true;
        for (std::size_t i = 0; i < whole.items.size(); ++i) {
            const QJsonObject expected = trimObject(ObjectKind::Pod, whole.items[i].object);
            const ListItem& item = trimmed.items[i];
            QCOMPARE(QJsonDocument(item.object).toJson(QJsonDocument::Compact),
                     QJsonDocument(expected).toJson(QJsonDocument::Compact));
            QVERIFY(!QJsonDocument(item.object).toJson().contains("JSSECRET"));
            QVERIFY(whole.items[i].objectText.isEmpty());
            everyText = everyText && !item.objectText.isEmpty();
            if (!item.objectText.isEmpty())
                QCOMPARE(QJsonDocument::fromJson(item.objectText).object(), expected);
        }
        if (!whole.items.empty())
            QCOMPARE(everyText, onePass);
    }

    void listsInPages() {
        server->setHandler([&](const FakeExchangePtr& exchange) {
            const auto& request = exchange->request();
            if (request.isWatch()) {
                exchange->beginStream();
                return;
            }
            QCOMPARE(request.value("limit"), QStringLiteral("1"));
            if (request.value("continue").isEmpty())
                exchange->respondJson(200, fakeList("40", {fakePod("a", "31")}, "token-2"));
            else
                exchange->respondJson(200, fakeList("41", {fakePod("b", "32")}));
        });
        WatchOptions options;
        options.listPageSize = 1;
        makeWatcher(options);
        watcher->start();
        QTRY_COMPARE(watches().size(), 1);
        QCOMPARE(listCount(), 2);
        QCOMPARE(server->requests().at(1).value("continue"), QStringLiteral("token-2"));
        QCOMPARE(seen.lines, QStringList({"LISTED a@31", "LISTED b@32"}));
        // Every page belongs to the first page's snapshot.
        QCOMPARE(watches().first().value("resourceVersion"), QStringLiteral("40"));
    }

    // A watcher that trims hands over each listed object trimmed, with the text it was read
    // into, for a recording to write as it is.
    void trimmingWatcherListsWithTheItemsText() {
        const QJsonArray served{fakePod("a", "31"), fakePod("b", "32")};
        server->setHandler([&](const FakeExchangePtr& exchange) {
            if (exchange->request().isWatch())
                exchange->beginStream();
            else
                exchange->respondJson(200, fakeList("40", served));
        });
        WatchOptions options;
        options.trimAs = ObjectKind::Pod;
        makeWatcher(options);
        QList<QPair<QJsonObject, QByteArray>> listed;
        connect(watcher.get(), &Watcher::observed, this,
                [&](WatchType type, const QJsonObject& object, double, const QByteArray& text) {
                    if (type == WatchType::Listed)
                        listed.append({object, text});
                });
        watcher->start();
        QTRY_COMPARE(watches().size(), 1);
        QCOMPARE(listed.size(), served.size());
        for (qsizetype i = 0; i < served.size(); ++i) {
            const QJsonObject expected = trimObject(ObjectKind::Pod, served[i].toObject());
            QCOMPARE(listed[i].first, expected);
            QVERIFY(!listed[i].second.isEmpty());
            QCOMPARE(QJsonDocument::fromJson(listed[i].second).object(), expected);
        }
    }

    // Server errors whose text echoes the credential: the watcher's messages never do.
    void errorsNeverShowTheToken_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("fatal");
        QTest::newRow("500 retried") << 500 << false;
        QTest::newRow("403 stops") << 403 << true;
        QTest::newRow("401 stops") << 401 << true;
    }
    void errorsNeverShowTheToken() {
        QFETCH(int, status);
        QFETCH(bool, fatal);
        server->setHandler([&](const FakeExchangePtr& exchange) {
            if (server->requests().size() <= 1)
                exchange->respondStatus(status, "Failure",
                                        "rejected Authorization: Bearer " + kToken);
            else
                exchange->respondJson(200, fakeList("10", {}));
        });
        makeWatcher();
        watcher->start();
        if (fatal) {
            QTRY_COMPARE(watcher->state(), WatchState::Stopped);
            QCOMPARE(server->requests().size(), 1);
        } else {
            QTRY_VERIFY(watcher->hasSynced());
        }
        QVERIFY(!seen.errors.isEmpty());
        QVERIFY2(seen.errors.first().contains(QString::number(status)),
                 qPrintable(seen.errors.first()));
        QVERIFY2(seen.errors.first().contains("[redacted]"), qPrintable(seen.errors.first()));
        checkReadOnlyAndRedacted();
    }
};

} // namespace

QTEST_GUILESS_MAIN(WatchTest)
#include "tst_watch.moc"
