// SPDX-License-Identifier: GPL-3.0-or-later
// `jobscope lesson` end to end: the built executable, run with no display, writes one PNG per
// step at the asked size in either language, prints the outline without --png-dir, and answers
// bad input with exit status 2 and a positioned message.

#include "support/run_jobscope.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

using Run = jobscope::test::JobscopeRun;

// The slides an outline lists: a line per step ("   2.1     3.0 s  …"), and one per scene of
// points (its points follow its title as "   • …" lines).
int slidesInOutline(const QString& outline) {
    return static_cast<int>(
        outline.count(QStringLiteral(" s  ")) +
        outline.count(QRegularExpression(QStringLiteral("\\n\\d+\\. [^\\n]*\\n   • "))));
}

Run runCli(const QStringList& arguments) {
    return jobscope::test::runJobscope(arguments);
}

QString diagnose(const Run& run) {
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out.left(2000)), QString::fromUtf8(run.err.left(2000)));
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

QString builtInLesson() {
    return jobscope::test::sourceDir() + QStringLiteral("/resources/lessons/job-parallelism.yaml");
}

} // namespace

class TestLessonCli : public QObject {
    Q_OBJECT

private slots:
    void writesTheDeck_data();
    void writesTheDeck();
    void outlineWithoutPngDir();
    void badInput_data();
    void badInput();
    void unwritableDirectory();
    void handout();
    void handoutThatCannotBeWritten();
};

void TestLessonCli::writesTheDeck_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("captionWord"); // a word of the first caption in the outline
    QTest::newRow("English, built in") << QStringList{} << QStringLiteral("completions");
    QTest::newRow("Chinese, file")
        << QStringList{builtInLesson(), QStringLiteral("--lang"), QStringLiteral("zh_CN")}
        << QStringLiteral("完成数");
}

void TestLessonCli::writesTheDeck() {
    QFETCH(QStringList, options);
    QFETCH(QString, captionWord);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("slides"));
    const Run run = runCli(QStringList{QStringLiteral("lesson"), QStringLiteral("--png-dir"), out,
                                       QStringLiteral("--size"), QStringLiteral("320x180")} +
                           options);
    QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
    const QStringList files = QDir(out).entryList({QStringLiteral("*.png")}, QDir::Files);
    QVERIFY(files.size() >= 20);
    // One line per slide written, whatever the language of the message around the path.
    QCOMPARE(QString::fromUtf8(run.out).count(QStringLiteral(".png\n")), files.size());
    QVERIFY(files.first().startsWith(QLatin1String("01-01-")));
    for (const QString& file : files) {
        QCOMPARE(pngSize(QDir(out).filePath(file)), QSize(320, 180));
        // A drawn slide, not an empty image: text, plot lines and bands compress to more.
        QVERIFY(QFileInfo(QDir(out).filePath(file)).size() > 8000);
    }

    // The outline of the same lesson has one line per slide, in the language asked for.
    const Run outline = runCli(QStringList{QStringLiteral("lesson")} + options);
    QVERIFY2(outline.exitCode == 0, qPrintable(diagnose(outline)));
    const QString text = QString::fromUtf8(outline.out);
    QVERIFY2(text.contains(captionWord), qPrintable(text.left(500)));
    QCOMPARE(slidesInOutline(text), static_cast<int>(files.size()));
}

void TestLessonCli::outlineWithoutPngDir() {
    const Run run = runCli({QStringLiteral("lesson")});
    QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
    const QString text = QString::fromUtf8(run.out);
    QVERIFY(text.startsWith(QLatin1String("Kubernetes Jobs and their parallelism\n")));
    QVERIFY(text.contains(QStringLiteral("\n1. What this lesson covers\n   • ")));
    QVERIFY(text.contains(QLatin1String("\n2. A Job is a task that ends\n")));
    QVERIFY(text.contains(QLatin1String("Recap")));
    QVERIFY(!text.contains(QLatin1Char('{'))); // every placeholder filled
}

