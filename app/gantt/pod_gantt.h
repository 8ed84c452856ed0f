// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Pod Gantt: one row per Pod (Indexed Jobs: one row per completion index, its
// attempts side by side), bars coloured by phase over time (pending, running, ready,
// succeeded, failed, terminating), a failure mark with the exit code, a hover tooltip with the
// Pod's lifecycle, click to select. It shares the time axis with the TimelinePlot (the main
// window keeps their x ranges equal).
//
// Drawn by one custom QCPAbstractPlottable that paints only the rows and segments inside the
// visible range, so 100 000 Pods stay usable; never one item per Pod. The playhead is a line on
// its own layer: moving it replots that layer only.
//
// Mouse: the wheel zooms the time axis (Ctrl+wheel: row height; over the row labels, or with
// Shift: scrolls the rows); dragging pans time and rows; a click selects the Pod under it;
// dragging the playhead, or a click or drag on the time axis' labels, scrubs.

#include "analysis/analysis.h"
#include "run/run.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QCustomPlot;
class QCPAxis;
class QCPItemStraightLine;
class QCPLayer;
class QCPPainter;
class QCPRange;
class QScrollBar;

namespace jobscope::ui {

class PodGantt : public QWidget {
    Q_OBJECT

public:
    // The colour bands of a bar, in the order of a Pod's life.
    enum class Segment { Pending, Running, Ready, Terminating, Succeeded, Failed };

    explicit PodGantt(QWidget* parent = nullptr);
    ~PodGantt() override;

    // Shows the Pods of `analysis` (times relative to `origin`, up to `end`; both absolute
    // times like Timeline::start and Timeline::end — an `end` not after the origin means "the
    // last thing that happened"). The analysis is shared, not copied; the Gantt keeps it alive.
    // The x range is the TimelinePlot's for the same analysis and end.
    // Shows the Pods of `run` on its time axis (seconds since its origin, up to its end); null
    // shows none.
    void setRun(std::shared_ptr<const Run> run);
    // An analysis made elsewhere (tests, benchmarks), as the run runOfAnalysis makes of it;
    // `end` (absolute) unset when not above `origin`.
    void setAnalysis(std::shared_ptr<const Analysis> analysis, double origin, double end);

    QCustomPlot* customPlot() const;
    QCPAxis* timeAxis() const;
    QCPAxis* rowAxis() const;
    int rowCount() const;
    // The row a Pod is drawn on (Indexed: its index's row), -1 for an unknown Pod.
    int rowOfPod(int podIndex) const;
    // What the row axis shows for a row: the Pod's name, or "index 3".
    QString rowLabel(int row) const;
    // The Pod (index into Analysis::pods) under a widget position, -1 if none.
    int podAt(const QPoint& position) const;
    // Tooltip text for a Pod: its lifecycle with times, node, exit code.
    QString podToolTip(int podIndex) const;
    // Segments painted in the last replot (a measure of "draws only what is visible").
    int paintedSegmentCount() const;
    // The failure marks' texts ("✕ 137") painted in the last replot, in row order.
    QStringList paintedFailureMarks() const;
    // The colour of a segment kind, as drawn and in the legend.
    static QColor segmentColor(Segment segment);

    int selectedPod() const; // -1 if none
    // Selects a Pod (-1 clears) and scrolls its row into view; no podSelected signal.
    void setSelectedPod(int podIndex);

    void setPlayhead(double time); // replots the playhead layer only; NaN hides it
    double playhead() const;
    // Hides the bars after `time` behind a curtain of the background's colour, as
    // TimelinePlot::setRevealUntil hides its data (a lesson's slide: predict, then play);
    // nullopt shows everything (the default).
    void setRevealUntil(std::optional<double> time);
    std::optional<double> revealUntil() const;
    QCPLayer* playheadLayer() const;
    QCPItemStraightLine* playheadLine() const;

    // Shows [lower, upper] on the time axis as it is (no timeRangeChanged).
    void setTimeRange(double lower, double upper);
    // The x range of the data (the widest the user can zoom out to).
    double dataStart() const;
    double dataEnd() const;
    // Rows: the first one shown at the top, and the height of a row in pixels.
    int firstVisibleRow() const;
    double visibleRowCount() const;
    void scrollToRow(int row);
    void setRowHeight(double pixels);
    double rowHeight() const;
    QScrollBar* rowScrollBar() const;

    // The chart drawn at `size`: the rows on screen, or with `everyRow` every Pod's row; fonts
    // at the `scale` given (one scale for every part of a composite export), else at the scale
    // for `size`.
    QImage renderImage(const QSize& size, bool everyRow = false, double scale = 0);
    // The same onto `painter` at its origin (a PDF's painter keeps it vectors).
    void render(QCPPainter* painter, const QSize& size, bool everyRow = false, double scale = 0);
    // The legend above the rows (shown by default). A slide leaves it out when the plot above
    // names the same colours, and the rows get its height.
    void setLegendShown(bool shown);
    bool isLegendShown() const;
    // The smallest text the last renderImage or render drew, in pixels (smallestTextPixels):
    // the row names, the time axis, the legend.
    int renderedTextPixels() const;
    // Every row over pages of `size` at font `scale`, each page with the legend and the time
    // axis, each row tall enough for its label: the rows one page holds.
    int rowsPerPage(const QSize& size, double scale);
    // One such page onto `painter` at its origin (a PDF's painter keeps it vectors): `count`
    // rows from `firstRow`, as tall as rowsPerPage's (the last page's are not stretched).
    void renderRows(QCPPainter* painter, const QSize& size, double scale, int firstRow, int count);
    // The size that shows every row at `size`'s width: `size`, taller when the rows need it
    // (rows as tall as at that scale on screen; thinner, down to a few pixels, past
    // kMaxExportHeight).
    QSize sizeForEveryRow(const QSize& size);
    static constexpr int kMaxExportHeight = 30000;
    // A PNG of every row (sizeForEveryRow), so that no Pod is left out of an export.
    bool savePng(const QString& path, const QSize& size, QString* error = nullptr);

signals:
    void podSelected(int podIndex);                    // -1 when the selection is cleared
    void timeRangeChanged(double lower, double upper); // the user zoomed or panned
    void scrubbed(double time); // the user dragged the playhead or clicked on the time axis

protected:
    void changeEvent(QEvent* event) override; // retranslate on LanguageChange
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Private;
    std::unique_ptr<Private> d;

    // Lays the chart out and styles it for `size` (every row, or those on screen), runs `draw`,
    // and puts the screen's layout back.
    void exportAt(const QSize& size, bool everyRow, double scale,
                  const std::function<void()>& draw);
};

} // namespace jobscope::ui
