// SPDX-License-Identifier: GPL-3.0-or-later
// Surgical YAML edits (edit/yaml_edit.h): one value changes, every other byte stays — comments,
// order, indentation, quotes, CRLF, other documents; missing keys are inserted at their
// parent's indentation; what cannot be edited safely is refused with a reason. Also where the
// Job spec lives in scenarios and manifests, and a round trip through the scenario reader for
// every built-in example.

#include "edit/job_knobs.h"
#include "edit/yaml_edit.h"
#include "scenario/scenario_reader.h"

#include <QDirIterator>
#include <QFile>
#include <QObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

using namespace jobscope;
using namespace jobscope::edit;

namespace {

YamlPath toPath(const QStringList& steps) {
    YamlPath path;
    for (const QString& step : steps)
        path.push_back(step.toStdString());
    return path;
}

// The lines of `after` that are not in `before` at the same place (both split on '\n').
QStringList changedLines(const std::string& before, const std::string& after) {
    const QStringList a = QString::fromStdString(before).split('\n');
    const QStringList b = QString::fromStdString(after).split('\n');
    QStringList changed;
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i)
        if (i >= a.size() || i >= b.size() || a[i] != b[i])
            changed << (i < b.size() ? b[i] : QStringLiteral("<gone>"));
    return changed;
}

} // namespace

class TestYamlEdit : public QObject {
    Q_OBJECT

private slots:
    void setScalar_data();
    void setScalar();
    void refused_data();
    void refused();
    void remove_data();
    void remove();
    void append_data();
    void append();
    void lookupKinds();
    void plainOrQuoted_data();
    void plainOrQuoted();
    void locate_data();
    void locate();
    void examplesRoundTrip();
    void readKnobs_data();
    void readKnobs();
    void setKnobs_data();
    void setKnobs();
    void resetKnobs();
    void knobKeys();
};

