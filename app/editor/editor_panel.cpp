// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/editor_panel.h"

#include "editor/find_bar.h"
#include "editor/knob_panel.h"
#include "editor/yaml_text_edit.h"
#include "gui/job_document.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>
#include <vector>

namespace jobscope::ui {

namespace {

constexpr int kLineRole = Qt::UserRole;
constexpr int kColumnRole = Qt::UserRole + 1;

} // namespace

// What a knob step makes of a text: the whole new text, or why it cannot.
struct EditorPanel::KnobEdit {
    QString text;
    QString error;
};

namespace {

EditorPanel::KnobEdit applySettings(const QString& text,
                                    const std::vector<edit::KnobSetting>& settings) {
    std::string result = text.toStdString();
    for (const edit::KnobSetting& setting : settings) {
        edit::YamlEdit step = edit::applyKnobSetting(result, setting);
        if (!step.ok())
            return {QString(), QString::fromStdString(step.error)};
        result = std::move(step.text);
    }
    return {QString::fromStdString(result), QString()};
}

} // namespace

struct EditorPanel::Private {
    JobDocument* document = nullptr;
    YamlTextEdit* edit = nullptr;
    FindBar* findBar = nullptr;
    QLabel* problemsHeader = nullptr;
    QListWidget* problems = nullptr;
    QGroupBox* knobBox = nullptr;
    KnobPanel* knobs = nullptr;
    QLabel* knobError = nullptr;
    bool loading = false;     // the editor's text is being replaced by the document's
    QString lastText;         // what the editor last handed to the document
    bool textPending = false; // typed since then
    QTimer textPause;

    // One knob reading at a time on a worker: a newer text waits for it (only the newest),
    // and a reading whose generation is no longer current is dropped.
    QFutureWatcher<std::vector<edit::KnobReading>> knobWatcher;
    bool knobReadRunning = false;
    std::optional<QString> queuedKnobText;
    quint64 knobGeneration = 0;    // bumped by every new text and by a trace's disableAll
    quint64 runningGeneration = 0; // of the reading on the worker

    // Knob steps on a large text: applied on a worker, the newest setting of each knob; the
    // text the worker started from must still be the editor's when its result arrives.
    QFutureWatcher<KnobEdit> knobEditWatcher;
    bool knobEditRunning = false;
    std::vector<edit::KnobSetting> pendingSettings; // not yet handed to the worker
    std::vector<edit::KnobSetting> runningSettings; // on the worker
    QString knobEditBase;                           // the text they apply to
    int knobEditRevision = 0;                       // ... the editor's document at that text
    bool knobEditDropped = false; // another file opened meanwhile: its steps are not this one's

