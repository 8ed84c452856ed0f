// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the main window (View › Present F5, Lesson › Open Lesson…, File › Export Lesson) and
// `jobscope lesson` call: show a lesson full-screen, or write it as a deck of PNG slides.

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

#include <memory>

class QWidget;

namespace jobscope::ui {

class PresentationWindow;
struct LessonDeck;

class LessonPresenter {
    Q_DECLARE_TR_FUNCTIONS(LessonPresenter)

public:
    // The lesson compiled into the app (":/lessons/job-parallelism.yaml").
    static QString builtInLessonPath();

    // Opens `lessonPath` full-screen in presentation mode; `language` ("en", "zh_CN", "" for
    // the system locale) picks the scenes' texts. The window deletes itself when closed (Esc).
    // When the lesson cannot be read, shows the messages to the user (parented to `parent`)
    // and returns nullptr.
    static PresentationWindow* present(QWidget* parent, const QString& lessonPath,
                                       const QString& language);

    // Renders every step of every scene as `dir`/NN-MM-<slug>.png at `size` (NN the scene,
    // MM the step, from 01; the slug from the English scene title), each written atomically.
    // Creates `dir` if needed. On failure returns false and sets `error` (positioned
    // messages for a bad lesson). `written` receives the files written, in order.
    static bool exportPngs(const QString& lessonPath, const QString& dir, const QSize& size,
                           const QString& language, QString* error, QStringList* written = nullptr);

    // As exportPngs, for a lesson already loaded (LessonDeckLoader::load).
    static bool exportDeck(const std::shared_ptr<const LessonDeck>& deck, const QString& dir,
                           const QSize& size, bool chinese, QString* error,
                           QStringList* written = nullptr);

    // The lesson as a PDF handout at `path`, A4 landscape: a first page with the lesson's
    // title, description and scenes (text), then every step of every scene as its slide, one to
    // a page, with the scene and step in the footer. Written atomically. On failure returns
    // false and sets `error`; `pages` receives the number of pages written.
    static bool exportHandout(const std::shared_ptr<const LessonDeck>& deck, const QString& path,
                              bool chinese, QString* error, int* pages = nullptr);

    // The file name of a slide: "03-02-controller-lag-and-slow-start.png".
    static QString slideFileName(int scene, int step, const QString& sceneTitle);
};

} // namespace jobscope::ui
