// SPDX-License-Identifier: GPL-3.0-or-later
// The analysis reads a Timeline as an observer of the API server would: it replays the Job,
// Pod and Event observations in time order (all observations of one instant make one row),
// keeps the counts of each Pod state, and asks the reconcile core (syncJob) what the
// controller wants whenever the Job object shows that the controller's inputs moved: a spec
// change, a condition, or finished Pods entering status (every pass that sees a Pod finish
// writes it there). The core is asked as the controller would be asked — its expectations met,
// the API answering everything — with the pod-failure backoff record rebuilt from what was
// observed. Between two of those moments the controller has not looked yet (it batches Pod
// events for a second, SyncJobBatchPeriod): the gap that opens meanwhile is its lag, and the
// target follows the successes the Pods show (remaining completions, work-queue draining) at
// every change. Refusals (FailedCreate events), pending and terminating Pods, suspension and
// the Job's conditions are read directly.
//
// Each syncJob call gets only the Pods a sync can act on (active, terminating, finished but
// still tracked, and for backoffLimitPerIndex the recently failed ones), kept incrementally,
// with Pod objects rebuilt only for Pods that changed — so a run costs the number of changes
// plus the number of controller writes times the Pods in flight.

#include "analysis/analysis.h"

#include "go_int32.h"
#include "number_text.h"

#include "reconcile/backoff.h"
#include "reconcile/explanation.h"
#include "reconcile/indexes.h"
#include "reconcile/job_pods.h"
#include "reconcile/sync.h"
#include "timeline/bulk_memory.h"
#include "timeline/id_index.h"
#include "timeline/timeline_feed.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace jobscope {

namespace {

bool conditionTrue(const JobStatus& status, const char* type) {
    for (const auto& c : status.conditions)
        if (c.type == type && c.status == "True")
            return true;
    return false;
}

// The condition that makes the Job finished (or finishing), most final first.
const char* finishedCondition(const JobStatus& status) {
    for (const char* type : {job_condition::Failed, job_condition::Complete,
                             job_condition::FailureTarget, job_condition::SuccessCriteriaMet})
        if (conditionTrue(status, type))
            return type;
    return nullptr;
}

// "… exceeded quota: pods-2, requested: pods=1, used: pods=2, limited: pods=2" — a Pod count
// the ResourceQuota admission reports: `key` "limited: pods=" the limit, "used: pods=" the Pods
// of the whole namespace holding quota then.
std::optional<int> quotaCountFromMessage(const std::string& message, std::string_view key) {
    const auto at = message.find(key);
    if (at == std::string::npos)
        return std::nullopt;
    size_t i = at + key.size();
    int value = 0;
    bool any = false;
    while (i < message.size() && message[i] >= '0' && message[i] <= '9' && value < 100000000) {
        value = value * 10 + (message[i] - '0');
        any = true;
        ++i;
    }
    return any ? std::optional<int>(value) : std::nullopt;
}

bool isQuotaRefusal(const std::string& message) {
    return message.find("exceeded quota") != std::string::npos;
}

bool isForbiddenRefusal(const std::string& message) {
    return !isQuotaRefusal(message) && message.find("forbidden") != std::string::npos;
}

// The parts of a Job observation the controller's decision reads. Moving finished Pods from
// status.uncountedTerminatedPods into the counters (a second write of the same pass) keeps the
// totals, so it does not change the key.
struct DecisionKey {
    std::optional<int32_t> parallelism, completions, backoffLimit, backoffLimitPerIndex,
        maxFailedIndexes;
    std::optional<int64_t> activeDeadlineSeconds;
    std::optional<bool> suspend;
    std::optional<std::string> podReplacementPolicy, managedBy;
    std::vector<JobCondition> conditions;
    int64_t succeeded = 0, failed = 0;
    std::string completedIndexes;
    std::optional<std::string> failedIndexes;
    std::optional<Seconds> startTime;

    static DecisionKey of(const JobObservation& o) {
        DecisionKey k;
        k.parallelism = o.spec.parallelism;
        k.completions = o.spec.completions;
        k.backoffLimit = o.spec.backoffLimit;
        k.backoffLimitPerIndex = o.spec.backoffLimitPerIndex;
        k.maxFailedIndexes = o.spec.maxFailedIndexes;
        k.activeDeadlineSeconds = o.spec.activeDeadlineSeconds;
        k.suspend = o.spec.suspend;
        k.podReplacementPolicy = o.spec.podReplacementPolicy;
        k.managedBy = o.spec.managedBy;
        k.conditions = o.status.conditions;
        k.succeeded = o.status.succeeded;
        k.failed = o.status.failed;
        if (const auto& u = o.status.uncountedTerminatedPods) {
            k.succeeded += static_cast<int64_t>(u->succeeded.size());
            k.failed += static_cast<int64_t>(u->failed.size());
        }
        k.completedIndexes = o.status.completedIndexes;
        k.failedIndexes = o.status.failedIndexes;
        k.startTime = o.status.startTime;
        return k;
    }
    bool operator==(const DecisionKey&) const = default;
};

// What one row knows beyond its columns: the numbers the explanations quote.
struct RowFacts {
    int32_t completions = -1; // -1: unset (work queue)
    int32_t remaining = 0;    // completions not yet reached
    int quotaLimit = 0;
    // FailedCreate occurrences at this row's time (an Event's count can reach 2^31 - 1).
    int64_t quotaRefusals = 0;     // quota
    int64_t forbiddenRefusals = 0; // forbidden
    int64_t failedRefusals = 0;    // any other server error
    std::string forbiddenMessage;
    std::string failedMessage;
    int32_t backoffFailures = 0;
    Seconds backoffDelay = 0;
    Seconds backoffDue = 0;    // since the Job's creation
    int32_t backoffIndex = -1; // per-index backoff: the index retried next
    int32_t backoffIndexes = 0;
    std::string finishedCondition; // Complete, Failed, ..., or "deleted"
    std::string finishedReason;
};

// The causes of one row, primary first, without allocating (most instants repeat the
// previous row and are dropped).
struct CauseIds {
    std::array<CauseKind, kCauseKindCount> kinds{};
    size_t size = 0;

