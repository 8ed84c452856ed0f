// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/run_report.h"

#include "plot/export_file.h"

#include "gantt/pod_gantt.h"
#include "plot/cause_text.h"
#include "plot/plot_style.h"
#include "plot/timeline_plot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace jobscope::ui {

namespace {

// The page is laid out in units of 1/120 inch: A4 landscape less the margins is then about as
// wide as the plot's and the Gantt's reference size (1280 pixels), where their fonts are at
// scale 1 (tick labels 12.5 units, 7.5 pt). Every part is drawn at this one scale.
constexpr int kUnitsPerInch = 120;
constexpr double kScale = 1.0;
constexpr double kMarginMillimeters = 12;

// Printed on white whatever the application's theme.
QPalette printPalette(QPalette palette) {
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Base, Qt::white);
        palette.setColor(group, QPalette::Window, Qt::white);
        palette.setColor(group, QPalette::Text, Qt::black);
        palette.setColor(group, QPalette::WindowText, Qt::black);
    }
    return palette;
}

class RunReport {
    Q_DECLARE_TR_FUNCTIONS(RunReport)

public:
    RunReport(std::shared_ptr<const Run> run, const QString& title)
        : run_(std::move(run)), title_(title) {
        const QPalette palette = printPalette(QGuiApplication::palette());
        // Without ligatures: a Pod named …-qflsg is found by searching for "fl", not "ﬂ".
        base_.setStyleStrategy(QFont::PreferNoShaping);
        for (QWidget* widget : {static_cast<QWidget*>(&plot_), static_cast<QWidget*>(&gantt_)}) {
            widget->setPalette(palette);
            widget->setFont(base_);
        }
        // The page has its own title above the summary.
        plot_.setRun(run_, QString());
        gantt_.setRun(run_);
    }

    // The page's paintable area in its units, as QPdfWriter makes it.
    static QSize pageSize() {
        const QPageLayout layout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                 QMarginsF(kMarginMillimeters, kMarginMillimeters,
                                           kMarginMillimeters, kMarginMillimeters),
                                 QPageLayout::Millimeter);
        return layout.paintRectPixels(kUnitsPerInch).size();
    }

    RunReportLayout layout() {
        RunReportLayout out;
        out.ganttRows = gantt_.rowCount();
        out.rowsPerPage = gantt_.rowsPerPage(ganttSize(), kScale);
        const int ganttPages = (out.ganttRows + out.rowsPerPage - 1) / out.rowsPerPage;
        out.pages = 1 + ganttPages;
        return out;
    }

    bool write(QIODevice* device, QString* why) {
        const RunReportLayout pages = layout();
        QPdfWriter writer(device);
        writer.setTitle(title_);
        writer.setCreator(QStringLiteral("JobScope %1").arg(QStringLiteral(JOBSCOPE_VERSION)));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(kMarginMillimeters, kMarginMillimeters, kMarginMillimeters,
                                        kMarginMillimeters),
                              QPageLayout::Millimeter);
        writer.setResolution(kUnitsPerInch);
        QCPPainter painter;
        if (!painter.begin(&writer)) {
            *why = tr("the PDF could not be started");
            return false;
        }
        // Lines and text as vectors, drawn directly (no pixmap caches).
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);

        const QSize page = pageSize(); // as the writer's, where the Gantt's rows were counted
        drawSummaryPage(painter, page);
        drawFooter(painter, page, 1, pages.pages);
        for (int p = 1; p < pages.pages; ++p) {
            if (!writer.newPage()) {
                *why = tr("page %1 could not be started").arg(p + 1);
                return false;
            }
            const int first = (p - 1) * pages.rowsPerPage;
            const int last = std::min(pages.ganttRows, first + pages.rowsPerPage) - 1;
            const double top = drawHeading(painter, page.width(),
                                           tr("%1 — Pod Gantt, rows %2–%3 of %4")
                                               .arg(title_)
                                               .arg(first + 1)
                                               .arg(last + 1)
                                               .arg(pages.ganttRows));
            painter.save();
            painter.translate(0, top);
            gantt_.renderRows(&painter, ganttSize(), kScale, first, pages.rowsPerPage);
            painter.restore();
            drawFooter(painter, page, p + 1, pages.pages);
        }
        if (!painter.end()) {
            *why = tr("the PDF could not be finished");
            return false;
        }
        return true;
    }

