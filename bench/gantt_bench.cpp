// SPDX-License-Identifier: GPL-3.0-or-later
// The Pod Gantt and timeline plot benchmark ("fluid at 10 000 Pods, usable at
// 100 000"): simulates Indexed Jobs of 10 000 and 100 000 completions (--pods: up to 1 000 000;
// 5 % of Pods failing), then times, on the widgets as the app shows them at 1600×900:
//   - setRun (building the rows and segments),
//   - a full replot, with the default row height and with 1-pixel rows (the most rows at once),
//   - a playhead-only replot (what playback does every frame),
//   - a full replot zoomed into 5 % of the time range,
//   - for the timeline plot also: a PNG export at 1920×1080 and pan steps (a shifted time range,
//     replotted) zoomed into 5 % of the time and showing all of it.
// Each line gives the median and the least CPU time of the repeats, the median and the worst
// wall time. Not a test: run it by hand, on the offscreen platform, from a Release build:
//
//   QT_QPA_PLATFORM=offscreen build/rel/bench/gantt_bench [--pods N[,N...]] [--repeat N]
//
// Aims: playhead replot < 2 ms; full replot < 16 ms at 10 000 Pods, < 100 ms at 100 000; the
// timeline plot's full replot < 8 ms at any zoom, 1 000 000 Pods included.

#include "allocator.h"
#include "analysis/analysis.h"
#include "bench_scenario.h"
#include "gantt/pod_gantt.h"
#include "manifest/manifest.h"
#include "plot/timeline_plot.h"
#include "run/run.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace jobscope;

namespace {

struct Options {
    std::vector<long> pods = {10000, 100000};
    int repeat = 20;
};

bool parseOptions(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) {
            std::fprintf(stderr, "%s: missing value\n", flag.c_str());
            return false;
        }
        const std::string value = argv[++i];
        if (flag == "--pods") {
            options.pods.clear();
            size_t start = 0;
            while (start <= value.size()) {
                const size_t comma = value.find(',', start);
                const std::string item = value.substr(
                    start, comma == std::string::npos ? std::string::npos : comma - start);
                char* end = nullptr;
                const long n = std::strtol(item.c_str(), &end, 10);
                if (item.empty() || *end != '\0' || n < 1 || n > 1000000) {
                    std::fprintf(stderr, "--pods: expected counts from 1 to 1000000, got '%s'\n",
                                 value.c_str());
                    return false;
                }
                options.pods.push_back(n);
                if (comma == std::string::npos)
                    break;
                start = comma + 1;
            }
        } else if (flag == "--repeat") {
            char* end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            if (*end != '\0' || n < 1 || n > 1000) {
                std::fprintf(stderr, "--repeat: expected 1 to 1000, got '%s'\n", value.c_str());
                return false;
            }
            options.repeat = static_cast<int>(n);
        } else {
            std::fprintf(stderr, "unknown option %s (use --pods, --repeat)\n", flag.c_str());
            return false;
        }
    }
    return true;
}

// An Indexed Job of `completions`, parallelism a tenth of it (at most 1 000), Pods running 10 s
// and 5 % of them failing with exit code 1.
std::optional<Scenario> indexedScenario(long completions) {
    return bench::indexedJobScenario("gantt-bench", completions,
                                     std::clamp(completions / 10, 1L, 1000L), 1);
}

struct Stats {
    double wall = 0;    // median, ms
    double worst = 0;   // slowest wall time, ms
    double cpu = 0;     // median CPU time of this thread, ms: steadier on a shared machine
    double bestCpu = 0; // the least CPU time: what the work costs when nothing else intervenes
};

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Runs `step` `repeat` times.
Stats measure(int repeat, const std::function<void(int)>& step) {
    std::vector<double> wall;
    std::vector<double> cpu;
    QElapsedTimer timer;
    for (int i = 0; i < repeat; ++i) {
        const double cpuStart = threadCpuMs();
        timer.start();
        step(i);
        wall.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - cpuStart);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], wall.back(), cpu[cpu.size() / 2], cpu.front()};
}

void print(const char* what, const Stats& stats, const char* extra = "") {
    std::printf("  %-48s %8.2f ms CPU (best %6.2f), %8.2f ms wall (worst %8.2f)%s\n", what,
                stats.cpu, stats.bestCpu, stats.wall, stats.worst, extra);
}

} // namespace

