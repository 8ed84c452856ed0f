// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/knob_panel.h"

#include "gui/data_paths.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QSignalBlocker>
#include <QSpinBox>

#include <cmath>
#include <limits>
#include <span>

namespace jobscope::ui {

using edit::Knob;
using edit::KnobBlock;
using edit::KnobReading;

namespace {

bool isCount(Knob knob) {
    return knob == Knob::Parallelism || knob == Knob::Completions || knob == Knob::BackoffLimit ||
           knob == Knob::QuotaPods;
}
bool isChoice(Knob knob) {
    return knob == Knob::CompletionMode || knob == Knob::PodReplacementPolicy ||
           knob == Knob::KubernetesVersion || edit::knobGate(knob);
}

// Blocks under which the control still shows the value in force: a gate the release does not
// have (off) or has locked (its default) is not editable, yet it is what the control plane runs.
bool showsValueWhenBlocked(KnobBlock block) {
    return block == KnobBlock::GateAbsent || block == KnobBlock::GateLocked;
}

QString releaseName(const std::string& release) {
    return release.empty() ? KnobPanel::tr("current master")
                           : KnobPanel::tr("Kubernetes %1").arg(QString::fromStdString(release));
}

} // namespace

struct KnobPanel::Private {
    struct Row {
        Knob knob;
        QLabel* label = nullptr;
        QWidget* control = nullptr;
        KnobReading reading;
        QString disabledReason; // set by disableAll
    };
    std::vector<Row> rows;
    // Shown instead of the rows after disableAll: a recording or a live Job has no knobs, and
    // the previous scenario's values must not look like this Job's.
    QLabel* note = nullptr;
    QLabel* controlPlaneHeading = nullptr;
    int columns = 0;        // of knobs side by side: 2 when the width allows, else 1
    bool oneColumn = false; // setOneColumn: never two

    Row* row(const QString& key) {
        const auto knob = edit::knobFromKey(key.toStdString());
        for (Row& r : rows)
            if (knob && r.knob == *knob)
                return &r;
        return nullptr;
    }
};

KnobPanel::KnobPanel(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>()) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    for (const Knob knob : edit::allKnobs()) {
        if (knob == Knob::KubernetesVersion) {
            // The control plane's release and gates under a heading of their own.
            d->controlPlaneHeading = new QLabel(this);
            d->controlPlaneHeading->setObjectName(QStringLiteral("controlPlaneHeading"));
            QFont bold = d->controlPlaneHeading->font();
            bold.setBold(true);
            d->controlPlaneHeading->setFont(bold);
        }
        Private::Row row;
        row.knob = knob;
        row.reading.knob = knob;
        row.label = new QLabel(this);
        const QString key = QString::fromStdString(edit::knobKey(knob));
        if (isCount(knob)) {
            auto* spin = new QSpinBox(this);
            // The minimum, -1, is "not written": the default applies.
            spin->setRange(-1, std::numeric_limits<int>::max());
            spin->setKeyboardTracking(false);
            connect(spin, &QSpinBox::valueChanged, this, [this, key] { emit knobEdited(key); });
            row.control = spin;
        } else if (isChoice(knob)) {
            auto* combo = new QComboBox(this);
            // Shrinks with a narrow editor (the popup still shows whole names).
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(10);
            combo->addItem(QString(), QString()); // the default, named in retranslate()
            // Gate choices are named "on"/"off" in retranslate(); the data is what is written.
            for (const std::string& choice : edit::knobChoices(knob))
                combo->addItem(QString::fromStdString(choice), QString::fromStdString(choice));
            connect(combo, &QComboBox::activated, this, [this, key] { emit knobEdited(key); });
            row.control = combo;
        } else {
            auto* spin = new QDoubleSpinBox(this);
            spin->setKeyboardTracking(false);
            spin->setDecimals(1);
            if (knob == Knob::FailureRate) {
                spin->setRange(0, 100);
            } else {
                spin->setRange(-1, 24 * 3600); // -1: not written, the default 10 s applies
            }
            connect(spin, &QDoubleSpinBox::valueChanged, this,
                    [this, key] { emit knobEdited(key); });
            row.control = spin;
        }
        row.control->setObjectName(key);
        row.label->setBuddy(row.control);
        d->rows.push_back(row);
    }
    d->note = new QLabel(this);
    d->note->setObjectName(QStringLiteral("knobNote"));
    d->note->setWordWrap(true);
    d->note->hide();
    arrange(2);
    retranslate();
}

