// SPDX-License-Identifier: GPL-3.0-or-later
// TLS against a real TLS server, driven through a kubeconfig as a user writes one: the cluster
// CA from a file or inline data, an unknown CA, insecure-skip-tls-verify, tls-server-name, and
// client certificates (RSA and EC keys, PKCS#1 / SEC1 and PKCS#8, file and inline data) that a
// server requiring them checks. The certificates are committed in fixtures/tls (generate.sh
// made them). A failure must name what went wrong and never echo a credential. proxy-url sends
// every request through an HTTP proxy (absolute-form requests for http, CONNECT for https);
// without it, HTTP_PROXY / HTTPS_PROXY do, as kubectl reads them.

#include "live/fake_api_server.h"
#include "live/fake_http_proxy.h"

#include "live/kubeconfig.h"
#include "live/live_session.h"
#include "support/test_paths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace jobscope::live;
using jobscope::test::FakeApiServer;
using jobscope::test::FakeExchangePtr;
using jobscope::test::FakeTls;

namespace {

const QString kToken = QStringLiteral("JSSECRET-tls-token-0f9c2d7e5b");

QString fixturePath(const QString& name) {
    return jobscope::test::sourceDir() + "/tests/live/fixtures/tls/" + name;
}

QByteArray fixture(const QString& name) {
    QFile file(fixturePath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

// A kubeconfig entry: `key: path` for a file, `key-data: base64` for inline data.
QString pemEntry(const QString& key, const QString& fixtureName, bool inlineData) {
    if (inlineData)
        return QStringLiteral("%1-data: %2")
            .arg(key, QString::fromLatin1(fixture(fixtureName).toBase64()));
    return QStringLiteral("%1: %2").arg(key, fixturePath(fixtureName));
}

// The Job the fake server knows: listed at resourceVersion 5, changed once in the watch.
QJsonObject job(const QString& resourceVersion, bool complete) {
    QJsonObject status{{"active", complete ? 0 : 1}};
    if (complete)
        status.insert("conditions",
                      QJsonArray{QJsonObject{{"type", "Complete"}, {"status", "True"}}});
    return QJsonObject{
        {"kind", "Job"},
        {"apiVersion", "batch/v1"},
        {"metadata", QJsonObject{{"name", "job"},
                                 {"namespace", "ns"},
                                 {"uid", "uid-job"},
                                 {"resourceVersion", resourceVersion},
                                 {"creationTimestamp", "2026-11-28T10:00:00Z"}}},
        {"spec",
         QJsonObject{{"parallelism", 1},
                     {"selector",
                      QJsonObject{{"matchLabels", QJsonObject{{"batch.kubernetes.io/controller-uid",
                                                               "uid-job"}}}}}}},
        {"status", status}};
}

void serveOneJob(FakeApiServer& server) {
    server.setHandler([](const FakeExchangePtr& exchange) {
        const auto& request = exchange->request();
        const bool jobs = request.path.endsWith("/jobs");
        if (!request.isWatch()) {
            QJsonArray items;
            if (jobs)
                items << job("5", false);
            else if (request.path.endsWith("/pods"))
                items << jobscope::test::fakePod("job-abc", "5");
            exchange->respondJson(200, jobscope::test::fakeList("5", items));
            return;
        }
        exchange->beginStream();
        if (jobs)
            exchange->event("MODIFIED", job("6", false));
    });
}

// What a session made of one connection attempt.
struct Outcome {
    QList<Observation> seen;
    QStringList warnings;
    LiveState state = LiveState::Connecting;
    QString reason;

    int count(ObjectKind kind) const {
        return int(std::count_if(seen.begin(), seen.end(),
                                 [kind](const Observation& o) { return o.kind == kind; }));
    }
    bool working() const {
        return state == LiveState::Connected && count(ObjectKind::Job) == 2 &&
               count(ObjectKind::Pod) == 1;
    }
};

// Follows the Job until it is seen listed, then watched (or until the session gives up).
Outcome run(const KubeConnection& connection) {
    LiveSession session(connection, QStringLiteral("job"));
    WatchOptions tuning;
    tuning.initialBackoffSeconds = 0.05;
    session.setWatchTuning(tuning);
    Outcome outcome;
    QObject::connect(&session, &LiveSession::observation,
                     [&](const Observation& observation) { outcome.seen << observation; });
    QObject::connect(&session, &LiveSession::warning,
                     [&](const QString& text) { outcome.warnings << text; });
    const auto update = [&] {
        outcome.state = session.state();
        outcome.reason = session.stateReason();
    };
    session.start();
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 5000) {
        QTest::qWait(20);
        update();
        if (outcome.working() || outcome.state == LiveState::Stopped)
            break;
    }
    // A failure that is retried shows as "reconnecting" with its reason: report that.
    update();
    session.stop();
    return outcome;
}

class LiveTlsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;

    // Writes a kubeconfig for `server` with these cluster and user lines; returns what the
    // client would connect with.
    KubeConnection connectionFor(const QString& server, const QStringList& clusterLines,
                                 const QStringList& userLines) {
        QString yaml = QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n"
                                      "  cluster:\n    server: %1\n")
                           .arg(server);
        for (const QString& line : clusterLines)
            yaml += "    " + line + "\n";
        yaml += "contexts:\n- name: ctx\n  context: {cluster: c, user: u, namespace: ns}\n"
                "current-context: ctx\nusers:\n- name: u\n  user:\n";
        yaml += "    token: " + kToken + "\n";
        for (const QString& line : userLines)
            yaml += "    " + line + "\n";
        const QString path = dir.filePath(QStringLiteral("config-%1").arg(++configs_));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(yaml.toUtf8());
        file.close();
        KubeconfigOptions options;
        options.kubeconfig = path;
        QString error;
        const auto connection = resolveConnection(options, &error);
        if (!connection)
            qFatal("kubeconfig rejected: %s", qPrintable(error));
        return *connection;
    }

