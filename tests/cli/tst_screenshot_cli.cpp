// SPDX-License-Identifier: GPL-3.0-or-later
// `jobscope [FILE] --screenshot F.png`: the built executable, run with no display, draws the
// main window offscreen at the asked size, theme, language and time and exits; bad options and
// files are usage errors (exit 2) with a message.

#include "support/run_jobscope.h"
#include "support/test_paths.h"

#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = jobscope::test::JobscopeRun;

QString diagnose(const Run& run) {
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out.left(2000)), QString::fromUtf8(run.err.left(2000)));
}

double meanLuma(const QImage& image) {
    double sum = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4) {
            const QRgb px = image.pixel(x, y);
            sum += 0.299 * qRed(px) + 0.587 * qGreen(px) + 0.114 * qBlue(px);
        }
    return sum / ((image.height() + 3) / 4) / ((image.width() + 3) / 4);
}

int colourCount(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

QString example() {
    return jobscope::test::sourceDir() + QStringLiteral("/resources/examples/real/c1.yaml");
}

} // namespace

class TestScreenshotCli : public QObject {
    Q_OBJECT

private slots:
    void drawsTheWindow() {
        QTemporaryDir dir;
        const QString light = dir.filePath(QStringLiteral("light.png"));
        const Run a = jobscope::test::runJobscope(
            {example(), QStringLiteral("--screenshot"), light, QStringLiteral("--size"),
             QStringLiteral("1920x1080"), QStringLiteral("--theme"), QStringLiteral("light")});
        QVERIFY2(a.exitCode == 0, qPrintable(diagnose(a)));
        const QImage lightImage(light);
        QCOMPARE(lightImage.size(), QSize(1920, 1080));
        QVERIFY(colourCount(lightImage) > 200); // text, plot lines and Gantt bars

        // Options before the file, the dark theme, Chinese, a time.
        const QString dark = dir.filePath(QStringLiteral("dark.png"));
        const Run b = jobscope::test::runJobscope(
            {QStringLiteral("--theme=dark"), QStringLiteral("--screenshot"), dark, example(),
             QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--at"),
             QStringLiteral("25"), QStringLiteral("--size=1920x1080")});
        QVERIFY2(b.exitCode == 0, qPrintable(diagnose(b)));
        const QImage darkImage(dark);
        QCOMPARE(darkImage.size(), QSize(1920, 1080));
        QVERIFY2(
            meanLuma(darkImage) + 60 < meanLuma(lightImage),
            qPrintable(
                QStringLiteral("%1 vs %2").arg(meanLuma(darkImage)).arg(meanLuma(lightImage))));
        QVERIFY(b.err.isEmpty()); // no platform chatter
    }

    // A span shown, a range selected and a search open: the same window, drawn otherwise.
    void showsASpanASelectionAndASearch() {
        QTemporaryDir dir;
        const QString plain = dir.filePath(QStringLiteral("plain.png"));
        const QString set = dir.filePath(QStringLiteral("set.png"));
        const QStringList common = {example(), QStringLiteral("--size"), QStringLiteral("1280x720"),
                                    QStringLiteral("--at"), QStringLiteral("20")};
        const Run a = jobscope::test::runJobscope(
            common + QStringList{QStringLiteral("--screenshot"), plain});
        QVERIFY2(a.exitCode == 0, qPrintable(diagnose(a)));
        const Run b = jobscope::test::runJobscope(
            QStringList{QStringLiteral("--zoom"), QStringLiteral("5..40")} + common +
            QStringList{QStringLiteral("--select=10..20"), QStringLiteral("--find"),
                        QStringLiteral("spec"), QStringLiteral("--screenshot"), set});
        QVERIFY2(b.exitCode == 0, qPrintable(diagnose(b)));
        const QImage before(plain), after(set);
        QCOMPARE(after.size(), before.size());
        // The find bar pushes the editor down; the plot is drawn over another span.
        int differing = 0;
        for (int y = 0; y < after.height(); y += 4)
            for (int x = 0; x < after.width(); x += 4)
                differing += after.pixel(x, y) != before.pixel(x, y);
        QVERIFY2(differing > after.width() * after.height() / 16 / 10,
                 qPrintable(QString::number(differing)));
    }

    // `--whatif --at T` on a recording: its what-if, drawn otherwise than the recording.
    void showsAWhatif() {
        QTemporaryDir dir;
        const QString recorded = dir.filePath(QStringLiteral("recorded.png"));
        const QString whatif = dir.filePath(QStringLiteral("whatif.png"));
        const QStringList common = {jobscope::test::recordingsDir() + QStringLiteral("/a"),
                                    QStringLiteral("--size"), QStringLiteral("1280x720"),
                                    QStringLiteral("--at"), QStringLiteral("10")};
        const Run a = jobscope::test::runJobscope(
            common + QStringList{QStringLiteral("--screenshot"), recorded});
        QVERIFY2(a.exitCode == 0, qPrintable(diagnose(a)));
        const Run b = jobscope::test::runJobscope(
            common +
            QStringList{QStringLiteral("--whatif"), QStringLiteral("--screenshot"), whatif});
        QVERIFY2(b.exitCode == 0, qPrintable(diagnose(b)));
        QVERIFY(b.err.isEmpty());
        const QImage before(recorded), after(whatif);
        QCOMPARE(after.size(), before.size());
        int differing = 0; // the editor holds the scenario; the plot its note and the fork
        for (int y = 0; y < after.height(); y += 4)
            for (int x = 0; x < after.width(); x += 4)
                differing += after.pixel(x, y) != before.pixel(x, y);
        QVERIFY2(differing > after.width() * after.height() / 16 / 20,
                 qPrintable(QString::number(differing)));
    }

