// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope record …`: a Job on a cluster to a trace. `arguments` starts with the program
// name ("jobscope record"); returns the exit status (0, 2 for bad input, 1 otherwise).

#include <QStringList>

namespace jobscope::cli {

int runRecord(const QStringList& arguments);

} // namespace jobscope::cli
