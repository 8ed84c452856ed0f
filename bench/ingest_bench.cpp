// SPDX-License-Identifier: GPL-3.0-or-later
// The kubectl watch-capture import benchmark: writes captures of N Pod watch events (Pods of
// about 4 KB each, as kubectl prints them with managedFields, one per line or pretty-printed
// over many), then times KubectlImporter::importFolder on each. Import time should grow with
// N, not with N², at 50 000 events per second or more (the aim). With --replay FOLDER, it
// times the whole replay instead (RecordingLoader::load: import, timeline, analysis inputs) of
// that kubectl capture with its Pods copied --copies times under new names and uids. Not a
// test: run it by hand, from a Release build:
//
//   build/rel/bench/ingest_bench [--events N[,N...]] [--indented] [--repeat N]
//   build/rel/bench/ingest_bench --replay tests/data/recordings/a --copies 240 [--repeat N]

#include "allocator.h"
#include "live/kubectl_import.h"
#include "live/recording.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

using namespace jobscope::live;

namespace {

constexpr double kAimEventsPerSecond = 50000;

// Pod `index` at `step` (0 created, 1 running, 2 ended), padded as a real one is.
QJsonObject pod(int index, int step, int version) {
    const QString name = QStringLiteral("job-%1").arg(index);
    QJsonArray managed;
    for (int k = 0; k < 12; ++k)
        managed.append(QJsonObject{
            {"manager", QStringLiteral("kube-controller-manager-%1").arg(k)},
            {"operation", "Update"},
            {"fieldsV1", QJsonObject{{"f:metadata", QJsonObject{{"f:labels", QString(200, 'x')}}}}},
        });
    const char* phase = step == 0 ? "Pending" : step == 1 ? "Running" : "Succeeded";
    return QJsonObject{
        {"apiVersion", "v1"},
        {"kind", "Pod"},
        {"metadata",
         QJsonObject{
             {"name", name},
             {"namespace", "bench"},
             {"uid",
              QStringLiteral("00000000-0000-0000-0000-%1").arg(index, 12, 10, QLatin1Char('0'))},
             {"resourceVersion", QString::number(version)},
             {"creationTimestamp", "2026-12-01T00:00:00Z"},
             {"labels", QJsonObject{{"batch.kubernetes.io/controller-uid", "bench-job"},
                                    {"job-name", "job"}}},
             {"managedFields", managed}}},
        {"status", QJsonObject{{"phase", phase}}},
    };
}

// A capture of `events` Pod events in `dir`; returns its size in bytes.
qint64 writeCapture(const QString& dir, int events, bool indented) {
    QFile out(QDir(dir).filePath(QStringLiteral("watch-pods.jsonl")));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(out.fileName()));
    for (int e = 0; e < events; ++e) {
        const int step = e % 3;
        const QJsonObject event{{"type", step == 0 ? "ADDED" : "MODIFIED"},
                                {"object", pod(e / 3, step, 100 + e)}};
        QByteArray text = QJsonDocument(event).toJson(indented ? QJsonDocument::Indented
                                                               : QJsonDocument::Compact);
        if (!text.endsWith('\n'))
            text += '\n';
        out.write(text);
    }
    return out.size();
}

// Copies the capture in `from` into `to`, its Pods' events `copies` times (each copy's Pods
// named and identified anew); returns the number of events written and their bytes.
std::pair<int, qint64> scaleCapture(const QString& from, const QString& to, int copies) {
    int events = 0;
    qint64 bytes = 0;
    for (const QString& name :
         QDir(from).entryList({QStringLiteral("watch-*.jsonl")}, QDir::Files)) {
        QFile in(QDir(from).filePath(name));
        QFile out(QDir(to).filePath(name));
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            qFatal("cannot copy %s", qPrintable(name));
        const QList<QByteArray> lines = in.readAll().split('\n');
        const bool pods = name == QLatin1String("watch-pods.jsonl");
        for (int copy = 0; copy < (pods ? copies : 1); ++copy)
            for (const QByteArray& line : lines) {
                if (line.trimmed().isEmpty())
                    continue;
                QJsonObject value = QJsonDocument::fromJson(line).object();
                if (pods) {
                    QJsonObject event = value.value(QLatin1String("event")).toObject();
                    QJsonObject object = event.value(QLatin1String("object")).toObject();
                    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
                    for (const char* key : {"name", "uid"})
                        metadata.insert(QLatin1String(key),
                                        metadata.value(QLatin1String(key)).toString() +
                                            QStringLiteral("-%1").arg(copy));
                    object.insert(QLatin1String("metadata"), metadata);
                    event.insert(QLatin1String("object"), object);
                    value.insert(QLatin1String("event"), event);
                }
                bytes += out.write(QJsonDocument(value).toJson(QJsonDocument::Compact) + '\n');
                ++events;
            }
    }
    return {events, bytes};
}

} // namespace

