// SPDX-License-Identifier: GPL-3.0-or-later
// `jobscope sweep`: one CSV row per grid point with the figures of every seed, the same on one
// thread as on several, written atomically to -o; bad axes and points that cannot run are
// refused with exit status 2 and no output.

#include "support/run_jobscope.h"
#include "support/test_paths.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = jobscope::test::JobscopeRun;

Run runJobscope(const QStringList& arguments) {
    return jobscope::test::runJobscope(arguments, {{}, QStringLiteral("C"), {}});
}

QString diagnose(const Run& run) {
    return QStringLiteral("exit %1\nstderr:\n%2")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.err.left(3000)));
}

} // namespace

class TestSweepCli : public QObject {
    Q_OBJECT

private slots:
    void writesOneRowPerPoint() {
        const QStringList arguments{
            "sweep",  "example:causes/failure-backoff", "--vary",  "spec.parallelism=1,2",
            "--vary", "spec.backoffLimit=1..3",         "--seeds", "3"};
        const Run one = runJobscope(arguments + QStringList{"--jobs", "1"});
        QVERIFY2(one.exitCode == 0, qPrintable(diagnose(one)));
        const QList<QByteArray> lines = one.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 2 * 3);
        QVERIFY(lines.first().startsWith("spec.parallelism,spec.backoffLimit,seeds,finished,"
                                         "completion_time_p50,completion_time_p90,"));
        const QList<QByteArray> header = lines.first().trimmed().split(',');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> row = lines.at(i).trimmed().split(',');
            QCOMPARE(row.size(), header.size());
            QCOMPARE(row.value(header.indexOf("seeds")), QByteArray("3"));
        }
        // A backoff limit of 1 fails the Job; with 3 it completes.
        QCOMPARE(lines.at(1).trimmed().split(',').last(), QByteArray("Failed"));
        QCOMPARE(lines.at(3).trimmed().split(',').last(), QByteArray("Complete"));
        QVERIFY2(one.err.contains("18 simulations in"), one.err.constData());
        // The same rows on two threads.
        const Run two = runJobscope(arguments + QStringList{"--jobs", "2"});
        QVERIFY2(two.exitCode == 0, qPrintable(diagnose(two)));
        QCOMPARE(two.out, one.out);
    }

    void writesTheFile() {
        QTemporaryDir dir;
        const QString csv = dir.filePath("sweep.csv");
        const Run run = runJobscope({"sweep", "example:causes/quota-exceeded", "--vary",
                                     "cluster.quota.pods=2..6:2", "-o", csv});
        QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
        QVERIFY(run.out.isEmpty());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        // The quota caps the peak.
        const QList<QByteArray> header = lines.first().trimmed().split(',');
        const qsizetype peak = header.indexOf("peak_active_p50");
        QCOMPARE(lines.at(1).split(',').value(peak).toDouble(), 2.0);
        QCOMPARE(lines.at(3).split(',').value(peak).toDouble(), 6.0);
    }

    // --png draws both panels: a 1280x800 picture with the lines' colours on it.
    void drawsThePicture() {
        QTemporaryDir dir;
        const QString png = dir.filePath("sweep.png");
        const Run run = runJobscope({"sweep", "example:causes/failure-backoff", "--vary",
                                     "spec.parallelism=1..3", "--vary", "spec.backoffLimit=1,3",
                                     "--png", png, "-o", dir.filePath("sweep.csv")});
        QVERIFY2(run.exitCode == 0, qPrintable(diagnose(run)));
        QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 800));
        // The first line's blue and the second's orange (tab10).
        int blue = 0;
        int orange = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                blue +=
                    std::abs(c.red() - 31) + std::abs(c.green() - 119) + std::abs(c.blue() - 180) <
                    40;
                orange +=
                    std::abs(c.red() - 255) + std::abs(c.green() - 127) + std::abs(c.blue() - 14) <
                    40;
            }
        QVERIFY2(blue > 100 && orange > 100,
                 qPrintable(QStringLiteral("%1 %2").arg(blue).arg(orange)));
    }

    // A file that does not read is reported where it fails, before any value is set in it: by
    // sweep and by simulate --set alike.
    void unreadableFileIsReportedWhereItFails_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message"); // after "FILE"
        QTest::newRow("empty") << QByteArray() << ": error: empty scenario file";
        QTest::newRow("an unclosed bracket")
            << QByteArray("job:\n  spec: {parallelism: 2\n")
            << ":2:9: error: YAML syntax error: this '{' is never closed";
    }
    void unreadableFileIsReportedWhereItFails() {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString file = dir.filePath("s.yaml");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
        out.close();
        for (const QStringList& arguments :
             {QStringList{"sweep", file, "--vary", "spec.parallelism=1,2"},
              QStringList{"simulate", file, "--set", "spec.parallelism=3"}}) {
            const Run run = runJobscope(arguments);
            QVERIFY2(run.exitCode == 2, qPrintable(diagnose(run)));
            QVERIFY2(QString::fromUtf8(run.err).startsWith(file + message),
                     qPrintable(diagnose(run)));
        }
    }

    void refused_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString file = QStringLiteral("example:causes/quota-exceeded");
        QTest::newRow("nothing varied") << QStringList{"sweep", file} << "nothing to vary";
        QTest::newRow("a backwards range")
            << QStringList{"sweep", file, "--vary", "spec.parallelism=5..1"}
            << "--vary: 'spec.parallelism=5..1' is not a range";
        QTest::newRow("a point the file could not hold")
            << QStringList{"sweep", file, "--vary", "spec.parallelism=-1..1"}
            << "the point spec.parallelism=-1 cannot run";
        QTest::newRow("bad seeds")
            << QStringList{"sweep", file, "--vary", "seed=1,2", "--seeds", "0"}
            << "--seeds: '0' is not a whole number";
    }
    void refused() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString csv = dir.filePath("out.csv");
        const Run run = runJobscope(arguments + QStringList{"-o", csv});
        QVERIFY2(run.exitCode == 2, qPrintable(diagnose(run)));
        QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(diagnose(run)));
        QVERIFY(!QFile::exists(csv));
    }
};

QTEST_GUILESS_MAIN(TestSweepCli)
#include "tst_sweep_cli.moc"
