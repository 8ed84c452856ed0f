// SPDX-License-Identifier: GPL-3.0-or-later
// `jobscope reconcile FILE` end to end: the built executable is run on state files and its
// exit status (0, 2 for bad input), JSON on stdout and messages on stderr are checked. The
// expected values are upstream's answers for those states: for the states converted from
// recorded lifecycles (tests/data/recordings) they are what the real kube-controller-manager
// did.

#include "support/run_jobscope.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = jobscope::test::JobscopeRun;

Run runJobscope(const QStringList& arguments, const QByteArray& input = {},
                const QString& locale = QStringLiteral("C")) {
    return jobscope::test::runJobscope(arguments, {input, locale, {}});
}

QString examplePath(const QString& name) {
    return jobscope::test::sourceDir() + QStringLiteral("/resources/examples/states/") + name;
}

QString statePath(const QString& name) {
    return jobscope::test::testDataDir() + QStringLiteral("/states/") + name;
}

// Every key of `expected` must be in `actual` with an equal value; objects are compared the
// same way one level down, so a row states only the values it is about.
bool containsSubset(const QJsonValue& actual, const QJsonValue& expected, const QString& path,
                    QString& mismatch) {
    if (expected.isObject() && actual.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key())) {
                mismatch = path + QLatin1Char('.') + it.key() + QStringLiteral(" is missing");
                return false;
            }
            if (!containsSubset(a.value(it.key()), it.value(), path + QLatin1Char('.') + it.key(),
                                mismatch))
                return false;
        }
        return true;
    }
    if (actual != expected) {
        const auto show = [](const QJsonValue& v) {
            return QString::fromUtf8(QJsonDocument(QJsonArray({v})).toJson(QJsonDocument::Compact));
        };
        mismatch = path + QStringLiteral(": got ") + show(actual) + QStringLiteral(", expected ") +
                   show(expected);
        return false;
    }
    return true;
}

const QStringList kTopLevelKeys = {
    "creations", "createdIndexes",      "deletions", "deletedPods", "finalizerRemovals",
    "error",     "requeueAfterSeconds", "status",    "explanation", "events"};
const QStringList kStatusKeys = {
    "startTime", "completionTime", "active",           "ready",         "terminating",
    "succeeded", "failed",         "completedIndexes", "failedIndexes", "uncountedTerminatedPods",
    "conditions"};

} // namespace

class TestReconcileCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void goodStates_data();
    void goodStates();
    void readsStandardInput();
    void outputKeysInOrder();
    void badStates_data();
    void badStates();
    void usage_data();
    void usage();
    void chineseHelp_data();
    void chineseHelp();
    void stateErrorsInChinese();
};

void TestReconcileCli::initTestCase() {
    QVERIFY2(QFileInfo::exists(jobscope::test::jobscopeExecutable()),
             qPrintable(jobscope::test::jobscopeExecutable()));
}

