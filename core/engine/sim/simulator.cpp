// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event simulator: see simulator.h for what is modelled. One Simulator object
// runs one scenario: it holds what the Jobs share (the clock, the event heap, the Nodes and the
// scheduler's queue, the quota, the random streams) and one JobSim per Job (the Job, its Pods,
// its controller state, its Timeline). The event heap orders everything by (time, insertion
// order), which with the seeded random streams makes a run reproducible.

#include "sim/simulator.h"

#include "manifest/manifest_writer.h"
#include "reconcile/backoff.h"
#include "reconcile/indexes.h"
#include "reconcile/sync.h"
#include "scenario/scenario_reader.h"
#include "sim/fork.h"
#include "sim/random.h"
#include "sim/run_queue.h"
#include "timeline/bulk_memory.h"
#include "timeline/id_index.h"
#include "timeline/timeline_feed.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace jobscope {

namespace {

// apimachinery's utilrand alphabet for generateName suffixes (no vowels, no 0/1/3).
constexpr std::string_view kNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";
constexpr int kNameSuffixLength = 5;
// core/v1 default of spec.terminationGracePeriodSeconds.
constexpr Seconds kDefaultTerminationGracePeriod = 30;
// The kubelet's crash-loop back-off for restarting containers: 10 s doubling to 5 min.
constexpr Seconds kCrashLoopBackOffInitial = 10;
constexpr Seconds kCrashLoopBackOffMax = 300;
// A container stopped by SIGTERM (128 + 15), as a kubelet reports it.
constexpr int32_t kTerminatedBySigterm = 143;
// The ResourceQuota the scenario's Pod limit stands for (its name appears in the messages).
constexpr const char* kQuotaName = "pod-quota";
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

enum class Ev : uint8_t {
    QueueReady,     // the work queue's delayed entry for the Job becomes ready (aux: token)
    Work,           // a worker takes the Job key and syncs
    ApplyRound,     // one round trip of a sync's API writes lands (aux: round slot)
    Schedule,       // the scheduler looks at a new Pod
    Bind,           // a Pod reserved on a freed Node is bound
    ContainerStart, // the kubelet starts the main container
    Ready,          // the readiness probe passes
    ItemDone,       // a Pod finished one work-queue item
    Exit,           // the main container exited (code), status reported
    Killed,         // a deleted Pod's graceful termination ended
    Action,         // a scenario action (aux: index)
    TtlExpired,     // ttlSecondsAfterFinished ran out
    GcDelete,       // the garbage collector deletes the Pods of a deleted Job
    Informer,       // the controller's informer delivers a change (aux: Note)
    JobCreated,     // a Job of the scenario is created (at its startAt)
};

struct SimEvent {
    Seconds time = 0;
    uint64_t seq = 0;
    uint32_t pod = 0;
    uint32_t aux = 0;
    int32_t code = 0;
    uint16_t job = 0; // the Job it belongs to (index into the scenario's Jobs)
    Ev kind = Ev::Work;
};
// The heap moves these around millions of times: the Job's index fits in the padding.
static_assert(sizeof(SimEvent) == 32);
// The most Jobs one scenario may hold (SimEvent::job).
static_assert(kMaxScenarioJobs <= 65536);

struct Later {
    bool operator()(const SimEvent& a, const SimEvent& b) const {
        return a.time != b.time ? a.time > b.time : a.seq > b.seq;
    }
};

// What the controller's informer hands to its event handlers.
enum class Note : uint32_t { PodAdded, PodUpdated, PodDeleted, JobUpdated, JobSpecChanged };

// One API write of a sync.
struct WriteOp {
    enum class Kind : uint8_t {
        Create,
        RemoveFinalizer,
        Delete,
        InterimStatus, // target: index into pendingInterim_, or kNone
        RecordStatus,  // an earlier status write with no round trip of its own (target: index)
        Status,
        RecordEvent
    };
    Seconds time = 0; // when it lands
    Kind kind = Kind::Create;
    uint32_t target = 0; // Pod id, or index into pendingEvents_
};

struct SimNode {
    InternedString name; // interned once: every bind copies it into the Pod's state
    int capacity = 0;
    int used = 0;
    std::optional<double> cpu;
    std::optional<double> memory;
    double cpuUsed = 0;
    double memoryUsed = 0;
    bool lost = false;
};

// The Pod object the API serves, with its position among the Job's Pods: a sync answers with
// the request's objects (SyncResult::finalizerRemovalObjects, deletedPodObjects), which lead
// back to the Pod without a lookup by name.
struct ServedPod : Pod {
    uint32_t id = 0;
};

struct SimPod {
    std::unique_ptr<ServedPod> obj; // recycled once no sync needs it again
    PodState state;
    uint32_t lastObservation = kNone;
    uint32_t gen = 0; // bumped to cancel the kubelet events planned for this Pod
    int key = 0;      // completion index, or the Pod's ordinal for NonIndexed Jobs
    int node = -1;    // reserved or bound Node
    bool exists = false;
    bool holdsNode = false;
    bool unschedulableQueued = false;
    bool holdingItem = false;
    // Its place in the controller's finalizer-removal expectations, kNone when not there.
    uint32_t finalizerSlot = kNone;
};

// The requests a Pod of the template asks the scheduler for: the sum over containers, or the
// largest init container's when that is more (the effective request rule).
std::pair<double, double> templateRequests(const PodTemplate& templ) {
    auto requestsOf = [](const ContainerSpec& c) {
        double cpu = 0, memory = 0;
        for (const auto& [name, value] : c.requests) {
            if (name == "cpu")
                cpu = parseQuantity(value).value_or(0);
            else if (name == "memory")
                memory = parseQuantity(value).value_or(0);
        }
        return std::pair{cpu, memory};
    };
    double cpu = 0, memory = 0;
    for (const auto& c : templ.containers) {
        auto [cc, cm] = requestsOf(c);
        cpu += cc;
        memory += cm;
    }
    for (const auto& c : templ.initContainers) {
        auto [ic, im] = requestsOf(c);
        cpu = std::max(cpu, ic);
        memory = std::max(memory, im);
    }
    return {cpu, memory};
}

bool hasFinishedCondition(const JobStatus& status) {
    for (const auto& c : status.conditions)
        if ((c.type == job_condition::Complete || c.type == job_condition::Failed) &&
            c.status == "True")
            return true;
    return false;
}

// A Pod waiting for room on a Node, in the scheduler's queue shared by the Jobs.
struct WaitingPod {
    uint16_t job = 0;
    uint32_t pod = 0;
};

class Simulator;

// One Job of the simulation: the Job as the API server has it, its Pods, its controller (work
// queue key, expectations, backoff record, rate limiter, the sync in flight) and its Timeline.
// What the Jobs share lives in the Simulator; the members below that refer to it keep the
// names they have in a one-Job world. Everything is public: only the Simulator drives it.
class JobSim {
public:
    JobSim(Simulator& world, uint16_t index, const Job& job, Seconds startAt);

    // --- the event loop
    void push(Seconds time, Ev kind, uint32_t pod = 0, uint32_t aux = 0, int32_t code = 0);
    void dispatch(const SimEvent& ev);
    bool done() const;
    void beginTimeline();
    void create();

    // --- timeline
    void observe(uint32_t id, bool deleted = false);
    void observeJob(bool deleted = false);
    void recordEvent(const std::string& kind, const std::string& name, const char* type,
                     std::string reason, std::string message);

    // --- controller: informer, work queue, sync
    void notify(Note note, uint32_t pod = 0);
    void handle(Note note, uint32_t pod);
    void podDeletionObserved(uint32_t id, bool final);
    void dropFinalizerExpectation(uint32_t id);
    void indexFinalizerExpectations(const SyncResult& r);
    void enqueueAfter(Seconds delay);
    void enqueueAt(Seconds at);
    void enqueueNow();
    void runSync();
    void compactControllerList();
    const std::vector<const Pod*>& podsForSync();
    ApiErrors apiErrors() const;
    void applyWrites();

    // --- API server
    std::string generateName(const std::string& prefix);
    auto nameOf() const {
        return [this](uint32_t id) -> const std::string& { return tl_.pods[id].name; };
    }
    // The Pod a sync answered with: always one of the objects podsForSync handed it.
    uint32_t podServed(const Pod* pod) const {
        const uint32_t id = static_cast<const ServedPod*>(pod)->id;
        if (id >= pods_.size() || pods_[id].obj.get() != pod)
            throw std::out_of_range("a sync answered with a Pod it was not given");
        return id;
    }
    std::string newUid();
    uint32_t reservePod(const PodCreation& creation);
    void initPodObject(Pod& pod, const TimelinePod& identity) const;
    void createPodNow(uint32_t id);
    void deletePodNow(uint32_t id);
    void removeFinalizerNow(uint32_t id);
    void removePodNow(uint32_t id);
    void applyInterimStatusNow(uint32_t index);
    void applyStatusNow();
    void changeSpec(const JobSpec& spec);
    void deleteJob(bool foreground);
    void gcDeletePods();
    void removeJobObject();

    // --- scheduler and kubelet
    int pickNode() const;
    std::string unschedulableMessage() const;
    void reserve(uint32_t id, int node);
    void releaseNode(SimPod& p);
    // The waiting Pod `id` once room may have freed: Stale (it no longer waits), NoRoom (it
    // still fits nowhere) or Bound (reserved on a Node, bound a scheduler delay later).
    enum class Retry { Stale, NoRoom, Bound };
    Retry retryWaiting(uint32_t id);
    void scheduleNow(uint32_t id);
    void bindNow(uint32_t id);
    void startContainer(uint32_t id);
    void planExit(uint32_t id, Seconds startedAt);
    void setReady(SimPod& p, bool ready);
    void takeItem(uint32_t id);
    void returnItem(SimPod& p);
    void containerExited(uint32_t id, int32_t code, Seconds exitedAt);
    void terminate(uint32_t id, const InternedString& phase, std::optional<int32_t> exitCode,
                   Seconds finishedAt);
    void failPodsOnNode(int node);
    Seconds sample(const Duration& d, int key);
    // A time as the API server stores it: cut to the whole wall-clock second (the Job was
    // created `creationSecond_` into its second, at simulated time 0).
    Seconds apiTime(Seconds t) const {
        return std::floor(t + creationSecond_ + kWholeSecondSlack) - creationSecond_;
    }
    void cutStatusTimes(JobStatus& status) const;
    std::optional<std::pair<int32_t, std::optional<Seconds>>> drawFailure(const SimPod& p,
                                                                          const TimelinePod& id);
    // --- a what-if: the world as the recording left it at the fork (sim/fork.h)
    void adoptFork();
    // What the recording shows of the controller's last writes and of everything else.
    struct RecordedActivity {
        std::vector<Seconds> controllerWrites; // creates, deletions, finalizer removals, status
        Seconds lastOtherChange = -std::numeric_limits<Seconds>::infinity();
    };
    void adoptJob(const ForkState& fork, Seconds lastChange, RecordedActivity activity);
    void adoptWorkQueue(const Timeline& seen, Seconds due, RecordedActivity activity);
    void adoptBackoffRecord(const Timeline& seen);
    int nodeNamed(const InternedString& name);
    std::optional<uint32_t> findPod(const std::string& target) const;

