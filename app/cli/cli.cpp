#include "cli/cli.h"

#include "cli/output.h"
#include "cli/reconcile_command.h"
#include "cli/simulate_command.h"
#include "cli/translation.h"
#include "yaml_reader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace jobscope::cli {

namespace {

// Qt's own QCommandLineParser texts. Qt's translations are not always installed, so the
// app's .ts carries them under Qt's context, where QCommandLineParser::tr finds them.
[[maybe_unused]] const char* const kQtParserTexts[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Usage: %1"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "[options]"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Options:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown option '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown options: %1."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Missing value after '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unexpected value after '%1'."),
};

// Commands of DESIGN.md §4 that later issues bring.
const char* const kLaterCommands[] = {"record", "replay"};

class Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    static QString description() {
        return tr("JobScope shows why a Kubernetes Job runs the number of Pods it runs.");
    }

    static QString commandsSection() {
        return tr("Commands:\n"
                  "  reconcile FILE   Run one sync of the Job controller on the state in FILE\n"
                  "                   and print what it does, and why, as JSON.\n"
                  "  simulate FILE    Simulate the Job of a scenario or manifest and write the\n"
                  "                   parallelism, its causes, Pods and Events (CSV, PNG).\n"
                  "\n"
                  "Run 'jobscope <command> --help' for the options of a command.\n");
    }

    static QString onlyReconcile() {
        return tr("this build has the 'reconcile' and 'simulate' commands so far; the GUI and "
                  "the 'record' and 'replay' commands arrive with later issues");
    }

    static void addCommonOptions(QCommandLineParser& parser) {
        parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                            tr("Show this help and exit.")));
        parser.addOption(QCommandLineOption({QStringLiteral("v"), QStringLiteral("version")},
                                            tr("Show the version and exit.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("lang"),
            tr("Language of messages and help, such as zh_CN or en (default: the locale)."),
            tr("language")));
    }

    static QString usage(QCommandLineParser& parser) {
        return helpText(parser, QStringLiteral("jobscope")) + QLatin1Char('\n') + commandsSection();
    }

    static int run(const QStringList& arguments) {
        QCommandLineParser parser;
        parser.setApplicationDescription(description());
        parser.setOptionsAfterPositionalArgumentsMode(
            QCommandLineParser::ParseAsPositionalArguments);
        addCommonOptions(parser);
        parser.addPositionalArgument(QStringLiteral("command"), tr("The command to run."),
                                     tr("<command> [arguments]"));

        if (!parser.parse(arguments)) {
            printError(parser.errorText());
            writeErr(tr("Run 'jobscope --help' for usage.") + QLatin1Char('\n'));
            return ExitBadInput;
        }
        if (parser.isSet(QStringLiteral("help"))) {
            return writeOut(usage(parser)) ? ExitSuccess : ExitFailure;
        }
        if (parser.isSet(QStringLiteral("version"))) {
            return writeOut(
                       QStringLiteral("jobscope %1\n").arg(QCoreApplication::applicationVersion()))
                       ? ExitSuccess
                       : ExitFailure;
        }

        const QStringList positional = parser.positionalArguments();
        if (positional.isEmpty()) {
            printError(onlyReconcile());
            writeErr(usage(parser));
            return ExitBadInput;
        }
        const QString command = positional.first();
        if (command == QLatin1String("reconcile")) {
            // The command parses its own options; the parser skips the first entry.
            QStringList rest = positional.mid(1);
            rest.prepend(arguments.value(0));
            return runReconcile(rest);
        }
        if (command == QLatin1String("simulate")) {
            QStringList rest = positional.mid(1);
            rest.prepend(arguments.value(0));
            return runSimulate(rest);
        }
        for (const char* later : kLaterCommands) {
            if (command == QLatin1String(later)) {
                printError(
                    tr("the '%1' command is not available yet: %2").arg(command, onlyReconcile()));
                writeErr(usage(parser));
                return ExitBadInput;
            }
        }
        if (command.contains(QLatin1Char('.')) || command.contains(QLatin1Char('/')) ||
            QFileInfo::exists(command)) {
            // `jobscope FILE` opens the GUI in DESIGN.md §4.
            printError(tr("cannot open '%1' in the GUI: %2").arg(command, onlyReconcile()));
            writeErr(usage(parser));
            return ExitBadInput;
        }
        QString message = tr("unknown command '%1'").arg(command);
        const std::string suggestion =
            closestMatch(command.toStdString(), {"reconcile", "simulate", "record", "replay"});
        if (!suggestion.empty())
            message = tr("unknown command '%1' (did you mean '%2'?)")
                          .arg(command, QString::fromStdString(suggestion));
        printError(message);
        writeErr(usage(parser));
        return ExitBadInput;
    }
};

} // namespace

int run(const QStringList& arguments) {
    const QString language = languageFromArguments(arguments);
    if (!installTranslation(language))
        writeErr(Cli::tr("jobscope: warning: no translation for '%1'; messages stay in "
                         "English\n")
                     .arg(language));
    return Cli::run(arguments);
}

} // namespace jobscope::cli
