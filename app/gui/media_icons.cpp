// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/media_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <initializer_list>

namespace jobscope::ui {

namespace {

// On a 32 × 32 canvas.
QPainterPath triangle(QPointF a, QPointF b, QPointF c) {
    QPainterPath path;
    path.moveTo(a);
    path.lineTo(b);
    path.lineTo(c);
    path.closeSubpath();
    return path;
}

// The same shape mirrored left to right.
QPainterPath mirrored(const QPainterPath& path) {
    return QTransform(-1, 0, 0, 1, 32, 0).map(path);
}

QPainterPath shape(MediaIcon icon) {
    QPainterPath path;
    switch (icon) {
    case MediaIcon::Play:
        path = triangle({9, 6}, {26, 16}, {9, 26});
        break;
    case MediaIcon::Pause:
        path.addRect(8, 6, 6, 20);
        path.addRect(18, 6, 6, 20);
        break;
    case MediaIcon::SeekForward:
        path = triangle({4, 8}, {16, 16}, {4, 24});
        path.addPath(triangle({16, 8}, {28, 16}, {16, 24}));
        break;
    case MediaIcon::SeekBackward:
        path = mirrored(shape(MediaIcon::SeekForward));
        break;
    case MediaIcon::SkipForward:
        path = triangle({6, 7}, {22, 16}, {6, 25});
        path.addRect(23, 7, 3, 18);
        break;
    case MediaIcon::SkipBackward:
        path = mirrored(shape(MediaIcon::SkipForward));
        break;
    case MediaIcon::Loop: {
        // Three quarters of a ring with an arrowhead where it ends.
        QPainterPath ring;
        ring.arcMoveTo(6, 6, 20, 20, 90);
        ring.arcTo(6, 6, 20, 20, 90, 270);
        QPainterPathStroker stroker;
        stroker.setWidth(3.5);
        stroker.setCapStyle(Qt::FlatCap);
        path = stroker.createStroke(ring);
        path.addPath(triangle({16, 1}, {23, 6.5}, {16, 12}));
        break;
    }
    }
    return path;
}

QPixmap draw(MediaIcon icon, int size, const QColor& color) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 32.0, size / 32.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    QPainterPath path = shape(icon);
    path.setFillRule(Qt::WindingFill);
    painter.drawPath(path);
    return pixmap;
}

} // namespace

QIcon mediaIcon(MediaIcon icon, const QPalette& palette) {
    QIcon result;
    const QColor normal = palette.color(QPalette::Active, QPalette::ButtonText);
    const QColor disabled = palette.color(QPalette::Disabled, QPalette::ButtonText);
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        result.addPixmap(draw(icon, size, normal), QIcon::Normal);
        result.addPixmap(draw(icon, size, disabled), QIcon::Disabled);
    }
    return result;
}

} // namespace jobscope::ui
