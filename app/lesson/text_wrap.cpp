// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/text_wrap.h"

#include <QTextLayout>
#include <QTextOption>

namespace jobscope::ui {

namespace {

// The fewest characters the last line may have.
constexpr int kLastLineMinimum = 3;

QStringList wrapAt(const QString& text, const QFont& font, double width) {
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList lines;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

} // namespace

QStringList balancedLines(const QString& text, const QFont& font, double width) {
    const QStringList natural = wrapAt(text, font, width);
    if (natural.size() < 2 || natural.last().size() >= kLastLineMinimum)
        return natural;
    for (double w = width * 0.97; w >= width * 0.8; w *= 0.97) {
        const QStringList lines = wrapAt(text, font, w);
        if (lines.size() == natural.size() && lines.last().size() >= kLastLineMinimum)
            return lines;
    }
    return natural;
}

} // namespace jobscope::ui
