// SPDX-License-Identifier: GPL-3.0-or-later
// `jobscope record` as a user runs it, against the fake API server (in this process) replaying
// a real recording: it writes a trace of the Job, its Pods and Events and stops by itself once
// the Job is done; SIGTERM ends it cleanly with a complete trace; bad input is exit status 2
// with the position. Only GETs reach the server and the token reaches no output. A cluster that
// refuses connections gets one line per failed attempt with its reason, and --timeout ends the
// wait with exit status 1.

#include "live/fake_api_server.h"
#include "live/trim.h"

#include "support/run_jobscope.h"
#include "support/test_paths.h"
#include "support/watch_recording.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using jobscope::test::FakeApiServer;
using jobscope::test::FakeExchangePtr;
using Replayed = jobscope::test::JobscopeRun;

namespace {

const QByteArray kToken = "JSSECRET-cli-token-0123456789";

class RecordCliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    QList<QJsonObject> jobs, pods, events;
    QString ns, jobName;
    FakeExchangePtr jobStream;

    QString writeKubeconfig(const QString& server) {
        const QString path = dir.filePath("kubeconfig");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the kubeconfig");
        file.write(jobscope::test::fakeKubeconfig(server, kToken));
        return path;
    }

    // A list gets an empty answer and a watch its stream: true for a watch from the lists'
    // resourceVersion, which gets the recorded events; a re-watch stays quiet (nothing new).
    static bool beginFirstWatch(const FakeExchangePtr& exchange) {
        const auto& request = exchange->request();
        if (!request.isWatch()) {
            exchange->respondJson(200, jobscope::test::fakeList("1", {}));
            return false;
        }
        exchange->beginStream();
        return request.value("resourceVersion") == "1";
    }

    // Serves the recording: empty lists, then every recorded event on the watch. With
    // `jobOnly`, only the Job's first event and then silence.
    void serve(FakeApiServer& server, bool jobOnly) {
        jobStream.reset();
        server.setHandler([this, jobOnly](const FakeExchangePtr& exchange) {
            if (!beginFirstWatch(exchange))
                return;
            const auto& request = exchange->request();
            const bool isJobs = request.path.endsWith("/jobs");
            const bool isPods = request.path.endsWith("/pods");
            const QList<QJsonObject>& stream = isJobs ? jobs : isPods ? pods : events;
            if (isJobs) {
                // The Job's first event now, the rest after its Pods: on a cluster the Job
                // finishes after its Pods, not before the Pod watch starts.
                exchange->event(jobs.first().value("type").toString(),
                                jobs.first().value("object").toObject());
                jobStream = exchange;
                return;
            }
            for (const QJsonObject& event : stream)
                exchange->event(event.value("type").toString(), event.value("object").toObject());
            if (isPods && jobStream && !jobOnly)
                for (const QJsonObject& event : jobs.mid(1))
                    jobStream->event(event.value("type").toString(),
                                     event.value("object").toObject());
        });
    }

