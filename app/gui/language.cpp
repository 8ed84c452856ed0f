// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace jobscope::ui {

namespace {

const QString kResourcePrefix = QStringLiteral(":/i18n/jobscope");
const QString kQtTranslatorName = QStringLiteral("jobscope-qt-translation");

bool isEnglish(const QLocale& locale) {
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}

// Every JobScope translator installed so far, including the one the command line installed
// for the locale before the window existed.
QList<QTranslator*> jobscopeTranslators() {
    QList<QTranslator*> found;
    if (QCoreApplication* app = QCoreApplication::instance()) {
        for (QTranslator* t : app->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly))
            if (t->filePath().startsWith(kResourcePrefix))
                found << t;
    }
    return found;
}

} // namespace

QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString languageNativeName(const QString& language) {
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    return language;
}

bool applyQtTranslation(const QLocale& locale) {
    QCoreApplication* app = QCoreApplication::instance();
    if (!app)
        return false;
    for (QTranslator* old :
         app->findChildren<QTranslator*>(kQtTranslatorName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    if (isEnglish(locale))
        return true;
    auto* next = new QTranslator(app);
    next->setObjectName(kQtTranslatorName);
    if (!next->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete next;
        return false;
    }
    QCoreApplication::installTranslator(next);
    return true;
}

bool applyLanguage(const QString& language) {
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    const QList<QTranslator*> previous = jobscopeTranslators(); // before `next` is one of them
    auto* next = new QTranslator(QCoreApplication::instance());
    const bool english = isEnglish(locale);
    const bool loaded = !english && next->load(locale, QStringLiteral("jobscope"),
                                               QStringLiteral("_"), QStringLiteral(":/i18n"));
    // Qt's first: the translator installed last is asked first, so JobScope's texts win.
    applyQtTranslation(loaded ? locale : QLocale(QLocale::English));
    for (QTranslator* old : previous) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    if (loaded)
        QCoreApplication::installTranslator(next);
    else
        delete next;
    return loaded || english || language.isEmpty();
}

QString currentLanguage() {
    // Asked of the installed translators, so that the one the command line installed for the
    // locale before the window existed counts too.
    const QList<QTranslator*> installed = jobscopeTranslators();
    if (installed.isEmpty())
        return QStringLiteral("en");
    return installed.last()->language().replace(QLatin1Char('-'), QLatin1Char('_'));
}

bool chineseUi() {
    return currentLanguage() == QLatin1String("zh_CN");
}

} // namespace jobscope::ui
