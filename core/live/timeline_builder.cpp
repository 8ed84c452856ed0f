// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/timeline_builder.h"

#include "manifest/defaults.h"
#include "manifest/manifest.h"
#include "number_text.h"
#include "yaml_reader.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <future>
#include <limits>
#include <numeric>
#include <system_error>
#include <thread>
#include <utility>

namespace jobscope::live {

namespace {

constexpr size_t kMaxHeldObservations = 100000;

// JSON is YAML: a JSON value as a yaml-cpp node, so that the engine's Job reader reads it.
YAML::Node toYaml(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Bool:
        return YAML::Node(value.toBool() ? "true" : "false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::fabs(d) < 9.0e15 && d == std::floor(d))
            return YAML::Node(std::to_string(static_cast<long long>(d)));
        return YAML::Node(formatRoundTrip(d));
    }
    case QJsonValue::String:
        return YAML::Node(value.toString().toStdString());
    case QJsonValue::Array: {
        YAML::Node node(YAML::NodeType::Sequence);
        for (const QJsonValue& item : value.toArray())
            node.push_back(toYaml(item));
        return node;
    }
    case QJsonValue::Object: {
        YAML::Node node(YAML::NodeType::Map);
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            node[it.key().toStdString()] = toYaml(*it);
        return node;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return YAML::Node(YAML::NodeType::Null);
}

QJsonObject child(const QJsonObject& object, const char* key) {
    return object.value(QLatin1String(key)).toObject();
}

QString text(const QJsonObject& object, const char* key) {
    return object.value(QLatin1String(key)).toString();
}

// resourceVersion order: etcd revisions are integers; anything else counts as newer when it
// differs (the API calls the value opaque).
bool isNewerVersion(const QString& version, const QString& last) {
    if (last.isEmpty() || version.isEmpty())
        return true;
    bool okNew = false, okLast = false;
    const qulonglong n = version.toULongLong(&okNew);
    const qulonglong l = last.toULongLong(&okLast);
    if (okNew && okLast)
        return n > l;
    return version != last;
}

// What readPod asks of a Pod's conditions, in one pass, each answer from the first condition
// that gives it: whether Ready and DisruptionTarget are True (as conditionIsTrue), and the
// transition times of the first PodScheduled True, Ready True and Ready False; and the reason
// of the last PodScheduled False (why a Pod waits, when its container says nothing).
struct PodConditions {
    bool ready = false;
    bool disruptionTarget = false;
    std::optional<ServerTime> scheduled, readyAt, unreadyAt;
    QString unschedulableReason; // the reason of the last PodScheduled False, if any
};

PodConditions readPodConditions(const QJsonArray& conditions) {
    PodConditions out;
    bool ready = false, disruption = false, scheduled = false, readyTrue = false,
         readyFalse = false;
    for (const QJsonValue& value : conditions) {
        const QJsonObject c = value.toObject();
        const QString type = text(c, "type");
        const QString status = text(c, "status");
        const bool isTrue = status == QLatin1String("True");
        const auto time = [&] {
            return parseServerTime(c.value(QLatin1String("lastTransitionTime")));
        };
        if (type == QLatin1String("Ready")) {
            if (!std::exchange(ready, true))
                out.ready = isTrue;
            if (isTrue && !std::exchange(readyTrue, true))
                out.readyAt = time();
            if (status == QLatin1String("False") && !std::exchange(readyFalse, true))
                out.unreadyAt = time();
        } else if (type == QLatin1String("DisruptionTarget")) {
            if (!std::exchange(disruption, true))
                out.disruptionTarget = isTrue;
        } else if (type == QLatin1String("PodScheduled")) {
            if (isTrue && !std::exchange(scheduled, true))
                out.scheduled = time();
            if (status == QLatin1String("False"))
                out.unschedulableReason = text(c, "reason");
        }
    }
    return out;
}

bool conditionIsTrue(const QJsonArray& conditions, const char* type) {
    for (const QJsonValue& value : conditions) {
        const QJsonObject c = value.toObject();
        if (text(c, "type") == QLatin1String(type))
            return text(c, "status") == QLatin1String("True");
    }
    return false;
}

std::optional<ServerTime> earliest(std::optional<ServerTime> a, std::optional<ServerTime> b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return a->at <= b->at ? a : b;
}

bool isTerminal(const PodState& s) {
    return isTerminalPhase(s.phase);
}

// A Pod object as the Timeline records it, with the server times of its transitions.
struct PodSnapshot {
    PodState state;
    QString name, uid, resourceVersion;
    int index = -1;
    std::optional<int> failureCount, ignoredFailureCount;
    std::optional<ServerTime> created, scheduled, started, ready, unready, terminating, finished;
};

std::optional<int> intAnnotation(const QJsonObject& map, const char* key) {
    const QJsonValue value = map.value(QLatin1String(key));
    if (!value.isString())
        return std::nullopt;
    bool ok = false;
    const int n = value.toString().toInt(&ok);
    return ok && n >= 0 ? std::optional<int>(n) : std::nullopt;
}

// The members of a Pod's metadata the builder reads, in one pass over its keys: a lookup in a
// QJsonObject compares the key with each of the object's keys in turn, and the builder reads
// most of them. A member missing, or of another type, reads as a lookup would give it.
struct PodMetadata {
    QString name, uid, resourceVersion;
    QJsonValue creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds;
    QJsonObject labels, annotations;
    QJsonArray finalizers, ownerReferences;

    explicit PodMetadata(const QJsonObject& metadata) {
        for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
            const QString key = it.key();
            if (key == QLatin1String("name"))
                name = it.value().toString();
            else if (key == QLatin1String("uid"))
                uid = it.value().toString();
            else if (key == QLatin1String("resourceVersion"))
                resourceVersion = it.value().toString();
            else if (key == QLatin1String("creationTimestamp"))
                creationTimestamp = it.value();
            else if (key == QLatin1String("deletionTimestamp"))
                deletionTimestamp = it.value();
            else if (key == QLatin1String("deletionGracePeriodSeconds"))
                deletionGracePeriodSeconds = it.value();
            else if (key == QLatin1String("labels"))
                labels = it.value().toObject();
            else if (key == QLatin1String("annotations"))
                annotations = it.value().toObject();
            else if (key == QLatin1String("finalizers"))
                finalizers = it.value().toArray();
            else if (key == QLatin1String("ownerReferences"))
                ownerReferences = it.value().toArray();
        }
    }
    // The uid, or the name when it has none.
    const QString& identity() const { return uid.isEmpty() ? name : uid; }
};

// Whether the Job of uid `jobUid` owns the Pod: its controller-uid label, or its controller
// owner reference.
bool ownedBy(const PodMetadata& metadata, const QString& jobUid) {
    for (const char* key : {"batch.kubernetes.io/controller-uid", "controller-uid"})
        if (metadata.labels.value(QLatin1String(key)).toString() == jobUid)
            return true;
    for (const QJsonValue& value : metadata.ownerReferences) {
        const QJsonObject owner = value.toObject();
        if (owner.value(QLatin1String("controller")).toBool() && text(owner, "uid") == jobUid)
            return true;
    }
    return false;
}

PodSnapshot readPod(const QJsonObject& pod, const PodMetadata& metadata) {
    PodSnapshot snap;
    const QJsonObject spec = child(pod, "spec");
    const QJsonObject status = child(pod, "status");
    snap.name = metadata.name;
    snap.uid = metadata.identity();
    snap.resourceVersion = metadata.resourceVersion;
    const QJsonObject& annotations = metadata.annotations;
    const QJsonObject& labels = metadata.labels;
    std::optional<int> index = intAnnotation(annotations, kJobCompletionIndexAnnotation);
    if (!index)
        index = intAnnotation(labels, kJobCompletionIndexAnnotation);
    snap.index = index.value_or(-1);
    snap.failureCount = intAnnotation(annotations, kJobIndexFailureCountAnnotation);
    snap.ignoredFailureCount = intAnnotation(annotations, kJobIndexIgnoredFailureCountAnnotation);
    snap.created = parseServerTime(metadata.creationTimestamp);

    PodState& s = snap.state;
    const QString phase = text(status, "phase");
    s.phase = phase.isEmpty() ? std::string(pod_phase::Pending) : phase.toStdString();
    s.nodeName = text(spec, "nodeName").toStdString();
    s.tracked = false;
    for (const QJsonValue& f : metadata.finalizers)
        if (f.toString() == QLatin1String(kJobTrackingFinalizer))
            s.tracked = true;
    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    const PodConditions read = readPodConditions(conditions);
    s.ready = read.ready;
    s.disruptionTarget = read.disruptionTarget;
    snap.scheduled = read.scheduled;
    snap.ready = read.readyAt;
    snap.unready = read.unreadyAt;
    if (const auto deletion = parseServerTime(metadata.deletionTimestamp)) {
        s.deletionTimestamp = deletion->at;
        // The API server writes the deletion request time plus the grace period.
        const double grace = metadata.deletionGracePeriodSeconds.toDouble();
        snap.terminating = ServerTime{deletion->at - std::max(grace, 0.0), deletion->resolution};
    }

    const QJsonArray containers = status.value(QLatin1String("containerStatuses")).toArray();
    bool first = true;
    for (const QJsonValue& value : containers) {
        const QJsonObject c = value.toObject();
        const QJsonObject state = child(c, "state");
        const QJsonValue runningValue = state.value(QLatin1String("running"));
        const QJsonValue terminatedValue = state.value(QLatin1String("terminated"));
        const QJsonObject running = runningValue.toObject();
        const QJsonObject terminated = terminatedValue.toObject();
        const QJsonObject lastTerminated = child(child(c, "lastState"), "terminated");
        const int restartCount = c.value(QLatin1String("restartCount")).toInt();
        if (!runningValue.isUndefined() || terminated.contains(QLatin1String("startedAt")) ||
            !lastTerminated.isEmpty() || restartCount > 0)
            s.containersStarted = true;
        snap.started =
            earliest(snap.started, parseServerTime(running.value(QLatin1String("startedAt"))));
        snap.started =
            earliest(snap.started, parseServerTime(terminated.value(QLatin1String("startedAt"))));
        if (first) {
            // The first container is the main one (the simulator's "main").
            first = false;
            s.restartCount = restartCount;
            if (!terminatedValue.isUndefined()) {
                s.exitCode = terminated.value(QLatin1String("exitCode")).toInt();
                if (auto f = parseServerTime(terminated.value(QLatin1String("finishedAt")))) {
                    s.finishedAt = f->at;
                    snap.finished = f;
                }
            } else if (!lastTerminated.isEmpty() && s.restartCount > 0) {
                // Restarted in place (restartPolicy OnFailure): the last exit.
                s.exitCode = lastTerminated.value(QLatin1String("exitCode")).toInt();
                if (auto f = parseServerTime(lastTerminated.value(QLatin1String("finishedAt"))))
                    s.finishedAt = f->at;
            }
            s.waitingReason = text(child(state, "waiting"), "reason").toStdString();
        }
    }
    if (s.phase == pod_phase::Running)
        s.containersStarted = true;
    if (s.waitingReason.empty())
        s.waitingReason = read.unschedulableReason.toStdString();
    if (isTerminal(s) && !snap.finished)
        snap.finished = snap.unready;
    return snap;
}

// A transition a Pod observation shows, in lifecycle order.
enum class Milestone { Created, Scheduled, Started, Ready, Unready, Terminating, Finished };

struct Step {
    Milestone milestone;
    std::optional<ServerTime> stamp;
};

PodState applyMilestone(PodState s, Milestone m, const PodState& final) {
    switch (m) {
    case Milestone::Created:
        break;
    case Milestone::Scheduled:
        s.nodeName = final.nodeName;
        break;
    case Milestone::Started:
        s.phase = pod_phase::Running;
        s.containersStarted = true;
        s.waitingReason.clear();
        break;
    case Milestone::Ready:
        s.ready = true;
        break;
    case Milestone::Unready:
        s.ready = false;
        break;
    case Milestone::Terminating:
        s.deletionTimestamp = final.deletionTimestamp;
        break;
    case Milestone::Finished:
        s = final;
        break;
    }
    return s;
}

} // namespace

// (Outside the anonymous namespace: observation.h declares it.)
struct PodReading {
    explicit PodReading(const QJsonObject& pod)
        : metadata(child(pod, "metadata")), snapshot(readPod(pod, metadata)) {}
    PodMetadata metadata;
    PodSnapshot snapshot;
};

std::shared_ptr<const PodReading> readPodObject(const QJsonObject& pod) {
    return std::make_shared<const PodReading>(pod);
}

void readPodsAhead(std::vector<Observation>& observations, std::size_t worthAThread) {
    std::vector<Observation*> pods;
    for (Observation& o : observations)
        if (o.kind == ObjectKind::Pod && !o.podReading)
            pods.push_back(&o);
    const auto read = [&pods](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k)
            pods[k]->podReading = readPodObject(pods[k]->object);
    };
    const std::size_t half = pods.size() / 2;
    std::future<void> other;
    if (pods.size() >= worthAThread && std::thread::hardware_concurrency() > 1) {
        try {
            other = std::async(std::launch::async, read, half, pods.size());
        } catch (const std::system_error&) {
        }
    }
    read(0, other.valid() ? half : pods.size());
    if (other.valid())
        other.get();
}

