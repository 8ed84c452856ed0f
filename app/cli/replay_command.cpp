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
        parser.addOption(QCommandLineOption(
            QStringLiteral("all-jobs"),
            tr("Play back every Job the recording holds, together (their Pods, active Pods "
               "summed, finished with the last one), instead of the first.")));
        parser.addOption(QCommandLineOption(
            {QStringLiteral("l"), QStringLiteral("selector")},
            tr("Play back the Jobs whose labels match SELECTOR, together (as kubectl's -l: "
               "key=value, key!=value, key in (a,b), key notin (a,b), key, !key; separated by "
               "commas)."),
            tr("SELECTOR")));
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

        live::JobSelection jobs;
        jobs.every = parser.isSet(QStringLiteral("all-jobs"));
        jobs.labelSelector = parser.value(QStringLiteral("selector"));
        const std::optional<live::Recording> recording = loadRecordingInput(*path, jobs);
        if (!recording)
            return ExitBadInput;

        if (recording->jobs.size() > 1) {
            const Run run = runObservedJobs(recording->jobs);
            const int count = static_cast<int>(run.jobs.size());
            const QString title =
                recording->jobNamespace.isEmpty()
                    ? tr("%n Jobs", nullptr, count)
                    : tr("%n Jobs (namespace %1)", nullptr, count).arg(recording->jobNamespace);
            return writeReports(parser, *report, run, title);
        }
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
