// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/text_wrap.h"

#include <QFontMetricsF>
#include <QTextLayout>
#include <QTextOption>

#include <algorithm>
#include <optional>

namespace jobscope::ui {

namespace {

// The fewest characters the last line may have, and the least of the width it should fill (a
// word and its full stop alone under a wide line read as an afterthought).
constexpr int kLastLineMinimum = 3;
constexpr double kLastLineMinimumShare = 0.2;

} // namespace

QStringList wrappedLines(const QString& text, const QFont& font, double width) {
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

QStringList balancedLines(const QString& text, const QFont& font, double width) {
    const QFontMetricsF metrics(font);
    const auto fewCharacters = [](const QStringList& lines) {
        return lines.last().size() < kLastLineMinimum;
    };
    const auto narrow = [&](const QStringList& lines) {
        return metrics.horizontalAdvance(lines.last()) < kLastLineMinimumShare * width;
    };
    const QStringList natural = wrappedLines(text, font, width);
    if (natural.size() < 2 || (!fewCharacters(natural) && !narrow(natural)))
        return natural;
    // The first narrower wrap whose last line is wide enough, else the first with characters
    // enough, else Qt's.
    std::optional<QStringList> enoughCharacters;
    // Down to as narrow as the same number of lines allows (every line as long as the others).
    const double narrowest =
        std::max(width / 2, metrics.horizontalAdvance(text) / static_cast<double>(natural.size()));
    for (double w = width * 0.97; w >= narrowest; w *= 0.97) {
        const QStringList lines = wrappedLines(text, font, w);
        if (lines.size() != natural.size() || fewCharacters(lines))
            continue;
        if (!narrow(lines))
            return lines;
        if (!enoughCharacters)
            enoughCharacters = lines;
    }
    if (enoughCharacters)
        return *enoughCharacters;
    return natural;
}

} // namespace jobscope::ui
