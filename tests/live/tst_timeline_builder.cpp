// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineBuilder: observations of one Job, its Pods and Events -> the Timeline the analysis
// reads, with the time rule, duplicates, out-of-order delivery and re-lists.

#include "analysis/analysis.h"
#include "live/kubectl_import.h"
#include "live/timeline_builder.h"
#include "report/csv.h"
#include "support/watch_recording.h"
#include "yaml_reader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace jobscope;
using namespace jobscope::live;

namespace {

const Seconds T0 = *parseRfc3339("2026-03-01T10:00:00Z");

QString stamp(Seconds t) {
    return QString::fromStdString(formatRfc3339(T0 + t));
}

QJsonObject job(int rv, int parallelism = 2, QJsonObject status = {}) {
    return QJsonObject{
        {"kind", "Job"},
        {"apiVersion", "batch/v1"},
        {"metadata", QJsonObject{{"name", "j"},
                                 {"namespace", "ns"},
                                 {"uid", "job-uid"},
                                 {"resourceVersion", QString::number(rv)},
                                 {"creationTimestamp", stamp(0)}}},
        {"spec",
         QJsonObject{{"parallelism", parallelism},
                     {"completions", 4},
                     {"template", QJsonObject{{"spec", QJsonObject{{"restartPolicy", "Never"}}}}}}},
        {"status", status}};
}

struct PodFields {
    PodFields(QString name, int rv, Seconds created, QString phase = QStringLiteral("Pending"),
              std::optional<Seconds> started = {}, std::optional<Seconds> finished = {})
        : name(std::move(name)), rv(rv), created(created), phase(std::move(phase)),
          started(started), finished(finished) {}
    QString name;
    int rv = 1;
    Seconds created = 0;
    QString phase;
    std::optional<Seconds> started, finished;
    int exitCode = 0;
    int index = -1;
    QString owner = QStringLiteral("job-uid");
};

QJsonObject pod(const PodFields& f) {
    QJsonObject metadata{{"name", f.name},
                         {"uid", f.name + QStringLiteral("-uid")},
                         {"resourceVersion", QString::number(f.rv)},
                         {"creationTimestamp", stamp(f.created)},
                         {"labels", QJsonObject{{"batch.kubernetes.io/controller-uid", f.owner}}},
                         {"finalizers", QJsonArray{"batch.kubernetes.io/job-tracking"}}};
    if (f.index >= 0)
        metadata.insert("annotations", QJsonObject{{"batch.kubernetes.io/job-completion-index",
                                                    QString::number(f.index)}});
    QJsonObject status{{"phase", f.phase}};
    QJsonArray conditions;
    if (f.started) {
        QJsonObject state;
        if (f.finished)
            state.insert("terminated", QJsonObject{{"exitCode", f.exitCode},
                                                   {"startedAt", stamp(*f.started)},
                                                   {"finishedAt", stamp(*f.finished)}});
        else
            state.insert("running", QJsonObject{{"startedAt", stamp(*f.started)}});
        status.insert("containerStatuses",
                      QJsonArray{QJsonObject{{"name", "main"}, {"state", state}}});
        conditions.append(QJsonObject{{"type", "PodScheduled"},
                                      {"status", "True"},
                                      {"lastTransitionTime", stamp(*f.started)}});
    }
    status.insert("conditions", conditions);
    QJsonObject spec;
    if (f.started)
        spec.insert("nodeName", "n1");
    return QJsonObject{{"kind", "Pod"}, {"metadata", metadata}, {"spec", spec}, {"status", status}};
}

QJsonObject eventObject(const QString& uid, const QString& reason, const QString& message,
                        int count, Seconds first, Seconds last, int rv) {
    return QJsonObject{
        {"kind", "Event"},
        {"metadata",
         QJsonObject{{"name", uid}, {"uid", uid}, {"resourceVersion", QString::number(rv)}}},
        {"involvedObject", QJsonObject{{"kind", "Job"}, {"name", "j"}, {"uid", "job-uid"}}},
        {"reason", reason},
        {"message", message},
        {"type", "Warning"},
        {"count", count},
        {"firstTimestamp", stamp(first)},
        {"lastTimestamp", stamp(last)}};
}

Observation obs(Seconds t, ObjectKind kind, WatchType type, QJsonObject object) {
    return Observation{T0 + t, kind, type, std::move(object)};
}

} // namespace

