// SPDX-License-Identifier: GPL-3.0-or-later
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

// The Jobs recorded on a real Kubernetes v1.32 control plane that the app carries, as JobScope
// traces (resources/recordings/), one of them a namespace of ten copies of one. Their texts are translated like every other UI text; each
// names the scenario that reproduces it (resources/examples/real/).
struct RecordedJob {
    const char* file;
    const char* title;
    const char* description;
    const char* simulation;
};

constexpr RecordedJob kRecordedJobs[] = {
    {"ten-completions-three-at-a-time.jsonl",
     QT_TRANSLATE_NOOP("ExampleCatalog", "10 completions, 3 Pods at a time"),
     QT_TRANSLATE_NOOP("ExampleCatalog",
                       "Recorded on a real control plane: completions 10, parallelism 3, every "
                       "Pod runs 5 s. The Pods come in waves of 3, 3, 3 and 1, each about 1 s "
                       "after the previous wave ended (the controller batches Pod events for "
                       "1 s). Complete at 29.1 s."),
     "a.yaml"},
    {"work-queue-of-four-pods.jsonl", QT_TRANSLATE_NOOP("ExampleCatalog", "Work queue of 4 Pods"),
     QT_TRANSLATE_NOOP("ExampleCatalog",
                       "Recorded on a real control plane: parallelism 4, completions unset. All "
                       "4 Pods start at once; once the first one succeeds (after 8 s) no new Pod "
                       "is created and the others finish their work. Complete at 14.3 s."),
     "b.yaml"},
    {"quota-of-two-pods.jsonl",
     QT_TRANSLATE_NOOP("ExampleCatalog", "Quota of 2 Pods, 6 completions"),
     QT_TRANSLATE_NOOP("ExampleCatalog",
                       "Recorded on a real control plane: completions 6, parallelism 5, but the "
                       "namespace's ResourceQuota allows 2 Pods. The other creations are refused "
                       "(FailedCreate: exceeded quota) and retried about once a second. "
                       "Complete at 21.9 s."),
     "d.yaml"},
    {"suspended-then-resumed.jsonl",
     QT_TRANSLATE_NOOP("ExampleCatalog", "Suspended, then resumed after 5 s"),
     QT_TRANSLATE_NOOP("ExampleCatalog",
                       "Recorded on a real control plane: created with suspend: true and resumed "
                       "about 5 s later; completions 4, parallelism 2, Pods run 10 s. No Pod "
                       "while suspended, then two waves of 2. Complete at 29.8 s."),
     "e2.yaml"},
    {"ten-jobs-two-seconds-apart.jsonl",
     QT_TRANSLATE_NOOP("ExampleCatalog", "10 Jobs of 10 completions, 2 s apart"),
     QT_TRANSLATE_NOOP("ExampleCatalog",
                       "Every Job of a namespace: ten copies of the recorded Job \"10 completions, "
                       "3 Pods at a time\", created 2 s apart, served by the repository's fake API "
                       "server (scripts/fake-apiserver.py --copies 10 --stagger 2) and recorded "
                       "with jobscope record --all-jobs. Up to 30 Pods at once; the Job chooser "
                       "shows each Job on its own. The last one completes at 47.2 s."),
     "a-ten-copies.yaml"},
};

const char* const kRecordingsFolder = ":/recordings/";
const char* const kSimulationsFolder = ":/examples/real/";

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

QVector<ExampleEntry> recordedEntries() {
    QVector<ExampleEntry> entries;
    for (const RecordedJob& job : kRecordedJobs) {
        ExampleEntry entry;
        entry.path = QLatin1String(kRecordingsFolder) + QLatin1String(job.file);
        if (!QFile::exists(entry.path))
            continue;
        entry.recording = true;
        entry.title = QString::fromUtf8(job.title);
        entry.description = QString::fromUtf8(job.description);
        const QString simulation =
            QLatin1String(kSimulationsFolder) + QLatin1String(job.simulation);
        if (QFile::exists(simulation))
            entry.simulation = simulation;
        entries << entry;
    }
    return entries;
}

void sortByTitle(QVector<ExampleEntry>& entries) {
    std::sort(entries.begin(), entries.end(), [](const ExampleEntry& a, const ExampleEntry& b) {
        return a.title.localeAwareCompare(b.title) < 0;
    });
}

} // namespace

QString ExampleEntry::localizedTitle() const {
    if (recording)
        return QCoreApplication::translate("ExampleCatalog", title.toUtf8().constData());
    return chineseUi() && !titleZh.isEmpty() ? titleZh : title;
}

QString ExampleEntry::localizedDescription() const {
    if (recording)
        return QCoreApplication::translate("ExampleCatalog", description.toUtf8().constData());
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

QString calibratedSimulationsHeading() {
    return ExampleCatalog::tr("Calibrated simulations");
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
            sortByTitle(group.entries);
            if (group.folder == QLatin1String("real")) {
                QVector<ExampleEntry> recorded = recordedEntries();
                sortByTitle(recorded);
                group.entries = recorded + group.entries;
            }
            result << group;
        }
        return result;
    }();
    return groups;
}

const ExampleEntry* findExample(const QString& path) {
    for (const ExampleGroup& group : exampleGroups())
        for (const ExampleEntry& entry : group.entries)
            if (entry.path == path)
                return &entry;
    return nullptr;
}

} // namespace jobscope::ui
