// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/main_window.h"

#include "gui/example_catalog.h"
#include "gui/export_dialog.h"
#include "gui/inspector_panel.h"
#include "gui/job_document.h"
#include "gui/language.h"
#include "gui/live_controller.h"
#include "gui/media_icons.h"
#include "gui/playback_controller.h"
#include "gui/recent_files.h"
#include "gui/theme.h"
#include "live/connect_dialog.h"
#include "live/status_badge.h"
#include "pdf/run_report.h"
#include "plot/cause_labels.h"
#include "plot/cause_text.h"
#include "plot/difference_text.h"
#include "plot/overview_strip.h"
#include "plot/plot_style.h"
#include "plot/time_range.h"
#include "plot/timeline_plot.h"
#include "report/csv.h"
#include "sim/whatif.h"

#include <qcustomplot.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>

// The parts other helpers build land in the tree when they are complete; until then the
// window keeps a marked slot for them (see placeholder()).
#if __has_include("gantt/pod_gantt.h")
#include "gantt/pod_gantt.h"
#define JOBSCOPE_HAS_GANTT 1
#else
#define JOBSCOPE_HAS_GANTT 0
#endif
#if __has_include("editor/editor_panel.h")
#include "editor/editor_panel.h"
#define JOBSCOPE_HAS_EDITOR 1
#else
#define JOBSCOPE_HAS_EDITOR 0
#endif
#if __has_include("compare/compare_window.h") && __has_include("analysis/summary.h")
#include "compare/compare_window.h"
#define JOBSCOPE_HAS_COMPARE 1
#else
#define JOBSCOPE_HAS_COMPARE 0
#endif
#if __has_include("sweep/sweep_window.h")
#include "sweep/sweep_window.h"
#define JOBSCOPE_HAS_SWEEP 1
#else
#define JOBSCOPE_HAS_SWEEP 0
#endif
#if __has_include("lesson/lesson_presenter.h")
#include "lesson/lesson_presenter.h"
#define JOBSCOPE_HAS_LESSON 1
#else
#define JOBSCOPE_HAS_LESSON 0
#endif

#ifndef JOBSCOPE_YAML_CPP_VERSION
#define JOBSCOPE_YAML_CPP_VERSION "0.7"
#endif

