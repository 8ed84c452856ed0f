// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/timeline_plot.h"

#include "plot/cause_labels.h"
#include "plot/cause_text.h"
#include "plot/plot_style.h"
#include "plot/png_file.h"
#include "plot/step_envelope.h"
#include "plot/step_line.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPixmap>
#include <QResizeEvent>
#include <QSaveFile>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>

namespace jobscope::ui {

namespace {

// What a plot shows before it is given a run: nothing, from t = 0.
std::shared_ptr<const Run> emptyRun() {
    static const auto empty = std::make_shared<const Run>();
    return empty;
}

// The top part of the Pods axis rect kept free of data for the annotations.
constexpr double kHeadroom = 0.3;
// Intervals of one cause closer than this fraction of the time span look like one band.
constexpr double kSliver = 0.002;
// A band shorter than this fraction of the time span is a sliver: drawn at least a few pixels
// wide, annotated last.
constexpr double kVisibleBand = 0.005;
// The time axis goes on this fraction of the span after the last change.
constexpr double kTail = 0.04;
// More cause starts than this are not worth an item each: only the first ones by priority.
constexpr int kMaxAnnotations = 400;
constexpr int kMaxAnnotationRows = 3;
// A cause with more bands than this plus one gets only its first start annotated.
constexpr int kMaxAnnotatedRepeats = 2;
// The causes a hover tooltip lists; of many Jobs the rest are summed up.
constexpr int kMaxHoverCauses = 8;
constexpr int kNoAnnotation = 100;
// A series of up to this many points is drawn point by point (and the graphs hold it whole);
// a longer one through its reduction to the pixels shown.
constexpr qsizetype kAllPoints = 4000;

// One wheel step (120 units) zooms the time axis by this factor.
constexpr double kWheelZoom = 0.85;
// The narrowest time window the user can zoom into, as a fraction of the data's span.
constexpr double kMinZoomSpan = 1e-4;
const QColor kHiddenSeriesText(160, 160, 160);
// The recording behind a what-if: muted, so that the what-if's own lines stand out.
const QColor kReferenceColor(140, 110, 170, 220);

struct SeriesStyle {
    QColor color;
    double width; // at scale 1
    Qt::PenStyle style;
};

SeriesStyle seriesStyle(TimelinePlot::Series series) {
    switch (series) {
    case TimelinePlot::Series::Requested:
        return {QColor(40, 40, 40), 2.4, Qt::DashLine};
    case TimelinePlot::Series::Active:
        return {kActiveSeriesColor, 3.2, Qt::SolidLine};
    case TimelinePlot::Series::Running:
        return {QColor(44, 160, 44, 210), 1.6, Qt::SolidLine};
    case TimelinePlot::Series::Pending:
        return {QColor(227, 119, 194, 230), 1.6, Qt::DashLine};
    case TimelinePlot::Series::Terminating:
        return {QColor(140, 86, 75, 230), 1.6, Qt::DashDotLine};
    case TimelinePlot::Series::Gap:
        return {QColor(31, 119, 180, 50), 0, Qt::NoPen};
    }
    return {Qt::black, 1, Qt::SolidLine};
}

constexpr int kSeriesCount = 6;

// A step line drawn in pieces. The raster engine fills a wide or dashed pen's outline scanline by
// scanline over all its edges at once, so a long line that zigzags (the Pods of many short waves,
// a column of the envelope after another) costs the square of its length; pieces of a few dozen
// segments cost their length. The pieces meet at the middle of a segment, flat caps against each
// other and dashes carried on, so they draw the one line's pixels; a translucent pen's pieces are
// drawn opaque into an image laid on with the pen's alpha, so that where they overlap they are
// not painted twice (in whole pixels its rectangles' union is filled instead, each pixel once). A
// channel fill is drawn in strips of whole pixel columns for the same reason: each pixel's centre
// lies in one strip, inside the strip's polygon exactly when inside the whole one (odd-even rule).
class StepGraph : public QCPGraph {
public:
    using QCPGraph::QCPGraph;

protected:
    void drawFill(QCPPainter* painter, QVector<QPointF>* lines) const override {
        const auto* other = dynamic_cast<const StepGraph*>(channelFillGraph());
        if (!other || lines->size() < 2 * kPiece || !drawsInPieces(painter)) {
            QCPGraph::drawFill(painter, lines);
            return;
        }
        if (painter->brush().style() == Qt::NoBrush || painter->brush().color().alpha() == 0)
            return;
        applyFillAntialiasingHint(painter);
        QVector<QPointF> otherLines;
        other->getLines(&otherLines, QCPDataRange(0, other->dataCount()));
        if (otherLines.size() < 2)
            return;
        const QRect area = painter->clipBoundingRect().toAlignedRect();
        if (fillAxisAlignedChannel(painter, *lines, otherLines, area))
            return;
        const double left = std::max(
            {static_cast<double>(area.left()), lines->first().x(), otherLines.first().x()});
        const double right = std::min(
            {static_cast<double>(area.right() + 1), lines->last().x(), otherLines.last().x()});
        for (double from = left; from < right;) {
            const double to = std::min(right, std::floor(from) + kStrip);
            QPolygonF polygon = stripOf(*lines, from, to);
            const QPolygonF back = stripOf(otherLines, from, to);
            for (auto it = back.rbegin(); it != back.rend(); ++it)
                polygon << *it;
            painter->drawPolygon(polygon);
            from = to;
        }
    }

    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override {
        const QPen pen = painter->pen();
        if (lines.size() < 2 * kPiece || pen.style() == Qt::NoPen || pen.color().alpha() == 0 ||
            !drawsInPieces(painter)) {
            QCPGraph::drawLinePlot(painter, lines);
            return;
        }
        applyDefaultAntialiasingHint(painter);
        if (pen.color().alpha() == 255) {
            drawLine(painter, pen, lines);
            return;
        }
        // In whole pixels a translucent line is filled as the union of its rectangles, each pixel
        // blended once, without the layer.
        if (fillsWholePixels(painter) && fillAxisAlignedLine(painter, pen, lines))
            return;
        // The image covers the line's own extent (a series near zero is a thin strip), as far
        // as its pen reaches past a point (a mitre cut at the miter limit), within the clip.
        QRectF extent = QPolygonF(lines).boundingRect();
        const double reach = std::max(1.0, pen.widthF()) * std::max(1.0, pen.miterLimit()) + 2;
        extent.adjust(-reach, -reach, reach, reach);
        const QRect area = painter->clipBoundingRect().intersected(extent).toAlignedRect();
        if (area.isEmpty())
            return;
        QImage layer(area.size(), QImage::Format_ARGB32_Premultiplied);
        layer.fill(Qt::transparent);
        QPainter layerPainter(&layer);
        layerPainter.setRenderHint(QPainter::Antialiasing,
                                   painter->testRenderHint(QPainter::Antialiasing));
        layerPainter.translate(-area.topLeft());
        QPen opaque = pen;
        QColor color = pen.color();
        color.setAlpha(255);
        opaque.setColor(color);
        drawLine(&layerPainter, opaque, lines);
        layerPainter.end();
        painter->save();
        painter->setOpacity(painter->opacity() * pen.color().alphaF());
        painter->drawImage(area.topLeft(), layer);
        painter->restore();
    }

private:
    static constexpr int kPiece = 48;    // segments per piece, about
    static constexpr double kStrip = 32; // pixels per strip of a fill

    // Vector output (PDF), transformed painters and unclipped ones (no area to cut) take the one
    // line or polygon.
    static bool drawsInPieces(const QCPPainter* painter) {
        return !painter->modes().testFlag(QCPPainter::pmVectorized) &&
               painter->worldTransform().isIdentity() && painter->hasClipping();
    }

    // The part of `line` (x never decreasing) between x = from and x = to, ends included.
    static QPolygonF stripOf(const QVector<QPointF>& line, double from, double to) {
        const auto byX = [](const QPointF& p, double x) { return p.x() < x; };
        const qsizetype first =
            std::lower_bound(line.begin(), line.end(), from, byX) - line.begin();
        const qsizetype end =
            std::upper_bound(line.begin(), line.end(), to,
                             [](double x, const QPointF& p) { return x < p.x(); }) -
            line.begin();
        const auto at = [&line](qsizetype i, double x) { // on the segment from i - 1 to i
            const QPointF a = line.at(i - 1);
            const QPointF b = line.at(i);
            return QPointF(x, a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x()));
        };
        QPolygonF part;
        if (first > 0 && first < line.size())
            part << at(first, from);
        for (qsizetype i = first; i < end; ++i)
            part << line.at(i);
        if (end > 0 && end < line.size())
            part << at(end, to);
        return part;
    }

    // A line of horizontal and vertical segments only (a step series and its envelope) as
    // rectangles, which the raster engine fills without stroking; any other in pieces.
    static void drawLine(QPainter* painter, const QPen& pen, const QVector<QPointF>& lines) {
        if (!fillAxisAlignedLine(painter, pen, lines))
            drawPieces(painter, pen, lines);
    }

