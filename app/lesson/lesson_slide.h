// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Draws one lesson step as a slide, for presentation mode and the PNG deck:
//
//   ┌──────────────────────────────────────────────────────────────────┐
//   │ Scene title                                     Scene 3/16 · 2/3 │  dark band
//   │ the scene's description                                          │
//   │ ┌ timeline plot (or two side by side, each with its figures) ┐   │
//   │ │            │ playhead at the step's time                   │   │
//   │ └────────────────────────────────────────────────────────────┘   │
//   │ The caption, in large text, with the numbers at this step.       │  dark band
//   └──────────────────────────────────────────────────────────────────┘
//
// Sizes are fractions of the slide's height, so the same slide reads at 1920×1080 on a screen
// and at 1280×720 on a projector; colours are high-contrast (white on near-black bands).

#include "lesson/lesson_deck.h"

#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <tuple>

class QCPPainter;

namespace jobscope::ui {

class PodGantt;
class TimelinePlot;

class LessonSlideRenderer {
    Q_DECLARE_TR_FUNCTIONS(LessonSlideRenderer)

public:
    LessonSlideRenderer(std::shared_ptr<const LessonDeck> deck, bool chinese);
    ~LessonSlideRenderer();
    LessonSlideRenderer(const LessonSlideRenderer&) = delete;
    LessonSlideRenderer& operator=(const LessonSlideRenderer&) = delete;

    void setChinese(bool chinese);
    bool chinese() const { return chinese_; }
    const LessonDeck& deck() const { return *deck_; }

    // The step's time on its scene's timeline and its filled caption.
    double stepTime(int scene, int step) const;
    QString caption(int scene, int step) const;
    QString sceneTitle(int scene) const;

    // The slide of (scene, step). `playTime` moves the playhead elsewhere (playing between
    // steps); the caption stays the step's, and a line of live numbers is added.
    QImage render(int scene, int step, const QSize& size,
                  std::optional<double> playTime = std::nullopt);
    // The same slide painted onto `painter` in the rectangle (0, 0, size): a PDF's painter keeps
    // its text and charts as vectors.
    void paint(QCPPainter& painter, int scene, int step, const QSize& size,
               std::optional<double> playTime = std::nullopt);

    // What a side-by-side slide says under a run at `time` (seconds since its origin): its
    // totals once it is over, else what it has cost so far.
    static QString runFigures(const Run& run, double time);

    // Presentation mode's knobs: the slides of `scene` show `run` (the scene's scenario with a
    // knob turned, its compare run as before) under `caption` instead of the step's, until
    // clearWhatIf or another what-if. Steps keep their times.
    void setWhatIf(int scene, std::shared_ptr<const SceneRun> run, const QString& caption);
    void clearWhatIf();
    std::optional<int> whatIfScene() const;
    // The runs a slide of `scene` shows: the deck's, or the what-if's.
    const SceneRun& sceneRun(int scene) const;

    // The charts a slide of `scene` draws, laid out as the last slide drawn left them (their
    // fonts and rectangles): the Pods plot, the compared run's beside it and the Pods' Gantt
    // under it (null when the scene has none).
    TimelinePlot* mainPlot(int scene);
    TimelinePlot* comparePlot(int scene);
    PodGantt* gantt(int scene);

    // Where a slide of `size` leaves room for a presenter's note of state (the playback speed):
    // the header's right end under the scene and step counter.
    static QRectF statusArea(const QSize& size);

private:
    struct ScenePlots;
    struct WhatIf;
    ScenePlots& plots(int scene);
    // The height the longest caption of `scene` takes wrapped to `width` in `font`: measured
    // once per scene and slide size (a playing slide is painted many times a second).
    double longestCaptionHeight(int scene, double width, const QFont& font);
    std::unique_ptr<ScenePlots> makePlots(int scene,
                                          const std::shared_ptr<const SceneRun>& run) const;

    std::shared_ptr<const LessonDeck> deck_;
    bool chinese_ = false;
    std::map<int, std::unique_ptr<ScenePlots>> plots_;
    std::map<std::tuple<int, double, int>, double> captionHeights_; // scene, width, font pixels
    std::unique_ptr<WhatIf> whatIf_;
};

} // namespace jobscope::ui