    void add(CauseKind kind) {
        if (contains(kind))
            return;
        if (size < kinds.size())
            kinds[size++] = kind;
    }
    bool contains(CauseKind kind) const {
        for (size_t i = 0; i < size; ++i)
            if (kinds[i] == kind)
                return true;
        return false;
    }
    bool equals(const std::vector<InternedString>& other) const {
        if (other.size() != size)
            return false;
        for (size_t i = 0; i < size; ++i)
            if (other[i] != causeId(kinds[i]))
                return false;
        return true;
    }
};

// The numbers of a cause at one instant, in its catalogue order (texts apart); NaN for an
// optional number that is absent.
struct CauseNumbers {
    std::array<double, 5> values{};
    std::array<std::string, 2> texts;

    bool operator==(const CauseNumbers& o) const {
        for (size_t i = 0; i < values.size(); ++i)
            if (!(values[i] == o.values[i] || (std::isnan(values[i]) && std::isnan(o.values[i]))))
                return false;
        return texts == o.texts;
    }
};

// A cause interval still open: its numbers, and the refusals counted since its episode began.
struct OpenInterval {
    CauseInterval interval;
    CauseNumbers numbers;
    int64_t refusals = 0;
};

class Analyzer {
public:
    explicit Analyzer(const Timeline& tl) : tl_(tl) {}

    // Reads the Timeline up to `to`, a complete instant: every row up to it.
    void advance(const TimelineExtent& to);
    // The Analysis, once the Timeline is complete (`end` set) and read to its end.
    Analysis finish();

private:
    struct PodTrack {
        bool seen = false;
        bool deleted = false;
        bool succeeded = false;  // phase Succeeded
        bool failedLike = false; // isPodFailed: Failed, or being deleted (unless only failed
                                 // Pods are replaced) without having succeeded
        bool tracked = true;
        bool inUncounted = false;
        bool everUncounted = false;  // listed in uncountedTerminatedPods at some point
        bool successCounted = false; // its success is in succeededSeen_
        bool settled = false;        // counted in the backoff record
        bool active = false, ready = false, running = false, pending = false, terminating = false,
             quotaUse = false;
        bool dirty = true;
        bool everSucceeded = false;
        bool everFailed = false;
        bool keepFailed = false; // per-index backoff: the sync needs the failed Pod for a while
        // Seen running without the tracking finalizer before it failed or began deleting: the
        // controller took the finalizer off first (deleteJobPods, on suspend or scale-down), so
        // it never counts the Pod as failed and no backoff follows.
        bool releasedBeforeFailing = false;
        // Seen finished while still carrying the tracking finalizer: a sync then finds it among
        // the new finished Pods and folds it into the backoff record. A Pod whose finalizer
        // went first (deleteJobPods) never is, success or failure.
        bool finishedTracked = false;
        int32_t setPos = -1; // position in actionable_
        uint32_t lastChange = 0;
        Seconds finishedAt = 0;
    };

    void applyJob(const JobObservation& obs);
    void applyPod(uint32_t changeIndex);
    void applyEvent(const TimelineEvent& e);
    void removeCounts(const PodTrack& t);
    void addCounts(const PodTrack& t);
    void classify(PodTrack& t, const PodObservation& obs);
    void updateMembership(uint32_t pod);
    void checkSettle(uint32_t pod);
    void flushSettlements();
    void evaluate(Seconds now);
    void emitRow(Seconds now);
    void perIndexBackoff(Seconds now);
    void trackIntervals(const SeriesRow& row, const CauseIds& causes, const RowFacts& facts);
    void closeInterval(OpenInterval& open, Seconds end);
    CauseNumbers numbersOf(CauseKind kind, const SeriesRow& row, const RowFacts& facts,
                           int64_t refusals) const;
    bool onlyFailed() const { return job_ && onlyReplaceFailedPods(jobView_, tl_.gates); }

    // Tracks the Pods up to `podCount`, reserving for `expected` when it tracks the first.
    void addPods(std::size_t podCount, std::size_t expected);

    const Timeline& tl_;
    Analysis out_;
    TimelineExtent merged_;    // how far advance has read each list
    Seconds last_ = tl_.start; // the instant of the latest row

    std::vector<PodTrack> pods_;
    std::vector<uint32_t> actionable_;
    std::vector<std::unique_ptr<Pod>> podObjects_;
    // Pod objects of Pods that left the actionable set, reused (fillPod) for the next ones.
    std::vector<std::unique_ptr<Pod>> spareObjects_;
    // Pods that left the actionable set still holding their object: flushSettlements refills
    // it for a Pod that settles (fillPodState: the identity is already there),
    // then the objects go to spareObjects_.
    std::vector<uint32_t> leftWithObject_;
    std::vector<Pod> settleStorage_; // settling Pods without an object, storage reused
    // The Pods evaluate hands the core, the array reused: a fresh one per evaluation is a
    // large request, which makes the allocator sweep its small free chunks every time.
    std::vector<const Pod*> syncPods_;
    // The expectations evaluate hands the core, their uid strings' storage reused from one
    // evaluation to the next (a thousand uids copied per evaluation showed in the profile).
    Expectations expectations_;
    IdIndex uidIndex_; // Pod uids -> positions in tl_.pods
    std::vector<uint32_t> uncountedPods_;
    std::deque<uint32_t> keptFailed_; // per-index backoff Pods, in finish order
    std::vector<uint32_t> settleSucceeded_;
    std::vector<uint32_t> settleFailed_;

