// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The input FILE of a command as text: a file, "-" for standard input (named "<stdin>" in
// messages, as compilers do), or "example:NAME" for an example compiled into the executable
// (":/examples/NAME.yaml"; `jobscope examples` lists the names).

#include "diagnostics.h"
#include "edit/overrides.h"
#include "live/recording.h"

#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

#include <optional>
#include <string>
#include <vector>

namespace jobscope::cli {

struct CommandInput {
    std::string text;
    std::string displayName; // the name messages give the input: the path, "<stdin>", the example
};

// Reads `path`. On failure prints "NAME: error: …" (`cannotOpen` / `cannotRead` are translated
// templates with %1 for the reason) or, for an unknown example, "jobscope: error: …" and
// returns nullopt: the input is bad, exit status 2.
std::optional<CommandInput> readCommandInput(const QString& path, const QString& cannotOpen,
                                             const QString& cannotRead);

// The command line of simulate and sweep, whose one argument is the scenario FILE: a usage error
// is printed (exit status 2) and --help answered (0, or 1 when it cannot be written), with the
// status in `exitStatus` and nullopt; else the FILE.
std::optional<QString> parseScenarioCommand(QCommandLineParser& parser,
                                            const QStringList& arguments, const QString& program,
                                            int* exitStatus);

// The command line of replay and whatif, whose one argument is the recording PATH: as
// parseScenarioCommand.
std::optional<QString> parseRecordingCommand(QCommandLineParser& parser,
                                             const QStringList& arguments, const QString& program,
                                             int* exitStatus);

// The recording at `path` (a trace, a kubectl watch folder or stream, a dump), its warnings
// printed; prints why not and returns nullopt (exit status 2) when it cannot be read.
std::optional<live::Recording> loadRecordingInput(const QString& path,
                                                  const live::JobSelection& jobs = {});

// The --set PATH=VALUE options of simulate and whatif, read; prints the first that is not
// PATH=VALUE (exit status 2) and returns nullopt.
std::optional<std::vector<edit::Override>> readOverrideOptions(const QCommandLineParser& parser);

// The scenario or manifest FILE of simulate and sweep: "-", example:NAME or a file (read as the
// engine reads scenario files, with its limits and messages). Prints why not and returns
// nullopt when it cannot be read.
std::optional<CommandInput> readScenarioInput(const QString& file);

// Whether `input` reads as a scenario or manifest as it is; prints its errors (in file and
// position order) when not. Checked before values are set in it, so that a text that does not
// read is reported where it fails rather than as a value that cannot be set.
bool checkScenarioText(const CommandInput& input);

// The messages of `diagnostics` in the user's language, in file and position order as a
// compiler prints them (those without a position first), one per line.
std::string formatByPosition(const Diagnostics& diagnostics);

// A built-in example a command can run: its name ("patterns/work-queue") and its title in the
// language of the messages.
struct BuiltInExample {
    QString name;
    QString title;
};
// In the order of File › Open Example (scenarios and manifests; recordings do not simulate).
QList<BuiltInExample> builtInExamples();
// The resource path of example `name`, or "" when there is none.
QString examplePath(const QString& name);

} // namespace jobscope::cli