void TestYamlEdit::setScalar_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("document");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    const QStringList parallelism{"spec", "parallelism"};
    QTest::newRow("plain") << "a: 1\nb: 2\n"
                           << 0 << QStringList{"a"} << "5"
                           << "a: 5\nb: 2\n";
    QTest::newRow("comments kept")
        << "# top\nspec:  # the spec\n  parallelism: 2   # two at a time\n  completions: 3\n"
        << 0 << parallelism << "10"
        << "# top\nspec:  # the spec\n  parallelism: 10   # two at a time\n  completions: 3\n";
    QTest::newRow("double quotes kept") << "spec:\n  x: \"2\"\n"
                                        << 0 << QStringList{"spec", "x"} << "4"
                                        << "spec:\n  x: \"4\"\n";
    QTest::newRow("single quotes kept") << "mode: 'NonIndexed'\n"
                                        << 0 << QStringList{"mode"} << "Indexed"
                                        << "mode: 'Indexed'\n";
    QTest::newRow("quoted key") << "\"spec\":\n  'parallelism': 2\n"
                                << 0 << parallelism << "3"
                                << "\"spec\":\n  'parallelism': 3\n";
    QTest::newRow("crlf replace") << "spec:\r\n  parallelism: 2\r\n  completions: 3\r\n"
                                  << 0 << parallelism << "7"
                                  << "spec:\r\n  parallelism: 7\r\n  completions: 3\r\n";
    QTest::newRow("crlf insert") << "spec:\r\n  completions: 3\r\n"
                                 << 0 << parallelism << "7"
                                 << "spec:\r\n  completions: 3\r\n  parallelism: 7\r\n";
    QTest::newRow("insert before the template")
        << "spec:\n  completions: 3\n  template:\n    spec: {}\n"
        << 0 << parallelism << "4"
        << "spec:\n  completions: 3\n  parallelism: 4\n  template:\n    spec: {}\n";
    QTest::newRow("insert first when only nested entries")
        << "spec:\n  # the Pods\n  template:\n    a: 1\n"
        << 0 << parallelism << "4"
        << "spec:\n  # the Pods\n  parallelism: 4\n  template:\n    a: 1\n";
    QTest::newRow("insert without a final newline")
        << "spec:\n  completions: 1" << 0 << parallelism << "4"
        << "spec:\n  completions: 1\n  parallelism: 4";
    QTest::newRow("insert after a block scalar")
        << "description: >-\n  a long\n  text\n\nseed: 1\njob:\n  spec: {}\n"
        << 0 << QStringList{"stopAt"} << "60"
        << "description: >-\n  a long\n  text\n\nseed: 1\nstopAt: 60\njob:\n  spec: {}\n";
    QTest::newRow("create nested parents")
        << "title: t\njob:\n  spec:\n    completions: 1\n"
        << 0 << QStringList{"cluster", "quota", "pods"} << "2"
        << "title: t\ncluster:\n  quota:\n    pods: 2\njob:\n  spec:\n    completions: 1\n";
    QTest::newRow("create under an existing parent")
        << "cluster:\n  nodes:\n  - {name: a}\nrunTime: 5\n"
        << 0 << QStringList{"cluster", "quota", "pods"} << "2"
        << "cluster:\n  quota:\n    pods: 2\n  nodes:\n  - {name: a}\nrunTime: 5\n";
    QTest::newRow("indentation of 4")
        << "spec:\n    completions: 1\n    template:\n        x: 1\n"
        << 0 << parallelism << "4"
        << "spec:\n    completions: 1\n    parallelism: 4\n    template:\n        x: 1\n";
    QTest::newRow("nested creation with indentation of 4")
        << "job:\n    spec:\n        completions: 1\n"
        << 0 << QStringList{"job", "spec", "a", "b"} << "v"
        << "job:\n    spec:\n        completions: 1\n        a:\n            b: v\n";
    QTest::newRow("null parent") << "cluster:\nrunTime: 5\n"
                                 << 0 << QStringList{"cluster", "quota", "pods"} << "3"
                                 << "cluster:\n  quota:\n    pods: 3\nrunTime: 5\n";
    QTest::newRow("null parent with comment")
        << "cluster: ~  # none yet\nrunTime: 5\n"
        << 0 << QStringList{"cluster", "quota", "pods"} << "3"
        << "cluster:  # none yet\n  quota:\n    pods: 3\nrunTime: 5\n";
    QTest::newRow("empty value") << "spec:\n  parallelism:\n  x: 1\n"
                                 << 0 << parallelism << "4"
                                 << "spec:\n  parallelism: 4\n  x: 1\n";
    QTest::newRow("tilde value") << "spec:\n  parallelism: ~ # unset\n"
                                 << 0 << parallelism << "4"
                                 << "spec:\n  parallelism: 4 # unset\n";
    QTest::newRow("flow mapping value") << "cluster:\n  quota: {pods: 2}\n"
                                        << 0 << QStringList{"cluster", "quota", "pods"} << "5"
                                        << "cluster:\n  quota: {pods: 5}\n";
    QTest::newRow("flow mapping insert") << "cluster: {nodes: [], createForbidden: false}\n"
                                         << 0 << QStringList{"cluster", "quota", "pods"} << "3"
                                         << "cluster: {nodes: [], createForbidden: false, "
                                            "quota: {pods: 3}}\n";
    QTest::newRow("empty flow mapping") << "cluster: {}\n"
                                        << 0 << QStringList{"cluster", "quota", "pods"} << "3"
                                        << "cluster: {quota: {pods: 3}}\n";
    QTest::newRow("flow mapping over lines")
        << "runTime: {distribution: fixed,\n          value: 10}  # s\nseed: 1\n"
        << 0 << QStringList{"runTime", "value"} << "12"
        << "runTime: {distribution: fixed,\n          value: 12}  # s\nseed: 1\n";
    QTest::newRow("second document")
        << "title: t\n---\n# the Job\nkind: Job\nspec:\n  parallelism: 1\n"
        << 1 << parallelism << "3"
        << "title: t\n---\n# the Job\nkind: Job\nspec:\n  parallelism: 3\n";
    QTest::newRow("second document insert")
        << "kind: Job\nspec:\n  completions: 2\n---\nkind: ResourceQuota\nspec:\n  hard: {}\n"
        << 1 << QStringList{"spec", "hard", "pods"} << "4"
        << "kind: Job\nspec:\n  completions: 2\n---\nkind: ResourceQuota\nspec:\n  hard: "
           "{pods: 4}\n";
    QTest::newRow("list item") << "failures:\n- probability: 0.1\n  exitCode: 2\n"
                               << 0 << QStringList{"failures", "0", "probability"} << "0.5"
                               << "failures:\n- probability: 0.5\n  exitCode: 2\n";
    QTest::newRow("list item insert")
        << "failures:\n- exitCode: 2\n  after: 3\n"
        << 0 << QStringList{"failures", "0", "probability"} << "0.5"
        << "failures:\n- exitCode: 2\n  after: 3\n  probability: 0.5\n";
    QTest::newRow("flow list item") << "failures: [{probability: 0.1}, {index: 2}]\n"
                                    << 0 << QStringList{"failures", "0", "probability"} << "0.25"
                                    << "failures: [{probability: 0.25}, {index: 2}]\n";
    QTest::newRow("anchor and tag kept") << "a: &x !!int 5\nb: 1\n"
                                         << 0 << QStringList{"a"} << "7"
                                         << "a: &x !!int 7\nb: 1\n";
    QTest::newRow("value with a colon inside") << "image: busybox:1.36 # tag\n"
                                               << 0 << QStringList{"image"} << "busybox:1.37"
                                               << "image: busybox:1.37 # tag\n";
    QTest::newRow("url-like value then comment") << "a: x#y # c\n"
                                                 << 0 << QStringList{"a"} << "z"
                                                 << "a: z # c\n";
    QTest::newRow("utf-8 before the value") << "titleZh: 超出\nseed: 1\n"
                                            << 0 << QStringList{"seed"} << "9"
                                            << "titleZh: 超出\nseed: 9\n";
    QTest::newRow("set to a flow list") << "seed: 1\n"
                                        << 0 << QStringList{"failures"} << "[{probability: 0.2}]"
                                        << "seed: 1\nfailures: [{probability: 0.2}]\n";
}

