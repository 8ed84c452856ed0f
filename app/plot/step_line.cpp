// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/step_line.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

namespace jobscope::ui {

namespace {

// Whether the painter fills whole pixels: no antialiasing, and no shift by part of a pixel.
bool fillsWholePixels(const QPainter* painter) {
    const QTransform& transform = painter->transform();
    return !painter->testRenderHint(QPainter::Antialiasing) &&
           transform.type() <= QTransform::TxTranslate &&
           transform.dx() == std::floor(transform.dx()) &&
           transform.dy() == std::floor(transform.dy());
}

// Without antialiasing a pixel is filled when its centre lies inside a shape; an edge through a
// centre gives the pixel to the shape on its left or above. The first pixel whose centre lies
// past `edge`.
int firstCentrePast(double edge) {
    return static_cast<int>(std::floor(edge + 0.5));
}

bool stepsOnly(const QVector<QPointF>& line) {
    for (qsizetype i = 1; i < line.size(); ++i)
        if ((line[i].x() != line[i - 1].x() && line[i].y() != line[i - 1].y()) ||
            line[i].x() < line[i - 1].x())
            return false;
    return true;
}

} // namespace

bool fillAxisAlignedLine(QPainter* painter, const QPen& pen, const QVector<QPointF>& lines) {
    const double width = pen.widthF() > 0 ? pen.widthF() : 1.0;
    const double half = width / 2;
    // On, off, on, off … in pixels: the pattern counts in pen widths, and in pixels for a pen
    // thinner than one (as the stroker counts).
    const double unit = std::max(1.0, width);
    std::vector<double> pattern;
    if (pen.style() != Qt::SolidLine)
        for (double part : pen.dashPattern())
            pattern.push_back(part * unit);
    double patternLength = 0;
    for (double part : pattern)
        patternLength += part;
    const bool dashed = patternLength > 0;
    // Where along the pattern the line starts: the dash offset, in the pattern's units.
    size_t dash = 0;
    double leftInDash = dashed ? pattern[0] : 0;
    if (dashed) {
        double offset = std::fmod(pen.dashOffset() * unit, patternLength);
        if (offset < 0)
            offset += patternLength;
        while (offset >= leftInDash) {
            offset -= leftInDash;
            dash = (dash + 1) % pattern.size();
            leftInDash = pattern[dash];
        }
        leftInDash -= offset;
    }
    // Each segment's direction (the one ending at point i), and the next one's after it, points
    // (segments of no length) skipped. Where two segments meet at a right angle, each reaches
    // half the width past the corner (the mitre's square); where the line turns back on itself,
    // the stroker's mitre is cut at the pen's miter limit, that many widths past the turn.
    enum Direction : char { None, Right, Left, Down, Up };
    const auto directionOf = [](const QPointF& from, const QPointF& to) {
        if (from == to)
            return None;
        if (from.y() == to.y())
            return to.x() > from.x() ? Right : Left;
        return to.y() > from.y() ? Down : Up;
    };
    const auto horizontalOf = [](Direction d) { return d == Right || d == Left; };
    // (A cosmetic pen of no width is drawn as thin lines, without joins.)
    const double turnBack =
        pen.joinStyle() == Qt::MiterJoin && pen.widthF() > 0 ? pen.miterLimit() * width : 0;
    const auto beyond = [&](Direction own, Direction other) {
        if (other == None || other == own)
            return 0.0;
        return horizontalOf(other) != horizontalOf(own) ? half : turnBack;
    };
    const qsizetype count = lines.size();
    std::vector<Direction> direction(static_cast<size_t>(count), None);
    for (qsizetype i = 1; i < count; ++i) {
        if (lines[i].x() != lines[i - 1].x() && lines[i].y() != lines[i - 1].y())
            return false; // slanted: the stroker's
        direction[static_cast<size_t>(i)] = directionOf(lines[i - 1], lines[i]);
    }
    std::vector<Direction> following(static_cast<size_t>(count), None);
    for (qsizetype i = count - 2; i >= 0; --i)
        following[static_cast<size_t>(i)] = direction[static_cast<size_t>(i) + 1] != None
                                                ? direction[static_cast<size_t>(i) + 1]
                                                : following[static_cast<size_t>(i) + 1];
    QVector<QRectF> rects;
    rects.reserve(count * (dashed ? 2 : 1));
    Direction preceding = None;
    for (qsizetype i = 1; i < count; ++i) {
        const Direction own = direction[static_cast<size_t>(i)];
        if (own == None)
            continue;
        const QPointF a = lines[i - 1];
        const QPointF b = lines[i];
        const bool horizontal = horizontalOf(own);
        const double length = horizontal ? std::abs(b.x() - a.x()) : std::abs(b.y() - a.y());
        const double sign = own == Right || own == Down ? 1 : -1;
        const double pastStart = beyond(own, preceding);
        const double pastEnd = beyond(own, following[static_cast<size_t>(i)]);
        preceding = own;
        // An "on" interval [from, to] of the segment (distances from a) as a rectangle, past
        // a corner by half the width where it reaches one.
        const auto cover = [&](double from, double to) {
            const double before = from == 0 ? pastStart : 0;
            const double after = to == length ? pastEnd : 0;
            const double start = (horizontal ? a.x() : a.y()) + sign * (from - before);
            const double end = (horizontal ? a.x() : a.y()) + sign * (to + after);
            const double low = std::min(start, end);
            const double extent = std::abs(end - start);
            rects.append(horizontal ? QRectF(low, a.y() - half, extent, width)
                                    : QRectF(a.x() - half, low, width, extent));
        };
        if (!dashed) {
            cover(0, length);
            continue;
        }
        for (double at = 0; at < length;) {
            const double step = std::min(leftInDash, length - at);
            if (dash % 2 == 0)
                cover(at, at + step);
            at += step;
            leftInDash -= step;
            if (leftInDash <= 1e-9) {
                dash = (dash + 1) % pattern.size();
                leftInDash = pattern[dash];
            }
        }
    }
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen.color());
    if (fillsWholePixels(painter)) {
        // The same pixels as whole-pixel rectangles, which the raster engine fills span by
        // span instead of rasterizing each edge (a zoomed-out envelope is thousands of tall
        // columns).
        QVector<QRect> pixels;
        pixels.reserve(rects.size());
        for (const QRectF& r : rects) {
            const int left = firstCentrePast(r.left());
            const int top = firstCentrePast(r.top());
            const int right = firstCentrePast(r.right());
            const int bottom = firstCentrePast(r.bottom());
            if (right > left && bottom > top)
                pixels.append(QRect(left, top, right - left, bottom - top));
        }
        painter->drawRects(pixels.constData(), static_cast<int>(pixels.size()));
    } else {
        painter->drawRects(rects.constData(), static_cast<int>(rects.size()));
    }
    painter->restore();
    return true;
}