    Simulator& world_;
    const uint16_t index_;
    // Shared with the other Jobs (the Simulator's).
    const Scenario& sc_;
    const Timings& T_;
    SimulationStats& stats_;
    Seconds& now_;
    sim::Random& rng_;
    sim::Random& nameRng_;
    std::vector<SimNode>& nodes_;
    std::deque<WaitingPod>& unschedulable_;
    std::optional<int>& quota_;
    bool& createAllowed_;
    int& quotaUsed_;     // every Job's Pods the quota counts
    int& quotaInFlight_; // creates accepted by a sync whose write has not landed yet
    const Seconds creationSecond_;

    Timeline tl_;
    // The reader of tl_ while it is written, if any (the first Job's: timeline_feed.h).
    TimelineFeed* feed_ = nullptr;
    // Before appending to a list of tl_: a full list grows while the reader is away.
    template <class T> void makeRoom(std::vector<T>& list) {
        if (feed_ && list.size() == list.capacity())
            feed_->whileReaderAway([&list] { growBulk(list); });
    }
    const Seconds startAt_; // its creation on the scenario's clock
    bool created_ = false;

    // The Job as the API server has it.
    Job job_;
    bool jobExists_ = true;
    bool jobFinished_ = false;
    bool jobForegroundDeleting_ = false;
    bool ttlPending_ = false;
    int pendingJobDeletions_ = 0; // DeleteJob actions still ahead

    // Pods.
    std::vector<SimPod> pods_;
    IdIndex byName_; // Pod names -> positions in pods_ / tl_.pods
    std::vector<int> attemptsByIndex_;
    int existing_ = 0;    // Pod objects in the API server
    int nonTerminal_ = 0; // of those, not Succeeded / Failed: what the quota counts
    std::string containerName_;
    Seconds gracePeriod_ = kDefaultTerminationGracePeriod;
    double cpuRequest_ = 0;
    double memoryRequest_ = 0;
    bool restartOnFailure_ = false;

    int workItems_ = 0; // its own work queue (the scenario's workQueue)

    // The Job controller.
    Expectations expectations_;
    // The Pod of each entry of expectations_.finalizerRemovalUids, so that observing a
    // removal finds its entry at once (a pass can leave hundreds of them).
    std::vector<uint32_t> finalizerSlotPod_;
    BackoffRecord backoff_;
    std::optional<Seconds> waitingAt_;
    uint32_t waitingToken_ = 0;
    bool queued_ = false;
    Seconds busyUntil_ = 0;
    int rateLimiterFailures_ = 0;
    std::vector<uint32_t> controllerList_; // Pods a sync can act on (see compactControllerList)
    // Pod objects no sync needs any more, reused for new Pods: a 100 000-Pod run then allocates
    // about as many objects as Pods are in flight at once, not one per Pod.
    std::vector<std::unique_ptr<ServedPod>> spareObjects_;
    std::vector<const Pod*> syncPods_;

    // Writes of the sync in flight.
    std::vector<WriteOp> writes_; // in landing order
    std::size_t writeCursor_ = 0;
    std::vector<TimelineEvent> pendingEvents_;
    JobStatus pendingStatus_;
    std::vector<JobStatus> pendingInterim_; // the pass's earlier status writes

    // A time a hair below a whole second (sums of doubles) belongs to that second.
    static constexpr Seconds kWholeSecondSlack = 1e-9;
};

// The world the Jobs share, and the event loop.
class Simulator {
public:
    Simulator(const Scenario& scenario, TimelineFeed* feed);
    std::vector<Timeline> run(SimulationStats* stats);

    void push(Seconds time, Ev kind, uint16_t job, uint32_t pod, uint32_t aux, int32_t code) {
        queue_.push(SimEvent{time, seq_++, pod, aux, code, job, kind});
    }
    void dispatch(const SimEvent& ev);
    bool done() const;
    mutable std::size_t doneCursor_ = 0; // done(): the Jobs before it were done when last asked
    // Room freed: the scheduler binds waiting Pods, oldest first, while they fit.
    void retryUnschedulable();
    bool nameTaken(const std::string& name) const;
    void failNode(int node);
    void runAction(const ScenarioAction& action);
    // The Job an action about a Job acts on: the one its `job` names, else the first; none when
    // it names a Job this simulation does not run (a what-if runs the first Job only).
    JobSim* actionTarget(const ScenarioAction& action) const;
    // When a sync worker is free next (now or earlier when one is idle), and taking the one
    // that is until `busyUntil`.
    Seconds workerFreeAt() const { return *std::min_element(workers_.begin(), workers_.end()); }
    void takeWorker(Seconds busyUntil) {
        *std::min_element(workers_.begin(), workers_.end()) = std::max(now_, busyUntil);
    }

    // Fed the first Job's Timeline as it is written (TimelineFeed::batch says how often).
    TimelineFeed* feed_ = nullptr;
    std::size_t fedPodChanges_ = 0;
    void feedReader(bool final);

    const Scenario& sc_;
    const Timings& T_;
    SimulationStats stats_;

    sim::RunQueue<SimEvent, Later> queue_;
    uint64_t seq_ = 0;
    Seconds now_ = 0;
    Seconds stopAt_ = kDefaultSimulationStop;

    sim::Random rng_;     // run times, failures, work items
    sim::Random nameRng_; // Pod names and uids, so that they do not shift the other stream
    Seconds creationSecond_ = 0;

    // Cluster.
    std::vector<SimNode> nodes_;
    std::deque<WaitingPod> unschedulable_;
    std::optional<int> quota_;
    bool createAllowed_ = true;
    int quotaUsed_ = 0;
    int quotaInFlight_ = 0;
    std::size_t podRecords_ = 0; // Pods of every Job, for the Pod limit
    // The Job controller's workers (--concurrent-job-syncs): when each is done with its sync.
    // A Job is synced by one worker at a time (its own busy state), so one Job never waits here.
    std::array<Seconds, kConcurrentJobSyncs> workers_{};

    std::vector<std::unique_ptr<JobSim>> jobs_;
    // nameTaken: the Jobs by name, and those whose name the controller may cut short in their
    // Pods' names (upstream trims a Job's name to fit an index and the random suffix in 63).
    // Cut to at most kMaxGeneratedNameLength with "-INDEX-": a name shorter than this never is.
    static constexpr std::size_t kShortJobName = 40;
    std::unordered_map<std::string, JobSim*> jobsByName_;
    std::vector<JobSim*> longNamedJobs_;
};

void JobSim::cutStatusTimes(JobStatus& status) const {
    for (std::optional<Seconds>* t : {&status.startTime, &status.completionTime})
        if (*t)
            **t = apiTime(**t);
    for (JobCondition& c : status.conditions)
        for (std::optional<Seconds>* t : {&c.lastProbeTime, &c.lastTransitionTime})
            if (*t)
                **t = apiTime(**t);
}

Simulator::Simulator(const Scenario& scenario, TimelineFeed* feed)
    : feed_(feed), sc_(scenario), T_(scenario.timings), rng_(scenario.seed),
      nameRng_(scenario.seed ^ 0x6a6f6273636f7065ULL) {
    // Its own generator, so that the rest of the run draws the same numbers either way.
    creationSecond_ =
        T_.creationSecond.value_or(sim::Random(scenario.seed ^ 0x7365636f6e64ULL).uniform01());
    if (scenario.stopAt)
        stopAt_ = *scenario.stopAt;
    if (scenario.nodes.empty()) {
        nodes_.push_back({"node-1", 1000, 0, std::nullopt, std::nullopt, 0, 0, false});
    } else {
        for (const auto& n : scenario.nodes)
            nodes_.push_back({n.name, n.pods, 0, n.cpu, n.memoryBytes, 0, 0, false});
    }
    quota_ = scenario.quotaPods;
    createAllowed_ = !scenario.createForbidden;

    // The first Job is `scenario.job` (callers edit that one); a what-if forks one Job only.
    const Seconds firstStart = scenario.jobs.empty() ? 0.0 : scenario.jobs.front().startAt;
    jobs_.push_back(std::make_unique<JobSim>(*this, 0, scenario.job, firstStart));
    if (!scenario.fork)
        for (std::size_t i = 1; i < scenario.jobs.size() && i < kMaxScenarioJobs; ++i)
            jobs_.push_back(std::make_unique<JobSim>(
                *this, static_cast<uint16_t>(i), scenario.jobs[i].job, scenario.jobs[i].startAt));
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
        const std::string& name =
            i == 0 ? scenario.job.metadata.name : scenario.jobs[i].job.metadata.name;
        if (name.size() >= kShortJobName)
            longNamedJobs_.push_back(jobs_[i].get());
        else
            jobsByName_.emplace(name, jobs_[i].get());
    }
}

bool Simulator::nameTaken(const std::string& name) const {
    // A Job names its Pods NAME-… (Indexed: NAME-INDEX-…): only a Job whose name ends at one of
    // the name's dashes can hold it — or one whose long name the controller cut short to fit.
    if (jobs_.size() == 1) // a what-if's recorded Pods may be named otherwise
        return jobs_.front()->byName_.find(name, jobs_.front()->nameOf()) != IdIndex::kNone;
    const std::string_view whole(name);
    for (std::size_t dash = whole.find('-'); dash != std::string_view::npos;
         dash = whole.find('-', dash + 1)) {
        const auto it = jobsByName_.find(std::string(whole.substr(0, dash)));
        if (it != jobsByName_.end() &&
            it->second->byName_.find(name, it->second->nameOf()) != IdIndex::kNone)
            return true;
    }
    for (const JobSim* j : longNamedJobs_)
        if (j->byName_.find(name, j->nameOf()) != IdIndex::kNone)
            return true;
    return false;
}

JobSim::JobSim(Simulator& world, uint16_t index, const Job& job, Seconds startAt)
    : world_(world), index_(index), sc_(world.sc_), T_(world.T_), stats_(world.stats_),
      now_(world.now_), rng_(world.rng_), nameRng_(world.nameRng_), nodes_(world.nodes_),
      unschedulable_(world.unschedulable_), quota_(world.quota_),
      createAllowed_(world.createAllowed_), quotaUsed_(world.quotaUsed_),
      quotaInFlight_(world.quotaInFlight_), creationSecond_(world.creationSecond_),
      startAt_(std::max(0.0, startAt)) {
    job_ = job;
    if (job_.metadata.namespace_.empty())
        job_.metadata.namespace_ = "default";
    if (job_.metadata.uid.empty())
        job_.metadata.uid = newUid();
    job_.metadata.creationTimestamp = apiTime(startAt_);
    job_.metadata.deletionTimestamp.reset();
    job_.metadata.generation = 1;

    const PodTemplate& templ = job_.spec.templ;
    containerName_ = templ.containers.empty() ? "main" : templ.containers.front().name;
    if (templ.terminationGracePeriodSeconds)
        gracePeriod_ =
            static_cast<Seconds>(std::max<int64_t>(0, *templ.terminationGracePeriodSeconds));
    std::tie(cpuRequest_, memoryRequest_) = templateRequests(templ);
    restartOnFailure_ = templ.restartPolicy == restart_policy::OnFailure;
    if (job_.spec.isIndexed() && job_.spec.completions)
        attemptsByIndex_.assign(static_cast<std::size_t>(std::max(0, *job_.spec.completions)), 0);

    // The Timeline grows to about five observations and one event per Pod; reserving for the
    // Pods a successful run needs (plus a tenth) spares the copies and the doubled peak of
    // growing vectors of 100 000 Pods. Pages not written are never touched.
    const int64_t expectedPods = std::min<int64_t>(
        std::max<int64_t>(job_.spec.completions.value_or(0), job_.spec.parallelism.value_or(1)),
        2'000'000);
    const auto reserved = static_cast<std::size_t>(expectedPods + expectedPods / 10 + 16);
    reserveBulk(pods_, reserved);
    reserveBulk(tl_.pods, reserved);
    reserveBulk(tl_.podChanges, reserved * 5);
    reserveBulk(tl_.events, reserved);
    byName_.reserve(reserved);
    if (sc_.workQueue)
        workItems_ = sc_.workQueue->items;
}

