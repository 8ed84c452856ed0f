// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Lines for a slide's text: wrapped at a width as Qt wraps, but never leaving a last line of one
// or two characters (Chinese wraps between any two characters, and a lone "。" or "秒。" on a
// line of its own reads badly from the back of a room): the width shrinks a little until the
// last line has company.

#include <QFont>
#include <QString>
#include <QStringList>

namespace jobscope::ui {

// The lines `text` takes in `font` at most `width` wide, the last one never of fewer than three
// characters when the text has more than one line (unless no width down to four fifths helps).
QStringList balancedLines(const QString& text, const QFont& font, double width);

} // namespace jobscope::ui