void TestReconcileCli::goodStates_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");      // JSON: a subset of the output
    QTest::addColumn<QString>("errorContains"); // "" = the sync returns no error

    // Trace d, first sync: the real controller created 2 Pods and the third create of the
    // slow-start batch 1+2 was refused by the quota; the 2 never attempted were skipped.
    QTest::newRow("quota-slow-start (trace d, first sync)")
        << examplePath("quota-slow-start.yaml")
        << R"({"creations": 3, "deletions": 0, "createdIndexes": null, "requeueAfterSeconds": null,
              "status": {"startTime": "2026-11-27T20:29:56Z", "completionTime": null,
                         "active": 2, "ready": 0, "terminating": 0, "succeeded": 0,
                         "failed": 0, "conditions": []},
              "explanation": {"wantActive": 5}})"
        << "exceeded quota";
    // Trace d, retry 1 s later: the first create of the new slow-start round fails, so the
    // other 2 are skipped ("Slow-start failure ... skippedCount=2" in the controller log).
    QTest::newRow("quota retry (trace d, second sync, v1 List of Pods in JSON)")
        << statePath("good/trace-d-quota-retry.json")
        << R"({"creations": 1, "deletions": 0, "finalizerRemovals": [],
              "status": {"active": 2, "ready": 0, "startTime": "2026-11-27T20:29:56Z"}})"
        << "exceeded quota";
    // Two creates accepted (not yet seen: lag), the third refused by a server error.
    QTest::newRow("create refused by a server error")
        << statePath("good/create-server-error.yaml")
        << R"({"creations": 3, "explanation": {"wantActive": 5,
              "causes": ["controller-lag", "creation-failed"]}})"
        << "Internal error";
    // Trace a, after the first wave: watch-jobs resourceVersion 140 and 3 Pods ADDED.
    QTest::newRow("real dump (trace a, second wave)")
        << examplePath("real-dump-trace-a.yaml")
        << R"({"creations": 3, "deletions": 0, "error": null,
              "finalizerRemovals": ["job-a-qrzxw", "job-a-rbkdb", "job-a-tdhw4"],
              "status": {"startTime": "2026-11-27T20:27:20Z", "active": 3, "ready": 0,
                         "terminating": 0, "succeeded": 3, "failed": 0,
                         "uncountedTerminatedPods": {"succeeded": [], "failed": []},
                         "conditions": []}})"
        << "";
    QTest::newRow("real dump with managedFields (trace a, second wave)")
        << statePath("good/trace-a-full-objects.yaml")
        << R"({"creations": 3, "finalizerRemovals": ["job-a-qrzxw", "job-a-rbkdb", "job-a-tdhw4"],
              "status": {"active": 3, "succeeded": 3, "ready": 0}})"
        << "";
    QTest::newRow("work queue after the first success")
        << examplePath("work-queue-after-first-success.yaml")
        << R"({"creations": 0, "deletions": 0, "finalizerRemovals": ["queue-first"],
              "requeueAfterSeconds": null,
              "status": {"startTime": 0, "active": 3, "ready": 3, "succeeded": 1, "failed": 0,
                         "uncountedTerminatedPods": {"succeeded": [], "failed": []},
                         "conditions": []},
              "explanation": {"wantActive": 3, "causes": ["work-queue-draining"]}})"
        << "";
    QTest::newRow("terminating Pod with podReplacementPolicy Failed")
        << examplePath("terminating-replacement-policy-failed.yaml")
        << R"({"creations": 0, "deletions": 0, "finalizerRemovals": [],
              "status": {"active": 2, "ready": 2, "terminating": 1, "succeeded": 2, "failed": 0},
              "explanation": {"wantActive": 3, "causes": ["terminating"]}})"
        << "";
    QTest::newRow("pod-failure backoff")
        << examplePath("backoff-after-failures.yaml")
        << R"({"creations": 0, "requeueAfterSeconds": 38, "finalizerRemovals": ["flaky-fail"],
              "status": {"active": 1, "ready": 1, "failed": 3, "succeeded": 0},
              "explanation": {"wantActive": 2, "causes": ["failure-backoff"]}})"
        << "";
    QTest::newRow("backoffLimitPerIndex with a failed index and an index in backoff")
        << examplePath("indexed-backoff-limit-per-index.yaml")
        << R"({"creations": 1, "createdIndexes": [4], "deletions": 0,
              "finalizerRemovals": ["shards-1-retry"], "requeueAfterSeconds": null,
              "status": {"active": 2, "ready": 1, "succeeded": 1, "failed": 1,
                         "completedIndexes": "0", "failedIndexes": "1", "conditions": []}})"
        << "";
    QTest::newRow("suspended Job deletes its active Pods")
        << examplePath("suspended.yaml")
        << R"({"creations": 0, "deletions": 2, "deletedPods": ["nightly-b", "nightly-a"],
              "status": {"active": 0, "ready": 0, "terminating": 2, "failed": 0,
                         "conditions": [{"type": "Suspended", "status": "True",
                                         "reason": "JobSuspended", "message": "Job suspended"}]},
              "explanation": {"wantActive": 0}})"
        << "";
    QTest::newRow("backoffLimit exceeded with a Pod still running")
        << examplePath("backoff-limit-exceeded.yaml")
        << R"({"creations": 0, "deletions": 1, "deletedPods": ["migrate-3"],
              "status": {"active": 0, "terminating": 1, "failed": 3, "completionTime": null,
                         "conditions": [{"type": "FailureTarget", "status": "True",
                                         "reason": "BackoffLimitExceeded",
                                         "message": "Job has reached the specified backoff limit"}]}})"
        << "";
    QTest::newRow("indexed duplicate index is deleted before anything is created")
        << statePath("good/indexed-duplicate-index.yaml")
        << R"({"creations": 0, "createdIndexes": [], "deletions": 1, "deletedPods": ["idx-0-b"],
              "status": {"active": 1, "ready": 1, "terminating": 1}})"
        << "";
    QTest::newRow("unsatisfied expectations: no action")
        << statePath("good/expectations-pending.yaml")
        << R"({"creations": 0, "deletions": 0, "status": {"active": 1, "ready": 1}})"
        << "";
    QTest::newRow("Job being deleted: no creations")
        << statePath("good/job-being-deleted.yaml")
        << R"({"creations": 0, "deletions": 0, "status": {"active": 1, "succeeded": 1}})"
        << "";
    QTest::newRow("Pod names that need escaping")
        << statePath("good/names-need-escaping.yaml")
        << R"({"finalizerRemovals": ["quote\"back\\slash\ttab", "名字-\u0001-é"],
              "status": {"succeeded": 1, "failed": 1}})"
        << "";
    // kubernetesVersion 1.30 with JobPodReplacementPolicy off: podReplacementPolicy is
    // dropped, the evicted Pod counts as failed and is replaced, status.terminating is null.
    QTest::newRow("JobPodReplacementPolicy off")
        << statePath("good/gates-pod-replacement-policy-off.yaml")
        << R"({"creations": 1, "finalizerRemovals": ["render-c"],
              "status": {"active": 3, "ready": 2, "terminating": null, "succeeded": 2,
                         "failed": 1}})"
        << "";
    QTest::newRow("fuzz: times RFC 3339 cannot spell stay numbers")
        << statePath("good/fuzz-extreme-times.yaml")
        << R"({"creations": 0, "status": {"startTime": 1e300, "active": 1}})"
        << "";
}

