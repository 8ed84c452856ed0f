// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the main window shows: one opened file (a scenario, a bare Job manifest, or a recording
// opened as a trace), its text as the editor holds it, and the last good result of running
// it (Timeline + Analysis). Widgets only present this; the engine decides everything.
//
// Editing: setText() keeps the text and re-runs it after a short pause (kEditPause). A text
// that does not read keeps the previous result (resultChanged is not emitted) and publishes
// its diagnostics, so a bad edit never loses the last good plot. Runs happen on a worker
// thread (QtConcurrent) so a 100 000-Pod scenario does not freeze the window; a newer text
// supersedes an older run that has not finished.
//
// Opening a file forgets the previous file's result: if the new file does not read either,
// resultChanged is emitted with result() null, so the widgets clear instead of showing the old
// file's plot under the new file's name.
//
// A what-if (openWhatif) is a scenario forked from a recorded run at a moment: every run of its
// text, the first and each one after an edit, goes on from the recording's moment (sim/whatif.h
// forkScenario), so up to it the run is the recording and after it the text's values apply. The
// document keeps the recorded run beside its own for the views that show both. Saving writes
// the scenario text only: the file does not name the recording, and opened again it simulates
// from the Job's creation.

#include "run/run.h"
#include "scenario/scenario.h"
#include "timeline/timeline.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>

#include <memory>
#include <optional>

namespace jobscope::ui {

// A problem in the text, positioned for the editor (1-based line and column; 0 = unknown).
struct DocumentDiagnostic {
    int line = 0;
    int column = 0;
    bool error = true; // false: a warning or note
    QString message;   // without the "FILE:LINE:COL: error:" prefix
};

// The outcome of one run, shared read-only between the document and the widgets: the engine's
// Run (everything about the run, worked out once) and, for scenarios, the scenario it ran.
struct RunResult : Run {
    std::optional<Scenario> scenario; // unset for traces
};

// The run's title in Chinese or English: its own (a scenario's `title`/`titleZh`), else how
// many Jobs it holds, else its Job's name. A plot's title, the window's, a report's.
QString runTitle(const Run& run, bool chinese);
// The run's title and description in the UI language as it is now.
QString localizedTitle(const Run& run);
QString localizedDescription(const Run& run);

class JobDocument : public QObject {
    Q_OBJECT

public:
    enum class Kind { Scenario, Manifest, Trace };
    static constexpr int kEditPause = 400; // ms after the last keystroke

    explicit JobDocument(QObject* parent = nullptr);
    ~JobDocument() override;

    // Live mode: a read-only Trace document named `name` with nothing to show yet;
    // setLiveTimelines then analyses each newer timeline of the Jobs watched (on the worker
    // thread, like any run; several Jobs as one run, runObservedJobs). Opening a file or a text
    // leaves live mode.
    void openLive(const QString& name);
    void setLiveTimelines(std::shared_ptr<const std::vector<Timeline>> timelines);
    // Live mode's text (the Job as last reported and its Events): shown, never modified or run.
    void setLiveText(const QString& text);
    bool isLive() const;

    // Reads a file from disk or from the resources (":/examples/..."); runs it. On a read
    // failure returns false with the reason and leaves the document as it was. Resource files
    // open read-only: Save asks for a new name.
    bool openFile(const QString& path, QString* error = nullptr);
    // A document from text (as if the file `name` held it); runs it.
    void openText(const QString& text, const QString& name);
    // An untitled what-if: the scenario `text` (whatifScenarioText of `recorded`'s timeline)
    // run from `at` (seconds since the Job's creation) of `recorded`, and so is every re-run.
    void openWhatif(const QString& text, const QString& name, std::shared_ptr<const Run> recorded,
                    Seconds at);
    // The recording a what-if goes on from, and from when; null and 0 for any other document.
    bool isWhatif() const;
    std::shared_ptr<const Run> recordedRun() const;
    Seconds forkTime() const;

    QString filePath() const;    // "" for an untitled document
    QString displayName() const; // file name or "untitled"
    Kind kind() const;
    bool isReadOnly() const; // a resource or a trace
    bool isModified() const;

    QString text() const;
    // The editor's text: re-run after kEditPause ms. Marks the document modified.
    void setText(const QString& text);
    // Re-runs the current text now (and cancels a pending pause).
    void runNow();
    // Blocks until no run is pending or in flight (tests, headless export).
    void waitForIdle();
    bool isBusy() const;

    bool save(QString* error = nullptr); // atomically (QSaveFile)
    bool saveAs(const QString& path, QString* error = nullptr);

    // The last good result; null before the first successful run.
    std::shared_ptr<const RunResult> result() const;
    // Diagnostics of the last run (empty when it read cleanly).
    QVector<DocumentDiagnostic> diagnostics() const;

    // Seed override for "Simulate › Re-run with another seed"; nullopt = the scenario's.
    void setSeed(std::optional<uint64_t> seed);
    std::optional<uint64_t> seed() const;

    // Whether `path` would open as a trace (a .jsonl recording, a folder of watch streams, a
    // kubectl dump; in the resources, a JobScope trace) rather than a scenario or manifest.
    static bool looksLikeTrace(const QString& path);
    // The file dialog's filter for everything openFile reads.
    static QString openFilter();

signals:
    void resultChanged();      // a new good result
    void diagnosticsChanged(); // after every run, good or bad
    void textChanged();        // openFile/openText (not setText, which the editor itself calls)
    void modifiedChanged(bool modified);
    void filePathChanged();
    void busyChanged(bool busy);

private:
    // A text without a file; a what-if's when `recorded` is given.
    void openUntitled(const QString& text, const QString& name, std::shared_ptr<const Run> recorded,
                      Seconds at);
    void announceOpenedAndRun();
    void takeRun(); // the finished run's outcome becomes the document's
    void updateBusy();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace jobscope::ui
