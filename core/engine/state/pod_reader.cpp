// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/pod_reader.h"

#include "job.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_set>

namespace jobscope {

namespace {

const InternedString* const kPhases[] = {&pod_phase::Pending, &pod_phase::Running,
                                         &pod_phase::Succeeded, &pod_phase::Failed,
                                         &pod_phase::Unknown};

bool isBooleanText(const YAML::Node& node) {
    if (!node.IsScalar() || node.Tag() == "!")
        return false;
    static const char* const words[] = {"true", "True", "TRUE", "false", "False", "FALSE",
                                        "yes",  "Yes",  "YES",  "no",    "No",    "NO",
                                        "on",   "On",   "ON",   "off",   "Off",   "OFF"};
    for (const char* w : words)
        if (node.Scalar() == w)
            return true;
    return false;
}

// The uid of the ownerReference marked controller: true, or "".
std::string controllerOwnerUid(const YAML::Node& pod) {
    // A missing key of a const node is a "zombie" that throws on any type query: ask
    // IsDefined() first.
    const YAML::Node metadata = pod["metadata"];
    if (!metadata.IsDefined() || !metadata.IsMap())
        return "";
    const YAML::Node refs = metadata["ownerReferences"];
    if (!refs.IsDefined() || !refs.IsSequence())
        return "";
    for (const auto& ref : refs) {
        if (!ref.IsMap())
            continue;
        const YAML::Node controller = ref["controller"];
        const YAML::Node uid = ref["uid"];
        if (controller.IsDefined() && controller.IsScalar() && controller.Scalar() == "true" &&
            uid.IsDefined() && uid.IsScalar())
            return uid.Scalar();
    }
    return "";
}

} // namespace

bool PodReader::isPodObject(const YAML::Node& node) {
    return node.IsMap() && (node["apiVersion"] || node["kind"] || node["metadata"] ||
                            node["spec"] || node["status"]);
}

bool PodReader::readPods(const YAML::Node& node, const std::string& path, std::vector<Pod>& pods) {
    const int errorsBefore = reader_.diagnostics().errorCount();
    YAML::Node items = node;
    std::string itemsPath = path;
    if (node.IsMap()) {
        // `kubectl get pods -o yaml` prints a v1 List; take its items.
        const auto kind = reader_.string(node["kind"], childPath(path, "kind"));
        if (!kind || (*kind != "List" && *kind != "PodList")) {
            reader_.error(
                node,
                Message("%1: %2: %3: %4",
                        {Message(path), JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"),
                         JOBSCOPE_TR_NOOP("jobscope::engine", "a mapping"),
                         JOBSCOPE_TR_NOOP("jobscope::engine",
                                          "must be a list of Pods (or a v1 List with items)")}));
            return false;
        }
        reader_.rejectUnknownKeys(node, path, {"apiVersion", "kind", "metadata", "items"});
        items = node["items"];
        itemsPath = childPath(path, "items");
        if (!items.IsDefined() || items.IsNull())
            return reader_.diagnostics().errorCount() == errorsBefore;
    }
    if (!reader_.isSequence(items, itemsPath))
        return reader_.diagnostics().errorCount() == errorsBefore;

    const size_t first = pods.size();
    // Where each entry was written and the Pods it expanded to, for the duplicate checks.
    struct Origin {
        size_t end; // one past its last Pod
        SourcePosition at;
        std::string path;
    };
    std::vector<Origin> origins;
    for (size_t i = 0; i < items.size(); ++i) {
        readEntry(items[i], childPath(itemsPath, i), pods);
        origins.push_back(Origin{pods.size(), positionOf(items[i]), childPath(itemsPath, i)});
        if (static_cast<int64_t>(pods.size() - first) > context_.maxPods) {
            reader_.error(items[i],
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                   "%1: too many Pods (at most %2 in one state)"),
                                  {childPath(itemsPath, i), std::to_string(context_.maxPods)}));
            pods.resize(first);
            return false;
        }
    }

    // Names are generated last so that they never collide with a name written later in
    // the file.
    for (size_t i = first; i < pods.size(); ++i)
        if (!pods[i].metadata.name.empty())
            names_.insert(pods[i].metadata.name);
    for (size_t i = first; i < pods.size(); ++i) {
        Pod& pod = pods[i];
        if (pod.metadata.name.empty())
            pod.metadata.name = generatedName();
        if (pod.metadata.uid.empty())
            pod.metadata.uid = pod.metadata.name;
    }
    // `pods` no longer changes, so views of its strings stay valid.
    std::unordered_set<std::string_view> seenNames;
    std::unordered_set<std::string_view> seenUids;
    auto origin = origins.begin();
    for (size_t i = first; i < pods.size(); ++i) {
        while (origin->end <= i)
            ++origin;
        const Pod& pod = pods[i];
        if (!seenNames.insert(pod.metadata.name).second)
            reader_.error(
                origin->at,
                fieldError(origin->path, JOBSCOPE_TR_NOOP("jobscope::engine", "Duplicate value"),
                           std::nullopt,
                           Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                    "Pod name \"%1\" is used more than once"),
                                   {pod.metadata.name})));
        else if (!seenUids.insert(pod.metadata.uid).second)
            reader_.error(
                origin->at,
                fieldError(origin->path, JOBSCOPE_TR_NOOP("jobscope::engine", "Duplicate value"),
                           std::nullopt,
                           Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                    "Pod uid \"%1\" is used more than once"),
                                   {pod.metadata.uid})));
    }
    return reader_.diagnostics().errorCount() == errorsBefore;
}