void KnobPanel::arrange(int columns) {
    if (columns == d->columns)
        return;
    d->columns = columns;
    auto* grid = static_cast<QGridLayout*>(layout());
    for (const Private::Row& row : d->rows) {
        grid->removeWidget(row.label);
        grid->removeWidget(row.control);
    }
    grid->removeWidget(d->controlPlaneHeading);
    grid->removeWidget(d->note);
    int index = 0;
    for (const Private::Row& row : d->rows) {
        if (row.knob == Knob::KubernetesVersion) {
            index += (columns - index % columns) % columns; // the heading starts a line
            grid->addWidget(d->controlPlaneHeading, index / columns, 0, 1, 2 * columns);
            index += columns;
        }
        grid->addWidget(row.label, index / columns, (index % columns) * 2);
        grid->addWidget(row.control, index / columns, (index % columns) * 2 + 1);
        ++index;
    }
    grid->addWidget(d->note, (index + columns - 1) / columns + 1, 0, 1, 2 * columns);
    grid->setColumnStretch(3, columns == 2 ? 1 : 0);
}

// Two knobs side by side need the widest label and control twice over.
int KnobPanel::twoColumnWidth() const {
    int label = 0;
    int control = 0;
    for (const Private::Row& row : d->rows) {
        label = std::max(label, row.label->sizeHint().width());
        control = std::max(control, row.control->minimumSizeHint().width());
    }
    const int spacing = static_cast<const QGridLayout*>(layout())->horizontalSpacing();
    return 2 * (label + control) + 3 * std::max(0, spacing);
}

QSize KnobPanel::minimumSizeHint() const {
    // One knob per line is the least it needs: the width decides between one and two.
    const QSize hint = QWidget::minimumSizeHint();
    return d->columns == 2 ? QSize(twoColumnWidth() / 2, hint.height()) : hint;
}

int KnobPanel::columnCount() const {
    return d->columns;
}

void KnobPanel::setOneColumn(bool one) {
    d->oneColumn = one;
    arrange(!one && width() >= twoColumnWidth() ? 2 : 1);
}

void KnobPanel::resizeEvent(QResizeEvent* event) {
    arrange(!d->oneColumn && event->size().width() >= twoColumnWidth() ? 2 : 1);
    QWidget::resizeEvent(event);
}

KnobPanel::~KnobPanel() = default;

QWidget* KnobPanel::knob(const QString& key) const {
    Private::Row* row = d->row(key);
    return row ? row->control : nullptr;
}

QLabel* KnobPanel::label(const QString& key) const {
    Private::Row* row = d->row(key);
    return row ? row->label : nullptr;
}

QStringList KnobPanel::keys() const {
    QStringList out;
    for (const Private::Row& row : d->rows)
        out << QString::fromStdString(edit::knobKey(row.knob));
    return out;
}

void KnobPanel::showText(const QString& yaml) {
    showReadings(edit::readKnobs(yaml.toStdString()));
}