// --- the event loop ---------------------------------------------------------------------------

void JobSim::push(Seconds time, Ev kind, uint32_t pod, uint32_t aux, int32_t code) {
    world_.push(time, kind, index_, pod, aux, code);
}

void JobSim::beginTimeline() {
    tl_.jobMetadata = job_.metadata;
    tl_.gates = sc_.featureGates;
    tl_.kubernetesMinor = sc_.kubernetesMinor;
    tl_.start = startAt_;
}

// The Job is created: the informer's add handler syncs it at once (addJob).
void JobSim::create() {
    created_ = true;
    jobExists_ = true;
    observeJob();
    enqueueNow();
}

void Simulator::feedReader(bool final) {
    const Timeline& tl = jobs_.front()->tl_;
    if (!final && tl.podChanges.size() < fedPodChanges_ + feed_->batch())
        return;
    fedPodChanges_ = tl.podChanges.size();
    feed_->publish(tl, final);
}

std::vector<Timeline> Simulator::run(SimulationStats* stats) {
    for (auto& j : jobs_)
        j->beginTimeline();
    if (feed_)
        jobs_.front()->feed_ = feed_;
    if (sc_.fork) {
        jobs_.front()->created_ = true;
        jobs_.front()->adoptFork();
    } else {
        // Jobs created at the start are created before anything else happens, in order; the
        // later ones when their time comes (before the actions of that instant).
        for (auto& j : jobs_) {
            if (j->startAt_ <= 0) {
                j->create();
            } else {
                j->jobExists_ = false; // actions before its creation find no Job
                push(j->startAt_, Ev::JobCreated, j->index_, 0, 0, 0);
            }
        }
    }
    for (std::size_t i = 0; i < sc_.actions.size(); ++i) {
        if (sc_.actions[i].at < now_)
            continue; // before the fork: the recording holds what happened then
        if (sc_.actions[i].kind == ScenarioAction::Kind::DeleteJob)
            if (JobSim* target = actionTarget(sc_.actions[i]))
                ++target->pendingJobDeletions_;
        push(std::max(0.0, sc_.actions[i].at), Ev::Action, 0, 0, static_cast<uint32_t>(i), 0);
    }

    stats_.stopReason = "idle";
    while (!queue_.empty()) {
        const SimEvent ev = queue_.top();
        if (ev.time > stopAt_) {
            now_ = stopAt_;
            stats_.stopReason = "stop-time";
            break;
        }
        queue_.pop();
        if (feed_ && ev.time > now_)
            feedReader(false); // every instant before ev.time is complete
        now_ = ev.time;
        ++stats_.steps;
        dispatch(ev);
        if (done()) {
            stats_.stopReason = "finished";
            break;
        }
        if (stats_.steps >= kMaxSimulationSteps) {
            stats_.stopReason = "step-limit";
            break;
        }
        if (podRecords_ > sc_.maxPods) {
            stats_.stopReason = "pod-limit";
            break;
        }
    }
    stats_.end = now_;
    for (auto& j : jobs_)
        j->tl_.end = now_;
    if (feed_) {
        feedReader(true);
        feed_->waitForReader(); // the Timelines move next
    }
    std::vector<Timeline> timelines;
    timelines.reserve(jobs_.size());
    for (auto& j : jobs_) {
        stats_.events += j->tl_.events.size();
        stats_.podObservations += j->tl_.podChanges.size();
        stats_.jobObservations += j->tl_.jobChanges.size();
        timelines.push_back(std::move(j->tl_));
    }
    if (stats)
        *stats = stats_;
    return timelines;
}

void Simulator::dispatch(const SimEvent& ev) {
    switch (ev.kind) {
    case Ev::Action:
        runAction(sc_.actions[ev.aux]);
        break;
    case Ev::JobCreated:
        jobs_[ev.job]->create();
        break;
    default:
        jobs_[ev.job]->dispatch(ev);
        break;
    }
}

bool Simulator::done() const {
    // Asked after every step: with thousands of Jobs, which mostly finish in order, the scan
    // resumes at the first Job not found done, and only "all done" looks at every Job again.
    while (doneCursor_ < jobs_.size() && jobs_[doneCursor_]->done())
        ++doneCursor_;
    if (doneCursor_ < jobs_.size())
        return false;
    for (std::size_t i = 0; i < jobs_.size(); ++i)
        if (!jobs_[i]->done()) {
            doneCursor_ = i;
            return false;
        }
    return true;
}

void JobSim::dispatch(const SimEvent& ev) {
    switch (ev.kind) {
    case Ev::QueueReady:
        if (ev.aux == waitingToken_ && waitingAt_) {
            waitingAt_.reset();
            enqueueNow();
        }
        break;
    case Ev::Work:
        if (writeCursor_ < writes_.size()) {
            // The sync in flight still has writes landing at this instant: the worker is busy
            // until they have (the key is processed once Done is called).
            push(busyUntil_, Ev::Work);
            break;
        }
        if (const auto freeAt = world_.workerFreeAt(); freeAt > now_) {
            // Every worker is syncing another Job: the key waits for the first to be done.
            push(freeAt, Ev::Work);
            break;
        }
        queued_ = false;
        runSync();
        world_.takeWorker(busyUntil_);
        break;
    case Ev::ApplyRound:
        applyWrites();
        break;
    case Ev::Schedule:
        if (pods_[ev.pod].gen == ev.aux)
            scheduleNow(ev.pod);
        break;
    case Ev::Bind:
        if (pods_[ev.pod].gen == ev.aux)
            bindNow(ev.pod);
        break;
    case Ev::ContainerStart:
        if (pods_[ev.pod].gen == ev.aux)
            startContainer(ev.pod);
        break;
    case Ev::Ready: {
        SimPod& p = pods_[ev.pod];
        if (p.gen == ev.aux && p.exists && p.state.phase == pod_phase::Running && !p.state.ready) {
            setReady(p, true);
            observe(ev.pod);
            notify(Note::PodUpdated, ev.pod);
        }
        break;
    }
    case Ev::ItemDone: {
        SimPod& p = pods_[ev.pod];
        if (p.gen == ev.aux && p.holdingItem) {
            p.holdingItem = false;
            takeItem(ev.pod);
        }
        break;
    }
    case Ev::Exit:
        if (pods_[ev.pod].gen == ev.aux)
            containerExited(ev.pod, ev.code, ev.time - T_.podEndToCount);
        break;
    case Ev::Killed: {
        SimPod& p = pods_[ev.pod];
        if (p.gen == ev.aux && p.exists && !isTerminalPhase(p.state.phase))
            terminate(ev.pod, pod_phase::Failed, kTerminatedBySigterm, now_ - T_.podEndToCount);
        break;
    }
    case Ev::Action:
    case Ev::JobCreated:
        break; // the Simulator's
    case Ev::TtlExpired:
        ttlPending_ = false;
        deleteJob(true);
        break;
    case Ev::GcDelete:
        gcDeletePods();
        break;
    case Ev::Informer:
        handle(static_cast<Note>(ev.aux), ev.pod);
        break;
    }
}

bool JobSim::done() const {
    if (!created_)
        return false;
    if (!jobExists_)
        return existing_ == 0;
    if (!jobFinished_ || nonTerminal_ > 0 || ttlPending_ || jobForegroundDeleting_)
        return false;
    // A Job deletion the scenario still has ahead is part of the story.
    return pendingJobDeletions_ == 0;
}

// --- timeline ---------------------------------------------------------------------------------

void JobSim::observe(uint32_t id, bool deleted) {
    SimPod& p = pods_[id];
    // Changes of one Pod at one instant are one observation.
    if (p.lastObservation != kNone && tl_.podChanges[p.lastObservation].time == now_) {
        PodObservation& o = tl_.podChanges[p.lastObservation];
        o.state = p.state;
        o.deleted = o.deleted || deleted;
        return;
    }
    p.lastObservation = static_cast<uint32_t>(tl_.podChanges.size());
    makeRoom(tl_.podChanges);
    pushBulk(tl_.podChanges, PodObservation{now_, id, deleted, p.state});
}

void JobSim::observeJob(bool deleted) {
    makeRoom(tl_.jobChanges);
    tl_.jobChanges.push_back(JobObservation{now_, job_.spec, job_.status, deleted});
}

void JobSim::recordEvent(const std::string& kind, const std::string& name, const char* type,
                         std::string reason, std::string message) {
    makeRoom(tl_.events);
    pushBulk(tl_.events,
             TimelineEvent{now_, kind, name, type, std::move(reason), std::move(message)});
}

// --- controller -------------------------------------------------------------------------------

void JobSim::notify(Note note, uint32_t pod) {
    if (T_.informerLatency > 0)
        push(now_ + T_.informerLatency, Ev::Informer, pod, static_cast<uint32_t>(note));
    else
        handle(note, pod);
}

// The controller's event handlers (job_controller.go addPod, updatePod, deletePod, updateJob).
void JobSim::handle(Note note, uint32_t id) {
    if (!jobExists_)
        return; // resolveControllerRef finds no Job: nothing to sync
    switch (note) {
    case Note::PodAdded:
        // CreationObserved, then the batched sync.
        --expectations_.creations;
        enqueueAfter(T_.syncBatch);
        break;
    case Note::PodUpdated: {
        const SimPod& p = pods_[id];
        if (p.state.deletionTimestamp) {
            // A Pod being deleted counts as observed deleted at once (updatePod -> deletePod).
            podDeletionObserved(id, false);
            return;
        }
        if (!p.state.tracked)
            dropFinalizerExpectation(id);
        enqueueAfter(T_.syncBatch);
        break;
    }
    case Note::PodDeleted:
        podDeletionObserved(id, true);
        break;
    case Note::JobUpdated:
        // A status write: batched like Pod events (updateJob, same generation).
        enqueueAfter(T_.syncBatch);
        break;
    case Note::JobSpecChanged:
        // A new generation: synced at once (updateJob).
        enqueueAfter(0);
        break;
    }
}

void JobSim::podDeletionObserved(uint32_t id, bool final) {
    // deletePod: a finished Job is not synced again; the orphan worker cleans up.
    if (jobFinished_)
        return;
    --expectations_.deletions;
    if (final || !pods_[id].state.tracked)
        dropFinalizerExpectation(id);
    enqueueAfter(T_.syncBatch);
}

