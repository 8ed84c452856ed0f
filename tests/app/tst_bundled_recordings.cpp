// SPDX-License-Identifier: GPL-3.0-or-later
// The recordings the app carries (resources/recordings/*.jsonl, JobScope traces) are the
// recorded fixtures of tests/data/recordings in the trace format: each replays to the same
// analysis as its kubectl watch folder. File › Open Example offers every one of them under
// "Recorded on a Real Cluster" with a title that describes the Job (in English and Chinese)
// and its calibrated simulation; it opens as a recording, not as a simulation.
//
// JOBSCOPE_WRITE_RECORDINGS=1 writes the traces into the source tree from the watch folders
// (run once after a fixture or the trace format changes, then rebuild).

#include "analysis/analysis.h"
#include "gui/example_catalog.h"
#include "gui/job_document.h"
#include "gui/language.h"
#include "live/kubectl_import.h"
#include "live/recording.h"
#include "live/trace.h"
#include "run/run.h"
#include "support/series_compare.h"
#include "support/test_paths.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace jobscope;
using namespace jobscope::live;
using jobscope::ui::ExampleEntry;
using jobscope::ui::ExampleGroup;
using jobscope::ui::JobDocument;

namespace {

// Each bundled trace and the fixture folder it was made from.
struct Bundled {
    const char* file;
    const char* fixture;
};
constexpr Bundled kBundled[] = {
    {"ten-completions-three-at-a-time.jsonl", "a"},
    {"work-queue-of-four-pods.jsonl", "b"},
    {"quota-of-two-pods.jsonl", "d"},
    {"suspended-then-resumed.jsonl", "e2"},
};
// The recording of a namespace: ten copies of fixture a, 2 s apart, served by
// scripts/fake-apiserver.py --copies 10 --stagger 2 and recorded by `jobscope record --all-jobs`
// (in real time, so it is made once, not by JOBSCOPE_WRITE_RECORDINGS).
constexpr const char* kNamespaceRecording = "ten-jobs-two-seconds-apart.jsonl";

QString fixtureFolder(const char* fixture) {
    return test::recordingsDir() + QLatin1Char('/') + QLatin1String(fixture);
}

// What the trace header says of a watch folder: the Job's namespace and name, and the receive
// time of the first event as the start of the recording.
bool writeTrace(const QString& folder, const QString& path, QString* error) {
    const auto imported = KubectlImporter::importFolder(folder, error);
    if (!imported)
        return false;
    TraceHeader header;
    for (const Observation& o : imported->observations) {
        if (o.kind != ObjectKind::Job)
            continue;
        const QJsonObject metadata = o.object.value(QLatin1String("metadata")).toObject();
        header.jobNamespace = metadata.value(QLatin1String("namespace")).toString();
        header.job = metadata.value(QLatin1String("name")).toString();
        break;
    }
    if (!imported->observations.empty())
        header.recordedAt =
            QDateTime::fromMSecsSinceEpoch(
                qint64(std::llround(imported->observations.front().receivedAt * 1000)), Qt::UTC)
                .toString(Qt::ISODateWithMs);
    TraceWriter writer;
    if (!writer.open(path, header, error))
        return false;
    for (const Observation& o : imported->observations)
        if (!writer.append(o, error))
            return false;
    writer.close();
    return true;
}

const ExampleGroup& realGroup() {
    for (const ExampleGroup& group : ui::exampleGroups())
        if (group.folder == QLatin1String("real"))
            return group;
    qFatal("no \"real\" example group");
}

QVector<ExampleEntry> recordingEntries() {
    QVector<ExampleEntry> out;
    for (const ExampleEntry& entry : realGroup().entries)
        if (entry.recording)
            out << entry;
    return out;
}

} // namespace

