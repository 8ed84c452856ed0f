// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline plot (app/plot/timeline_plot.h) on hand-built Analysis values: the data of
// its step lines, the cause lane's rows and bands, the legend, the placement of annotations
// and the PNG export, all on the offscreen platform.

#include "plot/cause_labels.h"
#include "plot/cause_text.h"
#include "plot/timeline_plot.h"

#include <qcustomplot.h>

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QMouseEvent>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>

using jobscope::Analysis;
using jobscope::CauseInterval;
using jobscope::SeriesRow;
using jobscope::ui::TimelinePlot;

namespace {

// "t:requested,active,running,pending,terminating; ..." — one SeriesRow per entry.
Analysis seriesFrom(const QString& spec) {
    Analysis analysis;
    for (const QString& entry : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList timeAndValues = entry.trimmed().split(QLatin1Char(':'));
        const QStringList v = timeAndValues.value(1).split(QLatin1Char(','));
        SeriesRow row;
        row.time = timeAndValues.value(0).toDouble();
        row.requested = v.value(0).toInt();
        row.wantActive = row.requested;
        row.active = v.value(1).toInt();
        row.running = v.value(2).toInt();
        row.pending = v.value(3).toInt();
        row.terminating = v.value(4).toInt();
        row.causes = {"none"};
        analysis.series.push_back(row);
    }
    return analysis;
}

// "start-end cause[*]; ..." — '*' marks an interval in which the cause was primary.
void addCauses(Analysis& analysis, const QString& spec) {
    for (const QString& entry : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList parts = entry.trimmed().split(QLatin1Char(' '));
        const QStringList range = parts.value(0).split(QLatin1Char('-'));
        CauseInterval c;
        c.start = range.value(0).toDouble();
        c.end = range.value(1).toDouble();
        QString cause = parts.value(1);
        c.primary = cause.endsWith(QLatin1Char('*'));
        if (c.primary)
            cause.chop(1);
        c.cause = cause.toStdString();
        c.kind = jobscope::causeKindOf(cause.toStdString()).value_or(jobscope::CauseKind::None);
        analysis.causes.push_back(c);
    }
}

// A quota story: 5 requested, the quota holds active at 2, then the Job finishes.
Analysis quotaStory() {
    Analysis a = seriesFrom("0:5,0,0,0,0; 1:5,1,0,1,0; 2:5,2,1,1,0; 3:5,2,2,0,0; 20:5,2,2,0,0;"
                            "30:5,1,1,0,1; 31:5,0,0,0,0");
    addCauses(a, "0-1 controller-lag*; 1-30 quota-exceeded*; 1-3 pending; 30-31 terminating*;"
                 "31-40 finished*");
    return a;
}

// The visible annotation texts' pixel rectangles after the last layout.
QList<QRectF> annotationRects(QCustomPlot* plot) {
    QList<QRectF> rects;
    for (int i = 0; i < plot->itemCount(); ++i) {
        auto* text = qobject_cast<QCPItemText*>(plot->item(i));
        // Band labels are clipped to the lane; annotations are not.
        if (text && text->visible() && !text->clipToAxisRect())
            rects << QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition())
                         .normalized();
    }
    return rects;
}

// Fraction of pixels that are not (nearly) white, and whether `color` appears.
double inkFraction(const QImage& image) {
    qint64 ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 235)
                ++ink;
    return static_cast<double>(ink) / (static_cast<double>(image.width()) * image.height());
}

bool hasColor(const QImage& image, const QColor& color, int tolerance = 6) {
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (std::abs(qRed(p) - color.red()) <= tolerance &&
                std::abs(qGreen(p) - color.green()) <= tolerance &&
                std::abs(qBlue(p) - color.blue()) <= tolerance)
                return true;
        }
    return false;
}

// Sends a wheel event of `steps` notches at `position` (widget coordinates).
void wheel(QWidget* widget, const QPointF& position, double steps,
           Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWheelEvent event(position, widget->mapToGlobal(position), QPoint(),
                      QPoint(0, static_cast<int>(120 * steps)), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(widget, &event);
}

void mouse(QWidget* widget, QEvent::Type type, const QPointF& position, Qt::MouseButton button,
           Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, modifiers);
    QCoreApplication::sendEvent(widget, &event);
}

// Whether column `x` of `image` has a pixel close to `color` between rows top and bottom.
bool columnHasColor(const QImage& image, int x, int top, int bottom, const QColor& color) {
    for (int y = top; y <= bottom; ++y) {
        const QRgb p = image.pixel(x, y);
        if (std::abs(qRed(p) - color.red()) <= 12 && std::abs(qGreen(p) - color.green()) <= 12 &&
            std::abs(qBlue(p) - color.blue()) <= 12)
            return true;
    }
    return false;
}

const QColor kPlayhead(230, 85, 13);

// Shows the plot at 1000×600 and replots it at once, so that its buffers are drawn.
bool showReplotted(TimelinePlot& plot) {
    plot.resize(1000, 600);
    plot.show();
    if (!QTest::qWaitForWindowExposed(&plot))
        return false;
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    return true;
}

// Whether the widget, painted from its buffers without a replot, shows the playhead's colour in
// the column of time t inside `area` (the main rect's or the cause lane's).
bool showsPlayheadAt(TimelinePlot& plot, double t, const QRect& area) {
    QCustomPlot* p = plot.customPlot();
    const QImage shown = p->grab().toImage();
    const int x =
        static_cast<int>(std::lround(plot.mainRect()->axis(QCPAxis::atBottom)->coordToPixel(t)));
    const double ratio = shown.width() / static_cast<double>(p->width());
    const auto px = [ratio](int v) { return static_cast<int>(v * ratio); };
    return columnHasColor(shown, px(x), px(area.top()), px(area.bottom()), kPlayhead);
}

// A long run: `rows` changes 1 to 20 ms apart (every seventh at the time of the one before),
// requested changing every 5 000 rows, the others random walks.
Analysis longRun(int rows) {
    Analysis analysis;
    unsigned state = 12345;
    const auto next = [&state](int n) {
        state = state * 1103515245u + 12345u;
        return static_cast<int>((state >> 16) % static_cast<unsigned>(n));
    };
    double time = 0;
    int active = 10;
    int pending = 3;
    for (int i = 0; i < rows; ++i) {
        if (i % 7 != 0)
            time += 0.001 * (1 + next(20));
        SeriesRow row;
        row.time = time;
        row.requested = 40 + 5 * (i / 5000);
        row.wantActive = row.requested;
        active = std::clamp(active + next(5) - 2, 0, row.requested);
        pending = std::clamp(pending + next(3) - 1, 0, active);
        row.active = active;
        row.pending = pending;
        row.running = active - pending;
        row.terminating = next(10) == 0 ? next(6) : 0;
        row.causes = {"none"};
        analysis.series.push_back(row);
    }
    return analysis;
}

