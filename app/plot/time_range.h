// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The span of time the views of one run show: one object that the timeline plot, the Pod Gantt
// and the overview strip share, so that zooming or panning any of them moves the others. It
// remembers zooms as a stack, as hotspot's time line does: zoomBack() returns to the span shown
// before the last zoom. A change of the span's width is a zoom; the steps of one gesture (wheel
// ticks, a drag) closer than kGestureMs apart are one zoom; a pan replaces the current span.

#include <QElapsedTimer>
#include <QObject>

#include <vector>

namespace jobscope::ui {

class TimeRange : public QObject {
    Q_OBJECT

public:
    static constexpr int kGestureMs = 500;

    explicit TimeRange(QObject* parent = nullptr);

    double lower() const { return lower_; }
    double upper() const { return upper_; }

    // The whole run (a new run, Zoom to Fit): forgets the zooms before it.
    void reset(double lower, double upper);
    // A view zoomed or panned to [lower, upper]; `source` (that view) shows it already.
    void set(double lower, double upper, QObject* source = nullptr);
    // Shows the current span again in every view (a view that redrew itself from its data).
    void republish();

    bool canZoomBack() const { return !zooms_.empty(); }
    // The span before the last zoom; nothing when there is none.
    void zoomBack();

signals:
    // Every view but `source` shows [lower, upper].
    void changed(double lower, double upper, QObject* source);
    void canZoomBackChanged(bool can);

private:
    struct Span {
        double lower = 0, upper = 0;
    };
    void apply(double lower, double upper, QObject* source);

    double lower_ = 0, upper_ = 0;
    std::vector<Span> zooms_; // the spans before each zoom, the latest last
    QElapsedTimer lastZoom_;  // when the last zoom step happened (invalid: none yet)
    bool applying_ = false;   // a view answering `changed` with its own signal is no new change
};

} // namespace jobscope::ui
