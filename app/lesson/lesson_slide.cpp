// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lesson_slide.h"

#include "lesson/text_wrap.h"

#include "gantt/pod_gantt.h"
#include "plot/timeline_plot.h"

#include <qcustomplot.h>

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>
#include <QTextOption>

#include <algorithm>
#include <cmath>

namespace jobscope::ui {

namespace {

// Slides are laid out for 1920x1080 and scaled; narrow slides shrink type.
double slideUnit(const QSize& size) {
    return std::min(size.height() / 1080.0, size.width() / 1920.0 * 1.15);
}
constexpr double kHeaderHeight = 112; // at 1080 pixels of height
constexpr double kCounterPixels = 30; // the scene and step counter's type
// The caption's type, and its band's least and most height (at 1080 pixels of height).
constexpr double kCaptionPixels = 58;
constexpr double kCaptionMinHeight = 110;
constexpr double kCaptionMaxHeight = 230;

const QColor kBand(16, 24, 40);         // header and caption bands
const QColor kBandText(255, 255, 255);  // text on them
const QColor kBandMuted(190, 200, 215); // the counter on the header
const QColor kPage(255, 255, 255);      // behind the plots
const QColor kPageText(20, 20, 20);     // description, figures
const QColor kLive(230, 85, 13);        // live numbers while playing (the playhead's colour)
const QColor kProgress(255, 196, 0);    // the lesson's progress bar
// The smallest text of a plot on a slide, at 1080 lines: read from the back of a room.
constexpr double kMinPlotTextPixels = 24;
// The cause lane's most of a plot's height: enough rows at the slide's type size.
constexpr double kLaneMaxShare = 0.4;
constexpr double kLaneMaxShareAboveGantt = 0.36;
// The Pods' Gantt under a plot: a row per Pod as tall as its label needs, and its time axis
// (at 1080 lines; no legend, the plot's names the colours), in at most a third of the plots'
// room.
constexpr double kGanttRowPixels = kMinPlotTextPixels * 1.45;
constexpr double kGanttFramePixels = 125;
constexpr double kGanttMaxShare = 0.34;

QFont pixelFont(double pixels, bool bold = false) {
    QFont font;
    font.setPixelSize(std::max(6, static_cast<int>(std::lround(pixels))));
    font.setBold(bold);
    return font;
}

QString text(const std::string& english, const std::string& chinese, bool useChinese) {
    return QString::fromStdString(localized(english, chinese, useChinese));
}

// The height of `body` wrapped to `width` in `font`.
double wrappedHeight(const QString& body, double width, const QFont& font) {
    return QFontMetricsF(font)
        .boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, body)
        .height();
}

// The largest font (from `pixels` down to half of it) at which `body` fits `box` wrapped.
QFont fittingFont(const QString& body, const QRectF& box, double pixels, bool bold) {
    for (double size = pixels; size >= pixels / 2; size *= 0.92) {
        const QFont font = pixelFont(size, bold);
        if (wrappedHeight(body, box.width(), font) <= box.height())
            return font;
    }
    return pixelFont(pixels / 2, bold);
}

} // namespace

struct LessonSlideRenderer::WhatIf {
    int scene = 0;
    std::shared_ptr<const SceneRun> run;
    QString caption;
    std::unique_ptr<ScenePlots> plots;
};

struct LessonSlideRenderer::ScenePlots {
    std::unique_ptr<TimelinePlot> main;
    std::unique_ptr<TimelinePlot> compare;
    // Under a lone plot: its run's Pods, on the same time axis.
    std::unique_ptr<PodGantt> gantt;
    // The plot and Gantt sizes the two time axes were last aligned for.
    QSize alignedPlot, alignedGantt;
};

