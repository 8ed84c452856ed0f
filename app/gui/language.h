#pragma once
// The UI language of the desktop app, switchable at runtime: installing or removing the
// compiled translation (":/i18n/jobscope_<lang>.qm") makes Qt send LanguageChange to every
// widget, which retranslates itself in changeEvent.

#include <QString>
#include <QStringList>

namespace jobscope::ui {

// The languages the app ships, as settings and --lang name them: "en", "zh_CN".
QStringList availableLanguages();
// A language's own name for the Settings menu ("English", "简体中文"); never translated, so a
// user lost in a foreign UI finds their language.
QString languageNativeName(const QString& language);

// Replaces the installed JobScope translation by `language` ("" = the system locale). Returns
// false (and leaves English) when no translation exists for a language asked for by name.
bool applyLanguage(const QString& language);
// "en" or "zh_CN": what the UI shows now.
QString currentLanguage();
// Whether texts that come in two languages (scenario titles) should be shown in Chinese.
bool chineseUi();

} // namespace jobscope::ui
