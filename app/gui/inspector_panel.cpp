// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/inspector_panel.h"

#include "plot/cause_labels.h"
#include "plot/cause_text.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStringList>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace jobscope::ui {

namespace {

// A (label, value) table: rich text for the panel, "label: value" lines for plain text.
struct Table {
    QString heading;
    QList<std::pair<QString, QString>> rows;

    QString html() const {
        QString out = QStringLiteral("<b>%1</b><table cellspacing='0' cellpadding='2'>")
                          .arg(heading.toHtmlEscaped());
        for (const auto& [label, value] : rows)
            out += QStringLiteral("<tr><td style='padding-right:12px'>%1</td><td>%2</td></tr>")
                       .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
        return out + QStringLiteral("</table>");
    }
    QString plain() const {
        QStringList lines{heading};
        for (const auto& [label, value] : rows)
            lines << (label.isEmpty() ? value : label + QStringLiteral(": ") + value);
        return lines.join(QLatin1Char('\n'));
    }
};

} // namespace

struct InspectorPanel::Private {
    std::shared_ptr<const Run> run;
    double time = 0;
    int pod = -1;

    QLabel* narration = nullptr;
    QLabel* status = nullptr;
    QLabel* podDetails = nullptr;
    QString narrationText, statusPlain, podPlain;
};

InspectorPanel::InspectorPanel(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>()) {
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);

    d->narration = new QLabel;
    d->narration->setWordWrap(true);
    d->narration->setTextFormat(Qt::PlainText); // Event messages may hold '<'
    d->narration->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont larger = d->narration->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    d->narration->setFont(larger);
    layout->addWidget(d->narration);

    auto* line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);

    auto* columns = new QHBoxLayout;
    d->status = new QLabel;
    d->podDetails = new QLabel;
    for (QLabel* label : {d->status, d->podDetails}) {
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setWordWrap(true);
        columns->addWidget(label, 1);
    }
    layout->addLayout(columns);
    layout->addStretch(1);

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    retranslate();
}

InspectorPanel::~InspectorPanel() = default;

void InspectorPanel::setRun(std::shared_ptr<const Run> run) {
    // The selected Pod by name: a re-run keeps it, another file's Pods do not inherit it.
    const std::string selected =
        d->run && d->pod >= 0 ? d->run->analysis.pods[static_cast<size_t>(d->pod)].name : "";
    d->run = std::move(run);
    d->pod = d->run ? podIndexNamed(*d->run, selected) : -1;
    refresh();
}

void InspectorPanel::setTime(double time) {
    if (std::isnan(time))
        return;
    d->time = time;
    refresh();
}

void InspectorPanel::setSelectedPod(int podIndex) {
    const bool valid =
        d->run && podIndex >= 0 && podIndex < static_cast<int>(d->run->analysis.pods.size());
    d->pod = valid ? podIndex : -1;
    refresh();
}

QString InspectorPanel::narration() const {
    return d->narrationText;
}

QString InspectorPanel::statusText() const {
    return d->statusPlain;
}

QString InspectorPanel::podText() const {
    return d->podPlain;
}

void InspectorPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InspectorPanel::retranslate() {
    setAccessibleName(tr("Inspector"));
    d->narration->setAccessibleName(tr("Narration"));
    d->status->setAccessibleName(tr("Job status"));
    d->podDetails->setAccessibleName(tr("Selected Pod"));
    refresh();
}

QString InspectorPanel::podStateText(PodMomentState state, const PodLifecycle& pod) {
    switch (state) {
    case PodMomentState::NotCreated:
        return tr("not created yet");
    case PodMomentState::Deleted:
        return tr("deleted");
    case PodMomentState::Succeeded:
    case PodMomentState::Failed: {
        const QString phase = state == PodMomentState::Succeeded ? QStringLiteral("Succeeded")
                                                                 : QStringLiteral("Failed");
        return pod.exitCode ? tr("%1, exit code %2").arg(phase).arg(*pod.exitCode) : phase;
    }
    case PodMomentState::Terminating:
        return tr("terminating");
    case PodMomentState::RunningReady:
        return tr("running, ready");
    case PodMomentState::Running:
        return tr("running");
    case PodMomentState::Starting:
        return tr("pending: scheduled, container starting");
    case PodMomentState::Unscheduled:
        return tr("pending: not scheduled yet");
    }
    return {};
}

