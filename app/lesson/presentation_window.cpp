// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/presentation_window.h"

#include "gui/media_icons.h"

#include "edit/job_knobs.h"
#include "editor/knob_panel.h"
#include "lesson/lesson_slide.h"
#include "lesson/presenter_view.h"
#include "run/moment.h"
#include "scenario/scenario_reader.h"
#include "sim/simulator.h"

#include "gui/engine_messages.h"

#include <QEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace jobscope::ui {

namespace {

constexpr int kFrameMs = 100;       // playback redraws ten times a second
constexpr int kCursorIdleMs = 2000; // the cursor hides after this long without movement
constexpr std::array<double, 7> kSpeeds = {0.5, 1, 2, 4, 8, 16, 32};

} // namespace

PresentationWindow::PresentationWindow(std::shared_ptr<const LessonDeck> deck, bool chinese,
                                       QWidget* parent)
    : QWidget(parent, Qt::Window), deck_(std::move(deck)),
      renderer_(std::make_unique<LessonSlideRenderer>(deck_, chinese)) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 180);
    resize(1280, 720);
    playTimer_ = new QTimer(this);
    playTimer_->setInterval(kFrameMs);
    connect(playTimer_, &QTimer::timeout, this, &PresentationWindow::advancePlayback);
    cursorTimer_ = new QTimer(this);
    cursorTimer_->setSingleShot(true);
    cursorTimer_->setInterval(kCursorIdleMs);
    connect(cursorTimer_, &QTimer::timeout, this, [this] { setCursor(Qt::BlankCursor); });
    cursorTimer_->start();
    retranslate();
}

PresentationWindow::~PresentationWindow() {
    delete presenterView_;
}

void PresentationWindow::togglePresenterView() {
    if (!presenterView_) {
        presenterView_ = new PresenterView(deck_, renderer_->chinese());
        presenterView_->showStep(scene_, step_);
        connect(this, &PresentationWindow::positionChanged, presenterView_,
                &PresenterView::showStep);
        // On another screen than the slides when there is one: the presenter's laptop.
        for (QScreen* screen : QGuiApplication::screens())
            if (screen != this->screen()) {
                presenterView_->setGeometry(screen->availableGeometry());
                break;
            }
    }
    if (presenterView_->isVisible()) {
        presenterView_->hide();
        return;
    }
    presenterView_->show();
    activateWindow(); // the keys keep driving the slides
}

bool PresentationWindow::cursorHidden() const {
    return cursor().shape() == Qt::BlankCursor;
}

void PresentationWindow::setChinese(bool chinese) {
    renderer_->setChinese(chinese);
    if (presenterView_)
        presenterView_->setChinese(chinese);
    retranslate();
    invalidate();
}

void PresentationWindow::retranslate() {
    setWindowTitle(tr("JobScope presentation: %1")
                       .arg(QString::fromStdString(localized(
                           deck_->lesson.title, deck_->lesson.titleZh, renderer_->chinese()))));
    if (knobBox_) {
        knobTitle_->setText(tr("What if… (K hides the knobs)"));
        knobReset_->setText(tr("Reset to the lesson's run"));
    }
}

bool PresentationWindow::knobsShown() const {
    return knobBox_ && knobBox_->isVisible();
}

void PresentationWindow::toggleKnobs() {
    if (!knobBox_) {
        knobBox_ = new QWidget(this);
        knobBox_->setObjectName(QStringLiteral("lessonKnobs"));
        knobBox_->setAutoFillBackground(true);
        auto* layout = new QVBoxLayout(knobBox_);
        knobTitle_ = new QLabel(knobBox_);
        QFont bold = knobTitle_->font();
        bold.setBold(true);
        knobTitle_->setFont(bold);
        knobPanel_ = new KnobPanel(knobBox_);
        knobPanel_->setOneColumn(true);
        knobError_ = new QLabel(knobBox_);
        knobError_->setWordWrap(true);
        knobError_->setStyleSheet(QStringLiteral("color:#c0392b;"));
        knobReset_ = new QPushButton(knobBox_);
        layout->addWidget(knobTitle_);
        layout->addWidget(knobPanel_);
        layout->addWidget(knobError_);
        layout->addWidget(knobReset_);
        layout->addStretch();
        connect(knobPanel_, &KnobPanel::knobEdited, this, &PresentationWindow::knobTurned);
        connect(knobReset_, &QPushButton::clicked, this, &PresentationWindow::resetWhatIf);
        knobBox_->hide();
        retranslate();
    }
    if (knobBox_->isVisible()) {
        knobBox_->hide();
        setFocus();
        return;
    }
    if (deck_->lesson.scenes.at(static_cast<size_t>(scene_)).isText())
        return; // a slide of words runs nothing
    loadKnobs();
    placeKnobs();
    knobBox_->show();
    showCursor();
}

