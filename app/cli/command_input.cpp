// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/command_input.h"

#include "cli/output.h"
#include "gui/example_catalog.h"
#include "yaml_reader.h"

#include <QCoreApplication>
#include <QFile>

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
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-")) {
        input.displayName = "<stdin>";
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else if (path.startsWith(kExamplePrefix)) {
        const QString name = path.mid(kExamplePrefix.size());
        const QString resource = examplePath(name);
        if (resource.isEmpty()) {
            const QString close = suggestion(name);
            printError(
                close.isEmpty()
                    ? ExampleInput::tr("no example '%1'; 'jobscope examples' lists them").arg(name)
                    : ExampleInput::tr("no example '%1' (did you mean '%2'?); "
                                       "'jobscope examples' lists them")
                          .arg(name, close));
            return std::nullopt;
        }
        input.displayName = path.toStdString();
        file.setFileName(resource);
        opened = file.open(QIODevice::ReadOnly);
    } else {
        input.displayName = path.toStdString();
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    const QString name = QString::fromStdString(input.displayName);
    if (!opened) {
        writeErr(QStringLiteral("%1: error: %2\n").arg(name, cannotOpen.arg(file.errorString())));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        writeErr(QStringLiteral("%1: error: %2\n").arg(name, cannotRead.arg(file.errorString())));
        return std::nullopt;
    }
    input.text.assign(bytes.constData(), static_cast<size_t>(bytes.size()));
    return input;
}

} // namespace jobscope::cli
