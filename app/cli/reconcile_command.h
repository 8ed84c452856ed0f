// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope reconcile FILE`: one sync of the Job controller on a state file, printed as JSON
// (core/engine/state/sync_json.h). FILE "-" reads standard input.

#include <QStringList>

namespace jobscope::cli {

// `arguments` starts with the program name ("jobscope reconcile"); returns the exit status.
int runReconcile(const QStringList& arguments);

} // namespace jobscope::cli
