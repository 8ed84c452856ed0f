// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/step_line.h"

#include <QImage>
#include <QPainter>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace jobscope::ui {

namespace {

// Without antialiasing a pixel is filled when its centre lies inside a shape; an edge through a
// centre gives the pixel to the shape on its left or above. The first pixel whose centre lies
// past `edge`.
// Coordinates are held within ±2^28 pixels first (a point far outside a deeply zoomed plot; not
// a number counts as far left), so that the conversion to int is defined; the floor is taken by
// hand, since std::floor is a call into libm on the baseline x86-64 and this runs for every
// corner of every rectangle.
int firstCentrePast(double edge) {
    constexpr double kFar = 1 << 28;
    double centre = edge + 0.5;
    if (!(centre > -kFar))
        centre = -kFar;
    else if (centre > kFar)
        centre = kFar;
    const int truncated = static_cast<int>(centre);
    return truncated - (static_cast<double>(truncated) > centre ? 1 : 0);
}

bool stepsOnly(const QVector<QPointF>& line) {
    for (qsizetype i = 1; i < line.size(); ++i)
        if ((line[i].x() != line[i - 1].x() && line[i].y() != line[i - 1].y()) ||
            line[i].x() < line[i - 1].x())
            return false;
    return true;
}

// Fills the union of whole-pixel rectangles with `colour`, each pixel once: a line's rectangles
// overlap at its corners and, on a zoomed-out envelope, column after column, where the raster
// engine would fill a short span per row of each (and a translucent colour would blend twice).
// The union is painted into an image over the rectangles' extent within the clip (`extent`),
// premultiplied as the raster engine blends a solid fill, and the image is laid on once.
// Where the rectangles overlap many times over (a zoomed-out envelope's columns side by side, a
// dashed line's dashes down them), each only marks where it starts and ends in each of its
// columns (+1 on its top row, -1 below its bottom one), and one pass down the rows counts the
// rectangles over each pixel and paints those with any: the cost is then the rectangles' widths
// and the extent's area, however much they overlap. Otherwise each is painted row by row.
void fillUnion(QPainter* painter, const std::vector<QRect>& rects, const QRect& extent,
               const QColor& colour) {
    if (extent.isEmpty())
        return;
    const int width = extent.width();
    const int height = extent.height();
    const size_t area = static_cast<size_t>(width) * static_cast<size_t>(height);
    const QRgb pixel = qPremultiply(colour.rgba());
    // Kept from call to call (a zoomed-out replot fills one per series, each the plot's size),
    // up to a screen's worth: an export larger than that lets them go once drawn.
    // `edges` is all zeros between calls: the pass clears every count it reads.
    constexpr size_t kKeptPixels = size_t(3840) * 2160;
    thread_local std::vector<int32_t> edges;
    thread_local std::vector<int32_t> depth; // the rectangles over each column of a row
    thread_local std::vector<QRgb> image;
    const auto draw = [&] {
        painter->drawImage(extent.topLeft(),
                           QImage(reinterpret_cast<const uchar*>(image.data()), width, height,
                                  width * static_cast<qsizetype>(sizeof(QRgb)),
                                  QImage::Format_ARGB32_Premultiplied));
        if (image.size() > kKeptPixels)
            image = {};
        if (edges.size() > kKeptPixels)
            edges = {};
    };
    // Painting row by row clears the image and costs each rectangle a step per row besides its
    // pixels; counting costs each rectangle its width twice, and the pass about three steps per
    // pixel of the extent.
    // The rectangles within the extent, relative to it: [left, right) × [top, bottom).
    struct Span {
        int left, right, top, bottom;
    };
    thread_local std::vector<Span> spans;
    spans.clear();
    qint64 rowByRow = qint64(area);
    qint64 counting = 3 * qint64(area);
    for (const QRect& r : rects) {
        const Span s{std::max(r.left(), extent.left()) - extent.left(),
                     std::min(r.left() + r.width(), extent.left() + width) - extent.left(),
                     std::max(r.top(), extent.top()) - extent.top(),
                     std::min(r.top() + r.height(), extent.top() + height) - extent.top()};
        if (s.right <= s.left || s.bottom <= s.top)
            continue;
        spans.push_back(s);
        rowByRow += qint64(s.bottom - s.top) * (6 + s.right - s.left);
        counting += 2 * qint64(s.right - s.left) + 8;
    }
    if (rowByRow <= counting) {
        image.assign(area, 0);
        for (const Span& r : spans) {
            QRgb* row = image.data() + static_cast<size_t>(r.top) * width + r.left;
            for (int y = r.top; y < r.bottom; ++y, row += width)
                std::fill_n(row, r.right - r.left, pixel);
        }
        draw();
        return;
    }
    if (edges.size() < area)
        edges.resize(area, 0);
    depth.assign(static_cast<size_t>(width), 0);
    image.resize(area);
    for (const Span& r : spans) {
        int32_t* const starts = edges.data() + static_cast<size_t>(r.top) * width + r.left;
        for (int x = 0; x < r.right - r.left; ++x)
            ++starts[x];
        if (r.bottom < height) {
            int32_t* const ends = edges.data() + static_cast<size_t>(r.bottom) * width + r.left;
            for (int x = 0; x < r.right - r.left; ++x)
                --ends[x];
        }
    }
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i ink = _mm_set1_epi32(static_cast<int>(pixel));
#endif
    for (int y = 0; y < height; ++y) {
        int32_t* const row = edges.data() + static_cast<size_t>(y) * width;
        QRgb* const out = image.data() + static_cast<size_t>(y) * width;
        int x = 0;
#if defined(__SSE2__)
        for (; x + 4 <= width; x += 4) {
            auto* const counts = reinterpret_cast<__m128i*>(depth.data() + x);
            auto* const changes = reinterpret_cast<__m128i*>(row + x);
            const __m128i over = _mm_add_epi32(_mm_loadu_si128(counts), _mm_loadu_si128(changes));
            _mm_storeu_si128(counts, over);
            _mm_storeu_si128(changes, zero);
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out + x),
                             _mm_and_si128(_mm_cmpgt_epi32(over, zero), ink));
        }
#endif
        for (; x < width; ++x) {
            depth[static_cast<size_t>(x)] += row[x];
            row[x] = 0;
            out[x] = depth[static_cast<size_t>(x)] > 0 ? pixel : 0;
        }
    }
    draw();
}