void JobSim::dropFinalizerExpectation(uint32_t id) {
    const uint32_t slot = pods_[id].finalizerSlot;
    if (slot == kNone)
        return;
    auto& uids = expectations_.finalizerRemovalUids;
    assert(slot < uids.size() && uids[slot] == tl_.pods[id].uid);
    // The order of the list means nothing to a sync (it is read as a set): swap and pop.
    const uint32_t last = static_cast<uint32_t>(uids.size() - 1);
    if (slot != last) {
        uids[slot] = std::move(uids[last]);
        finalizerSlotPod_[slot] = finalizerSlotPod_[last];
        if (finalizerSlotPod_[slot] != kNone)
            pods_[finalizerSlotPod_[slot]].finalizerSlot = slot;
    }
    uids.pop_back();
    finalizerSlotPod_.pop_back();
    pods_[id].finalizerSlot = kNone;
}

// A pass hands back the expectations it was given with the uids of the finalizer removals it
// issued successfully appended, in the order of SyncResult::finalizerRemovals (which also
// lists the refused ones): each new entry is found by walking that list.
void JobSim::indexFinalizerExpectations(const SyncResult& r) {
    const auto& uids = expectations_.finalizerRemovalUids;
    if (uids.size() < finalizerSlotPod_.size()) {
        // Not the list it was given plus new entries: index it afresh.
        for (uint32_t id : finalizerSlotPod_)
            if (id != kNone)
                pods_[id].finalizerSlot = kNone;
        finalizerSlotPod_.clear();
    }
    std::size_t cursor = 0;
    for (std::size_t slot = finalizerSlotPod_.size(); slot < uids.size(); ++slot) {
        uint32_t id = kNone;
        while (cursor < r.finalizerRemovalObjects.size() && id == kNone) {
            const uint32_t candidate = podServed(r.finalizerRemovalObjects[cursor++]);
            if (tl_.pods[candidate].uid == uids[slot])
                id = candidate;
        }
        if (id == kNone) {
            // Not a Pod this pass patched: look it up among every Pod (never expected).
            for (uint32_t i = 0; i < tl_.pods.size() && id == kNone; ++i)
                if (tl_.pods[i].uid == uids[slot])
                    id = i;
        }
        if (id == kNone || pods_[id].finalizerSlot != kNone) {
            finalizerSlotPod_.push_back(kNone); // unknown or listed twice: never dropped
            continue;
        }
        pods_[id].finalizerSlot = static_cast<uint32_t>(slot);
        finalizerSlotPod_.push_back(id);
    }
}

// The work queue's AddAfter: a key waits at most once, at the earliest time asked.
void JobSim::enqueueAfter(Seconds delay) {
    if (delay <= 0)
        enqueueNow();
    else
        enqueueAt(now_ + delay);
}

void JobSim::enqueueAt(Seconds at) {
    if (at <= now_) {
        enqueueNow();
        return;
    }
    if (waitingAt_ && *waitingAt_ <= at)
        return;
    waitingAt_ = at;
    push(at, Ev::QueueReady, 0, ++waitingToken_);
}

// Add: the key is taken by a worker once the sync in flight (if any) is done.
void JobSim::enqueueNow() {
    if (queued_)
        return;
    queued_ = true;
    push(std::max(now_, busyUntil_) + T_.syncLatency, Ev::Work);
}

// The Pods a sync needs: active, terminating, and finished ones the controller has not yet
// accounted (they still carry the tracking finalizer). A finished Pod without the finalizer
// never matters to a sync again, so it leaves the list for good and its object is freed.
void JobSim::compactControllerList() {
    std::erase_if(controllerList_, [&](uint32_t id) {
        SimPod& p = pods_[id];
        const bool keep = p.exists && (!isTerminalPhase(p.state.phase) || p.state.tracked);
        if (!keep && p.obj)
            spareObjects_.push_back(std::move(p.obj));
        return !keep;
    });
}

const std::vector<const Pod*>& JobSim::podsForSync() {
    compactControllerList();
    syncPods_.clear();
    syncPods_.reserve(controllerList_.size());
    for (uint32_t id : controllerList_)
        syncPods_.push_back(pods_[id].obj.get());
    return syncPods_;
}

// What the API server will answer a pass's creates with.
ApiErrors JobSim::apiErrors() const {
    ApiErrors errors;
    if (!createAllowed_) {
        errors.create = ApiError::Forbidden;
    } else if (quota_) {
        errors.create = ApiError::Quota;
        // Upstream's ResourceQuota counts the namespace's Pods: every Job's, and the creates
        // other Jobs' syncs have had admitted whose writes are still on their way.
        errors.createLimit = std::max(0, *quota_ - quotaUsed_ - quotaInFlight_);
    }
    return errors;
}

void JobSim::runSync() {
    if (!jobExists_)
        return; // syncJob: the Job is gone, its expectations are dropped
    const ApiErrors errors = apiErrors();
    SyncResult r = syncJob(SyncRequest{job_, podsForSync(), expectations_, backoff_, errors, now_,
                                       sc_.featureGates, sc_.kubernetesMinor});
    ++stats_.syncs;
    expectations_ = std::move(r.expectations);
    indexFinalizerExpectations(r);
    backoff_ = r.backoff;

    // The pass's writes land one after another, `apiLatency` each, as the API server commits
    // them (measured on trace a: creates, the status write listing the finished Pods as
    // uncounted, the finalizer patches and the final status write follow each other ~10 ms
    // apart): the slow-start creates, the deletes (each after its finalizer patch), then —
    // when finished Pods are accounted — the uncounted status write and the patches, and the
    // final status write, after which the pass's other events are recorded.
    if (writeCursor_ == writes_.size()) {
        writes_.clear();
        pendingEvents_.clear();
        pendingInterim_.clear();
        writeCursor_ = 0;
    }
    const std::size_t firstWrite = writes_.size();
    int roundTrips = 0;
    auto land = [&](WriteOp::Kind kind, uint32_t target) {
        writes_.push_back({now_ + ++roundTrips * T_.apiLatency, kind, target});
    };
    auto alongside = [&](WriteOp::Kind kind, uint32_t target) {
        writes_.push_back({now_ + roundTrips * T_.apiLatency, kind, target});
    };
    auto addEvent = [&](TimelineEvent event) {
        pendingEvents_.push_back(std::move(event));
        alongside(WriteOp::Kind::RecordEvent, static_cast<uint32_t>(pendingEvents_.size() - 1));
    };
    const std::string& jobName = job_.metadata.name;

    // Slow start: the creates of one batch are sent at once (one goroutine each) and the next
    // batch waits for all of them: one round trip per batch of 1, 2, 4, ... Pods.
    int created = 0;
    int batch = -1;
    for (const PodCreation& c : r.creations) {
        if (c.batch != batch) {
            batch = c.batch;
            ++roundTrips;
        }
        if (c.accepted) {
            const uint32_t id = reservePod(c);
            ++created;
            ++quotaInFlight_;
            alongside(WriteOp::Kind::Create, id);
            addEvent({0, "Job", jobName, event_type::Normal, event_reason::SuccessfulCreate,
                      "Created pod: " + tl_.pods[id].name});
        } else {
            ++stats_.createRefusals;
            std::string message;
            if (errors.create == ApiError::Quota && createAllowed_) {
                // The quota admission's message; the API server had named the Pod already.
                message = "pods \"" + generateName(c.generateName) +
                          "\" is forbidden: exceeded quota: " + kQuotaName +
                          ", requested: pods=1, used: pods=" +
                          std::to_string(quotaUsed_ + quotaInFlight_) +
                          ", limited: pods=" + std::to_string(*quota_);
            } else {
                message = c.error;
            }
            addEvent({0, "Job", jobName, event_type::Warning, event_reason::FailedCreate,
                      "Error creating: " + message});
        }
    }

    // A Pod both deleted and patched had its finalizer removed by deleteJobPods.
    std::unordered_set<const Pod*> patchedDeleted;
    if (!r.deletedPodObjects.empty()) {
        const std::unordered_set<const Pod*> deleted(r.deletedPodObjects.begin(),
                                                     r.deletedPodObjects.end());
        for (const Pod* pod : r.finalizerRemovalObjects)
            if (deleted.count(pod))
                patchedDeleted.insert(pod);
        std::size_t eventIx = 0;
        for (const Pod* pod : r.deletedPodObjects) {
            const uint32_t id = podServed(pod);
            // deleteJobPods: the finalizer goes first, so the Pod is not counted as failed.
            if (patchedDeleted.count(pod))
                land(WriteOp::Kind::RemoveFinalizer, id);
            land(WriteOp::Kind::Delete, id);
            // Its SuccessfulDelete / FailedDelete event, in call order.
            for (; eventIx < r.events.size(); ++eventIx) {
                const Event& e = r.events[eventIx];
                if (e.reason == event_reason::SuccessfulDelete ||
                    e.reason == event_reason::FailedDelete) {
                    addEvent({0, "Job", jobName, e.type, e.reason, e.message});
                    ++eventIx;
                    break;
                }
            }
        }
    }
    // The pass's earlier status writes (SyncResult::earlierStatusWrites): the first is the
    // one listing finished Pods in uncountedTerminatedPods before their finalizers go.
    const std::size_t firstInterim = pendingInterim_.size();
    for (JobStatus& status : r.earlierStatusWrites)
        pendingInterim_.push_back(std::move(status));
    std::size_t nextInterim = firstInterim;
    bool accounted = false;
    for (const Pod* pod : r.finalizerRemovalObjects) {
        if (patchedDeleted.count(pod))
            continue;
        if (!accounted) {
            accounted = true;
            // The status write that lists them as uncounted; the controller's informer sees it.
            land(WriteOp::Kind::InterimStatus, nextInterim < pendingInterim_.size()
                                                   ? static_cast<uint32_t>(nextInterim++)
                                                   : kNone);
        }
        land(WriteOp::Kind::RemoveFinalizer, podServed(pod));
    }
    // Earlier writes without a round trip modelled above (no finalizer patch followed them, or
    // a patch failed and progress was saved) are recorded just before the final one.
    for (; nextInterim < pendingInterim_.size(); ++nextInterim)
        alongside(WriteOp::Kind::RecordStatus, static_cast<uint32_t>(nextInterim));
    if (r.statusUpdated) {
        pendingStatus_ = r.status;
        land(WriteOp::Kind::Status, 0);
    }
    for (const Event& e : r.events) {
        if (e.reason == event_reason::SuccessfulCreate || e.reason == event_reason::FailedCreate ||
            e.reason == event_reason::SuccessfulDelete || e.reason == event_reason::FailedDelete)
            continue; // recorded above with their writes
        addEvent({0, "Job", jobName, e.type, e.reason, e.message});
    }
    if (firstWrite < writes_.size() && writeCursor_ == firstWrite)
        push(writes_[firstWrite].time, Ev::ApplyRound);
    busyUntil_ = now_ + roundTrips * T_.apiLatency;

    ControllerSync record;
    record.time = now_;
    record.wantActive = r.explanation.wantActive;
    record.causes = std::move(r.explanation.causes);
    record.creations = created;
    record.deletions = r.deletionCount();
    tl_.syncs.push_back(std::move(record));

    // processNextWorkItem: a failed sync comes back through the rate limiter (1 s doubling
    // to 60 s), a good one resets it (Forget); requeueAfter was asked during the pass.
    if (r.error) {
        const Seconds delay =
            std::min(kDefaultJobApiBackOff * std::ldexp(1.0, std::min(rateLimiterFailures_, 30)),
                     kMaxJobApiBackOff);
        ++rateLimiterFailures_;
        enqueueAt(busyUntil_ + delay);
    } else {
        rateLimiterFailures_ = 0;
    }
    if (r.requeueAfter)
        enqueueAt(now_ + std::max(0.0, *r.requeueAfter));
}

