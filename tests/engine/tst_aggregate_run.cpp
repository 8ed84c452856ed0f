// SPDX-License-Identifier: GPL-3.0-or-later
// The run of several Jobs as one (aggregateRun): its series is the sum of the Jobs' at every
// instant, its Pods are every Job's grouped by Job, its Events every Job's in time order, its
// causes name their Job, it finishes when the last Job does, and its Moment reads each Job's
// own.

#include "run/moment.h"
#include "run/run.h"
#include "scenario/scenario_reader.h"
#include "support/scenario_text.h"

#include <QtTest>

#include <algorithm>
#include <string>
#include <vector>

using namespace jobscope;
using jobscope::test::jobYaml;
using jobscope::test::readScenarioOrDie;

namespace {

// Ten Jobs of three completions, two at a time, a second apart, under a quota of 8 Pods.
const char* const kTenJobs = "job: {apiVersion: batch/v1, kind: Job, metadata: {name: item}, "
                             "spec: {completions: 3, parallelism: 2, template: {spec: "
                             "{restartPolicy: Never, containers: [{name: w, image: busybox}]}}}}\n"
                             "replicas: {count: 10, startEvery: 1}\n"
                             "cluster: {quota: {pods: 8}}\nrunTime: 6\n";

// Two Jobs where b fails: index 1 (a's second Pod, b's index 1) exits 1, and b's backoffLimit
// is 0 while a's default of 6 lets it retry.
std::string oneFails() {
    return "jobs:\n- job: " + jobYaml("a", "completions: 2, parallelism: 2") + "\n- job: " +
           jobYaml("b", "completions: 2, parallelism: 2, completionMode: Indexed, "
                        "backoffLimit: 0") +
           "\n  startAt: 2\nrunTime: 5\nfailures:\n- {index: 1, exitCode: 1}\n";
}

} // namespace

class TestAggregateRun : public QObject {
    Q_OBJECT

private slots:
    void seriesIsTheSum_data();
    void seriesIsTheSum();
    void podsGroupedByJob();
    void eventsOfEveryJobInTimeOrder();
    void finishesWithTheLastJob();
    void failedWhenAJobFailed();
    void momentNamesTheJob();
    void oneJobIsItsOwnRun();
};

void TestAggregateRun::seriesIsTheSum_data() {
    QTest::addColumn<std::string>("text");
    QTest::newRow("ten replicas under a quota") << std::string(kTenJobs);
    QTest::newRow("two listed Jobs, one failing") << oneFails();
    QTest::newRow("two Jobs started together, shared quota of 2")
        << "jobs:\n- job: " + jobYaml("a", "completions: 3, parallelism: 2") +
               "\n- job: " + jobYaml("b", "completions: 3, parallelism: 2") +
               "\ncluster: {quota: {pods: 2}}\nrunTime: 10\n";
}

// At every change of any Job, and half-way to the next, each column of the aggregate's row is
// the sum of the Jobs' rows in force then (requested: of the Jobs not finished).
void TestAggregateRun::seriesIsTheSum() {
    QFETCH(std::string, text);
    const Run run = runWholeScenario(readScenarioOrDie(text));
    QVERIFY(run.jobs.size() >= 2);
    const auto& series = run.analysis.series;
    QVERIFY(!series.empty());
    for (std::size_t i = 0; i < series.size(); ++i) {
        const Seconds next = i + 1 < series.size() ? series[i + 1].time : series[i].time + 1;
        for (const Seconds at : {series[i].time, (series[i].time + next) / 2}) {
            const SeriesRow* row = seriesRowAt(run, at - run.origin);
            QVERIFY(row);
            int requested = 0, active = 0, running = 0, pending = 0, succeeded = 0, failed = 0;
            for (const Run& job : run.jobs) {
                const SeriesRow* own = seriesRowAt(job, at - job.origin);
                if (!own)
                    continue;
                const bool finished = std::find(own->causes.begin(), own->causes.end(),
                                                InternedString("finished")) != own->causes.end();
                requested += finished ? 0 : own->requested;
                active += own->active;
                running += own->running;
                pending += own->pending;
                succeeded += own->succeeded;
                failed += own->failed;
            }
            const QByteArray where = QByteArray::number(at);
            QVERIFY2(row->requested == requested, where);
            QVERIFY2(row->active == active, where);
            QVERIFY2(row->running == running, where);
            QVERIFY2(row->pending == pending, where);
            QVERIFY2(row->succeeded == succeeded, where);
            QVERIFY2(row->failed == failed, where);
        }
    }
}

