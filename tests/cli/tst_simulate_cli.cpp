// SPDX-License-Identifier: GPL-3.0-or-later
// `jobscope simulate FILE ...` end to end: the built executable is run with no display (no
// DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM: main() must pick the offscreen platform itself)
// and its exit status (0, 2 for bad input or usage, 1 for other failures), output files and
// messages are checked.

#include "support/run_jobscope.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

using Run = jobscope::test::JobscopeRun;

Run runJobscope(const QStringList& arguments, const QString& workDir = {}) {
    return jobscope::test::runJobscope(arguments, {{}, QStringLiteral("C"), workDir});
}

QString example(const QString& name) {
    return jobscope::test::sourceDir() + QStringLiteral("/resources/examples/") + name;
}

QString testData(const QString& name) {
    return jobscope::test::testDataDir() + QLatin1Char('/') + name;
}

// The size in a PNG's IHDR chunk, or an invalid size when the file is not a PNG.
QSize pngSize(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = file.read(24);
    if (head.size() < 24 || !head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR")
        return {};
    return QSize(static_cast<int>(qFromBigEndian<quint32>(head.constData() + 16)),
                 static_cast<int>(qFromBigEndian<quint32>(head.constData() + 20)));
}

QString diagnose(const Run& run) {
    return QStringLiteral("exit %1\nstderr:\n%2")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.err.left(3000)));
}

} // namespace

class TestSimulateCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void writesOutputs_data();
    void writesOutputs();
    void ganttPngHasEveryPod();
    void pdfReport();
    void seriesOnStandardOutput();
    void sameSeedSameCsv();
    void sameCsvInEveryLocale();
    void untilStopsTheSimulation();
    void setChangesValues_data();
    void setChangesValues();
    void standardInput();
    void badStandardInput();
    void builtInExample();
    void help();
    void unknownOptionAfterAFile();
    void messagesInChinese();
    void badInput_data();
    void badInput();
    void refusedInput_data();
    void refusedInput();
    void maxPods_data();
    void maxPods();
    void unwritableOutput_data();
    void unwritableOutput();
    void jobsCsv();
};

void TestSimulateCli::initTestCase() {
    QVERIFY2(QFileInfo::exists(jobscope::test::jobscopeExecutable()),
             qPrintable(jobscope::test::jobscopeExecutable()));
}

void TestSimulateCli::writesOutputs_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QSize>("pngSize");

    QTest::newRow("bare manifest, 800x450")
        << example(QStringLiteral("fixed-completions.yaml"))
        << QStringList{"--width", "800", "--height", "450"} << QSize(800, 450);
    QTest::newRow("bare manifest, default size")
        << example(QStringLiteral("non-parallel.yaml")) << QStringList{} << QSize(1600, 900);
    QTest::newRow("manifest with a quota, 1920x1080, zh_CN")
        << testData(QStringLiteral("scenarios/manifest-with-quota.yaml"))
        << QStringList{"--width=1920", "--height=1080", "--lang", "zh_CN", "--seed", "7"}
        << QSize(1920, 1080);
}

void TestSimulateCli::writesOutputs() {
    QFETCH(QString, file);
    QFETCH(QStringList, options);
    QFETCH(QSize, pngSize);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList outputs = {"series.csv", "causes.csv", "pods.csv", "events.csv"};
    QStringList arguments = {"simulate", file, "--png", dir.filePath("plot.png")};
    for (const QString& name : outputs)
        arguments << QStringLiteral("--%1-csv").arg(name.section(QLatin1Char('.'), 0, 0))
                  << dir.filePath(name);
    arguments << options;
    const Run run = runJobscope(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
    // Nothing on stderr, not even Qt's note about XDG_RUNTIME_DIR on machines without a session.
    QVERIFY2(run.err.isEmpty(), run.err.constData());

    QCOMPARE(::pngSize(dir.filePath("plot.png")), pngSize);
    // A drawn plot, not an empty canvas (which compresses to a few hundred bytes).
    QVERIFY(QFileInfo(dir.filePath("plot.png")).size() > 8000);
    const QStringList headers = {"time,requested,", "start,end,cause,", "name,index,",
                                 "time,object_kind,"};
    for (qsizetype i = 0; i < outputs.size(); ++i) {
        QFile csv(dir.filePath(outputs.at(i)));
        QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(outputs.at(i)));
        const QByteArray text = csv.readAll();
        QVERIFY2(text.startsWith(headers.at(i).toLatin1()), text.left(200).constData());
        QVERIFY2(text.count('\n') >= 2, qPrintable(outputs.at(i))); // header and data
    }
    // Nothing but the requested files: the atomic writes left no temporary behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), outputs.size() + 1);
}