struct Points {
    QVector<double> keys;
    QVector<double> values;
};

Points pointsOf(const QCPGraph* graph) {
    Points p;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
        p.keys << it->key;
        p.values << it->value;
    }
    return p;
}

// The whole series of `series` as the plot draws it: the last state lasts to `end`.
Points seriesOf(const Analysis& analysis, TimelinePlot::Series series, double end) {
    Points p;
    for (const SeriesRow& row : analysis.series) {
        p.keys << row.time;
        p.values << (series == TimelinePlot::Series::Requested     ? row.requested
                     : series == TimelinePlot::Series::Running     ? row.running
                     : series == TimelinePlot::Series::Pending     ? row.pending
                     : series == TimelinePlot::Series::Terminating ? row.terminating
                                                                   : row.active);
    }
    if (!p.keys.isEmpty() && end > p.keys.back()) {
        p.keys << end;
        p.values << p.values.back();
    }
    return p;
}

// The lowest and highest values a step line through `p` passes between `from` and `to` (`to`
// included when `closed`): the value in force before `from` and those of the points there.
std::pair<double, double> valuesIn(const Points& p, double from, double to, bool closed) {
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    const qsizetype first = std::lower_bound(p.keys.begin(), p.keys.end(), from) - p.keys.begin();
    const auto last = (closed ? std::upper_bound(p.keys.begin(), p.keys.end(), to)
                              : std::lower_bound(p.keys.begin(), p.keys.end(), to)) -
                      p.keys.begin();
    for (qsizetype i = std::max<qsizetype>(0, first - 1); i < last; ++i) {
        low = std::min(low, p.values.at(i));
        high = std::max(high, p.values.at(i));
    }
    return {low, high};
}

// Checks the graphs of `plot` against the whole series of `analysis` for the last layout: per
// pixel column of the Pods rect, at most 3 points and the same lowest and highest values.
// Returns the number of points of the active Pods' graph.
int verifyEnvelope(const TimelinePlot& plot, const Analysis& analysis) {
    const QCPRange range = plot.mainRect()->axis(QCPAxis::atBottom)->range();
    const int columns = plot.mainRect()->rect().width();
    const double width = (range.upper - range.lower) / columns;
    int activePoints = -1;
    for (const TimelinePlot::Series series :
         {TimelinePlot::Series::Requested, TimelinePlot::Series::Active,
          TimelinePlot::Series::Running, TimelinePlot::Series::Pending,
          TimelinePlot::Series::Terminating, TimelinePlot::Series::Gap}) {
        const Points full = seriesOf(analysis, series, plot.dataEnd());
        const Points drawn = pointsOf(plot.graph(series));
        if (series == TimelinePlot::Series::Active)
            activePoints = static_cast<int>(drawn.keys.size());
        if (drawn.keys.size() > 3 * columns + 2) {
            qWarning("%d points drawn on %d columns", static_cast<int>(drawn.keys.size()), columns);
            return -1;
        }
        for (int c = 0; c < columns; ++c) {
            const double from = range.lower + c * width;
            const double to = c + 1 < columns ? range.lower + (c + 1) * width : range.upper;
            const auto want = valuesIn(full, from, to, c + 1 == columns);
            const auto got = valuesIn(drawn, from, to, c + 1 == columns);
            const qsizetype inColumn = std::lower_bound(drawn.keys.begin(), drawn.keys.end(), to) -
                                       std::lower_bound(drawn.keys.begin(), drawn.keys.end(), from);
            if (got != want || inColumn > 3) {
                qWarning("series %d, column %d [%g, %g): %d points, values %g..%g, want %g..%g",
                         static_cast<int>(series), c, from, to, static_cast<int>(inColumn),
                         got.first, got.second, want.first, want.second);
                return -1;
            }
        }
    }
    return activePoints;
}

} // namespace

class TestTimelinePlot : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { jobscope::ui::installEnglishPlurals(QCoreApplication::instance()); }
    void seriesData_data();
    void seriesData();
    void causeLane_data();
    void causeLane();
    void laneShareKeepsRowNamesReadable();
    void annotationsDoNotOverlap_data();
    void annotationsDoNotOverlap();
    void pngExport_data();
    void pngExport();
    void pngExportFailure();
    void gapEndsWhereTheJobFinishes();
    void revealHidesTheFuture();
    void levelOfDetail_data();
    void levelOfDetail();
    void levelOfDetailFollowsZoom();
    void causeLabels_data();
    void causeLabels();
    void playheadMoves();
    void playheadReplotsOnlyItsLayer();
    void playheadAfterANewRunWaitsForItsReplot();
    void wheelZoomKeepsLaneAndMainEqual();
    void dragPansAndClickScrubs();
    void shiftDragSelectsARange();
    void hoverText_data();
    void hoverText();
    void legendClickTogglesSeries();
    void followsThePalette();
    void chartKeepsTheMostRoom_data();
    void chartKeepsTheMostRoom();
};

void TestTimelinePlot::seriesData_data() {
    QTest::addColumn<QString>("series");
    QTest::addColumn<double>("origin");
    QTest::addColumn<double>("end"); // < 0: no explicit end
    // "key:requested,active,running,pending,terminating"; the last state lasts to the end of the
    // time axis: the end plus a tail of 4 % of the span.
    QTest::addColumn<QString>("expected");

    QTest::newRow("quota holds active at 2")
        << "0:5,0,0,0,0; 1:5,1,0,1,0; 2:5,2,1,1,0; 3:5,2,2,0,0" << 0.0 << 10.0
        << "0:5,0,0,0,0; 1:5,1,0,1,0; 2:5,2,1,1,0; 3:5,2,2,0,0; 10.4:5,2,2,0,0";
    QTest::newRow("times are shown relative to the origin")
        << "100:3,0,0,0,0; 101.5:3,3,0,3,0; 104:3,3,3,0,0" << 100.0 << -1.0
        << "0:3,0,0,0,0; 1.5:3,3,0,3,0; 4:3,3,3,0,0; 4.16:3,3,3,0,0";
    QTest::newRow("scale down keeps equal-time rows in order")
        << "0:4,4,4,0,0; 5:2,4,4,0,0; 5:2,2,2,0,2; 6:2,2,2,0,0" << 0.0 << 8.0
        << "0:4,4,4,0,0; 5:2,4,4,0,0; 5:2,2,2,0,2; 6:2,2,2,0,0; 8.32:2,2,2,0,0";
}

