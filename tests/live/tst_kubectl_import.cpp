// SPDX-License-Identifier: GPL-3.0-or-later
// The kubectl watch-stream import against the real control-plane recordings in
// tests/data/recordings (README there): replaying each must tell the story the README tells.

#include "analysis/analysis.h"
#include "live/kubectl_import.h"
#include "live/timeline_builder.h"
#include "live/trim.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace jobscope;
using namespace jobscope::live;

namespace {

QString traceDir(const QString& name) {
    return QDir(test::recordingsDir()).filePath(name);
}

Timeline replayFolder(const QString& folder) {
    QString error;
    const auto imported = KubectlImporter::importFolder(folder, &error);
    if (!imported)
        qFatal("%s", qPrintable(error));
    TimelineBuilder builder;
    for (const Observation& o : imported->observations)
        builder.add(o);
    builder.finish();
    return builder.timeline();
}

// Creation times of the Pods, in seconds since the Job's creation.
std::vector<double> podCreations(const Timeline& tl) {
    std::vector<double> out;
    for (const TimelinePod& p : tl.pods)
        out.push_back(p.createdAt - tl.start);
    std::sort(out.begin(), out.end());
    return out;
}

// When the Job first showed a condition with status True.
std::optional<double> conditionAt(const Timeline& tl, const char* type) {
    for (const JobObservation& o : tl.jobChanges)
        for (const JobCondition& c : o.status.conditions)
            if (c.type == type && c.status == "True")
                return o.time - tl.start;
    return std::nullopt;
}

int maxActive(const Analysis& a) {
    int m = 0;
    for (const SeriesRow& r : a.series)
        m = std::max(m, r.active);
    return m;
}

bool hasCause(const Analysis& a, const std::string& id) {
    return std::any_of(a.causes.begin(), a.causes.end(),
                       [&](const CauseInterval& c) { return c.cause == id; });
}

QString describe(const std::vector<double>& v) {
    QStringList parts;
    for (double d : v)
        parts << QString::number(d, 'f', 2);
    return parts.join(QLatin1Char(' '));
}

// Writes `events` watch events of Pods (three per Pod: created, running, ended), each with
// managedFields as kubectl prints them and `padding` more bytes in one; every `wholeEvery`th
// (0: none) holds a byte outside ASCII, which the pruning reader leaves to QJsonDocument. The
// events count from `first` (their Pods' names and resourceVersions).
void writePodEvents(QIODevice& out, int events, bool indented, int wholeEvery, int padding = 0,
                    int first = 0) {
    for (int e = first; e < first + events; ++e) {
        QJsonArray managed;
        for (int k = 0; k < 3; ++k)
            managed.append(QJsonObject{{"manager", "kube-controller-manager"},
                                       {"fieldsV1", QJsonObject{{"f:metadata", "x"}}}});
        QJsonObject annotations{
            {"batch.kubernetes.io/job-completion-index", QString::number(e / 3)}};
        if (wholeEvery > 0 && e % wholeEvery == 0)
            annotations.insert("note", QStringLiteral("caf\u00e9")); // not ASCII
        if (padding > 0)
            annotations.insert("padding", QString(padding, QLatin1Char('p')));
        const QJsonObject pod{
            {"apiVersion", "v1"},
            {"kind", "Pod"},
            {"metadata", QJsonObject{{"name", QStringLiteral("job-%1").arg(e / 3)},
                                     {"uid", QStringLiteral("uid-%1").arg(e / 3)},
                                     {"resourceVersion", QString::number(100 + e)},
                                     {"creationTimestamp", "2026-12-01T00:00:00Z"},
                                     {"annotations", annotations},
                                     {"managedFields", managed}}},
            {"status", QJsonObject{{"phase", e % 3 == 2 ? "Succeeded" : "Running"}}}};
        const QJsonObject event{{"type", e % 3 == 0 ? "ADDED" : "MODIFIED"}, {"object", pod}};
        out.write(QJsonDocument(event).toJson(indented ? QJsonDocument::Indented
                                                       : QJsonDocument::Compact) +
                  "\n");
    }
}

} // namespace

