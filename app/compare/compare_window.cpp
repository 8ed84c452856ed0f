// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/compare_window.h"

#include "gui/engine_messages.h"
#include "gui/example_catalog.h"
#include "gui/job_document.h"
#include "gui/language.h"
#include "live/recording.h"
#include "plot/cause_text.h"
#include "plot/time_range.h"
#include "plot/timeline_plot.h"
#include "run/run.h"
#include "scenario/scenario_reader.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <optional>

namespace jobscope::ui {

namespace {

constexpr int kSides = 2;
const QString kQuickPickFolder = QStringLiteral(":/examples/tradeoffs");

// A recording (trace, kubectl watch folder, dump) is shown as it was observed, so that it can
// stand beside the scenario that simulates the same Job.
// Every Job it holds, together.
std::shared_ptr<const Run> runRecording(const QString& path, QString* error) {
    live::JobSelection every;
    every.every = true;
    std::optional<live::Recording> recording =
        live::RecordingLoader::load(path, error, kMaxRecordingFileBytes, every);
    if (!recording)
        return nullptr;
    return std::make_shared<const Run>(runObservedJobs(std::move(recording->jobs)));
}

// Reads and runs a scenario the way `jobscope simulate` does; resources are read as text.
std::shared_ptr<const Run> runFile(const QString& path, QString* error) {
    if (JobDocument::looksLikeTrace(path))
        return runRecording(path, error);
    Diagnostics diagnostics;
    std::optional<Scenario> scenario;
    if (path.startsWith(QLatin1String(":/"))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = CompareWindow::tr("cannot read %1: %2").arg(path, file.errorString());
            return nullptr;
        }
        scenario = readScenarioText(file.readAll().toStdString(), path.toStdString(), diagnostics);
    } else {
        scenario = readScenarioFile(path.toStdString(), diagnostics);
    }
    if (!scenario || diagnostics.hasErrors()) {
        std::vector<Diagnostic> items = diagnostics.items();
        std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return std::pair(a.position.line, a.position.column) <
                   std::pair(b.position.line, b.position.column);
        });
        QStringList lines;
        for (const Diagnostic& d : items)
            if (d.severity == Severity::Error)
                lines << localizedFormat(d);
        *error = lines.isEmpty() ? CompareWindow::tr("%1: cannot be read as a scenario").arg(path)
                                 : lines.join(QLatin1Char('\n'));
        return nullptr;
    }
    return std::make_shared<const Run>(runWholeScenario(*scenario));
}

QString seconds(double value) {
    return QString::number(value, 'f', 1);
}

} // namespace

struct CompareWindow::Private {
    struct Side {
        QLabel* title = nullptr;
        QLabel* summary = nullptr;
        QLabel* error = nullptr;
        QComboBox* examples = nullptr;
        QPushButton* open = nullptr;
        TimelinePlot* plot = nullptr;
        QString path;
        std::shared_ptr<const Run> run;
        double fullLower = 0; // the plot's own range after loading
        double fullUpper = 0;
    };
    std::array<Side, kSides> sides;
    QLabel* verdict = nullptr;
    QString lastFolder;
    TimeRange* timeRange = nullptr; // what both plots show
    double sharedUpper = 0;         // the end of both runs' whole span
};

