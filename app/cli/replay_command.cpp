// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/replay_command.h"

#include "analysis/analysis.h"
#include "cli/cli.h"
#include "cli/command_input.h"
#include "cli/output.h"
#include "cli/report_outputs.h"
#include "gui/data_paths.h"
#include "live/recording.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace jobscope::cli {

namespace {

class ReplayCommand {
    Q_DECLARE_TR_FUNCTIONS(ReplayCommand)

public:
    static int run(const QStringList& arguments) {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Plays back a recorded Job and writes what happened, as 'jobscope simulate'\n"
               "does for a simulated one: the requested and actual parallelism over time\n"
               "with the causes of every difference (CSV and a PNG plot), the Pods'\n"
               "lifecycles and the Events.\n"
               "\n"
               "PATH is a JobScope trace (written by 'jobscope record'), a folder of\n"
               "'kubectl get … --watch -o json --output-watch-events' streams, or a\n"
               "post-mortem dump ('kubectl get job,pods,events -o json' or -o yaml); see\n"
               "%1. Times in the outputs are seconds since the Job was created.\n"
               "Without any output option the series CSV goes to standard output; '-' as a\n"
               "CSV file name also means standard output.")
                .arg(ui::documentationPath(QStringLiteral("live.md"))));
        parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                            tr("Show this help and exit.")));
        addReportOptions(parser);
        parser.addPositionalArgument(
            QStringLiteral("PATH"),
            tr("The trace, kubectl watch folder or kubectl dump to play back."));

        int status = ExitBadInput;
        const std::optional<QString> path =
            parseRecordingCommand(parser, arguments, QStringLiteral("jobscope replay"), &status);
        if (!path)
            return status;
        int optionsStatus = ExitSuccess;
        const std::optional<ReportOptions> report = readReportOptions(parser, &optionsStatus);
        if (!report)
            return optionsStatus;

        const std::optional<live::Recording> recording = loadRecordingInput(*path);
        if (!recording)
            return ExitBadInput;

        const Run run = runObserved(recording->timeline);
        const QString title =
            recording->jobNamespace.isEmpty()
                ? tr("Job %1").arg(recording->jobName)
                : tr("Job %1 (namespace %2)").arg(recording->jobName, recording->jobNamespace);
        return writeReports(parser, *report, run, title);
    }
};

} // namespace

int runReplay(const QStringList& arguments) {
    return ReplayCommand::run(arguments);
}

} // namespace jobscope::cli