    static void drawPieces(QPainter* painter, QPen pen, const QVector<QPointF>& lines) {
        painter->setPen(pen);
        const bool dashed = pen.style() != Qt::SolidLine;
        // Dash lengths and offsets are in pen widths.
        const double unit = std::max(1.0, pen.widthF());
        const double dashOffset = pen.dashOffset();
        double drawn = 0; // the length of the line before the piece
        double length = 0;
        QPolygonF piece;
        piece << lines.first();
        const auto draw = [&] {
            if (dashed) {
                pen.setDashOffset(dashOffset + drawn / unit);
                painter->setPen(pen);
            }
            painter->drawPolyline(piece);
            drawn += length;
        };
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QPointF from = lines.at(i - 1);
            const QPointF to = lines.at(i);
            const double segment = std::hypot(to.x() - from.x(), to.y() - from.y());
            // Cut only a segment long enough that each half keeps its joins whole.
            if (piece.size() > kPiece && segment > 2 * unit + 2 && i + 1 < lines.size()) {
                const QPointF middle = (from + to) / 2;
                piece << middle;
                length += segment / 2;
                draw();
                piece.clear();
                piece << middle;
                length = segment / 2;
            } else {
                length += segment;
            }
            piece << to;
        }
        draw();
    }
};

QColor textColorOn(const QColor& background) {
    // Rec. 601 luma: dark text on light bands, white on dark ones.
    const double luma =
        0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue();
    return luma > 140 ? QColor(20, 20, 20) : QColor(Qt::white);
}

} // namespace

TimelinePlot::TimelinePlot(QWidget* parent) : QWidget(parent), run_(emptyRun()) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    plot_ = new QCustomPlot(this);
    layout->addWidget(plot_);
    // Takes the keyboard focus on a click, so that the playback keys reach the window.
    setFocusPolicy(Qt::ClickFocus);
    plot_->setFocusPolicy(Qt::NoFocus);
    // The step lines and the gap between them are axis-aligned: antialiasing only blurs them,
    // and it makes a replot of thousands of steps several times slower (gantt_bench).
    // Items keep their own setting (antialiased, but for the cause lane's bands).
    plot_->setAntialiasedElements(QCP::aeAll & ~(QCP::aePlottables | QCP::aeFills | QCP::aeItems));
    plot_->setNotAntialiasedElements(QCP::aePlottables | QCP::aeFills);

    QCPLayoutGrid* grid = plot_->plotLayout();
    main_ = plot_->axisRect();
    grid->insertRow(0);
    title_ = new QCPTextElement(plot_, QString());
    grid->addElement(0, 0, title_);
    lane_ = new QCPAxisRect(plot_);
    grid->addElement(2, 0, lane_);
    main_->insetLayout()->take(plot_->legend);
    grid->addElement(3, 0, plot_->legend);
    grid->setRowStretchFactor(0, 0.001);
    grid->setRowStretchFactor(2, 0.001);
    grid->setRowStretchFactor(3, 0.001);
    // Under the title: a what-if's difference from its recording (in the layout when there is
    // one, as the title is).
    grid->insertRow(1);
    grid->setRowStretchFactor(1, 0.001);
    note_ = new QCPTextElement(plot_, QString());
    note_->setVisible(false);
    plot_->legend->setVisible(true);
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setBrush(Qt::NoBrush);
    plot_->legend->setFillOrder(QCPLegend::foColumnsFirst);

    // The lane and the Pods rect share the time axis: same left/right margins, same range.
    auto* margins = new QCPMarginGroup(plot_);
    main_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    lane_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    QCPAxis* mainTime = main_->axis(QCPAxis::atBottom);
    QCPAxis* laneTime = lane_->axis(QCPAxis::atBottom);
    connect(mainTime, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), laneTime,
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(laneTime, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), mainTime,
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    mainTime->setTickLabels(false);
    main_->axis(QCPAxis::atLeft)->setLabel(tr("Pods"));
    auto podTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    podTicker->setTickStep(1);
    podTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    main_->axis(QCPAxis::atLeft)->setTicker(podTicker);
    laneTime->setLabel(tr("time since the Job was created (s)"));
    // The lane's rows are named on its left axis: the legend lists only the series, so that it
    // stays one short line and a cause is never taken for the line of the same name.
    QCPAxis* laneRows = lane_->axis(QCPAxis::atLeft);
    laneRows->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    laneRows->setTicks(true); // QCustomPlot draws tick labels only with the ticks (no pen below)
    laneRows->setTickLabels(true);
    laneRows->grid()->setVisible(false);
    laneRows->setRangeReversed(true);
    // Zoom, pan and scrub are handled here (setInteractive), not by QCustomPlot's own range
    // drag, so that a drag can scrub and a zoom stays inside the data.
    plot_->setInteractions(QCP::Interactions());

    // The playhead is drawn on a buffered layer of its own: moving it repaints that layer only.
    // It lies above every other layer (its lines are clipped to their axis rects), so that the
    // plot has two paint buffers, the rest and the playhead: each buffer is cleared and laid
    // onto the widget at every repaint, a full-size pixmap each. (QCustomPlot's "overlay" layer,
    // unused here, would be a third.)
    plot_->addLayer(QStringLiteral("playhead"), plot_->layer(QStringLiteral("overlay")),
                    QCustomPlot::limAbove);
    playheadLayer_ = plot_->layer(QStringLiteral("playhead"));
    playheadLayer_->setMode(QCPLayer::lmBuffered);
    plot_->layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
    // Between the data and the playhead: the curtain over what is not revealed yet, and the
    // callouts above it.
    plot_->addLayer(QStringLiteral("curtain"), plot_->layer(QStringLiteral("main")),
                    QCustomPlot::limAbove);
    plot_->addLayer(QStringLiteral("callouts"), plot_->layer(QStringLiteral("curtain")),
                    QCustomPlot::limAbove);
    playhead_ = std::numeric_limits<double>::quiet_NaN();
    hidden_.fill(false, kSeriesCount);
    createPlayhead();

    connect(plot_, &QCustomPlot::afterLayout, this, &TimelinePlot::layoutOverlays);
    connect(plot_, &QCustomPlot::afterReplot, this, [this] { replotQueued_ = false; });
    connect(plot_, &QCustomPlot::mousePress, this, &TimelinePlot::onMousePress);
    connect(plot_, &QCustomPlot::mouseMove, this, &TimelinePlot::onMouseMove);
    connect(plot_, &QCustomPlot::mouseRelease, this, &TimelinePlot::onMouseRelease);
    connect(plot_, &QCustomPlot::mouseWheel, this, &TimelinePlot::onWheel);
    connect(plot_, &QCustomPlot::legendClick, this, &TimelinePlot::onLegendClick);
    applyStyle(size());
}

TimelinePlot::~TimelinePlot() = default;

QCPGraph* TimelinePlot::graph(Series series) const {
    const auto i = static_cast<qsizetype>(series);
    return i < graphs_.size() ? graphs_.at(i) : nullptr;
}

QStringList TimelinePlot::causeRows() const {
    return rows_;
}

int TimelinePlot::visibleAnnotationCount() const {
    return static_cast<int>(std::count_if(annotations_.begin(), annotations_.end(),
                                          [](const Annotation& a) { return a.text->visible(); }));
}

QStringList TimelinePlot::visibleAnnotationTexts() const {
    std::vector<const Annotation*> shown;
    for (const Annotation& a : annotations_)
        if (a.text->visible())
            shown.push_back(&a);
    std::sort(shown.begin(), shown.end(),
              [](const Annotation* a, const Annotation* b) { return a->time < b->time; });
    QStringList texts;
    for (const Annotation* a : shown)
        texts << a->text->text();
    return texts;
}

int TimelinePlot::legendEntryCount() const {
    int entries = 0;
    for (int i = 0; i < plot_->legend->itemCount(); ++i)
        if (qobject_cast<QCPPlottableLegendItem*>(plot_->legend->item(i)))
            ++entries;
    return entries;
}

void TimelinePlot::clearContent() {
    plot_->clearItems(); // the playhead's lines and the selection too: created again below
    playheadMain_ = nullptr;
    playheadLane_ = nullptr;
    selectionMain_ = nullptr;
    selectionLane_ = nullptr;
    selectionLabel_ = nullptr;
    curtainMain_ = nullptr;
    curtainLane_ = nullptr;
    forkMain_ = nullptr;
    forkLane_ = nullptr;
    forkLabel_ = nullptr;
    plot_->clearPlottables(); // also removes their legend entries
    graphs_.clear();
    recordedActive_ = nullptr;
    recordedRequested_ = nullptr;
    referenceSeries_.clear();
    referenceReduced_ = false;
    rows_.clear();
    bands_.clear();
    annotations_.clear();
    series_.clear();
    reduced_ = false;
    lodColumns_ = 0;
    valueMax_ = 1;
    createPlayhead();
    createSelection();
    createCurtain();
}

void TimelinePlot::setAnalysis(const Analysis& analysis, const QString& title, Seconds origin,
                               std::optional<Seconds> end) {
    setRun(std::make_shared<const Run>(runOfAnalysis(analysis, origin, end)), title);
}

