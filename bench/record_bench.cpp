// SPDX-License-Identifier: GPL-3.0-or-later
// `jobscope record` against a flood: a fake API server in this process offers the Pod watch
// events of a real recording (tests/data/recordings/a, its Pods copied under new names, uids and
// resourceVersions) at a steady rate, then the Job's completion, and the bench runs the real
// `jobscope record` against it as a user would. It prints whether the recorder kept up: how far
// behind the offered schedule the server had to hold events back (the recorder's connection was
// full), how long after the last offered event the trace held all it was sent (the file stopped
// growing) and the recorder finished by itself, its CPU time, how many of the events reached
// the trace, and whether it watched anything twice (a reconnect). Not a test: run it by hand, from
// the default build:
//
//   build/default/bench/record_bench [--rate 20000] [--seconds 5] [--recording DIR]
//                                    [--jobscope PATH]   (another build, for paired runs)
//                                    [--listed N]   (N finished Pods in the first Pod list, as
//                                                    when recording a Job that has run a while)
//
// Aim (the performance issue's table): keeps up with 20 000 events/s, no false reconnect.

#include "cli/record_command.h"
#include "live/fake_api_server.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

using jobscope::test::FakeApiServer;
using jobscope::test::FakeExchangePtr;

namespace {

constexpr double kAimEventsPerSecond = 20000;
// The server holds at most this much unread in the recorder's connection; an event due when it
// is full waits, and the wait is what "falling behind" means here.
constexpr qint64 kServerBuffer = 4 * 1024 * 1024;
// A trace written this long after the last event was offered still counts as keeping up: the
// Job's completion is sent once the Pods' events have left the server, and its lines come last.
constexpr double kKeptUpWithin = 0.25;

// The watch events of one resource in a kubectl capture ({"ts": …, "event": {…}} per line), as
// the API server sends them: the event's own text, and its object's metadata.
struct CapturedEvent {
    QByteArray text;
    QString name;
    QString uid;
    QString resourceVersion;
};

QList<CapturedEvent> readCapture(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<CapturedEvent> events;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject event =
            QJsonDocument::fromJson(line).object().value(QLatin1String("event")).toObject();
        const QJsonObject metadata = event.value(QLatin1String("object"))
                                         .toObject()
                                         .value(QLatin1String("metadata"))
                                         .toObject();
        events.push_back({QJsonDocument(event).toJson(QJsonDocument::Compact),
                          metadata.value(QLatin1String("name")).toString(),
                          metadata.value(QLatin1String("uid")).toString(),
                          metadata.value(QLatin1String("resourceVersion")).toString()});
    }
    return events;
}

// A Pod event of copy `copy`: its Pod named and identified anew, with the resourceVersion `rv`.
QByteArray copiedEvent(const CapturedEvent& event, int copy, qint64 rv) {
    const QByteArray suffix = '-' + QByteArray::number(copy);
    QByteArray text = event.text;
    const auto quoted = [](const char* key, const QString& value) {
        return QByteArray("\"") + key + "\":\"" + value.toUtf8() + '"';
    };
    text.replace(quoted("name", event.name), quoted("name", event.name + suffix));
    text.replace(quoted("uid", event.uid), quoted("uid", event.uid + suffix));
    text.replace(quoted("resourceVersion", event.resourceVersion),
                 quoted("resourceVersion", QString::number(rv)));
    return text + '\n';
}

QByteArray chunk(const QByteArray& bytes) {
    return QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n";
}

double childCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    double rate = kAimEventsPerSecond;
    double seconds = 5;
    QString recording = QStringLiteral(JOBSCOPE_SOURCE_DIR "/tests/data/recordings/a");
    QString jobscope = QStringLiteral(JOBSCOPE_EXE);
    int listed = 0;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--rate") && i + 1 < args.size()) {
            rate = std::max(1.0, args[++i].toDouble());
        } else if (args[i] == QLatin1String("--seconds") && i + 1 < args.size()) {
            seconds = std::max(0.1, args[++i].toDouble());
        } else if (args[i] == QLatin1String("--recording") && i + 1 < args.size()) {
            recording = args[++i];
        } else if (args[i] == QLatin1String("--jobscope") && i + 1 < args.size()) {
            jobscope = args[++i];
        } else if (args[i] == QLatin1String("--listed") && i + 1 < args.size()) {
            listed = std::max(0, args[++i].toInt());
        } else {
            std::fprintf(stderr, "usage: record_bench [--rate EVENTS_PER_S] [--seconds S] "
                                 "[--recording DIR] [--jobscope PATH] [--listed N]\n");
            return 2;
        }
    }
    const QList<CapturedEvent> jobEvents = readCapture(recording + "/watch-jobs.jsonl");
    const QList<CapturedEvent> podEvents = readCapture(recording + "/watch-pods.jsonl");
    if (jobEvents.isEmpty() || podEvents.isEmpty())
        qFatal("%s holds no Job or Pod events", qPrintable(recording));
    const QJsonObject job = QJsonDocument::fromJson(jobEvents.front().text)
                                .object()
                                .value(QLatin1String("object"))
                                .toObject();
    const QJsonObject jobMetadata = job.value(QLatin1String("metadata")).toObject();
    const QString ns = jobMetadata.value(QLatin1String("namespace")).toString();
    const QString jobName = jobMetadata.value(QLatin1String("name")).toString();

    // Whole copies of the recording's Pods, as many as the rate and time ask for.
    const int copies = std::max(1, int(std::lround(rate * seconds / double(podEvents.size()))));
    const qint64 total = qint64(copies) * podEvents.size();
    const qint64 firstRv = 1000000;

    // The first Pod list: the recording's last Pod event's object (a finished Pod), `listed`
    // times under new names.
    QByteArray podList =
        R"({"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[)";
    {
        const CapturedEvent& last = podEvents.back();
        const QByteArray object = QJsonDocument(QJsonDocument::fromJson(last.text)
                                                    .object()
                                                    .value(QLatin1String("object"))
                                                    .toObject())
                                      .toJson(QJsonDocument::Compact);
        const CapturedEvent finished{object, last.name, last.uid, last.resourceVersion};
        for (int i = 0; i < listed; ++i) {
            if (i > 0)
                podList += ',';
            podList += copiedEvent(finished, copies + i, 1).chopped(1); // less its newline
        }
        podList += "]}";
    }

    FakeApiServer server;
    if (!server.listen())
        qFatal("the fake API server cannot listen");
    QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("no temporary folder");
    const QString kubeconfig = dir.filePath("kubeconfig");
    {
        QFile file(kubeconfig);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the kubeconfig");
        file.write(jobscope::test::fakeKubeconfig(server.url()));
    }

    // Lists are empty at resourceVersion 1; the first watch of each resource from there gets
    // its stream, any later watch (a reconnect) a quiet one.
    FakeExchangePtr jobStream;
    FakeExchangePtr podStream;
    int watches = 0;
    QElapsedTimer clock;
    double streamStart = -1;
    double podWatchAt = -1; // when the Pod watch began: the first Pod list was read
    qint64 sent = 0;
    qint64 mostWaiting = 0;
    double lastSentAt = -1;
    bool jobFinishedSent = false;
    QTimer pace;
    pace.setTimerType(Qt::PreciseTimer);
    pace.setInterval(1);
    server.setHandler([&](const FakeExchangePtr& exchange) {
        const auto& request = exchange->request();
        if (!request.isWatch()) {
            if (request.path.endsWith(QLatin1String("/pods")))
                exchange->respond(200, podList);
            else
                exchange->respondJson(200, jobscope::test::fakeList("1", {}));
            return;
        }
        ++watches;
        exchange->beginStream();
        if (request.value("resourceVersion") != QLatin1String("1"))
            return;
        if (request.path.endsWith(QLatin1String("/jobs"))) {
            jobStream = exchange;
            exchange->chunk(jobEvents.front().text + '\n');
        } else if (request.path.endsWith(QLatin1String("/pods"))) {
            podStream = exchange;
            podWatchAt = double(clock.nsecsElapsed()) / 1e9;
            streamStart = double(clock.nsecsElapsed()) / 1e9;
            pace.start();
        }
    });
    QObject::connect(&pace, &QTimer::timeout, [&] {
        if (!podStream || !podStream->connected())
            return;
        const double now = double(clock.nsecsElapsed()) / 1e9;
        const qint64 due = std::min(total, qint64(std::floor((now - streamStart) * rate)) + 1);
        QByteArray out;
        while (sent < due && podStream->bytesToWrite() + out.size() < kServerBuffer) {
            const qint64 at = sent % podEvents.size();
            const int copy = int(sent / podEvents.size());
            out += chunk(copiedEvent(podEvents[at], copy, firstRv + sent));
            ++sent;
        }
        if (!out.isEmpty()) {
            podStream->respondRaw(out);
            lastSentAt = now;
        }
        mostWaiting = std::max(mostWaiting, due - sent);
        if (sent == total && podStream->bytesToWrite() == 0 && !jobFinishedSent && jobStream) {
            // The Job's own changes once its Pods' are on their way (it completes last, as on a
            // cluster; a recorder that is done with the Job stops reading its Pods).
            for (qsizetype i = 1; i < jobEvents.size(); ++i)
                jobStream->chunk(jobEvents[i].text + '\n');
            jobFinishedSent = true;
            pace.stop();
        }
    });

    const QString trace = dir.filePath("trace.jsonl");
    QProcess record;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("KUBECONFIG"));
    record.setProcessEnvironment(env);
    record.setProcessChannelMode(QProcess::SeparateChannels);
    QEventLoop loop;
    QObject::connect(&record, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&record, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    // The recorder writes each observation as it takes it (a partial file beside the trace
    // until it ends): the last time the file grew is when it had written what it was sent.
    QTimer watchTrace;
    double traceGrewAt = -1;
    qint64 traceSize = 0;
    QObject::connect(&watchTrace, &QTimer::timeout, [&] {
        const QStringList partial =
            QDir(dir.path())
                .entryList({QStringLiteral("trace.jsonl.partial-*")}, QDir::Files | QDir::Hidden);
        const qint64 size = partial.isEmpty() ? 0 : QFileInfo(dir.filePath(partial.front())).size();
        if (size > traceSize) {
            traceSize = size;
            traceGrewAt = double(clock.nsecsElapsed()) / 1e9;
        }
    });
    watchTrace.start(5);
    const double cpuBefore = childCpuSeconds();
    clock.start();
    record.start(jobscope, {"record", "--kubeconfig", kubeconfig, "-n", ns, "--job", jobName, "-o",
                            trace, "--timeout", QString::number(seconds * 10 + 30, 'f', 0)});
    loop.exec();
    const double finishedAt = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = childCpuSeconds() - cpuBefore;
    const QByteArray errors = record.readAllStandardError();

    qint64 recorded = 0;
    QFile file(trace);
    if (file.open(QIODevice::ReadOnly))
        while (!file.atEnd()) {
            // The stream's events; the listed Pods come as LISTED.
            const QByteArray line = file.readLine().trimmed();
            recorded +=
                line.startsWith("{\"kind\":\"Pod\"") && !line.endsWith("\"type\":\"LISTED\"}");
        }
    const double scheduledEnd = streamStart + double(total - 1) / rate;
    const double trailing = jobscope::cli::kTrailingEventsMs / 1000.0;
    const double written = traceGrewAt - scheduledEnd;
    const double after = finishedAt - scheduledEnd - trailing;
    const bool complete = record.exitStatus() == QProcess::NormalExit && record.exitCode() == 0;
    const int reconnects = std::max(0, watches - 3);
    const bool keptUp =
        complete && recorded == total && reconnects == 0 && written <= kKeptUpWithin;

    std::printf("jobscope record against a fake API server: %lld Pod events (%s, its %lld Pod "
                "events %d times) offered at %.0f/s for %.2f s\n",
                static_cast<long long>(total), qPrintable(QDir(recording).dirName()),
                static_cast<long long>(podEvents.size()), copies, rate, double(total - 1) / rate);
    if (listed > 0)
        std::printf("  first Pod list                  %d finished Pods, %.1f MB, read and its "
                    "watch begun %.2f s after the recorder started\n",
                    listed, double(podList.size()) / 1e6, podWatchAt);
    std::printf("  held back by a full connection  at most %lld events (%.2f s of the stream)\n",
                static_cast<long long>(mostWaiting), double(mostWaiting) / rate);
    std::printf("  last event taken                %.2f s after the stream began (offered at "
                "%.2f s)\n",
                lastSentAt - streamStart, scheduledEnd - streamStart);
    std::printf("  trace written                   %.2f s after the last event was offered\n",
                written);
    std::printf("  recorder finished               %.2f s after the last event was offered and its "
                "%.1f s wait for trailing Events, exit %s, CPU %.2f s (%.0f events per CPU "
                "second)\n",
                after, trailing, complete ? "0" : qPrintable(QString::number(record.exitCode())),
                cpu, cpu > 0 ? double(total) / cpu : 0.0);
    std::printf("  Pod events in the trace         %lld of %lld\n",
                static_cast<long long>(recorded), static_cast<long long>(total));
    std::printf("  watches                         %d (%d reconnect%s)\n", watches, reconnects,
                reconnects == 1 ? "" : "s");
    std::printf("  verdict                         %s (aim: keeps up with %.0f events/s, no "
                "reconnect)\n",
                keptUp ? "kept up" : "fell behind", kAimEventsPerSecond);
    if (!complete || reconnects > 0)
        std::printf("record's messages:\n%s\n", errors.constData());
    return keptUp ? 0 : 1;
}
