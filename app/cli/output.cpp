// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/output.h"

#include <QCoreApplication>

#include <cstdio>

namespace jobscope::cli {

namespace {

bool writeTo(std::FILE* stream, std::string_view bytes) {
    if (bytes.empty())
        return true;
    const bool wrote = std::fwrite(bytes.data(), 1, bytes.size(), stream) == bytes.size();
    return std::fflush(stream) == 0 && wrote;
}

} // namespace

bool writeOut(std::string_view utf8) {
    return writeTo(stdout, utf8);
}
bool writeOut(const QString& text) {
    return writeTo(stdout, text.toStdString());
}
bool writeErr(std::string_view utf8) {
    return writeTo(stderr, utf8);
}
bool writeErr(const QString& text) {
    return writeTo(stderr, text.toStdString());
}

QString helpText(const QCommandLineParser& parser, const QString& program) {
    QString text = parser.helpText();
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.isEmpty())
        return text;
    // Only the first line is the usage line; the rest may mention anything.
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const qsizetype at = text.indexOf(arguments.constFirst());
    if (at >= 0 && (lineEnd < 0 || at < lineEnd))
        text.replace(at, arguments.constFirst().size(), program);
    return text;
}

void printError(const QString& message) {
    // "error:" stays English in every language, like the engine's positioned messages, so
    // that scripts and editors can match it.
    writeErr(QStringLiteral("jobscope: error: %1\n").arg(message));
}

} // namespace jobscope::cli
