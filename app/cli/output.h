// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writing to stdout and stderr from commands: UTF-8, unbuffered by Qt, errors detected.

#include <QCommandLineParser>
#include <QString>

#include <string_view>

namespace jobscope::cli {

// Both return false when the stream could not be written (a closed pipe, a full disk).
bool writeOut(std::string_view utf8);
bool writeOut(const QString& text);
bool writeErr(std::string_view utf8);
bool writeErr(const QString& text);

// The parser's help text with `program` ("jobscope reconcile") in the usage line instead of
// the path the executable was started with.
QString helpText(const QCommandLineParser& parser, const QString& program);

// "jobscope: error: MESSAGE\n" on stderr.
void printError(const QString& message);

} // namespace jobscope::cli
