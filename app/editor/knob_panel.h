// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Controls for the common knobs of a Job and its scenario: parallelism, completions,
// completion mode, backoffLimit, podReplacementPolicy, failure rate, quota (Pods), Pod
// duration, and the control plane's Kubernetes version and Job feature gates. The panel shows what
// a YAML text says (defaults when it says nothing, shown as such); when the user turns a knob it
// emits knobEdited, and settingFor() gives the value to write (edit::applyKnobSetting). Where each
// knob lives, and when one cannot edit a text, is the engine's (core/engine/edit/job_knobs.h); a
// blocked knob is disabled and its tooltip says why.

#include "edit/job_knobs.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;

namespace jobscope::ui {

class KnobPanel : public QWidget {
    Q_OBJECT

public:
    explicit KnobPanel(QWidget* parent = nullptr);
    ~KnobPanel() override;

    // Shows the knobs of `yaml` (a scenario or a Job manifest). Emits nothing. Reads the whole
    // text: on a large one, read it with edit::readKnobs on a worker and call showReadings.
    void showText(const QString& yaml);
    // Shows knobs read from a text (edit::readKnobs, one per edit::allKnobs()). Emits nothing.
    void showReadings(const std::vector<edit::KnobReading>& readings);
    // Disables and hides every knob (a trace has none: the last text's values must not stay
    // on show) and shows `reason` in their place; showText brings them back.
    void disableAll(const QString& reason);

    // What the knob `key`'s control shows now, to apply to a text (on any thread); nullopt (and
    // `error`) for an unknown key.
    std::optional<edit::KnobSetting> settingFor(const QString& key, QString* error = nullptr) const;

    // The control of a knob ("parallelism", "completionMode", ...), nullptr for an unknown key.
    QWidget* knob(const QString& key) const;
    QStringList keys() const;
    // The label in front of a knob's control.
    QLabel* label(const QString& key) const;

    // One knob per line below the width two need side by side (a narrow editor), else two.
    int columnCount() const;
    // One knob per line whatever the width (a panel beside a slide).
    void setOneColumn(bool one);
    QSize minimumSizeHint() const override;

signals:
    // The user changed a knob's control.
    void knobEdited(const QString& key);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Private;
    std::unique_ptr<Private> d;

    void retranslate();
    void updateToolTips();
    void arrange(int columns);
    int twoColumnWidth() const;
};

} // namespace jobscope::ui
