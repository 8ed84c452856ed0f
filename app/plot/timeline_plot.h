// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The timeline plot: requested parallelism against active Pods over time, with
// every difference explained. Used by the GUI and by the headless PNG export.
//
//   title
//   ┌ Pods ────────────────────────────────────────────────┐  annotations (text + arrow) at
//   │  requested ┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄  │  the moments a cause starts,
//   │  active ▁▁▃▃▃▃▃▃▃▃▃▁▃▃▃▃▃▃  (gap to requested shaded)  │  placed in the headroom
//   ├ causes ──────────────────────────────────────────────┤
//   │  ▕lag▏ ▕ quota exceeded ▏ ▕backoff▏                   │  one row per cause
//   └ time (s) ────────────────────────────────────────────┘
//   legend
//
// Fonts, pens and the layout of labels scale with the size the plot is drawn at, so the same
// plot is readable at 800×450 and at 1920×1080.

#include "analysis/analysis.h"
#include "analysis/summary.h"
#include "run/moment.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCustomPlot;
class QCPAbstractLegendItem;
class QCPPainter;
class QCPAxisRect;
class QCPGraph;
class QCPGraphData;
class QCPItemLine;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCPLayer;
class QCPLegend;
class QCPTextElement;
class QMouseEvent;
class QWheelEvent;

namespace jobscope::ui {

class StepEnvelope;

// A recorded run behind a what-if of it (JobDocument::openWhatif), on the same time axis: its
// active Pods (and its requested parallelism where the what-if's differs) after the fork as thin
// reference lines, the fork marked, and how the two differ in a line under the title.
struct PlotReference {
    std::shared_ptr<const Run> run; // null: no reference
    double forkAt = 0;              // seconds since the Job's creation
    QString note;                   // the difference, as the caller words it ("" for none)
};

class TimelinePlot : public QWidget {
    Q_OBJECT

public:
    enum class Series { Requested, Active, Running, Pending, Terminating, Gap };

    explicit TimelinePlot(QWidget* parent = nullptr);
    ~TimelinePlot() override;

    // Shows `run`. Times are drawn in seconds since its origin (the Job's creation), up to its
    // end and a short tail after it that shows the final state. Replaces whatever was shown
    // before; null shows nothing under `title`.
    void setRun(std::shared_ptr<const Run> run, const QString& title, PlotReference reference = {});
    // An analysis made elsewhere (tests, benchmarks), as the run runOfAnalysis makes of it.
    void setAnalysis(const Analysis& analysis, const QString& title, Seconds origin = 0,
                     std::optional<Seconds> end = std::nullopt);

    QCustomPlot* customPlot() const { return plot_; }
    QCPAxisRect* mainRect() const { return main_; }
    QCPAxisRect* causeLane() const { return lane_; }
    // The step line of `series`. Up to a few thousand points it holds the whole series; above,
    // what the last layout needs: per pixel column of the Pods rect, over the time range shown,
    // the points that draw the same line (StepEnvelope), rebuilt when the range or the width
    // changes, exports included.
    QCPGraph* graph(Series series) const;
    // The reference's lines (whole when short, else reduced as graph() is), its fork marker in
    // the Pods rect, and the difference line; null or "" without a reference (the requested line
    // also when the what-if's requested parallelism equals the recording's).
    QCPGraph* recordedActiveGraph() const { return recordedActive_; }
    QCPGraph* recordedRequestedGraph() const { return recordedRequested_; }
    QCPItemStraightLine* forkLine() const { return forkMain_; }
    QCPItemText* forkLabel() const { return forkLabel_; }
    QString referenceNote() const;

    // The cause ids of the lane's rows, top to bottom (first appearance in time).
    QStringList causeRows() const;
    // Bands drawn in the cause lane (intervals of the same cause closer than a sliver of the
    // time span are drawn as one band).
    int causeBandCount() const { return static_cast<int>(bands_.size()); }
    // Cause starts that could get an annotation (starts at the same moment are merged).
    int annotationCandidateCount() const { return static_cast<int>(annotations_.size()); }
    // Annotations shown after the last layout; the others did not fit without overlapping.
    int visibleAnnotationCount() const;
    // The annotation texts shown after the last layout, left to right.
    QStringList visibleAnnotationTexts() const;
    int legendEntryCount() const;

    // Draws the plot at `size` pixels, fonts and labels laid out for that size, or for the font
    // `scale` when it is given (one scale for every part of a composite export).
    QImage renderImage(const QSize& size, double scale = 0);
    // The same onto `painter` at its origin: a PDF's painter keeps lines and text as vectors.
    void render(QCPPainter* painter, const QSize& size, double scale = 0);
    // The smallest text the last renderImage or render drew, in pixels (smallestTextPixels):
    // ticks, the cause lane's row names, the legend.
    int renderedTextPixels() const { return renderedTextPixels_; }
    // Writes renderImage(size) as a PNG, atomically (a temporary file renamed at the end).
    // On failure returns false and, if `error` is given, says why.
    bool savePng(const QString& path, const QSize& size, QString* error = nullptr);

