// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/trim.h"

#include "live/trim_rules.h"

#include <QJsonArray>

#include <array>

namespace jobscope::live {

namespace trim_rules {

namespace {

bool isJobLabel(std::string_view key) {
    return key == "job-name" || key == "controller-uid" || key.starts_with("batch.kubernetes.io/");
}

bool isJobAnnotation(std::string_view key) {
    return key.starts_with("batch.kubernetes.io/");
}

// A Job keeps all its labels: a label selector (replay -l) picks Jobs by them.
bool anyLabel(std::string_view) {
    return true;
}

constexpr Field kOwnerReferenceFields[] = {
    {"apiVersion"}, {"kind"}, {"name"}, {"uid"}, {"controller"}};
constexpr Fields kOwnerReference{kOwnerReferenceFields};

// A Pod's and an Event's metadata keep the Job controller's labels; a Job's keeps them all.
constexpr std::array<Field, 13> metadataFields(bool (*keepLabel)(std::string_view)) {
    return {{
        {"name"},
        {"namespace"},
        {"uid"},
        {"resourceVersion"},
        {"generation"},
        {"generateName"},
        {"creationTimestamp"},
        {"deletionTimestamp"},
        {"deletionGracePeriodSeconds"},
        {"finalizers"},
        {"labels", Take::Strings, When::NotEmpty, nullptr, keepLabel},
        {"annotations", Take::Strings, When::NotEmpty, nullptr, isJobAnnotation},
        {"ownerReferences", Take::Items, When::NotEmpty, &kOwnerReference},
    }};
}
constexpr auto kMetadataFields = metadataFields(isJobLabel);
constexpr Fields kMetadata{kMetadataFields};
constexpr auto kJobMetadataFields = metadataFields(anyLabel);
constexpr Fields kJobMetadata{kJobMetadataFields};

constexpr Field kResourcesFields[] = {{"requests", Take::WholeObject, When::NotEmpty}};
constexpr Fields kResources{kResourcesFields};
constexpr Field kContainerFields[] = {
    {"name"}, {"restartPolicy"}, {"resources", Take::Object, When::NotEmpty, &kResources}};
constexpr Fields kContainer{kContainerFields};

constexpr Field kPodSpecFields[] = {
    {"nodeName"},
    {"restartPolicy"},
    {"terminationGracePeriodSeconds"},
    {"containers", Take::Items, When::NotEmpty, &kContainer},
    {"initContainers", Take::Items, When::NotEmpty, &kContainer},
};
constexpr Fields kPodSpec{kPodSpecFields};

constexpr Field kRunningFields[] = {{"startedAt"}};
constexpr Fields kRunning{kRunningFields};
constexpr Field kTerminatedFields[] = {{"exitCode"}, {"reason"}, {"startedAt"}, {"finishedAt"}};
constexpr Fields kTerminated{kTerminatedFields};
constexpr Field kWaitingFields[] = {{"reason"}};
constexpr Fields kWaiting{kWaitingFields};
constexpr Field kContainerStateFields[] = {
    {"running", Take::Object, When::Present, &kRunning},
    {"terminated", Take::Object, When::Present, &kTerminated},
    {"waiting", Take::Object, When::Present, &kWaiting},
};
constexpr Fields kContainerState{kContainerStateFields};
constexpr Field kContainerStatusFields[] = {
    {"name"},
    {"ready"},
    {"started"},
    {"restartCount"},
    {"state", Take::Object, When::NotEmpty, &kContainerState},
    {"lastState", Take::Object, When::NotEmpty, &kContainerState},
};
constexpr Fields kContainerStatus{kContainerStatusFields};
constexpr Field kConditionFields[] = {{"type"}, {"status"}, {"reason"}, {"lastTransitionTime"}};
constexpr Fields kCondition{kConditionFields};
constexpr Field kPodStatusFields[] = {
    {"phase"},
    {"reason"},
    {"startTime"},
    {"conditions", Take::Items, When::NotEmpty, &kCondition},
    {"containerStatuses", Take::Items, When::NotEmpty, &kContainerStatus},
    {"initContainerStatuses", Take::Items, When::NotEmpty, &kContainerStatus},
};
constexpr Fields kPodStatus{kPodStatusFields};

constexpr Field kTemplateFields[] = {
    {"metadata", Take::Object, When::NotEmpty, &kMetadata},
    {"spec", Take::Object, When::Always, &kPodSpec},
};
constexpr Fields kTemplate{kTemplateFields};
constexpr Field kJobSpecFields[] = {
    {"parallelism"},
    {"completions"},
    {"activeDeadlineSeconds"},
    {"backoffLimit"},
    {"backoffLimitPerIndex"},
    {"maxFailedIndexes"},
    {"ttlSecondsAfterFinished"},
    {"completionMode"},
    {"suspend"},
    {"manualSelector"},
    {"podFailurePolicy"},
    {"podReplacementPolicy"},
    {"successPolicy"},
    {"managedBy"},
    {"selector"},
    {"template", Take::Object, When::SourceNotEmpty, &kTemplate},
};
constexpr Fields kJobSpec{kJobSpecFields};

constexpr Field kJobFields[] = {
    {"apiVersion"},
    {"kind"},
    {"metadata", Take::Object, When::Always, &kJobMetadata},
    {"spec", Take::Object, When::Always, &kJobSpec},
    {"status", Take::WholeObject, When::Always},
};
constexpr Fields kJob{kJobFields};
constexpr Field kPodFields[] = {
    {"apiVersion"},
    {"kind"},
    {"metadata", Take::Object, When::Always, &kMetadata},
    {"spec", Take::Object, When::Always, &kPodSpec},
    {"status", Take::Object, When::Always, &kPodStatus},
};
constexpr Fields kPod{kPodFields};

constexpr Field kInvolvedObjectFields[] = {
    {"apiVersion"}, {"kind"}, {"name"}, {"namespace"}, {"uid"}};
constexpr Fields kInvolvedObject{kInvolvedObjectFields};
constexpr Field kSeriesFields[] = {{"count"}, {"lastObservedTime"}};
constexpr Fields kSeries{kSeriesFields};
constexpr Field kSourceFields[] = {{"component"}};
constexpr Fields kSource{kSourceFields};
constexpr Field kEventFields[] = {
    {"apiVersion"},
    {"kind"},
    {"metadata", Take::Object, When::Always, &kMetadata},
    {"reason"},
    {"message"},
    {"type"},
    {"count"},
    {"firstTimestamp"},
    {"lastTimestamp"},
    {"eventTime"},
    {"reportingComponent"},
    {"involvedObject", Take::Object, When::Always, &kInvolvedObject},
    {"series", Take::Object, When::SourceNotEmpty, &kSeries},
    {"source", Take::Object, When::SourceNotEmpty, &kSource},
};
constexpr Fields kEvent{kEventFields};

QLatin1String latin1(std::string_view key) {
    return QLatin1String(key.data(), static_cast<qsizetype>(key.size()));
}

} // namespace

const Fields& objectRules(ObjectKind kind) {
    switch (kind) {
    case ObjectKind::Job:
        return kJob;
    case ObjectKind::Pod:
        return kPod;
    case ObjectKind::Event:
        break;
    }
    return kEvent;
}

QJsonObject apply(const Fields& rules, const QJsonObject& object) {
    QJsonObject out;
    for (const Field& field : rules.members) {
        const QLatin1String key = latin1(field.key);
        const auto it = object.constFind(key);
        const bool present = it != object.constEnd() && !it->isUndefined();
        const QJsonValue value = present ? *it : QJsonValue();
        switch (field.take) {
        case Take::Value:
            if (present)
                out.insert(key, value);
            break;
        case Take::Object: {
            const QJsonObject source = value.toObject();
            if ((field.when == When::Present && !present) ||
                (field.when == When::SourceNotEmpty && source.isEmpty()))
                break;
            const QJsonObject kept = apply(*field.fields, source);
            if (field.when != When::NotEmpty || !kept.isEmpty())
                out.insert(key, kept);
            break;
        }
        case Take::Items: {
            QJsonArray items;
            for (const QJsonValue& item : value.toArray())
                items.append(apply(*field.fields, item.toObject()));
            if (!items.isEmpty())
                out.insert(key, items);
            break;
        }
        case Take::WholeObject: {
            const QJsonObject source = value.toObject();
            if ((field.when == When::Present && !present) ||
                (field.when != When::Always && source.isEmpty()))
                break;
            out.insert(key, source);
            break;
        }
        case Take::Strings: {
            QJsonObject kept;
            const QJsonObject source = value.toObject();
            for (auto member = source.constBegin(); member != source.constEnd(); ++member)
                if (member->isString() && field.keep(member.key().toStdString()))
                    kept.insert(member.key(), *member);
            if (!kept.isEmpty())
                out.insert(key, kept);
            break;
        }
        }
    }
    return out;
}

} // namespace trim_rules

std::optional<ObjectKind> objectKindOf(const QJsonObject& object) {
    return objectKindFromName(object.value(QLatin1String("kind")).toString());
}

QJsonObject trimObject(ObjectKind kind, const QJsonObject& object) {
    return trim_rules::apply(trim_rules::objectRules(kind), object);
}

} // namespace jobscope::live