CompareWindow::CompareWindow(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>()) {
    d->timeRange = new TimeRange(this);
    connect(d->timeRange, &TimeRange::changed, this,
            [this](double lower, double upper, QObject* source) {
                for (auto& s : d->sides)
                    if (s.plot != source)
                        s.plot->setTimeRange(lower, upper);
            });
    // Zoom Back, as in the main window.
    auto* zoomBack = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this);
    connect(zoomBack, &QShortcut::activated, d->timeRange, &TimeRange::zoomBack);
    // Closes like any document window: Ctrl+W, or Esc.
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::Key_Escape)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &QWidget::close);
    auto* layout = new QVBoxLayout(this);
    for (int i = 0; i < kSides; ++i) {
        Private::Side& side = d->sides[static_cast<size_t>(i)];
        auto* header = new QHBoxLayout;
        side.title = new QLabel;
        QFont titleFont = side.title->font();
        titleFont.setBold(true);
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
        side.title->setFont(titleFont);
        side.examples = new QComboBox;
        side.open = new QPushButton;
        header->addWidget(side.title, 1);
        header->addWidget(side.examples);
        header->addWidget(side.open);
        layout->addLayout(header);

        side.summary = new QLabel;
        side.summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(side.summary);
        side.error = new QLabel;
        side.error->setWordWrap(true);
        side.error->setTextInteractionFlags(Qt::TextSelectableByMouse);
        side.error->setStyleSheet(QStringLiteral("color: #b00020;"));
        side.error->hide();
        layout->addWidget(side.error);

        side.plot = new TimelinePlot;
        side.plot->setInteractive(true);
        side.plot->setMinimumHeight(220);
        layout->addWidget(side.plot, 1);

        connect(side.open, &QPushButton::clicked, this, [this, i] { chooseFile(i); });
        connect(side.examples, qOverload<int>(&QComboBox::activated), this, [this, i](int row) {
            const QString path =
                d->sides[static_cast<size_t>(i)].examples->itemData(row).toString();
            if (!path.isEmpty())
                openFile(i, path);
        });
        // Zooming or panning one side moves the other.
        connect(side.plot, &TimelinePlot::timeRangeChanged, this,
                [this, i](double lower, double upper) {
                    d->timeRange->set(lower, upper, d->sides[static_cast<size_t>(i)].plot);
                });
        connect(side.plot, &TimelinePlot::scrubbed, this, [this](double time) {
            for (auto& s : d->sides)
                s.plot->setPlayhead(time);
        });
    }
    d->verdict = new QLabel;
    d->verdict->setWordWrap(true);
    QFont verdictFont = d->verdict->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.1);
    d->verdict->setFont(verdictFont);
    layout->addWidget(d->verdict);

    retranslate();
    // One Pod per item against Pods that take many items: the trade-off Compare is made for.
    openFile(0, kQuickPickFolder + QStringLiteral("/one-pod-per-item.yaml"));
    openFile(1, kQuickPickFolder + QStringLiteral("/pods-take-many-items.yaml"));
}

CompareWindow::~CompareWindow() = default;

bool CompareWindow::openFile(int side, const QString& path, QString* error) {
    if (side < 0 || side >= kSides) {
        if (error)
            *error = tr("there is no side %1 to open a file on").arg(side);
        return false;
    }
    Private::Side& s = d->sides[static_cast<size_t>(side)];
    QString message;
    std::shared_ptr<const Run> run = runFile(path, &message);
    if (!run) {
        // The side keeps what it showed; the message says why the new file did not replace it.
        s.error->setText(message);
        s.error->show();
        if (error)
            *error = message;
        return false;
    }
    s.error->clear();
    s.error->hide();
    s.path = path;
    s.run = std::move(run);
    if (!path.startsWith(QLatin1String(":/")))
        d->lastFolder = QFileInfo(path).absolutePath();
    showSide(side);
    return true;
}

void CompareWindow::openRun(int side, std::shared_ptr<const Run> run, const QString& name) {
    if (side < 0 || side >= kSides || !run)
        return;
    Private::Side& s = d->sides[static_cast<size_t>(side)];
    s.error->clear();
    s.error->hide();
    s.path = name;
    s.run = std::move(run);
    showSide(side);
}

QString CompareWindow::summaryText(int side) const {
    if (side < 0 || side >= kSides || !d->sides[static_cast<size_t>(side)].run)
        return {};
    const Run& run = *d->sides[static_cast<size_t>(side)].run;
    const RunSummary& s = run.summary;
    QString finish;
    if (s.finishedAt)
        finish = tr("%1 at %2 s").arg(outcomeText(s), seconds(*s.finishedAt));
    else
        finish = tr("Not finished by %1 s").arg(seconds(run.end));
    const QString separator = QStringLiteral(" · ");
    return QStringList{
        finish, tr("%1 Pod-seconds").arg(seconds(s.podSeconds)), tr("%n Job(s)", nullptr, s.jobs),
        tr("%n Pod(s) created", nullptr, s.podsCreated), tr("%n failed", nullptr, s.podsFailed)}
        .join(separator);
}

