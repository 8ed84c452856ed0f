// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/yaml_highlighter.h"

#include <QRegularExpression>

namespace jobscope::ui {

namespace {

// Block state: -1 outside a block scalar; n >= 0 inside one whose key or dash is at column
// n - 1 (its lines are indented deeper than that).
constexpr int kNormal = -1;

bool isSpace(QChar c) {
    return c == u' ' || c == u'\t';
}
bool isFlowIndicator(QChar c) {
    return c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}';
}

// Past the closing quote of the string opening at `at` (the line's end when unclosed).
int quotedEnd(const QString& text, int at) {
    const QChar quote = text[at];
    int i = at + 1;
    while (i < text.size()) {
        if (quote == u'"' && text[i] == u'\\') {
            i += 2;
            continue;
        }
        if (text[i] == quote) {
            if (quote == u'\'' && i + 1 < text.size() && text[i + 1] == u'\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return static_cast<int>(text.size());
}

// Whether a ':' at `at` ends a key: followed by a space, the line's end, or (in flow) a comma
// or a closing bracket.
bool endsKey(const QString& text, int at, bool inFlow) {
    if (at >= text.size() || text[at] != u':')
        return false;
    if (at + 1 >= text.size() || isSpace(text[at + 1]))
        return true;
    return inFlow && isFlowIndicator(text[at + 1]);
}

// A mapping key starting at `at`: [at, keyEnd) is the key and `colon` the ':' after it.
bool findKey(const QString& text, int at, bool inFlow, int& keyEnd, int& colon) {
    const QChar first = text[at];
    if (first == u'"' || first == u'\'') {
        const int end = quotedEnd(text, at);
        int i = end;
        while (i < text.size() && isSpace(text[i]))
            ++i;
        if (!endsKey(text, i, inFlow))
            return false;
        keyEnd = end;
        colon = i;
        return true;
    }
    if (QStringLiteral("&*!|>%@`#").contains(first))
        return false;
    for (int i = at; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'#' && i > at && isSpace(text[i - 1]))
            return false;
        if (inFlow && isFlowIndicator(c))
            return false;
        if (endsKey(text, i, inFlow)) {
            int end = i;
            while (end > at && isSpace(text[end - 1]))
                --end;
            if (end == at)
                return false;
            keyEnd = end;
            colon = i;
            return true;
        }
    }
    return false;
}

bool isNumber(const QString& word) {
    static const QRegularExpression number(QStringLiteral(
        R"(^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|)"
        R"([-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|\d+(?:\.\d+)?(?:ms|s|m|h|Ki|Mi|Gi|Ti|k|M|G|T))$)"));
    return number.match(word).hasMatch();
}

bool isKeyword(const QString& word) {
    static const QStringList keywords = {
        QStringLiteral("true"),  QStringLiteral("false"), QStringLiteral("True"),
        QStringLiteral("False"), QStringLiteral("TRUE"),  QStringLiteral("FALSE"),
        QStringLiteral("yes"),   QStringLiteral("no"),    QStringLiteral("Yes"),
        QStringLiteral("No"),    QStringLiteral("on"),    QStringLiteral("off"),
        QStringLiteral("null"),  QStringLiteral("Null"),  QStringLiteral("NULL"),
        QStringLiteral("~")};
    return keywords.contains(word);
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {}

void YamlHighlighter::setDark(bool dark) {
    if (dark == dark_)
        return;
    dark_ = dark;
    rehighlight();
}

QTextCharFormat YamlHighlighter::formatFor(Role role) const {
    QTextCharFormat format;
    auto colour = [this](const char* light, const char* dark) {
        return QColor(QString::fromLatin1(dark_ ? dark : light));
    };
    switch (role) {
    case Role::Key:
        format.setForeground(colour("#1a4f9c", "#79b8ff"));
        format.setFontWeight(QFont::DemiBold);
        break;
    case Role::String:
        format.setForeground(colour("#2e7d32", "#a5d6a7"));
        break;
    case Role::Number:
        format.setForeground(colour("#b35900", "#f0a35e"));
        break;
    case Role::Keyword:
        format.setForeground(colour("#7b1fa2", "#d2a8ff"));
        break;
    case Role::Comment:
        format.setForeground(colour("#6a737d", "#8b949e"));
        format.setFontItalic(true);
        break;
    case Role::DocumentMarker:
        format.setForeground(colour("#c2185b", "#ff7eb6"));
        format.setFontWeight(QFont::Bold);
        break;
    case Role::Anchor:
        format.setForeground(colour("#00838f", "#56d4dd"));
        break;
    }
    return format;
}

void YamlHighlighter::highlightBlock(const QString& text) {
    const int length = static_cast<int>(text.size());
    int indent = 0;
    while (indent < length && isSpace(text[indent]))
        ++indent;
    const int previous = previousBlockState();
    if (previous >= 0) {
        // Inside a block scalar: blank lines and deeper lines are its text.
        if (indent == length) {
            setCurrentBlockState(previous);
            return;
        }
        if (indent > previous - 1) {
            setFormat(indent, length - indent, formatFor(Role::String));
            setCurrentBlockState(previous);
            return;
        }
    }
    setCurrentBlockState(kNormal);

    int i = 0;
    if ((text.startsWith(QStringLiteral("---")) || text.startsWith(QStringLiteral("..."))) &&
        (length == 3 || isSpace(text[3]))) {
        setFormat(0, 3, formatFor(Role::DocumentMarker));
        i = 3;
    }
    int flowDepth = 0;
    int owner = -1; // the column of the key or dash a block scalar on this line belongs to
    while (i < length) {
        const QChar c = text[i];
        if (isSpace(c)) {
            ++i;
            continue;
        }
        if (c == u'#' && (i == 0 || isSpace(text[i - 1]))) {
            setFormat(i, length - i, formatFor(Role::Comment));
            break;
        }
        if ((c == u'-' || c == u'?') && flowDepth == 0 &&
            (i + 1 == length || isSpace(text[i + 1]))) {
            owner = i;
            ++i;
            continue;
        }
        if (c == u'[' || c == u'{') {
            ++flowDepth;
            ++i;
            continue;
        }
        if (c == u']' || c == u'}') {
            flowDepth = std::max(0, flowDepth - 1);
            ++i;
            continue;
        }
        if (c == u',') {
            ++i;
            continue;
        }
        int keyEnd = 0;
        int colon = 0;
        if (findKey(text, i, flowDepth > 0, keyEnd, colon)) {
            setFormat(i, keyEnd - i, formatFor(Role::Key));
            if (flowDepth == 0)
                owner = i;
            i = colon + 1;
            continue;
        }
        if ((c == u'|' || c == u'>') && flowDepth == 0) {
            // A block scalar header (with its chomping / indentation indicators).
            int end = i + 1;
            while (end < length && !isSpace(text[end]))
                ++end;
            setFormat(i, end - i, formatFor(Role::Keyword));
            setCurrentBlockState(owner + 1);
            i = end;
            continue;
        }
        i = highlightToken(text, i, flowDepth > 0);
    }
}

int YamlHighlighter::highlightToken(const QString& text, int at, bool inFlow) {
    const int length = static_cast<int>(text.size());
    const QChar c = text[at];
    if (c == u'"' || c == u'\'') {
        const int end = quotedEnd(text, at);
        setFormat(at, end - at, formatFor(Role::String));
        return end;
    }
    if (c == u'&' || c == u'*' || c == u'!') {
        int end = at + 1;
        while (end < length && !isSpace(text[end]) && !(inFlow && isFlowIndicator(text[end])))
            ++end;
        setFormat(at, end - at, formatFor(Role::Anchor));
        return end;
    }
    // A plain scalar: to the line's end, a comment, or (in flow) the next indicator.
    int end = at;
    while (end < length) {
        if (text[end] == u'#' && end > at && isSpace(text[end - 1]))
            break;
        if (inFlow && isFlowIndicator(text[end]))
            break;
        ++end;
    }
    int wordEnd = end;
    while (wordEnd > at && isSpace(text[wordEnd - 1]))
        --wordEnd;
    const QString word = text.mid(at, wordEnd - at);
    if (isNumber(word))
        setFormat(at, wordEnd - at, formatFor(Role::Number));
    else if (isKeyword(word))
        setFormat(at, wordEnd - at, formatFor(Role::Keyword));
    return std::max(end, at + 1);
}

} // namespace jobscope::ui