void TestTimelinePlot::seriesData() {
    QFETCH(QString, series);
    QFETCH(double, origin);
    QFETCH(double, end);
    QFETCH(QString, expected);

    TimelinePlot plot;
    plot.setAnalysis(seriesFrom(series), QStringLiteral("t"), origin,
                     end < 0 ? std::nullopt : std::optional<double>(end));
    const Analysis want = seriesFrom(expected);
    const TimelinePlot::Series columns[] = {
        TimelinePlot::Series::Requested,   TimelinePlot::Series::Active,
        TimelinePlot::Series::Running,     TimelinePlot::Series::Pending,
        TimelinePlot::Series::Terminating, TimelinePlot::Series::Gap};
    for (TimelinePlot::Series column : columns) {
        QCPGraph* g = plot.graph(column);
        QVERIFY(g);
        QCOMPARE(g->lineStyle(), QCPGraph::lsStepLeft);
        QCOMPARE(g->data()->size(), static_cast<int>(want.series.size()));
        int i = 0;
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it, ++i) {
            const SeriesRow& row = want.series[static_cast<size_t>(i)];
            const int value = column == TimelinePlot::Series::Requested     ? row.requested
                              : column == TimelinePlot::Series::Running     ? row.running
                              : column == TimelinePlot::Series::Pending     ? row.pending
                              : column == TimelinePlot::Series::Terminating ? row.terminating
                                                                            : row.active;
            QCOMPARE(it->key, row.time);
            QCOMPARE(it->value, static_cast<double>(value));
        }
    }
    // The gap is the area between active and requested.
    QCOMPARE(plot.graph(TimelinePlot::Series::Gap)->channelFillGraph(),
             plot.graph(TimelinePlot::Series::Requested));
    // The time axis covers the data; the Pods axis leaves the top for annotations.
    const QCPRange time = plot.mainRect()->axis(QCPAxis::atBottom)->range();
    QCOMPARE(time.upper, want.series.back().time);
    QCOMPARE(plot.causeLane()->axis(QCPAxis::atBottom)->range(), time);
    int highest = 0;
    for (const SeriesRow& row : want.series)
        highest = std::max(
            {highest, row.requested, row.active, row.running, row.pending, row.terminating});
    QVERIFY(plot.mainRect()->axis(QCPAxis::atLeft)->range().upper > highest * 1.2);
}

void TestTimelinePlot::causeLane_data() {
    QTest::addColumn<QString>("causes");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<int>("bands");
    QTest::addColumn<int>("annotations"); // candidates: distinct band start times

    QTest::newRow("quota story") << "0-1 controller-lag*; 1-30 quota-exceeded*; 1-3 pending;"
                                    "30-31 terminating*; 31-40 finished*"
                                 << QStringList{"controller-lag", "quota-exceeded", "pending",
                                                "terminating", "finished"}
                                 << 5 << 4;
    QTest::newRow("none is not drawn")
        << "0-5 none; 5-10 suspended*; 10-12 none" << QStringList{"suspended"} << 1 << 1;
    QTest::newRow("a sliver between two intervals of one cause merges")
        << "0-10 failure-backoff*; 10.01-20 failure-backoff*; 25-30 failure-backoff*"
        << QStringList{"failure-backoff"} << 2 << 2;
    QTest::newRow("rows in order of first appearance")
        << "20-30 scaled-down*; 0-10 remaining-completions*; 12-15 remaining-completions*"
        << QStringList{"remaining-completions", "scaled-down"} << 3 << 3;
    QTest::newRow("empty and reversed intervals are skipped")
        << "5-5 quota-exceeded*; 8-6 pending" << QStringList{} << 0 << 0;
}

void TestTimelinePlot::causeLane() {
    QFETCH(QString, causes);
    QFETCH(QStringList, rows);
    QFETCH(int, bands);
    QFETCH(int, annotations);

    Analysis analysis = seriesFrom("0:3,0,0,0,0; 2:3,3,3,0,0; 40:3,0,0,0,0");
    addCauses(analysis, causes);
    TimelinePlot plot;
    // Shown twice, as the GUI does on every edit or live update: nothing may pile up.
    plot.setAnalysis(analysis, QStringLiteral("causes"));
    plot.setAnalysis(analysis, QStringLiteral("causes"));
    QCOMPARE(plot.causeRows(), rows);
    QCOMPARE(plot.causeBandCount(), bands);
    QCOMPARE(plot.annotationCandidateCount(), annotations);
    // The legend lists the six series only; the lane's rows are named on its left axis, by the
    // translated label, top to bottom.
    QCOMPARE(plot.legendEntryCount(), 6);
    QCustomPlot* p = plot.customPlot();
    for (int i = 0; i < p->legend->itemCount(); ++i)
        if (p->legend->item(i)) // empty cells of the wrapped grid are null
            QVERIFY(qobject_cast<QCPPlottableLegendItem*>(p->legend->item(i)));
    auto rowNames =
        plot.causeLane()->axis(QCPAxis::atLeft)->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(rowNames);
    QCOMPARE(rowNames->ticks().size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(rowNames->ticks().value(static_cast<double>(i)),
                 jobscope::ui::causeLabel(rows.at(i)));
    // Each band sits in its cause's row, in its colour.
    int rects = 0;
    for (int i = 0; i < p->itemCount(); ++i) {
        auto* rect = qobject_cast<QCPItemRect*>(p->item(i));
        if (!rect || rect->objectName() == "selection" || rect->objectName() == "curtain")
            continue;
        ++rects;
        const int row = static_cast<int>(
            std::lround((rect->topLeft->coords().y() + rect->bottomRight->coords().y()) / 2));
        QVERIFY(row >= 0 && row < rows.size());
        QCOMPARE(rect->brush().color().rgb(), jobscope::ui::causeColor(rows.at(row)).rgb());
    }
    QCOMPARE(rects, bands);
}

// Eight causes in a plot drawn for a slide (type of 24 px, the plot's room on a 1080-line
// slide): a quarter of the height leaves the lane's rows too low for row names of that type
// (they shrink to fit); the share a slide gives the lane leaves every row room for them.
void TestTimelinePlot::laneShareKeepsRowNamesReadable() {
    Analysis analysis = seriesFrom("0:3,0,0,0,0; 2:3,3,3,0,0; 80:3,0,0,0,0");
    addCauses(analysis, "0-1 controller-lag*; 1-3 pending; 5-10 creation-forbidden*; "
                        "12-20 quota-exceeded*; 22-30 failure-backoff*; 32-40 suspended*; "
                        "42-60 remaining-completions*; 60-80 finished*");
    TimelinePlot plot;
    plot.setAnalysis(analysis, QString());
    const int rows = static_cast<int>(plot.causeRows().size());
    QCOMPARE(rows, 8);
    const QSize size(1800, 620);
    const double scale = 2; // 12-unit text at 24 px
    QFont type = plot.font();
    type.setPixelSize(static_cast<int>(12 * scale));
    const double needed = QFontMetricsF(type).height();
    // (An image's layout stays until the next one: its lane rect is read after it.)
    const auto rowPixels = [&] {
        plot.renderImage(size, scale);
        return plot.causeLane()->rect().height() / static_cast<double>(rows);
    };
    const double quarter = rowPixels();
    QVERIFY2(quarter < needed, qPrintable(QStringLiteral("%1 >= %2").arg(quarter).arg(needed)));
    plot.setLaneMaxShare(0.4);
    const double slide = rowPixels();
    QVERIFY2(slide >= needed, qPrintable(QStringLiteral("%1 < %2").arg(slide).arg(needed)));
}

void TestTimelinePlot::annotationsDoNotOverlap_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("causeStarts");
    QTest::addColumn<bool>("allFit");

    QTest::newRow("few causes at 1920x1080") << QSize(1920, 1080) << 4 << true;
    QTest::newRow("few causes at 800x450") << QSize(800, 450) << 4 << true;
    QTest::newRow("dense causes at 800x450") << QSize(800, 450) << 60 << false;
    QTest::newRow("dense causes at 1920x1080") << QSize(1920, 1080) << 60 << false;
}

