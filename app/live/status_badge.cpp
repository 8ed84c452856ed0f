// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/status_badge.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace jobscope::ui {

StatusBadge::StatusBadge(QWidget* parent)
    : QWidget(parent), dot_(new QWidget(this)), label_(new QLabel(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    dot_->setFixedSize(10, 10);
    layout->addWidget(dot_);
    layout->addWidget(label_);
    retranslate();
}

void StatusBadge::attach(live::LiveSession* session) {
    connect(session, &live::LiveSession::stateChanged, this,
            [this](live::LiveState state, const QString& reason) { setState(state, reason); });
    setState(session->state(), session->stateReason());
}

void StatusBadge::setState(live::LiveState state, const QString& reason) {
    state_ = state;
    reason_ = reason;
    retranslate();
}

QColor StatusBadge::dotColor() const {
    switch (state_) {
    case live::LiveState::Connected:
        return QColor(0x2e, 0xa0, 0x43);
    case live::LiveState::Connecting:
    case live::LiveState::Reconnecting:
        return QColor(0xd9, 0x8e, 0x04);
    case live::LiveState::Stopped:
        break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

QString StatusBadge::text() const {
    return label_->text();
}

void StatusBadge::retranslate() {
    QString text;
    switch (state_) {
    case live::LiveState::Connecting:
        text = tr("connecting…");
        break;
    case live::LiveState::Connected:
        text = tr("live");
        break;
    case live::LiveState::Reconnecting:
        text = tr("reconnecting");
        break;
    case live::LiveState::Stopped:
        text = tr("stopped");
        break;
    }
    // The reason can be long (a URL and a server message): the tooltip has all of it.
    if (!reason_.isEmpty() && state_ != live::LiveState::Connected)
        text +=
            QStringLiteral(": ") + label_->fontMetrics().elidedText(reason_, Qt::ElideRight, 320);
    label_->setText(text);
    setToolTip(reason_);
    dot_->setStyleSheet(QStringLiteral("background:%1;border-radius:5px;").arg(dotColor().name()));
}

void StatusBadge::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace jobscope::ui