std::optional<ServerTime> parseServerTime(const QJsonValue& value) {
    if (!value.isString())
        return std::nullopt;
    const QString s = value.toString();
    // A time is ASCII (a character outside it stands as one that fails the parse), and short
    // but for a long fraction.
    std::array<char, 48> buffer;
    std::string longer;
    char* ascii = buffer.data();
    if (s.size() > qsizetype(buffer.size())) {
        longer.resize(static_cast<std::size_t>(s.size()));
        ascii = longer.data();
    }
    for (qsizetype i = 0; i < s.size(); ++i)
        ascii[i] = s[i].unicode() < 0x80 ? static_cast<char>(s[i].unicode()) : '?';
    const auto at = parseRfc3339(std::string_view(ascii, static_cast<std::size_t>(s.size())));
    if (!at)
        return std::nullopt;
    return ServerTime{*at, s.contains(QLatin1Char('.')) ? 1e-6 : 1.0};
}

Seconds chooseTime(Seconds receivedAt, const std::optional<ServerTime>& server, bool trustServer) {
    if (!server)
        return receivedAt;
    if (trustServer || receivedAt - server->at > server->resolution + kWatchLatencyAllowance)
        return server->at;
    return receivedAt;
}

TimelineBuilder::TimelineBuilder() : TimelineBuilder(Options{}) {}