void TestAggregateRun::podsGroupedByJob() {
    const Run run = runWholeScenario(readScenarioOrDie(kTenJobs));
    QCOMPARE(run.jobs.size(), std::size_t(10));
    QCOMPARE(run.jobFirstPod.size(), std::size_t(10));
    std::size_t pods = 0;
    for (const Run& job : run.jobs)
        pods += job.analysis.pods.size();
    QCOMPARE(run.analysis.pods.size(), pods);
    QCOMPARE(run.summary.podsCreated, static_cast<int>(pods));
    for (std::size_t p = 0; p < run.analysis.pods.size(); ++p) {
        const std::size_t job = jobOfPod(run, p);
        const std::string& name = run.jobs[job].timeline.jobMetadata.name;
        QVERIFY2(run.analysis.pods[p].name.rfind(name + "-", 0) == 0,
                 run.analysis.pods[p].name.c_str());
    }
    // The causes say whose they are.
    QVERIFY(!run.analysis.causes.empty());
    for (const CauseInterval& c : run.analysis.causes)
        if (c.kind != CauseKind::Finished)
            QVERIFY(c.job >= 0 && c.job < 10);
    // The quota of 8 held some Job back: 10 Jobs want 2 each.
    QVERIFY(std::any_of(run.analysis.causes.begin(), run.analysis.causes.end(),
                        [](const CauseInterval& c) { return c.kind == CauseKind::QuotaExceeded; }));
}

void TestAggregateRun::eventsOfEveryJobInTimeOrder() {
    const Run run = runWholeScenario(readScenarioOrDie(kTenJobs));
    const std::vector<TimelineEvent>& events = run.timeline.events;
    std::size_t total = 0;
    for (const Run& job : run.jobs) {
        total += job.timeline.events.size();
        // Each of this Job's Events is there (its SuccessfulCreate names one of its Pods).
        for (const TimelineEvent& e : job.timeline.events)
            QVERIFY2(std::any_of(events.begin(), events.end(),
                                 [&e](const TimelineEvent& x) {
                                     return x.time == e.time && x.reason == e.reason &&
                                            x.objectName == e.objectName && x.message == e.message;
                                 }),
                     e.message.c_str());
    }
    QVERIFY(total > 10);
    QCOMPARE(events.size(), total);
    QVERIFY(std::is_sorted(
        events.begin(), events.end(),
        [](const TimelineEvent& a, const TimelineEvent& b) { return a.time < b.time; }));
    // The summary finds the finish in them: the last Job's Completed Event.
    QVERIFY(run.summary.finishedAt.has_value());
}

void TestAggregateRun::finishesWithTheLastJob() {
    const Run run = runWholeScenario(readScenarioOrDie(kTenJobs));
    Seconds last = 0;
    double podSeconds = 0;
    for (const Run& job : run.jobs) {
        QVERIFY(job.summary.finishedAt);
        QCOMPARE(QString::fromStdString(job.summary.outcome), QStringLiteral("Complete"));
        last = std::max(last, job.origin + *job.summary.finishedAt);
        podSeconds += job.summary.podSeconds;
    }
    QVERIFY(run.summary.finishedAt);
    QCOMPARE(run.origin + *run.summary.finishedAt, last);
    QCOMPARE(QString::fromStdString(run.summary.outcome), QStringLiteral("Complete"));
    QVERIFY(std::abs(run.summary.podSeconds - podSeconds) < 1e-6);
    QCOMPARE(run.completions, std::optional<int32_t>(30));

    // One `finished` interval, from the last Job's; no row says finished before it.
    const auto& finished = run.intervalsByKind[static_cast<std::size_t>(CauseKind::Finished)];
    QCOMPARE(finished.size(), std::size_t(1));
    const CauseInterval& end = run.analysis.causes[finished.front()];
    for (const SeriesRow& row : run.analysis.series) {
        const bool says = std::find(row.causes.begin(), row.causes.end(),
                                    InternedString("finished")) != row.causes.end();
        QCOMPARE(says, row.time >= end.start);
    }
    QVERIFY(momentAt(run, run.end).atEnd);
}

