// SPDX-License-Identifier: GPL-3.0-or-later
// What the engine's readers refuse before reading: files that are not regular files (a folder,
// /dev/zero, a FIFO) and files over their limit (input_file.h, docs/limits.md); YAML whose
// aliases stand for far more nodes than it writes (yaml_guard.h); annotations over the API
// server's 256 KiB.

#include "input_file.h"
#include "lesson/lesson_reader.h"
#include "manifest/manifest.h"
#include "run/run.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "state/reconcile_state.h"
#include "yaml_guard.h"
#include "yaml_reader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <functional>
#include <string>

using namespace jobscope;

namespace {

const char* const kJob = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n"
                         "  template:\n    spec:\n      restartPolicy: Never\n      containers:\n"
                         "      - name: pi\n        image: perl\n";

void writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

// A YAML comment that pads `text` to exactly `size` bytes.
QByteArray paddedTo(const QByteArray& text, qsizetype size) {
    QByteArray padded = text + "#";
    padded.append(QByteArray(size - padded.size() - 1, 'x'));
    padded.append('\n');
    return padded;
}

// The 536-byte shape of an alias bomb: each level a list of nine aliases of the one before.
std::string aliasBomb() {
    std::string text =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char level = 'b'; level <= 'i'; ++level) {
        const char previous = static_cast<char>(level - 1);
        text += std::string(1, level) + ": &" + level + " [";
        for (int i = 0; i < 9; ++i)
            text += std::string(i ? "," : "") + "*" + previous;
        text += "]\n";
    }
    return text;
}

using Reader = std::function<bool(const std::string& path, Diagnostics&)>;

Reader readerNamed(const QString& name) {
    if (name == QLatin1String("manifest"))
        return [](const std::string& path, Diagnostics& d) {
            ManifestImport import = importManifestFile(path);
            d.append(import.diagnostics);
            return import.ok();
        };
    if (name == QLatin1String("scenario"))
        return [](const std::string& path, Diagnostics& d) {
            return readScenarioFile(path, d).has_value() && !d.hasErrors();
        };
    if (name == QLatin1String("state"))
        return [](const std::string& path, Diagnostics& d) {
            return readReconcileStateFile(path, d).has_value() && !d.hasErrors();
        };
    return [](const std::string& path, Diagnostics& d) {
        return readLessonFile(path, d).has_value() && !d.hasErrors();
    };
}

} // namespace

class TestInputLimits : public QObject {
    Q_OBJECT

private slots:
    void readTextFileLimit() {
        QTemporaryDir dir;
        const QString path = dir.filePath("ten.yaml");
        writeFile(path, "0123456789");
        std::string text;
        Diagnostics atLimit;
        QVERIFY(readTextFile(path.toStdString(), text, atLimit, 10));
        QCOMPARE(text, std::string("0123456789"));
        Diagnostics over;
        QVERIFY(!readTextFile(path.toStdString(), text, over, 9));
        QCOMPARE(QString::fromStdString(over.format()).trimmed(),
                 path + ": error: too large: 10 bytes, more than the limit of 9 bytes for this "
                        "kind of file (see docs/limits.md)");
    }

