// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweep/sweep_window.h"

#include "gui/engine_messages.h"
#include "plot/plot_style.h"
#include "plot/png_file.h"
#include "plot/sweep_plot.h"
#include "scenario/scenario_reader.h"

#include <qcustomplot.h>

#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QSaveFile>
#include <QShortcut>
#include <QSpinBox>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>

namespace jobscope::ui {

namespace {

// What is usually worth varying: the Job's knobs and the scenario's fields docs/scenarios.md
// shows with --set.
const char* const kCommonPaths[] = {
    "spec.parallelism",
    "spec.completions",
    "spec.backoffLimit",
    "spec.backoffLimitPerIndex",
    "spec.completionMode",
    "spec.podReplacementPolicy",
    "spec.activeDeadlineSeconds",
    "runTime",
    "seed",
    "cluster.quota.pods",
    "failures.0.probability",
};

constexpr int kPointRadius = 8;       // pixels around a drawn point that count as on it
constexpr int kProgressInterval = 50; // ms

// Red that reads on the theme's background: dark on light, light on dark.
QString errorStyle(const QPalette& palette) {
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return QStringLiteral("color: %1;")
        .arg(dark ? QStringLiteral("#ff8a80") : QStringLiteral("#b00020"));
}

QString number(double value, int decimals = 1) {
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

} // namespace

struct SweepWindow::Private {
    QString text;
    QString name;
    QString filePath; // "" for an untitled document

    struct Row {
        QLabel* label = nullptr;
        QComboBox* path = nullptr;
        QLineEdit* values = nullptr;
    };
    std::array<Row, kAxisRows> rows;
    QLabel* seedsLabel = nullptr;
    QSpinBox* seeds = nullptr;
    QPushButton* runButton = nullptr;
    QPushButton* cancelButton = nullptr;
    QProgressBar* progress = nullptr;
    QLabel* error = nullptr;
    QLabel* status = nullptr;
    QLabel* placeholder = nullptr;
    QCustomPlot* plot = nullptr;
    QLabel* hint = nullptr;
    QPushButton* pngButton = nullptr;
    QPushButton* csvButton = nullptr;

    // The sweep in flight: its flags outlive the window's wait only as long as the worker.
    QFutureWatcher<std::vector<SweepPoint>> watcher;
    std::shared_ptr<std::atomic<bool>> cancelFlag;
    std::shared_ptr<std::atomic<std::size_t>> pointsDone;
    std::vector<SweepAxis> runningAxes;
    std::size_t runningTotal = 0;
    int runningSeeds = 1;
    QElapsedTimer clock;
    QTimer progressTimer;

    std::vector<SweepAxis> axes;
    std::vector<SweepPoint> points;
    std::vector<SweepFigures> figures;
    SweepPlotData plotData;
    double plotScale = 0; // the style scale the plot was last built for
    QString lastFolder;
};

SweepWindow::SweepWindow(const QString& text, const QString& name, QWidget* parent)
    : QWidget(parent), d(std::make_unique<Private>()) {
    d->text = text;
    d->name = name;
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::Key_Escape)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &QWidget::close);

    auto* layout = new QVBoxLayout(this);
    auto* form = new QGridLayout;
    for (int r = 0; r < kAxisRows; ++r) {
        Private::Row& row = d->rows[static_cast<size_t>(r)];
        row.label = new QLabel;
        row.path = new QComboBox;
        row.path->setEditable(true);
        row.path->setInsertPolicy(QComboBox::NoInsert);
        row.path->setMinimumContentsLength(24);
        if (r > 0)
            row.path->addItem(QString());
        for (const char* path : kCommonPaths)
            row.path->addItem(QString::fromLatin1(path));
        row.values = new QLineEdit;
        row.label->setBuddy(row.path);
        form->addWidget(row.label, r, 0);
        form->addWidget(row.path, r, 1);
        form->addWidget(new QLabel(QStringLiteral("=")), r, 2);
        form->addWidget(row.values, r, 3);
        connect(row.values, &QLineEdit::returnPressed, this, [this] { run(); });
    }
    d->rows[0].values->setText(QStringLiteral("1..8"));
    form->setColumnStretch(3, 1);
    layout->addLayout(form);

