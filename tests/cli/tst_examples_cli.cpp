// SPDX-License-Identifier: GPL-3.0-or-later
// `jobscope examples`: the built-in examples, one a line — the NAME `jobscope simulate
// example:NAME` takes, then the title in the language of the messages. Every scenario and
// manifest of File › Open Example is listed, and nothing else.

#include "support/run_jobscope.h"
#include "support/test_paths.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTest>

namespace {

using Run = jobscope::test::JobscopeRun;

QString diagnose(const Run& run) {
    return QStringLiteral("exit %1\nstderr:\n%2")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.err.left(3000)));
}

} // namespace

class TestExamplesCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(jobscope::test::jobscopeExecutable()),
                 qPrintable(jobscope::test::jobscopeExecutable()));
    }

    // The names are the example files of the menu's groups, without ".yaml".
    void listsEveryExample() {
        const Run run = jobscope::test::runJobscope({"examples"});
        QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
        QVERIFY(run.err.isEmpty());
        QStringList listed;
        for (const QByteArray& line : run.out.split('\n'))
            if (!line.isEmpty())
                listed << QString::fromUtf8(line).section(QLatin1Char(' '), 0, 0);

        const QDir examples(jobscope::test::sourceDir() + QStringLiteral("/resources/examples"));
        QStringList expected;
        for (const QString& group : {QStringLiteral("patterns"), QStringLiteral("tradeoffs"),
                                     QStringLiteral("causes"), QStringLiteral("real")})
            for (const QString& file :
                 QDir(examples.filePath(group)).entryList({QStringLiteral("*.yaml")}, QDir::Files))
                expected << group + QLatin1Char('/') + QFileInfo(file).completeBaseName();
        QStringList sorted = listed;
        sorted.sort();
        expected.sort();
        QCOMPARE(sorted, expected);

        QVERIFY2(run.out.contains(QByteArray("causes/quota-exceeded  ")), run.out.constData());
        const QByteArray quotaLine =
            run.out.mid(run.out.indexOf("causes/quota-exceeded"),
                        run.out.indexOf('\n', run.out.indexOf("causes/quota-exceeded")) -
                            run.out.indexOf("causes/quota-exceeded"));
        QVERIFY2(quotaLine.simplified().size() > QByteArray("causes/quota-exceeded").size() + 5,
                 quotaLine.constData());
    }

    // Titles in Chinese with --lang zh_CN.
    void chineseTitles() {
        const Run english = jobscope::test::runJobscope({"examples"});
        const Run chinese = jobscope::test::runJobscope({"examples", "--lang", "zh_CN"});
        QVERIFY2(chinese.exitCode == 0, qPrintable(diagnose(chinese)));
        QCOMPARE(chinese.out.count('\n'), english.out.count('\n'));
        QVERIFY(chinese.out != english.out);
        QVERIFY(QString::fromUtf8(chinese.out).contains(QStringLiteral("模拟")) ||
                QString::fromUtf8(chinese.out).contains(QStringLiteral("配额")));
    }

    void help() {
        const Run run = jobscope::test::runJobscope({"examples", "--help"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("Usage: jobscope examples"));
        QVERIFY(run.out.contains("example:NAME"));
    }

    void badUsage() {
        const Run extra = jobscope::test::runJobscope({"examples", "causes"});
        QCOMPARE(extra.exitCode, 2);
        QVERIFY2(extra.err.startsWith("jobscope: error: "), qPrintable(diagnose(extra)));
        const Run option = jobscope::test::runJobscope({"examples", "--all"});
        QCOMPARE(option.exitCode, 2);
        QVERIFY2(option.err.contains("all"), qPrintable(diagnose(option)));
    }
};

QTEST_GUILESS_MAIN(TestExamplesCli)
#include "tst_examples_cli.moc"
