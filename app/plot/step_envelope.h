// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A step series (each value holds from its key until the next key) and its reduction for
// drawing: per pixel column, the points holding its lowest and highest values and the value that
// leaves it. A step line through them covers the same values in every column as the line through
// all the points, so it looks the same at that resolution, whatever the number of points.
//
// The lowest and highest point of a run of points come from a pyramid over blocks of points (a
// segment tree of the blocks' extremes): a reduction costs O(columns · log points), so drawing
// 1 M Pods costs what drawing 10 000 does.

#include <qcustomplot.h>

#include <QVector>

#include <cstdint>
#include <utility>
#include <vector>

namespace jobscope::ui {

class StepEnvelope {
public:
    StepEnvelope() = default;
    // `keys` in non-decreasing order (points at equal keys keep their order), one value each.
    StepEnvelope(QVector<double> keys, QVector<double> values);

    qsizetype size() const { return keys_.size(); }
    const QVector<double>& keys() const { return keys_; }
    const QVector<double>& values() const { return values_; }
    // The value in force at `key`: the last point's at or before it; the first one's before the
    // first key; 0 without points.
    double valueAt(double key) const;
    // The points that draw [lower, upper] on `columns` pixel columns of equal width: the point in
    // force at `lower`, in each column its lowest, highest and last points in their order (all of
    // them when there are no more), and the first point after `upper` (else the last one). Points
    // that repeat the value drawn before them change nothing and are left out. All points when
    // the range is empty or there are no columns.
    QVector<QCPGraphData> reduce(double lower, double upper, int columns) const;

private:
    // The indices of the lowest and of the highest value in [first, last), the earliest of equals.
    std::pair<qsizetype, qsizetype> extremes(qsizetype first, qsizetype last) const;
    bool lower(qsizetype a, qsizetype b) const;
    bool higher(qsizetype a, qsizetype b) const;

    QVector<double> keys_;
    QVector<double> values_;
    // Segment trees over the blocks of kBlock points: node i > 0 holds the index of the lowest
    // (highest) value under it; the blocks are the leaves, from blockCount_ on.
    qsizetype blockCount_ = 0;
    std::vector<std::int32_t> lowest_;
    std::vector<std::int32_t> highest_;
};

} // namespace jobscope::ui
