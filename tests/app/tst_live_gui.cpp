// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's live mode (watching, recording and replay) against the in-process fake
// API server replaying a real control-plane recording (tests/data/recordings/a: a Job running
// waves of 3 Pods). The Pod events arrive one by one, as on
// a cluster; the window shows the data as it grows, the badge says connected, the playhead
// follows the newest time until the user scrubs back (the data keeps growing), End follows
// again, and a recording made mid-way replays to the same Pods. Stopping logs no Qt warning.
// A folder of kubectl watch streams opens through Open Recording Folder…; in live and replay
// mode the knob panel hides the previous scenario's values.

#include "live/fake_api_server.h"

#include "editor/editor_panel.h"
#include "editor/knob_panel.h"
#include "gui/job_document.h"
#include "gui/live_controller.h"
#include "gui/main_window.h"
#include "gui/playback_controller.h"
#include "live/live_session.h"
#include "live/recording.h"
#include "live/status_badge.h"
#include "plot/timeline_plot.h"
#include "support/test_paths.h"
#include "support/watch_recording.h"

#include <qcustomplot.h>

#include <QAction>
#include <QComboBox>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using jobscope::live::KubeConnection;
using jobscope::live::LiveSession;
using jobscope::live::LiveState;
using jobscope::test::FakeApiServer;
using jobscope::test::FakeExchangePtr;
using jobscope::ui::MainWindow;
using jobscope::ui::TimelinePlot;

namespace {

// The recorded watch events of one resource, in order.

QJsonObject metadataOf(const QJsonObject& event) {
    return event.value("object").toObject().value("metadata").toObject();
}

int plottedPoints(const TimelinePlot* plot) {
    return plot->graph(TimelinePlot::Series::Active)->data()->size();
}

// The knob panel shows no values: its knobs are hidden and a note says why.
void verifyKnobsHidden(const MainWindow& window) {
    const jobscope::ui::KnobPanel* knobs = window.editor()->knobPanel();
    for (const QString& key : knobs->keys()) {
        QVERIFY2(knobs->knob(key)->isHidden(), qPrintable(key));
        QVERIFY2(!knobs->knob(key)->isEnabled(), qPrintable(key));
        QVERIFY2(knobs->label(key)->isHidden(), qPrintable(key));
    }
    const auto* note = knobs->findChild<QLabel*>(QStringLiteral("knobNote"));
    QVERIFY(note && !note->isHidden() && note->text().contains("no knobs"));
}

int livePods(const MainWindow& window) {
    const auto result = window.document()->result();
    return result ? int(result->analysis.pods.size()) : -1;
}

// A cluster where one Job runs: the Job's first event at once, then one recorded Pod or Event
// watch event every kStepMs (released by the test), then the rest of the Job's events.
class FakeCluster {
public:
    static constexpr int kStepMs = 20;

    explicit FakeCluster(const QString& dir)
        : jobs_(jobscope::test::readWatchEvents(dir + "/watch-jobs.jsonl")),
          pods_(jobscope::test::readWatchEvents(dir + "/watch-pods.jsonl")),
          events_(jobscope::test::readWatchEvents(dir + "/watch-events.jsonl")) {
        server_.setHandler([this](const FakeExchangePtr& exchange) { answer(exchange); });
        feed_.setInterval(kStepMs);
        QObject::connect(&feed_, &QTimer::timeout, [this] { step(); });
    }

    bool listen() { return server_.listen(); }
    QString url() const { return server_.url(); }
    QString jobName() const { return metadataOf(jobs_.first()).value("name").toString(); }
    QString namespaceName() const {
        return metadataOf(jobs_.first()).value("namespace").toString();
    }
    bool allSent() const { return sentRest_; }
    // Starts releasing the Pod and Event stream once all three watches are open.
    void release() { feed_.start(); }

private:
    void answer(const FakeExchangePtr& exchange) {
        const auto& request = exchange->request();
        if (!request.path.startsWith("/api")) {
            exchange->respondStatus(404, "NotFound", "no such path");
            return;
        }
        if (!request.isWatch()) { // everything happens after the list
            exchange->respondJson(200, jobscope::test::fakeList("1", {}));
            return;
        }
        exchange->beginStream();
        if (request.path.endsWith("/jobs")) {
            if (!jobStream_) {
                exchange->event(jobs_.first().value("type").toString(),
                                jobs_.first().value("object").toObject());
                jobStream_ = exchange;
            }
        } else if (request.path.endsWith("/pods")) {
            podStream_ = exchange;
        } else if (request.path.endsWith("/events")) {
            eventStream_ = exchange;
        }
        open_ << exchange; // a reconnect gets a quiet stream
    }

