// SPDX-License-Identifier: GPL-3.0-or-later
// The jobscope executable: the desktop app and the command line. main() picks the kind of
// application the arguments need and guarantees that no exception escapes.

#include "allocator.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "plot/cause_text.h"

#include <QApplication>
#include <QCoreApplication>

#include <exception>
#include <memory>

namespace {

// A command that draws (simulate --png, replay --png, lesson) and the app's --screenshot need a
// QApplication, which aborts without a display unless a platform is chosen: headless exports
// always use the offscreen platform (it renders the same pixels, and a DISPLAY that is set but
// unreachable would abort), unless the user set QT_QPA_PLATFORM. Everything else stays a
// QCoreApplication and never touches a display.
QtMessageHandler qtHandler = nullptr;

// On a machine without a login session Qt notes for every drawing run that XDG_RUNTIME_DIR is
// unset; headless exports are exactly that case, and the note is no use to their users.
void quietHeadlessNotes(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if (type == QtWarningMsg && text.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
        return;
    // The offscreen platform's note about window size hints, printed for every main window.
    if (text.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    if (qtHandler)
        qtHandler(type, context, text);
}

// Without a display Qt would abort with its own message; say what works instead.
bool displayAvailable() {
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

std::unique_ptr<QCoreApplication> makeApplication(int& argc, char* argv[], bool& noDisplay) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (jobscope::cli::needsGuiApplication(arguments) &&
        !jobscope::cli::takesScreenshot(arguments)) {
        if (displayAvailable())
            return std::make_unique<QApplication>(argc, argv);
        noDisplay = true;
        return std::make_unique<QCoreApplication>(argc, argv);
    }
    if (!jobscope::cli::commandDraws(arguments) && !jobscope::cli::takesScreenshot(arguments))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qtHandler = qInstallMessageHandler(quietHeadlessNotes);
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

int main(int argc, char* argv[]) {
    jobscope::configureAllocator();
    bool noDisplay = false;
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv, noDisplay);
    QCoreApplication::setApplicationName(QStringLiteral("jobscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JOBSCOPE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("JobScope"));
    // English texts with counts are written "%n Pod(s)"; this resolves them when no other
    // translation does (the zh_CN one, installed later, takes precedence).
    jobscope::ui::installEnglishPlurals(app.get());
    // Exit status 1 for failures that are not the input's or the user's fault.
    try {
        if (noDisplay) {
            jobscope::cli::printError(QCoreApplication::translate(
                "main", "the desktop app needs a display (DISPLAY or WAYLAND_DISPLAY is unset); "
                        "without one, 'jobscope simulate FILE --png out.png' draws the plot and "
                        "'jobscope --help' lists the other commands"));
            return jobscope::cli::ExitFailure;
        }
        return jobscope::cli::run(QCoreApplication::arguments());
    } catch (const std::exception& e) {
        jobscope::cli::writeErr(
            QCoreApplication::translate("main", "jobscope: internal error: %1\n")
                .arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        jobscope::cli::writeErr(
            QCoreApplication::translate("main", "jobscope: internal error of an unknown kind\n"));
    }
    return jobscope::cli::ExitFailure;
}