// Hands each of a step line's "on" intervals to `sink` as a rectangle (left, top, width,
// height; see fillAxisAlignedLine). Returns false, before handing any, when a segment is neither
// horizontal nor vertical.
template <typename Sink>
bool forEachLineRect(const QPen& pen, const QVector<QPointF>& lines, Sink&& sink) {
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
            if (horizontal)
                sink(low, a.y() - half, extent, width);
            else
                sink(a.x() - half, low, width, extent);
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
    return true;
}

// Whole-pixel rectangles and their bounding rectangle, gathered as they are made.
struct PixelRects {
    std::vector<QRect> rects;
    int left = std::numeric_limits<int>::max(), top = std::numeric_limits<int>::max();
    int right = std::numeric_limits<int>::min(), bottom = std::numeric_limits<int>::min();

    // The pixels [left, right) × [top, bottom), when there are any.
    void add(int l, int t, int r, int b) {
        if (r <= l || b <= t)
            return;
        rects.push_back(QRect(l, t, r - l, b - t));
        left = std::min(left, l);
        top = std::min(top, t);
        right = std::max(right, r);
        bottom = std::max(bottom, b);
    }
    void add(const QRect& r) { add(r.left(), r.top(), r.left() + r.width(), r.top() + r.height()); }
    // The pixels whose centres the rectangle covers.
    void addCovered(double x, double y, double width, double height) {
        add(firstCentrePast(x), firstCentrePast(y), firstCentrePast(x + width),
            firstCentrePast(y + height));
    }
    // No rectangles, the vector's room kept.
    void clear() {
        rects.clear();
        left = top = std::numeric_limits<int>::max();
        right = bottom = std::numeric_limits<int>::min();
    }
    QRect bounds() const {
        return rects.empty() ? QRect() : QRect(left, top, right - left, bottom - top);
    }
};