    auto* controls = new QHBoxLayout;
    d->seedsLabel = new QLabel;
    d->seeds = new QSpinBox;
    d->seeds->setRange(1, 1000);
    d->seedsLabel->setBuddy(d->seeds);
    d->runButton = new QPushButton;
    d->runButton->setDefault(true);
    d->cancelButton = new QPushButton;
    d->progress = new QProgressBar;
    d->progress->setRange(0, 1);
    d->progress->setValue(0);
    d->progress->setTextVisible(false); // until there are points to count
    controls->addWidget(d->seedsLabel);
    controls->addWidget(d->seeds);
    controls->addSpacing(12);
    controls->addWidget(d->runButton);
    controls->addWidget(d->cancelButton);
    controls->addWidget(d->progress, 1);
    layout->addLayout(controls);

    d->error = new QLabel;
    d->error->setWordWrap(true);
    d->error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->error->hide();
    layout->addWidget(d->error);
    d->status = new QLabel;
    d->status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(d->status);

    d->placeholder = new QLabel;
    d->placeholder->setAlignment(Qt::AlignCenter);
    d->placeholder->setWordWrap(true);
    d->placeholder->setEnabled(false);
    layout->addWidget(d->placeholder, 1);
    d->plot = new QCustomPlot;
    d->plot->setMinimumHeight(300);
    d->plot->setMouseTracking(true);
    d->plot->installEventFilter(this);
    d->plot->hide();
    layout->addWidget(d->plot, 1);

    auto* bottom = new QHBoxLayout;
    d->hint = new QLabel;
    d->pngButton = new QPushButton;
    d->csvButton = new QPushButton;
    bottom->addWidget(d->hint);
    bottom->addStretch(1);
    bottom->addWidget(d->pngButton);
    bottom->addWidget(d->csvButton);
    layout->addLayout(bottom);

    connect(d->runButton, &QPushButton::clicked, this, [this] { run(); });
    connect(d->cancelButton, &QPushButton::clicked, this, &SweepWindow::cancel);
    connect(d->pngButton, &QPushButton::clicked, this, [this] { chooseExport(false); });
    connect(d->csvButton, &QPushButton::clicked, this, [this] { chooseExport(true); });
    connect(&d->watcher, &QFutureWatcher<std::vector<SweepPoint>>::finished, this,
            &SweepWindow::takeResult);
    d->progressTimer.setInterval(kProgressInterval);
    connect(&d->progressTimer, &QTimer::timeout, this, [this] {
        d->progress->setValue(static_cast<int>(d->pointsDone ? d->pointsDone->load() : 0));
    });
    connect(d->plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const int point = pointAt(event->position().toPoint());
        d->plot->setCursor(point >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        if (point >= 0)
            QToolTip::showText(d->plot->mapToGlobal(event->position().toPoint()),
                               pointToolTip(point), d->plot);
        else
            QToolTip::hideText();
    });
    connect(d->plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton)
            return;
        const int point = pointAt(event->position().toPoint());
        if (point < 0)
            return;
        QString error;
        const QString text = pointText(point, &error);
        if (!error.isEmpty()) {
            showError(error);
            return;
        }
        emit pointOpened(text, pointName(point));
    });

    d->error->setStyleSheet(errorStyle(palette()));
    retranslate();
    updateState();
}

void SweepWindow::setFilePath(const QString& path) {
    d->filePath = path;
}

SweepWindow::~SweepWindow() {
    cancel();
    d->watcher.waitForFinished();
}