void TestReconcileCli::goodStates() {
    QFETCH(QString, file);
    QFETCH(QString, expected);
    QFETCH(QString, errorContains);

    const Run run = runJobscope({QStringLiteral("reconcile"), file});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonParseError parseError;
    const QJsonDocument output = QJsonDocument::fromJson(run.out, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, run.out.constData());
    const QJsonObject json = output.object();
    for (const QString& key : kTopLevelKeys)
        QVERIFY2(json.contains(key), qPrintable(key));
    for (const QString& key : kStatusKeys)
        QVERIFY2(json.value("status").toObject().contains(key), qPrintable(key));

    const QJsonDocument want = QJsonDocument::fromJson(expected.toUtf8(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QString mismatch;
    QVERIFY2(containsSubset(json, want.object(), QString(), mismatch),
             qPrintable(mismatch + QStringLiteral("\n") + QString::fromUtf8(run.out)));

    if (errorContains.isEmpty())
        QVERIFY2(json.value("error").isNull(), qPrintable(json.value("error").toString()));
    else
        QVERIFY2(json.value("error").toString().contains(errorContains),
                 qPrintable(json.value("error").toString()));
    // Warnings may go to stderr; errors may not.
    QVERIFY2(!run.err.contains("error:"), run.err.constData());
}

void TestReconcileCli::readsStandardInput() {
    QFile file(statePath("good/stdin-minimal.yaml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Run run = runJobscope({QStringLiteral("reconcile"), QStringLiteral("-")}, file.readAll());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    // Defaults: parallelism 1, completions 1; numbers in, numbers out.
    QCOMPARE(json.value("creations").toInt(-1), 1);
    QCOMPARE(json.value("status").toObject().value("active").toInt(-1), 1);
    QVERIFY(json.value("status").toObject().value("startTime").isDouble());
    QCOMPARE(json.value("status").toObject().value("startTime").toDouble(), 0.0);

    // A bad state on stdin is named <stdin> in the messages.
    const Run bad = runJobscope({QStringLiteral("reconcile"), QStringLiteral("-")},
                                QByteArray("now: 1\njob: [\n"));
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.startsWith("<stdin>:"), bad.err.constData());
}

void TestReconcileCli::outputKeysInOrder() {
    const Run run =
        runJobscope({QStringLiteral("reconcile"), examplePath("quota-slow-start.yaml")});
    QCOMPARE(run.exitCode, 0);
    // Keys at two-space indentation are the top level, in the documented order.
    QStringList top;
    for (const QByteArray& line : run.out.split('\n'))
        if (line.startsWith("  \""))
            top << QString::fromUtf8(line.mid(3, line.indexOf('"', 3) - 3));
    QCOMPARE(top, kTopLevelKeys);
    QVERIFY(run.out.startsWith("{\n  \"creations\": 3,\n"));
    QVERIFY(run.out.endsWith("}\n"));
}

void TestReconcileCli::badStates_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("position"); // "LINE:COLUMN", or "" when none is known
    QTest::addColumn<QString>("message");

    QTest::newRow("YAML syntax error") << statePath("bad/syntax-error.yaml") << "2:13"
                                       << "YAML syntax error";
    QTest::newRow("wrong kind") << statePath("bad/wrong-kind.yaml") << "3:9"
                                << "job.kind: Unsupported value: \"Deployment\"";
    QTest::newRow("wrong apiVersion") << statePath("bad/wrong-kind.yaml") << "2:15"
                                      << "job.apiVersion: Unsupported value: \"apps/v1\"";
    QTest::newRow("wrong type in the Job")
        << statePath("bad/wrong-types.yaml") << "4:18"
        << "job.spec.parallelism: Invalid value: \"lots\": must be an integer";
    QTest::newRow("wrong type of now") << statePath("bad/wrong-types.yaml") << "9:6"
                                       << "now: Invalid value: \"yesterday\"";
    QTest::newRow("pods not a list") << statePath("bad/wrong-types.yaml") << "10:7"
                                     << "pods: Invalid value: \"5\": must be a list";
    QTest::newRow("createLimit not an integer")
        << statePath("bad/wrong-types.yaml") << "13:26"
        << "apiErrors.createLimit: Invalid value: \"1.5\": must be an integer";
    QTest::newRow("unknown shorthand key with suggestion")
        << statePath("bad/unknown-keys.yaml") << "10:15"
        << "pods[0].phse: unknown field \"phse\" (did you mean \"phase\"?)";
    QTest::newRow("misspelt phase with suggestion") << statePath("bad/unknown-keys.yaml") << "11:22"
                                                    << "(did you mean \"Running\"?)";
    QTest::newRow("unknown top-level key with suggestion")
        << statePath("bad/unknown-keys.yaml") << "12:1"
        << "expectation: unknown field \"expectation\" (did you mean \"expectations\"?)";
    QTest::newRow("unknown apiErrors key with suggestion")
        << statePath("bad/unknown-keys.yaml") << "13:13"
        << "(did you mean \"create\"?)";
    QTest::newRow("empty file") << statePath("bad/empty.yaml") << "1:1"
                                << "empty state file";
    QTest::newRow("only a comment") << statePath("bad/only-comment.yaml") << "1:1"
                                    << "empty state file";
    QTest::newRow("binary junk") << statePath("bad/binary.bin") << "1:8"
                                 << "not a text file";
    QTest::newRow("binary junk without NUL bytes") << statePath("bad/binary-no-nul.bin") << "3:6"
                                                   << "YAML syntax error";
    QTest::newRow("scalar instead of a mapping") << statePath("bad/scalar-root.yaml") << "1:1"
                                                 << "a state file is a mapping";
    QTest::newRow("Job rejected by validation")
        << statePath("bad/validation.yaml") << "4:18"
        << "job.spec.parallelism: Invalid value: -1: must be greater than or equal to 0";
    QTest::newRow("restartPolicy Always rejected") << statePath("bad/validation.yaml") << "8:24"
                                                   << "job.spec.template.spec.restartPolicy";
    QTest::newRow("missing now") << statePath("bad/missing-now.yaml") << "1:1"
                                 << "now: Required value";
    QTest::newRow("two documents") << statePath("bad/two-documents.yaml") << "10:1"
                                   << "one YAML document";
    QTest::newRow("duplicate Pod names") << statePath("bad/duplicate-pods.yaml") << "12:5"
                                         << "Duplicate value: Pod name \"p-1\"";
    QTest::newRow("Pod object of the wrong kind")
        << statePath("bad/pod-object-wrong-kind.yaml") << "11:11"
        << "pods[0].kind: Unsupported value: \"Job\"";
    QTest::newRow("Pod object with an unknown phase")
        << statePath("bad/pod-object-wrong-kind.yaml") << "16:21"
        << "pods[1].status.phase: Unsupported value: \"Sleeping\"";
    // Found by fuzz_state: yaml-cpp 0.7's LoadAll never returned on these (state/yaml_guard.h).
    QTest::newRow("fuzz: stray comma after a flow mapping")
        << statePath("bad/fuzz-yaml-stall-comma.yaml") << "1:8"
        << "YAML syntax error: unexpected ','";
    QTest::newRow("fuzz: truncated dump ending in a stray comma")
        << statePath("bad/fuzz-timeout-truncated-dump.json") << "51:6"
        << "YAML syntax error: unexpected ','";
    QTest::newRow("gate the release does not have")
        << statePath("bad/feature-gates.yaml") << "3:17"
        << "featureGates.JobManagedBy: Invalid value: true: Kubernetes 1.29 has no such gate";
    QTest::newRow("gate value that is no boolean")
        << statePath("bad/feature-gates.yaml") << "4:28"
        << "featureGates.JobBackoffLimitPerIndex: Invalid value: \"maybe\": must be true or false";
    QTest::newRow("misspelt gate with suggestion") << statePath("bad/feature-gates.yaml") << "5:3"
                                                   << "(did you mean \"JobPodReplacementPolicy\"?)";
    QTest::newRow("kubernetesVersion 1.3 for 1.30")
        << statePath("bad/feature-gates-version.yaml") << "1:20"
        << "kubernetesVersion: Unsupported value: \"1.3\"";
    QTest::newRow("gate locked in current master")
        << statePath("bad/feature-gates-locked.yaml") << "2:34"
        << "featureGates.JobSuccessPolicy: Invalid value: false: the gate is GA and locked";
    QTest::newRow("missing file") << statePath("bad/no-such-file.yaml") << ""
                                  << "cannot open the state file";
    QTest::newRow("a directory") << statePath("bad") << ""
                                 << "cannot";
}

void TestReconcileCli::badStates() {
    QFETCH(QString, file);
    QFETCH(QString, position);
    QFETCH(QString, message);

    const Run run = runJobscope({QStringLiteral("reconcile"), file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    const QString expected = position.isEmpty()
                                 ? QStringLiteral("%1: error: %2").arg(file, message)
                                 : QStringLiteral("%1:%2: error: ").arg(file, position);
    const QString err = QString::fromUtf8(run.err);
    bool found = false;
    for (const QString& line : err.split(QLatin1Char('\n')))
        if (line.startsWith(expected) && line.contains(message))
            found = true;
    QVERIFY2(found, qPrintable(QStringLiteral("expected a line starting with \"%1\" containing "
                                              "\"%2\", got:\n%3")
                                   .arg(expected, message, err)));
}

void TestReconcileCli::usage_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutContains");
    QTest::addColumn<QString>("stderrContains");

    // Without a command (or with a FILE) the desktop app opens; the tests run without a
    // display, where it says what works instead of letting Qt abort.
    QTest::newRow("no command") << QStringList() << 1 << ""
                                << "the desktop app needs a display";
    QTest::newRow("record without a Job")
        << QStringList({"record"}) << 2 << ""
        << "record needs --job NAME (or --all-jobs, or -l SELECTOR) and -o TRACE";
    QTest::newRow("replay of a missing trace") << QStringList({"replay", "t.jsonl"}) << 2 << ""
                                               << "t.jsonl: error: no such file or folder";
    QTest::newRow("a file for the GUI") << QStringList({"job.yaml"}) << 1 << ""
                                        << "the desktop app needs a display";
    QTest::newRow("misspelt command") << QStringList({"reconcle"}) << 2 << ""
                                      << "unknown command 'reconcle' (did you mean 'reconcile'?)";
    QTest::newRow("unknown option") << QStringList({"--frobnicate"}) << 2 << ""
                                    << "Unknown option 'frobnicate'";
    QTest::newRow("help") << QStringList({"--help"}) << 0 << "reconcile FILE"
                          << "";
    QTest::newRow("version") << QStringList({"--version"}) << 0 << "jobscope 0."
                             << "";
    QTest::newRow("reconcile help")
        << QStringList({"reconcile", "--help"}) << 0 << "Usage: jobscope reconcile [options] FILE"
        << "";
    QTest::newRow("reconcile without a file") << QStringList({"reconcile"}) << 2 << ""
                                              << "missing the state FILE argument";
    QTest::newRow("reconcile with two files")
        << QStringList({"reconcile", "a.yaml", "b.yaml"}) << 2 << ""
        << "expected one state FILE, got 2";
    QTest::newRow("reconcile with an unknown option")
        << QStringList({"reconcile", "--pretty", "a.yaml"}) << 2 << ""
        << "Unknown option 'pretty'";
}

void TestReconcileCli::usage() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutContains);
    QFETCH(QString, stderrContains);

    const Run run = runJobscope(arguments);
    QCOMPARE(run.exitCode, exitCode);
    if (!stdoutContains.isEmpty())
        QVERIFY2(QString::fromUtf8(run.out).contains(stdoutContains), run.out.constData());
    if (!stderrContains.isEmpty())
        QVERIFY2(QString::fromUtf8(run.err).contains(stderrContains), run.err.constData());
    if (exitCode == 0)
        QVERIFY2(run.err.isEmpty(), run.err.constData());
    else
        QVERIFY2(run.out.isEmpty(), run.out.constData());
}

void TestReconcileCli::chineseHelp_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("english"); // must not appear
    QTest::addColumn<QString>("chinese"); // must appear

    QTest::newRow("--lang zh_CN --help")
        << QStringList({"--lang", "zh_CN", "--help"}) << "C" << 0 << "Show this help"
        << "用法";
    QTest::newRow("--lang=zh_CN reconcile --help")
        << QStringList({"--lang=zh_CN", "reconcile", "--help"}) << "C" << 0
        << "The state file is YAML"
        << "状态文件";
    QTest::newRow("reconcile --lang zh_CN --help")
        << QStringList({"reconcile", "--lang", "zh_CN", "--help"}) << "C" << 0 << "Options:"
        << "选项";
    QTest::newRow("locale zh_CN.UTF-8")
        << QStringList({"--help"}) << "zh_CN.UTF-8" << 0 << "Show this help"
        << "显示此帮助";
    QTest::newRow("error message in Chinese")
        << QStringList({"--lang", "zh_CN", "reconcile", "/no/such/state.yaml"}) << "C" << 2
        << "cannot open the state file"
        << "无法打开状态文件";
    QTest::newRow("--lang en overrides a Chinese locale")
        << QStringList({"--lang", "en", "--help"}) << "zh_CN.UTF-8" << 0 << "用法"
        << "Show this help";
}

