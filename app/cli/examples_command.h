// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope examples [--lang L]`: lists the examples compiled into the executable, one a line,
// its name (what `jobscope simulate example:NAME` takes) and its title in the language of the
// messages. `arguments` starts with the program name; returns the exit status.

#include <QStringList>

namespace jobscope::cli {

int runExamples(const QStringList& arguments);

} // namespace jobscope::cli
