#include "cli/replay_command.h"

#include "cli/cli.h"
#include "cli/output.h"

#include <QCoreApplication>

namespace jobscope::cli {

int runReplay(const QStringList& /*arguments*/) {
    printError(QCoreApplication::translate("Cli", "the '%1' command is not available yet")
                   .arg(QStringLiteral("replay")));
    return ExitBadInput;
}

} // namespace jobscope::cli