class TestKubectlImport : public QObject {
    Q_OBJECT

private slots:
    // Pods created in waves: each expected creation time (seconds after the Job's creation)
    // matches one Pod within 0.5 s.
    void waves_data() {
        QTest::addColumn<QString>("trace");
        QTest::addColumn<std::vector<double>>("creations");
        QTest::addColumn<double>("complete");
        QTest::addColumn<int>("maxActive");
        QTest::newRow("a: 3+3+3+1")
            << "a" << std::vector<double>{0, 0, 0, 7.3, 7.3, 7.3, 14.6, 14.6, 14.6, 21.9} << 29.1
            << 3;
        QTest::newRow("b: work queue, 4 at once")
            << "b" << std::vector<double>{0, 0, 0, 0} << 14.3 << 4;
        QTest::newRow("d: quota of 2")
            << "d" << std::vector<double>{0, 0, 7.3, 7.3, 14.6, 14.6} << 21.9 << 2;
        QTest::newRow("e2: suspended, resumed at 5.2")
            << "e2" << std::vector<double>{5.2, 5.2, 17.5, 17.5} << 29.8 << 2;
    }
    void waves() {
        QFETCH(QString, trace);
        QFETCH(std::vector<double>, creations);
        QFETCH(double, complete);
        QFETCH(int, maxActive);
        const Timeline tl = replayFolder(traceDir(trace));
        const std::vector<double> got = podCreations(tl);
        QVERIFY2(got.size() == creations.size(), qPrintable(describe(got)));
        for (size_t i = 0; i < got.size(); ++i)
            QVERIFY2(std::abs(got[i] - creations[i]) < 0.5,
                     qPrintable(QStringLiteral("creations %1, expected %2")
                                    .arg(describe(got), describe(creations))));
        const auto completeAt = conditionAt(tl, job_condition::Complete);
        QVERIFY(completeAt);
        QVERIFY2(std::abs(*completeAt - complete) < 0.5, qPrintable(QString::number(*completeAt)));
        QVERIFY(tl.unobserved.empty());

        const Analysis a = analyze(tl);
        QCOMPARE(::maxActive(a), maxActive);
        QVERIFY(hasCause(a, "finished"));
        QCOMPARE(a.series.back().active, 0);
        QCOMPARE(a.pods.size(), creations.size());
        for (const PodLifecycle& p : a.pods) {
            QCOMPARE(p.phase, std::string("Succeeded"));
            QVERIFY(p.started && p.finished && *p.finished > *p.started);
            QCOMPARE(p.exitCode.value_or(-1), 0);
        }
    }

    // Jobs with failed Pods: the first creations (seconds after the Job's creation, each within
    // 0.5 s), how many Pods failed and succeeded, and the terminal condition and its time.
    void failures_data() {
        QTest::addColumn<QString>("trace");
        QTest::addColumn<std::vector<double>>("creations");
        QTest::addColumn<int>("failed");
        QTest::addColumn<int>("succeeded");
        QTest::addColumn<QString>("condition");
        QTest::addColumn<double>("finishedAt");
        // Two failures at 4.3 s, their replacements after the 10 s backoff, and a success that
        // resets the count of consecutive failures: the next Pods come without waiting.
        QTest::newRow("c1: backoffLimit 3, three failures")
            << "c1" << std::vector<double>{0, 0, 23.7, 23.7, 30.9, 30.9} << 3 << 4 << "Complete"
            << 45.5;
        // Indexes 2 and 3 fail at 4.3 s and are replaced together after the per-index backoff;
        // index 2 fails again and the Job fails.
        QTest::newRow("f: backoffLimitPerIndex 1, index 2 always fails")
            << "f" << std::vector<double>{0, 0, 0, 0, 0, 14.2, 14.2} << 3 << 4 << "Failed" << 20.5;
    }
    void failures() {
        QFETCH(QString, trace);
        QFETCH(std::vector<double>, creations);
        QFETCH(int, failed);
        QFETCH(int, succeeded);
        QFETCH(QString, condition);
        QFETCH(double, finishedAt);
        const Timeline tl = replayFolder(traceDir(trace));
        const std::vector<double> got = podCreations(tl);
        QVERIFY2(got.size() >= creations.size(), qPrintable(describe(got)));
        for (size_t i = 0; i < creations.size(); ++i)
            QVERIFY2(std::abs(got[i] - creations[i]) < 0.5,
                     qPrintable(QStringLiteral("creations %1, expected %2")
                                    .arg(describe(got), describe(creations))));
        QCOMPARE(static_cast<int>(got.size()), failed + succeeded);
        const auto at = conditionAt(tl, condition.toLatin1().constData());
        QVERIFY2(at, qPrintable(condition));
        QVERIFY2(std::abs(*at - finishedAt) < 0.5, qPrintable(QString::number(*at)));

        const Analysis a = analyze(tl);
        const auto phases = [&](const char* phase) {
            return static_cast<int>(
                std::count_if(a.pods.begin(), a.pods.end(), [&](const PodLifecycle& p) {
                    return p.phase == std::string(phase);
                }));
        };
        QCOMPARE(phases("Failed"), failed);
        QCOMPARE(phases("Succeeded"), succeeded);
        for (const PodLifecycle& p : a.pods)
            QCOMPARE(p.exitCode.value_or(-1), p.phase == std::string("Failed") ? 1 : 0);
        QVERIFY(hasCause(a, "finished"));
        QCOMPARE(a.series.back().active, 0);
    }