void TimelinePlot::setRun(std::shared_ptr<const Run> run, const QString& title,
                          PlotReference reference) {
    run_ = run ? std::move(run) : emptyRun();
    reference_ = reference.run ? std::move(reference) : PlotReference{};
    const Analysis& shown = run_->analysis;
    const Seconds origin = run_->origin;
    titleText_ = title;
    clearContent();
    title_->setText(title);
    note_->setText(reference_.note);

    double dataEnd = run_->end;
    // A recording that goes on longer than its what-if is shown to its end.
    if (reference_.run)
        dataEnd = std::max(dataEnd, reference_.run->end);
    const double xStart =
        shown.series.empty() ? 0.0 : std::min(0.0, shown.series.front().time - origin);
    if (!(dataEnd > xStart))
        dataEnd = xStart + 1;
    // A short tail after the end shows the final state (finished, suspended) as a band.
    const double xEnd = dataEnd + kTail * (dataEnd - xStart);

    buildSeries(shown, origin, xEnd);
    buildReference(xEnd);
    buildCauses(shown, origin, xStart, dataEnd, xEnd);
    xStart_ = xStart;
    xEnd_ = xEnd;
    placeCurtain();
    for (int i = 0; i < kSeriesCount; ++i)
        graphs_.at(i)->setVisible(!hidden_.at(i));
    restyleLegendEntries();

    main_->axis(QCPAxis::atBottom)->setRange(xStart, xEnd);
    lane_->axis(QCPAxis::atBottom)->setRange(xStart, xEnd);
    applyValueRange();
    lane_->axis(QCPAxis::atLeft)->setRange(-0.5, std::max<double>(1, rows_.size()) - 0.5);

    applyStyle(isVisible() ? size() : plot_->size());
    updateLevelOfDetail();
    queueReplot();
}

void TimelinePlot::buildSeries(const Analysis& analysis, double origin, double xEnd) {
    QCPAxis* time = main_->axis(QCPAxis::atBottom);
    QCPAxis* pods = main_->axis(QCPAxis::atLeft);
    // Short names keep the legend on one line; seriesDescription() says what each one is.
    const QString names[kSeriesCount] = {
        tr("requested"), tr("active"), tr("running"), tr("pending"), tr("terminating"), tr("gap"),
    };
    // Drawing order (creation order): the gap below, the light steps, active, and the dashed
    // requested line on top, so that both show where they are equal.
    graphs_.fill(nullptr, kSeriesCount);
    for (Series series : {Series::Gap, Series::Running, Series::Pending, Series::Terminating,
                          Series::Active, Series::Requested}) {
        QCPGraph* g = new StepGraph(time, pods);
        g->setName(names[static_cast<int>(series)]);
        g->setLineStyle(QCPGraph::lsStepLeft);
        g->removeFromLegend();
        graphs_[static_cast<int>(series)] = g;
    }
    // The legend lists them in reading order: requested, active, running, ..., gap.
    for (QCPGraph* g : graphs_)
        g->addToLegend();

    const std::vector<SeriesRow>& rows = analysis.series;
    // Rows are in time order; equal times keep their order, which a step line must respect.
    QVector<double> keys;
    QVector<double> values[kSeriesCount - 1];
    keys.reserve(static_cast<qsizetype>(rows.size()) + 1);
    for (const SeriesRow& row : rows) {
        keys.push_back(row.time - origin);
        values[0].push_back(row.requested);
        values[1].push_back(row.active);
        values[2].push_back(row.running);
        values[3].push_back(row.pending);
        values[4].push_back(row.terminating);
        for (int v : {row.requested, row.active, row.running, row.pending, row.terminating})
            valueMax_ = std::max<double>(valueMax_, v);
    }
    // The last state lasts until the end of the plot.
    if (!keys.isEmpty() && xEnd > keys.back()) {
        keys.push_back(xEnd);
        for (auto& v : values)
            v.push_back(v.back());
    }
    for (int i = 0; i < kSeriesCount - 1; ++i)
        series_.emplace_back(keys, values[i]);
    reduced_ = keys.size() > kAllPoints;
    // The gap ends where the lane's "finished" begins (the Job's end, or the controller's
    // decision to end it: a success or failure target).
    gapEnd_ = std::numeric_limits<double>::infinity();
    for (const CauseInterval& c : analysis.causes)
        if (c.kind == CauseKind::Finished)
            gapEnd_ = std::min(gapEnd_, c.start - origin);
    for (int i = 0; i < kSeriesCount; ++i) {
        QCPGraph* g = graphs_.at(i);
        if (reduced_)
            g->setAdaptiveSampling(false); // the reduction is made for step lines: enough
        else if (static_cast<Series>(i) != Series::Gap)
            g->setData(keys, values[i], true);
    }
    if (!reduced_) {
        QVector<QCPGraphData> active;
        active.reserve(keys.size() + 1);
        for (qsizetype k = 0; k < keys.size(); ++k)
            active.push_back({keys[k], values[1][k]});
        graph(Series::Gap)->data()->set(gapPoints(std::move(active)), true);
    }
    graph(Series::Gap)->setChannelFillGraph(graph(Series::Requested));
}

void TimelinePlot::applyValueRange() {
    const double upper = (std::max(valueMax_, valueFloor_) + 0.25) / (1 - kHeadroom);
    main_->axis(QCPAxis::atLeft)->setRange(-0.03 * upper, upper);
}

void TimelinePlot::setValueMaxAtLeast(double pods) {
    valueFloor_ = pods;
    applyValueRange();
    queueReplot();
}

void TimelinePlot::updateLevelOfDetail() {
    if (!reduced_ && !referenceReduced_)
        return;
    const QCPRange range = main_->axis(QCPAxis::atBottom)->range();
    // Before the first layout the rect has no width: the plot's stands in.
    int columns = main_->rect().width();
    if (columns < 1)
        columns = std::max(1, plot_->width());
    if (range.lower == lodLower_ && range.upper == lodUpper_ && columns == lodColumns_)
        return;
    lodLower_ = range.lower;
    lodUpper_ = range.upper;
    lodColumns_ = columns;
    if (referenceReduced_) {
        QCPGraph* const lines[] = {recordedActive_, recordedRequested_};
        for (size_t i = 0; i < referenceSeries_.size(); ++i)
            if (lines[i])
                lines[i]->data()->set(referenceSeries_[i].reduce(range.lower, range.upper, columns),
                                      true);
    }
    for (size_t i = 0; i < series_.size() && reduced_; ++i) {
        const auto series = static_cast<Series>(i);
        const QVector<QCPGraphData> points = series_[i].reduce(range.lower, range.upper, columns);
        graph(series)->data()->set(points, true);
        if (series == Series::Active)
            graph(Series::Gap)->data()->set(gapPoints(points), true);
    }
}

// The gap is shaded while the Job runs: once it has finished it wants no Pod, whatever its
// spec.parallelism still says.
QVector<QCPGraphData> TimelinePlot::gapPoints(QVector<QCPGraphData> active) const {
    if (!std::isfinite(gapEnd_))
        return active;
    const auto past =
        std::upper_bound(active.begin(), active.end(), gapEnd_,
                         [](double key, const QCPGraphData& point) { return key < point.key; });
    const double valueAtEnd = past == active.begin() ? 0 : std::prev(past)->value;
    active.erase(past, active.end());
    active.push_back({gapEnd_, valueAtEnd});
    return active;
}

void TimelinePlot::buildReference(double xEnd) {
    if (!reference_.run)
        return;
    const Run& recorded = *reference_.run;
    const double at = reference_.forkAt;
    // The recording from the fork on: the state at the fork (its last row at or before it), then
    // every change after it.
    QVector<double> keys;
    QVector<double> values[2]; // active, requested
    for (const SeriesRow& row : recorded.analysis.series) {
        const double t = row.time - recorded.origin;
        if (t <= at && !keys.isEmpty()) {
            values[0].back() = row.active;
            values[1].back() = row.requested;
            continue;
        }
        keys.push_back(std::max(t, at));
        values[0].push_back(row.active);
        values[1].push_back(row.requested);
    }
    if (keys.isEmpty())
        return;
    if (xEnd > keys.back()) {
        keys.push_back(xEnd);
        for (auto& v : values)
            v.push_back(v.back());
    }
    for (const auto& v : values)
        for (double value : v)
            valueMax_ = std::max(valueMax_, value);
    referenceSeries_.emplace_back(keys, values[0]);
    referenceSeries_.emplace_back(keys, values[1]);
    // The recorded requested line only where it tells something: the what-if asks for another
    // parallelism after the fork.
    const StepEnvelope& requested = series_[static_cast<size_t>(Series::Requested)];
    const StepEnvelope& recordedRequested = referenceSeries_[1];
    bool requestedDiffers = false;
    const QVector<double>* const times[] = {&keys, &requested.keys()};
    for (const QVector<double>* each : times)
        for (double t : *each)
            if (t >= at && requested.valueAt(t) != recordedRequested.valueAt(t))
                requestedDiffers = true;

    QCPAxis* time = main_->axis(QCPAxis::atBottom);
    QCPAxis* pods = main_->axis(QCPAxis::atLeft);
    referenceReduced_ = keys.size() > kAllPoints;
    const auto line = [&](const QString& name, int index) {
        QCPGraph* g = new StepGraph(time, pods);
        g->setName(name);
        g->setLineStyle(QCPGraph::lsStepLeft);
        if (referenceReduced_)
            g->setAdaptiveSampling(false);
        else
            g->setData(keys, values[index], true);
        return g;
    };
    recordedActive_ = line(tr("recorded active"), 0);
    if (requestedDiffers)
        recordedRequested_ = line(tr("recorded requested"), 1);

    const auto marker = [&](QCPAxisRect* rect) {
        auto* item = new QCPItemStraightLine(plot_);
        item->setObjectName(QStringLiteral("fork"));
        item->setClipAxisRect(rect);
        item->setSelectable(false);
        for (QCPItemPosition* p : {item->point1, item->point2})
            p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        item->point1->setCoords(at, 0);
        item->point2->setCoords(at, 1);
        return item;
    };
    forkMain_ = marker(main_);
    forkLane_ = marker(lane_);
    // Along the marker, reading upwards from the bottom of the Pods rect, left of it: the
    // callouts keep the top. Short, for a low rect.
    forkLabel_ = new QCPItemText(plot_);
    forkLabel_->setObjectName(QStringLiteral("forkLabel"));
    forkLabel_->setClipAxisRect(main_);
    forkLabel_->setSelectable(false);
    forkLabel_->position->setAxes(time, pods);
    forkLabel_->position->setAxisRect(main_);
    forkLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    forkLabel_->position->setCoords(at, 0.97);
    forkLabel_->setRotation(-90);
    forkLabel_->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    forkLabel_->setText(tr("fork at %1 s").arg(at, 0, 'f', 1));
}

