// SPDX-License-Identifier: GPL-3.0-or-later
// The lesson on screen and on disk: the PNG deck has one slide per step at the asked
// size, drawn (not blank) in both languages; presentation mode moves through the steps with the
// keyboard alone, plays, changes speed and blanks the screen.

#include "editor/knob_panel.h"
#include "gantt/pod_gantt.h"
#include "lesson/lesson_deck.h"
#include "lesson/lesson_presenter.h"
#include "lesson/lesson_slide.h"
#include "lesson/presentation_window.h"
#include "lesson/presenter_view.h"
#include "plot/plot_style.h"
#include "plot/timeline_plot.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace jobscope::ui;

namespace {

// Distinct colours in a grid of samples: a blank or one-colour image has one or two.
int sampledColours(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

// Share of bright pixels in a row band: text drawn white on the dark caption band.
double brightShare(const QImage& image, int top, int bottom) {
    int bright = 0;
    int all = 0;
    for (int y = top; y < bottom; ++y)
        for (int x = 0; x < image.width(); ++x, ++all)
            if (qGray(image.pixel(x, y)) > 200)
                ++bright;
    return all ? double(bright) / all : 0;
}

} // namespace

class TestLessonPresentation : public QObject {
    Q_OBJECT

private slots:
    void presenterViewFollowsTheSlides();
    void initTestCase();
    void exportsOneSlidePerStep_data();
    void exportsOneSlidePerStep();
    void exportRejectsABadLesson();
    void slideFileNames();
    void ganttUnderThePlot();
    void plotTextReadableFromTheBack();
    void figuresRevealedWithTheRun();
    void knobsMakeAWhatIf();
    void keyboardMovesThroughSteps();
    void playPauseSpeedAndBlank();

private:
    std::shared_ptr<const LessonDeck> deck_;
};

void TestLessonPresentation::initTestCase() {
    QVERIFY(QFile::exists(LessonPresenter::builtInLessonPath()));
    QString error;
    deck_ = LessonDeckLoader::load(LessonPresenter::builtInLessonPath(), &error);
    QVERIFY2(deck_, qPrintable(error));
    QVERIFY(deck_->sceneCount() >= 10);
}

void TestLessonPresentation::exportsOneSlidePerStep_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

void TestLessonPresentation::exportsOneSlidePerStep() {
    QFETCH(QString, language);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("deck"));
    const QSize size(480, 270);
    QString error;
    QStringList written;
    QVERIFY2(LessonPresenter::exportPngs(LessonPresenter::builtInLessonPath(), out, size, language,
                                         &error, &written),
             qPrintable(error));
    QCOMPARE(written.size(), deck_->totalSteps());
    QCOMPARE(QDir(out).entryList({QStringLiteral("*.png")}, QDir::Files).size(),
             deck_->totalSteps());
    QVERIFY(QFileInfo(written.first()).fileName().startsWith(QLatin1String("01-01-")));
    QVERIFY(
        QFileInfo(written.last())
            .fileName()
            .startsWith(QStringLiteral("%1-").arg(deck_->sceneCount(), 2, 10, QLatin1Char('0'))));
    int slide = 0;
    for (int scene = 0; scene < deck_->sceneCount(); ++scene)
        for (int step = 0; step < deck_->stepCount(scene); ++step) {
            const QString& file = written.at(slide++);
            const QImage image(file);
            QVERIFY2(!image.isNull(), qPrintable(file));
            QCOMPARE(image.size(), size);
            QVERIFY2(sampledColours(image) > 6, qPrintable(file)); // text, lines, bands
            // The caption band: dark up from the bottom at the slide's right edge (the progress
            // bar under it reaches that edge only on the last slide, a slide of words).
            const QRgb band = image.pixel(size.width() - 5, size.height() - 1);
            int bandTop = size.height() - 1;
            while (bandTop > size.height() / 2 &&
                   image.pixel(size.width() - 5, bandTop - 1) == band)
                --bandTop;
            const double share =
                deck_->lesson.scenes[static_cast<size_t>(scene)].isText()
                    ? brightShare(image, size.height() * 4 / 5, size.height() * 19 / 20)
                    : brightShare(image, bandTop, size.height() - 12);
            if (deck_->lesson.scenes[static_cast<size_t>(scene)].isText()) {
                // A slide of words: dark text on the page, no caption band.
                QVERIFY2(share > 0.5, qPrintable(file));
                continue;
            }
            // The caption band carries bright text on a dark ground.
            QVERIFY2(share > 0.01 && share < 0.5, qPrintable(file));
            QVERIFY2(sampledColours(image) > 20, qPrintable(file));
        }

