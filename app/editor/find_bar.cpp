// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/find_bar.h"

#include "editor/text_search.h"
#include "editor/yaml_text_edit.h"

#include <QCheckBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace jobscope::ui {

namespace {

// After an edit of the text the matches are searched again after this pause, not for every
// keystroke (the text may be megabytes).
constexpr int kTextChangedPause = 200; // ms

QToolButton* makeButton(QWidget* parent, const char* name) {
    auto* button = new QToolButton(parent);
    button->setObjectName(QString::fromLatin1(name));
    button->setAutoRaise(true);
    return button;
}

} // namespace

FindBar::FindBar(YamlTextEdit* edit, QWidget* parent) : QWidget(parent), edit_(edit) {
    setObjectName(QStringLiteral("findBar"));
    findEdit_ = new QLineEdit(this);
    findEdit_->setObjectName(QStringLiteral("findField"));
    findEdit_->setClearButtonEnabled(true);
    previous_ = makeButton(this, "findPrevious");
    previous_->setArrowType(Qt::UpArrow);
    next_ = makeButton(this, "findNext");
    next_->setArrowType(Qt::DownArrow);
    matchCase_ = new QCheckBox(this);
    matchCase_->setObjectName(QStringLiteral("matchCase"));
    wholeWord_ = new QCheckBox(this);
    wholeWord_->setObjectName(QStringLiteral("wholeWord"));
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("matchCount"));
    close_ = makeButton(this, "findClose");
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    replaceRow_ = new QWidget(this);
    replaceLabel_ = new QLabel(replaceRow_);
    replaceEdit_ = new QLineEdit(replaceRow_);
    replaceEdit_->setObjectName(QStringLiteral("replaceField"));
    replace_ = makeButton(replaceRow_, "replace");
    replaceAll_ = makeButton(replaceRow_, "replaceAll");
    replaceLabel_->setBuddy(replaceEdit_);

    // The term keeps room for a word or two; in a narrow pane the options take a row of their
    // own (placeOptions) rather than squeeze it.
    findEdit_->setMinimumWidth(findEdit_->fontMetrics().averageCharWidth() * 14);
    findRow_ = new QHBoxLayout;
    findRow_->setContentsMargins(0, 0, 0, 0);
    findRow_->addWidget(findEdit_, 1);
    findRow_->addWidget(previous_);
    findRow_->addWidget(next_);
    findRow_->addWidget(count_);
    findRow_->addWidget(matchCase_);
    findRow_->addWidget(wholeWord_);
    findRow_->addWidget(close_);
    optionsRow_ = new QHBoxLayout;
    optionsRow_->setContentsMargins(0, 0, 0, 0);
    auto* replaceLayout = new QHBoxLayout(replaceRow_);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(replaceLabel_);
    replaceLayout->addWidget(replaceEdit_, 1);
    replaceLayout->addWidget(replace_);
    replaceLayout->addWidget(replaceAll_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(findRow_);
    layout->addLayout(optionsRow_);
    layout->addWidget(replaceRow_);

    textChangedPause_ = new QTimer(this);
    textChangedPause_->setSingleShot(true);
    textChangedPause_->setInterval(kTextChangedPause);
    connect(textChangedPause_, &QTimer::timeout, this, [this] { search(Then::KeepCursor); });
    connect(edit_, &QPlainTextEdit::textChanged, this, [this] {
        if (isVisible() && !findEdit_->text().isEmpty())
            textChangedPause_->start();
    });
    const auto searchAgain = [this] { search(); };
    connect(findEdit_, &QLineEdit::textChanged, this, searchAgain);
    connect(matchCase_, &QCheckBox::toggled, this, searchAgain);
    connect(wholeWord_, &QCheckBox::toggled, this, searchAgain);
    connect(next_, &QToolButton::clicked, this, &FindBar::findNext);
    connect(previous_, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(close_, &QToolButton::clicked, this, &FindBar::close);
    connect(replace_, &QToolButton::clicked, this, &FindBar::replaceCurrent);
    connect(replaceAll_, &QToolButton::clicked, this, &FindBar::replaceAll);
    findEdit_->installEventFilter(this);
    replaceEdit_->installEventFilter(this);
    retranslate();
    hide();
}

void FindBar::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    placeOptions();
}

