// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Syntax colours for the YAML editor: mapping keys, quoted strings, numbers, booleans and nulls,
// comments, document markers (--- and ...), anchors, aliases and tags, and the lines of block
// scalars (| and >). A line-by-line scanner, not a parser: it only colours, the engine reads.

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace jobscope::ui {

class YamlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    enum class Role { Key, String, Number, Keyword, Comment, DocumentMarker, Anchor };

    explicit YamlHighlighter(QTextDocument* document);

    // Light or dark colours (the editor follows its palette).
    void setDark(bool dark);
    bool isDark() const { return dark_; }
    QTextCharFormat formatFor(Role role) const;

protected:
    void highlightBlock(const QString& text) override;

private:
    bool dark_ = false;
    // Colours one token of a value; returns where the scan goes on.
    int highlightToken(const QString& text, int at, bool inFlow);
};

} // namespace jobscope::ui