void TestTimelinePlot::annotationsDoNotOverlap() {
    QFETCH(QSize, size);
    QFETCH(int, causeStarts);
    QFETCH(bool, allFit);

    // Each cause first starts a quarter of the time apart, then repeats densely.
    const QStringList ids = {"controller-lag", "quota-exceeded", "failure-backoff", "pending"};
    Analysis analysis = seriesFrom("0:10,0,0,0,0; 100:10,4,4,0,0; 200:10,0,0,0,0");
    const double step = 200.0 / causeStarts;
    QString spec;
    for (int i = 0; i < causeStarts; ++i)
        spec += QStringLiteral("%1-%2 %3*;")
                    .arg(i * step)
                    .arg(i * step + step * 0.6)
                    .arg(ids.at(i * ids.size() / causeStarts));
    addCauses(analysis, spec);

    TimelinePlot plot;
    plot.setAnalysis(analysis, QStringLiteral("dense"));
    plot.resize(size);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);

    const QList<QRectF> rects = annotationRects(plot.customPlot());
    QCOMPARE(rects.size(), plot.visibleAnnotationCount());
    QVERIFY(!rects.isEmpty());
    if (allFit)
        QCOMPARE(rects.size(), causeStarts);
    else
        QVERIFY2(rects.size() < causeStarts, qPrintable(QString::number(rects.size())));
    // The first start of every cause gets its annotation before any repeat does.
    const QStringList shown = plot.visibleAnnotationTexts();
    const QString all = shown.join(QLatin1Char('|'));
    for (const QString& id : ids)
        QVERIFY2(all.contains(jobscope::ui::causeLabel(id)), qPrintable(all));
    const QRectF area = plot.mainRect()->rect();
    for (qsizetype i = 0; i < rects.size(); ++i) {
        QVERIFY(area.adjusted(-1, -1, 1, 1).contains(rects.at(i)));
        for (qsizetype j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!rects.at(i).intersects(rects.at(j)),
                     qPrintable(QStringLiteral("annotations %1 and %2 overlap").arg(i).arg(j)));
    }
}

void TestTimelinePlot::pngExport_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("800x450") << QSize(800, 450);
    QTest::newRow("640x1000 (portrait)") << QSize(640, 1000);
}

void TestTimelinePlot::pngExport() {
    QFETCH(QSize, size);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("plot.png"));

    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("Quota exceeded"));
    QString error;
    QVERIFY2(plot.savePng(path, size, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), size);
    const double ink = inkFraction(image);
    QVERIFY2(ink > 0.02 && ink < 0.6, qPrintable(QString::number(ink)));
    // The active line, the quota band and the legend's swatch are drawn in their colours.
    QVERIFY(hasColor(image, QColor(31, 119, 180)));
    QVERIFY(hasColor(image, jobscope::ui::causeColor(QStringLiteral("quota-exceeded"))));
    QVERIFY(hasColor(image, jobscope::ui::causeColor(QStringLiteral("finished"))));
    // Only the file itself is left: the atomic write's temporary is gone.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("plot.png")});
    // The story's causes are annotated (starts a few pixels apart share one label).
    const QString annotated = plot.visibleAnnotationTexts().join(QLatin1Char('|'));
    for (const char* id : {"controller-lag", "quota-exceeded", "finished"})
        QVERIFY2(annotated.contains(jobscope::ui::causeLabel(QString::fromLatin1(id))),
                 qPrintable(annotated));
}

void TestTimelinePlot::pngExportFailure() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("Quota exceeded"));

    const QString missingDir = dir.filePath(QStringLiteral("no/such/dir/plot.png"));
    QString error;
    QVERIFY(!plot.savePng(missingDir, QSize(800, 450), &error));
    QVERIFY2(error.contains(missingDir), qPrintable(error));
    QVERIFY(!QFileInfo::exists(missingDir));

    error.clear();
    QVERIFY(!plot.savePng(dir.filePath(QStringLiteral("zero.png")), QSize(0, 450), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("zero.png"))));
}

// The gap is shaded while the Job runs, not after the lane's "finished" begins: a finished Job
// wants no Pod, whatever spec.parallelism says.
void TestTimelinePlot::gapEndsWhereTheJobFinishes() {
    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("quota"), 0.0, 40.0);
    const QCPGraph* gap = plot.graph(TimelinePlot::Series::Gap);
    QVERIFY(!gap->data()->isEmpty());
    QCOMPARE((gap->data()->constEnd() - 1)->key, 31.0);
    QCOMPARE((gap->data()->constEnd() - 1)->value, 0.0);
    QVERIFY((plot.graph(TimelinePlot::Series::Requested)->data()->constEnd() - 1)->key > 40.0);
    // A Job that never finished: shaded to the end.
    Analysis running = quotaStory();
    std::erase_if(running.causes,
                  [](const CauseInterval& c) { return c.kind == jobscope::CauseKind::Finished; });
    plot.setAnalysis(running, QStringLiteral("quota"), 0.0, 40.0);
    QVERIFY((plot.graph(TimelinePlot::Series::Gap)->data()->constEnd() - 1)->key > 40.0);
}

