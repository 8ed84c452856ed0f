// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/step_envelope.h"

#include <algorithm>

namespace jobscope::ui {

namespace {

// Points per leaf of the pyramid: a run is scanned directly up to twice this many points, which
// costs less than the tree's steps would; the trees take 2 indices per block.
constexpr qsizetype kBlock = 16;
// A column with at most this many points keeps them all (the reduction keeps three).
constexpr qsizetype kKeptPerColumn = 3;

} // namespace

StepEnvelope::StepEnvelope(QVector<double> keys, QVector<double> values)
    : keys_(std::move(keys)), values_(std::move(values)) {
    values_.resize(keys_.size());
    const qsizetype n = keys_.size();
    blockCount_ = (n + kBlock - 1) / kBlock;
    lowest_.assign(static_cast<size_t>(2 * blockCount_), 0);
    highest_.assign(static_cast<size_t>(2 * blockCount_), 0);
    for (qsizetype b = 0; b < blockCount_; ++b) {
        qsizetype low = b * kBlock;
        qsizetype high = low;
        for (qsizetype i = low + 1; i < std::min(n, (b + 1) * kBlock); ++i) {
            if (lower(i, low))
                low = i;
            if (higher(i, high))
                high = i;
        }
        lowest_[static_cast<size_t>(blockCount_ + b)] = static_cast<std::int32_t>(low);
        highest_[static_cast<size_t>(blockCount_ + b)] = static_cast<std::int32_t>(high);
    }
    for (qsizetype i = blockCount_ - 1; i > 0; --i) {
        const auto l = static_cast<size_t>(2 * i);
        const std::int32_t a = lowest_[l], b = lowest_[l + 1];
        lowest_[static_cast<size_t>(i)] = lower(b, a) ? b : a;
        const std::int32_t c = highest_[l], d = highest_[l + 1];
        highest_[static_cast<size_t>(i)] = higher(d, c) ? d : c;
    }
}

bool StepEnvelope::lower(qsizetype a, qsizetype b) const {
    const double x = values_.at(a), y = values_.at(b);
    return x < y || (x == y && a < b);
}

bool StepEnvelope::higher(qsizetype a, qsizetype b) const {
    const double x = values_.at(a), y = values_.at(b);
    return x > y || (x == y && a < b);
}

double StepEnvelope::valueAt(double key) const {
    if (keys_.isEmpty())
        return 0;
    const auto it = std::upper_bound(keys_.begin(), keys_.end(), key);
    if (it == keys_.begin())
        return values_.front();
    return values_.at(std::distance(keys_.begin(), it) - 1);
}

std::pair<qsizetype, qsizetype> StepEnvelope::extremes(qsizetype first, qsizetype last) const {
    qsizetype low = first;
    qsizetype high = first;
    // The scans run forward from `first`, before the blocks: a point equal to the extreme so far
    // comes after it and does not replace it.
    const double* const values = values_.constData();
    const auto scan = [&](qsizetype from, qsizetype to) {
        double lowest = values[low];
        double highest = values[high];
        for (qsizetype i = from; i < to; ++i) {
            const double v = values[i];
            if (v < lowest) {
                lowest = v;
                low = i;
            }
            if (v > highest) {
                highest = v;
                high = i;
            }
        }
    };
    const qsizetype firstBlock = (first + kBlock - 1) / kBlock;
    const qsizetype endBlock = last / kBlock;
    if (endBlock - firstBlock < 2) {
        scan(first + 1, last);
        return {low, high};
    }
    scan(first + 1, firstBlock * kBlock);
    scan(endBlock * kBlock, last);
    // The whole blocks [firstBlock, endBlock), bottom-up.
    for (qsizetype l = firstBlock + blockCount_, r = endBlock + blockCount_; l < r;
         l /= 2, r /= 2) {
        if (l & 1) {
            const auto node = static_cast<size_t>(l++);
            if (lower(lowest_[node], low))
                low = lowest_[node];
            if (higher(highest_[node], high))
                high = highest_[node];
        }
        if (r & 1) {
            const auto node = static_cast<size_t>(--r);
            if (lower(lowest_[node], low))
                low = lowest_[node];
            if (higher(highest_[node], high))
                high = highest_[node];
        }
    }
    return {low, high};
}

QVector<QCPGraphData> StepEnvelope::reduce(double lower, double upper, int columns) const {
    QVector<QCPGraphData> out;
    const qsizetype n = keys_.size();
    if (!(upper > lower) || columns < 1) {
        out.reserve(n);
        for (qsizetype i = 0; i < n; ++i)
            out.push_back({keys_.at(i), values_.at(i)});
        return out;
    }
    qsizetype lastOut = -1; // the index of the last point put out
    const auto put = [&](qsizetype i, bool always) {
        if (i <= lastOut)
            return;
        if (always || lastOut < 0 || values_.at(i) != out.back().value) {
            out.push_back({keys_.at(i), values_.at(i)});
            lastOut = i;
        }
    };
    out.reserve(std::min<qsizetype>(n, 3 * static_cast<qsizetype>(columns) + 2));
    // The point in force at `lower`, so that the line enters from the left edge.
    qsizetype pos = std::lower_bound(keys_.begin(), keys_.end(), lower) - keys_.begin();
    if (pos > 0)
        put(pos - 1, true);
    const double width = (upper - lower) / columns;
    for (int c = 0; c < columns && pos < n; ++c) {
        // The points of column c: keys in [its left edge, its right edge); the last column
        // takes `upper` too.
        const auto from = keys_.begin() + pos;
        const qsizetype end =
            c + 1 < columns
                ? std::lower_bound(from, keys_.end(), lower + (c + 1) * width) - keys_.begin()
                : std::upper_bound(from, keys_.end(), upper) - keys_.begin();
        if (end - pos <= kKeptPerColumn) {
            for (qsizetype i = pos; i < end; ++i)
                put(i, false);
        } else {
            const auto [low, high] = extremes(pos, end);
            put(std::min(low, high), false);
            put(std::max(low, high), false);
            put(end - 1, false); // the value leaving the column
        }
        pos = end;
    }
    // The line goes on to the right edge: through the next point, or to the last one.
    put(pos < n ? pos : n - 1, true);
    return out;
}

} // namespace jobscope::ui