void SweepWindow::setAxis(int row, const QString& path, const QString& values) {
    if (row < 0 || row >= kAxisRows)
        return;
    d->rows[static_cast<size_t>(row)].path->setCurrentText(path);
    d->rows[static_cast<size_t>(row)].values->setText(values);
}

void SweepWindow::setSeeds(int seeds) {
    d->seeds->setValue(seeds);
}

bool SweepWindow::run() {
    if (isRunning())
        return false;
    // The rows as the command line's --vary would read them, with its words for a bad one.
    std::vector<SweepAxis> axes;
    std::size_t total = 1;
    for (int r = 0; r < kAxisRows; ++r) {
        const Private::Row& row = d->rows[static_cast<size_t>(r)];
        const QString path = row.path->currentText().trimmed();
        const QString values = row.values->text().trimmed();
        if (r > 0 && path.isEmpty() && values.isEmpty())
            continue;
        const QString given = path + QLatin1Char('=') + values;
        SweepAxisError error;
        const std::optional<SweepAxis> axis = parseSweepAxis(given.toStdString(), &error);
        if (!axis) {
            switch (error.kind) {
            case SweepAxisError::Kind::NotPathValues:
                showError(tr("'%1' is not PATH=VALUES (such as spec.parallelism=1..20 or "
                             "spec.completionMode=NonIndexed,Indexed)")
                              .arg(given));
                break;
            case SweepAxisError::Kind::BadRange:
                showError(
                    tr("'%1' is not a range A..B or A..B:STEP with A ≤ B and STEP > 0").arg(given));
                break;
            case SweepAxisError::Kind::TooMany:
                showError(tr("'%1' has more than %2 values").arg(given).arg(kMaxSweepValues));
                break;
            }
            return false;
        }
        total *= axis->values.size();
        if (total > kMaxSweepValues) {
            showError(tr("the grid has more than %1 points").arg(kMaxSweepValues));
            return false;
        }
        axes.push_back(*axis);
    }

    // The text as it is must read before values are set in it, as the command checks the file.
    const std::string text = d->text.toStdString();
    const std::string fileName = (d->filePath.isEmpty() ? d->name : d->filePath).toStdString();
    Diagnostics diagnostics;
    if (!readScenarioText(text, fileName, diagnostics) || diagnostics.hasErrors()) {
        QStringList lines;
        for (const Diagnostic& diagnostic : diagnostics.items())
            if (diagnostic.severity == Severity::Error)
                lines << localizedFormat(diagnostic);
        showError(lines.isEmpty() ? tr("%1: cannot be read as a scenario").arg(d->name)
                                  : lines.join(QLatin1Char('\n')));
        return false;
    }

    showError(QString());
    d->status->clear();
    d->runningAxes = axes;
    d->runningTotal = total;
    d->runningSeeds = d->seeds->value();
    d->cancelFlag = std::make_shared<std::atomic<bool>>(false);
    d->pointsDone = std::make_shared<std::atomic<std::size_t>>(0);
    SweepOptions options;
    options.seeds = d->runningSeeds;
    options.pointsDone = d->pointsDone.get();
    d->progress->setRange(0, static_cast<int>(total));
    d->progress->setFormat(QStringLiteral("%v / %m"));
    d->progress->setTextVisible(true);
    d->progress->setValue(0);
    d->clock.start();
    d->watcher.setFuture(QtConcurrent::run(
        // The worker holds its own references to the flags it writes and reads.
        [text, fileName, axes, options, cancel = d->cancelFlag, done = d->pointsDone] {
            return runSweep(text, fileName, axes, options, cancel.get());
        }));
    d->progressTimer.start();
    updateState();
    return true;
}

void SweepWindow::cancel() {
    if (d->cancelFlag)
        d->cancelFlag->store(true);
}

bool SweepWindow::isRunning() const {
    return d->watcher.isRunning();
}

QString SweepWindow::errorText() const {
    return d->error->isHidden() ? QString() : d->error->text();
}