void TestAggregateRun::failedWhenAJobFailed() {
    const Run run = runWholeScenario(readScenarioOrDie(oneFails()));
    QCOMPARE(run.jobs.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(run.jobs[0].summary.outcome), QStringLiteral("Complete"));
    QCOMPARE(QString::fromStdString(run.jobs[1].summary.outcome), QStringLiteral("Failed"));
    QCOMPARE(QString::fromStdString(run.summary.outcome), QStringLiteral("Failed"));
    QCOMPARE(QString::fromStdString(run.summary.outcomeReason),
             QStringLiteral("BackoffLimitExceeded"));
    const auto& finished = run.intervalsByKind[static_cast<std::size_t>(CauseKind::Finished)];
    QCOMPARE(finished.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(run.analysis.causes[finished.front()].textParam("condition")),
             QStringLiteral("Failed"));
    QCOMPARE(run.summary.podsFailed,
             run.jobs[0].summary.podsFailed + run.jobs[1].summary.podsFailed);
}

// At each moment the aggregate's causes are the Jobs' own, each named, with the same numbers.
void TestAggregateRun::momentNamesTheJob() {
    const Run run = runWholeScenario(readScenarioOrDie(kTenJobs));
    bool sawQuota = false;
    for (const SeriesRow& row : run.analysis.series) {
        const Seconds t = row.time - run.origin;
        const Moment m = momentAt(run, t);
        QVERIFY(m.row);
        QVERIFY(!m.job);
        std::size_t expected = 0;
        for (const Run& job : run.jobs) {
            const Moment own = momentAt(job, row.time - job.origin);
            for (const MomentCause& c : own.causes) {
                if (c.kind == CauseKind::Finished)
                    continue;
                ++expected;
                const auto same = std::find_if(m.causes.begin(), m.causes.end(), [&](auto& x) {
                    return x.kind == c.kind && x.job == job.timeline.jobMetadata.name &&
                           x.params == c.params;
                });
                QVERIFY2(same != m.causes.end(), job.timeline.jobMetadata.name.c_str());
                sawQuota = sawQuota || c.kind == CauseKind::QuotaExceeded;
            }
        }
        const auto named = std::count_if(m.causes.begin(), m.causes.end(),
                                         [](const MomentCause& c) { return !c.job.empty(); });
        QCOMPARE(static_cast<std::size_t>(named), expected);
        // Primary causes come first.
        const auto firstSecondary = std::find_if(m.causes.begin(), m.causes.end(),
                                                 [](const MomentCause& c) { return !c.primary; });
        QVERIFY(std::none_of(firstSecondary, m.causes.end(),
                             [](const MomentCause& c) { return c.primary && !c.job.empty(); }));
    }
    QVERIFY(sawQuota);
}

void TestAggregateRun::oneJobIsItsOwnRun() {
    const Scenario scenario = readScenarioOrDie(
        "job: " + jobYaml("solo", "completions: 4, parallelism: 2") + "\nrunTime: 3\n");
    const Run whole = runWholeScenario(scenario);
    const Run single = runScenario(scenario);
    QVERIFY(whole.jobs.empty());
    QCOMPARE(whole.analysis.series.size(), single.analysis.series.size());
    QCOMPARE(whole.summary.finishedAt, single.summary.finishedAt);
    QCOMPARE(jobOfPod(whole, 3), std::size_t(0));
}

QTEST_APPLESS_MAIN(TestAggregateRun)
#include "tst_aggregate_run.moc"
