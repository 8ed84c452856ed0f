// SPDX-License-Identifier: GPL-3.0-or-later
// Live › Connect against the fake API server: contexts from the kubeconfig, the context's
// namespace, the namespaces offered (or why not), a Job list that fills in and updates live, the
// chosen Job's session, the choice remembered for the next time; and the status badge's words
// and colours.

#include "live/fake_api_server.h"

#include "live/connect_dialog.h"
#include "live/status_badge.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QFile>
#include <QListWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace jobscope;
using jobscope::test::FakeApiServer;
using jobscope::test::FakeExchangePtr;

namespace {

QJsonObject fakeJob(const QString& name, const QString& version, int active) {
    return QJsonObject{{"kind", "Job"},
                       {"metadata", QJsonObject{{"name", name},
                                                {"namespace", "team"},
                                                {"uid", "uid-" + name},
                                                {"resourceVersion", version}}},
                       {"status", QJsonObject{{"active", active}, {"succeeded", 1}}}};
}

class ConnectDialogTest : public QObject {
    Q_OBJECT

    QTemporaryDir settingsDir_;

private slots:
    void initTestCase() {
        QVERIFY(settingsDir_.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("JobScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connect_dialog"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    }

    void listsJobsLiveAndConnects() {
        FakeApiServer server;
        QVERIFY(server.listen());
        FakeExchangePtr watch;
        server.setHandler([&](const FakeExchangePtr& exchange) {
            const auto& request = exchange->request();
            if (request.path == "/api/v1/namespaces") {
                exchange->respondJson(
                    200, jobscope::test::fakeList(
                             "2", {QJsonObject{{"metadata", QJsonObject{{"name", "team"}}}},
                                   QJsonObject{{"metadata", QJsonObject{{"name", "batch"}}}}}));
                return;
            }
            if (request.path != "/apis/batch/v1/namespaces/team/jobs") {
                exchange->respondStatus(404, "NotFound", "not here");
                return;
            }
            if (!request.isWatch()) {
                exchange->respondJson(200,
                                      jobscope::test::fakeList("5", {fakeJob("nightly", "3", 2),
                                                                     fakeJob("backfill", "4", 0)}));
                return;
            }
            exchange->beginStream();
            watch = exchange;
        });
        QTemporaryDir dir;
        const QString kubeconfig = dir.filePath("config");
        QFile file(kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("clusters:\n- name: c\n  cluster: {server: '" + server.url().toUtf8() +
                   "'}\nusers:\n- name: u\n  user: {token: JSSECRET-dialog-token}\n"
                   "contexts:\n- name: other\n  context: {cluster: c, user: u}\n"
                   "- name: dev\n  context: {cluster: c, user: u, namespace: team}\n"
                   "current-context: dev\n");
        file.close();

        ui::ConnectDialog dialog;
        dialog.setKubeconfigPath(kubeconfig);
        auto* contexts = dialog.findChild<QComboBox*>(QStringLiteral("context"));
        QVERIFY(contexts);
        QCOMPARE(contexts->count(), 2);
        QCOMPARE(dialog.context(), QStringLiteral("dev"));
        QCOMPARE(dialog.namespaceName(), QStringLiteral("team"));
        QTRY_COMPARE(dialog.listedJobs(), QStringList({"backfill", "nightly"}));
        QTRY_COMPARE(dialog.listedNamespaces(), QStringList({"batch", "team"}));
        QCOMPARE(dialog.namespaceName(), QStringLiteral("team")); // listing keeps the choice
        QTRY_VERIFY(watch);
        QVERIFY2(dialog.statusText().contains("Jobs in team: 2"), qPrintable(dialog.statusText()));

        // A Job created meanwhile appears without any action.
        watch->event("ADDED", fakeJob("adhoc", "6", 1));
        QTRY_COMPARE(dialog.listedJobs(), QStringList({"adhoc", "backfill", "nightly"}));
        auto* list = dialog.findChild<QListWidget*>();
        QVERIFY(list->item(0)->text().contains("1 active"));

        list->setCurrentRow(2);
        QCOMPARE(dialog.jobName(), QStringLiteral("nightly"));
        dialog.resize(560, 460);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString shot = qEnvironmentVariable("JOBSCOPE_SHOT_DIR");
        if (!shot.isEmpty())
            dialog.grab().save(shot + "/connect_dialog.png");

        std::unique_ptr<live::LiveSession> session = dialog.takeSession();
        QVERIFY(session);
        QCOMPARE(session->jobName(), QStringLiteral("nightly"));
        QCOMPARE(session->namespaceName(), QStringLiteral("team"));
        // The session asks for its Job by name.
        QTRY_VERIFY(
            std::any_of(server.requests().begin(), server.requests().end(), [](const auto& r) {
                return r.value("fieldSelector") == "metadata.name=nightly";
            }));
        for (const auto& request : server.requests())
            QCOMPARE(request.method, QByteArray("GET"));
        session.reset();

        // The next Connect starts from this choice: same kubeconfig, context, namespace, Job.
        contexts->setCurrentIndex(contexts->findText("other"));
        ui::ConnectDialog again;
        again.restoreLastChoice();
        QCOMPARE(again.kubeconfigPath(), kubeconfig);
        QCOMPARE(again.context(), QStringLiteral("dev"));
        QCOMPARE(again.namespaceName(), QStringLiteral("team"));
        QCOMPARE(again.jobName(), QStringLiteral("nightly"));
        QTRY_COMPARE(again.listedJobs(), QStringList({"backfill", "nightly"}));
        QCOMPARE(again.follow(), ui::ConnectDialog::Follow::OneJob);

        // Every Job, or those a selector matches: no Job name asked, the selector checked.
        const auto* box = again.findChild<QDialogButtonBox*>();
        QAbstractButton* connect = nullptr;
        for (QAbstractButton* button : box->buttons())
            if (box->buttonRole(button) == QDialogButtonBox::AcceptRole)
                connect = button;
        QVERIFY(connect);
        auto* follow = again.findChild<QComboBox*>(QStringLiteral("follow"));
        auto* selector = again.findChild<QLineEdit*>(QStringLiteral("selector"));
        QVERIFY(follow && selector);
        QCOMPARE(follow->count(), 3);
        QVERIFY(!selector->isEnabled());
        again.setJobName(QString());
        QVERIFY(!connect->isEnabled());
        follow->setCurrentIndex(1);
        QCOMPARE(again.follow(), ui::ConnectDialog::Follow::EveryJob);
        QVERIFY(connect->isEnabled());
        std::unique_ptr<live::LiveSession> every = again.takeSession();
        QVERIFY(every && every->followsNamespace());
        QCOMPARE(every->jobSelector(), QString());
        every.reset();
        follow->setCurrentIndex(2);
        QVERIFY(selector->isEnabled());
        QVERIFY(!connect->isEnabled()); // no selector yet
        QTest::keyClicks(selector, "tier in (a,");
        QVERIFY(!connect->isEnabled());
        QVERIFY(!selector->toolTip().isEmpty()); // why it cannot be used
        selector->clear();
        QTest::keyClicks(selector, "tier in (a,b)");
        QVERIFY(connect->isEnabled());
        std::unique_ptr<live::LiveSession> selected = again.takeSession();
        QVERIFY(selected && selected->followsNamespace());
        QCOMPARE(selected->jobSelector(), QStringLiteral("tier in (a,b)"));
        QTRY_VERIFY(
            std::any_of(server.requests().begin(), server.requests().end(), [](const auto& r) {
                return r.path.endsWith("/jobs") && r.value("labelSelector") == "tier in (a,b)";
            }));
        selected.reset();
        ui::ConnectDialog third;
        third.restoreLastChoice();
        QCOMPARE(third.follow(), ui::ConnectDialog::Follow::Selector);
        QCOMPARE(third.jobSelector(), QStringLiteral("tier in (a,b)"));
    }

    // A user who may not list namespaces types one; the dialog says why there is no list.
    void namespacesThatCannotBeListed() {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeExchangePtr& exchange) {
            if (exchange->request().path == "/api/v1/namespaces") {
                exchange->respondStatus(403, "Forbidden",
                                        "namespaces is forbidden: User \"dev\" cannot list "
                                        "resource \"namespaces\" at the cluster scope");
                return;
            }
            if (!exchange->request().isWatch())
                exchange->respondJson(200, jobscope::test::fakeList("5", {}));
            else
                exchange->beginStream();
        });
        QTemporaryDir dir;
        const QString kubeconfig = dir.filePath("config");
        QFile file(kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("clusters:\n- name: c\n  cluster: {server: '" + server.url().toUtf8() +
                   "'}\ncontexts:\n- name: dev\n  context: {cluster: c, namespace: team}\n"
                   "current-context: dev\n");
        file.close();
        ui::ConnectDialog dialog;
        dialog.setKubeconfigPath(kubeconfig);
        QTRY_VERIFY(!dialog.namespaceListError().isEmpty());
        QVERIFY2(dialog.namespaceListError().contains("403"),
                 qPrintable(dialog.namespaceListError()));
        QVERIFY(dialog.listedNamespaces().isEmpty());
        QCOMPARE(dialog.namespaceName(), QStringLiteral("team"));
        auto* namespaces = dialog.findChild<QComboBox*>(QStringLiteral("namespace"));
        QVERIFY(namespaces);
        QVERIFY2(namespaces->toolTip().contains("type the name"),
                 qPrintable(namespaces->toolTip()));
        QVERIFY(namespaces->isEditable());
    }

    void showsAKubeconfigError() {
        QTemporaryDir dir;
        QFile file(dir.filePath("bad"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("clusters: {\n");
        file.close();
        ui::ConnectDialog dialog;
        dialog.setKubeconfigPath(file.fileName());
        QVERIFY2(dialog.statusText().startsWith(file.fileName() + ":1:11: error:"),
                 qPrintable(dialog.statusText()));
        QVERIFY(!dialog.takeSession());
    }

    // No kubeconfig anywhere: the dialog says what can be done in the app, not on a command
    // line.
    void noKubeconfigSaysWhatToDo() {
        QTemporaryDir home;
        const QByteArray oldHome = qgetenv("HOME");
        const QByteArray oldKubeconfig = qgetenv("KUBECONFIG");
        const bool hadKubeconfig = qEnvironmentVariableIsSet("KUBECONFIG");
        qputenv("HOME", home.path().toLocal8Bit());
        qunsetenv("KUBECONFIG");
        ui::ConnectDialog dialog;
        dialog.setKubeconfigPath(QString());
        const QString status = dialog.statusText();
        qputenv("HOME", oldHome);
        if (hadKubeconfig)
            qputenv("KUBECONFIG", oldKubeconfig);
        QVERIFY2(status.contains(QStringLiteral("Browse")) && status.contains("KUBECONFIG"),
                 qPrintable(status));
        QVERIFY2(!status.contains(QStringLiteral("--kubeconfig")), qPrintable(status));
        QVERIFY(!dialog.takeSession());
    }

    void badgeSaysTheState_data() {
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("color");
        QTest::newRow("connected") << int(live::LiveState::Connected) << ""
                                   << "live"
                                   << "#2ea043";
        QTest::newRow("reconnecting")
            << int(live::LiveState::Reconnecting) << "GET /pods: HTTP 503; retrying in 1.2 s"
            << "reconnecting: GET /pods: HTTP 503; retrying in 1.2 s"
            << "#d98e04";
        QTest::newRow("stopped") << int(live::LiveState::Stopped) << "HTTP 403 Forbidden"
                                 << "stopped: HTTP 403 Forbidden"
                                 << "#8a8a8a";
    }
    void badgeSaysTheState() {
        QFETCH(int, state);
        QFETCH(QString, reason);
        QFETCH(QString, text);
        QFETCH(QString, color);
        ui::StatusBadge badge;
        badge.setState(live::LiveState(state), reason);
        QCOMPARE(badge.text(), text);
        QCOMPARE(badge.toolTip(), reason);
        QCOMPARE(badge.dotColor().name(), color);
        // The dot is drawn in that colour.
        badge.resize(badge.sizeHint());
        const QImage image = badge.grab().toImage();
        bool found = false;
        for (int x = 0; x < 20 && !found; ++x)
            found = QColor(image.pixel(x, image.height() / 2)).name() == color;
        QVERIFY(found);
    }
};

} // namespace

QTEST_MAIN(ConnectDialogTest)
#include "tst_connect_dialog.moc"