namespace jobscope::ui {

namespace {

constexpr int kSliderSteps = 10000;
// Compare's entry for the open document (no file path starts with a control character).
constexpr char kOpenDocumentEntry[] = "\x01open-document";
const QSize kDefaultPlotSize(1600, 900);
const QSize kDefaultDashboardSize(1600, 1400);

// A length of time, always in seconds ("74.4 s"); moments are formatClock's.
QString formatDuration(double seconds) {
    if (!std::isfinite(seconds))
        return QStringLiteral("–");
    return QStringLiteral("%1 s").arg(seconds, 0, 'f', 1);
}

// Writes an image atomically as PNG.
bool writePng(const QImage& image, const QString& path, QString* error) {
    QSaveFile file(path);
    if (image.isNull()) {
        if (error)
            *error = MainWindow::tr("cannot draw the image for %1").arg(path);
        return false;
    }
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = MainWindow::tr("cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

struct MainWindow::Private {
    MainWindow* self = nullptr;
    JobDocument* document = nullptr;
    PlaybackController* playback = nullptr;
    TimelinePlot* plot = nullptr;
    OverviewStrip* overview = nullptr; // the whole run above the plot, with the window shown
    PodGantt* gantt = nullptr;
    InspectorPanel* inspector = nullptr;
    EditorPanel* editor = nullptr;
    QWidget* editorSlot = nullptr; // the editor, or its placeholder
    LiveController* live = nullptr;
    StatusBadge* badge = nullptr;
    bool movingPlayhead = false; // the window, not the user, moves the playhead
    QWidget* ganttSlot = nullptr;
    QPlainTextEdit* editorText = nullptr; // for Edit › Undo/Redo/…
    RecentFilesModel recent;

    QSplitter* mainSplitter = nullptr;  // editor | views
    QSplitter* viewSplitter = nullptr;  // charts / inspector
    QSplitter* chartSplitter = nullptr; // plot / Gantt

    QMenu* fileMenu = nullptr;
    QMenu* exampleMenu = nullptr;
    QMenu* recentMenu = nullptr;
    QMenu* exportMenu = nullptr;
    QMenu* editMenu = nullptr;
    QMenu* viewMenu = nullptr;
    QMenu* simulateMenu = nullptr;
    QMenu* playbackMenu = nullptr;
    QMenu* liveMenu = nullptr;
    QMenu* lessonMenu = nullptr;
    QMenu* settingsMenu = nullptr;
    QMenu* themeMenu = nullptr;
    QMenu* languageMenu = nullptr;
    QMenu* helpMenu = nullptr;

    QAction* openAction = nullptr;
    QAction* clearRecentAction = nullptr;
    QAction* saveAction = nullptr;
    QAction* saveAsAction = nullptr;
    QAction* exportPlotAction = nullptr;
    QAction* exportGanttAction = nullptr;
    QAction* exportDashboardAction = nullptr;
    QAction* exportPdfAction = nullptr;
    QAction* exportCsvAction = nullptr;
    QAction* quitAction = nullptr;
    QAction* undoAction = nullptr;
    QAction* redoAction = nullptr;
    QAction* cutAction = nullptr;
    QAction* copyAction = nullptr;
    QAction* pasteAction = nullptr;
    QAction* selectAllAction = nullptr;
    QAction* findAction = nullptr;
    QAction* replaceAction = nullptr;
    QAction* showEditorAction = nullptr;
    QAction* showGanttAction = nullptr;
    QAction* showInspectorAction = nullptr;
    QAction* zoomFitAction = nullptr;
    QAction* zoomBackAction = nullptr;
    QAction* fullScreenAction = nullptr;
    QAction* runAction = nullptr;
    QAction* reseedAction = nullptr;
    QAction* scenarioSeedAction = nullptr;
    QAction* compareAction = nullptr;
    QAction* sweepAction = nullptr;
    QAction* whatifAction = nullptr;
    QAction* compareRecordingAction = nullptr;
    QString whatifRecordingName; // the recording the open what-if goes on from
    QAction* playAction = nullptr;
    QAction* previousEventAction = nullptr;
    QAction* nextEventAction = nullptr;
    QAction* previousCauseAction = nullptr;
    QAction* nextCauseAction = nullptr;
    QAction* startAction = nullptr;
    QAction* endAction = nullptr;
    QAction* fasterAction = nullptr;
    QAction* slowerAction = nullptr;
    QAction* loopAction = nullptr;
    QAction* connectAction = nullptr;
    QAction* openRecordingAction = nullptr;
    QAction* openRecordingFolderAction = nullptr; // a folder of kubectl watch streams
    QAction* disconnectAction = nullptr;
    QAction* followAction = nullptr;
    QAction* recordTraceAction = nullptr;
    QAction* stopRecordingAction = nullptr;
    QAction* presentAction = nullptr;
    QAction* openLessonAction = nullptr;
    QAction* exportLessonAction = nullptr;
    QAction* shortcutsAction = nullptr;
    QAction* aboutAction = nullptr;
    QAction* aboutQtAction = nullptr;
    QActionGroup* themeGroup = nullptr;
    QActionGroup* languageGroup = nullptr;
    QVector<QAction*> themeActions;    // System, Light, Dark
    QVector<QAction*> languageActions; // "", then availableLanguages()

    QToolBar* playbackBar = nullptr;
    // A scenario of several Jobs: which the views show, all together (the aggregate) or one.
    QLabel* jobLabel = nullptr;
    QComboBox* jobCombo = nullptr;
    QAction* jobLabelAction = nullptr;
    QAction* jobComboAction = nullptr;
    std::string shownJob; // the Job's name; "" for all of them
    QComboBox* speedCombo = nullptr;
    QLabel* speedLabel = nullptr;
    QLabel* timeLabel = nullptr;
    QSlider* scrubSlider = nullptr;
    QLabel* stateLabel = nullptr;

    TimeRange* timeRange = nullptr; // what the plot, the Gantt and the overview show
    QString language;               // as chosen in the settings: "" follows the system
    Theme theme = Theme::System;
    QString lastExportFolder;
    QSize lastDashboardSize = kDefaultDashboardSize;
    double lastExportScale = 1;

    // --- helpers ---
    QWidget* placeholder(const QString& what) const;
    void buildActions();
    void buildMenus();
    void buildPlaybackBar();
    void buildCentral();
    void connectParts();
    void retranslate();
    // The playback icons in the palette's colours (again after a theme change).
    void applyMediaIcons();
    void rebuildExampleMenu();
    void rebuildRecentMenu();
    void updateTitle();
    void updateStatus();
    void updateActions();
    void updateSweepAction();
    void openSweepPoint(const QString& text, const QString& name);
    void updateWhatifActions();
    bool openWhatif(double at, QString* error);
    void compareWithRecording();
    // The open what-if's recording and difference for the plot (none for other documents).
    PlotReference plotReference() const;
    void showInPlot(const std::shared_ptr<const Run>& run);
    // What the views show of the result: the run itself, or of several Jobs the one chosen.
    std::shared_ptr<const Run> shownRun() const;
    void fillJobCombo();
    void showResult();
    void showTime(double time);
    void loadSettings();
    void saveSettings() const;
    bool maybeSave();
    bool saveDocument(bool askForName);
    void commitEditorText();
    void showError(const QString& title, const QString& text);
    QString exportPath(const QString& title, const QString& defaultName, const QString& filter);
    QImage renderDashboard(const QSize& pixels);
    void showTimeRange(double lower, double upper, QObject* source);
    // Puts one moment at the same x of the window in the plot and the Gantt; `replotted` is the
    // QCustomPlot that has just drawn, nullptr to forget the imposed margins (a new result).
    void alignTimeAxes(QCustomPlot* replotted);
    // Each time rect's own margins (its axis labels), measured on its replots since the last
    // reset; the alignment adds to these, so that a scroll bar coming and going does not
    // ratchet them up.
    std::optional<QMargins> plotNaturalMargins, ganttNaturalMargins;
};

QWidget* MainWindow::Private::placeholder(const QString& what) const {
    // A part another helper is still building: a visible, marked slot in the layout.
    auto* label = new QLabel(what);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMinimumSize(120, 80);
    return label;
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), d(std::make_unique<Private>()) {
    d->self = this;
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/jobscope.png")));
    d->document = new JobDocument(this);
    d->timeRange = new TimeRange(this);
    d->playback = new PlaybackController(this);
    d->live = new LiveController(d->document, this);

    d->buildCentral();
    d->buildActions();
    d->buildMenus();
    d->buildPlaybackBar();
    d->stateLabel = new QLabel(this);
    d->stateLabel->setObjectName(QStringLiteral("documentState"));
    statusBar()->addWidget(d->stateLabel, 1);
    d->badge = new StatusBadge(this);
    d->badge->setObjectName(QStringLiteral("liveBadge"));
    d->badge->hide();
    statusBar()->addPermanentWidget(d->badge);
    d->connectParts();
    d->loadSettings();
    d->retranslate();
    d->updateActions();
    resize(1400, 900);
    if (QSettings settings; settings.contains(QStringLiteral("window/geometry")))
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
}

MainWindow::~MainWindow() = default;

QString MainWindow::defaultExample() {
    return QStringLiteral(":/examples/causes/quota-exceeded.yaml");
}

JobDocument* MainWindow::document() const {
    return d->document;
}
PlaybackController* MainWindow::playback() const {
    return d->playback;
}
TimelinePlot* MainWindow::timelinePlot() const {
    return d->plot;
}
PodGantt* MainWindow::podGantt() const {
    return d->gantt;
}
LiveController* MainWindow::liveController() const {
    return d->live;
}
StatusBadge* MainWindow::statusBadge() const {
    return d->badge;
}
QAction* MainWindow::recordAction() const {
    return d->recordTraceAction;
}
InspectorPanel* MainWindow::inspector() const {
    return d->inspector;
}
EditorPanel* MainWindow::editor() const {
    return d->editor;
}

TimeRange* MainWindow::timeRange() const {
    return d->timeRange;
}

// --- construction ---

void MainWindow::Private::buildCentral() {
    plot = new TimelinePlot;
    plot->setObjectName(QStringLiteral("timelinePlot"));
    plot->setInteractive(true);
#if JOBSCOPE_HAS_GANTT
    gantt = new PodGantt;
    gantt->setObjectName(QStringLiteral("podGantt"));
    ganttSlot = gantt;
#else
    ganttSlot = placeholder(QStringLiteral("Pod Gantt (being built)"));
#endif
    inspector = new InspectorPanel;
    inspector->setObjectName(QStringLiteral("inspector"));
#if JOBSCOPE_HAS_EDITOR
    editor = new EditorPanel(document);
    editor->setObjectName(QStringLiteral("editor"));
    editorSlot = editor;
    editorText = editor->textEdit();
#else
    // Until the editor lands: the plain text, editable, so the document can still be changed.
    editorText = new QPlainTextEdit;
    editorText->setObjectName(QStringLiteral("editorFallback"));
    editorText->setLineWrapMode(QPlainTextEdit::NoWrap);
    QObject::connect(editorText, &QPlainTextEdit::textChanged, self, [this] {
        if (editorText->toPlainText() != document->text())
            document->setText(editorText->toPlainText());
    });
    QObject::connect(document, &JobDocument::textChanged, self, [this] {
        const QSignalBlocker block(editorText);
        editorText->setPlainText(document->text());
    });
    editorSlot = editorText;
#endif

    chartSplitter = new QSplitter(Qt::Vertical);
    chartSplitter->setObjectName(QStringLiteral("chartSplitter"));
    // The overview strip sits on top of the plot, in one column with it, so that their time
    // axes share x.
    overview = new OverviewStrip;
    overview->setObjectName(QStringLiteral("overviewStrip"));
    auto* plotColumn = new QWidget;
    plotColumn->setObjectName(QStringLiteral("plotColumn"));
    auto* plotColumnLayout = new QVBoxLayout(plotColumn);
    plotColumnLayout->setContentsMargins(0, 0, 0, 0);
    plotColumnLayout->setSpacing(0);
    plotColumnLayout->addWidget(overview);
    plotColumnLayout->addWidget(plot, 1);
    chartSplitter->addWidget(plotColumn);
    chartSplitter->addWidget(ganttSlot);
    // The requested-vs-active chart tells the story: it gets the larger share.
    chartSplitter->setStretchFactor(0, 3);
    chartSplitter->setStretchFactor(1, 2);
    chartSplitter->setChildrenCollapsible(false);
    // The charts re-wrap their legends to the width they get: their one-line legends must not
    // set the window's minimum width (at QT_SCALE_FACTOR=2 a 1080p screen is 960 px wide).
    plot->setMinimumSize(320, 180);
    ganttSlot->setMinimumSize(320, 100);

    viewSplitter = new QSplitter(Qt::Vertical);
    viewSplitter->setObjectName(QStringLiteral("viewSplitter"));
    viewSplitter->addWidget(chartSplitter);
    viewSplitter->addWidget(inspector);
    viewSplitter->setStretchFactor(0, 5);
    viewSplitter->setStretchFactor(1, 1);

    mainSplitter = new QSplitter(Qt::Horizontal);
    mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    mainSplitter->addWidget(editorSlot);
    mainSplitter->addWidget(viewSplitter);
    mainSplitter->setStretchFactor(0, 1);
    mainSplitter->setStretchFactor(1, 3);
    mainSplitter->setSizes({460, 940});
    viewSplitter->setSizes({700, 160});
    chartSplitter->setSizes({420, 280});
    self->setCentralWidget(mainSplitter);
}

void MainWindow::Private::buildActions() {
    const auto make = [this](const QKeySequence& shortcut = {}) {
        auto* action = new QAction(self);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        return action;
    };
    QStyle* style = self->style();

    openAction = make(QKeySequence::Open);
    openAction->setIcon(style->standardIcon(QStyle::SP_DialogOpenButton));
    connect(openAction, &QAction::triggered, self, [this] {
        if (!maybeSave())
            return;
        QSettings settings;
        const QString start = settings.value(QStringLiteral("files/lastOpenFolder")).toString();
        const QString path = QFileDialog::getOpenFileName(self, MainWindow::tr("Open"), start,
                                                          JobDocument::openFilter());
        if (path.isEmpty())
            return;
        settings.setValue(QStringLiteral("files/lastOpenFolder"), QFileInfo(path).absolutePath());
        self->openFile(path);
    });
    clearRecentAction = make();
    connect(clearRecentAction, &QAction::triggered, self, [this] { recent.clear(); });
    saveAction = make(QKeySequence::Save);
    saveAction->setIcon(style->standardIcon(QStyle::SP_DialogSaveButton));
    connect(saveAction, &QAction::triggered, self, [this] { saveDocument(false); });
    saveAsAction = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(saveAsAction, &QAction::triggered, self, [this] { saveDocument(true); });

    exportPlotAction = make();
    connect(exportPlotAction, &QAction::triggered, self, [this] {
        ExportSizeDialog dialog(kDefaultPlotSize, lastExportScale, self);
        if (dialog.exec() != QDialog::Accepted)
            return;
        lastExportScale = dialog.scale();
        const QString path =
            exportPath(MainWindow::tr("Export Plot as PNG"), QStringLiteral("plot.png"),
                       MainWindow::tr("PNG images (*.png)"));
        QString error;
        if (!path.isEmpty() && !self->exportPlotPng(path, dialog.pixelSize(), &error))
            showError(MainWindow::tr("Export failed"), error);
    });
    exportGanttAction = make();
    connect(exportGanttAction, &QAction::triggered, self, [this] {
        ExportSizeDialog dialog(kDefaultPlotSize, lastExportScale, self);
#if JOBSCOPE_HAS_GANTT
        dialog.setSizeAdjustment(
            [this](const QSize& size) { return gantt->sizeForEveryRow(size); },
            MainWindow::tr("It is taller than asked so that every one of the %n Pod(s) has its "
                           "row.",
                           nullptr, gantt->rowCount()));
#endif
        if (dialog.exec() != QDialog::Accepted)
            return;
        lastExportScale = dialog.scale();
        const QString path =
            exportPath(MainWindow::tr("Export Pod Gantt as PNG"), QStringLiteral("pods.png"),
                       MainWindow::tr("PNG images (*.png)"));
        QString error;
        if (!path.isEmpty() && !self->exportGanttPng(path, dialog.pixelSize(), &error))
            showError(MainWindow::tr("Export failed"), error);
    });
    exportDashboardAction = make(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportDashboardAction, &QAction::triggered, self, [this] {
        ExportSizeDialog dialog(lastDashboardSize, lastExportScale, self);
        if (dialog.exec() != QDialog::Accepted)
            return;
        lastDashboardSize = dialog.imageSize();
        lastExportScale = dialog.scale();
        const QString path =
            exportPath(MainWindow::tr("Export Dashboard as PNG"), QStringLiteral("dashboard.png"),
                       MainWindow::tr("PNG images (*.png)"));
        QString error;
        if (!path.isEmpty() &&
            !self->exportDashboardPng(path, dialog.imageSize(), dialog.scale(), &error))
            showError(MainWindow::tr("Export failed"), error);
    });
    exportPdfAction = make();
    connect(exportPdfAction, &QAction::triggered, self, [this] {
        const QString path =
            exportPath(MainWindow::tr("Export Report as PDF"), QStringLiteral("report.pdf"),
                       MainWindow::tr("PDF documents (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !self->exportPdf(path, &error))
            showError(MainWindow::tr("Export failed"), error);
    });
    exportCsvAction = make();
    connect(exportCsvAction, &QAction::triggered, self, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            self, MainWindow::tr("Export CSV Files into Folder"),
            lastExportFolder.isEmpty() ? QDir::homePath() : lastExportFolder);
        if (folder.isEmpty())
            return;
        lastExportFolder = folder;
        QString error;
        if (!self->exportCsvs(folder, &error))
            showError(MainWindow::tr("Export failed"), error);
        else
            self->statusBar()->showMessage(
                MainWindow::tr("Wrote series.csv, causes.csv, pods.csv and events.csv into %1")
                    .arg(QDir::toNativeSeparators(folder)),
                8000);
    });
    quitAction = make(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, self, &QWidget::close);

    // Edit: the editor's text.
    undoAction = make(QKeySequence::Undo);
    redoAction = make(QKeySequence::Redo);
    cutAction = make(QKeySequence::Cut);
    copyAction = make(QKeySequence::Copy);
    pasteAction = make(QKeySequence::Paste);
    selectAllAction = make(QKeySequence::SelectAll);
    for (QAction* a : {undoAction, redoAction, cutAction, copyAction, pasteAction, selectAllAction})
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut); // the editor's own keys win
    connect(undoAction, &QAction::triggered, editorText, &QPlainTextEdit::undo);
    connect(redoAction, &QAction::triggered, editorText, &QPlainTextEdit::redo);
    connect(cutAction, &QAction::triggered, editorText, &QPlainTextEdit::cut);
    connect(copyAction, &QAction::triggered, editorText, &QPlainTextEdit::copy);
    connect(pasteAction, &QAction::triggered, editorText, &QPlainTextEdit::paste);
    connect(selectAllAction, &QAction::triggered, editorText, &QPlainTextEdit::selectAll);
    connect(editorText, &QPlainTextEdit::undoAvailable, undoAction, &QAction::setEnabled);
    connect(editorText, &QPlainTextEdit::redoAvailable, redoAction, &QAction::setEnabled);
    undoAction->setEnabled(false);
    redoAction->setEnabled(false);
    // Find (Ctrl+F) and Replace (Ctrl+H): the editor's find bar, from whatever has the focus.
    findAction = make(QKeySequence::Find);
    replaceAction = make(QKeySequence(Qt::CTRL | Qt::Key_H));
#if JOBSCOPE_HAS_EDITOR
    for (QAction* a : {findAction, replaceAction}) {
        const bool replace = a == replaceAction;
        connect(a, &QAction::triggered, self, [this, replace] {
            showEditorAction->setChecked(true);
            editor->openFind(replace);
        });
    }
#else
    findAction->setEnabled(false);
    replaceAction->setEnabled(false);
#endif

    // View
    const auto toggle = [&](QWidget* part) {
        QAction* action = make();
        action->setCheckable(true);
        action->setChecked(true);
        connect(action, &QAction::toggled, part, &QWidget::setVisible);
        return action;
    };
    showEditorAction = toggle(editorSlot);
    showGanttAction = toggle(ganttSlot);
#if JOBSCOPE_HAS_GANTT
    // The Gantt under the plot draws the shared time axis; without it the plot draws its own.
    plot->setTimeAxisBelow(true);
    connect(showGanttAction, &QAction::toggled, plot,
            [this](bool shown) { plot->setTimeAxisBelow(shown); });
#endif
    showInspectorAction = toggle(inspector);
    zoomFitAction = make(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(zoomFitAction, &QAction::triggered, self,
            [this] { timeRange->reset(plot->dataStart(), plot->dataEnd()); });
    zoomBackAction = make(QKeySequence(Qt::ALT | Qt::Key_Left));
    zoomBackAction->setEnabled(false);
    connect(zoomBackAction, &QAction::triggered, timeRange, &TimeRange::zoomBack);
    connect(timeRange, &TimeRange::canZoomBackChanged, zoomBackAction, &QAction::setEnabled);
    fullScreenAction = make(QKeySequence(Qt::Key_F11));
    fullScreenAction->setCheckable(true);
    connect(fullScreenAction, &QAction::toggled, self, [this](bool on) {
        if (on)
            self->showFullScreen();
        else
            self->showNormal();
    });

    // Simulate
    runAction = make(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(runAction, &QAction::triggered, self, [this] {
        commitEditorText();
        document->runNow();
    });
    reseedAction = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(reseedAction, &QAction::triggered, self, [this] {
        const auto result = document->result();
        const uint64_t base = document->seed().value_or(
            result && result->scenario ? result->scenario->seed : uint64_t(1));
        document->setSeed(base + 1);
    });
    scenarioSeedAction = make();
    connect(scenarioSeedAction, &QAction::triggered, self,
            [this] { document->setSeed(std::nullopt); });
    compareAction = make(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(compareAction, &QAction::triggered, self, [this] {
        commitEditorText();
#if JOBSCOPE_HAS_COMPARE
        QDialog chooser(self);
        chooser.setWindowTitle(MainWindow::tr("Compare Two Runs"));
        auto* form = new QFormLayout;
        QVector<QComboBox*> sides;
        // A bundled recording is offered beside its calibrated simulation; otherwise the
        // trade-off Compare is made for.
        QStringList defaults = {QStringLiteral(":/examples/tradeoffs/one-pod-per-item.yaml"),
                                QStringLiteral(":/examples/tradeoffs/pods-take-many-items.yaml")};
        if (const ExampleEntry* example = findExample(document->filePath());
            example && !example->simulation.isEmpty())
            defaults = {example->path, example->simulation};
        for (int side = 0; side < 2; ++side) {
            auto* combo = new QComboBox(&chooser);
            combo->setEditable(true);
            combo->setMinimumContentsLength(40);
            for (const ExampleGroup& group : exampleGroups())
                for (const ExampleEntry& entry : group.entries)
                    combo->addItem(entry.localizedTitle(), entry.path);
            if (!document->filePath().isEmpty() && !document->filePath().startsWith(u':'))
                combo->insertItem(0, document->displayName(), document->filePath());
            // The open document as it is now, unsaved edits included (its last run).
            if (document->result())
                combo->insertItem(0,
                                  document->isModified()
                                      ? MainWindow::tr("%1 (open, with unsaved edits)")
                                            .arg(document->displayName())
                                      : MainWindow::tr("%1 (open)").arg(document->displayName()),
                                  QString::fromLatin1(kOpenDocumentEntry));
            combo->setCurrentIndex(std::max(0, combo->findData(defaults[side])));
            auto* browse = new QPushButton(MainWindow::tr("Browse…"), &chooser);
            connect(browse, &QPushButton::clicked, &chooser, [this, combo, &chooser] {
                const QString path = QFileDialog::getOpenFileName(
                    &chooser, MainWindow::tr("Choose a Run"), QString(), JobDocument::openFilter());
                if (!path.isEmpty()) {
                    combo->insertItem(0, QFileInfo(path).fileName(), path);
                    combo->setCurrentIndex(0);
                }
            });
            auto* row = new QHBoxLayout;
            row->addWidget(combo, 1);
            row->addWidget(browse);
            combo->setAccessibleName(side == 0 ? MainWindow::tr("Top scenario")
                                               : MainWindow::tr("Bottom scenario"));
            form->addRow(side == 0 ? MainWindow::tr("Top:") : MainWindow::tr("Bottom:"), row);
            sides << combo;
        }
        auto* buttons =
            new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &chooser);
        connect(buttons, &QDialogButtonBox::accepted, &chooser, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &chooser, &QDialog::reject);
        auto* layout = new QVBoxLayout(&chooser);
        layout->addLayout(form);
        layout->addWidget(buttons);
        if (chooser.exec() != QDialog::Accepted)
            return;
        auto* window = new CompareWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        for (int side = 0; side < 2; ++side) {
            QComboBox* combo = sides[side];
            // An entry of the list, or a path typed into the box.
            const bool listed = combo->currentIndex() >= 0 &&
                                combo->currentText() == combo->itemText(combo->currentIndex());
            const QString path = listed ? combo->currentData().toString() : combo->currentText();
            if (path == QLatin1String(kOpenDocumentEntry)) {
                window->openRun(side, document->result(), document->displayName());
                continue;
            }
            QString error;
            if (!window->openFile(side, path, &error)) {
                showError(MainWindow::tr("Compare"), error);
                delete window;
                return;
            }
        }
        window->resize(self->size() * 0.9);
        window->show();
#endif
    });

    sweepAction = make();
    connect(sweepAction, &QAction::triggered, self, [this] {
        commitEditorText();
#if JOBSCOPE_HAS_SWEEP
        // A window of its own, closed (and its sweep cancelled) with the main window.
        auto* window = new SweepWindow(document->text(), document->displayName(), self);
        if (!document->filePath().startsWith(u':'))
            window->setFilePath(document->filePath());
        window->setWindowFlag(Qt::Window);
        window->setAttribute(Qt::WA_DeleteOnClose);
        connect(window, &SweepWindow::pointOpened, self,
                [this](const QString& text, const QString& name) { openSweepPoint(text, name); });
        window->resize(self->size() * 0.9);
        window->show();
#endif
    });

    whatifAction = make();
    whatifAction->setObjectName(QStringLiteral("whatifAction"));
    connect(whatifAction, &QAction::triggered, self, [this] {
        QString error;
        if (!openWhatif(playback->time(), &error))
            showError(MainWindow::tr("What If From Here"), error);
    });
    compareRecordingAction = make();
    compareRecordingAction->setObjectName(QStringLiteral("compareRecordingAction"));
    connect(compareRecordingAction, &QAction::triggered, self, [this] { compareWithRecording(); });

    // Playback: window-wide shortcuts; a text field that takes the key gets it first through
    // Qt's ShortcutOverride, and the editor takes it only while the user edits in it
    // (YamlTextEdit: after a click into the text or a typed key, until the focus leaves).
    playAction = make(QKeySequence(Qt::Key_Space));
    connect(playAction, &QAction::triggered, playback, &PlaybackController::togglePlay);
    previousEventAction = make(QKeySequence(Qt::Key_Left));
    connect(previousEventAction, &QAction::triggered, playback,
            &PlaybackController::stepPreviousEvent);
    nextEventAction = make(QKeySequence(Qt::Key_Right));
    connect(nextEventAction, &QAction::triggered, playback, &PlaybackController::stepNextEvent);
    previousCauseAction = make(QKeySequence(Qt::SHIFT | Qt::Key_Left));
    connect(previousCauseAction, &QAction::triggered, playback,
            &PlaybackController::stepPreviousCauseChange);
    nextCauseAction = make(QKeySequence(Qt::SHIFT | Qt::Key_Right));
    connect(nextCauseAction, &QAction::triggered, playback,
            &PlaybackController::stepNextCauseChange);
    startAction = make(QKeySequence(Qt::Key_Home));
    connect(startAction, &QAction::triggered, playback, &PlaybackController::jumpToStart);
    endAction = make(QKeySequence(Qt::Key_End));
    connect(endAction, &QAction::triggered, playback, &PlaybackController::jumpToEnd);
    fasterAction = make();
    fasterAction->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal),
                                QKeySequence(Qt::SHIFT | Qt::Key_Plus)});
    connect(fasterAction, &QAction::triggered, playback, &PlaybackController::faster);
    slowerAction = make(QKeySequence(Qt::Key_Minus));
    connect(slowerAction, &QAction::triggered, playback, &PlaybackController::slower);
    loopAction = make();
    loopAction->setCheckable(true);
    connect(loopAction, &QAction::toggled, playback, &PlaybackController::setLooping);
    for (QAction* a : {playAction, previousEventAction, nextEventAction, previousCauseAction,
                       nextCauseAction, startAction, endAction, fasterAction, slowerAction})
        self->addAction(a); // active even with the menu bar hidden (full screen)
    applyMediaIcons();

    // Live
    connectAction = make();
    connect(connectAction, &QAction::triggered, self, [this] {
        if (!maybeSave())
            return;
        ConnectDialog dialog(self);
        dialog.restoreLastChoice();
        if (dialog.exec() != QDialog::Accepted)
            return;
        if (std::unique_ptr<live::LiveSession> session = dialog.takeSession())
            self->startLive(std::move(session));
    });
    disconnectAction = make();
    connect(disconnectAction, &QAction::triggered, live, &LiveController::stop);
    followAction = make();
    followAction->setCheckable(true);
    followAction->setChecked(live->isFollowing());
    connect(followAction, &QAction::triggered, self, [this](bool follow) {
        live->setFollowing(follow);
        if (follow)
            playback->jumpToEnd();
    });
    connect(live, &LiveController::followingChanged, followAction, &QAction::setChecked);
    recordTraceAction = make();
    connect(recordTraceAction, &QAction::triggered, self, [this] {
        const QString path = QFileDialog::getSaveFileName(
            self, MainWindow::tr("Record to Trace"),
            QDir::home().filePath(live->session()->jobName() + QStringLiteral(".jsonl")),
            MainWindow::tr("Traces (*.jsonl)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!live->startRecording(path, &error))
            showError(MainWindow::tr("Cannot Record"), error);
    });
    stopRecordingAction = make();
    connect(stopRecordingAction, &QAction::triggered, live, &LiveController::stopRecording);
    connect(live, &LiveController::recordingFailed, self, [this](const QString& message) {
        showError(MainWindow::tr("Recording Stopped"), message);
    });
    connect(live, &LiveController::liveChanged, self, [this] { updateActions(); });
    connect(live, &LiveController::recordingChanged, self, [this](bool recording) {
        updateActions();
        if (!recording && !live->recordingPath().isEmpty())
            self->statusBar()->showMessage(
                MainWindow::tr("Recorded %1").arg(QDir::toNativeSeparators(live->recordingPath())),
                8000);
    });
    openRecordingAction = make();
    connect(openRecordingAction, &QAction::triggered, self, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(self, MainWindow::tr("Open Recording"),
                                                          QString(), JobDocument::openFilter());
        if (!path.isEmpty())
            self->openFile(path);
    });
    openRecordingAction->setObjectName(QStringLiteral("openRecording"));
    // A file dialog chooses files or folders, never both: folders get their own action.
    openRecordingFolderAction = make();
    openRecordingFolderAction->setObjectName(QStringLiteral("openRecordingFolder"));
    connect(openRecordingFolderAction, &QAction::triggered, self, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getExistingDirectory(
            self, MainWindow::tr("Open Recording Folder"), QString(), QFileDialog::ShowDirsOnly);
        if (!path.isEmpty())
            self->openFile(path);
    });

    // Lesson
    presentAction = make(QKeySequence(Qt::Key_F5));
    openLessonAction = make();
    exportLessonAction = make();
#if JOBSCOPE_HAS_LESSON
    connect(presentAction, &QAction::triggered, self, [this] {
        LessonPresenter::present(self, LessonPresenter::builtInLessonPath(), currentLanguage());
    });
    connect(openLessonAction, &QAction::triggered, self, [this] {
        const QString path =
            QFileDialog::getOpenFileName(self, MainWindow::tr("Open Lesson"), QString(),
                                         MainWindow::tr("Lessons (*.yaml *.yml)"));
        if (!path.isEmpty())
            LessonPresenter::present(self, path, currentLanguage());
    });
    connect(exportLessonAction, &QAction::triggered, self, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            self, MainWindow::tr("Export Lesson Slides into Folder"),
            lastExportFolder.isEmpty() ? QDir::homePath() : lastExportFolder);
        if (folder.isEmpty())
            return;
        lastExportFolder = folder;
        QString error;
        QStringList written;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const bool ok =
            LessonPresenter::exportPngs(LessonPresenter::builtInLessonPath(), folder,
                                        QSize(1920, 1080), currentLanguage(), &error, &written);
        QApplication::restoreOverrideCursor();
        if (!ok)
            showError(MainWindow::tr("Export failed"), error);
        else
            self->statusBar()->showMessage(MainWindow::tr("Wrote %1 slides into %2")
                                               .arg(written.size())
                                               .arg(QDir::toNativeSeparators(folder)),
                                           8000);
    });
#else
    for (QAction* a : {presentAction, openLessonAction, exportLessonAction})
        a->setEnabled(false);
#endif

