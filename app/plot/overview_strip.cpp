// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/overview_strip.h"

#include "plot/plot_style.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace jobscope::ui {

namespace {
constexpr int kMargin = 4;         // px left and right until the axis is placed
constexpr double kWheelZoom = 0.8; // window width per wheel step in
} // namespace

OverviewStrip::OverviewStrip(QWidget* parent)
    : QWidget(parent), playhead_(std::numeric_limits<double>::quiet_NaN()) {
    setMouseTracking(false);
    setCursor(Qt::OpenHandCursor);
    retranslate();
}

QSize OverviewStrip::sizeHint() const {
    return {400, fontMetrics().height() * 2 + 4};
}

QSize OverviewStrip::minimumSizeHint() const {
    return {100, fontMetrics().height() + 8};
}

void OverviewStrip::setRun(std::shared_ptr<const Run> run, double dataStart, double dataEnd) {
    run_ = std::move(run);
    dataStart_ = dataStart;
    dataEnd_ = dataEnd > dataStart ? dataEnd : dataStart + 1;
    lower_ = std::max(lower_, dataStart_);
    upper_ = std::min(upper_, dataEnd_);
    if (!(upper_ > lower_)) {
        lower_ = dataStart_;
        upper_ = dataEnd_;
    }
    rebuildProfile();
    update();
}

void OverviewStrip::setVisibleRange(double lower, double upper) {
    lower_ = lower;
    upper_ = upper;
    update();
}

void OverviewStrip::setPlayhead(double time) {
    playhead_ = time;
    update();
}

void OverviewStrip::setAxisPixels(int left, int right) {
    if (left == axisLeft_ && right == axisRight_)
        return;
    axisLeft_ = left;
    axisRight_ = right;
    rebuildProfile();
    update();
}

int OverviewStrip::axisLeft() const {
    return axisLeft_ >= 0 && axisRight_ > axisLeft_ ? axisLeft_ : kMargin;
}

int OverviewStrip::axisRight() const {
    return axisLeft_ >= 0 && axisRight_ > axisLeft_ ? std::min(axisRight_, width() - 1)
                                                    : width() - 1 - kMargin;
}

double OverviewStrip::pixelOfTime(double time) const {
    const double span = dataEnd_ - dataStart_;
    return axisLeft() + (time - dataStart_) / span * (axisRight() - axisLeft());
}

double OverviewStrip::timeAtPixel(double x) const {
    const double pixels = std::max(1, axisRight() - axisLeft());
    return dataStart_ + (x - axisLeft()) / pixels * (dataEnd_ - dataStart_);
}

QRectF OverviewStrip::windowRect() const {
    const double left = pixelOfTime(std::max(lower_, dataStart_));
    const double right = pixelOfTime(std::min(upper_, dataEnd_));
    return QRectF(QPointF(left, 0.5), QPointF(std::max(right, left + 2), height() - 0.5));
}

// One pass over the series: each row holds until the next, over the pixel columns it covers.
void OverviewStrip::rebuildProfile() {
    const int columns = std::max(0, axisRight() - axisLeft() + 1);
    activeMax_.assign(static_cast<size_t>(columns), 0);
    requestedMax_.assign(static_cast<size_t>(columns), 0);
    peak_ = 1;
    if (!run_ || columns == 0)
        return;
    const std::vector<SeriesRow>& rows = run_->analysis.series;
    const double origin = run_->origin;
    const auto column = [&](double time) {
        return std::clamp(static_cast<int>(std::floor(pixelOfTime(time) - axisLeft())), 0,
                          columns - 1);
    };
    for (size_t i = 0; i < rows.size(); ++i) {
        const double from = rows[i].time - origin;
        const double to = i + 1 < rows.size() ? rows[i + 1].time - origin : dataEnd_;
        if (to < dataStart_ || from > dataEnd_)
            continue;
        for (int c = column(from), last = column(std::max(from, to)); c <= last; ++c) {
            activeMax_[static_cast<size_t>(c)] =
                std::max(activeMax_[static_cast<size_t>(c)], rows[i].active);
            requestedMax_[static_cast<size_t>(c)] =
                std::max(requestedMax_[static_cast<size_t>(c)], rows[i].requested);
        }
        peak_ = std::max({peak_, static_cast<int>(rows[i].active), rows[i].requested});
    }
}