    // The two languages draw different captions on the same slide.
    LessonSlideRenderer english(deck_, false);
    LessonSlideRenderer chinese(deck_, true);
    // (Scene 1: scene 0 is a slide of words, without a caption.)
    QVERIFY(english.caption(1, 0) != chinese.caption(1, 0));
    QVERIFY(chinese.caption(1, 0).contains(QChar(0x4E2A)) ||
            chinese.caption(1, 0).contains(QStringLiteral("Pod"))); // "个"
    QVERIFY(english.render(0, 0, size) != chinese.render(0, 0, size));
    QVERIFY(english.render(1, 0, size) != chinese.render(1, 0, size));
}

// A scene with `gantt: true` draws its Pods under the plot on the same time axis: the playhead,
// one vertical line through both, stands at one x from the plot's top to the Gantt's bottom.
void TestLessonPresentation::ganttUnderThePlot() {
    LessonSlideRenderer renderer(deck_, false);
    const QSize size(1920, 1080);
    int scenes = 0;
    for (int scene = 0; scene < deck_->sceneCount(); ++scene) {
        const jobscope::LessonScene& s = deck_->lesson.scenes[static_cast<size_t>(scene)];
        if (!s.gantt)
            continue;
        ++scenes;
        const int step = deck_->stepCount(scene) - 1;
        const QImage slide = renderer.render(scene, step, size);
        // Per line, where the playhead's colour is drawn in full.
        int lowest = 0, highest = size.height();
        double left = size.width(), right = 0;
        for (int y = 0; y < size.height(); ++y) {
            double sum = 0;
            int count = 0;
            for (int x = 0; x < size.width(); ++x)
                if (QColor(slide.pixel(x, y)).rgb() == kPlayheadColor.rgb()) {
                    sum += x;
                    ++count;
                }
            if (count == 0 || count > 8)
                continue; // no line here, or something wider than a line
            const double at = sum / count;
            left = std::min(left, at);
            right = std::max(right, at);
            lowest = std::max(lowest, y);
            highest = std::min(highest, y);
        }
        const QString where = QStringLiteral("scene %1").arg(scene + 1);
        // From near the top of the plots to the lower part of the slide, where the Gantt is.
        QVERIFY2(highest < size.height() * 0.3, qPrintable(where));
        QVERIFY2(lowest > size.height() * 0.55, qPrintable(where));
        QVERIFY2(right - left <= 1.0, qPrintable(QStringLiteral("%1: the playhead is at x %2 "
                                                                "in one part, %3 in another")
                                                     .arg(where)
                                                     .arg(left)
                                                     .arg(right)));
    }
    QVERIFY(scenes >= 3);
}

