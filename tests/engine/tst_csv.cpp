// SPDX-License-Identifier: GPL-3.0-or-later
// CSV reports (report/csv.h): RFC 4180 quoting and escaping, header rows, millisecond times,
// cause ids joined with ';' in a quoted field, and the atomic file write (a failed write leaves
// no file behind).

#include "report/csv.h"

#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <QFileInfo>

#include <algorithm>
#include <csignal>
#include <stdexcept>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace jobscope;

namespace {

QStringList lines(const std::string& csv) {
    QString text = QString::fromStdString(csv);
    QStringList out = text.split("\r\n");
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

QString readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace

class TestCsv : public QObject {
    Q_OBJECT

private slots:
    void field_data();
    void field();
    void seconds_data();
    void seconds();
    void seriesHeaderAndRows();
    void causesQuoted();
    void statusOneRowPerWrite();
    void podsEmptyFields();
    void eventsEscaped();
    void everyLineEndsWithCrlf();
    void writeAtomically();
    void writeReplacesExisting();
    void writeIntoReadOnlyDirFails();
    void writeIntoMissingDirFails();
    void renameFailureLeavesNoTemporary();
    void shortWriteLeavesNoTemporary();
    void streamedInChunksAsWhole();
    void refusedPieceKeepsTheOldFile();
};

void TestCsv::field_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("alwaysQuote");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "abc" << false << "abc";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("empty quoted") << "" << true << "\"\"";
    QTest::newRow("comma") << "a,b" << false << "\"a,b\"";
    QTest::newRow("quote doubled") << "say \"hi\"" << false << "\"say \"\"hi\"\"\"";
    QTest::newRow("line feed") << "a\nb" << false << "\"a\nb\"";
    QTest::newRow("carriage return") << "a\rb" << false << "\"a\rb\"";
    QTest::newRow("semicolon needs no quotes") << "a;b" << false << "a;b";
    QTest::newRow("always quote") << "pending" << true << "\"pending\"";
    QTest::newRow("utf-8 kept") << QString::fromUtf8("等待") << false << QString::fromUtf8("等待");
}

void TestCsv::field() {
    QFETCH(QString, text);
    QFETCH(bool, alwaysQuote);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(csvField(text.toStdString(), alwaysQuote)), expected);
}

void TestCsv::seconds_data() {
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("origin");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0.0 << 0.0 << "0.000";
    QTest::newRow("milliseconds") << 12.3456 << 0.0 << "12.346";
    QTest::newRow("rounds half away from zero") << 2.0625 << 0.0 << "2.063";
    QTest::newRow("origin") << 1700000012.25 << 1700000000.0 << "12.250";
    QTest::newRow("no negative zero") << -0.0001 << 0.0 << "0.000";
    QTest::newRow("negative") << 4.0 << 5.5 << "-1.500";
    QTest::newRow("large") << 100000.0 << 0.0 << "100000.000";
    QTest::newRow("epoch seconds") << 1700000012.25 << 0.0 << "1700000012.250";
    QTest::newRow("binary fraction") << 0.1 + 0.2 << 0.0 << "0.300";
}

void TestCsv::seconds() {
    QFETCH(double, t);
    QFETCH(double, origin);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(csvSeconds(t, origin)), expected);
}

void TestCsv::seriesHeaderAndRows() {
    SeriesRow a;
    a.time = 100.5;
    a.requested = 5;
    a.wantActive = 5;
    a.active = 2;
    a.ready = 1;
    a.running = 2;
    a.pending = 0;
    a.terminating = 1;
    a.succeeded = 3;
    a.failed = 1;
    a.remaining = 4;
    a.causes = {"quota-exceeded", "terminating"};
    SeriesRow b = a;
    b.time = 101.0;
    b.remaining = -1; // no completions: an empty field
    b.causes = {"none"};
    const QStringList l = lines(seriesCsv({a, b}, 100.0));
    QCOMPARE(l.size(), 3);
    QCOMPARE(l[0], QString("time,requested,want_active,active,ready,running,pending,terminating,"
                           "succeeded,failed,remaining,causes"));
    QCOMPARE(l[1], QString("0.500,5,5,2,1,2,0,1,3,1,4,\"quota-exceeded;terminating\""));
    QCOMPARE(l[2], QString("1.000,5,5,2,1,2,0,1,3,1,,\"none\""));
}

