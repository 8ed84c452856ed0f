// SPDX-License-Identifier: GPL-3.0-or-later
// kubeconfig as kubectl reads it: KUBECONFIG merging, contexts and namespaces, overrides,
// relative paths, inline data (RSA and EC keys), auth-provider and exec entries, and errors
// with their file:line:column.

#include "live/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace jobscope::live;

namespace {

// Test-only credentials (generated for this test, valid for nothing else).
const char* const kEcKey = "-----BEGIN EC PRIVATE KEY-----\n"
                           "MHcCAQEEIJGUEdiNtnNN2N7DnpTLoRcRdIFHgoIXo5VMrleTAmtDoAoGCCqGSM49\n"
                           "AwEHoUQDQgAEBrfqWpXLN9d0FMz2+hfYP28AcyFNKAJ5h1NF1vkQE1ncF3fwHPjG\n"
                           "Yj3axYAYctz0t0YlipKuck8Y0YJABG3DwA==\n"
                           "-----END EC PRIVATE KEY-----\n";
const char* const kEcCertificate =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBhjCCAS2gAwIBAgIUUlEJUq/2UnHVRxpz3jgGLELjPYMwCgYIKoZIzj0EAwIw\n"
    "GDEWMBQGA1UEAwwNam9ic2NvcGUtdGVzdDAgFw0yNjExMjgwMDQ5MzdaGA8yMTI2\n"
    "MTEwNDAwNDkzN1owGDEWMBQGA1UEAwwNam9ic2NvcGUtdGVzdDBZMBMGByqGSM49\n"
    "AgEGCCqGSM49AwEHA0IABAa36lqVyzfXdBTM9voX2D9vAHMhTSgCeYdTRdb5EBNZ\n"
    "3Bd38Bz4xmI92sWAGHLc9LdGJYqSrnJPGNGCQARtw8CjUzBRMB0GA1UdDgQWBBTm\n"
    "x+7CPG6A4PnGqp2MpVC3/JBKEDAfBgNVHSMEGDAWgBTmx+7CPG6A4PnGqp2MpVC3\n"
    "/JBKEDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIASsm7pXbC3K\n"
    "xLYNZ/OR+btCvd+oFDWt3lnMW5jECaghAiBMiJWAzNiqnxVMqTBgMuFqa++Acmdc\n"
    "He2vT2f5nklaeQ==\n"
    "-----END CERTIFICATE-----\n";
const char* const kRsaKey = "-----BEGIN RSA PRIVATE KEY-----\n"
                            "MIICWwIBAAKBgQC2RJHrPSJQTKjW8rFD3dkL1Ua2WQIPPkiU2949TeHdBO4BgZXe\n"
                            "7MxDz43M4u3vKU0znjCnDFDR/DVqqDQiQgIeKeSWBLBrqqgfk/m+r1Z++gWFof2k\n"
                            "nAsR6obARbssQ6tqLbpsvtKI42jkdECik8C8kNXgxSylB0JCg0aLcEUZFwIDAQAB\n"
                            "AoGAAlx3C3YaSLIFietQ8pEgK7ASn3Adv7bN1+fVRDQLFgLnVmuoVl/48XPx4VKb\n"
                            "RHrjfiSxeqiFL4M16fDN5Be40UedS/y1xOFPqYAaHDDiX6Mx6TseLHxoKEPN0V72\n"
                            "G53XszMkWKL/JDNR6H8ADNV9iZi5MOZK72ZMjbPPThC2IIECQQDidk+ZpssrLTF/\n"
                            "pCnv4jtCCPem3CXefAUJC/3Nnja35u/9l6AB1CG1qsO8ptdjqemmipjAIbXbtadn\n"
                            "kXwQTaTBAkEAzgqWn5PaEPTOMDFPGImEEy9ijUBe55RGfCPdrG9niioUnqIc15ht\n"
                            "EfgTx2rOCkknQ+my6tv8+E2V32YYt6d71wJAE2RmNJYf17arAm8gWDZbNLBn5JX9\n"
                            "eCvOkpPATBc8QEs6SdDuFrn/mPrigAkZcKNgKq67ndhFJmdLyoaexRahAQJAUWU5\n"
                            "b70W7o/nTH6OQqFAvduAUVDWrSGUXsJEdjRkcN6C2tAsGLesjuaz2ZnF36Zajqep\n"
                            "+MIDQ4xS4rgQl6zgbQJAN5+kagqbYuu3ENbebE9glH/DvspPieOpH9DK0NytbTvv\n"
                            "bkWlh/dSWt7nL6O9aubfl+A1dlQcas+tZ9tDlz7SUw==\n"
                            "-----END RSA PRIVATE KEY-----\n";

QByteArray base64(const char* pem) {
    return QByteArray(pem).toBase64();
}

class KubeconfigTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;

