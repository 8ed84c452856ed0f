// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The UI language of the desktop app, switchable at runtime: installing or removing the
// compiled translation (":/i18n/jobscope_<lang>.qm") makes Qt send LanguageChange to every
// widget, which retranslates itself in changeEvent. Qt's own translation of the language
// (qtbase_<lang>.qm from Qt's translations folder: the standard buttons OK, Cancel, Save,
// Discard, the file dialogs) is installed and removed with it.

#include <QLocale>
#include <QString>
#include <QStringList>

namespace jobscope::ui {

// The languages the app ships, as settings and --lang name them: "en", "zh_CN".
QStringList availableLanguages();
// A language's own name for the Settings menu ("English", "简体中文"); never translated, so a
// user lost in a foreign UI finds their language.
QString languageNativeName(const QString& language);

// Replaces the installed JobScope translation by `language` ("" = the system locale), and
// Qt's own. Returns false (and leaves English) when no JobScope translation exists for a
// language asked for by name.
bool applyLanguage(const QString& language);
// Replaces the installed Qt translation by the one for `locale` (none for English); the
// command line installs it too. Returns whether Qt ships one for it.
bool applyQtTranslation(const QLocale& locale);
// "en" or "zh_CN": what the UI shows now.
QString currentLanguage();
// Whether texts that come in two languages (scenario titles) should be shown in Chinese.
bool chineseUi();

} // namespace jobscope::ui
