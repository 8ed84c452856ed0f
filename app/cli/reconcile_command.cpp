// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/reconcile_command.h"

#include "cli/cli.h"
#include "cli/command_input.h"
#include "cli/output.h"
#include "diagnostics.h"
#include "gui/data_paths.h"
#include "gui/engine_messages.h"
#include "reconcile/sync.h"
#include "state/reconcile_state.h"
#include "state/sync_json.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <utility>
#include <vector>

namespace jobscope::cli {

namespace {

class ReconcileCommand {
    Q_DECLARE_TR_FUNCTIONS(ReconcileCommand)

public:
    static int run(const QStringList& arguments) {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Runs one sync of the Job controller on the state in FILE and prints, as\n"
               "JSON, what the controller does right now and why: the Pods it creates and\n"
               "deletes, the Job status it writes, and the causes that keep the active Pods\n"
               "from the requested parallelism.\n"
               "\n"
               "The state file is YAML or JSON with the keys job (a batch/v1 Job; its status\n"
               "is the status before the sync), now (the sync's clock), pods (v1 Pods or the\n"
               "shorthand {name, phase, ready, index, ...}), expectations, backoff and\n"
               "apiErrors. Examples are in %1.")
                .arg(ui::installedDataPath(QStringLiteral("examples/states"))));
        parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                            tr("Show this help and exit.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("lang"),
            tr("Language of messages and help, such as zh_CN or en (default: the locale)."),
            tr("language")));
        parser.addPositionalArgument(
            QStringLiteral("FILE"), tr("The state file (YAML or JSON); '-' reads standard input."));

        if (!parser.parse(arguments)) {
            printError(parser.errorText());
            writeErr(tr("Run 'jobscope reconcile --help' for usage.") + QLatin1Char('\n'));
            return ExitBadInput;
        }
        if (parser.isSet(QStringLiteral("help")))
            return writeOut(helpText(parser, QStringLiteral("jobscope reconcile"))) ? ExitSuccess
                                                                                    : ExitFailure;

        const QStringList files = parser.positionalArguments();
        if (files.size() != 1) {
            printError(files.isEmpty() ? tr("missing the state FILE argument")
                                       : tr("expected one state FILE, got %1: %2")
                                             .arg(files.size())
                                             .arg(files.join(QLatin1Char(' '))));
            writeErr(helpText(parser, QStringLiteral("jobscope reconcile")));
            return ExitBadInput;
        }

        const std::optional<CommandInput> input =
            readCommandInput(files.first(), tr("cannot open the state file: %1"),
                             tr("cannot read the state file: %1"));
        if (!input)
            return ExitBadInput;

        Diagnostics diagnostics;
        const std::optional<ReconcileState> state =
            parseReconcileState(input->text, input->displayName, diagnostics);
        writeErr(formatByPosition(diagnostics));
        if (!state || diagnostics.hasErrors())
            return ExitBadInput;

        const SyncResult result = syncJob(state->input);
        const std::string json = syncResultToJson(result, state->input.job, state->timeFormat);
        if (!writeOut(json)) {
            printError(tr("cannot write the result to standard output"));
            return ExitFailure;
        }
        return ExitSuccess;
    }
};

} // namespace

int runReconcile(const QStringList& arguments) {
    return ReconcileCommand::run(arguments);
}

} // namespace jobscope::cli
