// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/simulate_command.h"

#include "analysis/analysis.h"
#include "cli/cli.h"
#include "cli/command_input.h"
#include "cli/output.h"
#include "cli/report_outputs.h"
#include "cli/translation.h"
#include "diagnostics.h"
#include "edit/overrides.h"
#include "gui/data_paths.h"
#include "gui/engine_messages.h"
#include "gui/job_document.h"
#include "input_file.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace jobscope::cli {

namespace {

class SimulateCommand {
    Q_DECLARE_TR_FUNCTIONS(SimulateCommand)

public:
    static void addOptions(QCommandLineParser& parser) {
        parser.setApplicationDescription(
            tr("Simulates a Job in the world a scenario describes and writes what happened:\n"
               "the requested and actual parallelism over time with the causes of every\n"
               "difference (CSV and a PNG plot), the Pods' lifecycles and the Events.\n"
               "\n"
               "FILE is a scenario (%1) or a bare Job manifest, which runs\n"
               "with the default scenario: one roomy node, a 1 s controller sync, Pods that\n"
               "run 10 s and never fail. FILE '-' reads it from standard input; example:NAME\n"
               "runs a built-in example ('jobscope examples' lists the names, such as\n"
               "example:causes/quota-exceeded). Times in the outputs are seconds since the\n"
               "Job was created. Without any output option the series CSV goes to standard\n"
               "output; '-' as a CSV file name also means standard output.\n"
               "Examples are in %2.")
                .arg(ui::documentationPath(QStringLiteral("scenarios.md")),
                     ui::installedDataPath(QStringLiteral("examples"))));
        parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                            tr("Show this help and exit.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("seed"), tr("Random seed (overrides the scenario's seed)."), tr("N")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("until"),
            tr("Stop the simulation at this time after the Job's creation, such as 90, 90s, "
               "5m (overrides the scenario's stopAt)."),
            tr("T")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("set"),
            tr("Change one value before the file is read, as if the file said so (repeatable): "
               "spec.* and metadata.* set the Job's fields (spec.parallelism=8, "
               "spec.completionMode=Indexed), any other path the scenario's (runTime=30, "
               "cluster.quota.pods=4, seed=7). The result is checked like the file."),
            tr("PATH=VALUE")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("max-pods"),
            tr("Refuse a Job that needs more Pods than N, and stop a simulation that creates "
               "more (default %1).")
                .arg(kDefaultMaxPods),
            tr("N")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("jobs-csv"),
            tr("Write one row per Job of the scenario (name, created, finished, outcome, Pods, "
               "Pod-seconds; times in seconds since the scenario's start) to FILE. The other "
               "outputs describe all the Jobs together."),
            tr("FILE")));
        addReportOptions(parser);
        parser.addPositionalArgument(
            QStringLiteral("FILE"),
            tr("The scenario or Job manifest (YAML): a file, '-' or example:NAME."));
    }

