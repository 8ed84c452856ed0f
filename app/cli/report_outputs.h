// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The outputs `jobscope simulate` and `jobscope replay` share: the series, causes, Pods and
// Events CSVs and the PNG of the timeline plot, with the options that ask for them. One place,
// so that a simulated and a recorded Job are reported the same way.

#include "run/run.h"

#include <QCommandLineParser>
#include <QString>

#include <optional>
#include <string>

namespace jobscope::cli {

struct ReportOptions {
    int width = 1600;
    int height = 900;
    QString png;      // empty: no PNG of the timeline plot
    QString ganttPng; // empty: no PNG of the Pod Gantt
    QString pdf;      // empty: no PDF report
};

// --series-csv, --causes-csv, --pods-csv, --events-csv, --status-csv, --summary-json, --png,
// --gantt-png, --pdf, --width, --height, --lang.
void addReportOptions(QCommandLineParser& parser);

// Checks the values of the report options; prints the error and returns nullopt (exit status
// 2, or 1 when a PNG or PDF is asked for without a graphical application) when one is bad.
std::optional<ReportOptions> readReportOptions(const QCommandLineParser& parser, int* exitStatus);

// Writes every requested output of `run` (each is attempted; times in seconds since the Job's
// creation); without any output option the series CSV goes to standard output. Returns the
// exit status: 0, or 1 when an output could not be written.
int writeReports(const QCommandLineParser& parser, const ReportOptions& options, const Run& run,
                 const QString& title);

// `path` "-" is standard output; a device or pipe is written in place; anything else is
// replaced atomically. Prints the error and returns false on failure.
bool writeReport(const QString& path, const std::string& content);

} // namespace jobscope::cli