    // No credential, key or certificate body in what the user is shown.
    void verifyNoSecrets(const Outcome& outcome) {
        QStringList secrets{kToken, QStringLiteral("PRIVATE KEY")};
        for (const char* key : {"client-rsa.key", "client-ec.key", "client-rsa.pkcs8.key"}) {
            // A line from the middle of each key, base64 as in the file.
            const QList<QByteArray> lines = fixture(key).split('\n');
            secrets << QString::fromLatin1(lines.value(lines.size() / 2));
            secrets << QString::fromLatin1(fixture(key).toBase64().mid(40, 40));
        }
        const QStringList texts = QStringList(outcome.reason) + outcome.warnings;
        for (const QString& text : texts)
            for (const QString& secret : secrets)
                QVERIFY2(!text.contains(secret), qPrintable(text));
    }

    int configs_ = 0;

private slots:
    void initTestCase() {
        QVERIFY(dir.isValid());
        // Without a TLS backend every case below would fail for that reason alone: say so.
        QVERIFY2(QSslSocket::supportsSsl(),
                 qPrintable("no TLS backend: available " +
                            QSslSocket::availableBackends().join(", ") + "; active " +
                            QSslSocket::activeBackend() + " (Debian: libssl3)"));
    }

    // The cluster CA, from a file or inline: list and watch work over TLS.
    void trustsTheClusterCa_data() {
        QTest::addColumn<bool>("inlineData");
        QTest::newRow("certificate-authority (file)") << false;
        QTest::newRow("certificate-authority-data") << true;
    }
    void trustsTheClusterCa() {
        QFETCH(bool, inlineData);
        FakeApiServer server;
        QVERIFY(server.listenTls({fixture("server.crt"), fixture("server.key"), {}, false}));
        serveOneJob(server);
        const Outcome outcome = run(connectionFor(
            server.url(), {pemEntry("certificate-authority", "ca.crt", inlineData)}, {}));
        QVERIFY2(outcome.working(),
                 qPrintable(liveStateName(outcome.state) + ": " + outcome.reason));
        QVERIFY(server.url().startsWith("https://"));
        QVERIFY(outcome.warnings.isEmpty());
        bool watched = false;
        for (const auto& request : server.requests()) {
            QCOMPARE(request.method, QByteArray("GET"));
            QCOMPARE(request.headers.value("authorization"), "Bearer " + kToken.toUtf8());
            watched = watched || (request.isWatch() && request.path.endsWith("/jobs"));
        }
        QVERIFY(watched);
        QVERIFY(server.handshakeErrors().isEmpty());
    }

