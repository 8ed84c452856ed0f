// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli.h"

#include "cli/examples_command.h"
#include "cli/lesson_command.h"
#include "cli/output.h"
#include "cli/reconcile_command.h"
#include "cli/record_command.h"
#include "cli/replay_command.h"
#include "cli/simulate_command.h"
#include "cli/sweep_command.h"
#include "cli/translation.h"
#include "cli/whatif_command.h"
#include "gui/gui_entry.h"
#include "yaml_reader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

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

// The commands; anything else is a file for the GUI.
const char* const kCommands[] = {"reconcile", "simulate", "sweep",  "examples",
                                 "record",    "replay",   "whatif", "lesson"};

bool isCommand(const QString& word) {
    for (const char* command : kCommands)
        if (word == QLatin1String(command))
            return true;
    return false;
}

// The first argument that is not an option (nor the value of --lang or another option of the
// app), or "".
QString firstPositional(const QStringList& arguments) {
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (ui::isGuiOptionWithValue(a)) {
            ++i;
            continue;
        }
        if (a == QLatin1String("--"))
            return arguments.value(i + 1);
        if (!a.startsWith(QLatin1Char('-')) || a == QLatin1String("-"))
            return a;
    }
    return {};
}

// `jobscope FILE` opens FILE in the GUI; a bare word that is no file is a mistyped command. A
// command stays a command even where a file of that name exists.
bool looksLikeFile(const QString& word) {
    if (isCommand(word))
        return false;
    return word.contains(QLatin1Char('.')) || word.contains(QLatin1Char('/')) ||
           word.startsWith(QLatin1Char(':')) || QFileInfo::exists(word);
}

bool hasOption(const QStringList& arguments, const QString& name) {
    return std::any_of(arguments.begin(), arguments.end(), [&](const QString& a) {
        return a == name || a.startsWith(name + QLatin1Char('='));
    });
}

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
                  "                   FILE may be '-' (standard input) or example:NAME.\n"
                  "  sweep FILE       Simulate it over a grid of values (--vary) and seeds and\n"
                  "                   write one CSV row per point.\n"
                  "  examples         List the built-in examples (NAME and title).\n"
                  "  record           Watch a Job on a cluster and record it to a trace.\n"
                  "  replay PATH      Play back a trace or a kubectl capture and write the same\n"
                  "                   reports as simulate.\n"
                  "  whatif PATH      Fork a recorded Job into the simulator at a moment (--at)\n"
                  "                   and simulate what would have happened with other values.\n"
                  "  lesson           Render the built-in lesson (or another) as PNG slides.\n"
                  "\n"
                  "Without a command, or with a FILE, the desktop app opens (on FILE, or on a\n"
                  "built-in example).\n"
                  "\n"
                  "Run 'jobscope <command> --help' for the options of a command.\n");
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

    // The desktop app's own options (gui_entry.h); --lang is common to every command.
    static void addAppOptions(QCommandLineParser& parser) {
        parser.addOption(QCommandLineOption(
            QStringLiteral("theme"),
            tr("The app: light, dark or system colours for this run (default: as saved)."),
            tr("theme")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("size"), tr("The app: the window's size in pixels, such as 1280x720."),
            tr("WxH")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("at"),
                               tr("The app: put the playhead at this time (seconds since the "
                                  "Job was created)."),
                               tr("seconds")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("whatif"),
            tr("The app, with a recording FILE and --at: open the recording's what-if from that "
               "moment (Simulate › What If From Here).")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("set"),
            tr("The app: change one value of the opened scenario, manifest or what-if once it has "
               "run, as 'simulate --set' does (repeatable), such as spec.parallelism=8."),
            tr("PATH=VALUE")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("zoom"),
                               tr("The app: show this span of time (seconds since the Job was "
                                  "created), as a zoom."),
                               tr("FROM..TO")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("select"),
            tr("The app: select this span of time, as Shift+drag on the plot does."),
            tr("FROM..TO")));
        parser.addOption(QCommandLineOption(QStringLiteral("find"),
                                            tr("The app: open the editor's Find bar on this text."),
                                            tr("text")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("live"),
            tr("The app: follow this Job on a cluster (live mode) instead of opening a file."),
            tr("job")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("live-all-jobs"),
            tr("The app: follow every Job of the namespace on a cluster (live mode), including "
               "Jobs created while watching.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("live-selector"),
            tr("The app: follow the Jobs of the namespace whose labels this selector matches, as "
               "kubectl -l (live mode)."),
            tr("selector")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("kubeconfig"),
            tr("The app, in live mode: the kubeconfig file (default: KUBECONFIG, else "
               "~/.kube/config)."),
            tr("file")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("context"),
            tr("The app, in live mode: the kubeconfig context (default: its current one)."),
            tr("name")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("namespace"),
            tr("The app, in live mode: the Job's namespace (default: the context's)."),
            tr("namespace")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("screenshot"),
            tr("The app: draw the window offscreen into this PNG and exit (no display needed; "
               "the saved settings are not used)."),
            tr("file")));
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
        addAppOptions(parser);
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
        const QStringList appOptions = {
            QStringLiteral("theme"),     QStringLiteral("size"),       QStringLiteral("at"),
            QStringLiteral("zoom"),      QStringLiteral("select"),     QStringLiteral("find"),
            QStringLiteral("live"),      QStringLiteral("kubeconfig"), QStringLiteral("context"),
            QStringLiteral("namespace"), QStringLiteral("screenshot"), QStringLiteral("live-selector")};
        if (positional.isEmpty() || looksLikeFile(positional.first())) {
            // The app's options, before or after its files.
            ui::GuiOptions options;
            options.language = languageFromArguments(arguments);
            std::optional<QString> error;
            for (const QString& name : appOptions)
                if (!error && parser.isSet(name))
                    error = ui::setGuiOption(name, parser.value(name), options);
            options.whatif = parser.isSet(QStringLiteral("whatif"));
            options.liveAllJobs = parser.isSet(QStringLiteral("live-all-jobs"));
            for (const QString& set : parser.values(QStringLiteral("set")))
                if (!error)
                    error = ui::setGuiOption(QStringLiteral("set"), set, options);
            if (!error)
                error = ui::readGuiOptions(positional, options);
            if (error) {
                printError(*error);
                writeErr(tr("Run 'jobscope --help' for usage.") + QLatin1Char('\n'));
                return ExitBadInput;
            }
            return ui::runGui(options);
        }
        for (const QString& name :
             appOptions + QStringList{QStringLiteral("whatif"), QStringLiteral("set"),
                                      QStringLiteral("live-all-jobs")})
            if (parser.isSet(name)) {
                printError(tr("--%1 is an option of the desktop app, not of a command").arg(name));
                writeErr(tr("Run 'jobscope --help' for usage.") + QLatin1Char('\n'));
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
        if (!isCommand(command)) {
            QString message = tr("unknown command '%1'").arg(command);
            const std::string suggestion =
                closestMatch(command.toStdString(), {"reconcile", "simulate", "sweep", "examples",
                                                     "record", "replay", "whatif", "lesson"});
            if (!suggestion.empty())
                message = tr("unknown command '%1' (did you mean '%2'?)")
                              .arg(command, QString::fromStdString(suggestion));
            printError(message);
            writeErr(usage(parser));
            return ExitBadInput;
        }
        QStringList rest = positional.mid(1);
        rest.prepend(arguments.value(0));
        if (command == QLatin1String("examples"))
            return runExamples(rest);
        if (command == QLatin1String("sweep"))
            return runSweep(rest);
        if (command == QLatin1String("record"))
            return runRecord(rest);
        if (command == QLatin1String("replay"))
            return runReplay(rest);
        if (command == QLatin1String("whatif"))
            return runWhatif(rest);
        return runLesson(rest);
    }
};

} // namespace