// Revealing up to a time hides what follows behind a curtain of the background's colour,
// callouts included; the time axis still spans the whole run.
void TestTimelinePlot::revealHidesTheFuture() {
    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("quota"), 0.0, 40.0);
    const QSize size(1200, 600);
    const auto visibleCallouts = [&] {
        QStringList texts;
        for (int i = 0; i < plot.customPlot()->itemCount(); ++i)
            if (auto* text = qobject_cast<QCPItemText*>(plot.customPlot()->item(i));
                text && text->visible() && text->layer()->name() == "callouts")
                texts << text->text();
        return texts;
    };
    const QImage whole = plot.renderImage(size);
    const QStringList all = visibleCallouts();
    QVERIFY2(all.join(' ').contains("finished"), qPrintable(all.join(" | ")));

    plot.setRevealUntil(10.0);
    QCOMPARE(plot.revealUntil(), std::optional<double>(10.0));
    const QImage revealed = plot.renderImage(size);
    const QStringList early = visibleCallouts();
    QVERIFY2(!early.join(' ').contains("finished"), qPrintable(early.join(" | ")));
    QVERIFY(!early.isEmpty()); // the quota's callout at 1 s stays
    // Right of 10 s, in the Pods rect and the lane: the background only.
    QCPAxis* time = plot.mainRect()->axis(QCPAxis::atBottom);
    const QColor background = plot.palette().color(QPalette::Base);
    for (QCPAxisRect* rect : {plot.mainRect(), plot.causeLane()}) {
        const QRect area = rect->rect();
        const int from = static_cast<int>(std::ceil(time->coordToPixel(10.0))) + 3;
        for (int y = area.top() + 2; y < area.bottom() - 2; y += 3)
            for (int x = from; x < area.right() - 2; x += 5)
                QCOMPARE(QColor(revealed.pixel(x, y)).rgb(), background.rgb());
    }
    QCOMPARE(time->range().upper, plot.dataEnd());
    QVERIFY(revealed != whole);
    // Everything again.
    plot.setRevealUntil(std::nullopt);
    QCOMPARE(plot.renderImage(size), whole);
}

void TestTimelinePlot::levelOfDetail_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("exported"); // drawn by renderImage, else replotted on screen
    QTest::newRow("on screen at 1000x600") << QSize(1000, 600) << false;
    QTest::newRow("exported at 1920x1080") << QSize(1920, 1080) << true;
    QTest::newRow("exported at 640x1000") << QSize(640, 1000) << true;
}

void TestTimelinePlot::levelOfDetail() {
    QFETCH(QSize, size);
    QFETCH(bool, exported);
    const Analysis run = longRun(30000);
    TimelinePlot plot;
    plot.setAnalysis(run, QStringLiteral("long"));
    if (exported) {
        const QImage image = plot.renderImage(size);
        QCOMPARE(image.size(), size);
        QVERIFY(hasColor(image, QColor(31, 119, 180))); // the active line
    } else {
        plot.resize(size);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    }
    const int columns = plot.mainRect()->rect().width();
    QVERIFY(columns > size.width() / 2);
    const int points = verifyEnvelope(plot, run);
    QVERIFY(points > 0);
    // A few points per column, not the 30 000 of the series.
    QVERIFY2(points <= 3 * columns + 2, qPrintable(QString::number(points)));
    QVERIFY(plot.graph(TimelinePlot::Series::Requested)->data()->size() < 20);
    QCOMPARE(pointsOf(plot.graph(TimelinePlot::Series::Gap)).values,
             pointsOf(plot.graph(TimelinePlot::Series::Active)).values);
    QCOMPARE(plot.graph(TimelinePlot::Series::Gap)->channelFillGraph(),
             plot.graph(TimelinePlot::Series::Requested));
}

void TestTimelinePlot::levelOfDetailFollowsZoom() {
    const Analysis run = longRun(30000);
    TimelinePlot plot;
    plot.setAnalysis(run, QStringLiteral("long"));
    plot.resize(1000, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(verifyEnvelope(plot, run) > 0);
    const Points whole = pointsOf(plot.graph(TimelinePlot::Series::Active));

    // A tenth of the time: reduced again for it.
    const double start = plot.dataStart();
    const double span = plot.dataEnd() - start;
    plot.setTimeRange(start + 0.4 * span, start + 0.5 * span);
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(verifyEnvelope(plot, run) > 0);
    const Points tenth = pointsOf(plot.graph(TimelinePlot::Series::Active));
    QVERIFY(tenth.keys != whole.keys);
    QVERIFY(tenth.keys.first() >= start + 0.39 * span);

    // Zoomed in to fewer points than columns: the very points of the series, the line the same
    // at each of them.
    const Points full = seriesOf(run, TimelinePlot::Series::Active, plot.dataEnd());
    const double lower = start + 0.45 * span;
    const double upper = lower + 0.0002 * span;
    plot.setTimeRange(lower, upper);
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(verifyEnvelope(plot, run) > 0);
    const Points close = pointsOf(plot.graph(TimelinePlot::Series::Active));
    const qsizetype first =
        std::lower_bound(full.keys.begin(), full.keys.end(), lower) - full.keys.begin();
    const qsizetype last =
        std::upper_bound(full.keys.begin(), full.keys.end(), upper) - full.keys.begin();
    QVERIFY2(last - first >= 3, qPrintable(QString::number(last - first)));
    QVERIFY(close.keys.size() <= last - first + 2);
    const auto valueAt = [](const Points& p, double key) {
        const auto it = std::upper_bound(p.keys.begin(), p.keys.end(), key);
        return it == p.keys.begin() ? std::nan("") : p.values.at(it - p.keys.begin() - 1);
    };
    for (qsizetype i = first; i < last; ++i)
        QCOMPARE(valueAt(close, full.keys.at(i)), valueAt(full, full.keys.at(i)));
    for (qsizetype i = 0; i < close.keys.size(); ++i) {
        const qsizetype at =
            std::lower_bound(full.keys.begin(), full.keys.end(), close.keys.at(i)) -
            full.keys.begin();
        QVERIFY(at < full.keys.size() && full.keys.at(at) == close.keys.at(i));
    }

    // The hover text reads the whole series, whatever the graphs hold.
    const double time = full.keys.at(first);
    const auto after = std::upper_bound(
        run.series.begin(), run.series.end(), time,
        [](double t, const SeriesRow& r) { return t < r.time; }); // the last row at `time`
    const QString hover = plot.hoverText(time);
    QVERIFY2(hover.contains(QStringLiteral("active %1 (").arg((after - 1)->active)),
             qPrintable(hover));
}

void TestTimelinePlot::causeLabels_data() {
    QTest::addColumn<QString>("id");
    for (const QString& id : jobscope::ui::knownCauseIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestTimelinePlot::causeLabels() {
    QFETCH(QString, id);
    QVERIFY(!jobscope::ui::causeLabel(id).isEmpty());
    if (id.contains(QLatin1Char('-')))
        QVERIFY(jobscope::ui::causeLabel(id) != id); // a human name, not the id
    QVERIFY(!jobscope::ui::causeDescription(id).isEmpty());
    // Colours stay apart from every other cause's.
    const QColor color = jobscope::ui::causeColor(id);
    for (const QString& other : jobscope::ui::knownCauseIds()) {
        if (other == id)
            continue;
        const QColor c = jobscope::ui::causeColor(other);
        const int distance = std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) +
                             std::abs(c.blue() - color.blue());
        QVERIFY2(distance > 60, qPrintable(other));
    }
    QCOMPARE(jobscope::ui::causeLabel(QStringLiteral("not-a-cause")),
             QStringLiteral("not-a-cause"));
    QCOMPARE(jobscope::ui::causeColor(QStringLiteral("not-a-cause")),
             jobscope::ui::causeColor(QStringLiteral("not-a-cause")));
}

void TestTimelinePlot::playheadMoves() {
    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("playhead"));
    // Hidden until set: a headless export shows no playhead.
    QVERIFY(std::isnan(plot.playhead()));
    QVERIFY(!plot.playheadLine()->visible());
    QVERIFY(!plot.playheadLaneLine()->visible());
    for (double t : {12.5, 3.0, 30.25}) {
        plot.setPlayhead(t);
        QCOMPARE(plot.playhead(), t);
        for (QCPItemStraightLine* line : {plot.playheadLine(), plot.playheadLaneLine()}) {
            QVERIFY(line->visible());
            QCOMPARE(line->point1->coords().x(), t);
            QCOMPARE(line->point2->coords().x(), t);
            QCOMPARE(line->layer(), plot.playheadLayer());
        }
        QCOMPARE(plot.playheadLine()->clipAxisRect(), plot.mainRect());
        QCOMPARE(plot.playheadLaneLine()->clipAxisRect(), plot.causeLane());
    }
    // A new analysis keeps the playhead where it was.
    plot.setAnalysis(quotaStory(), QStringLiteral("again"));
    QCOMPARE(plot.playheadLine()->point1->coords().x(), 30.25);
    QVERIFY(plot.playheadLine()->visible());
}

void TestTimelinePlot::playheadReplotsOnlyItsLayer() {
    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("layer"));
    QVERIFY(showReplotted(plot));
    QCustomPlot* p = plot.customPlot();
    QCOMPARE(plot.playheadLayer()->mode(), QCPLayer::lmBuffered);
    // The data layer shares no buffer with the playhead.
    QCOMPARE(p->layer(QStringLiteral("main"))->mode(), QCPLayer::lmLogical);

    int fullReplots = 0;
    connect(p, &QCustomPlot::beforeReplot, &plot, [&fullReplots] { ++fullReplots; });
    const QRect main = plot.mainRect()->rect();
    const QRect lane = plot.causeLane()->rect();
    std::optional<double> previous;
    for (double t : {5.0, 15.0, 25.0}) {
        plot.setPlayhead(t);
        QCOMPARE(fullReplots, 0);
        // The line at t, in both rects, and no longer at the previous place.
        QVERIFY(showsPlayheadAt(plot, t, main));
        QVERIFY(showsPlayheadAt(plot, t, lane));
        if (previous)
            QVERIFY(!showsPlayheadAt(plot, *previous, main));
        previous = t;
    }
    QCOMPARE(fullReplots, 0);
}