    // `--set` changes the opened document as an edit would: the what-if with more parallelism
    // is drawn otherwise than the one without.
    void setChangesTheDocument() {
        QTemporaryDir dir;
        const QStringList common = {jobscope::test::recordingsDir() + QStringLiteral("/a"),
                                    QStringLiteral("--size"),
                                    QStringLiteral("1280x720"),
                                    QStringLiteral("--whatif"),
                                    QStringLiteral("--at"),
                                    QStringLiteral("10")};
        const QString plain = dir.filePath(QStringLiteral("plain.png"));
        const QString changed = dir.filePath(QStringLiteral("changed.png"));
        const Run a = jobscope::test::runJobscope(
            common + QStringList{QStringLiteral("--screenshot"), plain});
        QVERIFY2(a.exitCode == 0, qPrintable(diagnose(a)));
        const Run b = jobscope::test::runJobscope(
            common + QStringList{QStringLiteral("--set"), QStringLiteral("spec.parallelism=7"),
                                 QStringLiteral("--screenshot"), changed});
        QVERIFY2(b.exitCode == 0, qPrintable(diagnose(b)));
        const QImage before(plain), after(changed);
        QCOMPARE(after.size(), before.size());
        int differing = 0;
        for (int y = 0; y < after.height(); y += 4)
            for (int x = 0; x < after.width(); x += 4)
                differing += after.pixel(x, y) != before.pixel(x, y);
        QVERIFY2(differing > after.width() * after.height() / 16 / 50,
                 qPrintable(QString::number(differing)));
    }

    void badInput_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("nowhere.yaml")} << QStringLiteral("nowhere.yaml");
        QTest::newRow("bad size") << QStringList{QStringLiteral("--size"), QStringLiteral("big")}
                                  << QStringLiteral("--size takes WIDTHxHEIGHT");
        QTest::newRow("bad theme") << QStringList{QStringLiteral("--theme"), QStringLiteral("pink")}
                                   << QStringLiteral("--theme takes light, dark or system");
        QTest::newRow("reversed selection")
            << QStringList{example(), QStringLiteral("--select"), QStringLiteral("20..10")}
            << QStringLiteral("--select takes FROM..TO");
        QTest::newRow("zoom without a range") << QStringList{example(), QStringLiteral("--zoom=10")}
                                              << QStringLiteral("--zoom takes FROM..TO");
        QTest::newRow("unknown option after the file")
            << QStringList{example(), QStringLiteral("--bogus")} << QStringLiteral("bogus");
        QTest::newRow("what-if without a moment")
            << QStringList{jobscope::test::recordingsDir() + QStringLiteral("/a"),
                           QStringLiteral("--whatif")}
            << QStringLiteral("--whatif takes a recording FILE and --at T");
        QTest::newRow("what-if of a scenario")
            << QStringList{example(), QStringLiteral("--whatif"), QStringLiteral("--at"),
                           QStringLiteral("5")}
            << QStringLiteral("open a recording");
        QTest::newRow("--set not PATH=VALUE")
            << QStringList{example(), QStringLiteral("--set"), QStringLiteral("parallelism")}
            << QStringLiteral("--set takes PATH=VALUE");
        QTest::newRow("--set on a recording")
            << QStringList{jobscope::test::recordingsDir() + QStringLiteral("/a"),
                           QStringLiteral("--set"), QStringLiteral("spec.parallelism=7")}
            << QStringLiteral("is a recording (add --whatif --at T)");
        QTest::newRow("--set of a scenario field in a manifest")
            << QStringList{jobscope::test::testDataDir() +
                               QStringLiteral("/manifests/hand-written.yaml"),
                           QStringLiteral("--set"), QStringLiteral("runTime=30")}
            << QStringLiteral("--set runTime=30: cannot be set in");
        QTest::newRow("what-if with a command")
            << QStringList{QStringLiteral("--whatif"), QStringLiteral("examples")}
            << QStringLiteral("--whatif is an option of the desktop app");
        QTest::newRow("an app option with a command")
            << QStringList{QStringLiteral("--size=800x600"), QStringLiteral("examples")}
            << QStringLiteral("--size is an option of the desktop app");
    }
    void badInput() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("shot.png"));
        if (!arguments.contains(QStringLiteral("examples")))
            arguments << QStringLiteral("--screenshot") << out;
        const Run run = jobscope::test::runJobscope(arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(diagnose(run)));
        QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(diagnose(run)));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestScreenshotCli)
#include "tst_screenshot_cli.moc"