class TestTimelineBuilder : public QObject {
    Q_OBJECT

private slots:
    // The time rule: a receive time within resolution + latency allowance of the server time
    // wins; a late one yields to the server time.
    void timeRule_data() {
        QTest::addColumn<double>("received");
        QTest::addColumn<QString>("server");
        QTest::addColumn<double>("expected");
        QTest::newRow("on time") << 10.3 << "2026-03-01T10:00:10Z" << 10.3;
        QTest::newRow("within the second and latency") << 11.9 << "2026-03-01T10:00:10Z" << 11.9;
        QTest::newRow("late: a list") << 42.0 << "2026-03-01T10:00:10Z" << 10.0;
        QTest::newRow("micro time, late") << 12.0 << "2026-03-01T10:00:10.250000Z" << 10.25;
        QTest::newRow("no server time") << 5.0 << "" << 5.0;
        // Longer than most times: a fraction of 40 digits.
        QTest::newRow("long fraction, late")
            << 12.0 << "2026-03-01T10:00:10.2500000000000000000000000000000000000000Z" << 10.25;
        // A character outside ASCII is no time: the receive time stands.
        QTest::newRow("not ASCII")
            << 42.0 << QString::fromUtf8("2026-03-01T10:00:10\u00e9Z") << 42.0;
        QTest::newRow("not ASCII in the digits")
            << 42.0 << QString::fromUtf8("2026-03-01T10:00:1\u0661Z") << 42.0;
    }
    void timeRule() {
        QFETCH(double, received);
        QFETCH(QString, server);
        QFETCH(double, expected);
        const auto parsed = parseServerTime(server.isEmpty() ? QJsonValue() : QJsonValue(server));
        // Within a microsecond: epoch seconds in a double keep about that much.
        QVERIFY2(std::abs(chooseTime(T0 + received, parsed) - T0 - expected) < 1e-6,
                 qPrintable(QString::number(chooseTime(T0 + received, parsed) - T0, 'f', 6)));
        if (parsed)
            QCOMPARE(chooseTime(T0 + received, parsed, true), parsed->at);
    }

    // A Pod's life as a watch delivers it, with a duplicate (re-list) and a stale event.
    void podLifecycle() {
        TimelineBuilder b;
        b.add(obs(0.2, ObjectKind::Job, WatchType::Added, job(1)));
        b.add(obs(0.5, ObjectKind::Pod, WatchType::Added, pod({"p0", 2, 0})));
        b.add(obs(1.4, ObjectKind::Pod, WatchType::Modified, pod({"p0", 4, 0, "Running", 1.0})));
        // Stale: an older resourceVersion arriving late changes nothing.
        b.add(obs(1.5, ObjectKind::Pod, WatchType::Modified, pod({"p0", 3, 0})));
        // Duplicate: a re-list repeating the same version.
        b.add(obs(1.6, ObjectKind::Pod, WatchType::Listed, pod({"p0", 4, 0, "Running", 1.0})));
        b.add(obs(6.3, ObjectKind::Pod, WatchType::Modified,
                  pod({"p0", 5, 0, "Succeeded", 1.0, 6.0})));
        b.finish(T0 + 8);
        const Timeline& tl = b.timeline();
        QCOMPARE(tl.start, T0 + 0.2);
        QCOMPARE(*tl.end, T0 + 8);
        QCOMPARE(tl.pods.size(), size_t{1});
        QCOMPARE(tl.pods[0].createdAt, T0 + 0.5);
        QCOMPARE(tl.podChanges.size(), size_t{3});
        QCOMPARE(tl.podChanges[1].time, T0 + 1.4);
        QCOMPARE(tl.podChanges[1].state.phase, std::string("Running"));
        QCOMPARE(tl.podChanges[2].state.phase, std::string("Succeeded"));
        QCOMPARE(tl.podChanges[2].state.exitCode.value_or(-1), 0);
        QCOMPARE(tl.podChanges[2].state.finishedAt.value_or(-1), T0 + 6);
        QCOMPARE(b.ignoredCount(), 2);
        QVERIFY(tl.unobserved.empty());
    }

