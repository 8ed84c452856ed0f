#include "cli/record_command.h"

#include "cli/cli.h"
#include "cli/output.h"

#include <QCoreApplication>

namespace jobscope::cli {

int runRecord(const QStringList& /*arguments*/) {
    printError(QCoreApplication::translate("Cli", "the '%1' command is not available yet")
                   .arg(QStringLiteral("record")));
    return ExitBadInput;
}

} // namespace jobscope::cli