    // d: the quota refused creations; the analysis says so, and never sees more than 2 Pods.
    void quotaRefusals() {
        const Timeline tl = replayFolder(traceDir(QStringLiteral("d")));
        const int refusals = static_cast<int>(
            std::count_if(tl.events.begin(), tl.events.end(), [](const TimelineEvent& e) {
                return e.reason == "FailedCreate" &&
                       e.message.find("exceeded quota") != std::string::npos;
            }));
        QCOMPARE(refusals, 8);
        const Analysis a = analyze(tl);
        const auto quota = std::find_if(a.causes.begin(), a.causes.end(),
                                        [](const auto& c) { return c.cause == "quota-exceeded"; });
        QVERIFY(quota != a.causes.end());
        QCOMPARE(quota->param("quota").value_or(-1), 2.0);
        QVERIFY(quota->start - tl.start < 1.0);
    }

    // e2: suspended from the start until the resume, then running.
    void suspendThenResume() {
        const Timeline tl = replayFolder(traceDir(QStringLiteral("e2")));
        const Analysis a = analyze(tl);
        const auto suspended = std::find_if(a.causes.begin(), a.causes.end(),
                                            [](const auto& c) { return c.cause == "suspended"; });
        QVERIFY(suspended != a.causes.end());
        QVERIFY(suspended->start - tl.start < 0.5);
        QVERIFY2(std::abs(suspended->end - tl.start - 5.2) < 0.5,
                 qPrintable(QString::number(suspended->end - tl.start)));
        QCOMPARE(std::count_if(a.causes.begin(), a.causes.end(),
                               [](const auto& c) { return c.cause == "suspended"; }),
                 1);
    }

    // b: once the first Pod succeeded, the work queue drains without new Pods.
    void workQueueDrains() {
        const Timeline tl = replayFolder(traceDir(QStringLiteral("b")));
        const Analysis a = analyze(tl);
        QVERIFY(hasCause(a, "work-queue-draining"));
    }

    // Objects are trimmed on import: nothing of managedFields, env, volumes (service-account
    // tokens) or last-applied-configuration is kept from the a/ recording.
    void trimsObjects() {
        QString error;
        const auto imported = KubectlImporter::importFolder(traceDir(QStringLiteral("a")), &error);
        QVERIFY2(imported, qPrintable(error));
        QVERIFY(imported->observations.size() > 50);
        for (const Observation& o : imported->observations) {
            const QByteArray json = QJsonDocument(o.object).toJson(QJsonDocument::Compact);
            for (const char* forbidden :
                 {"managedFields", "last-applied-configuration", "serviceAccountToken", "volumes",
                  "\"env\"", "command", "fake.kubelet/plan", "podIP"})
                QVERIFY2(!json.contains(forbidden), forbidden);
        }
    }