void InspectorPanel::refresh() {
    const Run* run = d->run.get();
    const Moment moment = run ? momentAt(*run, d->time) : Moment{};

    d->narrationText =
        run ? ui::narration(moment) : tr("Open a Job manifest or a scenario to see what happens.");
    d->narration->setText(d->narrationText);

    Table status{tr("Job at %1").arg(formatClock(d->time)), {}};
    if (const SeriesRow* row = moment.row) {
        const auto n = [](int32_t v) { return QString::number(v); };
        status.rows << std::pair{tr("Requested (parallelism)"), n(row->requested)}
                    << std::pair{tr("Controller's target"), n(row->wantActive)}
                    << std::pair{tr("Active"), n(row->active)}
                    << std::pair{tr("Running"), n(row->running)}
                    << std::pair{tr("Ready"), n(row->ready)}
                    << std::pair{tr("Pending"), n(row->pending)}
                    << std::pair{tr("Terminating"), n(row->terminating)}
                    << std::pair{tr("Succeeded"), n(row->succeeded)}
                    << std::pair{tr("Failed"), n(row->failed)};
        if (row->remaining >= 0)
            status.rows << std::pair{tr("Completions left"), n(row->remaining)};
        QStringList conditions = conditionTexts(moment);
        if (moment.jobDeleted)
            conditions << tr("Job deleted");
        status.rows << std::pair{tr("Conditions"),
                                 conditions.isEmpty() ? tr("none") : conditions.join(tr(", "))};
        QStringList causes;
        for (const MomentCause& c : moment.causes)
            causes << (c.job.empty() ? causeLabel(c.kind)
                                     : tr("%1 (%2)", "a cause, then the Job it holds back")
                                           .arg(causeLabel(c.kind), QString::fromStdString(c.job)));
        status.rows << std::pair{tr("Causes"), causes.isEmpty() ? causeLabel(CauseKind::None)
                                                                : causes.join(tr(", "))};
    } else {
        status.rows << std::pair{tr("State"), tr("not observed yet")};
    }
    d->statusPlain = status.plain();
    d->status->setText(status.html());

    Table pod{tr("Selected Pod"), {}};
    if (run && d->pod >= 0) {
        const PodLifecycle& p = run->analysis.pods[static_cast<size_t>(d->pod)];
        const auto clock = [run](const std::optional<Seconds>& t) {
            return t ? formatClock(*t - run->origin) : tr("—");
        };
        pod.rows << std::pair{tr("Name"), QString::fromStdString(p.name)};
        if (p.index >= 0)
            pod.rows << std::pair{tr("Completion index"), QString::number(p.index)};
        pod.rows << std::pair{tr("Attempt"), QString::number(p.attempt)}
                 << std::pair{tr("Node"),
                              p.node.empty() ? tr("not scheduled") : QString::fromStdString(p.node)}
                 << std::pair{tr("At %1").arg(formatClock(d->time)),
                              podStateText(podStateAt(*run, p, d->time), p)}
                 << std::pair{tr("Created"), clock(p.created)}
                 << std::pair{tr("Scheduled"), clock(p.scheduled)}
                 << std::pair{tr("Started"), clock(p.started)}
                 << std::pair{tr("Ready"), clock(p.ready)}
                 << std::pair{tr("Terminating"), clock(p.terminating)}
                 << std::pair{tr("Finished"), clock(p.finished)}
                 << std::pair{tr("Deleted"), clock(p.deleted)}
                 << std::pair{tr("Last phase"), QString::fromStdString(p.phase)}
                 << std::pair{tr("Exit code"), p.exitCode ? QString::number(*p.exitCode) : tr("—")};
        if (p.disruptionTarget)
            pod.rows << std::pair{tr("Disruption"),
                                  tr("DisruptionTarget (node lost, evicted or preempted)")};
    } else {
        pod.rows << std::pair{QString(), tr("Click a Pod in the Gantt chart to see its details.")};
    }
    d->podPlain = pod.plain();
    d->podDetails->setText(pod.html());
}

} // namespace jobscope::ui