// Every slide's charts at 1920x1080: their smallest type (ticks, the cause lane's row names,
// callouts, legends, the Gantt's row names) is at least 24 px, 18 px for two plots side by side
// (half a slide each); a row name squeezed by its neighbours would be smaller.
void TestLessonPresentation::plotTextReadableFromTheBack() {
    LessonSlideRenderer renderer(deck_, false);
    const QSize size(1920, 1080);
    int checked = 0;
    QStringList smallText;
    for (int scene = 0; scene < deck_->sceneCount(); ++scene) {
        if (deck_->lesson.scenes[static_cast<size_t>(scene)].isText())
            continue;
        for (int step = 0; step < deck_->stepCount(scene); ++step) {
            renderer.render(scene, step, size);
            const bool twoPlots = renderer.comparePlot(scene) != nullptr;
            const int least = twoPlots ? 18 : 24;
            const QString where = QStringLiteral("scene %1 step %2: ").arg(scene + 1).arg(step + 1);
            const auto check = [&](const QString& what, int pixels) {
                if (pixels < least)
                    smallText << where + QStringLiteral("%1 %2 px").arg(what).arg(pixels);
            };
            for (TimelinePlot* plot : {renderer.mainPlot(scene), renderer.comparePlot(scene)})
                if (plot)
                    check(QStringLiteral("Pods plot"), plot->renderedTextPixels());
            if (PodGantt* gantt = renderer.gantt(scene))
                check(QStringLiteral("Gantt"), gantt->renderedTextPixels());
            ++checked;
        }
    }
    QVERIFY2(smallText.isEmpty(), qPrintable(smallText.join(QStringLiteral("; "))));
    QVERIFY(checked >= 40);
}

// Under two runs side by side, a step before a run is over shows its cost so far, never its
// final figures; a step `at: end` (the end of the longer run) shows both totals.
void TestLessonPresentation::figuresRevealedWithTheRun() {
    LessonSlideRenderer renderer(deck_, false);
    int compared = 0, ends = 0;
    for (int scene = 0; scene < deck_->sceneCount(); ++scene) {
        const jobscope::SceneRun& run = deck_->runs[static_cast<size_t>(scene)];
        if (!run.compare)
            continue;
        ++compared;
        const jobscope::LessonScene& s = deck_->lesson.scenes[static_cast<size_t>(scene)];
        for (int step = 0; step < deck_->stepCount(scene); ++step) {
            const double time = renderer.stepTime(scene, step);
            const bool atEnd =
                s.steps[static_cast<size_t>(step)].at.kind == jobscope::StepAnchor::Kind::End;
            ends += atEnd;
            for (const jobscope::Run* r : {&run.main, &*run.compare}) {
                const QString figures = LessonSlideRenderer::runFigures(*r, time);
                const QString where = QStringLiteral("scene %1 step %2: %3")
                                          .arg(scene + 1)
                                          .arg(step + 1)
                                          .arg(figures);
                const bool over = r->summary.finishedAt && time >= *r->summary.finishedAt;
                QCOMPARE(figures.startsWith(QStringLiteral("done at")), over);
                QVERIFY2(over || figures.startsWith(QStringLiteral("so far: ")), qPrintable(where));
                if (atEnd)
                    QVERIFY2(over, qPrintable(where));
            }
        }
    }
    QVERIFY(ends >= 3);
    QVERIFY(compared >= 3);
}

