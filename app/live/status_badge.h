// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The live connection's state at a glance: a coloured dot and a word (connected, connecting,
// reconnecting with the reason, stopped), the reason also as the tooltip.

#include "live/live_session.h"

#include <QWidget>

class QLabel;

namespace jobscope::ui {

class StatusBadge : public QWidget {
    Q_OBJECT

public:
    explicit StatusBadge(QWidget* parent = nullptr);

    // Follows the session's state changes (and shows its current state now).
    void attach(live::LiveSession* session);
    void setState(live::LiveState state, const QString& reason = {});

    live::LiveState state() const { return state_; }
    QString text() const;
    QColor dotColor() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QWidget* dot_;
    QLabel* label_;
    live::LiveState state_ = live::LiveState::Stopped;
    QString reason_;
};

} // namespace jobscope::ui