    void step() {
        if (!jobStream_ || !podStream_ || !eventStream_)
            return;
        if (nextPod_ < pods_.size()) {
            const QJsonObject& e = pods_[nextPod_++];
            podStream_->event(e.value("type").toString(), e.value("object").toObject());
            // The Events interleave with the Pods, spread over the same stretch.
            while (nextEvent_ < events_.size() &&
                   nextEvent_ * pods_.size() < nextPod_ * events_.size()) {
                const QJsonObject& ev = events_[nextEvent_++];
                eventStream_->event(ev.value("type").toString(), ev.value("object").toObject());
            }
            return;
        }
        for (const QJsonObject& e : jobs_.mid(1))
            jobStream_->event(e.value("type").toString(), e.value("object").toObject());
        sentRest_ = true;
        feed_.stop();
    }

    QList<QJsonObject> jobs_, pods_, events_;
    FakeApiServer server_;
    QTimer feed_;
    FakeExchangePtr jobStream_, podStream_, eventStream_;
    QList<FakeExchangePtr> open_;
    qsizetype nextPod_ = 0, nextEvent_ = 0;
    bool sentRest_ = false;
};

} // namespace

class TestLiveGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(settingsDir_.isValid());
        // The test answers Qt's own file dialog (a platform one could not be driven).
        QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        QCoreApplication::setOrganizationName(QStringLiteral("JobScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_live_gui"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    }

    void recordingNeedsASession() {
        MainWindow window;
        QVERIFY(!window.recordAction()->isEnabled());
        QVERIFY(window.recordAction()->toolTip().contains("Connect"));
        QVERIFY(window.statusBadge()->isHidden());
        QString error;
        QTemporaryDir dir;
        QVERIFY(!window.liveController()->startRecording(dir.filePath("t.jsonl"), &error));
        QVERIFY(error.contains("connect"));
        QVERIFY(!QFile::exists(dir.filePath("t.jsonl")));
    }

    void watchesFollowsAndRecords() {
        // Stopping aborts the watch streams: none may be read after that.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
        FakeCluster cluster(jobscope::test::recordingsDir() + "/a");
        QVERIFY(cluster.listen());
        KubeConnection connection;
        connection.server = cluster.url();
        connection.namespaceName = cluster.namespaceName();
        connection.token = QStringLiteral("JSSECRET-gui-token"); // see support/secret_audit.sh
        auto session = std::make_unique<LiveSession>(connection, cluster.jobName());
        jobscope::live::WatchOptions tuning;
        tuning.initialBackoffSeconds = 0.02;
        session->setWatchTuning(tuning);

        MainWindow window;
        window.resize(1280, 800);
        QVERIFY(window.openFile(MainWindow::defaultExample()));
        window.document()->waitForIdle();
        auto* live = window.liveController();
        auto* playback = window.playback();
        auto* plot = window.timelinePlot();
        window.startLive(std::move(session));

        // Connected, shown in the status bar; the previous file's plot is gone.
        QTRY_COMPARE(window.statusBadge()->state(), LiveState::Connected);
        QVERIFY(!window.statusBadge()->isHidden());
        QCOMPARE(window.statusBadge()->text(), QStringLiteral("live"));
        QVERIFY(window.document()->isLive());
        QVERIFY(window.document()->isReadOnly());
        QVERIFY(window.recordAction()->isEnabled());
        verifyKnobsHidden(window); // not the example's quota and parallelism
        QVERIFY(live->isFollowing());
        cluster.release();

        // Data arrives and is plotted; the playhead sits at the newest time.
        QTRY_VERIFY(livePods(window) >= 3);
        QTRY_VERIFY(plottedPoints(plot) > 0);
        QCOMPARE(playback->time(), playback->end());
        const double firstEnd = playback->end();
        QTRY_VERIFY(playback->end() > firstEnd);
        QCOMPARE(playback->time(), playback->end());
        QVERIFY(plot->playhead() > 0);

        // Scrubbing back stops following; the capture goes on.
        const double scrubbedTo = playback->end() / 2;
        playback->setTime(scrubbedTo);
        QVERIFY(!live->isFollowing());
        const int podsWhenScrubbed = livePods(window);
        const double endWhenScrubbed = playback->end();
        QTRY_VERIFY(playback->end() > endWhenScrubbed);
        QVERIFY(livePods(window) >= podsWhenScrubbed);
        QCOMPARE(playback->time(), scrubbedTo);
        QVERIFY(!live->isFollowing());

        // Recording starts mid-way: it holds the session so far and everything after.
        QTemporaryDir dir;
        const QString tracePath = dir.filePath("a.jsonl");
        QVERIFY(live->startRecording(tracePath));
        QVERIFY(!window.recordAction()->isEnabled());

        // End follows again.
        playback->jumpToEnd();
        QVERIFY(live->isFollowing());
        QTRY_VERIFY(cluster.allSent());
        QTRY_VERIFY(window.liveController()->session()->jobDone());
        // The last analysis shows what the builder holds.
        QTRY_COMPARE(livePods(window), int(live->builder().timeline().pods.size()));
        QTRY_COMPARE(playback->time(), playback->end());
        // The text pane shows the Job as last reported (its final status) and its Events,
        // read-only, and the document stays unmodified.
        QTRY_VERIFY(window.editor()->textEdit()->toPlainText().contains("type: Complete"));
        const QString text = window.editor()->textEdit()->toPlainText();
        QVERIFY2(text.startsWith("# Job " + cluster.namespaceName() + "/" + cluster.jobName()),
                 qPrintable(text.left(200)));
        QVERIFY(text.contains("\nkind: Job\n"));
        QVERIFY(text.contains("# Events of the Job and its Pods"));
        QVERIFY2(text.contains("SuccessfulCreate"), qPrintable(text.right(400)));
        QVERIFY(window.editor()->textEdit()->isReadOnly());
        QVERIFY(!window.document()->isModified());
        const QString shot = qEnvironmentVariable("JOBSCOPE_SHOT_DIR");
        if (!shot.isEmpty())
            window.grab().save(shot + "/live_window.png");

        live->stopRecording();
        QVERIFY(!live->isRecording());
        QString error;
        const auto replayed = jobscope::live::loadRecording(tracePath, &error);
        QVERIFY2(replayed, qPrintable(error));
        QCOMPARE(int(replayed->pods.size()), livePods(window));
        QCOMPARE(live->recordedCount(), live->observationCount());

        // Disconnect: stopped, the Job stays shown, nothing left to record.
        const int podsShown = livePods(window);
        live->stop();
        QCOMPARE(window.statusBadge()->state(), LiveState::Stopped);
        QVERIFY(window.statusBadge()->text().startsWith("stopped"));
        QVERIFY(!window.statusBadge()->isHidden());
        QVERIFY(!window.recordAction()->isEnabled());
        QCOMPARE(livePods(window), podsShown);

        // Opening a file leaves live mode.
        QVERIFY(window.openFile(MainWindow::defaultExample()));
        QVERIFY(!window.document()->isLive());
        QVERIFY(window.statusBadge()->isHidden());
    }

    // A session of every Job of a namespace: Job a is there from the start, Job b is created
    // while watching (as a CronJob's would be). Both are shown together and each on its own, the
    // text pane holds both, and a recording made in the window replays to both.
    void followsEveryJobOfANamespace() {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
        QList<QJsonObject> streams[2][3];
        int podsOf[2] = {0, 0};
        const char* names[] = {"a", "b"};
        for (int job = 0; job < 2; ++job) {
            const QString folder = jobscope::test::recordingsDir() + "/" + names[job];
            int i = 0;
            for (const char* file : {"/watch-jobs.jsonl", "/watch-pods.jsonl", "/watch-events.jsonl"})
                streams[job][i++] = jobscope::test::readWatchEvents(folder + file);
            QString error;
            const auto alone = jobscope::live::loadRecording(folder, &error);
            QVERIFY2(alone, qPrintable(error));
            podsOf[job] = int(alone->pods.size());
        }
        FakeApiServer server;
        QVERIFY(server.listen());
        FakeExchangePtr open[3];
        const auto send = [&](int job) {
            for (int i = 0; i < 3; ++i)
                for (const QJsonObject& e : streams[job][i])
                    open[i]->event(e.value("type").toString(), e.value("object").toObject());
        };
        server.setHandler([&](const FakeExchangePtr& exchange) {
            const auto& request = exchange->request();
            if (!request.isWatch()) {
                exchange->respondJson(200, jobscope::test::fakeList("1", {}));
                return;
            }
            exchange->beginStream();
            if (request.value("resourceVersion") != "1")
                return; // a reconnect gets a quiet stream
            const int i = request.path.endsWith("/jobs") ? 0 : request.path.endsWith("/pods") ? 1 : 2;
            open[i] = exchange;
            if (open[0] && open[1] && open[2])
                send(0);
        });
        KubeConnection connection;
        connection.server = server.url();
        connection.namespaceName = QStringLiteral("batch");
        auto session = std::make_unique<LiveSession>(connection, QString());
        QVERIFY(session->followsNamespace());

        MainWindow window;
        window.resize(1280, 800);
        auto* live = window.liveController();
        window.startLive(std::move(session));
        QCOMPARE(window.document()->displayName(), QStringLiteral("every Job (live, batch)"));
        QTRY_COMPARE(live->jobCount(), 1);
        QTRY_COMPARE(livePods(window), podsOf[0]);
        QCOMPARE(window.document()->result()->summary.jobs, 1);

        // Job b appears: it joins with everything it holds, beside a.
        QTemporaryDir dir;
        const QString tracePath = dir.filePath("batch.jsonl");
        QVERIFY(live->startRecording(tracePath));
        send(1);
        QTRY_COMPARE(live->jobCount(), 2);
        QTRY_COMPARE(livePods(window), podsOf[0] + podsOf[1]);
        QTRY_COMPARE(window.document()->result()->summary.jobs, 2);
        QCOMPARE(window.document()->result()->jobs.size(), std::size_t(2));
        QTRY_VERIFY(!window.document()->isBusy());
        auto* chooser = window.findChild<QComboBox*>(QStringLiteral("jobCombo"));
        QVERIFY(chooser);
        QTRY_COMPARE(chooser->count(), 3);
        QCOMPARE(chooser->itemText(1), QStringLiteral("job-a"));
        QCOMPARE(chooser->itemText(2), QStringLiteral("job-b"));
        window.showJob(QStringLiteral("job-b"));
        QCOMPARE(chooser->currentIndex(), 2);
        // Job b alone asks for its own parallelism, 4 (with a: 3 more while a ran).
        const auto requested = window.timelinePlot()->graph(TimelinePlot::Series::Requested)->data();
        double most = 0;
        for (auto point = requested->constBegin(); point != requested->constEnd(); ++point)
            most = std::max(most, point->value);
        QCOMPARE(most, 4.0);
        QTRY_VERIFY(window.editor()->textEdit()->toPlainText().contains("type: Complete"));
        const QString text = window.editor()->textEdit()->toPlainText();
        QVERIFY2(text.contains("# Job scenario-a-") && text.contains("# Job scenario-b-"),
                 qPrintable(text.left(300)));

        live->stopRecording();
        jobscope::live::JobSelection every;
        every.every = true;
        QString error;
        const auto replayed = jobscope::live::RecordingLoader::load(
            tracePath, &error, jobscope::kMaxRecordingFileBytes, every);
        QVERIFY2(replayed, qPrintable(error));
        QCOMPARE(replayed->jobs.size(), std::size_t(2));
        QCOMPARE(int(replayed->jobs[1].pods.size()), podsOf[1]);
        live->stop();
        QCOMPARE(window.statusBadge()->state(), LiveState::Stopped);
    }

    // Live › Open Recording Folder…: a folder of kubectl watch streams opens like a trace; the
    // knobs of the scenario shown before are hidden, and come back with the next scenario.
    void opensARecordingFolder() {
        const QString folder = jobscope::test::recordingsDir() + "/d";
        MainWindow window;
        window.resize(1280, 800);
        QVERIFY(window.openFile(MainWindow::defaultExample()));
        window.document()->waitForIdle();
        const jobscope::ui::KnobPanel* knobs = window.editor()->knobPanel();
        QVERIFY(!knobs->knob("parallelism")->isHidden());
        QVERIFY(knobs->knob("parallelism")->isEnabled());

        // Both ways to open a recording are offered (Open Recording… was once greyed out).
        auto* fileAction = window.findChild<QAction*>(QStringLiteral("openRecording"));
        QVERIFY(fileAction && fileAction->isEnabled());
        auto* action = window.findChild<QAction*>(QStringLiteral("openRecordingFolder"));
        QVERIFY(action && action->isEnabled());
        QVERIFY(action->text().remove(QLatin1Char('&')).contains("Recording Folder"));
        // Answer the folder dialog as a user would: choose the folder, press Choose.
        bool answered = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            QVERIFY(dialog->fileMode() == QFileDialog::Directory);
            dialog->setDirectory(QFileInfo(folder).absolutePath());
            dialog->selectFile(folder);
            answered = true;
            QMetaObject::invokeMethod(dialog, "accept"); // a protected slot
        });
        action->trigger();
        QVERIFY(answered);
        window.document()->waitForIdle();
        QCOMPARE(window.document()->kind(), jobscope::ui::JobDocument::Kind::Trace);
        QCOMPARE(QFileInfo(window.document()->filePath()).canonicalFilePath(),
                 QFileInfo(folder).canonicalFilePath());
        QString error;
        const auto replayed = jobscope::live::loadRecording(folder, &error);
        QVERIFY2(replayed, qPrintable(error));
        QCOMPARE(livePods(window), int(replayed->pods.size()));
        verifyKnobsHidden(window);

        QVERIFY(window.openFile(MainWindow::defaultExample()));
        window.document()->waitForIdle();
        QTRY_VERIFY(!knobs->knob("parallelism")->isHidden()); // read on a worker
        QVERIFY(knobs->knob("parallelism")->isEnabled());
        QVERIFY(knobs->findChild<QLabel*>(QStringLiteral("knobNote"))->isHidden());
    }

private:
    QTemporaryDir settingsDir_;
};

QTEST_MAIN(TestLiveGui)
#include "tst_live_gui.moc"