namespace {

// The time axes of the plot and the Gantt under it start and end at the same pixels: each axis
// rect's left and right margins become the wider of the two, measured at the sizes and scale
// drawn (an image's layout stays until the next one, so the margins are read right after it).
void alignTimeAxes(TimelinePlot& plot, PodGantt& gantt, const QSize& plotSize,
                   const QSize& ganttSize, double scale) {
    QCPAxisRect* plotRect = plot.mainRect();
    QCPAxisRect* ganttRect = gantt.timeAxis()->axisRect();
    const auto setSides = [](QCPAxisRect* rect, int left, int right) {
        QMargins minimum = rect->minimumMargins();
        minimum.setLeft(left);
        minimum.setRight(right);
        rect->setMinimumMargins(minimum);
    };
    setSides(plotRect, 0, 0);
    setSides(ganttRect, 0, 0);
    plot.renderImage(plotSize, scale);
    const QMargins plotMargins = plotRect->margins();
    gantt.renderImage(ganttSize, true, scale);
    const QMargins ganttMargins = ganttRect->margins();
    const int left = std::max(plotMargins.left(), ganttMargins.left());
    const int right = std::max(plotMargins.right(), ganttMargins.right());
    setSides(plotRect, left, right);
    setSides(ganttRect, left, right);
}

} // namespace

LessonSlideRenderer::LessonSlideRenderer(std::shared_ptr<const LessonDeck> deck, bool chinese)
    : deck_(std::move(deck)), chinese_(chinese) {}

LessonSlideRenderer::~LessonSlideRenderer() = default;

void LessonSlideRenderer::setChinese(bool chinese) {
    if (chinese == chinese_)
        return;
    chinese_ = chinese;
    plots_.clear(); // the plots' titles are in the scenes' languages
    captionHeights_.clear();
    if (whatIf_)
        whatIf_->plots = makePlots(whatIf_->scene, whatIf_->run);
}

double LessonSlideRenderer::stepTime(int scene, int step) const {
    Diagnostics ignored;
    const auto resolved =
        resolveStep(deck_->lesson.scenes.at(static_cast<size_t>(scene)),
                    deck_->runs.at(static_cast<size_t>(scene)), static_cast<size_t>(step), false,
                    deck_->lesson.file, ignored);
    return resolved ? resolved->time : 0;
}

QString LessonSlideRenderer::caption(int scene, int step) const {
    Diagnostics ignored;
    const auto resolved =
        resolveStep(deck_->lesson.scenes.at(static_cast<size_t>(scene)),
                    deck_->runs.at(static_cast<size_t>(scene)), static_cast<size_t>(step), chinese_,
                    deck_->lesson.file, ignored);
    // The deck was checked when it was loaded, so every step resolves.
    return resolved ? QString::fromStdString(resolved->caption) : QString();
}

QString LessonSlideRenderer::sceneTitle(int scene) const {
    const LessonScene& s = deck_->lesson.scenes.at(static_cast<size_t>(scene));
    return text(s.title, s.titleZh, chinese_);
}

LessonSlideRenderer::ScenePlots& LessonSlideRenderer::plots(int scene) {
    if (whatIf_ && whatIf_->scene == scene)
        return *whatIf_->plots;
    auto& slot = plots_[scene];
    if (!slot)
        // The deck owns the runs.
        slot = makePlots(scene, std::shared_ptr<const SceneRun>(
                                    deck_, &deck_->runs.at(static_cast<size_t>(scene))));
    return *slot;
}

double LessonSlideRenderer::longestCaptionHeight(int scene, double width, const QFont& font) {
    const auto key = std::make_tuple(scene, width, font.pixelSize());
    if (const auto it = captionHeights_.find(key); it != captionHeights_.end())
        return it->second;
    double longest = 0;
    for (int step = 0; step < deck_->stepCount(scene); ++step)
        longest = std::max(longest, wrappedHeight(caption(scene, step), width, font));
    captionHeights_[key] = longest;
    return longest;
}

TimelinePlot* LessonSlideRenderer::mainPlot(int scene) {
    return plots(scene).main.get();
}

TimelinePlot* LessonSlideRenderer::comparePlot(int scene) {
    return plots(scene).compare.get();
}

PodGantt* LessonSlideRenderer::gantt(int scene) {
    return plots(scene).gantt.get();
}

