// SPDX-License-Identifier: GPL-3.0-or-later
// JobDocument (app/gui/job_document.h): opening the built-in examples and files, re-running
// after an edit, keeping the last good result when an edit does not read, runs superseding
// each other, saving atomically and refusing to overwrite read-only sources.

#include "gui/job_document.h"
#include "gui/language.h"
#include "support/test_paths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using jobscope::ui::DocumentDiagnostic;
using jobscope::ui::JobDocument;

namespace {

QString readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The largest number of active Pods in the result's series.
int peakActive(const JobDocument& document) {
    int peak = 0;
    if (const auto result = document.result())
        for (const jobscope::SeriesRow& row : result->analysis.series)
            peak = std::max(peak, static_cast<int>(row.active));
    return peak;
}

QString firstError(const JobDocument& document) {
    for (const DocumentDiagnostic& d : document.diagnostics())
        if (d.error)
            return QStringLiteral("%1:%2: %3").arg(d.line).arg(d.column).arg(d.message);
    return {};
}

// A small fixed-count scenario whose parallelism the tests change.
QString scenarioText(int parallelism) {
    return QStringLiteral("title: Test\n"
                          "stopAt: 60\n"
                          "job:\n"
                          "  apiVersion: batch/v1\n"
                          "  kind: Job\n"
                          "  metadata:\n"
                          "    name: test\n"
                          "  spec:\n"
                          "    completions: 6\n"
                          "    parallelism: %1\n"
                          "    template:\n"
                          "      spec:\n"
                          "        restartPolicy: Never\n"
                          "        containers:\n"
                          "        - name: worker\n"
                          "          image: busybox\n"
                          "runTime: 5\n")
        .arg(parallelism);
}

} // namespace

class TestJobDocument : public QObject {
    Q_OBJECT

private slots:
    void opensEveryExample_data() {
        QTest::addColumn<QString>("path");
        for (const QString& folder : {QStringLiteral("patterns"), QStringLiteral("tradeoffs"),
                                      QStringLiteral("causes"), QStringLiteral("real")}) {
            QDirIterator it(QStringLiteral(":/examples/") + folder, {QStringLiteral("*.yaml")});
            QStringList paths;
            while (it.hasNext())
                paths << it.next();
            paths.sort();
            QVERIFY2(!paths.isEmpty(), qPrintable(folder));
            for (const QString& path : paths)
                QTest::newRow(qPrintable(path.mid(12))) << path;
        }
    }

    void opensEveryExample() {
        QFETCH(QString, path);
        JobDocument document;
        QSignalSpy results(&document, &JobDocument::resultChanged);
        QString error;
        QVERIFY2(document.openFile(path, &error), qPrintable(error));
        document.waitForIdle();
        QVERIFY2(firstError(document).isEmpty(), qPrintable(firstError(document)));
        QCOMPARE(results.count(), 1);
        const auto result = document.result();
        QVERIFY(result);
        QVERIFY(!result->analysis.series.empty());
        QVERIFY(!result->analysis.pods.empty());
        QVERIFY(result->end > 0);
        QVERIFY(result->scenario);
        QCOMPARE(jobscope::ui::localizedTitle(*result),
                 QString::fromStdString(result->scenario->title));
        QVERIFY(!result->title.empty());
        QVERIFY(document.isReadOnly());
        QVERIFY(!document.isModified());
        QCOMPARE(document.kind(), JobDocument::Kind::Scenario);
        QCOMPARE(document.text(), readAll(path));
    }

    void bareManifestRunsWithTheDefaultScenario() {
        JobDocument document;
        QVERIFY(document.openFile(jobscope::test::sourceDir() +
                                  QStringLiteral("/resources/examples/non-parallel.yaml")));
        document.waitForIdle();
        QCOMPARE(document.kind(), JobDocument::Kind::Manifest);
        QVERIFY(!document.isReadOnly());
        QVERIFY(document.result());
        QCOMPARE(jobscope::ui::localizedTitle(*document.result()),
                 QStringLiteral("Job db-migrate"));
        QCOMPARE(peakActive(document), 1);
    }

