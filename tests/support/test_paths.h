#pragma once
// Where tests find their inputs and the built executable.

#include <QString>

namespace jobscope::test {

QString sourceDir();   // the repository root
QString testDataDir(); // tests/data
QString sharedDir();   // ../shared (read-only fixtures: traces, reference)
QString jobscopeExecutable();

} // namespace jobscope::test
