// SPDX-License-Identifier: GPL-3.0-or-later
#include "gantt/pod_gantt.h"

#include "plot/plot_style.h"
#include "plot/png_file.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QPixmap>
#include <QResizeEvent>
#include <QSaveFile>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>

namespace jobscope::ui {

namespace {

// The time axis goes on this fraction of the span after the end (as the timeline plot's).
constexpr double kTail = 0.04;
// One wheel step (120 units) zooms the time axis by this factor.
constexpr double kWheelZoom = 0.85;
// The narrowest time window the user can zoom into, as a fraction of the data's span.
constexpr double kMinZoomSpan = 1e-4;
// Row heights in pixels (at scale 1): rows fill the view up to the fit maximum, never below
// the default minimum at first; Ctrl+wheel goes from 1 to the maximum.
constexpr double kMinDefaultRowPixels = 12;
constexpr double kMaxFitRowPixels = 26;
constexpr double kMaxRowPixels = 48;
// Rows scrolled per wheel step.
constexpr int kWheelRows = 3;
// A press moved more than this (pixels) is a drag, not a click.
constexpr int kDragThreshold = 4;
// A press this close to the playhead (pixels) drags it.
constexpr double kPlayheadGrab = 5;
// Width of the mark at a Pod's end (succeeded / failed), in pixels at scale 1.
constexpr double kEndMarkPixels = 4;

// One coloured span of a Pod's life on its row.
struct Bar {
    double start = 0; // seconds since the origin
    double end = 0;   // == start for the end marks (Succeeded, Failed)
    int pod = -1;
    PodGantt::Segment kind = PodGantt::Segment::Pending;
};

bool isEndMark(PodGantt::Segment kind) {
    return kind == PodGantt::Segment::Succeeded || kind == PodGantt::Segment::Failed;
}

// Row labels: integer ticks only, a label every `step` rows so that they do not overlap.
class RowTicker : public QCPAxisTicker {
public:
    std::function<QString(int)> label;
    int rowCount = 0;

protected:
    double getTickStep(const QCPRange& range) override {
        const double exact = range.size() / std::max(1, tickCount());
        if (exact <= 1)
            return 1;
        const double magnitude = std::pow(10.0, std::floor(std::log10(exact)));
        for (double m : {1.0, 2.0, 5.0, 10.0})
            if (m * magnitude >= exact)
                return m * magnitude;
        return 10 * magnitude;
    }
    int getSubTickCount(double) override { return 0; }
    QString getTickLabel(double tick, const QLocale&, QChar, int) override {
        const auto row = static_cast<int>(std::lround(tick));
        return row >= 0 && row < rowCount && label ? label(row) : QString();
    }
    QVector<double> createTickVector(double step, const QCPRange& range) override {
        QVector<double> ticks;
        const double first = std::max(0.0, std::ceil(range.lower / step) * step);
        for (double t = first; t <= range.upper && t < rowCount; t += step)
            ticks << t;
        return ticks;
    }
};

// A legend entry: a swatch (a bar, or an end mark with a cross) and a name.
class PhaseLegendItem : public QCPAbstractLegendItem {
public:
    PhaseLegendItem(QCPLegend* legend, PodGantt::Segment kind)
        : QCPAbstractLegendItem(legend), kind_(kind) {
        setSelectable(false);
    }
    void setText(const QString& text) { text_ = text; }
    QSize minimumOuterSizeHint() const override {
        const QFontMetrics metrics(mFont);
        const QSize icon = mParentLegend->iconSize();
        return QSize(icon.width() + mParentLegend->iconTextPadding() +
                         metrics.horizontalAdvance(text_),
                     std::max(icon.height(), metrics.height())) +
               QSize(mMargins.left() + mMargins.right(), mMargins.top() + mMargins.bottom());
    }

protected:
    void draw(QCPPainter* painter) override {
        const QSize icon = mParentLegend->iconSize();
        const QRect swatch(mRect.left(), mRect.center().y() - icon.height() / 2, icon.width(),
                           icon.height());
        const QColor color = PodGantt::segmentColor(kind_);
        painter->setPen(Qt::NoPen);
        if (isEndMark(kind_)) {
            const int w = std::max(3, icon.height() / 3);
            painter->fillRect(QRect(swatch.left(), swatch.top(), w, swatch.height()), color);
            if (kind_ == PodGantt::Segment::Failed) {
                const double h = swatch.height() * 0.7;
                const QPointF c(swatch.left() + w + 3 + h / 2, swatch.center().y() + 0.5);
                painter->setPen(QPen(color, std::max(1.5, h / 5)));
                painter->drawLine(c + QPointF(-h / 2, -h / 2), c + QPointF(h / 2, h / 2));
                painter->drawLine(c + QPointF(-h / 2, h / 2), c + QPointF(h / 2, -h / 2));
            }
        } else {
            painter->fillRect(swatch, color);
        }
        painter->setFont(mFont);
        painter->setPen(QPen(mTextColor));
        painter->drawText(mRect.adjusted(icon.width() + mParentLegend->iconTextPadding(), 0, 0, 0),
                          Qt::AlignLeft | Qt::AlignVCenter, text_);
    }

private:
    PodGantt::Segment kind_;
    QString text_;
};

class GanttBars;

} // namespace

struct PodGantt::Private {
    Q_DECLARE_TR_FUNCTIONS(jobscope::ui::PodGantt)

public:
    PodGantt* q = nullptr;
    QCustomPlot* plot = nullptr;
    QCPAxisRect* rect = nullptr;
    QCPAxis* time = nullptr;
    QCPAxis* rows = nullptr;
    QCPLegend* legend = nullptr;
    QCPLayoutGrid* legendRow = nullptr;        // the legend and a spacer, the layout's first row
    int renderedTextPixels = 0;                // PodGantt::renderedTextPixels
    std::vector<PhaseLegendItem*> legendItems; // by Segment
    QSharedPointer<RowTicker> ticker;
    GanttBars* barsPlottable = nullptr;
    QScrollBar* scroll = nullptr;
    QCPLayer* playheadLayer = nullptr;
    QCPItemStraightLine* playheadLine = nullptr;
    QCPItemRect* curtain = nullptr; // over the bars after revealUntil
    std::optional<double> revealUntil;

    std::shared_ptr<const Analysis> analysis;
    std::shared_ptr<const Run> run; // the analysis' run: of several Jobs, its Pods' Jobs
    double origin = 0;
    double xStart = 0;
    double xEnd = 1;
    bool indexed = false;

    // Per row, the bars sorted by start: bars[rowStart[r] .. rowStart[r+1]). maxEnd[i] is the
    // largest end of the row's bars up to i, so the first bar reaching into a window is found
    // by binary search even when attempts overlap.
    std::vector<Bar> bars;
    std::vector<double> maxEnd;
    std::vector<int> rowStart;
    std::vector<int> rowIndex;    // completion index of an Indexed row, else -1
    std::vector<int> rowJob;      // a run of several Jobs: the row's Job (Run::jobs), else 0
    std::vector<int> rowFirstPod; // the Pod that names a NonIndexed row
    std::vector<int> podRow;