double CompareWindow::sharedEnd() const {
    return d->sharedUpper;
}

QString CompareWindow::title(int side) const {
    const Private::Side& s = d->sides[static_cast<size_t>(side)];
    if (!s.run)
        return side == 0 ? tr("Top: choose a scenario") : tr("Bottom: choose a scenario");
    if (const ExampleEntry* example = findExample(s.path))
        return example->localizedTitle();
    if (!s.run->simulated && !s.run->jobs.empty())
        return tr("%n Jobs (recorded)", nullptr, static_cast<int>(s.run->jobs.size()));
    if (!s.run->simulated)
        return tr("Job %1 (recorded)")
            .arg(QString::fromStdString(s.run->timeline.jobMetadata.name));
    const std::string& title =
        chineseUi() && !s.run->titleZh.empty() ? s.run->titleZh : s.run->title;
    return title.empty() ? QFileInfo(s.path).fileName() : QString::fromStdString(title);
}

void CompareWindow::showSide(int side) {
    Private::Side& s = d->sides[static_cast<size_t>(side)];
    if (s.run) {
        s.plot->setRun(s.run, title(side));
        const QCPRange range = s.plot->mainRect()->axis(QCPAxis::atBottom)->range();
        s.fullLower = range.lower;
        s.fullUpper = range.upper;
    }
    s.title->setText(title(side));
    s.summary->setText(summaryText(side));
    linkRanges();
    d->verdict->setText(verdict());
}

// Both plots show the same span, from the earlier start to the longer run's end, and the same
// Pods scale.
void CompareWindow::linkRanges() {
    bool any = false;
    double lower = 0, upper = 0, pods = 0;
    for (const auto& s : d->sides) {
        if (!s.run)
            continue;
        lower = any ? std::min(lower, s.fullLower) : s.fullLower;
        upper = any ? std::max(upper, s.fullUpper) : s.fullUpper;
        pods = std::max(pods, s.plot->valueMax());
        any = true;
    }
    if (!any)
        return;
    for (const auto& s : d->sides)
        s.plot->setValueMaxAtLeast(pods);
    d->sharedUpper = upper;
    d->timeRange->reset(lower, upper);
}

// One line that says which run is faster and which is cheaper.
QString CompareWindow::verdict() const {
    const auto& a = d->sides[0];
    const auto& b = d->sides[1];
    if (!a.run || !b.run)
        return {};
    const RunSummary& sa = a.run->summary;
    const RunSummary& sb = b.run->summary;
    QStringList parts;
    const bool aDone = sa.finishedAt && sa.outcome == "Complete";
    const bool bDone = sb.finishedAt && sb.outcome == "Complete";
    if (aDone && bDone) {
        const double diff = *sa.finishedAt - *sb.finishedAt;
        if (std::abs(diff) < 0.05)
            parts << tr("Both complete at %1 s.").arg(seconds(*sa.finishedAt));
        else
            parts << tr("Faster: %1, by %2 s.")
                         .arg(diff < 0 ? title(0) : title(1), seconds(std::abs(diff)));
    } else if (aDone != bDone) {
        parts << tr("Only %1 completes.").arg(aDone ? title(0) : title(1));
    } else {
        parts << tr("Neither completes.");
    }
    const double cost = sa.podSeconds - sb.podSeconds;
    if (std::abs(cost) < 0.05)
        parts << tr("Both use %1 Pod-seconds.").arg(seconds(sa.podSeconds));
    else
        parts << tr("Cheaper: %1, %2 Pod-seconds fewer.")
                     .arg(cost < 0 ? title(0) : title(1), seconds(std::abs(cost)));
    // Every Job and Pod is an object the API server stores and the controllers watch.
    const int objectsA = sa.jobs + sa.podsCreated;
    const int objectsB = sb.jobs + sb.podsCreated;
    if (objectsA != objectsB)
        parts << tr("Fewer API objects: %1, %2 Jobs and Pods against %3.")
                     .arg(objectsA < objectsB ? title(0) : title(1))
                     .arg(std::min(objectsA, objectsB))
                     .arg(std::max(objectsA, objectsB));
    return parts.join(QLatin1Char(' '));
}

