// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a large scenario in the main window: writes the 100 000-completion benchmark scenario
// (an Indexed Job, parallelism 1 000, 5 % of Pods failing; --completions to change it) to a
// temporary file, builds the main window at 1600×900 as the app does, opens the file and
// turns the event loop until the run is shown (the document is no longer busy, its result is
// in, and the window has painted). Prints the time from the open to that paint (wall and CPU,
// all threads; of it the window's own thread, which shows the run once it is in), the part
// before the open (the window), and the process' peak memory. Not a
// test: run it by hand, on the offscreen platform:
//
//   QT_QPA_PLATFORM=offscreen build/default/bench/gui_bench [--completions N]
//
// Aim (the performance issue's table): usable within 0.5 s of the open, under 200 MB.

#include "allocator.h"
#include "gui/job_document.h"
#include "gui/main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace jobscope::ui;

namespace {

// CPU seconds of `clock`: the whole process' (CLOCK_PROCESS_CPUTIME_ID), or the calling
// thread's (CLOCK_THREAD_CPUTIME_ID): on the main thread, the window's work (reading the file,
// showing the run, painting) without the worker that runs the scenario.
double cpuSeconds(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

QString scenarioText(long completions) {
    QString nodes;
    const long nodeCount = (1000 * 2 + 109) / 110; // room for twice the parallelism
    for (long i = 1; i <= nodeCount; ++i)
        nodes += QStringLiteral("  - {name: node-%1, pods: 110}\n").arg(i);
    return QStringLiteral("title: GUI benchmark\n"
                          "seed: 1\n"
                          "runTime: 10\n"
                          "failures: [{probability: 0.05, exitCode: 1}]\n"
                          "cluster:\n"
                          "  nodes:\n") +
           nodes +
           QStringLiteral("job:\n"
                          "  apiVersion: batch/v1\n"
                          "  kind: Job\n"
                          "  metadata: {name: bench}\n"
                          "  spec:\n"
                          "    completionMode: Indexed\n"
                          "    completions: %1\n"
                          "    parallelism: 1000\n"
                          "    backoffLimit: %1\n"
                          "    template: {spec: {restartPolicy: Never, containers: "
                          "[{name: main, image: busybox}]}}\n")
               .arg(completions);
}

// The scenario written to `path`; false (and a message) when it cannot be.
bool writeScenario(const QString& path, long completions) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    QTextStream(&file) << scenarioText(completions);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    jobscope::configureAllocator();
    long completions = 100000;
    // --write-scenario FILE: only write the scenario, for timing `jobscope simulate` on it.
    std::string scenarioOut;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--completions" && i + 1 < argc) {
            char* end = nullptr;
            completions = std::strtol(argv[++i], &end, 10);
            if (*end != '\0' || completions < 1 || completions > 10000000) {
                std::fprintf(stderr, "--completions: expected 1 to 10000000\n");
                return 2;
            }
        } else if (flag == "--write-scenario" && i + 1 < argc) {
            scenarioOut = argv[++i];
        } else {
            std::fprintf(stderr, "usage: gui_bench [--completions N] [--write-scenario FILE]\n");
            return 2;
        }
    }
    if (!scenarioOut.empty())
        return writeScenario(QString::fromStdString(scenarioOut), completions) ? 0 : 1;
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gui-bench.yaml"));
    if (!writeScenario(path, completions))
        return 1;

    QElapsedTimer wall;
    wall.start();
    const double cpuStart = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    MainWindow window;
    window.resize(1600, 900);
    window.show();
    QApplication::processEvents();
    const double windowWall = static_cast<double>(wall.nsecsElapsed()) / 1e6;
    const double windowCpu = (cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpuStart) * 1000;
    const double rssBefore = peakRssMb();

    wall.restart();
    const double cpuOpen = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    const double windowCpuOpen = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
    if (!window.openFile(path)) {
        std::fprintf(stderr, "the window did not open %s\n", qPrintable(path));
        return 1;
    }
    JobDocument* document = window.document();
    // Shown: the run is in and drawn (the events it posted, the paint, handled). The loop
    // sleeps while a worker runs the scenario, so that the CPU time is the work's.
    const auto shown = [document] { return !document->isBusy() && document->result(); };
    QEventLoop loop;
    const auto check = [&] {
        if (shown())
            loop.quit();
    };
    QObject::connect(document, &JobDocument::busyChanged, &loop, check);
    QObject::connect(document, &JobDocument::resultChanged, &loop, check);
    if (!shown())
        loop.exec();
    QApplication::processEvents();
    window.repaint();
    const double openWall = static_cast<double>(wall.nsecsElapsed()) / 1e6;
    const double openCpu = (cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpuOpen) * 1000;
    const double openWindowCpu = (cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - windowCpuOpen) * 1000;

    std::printf("main window at 1600x900, platform %s; Indexed Job of %ld completions, "
                "parallelism 1000, 5 %% failing\n",
                qPrintable(QApplication::platformName()), completions);
    std::printf("  window built and shown        %8.1f ms wall %8.1f ms CPU  (peak %6.1f MB)\n",
                windowWall, windowCpu, rssBefore);
    std::printf("  open until the run is shown   %8.1f ms wall %8.1f ms CPU  (peak %6.1f MB)\n",
                openWall, openCpu, peakRssMb());
    std::printf(
        "    of which the window's own thread %8.1f ms CPU (the rest: the scenario's run)\n",
        openWindowCpu);
    std::printf("  aim: shown within 500 ms of the open, under 200 MB\n");
    return 0;
}