int main(int argc, char** argv) {
    jobscope::configureAllocator();
    QCoreApplication app(argc, argv);
    std::vector<int> sizes{1500, 3000, 6000, 12000};
    bool indented = false;
    int repeat = 1;
    QString replayFolder;
    int copies = 240;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--events") && i + 1 < args.size()) {
            sizes.clear();
            for (const QString& n : args[++i].split(QLatin1Char(',')))
                sizes.push_back(std::max(1, n.toInt()));
        } else if (args[i] == QLatin1String("--indented")) {
            indented = true;
        } else if (args[i] == QLatin1String("--replay") && i + 1 < args.size()) {
            replayFolder = args[++i];
        } else if (args[i] == QLatin1String("--copies") && i + 1 < args.size()) {
            copies = std::max(1, args[++i].toInt());
        } else if (args[i] == QLatin1String("--repeat") && i + 1 < args.size()) {
            repeat = std::max(1, args[++i].toInt());
        } else {
            std::fprintf(stderr, "usage: ingest_bench [--events N[,N...]] [--indented] "
                                 "[--repeat N]\n       ingest_bench --replay FOLDER "
                                 "[--copies N] [--repeat N]\n");
            return 2;
        }
    }
    if (!replayFolder.isEmpty()) {
        QTemporaryDir dir;
        if (!dir.isValid())
            qFatal("no temporary folder");
        const auto [events, bytes] = scaleCapture(replayFolder, dir.path(), copies);
        double best = 0;
        for (int r = 0; r < repeat; ++r) {
            QElapsedTimer timer;
            timer.start();
            QString error;
            const auto recording = RecordingLoader::load(dir.path(), &error);
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            if (!recording)
                qFatal("replay failed: %s", qPrintable(error));
            best = r == 0 ? seconds : std::min(best, seconds);
        }
        std::printf("%8s %10s %10s %12s %10s %8s\n", "events", "MB", "replay s", "us/event",
                    "events/s", "vs aim");
        std::printf("%8d %10.1f %10.3f %12.1f %10.0f %7.2fx\n", events, double(bytes) / 1e6, best,
                    best * 1e6 / events, events / best, events / best / kAimEventsPerSecond);
        return 0;
    }
    std::printf("%8s %10s %10s %12s %10s %8s %12s\n", "events", "MB", "import s", "us/event",
                "events/s", "vs aim", "looked/byte");
    for (int events : sizes) {
        QTemporaryDir dir;
        if (!dir.isValid())
            qFatal("no temporary folder");
        const qint64 bytes = writeCapture(dir.path(), events, indented);
        double best = 0;
        std::uint64_t examined = 0;
        for (int r = 0; r < repeat; ++r) {
            QElapsedTimer timer;
            timer.start();
            QString error;
            const auto imported = KubectlImporter::importFolder(dir.path(), &error);
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            if (!imported || imported->observations.size() != size_t(events))
                qFatal("import failed: %s", qPrintable(error));
            best = r == 0 ? seconds : std::min(best, seconds);
            examined = imported->bytesExamined;
        }
        const double perSecond = events / best;
        std::printf("%8d %10.1f %10.3f %12.1f %10.0f %7.2fx %12.2f\n", events, double(bytes) / 1e6,
                    best, best * 1e6 / events, perSecond, perSecond / kAimEventsPerSecond,
                    double(examined) / double(bytes));
    }
    return 0;
}