// Over the right edge of the slide, below its header: the plot stays in view beside it.
void PresentationWindow::placeKnobs() {
    if (!knobBox_)
        return;
    // One knob per line, narrow: the slide keeps most of the room.
    const int width = std::min(this->width() / 3, 380);
    const int top = static_cast<int>(LessonSlideRenderer::statusArea(size()).bottom()) + 8;
    knobBox_->setGeometry(this->width() - width - 8, top, width,
                          std::min(height() - top - 8, knobBox_->sizeHint().height()));
}

// The knobs of the current scene's scenario as the lesson wrote it, or as the what-if left it.
void PresentationWindow::loadKnobs() {
    if (!knobPanel_)
        return;
    const LessonScene& scene = deck_->lesson.scenes.at(static_cast<size_t>(scene_));
    if (renderer_->whatIfScene() != scene_) {
        whatIfText_ = scene.scenario.text;
        turnedKnobs_.clear();
    }
    knobError_->clear();
    knobPanel_->showText(QString::fromStdString(whatIfText_));
}

// A knob turned: the scenario with its new value, run now (a lesson's scenarios take
// milliseconds), shown instead of the lesson's run with what it changed and cost.
void PresentationWindow::knobTurned(const QString& key) {
    QString error;
    const std::optional<edit::KnobSetting> setting = knobPanel_->settingFor(key, &error);
    if (!setting) {
        knobError_->setText(error);
        return;
    }
    const edit::YamlEdit edited = edit::applyKnobSetting(whatIfText_, *setting);
    if (!edited.ok()) {
        knobError_->setText(QString::fromStdString(edited.error));
        return;
    }
    const LessonScene& scene = deck_->lesson.scenes.at(static_cast<size_t>(scene_));
    Diagnostics diagnostics;
    const std::optional<Scenario> scenario =
        readScenarioText(edited.text, scene.scenario.textFile, diagnostics);
    if (!scenario || diagnostics.hasErrors()) {
        knobError_->setText(diagnostics.items().empty()
                                ? tr("this value cannot be simulated")
                                : localizedFormat(diagnostics.items().front()));
        return;
    }
    if (const std::optional<Message> tooLarge = checkSimulationSize(*scenario)) {
        knobError_->setText(localizedMessage(*tooLarge));
        return;
    }
    knobError_->clear();
    whatIfText_ = edited.text;
    turnedKnobs_.removeAll(key);
    turnedKnobs_ << key;

    const SceneRun& lesson = deck_->runs.at(static_cast<size_t>(scene_));
    auto run = std::make_shared<SceneRun>();
    run->main = runWholeScenario(*scenario);
    run->compare = lesson.compare;
    // "parallelism = 8, completions = 12: done at 14.2 s, 61 Pod-seconds (the lesson's run: …)".
    QStringList changes;
    for (const QString& turned : turnedKnobs_) {
        const std::optional<edit::Knob> knob = edit::knobFromKey(turned.toStdString());
        if (!knob)
            continue;
        const edit::KnobReading reading = edit::readKnob(whatIfText_, *knob);
        const QString value = reading.number
                                  ? QString::fromStdString(edit::formatKnobNumber(*reading.number))
                              : reading.choice.empty() ? tr("unset")
                                                       : QString::fromStdString(reading.choice);
        // The knob's key is the field's name, which the lesson's YAML uses too.
        changes << tr("%1 = %2").arg(turned, value);
    }
    // Each run's figures as a side-by-side slide gives them once a run is over.
    const auto figures = [](const Run& r) { return LessonSlideRenderer::runFigures(r, r.end); };
    whatIfCaption_ = tr("What if %1: %2 (the lesson's run: %3).")
                         .arg(changes.join(tr(", ")), figures(run->main), figures(lesson.main));
    renderer_->setWhatIf(scene_, std::move(run), whatIfCaption_);
    invalidate();
}

