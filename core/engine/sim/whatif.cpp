// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/whatif.h"

#include "manifest/manifest_writer.h"
#include "number_text.h"
#include "sim/fork.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace jobscope {

namespace {

// The kubelet's default --max-pods: the recording does not say how many Pods a Node takes.
constexpr int kDefaultNodePods = 110;
// Run time of a Pod when the recording shows none that finished.
constexpr Seconds kUnknownRunTime = 10;

// Seconds as the text writes them: milliseconds, no trailing zeros ("5.083", "12").
std::string secondsText(Seconds value) {
    std::string text = formatFixed(value, 3);
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text == "-0" ? "0" : text;
}

std::optional<Seconds> median(std::vector<Seconds> values) {
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// One Pod's life as the recording saw it (times since the Job's creation).
struct PodLife {
    std::optional<Seconds> seen, bound, started, ended;
    std::optional<int32_t> exitCode;
    bool succeeded = false;
    bool stopped = false; // deleted, evicted or on a lost Node before it ended by itself
};

struct FailedRun {
    int index = -1;
    int attempt = 0;
    int32_t exitCode = 1;
    Seconds after = 0;
};

std::vector<PodLife> podLives(const Timeline& tl) {
    std::vector<PodLife> lives(tl.pods.size());
    for (const PodObservation& o : tl.podChanges) {
        PodLife& life = lives[o.pod];
        const Seconds t = o.time - tl.start;
        if (!life.seen)
            life.seen = t;
        if (!o.state.nodeName.empty() && !life.bound)
            life.bound = t;
        if (o.state.containersStarted && !life.started)
            life.started = t;
        if (o.state.deletionTimestamp || o.state.disruptionTarget)
            life.stopped = life.stopped || !life.ended;
        const bool terminal = isTerminalPhase(o.state.phase);
        if (terminal && !life.ended) {
            life.ended = t;
            life.exitCode = o.state.exitCode;
            life.succeeded = o.state.phase == pod_phase::Succeeded;
        }
    }
    return lives;
}

void emitTimings(YAML::Emitter& out, const Timeline& tl, const std::vector<PodLife>& lives) {
    std::vector<Seconds> scheduling, starting;
    for (const PodLife& life : lives) {
        if (life.seen && life.bound && *life.bound > *life.seen)
            scheduling.push_back(*life.bound - *life.seen);
        if (life.bound && life.started && *life.started > *life.bound)
            starting.push_back(*life.started - *life.bound);
    }
    const auto schedulerDelay = median(scheduling);
    const auto containerStart = median(starting);
    std::optional<Seconds> creationSecond;
    if (tl.jobMetadata.creationTimestamp) {
        const Seconds into = tl.start - *tl.jobMetadata.creationTimestamp;
        if (into >= 0 && into < 1)
            creationSecond = into;
    }
    if (!schedulerDelay && !containerStart && !creationSecond)
        return;
    out << YAML::Key << "timings" << YAML::Value << YAML::BeginMap;
    if (schedulerDelay)
        out << YAML::Key << "schedulerDelay" << YAML::Value << secondsText(*schedulerDelay);
    if (containerStart)
        out << YAML::Key << "containerStart" << YAML::Value << secondsText(*containerStart);
    if (creationSecond)
        out << YAML::Key << "creationSecond" << YAML::Value
            << secondsText(std::min(*creationSecond, 0.999));
    out << YAML::EndMap;
}

// runTime and failures: the work of each index (ordinal) as the recording shows it.
void emitWork(YAML::Emitter& out, const Timeline& tl, const std::vector<PodLife>& lives) {
    std::map<int, Seconds> successByKey;
    std::vector<FailedRun> failedRuns;
    std::vector<Seconds> successes;
    for (std::size_t i = 0; i < lives.size(); ++i) {
        const PodLife& life = lives[i];
        const TimelinePod& pod = tl.pods[i];
        if (!life.started || !life.ended || life.stopped || *life.ended < *life.started)
            continue;
        const Seconds ran = *life.ended - *life.started;
        const int key = pod.index >= 0 ? pod.index : pod.attempt;
        if (life.succeeded) {
            successByKey.try_emplace(key, ran);
            successes.push_back(ran);
        } else {
            failedRuns.push_back({pod.index, pod.attempt, life.exitCode.value_or(1), ran});
        }
    }
    std::vector<Seconds> failures;
    for (const FailedRun& run : failedRuns)
        failures.push_back(run.after);
    const Seconds typical = median(successes).value_or(median(failures).value_or(kUnknownRunTime));

    // A list by index (ordinal) up to the last one known; Pods past its end run as its last
    // entry, so the list ends with the typical run time when the last known one is not.
    const int lastKey = successByKey.empty() ? -1 : successByKey.rbegin()->first;
    std::vector<Seconds> byKey(static_cast<std::size_t>(lastKey + 1), typical);
    for (const auto& [key, ran] : successByKey)
        if (key >= 0)
            byKey[static_cast<std::size_t>(key)] = ran;
    if (!byKey.empty() && std::abs(byKey.back() - typical) > 1e-9)
        byKey.push_back(typical);
    const bool uniform = std::all_of(byKey.begin(), byKey.end(),
                                     [&](Seconds ran) { return std::abs(ran - typical) < 0.0005; });
    out << YAML::Key << "runTime" << YAML::Value;
    if (uniform) {
        out << secondsText(typical);
    } else {
        out << YAML::Flow << YAML::BeginSeq;
        for (Seconds ran : byKey)
            out << secondsText(ran);
        out << YAML::EndSeq;
    }
    if (failedRuns.empty())
        return;
    out << YAML::Key << "failures" << YAML::Value << YAML::BeginSeq;
    for (const FailedRun& run : failedRuns) {
        out << YAML::Flow << YAML::BeginMap;
        if (run.index >= 0)
            out << YAML::Key << "index" << YAML::Value << run.index;
        out << YAML::Key << "attempt" << YAML::Value << run.attempt;
        out << YAML::Key << "exitCode" << YAML::Value << run.exitCode;
        out << YAML::Key << "after" << YAML::Value << secondsText(run.after);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

// The Pod quota the API server refused creates with, as its FailedCreate events name it
// ("exceeded quota: NAME, requested: pods=1, used: pods=2, limited: pods=2"): the newest.
std::optional<int> recordedPodQuota(const Timeline& tl) {
    static constexpr std::string_view kLimited = "limited: pods=";
    std::optional<int> quota;
    for (const TimelineEvent& e : tl.events) {
        if (e.reason != "FailedCreate")
            continue;
        const std::size_t at = e.message.find(kLimited);
        if (at == std::string::npos)
            continue;
        int value = 0;
        std::size_t digits = 0;
        for (std::size_t i = at + kLimited.size();
             i < e.message.size() && std::isdigit(static_cast<unsigned char>(e.message[i])) &&
             digits < 9;
             ++i, ++digits)
            value = value * 10 + (e.message[i] - '0');
        if (digits > 0)
            quota = value;
    }
    return quota;
}

void emitCluster(YAML::Emitter& out, const Timeline& tl) {
    std::set<std::string> names;
    for (const PodObservation& o : tl.podChanges)
        if (!o.state.nodeName.empty())
            names.insert(o.state.nodeName.str());
    const std::optional<int> quota = recordedPodQuota(tl);
    if (names.empty() && !quota)
        return;
    out << YAML::Key << "cluster" << YAML::Value << YAML::BeginMap;
    if (!names.empty()) {
        out << YAML::Key << "nodes" << YAML::Value << YAML::BeginSeq;
        for (const std::string& name : names)
            out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name
                << YAML::Key << "pods" << YAML::Value << kDefaultNodePods << YAML::EndMap;
        out << YAML::EndSeq;
    }
    if (quota)
        out << YAML::Key << "quota" << YAML::Value << YAML::BeginMap << YAML::Key << "pods"
            << YAML::Value << *quota << YAML::EndMap;
    out << YAML::EndMap;
}

// The spec changes and the deletion the recording shows after `at`, as actions.
void emitActions(YAML::Emitter& out, const Timeline& tl, const JobSpec& atFork, Seconds at) {
    std::vector<std::pair<Seconds, std::string>> actions; // time, "do" (+ parallelism)
    std::vector<int32_t> parallelisms;
    JobSpec spec = atFork;
    for (const JobObservation& o : tl.jobChanges) {
        const Seconds t = o.time - tl.start;
        if (t <= at)
            continue;
        if (o.deleted) {
            actions.emplace_back(t, "deleteJob");
            parallelisms.push_back(0);
            break;
        }
        if (o.spec.isSuspended() != spec.isSuspended()) {
            actions.emplace_back(t, o.spec.isSuspended() ? "suspend" : "resume");
            parallelisms.push_back(0);
        }
        if (o.spec.parallelism != spec.parallelism && o.spec.parallelism) {
            actions.emplace_back(t, "setParallelism");
            parallelisms.push_back(*o.spec.parallelism);
        }
        spec = o.spec;
    }
    if (actions.empty())
        return;
    out << YAML::Key << "actions" << YAML::Value << YAML::BeginSeq;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "at" << YAML::Value
            << secondsText(actions[i].first) << YAML::Key << "do" << YAML::Value
            << actions[i].second;
        if (actions[i].second == "setParallelism")
            out << YAML::Key << "parallelism" << YAML::Value << parallelisms[i];
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

} // namespace

std::optional<std::string> whatifScenarioText(const Timeline& observed, Seconds at) {
    const Seconds until = observed.start + at;
    const JobObservation* atFork = nullptr;
    for (const JobObservation& o : observed.jobChanges)
        if (o.time <= until || !atFork)
            atFork = &o;
    if (!atFork)
        return std::nullopt;
    Job job;
    job.metadata.name = observed.jobMetadata.name;
    job.metadata.generateName = observed.jobMetadata.generateName;
    job.metadata.namespace_ = observed.jobMetadata.namespace_;
    job.metadata.labels = observed.jobMetadata.labels;
    job.spec = atFork->spec;
    const std::vector<PodLife> lives = podLives(observed);
    const std::string name =
        job.metadata.name.empty() ? job.metadata.generateName : job.metadata.name;

    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "title" << YAML::Value
        << "What if: Job " + name + " from " + secondsText(at) + " s";
    out << YAML::Key << "titleZh" << YAML::Value
        << "假如：Job " + name + " 从 " + secondsText(at) + " 秒起";
    out << YAML::Key << "description" << YAML::Value
        << "Up to " + secondsText(at) +
               " s this is the recording; then the Job goes on as this scenario says. The "
               "Pods' run times and exit codes are the recording's, by index (NonIndexed: in "
               "creation order).";
    out << YAML::Key << "descriptionZh" << YAML::Value
        << secondsText(at) +
               " 秒之前就是录制的内容；之后 Job 按本场景继续运行。Pod 的运行时长和退出码取自录制，"
               "按索引（NonIndexed：按创建顺序）。";
    out << YAML::Key << "seed" << YAML::Value << 1;
    if (observed.kubernetesMinor)
        out << YAML::Key << "kubernetesVersion" << YAML::Value << YAML::DoubleQuoted
            << "1." + std::to_string(*observed.kubernetesMinor);
    emitCluster(out, observed);
    emitTimings(out, observed, lives);
    emitWork(out, observed, lives);
    emitActions(out, observed, atFork->spec, at);
    out << YAML::Key << "job" << YAML::Value;
    emitJobManifest(out, job);
    out << YAML::EndMap;
    return "# What if: recorded Job " + name + ", simulated from " + secondsText(at) +
           " s (jobscope whatif).\n" + out.c_str() + "\n";
}

void forkScenario(Scenario& scenario, const Timeline& observed, Seconds at) {
    scenario.fork = forkState(observed, at);
}

} // namespace jobscope