QCustomPlot* SweepWindow::plot() const {
    return d->plot;
}

const std::vector<SweepAxis>& SweepWindow::axes() const {
    return d->axes;
}

const std::vector<SweepPoint>& SweepWindow::points() const {
    return d->points;
}

const std::vector<SweepFigures>& SweepWindow::figures() const {
    return d->figures;
}

void SweepWindow::takeResult() {
    d->progressTimer.stop();
    const bool cancelled = d->cancelFlag && d->cancelFlag->load();
    std::vector<SweepPoint> points = d->watcher.result();
    const std::size_t done = d->pointsDone ? d->pointsDone->load() : 0;
    d->progress->setValue(static_cast<int>(done));
    d->cancelFlag.reset();
    d->pointsDone.reset();
    if (cancelled) {
        // The points not run have no runs: the last finished sweep stays shown.
        d->status->setText(tr("Cancelled after %1 of %2 points.").arg(done).arg(d->runningTotal));
        updateState();
        emit finished();
        return;
    }
    // A point the text cannot hold is the input's fault: said with its values, nothing drawn.
    for (const SweepPoint& point : points)
        if (!point.error.empty()) {
            QStringList values;
            for (std::size_t a = 0; a < d->runningAxes.size(); ++a)
                values << QString::fromStdString(d->runningAxes[a].name + "=" + point.values[a]);
            showError(tr("%1: the point %2 cannot run: %3")
                          .arg(d->name, values.join(QLatin1Char(' ')),
                               QString::fromStdString(point.error)));
            updateState();
            emit finished();
            return;
        }
    d->axes = d->runningAxes;
    d->points = std::move(points);
    d->figures.clear();
    for (const SweepPoint& point : d->points)
        d->figures.push_back(figuresOf(point));
    d->plotData = sweepPlotData(d->name.toStdString(), d->axes, d->points, d->figures);
    const std::size_t runs = d->points.size() * static_cast<std::size_t>(d->runningSeeds);
    d->status->setText(tr("%n simulation(s) in %1 s", "", static_cast<int>(runs))
                           .arg(static_cast<double>(d->clock.elapsed()) / 1000.0, 0, 'f', 2));
    showPlot();
    updateState();
    emit finished();
}

void SweepWindow::showPlot() {
    if (d->points.empty())
        return;
    d->placeholder->hide();
    d->plot->show();
    SweepPlotColors colors;
    colors.ink = palette().color(QPalette::Text);
    colors.background = palette().color(QPalette::Base);
    buildSweepPlot(d->plot, d->plotData, colors);
    d->plotScale = styleScaleFor(d->plot->size());
    d->plot->replot();
}

void SweepWindow::showError(const QString& message) {
    d->error->setText(message);
    d->error->setVisible(!message.isEmpty());
}

void SweepWindow::updateState() {
    const bool running = isRunning();
    d->runButton->setEnabled(!running);
    d->cancelButton->setEnabled(running);
    for (Private::Row& row : d->rows) {
        row.path->setEnabled(!running);
        row.values->setEnabled(!running);
    }
    d->seeds->setEnabled(!running);
    const bool shown = !d->points.empty();
    d->pngButton->setEnabled(shown);
    d->csvButton->setEnabled(shown);
    d->hint->setVisible(shown);
}

QString SweepWindow::pointText(int index, QString* error) const {
    if (index < 0 || static_cast<std::size_t>(index) >= d->points.size())
        return {};
    const edit::OverrideResult changed = edit::applyOverrides(
        d->text.toStdString(), pointOverrides(d->axes, d->points[static_cast<size_t>(index)]));
    if (changed.error) {
        if (error)
            *error = tr("%1: the point %2 cannot run: %3")
                         .arg(d->name, QString::fromStdString(changed.error->override),
                              QString::fromStdString(changed.error->detail));
        return {};
    }
    return QString::fromStdString(changed.text);
}

