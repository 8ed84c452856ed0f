// SPDX-License-Identifier: GPL-3.0-or-later
// The editor panel (app/editor/editor_panel.h) on a real JobDocument: a bad edit is underlined
// at its line and listed; a knob rewrites exactly its value and Ctrl+Z takes it back; a text
// change moves the knobs; the YAML colours; the keys behave like a YAML editor's.

#include "editor/editor_panel.h"
#include "editor/find_bar.h"
#include "editor/knob_panel.h"
#include "editor/text_search.h"
#include "editor/yaml_highlighter.h"
#include "editor/yaml_text_edit.h"
#include "gui/job_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace jobscope::ui;

namespace {

QString scenarioText() {
    return QStringLiteral("# A test scenario\n"
                          "title: Test\n"
                          "stopAt: 60\n"
                          "job:\n"
                          "  apiVersion: batch/v1\n"
                          "  kind: Job\n"
                          "  metadata:\n"
                          "    name: test\n"
                          "  spec:\n"
                          "    completions: 6   # six items\n"
                          "    parallelism: 2\n"
                          "    template:\n"
                          "      spec:\n"
                          "        restartPolicy: Never\n"
                          "        containers:\n"
                          "        - name: worker\n"
                          "          image: busybox\n"
                          "runTime: 5\n");
}

// 1-based number of the first line containing `needle`.
int lineOf(const QString& text, const QString& needle) {
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines[i].contains(needle))
            return static_cast<int>(i + 1);
    return 0;
}

// Lines of `after` that differ from `before`, and lines added.
QStringList changedLines(const QString& before, const QString& after) {
    QStringList a = before.split(QLatin1Char('\n'));
    QStringList b = after.split(QLatin1Char('\n'));
    // Drop the common head and tail; what is left in `b` is new.
    while (!a.isEmpty() && !b.isEmpty() && a.first() == b.first())
        a.removeFirst(), b.removeFirst();
    while (!a.isEmpty() && !b.isEmpty() && a.last() == b.last())
        a.removeLast(), b.removeLast();
    return b;
}

// The foreground colour the highlighter gave the character at `column` of `line` (0-based).
QColor colourAt(QPlainTextEdit* edit, int line, int column) {
    const QTextBlock block = edit->document()->findBlockByNumber(line);
    for (const QTextLayout::FormatRange& range : block.layout()->formats())
        if (column >= range.start && column < range.start + range.length)
            return range.format.foreground().color();
    return {};
}

struct Fixture {
    JobDocument document;
    EditorPanel panel{&document};

    Fixture(const QString& text = scenarioText()) {
        panel.resize(520, 720);
        document.openText(text, QStringLiteral("test.yaml"));
        document.waitForIdle();
        QCoreApplication::processEvents();
        waitForKnobs();
    }
    // The knobs are read from a new text on a worker thread.
    bool waitForKnobs() {
        return QTest::qWaitFor([this] { return !panel.knobsPending(); }, 10000);
    }
    // After a text change: the knobs without waiting for the pause.
    bool knobsFollow() {
        panel.commitText();
        return waitForKnobs();
    }
    // After an edit: the text to the document without the pause, its run and its diagnostics.
    void settle() {
        panel.commitText();
        document.runNow();
        document.waitForIdle();
        QCoreApplication::processEvents();
        waitForKnobs();
    }
};

} // namespace

class TestEditorPanel : public QObject {
    Q_OBJECT

private slots:
    void opensWithTheDocumentsText();
    void badEditUnderlinedAndListed_data();
    void badEditUnderlinedAndListed();
    void typedBadValue();
    void clickingADiagnosticMovesTheCursor();
    void knobChangesOnlyItsValue_data();
    void knobChangesOnlyItsValue();
    void controlPlaneKnobs();
    void textChangeMovesTheKnobs();
    void blockedKnobsSayWhy();
    void highlighterFormats();
    void tabInsertsSpaces();
    void keystrokeLeavesTheParseToAWorker();
    void searchMatches_data();
    void searchMatches();
    void findBarSelectsAndCounts();
    void replaceAndReplaceAll();
    void readOnlyTextFindsOnly();
    void staleKnobReadingIsDropped();
    void knobStepOnALargeTextRunsOnAWorker();
    void rendersUnderline();
};

