// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Observations -> Timeline: what a watch of one Job, its Pods and their Events
// delivered, turned into the same Timeline the simulator writes, so that one analysis explains
// a simulated, a live, a recorded and an imported Job.
//
// The Job is the first Job observed (or the one named in Options). Its Pods are those whose
// batch.kubernetes.io/controller-uid (or legacy controller-uid) label or controlling
// ownerReference names the Job's uid; its Events are those whose involvedObject is the Job or
// one of its Pods. Observations of anything else are counted and ignored. Pods and Events seen
// before their Job are held until it arrives.
//
// Times (the "time rule"). Every observation carries its local receive time; objects carry
// server timestamps (creationTimestamp, PodScheduled / Ready / Job condition
// lastTransitionTime, container startedAt / finishedAt, deletionTimestamp minus its grace
// period, status.startTime / completionTime, an Event's first/last timestamp or eventTime).
// RFC 3339 server times have whole-second resolution (MicroTime fields: 1 µs), and the clock
// that wrote them is the server's, so for each change the builder takes the newest server time
// among the transitions that change shows and uses it only when the receive time is later than
// it by more than its resolution plus a second of allowed watch latency — the observation was late
// (a list at the start of a watch, a re-list after a gap, a dump). Otherwise the receive time is
// used: a watch event arrives within milliseconds, which beats a timestamp truncated to the second.
// A late observation that shows several transitions (created, scheduled, started, ready,
// terminating, finished) becomes one change per transition at its own server time, and the span it
// reconstructs is recorded in Timeline::unobserved. A Pod's changes never go back in time.
//
// Duplicates and order: a change is applied only when the object's resourceVersion is newer
// than the last one applied (numeric comparison; an opaque version counts as newer when it
// differs), so a re-list repeating what the watch already delivered adds nothing, and an event
// that arrives after a newer one is dropped. An Event's occurrences are its count: a count that
// grows from 1 to 4 adds three occurrences. A re-list of Pods (Listed observations in a row)
// that lacks a Pod seen before means that Pod was deleted while the watch was down.

#include "live/observation.h"
#include "timeline/timeline.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace jobscope::live {

// A server timestamp with the resolution it was written with.
struct ServerTime {
    Seconds at = 0;
    Seconds resolution = 1; // 1 s for RFC 3339 seconds, 1e-6 for MicroTime
};

// Parses an RFC 3339 timestamp field; nullopt when absent, null or malformed.
std::optional<ServerTime> parseServerTime(const QJsonValue& value);

// A watch event normally arrives within milliseconds; a second more is allowed before a
// receive time counts as late.
inline constexpr Seconds kWatchLatencyAllowance = 1.0;

// The time rule above: `server` when `receivedAt` is later than it by more than its resolution
// plus kWatchLatencyAllowance (or always, with `trustServer`), else `receivedAt`.
Seconds chooseTime(Seconds receivedAt, const std::optional<ServerTime>& server,
                   bool trustServer = false);

// What the builder reads of a Pod object (its metadata, state and the server times of its
// transitions): a function of the object alone, so a reader may work it out ahead, on another
// thread, and hand it over as Observation::podReading.
std::shared_ptr<const PodReading> readPodObject(const QJsonObject& pod);

// Sets the podReading of every Pod observation that has none, split between this thread and
// another when the machine has a second core and there are at least `worthAThread` of them
// (fewer cost more to hand over than they save): a builder about to replay all of them then
// finds its Pods read, which is most of its work.
void readPodsAhead(std::vector<Observation>& observations, std::size_t worthAThread = 256);

class TimelineBuilder {
    Q_DECLARE_TR_FUNCTIONS(TimelineBuilder)

public:
    static constexpr qsizetype kOtherJobNamesKept = 10;

    struct Options {
        QString jobName; // empty: the first Job observed
        // Use server timestamps wherever an object has one (a post-mortem dump, whose
        // "receive time" is only when the dump was read).
        bool trustServerTimes = false;
    };