// K shows the scene's knobs; turning one runs the scene's scenario with the new value and the
// slide shows that run, captioned with what changed and what it cost next to the lesson's run.
// Reset, another scene or Esc (which first only hides the knobs) go back to the lesson.
void TestLessonPresentation::knobsMakeAWhatIf() {
    int scene = -1;
    for (int i = 0; i < deck_->sceneCount(); ++i)
        if (deck_->lesson.scenes[static_cast<size_t>(i)].title.find("(NonIndexed)") !=
            std::string::npos)
            scene = i;
    QVERIFY(scene >= 0);
    PresentationWindow window(deck_, false);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int last = deck_->stepCount(scene) - 1;
    window.goTo(scene, last);
    const QImage lesson = window.currentSlide();

    QTest::keyClick(&window, Qt::Key_K);
    QVERIFY(window.knobsShown());
    auto* parallelism =
        qobject_cast<QSpinBox*>(window.knobPanel()->knob(QStringLiteral("parallelism")));
    QVERIFY(parallelism);
    const int taught = parallelism->value();
    QVERIFY(taught > 0);
    parallelism->setValue(taught * 3);
    const QString caption = window.whatIfCaption();
    QVERIFY2(
        caption.startsWith(QStringLiteral("What if parallelism = %1: done at").arg(taught * 3)),
        qPrintable(caption));
    QVERIFY2(caption.contains(QStringLiteral("(the lesson's run: done at")), qPrintable(caption));
    const QImage whatIf = window.currentSlide();
    QVERIFY(whatIf != lesson);
    // More Pods at once finish the same completions sooner.
    const jobscope::Run& lessonRun = deck_->runs[static_cast<size_t>(scene)].main;
    QVERIFY(lessonRun.summary.finishedAt);
    const QString slideShot = qEnvironmentVariable("JOBSCOPE_SHOT_DIR");
    if (!slideShot.isEmpty())
        window.grab().save(slideShot + "/lesson_knobs.png");

    // Reset: the lesson's run and values again.
    window.resetWhatIf();
    QVERIFY(window.whatIfCaption().isEmpty());
    QCOMPARE(parallelism->value(), taught);
    QCOMPARE(window.currentSlide(), lesson);

    // Another scene starts from its own run; Esc first hides the knobs, then leaves.
    parallelism->setValue(taught + 1);
    QVERIFY(!window.whatIfCaption().isEmpty());
    window.goTo(scene + 1, 0);
    QVERIFY(window.whatIfCaption().isEmpty());
    window.goTo(scene, last);
    QCOMPARE(window.currentSlide(), lesson);
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!window.knobsShown());
    QVERIFY(window.isVisible());
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!window.isVisible());
}

