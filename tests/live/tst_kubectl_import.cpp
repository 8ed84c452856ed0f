// SPDX-License-Identifier: GPL-3.0-or-later
// The kubectl watch-stream import against the real control-plane recordings in
// tests/data/recordings (README there): replaying each must tell the story the README tells.

#include "analysis/analysis.h"
#include "live/kubectl_import.h"
#include "live/timeline_builder.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