void TestYamlEdit::setScalar() {
    QFETCH(QString, input);
    QFETCH(int, document);
    QFETCH(QStringList, path);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    const YamlEdit edit =
        edit::setScalar(input.toStdString(), document, toPath(path), value.toStdString());
    QVERIFY2(edit.ok(), edit.error.c_str());
    QCOMPARE(QString::fromStdString(edit.text), expected);
    // The edited text reads back with the new value where the path says.
    const YamlLookup after = lookup(edit.text, document, toPath(path));
    QVERIFY2(after.ok(), after.error.c_str());
    if (after.kind == YamlLookup::Kind::Scalar)
        QCOMPARE(QString::fromStdString(after.scalar), value);
    else
        QCOMPARE(after.kind, YamlLookup::Kind::Sequence); // the flow-list row
}

void TestYamlEdit::refused_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("reason");

    QTest::newRow("block scalar") << "d: |\n  text\n" << QStringList{"d"} << "block scalar";
    QTest::newRow("multi-line plain") << "d: one\n  two\n" << QStringList{"d"} << "several lines";
    QTest::newRow("mapping") << "spec:\n  a: 1\n" << QStringList{"spec"} << "is a mapping";
    QTest::newRow("list") << "l: [1, 2]\n" << QStringList{"l"} << "is a list";
    QTest::newRow("syntax error") << "a: [1,\n" << QStringList{"a"} << "line ";
    QTest::newRow("missing list item")
        << "failures:\n- {probability: 1}\n"
        << QStringList{"failures", "3", "probability"} << "failures has no item 3";
    QTest::newRow("parent is a value")
        << "cluster: 5\n"
        << QStringList{"cluster", "quota", "pods"} << "cluster is a single value";
    QTest::newRow("alias") << "a: &x 5\nb: *x\n" << QStringList{"b"} << "alias";
    QTest::newRow("empty document") << "# only a comment\n" << QStringList{"a"} << "empty";
    QTest::newRow("stray comma (parser stall)") << "{a: 1},\n" << QStringList{"a"} << "','";
}

void TestYamlEdit::refused() {
    QFETCH(QString, input);
    QFETCH(QStringList, path);
    QFETCH(QString, reason);
    const YamlEdit edit = edit::setScalar(input.toStdString(), 0, toPath(path), "1");
    QVERIFY(!edit.ok());
    QVERIFY2(QString::fromStdString(edit.error).contains(reason), edit.error.c_str());
}

void TestYamlEdit::remove_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("expected");

    QTest::newRow("block entry") << "spec:\n  parallelism: 2 # two\n  completions: 3\n"
                                 << QStringList{"spec", "parallelism"}
                                 << "spec:\n  completions: 3\n";
    QTest::newRow("block entry with nested value")
        << "cluster:\n  quota:\n    pods: 2\nrunTime: 4\n"
        << QStringList{"cluster", "quota"} << "cluster:\nrunTime: 4\n";
    QTest::newRow("crlf") << "a: 1\r\nb: 2\r\n" << QStringList{"a"} << "b: 2\r\n";
    QTest::newRow("last line without newline") << "a: 1\nb: 2" << QStringList{"b"} << "a: 1\n";
    QTest::newRow("flow first") << "q: {pods: 2, cpu: 1}\n"
                                << QStringList{"q", "pods"} << "q: {cpu: 1}\n";
    QTest::newRow("flow last") << "q: {pods: 2, cpu: 1}\n"
                               << QStringList{"q", "cpu"} << "q: {pods: 2}\n";
    QTest::newRow("flow only") << "q: {pods: 2}\n" << QStringList{"q", "pods"} << "q: {}\n";
    QTest::newRow("absent") << "a: 1\n" << QStringList{"b"} << "a: 1\n";
}

void TestYamlEdit::remove() {
    QFETCH(QString, input);
    QFETCH(QStringList, path);
    QFETCH(QString, expected);
    const YamlEdit edit = removeKey(input.toStdString(), 0, toPath(path));
    QVERIFY2(edit.ok(), edit.error.c_str());
    QCOMPARE(QString::fromStdString(edit.text), expected);
}

void TestYamlEdit::append_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("block list") << "failures:\n- {index: 1}\nseed: 1\n"
                                << "failures:\n- {index: 1}\n- {probability: 0.5}\nseed: 1\n";
    QTest::newRow("indented block list")
        << "failures:\n  - index: 1\n    exitCode: 3 # c\nseed: 1\n"
        << "failures:\n  - index: 1\n    exitCode: 3 # c\n  - {probability: 0.5}\nseed: 1\n";
    QTest::newRow("flow list") << "failures: [{index: 1}]\n"
                               << "failures: [{index: 1}, {probability: 0.5}]\n";
    QTest::newRow("empty flow list") << "failures: []\n"
                                     << "failures: [{probability: 0.5}]\n";
    QTest::newRow("absent") << "seed: 1\n"
                            << "seed: 1\nfailures: [{probability: 0.5}]\n";
    QTest::newRow("null") << "failures:\nseed: 1\n"
                          << "failures: [{probability: 0.5}]\nseed: 1\n";
}

