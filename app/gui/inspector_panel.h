// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The inspector / narration panel: at the playhead, the Job's status (requested, active, ready,
// succeeded, failed, conditions) and the causes in force, each explained in one translated
// sentence with its numbers; with a Pod selected in the Gantt, that Pod's details. Everything
// it shows is the engine's Moment at the playhead (run/moment.h).

#include "run/moment.h"

#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QTextBrowser;

namespace jobscope::ui {

class InspectorPanel : public QWidget {
    Q_OBJECT

public:
    explicit InspectorPanel(QWidget* parent = nullptr);
    ~InspectorPanel() override;

    void setRun(std::shared_ptr<const Run> run);
    void setTime(double time);         // seconds since origin
    void setSelectedPod(int podIndex); // -1: none

    // What the panel shows, as plain text (tests; the export of the narration).
    QString narration() const;
    QString statusText() const;
    QString podText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();
    static QString podStateText(PodMomentState state, const PodLifecycle& pod);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace jobscope::ui
