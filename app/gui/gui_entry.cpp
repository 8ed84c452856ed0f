// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/gui_entry.h"

#include "gui/job_document.h"
#include "gui/language.h"
#include "gui/main_window.h"
#include "gui/playback_controller.h"
#include "gui/theme.h"
#include "plot/png_file.h"

#if __has_include("editor/editor_panel.h")
#include "editor/editor_panel.h"
#endif

#include <QApplication>
#include <QIcon>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <cstdio>

namespace jobscope::ui {

namespace {

const char* const kValuedOptions[] = {"lang", "theme", "size", "at", "screenshot"};

// The largest window a screenshot may ask for, per side.
constexpr int kMaxScreenshotSide = 8192;

int writeScreenshot(MainWindow& window, const GuiOptions& options) {
    window.document()->waitForIdle();
#if __has_include("editor/editor_panel.h")
    if (EditorPanel* editor = window.editor())
        editor->waitForKnobs(); // read on a worker
#endif
    if (options.at)
        window.playback()->setTime(*options.at);
    // Twice: the first pass lays out and replots, the second paints what it queued.
    for (int i = 0; i < 2; ++i)
        QApplication::processEvents();
    const QImage image = window.grab().toImage();
    QString error;
    if (!writePngFile(image, options.screenshot, &error)) {
        QTextStream(stderr) << "jobscope: error: " << error << '\n';
        return 1;
    }
    return 0;
}

} // namespace

bool isGuiOptionWithValue(const QString& argument) {
    for (const char* name : kValuedOptions)
        if (argument == QLatin1String("--") + QLatin1String(name))
            return true;
    return false;
}

std::optional<QString> setGuiOption(const QString& name, const QString& value,
                                    GuiOptions& options) {
    if (name == QLatin1String("lang")) {
        options.language = value;
    } else if (name == QLatin1String("theme")) {
        if (value != QLatin1String("light") && value != QLatin1String("dark") &&
            value != QLatin1String("system"))
            return QApplication::translate("GuiOptions",
                                           "--theme takes light, dark or system, not '%1'")
                .arg(value);
        options.theme = value;
    } else if (name == QLatin1String("size")) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})[x×](\\d{1,5})$"));
        const QRegularExpressionMatch match = pattern.match(value);
        const int w = match.hasMatch() ? match.captured(1).toInt() : 0;
        const int h = match.hasMatch() ? match.captured(2).toInt() : 0;
        if (w < 200 || h < 200 || w > kMaxScreenshotSide || h > kMaxScreenshotSide)
            return QApplication::translate(
                       "GuiOptions",
                       "--size takes WIDTHxHEIGHT in pixels, each from 200 to %1, not '%2'")
                .arg(kMaxScreenshotSide)
                .arg(value);
        options.size = QSize(w, h);
    } else if (name == QLatin1String("at")) {
        bool ok = false;
        const double seconds = value.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0)
            return QApplication::translate("GuiOptions",
                                           "--at takes a time in seconds (0 or more), not '%1'")
                .arg(value);
        options.at = seconds;
    } else if (name == QLatin1String("screenshot")) {
        if (value.isEmpty())
            return QApplication::translate("GuiOptions", "--screenshot takes a PNG file name");
        options.screenshot = value;
    }
    return std::nullopt;
}

std::optional<QString> readGuiOptions(const QStringList& positional, GuiOptions& options) {
    for (qsizetype i = 0; i < positional.size(); ++i) {
        const QString& a = positional.at(i);
        if (!a.startsWith(QLatin1String("-")) || a == QLatin1String("-")) {
            options.files << a;
            continue;
        }
        QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasValue = true;
        }
        if (!isGuiOptionWithValue(QLatin1String("--") + name))
            return QCoreApplication::translate("QCommandLineParser", "Unknown option '%1'.")
                .arg(name);
        if (!hasValue) {
            if (i + 1 >= positional.size())
                return QCoreApplication::translate("QCommandLineParser",
                                                   "Missing value after '%1'.")
                    .arg(a);
            value = positional.at(++i);
        }
        if (auto error = setGuiOption(name, value, options))
            return error;
    }
    return std::nullopt;
}

int runGui(const GuiOptions& options) {
    // A screenshot neither reads nor changes the user's settings: same picture on every machine.
    QTemporaryDir isolatedSettings;
    const bool shot = !options.screenshot.isEmpty();
    if (shot) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, isolatedSettings.path());
    }
    // --lang wins for this run; otherwise the language chosen in Settings (or the locale).
    applyLanguage(options.language.isEmpty()
                      ? QSettings().value(QStringLiteral("ui/language")).toString()
                      : options.language);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/jobscope.png")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.jobscope.JobScope"));

    MainWindow window;
    if (!options.theme.isEmpty()) // after the window applied the saved theme
        applyTheme(themeFromName(options.theme));
    if (options.size.isValid())
        window.resize(options.size);
    else if (shot)
        window.resize(1280, 720);
    if (shot && !options.files.isEmpty()) {
        // No one is there to read a message box: say it on stderr.
        QString error;
        if (!window.document()->openFile(options.files.first(), &error)) {
            QTextStream(stderr) << "jobscope: error: " << error << '\n';
            return 2;
        }
    } else if (options.files.isEmpty() || !window.openFile(options.files.first())) {
        // A file that cannot be opened is reported in the window, which shows the example.
        window.openFile(MainWindow::defaultExample());
    }
    window.show();
    if (shot)
        return writeScreenshot(window, options);
    if (options.at) {
        window.document()->waitForIdle();
        window.playback()->setTime(*options.at);
    }
    return QApplication::exec();
}

} // namespace jobscope::ui