private:
    QFont font(double pixels, bool bold = false) const {
        return pixelFont(base_, pixels * kScale, bold);
    }
    double headingHeight() const { return QFontMetricsF(font(17, true)).height() + 10 * kScale; }
    double footerHeight() const { return QFontMetricsF(font(11)).height() + 6 * kScale; }
    QSize ganttSize() const {
        const QSize page = pageSize();
        return QSize(page.width(), static_cast<int>(std::floor(page.height() - headingHeight() -
                                                               footerHeight())));
    }

    // A heading at the top of a page; returns where what follows starts.
    double drawHeading(QPainter& painter, int width, const QString& text) const {
        painter.setPen(Qt::black);
        painter.setFont(font(17, true));
        painter.drawText(QRectF(0, 0, width, headingHeight()), Qt::AlignLeft | Qt::AlignTop, text);
        return headingHeight();
    }

    void drawFooter(QPainter& painter, const QSize& page, int number, int count) const {
        painter.setPen(Qt::darkGray);
        painter.setFont(font(11));
        painter.drawText(QRectF(0, page.height() - footerHeight(), page.width(), footerHeight()),
                         Qt::AlignRight | Qt::AlignBottom,
                         tr("page %1 of %2").arg(number).arg(count));
    }

    static QString seconds(double value) { return QString::number(value, 'f', 1); }

    // RunSummary's figures, labelled.
    std::vector<std::pair<QString, QString>> summaryRows() const {
        const RunSummary& s = run_->summary;
        const QString outcome = outcomeText(s);
        std::vector<std::pair<QString, QString>> rows;
        rows.emplace_back(
            tr("Final condition"),
            outcome.isEmpty() ? tr("none: not finished by %1 s").arg(seconds(run_->end)) : outcome);
        rows.emplace_back(tr("Completion time"),
                          s.finishedAt
                              ? tr("%1 s after the Job was created").arg(seconds(*s.finishedAt))
                              : tr("not finished"));
        rows.emplace_back(tr("Pod-seconds"),
                          tr("%1 (containers running: %2)")
                              .arg(seconds(s.podSeconds), seconds(s.runningSeconds)));
        rows.emplace_back(tr("Peak parallelism"),
                          tr("%n active Pod(s) (requested at the end: %1)", nullptr, s.peakActive)
                              .arg(s.requested));
        rows.emplace_back(tr("Mean parallelism"),
                          tr("%1 active Pods").arg(QString::number(s.meanActive, 'f', 2)));
        rows.emplace_back(tr("Failures"),
                          tr("%1 of %n Pod(s) failed", nullptr, s.podsCreated).arg(s.podsFailed));
        return rows;
    }

    void drawSummaryPage(QCPPainter& painter, const QSize& page) {
        double y = drawHeading(painter, page.width(), title_);
        // The summary in two columns of label and value.
        const QFont labelFont = font(13, true);
        const QFont valueFont = font(13);
        const double line = QFontMetricsF(valueFont).height() * 1.35;
        const auto rows = summaryRows();
        const int perColumn = static_cast<int>((rows.size() + 1) / 2);
        const double columnWidth = page.width() / 2.0;
        double labelWidth = 0;
        for (const auto& row : rows)
            labelWidth =
                std::max(labelWidth, QFontMetricsF(labelFont).horizontalAdvance(row.first));
        labelWidth += 12 * kScale;
        painter.setPen(Qt::black);
        for (size_t i = 0; i < rows.size(); ++i) {
            const double x = static_cast<int>(i) / perColumn * columnWidth;
            const double rowY = y + static_cast<int>(i) % perColumn * line;
            painter.setFont(labelFont);
            painter.drawText(QRectF(x, rowY, labelWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                             rows[i].first);
            painter.setFont(valueFont);
            painter.drawText(QRectF(x + labelWidth, rowY, columnWidth - labelWidth, line),
                             Qt::AlignLeft | Qt::AlignVCenter, rows[i].second);
        }
        y += perColumn * line + 8 * kScale;
        const QSize plotSize(page.width(),
                             static_cast<int>(std::floor(page.height() - y - footerHeight())));
        painter.save();
        painter.translate(0, y);
        plot_.render(&painter, plotSize, kScale);
        painter.restore();
    }

    std::shared_ptr<const Run> run_;
    QString title_;
    QFont base_ = QGuiApplication::font();
    TimelinePlot plot_;
    PodGantt gantt_;

public:
    static bool save(const QString& path, const std::shared_ptr<const Run>& run,
                     const QString& title, QString* error) {
        const auto fail = [&](const QString& why) {
            if (error)
                *error = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), why);
            return false;
        };
        if (!run)
            return fail(tr("there is no run to report"));
        RunReport report(run, title);
        QString why;
        const bool written = writeExportFile(
            path, [&](QIODevice* device, QString* reason) { return report.write(device, reason); },
            &why);
        return written || fail(why);
    }

    static RunReportLayout layoutOf(const std::shared_ptr<const Run>& run) {
        if (!run)
            return {};
        return RunReport(run, QString()).layout();
    }
};

} // namespace

RunReportLayout runReportLayout(const std::shared_ptr<const Run>& run) {
    return RunReport::layoutOf(run);
}

bool writeRunReport(const QString& path, const std::shared_ptr<const Run>& run,
                    const QString& title, QString* error) {
    return RunReport::save(path, run, title, error);
}

} // namespace jobscope::ui