    // Successes seen on the Pods themselves: NonIndexed, Pods seen Succeeded; Indexed, distinct
    // indexes with a Succeeded Pod. The Job's counters trail them by a pass or two (uncounted,
    // finalizer removal, counters), and a watch may merge those writes.
    int32_t succeededSeen_ = 0;
    int32_t succeededPodsSeen_ = 0, failedPodsSeen_ = 0; // Pods, duplicates of an index included
    std::vector<char> indexSucceeded_;
    int32_t active_ = 0, ready_ = 0, running_ = 0, pending_ = 0, terminating_ = 0, quotaUse_ = 0;

    const JobObservation* job_ = nullptr; // tl_.jobChanges[*jobIndex_]
    std::optional<std::size_t> jobIndex_;
    Job jobView_; // metadata + spec of the latest observation (status filled per evaluation)
    bool jobChanged_ = false;
    std::optional<DecisionKey> evaluatedKey_; // the Job as the core was last asked about it
    BackoffRecord settledBackoff_;

    // The latest answer of the reconcile core.
    struct Eval {
        bool valid = false;
        int32_t wantActive = 0;
        bool draining = false;
        bool heldIndexes = false; // Indexed: no index free to start (remaining-completions)
        std::optional<Seconds> backoffUntil;
        int32_t backoffFailures = 0;
        Seconds backoffDelay = 0;
        int32_t backoffIndex = -1;
        int32_t backoffIndexes = 0;
        bool finishing = false;
    } eval_;

    // Creation refusals seen since the last successful creation.
    bool quotaRefused_ = false;
    int quotaLimit_ = 0;
    int quotaOthers_ = 0; // Pods not of this Job holding quota at the last refusal
    bool forbiddenRefused_ = false;
    std::string forbiddenMessage_;
    bool failedRefused_ = false;
    std::string failedMessage_;
    int64_t batchQuotaRefusals_ = 0;
    int64_t batchForbiddenRefusals_ = 0;
    int64_t batchFailedRefusals_ = 0;
    bool batchCreated_ = false;

