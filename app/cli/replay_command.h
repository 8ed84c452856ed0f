#pragma once
// `jobscope replay …` (owner: see the issue). `arguments` starts with the program name
// ("jobscope replay"); returns the exit status of DESIGN.md §4.

#include <QStringList>

namespace jobscope::cli {

int runReplay(const QStringList& arguments);

} // namespace jobscope::cli