    void editRerunsAfterThePause() {
        JobDocument document;
        document.openText(scenarioText(2), QStringLiteral("edit.yaml"));
        document.waitForIdle();
        QCOMPARE(peakActive(document), 2);

        QSignalSpy results(&document, &JobDocument::resultChanged);
        QSignalSpy modified(&document, &JobDocument::modifiedChanged);
        document.setText(scenarioText(3));
        QVERIFY(document.isBusy());
        QVERIFY(document.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(results.count(), 0); // not before the pause
        QVERIFY(results.wait(5000));
        QVERIFY(!document.isBusy());
        QCOMPARE(peakActive(document), 3);

        // Back to the text as opened (an undo): no longer modified.
        document.setText(scenarioText(2));
        QVERIFY(!document.isModified());
        QCOMPARE(modified.count(), 2);
        QCOMPARE(modified.last().first().toBool(), false);
    }

    void badEditKeepsTheLastGoodResult_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QString invalid = scenarioText(2);
        invalid.replace(QStringLiteral("parallelism: 2"), QStringLiteral("parallelism: -4"));
        QTest::newRow("invalid value") << invalid << 10;
        QString broken = scenarioText(2);
        broken.replace(QStringLiteral("    completions: 6\n"),
                       QStringLiteral("    completions: [6\n"));
        QTest::newRow("broken YAML") << broken << 9; // the unclosed bracket
        QString unknown = scenarioText(2);
        unknown.replace(QStringLiteral("runTime: 5"), QStringLiteral("runTime: soon"));
        QTest::newRow("bad duration") << unknown << 17;
    }

    void badEditKeepsTheLastGoodResult() {
        QFETCH(QString, text);
        QFETCH(int, line);
        JobDocument document;
        document.openText(scenarioText(2), QStringLiteral("edit.yaml"));
        document.waitForIdle();
        const auto good = document.result();
        QVERIFY(good);

        QSignalSpy results(&document, &JobDocument::resultChanged);
        QSignalSpy diagnostics(&document, &JobDocument::diagnosticsChanged);
        document.setText(text);
        document.runNow();
        document.waitForIdle();
        QCOMPARE(results.count(), 0);
        QCOMPARE(diagnostics.count(), 1);
        QCOMPARE(document.result(), good);
        const QVector<DocumentDiagnostic> found = document.diagnostics();
        const auto error = std::find_if(found.begin(), found.end(),
                                        [](const DocumentDiagnostic& d) { return d.error; });
        QVERIFY(error != found.end());
        QCOMPARE(error->line, line);
        QVERIFY(error->column > 0);
        QVERIFY(!error->message.contains(QStringLiteral("edit.yaml:")));

        // Fixing it runs again and clears the messages.
        document.setText(scenarioText(4));
        document.waitForIdle();
        QCOMPARE(results.count(), 1);
        QVERIFY(document.diagnostics().isEmpty());
        QCOMPARE(peakActive(document), 4);
    }

    // In the Chinese UI the editor's messages are Chinese around the path and the value, as
    // the engine's templates are translated (jobscope::engine in the .ts).
    void messagesInTheUiLanguage() {
        QVERIFY(jobscope::ui::applyLanguage(QStringLiteral("zh_CN")));
        QString invalid = scenarioText(2);
        invalid.replace(QStringLiteral("parallelism: 2"), QStringLiteral("parallelism: -4"));
        JobDocument document;
        document.openText(invalid, QStringLiteral("edit.yaml"));
        document.waitForIdle();
        const QString chinese = firstError(document);
        QVERIFY(jobscope::ui::applyLanguage(QStringLiteral("en")));
        QVERIFY2(
            chinese.endsWith(QStringLiteral("job.spec.parallelism: 无效值: -4: 必须大于或等于 0")),
            qPrintable(chinese));
        document.runNow();
        document.waitForIdle();
        QVERIFY2(
            firstError(document).endsWith(QStringLiteral(
                "job.spec.parallelism: Invalid value: -4: must be greater than or equal to 0")),
            qPrintable(firstError(document)));
    }

    void newerTextSupersedesARunInFlight() {
        JobDocument document;
        QSignalSpy results(&document, &JobDocument::resultChanged);
        document.openText(scenarioText(1), QStringLiteral("a.yaml"));
        document.setText(scenarioText(5));
        document.runNow();
        document.waitForIdle();
        QCOMPARE(results.count(), 1); // the stale run's result was dropped
        QCOMPARE(peakActive(document), 5);
    }