    QProcess* startRecord(const QStringList& arguments) {
        return startJobscope(QStringList{"record"} + arguments);
    }
    QProcess* startJobscope(const QStringList& arguments) {
        auto* process = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "KUBECONFIG",
                                 "LANGUAGE", "LC_MESSAGES"})
            env.remove(QString::fromLatin1(name));
        env.insert("LC_ALL", "C");
        env.insert("LANG", "C");
        process->setProcessEnvironment(env);
        process->start(jobscope::test::jobscopeExecutable(), arguments);
        return process;
    }

    // The file a recording to `trace` writes until it ends ("" when there is none).
    static QString partialOf(const QString& trace) {
        const QFileInfo info(trace);
        const QStringList found =
            info.dir().entryList({info.fileName() + ".partial-*"}, QDir::Files | QDir::Hidden);
        return found.isEmpty() ? QString() : info.dir().filePath(found.first());
    }

    // The trace's lines as JSON (each must be complete).
    QList<QJsonObject> readTrace(const QString& path) {
        QList<QJsonObject> lines;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return lines;
        const QByteArray text = file.readAll();
        if (!text.isEmpty() && !text.endsWith('\n'))
            qWarning("the trace does not end with a newline");
        for (const QByteArray& line : text.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonDocument document = QJsonDocument::fromJson(line);
            if (!document.isObject())
                qWarning("incomplete line: %s", line.left(60).constData());
            lines << document.object();
        }
        return lines;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir.isValid());
        const QString traces = jobscope::test::recordingsDir() + "/b";
        jobs = jobscope::test::readWatchEvents(traces + "/watch-jobs.jsonl");
        pods = jobscope::test::readWatchEvents(traces + "/watch-pods.jsonl");
        events = jobscope::test::readWatchEvents(traces + "/watch-events.jsonl");
        QVERIFY(!jobs.isEmpty());
        const QJsonObject metadata =
            jobs.first().value("object").toObject().value("metadata").toObject();
        ns = metadata.value("namespace").toString();
        jobName = metadata.value("name").toString();
    }

    // `jobscope --live JOB --screenshot F` follows the Job in the app, as Live › Connect does,
    // and draws the window once the Job is done.
    void appFollowsAJobFromTheCommandLine() {
        FakeApiServer server;
        QVERIFY(server.listen());
        serve(server, false);
        const QString shot = dir.filePath("live.png");
        QProcess* process =
            startJobscope({"--live", jobName, "--kubeconfig", writeKubeconfig(server.url()),
                           "--namespace", ns, "--screenshot", shot, "--size", "900x600"});
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 30000);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                 err.constData());
        QVERIFY(!err.contains(kToken));
        const QImage image(shot);
        QCOMPARE(image.size(), QSize(900, 600));
        // Every request was for the Job's namespace.
        for (const auto& request : server.requests())
            QVERIFY2(request.path.contains("/namespaces/" + ns + "/"), qPrintable(request.path));
        QVERIFY(!server.requests().isEmpty());

        // Every Job of the namespace: drawn once every Job seen has finished, no Job name asked.
        const qsizetype before = server.requests().size();
        const QString every = dir.filePath("live-every.png");
        QProcess* namespaceProcess =
            startJobscope({"--live-all-jobs", "--kubeconfig", writeKubeconfig(server.url()),
                           "--namespace", ns, "--screenshot", every, "--size", "900x600"});
        QTRY_VERIFY_WITH_TIMEOUT(namespaceProcess->state() == QProcess::NotRunning, 30000);
        QVERIFY2(namespaceProcess->exitCode() == 0,
                 namespaceProcess->readAllStandardError().constData());
        QCOMPARE(QImage(every).size(), QSize(900, 600));
        for (const auto& request : server.requests().mid(before))
            QCOMPARE(request.value("fieldSelector"), QString());

        // A name that is no Job name, a file beside --live, two targets and a selector that does
        // not parse are usage errors.
        for (const QStringList& arguments :
             {QStringList{"--live", "Not/A/Name", "--kubeconfig", writeKubeconfig(server.url()),
                          "--screenshot", shot},
              QStringList{"--live", jobName, "some.yaml", "--screenshot", shot},
              QStringList{"--live", jobName, "--live-all-jobs", "--screenshot", shot},
              QStringList{"--live-selector", "tier in (a,", "--screenshot", shot}}) {
            QProcess* bad = startJobscope(arguments);
            QTRY_VERIFY_WITH_TIMEOUT(bad->state() == QProcess::NotRunning, 30000);
            QCOMPARE(bad->exitCode(), 2);
            QVERIFY(!bad->readAllStandardError().isEmpty());
        }
    }

    void recordsUntilTheJobIsDone() {
        FakeApiServer server;
        QVERIFY(server.listen());
        serve(server, false);
        const QString trace = dir.filePath("b.jsonl");
        QProcess* process = startRecord({"--kubeconfig", writeKubeconfig(server.url()), "-n", ns,
                                         "--job", jobName, "-o", trace});
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 30000);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                 err.constData());
        QVERIFY2(err.contains("the Job has finished"), err.constData());
        const QList<QJsonObject> lines = readTrace(trace);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.first().value("jobscope-trace").toInt(), 1);
        QCOMPARE(lines.first().value("job").toString(), jobName);
        QCOMPARE(lines.first().value("namespace").toString(), ns);
        QMap<QString, int> kinds;
        for (const QJsonObject& line : lines.mid(1))
            ++kinds[line.value("kind").toString()];
        QCOMPARE(kinds.value("Job"), jobs.size());
        QCOMPARE(kinds.value("Pod"), pods.size());
        QCOMPARE(kinds.value("Event"), events.size());
        // Each Pod as the watch sent it, trimmed as a trace keeps it (the recorder writes the
        // text its watch read the object into).
        QList<QJsonObject> recordedPods;
        for (const QJsonObject& line : lines.mid(1))
            if (line.value("kind").toString() == QLatin1String("Pod"))
                recordedPods << line.value("object").toObject();
        QCOMPARE(recordedPods.size(), pods.size());
        for (qsizetype i = 0; i < pods.size(); ++i)
            QCOMPARE(recordedPods.at(i),
                     jobscope::live::trimObject(jobscope::live::ObjectKind::Pod,
                                                pods.at(i).value("object").toObject()));
        QFile file(trace);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains("managedFields"));
        QVERIFY(!text.contains(kToken));
        QVERIFY(!err.contains(kToken));
        for (const auto& request : server.requests()) {
            QCOMPARE(request.method, QByteArray("GET"));
            QCOMPARE(request.headers.value("authorization"), "Bearer " + kToken);
        }
    }

    // --all-jobs: every Job of the namespace (recordings a and b served as one namespace), its
    // Pods and Events, until --for; the trace replays as both Jobs, each as recorded alone.
    void recordsEveryJobOfANamespace() {
        QList<QJsonObject> allJobs, allPods, allEvents;
        QMap<QString, int> podsOfJob;
        for (const char* name : {"a", "b"}) {
            const QString folder = jobscope::test::recordingsDir() + "/" + name;
            const QList<QJsonObject> jobStream =
                jobscope::test::readWatchEvents(folder + "/watch-jobs.jsonl");
            allJobs += jobStream;
            allPods += jobscope::test::readWatchEvents(folder + "/watch-pods.jsonl");
            allEvents += jobscope::test::readWatchEvents(folder + "/watch-events.jsonl");
            const Replayed alone =
                jobscope::test::runJobscope({"replay", folder, "--summary-json", "-"});
            QVERIFY2(alone.exitCode == 0, alone.err.constData());
            podsOfJob[QLatin1String(name)] =
                QJsonDocument::fromJson(alone.out).object().value("podsCreated").toInt();
        }
        FakeApiServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeExchangePtr& exchange) {
            if (!beginFirstWatch(exchange))
                return;
            const auto& request = exchange->request();
            const bool isJobs = request.path.endsWith("/jobs");
            const bool isPods = request.path.endsWith("/pods");
            for (const QJsonObject& event : isJobs ? allJobs : isPods ? allPods : allEvents)
                exchange->event(event.value("type").toString(), event.value("object").toObject());
        });
        const QString trace = dir.filePath("namespace.jsonl");
        QProcess* process = startRecord({"--kubeconfig", writeKubeconfig(server.url()), "-n", ns,
                                         "--all-jobs", "--for", "3s", "-o", trace});
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 30000);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                 err.constData());
        QVERIFY2(err.contains("recording every Job of namespace"), err.constData());
        QVERIFY2(err.contains("recorded for 3s"), err.constData());
        // No Job named in the request: every Job, and the Pods of any Job.
        for (const auto& request : server.requests()) {
            QCOMPARE(request.method, QByteArray("GET"));
            QCOMPARE(request.value("fieldSelector"), QString());
            if (request.path.endsWith("/pods"))
                QCOMPARE(request.value("labelSelector"), QStringLiteral("controller-uid"));
        }
        const QList<QJsonObject> lines = readTrace(trace);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.first().value("job").toString(), QString());
        QMap<QString, int> kinds;
        for (const QJsonObject& line : lines.mid(1))
            ++kinds[line.value("kind").toString()];
        QCOMPARE(kinds.value("Job"), allJobs.size());
        QCOMPARE(kinds.value("Pod"), allPods.size());

        const Replayed both =
            jobscope::test::runJobscope({"replay", trace, "--all-jobs", "--summary-json", "-"});
        QVERIFY2(both.exitCode == 0, both.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(both.out).object();
        QCOMPARE(summary.value("jobs").toInt(), 2);
        QCOMPARE(summary.value("podsCreated").toInt(), podsOfJob["a"] + podsOfJob["b"]);
        const Replayed onlyB = jobscope::test::runJobscope(
            {"replay", trace, "-l", "job-name=job-b", "--summary-json", "-"});
        QVERIFY2(onlyB.exitCode == 0, onlyB.err.constData());
        QCOMPARE(QJsonDocument::fromJson(onlyB.out).object().value("podsCreated").toInt(),
                 podsOfJob["b"]);

        // -l records only the Jobs it matches (the server filters them; their Pods follow).
        const qsizetype before = server.requests().size();
        const QString selected = dir.filePath("selected.jsonl");
        QProcess* again = startRecord({"--kubeconfig", writeKubeconfig(server.url()), "-n", ns,
                                       "-l", "job-name in (job-b)", "--for", "1s", "-o", selected});
        QTRY_VERIFY_WITH_TIMEOUT(again->state() == QProcess::NotRunning, 30000);
        QCOMPARE(again->exitCode(), 0);
        bool asked = false;
        for (const auto& request : server.requests().mid(before))
            asked =
                asked || (request.path.endsWith("/jobs") &&
                          request.value("labelSelector") == QStringLiteral("job-name in (job-b)"));
        QVERIFY(asked);
    }

    // What record refuses before it connects.
    void everyJobBadInput() {
        const QString kubeconfig = writeKubeconfig("http://127.0.0.1:9");
        const QString trace = dir.filePath("never.jsonl");
        const struct {
            QStringList arguments;
            const char* message;
        } cases[] = {
            {{"--job", "x", "--all-jobs"},
             "record needs --job NAME (or --all-jobs, or -l SELECTOR)"},
            {{"--job", "x", "--for", "1s"}, "--for goes with --all-jobs or -l"},
            {{"-l", "job-name in job-b"}, "is not valid"},
        };
        for (const auto& c : cases) {
            QProcess* process =
                startRecord(QStringList{"--kubeconfig", kubeconfig, "-o", trace} + c.arguments);
            QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 10000);
            const QByteArray err = process->readAllStandardError();
            QCOMPARE(process->exitCode(), 2);
            QVERIFY2(err.contains(c.message), err.constData());
        }
        QVERIFY(!QFile::exists(trace));
    }

    void sigtermLeavesACompleteTrace() {
        FakeApiServer server;
        QVERIFY(server.listen());
        serve(server, true);
        const QString trace = dir.filePath("stopped.jsonl");
        QProcess* process = startRecord({"--kubeconfig", writeKubeconfig(server.url()), "-n", ns,
                                         "--job", jobName, "-o", trace});
        const int expected = 1 + 1 + int(pods.size() + events.size());
        // While recording, the trace grows next to its target, which appears at the end.
        QTRY_COMPARE_WITH_TIMEOUT(int(readTrace(partialOf(trace)).size()), expected, 20000);
        QVERIFY(!QFile::exists(trace));
        process->terminate(); // SIGTERM
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 10000);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                 err.constData());
        QVERIFY2(err.contains("interrupted"), err.constData());
        const QList<QJsonObject> lines = readTrace(trace);
        QCOMPARE(int(lines.size()), expected);
        QCOMPARE(lines.at(1).value("kind").toString(), QStringLiteral("Job"));
        QCOMPARE(partialOf(trace), QString());
    }

    void refusedConnectionTimesOut() {
        // A port where nothing listens any more.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString server = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        QElapsedTimer clock;
        clock.start();
        QProcess* process = startRecord({"--kubeconfig", writeKubeconfig(server), "--job", "j",
                                         "-o", dir.filePath("refused.jsonl"), "--timeout", "3s",
                                         "--request-timeout", "2s"});
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 20000);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 1,
                 err.constData());
        QVERIFY2(clock.elapsed() < 10000, err.constData());
        QVERIFY2(err.contains("cannot reach the cluster: GET " + server.toUtf8() +
                              "/apis/batch/v1/namespaces/default/jobs: Connection refused "
                              "(attempt 1, next in "),
                 err.constData());
        QVERIFY2(err.contains("jobscope: error: no answer from " + server.toUtf8() +
                              " within 3s (--timeout); the last attempt: GET "),
                 err.constData());
        // Every line says something: no reason is ever blank.
        for (const QByteArray& line : err.split('\n'))
            QVERIFY2(!line.trimmed().endsWith(':'), err.constData());
        QVERIFY2(!err.contains("reconnecting"), err.constData());
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("kubeconfig");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no --job")
            << QByteArray("clusters: []\n") << QStringList({"-o", "t.jsonl"})
            << "record needs --job NAME (or --all-jobs, or -l SELECTOR) and -o TRACE";
        QTest::newRow("bad --timeout")
            << QByteArray("clusters: []\n")
            << QStringList({"--job", "j", "-o", "t.jsonl", "--timeout", "soon"})
            << "--timeout: 'soon' is not a duration (such as 30s, 1m, or 0)";
        QTest::newRow("bad --request-timeout")
            << QByteArray("clusters: []\n")
            << QStringList({"--job", "j", "-o", "t.jsonl", "--request-timeout", "-1s"})
            << "--request-timeout: '-1s' is not a duration";
        QTest::newRow("bad kubeconfig, positioned")
            << QByteArray("clusters:\n- name: c\n  cluster: {server: x\n")
            << QStringList({"--job", "j", "-o", "t.jsonl"}) << "kubeconfig:3:12: error:";
        QTest::newRow("auth-provider")
            << QByteArray("clusters:\n- name: c\n  cluster: {server: 'https://c'}\n"
                          "contexts:\n- name: x\n  context: {cluster: c, user: g}\n"
                          "current-context: x\n"
                          "users:\n- name: g\n  user:\n    auth-provider: {name: oidc}\n")
            << QStringList({"--job", "j", "-o", "t.jsonl"}) << "kubectl proxy";
        // Names become part of request paths: only valid ones are sent.
        const QByteArray proxy = "clusters:\n- name: c\n  cluster: {server: 'http://127.0.0.1:1'}\n"
                                 "contexts:\n- name: x\n  context: {cluster: c}\n"
                                 "current-context: x\n";
        QTest::newRow("a namespace that climbs the path")
            << proxy
            << QStringList({"-n", "x/../../../../api/v1/secrets", "--job", "j", "-o", "t.jsonl"})
            << "jobscope: error: namespace \"x/../../../../api/v1/secrets\" is not valid: a "
               "lowercase RFC 1123 label must consist of";
        QTest::newRow("a Job name with a slash")
            << proxy << QStringList({"--job", "a/b", "-o", "t.jsonl"})
            << "jobscope: error: Job name \"a/b\" is not valid: a lowercase RFC 1123 subdomain";
        QTest::newRow("file:// server")
            << QByteArray("clusters:\n- name: c\n  cluster: {server: 'file:///etc/passwd'}\n"
                          "contexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n")
            << QStringList({"--job", "j", "-o", "t.jsonl"})
            << "kubeconfig:3:21: error: cluster 'c': server 'file:///etc/passwd' has the scheme "
               "'file'";
        QTest::newRow("malformed server")
            << QByteArray("clusters:\n- name: c\n  cluster: {server: 'https://exa mple:6443'}\n"
                          "contexts:\n- name: x\n  context: {cluster: c}\ncurrent-context: x\n")
            << QStringList({"--job", "j", "-o", "t.jsonl"}) << "is not a valid URL";
        QTest::newRow("an exec plugin that cannot start")
            << QByteArray("clusters:\n- name: c\n  cluster: {server: 'http://127.0.0.1:1'}\n"
                          "contexts:\n- name: x\n  context: {cluster: c, user: u}\n"
                          "current-context: x\nusers:\n- name: u\n  user:\n    exec:\n"
                          "      apiVersion: client.authentication.k8s.io/v1\n"
                          "      command: /nonexistent/jobscope-plugin\n")
            << QStringList({"--job", "j", "-o", "t.jsonl"})
            << "the exec plugin '/nonexistent/jobscope-plugin' could not be started";
    }
    void badInput() {
        QFETCH(QByteArray, kubeconfig);
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const QString path = dir.filePath("kubeconfig");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kubeconfig);
        file.close();
        QStringList withOutput = arguments;
        withOutput.replace(withOutput.indexOf("t.jsonl"), dir.filePath("t.jsonl"));
        QProcess* process = startRecord(QStringList{"--kubeconfig", path} + withOutput);
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 20000);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitCode() == 2, err.constData());
        QVERIFY2(err.contains(expected.toUtf8()), err.constData());
        QVERIFY(!QFile::exists(dir.filePath("t.jsonl")));
        QCOMPARE(partialOf(dir.filePath("t.jsonl")), QString());
    }

    // A redirect is not followed: exit status 2, naming it.
    void redirectIsBadInput() {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeExchangePtr& exchange) {
            exchange->respond(302, "", {{"Location", "https://sso.example/login"}});
        });
        QProcess* process = startRecord({"--kubeconfig", writeKubeconfig(server.url()), "--job",
                                         "j", "-o", dir.filePath("redirect.jsonl")});
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 20000);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitCode() == 2, err.constData());
        QVERIFY2(err.contains("the server answered with a redirect (HTTP 302) to "
                              "'https://sso.example/login'"),
                 err.constData());
        QCOMPARE(server.requests().size(), 1);
    }

    // A recording that fails before its first observation (a 401) leaves the trace that was
    // there as it was, and no partial file.
    void failureKeepsThePreviousTrace() {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeExchangePtr& exchange) {
            exchange->respondStatus(401, "Unauthorized", "Unauthorized");
        });
        const QString trace = dir.filePath("kept.jsonl");
        const QByteArray previous = "{\"jobscope-trace\":1,\"job\":\"before\"}\n";
        {
            QFile file(trace);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(previous);
        }
        QProcess* process =
            startRecord({"--kubeconfig", writeKubeconfig(server.url()), "--job", "j", "-o", trace});
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 20000);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitCode() == 1, err.constData());
        QVERIFY2(err.contains("HTTP 401"), err.constData());
        QFile file(trace);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), previous);
        QCOMPARE(partialOf(trace), QString());
    }

    // Ctrl-C while the server floods the watch: the recorder stops at once, with a trace of
    // whole lines.
    void interruptUnderAFlood() {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeExchangePtr& exchange) {
            const auto& request = exchange->request();
            if (!request.isWatch()) {
                exchange->respondJson(200, jobscope::test::fakeList("1", {}));
                return;
            }
            exchange->beginStream();
            if (request.path.endsWith("/jobs")) {
                exchange->event("ADDED",
                                QJsonObject{{"kind", "Job"},
                                            {"metadata", QJsonObject{{"name", "j"},
                                                                     {"namespace", "default"},
                                                                     {"uid", "job-uid"},
                                                                     {"resourceVersion", "2"}}}});
                return;
            }
            if (!request.path.endsWith("/pods"))
                return;
            auto version = std::make_shared<int>(10);
            exchange->pump([version] {
                QByteArray lines;
                for (int i = 0; i < 50; ++i)
                    lines += jobscope::test::FakeExchange::eventLine(
                        "MODIFIED", jobscope::test::fakePod("j-x", QString::number(++*version)));
                return lines;
            });
        });
        const QString trace = dir.filePath("flood.jsonl");
        QProcess* process =
            startRecord({"--kubeconfig", writeKubeconfig(server.url()), "--job", "j", "-o", trace});
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(partialOf(trace)).size() > 2 * 1024 * 1024, 20000);
        QElapsedTimer clock;
        clock.start();
        ::kill(pid_t(process->processId()), SIGINT);
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 5000);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                 err.constData());
        QVERIFY2(err.contains("interrupted"), err.constData());
        qInfo("stopped %lld ms after SIGINT", qlonglong(clock.elapsed()));
        const QList<QJsonObject> lines = readTrace(trace);
        QVERIFY(lines.size() > 1000);
        for (const QJsonObject& line : lines)
            QVERIFY(!line.isEmpty());
    }

    // Every credential source, echoed back by a server that quotes it in a refusal, a garbage
    // watch line and an ERROR event: no output of the recorder (stderr, stdout, the trace and
    // any partial file) holds any of it.
    void noSecretReachesAnyOutput_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("secrets");
        QTest::newRow("token") << "token" << QStringList{"JSSECRET-tok-AAAA1111"};
        QTest::newRow("tokenFile") << "tokenFile" << QStringList{"JSSECRET-file-BBBB2222"};
        QTest::newRow("URL user info")
            << "url" << QStringList{"JSSECRET-url-CCCC3333", "admin:JSSECRET-url-CCCC3333"};
        QTest::newRow("exec plugin token and stderr")
            << "exec" << QStringList{"JSSECRET-exec-DDDD4444"};
        QTest::newRow("exec plugin client key")
            << "exec-key" << QStringList{"JSSECRETKEYLINE0123456789abcdefEEEE5555"};
    }
    void noSecretReachesAnyOutput() {
        QFETCH(QString, source);
        QFETCH(QStringList, secrets);
        const QString secret = secrets.first();
        FakeApiServer server;
        QVERIFY(server.listen());
        auto refused = std::make_shared<bool>(false);
        auto garbled = std::make_shared<bool>(false);
        server.setHandler([secret, refused, garbled](const FakeExchangePtr& exchange) {
            const auto& request = exchange->request();
            if (!*refused) {
                *refused = true;
                exchange->respondStatus(500, "InternalError",
                                        "refused credential " + secret + " \x1b[2J");
                return;
            }
            if (!request.isWatch()) {
                exchange->respondJson(200, jobscope::test::fakeList("1", {}));
                return;
            }
            exchange->beginStream();
            if (!request.path.endsWith("/jobs"))
                return;
            if (!*garbled) {
                *garbled = true;
                exchange->chunk("garbage " + secret.toUtf8() + " \x1b]0;x\x07\n");
                exchange->event("ERROR", QJsonObject{{"code", 500},
                                                     {"message", "token " + secret + " expired"}});
                return;
            }
            exchange->event("ADDED",
                            QJsonObject{{"kind", "Job"},
                                        {"metadata", QJsonObject{{"name", "j"},
                                                                 {"namespace", "default"},
                                                                 {"uid", "job-uid"},
                                                                 {"resourceVersion", "2"}}}});
        });
        QByteArray user;
        QString url = server.url();
        if (source == "token") {
            user = "    token: " + secret.toUtf8() + "\n";
        } else if (source == "tokenFile") {
            const QString tokenFile = dir.filePath("token-file");
            QFile file(tokenFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(secret.toUtf8() + "\n");
            user = "    tokenFile: " + tokenFile.toUtf8() + "\n";
        } else if (source == "url") {
            url.replace("http://", "http://admin:" + secret + "@");
            user = "    token: plain-token\n";
        } else {
            const QString plugin = dir.filePath("secret-plugin.sh");
            QFile file(plugin);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray status =
                source == "exec"
                    ? "{\"token\":\"" + secret.toUtf8() + "\"}"
                    : "{\"token\":\"tkn-plain\",\"clientCertificateData\":\"-----BEGIN "
                      "CERTIFICATE-----\\nCERTLINE\\n-----END CERTIFICATE-----\\n\","
                      "\"clientKeyData\":\"-----BEGIN PRIVATE KEY-----\\n" +
                          secret.toUtf8() + "\\n-----END PRIVATE KEY-----\\n\"}";
            file.write("#!/bin/sh\necho 'plugin says: " + secret.toUtf8() +
                       "' >&2\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                       "\"kind\":\"ExecCredential\",\"status\":" +
                       status + "}'\n");
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            user = "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                   "      command: " +
                   plugin.toUtf8() + "\n";
        }
        const QString kubeconfig = dir.filePath("kubeconfig-secret");
        {
            QFile file(kubeconfig);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("clusters:\n- name: c\n  cluster: {server: '" + url.toUtf8() +
                       "'}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\n"
                       "current-context: x\nusers:\n- name: u\n  user:\n" +
                       user);
        }
        const QString trace = dir.filePath("secret.jsonl");
        QFile::remove(trace);
        QProcess* process = startRecord({"--kubeconfig", kubeconfig, "--job", "j", "-o", trace});
        QByteArray err;
        connect(process, &QProcess::readyReadStandardError, this,
                [&] { err += process->readAllStandardError(); });
        QTRY_VERIFY_WITH_TIMEOUT(err.contains("the watch reported an error") &&
                                     readTrace(partialOf(trace)).size() >= 2,
                                 15000);
        process->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 10000);
        err += process->readAllStandardError();
        QVERIFY2(process->exitCode() == 0, err.constData());
        QByteArray everything = err + process->readAllStandardOutput();
        for (const QString& name : QDir(dir.path()).entryList({"secret.jsonl*"}, QDir::Files)) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            everything += file.readAll();
        }
        // It did echo: the refusal, the garbage line and the ERROR event were all shown.
        QVERIFY2(err.contains("HTTP 500") && err.contains("skipped a watch line") &&
                     err.contains("[redacted]"),
                 err.constData());
        QVERIFY2(!err.contains('\x1b'), err.constData());
        for (const QString& text : secrets)
            QVERIFY2(!everything.contains(text.toUtf8()),
                     qPrintable(text + " in:\n" + QString::fromUtf8(everything)));
    }

    // The exec plugin inherits no descriptor of the recorder (the Ctrl-C socket pair is
    // close-on-exec).
    void execPluginInheritsNoSocket() {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeExchangePtr& exchange) {
            exchange->respondStatus(403, "Forbidden", "no");
        });
        const QString fds = dir.filePath("plugin-fds.txt");
        const QString plugin = dir.filePath("fd-plugin.sh");
        {
            QFile file(plugin);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("#!/bin/sh\nls -l /proc/$$/fd > \"$FD_OUT\" 2>&1\n"
                       "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                       "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t0ken-abcdef\"}}'\n");
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        const QString kubeconfig = dir.filePath("kubeconfig-exec");
        {
            QFile file(kubeconfig);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("clusters:\n- name: c\n  cluster: {server: '" + server.url().toUtf8() +
                       "'}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\n"
                       "current-context: x\nusers:\n- name: u\n  user:\n    exec:\n"
                       "      apiVersion: client.authentication.k8s.io/v1\n"
                       "      command: " +
                       plugin.toUtf8() + "\n      env: [{name: FD_OUT, value: '" + fds.toUtf8() +
                       "'}]\n");
        }
        QProcess* process =
            startRecord({"--kubeconfig", kubeconfig, "--job", "j", "-o", dir.filePath("fd.jsonl")});
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 20000);
        const QByteArray err = process->readAllStandardError();
        QVERIFY2(err.contains("HTTP 403"), err.constData());
        QFile listing(fds);
        QVERIFY(listing.open(QIODevice::ReadOnly));
        const QByteArray text = listing.readAll();
        QVERIFY2(text.contains(" 0 ->") || text.contains(" 1 ->"), text.constData());
        QVERIFY2(!text.contains("socket:"), text.constData());
    }
};

} // namespace

QTEST_GUILESS_MAIN(RecordCliTest)
#include "tst_record_cli.moc"
