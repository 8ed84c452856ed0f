// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/recording.h"

#include "live/dump_import.h"
#include "live/kubectl_import.h"
#include "live/label_selector.h"
#include "live/read_input.h"
#include "live/timeline_builder.h"
#include "live/trace.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <span>

namespace jobscope::live {

namespace {

// Receive times come from this machine's clock, server timestamps from the API server's. A
// watch event arrives right after the change it reports, so the smallest difference between an
// event's receive time and the newest server time in its object is how far the two clocks
// are apart (plus the watch's latency). Beyond kClockSkewThreshold the receive times are moved
// onto the server's clock, so that the time rule (timeline_builder.h) compares like with like;
// Listed observations are left out of the estimate, as a list shows objects of any age.
constexpr Seconds kClockSkewThreshold = 60;

// `serverTimes`: newestServerTime of each observation's object when the reader knows them.
void correctClockSkew(std::vector<Observation>& observations, const QString& path,
                      QStringList& warnings,
                      std::span<const std::optional<double>> serverTimes = {}) {
    const bool known = serverTimes.size() == observations.size();
    std::optional<Seconds> offset;
    int samples = 0;
    for (size_t k = 0; k < observations.size(); ++k) {
        const Observation& o = observations[k];
        if (o.type == WatchType::Listed)
            continue;
        const std::optional<double> server = known ? serverTimes[k] : newestServerTime(o.object);
        if (!server)
            continue;
        ++samples;
        const Seconds difference = o.receivedAt - *server;
        offset = offset ? std::min(*offset, difference) : difference;
    }
    if (!offset || std::abs(*offset) <= kClockSkewThreshold)
        return;
    for (Observation& o : observations)
        o.receivedAt -= *offset;
    const QString message =
        *offset > 0
            ? QCoreApplication::translate(
                  "RecordingLoader",
                  "%1: the receive times are %2 s ahead of the API server's timestamps "
                  "(estimated from %3 watch events: the two clocks differ); the timeline moves "
                  "them onto the server's clock")
            : QCoreApplication::translate(
                  "RecordingLoader",
                  "%1: the receive times are %2 s behind the API server's timestamps "
                  "(estimated from %3 watch events: the two clocks differ); the timeline moves "
                  "them onto the server's clock");
    warnings.append(message.arg(path).arg(std::abs(*offset), 0, 'f', 3).arg(samples));
}

// Why a recording gives no timeline: no Job observed at all, only other Jobs, or a Job that could
// not be read (the builder's warnings name it and its resourceVersion).
QString noJobError(const std::vector<Observation>& observations, const TimelineBuilder& builder,
                   const QString& path, const QString& jobName) {
    const auto jobs = std::count_if(observations.begin(), observations.end(),
                                    [](const Observation& o) { return o.kind == ObjectKind::Job; });
    QString message = jobName.isEmpty()
                          ? QCoreApplication::translate("RecordingLoader",
                                                        "%1: error: the recording holds no Job")
                                .arg(path)
                          : QCoreApplication::translate(
                                "RecordingLoader", "%1: error: the recording holds no Job '%2'")
                                .arg(path, jobName);
    if (jobs == 0)
        return message + QCoreApplication::translate(
                             "RecordingLoader",
                             " (none of its %n observation(s) is about a Job: record the Job "
                             "itself, not only its Pods and Events)",
                             "", static_cast<int>(observations.size()));
    if (!builder.otherJobNames().isEmpty())
        return message + QCoreApplication::translate("RecordingLoader", " (the Jobs it holds: %1)")
                             .arg(builder.otherJobNames().join(QStringLiteral(", ")));
    if (!builder.warnings().isEmpty())
        return message + QStringLiteral(": ") + builder.warnings().join(QStringLiteral("; "));
    return message + QCoreApplication::translate(
                         "RecordingLoader",
                         " (its %n Job observation(s) have no metadata.uid or only delete it)", "",
                         static_cast<int>(jobs));
}

// The names of the Jobs observed, in the order first seen, whose labels (as first seen) match.
std::optional<QStringList> selectedJobs(const std::vector<Observation>& observations,
                                        const JobSelection& selection, const QString& path,
                                        QString* error) {
    std::optional<LabelSelector> selector = LabelSelector::parse(selection.labelSelector, error);
    if (!selector) {
        if (error)
            *error = QStringLiteral("jobscope: error: %1").arg(*error);
        return std::nullopt;
    }
    QStringList seen, chosen;
    for (const Observation& o : observations) {
        if (o.kind != ObjectKind::Job)
            continue;
        const QJsonObject metadata = o.object.value(QLatin1String("metadata")).toObject();
        const QString name = metadata.value(QLatin1String("name")).toString();
        if (name.isEmpty() || seen.contains(name))
            continue;
        seen << name;
        if (selector->matches(metadata.value(QLatin1String("labels")).toObject()))
            chosen << name;
    }
    if (chosen.isEmpty()) {
        if (error)
            *error = seen.isEmpty()
                         ? RecordingLoader::tr("%1: error: the recording holds no Job").arg(path)
                         : RecordingLoader::tr("%1: error: no Job of the recording matches the "
                                               "label selector '%2' (it holds %3)")
                               .arg(path, selection.labelSelector, seen.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return chosen;
}

std::optional<Recording> replay(const std::vector<Observation>& observations,
                                std::optional<Seconds> end, RecordingKind kind, const QString& path,
                                QString jobName, QStringList warnings, QString* error,
                                const JobSelection& selection = {},
                                std::span<const std::optional<double>> serverTimes = {}) {
    std::vector<Observation> corrected = observations;
    correctClockSkew(corrected, path, warnings, serverTimes);
    readPodsAhead(corrected);
    QStringList names{jobName};
    if (selection.several()) {
        const std::optional<QStringList> chosen = selectedJobs(corrected, selection, path, error);
        if (!chosen)
            return std::nullopt;
        names = *chosen;
    }
    Recording r;
    for (const QString& name : names) {
        TimelineBuilder::Options options;
        options.jobName = name;
        TimelineBuilder builder(options);
        for (const Observation& o : corrected)
            builder.add(o);
        builder.finish(end);
        if (!builder.hasJob()) {
            if (error)
                *error = noJobError(observations, builder, path, name);
            return std::nullopt;
        }
        if (r.jobs.empty()) {
            r.timeline = builder.timeline();
            r.jobName = builder.jobName();
            r.jobNamespace = builder.jobNamespace();
            warnings.append(builder.warnings());
        }
        r.jobObjects.push_back(builder.jobObject());
        if (selection.several())
            r.jobs.push_back(builder.timeline());
        else
            break;
    }
    r.kind = kind;
    r.warnings = std::move(warnings);
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
                                               std::uint64_t maxBytes, const JobSelection& jobs) {
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
                      imported->warnings, error, jobs, imported->serverTimes);
    }
    // A trace without its header line: read() says so at line 1 rather than the file being
    // taken for a dump.
    if (TraceReader::isTrace(path) || TraceReader::isHeaderlessTrace(path)) {
        const auto trace = TraceReader::read(path, error, maxBytes);
        if (!trace)
            return std::nullopt;
        return replay(trace->observations, std::nullopt, RecordingKind::Trace, path,
                      trace->header.job, trace->warnings, error, jobs);
    }
    if (KubectlImporter::isWatchStream(path)) {
        const auto imported = KubectlImporter::importFiles({path}, error, maxBytes);
        if (!imported)
            return std::nullopt;
        return replay(imported->observations, std::nullopt, RecordingKind::KubectlWatch, path, {},
                      imported->warnings, error, jobs, imported->serverTimes);
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
    if (jobs.several())
        r.jobs.push_back(r.timeline);
    return r;
}

std::optional<jobscope::Timeline> loadRecording(const QString& path, QString* error) {
    auto r = RecordingLoader::load(path, error);
    if (!r)
        return std::nullopt;
    return std::move(r->timeline);
}

} // namespace jobscope::live