void TestYamlEdit::append() {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const YamlEdit edit =
        appendToSequence(input.toStdString(), 0, {"failures"}, "{probability: 0.5}");
    QVERIFY2(edit.ok(), edit.error.c_str());
    QCOMPARE(QString::fromStdString(edit.text), expected);
}

void TestYamlEdit::lookupKinds() {
    const std::string text = "a: 1\nb:\nc: {x: 1}\nd: [1]\ne: 'q'\n";
    QCOMPARE(lookup(text, 0, {"a"}).kind, YamlLookup::Kind::Scalar);
    QCOMPARE(lookup(text, 0, {"a"}).scalar, std::string("1"));
    QCOMPARE(lookup(text, 0, {"b"}).kind, YamlLookup::Kind::Null);
    QCOMPARE(lookup(text, 0, {"b"}).position, (SourcePosition{2, 1}));
    QCOMPARE(lookup(text, 0, {"c"}).kind, YamlLookup::Kind::Map);
    QCOMPARE(lookup(text, 0, {"d"}).kind, YamlLookup::Kind::Sequence);
    QCOMPARE(lookup(text, 0, {"d", "0"}).scalar, std::string("1"));
    QCOMPARE(lookup(text, 0, {"e"}).scalar, std::string("q"));
    QCOMPARE(lookup(text, 0, {"e"}).position, (SourcePosition{5, 4}));
    QCOMPARE(lookup(text, 0, {"z"}).kind, YamlLookup::Kind::Absent);
    QVERIFY(!lookup(text, 3, {"a"}).ok());
    QVERIFY(!lookup("a: [", 0, {"a"}).ok());
    QCOMPARE(documentCount("a: 1\n---\nb: 2\n"), 2);
    QCOMPARE(documentCount("a: ["), 0);
}

void TestYamlEdit::plainOrQuoted_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("number") << "4"
                            << "4";
    QTest::newRow("negative") << "-1"
                              << "-1";
    QTest::newRow("word") << "Indexed"
                          << "Indexed";
    QTest::newRow("image") << "busybox:1.36"
                           << "busybox:1.36";
    QTest::newRow("empty") << ""
                           << "\"\"";
    QTest::newRow("colon space") << "a: b"
                                 << "\"a: b\"";
    QTest::newRow("comment") << "a #b"
                             << "\"a #b\"";
    QTest::newRow("flow start") << "[x"
                                << "\"[x\"";
    QTest::newRow("quote and newline") << "say \"hi\"\n"
                                       << "\"say \\\"hi\\\"\\n\"";
    QTest::newRow("leading space") << " x"
                                   << "\" x\"";
}

void TestYamlEdit::plainOrQuoted() {
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const std::string written = edit::plainOrQuoted(value.toStdString());
    QCOMPARE(QString::fromStdString(written), expected);
    // It reads back as the same string.
    const YamlLookup back = lookup("k: " + written + "\n", 0, {"k"});
    QCOMPARE(QString::fromStdString(back.scalar), value);
}

void TestYamlEdit::locate_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("isScenario");
    QTest::addColumn<int>("document");
    QTest::addColumn<QStringList>("spec");
    QTest::addColumn<int>("quotaDocument");

    using K = JobSpecLocation::Kind;
    QTest::newRow("scenario inline")
        << "title: t\njob:\n  spec: {}\n"
        << int(K::Inline) << true << 0 << QStringList{"job", "spec"} << -1;
    QTest::newRow("scenario with path")
        << "job: {path: ../indexed.yaml}\n"
        << int(K::ExternalFile) << true << -1 << QStringList{} << -1;
    QTest::newRow("scenario, Job in a second document")
        << "seed: 2\n---\napiVersion: batch/v1\nkind: Job\nspec: {}\n"
        << int(K::Inline) << true << 1 << QStringList{"spec"} << -1;
    QTest::newRow("bare manifest") << "apiVersion: batch/v1\nkind: Job\nspec: {}\n"
                                   << int(K::Inline) << false << 0 << QStringList{"spec"} << -1;
    QTest::newRow("manifest and quota")
        << "kind: ResourceQuota\nspec: {hard: {pods: 2}}\n---\nkind: Job\nspec: {}\n"
        << int(K::Inline) << false << 1 << QStringList{"spec"} << 0;
    QTest::newRow("list") << "kind: List\nitems:\n- kind: ConfigMap\n- kind: Job\n  spec: {}\n"
                          << int(K::Inline) << false << 0 << QStringList{"items", "1", "spec"}
                          << -1;
    QTest::newRow("no job") << "kind: ConfigMap\n"
                            << int(K::Missing) << false << -1 << QStringList{} << -1;
    QTest::newRow("syntax error") << "job: [" << int(K::Missing) << false << -1 << QStringList{}
                                  << -1;
}