    // A server whose certificate the client cannot verify: a clear error that names the
    // failure, nothing observed, no credential in the message.
    void refusesAnUnverifiedServer_data() {
        QTest::addColumn<QString>("serverCertificate");
        QTest::addColumn<QStringList>("clusterLines");
        QTest::addColumn<QString>("expected"); // in the reason
        QTest::newRow("unrelated CA file")
            << "server" << QStringList{pemEntry("certificate-authority", "other-ca.crt", false)}
            << "issuer certificate";
        QTest::newRow("unrelated CA data")
            << "server" << QStringList{pemEntry("certificate-authority", "other-ca.crt", true)}
            << "issuer certificate";
        QTest::newRow("no CA: the system's do not know it")
            << "server" << QStringList{} << "issuer certificate";
        QTest::newRow("name mismatch without tls-server-name")
            << "internal" << QStringList{pemEntry("certificate-authority", "ca.crt", false)}
            << "host name did not match";
        QTest::newRow("tls-server-name other than the certificate's")
            << "internal"
            << QStringList{pemEntry("certificate-authority", "ca.crt", false),
                           "tls-server-name: other.internal"}
            << "host name did not match";
    }
    void refusesAnUnverifiedServer() {
        QFETCH(QString, serverCertificate);
        QFETCH(QStringList, clusterLines);
        QFETCH(QString, expected);
        FakeApiServer server;
        QVERIFY(server.listenTls(
            {fixture(serverCertificate + ".crt"), fixture(serverCertificate + ".key"), {}, false}));
        serveOneJob(server);
        const Outcome outcome =
            run(connectionFor(server.url(), clusterLines,
                              {pemEntry("client-certificate", "client-rsa.crt", true),
                               pemEntry("client-key", "client-rsa.key", true)}));
        QCOMPARE(liveStateName(outcome.state), QString("stopped"));
        QVERIFY2(outcome.reason.contains(expected, Qt::CaseInsensitive),
                 qPrintable(outcome.reason));
        QVERIFY2(outcome.reason.contains("TLS") && outcome.reason.contains(server.url()),
                 qPrintable(outcome.reason));
        QVERIFY(outcome.seen.isEmpty());
        QVERIFY(server.requests().isEmpty()); // not a byte of HTTP, so not the token
        verifyNoSecrets(outcome);
    }

    // insecure-skip-tls-verify connects to any certificate, and the user is warned.
    void insecureSkipTlsVerify_data() {
        QTest::addColumn<QString>("serverCertificate");
        QTest::newRow("certificate of another name") << "internal";
        QTest::newRow("certificate of an unknown CA") << "server";
    }
    void insecureSkipTlsVerify() {
        QFETCH(QString, serverCertificate);
        FakeApiServer server;
        QVERIFY(server.listenTls(
            {fixture(serverCertificate + ".crt"), fixture(serverCertificate + ".key"), {}, false}));
        serveOneJob(server);
        const KubeConnection connection =
            connectionFor(server.url(), {"insecure-skip-tls-verify: true"}, {});
        const Outcome outcome = run(connection);
        QVERIFY2(outcome.working(),
                 qPrintable(liveStateName(outcome.state) + ": " + outcome.reason));
        QVERIFY2(outcome.warnings.size() == 1 &&
                     outcome.warnings.first().contains("insecure-skip-tls-verify"),
                 qPrintable(outcome.warnings.join('\n')));
    }

    // The "kubernetes.internal" certificate at 127.0.0.1 verifies only under that name.
    void tlsServerName_data() {
        QTest::addColumn<bool>("inlineData");
        QTest::newRow("CA file") << false;
        QTest::newRow("CA data") << true;
    }
    void tlsServerName() {
        QFETCH(bool, inlineData);
        FakeApiServer server;
        QVERIFY(server.listenTls({fixture("internal.crt"), fixture("internal.key"), {}, false}));
        serveOneJob(server);
        const Outcome outcome =
            run(connectionFor(server.url(),
                              {pemEntry("certificate-authority", "ca.crt", inlineData),
                               "tls-server-name: kubernetes.internal"},
                              {}));
        QVERIFY2(outcome.working(),
                 qPrintable(liveStateName(outcome.state) + ": " + outcome.reason));
        QVERIFY(outcome.warnings.isEmpty());
    }