void TestLessonPresentation::exportRejectsABadLesson() {
    QTemporaryDir dir;
    const QString lesson = dir.filePath(QStringLiteral("bad.yaml"));
    QFile file(lesson);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("title: T\nscenes:\n- title: S\n  scenario: nowhere.yaml\n  steps: [{at: 1, "
               "caption: x}]\n");
    file.close();
    QString error;
    QVERIFY(!LessonPresenter::exportPngs(lesson, dir.filePath(QStringLiteral("out")),
                                         QSize(320, 180), QStringLiteral("en"), &error));
    QVERIFY2(error.startsWith(lesson + QStringLiteral(":4:13: error:")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out"))));
}

void TestLessonPresentation::slideFileNames() {
    QCOMPARE(LessonPresenter::slideFileName(0, 0, QStringLiteral("A Job is a task that ends")),
             QStringLiteral("01-01-a-job-is-a-task-that-ends.png"));
    QCOMPARE(LessonPresenter::slideFileName(11, 2, QStringLiteral("Trade-off: one Pod (or many)")),
             QStringLiteral("12-03-trade-off-one-pod-or-many.png"));
    QCOMPARE(LessonPresenter::slideFileName(2, 0, QStringLiteral("挂起")),
             QStringLiteral("03-01-scene.png"));
}

void TestLessonPresentation::keyboardMovesThroughSteps() {
    PresentationWindow window(deck_, false);
    window.resize(640, 360);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy moved(&window, &PresentationWindow::positionChanged);
    const auto at = [&](int scene, int step) {
        return window.currentScene() == scene && window.currentStep() == step;
    };
    QVERIFY(at(0, 0));
    // The first scene is one slide of words; the next one a run with several steps.
    QCOMPARE(deck_->stepCount(0), 1);
    QVERIFY(deck_->stepCount(1) >= 3);
    QTest::keyClick(&window, Qt::Key_Right);
    QVERIFY(at(1, 0));
    QTest::keyClick(&window, Qt::Key_Right);
    QVERIFY(at(1, 1));
    QTest::keyClick(&window, Qt::Key_Space);
    QVERIFY(at(1, 2));
    QTest::keyClick(&window, Qt::Key_Left);
    QVERIFY(at(1, 1));
    // A presenter clicker sends PageDown / PageUp.
    QTest::keyClick(&window, Qt::Key_PageDown);
    QVERIFY(at(1, 2));
    QTest::keyClick(&window, Qt::Key_PageUp);
    QVERIFY(at(1, 1));
    // Past the scene's last step comes the next scene, and back.
    for (int i = 1; i < deck_->stepCount(1); ++i)
        QTest::keyClick(&window, Qt::Key_Right);
    QVERIFY(at(2, 0));
    QTest::keyClick(&window, Qt::Key_Left);
    QVERIFY(at(1, deck_->stepCount(1) - 1));
    QTest::keyClick(&window, Qt::Key_3);
    QVERIFY(at(2, 0));
    QTest::keyClick(&window, Qt::Key_9);
    QVERIFY(at(8, 0));
    // Two digits in a row reach the scenes after the ninth.
    QVERIFY(deck_->sceneCount() >= 12);
    QTest::keyClick(&window, Qt::Key_1);
    QTest::keyClick(&window, Qt::Key_2);
    QVERIFY(at(11, 0));
    QTest::keyClick(&window, Qt::Key_Home);
    QVERIFY(at(0, 0));
    QTest::keyClick(&window, Qt::Key_Left); // nothing before the first step
    QVERIFY(at(0, 0));
    QTest::keyClick(&window, Qt::Key_End);
    const int lastScene = deck_->sceneCount() - 1;
    QVERIFY(at(lastScene, deck_->stepCount(lastScene) - 1));
    QTest::keyClick(&window, Qt::Key_Right); // nothing after the last
    QVERIFY(at(lastScene, deck_->stepCount(lastScene) - 1));
    QVERIFY(moved.count() >= 12);

    // Every step of the lesson is reachable with the keyboard alone: count them.
    QTest::keyClick(&window, Qt::Key_Home);
    int visited = 1;
    while (!at(lastScene, deck_->stepCount(lastScene) - 1)) {
        QTest::keyClick(&window, Qt::Key_Right);
        ++visited;
        QVERIFY(visited <= deck_->totalSteps());
    }
    QCOMPARE(visited, deck_->totalSteps());

    // What is shown is the current step's slide.
    LessonSlideRenderer renderer(deck_, false);
    QCOMPARE(window.currentSlide(QSize(320, 180)),
             renderer.render(lastScene, deck_->stepCount(lastScene) - 1, QSize(320, 180)));

    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!window.isVisible());
}

void TestLessonPresentation::playPauseSpeedAndBlank() {
    PresentationWindow window(deck_, true);
    window.resize(640, 360);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LessonSlideRenderer renderer(deck_, true);
    // The first scene that runs (scene 0 is a slide of words: nothing to play).
    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(window.currentScene(), 1);
    const double start = renderer.stepTime(1, 0);

    QCOMPARE(window.speed(), 2.0);
    QTest::keyClick(&window, Qt::Key_Plus);
    QCOMPARE(window.speed(), 4.0);
    QTest::keyClick(&window, Qt::Key_Plus);
    QCOMPARE(window.speed(), 8.0);
    QTest::keyClick(&window, Qt::Key_Minus);
    QCOMPARE(window.speed(), 4.0);

    QTest::keyClick(&window, Qt::Key_P);
    QVERIFY(window.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(window.playTime() && *window.playTime() > start + 0.5, 3000);
    QTest::keyClick(&window, Qt::Key_P);
    QVERIFY(!window.isPlaying());
    const double paused = *window.playTime();
    QTest::qWait(250);
    QCOMPARE(*window.playTime(), paused);
    // The playback state is drawn in the header's free corner, under the step counter: the
    // slide without it is one colour there, and it changes nothing else.
    {
        const QSize size(1920, 1080);
        const QImage withState = window.currentSlide(size);
        const QImage plain =
            renderer.render(window.currentScene(), window.currentStep(), size, paused);
        const QRect area = LessonSlideRenderer::statusArea(size).toAlignedRect();
        QVERIFY(area.isValid() && area.top() > 0);
        int changed = 0;
        QSet<QRgb> plainColours;
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x) {
                if (area.contains(x, y))
                    plainColours.insert(plain.pixel(x, y));
                if (withState.pixel(x, y) == plain.pixel(x, y))
                    continue;
                ++changed;
                QVERIFY2(area.contains(x, y), qPrintable(QStringLiteral("%1,%2").arg(x).arg(y)));
            }
        QVERIFY(changed > 50);
        QCOMPARE(plainColours.size(), 1);
    }
    // Playing lets the caption follow the playhead: at 4× it reaches the second step soon.
    QTest::keyClick(&window, Qt::Key_P);
    const double second = renderer.stepTime(1, 1);
    QTRY_VERIFY_WITH_TIMEOUT(window.currentStep() == 1, 3000);
    QVERIFY(*window.playTime() >= second);
    QTest::keyClick(&window, Qt::Key_Right); // a step key stops playback on that step
    QVERIFY(!window.isPlaying());
    QVERIFY(!window.playTime());

    QTest::keyClick(&window, Qt::Key_B);
    QVERIFY(window.isBlank());
    const QImage blank = window.currentSlide(QSize(160, 90));
    QCOMPARE(sampledColours(blank), 1);
    QCOMPARE(blank.pixel(80, 45), qRgb(0, 0, 0));
    const int step = window.currentStep();
    QTest::keyClick(&window, Qt::Key_Right); // any key brings the slide back, without moving
    QVERIFY(!window.isBlank());
    QCOMPARE(window.currentStep(), step);
    QVERIFY(sampledColours(window.currentSlide(QSize(320, 180))) > 20);
}

// N opens the presenter view: the step's notes, the next slide and the time; it follows the
// slides and N hides it again, while the keys keep driving the slides.
void TestLessonPresentation::presenterViewFollowsTheSlides() {
    PresentationWindow window(deck_, false);
    window.resize(640, 360);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.presenterView());
    QTest::keyClick(&window, Qt::Key_N);
    PresenterView* view = window.presenterView();
    QVERIFY(view && view->isVisible());
    QCOMPARE(window.currentScene(), 0); // N does not move the slides
    const jobscope::LessonStep& first = deck_->lesson.scenes[0].steps[0];
    QVERIFY(!first.notes.empty());
    QCOMPARE(view->notesText(), QString::fromStdString(first.notes));
    QVERIFY(view->positionText().startsWith(QStringLiteral("Scene 1/")));
    QVERIFY(view->hasNextSlide());
    QVERIFY(view->elapsedText().contains(QStringLiteral("0:0")));
    // It follows the slides; a step without notes says so.
    QTest::keyClick(&window, Qt::Key_Right);
    QVERIFY(view->positionText().startsWith(QStringLiteral("Scene 2/")));
    const jobscope::LessonStep& second = deck_->lesson.scenes[1].steps[0];
    QCOMPARE(view->notesText(), second.notes.empty() ? QStringLiteral("No notes for this step.")
                                                     : QString::fromStdString(second.notes));
    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(view->notesText(), QString::fromStdString(deck_->lesson.scenes[1].steps[1].notes));
    // The last slide has no next one.
    QTest::keyClick(&window, Qt::Key_End);
    QVERIFY(!view->hasNextSlide());
    window.setChinese(true);
    QCOMPARE(view->notesText(),
             QString::fromStdString(deck_->lesson.scenes.back().steps.back().notesZh));
    QTest::keyClick(&window, Qt::Key_N);
    QVERIFY(!view->isVisible());
}

QTEST_MAIN(TestLessonPresentation)
#include "tst_lesson_presentation.moc"
