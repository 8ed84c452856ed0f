// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Find and replace in a text, for the editor's find bar: every match of a term (with or
// without case, whole words only if asked), which match comes at or after a position, and the
// text with every match replaced. Plain functions on strings, so the bar only presents them.

#include <QString>
#include <QStringView>
#include <QVector>

namespace jobscope::ui {

struct SearchOptions {
    bool matchCase = false;
    bool wholeWord = false; // the match neither starts nor ends inside a word
};

// Start offsets of the non-overlapping matches of `term` in `text`, in order (each
// term.size() long). Nothing for an empty term.
QVector<qsizetype> findAll(QStringView text, QStringView term, SearchOptions options);

// The index of the first match starting at or after `position`, wrapping to the first; -1
// when there is none.
int matchAtOrAfter(const QVector<qsizetype>& matches, qsizetype position);

// `text` with each of `matches` (offsets of `length` characters, from findAll) replaced by
// `replacement`.
QString replaceMatches(QStringView text, const QVector<qsizetype>& matches, qsizetype length,
                       QStringView replacement);

} // namespace jobscope::ui
