// SPDX-License-Identifier: GPL-3.0-or-later
// The YAML editor's typing latency on a large text: builds the editor panel on a real
// JobDocument, as the main window does, opens a generated Job manifest of about 5 MB (a
// container with a long env list: one `- name: ... value: ...` item per variable, the shape of
// a generated configuration), clicks into a comment near the top and types N keystrokes with
// QTest::keyClick, a pause between them, processing events. Prints per keystroke latency (the
// key and the events it caused) and the longest the event loop went without turning, while
// typing and while the document re-reads the text after the last key (the editor's pause,
// the run, the knobs). Not a test: run it by hand, on the offscreen platform:
//
//   QT_QPA_PLATFORM=offscreen build/default/bench/editor_bench [--mb 5] [--keys 30] [--gap 60]
//
// Aim: every keystroke < 50 ms on 5 MB, and no event-loop stall of that order after it.

#include "allocator.h"
#include "editor/editor_panel.h"
#include "editor/knob_panel.h"
#include "editor/yaml_text_edit.h"
#include "gui/job_document.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace jobscope::ui;

namespace {

struct Options {
    double megabytes = 5;
    int keys = 30;
    int gapMs = 60;
};

bool parseOptions(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) {
            std::fprintf(stderr, "%s: missing value\n", flag.c_str());
            return false;
        }
        char* end = nullptr;
        const double value = std::strtod(argv[++i], &end);
        if (*end != '\0' || value < 0) {
            std::fprintf(stderr, "%s: expected a number\n", flag.c_str());
            return false;
        }
        if (flag == "--mb" && value > 0 && value <= 100)
            options.megabytes = value;
        else if (flag == "--keys" && value >= 1 && value <= 10000)
            options.keys = static_cast<int>(value);
        else if (flag == "--gap" && value <= 10000)
            options.gapMs = static_cast<int>(value);
        else {
            std::fprintf(stderr,
                         "unknown option or value out of range: %s (use --mb, --keys, "
                         "--gap)\n",
                         flag.c_str());
            return false;
        }
    }
    return true;
}

// A Job manifest of about `bytes` bytes: the size is in the container's env list.
QString bigManifest(qsizetype bytes) {
    QString text = QStringLiteral("# Generated configuration\n"
                                  "# notes: \n"
                                  "apiVersion: batch/v1\n"
                                  "kind: Job\n"
                                  "metadata:\n"
                                  "  name: big-config\n"
                                  "spec:\n"
                                  "  completions: 4\n"
                                  "  parallelism: 2\n"
                                  "  template:\n"
                                  "    spec:\n"
                                  "      restartPolicy: Never\n"
                                  "      containers:\n"
                                  "      - name: worker\n"
                                  "        image: busybox\n"
                                  "        env:\n");
    text.reserve(bytes + 256);
    for (int i = 0; text.size() < bytes; ++i)
        text += QStringLiteral("        - name: SETTING_%1\n"
                               "          value: \"feature-%1 enabled for region eu-west-%2\"\n")
                    .arg(i, 7, 10, QLatin1Char('0'))
                    .arg(i % 7);
    return text;
}

// The longest time the event loop went without running a 1 ms timer.
class StallMeter {
public:
    StallMeter() {
        timer_.setInterval(1);
        QObject::connect(&timer_, &QTimer::timeout,
                         [this] { worst_ = std::max(worst_, clock_.restart()); });
    }
    void start() {
        worst_ = 0;
        worstEnd_ = 0;
        clock_.start();
        since_.start();
        timer_.start();
    }
    // When the longest stall ended, in ms since start().
    qint64 worstEnd() const { return worstEnd_; }
    qint64 stop() {
        timer_.stop();
        return std::max(worst_, clock_.elapsed());
    }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    QElapsedTimer since_;
    qint64 worst_ = 0;
    qint64 worstEnd_ = 0;
};

} // namespace

