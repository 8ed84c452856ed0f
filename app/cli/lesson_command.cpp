// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/lesson_command.h"

#include "cli/cli.h"
#include "cli/output.h"
#include "cli/translation.h"
#include "gui/data_paths.h"
#include "lesson/lesson_deck.h"
#include "lesson/lesson_presenter.h"
#include "lesson/lesson_slide.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QRegularExpression>

namespace jobscope::cli {

namespace {

constexpr int kDefaultWidth = 1920;
constexpr int kDefaultHeight = 1080;
constexpr int kMinSide = 64;
constexpr int kMaxSide = 8000;

class LessonCommand {
    Q_DECLARE_TR_FUNCTIONS(LessonCommand)

public:
    static int run(const QStringList& arguments) {
        QCommandLineParser parser;
        addOptions(parser);
        const QString program = QStringLiteral("jobscope lesson");
        if (!parser.parse(arguments)) {
            printError(parser.errorText());
            writeErr(tr("Run 'jobscope lesson --help' for usage.") + QLatin1Char('\n'));
            return ExitBadInput;
        }
        if (parser.isSet(QStringLiteral("help")))
            return writeOut(helpText(parser, program)) ? ExitSuccess : ExitFailure;

        const QStringList files = parser.positionalArguments();
        if (files.size() > 1) {
            printError(tr("expected at most one lesson FILE, got %1: %2")
                           .arg(files.size())
                           .arg(files.join(QLatin1Char(' '))));
            return ExitBadInput;
        }
        QSize size(kDefaultWidth, kDefaultHeight);
        if (parser.isSet(QStringLiteral("size"))) {
            const QString value = parser.value(QStringLiteral("size"));
            const QRegularExpressionMatch m =
                QRegularExpression(QStringLiteral("^(\\d{1,5})[xX×](\\d{1,5})$")).match(value);
            size = m.hasMatch() ? QSize(m.captured(1).toInt(), m.captured(2).toInt()) : QSize();
            if (size.width() < kMinSide || size.height() < kMinSide || size.width() > kMaxSide ||
                size.height() > kMaxSide) {
                printError(tr("--size: '%1' is not WIDTHxHEIGHT in pixels, each from %2 to %3 "
                              "(such as 1920x1080)")
                               .arg(value)
                               .arg(kMinSide)
                               .arg(kMaxSide));
                return ExitBadInput;
            }
        }
        const QString dir = parser.value(QStringLiteral("png-dir"));
        if (parser.isSet(QStringLiteral("png-dir")) && dir.isEmpty()) {
            printError(tr("--png-dir: the directory name is empty"));
            return ExitBadInput;
        }
        const QString pdf = parser.value(QStringLiteral("pdf"));
        if (parser.isSet(QStringLiteral("pdf")) && pdf.isEmpty()) {
            printError(tr("--pdf: the file name is empty"));
            return ExitBadInput;
        }
        if ((!dir.isEmpty() || !pdf.isEmpty()) &&
            !qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
            printError(tr("cannot draw the slides: no graphical application was created"));
            return ExitFailure;
        }

        const QString path =
            files.isEmpty() ? ui::LessonDeckLoader::builtInLessonPath() : files.first();
        QString error;
        const std::shared_ptr<const ui::LessonDeck> deck = ui::LessonDeckLoader::load(path, &error);
        if (!deck) {
            writeErr(error + QLatin1Char('\n'));
            return ExitBadInput;
        }
        if (!deck->warnings.isEmpty())
            writeErr(deck->warnings + QLatin1Char('\n'));
        const QString language = languageFromArguments(arguments);
        const bool chinese = ui::lessonLanguageIsChinese(language);

        if (dir.isEmpty() && pdf.isEmpty())
            return writeOut(outline(deck, chinese)) ? ExitSuccess : ExitFailure;

        if (!pdf.isEmpty()) {
            int pages = 0;
            if (!ui::LessonPresenter::exportHandout(deck, pdf, chinese, &error, &pages)) {
                printError(error);
                return ExitFailure;
            }
            writeOut(tr("%n page(s) in %1", "", pages).arg(pdf) + QLatin1Char('\n'));
            if (dir.isEmpty())
                return ExitSuccess;
        }

        QStringList written;
        const bool ok = ui::LessonPresenter::exportDeck(deck, dir, size, chinese, &error, &written);
        for (const QString& file : written)
            writeOut(tr("wrote %1").arg(file) + QLatin1Char('\n'));
        if (!ok) {
            printError(error);
            return ExitFailure;
        }
        writeOut(tr("%n slide(s) of %1×%2 pixels in %3", "", static_cast<int>(written.size()))
                     .arg(size.width())
                     .arg(size.height())
                     .arg(dir) +
                 QLatin1Char('\n'));
        return ExitSuccess;
    }

private:
    static void addOptions(QCommandLineParser& parser) {
        parser.setApplicationDescription(
            tr("Renders a lesson as a deck of PNG slides, one per step of every scene, named\n"
               "NN-MM-<scene>.png (scene NN, step MM), to drop into your own slides.\n"
               "--pdf writes a handout instead (or as well). Without either, prints the\n"
               "lesson's scenes, steps and captions.\n"
               "\n"
               "FILE is a lesson (%1); without it, the built-in lesson on Job\n"
               "parallelism. Captions and titles are in the language of --lang.")
                .arg(ui::documentationPath(QStringLiteral("lesson.md"))));
        parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                            tr("Show this help and exit.")));
        parser.addOption(QCommandLineOption(QStringLiteral("png-dir"),
                                            tr("Write the slides as PNG files to DIR (created "
                                               "if needed; existing slides are replaced)."),
                                            tr("DIR")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("pdf"),
            tr("Write the lesson as a PDF handout to F: its scenes on a first page, then every "
               "slide, one to an A4 page."),
            tr("F")));
        parser.addOption(QCommandLineOption(QStringLiteral("size"),
                                            tr("Size of the slides in pixels (default %1x%2).")
                                                .arg(kDefaultWidth)
                                                .arg(kDefaultHeight),
                                            tr("WxH")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("lang"),
            tr("Language of the slides and messages, such as zh_CN or en (default: the locale)."),
            tr("language")));
        parser.addPositionalArgument(QStringLiteral("FILE"),
                                     tr("The lesson (YAML); default: the built-in lesson."));
    }