void TestEditorPanel::opensWithTheDocumentsText() {
    Fixture f;
    QCOMPARE(f.panel.textEdit()->toPlainText(), scenarioText());
    QVERIFY(f.panel.listedDiagnostics().isEmpty());
    QVERIFY(f.panel.underlinedLines().isEmpty());
    QCOMPARE(qobject_cast<QSpinBox*>(f.panel.knob("parallelism"))->value(), 2);
    QCOMPARE(qobject_cast<QSpinBox*>(f.panel.knob("completions"))->value(), 6);
    QCOMPARE(qobject_cast<QDoubleSpinBox*>(f.panel.knob("podDuration"))->value(), 5.0);
    QVERIFY(!f.panel.knob("nonsense"));
    // Opening another text replaces the editor's.
    const QString other = QString(scenarioText()).replace("parallelism: 2", "parallelism: 4");
    f.document.openText(other, QStringLiteral("other.yaml"));
    QCOMPARE(f.panel.textEdit()->toPlainText(), other);
    QTRY_COMPARE(qobject_cast<QSpinBox*>(f.panel.knob("parallelism"))->value(), 4);
}

void TestEditorPanel::badEditUnderlinedAndListed_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("lineWith"); // the line the error is on (in the edited text)
    QTest::addColumn<QString>("message");  // part of the listed message

    QTest::newRow("negative parallelism") << "parallelism: 2"
                                          << "parallelism: -1"
                                          << "parallelism: -1"
                                          << "greater than or equal";
    QTest::newRow("unknown key") << "runTime: 5"
                                 << "runTme: 5"
                                 << "runTme"
                                 << "runTime";
    QTest::newRow("broken YAML") << "completions: 6"
                                 << "completions: [6"
                                 << ""
                                 << "YAML";
}

void TestEditorPanel::badEditUnderlinedAndListed() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, lineWith);
    QFETCH(QString, message);

    Fixture f;
    const QString bad = QString(scenarioText()).replace(from, to);
    f.panel.textEdit()->setPlainText(bad);
    QTRY_COMPARE(f.document.text(), bad); // the edit goes to the document after the pause
    f.settle();

    const QStringList listed = f.panel.listedDiagnostics();
    QVERIFY(!listed.isEmpty());
    QVERIFY2(listed.join('\n').contains(message), qPrintable(listed.join('\n')));
    QVERIFY(!f.panel.underlinedLines().isEmpty());
    if (!lineWith.isEmpty()) {
        const int line = lineOf(bad, lineWith);
        QVERIFY2(f.panel.underlinedLines().contains(line),
                 qPrintable(listed.join('\n') + " / underlined lines: " +
                            QString::number(f.panel.underlinedLines().value(0))));
        QVERIFY(listed.first().startsWith(QStringLiteral("line %1").arg(line)));
    }
    // Fixing it clears both.
    f.panel.textEdit()->setPlainText(scenarioText());
    f.settle();
    QVERIFY(f.panel.listedDiagnostics().isEmpty());
    QVERIFY(f.panel.underlinedLines().isEmpty());
}

// Real keystrokes: select the value and type over it.
void TestEditorPanel::typedBadValue() {
    Fixture f;
    QPlainTextEdit* edit = f.panel.textEdit();
    const int line = lineOf(scenarioText(), "parallelism: 2");
    const QTextBlock block = edit->document()->findBlockByNumber(line - 1);
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock);
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor);
    edit->setTextCursor(cursor);
    QTest::keyClicks(edit, "-1");
    QCOMPARE(block.text(), QStringLiteral("    parallelism: -1"));
    f.settle();
    QCOMPARE(f.panel.underlinedLines(), QList<int>{line});
    // The underline covers the value's column.
    const auto underlines = f.panel.yamlEdit()->underlines();
    QVERIFY(!underlines.isEmpty());
    QCOMPARE(underlines.first().line, line);
    QVERIFY(underlines.first().start <= 17 &&
            underlines.first().start + underlines.first().length >= 19);
    // The parallelism knob cannot show -1: it is disabled and says why.
    QVERIFY(!f.panel.knob("parallelism")->isEnabled());
    QVERIFY(f.panel.knob("parallelism")->toolTip().contains("-1"));
}