bool fillAxisAlignedChannel(QPainter* painter, const QVector<QPointF>& line,
                            const QVector<QPointF>& other, const QRect& area) {
    if (!fillsWholePixels(painter) || line.size() < 2 || other.size() < 2 || !stepsOnly(line) ||
        !stepsOnly(other))
        return false;
    // The columns whose centres both lines span (the polygon's closing edges stand at the
    // nearer of their ends).
    const double left = std::max({line.first().x(), other.first().x(), double(area.left())});
    const double right =
        std::min({line.last().x(), other.last().x(), double(area.left() + area.width())});
    // A line's height over the column centre `x`: the horizontal segment spanning it, followed
    // from the previous column's.
    struct Walk {
        const QVector<QPointF>& points;
        qsizetype at = 0;
        double heightAt(double x) {
            while (at + 1 < points.size() && points[at + 1].x() < x)
                ++at;
            return points[at].y();
        }
    };
    Walk a{line};
    Walk b{other};
    QVector<QRect> pixels;
    QRect run; // the current run of columns with the same rows
    for (int column = firstCentrePast(left); column + 0.5 <= right; ++column) {
        const double centre = column + 0.5;
        const double ya = a.heightAt(centre);
        const double yb = b.heightAt(centre);
        const int top = firstCentrePast(std::min(ya, yb));
        const int bottom = firstCentrePast(std::max(ya, yb));
        if (!run.isEmpty() && run.top() == top && run.bottom() + 1 == bottom &&
            run.right() + 1 == column) {
            run.setRight(column);
            continue;
        }
        if (!run.isEmpty())
            pixels.append(run);
        run = bottom > top ? QRect(column, top, 1, bottom - top) : QRect();
    }
    if (!run.isEmpty())
        pixels.append(run);
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->drawRects(pixels.constData(), static_cast<int>(pixels.size()));
    painter->restore();
    return true;
}

} // namespace jobscope::ui
