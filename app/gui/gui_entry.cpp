// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/gui_entry.h"

#include "edit/overrides.h"

#include "gui/job_document.h"
#include "gui/language.h"
#include "gui/live_controller.h"
#include "gui/main_window.h"
#include "gui/playback_controller.h"
#include "gui/theme.h"
#include "live/kubeconfig.h"
#include "live/label_selector.h"
#include "live/live_session.h"
#include "plot/png_file.h"
#include "plot/time_range.h"
#include "plot/timeline_plot.h"

#if __has_include("editor/editor_panel.h")
#include "editor/editor_panel.h"
#include "editor/find_bar.h"
#endif

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QIcon>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

#include <QPlainTextEdit>
#include <QTextCursor>

#include <cmath>
#include <cstdio>

namespace jobscope::ui {

namespace {

const char* const kValuedOptions[] = {"lang",       "theme",      "size", "at",      "zoom",
                                      "select",     "find",       "live", "context", "namespace",
                                      "kubeconfig", "screenshot", "set",  "job",
                                      "live-selector"};

const char* const kFlags[] = {"whatif", "live-all-jobs"};

// The largest window a screenshot may ask for, per side.
constexpr int kMaxScreenshotSide = 8192;

// "FROM..TO": two times in seconds, 0 <= FROM < TO.
std::optional<std::pair<double, double>> parseSpan(const QString& text) {
    const QStringList parts = text.split(QStringLiteral(".."));
    if (parts.size() != 2)
        return std::nullopt;
    bool okFrom = false, okTo = false;
    const double from = parts[0].trimmed().toDouble(&okFrom);
    const double to = parts[1].trimmed().toDouble(&okTo);
    if (!okFrom || !okTo || !std::isfinite(from) || !std::isfinite(to) || from < 0 || to <= from)
        return std::nullopt;
    return std::pair{from, to};
}

// --set: the document's text with the values changed, run again as an edit would be. Returns why
// it cannot be changed.
std::optional<QString> applySets(MainWindow& window, const QStringList& sets) {
    JobDocument* document = window.document();
    if (document->kind() == JobDocument::Kind::Trace)
        return QApplication::translate("GuiOptions",
                                       "--set changes a scenario, a manifest or a what-if; %1 is "
                                       "a recording (add --whatif --at T)")
            .arg(document->displayName());
    std::vector<edit::Override> overrides;
    for (const QString& set : sets) {
        edit::OverrideError error;
        if (const auto parsed = edit::parseOverride(set.toStdString(), &error))
            overrides.push_back(*parsed);
    }
    const edit::OverrideResult changed =
        edit::applyOverrides(document->text().toStdString(), overrides);
    if (changed.error)
        return QApplication::translate("GuiOptions", "--set %1: cannot be set in %2 (%3)")
            .arg(QString::fromStdString(changed.error->override), document->displayName(),
                 QString::fromStdString(changed.error->detail));
    const QString text = QString::fromStdString(changed.text);
#if __has_include("editor/editor_panel.h")
    if (EditorPanel* editor = window.editor()) {
        // As a user's edit: one undoable step, and the knobs read it.
        QTextCursor cursor(editor->textEdit()->document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(text);
        editor->commitText();
        document->runNow();
        document->waitForIdle();
        editor->waitForKnobs();
        return std::nullopt;
    }
#endif
    document->setText(text);
    document->runNow();
    document->waitForIdle();
    return std::nullopt;
}

// The what-if, the moment, the span, the selection and the search the command line asked for,
// once the document has run. Returns why the what-if cannot open.
std::optional<QString> applyViewOptions(MainWindow& window, const GuiOptions& options) {
    if (!options.at && !options.zoom && !options.select && options.find.isEmpty() &&
        options.sets.isEmpty() && options.job.isEmpty())
        return std::nullopt; // the window shows as soon as it can; the run arrives when it is done
    window.document()->waitForIdle();
    std::optional<QString> failed;
    if (options.whatif && options.at) {
        QString error;
        if (!window.openWhatif(*options.at, &error))
            failed = error;
        window.document()->waitForIdle();
    }
    if (!options.sets.isEmpty() && !failed)
        failed = applySets(window, options.sets);
    if (!options.job.isEmpty() && !failed) {
        QString error;
        if (!window.showJob(options.job, &error))
            failed = error;
    }
    if (options.at)
        window.playback()->setTime(*options.at);
    if (options.zoom)
        window.timeRange()->set(options.zoom->first, options.zoom->second);
    if (options.select)
        window.timelinePlot()->selectRange(options.select->first, options.select->second);
#if __has_include("editor/editor_panel.h")
    if (EditorPanel* editor = window.editor(); editor && !options.find.isEmpty()) {
        editor->openFind(false);
        editor->findBar()->findField()->setText(options.find);
    }
#endif
    return failed;
}

// Connects to the cluster --kubeconfig, --context and --namespace name, as `jobscope record`
// does, and follows the Job in the window. Returns what is wrong with them.
std::optional<QString> startLive(MainWindow& window, const GuiOptions& options) {
    live::KubeconfigOptions where;
    where.kubeconfig = options.kubeconfig;
    where.context = options.context;
    where.namespaceName = options.namespaceName;
    where.noKubeconfigHint = QApplication::translate("GuiOptions", "use --kubeconfig FILE");
    QString error;
    const std::optional<live::KubeConnection> connection = live::resolveConnection(where, &error);
    if (!connection)
        return error;
    if (const QString invalid = live::invalidJobTarget(connection->namespaceName, options.liveJob);
        !invalid.isEmpty())
        return invalid;
    auto session = std::make_unique<live::LiveSession>(*connection, options.liveJob);
    session->setJobSelector(options.liveSelector);
    window.startLive(std::move(session));
    return std::nullopt;
}

// A live screenshot shows the Job once it is done, every Job of a namespace once all those seen
// have finished (or once kLiveShotSeconds have passed).
void waitForLiveJob(MainWindow& window) {
    live::LiveSession* session = window.liveController()->session();
    if (!session)
        return;
    const auto done = [&] {
        if (!session->followsNamespace())
            return session->jobDone();
        const auto result = window.document()->result();
        return result && result->summary.finishedAt.has_value() && !window.document()->isBusy();
    };
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < kLiveShotSeconds * 1000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    // The last analysis of what arrived (the controller batches them).
    const QDeadlineTimer settle(2 * LiveController::kUpdateInterval);
    while (!settle.hasExpired())
        QApplication::processEvents(QEventLoop::AllEvents, 50);
}

int writeScreenshot(MainWindow& window, const GuiOptions& options) {
    waitForLiveJob(window);
    window.document()->waitForIdle();
    // A what-if opens another text: the knobs come after.
    if (const std::optional<QString> error = applyViewOptions(window, options)) {
        QTextStream(stderr) << "jobscope: error: " << *error << '\n';
        return 2;
    }
#if __has_include("editor/editor_panel.h")
    if (EditorPanel* editor = window.editor())
        editor->waitForKnobs(); // read on a worker
#endif
    // Twice: the first pass lays out and replots, the second paints what it queued. Panels
    // shown only for the what-if (the knobs) lay out in nested passes: those first.
    for (int i = 0; i < 3; ++i)
        QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    for (int i = 0; i < 2; ++i)
        QApplication::processEvents();
    const QImage image = window.grab().toImage();
    QString error;
    if (!writePngFile(image, options.screenshot, &error)) {
        QTextStream(stderr) << "jobscope: error: " << error << '\n';
        return 1;
    }
    return 0;
}

} // namespace

bool isGuiFlag(const QString& argument) {
    for (const char* name : kFlags)
        if (argument == QLatin1String("--") + QLatin1String(name))
            return true;
    return false;
}

bool isGuiOptionWithValue(const QString& argument) {
    for (const char* name : kValuedOptions)
        if (argument == QLatin1String("--") + QLatin1String(name))
            return true;
    return false;
}

std::optional<QString> setGuiOption(const QString& name, const QString& value,
                                    GuiOptions& options) {
    if (name == QLatin1String("lang")) {
        options.language = value;
    } else if (name == QLatin1String("theme")) {
        if (value != QLatin1String("light") && value != QLatin1String("dark") &&
            value != QLatin1String("system"))
            return QApplication::translate("GuiOptions",
                                           "--theme takes light, dark or system, not '%1'")
                .arg(value);
        options.theme = value;
    } else if (name == QLatin1String("size")) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})[x×](\\d{1,5})$"));
        const QRegularExpressionMatch match = pattern.match(value);
        const int w = match.hasMatch() ? match.captured(1).toInt() : 0;
        const int h = match.hasMatch() ? match.captured(2).toInt() : 0;
        if (w < 200 || h < 200 || w > kMaxScreenshotSide || h > kMaxScreenshotSide)
            return QApplication::translate(
                       "GuiOptions",
                       "--size takes WIDTHxHEIGHT in pixels, each from 200 to %1, not '%2'")
                .arg(kMaxScreenshotSide)
                .arg(value);
        options.size = QSize(w, h);
    } else if (name == QLatin1String("at")) {
        bool ok = false;
        const double seconds = value.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0)
            return QApplication::translate("GuiOptions",
                                           "--at takes a time in seconds (0 or more), not '%1'")
                .arg(value);
        options.at = seconds;
    } else if (name == QLatin1String("zoom") || name == QLatin1String("select")) {
        const auto span = parseSpan(value);
        if (!span)
            return QApplication::translate("GuiOptions",
                                           "--%1 takes FROM..TO in seconds (0 <= FROM < TO), "
                                           "not '%2'")
                .arg(name, value);
        (name == QLatin1String("zoom") ? options.zoom : options.select) = span;
    } else if (name == QLatin1String("find")) {
        options.find = value;
    } else if (name == QLatin1String("job")) {
        options.job = value;
    } else if (name == QLatin1String("live")) {
        options.liveJob = value;
    } else if (name == QLatin1String("live-selector")) {
        QString invalid;
        if (!live::LabelSelector::parse(value, &invalid) || value.trimmed().isEmpty())
            return QApplication::translate("GuiOptions",
                                           "--live-selector takes a label selector as kubectl -l "
                                           "does, such as app=batch: %1")
                .arg(invalid.isEmpty() ? QApplication::translate("GuiOptions", "it is empty")
                                       : invalid);
        options.liveSelector = value;
    } else if (name == QLatin1String("kubeconfig")) {
        options.kubeconfig = value;
    } else if (name == QLatin1String("context")) {
        options.context = value;
    } else if (name == QLatin1String("namespace")) {
        options.namespaceName = value;
    } else if (name == QLatin1String("set")) {
        edit::OverrideError error;
        if (!edit::parseOverride(value.toStdString(), &error))
            return QApplication::translate("GuiOptions",
                                           "--set takes PATH=VALUE, such as spec.parallelism=8, "
                                           "not '%1'")
                .arg(value);
        options.sets << value;
    } else if (name == QLatin1String("screenshot")) {
        if (value.isEmpty())
            return QApplication::translate("GuiOptions", "--screenshot takes a PNG file name");
        options.screenshot = value;
    }
    return std::nullopt;
}