    // Why a Pod waits: its first container's waiting reason, else the reason of the last
    // PodScheduled False condition (what the Pod details and the pending cause show).
    void waitingReason_data() {
        QTest::addColumn<QStringList>("unscheduled"); // reasons of PodScheduled False, in order
        QTest::addColumn<QString>("containerWaiting");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unschedulable") << QStringList{"Unschedulable"} << ""
                                       << "Unschedulable";
        QTest::newRow("the last of two") << QStringList{"Unschedulable", "SchedulerError"} << ""
                                         << "SchedulerError";
        QTest::newRow("the container's first")
            << QStringList{"Unschedulable"} << "ContainerCreating"
            << "ContainerCreating";
        QTest::newRow("none") << QStringList{} << ""
                              << "";
    }
    void waitingReason() {
        QFETCH(QStringList, unscheduled);
        QFETCH(QString, containerWaiting);
        QFETCH(QString, expected);
        QJsonObject object = pod({"p0", 2, 0});
        QJsonObject status = object.value("status").toObject();
        QJsonArray conditions{QJsonObject{{"type", "Ready"}, {"status", "False"}}};
        for (const QString& reason : unscheduled)
            conditions.append(
                QJsonObject{{"type", "PodScheduled"}, {"status", "False"}, {"reason", reason}});
        status.insert("conditions", conditions);
        if (!containerWaiting.isEmpty())
            status.insert(
                "containerStatuses",
                QJsonArray{QJsonObject{
                    {"name", "main"},
                    {"state",
                     QJsonObject{{"waiting", QJsonObject{{"reason", containerWaiting}}}}}}});
        object.insert("status", status);
        TimelineBuilder b;
        b.add(obs(0.2, ObjectKind::Job, WatchType::Added, job(1)));
        b.add(obs(0.5, ObjectKind::Pod, WatchType::Added, object));
        b.finish(T0 + 2);
        const Timeline& tl = b.timeline();
        QCOMPARE(tl.podChanges.size(), size_t{1});
        QCOMPARE(QString::fromStdString(tl.podChanges[0].state.waitingReason), expected);
    }

    // A list long after the facts: each transition at its own server time, and marked.
    void lateListReconstructs() {
        TimelineBuilder b;
        b.add(obs(30, ObjectKind::Job, WatchType::Listed, job(1)));
        b.add(
            obs(30, ObjectKind::Pod, WatchType::Listed, pod({"p0", 9, 1, "Succeeded", 3.0, 9.0})));
        b.finish();
        const Timeline& tl = b.timeline();
        QCOMPARE(tl.start, T0);
        QCOMPARE(tl.pods[0].createdAt, T0 + 1);
        std::vector<std::pair<double, std::string>> got;
        for (const PodObservation& o : tl.podChanges)
            got.emplace_back(o.time - T0, o.state.phase);
        const std::vector<std::pair<double, std::string>> expected{
            {1, "Pending"}, {3, "Pending"}, {3, "Running"}, {9, "Succeeded"}};
        QCOMPARE(got, expected);
        QCOMPARE(tl.unobserved.size(), size_t{1});
        QCOMPARE(tl.unobserved[0].start, T0);
        QCOMPARE(tl.unobserved[0].end, T0 + 30);
        QCOMPARE(tl.unobserved[0].reason, std::string("before-watch"));
        const Analysis a = analyze(tl);
        QCOMPARE(a.pods[0].started.value_or(-1), T0 + 3);
        QCOMPARE(a.pods[0].finished.value_or(-1), T0 + 9);
    }

    // A re-list after a gap that lacks a Pod: the Pod was deleted meanwhile.
    void relistDeletes() {
        TimelineBuilder b;
        b.add(obs(0.1, ObjectKind::Job, WatchType::Listed, job(1)));
        b.add(obs(0.1, ObjectKind::Pod, WatchType::Listed, pod({"p0", 2, 0})));
        b.add(obs(0.1, ObjectKind::Pod, WatchType::Listed, pod({"p1", 3, 0})));
        b.add(obs(0.5, ObjectKind::Pod, WatchType::Modified, pod({"p1", 4, 0, "Running", 0.4})));
        // 410 Gone, then a re-list at 20 s without p0.
        b.add(obs(20, ObjectKind::Pod, WatchType::Listed, pod({"p1", 4, 0, "Running", 0.4})));
        b.listComplete(ObjectKind::Pod, T0 + 20);
        const Timeline& tl = b.timeline();
        QCOMPARE(tl.pods.size(), size_t{2});
        const auto deleted = std::find_if(tl.podChanges.begin(), tl.podChanges.end(),
                                          [](const PodObservation& o) { return o.deleted; });
        QVERIFY(deleted != tl.podChanges.end());
        QCOMPARE(tl.pods[deleted->pod].name, std::string("p0"));
        QCOMPARE(deleted->time, T0 + 20);
        QCOMPARE(std::count_if(tl.podChanges.begin(), tl.podChanges.end(),
                               [](const PodObservation& o) { return o.deleted; }),
                 1);
        QCOMPARE(tl.unobserved.size(), size_t{1});
        QCOMPARE(tl.unobserved[0].reason, std::string("watch-gap"));
    }

