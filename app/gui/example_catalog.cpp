#include "gui/example_catalog.h"

#include "gui/language.h"
#include "scenario/scenario_reader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace jobscope::ui {

namespace {

class ExampleCatalog {
    Q_DECLARE_TR_FUNCTIONS(ExampleCatalog)
};

ExampleEntry readEntry(const QString& path) {
    ExampleEntry entry;
    entry.path = path;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        Diagnostics diagnostics;
        if (const std::optional<Scenario> scenario =
                readScenarioText(file.readAll().toStdString(), path.toStdString(), diagnostics)) {
            entry.title = QString::fromStdString(scenario->title);
            entry.titleZh = QString::fromStdString(scenario->titleZh);
            entry.description = QString::fromStdString(scenario->description);
            entry.descriptionZh = QString::fromStdString(scenario->descriptionZh);
        }
    }
    if (entry.title.isEmpty())
        entry.title = QFileInfo(path).completeBaseName();
    return entry;
}

} // namespace

QString ExampleEntry::localizedTitle() const {
    return chineseUi() && !titleZh.isEmpty() ? titleZh : title;
}

QString ExampleEntry::localizedDescription() const {
    return chineseUi() && !descriptionZh.isEmpty() ? descriptionZh : description;
}

QString ExampleGroup::localizedName() const {
    if (folder == QLatin1String("patterns"))
        return ExampleCatalog::tr("&Patterns");
    if (folder == QLatin1String("tradeoffs"))
        return ExampleCatalog::tr("&Trade-offs");
    if (folder == QLatin1String("causes"))
        return ExampleCatalog::tr("&Causes");
    if (folder == QLatin1String("real"))
        return ExampleCatalog::tr("&Recorded on a Real Cluster");
    return folder;
}

const QVector<ExampleGroup>& exampleGroups() {
    static const QVector<ExampleGroup> groups = [] {
        QVector<ExampleGroup> result;
        for (const char* folder : {"patterns", "tradeoffs", "causes", "real"}) {
            ExampleGroup group;
            group.folder = QString::fromLatin1(folder);
            const QDir dir(QStringLiteral(":/examples/") + group.folder);
            for (const QString& name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files))
                group.entries << readEntry(dir.filePath(name));
            std::sort(group.entries.begin(), group.entries.end(),
                      [](const ExampleEntry& a, const ExampleEntry& b) {
                          return a.title.localeAwareCompare(b.title) < 0;
                      });
            result << group;
        }
        return result;
    }();
    return groups;
}

} // namespace jobscope::ui