void JobSim::applyWrites() {
    while (writeCursor_ < writes_.size() && writes_[writeCursor_].time <= now_) {
        const WriteOp op = writes_[writeCursor_++];
        switch (op.kind) {
        case WriteOp::Kind::Create:
            createPodNow(op.target);
            break;
        case WriteOp::Kind::RemoveFinalizer:
            removeFinalizerNow(op.target);
            break;
        case WriteOp::Kind::Delete:
            deletePodNow(op.target);
            break;
        case WriteOp::Kind::InterimStatus:
            if (op.target != kNone)
                applyInterimStatusNow(op.target);
            if (jobExists_)
                notify(Note::JobUpdated);
            break;
        case WriteOp::Kind::RecordStatus:
            applyInterimStatusNow(op.target);
            break;
        case WriteOp::Kind::Status:
            applyStatusNow();
            break;
        case WriteOp::Kind::RecordEvent: {
            TimelineEvent& e = pendingEvents_[op.target];
            e.time = now_;
            makeRoom(tl_.events);
            pushBulk(tl_.events, std::move(e));
            break;
        }
        }
    }
    if (writeCursor_ < writes_.size())
        push(writes_[writeCursor_].time, Ev::ApplyRound);
}

// --- API server -------------------------------------------------------------------------------

std::string JobSim::generateName(const std::string& prefix) {
    std::string name;
    name.reserve(prefix.size() + kNameSuffixLength);
    name.append(prefix);
    name.append(kNameSuffixLength, ' ');
    do {
        for (std::size_t i = prefix.size(); i < name.size(); ++i)
            name[i] = kNameAlphabet[nameRng_.below(kNameAlphabet.size())];
    } while (world_.nameTaken(name));
    return name;
}

std::string JobSim::newUid() {
    // RFC 4122 version 4 layout from the name stream, hand-formatted a byte at a time
    // (snprintf, then a digit at a time, showed in the benchmark's profile).
    const uint64_t hi = (nameRng_.next() & 0xffffffffffff0fffULL) | 0x4000ULL;
    const uint64_t lo = (nameRng_.next() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
    // The two hex digits of every byte value, so that a byte is one copy of two characters.
    static constexpr auto kHexPairs = [] {
        constexpr char kHex[] = "0123456789abcdef";
        std::array<char, 512> pairs{};
        for (std::size_t byte = 0; byte < 256; ++byte) {
            pairs[2 * byte] = kHex[byte >> 4];
            pairs[2 * byte + 1] = kHex[byte & 0xfu];
        }
        return pairs;
    }();
    char text[36];
    char* out = text;
    // `bytes` bytes of `bits`, most significant first, as two hex digits each.
    const auto put = [&out](uint64_t bits, int bytes) {
        for (int i = bytes - 1; i >= 0; --i) {
            const std::size_t byte = static_cast<std::size_t>(bits >> (8 * i)) & 0xffu;
            std::memcpy(out, &kHexPairs[2 * byte], 2);
            out += 2;
        }
    };
    put(hi >> 32, 4);
    *out++ = '-';
    put(hi >> 16, 2);
    *out++ = '-';
    put(hi, 2);
    *out++ = '-';
    put(lo >> 48, 2);
    *out++ = '-';
    put(lo, 6);
    return std::string(text, sizeof text);
}

// The identity of a Pod the API server accepted; it appears when its create lands.
uint32_t JobSim::reservePod(const PodCreation& c) {
    const uint32_t id = static_cast<uint32_t>(pods_.size());
    TimelinePod identity;
    identity.name = generateName(c.generateName);
    identity.uid = newUid();
    const int ordinal = static_cast<int>(id);
    if (c.index) {
        identity.index = *c.index;
        if (*c.index >= 0 && static_cast<std::size_t>(*c.index) < attemptsByIndex_.size())
            identity.attempt = attemptsByIndex_[static_cast<std::size_t>(*c.index)]++;
    } else {
        identity.attempt = ordinal; // NonIndexed: the Pod's ordinal within the Job
    }
    identity.indexFailureCount = c.indexFailureCount;
    identity.indexIgnoredFailureCount = c.indexIgnoredFailureCount;
    byName_.insert(identity.name, id);
    makeRoom(tl_.pods);
    pushBulk(tl_.pods, std::move(identity));
    SimPod p;
    p.key = c.index ? *c.index : ordinal;
    pushBulk(pods_, std::move(p));
    ++world_.podRecords_;
    return id;
}

// The Pod object as the API server returns it right after the create: every field is set,
// so that a recycled object (storage reused) is the same as a new one. The only map keys an
// object ever gets are the ones set here.
void JobSim::initPodObject(Pod& pod, const TimelinePod& identity) const {
    ObjectMeta& meta = pod.metadata;
    meta.name = identity.name;
    meta.namespace_ = job_.metadata.namespace_;
    meta.uid = identity.uid;
    meta.generateName.assign(identity.name, 0, identity.name.size() - kNameSuffixLength);
    meta.generation = 0;
    meta.creationTimestamp = apiTime(now_);
    meta.deletionTimestamp.reset();
    meta.deletionGracePeriodSeconds.reset();
    setIndexEntries(pod, identity.indexEntries());
    meta.finalizers.resize(1);
    meta.finalizers.front() = jobTrackingFinalizer;

    pod.nodeName.clear();
    pod.phase = pod_phase::Pending;
    pod.startTime.reset();
    pod.conditions.clear();
    pod.conditions.push_back({pod_condition::Ready, condition_status::False, apiTime(now_)});
    pod.containerStatuses.resize(1);
    ContainerStatus& main = pod.containerStatuses.front();
    main.name = containerName_;
    main.ready = false;
    main.running = false;
    main.runningStartedAt.reset();
    main.terminated.reset();
    main.restartCount = 0;
    pod.initContainerStatuses.clear();
    pod.restartableInitContainers.clear();
}

void JobSim::createPodNow(uint32_t id) {
    SimPod& p = pods_[id];
    TimelinePod& identity = tl_.pods[id];
    identity.createdAt = now_;

    if (!spareObjects_.empty()) {
        p.obj = std::move(spareObjects_.back());
        spareObjects_.pop_back();
    } else {
        p.obj = std::make_unique<ServedPod>();
    }
    p.obj->id = id;
    initPodObject(*p.obj, identity);

    p.exists = true;
    ++existing_;
    ++nonTerminal_;
    ++quotaUsed_;
    --quotaInFlight_;
    ++stats_.pods;
    controllerList_.push_back(id);
    observe(id);
    notify(Note::PodAdded, id);
    if (!jobExists_ || jobForegroundDeleting_) {
        // Created after its Job went: the garbage collector takes it.
        push(now_ + T_.apiLatency, Ev::GcDelete);
        return;
    }
    push(now_ + T_.schedulerDelay, Ev::Schedule, id, p.gen);
}

// A DELETE of the Pod lands: graceful on a Node, at once when it never got one.
void JobSim::deletePodNow(uint32_t id) {
    SimPod& p = pods_[id];
    if (!p.exists || p.state.deletionTimestamp)
        return;
    if (isTerminalPhase(p.state.phase)) {
        p.state.deletionTimestamp = apiTime(now_);
        if (p.obj)
            p.obj->metadata.deletionTimestamp = apiTime(now_);
        observe(id);
        if (!p.state.tracked)
            removePodNow(id);
        else
            notify(Note::PodUpdated, id);
        return;
    }
    if (p.state.nodeName.empty()) {
        // Unbound: nothing to stop. The object waits only for its finalizer; the Pod GC fails
        // a terminating Pod that has no Node.
        p.state.deletionTimestamp = apiTime(now_);
        if (p.obj) {
            p.obj->metadata.deletionTimestamp = apiTime(now_);
            p.obj->metadata.deletionGracePeriodSeconds = 0;
        }
        terminate(id, pod_phase::Failed, std::nullopt, now_);
        return;
    }
    // The API server writes the time the Pod will be gone by: now plus the grace period.
    p.state.deletionTimestamp = apiTime(now_ + gracePeriod_);
    if (p.obj) {
        p.obj->metadata.deletionTimestamp = apiTime(now_ + gracePeriod_);
        p.obj->metadata.deletionGracePeriodSeconds = static_cast<int64_t>(gracePeriod_);
    }
    ++p.gen; // the kubelet stops whatever it had planned
    returnItem(p);
    // A bound Pod whose containers have not started yet takes the kubelet as long to stop as a
    // running one: the kubelet tears down what it began setting up and reports the Pod Failed.
    const Seconds stopAfter = std::min(T_.gracefulTermination, gracePeriod_);
    push(now_ + stopAfter + T_.podEndToCount, Ev::Killed, id, p.gen);
    observe(id);
    notify(Note::PodUpdated, id);
}

void JobSim::removeFinalizerNow(uint32_t id) {
    SimPod& p = pods_[id];
    if (!p.exists || !p.state.tracked)
        return;
    p.state.tracked = false;
    if (p.obj)
        p.obj->metadata.finalizers.clear();
    observe(id);
    if (p.state.deletionTimestamp && isTerminalPhase(p.state.phase))
        removePodNow(id);
    else
        notify(Note::PodUpdated, id);
}

void JobSim::removePodNow(uint32_t id) {
    SimPod& p = pods_[id];
    if (!p.exists)
        return;
    p.exists = false;
    --existing_;
    if (!isTerminalPhase(p.state.phase)) {
        --nonTerminal_;
        --quotaUsed_;
        releaseNode(p);
    }
    ++p.gen;
    observe(id, true);
    notify(Note::PodDeleted, id);
    if (jobForegroundDeleting_ && existing_ == 0)
        removeJobObject();
}

// An earlier status write of a pass lands: recorded; the pass's last write follows it.
void JobSim::applyInterimStatusNow(uint32_t index) {
    if (!jobExists_)
        return;
    job_.status = std::move(pendingInterim_[index]);
    cutStatusTimes(job_.status);
    observeJob();
}

void JobSim::applyStatusNow() {
    if (!jobExists_)
        return;
    job_.status = pendingStatus_;
    cutStatusTimes(job_.status);
    observeJob();
    if (!jobFinished_ && hasFinishedCondition(job_.status)) {
        jobFinished_ = true;
        if (job_.spec.ttlSecondsAfterFinished) {
            ttlPending_ = true;
            push(now_ + static_cast<Seconds>(std::max(0, *job_.spec.ttlSecondsAfterFinished)),
                 Ev::TtlExpired);
        }
    }
    notify(Note::JobUpdated);
}

void JobSim::changeSpec(const JobSpec& spec) {
    if (!jobExists_ || jobForegroundDeleting_)
        return;
    const bool same =
        spec.parallelism == job_.spec.parallelism && spec.suspend == job_.spec.suspend;
    if (same)
        return; // a no-op update changes nothing and is not delivered
    job_.spec = spec;
    ++job_.metadata.generation;
    observeJob();
    notify(Note::JobSpecChanged);
}

// `kubectl delete job` (background propagation) or the TTL controller (foreground): the
// garbage collector deletes the Pods and the controller's cleanup removes their finalizers.
void JobSim::deleteJob(bool foreground) {
    if (!jobExists_ || jobForegroundDeleting_)
        return;
    if (foreground) {
        jobForegroundDeleting_ = true;
    } else {
        removeJobObject();
    }
    push(now_ + T_.apiLatency, Ev::GcDelete);
}

void JobSim::gcDeletePods() {
    for (uint32_t id = 0; id < pods_.size(); ++id) {
        if (!pods_[id].exists)
            continue;
        removeFinalizerNow(id);
        deletePodNow(id);
    }
    if (jobForegroundDeleting_ && existing_ == 0)
        removeJobObject();
}

void JobSim::removeJobObject() {
    if (!jobExists_)
        return;
    jobExists_ = false;
    jobForegroundDeleting_ = false;
    observeJob(true);
}

// --- scheduler and kubelet --------------------------------------------------------------------

int JobSim::pickNode() const {
    // The Node with the most free Pod slots that fits the requests (a least-allocated spread);
    // ties go to the first.
    int best = -1;
    int bestFree = 0;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const SimNode& n = nodes_[i];
        if (n.lost || n.used >= n.capacity)
            continue;
        if (n.cpu && n.cpuUsed + cpuRequest_ > *n.cpu + 1e-9)
            continue;
        if (n.memory && n.memoryUsed + memoryRequest_ > *n.memory + 1e-9)
            continue;
        const int free = n.capacity - n.used;
        if (best < 0 || free > bestFree) {
            best = static_cast<int>(i);
            bestFree = free;
        }
    }
    return best;
}

