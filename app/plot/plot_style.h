// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the timeline plot and the Pod Gantt draw alike: the playhead's colour and fonts sized in
// pixels (both scale their text with the size they are drawn or exported at).

#include <QColor>
#include <QFont>
#include <QSize>

class QCustomPlot;

#include <algorithm>
#include <cmath>

namespace jobscope::ui {

inline const QColor kPlayheadColor(230, 85, 13);
// The active Pods' line (the timeline plot) and area (its overview strip).
inline const QColor kActiveSeriesColor(31, 119, 180);

// The scale of fonts, pens and margins for a drawing of `size` pixels: 1 at 1280×720, within
// [0.85, 2.5]. A composite export (the dashboard) gives all its parts one scale instead.
inline double styleScaleFor(const QSize& size) {
    constexpr double kReferenceWidth = 1280;
    constexpr double kReferenceHeight = 720;
    const double w = std::max(1, size.width());
    const double h = std::max(1, size.height());
    return std::clamp(std::min(w / kReferenceWidth, h / kReferenceHeight), 0.85, 2.5);
}

inline QFont pixelFont(const QFont& base, double pixels, bool bold = false) {
    QFont font(base);
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(pixels))));
    font.setBold(bold);
    return font;
}

// The smallest text `plot` draws as laid out now: the visible axes' tick labels and the legend's
// entries, in pixels (0 when it draws none). A slide reads it to hold a room's least type size.
int smallestTextPixels(const QCustomPlot& plot);

} // namespace jobscope::ui