    // A Job and its Pods found by the first list, a couple of seconds after they were made (a
    // recorder that connected late): the Job's own timestamp dates it, so nothing of its Pods
    // comes before the Job's creation (the list's receive time would have put them 1.9 s
    // before it). Listed within a tick of its creation, the receive time is kept.
    void listedJobDatedByItsTimestamp_data() {
        QTest::addColumn<double>("listedAt");
        QTest::addColumn<double>("expectedStart");
        QTest::newRow("listed 1.9 s after creation") << 1.9 << 0.0;
        QTest::newRow("listed 0.4 s after creation") << 0.4 << 0.4;
    }
    void listedJobDatedByItsTimestamp() {
        QFETCH(double, listedAt);
        QFETCH(double, expectedStart);
        TimelineBuilder b;
        b.add(obs(listedAt, ObjectKind::Job, WatchType::Listed, job(1)));
        b.add(obs(listedAt, ObjectKind::Pod, WatchType::Listed, pod({"p0", 2, 0})));
        const Timeline& tl = b.timeline();
        QCOMPARE(tl.start, T0 + expectedStart);
        for (const PodObservation& o : tl.podChanges)
            QVERIFY2(o.time >= tl.start, qPrintable(QString::number(o.time - tl.start)));
        for (const TimelinePod& p : tl.pods)
            QVERIFY(p.createdAt >= tl.start);
    }

    // Pods of another Job and Events about other objects are not this Job's; Pods seen before
    // their Job wait for it.
    void membership() {
        TimelineBuilder b;
        b.add(obs(0.3, ObjectKind::Pod, WatchType::Added, pod({"early", 1, 0})));
        b.add(obs(0.4, ObjectKind::Job, WatchType::Added, job(2)));
        PodFields other{"stranger", 3, 0};
        other.owner = QStringLiteral("other-uid");
        b.add(obs(0.5, ObjectKind::Pod, WatchType::Added, pod(other)));
        QJsonObject otherJob = job(5);
        QJsonObject meta = otherJob.value("metadata").toObject();
        meta.insert("uid", "other-uid");
        otherJob.insert("metadata", meta);
        b.add(obs(0.6, ObjectKind::Job, WatchType::Added, otherJob));
        const Timeline& tl = b.timeline();
        QCOMPARE(tl.pods.size(), size_t{1});
        QCOMPARE(tl.pods[0].name, std::string("early"));
        QCOMPARE(tl.jobChanges.size(), size_t{1});
        QCOMPARE(b.jobName(), QStringLiteral("j"));
        QCOMPARE(b.ignoredCount(), 2);
    }

    // Indexed Pods: index from the annotation, attempts by order of creation per index.
    void indexesAndAttempts() {
        TimelineBuilder b;
        b.add(obs(0.1, ObjectKind::Job, WatchType::Added, job(1)));
        PodFields first{"a", 2, 0};
        first.index = 1;
        PodFields second{"b", 3, 0};
        second.index = 0;
        PodFields retry{"c", 4, 5};
        retry.index = 1;
        // Seen out of creation order: the retry's list entry first.
        b.add(obs(6, ObjectKind::Pod, WatchType::Added, pod(retry)));
        b.add(obs(0.5, ObjectKind::Pod, WatchType::Added, pod(first)));
        b.add(obs(0.6, ObjectKind::Pod, WatchType::Added, pod(second)));
        const Timeline& tl = b.timeline();
        QCOMPARE(tl.pods.size(), size_t{3});
        QCOMPARE(tl.pods[0].name, std::string("a"));
        QCOMPARE(tl.pods[0].index, 1);
        QCOMPARE(tl.pods[0].attempt, 0);
        QCOMPARE(tl.pods[1].index, 0);
        QCOMPARE(tl.pods[2].name, std::string("c"));
        QCOMPARE(tl.pods[2].attempt, 1);
        for (size_t i = 1; i < tl.podChanges.size(); ++i)
            QVERIFY(tl.podChanges[i - 1].time <= tl.podChanges[i].time);
    }