void FindBar::placeOptions() {
    // What one row needs: every part of the find row at its preferred width.
    int oneRow = findEdit_->minimumWidth() * 3 / 2;
    for (QWidget* part : {static_cast<QWidget*>(previous_), static_cast<QWidget*>(next_),
                          static_cast<QWidget*>(count_), static_cast<QWidget*>(matchCase_),
                          static_cast<QWidget*>(wholeWord_), static_cast<QWidget*>(close_)})
        oneRow += part->sizeHint().width() + findRow_->spacing();
    const bool own = width() < oneRow;
    if (own == optionsOnOwnRow())
        return;
    for (QCheckBox* box : {matchCase_, wholeWord_}) {
        (own ? findRow_ : optionsRow_)->removeWidget(box);
        if (own)
            optionsRow_->addWidget(box);
        else
            findRow_->insertWidget(findRow_->indexOf(close_), box);
    }
    if (own)
        optionsRow_->addStretch(1);
    else
        delete optionsRow_->takeAt(0); // the stretch
}

bool FindBar::optionsOnOwnRow() const {
    return optionsRow_->indexOf(matchCase_) >= 0;
}

bool FindBar::isReplaceShown() const {
    return !replaceRow_->isHidden();
}

void FindBar::open(bool replace) {
    replaceRow_->setVisible(replace && !edit_->isReadOnly());
    const QTextCursor cursor = edit_->textCursor();
    anchor_ = cursor.selectionStart();
    const QString selected = cursor.selectedText();
    show();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator) &&
        selected != findEdit_->text())
        findEdit_->setText(selected); // searches
    else
        search();
    findEdit_->setFocus(Qt::ShortcutFocusReason);
    findEdit_->selectAll();
}

void FindBar::dismiss() {
    textChangedPause_->stop();
    hide();
    matches_.clear();
    current_ = -1;
    edit_->setSearchMatches({}, 0, -1);
}

void FindBar::close() {
    dismiss();
    edit_->setFocus(Qt::ShortcutFocusReason);
    edit_->setEditing(true); // back to the text the user was searching
}

void FindBar::search(Then then) {
    textChangedPause_->stop();
    replaced_ = -1;
    const SearchOptions options{matchCase_->isChecked(), wholeWord_->isChecked()};
    const qsizetype length = findEdit_->text().size();
    matches_ = findAll(edit_->toPlainText(), findEdit_->text(), options);
    if (then == Then::Select) {
        current_ = matchAtOrAfter(matches_, anchor_);
        if (current_ >= 0)
            select(current_);
        else
            edit_->setSearchMatches({}, 0, -1);
    } else {
        const QTextCursor cursor = edit_->textCursor();
        const int at = matchAtOrAfter(matches_, cursor.selectionStart());
        const bool selected = at >= 0 && matches_[at] == cursor.selectionStart() &&
                              cursor.selectionEnd() - cursor.selectionStart() == length;
        current_ = selected ? at : -1;
        edit_->setSearchMatches(matches_, length, current_, at);
    }
    showCount();
}

int FindBar::fromCursor(bool forward) const {
    const QTextCursor cursor = edit_->textCursor();
    if (forward)
        return matchAtOrAfter(matches_, cursor.selectionEnd());
    const auto after = std::lower_bound(matches_.begin(), matches_.end(), cursor.selectionStart());
    return after == matches_.begin() ? static_cast<int>(matches_.size()) - 1
                                     : static_cast<int>(after - matches_.begin()) - 1;
}

void FindBar::select(int index) {
    current_ = index;
    const qsizetype start = matches_[index];
    QTextCursor cursor = edit_->textCursor();
    cursor.setPosition(static_cast<int>(start));
    cursor.setPosition(static_cast<int>(start + findEdit_->text().size()), QTextCursor::KeepAnchor);
    edit_->setTextCursor(cursor);
    edit_->centerCursor();
    edit_->setSearchMatches(matches_, findEdit_->text().size(), index);
    showCount();
}