void TestYamlEdit::locate() {
    QFETCH(QString, input);
    QFETCH(int, kind);
    QFETCH(bool, isScenario);
    QFETCH(int, document);
    QFETCH(QStringList, spec);
    QFETCH(int, quotaDocument);
    const JobSpecLocation location = locateJobSpec(input.toStdString());
    QCOMPARE(int(location.kind), kind);
    QCOMPARE(location.isScenario, isScenario);
    QCOMPARE(location.document, document);
    QCOMPARE(location.spec, toPath(spec));
    QCOMPARE(location.quotaDocument, quotaDocument);
    if (QTest::currentDataTag() == QByteArray("scenario with path"))
        QCOMPARE(location.externalPath, std::string("../indexed.yaml"));
    if (QTest::currentDataTag() == QByteArray("syntax error"))
        QVERIFY(!location.error.empty());
}

// Every built-in example whose Job is inline: set parallelism, and the scenario reader sees the
// new value while exactly one line of the file changed (or one was added).
void TestYamlEdit::examplesRoundTrip() {
    int tried = 0;
    QDirIterator files(QStringLiteral(JOBSCOPE_SOURCE_DIR "/resources/examples"), {"*.yaml"},
                       QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (path.contains("/states/"))
            continue; // reconcile states, not scenarios
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::string text = file.readAll().toStdString();
        const JobSpecLocation location = locateJobSpec(text);
        QVERIFY2(location.error.empty(), qPrintable(path));
        if (location.kind != JobSpecLocation::Kind::Inline)
            continue;
        YamlPath parallelism = location.spec;
        parallelism.push_back("parallelism");
        const YamlEdit edit = edit::setScalar(text, location.document, parallelism, "7");
        QVERIFY2(edit.ok(), qPrintable(path + ": " + QString::fromStdString(edit.error)));
        const QStringList changed = changedLines(text, edit.text);
        const bool added = QString::fromStdString(edit.text).count('\n') ==
                           QString::fromStdString(text).count('\n') + 1;
        if (!added)
            QVERIFY2(changed.size() == 1 && changed[0].trimmed() == "parallelism: 7",
                     qPrintable(path + ": " + changed.join(" | ")));
        Diagnostics diagnostics;
        const auto scenario = readScenarioText(edit.text, path.toStdString(), diagnostics);
        QVERIFY2(scenario, qPrintable(path + ": " + QString::fromStdString(diagnostics.format())));
        QCOMPARE(scenario->job.spec.parallelism, std::optional<int32_t>(7));
        ++tried;
    }
    QVERIFY(tried >= 20);
}

namespace {

const char* const kScenario = "title: t\n"
                              "job:\n"
                              "  metadata: {name: s}\n"
                              "  spec:\n"
                              "    completions: 8 # eight\n"
                              "    template:\n"
                              "      spec:\n"
                              "        restartPolicy: Never\n"
                              "        containers:\n"
                              "        - {name: w, image: busybox}\n"
                              "runTime: 4\n";
const char* const kManifest = "apiVersion: batch/v1\n"
                              "kind: Job\n"
                              "metadata: {name: m}\n"
                              "spec:\n"
                              "  parallelism: 3\n"
                              "  template:\n"
                              "    spec:\n"
                              "      restartPolicy: Never\n"
                              "      containers:\n"
                              "      - {name: w, image: busybox}\n";

// "key=value" per knob; "key!block" for a blocked one; "key~value" for a default.
// The readings of the knobs `expected` names, in the same notation: "key=value" (written),
// "key~value" (the default), "key!block", and "key!block~value" for a gate shown while blocked.
QString describe(const std::vector<KnobReading>& readings, const QString& expected) {
    QStringList out;
    for (const KnobReading& r : readings) {
        const QString key = QString::fromStdString(knobKey(r.knob));
        if (!expected.contains(QRegularExpression("(^| )" + key + "[=~!]")))
            continue;
        QString value = r.number ? QString::fromStdString(formatKnobNumber(*r.number))
                                 : QString::fromStdString(r.choice);
        if (r.block == KnobBlock::GateAbsent || r.block == KnobBlock::GateLocked)
            out << key + "!" + QString::number(int(r.block)) + "~" + value;
        else if (r.block != KnobBlock::None)
            out << QString::fromStdString(knobKey(r.knob)) + "!" + QString::number(int(r.block));
        else
            out << QString::fromStdString(knobKey(r.knob)) + (r.isSet ? "=" : "~") + value;
    }
    return out.join(' ');
}

} // namespace

