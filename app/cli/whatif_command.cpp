// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/whatif_command.h"

#include "cli/cli.h"
#include "cli/command_input.h"
#include "cli/output.h"
#include "cli/report_outputs.h"
#include "cli/simulate_command.h"
#include "edit/overrides.h"
#include "gui/data_paths.h"
#include "gui/engine_messages.h"
#include "live/recording.h"
#include "plot/difference_text.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "sim/whatif.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cmath>
#include <optional>
#include <vector>

namespace jobscope::cli {

namespace {

class WhatifCommand {
    Q_DECLARE_TR_FUNCTIONS(WhatifCommand)

public:
    static void addOptions(QCommandLineParser& parser) {
        parser.setApplicationDescription(
            tr("Forks a recorded Job into the simulator at a moment and simulates what would\n"
               "have happened from there: up to T the run is the recording (the Job, its\n"
               "status and every Pod as they were), after T the simulator goes on with the\n"
               "Pods' run times and exit codes the recording shows, changed by --set.\n"
               "Writes the reports 'jobscope simulate' writes, of the what-if run, and prints\n"
               "the recorded and the what-if runs side by side on standard error.\n"
               "\n"
               "PATH is a JobScope trace, a folder of kubectl watch streams or a kubectl dump\n"
               "(see %1). --print-scenario writes the scenario the what-if runs in;\n"
               "edit it and pass it back with --scenario.")
                .arg(ui::documentationPath(QStringLiteral("live.md"))));
        parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                            tr("Show this help and exit.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("at"),
            tr("The moment to fork at, after the Job's creation (such as 12.5, 30s, 2m)."),
            tr("T")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("set"),
            tr("Change one value of the what-if's scenario (repeatable), as 'simulate --set' "
               "does: spec.parallelism=8, cluster.quota.pods=4, runTime=30, "
               "kubernetesVersion=1.32. It changes what happens after T only."),
            tr("PATH=VALUE")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("scenario"),
            tr("Run the what-if in this scenario instead of the one made from the recording "
               "(as --print-scenario writes it)."),
            tr("FILE")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("print-scenario"),
            tr("Write the what-if's scenario (after --set) to standard output and exit.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("job"),
            tr("Of a recording of several Jobs (record --all-jobs), the one to fork (default: "
               "the first recorded)."),
            tr("NAME")));
        addReportOptions(parser);
        parser.addPositionalArgument(
            QStringLiteral("PATH"),
            tr("The trace, kubectl watch folder or kubectl dump of the recorded Job."));
    }