    static int run(const QStringList& arguments) {
        QCommandLineParser parser;
        addOptions(parser);
        int status = ExitBadInput;
        const std::optional<QString> file =
            parseScenarioCommand(parser, arguments, QStringLiteral("jobscope simulate"), &status);
        if (!file)
            return status;

        // Options first, so that a typo is reported before a long simulation runs.
        std::optional<uint64_t> seed;
        if (parser.isSet(QStringLiteral("seed"))) {
            bool ok = false;
            const QString value = parser.value(QStringLiteral("seed"));
            seed = value.toULongLong(&ok);
            if (!ok || value.startsWith(QLatin1Char('-')) || value.startsWith(QLatin1Char('+'))) {
                printError(tr("--seed: '%1' is not a non-negative integer").arg(value));
                return ExitBadInput;
            }
        }
        std::optional<Seconds> until;
        if (parser.isSet(QStringLiteral("until"))) {
            const QString value = parser.value(QStringLiteral("until"));
            until = parseDurationSeconds(value.toStdString());
            if (!until || !(*until > 0)) {
                printError(tr("--until: '%1' is not a positive duration (such as 90, 90s, 5m)")
                               .arg(value));
                return ExitBadInput;
            }
        }
        std::size_t maxPods = kDefaultMaxPods;
        if (parser.isSet(QStringLiteral("max-pods"))) {
            bool ok = false;
            const QString value = parser.value(QStringLiteral("max-pods"));
            const qulonglong parsed = value.toULongLong(&ok);
            if (!ok || parsed == 0 || value.startsWith(QLatin1Char('+'))) {
                printError(tr("--max-pods: '%1' is not a positive integer").arg(value));
                return ExitBadInput;
            }
            maxPods = static_cast<std::size_t>(parsed);
        }
        int optionsStatus = ExitSuccess;
        const std::optional<ReportOptions> report = readReportOptions(parser, &optionsStatus);
        if (!report)
            return optionsStatus;

        const std::optional<std::vector<edit::Override>> overrides = readOverrideOptions(parser);
        if (!overrides)
            return ExitBadInput;

        Diagnostics diagnostics;
        std::optional<Scenario> scenario;
        const std::optional<CommandInput> input = readScenarioInput(*file);
        if (!input)
            return ExitBadInput;
        std::string text = input->text;
        const std::string& displayName = input->displayName;
        if (!overrides->empty()) {
            if (!checkScenarioText(*input))
                return ExitBadInput;
            edit::OverrideResult changed = edit::applyOverrides(text, *overrides);
            if (changed.error) {
                printError(QStringLiteral("%1: %2").arg(QString::fromStdString(displayName),
                                                        overrideErrorText(*changed.error)));
                return ExitBadInput;
            }
            text = std::move(changed.text);
        }
        scenario = readScenarioText(text, displayName, diagnostics);
        writeErr(formatByPosition(diagnostics));
        if (!scenario || diagnostics.hasErrors())
            return ExitBadInput;
        if (until)
            scenario->stopAt = *until;
        scenario->maxPods = maxPods;
        const QString fileName = QString::fromStdString(displayName);
        if (const std::optional<Message> tooLarge = checkSimulationSize(*scenario)) {
            writeErr(
                QStringLiteral("%1: error: %2\n").arg(fileName, ui::localizedMessage(*tooLarge)));
            return ExitBadInput;
        }

        SimulationStats stats;
        const QString jobsCsvPath = parser.value(QStringLiteral("jobs-csv"));
        // Several Jobs are reported together (aggregateRun), and one row each in --jobs-csv.
        const Run run = runWholeScenario(*scenario, seed, &stats);
        if (stats.stopReason == "pod-limit") {
            // The outputs would describe a Job cut short; none is written.
            writeErr(
                QStringLiteral("%1: error: %2\n")
                    .arg(fileName, ui::localizedMessage(podLimitMessage(*scenario, stats.end))));
            return ExitBadInput;
        }
        if (stats.stopReason == "step-limit")
            writeErr(QStringLiteral("jobscope: warning: %1\n")
                         .arg(tr("the simulation stopped after %1 steps at %2 s; the outputs "
                                 "end there")
                                  .arg(stats.steps)
                                  .arg(stats.end, 0, 'f', 3)));
        const int written = writeReports(parser, *report, run, title(run, arguments));
        if (!jobsCsvPath.isEmpty() &&
            !writeReport(jobsCsvPath, jobsCsv(run.jobs.empty() ? std::vector<Run>{run} : run.jobs)))
            return std::max(written, static_cast<int>(ExitFailure));
        return written;
    }

    static QString overrideErrorText(const edit::OverrideError& error) {
        const QString given = QString::fromStdString(error.override);
        const QString detail = QString::fromStdString(error.detail);
        using Kind = edit::OverrideError::Kind;
        switch (error.kind) {
        case Kind::NotPathValue:
            return tr("--set: '%1' is not PATH=VALUE (such as spec.parallelism=8)").arg(given);
        case Kind::EmptyStep:
            return tr("--set: '%1' has an empty step in its path").arg(given);
        case Kind::NoValue:
            return tr("--set: '%1' has no value after '='").arg(given);
        case Kind::NotScalar:
            return tr("--set %1: a mapping or a list cannot be set; set its values one by one")
                .arg(given);
        case Kind::NotYaml:
            return tr("--set %1: the value is not YAML (%2)").arg(given, detail);
        case Kind::JobElsewhere:
            return tr("--set %1: the Job is in %2 (job.path): set it there").arg(given, detail);
        case Kind::SeveralJobs:
            return tr("--set %1: the scenario lists several Jobs under jobs:; set one of them "
                      "by its place in the list, such as %2")
                .arg(given, detail);
        case Kind::NoJob:
            return tr("--set %1: the text holds no Job").arg(given);
        case Kind::NotAScenario:
            return tr("--set %1: a bare Job manifest has only the Job's fields (spec.*, "
                      "metadata.*); the other paths belong to a scenario")
                .arg(given);
        case Kind::TextError:
            return tr("--set %1: %2").arg(given, detail);
        }
        return given;
    }

    // The plot's title: the run's, in Chinese when the messages are, else the Job's name.
    static QString title(const Run& run, const QStringList& arguments) {
        const QString language = languageFromArguments(arguments);
        const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
        return ui::runTitle(run, locale.language() == QLocale::Chinese);
    }
};

} // namespace

int runSimulate(const QStringList& arguments) {
    return SimulateCommand::run(arguments);
}

QString overrideErrorText(const edit::OverrideError& error) {
    return SimulateCommand::overrideErrorText(error);
}

QString runTitle(const Run& run, const QStringList& arguments) {
    return SimulateCommand::title(run, arguments);
}

} // namespace jobscope::cli