    // Interaction and playback. All times are x values: seconds since the origin.
    // The playhead is a vertical line on its own layer: moving it replots only that layer.
    // Hidden until the first call; NaN hides it again.
    void setPlayhead(double time);
    double playhead() const;
    // Hides what happens after `time` (the data, the cause bands, their callouts) behind a
    // curtain of the background's colour, on the whole time axis: a classroom predicts, then
    // plays. nullopt shows everything (the default).
    void setRevealUntil(std::optional<double> time);
    std::optional<double> revealUntil() const { return revealUntil_; }
    QCPLayer* playheadLayer() const { return playheadLayer_; }
    // The playhead's lines in the Pods rect and in the cause lane.
    QCPItemStraightLine* playheadLine() const { return playheadMain_; }
    QCPItemStraightLine* playheadLaneLine() const { return playheadLane_; }
    // Wheel zoom and pan on the time axis (drag with the middle button, or drag the axis'
    // labels), hover tooltips, legend clicks toggling series, click or drag in the plot to
    // scrub, Shift+drag to select a range. Off by default (headless exports); the GUI turns it on.
    void setInteractive(bool interactive);
    bool isInteractive() const { return interactive_; }
    // A view below draws the same time axis (the main window's Gantt): the lane leaves out its
    // time labels, giving the chart their room. Exported images keep them, unless `inImages`
    // (a slide draws the Gantt under the image).
    void setTimeAxisBelow(bool below, bool inImages = false);
    // The most of the plot's height the cause lane may take (a quarter by default): a slide
    // gives it more, so that its row names keep the slide's type size.
    void setLaneMaxShare(double share);
    bool isTimeAxisBelow() const { return timeAxisBelow_; }
    // Shows [lower, upper] on the time axis (the Gantt's range, kept equal by the main window).
    void setTimeRange(double lower, double upper);
    // The most Pods any series reaches, and a floor for the Pods axis' top: plots side by side
    // (Compare, a lesson's two runs) share one scale so that equal heights mean equal Pods.
    double valueMax() const { return valueMax_; }
    void setValueMaxAtLeast(double pods);
    // What hovering at `time` shows: the series values and the causes in force, explained.
    QString hoverText(double time) const;
    void setSeriesVisible(Series series, bool visible);
    // What a series is, in one sentence (the legend entry's tooltip).
    static QString seriesDescription(Series series);
    bool isSeriesVisible(Series series) const;
    // The x range of the data (the widest the user can zoom out to).
    double dataStart() const { return xStart_; }
    double dataEnd() const { return xEnd_; }

    // The range selected with Shift+drag (times in seconds since the origin) and what happened
    // in it; kept when the run is shown again (a live update, an edit), cleared by a click.
    std::optional<RangeSummary> selectedRange() const;
    void selectRange(double from, double to);
    void clearSelection();
    // The selection's label: its duration, Pod-seconds and completions ("" without one).
    QString selectionText() const;

signals:
    void timeRangeChanged(double lower, double upper); // the user zoomed or panned
    // The user selected [from, to] (from < to) with Shift+drag, or cleared it (NaN, NaN).
    void rangeSelected(double from, double to);
    void scrubbed(double time); // the user clicked or dragged on the plot to move the playhead

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override; // retranslate; restyle on a palette change

private:
    struct Band {
        QCPItemRect* rect = nullptr;
        QCPItemText* label = nullptr;
        double start = 0;
        double end = 0;
        int row = 0;
        bool primary = false;
        QString cause;
        // The label's size as last measured, and the text and font it was measured in: a
        // replot lays out every band, and measuring shapes the text.
        QString measuredText;
        QFont measuredFont;
        QSizeF measuredSize;
    };
    struct Annotation {
        QCPItemText* text = nullptr;
        QCPItemLine* arrow = nullptr;
        double time = 0;
        double value = 0;    // active Pods just after `time`: where the arrow points
        int tier = 0;        // placement order: lower first (see buildCauses)
        double duration = 0; // of the longest band starting here; longer goes first
        QStringList causes;  // cause ids starting here
        QStringList labels;  // their translated names
    };