void TestYamlEdit::readKnobs_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    const QString scenario = kScenario;
    const QString manifest = kManifest;
    const int notScenario = int(KnobBlock::NotAScenario);
    QTest::newRow("scenario") << scenario
                              << "parallelism~1 completions=8 completionMode~NonIndexed "
                                 "backoffLimit~6 podReplacementPolicy~TerminatingOrFailed "
                                 "failureRate~0 quotaPods~ podDuration=4";
    QTest::newRow("manifest") << manifest
                              << QString("parallelism=3 completions~ completionMode~NonIndexed "
                                         "backoffLimit~6 podReplacementPolicy~TerminatingOrFailed "
                                         "failureRate!%1 quotaPods!%1 podDuration!%1")
                                     .arg(notScenario);
    QTest::newRow("manifest with quota")
        << manifest + "---\nkind: ResourceQuota\nspec:\n  hard:\n    pods: \"5\"\n"
        << QString("parallelism=3 completions~ completionMode~NonIndexed backoffLimit~6 "
                   "podReplacementPolicy~TerminatingOrFailed failureRate!%1 quotaPods=5 "
                   "podDuration!%1")
               .arg(notScenario);
    QTest::newRow("everything set")
        << "job:\n  spec:\n    parallelism: 2\n    completions: 4\n    completionMode: Indexed\n"
           "    backoffLimit: 0\n    podReplacementPolicy: Failed\n"
           "cluster: {quota: {pods: 3}}\n"
           "failures:\n- {index: 1, probability: 1}\n- {exitCode: 3, probability: 0.25}\n"
           "runTime: {distribution: fixed, value: 2m}\n"
        << "parallelism=2 completions=4 completionMode=Indexed backoffLimit=0 "
           "podReplacementPolicy=Failed failureRate=0.25 quotaPods=3 podDuration=120";
    QTest::newRow("rule without probability")
        << "job: {spec: {}}\nfailures: [{exitCode: 2}]\n"
        << "parallelism~1 completions~ completionMode~NonIndexed backoffLimit~6 "
           "podReplacementPolicy~TerminatingOrFailed failureRate=1 quotaPods~ podDuration~10";
    QTest::newRow("pod failure policy changes the default")
        << "job:\n  spec:\n    podFailurePolicy: {rules: []}\n"
        << "parallelism~1 completions~ completionMode~NonIndexed backoffLimit~6 "
           "podReplacementPolicy~Failed failureRate~0 quotaPods~ podDuration~10";
    QTest::newRow("invalid and random values")
        << "job:\n  spec:\n    parallelism: -1\n    completionMode: Sometimes\n"
           "    completions: {a: 1}\n"
           "runTime: {distribution: uniform, min: 1, max: 2}\n"
        << QString("parallelism!%1 completions!%2 completionMode!%1 backoffLimit~6 "
                   "podReplacementPolicy~TerminatingOrFailed failureRate~0 quotaPods~ "
                   "podDuration!%3")
               .arg(int(KnobBlock::InvalidValue))
               .arg(int(KnobBlock::NotAValue))
               .arg(int(KnobBlock::Distribution));
    QTest::newRow("work queue") << "job: {spec: {}}\nworkQueue: {items: 3}\nruntime: 4\n"
                                << "parallelism~1 completions~ completionMode~NonIndexed "
                                   "backoffLimit~6 podReplacementPolicy~TerminatingOrFailed "
                                   "failureRate~0 quotaPods~ podDuration!" +
                                       QString::number(int(KnobBlock::WorkQueue));
    QTest::newRow("job in another file")
        << "job: {path: x.yaml}\nrunTime: 3s\n"
        << QString("parallelism!%1 completions!%1 completionMode!%1 backoffLimit!%1 "
                   "podReplacementPolicy!%1 failureRate~0 quotaPods~ podDuration=3")
               .arg(int(KnobBlock::JobInOtherFile));
    QTest::newRow("syntax error") << "job: [\n"
                                  << QString("parallelism!%1 completions!%1 completionMode!%1 "
                                             "backoffLimit!%1 podReplacementPolicy!%1 "
                                             "failureRate!%1 quotaPods!%1 podDuration!%1")
                                         .arg(int(KnobBlock::YamlError));

    // The control plane: kubernetesVersion and the four gates (feature_gates.cpp's table).
    const int absent = int(KnobBlock::GateAbsent);
    const int locked = int(KnobBlock::GateLocked);
    QTest::newRow("control plane, current master")
        << scenario
        << QString("kubernetesVersion~ JobBackoffLimitPerIndex!%1~true JobManagedBy!%1~true "
                   "JobPodReplacementPolicy!%1~true JobSuccessPolicy!%1~true")
               .arg(locked);
    QTest::newRow("control plane, 1.30")
        << scenario + "kubernetesVersion: \"1.30\"\n"
        << "kubernetesVersion=1.30 JobBackoffLimitPerIndex~true JobManagedBy~false "
           "JobPodReplacementPolicy~true JobSuccessPolicy~false";
    QTest::newRow("control plane, 1.29 patch release with gates")
        << scenario + "kubernetesVersion: v1.29.4\n"
                      "featureGates: {JobPodReplacementPolicy: False, JobSuccessPolicy: true}\n"
        << QString("kubernetesVersion=1.29 JobBackoffLimitPerIndex~true JobManagedBy!%1~false "
                   "JobPodReplacementPolicy=false JobSuccessPolicy!%1~true")
               .arg(absent);
    QTest::newRow("control plane, 1.34")
        << scenario + "kubernetesVersion: \"1.34\"\nfeatureGates:\n  JobManagedBy: false\n"
        << QString("kubernetesVersion=1.34 JobBackoffLimitPerIndex!%1~true JobManagedBy=false "
                   "JobPodReplacementPolicy!%1~true JobSuccessPolicy!%1~true")
               .arg(locked);
    QTest::newRow("control plane, release not modelled")
        << scenario + "kubernetesVersion: \"1.40\"\nfeatureGates: [JobManagedBy]\n"
        << QString("kubernetesVersion!%1 JobManagedBy!%2")
               .arg(int(KnobBlock::InvalidValue))
               .arg(int(KnobBlock::NotAValue));
    QTest::newRow("control plane, manifest")
        << manifest
        << QString("kubernetesVersion!%1 JobBackoffLimitPerIndex!%1 JobManagedBy!%1 "
                   "JobPodReplacementPolicy!%1 JobSuccessPolicy!%1")
               .arg(notScenario);
}