void TestEditorPanel::clickingADiagnosticMovesTheCursor() {
    Fixture f;
    const QString bad = QString(scenarioText()).replace("runTime: 5", "runTme: 5");
    f.panel.textEdit()->setPlainText(bad);
    f.settle();
    QListWidget* list = f.panel.diagnosticsList();
    QVERIFY(list->count() > 0);
    f.panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
    QSignalSpy activated(&f.panel, &EditorPanel::diagnosticActivated);
    const QRect rect = list->visualItemRect(list->item(0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.count(), 1);
    const int line = lineOf(bad, "runTme");
    QCOMPARE(activated.first().at(0).toInt(), line);
    QCOMPARE(f.panel.textEdit()->textCursor().blockNumber(), line - 1);
}

void TestEditorPanel::knobChangesOnlyItsValue_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("presses"); // Up on a spin box, Down on a combo box
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("parallelism") << "parallelism" << 1 << QStringList{"    parallelism: 3"};
    QTest::newRow("completions") << "completions" << 2
                                 << QStringList{"    completions: 8   # six items"};
    QTest::newRow("completion mode")
        << "completionMode" << 2 << QStringList{"    completionMode: Indexed"};
    QTest::newRow("backoff limit") << "backoffLimit" << 2 << QStringList{"    backoffLimit: 1"};
    QTest::newRow("replacement policy")
        << "podReplacementPolicy" << 2 << QStringList{"    podReplacementPolicy: Failed"};
    QTest::newRow("failure rate") << "failureRate" << 5
                                  << QStringList{"failures: [{probability: 0.05}]"};
    QTest::newRow("quota") << "quotaPods" << 3
                           << QStringList{"cluster:", "  quota:", "    pods: 2"};
    QTest::newRow("pod duration") << "podDuration" << 1 << QStringList{"runTime: 6"};
    QTest::newRow("kubernetes version")
        << "kubernetesVersion" << 2 << QStringList{"kubernetesVersion: \"1.30\""};
}

// The release decides which gates exist and which are locked; the gate knobs follow it.
void TestEditorPanel::controlPlaneKnobs() {
    Fixture f;
    auto* version = qobject_cast<QComboBox*>(f.panel.knob("kubernetesVersion"));
    auto* managedBy = qobject_cast<QComboBox*>(f.panel.knob("JobManagedBy"));
    auto* successPolicy = qobject_cast<QComboBox*>(f.panel.knob("JobSuccessPolicy"));
    QVERIFY(version && managedBy && successPolicy);
    QCOMPARE(version->currentText(), QStringLiteral("default (current master)"));
    // Current master: every Job gate is GA, locked on, shown but not editable.
    QVERIFY(!managedBy->isEnabled());
    QCOMPARE(managedBy->currentText(), QStringLiteral("default (on)"));
    QVERIFY(managedBy->toolTip().contains("locked"));

    QTest::keyClick(version, Qt::Key_Down);
    QTest::keyClick(version, Qt::Key_Down);
    QTest::keyClick(version, Qt::Key_Down); // 1.31: JobManagedBy is alpha, off
    QVERIFY(f.panel.textEdit()->toPlainText().contains("kubernetesVersion: \"1.31\""));
    QTRY_VERIFY(managedBy->isEnabled());
    QCOMPARE(managedBy->currentText(), QStringLiteral("default (off)"));
    QTest::keyClick(managedBy, Qt::Key_Down);
    const QString text = f.panel.textEdit()->toPlainText();
    QVERIFY2(text.contains("featureGates:\n  JobManagedBy: true\n"), qPrintable(text));
    QCOMPARE(managedBy->currentText(), QStringLiteral("on"));
    QCOMPARE(f.document.text(), text);
    f.settle();
    QVERIFY2(f.panel.listedDiagnostics().isEmpty(),
             qPrintable(f.panel.listedDiagnostics().join('\n')));

    // 1.29 has no JobSuccessPolicy gate.
    f.panel.textEdit()->setPlainText(scenarioText() + "kubernetesVersion: \"1.29\"\n");
    QVERIFY(f.knobsFollow());
    QVERIFY(!successPolicy->isEnabled());
    QCOMPARE(successPolicy->currentText(), QStringLiteral("default (off)"));
    QVERIFY(successPolicy->toolTip().contains("from Kubernetes 1.30"));
    // A bare manifest has no control plane to choose.
    f.panel.textEdit()->setPlainText(
        "apiVersion: batch/v1\nkind: Job\nmetadata: {name: m}\nspec:\n  template:\n    spec:\n"
        "      restartPolicy: Never\n      containers: [{name: c, image: busybox}]\n");
    QVERIFY(f.knobsFollow());
    QVERIFY(!version->isEnabled());
    QVERIFY(version->toolTip().contains("scenario"));
}

