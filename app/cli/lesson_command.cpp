#include "cli/lesson_command.h"

#include "cli/cli.h"
#include "cli/output.h"

#include <QCoreApplication>

namespace jobscope::cli {

int runLesson(const QStringList& /*arguments*/) {
    printError(QCoreApplication::translate("Cli", "the '%1' command is not available yet")
                   .arg(QStringLiteral("lesson")));
    return ExitBadInput;
}

} // namespace jobscope::cli