void TestSimulateCli::seriesOnStandardOutput() {
    const Run run = runJobscope({"simulate", example(QStringLiteral("fixed-completions.yaml"))});
    QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
    QVERIFY(run.out.startsWith("time,requested,want_active,active,"));
    // 12 completions at parallelism 3: the Job ends with 12 succeeded.
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QVERIFY(lines.size() > 3);
    const QList<QByteArray> header = lines.first().trimmed().split(',');
    const QList<QByteArray> last = lines.last().trimmed().split(',');
    QCOMPARE(last.value(header.indexOf("succeeded")), QByteArray("12"));
}

void TestSimulateCli::sameSeedSameCsv() {
    const QString file = testData(QStringLiteral("scenarios/manifest-with-quota.yaml"));
    const Run a = runJobscope({"simulate", file, "--seed", "42", "--events-csv", "-"});
    const Run b = runJobscope({"simulate", file, "--seed", "42", "--events-csv", "-"});
    QVERIFY2(a.exitCode == 0, qPrintable(diagnose(a)));
    QVERIFY2(b.exitCode == 0, qPrintable(diagnose(b)));
    QVERIFY(a.out.count('\n') > 3);
    QCOMPARE(a.out, b.out);
}

// A locale with a decimal comma (German) changes no number in the reports: the causes of
// failure-backoff carry fractional delays.
void TestSimulateCli::sameCsvInEveryLocale() {
    const QString file = example(QStringLiteral("causes/failure-backoff.yaml"));
    const QStringList arguments = {"simulate", file, "--causes-csv", "-"};
    const Run c = runJobscope(arguments);
    const Run german =
        jobscope::test::runJobscope(arguments, {{}, QStringLiteral("de_DE.UTF-8"), {}});
    QVERIFY2(c.exitCode == 0, qPrintable(diagnose(c)));
    QVERIFY2(german.exitCode == 0, qPrintable(diagnose(german)));
    QVERIFY2(c.out.contains("delay=") && c.out.contains('.'), c.out.constData());
    QCOMPARE(german.out, c.out);
}

void TestSimulateCli::untilStopsTheSimulation() {
    const Run run = runJobscope({"simulate", example(QStringLiteral("fixed-completions.yaml")),
                                 "--until", "15s", "--series-csv", "-"});
    QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QVERIFY(lines.size() > 2);
    for (qsizetype i = 1; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).split(',').first().toDouble() <= 15.0, lines.at(i).constData());
    // 12 Pods of 10 s at parallelism 3 need about 40 s: at 15 s the Job is not done.
    const QList<QByteArray> header = lines.first().trimmed().split(',');
    QVERIFY(lines.last().split(',').value(header.indexOf("succeeded")).toInt() < 12);
}

// --set changes the text before it is read: a higher quota lets more Pods run; what the file
// would refuse is refused with its position; a malformed --set is a usage error.
void TestSimulateCli::setChangesValues_data() {
    QTest::addColumn<QStringList>("sets");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("peakActive"); // when it runs
    QTest::addColumn<QString>("message");
    QTest::newRow("none") << QStringList{} << 0 << 2 << QString();
    QTest::newRow("the scenario's quota")
        << QStringList{"cluster.quota.pods=6"} << 0 << 6 << QString();
    QTest::newRow("the Job's parallelism under the quota")
        << QStringList{"spec.parallelism=1"} << 0 << 1 << QString();
    QTest::newRow("a value the file would refuse")
        << QStringList{"spec.parallelism=-3"} << 2 << 0
        << "quota-exceeded.yaml:20:18: error: job.spec.parallelism: Invalid value: -3: must be "
           "greater than or equal to 0";
    QTest::newRow("not PATH=VALUE")
        << QStringList{"spec.parallelism"} << 2 << 0
        << "jobscope: error: --set: 'spec.parallelism' is not PATH=VALUE";
}

