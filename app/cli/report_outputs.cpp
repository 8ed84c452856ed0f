// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/report_outputs.h"

#include "cli/cli.h"
#include "cli/output.h"
#include "gantt/pod_gantt.h"
#include "pdf/run_report.h"
#include "plot/timeline_plot.h"
#include "report/csv.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>
#include <future>
#include <optional>
#include <utility>
#include <vector>

namespace jobscope::cli {

namespace {

constexpr int kMinSide = 200;
constexpr int kMaxSide = 10000;

// docs/csv.md "summary.json": one object, numbers in seconds and Pods.
std::string summaryJson(const RunSummary& s) {
    QJsonObject o;
    o.insert(QStringLiteral("finishedAt"), s.finishedAt ? QJsonValue(*s.finishedAt) : QJsonValue());
    o.insert(QStringLiteral("outcome"),
             s.outcome.empty() ? QJsonValue() : QString::fromStdString(s.outcome));
    o.insert(QStringLiteral("reason"),
             s.outcomeReason.empty() ? QJsonValue() : QString::fromStdString(s.outcomeReason));
    o.insert(QStringLiteral("podSeconds"), s.podSeconds);
    o.insert(QStringLiteral("runningSeconds"), s.runningSeconds);
    o.insert(QStringLiteral("podsCreated"), s.podsCreated);
    o.insert(QStringLiteral("podsFailed"), s.podsFailed);
    o.insert(QStringLiteral("peakActive"), s.peakActive);
    o.insert(QStringLiteral("meanActive"), s.meanActive);
    o.insert(QStringLiteral("requested"), s.requested);
    o.insert(QStringLiteral("jobs"), s.jobs);
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

class ReportOutputs {
    Q_DECLARE_TR_FUNCTIONS(ReportOutputs)

public:
    static void addOptions(QCommandLineParser& parser) {
        const ReportOptions defaults;
        parser.addOption(QCommandLineOption(
            QStringLiteral("series-csv"),
            tr("Write the parallelism series (one row per change) as CSV to F."), tr("F")));
        parser.addOption(QCommandLineOption(QStringLiteral("causes-csv"),
                                            tr("Write the cause intervals as CSV to F."), tr("F")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("pods-csv"), tr("Write the Pods' lifecycles as CSV to F."), tr("F")));
        parser.addOption(QCommandLineOption(QStringLiteral("events-csv"),
                                            tr("Write the Events as CSV to F."), tr("F")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("status-csv"),
            tr("Write the Job's status as CSV to F, one row per status write."), tr("F")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("summary-json"),
            tr("Write the run's summary as JSON to F: when and how the Job finished, "
               "Pod-seconds, peak and mean active Pods, Pods created and failed."),
            tr("F")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("png"), tr("Draw the timeline plot as a PNG image to F."), tr("F")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("gantt-png"),
            tr("Draw the Pod Gantt as a PNG image to F: every Pod on its own row, the image as "
               "tall as they need (at least --height)."),
            tr("F")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("pdf"),
            tr("Write a PDF report to F: the summary and the timeline plot on the first page, "
               "then the Pod Gantt with every Pod over as many pages as it needs; vector "
               "drawings with selectable text, A4 landscape."),
            tr("F")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("width"),
            tr("Width of the PNG in pixels (default %1).").arg(defaults.width), tr("W")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("height"),
            tr("Height of the PNG in pixels (default %1).").arg(defaults.height), tr("H")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("lang"),
            tr("Language of messages, help and the plot, such as zh_CN or en (default: the "
               "locale)."),
            tr("language")));
    }

    static std::optional<ReportOptions> read(const QCommandLineParser& parser, int* exitStatus) {
        ReportOptions options;
        for (auto [name, target] : {std::pair{QStringLiteral("width"), &options.width},
                                    std::pair{QStringLiteral("height"), &options.height}}) {
            if (!parser.isSet(name))
                continue;
            bool ok = false;
            const QString value = parser.value(name);
            *target = value.toInt(&ok);
            if (!ok || *target < kMinSide || *target > kMaxSide) {
                printError(tr("--%1: '%2' is not a number of pixels from %3 to %4")
                               .arg(name, value)
                               .arg(kMinSide)
                               .arg(kMaxSide));
                *exitStatus = ExitBadInput;
                return std::nullopt;
            }
        }
        options.png = parser.value(QStringLiteral("png"));
        options.ganttPng = parser.value(QStringLiteral("gantt-png"));
        options.pdf = parser.value(QStringLiteral("pdf"));
        for (const QString& name :
             {QStringLiteral("png"), QStringLiteral("gantt-png"), QStringLiteral("pdf")})
            if (parser.isSet(name) && parser.value(name).isEmpty()) {
                printError(tr("--%1: the file name is empty").arg(name));
                *exitStatus = ExitBadInput;
                return std::nullopt;
            }
        if ((!options.png.isEmpty() || !options.ganttPng.isEmpty() || !options.pdf.isEmpty()) &&
            !qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
            // main() creates a QApplication when commandDraws() says so.
            printError(tr("cannot draw the PNG or PDF: no graphical application was created"));
            *exitStatus = ExitFailure;
            return std::nullopt;
        }
        return options;
    }

    static int write(const QCommandLineParser& parser, const ReportOptions& options, const Run& run,
                     const QString& title) {
        const Analysis& analysis = run.analysis;
        const Seconds origin = run.origin;
        using Make = std::function<void(ReportText&)>;
        struct Report {
            QString path;
            Make make;
        };
        std::vector<Report> reports;
        const auto report = [&](const char* option, Make make) {
            if (parser.isSet(QLatin1String(option)))
                reports.push_back({parser.value(QLatin1String(option)), std::move(make)});
        };
        report("series-csv", [&](ReportText& out) { seriesCsv(analysis.series, origin, out); });
        report("causes-csv", [&](ReportText& out) { causesCsv(analysis.causes, origin, out); });
        report("pods-csv", [&](ReportText& out) { podsCsv(analysis.pods, origin, out); });
        report("events-csv", [&](ReportText& out) { eventsCsv(run.timeline.events, origin, out); });
        report("status-csv",
               [&](ReportText& out) { statusCsv(run.timeline.jobChanges, origin, out); });
        report("summary-json", [&](ReportText& out) { out.buffer() += summaryJson(run.summary); });
        const bool draws =
            !options.png.isEmpty() || !options.ganttPng.isEmpty() || !options.pdf.isEmpty();

        // The text reports read the run only and are written through a small buffer: on a
        // second thread while this one draws (the drawing needs this one).
        const auto writeTexts = [&reports] {
            QStringList errors;
            for (const Report& r : reports)
                if (std::optional<QString> error = writeOne(r.path, r.make))
                    errors << *error;
            return errors;
        };
        std::future<QStringList> texts =
            std::async(draws ? std::launch::async : std::launch::deferred, writeTexts);

        QStringList drawErrors;
        if (!options.png.isEmpty()) {
            ui::TimelinePlot plot;
            // The plot reads the run only while it draws: no copy, no ownership.
            plot.setRun(std::shared_ptr<const Run>(std::shared_ptr<void>(), &run), title);
            QString error;
            if (!plot.savePng(options.png, QSize(options.width, options.height), &error))
                drawErrors << error;
        }
        if (!options.ganttPng.isEmpty()) {
            ui::PodGantt gantt;
            gantt.setRun(std::shared_ptr<const Run>(std::shared_ptr<void>(), &run));
            QString error;
            if (!gantt.savePng(options.ganttPng, QSize(options.width, options.height), &error))
                drawErrors << error;
        }
        if (!options.pdf.isEmpty()) {
            QString error;
            if (!ui::writeRunReport(options.pdf,
                                    std::shared_ptr<const Run>(std::shared_ptr<void>(), &run),
                                    title, &error))
                drawErrors << error;
        }
        // In the order of the options' list: the text reports, then the drawings.
        const QStringList errors = texts.get() + drawErrors;
        for (const QString& error : errors)
            printError(error);
        bool ok = errors.isEmpty();
        if (reports.empty() && !draws && !writeOut(seriesCsv(analysis.series, origin))) {
            printError(tr("cannot write the series to standard output"));
            ok = false;
        }
        return ok ? ExitSuccess : ExitFailure;
    }

    // Writes what `make` makes to `path` ("-": standard output; a device or a pipe in place;
    // else atomically) through a buffer of about ReportText::kChunk; the error, if any.
    static std::optional<QString> writeOne(const QString& path,
                                           const std::function<void(ReportText&)>& make) {
        return writeProduced(path, [&make](const ReportText::Drain& drain) {
            ReportText text(drain);
            make(text);
            return text.finish();
        });
    }

    // The same for a producer that hands the content to a drain (writeFileAtomically's).
    static std::optional<QString>
    writeProduced(const QString& path,
                  const std::function<bool(const ReportText::Drain&)>& produce) {
        if (path == QLatin1String("-")) {
            if (produce([](std::string_view piece) { return writeOut(piece); }))
                return std::nullopt;
            return tr("cannot write to standard output");
        }
        if (path.isEmpty())
            return tr("an output file name is empty");
        const QFileInfo info(path);
        if (info.exists() && !info.isFile() && !info.isDir()) {
            // A device or a pipe (/dev/null, /dev/stdout, a FIFO): renaming a temporary file
            // over it would replace the device itself, so it is written in place.
            QFile device(path);
            const bool written =
                device.open(QIODevice::WriteOnly) && produce([&device](std::string_view piece) {
                    return device.write(piece.data(), static_cast<qint64>(piece.size())) ==
                           static_cast<qint64>(piece.size());
                }) &&
                device.flush();
            if (!written)
                return tr("cannot write %1: %2").arg(path, device.errorString());
            return std::nullopt;
        }
        if (const std::optional<std::string> error =
                writeFileAtomically(path.toStdString(), produce))
            return QString::fromStdString(*error);
        return std::nullopt;
    }

    static bool writeOne(const QString& path, const std::string& content) {
        const std::optional<QString> error = writeProduced(
            path, [&content](const ReportText::Drain& drain) { return drain(content); });
        if (error)
            printError(*error);
        return !error;
    }
};

} // namespace

void addReportOptions(QCommandLineParser& parser) {
    ReportOutputs::addOptions(parser);
}

std::optional<ReportOptions> readReportOptions(const QCommandLineParser& parser, int* exitStatus) {
    return ReportOutputs::read(parser, exitStatus);
}

int writeReports(const QCommandLineParser& parser, const ReportOptions& options, const Run& run,
                 const QString& title) {
    return ReportOutputs::write(parser, options, run, title);
}

bool writeReport(const QString& path, const std::string& content) {
    return ReportOutputs::writeOne(path, content);
}

} // namespace jobscope::cli