void KnobPanel::showReadings(const std::vector<KnobReading>& readings) {
    d->note->hide();
    d->controlPlaneHeading->show();
    for (Private::Row& row : d->rows) {
        row.label->show();
        row.control->show();
        const KnobReading& reading = readings.at(static_cast<size_t>(row.knob));
        row.reading = reading;
        row.disabledReason.clear();
        const QSignalBlocker blocker(row.control);
        row.control->setEnabled(reading.block == KnobBlock::None);
        if (reading.block != KnobBlock::None && !showsValueWhenBlocked(reading.block))
            continue; // keeps showing its last value, greyed out
        if (auto* spin = qobject_cast<QSpinBox*>(row.control)) {
            spin->setValue(reading.isSet && reading.number ? static_cast<int>(*reading.number)
                                                           : spin->minimum());
        } else if (auto* combo = qobject_cast<QComboBox*>(row.control)) {
            const int found = combo->findData(QString::fromStdString(reading.choice));
            combo->setCurrentIndex(reading.isSet && found >= 0 ? found : 0);
        } else if (auto* spin = qobject_cast<QDoubleSpinBox*>(row.control)) {
            if (row.knob == Knob::FailureRate)
                spin->setValue(reading.number ? *reading.number * 100 : 0);
            else
                spin->setValue(reading.isSet && reading.number ? *reading.number : spin->minimum());
        }
    }
    retranslate(); // the defaults' names depend on the text (podReplacementPolicy)
}

void KnobPanel::disableAll(const QString& reason) {
    for (Private::Row& row : d->rows) {
        row.control->setEnabled(false);
        row.disabledReason = reason;
        row.label->hide();
        row.control->hide();
    }
    d->controlPlaneHeading->hide();
    d->note->setText(reason);
    d->note->show();
    updateToolTips();
}

std::optional<edit::KnobSetting> KnobPanel::settingFor(const QString& key, QString* error) const {
    Private::Row* row = d->row(key);
    if (!row) {
        if (error)
            *error = tr("There is no knob \"%1\".").arg(key);
        return std::nullopt;
    }
    edit::KnobSetting setting;
    setting.knob = row->knob;
    if (auto* spin = qobject_cast<QSpinBox*>(row->control)) {
        if (spin->value() >= 0) {
            setting.kind = edit::KnobSetting::Kind::Number;
            setting.number = spin->value();
        }
    } else if (auto* combo = qobject_cast<QComboBox*>(row->control)) {
        const QString choice = combo->currentData().toString();
        if (!choice.isEmpty()) {
            setting.kind = edit::KnobSetting::Kind::Choice;
            setting.choice = choice.toStdString();
        }
    } else if (auto* spin = qobject_cast<QDoubleSpinBox*>(row->control)) {
        if (row->knob == Knob::FailureRate) { // whole tenths of a percent: 12.5 % is 0.125
            setting.kind = edit::KnobSetting::Kind::Number;
            setting.number = std::round(spin->value() * 10) / 1000;
        } else if (spin->value() >= 0) {
            setting.kind = edit::KnobSetting::Kind::Number;
            setting.number = spin->value();
        }
    }
    return setting;
}

void KnobPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void KnobPanel::retranslate() {
    for (Private::Row& row : d->rows) {
        QString name;
        switch (row.knob) {
        case Knob::Parallelism:
            name = tr("Parallelism");
            static_cast<QSpinBox*>(row.control)->setSpecialValueText(tr("default (1)"));
            break;
        case Knob::Completions:
            name = tr("Completions");
            static_cast<QSpinBox*>(row.control)->setSpecialValueText(tr("unset"));
            break;
        case Knob::CompletionMode:
            name = tr("Completion mode");
            break;
        case Knob::BackoffLimit:
            name = tr("Backoff limit");
            static_cast<QSpinBox*>(row.control)->setSpecialValueText(tr("default (6)"));
            break;
        case Knob::PodReplacementPolicy:
            name = tr("Pod replacement");
            break;
        case Knob::FailureRate: {
            name = tr("Failure rate");
            auto* spin = static_cast<QDoubleSpinBox*>(row.control);
            spin->setSuffix(tr(" %"));
            spin->setSpecialValueText(tr("none"));
            break;
        }
        case Knob::QuotaPods:
            name = tr("Quota (Pods)");
            static_cast<QSpinBox*>(row.control)->setSpecialValueText(tr("no quota"));
            break;
        case Knob::PodDuration: {
            name = tr("Pod duration");
            auto* spin = static_cast<QDoubleSpinBox*>(row.control);
            spin->setSuffix(tr(" s"));
            spin->setSpecialValueText(tr("default (10 s)"));
            break;
        }
        case Knob::KubernetesVersion:
            name = tr("Kubernetes version");
            break;
        case Knob::GateBackoffLimitPerIndex:
        case Knob::GateManagedBy:
        case Knob::GatePodReplacementPolicy:
        case Knob::GateSuccessPolicy:
            name = QString::fromLatin1(featureName(*edit::knobGate(row.knob)));
            break;
        }
        if (auto* combo = qobject_cast<QComboBox*>(row.control)) {
            if (row.knob == Knob::KubernetesVersion) {
                combo->setItemText(0, tr("default (current master)"));
            } else if (edit::knobGate(row.knob)) {
                const auto onOff = [](const QString& choice) {
                    return choice == QLatin1String("true") ? tr("on") : tr("off");
                };
                for (int item = 1; item < combo->count(); ++item)
                    combo->setItemText(item, onOff(combo->itemData(item).toString()));
                const QString defaultChoice = QString::fromStdString(row.reading.defaultChoice);
                combo->setItemText(0, tr("default (%1)").arg(onOff(defaultChoice)));
            } else {
                const std::string fallback = row.knob == Knob::CompletionMode
                                                 ? std::string("NonIndexed")
                                                 : std::string("TerminatingOrFailed");
                const std::string defaultName =
                    row.reading.defaultChoice.empty() ? fallback : row.reading.defaultChoice;
                combo->setItemText(0, tr("default (%1)").arg(QString::fromStdString(defaultName)));
            }
        }
        row.label->setText(name + QLatin1Char(':'));
        row.control->setAccessibleName(name);
    }
    d->controlPlaneHeading->setText(tr("Control plane"));
    updateToolTips();
}

