#pragma once
// `jobscope lesson …` (owner: see the issue). `arguments` starts with the program name
// ("jobscope lesson"); returns the exit status of DESIGN.md §4.

#include <QStringList>

namespace jobscope::cli {

int runLesson(const QStringList& arguments);

} // namespace jobscope::cli