    // Settings
    themeGroup = new QActionGroup(self);
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        QAction* action = make();
        action->setCheckable(true);
        action->setData(themeName(theme));
        themeGroup->addAction(action);
        themeActions << action;
        connect(action, &QAction::triggered, self, [this, theme] {
            this->theme = theme;
            applyTheme(theme);
            QSettings().setValue(QStringLiteral("ui/theme"), themeName(theme));
        });
    }
    languageGroup = new QActionGroup(self);
    QStringList languages{QString()};
    languages << availableLanguages();
    for (const QString& language : languages) {
        QAction* action = make();
        action->setCheckable(true);
        action->setData(language);
        languageGroup->addAction(action);
        languageActions << action;
        connect(action, &QAction::triggered, self,
                [this, language] { self->setLanguage(language); });
    }

    shortcutsAction = make(QKeySequence::HelpContents);
    connect(shortcutsAction, &QAction::triggered, self, [this] {
        QString rows;
        for (QAction* a : {playAction, previousEventAction, nextEventAction, previousCauseAction,
                           nextCauseAction, startAction, endAction, fasterAction, slowerAction,
                           openAction, saveAction, findAction, replaceAction, exportDashboardAction,
                           fullScreenAction, presentAction})
            rows += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                        .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                             a->text().remove(QLatin1Char('&')).toHtmlEscaped());
        auto* box = new QMessageBox(QMessageBox::Information, MainWindow::tr("Keyboard Shortcuts"),
                                    QStringLiteral("<table>%1</table>").arg(rows),
                                    QMessageBox::Close, self);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    aboutAction = make();
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(aboutAction, &QAction::triggered, self, [this] {
        QMessageBox::about(
            self, MainWindow::tr("About JobScope"),
            MainWindow::tr(
                "<h3>JobScope %1</h3>"
                "<p>Plays back a Kubernetes Job's Pods over time and explains every difference "
                "between the requested and the actual parallelism.</p>"
                "<p>Qt %2<br>QCustomPlot %3<br>yaml-cpp %4</p>")
                .arg(QStringLiteral(JOBSCOPE_VERSION), QString::fromLatin1(qVersion()),
                     QStringLiteral(QCUSTOMPLOT_VERSION_STR),
                     QStringLiteral(JOBSCOPE_YAML_CPP_VERSION)));
    });
    aboutQtAction = make();
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::Private::buildMenus() {
    QMenuBar* bar = self->menuBar();
    fileMenu = bar->addMenu(QString());
    fileMenu->addAction(openAction);
    exampleMenu = fileMenu->addMenu(QString());
    recentMenu = fileMenu->addMenu(QString());
    fileMenu->addSeparator();
    fileMenu->addAction(saveAction);
    fileMenu->addAction(saveAsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(recordTraceAction);
    fileMenu->addAction(stopRecordingAction);
    fileMenu->addSeparator();
    exportMenu = fileMenu->addMenu(QString());
    exportMenu->addAction(exportPlotAction);
    exportMenu->addAction(exportGanttAction);
    exportMenu->addAction(exportDashboardAction);
    exportMenu->addAction(exportPdfAction);
    exportMenu->addSeparator();
    exportMenu->addAction(exportCsvAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);

    editMenu = bar->addMenu(QString());
    for (QAction* a : {undoAction, redoAction})
        editMenu->addAction(a);
    editMenu->addSeparator();
    for (QAction* a : {cutAction, copyAction, pasteAction, selectAllAction})
        editMenu->addAction(a);
    editMenu->addSeparator();
    editMenu->addAction(findAction);
    editMenu->addAction(replaceAction);

    viewMenu = bar->addMenu(QString());
    for (QAction* a : {showEditorAction, showGanttAction, showInspectorAction})
        viewMenu->addAction(a);
    viewMenu->addSeparator();
    viewMenu->addAction(zoomFitAction);
    viewMenu->addAction(zoomBackAction);
    viewMenu->addAction(fullScreenAction);
    viewMenu->addSeparator();
    viewMenu->addAction(compareAction);

    simulateMenu = bar->addMenu(QString());
    simulateMenu->addAction(runAction);
    simulateMenu->addAction(reseedAction);
    simulateMenu->addAction(scenarioSeedAction);
    simulateMenu->addSeparator();
    playbackMenu = simulateMenu->addMenu(QString());
    for (QAction* a :
         {playAction, startAction, previousEventAction, nextEventAction, endAction,
          previousCauseAction, nextCauseAction, fasterAction, slowerAction, loopAction})
        playbackMenu->addAction(a);
    simulateMenu->addSeparator();
    simulateMenu->addAction(compareAction);
    simulateMenu->addAction(sweepAction);
    simulateMenu->addSeparator();
    simulateMenu->addAction(whatifAction);
    simulateMenu->addAction(compareRecordingAction);
    simulateMenu->setToolTipsVisible(true); // why Sweep or What If is disabled

    liveMenu = bar->addMenu(QString());
    liveMenu->addAction(connectAction);
    liveMenu->addAction(disconnectAction);
    liveMenu->addSeparator();
    liveMenu->addAction(followAction);
    liveMenu->addSeparator();
    liveMenu->addAction(recordTraceAction);
    liveMenu->addAction(stopRecordingAction);
    liveMenu->addAction(openRecordingAction);
    liveMenu->addAction(openRecordingFolderAction);

    lessonMenu = bar->addMenu(QString());
    lessonMenu->addAction(presentAction);
    lessonMenu->addAction(openLessonAction);
    lessonMenu->addAction(exportLessonAction);

    settingsMenu = bar->addMenu(QString());
    themeMenu = settingsMenu->addMenu(QString());
    themeMenu->addActions(themeActions.toList());
    languageMenu = settingsMenu->addMenu(QString());
    languageMenu->addActions(languageActions.toList());

    helpMenu = bar->addMenu(QString());
    helpMenu->addAction(shortcutsAction);
    helpMenu->addSeparator();
    helpMenu->addAction(aboutAction);
    helpMenu->addAction(aboutQtAction);

    connect(&recent, &QAbstractItemModel::rowsInserted, self, [this] { rebuildRecentMenu(); });
    connect(&recent, &QAbstractItemModel::rowsRemoved, self, [this] { rebuildRecentMenu(); });
    connect(&recent, &QAbstractItemModel::modelReset, self, [this] { rebuildRecentMenu(); });
}

void MainWindow::Private::buildPlaybackBar() {
    playbackBar = self->addToolBar(QString());
    playbackBar->setObjectName(QStringLiteral("playbackBar"));
    playbackBar->setMovable(false);
    playbackBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    playbackBar->addAction(playAction);
    playbackBar->addSeparator();
    for (QAction* a : {startAction, previousEventAction, nextEventAction, endAction})
        playbackBar->addAction(a);
    playbackBar->addSeparator();
    playbackBar->addAction(previousCauseAction);
    playbackBar->addAction(nextCauseAction);
    playbackBar->addSeparator();
    speedLabel = new QLabel;
    playbackBar->addWidget(speedLabel);
    speedCombo = new QComboBox;
    speedCombo->setObjectName(QStringLiteral("speedCombo"));
    for (double speed : PlaybackController::speedSteps())
        speedCombo->addItem(QStringLiteral("%1×").arg(speed), speed);
    speedCombo->setFocusPolicy(Qt::ClickFocus);
    speedLabel->setBuddy(speedCombo);
    playbackBar->addWidget(speedCombo);
    playbackBar->addAction(loopAction);
    playbackBar->addSeparator();
    jobLabel = new QLabel;
    jobLabelAction = playbackBar->addWidget(jobLabel);
    jobCombo = new QComboBox;
    jobCombo->setObjectName(QStringLiteral("jobCombo"));
    jobCombo->setFocusPolicy(Qt::ClickFocus);
    jobCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    jobLabel->setBuddy(jobCombo);
    jobComboAction = playbackBar->addWidget(jobCombo);
    jobLabelAction->setVisible(false);
    jobComboAction->setVisible(false);
    connect(jobCombo, &QComboBox::activated, self, [this](int index) {
        const std::string name = jobCombo->itemData(index).toString().toStdString();
        if (name == shownJob)
            return;
        shownJob = name;
        showResult();
        updateWhatifActions();
    });
    timeLabel = new QLabel;
    timeLabel->setObjectName(QStringLiteral("timeLabel"));
    timeLabel->setMinimumWidth(
        timeLabel->fontMetrics().horizontalAdvance(QStringLiteral("t = 00:00.0 / 00:00.0 ")));
    playbackBar->addWidget(timeLabel);
    scrubSlider = new QSlider(Qt::Horizontal);
    scrubSlider->setObjectName(QStringLiteral("scrubSlider"));
    scrubSlider->setRange(0, kSliderSteps);
    scrubSlider->setMinimumWidth(200);
    scrubSlider->setFocusPolicy(Qt::ClickFocus);
    playbackBar->addWidget(scrubSlider);
    for (QAction* a : playbackBar->actions())
        if (QWidget* button = playbackBar->widgetForAction(a))
            button->setFocusPolicy(Qt::NoFocus); // the keys stay with the views
    // Cause steps show their words; the event steps and jumps are known icons.
    for (QAction* a : {previousEventAction, nextEventAction, startAction, endAction, loopAction})
        if (auto* button = qobject_cast<QToolButton*>(playbackBar->widgetForAction(a)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

void MainWindow::Private::connectParts() {
    connect(document, &JobDocument::resultChanged, self, [this] {
        showResult();
        updateSweepAction();
        updateWhatifActions();
    });
    connect(document, &JobDocument::diagnosticsChanged, self, [this] { updateStatus(); });
    connect(document, &JobDocument::busyChanged, self, [this] { updateStatus(); });
    connect(document, &JobDocument::modifiedChanged, self, [this] { updateTitle(); });
    // A range selected on the previous file means nothing on this one.
    connect(document, &JobDocument::filePathChanged, plot, &TimelinePlot::clearSelection);
    connect(document, &JobDocument::filePathChanged, self, [this] {
        updateTitle();
        updateActions();
    });
    // A document just opened: the keys go to the views (Space plays) until the user clicks
    // into the editor.
    connect(document, &JobDocument::textChanged, self,
            [this] { plot->setFocus(Qt::OtherFocusReason); });

    connect(playback, &PlaybackController::timeChanged, self, [this](double t) {
        showTime(t);
        if (!movingPlayhead && document->isLive())
            live->playheadMoved(t, playback->end());
    });
    connect(playback, &PlaybackController::playingChanged, self, [this] { retranslate(); });
    connect(playback, &PlaybackController::speedChanged, self, [this](double speed) {
        const QSignalBlocker block(speedCombo);
        speedCombo->setCurrentIndex(std::max(0, speedCombo->findData(speed)));
        QSettings().setValue(QStringLiteral("playback/speed"), speed);
    });
    connect(playback, &PlaybackController::loopingChanged, loopAction, &QAction::setChecked);
    connect(speedCombo, &QComboBox::currentIndexChanged, self,
            [this](int index) { playback->setSpeed(speedCombo->itemData(index).toDouble()); });
    connect(scrubSlider, &QSlider::valueChanged, self, [this](int value) {
        const double span = playback->end() - playback->start();
        playback->setTime(playback->start() + span * value / kSliderSteps);
    });

    connect(plot, &TimelinePlot::scrubbed, playback, &PlaybackController::setTime);
#if JOBSCOPE_HAS_GANTT
    connect(plot->customPlot(), &QCustomPlot::afterReplot, self,
            [this] { alignTimeAxes(plot->customPlot()); });
    connect(gantt->customPlot(), &QCustomPlot::afterReplot, self,
            [this] { alignTimeAxes(gantt->customPlot()); });
#endif
    connect(timeRange, &TimeRange::changed, self,
            [this](double lower, double upper, QObject* source) {
                showTimeRange(lower, upper, source);
            });
    connect(plot, &TimelinePlot::timeRangeChanged, self,
            [this](double lower, double upper) { timeRange->set(lower, upper, plot); });
    connect(overview, &OverviewStrip::rangeRequested, self,
            [this](double lower, double upper) { timeRange->set(lower, upper, overview); });
    // The strip's time axis spans the plot's (the same column of the window).
    connect(plot->customPlot(), &QCustomPlot::afterReplot, overview, [this] {
        const QRect rect = plot->mainRect()->rect();
        overview->setAxisPixels(rect.left(), rect.right());
    });
#if JOBSCOPE_HAS_GANTT
    connect(gantt, &PodGantt::scrubbed, playback, &PlaybackController::setTime);
    connect(gantt, &PodGantt::timeRangeChanged, self,
            [this](double lower, double upper) { timeRange->set(lower, upper, gantt); });
    connect(gantt, &PodGantt::podSelected, inspector, &InspectorPanel::setSelectedPod);
#endif
#if JOBSCOPE_HAS_EDITOR
    connect(editor, &EditorPanel::diagnosticActivated, self, [this] {
        showEditorAction->setChecked(true);
        editorText->setFocus();
    });
#endif
}

// The shared span in every view but `source`, which shows it already.
void MainWindow::Private::showTimeRange(double lower, double upper, QObject* source) {
    if (source != plot)
        plot->setTimeRange(lower, upper);
    overview->setVisibleRange(lower, upper);
#if JOBSCOPE_HAS_GANTT
    if (source != gantt)
        gantt->setTimeRange(lower, upper);
#endif
}

// The plot and the Gantt are two QCustomPlots, which a margin group cannot span, and the Gantt
// has a scroll bar of its own: their axis rects get left and right margins that put both time
// axes at the same x of the window, each rect's own margins being the least it keeps.
void MainWindow::Private::alignTimeAxes(QCustomPlot* replotted) {
#if JOBSCOPE_HAS_GANTT
    QCPAxisRect* plotRect = plot->mainRect();
    QCPAxisRect* ganttRect = gantt->timeAxis()->axisRect();
    if (!plotRect || !ganttRect)
        return;
    if (!replotted) {
        plotNaturalMargins.reset();
        ganttNaturalMargins.reset();
        for (QCPAxisRect* rect : {plotRect, ganttRect}) {
            rect->setMinimumMargins(QMargins());
            rect->parentPlot()->replot(QCustomPlot::rpQueuedReplot);
        }
        return;
    }
    // A margin wider than the one imposed is the rect's own (its labels grew): remember it.
    const auto learn = [](QCPAxisRect* rect, std::optional<QMargins>& natural) {
        const QMargins now = rect->margins();
        const QMargins imposed = rect->minimumMargins();
        if (!natural) {
            natural = now;
            return;
        }
        if (now.left() > imposed.left())
            natural->setLeft(std::max(natural->left(), now.left()));
        if (now.right() > imposed.right())
            natural->setRight(std::max(natural->right(), now.right()));
    };
    if (replotted == plotRect->parentPlot())
        learn(plotRect, plotNaturalMargins);
    if (replotted == ganttRect->parentPlot())
        learn(ganttRect, ganttNaturalMargins);
    if (!plotNaturalMargins || !ganttNaturalMargins)
        return;
    // Where each widget's left and right edges are in the window.
    const auto edges = [this](QCPAxisRect* rect) {
        QWidget* widget = rect->parentPlot();
        const int left = widget->mapTo(self, QPoint(0, 0)).x();
        return std::pair{left, left + widget->width()};
    };
    const auto [plotLeft, plotRight] = edges(plotRect);
    const auto [ganttLeft, ganttRight] = edges(ganttRect);
    const int axisLeft =
        std::max(plotLeft + plotNaturalMargins->left(), ganttLeft + ganttNaturalMargins->left());
    const int axisRight = std::min(plotRight - plotNaturalMargins->right(),
                                   ganttRight - ganttNaturalMargins->right());
    const auto impose = [axisLeft, axisRight](QCPAxisRect* rect, int left, int right) {
        const QMargins wanted(axisLeft - left, rect->minimumMargins().top(), right - axisRight,
                              rect->minimumMargins().bottom());
        if (rect->minimumMargins() != wanted) {
            rect->setMinimumMargins(wanted);
            rect->parentPlot()->replot(QCustomPlot::rpQueuedReplot);
        }
    };
    impose(plotRect, plotLeft, plotRight);
    impose(ganttRect, ganttLeft, ganttRight);
#else
    Q_UNUSED(replotted);
#endif
}

// --- state shown ---

std::shared_ptr<const Run> MainWindow::Private::shownRun() const {
    const std::shared_ptr<const RunResult> result = document->result();
    if (!result || shownJob.empty())
        return result;
    if (const Run* job = jobNamed(*result, shownJob))
        return std::shared_ptr<const Run>(result, job);
    return result;
}

void MainWindow::Private::fillJobCombo() {
    const std::shared_ptr<const RunResult> result = document->result();
    const bool several = result && !result->jobs.empty();
    jobLabelAction->setVisible(several);
    jobComboAction->setVisible(several);
    const QSignalBlocker block(jobCombo);
    jobCombo->clear();
    if (!several)
        return;
    jobCombo->addItem(MainWindow::tr("All %n Jobs", nullptr, static_cast<int>(result->jobs.size())),
                      QString());
    for (const Run& job : result->jobs) {
        const QString name = QString::fromStdString(job.timeline.jobMetadata.name);
        jobCombo->addItem(name, name);
    }
    const int shown = jobCombo->findData(QString::fromStdString(shownJob));
    jobCombo->setCurrentIndex(std::max(0, shown));
}

void MainWindow::Private::showResult() {
    const QScopedValueRollback<bool> byWindow(movingPlayhead, true);
    fillJobCombo();
    const std::shared_ptr<const Run> result = shownRun();
    const double previousTime = playback->time();
    const bool keepTime = result && previousTime <= result->end;
    if (!result) {
        plot->setRun(nullptr, document->displayName());
        overview->setRun(nullptr, plot->dataStart(), plot->dataEnd());
        inspector->setRun(nullptr);
#if JOBSCOPE_HAS_GANTT
        gantt->setRun(nullptr);
#endif
        playback->pause();
        playback->setRange(0, 0);
        playback->setEventTimes({});
        playback->setCauseChangeTimes({});
        updateStatus();
        return;
    }
    alignTimeAxes(nullptr);
    showInPlot(result);
    overview->setRun(result, plot->dataStart(), plot->dataEnd());
    inspector->setRun(result);
#if JOBSCOPE_HAS_GANTT
    gantt->setRun(result);
#endif
    timeRange->reset(plot->dataStart(), plot->dataEnd());

    const auto toVector = [](const std::vector<Seconds>& times) {
        return QVector<double>(times.begin(), times.end());
    };
    playback->setRange(0, result->end);
    playback->setEventTimes(toVector(runEventTimes(*result)));
    playback->setCauseChangeTimes(toVector(runCauseChangeTimes(*result)));
    const bool follow = document->isLive() && live->isFollowing();
    playback->setTime(follow ? result->end : keepTime ? previousTime : 0);
    showTime(playback->time());
    updateTitle();
    updateStatus();
}

void MainWindow::Private::showTime(double time) {
    plot->setPlayhead(time);
    overview->setPlayhead(time);
#if JOBSCOPE_HAS_GANTT
    gantt->setPlayhead(time);
#endif
    inspector->setTime(time);
    timeLabel->setText(
        MainWindow::tr("t = %1 / %2").arg(formatClock(time), formatClock(playback->end())));
    const double span = playback->end() - playback->start();
    const QSignalBlocker block(scrubSlider);
    scrubSlider->setValue(
        span > 0 ? int(std::lround((time - playback->start()) / span * kSliderSteps)) : 0);
}

void MainWindow::Private::updateTitle() {
    self->setWindowTitle(MainWindow::tr("%1[*] — JobScope").arg(document->displayName()));
    self->setWindowModified(document->isModified());
}

void MainWindow::Private::updateStatus() {
    const QVector<DocumentDiagnostic> diagnostics = document->diagnostics();
    const int errors = int(std::count_if(diagnostics.begin(), diagnostics.end(),
                                         [](const DocumentDiagnostic& x) { return x.error; }));
    const auto result = document->result();
    QString text;
    if (document->isBusy()) {
        text = document->kind() == JobDocument::Kind::Trace ? MainWindow::tr("Loading…")
                                                            : MainWindow::tr("Simulating…");
    } else if (errors > 0) {
        const DocumentDiagnostic& first =
            *std::find_if(diagnostics.begin(), diagnostics.end(),
                          [](const DocumentDiagnostic& x) { return x.error; });
        const QString where =
            first.line > 0 ? MainWindow::tr("line %1: ").arg(first.line) : QString();
        // English has no plural table of its own here: one and many are separate texts.
        text = (errors == 1 ? MainWindow::tr("1 error") : MainWindow::tr("%1 errors").arg(errors)) +
               QStringLiteral(" — ") + where + first.message;
        if (result)
            text += QStringLiteral(" — ") + MainWindow::tr("the views show the last good run");
    } else if (result) {
        // Of the Job the views show, when one of several is chosen.
        const std::shared_ptr<const Run> shown = shownRun();
        const int pods = int(shown->analysis.pods.size());
        const bool trace = document->kind() == JobDocument::Kind::Trace;
        const QString count =
            pods == 1 ? MainWindow::tr("1 Pod") : MainWindow::tr("%1 Pods").arg(pods);
        text = (document->isLive() ? MainWindow::tr("Live: %1 over %2")
                : trace            ? MainWindow::tr("Loaded %1 over %2")
                                   : MainWindow::tr("Simulated %1 over %2"))
                   .arg(count, formatDuration(shown->end));
        const QString outcome = outcomeText(shown->summary);
        if (!outcome.isEmpty())
            text += QStringLiteral(" — ") + outcome;
        if (live->isRecording())
            text +=
                QStringLiteral(" — ") +
                MainWindow::tr("recording to %1").arg(QFileInfo(live->recordingPath()).fileName());
    } else {
        text = MainWindow::tr("Nothing to show");
    }
    stateLabel->setText(text);
    stateLabel->setToolTip(text);
    // A Job that failed says so in red, whatever the theme.
    const bool failed = result && !document->isBusy() && errors == 0 &&
                        shownRun()->summary.outcome == job_condition::Failed;
    stateLabel->setStyleSheet(
        failed ? QStringLiteral("color: %1; font-weight: bold;").arg(failedColor().name())
               : QString());
}

void MainWindow::Private::updateActions() {
    const bool trace = document->kind() == JobDocument::Kind::Trace;
    saveAction->setEnabled(!trace);
    saveAsAction->setEnabled(!trace);
#if JOBSCOPE_HAS_EDITOR
    replaceAction->setEnabled(!trace); // a recording is read-only: Find only
#endif
    runAction->setEnabled(!trace);
    reseedAction->setEnabled(!trace);
    scenarioSeedAction->setEnabled(!trace);
    updateSweepAction();
    updateWhatifActions();

    const bool watching = live->isLive();
    disconnectAction->setEnabled(watching);
    followAction->setEnabled(document->isLive());
    recordTraceAction->setEnabled(watching && !live->isRecording());
    recordTraceAction->setToolTip(
        watching ? MainWindow::tr("Record the live session to a trace file")
                 : MainWindow::tr("Connect to a cluster first (Live › Connect to Cluster…)"));
    stopRecordingAction->setEnabled(live->isRecording());
    badge->setVisible(document->isLive());
    updateStatus();
}

// Sweep runs the document's text: a scenario or manifest that has run at least once.
void MainWindow::Private::updateSweepAction() {
    const bool trace = document->kind() == JobDocument::Kind::Trace;
    const auto result = document->result();
    const bool runnable = !trace && result && result->scenario;
    sweepAction->setEnabled(JOBSCOPE_HAS_SWEEP && runnable && !document->isWhatif());
    if (trace)
        sweepAction->setToolTip(
            MainWindow::tr("A recorded Job cannot be swept: open a scenario or a Job manifest"));
    else if (document->isWhatif())
        sweepAction->setToolTip(
            MainWindow::tr("A sweep runs from the Job's creation and a what-if from its "
                           "recording: save the what-if and sweep it as a scenario"));
    else if (!runnable)
        sweepAction->setToolTip(
            MainWindow::tr("The document has no scenario that runs: correct its errors first"));
    else
        sweepAction->setToolTip(MainWindow::tr(
            "Run the document over a range of values and plot the completion time and the "
            "Pod-seconds against them"));
}

// A point of a sweep opens as an untitled document, after the open one's changes are saved
// or discarded, as File › Open does.
void MainWindow::Private::openSweepPoint(const QString& text, const QString& name) {
    if (!maybeSave())
        return;
    if (live->session())
        live->stop();
    document->openText(text, name);
    playback->pause();
    playback->setTime(0);
    updateActions();
    self->raise();
    self->activateWindow();
}

// What If From Here forks the recording shown: a trace or a live Job that has loaded.
void MainWindow::Private::updateWhatifActions() {
    const bool trace = document->kind() == JobDocument::Kind::Trace;
    const std::shared_ptr<const Run> shown = shownRun();
    const bool loaded = trace && shown;
    const bool several = loaded && !shown->jobs.empty();
    whatifAction->setEnabled(loaded && !several);
    if (!trace)
        whatifAction->setToolTip(
            MainWindow::tr("A what-if goes on from a recorded Job: open a recording or connect "
                           "to a cluster"));
    else if (!loaded)
        whatifAction->setToolTip(MainWindow::tr("The recording has nothing to go on from yet"));
    else if (several)
        whatifAction->setToolTip(
            MainWindow::tr("A what-if goes on from one Job: choose it in the toolbar's Job list"));
    else
        whatifAction->setToolTip(
            MainWindow::tr("Simulate from the playhead's moment on: up to it the recording, "
                           "after it the scenario's values, which the editor and the knobs "
                           "change"));
    // Until its first run the document holds the recording's result, which is no what-if.
    const bool whatif = document->isWhatif() && document->result() && document->result()->scenario;
    compareRecordingAction->setEnabled(JOBSCOPE_HAS_COMPARE && whatif);
    compareRecordingAction->setToolTip(
        whatif ? MainWindow::tr("The recording above and the what-if below, on one time axis")
               : MainWindow::tr("Open a what-if first (What If From Here…)"));
}

bool MainWindow::Private::openWhatif(double at, QString* error) {
    // Of a recording of several Jobs, the one shown.
    const std::shared_ptr<const Run> recorded = shownRun();
    if (document->kind() != JobDocument::Kind::Trace || !recorded) {
        if (error)
            *error = MainWindow::tr("A what-if goes on from a recorded Job: open a recording or "
                                    "connect to a cluster");
        return false;
    }
    if (!recorded->jobs.empty()) {
        if (error)
            *error = MainWindow::tr(
                "A what-if goes on from one Job: choose it in the toolbar's Job list");
        return false;
    }
    at = std::clamp(at, 0.0, std::max(0.0, recorded->end));
    std::optional<std::string> text;
    try {
        text = whatifScenarioText(recorded->timeline, at);
    } catch (const std::exception& e) {
        if (error)
            *error = JobDocument::tr("internal error: %1").arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    const QString recording = document->displayName();
    if (!text) {
        if (error)
            *error = MainWindow::tr("%1 holds no Job to go on with").arg(recording);
        return false;
    }
    if (live->session())
        live->stop(); // the what-if goes on from what has arrived
    whatifRecordingName = recording;
    document->openWhatif(QString::fromStdString(*text),
                         MainWindow::tr("what-if of %1 at %2 s").arg(recording).arg(at, 0, 'f', 1),
                         recorded, at);
    updateActions();
    return true;
}

void MainWindow::Private::compareWithRecording() {
#if JOBSCOPE_HAS_COMPARE
    const std::shared_ptr<const Run> recorded = document->recordedRun();
    const std::shared_ptr<const RunResult> whatif = document->result();
    if (!recorded || !whatif || !whatif->scenario)
        return;
    // A window of its own, closed with the main window.
    auto* window = new CompareWindow(self);
    window->setWindowFlag(Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->openRun(0, recorded,
                    whatifRecordingName.isEmpty() ? localizedTitle(*recorded)
                                                  : whatifRecordingName);
    window->openRun(1, whatif, document->displayName());
    window->resize(self->size() * 0.9);
    window->show();
#endif
}

// The difference a what-if makes, in words: when the Job finishes and what its Pods cost.
PlotReference MainWindow::Private::plotReference() const {
    const std::shared_ptr<const Run> recorded = document->recordedRun();
    const std::shared_ptr<const RunResult> whatif = document->result();
    if (!recorded || !whatif || !whatif->scenario)
        return {};
    const Seconds at = document->forkTime();
    return {recorded, at,
            MainWindow::tr("What-if from %1 s against the recording: %2")
                .arg(at, 0, 'f', 1)
                .arg(differenceText(recorded->summary, whatif->summary))};
}

void MainWindow::Private::showInPlot(const std::shared_ptr<const Run>& run) {
    plot->setRun(run, localizedTitle(*run), plotReference());
}

void MainWindow::Private::retranslate() {
    fileMenu->setTitle(MainWindow::tr("&File"));
    exampleMenu->setTitle(MainWindow::tr("Open &Example"));
    recentMenu->setTitle(MainWindow::tr("Open &Recent"));
    exportMenu->setTitle(MainWindow::tr("E&xport"));
    editMenu->setTitle(MainWindow::tr("&Edit"));
    viewMenu->setTitle(MainWindow::tr("&View"));
    simulateMenu->setTitle(MainWindow::tr("&Simulate"));
    playbackMenu->setTitle(MainWindow::tr("&Playback"));
    liveMenu->setTitle(MainWindow::tr("&Live"));
    lessonMenu->setTitle(MainWindow::tr("L&esson"));
    settingsMenu->setTitle(MainWindow::tr("Se&ttings"));
    themeMenu->setTitle(MainWindow::tr("&Theme"));
    languageMenu->setTitle(MainWindow::tr("&Language"));
    helpMenu->setTitle(MainWindow::tr("&Help"));

    openAction->setText(MainWindow::tr("&Open…"));
    openAction->setToolTip(MainWindow::tr("Open a scenario, a Job manifest or a recorded trace"));
    clearRecentAction->setText(MainWindow::tr("&Clear List"));
    saveAction->setText(MainWindow::tr("&Save"));
    saveAsAction->setText(MainWindow::tr("Save &As…"));
    exportPlotAction->setText(MainWindow::tr("&Plot as PNG…"));
    exportGanttAction->setText(MainWindow::tr("Pod &Gantt as PNG…"));
    exportDashboardAction->setText(MainWindow::tr("&Dashboard as PNG…"));
    exportPdfAction->setText(MainWindow::tr("&Report as PDF…"));
    exportPdfAction->setToolTip(
        MainWindow::tr("The summary, the timeline plot and the Pod Gantt with every Pod, as a "
                       "PDF with selectable text"));
    exportCsvAction->setText(MainWindow::tr("&CSV Files…"));
    quitAction->setText(MainWindow::tr("&Quit"));
    undoAction->setText(MainWindow::tr("&Undo"));
    redoAction->setText(MainWindow::tr("&Redo"));
    cutAction->setText(MainWindow::tr("Cu&t"));
    copyAction->setText(MainWindow::tr("&Copy"));
    pasteAction->setText(MainWindow::tr("&Paste"));
    selectAllAction->setText(MainWindow::tr("Select &All"));
    findAction->setText(MainWindow::tr("&Find…"));
    replaceAction->setText(MainWindow::tr("&Replace…"));
    showEditorAction->setText(MainWindow::tr("&Editor"));
    showGanttAction->setText(MainWindow::tr("Pod &Gantt"));
    showInspectorAction->setText(MainWindow::tr("&Inspector"));
    zoomFitAction->setText(MainWindow::tr("&Zoom to Fit"));
    zoomBackAction->setText(MainWindow::tr("Zoom &Back"));
    zoomBackAction->setToolTip(MainWindow::tr("Show the span of time shown before the last zoom"));
    fullScreenAction->setText(MainWindow::tr("&Full Screen"));
    runAction->setText(MainWindow::tr("&Run Now"));
    reseedAction->setText(MainWindow::tr("Re-run with &Another Seed"));
    scenarioSeedAction->setText(MainWindow::tr("Use the Scenario's &Seed"));
    compareAction->setText(MainWindow::tr("&Compare…"));
    compareAction->setEnabled(JOBSCOPE_HAS_COMPARE);
    sweepAction->setText(MainWindow::tr("S&weep…"));
    updateSweepAction();
    whatifAction->setText(MainWindow::tr("What &If From Here…"));
    compareRecordingAction->setText(MainWindow::tr("Compare &With Recording"));
    updateWhatifActions();
    playAction->setText(playback->isPlaying() ? MainWindow::tr("Pause") : MainWindow::tr("Play"));
    playAction->setIcon(
        mediaIcon(playback->isPlaying() ? MediaIcon::Pause : MediaIcon::Play, self->palette()));
    previousEventAction->setText(MainWindow::tr("Previous Event"));
    nextEventAction->setText(MainWindow::tr("Next Event"));
    previousCauseAction->setText(MainWindow::tr("◀ Cause"));
    previousCauseAction->setToolTip(MainWindow::tr("Previous cause change (Shift+Left)"));
    nextCauseAction->setText(MainWindow::tr("Cause ▶"));
    nextCauseAction->setToolTip(MainWindow::tr("Next cause change (Shift+Right)"));
    startAction->setText(MainWindow::tr("Jump to Start"));
    endAction->setText(MainWindow::tr("Jump to End"));
    fasterAction->setText(MainWindow::tr("Faster"));
    slowerAction->setText(MainWindow::tr("Slower"));
    loopAction->setText(MainWindow::tr("Loop"));
    for (QAction* a : {playAction, previousEventAction, nextEventAction, startAction, endAction,
                       fasterAction, slowerAction})
        a->setToolTip(QStringLiteral("%1 (%2)").arg(
            a->text(), a->shortcut().toString(QKeySequence::NativeText)));
    connectAction->setText(MainWindow::tr("&Connect to Cluster…"));
    connectAction->setToolTip(MainWindow::tr("Watch a Job on a Kubernetes cluster as it runs"));
    disconnectAction->setText(MainWindow::tr("&Disconnect"));
    disconnectAction->setToolTip(MainWindow::tr("Stop watching; the Job stays shown"));
    followAction->setText(MainWindow::tr("&Follow Newest Time"));
    followAction->setToolTip(
        MainWindow::tr("Keep the playhead at the newest time while live (End turns it on)"));
    recordTraceAction->setText(MainWindow::tr("Record to &Trace…"));
    stopRecordingAction->setText(MainWindow::tr("Stop Recordin&g"));
    openRecordingAction->setText(MainWindow::tr("Open &Recording…"));
    openRecordingFolderAction->setText(MainWindow::tr("Open Recording Fo&lder…"));
    openRecordingFolderAction->setStatusTip(
        MainWindow::tr("Open a folder of kubectl watch streams (watch-jobs.jsonl, "
                       "watch-pods.jsonl, watch-events.jsonl)"));
    presentAction->setText(MainWindow::tr("&Present"));
    openLessonAction->setText(MainWindow::tr("&Open Lesson…"));
    exportLessonAction->setText(MainWindow::tr("&Export Lesson Slides…"));
    shortcutsAction->setText(MainWindow::tr("&Keyboard Shortcuts"));
    aboutAction->setText(MainWindow::tr("&About JobScope"));
    aboutQtAction->setText(MainWindow::tr("About &Qt"));
    themeActions[0]->setText(MainWindow::tr("Follow the &System"));
    themeActions[1]->setText(MainWindow::tr("&Light"));
    themeActions[2]->setText(MainWindow::tr("&Dark"));
    languageActions[0]->setText(MainWindow::tr("Follow the &System"));
    for (int i = 1; i < languageActions.size(); ++i)
        languageActions[i]->setText(languageNativeName(languageActions[i]->data().toString()));

    playbackBar->setWindowTitle(MainWindow::tr("Playback"));
    speedLabel->setText(MainWindow::tr("Speed "));
    jobLabel->setText(MainWindow::tr("Job "));
    if (jobCombo->count() > 0 && document->result())
        jobCombo->setItemText(0, MainWindow::tr("All %n Jobs", nullptr,
                                                static_cast<int>(document->result()->jobs.size())));
    speedCombo->setAccessibleName(MainWindow::tr("Playback speed"));
    speedCombo->setToolTip(MainWindow::tr("Playback speed (+ / -)"));
    timeLabel->setAccessibleName(MainWindow::tr("Playhead time"));
    scrubSlider->setAccessibleName(MainWindow::tr("Playhead position"));
    scrubSlider->setToolTip(MainWindow::tr("Drag to move the playhead"));
    plot->setAccessibleName(MainWindow::tr("Requested and actual parallelism over time"));
    ganttSlot->setAccessibleName(MainWindow::tr("Pods over time"));
    inspector->setAccessibleName(MainWindow::tr("Status and causes at the playhead"));
    editorSlot->setAccessibleName(MainWindow::tr("Scenario editor"));
    stateLabel->setAccessibleName(MainWindow::tr("Document state"));

    rebuildExampleMenu();
    rebuildRecentMenu();
    updateTitle();
    updateStatus();
}

void MainWindow::Private::rebuildExampleMenu() {
    exampleMenu->clear();
    exampleMenu->setToolTipsVisible(true);
    for (const ExampleGroup& group : exampleGroups()) {
        QMenu* sub = exampleMenu->addMenu(group.localizedName());
        sub->setToolTipsVisible(true);
        bool afterRecordings = false;
        for (const ExampleEntry& entry : group.entries) {
            // Recordings open as what was observed; their simulations follow under a heading.
            if (afterRecordings && !entry.recording)
                sub->addSection(calibratedSimulationsHeading());
            afterRecordings = entry.recording;
            QAction* action = sub->addAction(entry.localizedTitle());
            action->setToolTip(entry.localizedDescription());
            action->setStatusTip(entry.localizedDescription());
            action->setData(entry.path);
            const QString path = entry.path;
            connect(action, &QAction::triggered, self, [this, path] {
                if (maybeSave())
                    self->openFile(path);
            });
        }
    }
}

void MainWindow::Private::rebuildRecentMenu() {
    recentMenu->clear();
    recentMenu->setToolTipsVisible(true);
    for (int row = 0; row < recent.rowCount(); ++row) {
        const QModelIndex index = recent.index(row);
        QAction* action = recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(row + 1).arg(index.data().toString()));
        action->setToolTip(index.data(Qt::ToolTipRole).toString());
        const QString path = index.data(RecentFilesModel::PathRole).toString();
        action->setData(path);
        connect(action, &QAction::triggered, self, [this, path] {
            if (maybeSave())
                self->openFile(path);
        });
    }
    recentMenu->addSeparator();
    recentMenu->addAction(clearRecentAction);
    clearRecentAction->setEnabled(recent.rowCount() > 0);
    QSettings().setValue(QStringLiteral("recentFiles"), recent.paths());
}

// --- settings ---

void MainWindow::Private::loadSettings() {
    QSettings settings;
    recent.load(settings.value(QStringLiteral("recentFiles")).toStringList());
    lastExportFolder = settings.value(QStringLiteral("export/lastFolder")).toString();
    theme = themeFromName(settings.value(QStringLiteral("ui/theme")).toString());
    language = settings.value(QStringLiteral("ui/language")).toString();
    for (QAction* a : themeActions)
        a->setChecked(a->data().toString() == themeName(theme));
    for (QAction* a : languageActions)
        a->setChecked(a->data().toString() == language);
    if (theme != Theme::System)
        applyTheme(theme);
    playback->setSpeed(settings.value(QStringLiteral("playback/speed"), 1.0).toDouble());
    {
        const QSignalBlocker block(speedCombo);
        speedCombo->setCurrentIndex(std::max(0, speedCombo->findData(playback->speed())));
    }
    self->restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (QSplitter* splitter : {mainSplitter, viewSplitter, chartSplitter})
        splitter->restoreState(
            settings.value(QStringLiteral("window/") + splitter->objectName()).toByteArray());
    showEditorAction->setChecked(editorSlot->isVisibleTo(mainSplitter) ||
                                 !settings.contains(QStringLiteral("window/mainSplitter")));
}

void MainWindow::Private::saveSettings() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), self->saveGeometry());
    settings.setValue(QStringLiteral("window/state"), self->saveState());
    for (QSplitter* splitter : {mainSplitter, viewSplitter, chartSplitter})
        settings.setValue(QStringLiteral("window/") + splitter->objectName(),
                          splitter->saveState());
    settings.setValue(QStringLiteral("export/lastFolder"), lastExportFolder);
    settings.setValue(QStringLiteral("recentFiles"), recent.paths());
}

// --- files ---

bool MainWindow::openWhatif(double at, QString* error) {
    return d->openWhatif(at, error);
}

bool MainWindow::openFile(const QString& path) {
    QString error;
    if (!d->document->openFile(path, &error)) {
        d->showError(MainWindow::tr("Cannot Open File"), error);
        // A file that does not open (gone, binary, too large) leaves Open Recent.
        if (!path.startsWith(QLatin1Char(':')))
            d->recent.remove(path);
        return false;
    }
    if (!path.startsWith(QLatin1Char(':')))
        d->recent.add(path);
    if (d->live->session())
        d->live->stop(); // the opened file replaces the live view
    d->playback->pause();
    d->playback->setTime(0);
    d->updateActions();
    return true;
}

void MainWindow::startLive(std::unique_ptr<live::LiveSession> session) {
    if (!session)
        return;
    d->playback->pause();
    d->badge->attach(session.get());
    d->live->start(std::move(session));
    d->updateActions();
}

// The editor hands its text over after a pause in typing; saving, running and comparing take
// the text as the editor has it.
void MainWindow::Private::commitEditorText() {
#if JOBSCOPE_HAS_EDITOR
    editor->commitText();
#endif
}

bool MainWindow::Private::maybeSave() {
    commitEditorText();
    if (!document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        self, MainWindow::tr("Unsaved Changes"),
        MainWindow::tr("%1 has changes that are not saved. Save them?")
            .arg(document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        return true;
    return saveDocument(false);
}

bool MainWindow::Private::saveDocument(bool askForName) {
    commitEditorText();
    QString error;
    if (!askForName && !document->filePath().isEmpty() && !document->isReadOnly()) {
        if (document->save(&error))
            return true;
        showError(MainWindow::tr("Cannot Save"), error);
        return false;
    }
    QString suggestion = document->displayName();
    if (!suggestion.endsWith(QLatin1String(".yaml")) && !suggestion.endsWith(QLatin1String(".yml")))
        suggestion += QStringLiteral(".yaml");
    const QString folder = document->filePath().isEmpty() || document->isReadOnly()
                               ? QDir::homePath()
                               : QFileInfo(document->filePath()).absolutePath();
    const QString path = QFileDialog::getSaveFileName(self, MainWindow::tr("Save As"),
                                                      QDir(folder).filePath(suggestion),
                                                      MainWindow::tr("YAML files (*.yaml *.yml)"));
    if (path.isEmpty())
        return false;
    if (!document->saveAs(path, &error)) {
        showError(MainWindow::tr("Cannot Save"), error);
        return false;
    }
    recent.add(path);
    return true;
}

void MainWindow::Private::showError(const QString& title, const QString& text) {
    // Window-modal without a nested event loop: the window (and a test driving it) goes on.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, self);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString MainWindow::Private::exportPath(const QString& title, const QString& defaultName,
                                        const QString& filter) {
    const QString folder = lastExportFolder.isEmpty() ? QDir::homePath() : lastExportFolder;
    QString base = QFileInfo(document->displayName()).completeBaseName();
    if (base.isEmpty())
        base = QStringLiteral("jobscope");
    const QString path = QFileDialog::getSaveFileName(
        self, title, QDir(folder).filePath(base + QLatin1Char('-') + defaultName), filter);
    if (!path.isEmpty())
        lastExportFolder = QFileInfo(path).absolutePath();
    return path;
}

// --- exports ---

bool MainWindow::exportPlotPng(const QString& path, const QSize& size, QString* error) {
    return d->plot->savePng(path, size, error);
}

bool MainWindow::exportGanttPng(const QString& path, const QSize& size, QString* error) {
#if JOBSCOPE_HAS_GANTT
    return d->gantt->savePng(path, size, error);
#else
    Q_UNUSED(path);
    Q_UNUSED(size);
    if (error)
        *error = MainWindow::tr("the Pod Gantt is not part of this build");
    return false;
#endif
}

// The plot above the Gantt, split as on screen, each drawn by its own renderImage().
QImage MainWindow::Private::renderDashboard(const QSize& pixels) {
    const QList<int> sizes = chartSplitter->sizes();
    double plotShare = 0.55;
    if (gantt && sizes.size() == 2 && sizes[0] + sizes[1] > 0 && ganttSlot->isVisible())
        plotShare = std::clamp(double(sizes[0]) / (sizes[0] + sizes[1]), 0.25, 0.75);
    if (!gantt || !ganttSlot->isVisible())
        plotShare = 1;
    const int plotHeight = int(std::lround(pixels.height() * plotShare));
    // One font scale for both halves, the plot's: the Gantt's text as large as the plot's.
    const double scale = styleScaleFor(QSize(pixels.width(), plotHeight));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.drawImage(0, 0, plot->renderImage(QSize(pixels.width(), plotHeight), scale));
#if JOBSCOPE_HAS_GANTT
    if (plotHeight < pixels.height())
        painter.drawImage(
            0, plotHeight,
            gantt->renderImage(QSize(pixels.width(), pixels.height() - plotHeight), false, scale));
#endif
    return image;
}

bool MainWindow::exportDashboardPng(const QString& path, const QSize& size, double scale,
                                    QString* error) {
    if (!(scale > 0) || size.isEmpty()) {
        if (error)
            *error = MainWindow::tr("the image size %1 × %2 at scale %3 is empty")
                         .arg(size.width())
                         .arg(size.height())
                         .arg(scale);
        return false;
    }
    const QSize pixels(int(std::lround(size.width() * scale)),
                       int(std::lround(size.height() * scale)));
    return writePng(d->renderDashboard(pixels), path, error);
}

bool MainWindow::showJob(const QString& name, QString* error) {
    const auto result = d->document->result();
    const bool found = name.isEmpty() || (result && jobNamed(*result, name.toStdString()));
    if (!found) {
        if (error) {
            QStringList names;
            if (result)
                for (const Run& job : result->jobs)
                    names << QString::fromStdString(job.timeline.jobMetadata.name);
            *error = names.isEmpty() ? MainWindow::tr("--job %1: %2 holds one Job")
                                           .arg(name, d->document->displayName())
                                     : MainWindow::tr("--job %1: %2 has no such Job (it has %3)")
                                           .arg(name, d->document->displayName(),
                                                names.join(MainWindow::tr(", ")));
        }
        return false;
    }
    d->shownJob = name.toStdString();
    d->showResult();
    return true;
}

bool MainWindow::exportPdf(const QString& path, QString* error) {
    const auto result = d->shownRun();
    if (!result) {
        if (error)
            *error = MainWindow::tr("there is no result to export yet");
        return false;
    }
    return writeRunReport(path, result, localizedTitle(*result), error);
}

bool MainWindow::exportCsvs(const QString& folder, QString* error) {
    const auto result = d->shownRun();
    if (!result) {
        if (error)
            *error = MainWindow::tr("there is no result to export yet");
        return false;
    }
    if (!QDir().mkpath(folder)) {
        if (error)
            *error =
                MainWindow::tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    const Analysis& analysis = result->analysis;
    const double origin = result->origin;
    const std::pair<const char*, std::function<std::string()>> files[] = {
        {"series.csv", [&] { return seriesCsv(analysis.series, origin); }},
        {"causes.csv", [&] { return causesCsv(analysis.causes, origin); }},
        {"pods.csv", [&] { return podsCsv(analysis.pods, origin); }},
        {"events.csv", [&] { return eventsCsv(result->timeline.events, origin); }},
    };
    for (const auto& [name, make] : files) {
        const QString path = QDir(folder).filePath(QString::fromLatin1(name));
        if (const std::optional<std::string> failure =
                writeFileAtomically(QFile::encodeName(path).toStdString(), make())) {
            if (error)
                *error = QString::fromStdString(*failure);
            return false;
        }
    }
    return true;
}

// --- language, events ---

void MainWindow::setLanguage(const QString& language) {
    d->language = language;
    QSettings().setValue(QStringLiteral("ui/language"), language);
    for (QAction* a : d->languageActions)
        a->setChecked(a->data().toString() == language);
    if (!applyLanguage(language))
        d->showError(MainWindow::tr("Language"),
                     MainWindow::tr("There is no translation for %1; the texts stay in English.")
                         .arg(language));
}

void MainWindow::Private::applyMediaIcons() {
    const QPalette palette = self->palette();
    playAction->setIcon(
        mediaIcon(playback->isPlaying() ? MediaIcon::Pause : MediaIcon::Play, palette));
    previousEventAction->setIcon(mediaIcon(MediaIcon::SeekBackward, palette));
    nextEventAction->setIcon(mediaIcon(MediaIcon::SeekForward, palette));
    startAction->setIcon(mediaIcon(MediaIcon::SkipBackward, palette));
    endAction->setIcon(mediaIcon(MediaIcon::SkipForward, palette));
    loopAction->setIcon(mediaIcon(MediaIcon::Loop, palette));
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        d->retranslate();
        if (const auto shown = d->shownRun()) // the scenario's title in the language
            d->showInPlot(shown);
        d->plot->setPlayhead(d->playback->time());
        d->timeRange->republish(); // setRun showed the whole run: the user's span again
    } else if (event->type() == QEvent::PaletteChange) {
        d->applyMediaIcons();
    } else if (event->type() == QEvent::WindowStateChange) {
        const QSignalBlocker block(d->fullScreenAction);
        d->fullScreenAction->setChecked(isFullScreen());
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!d->maybeSave()) {
        event->ignore();
        return;
    }
    d->playback->pause();
    d->saveSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    // After the drop has finished: a prompt inside the drop handler would block the source.
    QMetaObject::invokeMethod(
        this,
        [this, path] {
            if (d->maybeSave())
                openFile(path);
        },
        Qt::QueuedConnection);
}

} // namespace jobscope::ui