void KnobPanel::updateToolTips() {
    for (Private::Row& row : d->rows) {
        QString about;
        switch (row.knob) {
        case Knob::Parallelism:
            about = tr("spec.parallelism: how many Pods may run at the same time.");
            break;
        case Knob::Completions:
            about = tr("spec.completions: how many Pods must succeed. Unset: the Job is done when "
                       "one Pod succeeds and the others have ended (a work queue).");
            break;
        case Knob::CompletionMode:
            about = tr("spec.completionMode: Indexed gives each Pod an index from 0 to "
                       "completions - 1, and each index must succeed once.");
            break;
        case Knob::BackoffLimit:
            about = tr("spec.backoffLimit: how many Pod failures the Job tolerates before it "
                       "fails.");
            break;
        case Knob::PodReplacementPolicy:
            about = tr("spec.podReplacementPolicy: TerminatingOrFailed creates a replacement as "
                       "soon as a Pod starts terminating; Failed waits until it has stopped.");
            break;
        case Knob::FailureRate:
            about = tr("Scenario failures: the chance that a Pod fails (the probability of the "
                       "first rule that applies to every Pod).");
            break;
        case Knob::QuotaPods:
            about = tr("Scenario cluster.quota.pods (in a manifest: the ResourceQuota's "
                       "spec.hard.pods): how many Pods the namespace may hold.");
            break;
        case Knob::PodDuration:
            about = tr("Scenario runTime: how long each Pod's container runs before it exits "
                       "successfully.");
            break;
        case Knob::KubernetesVersion:
            about = tr("Scenario kubernetesVersion: the control plane's release. Its Job feature "
                       "gates start at that release's defaults, as its kube-controller-manager "
                       "and kube-apiserver have them.");
            break;
        case Knob::GateBackoffLimitPerIndex:
            about = tr("featureGates.JobBackoffLimitPerIndex: spec.backoffLimitPerIndex and "
                       "spec.maxFailedIndexes (as --feature-gates of kube-controller-manager).");
            break;
        case Knob::GateManagedBy:
            about = tr("featureGates.JobManagedBy: spec.managedBy, which hands the Job to another "
                       "controller (as --feature-gates of kube-controller-manager).");
            break;
        case Knob::GatePodReplacementPolicy:
            about = tr("featureGates.JobPodReplacementPolicy: spec.podReplacementPolicy and "
                       "status.terminating (as --feature-gates of kube-controller-manager).");
            break;
        case Knob::GateSuccessPolicy:
            about = tr("featureGates.JobSuccessPolicy: spec.successPolicy and the "
                       "SuccessCriteriaMet condition (as --feature-gates of "
                       "kube-controller-manager).");
            break;
        }
        QString why = row.disabledReason;
        const KnobReading& r = row.reading;
        const QString detail = QString::fromStdString(r.detail);
        if (why.isEmpty()) {
            switch (r.block) {
            case KnobBlock::None:
                break;
            case KnobBlock::YamlError:
                why = tr("The YAML does not read; fix it first.");
                break;
            case KnobBlock::NoJob:
                why = tr("The text holds no Job.");
                break;
            case KnobBlock::JobInOtherFile:
                why =
                    tr("The Job is in another file (%1); open that file to change it.").arg(detail);
                break;
            case KnobBlock::NotAScenario:
                why = r.knob == Knob::KubernetesVersion || edit::knobGate(r.knob)
                          ? tr("A bare Job manifest does not say which control plane runs it. To "
                               "choose a Kubernetes version or feature gates, make the file a "
                               "scenario: put the manifest under job: (indented by two spaces) "
                               "and add kubernetesVersion or featureGates beside it (see %1).")
                                .arg(documentationPath(QStringLiteral("scenarios.md")))
                      : r.knob == Knob::QuotaPods
                          ? tr("A bare Job manifest has no quota. Add a ResourceQuota with "
                               "spec.hard.pods as a second document (after ---), or make the "
                               "file a scenario and set cluster.quota.pods.")
                          : tr("A bare Job manifest has no failures and no Pod run time. To set "
                               "them, make the file a scenario: put the manifest under job: "
                               "(indented by two spaces) and add failures or runTime beside it "
                               "(see %1).")
                                .arg(documentationPath(QStringLiteral("scenarios.md")));
                break;
            case KnobBlock::Distribution:
                why = tr("runTime is a %1 distribution; edit it in the text.").arg(detail);
                break;
            case KnobBlock::WorkQueue:
                why = tr("With a workQueue each Pod runs for its items (workQueue.perItem); "
                         "runTime is not used.");
                break;
            case KnobBlock::NotAValue:
                why = tr("%1 is not written as a single value; edit it in the text.").arg(detail);
                break;
            case KnobBlock::InvalidValue:
                why = tr("The text says %1, which this control cannot show; fix it in the text.")
                          .arg(detail);
                break;
            case KnobBlock::GateAbsent: {
                const std::span<const FeatureStage> stages = featureStages(*edit::knobGate(r.knob));
                why = tr("%1 has no such gate: it exists from Kubernetes 1.%2 on. Choose a newer "
                         "Kubernetes version to set it.")
                          .arg(releaseName(r.detail))
                          .arg(stages.front().sinceMinor);
                break;
            }
            case KnobBlock::GateLocked: {
                const FeatureStage* stage = featureStageAt(
                    *edit::knobGate(r.knob),
                    r.detail.empty() ? std::nullopt : parseKubernetesMinor(r.detail));
                why = tr("The gate is GA in %1 and locked to its default, as "
                         "kube-controller-manager keeps it. Choose Kubernetes 1.%2 or older to "
                         "change it.")
                          .arg(releaseName(r.detail))
                          .arg(stage ? stage->sinceMinor - 1 : kNewestKubernetesMinor);
                break;
            }
            }
        }
        const QString tip = why.isEmpty() ? about : about + QStringLiteral("\n\n") + why;
        row.control->setToolTip(tip);
        row.label->setToolTip(tip);
    }
}

} // namespace jobscope::ui
