// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The command line: `jobscope <command> [options] [arguments]`. Picks the translation,
// dispatches to a command and returns the exit status (0, 2 for bad input, 1 otherwise).

#include <QStringList>

namespace jobscope::cli {

enum ExitStatus {
    ExitSuccess = 0,
    ExitFailure = 1,  // anything that is not the input's or the user's fault
    ExitBadInput = 2, // bad input file or usage; the message says where
};

// `arguments` as QCoreApplication::arguments() gives them (program name first). Installs
// the translator chosen by --lang or the locale, then runs the command.
int run(const QStringList& arguments);

// Whether `arguments` open the desktop app (no command, or a FILE): main() then creates a
// QApplication on the real display.
bool needsGuiApplication(const QStringList& arguments);
// Whether the app is asked for a --screenshot: main() then creates a QApplication on the
// offscreen platform, so that it runs without a display.
bool takesScreenshot(const QStringList& arguments);
// Whether the command draws (simulate/replay --png, lesson): main() then creates a
// QApplication on the offscreen platform, so that it runs without a display.
bool commandDraws(const QStringList& arguments);

} // namespace jobscope::cli
