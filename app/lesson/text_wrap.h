// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Lines for a slide's text: wrapped at a width as Qt wraps, but never leaving a last line of one
// or two characters, or a word alone under a wide line (Chinese wraps between any two
// characters, and a lone "。", "秒。" or "Pod。" on a line of its own reads badly from the back
// of a room): the width shrinks a little until the last line has company.

#include <QFont>
#include <QString>
#include <QStringList>

namespace jobscope::ui {

// The lines `text` takes in `font` at most `width` wide, the last one never of fewer than three
// characters nor narrower than a fifth of `width` when the text has more than one line (unless
// no narrower width with as many lines helps).
QStringList balancedLines(const QString& text, const QFont& font, double width);
// The lines as Qt wraps them (at word boundaries, or anywhere in Chinese).
QStringList wrappedLines(const QString& text, const QFont& font, double width);

} // namespace jobscope::ui