void TestReconcileCli::chineseHelp() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, locale);
    QFETCH(int, exitCode);
    QFETCH(QString, english);
    QFETCH(QString, chinese);

    const Run run = runJobscope(arguments, {}, locale);
    QCOMPARE(run.exitCode, exitCode);
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(text.contains(chinese), qPrintable(text));
    QVERIFY2(!text.contains(english), qPrintable(text));
}

void TestReconcileCli::stateErrorsInChinese() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString state = dir.filePath(QStringLiteral("bad-state.yaml"));
    QFile file(state);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("now: 5\nkubernetesVersion: banana\npods: [{name: a, restarts: -1}]\n");
    file.close();

    const Run run = runJobscope(
        {QStringLiteral("reconcile"), state, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(state + QStringLiteral(":1:1: error: job: 缺少必需的值: kubectl 输出的 "
                                                 "batch/v1 Job")),
             qPrintable(err));
    QVERIFY2(err.contains(state + QStringLiteral(":2:20: error: kubernetesVersion: 无效值: "
                                                 "\"banana\": 必须是 Kubernetes 次版本号")),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("pods[0].restarts: 无效值: -1: 必须大于或等于 0")),
             qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("Required value")), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("must be")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestReconcileCli)
#include "tst_reconcile_cli.moc"
