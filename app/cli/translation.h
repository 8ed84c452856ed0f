// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Picks and installs the user-interface translation: `--lang L` on the command line wins,
// then the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). Translations are compiled into the
// executable under ":/i18n" (qt_add_translations in app/CMakeLists.txt).

#include <QString>
#include <QStringList>

namespace jobscope::cli {

// The value of the first `--lang L` / `--lang=L` in `arguments`, or "" if none. A `--lang`
// without a value is left for the command's parser to report.
QString languageFromArguments(const QStringList& arguments);

// Installs the translation for `language` (a locale name such as "zh_CN"; "" = the system
// locale), and Qt's own for it (its command-line parser, dialog buttons). English needs none.
// Returns false when a language was asked for by name and no translation exists for it.
bool installTranslation(const QString& language);

} // namespace jobscope::cli