class TestBundledRecordings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!qEnvironmentVariableIsSet("JOBSCOPE_WRITE_RECORDINGS"))
            return;
        const QDir target(test::sourceDir() + QStringLiteral("/resources/recordings"));
        QVERIFY(target.mkpath(QStringLiteral(".")));
        for (const Bundled& b : kBundled) {
            QString error;
            QVERIFY2(writeTrace(fixtureFolder(b.fixture), target.filePath(QLatin1String(b.file)),
                                &error),
                     qPrintable(error));
        }
        qInfo("wrote %d traces to %s; rebuild to bundle them", int(std::size(kBundled)),
              qPrintable(target.path()));
    }

    void replaysLikeItsFixture_data() {
        QTest::addColumn<QString>("bundled");
        QTest::addColumn<QString>("fixture");
        for (const Bundled& b : kBundled)
            QTest::newRow(b.file) << QStringLiteral(":/recordings/") + QLatin1String(b.file)
                                  << fixtureFolder(b.fixture);
    }
    void replaysLikeItsFixture() {
        QFETCH(QString, bundled);
        QFETCH(QString, fixture);
        QString error;
        const auto trace = TraceReader::read(bundled, &error);
        QVERIFY2(trace, qPrintable(error));
        QVERIFY(trace->warnings.isEmpty());
        QCOMPARE(trace->header.job, QStringLiteral("job-") + QFileInfo(fixture).fileName());

        const auto fromTrace = loadRecording(bundled, &error);
        QVERIFY2(fromTrace, qPrintable(error));
        const auto fromFolder = loadRecording(fixture, &error);
        QVERIFY2(fromFolder, qPrintable(error));
        // The trace keeps receive times to the millisecond: a state shorter than that in the
        // capture may be missing, every other one is there.
        const Analysis a = analyze(*fromTrace);
        const Analysis b = analyze(*fromFolder);
        QCOMPARE(a.pods.size(), b.pods.size());
        const QString difference = test::seriesDifference(b.series, a.series);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        const QString causes = test::causesDifference(b.causes, a.causes);
        QVERIFY2(causes.isEmpty(), qPrintable(causes));
    }

    // The namespace recording holds every copy: ten Jobs named after fixture a's, created 2 s
    // apart, each running as a does (the same Pods, finished within the fake server's and the
    // recorder's few milliseconds of it), and together 100 Pods.
    void namespaceRecordingHoldsEveryCopy() {
        const QString path = QStringLiteral(":/recordings/") + QLatin1String(kNamespaceRecording);
        QString error;
        const auto trace = TraceReader::read(path, &error);
        QVERIFY2(trace, qPrintable(error));
        QCOMPARE(trace->header.job, QString()); // every Job of the namespace
        JobSelection every;
        every.every = true;
        const auto loaded = RecordingLoader::load(path, &error, kMaxRecordingFileBytes, every);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->jobs.size(), std::size_t(10));
        const auto fixture = loadRecording(fixtureFolder("a"), &error);
        QVERIFY2(fixture, qPrintable(error));
        const Run alone = runObserved(*fixture);
        QVERIFY(alone.summary.finishedAt);
        for (std::size_t i = 0; i < loaded->jobs.size(); ++i) {
            const Timeline& job = loaded->jobs[i];
            QCOMPARE(QString::fromStdString(job.jobMetadata.name), QStringLiteral("job-a-%1").arg(i));
            QVERIFY(std::abs(job.start - loaded->jobs[0].start - 2.0 * double(i)) < 0.1);
            const Run run = runObserved(job);
            QCOMPARE(run.summary.podsCreated, alone.summary.podsCreated);
            QCOMPARE(run.summary.outcome, alone.summary.outcome);
            QVERIFY(run.summary.finishedAt);
            QVERIFY2(std::abs(*run.summary.finishedAt - *alone.summary.finishedAt) < 0.1,
                     qPrintable(QStringLiteral("job-a-%1 finished at %2 s, a at %3 s")
                                    .arg(i)
                                    .arg(*run.summary.finishedAt)
                                    .arg(*alone.summary.finishedAt)));
        }
        const Run all = runObservedJobs(loaded->jobs);
        QCOMPARE(all.summary.jobs, 10);
        QCOMPARE(all.summary.podsCreated, 10 * alone.summary.podsCreated);
        QCOMPARE(all.summary.peakActive, 30);
    }

    // The menu's recordings are exactly the bundled ones, each with a descriptive title in
    // both languages, a description and an existing calibrated simulation.
    void menuOffersEveryRecording() {
        const QVector<ExampleEntry> entries = recordingEntries();
        QStringList offered;
        for (const ExampleEntry& e : entries)
            offered << QFileInfo(e.path).fileName();
        QStringList bundled{QLatin1String(kNamespaceRecording)};
        for (const Bundled& b : kBundled)
            bundled << QLatin1String(b.file);
        offered.sort();
        bundled.sort();
        QCOMPARE(offered, bundled);

        // Recordings come first, then the simulations.
        const QVector<ExampleEntry>& all = realGroup().entries;
        QVERIFY(all.size() > entries.size());
        for (qsizetype i = 0; i < all.size(); ++i)
            QCOMPARE(all[i].recording, i < entries.size());

        QVERIFY(ui::applyLanguage(QStringLiteral("en")));
        QStringList english;
        for (const ExampleEntry& e : entries) {
            QVERIFY(!e.localizedTitle().isEmpty());
            QVERIFY(!e.localizedDescription().isEmpty());
            QVERIFY2(!e.localizedTitle().contains(QLatin1String("trace"), Qt::CaseInsensitive),
                     qPrintable(e.localizedTitle()));
            QVERIFY2(QFile::exists(e.simulation), qPrintable(e.simulation));
            QVERIFY(!ui::findExample(e.simulation)->recording);
            english << e.localizedTitle();
        }
        QVERIFY(ui::applyLanguage(QStringLiteral("zh_CN")));
        for (qsizetype i = 0; i < entries.size(); ++i) {
            QVERIFY2(entries[i].localizedTitle() != english[i], qPrintable(english[i]));
            QVERIFY(entries[i].localizedDescription() != entries[i].description);
        }
        QVERIFY(ui::applyLanguage(QStringLiteral("en")));
    }

    // Opened from the menu's path, a recording is a read-only trace: what was observed, no
    // scenario, its Pods and the Job's end.
    void opensAsARecording_data() {
        QTest::addColumn<QString>("path");
        for (const ExampleEntry& e : recordingEntries())
            QTest::newRow(qPrintable(QFileInfo(e.path).fileName())) << e.path;
    }
    void opensAsARecording() {
        QFETCH(QString, path);
        QVERIFY(JobDocument::looksLikeTrace(path));
        JobDocument document;
        QString error;
        QVERIFY2(document.openFile(path, &error), qPrintable(error));
        document.waitForIdle();
        QCOMPARE(document.kind(), JobDocument::Kind::Trace);
        QVERIFY(document.isReadOnly());
        const auto result = document.result();
        QVERIFY(result);
        QVERIFY(!result->scenario);
        QVERIFY(!result->analysis.pods.empty());
        QVERIFY(result->end > 0);
        QVERIFY(std::any_of(result->analysis.causes.begin(), result->analysis.causes.end(),
                            [](const CauseInterval& c) { return c.cause == "finished"; }));
        // The text pane: each Job as last recorded, then its Events, as live mode shows them.
        const QString text = document.text();
        QVERIFY2(text.startsWith(QStringLiteral("# Job ")), qPrintable(text.left(200)));
        QCOMPARE(text.count(QStringLiteral("\nkind: Job\n")),
                 qsizetype(std::max<std::size_t>(1, result->jobs.size())));
        QVERIFY(text.contains(QStringLiteral("type: Complete")));
        QVERIFY(text.contains(QStringLiteral("# Events of the Job and its Pods")));
    }

    // The example scenarios in the resources are not taken for recordings, although the
    // reconcile states among them list Pods.
    void resourceScenariosAreNotRecordings() {
        QVERIFY(!JobDocument::looksLikeTrace(QStringLiteral(":/examples/real/d.yaml")));
        QVERIFY(
            !JobDocument::looksLikeTrace(QStringLiteral(":/examples/causes/quota-exceeded.yaml")));
    }
};

QTEST_MAIN(TestBundledRecordings)
#include "tst_bundled_recordings.moc"