std::string JobSim::unschedulableMessage() const {
    int lost = 0, full = 0, cpu = 0, memory = 0;
    for (const SimNode& n : nodes_) {
        if (n.lost)
            ++lost;
        else if (n.used >= n.capacity)
            ++full;
        else if (n.cpu && n.cpuUsed + cpuRequest_ > *n.cpu + 1e-9)
            ++cpu;
        else if (n.memory && n.memoryUsed + memoryRequest_ > *n.memory + 1e-9)
            ++memory;
    }
    // kube-scheduler's FailedScheduling wording.
    std::string message = "0/" + std::to_string(nodes_.size()) + " nodes are available:";
    std::vector<std::string> parts;
    if (cpu)
        parts.push_back(std::to_string(cpu) + " Insufficient cpu");
    if (memory)
        parts.push_back(std::to_string(memory) + " Insufficient memory");
    if (full)
        parts.push_back(std::to_string(full) + " Too many pods");
    if (lost)
        parts.push_back(std::to_string(lost) + " node(s) were unreachable");
    for (std::size_t i = 0; i < parts.size(); ++i)
        message += (i ? ", " : " ") + parts[i];
    return message + ".";
}

void JobSim::reserve(uint32_t id, int node) {
    SimPod& p = pods_[id];
    SimNode& n = nodes_[static_cast<std::size_t>(node)];
    p.node = node;
    p.holdsNode = true;
    ++n.used;
    n.cpuUsed += cpuRequest_;
    n.memoryUsed += memoryRequest_;
}

void JobSim::releaseNode(SimPod& p) {
    if (!p.holdsNode)
        return;
    p.holdsNode = false;
    SimNode& n = nodes_[static_cast<std::size_t>(p.node)];
    --n.used;
    n.cpuUsed -= cpuRequest_;
    n.memoryUsed -= memoryRequest_;
    if (!unschedulable_.empty())
        world_.retryUnschedulable();
}

// One queue for every Job's Pods, strictly oldest first: a Pod that fits nowhere holds back
// the ones behind it, whatever their Job asks for.
void Simulator::retryUnschedulable() {
    while (!unschedulable_.empty()) {
        const WaitingPod waiting = unschedulable_.front();
        const JobSim::Retry result = jobs_[waiting.job]->retryWaiting(waiting.pod);
        if (result == JobSim::Retry::NoRoom)
            return;
        unschedulable_.pop_front();
    }
}

JobSim::Retry JobSim::retryWaiting(uint32_t id) {
    SimPod& p = pods_[id];
    if (!p.exists || p.state.deletionTimestamp || isTerminalPhase(p.state.phase) || p.holdsNode) {
        p.unschedulableQueued = false;
        return Retry::Stale;
    }
    const int node = pickNode();
    if (node < 0)
        return Retry::NoRoom;
    p.unschedulableQueued = false;
    reserve(id, node);
    push(now_ + T_.schedulerDelay, Ev::Bind, id, p.gen);
    return Retry::Bound;
}

void JobSim::scheduleNow(uint32_t id) {
    SimPod& p = pods_[id];
    if (!p.exists || p.state.deletionTimestamp || isTerminalPhase(p.state.phase) || p.holdsNode)
        return;
    const int node = pickNode();
    if (node < 0) {
        if (!p.unschedulableQueued) {
            p.unschedulableQueued = true;
            unschedulable_.push_back({index_, id});
            p.state.waitingReason = "Unschedulable";
            observe(id);
            notify(Note::PodUpdated, id);
            recordEvent("Pod", tl_.pods[id].name, "Warning", "FailedScheduling",
                        unschedulableMessage());
        }
        return;
    }
    reserve(id, node);
    bindNow(id);
}

void JobSim::bindNow(uint32_t id) {
    SimPod& p = pods_[id];
    if (!p.exists || p.state.deletionTimestamp || !p.holdsNode)
        return;
    p.state.nodeName = nodes_[static_cast<std::size_t>(p.node)].name;
    p.state.waitingReason.clear();
    if (p.obj) {
        p.obj->nodeName = p.state.nodeName;
        p.obj->conditions.push_back({pod_condition::PodScheduled, condition_status::True, now_});
    }
    observe(id);
    notify(Note::PodUpdated, id);
    push(now_ + T_.containerStart, Ev::ContainerStart, id, p.gen);
}

void JobSim::setReady(SimPod& p, bool ready) {
    p.state.ready = ready;
    if (!p.obj)
        return;
    for (auto& c : p.obj->conditions)
        if (c.type == pod_condition::Ready) {
            c.status = ready ? condition_status::True : condition_status::False;
            c.lastTransitionTime = apiTime(now_);
        }
    p.obj->containerStatuses.front().ready = ready;
}

Seconds JobSim::sample(const Duration& d, int key) {
    switch (d.kind) {
    case Duration::Kind::Fixed:
        return std::max(0.0, d.value);
    case Duration::Kind::Uniform:
        return std::max(0.0, rng_.uniform(d.min, d.max));
    case Duration::Kind::Normal:
        return std::max(0.0, rng_.normal(d.mean, d.stddev));
    case Duration::Kind::Exponential:
        return rng_.exponential(std::max(0.0, d.value));
    case Duration::Kind::PerIndex:
        // Pods past the end of the list run as long as its last entry says.
        if (key >= 0 && !d.perIndex.empty())
            return std::max(
                0.0, d.perIndex[std::min(static_cast<std::size_t>(key), d.perIndex.size() - 1)]);
        return std::max(0.0, d.value);
    }
    return 0;
}

// The first failure rule that matches the Pod's index (ordinal) and attempt and fires.
std::optional<std::pair<int32_t, std::optional<Seconds>>>
JobSim::drawFailure(const SimPod& p, const TimelinePod& identity) {
    for (const FailureRule& rule : sc_.failures) {
        if (rule.index && *rule.index != p.key)
            continue;
        if (rule.attempt && *rule.attempt != identity.attempt)
            continue;
        if (rng_.chance(rule.probability))
            return std::pair{rule.exitCode, rule.after};
    }
    return std::nullopt;
}

void JobSim::startContainer(uint32_t id) {
    SimPod& p = pods_[id];
    if (!p.exists || p.state.deletionTimestamp || isTerminalPhase(p.state.phase))
        return;
    ++p.gen; // one run of the container: its own exit and item events
    p.state.phase = pod_phase::Running;
    p.state.containersStarted = true;
    p.state.waitingReason.clear();
    p.state.exitCode.reset();
    if (p.obj) {
        p.obj->phase = pod_phase::Running;
        if (!p.obj->startTime)
            p.obj->startTime = now_;
        ContainerStatus& main = p.obj->containerStatuses.front();
        main.running = true;
        main.runningStartedAt = apiTime(now_);
        main.terminated.reset();
    }
    if (T_.readinessDelay <= 0)
        setReady(p, true);
    else
        push(now_ + T_.readinessDelay, Ev::Ready, id, p.gen);
    observe(id);
    notify(Note::PodUpdated, id);

    planExit(id, now_);
}

// How the container that started at `startedAt` ends: it fails as a failure rule says, or runs
// its run time (or its work-queue items) and exits 0. An end that a fork's recording already
// passed happens at once.
void JobSim::planExit(uint32_t id, Seconds startedAt) {
    SimPod& p = pods_[id];
    const TimelinePod& identity = tl_.pods[id];
    const auto failure = drawFailure(p, identity);
    auto exitAt = [&](Seconds runTime) {
        return std::max(now_, startedAt + runTime + T_.podEndToCount);
    };
    if (sc_.workQueue) {
        if (failure)
            push(exitAt(failure->second.value_or(sample(sc_.runTime, p.key))), Ev::Exit, id, p.gen,
                 failure->first);
        takeItem(id);
        return;
    }
    const Seconds runTime = sample(sc_.runTime, p.key);
    if (failure)
        push(exitAt(failure->second.value_or(runTime)), Ev::Exit, id, p.gen, failure->first);
    else
        push(exitAt(runTime), Ev::Exit, id, p.gen, 0);
}

// A work-queue worker takes the next item, or exits 0 when the queue is empty.
void JobSim::takeItem(uint32_t id) {
    SimPod& p = pods_[id];
    if (workItems_ > 0) {
        --workItems_;
        p.holdingItem = true;
        push(now_ + sample(sc_.workQueue->perItem, p.key), Ev::ItemDone, id, p.gen);
        return;
    }
    push(now_ + T_.podEndToCount, Ev::Exit, id, p.gen, 0);
}

void JobSim::returnItem(SimPod& p) {
    if (p.holdingItem) {
        p.holdingItem = false;
        ++workItems_;
    }
}

void JobSim::containerExited(uint32_t id, int32_t code, Seconds exitedAt) {
    SimPod& p = pods_[id];
    if (!p.exists || p.state.deletionTimestamp || isTerminalPhase(p.state.phase))
        return;
    if (code != 0 && restartOnFailure_) {
        // restartPolicy OnFailure: the kubelet restarts the container in the same Pod after
        // its crash-loop back-off; the controller sees the restart count grow.
        returnItem(p);
        ++p.gen;
        ++p.state.restartCount;
        p.state.exitCode = code;
        p.state.finishedAt = exitedAt;
        p.state.waitingReason = "CrashLoopBackOff";
        setReady(p, false);
        if (p.obj) {
            ContainerStatus& main = p.obj->containerStatuses.front();
            main.running = false;
            main.restartCount = p.state.restartCount;
            main.terminated.reset();
        }
        observe(id);
        notify(Note::PodUpdated, id);
        const Seconds backoff = std::min(
            kCrashLoopBackOffInitial * std::ldexp(1.0, std::min(p.state.restartCount - 1, 30)),
            kCrashLoopBackOffMax);
        push(now_ + backoff, Ev::ContainerStart, id, p.gen);
        return;
    }
    terminate(id, code == 0 ? pod_phase::Succeeded : pod_phase::Failed, code, exitedAt);
}

