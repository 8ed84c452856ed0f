// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/sweep.h"

#include "number_text.h"
#include "report/csv.h"
#include "run/run.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <thread>

namespace jobscope {

namespace {

std::optional<double> number(const std::string& text) {
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (*end != '\0' || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// Digits after the decimal point of a number as written ("0.25" → 2).
int decimalsOf(const std::string& text) {
    const size_t point = text.find('.');
    if (point == std::string::npos)
        return 0;
    const size_t end = text.find_first_not_of("0123456789", point + 1);
    return static_cast<int>((end == std::string::npos ? text.size() : end) - point - 1);
}

// A value as YAML writes it, at the precision of what the range was written with (0.1 × 3 is
// 0.3, not 0.30000000000000004); whole numbers without a fraction.
std::string numberText(double value, int decimals) {
    const double scale = std::pow(10.0, std::min(decimals, 12));
    value = std::round(value * scale) / scale;
    if (std::fabs(value) < 9e15 && value == std::floor(value))
        return std::to_string(static_cast<long long>(value));
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : formatRoundTrip(value);
}

// Numbers as the other CSVs write them; an empty field when no seed gave one.
std::string csvNumber(double value) {
    return std::isfinite(value) ? csvSeconds(value) : std::string();
}

} // namespace

std::optional<SweepAxis> parseSweepAxis(const std::string& text, SweepAxisError* error) {
    const auto fail = [&](SweepAxisError::Kind kind) {
        *error = SweepAxisError{kind, text};
        return std::nullopt;
    };
    edit::OverrideError overrideError;
    const std::optional<edit::Override> parsed = edit::parseOverride(text, &overrideError);
    if (!parsed)
        return fail(SweepAxisError::Kind::NotPathValues);
    SweepAxis axis;
    axis.path = parsed->path;
    axis.name = text.substr(0, text.find('='));
    const std::string& values = parsed->value;
    const size_t dots = values.find("..");
    if (dots == std::string::npos) {
        size_t start = 0;
        while (true) {
            const size_t comma = values.find(',', start);
            axis.values.push_back(values.substr(
                start, comma == std::string::npos ? std::string::npos : comma - start));
            if (axis.values.back().empty())
                return fail(SweepAxisError::Kind::NotPathValues);
            if (axis.values.size() > kMaxSweepValues)
                return fail(SweepAxisError::Kind::TooMany);
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
        return axis;
    }
    const size_t colon = values.find(':', dots);
    const std::optional<double> from = number(values.substr(0, dots));
    const std::optional<double> to = number(
        values.substr(dots + 2, colon == std::string::npos ? std::string::npos : colon - dots - 2));
    const std::optional<double> step =
        colon == std::string::npos ? std::optional<double>(1) : number(values.substr(colon + 1));
    if (!from || !to || !step || !(*step > 0) || *to < *from)
        return fail(SweepAxisError::Kind::BadRange);
    if ((*to - *from) / *step + 1 > static_cast<double>(kMaxSweepValues))
        return fail(SweepAxisError::Kind::TooMany);
    // Counted in steps from the start, so that a fractional step does not drift.
    const auto count = static_cast<long long>(std::floor((*to - *from) / *step + 1e-9)) + 1;
    const int decimals =
        std::max(decimalsOf(values.substr(0, dots)),
                 colon == std::string::npos ? 0 : decimalsOf(values.substr(colon + 1)));
    for (long long i = 0; i < count; ++i)
        axis.values.push_back(numberText(*from + static_cast<double>(i) * *step, decimals));
    return axis;
}

std::vector<edit::Override> pointOverrides(const std::vector<SweepAxis>& axes,
                                           const SweepPoint& point,
                                           const std::vector<edit::Override>& fixed) {
    std::vector<edit::Override> overrides = fixed;
    for (std::size_t a = 0; a < axes.size() && a < point.values.size(); ++a)
        overrides.push_back(
            edit::Override{axes[a].path, point.values[a], axes[a].name + "=" + point.values[a]});
    return overrides;
}

std::vector<SweepPoint> runSweep(const std::string& text, const std::string& fileName,
                                 const std::vector<SweepAxis>& axes, const SweepOptions& options,
                                 const std::atomic<bool>* cancel) {
    std::size_t pointCount = 1;
    for (const SweepAxis& axis : axes)
        pointCount *= std::max<std::size_t>(1, axis.values.size());
    std::vector<SweepPoint> points(pointCount);
    for (std::size_t i = 0; i < pointCount; ++i) {
        std::size_t rest = i;
        points[i].values.resize(axes.size());
        for (std::size_t a = axes.size(); a-- > 0;) {
            const std::size_t n = std::max<std::size_t>(1, axes[a].values.size());
            points[i].values[a] = axes[a].values[rest % n];
            rest /= n;
        }
    }
    const int seeds = std::max(1, options.seeds);
    // Each point's text is read once; its seeds are tasks of their own.
    std::vector<std::optional<Scenario>> scenarios(pointCount);
    std::vector<std::vector<std::optional<RunSummary>>> results(
        pointCount, std::vector<std::optional<RunSummary>>(static_cast<std::size_t>(seeds)));
    std::atomic<std::size_t> next{0};
    std::vector<std::once_flag> read(pointCount);
    const auto readPoint = [&](std::size_t p) {
        const edit::OverrideResult changed =
            edit::applyOverrides(text, pointOverrides(axes, points[p], options.fixed));
        if (changed.error) {
            points[p].error = changed.error->override + ": " + changed.error->detail;
            return;
        }
        Diagnostics diagnostics;
        std::optional<Scenario> scenario = readScenarioText(changed.text, fileName, diagnostics);
        if (!scenario || diagnostics.hasErrors()) {
            points[p].error = diagnostics.items().empty() ? std::string("the scenario is not valid")
                                                          : diagnostics.items().front().format();
            return;
        }
        if (options.maxPods > 0)
            scenario->maxPods = options.maxPods;
        if (const std::optional<Message> tooLarge = checkSimulationSize(*scenario)) {
            points[p].error = tooLarge->text();
            return;
        }
        scenarios[p] = std::move(scenario);
    };
    const std::size_t tasks = pointCount * static_cast<std::size_t>(seeds);
    std::vector<std::atomic<int>> seedsLeft(pointCount);
    for (std::atomic<int>& left : seedsLeft)
        left = seeds;
    const auto seedDone = [&](std::size_t p) {
        if (seedsLeft[p].fetch_sub(1) == 1 && options.pointsDone)
            options.pointsDone->fetch_add(1);
    };
    // With the points on every core, an analysis beside each simulation would only compete.
    AnalysisThread analysisThread = AnalysisThread::Auto;
    const auto work = [&] {
        while (!(cancel && cancel->load())) {
            const std::size_t task = next.fetch_add(1);
            if (task >= tasks)
                return;
            const std::size_t p = task / static_cast<std::size_t>(seeds);
            const int s = static_cast<int>(task % static_cast<std::size_t>(seeds));
            std::call_once(read[p], readPoint, p);
            if (scenarios[p]) {
                const std::optional<uint64_t> seed =
                    seeds == 1 ? std::nullopt
                               : std::optional<uint64_t>(static_cast<uint64_t>(s + 1));
                results[p][static_cast<std::size_t>(s)] =
                    runWholeScenario(*scenarios[p], seed, nullptr, analysisThread).summary;
            }
            seedDone(p);
        }
    };
    unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads =
        std::clamp<unsigned>(threads, 1, static_cast<unsigned>(std::min<std::size_t>(tasks, 256)));
    if (threads > 1)
        analysisThread = AnalysisThread::After;
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread& thread : pool)
        thread.join();
    for (std::size_t p = 0; p < pointCount; ++p)
        for (std::optional<RunSummary>& run : results[p])
            if (run)
                points[p].runs.push_back(std::move(*run));
    return points;
}

SweepFigures figuresOf(const SweepPoint& point) {
    std::vector<double> finish, podSeconds, peak, mean, failed;
    std::map<std::string, int> outcomes;
    for (const RunSummary& run : point.runs) {
        if (run.finishedAt)
            finish.push_back(*run.finishedAt);
        podSeconds.push_back(run.podSeconds);
        peak.push_back(run.peakActive);
        mean.push_back(run.meanActive);
        failed.push_back(run.podsFailed);
        ++outcomes[run.outcome.empty() ? std::string("NotFinished") : run.outcome];
    }
    SweepFigures figures;
    figures.seeds = point.runs.size();
    figures.finished = finish.size();
    figures.completionP50 = percentile(finish, 0.5);
    figures.completionP90 = percentile(finish, 0.9);
    figures.podSecondsP50 = percentile(podSeconds, 0.5);
    figures.podSecondsP90 = percentile(podSeconds, 0.9);
    figures.peakActiveP50 = percentile(peak, 0.5);
    figures.meanActiveP50 = percentile(mean, 0.5);
    figures.failedPodsP50 = percentile(failed, 0.5);
    int most = 0;
    for (const auto& [name, count] : outcomes)
        if (count > most) {
            most = count;
            figures.outcome = name;
        }
    return figures;
}

std::string sweepCsv(const std::vector<SweepAxis>& axes, const std::vector<SweepPoint>& points,
                     const std::vector<SweepFigures>& figures) {
    std::string out;
    for (const SweepAxis& axis : axes)
        out += csvField(axis.name) + ",";
    out += "seeds,finished,completion_time_p50,completion_time_p90,pod_seconds_p50,"
           "pod_seconds_p90,peak_active_p50,mean_active_p50,failed_pods_p50,outcome\r\n";
    for (std::size_t p = 0; p < points.size() && p < figures.size(); ++p) {
        for (const std::string& value : points[p].values)
            out += csvField(value) + ",";
        const SweepFigures& f = figures[p];
        out += std::to_string(f.seeds) + "," + std::to_string(f.finished) + "," +
               csvNumber(f.completionP50) + "," + csvNumber(f.completionP90) + "," +
               csvNumber(f.podSecondsP50) + "," + csvNumber(f.podSecondsP90) + "," +
               csvNumber(f.peakActiveP50) + "," + csvNumber(f.meanActiveP50) + "," +
               csvNumber(f.failedPodsP50) + "," + csvField(f.outcome) + "\r\n";
    }
    return out;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(p, 0.0, 1.0) * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(rank));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (values[above] - values[below]) * (rank - static_cast<double>(below));
}

} // namespace jobscope
