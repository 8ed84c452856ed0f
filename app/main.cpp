// The jobscope executable. For now only the headless command line exists (the GUI arrives
// with a later issue); main() picks the kind of application a command needs and guarantees
// that no exception escapes.

#include "cli/cli.h"
#include "cli/output.h"
#include "cli/simulate_command.h"

#include <QApplication>
#include <QCoreApplication>

#include <exception>
#include <memory>

namespace {

// A command that draws (simulate --png) needs a QApplication, which aborts without a display
// unless a platform is chosen: headless exports always use the offscreen platform (it renders
// the same pixels, and a DISPLAY that is set but unreachable would abort), unless the user set
// QT_QPA_PLATFORM. Everything else stays a QCoreApplication and never touches a display.
QtMessageHandler qtHandler = nullptr;

// On a machine without a login session Qt notes for every drawing run that XDG_RUNTIME_DIR is
// unset; headless exports are exactly that case, and the note is no use to their users.
void quietHeadlessNotes(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if (type == QtWarningMsg && text.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
        return;
    if (qtHandler)
        qtHandler(type, context, text);
}

std::unique_ptr<QCoreApplication> makeApplication(int& argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (!jobscope::cli::simulateRenders(arguments))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qtHandler = qInstallMessageHandler(quietHeadlessNotes);
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

int main(int argc, char* argv[]) {
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jobscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JOBSCOPE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("JobScope"));
    // DESIGN.md §4: 1 for failures that are not the input's or the user's fault.
    try {
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
