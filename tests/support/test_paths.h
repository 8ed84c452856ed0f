// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where tests find their inputs and the built executable.

#include <QString>

namespace jobscope::test {

QString sourceDir();     // the repository root
QString testDataDir();   // tests/data
QString recordingsDir(); // tests/data/recordings: Jobs recorded from a real control plane
QString jobscopeExecutable();

} // namespace jobscope::test
