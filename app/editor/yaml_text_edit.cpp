// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/yaml_text_edit.h"

#include "editor/yaml_highlighter.h"

#include <QFocusEvent>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace jobscope::ui {

class YamlTextEdit::LineNumberArea : public QWidget {
public:
    explicit LineNumberArea(YamlTextEdit* editor) : QWidget(editor), editor_(editor) {}
    QSize sizeHint() const override { return {editor_->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { editor_->paintLineNumbers(event); }

private:
    YamlTextEdit* editor_;
};

namespace {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

YamlTextEdit::YamlTextEdit(QWidget* parent) : QPlainTextEdit(parent) {
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(std::max(font.pointSizeF(), 10.0));
    setFont(font);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * kIndent);
    highlighter_ = new YamlHighlighter(document());
    lineNumbers_ = new LineNumberArea(this);

    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy != 0)
            lineNumbers_->scroll(0, dy);
        else
            lineNumbers_->update(0, rect.y(), lineNumbers_->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &YamlTextEdit::updateSelections);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    updateColours();
}

int YamlTextEdit::lineNumberAreaWidth() const {
    int digits = 1;
    for (int lines = std::max(1, blockCount()); lines >= 10; lines /= 10)
        ++digits;
    digits = std::max(digits, 3);
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void YamlTextEdit::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    lineNumbers_->setGeometry(area.left(), area.top(), lineNumberAreaWidth(), area.height());
}

void YamlTextEdit::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateColours();
}

void YamlTextEdit::updateColours() {
    highlighter_->setDark(isDarkPalette(palette()));
    updateSelections();
    lineNumbers_->update();
}

void YamlTextEdit::paintLineNumbers(QPaintEvent* event) {
    QPainter painter(lineNumbers_);
    const QPalette& p = palette();
    painter.fillRect(event->rect(), p.color(QPalette::AlternateBase));
    const int current = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int width = lineNumbers_->width() - 6;
    QList<int> errorLines = underlinedLines();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            QColor colour = p.color(QPalette::PlaceholderText);
            if (errorLines.contains(line))
                colour = QColor(QStringLiteral("#d32f2f"));
            else if (block.blockNumber() == current)
                colour = p.color(QPalette::Text);
            painter.setPen(colour);
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight,
                             QString::number(line));
        }
        block = block.next();
        top += height;
    }
}

void YamlTextEdit::setDiagnostics(const QVector<DocumentDiagnostic>& diagnostics) {
    underlines_.clear();
    const int lines = document()->blockCount();
    for (const DocumentDiagnostic& d : diagnostics) {
        // Unknown lines go to the first line, lines past the end to the last: still visible.
        const int line = std::clamp(d.line, 1, std::max(1, lines));
        const QString text = document()->findBlockByNumber(line - 1).text();
        int start = 0;
        int end = 0;
        if (d.line > 0 && d.column > 0 && d.column - 1 < text.size()) {
            // The token at the column: to the next space, comma, bracket or comment.
            start = d.column - 1;
            end = start;
            while (end < text.size() && !text[end].isSpace() &&
                   !QStringLiteral(",]}#").contains(text[end]))
                ++end;
            if (end == start)
                end = static_cast<int>(text.size());
        }
        if (end <= start) {
            // No column (or none inside the line): the whole line, indentation aside.
            start = 0;
            while (start < text.size() && text[start].isSpace())
                ++start;
            end = static_cast<int>(text.size());
            if (end <= start) {
                start = 0;
                end = std::max(1, end);
            }
        }
        underlines_.push_back({line, start, end - start, d.error, d.message});
    }
    updateSelections();
    lineNumbers_->update();
}

QList<int> YamlTextEdit::underlinedLines() const {
    QList<int> lines;
    for (const Underline& u : underlines_)
        if (u.error && !lines.contains(u.line))
            lines.push_back(u.line);
    std::sort(lines.begin(), lines.end());
    return lines;
}

void YamlTextEdit::updateSelections() {
    QList<QTextEdit::ExtraSelection> selections;
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection line;
        QColor colour = palette().color(QPalette::Highlight);
        colour.setAlpha(isDarkPalette(palette()) ? 40 : 22);
        line.format.setBackground(colour);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = textCursor();
        line.cursor.clearSelection();
        selections.append(line);
    }
    QColor matchColour(QStringLiteral("#fdd835"));
    matchColour.setAlpha(isDarkPalette(palette()) ? 90 : 110);
    for (int i = 0; i < searchMarks_.size(); ++i) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = searchMarks_[i];
        QColor colour = matchColour;
        if (i == currentMark_)
            colour = QColor(QStringLiteral("#ff9800"));
        mark.format.setBackground(colour);
        selections.append(mark);
    }
    for (const Underline& u : underlines_) {
        const QTextBlock block = document()->findBlockByNumber(u.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection underline;
        underline.cursor = QTextCursor(document());
        underline.cursor.setPosition(block.position() + u.start);
        underline.cursor.setPosition(
            std::min(block.position() + u.start + u.length, block.position() + block.length() - 1),
            QTextCursor::KeepAnchor);
        underline.format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        underline.format.setUnderlineColor(u.error ? QColor(QStringLiteral("#e53935"))
                                                   : QColor(QStringLiteral("#f9a825")));
        underline.format.setToolTip(u.message);
        selections.append(underline);
    }
    setExtraSelections(selections);
}

