// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/gui_entry.h"

#include "gui/language.h"
#include "gui/main_window.h"

#include <QApplication>
#include <QIcon>
#include <QSettings>

namespace jobscope::ui {

int runGui(const QStringList& files, const QString& language) {
    // --lang wins for this run; otherwise the language chosen in Settings (or the locale).
    applyLanguage(language.isEmpty() ? QSettings().value(QStringLiteral("ui/language")).toString()
                                     : language);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/jobscope.png")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.jobscope.JobScope"));

    MainWindow window;
    // A file that cannot be opened is reported in the window, which then shows the example.
    if (files.isEmpty() || !window.openFile(files.first()))
        window.openFile(MainWindow::defaultExample());
    window.show();
    return QApplication::exec();
}

QStringList guiFiles(const QStringList& positional) {
    QStringList files;
    for (qsizetype i = 0; i < positional.size(); ++i) {
        if (positional.at(i) == QLatin1String("--lang")) {
            ++i;
            continue;
        }
        if (!positional.at(i).startsWith(QLatin1String("--lang=")))
            files << positional.at(i);
    }
    return files;
}

} // namespace jobscope::ui