void TestCsv::causesQuoted() {
    CauseInterval c;
    c.start = 0.01;
    c.end = 5;
    c.cause = "quota-exceeded";
    c.kind = CauseKind::QuotaExceeded;
    c.primary = true;
    c.params = {{"quota", 2, {}}, {"refused", 3, {}}};
    CauseInterval f;
    f.start = 11.05;
    f.end = 15;
    f.cause = "finished";
    f.kind = CauseKind::Finished;
    f.continues = true;
    f.params = {
        {"condition", 0, "Failed"}, {"reason", 0, "said \"no\", twice"}, {"ratio", 0.5, {}}};
    const QStringList l = lines(causesCsv({c, f}));
    QCOMPARE(l.size(), 3);
    QCOMPARE(l[0], QString("start,end,cause,primary,continues,explanation,params"));
    QCOMPARE(l[1], QString("0.010,5.000,quota-exceeded,true,false,quota allows 2 Pods; 3 "
                           "creations refused,\"quota=2;refused=3\""));
    QCOMPARE(l[2],
             QString("11.050,15.000,finished,false,true,\"the Job is Failed (said \"\"no\"\", "
                     "twice)\",\"condition=Failed;reason=said \"\"no\"\", twice;ratio=0.500\""));
}

void TestCsv::statusOneRowPerWrite() {
    JobObservation created;
    created.time = 100;
    JobObservation started = created;
    started.time = 100.04;
    started.status.active = 2;
    started.status.ready = 0;
    started.status.terminating = 0;
    started.status.startTime = 100;
    UncountedTerminatedPods uncounted;
    uncounted.succeeded = {"uid-1"};
    started.status.uncountedTerminatedPods = uncounted;
    JobObservation specOnly = started; // a spec change: the same status, no row
    specOnly.time = 101;
    specOnly.spec.parallelism = 3;
    JobObservation done = started;
    done.time = 110.5;
    done.status.active = 0;
    done.status.succeeded = 2;
    done.status.completedIndexes = "0,1";
    done.status.failedIndexes = "";
    done.status.completionTime = 110;
    done.status.uncountedTerminatedPods = UncountedTerminatedPods{};
    done.status.conditions = {{"SuccessCriteriaMet", "True", "CompletionsReached", "", {}, 110},
                              {"Complete", "True", "CompletionsReached", "", {}, 110}};
    JobObservation deleted = done;
    deleted.time = 120;
    deleted.deleted = true;
    const QStringList l = lines(statusCsv({created, started, specOnly, done, deleted}, 100));
    QCOMPARE(l.size(), 4);
    QCOMPARE(l[0], QString("time,active,ready,terminating,succeeded,failed,uncounted_succeeded,"
                           "uncounted_failed,completed_indexes,failed_indexes,start_time,"
                           "completion_time,conditions"));
    QCOMPARE(l[1], QString("0.000,0,,,0,0,,,\"\",,,,\"\""));
    QCOMPARE(l[2], QString("0.040,2,0,0,0,0,1,0,\"\",,0.000,,\"\""));
    QCOMPARE(l[3], QString("10.500,0,0,0,2,0,0,0,\"0,1\",\"\",0.000,10.000,"
                           "\"SuccessCriteriaMet=True(CompletionsReached)@10.000;"
                           "Complete=True(CompletionsReached)@10.000\""));
}

void TestCsv::podsEmptyFields() {
    PodLifecycle p;
    p.name = "job-0-abcde";
    p.index = 0;
    p.attempt = 1;
    p.node = "node-1";
    p.created = 1;
    p.scheduled = 1.2;
    p.started = 2.2;
    p.finished = 12.2;
    p.containerFinished = 12.0; // cut to the second by the API server
    p.phase = "Failed";
    p.exitCode = 137;
    p.disruptionTarget = true;
    PodLifecycle q;
    q.name = "job-x";
    q.created = 3;
    q.phase = "Pending";
    const QStringList l = lines(podsCsv({p, q}));
    QCOMPARE(l.size(), 3);
    QCOMPARE(l[0],
             QString("name,index,attempt,node,created,scheduled,started,ready,terminating,"
                     "finished,deleted,phase,exit_code,disruption_target,container_finished"));
    QCOMPARE(l[1],
             QString("job-0-abcde,0,1,node-1,1.000,1.200,2.200,,,12.200,,Failed,137,true,12.000"));
    QCOMPARE(l[2], QString("job-x,,0,,3.000,,,,,,,Pending,,false,"));
}

