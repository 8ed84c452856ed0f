// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the built jobscope executable as a user would, for the command-line tests: in a given
// locale (C by default, so messages are English unless --lang says otherwise), with no display
// (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM: main() must cope by itself).

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace jobscope::test {

struct JobscopeRun {
    int exitCode = -1; // -1: did not start or timed out; -2: crashed
    QByteArray out;
    QByteArray err;
};

struct JobscopeRunOptions {
    QByteArray input; // written to standard input
    QString locale = QStringLiteral("C");
    QString workDir;
};

JobscopeRun runJobscope(const QStringList& arguments, const JobscopeRunOptions& options = {});

} // namespace jobscope::test