int main(int argc, char** argv) {
    jobscope::configureAllocator();
    QApplication app(argc, argv);
    Options options;
    if (!parseOptions(argc, argv, options))
        return 2;
    const QSize size(1600, 900);
    std::printf("widgets at %dx%d, platform %s, %d runs per figure\n", size.width(), size.height(),
                qPrintable(QGuiApplication::platformName()), options.repeat);

    for (const long completions : options.pods) {
        std::optional<Scenario> scenario = indexedScenario(completions);
        if (!scenario) {
            std::fprintf(stderr, "cannot build the scenario\n");
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        const auto run = std::make_shared<const Run>(runScenario(*scenario));
        const Analysis* analysis = &run->analysis;
        const double simulateMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        const double origin = run->origin;
        std::printf("\nIndexed Job, %ld completions: %zu Pods, %zu series rows (simulated and "
                    "analysed in %.0f ms)\n",
                    completions, analysis->pods.size(), analysis->series.size(), simulateMs);

        ui::PodGantt gantt;
        gantt.resize(size);
        gantt.show();
        QCoreApplication::processEvents();
        QCustomPlot* plot = gantt.customPlot();
        // Qt's first text layout loads the font database (some 300 ms): not the Gantt's cost.
        plot->replot(QCustomPlot::rpImmediateRefresh);
        print("Gantt setRun, first", measure(1, [&](int) { gantt.setRun(run); }));
        print("Gantt setRun, again",
              measure(std::max(1, options.repeat / 4), [&](int) { gantt.setRun(run); }));
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QCoreApplication::processEvents();
        const double lower = gantt.dataStart();
        const double upper = gantt.dataEnd();
        const auto rowsLine = [&] {
            static char text[96];
            std::snprintf(text, sizeof text, " (%d rows shown, %d segments painted)",
                          static_cast<int>(gantt.visibleRowCount()), gantt.paintedSegmentCount());
            return text;
        };
        print("Gantt full replot, default rows",
              measure(options.repeat, [&](int) { plot->replot(QCustomPlot::rpImmediateRefresh); }),
              rowsLine());
        gantt.setRowHeight(1);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        print("Gantt full replot, 1-pixel rows",
              measure(options.repeat, [&](int) { plot->replot(QCustomPlot::rpImmediateRefresh); }),
              rowsLine());
        print("Gantt playhead replot", measure(options.repeat * 5, [&](int i) {
                  gantt.setPlayhead(lower + (upper - lower) * (i % 100) / 100.0);
              }));
        print("Gantt playhead replot + repaint", measure(options.repeat * 5, [&](int i) {
                  gantt.setPlayhead(lower + (upper - lower) * (i % 100) / 100.0);
                  plot->repaint();
              }));
        // 5 % of the time around the middle, the rows of the Pods that run then in view.
        const double mid = (lower + upper) / 2;
        const double half = (upper - lower) * 0.025;
        gantt.setTimeRange(mid - half, mid + half);
        for (size_t i = 0; i < analysis->pods.size(); ++i)
            if (analysis->pods[i].created - origin >= mid - half) {
                gantt.scrollToRow(gantt.rowOfPod(static_cast<int>(i)));
                break;
            }
        plot->replot(QCustomPlot::rpImmediateRefresh);
        print("Gantt full replot, 5 % of the time, 1-pixel rows",
              measure(options.repeat, [&](int) { plot->replot(QCustomPlot::rpImmediateRefresh); }),
              rowsLine());
        gantt.setRowHeight(14);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        print("Gantt full replot, 5 % of the time, default rows",
              measure(options.repeat, [&](int) { plot->replot(QCustomPlot::rpImmediateRefresh); }),
              rowsLine());
        gantt.hide();

        ui::TimelinePlot timelinePlot;
        timelinePlot.resize(size);
        timelinePlot.show();
        QCoreApplication::processEvents();
        print("timeline plot setRun", measure(std::max(1, options.repeat / 5), [&](int) {
                  timelinePlot.setRun(run, QStringLiteral("bench"));
              }));
        QCustomPlot* timelineCustomPlot = timelinePlot.customPlot();
        timelineCustomPlot->replot(QCustomPlot::rpImmediateRefresh);
        print("timeline plot full replot", measure(options.repeat, [&](int) {
                  timelineCustomPlot->replot(QCustomPlot::rpImmediateRefresh);
              }));
        print("timeline plot playhead replot", measure(options.repeat * 5, [&](int i) {
                  timelinePlot.setPlayhead(lower + (upper - lower) * (i % 100) / 100.0);
              }));
        const QSize pngSize(1920, 1080);
        print("timeline plot PNG export, 1920x1080", measure(options.repeat, [&](int) {
                  if (timelinePlot.renderImage(pngSize).isNull())
                      std::fprintf(stderr, "renderImage failed\n");
              }));
        // The same 5 % of the time as the Gantt's above.
        timelinePlot.setTimeRange(mid - half, mid + half);
        timelineCustomPlot->replot(QCustomPlot::rpImmediateRefresh);
        print("timeline plot full replot, 5 % of the time", measure(options.repeat, [&](int) {
                  timelineCustomPlot->replot(QCustomPlot::rpImmediateRefresh);
              }));
        // Panning: each step shifts the 5 % window by a fiftieth of its width and replots, as a
        // drag does.
        print("timeline plot pan step, 5 % of the time", measure(options.repeat * 4, [&](int i) {
                  const double shift = 2 * half * (i + 1) / 50.0;
                  timelinePlot.setTimeRange(mid - half + shift, mid + half + shift);
                  timelineCustomPlot->replot(QCustomPlot::rpImmediateRefresh);
              }));
        print("timeline plot pan step, all of the time", measure(options.repeat * 4, [&](int i) {
                  const double shift = (upper - lower) * (1 + i % 10) / 400.0;
                  timelinePlot.setTimeRange(lower + shift, upper + shift);
                  timelineCustomPlot->replot(QCustomPlot::rpImmediateRefresh);
              }));
    }
    return 0;
}
