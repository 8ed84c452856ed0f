// SPDX-License-Identifier: GPL-3.0-or-later
// Reports read the same in every locale. Under a locale whose decimal separator is a comma
// (de_DE.UTF-8, from the locales-all package; a QCoreApplication sets LC_ALL from the
// environment like this), the CSV reports, the explanations in them, the lesson captions and
// the reconcile JSON still write '.' before the decimals.

#include "analysis/analysis.h"
#include "lesson/caption.h"
#include "number_text.h"
#include "report/csv.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "state/json_writer.h"
#include "support/test_paths.h"

#include <QRegularExpression>
#include <QTest>

#include <clocale>
#include <cstdio>
#include <string>

using namespace jobscope;

namespace {

Analysis simulateExample(const char* relativePath) {
    Diagnostics diagnostics;
    const QString path =
        test::sourceDir() + QStringLiteral("/resources/examples/") + QLatin1String(relativePath);
    const auto scenario = readScenarioFile(path.toStdString(), diagnostics);
    if (!scenario)
        qFatal("cannot read %s", qPrintable(path));
    return analyze(simulate(*scenario));
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

class TestLocaleNumbers : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(std::setlocale(LC_ALL, "de_DE.UTF-8"),
                 "the de_DE.UTF-8 locale is missing (scripts/setup.sh installs locales-all)");
        // The locale is in force: printf writes a comma.
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%.1f", 1.5);
        QCOMPARE(QByteArray(buffer), QByteArray("1,5"));
    }
    void cleanupTestCase() { std::setlocale(LC_ALL, "C"); }

    void formatters() {
        QCOMPARE(qs(formatFixed(8.99, 3)), QStringLiteral("8.990"));
        QCOMPARE(qs(formatFixed(-0.25, 1)), QStringLiteral("-0.2"));
        QCOMPARE(qs(formatFixed(1234567.5, 0)), QStringLiteral("1234568"));
        QCOMPARE(qs(formatRoundTrip(0.1)), QStringLiteral("0.10000000000000001"));
        QCOMPARE(qs(formatRoundTrip(2.5e-7)), QStringLiteral("2.4999999999999999e-07"));
        QCOMPARE(qs(formatCaptionNumber(2.5)), QStringLiteral("2.5"));
    }

    // The failure-backoff example: its causes carry fractional times (when replacements are
    // due), its Pods fractional times.
    void csvReports() {
        const Analysis a = simulateExample("causes/failure-backoff.yaml");
        const QRegularExpression commaDecimal(QStringLiteral(R"(=-?\d+,\d)"));
        const QRegularExpression time(QStringLiteral(R"(^-?\d+\.\d{3}$)"));

        const QString causes = qs(causesCsv(a.causes, 0));
        QVERIFY2(causes.contains(QRegularExpression(QStringLiteral(R"(due=\d+\.\d{3})"))),
                 qPrintable(causes));
        QVERIFY2(!causes.contains(commaDecimal), qPrintable(causes));
        for (const CauseInterval& c : a.causes)
            QVERIFY2(!qs(causeSentence(c)).contains(QRegularExpression(QStringLiteral(R"(\d,\d)"))),
                     causeSentence(c).c_str());

        const QStringList series = qs(seriesCsv(a.series, 0)).split(QStringLiteral("\r\n"));
        QVERIFY(series.size() > 3);
        for (qsizetype i = 1; i < series.size(); ++i)
            if (!series[i].isEmpty())
                QVERIFY2(time.match(series[i].section(QLatin1Char(','), 0, 0)).hasMatch(),
                         qPrintable(series[i]));
    }

    // A reconcile answer with a fractional requeue delay.
    void reconcileJson() {
        JsonWriter json;
        json.beginObject();
        json.key("requeueAfter");
        json.value(9.5);
        json.key("tiny");
        json.value(0.001);
        json.endObject();
        const QString text = qs(json.text());
        QVERIFY2(text.contains(QStringLiteral("9.5")) && text.contains(QStringLiteral("0.001")),
                 qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestLocaleNumbers)
#include "tst_locale_numbers.moc"