// A new run queues a full replot; the playhead placed before it runs is drawn by that one
// replot, not by a full replot of its own as well.
void TestTimelinePlot::playheadAfterANewRunWaitsForItsReplot() {
    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("first"));
    QVERIFY(showReplotted(plot));
    QCustomPlot* p = plot.customPlot();
    int fullReplots = 0;
    connect(p, &QCustomPlot::beforeReplot, &plot, [&fullReplots] { ++fullReplots; });

    plot.setAnalysis(quotaStory(), QStringLiteral("second"));
    plot.setPlayhead(15.0);
    QCOMPARE(fullReplots, 0);
    QTRY_COMPARE(fullReplots, 1);
    QTest::qWait(20);
    QCOMPARE(fullReplots, 1);
    QVERIFY(showsPlayheadAt(plot, 15.0, plot.mainRect()->rect()));

    // Once drawn, a move replots the playhead's layer only, as before.
    plot.setPlayhead(25.0);
    QCOMPARE(fullReplots, 1);
}

void TestTimelinePlot::wheelZoomKeepsLaneAndMainEqual() {
    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("zoom"));
    QVERIFY(showReplotted(plot));
    QCustomPlot* p = plot.customPlot();
    QCPAxis* mainTime = plot.mainRect()->axis(QCPAxis::atBottom);
    QCPAxis* laneTime = plot.causeLane()->axis(QCPAxis::atBottom);
    const QCPRange full = mainTime->range();
    QSignalSpy changed(&plot, &TimelinePlot::timeRangeChanged);

    // Not interactive: the wheel does nothing.
    const QPointF center = plot.mainRect()->rect().center();
    wheel(p, center, 2);
    QCOMPARE(mainTime->range(), full);
    QCOMPARE(changed.count(), 0);

    plot.setInteractive(true);
    const double atCursor = mainTime->pixelToCoord(center.x());
    wheel(p, center, 3);
    const QCPRange zoomed = mainTime->range();
    QVERIFY(zoomed.size() < full.size() * 0.75);
    QCOMPARE(laneTime->range(), zoomed);
    // The time under the cursor stays under it.
    QVERIFY(std::abs(mainTime->pixelToCoord(center.x()) - atCursor) < full.size() * 1e-3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().at(0).toDouble(), zoomed.lower);
    QCOMPARE(changed.last().at(1).toDouble(), zoomed.upper);

    // Zooming in the lane moves the main rect too.
    wheel(p, plot.causeLane()->rect().center(), 1);
    QVERIFY(mainTime->range().size() < zoomed.size());
    QCOMPARE(laneTime->range(), mainTime->range());

    // Zooming out stops at the data.
    wheel(p, center, -40);
    QCOMPARE(mainTime->range().lower, plot.dataStart());
    QCOMPARE(mainTime->range().upper, plot.dataEnd());
    QCOMPARE(laneTime->range(), mainTime->range());

    // The main window's range is shown as it is, without a signal back.
    const int signals_ = static_cast<int>(changed.count());
    plot.setTimeRange(10, 20);
    QCOMPARE(mainTime->range(), QCPRange(10, 20));
    QCOMPARE(laneTime->range(), QCPRange(10, 20));
    QCOMPARE(changed.count(), signals_);
}