    void openingABrokenFileForgetsThePreviousResult() {
        JobDocument document;
        document.openText(scenarioText(2), QStringLiteral("good.yaml"));
        document.waitForIdle();
        QVERIFY(document.result());
        QSignalSpy results(&document, &JobDocument::resultChanged);
        document.openText(QStringLiteral("job: [\n"), QStringLiteral("bad.yaml"));
        document.waitForIdle();
        QCOMPARE(results.count(), 1);
        QVERIFY(!document.result());
        QVERIFY(!firstError(document).isEmpty());
    }

    void failedOpenLeavesTheDocumentAsItWas() {
        JobDocument document;
        document.openText(scenarioText(2), QStringLiteral("good.yaml"));
        document.waitForIdle();
        QString error;
        const QString missing = QDir::tempPath() + QStringLiteral("/no-such-jobscope-file.yaml");
        QVERIFY(!document.openFile(missing, &error));
        QVERIFY2(error.contains(QStringLiteral("no-such-jobscope-file.yaml")), qPrintable(error));
        QCOMPARE(document.displayName(), QStringLiteral("good.yaml"));
        QVERIFY(document.result());

        QTemporaryDir dir;
        QVERIFY(!document.openFile(dir.path(), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(document.displayName(), QStringLiteral("good.yaml"));

        // Binary files (a NUL byte, or bytes that are no UTF-8) are refused, not edited.
        for (const QByteArray& bytes :
             {QByteArray("apiVersion: v1\n\0\x01\x02", 19), QByteArray("kind: Job\n\xff\xfe")}) {
            const QString binary = dir.filePath(QStringLiteral("binary.yaml"));
            QFile file(binary);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(bytes);
            file.close();
            QVERIFY(!document.openFile(binary, &error));
            QVERIFY2(error.contains(QStringLiteral("not a text file")), qPrintable(error));
            QCOMPARE(document.displayName(), QStringLiteral("good.yaml"));
        }
    }

    void savesAtomicallyAndRefusesReadOnlySources() {
        JobDocument document;
        QVERIFY(document.openFile(QStringLiteral(":/examples/causes/quota-exceeded.yaml")));
        document.waitForIdle();
        QString error;
        QVERIFY(!document.save(&error));
        QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.yaml"));
        document.setText(document.text() + QStringLiteral("# mine\n"));
        QVERIFY(document.isModified());
        QSignalSpy pathChanged(&document, &JobDocument::filePathChanged);
        QVERIFY2(document.saveAs(path, &error), qPrintable(error));
        QCOMPARE(pathChanged.count(), 1);
        QVERIFY(!document.isModified());
        QVERIFY(!document.isReadOnly());
        QCOMPARE(document.filePath(), path);
        QCOMPARE(document.displayName(), QStringLiteral("mine.yaml"));
        QCOMPARE(readAll(path), document.text());
        QVERIFY(readAll(path).endsWith(QStringLiteral("# mine\n")));

        document.setText(document.text() + QStringLiteral("# again\n"));
        QVERIFY2(document.save(&error), qPrintable(error));
        QVERIFY(readAll(path).endsWith(QStringLiteral("# again\n")));

        const QString impossible = dir.filePath(QStringLiteral("missing-folder/x.yaml"));
        QVERIFY(!document.saveAs(impossible, &error));
        QVERIFY2(error.contains(QStringLiteral("missing-folder")), qPrintable(error));
        QCOMPARE(document.filePath(), path);
    }

    void seedOverrideRerunsWithAnotherSeed() {
        JobDocument document;
        QVERIFY(document.openFile(QStringLiteral(":/examples/causes/failure-backoff.yaml")));
        document.waitForIdle();
        const auto first = document.result();
        QSignalSpy results(&document, &JobDocument::resultChanged);
        document.setSeed(12345);
        document.waitForIdle();
        QCOMPARE(results.count(), 1);
        QCOMPARE(document.result()->scenario->seed, uint64_t(12345));
        QVERIFY(document.result() != first);
        document.setSeed(std::nullopt);
        document.waitForIdle();
        QCOMPARE(document.result()->scenario->seed, first->scenario->seed);
    }
};

QTEST_GUILESS_MAIN(TestJobDocument)
#include "tst_job_document.moc"