    static int run(const QStringList& arguments) {
        QCommandLineParser parser;
        addOptions(parser);
        int status = ExitBadInput;
        const std::optional<QString> path =
            parseRecordingCommand(parser, arguments, QStringLiteral("jobscope whatif"), &status);
        if (!path)
            return status;
        if (!parser.isSet(QStringLiteral("at"))) {
            printError(tr("missing --at T: the moment of the recording to fork at"));
            return ExitBadInput;
        }
        const QString atText = parser.value(QStringLiteral("at"));
        const std::optional<Seconds> at = parseDurationSeconds(atText.toStdString());
        if (!at || !std::isfinite(*at) || *at < 0) {
            printError(tr("--at: '%1' is not a time (such as 12.5, 30s, 2m)").arg(atText));
            return ExitBadInput;
        }
        const std::optional<std::vector<edit::Override>> overrides = readOverrideOptions(parser);
        if (!overrides)
            return ExitBadInput;
        const bool printScenario = parser.isSet(QStringLiteral("print-scenario"));
        std::optional<ReportOptions> report;
        if (!printScenario) {
            int optionsStatus = ExitSuccess;
            report = readReportOptions(parser, &optionsStatus);
            if (!report)
                return optionsStatus;
        }

        // Every Job it holds: one is forked, the one --job names or the first.
        live::JobSelection every;
        every.every = true;
        const std::optional<live::Recording> recording = loadRecordingInput(*path, every);
        if (!recording)
            return ExitBadInput;
        const Timeline* chosen = &recording->timeline;
        QStringList names;
        for (const Timeline& job : recording->jobs)
            names << QString::fromStdString(job.jobMetadata.name);
        if (parser.isSet(QStringLiteral("job"))) {
            const QString wanted = parser.value(QStringLiteral("job"));
            const qsizetype at = names.indexOf(wanted);
            if (at < 0 && wanted != QString::fromStdString(chosen->jobMetadata.name)) {
                printError(tr("--job %1: %2 holds no such Job (it holds %3)")
                               .arg(wanted, *path,
                                    names.isEmpty()
                                        ? QString::fromStdString(chosen->jobMetadata.name)
                                        : names.join(QStringLiteral(", "))));
                return ExitBadInput;
            }
            if (at >= 0)
                chosen = &recording->jobs[static_cast<std::size_t>(at)];
        } else if (names.size() > 1) {
            writeErr(tr("jobscope: note: %1 holds %n Jobs; the what-if forks %2 (--job NAME "
                        "forks another)\n",
                        "", static_cast<int>(names.size()))
                         .arg(*path, names.first()));
        }
        const Timeline& observed = *chosen;

        // The scenario text: the one made from the recording, or the user's.
        CommandInput input;
        if (parser.isSet(QStringLiteral("scenario"))) {
            const std::optional<CommandInput> given =
                readScenarioInput(parser.value(QStringLiteral("scenario")));
            if (!given)
                return ExitBadInput;
            input = *given;
        } else {
            const std::optional<std::string> text = whatifScenarioText(observed, *at);
            if (!text) {
                printError(tr("%1: the recording holds no Job to go on with").arg(*path));
                return ExitBadInput;
            }
            input = {*text, tr("what-if of %1").arg(*path).toStdString()};
        }
        if (!overrides->empty()) {
            if (!checkScenarioText(input))
                return ExitBadInput;
            edit::OverrideResult changed = edit::applyOverrides(input.text, *overrides);
            if (changed.error) {
                printError(QStringLiteral("%1: %2").arg(QString::fromStdString(input.displayName),
                                                        overrideErrorText(*changed.error)));
                return ExitBadInput;
            }
            input.text = std::move(changed.text);
        }
        if (printScenario)
            return writeOut(input.text) ? ExitSuccess : ExitFailure;

        Diagnostics diagnostics;
        std::optional<Scenario> scenario =
            readScenarioText(input.text, input.displayName, diagnostics);
        writeErr(formatByPosition(diagnostics));
        if (!scenario || diagnostics.hasErrors())
            return ExitBadInput;
        forkScenario(*scenario, observed, *at);
        const QString fileName = QString::fromStdString(input.displayName);
        if (const std::optional<Message> tooLarge = checkSimulationSize(*scenario)) {
            writeErr(
                QStringLiteral("%1: error: %2\n").arg(fileName, ui::localizedMessage(*tooLarge)));
            return ExitBadInput;
        }
        SimulationStats stats;
        const Run whatif = runScenario(*scenario, std::nullopt, &stats);
        if (stats.stopReason == "pod-limit") {
            writeErr(
                QStringLiteral("%1: error: %2\n")
                    .arg(fileName, ui::localizedMessage(podLimitMessage(*scenario, stats.end))));
            return ExitBadInput;
        }
        const Run recorded = runObserved(observed);
        writeErr(comparison(recorded, whatif, scenario->fork ? *at : 0));
        return writeReports(parser, *report, whatif, runTitle(whatif, arguments));
    }

private:
    static QString runLine(const QString& label, const RunSummary& s) {
        const QString finish = s.finishedAt ? tr("%1 at %2 s")
                                                  .arg(QString::fromStdString(s.outcome))
                                                  .arg(*s.finishedAt, 0, 'f', 1)
                                            : tr("not finished");
        return tr("%1 %2 · %3 Pods (%4 failed) · %5 Pod-seconds")
                   .arg(label, finish)
                   .arg(s.podsCreated)
                   .arg(s.podsFailed)
                   .arg(s.podSeconds, 0, 'f', 1) +
               QLatin1Char('\n');
    }

    static QString comparison(const Run& recorded, const Run& whatif, Seconds at) {
        const RunSummary& r = recorded.summary;
        const RunSummary& w = whatif.summary;
        QString text = tr("what-if from %1 s:").arg(at, 0, 'f', 1) + QLatin1Char('\n');
        text += runLine(tr("  recorded:"), r);
        text += runLine(tr("  what-if: "), w);
        text += tr("  difference: %1").arg(ui::differenceText(r, w)) + QLatin1Char('\n');
        return text;
    }
};

} // namespace

int runWhatif(const QStringList& arguments) {
    return WhatifCommand::run(arguments);
}

} // namespace jobscope::cli
