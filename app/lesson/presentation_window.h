// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Presentation mode: a lesson full-screen, driven by the keyboard or a presenter
// clicker.
//
//   → Space PageDown  next step (then the next scene)    ← PageUp  previous step
//   Home              first scene                         1–9       jump to that scene
//   P                 play / pause the scene's timeline   + -       faster / slower
//   B                 blank screen (any key but Esc undoes it)
//   N                 the presenter view: speaker notes, the next slide, the time (on a
//                     second screen when there is one)
//   K                 the knobs of the scene's scenario: turning one shows what the run would
//                     do (a what-if, until Reset or another scene); Esc hides them
//   Esc               leave
//
// The mouse cursor hides after a moment without movement. The slides are drawn by
// LessonSlideRenderer at the window's size.

#include "lesson/lesson_deck.h"

#include <QElapsedTimer>
#include <QImage>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>

class QLabel;
class QPushButton;
class QTimer;

namespace jobscope::ui {

class KnobPanel;
class LessonSlideRenderer;
class PresenterView;

class PresentationWindow : public QWidget {
    Q_OBJECT

public:
    PresentationWindow(std::shared_ptr<const LessonDeck> deck, bool chinese,
                       QWidget* parent = nullptr);
    ~PresentationWindow() override;

    int currentScene() const { return scene_; }
    int currentStep() const { return step_; }
    bool isPlaying() const { return playTime_.has_value() && playing_; }
    // The playhead while playing or paused between steps; unset when it sits on the step.
    std::optional<double> playTime() const { return playTime_; }
    double speed() const { return speed_; }
    bool isBlank() const { return blank_; }
    bool cursorHidden() const;

    // Scene texts in Chinese or English (the main window calls it when the UI language changes).
    void setChinese(bool chinese);

    void goTo(int scene, int step);
    void nextStep();
    void previousStep();
    void togglePlay();
    void faster();
    void slower();
    void toggleBlank();
    // Shows or hides the presenter view (created on first use).
    void togglePresenterView();
    // The presenter view, or nullptr before N was first pressed.
    PresenterView* presenterView() const { return presenterView_; }
    // Shows or hides the knobs of the current scene (a scene of words has none).
    void toggleKnobs();
    // The knob panel, or nullptr before K was first pressed.
    KnobPanel* knobPanel() const { return knobPanel_; }
    bool knobsShown() const;
    // The what-if the knobs made of the current scene: its caption ("" for none).
    QString whatIfCaption() const { return whatIfCaption_; }
    // Back to the lesson's run of the scene, and its knobs to the lesson's values.
    void resetWhatIf();

    // What the window shows now, at `size` (the window's size when empty).
    QImage currentSlide(QSize size = {});

signals:
    void positionChanged(int scene, int step);

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void advancePlayback();
    void showCursor();
    void invalidate();
    double sceneEnd() const;
    void retranslate();
    void placeKnobs();
    void loadKnobs();
    void knobTurned(const QString& key);

    std::shared_ptr<const LessonDeck> deck_;
    std::unique_ptr<LessonSlideRenderer> renderer_;
    int scene_ = 0;
    int step_ = 0;
    std::optional<double> playTime_;
    bool playing_ = false;
    double speed_ = 2;
    bool blank_ = false;
    QTimer* playTimer_ = nullptr;
    QTimer* cursorTimer_ = nullptr;
    QImage cache_;
    PresenterView* presenterView_ = nullptr; // a window of its own; deleted with this one
    // Scene numbers above 9: digits typed within a second of each other make one number.
    QString typedScene_;
    QElapsedTimer typedAt_;
    // The knobs (K): a panel over the slide's right edge, the scenario text they edit, the
    // knobs turned (in order, for the caption) and the what-if's caption.
    QWidget* knobBox_ = nullptr;
    KnobPanel* knobPanel_ = nullptr;
    QLabel* knobTitle_ = nullptr;
    QLabel* knobError_ = nullptr;
    QPushButton* knobReset_ = nullptr;
    std::string whatIfText_;
    QStringList turnedKnobs_;
    QString whatIfCaption_;
};

} // namespace jobscope::ui
