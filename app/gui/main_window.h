// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main window: the timeline plot above the Pod Gantt (one time
// axis), the editor at the side, the inspector / narration below, a playback bar on top; menus
// File, Edit, View, Simulate, Live, Lesson, Help. It only presents and drives: JobDocument runs
// the engine, PlaybackController owns the playhead.

#include <QMainWindow>
#include <QString>

#include <memory>

namespace jobscope::ui {

class JobDocument;
class PlaybackController;
class TimelinePlot;
class PodGantt;
class TimeRange;
class InspectorPanel;
class EditorPanel;
class LiveController;
class StatusBadge;
} // namespace jobscope::ui

namespace jobscope::live {
class LiveSession;
}

namespace jobscope::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // The example opened when the app starts with no file.
    static QString defaultExample(); // ":/examples/causes/quota-exceeded.yaml"

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a file (scenario, manifest, trace, or ":/examples/..."); a failure is shown in a
    // message box (non-modal in tests) and returns false.
    bool openFile(const QString& path);
    // Simulate › What If From Here at `at` (seconds since the Job's creation): the open
    // recording's what-if opens as an untitled document. False with the reason when the
    // document is no recording that has loaded.
    bool openWhatif(double at, QString* error = nullptr);
    // Of a scenario with several Jobs, shows the Job named `name` in every view ("" for all of
    // them, summed), as the toolbar's Job chooser does. False with the reason when the result
    // has no such Job.
    bool showJob(const QString& name, QString* error = nullptr);

    // Live mode: shows the session's Job as it happens, following the newest time,
    // with the connection's state in the status bar. Live › Connect calls it with the
    // ConnectDialog's session; tests pass one of their own.
    void startLive(std::unique_ptr<live::LiveSession> session);
    LiveController* liveController() const;
    StatusBadge* statusBadge() const;

    JobDocument* document() const;
    PlaybackController* playback() const;
    TimelinePlot* timelinePlot() const;
    PodGantt* podGantt() const;
    InspectorPanel* inspector() const;
    EditorPanel* editor() const;
    // The span of time the plot, the Gantt and the overview show.
    TimeRange* timeRange() const;
    // Live, File › Record…: chooses a trace file and records the live session to it.
    QAction* recordAction() const;

    // The export paths (File › Export …), also used by tests; false with a reason on failure.
    bool exportPlotPng(const QString& path, const QSize& size, QString* error = nullptr);
    bool exportGanttPng(const QString& path, const QSize& size, QString* error = nullptr);
    bool exportDashboardPng(const QString& path, const QSize& size, double scale,
                            QString* error = nullptr);
    // The run's PDF report (pdf/run_report.h): summary, plot, every Pod.
    bool exportPdf(const QString& path, QString* error = nullptr);
    // Writes series.csv, causes.csv, pods.csv and events.csv into `folder`.
    bool exportCsvs(const QString& folder, QString* error = nullptr);

    // Switches the UI language at runtime ("en", "zh_CN"), remembered in the settings.
    void setLanguage(const QString& language);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace jobscope::ui
