// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope whatif PATH --at T [--set PATH=VALUE …] [--scenario FILE] [--print-scenario]
// [report options]`: forks a recorded Job into the simulator at T (seconds since its creation)
// and simulates what would have happened from there (sim/whatif.h). Up to T the outputs are
// the recording; the --set values change only what comes after. Prints, on standard error, the
// recorded and the what-if runs side by side (finish, Pods, Pod-seconds) and their difference.

#include <QStringList>

namespace jobscope::cli {

// `arguments` starts with the program name; returns the exit status (0, 2 for bad input, 1
// otherwise). Drawing a PNG needs a QApplication (main() makes one: commandDraws).
int runWhatif(const QStringList& arguments);

} // namespace jobscope::cli
