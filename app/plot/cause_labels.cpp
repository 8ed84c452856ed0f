#include "plot/cause_labels.h"

#include <QCoreApplication>
#include <QHash>

#include <array>

namespace jobscope::ui {

namespace {

class CauseLabels {
    Q_DECLARE_TR_FUNCTIONS(CauseLabels)

public:
    struct Entry {
        const char* id;
        const char* label;
        const char* description;
        QRgb color;
    };

    // Colours: a qualitative palette (Tableau 10 and neighbours) so that neighbouring bands
    // stay apart; "none" is a neutral grey because it explains nothing.
    static const std::array<Entry, 12>& entries() {
        static const std::array<Entry, 12> table = {{
            {"remaining-completions", QT_TR_NOOP("remaining completions"),
             QT_TR_NOOP("Only the completions still missing are started: the Job never runs "
                        "more Pods than it still needs."),
             qRgb(0x59, 0xa1, 0x4f)},
            {"work-queue-draining", QT_TR_NOOP("work queue draining"),
             QT_TR_NOOP("A Pod has succeeded, so the queue is empty: no new Pods start and "
                        "the others finish their items."),
             qRgb(0x76, 0xb7, 0xb2)},
            {"controller-lag", QT_TR_NOOP("controller lag"),
             QT_TR_NOOP("The controller has not reacted yet: sync delay, expectations or "
                        "slow-start batches of 1, 2, 4, 8 creations."),
             qRgb(0xed, 0xc9, 0x48)},
            {"quota-exceeded", QT_TR_NOOP("quota exceeded"),
             QT_TR_NOOP("The namespace's ResourceQuota refuses more Pods."),
             qRgb(0xe1, 0x57, 0x59)},
            {"creation-forbidden", QT_TR_NOOP("creation forbidden"),
             QT_TR_NOOP("The controller lacks permission to create Pods."), qRgb(0x7b, 0x32, 0x94)},
            {"failure-backoff", QT_TR_NOOP("failure backoff"),
             QT_TR_NOOP("After repeated Pod failures the controller waits (exponential "
                        "backoff) before creating replacements."),
             qRgb(0xf2, 0x8e, 0x2b)},
            {"terminating", QT_TR_NOOP("terminating Pods"),
             QT_TR_NOOP("Pods in graceful termination take time to stop."), qRgb(0x9c, 0x75, 0x5f)},
            {"pending", QT_TR_NOOP("pending"),
             QT_TR_NOOP("Pods exist but do not run yet: no node has room, or the image is "
                        "still being pulled."),
             qRgb(0xff, 0x9d, 0xa7)},
            {"suspended", QT_TR_NOOP("suspended"),
             QT_TR_NOOP("The Job is suspended: its Pods are removed and none are created."),
             qRgb(0x8c, 0x8c, 0x8c)},
            {"finished", QT_TR_NOOP("finished"),
             QT_TR_NOOP("The Job has finished (complete or failed): it runs no more Pods."),
             qRgb(0x4e, 0x79, 0xa7)},
            {"scaled-down", QT_TR_NOOP("scaled down"),
             QT_TR_NOOP("Parallelism was lowered: the controller deletes the extra Pods."),
             qRgb(0xb0, 0x7a, 0xa1)},
            {"none", QT_TR_NOOP("no difference"),
             QT_TR_NOOP("The active Pods match the requested parallelism."),
             qRgb(0xd0, 0xd0, 0xd0)},
        }};
        return table;
    }

    static const Entry* find(const QString& id) {
        for (const Entry& e : entries())
            if (id == QLatin1String(e.id))
                return &e;
        return nullptr;
    }
};

} // namespace

QStringList knownCauseIds() {
    QStringList ids;
    for (const CauseLabels::Entry& e : CauseLabels::entries())
        ids << QString::fromLatin1(e.id);
    return ids;
}

QString causeLabel(const QString& causeId) {
    if (const CauseLabels::Entry* e = CauseLabels::find(causeId))
        return CauseLabels::tr(e->label);
    return causeId;
}

QString causeLabel(const std::string& causeId) {
    return causeLabel(QString::fromStdString(causeId));
}

QString causeDescription(const QString& causeId) {
    if (const CauseLabels::Entry* e = CauseLabels::find(causeId))
        return CauseLabels::tr(e->description);
    return {};
}

QColor causeColor(const QString& causeId) {
    if (const CauseLabels::Entry* e = CauseLabels::find(causeId))
        return QColor(e->color);
    // A hue from the id, so that an id from a newer engine still gets its own stable colour.
    const int hue = static_cast<int>(qHash(causeId, 0) % 360);
    return QColor::fromHsv(hue, 140, 200);
}

QColor causeColor(const std::string& causeId) {
    return causeColor(QString::fromStdString(causeId));
}

} // namespace jobscope::ui