void TestSimulateCli::setChangesValues() {
    QFETCH(QStringList, sets);
    QFETCH(int, exitCode);
    QFETCH(int, peakActive);
    QFETCH(QString, message);
    QStringList arguments{"simulate", example(QStringLiteral("causes/quota-exceeded.yaml")),
                          "--summary-json", "-"};
    for (const QString& set : sets)
        arguments << "--set" << set;
    const Run run = runJobscope(arguments);
    QVERIFY2(run.exitCode == exitCode, qPrintable(diagnose(run)));
    if (exitCode != 0) {
        QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(diagnose(run)));
        return;
    }
    const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(summary.value("peakActive").toInt(), peakActive);
}

// `simulate -` reads the scenario from standard input: the same series as from the file.
void TestSimulateCli::standardInput() {
    const QString file = example(QStringLiteral("causes/quota-exceeded.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    jobscope::test::JobscopeRunOptions options;
    options.input = f.readAll();
    const Run piped = jobscope::test::runJobscope({"simulate", "-", "--series-csv", "-"}, options);
    const Run direct = runJobscope({"simulate", file, "--series-csv", "-"});
    QVERIFY2(piped.exitCode == 0, qPrintable(diagnose(piped)));
    QVERIFY2(direct.exitCode == 0, qPrintable(diagnose(direct)));
    QVERIFY(piped.out.contains("quota-exceeded"));
    QCOMPARE(piped.out, direct.out);
}

// A bad scenario on standard input is positioned in "<stdin>".
void TestSimulateCli::badStandardInput() {
    jobscope::test::JobscopeRunOptions options;
    options.input = "job:\n  kind: Job\n  spec:\n    parallelism: -1\n";
    const Run run = jobscope::test::runJobscope({"simulate", "-"}, options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith("<stdin>:"), qPrintable(diagnose(run)));
    QVERIFY(run.out.isEmpty());
}

// `simulate example:NAME` runs the example compiled into the executable, as the file would.
void TestSimulateCli::builtInExample() {
    const Run builtIn =
        runJobscope({"simulate", "example:causes/quota-exceeded", "--causes-csv", "-"});
    const Run file = runJobscope(
        {"simulate", example(QStringLiteral("causes/quota-exceeded.yaml")), "--causes-csv", "-"});
    QVERIFY2(builtIn.exitCode == 0, qPrintable(diagnose(builtIn)));
    QVERIFY(builtIn.out.contains("quota-exceeded"));
    QCOMPARE(builtIn.out, file.out);

    // A name that is not an example: exit status 2, the closest name, where to find them.
    const Run typo = runJobscope({"simulate", "example:causes/quota-exceded"});
    QCOMPARE(typo.exitCode, 2);
    QVERIFY2(typo.err.startsWith("jobscope: error: no example 'causes/quota-exceded' (did you "
                                 "mean 'causes/quota-exceeded'?)"),
             qPrintable(diagnose(typo)));
    QVERIFY(typo.err.contains("jobscope examples"));
    QVERIFY(typo.out.isEmpty());
    const Run unknown = runJobscope({"simulate", "example:nothing-like-it"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.startsWith("jobscope: error: no example 'nothing-like-it'; "),
             qPrintable(diagnose(unknown)));
}

// The app takes no option but --lang: an unknown option after a file is a usage error (exit 2)
// that needs no display, never an app started without one.
void TestSimulateCli::unknownOptionAfterAFile() {
    const Run run = runJobscope({example("causes/quota-exceeded.yaml"), "--unknown-option"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("Unknown option 'unknown-option'"), qPrintable(run.err));
    QVERIFY2(run.err.contains("jobscope --help"), qPrintable(run.err));
}

void TestSimulateCli::help() {
    const Run run = runJobscope({"simulate", "--help"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("Usage: jobscope simulate"));
    QVERIFY(run.out.contains("FILE '-' reads it from standard input"));
    QVERIFY(run.out.contains("example:NAME"));
    QVERIFY(run.out.contains("jobscope examples"));
    // The examples named where they are: installed, or in the source tree of this build.
    const QRegularExpression examples(QStringLiteral(R"(Examples are in (\S+)\.)"));
    const QRegularExpressionMatch named = examples.match(run.out);
    QVERIFY2(named.hasMatch(), qPrintable(run.out));
    QVERIFY2(QFileInfo(named.captured(1)).isDir(), qPrintable(named.captured(1)));
    const Run top = runJobscope({"--help"});
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.out.contains("  examples "));
}

// With --lang zh_CN the engine's messages are Chinese around the field path and the value,
// and keep their position.
void TestSimulateCli::messagesInChinese() {
    const QString invalid = testData(QStringLiteral("manifests/invalid-spec.yaml"));
    const Run run = runJobscope({"simulate", invalid, "--lang", "zh_CN"});
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(
                 invalid +
                 QStringLiteral(":6:16: error: spec.parallelism: 无效值: -1: 必须大于或等于 0")),
             qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("Invalid value")), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("must be")), qPrintable(err));

    jobscope::test::JobscopeRunOptions options;
    options.input = "job:\n  kind: Job\n  spec: {parallelism: x}\nruntime: 5\n";
    const Run piped = jobscope::test::runJobscope({"simulate", "-", "--lang", "zh_CN"}, options);
    QCOMPARE(piped.exitCode, 2);
    const QString pipedErr = QString::fromUtf8(piped.err);
    QVERIFY2(pipedErr.contains(QStringLiteral("job.spec.parallelism: 无效值: \"x\": 必须是整数")),
             qPrintable(pipedErr));
    QVERIFY2(pipedErr.contains(
                 QStringLiteral("runtime：未知字段 \"runtime\"（您是指 \"runTime\" 吗？）")),
             qPrintable(pipedErr));

    options.input = "featureGates: {JobManagedByX: true}\njob:\n  kind: Job\n";
    const Run gates = jobscope::test::runJobscope({"simulate", "-", "--lang", "zh_CN"}, options);
    QCOMPARE(gates.exitCode, 2);
    const QString gatesErr = QString::fromUtf8(gates.err);
    QVERIFY2(gatesErr.contains(QStringLiteral("featureGates: 不支持的值: \"JobManagedByX\": "
                                              "支持的特性门控（Job 控制器的）：")),
             qPrintable(gatesErr));
    QVERIFY2(gatesErr.contains(QStringLiteral("（您是指 \"JobManagedBy\" 吗？）")),
             qPrintable(gatesErr));
}

// Input that is not a regular file, or is over 3 MiB, is refused before it is read, naming it.
void TestSimulateCli::refusedInput_data() {
    QTest::addColumn<QString>("file"); // in a temporary folder unless absolute; "-": stdin
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    const QByteArray large = "job: {kind: Job}\n#" + QByteArray(3 * 1024 * 1024, 'x') + "\n";
    QTest::newRow("/dev/zero") << "/dev/zero" << QByteArray()
                               << "/dev/zero: error: not a regular file (a device, pipe or "
                                  "socket); expected a file";
    QTest::newRow("a folder") << "folder" << QByteArray() << "folder: error: is a folder";
    QTest::newRow("a file over 3 MiB")
        << "large.yaml" << QByteArray()
        << "large.yaml: error: too large: 3145747 bytes, more than the limit of 3 MiB";
    QTest::newRow("standard input over 3 MiB")
        << "-" << large
        << "<stdin>: error: cannot read the scenario: too large: 3145747 bytes, more than the "
           "limit of 3 MiB";
}

void TestSimulateCli::refusedInput() {
    QFETCH(QString, file);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder")));
    QFile large(dir.filePath(QStringLiteral("large.yaml")));
    QVERIFY(large.open(QIODevice::WriteOnly));
    large.write("job: {kind: Job}\n#" + QByteArray(3 * 1024 * 1024, 'x') + "\n");
    large.close();
    jobscope::test::JobscopeRunOptions options;
    options.input = input;
    options.workDir = dir.path();
    const Run run = jobscope::test::runJobscope({"simulate", file}, options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).startsWith(message), qPrintable(diagnose(run)));
    QVERIFY(run.out.isEmpty());
}

