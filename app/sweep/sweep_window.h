// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Simulate › Sweep: the open document run over a grid of values, as `jobscope sweep` runs a
// file (core/engine run/sweep.h), drawn as the command's --png draws it (plot/sweep_plot.h).
// One or two varied parameters, a number of seeds; the runs happen on a worker thread with a
// progress bar and can be cancelled. A point of the plot opens as a document of its own: the
// text with the point's values set.

#include "run/sweep.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;

namespace jobscope::ui {

class SweepWindow : public QWidget {
    Q_OBJECT

public:
    static constexpr int kAxisRows = 2;

    // Sweeps `text` (a scenario or Job manifest as the editor holds it), named `name` (the
    // document's display name, for titles and the opened points' names).
    SweepWindow(const QString& text, const QString& name, QWidget* parent = nullptr);
    // Cancels a sweep that is running and waits for it.
    ~SweepWindow() override;

    // A vary row (0 or 1): the path and the values as typed ("1..20", "0..1:0.25", "1,2,4").
    // Row 1 with an empty path is not varied.
    void setAxis(int row, const QString& path, const QString& values);
    void setSeeds(int seeds);
    // The document's file, when it has one: a `job: {path: …}` in the text is read relative
    // to it.
    void setFilePath(const QString& path);

    // Starts the sweep on a worker thread; false, with the reason shown, when a row or the
    // text is wrong (nothing runs then).
    bool run();
    void cancel();
    bool isRunning() const;
    QString errorText() const; // "" when no error is shown

    QCustomPlot* plot() const;
    // The last finished sweep (empty until one finished; a cancelled one leaves none).
    const std::vector<SweepAxis>& axes() const;
    const std::vector<SweepPoint>& points() const;
    const std::vector<SweepFigures>& figures() const;

    // The document's text with the values of point `index` set, and its name
    // ("name (spec.parallelism=8)").
    QString pointText(int index, QString* error = nullptr) const;
    QString pointName(int index) const;
    // The point's values and figures, as the plot's tooltip shows them.
    QString pointToolTip(int index) const;
    // The point drawn within a few pixels of `pos` (plot coordinates), or -1.
    int pointAt(const QPoint& pos) const;

    // As `jobscope sweep` writes them: the plot at `size` on white, and the CSV (atomically).
    bool exportPng(const QString& path, const QSize& size, QString* error = nullptr) const;
    bool exportCsv(const QString& path, QString* error = nullptr) const;

signals:
    void finished(); // a sweep ended: done, cancelled or refused by a point
    // A point of the plot was clicked: its text, to open as a new document named `name`.
    void pointOpened(const QString& text, const QString& name);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void takeResult();
    void showPlot();
    void showError(const QString& message);
    void updateState();
    void chooseExport(bool csv);
    void retranslate();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace jobscope::ui