    // kubectl's own output: no "ts", pretty-printed over many lines, times from the objects.
    void plainKubectlOutput() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char* name : {"watch-jobs.jsonl", "watch-pods.jsonl", "watch-events.jsonl"}) {
            QFile in(QDir(traceDir(QStringLiteral("d"))).filePath(QLatin1String(name)));
            QVERIFY(in.open(QIODevice::ReadOnly));
            QFile out(dir.filePath(QLatin1String(name)));
            QVERIFY(out.open(QIODevice::WriteOnly));
            while (!in.atEnd()) {
                const QJsonObject line = QJsonDocument::fromJson(in.readLine()).object();
                out.write(QJsonDocument(line.value(QLatin1String("event")).toObject())
                              .toJson(QJsonDocument::Indented));
            }
        }
        const Timeline tl = replayFolder(dir.path());
        QCOMPARE(tl.pods.size(), size_t{6});
        const Analysis a = analyze(tl);
        QCOMPARE(maxActive(a), 2);
        QVERIFY(hasCause(a, "quota-exceeded"));
        const auto completeAt = conditionAt(tl, job_condition::Complete);
        QVERIFY(completeAt);
        // Whole-second server times: within a second of the receive-time replay.
        QVERIFY2(std::abs(*completeAt - 21.9) < 1.0, qPrintable(QString::number(*completeAt)));
    }

    void badStreamIsPositioned() {
        QTemporaryDir dir;
        QFile out(dir.filePath(QStringLiteral("watch-pods.jsonl")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\"}}\n{\"type\": ADDED}\n{}\n");
        out.close();
        QString error;
        QVERIFY(!KubectlImporter::importFolder(dir.path(), &error));
        QVERIFY2(error.startsWith(out.fileName() + QStringLiteral(":2:")), qPrintable(error));

        QString missing;
        QVERIFY(!KubectlImporter::importFolder(dir.filePath(QStringLiteral("nope")), &missing));
        QVERIFY(missing.contains(QStringLiteral("nope")));
    }

    // The pruning reader (pruned_watch_event.h) against QJsonDocument and trimObject: every
    // event of the recordings, and events made to reach its edges. `pruned`: whether the
    // pruning reader takes the event; when it does not, the importer reads it with
    // QJsonDocument.
    void prunedReaderImportsAlike_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("pruned");
        for (const char* trace : {"a", "b", "c1", "d", "e2", "f"})
            for (const char* stream :
                 {"watch-jobs.jsonl", "watch-pods.jsonl", "watch-events.jsonl"}) {
                QFile in(QDir(traceDir(QLatin1String(trace))).filePath(QLatin1String(stream)));
                QVERIFY(in.open(QIODevice::ReadOnly));
                QTest::addRow("%s/%s", trace, stream) << in.readAll() << true;
            }
        // JSON written with ' for " to stay readable here.
        const auto row = [](const char* name, const QByteArray& text, bool pruned) {
            QTest::newRow(name) << QByteArray(text).replace('\'', '"') << pruned;
        };
        row("kind after the other members",
            "{'type':'MODIFIED','object':{'status':{'phase':'Running','hostIP':'10.0.0.1',"
            "'startTime':'2026-12-01T00:00:05Z'},'metadata':{'name':'p','creationTimestamp':"
            "'2026-12-01T00:00:00Z'},'kind':'Pod','apiVersion':'v1'}}",
            true);
        row("pretty-printed over many lines",
            "{\n  \"type\" : \"ADDED\" ,\r\n\t\"object\": {\n    \"kind\": \"Pod\",\n    "
            "\"metadata\": { \"name\": \"p\", \"labels\": { } },\n    \"spec\": {\"containers\": "
            "[ ]}\n  }\n}\n",
            true);
        row("Job: status whole, template pruned",
            "{'type':'ADDED','object':{'apiVersion':'batch/v1','kind':'Job','metadata':"
            "{'name':'j','labels':{'team':'a'},'annotations':{'batch.kubernetes.io/x':'1',"
            "'kubectl.kubernetes.io/last-applied-configuration':'{}'}},'spec':{'parallelism':"
            "2,'completions':4,'template':{'metadata':{'labels':{'job-name':'j'}},'spec':"
            "{'restartPolicy':'Never','containers':[{'name':'c','image':'busybox','env':[{"
            "'name':'TOKEN','value':'s'}],'resources':{'requests':{'cpu':'1'},'limits':{}}}]}}},"
            "'status':{'active':2,'startTime':'2026-12-01T00:00:01Z','conditions':[{'type':"
            "'Complete','status':'True','lastProbeTime':'2026-12-01T00:01:00Z'}]}}}",
            true);
        row("Job template without metadata or spec",
            "{'type':'ADDED','object':{'kind':'Job','metadata':{'name':'j'},'spec':{'template':"
            "{'x':1}}}}",
            true);
        row("escapes",
            "{'type':'ADDED','object':{'kind':'Event','message':'a \\'q\\' \\\\ \\/ "
            "\\b\\f\\n\\r\\t "
            "\\u00e9 \\u4e2d \\u0000','reason':'R','involvedObject':{'kind':'Pod','name':'p'},"
            "'lastTimestamp':'2026-12-01T00:00:09Z'}}",
            true);
        row("a byte outside ASCII",
            "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Event\",\"message\":\"\xc3\xa9\"}}", false);
        row("a control character",
            "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Event\",\"message\":"
            "\"a\tb\"}}",
            false);
        row("a lone surrogate", "{'type':'ADDED','object':{'kind':'Event','message':'\\ud800'}}",
            false);
        row("an escape in a key",
            "{'type':'ADDED','object':{'kind':'Pod','metadata':{'na\\u006de':'p'}}}", false);
        row("escaped keys over objects in a skipped part",
            "{'type':'ADDED','object':{'kind':'Pod','metadata':{'managedFields':[{'fieldsV1':"
            "{'f:status':{'k:{\\'type\\':\\'Ready\\'}':{'.':{},'f:lastTransitionTime':{}}}},"
            "'time':'2026-12-01T00:00:01Z'}]}}}",
            true);
        row("an escaped key over a string",
            "{'type':'ADDED','object':{'kind':'Pod','extra':{'start\\u0054ime':"
            "'2026-12-01T00:00:01Z'}}}",
            false);
        row("numbers",
            "{'type':'ADDED','object':{'kind':'Job','metadata':{'name':'j','generation':0},"
            "'spec':{'parallelism':3,'completions':12345678901234567,'backoffLimit':-4,"
            "'activeDeadlineSeconds':2.5,'ttlSecondsAfterFinished':0.000001,'suspend':false,"
            "'manualSelector':true,'managedBy':null}}}",
            true);
        row("an exponent", "{'type':'ADDED','object':{'kind':'Job','spec':{'parallelism':1e3}}}",
            false);
        row("minus zero", "{'type':'ADDED','object':{'kind':'Job','spec':{'parallelism':-0}}}",
            true);
        row("eighteen digits",
            "{'type':'ADDED','object':{'kind':'Job','spec':{'parallelism':123456789012345678}}}",
            false);
        row("a key repeated where no time is",
            "{'type':'ADDED','object':{'kind':'Pod','metadata':{'name':'p','managedFields':[{"
            "'a':1,'a':2}]}}}",
            true);
        row("a key repeated over times",
            "{'type':'ADDED','object':{'kind':'Pod','metadata':{'name':'p','managedFields':[{"
            "'fooTime':'2026-12-01T00:00:01Z','fooTime':'2026-12-01T00:00:09Z'}]}}}",
            false);
        row("a kept key repeated",
            "{'type':'ADDED','object':{'kind':'Pod','metadata':{'name':'p','name':'q'}}}", false);
        row("times anywhere, in arrays of arrays, but the deletion time",
            "{'type':'ADDED','object':{'kind':'Pod','metadata':{'name':'p',"
            "'deletionTimestamp':'2026-12-02T00:00:00Z'},'extra':{'someTime':[["
            "'2026-12-01T00:00:30Z']],'startedAt':'2026-12-01T00:00:20.5Z','time':"
            "'2026-12-03T00:00:00Z'},'status':{'conditions':[{'type':'Ready','lastProbeTime':"
            "'2026-12-01T00:00:40Z'}]}}}",
            true);
        row("an ERROR event",
            "{'type':'ERROR','object':{'kind':'Status','message':'too old resource version',"
            "'code':410}}",
            true);
        row("an ERROR with a Pod", "{'type':'ERROR','object':{'kind':'Pod','message':'m'}}", false);
        row("an object without a kind", "{'type':'ADDED','object':{'apiVersion':'v1'}}", true);
        row("an object of another kind",
            "{'type':'ADDED','object':{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':"
            "'c','creationTimestamp':'2026-12-01T00:00:00Z'},'data':{'a':'b'}}}",
            true);
        row("kind not a string", "{'type':'ADDED','object':{'kind':7,'metadata':{}}}", true);
        row("labels and annotations: strings of the Job controller's keys",
            "{'type':'ADDED','object':{'kind':'Pod','metadata':{'labels':{'job-name':'j',"
            "'controller-uid':7,'team':'a','batch.kubernetes.io/job-name':'j'},'annotations':{"
            "'batch.kubernetes.io/job-completion-index':'3','other':'x','batch.kubernetes.io/n':"
            "null}}}}",
            true);
        row("a label repeated",
            "{'type':'ADDED','object':{'kind':'Pod','metadata':{'labels':{"
            "'job-name':1,'job-name':'j'}}}}",
            false);
        row("an Event's series and source, empty and not",
            "{'type':'ADDED','object':{'kind':'Event','series':{},'source':{'host':'h'},"
            "'involvedObject':'odd'}}",
            true);
        row("a Job without spec or status", "{'type':'ADDED','object':{'kind':'Job'}}", true);
        row("a Job's status not an object",
            "{'type':'ADDED','object':{'kind':'Job','status':[1],'spec':{'template':{"
            "'metadata':{'labels':{'team':'a'}},'spec':7}}}}",
            true);
        row("requests empty, missing, not an object",
            "{'type':'ADDED','object':{'kind':'Pod','spec':{'containers':[{'name':'a',"
            "'resources':{'requests':{}}},{'name':'b','resources':{}},{'name':'c','resources':"
            "{'requests':'1'}},{'name':'d','resources':7}]}}}",
            true);
        row("a BOOKMARK",
            "{'type':'BOOKMARK','object':{'kind':'Pod','metadata':{'resourceVersion':'12'}}}",
            true);
        row("timestamped",
            "{'ts':'2026-12-01T00:00:01.5Z','event':{'object':{'kind':'Pod','metadata':{'name':"
            "'p'}},'type':'DELETED','extra':[1,{'b':null}]}}",
            true);
        row("timestamped without ts",
            "{'event':{'type':'ADDED','object':{'kind':'Pod','metadata':{'name':'p'}}}}", true);
        row("escapes in the type and the receive time",
            "{'ts':'2026-12-01T00:00:01\\u002e5Z','event':{'type':'ADD\\u0045D','object':{"
            "'kind':'Pod','metadata':{'name':'p'}}}}",
            true);
        row("ts not a string", "{'ts':5,'event':{'type':'ADDED','object':{'kind':'Pod'}}}", false);
        row("a bare object", "{'kind':'Pod','metadata':{'name':'p'}}", false);
        row("an event without its object", "{'event':{'type':'ADDED'}}", false);
        row("odd shapes kept whole",
            "{'type':'ADDED','object':{'kind':'Pod','metadata':{'annotations':'odd',"
            "'ownerReferences':[{'kind':'Job','name':'j','uid':'u','controller':true,"
            "'blockOwnerDeletion':true}]},'spec':{'containers':['c',{'name':'d','env':[{'name':"
            "'X'}]}],'initContainers':{'name':'i'}},'status':{'containerStatuses':[{'name':"
            "'c','state':{'running':null,'terminated':{'exitCode':1,'message':'m'}},"
            "'lastState':'odd'}]}}}",
            true);
        row("a Pod's status as a string", "{'type':'ADDED','object':{'kind':'Pod','status':'odd'}}",
            true);
        row("nested deeper than the pruning reader goes",
            (QByteArray("{'type':'ADDED','object':{'kind':'Pod','x':") + QByteArray(70, '[') +
             QByteArray(70, ']') + "}}")
                .constData(),
            false);
        row("invalid JSON in a skipped part",
            "{'type':'ADDED','object':{'kind':'Pod','managedFields':[{'a' 'b'}]}}", false);
        row("a trailing comma", "{'type':'ADDED','object':{'kind':'Pod','metadata':{'name':'p',}}}",
            false);
    }

    void prunedReaderImportsAlike() {
        QFETCH(QByteArray, text);
        QFETCH(bool, pruned);
        int read = 0;
        qsizetype i = 0;
        while (true) {
            while (i < text.size() && QByteArrayView(" \t\r\n").contains(text[i]))
                ++i;
            if (i >= text.size())
                break;
            qsizetype end = 0;
            const auto fast = readPrunedWatchEvent(text, i, end);
            QCOMPARE(fast.has_value(), pruned);
            if (!fast)
                break;
            QJsonParseError parseError;
            const QJsonDocument whole = QJsonDocument::fromJson(text.mid(i, end - i), &parseError);
            QVERIFY2(parseError.error == QJsonParseError::NoError,
                     qPrintable(parseError.errorString()));
            const CaptureEvent expected = captureEventOf(whole.object());
            QVERIFY2(importsAlike(*fast, expected),
                     qPrintable(QString::fromUtf8(text.mid(i, std::min<qsizetype>(end - i, 300)))));
            // The form the importer asks for: the same event, with a Job's, Pod's or Event's
            // trimmed object left as text that parses to the same object.
            qsizetype textEnd = 0;
            auto asText =
                readPrunedWatchEvent(text, i, textEnd, nullptr, nullptr, TrimmedForm::Text);
            QVERIFY(asText);
            QCOMPARE(textEnd, end);
            const auto kind = objectKindOf(fast->object);
            QCOMPARE(asText->kind, kind);
            const bool leftAsText = kind && fast->type != QLatin1String("ERROR");
            QCOMPARE(!asText->trimmedText.empty(), leftAsText);
            if (leftAsText) {
                QVERIFY(asText->object.isEmpty());
                QVERIFY(parseTrimmedText(asText->trimmedText, asText->object));
            }
            QVERIFY(importsAlike(*asText, *fast));
            ++read;
            i = end;
        }
        QVERIFY(read > 0 || !pruned);
    }

    // The import's work, counted in bytes looked at (KubectlImport::bytesExamined), grows as
    // the capture does: twice the events, twice the work, whatever the layout and with events
    // the pruning reader leaves to QJsonDocument among them.
    void importWorkIsLinear_data() {
        QTest::addColumn<bool>("indented");
        QTest::addColumn<int>("wholeEvery"); // every how many events one is read whole
        QTest::newRow("one per line") << false << 0;
        QTest::newRow("pretty-printed") << true << 0;
        QTest::newRow("one per line, some read whole") << false << 7;
        QTest::newRow("pretty-printed, some read whole") << true << 7;
    }

    void importWorkIsLinear() {
        QFETCH(bool, indented);
        QFETCH(int, wholeEvery);
        const auto importCapture = [&](int events, qint64& bytes) -> std::uint64_t {
            QTemporaryDir dir;
            QFile out(dir.filePath(QStringLiteral("watch-pods.jsonl")));
            if (!out.open(QIODevice::WriteOnly))
                return 0;
            writePodEvents(out, events, indented, wholeEvery);
            out.close();
            bytes = out.size();
            QString error;
            const auto imported = KubectlImporter::importFolder(dir.path(), &error);
            if (!imported || imported->observations.size() != size_t(events))
                return 0;
            return imported->bytesExamined;
        };
        qint64 smallBytes = 0, largeBytes = 0;
        const std::uint64_t small = importCapture(300, smallBytes);
        const std::uint64_t large = importCapture(600, largeBytes);
        QVERIFY(small > 0 && large > 0);
        QVERIFY2(large < 2.1 * double(small),
                 qPrintable(QStringLiteral("%1 bytes looked at for 300 events, %2 for 600")
                                .arg(small)
                                .arg(large)));
        QVERIFY2(double(large) <= 4.0 * double(largeBytes),
                 qPrintable(QStringLiteral("%1 bytes looked at in %2").arg(large).arg(largeBytes)));
    }

    // A stream larger than the window the import holds at a time (4 MB), with values that
    // straddle the window's edges, one larger than a window, and values read whole among them,
    // reads as the whole file does; a syntax error and a cut-short last value far into it are
    // positioned on their lines.
    void readsLargeStreamsInWindows_data() {
        QTest::addColumn<bool>("indented");
        QTest::newRow("one per line") << false;
        QTest::newRow("pretty-printed") << true;
    }

    void readsLargeStreamsInWindows() {
        QFETCH(bool, indented);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watch-pods.jsonl"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        writePodEvents(out, 6000, indented, 5);
        writePodEvents(out, 3, indented, 0, 5 << 20, 6000); // 5 MB each
        writePodEvents(out, 3000, indented, 7, 1000, 6003);
        out.close();
        QVERIFY(out.size() > (16 << 20));

        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray text = in.readAll();
        QString error;
        const auto values = splitJsonValues(text, path, &error, nullptr);
        QVERIFY2(values, qPrintable(error));
        QCOMPARE(values->size(), size_t(9003));
        const auto imported = KubectlImporter::importFiles({path}, &error);
        QVERIFY2(imported, qPrintable(error));
        QCOMPARE(imported->observations.size(), values->size());
        // The resourceVersions grow in file order: the import keeps it.
        for (size_t k = 0; k < values->size(); ++k) {
            const CaptureEvent expected = captureEventOf((*values)[k].value.toObject());
            const Observation& o = imported->observations[k];
            QCOMPARE(QJsonDocument(o.object).toJson(QJsonDocument::Compact),
                     QJsonDocument(trimObject(ObjectKind::Pod, expected.object))
                         .toJson(QJsonDocument::Compact));
        }

        // A syntax error on the last line, and (in another file) a cut-short last value.
        const int lines = int(text.count('\n'));
        QVERIFY(out.open(QIODevice::Append));
        out.write("{\"type\": ADDED}\n");
        out.close();
        QVERIFY(!KubectlImporter::importFiles({path}, &error));
        QVERIFY2(error.startsWith(QStringLiteral("%1:%2:").arg(path).arg(lines + 1)),
                 qPrintable(error));
        const QString cut = dir.filePath(QStringLiteral("watch-cut.jsonl"));
        QFile cutFile(cut);
        QVERIFY(cutFile.open(QIODevice::WriteOnly));
        cutFile.write(text);
        cutFile.write("  {\"type\": \"ADDED\", \"object\": {\"kind\"");
        cutFile.close();
        const auto cutShort = KubectlImporter::importFiles({cut}, &error);
        QVERIFY2(cutShort, qPrintable(error));
        QCOMPARE(cutShort->observations.size(), values->size());
        QCOMPARE(cutShort->warnings.size(), qsizetype(1));
        QVERIFY2(cutShort->warnings.front().startsWith(
                     QStringLiteral("%1:%2:3: ").arg(cut).arg(lines + 1)),
                 qPrintable(cutShort->warnings.front()));
    }

    // Positions far into a file of many values, some over several lines: each value's line,
    // and the line and column of an error and of a cut-short last value after them.
    void positionsLateInFile() {
        QByteArray text;
        std::vector<int> expectedLines;
        int line = 1;
        for (int k = 0; k < 500; ++k) {
            expectedLines.push_back(line);
            const QByteArray n = QByteArray::number(k);
            if (k % 3 == 0) {
                text += "{\"k\":" + n + "}\n";
                line += 1;
            } else if (k % 3 == 1) {
                text += "{\n  \"k\": [\n    " + n + "\n  ]\n}\n\n";
                line += 6;
            } else {
                text += "\t  {\"k\": \"a\\\"}\\n{\", \"n\": " + n + "} ";
            }
        }
        text += "\n";
        ++line;
        const int lastLine = line;

        QString error;
        QStringList warnings;
        const auto values = splitJsonValues(text, QStringLiteral("f.jsonl"), &error, &warnings);
        QVERIFY2(values, qPrintable(error));
        QCOMPARE(values->size(), expectedLines.size());
        for (size_t k = 0; k < values->size(); ++k) {
            QCOMPARE((*values)[k].line, expectedLines[k]);
            const QJsonObject object = (*values)[k].value.toObject();
            const QJsonValue number = k % 3 == 1
                                          ? object.value(QLatin1String("k")).toArray().at(0)
                                          : object.value(QLatin1String(k % 3 == 0 ? "k" : "n"));
            QCOMPARE(number.toInt(-1), int(k));
        }
        QVERIFY(warnings.isEmpty());

        // A syntax error: a value starting at column 3 of the last line, bad at its 7th byte.
        const auto bad =
            splitJsonValues(text + "  {\"k\": x}\n", QStringLiteral("f.jsonl"), &error, &warnings);
        QVERIFY(!bad);
        QVERIFY2(error.startsWith(QStringLiteral("f.jsonl:%1:9: error: ").arg(lastLine)),
                 qPrintable(error));

        // Cut short: the last value is dropped with a warning that points at its start.
        const auto cut =
            splitJsonValues(text + "\n   {\"k\": 1", QStringLiteral("f.jsonl"), &error, &warnings);
        QVERIFY(cut);
        QCOMPARE(cut->size(), expectedLines.size());
        QCOMPARE(warnings.size(), qsizetype(1));
        QVERIFY2(warnings.front().startsWith(QStringLiteral("f.jsonl:%1:4: ").arg(lastLine + 1)),
                 qPrintable(warnings.front()));
    }
};

QTEST_GUILESS_MAIN(TestKubectlImport)
#include "tst_kubectl_import.moc"