    int selected = -1;
    double playhead = std::numeric_limits<double>::quiet_NaN();
    double rowPixels = kMinDefaultRowPixels;
    int topRow = 0;
    double visibleRows = 1;
    double lastAreaHeight = -1;
    double styleScale = 1;
    bool exporting = false;
    // The widest row label in a font, measured once for all the pages of an export (build()
    // forgets it).
    struct {
        QFont font;
        bool measured = false;
        double width = 0;
    } widestLabel;

    int painted = 0;
    QStringList failureMarks;

    enum class Drag { None, Pending, Pan, Scrub };
    Drag drag = Drag::None;
    QPointF pressPosition;
    QCPRange pressRange;
    int pressTopRow = 0;

    int rowCount() const { return static_cast<int>(rowStart.empty() ? 0 : rowStart.size() - 1); }
    QString rowLabel(int row) const;
    void build();
    void paint(QCPPainter* painter);
    void applyStyle(const QSize& size, double scale = 0); // 0: the scale for `size`
    // The export's styling at `size`, then the screen's again (exporting in between).
    void beginExport(const QSize& size, double scale);
    void endExport();
    void applyRows(); // y range, scroll bar and label density from topRow and rowPixels
    double areaHeight() const;
    void fitRows();
    void retranslate();
    void placePlayhead();
    void placeCurtain();
    void applyUserRange(double lower, double upper);
    bool inArea(const QPointF& p) const { return rect->rect().contains(p.toPoint()); }
    bool onTimeAxis(const QPointF& p) const {
        const QRect r = rect->rect();
        return p.x() >= r.left() && p.x() <= r.right() && p.y() > r.bottom() &&
               p.y() <= rect->outerRect().bottom();
    }
    bool onRowAxis(const QPointF& p) const {
        const QRect r = rect->rect();
        return p.x() < r.left() && p.x() >= rect->outerRect().left() && p.y() >= r.top() &&
               p.y() <= r.bottom();
    }
    int podAtPlot(const QPointF& p) const;
    void scrubTo(double x);
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void onWheel(QWheelEvent* event);
};

namespace {

// The one plottable: paints the visible rows' bars (PodGantt::Private::paint, given as
// callbacks: the widget's private data is not visible here).
class GanttBars : public QCPAbstractPlottable {
public:
    GanttBars(QCPAxis* key, QCPAxis* value) : QCPAbstractPlottable(key, value) {}

    std::function<void(QCPPainter*)> paint;
    std::function<QCPRange()> keyRange;
    std::function<QCPRange()> valueRange;

