// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope replay PATH [--series-csv F] [--causes-csv F] [--pods-csv F]
// [--events-csv F] [--png F] [--width W] [--height H] [--lang L]`: plays a recorded Job back
// through the same analysis as a simulated one and writes the same reports as `jobscope
// simulate`. PATH is a JobScope trace, a folder of kubectl watch streams or a kubectl dump
// (live/recording.h; docs/live.md).

#include <QStringList>

namespace jobscope::cli {

// `arguments` starts with the program name ("jobscope replay"); returns the exit status (0,
// 2 for bad input, 1 otherwise). Drawing a PNG needs a QApplication (main() makes one:
// commandDraws).
int runReplay(const QStringList& arguments);

} // namespace jobscope::cli