void TestCsv::eventsEscaped() {
    TimelineEvent e;
    e.time = 0.25;
    e.objectKind = "Job";
    e.objectName = "demo";
    e.type = "Warning";
    e.reason = "FailedCreate";
    e.message = "Error creating: pods \"demo-x\" is forbidden: exceeded quota: pods-2, "
                "requested: pods=1";
    const std::string csv = eventsCsv({e});
    const QStringList l = lines(csv);
    QCOMPARE(l.size(), 2);
    QCOMPARE(l[0], QString("time,object_kind,object_name,type,reason,message,count"));
    QCOMPARE(l[1], QString("0.250,Job,demo,Warning,FailedCreate,\"Error creating: pods "
                           "\"\"demo-x\"\" is forbidden: exceeded quota: pods-2, requested: "
                           "pods=1\",1"));
    // An aggregated Event's rise in count is one row with that count.
    e.count = 2147483647;
    QVERIFY(lines(eventsCsv({e}))[1].endsWith(",2147483647"));
    e.count = 1;
    // A line feed inside a message stays inside its quoted field.
    e.message = "two\r\nlines";
    const std::string two = eventsCsv({e});
    QVERIFY(two.find("\"two\r\nlines\",1\r\n") != std::string::npos);
}

void TestCsv::everyLineEndsWithCrlf() {
    SeriesRow r;
    r.causes = {"none"};
    const std::string csv = seriesCsv({r, r, r});
    QVERIFY(csv.size() > 2);
    QCOMPARE(csv.substr(csv.size() - 2), std::string("\r\n"));
    for (size_t i = 0; i < csv.size(); ++i)
        if (csv[i] == '\n')
            QVERIFY(i > 0 && csv[i - 1] == '\r');
    QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 4L);
}

void TestCsv::writeAtomically() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("series.csv");
    const std::string content = seriesCsv({SeriesRow{}});
    const auto error = writeFileAtomically(path.toStdString(), content);
    QVERIFY2(!error, error ? error->c_str() : "");
    QCOMPARE(readAll(path).toStdString(), content);
    // Only the target is left in the directory: the temporary file was renamed.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"series.csv"});
}