QString TimelinePlot::referenceNote() const {
    return reference_.note;
}

double TimelinePlot::activeAt(double time) const {
    return series_.empty() ? 0 : series_[static_cast<size_t>(Series::Active)].valueAt(time);
}

void TimelinePlot::buildCauses(const Analysis& analysis, double origin, double xStart,
                               double dataEnd, double xEnd) {
    const double span = std::max(1e-9, xEnd - xStart);
    struct Span {
        double start;
        double end;
        bool primary;
        bool failed; // a `finished` span of a Job that failed
    };
    std::map<QString, std::vector<Span>> byCause;
    QList<std::string> finalCauses;
    if (!analysis.series.empty())
        for (const std::string& id : analysis.series.back().causes)
            finalCauses << id;
    std::vector<const CauseInterval*> byStart;
    for (const CauseInterval& c : analysis.causes)
        byStart.push_back(&c);
    std::stable_sort(
        byStart.begin(), byStart.end(),
        [](const CauseInterval* a, const CauseInterval* b) { return a->start < b->start; });
    for (const CauseInterval* c : byStart) {
        const QString id = QString::fromStdString(c->cause);
        double cEnd = c->end - origin;
        // A cause of the final state (the last row's) lasts through the tail.
        if (cEnd >= dataEnd - kMomentTolerance && finalCauses.contains(c->cause))
            cEnd = xEnd;
        if (id == QLatin1String("none") || !(cEnd > c->start - origin))
            continue;
        if (!rows_.contains(id))
            rows_ << id;
        const bool failed = c->kind == CauseKind::Finished &&
                            (c->textParam("condition") == job_condition::Failed ||
                             c->textParam("condition") == job_condition::FailureTarget);
        byCause[id].push_back({c->start - origin, cEnd, c->primary, failed});
    }

    QCPAxis* time = lane_->axis(QCPAxis::atBottom);
    QCPAxis* rowAxis = lane_->axis(QCPAxis::atLeft);
    auto rowNames = QSharedPointer<QCPAxisTickerText>::create();
    for (qsizetype row = 0; row < rows_.size(); ++row) {
        const QString& id = rows_.at(row);
        std::vector<Span>& spans = byCause[id];
        std::sort(spans.begin(), spans.end(),
                  [](const Span& a, const Span& b) { return a.start < b.start; });
        std::vector<Span> merged;
        for (const Span& s : spans) {
            if (!merged.empty() && s.start - merged.back().end <= kSliver * span &&
                s.failed == merged.back().failed) {
                merged.back().end = std::max(merged.back().end, s.end);
                merged.back().primary = merged.back().primary || s.primary;
            } else {
                merged.push_back(s);
            }
        }
        for (const Span& s : merged) {
            const QColor color = s.failed ? failedColor() : causeColor(id);
            Band band;
            band.start = s.start;
            band.end = s.end;
            band.cause = id;
            band.row = static_cast<int>(row);
            band.primary = s.primary;
            band.rect = new QCPItemRect(plot_);
            band.rect->setClipAxisRect(lane_);
            for (QCPItemPosition* p : {band.rect->topLeft, band.rect->bottomRight})
                p->setAxes(time, rowAxis);
            band.rect->topLeft->setCoords(s.start, static_cast<double>(row) - 0.38);
            band.rect->bottomRight->setCoords(s.end, static_cast<double>(row) + 0.38);
            QColor fill = color;
            // A cause that was never the primary one is drawn lighter.
            fill.setAlpha(s.primary ? 255 : 110);
            band.rect->setBrush(fill);
            band.rect->setPen(QPen(color.darker(130)));
            // Axis-aligned: antialiasing only softens its edges, and a lane of thousands of
            // bands is drawn at every replot.
            band.rect->setAntialiased(false);
            band.label = new QCPItemText(plot_);
            band.label->setClipAxisRect(lane_);
            band.label->position->setAxes(time, rowAxis);
            band.label->position->setCoords((s.start + s.end) / 2, static_cast<double>(row));
            band.label->setPositionAlignment(Qt::AlignCenter);
            band.label->setText(s.failed ? tr("finished: failed") : causeLabel(id));
            band.label->setColor(s.primary ? textColorOn(color) : inkColor());
            bands_.push_back(band);
        }
        const bool failedAtEnd = !merged.empty() && merged.back().failed;
        rowNames->addTick(static_cast<double>(row),
                          failedAtEnd ? tr("finished: failed") : causeLabel(id));
    }
    rowAxis->setTicker(rowNames);

    // Annotations: where each band starts. The first band of a cause matters most (it tells
    // the story), the primary cause more than a secondary one, a band one can see more than a
    // sliver; repeats are shown when there is room. Starts at the same moment share a label.
    std::map<QString, int> seen;
    std::vector<const Band*> ordered;
    for (const Band& b : bands_)
        ordered.push_back(&b);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Band* a, const Band* b) { return a->start < b->start; });
    std::vector<Annotation> starts;
    std::map<QString, int> bandsOfCause;
    for (const Band& b : bands_)
        ++bandsOfCause[b.cause];
    for (const Band* b : ordered) {
        const bool first = seen[b->cause]++ == 0;
        const bool sliver = b->end - b->start < kVisibleBand * span;
        // Tiers: first starts (visible bands, then slivers), then repeats of a cause that
        // recurs only a few times; a cause that flickers on and off is annotated once, the
        // lane shows the rest.
        int tier = (first ? 0 : 4) + (sliver ? 2 : 0) + (b->primary ? 0 : 1);
        if (!first && (sliver || bandsOfCause[b->cause] > kMaxAnnotatedRepeats + 1))
            tier = kNoAnnotation;
        if (!starts.empty() && std::abs(starts.back().time - b->start) < kMomentTolerance) {
            Annotation& a = starts.back();
            a.tier = std::min(a.tier, tier);
            a.duration = std::max(a.duration, b->end - b->start);
            a.causes << b->cause;
            a.labels << b->label->text();
        } else {
            Annotation a;
            a.time = b->start;
            a.tier = tier;
            a.duration = b->end - b->start;
            a.causes << b->cause;
            a.labels << b->label->text();
            starts.push_back(a);
        }
    }
    starts.erase(std::remove_if(starts.begin(), starts.end(),
                                [](const Annotation& a) { return a.tier >= kNoAnnotation; }),
                 starts.end());
    std::stable_sort(starts.begin(), starts.end(), [](const Annotation& a, const Annotation& b) {
        return std::pair(a.tier, -a.duration) < std::pair(b.tier, -b.duration);
    });
    if (starts.size() > static_cast<size_t>(kMaxAnnotations))
        starts.resize(kMaxAnnotations);

    QCPAxis* mainTime = main_->axis(QCPAxis::atBottom);
    QCPAxis* pods = main_->axis(QCPAxis::atLeft);
    for (Annotation& a : starts) {
        a.value = activeAt(a.time);
        a.text = new QCPItemText(plot_);
        a.text->setLayer(QStringLiteral("callouts"));
        a.text->setClipToAxisRect(false);
        a.text->position->setType(QCPItemPosition::ptAbsolute);
        a.text->setPositionAlignment(Qt::AlignCenter);
        a.text->setText(a.labels.join(tr(", ", "separates cause names in one annotation")));
        a.text->setColor(inkColor());
        QColor background = palette().color(QPalette::Base);
        background.setAlpha(230);
        a.text->setBrush(background);
        a.text->setPen(QPen(causeColor(a.causes.first()).darker(115)));
        a.arrow = new QCPItemLine(plot_);
        a.arrow->setLayer(QStringLiteral("callouts"));
        a.arrow->setClipToAxisRect(false);
        a.arrow->start->setType(QCPItemPosition::ptAbsolute);
        a.arrow->end->setAxes(mainTime, pods);
        a.arrow->end->setCoords(a.time, a.value);
        a.arrow->setPen(QPen(inkColor()));
        a.arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow));
        annotations_.push_back(a);
    }
}