void TestYamlEdit::readKnobs() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(describe(edit::readKnobs(text.toStdString()), expected), expected);
}

void TestYamlEdit::setKnobs_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // a number or a choice
    QTest::addColumn<int>("changedLineCount");

    const QString scenario = kScenario;
    const QString manifest = kManifest;
    QTest::newRow("parallelism inserted") << scenario << "parallelism"
                                          << "5" << 1;
    QTest::newRow("completions replaced") << scenario << "completions"
                                          << "12" << 1;
    QTest::newRow("mode") << scenario << "completionMode"
                          << "Indexed" << 1;
    QTest::newRow("backoffLimit") << scenario << "backoffLimit"
                                  << "0" << 1;
    QTest::newRow("replacement policy") << scenario << "podReplacementPolicy"
                                        << "Failed" << 1;
    QTest::newRow("failure rate, no rules yet") << scenario << "failureRate"
                                                << "0.05" << 1;
    QTest::newRow("failure rate, a rule for one index")
        << scenario + "failures:\n- {index: 2, exitCode: 3}\n"
        << "failureRate"
        << "0.5" << 1;
    QTest::newRow("failure rate, a global rule")
        << scenario + "failures:\n- probability: 0.1\n  exitCode: 3\n"
        << "failureRate"
        << "0.2" << 1;
    QTest::newRow("quota created") << scenario << "quotaPods"
                                   << "2" << 3;
    QTest::newRow("pod duration") << scenario << "podDuration"
                                  << "12.5" << 1;
    QTest::newRow("pod duration, fixed distribution")
        << QString(kScenario).replace("runTime: 4", "runTime: {distribution: fixed, value: 4}")
        << "podDuration"
        << "6" << 1;
    QTest::newRow("manifest parallelism") << manifest << "parallelism"
                                          << "9" << 1;
    QTest::newRow("manifest quota object")
        << manifest + "---\napiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\n"
                      "spec:\n  hard:\n    pods: \"5\"\n"
        << "quotaPods"
        << "2" << 1;
    QTest::newRow("kubernetes version inserted") << scenario << "kubernetesVersion"
                                                 << "1.31" << 1;
    QTest::newRow("kubernetes version replaced") << scenario + "kubernetesVersion: v1.29\n"
                                                 << "kubernetesVersion"
                                                 << "1.33" << 1;
    const QString release31 = scenario + "kubernetesVersion: \"1.31\"\n";
    QTest::newRow("gate, featureGates created") << release31 << "JobManagedBy"
                                                << "true" << 2;
    QTest::newRow("gate, replaced") << release31 + "featureGates: {JobSuccessPolicy: true}\n"
                                    << "JobSuccessPolicy"
                                    << "false" << 1;
    QTest::newRow("gate, added beside another")
        << release31 + "featureGates:\n  JobSuccessPolicy: true\n"
        << "JobPodReplacementPolicy"
        << "false" << 1;
}

