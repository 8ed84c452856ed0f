// SPDX-License-Identifier: GPL-3.0-or-later
// lesson/text_wrap.h: a slide's text never ends on a line of one or two characters, or of a word
// alone under a wide line — every caption of the built-in lesson, English and Chinese, at the
// widths a slide's caption box has — and the wrapping otherwise stays as Qt's (as many lines,
// nothing lost).

#include "lesson/lesson_reader.h"
#include "lesson/text_wrap.h"
#include "support/test_paths.h"

#include <QFont>
#include <QFontMetricsF>
#include <QTest>

#include <algorithm>

using namespace jobscope;
using namespace jobscope::ui;

class TestTextWrap : public QObject {
    Q_OBJECT

private slots:
    void noLoneLastCharacters_data() {
        QTest::addColumn<QString>("text");
        Diagnostics diagnostics;
        const auto lesson = readLessonFile(
            (test::sourceDir() + QStringLiteral("/resources/lessons/job-parallelism.yaml"))
                .toStdString(),
            diagnostics);
        if (!lesson)
            qFatal("the built-in lesson does not read");
        int n = 0;
        for (const LessonScene& scene : lesson->scenes)
            for (const LessonStep& step : scene.steps)
                for (const std::string& caption : {step.caption, step.captionZh})
                    if (!caption.empty())
                        QTest::addRow("caption %d", ++n) << QString::fromStdString(caption);
    }

    void noLoneLastCharacters() {
        QFETCH(QString, text);
        QFont font;
        font.setPixelSize(40);
        font.setBold(true);
        const double full = QFontMetricsF(font).horizontalAdvance(text);
        // A slide's caption box holds 20 to 40 of its type's size (1280x720 to 1920x1080).
        for (double width = 20 * 40; width < std::min(full, 40.0 * 40); width += 7) {
            const QStringList lines = balancedLines(text, font, width);
            QVERIFY(!lines.isEmpty());
            // Nothing lost: the lines hold the text (spaces at the breaks aside).
            QCOMPARE(lines.join(QString()).remove(QLatin1Char(' ')),
                     QString(text).remove(QLatin1Char(' ')));
            for (const QString& line : lines)
                QVERIFY(QFontMetricsF(font).horizontalAdvance(line) <= width + 1);
            QVERIFY2(
                lines.size() == 1 ||
                    (lines.last().size() >= 3 &&
                     QFontMetricsF(font).horizontalAdvance(lines.last()) >= 0.2 * width),
                qPrintable(
                    QStringLiteral("at %1 px the last line is '%2'").arg(width).arg(lines.last())));
        }
    }

    // A text that Qt would end with a lone character gets a narrower, balanced wrap.
    void loneCharacterMovesDown() {
        QFont font;
        font.setPixelSize(40);
        const QString text = QStringLiteral("第 34 秒有 Pod 成功，而成功会把失败计数清零。");
        const QFontMetricsF metrics(font);
        const double full = metrics.horizontalAdvance(text);
        // The width at which the last character alone would wrap: just short of the whole.
        const double width = full - metrics.horizontalAdvance(QStringLiteral("。")) / 2;
        const QStringList lines = balancedLines(text, font, width);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.last().size() >= 3, qPrintable(lines.last()));
    }

    // A word and its full stop alone under a wide line ("Pod。") move down with company.
    void loneWordMovesDown() {
        QFont font;
        font.setPixelSize(40);
        const QString text =
            QStringLiteral("已挂起：控制器删除它的 Pod（3 个正在终止），并且不再启动新的 Pod。");
        const QFontMetricsF metrics(font);
        const double width = metrics.horizontalAdvance(text) -
                             metrics.horizontalAdvance(QStringLiteral(" Pod。")) * 0.9;
        QCOMPARE(QStringLiteral("Pod。"), wrappedLines(text, font, width).last());
        const QStringList lines = balancedLines(text, font, width);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(metrics.horizontalAdvance(lines.last()) >= 0.2 * width, qPrintable(lines.last()));
    }
};

QTEST_MAIN(TestTextWrap)
#include "tst_text_wrap.moc"