QString SweepWindow::pointName(int index) const {
    if (index < 0 || static_cast<std::size_t>(index) >= d->points.size())
        return {};
    QStringList values;
    const SweepPoint& point = d->points[static_cast<size_t>(index)];
    for (std::size_t a = 0; a < d->axes.size(); ++a)
        values << QString::fromStdString(d->axes[a].name + "=" + point.values[a]);
    const QFileInfo file(d->name);
    const bool yaml =
        file.suffix() == QLatin1String("yaml") || file.suffix() == QLatin1String("yml");
    return QStringLiteral("%1 (%2)").arg(yaml ? file.completeBaseName() : d->name,
                                         values.join(QStringLiteral(", ")));
}

QString SweepWindow::pointToolTip(int index) const {
    if (index < 0 || static_cast<std::size_t>(index) >= d->points.size())
        return {};
    const SweepPoint& point = d->points[static_cast<size_t>(index)];
    const SweepFigures& f = d->figures[static_cast<size_t>(index)];
    QStringList lines;
    for (std::size_t a = 0; a < d->axes.size(); ++a)
        lines << QString::fromStdString(d->axes[a].name + "=" + point.values[a]);
    const bool several = f.seeds > 1;
    if (f.finished == 0)
        lines << tr("completion time: not finished");
    else if (several)
        lines << tr("completion time: %1 s (median), %2 s (90th percentile)")
                     .arg(number(f.completionP50), number(f.completionP90));
    else
        lines << tr("completion time: %1 s").arg(number(f.completionP50));
    if (several)
        lines << tr("Pod-seconds: %1 (median), %2 (90th percentile)")
                     .arg(number(f.podSecondsP50), number(f.podSecondsP90));
    else
        lines << tr("Pod-seconds: %1").arg(number(f.podSecondsP50));
    lines << tr("peak active Pods: %1, mean %2")
                 .arg(number(f.peakActiveP50, 0), number(f.meanActiveP50, 2));
    lines << tr("failed Pods: %1").arg(number(f.failedPodsP50, 0));
    // Condition types are API values, as kubectl shows them.
    lines << tr("outcome: %1 (%2 of %3 seeds finished)")
                 .arg(QString::fromStdString(f.outcome))
                 .arg(f.finished)
                 .arg(f.seeds);
    lines << tr("Click to open this run.");
    return lines.join(QLatin1Char('\n'));
}

int SweepWindow::pointAt(const QPoint& pos) const {
    if (d->plot->isHidden())
        return -1;
    int nearest = -1;
    double best = kPointRadius * kPointRadius;
    for (int g = 0; g < d->plot->graphCount(); ++g) {
        // Each line has two graphs: its completion time, then its Pod-seconds.
        const qsizetype line = g / 2;
        if (line >= d->plotData.lines.size())
            break;
        const QVector<int>& points = d->plotData.lines.at(line).points;
        QCPGraph* graph = d->plot->graph(g);
        const auto data = graph->data();
        for (int i = 0; i < data->size() && i < points.size(); ++i) {
            const QCPGraphData& datum = *data->at(i);
            if (!std::isfinite(datum.value))
                continue;
            const double dx = graph->keyAxis()->coordToPixel(datum.key) - pos.x();
            const double dy = graph->valueAxis()->coordToPixel(datum.value) - pos.y();
            if (dx * dx + dy * dy <= best) {
                best = dx * dx + dy * dy;
                nearest = points.at(i);
            }
        }
    }
    return nearest;
}

bool SweepWindow::exportPng(const QString& path, const QSize& size, QString* error) const {
    return renderPngFile(
        path, size, [this](const QSize& at) { return renderSweepPlot(d->plotData, at); }, error);
}

