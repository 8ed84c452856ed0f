// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lesson_presenter.h"

#include "plot/export_file.h"
#include "plot/png_file.h"

#include "lesson/lesson_deck.h"
#include "lesson/lesson_slide.h"
#include "lesson/presentation_window.h"

#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <QSaveFile>
#include <qcustomplot.h>

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

namespace {

// The handout's page: A4 landscape, 12 mm margins, drawn at 300 units per inch.
constexpr int kHandoutUnitsPerInch = 300;
constexpr double kHandoutMarginMillimeters = 12;
// Each slide is drawn at this size and scaled onto the page: the size the deck is shown at.
const QSize kHandoutSlideSize(1920, 1080);

} // namespace

bool LessonPresenter::exportHandout(const std::shared_ptr<const LessonDeck>& deck,
                                    const QString& path, bool chinese, QString* error, int* pages) {
    LessonSlideRenderer renderer(deck, chinese);
    const Lesson& lesson = deck->lesson;
    const QString title = QString::fromStdString(localized(lesson.title, lesson.titleZh, chinese));
    int written = 0;
    const auto write = [&](QIODevice* device, QString* why) {
        QPdfWriter writer(device);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("JobScope %1").arg(QStringLiteral(JOBSCOPE_VERSION)));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(kHandoutMarginMillimeters, kHandoutMarginMillimeters,
                                        kHandoutMarginMillimeters, kHandoutMarginMillimeters),
                              QPageLayout::Millimeter);
        writer.setResolution(kHandoutUnitsPerInch);
        QCPPainter painter;
        if (!painter.begin(&writer)) {
            *why = tr("the PDF could not be started");
            return false;
        }
        // The slides' text and charts as vectors: sharp when printed, and a small file.
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        const int total = 1 + deck->totalSteps();
        QFont footerFont = painter.font();
        footerFont.setPointSizeF(9);
        const auto footer = [&](const QString& text) {
            painter.setFont(footerFont);
            painter.setPen(Qt::darkGray);
            painter.drawText(page, Qt::AlignBottom | Qt::AlignLeft, text);
            painter.drawText(page, Qt::AlignBottom | Qt::AlignRight,
                             tr("%1 / %2").arg(written + 1).arg(total));
        };

        // The first page: what the lesson is and what it holds.
        QFont heading = painter.font();
        heading.setPointSizeF(24);
        heading.setBold(true);
        QFont body = painter.font();
        body.setPointSizeF(12);
        painter.setPen(Qt::black);
        painter.setFont(heading);
        QRectF bounds;
        painter.drawText(page, Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap, title, &bounds);
        double top = bounds.bottom() + page.height() * 0.03;
        painter.setFont(body);
        const QString description =
            QString::fromStdString(localized(lesson.description, lesson.descriptionZh, chinese));
        if (!description.isEmpty()) {
            painter.drawText(QRectF(0, top, page.width(), page.height() - top),
                             Qt::AlignTop | Qt::TextWordWrap, description, &bounds);
            top = bounds.bottom() + page.height() * 0.03;
        }
        QStringList scenes;
        for (int scene = 0; scene < deck->sceneCount(); ++scene)
            scenes << tr("%1. %2 (%n step(s))", "", deck->stepCount(scene))
                          .arg(scene + 1)
                          .arg(renderer.sceneTitle(scene));
        painter.drawText(QRectF(0, top, page.width(), page.height() - top),
                         Qt::AlignTop | Qt::TextWordWrap, scenes.join(QLatin1Char('\n')));
        footer(title);

        // One slide to a page, as large as the page allows.
        const double footerHeight = QFontMetricsF(footerFont, &writer).height() * 1.5;
        const QRectF room(0, 0, page.width(), page.height() - footerHeight);
        for (int scene = 0; scene < deck->sceneCount(); ++scene)
            for (int step = 0; step < deck->stepCount(scene); ++step) {
                if (!writer.newPage()) {
                    *why = tr("page %1 could not be started").arg(written + 2);
                    return false;
                }
                ++written;
                const QSizeF size =
                    QSizeF(kHandoutSlideSize).scaled(room.size(), Qt::KeepAspectRatio);
                painter.save();
                painter.translate((room.width() - size.width()) / 2, 0);
                painter.scale(size.width() / kHandoutSlideSize.width(),
                              size.height() / kHandoutSlideSize.height());
                renderer.paint(painter, scene, step, kHandoutSlideSize);
                painter.restore();
                footer(tr("%1 · step %2 of %3")
                           .arg(renderer.sceneTitle(scene))
                           .arg(step + 1)
                           .arg(deck->stepCount(scene)));
            }
        ++written;
        if (!painter.end()) {
            *why = tr("the PDF could not be finished");
            return false;
        }
        return true;
    };
    QString why;
    if (!writeExportFile(path, write, &why)) {
        if (error)
            *error = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    }
    if (pages)
        *pages = written;
    return true;
}

} // namespace jobscope::ui
