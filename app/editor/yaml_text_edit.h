// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The YAML text editor: a monospace QPlainTextEdit with line numbers, YAML colours, the
// current line marked, wavy underlines at the diagnostics' line and column (their messages as
// tooltips), and keys that suit YAML: Tab indents with spaces, Shift+Tab outdents, Enter keeps
// the indentation (one step deeper after "key:").

#include "gui/job_document.h"

#include <QPlainTextEdit>

namespace jobscope::ui {

class YamlHighlighter;

class YamlTextEdit : public QPlainTextEdit {
    Q_OBJECT

public:
    static constexpr int kIndent = 2; // spaces per Tab

    explicit YamlTextEdit(QWidget* parent = nullptr);

    YamlHighlighter* highlighter() const { return highlighter_; }

    void setDiagnostics(const QVector<DocumentDiagnostic>& diagnostics);
    // Lines (1-based) that carry an error underline.
    QList<int> underlinedLines() const;
    // The underlined span of each diagnostic, for tests: (1-based line, 0-based start, length).
    struct Underline {
        int line = 0;
        int start = 0;
        int length = 0;
        bool error = true;
        QString message;
    };
    QVector<Underline> underlines() const { return underlines_; }

    // Moves the cursor to a 1-based line and column (0: the line's first character).
    void goTo(int line, int column);
    // Replaces the whole text by `text` as one undoable step that touches only the part that
    // differs (so the view and the cursor stay where they are).
    void replaceTextUndoably(const QString& text);

    int lineNumberAreaWidth() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    class LineNumberArea;
    friend class LineNumberArea;

    void paintLineNumbers(QPaintEvent* event);
    void updateSelections();
    void updateColours();

    YamlHighlighter* highlighter_ = nullptr;
    LineNumberArea* lineNumbers_ = nullptr;
    QVector<Underline> underlines_;
};

} // namespace jobscope::ui