void TimelinePlot::applyStyle(const QSize& size, double scale) {
    const double w = std::max(1, size.width());
    const double h = std::max(1, size.height());
    const double s = scale > 0 ? scale : styleScaleFor(size);
    styleScale_ = s;
    const QFont base = font();

    // The title's type, smaller when the title would not fit the width (a slide's half).
    QFont titleFont = pixelFont(base, 19 * s, true);
    if (const double wide = QFontMetricsF(titleFont).horizontalAdvance(title_->text());
        wide > 0.96 * w)
        titleFont = pixelFont(base, std::max(9.0, 19 * s * 0.96 * w / wide), true);
    title_->setFont(titleFont);
    title_->setMargins(QMargins(0, static_cast<int>(6 * s), 0, static_cast<int>(2 * s)));
    // Without a title (a lesson slide has its own) its row is left empty and takes no room.
    QCPLayoutGrid* grid = plot_->plotLayout();
    const bool titled = !title_->text().isEmpty();
    const bool inLayout = grid->hasElement(0, 0) && grid->element(0, 0) == title_;
    if (titled && !inLayout)
        grid->addElement(0, 0, title_);
    else if (!titled && inLayout)
        grid->take(title_);
    title_->setVisible(titled);
    note_->setFont(pixelFont(base, 14 * s));
    note_->setMargins(QMargins(0, 0, 0, static_cast<int>(2 * s)));
    const bool noted = !note_->text().isEmpty();
    const bool noteInLayout = grid->hasElement(1, 0) && grid->element(1, 0) == note_;
    if (noted && !noteInLayout)
        grid->addElement(1, 0, note_);
    else if (!noted && noteInLayout)
        grid->take(note_);
    note_->setVisible(noted);
    grid->setRowSpacing(static_cast<int>(std::lround(2 * s)));
    const QFont axisLabel = pixelFont(base, 14 * s);
    const QFont tickLabel = pixelFont(base, 12.5 * s);
    // Colours from the palette, so that the plot follows the light or dark theme (and an
    // export looks as the window does).
    const QColor ink = inkColor();
    const QColor background = palette().color(QPalette::Base);
    plot_->setBackground(background);
    title_->setTextColor(ink);
    note_->setTextColor(ink);
    QColor gridColor = ink;
    gridColor.setAlpha(45);
    const QPen axisPen(ink, std::max(1.0, s));
    for (QCPAxisRect* rect : {main_, lane_}) {
        for (QCPAxis* axis : rect->axes()) {
            axis->setLabelColor(ink);
            axis->setTickLabelColor(ink);
            axis->setLabelFont(axisLabel);
            axis->setTickLabelFont(tickLabel);
            axis->setBasePen(axisPen);
            axis->setTickPen(axisPen);
            axis->setSubTickPen(axisPen);
            axis->setTickLengthOut(static_cast<int>(4 * s));
            axis->setTickLengthIn(0);
            axis->setSubTickLengthOut(static_cast<int>(2 * s));
            axis->setSubTickLengthIn(0);
            axis->setLabelPadding(static_cast<int>(5 * s));
            axis->setTickLabelPadding(static_cast<int>(4 * s));
            axis->grid()->setPen(QPen(gridColor, std::max(1.0, 0.8 * s), Qt::DotLine));
        }
    }
    // The chart's time axis has no labels (the lane's below has them): only its tick marks
    // between the chart and the lane, so that the chart keeps the height.
    // (QCustomPlot's minimum margins are 15 px all round; left and right are the main window's
    // to set, for the alignment with the Gantt.)
    QMargins mainMinimum = main_->minimumMargins();
    mainMinimum.setTop(static_cast<int>(std::ceil(4 * s)));
    mainMinimum.setBottom(static_cast<int>(std::ceil(4 * s)));
    main_->setMinimumMargins(mainMinimum);
    QMargins laneMinimum = lane_->minimumMargins(); // QCustomPlot's default is 15 px all round
    laneMinimum.setTop(static_cast<int>(std::ceil(2 * s)));
    lane_->setMinimumMargins(laneMinimum);
    // The lane's rows are named by tick labels without tick marks (in a font that fits the
    // rows: layoutBands).
    laneRowFont_ = tickLabel;
    lane_->axis(QCPAxis::atLeft)->setTickPen(Qt::NoPen);
    lane_->axis(QCPAxis::atLeft)->setTickLengthOut(0);
    const bool timeLabels = !timeAxisBelow_ || (rendering_ && !timeAxisBelowImages_);
    lane_->axis(QCPAxis::atBottom)->setTickLabels(timeLabels);
    lane_->axis(QCPAxis::atBottom)
        ->setLabel(timeLabels ? tr("time since the Job was created (s)") : QString());
    for (int i = 0; i < graphs_.size(); ++i) {
        SeriesStyle style = seriesStyle(static_cast<Series>(i));
        if (static_cast<Series>(i) == Series::Requested)
            style.color = ink; // the dashed reference line in the text's colour
        QCPGraph* g = graphs_.at(i);
        if (static_cast<Series>(i) == Series::Gap) {
            g->setPen(Qt::NoPen);
            g->setBrush(style.color);
        } else {
            QPen pen(style.color, style.width * s, style.style);
            pen.setCapStyle(Qt::FlatCap);
            pen.setJoinStyle(Qt::MiterJoin);
            g->setPen(pen);
        }
    }

    for (QCPGraph* g : {recordedActive_, recordedRequested_}) {
        if (!g)
            continue;
        QPen pen(kReferenceColor, std::max(1.0, (g == recordedActive_ ? 1.8 : 1.6) * s),
                 g == recordedActive_ ? Qt::DashLine : Qt::DotLine);
        pen.setCapStyle(Qt::FlatCap);
        g->setPen(pen);
    }
    QColor forkInk = ink;
    forkInk.setAlpha(170);
    for (QCPItemStraightLine* fork : {forkMain_, forkLane_})
        if (fork)
            fork->setPen(QPen(forkInk, std::max(1.0, 1.3 * s), Qt::DashDotLine));
    if (forkLabel_) {
        forkLabel_->setFont(pixelFont(base, 12 * s));
        forkLabel_->setColor(ink);
        QColor behind = background;
        behind.setAlpha(200);
        forkLabel_->setBrush(behind);
        forkLabel_->setPadding(QMargins(static_cast<int>(3 * s), static_cast<int>(1 * s),
                                        static_cast<int>(3 * s), static_cast<int>(1 * s)));
    }

    // The lane: one row per cause, tall enough for its band labels, never more than its share
    // of the height (a quarter, or what setLaneMaxShare says).
    const QFont bandFont = pixelFont(base, 12 * s);
    const double rowHeight = QFontMetricsF(bandFont).height() + 5 * s;
    const int rows = std::max<int>(1, static_cast<int>(rows_.size()));
    const int laneHeight =
        static_cast<int>(std::min(rows * rowHeight, std::max(rowHeight, laneMaxShare_ * h)));
    lane_->setMinimumSize(0, laneHeight);
    lane_->setMaximumSize(QWIDGETSIZE_MAX, laneHeight);
    for (const Band& b : bands_) {
        b.label->setFont(bandFont);
        b.rect->setPen(QPen(b.rect->pen().color(), std::max(1.0, 0.8 * s)));
    }
    const QFont annotationFont = pixelFont(base, 12.5 * s);
    for (const Annotation& a : annotations_) {
        a.text->setFont(annotationFont);
        a.text->setPadding(QMargins(static_cast<int>(4 * s), static_cast<int>(2 * s),
                                    static_cast<int>(4 * s), static_cast<int>(2 * s)));
        a.text->setPen(QPen(a.text->pen().color(), std::max(1.0, 1.2 * s)));
        a.text->setColor(ink);
        QColor callout = background;
        callout.setAlpha(230);
        a.text->setBrush(callout);
        a.arrow->setPen(QPen(ink, std::max(1.0, 1.1 * s)));
        a.arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 9 * s, 11 * s));
    }

    // The legend: as many columns as the widest entry allows.
    QCPLegend* legend = plot_->legend;
    const QFont legendFont = pixelFont(base, 13 * s);
    legend->setFont(legendFont);
    legend->setTextColor(ink);
    const QSize icon(static_cast<int>(26 * s), static_cast<int>(12 * s));
    legend->setIconSize(icon);
    legend->setIconTextPadding(static_cast<int>(6 * s));
    legend->setMargins(QMargins(static_cast<int>(8 * s), static_cast<int>(4 * s),
                                static_cast<int>(8 * s), static_cast<int>(4 * s)));
    legend->setColumnSpacing(static_cast<int>(14 * s));
    legend->setRowSpacing(static_cast<int>(4 * s));
    const QFontMetricsF metrics(legendFont);
    std::vector<double> widths; // of each entry, in legend order
    // itemCount() counts the grid's cells, some of which may be empty after a wrap.
    for (int i = 0; i < legend->itemCount(); ++i) {
        QCPAbstractLegendItem* entry = legend->item(i);
        if (!entry)
            continue;
        entry->setFont(legendFont);
        entry->setTextColor(ink);
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(entry))
            widths.push_back(icon.width() + 6 * s +
                             metrics.horizontalAdvance(item->plottable()->name()) + 10 * s);
    }
    // As many columns as fit, each as wide as its widest entry: one line whenever it fits.
    const auto fits = [&](int columns) {
        double total = 16 * s + (columns - 1) * 14 * s;
        for (int column = 0; column < columns; ++column) {
            double widest = 0;
            for (size_t i = static_cast<size_t>(column); i < widths.size();
                 i += static_cast<size_t>(columns))
                widest = std::max(widest, widths[i]);
            total += widest;
        }
        return total <= w;
    };
    int columns = std::max(1, static_cast<int>(widths.size()));
    while (columns > 1 && !fits(columns))
        --columns;
    legend->setWrap(columns);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    // Reserve the legend's full height: with little room the layout would otherwise squeeze
    // its row and clip the last line of entries.
    int entries = 0;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (legend->item(i))
            ++entries;
    const int legendRows = (entries + columns - 1) / columns;
    const double line = std::max<double>(icon.height(), metrics.height());
    const QMargins margins = legend->margins();
    legend->setMinimumSize(
        0, static_cast<int>(std::ceil(legendRows * line + (legendRows - 1) * 4 * s)) +
               margins.top() + margins.bottom());
    restyleLegendEntries(); // hidden series stay grey
    placePlayhead();        // its pen scales too
    for (QCPItemRect* curtain : {curtainMain_, curtainLane_})
        if (curtain) {
            curtain->setBrush(background);
            curtain->setPen(Qt::NoPen);
        }
    if (selectionLabel_) {
        QColor fill = ink;
        fill.setAlpha(28);
        QColor edge = ink;
        edge.setAlpha(140);
        for (QCPItemRect* rect : {selectionMain_, selectionLane_}) {
            rect->setBrush(fill);
            rect->setPen(QPen(edge, std::max(1.0, s), Qt::DashLine));
        }
        selectionLabel_->setFont(annotationFont);
        selectionLabel_->setColor(ink);
        QColor callout = background;
        callout.setAlpha(235);
        selectionLabel_->setBrush(callout);
        selectionLabel_->setPen(QPen(edge, std::max(1.0, s)));
        selectionLabel_->setPadding(QMargins(static_cast<int>(5 * s), static_cast<int>(2 * s),
                                             static_cast<int>(5 * s), static_cast<int>(2 * s)));
    }
}

