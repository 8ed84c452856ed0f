// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/job_document.h"

#include "gui/engine_messages.h"
#include "gui/language.h"
#include "live/live_job_text.h"
#include "live/read_input.h"
#include "live/recording.h"
#include "live/trace.h"
#include "run/run.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"
#include "sim/whatif.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringDecoder>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <utility>

namespace jobscope::ui {

namespace {

// What a run needs, copied so the worker thread shares nothing with the document.
struct RunInput {
    QString text;
    QString fileName; // names the text in messages; base of a relative job.path
    JobDocument::Kind kind = JobDocument::Kind::Scenario;
    std::optional<uint64_t> seed;
    std::shared_ptr<const Timeline> trace; // Kind::Trace: the loaded recording
    // A recording of several Jobs: each Job's timeline (trace is the first's).
    std::shared_ptr<const std::vector<Timeline>> traceJobs;
    std::shared_ptr<const Run> recorded; // a what-if: the run it goes on from, at forkAt
    Seconds forkAt = 0;
};

struct RunOutput {
    std::shared_ptr<const RunResult> result; // null when the text did not read
    QVector<DocumentDiagnostic> diagnostics;
};

QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

RunOutput runScenario(const RunInput& input) {
    RunOutput out;
    Diagnostics diagnostics;
    std::optional<Scenario> scenario =
        readScenarioText(input.text.toStdString(), input.fileName.toStdString(), diagnostics);
    const std::string self = input.fileName.toStdString();
    for (const Diagnostic& d : diagnostics.items()) {
        DocumentDiagnostic item;
        // A problem in another file (a manifest named by job.path) has no place in this text.
        const bool here = d.file == self || d.file.empty();
        item.line = here ? d.position.line : 0;
        item.column = here ? d.position.column : 0;
        item.error = d.severity == Severity::Error;
        item.message = here ? localizedMessage(d) : localizedFormat(d);
        out.diagnostics << item;
    }
    if (!scenario || diagnostics.hasErrors())
        return out;
    if (input.seed)
        scenario->seed = *input.seed;
    if (input.recorded)
        forkScenario(*scenario, input.recorded->timeline, input.forkAt);
    // The same Pod limit as `simulate`: a Job too large is refused before anything runs.
    if (const std::optional<Message> tooLarge = checkSimulationSize(*scenario)) {
        out.diagnostics << DocumentDiagnostic{0, 0, true, localizedMessage(*tooLarge)};
        return out;
    }
    auto result = std::make_shared<RunResult>();
    SimulationStats stats;
    static_cast<Run&>(*result) = runWholeScenario(*scenario, std::nullopt, &stats);
    if (stats.stopReason == "pod-limit")
        out.diagnostics << DocumentDiagnostic{
            0, 0, false, localizedMessage(podLimitMessage(*scenario, stats.end))};
    result->scenario = std::move(scenario);
    out.result = std::move(result);
    return out;
}

RunOutput runTrace(const RunInput& input) {
    RunOutput out;
    if (!input.trace) // live mode before the Job has been seen
        return out;
    auto result = std::make_shared<RunResult>();
    if (input.traceJobs && input.traceJobs->size() > 1) {
        static_cast<Run&>(*result) = runObservedJobs(*input.traceJobs);
    } else {
        static_cast<Run&>(*result) = runObserved(*input.trace);
    }
    out.result = std::move(result);
    return out;
}

RunOutput runInput(const RunInput& input) {
    try {
        return input.kind == JobDocument::Kind::Trace ? runTrace(input) : runScenario(input);
    } catch (const std::exception& e) {
        RunOutput out;
        out.diagnostics << DocumentDiagnostic{
            0, 0, true,
            JobDocument::tr("internal error: %1").arg(QString::fromLocal8Bit(e.what()))};
        return out;
    }
}

// A file of Kubernetes objects only (no scenario keys) is a bare manifest. A plain scan of the
// lines' starts: this runs on every edit, on texts of megabytes.
JobDocument::Kind kindOfText(const QString& text) {
    static const QLatin1String keys[] = {QLatin1String("job:"),      QLatin1String("jobs:"),
                                         QLatin1String("replicas:"), QLatin1String("cluster:"),
                                         QLatin1String("runTime:"),  QLatin1String("timings:"),
                                         QLatin1String("failures:"), QLatin1String("workQueue:"),
                                         QLatin1String("actions:"),  QLatin1String("stopAt:")};
    const QStringView view(text);
    for (qsizetype at = 0; at < view.size();) {
        const QChar first = view[at];
        if (first.isLower()) {
            const QStringView line = view.mid(at);
            for (const QLatin1String& key : keys)
                if (line.startsWith(key))
                    return JobDocument::Kind::Scenario;
        }
        const qsizetype newline = view.indexOf(QLatin1Char('\n'), at);
        if (newline < 0)
            break;
        at = newline + 1;
    }
    return JobDocument::Kind::Manifest;
}

} // namespace

QString runTitle(const Run& run, bool chinese) {
    const std::string& title = chinese && !run.titleZh.empty() ? run.titleZh : run.title;
    if (title.empty() && !run.jobs.empty())
        return JobDocument::tr("%n Jobs", nullptr, static_cast<int>(run.jobs.size()));
    if (title.empty())
        return JobDocument::tr("Job %1").arg(fromStd(run.timeline.jobMetadata.name));
    return fromStd(title);
}

QString localizedTitle(const Run& run) {
    return runTitle(run, chineseUi());
}

QString localizedDescription(const Run& run) {
    return fromStd(chineseUi() && !run.descriptionZh.empty() ? run.descriptionZh : run.description);
}

struct JobDocument::Private {
    QString path;
    QString name = JobDocument::tr("untitled");
    Kind kind = Kind::Scenario;
    bool readOnly = false;
    bool modified = false;
    QString savedText; // the text as opened or last saved: `modified` is text != savedText
    QString text;
    std::shared_ptr<const Timeline> trace;
    std::shared_ptr<const std::vector<Timeline>> traceJobs; // a recording of several Jobs
    bool live = false;
    QVector<DocumentDiagnostic> notes; // warnings of loading the trace, shown with every run
    std::optional<uint64_t> seed;
    std::shared_ptr<const Run> recorded; // a what-if's recording
    Seconds forkAt = 0;

