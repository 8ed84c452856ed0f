// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/sweep_plot.h"

#include "plot/plot_style.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace jobscope::ui {

namespace {

// Matplotlib's tab10, the palette the timeline plot's series come from.
const QColor kLineColors[] = {{31, 119, 180},  {255, 127, 14}, {44, 160, 44},   {214, 39, 40},
                              {148, 103, 189}, {140, 86, 75},  {227, 119, 194}, {127, 127, 127},
                              {188, 189, 34},  {23, 190, 207}};

} // namespace

SweepPlotData sweepPlotData(const std::string& fileName, const std::vector<SweepAxis>& axes,
                            const std::vector<SweepPoint>& points,
                            const std::vector<SweepFigures>& figures) {
    SweepPlotData data;
    data.title = QCoreApplication::translate("SweepPlot", "Sweep of %1")
                     .arg(QString::fromStdString(fileName));
    if (axes.empty() || points.size() != figures.size())
        return data;
    data.parameter = QString::fromStdString(axes.front().name);
    for (const std::string& value : axes.front().values)
        data.xValues << QString::fromStdString(value);
    const std::size_t across = axes.front().values.size();
    const std::size_t lines = points.size() / std::max<std::size_t>(1, across);
    for (std::size_t l = 0; l < lines; ++l) {
        SweepPlotData::Line line;
        QStringList label;
        for (std::size_t a = 1; a < axes.size(); ++a)
            label << QString::fromStdString(axes[a].name + "=" + points[l].values[a]);
        line.label = label.join(QStringLiteral(", "));
        for (std::size_t x = 0; x < across; ++x) {
            // Row-major with the first axis slowest: the point of x on line l.
            const std::size_t p = x * lines + l;
            line.completion << figures[p].completionP50;
            line.podSeconds << figures[p].podSecondsP50;
            line.points << static_cast<int>(p);
        }
        data.lines << line;
    }
    return data;
}

