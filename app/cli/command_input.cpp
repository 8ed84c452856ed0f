// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/command_input.h"

#include "cli/simulate_command.h"
#include "edit/overrides.h"
#include "live/recording.h"

#include "cli/cli.h"
#include "cli/output.h"
#include "gui/engine_messages.h"
#include "gui/example_catalog.h"
#include "input_file.h"
#include "live/read_input.h"
#include "scenario/scenario_reader.h"
#include "yaml_reader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace jobscope::cli {

namespace {

class ExampleInput {
    Q_DECLARE_TR_FUNCTIONS(ExampleInput)
};

const QString kExamplePrefix = QStringLiteral("example:");
const QString kExampleFolder = QStringLiteral(":/examples/");

// The example's name: its resource path below ":/examples/" without ".yaml".
QString nameOf(const QString& resourcePath) {
    QString name = resourcePath.mid(kExampleFolder.size());
    name.chop(5);
    return name;
}

// An example the user may have meant: the one with the same last part ("quota-exceeded" for
// "causes/quota-exceeded"), else the closest within 3 edits.
QString suggestion(const QString& name) {
    QStringList names;
    for (const BuiltInExample& example : builtInExamples())
        names << example.name;
    for (const QString& candidate : names)
        if (candidate.section(QLatin1Char('/'), -1) == name.section(QLatin1Char('/'), -1))
            return candidate;
    std::vector<std::string> candidates;
    for (const QString& candidate : names)
        candidates.push_back(candidate.toStdString());
    return QString::fromStdString(closestMatch(name.toStdString(), candidates, 3));
}

} // namespace

QList<BuiltInExample> builtInExamples() {
    QList<BuiltInExample> examples;
    for (const ui::ExampleGroup& group : ui::exampleGroups())
        for (const ui::ExampleEntry& entry : group.entries)
            if (!entry.recording)
                examples << BuiltInExample{nameOf(entry.path), entry.localizedTitle()};
    return examples;
}

QString examplePath(const QString& name) {
    const QList<BuiltInExample> examples = builtInExamples();
    const bool known = std::any_of(examples.begin(), examples.end(),
                                   [&](const BuiltInExample& e) { return e.name == name; });
    return known ? kExampleFolder + name + QStringLiteral(".yaml") : QString();
}

std::optional<CommandInput> readCommandInput(const QString& path, const QString& cannotOpen,
                                             const QString& cannotRead) {
    CommandInput input;
    QString source = path;
    if (path.startsWith(kExamplePrefix)) {
        const QString name = path.mid(kExamplePrefix.size());
        source = examplePath(name);
        if (source.isEmpty()) {
            const QString close = suggestion(name);
            printError(
                close.isEmpty()
                    ? ExampleInput::tr("no example '%1'; 'jobscope examples' lists them").arg(name)
                    : ExampleInput::tr("no example '%1' (did you mean '%2'?); "
                                       "'jobscope examples' lists them")
                          .arg(name, close));
            return std::nullopt;
        }
    }
    input.displayName = path == QLatin1String("-") ? "<stdin>" : path.toStdString();
    const QString name = QString::fromStdString(input.displayName);
    if (path != QLatin1String("-") && !QFileInfo::exists(source)) {
        QFile missing(source);
        missing.open(QIODevice::ReadOnly);
        writeErr(
            QStringLiteral("%1: error: %2\n").arg(name, cannotOpen.arg(missing.errorString())));
        return std::nullopt;
    }
    Diagnostics diagnostics;
    const std::optional<QByteArray> bytes =
        path == QLatin1String("-")
            ? live::readStandardInput(kMaxDocumentFileBytes, diagnostics)
            : live::readInputFile(source, kMaxDocumentFileBytes, diagnostics);
    if (!bytes) {
        QString messages;
        for (const Diagnostic& d : diagnostics.items())
            messages += QStringLiteral("%1: error: %2\n")
                            .arg(name, cannotRead.arg(ui::localizedMessage(d)));
        writeErr(messages);
        return std::nullopt;
    }
    input.text.assign(bytes->constData(), static_cast<size_t>(bytes->size()));
    return input;
}

