// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/recording.h"

#include "live/dump_import.h"
#include "live/kubectl_import.h"
#include "live/read_input.h"
#include "live/timeline_builder.h"
#include "live/trace.h"

#include <QFile>
#include <QFileInfo>

namespace jobscope::live {

namespace {

std::optional<Recording> replay(const std::vector<Observation>& observations,
                                std::optional<Seconds> end, RecordingKind kind, const QString& path,
                                QString jobName, QStringList warnings, QString* error) {
    TimelineBuilder::Options options;
    options.jobName = jobName;
    TimelineBuilder builder(options);
    for (const Observation& o : observations)
        builder.add(o);
    builder.finish(end);
    if (!builder.hasJob()) {
        if (error)
            *error = jobName.isEmpty()
                         ? QCoreApplication::translate("RecordingLoader",
                                                       "%1: error: the recording holds no Job")
                               .arg(path)
                         : QCoreApplication::translate("RecordingLoader",
                                                       "%1: error: the recording holds no Job '%2'")
                               .arg(path, jobName);
        return std::nullopt;
    }
    Recording r;
    r.kind = kind;
    r.timeline = builder.timeline();
    r.jobName = builder.jobName();
    r.jobNamespace = builder.jobNamespace();
    r.warnings = std::move(warnings);
    r.warnings.append(builder.warnings());
    return r;
}

} // namespace

bool RecordingLoader::looksLikeRecording(const QString& path) {
    const QFileInfo info(path);
    if (info.isDir())
        return KubectlImporter::isWatchFolder(path);
    if (TraceReader::isTrace(path) || KubectlImporter::isWatchStream(path))
        return true;
    QFile file(path);
    if (!isOpenableFile(path) || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(1 << 20);
    return head.contains("\"kind\": \"Pod\"") || head.contains("\"kind\":\"Pod\"") ||
           head.contains("kind: Pod\n") || head.contains("\"kind\": \"Event\"") ||
           head.contains("kind: Event\n");
}

std::optional<Recording> RecordingLoader::load(const QString& path, QString* error,
                                               std::uint64_t maxBytes) {
    const QFileInfo info(path);
    if (!info.exists()) {
        if (error)
            *error = tr("%1: error: no such file or folder").arg(path);
        return std::nullopt;
    }
    if (!info.isDir()) {
        // Before sniffing what it is: opening a FIFO would wait for a writer, /dev/zero never
        // ends.
        Diagnostics refused;
        if (!checkInputPath(path, maxBytes, refused)) {
            if (error)
                *error = QString::fromStdString(refused.format()).trimmed();
            return std::nullopt;
        }
    }
    if (info.isDir()) {
        const auto imported = KubectlImporter::importFolder(path, error, maxBytes);
        if (!imported)
            return std::nullopt;
        return replay(imported->observations, std::nullopt, RecordingKind::KubectlWatch, path, {},
                      imported->warnings, error);
    }
    if (TraceReader::isTrace(path)) {
        const auto trace = TraceReader::read(path, error, maxBytes);
        if (!trace)
            return std::nullopt;
        return replay(trace->observations, std::nullopt, RecordingKind::Trace, path,
                      trace->header.job, trace->warnings, error);
    }
    if (KubectlImporter::isWatchStream(path)) {
        const auto imported = KubectlImporter::importFiles({path}, error, maxBytes);
        if (!imported)
            return std::nullopt;
        return replay(imported->observations, std::nullopt, RecordingKind::KubectlWatch, path, {},
                      imported->warnings, error);
    }
    const auto dump = DumpImporter::importFile(path, error, maxBytes);
    if (!dump)
        return std::nullopt;
    Recording r;
    r.kind = RecordingKind::Dump;
    r.timeline = dump->timeline;
    r.jobName = QString::fromStdString(dump->timeline.jobMetadata.name);
    r.jobNamespace = QString::fromStdString(dump->timeline.jobMetadata.namespace_);
    r.warnings = dump->warnings;
    return r;
}

std::optional<jobscope::Timeline> loadRecording(const QString& path, QString* error) {
    auto r = RecordingLoader::load(path, error);
    if (!r)
        return std::nullopt;
    return std::move(r->timeline);
}

} // namespace jobscope::live
