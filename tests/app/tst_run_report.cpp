// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF report (app/pdf/run_report.h) of a simulated Job with 448 Pods: a complete PDF with the
// summary page and as many Gantt pages as the rows need, drawn as vectors (fonts, no pictures),
// its text readable by pdftotext (poppler-utils: every Pod's name on the page its row is on, the
// summary's figures), and a failed write that leaves no file behind. Also the font scale an
// export gives the timeline plot and the Gantt.

#include "gantt/pod_gantt.h"
#include "pdf/run_report.h"
#include "plot/cause_text.h"
#include "plot/plot_style.h"
#include "plot/timeline_plot.h"
#include "scenario/scenario_reader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace jobscope;
using jobscope::ui::PodGantt;
using jobscope::ui::RunReportLayout;
using jobscope::ui::TimelinePlot;

namespace {

constexpr int kPods = 448;

// 448 completions, 64 at a time.
std::shared_ptr<const Run> manyPods() {
    const std::string manifest = R"(apiVersion: batch/v1
kind: Job
metadata:
  name: many-pods
spec:
  completions: 448
  parallelism: 64
  backoffLimit: 1000
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: worker
        image: busybox:1.36
)";
    Diagnostics diagnostics;
    const auto scenario = readScenarioText(manifest, "many-pods.yaml", diagnostics);
    if (!scenario)
        qFatal("the manifest does not read");
    return std::make_shared<const Run>(runScenario(*scenario));
}

