// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/text_search.h"

#include <algorithm>

namespace jobscope::ui {

namespace {

bool isWordCharacter(QChar c) {
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

QVector<qsizetype> findAll(QStringView text, QStringView term, SearchOptions options) {
    QVector<qsizetype> matches;
    if (term.isEmpty())
        return matches;
    const Qt::CaseSensitivity cs = options.matchCase ? Qt::CaseSensitive : Qt::CaseInsensitive;
    for (qsizetype at = text.indexOf(term, 0, cs); at >= 0; at = text.indexOf(term, at, cs)) {
        const qsizetype end = at + term.size();
        if (options.wholeWord && ((at > 0 && isWordCharacter(text[at - 1])) ||
                                  (end < text.size() && isWordCharacter(text[end])))) {
            ++at;
            continue;
        }
        matches.push_back(at);
        at = end;
    }
    return matches;
}

int matchAtOrAfter(const QVector<qsizetype>& matches, qsizetype position) {
    if (matches.isEmpty())
        return -1;
    const auto found = std::lower_bound(matches.begin(), matches.end(), position);
    return found == matches.end() ? 0 : static_cast<int>(found - matches.begin());
}

QString replaceMatches(QStringView text, const QVector<qsizetype>& matches, qsizetype length,
                       QStringView replacement) {
    QString out;
    out.reserve(text.size() + matches.size() * (replacement.size() - length));
    qsizetype from = 0;
    for (const qsizetype at : matches) {
        out += text.mid(from, at - from);
        out += replacement;
        from = at + length;
    }
    out += text.mid(from);
    return out;
}

} // namespace jobscope::ui