// --max-pods: a Job that needs more Pods is refused before it runs; a simulation that goes on
// creating Pods (every attempt fails, retried without end) stops there; both exit 2 and write
// nothing.
void TestSimulateCli::maxPods_data() {
    QTest::addColumn<QByteArray>("scenario");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QByteArray templ = "    template:\n      spec:\n        restartPolicy: Never\n"
                             "        containers: [{name: main, image: busybox}]\n";
    const QByteArray huge = "job:\n  kind: Job\n  metadata: {name: huge}\n  spec:\n"
                            "    completions: 2147483647\n    parallelism: 2147483647\n" +
                            templ;
    QTest::newRow("2147483647 completions, default limit")
        << huge << QStringList() << 2
        << "<stdin>: error: the Job needs at least 2147483647 Pods (spec.completions), more "
           "than the simulation's limit of 1500000 Pods (simulate --max-pods)";
    const QByteArray twenty = "job:\n  kind: Job\n  metadata: {name: twenty}\n  spec:\n"
                              "    completions: 20\n    parallelism: 5\n" +
                              templ;
    QTest::newRow("20 completions, --max-pods 10")
        << twenty << QStringList{"--max-pods", "10"} << 2
        << "<stdin>: error: the Job needs at least 20 Pods (spec.completions), more than the "
           "simulation's limit of 10 Pods";
    QTest::newRow("20 completions, --max-pods 20")
        << twenty << QStringList{"--max-pods", "20"} << 0 << "";
    QTest::newRow("4 Jobs of 20 completions, --max-pods 60")
        << twenty + "replicas: {count: 4}\n"
        << QStringList{"--max-pods", "60"} << 2
        << "<stdin>: error: the 4 Jobs need at least 80 Pods together (their spec.completions, "
           "or spec.parallelism without), more than the simulation's limit of 60 Pods";
    const QByteArray failing = "job:\n  kind: Job\n  metadata: {name: failing}\n  spec:\n"
                               "    completions: 2\n    backoffLimit: 1000\n" +
                               templ + "failures:\n- {probability: 1}\n";
    QTest::newRow("every attempt fails, --max-pods 6")
        << failing << QStringList{"--max-pods", "6"} << 2
        << "<stdin>: error: the simulation created more than 6 Pods (the limit, simulate "
           "--max-pods) by ";
    QTest::newRow("--max-pods 0") << twenty << QStringList{"--max-pods", "0"} << 2
                                  << "jobscope: error: --max-pods: '0' is not a positive integer";
}

