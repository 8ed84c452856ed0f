// SPDX-License-Identifier: GPL-3.0-or-later
// plot/step_line.h: a step line filled as rectangles covers the pixels Qt's stroker covers for
// the same pen (flat caps, mitre joins): solid and dashed, thin and wide, with a dash offset, on
// lines that zigzag as a per-pixel envelope does; a translucent one blends each pixel once; a
// line with a slanted segment is left to the stroker.

#include "plot/step_line.h"

#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

using namespace jobscope::ui;

namespace {

// A step line over `width` pixels: horizontal runs of 1 to 12 pixels, vertical jumps (some of
// them down and back up at one x, as an envelope's column), a repeated point now and then.
QVector<QPointF> stepLine(quint32 seed, int width, int height) {
    QRandomGenerator random(seed);
    QVector<QPointF> line;
    double x = 10.5;
    double y = height / 2.0;
    line << QPointF(x, y);
    while (x < width - 20) {
        x += 1 + random.bounded(12);
        line << QPointF(x, y);
        if (random.bounded(5) == 0) {
            const double dip = y + 5 + random.bounded(30);
            line << QPointF(x, std::min(dip, height - 10.0)) << QPointF(x, y);
        }
        if (random.bounded(9) == 0)
            line << QPointF(x, y);
        y = std::clamp(y + random.bounded(61) - 30.0, 10.0, height - 10.0);
        line << QPointF(x, y);
    }
    return line;
}

// A zoomed-out envelope: in each pixel column the line runs down to the column's lowest value,
// up to its highest, and on to the next column, so that the columns' strokes overlap side by
// side (filled as the union of their pixels).
QVector<QPointF> envelopeLine(quint32 seed, int width, int height) {
    QRandomGenerator random(seed);
    QVector<QPointF> line;
    double y = height / 2.0;
    line << QPointF(10, y);
    for (int x = 11; x < width - 20; ++x) {
        const double low = std::clamp(y + random.bounded(40), 10.0, height - 10.0);
        const double high = std::clamp(y - random.bounded(40), 10.0, height - 10.0);
        line << QPointF(x, y) << QPointF(x, low) << QPointF(x, high);
        y = std::clamp(y + random.bounded(21) - 10.0, 10.0, height - 10.0);
        line << QPointF(x, y);
    }
    return line;
}

// The tests' line of `seed` over their 640×240 images: an envelope or a step line.
QVector<QPointF> lineOf(quint32 seed, bool envelope) {
    return envelope ? envelopeLine(seed, 640, 240) : stepLine(seed, 640, 240);
}

QImage draw(const QVector<QPointF>& line, const QPen& pen, bool filled, bool antialiased) {
    QImage image(640, 240, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, antialiased);
    if (filled) {
        if (!fillAxisAlignedLine(&painter, pen, line))
            qFatal("a step line was refused");
    } else {
        painter.setPen(pen);
        painter.drawPolyline(line.constData(), static_cast<int>(line.size()));
    }
    return image;
}

} // namespace

class TestStepLine : public QObject {
    Q_OBJECT

private slots:
    void coversTheStrokersPixels_data() {
        QTest::addColumn<double>("width");
        QTest::addColumn<int>("style");
        QTest::addColumn<double>("dashOffset");
        QTest::addColumn<bool>("antialiased");
        QTest::addColumn<bool>("envelope");
        // Without antialiasing the rectangles are filled as whole pixels (the plot's path).
        for (const bool antialiased : {true, false}) {
            // The envelope's columns are filled as one union in whole pixels (the plot's path).
            for (const bool envelope : {false, true}) {
                if (envelope && antialiased)
                    continue;
                const auto row = [antialiased, envelope](const char* name) -> QTestData& {
                    return QTest::addRow("%s, %s%s", name,
                                         antialiased ? "antialiased" : "whole pixels",
                                         envelope ? ", envelope" : "");
                };
                row("solid, cosmetic")
                    << 0.0 << int(Qt::SolidLine) << 0.0 << antialiased << envelope;
                row("solid, 1.6 px") << 1.6 << int(Qt::SolidLine) << 0.0 << antialiased << envelope;
                row("solid, 3.3 px") << 3.3 << int(Qt::SolidLine) << 0.0 << antialiased << envelope;
                row("dashed, 2 px") << 2.0 << int(Qt::DashLine) << 0.0 << antialiased << envelope;
                row("dashed, 2 px, offset 1.3")
                    << 2.0 << int(Qt::DashLine) << 1.3 << antialiased << envelope;
                row("dotted, 1.6 px") << 1.6 << int(Qt::DotLine) << 0.0 << antialiased << envelope;
                row("dash-dot, 2.2 px, offset 5")
                    << 2.2 << int(Qt::DashDotLine) << 5.0 << antialiased << envelope;
            }
        }
    }