void TestEditorPanel::knobChangesOnlyItsValue() {
    QFETCH(QString, key);
    QFETCH(int, presses);
    QFETCH(QStringList, expected);

    Fixture f;
    QWidget* knob = f.panel.knob(key);
    QVERIFY(knob && knob->isEnabled());
    const bool combo = qobject_cast<QComboBox*>(knob) != nullptr;
    for (int i = 0; i < presses; ++i)
        QTest::keyClick(knob, combo ? Qt::Key_Down : Qt::Key_Up);

    const QString after = f.panel.textEdit()->toPlainText();
    QCOMPARE(changedLines(scenarioText(), after), expected);
    QCOMPARE(f.document.text(), after); // and the document runs it
    f.settle();
    QVERIFY2(f.panel.listedDiagnostics().isEmpty(),
             qPrintable(f.panel.listedDiagnostics().join('\n')));

    // One Ctrl+Z undoes one knob step; all of them bring the original back.
    for (int i = 0; i < presses; ++i)
        QTest::keyClick(f.panel.textEdit(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(f.panel.textEdit()->toPlainText(), scenarioText());
    QTRY_COMPARE(f.document.text(), scenarioText());
    // ... and the knob follows the text back.
    if (key == "parallelism")
        QTRY_COMPARE(qobject_cast<QSpinBox*>(knob)->value(), 2);
}

void TestEditorPanel::textChangeMovesTheKnobs() {
    Fixture f;
    auto* parallelism = qobject_cast<QSpinBox*>(f.panel.knob("parallelism"));
    auto* mode = qobject_cast<QComboBox*>(f.panel.knob("completionMode"));
    auto* quota = qobject_cast<QSpinBox*>(f.panel.knob("quotaPods"));
    auto* rate = qobject_cast<QDoubleSpinBox*>(f.panel.knob("failureRate"));
    QCOMPARE(mode->currentText(), QStringLiteral("default (NonIndexed)"));
    QCOMPARE(quota->text(), QStringLiteral("no quota"));
    QCOMPARE(rate->text(), QStringLiteral("none"));

    QString text = scenarioText();
    text.replace("parallelism: 2", "parallelism: 5\n    completionMode: Indexed");
    text += "cluster: {quota: {pods: 3}}\nfailures:\n- probability: 0.125\n";
    f.panel.textEdit()->setPlainText(text);
    QTRY_COMPARE(parallelism->value(), 5);
    QCOMPARE(mode->currentData().toString(), QStringLiteral("Indexed"));
    QCOMPARE(quota->value(), 3);
    QCOMPARE(rate->value(), 12.5);

    // Without the key the default shows, as a default.
    f.panel.textEdit()->setPlainText(QString(scenarioText()).remove("    parallelism: 2\n"));
    QTRY_COMPARE(parallelism->text(), QStringLiteral("default (1)"));
    QVERIFY(parallelism->isEnabled());
}

void TestEditorPanel::blockedKnobsSayWhy() {
    const QString manifest = QStringLiteral("apiVersion: batch/v1\nkind: Job\nmetadata:\n"
                                            "  name: m\nspec:\n  parallelism: 3\n  template:\n"
                                            "    spec:\n      restartPolicy: Never\n"
                                            "      containers:\n      - {name: w, image: b}\n");
    Fixture f(manifest);
    QCOMPARE(qobject_cast<QSpinBox*>(f.panel.knob("parallelism"))->value(), 3);
    QVERIFY(f.panel.knob("parallelism")->isEnabled());
    for (const char* key : {"failureRate", "podDuration", "quotaPods"}) {
        QVERIFY2(!f.panel.knob(key)->isEnabled(), key);
        QVERIFY2(f.panel.knob(key)->toolTip().contains("manifest"), key);
    }
    QVERIFY(f.panel.knob("failureRate")->toolTip().contains("job:"));

    // Broken YAML: every knob waits for a text that reads.
    f.panel.textEdit()->setPlainText("spec: [");
    QVERIFY(f.knobsFollow());
    for (const QString& key : f.panel.knobPanel()->keys())
        QVERIFY2(!f.panel.knob(key)->isEnabled(), qPrintable(key));
}

void TestEditorPanel::highlighterFormats() {
    YamlTextEdit edit;
    edit.setPlainText("# comment\n"
                      "key: 'text'  # note\n"
                      "n: 42\n"
                      "b: true\n"
                      "---\n"
                      "a: &anchor 1\n"
                      "d: |\n"
                      "  block: text\n"
                      "- {x: 1, y: \"s\"}\n");
    const YamlHighlighter* h = edit.highlighter();
    using R = YamlHighlighter::Role;
    auto colour = [&](R role) { return h->formatFor(role).foreground().color(); };
    QCOMPARE(colourAt(&edit, 0, 3), colour(R::Comment));
    QCOMPARE(colourAt(&edit, 1, 0), colour(R::Key));
    QCOMPARE(colourAt(&edit, 1, 2), colour(R::Key));
    QCOMPARE(colourAt(&edit, 1, 3), QColor()); // the colon
    QCOMPARE(colourAt(&edit, 1, 6), colour(R::String));
    QCOMPARE(colourAt(&edit, 1, 14), colour(R::Comment));
    QCOMPARE(colourAt(&edit, 2, 3), colour(R::Number));
    QCOMPARE(colourAt(&edit, 3, 4), colour(R::Keyword));
    QCOMPARE(colourAt(&edit, 4, 1), colour(R::DocumentMarker));
    QCOMPARE(colourAt(&edit, 5, 4), colour(R::Anchor));
    QCOMPARE(colourAt(&edit, 5, 11), colour(R::Number));
    QCOMPARE(colourAt(&edit, 7, 3), colour(R::String)); // a block scalar's line, not a key
    QCOMPARE(colourAt(&edit, 8, 3), colour(R::Key));    // a key inside a flow mapping
    QCOMPARE(colourAt(&edit, 8, 6), colour(R::Number));
    QCOMPARE(colourAt(&edit, 8, 13), colour(R::String));
    QVERIFY(colour(R::Key) != colour(R::Comment));
    // Dark palettes get their own colours.
    QPalette dark = edit.palette();
    dark.setColor(QPalette::Base, Qt::black);
    dark.setColor(QPalette::Text, Qt::white);
    edit.setPalette(dark);
    QVERIFY(h->isDark());
    QCOMPARE(colourAt(&edit, 1, 0), colour(R::Key));
}

// A keystroke neither hands the text over nor reads the knobs: the pause, then a worker.
void TestEditorPanel::keystrokeLeavesTheParseToAWorker() {
    Fixture f;
    QPlainTextEdit* edit = f.panel.textEdit();
    auto* parallelism = qobject_cast<QSpinBox*>(f.panel.knob("parallelism"));
    const int line = lineOf(scenarioText(), "parallelism: 2");
    QTextCursor cursor(edit->document()->findBlockByNumber(line - 1));
    cursor.movePosition(QTextCursor::EndOfBlock);
    edit->setTextCursor(cursor);
    QTest::keyClick(edit, Qt::Key_7); // parallelism: 27
    QCOMPARE(parallelism->value(), 2);
    QCOMPARE(f.document.text(), scenarioText());
    QVERIFY(!f.document.isModified());
    QTRY_COMPARE(parallelism->value(), 27);
    QVERIFY(f.document.text().contains("parallelism: 27"));
    QVERIFY(f.document.isModified());
}

void TestEditorPanel::searchMatches_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("term");
    QTest::addColumn<bool>("matchCase");
    QTest::addColumn<bool>("wholeWord");
    QTest::addColumn<QList<qsizetype>>("expected");

    QTest::newRow("any case") << "Job job JOB"
                              << "job" << false << false << QList<qsizetype>{0, 4, 8};
    QTest::newRow("match case") << "Job job JOB"
                                << "job" << true << false << QList<qsizetype>{4};
    QTest::newRow("not overlapping") << "aaaa"
                                     << "aa" << false << false << QList<qsizetype>{0, 2};
    QTest::newRow("whole words") << "name: names, name_x, (name)"
                                 << "name" << false << true << QList<qsizetype>{0, 22};
    QTest::newRow("whole word skips a part and finds the next")
        << "podname pod"
        << "pod" << false << true << QList<qsizetype>{8};
    QTest::newRow("empty term") << "abc"
                                << "" << false << false << QList<qsizetype>{};
}

void TestEditorPanel::searchMatches() {
    QFETCH(QString, text);
    QFETCH(QString, term);
    QFETCH(bool, matchCase);
    QFETCH(bool, wholeWord);
    QFETCH(QList<qsizetype>, expected);
    const QVector<qsizetype> found = findAll(text, term, SearchOptions{matchCase, wholeWord});
    QCOMPARE(found, expected);
    if (!found.isEmpty()) {
        QCOMPARE(matchAtOrAfter(found, found.last() + 1), 0); // wraps
        QCOMPARE(matchAtOrAfter(found, found.first()), 0);
        const QString replaced = replaceMatches(text, found, term.size(), u"#");
        QCOMPARE(replaced.size(), text.size() - found.size() * (term.size() - 1));
    }
}

// Typing a term selects its first match; Enter and Shift+Enter go round; the options narrow.
void TestEditorPanel::findBarSelectsAndCounts() {
    Fixture f;
    f.panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
    YamlTextEdit* edit = f.panel.yamlEdit();
    FindBar* bar = f.panel.findBar();
    QVERIFY(!bar->isVisible());
    f.panel.openFind();
    QVERIFY(bar->isVisible());
    QVERIFY(!bar->isReplaceShown());
    QCOMPARE(QApplication::focusWidget(), bar->findField());

    // A narrow pane puts the options under the term rather than squeeze it; a wide one keeps
    // one row.
    f.panel.resize(300, 720);
    QTRY_VERIFY(bar->optionsOnOwnRow());
    QVERIFY(bar->findField()->width() >= bar->findField()->fontMetrics().averageCharWidth() * 14);
    f.panel.resize(900, 720);
    QTRY_VERIFY(!bar->optionsOnOwnRow());
    f.panel.resize(520, 720);

    QTest::keyClicks(bar->findField(), "test"); // "# A test", "title: Test", "name: test"
    QCOMPARE(bar->matchCount(), 3);
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("1 of 3"));
    QCOMPARE(edit->textCursor().selectedText(), QStringLiteral("test"));
    QCOMPARE(edit->textCursor().blockNumber(), 0);
    QCOMPARE(edit->markedMatchCount(), 3);
    QTest::keyClick(bar->findField(), Qt::Key_Return);
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("2 of 3"));
    QCOMPARE(edit->textCursor().selectedText(), QStringLiteral("Test"));
    QTest::keyClick(bar->findField(), Qt::Key_Return);
    QTest::keyClick(bar->findField(), Qt::Key_Return); // past the last: the first again
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("1 of 3"));
    QTest::keyClick(bar->findField(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("3 of 3"));
    QCOMPARE(edit->textCursor().blockNumber(), lineOf(scenarioText(), "name: test") - 1);

    bar->matchCaseBox()->setChecked(true);
    QCOMPARE(bar->matchCount(), 2);
    bar->matchCaseBox()->setChecked(false);
    bar->findField()->setText(QStringLiteral("parallel")); // inside "parallelism" only
    QCOMPARE(bar->matchCount(), 1);
    bar->wholeWordBox()->setChecked(true);
    QCOMPARE(bar->matchCount(), 0);
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("No matches"));

    // An edit of the text: the matches follow after a pause, and the cursor stays where the
    // user types.
    bar->wholeWordBox()->setChecked(false);
    QTextCursor end(edit->document());
    end.movePosition(QTextCursor::End);
    edit->setTextCursor(end);
    QTest::keyClicks(edit, "# parallel");
    const int typedAt = edit->textCursor().position();
    QTRY_COMPARE(bar->matchCount(), 2);
    QCOMPARE(edit->textCursor().position(), typedAt);
    QVERIFY(!edit->textCursor().hasSelection());
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("2 matches"));
    QTest::keyClick(bar->findField(), Qt::Key_Return, Qt::ShiftModifier); // the one just typed
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("2 of 2"));
    QCOMPARE(edit->textCursor().blockNumber(), edit->document()->blockCount() - 1);

    QTest::keyClick(bar->findField(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QCOMPARE(edit->markedMatchCount(), 0);
    QCOMPARE(QApplication::focusWidget(), edit);
    QVERIFY(f.panel.yamlEdit()->isEditing());
}

void TestEditorPanel::replaceAndReplaceAll() {
    Fixture f;
    f.panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
    QPlainTextEdit* edit = f.panel.textEdit();
    FindBar* bar = f.panel.findBar();
    f.panel.openFind(true);
    QVERIFY(bar->isReplaceShown());

    // Replace: the current match, then on to the next.
    bar->findField()->setText(QStringLiteral("worker"));
    bar->replaceField()->setText(QStringLiteral("runner"));
    QTest::keyClick(bar->replaceField(), Qt::Key_Return);
    QVERIFY(edit->toPlainText().contains(QStringLiteral("- name: runner")));
    QCOMPARE(bar->matchCount(), 0);
    edit->undo();
    QCOMPARE(edit->toPlainText(), scenarioText());

    // Replace All: every match, one undo step.
    bar->findField()->setText(QStringLiteral("test"));
    bar->replaceField()->setText(QStringLiteral("demo"));
    QCOMPARE(bar->replaceAll(), 3);
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("3 replaced"));
    const QString replaced =
        QString(scenarioText())
            .replace(QStringLiteral("test"), QStringLiteral("demo"), Qt::CaseInsensitive);
    QCOMPARE(edit->toPlainText(), replaced);
    QTRY_COMPARE(f.document.text(), replaced);
    edit->undo();
    QCOMPARE(edit->toPlainText(), scenarioText());
    QVERIFY(!edit->document()->isUndoAvailable() ||
            edit->toPlainText() == scenarioText()); // nothing half-replaced left to undo
}