TimelineBuilder::TimelineBuilder(Options options) : options_(std::move(options)) {}

void TimelineBuilder::add(const Observation& o) {
    newestReceived_ = std::max(newestReceived_, o.receivedAt);
    dirty_ = true;
    addNow(o);
}

void TimelineBuilder::addNow(const Observation& o) {
    switch (o.kind) {
    case ObjectKind::Job:
        applyJob(o);
        break;
    case ObjectKind::Pod:
    case ObjectKind::Event:
        if (!hasJob()) {
            if (pending_.size() < kMaxHeldObservations)
                pending_.push_back(o);
            else
                ++ignored_;
            return;
        }
        if (o.kind == ObjectKind::Pod)
            applyPod(o);
        else
            applyEvent(o);
        break;
    }
}

void TimelineBuilder::flushPending() {
    std::vector<Observation> held;
    held.swap(pending_);
    for (const Observation& o : held)
        addNow(o);
}

void TimelineBuilder::markUnobserved(Seconds from, Seconds to, const char* reason) {
    if (!(to > from))
        return;
    draft_.unobserved.push_back(UnobservedSpan{from, to, reason});
}

// --- the Job ------------------------------------------------------------------------------------

void TimelineBuilder::applyJob(const Observation& o) {
    const QJsonObject metadata = child(o.object, "metadata");
    const QString uid = text(metadata, "uid");
    const QString name = text(metadata, "name");
    if (!hasJob()) {
        // A few names are enough for a message, and keep a namespace of many Jobs cheap.
        if (!options_.jobName.isEmpty() && name != options_.jobName && !name.isEmpty() &&
            otherJobNames_.size() < kOtherJobNamesKept && !otherJobNames_.contains(name))
            otherJobNames_.append(name);
        if (uid.isEmpty() || o.type == WatchType::Deleted ||
            (!options_.jobName.isEmpty() && name != options_.jobName)) {
            ++ignored_;
            return;
        }
    } else if (uid != jobUid_ || jobDeleted_) {
        ++ignored_;
        return;
    }
    const QString version = text(metadata, "resourceVersion");
    if (hasJob() && o.type != WatchType::Deleted && !isNewerVersion(version, jobResourceVersion_)) {
        ++ignored_;
        return;
    }

    Diagnostics diagnostics;
    YamlReader reader(QStringLiteral("Job %1").arg(name).toStdString(), diagnostics);
    SourceMap sources;
    std::optional<Job> job = readJobObject(toYaml(o.object), reader, sources);
    if (!job || diagnostics.hasErrors()) {
        warnings_.append(
            tr("Job %1 (resourceVersion %2) could not be read: %3")
                .arg(name, version, QString::fromStdString(diagnostics.format()).trimmed()));
        ++ignored_;
        return;
    }
    setJobDefaults(*job);
    ++applied_;
    jobResourceVersion_ = version;
    if (o.type != WatchType::Deleted)
        lastJobObject_ = o.object;

    const bool first = !hasJob();
    if (first) {
        jobUid_ = uid;
        jobName_ = name;
        jobNamespace_ = text(metadata, "namespace");
    }
    draft_.jobMetadata = job->metadata;

    auto push = [&](Seconds time, const JobSpec& spec, const JobStatus& status, bool deleted) {
        time = std::max(time, lastJobTime_);
        lastJobTime_ = time;
        draft_.jobChanges.push_back(JobObservation{time, spec, status, deleted});
        jobSequence_.push_back(sequence_++);
    };

    if (o.type == WatchType::Deleted) {
        jobDeleted_ = true;
        push(o.receivedAt, job->spec, job->status, true);
        return;
    }

    const QJsonObject status = child(o.object, "status");
    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    const bool finished = conditionIsTrue(conditions, job_condition::Complete) ||
                          conditionIsTrue(conditions, job_condition::Failed);
    const bool trust = options_.trustServerTimes;

    // The time of this state: the newest server time among the transitions it shows — when the
    // status holds nothing else new (counters carry no timestamp) or the Job has finished.
    const JobStatus none;
    const JobStatus& before = draft_.jobChanges.empty() ? none : draft_.jobChanges.back().status;
    std::optional<ServerTime> newest;
    auto consider = [&](const QJsonValue& value) {
        if (auto t = parseServerTime(value); t && (!newest || t->at > newest->at))
            newest = t;
    };
    if (!before.startTime)
        consider(status.value(QLatin1String("startTime")));
    if (!before.completionTime)
        consider(status.value(QLatin1String("completionTime")));
    for (const QJsonValue& value : conditions) {
        const QJsonObject c = value.toObject();
        const std::string type = text(c, "type").toStdString();
        const std::string conditionStatus = text(c, "status").toStdString();
        const bool known = std::any_of(
            before.conditions.begin(), before.conditions.end(),
            [&](const JobCondition& b) { return b.type == type && b.status == conditionStatus; });
        if (!known)
            consider(c.value(QLatin1String("lastTransitionTime")));
    }
    const bool countersMoved = job->status.succeeded != before.succeeded ||
                               job->status.failed != before.failed ||
                               job->status.active != before.active;
    Seconds time = o.receivedAt;
    if (newest && (finished || !countersMoved || trust))
        time = std::min(chooseTime(o.receivedAt, newest, trust), o.receivedAt);

    if (first) {
        const auto created = parseServerTime(metadata.value(QLatin1String("creationTimestamp")));
        // A Job found by a list existed before the watch began: no watch latency to allow for,
        // so its own timestamp wins as soon as it is a whole tick older than the list (its Pods,
        // listed beside it, are dated that way and would otherwise come before it).
        const bool listedLongBefore = o.type == WatchType::Listed && created &&
                                      o.receivedAt - created->at > created->resolution;
        const Seconds createdAt = std::min(
            listedLongBefore ? created->at : chooseTime(o.receivedAt, created, trust), time);
        jobCreated_ = createdAt;
        lastJobTime_ = createdAt;
        if (createdAt < o.receivedAt) {
            markUnobserved(createdAt, o.receivedAt, trust ? "dump" : "before-watch");
            // The Job's life before it was seen, from its timestamps: created with an empty
            // status, then its start and each condition at its transition time (the counters
            // are unknown until this observation). Suspension is read back from the Suspended
            // condition.
            std::vector<std::pair<Seconds, const JobCondition*>> moments; // nullptr: the start
            if (job->status.startTime)
                moments.emplace_back(*job->status.startTime, nullptr);
            for (const JobCondition& c : job->status.conditions)
                if (c.lastTransitionTime)
                    moments.emplace_back(*c.lastTransitionTime, &c);
            std::stable_sort(moments.begin(), moments.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            std::optional<Seconds> suspendedSince, resumedAt;
            for (const JobCondition& c : job->status.conditions)
                if (c.type == job_condition::Suspended && c.lastTransitionTime)
                    (c.status == "True" ? suspendedSince : resumedAt) = c.lastTransitionTime;
            auto specAt = [&](Seconds at) {
                JobSpec spec = job->spec;
                if (resumedAt)
                    spec.suspend = at < *resumedAt;
                else if (suspendedSince)
                    spec.suspend = at >= *suspendedSince - 1;
                return spec;
            };
            JobStatus sofar;
            push(createdAt, specAt(createdAt), sofar, false);
            for (const auto& [at, condition] : moments) {
                if (at >= time)
                    break;
                if (condition)
                    sofar.conditions.push_back(*condition);
                else
                    sofar.startTime = job->status.startTime;
                push(std::max(at, createdAt), specAt(at), sofar, false);
            }
        }
    }
    push(time, job->spec, job->status, false);

    if (first)
        flushPending();
}

// --- Pods ---------------------------------------------------------------------------------------

void TimelineBuilder::pushPodChange(uint32_t record, Seconds time, const PodState& state,
                                    bool deleted) {
    PodRecord& r = pods_[record];
    time = std::max(time, r.lastTime);
    r.lastTime = time;
    r.state = state;
    r.deleted = r.deleted || deleted;
    podChanges_.push_back(Change{time, sequence_++, record, state, deleted});
}

void TimelineBuilder::closePodList(Seconds at) {
    if (!podListOpen_)
        return;
    podListOpen_ = false;
    for (uint32_t i = 0; i < pods_.size(); ++i) {
        PodRecord& r = pods_[i];
        if (r.deleted || !r.state || podListUids_.contains(r.uid) || r.lastTime > at)
            continue;
        // Gone while the watch was down: deleted some time before the list.
        markUnobserved(r.lastTime, at, "watch-gap");
        pushPodChange(i, at, *r.state, true);
    }
    podListUids_.clear();
}

void TimelineBuilder::applyPod(const Observation& o) {
    std::optional<PodReading> readHere;
    if (!o.podReading)
        readHere.emplace(o.object);
    const PodReading& reading = o.podReading ? *o.podReading : *readHere;
    const PodMetadata& metadata = reading.metadata;
    const QString& uid = metadata.identity();
    // Lists: a run of Listed Pods is one list; anything else ends it.
    if (o.type == WatchType::Listed) {
        if (podListOpen_ && podListUids_.contains(uid))
            closePodList(podListStart_);
        if (!podListOpen_) {
            podListOpen_ = true;
            podListStart_ = o.receivedAt;
        }
        podListUids_.insert(uid);
    } else if (podListOpen_) {
        closePodList(podListStart_);
    }

    if (!ownedBy(metadata, jobUid_)) {
        ++ignored_;
        return;
    }
    const PodSnapshot& snap = reading.snapshot;
    const bool trust = options_.trustServerTimes;

    uint32_t record = 0;
    const auto found = podByUid_.constFind(snap.uid);
    if (found == podByUid_.constEnd()) {
        record = static_cast<uint32_t>(pods_.size());
        PodRecord r;
        r.uid = snap.uid;
        r.firstSeen = sequence_++;
        r.identity.name = snap.name.toStdString();
        r.identity.uid = snap.uid.toStdString();
        r.identity.index = snap.index;
        r.identity.indexFailureCount = snap.failureCount;
        r.identity.indexIgnoredFailureCount = snap.ignoredFailureCount;
        r.identity.createdAt =
            std::min(chooseTime(o.receivedAt, snap.created, trust), o.receivedAt);
        r.lastTime = r.identity.createdAt;
        pods_.push_back(std::move(r));
        podByUid_.insert(snap.uid, record);
        podNames_.insert(snap.name);
    } else {
        record = *found;
        PodRecord& r = pods_[record];
        if (r.deleted || !isNewerVersion(snap.resourceVersion, r.resourceVersion)) {
            ++ignored_;
            return;
        }
    }
    ++applied_;
    PodRecord& r = pods_[record];
    r.resourceVersion = snap.resourceVersion;
    const std::optional<PodState> previous = r.state;
    const PodState& final = snap.state;

    // The transitions this observation shows.
    std::vector<Step> steps;
    if (!previous) {
        steps.push_back({Milestone::Created, snap.created});
    }
    const bool wasScheduled = previous && !previous->nodeName.empty();
    if (!final.nodeName.empty() && !wasScheduled)
        steps.push_back({Milestone::Scheduled, snap.scheduled});
    if (final.containersStarted && !(previous && previous->containersStarted))
        steps.push_back({Milestone::Started, snap.started});
    if (final.ready && !(previous && previous->ready))
        steps.push_back({Milestone::Ready, snap.ready});
    if (!final.ready && previous && previous->ready && !isTerminal(final))
        steps.push_back({Milestone::Unready, snap.unready});
    if (final.deletionTimestamp && !(previous && previous->deletionTimestamp))
        steps.push_back({Milestone::Terminating, snap.terminating});
    if (isTerminal(final) && !(previous && isTerminal(*previous)))
        steps.push_back({Milestone::Finished, snap.finished});

    // Along the lifecycle no transition comes before the one it follows (PodScheduled's
    // transition time is rewritten by later status updates).
    {
        std::optional<Seconds> later;
        for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
            if (it->milestone == Milestone::Terminating || it->milestone == Milestone::Unready)
                continue;
            if (it->stamp && later && it->stamp->at > *later)
                it->stamp->at = *later;
            if (it->stamp)
                later = it->stamp->at;
        }
    }
    std::optional<ServerTime> newest;
    bool allStamped = true;
    for (const Step& step : steps) {
        if (!step.stamp)
            allStamped = false;
        else if (!newest || step.stamp->at > newest->at)
            newest = step.stamp;
    }
    const Seconds finalTime =
        std::min(steps.empty() || !(allStamped || trust) ? o.receivedAt
                                                         : chooseTime(o.receivedAt, newest, trust),
                 o.receivedAt);

    // Transitions clearly before this observation become changes of their own.
    std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
        const Seconds ta = a.stamp ? a.stamp->at : 1e300;
        const Seconds tb = b.stamp ? b.stamp->at : 1e300;
        return ta < tb;
    });
    PodState state;
    if (previous) {
        state = *previous;
    } else {
        state.tracked = final.tracked || isTerminal(final);
    }
    std::optional<Seconds> reconstructedFrom;
    for (const Step& s : steps) {
        if (!s.stamp)
            continue;
        const Seconds t = chooseTime(o.receivedAt, s.stamp, trust);
        if (t >= finalTime)
            break;
        if (s.milestone != Milestone::Finished)
            state = applyMilestone(state, s.milestone, final);
        else
            break;
        if (!reconstructedFrom)
            reconstructedFrom = t;
        pushPodChange(record, t, state, false);
    }
    const bool deleted = o.type == WatchType::Deleted;
    if (!previous || !(final == *previous) || steps.size() > 0) {
        if (finalTime < o.receivedAt && !reconstructedFrom)
            reconstructedFrom = finalTime;
        pushPodChange(record, finalTime, final, false);
    }
    if (deleted)
        pushPodChange(record, o.receivedAt, final, true);
    if (reconstructedFrom && !trust) {
        const bool beforeWatch =
            o.type == WatchType::Listed ||
            (!previous && jobCreated_ && *reconstructedFrom <= *jobCreated_ + 1);
        markUnobserved(*reconstructedFrom, o.receivedAt,
                       beforeWatch ? "before-watch" : "watch-gap");
    }

    // Events about this Pod that arrived before it.
    if (!previous && !orphanEvents_.empty()) {
        std::vector<Observation> held;
        held.swap(orphanEvents_);
        for (const Observation& e : held) {
            const QJsonObject involved = child(e.object, "involvedObject");
            if (text(involved, "name") == snap.name)
                applyEvent(e);
            else
                orphanEvents_.push_back(e);
        }
    }
}