    void coversTheStrokersPixels() {
        QFETCH(double, width);
        QFETCH(int, style);
        QFETCH(double, dashOffset);
        QFETCH(bool, antialiased);
        QFETCH(bool, envelope);
        QPen pen(QColor(31, 119, 180), width, static_cast<Qt::PenStyle>(style));
        pen.setCapStyle(Qt::FlatCap);
        pen.setJoinStyle(Qt::MiterJoin);
        pen.setDashOffset(dashOffset);
        for (quint32 seed = 1; seed <= 4; ++seed) {
            const QVector<QPointF> line = lineOf(seed, envelope);
            const QImage stroked = draw(line, pen, false, antialiased);
            const QImage filled = draw(line, pen, true, antialiased);
            int ink = 0;
            int differing = 0;
            // A pixel one draws fully (or nearly) and the other leaves blank; partly covered
            // edge pixels differ in shade between the two rasterisers and are not counted.
            for (int y = 0; y < stroked.height(); ++y)
                for (int x = 0; x < stroked.width(); ++x) {
                    const int a = qGray(stroked.pixel(x, y));
                    const int b = qGray(filled.pixel(x, y));
                    ink += a < 160;
                    differing += (a < 130 && b > 235) || (b < 130 && a > 235);
                }
            QVERIFY2(ink > 500, qPrintable(QString::number(ink)));
            // Where a dash crosses a turn back the two part ways by a pixel or two: within 3 % of
            // the line's pixels. Without antialiasing a dash that ends on a pixel centre may
            // also end a pixel apart (the start of these lines is on a half pixel): within 4 %.
            const int allowedPercent = antialiased ? 3 : 4;
            QVERIFY2(
                differing <= ink * allowedPercent / 100,
                qPrintable(
                    QStringLiteral("seed %1: %2 of %3 pixels").arg(seed).arg(differing).arg(ink)));
        }
    }

    // The fill between two step lines, as whole pixels, against the raster engine's odd-even
    // fill of the polygon they make (the second line reversed), both without antialiasing.
    void channelCoversThePolygonsPixels_data() {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<QRect>("area");
        QTest::addColumn<bool>("envelope");
        for (quint32 seed = 1; seed <= 6; ++seed) {
            QTest::addRow("seed %u", seed) << seed << QRect(0, 0, 640, 240) << false;
            QTest::addRow("seed %u, cut to an area", seed)
                << seed << QRect(100, 20, 333, 180) << false;
        }
        // Zoomed out: a column a pixel wide after another (filled as their union's image).
        for (quint32 seed = 1; seed <= 3; ++seed)
            QTest::addRow("seed %u, envelopes", seed) << seed << QRect(0, 0, 640, 240) << true;
    }