void OverviewStrip::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QColor base = palette().color(QPalette::Base);
    QColor ink = palette().color(QPalette::Text);
    painter.fillRect(rect(), base);
    const double top = 3;
    const double bottom = height() - 3;
    const auto y = [&](int pods) { return bottom - (bottom - top) * pods / peak_; };
    const int left = axisLeft();
    // Active Pods as an area, requested as a line over it.
    QPainterPath area;
    area.moveTo(left, bottom);
    QPainterPath requested;
    for (size_t c = 0; c < activeMax_.size(); ++c) {
        const double x = left + static_cast<double>(c);
        area.lineTo(x, y(activeMax_[c]));
        area.lineTo(x + 1, y(activeMax_[c]));
        if (c == 0)
            requested.moveTo(x, y(requestedMax_[c]));
        else
            requested.lineTo(x, y(requestedMax_[c]));
        requested.lineTo(x + 1, y(requestedMax_[c]));
    }
    area.lineTo(left + static_cast<double>(activeMax_.size()), bottom);
    area.closeSubpath();
    QColor fill = kActiveSeriesColor;
    fill.setAlpha(150);
    painter.fillPath(area, fill);
    QColor line = ink;
    line.setAlpha(150);
    painter.setPen(QPen(line, 1, Qt::DashLine));
    painter.drawPath(requested);

    // Outside the window dimmed; the window framed.
    const QRectF window = windowRect();
    QColor dim = base;
    dim.setAlpha(150);
    painter.fillRect(QRectF(QPointF(0, 0), QPointF(window.left(), height())), dim);
    painter.fillRect(QRectF(QPointF(window.right(), 0), QPointF(width(), height())), dim);
    QColor frame = ink;
    frame.setAlpha(200);
    painter.setPen(QPen(frame, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(window);
    if (std::isfinite(playhead_)) {
        painter.setPen(QPen(kPlayheadColor, 1.5));
        const double x = pixelOfTime(playhead_);
        painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
    QColor border = ink;
    border.setAlpha(60);
    painter.setPen(border);
    painter.drawLine(QPointF(0, height() - 0.5), QPointF(width(), height() - 0.5));
}

void OverviewStrip::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    rebuildProfile();
}

void OverviewStrip::requestWindow(double lower, double upper) {
    const double width = std::min(upper - lower, dataEnd_ - dataStart_);
    lower = std::clamp(lower, dataStart_, dataEnd_ - width);
    emit rangeRequested(lower, lower + width);
}

void OverviewStrip::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !run_)
        return;
    const double time = timeAtPixel(event->position().x());
    const double width = upper_ - lower_;
    if (!windowRect().contains(QPointF(event->position().x(), height() / 2.0)))
        requestWindow(time - width / 2, time + width / 2); // then dragged from its centre
    dragging_ = true;
    dragOffset_ = time - lower_;
    setCursor(Qt::ClosedHandCursor);
}

void OverviewStrip::mouseMoveEvent(QMouseEvent* event) {
    if (!dragging_)
        return;
    const double lower = timeAtPixel(event->position().x()) - dragOffset_;
    requestWindow(lower, lower + (upper_ - lower_));
}

void OverviewStrip::mouseReleaseEvent(QMouseEvent*) {
    dragging_ = false;
    setCursor(Qt::OpenHandCursor);
}

void OverviewStrip::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        emit rangeRequested(dataStart_, dataEnd_);
}

void OverviewStrip::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0 || !run_)
        return;
    const double at = timeAtPixel(event->position().x());
    const double factor = std::pow(kWheelZoom, steps);
    const double width = std::clamp((upper_ - lower_) * factor, (dataEnd_ - dataStart_) * 1e-4,
                                    dataEnd_ - dataStart_);
    const double share = (at - lower_) / std::max(1e-12, upper_ - lower_);
    requestWindow(at - share * width, at - share * width + width);
    event->accept();
}

void OverviewStrip::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OverviewStrip::retranslate() {
    setToolTip(tr("The whole run: drag the window to pan, click to move it there, double-click "
                  "to show everything, wheel to zoom"));
}

} // namespace jobscope::ui
