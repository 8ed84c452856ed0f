// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Settings › Theme: light, dark, or whatever the desktop uses (the palette the application
// started with). A QPalette switch for the whole application.

#include <QString>

namespace jobscope::ui {

enum class Theme { System, Light, Dark };

// Settings values: "system", "light", "dark" (anything else reads as "system").
QString themeName(Theme theme);
Theme themeFromName(const QString& name);

// Installs the theme's palette on the application.
void applyTheme(Theme theme);

} // namespace jobscope::ui
