#pragma once
// The inspector / narration panel (the strip below the plots): at the playhead, the
// Job's status (requested, active, ready, succeeded, failed, conditions) and the causes in
// force, each explained in one translated sentence with its numbers; with a Pod selected in the
// Gantt, that Pod's details.

#include "analysis/analysis.h"

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

    void setAnalysis(std::shared_ptr<const Analysis> analysis, double origin);
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
    QStringList conditionsAt(double at) const;
    QString podStateAt(const PodLifecycle& pod, double at) const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace jobscope::ui