    void clearContent();
    void buildSeries(const Analysis& analysis, double origin, double end);
    void buildReference(double xEnd);
    void buildCauses(const Analysis& analysis, double origin, double xStart, double dataEnd,
                     double xEnd);
    void applyStyle(const QSize& size, double scale = 0); // 0: the scale for `size`
    void layoutOverlays(); // after each layout pass: series' detail, annotation rows, band labels
    // Gives the graphs of a long series their reduction to the time range and width shown.
    void updateLevelOfDetail();
    void applyValueRange(); // the Pods axis from valueMax_ and valueFloor_
    QVector<QCPGraphData> gapPoints(QVector<QCPGraphData> active) const;
    void layoutBands();
    void layoutAnnotations();
    double activeAt(double time) const;
    void createPlayhead();
    void placePlayhead();
    // A full replot at the next turn of the event loop (QCustomPlot's queued replot), noted so
    // that a playhead move meanwhile leaves the drawing to it.
    void queueReplot();
    QCPItemRect* makeSpanItem(QCPAxisRect* rect, const QString& name);
    void createSelection();
    void createCurtain();
    void placeCurtain();
    void placeSelection();
    void restyleLegendEntries();
    // The colour of text and lines on the plot's background: the palette's text colour.
    QColor inkColor() const;
    void retranslate();
    // Interaction (setInteractive).
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void onWheel(QWheelEvent* event);
    void onLegendClick(QCPLegend* legend, QCPAbstractLegendItem* item, QMouseEvent* event);
    bool inPlotArea(const QPointF& position) const;
    bool onTimeAxis(const QPointF& position) const;
    double timeAtPixel(double x) const;
    void scrubTo(double x);
    // Applies a user's zoom or pan, kept inside the data, and tells the listeners.
    void applyUserRange(double lower, double upper);

    QCustomPlot* plot_ = nullptr;
    QCPAxisRect* main_ = nullptr;
    QCPAxisRect* lane_ = nullptr;
    QCPTextElement* title_ = nullptr;
    QVector<QCPGraph*> graphs_; // by Series
    QStringList rows_;
    std::vector<Band> bands_;
    std::vector<Annotation> annotations_;
    // The whole series by Series, the gap's excepted (it is the active Pods'), for the level of
    // detail and the annotations' arrows.
    std::vector<StepEnvelope> series_;
    bool reduced_ = false; // too long to draw every point: the graphs hold reductions
    // The reference's active and requested Pods from the fork on, and whether they are too long
    // to draw every point.
    std::vector<StepEnvelope> referenceSeries_;
    bool referenceReduced_ = false;
    double lodLower_ = 0; // the time range and width the graphs were reduced for
    double lodUpper_ = 0;
    int lodColumns_ = 0;
    double valueMax_ = 1;
    double valueFloor_ = 0; // setValueMaxAtLeast
    double styleScale_ = 1;

    // What is shown, for hover texts and retranslation.
    std::shared_ptr<const Run> run_;
    QString titleText_;
    PlotReference reference_;
    QCPTextElement* note_ = nullptr; // under the title: the reference's note
    QCPGraph* recordedActive_ = nullptr;
    QCPGraph* recordedRequested_ = nullptr;
    QCPItemStraightLine* forkMain_ = nullptr;
    QCPItemStraightLine* forkLane_ = nullptr;
    QCPItemText* forkLabel_ = nullptr;
    double xStart_ = 0;
    double xEnd_ = 1;
    QVector<bool> hidden_; // by Series

    QCPLayer* playheadLayer_ = nullptr;
    QFont laneRowFont_; // the lane's row names as the style sets them
    std::optional<double> revealUntil_;
    QCPItemRect* curtainMain_ = nullptr;
    QCPItemRect* curtainLane_ = nullptr;
    double gapEnd_ = 0; // where the gap's shading ends: the Job's finish (infinity: none)
    QCPItemStraightLine* playheadMain_ = nullptr;
    QCPItemStraightLine* playheadLane_ = nullptr;
    double playhead_;
    bool interactive_ = false;
    bool timeAxisBelow_ = false;
    int renderedTextPixels_ = 0;                         // renderedTextPixels
    bool rendering_ = false;                             // inside renderImage
    bool replotQueued_ = false;                          // queueReplot, until the next replot
    bool timeAxisBelowImages_ = false;                   // setTimeAxisBelow's inImages
    double laneMaxShare_ = 0.25;                         // setLaneMaxShare
    std::optional<std::pair<double, double>> selection_; // as dragged: either order
    QCPItemRect* selectionMain_ = nullptr;
    QCPItemRect* selectionLane_ = nullptr;
    QCPItemText* selectionLabel_ = nullptr;
    enum class Drag { None, Scrub, Pan, Select };
    Drag drag_ = Drag::None;
    double dragStartX_ = 0;
    double dragStartLower_ = 0;
    double dragStartUpper_ = 0;
};

} // namespace jobscope::ui