void TestSimulateCli::maxPods() {
    QFETCH(QByteArray, scenario);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    jobscope::test::JobscopeRunOptions run;
    run.input = scenario;
    const Run result = jobscope::test::runJobscope(QStringList{"simulate", "-"} + options, run);
    QCOMPARE(result.exitCode, exitCode);
    if (exitCode != 0) {
        QVERIFY2(QString::fromUtf8(result.err).startsWith(message), qPrintable(diagnose(result)));
        QVERIFY(result.out.isEmpty());
    }
}

void TestSimulateCli::badInput_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("stderrStartsWith"); // a line of stderr starts with this
    QTest::addColumn<QString>("stderrContains");   // ... and contains this

    const QString invalid = testData(QStringLiteral("manifests/invalid-spec.yaml"));
    QTest::newRow("invalid Job spec")
        << QStringList{"simulate", invalid, "--png", "x.png"}
        << invalid + QStringLiteral(":6:16: error: ") << "spec.parallelism";
    const QString missing = testData(QStringLiteral("no-such-scenario.yaml"));
    QTest::newRow("missing file") << QStringList{"simulate", missing} << missing + ": error: "
                                  << "";
    QTest::newRow("no file") << QStringList{"simulate"} << "jobscope: error: "
                             << "missing the scenario FILE argument";
    QTest::newRow("two files") << QStringList{"simulate", "a.yaml", "b.yaml"} << "jobscope: error: "
                               << "expected one scenario FILE, got 2";
    const QString good = example(QStringLiteral("non-parallel.yaml"));
    QTest::newRow("width not a number")
        << QStringList{"simulate", good, "--png", "x.png", "--width", "wide"} << "jobscope: error: "
        << "--width: 'wide'";
    QTest::newRow("height too small")
        << QStringList{"simulate", good, "--png", "x.png", "--height", "10"} << "jobscope: error: "
        << "--height: '10'";
    QTest::newRow("negative seed")
        << QStringList{"simulate", good, "--seed", "-1"} << "jobscope: error: "
        << "--seed: '-1'";
    QTest::newRow("zero until") << QStringList{"simulate", good, "--until", "0"}
                                << "jobscope: error: "
                                << "--until: '0'";
    QTest::newRow("unknown option")
        << QStringList{"simulate", good, "--colour"} << "jobscope: error: "
        << "Unknown option 'colour'";
}