const SceneRun& LessonSlideRenderer::sceneRun(int scene) const {
    if (whatIf_ && whatIf_->scene == scene)
        return *whatIf_->run;
    return deck_->runs.at(static_cast<size_t>(scene));
}

std::unique_ptr<LessonSlideRenderer::ScenePlots>
LessonSlideRenderer::makePlots(int scene, const std::shared_ptr<const SceneRun>& run) const {
    auto slot = std::make_unique<ScenePlots>();
    const LessonScene& s = deck_->lesson.scenes.at(static_cast<size_t>(scene));
    const auto shared = [&](const Run& r) { return std::shared_ptr<const Run>(run, &r); };
    const auto makePlot = [&](const Run& r, const Scenario& scenario, bool titled) {
        auto plot = std::make_unique<TimelinePlot>();
        plot->setLaneMaxShare(s.gantt ? kLaneMaxShareAboveGantt : kLaneMaxShare);
        const QString title = titled ? text(scenario.title, scenario.titleZh, chinese_) : QString();
        plot->setRun(shared(r), title);
        return plot;
    };
    // One plot needs no title of its own (the slide has one); two are told apart by theirs.
    const bool twoPlots = s.compare && run->compare;
    slot->main = makePlot(run->main, s.scenario.scenario, twoPlots);
    if (s.gantt && !twoPlots && !run->main.analysis.pods.empty()) {
        // The time axis is drawn once, under the Gantt.
        slot->main->setTimeAxisBelow(true, true);
        slot->gantt = std::make_unique<PodGantt>();
        slot->gantt->setRun(shared(run->main));
        slot->gantt->setTimeRange(slot->main->dataStart(), slot->main->dataEnd());
        // Its rows name themselves ("index 2", a Pod's name): the axis' title would only
        // crowd the few rows a slide has room for.
        slot->gantt->rowAxis()->setLabel(QString());
        // The plot's legend above names its colours (pending, running, terminating); a second
        // legend would take the room the cause lane's rows need at the slide's type size.
        slot->gantt->setLegendShown(false);
    }
    if (twoPlots) {
        slot->compare = makePlot(*run->compare, s.compare->scenario, true);
        // Side by side on one time axis, so that the longer run looks longer.
        const double end = std::max(run->main.end, run->compare->end) * 1.02;
        slot->main->setTimeRange(0, end);
        slot->compare->setTimeRange(0, end);
        // ... and one Pods scale, so that the taller one holds more Pods.
        const double pods = std::max(slot->main->valueMax(), slot->compare->valueMax());
        slot->main->setValueMaxAtLeast(pods);
        slot->compare->setValueMaxAtLeast(pods);
    }
    return slot;
}

void LessonSlideRenderer::setWhatIf(int scene, std::shared_ptr<const SceneRun> run,
                                    const QString& caption) {
    auto whatIf = std::make_unique<WhatIf>();
    whatIf->scene = scene;
    whatIf->plots = makePlots(scene, run);
    whatIf->run = std::move(run);
    whatIf->caption = caption;
    whatIf_ = std::move(whatIf);
}

void LessonSlideRenderer::clearWhatIf() {
    whatIf_.reset();
}

std::optional<int> LessonSlideRenderer::whatIfScene() const {
    return whatIf_ ? std::optional<int>(whatIf_->scene) : std::nullopt;
}

QString LessonSlideRenderer::runFigures(const Run& run, double time) {
    const RunSummary& sum = run.summary;
    // The cost as far as the slide shows the run: the totals once it is over, before that what
    // it has cost so far (the room predicts the rest).
    const bool over = sum.finishedAt ? time >= *sum.finishedAt : time >= run.end;
    if (!over) {
        const RangeSummary sofar =
            summarizeRange(run.analysis, run.origin, run.origin + run.end, 0, time);
        return tr("so far: %1 Pod-seconds · %n Pods", "", sofar.podsCreated)
            .arg(std::lround(sofar.podSeconds));
    }
    const QString done =
        sum.finishedAt ? tr("done at %1 s").arg(*sum.finishedAt, 0, 'f', 1) : tr("not done");
    QString figures = tr("%1 · %2 Pod-seconds · %n Pods", "", sum.podsCreated)
                          .arg(done)
                          .arg(std::lround(sum.podSeconds));
    if (sum.jobs > 1)
        figures += tr(" · %n Jobs", "", sum.jobs);
    return figures;
}

