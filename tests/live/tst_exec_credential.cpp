// SPDX-License-Identifier: GPL-3.0-or-later
// Exec credential plugins: a small shell-script plugin in a temporary folder, run without a
// shell by the provider; its token or client certificate is used, cached until it expires, run
// again after a 401; failures say why (installHint, the plugin's stderr, a timeout) and never
// quote the plugin's output.

#include "live/fake_api_server.h"

#include "live/api_client.h"
#include "live/exec_credential.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace jobscope::live;
using jobscope::test::FakeApiServer;
using jobscope::test::FakeExchangePtr;

namespace {

class ExecCredentialTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;

    // A plugin that counts its runs in `runs`, answers token-<run> and copies its environment
    // to `env.txt`. `expires` is an RFC 3339 time or "".
    QString writePlugin(const QString& name, const QByteArray& body) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the plugin");
        file.write("#!/bin/sh\n" + body);
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }
    QString tokenPlugin() {
        return writePlugin(
            "token-plugin",
            "cd \"$(dirname \"$0\")\"\n"
            "echo x >> runs\n"
            "n=$(wc -l < runs | tr -d ' ')\n"
            "printf '%s\\n%s\\n' \"$KUBERNETES_EXEC_INFO\" \"$REGION $1\" > env.txt\n"
            "exp=''\n"
            "[ -n \"$EXPIRES\" ] && exp=\",\\\"expirationTimestamp\\\":\\\"$EXPIRES\\\"\"\n"
            "echo \"{\\\"apiVersion\\\":\\\"client.authentication.k8s.io/v1\\\","
            "\\\"kind\\\":\\\"ExecCredential\\\",\\\"status\\\":{\\\"token\\\":\\\"JSSECRET-token-$"
            "n\\\"$"
            "exp}}\"\n");
    }
    KubeConnection connectionFor(const QString& command, const QString& expires = {}) {
        KubeConnection connection;
        connection.server = QStringLiteral("https://cluster.example:6443");
        connection.namespaceName = QStringLiteral("ns");
        ExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.command = command;
        exec.args = {QStringLiteral("arg-one")};
        exec.env = {{QStringLiteral("REGION"), QStringLiteral("eu-west")},
                    {QStringLiteral("EXPIRES"), expires}};
        exec.installHint = QStringLiteral("Install the plugin with: brew install plugin");
        exec.provideClusterInfo = true;
        connection.exec = exec;
        return connection;
    }
    int runs() const {
        QFile file(dir.filePath("runs"));
        return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
    }

    // Asks once and waits for the answer: the token, or "error: message".
    static QString ask(ExecCredentialProvider& provider) {
        QSignalSpy ready(&provider, &ExecCredentialProvider::ready);
        QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
        provider.request();
        if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 10000))
            return QStringLiteral("timeout");
        if (!failed.isEmpty())
            return "error: " + failed.first().first().toString();
        return ready.first().first().value<ExecCredential>().token;
    }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }
    void init() { QFile::remove(dir.filePath("runs")); }

    void runsThePluginAndCachesTheToken() {
        ExecCredentialProvider provider(connectionFor(tokenPlugin()));
        QCOMPARE(ask(provider), QStringLiteral("JSSECRET-token-1"));
        QCOMPARE(ask(provider), QStringLiteral("JSSECRET-token-1"));
        QCOMPARE(runs(), 1);
        // The plugin saw its args and env, and the cluster (provideClusterInfo).
        QFile env(dir.filePath("env.txt"));
        QVERIFY(env.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = env.readAll().split('\n');
        const QJsonObject info = QJsonDocument::fromJson(lines.value(0)).object();
        QCOMPARE(info.value("kind").toString(), QStringLiteral("ExecCredential"));
        QCOMPARE(info.value("spec").toObject().value("interactive").toBool(true), false);
        QCOMPARE(
            info.value("spec").toObject().value("cluster").toObject().value("server").toString(),
            QStringLiteral("https://cluster.example:6443"));
        QCOMPARE(lines.value(1), QByteArray("eu-west arg-one"));
        provider.invalidate();
        QCOMPARE(ask(provider), QStringLiteral("JSSECRET-token-2"));
    }

    void runsAgainOnceTheTokenExpired_data() {
        QTest::addColumn<int>("expiresInSeconds");
        QTest::addColumn<int>("runsAfterTwoAsks");
        QTest::newRow("expired") << -60 << 2;
        QTest::newRow("valid for an hour") << 3600 << 1;
    }
    void runsAgainOnceTheTokenExpired() {
        QFETCH(int, expiresInSeconds);
        QFETCH(int, runsAfterTwoAsks);
        const QString expires =
            QDateTime::currentDateTimeUtc().addSecs(expiresInSeconds).toString(Qt::ISODate);
        ExecCredentialProvider provider(connectionFor(tokenPlugin(), expires));
        QCOMPARE(ask(provider), QStringLiteral("JSSECRET-token-1"));
        ask(provider);
        QCOMPARE(runs(), runsAfterTwoAsks);
    }

    void failuresSayWhy_data() {
        QTest::addColumn<QByteArray>("script"); // "" = a command that does not exist
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing command shows the install hint")
            << QByteArray() << "Install the plugin with: brew install plugin";
        QTest::newRow("plugin fails: its stderr")
            << QByteArray("echo 'please log in first' >&2\nexit 3\n")
            << "failed (exit status 3): please log in first";
        QTest::newRow("not JSON") << QByteArray("echo 'token=JSSECRET-hunter2'\n")
                                  << "did not print an ExecCredential JSON object";
        QTest::newRow("no token")
            << QByteArray("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                          "\"kind\":\"ExecCredential\",\"status\":{}}'\n")
            << "neither status.token nor status.clientCertificateData";
        QTest::newRow("wrong apiVersion")
            << QByteArray(
                   "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
                   "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"JSSECRET-hunter2\"}}'\n")
            << "answered with apiVersion 'client.authentication.k8s.io/v1beta1'";
    }
    void failuresSayWhy() {
        QFETCH(QByteArray, script);
        QFETCH(QString, expected);
        const QString command = script.isEmpty() ? dir.filePath("no-such-plugin")
                                                 : writePlugin("failing-plugin", script);
        ExecCredentialProvider provider(connectionFor(command));
        const QString answer = ask(provider);
        QVERIFY2(answer.startsWith("error: ") && answer.contains(expected), qPrintable(answer));
        QVERIFY2(!answer.contains("JSSECRET"), qPrintable(answer));
    }

    void timesOut() {
        ExecCredentialProvider provider(connectionFor(writePlugin("slow-plugin", "sleep 10\n")));
        provider.setTimeout(200);
        const QString answer = ask(provider);
        QVERIFY2(answer.contains("did not answer within 0.2 s"), qPrintable(answer));
        QVERIFY(!provider.running());
    }

    // A plugin that prints without end is stopped once it passes the size of any object, and
    // one that cannot be started is a failure that running it again cannot mend.
    void endlessOutputIsStopped() {
        ExecCredentialProvider provider(
            connectionFor(writePlugin("endless-plugin", "exec yes jobscope-endless-output\n")));
        QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
        provider.request();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 4000);
        QVERIFY2(failed.first().first().toString().contains("printed more than 3 MiB"),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!provider.running());
        QVERIFY(!provider.cannotRun());
    }
    void missingPluginCannotRun() {
        ExecCredentialProvider provider(connectionFor(dir.filePath("no-such-plugin")));
        QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
        provider.request();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 4000);
        QVERIFY(provider.cannotRun());
    }

    void usesClientCertificateData() {
        const QByteArray json =
            "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
            "\"status\":{\"clientCertificateData\":\"-----BEGIN CERTIFICATE-----\\nAA\\n-----END "
            "CERTIFICATE-----\\n\",\"clientKeyData\":\"-----BEGIN EC PRIVATE KEY-----\\nBB\\n-----"
            "END EC PRIVATE KEY-----\\n\",\"expirationTimestamp\":\"2030-01-02T03:04:05Z\"}}";
        QString error;
        const auto credential =
            parseExecCredential(json, QStringLiteral("client.authentication.k8s.io/v1"), &error);
        QVERIFY2(credential, qPrintable(error));
        QVERIFY(credential->token.isEmpty());
        QVERIFY(credential->clientCertificatePem.startsWith("-----BEGIN CERTIFICATE-----\nAA"));
        QVERIFY(credential->clientKeyPem.contains("BB"));
        QCOMPARE(credential->expiration, QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC));
    }

    // The server refuses the cached token (revoked early): the client runs the plugin again and
    // repeats the GET with the new token, once.
    void runsAgainAfterUnauthorized() {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeExchangePtr& exchange) {
            if (exchange->request().headers.value("authorization") == "Bearer JSSECRET-token-2")
                exchange->respondJson(200, QJsonObject{{"kind", "Status"}});
            else
                exchange->respondStatus(401, "Unauthorized", "Unauthorized");
        });
        KubeConnection connection = connectionFor(tokenPlugin());
        connection.server = server.url();
        ApiClient client(connection);
        QString answer = ask(*client.execProvider()); // token-1 is now cached
        QCOMPARE(answer, QStringLiteral("JSSECRET-token-1"));
        ApiReply* reply = client.get(QStringLiteral("/api/v1/namespaces/ns/pods"));
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(finished.wait(10000));
        const auto result = finished.first().first().value<ApiResult>();
        QCOMPARE(result.httpStatus, 200);
        QCOMPARE(runs(), 2);
        QCOMPARE(server.requests().size(), 2);
        for (const auto& request : server.requests())
            QCOMPARE(request.method, QByteArray("GET"));

        // Refused again after the fresh token: the error says 401 and shows no token.
        server.setHandler([](const FakeExchangePtr& exchange) {
            exchange->respondStatus(401, "Unauthorized", "Unauthorized");
        });
        ApiReply* second = client.get(QStringLiteral("/api/v1/namespaces/ns/pods"));
        QSignalSpy secondFinished(second, &ApiReply::finished);
        QVERIFY(secondFinished.wait(10000));
        const auto refused = secondFinished.first().first().value<ApiResult>();
        QCOMPARE(refused.httpStatus, 401);
        QVERIFY2(refused.error.contains("401") && !refused.error.contains("JSSECRET"),
                 qPrintable(refused.error));
    }
};

} // namespace

QTEST_GUILESS_MAIN(ExecCredentialTest)
#include "tst_exec_credential.moc"
