// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The editor's find bar: a term (Enter: next match, Shift+Enter: previous, Esc: close), match
// case and whole word, "3 of 12", every match marked in the text; and for an editable text a
// second row to replace the current match or all of them (one undo step). Typing a term
// selects its first match from where the search began. The matching is text_search.h's.

#include <QVector>
#include <QWidget>

class QCheckBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace jobscope::ui {

class YamlTextEdit;

class FindBar : public QWidget {
    Q_OBJECT

public:
    explicit FindBar(YamlTextEdit* edit, QWidget* parent = nullptr);

    // Shows the bar (with the replace row when asked and the text is editable), the term field
    // focused and holding the selected text if any.
    void open(bool replace);
    // Hides the bar and its marks; the focus goes back to the text.
    void close();
    // Hides the bar and its marks, the focus left where it is (another text opened).
    void dismiss();

    void findNext();
    void findPrevious();
    // Replaces the current match, if selected, and selects the next one.
    void replaceCurrent();
    // Replaces every match as one undoable edit; returns how many.
    int replaceAll();

    int matchCount() const { return static_cast<int>(matches_.size()); }
    int currentMatch() const { return current_; } // 0-based, -1 for none

    QLineEdit* findField() const { return findEdit_; }
    QLineEdit* replaceField() const { return replaceEdit_; }
    QLabel* countLabel() const { return count_; }
    QCheckBox* matchCaseBox() const { return matchCase_; }
    QCheckBox* wholeWordBox() const { return wholeWord_; }
    bool isReplaceShown() const;
    // Whether the options (match case, whole words) sit on a row below the term (a narrow bar).
    bool optionsOnOwnRow() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void placeOptions();
    // The matches again. Selecting: the first at or after the anchor becomes the current match
    // and is selected. Otherwise (the text changed while the user types in it) the cursor
    // stays, and the current match is the one selected, if any.
    enum class Then { Select, KeepCursor };
    void search(Then then = Then::Select);
    void select(int index);
    // The match to go to from the cursor when none is current: at or after it, or before it.
    int fromCursor(bool forward) const;
    void showCount();
    void retranslate();

    YamlTextEdit* edit_;
    QLineEdit* findEdit_;
    QLineEdit* replaceEdit_;
    QWidget* replaceRow_;
    QToolButton* previous_;
    QToolButton* next_;
    QToolButton* close_;
    QCheckBox* matchCase_;
    QCheckBox* wholeWord_;
    QLabel* count_;
    QToolButton* replace_;
    QToolButton* replaceAll_;
    QLabel* replaceLabel_;
    QHBoxLayout* findRow_;
    QHBoxLayout* optionsRow_;
    QTimer* textChangedPause_;
    QVector<qsizetype> matches_;
    int current_ = -1;
    qsizetype anchor_ = 0; // where the search began: typing a term finds from here
    int replaced_ = -1;    // shown after Replace All until the next search
};

} // namespace jobscope::ui