    double selectTest(const QPointF&, bool, QVariant*) const override { return -1; }
    QCPRange getKeyRange(bool& found, QCP::SignDomain) const override {
        const QCPRange range = keyRange();
        found = range.size() > 0;
        return range;
    }
    QCPRange getValueRange(bool& found, QCP::SignDomain, const QCPRange&) const override {
        const QCPRange range = valueRange();
        found = range.size() > 0;
        return range;
    }

protected:
    void draw(QCPPainter* painter) override { paint(painter); }
    void drawLegendIcon(QCPPainter*, const QRectF&) const override {}
};

} // namespace

QColor PodGantt::segmentColor(Segment segment) {
    // Pending, running and terminating as the timeline plot's series; mid-tone colours that
    // read on light and dark backgrounds.
    switch (segment) {
    case Segment::Pending:
        return QColor(227, 119, 194);
    case Segment::Running:
        return QColor(44, 160, 44);
    case Segment::Ready:
        return QColor(18, 102, 48);
    case Segment::Terminating:
        return QColor(140, 86, 75);
    case Segment::Succeeded:
        return QColor(31, 119, 180);
    case Segment::Failed:
        return QColor(214, 39, 40);
    }
    return QColor(Qt::gray);
}

PodGantt::PodGantt(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>()) {
    d->q = this;
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    d->plot = new QCustomPlot(this);
    d->scroll = new QScrollBar(Qt::Vertical, this);
    layout->addWidget(d->plot, 1);
    layout->addWidget(d->scroll);
    d->scroll->setVisible(false);

    QCustomPlot* plot = d->plot;
    plot->setInteractions(QCP::Interactions()); // zoom, pan and clicks are handled below
    plot->setMouseTracking(true);
    d->rect = plot->axisRect();
    d->time = d->rect->axis(QCPAxis::atBottom);
    d->rows = d->rect->axis(QCPAxis::atLeft);
    d->rows->setRangeReversed(true); // row 0 at the top
    d->rows->grid()->setVisible(false);
    d->ticker = QSharedPointer<RowTicker>::create();
    d->ticker->label = [this](int row) { return d->rowLabel(row); };
    d->rows->setTicker(d->ticker);

    // The legend in a row of its own above the rows.
    d->legend = plot->legend;
    // The legend in a row of its own above the rows, as wide as its entries (a spacer takes
    // the rest of the row).
    d->rect->insetLayout()->take(d->legend);
    plot->plotLayout()->insertRow(0);
    auto* top = new QCPLayoutGrid;
    d->legendRow = top;
    plot->plotLayout()->addElement(0, 0, top);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    top->addElement(0, 0, d->legend);
    top->addElement(0, 1, new QCPLayoutElement(plot));
    top->setColumnStretchFactor(0, 0.001);
    d->legend->setVisible(true);
    d->legend->setBorderPen(Qt::NoPen);
    d->legend->setBrush(Qt::NoBrush);
    d->legend->setFillOrder(QCPLegend::foColumnsFirst);
    for (Segment kind : {Segment::Pending, Segment::Running, Segment::Ready, Segment::Terminating,
                         Segment::Succeeded, Segment::Failed}) {
        auto* item = new PhaseLegendItem(d->legend, kind);
        d->legend->addItem(item);
        d->legendItems.push_back(item);
    }
    d->legend->setWrap(static_cast<int>(d->legendItems.size()));

    d->barsPlottable = new GanttBars(d->time, d->rows);
    d->barsPlottable->paint = [this](QCPPainter* painter) { d->paint(painter); };
    d->barsPlottable->keyRange = [this] { return QCPRange(d->xStart, d->xEnd); };
    d->barsPlottable->valueRange = [this] { return QCPRange(-0.5, d->rowCount() - 0.5); };
    d->barsPlottable->removeFromLegend();

    plot->addLayer(QStringLiteral("playhead"), plot->layer(QStringLiteral("main")),
                   QCustomPlot::limAbove);
    d->playheadLayer = plot->layer(QStringLiteral("playhead"));
    d->playheadLayer->setMode(QCPLayer::lmBuffered);
    d->playheadLine = new QCPItemStraightLine(plot);
    d->playheadLine->setLayer(d->playheadLayer);
    d->playheadLine->setClipAxisRect(d->rect);
    d->playheadLine->setSelectable(false);
    for (QCPItemPosition* p : {d->playheadLine->point1, d->playheadLine->point2})
        p->setAxes(d->time, d->rows);
    d->placePlayhead();
    // Over the bars, under the playhead.
    plot->addLayer(QStringLiteral("curtain"), plot->layer(QStringLiteral("main")),
                   QCustomPlot::limAbove);
    d->curtain = new QCPItemRect(plot);
    d->curtain->setLayer(QStringLiteral("curtain"));
    d->curtain->setClipAxisRect(d->rect);
    d->curtain->setSelectable(false);
    d->curtain->setPen(Qt::NoPen);
    for (QCPItemPosition* p : {d->curtain->topLeft, d->curtain->bottomRight}) {
        p->setAxes(d->time, d->rows);
        p->setAxisRect(d->rect);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    d->placeCurtain();

    connect(plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { d->onMousePress(e); });
    connect(plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) { d->onMouseMove(e); });
    connect(plot, &QCustomPlot::mouseRelease, this,
            [this](QMouseEvent* e) { d->onMouseRelease(e); });
    connect(plot, &QCustomPlot::mouseWheel, this, [this](QWheelEvent* e) { d->onWheel(e); });
    connect(plot, &QCustomPlot::afterLayout, this, [this] {
        // The rows follow the height of the rect: same row height, more or fewer rows.
        if (d->exporting)
            return;
        const double height = d->rect->height();
        if (std::abs(height - d->lastAreaHeight) < 0.5)
            return;
        const bool first = d->lastAreaHeight < 0;
        d->lastAreaHeight = height;
        if (first)
            d->fitRows(); // setAnalysis only had an estimate of the height
        d->applyRows();
        d->plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(d->scroll, &QScrollBar::valueChanged, this, [this](int value) {
        if (value == d->topRow)
            return;
        d->topRow = value;
        d->applyRows();
        d->plot->replot(QCustomPlot::rpQueuedReplot);
    });

    d->retranslate();
    d->applyStyle(size());
    d->applyRows();
}

PodGantt::~PodGantt() = default;

QCustomPlot* PodGantt::customPlot() const {
    return d->plot;
}
QCPAxis* PodGantt::timeAxis() const {
    return d->time;
}
QCPAxis* PodGantt::rowAxis() const {
    return d->rows;
}
int PodGantt::rowCount() const {
    return d->rowCount();
}
int PodGantt::rowOfPod(int podIndex) const {
    return podIndex >= 0 && podIndex < static_cast<int>(d->podRow.size())
               ? d->podRow[static_cast<size_t>(podIndex)]
               : -1;
}
QString PodGantt::rowLabel(int row) const {
    return d->rowLabel(row);
}
int PodGantt::paintedSegmentCount() const {
    return d->painted;
}
QStringList PodGantt::paintedFailureMarks() const {
    return d->failureMarks;
}
int PodGantt::selectedPod() const {
    return d->selected;
}
double PodGantt::playhead() const {
    return d->playhead;
}
QCPLayer* PodGantt::playheadLayer() const {
    return d->playheadLayer;
}
QCPItemStraightLine* PodGantt::playheadLine() const {
    return d->playheadLine;
}
double PodGantt::dataStart() const {
    return d->xStart;
}
double PodGantt::dataEnd() const {
    return d->xEnd;
}
int PodGantt::firstVisibleRow() const {
    return d->topRow;
}
double PodGantt::visibleRowCount() const {
    return d->visibleRows;
}
double PodGantt::rowHeight() const {
    return d->rowPixels;
}
QScrollBar* PodGantt::rowScrollBar() const {
    return d->scroll;
}

QString PodGantt::Private::rowLabel(int row) const {
    if (row < 0 || row >= rowCount())
        return {};
    const int index = rowIndex[static_cast<size_t>(row)];
    if (index >= 0 && run && !run->jobs.empty())
        return tr("%1 · index %2")
            .arg(QString::fromStdString(
                run->jobs[static_cast<size_t>(rowJob[static_cast<size_t>(row)])]
                    .timeline.jobMetadata.name))
            .arg(index);
    if (index >= 0)
        return tr("index %1").arg(index);
    const int pod = rowFirstPod[static_cast<size_t>(row)];
    if (!analysis || pod < 0)
        return {};
    return QString::fromStdString(analysis->pods[static_cast<size_t>(pod)].name);
}

void PodGantt::setAnalysis(std::shared_ptr<const Analysis> analysis, double origin, double end) {
    setRun(analysis
               ? std::make_shared<const Run>(runOfAnalysis(
                     *analysis, origin, end > origin ? std::optional<Seconds>(end) : std::nullopt))
               : nullptr);
}

void PodGantt::setRun(std::shared_ptr<const Run> run) {
    // The selected Pod by name, as the inspector keeps it (run.h podIndexNamed).
    const std::string selected = d->analysis && d->selected >= 0
                                     ? d->analysis->pods[static_cast<size_t>(d->selected)].name
                                     : std::string();
    d->analysis = run ? std::shared_ptr<const Analysis>(run, &run->analysis) : nullptr;
    d->run = run;
    d->origin = run ? run->origin : 0;
    d->selected = run ? podIndexNamed(*run, selected) : -1;
    d->topRow = 0;

    // The x range as the timeline plot's: from the first thing shown (a Pod created before the
    // Job was observed included) to the run's end.
    double first = 0;
    if (run) {
        if (!run->analysis.series.empty())
            first = std::min(0.0, run->analysis.series.front().time - run->origin);
        for (const PodLifecycle& p : run->analysis.pods)
            first = std::min(first, p.created - run->origin);
    }
    double dataEnd = run ? run->end : 0;
    if (!(dataEnd > first))
        dataEnd = first + 1;
    d->xStart = first;
    d->xEnd = dataEnd + kTail * (dataEnd - first);
    d->build();
    d->retranslate(); // the row axis' name depends on the completion mode
    d->fitRows();
    d->time->setRange(d->xStart, d->xEnd);
    d->applyRows();
    d->placeCurtain();
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

void PodGantt::Private::build() {
    widestLabel = {};
    bars.clear();
    maxEnd.clear();
    rowStart.clear();
    rowIndex.clear();
    rowJob.clear();
    rowFirstPod.clear();
    podRow.clear();
    indexed = false;
    if (!analysis) {
        ticker->rowCount = 0;
        return;
    }
    const std::vector<PodLifecycle>& pods = analysis->pods;
    const double dataEnd = xEnd;
    podRow.assign(pods.size(), -1);
    indexed =
        std::any_of(pods.begin(), pods.end(), [](const PodLifecycle& p) { return p.index >= 0; });
    // A run of several Jobs keeps each Job's rows together, in the Jobs' order (its Pods are
    // grouped so already).
    const auto jobOf = [this](size_t pod) {
        return run && !run->jobs.empty() ? static_cast<int>(jobOfPod(*run, pod)) : 0;
    };
    // Rows: Indexed Jobs one per completion index in index order (a Pod without an index after
    // them), NonIndexed one per Pod in creation order.
    if (indexed) {
        // The distinct (Job, index) pairs in order, each a row. Where they span a range not
        // much wider than their number (one Job's indexes: 0 to completions − 1), a table over
        // the range ranks them; else they are sorted and a Pod finds its row by binary search.
        const auto key = [&](size_t pod) {
            return (static_cast<int64_t>(jobOf(pod)) << 32) |
                   static_cast<uint32_t>(pods[pod].index);
        };
        std::vector<int64_t> keys;
        for (size_t i = 0; i < pods.size(); ++i)
            if (pods[i].index >= 0)
                keys.push_back(key(i));
        const auto [lowest, highest] = std::minmax_element(keys.begin(), keys.end());
        const int64_t low = keys.empty() ? 0 : *lowest;
        const int64_t span = keys.empty() ? 0 : *highest - low + 1;
        std::vector<int> rankOf; // by key - low: the row, -1 for a key no Pod has
        if (span <= static_cast<int64_t>(keys.size()) * 4 + 1024) {
            rankOf.assign(static_cast<size_t>(span), -1);
            for (const int64_t k : keys)
                rankOf[static_cast<size_t>(k - low)] = 0;
            keys.clear();
            for (int64_t k = 0; k < span; ++k)
                if (rankOf[static_cast<size_t>(k)] == 0) {
                    rankOf[static_cast<size_t>(k)] = static_cast<int>(keys.size());
                    keys.push_back(low + k);
                }
        } else {
            std::sort(keys.begin(), keys.end());
            keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        }
        const auto rowOf = [&](int64_t k) {
            return rankOf.empty() ? static_cast<int>(std::lower_bound(keys.begin(), keys.end(), k) -
                                                     keys.begin())
                                  : rankOf[static_cast<size_t>(k - low)];
        };
        for (const int64_t k : keys) {
            rowIndex.push_back(static_cast<int>(k & 0xffffffff));
            rowJob.push_back(static_cast<int>(k >> 32));
        }
        rowFirstPod.assign(rowIndex.size(), -1);
        // Rows of Pods without an index are appended below.
        for (size_t i = 0; i < pods.size(); ++i) {
            if (pods[i].index >= 0) {
                podRow[i] = rowOf(key(i));
            } else {
                podRow[i] = static_cast<int>(rowIndex.size());
                rowIndex.push_back(-1);
                rowJob.push_back(jobOf(i));
                rowFirstPod.push_back(static_cast<int>(i));
            }
        }
    } else {
        for (size_t i = 0; i < pods.size(); ++i) {
            podRow[i] = static_cast<int>(i);
            rowIndex.push_back(-1);
            rowJob.push_back(jobOf(i));
            rowFirstPod.push_back(static_cast<int>(i));
        }
    }
    const int rowsTotal = static_cast<int>(rowIndex.size());

    // Each Pod's bars (at most five: its four phases and the mark where it finished), grouped by
    // row with a counting sort (one pass counts each row's bars, the next writes them in place,
    // in Pod order, with no array of them all in between) and sorted by start within a row.
    struct PodBars {
        std::array<Bar, 5> bars;
        int count = 0;
    };
    const auto barsOf = [&](size_t i) {
        PodBars out;
        const auto addBar = [&out, i](double start, double stop, Segment kind) {
            out.bars[static_cast<size_t>(out.count++)] = {start, stop, static_cast<int>(i), kind};
        };
        const PodLifecycle& p = pods[i];
        const auto rel = [this](Seconds t) { return t - origin; };
        const double created = rel(p.created);
        // Its life ends when its container ended or it was removed, else it lasts to the end.
        double lifeEnd = dataEnd;
        if (p.finished)
            lifeEnd = std::min(lifeEnd, rel(*p.finished));
        if (p.deleted)
            lifeEnd = std::min(lifeEnd, rel(*p.deleted));
        lifeEnd = std::max(lifeEnd, created);
        const double activeEnd =
            p.terminating ? std::clamp(rel(*p.terminating), created, lifeEnd) : lifeEnd;
        const auto add = [&](double start, double stop, Segment kind) {
            if (stop > start)
                addBar(start, stop, kind);
        };
        const double started =
            p.started ? std::clamp(rel(*p.started), created, activeEnd) : activeEnd;
        const double ready = p.ready ? std::clamp(rel(*p.ready), started, activeEnd) : activeEnd;
        add(created, started, Segment::Pending);
        add(started, ready, Segment::Running);
        add(ready, activeEnd, Segment::Ready);
        add(activeEnd, lifeEnd, Segment::Terminating);
        if (p.finished) {
            const bool failed = p.phase == "Failed" || (p.exitCode && *p.exitCode != 0);
            const double at = std::max(created, rel(*p.finished));
            addBar(at, at, failed ? Segment::Failed : Segment::Succeeded);
        }
        return out;
    };
    rowStart.assign(static_cast<size_t>(rowsTotal) + 1, 0);
    for (size_t i = 0; i < pods.size(); ++i)
        rowStart[static_cast<size_t>(podRow[i]) + 1] += barsOf(i).count;
    for (int r = 0; r < rowsTotal; ++r)
        rowStart[static_cast<size_t>(r) + 1] += rowStart[static_cast<size_t>(r)];
    bars.resize(static_cast<size_t>(rowStart.back()));
    std::vector<int> fill(rowStart.begin(), rowStart.end() - 1);
    for (size_t i = 0; i < pods.size(); ++i) {
        const PodBars own = barsOf(i);
        int& next = fill[static_cast<size_t>(podRow[i])];
        std::copy_n(own.bars.begin(), own.count, bars.begin() + next);
        next += own.count;
    }
    maxEnd.resize(bars.size());
    for (int r = 0; r < rowsTotal; ++r) {
        const auto begin = bars.begin() + rowStart[static_cast<size_t>(r)];
        const auto end = bars.begin() + rowStart[static_cast<size_t>(r) + 1];
        // Attempts of one index are mostly in order already; stable keeps a Pod's own order.
        const auto byStart = [](const Bar& x, const Bar& y) { return x.start < y.start; };
        if (!std::is_sorted(begin, end, byStart))
            std::stable_sort(begin, end, byStart);
        double running = -std::numeric_limits<double>::infinity();
        for (auto it = begin; it != end; ++it) {
            running = std::max(running, it->end);
            maxEnd[static_cast<size_t>(it - bars.begin())] = running;
        }
    }
    ticker->rowCount = rowsTotal;
}

void PodGantt::Private::fitRows() {
    // Rows fill the view, no taller than kMaxFitRowPixels, no smaller than the default.
    const double s = styleScale;
    const double fit = areaHeight() / std::max(1, rowCount());
    rowPixels = std::clamp(fit, kMinDefaultRowPixels * s, kMaxFitRowPixels * s);
}

double PodGantt::Private::areaHeight() const {
    if (lastAreaHeight > 0)
        return lastAreaHeight;
    // Before the first layout: the plot's height less what the axes and legend usually take.
    return std::max(40.0, plot->height() - 90.0 * styleScale);
}

void PodGantt::Private::applyRows() {
    const int total = rowCount();
    const double height = areaHeight();
    visibleRows = std::max(1.0, height / std::max(1.0, rowPixels));
    const int maxTop = std::max(0, static_cast<int>(std::ceil(total - visibleRows)));
    topRow = std::clamp(topRow, 0, maxTop);
    rows->setRange(topRow - 0.5, topRow - 0.5 + visibleRows);
    const QFontMetricsF metrics(rows->tickLabelFont());
    ticker->setTickCount(std::max(1, static_cast<int>(height / (metrics.height() * 1.15))));
    {
        const QSignalBlocker block(scroll);
        scroll->setRange(0, maxTop);
        scroll->setPageStep(std::max(1, static_cast<int>(visibleRows)));
        scroll->setSingleStep(1);
        scroll->setValue(topRow);
    }
    scroll->setVisible(maxTop > 0 && !exporting);
}

void PodGantt::setRowHeight(double pixels) {
    d->rowPixels = std::clamp(pixels, 1.0, kMaxRowPixels * d->styleScale);
    d->applyRows();
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

void PodGantt::scrollToRow(int row) {
    d->topRow = row;
    d->applyRows();
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

void PodGantt::setSelectedPod(int podIndex) {
    const int row = rowOfPod(podIndex);
    d->selected = row >= 0 ? podIndex : -1;
    if (row >= 0 && (row < d->topRow || row > d->topRow + d->visibleRows - 1))
        d->topRow = std::max(0, row - static_cast<int>(d->visibleRows / 3));
    d->applyRows();
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

void PodGantt::setTimeRange(double lower, double upper) {
    if (!(upper > lower))
        return;
    d->time->setRange(lower, upper);
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

void PodGantt::Private::placePlayhead() {
    const bool shown = std::isfinite(playhead);
    playheadLine->setVisible(shown);
    playheadLine->setPen(QPen(kPlayheadColor, std::max(1.5, 2 * styleScale)));
    if (shown) {
        playheadLine->point1->setCoords(playhead, 0);
        playheadLine->point2->setCoords(playhead, 1);
    }
}

void PodGantt::Private::placeCurtain() {
    const bool shown = revealUntil && *revealUntil < xEnd;
    curtain->setVisible(shown);
    curtain->setBrush(q->palette().color(QPalette::Base)); // the background applyStyle sets
    if (shown) {
        // From the reveal to past the end of the data (zooming out shows no more).
        curtain->topLeft->setCoords(*revealUntil, -0.01);
        curtain->bottomRight->setCoords(xEnd + (xEnd - xStart), 1.01);
    }
}

void PodGantt::setRevealUntil(std::optional<double> time) {
    d->revealUntil = time;
    d->placeCurtain();
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

std::optional<double> PodGantt::revealUntil() const {
    return d->revealUntil;
}

void PodGantt::setPlayhead(double time) {
    d->playhead = time;
    d->placePlayhead();
    d->playheadLayer->replot(); // falls back to a full replot when the other buffers are stale
}

void PodGantt::Private::paint(QCPPainter* painter) {
    painted = 0;
    failureMarks.clear();
    const int total = rowCount();
    if (total == 0 || !analysis)
        return;
    const QRect area = rect->rect();
    const double t0 = time->range().lower;
    const double t1 = time->range().upper;
    const double pxPerSecond = (time->coordToPixel(t1) - time->coordToPixel(t0)) / (t1 - t0);
    if (!(pxPerSecond > 0))
        return;
    const double rowPx = std::abs(rows->coordToPixel(1) - rows->coordToPixel(0));
    const int firstRow = std::max(0, static_cast<int>(std::floor(rows->range().lower + 0.5)));
    const int lastRow = std::min(total - 1, static_cast<int>(std::ceil(rows->range().upper - 0.5)));
    const double s = styleScale;
    // Bars leave a gap between rows when there is room; dense rows touch.
    const double barHeight =
        rowPx >= 6 ? std::max(4.0, std::round(rowPx * 0.72)) : std::max(1.0, std::round(rowPx));
    const double markPx = std::min(kEndMarkPixels * s, std::max(2.0, barHeight / 2));
    // End marks are drawn right of their time: the window reaches back by their width.
    const double windowStart = t0 - markPx / pxPerSecond;
    const double pixelLeft = area.left() - 2;
    const double pixelRight = area.right() + 2;
    const QPalette palette = q->palette();
    const QColor text = palette.color(QPalette::Text);

    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    // Alternate rows shaded when rows are tall enough to tell apart.
    if (rowPx >= 8) {
        QColor zebra = text;
        zebra.setAlpha(14);
        for (int row = firstRow; row <= lastRow; ++row)
            if (row % 2 == 1) {
                const double y = rows->coordToPixel(row);
                painter->fillRect(QRectF(area.left(), y - rowPx / 2, area.width(), rowPx), zebra);
            }
    }
    // A line where one Job's rows end and the next Job's begin.
    if (run && !run->jobs.empty()) {
        QColor rule = text;
        rule.setAlpha(rowPx >= 4 ? 110 : 60);
        for (int row = std::max(1, firstRow); row <= lastRow; ++row)
            if (rowJob[static_cast<size_t>(row)] != rowJob[static_cast<size_t>(row) - 1]) {
                const double y = std::round(rows->coordToPixel(row) - rowPx / 2);
                painter->fillRect(QRectF(area.left(), y - 0.5 * s, area.width(), std::max(1.0, s)),
                                  rule);
            }
    }
    const int selectedRow = selected >= 0 ? podRow[static_cast<size_t>(selected)] : -1;
    if (selectedRow >= firstRow && selectedRow <= lastRow) {
        QColor highlight = palette.color(QPalette::Highlight);
        highlight.setAlpha(70);
        const double y = rows->coordToPixel(selectedRow);
        painter->fillRect(QRectF(area.left(), y - rowPx / 2, area.width(), std::max(1.0, rowPx)),
                          highlight);
    }

    QColor colors[6];
    for (int k = 0; k < 6; ++k)
        colors[k] = PodGantt::segmentColor(static_cast<PodGantt::Segment>(k));
    const QFont markFont = pixelFont(q->font(), std::min(12.0 * s, barHeight * 0.95));
    const QFontMetricsF markMetrics(markFont);
    const bool crosses = barHeight >= 7;
    const bool labels = barHeight >= markMetrics.height() * 0.8;
    struct Mark {
        double x;
        double y;
        double room; // pixels free to the right
        int pod;
    };
    std::vector<Mark> marks;
    QRectF selectedOutline;

    for (int row = firstRow; row <= lastRow; ++row) {
        const double centerY = rows->coordToPixel(row);
        const double top = std::round(centerY - barHeight / 2);
        const auto rowBegin = static_cast<size_t>(rowStart[static_cast<size_t>(row)]);
        const auto rowEnd = static_cast<size_t>(rowStart[static_cast<size_t>(row) + 1]);
        // The first bar whose row-so-far end reaches the window.
        size_t i = static_cast<size_t>(
            std::lower_bound(maxEnd.begin() + static_cast<std::ptrdiff_t>(rowBegin),
                             maxEnd.begin() + static_cast<std::ptrdiff_t>(rowEnd), windowStart) -
            maxEnd.begin());
        // A run of merged bars waiting to be painted.
        double runLeft = 0;
        double runRight = -1;
        int runColor = -1;
        const auto flush = [&] {
            if (runColor < 0)
                return;
            painter->fillRect(QRectF(runLeft, top, runRight - runLeft, barHeight),
                              colors[runColor]);
            ++painted;
            runColor = -1;
        };
        for (; i < rowEnd; ++i) {
            const Bar& b = bars[i];
            if (b.start > t1)
                break;
            if (b.end < windowStart)
                continue; // an earlier, overlapping attempt that ended before the window
            const bool mark = isEndMark(b.kind);
            double left = std::clamp(time->coordToPixel(b.start), pixelLeft, pixelRight);
            double right =
                mark ? left + markPx : std::clamp(time->coordToPixel(b.end), pixelLeft, pixelRight);
            if (right - left < 1)
                right = left + 1;
            const int color = static_cast<int>(b.kind);
            // Bars under a pixel join the run they touch, so that a zoomed-out row of many
            // short attempts costs a few rectangles, not one per bar.
            const bool touches = runColor >= 0 && left <= runRight + 0.5;
            if (touches && (color == runColor || right - left < 1.5 || runRight - runLeft < 1.5)) {
                runRight = std::max(runRight, right);
                if (runRight - runLeft < 1.5 || mark)
                    runColor = color; // a sliver shows its latest state, an end its end
            } else {
                flush();
                runLeft = left;
                runRight = right;
                runColor = color;
            }
            if (b.pod == selected) {
                selectedOutline =
                    selectedOutline.isNull()
                        ? QRectF(left, top, right - left, barHeight)
                        : selectedOutline.united(QRectF(left, top, right - left, barHeight));
            }
            if (b.kind == PodGantt::Segment::Failed && crosses && right < area.right()) {
                // The room up to the next bar of the row (or the rect's edge).
                double next = area.right();
                if (i + 1 < rowEnd)
                    next = std::min(next, time->coordToPixel(bars[i + 1].start));
                marks.push_back({right, centerY, next - right, b.pod});
            }
        }
        flush();
    }

    if (!selectedOutline.isNull()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(text, std::max(1.0, 1.5 * s)));
        painter->drawRect(selectedOutline.adjusted(-1, -1, 0, 0));
    }
    // Failure marks: a cross, and the exit code when it fits before the next bar.
    if (!marks.empty()) {
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setFont(markFont);
        const double h = std::min(barHeight * 0.7, 10.0 * s);
        for (const Mark& m : marks) {
            const PodLifecycle& p = analysis->pods[static_cast<size_t>(m.pod)];
            const QString code = p.exitCode ? QString::number(*p.exitCode) : QString();
            const double crossWidth = h + 3 * s;
            if (m.room < crossWidth)
                continue;
            const QPointF c(m.x + 2 * s + h / 2, m.y);
            painter->setPen(
                QPen(colors[static_cast<int>(PodGantt::Segment::Failed)], std::max(1.5, 1.8 * s)));
            painter->drawLine(c + QPointF(-h / 2, -h / 2), c + QPointF(h / 2, h / 2));
            painter->drawLine(c + QPointF(-h / 2, h / 2), c + QPointF(h / 2, -h / 2));
            QString shown = QStringLiteral("✕");
            const double codeWidth = markMetrics.horizontalAdvance(code) + 3 * s;
            if (labels && !code.isEmpty() && m.room >= crossWidth + codeWidth + 2 * s) {
                painter->setPen(text);
                painter->drawText(QPointF(m.x + crossWidth + 1 * s,
                                          m.y + (markMetrics.ascent() - markMetrics.descent()) / 2),
                                  code);
                shown += QLatin1Char(' ') + code;
            }
            failureMarks << shown;
        }
    }
}

void PodGantt::Private::applyStyle(const QSize& size, double scale) {
    const double s = scale > 0 ? scale : styleScaleFor(size);
    const double old = styleScale;
    styleScale = s;
    if (old != s)
        rowPixels *= s / old;
    const QPalette palette = q->palette();
    const QColor background = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    plot->setBackground(background);
    const QFont base = q->font();
    const QPen axisPen(text, std::max(1.0, s));
    QColor gridColor = text;
    gridColor.setAlpha(45);
    for (QCPAxis* axis : {time, rows}) {
        axis->setLabelFont(pixelFont(base, 14 * s));
        axis->setTickLabelFont(pixelFont(base, 12 * s));
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
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
    rows->setSubTicks(false);
    legend->setFont(pixelFont(base, 12.5 * s));
    legend->setTextColor(text);
    legend->setIconSize(QSize(static_cast<int>(22 * s), static_cast<int>(11 * s)));
    legend->setIconTextPadding(static_cast<int>(5 * s));
    legend->setColumnSpacing(static_cast<int>(14 * s));
    legend->setMargins(QMargins(static_cast<int>(8 * s), static_cast<int>(4 * s),
                                static_cast<int>(8 * s), static_cast<int>(2 * s)));
    int legendHeight = 0;
    for (PhaseLegendItem* item : legendItems) {
        item->setFont(legend->font());
        item->setTextColor(text);
        legendHeight = std::max(legendHeight, item->minimumOuterSizeHint().height());
    }
    // Reserved in full: the layout would otherwise squeeze the row and clip the texts.
    const QMargins margins = legend->margins();
    legend->setMinimumSize(0, legendHeight + margins.top() + margins.bottom());
    placePlayhead();
    if (curtain)
        placeCurtain(); // the background's colour
}

void PodGantt::Private::retranslate() {
    const QString names[6] = {tr("pending"),     tr("running"),   tr("ready"),
                              tr("terminating"), tr("succeeded"), tr("failed (✕ exit code)")};
    for (size_t i = 0; i < legendItems.size(); ++i)
        legendItems[i]->setText(names[i]);
    time->setLabel(tr("time since the Job was created (s)"));
    rows->setLabel(indexed ? tr("completion index") : tr("Pods"));
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void PodGantt::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        d->retranslate();
    } else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        d->applyStyle(size());
        d->plot->replot(QCustomPlot::rpQueuedReplot);
    }
    QWidget::changeEvent(event);
}

void PodGantt::resizeEvent(QResizeEvent* event) {
    d->applyStyle(event->size());
    QWidget::resizeEvent(event);
}

int PodGantt::podAt(const QPoint& position) const {
    return d->podAtPlot(QPointF(d->plot->mapFrom(this, position)));
}

int PodGantt::Private::podAtPlot(const QPointF& p) const {
    if (!inArea(p) || rowCount() == 0)
        return -1;
    const auto row = static_cast<int>(std::lround(rows->pixelToCoord(p.y())));
    if (row < 0 || row >= rowCount())
        return -1;
    const double t = time->pixelToCoord(p.x());
    // A few pixels of tolerance, so that a Pod's end mark and a thin bar can be hit.
    const double tolerance =
        3 * styleScale / std::max(1e-12, std::abs(time->coordToPixel(1) - time->coordToPixel(0)));
    const double markTime =
        kEndMarkPixels * styleScale /
        std::max(1e-12, std::abs(time->coordToPixel(1) - time->coordToPixel(0)));
    const auto begin = static_cast<size_t>(rowStart[static_cast<size_t>(row)]);
    const auto end = static_cast<size_t>(rowStart[static_cast<size_t>(row) + 1]);
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (size_t i = static_cast<size_t>(
             std::lower_bound(maxEnd.begin() + static_cast<std::ptrdiff_t>(begin),
                              maxEnd.begin() + static_cast<std::ptrdiff_t>(end),
                              t - tolerance - markTime) -
             maxEnd.begin());
         i < end && bars[i].start <= t + tolerance; ++i) {
        const Bar& b = bars[i];
        const double stop = isEndMark(b.kind) ? b.end + markTime : b.end;
        const double distance = t < b.start ? b.start - t : (t > stop ? t - stop : 0);
        // Inside a bar wins; among overlapping attempts, the later one (drawn on top).
        if (distance <= tolerance && distance <= bestDistance) {
            best = b.pod;
            bestDistance = distance;
        }
    }
    return best;
}

QString PodGantt::podToolTip(int podIndex) const {
    if (!d->analysis || podIndex < 0 || podIndex >= static_cast<int>(d->analysis->pods.size()))
        return {};
    const PodLifecycle& p = d->analysis->pods[static_cast<size_t>(podIndex)];
    const auto at = [this](Seconds t) { return QString::number(t - d->origin, 'f', 1); };
    QStringList lines;
    lines << QString::fromStdString(p.name);
    if (p.index >= 0)
        lines << tr("completion index %1, attempt %2").arg(p.index).arg(p.attempt);
    lines << (p.node.empty() ? tr("node: not scheduled")
                             : tr("node: %1").arg(QString::fromStdString(p.node)));
    lines << tr("created at %1 s").arg(at(p.created));
    if (p.scheduled)
        lines << tr("scheduled at %1 s").arg(at(*p.scheduled));
    if (p.started)
        lines << tr("started at %1 s").arg(at(*p.started));
    if (p.ready)
        lines << tr("ready at %1 s").arg(at(*p.ready));
    if (p.terminating)
        lines << tr("terminating from %1 s").arg(at(*p.terminating));
    QString phase = QString::fromStdString(p.phase);
    if (p.phase == "Succeeded")
        phase = tr("succeeded");
    else if (p.phase == "Failed")
        phase = tr("failed");
    else if (p.phase == "Running")
        phase = tr("running");
    else if (p.phase == "Pending")
        phase = tr("pending");
    if (p.finished) {
        if (p.exitCode)
            lines << tr("finished at %1 s: %2, exit code %3")
                         .arg(at(*p.finished), phase)
                         .arg(*p.exitCode);
        else
            lines << tr("finished at %1 s: %2").arg(at(*p.finished), phase);
    } else if (!phase.isEmpty()) {
        lines << tr("last phase seen: %1").arg(phase);
    }
    if (p.disruptionTarget)
        lines << tr("disrupted: its node went away");
    if (p.deleted)
        lines << tr("deleted at %1 s").arg(at(*p.deleted));
    return lines.join(QLatin1Char('\n'));
}

void PodGantt::Private::applyUserRange(double lower, double upper) {
    const double span = xEnd - xStart;
    const double width = std::clamp(upper - lower, span * kMinZoomSpan, span);
    lower = std::clamp(lower, xStart, xEnd - width);
    upper = lower + width;
    if (time->range().lower == lower && time->range().upper == upper)
        return;
    time->setRange(lower, upper);
    plot->replot(QCustomPlot::rpQueuedReplot);
    emit q->timeRangeChanged(lower, upper);
}

void PodGantt::Private::scrubTo(double x) {
    const double t = std::clamp(time->pixelToCoord(x), xStart, xEnd);
    q->setPlayhead(t);
    emit q->scrubbed(t);
}

void PodGantt::Private::onMousePress(QMouseEvent* event) {
    const QPointF p = event->position();
    drag = Drag::None;
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton)
        return;
    QToolTip::hideText();
    const bool nearPlayhead =
        std::isfinite(playhead) &&
        std::abs(time->coordToPixel(playhead) - p.x()) <= kPlayheadGrab * styleScale;
    if (event->button() == Qt::LeftButton && (onTimeAxis(p) || (inArea(p) && nearPlayhead))) {
        drag = Drag::Scrub;
        scrubTo(p.x());
        return;
    }
    if (!inArea(p))
        return;
    drag = Drag::Pending;
    pressPosition = p;
    pressRange = time->range();
    pressTopRow = topRow;
}

void PodGantt::Private::onMouseMove(QMouseEvent* event) {
    const QPointF p = event->position();
    switch (drag) {
    case Drag::Scrub:
        scrubTo(p.x());
        return;
    case Drag::Pending:
        if ((p - pressPosition).manhattanLength() < kDragThreshold)
            return;
        drag = Drag::Pan;
        [[fallthrough]];
    case Drag::Pan: {
        const double perPixel = pressRange.size() / std::max(1, rect->width());
        const double shift = (pressPosition.x() - p.x()) * perPixel;
        applyUserRange(pressRange.lower + shift, pressRange.upper + shift);
        const int rowShift =
            static_cast<int>(std::lround((pressPosition.y() - p.y()) / std::max(1.0, rowPixels)));
        if (pressTopRow + rowShift != topRow) {
            topRow = pressTopRow + rowShift;
            applyRows();
            plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return;
    }
    case Drag::None:
        break;
    }
    const int pod = podAtPlot(p);
    if (pod >= 0)
        QToolTip::showText(plot->mapToGlobal(p.toPoint()), q->podToolTip(pod), plot);
    else
        QToolTip::hideText();
}

void PodGantt::Private::onMouseRelease(QMouseEvent* event) {
    const Drag was = drag;
    drag = Drag::None;
    if (was != Drag::Pending || event->button() != Qt::LeftButton)
        return;
    // A click: select the Pod under it, or clear the selection.
    const int pod = podAtPlot(event->position());
    if (pod == selected)
        return;
    selected = pod;
    plot->replot(QCustomPlot::rpQueuedReplot);
    emit q->podSelected(pod);
}

void PodGantt::Private::onWheel(QWheelEvent* event) {
    const QPointF p = event->position();
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    if (modifiers.testFlag(Qt::ControlModifier) && (inArea(p) || onRowAxis(p))) {
        // Row height, keeping the row under the cursor in place.
        const double rowUnder = rows->pixelToCoord(p.y());
        const double fromTop = rowUnder - (topRow - 0.5);
        rowPixels = std::clamp(rowPixels * std::pow(1.15, steps), 1.0, kMaxRowPixels * styleScale);
        const double newVisible = std::max(1.0, areaHeight() / rowPixels);
        topRow = static_cast<int>(std::lround(rowUnder + 0.5 - fromTop * newVisible / visibleRows));
        applyRows();
        plot->replot(QCustomPlot::rpQueuedReplot);
    } else if (onRowAxis(p) || (modifiers.testFlag(Qt::ShiftModifier) && inArea(p))) {
        topRow -= static_cast<int>(std::lround(steps * kWheelRows));
        applyRows();
        plot->replot(QCustomPlot::rpQueuedReplot);
    } else if (inArea(p) || onTimeAxis(p)) {
        const QCPRange range = time->range();
        const double center = time->pixelToCoord(p.x());
        const double factor = std::pow(kWheelZoom, steps);
        applyUserRange(center - (center - range.lower) * factor,
                       center + (range.upper - center) * factor);
    } else {
        return;
    }
    event->accept();
}

void PodGantt::Private::beginExport(const QSize& size, double scale) {
    exporting = true;
    applyStyle(size, scale);
}

void PodGantt::Private::endExport() {
    applyStyle(plot->size());
    exporting = false;
    applyRows(); // the rows on screen again
    plot->replot(QCustomPlot::rpQueuedReplot);
}

QImage PodGantt::renderImage(const QSize& size, bool everyRow, double scale) {
    QImage image;
    exportAt(size, everyRow, scale,
             [&] { image = d->plot->toPixmap(size.width(), size.height(), 1.0).toImage(); });
    return image;
}

void PodGantt::render(QCPPainter* painter, const QSize& size, bool everyRow, double scale) {
    exportAt(size, everyRow, scale,
             [&] { d->plot->toPainter(painter, size.width(), size.height()); });
}

void PodGantt::exportAt(const QSize& size, bool everyRow, double scale,
                        const std::function<void()>& draw) {
    // The same time range as on screen, laid out and styled for `size`; the rows on screen, or
    // all of them.
    d->beginExport(size, scale);
    if (everyRow) {
        const int total = std::max(1, d->rowCount());
        d->rows->setRange(-0.5, total - 0.5);
        // As many labels as the rows' height holds: the height the legend and the time axis
        // leave them at `size`, from a layout at that size (no drawing).
        const QFontMetricsF metrics(d->rows->tickLabelFont());
        const QRect screen = d->plot->viewport();
        d->plot->setViewport(QRect(QPoint(0, 0), size));
        for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                                 QCPLayoutElement::upLayout})
            d->plot->plotLayout()->update(phase);
        const double area = d->rect->height();
        d->plot->setViewport(screen);
        d->ticker->setTickCount(
            std::clamp(static_cast<int>(area / (metrics.height() * 1.15)), 1, total));
    }
    draw();
    d->renderedTextPixels = smallestTextPixels(*d->plot);
    d->endExport();
}

void PodGantt::setLegendShown(bool shown) {
    QCPLayoutGrid* layout = d->plot->plotLayout();
    const bool inLayout = layout->hasElement(0, 0) && layout->element(0, 0) == d->legendRow;
    if (shown == inLayout)
        return;
    d->legend->setVisible(shown);
    if (shown) {
        layout->insertRow(0);
        layout->addElement(0, 0, d->legendRow);
        layout->setRowStretchFactor(0, 0.001);
    } else {
        layout->take(d->legendRow);
        layout->simplify();
    }
}

bool PodGantt::isLegendShown() const {
    return d->legend->visible();
}

int PodGantt::renderedTextPixels() const {
    return d->renderedTextPixels;
}

int PodGantt::rowsPerPage(const QSize& size, double scale) {
    if (size.isEmpty())
        return 1;
    // Lay the page out once to learn the height the legend and the time axis leave the rows.
    d->beginExport(size, scale);
    d->plot->toPixmap(size.width(), size.height(), 1.0);
    const double area = d->rect->height();
    // A row with its label: the label's line height and a little air.
    const double row = QFontMetricsF(d->rows->tickLabelFont()).height() * 1.2;
    d->endExport();
    return std::max(1, static_cast<int>(std::floor(area / row)));
}

void PodGantt::renderRows(QCPPainter* painter, const QSize& size, double scale, int firstRow,
                          int count) {
    count = std::max(1, count);
    d->beginExport(size, scale);
    d->rows->setRange(firstRow - 0.5, firstRow + count - 0.5);
    d->ticker->setTickCount(count); // a label on every row
    // The row labels take the width of the widest on any page, so that the time axis stands in
    // the same place on every page.
    const QFontMetricsF metrics(d->rows->tickLabelFont());
    const QFont font = d->rows->tickLabelFont();
    if (!d->widestLabel.measured || d->widestLabel.font != font) {
        d->widestLabel = {font, true, 0};
        for (int row = 0; row < d->rowCount(); ++row)
            d->widestLabel.width =
                std::max(d->widestLabel.width, metrics.horizontalAdvance(d->rowLabel(row)));
    }
    const double widest = d->widestLabel.width;
    double widestHere = 0;
    for (int row = firstRow; row < std::min(firstRow + count, d->rowCount()); ++row)
        widestHere = std::max(widestHere, metrics.horizontalAdvance(d->rowLabel(row)));
    const int padding = d->rows->padding();
    d->rows->setPadding(padding + static_cast<int>(std::ceil(widest - widestHere)));
    d->plot->toPainter(painter, size.width(), size.height());
    d->rows->setPadding(padding);
    d->endExport();
}

QSize PodGantt::sizeForEveryRow(const QSize& size) {
    if (!size.isValid() || d->rowCount() == 0)
        return size;
    // Lay the chart out at `size` once to learn what the axes, legend and margins take.
    d->beginExport(size, 0);
    d->plot->toPixmap(size.width(), size.height(), 1.0);
    const double overhead = size.height() - d->rect->height();
    const double rowPixels = d->rowPixels; // at the export's scale
    d->endExport();
    constexpr double kThinnestRow = 3;
    const double rows = d->rowCount();
    double height = overhead + rows * rowPixels;
    if (height > kMaxExportHeight)
        height = std::min<double>(kMaxExportHeight, overhead + rows * kThinnestRow);
    return QSize(size.width(), std::max(size.height(), static_cast<int>(std::ceil(height))));
}

bool PodGantt::savePng(const QString& path, const QSize& size, QString* error) {
    // At the scale of the size asked for, which sizeForEveryRow counted the rows at: a taller
    // image does not make the text larger.
    const double scale = size.isValid() ? styleScaleFor(size) : 0;
    return renderPngFile(
        path, size.isValid() ? sizeForEveryRow(size) : size,
        [this, scale](const QSize& imageSize) { return renderImage(imageSize, true, scale); },
        error);
}

} // namespace jobscope::ui