// Each knob changes its value in the scenario the reader builds, and only its line(s).
void TestYamlEdit::setKnobs() {
    QFETCH(QString, text);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(int, changedLineCount);

    const Knob knob = *knobFromKey(key.toStdString());
    bool isNumber = false;
    const double number = value.toDouble(&isNumber);
    isNumber = isNumber && knobChoices(knob).empty(); // "1.31" is a release, not a number
    const YamlEdit edit = isNumber ? setKnobNumber(text.toStdString(), knob, number)
                                   : setKnobChoice(text.toStdString(), knob, value.toStdString());
    QVERIFY2(edit.ok(), edit.error.c_str());
    const QStringList changed = changedLines(text.toStdString(), edit.text);
    const int added = int(QString::fromStdString(edit.text).count('\n') - text.count('\n'));
    if (added == 0)
        QCOMPARE(changed.size(), changedLineCount);
    else
        QCOMPARE(added, changedLineCount);

    const KnobReading reading = readKnob(edit.text, knob);
    QCOMPARE(reading.block, KnobBlock::None);
    QVERIFY(reading.isSet);
    if (isNumber)
        QCOMPARE(*reading.number, number);
    else
        QCOMPARE(QString::fromStdString(reading.choice), value);

    Diagnostics diagnostics;
    const auto read = readScenarioText(edit.text, "knob.yaml", diagnostics);
    QVERIFY2(read, diagnostics.format().c_str());
    const JobSpec& spec = read->job.spec;
    switch (knob) {
    case Knob::Parallelism:
        QCOMPARE(spec.parallelism, std::optional<int32_t>(int32_t(number)));
        break;
    case Knob::Completions:
        QCOMPARE(spec.completions, std::optional<int32_t>(int32_t(number)));
        break;
    case Knob::BackoffLimit:
        QCOMPARE(spec.backoffLimit, std::optional<int32_t>(int32_t(number)));
        break;
    case Knob::CompletionMode:
        QCOMPARE(spec.completionMode, std::optional<std::string>(value.toStdString()));
        break;
    case Knob::PodReplacementPolicy:
        QCOMPARE(spec.podReplacementPolicy, std::optional<std::string>(value.toStdString()));
        break;
    case Knob::FailureRate: {
        const auto rule = std::find_if(read->failures.begin(), read->failures.end(),
                                       [](const FailureRule& r) { return !r.index && !r.attempt; });
        QVERIFY(rule != read->failures.end());
        QCOMPARE(rule->probability, number);
        break;
    }
    case Knob::QuotaPods:
        QCOMPARE(read->quotaPods, std::optional<int>(int(number)));
        break;
    case Knob::PodDuration:
        QCOMPARE(read->runTime.kind, Duration::Kind::Fixed);
        QCOMPARE(read->runTime.value, number);
        break;
    case Knob::KubernetesVersion:
        QCOMPARE(read->kubernetesMinor, std::optional<int>(value.mid(2).toInt()));
        break;
    case Knob::GateBackoffLimitPerIndex:
    case Knob::GateManagedBy:
    case Knob::GatePodReplacementPolicy:
    case Knob::GateSuccessPolicy:
        QCOMPARE(read->featureGates.enabled(*knobGate(knob)), value == "true");
        break;
    }
}

void TestYamlEdit::resetKnobs() {
    const std::string withQuota = std::string(kScenario) + "cluster:\n  quota:\n    pods: 2\n";
    const YamlEdit noQuota = resetKnob(withQuota, Knob::QuotaPods);
    QVERIFY2(noQuota.ok(), noQuota.error.c_str());
    QCOMPARE(noQuota.text, std::string(kScenario)); // the emptied cluster goes too
    QVERIFY(!readKnob(noQuota.text, Knob::QuotaPods).isSet);

    const YamlEdit noCompletions = resetKnob(kScenario, Knob::Completions);
    QVERIFY(noCompletions.ok());
    QVERIFY(!QString::fromStdString(noCompletions.text).contains("completions"));
    QCOMPARE(readKnob(noCompletions.text, Knob::Completions).isSet, false);

    // Blocked knobs refuse rather than turn a manifest into a scenario.
    QVERIFY(!setKnobNumber(kManifest, Knob::FailureRate, 0.5).ok());
    QVERIFY(!setKnobNumber(kManifest, Knob::PodDuration, 3).ok());
    QVERIFY(!setKnobNumber(kScenario, Knob::Parallelism, -1).ok());
    QVERIFY(!setKnobNumber(kScenario, Knob::Parallelism, 1.5).ok());
    QVERIFY(!setKnobChoice(kScenario, Knob::CompletionMode, "Sometimes").ok());
    // No rule and a rate of 0: nothing to write.
    QCOMPARE(setKnobNumber(kScenario, Knob::FailureRate, 0).text, std::string(kScenario));

    // The last gate takes featureGates with it; a locked or missing gate cannot be set.
    const std::string release30 = std::string(kScenario) + "kubernetesVersion: \"1.30\"\n";
    const YamlEdit gate = setKnobChoice(release30, Knob::GateManagedBy, "true");
    QVERIFY2(gate.ok(), gate.error.c_str());
    const YamlEdit noGate = resetKnob(gate.text, Knob::GateManagedBy);
    QVERIFY2(noGate.ok(), noGate.error.c_str());
    QCOMPARE(noGate.text, release30);
    QVERIFY(!setKnobChoice(kScenario, Knob::GateManagedBy, "false").ok()); // GA in master
    QVERIFY(setKnobChoice(kScenario, Knob::GateManagedBy, "true").ok());   // its locked default
    QVERIFY(!setKnobChoice(std::string(kScenario) + "kubernetesVersion: \"1.29\"\n",
                           Knob::GateSuccessPolicy, "true")
                 .ok()); // not in 1.29
    QVERIFY(!setKnobChoice(kScenario, Knob::KubernetesVersion, "1.28").ok());
    QVERIFY(!setKnobChoice(kManifest, Knob::KubernetesVersion, "1.30").ok());
}

void TestYamlEdit::knobKeys() {
    for (const Knob knob : allKnobs())
        QCOMPARE(knobFromKey(knobKey(knob)), std::optional<Knob>(knob));
    QCOMPARE(allKnobs().size(), size_t(13));
    QVERIFY(!knobFromKey("speed"));
    QCOMPARE(formatKnobNumber(0.05), std::string("0.05"));
    QCOMPARE(formatKnobNumber(333.0 / 1000), std::string("0.333"));
    QCOMPARE(formatKnobNumber(4), std::string("4"));
}

QTEST_GUILESS_MAIN(TestYamlEdit)
#include "tst_yaml_edit.moc"