void TestLessonCli::badInput_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("lessonText"); // written to bad.yaml in the work directory
    QTest::addColumn<QString>("message");

    QTest::newRow("size not WxH") << QStringList{"--size", "big"} << QByteArray()
                                  << "--size: 'big' is not WIDTHxHEIGHT";
    QTest::newRow("size too small")
        << QStringList{"--size", "10x10"} << QByteArray() << "--size: '10x10'";
    QTest::newRow("two files") << QStringList{"a.yaml", "b.yaml"} << QByteArray()
                               << "expected at most one lesson FILE";
    QTest::newRow("unknown option") << QStringList{"--png"} << QByteArray() << "Unknown option";
    QTest::newRow("missing file") << QStringList{"no-such-lesson.yaml"} << QByteArray()
                                  << "no-such-lesson.yaml: error: cannot read the lesson";
    QTest::newRow("unknown placeholder")
        << QStringList{"@bad"}
        << QByteArray("title: T\nscenes:\n- title: S\n  scenario:\n    job:\n      apiVersion: "
                      "batch/v1\n      kind: Job\n      metadata: {name: x}\n      spec:\n"
                      "        template:\n          spec:\n            restartPolicy: Never\n"
                      "            containers: [{name: c, image: i}]\n  steps:\n  - at: 1\n"
                      "    caption: \"{actve}\"\n")
        << "bad.yaml:16:14: error: scenes[0].steps[0].caption: unknown placeholder {actve}";
    QTest::newRow("anchor that never happens")
        << QStringList{"@bad"}
        << QByteArray("title: T\nscenes:\n- title: S\n  scenario:\n    job:\n      apiVersion: "
                      "batch/v1\n      kind: Job\n      metadata: {name: x}\n      spec:\n"
                      "        template:\n          spec:\n            restartPolicy: Never\n"
                      "            containers: [{name: c, image: i}]\n  steps:\n"
                      "  - at: {cause-start: suspended}\n    caption: x\n")
        << "bad.yaml:15:9: error: at: the cause suspended does not occur";
    QTest::newRow("no scenes, zh_CN")
        << QStringList{"@bad", "--lang", "zh_CN"} << QByteArray("title: T\n")
        << "bad.yaml:1:1: error: scenes: 缺少必需的值: 场景列表";
    QTest::newRow("anchor that never happens, zh_CN")
        << QStringList{"@bad", "--lang", "zh_CN"}
        << QByteArray("title: T\nscenes:\n- title: S\n  scenario:\n    job:\n      apiVersion: "
                      "batch/v1\n      kind: Job\n      metadata: {name: x}\n      spec:\n"
                      "        template:\n          spec:\n            restartPolicy: Never\n"
                      "            containers: [{name: c, image: i}]\n  steps:\n"
                      "  - at: {cause-start: suspended}\n    caption: x\n")
        << "bad.yaml:15:9: error: at: 在此场景的模拟中，原因 suspended 没有出现";
}

void TestLessonCli::badInput() {
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, lessonText);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString lesson = dir.filePath(QStringLiteral("bad.yaml"));
    if (!lessonText.isEmpty()) {
        QFile file(lesson);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(lessonText);
    }
    arguments.replaceInStrings(QStringLiteral("@bad"), lesson);
    const Run run = runCli(QStringList{QStringLiteral("lesson"), QStringLiteral("--png-dir"),
                                       dir.filePath(QStringLiteral("out"))} +
                           arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(diagnose(run)));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(diagnose(run)));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out"))));
}

void TestLessonCli::unwritableDirectory() {
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("file"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const Run run = runCli({QStringLiteral("lesson"), QStringLiteral("--png-dir"),
                            blocker + QStringLiteral("/slides"), QStringLiteral("--size"),
                            QStringLiteral("320x180")});
    QVERIFY2(run.exitCode == 1, qPrintable(diagnose(run)));
    QVERIFY2(run.err.contains("cannot create the directory"), qPrintable(diagnose(run)));
}

// --pdf: the handout, a page of contents (text) and one page per step, in the language asked.
void TestLessonCli::handout() {
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("handout.pdf"));
    const Run run = runCli({QStringLiteral("lesson"), QStringLiteral("--pdf"), pdf,
                            QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
    const Run outline = runCli({QStringLiteral("lesson")});
    const int steps = slidesInOutline(QString::fromUtf8(outline.out));
    QVERIFY(steps > 40);
    QVERIFY2(run.out.contains(QByteArray::number(steps + 1) + " 页"), run.out.constData());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("pdftotext and pdfinfo (poppler-utils) are not installed; scripts/setup.sh test "
              "installs them");
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {pdf});
    QVERIFY(info.waitForFinished(30000));
    const QRegularExpressionMatch pagesLine =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
            .match(QString::fromUtf8(info.readAllStandardOutput()));
    QVERIFY(pagesLine.hasMatch());
    QCOMPARE(pagesLine.captured(1).toInt(), steps + 1);
    QProcess text;
    text.start(QStringLiteral("pdftotext"),
               {QStringLiteral("-l"), QStringLiteral("2"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString pages = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(pages.contains(QStringLiteral("Kubernetes Job 及其并行度")), qPrintable(pages));
    QVERIFY2(pages.contains(QStringLiteral("2. Job 是会结束的任务")), qPrintable(pages));
    QVERIFY2(pages.contains(QStringLiteral("2 / %1").arg(steps + 1)), qPrintable(pages));
}

// A handout that cannot be written says so, and leaves no file behind.
void TestLessonCli::handoutThatCannotBeWritten() {
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("missing/handout.pdf"));
    const Run run = runCli({QStringLiteral("lesson"), QStringLiteral("--pdf"), pdf});
    QVERIFY2(run.exitCode == 1, qPrintable(diagnose(run)));
    QVERIFY2(run.err.contains("cannot write"), qPrintable(diagnose(run)));
    QVERIFY(!QFile::exists(pdf));
}

QTEST_GUILESS_MAIN(TestLessonCli)
#include "tst_lesson_cli.moc"