std::optional<QString> readGuiOptions(const QStringList& positional, GuiOptions& options) {
    for (qsizetype i = 0; i < positional.size(); ++i) {
        const QString& a = positional.at(i);
        if (!a.startsWith(QLatin1String("-")) || a == QLatin1String("-")) {
            options.files << a;
            continue;
        }
        QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasValue = true;
        }
        if (!hasValue && isGuiFlag(QLatin1String("--") + name)) {
            (name == QLatin1String("whatif") ? options.whatif : options.liveAllJobs) = true;
            continue;
        }
        if (!isGuiOptionWithValue(QLatin1String("--") + name))
            return QCoreApplication::translate("QCommandLineParser", "Unknown option '%1'.")
                .arg(name);
        if (!hasValue) {
            if (i + 1 >= positional.size())
                return QCoreApplication::translate("QCommandLineParser",
                                                   "Missing value after '%1'.")
                    .arg(a);
            value = positional.at(++i);
        }
        if (auto error = setGuiOption(name, value, options))
            return error;
    }
    return std::nullopt;
}

int runGui(const GuiOptions& options) {
    // A screenshot neither reads nor changes the user's settings: same picture on every machine.
    QTemporaryDir isolatedSettings;
    const bool shot = !options.screenshot.isEmpty();
    if (shot) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, isolatedSettings.path());
    }
    // --lang wins for this run; otherwise the language chosen in Settings (or the locale).
    applyLanguage(options.language.isEmpty()
                      ? QSettings().value(QStringLiteral("ui/language")).toString()
                      : options.language);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/jobscope.png")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.jobscope.JobScope"));

    if (options.whatif && (!options.at || options.files.isEmpty())) {
        QTextStream(stderr) << "jobscope: error: "
                            << QApplication::translate("GuiOptions",
                                                       "--whatif takes a recording FILE and "
                                                       "--at T, the moment to go on from")
                            << '\n';
        return 2;
    }
    MainWindow window;
    if (!options.theme.isEmpty()) // after the window applied the saved theme
        applyTheme(themeFromName(options.theme));
    if (options.size.isValid())
        window.resize(options.size);
    else if (shot)
        window.resize(1280, 720);
    if (options.followsCluster()) {
        if (int(!options.liveJob.isEmpty()) + int(options.liveAllJobs) +
                int(!options.liveSelector.isEmpty()) >
            1) {
            QTextStream(stderr) << "jobscope: error: "
                                << QApplication::translate("GuiOptions",
                                                           "choose one of --live JOB, "
                                                           "--live-all-jobs and --live-selector")
                                << '\n';
            return 2;
        }
        if (!options.files.isEmpty()) {
            QTextStream(stderr) << "jobscope: error: "
                                << QApplication::translate("GuiOptions",
                                                           "--live follows a Job on a cluster: "
                                                           "it takes no file")
                                << '\n';
            return 2;
        }
        const std::optional<QString> error = startLive(window, options);
        if (error) {
            QTextStream(stderr) << "jobscope: error: " << *error << '\n';
            return 2;
        }
    } else if (shot && !options.files.isEmpty()) {
        // No one is there to read a message box: say it on stderr.
        QString error;
        if (!window.document()->openFile(options.files.first(), &error)) {
            QTextStream(stderr) << "jobscope: error: " << error << '\n';
            return 2;
        }
    } else if (options.files.isEmpty() || !window.openFile(options.files.first())) {
        // A file that cannot be opened is reported in the window, which shows the example.
        window.openFile(MainWindow::defaultExample());
    }
    window.show();
    if (shot)
        return writeScreenshot(window, options);
    if (const std::optional<QString> error = applyViewOptions(window, options))
        QTextStream(stderr) << "jobscope: error: " << *error << '\n';
    return QApplication::exec();
}

} // namespace jobscope::ui