    // "1. Title" then "   1.1  12.3 s  Caption" per step.
    static QString outline(const std::shared_ptr<const ui::LessonDeck>& deck, bool chinese) {
        ui::LessonSlideRenderer renderer(deck, chinese);
        QString out =
            QString::fromStdString(localized(deck->lesson.title, deck->lesson.titleZh, chinese)) +
            QLatin1Char('\n');
        for (int scene = 0; scene < deck->sceneCount(); ++scene) {
            out += QStringLiteral("\n%1. %2\n").arg(scene + 1).arg(renderer.sceneTitle(scene));
            const LessonScene& s = deck->lesson.scenes[static_cast<size_t>(scene)];
            if (s.isText()) {
                for (const std::string& point :
                     chinese && !s.pointsZh.empty() ? s.pointsZh : s.points)
                    out += QStringLiteral("   • %1\n").arg(QString::fromStdString(point));
                continue;
            }
            for (int step = 0; step < deck->stepCount(scene); ++step)
                out += QStringLiteral("   %1.%2  %3 s  %4\n")
                           .arg(scene + 1)
                           .arg(step + 1)
                           .arg(renderer.stepTime(scene, step), 6, 'f', 1)
                           .arg(renderer.caption(scene, step));
        }
        return out;
    }
};

} // namespace

int runLesson(const QStringList& arguments) {
    return LessonCommand::run(arguments);
}

} // namespace jobscope::cli