QRectF LessonSlideRenderer::statusArea(const QSize& size) {
    const double unit = slideUnit(size);
    const double margin = 28 * unit;
    // The counter is centred in the header: the space below its line is free.
    const double counterBottom = (kHeaderHeight + kCounterPixels * 1.4) / 2 * unit;
    return QRectF(size.width() / 2.0, counterBottom, size.width() / 2.0 - margin,
                  kHeaderHeight * unit - counterBottom);
}

QImage LessonSlideRenderer::render(int scene, int step, const QSize& size,
                                   std::optional<double> playTime) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(kPage);
    if (size.width() < 32 || size.height() < 32)
        return image;
    QCPPainter painter(&image);
    paint(painter, scene, step, size, playTime);
    return image;
}

void LessonSlideRenderer::paint(QCPPainter& painter, int scene, int step, const QSize& size,
                                std::optional<double> playTime) {
    const LessonScene& s = deck_->lesson.scenes.at(static_cast<size_t>(scene));
    const SceneRun& run = sceneRun(scene);
    const double w = size.width();
    const double h = size.height();
    const double unit = slideUnit(size);
    const double margin = 28 * unit;
    const double time = playTime.value_or(stepTime(scene, step));

    painter.save();
    painter.setClipRect(QRectF(0, 0, w, h), Qt::IntersectClip);
    painter.fillRect(QRectF(0, 0, w, h), kPage);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    // Header: the scene's title and where we are.
    const double headerHeight = kHeaderHeight * unit;
    painter.fillRect(QRectF(0, 0, w, headerHeight), kBand);
    const QString counter = tr("Scene %1/%2 · Step %3/%4")
                                .arg(scene + 1)
                                .arg(deck_->sceneCount())
                                .arg(step + 1)
                                .arg(deck_->stepCount(scene));
    const QFont counterFont = pixelFont(kCounterPixels * unit);
    const double counterWidth = QFontMetricsF(counterFont).horizontalAdvance(counter);
    painter.setFont(counterFont);
    painter.setPen(kBandMuted);
    painter.drawText(QRectF(w - margin - counterWidth, 0, counterWidth, headerHeight),
                     Qt::AlignVCenter | Qt::AlignRight, counter);
    const QRectF titleBox(margin, 0, w - 3 * margin - counterWidth, headerHeight);
    const QString title = sceneTitle(scene);
    painter.setFont(
        fittingFont(title, titleBox.adjusted(0, 8 * unit, 0, -8 * unit), 60 * unit, true));
    painter.setPen(kBandText);
    painter.drawText(titleBox, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, title);

    // The scene's description, one or two lines: as tall as it needs, the rest is the plots'.
    double top = headerHeight;
    const QString description = text(s.description, s.descriptionZh, chinese_);
    if (!description.isEmpty()) {
        const double descriptionPixels = 36 * unit;
        const double width = w - 2 * margin;
        const double needed =
            std::min(84 * unit, wrappedHeight(description, width, pixelFont(descriptionPixels)));
        const QRectF box(margin, top + 10 * unit, width, needed);
        const QFont descriptionFont = fittingFont(description, box, descriptionPixels, false);
        painter.setFont(descriptionFont);
        painter.setPen(kPageText);
        painter.drawText(
            box, Qt::AlignVCenter | Qt::AlignLeft,
            balancedLines(description, descriptionFont, box.width()).join(QLatin1Char('\n')));
        top = box.bottom() + 6 * unit;
    }

    const double progressHeight = std::max(4.0, 10 * unit);
    const int total = std::max(1, deck_->totalSteps());
    const auto drawProgress = [&] {
        painter.fillRect(QRectF(0, h - progressHeight, w, progressHeight), kBand);
        painter.fillRect(QRectF(0, h - progressHeight,
                                w * (deck_->flatIndex(scene, step) + 1) / total, progressHeight),
                         kProgress);
    };
    if (s.isText()) {
        // A slide of words: its points, as large as they fit, each wrapped under itself.
        const std::vector<std::string>& points =
            chinese_ && !s.pointsZh.empty() ? s.pointsZh : s.points;
        const QRectF box(margin * 2, top + 30 * unit, w - 4 * margin,
                         h - progressHeight - top - 60 * unit);
        const QString bullet = QStringLiteral("•");
        const auto layout = [&](const QFont& font, bool draw) {
            const QFontMetricsF metrics(font);
            const double indent = metrics.horizontalAdvance(bullet) * 2.5;
            const double gap = metrics.height() * 0.45;
            double y = box.top();
            for (const std::string& point : points) {
                const QString text = QString::fromStdString(point);
                const QRectF room(box.left() + indent, y, box.width() - indent, box.bottom() - y);
                const QRectF used = metrics.boundingRect(
                    room, Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap, text);
                if (draw) {
                    painter.drawText(QRectF(box.left(), y, indent, used.height()),
                                     Qt::AlignTop | Qt::AlignLeft, bullet);
                    painter.drawText(
                        room, Qt::AlignTop | Qt::AlignLeft,
                        balancedLines(text, font, room.width()).join(QLatin1Char('\n')));
                }
                y += used.height() + gap;
            }
            return y - box.top();
        };
        QFont font = pixelFont(56 * unit);
        while (font.pixelSize() > 14 * unit && layout(font, false) > box.height())
            font = pixelFont(font.pixelSize() * 0.92);
        painter.setFont(font);
        painter.setPen(kPageText);
        layout(font, true);
        drawProgress();
        painter.restore();
        return;
    }

    // Caption band at the bottom, progress bar under it: as tall as the scene's longest caption
    // needs at full size (the same for each of its steps, so that the plots stay where they
    // are from step to step), at most kCaptionMaxHeight; a longer caption gets smaller type.
    const double captionPadding = 16 * unit;
    const double captionWidth = w - 3 * margin;
    const QFont fullCaptionFont = pixelFont(kCaptionPixels * unit, true);
    const double captionNeeded = longestCaptionHeight(scene, captionWidth, fullCaptionFont);
    const double captionHeight = std::clamp(captionNeeded + 2 * captionPadding,
                                            kCaptionMinHeight * unit, kCaptionMaxHeight * unit);
    const QRectF captionBand(0, h - captionHeight - progressHeight, w, captionHeight);
    painter.fillRect(captionBand, kBand);
    // A what-if's caption says what changed and what it cost: the step's caption was written
    // for the lesson's run.
    const QString captionText =
        whatIf_ && whatIf_->scene == scene ? whatIf_->caption : caption(scene, step);
    const QRectF captionBox =
        captionBand.adjusted(margin * 1.5, captionPadding, -margin * 1.5, -captionPadding);
    const QFont captionFont = fittingFont(captionText, captionBox, kCaptionPixels * unit, true);
    painter.setFont(captionFont);
    painter.setPen(kBandText);
    painter.drawText(
        captionBox, Qt::AlignVCenter | Qt::AlignLeft,
        balancedLines(captionText, captionFont, captionBox.width()).join(QLatin1Char('\n')));
    drawProgress();

    // The plots between them, each with its figures under it when two are compared.
    ScenePlots& p = plots(scene);
    const double figuresHeight = p.compare ? 52 * unit : 0;
    const double liveHeight = playTime ? 48 * unit : 0;
    const QRectF plotArea(margin, top + liveHeight, w - 2 * margin,
                          captionBand.top() - top - liveHeight - figuresHeight - 8 * unit);
    if (playTime) {
        // While playing, the numbers at the playhead, above the plot.
        const SeriesRow* row = jobscope::seriesRowAt(run.main, time);
        QString live = tr("t = %1 s").arg(time, 0, 'f', 1);
        if (row)
            live += QStringLiteral("   ") +
                    tr("%1 of %2 requested Pods active").arg(row->active).arg(row->requested);
        painter.setFont(pixelFont(34 * unit, true));
        painter.setPen(kLive);
        painter.drawText(QRectF(margin, top, w - 2 * margin, liveHeight),
                         Qt::AlignVCenter | Qt::AlignLeft, live);
    }
    // Drawn at the slide's own size, with type for a room: the plots' small text (ticks,
    // callouts, 12 units at their style scale) kMinPlotTextPixels at 1080 lines; two plots side
    // by side a quarter less, or their titles and data would not fit half a slide.
    const double plotScale = kMinPlotTextPixels * (p.compare ? 0.75 : 1.0) * unit / 12;
    const auto pixels = [](const QRectF& box) {
        return QSize(std::max(1, static_cast<int>(box.width())),
                     std::max(1, static_cast<int>(box.height())));
    };
    // A chart drawn straight onto the slide's painter (a PDF keeps its lines and text as
    // vectors), in `box`.
    const auto within = [&](const QRectF& box, const auto& draw) {
        painter.save();
        painter.translate(box.topLeft());
        painter.setClipRect(QRectF(QPointF(0, 0), box.size()), Qt::IntersectClip);
        draw(pixels(box));
        painter.restore();
    };
    const auto drawPlot = [&](TimelinePlot& plot, const Run& r, const QRectF& box) {
        plot.setPlayhead(std::min(time, r.end));
        // Up to the playhead only: the room predicts what comes next, then plays it.
        plot.setRevealUntil(std::min(time, r.end));
        within(box, [&](const QSize& room) { plot.render(&painter, room, plotScale); });
    };
    if (!p.compare && p.gantt) {
        // The plot, and under it the Pods on the same time axis, revealed as far.
        const double ganttHeight = std::round(
            std::min(plotArea.height() * kGanttMaxShare,
                     (kGanttFramePixels + kGanttRowPixels * p.gantt->rowCount()) * unit));
        const QRectF plotBox(plotArea.left(), plotArea.top(), plotArea.width(),
                             plotArea.height() - ganttHeight);
        const QRectF ganttBox(plotArea.left(), plotBox.bottom(), plotArea.width(), ganttHeight);
        if (p.alignedPlot != pixels(plotBox) || p.alignedGantt != pixels(ganttBox)) {
            alignTimeAxes(*p.main, *p.gantt, pixels(plotBox), pixels(ganttBox), plotScale);
            p.alignedPlot = pixels(plotBox);
            p.alignedGantt = pixels(ganttBox);
        }
        drawPlot(*p.main, run.main, plotBox);
        p.gantt->setPlayhead(std::min(time, run.main.end));
        p.gantt->setRevealUntil(std::min(time, run.main.end));
        within(ganttBox,
               [&](const QSize& room) { p.gantt->render(&painter, room, true, plotScale); });
    } else if (!p.compare) {
        drawPlot(*p.main, run.main, plotArea);
    } else {
        const double gap = margin;
        const double half = (plotArea.width() - gap) / 2;
        const QRectF left(plotArea.left(), plotArea.top(), half, plotArea.height());
        const QRectF right(plotArea.left() + half + gap, plotArea.top(), half, plotArea.height());
        drawPlot(*p.main, run.main, left);
        drawPlot(*p.compare, *run.compare, right);
        painter.setFont(pixelFont(32 * unit, true));
        painter.setPen(kPageText);
        for (const auto& [box, r] : {std::pair{left, &run.main}, std::pair{right, &*run.compare}}) {
            const QString figures = runFigures(*r, time);
            // On one line: smaller type when the figures are long.
            double pixels = 32 * unit;
            QFont font = pixelFont(pixels, true);
            while (pixels > 16 * unit &&
                   QFontMetricsF(font).horizontalAdvance(figures) > box.width()) {
                pixels *= 0.92; // a font rounds its size: count down the size asked for
                font = pixelFont(pixels, true);
            }
            painter.setFont(font);
            painter.drawText(QRectF(box.left(), box.bottom(), box.width(), figuresHeight),
                             Qt::AlignCenter, figures);
        }
    }
    painter.restore();
}

} // namespace jobscope::ui