int main(int argc, char** argv) {
    jobscope::configureAllocator();
    QApplication app(argc, argv);
    Options options;
    if (!parseOptions(argc, argv, options))
        return 2;

    const QString text = bigManifest(static_cast<qsizetype>(options.megabytes * 1024 * 1024));
    JobDocument document;
    EditorPanel panel(&document);
    panel.resize(700, 900);
    panel.show();
    QElapsedTimer clock;
    clock.start();
    document.openText(text, QStringLiteral("big.yaml"));
    const qint64 openCall = clock.elapsed(); // the editor's text and its highlighting
    document.waitForIdle();
    panel.waitForKnobs();
    QCoreApplication::processEvents();
    std::printf("text: %lld characters, %d lines; opened in %lld ms (%lld ms of it on the GUI "
                "thread before the run and the knobs); platform %s\n",
                static_cast<long long>(text.size()), panel.textEdit()->document()->blockCount(),
                static_cast<long long>(clock.elapsed()), static_cast<long long>(openCall),
                qPrintable(QGuiApplication::platformName()));

    // The cursor at the end of the "# notes: " comment, placed by a click.
    YamlTextEdit* edit = panel.yamlEdit();
    edit->goTo(2, 10);
    const QRect caret = edit->cursorRect();
    QTest::mouseClick(edit->viewport(), Qt::LeftButton, {}, caret.center());
    edit->goTo(2, 10);
    edit->setFocus();
    QCoreApplication::processEvents();

    std::vector<double> latencies;
    StallMeter stalls;
    qint64 worstStallTyping = 0;
    for (int i = 0; i < options.keys; ++i) {
        const char key = static_cast<char>('a' + i % 26);
        clock.restart();
        QTest::keyClick(edit, key);
        QCoreApplication::processEvents();
        latencies.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        stalls.start();
        QTest::qWait(options.gapMs);
        worstStallTyping = std::max(worstStallTyping, stalls.stop());
    }
    // After the last key: the pause's end (the text to the document), the run, the knobs.
    clock.restart();
    panel.commitText();
    const qint64 commit = clock.elapsed();
    clock.restart();
    stalls.start();
    qint64 ranAt = -1;
    qint64 knobsAt = -1;
    QObject::connect(&document, &JobDocument::diagnosticsChanged, [&] { ranAt = clock.elapsed(); });
    QTest::qWait(JobDocument::kEditPause + 200);
    if (!QTest::qWaitFor(
            [&] {
                if (knobsAt < 0 && !panel.knobsPending())
                    knobsAt = clock.elapsed();
                return !document.isBusy() && !panel.knobsPending();
            },
            120000))
        std::printf("WARNING: the document is still busy after 2 minutes\n");
    QTest::qWait(200);
    const qint64 worstStallSettling = stalls.stop();
    const qint64 settled = clock.elapsed();

    const bool typed =
        panel.textEdit()->document()->findBlockByNumber(1).text().size() == 9 + options.keys;
    std::vector<double> sorted = latencies;
    std::sort(sorted.begin(), sorted.end());
    std::printf("%d keystrokes, %d ms apart%s:\n", options.keys, options.gapMs,
                typed ? "" : " (WARNING: the text does not hold them all)");
    std::printf("  per keystroke: median %8.2f ms, worst %8.2f ms\n", sorted[sorted.size() / 2],
                sorted.back());
    std::printf("  longest event-loop stall while typing:        %6lld ms\n",
                static_cast<long long>(worstStallTyping));
    std::printf("  the text to the document after the pause:     %6lld ms\n",
                static_cast<long long>(commit));
    std::printf("  longest event-loop stall after that:  %6lld ms, ending at %lld ms (run done at "
                "%lld ms, knobs at %lld ms; settled in %lld ms)\n",
                static_cast<long long>(worstStallSettling),
                static_cast<long long>(stalls.worstEnd()), static_cast<long long>(ranAt),
                static_cast<long long>(knobsAt), static_cast<long long>(settled));
    std::printf("  diagnostics: %lld\n", static_cast<long long>(document.diagnostics().size()));

    // A knob step: the parallelism spin box's up arrow, as the mouse wheel or a click turns it.
    auto* parallelism =
        qobject_cast<QSpinBox*>(panel.knobPanel()->knob(QStringLiteral("parallelism")));
    if (!parallelism) {
        std::printf("WARNING: no parallelism knob\n");
        return 1;
    }
    const int before = parallelism->value();
    clock.restart();
    stalls.start();
    parallelism->stepUp();
    const qint64 stepCall = clock.elapsed();
    const QString expected = QStringLiteral("  parallelism: %1").arg(before + 1);
    qint64 textAt = -1;
    if (!QTest::qWaitFor(
            [&] {
                if (textAt < 0 &&
                    panel.textEdit()->document()->findBlockByNumber(8).text() == expected)
                    textAt = clock.elapsed();
                return textAt >= 0 && !document.isBusy() && !panel.knobsPending();
            },
            120000))
        std::printf("WARNING: the knob step did not reach the text in 2 minutes\n");
    QTest::qWait(200);
    const qint64 worstStallKnob = stalls.stop();
    std::printf("knob step (parallelism %d -> %d): the step itself %lld ms; the text changed at "
                "%lld ms; longest event-loop stall %lld ms\n",
                before, before + 1, static_cast<long long>(stepCall),
                static_cast<long long>(textAt), static_cast<long long>(worstStallKnob));
    return 0;
}