// The Pod reaches a terminal phase: its Node slot frees, and a deleted Pod without finalizer
// goes away.
void JobSim::terminate(uint32_t id, const InternedString& phase, std::optional<int32_t> exitCode,
                       Seconds finishedAt) {
    SimPod& p = pods_[id];
    returnItem(p);
    ++p.gen;
    p.state.phase = phase;
    p.state.exitCode = exitCode;
    p.state.finishedAt = apiTime(finishedAt);
    p.state.waitingReason.clear();
    setReady(p, false);
    if (p.obj) {
        p.obj->phase = phase;
        ContainerStatus& main = p.obj->containerStatuses.front();
        main.running = false;
        if (exitCode) {
            ContainerStateTerminated terminated;
            terminated.exitCode = *exitCode;
            terminated.startedAt = main.runningStartedAt;
            terminated.finishedAt = apiTime(finishedAt);
            terminated.reason = *exitCode == 0 ? "Completed" : "Error";
            main.terminated = terminated;
        }
    }
    --nonTerminal_;
    --quotaUsed_;
    releaseNode(p);
    observe(id);
    if (p.state.deletionTimestamp && !p.state.tracked) {
        removePodNow(id);
        return;
    }
    notify(Note::PodUpdated, id);
}

void Simulator::failNode(int node) {
    SimNode& n = nodes_[static_cast<std::size_t>(node)];
    if (n.lost)
        return;
    n.lost = true;
    for (auto& j : jobs_)
        j->failPodsOnNode(node);
    // Each Job's story tells of it.
    for (auto& j : jobs_)
        if (j->created_)
            j->recordEvent("Node", n.name, "Normal", "NodeNotReady",
                           "Node " + n.name.str() + " status is now: NodeNotReady");
}

void JobSim::failPodsOnNode(int node) {
    // Every Pod not yet finished is in the controller list; copy it, terminate() may shrink
    // nothing but can trigger rescheduling.
    const std::vector<uint32_t> candidates = controllerList_;
    for (uint32_t id : candidates) {
        SimPod& p = pods_[id];
        if (!p.exists || !p.holdsNode || p.node != node || isTerminalPhase(p.state.phase))
            continue;
        if (p.state.nodeName.empty()) {
            // Reserved but not yet bound: back to the scheduler.
            releaseNode(p);
            p.node = -1;
            ++p.gen;
            push(now_, Ev::Schedule, id, p.gen);
            continue;
        }
        // The Node is gone: the Pod is failed with a DisruptionTarget condition.
        p.state.disruptionTarget = true;
        if (p.obj)
            p.obj->conditions.push_back(
                {pod_condition::DisruptionTarget, condition_status::True, now_});
        terminate(id, pod_phase::Failed, std::nullopt, now_);
    }
}

// --- a what-if ------------------------------------------------------------------------------

// The simulation starts where the recording was cut: its observations are the timeline's
// beginning, its Pods are the API server's, each planned on from the stage it is in (bound,
// started, being deleted) as the scenario's timings and run times say, counted from when the
// recording saw that stage begin. The controller's work queue holds the Job key as it would
// after the last change the recording saw (the batch period after it).
void JobSim::adoptFork() {
    const ForkState& fork = *sc_.fork;
    const Timeline& seen = fork.observed;
    now_ = fork.at;
    tl_.pods = seen.pods;
    tl_.podChanges = seen.podChanges;
    tl_.jobChanges = seen.jobChanges;
    tl_.events = seen.events;
    tl_.unobserved = seen.unobserved;

    // When each Pod entered the stage it is in.
    struct Stages {
        std::optional<Seconds> bound, started, deleting, crashed;
    };
    std::vector<Stages> stages(seen.pods.size());
    std::vector<const PodObservation*> latest(seen.pods.size(), nullptr);
    Seconds lastChange = 0;
    RecordedActivity activity;
    static const InternedString crashLoop{"CrashLoopBackOff"};
    for (const PodObservation& o : seen.podChanges) {
        Stages& s = stages[o.pod];
        const PodObservation* before = latest[o.pod];
        if (!o.state.nodeName.empty() && !s.bound)
            s.bound = o.time;
        if (o.state.containersStarted && o.state.waitingReason.empty() &&
            (!before || !before->state.containersStarted || !before->state.waitingReason.empty()))
            s.started = o.time;
        if (o.state.waitingReason == crashLoop &&
            (!before || before->state.waitingReason != crashLoop))
            s.crashed = o.time;
        if (o.state.deletionTimestamp && !s.deleting)
            s.deleting = o.time;
        // The controller's own writes: a create, a deletion, a finalizer removal.
        if (!before || (before->state.tracked && !o.state.tracked) ||
            (!before->state.deletionTimestamp && o.state.deletionTimestamp))
            activity.controllerWrites.push_back(o.time);
        else
            activity.lastOtherChange = std::max(activity.lastOtherChange, o.time);
        latest[o.pod] = &o;
        lastChange = std::max(lastChange, o.time);
    }

    for (uint32_t id = 0; id < seen.pods.size(); ++id) {
        const TimelinePod& identity = tl_.pods[id];
        byName_.insert(identity.name, id);
        SimPod p;
        p.key = identity.index >= 0 ? identity.index : identity.attempt;
        if (identity.index >= 0 &&
            static_cast<std::size_t>(identity.index) < attemptsByIndex_.size()) {
            int& attempts = attemptsByIndex_[static_cast<std::size_t>(identity.index)];
            attempts = std::max(attempts, identity.attempt + 1);
        }
        if (latest[id]) {
            p.state = latest[id]->state;
            p.exists = !latest[id]->deleted;
        }
        pushBulk(pods_, std::move(p));
        ++world_.podRecords_;
    }

    for (uint32_t id = 0; id < pods_.size(); ++id) {
        SimPod& p = pods_[id];
        if (!p.exists)
            continue;
        ++existing_;
        p.obj = std::make_unique<ServedPod>();
        p.obj->id = id;
        seen.fillPod(id, p.state, *p.obj);
        const std::string& name = tl_.pods[id].name;
        p.obj->metadata.generateName = name.size() > static_cast<std::size_t>(kNameSuffixLength)
                                           ? name.substr(0, name.size() - kNameSuffixLength)
                                           : std::string();
        p.obj->metadata.namespace_ = job_.metadata.namespace_;
        p.obj->containerStatuses.front().name = containerName_;
        controllerList_.push_back(id);
        if (isTerminalPhase(p.state.phase))
            continue;
        ++nonTerminal_;
        ++quotaUsed_;
        const Stages& s = stages[id];
        if (!p.state.nodeName.empty()) {
            const int node = nodeNamed(p.state.nodeName);
            reserve(id, node);
        }
        if (p.state.deletionTimestamp) {
            if (p.state.nodeName.empty()) {
                terminate(id, pod_phase::Failed, std::nullopt, now_);
                continue;
            }
            const Seconds stopAfter = std::min(T_.gracefulTermination, gracePeriod_);
            push(std::max(now_, s.deleting.value_or(now_) + stopAfter + T_.podEndToCount),
                 Ev::Killed, id, p.gen);
            continue;
        }
        if (p.state.nodeName.empty()) {
            if (p.state.waitingReason == "Unschedulable") {
                p.unschedulableQueued = true;
                unschedulable_.push_back({index_, id});
            } else {
                push(std::max(now_, tl_.pods[id].createdAt + T_.schedulerDelay), Ev::Schedule, id,
                     p.gen);
            }
            continue;
        }
        if (p.state.waitingReason == crashLoop) {
            const Seconds backoff = std::min(
                kCrashLoopBackOffInitial * std::ldexp(1.0, std::min(p.state.restartCount - 1, 30)),
                kCrashLoopBackOffMax);
            push(std::max(now_, s.crashed.value_or(now_) + backoff), Ev::ContainerStart, id, p.gen);
            continue;
        }
        if (!p.state.containersStarted || p.state.phase != pod_phase::Running) {
            push(std::max(now_, s.bound.value_or(now_) + T_.containerStart), Ev::ContainerStart, id,
                 p.gen);
            continue;
        }
        const Seconds startedAt = s.started.value_or(now_);
        p.obj->startTime = startedAt;
        p.obj->containerStatuses.front().runningStartedAt = apiTime(startedAt);
        if (!p.state.ready && T_.readinessDelay > 0)
            push(std::max(now_, startedAt + T_.readinessDelay), Ev::Ready, id, p.gen);
        planExit(id, startedAt);
    }
    if (!unschedulable_.empty())
        world_.retryUnschedulable();

    adoptBackoffRecord(seen);
    adoptJob(fork, lastChange, std::move(activity));
}

// The Job as the recording last saw it, with the scenario's spec: a spec that differs is a
// change made at the fork (a new generation, synced at once). `lastChange`: the recording's
// last Pod change.
void JobSim::adoptJob(const ForkState& fork, Seconds lastChange, RecordedActivity activity) {
    const Timeline& seen = fork.observed;
    auto specText = [](const JobSpec& spec) { return jobManifestYaml(Job{{}, spec, {}}); };
    std::optional<Seconds> finishedAt;
    std::optional<Seconds> newGeneration; // the Job's creation or its latest spec change
    std::string previousSpec;
    for (const JobObservation& o : seen.jobChanges) {
        std::string spec = specText(o.spec);
        if (!newGeneration || spec != previousSpec) {
            newGeneration = o.time;
            previousSpec = std::move(spec);
        } else {
            // A status write.
            lastChange = std::max(lastChange, o.time);
            activity.controllerWrites.push_back(o.time);
        }
        if (!finishedAt && hasFinishedCondition(o.status))
            finishedAt = o.time;
    }
    if (seen.jobChanges.empty()) {
        // Not seen yet: created at the fork.
        observeJob();
        enqueueNow();
        return;
    }
    const JobObservation& last = seen.jobChanges.back();
    job_.status = last.status;
    jobExists_ = !last.deleted;
    jobFinished_ = hasFinishedCondition(job_.status);
    if (!jobExists_)
        return;
    if (jobFinished_ && job_.spec.ttlSecondsAfterFinished && finishedAt) {
        ttlPending_ = true;
        push(std::max(now_, *finishedAt + std::max(0, *job_.spec.ttlSecondsAfterFinished)),
             Ev::TtlExpired);
    }
    if (specText(job_.spec) != previousSpec) {
        ++job_.metadata.generation;
        observeJob();
        notify(Note::JobSpecChanged);
        return;
    }
    // A new generation is synced at once, Pod events and status writes a batch period later.
    const Seconds due = *newGeneration >= lastChange ? *newGeneration : lastChange + T_.syncBatch;
    adoptWorkQueue(seen, due, std::move(activity));
}

