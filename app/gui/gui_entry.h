// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope [FILE]`: the desktop app. main() has created the QApplication; this shows the main
// window on FILE (or the built-in example) and runs the event loop.

#include <QStringList>

namespace jobscope::ui {

// `files`: the files named on the command line (the first is opened); `language`: --lang, ""
// for the saved setting or the locale. Returns the exit status.
int runGui(const QStringList& files, const QString& language);

// The files among the command line's positional arguments. After the first file every argument
// arrives as positional, so a --lang that follows the files is among them: it is left out.
QStringList guiFiles(const QStringList& positional);

} // namespace jobscope::ui