void TimelinePlot::layoutOverlays() {
    updateLevelOfDetail();
    layoutBands();
    layoutAnnotations();
}

void TimelinePlot::layoutBands() {
    QCPAxis* time = lane_->axis(QCPAxis::atBottom);
    const QRect area = lane_->rect();
    const double s = styleScale_;
    const double rowPixels = area.height() / std::max<double>(1, static_cast<double>(rows_.size()));
    // Row names that would overlap their neighbours get a smaller font (down to a legible 7 px).
    QFont rowFont = laneRowFont_;
    const double natural = QFontMetricsF(laneRowFont_).height();
    if (natural > rowPixels && laneRowFont_.pixelSize() > 0)
        rowFont.setPixelSize(
            std::max(7, static_cast<int>(laneRowFont_.pixelSize() * rowPixels / natural)));
    lane_->axis(QCPAxis::atLeft)->setTickLabelFont(rowFont);
    // Every band at least a few pixels wide, so that a short cause is still seen.
    std::vector<std::pair<double, double>> pixels; // by band: left, right
    for (const Band& b : bands_) {
        const double left = time->coordToPixel(b.start);
        const double right = std::max(time->coordToPixel(b.end), left + 3 * s);
        b.rect->bottomRight->setCoords(time->pixelToCoord(right), b.row + 0.38);
        pixels.emplace_back(left, right);
    }
    // Labels inside their band when they fit (the row's name is on the lane's axis besides).
    for (size_t i = 0; i < bands_.size(); ++i) {
        Band& b = bands_[i];
        const double room = pixels[i].second - pixels[i].first - 8 * s;
        bool fits = room > 0;
        if (fits) {
            if (b.measuredText != b.label->text() || b.measuredFont != b.label->font()) {
                b.measuredText = b.label->text();
                b.measuredFont = b.label->font();
                const QFontMetricsF metrics(b.measuredFont);
                b.measuredSize = {metrics.horizontalAdvance(b.measuredText), metrics.height()};
            }
            fits = b.measuredSize.width() <= room && b.measuredSize.height() <= rowPixels * 0.95;
        }
        b.label->setPositionAlignment(Qt::AlignCenter);
        b.label->position->setCoords((b.start + b.end) / 2, b.row);
        b.label->setColor(b.primary ? textColorOn(causeColor(b.cause)) : inkColor());
        b.label->setVisible(fits);
    }
}

void TimelinePlot::layoutAnnotations() {
    // Rows in the headroom above the data, row 0 nearest to it. A label may not overlap
    // another label, and arrows (vertical, from a label down to the active line) may not cross
    // a label. A start that finds no room joins the label of a nearby start if that still
    // fits ("controller lag, quota exceeded"), else it is left out.
    const QRect area = main_->rect();
    QCPAxis* time = main_->axis(QCPAxis::atBottom);
    const double s = styleScale_;
    const double gap = 5 * s;
    const double mergeDistance = 40 * s;
    const QString separator = tr(", ", "separates cause names in one annotation");
    if (annotations_.empty())
        return;
    const QFontMetricsF metrics(annotations_.front().text->font());
    const QMargins padding = annotations_.front().text->padding();
    const double lineHeight = metrics.height() + padding.top() + padding.bottom() + 2;
    const int rows = std::clamp(static_cast<int>((area.height() * kHeadroom) / (lineHeight + gap)),
                                1, kMaxAnnotationRows);
    struct Placed {
        size_t index;
        double x; // where the arrow points
        double left;
        double right;
        int row;
        std::vector<size_t> members; // annotations merged into this label, in label order
        // Where the arrow leaves the label: above x when x is under the label, else its
        // nearest bottom corner (a label shifted sideways to find room).
        double startX() const { return std::clamp(x, left + 3, std::max(left + 3, right - 3)); }
        double arrowLow() const { return std::min(x, startX()); }
        double arrowHigh() const { return std::max(x, startX()); }
    };
    std::vector<Placed> placed;
    const auto widthOf = [&](const std::vector<size_t>& members) {
        QStringList labels;
        for (size_t m : members)
            for (const QString& label : annotations_[m].labels)
                if (!labels.contains(label))
                    labels << label;
        return metrics.horizontalAdvance(labels.join(separator)) + padding.left() +
               padding.right() + 2;
    };
    // Whether `c` is clear of every other label and arrow (an arrow's whole horizontal extent
    // counts in every row it passes).
    const auto free = [&](const Placed& c) {
        return std::none_of(placed.begin(), placed.end(), [&](const Placed& p) {
            if (p.index == c.index)
                return false;
            if (p.row == c.row)
                return p.left < c.right + gap && c.left < p.right + gap;
            if (p.row > c.row) // its arrow passes through this row
                return p.arrowLow() < c.right + gap && c.left - gap < p.arrowHigh();
            return c.arrowLow() < p.right + gap && p.left - gap < c.arrowHigh();
        });
    };
    // The label's span centred on x, or shifted by `shift` pixels, kept inside the rect.
    const auto span = [&](double x, double width, double shift) {
        const double left = std::clamp(x - width / 2 + shift, area.left() + 2.0,
                                       std::max(area.left() + 2.0, area.right() - 2 - width));
        return std::pair(left, left + width);
    };
    // Centred first, then shifted sideways further and further, up to clear of x with a slanted
    // arrow of at most 120 pixels (at 1280×720).
    const auto shiftsFor = [s](double width) {
        std::vector<double> shifts = {0};
        for (double step = 20 * s; step <= width / 2 + 120 * s; step += 20 * s)
            for (double sign : {1.0, -1.0})
                shifts.push_back(sign * step);
        return shifts;
    };

    std::vector<size_t> order(annotations_.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [this](size_t a, size_t b) {
        const Annotation& x = annotations_[a];
        const Annotation& y = annotations_[b];
        return std::tuple(x.tier, -x.duration, x.time) < std::tuple(y.tier, -y.duration, y.time);
    });
    for (const size_t i : order) {
        const Annotation& a = annotations_[i];
        const double x = time->coordToPixel(a.time);
        if (x < area.left() - 1 || x > area.right() + 1)
            continue;
        if (revealUntil_ && a.time > *revealUntil_)
            continue; // behind the curtain
        bool done = false;
        const double width = widthOf({i});
        const std::vector<double> shifts = shiftsFor(width);
        for (size_t k = 0; k < shifts.size() && !done; ++k) {
            const auto [left, right] = span(x, width, shifts[k]);
            for (int row = 0; row < rows && !done; ++row) {
                const Placed candidate{i, x, left, right, row, {i}};
                if (free(candidate)) {
                    placed.push_back(candidate);
                    done = true;
                }
            }
        }
        if (done)
            continue;
        Placed* nearest = nullptr;
        for (Placed& p : placed)
            if (std::abs(p.x - x) <= mergeDistance &&
                (!nearest || std::abs(p.x - x) < std::abs(nearest->x - x)))
                nearest = &p;
        // Only a cause's first start is worth a longer label; a repeat that finds no room is left
        // out.
        if (!nearest || a.tier >= 4)
            continue;
        std::vector<size_t> members = nearest->members;
        members.push_back(i);
        // The most telling cause first (its colour frames the label), then by time.
        std::sort(members.begin(), members.end(), [this](size_t m, size_t n) {
            return std::pair(annotations_[m].tier, annotations_[m].time) <
                   std::pair(annotations_[n].tier, annotations_[n].time);
        });
        Placed merged = *nearest;
        std::tie(merged.left, merged.right) = span(nearest->x, widthOf(members), 0);
        merged.members = members;
        if (free(merged))
            *nearest = merged;
    }

    for (Annotation& a : annotations_) {
        a.text->setVisible(false);
        a.arrow->setVisible(false);
    }
    for (const Placed& p : placed) {
        const Annotation& a = annotations_[p.index];
        QStringList labels;
        for (size_t m : p.members)
            for (const QString& label : annotations_[m].labels)
                if (!labels.contains(label))
                    labels << label;
        const double centerY =
            area.top() + gap + (rows - 1 - p.row) * (lineHeight + gap) + lineHeight / 2;
        a.text->setText(labels.join(separator));
        a.text->position->setCoords((p.left + p.right) / 2, centerY);
        a.text->setVisible(true);
        a.arrow->start->setCoords(p.startX(), centerY + lineHeight / 2);
        a.arrow->setVisible(true);
    }
}

