// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The YAML text editor: a monospace QPlainTextEdit with line numbers, YAML colours, the
// current line marked, wavy underlines at the diagnostics' line and column (their messages as
// tooltips), and keys that suit YAML: Tab indents with spaces, Shift+Tab outdents, Enter keeps
// the indentation (one step deeper after "key:").
//
// Keys the window also uses as shortcuts (Space, the arrows, Home, End, + and -: playback) stay
// with the window until the user is editing here: from a click into the text, a jump to a
// diagnostic or a search match, or a key typed into the editor, until the focus leaves it (a
// menu or another window aside). Focus that merely arrives (Tab, a file opened, the window
// activated) does not take them, so Space plays whatever has the focus until the user starts
// editing; a click or a typed character shows the intent, not the time since the last one.

#include "gui/job_document.h"

#include <QPlainTextEdit>

#include <optional>

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

    // Marks search matches (each `length` characters from its start), `current` (an index in
    // `starts`, -1 for none) more strongly; at most kMaxMarkedMatches around `around` (the
    // current one unless given), as marking costs for each. Cleared by an empty list.
    static constexpr int kMaxMarkedMatches = 1000;
    void setSearchMatches(const QVector<qsizetype>& starts, qsizetype length, int current,
                          int around = -1);
    int markedMatchCount() const { return static_cast<int>(searchMarks_.size()); }

    // Moves the cursor to a 1-based line and column (0: the line's first character).
    void goTo(int line, int column);
    // Replaces the whole text by `text` as one undoable step that touches only the part that
    // differs (so the view and the cursor stay where they are).
    // `current` is the text as it is, when the caller has it already (a large text's copy
    // costs milliseconds).
    void replaceTextUndoably(const QString& text, const std::optional<QString>& current = {});

    int lineNumberAreaWidth() const;

    // Whether the user is editing here (see above): the editor keeps the window's plain keys.
    bool isEditing() const { return editing_; }
    void setEditing(bool editing) { editing_ = editing; }

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
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
    QVector<QTextCursor> searchMarks_; // they follow edits of the text
    int currentMark_ = -1;             // index in searchMarks_
    bool editing_ = false;
};

} // namespace jobscope::ui
