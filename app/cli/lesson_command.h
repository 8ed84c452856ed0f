// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope lesson …`: the lesson as PNG slides. `arguments` starts with the program name
// ("jobscope lesson"); returns the exit status (0, 2 for bad input, 1 otherwise).

#include <QStringList>

namespace jobscope::cli {

int runLesson(const QStringList& arguments);

} // namespace jobscope::cli