void TimelinePlot::resizeEvent(QResizeEvent* event) {
    applyStyle(event->size());
    QWidget::resizeEvent(event);
}

QImage TimelinePlot::renderImage(const QSize& size, double scale) {
    rendering_ = true; // an image stands alone: its own time axis, whatever is below the widget
    applyStyle(size, scale);
    const QPixmap pixmap = plot_->toPixmap(size.width(), size.height(), 1.0);
    renderedTextPixels_ = smallestTextPixels(*plot_);
    rendering_ = false;
    applyStyle(plot_->size());
    return pixmap.toImage();
}

void TimelinePlot::render(QCPPainter* painter, const QSize& size, double scale) {
    rendering_ = true;
    applyStyle(size, scale);
    plot_->toPainter(painter, size.width(), size.height());
    renderedTextPixels_ = smallestTextPixels(*plot_);
    rendering_ = false;
    applyStyle(plot_->size());
}

bool TimelinePlot::savePng(const QString& path, const QSize& size, QString* error) {
    return renderPngFile(
        path, size, [this](const QSize& imageSize) { return renderImage(imageSize); }, error);
}

void TimelinePlot::createPlayhead() {
    const auto make = [this](QCPAxisRect* rect) {
        auto* line = new QCPItemStraightLine(plot_);
        line->setLayer(playheadLayer_);
        line->setClipAxisRect(rect);
        line->setSelectable(false);
        for (QCPItemPosition* p : {line->point1, line->point2})
            p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        return line;
    };
    playheadMain_ = make(main_);
    playheadLane_ = make(lane_);
    placePlayhead();
}