void TestCsv::writeReplacesExisting() {
    QTemporaryDir dir;
    const QString path = dir.filePath("out.csv");
    QVERIFY(!writeFileAtomically(path.toStdString(), "old contents, longer than the new\r\n"));
    QVERIFY(!writeFileAtomically(path.toStdString(), "new\r\n"));
    QCOMPARE(readAll(path), QString("new\r\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"out.csv"});
}

void TestCsv::writeIntoReadOnlyDirFails() {
    QTemporaryDir dir;
    const QString sub = dir.filePath("ro");
    QVERIFY(QDir().mkdir(sub));
    const QString path = sub + "/series.csv";
    QVERIFY(QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    // Root ignores directory permissions; there is nothing to check then.
    QFile probe(sub + "/probe");
    if (probe.open(QIODevice::WriteOnly)) {
        probe.close();
        probe.remove();
        QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner);
        QSKIP("running with permissions that ignore a read-only directory");
    }
    const auto error = writeFileAtomically(path.toStdString(), "a,b\r\n");
    QFile::setPermissions(sub,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(error.has_value());
    QVERIFY2(error->find(path.toStdString()) != std::string::npos, error->c_str());
    QVERIFY2(error->find("Permission denied") != std::string::npos, error->c_str());
    QVERIFY(QDir(sub).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}

void TestCsv::writeIntoMissingDirFails() {
    QTemporaryDir dir;
    const QString path = dir.filePath("missing/series.csv");
    const auto error = writeFileAtomically(path.toStdString(), "a\r\n");
    QVERIFY(error.has_value());
    QVERIFY2(error->find("No such file or directory") != std::string::npos, error->c_str());
    QVERIFY(!QFile::exists(path));
}

// The target is a non-empty directory: the temporary file is written, the rename fails, and
// the temporary file must be gone afterwards (this runs under any user, root included).
void TestCsv::renameFailureLeavesNoTemporary() {
    QTemporaryDir dir;
    const QString target = dir.filePath("series.csv");
    QVERIFY(QDir().mkdir(target));
    QFile keep(target + "/keep");
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.close();
    const auto error = writeFileAtomically(target.toStdString(), "a,b\r\n");
    QVERIFY(error.has_value());
    QVERIFY2(error->find(target.toStdString()) != std::string::npos, error->c_str());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"series.csv"});
    QVERIFY(QFileInfo(target).isDir());
}

// A write that runs out of space (here: the file size limit) fails with the reason and
// leaves neither the target nor the temporary file.
void TestCsv::shortWriteLeavesNoTemporary() {
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    const QString target = dir.filePath("big.csv");
    struct rlimit old {};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = 4096;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    const auto error = writeFileAtomically(target.toStdString(), std::string(1 << 20, 'x'));
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    QVERIFY(error.has_value());
    QVERIFY2(error->find("File too large") != std::string::npos, error->c_str());
    QVERIFY(QDir(dir.path())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                .isEmpty());
#else
    QSKIP("needs RLIMIT_FSIZE");
#endif
}

// A report drained piece by piece is the text made whole, in pieces of about a chunk each.
void TestCsv::streamedInChunksAsWhole() {
    std::vector<PodLifecycle> pods(60000);
    for (std::size_t i = 0; i < pods.size(); ++i) {
        pods[i].name = "pod-" + std::to_string(i) + ",\"quoted\"";
        pods[i].index = static_cast<int>(i);
        pods[i].created = static_cast<double>(i) / 7;
    }
    const std::string whole = podsCsv(pods, 1.5);
    QVERIFY(whole.size() > 3 * ReportText::kChunk);
    std::vector<std::size_t> pieces;
    std::string streamed;
    ReportText text([&](std::string_view piece) {
        pieces.push_back(piece.size());
        streamed += piece;
        return true;
    });
    podsCsv(pods, 1.5, text);
    QVERIFY(text.finish());
    QCOMPARE(streamed, whole);
    QVERIFY(pieces.size() >= 3);
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) // every piece but the last: one chunk
        QVERIFY(pieces[i] >= ReportText::kChunk && pieces[i] < ReportText::kChunk + 1024);
}

// A drain that refuses a piece (a full disk) fails the write; the file before it stays, and
// no temporary file is left.
void TestCsv::refusedPieceKeepsTheOldFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath("out.csv");
    QVERIFY(!writeFileAtomically(path.toStdString(), "old\r\n"));
    int piecesMade = 0;
    const auto error = writeFileAtomically(path.toStdString(), [&piecesMade](
                                                                   const ReportText::Drain& drain) {
        ReportText text([&](std::string_view piece) { return ++piecesMade < 2 && drain(piece); });
        for (int i = 0; i < 3; ++i) {
            text.buffer().append(ReportText::kChunk, 'x');
            text.rowDone();
        }
        return text.finish();
    });
    QVERIFY(error);
    QCOMPARE(piecesMade, 2); // the refusal stopped the drain
    QCOMPARE(readAll(path), QString("old\r\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"out.csv"});

    // A producer that fails half-way (out of memory) leaves the same.
    bool thrown = false;
    try {
        writeFileAtomically(path.toStdString(), [](const ReportText::Drain& drain) -> bool {
            drain("half");
            throw std::runtime_error("made half");
        });
    } catch (const std::runtime_error&) {
        thrown = true;
    }
    QVERIFY(thrown);
    QCOMPARE(readAll(path), QString("old\r\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"out.csv"});
}

QTEST_APPLESS_MAIN(TestCsv)
#include "tst_csv.moc"