// A recording is read-only: the bar finds but has no replace row.
void TestEditorPanel::readOnlyTextFindsOnly() {
    Fixture f;
    f.document.openLive(QStringLiteral("live"));
    QVERIFY(f.panel.textEdit()->isReadOnly());
    f.panel.openFind(true);
    QVERIFY(!f.panel.findBar()->isHidden());
    QVERIFY(!f.panel.findBar()->isReplaceShown());
    QCOMPARE(f.panel.findBar()->replaceAll(), 0);
}

// Of two texts in quick succession only the newer one's knobs show, even for a moment.
void TestEditorPanel::staleKnobReadingIsDropped() {
    Fixture f;
    auto* parallelism = qobject_cast<QSpinBox*>(f.panel.knob("parallelism"));
    f.panel.textEdit()->setPlainText(
        QString(scenarioText()).replace("parallelism: 2", "parallelism: 7"));
    f.panel.commitText();
    QVERIFY(f.panel.knobsPending());
    f.panel.textEdit()->setPlainText(
        QString(scenarioText()).replace("parallelism: 2", "parallelism: 9"));
    f.panel.commitText();
    QList<int> shown;
    QElapsedTimer clock;
    clock.start();
    while (f.panel.knobsPending() && clock.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (shown.isEmpty() || shown.last() != parallelism->value())
            shown << parallelism->value();
    }
    QVERIFY(!f.panel.knobsPending());
    QCOMPARE(parallelism->value(), 9);
    QVERIFY2(!shown.contains(7), qPrintable(QString::number(shown.size())));
    // A trace opened meanwhile: no reading brings the knobs back.
    f.panel.textEdit()->setPlainText(scenarioText());
    f.panel.commitText();
    f.document.openLive(QStringLiteral("live"));
    QVERIFY(f.waitForKnobs());
    QVERIFY(!parallelism->isVisible() || !parallelism->isEnabled());
    QVERIFY(!parallelism->isEnabled());
}

