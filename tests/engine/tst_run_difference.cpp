// SPDX-License-Identifier: GPL-3.0-or-later
// runDifference (run/difference.h): what a what-if reports against its recording.

#include "run/difference.h"

#include <QObject>
#include <QTest>

#include <optional>

using namespace jobscope;

namespace {

RunSummary summary(std::optional<Seconds> finishedAt, double podSeconds) {
    RunSummary s;
    s.finishedAt = finishedAt;
    s.podSeconds = podSeconds;
    return s;
}

} // namespace

class TestRunDifference : public QObject {
    Q_OBJECT

private slots:
    void difference_data() {
        QTest::addColumn<double>("fromFinish"); // NaN: not finished
        QTest::addColumn<double>("toFinish");
        QTest::addColumn<double>("fromPodSeconds");
        QTest::addColumn<double>("toPodSeconds");
        QTest::addColumn<bool>("hasFinish");
        QTest::addColumn<double>("finish");
        QTest::addColumn<double>("podSeconds");
        const double nan = qQNaN();
        QTest::newRow("earlier, cheaper") << 40.0 << 32.9 << 100.0 << 96.8 << true << -7.1 << -3.2;
        QTest::newRow("later, dearer") << 40.0 << 45.0 << 100.0 << 120.0 << true << 5.0 << 20.0;
        QTest::newRow("negligible") << 40.0 << 40.04 << 100.0 << 99.97 << true << 0.0 << 0.0;
        QTest::newRow("recording unfinished")
            << nan << 30.0 << 100.0 << 110.0 << false << 0.0 << 10.0;
        QTest::newRow("what-if unfinished")
            << 30.0 << nan << 100.0 << 90.0 << false << 0.0 << -10.0;
    }

    void difference() {
        QFETCH(double, fromFinish);
        QFETCH(double, toFinish);
        QFETCH(double, fromPodSeconds);
        QFETCH(double, toPodSeconds);
        QFETCH(bool, hasFinish);
        QFETCH(double, finish);
        QFETCH(double, podSeconds);
        const auto finished = [](double t) {
            return qIsNaN(t) ? std::nullopt : std::optional<Seconds>(t);
        };
        const RunDifference d = runDifference(summary(finished(fromFinish), fromPodSeconds),
                                              summary(finished(toFinish), toPodSeconds));
        QCOMPARE(d.finish.has_value(), hasFinish);
        if (hasFinish)
            QVERIFY2(qAbs(*d.finish - finish) < 1e-9, qPrintable(QString::number(*d.finish)));
        QVERIFY2(qAbs(d.podSeconds - podSeconds) < 1e-9, qPrintable(QString::number(d.podSeconds)));
    }
};

QTEST_GUILESS_MAIN(TestRunDifference)
#include "tst_run_difference.moc"
