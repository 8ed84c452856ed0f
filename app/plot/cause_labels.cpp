// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/cause_labels.h"

#include <QCoreApplication>
#include <QHash>

namespace jobscope::ui {

namespace {

class CauseLabels {
    Q_DECLARE_TR_FUNCTIONS(CauseLabels)

public:
    static QString label(CauseKind kind) {
        switch (kind) {
        case CauseKind::RemainingCompletions:
            return tr("remaining completions");
        case CauseKind::WorkQueueDraining:
            return tr("work queue draining");
        case CauseKind::ControllerLag:
            return tr("controller lag");
        case CauseKind::QuotaExceeded:
            return tr("quota exceeded");
        case CauseKind::CreationForbidden:
            return tr("creation forbidden");
        case CauseKind::CreationFailed:
            return tr("creation failed");
        case CauseKind::FailureBackoff:
            return tr("failure backoff");
        case CauseKind::Terminating:
            return tr("terminating Pods");
        case CauseKind::Pending:
            return tr("pending");
        case CauseKind::Suspended:
            return tr("suspended");
        case CauseKind::Finished:
            return tr("finished");
        case CauseKind::ScaledDown:
            return tr("scaled down");
        case CauseKind::None:
            return tr("no difference");
        }
        return {};
    }

    static QString description(CauseKind kind) {
        switch (kind) {
        case CauseKind::RemainingCompletions:
            return tr("Only the completions still missing are started: the Job never runs more "
                      "Pods than it still needs.");
        case CauseKind::WorkQueueDraining:
            return tr("A Pod has succeeded, so the queue is empty: no new Pods start and the "
                      "others finish their items.");
        case CauseKind::ControllerLag:
            return tr("The controller has not reacted yet: sync delay, expectations or "
                      "slow-start batches of 1, 2, 4, 8 creations.");
        case CauseKind::QuotaExceeded:
            return tr("The namespace's ResourceQuota refuses more Pods.");
        case CauseKind::CreationForbidden:
            return tr("The controller lacks permission to create Pods.");
        case CauseKind::CreationFailed:
            return tr("The API server refused Pod creations with an error; the controller "
                      "retries.");
        case CauseKind::FailureBackoff:
            return tr("After repeated Pod failures the controller waits (exponential backoff) "
                      "before creating replacements.");
        case CauseKind::Terminating:
            return tr("Pods in graceful termination take time to stop.");
        case CauseKind::Pending:
            return tr("Pods exist but do not run yet: no node has room, or the image is still "
                      "being pulled.");
        case CauseKind::Suspended:
            return tr("The Job is suspended: its Pods are removed and none are created.");
        case CauseKind::Finished:
            return tr("The Job has finished: it runs no more Pods.");
        case CauseKind::ScaledDown:
            return tr("Parallelism was lowered: the controller deletes the extra Pods.");
        case CauseKind::None:
            return tr("The active Pods match the requested parallelism.");
        }
        return {};
    }

    // A qualitative palette (Tableau 10 and neighbours) so that neighbouring bands stay apart;
    // "none" is a neutral grey because it explains nothing.
    static QColor color(CauseKind kind) {
        switch (kind) {
        case CauseKind::RemainingCompletions:
            return QColor(0x59, 0xa1, 0x4f);
        case CauseKind::WorkQueueDraining:
            return QColor(0x76, 0xb7, 0xb2);
        case CauseKind::ControllerLag:
            return QColor(0xed, 0xc9, 0x48);
        case CauseKind::QuotaExceeded:
            return QColor(0xe1, 0x57, 0x59);
        case CauseKind::CreationForbidden:
            return QColor(0x7b, 0x32, 0x94);
        case CauseKind::CreationFailed:
            return QColor(0xa0, 0x52, 0x2d);
        case CauseKind::FailureBackoff:
            return QColor(0xf2, 0x8e, 0x2b);
        case CauseKind::Terminating:
            return QColor(0x9c, 0x75, 0x5f);
        case CauseKind::Pending:
            return QColor(0xff, 0x9d, 0xa7);
        case CauseKind::Suspended:
            return QColor(0x8c, 0x8c, 0x8c);
        case CauseKind::Finished:
            return QColor(0x4e, 0x79, 0xa7);
        case CauseKind::ScaledDown:
            return QColor(0xb0, 0x7a, 0xa1);
        case CauseKind::None:
            return QColor(0xd0, 0xd0, 0xd0);
        }
        return {};
    }
};

} // namespace

QStringList knownCauseIds() {
    QStringList ids;
    for (const CauseInfo& info : allCauses())
        ids << QString::fromLatin1(info.id);
    return ids;
}

QString causeLabel(CauseKind kind) {
    return CauseLabels::label(kind);
}

QString causeLabel(const QString& causeId) {
    if (const auto kind = causeKindOf(causeId.toStdString()))
        return CauseLabels::label(*kind);
    return causeId;
}

QString causeLabel(const std::string& causeId) {
    return causeLabel(QString::fromStdString(causeId));
}

QString causeDescription(CauseKind kind) {
    return CauseLabels::description(kind);
}

QString causeDescription(const QString& causeId) {
    if (const auto kind = causeKindOf(causeId.toStdString()))
        return CauseLabels::description(*kind);
    return {};
}

QColor causeColor(CauseKind kind) {
    return CauseLabels::color(kind);
}

QColor causeColor(const QString& causeId) {
    if (const auto kind = causeKindOf(causeId.toStdString()))
        return CauseLabels::color(*kind);
    // A hue from the id, so that an id from a newer engine still gets its own stable colour.
    const int hue = static_cast<int>(qHash(causeId, 0) % 360);
    return QColor::fromHsv(hue, 140, 200);
}

QColor causeColor(const std::string& causeId) {
    return causeColor(QString::fromStdString(causeId));
}

QColor failedColor() {
    return QColor(0xc6, 0x28, 0x28);
}

} // namespace jobscope::ui
