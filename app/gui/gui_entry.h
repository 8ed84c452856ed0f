// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope [FILE] [--lang L] [--theme T] [--size WxH] [--at SECONDS [--whatif]] [--zoom FROM..TO]
// [--select FROM..TO] [--find TEXT] [--job NAME]
// [--live JOB | --live-all-jobs | --live-selector SEL [--kubeconfig F] [--context C] [--namespace N]]
// [--screenshot F.png]`:
// the desktop app. main() has created the QApplication (offscreen for --screenshot); this shows
// the main window on FILE (or the built-in example) and runs the event loop, or, with
// --screenshot, draws the window once into a PNG and exits.

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace jobscope::ui {

struct GuiOptions {
    QStringList files;        // the first is opened
    QString language;         // --lang; "" for the saved setting or the locale
    QString theme;            // --theme light|dark|system for this run; "" for the saved setting
    QSize size;               // --size: the window's size (invalid: as saved; 1280×720 for shots)
    std::optional<double> at; // --at: the playhead's time, seconds since the Job's creation
    bool whatif = false;      // --whatif: the recording FILE's what-if from --at
    QString screenshot;       // --screenshot: write the window to this PNG and exit
    // --zoom and --select: a span of time (seconds since the Job's creation) shown, and
    // selected as with Shift+drag.
    std::optional<std::pair<double, double>> zoom, select;
    QString find; // --find: the editor's Find bar open on this text
    QString job;  // --job: of a scenario with several Jobs, the one the views show
    // --set PATH=VALUE (repeatable): values changed in the opened scenario or what-if, as
    // `simulate --set` changes them, once it has run.
    QStringList sets;
    // --live JOB: follow that Job on a cluster (--kubeconfig, --context and --namespace pick it,
    // as for `jobscope record`) instead of opening a file; --live-all-jobs: every Job of the
    // namespace; --live-selector SEL: the Jobs whose labels SEL matches. A screenshot waits for
    // the Job (or every Job seen) to finish, at most kLiveShotSeconds.
    QString liveJob, kubeconfig, context, namespaceName;
    bool liveAllJobs = false;
    QString liveSelector;

    bool followsCluster() const {
        return !liveJob.isEmpty() || liveAllJobs || !liveSelector.isEmpty();
    }
};

inline constexpr int kLiveShotSeconds = 120;

// The options of the app that take a value ("--lang", "--theme", …), for the command line's
// scanners: an argument after one of them is its value, not a file.
bool isGuiOptionWithValue(const QString& argument);
// The options of the app that take no value ("--whatif", "--live-all-jobs").
bool isGuiFlag(const QString& argument);

// Reads the app's options from the command line's positional arguments (after the first file
// every argument arrives as positional, options included) on top of `options` (those given
// before the file). Returns the error for a usage mistake (an unknown option, a bad value).
std::optional<QString> readGuiOptions(const QStringList& positional, GuiOptions& options);
// Checks one option's value; `name` without dashes. Returns the error, if any.
std::optional<QString> setGuiOption(const QString& name, const QString& value, GuiOptions& options);

// Returns the exit status.
int runGui(const GuiOptions& options);

} // namespace jobscope::ui