// The area the rectangles cover, within the painter's clip.
QRect paintedExtent(const QPainter* painter, const PixelRects& pixels) {
    QRect extent = pixels.bounds();
    if (painter->hasClipping())
        extent &= painter->clipBoundingRect().toAlignedRect();
    return extent;
}

// Whether painting the union over `extent` costs less than the raster engine's span per row of
// each rectangle: when the rows to fill are many for the area the rectangles span (a zoomed-out
// envelope's columns) rather than a few lines across it. A span costs the engine about as much
// as clearing and laying on sixteen pixels of the image (gantt_bench, under callgrind).
bool unionPays(const std::vector<QRect>& pixels, const QRect& extent) {
    qint64 rows = 0;
    for (const QRect& r : pixels)
        rows += r.height();
    return rows * 16 > qint64(extent.width()) * extent.height();
}

// Fills whole-pixel rectangles with the painter's brush: as their union (fillUnion) when each
// pixel must be painted once (`eachOnce`: a translucent line's overlapping rectangles) or when
// that costs less (unionPays), else rectangle by rectangle.
void fillPixels(QPainter* painter, const PixelRects& pixels, bool eachOnce) {
    const QRect extent = paintedExtent(painter, pixels);
    const QBrush& brush = painter->brush();
    if (brush.style() == Qt::SolidPattern && (eachOnce || unionPays(pixels.rects, extent)))
        fillUnion(painter, pixels.rects, extent, brush.color());
    else
        painter->drawRects(pixels.rects.data(), static_cast<int>(pixels.rects.size()));
}

} // namespace

bool fillsWholePixels(const QPainter* painter) {
    const QTransform& transform = painter->transform();
    return !painter->testRenderHint(QPainter::Antialiasing) &&
           transform.type() <= QTransform::TxTranslate &&
           transform.dx() == std::floor(transform.dx()) &&
           transform.dy() == std::floor(transform.dy());
}

bool fillAxisAlignedLine(QPainter* painter, const QPen& pen, const QVector<QPointF>& lines) {
    if (fillsWholePixels(painter)) {
        // The same pixels as whole-pixel rectangles, which the raster engine fills span by
        // span instead of rasterizing each edge; a translucent line's union, so that it blends
        // once where they overlap.
        thread_local PixelRects pixels;
        pixels.clear();
        if (!forEachLineRect(pen, lines, [](double x, double y, double w, double h) {
                pixels.addCovered(x, y, w, h);
            }))
            return false;
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(pen.color());
        fillPixels(painter, pixels, pen.color().alpha() < 255);
        painter->restore();
        // The rectangles' room is kept for the next line, up to what a screen's worth of a
        // dashed envelope makes: a larger export lets it go.
        constexpr size_t kKeptRects = size_t(1) << 18;
        if (pixels.rects.capacity() > kKeptRects)
            pixels.rects = {};
        return true;
    }
    std::vector<QRectF> rects;
    if (!forEachLineRect(pen, lines, [&rects](double x, double y, double w, double h) {
            rects.emplace_back(x, y, w, h);
        }))
        return false;
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen.color());
    painter->drawRects(rects.data(), static_cast<int>(rects.size()));
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
    PixelRects pixels;
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
            pixels.add(run);
        run = bottom > top ? QRect(column, top, 1, bottom - top) : QRect();
    }
    if (!run.isEmpty())
        pixels.add(run);
    painter->save();
    painter->setPen(Qt::NoPen);
    // Zoomed out, the runs are columns of a pixel or two, hundreds of rows tall: filled as their
    // union (the same pixels, as they do not overlap) instead of a span per row each.
    fillPixels(painter, pixels, false);
    painter->restore();
    return true;
}

} // namespace jobscope::ui