    std::array<std::optional<OpenInterval>, kCauseKindCount> open_;
};

void Analyzer::removeCounts(const PodTrack& t) {
    active_ -= t.active;
    ready_ -= t.ready;
    running_ -= t.running;
    pending_ -= t.pending;
    terminating_ -= t.terminating;
    quotaUse_ -= t.quotaUse;
}

void Analyzer::addCounts(const PodTrack& t) {
    active_ += t.active;
    ready_ += t.ready;
    running_ += t.running;
    pending_ += t.pending;
    terminating_ += t.terminating;
    quotaUse_ += t.quotaUse;
}

void Analyzer::classify(PodTrack& t, const PodObservation& obs) {
    const PodState& s = obs.state;
    t.deleted = obs.deleted;
    t.succeeded = s.phase == pod_phase::Succeeded;
    const bool terminal = isTerminalPhase(s.phase);
    const bool deleting = s.deletionTimestamp.has_value();
    t.failedLike = s.phase == pod_phase::Failed ||
                   (!onlyFailed() && deleting && s.phase != pod_phase::Succeeded);
    t.tracked = s.tracked;
    const bool live = !obs.deleted;
    // controller.IsPodActive / IsPodTerminating.
    t.active = live && !terminal && !deleting;
    t.terminating = live && !terminal && deleting;
    t.ready = t.active && s.ready;
    t.running = t.active && s.phase == pod_phase::Running;
    t.pending = t.active && s.phase == pod_phase::Pending;
    // ResourceQuota counts Pods that are not in a terminal phase.
    t.quotaUse = live && !terminal;
    if (terminal && t.finishedAt == 0)
        t.finishedAt = s.finishedAt.value_or(obs.time);
}

void Analyzer::updateMembership(uint32_t pod) {
    PodTrack& t = pods_[pod];
    const bool finished = t.succeeded || t.failedLike;
    bool member = t.seen && !t.deleted && (!finished || t.tracked || t.keepFailed);
    if (member && t.setPos < 0) {
        t.setPos = static_cast<int32_t>(actionable_.size());
        actionable_.push_back(pod);
    } else if (!member && t.setPos >= 0) {
        const uint32_t last = actionable_.back();
        actionable_[static_cast<size_t>(t.setPos)] = last;
        pods_[last].setPos = t.setPos;
        actionable_.pop_back();
        t.setPos = -1;
        if (podObjects_[pod])
            leftWithObject_.push_back(pod);
        t.dirty = true;
    }
}

// The controller folds a finished Pod into its backoff record (newBackoffRecord) in the sync
// that moves it out of the "new finished" set — into uncountedTerminatedPods, or by dropping
// its finalizer. An observer sees that move and does the same, so the record it passes to
// syncJob holds exactly the failures the controller has already folded in.
void Analyzer::checkSettle(uint32_t pod) {
    PodTrack& t = pods_[pod];
    if (t.settled || !(t.succeeded || t.failedLike))
        return;
    const bool stillNew = !t.deleted && t.tracked && !t.inUncounted;
    if (stillNew)
        return;
    t.settled = true;
    // The sync that finds a finished Pod new lists it in uncountedTerminatedPods before it
    // takes the finalizer off (an Indexed success goes to completedIndexes instead). A Pod
    // that lost its finalizer otherwise was released by deleteJobPods while the controller
    // believed it active, and finished on the way: no sync ever found it new.
    const bool indexedSuccess = t.succeeded && tl_.pods[pod].index >= 0;
    if (!t.finishedTracked || (t.releasedBeforeFailing && !t.succeeded) ||
        (!t.everUncounted && !indexedSuccess))
        return; // never one of the controller's new finished Pods
    (t.succeeded ? settleSucceeded_ : settleFailed_).push_back(pod);
}

void Analyzer::flushSettlements() {
    if (!settleSucceeded_.empty() || !settleFailed_.empty()) {
        // Sized first, pointed to after: the storage does not move once sized.
        if (settleStorage_.size() < settleSucceeded_.size() + settleFailed_.size())
            settleStorage_.resize(settleSucceeded_.size() + settleFailed_.size());
        size_t used = 0;
        std::vector<const Pod*> succeeded, failed;
        for (auto [list, pods] :
             {std::pair{&settleSucceeded_, &succeeded}, std::pair{&settleFailed_, &failed}}) {
            for (uint32_t p : *list) {
                const PodState& state = tl_.podChanges[pods_[p].lastChange].state;
                Pod* pod = podObjects_[p].get();
                if (pod) {
                    Timeline::fillPodState(state, *pod); // its own object: the identity is there
                } else {
                    pod = &settleStorage_[used++];
                    tl_.fillPod(p, state, *pod);
                }
                pods->push_back(pod);
            }
        }
        settledBackoff_ = newBackoffRecord(settledBackoff_, succeeded, failed);
        settleSucceeded_.clear();
        settleFailed_.clear();
    }
    for (uint32_t p : leftWithObject_)
        if (pods_[p].setPos < 0 && podObjects_[p])
            spareObjects_.push_back(std::move(podObjects_[p]));
    leftWithObject_.clear();
}

void Analyzer::applyPod(uint32_t changeIndex) {
    const PodObservation& obs = tl_.podChanges[changeIndex];
    if (obs.pod >= pods_.size())
        return;
    PodTrack& t = pods_[obs.pod];
    const bool wasUntrackedAndUnfinished = t.seen && !t.tracked && !t.succeeded && !t.failedLike;
    removeCounts(t);
    t.seen = true;
    t.lastChange = changeIndex;
    t.dirty = true;
    classify(t, obs);
    addCounts(t);
    if (t.failedLike && !t.succeeded && wasUntrackedAndUnfinished)
        t.releasedBeforeFailing = true;
    if ((t.succeeded || t.failedLike) && t.tracked)
        t.finishedTracked = true;
    if (t.failedLike && !t.everFailed && !t.succeeded && !t.releasedBeforeFailing) {
        t.everFailed = true;
        ++failedPodsSeen_;
    }
    if (t.succeeded && !t.everSucceeded) {
        t.everSucceeded = true;
        ++succeededPodsSeen_;
        const int index = tl_.pods[obs.pod].index;
        if (index < 0) {
            ++succeededSeen_;
            t.successCounted = true;
        } else {
            if (static_cast<size_t>(index) >= indexSucceeded_.size())
                indexSucceeded_.resize(static_cast<size_t>(index) + 1, 0);
            if (!indexSucceeded_[static_cast<size_t>(index)]) {
                indexSucceeded_[static_cast<size_t>(index)] = 1;
                ++succeededSeen_;
                t.successCounted = true;
            }
        }
    }
    // A success the controller will never count: a NonIndexed Pod that lost its tracking
    // finalizer without passing through uncountedTerminatedPods. deleteJobPods (suspend,
    // scale-down) takes the finalizer off a Pod the controller still believed active, and
    // upstream skips finished Pods without it; counting the success anyway would make the Job
    // look done too early. (Indexed successes go straight to completedIndexes, never through
    // uncountedTerminatedPods: the counters cover them.)
    if (t.successCounted && !t.tracked && !t.everUncounted && tl_.pods[obs.pod].index < 0) {
        t.successCounted = false;
        --succeededSeen_;
    }

    if (t.failedLike && hasBackoffLimitPerIndex(jobView_, tl_.gates) && !t.keepFailed &&
        !t.deleted && tl_.pods[obs.pod].index >= 0) {
        // getRemainingTimePerIndex reads the last failed Pod of the index even after its
        // finalizer is gone; keep it visible to the sync for the longest backoff.
        t.keepFailed = true;
        keptFailed_.push_back(obs.pod);
    }
    if (t.deleted)
        t.keepFailed = false;
    updateMembership(obs.pod);
    checkSettle(obs.pod);

    // The per-Pod lifecycle.
    PodLifecycle& life = out_.pods[obs.pod];
    const PodState& s = obs.state;
    if (!s.nodeName.empty()) {
        life.node = s.nodeName;
        if (!life.scheduled)
            life.scheduled = obs.time;
    }
    if (s.containersStarted && !life.started)
        life.started = obs.time;
    if (s.ready && !life.ready)
        life.ready = obs.time;
    // deletionTimestamp holds the deletion time plus the grace period: when the Pod started
    // terminating is when that field appeared.
    if (s.deletionTimestamp && !life.terminating)
        life.terminating = obs.time;
    if (isTerminalPhase(s.phase) && !life.finished) {
        life.finished = obs.time;
        life.containerFinished = s.finishedAt;
    }
    if (obs.deleted && !life.deleted)
        life.deleted = obs.time;
    life.phase = s.phase;
    if (s.exitCode)
        life.exitCode = s.exitCode;
    life.disruptionTarget = life.disruptionTarget || s.disruptionTarget;
}

void Analyzer::applyJob(const JobObservation& obs) {
    job_ = &obs;
    jobView_.metadata = tl_.jobMetadata;
    jobView_.spec = obs.spec;
    jobChanged_ = true;

    // status.uncountedTerminatedPods: Pods the controller has seen finish but not yet counted.
    for (uint32_t p : uncountedPods_) {
        pods_[p].inUncounted = false;
    }
    uncountedPods_.clear();
    if (const auto& u = obs.status.uncountedTerminatedPods) {
        for (const auto* list : {&u->succeeded, &u->failed})
            for (const auto& uid : *list) {
                const uint32_t pod = uidIndex_.find(
                    uid, [this](uint32_t i) -> const std::string& { return tl_.pods[i].uid; });
                if (pod == IdIndex::kNone)
                    continue;
                pods_[pod].inUncounted = true;
                pods_[pod].everUncounted = true;
                uncountedPods_.push_back(pod);
                checkSettle(pod);
            }
    }
}

void Analyzer::applyEvent(const TimelineEvent& e) {
    if (e.reason == "FailedCreate") {
        if (isQuotaRefusal(e.message)) {
            batchQuotaRefusals_ += e.count;
            quotaRefused_ = true;
            // Without the limit in the message, the Pods holding quota now are the limit.
            quotaLimit_ = quotaCountFromMessage(e.message, "limited: pods=").value_or(quotaUse_);
            // Pods of the namespace that are not this Job's (other Jobs, other workloads) hold
            // the rest; as far as an observer of this Job knows, they go on holding it.
            quotaOthers_ = std::max(0, quotaCountFromMessage(e.message, "used: pods=").value_or(0) -
                                           quotaUse_);
        } else if (isForbiddenRefusal(e.message)) {
            batchForbiddenRefusals_ += e.count;
            forbiddenRefused_ = true;
            forbiddenMessage_ = e.message;
        } else {
            batchFailedRefusals_ += e.count;
            failedRefused_ = true;
            failedMessage_ = e.message;
        }
    } else if (e.reason == "SuccessfulCreate") {
        batchCreated_ = true;
    }
}

void Analyzer::evaluate(Seconds now) {
    eval_ = Eval{};
    if (!job_ || job_->deleted)
        return;
    // The per-index backoff is at most kMaxJobPodFailureBackOff; older failed Pods no longer
    // matter to the sync.
    while (!keptFailed_.empty() &&
           pods_[keptFailed_.front()].finishedAt + kMaxJobPodFailureBackOff < now) {
        const uint32_t p = keptFailed_.front();
        keptFailed_.pop_front();
        pods_[p].keepFailed = false;
        updateMembership(p);
    }

    std::vector<const Pod*>& pods = syncPods_;
    pods.clear();
    pods.reserve(actionable_.size());
    for (uint32_t p : actionable_) {
        PodTrack& t = pods_[p];
        if (t.dirty || !podObjects_[p]) {
            const PodState& state = tl_.podChanges[t.lastChange].state;
            if (!podObjects_[p]) {
                if (spareObjects_.empty()) {
                    podObjects_[p] = std::make_unique<Pod>();
                } else {
                    podObjects_[p] = std::move(spareObjects_.back());
                    spareObjects_.pop_back();
                }
                tl_.fillPod(p, state, *podObjects_[p]);
            } else {
                // A Pod's object holds its identity from the fill that gave it the object.
                Timeline::fillPodState(state, *podObjects_[p]);
            }
            t.dirty = false;
        }
        pods.push_back(podObjects_[p].get());
    }
    jobView_.status = job_->status;
    // The controller's expectations are met by the time its write is observed, and the
    // question is what it wants, not what the API would answer. One exception: when the
    // Job's totals already account for every finished Pod seen, the finished Pods that still
    // carry the tracking finalizer (and are not listed as uncounted) are counted Pods whose
    // finalizer removal has not been observed yet — the controller's finalizer expectations
    // hold exactly those, and without them the core would count them twice.
    std::vector<std::string>& expectedUids = expectations_.finalizerRemovalUids;
    std::size_t expected = 0;
    {
        const auto& u = job_->status.uncountedTerminatedPods;
        const int64_t succeededTotal =
            int64_t(job_->status.succeeded) + (u ? int64_t(u->succeeded.size()) : 0);
        const int64_t failedTotal =
            int64_t(job_->status.failed) + (u ? int64_t(u->failed.size()) : 0);
        const bool succeededCounted = succeededTotal >= succeededPodsSeen_;
        const bool failedCounted = failedTotal >= failedPodsSeen_;
        for (uint32_t p : actionable_) {
            const PodTrack& t = pods_[p];
            if (!t.tracked || t.inUncounted)
                continue;
            if ((t.succeeded && succeededCounted) ||
                (t.failedLike && !t.succeeded && failedCounted)) {
                const std::string& uid = tl_.pods[p].uid;
                if (expected < expectedUids.size())
                    expectedUids[expected].assign(uid);
                else
                    expectedUids.push_back(uid);
                ++expected;
            }
        }
        expectedUids.resize(expected);
    }
    const ApiErrors noErrors;
    const SyncRequest request{jobView_, pods, expectations_, settledBackoff_,
                              noErrors, now,  tl_.gates,     tl_.kubernetesMinor};
    const SyncResult r = syncJob(request);

    eval_.valid = true;
    eval_.wantActive = r.explanation.wantActive;
    for (const auto& c : r.explanation.causes) {
        if (c == cause::WorkQueueDraining)
            eval_.draining = true;
        else if (c == cause::Finished)
            eval_.finishing = true;
        else if (c == cause::FailureBackoff) {
            if (hasBackoffLimitPerIndex(jobView_, tl_.gates)) {
                perIndexBackoff(now);
                // Without a waiting index in view, the requeue the pass asks for is the wait.
                if (!eval_.backoffUntil && r.requeueAfter)
                    eval_.backoffUntil = now + *r.requeueAfter;
            } else {
                eval_.backoffFailures = r.backoff.failuresAfterLastSuccess;
                eval_.backoffDelay = backoffDelay(eval_.backoffFailures);
                eval_.backoffUntil = now + backoffRemainingTime(r.backoff, now);
            }
        } else if (c == cause::RemainingCompletions && jobView_.spec.isIndexed() &&
                   r.creations.empty() && active_ < eval_.wantActive) {
            eval_.heldIndexes = true;
        }
    }
}

// backoffLimitPerIndex: each failed index waits for its own delay, counted from its last
// failed Pod (getRemainingTimePerIndex). The index retried next is the one explained, with its
// own failure count; `backoffIndexes` counts every index still waiting.
void Analyzer::perIndexBackoff(Seconds now) {
    std::map<int, const Pod*> lastFailed;
    std::vector<char> activeIndex;
    for (uint32_t p : actionable_) {
        const PodTrack& t = pods_[p];
        const int index = tl_.pods[p].index;
        if (index < 0 || !podObjects_[p])
            continue;
        if (t.active || (onlyFailed() && t.terminating)) {
            if (static_cast<size_t>(index) >= activeIndex.size())
                activeIndex.resize(static_cast<size_t>(index) + 1, 0);
            activeIndex[static_cast<size_t>(index)] = 1;
        } else if (t.failedLike && !t.succeeded) {
            const Pod* pod = podObjects_[p].get();
            const Pod*& last = lastFailed[index];
            if (!last || podFinishedTime(*pod) >= podFinishedTime(*last))
                last = pod;
        }
    }
    for (const auto& [index, pod] : lastFailed) {
        const bool running = static_cast<size_t>(index) < activeIndex.size() &&
                             activeIndex[static_cast<size_t>(index)];
        const bool succeeded = static_cast<size_t>(index) < indexSucceeded_.size() &&
                               indexSucceeded_[static_cast<size_t>(index)];
        if (running || succeeded || isIndexFailed(jobView_, *pod, tl_.gates))
            continue;
        const Seconds left = backoffRemainingTimePerIndex(pod, now);
        if (left <= 0)
            continue;
        ++eval_.backoffIndexes;
        if (eval_.backoffUntil && now + left >= *eval_.backoffUntil)
            continue;
        eval_.backoffUntil = now + left;
        eval_.backoffIndex = index;
        eval_.backoffFailures =
            goInt32(static_cast<int64_t>(getIndexAbsoluteFailureCount(*pod)) + 1);
        eval_.backoffDelay = backoffDelay(eval_.backoffFailures);
    }
}

void Analyzer::closeInterval(OpenInterval& open, Seconds end) {
    CauseInterval& ci = open.interval;
    ci.end = end;
    const CauseInfo& info = causeInfo(ci.kind);
    size_t number = 0, text = 0;
    for (const CauseParamInfo& param : info.params) {
        if (param.type == CauseParamType::Text) {
            const std::string& value = open.numbers.texts[text++];
            if (!value.empty() || !param.optional)
                ci.params.push_back({param.key, 0, value});
        } else {
            const double value = open.numbers.values[number++];
            if (!std::isnan(value))
                ci.params.push_back({param.key, value, {}});
        }
    }
    out_.causes.push_back(std::move(ci));
}

CauseNumbers Analyzer::numbersOf(CauseKind kind, const SeriesRow& row, const RowFacts& facts,
                                 int64_t refusals) const {
    CauseNumbers n;
    auto set = [&n](std::initializer_list<double> values) {
        std::copy(values.begin(), values.end(), n.values.begin());
    };
    constexpr double absent = std::numeric_limits<double>::quiet_NaN();
    switch (kind) {
    case CauseKind::RemainingCompletions:
        set({double(facts.remaining), double(facts.completions), double(row.requested)});
        break;
    case CauseKind::WorkQueueDraining:
        set({double(row.active)});
        break;
    case CauseKind::ControllerLag:
        set({double(row.wantActive - row.active)});
        break;
    case CauseKind::QuotaExceeded:
        set({double(facts.quotaLimit), double(refusals)});
        break;
    case CauseKind::CreationForbidden:
        set({double(refusals)});
        n.texts[0] = facts.forbiddenMessage;
        break;
    case CauseKind::CreationFailed:
        set({double(refusals)});
        n.texts[0] = facts.failedMessage;
        break;
    case CauseKind::FailureBackoff:
        set({double(facts.backoffFailures), facts.backoffDelay, facts.backoffDue,
             facts.backoffIndex >= 0 ? double(facts.backoffIndex) : absent,
             facts.backoffIndex >= 0 ? double(facts.backoffIndexes) : absent});
        break;
    case CauseKind::Terminating:
        set({double(row.terminating)});
        break;
    case CauseKind::Pending:
        set({double(row.pending)});
        break;
    case CauseKind::Suspended:
        set({double(row.requested)});
        break;
    case CauseKind::Finished:
        n.texts = {facts.finishedCondition, facts.finishedReason};
        break;
    case CauseKind::ScaledDown:
        set({double(row.active - row.wantActive), double(row.wantActive)});
        break;
    case CauseKind::None:
        break;
    }
    return n;
}

void Analyzer::trackIntervals(const SeriesRow& row, const CauseIds& causes, const RowFacts& facts) {
    // Close the causes no longer in force.
    for (size_t k = 0; k < open_.size(); ++k) {
        if (open_[k] && !causes.contains(static_cast<CauseKind>(k))) {
            closeInterval(*open_[k], row.time);
            open_[k].reset();
        }
    }
    for (size_t i = 0; i < causes.size; ++i) {
        const CauseKind kind = causes.kinds[i];
        if (kind == CauseKind::None)
            continue;
        std::optional<OpenInterval>& slot = open_[static_cast<size_t>(kind)];
        int64_t refusals = slot ? slot->refusals : 0;
        if (kind == CauseKind::QuotaExceeded)
            refusals += facts.quotaRefusals;
        else if (kind == CauseKind::CreationForbidden)
            refusals += facts.forbiddenRefusals;
        else if (kind == CauseKind::CreationFailed)
            refusals += facts.failedRefusals;
        CauseNumbers numbers = numbersOf(kind, row, facts, refusals);
        const bool primary = i == 0;
        const bool continues = slot.has_value();
        if (slot && slot->numbers == numbers && slot->interval.primary == primary) {
            slot->refusals = refusals;
            continue;
        }
        if (slot)
            closeInterval(*slot, row.time);
        slot.emplace();
        slot->interval.start = row.time;
        slot->interval.cause = causeId(kind);
        slot->interval.kind = kind;
        slot->interval.primary = primary;
        slot->interval.continues = continues;
        slot->numbers = std::move(numbers);
        slot->refusals = refusals;
    }
}

void Analyzer::emitRow(Seconds now) {
    SeriesRow row;
    row.time = now;
    row.active = active_;
    row.ready = ready_;
    row.running = running_;
    row.pending = pending_;
    row.terminating = terminating_;
    RowFacts facts;
    facts.quotaRefusals = batchQuotaRefusals_;
    facts.forbiddenRefusals = batchForbiddenRefusals_;
    facts.forbiddenMessage = forbiddenMessage_;
    facts.failedRefusals = batchFailedRefusals_;
    facts.failedMessage = failedMessage_;

    CauseIds causes;
    auto add = [&](CauseKind kind) { causes.add(kind); };
    auto secondary = [&] {
        if (terminating_ > 0)
            add(CauseKind::Terminating);
        if (pending_ > 0)
            add(CauseKind::Pending);
    };

    if (!job_) {
        secondary();
    } else {
        const JobSpec& spec = job_->spec;
        const JobStatus& status = job_->status;
        row.requested = spec.parallelism.value_or(1);
        row.succeeded = status.succeeded;
        row.failed = status.failed;
        const char* finished = finishedCondition(status);
        // Successes so far: the counters with what the controller has not yet written there.
        const int32_t uncountedSucceeded =
            status.uncountedTerminatedPods
                ? static_cast<int32_t>(status.uncountedTerminatedPods->succeeded.size())
                : 0;
        // The Pods' own phases lead; the counters cover what happened before observation
        // began. (Adding the not-yet-counted Pods to the counters instead would count a Pod
        // twice whenever its counter update is seen before its finalizer removal — the Job and
        // its Pods come through separate watches, with no order between them.)
        const int32_t done = std::max(
            goInt32(int64_t{status.succeeded} + int64_t{uncountedSucceeded}), succeededSeen_);
        if (spec.completions) {
            facts.completions = *spec.completions;
            facts.remaining = std::max(*spec.completions - done, 0);
            row.remaining = facts.remaining;
        }
        // Every completion reached: the controller is finishing the Job even before it says so.
        const bool completionsReached = spec.completions && facts.remaining == 0;
        if (job_->deleted || finished || eval_.finishing || completionsReached) {
            row.wantActive = 0;
            if (job_->deleted) {
                facts.finishedCondition = "deleted";
            } else if (finished) {
                facts.finishedCondition = finished;
                for (const auto& c : status.conditions)
                    if (c.type == finished)
                        facts.finishedReason = c.reason;
            } else {
                facts.finishedCondition = "finishing";
            }
            add(CauseKind::Finished);
            secondary();
        } else if (spec.isSuspended()) {
            row.wantActive = 0;
            add(CauseKind::Suspended);
            secondary();
        } else {
            // The target: the core's, lowered by what the counters show since it looked.
            int32_t want = eval_.valid ? eval_.wantActive : row.requested;
            std::optional<CauseKind> targetCause;
            if (spec.completions) {
                want = std::min(want, facts.remaining);
                if (want < row.requested)
                    targetCause = CauseKind::RemainingCompletions;
            } else if (eval_.draining || done > 0) {
                // Work queue: once a Pod succeeded the controller starts no more.
                want = std::min(want, active_);
                if (want < row.requested)
                    targetCause = CauseKind::WorkQueueDraining;
            }
            want = std::max(want, 0);
            row.wantActive = want;

            // Refusals lapse once the quota has room again or a creation went through.
            if (quotaRefused_ && quotaUse_ + quotaOthers_ < quotaLimit_)
                quotaRefused_ = false;

            CauseIds shortfall;
            const int32_t shortGap = want - active_;
            if (shortGap > 0) {
                if (quotaRefused_) {
                    shortfall.add(CauseKind::QuotaExceeded);
                    facts.quotaLimit = quotaLimit_;
                }
                if (forbiddenRefused_)
                    shortfall.add(CauseKind::CreationForbidden);
                if (failedRefused_)
                    shortfall.add(CauseKind::CreationFailed);
                if (onlyFailed() && terminating_ > 0)
                    shortfall.add(CauseKind::Terminating);
                if (eval_.backoffUntil && now < *eval_.backoffUntil) {
                    shortfall.add(CauseKind::FailureBackoff);
                    facts.backoffFailures = eval_.backoffFailures;
                    facts.backoffDelay = eval_.backoffDelay;
                    facts.backoffDue = *eval_.backoffUntil - tl_.start;
                    facts.backoffIndex = eval_.backoffIndex;
                    facts.backoffIndexes = eval_.backoffIndexes;
                }
                if (eval_.heldIndexes)
                    shortfall.add(CauseKind::RemainingCompletions);
                if (shortfall.size == 0)
                    shortfall.add(CauseKind::ControllerLag);
            } else if (shortGap < 0) {
                shortfall.add(CauseKind::ScaledDown);
            }
            // The larger gap names the primary cause (as explainSync does).
            const int32_t targetGap = row.requested - want;
            if (targetCause && targetGap >= std::abs(shortGap))
                add(*targetCause);
            for (size_t i = 0; i < shortfall.size; ++i)
                add(shortfall.kinds[i]);
            if (targetCause)
                add(*targetCause);
            secondary();
        }
    }
    if (causes.size == 0)
        causes.add(CauseKind::None);

    batchQuotaRefusals_ = 0;
    batchForbiddenRefusals_ = 0;
    batchFailedRefusals_ = 0;

    // The intervals follow every instant (refusals and the final condition count even when
    // the columns repeat); the series keeps one row per change.
    trackIntervals(row, causes, facts);
    if (!out_.series.empty()) {
        const SeriesRow& prev = out_.series.back();
        if (prev.requested == row.requested && prev.wantActive == row.wantActive &&
            prev.active == row.active && prev.ready == row.ready && prev.running == row.running &&
            prev.pending == row.pending && prev.terminating == row.terminating &&
            prev.succeeded == row.succeeded && prev.failed == row.failed &&
            prev.remaining == row.remaining && causes.equals(prev.causes))
            return;
    }
    row.causes.reserve(causes.size);
    for (size_t i = 0; i < causes.size; ++i)
        row.causes.emplace_back(causeId(causes.kinds[i]));
    pushBulk(out_.series, std::move(row));
}

void Analyzer::addPods(std::size_t podCount, std::size_t expected) {
    const std::size_t first = pods_.size();
    if (podCount <= first)
        return;
    if (first == 0) {
        reserveBulk(pods_, expected);
        reserveBulk(podObjects_, expected);
        reserveBulk(out_.pods, expected);
        uidIndex_.reserve(expected);
    }
    pods_.resize(podCount);
    podObjects_.resize(podCount);
    out_.pods.resize(podCount);
    for (uint32_t i = static_cast<uint32_t>(first); i < podCount; ++i) {
        const TimelinePod& p = tl_.pods[i];
        if (!p.uid.empty())
            uidIndex_.insert(p.uid, i);
        PodLifecycle& life = out_.pods[i];
        life.name = p.name;
        life.index = p.index;
        life.attempt = p.attempt;
        life.phase = pod_phase::Pending;
    }
}

void Analyzer::advance(const TimelineExtent& to) {
    // A Timeline still growing is reserved for as much as its writer reserved.
    const auto expected = [&to](std::size_t published, const auto& list) {
        return to.final ? published : std::max(published, list.capacity());
    };
    addPods(to.pods, expected(to.pods, tl_.pods));
    if (out_.series.empty())
        // Rows: at most one per instant; a Pod's changes come in a few instants of their own.
        reserveBulk(out_.series, (expected(to.podChanges, tl_.podChanges) +
                                  expected(to.jobChanges, tl_.jobChanges)) /
                                         3 +
                                     16);
    if (jobIndex_)
        job_ = &tl_.jobChanges[*jobIndex_]; // the list may have grown since the last batch

    // Merge the three time-ordered streams; all observations at one instant make one row.
    // Every instant up to the extent is complete (timeline_feed.h), so a row never waits for
    // a later batch.
    const auto& jobs = tl_.jobChanges;
    const auto& podChanges = tl_.podChanges;
    const auto& events = tl_.events;
    std::size_t& j = merged_.jobChanges;
    std::size_t& p = merged_.podChanges;
    std::size_t& e = merged_.events;
    constexpr Seconds inf = std::numeric_limits<Seconds>::infinity();
    while (j < to.jobChanges || p < to.podChanges || e < to.events) {
        const Seconds now = std::min({j < to.jobChanges ? jobs[j].time : inf,
                                      p < to.podChanges ? podChanges[p].time : inf,
                                      e < to.events ? events[e].time : inf});
        jobChanged_ = false;
        batchCreated_ = false;
        while (j < to.jobChanges && jobs[j].time <= now) {
            jobIndex_ = j;
            applyJob(jobs[j++]);
        }
        while (p < to.podChanges && podChanges[p].time <= now)
            applyPod(static_cast<uint32_t>(p++));
        while (e < to.events && events[e].time <= now)
            applyEvent(events[e++]);
        if (batchCreated_ && batchQuotaRefusals_ == 0)
            quotaRefused_ = false;
        if (batchCreated_ && batchForbiddenRefusals_ == 0)
            forbiddenRefused_ = false;
        if (batchCreated_ && batchFailedRefusals_ == 0)
            failedRefused_ = false;
        flushSettlements();
        if (jobChanged_ && job_) {
            // Ask the core again only when the Job shows that the controller's inputs moved —
            // a spec change, a condition, or newly finished Pods entering the totals (every
            // pass that sees a Pod finish writes it to status). A write that only restates the
            // totals (the uncounted Pods flushed into the counters, a new active or ready
            // count) would get the same answer at the cost of a pass over every Pod in flight;
            // what Pods do in between is followed from the observations.
            DecisionKey key = DecisionKey::of(*job_);
            if (job_->deleted || !evaluatedKey_ || !(key == *evaluatedKey_)) {
                evaluate(now);
                evaluatedKey_ = std::move(key);
            }
        }
        emitRow(now);
        last_ = now;
    }
}

Analysis Analyzer::finish() {
    // A Pod's creation time is written when its create lands, which may be after its identity
    // was published: read once the Timeline is complete.
    for (std::size_t i = 0; i < out_.pods.size(); ++i)
        out_.pods[i].created = tl_.pods[i].createdAt;
    const Seconds end = std::max(tl_.end.value_or(last_), last_);
    for (std::optional<OpenInterval>& open : open_) {
        if (open)
            closeInterval(*open, end);
        open.reset();
    }
    std::stable_sort(
        out_.causes.begin(), out_.causes.end(),
        [](const CauseInterval& a, const CauseInterval& b) { return a.start < b.start; });
    return std::move(out_);
}

} // namespace

Analysis analyze(const Timeline& timeline) {
    Analyzer analyzer(timeline);
    analyzer.advance(wholeExtent(timeline));
    return analyzer.finish();
}

std::optional<Analysis> analyzeFeed(TimelineFeed& feed) {
    // Whatever happens here, the writer must learn that the reader is done with its Timeline.
    struct Done {
        TimelineFeed& feed;
        ~Done() { feed.finishReading(); }
    } done{feed};
    std::optional<TimelineExtent> extent = feed.next(TimelineExtent{});
    if (!extent)
        return std::nullopt;
    Analyzer analyzer(*feed.timeline());
    for (;;) {
        {
            const std::lock_guard<std::mutex> reading(feed.access);
            analyzer.advance(*extent);
            if (extent->final)
                return analyzer.finish();
        }
        extent = feed.next(*extent);
        if (!extent)
            return std::nullopt;
    }
}

} // namespace jobscope