    std::shared_ptr<const RunResult> result;
    QVector<DocumentDiagnostic> diagnostics;
    bool forgetResult = false; // a new file was opened: a failed run clears the old result

    QTimer pause;
    QFutureWatcher<RunOutput> watcher;
    QFuture<RunOutput> future;
    bool inFlight = false;
    bool rerun = false; // the text changed while a run was in flight
    bool busy = false;
};

JobDocument::JobDocument(QObject* parent) : QObject(parent), d(std::make_unique<Private>()) {
    d->pause.setSingleShot(true);
    d->pause.setInterval(kEditPause);
    connect(&d->pause, &QTimer::timeout, this, &JobDocument::runNow);
    connect(&d->watcher, &QFutureWatcher<RunOutput>::finished, this, [this] {
        // waitForIdle may already have taken this result; the signal then comes late.
        if (d->inFlight && d->future.isFinished())
            takeRun();
    });
}

JobDocument::~JobDocument() {
    d->pause.stop();
    if (d->inFlight)
        d->future.waitForFinished(); // the worker holds copies only, but let it end first
}

bool JobDocument::looksLikeTrace(const QString& path) {
    // A resource is a recording only by its trace header: the example scenarios and reconcile
    // states hold Pods too.
    if (path.startsWith(QLatin1Char(':')))
        return live::TraceReader::isTrace(path);
    return live::RecordingLoader::looksLikeRecording(path);
}

QString JobDocument::openFilter() {
    QStringList filters;
    filters << JobDocument::tr("Scenarios, manifests and traces (*.yaml *.yml *.jsonl *.json)");
    filters << JobDocument::tr("Traces (*.jsonl *.json)");
    filters << JobDocument::tr("Scenarios and manifests (*.yaml *.yml)");
    filters << JobDocument::tr("All files (*)");
    return filters.join(QStringLiteral(";;"));
}

bool JobDocument::openFile(const QString& path, QString* error) {
    const QFileInfo info(path);
    std::shared_ptr<const Timeline> trace;
    std::shared_ptr<const std::vector<Timeline>> traceJobs;
    QVector<DocumentDiagnostic> notes; // a recording's warnings
    QString text;
    if (looksLikeTrace(path)) {
        QString reason;
        // Every Job it holds: the views show them together, the Job chooser one at a time.
        live::JobSelection every;
        every.every = true;
        std::optional<live::Recording> loaded =
            live::RecordingLoader::load(path, &reason, kMaxRecordingFileBytes, every);
        if (!loaded) {
            if (error)
                *error = reason;
            return false;
        }
        for (const QString& warning : loaded->warnings)
            notes << DocumentDiagnostic{0, 0, false, warning};
        // The text pane shows each Job as last recorded and its Events, as live mode does.
        QStringList texts;
        for (std::size_t i = 0; i < loaded->jobObjects.size(); ++i)
            if (!loaded->jobObjects[i].isEmpty())
                texts << live::liveJobText(loaded->jobObjects[i], loaded->jobs.empty()
                                                                      ? loaded->timeline
                                                                      : loaded->jobs[i]);
        text = texts.join(QLatin1Char('\n'));
        trace = std::make_shared<const Timeline>(std::move(loaded->timeline));
        if (loaded->jobs.size() > 1)
            traceJobs = std::make_shared<const std::vector<Timeline>>(std::move(loaded->jobs));
    } else {
        if (info.isDir() || !info.exists()) {
            QFile file(path);
            if (error)
                *error =
                    JobDocument::tr("cannot open %1: %2")
                        .arg(QDir::toNativeSeparators(path),
                             info.isDir() ? JobDocument::tr("it is a folder")
                                          : (file.open(QIODevice::ReadOnly), file.errorString()));
            return false;
        }
        Diagnostics refused;
        const std::optional<QByteArray> bytes =
            live::readInputFile(path, kMaxDocumentFileBytes, refused);
        if (!bytes) {
            if (error && !refused.items().empty())
                *error = localizedFormat(refused.items().front());
            return false;
        }
        // A binary file would open as editable garbage: refuse it, as a text editor asks.
        qsizetype binaryAt = bytes->indexOf('\0');
        QStringDecoder utf8(QStringDecoder::Utf8);
        text = utf8.decode(*bytes);
        if (binaryAt < 0 && utf8.hasError())
            binaryAt = text.indexOf(QChar::ReplacementCharacter);
        if (binaryAt >= 0) {
            if (error)
                *error = JobDocument::tr("cannot open %1: it is not a text file (binary data "
                                         "near byte %2); JobScope opens YAML scenarios and "
                                         "manifests, traces and kubectl captures")
                             .arg(QDir::toNativeSeparators(path))
                             .arg(std::max<qsizetype>(binaryAt, 0) + 1);
            return false;
        }
    }

    d->pause.stop();
    d->path = path;
    d->name = info.fileName().isEmpty() ? path : info.fileName();
    d->trace = trace;
    d->traceJobs = traceJobs;
    d->live = false;
    d->recorded.reset();
    d->forkAt = 0;
    d->kind = trace ? Kind::Trace : kindOfText(text);
    d->readOnly =
        trace || path.startsWith(QLatin1Char(':')) || path.startsWith(QLatin1String("qrc:"));
    d->text = text;
    d->forgetResult = true;
    d->notes = notes;
    announceOpenedAndRun();
    return true;
}

void JobDocument::openText(const QString& text, const QString& name) {
    openUntitled(text, name, nullptr, 0);
}

void JobDocument::openWhatif(const QString& text, const QString& name,
                             std::shared_ptr<const Run> recorded, Seconds at) {
    openUntitled(text, name, std::move(recorded), at);
}

void JobDocument::openUntitled(const QString& text, const QString& name,
                               std::shared_ptr<const Run> recorded, Seconds at) {
    d->pause.stop();
    d->path.clear();
    d->name = name.isEmpty() ? JobDocument::tr("untitled") : name;
    d->trace.reset();
    d->traceJobs.reset();
    d->live = false;
    d->recorded = std::move(recorded);
    d->forkAt = d->recorded ? at : 0;
    d->notes.clear();
    d->kind = kindOfText(text);
    d->readOnly = false;
    d->text = text;
    d->forgetResult = true;
    announceOpenedAndRun();
}

// After a new document replaced the old one: its name and text changed, it is unmodified, and
// its first run starts.
void JobDocument::announceOpenedAndRun() {
    d->savedText = d->text;
    emit filePathChanged();
    emit textChanged();
    if (d->modified) {
        d->modified = false;
        emit modifiedChanged(false);
    }
    runNow();
}

void JobDocument::openLive(const QString& name) {
    d->pause.stop();
    d->path.clear();
    d->name = name;
    d->trace.reset();
    d->traceJobs.reset();
    d->live = true;
    d->recorded.reset();
    d->forkAt = 0;
    d->notes.clear();
    d->kind = Kind::Trace;
    d->readOnly = true;
    d->text.clear();
    d->savedText.clear();
    d->forgetResult = true; // the empty run clears the previous file's views
    emit filePathChanged();
    emit textChanged();
    if (d->modified) {
        d->modified = false;
        emit modifiedChanged(false);
    }
    runNow();
}

void JobDocument::setLiveTimelines(std::shared_ptr<const std::vector<Timeline>> timelines) {
    if (!d->live || !timelines || timelines->empty())
        return;
    d->trace = std::shared_ptr<const Timeline>(timelines, &timelines->front());
    if (timelines->size() > 1)
        d->traceJobs = std::move(timelines);
    else
        d->traceJobs.reset();
    runNow();
}

void JobDocument::setLiveText(const QString& text) {
    if (!d->live || text == d->text)
        return;
    d->text = text;
    d->savedText = text;
    emit textChanged();
}

bool JobDocument::isLive() const {
    return d->live;
}

bool JobDocument::isWhatif() const {
    return d->recorded != nullptr;
}

std::shared_ptr<const Run> JobDocument::recordedRun() const {
    return d->recorded;
}

Seconds JobDocument::forkTime() const {
    return d->forkAt;
}

QString JobDocument::filePath() const {
    return d->path;
}

QString JobDocument::displayName() const {
    return d->name;
}

JobDocument::Kind JobDocument::kind() const {
    return d->kind;
}

bool JobDocument::isReadOnly() const {
    return d->readOnly;
}

bool JobDocument::isModified() const {
    return d->modified;
}

QString JobDocument::text() const {
    return d->text;
}

void JobDocument::setText(const QString& text) {
    if (d->kind == Kind::Trace || text == d->text)
        return;
    d->text = text;
    d->kind = kindOfText(text);
    // Undoing back to the saved text makes the document unmodified again.
    const bool modified = text != d->savedText;
    if (modified != d->modified) {
        d->modified = modified;
        emit modifiedChanged(modified);
    }
    d->pause.start();
    updateBusy();
}

void JobDocument::runNow() {
    d->pause.stop();
    if (d->inFlight) {
        d->rerun = true; // the run in flight is stale; its result is dropped
        updateBusy();
        return;
    }
    RunInput input;
    input.text = d->text;
    input.fileName = d->path.isEmpty() ? d->name : d->path;
    input.kind = d->kind;
    input.seed = d->seed;
    input.trace = d->trace;
    input.traceJobs = d->traceJobs;
    input.recorded = d->recorded;
    input.forkAt = d->forkAt;
    d->inFlight = true;
    d->rerun = false;
    d->future = QtConcurrent::run(runInput, std::move(input));
    d->watcher.setFuture(d->future);
    updateBusy();
}

void JobDocument::takeRun() {
    d->inFlight = false;
    RunOutput out = d->future.result();
    d->future = {};
    if (d->rerun) {
        runNow(); // a newer text supersedes this result
        return;
    }
    d->diagnostics = d->notes + out.diagnostics;
    const bool clear = d->forgetResult && !out.result;
    d->forgetResult = false;
    if (out.result || clear) {
        d->result = std::move(out.result);
        emit resultChanged();
    }
    emit diagnosticsChanged();
    updateBusy();
}

void JobDocument::updateBusy() {
    const bool busy = d->inFlight || d->pause.isActive();
    if (busy == d->busy)
        return;
    d->busy = busy;
    emit busyChanged(busy);
}

void JobDocument::waitForIdle() {
    if (d->pause.isActive())
        runNow();
    while (d->inFlight) {
        d->future.waitForFinished();
        takeRun();
    }
}

bool JobDocument::isBusy() const {
    return d->busy;
}

bool JobDocument::save(QString* error) {
    if (d->path.isEmpty() || d->readOnly) {
        if (error)
            *error =
                d->kind == Kind::Trace
                    ? JobDocument::tr("a trace is a recording and cannot be saved as text")
                    : JobDocument::tr("%1 is read-only; save it under a new name").arg(d->name);
        return false;
    }
    return saveAs(d->path, error);
}

bool JobDocument::saveAs(const QString& path, QString* error) {
    if (d->kind == Kind::Trace) {
        if (error)
            *error = JobDocument::tr("a trace is a recording and cannot be saved as text");
        return false;
    }
    QSaveFile file(path);
    const QByteArray bytes = d->text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = JobDocument::tr("cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const bool renamed = path != d->path;
    d->savedText = d->text;
    d->path = path;
    d->name = QFileInfo(path).fileName();
    d->readOnly = false;
    if (renamed)
        emit filePathChanged();
    if (d->modified) {
        d->modified = false;
        emit modifiedChanged(false);
    }
    return true;
}

std::shared_ptr<const RunResult> JobDocument::result() const {
    return d->result;
}

QVector<DocumentDiagnostic> JobDocument::diagnostics() const {
    return d->diagnostics;
}

void JobDocument::setSeed(std::optional<uint64_t> seed) {
    if (seed == d->seed)
        return;
    d->seed = seed;
    runNow();
}

std::optional<uint64_t> JobDocument::seed() const {
    return d->seed;
}

} // namespace jobscope::ui