    void queueSetting(const edit::KnobSetting& setting, bool older) {
        const auto same = std::find_if(
            pendingSettings.begin(), pendingSettings.end(),
            [&](const edit::KnobSetting& pending) { return pending.knob == setting.knob; });
        if (same == pendingSettings.end())
            pendingSettings.insert(older ? pendingSettings.begin() : pendingSettings.end(),
                                   setting);
        else if (!older)
            *same = setting;
    }
};

EditorPanel::EditorPanel(JobDocument* document, QWidget* parent)
    : QWidget(parent), d(std::make_unique<Private>()) {
    d->document = document;
    d->edit = new YamlTextEdit(this);
    d->edit->setObjectName(QStringLiteral("yamlEdit"));
    auto* textBox = new QWidget(this);
    auto* textLayout = new QVBoxLayout(textBox);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->setSpacing(0);
    d->findBar = new FindBar(d->edit, textBox);
    textLayout->addWidget(d->findBar);
    textLayout->addWidget(d->edit, 1);

    auto* problemsBox = new QWidget(this);
    auto* problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->setContentsMargins(0, 4, 0, 0);
    problemsLayout->setSpacing(2);
    d->problemsHeader = new QLabel(problemsBox);
    d->problems = new QListWidget(problemsBox);
    d->problems->setObjectName(QStringLiteral("diagnostics"));
    d->problems->setWordWrap(true);
    d->problems->setUniformItemSizes(false);
    problemsLayout->addWidget(d->problemsHeader);
    problemsLayout->addWidget(d->problems);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("editorSplitter"));
    splitter->addWidget(textBox);
    splitter->addWidget(problemsBox);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    d->knobBox = new QGroupBox(this);
    auto* knobLayout = new QVBoxLayout(d->knobBox);
    d->knobs = new KnobPanel(d->knobBox);
    d->knobError = new QLabel(d->knobBox);
    d->knobError->setWordWrap(true);
    d->knobError->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    d->knobError->hide();
    knobLayout->addWidget(d->knobs);
    knobLayout->addWidget(d->knobError);
    // The knobs scroll rather than set the window's minimum size (two columns of them are
    // wider than a small screen's share for the editor).
    auto* knobScroll = new QScrollArea(this);
    knobScroll->setObjectName(QStringLiteral("knobScroll"));
    knobScroll->setWidget(d->knobBox);
    knobScroll->setWidgetResizable(true);
    knobScroll->setFrameShape(QFrame::NoFrame);
    knobScroll->setMinimumSize(200, 80);
    splitter->addWidget(knobScroll);
    splitter->setStretchFactor(2, 0);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);

    // Typing: a keystroke only restarts the pause; the text goes to the document after it.
    d->textPause.setSingleShot(true);
    d->textPause.setInterval(kTextPause);
    connect(&d->textPause, &QTimer::timeout, this, &EditorPanel::commitText);
    connect(d->edit, &QPlainTextEdit::textChanged, this, [this] {
        if (d->loading)
            return;
        d->textPending = true;
        d->textPause.start();
    });
    connect(&d->knobWatcher, &QFutureWatcherBase::finished, this, [this] {
        d->knobReadRunning = false;
        if (d->runningGeneration == d->knobGeneration) {
            d->knobs->showReadings(d->knobWatcher.result());
            return;
        }
        if (d->queuedKnobText) {
            const QString next = *d->queuedKnobText;
            d->queuedKnobText.reset();
            startKnobRead(next);
        }
    });
    // A knob: rewrite just its value, as one undoable edit of the editor's text. A small text
    // takes it at once (each step one undo); a large one on a worker, the GUI never waiting for
    // its parse.
    connect(d->knobs, &KnobPanel::knobEdited, this, [this](const QString& key) {
        QString error;
        const std::optional<edit::KnobSetting> setting = d->knobs->settingFor(key, &error);
        if (!setting) {
            showKnobEditError(error);
            return;
        }
        dropKnobReads(); // a reading of the text before the step would turn the knob back
        if (d->knobEditRunning || d->edit->document()->characterCount() > kKnobEditOnWorker) {
            d->queueSetting(*setting, false);
            if (!d->knobEditRunning)
                startKnobEdit();
            return;
        }
        const QString before = d->edit->toPlainText();
        finishKnobEdit(applySettings(before, {*setting}), before);
    });
    connect(&d->knobEditWatcher, &QFutureWatcherBase::finished, this, [this] {
        d->knobEditRunning = false;
        std::vector<edit::KnobSetting> applied = std::move(d->runningSettings);
        d->runningSettings.clear();
        if (d->knobEditDropped) {
            d->knobEditDropped = false;
        } else if (d->edit->document()->revision() != d->knobEditRevision) {
            // Typed meanwhile: the same values again, on the text as it is now.
            for (auto it = applied.rbegin(); it != applied.rend(); ++it)
                d->queueSetting(*it, true);
        } else {
            finishKnobEdit(d->knobEditWatcher.result(), d->knobEditBase);
        }
        d->knobEditBase.clear();
        if (!d->pendingSettings.empty())
            startKnobEdit();
    });
    connect(d->problems, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int line = item->data(kLineRole).toInt();
        const int column = item->data(kColumnRole).toInt();
        if (line <= 0)
            return;
        d->edit->goTo(line, column);
        d->edit->setFocus();
        emit diagnosticActivated(line, column);
    });
    connect(d->problems, &QListWidget::itemActivated, d->problems, &QListWidget::itemClicked);

    if (document) {
        connect(document, &JobDocument::textChanged, this, [this] {
            d->textPause.stop();
            d->textPending = false;
            d->findBar->dismiss();
            d->pendingSettings.clear();
            d->knobEditDropped = d->knobEditRunning;
            d->loading = true;
            d->lastText = d->document->text();
            // Live mode rewrites the text as the Job changes: the reader keeps their place.
            const int scroll = d->edit->verticalScrollBar()->value();
            d->edit->setPlainText(d->lastText);
            if (d->document->isLive())
                d->edit->verticalScrollBar()->setValue(scroll);
            d->edit->setReadOnly(d->document->kind() == JobDocument::Kind::Trace);
            d->loading = false;
            d->knobError->hide();
            if (d->document->kind() == JobDocument::Kind::Trace) {
                dropKnobReads();
                d->knobs->disableAll(tr("A recorded trace has no knobs: it is what happened."));
            } else {
                readKnobsLater(d->lastText);
            }
            d->edit->setDiagnostics({});
        });
        connect(document, &JobDocument::diagnosticsChanged, this, &EditorPanel::listDiagnostics);
        connect(document, &JobDocument::modifiedChanged, this, [this](bool modified) {
            if (!modified)
                d->edit->document()->setModified(false);
        });
        d->loading = true;
        d->lastText = document->text();
        d->edit->setPlainText(d->lastText);
        d->loading = false;
        readKnobsLater(d->lastText);
    }
    retranslate();
}

EditorPanel::~EditorPanel() {
    // The worker holds only its copy of the text; it must not outlive the panel (the tests run
    // under LeakSanitizer).
    d->knobWatcher.disconnect();
    d->knobWatcher.waitForFinished();
    d->knobEditWatcher.disconnect();
    d->knobEditWatcher.waitForFinished();
}