std::string PodReader::generatedName() {
    const std::string prefix = context_.jobName.empty() ? std::string("pod") : context_.jobName;
    while (true) {
        std::string name = prefix + "-" + std::to_string(nextGenerated_++);
        if (names_.insert(name).second)
            return name;
    }
}

bool PodReader::readEntry(const YAML::Node& node, const std::string& path, std::vector<Pod>& pods) {
    if (!node.IsMap()) {
        reader_.error(
            node,
            fieldError(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"), std::nullopt,
                       JOBSCOPE_TR_NOOP("jobscope::engine",
                                        "must be a Pod object or a shorthand mapping such as "
                                        "{name: a, phase: Running}")));
        return false;
    }
    if (!isPodObject(node))
        return readShorthand(node, path, pods);
    Pod pod;
    if (!readPodObject(node, path, pod))
        return false;
    // The informer lists the Pods the Job controls; a dump of a namespace may hold others.
    if (const std::string owner = controllerOwnerUid(node);
        !owner.empty() && !context_.jobUid.empty() && owner != context_.jobUid) {
        reader_.warning(
            node, Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                           "%1: Pod \"%2\" is controlled by another owner (uid "
                                           "%3); the Job controller does not see it, so it is left "
                                           "out"),
                          {path, pod.metadata.name, owner}));
        return true;
    }
    pods.push_back(std::move(pod));
    return true;
}

bool PodReader::readStringMap(const YAML::Node& node, const std::string& path,
                              std::map<std::string, std::string>& out) {
    if (!reader_.isMap(node, path))
        return true;
    bool ok = true;
    for (const auto& entry : node) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        if (!entry.first.IsScalar()) {
            reader_.error(
                entry.first,
                Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1: keys must be strings"), {path}));
            ok = false;
            continue;
        }
        if (auto value = reader_.string(entry.second, childPath(path, key)))
            out[key] = *value;
        else if (entry.second.IsNull())
            out[key] = "";
        else
            ok = false;
    }
    return ok;
}

