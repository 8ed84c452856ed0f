// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lesson_deck.h"

#include "gui/engine_messages.h"
#include "lesson/lesson_reader.h"
#include "live/read_input.h"

#include <QFile>
#include <QLocale>

#include <algorithm>

namespace jobscope::ui {

namespace {

// Reads lesson and scenario files through QFile, so that ":/lessons/..." works.
bool readWithQFile(const std::string& path, std::string& text, std::string& error) {
    Diagnostics diagnostics;
    const std::optional<QByteArray> content =
        live::readInputFile(QString::fromStdString(path), kMaxDocumentFileBytes, diagnostics);
    if (!content) {
        error = diagnostics.items().empty()
                    ? std::string("cannot read the file")
                    : localizedMessage(diagnostics.items().front()).toStdString();
        return false;
    }
    text.assign(content->constData(), static_cast<size_t>(content->size()));
    return true;
}

// Messages in file order, those without a position first, as a compiler prints them.
QString formatDiagnostics(const Diagnostics& diagnostics) {
    std::vector<Diagnostic> items = diagnostics.items();
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.position.line, a.position.column) <
               std::tie(b.file, b.position.line, b.position.column);
    });
    QStringList lines;
    for (const Diagnostic& d : items)
        lines << localizedFormat(d);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

int LessonDeck::totalSteps() const {
    int total = 0;
    for (const LessonScene& scene : lesson.scenes)
        total += static_cast<int>(scene.steps.size());
    return total;
}

int LessonDeck::flatIndex(int scene, int step) const {
    int index = 0;
    for (int s = 0; s < scene && s < sceneCount(); ++s)
        index += stepCount(s);
    return index + step;
}

QString LessonDeckLoader::builtInLessonPath() {
    return QStringLiteral(":/lessons/job-parallelism.yaml");
}

std::shared_ptr<const LessonDeck> LessonDeckLoader::load(const QString& path, QString* error) {
    Diagnostics diagnostics;
    std::optional<Lesson> lesson = readLessonFile(path.toStdString(), diagnostics, readWithQFile);
    std::optional<std::vector<SceneRun>> runs;
    if (lesson && !diagnostics.hasErrors())
        runs = checkLesson(*lesson, diagnostics);
    if (!lesson || !runs || diagnostics.hasErrors()) {
        if (error) {
            *error = formatDiagnostics(diagnostics);
            if (error->isEmpty())
                *error = tr("%1: error: the lesson could not be read").arg(path);
        }
        return nullptr;
    }
    auto deck = std::make_shared<LessonDeck>();
    deck->lesson = std::move(*lesson);
    deck->runs = std::move(*runs);
    deck->warnings = formatDiagnostics(diagnostics);
    return deck;
}

bool lessonLanguageIsChinese(const QString& language) {
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    return locale.language() == QLocale::Chinese;
}

} // namespace jobscope::ui