void PresentationWindow::resetWhatIf() {
    renderer_->clearWhatIf();
    whatIfCaption_.clear();
    turnedKnobs_.clear();
    loadKnobs();
    invalidate();
}

void PresentationWindow::goTo(int scene, int step) {
    if (deck_->sceneCount() == 0)
        return;
    scene = std::clamp(scene, 0, deck_->sceneCount() - 1);
    step = std::clamp(step, 0, std::max(0, deck_->stepCount(scene) - 1));
    const bool moved = scene != scene_ || step != step_;
    const bool otherScene = scene != scene_;
    scene_ = scene;
    step_ = step;
    if (otherScene && renderer_->whatIfScene()) {
        // A what-if belongs to its scene: the next one starts from the lesson's run.
        renderer_->clearWhatIf();
        whatIfCaption_.clear();
    }
    if (otherScene && knobsShown()) {
        if (deck_->lesson.scenes.at(static_cast<size_t>(scene_)).isText())
            knobBox_->hide();
        else
            loadKnobs();
    }
    playing_ = false;
    playTime_.reset();
    playTimer_->stop();
    invalidate();
    if (moved)
        emit positionChanged(scene_, step_);
}

void PresentationWindow::nextStep() {
    if (step_ + 1 < deck_->stepCount(scene_))
        goTo(scene_, step_ + 1);
    else if (scene_ + 1 < deck_->sceneCount())
        goTo(scene_ + 1, 0);
    else
        goTo(scene_, step_); // the last step: stays, but a running playback stops
}

void PresentationWindow::previousStep() {
    if (step_ > 0)
        goTo(scene_, step_ - 1);
    else if (scene_ > 0)
        goTo(scene_ - 1, deck_->stepCount(scene_ - 1) - 1);
    else
        goTo(0, 0);
}

double PresentationWindow::sceneEnd() const {
    const SceneRun& run = renderer_->sceneRun(scene_);
    return std::max(run.main.end, run.compare ? run.compare->end : 0.0);
}

void PresentationWindow::togglePlay() {
    if (playing_) {
        playing_ = false;
        playTimer_->stop();
        return;
    }
    if (!playTime_ || *playTime_ >= sceneEnd())
        playTime_ = renderer_->stepTime(scene_, step_);
    if (*playTime_ >= sceneEnd())
        playTime_ = 0.0; // on the last moment: play the scene from its start
    playing_ = true;
    playTimer_->start();
    invalidate();
}

void PresentationWindow::advancePlayback() {
    if (!playing_ || !playTime_)
        return;
    *playTime_ = std::min(sceneEnd(), *playTime_ + speed_ * kFrameMs / 1000.0);
    // The caption follows the playhead: the last step at or before it.
    int step = 0;
    for (int i = 0; i < deck_->stepCount(scene_); ++i)
        if (renderer_->stepTime(scene_, i) <= *playTime_ + kMomentTolerance)
            step = i;
    if (step != step_) {
        step_ = step;
        emit positionChanged(scene_, step_);
    }
    if (*playTime_ >= sceneEnd()) {
        playing_ = false;
        playTimer_->stop();
    }
    invalidate();
}

void PresentationWindow::faster() {
    const auto it = std::upper_bound(kSpeeds.begin(), kSpeeds.end(), speed_);
    if (it != kSpeeds.end())
        speed_ = *it;
    invalidate();
}

void PresentationWindow::slower() {
    const auto it = std::lower_bound(kSpeeds.begin(), kSpeeds.end(), speed_);
    if (it != kSpeeds.begin())
        speed_ = *(it - 1);
    invalidate();
}

void PresentationWindow::toggleBlank() {
    blank_ = !blank_;
    update();
}