void TestSimulateCli::badInput() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, stderrStartsWith);
    QFETCH(QString, stderrContains);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runJobscope(arguments, dir.path());
    QVERIFY2(run.exitCode == 2, qPrintable(diagnose(run)));
    bool found = false;
    for (const QString& line : QString::fromUtf8(run.err).split(QLatin1Char('\n')))
        found = found || (line.startsWith(stderrStartsWith) && line.contains(stderrContains));
    QVERIFY2(found, qPrintable(diagnose(run)));
    // Bad input writes nothing.
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TestSimulateCli::unwritableOutput_data() {
    QTest::addColumn<QString>("option");
    QTest::newRow("png into a missing directory") << "--png";
    QTest::newRow("pdf into a missing directory") << "--pdf";
    QTest::newRow("series CSV into a missing directory") << "--series-csv";
    QTest::newRow("events CSV into a missing directory") << "--events-csv";
}

void TestSimulateCli::unwritableOutput() {
    QFETCH(QString, option);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString bad = dir.filePath(QStringLiteral("missing/dir/out"));
    const QString good = dir.filePath(QStringLiteral("pods.csv"));
    const Run run = runJobscope({"simulate", example(QStringLiteral("non-parallel.yaml")), option,
                                 bad, "--pods-csv", good});
    QVERIFY2(run.exitCode == 1, qPrintable(diagnose(run)));
    QVERIFY2(QString::fromUtf8(run.err).contains(bad), qPrintable(diagnose(run)));
    QVERIFY(!QFileInfo::exists(bad));
    // The other outputs are still written.
    QVERIFY(QFileInfo(good).size() > 0);
}

// --gantt-png: every Pod on its own row, the image taller than --height when they need it.
void TestSimulateCli::ganttPngHasEveryPod() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pods.png"));
    const Run run =
        runJobscope({"simulate",
                     jobscope::test::sourceDir() +
                         QStringLiteral("/resources/examples/causes/controller-lag.yaml"),
                     "--gantt-png", path, "--width", "1200", "--height", "300"});
    QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
    const QSize size = ::pngSize(path);
    QCOMPARE(size.width(), 1200);
    // 40 Pods at no less than 8 px a row, taller than asked.
    QVERIFY2(size.height() > 300 && size.height() >= 40 * 8,
             qPrintable(QString::number(size.height())));
    // --summary-json, to standard output: the 40 Pods all succeed.
    const Run summary =
        runJobscope({"simulate",
                     jobscope::test::sourceDir() +
                         QStringLiteral("/resources/examples/causes/controller-lag.yaml"),
                     "--summary-json", "-"});
    QVERIFY2(summary.exitCode == 0, qPrintable(diagnose(summary)));
    const QJsonObject o = QJsonDocument::fromJson(summary.out).object();
    QCOMPARE(o.value("outcome").toString(), QStringLiteral("Complete"));
    QCOMPARE(o.value("podsCreated").toInt(), 40);
    QCOMPARE(o.value("peakActive").toInt(), 40);
    QVERIFY(o.value("meanActive").toDouble() > 0 && o.value("meanActive").toDouble() <= 40);
    QVERIFY(o.value("finishedAt").toDouble() > 0);
    const Run empty =
        runJobscope({"simulate",
                     jobscope::test::sourceDir() + QStringLiteral("/resources/examples/causes/"
                                                                  "controller-lag.yaml"),
                     "--gantt-png="});
    QCOMPARE(empty.exitCode, 2);
    QVERIFY(empty.err.contains("--gantt-png: the file name is empty"));
}