namespace {

// Parses a command's line and answers --help: false with the exit status set when the command
// is done (a usage error printed, or the help written).
bool parseCommandLine(QCommandLineParser& parser, const QStringList& arguments,
                      const QString& program, int* exitStatus) {
    *exitStatus = ExitBadInput;
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        writeErr(QCoreApplication::translate("ScenarioInput", "Run '%1 --help' for usage.")
                     .arg(program) +
                 QLatin1Char('\n'));
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *exitStatus = writeOut(helpText(parser, program)) ? ExitSuccess : ExitFailure;
        return false;
    }
    return true;
}

// The one positional argument, or the error `missing` / `tooMany` (with the count and the
// arguments) printed with the help.
std::optional<QString> onePositional(const QCommandLineParser& parser, const QString& program,
                                     const QString& missing, const QString& tooMany) {
    const QStringList given = parser.positionalArguments();
    if (given.size() == 1)
        return given.first();
    printError(given.isEmpty() ? missing
                               : tooMany.arg(given.size()).arg(given.join(QLatin1Char(' '))));
    writeErr(helpText(parser, program));
    return std::nullopt;
}

} // namespace

std::optional<QString> parseScenarioCommand(QCommandLineParser& parser,
                                            const QStringList& arguments, const QString& program,
                                            int* exitStatus) {
    if (!parseCommandLine(parser, arguments, program, exitStatus))
        return std::nullopt;
    return onePositional(
        parser, program,
        QCoreApplication::translate("ScenarioInput", "missing the scenario FILE argument"),
        QCoreApplication::translate("ScenarioInput", "expected one scenario FILE, got %1: %2"));
}

std::optional<QString> parseRecordingCommand(QCommandLineParser& parser,
                                             const QStringList& arguments, const QString& program,
                                             int* exitStatus) {
    if (!parseCommandLine(parser, arguments, program, exitStatus))
        return std::nullopt;
    return onePositional(
        parser, program,
        QCoreApplication::translate("RecordingInput", "missing the PATH argument (a trace, a "
                                                      "kubectl watch folder or a kubectl dump)"),
        QCoreApplication::translate("RecordingInput", "expected one PATH, got %1: %2"));
}

std::optional<live::Recording> loadRecordingInput(const QString& path,
                                                  const live::JobSelection& jobs) {
    QString error;
    std::optional<live::Recording> recording =
        live::RecordingLoader::load(path, &error, kMaxRecordingFileBytes, jobs);
    if (!recording) {
        // The loaders' messages start with the path (and position) already.
        writeErr(QStringLiteral("%1\n").arg(error));
        return std::nullopt;
    }
    for (const QString& warning : recording->warnings)
        writeErr(QStringLiteral("jobscope: warning: %1\n").arg(warning));
    return recording;
}

std::optional<std::vector<edit::Override>> readOverrideOptions(const QCommandLineParser& parser) {
    std::vector<edit::Override> overrides;
    for (const QString& value : parser.values(QStringLiteral("set"))) {
        edit::OverrideError error;
        const std::optional<edit::Override> parsed =
            edit::parseOverride(value.toStdString(), &error);
        if (!parsed) {
            printError(overrideErrorText(error));
            return std::nullopt;
        }
        overrides.push_back(*parsed);
    }
    return overrides;
}

std::optional<CommandInput> readScenarioInput(const QString& file) {
    if (file == QLatin1String("-") || file.startsWith(kExamplePrefix))
        return readCommandInput(
            file, QCoreApplication::translate("ScenarioInput", "cannot open the scenario: %1"),
            QCoreApplication::translate("ScenarioInput", "cannot read the scenario: %1"));
    CommandInput input;
    input.displayName = file.toStdString();
    Diagnostics diagnostics;
    if (!readTextFile(input.displayName, input.text, diagnostics)) {
        writeErr(formatByPosition(diagnostics));
        return std::nullopt;
    }
    return input;
}

bool checkScenarioText(const CommandInput& input) {
    Diagnostics diagnostics;
    const bool read = readScenarioText(input.text, input.displayName, diagnostics).has_value();
    if (read && !diagnostics.hasErrors())
        return true;
    writeErr(formatByPosition(diagnostics));
    return false;
}

std::string formatByPosition(const Diagnostics& diagnostics) {
    std::vector<Diagnostic> items = diagnostics.items();
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.file, std::pair(a.position.line, a.position.column)) <
               std::pair(b.file, std::pair(b.position.line, b.position.column));
    });
    std::string out;
    for (const Diagnostic& d : items)
        out += ui::localizedFormat(d).toStdString() + '\n';
    return out;
}

} // namespace jobscope::cli