void buildSweepPlot(QCustomPlot* plot, const SweepPlotData& data, const SweepPlotColors& colors) {
    plot->clearPlottables();
    plot->plotLayout()->clear();
    plot->setAutoAddPlottableToLegend(false);
    const double s = styleScaleFor(plot->size());
    const QFont base = plot->font();

    // Numbers at their value; anything else at its rank, named.
    QVector<double> x;
    bool numeric = true;
    bool whole = true;
    for (const QString& value : data.xValues) {
        bool ok = false;
        x << value.toDouble(&ok);
        numeric = numeric && ok;
        whole = whole && ok && x.back() == std::floor(x.back());
    }
    if (!numeric)
        for (qsizetype i = 0; i < x.size(); ++i)
            x[i] = static_cast<double>(i);

    plot->setBackground(colors.background);
    auto* title = new QCPTextElement(plot, data.title, pixelFont(base, 18 * s, true));
    title->setTextColor(colors.ink);
    plot->plotLayout()->addElement(0, 0, title);
    auto* top = new QCPAxisRect(plot);
    auto* bottom = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(1, 0, top);
    plot->plotLayout()->addElement(2, 0, bottom);
    auto* margins = new QCPMarginGroup(plot);
    for (QCPAxisRect* rect : {top, bottom}) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        QColor gridColor = colors.ink;
        gridColor.setAlpha(45);
        for (QCPAxis* axis : rect->axes()) {
            axis->setTickLabelFont(pixelFont(base, 12.5 * s));
            axis->setLabelFont(pixelFont(base, 14 * s));
            axis->setLabelColor(colors.ink);
            axis->setTickLabelColor(colors.ink);
            axis->setBasePen(QPen(colors.ink, axis->basePen().widthF()));
            axis->setTickPen(QPen(colors.ink, axis->tickPen().widthF()));
            axis->setSubTickPen(QPen(colors.ink, axis->subTickPen().widthF()));
            axis->grid()->setPen(QPen(gridColor, 1, Qt::DotLine));
        }
        if (numeric && whole) {
            // Whole-number parameters (parallelism, completions) have no ticks between them.
            auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
            ticker->setTickStep(1);
            ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
            rect->axis(QCPAxis::atBottom)->setTicker(ticker);
        } else if (!numeric) {
            auto ticker = QSharedPointer<QCPAxisTickerText>::create();
            for (qsizetype i = 0; i < data.xValues.size(); ++i)
                ticker->addTick(static_cast<double>(i), data.xValues.at(i));
            rect->axis(QCPAxis::atBottom)->setTicker(ticker);
        }
    }
    top->axis(QCPAxis::atLeft)
        ->setLabel(QCoreApplication::translate("SweepPlot", "completion time (s)"));
    bottom->axis(QCPAxis::atLeft)
        ->setLabel(QCoreApplication::translate("SweepPlot", "Pod-seconds"));
    bottom->axis(QCPAxis::atBottom)->setLabel(data.parameter);
    top->axis(QCPAxis::atBottom)->setTickLabels(false);

    QCPLegend* legend = nullptr;
    if (data.lines.size() > 1) {
        legend = new QCPLegend;
        plot->plotLayout()->addElement(3, 0, legend);
        legend->setFont(pixelFont(base, 12.5 * s));
        legend->setBorderPen(Qt::NoPen);
        legend->setBrush(colors.background);
        legend->setTextColor(colors.ink);
        legend->setFillOrder(QCPLegend::foColumnsFirst);
        legend->setWrap(4);
        plot->plotLayout()->setRowStretchFactor(3, 0.001);
    }
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    double highest[2] = {1, 1};
    for (qsizetype i = 0; i < data.lines.size(); ++i) {
        const SweepPlotData::Line& line = data.lines.at(i);
        const QColor color = kLineColors[i % std::size(kLineColors)];
        const QPen pen(color, std::max(1.0, 2.2 * s));
        const QCPScatterStyle dots(QCPScatterStyle::ssDisc, color, 5 * s);
        QCPGraph* completion =
            plot->addGraph(top->axis(QCPAxis::atBottom), top->axis(QCPAxis::atLeft));
        completion->setData(x, line.completion, true);
        completion->setPen(pen);
        completion->setScatterStyle(dots);
        completion->setName(line.label);
        QCPGraph* cost =
            plot->addGraph(bottom->axis(QCPAxis::atBottom), bottom->axis(QCPAxis::atLeft));
        cost->setData(x, line.podSeconds, true);
        cost->setPen(pen);
        cost->setScatterStyle(dots);
        for (double v : line.completion)
            if (std::isfinite(v))
                highest[0] = std::max(highest[0], v);
        for (double v : line.podSeconds)
            if (std::isfinite(v))
                highest[1] = std::max(highest[1], v);
        if (legend) {
            legend->addItem(new QCPPlottableLegendItem(legend, completion));
        }
    }
    const double lower = x.isEmpty() ? 0 : *std::min_element(x.begin(), x.end());
    const double upper = x.isEmpty() ? 1 : *std::max_element(x.begin(), x.end());
    const double pad = std::max(0.5, (upper - lower) * 0.03);
    for (QCPAxisRect* rect : {top, bottom})
        rect->axis(QCPAxis::atBottom)->setRange(lower - pad, upper + pad);
    top->axis(QCPAxis::atLeft)->setRange(0, highest[0] * 1.1);
    bottom->axis(QCPAxis::atLeft)->setRange(0, highest[1] * 1.1);
}

QImage renderSweepPlot(const SweepPlotData& data, const QSize& size) {
    QCustomPlot plot;
    plot.resize(size);
    plot.setBackground(Qt::white);
    buildSweepPlot(&plot, data);
    return plot.toPixmap(size.width(), size.height(), 1.0).toImage();
}

} // namespace jobscope::ui
