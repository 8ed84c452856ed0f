// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/time_range.h"

#include <cmath>

namespace jobscope::ui {

namespace {

// Widths that differ by less than this (relative) are one: a pan rounds, it does not zoom.
constexpr double kSameWidth = 1e-9;

} // namespace

TimeRange::TimeRange(QObject* parent) : QObject(parent) {}

void TimeRange::reset(double lower, double upper) {
    const bool could = canZoomBack();
    zooms_.clear();
    lastZoom_.invalidate();
    apply(lower, upper, nullptr);
    if (could)
        emit canZoomBackChanged(false);
}

void TimeRange::set(double lower, double upper, QObject* source) {
    if (applying_ || !(upper > lower))
        return;
    const double width = upper_ - lower_;
    const bool zoom =
        std::abs((upper - lower) - width) > kSameWidth * std::max(1.0, std::abs(width));
    if (zoom) {
        // The first step of a gesture keeps the span before it; the others belong to it.
        if (!lastZoom_.isValid() || lastZoom_.elapsed() > kGestureMs) {
            const bool could = canZoomBack();
            zooms_.push_back({lower_, upper_});
            if (!could)
                emit canZoomBackChanged(true);
        }
        lastZoom_.start();
    }
    apply(lower, upper, source);
}

void TimeRange::republish() {
    apply(lower_, upper_, nullptr);
}

void TimeRange::zoomBack() {
    if (zooms_.empty())
        return;
    const Span previous = zooms_.back();
    zooms_.pop_back();
    lastZoom_.invalidate();
    apply(previous.lower, previous.upper, nullptr);
    if (zooms_.empty())
        emit canZoomBackChanged(false);
}

void TimeRange::apply(double lower, double upper, QObject* source) {
    lower_ = lower;
    upper_ = upper;
    applying_ = true;
    emit changed(lower, upper, source);
    applying_ = false;
}

} // namespace jobscope::ui