    TimelineBuilder();
    explicit TimelineBuilder(Options options);

    void add(const Observation& observation);
    // The list of `kind` that began with the latest run of Listed observations is complete:
    // Pods (or the Job) not in it are gone. (A run also ends by itself when a watch event of
    // that kind follows; this covers an empty list and the end of a recording.)
    void listComplete(ObjectKind kind, Seconds receivedAt);
    // The recording is over at `end` (else the end is the newest receive time seen).
    void finish(std::optional<Seconds> end = std::nullopt);

    bool hasJob() const { return !jobUid_.isEmpty(); }
    QString jobName() const { return jobName_; }
    QString jobNamespace() const { return jobNamespace_; }
    // Observations applied, and those that were duplicates or about other objects.
    int appliedCount() const { return applied_; }
    int ignoredCount() const { return ignored_; }
    // Objects that could not be read (each message names the object).
    const QStringList& warnings() const { return warnings_; }
    // The names of the Jobs passed over because they are not the one asked for (Options::jobName),
    // in the order first seen, at most kOtherJobNamesKept: what an error about a missing Job can
    // offer instead.
    const QStringList& otherJobNames() const { return otherJobNames_; }

    // The Timeline so far, times in seconds since the Unix epoch (start = the Job's creation).
    const Timeline& timeline() const;
    // The Job as the API server last reported it (the newest version applied; a deletion keeps
    // the version before it), as sent; empty before the Job is seen.
    const QJsonObject& jobObject() const { return lastJobObject_; }

private:
    struct PodRecord {
        QString uid;
        TimelinePod identity;
        uint64_t firstSeen = 0;
        QString resourceVersion;
        std::optional<PodState> state; // the last state applied
        Seconds lastTime = 0;          // of the last change applied
        bool deleted = false;
    };
    // A Pod change before the Timeline's Pods are put in creation order.
    struct Change {
        Seconds time = 0;
        uint64_t sequence = 0;
        uint32_t record = 0;
        PodState state;
        bool deleted = false;
    };

    void addNow(const Observation& o);
    void applyJob(const Observation& o);
    void applyPod(const Observation& o);
    void applyEvent(const Observation& o);
    void flushPending();
    void closePodList(Seconds at);
    void markUnobserved(Seconds from, Seconds to, const char* reason);
    void pushPodChange(uint32_t record, Seconds time, const PodState& state, bool deleted);
    void rebuild() const;

    Options options_;
    QString jobUid_, jobName_, jobNamespace_;
    int applied_ = 0, ignored_ = 0;
    QStringList warnings_;
    QStringList otherJobNames_;
    std::vector<Observation> pending_;      // Pods and Events seen before their Job
    std::vector<Observation> orphanEvents_; // Events about Pods not seen yet

    // The Job.
    QString jobResourceVersion_;
    QJsonObject lastJobObject_;
    bool jobDeleted_ = false;
    std::optional<Seconds> jobCreated_;
    Seconds lastJobTime_ = 0;

    // Pods, in the order first seen.
    std::vector<PodRecord> pods_;
    QHash<QString, uint32_t> podByUid_;
    QSet<QString> podNames_;
    std::vector<Change> podChanges_;

    // Events: the occurrences counted so far per Event uid.
    QHash<QString, qint64> eventCounts_;
    QHash<QString, QString> eventVersions_;

    // The run of Listed Pod observations in progress.
    bool podListOpen_ = false;
    Seconds podListStart_ = 0;
    QSet<QString> podListUids_;

    std::optional<Seconds> end_;
    Seconds newestReceived_ = 0;
    uint64_t sequence_ = 0;

    // What timeline() returns, rebuilt when something changed.
    mutable Timeline timeline_;
    mutable bool dirty_ = true;
    Timeline draft_; // jobChanges, events and unobserved spans in arrival order
    std::vector<uint64_t> jobSequence_, eventSequence_;
};

} // namespace jobscope::live
