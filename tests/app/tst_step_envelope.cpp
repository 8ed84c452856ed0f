// SPDX-License-Identifier: GPL-3.0-or-later
// StepEnvelope (app/plot/step_envelope.h): a step series reduced per pixel column draws the same
// picture as the whole series, on QCustomPlot step lines drawn offscreen.

#include "plot/step_envelope.h"

#include <qcustomplot.h>

#include <QImage>
#include <QTest>

#include <algorithm>

using jobscope::ui::StepEnvelope;

namespace {

// `count` points 0.5 to 10 ms apart (some at equal keys), values a random walk in [0, 100] with
// long flat stretches and bursts.
StepEnvelope randomSeries(int count, unsigned seed) {
    QVector<double> keys;
    QVector<double> values;
    unsigned state = seed;
    const auto next = [&state](int n) {
        state = state * 1103515245u + 12345u;
        return static_cast<int>((state >> 16) % static_cast<unsigned>(n));
    };
    double key = 0;
    int value = 50;
    for (int i = 0; i < count; ++i) {
        if (next(9) != 0)
            key += 0.0005 * (1 + next(20));
        if ((i / 2000) % 3 != 1) // every third stretch of 2 000 points stays flat
            value = std::clamp(value + next(21) - 10, 0, 100);
        keys << key;
        values << value;
    }
    return StepEnvelope(keys, values);
}

// `points` drawn as a 1-pixel step line on a `size` plot showing [lower, upper] × [-5, 105].
QImage draw(const QVector<QCPGraphData>& points, double lower, double upper, const QSize& size,
            int* columns) {
    QCustomPlot plot;
    plot.setNotAntialiasedElements(QCP::aeAll);
    QCPGraph* graph = plot.addGraph();
    graph->setLineStyle(QCPGraph::lsStepLeft);
    graph->setAdaptiveSampling(false);
    graph->setPen(QPen(Qt::red, 1));
    graph->data()->set(points, true);
    plot.xAxis->setRange(lower, upper);
    plot.yAxis->setRange(-5, 105);
    plot.xAxis->grid()->setVisible(false);
    plot.yAxis->grid()->setVisible(false);
    const QImage image = plot.toPixmap(size.width(), size.height()).toImage();
    *columns = plot.axisRect()->rect().width();
    return image;
}

QVector<QCPGraphData> allPoints(const StepEnvelope& series) {
    QVector<QCPGraphData> points;
    for (qsizetype i = 0; i < series.size(); ++i)
        points.push_back({series.keys().at(i), series.values().at(i)});
    return points;
}

} // namespace

class TestStepEnvelope : public QObject {
    Q_OBJECT

private slots:
    void drawsTheSamePicture_data();
    void drawsTheSamePicture();
    void smallRangesKeepEveryPoint();
    void valueAt();
};

void TestStepEnvelope::drawsTheSamePicture_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("from"); // the range shown, as fractions of the keys' span
    QTest::addColumn<double>("to");
    QTest::addColumn<QSize>("size");
    QTest::newRow("100 000 points, all, 1600x900") << 100000 << 0.0 << 1.0 << QSize(1600, 900);
    QTest::newRow("100 000 points, all, 640x400") << 100000 << 0.0 << 1.0 << QSize(640, 400);
    QTest::newRow("100 000 points, 5 %") << 100000 << 0.4 << 0.45 << QSize(1600, 900);
    QTest::newRow("100 000 points, 0.1 %") << 100000 << 0.5 << 0.501 << QSize(1600, 900);
    QTest::newRow("20 000 points, beyond both ends") << 20000 << -0.1 << 1.1 << QSize(1200, 700);
}

