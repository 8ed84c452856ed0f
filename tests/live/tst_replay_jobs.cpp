// SPDX-License-Identifier: GPL-3.0-or-later
// A recording of several Jobs: played back one (the first, as before), every one, or those a
// label selector matches, each Job's timeline the same as from a recording of it alone.

#include "live/label_selector.h"
#include "live/recording.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace jobscope;
using namespace jobscope::live;

namespace {

const QStringList kRecordings{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c1")};

// One watch folder holding recordings a, b and c1 (three Jobs of three namespaces, a minute
// apart): each recording's streams copied as watch-KIND-NAME.jsonl, merged on their "ts".
bool makeFolder(const QString& folder) {
    for (const QString& name : kRecordings)
        for (const char* kind : {"jobs", "pods", "events"}) {
            const QString from =
                QDir(test::recordingsDir())
                    .filePath(QStringLiteral("%1/watch-%2.jsonl").arg(name, QLatin1String(kind)));
            const QString to = QDir(folder).filePath(
                QStringLiteral("watch-%1-%2.jsonl").arg(QLatin1String(kind), name));
            if (!QFile::copy(from, to))
                return false;
        }
    return true;
}

} // namespace

class TestReplayJobs : public QObject {
    Q_OBJECT

private slots:
    void selectorMatches_data();
    void selectorMatches();
    void selectorRefused_data();
    void selectorRefused();
    void firstJobByDefault();
    void everyJobAsAlone();
    void selectedJobs_data();
    void selectedJobs();
    void noJobMatches();
};

void TestReplayJobs::selectorMatches_data() {
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matches");
    // Labels: app=batch, tier=nightly, job-name=job-a.
    QTest::newRow("empty selects all") << "" << true;
    QTest::newRow("equality") << "app=batch" << true;
    QTest::newRow("double equals") << "app==batch" << true;
    QTest::newRow("equality fails") << "app=web" << false;
    QTest::newRow("not equals") << "app!=web" << true;
    QTest::newRow("not equals, absent key") << "owner!=me" << true;
    QTest::newRow("every requirement") << "app=batch, tier=nightly" << true;
    QTest::newRow("one of two fails") << "app=batch,tier=hourly" << false;
    QTest::newRow("in") << "tier in (hourly, nightly)" << true;
    QTest::newRow("in fails") << "tier in (hourly)" << false;
    QTest::newRow("notin") << "tier notin (hourly)" << true;
    QTest::newRow("notin, absent key") << "owner notin (me)" << true;
    QTest::newRow("exists") << "job-name" << true;
    QTest::newRow("exists fails") << "owner" << false;
    QTest::newRow("does not exist") << "!owner" << true;
    QTest::newRow("does not exist fails") << "!app" << false;
    QTest::newRow("prefixed key") << "example.com/team!=x" << true;
}

void TestReplayJobs::selectorMatches() {
    QFETCH(QString, selector);
    QFETCH(bool, matches);
    QString error;
    const auto parsed = live::LabelSelector::parse(selector, &error);
    QVERIFY2(parsed, qPrintable(error));
    const QJsonObject labels{{"app", "batch"}, {"tier", "nightly"}, {"job-name", "job-a"}};
    QCOMPARE(parsed->matches(labels), matches);
}

void TestReplayJobs::selectorRefused_data() {
    QTest::addColumn<QString>("selector");
    QTest::addColumn<int>("column");
    QTest::newRow("no key") << "=x" << 1;
    QTest::newRow("two words") << "app batch" << 5;
    QTest::newRow("unclosed set") << "tier in (a, b" << 14;
    QTest::newRow("set without parenthesis") << "tier in a" << 9;
    QTest::newRow("bad value") << "app=-x" << 5;
    QTest::newRow("trailing comma") << "app=x," << 7;
}

void TestReplayJobs::selectorRefused() {
    QFETCH(QString, selector);
    QFETCH(int, column);
    QString error;
    QVERIFY(!live::LabelSelector::parse(selector, &error));
    QVERIFY2(error.contains(QStringLiteral("at character %1").arg(column)), qPrintable(error));
}

void TestReplayJobs::firstJobByDefault() {
    QTemporaryDir dir;
    QVERIFY(makeFolder(dir.path()));
    QString error;
    const auto recording = RecordingLoader::load(dir.path(), &error);
    QVERIFY2(recording, qPrintable(error));
    QCOMPARE(recording->jobName, QStringLiteral("job-a"));
    QVERIFY(recording->jobs.empty());
}

// Every Job, in the order first seen, each timeline as from its own recording.
void TestReplayJobs::everyJobAsAlone() {
    QTemporaryDir dir;
    QVERIFY(makeFolder(dir.path()));
    QString error;
    JobSelection every;
    every.every = true;
    const auto recording = RecordingLoader::load(dir.path(), &error, kMaxRecordingFileBytes, every);
    QVERIFY2(recording, qPrintable(error));
    QCOMPARE(recording->jobs.size(), std::size_t(3));
    for (std::size_t i = 0; i < 3; ++i) {
        const Timeline& together = recording->jobs[i];
        const auto alone = RecordingLoader::load(
            QDir(test::recordingsDir()).filePath(kRecordings[int(i)]), &error);
        QVERIFY2(alone, qPrintable(error));
        QCOMPARE(QString::fromStdString(together.jobMetadata.name), alone->jobName);
        QCOMPARE(together.start, alone->timeline.start);
        QCOMPARE(together.pods.size(), alone->timeline.pods.size());
        QCOMPARE(together.podChanges.size(), alone->timeline.podChanges.size());
        QCOMPARE(together.jobChanges.size(), alone->timeline.jobChanges.size());
        QCOMPARE(together.events.size(), alone->timeline.events.size());
        for (std::size_t c = 0; c < together.podChanges.size(); ++c)
            QCOMPARE(together.podChanges[c].time, alone->timeline.podChanges[c].time);
    }
    QCOMPARE(QString::fromStdString(recording->timeline.jobMetadata.name), QStringLiteral("job-a"));
}

void TestReplayJobs::selectedJobs_data() {
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QStringList>("jobs");
    QTest::newRow("one by name") << "job-name=job-b" << QStringList{"job-b"};
    QTest::newRow("two of three") << "job-name in (job-c1, job-a)"
                                  << QStringList{"job-a", "job-c1"};
    QTest::newRow("all but one") << "job-name!=job-a" << QStringList{"job-b", "job-c1"};
    QTest::newRow("a label every Job has")
        << "batch.kubernetes.io/job-name" << QStringList{"job-a", "job-b", "job-c1"};
}

void TestReplayJobs::selectedJobs() {
    QFETCH(QString, selector);
    QFETCH(QStringList, jobs);
    QTemporaryDir dir;
    QVERIFY(makeFolder(dir.path()));
    QString error;
    JobSelection selection;
    selection.labelSelector = selector;
    const auto recording =
        RecordingLoader::load(dir.path(), &error, kMaxRecordingFileBytes, selection);
    QVERIFY2(recording, qPrintable(error));
    QStringList names;
    for (const Timeline& t : recording->jobs)
        names << QString::fromStdString(t.jobMetadata.name);
    QCOMPARE(names, jobs);
    QCOMPARE(recording->jobName, jobs.first());
}

void TestReplayJobs::noJobMatches() {
    QTemporaryDir dir;
    QVERIFY(makeFolder(dir.path()));
    QString error;
    JobSelection selection;
    selection.labelSelector = QStringLiteral("job-name=job-z");
    QVERIFY(!RecordingLoader::load(dir.path(), &error, kMaxRecordingFileBytes, selection));
    QVERIFY2(error.contains(QStringLiteral("no Job of the recording matches the label selector "
                                           "'job-name=job-z' (it holds job-a, job-b, job-c1)")),
             qPrintable(error));
    selection.labelSelector = QStringLiteral("job-name in job-a");
    QVERIFY(!RecordingLoader::load(dir.path(), &error, kMaxRecordingFileBytes, selection));
    QVERIFY2(error.contains(QStringLiteral("is not valid")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestReplayJobs)
#include "tst_replay_jobs.moc"