QImage PresentationWindow::currentSlide(QSize size) {
    if (size.isEmpty())
        size = this->size();
    if (blank_) {
        QImage black(size, QImage::Format_RGB32);
        black.fill(Qt::black);
        return black;
    }
    QImage slide = renderer_->render(scene_, step_, size, playTime_);
    if (playTime_) {
        // The playback state in a corner, small: the room reads the slide, not this.
        QPainter painter(&slide);
        // Drawn icons: not every font has ▶ and ⏸.
        const QRectF area = LessonSlideRenderer::statusArea(size);
        const QColor ink(190, 200, 215);
        QFont font;
        font.setPixelSize(std::max(9, static_cast<int>(area.height() * 0.8)));
        painter.setFont(font);
        painter.setPen(ink);
        const QString speed = tr("×%1").arg(speed_);
        const double textWidth = QFontMetricsF(font).horizontalAdvance(speed);
        painter.drawText(area, Qt::AlignRight | Qt::AlignVCenter, speed);
        QPalette inkPalette;
        inkPalette.setColor(QPalette::Active, QPalette::ButtonText, ink);
        const int side = std::max(8, static_cast<int>(area.height() * 0.7));
        const QIcon icon = mediaIcon(playing_ ? MediaIcon::Play : MediaIcon::Pause, inkPalette);
        const QPointF at(area.right() - textWidth - side * 1.3, area.center().y() - side / 2.0);
        painter.drawPixmap(at, icon.pixmap(QSize(side, side), QIcon::Normal, QIcon::On));
    }
    return slide;
}

void PresentationWindow::invalidate() {
    cache_ = QImage();
    update();
}

void PresentationWindow::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (blank_) {
        painter.fillRect(rect(), Qt::black);
        return;
    }
    if (cache_.size() != size())
        cache_ = currentSlide(size());
    painter.drawImage(0, 0, cache_);
}

void PresentationWindow::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    if (key == Qt::Key_Escape) {
        if (knobsShown())
            toggleKnobs(); // Esc first puts the knobs away
        else
            close();
        return;
    }
    if (blank_ && key != Qt::Key_B) {
        toggleBlank(); // any key brings the slide back, as presentation software does
        return;
    }
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
    case Qt::Key_Down:
        nextStep();
        break;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
        previousStep();
        break;
    case Qt::Key_Home:
        goTo(0, 0);
        break;
    case Qt::Key_End:
        goTo(deck_->sceneCount() - 1, deck_->stepCount(deck_->sceneCount() - 1) - 1);
        break;
    case Qt::Key_P:
        togglePlay();
        break;
    case Qt::Key_N:
        togglePresenterView();
        break;
    case Qt::Key_K:
        toggleKnobs();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: // + without Shift on most layouts
        faster();
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        slower();
        break;
    case Qt::Key_B:
    case Qt::Key_Period: // the "blank" button of many presenter clickers
        toggleBlank();
        break;
    default:
        if (key >= Qt::Key_0 && key <= Qt::Key_9) {
            // "1" jumps to scene 1 at once; "1" then "2" within a second goes on to scene 12.
            // A combination past the last scene starts again from the new digit.
            const QString digit(QChar(u'0' + (key - Qt::Key_0)));
            const bool continues = typedAt_.isValid() && typedAt_.elapsed() < 1000;
            typedScene_ = continues ? typedScene_ + digit : digit;
            if (typedScene_.toInt() > deck_->sceneCount())
                typedScene_ = digit;
            typedAt_.start();
            const int scene = typedScene_.toInt();
            if (scene >= 1)
                goTo(scene - 1, 0);
            break;
        }
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PresentationWindow::showCursor() {
    if (cursorHidden())
        unsetCursor();
    cursorTimer_->start();
}

void PresentationWindow::mouseMoveEvent(QMouseEvent* event) {
    showCursor();
    QWidget::mouseMoveEvent(event);
}

void PresentationWindow::mousePressEvent(QMouseEvent* event) {
    showCursor();
    if (event->button() == Qt::LeftButton)
        nextStep();
    else if (event->button() == Qt::RightButton)
        previousStep();
    else
        QWidget::mousePressEvent(event);
}

void PresentationWindow::resizeEvent(QResizeEvent* event) {
    cache_ = QImage();
    placeKnobs();
    QWidget::resizeEvent(event);
}

void PresentationWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        invalidate(); // the counter and figures on the slide are translated
    }
    QWidget::changeEvent(event);
}

} // namespace jobscope::ui