void EditorPanel::commitText() {
    d->textPause.stop();
    if (!d->textPending)
        return;
    d->textPending = false;
    const QString text = d->edit->toPlainText();
    if (text == d->lastText)
        return;
    d->lastText = text;
    d->knobError->hide();
    if (d->document)
        d->document->setText(text);
    readKnobsLater(text);
}

bool EditorPanel::knobsPending() const {
    return d->knobReadRunning || d->queuedKnobText.has_value() || d->knobEditRunning ||
           !d->pendingSettings.empty();
}

void EditorPanel::startKnobEdit() {
    d->knobEditRunning = true;
    d->runningSettings = std::move(d->pendingSettings);
    d->pendingSettings.clear();
    d->knobEditBase = d->edit->toPlainText();
    d->knobEditRevision = d->edit->document()->revision();
    d->knobEditWatcher.setFuture(
        QtConcurrent::run([text = d->knobEditBase, settings = d->runningSettings] {
            return applySettings(text, settings);
        }));
}

void EditorPanel::finishKnobEdit(const KnobEdit& result, const QString& before) {
    if (!result.error.isEmpty()) {
        showKnobEditError(result.error);
        return;
    }
    d->edit->replaceTextUndoably(result.text, before);
    commitText(); // a knob step is one edit: the document runs it without the pause
}

void EditorPanel::showKnobEditError(const QString& error) {
    d->knobError->setText(tr("The knob could not change the text: %1").arg(error));
    d->knobError->show();
    readKnobsLater(d->edit->toPlainText()); // back to what the text says
}

void EditorPanel::waitForKnobs() {
    // The reading's end arrives as an event: wait for events, not for time.
    while (knobsPending())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

void EditorPanel::readKnobsLater(const QString& text) {
    ++d->knobGeneration;
    if (d->knobReadRunning)
        d->queuedKnobText = text;
    else
        startKnobRead(text);
}

void EditorPanel::startKnobRead(const QString& text) {
    d->knobReadRunning = true;
    d->runningGeneration = d->knobGeneration;
    // The copy shares the text's buffer; the conversion runs on the worker too.
    d->knobWatcher.setFuture(
        QtConcurrent::run([text] { return edit::readKnobs(text.toStdString()); }));
}

void EditorPanel::dropKnobReads() {
    ++d->knobGeneration;
    d->queuedKnobText.reset();
}

void EditorPanel::openFind(bool replace) {
    d->findBar->open(replace);
}

FindBar* EditorPanel::findBar() const {
    return d->findBar;
}

QPlainTextEdit* EditorPanel::textEdit() const {
    return d->edit;
}
YamlTextEdit* EditorPanel::yamlEdit() const {
    return d->edit;
}
QListWidget* EditorPanel::diagnosticsList() const {
    return d->problems;
}
KnobPanel* EditorPanel::knobPanel() const {
    return d->knobs;
}
QList<int> EditorPanel::underlinedLines() const {
    return d->edit->underlinedLines();
}
QWidget* EditorPanel::knob(const QString& key) const {
    return d->knobs->knob(key);
}

QStringList EditorPanel::listedDiagnostics() const {
    QStringList out;
    for (int i = 0; i < d->problems->count(); ++i)
        out << d->problems->item(i)->text();
    return out;
}

void EditorPanel::listDiagnostics() {
    if (!d->document)
        return;
    d->edit->setDiagnostics(d->document->diagnostics());
    d->problems->clear();
    for (const DocumentDiagnostic& diagnostic : d->document->diagnostics()) {
        QString text;
        if (diagnostic.line > 0 && diagnostic.column > 0)
            text = tr("line %1, column %2: %3")
                       .arg(diagnostic.line)
                       .arg(diagnostic.column)
                       .arg(diagnostic.message);
        else if (diagnostic.line > 0)
            text = tr("line %1: %2").arg(diagnostic.line).arg(diagnostic.message);
        else
            text = diagnostic.message;
        auto* item = new QListWidgetItem(style()->standardIcon(diagnostic.error
                                                                   ? QStyle::SP_MessageBoxCritical
                                                                   : QStyle::SP_MessageBoxWarning),
                                         text, d->problems);
        item->setData(kLineRole, diagnostic.line);
        item->setData(kColumnRole, diagnostic.column);
        item->setToolTip(text);
    }
    retranslateHeader();
}

void EditorPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void EditorPanel::retranslate() {
    d->knobBox->setTitle(tr("Knobs"));
    d->knobBox->setToolTip(tr("Each knob rewrites just its value in the YAML above (Ctrl+Z undoes "
                              "it); editing the YAML moves the knobs."));
    d->edit->setAccessibleName(tr("YAML editor"));
    d->problems->setAccessibleName(tr("Problems"));
    listDiagnostics(); // in the new language
    retranslateHeader();
}

void EditorPanel::retranslateHeader() {
    const int count = d->problems->count();
    d->problemsHeader->setText(count == 0 ? tr("No problems")
                                          : tr("Problems (%n)", nullptr, count));
}

} // namespace jobscope::ui