QString pdfToText(const QString& pdf, int firstPage = 0, int lastPage = 0) {
    QStringList arguments{QStringLiteral("-layout")};
    if (firstPage > 0)
        arguments << QStringLiteral("-f") << QString::number(firstPage) << QStringLiteral("-l")
                  << QString::number(lastPage);
    arguments << pdf << QStringLiteral("-");
    QProcess process;
    process.start(QStringLiteral("pdftotext"), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Row names on a page of pdftotext's output, whole words: pod-1 is not in pod-12.
bool hasName(const QString& text, const QString& name) {
    return text.contains(QRegularExpression(
        QStringLiteral("(^|\\s)%1(\\s|$)").arg(QRegularExpression::escape(name))));
}

} // namespace

class TestRunReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        ui::installEnglishPlurals(QCoreApplication::instance()); // as main() does
        run_ = manyPods();
    }

    void layoutHasEveryRow() {
        QCOMPARE(int(run_->analysis.pods.size()), kPods);
        const RunReportLayout layout = ui::runReportLayout(run_);
        QCOMPARE(layout.ganttRows, kPods);
        // A row with its label on A4 landscape: some tens of rows to a page, not hundreds.
        QVERIFY2(layout.rowsPerPage >= 25 && layout.rowsPerPage <= 60,
                 qPrintable(QString::number(layout.rowsPerPage)));
        QCOMPARE(layout.pages, 1 + (kPods + layout.rowsPerPage - 1) / layout.rowsPerPage);
    }

    void pdfIsCompleteAndVector() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QString error;
        QVERIFY2(ui::writeRunReport(path, run_, QStringLiteral("Many Pods"), &error),
                 qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        // Page objects (not the /Pages tree): the summary page and the Gantt's.
        const qsizetype pages =
            QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page\\b")));
        QCOMPARE(int(pages), ui::runReportLayout(run_).pages);
        // Text in fonts, and no picture standing in for the plot or the Gantt.
        QVERIFY(pdf.contains("/Font"));
        QVERIFY(!QString::fromLatin1(pdf).contains(
            QRegularExpression(QStringLiteral("/Subtype\\s*/Image"))));
        // Nothing left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"report.pdf"});
    }

    void textIsSelectable() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed; scripts/setup.sh test installs it");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QString error;
        QVERIFY2(ui::writeRunReport(path, run_, QStringLiteral("Many Pods"), &error),
                 qPrintable(error));
        const RunReportLayout layout = ui::runReportLayout(run_);

        // Page 1: the title and the summary, RunSummary's figures.
        const QString first = pdfToText(path, 1, 1);
        QVERIFY2(first.contains(QStringLiteral("Many Pods")), qPrintable(first));
        const RunSummary& s = run_->summary;
        QVERIFY(s.finishedAt);
        for (const QString& expected :
             {QStringLiteral("Final condition"), QStringLiteral("Complete"),
              QStringLiteral("Completion time"), QString::number(*s.finishedAt, 'f', 1),
              QStringLiteral("Pod-seconds"), QString::number(s.podSeconds, 'f', 1),
              QStringLiteral("Peak parallelism"),
              QStringLiteral("%1 active Pods").arg(s.peakActive),
              QStringLiteral("Mean parallelism"), QString::number(s.meanActive, 'f', 2),
              QStringLiteral("Failures"), QStringLiteral("page 1 of %1").arg(layout.pages)})
            QVERIFY2(first.contains(expected), qPrintable(expected + QStringLiteral("\n") + first));
        // The plot's axis and legend as text too.
        QVERIFY2(first.contains(QStringLiteral("requested")), qPrintable(first));

        // Every Pod on the page its row is on, and on no other Gantt page.
        PodGantt gantt;
        gantt.setRun(run_);
        for (int page = 2; page <= layout.pages; ++page) {
            const QString text = pdfToText(path, page, page);
            QVERIFY2(text.contains(QStringLiteral("page %1 of %2").arg(page).arg(layout.pages)),
                     qPrintable(text));
            const int firstRow = (page - 2) * layout.rowsPerPage;
            for (int row = 0; row < kPods; ++row) {
                const bool here = row >= firstRow && row < firstRow + layout.rowsPerPage;
                QVERIFY2(hasName(text, gantt.rowLabel(row)) == here,
                         qPrintable(QStringLiteral("page %1, row %2 (%3)")
                                        .arg(page)
                                        .arg(row)
                                        .arg(gantt.rowLabel(row))));
            }
            // The legend and the time axis on every page.
            QVERIFY2(text.contains(QStringLiteral("succeeded")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("time since the Job was created")),
                     qPrintable(text));
        }
    }

    void failedWriteLeavesNoFile() {
        QTemporaryDir dir;
        QString error;
        const QString missing = dir.filePath(QStringLiteral("missing/report.pdf"));
        QVERIFY(!ui::writeRunReport(missing, run_, QStringLiteral("x"), &error));
        QVERIFY2(error.contains(missing), qPrintable(error));
        QVERIFY(!QFile::exists(missing));

        // A report that cannot be made leaves the file that was there as it was.
        const QString existing = dir.filePath(QStringLiteral("report.pdf"));
        {
            QFile file(existing);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("before");
        }
        QVERIFY(!ui::writeRunReport(existing, nullptr, QStringLiteral("x"), &error));
        QFile file(existing);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("before"));
        // A directory in the file's place: nothing written, nothing left beside it.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.pdf")));
        QVERIFY(!ui::writeRunReport(dir.filePath(QStringLiteral("folder.pdf")), run_,
                                    QStringLiteral("x"), &error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"report.pdf"});
    }

    // An export's parts drawn at one font scale: the scale given, whatever their sizes.
    void oneFontScaleForEveryPart() {
        TimelinePlot plot;
        plot.setRun(run_, QStringLiteral("Many Pods"));
        PodGantt gantt;
        gantt.setRun(run_);
        const QSize wide(2400, 1000);
        const QSize low(2400, 800);
        const double scale = ui::styleScaleFor(wide);
        // The Gantt on its own at the lower height takes a smaller scale (more rows shown, as
        // the screen shows them); given the plot's scale it draws as the plot's parts do.
        QVERIFY(ui::styleScaleFor(low) < scale);
        const QImage own = gantt.renderImage(low);
        const QImage given = gantt.renderImage(low, false, scale);
        QCOMPARE(given.size(), low);
        QVERIFY(own != given);
        // The scale the size itself gives changes nothing.
        QCOMPARE(gantt.renderImage(low, false, ui::styleScaleFor(low)), own);
        QCOMPARE(plot.renderImage(wide, scale), plot.renderImage(wide));
    }

private:
    std::shared_ptr<const Run> run_;
};

QTEST_MAIN(TestRunReport)
#include "tst_run_report.moc"