    void channelCoversThePolygonsPixels() {
        QFETCH(quint32, seed);
        QFETCH(QRect, area);
        QFETCH(bool, envelope);
        const QVector<QPointF> line = lineOf(seed, envelope);
        const QVector<QPointF> other = lineOf(seed + 100, envelope);
        const QColor brush(31, 119, 180, 90);
        const auto canvas = [] {
            QImage image(640, 240, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            return image;
        };
        QImage polygonFilled = canvas();
        {
            QPainter painter(&polygonFilled);
            painter.setClipRect(area);
            painter.setPen(Qt::NoPen);
            painter.setBrush(brush);
            QPolygonF polygon(line);
            for (auto it = other.rbegin(); it != other.rend(); ++it)
                polygon << *it;
            painter.drawPolygon(polygon, Qt::OddEvenFill);
        }
        QImage columnsFilled = canvas();
        {
            QPainter painter(&columnsFilled);
            painter.setClipRect(area);
            painter.setBrush(brush);
            QVERIFY(fillAxisAlignedChannel(&painter, line, other, area));
        }
        // Where one line has ended the polygon closes with a slanted edge; the plot fills only
        // where both lines run. Compared there, every pixel is the same.
        const int firstColumn =
            static_cast<int>(std::ceil(std::max(line.first().x(), other.first().x())));
        const int lastColumn =
            static_cast<int>(std::floor(std::min(line.last().x(), other.last().x()))) - 1;
        int inside = 0;
        int differing = 0;
        for (int y = 0; y < polygonFilled.height(); ++y)
            for (int x = firstColumn; x <= lastColumn; ++x) {
                inside += polygonFilled.pixel(x, y) != qRgb(255, 255, 255);
                differing += polygonFilled.pixel(x, y) != columnsFilled.pixel(x, y);
            }
        QVERIFY2(inside > 2000, qPrintable(QString::number(inside)));
        QVERIFY2(differing == 0,
                 qPrintable(QStringLiteral("%1 of %2 pixels").arg(differing).arg(inside)));
    }

    // A translucent pen in whole pixels covers the opaque pen's pixels, each blended once:
    // where its rectangles overlap (its corners, an envelope's columns) it is no darker.
    void translucentLineBlendsOnce_data() {
        QTest::addColumn<bool>("envelope");
        QTest::addColumn<int>("style");
        QTest::newRow("step line, solid") << false << int(Qt::SolidLine);
        QTest::newRow("step line, dashed") << false << int(Qt::DashLine);
        QTest::newRow("envelope, solid") << true << int(Qt::SolidLine);
        QTest::newRow("envelope, dashed") << true << int(Qt::DashLine);
    }

    void translucentLineBlendsOnce() {
        QFETCH(bool, envelope);
        QFETCH(int, style);
        QPen pen(QColor(44, 160, 44, 210), 1.6, static_cast<Qt::PenStyle>(style));
        pen.setCapStyle(Qt::FlatCap);
        pen.setJoinStyle(Qt::MiterJoin);
        QPen opaque = pen;
        opaque.setColor(QColor(44, 160, 44));
        // White with the pen's colour blended on once, as the raster engine blends a fill.
        QImage once(1, 1, QImage::Format_ARGB32_Premultiplied);
        once.fill(Qt::white);
        {
            QPainter painter(&once);
            painter.fillRect(0, 0, 1, 1, pen.color());
        }
        const QRgb blendedOnce = once.pixel(0, 0);
        for (quint32 seed = 1; seed <= 3; ++seed) {
            const QVector<QPointF> line = lineOf(seed, envelope);
            const QImage covered = draw(line, opaque, true, false);
            const QImage translucent = draw(line, pen, true, false);
            int ink = 0;
            int wrong = 0;
            for (int y = 0; y < covered.height(); ++y)
                for (int x = 0; x < covered.width(); ++x) {
                    const bool inked = covered.pixel(x, y) != qRgb(255, 255, 255);
                    ink += inked;
                    wrong += translucent.pixel(x, y) != (inked ? blendedOnce : qRgb(255, 255, 255));
                }
            QVERIFY2(ink > 500, qPrintable(QString::number(ink)));
            QVERIFY2(wrong == 0,
                     qPrintable(QStringLiteral("seed %1: %2 of %3").arg(seed).arg(wrong).arg(ink)));
        }
    }

    void channelLeftToThePolygonWhenAntialiased() {
        QImage image(100, 100, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        const QImage before = image;
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        const QVector<QPointF> line = {{10, 10}, {50, 10}, {50, 40}, {90, 40}};
        const QVector<QPointF> other = {{10, 60}, {90, 60}};
        QVERIFY(!fillAxisAlignedChannel(&painter, line, other, image.rect()));
        painter.resetTransform();
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.translate(0.5, 0);
        QVERIFY(!fillAxisAlignedChannel(&painter, line, other, image.rect()));
        painter.resetTransform();
        QVERIFY(!fillAxisAlignedChannel(&painter, {{10, 10}, {50, 20}}, other, image.rect()));
        painter.end();
        QCOMPARE(image, before);
    }

    // A deeply zoomed plot hands on points far outside it (the neighbours of what it shows):
    // the part inside is filled as a short line would be, with no overflow of whole pixels.
    void lineReachingFarOutside_data() {
        QTest::addColumn<double>("far");
        QTest::newRow("1e6 px") << 1e6;
        QTest::newRow("1e12 px") << 1e12;
    }

    void lineReachingFarOutside() {
        QFETCH(double, far);
        const QPen pen(Qt::black, 2);
        QImage image(64, 32, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setClipRect(image.rect());
        QVERIFY(fillAxisAlignedLine(&painter, pen,
                                    {{-far, 10}, {20, 10}, {20, 20}, {far, 20}, {far, -far}}));
        painter.end();
        QImage expected(image.size(), image.format());
        expected.fill(Qt::white);
        QPainter reference(&expected);
        reference.fillRect(QRect(0, 9, 21, 2), Qt::black);   // along y = 10, to the corner
        reference.fillRect(QRect(19, 9, 2, 12), Qt::black);  // down x = 20
        reference.fillRect(QRect(19, 19, 45, 2), Qt::black); // along y = 20, out of sight
        reference.end();
        QCOMPARE(image, expected);
    }

    void slantedLineLeftToTheStroker() {
        QImage image(100, 100, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        const QImage before = image;
        QPainter painter(&image);
        const QVector<QPointF> line = {{10, 10}, {50, 10}, {60, 40}};
        QVERIFY(!fillAxisAlignedLine(&painter, QPen(Qt::black, 2), line));
        painter.end();
        QCOMPARE(image, before);
    }
};

QTEST_MAIN(TestStepLine)
#include "tst_step_line.moc"
