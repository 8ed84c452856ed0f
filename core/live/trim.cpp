// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/trim.h"

#include <QJsonArray>

#include <initializer_list>

namespace jobscope::live {

namespace {

// Copies the listed keys of `from` that are present.
QJsonObject pick(const QJsonObject& from, std::initializer_list<const char*> keys) {
    QJsonObject out;
    for (const char* key : keys) {
        const auto it = from.constFind(QLatin1String(key));
        if (it != from.constEnd() && !it->isUndefined())
            out.insert(QLatin1String(key), *it);
    }
    return out;
}

void insertIfNotEmpty(QJsonObject& into, const char* key, const QJsonObject& value) {
    if (!value.isEmpty())
        into.insert(QLatin1String(key), value);
}

void insertIfNotEmpty(QJsonObject& into, const char* key, const QJsonArray& value) {
    if (!value.isEmpty())
        into.insert(QLatin1String(key), value);
}

bool isJobLabel(const QString& key) {
    return key == QLatin1String("job-name") || key == QLatin1String("controller-uid") ||
           key.startsWith(QLatin1String("batch.kubernetes.io/"));
}

bool isJobAnnotation(const QString& key) {
    return key.startsWith(QLatin1String("batch.kubernetes.io/"));
}

QJsonObject filterMap(const QJsonValue& map, bool (*keep)(const QString&)) {
    QJsonObject out;
    const QJsonObject in = map.toObject();
    for (auto it = in.constBegin(); it != in.constEnd(); ++it)
        if (keep(it.key()) && it->isString())
            out.insert(it.key(), *it);
    return out;
}

bool anyLabel(const QString&) {
    return true;
}

// A Job keeps all its labels: a label selector (replay -l) picks Jobs by them.
QJsonObject trimMetadata(const QJsonObject& metadata, bool everyLabel = false) {
    QJsonObject out = pick(metadata, {"name", "namespace", "uid", "resourceVersion", "generation",
                                      "generateName", "creationTimestamp", "deletionTimestamp",
                                      "deletionGracePeriodSeconds", "finalizers"});
    insertIfNotEmpty(
        out, "labels",
        filterMap(metadata.value(QLatin1String("labels")), everyLabel ? anyLabel : isJobLabel));
    insertIfNotEmpty(out, "annotations",
                     filterMap(metadata.value(QLatin1String("annotations")), isJobAnnotation));
    QJsonArray owners;
    for (const QJsonValue& owner : metadata.value(QLatin1String("ownerReferences")).toArray())
        owners.append(pick(owner.toObject(), {"apiVersion", "kind", "name", "uid", "controller"}));
    insertIfNotEmpty(out, "ownerReferences", owners);
    return out;
}

QJsonArray trimContainers(const QJsonValue& containers) {
    QJsonArray out;
    for (const QJsonValue& value : containers.toArray()) {
        const QJsonObject container = value.toObject();
        QJsonObject kept = pick(container, {"name", "restartPolicy"});
        const QJsonObject requests = container.value(QLatin1String("resources"))
                                         .toObject()
                                         .value(QLatin1String("requests"))
                                         .toObject();
        if (!requests.isEmpty())
            kept.insert(QLatin1String("resources"),
                        QJsonObject{{QLatin1String("requests"), requests}});
        out.append(kept);
    }
    return out;
}

QJsonObject trimPodSpec(const QJsonObject& spec) {
    QJsonObject out = pick(spec, {"nodeName", "restartPolicy", "terminationGracePeriodSeconds"});
    insertIfNotEmpty(out, "containers", trimContainers(spec.value(QLatin1String("containers"))));
    insertIfNotEmpty(out, "initContainers",
                     trimContainers(spec.value(QLatin1String("initContainers"))));
    return out;
}

QJsonObject trimContainerState(const QJsonObject& state) {
    QJsonObject out;
    if (state.contains(QLatin1String("running")))
        out.insert(QLatin1String("running"),
                   pick(state.value(QLatin1String("running")).toObject(), {"startedAt"}));
    if (state.contains(QLatin1String("terminated")))
        out.insert(QLatin1String("terminated"),
                   pick(state.value(QLatin1String("terminated")).toObject(),
                        {"exitCode", "reason", "startedAt", "finishedAt"}));
    if (state.contains(QLatin1String("waiting")))
        out.insert(QLatin1String("waiting"),
                   pick(state.value(QLatin1String("waiting")).toObject(), {"reason"}));
    return out;
}

QJsonArray trimContainerStatuses(const QJsonValue& statuses) {
    QJsonArray out;
    for (const QJsonValue& value : statuses.toArray()) {
        const QJsonObject status = value.toObject();
        QJsonObject kept = pick(status, {"name", "ready", "started", "restartCount"});
        for (const char* key : {"state", "lastState"}) {
            const QJsonObject state =
                trimContainerState(status.value(QLatin1String(key)).toObject());
            insertIfNotEmpty(kept, key, state);
        }
        out.append(kept);
    }
    return out;
}

QJsonObject trimPodStatus(const QJsonObject& status) {
    QJsonObject out = pick(status, {"phase", "reason", "startTime"});
    QJsonArray conditions;
    for (const QJsonValue& c : status.value(QLatin1String("conditions")).toArray())
        conditions.append(pick(c.toObject(), {"type", "status", "reason", "lastTransitionTime"}));
    insertIfNotEmpty(out, "conditions", conditions);
    insertIfNotEmpty(out, "containerStatuses",
                     trimContainerStatuses(status.value(QLatin1String("containerStatuses"))));
    insertIfNotEmpty(out, "initContainerStatuses",
                     trimContainerStatuses(status.value(QLatin1String("initContainerStatuses"))));
    return out;
}

QJsonObject trimJobSpec(const QJsonObject& spec) {
    QJsonObject out =
        pick(spec, {"parallelism", "completions", "activeDeadlineSeconds", "backoffLimit",
                    "backoffLimitPerIndex", "maxFailedIndexes", "ttlSecondsAfterFinished",
                    "completionMode", "suspend", "manualSelector", "podFailurePolicy",
                    "podReplacementPolicy", "successPolicy", "managedBy", "selector"});
    const QJsonObject templ = spec.value(QLatin1String("template")).toObject();
    if (!templ.isEmpty()) {
        QJsonObject keptTemplate;
        insertIfNotEmpty(keptTemplate, "metadata",
                         trimMetadata(templ.value(QLatin1String("metadata")).toObject()));
        keptTemplate.insert(QLatin1String("spec"),
                            trimPodSpec(templ.value(QLatin1String("spec")).toObject()));
        out.insert(QLatin1String("template"), keptTemplate);
    }
    return out;
}

QJsonObject trimEvent(const QJsonObject& event) {
    QJsonObject out = pick(event, {"reason", "message", "type", "count", "firstTimestamp",
                                   "lastTimestamp", "eventTime", "reportingComponent"});
    out.insert(QLatin1String("involvedObject"),
               pick(event.value(QLatin1String("involvedObject")).toObject(),
                    {"apiVersion", "kind", "name", "namespace", "uid"}));
    const QJsonObject series = event.value(QLatin1String("series")).toObject();
    if (!series.isEmpty())
        out.insert(QLatin1String("series"), pick(series, {"count", "lastObservedTime"}));
    const QJsonObject source = event.value(QLatin1String("source")).toObject();
    if (!source.isEmpty())
        out.insert(QLatin1String("source"), pick(source, {"component"}));
    return out;
}

} // namespace

std::optional<ObjectKind> objectKindOf(const QJsonObject& object) {
    return objectKindFromName(object.value(QLatin1String("kind")).toString());
}

QJsonObject trimObject(ObjectKind kind, const QJsonObject& object) {
    QJsonObject out;
    switch (kind) {
    case ObjectKind::Job:
        out.insert(QLatin1String("spec"),
                   trimJobSpec(object.value(QLatin1String("spec")).toObject()));
        out.insert(QLatin1String("status"), object.value(QLatin1String("status")).toObject());
        break;
    case ObjectKind::Pod:
        out.insert(QLatin1String("spec"),
                   trimPodSpec(object.value(QLatin1String("spec")).toObject()));
        out.insert(QLatin1String("status"),
                   trimPodStatus(object.value(QLatin1String("status")).toObject()));
        break;
    case ObjectKind::Event:
        out = trimEvent(object);
        break;
    }
    for (const char* key : {"apiVersion", "kind"})
        if (object.contains(QLatin1String(key)))
            out.insert(QLatin1String(key), object.value(QLatin1String(key)));
    out.insert(
        QLatin1String("metadata"),
        trimMetadata(object.value(QLatin1String("metadata")).toObject(), kind == ObjectKind::Job));
    return out;
}

} // namespace jobscope::live
