// SPDX-License-Identifier: GPL-3.0-or-later
// The translated cause sentences (app/plot/cause_text.h) and the inspector panel
// (app/gui/inspector_panel.h) on simulated examples: what they say must be the numbers of the
// analysis at the playhead. English only (the zh_CN catalogue is merged by the lead).

#include "gui/inspector_panel.h"
#include "plot/cause_text.h"
#include "run/moment.h"
#include "scenario/scenario_reader.h"
#include "support/test_paths.h"

#include <QLabel>
#include <QTest>

#include <memory>

using namespace jobscope;
using jobscope::ui::InspectorPanel;

Q_DECLARE_METATYPE(jobscope::CauseInterval)

namespace {

// The run of an example, shared as the app shares it; `analysis` points into it.
struct ExampleRun {
    std::shared_ptr<const jobscope::Run> run;
    const Analysis* analysis = nullptr;
    double origin = 0;
};

ExampleRun runExample(const QString& relativePath) {
    Diagnostics diagnostics;
    const QString path = test::sourceDir() + "/resources/examples/" + relativePath;
    auto scenario = readScenarioFile(path.toStdString(), diagnostics);
    if (!scenario)
        qFatal("cannot read %s", qPrintable(path));
    auto run = std::make_shared<const jobscope::Run>(runScenario(*scenario));
    return {run, &run->analysis, run->origin};
}

const CauseInterval* firstInterval(const Analysis& analysis, const std::string& cause) {
    for (const CauseInterval& c : analysis.causes)
        if (c.cause == cause)
            return &c;
    return nullptr;
}

// A time (x) inside `interval` where the series row lists its cause.
std::optional<double> timeInside(const ExampleRun& run, const CauseInterval& interval) {
    for (const SeriesRow& row : run.analysis->series) {
        if (row.time < interval.start || row.time >= interval.end)
            continue;
        if (std::find(row.causes.begin(), row.causes.end(), interval.cause) != row.causes.end())
            return row.time - run.origin;
    }
    return std::nullopt;
}

CauseInterval interval(const std::string& cause, std::vector<CauseParam> params,
                       const std::string& = {}) {
    CauseInterval c;
    c.cause = cause;
    c.kind = causeKindOf(cause).value_or(CauseKind::None);
    c.params = std::move(params);
    return c;
}

} // namespace

class TestInspectorPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { ui::installEnglishPlurals(QCoreApplication::instance()); }

    void englishPlurals() {
        // Installed twice: still one translator, and a later one (zh_CN) would win over it.
        ui::installEnglishPlurals(QCoreApplication::instance());
        QCOMPARE(QCoreApplication::translate("X", "%n Pod(s)", nullptr, 1), "1 Pod");
        QCOMPARE(QCoreApplication::translate("X", "%n Pod(s)", nullptr, 0), "0 Pods");
        QCOMPARE(QCoreApplication::translate("X", "%n Pod(s)", nullptr, 12), "12 Pods");
        QCOMPARE(QCoreApplication::translate("X", "no count (s)"), "no count (s)");
    }

    void formatClock_data() {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << 0.0 << "00:00.000";
        QTest::newRow("milliseconds") << 37.2346 << "00:37.235";
        QTest::newRow("rounds up to the minute") << 59.9996 << "01:00.000";
        QTest::newRow("minutes") << 125.0 << "02:05.000";
        QTest::newRow("past an hour") << 3723.4 << "1:02:03.400";
        QTest::newRow("negative") << -1.0 << "-00:01.000";
        QTest::newRow("a millisecond apart") << 4.313 << "00:04.313";
    }

    void formatClock() {
        QFETCH(double, seconds);
        QFETCH(QString, expected);
        QCOMPARE(ui::formatClock(seconds), expected);
    }

    void seriesRowAt() {
        Analysis a;
        for (double t : {100.0, 103.0, 110.5}) {
            SeriesRow row;
            row.time = t;
            row.active = static_cast<int32_t>(t);
            a.series.push_back(row);
        }
        const jobscope::Run run = runOfAnalysis(a, 100);
        QCOMPARE(jobscope::seriesRowAt(run, -0.5), nullptr);
        QCOMPARE(jobscope::seriesRowAt(run, 0)->active, 100);
        QCOMPARE(jobscope::seriesRowAt(run, 2.9)->active, 100);
        QCOMPARE(jobscope::seriesRowAt(run, 3)->active, 103);
        QCOMPARE(jobscope::seriesRowAt(run, 10.5)->active, 110);
        QCOMPARE(jobscope::seriesRowAt(run, 1e6)->active, 110);
        QCOMPARE(jobscope::seriesRowAt(jobscope::Run{}, 5), nullptr);
    }

    void causeExplanation_data() {
        QTest::addColumn<CauseInterval>("interval");
        QTest::addColumn<QString>("expected");
        QTest::newRow("remaining-completions")
            << interval("remaining-completions",
                        {{"remaining", 2, {}}, {"completions", 10, {}}, {"parallelism", 4, {}}})
            << "Only 2 completions left of 10, fewer than the parallelism of 4.";
        QTest::newRow("remaining-completions, one")
            << interval("remaining-completions",
                        {{"remaining", 1, {}}, {"completions", 3, {}}, {"parallelism", 3, {}}})
            << "Only 1 completion left of 3, fewer than the parallelism of 3.";
        QTest::newRow("work-queue-draining")
            << interval("work-queue-draining", {{"active", 3, {}}})
            << "A Pod has succeeded, so no new Pods start (work queue); waiting for 3 active "
               "Pods to finish.";
        QTest::newRow("controller-lag") << interval("controller-lag", {{"missing", 1, {}}})
                                        << "1 wanted Pod not yet created or not yet seen by "
                                           "the controller.";
        QTest::newRow("quota-exceeded")
            << interval("quota-exceeded", {{"quota", 2, {}}, {"refused", 17, {}}})
            << "The namespace quota allows 2 Pods; the API server refused 17 creations "
               "(exceeded quota).";
        QTest::newRow("creation-forbidden")
            << interval("creation-forbidden",
                        {{"refused", 4, {}}, {"message", 0, "pods is forbidden: no"}})
            << "4 Pod creations forbidden by the API server. It said: pods is forbidden: no";
        QTest::newRow("failure-backoff")
            << interval("failure-backoff", {{"failures", 2, {}}, {"delay", 20, {}}})
            << "2 failures since the last success; the controller waits 20 s more before it "
               "creates replacements (a backoff of 20 s).";
        QTest::newRow("failure-backoff, part of the wait left")
            << interval("failure-backoff",
                        {{"failures", 1, {}}, {"delay", 10, {}}, {"left", 9.24, {}}})
            << "1 failure since the last success; the controller waits 9.2 s more before it "
               "creates replacements (a backoff of 10 s).";
        QTest::newRow("failure-backoff per index")
            << interval("failure-backoff", {{"failures", 1, {}},
                                            {"delay", 10, {}},
                                            {"index", 2, {}},
                                            {"indexes", 2, {}},
                                            {"left", 4, {}}})
            << "Index 2 has failed 1 time; the controller waits 4 s more before it retries it "
               "(a backoff of 10 s). Indexes waiting for their backoff: 2.";
        QTest::newRow("creation-failed")
            << interval("creation-failed", {{"refused", 2, {}}, {"message", 0, "webhook"}})
            << "2 Pod creations failed with an API server error; the controller retries. It "
               "said: webhook";
        QTest::newRow("terminating")
            << interval("terminating", {{"terminating", 3, {}}}) << "3 Pods still terminating.";
        QTest::newRow("pending") << interval("pending", {{"pending", 1, {}}})
                                 << "1 Pod pending: created but not running yet.";
        QTest::newRow("suspended")
            << interval("suspended", {{"requested", 5, {}}})
            << "The Job is suspended; its parallelism of 5 waits for it to resume.";
        QTest::newRow("finished, complete")
            << interval("finished",
                        {{"condition", 0, "Complete"}, {"reason", 0, "CompletionsReached"}})
            << "The Job is complete (CompletionsReached). No new Pods start.";
        QTest::newRow("finished, failed")
            << interval("finished",
                        {{"condition", 0, "Failed"}, {"reason", 0, "BackoffLimitExceeded"}})
            << "The Job has failed (BackoffLimitExceeded). No new Pods start.";
        QTest::newRow("finished, deleted")
            << interval("finished", {{"condition", 0, "deleted"}}) << "The Job was deleted.";
        QTest::newRow("scaled-down")
            << interval("scaled-down", {{"surplus", 2, {}}, {"wantActive", 3, {}}})
            << "2 Pods above the target of 3 being removed.";
        QTest::newRow("missing params: what the cause means")
            << interval("quota-exceeded", {{"quota", 2, {}}},
                        "quota allows 2 Pods; 3 creations refused")
            << "The namespace's ResourceQuota refuses more Pods.";
    }

    void causeExplanation() {
        QFETCH(CauseInterval, interval);
        QFETCH(QString, expected);
        QCOMPARE(ui::causeExplanation(interval), expected);
    }

    void narrationOfTheQuotaGap() {
        const ExampleRun run = runExample("causes/quota-exceeded.yaml");
        const CauseInterval* quota = firstInterval(*run.analysis, "quota-exceeded");
        QVERIFY(quota);
        const auto refused = quota->param("refused");
        const auto limit = quota->param("quota");
        QVERIFY(refused && *refused > 0);
        QCOMPARE(limit.value_or(-1), 2.0);
        const auto time = timeInside(run, *quota);
        QVERIFY(time);
        const SeriesRow* row = jobscope::seriesRowAt(*run.run, *time);
        QVERIFY(row);

        const QString text = ui::narrationAt(*run.run, *time);
        QVERIFY2(text.startsWith(QStringLiteral("At %1: %2 of 6 requested Pods run")
                                     .arg(ui::formatClock(*time))
                                     .arg(row->running)),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("The namespace quota allows 2 Pods; the API server "
                                              "refused %1 creation")
                                   .arg(*refused)),
                 qPrintable(text));
        // The primary cause comes first.
        const Moment moment = momentAt(*run.run, *time);
        QVERIFY(!moment.causes.empty());
        QVERIFY(moment.causes.front().primary);
        const QString primary = ui::causeExplanation(moment.causes.front());
        QVERIFY2(text.indexOf(primary) > 0, qPrintable(text));
    }

    void narrationBeforeTheJob() {
        const ExampleRun run = runExample("causes/quota-exceeded.yaml");
        QCOMPARE(ui::narrationAt(*run.run, -1),
                 "At -00:01.000: the Job has not been observed yet.");
    }

    void inspectorShowsTheRowAtTheTime() {
        const ExampleRun run = runExample("causes/quota-exceeded.yaml");
        InspectorPanel panel;
        panel.setRun(run.run);
        const auto time = timeInside(run, *firstInterval(*run.analysis, "quota-exceeded"));
        QVERIFY(time);
        panel.setTime(*time);
        const SeriesRow* row = jobscope::seriesRowAt(*run.run, *time);
        const QString status = panel.statusText();
        QVERIFY2(status.contains(QStringLiteral("Requested (parallelism): %1").arg(row->requested)),
                 qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("\nActive: %1\n").arg(row->active)),
                 qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("Controller's target: %1").arg(row->wantActive)),
                 qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("Causes: quota exceeded")) ||
                     status.contains(QStringLiteral("quota")),
                 qPrintable(status));
        QCOMPARE(panel.narration(), ui::narrationAt(*run.run, *time));

        // What the user sees: the labels hold the same numbers.
        bool shown = false;
        for (QLabel* label : panel.findChildren<QLabel*>())
            shown = shown || label->text() == panel.narration();
        QVERIFY(shown);

        // Moving the playhead changes what is shown.
        panel.setTime(0);
        QVERIFY(panel.narration().startsWith("At 00:00.000:"));
    }

    void inspectorShowsTheFinishedJobsCondition() {
        const ExampleRun run = runExample("patterns/fixed-count-nonindexed.yaml");
        InspectorPanel panel;
        panel.setRun(run.run);
        // The interval in which the Job shows its Complete condition.
        const CauseInterval* complete = nullptr;
        for (const CauseInterval& c : run.analysis->causes)
            if (c.kind == CauseKind::Finished && c.textParam("condition") == "Complete")
                complete = &c;
        QVERIFY(complete);
        panel.setTime(complete->start - run.origin);
        QVERIFY2(panel.statusText().contains("Complete (CompletionsReached)"),
                 qPrintable(panel.statusText()));
        // The very end shows the last change's condition too.
        panel.setTime(run.run->end);
        QVERIFY2(panel.statusText().contains("Complete (CompletionsReached)"),
                 qPrintable(panel.statusText()));
        QVERIFY2(panel.narration().contains("The Job is complete"), qPrintable(panel.narration()));
        panel.setTime(0.5);
        QVERIFY2(panel.statusText().contains("Conditions: none"), qPrintable(panel.statusText()));
    }

    void inspectorShowsTheSelectedPod() {
        const ExampleRun run = runExample("causes/failure-backoff.yaml");
        int failedPod = -1;
        for (size_t i = 0; i < run.analysis->pods.size(); ++i)
            if (run.analysis->pods[i].exitCode.value_or(0) == 1) {
                failedPod = static_cast<int>(i);
                break;
            }
        QVERIFY(failedPod >= 0);
        const PodLifecycle& pod = run.analysis->pods[static_cast<size_t>(failedPod)];

        InspectorPanel panel;
        panel.setRun(run.run);
        QVERIFY(panel.podText().contains("Click a Pod"));
        panel.setSelectedPod(failedPod);
        QVERIFY(pod.finished);
        panel.setTime(*pod.finished - run.origin + 0.01);
        const QString text = panel.podText();
        QVERIFY2(text.contains(QStringLiteral("Name: %1").arg(QString::fromStdString(pod.name))),
                 qPrintable(text));
        QVERIFY2(text.contains("Exit code: 1"), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Completion index: %1").arg(pod.index)),
                 qPrintable(text));
        QVERIFY2(text.contains("Failed, exit code 1"), qPrintable(text));

        // Before the Pod existed.
        panel.setTime(pod.created - run.origin - 0.5);
        QVERIFY2(panel.podText().contains("not created yet"), qPrintable(panel.podText()));

        // Out of range: no selection.
        panel.setSelectedPod(100000);
        QVERIFY(panel.podText().contains("Click a Pod"));
    }

    void languageChangeRebuildsTheTexts() {
        const ExampleRun run = runExample("causes/quota-exceeded.yaml");
        InspectorPanel panel;
        panel.setRun(run.run);
        panel.setTime(5);
        const QString before = panel.narration();
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&panel, &change);
        QCOMPARE(panel.narration(), before);
        QCOMPARE(panel.accessibleName(), QStringLiteral("Inspector"));
    }

    void emptyPanel() {
        InspectorPanel panel;
        QVERIFY(panel.narration().contains("Open a Job manifest"));
        panel.setTime(3);
        panel.setSelectedPod(0);
        QVERIFY(panel.podText().contains("Click a Pod"));
    }

    // The selection follows the Pod's name: a re-run keeps it, another file does not
    // inherit the position.
    void selectionFollowsThePodAcrossRuns() {
        const ExampleRun first = runExample("causes/quota-exceeded.yaml");
        InspectorPanel panel;
        panel.setRun(first.run);
        panel.setTime(5);
        panel.setSelectedPod(1);
        const QString name = QString::fromStdString(first.analysis->pods[1].name);
        QVERIFY(panel.podText().contains(name));
        panel.setRun(runExample("causes/quota-exceeded.yaml").run); // the same scenario again
        QVERIFY(panel.podText().contains(name));
        panel.setRun(runExample("causes/controller-lag.yaml").run);
        QVERIFY2(panel.podText().contains("Click a Pod"), qPrintable(panel.podText()));
        QCOMPARE(jobscope::podIndexNamed(*first.run, first.analysis->pods[1].name), 1);
        QCOMPARE(jobscope::podIndexNamed(*first.run, "no-such-pod"), -1);
    }

    void render() {
        // Not an assertion: a picture of the panel for a person to look at.
        const QString dir = qEnvironmentVariable("JOBSCOPE_SHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set JOBSCOPE_SHOT_DIR to write a picture of the panel");
        const ExampleRun run = runExample("causes/quota-exceeded.yaml");
        InspectorPanel panel;
        panel.resize(1100, 420);
        panel.setRun(run.run);
        panel.setTime(*timeInside(run, *firstInterval(*run.analysis, "quota-exceeded")) + 5);
        panel.setSelectedPod(1);
        panel.show();
        QVERIFY(panel.grab().save(dir + "/inspector.png"));
    }
};

QTEST_MAIN(TestInspectorPanel)
#include "tst_inspector_panel.moc"