    // An aggregated Event: each rise of its count is one more occurrence; the quota refusals
    // reach the analysis as the simulator's FailedCreate events do.
    void eventCountsAndQuota() {
        TimelineBuilder b;
        b.add(obs(0.1, ObjectKind::Job, WatchType::Added, job(1, 3)));
        b.add(obs(0.2, ObjectKind::Pod, WatchType::Added, pod({"p0", 2, 0})));
        const QString quota = QStringLiteral(
            "Error creating: pods \"j-x\" is forbidden: exceeded quota: q, requested: pods=1, "
            "used: pods=1, limited: pods=1");
        b.add(obs(0.3, ObjectKind::Event, WatchType::Added,
                  eventObject("e1", "FailedCreate", quota, 1, 0, 0, 3)));
        b.add(obs(1.3, ObjectKind::Event, WatchType::Modified,
                  eventObject("e1", "FailedCreate", quota, 3, 0, 1, 4)));
        b.add(obs(1.4, ObjectKind::Event, WatchType::Modified, // re-delivered: no new occurrence
                  eventObject("e1", "FailedCreate", quota, 3, 0, 1, 4)));
        const Timeline& tl = b.timeline();
        // The two new occurrences of the second observation are one entry with their number.
        QCOMPARE(tl.events.size(), size_t{2});
        QCOMPARE(tl.events[0].time, T0 + 0.3);
        QCOMPARE(tl.events[0].count, 1);
        QCOMPARE(tl.events[1].time, T0 + 1.3);
        QCOMPARE(tl.events[1].count, 2);
        QCOMPARE(tl.events[0].objectKind, std::string("Job"));
        QCOMPARE(tl.events[0].reason, std::string("FailedCreate"));
        const Analysis a = analyze(tl);
        const auto q = std::find_if(a.causes.begin(), a.causes.end(), [](const CauseInterval& c) {
            return c.cause == "quota-exceeded";
        });
        QVERIFY(q != a.causes.end());
        QCOMPARE(q->param("quota").value_or(-1), 1.0);
        QCOMPARE(q->param("refused").value_or(-1), 1.0);
        // The refusals add up over the episode: its last interval counts all three.
        const auto last =
            std::find_if(a.causes.rbegin(), a.causes.rend(),
                         [](const CauseInterval& c) { return c.cause == "quota-exceeded"; });
        QCOMPARE(last->param("refused").value_or(-1), 3.0);
    }

    // An Event's count is an int32 on the server: the largest is one entry with that count (not
    // two billion entries), and a count that is no int32 is one occurrence.
    void hugeEventCountsAreOneEntry_data() {
        QTest::addColumn<QJsonValue>("count");
        QTest::addColumn<int>("stored");
        QTest::newRow("int32 max") << QJsonValue(2147483647) << 2147483647;
        QTest::newRow("past int32") << QJsonValue(1e300) << 1;
        QTest::newRow("negative") << QJsonValue(-5) << 1;
        QTest::newRow("a string") << QJsonValue("many") << 1;
    }
    void hugeEventCountsAreOneEntry() {
        QFETCH(QJsonValue, count);
        QFETCH(int, stored);
        TimelineBuilder b;
        b.add(obs(0.1, ObjectKind::Job, WatchType::Added, job(1, 3)));
        b.add(obs(0.2, ObjectKind::Pod, WatchType::Added, pod({"p0", 2, 0})));
        QJsonObject event =
            eventObject("e1", "FailedCreate",
                        "Error creating: pods \"j-x\" is forbidden: exceeded quota: "
                        "q, requested: pods=1, used: pods=1, limited: pods=1",
                        1, 0, 0, 3);
        event.insert("count", count);
        b.add(obs(0.3, ObjectKind::Event, WatchType::Added, event));
        const Timeline& tl = b.timeline();
        QCOMPARE(tl.events.size(), size_t{1});
        QCOMPARE(tl.events[0].count, stored);
        const Analysis a = analyze(tl);
        const auto q = std::find_if(a.causes.begin(), a.causes.end(), [](const CauseInterval& c) {
            return c.cause == "quota-exceeded";
        });
        QVERIFY(q != a.causes.end());
        QCOMPARE(q->param("refused").value_or(-1), double(stored));
    }