bool YamlTextEdit::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        // The message of the diagnostic under the mouse.
        auto* help = static_cast<QHelpEvent*>(event);
        const QTextCursor at = cursorForPosition(help->pos());
        const int line = at.blockNumber() + 1;
        const int column = at.positionInBlock();
        QStringList messages;
        for (const Underline& u : underlines_)
            if (u.line == line && column >= u.start && column <= u.start + u.length)
                messages << u.message;
        if (messages.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), messages.join(QLatin1Char('\n')), this);
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void YamlTextEdit::setSearchMatches(const QVector<qsizetype>& starts, qsizetype length, int current,
                                    int around) {
    searchMarks_.clear();
    currentMark_ = -1;
    const int count = static_cast<int>(starts.size());
    const int centre = around >= 0 ? around : std::max(current, 0);
    const int first =
        std::clamp(centre - kMaxMarkedMatches / 2, 0, std::max(0, count - kMaxMarkedMatches));
    const int last = std::min(count, first + kMaxMarkedMatches);
    for (int i = first; i < last; ++i) {
        QTextCursor cursor(document());
        cursor.setPosition(static_cast<int>(starts[i]));
        cursor.setPosition(static_cast<int>(starts[i] + length), QTextCursor::KeepAnchor);
        if (i == current)
            currentMark_ = static_cast<int>(searchMarks_.size());
        searchMarks_.push_back(cursor);
    }
    updateSelections();
}

void YamlTextEdit::goTo(int line, int column) {
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    editing_ = true; // the user asked to go there
    QTextCursor cursor(block);
    cursor.setPosition(block.position() +
                       std::clamp(column - 1, 0, std::max(0, block.length() - 1)));
    setTextCursor(cursor);
    centerCursor();
}

void YamlTextEdit::replaceTextUndoably(const QString& text, const std::optional<QString>& current) {
    const QString old = current ? *current : toPlainText();
    if (old == text)
        return;
    qsizetype prefix = 0;
    const qsizetype shortest = std::min(old.size(), text.size());
    while (prefix < shortest && old[prefix] == text[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shortest - prefix &&
           old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.setPosition(static_cast<int>(prefix));
    cursor.setPosition(static_cast<int>(old.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
    cursor.endEditBlock();
}

bool YamlTextEdit::event(QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride && (!editing_ || isReadOnly())) {
        // Not editing (a read-only text never is): a plain key that is also a window shortcut
        // goes to the window. Keys with Ctrl or Alt (undo, copy...) are the editor's either way.
        const auto* key = static_cast<QKeyEvent*>(event);
        if (!(key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier))) {
            event->ignore();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void YamlTextEdit::mousePressEvent(QMouseEvent* event) {
    editing_ = true;
    QPlainTextEdit::mousePressEvent(event);
}

void YamlTextEdit::focusOutEvent(QFocusEvent* event) {
    if (event->reason() != Qt::PopupFocusReason && event->reason() != Qt::ActiveWindowFocusReason)
        editing_ = false;
    QPlainTextEdit::focusOutEvent(event);
}

void YamlTextEdit::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_Meta:
        break;
    default:
        editing_ = true; // a key that reached the editor: it was meant for the text
    }
    if (isReadOnly()) {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    QTextCursor cursor = textCursor();
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier &&
        !cursor.hasSelection()) {
        const int column = cursor.positionInBlock();
        cursor.insertText(QString(kIndent - column % kIndent, QLatin1Char(' ')));
        return;
    }
    if (event->key() == Qt::Key_Backtab || (event->key() == Qt::Key_Tab && cursor.hasSelection())) {
        // Indent or outdent every selected line.
        const bool outdent = event->key() == Qt::Key_Backtab;
        const QTextBlock first = document()->findBlock(cursor.selectionStart());
        const QTextBlock last = document()->findBlock(std::max(
            cursor.selectionStart(), cursor.selectionEnd() - (cursor.hasSelection() ? 1 : 0)));
        QTextCursor edit(document());
        edit.beginEditBlock();
        for (QTextBlock block = first; block.isValid(); block = block.next()) {
            edit.setPosition(block.position());
            if (outdent) {
                int spaces = 0;
                while (spaces < kIndent && spaces < block.text().size() &&
                       block.text()[spaces] == u' ')
                    ++spaces;
                edit.setPosition(block.position() + spaces, QTextCursor::KeepAnchor);
                edit.removeSelectedText();
            } else {
                edit.insertText(QString(kIndent, QLatin1Char(' ')));
            }
            if (block == last)
                break;
        }
        edit.endEditBlock();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        !(event->modifiers() & ~Qt::KeypadModifier)) {
        const QString line = cursor.block().text().left(cursor.positionInBlock());
        int indent = 0;
        while (indent < line.size() && line[indent] == u' ')
            ++indent;
        const QString trimmed = line.trimmed();
        if (trimmed.endsWith(QLatin1Char(':')))
            indent += kIndent;
        else if (trimmed.startsWith(QLatin1String("- ")))
            indent += kIndent; // the item's next key lines up after the dash
        cursor.beginEditBlock();
        cursor.insertText(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
        cursor.endEditBlock();
        setTextCursor(cursor);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace jobscope::ui