bool needsGuiApplication(const QStringList& arguments) {
    // The GUI takes only its own options: anything else (help, version, a mistake) is for the
    // parser, which needs no display to answer.
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == QLatin1String("--"))
            break;
        if (ui::isGuiOptionWithValue(a)) {
            ++i;
            continue;
        }
        if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-") && !ui::isGuiFlag(a) &&
            !ui::isGuiOptionWithValue(a.section(QLatin1Char('='), 0, 0)))
            return false;
    }
    const QString first = firstPositional(arguments);
    return first.isEmpty() || looksLikeFile(first);
}

bool takesScreenshot(const QStringList& arguments) {
    return needsGuiApplication(arguments) && hasOption(arguments, QStringLiteral("--screenshot"));
}

bool commandDraws(const QStringList& arguments) {
    const QString command = firstPositional(arguments);
    if (command == QLatin1String("lesson"))
        return true;
    if (command == QLatin1String("sweep"))
        return hasOption(arguments, QStringLiteral("--png"));
    if (command == QLatin1String("simulate") || command == QLatin1String("replay") ||
        command == QLatin1String("whatif"))
        return hasOption(arguments, QStringLiteral("--png")) ||
               hasOption(arguments, QStringLiteral("--gantt-png")) ||
               hasOption(arguments, QStringLiteral("--pdf"));
    return false;
}

int run(const QStringList& arguments) {
    const QString language = languageFromArguments(arguments);
    if (!installTranslation(language))
        writeErr(Cli::tr("jobscope: warning: no translation for '%1'; messages stay in "
                         "English\n")
                     .arg(language));
    return Cli::run(arguments);
}

} // namespace jobscope::cli