void CompareWindow::chooseFile(int side) {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a scenario, Job manifest or recording"),
                                     d->lastFolder, JobDocument::openFilter());
    if (!path.isEmpty())
        openFile(side, path);
}

QImage CompareWindow::renderImage(const QSize& size) {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    if (size.isEmpty())
        return image;
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const int w = size.width();
    const int h = size.height();
    const int lineHeight = std::max(14, h / 36);
    QFont font = this->font();
    font.setPixelSize(std::max(10, lineHeight * 2 / 3));
    QFont bold = font;
    bold.setBold(true);
    const int margin = lineHeight / 2;
    const QString verdictText = verdict();
    const int verdictHeight = verdictText.isEmpty() ? 0 : lineHeight + margin;
    const int sideHeight = (h - verdictHeight) / kSides;
    for (int i = 0; i < kSides; ++i) {
        const int top = i * sideHeight;
        painter.setPen(Qt::black);
        painter.setFont(bold);
        painter.drawText(QRect(margin, top, w - 2 * margin, lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, title(i));
        painter.setFont(font);
        painter.drawText(QRect(margin, top + lineHeight, w - 2 * margin, lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, summaryText(i));
        const QSize plotSize(w, std::max(1, sideHeight - 2 * lineHeight));
        if (d->sides[static_cast<size_t>(i)].run)
            painter.drawImage(QPoint(0, top + 2 * lineHeight),
                              d->sides[static_cast<size_t>(i)].plot->renderImage(plotSize));
    }
    if (!verdictText.isEmpty()) {
        painter.setFont(bold);
        painter.drawText(QRect(margin, h - verdictHeight, w - 2 * margin, verdictHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, verdictText);
    }
    return image;
}

void CompareWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CompareWindow::retranslate() {
    setWindowTitle(tr("Compare two runs"));
    for (int i = 0; i < kSides; ++i) {
        Private::Side& s = d->sides[static_cast<size_t>(i)];
        s.open->setText(tr("Open…"));
        s.open->setToolTip(tr("Open a scenario, Job manifest or recording for this side"));
        s.open->setAccessibleName(i == 0 ? tr("Open the top scenario")
                                         : tr("Open the bottom scenario"));
        s.examples->setAccessibleName(i == 0 ? tr("Trade-off example for the top")
                                             : tr("Trade-off example for the bottom"));
        fillExamples(i);
        s.title->setText(title(i));
        s.summary->setText(summaryText(i));
        // The plot's own texts retranslate themselves; the title is ours.
        if (s.run)
            s.plot->setRun(s.run, title(i));
    }
    linkRanges();
    d->verdict->setText(verdict());
}

// The trade-off examples by their titles in the UI's language, as quick picks.
void CompareWindow::fillExamples(int side) {
    QComboBox* box = d->sides[static_cast<size_t>(side)].examples;
    box->clear();
    box->addItem(tr("Trade-off examples…"), QString());
    const QStringList files =
        QDir(kQuickPickFolder).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        const QString path = kQuickPickFolder + QLatin1Char('/') + name;
        QFile file(path);
        QString label = name;
        if (file.open(QIODevice::ReadOnly)) {
            Diagnostics ignored;
            if (const auto scenario =
                    readScenarioText(file.readAll().toStdString(), path.toStdString(), ignored)) {
                const std::string& t =
                    chineseUi() && !scenario->titleZh.empty() ? scenario->titleZh : scenario->title;
                if (!t.empty())
                    label = QString::fromStdString(t);
            }
        }
        box->addItem(label, path);
    }
}

} // namespace jobscope::ui