    QString write(const QString& name, const QByteArray& text) {
        const QString path = dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text);
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    // One file, resolved with a context and namespace override: what the client would use, or
    // the error (with its position) it would print.
    void resolve_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("namespaceOverride");
        QTest::addColumn<QString>("expected"); // "server ns user" or "error: <substring>"

        const QByteArray base = "apiVersion: v1\nkind: Config\n"
                                "clusters:\n"
                                "- name: c1\n  cluster:\n    server: https://c1.example:6443\n"
                                "- name: proxy\n  cluster:\n    server: http://127.0.0.1:8001\n"
                                "contexts:\n"
                                "- name: dev\n  context:\n    cluster: c1\n    user: alice\n"
                                "    namespace: team\n"
                                "- name: local\n  context:\n    cluster: proxy\n"
                                "current-context: dev\n"
                                "users:\n- name: alice\n  user:\n    token: JSSECRET-abc\n";
        QTest::newRow("current context and its namespace") << base << ""
                                                           << ""
                                                           << "https://c1.example:6443 team alice";
        QTest::newRow("namespace override") << base << ""
                                            << "batch"
                                            << "https://c1.example:6443 batch alice";
        QTest::newRow("context override, default namespace, no user (kubectl proxy)")
            << base << "local"
            << ""
            << "http://127.0.0.1:8001 default ";
        QTest::newRow("unknown context lists the others")
            << base << "prod"
            << ""
            << "error: context 'prod' is not in the kubeconfig";
        QTest::newRow("no current context") << QByteArray("clusters: []\ncontexts: []\n") << ""
                                            << ""
                                            << "error: no current-context is set";
        QTest::newRow("context names a missing cluster")
            << QByteArray(
                   "contexts:\n- name: x\n  context:\n    cluster: nowhere\ncurrent-context: x\n")
            << ""
            << ""
            << "error: kc.yaml:4:14: error: context 'x' names cluster 'nowhere'";
        QTest::newRow("context names a missing user")
            << QByteArray("clusters:\n- name: c\n  cluster: {server: 'https://c'}\n"
                          "contexts:\n- name: x\n  context: {cluster: c, user: bob}\n"
                          "current-context: x\n")
            << ""
            << ""
            << "error: kc.yaml:6:31: error: context 'x' names user 'bob'";
        QTest::newRow("auth-provider points at exec and kubectl proxy")
            << QByteArray("clusters:\n- name: c\n  cluster: {server: 'https://c'}\n"
                          "contexts:\n- name: x\n  context: {cluster: c, user: g}\n"
                          "current-context: x\n"
                          "users:\n- name: g\n  user:\n    auth-provider:\n      name: gcp\n")
            << ""
            << ""
            << "error: kc.yaml:12:7: error: user 'g' uses the auth-provider 'gcp'";
        QTest::newRow("bad YAML, positioned")
            << QByteArray("clusters:\n- name: c\n  cluster: {server: 'https://c'\n") << ""
            << ""
            << "error: kc.yaml:3:12: error:"; // the unclosed brace
        QTest::newRow("not a kubeconfig")
            << QByteArray("- just\n- a list\n") << ""
            << ""
            << "error: kc.yaml:1:1: error: a kubeconfig must be a map";
        QTest::newRow("clusters is not a list")
            << QByteArray("clusters: 3\n") << ""
            << ""
            << "error: kc.yaml:1:11: error: 'clusters' must be a list";
        QTest::newRow("an entry without a name")
            << QByteArray("clusters:\n- cluster: {server: 'https://c'}\n") << ""
            << ""
            << "error: kc.yaml:2:3: error: an entry of 'clusters' has no name";
        QTest::newRow("cluster without a server")
            << QByteArray("clusters:\n- name: c\n  cluster: {insecure-skip-tls-verify: true}\n"
                          "contexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n")
            << ""
            << ""
            << "error: kc.yaml:3:12: error: cluster 'c' has no server";
        QTest::newRow("bad base64 data")
            << QByteArray("clusters:\n- name: c\n  cluster:\n    server: https://c\n"
                          "    certificate-authority-data: '%%%not base64'\n"
                          "contexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n")
            << ""
            << ""
            << "error: kc.yaml:5:33: error: clusters[c].cluster.certificate-authority-data: not "
               "valid base64";
        QTest::newRow("CA data that is no certificate")
            << QByteArray("clusters:\n- name: c\n  cluster:\n    server: https://c\n"
                          "    certificate-authority-data: " +
                          QByteArray("hello").toBase64() +
                          "\n"
                          "contexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n")
            << ""
            << ""
            << "error: kc.yaml:5:33: error: cluster 'c': the certificate authority is not a PEM";
        QTest::newRow("a key without a certificate")
            << QByteArray(
                   "clusters:\n- name: c\n  cluster: {server: 'https://c'}\n"
                   "contexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n"
                   "users:\n- name: u\n  user:\n    client-key-data: " +
                   base64(kEcKey) + "\n")
            << ""
            << ""
            << "error: user 'u' has a client certificate without a key, or a key";
        QTest::newRow("a wrongly typed field")
            << QByteArray("clusters:\n- name: c\n  cluster: {server: [1, 2]}\n"
                          "contexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n")
            << ""
            << ""
            << "error: kc.yaml:3:21: error: clusters[c].cluster.server";
        QTest::newRow("exec without a command")
            << QByteArray(
                   "clusters:\n- name: c\n  cluster: {server: 'https://c'}\n"
                   "contexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n"
                   "users:\n- name: u\n  user:\n    exec:\n      apiVersion: "
                   "client.authentication.k8s.io/v1\n")
            << ""
            << ""
            << "error: kc.yaml:12:7: error: users[u].user.exec.command is missing";
        QTest::newRow("exec with an old apiVersion")
            << QByteArray(
                   "clusters:\n- name: c\n  cluster: {server: 'https://c'}\n"
                   "contexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n"
                   "users:\n- name: u\n  user:\n    exec:\n      command: p\n"
                   "      apiVersion: client.authentication.k8s.io/v1alpha1\n")
            << ""
            << ""
            << "error: kc.yaml:13:19: error: users[u].user.exec.apiVersion "
               "'client.authentication.k8s.io/v1alpha1' is not supported";
        // client-go reads a server without a scheme as https (DefaultServerURL); anything but
        // http(s) with a host is refused, and the message never repeats URL credentials.
        const auto withServer = [](const QByteArray& server) {
            return "clusters:\n- name: c\n  cluster:\n    server: " + server +
                   "\ncontexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n";
        };
        QTest::newRow("server without a scheme") << withServer("c.example:6443") << ""
                                                 << ""
                                                 << "https://c.example:6443 default ";
        QTest::newRow("file:// server")
            << withServer("'file:///etc/passwd'") << ""
            << ""
            << "error: kc.yaml:4:13: error: cluster 'c': server 'file:///etc/passwd' has the "
               "scheme 'file': an API server is reached over https://";
        QTest::newRow("malformed server")
            << withServer("'https://user:pa55word-x@exa mple:6443'") << ""
            << ""
            << "error: kc.yaml:4:13: error: cluster 'c': server '";
        QTest::newRow("server without a host")
            << withServer("'https://:6443/'") << ""
            << ""
            << "error: kc.yaml:4:13: error: cluster 'c': server 'https://:6443/' names no host";
        // Two entries of one name in a list: clientcmd's conversion refuses them.
        QTest::newRow("two clusters of one name")
            << QByteArray("clusters:\n- name: c\n  cluster: {server: 'https://a'}\n"
                          "- name: c\n  cluster: {server: 'https://b'}\n"
                          "contexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n")
            << ""
            << ""
            << "error: kc.yaml:4:9: error: duplicate name 'c' in 'clusters'";
        // A key twice in one map: as sigs.k8s.io/yaml's YAMLToJSON, the last one wins (with a
        // warning, see duplicateKeysWarn).
        QTest::newRow("a key twice, the last wins")
            << QByteArray("clusters:\n- name: c\n  cluster:\n    server: https://first\n"
                          "    server: https://second\n"
                          "contexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n")
            << ""
            << ""
            << "https://second default ";
    }
    void resolve() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, context);
        QFETCH(QString, namespaceOverride);
        QFETCH(QString, expected);
        const QString file = write(QStringLiteral("kc.yaml"), yaml);
        QString error;
        std::optional<Kubeconfig> config = Kubeconfig::loadFiles({file}, &error);
        std::optional<KubeConnection> connection;
        if (config)
            connection = config->connection(context, namespaceOverride, &error);
        if (expected.startsWith("error: ")) {
            QVERIFY2(!connection, qPrintable(expected));
            const QString want = expected.mid(7).replace("kc.yaml", file);
            QVERIFY2(error.startsWith(want) || (!want.startsWith(file) && error.contains(want)),
                     qPrintable(error + " / wanted: " + want));
            return;
        }
        QVERIFY2(connection, qPrintable(error));
        QCOMPARE(connection->server + ' ' + connection->namespaceName + ' ' + connection->userName,
                 expected);
    }

    // A repeated key is named with its position, and the message says which one is used.
    void duplicateKeysWarn() {
        const QString file =
            write(QStringLiteral("dup.yaml"),
                  "clusters:\n- name: c\n  cluster:\n    server: https://first\n"
                  "    server: https://second\n"
                  "contexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n"
                  "current-context: x\n");
        QString error;
        std::optional<Kubeconfig> config = Kubeconfig::loadFiles({file}, &error);
        QVERIFY2(config, qPrintable(error));
        const std::optional<KubeConnection> connection = config->connection({}, {}, &error);
        QVERIFY2(connection, qPrintable(error));
        QCOMPARE(connection->warnings.size(), 2);
        QCOMPARE(connection->warnings.at(0),
                 file + ":4:5: warning: duplicate key 'server': the one at line 5 is used, as "
                        "kubectl does");
        QVERIFY2(connection->warnings.at(1).startsWith(file + ":9:1: warning: duplicate key "
                                                              "'current-context'"),
                 qPrintable(connection->warnings.at(1)));
    }

    // A URL's credentials never reach an error.
    void malformedServerHidesCredentials() {
        const QString file = write(
            QStringLiteral("cred.yaml"),
            "clusters:\n- name: c\n  cluster: {server: 'https://user:pa55word-x@exa mple:6443'}\n"
            "contexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n");
        QString error;
        std::optional<Kubeconfig> config = Kubeconfig::loadFiles({file}, &error);
        QVERIFY(config);
        QVERIFY(!config->connection({}, {}, &error));
        QVERIFY2(error.contains("is not a valid URL"), qPrintable(error));
        QVERIFY2(!error.contains("pa55word"), qPrintable(error));
    }

    // KUBECONFIG=a:b: the first file that names an entry wins; current-context comes from the
    // first file that sets one; missing files are skipped.
    void mergesKubeconfigFiles() {
        const QString first = write(
            "merge/first.yaml", "clusters:\n- name: shared\n  cluster: {server: 'https://first'}\n"
                                "contexts:\n- name: a\n  context: {cluster: shared}\n");
        const QString second =
            write("merge/second.yaml",
                  "clusters:\n- name: shared\n  cluster: {server: 'https://second'}\n"
                  "- name: only2\n  cluster: {server: 'https://only2'}\n"
                  "contexts:\n- name: a\n  context: {cluster: only2}\n"
                  "- name: b\n  context: {cluster: only2, namespace: nb}\n"
                  "current-context: b\n");
        const QString third = write("merge/third.yaml", "current-context: a\n");
        const QString env = QStringList({first, dir.filePath("missing.yaml"), second, third})
                                .join(QDir::listSeparator());
        QString error;
        auto config = Kubeconfig::load({}, &error, env);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->files(), QStringList({first, second, third}));
        QCOMPARE(config->contextNames(), QStringList({"a", "b"}));
        QCOMPARE(config->currentContext(), QStringLiteral("b"));
        QCOMPARE(config->contextNamespace("b"), QStringLiteral("nb"));
        auto b = config->connection({}, {}, &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->server, QStringLiteral("https://only2"));
        QCOMPARE(b->namespaceName, QStringLiteral("nb"));
        auto a = config->connection("a", {}, &error);
        QVERIFY2(a, qPrintable(error));
        QCOMPARE(a->server, QStringLiteral("https://first")); // first file's context and cluster

        // --kubeconfig beats KUBECONFIG.
        KubeconfigOptions options;
        options.kubeconfig = second;
        config = Kubeconfig::load(options, &error, env);
        QVERIFY(config);
        QCOMPARE(config->files(), QStringList({second}));
    }

    void findsTheDefaultFileOrSaysWhy() {
        QTemporaryDir home;
        QString error;
        QVERIFY(!Kubeconfig::load({}, &error, QString(), home.path()));
        QVERIFY2(error.contains(".kube/config") && error.contains("KUBECONFIG is not set"),
                 qPrintable(error));
        KubeconfigOptions hinted;
        hinted.noKubeconfigHint = QStringLiteral("use --kubeconfig FILE");
        QVERIFY(!Kubeconfig::load(hinted, &error, QString(), home.path()));
        QVERIFY2(error.endsWith(" (use --kubeconfig FILE)"), qPrintable(error));
        QVERIFY(!Kubeconfig::load({}, &error, dir.filePath("nothing-here.yaml"), home.path()));
        QVERIFY2(error.contains("KUBECONFIG"), qPrintable(error));
        QDir(home.path()).mkpath(".kube");
        QFile file(home.filePath(".kube/config"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("contexts:\n- name: h\n  context: {cluster: h}\n");
        file.close();
        auto config = Kubeconfig::load({}, &error, QString(), home.path());
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->contextNames(), QStringList({"h"}));
    }

    // Paths in a file are relative to that file's folder; inline data wins over a file; RSA
    // and EC keys both load.
    void readsCredentials_data() {
        QTest::addColumn<bool>("inlineData");
        QTest::addColumn<bool>("rsa");
        QTest::newRow("files, EC key") << false << false;
        QTest::newRow("files, RSA key") << false << true;
        QTest::newRow("inline data, EC key") << true << false;
        QTest::newRow("inline data, RSA key") << true << true;
    }
    void readsCredentials() {
        QFETCH(bool, inlineData);
        QFETCH(bool, rsa);
        const char* key = rsa ? kRsaKey : kEcKey;
        write("creds/pki/ca.crt", kEcCertificate);
        write("creds/pki/client.crt", kEcCertificate);
        write("creds/pki/client.key", key);
        write("creds/token", "JSSECRET-file-token\n");
        QByteArray yaml = "clusters:\n- name: c\n  cluster:\n    server: https://c:6443\n"
                          "    tls-server-name: api.internal\n    proxy-url: socks5://proxy:1080\n";
        yaml += inlineData ? "    certificate-authority-data: " + base64(kEcCertificate) + "\n"
                           : QByteArray("    certificate-authority: pki/ca.crt\n");
        yaml += "contexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n"
                "users:\n- name: u\n  user:\n    tokenFile: token\n";
        yaml += inlineData ? "    client-certificate-data: " + base64(kEcCertificate) +
                                 "\n    client-key-data: " + base64(key) + "\n"
                           : QByteArray("    client-certificate: pki/client.crt\n"
                                        "    client-key: pki/client.key\n");
        const QString file = write("creds/config", yaml);
        QString error;
        auto connection = resolveConnection({file, {}, {}, {}}, &error);
        QVERIFY2(connection, qPrintable(error));
        QCOMPARE(connection->certificateAuthorityPem, QByteArray(kEcCertificate));
        QCOMPARE(connection->clientCertificatePem, QByteArray(kEcCertificate));
        QCOMPARE(connection->clientKeyPem, QByteArray(key));
        QCOMPARE(connection->tokenFile, dir.filePath("creds/token"));
        QCOMPARE(connection->tlsServerName, QStringLiteral("api.internal"));
        QCOMPARE(connection->proxyUrl, QStringLiteral("socks5://proxy:1080"));
        QVERIFY(connection->warnings.isEmpty());
    }

    void warnsAboutInsecureSkipTlsVerify() {
        const QString file =
            write("insecure.yaml", "clusters:\n- name: c\n  cluster:\n    server: https://c\n"
                                   "    insecure-skip-tls-verify: true\n"
                                   "contexts:\n- name: x\n  context: {cluster: c}\n"
                                   "current-context: x\n");
        QString error;
        auto connection = resolveConnection({file, {}, {}, {}}, &error);
        QVERIFY2(connection, qPrintable(error));
        QVERIFY(connection->insecureSkipTlsVerify);
        QCOMPARE(connection->warnings.size(), 1);
        QVERIFY(connection->warnings.first().contains("insecure-skip-tls-verify"));
    }

    void readsExecPlugins() {
        const QString file =
            write("exec/config",
                  "clusters:\n- name: c\n  cluster: {server: 'https://c'}\n"
                  "contexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n"
                  "users:\n- name: u\n  user:\n    exec:\n"
                  "      apiVersion: client.authentication.k8s.io/v1\n"
                  "      command: ./bin/plugin\n      args: [get-token, --fast]\n"
                  "      env:\n      - name: REGION\n        value: eu\n"
                  "      installHint: install it with 'make plugin'\n"
                  "      interactiveMode: Never\n      provideClusterInfo: true\n");
        QString error;
        auto connection = resolveConnection({file, {}, {}, {}}, &error);
        QVERIFY2(connection, qPrintable(error));
        QVERIFY(connection->exec);
        QCOMPARE(connection->exec->command, dir.filePath("exec/bin/plugin"));
        QCOMPARE(connection->exec->args, QStringList({"get-token", "--fast"}));
        QCOMPARE(connection->exec->env.size(), 1);
        QCOMPARE(connection->exec->env.first().first, QStringLiteral("REGION"));
        QCOMPARE(connection->exec->env.first().second, QStringLiteral("eu"));
        QCOMPARE(connection->exec->installHint, QStringLiteral("install it with 'make plugin'"));
        QCOMPARE(connection->exec->interactiveMode, QStringLiteral("Never"));
        QVERIFY(connection->exec->provideClusterInfo);
    }
};

} // namespace

QTEST_GUILESS_MAIN(KubeconfigTest)
#include "tst_kubeconfig.moc"