    // Every reader of a document refuses a file that is not a regular file, and one over
    // 3 MiB, naming the file.
    void refusedFiles_data() {
        QTest::addColumn<QString>("reader");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        const QString folder = QStringLiteral("is a folder; expected a file");
        const QString special =
            QStringLiteral("not a regular file (a device, pipe or socket); expected a file");
        const QString large =
            QStringLiteral("too large: 3145729 bytes, more than the limit of 3 MiB");
        for (const char* reader : {"manifest", "scenario", "state", "lesson"}) {
            QTest::addRow("%s: a folder", reader) << reader << "folder" << folder;
            QTest::addRow("%s: /dev/zero", reader) << reader << "/dev/zero" << special;
            QTest::addRow("%s: a FIFO", reader) << reader << "fifo" << special;
            QTest::addRow("%s: 3 MiB + 1", reader) << reader << "large.yaml" << large;
        }
    }
    void refusedFiles() {
        QFETCH(QString, reader);
        QFETCH(QString, file);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir("folder"));
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath("fifo")).constData(), 0600), 0);
        writeFile(dir.filePath("large.yaml"), paddedTo(kJob, 3 * 1024 * 1024 + 1));
        const QString path = file.startsWith('/') ? file : dir.filePath(file);
        Diagnostics diagnostics;
        QVERIFY(!readerNamed(reader)(path.toStdString(), diagnostics));
        const QString printed = QString::fromStdString(diagnostics.format());
        // The lesson reader puts "cannot read the lesson: " before the reason.
        QVERIFY2(printed.startsWith(path + ": error: ") && printed.contains(message),
                 qPrintable(printed));
    }

    // A manifest of exactly 3 MiB is read.
    void manifestAtLimit() {
        QTemporaryDir dir;
        const QString path = dir.filePath("job.yaml");
        writeFile(path, paddedTo(kJob, 3 * 1024 * 1024));
        const ManifestImport import = importManifestFile(path.toStdString());
        QVERIFY2(import.ok(), import.diagnostics.format().c_str());
    }

    // A scenario's job: {path: …} that is refused says why, at the path.
    void scenarioJobPathRefused_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("message");
        QTest::newRow("a folder") << "folder"
                                  << "is a folder; expected a file";
        QTest::newRow("a FIFO") << "fifo"
                                << "not a regular file";
        QTest::newRow("3 MiB + 1") << "large.yaml"
                                   << "too large: 3145729 bytes";
    }
    void scenarioJobPathRefused() {
        QFETCH(QString, target);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir("folder"));
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath("fifo")).constData(), 0600), 0);
        writeFile(dir.filePath("large.yaml"), paddedTo(kJob, 3 * 1024 * 1024 + 1));
        const QString scenario = dir.filePath("scenario.yaml");
        writeFile(scenario, "job:\n  path: " + target.toUtf8() + "\n");
        Diagnostics diagnostics;
        QVERIFY(!readScenarioFile(scenario.toStdString(), diagnostics) || diagnostics.hasErrors());
        const QString printed = QString::fromStdString(diagnostics.format());
        QVERIFY2(printed.startsWith(scenario + ":2:9: error: job.path: Invalid value: \"" + target +
                                    "\": "),
                 qPrintable(printed));
        QVERIFY2(printed.contains(message), qPrintable(printed));
    }

    void aliasBombRefused_data() {
        QTest::addColumn<QString>("reader");
        QTest::newRow("manifest") << "manifest";
        QTest::newRow("scenario") << "scenario";
        QTest::newRow("state") << "state";
    }
    void aliasBombRefused() {
        QFETCH(QString, reader);
        QTemporaryDir dir;
        const QString path = dir.filePath("bomb.yaml");
        const std::string bomb = aliasBomb();
        QVERIFY(bomb.size() < 600);
        writeFile(path, QByteArray::fromStdString(bomb));
        Diagnostics diagnostics;
        QVERIFY(!readerNamed(reader)(path.toStdString(), diagnostics));
        const QString printed = QString::fromStdString(diagnostics.format());
        QVERIFY2(printed.contains(path + ":6:8: ") &&
                     printed.contains("error: YAML aliases expand to too many nodes: more "
                                      "than 100000 besides the nodes written (an alias bomb?)"),
                 qPrintable(printed));
    }

    // Aliases that add no more nodes than the document writes are fine, as is a document
    // with a few.
    void aliasesWithinAllowance() {
        Diagnostics diagnostics;
        QVERIFY(checkYamlInput("a: &a [1, 2]\nb: *a\nc: *a\n", "f.yaml", diagnostics));
        QVERIFY(checkYamlInput(aliasBomb(), "f.yaml", diagnostics, UINT64_MAX));
        QVERIFY(!checkYamlInput("a: &a [1, 2]\nb: *a\nc: *a\nd: *a\n", "f.yaml", diagnostics, 0));
        QCOMPARE(QString::fromStdString(diagnostics.format()).trimmed(),
                 QStringLiteral("f.yaml:4:4: error: YAML aliases expand to too many nodes: more "
                                "than 8 besides the nodes written (an alias bomb?)"));
    }

    // A Job that needs more Pods than scenario.maxPods is not simulated at all (indexed
    // completions of 2^31 - 1 would allocate gigabytes for their attempt counters alone); one
    // that keeps creating Pods stops just past the limit.
    void simulationPodLimit_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("maxPods");
        QTest::addColumn<QString>("stopReason");
        QTest::addColumn<int>("pods");
        QTest::newRow("2^31 - 1 Indexed completions")
            << "completionMode: Indexed\n    completions: 2147483647\n    parallelism: 10000"
            << int(kDefaultMaxPods) << "pod-limit" << 0;
        QTest::newRow("work queue of 2^31 - 1")
            << "parallelism: 2147483647" << int(kDefaultMaxPods) << "pod-limit" << 0;
        QTest::newRow("failures retried, limit 6")
            << "completions: 2\n    backoffLimit: 1000" << 6 << "pod-limit" << 7;
        QTest::newRow("within the limit") << "completions: 3" << 3 << "finished" << 3;
    }
    void simulationPodLimit() {
        QFETCH(QString, spec);
        QFETCH(int, maxPods);
        QFETCH(QString, stopReason);
        QFETCH(int, pods);
        const std::string text =
            "job:\n  kind: Job\n  metadata: {name: big}\n  spec:\n    " + spec.toStdString() +
            "\n    template:\n      spec:\n        restartPolicy: Never\n        containers: "
            "[{name: main, image: busybox}]\n" +
            (stopReason == "pod-limit" && pods > 0 ? "failures:\n- {probability: 1}\n" : "");
        Diagnostics diagnostics;
        std::optional<Scenario> scenario = readScenarioText(text, "s.yaml", diagnostics);
        QVERIFY2(scenario && !diagnostics.hasErrors(), diagnostics.format().c_str());
        scenario->maxPods = static_cast<std::size_t>(maxPods);
        QCOMPARE(checkSimulationSize(*scenario).has_value(), pods == 0);
        SimulationStats stats;
        const Timeline timeline = simulate(*scenario, &stats);
        QCOMPARE(QString::fromStdString(stats.stopReason), stopReason);
        QCOMPARE(static_cast<int>(timeline.pods.size()), pods);
        // The app's runs (runScenario) go through the same limit and analyse what there is.
        SimulationStats runStats;
        const Run run = runScenario(*scenario, std::nullopt, &runStats);
        QCOMPARE(QString::fromStdString(runStats.stopReason), stopReason);
        QCOMPARE(static_cast<int>(run.timeline.pods.size()), pods);
    }

    // ValidateAnnotations: keys and values together at most 262144 bytes.
    void annotationsTotalSize_data() {
        QTest::addColumn<int>("valueBytes");
        QTest::addColumn<bool>("valid");
        // The key "a" is one byte.
        QTest::newRow("at the limit") << 256 * 1024 - 1 << true;
        QTest::newRow("one byte over") << 256 * 1024 << false;
    }
    void annotationsTotalSize() {
        QFETCH(int, valueBytes);
        QFETCH(bool, valid);
        const std::string manifest = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n"
                                     "  annotations:\n    a: " +
                                     std::string(static_cast<size_t>(valueBytes), 'b') +
                                     "\nspec:\n  template:\n    spec:\n      restartPolicy: "
                                     "Never\n      containers:\n      - name: pi\n        "
                                     "image: perl\n";
        const ManifestImport import = importManifestText(manifest, "job.yaml");
        QCOMPARE(import.ok(), valid);
        if (!valid)
            QCOMPARE(QString::fromStdString(import.diagnostics.format()).trimmed(),
                     QStringLiteral("job.yaml:6:5: error: metadata.annotations: Too long: must "
                                    "have at most 262144 bytes"));
    }

    void annotationKeys() {
        const ManifestImport import = importManifestText(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n  annotations:\n"
            "    Example.COM/Owner: me\n    \"bad key!\": x\nspec:\n  template:\n    spec:\n"
            "      restartPolicy: Never\n      containers:\n      - name: pi\n        image: "
            "perl\n",
            "job.yaml");
        QVERIFY(!import.ok());
        const QString printed = QString::fromStdString(import.diagnostics.format());
        QVERIFY2(printed.contains("metadata.annotations: Invalid value: \"bad key!\": name part "
                                  "must consist of alphanumeric characters"),
                 qPrintable(printed));
        QVERIFY2(!printed.contains("Example.COM"), qPrintable(printed));
    }
};

QTEST_GUILESS_MAIN(TestInputLimits)
#include "tst_input_limits.moc"