void FindBar::findNext() {
    if (textChangedPause_->isActive())
        search();
    if (matches_.isEmpty())
        return;
    select(current_ < 0 ? fromCursor(true) : (current_ + 1) % static_cast<int>(matches_.size()));
    anchor_ = matches_[current_];
}

void FindBar::findPrevious() {
    if (textChangedPause_->isActive())
        search();
    if (matches_.isEmpty())
        return;
    const int count = static_cast<int>(matches_.size());
    select(current_ < 0 ? fromCursor(false) : (current_ - 1 + count) % count);
    anchor_ = matches_[current_];
}

void FindBar::replaceCurrent() {
    if (edit_->isReadOnly())
        return;
    if (textChangedPause_->isActive())
        search();
    if (matches_.isEmpty())
        return;
    if (current_ < 0) {
        select(fromCursor(true)); // show it first; the next Replace replaces it
        return;
    }
    QTextCursor cursor = edit_->textCursor();
    const qsizetype start = matches_[current_];
    if (cursor.selectionStart() != start ||
        cursor.selectionEnd() != start + findEdit_->text().size()) {
        select(current_); // show it first; the next Replace replaces it
        return;
    }
    cursor.insertText(replaceEdit_->text());
    // The next match after the replacement.
    anchor_ = start + replaceEdit_->text().size();
    search();
}

int FindBar::replaceAll() {
    if (edit_->isReadOnly())
        return 0;
    search(Then::KeepCursor);
    const int count = matchCount();
    if (count > 0) {
        const QString text = edit_->toPlainText();
        edit_->replaceTextUndoably(
            replaceMatches(text, matches_, findEdit_->text().size(), replaceEdit_->text()));
        anchor_ = edit_->textCursor().selectionStart();
        search();
    }
    replaced_ = count;
    showCount();
    return count;
}

void FindBar::showCount() {
    if (replaced_ >= 0)
        count_->setText(tr("%n replaced", nullptr, replaced_));
    else if (findEdit_->text().isEmpty())
        count_->clear();
    else if (matches_.isEmpty())
        count_->setText(tr("No matches"));
    else if (current_ < 0)
        count_->setText(tr("%n matches", nullptr, static_cast<int>(matches_.size())));
    else
        count_->setText(tr("%1 of %2").arg(current_ + 1).arg(matches_.size()));
    const bool any = !matches_.isEmpty();
    previous_->setEnabled(any);
    next_->setEnabled(any);
    replace_->setEnabled(any);
    replaceAll_->setEnabled(any);
}

bool FindBar::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (watched == replaceEdit_)
                replaceCurrent();
            else if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void FindBar::retranslate() {
    findEdit_->setPlaceholderText(tr("Find"));
    findEdit_->setAccessibleName(tr("Find"));
    replaceEdit_->setPlaceholderText(tr("Replace with"));
    replaceEdit_->setAccessibleName(tr("Replace with"));
    replaceLabel_->setText(tr("Replace:"));
    previous_->setToolTip(tr("Previous match (Shift+Enter)"));
    previous_->setAccessibleName(tr("Previous match"));
    next_->setToolTip(tr("Next match (Enter)"));
    next_->setAccessibleName(tr("Next match"));
    close_->setToolTip(tr("Close (Esc)"));
    close_->setAccessibleName(tr("Close the find bar"));
    matchCase_->setText(tr("Match case"));
    wholeWord_->setText(tr("Whole words"));
    replace_->setText(tr("Replace"));
    replaceAll_->setText(tr("Replace All"));
    // Room for a large count, so the row does not jump as it changes.
    const QFontMetrics metrics = count_->fontMetrics();
    count_->setMinimumWidth(
        std::max({metrics.horizontalAdvance(tr("%1 of %2").arg(88888).arg(88888)),
                  metrics.horizontalAdvance(tr("No matches")),
                  metrics.horizontalAdvance(tr("%n replaced", nullptr, 88888))}) +
        4);
    showCount();
}

} // namespace jobscope::ui