bool PodReader::readContainerStatuses(const YAML::Node& node, const std::string& path,
                                      std::vector<ContainerStatus>& out) {
    if (!reader_.isSequence(node, path))
        return true;
    const int errorsBefore = reader_.diagnostics().errorCount();
    for (size_t i = 0; i < node.size(); ++i) {
        const YAML::Node item = node[i];
        const std::string itemPath = childPath(path, i);
        if (!reader_.isMap(item, itemPath))
            continue;
        ContainerStatus status;
        status.name = reader_.string(item["name"], childPath(itemPath, "name")).value_or("");
        status.ready = reader_.boolean(item["ready"], childPath(itemPath, "ready")).value_or(false);
        status.restartCount =
            reader_.int32(item["restartCount"], childPath(itemPath, "restartCount")).value_or(0);
        const YAML::Node state = item["state"];
        const std::string statePath = childPath(itemPath, "state");
        if (reader_.isMap(state, statePath)) {
            const YAML::Node running = state["running"];
            if (running.IsDefined() && !running.IsNull()) {
                status.running = true;
                if (reader_.isMap(running, childPath(statePath, "running")))
                    status.runningStartedAt = reader_.time(
                        running["startedAt"], childPath(statePath, "running.startedAt"));
            }
            const YAML::Node terminated = state["terminated"];
            const std::string terminatedPath = childPath(statePath, "terminated");
            if (reader_.isMap(terminated, terminatedPath)) {
                ContainerStateTerminated t;
                t.exitCode =
                    reader_.int32(terminated["exitCode"], childPath(terminatedPath, "exitCode"))
                        .value_or(0);
                t.reason = reader_.string(terminated["reason"], childPath(terminatedPath, "reason"))
                               .value_or("");
                t.startedAt =
                    reader_.time(terminated["startedAt"], childPath(terminatedPath, "startedAt"));
                t.finishedAt =
                    reader_.time(terminated["finishedAt"], childPath(terminatedPath, "finishedAt"));
                status.terminated = t;
            }
        }
        out.push_back(std::move(status));
    }
    return reader_.diagnostics().errorCount() == errorsBefore;
}