// --pdf: a complete PDF, the summary's figures in it as text (those --summary-json writes), every
// Pod's name, and nothing else left in the folder.
void TestSimulateCli::pdfReport() {
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    const QString summary = dir.filePath(QStringLiteral("summary.json"));
    const QString pods = dir.filePath(QStringLiteral("pods.csv"));
    const Run run = runJobscope({"simulate", example(QStringLiteral("causes/controller-lag.yaml")),
                                 "--pdf", pdf, "--summary-json", summary, "--pods-csv", pods});
    QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    QVERIFY(bytes.contains("/Font"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed; scripts/setup.sh test installs it");
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(process.waitForFinished(60000));
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    QFile json(summary);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
    for (const QString& expected :
         {QStringLiteral("Controller lag and slow start"), QStringLiteral("Complete"),
          QString::number(o.value("finishedAt").toDouble(), 'f', 1),
          QString::number(o.value("podSeconds").toDouble(), 'f', 1),
          QStringLiteral("%1 active Pods").arg(o.value("peakActive").toInt()),
          QString::number(o.value("meanActive").toDouble(), 'f', 2)})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n") + text));
    QFile csv(pods);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 41); // the header and 40 Pods
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString name = QString::fromUtf8(lines.at(i).split(',').first()).remove(u'"');
        QVERIFY2(text.contains(name), qPrintable(name));
    }
}

// --jobs-csv: one row per Job of a scenario with several; the other outputs are of all the
// Jobs together (aggregateRun), the same as without it.
void TestSimulateCli::jobsCsv() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("many.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("job: {apiVersion: batch/v1, kind: Job, metadata: {name: w}, spec: {completions: 2, "
            "template: {spec: {restartPolicy: Never, containers: [{name: main, image: "
            "busybox}]}}}}\nreplicas: {count: 3, startEvery: 10}\nrunTime: 4\n");
    f.close();
    const QString jobs = dir.filePath(QStringLiteral("jobs.csv"));
    const Run run = runJobscope({"simulate", file, "--jobs-csv", jobs, "--series-csv", "-"});
    QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
    QFile out(jobs);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = out.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0].trimmed(), QByteArray("name,created,finished,outcome,pods,pod_seconds"));
    for (int i = 0; i < 3; ++i) {
        const QList<QByteArray> row = lines[i + 1].trimmed().split(',');
        QCOMPARE(row.size(), 6);
        QCOMPARE(row[0], QByteArray("w-") + QByteArray::number(i));
        QCOMPARE(row[1], QByteArray::number(10 * i) + ".000");
        QVERIFY(row[2].toDouble() > row[1].toDouble());
        QCOMPARE(row[3], QByteArray("Complete"));
        QCOMPARE(row[4], QByteArray("2"));
    }
    const Run alone = runJobscope({"simulate", file, "--series-csv", "-"});
    QVERIFY2(alone.exitCode == 0, qPrintable(diagnose(alone)));
    QCOMPARE(run.out, alone.out);
    // The series is of all three Jobs: the last one's creation is a change.
    QVERIFY2(alone.out.contains("\n20.000,"), alone.out.constData());

    const Run summary = runJobscope({"simulate", file, "--summary-json", "-"});
    QVERIFY2(summary.exitCode == 0, qPrintable(diagnose(summary)));
    const QJsonObject o = QJsonDocument::fromJson(summary.out).object();
    QCOMPARE(o.value("jobs").toInt(), 3);
    QCOMPARE(o.value("podsCreated").toInt(), 6);
    QCOMPARE(o.value("outcome").toString(), QStringLiteral("Complete"));
    QCOMPARE(o.value("reason").toString(), QStringLiteral("CompletionsReached"));
    // Finished with the last Job, on the first Job's clock.
    const double lastFinished = lines[3].trimmed().split(',')[2].toDouble();
    QCOMPARE(o.value("finishedAt").toDouble(), lastFinished);
}

QTEST_GUILESS_MAIN(TestSimulateCli)
#include "tst_simulate_cli.moc"
