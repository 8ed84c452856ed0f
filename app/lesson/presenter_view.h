// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The presenter view of presentation mode (N): what only the presenter sees — where the talk
// is, the current step's speaker notes, the caption the room reads, the next slide, and the
// time since the presentation began. It opens on a second screen when there is one.

#include "lesson/lesson_deck.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QTimer;

namespace jobscope::ui {

class LessonSlideRenderer;

class PresenterView : public QWidget {
    Q_OBJECT

public:
    PresenterView(std::shared_ptr<const LessonDeck> deck, bool chinese, QWidget* parent = nullptr);
    ~PresenterView() override;

    // Shows (scene, step): its notes, its caption and the slide after it.
    void showStep(int scene, int step);
    void setChinese(bool chinese);

    // What is shown, for tests.
    QString notesText() const;
    QString positionText() const;
    QString elapsedText() const;
    bool hasNextSlide() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void tick();

    std::shared_ptr<const LessonDeck> deck_;
    std::unique_ptr<LessonSlideRenderer> renderer_;
    int scene_ = 0;
    int step_ = 0;
    QLabel* position_ = nullptr;
    QLabel* elapsed_ = nullptr;
    QLabel* notes_ = nullptr;
    QLabel* caption_ = nullptr;
    QLabel* nextHeading_ = nullptr;
    QLabel* next_ = nullptr;
    QTimer* clock_ = nullptr;
    QElapsedTimer started_;
};

} // namespace jobscope::ui
