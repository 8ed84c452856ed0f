// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/plot_style.h"

#include <qcustomplot.h>

#include <limits>

namespace jobscope::ui {

int smallestTextPixels(const QCustomPlot& plot) {
    int smallest = std::numeric_limits<int>::max();
    const auto consider = [&](const QFont& font) {
        smallest = std::min(smallest, font.pixelSize());
    };
    for (QCPAxisRect* rect : plot.axisRects())
        if (rect->visible())
            for (QCPAxis* axis : rect->axes())
                if (axis->visible() && axis->tickLabels())
                    consider(axis->tickLabelFont());
    if (plot.legend && plot.legend->visible())
        for (int i = 0; i < plot.legend->itemCount(); ++i)
            if (QCPAbstractLegendItem* entry = plot.legend->item(i))
                consider(entry->font());
    return smallest == std::numeric_limits<int>::max() ? 0 : smallest;
}

} // namespace jobscope::ui