    // A server that requires a client certificate signed by the cluster CA gets the user's,
    // whatever its key type and however the kubeconfig holds it.
    void presentsTheClientCertificate_data() {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("inlineData");
        QTest::addColumn<QString>("subject");
        QTest::newRow("RSA (PKCS#1), files") << "client-rsa.crt"
                                             << "client-rsa.key" << false << "jobscope-rsa-user";
        QTest::newRow("RSA (PKCS#1), data") << "client-rsa.crt"
                                            << "client-rsa.key" << true << "jobscope-rsa-user";
        QTest::newRow("RSA (PKCS#8), data")
            << "client-rsa.crt"
            << "client-rsa.pkcs8.key" << true << "jobscope-rsa-user";
        QTest::newRow("EC (SEC1), files") << "client-ec.crt"
                                          << "client-ec.key" << false << "jobscope-ec-user";
        QTest::newRow("EC (SEC1), data") << "client-ec.crt"
                                         << "client-ec.key" << true << "jobscope-ec-user";
        QTest::newRow("EC (PKCS#8), files") << "client-ec.crt"
                                            << "client-ec.pkcs8.key" << false << "jobscope-ec-user";
    }
    void presentsTheClientCertificate() {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(bool, inlineData);
        QFETCH(QString, subject);
        FakeApiServer server;
        QVERIFY(server.listenTls(
            {fixture("server.crt"), fixture("server.key"), fixture("ca.crt"), true}));
        serveOneJob(server);
        const Outcome outcome = run(
            connectionFor(server.url(), {pemEntry("certificate-authority", "ca.crt", inlineData)},
                          {pemEntry("client-certificate", certificate, inlineData),
                           pemEntry("client-key", key, inlineData)}));
        QVERIFY2(outcome.working(),
                 qPrintable(liveStateName(outcome.state) + ": " + outcome.reason +
                            " / server: " + server.handshakeErrors().join("; ")));
        QVERIFY(!server.requests().isEmpty());
        for (const auto& request : server.requests())
            QCOMPARE(request.clientCertificateSubject, subject);
        QVERIFY2(server.handshakeErrors().isEmpty(),
                 qPrintable(server.handshakeErrors().join("; ")));
    }

    // The server requires a client certificate the user does not have (only a token, or a
    // certificate of another CA): the handshake fails, the message says why and where, and
    // nothing is retried or echoed.
    void clientCertificateRefused_data() {
        QTest::addColumn<QStringList>("userLines");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no client certificate")
            << QStringList{} << "the server may require a client certificate";
        QTest::newRow("client certificate of an unrelated CA")
            << QStringList{pemEntry("client-certificate", "client-other.crt", true),
                           pemEntry("client-key", "client-other.key", true)}
            << "may not accept the kubeconfig user's client certificate";
    }
    void clientCertificateRefused() {
        QFETCH(QStringList, userLines);
        QFETCH(QString, expected);
        FakeApiServer server;
        QVERIFY(server.listenTls(
            {fixture("server.crt"), fixture("server.key"), fixture("ca.crt"), true}));
        serveOneJob(server);
        const Outcome outcome = run(connectionFor(
            server.url(), {pemEntry("certificate-authority", "ca.crt", false)}, userLines));
        QCOMPARE(liveStateName(outcome.state), QString("stopped"));
        QVERIFY2(outcome.reason.contains("TLS handshake failed") &&
                     outcome.reason.contains(" alert ") && outcome.reason.contains(expected) &&
                     outcome.reason.contains(server.url()),
                 qPrintable(outcome.reason));
        QVERIFY(outcome.seen.isEmpty());
        QVERIFY(server.requests().isEmpty());
        QVERIFY(!server.handshakeErrors().isEmpty());
        verifyNoSecrets(outcome);
    }