// --- Events -------------------------------------------------------------------------------------

void TimelineBuilder::applyEvent(const Observation& o) {
    const QJsonObject involved = child(o.object, "involvedObject");
    const QString kind = text(involved, "kind");
    const QString name = text(involved, "name");
    const QString involvedUid = text(involved, "uid");
    bool ours = false;
    if (kind == QLatin1String("Job"))
        ours = involvedUid.isEmpty() ? name == jobName_ : involvedUid == jobUid_;
    else if (kind == QLatin1String("Pod"))
        ours = involvedUid.isEmpty() ? podNames_.contains(name) : podByUid_.contains(involvedUid);
    if (!ours) {
        // An Event may come before its Pod; the Job's Pods are named after it.
        if (kind == QLatin1String("Pod") && name.startsWith(jobName_) &&
            orphanEvents_.size() < kMaxHeldObservations && o.type != WatchType::Deleted)
            orphanEvents_.push_back(o);
        else
            ++ignored_;
        return;
    }
    if (o.type == WatchType::Deleted) { // Events expire; that is not news about the Job
        ++ignored_;
        return;
    }
    const QJsonObject metadata = child(o.object, "metadata");
    const QString uid =
        text(metadata, "uid").isEmpty() ? text(metadata, "name") : text(metadata, "uid");
    const QJsonObject series = child(o.object, "series");
    // count is an int32 on the server; anything else (a negative, a fraction, a number past
    // int32) counts as one occurrence more than seen rather than as a huge number.
    const auto countOf = [](const QJsonValue& value) -> qint64 {
        const double number = value.toDouble(0);
        return number >= 1 && number <= double(INT32_MAX) ? qint64(number) : 0;
    };
    qint64 count = countOf(series.value(QLatin1String("count")));
    if (count <= 0)
        count = countOf(o.object.value(QLatin1String("count")));
    count = std::max<qint64>(count, 1);
    const qint64 seen = eventCounts_.value(uid, 0);
    if (count <= seen) {
        ++ignored_;
        return;
    }
    ++applied_;
    eventCounts_.insert(uid, count);
    const bool trust = options_.trustServerTimes;

    std::optional<ServerTime> latest = parseServerTime(o.object.value(QLatin1String("eventTime")));
    if (auto t = parseServerTime(series.value(QLatin1String("lastObservedTime"))))
        latest = t;
    else if (auto last = parseServerTime(o.object.value(QLatin1String("lastTimestamp"))))
        latest = last;
    std::optional<ServerTime> firstTime =
        parseServerTime(o.object.value(QLatin1String("firstTimestamp")));
    if (!firstTime)
        firstTime = latest;
    if (!latest)
        latest = firstTime;

    TimelineEvent e;
    e.objectKind = kind.toStdString();
    e.objectName = name.toStdString();
    e.type = text(o.object, "type").toStdString();
    e.reason = text(o.object, "reason").toStdString();
    e.message = text(o.object, "message").toStdString();
    // The occurrences this observation is the first news of are one entry with their number,
    // at the newest one's time: a count of 2^31 - 1 is one entry, not two billion.
    e.count = int32_t(count - seen);
    const Seconds lastAt = std::min(chooseTime(o.receivedAt, latest, trust), o.receivedAt);
    e.time = lastAt;
    draft_.events.push_back(e);
    eventSequence_.push_back(sequence_++);
    // A new Event's earlier occurrences happened between its first timestamp and now.
    const Seconds firstAt = seen == 0 && e.count > 1 && firstTime
                                ? std::min(chooseTime(o.receivedAt, firstTime, trust), lastAt)
                                : lastAt;
    if (lastAt < o.receivedAt && !trust && firstAt < o.receivedAt - 1)
        markUnobserved(firstAt, o.receivedAt, "before-watch");
}