// When the controller syncs next, from what the recording shows of its work queue: the sync
// `due` after the last change, the sync that was writing as the recording was cut, the requeue
// of a sync that ran before the fork, and the rate limiter of syncs that failed.
void JobSim::adoptWorkQueue(const Timeline& seen, Seconds due, RecordedActivity activity) {
    // Writes of one sync land an API round trip apart; a gap of this much ends a sync.
    const Seconds syncWriting = 10 * T_.apiLatency + 0.05;
    // The syncs that failed in a row at the end of the recording (creates refused): each left
    // its FailedCreate events, one burst per sync.
    struct Burst {
        Seconds start = 0, end = 0;
        bool failed = false;
    };
    std::vector<Burst> bursts; // newest first
    for (auto it = seen.events.rbegin(); it != seen.events.rend(); ++it) {
        if (it->objectKind != "Job")
            continue;
        if (bursts.empty() || bursts.back().start - it->time > syncWriting)
            bursts.push_back({it->time, it->time, false});
        bursts.back().start = it->time;
        bursts.back().failed = bursts.back().failed || it->reason == "FailedCreate";
    }
    int failedSyncs = 0;
    while (failedSyncs < static_cast<int>(bursts.size()) && bursts[failedSyncs].failed)
        ++failedSyncs;
    rateLimiterFailures_ = failedSyncs;

    const SyncResult probe =
        syncJob(SyncRequest{job_, podsForSync(), expectations_, backoff_, apiErrors(),
                            std::min(due, now_), sc_.featureGates, sc_.kubernetesMinor});
    const bool writes = !probe.creations.empty() || !probe.deletedPods.empty() ||
                        !probe.finalizerRemovals.empty() || probe.statusUpdated;
    // Cut while a sync was writing, and nothing but its own writes changed since it read the
    // objects: it goes on with what is left.
    auto& written = activity.controllerWrites;
    std::sort(written.begin(), written.end());
    if (writes && !written.empty() && now_ - written.back() <= syncWriting) {
        std::size_t first = written.size() - 1;
        while (first > 0 && written[first] - written[first - 1] <= syncWriting)
            --first;
        const Seconds syncStarted = written[first] - T_.apiLatency;
        if (activity.lastOtherChange < syncStarted) {
            enqueueNow();
            return;
        }
    }
    if (due >= now_) {
        enqueueAt(due);
        return;
    }
    // The sync due before the fork ran on the objects as they are at the fork (nothing changed
    // since), and the recording is its outcome: only its requeue (a backoff or a deadline
    // running out) or the rate limiter after a failure brings the next sync.
    if (!writes && !probe.error) {
        if (probe.requeueAfter)
            enqueueAt(std::max(now_, due + std::max(0.0, *probe.requeueAfter)));
        return;
    }
    if (probe.error) {
        // That sync failed, and so did each retry the rate limiter brought before the fork: a
        // failed create leaves its FailedCreate burst, a refused status write nothing.
        auto delay = [](int failures) {
            return std::min(kDefaultJobApiBackOff * std::ldexp(1.0, std::min(failures - 1, 30)),
                            kMaxJobApiBackOff);
        };
        const bool seen = failedSyncs > 0 && bursts.front().end >= due - syncWriting;
        int failures = seen ? failedSyncs : 1;
        Seconds failedAt = seen ? bursts.front().end : due;
        while (failedAt + delay(failures) < now_) {
            failedAt += delay(failures);
            ++failures;
        }
        rateLimiterFailures_ = failures;
        enqueueAt(failedAt + delay(failures));
        return;
    }
    enqueueNow();
}

// The controller's memory of failures (its backoff store): the Pods it counted, a success
// resetting the count, as newBackoffRecord keeps it sync after sync. A Pod counts when it
// finished while still carrying the tracking finalizer (one deleted as active lost it first)
// and a sync has taken it in since: its finalizer is gone or the status lists it as uncounted.
// A finished Pod no sync has seen yet is the next sync's to count.
void JobSim::adoptBackoffRecord(const Timeline& seen) {
    std::unordered_set<std::string_view> uncounted;
    if (!seen.jobChanges.empty())
        if (const auto& lists = seen.jobChanges.back().status.uncountedTerminatedPods) {
            uncounted.insert(lists->succeeded.begin(), lists->succeeded.end());
            uncounted.insert(lists->failed.begin(), lists->failed.end());
        }
    std::vector<bool> counted(seen.pods.size(), false);
    std::vector<std::unique_ptr<Pod>> finished;
    std::vector<const Pod*> succeeded, failed;
    for (const PodObservation& o : seen.podChanges) {
        if (counted[o.pod] || !isTerminalPhase(o.state.phase))
            continue;
        counted[o.pod] = true;
        const SimPod& now = pods_[o.pod];
        const bool takenIn =
            !now.exists || !now.state.tracked || uncounted.count(seen.pods[o.pod].uid);
        if (!o.state.tracked || !takenIn)
            continue;
        finished.push_back(std::make_unique<Pod>(seen.podAt(o.pod, o.state)));
        (o.state.phase == pod_phase::Succeeded ? succeeded : failed)
            .push_back(finished.back().get());
    }
    backoff_ = newBackoffRecord({}, succeeded, failed);
}

// The Node a recorded Pod is on: the scenario's of that name, or one added for it with the
// default room.
int JobSim::nodeNamed(const InternedString& name) {
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        if (name == nodes_[i].name)
            return static_cast<int>(i);
    nodes_.push_back({name.str(), 1000, 0, std::nullopt, std::nullopt, 0, 0, false});
    return static_cast<int>(nodes_.size() - 1);
}

std::optional<uint32_t> JobSim::findPod(const std::string& target) const {
    auto active = [&](uint32_t id) {
        const SimPod& p = pods_[id];
        return p.exists && !p.state.deletionTimestamp && !isTerminalPhase(p.state.phase);
    };
    if (target == "oldest" || target == "newest") {
        std::optional<uint32_t> found;
        for (uint32_t id = 0; id < pods_.size(); ++id)
            if (active(id)) {
                found = id;
                if (target == "oldest")
                    break;
            }
        return found;
    }
    if (target.rfind("index:", 0) == 0) {
        int index = -1;
        try {
            index = std::stoi(target.substr(6));
        } catch (...) {
            return std::nullopt;
        }
        for (uint32_t id = 0; id < pods_.size(); ++id)
            if (active(id) && tl_.pods[id].index == index)
                return id;
        return std::nullopt;
    }
    const uint32_t id = byName_.find(target, nameOf());
    if (id == IdIndex::kNone || !pods_[id].exists)
        return std::nullopt;
    return id;
}

JobSim* Simulator::actionTarget(const ScenarioAction& a) const {
    if (a.job.empty())
        return jobs_.front().get();
    // By the scenario's list first: jobs_[i] runs sc_.jobs[i], and the first runs sc_.job,
    // which a caller may have edited (renamed included).
    for (std::size_t i = 0; i < sc_.jobs.size(); ++i)
        if (sc_.jobs[i].job.metadata.name == a.job)
            return i < jobs_.size() ? jobs_[i].get() : nullptr;
    for (const auto& j : jobs_)
        if (j->job_.metadata.name == a.job)
            return j.get();
    return nullptr;
}

// The actions about a Job (suspend, resume, setParallelism, deletePod, deleteJob) act on the
// Job they name, the first by default; the others on the cluster every Job shares. One about a
// Job not created yet finds no Job and changes nothing.
void Simulator::runAction(const ScenarioAction& a) {
    using Kind = ScenarioAction::Kind;
    switch (a.kind) {
    case Kind::Suspend:
    case Kind::Resume: {
        JobSim* target = actionTarget(a);
        if (!target)
            break;
        JobSpec spec = target->job_.spec;
        spec.suspend = a.kind == Kind::Suspend;
        target->changeSpec(spec);
        break;
    }
    case Kind::SetParallelism: {
        JobSim* target = actionTarget(a);
        if (!target)
            break;
        JobSpec spec = target->job_.spec;
        spec.parallelism = static_cast<int32_t>(
            std::clamp<int64_t>(a.value, 0, std::numeric_limits<int32_t>::max()));
        target->changeSpec(spec);
        break;
    }
    case Kind::SetQuota:
        if (a.value < 0)
            quota_.reset();
        else
            quota_ =
                static_cast<int>(std::min<int64_t>(a.value, std::numeric_limits<int32_t>::max()));
        break;
    case Kind::DeletePod:
        if (JobSim* target = actionTarget(a))
            if (auto id = target->findPod(a.target))
                target->deletePodNow(*id);
        break;
    case Kind::FailNode:
        for (std::size_t i = 0; i < nodes_.size(); ++i)
            if (nodes_[i].name == a.target)
                failNode(static_cast<int>(i));
        break;
    case Kind::DeleteJob:
        if (JobSim* target = actionTarget(a)) {
            --target->pendingJobDeletions_;
            target->deleteJob(false);
        }
        break;
    case Kind::AllowCreate:
        createAllowed_ = a.value != 0;
        break;
    }
}

} // namespace

std::int64_t minimumPods(const Job& job) {
    if (job.spec.completions)
        return std::max<std::int64_t>(0, *job.spec.completions);
    return std::max<std::int64_t>(0, job.spec.parallelism.value_or(1));
}

std::optional<Message> checkSimulationSize(const Scenario& scenario) {
    std::int64_t needed = minimumPods(scenario.job);
    if (!scenario.fork)
        for (std::size_t i = 1; i < scenario.jobs.size(); ++i)
            needed += minimumPods(scenario.jobs[i].job);
    if (static_cast<std::uint64_t>(needed) <= scenario.maxPods)
        return std::nullopt;
    if (!scenario.fork && scenario.jobs.size() > 1)
        return Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                        "the %1 Jobs need at least %2 Pods together (their "
                                        "spec.completions, or spec.parallelism without), more "
                                        "than the simulation's limit of %3 Pods (simulate "
                                        "--max-pods)"),
                       {std::to_string(scenario.jobs.size()), std::to_string(needed),
                        std::to_string(scenario.maxPods)});
    return Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                    "the Job needs at least %1 Pods (%2), more than the "
                                    "simulation's limit of %3 Pods (simulate --max-pods)"),
                   {std::to_string(needed),
                    Message(std::string(scenario.job.spec.completions ? "spec.completions"
                                                                      : "spec.parallelism")),
                    std::to_string(scenario.maxPods)});
}

Message podLimitMessage(const Scenario& scenario, Seconds at) {
    char time[32];
    std::snprintf(time, sizeof time, "%.3f", at);
    return Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                    "the simulation created more than %1 Pods (the limit, "
                                    "simulate --max-pods) by %2 s and was stopped"),
                   {std::to_string(scenario.maxPods), std::string(time)});
}

std::vector<Timeline> simulateJobs(const Scenario& scenario, SimulationStats* stats,
                                   TimelineFeed* feed) {
    if (checkSimulationSize(scenario)) {
        if (stats) {
            *stats = SimulationStats{};
            stats->stopReason = "pod-limit";
        }
        std::vector<Timeline> empty(scenario.fork ? 1
                                                  : std::max<std::size_t>(1, scenario.jobs.size()));
        for (std::size_t i = 0; i < empty.size(); ++i) {
            empty[i].jobMetadata = i == 0 ? scenario.job.metadata : scenario.jobs[i].job.metadata;
            empty[i].gates = scenario.featureGates;
            empty[i].start = 0;
            empty[i].end = 0;
        }
        return empty;
    }
    Simulator simulator(scenario, feed);
    try {
        return simulator.run(stats);
    } catch (...) {
        // The reader may be reading this Simulator's Timeline: it stops before that goes.
        if (feed) {
            feed->abandon();
            feed->waitForReader();
        }
        throw;
    }
}

Timeline simulate(const Scenario& scenario, SimulationStats* stats, TimelineFeed* feed) {
    return std::move(simulateJobs(scenario, stats, feed).front());
}

} // namespace jobscope