    // proxy-url: every request goes through the proxy, and the session works through it.
    void throughProxyUrl_data() {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http server: absolute-form requests") << false;
        QTest::newRow("https server: a CONNECT tunnel") << true;
    }
    void throughProxyUrl() {
        QFETCH(bool, tls);
        FakeApiServer server;
        QVERIFY(tls ? server.listenTls({fixture("server.crt"), fixture("server.key"), {}, false})
                    : server.listen());
        serveOneJob(server);
        jobscope::test::FakeHttpProxy proxy(server.port());
        QVERIFY(proxy.listen());
        QStringList clusterLines{"proxy-url: " + proxy.url()};
        if (tls)
            clusterLines << pemEntry("certificate-authority", "ca.crt", true);
        const Outcome outcome = run(connectionFor(server.url(), clusterLines, {}));
        QVERIFY2(outcome.working(),
                 qPrintable(liveStateName(outcome.state) + ": " + outcome.reason));
        QVERIFY(!proxy.requestLines().isEmpty());
        const QByteArray authority = server.url().mid(server.url().indexOf("//") + 2).toLatin1();
        for (const QByteArray& line : proxy.requestLines()) {
            if (tls)
                QCOMPARE(line, "CONNECT " + authority + " HTTP/1.1");
            else
                QVERIFY2(line.startsWith("GET http://" + authority + "/ap"), line.constData());
        }
        // Every request the server answered came through the proxy: for http, one line each.
        // The proxy may have taken one more that the stopping session never saw answered.
        if (!tls) {
            QTRY_VERIFY(proxy.requestLines().size() >= server.requests().size());
            QVERIFY(proxy.requestLines().size() <= server.requests().size() + 1);
            // At least what "working" needed: the Job's list and watch, the Pods' list (the
            // Events' requests may still be on their way when the session stops).
            QVERIFY(proxy.requestLines().size() >= 3);
        }
    }

    // HTTPS_PROXY / HTTP_PROXY when the kubeconfig has no proxy-url. The server is named by a
    // host that does not resolve (api.jobscope.test, kubernetes.internal): only the proxy, which
    // hands every connection to the fake server, can reach it. Loopback servers are never
    // proxied, and a proxy-url wins over the environment.
    void throughEnvironmentProxy_data() {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("host");     // the server's host in the kubeconfig
        QTest::addColumn<bool>("proxyUrlToo"); // proxy-url names the proxy, the variable a
                                               // port where nothing listens
        QTest::addColumn<bool>("expectProxied");
        QTest::newRow("HTTP_PROXY, http server") << false << "api.jobscope.test" << false << true;
        QTest::newRow("HTTPS_PROXY, https server: CONNECT")
            << true << "kubernetes.internal" << false << true;
        QTest::newRow("proxy-url wins over HTTP_PROXY")
            << false << "api.jobscope.test" << true << true;
        QTest::newRow("loopback server: direct") << false << "127.0.0.1" << false << false;
    }
    void throughEnvironmentProxy() {
        QFETCH(bool, tls);
        QFETCH(QString, host);
        QFETCH(bool, proxyUrlToo);
        QFETCH(bool, expectProxied);
        FakeApiServer server;
        QVERIFY(
            tls ? server.listenTls({fixture("internal.crt"), fixture("internal.key"), {}, false})
                : server.listen());
        serveOneJob(server);
        jobscope::test::FakeHttpProxy proxy(server.port());
        QVERIFY(proxy.listen());
        QString variableValue = proxy.url();
        if (proxyUrlToo) {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            variableValue = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
        }
        const char* variable = tls ? "HTTPS_PROXY" : "HTTP_PROXY";
        qputenv(variable, variableValue.toUtf8());
        qunsetenv("NO_PROXY");
        qunsetenv("no_proxy");
        const auto restore = qScopeGuard([variable] { qunsetenv(variable); });

        const QString url =
            QStringLiteral("%1://%2:%3").arg(tls ? "https" : "http", host).arg(server.port());
        QStringList clusterLines;
        if (proxyUrlToo)
            clusterLines << "proxy-url: " + proxy.url();
        if (tls)
            clusterLines << pemEntry("certificate-authority", "ca.crt", true);
        const Outcome outcome = run(connectionFor(url, clusterLines, {}));
        QVERIFY2(outcome.working(),
                 qPrintable(liveStateName(outcome.state) + ": " + outcome.reason));
        if (!expectProxied) {
            QVERIFY(proxy.requestLines().isEmpty());
            return;
        }
        QVERIFY(!proxy.requestLines().isEmpty());
        const QByteArray authority =
            QStringLiteral("%1:%2").arg(host).arg(server.port()).toLatin1();
        for (const QByteArray& line : proxy.requestLines()) {
            if (tls)
                QCOMPARE(line, "CONNECT " + authority + " HTTP/1.1");
            else
                QVERIFY2(line.startsWith("GET http://" + authority + "/ap"), line.constData());
        }
    }
};

} // namespace

QTEST_GUILESS_MAIN(LiveTlsTest)
#include "tst_live_tls.moc"
