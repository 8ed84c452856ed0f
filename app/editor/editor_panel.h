// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The editor side of the main window: the document's YAML with syntax
// highlighting, its diagnostics underlined at their line and column and listed below, and
// controls for the common knobs that stay in sync with the YAML both ways.
//
// Typing goes to JobDocument::setText (which re-runs after a pause) after a short pause of its
// own (kTextPause), so that a keystroke does nothing with the whole text: on a text of
// megabytes copying it, scanning it or reading its knobs takes from milliseconds to seconds.
// A knob change rewrites just that value in the text (core/engine yaml_edit) and goes to the
// document at once; a new text (opened, or edited) updates the knobs from what it says, read on
// a worker thread (a result for a text that has changed since is dropped).

#include <QWidget>

#include <memory>

class QListWidget;
class QPlainTextEdit;

namespace jobscope::ui {

class FindBar;
class JobDocument;
class KnobPanel;
class YamlTextEdit;

class EditorPanel : public QWidget {
    Q_OBJECT

public:
    explicit EditorPanel(JobDocument* document, QWidget* parent = nullptr);
    ~EditorPanel() override;

    static constexpr int kTextPause = 150; // ms after the last keystroke
    // Above this many characters a knob step is applied on a worker (the text's parse takes
    // tens of milliseconds from here on); steps taken meanwhile join it, the newest value of
    // each knob winning.
    static constexpr int kKnobEditOnWorker = 256 * 1024;
    struct KnobEdit;

    QPlainTextEdit* textEdit() const;
    // Hands the editor's text to the document now rather than after the pause: for whoever
    // needs the document's text as the editor has it (saving, running, closing).
    void commitText();
    // Whether the knobs are still being read from the text (tests, the benchmark).
    bool knobsPending() const;
    // Processes events until the knobs show the current text (a screenshot).
    void waitForKnobs();
    // Lines (1-based) that currently carry an error underline.
    QList<int> underlinedLines() const;
    // The diagnostics as listed ("line 12, column 5: …").
    QStringList listedDiagnostics() const;

    // Knobs, by key: "parallelism", "completions", "completionMode", "backoffLimit",
    // "podReplacementPolicy", "failureRate", "quotaPods", "podDuration". The widget that
    // edits one (for tests and accessibility), nullptr for an unknown key.
    QWidget* knob(const QString& key) const;

    // Opens the find bar over the text; with the replace row when asked (an editable text only).
    void openFind(bool replace = false);

    // The parts, for the main window and tests.
    FindBar* findBar() const;
    YamlTextEdit* yamlEdit() const;
    QListWidget* diagnosticsList() const;
    KnobPanel* knobPanel() const;

signals:
    // The user activated a listed diagnostic (the main window may raise the editor).
    void diagnosticActivated(int line, int column);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void retranslateHeader();
    void listDiagnostics();
    void readKnobsLater(const QString& text);
    void startKnobRead(const QString& text);
    void dropKnobReads();
    void startKnobEdit();
    void finishKnobEdit(const KnobEdit& result, const QString& before);
    void showKnobEditError(const QString& error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace jobscope::ui
