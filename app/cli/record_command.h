#pragma once
// `jobscope record …` (owner: see the issue). `arguments` starts with the program name
// ("jobscope record"); returns the exit status of DESIGN.md §4.

#include <QStringList>

namespace jobscope::cli {

int runRecord(const QStringList& arguments);

} // namespace jobscope::cli
