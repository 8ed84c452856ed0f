// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/presenter_view.h"

#include "lesson/lesson_slide.h"

#include <QEvent>
#include <QFont>
#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QTimer>
#include <QVBoxLayout>

namespace jobscope::ui {

namespace {

// The next slide's picture: large enough to recognise, small beside the notes.
const QSize kNextSlideSize(480, 270);

QLabel* wrappingLabel(double pointScale, bool bold = false) {
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * pointScale);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

} // namespace

PresenterView::PresenterView(std::shared_ptr<const LessonDeck> deck, bool chinese, QWidget* parent)
    : QWidget(parent, Qt::Window), deck_(std::move(deck)),
      renderer_(std::make_unique<LessonSlideRenderer>(deck_, chinese)) {
    position_ = wrappingLabel(1.4, true);
    elapsed_ = wrappingLabel(1.4, true);
    elapsed_->setAlignment(Qt::AlignTop | Qt::AlignRight);
    notes_ = wrappingLabel(1.8);
    caption_ = wrappingLabel(1.1);
    caption_->setEnabled(false); // what the room reads: set back from the notes
    nextHeading_ = wrappingLabel(1.0, true);
    next_ = new QLabel;
    next_->setFixedSize(kNextSlideSize);
    next_->setAlignment(Qt::AlignCenter);

    auto* grid = new QGridLayout(this);
    grid->addWidget(position_, 0, 0);
    grid->addWidget(elapsed_, 0, 1);
    grid->addWidget(notes_, 1, 0, 2, 1);
    grid->addWidget(nextHeading_, 1, 1);
    grid->addWidget(next_, 2, 1, Qt::AlignTop);
    grid->addWidget(caption_, 3, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setRowStretch(2, 1);

    clock_ = new QTimer(this);
    clock_->setInterval(1000);
    connect(clock_, &QTimer::timeout, this, &PresenterView::tick);
    clock_->start();
    started_.start();
    resize(1280, 720);
    refresh();
}

PresenterView::~PresenterView() = default;

void PresenterView::showStep(int scene, int step) {
    scene_ = scene;
    step_ = step;
    refresh();
}

void PresenterView::setChinese(bool chinese) {
    renderer_->setChinese(chinese);
    refresh();
}

QString PresenterView::notesText() const {
    return notes_->text();
}

QString PresenterView::positionText() const {
    return position_->text();
}

QString PresenterView::elapsedText() const {
    return elapsed_->text();
}

bool PresenterView::hasNextSlide() const {
    return !next_->pixmap().isNull();
}

void PresenterView::refresh() {
    if (deck_->sceneCount() == 0)
        return;
    setWindowTitle(tr("Presenter view"));
    const LessonStep& step =
        deck_->lesson.scenes.at(static_cast<size_t>(scene_)).steps.at(static_cast<size_t>(step_));
    position_->setText(tr("Scene %1/%2 · Step %3/%4: %5")
                           .arg(scene_ + 1)
                           .arg(deck_->sceneCount())
                           .arg(step_ + 1)
                           .arg(deck_->stepCount(scene_))
                           .arg(renderer_->sceneTitle(scene_)));
    const std::string& notes = localized(step.notes, step.notesZh, renderer_->chinese());
    notes_->setText(notes.empty() ? tr("No notes for this step.") : QString::fromStdString(notes));
    caption_->setText(renderer_->caption(scene_, step_));

    int nextScene = scene_;
    int nextStep = step_ + 1;
    if (nextStep >= deck_->stepCount(scene_)) {
        ++nextScene;
        nextStep = 0;
    }
    if (nextScene < deck_->sceneCount()) {
        nextHeading_->setText(tr("Next"));
        next_->setPixmap(
            QPixmap::fromImage(renderer_->render(nextScene, nextStep, kNextSlideSize)));
    } else {
        nextHeading_->setText(tr("The last slide"));
        next_->setPixmap(QPixmap());
    }
    tick();
}

void PresenterView::tick() {
    const qint64 seconds = started_.elapsed() / 1000;
    elapsed_->setText(
        tr("%1:%2 since the start").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')));
}

void PresenterView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace jobscope::ui
