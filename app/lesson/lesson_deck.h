// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A lesson ready to show: the file read (from disk or the app's resources), every scene
// simulated and every step resolved. Shared by the slide renderer, presentation mode and
// `jobscope lesson`.

#include "lesson/lesson.h"
#include "lesson/lesson_run.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace jobscope::ui {

struct LessonDeck {
    Lesson lesson;
    std::vector<SceneRun> runs; // one per scene
    QString warnings;           // what the lesson's check warned of, one per line ("" for none)

    int sceneCount() const { return static_cast<int>(lesson.scenes.size()); }
    int stepCount(int scene) const {
        return static_cast<int>(lesson.scenes.at(static_cast<size_t>(scene)).steps.size());
    }
    int totalSteps() const;
    // The position of (scene, step) among all steps, from 0.
    int flatIndex(int scene, int step) const;
};

class LessonDeckLoader {
    Q_DECLARE_TR_FUNCTIONS(LessonDeckLoader)

public:
    // The lesson compiled into the app.
    static QString builtInLessonPath();
    // Reads `path` (a file, or ":/..." in the resources), simulates every scene and checks
    // every step in both languages. On failure returns nullptr and sets `error` to the
    // messages, one per line, as `FILE:LINE:COLUMN: error: ...`.
    static std::shared_ptr<const LessonDeck> load(const QString& path, QString* error);
};

// "en" / "zh_CN" / "" (the system locale) -> whether lesson texts are shown in Chinese.
bool lessonLanguageIsChinese(const QString& language);

} // namespace jobscope::ui
