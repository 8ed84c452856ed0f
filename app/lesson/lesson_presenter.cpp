// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lesson_presenter.h"

#include "plot/png_file.h"

#include "lesson/lesson_deck.h"
#include "lesson/lesson_slide.h"
#include "lesson/presentation_window.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>

namespace jobscope::ui {

namespace {

constexpr int kMaxSlugLength = 48;

QString slug(const QString& title) {
    QString out;
    for (const QChar c : title.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            out += c;
        else if (!out.isEmpty() && !out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    if (out.size() > kMaxSlugLength) {
        out.truncate(kMaxSlugLength);
        const qsizetype lastWord = out.lastIndexOf(QLatin1Char('-'));
        if (lastWord > 0)
            out.truncate(lastWord); // whole words only
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("scene") : out;
}

} // namespace

QString LessonPresenter::builtInLessonPath() {
    return LessonDeckLoader::builtInLessonPath();
}

QString LessonPresenter::slideFileName(int scene, int step, const QString& sceneTitle) {
    return QStringLiteral("%1-%2-%3.png")
        .arg(scene + 1, 2, 10, QLatin1Char('0'))
        .arg(step + 1, 2, 10, QLatin1Char('0'))
        .arg(slug(sceneTitle));
}

PresentationWindow* LessonPresenter::present(QWidget* parent, const QString& lessonPath,
                                             const QString& language) {
    QString error;
    const std::shared_ptr<const LessonDeck> deck = LessonDeckLoader::load(lessonPath, &error);
    if (!deck) {
        QMessageBox::warning(parent, tr("Cannot open the lesson"), error);
        return nullptr;
    }
    auto* window = new PresentationWindow(deck, lessonLanguageIsChinese(language), parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->showFullScreen();
    window->activateWindow();
    window->setFocus();
    return window;
}

bool LessonPresenter::exportPngs(const QString& lessonPath, const QString& dir, const QSize& size,
                                 const QString& language, QString* error, QStringList* written) {
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (size.width() < 64 || size.height() < 64)
        return fail(tr("the slide size %1×%2 is too small (at least 64×64)")
                        .arg(size.width())
                        .arg(size.height()));
    QString loadError;
    const std::shared_ptr<const LessonDeck> deck = LessonDeckLoader::load(lessonPath, &loadError);
    if (!deck)
        return fail(loadError);
    return exportDeck(deck, dir, size, lessonLanguageIsChinese(language), error, written);
}

bool LessonPresenter::exportDeck(const std::shared_ptr<const LessonDeck>& deck, const QString& dir,
                                 const QSize& size, bool chinese, QString* error,
                                 QStringList* written) {
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (size.width() < 64 || size.height() < 64)
        return fail(tr("the slide size %1×%2 is too small (at least 64×64)")
                        .arg(size.width())
                        .arg(size.height()));
    if (!QDir().mkpath(dir))
        return fail(tr("cannot create the directory %1").arg(dir));
    LessonSlideRenderer renderer(deck, chinese);
    for (int scene = 0; scene < deck->sceneCount(); ++scene) {
        const QString title =
            QString::fromStdString(deck->lesson.scenes[static_cast<size_t>(scene)].title);
        for (int step = 0; step < deck->stepCount(scene); ++step) {
            const QString path = QDir(dir).filePath(slideFileName(scene, step, title));
            const QImage image = renderer.render(scene, step, size);
            if (!writePngFile(image, path, error))
                return false;
            if (written)
                *written << path;
        }
    }
    return true;
}

} // namespace jobscope::ui