bool PodReader::readPodObject(const YAML::Node& node, const std::string& path, Pod& pod) {
    const int errorsBefore = reader_.diagnostics().errorCount();
    if (auto apiVersion = reader_.string(node["apiVersion"], childPath(path, "apiVersion"));
        apiVersion && *apiVersion != "v1")
        reader_.error(node["apiVersion"], unsupportedValue(childPath(path, "apiVersion"),
                                                           "\"" + *apiVersion + "\"", "\"v1\""));
    if (auto kind = reader_.string(node["kind"], childPath(path, "kind")); kind && *kind != "Pod")
        reader_.error(node["kind"],
                      unsupportedValue(childPath(path, "kind"), "\"" + *kind + "\"", "\"Pod\""));

    const YAML::Node metadata = node["metadata"];
    const std::string metaPath = childPath(path, "metadata");
    if (reader_.isMap(metadata, metaPath)) {
        ObjectMeta& m = pod.metadata;
        m.name = reader_.string(metadata["name"], childPath(metaPath, "name")).value_or("");
        m.namespace_ =
            reader_.string(metadata["namespace"], childPath(metaPath, "namespace")).value_or("");
        m.uid = reader_.string(metadata["uid"], childPath(metaPath, "uid")).value_or("");
        m.generateName =
            reader_.string(metadata["generateName"], childPath(metaPath, "generateName"))
                .value_or("");
        m.creationTimestamp =
            reader_.time(metadata["creationTimestamp"], childPath(metaPath, "creationTimestamp"));
        m.deletionTimestamp =
            reader_.time(metadata["deletionTimestamp"], childPath(metaPath, "deletionTimestamp"));
        m.deletionGracePeriodSeconds =
            reader_.int64(metadata["deletionGracePeriodSeconds"],
                          childPath(metaPath, "deletionGracePeriodSeconds"));
        readStringMap(metadata["labels"], childPath(metaPath, "labels"), m.labels);
        readStringMap(metadata["annotations"], childPath(metaPath, "annotations"), m.annotations);
        const YAML::Node finalizers = metadata["finalizers"];
        if (reader_.isSequence(finalizers, childPath(metaPath, "finalizers")))
            for (size_t i = 0; i < finalizers.size(); ++i)
                if (auto f = reader_.string(finalizers[i],
                                            childPath(childPath(metaPath, "finalizers"), i)))
                    m.finalizers.push_back(*f);
    }
    if (pod.metadata.name.empty())
        reader_.error(metadata.IsDefined() ? metadata : node,
                      requiredValue(childPath(metaPath, "name"),
                                    JOBSCOPE_TR_NOOP("jobscope::engine", "a Pod needs a name")));

    const YAML::Node spec = node["spec"];
    if (reader_.isMap(spec, childPath(path, "spec")))
        pod.nodeName =
            reader_.string(spec["nodeName"], childPath(path, "spec.nodeName")).value_or("");

    const YAML::Node status = node["status"];
    const std::string statusPath = childPath(path, "status");
    if (reader_.isMap(status, statusPath)) {
        if (auto phase = reader_.string(status["phase"], childPath(statusPath, "phase"))) {
            if (std::find_if(std::begin(kPhases), std::end(kPhases), [&](const InternedString* p) {
                    return *phase == *p;
                }) == std::end(kPhases)) {
                reader_.error(status["phase"],
                              unsupportedValue(childPath(statusPath, "phase"), "\"" + *phase + "\"",
                                               "Pending, Running, Succeeded, "
                                               "Failed, Unknown"));
            } else {
                pod.phase = *phase;
            }
        }
        pod.startTime = reader_.time(status["startTime"], childPath(statusPath, "startTime"));
        const YAML::Node conditions = status["conditions"];
        const std::string conditionsPath = childPath(statusPath, "conditions");
        if (reader_.isSequence(conditions, conditionsPath)) {
            for (size_t i = 0; i < conditions.size(); ++i) {
                const std::string cPath = childPath(conditionsPath, i);
                if (!reader_.isMap(conditions[i], cPath))
                    continue;
                PodCondition c;
                c.type =
                    reader_.string(conditions[i]["type"], childPath(cPath, "type")).value_or("");
                c.status = reader_.string(conditions[i]["status"], childPath(cPath, "status"))
                               .value_or("");
                c.lastTransitionTime = reader_.time(conditions[i]["lastTransitionTime"],
                                                    childPath(cPath, "lastTransitionTime"));
                if (c.type.empty())
                    reader_.error(conditions[i], requiredValue(childPath(cPath, "type"), {}));
                pod.conditions.push_back(std::move(c));
            }
        }
        readContainerStatuses(status["containerStatuses"],
                              childPath(statusPath, "containerStatuses"), pod.containerStatuses);
        readContainerStatuses(status["initContainerStatuses"],
                              childPath(statusPath, "initContainerStatuses"),
                              pod.initContainerStatuses);
    }
    return reader_.diagnostics().errorCount() == errorsBefore;
}

