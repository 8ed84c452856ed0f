// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/examples_command.h"

#include "cli/cli.h"
#include "cli/command_input.h"
#include "cli/output.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>

namespace jobscope::cli {

namespace {

class ExamplesCommand {
    Q_DECLARE_TR_FUNCTIONS(ExamplesCommand)

public:
    static int run(const QStringList& arguments) {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Lists the examples built into JobScope: the patterns, the trade-offs, one\n"
               "example per cause and the calibrated simulations of Jobs recorded on a real\n"
               "cluster. Each line holds the NAME that 'jobscope simulate example:NAME' runs,\n"
               "then the example's title."));
        parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                            tr("Show this help and exit.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("lang"),
            tr("Language of messages and help, such as zh_CN or en (default: the locale)."),
            tr("language")));
        const QString program = QStringLiteral("jobscope examples");
        if (!parser.parse(arguments)) {
            printError(parser.errorText());
            writeErr(tr("Run 'jobscope examples --help' for usage.") + QLatin1Char('\n'));
            return ExitBadInput;
        }
        if (parser.isSet(QStringLiteral("help")))
            return writeOut(helpText(parser, program)) ? ExitSuccess : ExitFailure;
        if (!parser.positionalArguments().isEmpty()) {
            printError(tr("'jobscope examples' takes no argument, got: %1")
                           .arg(parser.positionalArguments().join(QLatin1Char(' '))));
            return ExitBadInput;
        }

        const QList<BuiltInExample> examples = builtInExamples();
        qsizetype width = 0;
        for (const BuiltInExample& example : examples)
            width = std::max(width, example.name.size());
        QString out;
        for (const BuiltInExample& example : examples)
            out += example.name.leftJustified(width + 2) + example.title + QLatin1Char('\n');
        return writeOut(out) ? ExitSuccess : ExitFailure;
    }
};

} // namespace

int runExamples(const QStringList& arguments) {
    return ExamplesCommand::run(arguments);
}

} // namespace jobscope::cli
