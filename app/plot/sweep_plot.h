// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The picture of a parameter sweep: the completion time (above) and the Pod-seconds (below)
// against the first varied parameter, one line per combination of the other parameters' values
// (the medians over the seeds). A value that is not a number is placed at its rank, named.

#include "run/sweep.h"

#include <QColor>
#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVector>

class QCustomPlot;

namespace jobscope::ui {

struct SweepPlotData {
    QString title;
    QString parameter;   // the x axis: the first varied PATH
    QStringList xValues; // as written; numbers are placed at their value
    struct Line {
        QString label;              // the other parameters' values ("" when only one axis)
        QVector<double> completion; // seconds, NaN where no seed finished
        QVector<double> podSeconds;
        QVector<int> points; // the sweep point of each x: its index in the sweep's points
    };
    QVector<Line> lines;
};

// The first axis across; one line per combination of the others' values, in grid order (the
// medians over the seeds). `figures` is figuresOf each point.
SweepPlotData sweepPlotData(const std::string& fileName, const std::vector<SweepAxis>& axes,
                            const std::vector<SweepPoint>& points,
                            const std::vector<SweepFigures>& figures);

struct SweepPlotColors {
    QColor ink = Qt::black; // text, axes
    QColor background = Qt::white;
};

// Fills `plot` (cleared first) with the two panels. The graphs come in line order, each line's
// completion graph (top) and then its Pod-seconds graph (bottom), data in xValues order.
void buildSweepPlot(QCustomPlot* plot, const SweepPlotData& data,
                    const SweepPlotColors& colors = {});
// The picture at `size`, white background, fonts for that size.
QImage renderSweepPlot(const SweepPlotData& data, const QSize& size);

} // namespace jobscope::ui
