// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the files that help texts point to are: the documentation pages and the example
// folders. Installed (`cmake --install`, the Debian package), they are under
// <prefix>/share/doc/jobscope and <prefix>/share/jobscope, found from the executable's own
// folder; an uninstalled build uses the source tree it was built from.

#include <QString>

namespace jobscope::ui {

// `relative` below the installed data folder (<prefix>/share/jobscope/RELATIVE), or below
// resources/ in the source tree: "examples", "examples/states", "lessons".
QString installedDataPath(const QString& relative);

// A documentation page, "scenarios.md": <prefix>/share/doc/jobscope/PAGE, or docs/PAGE in the
// source tree.
QString documentationPath(const QString& page);

} // namespace jobscope::ui