// Above kKnobEditOnWorker characters a knob step leaves the GUI at once; the steps taken while
// the worker parses join into one edit with the newest value; typing meanwhile is kept and the
// knob's value still lands; a file opened meanwhile gets none of the previous file's steps.
void TestEditorPanel::knobStepOnALargeTextRunsOnAWorker() {
    QString big = scenarioText();
    while (big.size() <= EditorPanel::kKnobEditOnWorker)
        big += QStringLiteral("# padding: a comment line long enough to make the text large\n");
    Fixture f(big);
    auto* parallelism = qobject_cast<QSpinBox*>(f.panel.knob("parallelism"));
    QCOMPARE(parallelism->value(), 2);

    parallelism->stepUp();
    parallelism->stepUp();
    parallelism->stepUp();
    QCOMPARE(f.panel.textEdit()->toPlainText(), big); // not on the GUI thread
    QVERIFY(f.panel.knobsPending());
    QVERIFY(f.waitForKnobs());
    const QString after = f.panel.textEdit()->toPlainText();
    QCOMPARE(changedLines(big, after), QStringList{"    parallelism: 5"});
    QCOMPARE(parallelism->value(), 5);
    QCOMPARE(f.document.text(), after);
    // The first step went to the worker alone, the other two joined into one edit after it.
    QTest::keyClick(f.panel.textEdit(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(changedLines(big, f.panel.textEdit()->toPlainText()),
             QStringList{"    parallelism: 3"});
    QTest::keyClick(f.panel.textEdit(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(f.panel.textEdit()->toPlainText(), big);

    // A keystroke while the worker runs: both the key and the knob's value are in the text.
    parallelism->stepUp(); // 2 -> 3 once the undo's reading arrived; the value is what counts
    QTRY_VERIFY(f.panel.knobsPending());
    const int stepped = parallelism->value();
    QTextCursor cursor(f.panel.textEdit()->document());
    cursor.movePosition(QTextCursor::EndOfBlock); // the end of the first line, a comment
    f.panel.textEdit()->setTextCursor(cursor);
    QTest::keyClick(f.panel.textEdit(), Qt::Key_X);
    QVERIFY(f.waitForKnobs());
    const QString typed = f.panel.textEdit()->toPlainText();
    QVERIFY(typed.startsWith(QStringLiteral("# A test scenariox\n")));
    QVERIFY2(typed.contains(QStringLiteral("    parallelism: %1\n").arg(stepped)),
             qPrintable(typed.left(400)));

    // Another file opened while a step is on the worker: the step is the old file's.
    parallelism->stepUp();
    QVERIFY(f.panel.knobsPending());
    const QString other = QString(big).replace("parallelism: 2", "parallelism: 9");
    f.document.openText(other, QStringLiteral("other.yaml"));
    QVERIFY(f.waitForKnobs());
    QCOMPARE(f.panel.textEdit()->toPlainText(), other);
    QCOMPARE(parallelism->value(), 9);
}

void TestEditorPanel::tabInsertsSpaces() {
    YamlTextEdit edit;
    edit.setPlainText("spec:");
    edit.moveCursor(QTextCursor::End);
    QTest::keyClick(&edit, Qt::Key_Return);
    QCOMPARE(edit.toPlainText(), QStringLiteral("spec:\n  ")); // one step deeper after "key:"
    QTest::keyClick(&edit, Qt::Key_Tab);
    QCOMPARE(edit.toPlainText(), QStringLiteral("spec:\n    "));
    QVERIFY(!edit.toPlainText().contains('\t'));
    QTest::keyClick(&edit, Qt::Key_Backtab);
    QCOMPARE(edit.toPlainText(), QStringLiteral("spec:\n  "));
}

// The underline is drawn: reddish pixels on the bad line of the rendered editor, none there
// once the text is good again.
void TestEditorPanel::rendersUnderline() {
    Fixture f;
    const QString bad = QString(scenarioText()).replace("parallelism: 2", "parallelism: -1");
    const int line = lineOf(bad, "parallelism: -1");
    auto reddishPixels = [&] {
        QPlainTextEdit* edit = f.panel.textEdit();
        edit->moveCursor(QTextCursor::Start); // the current-line highlight elsewhere
        const QImage image = edit->viewport()->grab().toImage();
        const QRect rect =
            edit->cursorRect(QTextCursor(edit->document()->findBlockByNumber(line - 1)));
        int count = 0;
        for (int y = std::max(0, rect.top()); y < std::min(image.height(), rect.bottom() + 4); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.red() > c.green() + 60 &&
                    std::abs(c.green() - c.blue()) < 40) // red, not orange
                    ++count;
            }
        return count;
    };
    f.panel.textEdit()->setPlainText(bad);
    f.settle();
    const QString path = qEnvironmentVariable("JOBSCOPE_EDITOR_SHOT");
    if (!path.isEmpty())
        f.panel.grab().save(path);
    const int withError = reddishPixels();
    f.panel.textEdit()->setPlainText(scenarioText());
    f.settle();
    QCOMPARE(reddishPixels(), 0);
    QVERIFY2(withError >= 5, qPrintable(QString::number(withError)));
}

QTEST_MAIN(TestEditorPanel)
#include "tst_editor_panel.moc"