    // A Job deleted, and a Pod deleted, as watch events.
    void deletions() {
        TimelineBuilder b;
        b.add(obs(0.1, ObjectKind::Job, WatchType::Added, job(1)));
        b.add(obs(0.2, ObjectKind::Pod, WatchType::Added, pod({"p0", 2, 0})));
        b.add(obs(3.0, ObjectKind::Pod, WatchType::Deleted, pod({"p0", 5, 0})));
        b.add(obs(4.0, ObjectKind::Job, WatchType::Deleted, job(6)));
        b.add(obs(4.5, ObjectKind::Pod, WatchType::Modified, pod({"p0", 7, 0})));
        const Timeline& tl = b.timeline();
        QVERIFY(tl.podChanges.back().deleted);
        QCOMPARE(tl.podChanges.back().time, T0 + 3);
        QVERIFY(tl.jobChanges.back().deleted);
        QCOMPARE(tl.jobChanges.back().time, T0 + 4);
        QCOMPARE(*tl.end, T0 + 4.5);
        const Analysis a = analyze(tl);
        QCOMPARE(a.pods[0].deleted.value_or(-1), T0 + 3);
    }

    // Pods read ahead (readPodsAhead, split between two threads) build the Timeline that Pods
    // read by the builder itself do: the same Pods, changes, Job changes, Events and analysis,
    // for each recording of a real control plane.
    void podsReadAheadBuildTheSameTimeline_data() {
        QTest::addColumn<QString>("folder");
        for (const QString& folder : test::recordedWatchFolders())
            QTest::newRow(qPrintable(QFileInfo(folder).fileName())) << folder;
    }
    void podsReadAheadBuildTheSameTimeline() {
        QFETCH(QString, folder);
        QString error;
        const auto imported = KubectlImporter::importFolder(folder, &error);
        QVERIFY2(imported, qPrintable(error));
        std::vector<Observation> readAhead = imported->observations;
        readPodsAhead(readAhead, 2); // split however few there are
        int pods = 0;
        for (const Observation& o : readAhead) {
            QCOMPARE(bool(o.podReading), o.kind == ObjectKind::Pod);
            pods += o.kind == ObjectKind::Pod;
        }
        QVERIFY(pods > 0);
        const auto build = [](const std::vector<Observation>& observations) {
            TimelineBuilder builder;
            for (const Observation& o : observations)
                builder.add(o);
            builder.finish();
            return builder.timeline();
        };
        const Timeline expected = build(imported->observations);
        const Timeline actual = build(readAhead);
        QCOMPARE(actual.pods.size(), expected.pods.size());
        for (std::size_t i = 0; i < expected.pods.size(); ++i) {
            QCOMPARE(actual.pods[i].name, expected.pods[i].name);
            QCOMPARE(actual.pods[i].uid, expected.pods[i].uid);
            QCOMPARE(actual.pods[i].index, expected.pods[i].index);
            QCOMPARE(actual.pods[i].createdAt, expected.pods[i].createdAt);
        }
        QCOMPARE(actual.podChanges.size(), expected.podChanges.size());
        for (std::size_t i = 0; i < expected.podChanges.size(); ++i) {
            const PodObservation& a = actual.podChanges[i];
            const PodObservation& e = expected.podChanges[i];
            QVERIFY2(a.time == e.time && a.pod == e.pod && a.deleted == e.deleted &&
                         a.state == e.state,
                     qPrintable(QStringLiteral("Pod change %1").arg(i)));
        }
        QCOMPARE(statusCsv(actual.jobChanges), statusCsv(expected.jobChanges));
        QCOMPARE(eventsCsv(actual.events), eventsCsv(expected.events));
        const Analysis a = analyze(actual), e = analyze(expected);
        QCOMPARE(seriesCsv(a.series), seriesCsv(e.series));
        QCOMPARE(causesCsv(a.causes), causesCsv(e.causes));
        QCOMPARE(podsCsv(a.pods), podsCsv(e.pods));
    }

    // A Job object the engine cannot read is reported, not fatal.
    void unreadableJob() {
        TimelineBuilder b;
        QJsonObject bad = job(1);
        bad.insert("spec", QJsonObject{{"parallelism", "many"}});
        b.add(obs(0.1, ObjectKind::Job, WatchType::Added, bad));
        QVERIFY(!b.hasJob());
        QCOMPARE(b.warnings().size(), 1);
        QVERIFY2(b.warnings()[0].contains(QStringLiteral("parallelism")),
                 qPrintable(b.warnings()[0]));
    }
};

QTEST_GUILESS_MAIN(TestTimelineBuilder)
#include "tst_timeline_builder.moc"