void TestTimelinePlot::dragPansAndClickScrubs() {
    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("drag"));
    QVERIFY(showReplotted(plot));
    QCustomPlot* p = plot.customPlot();
    plot.setInteractive(true);
    QCPAxis* time = plot.mainRect()->axis(QCPAxis::atBottom);
    plot.setTimeRange(10, 20);
    p->replot(QCustomPlot::rpImmediateRefresh);

    // A click in the plot scrubs to the time under the cursor; dragging keeps scrubbing.
    QSignalSpy scrubbed(&plot, &TimelinePlot::scrubbed);
    const QRect main = plot.mainRect()->rect();
    const QPointF at(main.left() + main.width() * 0.25, main.center().y());
    mouse(p, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
    QCOMPARE(scrubbed.count(), 1);
    QVERIFY(std::abs(scrubbed.last().at(0).toDouble() - time->pixelToCoord(at.x())) < 1e-9);
    QCOMPARE(plot.playhead(), scrubbed.last().at(0).toDouble());
    const QPointF later(main.left() + main.width() * 0.75, main.center().y());
    mouse(p, QEvent::MouseMove, later, Qt::NoButton, Qt::LeftButton);
    mouse(p, QEvent::MouseButtonRelease, later, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(scrubbed.count(), 2);
    QVERIFY(std::abs(plot.playhead() - time->pixelToCoord(later.x())) < 1e-9);
    QCOMPARE(time->range(), QCPRange(10, 20)); // scrubbing does not pan

    // A middle-button drag pans: dragging left by a fifth of the width moves the window 2 s
    // later.
    QSignalSpy changed(&plot, &TimelinePlot::timeRangeChanged);
    const QPointF from(main.center());
    const QPointF to(from.x() - main.width() / 5.0, from.y());
    mouse(p, QEvent::MouseButtonPress, from, Qt::MiddleButton, Qt::MiddleButton);
    mouse(p, QEvent::MouseMove, to, Qt::NoButton, Qt::MiddleButton);
    mouse(p, QEvent::MouseButtonRelease, to, Qt::MiddleButton, Qt::NoButton);
    QCOMPARE(scrubbed.count(), 2);
    QVERIFY(std::abs(time->range().lower - 12) < 0.05);
    QVERIFY(std::abs(time->range().size() - 10) < 1e-9);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(plot.causeLane()->axis(QCPAxis::atBottom)->range(), time->range());
}

// Shift+drag selects a range: shaded in both rects, labelled with its duration, Pod-seconds and
// completions (the engine's summarizeRange), kept over a new showing, cleared by a click.
void TestTimelinePlot::shiftDragSelectsARange() {
    TimelinePlot plot;
    const Analysis analysis = quotaStory();
    plot.setAnalysis(analysis, QStringLiteral("select"));
    QVERIFY(showReplotted(plot));
    QCustomPlot* p = plot.customPlot();
    plot.setInteractive(true);
    QCPAxis* time = plot.mainRect()->axis(QCPAxis::atBottom);
    plot.setTimeRange(0, 40);
    p->replot(QCustomPlot::rpImmediateRefresh);
    QSignalSpy selected(&plot, &TimelinePlot::rangeSelected);
    QSignalSpy scrubbed(&plot, &TimelinePlot::scrubbed);
    QSignalSpy changed(&plot, &TimelinePlot::timeRangeChanged);
    const QRect main = plot.mainRect()->rect();
    const QPointF from(time->coordToPixel(30), main.center().y());
    const QPointF to(time->coordToPixel(10), main.center().y());
    mouse(p, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
    mouse(p, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
    mouse(p, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
    QCOMPARE(scrubbed.count(), 0);
    QCOMPARE(changed.count(), 0); // selecting neither pans nor zooms
    QCOMPARE(selected.count(), 1);
    QVERIFY(std::abs(selected.last().at(0).toDouble() - 10) < 0.05);
    QVERIFY(std::abs(selected.last().at(1).toDouble() - 30) < 0.05);
    const std::optional<jobscope::RangeSummary> shown = plot.selectedRange();
    QVERIFY(shown);
    const jobscope::RangeSummary want =
        jobscope::summarizeRange(analysis, 0, plot.dataEnd(), selected.last().at(0).toDouble(),
                                 selected.last().at(1).toDouble());
    QCOMPARE(shown->podSeconds, want.podSeconds);
    QCOMPARE(shown->meanActive, want.meanActive);
    QVERIFY(want.peakActive > 0); // the analysis has series rows, no Pods
    const QString text = plot.selectionText();
    QVERIFY2(text.startsWith(QString::number(want.duration(), 'f', 1) + " s · " +
                             QString::number(want.podSeconds, 'f', 1) + " Pod-seconds · "),
             qPrintable(text));
    QVERIFY2(text.endsWith(want.completions == 1
                               ? "1 completion"
                               : QString::number(want.completions) + " completions"),
             qPrintable(text));
    // Drawn: two shaded rects over the selection and the label.
    int shaded = 0;
    bool labelled = false;
    for (int i = 0; i < p->itemCount(); ++i) {
        if (auto* rect = qobject_cast<QCPItemRect*>(p->item(i));
            rect && rect->objectName() == "selection" && rect->visible()) {
            ++shaded;
            QVERIFY(std::abs(rect->topLeft->coords().x() - 30) < 0.05 ||
                    std::abs(rect->topLeft->coords().x() - 10) < 0.05);
        }
        if (auto* label = qobject_cast<QCPItemText*>(p->item(i));
            label && label->visible() && label->text() == text)
            labelled = true;
    }
    QCOMPARE(shaded, 2);
    QVERIFY(labelled);
    if (const QString shot = qEnvironmentVariable("JOBSCOPE_SHOT_DIR"); !shot.isEmpty()) {
        p->replot(QCustomPlot::rpImmediateRefresh);
        plot.grab().save(shot + "/range_selection.png");
    }
    // Shown again (a live update, an edit): still selected.
    plot.setAnalysis(analysis, QStringLiteral("select"));
    QVERIFY(plot.selectedRange());
    // A click clears it and scrubs.
    const QPointF at(time->coordToPixel(5), main.center().y());
    mouse(p, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
    mouse(p, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
    QVERIFY(!plot.selectedRange());
    QCOMPARE(plot.selectionText(), QString());
    QCOMPARE(selected.count(), 2);
    QVERIFY(std::isnan(selected.last().at(0).toDouble()));
    QCOMPARE(scrubbed.count(), 1);
}

void TestTimelinePlot::hoverText_data() {
    QTest::addColumn<double>("time");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");

    // A cause in force is listed as "• its name: its explanation".
    const auto listed = [](const char* id) {
        return QStringLiteral("• %1:").arg(jobscope::ui::causeLabel(QString::fromLatin1(id)));
    };
    const QString quota = listed("quota-exceeded");
    const QString pending = listed("pending");
    const QString terminating = listed("terminating");
    QTest::newRow("before the Job")
        << -1.0 << QStringList{"before the Job was created"} << QStringList{"requested"};
    QTest::newRow("quota, one pending")
        << 2.5 << QStringList{"t = 2.5 s", "requested 5",   "active 2 (ready 0)", "running 1",
                              "pending 1", "terminating 0", "succeeded 0",        "failed 1",
                              quota,       pending}
        << QStringList{terminating};
    QTest::newRow("quota only") << 10.0
                                << QStringList{"requested 5", "active 2", "running 2", "pending 0",
                                               quota}
                                << QStringList{pending};
    QTest::newRow("terminating") << 30.5 << QStringList{"active 1", "terminating 1", terminating}
                                 << QStringList{quota};
}

void TestTimelinePlot::hoverText() {
    QFETCH(double, time);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);

    Analysis story = quotaStory();
    // The rows' causes and Job counters, as the analysis would give them.
    for (SeriesRow& row : story.series) {
        row.failed = 1;
        row.causes.clear();
        for (const CauseInterval& c : story.causes)
            if (c.start <= row.time && row.time < c.end)
                row.causes.push_back(c.cause);
    }
    TimelinePlot plot;
    // The origin shifts every time: hover times are seconds since the origin.
    for (SeriesRow& row : story.series)
        row.time += 100;
    for (CauseInterval& c : story.causes) {
        c.start += 100;
        c.end += 100;
    }
    plot.setAnalysis(story, QStringLiteral("hover"), 100);
    const QString text = plot.hoverText(time);
    for (const QString& part : expected)
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" not in: ") + text));
    for (const QString& part : absent)
        QVERIFY2(!text.contains(part), qPrintable(part + QStringLiteral(" in: ") + text));
}

void TestTimelinePlot::legendClickTogglesSeries() {
    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("legend"));
    QVERIFY(showReplotted(plot));
    QCustomPlot* p = plot.customPlot();
    plot.setInteractive(true);
    QCPGraph* active = plot.graph(TimelinePlot::Series::Active);
    QCPPlottableLegendItem* item = p->legend->itemWithPlottable(active);
    QVERIFY(item);
    const QPoint at = item->rect().center();
    QVERIFY(plot.isSeriesVisible(TimelinePlot::Series::Active));

    QTest::mouseClick(p, Qt::LeftButton, Qt::NoModifier, at);
    QVERIFY(!plot.isSeriesVisible(TimelinePlot::Series::Active));
    QVERIFY(!active->visible());
    QVERIFY(plot.graph(TimelinePlot::Series::Running)->visible());
    p->replot(QCustomPlot::rpImmediateRefresh);
    // The active line is gone from the picture; its legend entry stays, greyed.
    const QImage hidden = plot.renderImage(QSize(1000, 600));
    QTest::mouseClick(p, Qt::LeftButton, Qt::NoModifier, at);
    QVERIFY(plot.isSeriesVisible(TimelinePlot::Series::Active));
    QVERIFY(active->visible());
    const QImage shown = plot.renderImage(QSize(1000, 600));
    const QColor blue(31, 119, 180); // the active line's colour
    const QRect main = plot.mainRect()->rect();
    const auto blueInMain = [&](const QImage& image) {
        int count = 0;
        for (int y = main.top(); y <= main.bottom(); ++y)
            for (int x = main.left(); x <= main.right(); ++x) {
                const QRgb px = image.pixel(x, y);
                if (std::abs(qRed(px) - blue.red()) < 20 &&
                    std::abs(qGreen(px) - blue.green()) < 20 &&
                    std::abs(qBlue(px) - blue.blue()) < 20)
                    ++count;
            }
        return count;
    };
    QVERIFY2(blueInMain(shown) > 50, qPrintable(QString::number(blueInMain(shown))));
    QCOMPARE(blueInMain(hidden), 0);

    // A series hidden by the program stays hidden in a new analysis.
    plot.setSeriesVisible(TimelinePlot::Series::Pending, false);
    plot.setAnalysis(quotaStory(), QStringLiteral("again"));
    QVERIFY(!plot.graph(TimelinePlot::Series::Pending)->visible());
}

// A dark palette gives a dark plot with light text and a light requested line, the light one
// the opposite; a palette change restyles the plot at once.
void TestTimelinePlot::followsThePalette() {
    TimelinePlot plot;
    plot.setAnalysis(quotaStory(), QStringLiteral("palette"));
    const auto luma = [](QRgb px) {
        return 0.299 * qRed(px) + 0.587 * qGreen(px) + 0.114 * qBlue(px);
    };
    const QImage light = plot.renderImage(QSize(1000, 600));
    QVERIFY(luma(light.pixel(5, 5)) > 200);

    QPalette dark = plot.palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    plot.setPalette(dark);
    const QImage image = plot.renderImage(QSize(1000, 600));
    QVERIFY(luma(image.pixel(5, 5)) < 60);
    QCOMPARE(plot.customPlot()->axisRect()->axis(QCPAxis::atLeft)->tickLabelColor(),
             QColor(230, 230, 230));
    QCOMPARE(plot.graph(TimelinePlot::Series::Requested)->pen().color(), QColor(230, 230, 230));
    // Light pixels in the plot area: the requested line and the texts.
    const QRect main = plot.mainRect()->rect();
    int bright = 0;
    for (int y = main.top(); y <= main.bottom(); ++y)
        for (int x = main.left(); x <= main.right(); ++x)
            if (luma(image.pixel(x, y)) > 180)
                ++bright;
    QVERIFY2(bright > 200, qPrintable(QString::number(bright)));
}

// The requested-vs-active chart gets at least 40 % of the plot's height, with five cause rows
// in the lane: at the sizes a lesson slide draws it (1280x720 and 1920x1080 slides, no title:
// the slide has its own) and as the window's plot.
void TestTimelinePlot::chartKeepsTheMostRoom_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("timeAxisBelow");
    QTest::newRow("1280x720 slide") << QSize(855, 255) << QString() << false;
    QTest::newRow("1920x1080 slide") << QSize(1280, 420) << QString() << false;
    QTest::newRow("1280x720 window, above the Gantt")
        << QSize(640, 300) << QStringLiteral("Job") << true;
}

void TestTimelinePlot::chartKeepsTheMostRoom() {
    QFETCH(QSize, size);
    QFETCH(QString, title);
    QFETCH(bool, timeAxisBelow);
    Analysis analysis = seriesFrom("0:3,0,0,0,0; 2:3,3,3,0,0; 40:3,0,0,0,0");
    addCauses(analysis, "0-1 controller-lag*; 1-30 quota-exceeded*; 1-3 pending;"
                        "30-31 terminating*; 31-40 finished*");
    TimelinePlot plot;
    plot.setTimeAxisBelow(timeAxisBelow);
    plot.resize(size);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setAnalysis(analysis, title);
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(plot.causeRows().size(), 5);
    QVERIFY2(plot.mainRect()->height() >= 0.4 * plot.height(),
             qPrintable(QStringLiteral("chart %1 px of %2 (top %3, lane %4, legend %5)")
                            .arg(plot.mainRect()->height())
                            .arg(plot.height())
                            .arg(plot.mainRect()->top())
                            .arg(plot.causeLane()->outerRect().height())
                            .arg(plot.customPlot()->legend->outerRect().height())));
}

QTEST_MAIN(TestTimelinePlot)
#include "tst_timeline_plot.moc"