// A rectangle over a span of time in `rect`, its full height (y as a ratio of the rect).
QCPItemRect* TimelinePlot::makeSpanItem(QCPAxisRect* rect, const QString& name) {
    auto* item = new QCPItemRect(plot_);
    item->setObjectName(name);
    item->setClipAxisRect(rect);
    item->setSelectable(false);
    for (QCPItemPosition* p : {item->topLeft, item->bottomRight}) {
        p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        p->setAxisRect(rect);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    return item;
}

void TimelinePlot::createSelection() {
    selectionMain_ = makeSpanItem(main_, QStringLiteral("selection"));
    selectionLane_ = makeSpanItem(lane_, QStringLiteral("selection"));
    selectionLabel_ = new QCPItemText(plot_);
    // Above the callouts: what the user just selected is what they read.
    selectionLabel_->setLayer(playheadLayer_);
    selectionLabel_->setClipAxisRect(main_);
    selectionLabel_->setSelectable(false);
    selectionLabel_->position->setAxes(main_->axis(QCPAxis::atBottom),
                                       main_->axis(QCPAxis::atLeft));
    selectionLabel_->position->setAxisRect(main_);
    selectionLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    selectionLabel_->setPositionAlignment(Qt::AlignTop | Qt::AlignHCenter);
    placeSelection();
}

void TimelinePlot::placeSelection() {
    const std::optional<RangeSummary> range = selectedRange();
    for (QCPAbstractItem* item :
         std::initializer_list<QCPAbstractItem*>{selectionMain_, selectionLane_, selectionLabel_})
        if (item)
            item->setVisible(range.has_value());
    if (!range || !selectionLabel_)
        return;
    for (QCPItemRect* rect : {selectionMain_, selectionLane_}) {
        rect->topLeft->setCoords(range->from, 0);
        rect->bottomRight->setCoords(range->to, 1);
    }
    selectionLabel_->position->setCoords((range->from + range->to) / 2, 0.02);
    selectionLabel_->setText(selectionText());
}

std::optional<RangeSummary> TimelinePlot::selectedRange() const {
    if (!selection_)
        return std::nullopt;
    return summarizeRange(run_->analysis, run_->origin, run_->origin + run_->end, selection_->first,
                          selection_->second);
}

QString TimelinePlot::selectionText() const {
    const std::optional<RangeSummary> range = selectedRange();
    if (!range)
        return {};
    return tr("%1 s · %2 Pod-seconds · %n completion(s)", "", range->completions)
        .arg(range->duration(), 0, 'f', 1)
        .arg(range->podSeconds, 0, 'f', 1);
}

void TimelinePlot::selectRange(double from, double to) {
    selection_ = std::pair{from, to};
    placeSelection();
    queueReplot();
}

void TimelinePlot::setRevealUntil(std::optional<double> time) {
    revealUntil_ = time;
    placeCurtain();
    queueReplot();
}

void TimelinePlot::createCurtain() {
    curtainMain_ = makeSpanItem(main_, QStringLiteral("curtain"));
    curtainLane_ = makeSpanItem(lane_, QStringLiteral("curtain"));
    for (QCPItemRect* curtain : {curtainMain_, curtainLane_})
        curtain->setLayer(QStringLiteral("curtain"));
    placeCurtain();
}

void TimelinePlot::placeCurtain() {
    const bool shown = revealUntil_ && *revealUntil_ < xEnd_;
    for (QCPItemRect* curtain : {curtainMain_, curtainLane_}) {
        if (!curtain)
            continue;
        curtain->setVisible(shown);
        if (shown) {
            // From the reveal to past the end of the data (zooming out shows no more).
            curtain->topLeft->setCoords(*revealUntil_, -0.01);
            curtain->bottomRight->setCoords(xEnd_ + (xEnd_ - xStart_), 1.01);
        }
    }
}

void TimelinePlot::clearSelection() {
    if (!selection_)
        return;
    selection_.reset();
    placeSelection();
    queueReplot();
}

void TimelinePlot::placePlayhead() {
    const bool shown = std::isfinite(playhead_);
    const double s = styleScale_;
    for (QCPItemStraightLine* line : {playheadMain_, playheadLane_}) {
        if (!line)
            continue;
        line->setVisible(shown);
        line->setPen(QPen(kPlayheadColor, std::max(1.5, 2 * s)));
        if (shown) {
            line->point1->setCoords(playhead_, 0);
            line->point2->setCoords(playhead_, 1);
        }
    }
}

void TimelinePlot::setPlayhead(double time) {
    playhead_ = time;
    placePlayhead();
    // A full replot already queued draws the playhead too (after a new run, a replot now and
    // the queued one would both draw every series). Else this replots the playhead's buffer
    // only; QCustomPlot falls back to a full replot when the other buffers are out of date
    // (never drawn, resized, layers changed).
    if (!replotQueued_)
        playheadLayer_->replot();
}

void TimelinePlot::queueReplot() {
    replotQueued_ = true;
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

double TimelinePlot::playhead() const {
    return playhead_;
}

void TimelinePlot::setInteractive(bool interactive) {
    interactive_ = interactive;
    plot_->setMouseTracking(interactive);
    if (!interactive) {
        drag_ = Drag::None;
        QToolTip::hideText();
    }
}

void TimelinePlot::setTimeRange(double lower, double upper) {
    if (!(upper > lower))
        return;
    // Not clamped: the main window passes the Gantt's range, which must be shown as it is.
    main_->axis(QCPAxis::atBottom)->setRange(lower, upper);
    queueReplot();
}

void TimelinePlot::setSeriesVisible(Series series, bool visible) {
    const auto i = static_cast<int>(series);
    if (i < 0 || i >= kSeriesCount)
        return;
    hidden_[i] = !visible;
    if (QCPGraph* g = graph(series))
        g->setVisible(visible);
    restyleLegendEntries();
    queueReplot();
}

QString TimelinePlot::seriesDescription(Series series) {
    switch (series) {
    case Series::Requested:
        return tr("requested: the Job's parallelism, the most Pods it asks to run at once");
    case Series::Active:
        return tr("active: Pods pending or running, not terminating (the Job's status.active)");
    case Series::Running:
        return tr("running: Pods whose containers run");
    case Series::Pending:
        return tr("pending: Pods created but not yet running (scheduling, pulling the image)");
    case Series::Terminating:
        return tr("terminating: Pods being deleted, still holding their resources");
    case Series::Gap:
        return tr("gap: requested − active, shaded where fewer Pods are active than requested");
    }
    return {};
}

bool TimelinePlot::isSeriesVisible(Series series) const {
    const auto i = static_cast<int>(series);
    return i >= 0 && i < kSeriesCount && !hidden_.at(i);
}

void TimelinePlot::restyleLegendEntries() {
    // A hidden series keeps its entry, greyed, so that a click brings it back.
    for (int i = 0; i < graphs_.size(); ++i) {
        QCPPlottableLegendItem* item = plot_->legend->itemWithPlottable(graphs_.at(i));
        if (item)
            item->setTextColor(hidden_.at(i) ? kHiddenSeriesText : inkColor());
    }
}

QString TimelinePlot::hoverText(double time) const {
    const QString at = tr("t = %1 s").arg(time, 0, 'f', 1);
    const Moment moment = momentAt(*run_, time);
    if (!moment.row)
        return tr("%1: before the Job was created").arg(at);
    const SeriesRow& row = *moment.row;
    QStringList lines;
    lines << at;
    if (referenceSeries_.size() == 2 && time >= reference_.forkAt)
        lines << tr("recorded: requested %1 · active %2")
                     .arg(referenceSeries_[1].valueAt(time))
                     .arg(referenceSeries_[0].valueAt(time));
    lines << tr("requested %1 · the controller wants %2 · active %3 (ready %4)")
                 .arg(row.requested)
                 .arg(row.wantActive)
                 .arg(row.active)
                 .arg(row.ready);
    lines << tr("running %1 · pending %2 · terminating %3")
                 .arg(row.running)
                 .arg(row.pending)
                 .arg(row.terminating);
    lines << tr("succeeded %1 · failed %2").arg(row.succeeded).arg(row.failed);
    QStringList causes;
    const auto explained = causeExplanations(moment);
    for (const auto& [kind, text] : explained) {
        // Of many Jobs, the first few: the lane and the per-Job views show the rest.
        if (causes.size() == kMaxHoverCauses) {
            causes << tr("• … and %n more", nullptr,
                         static_cast<int>(explained.size()) - kMaxHoverCauses);
            break;
        }
        causes << tr("• %1: %2").arg(causeLabel(kind), text);
    }
    if (causes.isEmpty())
        lines << tr("No cause in force: the actual parallelism is what the controller wants.");
    else
        lines << tr("Causes in force, the main one first:") << causes;
    return lines.join(QLatin1Char('\n'));
}

bool TimelinePlot::inPlotArea(const QPointF& position) const {
    return main_->rect().contains(position.toPoint()) || lane_->rect().contains(position.toPoint());
}

bool TimelinePlot::onTimeAxis(const QPointF& position) const {
    const QRect lane = lane_->rect();
    const QRect outer = lane_->outerRect();
    return position.x() >= lane.left() && position.x() <= lane.right() &&
           position.y() > lane.bottom() && position.y() <= outer.bottom();
}

double TimelinePlot::timeAtPixel(double x) const {
    return main_->axis(QCPAxis::atBottom)->pixelToCoord(x);
}

void TimelinePlot::scrubTo(double x) {
    const double time = std::clamp(timeAtPixel(x), xStart_, xEnd_);
    setPlayhead(time);
    emit scrubbed(time);
}

void TimelinePlot::applyUserRange(double lower, double upper) {
    const double span = xEnd_ - xStart_;
    double width = std::clamp(upper - lower, span * kMinZoomSpan, span);
    lower = std::clamp(lower, xStart_, xEnd_ - width);
    upper = lower + width;
    QCPAxis* time = main_->axis(QCPAxis::atBottom);
    if (time->range().lower == lower && time->range().upper == upper)
        return;
    time->setRange(lower, upper); // the lane follows (connected in the constructor)
    queueReplot();
    emit timeRangeChanged(lower, upper);
}

void TimelinePlot::onMousePress(QMouseEvent* event) {
    if (!interactive_)
        return;
    const QPointF position = event->position();
    const bool pan = event->button() == Qt::MiddleButton ||
                     (event->button() == Qt::LeftButton && onTimeAxis(position));
    if (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier) &&
        inPlotArea(position)) {
        drag_ = Drag::Select;
        QToolTip::hideText();
        const double time = std::clamp(timeAtPixel(position.x()), xStart_, xEnd_);
        selectRange(time, time);
    } else if (pan && (inPlotArea(position) || onTimeAxis(position))) {
        drag_ = Drag::Pan;
        dragStartX_ = position.x();
        dragStartLower_ = main_->axis(QCPAxis::atBottom)->range().lower;
        dragStartUpper_ = main_->axis(QCPAxis::atBottom)->range().upper;
        QToolTip::hideText();
    } else if (event->button() == Qt::LeftButton && inPlotArea(position)) {
        drag_ = Drag::Scrub;
        QToolTip::hideText();
        if (selection_) {
            clearSelection();
            emit rangeSelected(qQNaN(), qQNaN());
        }
        scrubTo(position.x());
    }
}

void TimelinePlot::onMouseMove(QMouseEvent* event) {
    if (!interactive_)
        return;
    const QPointF position = event->position();
    switch (drag_) {
    case Drag::Scrub:
        scrubTo(position.x());
        return;
    case Drag::Select:
        selectRange(selection_->first, std::clamp(timeAtPixel(position.x()), xStart_, xEnd_));
        return;
    case Drag::Pan: {
        const double perPixel = (dragStartUpper_ - dragStartLower_) / std::max(1, main_->width());
        const double shift = (dragStartX_ - position.x()) * perPixel;
        applyUserRange(dragStartLower_ + shift, dragStartUpper_ + shift);
        return;
    }
    case Drag::None:
        break;
    }
    if (inPlotArea(position) && !run_->analysis.series.empty()) {
        QToolTip::showText(plot_->mapToGlobal(position.toPoint()),
                           hoverText(timeAtPixel(position.x())), plot_);
        return;
    }
    // Over a legend entry: what the series is, and that a click hides or shows it.
    for (int i = 0; i < graphs_.size(); ++i) {
        QCPPlottableLegendItem* item = plot_->legend->itemWithPlottable(graphs_.at(i));
        if (item && item->realVisibility() && item->rect().contains(position.toPoint())) {
            QToolTip::showText(
                plot_->mapToGlobal(position.toPoint()),
                tr("%1\nClick to hide or show it.").arg(seriesDescription(static_cast<Series>(i))),
                plot_);
            return;
        }
    }
    for (QCPGraph* g : {recordedActive_, recordedRequested_}) {
        QCPPlottableLegendItem* item = g ? plot_->legend->itemWithPlottable(g) : nullptr;
        if (item && item->realVisibility() && item->rect().contains(position.toPoint())) {
            QToolTip::showText(plot_->mapToGlobal(position.toPoint()),
                               g == recordedActive_
                                   ? tr("recorded active: the recording's active Pods after the "
                                        "fork, to compare the what-if with")
                                   : tr("recorded requested: the recording's parallelism after "
                                        "the fork, where the what-if asks for another"),
                               plot_);
            return;
        }
    }
    QToolTip::hideText();
}

void TimelinePlot::onMouseRelease(QMouseEvent*) {
    if (drag_ == Drag::Select && selection_) {
        const QCPAxis* time = main_->axis(QCPAxis::atBottom);
        // A Shift+click without a drag selects nothing.
        if (std::abs(time->coordToPixel(selection_->first) -
                     time->coordToPixel(selection_->second)) < 3) {
            clearSelection();
            emit rangeSelected(qQNaN(), qQNaN());
        } else {
            emit rangeSelected(std::min(selection_->first, selection_->second),
                               std::max(selection_->first, selection_->second));
        }
    }
    drag_ = Drag::None;
}

void TimelinePlot::onWheel(QWheelEvent* event) {
    if (!interactive_)
        return;
    const QPointF position = event->position();
    if (!inPlotArea(position) && !onTimeAxis(position))
        return;
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    const QCPRange range = main_->axis(QCPAxis::atBottom)->range();
    const double center = timeAtPixel(position.x());
    const double factor = std::pow(kWheelZoom, steps);
    applyUserRange(center - (center - range.lower) * factor,
                   center + (range.upper - center) * factor);
    event->accept();
}

void TimelinePlot::onLegendClick(QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent* event) {
    if (!interactive_ || event->button() != Qt::LeftButton)
        return;
    auto* entry = qobject_cast<QCPPlottableLegendItem*>(item);
    if (!entry)
        return;
    const qsizetype i = graphs_.indexOf(qobject_cast<QCPGraph*>(entry->plottable()));
    if (i < 0)
        return;
    const auto series = static_cast<Series>(i);
    setSeriesVisible(series, !isSeriesVisible(series));
}

QColor TimelinePlot::inkColor() const {
    return palette().color(QPalette::Text);
}

void TimelinePlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyStyle(size());
        queueReplot();
    }
    QWidget::changeEvent(event);
}

void TimelinePlot::setLaneMaxShare(double share) {
    laneMaxShare_ = std::clamp(share, 0.1, 0.6);
    applyStyle(size());
    queueReplot();
}

void TimelinePlot::setTimeAxisBelow(bool below, bool inImages) {
    if (below == timeAxisBelow_ && (below && inImages) == timeAxisBelowImages_)
        return;
    timeAxisBelow_ = below;
    timeAxisBelowImages_ = below && inImages;
    applyStyle(size());
    queueReplot();
}

void TimelinePlot::retranslate() {
    main_->axis(QCPAxis::atLeft)->setLabel(tr("Pods"));
    if (graphs_.isEmpty()) {
        applyStyle(size()); // the time axis' label
        queueReplot();
        return;
    }
    // Series names, cause labels and annotations are built with the analysis: build them again,
    // keeping what the user looks at.
    const QCPRange range = main_->axis(QCPAxis::atBottom)->range();
    setRun(run_, titleText_, reference_);
    main_->axis(QCPAxis::atBottom)->setRange(range);
}

} // namespace jobscope::ui
