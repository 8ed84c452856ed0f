// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/translation.h"

#include "gui/language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace jobscope::cli {

QString languageFromArguments(const QStringList& arguments) {
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
    }
    return {};
}

bool installTranslation(const QString& language) {
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    // The source texts are English: nothing to load, and no warning for asking for it.
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, QStringLiteral("jobscope"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))) {
        // Qt's first: the translator installed last is asked first, so JobScope's texts win.
        ui::applyQtTranslation(locale);
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return language.isEmpty();
}

} // namespace jobscope::cli
