// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the timeline plot and the Pod Gantt draw alike: the playhead's colour and fonts sized in
// pixels (both scale their text with the size they are drawn or exported at).

#include <QColor>
#include <QFont>

#include <algorithm>
#include <cmath>

namespace jobscope::ui {

inline const QColor kPlayheadColor(230, 85, 13);

inline QFont pixelFont(const QFont& base, double pixels, bool bold = false) {
    QFont font(base);
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(pixels))));
    font.setBold(bold);
    return font;
}

} // namespace jobscope::ui