bool SweepWindow::exportCsv(const QString& path, QString* error) const {
    QSaveFile file(path);
    const std::string content = sweepCsv(d->axes, d->points, d->figures);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(content.data(), static_cast<qint64>(content.size())) !=
            static_cast<qint64>(content.size()) ||
        !file.commit()) {
        if (error)
            *error =
                tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void SweepWindow::chooseExport(bool csv) {
    const QFileInfo file(d->name);
    const QString suggestion =
        (file.completeBaseName().isEmpty() ? QStringLiteral("sweep") : file.completeBaseName()) +
        (csv ? QStringLiteral("-sweep.csv") : QStringLiteral("-sweep.png"));
    const QString folder = d->lastFolder.isEmpty() ? QDir::homePath() : d->lastFolder;
    const QString path = QFileDialog::getSaveFileName(
        this, csv ? tr("Export the Sweep as CSV") : tr("Export the Sweep Plot as PNG"),
        QDir(folder).filePath(suggestion),
        csv ? tr("CSV files (*.csv)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    d->lastFolder = QFileInfo(path).absolutePath();
    QString error;
    const bool written = csv ? exportCsv(path, &error) : exportPng(path, QSize(1280, 800), &error);
    showError(written ? QString() : error);
}

void SweepWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        d->error->setStyleSheet(errorStyle(palette()));
        showPlot(); // the plot's ink and background follow the theme
    }
    QWidget::changeEvent(event);
}

void SweepWindow::closeEvent(QCloseEvent* event) {
    cancel();
    d->watcher.waitForFinished();
    QWidget::closeEvent(event);
}

bool SweepWindow::eventFilter(QObject* watched, QEvent* event) {
    // Fonts and pens follow the plot's size, as the exports' do.
    if (watched == d->plot && event->type() == QEvent::Resize && !d->points.empty()) {
        const auto* resize = static_cast<QResizeEvent*>(event);
        if (styleScaleFor(resize->size()) != d->plotScale)
            QTimer::singleShot(0, this, [this] { showPlot(); });
    }
    return QWidget::eventFilter(watched, event);
}

void SweepWindow::retranslate() {
    setWindowTitle(tr("Sweep %1").arg(d->name));
    d->rows[0].label->setText(tr("&Vary:"));
    d->rows[1].label->setText(tr("&And:"));
    for (int r = 0; r < kAxisRows; ++r) {
        Private::Row& row = d->rows[static_cast<size_t>(r)];
        row.path->lineEdit()->setPlaceholderText(r == 0 ? tr("path, such as spec.parallelism")
                                                        : tr("a second path (optional)"));
        row.path->setAccessibleName(r == 0 ? tr("First varied path") : tr("Second varied path"));
        row.values->setPlaceholderText(tr("values: 1..20, 0..1:0.25 or 1,2,4,8"));
        row.values->setAccessibleName(r == 0 ? tr("Values of the first path")
                                             : tr("Values of the second path"));
        row.values->setToolTip(
            tr("A..B (whole numbers), A..B:STEP or a list V1,V2,… — each value is set in the "
               "document as simulate --set sets it"));
    }
    d->seedsLabel->setText(tr("&Seeds:"));
    d->seeds->setToolTip(tr("Run each point with the seeds 1..N (1: once, with the scenario's "
                            "seed); the plot shows the medians"));
    d->runButton->setText(tr("&Run"));
    d->cancelButton->setText(tr("&Cancel"));
    d->progress->setAccessibleName(tr("Points done"));
    d->placeholder->setText(tr("Run the sweep to see the completion time and the Pod-seconds "
                               "against the first path, one line per value of the second."));
    d->hint->setText(tr("Hover over a point for its figures; click it to open that run."));
    d->pngButton->setText(tr("Export P&NG…"));
    d->csvButton->setText(tr("E&xport CSV…"));
    if (!d->points.empty()) {
        d->plotData = sweepPlotData(d->name.toStdString(), d->axes, d->points, d->figures);
        showPlot();
    }
}

} // namespace jobscope::ui