// --- lists, the end, and the Timeline -------------------------------------------------------

void TimelineBuilder::listComplete(ObjectKind kind, Seconds receivedAt) {
    newestReceived_ = std::max(newestReceived_, receivedAt);
    dirty_ = true;
    if (kind == ObjectKind::Pod) {
        if (!podListOpen_) {
            // An empty list: every Pod seen so far is gone.
            podListOpen_ = true;
            podListStart_ = receivedAt;
        }
        closePodList(podListStart_);
    }
}

void TimelineBuilder::finish(std::optional<Seconds> end) {
    closePodList(podListStart_);
    if (end)
        end_ = end;
    dirty_ = true;
}

const Timeline& TimelineBuilder::timeline() const {
    if (dirty_)
        rebuild();
    return timeline_;
}

void TimelineBuilder::rebuild() const {
    dirty_ = false;
    Timeline tl;
    tl.jobMetadata = draft_.jobMetadata;

    // Pods in creation order (first seen breaks ties); attempts count per index (NonIndexed:
    // the Pod's ordinal within the Job, as the simulator numbers them).
    std::vector<uint32_t> order(pods_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [this](uint32_t a, uint32_t b) {
        const PodRecord& pa = pods_[a];
        const PodRecord& pb = pods_[b];
        if (pa.identity.createdAt != pb.identity.createdAt)
            return pa.identity.createdAt < pb.identity.createdAt;
        return pa.firstSeen < pb.firstSeen;
    });
    std::vector<uint32_t> position(pods_.size());
    QHash<int, int> attempts;
    tl.pods.reserve(pods_.size());
    for (uint32_t i = 0; i < order.size(); ++i) {
        position[order[i]] = i;
        TimelinePod identity = pods_[order[i]].identity;
        identity.attempt = identity.index >= 0 ? attempts[identity.index]++ : static_cast<int>(i);
        tl.pods.push_back(std::move(identity));
    }

    std::vector<size_t> changeOrder(podChanges_.size());
    std::iota(changeOrder.begin(), changeOrder.end(), size_t{0});
    std::stable_sort(changeOrder.begin(), changeOrder.end(), [this](size_t a, size_t b) {
        if (podChanges_[a].time != podChanges_[b].time)
            return podChanges_[a].time < podChanges_[b].time;
        return podChanges_[a].sequence < podChanges_[b].sequence;
    });
    tl.podChanges.reserve(podChanges_.size());
    for (size_t i : changeOrder) {
        const Change& c = podChanges_[i];
        tl.podChanges.push_back(PodObservation{c.time, position[c.record], c.deleted, c.state});
    }

    auto sortedBySequence = [](const auto& items, const std::vector<uint64_t>& sequence) {
        std::vector<size_t> idx(items.size());
        std::iota(idx.begin(), idx.end(), size_t{0});
        std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
            if (items[a].time != items[b].time)
                return items[a].time < items[b].time;
            return sequence[a] < sequence[b];
        });
        std::decay_t<decltype(items)> out;
        out.reserve(items.size());
        for (size_t i : idx)
            out.push_back(items[i]);
        return out;
    };
    tl.jobChanges = sortedBySequence(draft_.jobChanges, jobSequence_);
    tl.events = sortedBySequence(draft_.events, eventSequence_);

    Seconds first = std::numeric_limits<Seconds>::infinity();
    Seconds last = 0;
    for (const auto& c : tl.jobChanges)
        first = std::min(first, c.time), last = std::max(last, c.time);
    for (const auto& c : tl.podChanges)
        first = std::min(first, c.time), last = std::max(last, c.time);
    for (const auto& e : tl.events)
        first = std::min(first, e.time), last = std::max(last, e.time);
    tl.start = jobCreated_ ? *jobCreated_ : (std::isfinite(first) ? first : newestReceived_);
    tl.end = std::max({end_.value_or(newestReceived_), last, tl.start});

    // Unobserved spans, merged.
    std::vector<UnobservedSpan> spans = draft_.unobserved;
    std::stable_sort(
        spans.begin(), spans.end(),
        [](const UnobservedSpan& a, const UnobservedSpan& b) { return a.start < b.start; });
    for (const UnobservedSpan& s : spans) {
        if (!tl.unobserved.empty() && s.start <= tl.unobserved.back().end) {
            tl.unobserved.back().end = std::max(tl.unobserved.back().end, s.end);
            continue;
        }
        tl.unobserved.push_back(s);
    }
    timeline_ = std::move(tl);
}

} // namespace jobscope::live
