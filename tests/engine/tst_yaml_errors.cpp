// SPDX-License-Identifier: GPL-3.0-or-later
// Where a YAML syntax error is reported (yaml_reader.h): an unclosed flow collection or a
// quoted scalar left open is reported at its opening bracket or quote, not where yaml-cpp
// ran out of text many lines below; other errors stay where yaml-cpp found them.

#include "scenario/scenario_reader.h"
#include "yaml_reader.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace jobscope;

class TestYamlErrors : public QObject {
    Q_OBJECT

private slots:
    void position_data();
    void position();
    void scenarioText();
};

void TestYamlErrors::position_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("unclosed { in a block mapping") << "a: 1\nb: {x: 1, y: 2\nc: 3\nd: 4\n"
                                                   << 2 << 4 << "this '{' is never closed";
    QTest::newRow("unclosed [ in a block mapping") << "a: 1\nb: [1, 2\nc: 3\nd: 4\n"
                                                   << 2 << 4 << "this '[' is never closed";
    QTest::newRow("unclosed { at the end") << "a: 1\nb: {x: 1, y: 2\n" << 2 << 4 << "never closed";
    QTest::newRow("unclosed [ before blank lines") << "a: 1\nb: [1, 2\n\n\n\n"
                                                   << 2 << 4 << "this '[' is never closed";
    QTest::newRow("inner bracket closed, outer not") << "a: {b: [1,\n  2],\n c: 3\n"
                                                     << 1 << 4 << "this '{' is never closed";
    QTest::newRow("nested, inner one open") << "a:\n  b: {x: [1, 2, {y: 3}\n  c: 4\n"
                                            << 2 << 10 << "this '[' is never closed";
    QTest::newRow("in a sequence") << "- a\n- [1, 2\n- b\n" << 2 << 3 << "this '[' is never closed";
    QTest::newRow("brackets in comments and quotes do not count")
        << "# {not this\na: \"[nor this\"\nb: '{'\nc: {x: 1  # }\nd: 2\n"
        << 4 << 4 << "this '{' is never closed";
    QTest::newRow("brackets inside a plain scalar do not count")
        << "a: x[1]\nb: {c: 1\ne: 2\n"
        << 2 << 4 << "this '{' is never closed";
    QTest::newRow("brackets in a block scalar do not count")
        << "a: |\n  {[ text\nb: [1,\nc: 2\n"
        << 3 << 4 << "this '[' is never closed";
    QTest::newRow("unclosed \" runs on to the next quote")
        << "a: 1\nb: \"abc\nc: 3\nd: \"x\"\ne: 5\n"
        << 2 << 4 << "runs on to line 4";
    QTest::newRow("unclosed ' runs on to the next quote") << "a: 1\nb: 'abc\nc: 3\nd: 'x'\ne: 5\n"
                                                          << 2 << 4 << "runs on to line 4";
    QTest::newRow("apostrophe in a plain scalar is no quote")
        << "a: it's\nb: {c: 1\nd: 2\n"
        << 2 << 4 << "this '{' is never closed";
    QTest::newRow("other errors stay where yaml-cpp found them")
        << "a: {x: [1, 2}\nc: 3\n"
        << 1 << 13 << "YAML syntax error: illegal flow end";
    QTest::newRow("closed multi-line quote, error elsewhere") << "a: \"x\n  y\"\nb: 1\n  c: 2\n"
                                                              << 4 << 4 << "YAML syntax error: ";
}

void TestYamlErrors::position() {
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    std::vector<YAML::Node> documents;
    Diagnostics diagnostics;
    QVERIFY(!loadYamlDocuments(text.toStdString(), "t.yaml", documents, diagnostics));
    QCOMPARE(diagnostics.items().size(), size_t(1));
    const Diagnostic& d = diagnostics.items().front();
    QVERIFY2(d.message.find("YAML syntax error: ") == 0, d.message.c_str());
    QVERIFY2(d.message.find(message.toStdString()) != std::string::npos, d.message.c_str());
    QCOMPARE(d.position.line, line);
    QCOMPARE(d.position.column, column);
}

// The editor's path: a scenario whose Job manifest has an unclosed flow mapping on line 21
// followed by more lines.
void TestYamlErrors::scenarioText() {
    std::string text = "title: t\nstopAt: 60\njob:\n  apiVersion: batch/v1\n  kind: Job\n"
                       "  metadata:\n    name: t\n  spec:\n    completions: 2\n"
                       "    template:\n      spec:\n        restartPolicy: Never\n"
                       "        containers:\n        - name: c\n          image: busybox\n"
                       "          env:\n          - name: A\n            value: a\n"
                       "          - name: B\n            value: b\n";
    text += "          resources: {limits: {cpu: 1}\n"; // line 21
    text += "          args:\n          - x\n          - y\n        nodeSelector: {}\n"
            "runTime: 5\n";
    Diagnostics diagnostics;
    QVERIFY(!readScenarioText(text, "s.yaml", diagnostics));
    QVERIFY(diagnostics.hasErrors());
    const Diagnostic& d = diagnostics.items().front();
    QCOMPARE(d.position.line, 21);
    QCOMPARE(d.position.column, 22);
}

QTEST_GUILESS_MAIN(TestYamlErrors)
#include "tst_yaml_errors.moc"
