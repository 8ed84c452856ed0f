// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/sweep_command.h"

#include "cli/cli.h"
#include "cli/command_input.h"
#include "cli/output.h"
#include "cli/report_outputs.h"
#include "diagnostics.h"
#include "input_file.h"
#include "plot/png_file.h"
#include "plot/sweep_plot.h"
#include "run/sweep.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <thread>

namespace jobscope::cli {

namespace {

class SweepCommand {
    Q_DECLARE_TR_FUNCTIONS(SweepCommand)

public:
    static void addOptions(QCommandLineParser& parser) {
        parser.setApplicationDescription(
            tr("Runs the scenario over a grid of values and writes one CSV row per point: the\n"
               "completion time, Pod-seconds, peak and mean active Pods, failed Pods and the\n"
               "final condition, as the median (p50) and 90th percentile (p90) over the seeds.\n"
               "Every point is the file with its values set as --set sets them, checked like\n"
               "the file. The points run on every core."));
        parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                            tr("Show this help and exit.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("vary"),
            tr("A parameter and its values (repeatable; the grid is every combination): "
               "PATH=A..B (whole numbers), PATH=A..B:STEP or PATH=V1,V2,… "
               "(such as spec.parallelism=1..20, runTime=5..30:5, "
               "spec.podReplacementPolicy=Failed,TerminatingOrFailed)."),
            tr("PATH=VALUES")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("seeds"),
            tr("Run each point with the seeds 1..N (default: once, with the scenario's seed)."),
            tr("N")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("set"),
            tr("Change one value of the file for every point, as simulate --set."),
            tr("PATH=VALUE")));
        parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                                            tr("Write the CSV to F (default: standard output)."),
                                            tr("F")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("png"),
            tr("Also draw the completion time and the Pod-seconds against the first varied "
               "parameter, one line per value of the others (the medians), as a PNG of "
               "1280x800 to F."),
            tr("F")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("jobs"),
                               tr("Run N simulations at once (default: one per core)."), tr("N")));
        parser.addPositionalArgument(
            QStringLiteral("FILE"),
            tr("The scenario or Job manifest (YAML): a file, '-' or example:NAME."));
    }

    static int run(const QStringList& arguments) {
        QCommandLineParser parser;
        addOptions(parser);
        int status = ExitBadInput;
        const std::optional<QString> file =
            parseScenarioCommand(parser, arguments, QStringLiteral("jobscope sweep"), &status);
        if (!file)
            return status;

        std::vector<SweepAxis> axes;
        std::size_t points = 1;
        for (const QString& value : parser.values(QStringLiteral("vary"))) {
            SweepAxisError error;
            const std::optional<SweepAxis> axis = parseSweepAxis(value.toStdString(), &error);
            if (!axis) {
                printError(axisErrorText(error));
                return ExitBadInput;
            }
            points *= axis->values.size();
            if (points > kMaxSweepValues) {
                printError(tr("--vary: the grid has more than %1 points").arg(kMaxSweepValues));
                return ExitBadInput;
            }
            axes.push_back(*axis);
        }
        if (axes.empty()) {
            printError(tr("nothing to vary: give at least one --vary PATH=VALUES"));
            return ExitBadInput;
        }
        SweepOptions options;
        if (!readCount(parser, QStringLiteral("seeds"), 1000, &options.seeds) ||
            !readCount(parser, QStringLiteral("jobs"), 256, nullptr, &options.threads))
            return ExitBadInput;
        for (const QString& value : parser.values(QStringLiteral("set"))) {
            edit::OverrideError error;
            const std::optional<edit::Override> parsed =
                edit::parseOverride(value.toStdString(), &error);
            if (!parsed) {
                printError(
                    tr("--set: '%1' is not PATH=VALUE (such as spec.parallelism=8)").arg(value));
                return ExitBadInput;
            }
            options.fixed.push_back(*parsed);
        }

        const std::optional<CommandInput> input = readScenarioInput(*file);
        if (!input)
            return ExitBadInput;
        const std::string& text = input->text;
        const std::string& displayName = input->displayName;
        if (!checkScenarioText(*input))
            return ExitBadInput;

        QElapsedTimer timer;
        timer.start();
        const std::vector<SweepPoint> results = runSweep(text, displayName, axes, options);
        // A point that cannot run is the input's fault: said with its values, no CSV written.
        for (const SweepPoint& point : results)
            if (!point.error.empty()) {
                printError(tr("%1: the point %2 cannot run: %3")
                               .arg(QString::fromStdString(displayName), pointName(axes, point),
                                    QString::fromStdString(point.error)));
                return ExitBadInput;
            }
        const std::size_t runs = results.size() * static_cast<std::size_t>(options.seeds);
        writeErr(tr("%n simulation(s) in %1 s", "", static_cast<int>(runs))
                     .arg(static_cast<double>(timer.elapsed()) / 1000.0, 0, 'f', 2) +
                 QLatin1Char('\n'));
        const QString output = parser.isSet(QStringLiteral("output"))
                                   ? parser.value(QStringLiteral("output"))
                                   : QStringLiteral("-");
        std::vector<SweepFigures> figures;
        for (const SweepPoint& point : results)
            figures.push_back(figuresOf(point));
        bool written = writeReport(output, sweepCsv(axes, results, figures));
        if (parser.isSet(QStringLiteral("png"))) {
            QString error;
            const QString png = parser.value(QStringLiteral("png"));
            if (!ui::renderPngFile(
                    png, QSize(1280, 800),
                    [&](const QSize& size) {
                        return ui::renderSweepPlot(
                            ui::sweepPlotData(displayName, axes, results, figures), size);
                    },
                    &error)) {
                printError(tr("cannot write %1: %2").arg(png, error));
                written = false;
            }
        }
        return written ? ExitSuccess : ExitFailure;
    }

private:
    static bool readCount(const QCommandLineParser& parser, const QString& name, int most,
                          int* into, unsigned* unsignedInto = nullptr) {
        if (!parser.isSet(name))
            return true;
        bool ok = false;
        const QString value = parser.value(name);
        const int parsed = value.toInt(&ok);
        if (!ok || parsed < 1 || parsed > most || value.startsWith(QLatin1Char('+'))) {
            printError(
                tr("--%1: '%2' is not a whole number from 1 to %3").arg(name, value).arg(most));
            return false;
        }
        if (into)
            *into = parsed;
        if (unsignedInto)
            *unsignedInto = static_cast<unsigned>(parsed);
        return true;
    }

    static QString axisErrorText(const SweepAxisError& error) {
        const QString given = QString::fromStdString(error.text);
        switch (error.kind) {
        case SweepAxisError::Kind::NotPathValues:
            return tr("--vary: '%1' is not PATH=VALUES (such as spec.parallelism=1..20 or "
                      "spec.completionMode=NonIndexed,Indexed)")
                .arg(given);
        case SweepAxisError::Kind::BadRange:
            return tr("--vary: '%1' is not a range A..B or A..B:STEP with A ≤ B and STEP > 0")
                .arg(given);
        case SweepAxisError::Kind::TooMany:
            return tr("--vary: '%1' has more than %2 values").arg(given).arg(kMaxSweepValues);
        }
        return given;
    }

    static QString pointName(const std::vector<SweepAxis>& axes, const SweepPoint& point) {
        QStringList parts;
        for (std::size_t a = 0; a < axes.size(); ++a)
            parts << QString::fromStdString(axes[a].name + "=" + point.values[a]);
        return parts.join(QLatin1Char(' '));
    }
};

} // namespace

int runSweep(const QStringList& arguments) {
    return SweepCommand::run(arguments);
}

} // namespace jobscope::cli