bool PodReader::readShorthand(const YAML::Node& node, const std::string& path,
                              std::vector<Pod>& pods) {
    const int errorsBefore = reader_.diagnostics().errorCount();
    reader_.rejectUnknownKeys(
        node, path,
        {"name",        "uid",         "phase",    "ready",        "readyAt",
         "terminating", "gracePeriod", "index",    "failureCount", "ignoredFailureCount",
         "finishedAt",  "exitCode",    "restarts", "conditions",   "tracked",
         "createdAt",   "node",        "labels",   "annotations",  "count"});

    Pod pod;
    const auto name = reader_.string(node["name"], childPath(path, "name"));
    const auto uid = reader_.string(node["uid"], childPath(path, "uid"));
    const auto exitCode = reader_.int32(node["exitCode"], childPath(path, "exitCode"));
    const auto finishedAt = reader_.time(node["finishedAt"], childPath(path, "finishedAt"));

    // Phase: written, or implied by how the container ended.
    if (auto phase = reader_.string(node["phase"], childPath(path, "phase"))) {
        bool known = false;
        for (const InternedString* p : kPhases)
            known = known || *phase == *p;
        if (!known) {
            Message message = unsupportedValue(childPath(path, "phase"), "\"" + *phase + "\"",
                                               "Pending, Running, Succeeded, Failed, Unknown");
            const std::string suggestion =
                closestMatch(*phase, {pod_phase::Pending, pod_phase::Running, pod_phase::Succeeded,
                                      pod_phase::Failed, pod_phase::Unknown});
            if (!suggestion.empty())
                message = Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1 (did you mean \"%2\"?)"),
                                  {message, suggestion});
            reader_.error(node["phase"], message);
        } else {
            pod.phase = *phase;
        }
    } else if (exitCode) {
        pod.phase = *exitCode == 0 ? pod_phase::Succeeded : pod_phase::Failed;
    } else if (finishedAt) {
        pod.phase = pod_phase::Succeeded;
    } else {
        pod.phase = pod_phase::Running;
    }

    pod.metadata.namespace_ = context_.jobNamespace;
    pod.metadata.creationTimestamp = reader_.time(node["createdAt"], childPath(path, "createdAt"));
    if (auto node_ = reader_.string(node["node"], childPath(path, "node")))
        pod.nodeName = *node_;
    else
        pod.nodeName = pod.phase == pod_phase::Pending ? "" : "node-1";

    // Deletion: a flag (deleted now) or the deletion time itself.
    const YAML::Node terminating = node["terminating"];
    if (terminating.IsDefined() && !terminating.IsNull()) {
        if (isBooleanText(terminating)) {
            if (reader_.boolean(terminating, childPath(path, "terminating")).value_or(false))
                pod.metadata.deletionTimestamp = context_.now;
        } else if (auto at = reader_.time(terminating, childPath(path, "terminating"))) {
            pod.metadata.deletionTimestamp = at;
        }
    }
    pod.metadata.deletionGracePeriodSeconds =
        reader_.int64(node["gracePeriod"], childPath(path, "gracePeriod"));

    const bool tracked =
        reader_.boolean(node["tracked"], childPath(path, "tracked")).value_or(true);
    if (tracked)
        pod.metadata.finalizers.push_back(kJobTrackingFinalizer);

    readStringMap(node["labels"], childPath(path, "labels"), pod.metadata.labels);
    readStringMap(node["annotations"], childPath(path, "annotations"), pod.metadata.annotations);

    // The index lives in the annotation (and, since PodIndexLabel, the label); a string
    // lets a state hold an invalid index on purpose.
    const YAML::Node index = node["index"];
    if (index.IsDefined() && !index.IsNull()) {
        if (!index.IsScalar()) {
            reader_.error(index, fieldError(childPath(path, "index"),
                                            JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"),
                                            std::nullopt,
                                            JOBSCOPE_TR_NOOP("jobscope::engine",
                                                             "must be an integer (or a string)")));
        } else {
            pod.metadata.annotations[kJobCompletionIndexAnnotation] = index.Scalar();
            pod.metadata.labels[kJobCompletionIndexAnnotation] = index.Scalar();
        }
    }
    if (auto n = reader_.int32(node["failureCount"], childPath(path, "failureCount")))
        pod.metadata.annotations[kJobIndexFailureCountAnnotation] = std::to_string(*n);
    if (auto n = reader_.int32(node["ignoredFailureCount"], childPath(path, "ignoredFailureCount")))
        pod.metadata.annotations[kJobIndexIgnoredFailureCountAnnotation] = std::to_string(*n);

    const auto ready = reader_.boolean(node["ready"], childPath(path, "ready")).value_or(false);
    const auto readyAt = reader_.time(node["readyAt"], childPath(path, "readyAt"));
    pod.conditions.push_back(PodCondition{"Ready", ready ? "True" : "False", readyAt});

    const YAML::Node conditions = node["conditions"];
    const std::string conditionsPath = childPath(path, "conditions");
    if (reader_.isSequence(conditions, conditionsPath)) {
        for (size_t i = 0; i < conditions.size(); ++i) {
            const YAML::Node c = conditions[i];
            const std::string cPath = childPath(conditionsPath, i);
            PodCondition condition;
            condition.status = "True";
            if (c.IsScalar()) {
                condition.type = c.Scalar();
            } else if (reader_.isMap(c, cPath)) {
                reader_.rejectUnknownKeys(c, cPath, {"type", "status", "lastTransitionTime"});
                condition.type = reader_.string(c["type"], childPath(cPath, "type")).value_or("");
                condition.status =
                    reader_.string(c["status"], childPath(cPath, "status")).value_or("True");
                condition.lastTransitionTime =
                    reader_.time(c["lastTransitionTime"], childPath(cPath, "lastTransitionTime"));
            } else {
                reader_.error(
                    c, fieldError(cPath, JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"),
                                  std::nullopt,
                                  JOBSCOPE_TR_NOOP("jobscope::engine",
                                                   "must be a condition type or a mapping")));
                continue;
            }
            if (condition.type.empty()) {
                reader_.error(c, requiredValue(childPath(cPath, "type"), {}));
                continue;
            }
            // A listed Ready condition replaces the one `ready` wrote.
            auto same =
                std::find_if(pod.conditions.begin(), pod.conditions.end(),
                             [&](const PodCondition& p) { return p.type == condition.type; });
            if (same != pod.conditions.end())
                *same = condition;
            else
                pod.conditions.push_back(condition);
        }
    }

    ContainerStatus container;
    container.name = "main";
    container.ready = ready;
    container.restartCount =
        reader_.int32(node["restarts"], childPath(path, "restarts")).value_or(0);
    if (container.restartCount < 0)
        reader_.error(node["restarts"],
                      invalidValue(childPath(path, "restarts"),
                                   std::to_string(container.restartCount),
                                   JOBSCOPE_TR_NOOP("jobscope::engine",
                                                    "must be greater than or equal to 0")));
    if (exitCode || finishedAt || pod.isTerminal()) {
        ContainerStateTerminated t;
        t.exitCode = exitCode.value_or(pod.phase == pod_phase::Failed ? 1 : 0);
        t.reason = t.exitCode == 0 ? "Completed" : "Error";
        t.finishedAt = finishedAt;
        container.terminated = t;
        container.ready = false;
    } else if (pod.phase == pod_phase::Running) {
        container.running = true;
    }
    if (pod.phase != pod_phase::Pending || container.terminated || container.restartCount > 0)
        pod.containerStatuses.push_back(container);

    int64_t count = 1;
    if (auto c = reader_.int64(node["count"], childPath(path, "count"))) {
        if (*c < 0 || *c > context_.maxPods) {
            reader_.error(node["count"],
                          invalidValue(childPath(path, "count"), std::to_string(*c),
                                       Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                "must be between 0 and %1"),
                                               {std::to_string(context_.maxPods)})));
            count = 0;
        } else {
            count = *c;
        }
    }
    if (count > 1 && uid)
        reader_.error(
            node["uid"],
            fieldError(childPath(path, "uid"),
                       JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"), std::nullopt,
                       JOBSCOPE_TR_NOOP("jobscope::engine",
                                        "a uid names one Pod; it cannot be given with count > 1")));
    if (reader_.diagnostics().errorCount() != errorsBefore)
        return false;

    pods.reserve(pods.size() + static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) {
        Pod copy = pod;
        if (name)
            copy.metadata.name = count > 1 ? *name + "-" + std::to_string(i) : *name;
        if (uid)
            copy.metadata.uid = *uid;
        pods.push_back(std::move(copy));
    }
    return true;
}

} // namespace jobscope
