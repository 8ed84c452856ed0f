// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/engine_messages.h"

#include <QCoreApplication>
#include <QStringList>

namespace jobscope::ui {

namespace {

// %1 … %9 replaced in one pass, so that a %n inside an argument stays as it is.
QString fill(const QString& templ, const QStringList& args) {
    QString out;
    out.reserve(templ.size());
    for (qsizetype i = 0; i < templ.size(); ++i) {
        const QChar c = templ.at(i);
        if (c == QLatin1Char('%') && i + 1 < templ.size()) {
            const int n = templ.at(i + 1).digitValue();
            if (n >= 1 && n <= args.size()) {
                out += args.at(n - 1);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace

QString localizedMessage(const Message& message) {
    if (message.literal)
        return QString::fromStdString(message.templ);
    const QString templ = QCoreApplication::translate(kMessageContext, message.templ.c_str());
    if (message.args.empty())
        return templ;
    QStringList args;
    args.reserve(static_cast<qsizetype>(message.args.size()));
    for (const Message& arg : message.args)
        args << localizedMessage(arg);
    return fill(templ, args);
}

QString localizedMessage(const Diagnostic& diagnostic) {
    if (diagnostic.source.empty())
        return QString::fromStdString(diagnostic.message);
    return localizedMessage(diagnostic.source);
}

QString localizedFormat(const Diagnostic& diagnostic) {
    return QString::fromStdString(
        diagnostic.formatWith(localizedMessage(diagnostic).toStdString()));
}

} // namespace jobscope::ui
