// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope simulate FILE [--seed N] [--until T] [--series-csv F] [--causes-csv F]
// [--pods-csv F] [--events-csv F] [--png F] [--width W] [--height H] [--lang L]`: runs the
// scenario (or a bare Job manifest with the default scenario) through the simulator, analyses
// the timeline and writes the reports. Needs no display: the PNG is drawn on the offscreen
// platform when there is none (main.cpp picks it).

#include <QString>
#include <QStringList>

namespace jobscope {
struct Run;
namespace edit {
struct OverrideError;
}
} // namespace jobscope

namespace jobscope::cli {

// `arguments` starts with the program name ("jobscope simulate"); returns the exit status.
// Drawing a PNG needs a QApplication (QGuiApplication at least) to exist.
int runSimulate(const QStringList& arguments);

// Why a --set was refused, in the user's language (simulate and whatif word it alike).
QString overrideErrorText(const edit::OverrideError& error);
// A report's title: the run's, in Chinese when the messages are, else the Job's name.
QString runTitle(const Run& run, const QStringList& arguments);

} // namespace jobscope::cli
