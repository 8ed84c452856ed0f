// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The overview strip above the timeline plot: the whole run in a few pixels of height (active
// Pods as an area, requested as a line, the playhead), with the time window the plot and the
// Gantt show drawn on it. Dragging the window pans them, a click elsewhere centres the window
// there, a double click shows the whole run, the wheel zooms around the cursor.

#include "run/run.h"

#include <QWidget>

#include <memory>
#include <vector>

namespace jobscope::ui {

class OverviewStrip : public QWidget {
    Q_OBJECT

public:
    explicit OverviewStrip(QWidget* parent = nullptr);

    // The run and the x range of its data (seconds since the origin: the plot's dataStart() and
    // dataEnd()).
    void setRun(std::shared_ptr<const Run> run, double dataStart, double dataEnd);
    void setVisibleRange(double lower, double upper);
    void setPlayhead(double time);
    // The pixels of this widget the time axis spans (the plot's axis, so that both line up);
    // the whole width minus a small margin until set.
    void setAxisPixels(int left, int right);

    double visibleLower() const { return lower_; }
    double visibleUpper() const { return upper_; }
    // Where the window is drawn, in this widget's pixels.
    QRectF windowRect() const;
    double timeAtPixel(double x) const;
    double pixelOfTime(double time) const;
    // The most active and requested Pods of each pixel column of the axis (as drawn).
    const std::vector<int>& activeProfile() const { return activeMax_; }
    const std::vector<int>& requestedProfile() const { return requestedMax_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The user asks the plot and the Gantt to show [lower, upper].
    void rangeRequested(double lower, double upper);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuildProfile();
    int axisLeft() const;
    int axisRight() const;
    // Asks for [lower, upper] moved inside the data, its width kept.
    void requestWindow(double lower, double upper);
    void retranslate();

    std::shared_ptr<const Run> run_;
    double dataStart_ = 0;
    double dataEnd_ = 1;
    double lower_ = 0;
    double upper_ = 1;
    double playhead_;
    int axisLeft_ = -1;
    int axisRight_ = -1;
    int peak_ = 1; // the y scale: the most Pods active or requested in the run
    std::vector<int> activeMax_;
    std::vector<int> requestedMax_;
    bool dragging_ = false;
    double dragOffset_ = 0; // from the window's lower edge to the grab point, in seconds
};

} // namespace jobscope::ui
