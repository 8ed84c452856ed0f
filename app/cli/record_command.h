// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope record …`: a Job on a cluster to a trace. `arguments` starts with the program
// name ("jobscope record"); returns the exit status (0, 2 for bad input, 1 otherwise).

#include <QStringList>

namespace jobscope::cli {

int runRecord(const QStringList& arguments);

// How long the recorder goes on once the Job is done, for Events that trail it (a Pod's last
// Event can come after the Job's completion).
constexpr int kTrailingEventsMs = 1500;

} // namespace jobscope::cli