void TestStepEnvelope::drawsTheSamePicture() {
    QFETCH(int, count);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(QSize, size);
    const StepEnvelope series = randomSeries(count, 7);
    const double span = series.keys().back() - series.keys().front();
    const double lower = series.keys().front() + from * span;
    const double upper = series.keys().front() + to * span;

    int columns = 0;
    const QImage whole = draw(allPoints(series), lower, upper, size, &columns);
    const QVector<QCPGraphData> reduced = series.reduce(lower, upper, columns);
    int reducedColumns = 0;
    const QImage envelope = draw(reduced, lower, upper, size, &reducedColumns);
    QCOMPARE(reducedColumns, columns);
    QVERIFY2(reduced.size() <= 3 * columns + 2, qPrintable(QString::number(reduced.size())));

    // Per column, the same lowest and highest pixel, give or take two pixels: the raster engine
    // puts the tiny segments of a dense polyline (tens per pixel) up to two columns off their
    // keys' own, and the end of a vertical step up to two rows off its horizontal's.
    const auto extent = [](const QImage& image, int x) {
        std::pair<int, int> e(image.height(), -1);
        for (int y = 0; y < image.height(); ++y)
            if (image.pixel(x, y) == qRgb(255, 0, 0))
                e = {std::min(e.first, y), std::max(e.second, y)};
        return e;
    };
    std::vector<std::pair<int, int>> wholeExtents, extents;
    for (int x = 0; x < whole.width(); ++x) {
        wholeExtents.push_back(extent(whole, x));
        extents.push_back(extent(envelope, x));
    }
    // Whether `e` lies within the extents of `around` at x - 2 to x + 2.
    const auto within = [](const std::pair<int, int>& e,
                           const std::vector<std::pair<int, int>>& around, int x) {
        if (e.second < 0)
            return true;
        int top = e.first + 3, bottom = e.second - 3;
        for (int n = std::max(0, x - 2); n <= std::min<int>(around.size() - 1, x + 2); ++n) {
            top = std::min(top, around[static_cast<size_t>(n)].first);
            bottom = std::max(bottom, around[static_cast<size_t>(n)].second);
        }
        return top <= e.first + 2 && bottom >= e.second - 2;
    };
    int differing = 0;
    int inked = 0;
    for (int x = 0; x < whole.width(); ++x) {
        const auto w = wholeExtents[static_cast<size_t>(x)];
        const auto e = extents[static_cast<size_t>(x)];
        inked += w.second >= 0 ? 1 : 0;
        if (!within(e, wholeExtents, x) || !within(w, extents, x)) {
            if (++differing <= 5)
                qWarning("column %d: ink from %d to %d, the whole series' from %d to %d", x,
                         e.first, e.second, w.first, w.second);
        }
    }
    QVERIFY(inked > columns / 2);
    QCOMPARE(differing, 0);
}

void TestStepEnvelope::smallRangesKeepEveryPoint() {
    const StepEnvelope series = randomSeries(5000, 3);
    const QVector<double>& keys = series.keys();
    const QVector<double>& values = series.values();
    // 20 points over 1 000 columns: the point in force at the left edge, every point that
    // changes the value, and the one after the right edge.
    const double lower = (keys.at(999) + keys.at(1000)) / 2;
    const double upper = keys.at(1020);
    const QVector<QCPGraphData> reduced = series.reduce(lower, upper, 1000);
    const qsizetype first = std::lower_bound(keys.begin(), keys.end(), lower) - keys.begin();
    const qsizetype last = std::upper_bound(keys.begin(), keys.end(), upper) - keys.begin();
    QVector<QCPGraphData> changes = {{keys.at(first - 1), values.at(first - 1)}};
    for (qsizetype i = first; i < last; ++i)
        if (values.at(i) != changes.back().value)
            changes.push_back({keys.at(i), values.at(i)});
    changes.push_back({keys.at(last), values.at(last)});
    QVERIFY(changes.size() > 10);
    QCOMPARE(reduced.size(), changes.size());
    for (qsizetype i = 0; i < reduced.size(); ++i) {
        QCOMPARE(reduced.at(i).key, changes.at(i).key);
        QCOMPARE(reduced.at(i).value, changes.at(i).value);
    }
}

void TestStepEnvelope::valueAt() {
    const StepEnvelope series({1, 2, 2, 4}, {10, 20, 30, 40});
    QCOMPARE(series.valueAt(0), 10.0); // before the first key: the first value
    QCOMPARE(series.valueAt(1.5), 10.0);
    QCOMPARE(series.valueAt(2), 30.0); // the last point at an equal key
    QCOMPARE(series.valueAt(9), 40.0);
    QCOMPARE(StepEnvelope().valueAt(1), 0.0);
}

QTEST_MAIN(TestStepEnvelope)
#include "tst_step_envelope.moc"
