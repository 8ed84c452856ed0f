// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario/scenario_reader.h"

#include "feature_gate_reader.h"
#include "manifest/defaults.h"
#include "manifest/manifest.h"
#include "manifest/validation.h"
#include "reconcile/job_pods.h"
#include "yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

namespace jobscope {

namespace {

bool hasKey(const YAML::Node& map, const char* key) {
    return yamlField(map, key).IsDefined();
}

std::string describe(const YAML::Node& node) {
    if (node.IsMap())
        return "a mapping";
    if (node.IsSequence())
        return "a list";
    if (node.IsScalar())
        return validation::quote(node.Scalar());
    return "nothing";
}

std::string directoryOf(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// Characters of the API server's random name suffix (apimachinery utilrand), used to give a
// generateName-only Job a name that repeats from run to run.
constexpr const char* kNameSuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

// What `kubectl create` and the API server add before the Job exists: the default namespace
// and a name from generateName.
void completeMetadata(ObjectMeta& meta) {
    if (meta.namespace_.empty())
        meta.namespace_ = "default";
    if (meta.name.empty() && !meta.generateName.empty()) {
        std::string name = meta.generateName.substr(0, 58);
        uint64_t hash = 14695981039346656037ULL;
        for (unsigned char c : meta.generateName) {
            hash ^= c;
            hash *= 1099511628211ULL;
        }
        for (int i = 0; i < 5; ++i) {
            name += kNameSuffixAlphabet[hash % 27];
            hash /= 27;
        }
        meta.name = name;
    }
}

// The scenario keys at the top of a file; a mapping without `kind`/`apiVersion` is a scenario.
bool isKubernetesObject(const YAML::Node& node) {
    return node.IsMap() && (hasKey(node, "kind") || hasKey(node, "apiVersion"));
}

const char* const kActionNames[] = {"suspend",      "resume",     "setParallelism", "setQuota",
                                    "removeQuota",  "deletePod",  "failNode",       "deleteJob",
                                    "forbidCreate", "allowCreate"};

class ScenarioReader {
public:
    ScenarioReader(YamlReader& reader, Scenario& scenario) : reader_(reader), scenario_(scenario) {}

    // `objects` are the other documents of the file (Kubernetes objects: a Job when the
    // scenario has no `job:`, a ResourceQuota).
    void read(const YAML::Node& root, const std::vector<YAML::Node>& objects) {
        if (!map(root, ""))
            return;
        reader_.rejectUnknownKeys(root, "",
                                  {"title", "titleZh", "description", "descriptionZh", "job",
                                   "jobs", "replicas", "seed", "stopAt", "kubernetesVersion",
                                   "featureGates", "cluster", "timings", "runTime", "failures",
                                   "workQueue", "actions"});
        readText(yamlField(root, "title"), "title", scenario_.title);
        readText(yamlField(root, "titleZh"), "titleZh", scenario_.titleZh);
        readText(yamlField(root, "description"), "description", scenario_.description);
        readText(yamlField(root, "descriptionZh"), "descriptionZh", scenario_.descriptionZh);

        const YAML::Node seed = yamlField(root, "seed");
        if (auto value = reader_.int64(seed, "seed")) {
            if (*value < 0)
                reader_.error(seed,
                              invalidValue("seed", std::to_string(*value),
                                           JOBSCOPE_TR_NOOP("jobscope::engine",
                                                            "must be greater than or equal to 0")));
            else
                scenario_.seed = static_cast<uint64_t>(*value);
        }
        const YAML::Node stopAt = yamlField(root, "stopAt");
        if (auto value = seconds(stopAt, "stopAt")) {
            if (*value <= 0)
                reader_.error(stopAt, invalidValue("stopAt", describe(stopAt),
                                                   JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                    "must be greater than 0")));
            else
                scenario_.stopAt = *value;
        }

        // Before the Job: the API server's defaults and dropped fields depend on the gates.
        const GateSettings gates = readGateSettings(root, reader_);
        scenario_.featureGates = gates.gates;
        scenario_.kubernetesMinor = gates.kubernetesMinor;

        const YAML::Node cluster = yamlField(root, "cluster");
        readCluster(cluster);
        readTimings(yamlField(root, "timings"));
        if (auto d = duration(yamlField(root, "runTime"), "runTime"))
            scenario_.runTime = *d;
        readFailures(yamlField(root, "failures"));
        readWorkQueue(yamlField(root, "workQueue"));
        readActions(yamlField(root, "actions"));

        const YAML::Node job = yamlField(root, "job");
        const YAML::Node jobs = yamlField(root, "jobs");
        const YAML::Node replicas = yamlField(root, "replicas");
        if (jobs.IsDefined()) {
            if (job.IsDefined())
                reader_.error(keyOf(root, jobs),
                              Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                       "jobs: the scenario has its Job under job: "
                                                       "(line %1); write every Job under jobs:"),
                                      {std::to_string(positionOf(keyOf(root, job)).line)}));
            else
                readJobList(root, jobs);
            for (const auto& object : objects)
                if (kindOf(object) == "Job")
                    reader_.error(object,
                                  Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                           "a Job outside jobs: (line %1): write "
                                                           "it as an item of jobs:"),
                                          {std::to_string(positionOf(jobs).line)}));
        } else if (yamlPresent(job)) {
            readJob(job, "job");
            for (const auto& object : objects)
                if (kindOf(object) == "Job")
                    reader_.error(object,
                                  Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                           "a second Job: this scenario already "
                                                           "has its Job under job: (line %1)"),
                                          {std::to_string(positionOf(job).line)}));
        } else if (job.IsDefined()) {
            reader_.error(
                keyOf(root, job),
                requiredValue(
                    "job",
                    JOBSCOPE_TR_NOOP(
                        "jobscope::engine",
                        "the Job inline (a manifest) or {path: FILE} naming a manifest file")));
        }
        readObjects(objects, !job.IsDefined() && !jobs.IsDefined(),
                    hasKey(cluster, "quota") || scenario_.quotaPods.has_value());
        if (scenario_.jobs.empty() && jobRead_)
            scenario_.jobs.push_back({scenario_.job, scenario_.jobFile, 0, jobAt_});
        if (replicas.IsDefined())
            readReplicas(root, replicas, jobs.IsDefined());
        checkJobNames();
        if (!scenario_.jobs.empty()) {
            scenario_.job = scenario_.jobs.front().job;
            scenario_.jobFile = scenario_.jobs.front().jobFile;
        }
        if (!job.IsDefined() && !jobs.IsDefined() && !jobRead_)
            reader_.error(
                root,
                requiredValue(
                    "job",
                    JOBSCOPE_TR_NOOP(
                        "jobscope::engine",
                        "the Job inline (a manifest) or {path: FILE} naming a manifest file")));
        if (scenario_.nodes.empty())
            scenario_.nodes.push_back(defaultNode());
        checkActionNodes();
        checkActionJobs();
    }

    // A file of Kubernetes objects only: a bare manifest, the default scenario. The manifest
    // importer reads it (Lists, kubectl output and all); a ResourceQuota sets the Pod quota.
    // `junk` holds the positions of documents already reported as not being objects.
    void readObjectsOnly(const std::vector<YAML::Node>& documents,
                         const std::vector<YAML::Node>& objects,
                         const std::set<std::pair<int, int>>& junk) {
        std::set<std::pair<int, int>> quotaKinds;
        for (const auto& object : objects)
            if (object.IsMap() && kindOf(object) == "ResourceQuota") {
                readQuotaObject(object, false);
                const SourcePosition at = positionOf(yamlField(object, "kind"));
                quotaKinds.emplace(at.line, at.column);
            }
        ManifestImport imported = importManifestDocuments(documents, reader_.fileName());
        for (const Diagnostic& d : imported.diagnostics.items()) {
            // The importer skips the quota as "not a Job"; here it is used.
            if (d.severity == Severity::Note &&
                quotaKinds.count({d.position.line, d.position.column}))
                continue;
            if (junk.count({d.position.line, d.position.column}))
                continue;
            reader_.diagnostics().add(d.severity, d.file, d.position, d.source);
        }
        if (imported.jobs.size() > 1)
            reader_.error(SourcePosition{},
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                   "this file holds %1 Jobs; a scenario runs one "
                                                   "(write one scenario per Job)"),
                                  {std::to_string(imported.jobs.size())}));
        if (!imported.jobs.empty()) {
            scenario_.job = std::move(imported.jobs.front().job);
            warnAboutRecordedStatus(reader_.fileName(),
                                    imported.jobs.front().sources.find("status"));
        }
        scenario_.jobFile = reader_.fileName();
        scenario_.jobs.push_back({scenario_.job, scenario_.jobFile, 0, SourcePosition{}});
        scenario_.nodes.push_back(defaultNode());
    }

private:
    YamlReader& reader_;
    Scenario& scenario_;
    bool jobRead_ = false;
    SourcePosition jobAt_;
    std::vector<std::pair<std::string, YAML::Node>> failNodeTargets_;
    // The `job:` of actions about a Job (the name, its node, the action's path).
    struct JobTarget {
        std::string name;
        YAML::Node node;
        std::string path;
    };
    std::vector<JobTarget> jobTargets_;

    // The default cluster: one node as roomy as the one of the recorded Jobs
    // (tests/data/recordings/fake-node.json, 1000 Pods).
    static NodeSpec defaultNode() {
        NodeSpec node;
        node.name = "node-1";
        node.pods = 1000;
        return node;
    }

    static std::string kindOf(const YAML::Node& object) {
        const YAML::Node kind = yamlField(object, "kind");
        return kind.IsScalar() ? kind.Scalar() : std::string();
    }

    // Checks a mapping and refuses a key written twice (yaml-cpp would keep both).
    bool map(const YAML::Node& node, const std::string& path) {
        if (!reader_.isMap(node, path))
            return false;
        std::map<std::string, int> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar()) {
                reader_.error(
                    it->first,
                    path.empty()
                        ? Message("%1: %2", {JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"),
                                             JOBSCOPE_TR_NOOP("jobscope::engine",
                                                              "a mapping key must be a string")})
                        : fieldError(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"),
                                     std::nullopt,
                                     JOBSCOPE_TR_NOOP("jobscope::engine",
                                                      "a mapping key must be a string")));
                continue;
            }
            const std::string& key = it->first.Scalar();
            auto [first, inserted] = seen.emplace(key, positionOf(it->first).line);
            if (!inserted)
                reader_.error(
                    it->first,
                    Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                             "%1: duplicate key %2 (first written at line %3)"),
                            {childPath(path, key), validation::quote(key),
                             std::to_string(first->second)}));
        }
        return true;
    }

    void readText(const YAML::Node& node, const std::string& path, std::string& out) {
        if (auto value = reader_.string(node, path))
            out = *value;
    }

    // A number of seconds, or a duration with a unit ("500ms", "2m"); never negative.
    std::optional<double> seconds(const YAML::Node& node, const std::string& path) {
        if (!node.IsDefined() || isYamlNull(node))
            return std::nullopt;
        if (node.IsScalar()) {
            if (node.Tag() != "!") {
                const std::string& s = node.Scalar();
                double value = 0;
                auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
                if (ec == std::errc() && ptr == s.data() + s.size() && !s.empty() &&
                    std::isfinite(value)) {
                    if (value < 0) {
                        reader_.error(
                            node,
                            invalidValue(path, describe(node),
                                         JOBSCOPE_TR_NOOP("jobscope::engine",
                                                          "must be greater than or equal to 0")));
                        return std::nullopt;
                    }
                    return value;
                }
            }
            if (auto value = parseDurationSeconds(node.Scalar()))
                return value;
        }
        reader_.error(
            node,
            invalidValue(path, describe(node),
                         JOBSCOPE_TR_NOOP(
                             "jobscope::engine",
                             "must be a number of seconds or a duration such as 500ms, 30s, 2m")));
        return std::nullopt;
    }

    std::optional<int32_t> nonNegative(const YAML::Node& node, const std::string& path) {
        auto value = reader_.int32(node, path);
        if (value && *value < 0) {
            reader_.error(node,
                          invalidValue(path, std::to_string(*value),
                                       JOBSCOPE_TR_NOOP("jobscope::engine",
                                                        "must be greater than or equal to 0")));
            return std::nullopt;
        }
        return value;
    }

    // A required field that is absent (reported at its parent) or null (at its key).
    void required(const YAML::Node& parent, const YAML::Node& node, const std::string& path,
                  Message what) {
        if (yamlPresent(node))
            return;
        reader_.error(keyOf(parent, node), requiredValue(path, std::move(what)));
    }

    // The key of `value` in `map`, or the map itself when `value` is not one of its values.
    static YAML::Node keyOf(const YAML::Node& map, const YAML::Node& value) {
        if (map.IsMap() && value.IsDefined())
            for (auto it = map.begin(); it != map.end(); ++it)
                if (it->second.is(value))
                    return it->first;
        return map;
    }

    // Pod run time or time per item: `10`, `"90s"`, a list by index, or a mapping with a
    // `distribution`.
    std::optional<Duration> duration(const YAML::Node& node, const std::string& path) {
        if (!node.IsDefined() || isYamlNull(node))
            return std::nullopt;
        Duration d;
        if (node.IsScalar()) {
            auto value = seconds(node, path);
            if (!value)
                return std::nullopt;
            d.kind = Duration::Kind::Fixed;
            d.value = *value;
            return d;
        }
        if (node.IsSequence())
            return perIndex(node, path);
        if (!map(node, path))
            return std::nullopt;
        const YAML::Node kindNode = yamlField(node, "distribution");
        const std::string kindPath = childPath(path, "distribution");
        auto kind = reader_.string(kindNode, kindPath);
        if (!kind) {
            required(node, kindNode, kindPath,
                     JOBSCOPE_TR_NOOP("jobscope::engine",
                                      "one of fixed, uniform, normal, exponential, perIndex"));
            return std::nullopt;
        }
        const int before = reader_.diagnostics().errorCount();
        auto need = [&](const char* key) {
            const YAML::Node value = yamlField(node, key);
            required(node, value, childPath(path, key),
                     JOBSCOPE_TR_NOOP("jobscope::engine", "a number of seconds"));
            return seconds(value, childPath(path, key));
        };
        if (*kind == "fixed") {
            reader_.rejectUnknownKeys(node, path, {"distribution", "value"});
            if (auto v = need("value"))
                d.value = *v;
            d.kind = Duration::Kind::Fixed;
        } else if (*kind == "uniform") {
            reader_.rejectUnknownKeys(node, path, {"distribution", "min", "max"});
            auto min = need("min");
            auto max = need("max");
            if (min && max && *min > *max)
                reader_.error(
                    yamlField(node, "max"),
                    invalidValue(childPath(path, "max"), describe(yamlField(node, "max")),
                                 JOBSCOPE_TR_NOOP("jobscope::engine",
                                                  "must be greater than or equal to min")));
            d.kind = Duration::Kind::Uniform;
            d.min = min.value_or(0);
            d.max = max.value_or(0);
        } else if (*kind == "normal") {
            reader_.rejectUnknownKeys(node, path, {"distribution", "mean", "stddev"});
            auto mean = need("mean");
            auto stddev = need("stddev");
            d.kind = Duration::Kind::Normal;
            d.mean = mean.value_or(0);
            d.stddev = stddev.value_or(0);
        } else if (*kind == "exponential") {
            reader_.rejectUnknownKeys(node, path, {"distribution", "mean"});
            auto mean = need("mean");
            d.kind = Duration::Kind::Exponential;
            d.value = mean.value_or(0);
            d.mean = d.value;
        } else if (*kind == "perIndex") {
            reader_.rejectUnknownKeys(node, path, {"distribution", "values"});
            const YAML::Node values = yamlField(node, "values");
            required(node, values, childPath(path, "values"),
                     JOBSCOPE_TR_NOOP("jobscope::engine",
                                      "a list of seconds, one per completion index"));
            if (auto list = perIndex(values, childPath(path, "values")))
                d = *list;
        } else {
            Message message =
                unsupportedValue(kindPath, validation::quote(*kind),
                                 "\"fixed\", \"uniform\", \"normal\", \"exponential\", "
                                 "\"perIndex\"");
            const std::string close =
                closestMatch(*kind, {"fixed", "uniform", "normal", "exponential", "perIndex"});
            if (!close.empty())
                message = Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1 (did you mean \"%2\"?)"),
                                  {message, close});
            reader_.error(kindNode, message);
        }
        if (reader_.diagnostics().errorCount() > before)
            return std::nullopt;
        return d;
    }

    std::optional<Duration> perIndex(const YAML::Node& node, const std::string& path) {
        if (!reader_.isSequence(node, path))
            return std::nullopt;
        Duration d;
        d.kind = Duration::Kind::PerIndex;
        bool ok = true;
        for (size_t i = 0; i < node.size(); ++i) {
            auto value = seconds(node[i], childPath(path, i));
            if (!value) {
                if (!yamlPresent(node[i]))
                    reader_.error(node[i], requiredValue(childPath(path, i),
                                                         JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                          "a number of seconds")));
                ok = false;
                continue;
            }
            d.perIndex.push_back(*value);
        }
        if (ok && d.perIndex.empty()) {
            reader_.error(node,
                          requiredValue(path, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                               "at least one number of seconds")));
            ok = false;
        }
        if (!ok)
            return std::nullopt;
        return d;
    }

    void readCluster(const YAML::Node& node) {
        if (!map(node, "cluster"))
            return;
        reader_.rejectUnknownKeys(node, "cluster", {"nodes", "quota", "createForbidden"});
        readNodes(yamlField(node, "nodes"));
        const YAML::Node quota = yamlField(node, "quota");
        if (map(quota, "cluster.quota")) {
            reader_.rejectUnknownKeys(quota, "cluster.quota", {"pods"});
            const YAML::Node pods = yamlField(quota, "pods");
            required(quota, pods, "cluster.quota.pods",
                     JOBSCOPE_TR_NOOP("jobscope::engine",
                                      "the number of Pods the namespace's ResourceQuota allows"));
            if (auto value = nonNegative(pods, "cluster.quota.pods"))
                scenario_.quotaPods = *value;
        }
        if (auto forbidden =
                reader_.boolean(yamlField(node, "createForbidden"), "cluster.createForbidden"))
            scenario_.createForbidden = *forbidden;
    }

    void readNodes(const YAML::Node& node) {
        if (!reader_.isSequence(node, "cluster.nodes"))
            return;
        std::map<std::string, int> names;
        for (size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            const std::string path = childPath("cluster.nodes", i);
            if (!map(item, path)) {
                if (!yamlPresent(item))
                    reader_.error(item,
                                  requiredValue(path, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                       "a node ({pods: 10})")));
                continue;
            }
            reader_.rejectUnknownKeys(item, path, {"name", "count", "pods", "cpu", "memory"});
            NodeSpec spec;
            if (auto pods = nonNegative(yamlField(item, "pods"), childPath(path, "pods")))
                spec.pods = *pods;
            spec.cpu = quantity(yamlField(item, "cpu"), childPath(path, "cpu"));
            spec.memoryBytes = quantity(yamlField(item, "memory"), childPath(path, "memory"));
            int count = 1;
            const YAML::Node countNode = yamlField(item, "count");
            if (auto c = reader_.int32(countNode, childPath(path, "count"))) {
                if (*c < 1 || *c > 10000)
                    reader_.error(
                        countNode,
                        invalidValue(childPath(path, "count"), std::to_string(*c),
                                     Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                              "must be between %1 and %2"),
                                             {std::string("1"), std::string("10000")})));
                else
                    count = *c;
            }
            const YAML::Node nameNode = yamlField(item, "name");
            auto name = reader_.string(nameNode, childPath(path, "name"));
            if (name) {
                const auto problems = validation::isDNS1123Subdomain(*name);
                if (!problems.empty())
                    reader_.error(nameNode, childPath(path, "name") + ": Invalid value: " +
                                                validation::quote(*name) + ": " + problems[0]);
            }
            for (int k = 1; k <= count; ++k) {
                NodeSpec copy = spec;
                const int ordinal = static_cast<int>(scenario_.nodes.size()) + 1;
                if (!name)
                    copy.name = "node-" + std::to_string(ordinal);
                else
                    copy.name = count == 1 ? *name : *name + "-" + std::to_string(k);
                auto [first, inserted] = names.emplace(copy.name, positionOf(item).line);
                if (!inserted) {
                    reader_.error(nameNode.IsDefined() ? nameNode : item,
                                  Message("%1: %2: %3 (%4)",
                                          {Message(path + ".name"),
                                           JOBSCOPE_TR_NOOP("jobscope::engine", "Duplicate value"),
                                           Message(validation::quote(copy.name)),
                                           Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                    "the node of line %1"),
                                                   {std::to_string(first->second)})}));
                    break;
                }
                scenario_.nodes.push_back(std::move(copy));
            }
        }
    }

    std::optional<double> quantity(const YAML::Node& node, const std::string& path) {
        if (!yamlPresent(node))
            return std::nullopt;
        if (node.IsScalar()) {
            if (auto value = parseQuantity(node.Scalar()); value && *value > 0)
                return value;
        }
        reader_.error(
            node, invalidValue(path, describe(node),
                               JOBSCOPE_TR_NOOP(
                                   "jobscope::engine",
                                   "must be a positive quantity such as 2, 500m, 4Gi or 512Mi")));
        return std::nullopt;
    }

    void readTimings(const YAML::Node& node) {
        if (!map(node, "timings"))
            return;
        reader_.rejectUnknownKeys(node, "timings",
                                  {"syncBatch", "syncLatency", "apiLatency", "informerLatency",
                                   "schedulerDelay", "containerStart", "readinessDelay",
                                   "gracefulTermination", "podEndToCount", "creationSecond"});
        Timings& t = scenario_.timings;
        const std::pair<const char*, Seconds*> fields[] = {
            {"syncBatch", &t.syncBatch},           {"syncLatency", &t.syncLatency},
            {"apiLatency", &t.apiLatency},         {"informerLatency", &t.informerLatency},
            {"schedulerDelay", &t.schedulerDelay}, {"containerStart", &t.containerStart},
            {"readinessDelay", &t.readinessDelay}, {"gracefulTermination", &t.gracefulTermination},
            {"podEndToCount", &t.podEndToCount},
        };
        for (const auto& [key, out] : fields)
            if (auto value = seconds(yamlField(node, key), childPath("timings", key)))
                *out = *value;
        const YAML::Node creationSecond = yamlField(node, "creationSecond");
        if (auto value = reader_.number(creationSecond, childPath("timings", "creationSecond"))) {
            if (*value < 0 || *value >= 1)
                reader_.error(creationSecond,
                              invalidValue(childPath("timings", "creationSecond"),
                                           describe(creationSecond),
                                           Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                    "must be at least %1 and "
                                                                    "below %2"),
                                                   {std::string("0"), std::string("1")})));
            else
                t.creationSecond = *value;
        }
    }

    void readFailures(const YAML::Node& node) {
        if (!reader_.isSequence(node, "failures"))
            return;
        for (size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            const std::string path = childPath("failures", i);
            if (!map(item, path)) {
                if (!yamlPresent(item))
                    reader_.error(
                        item, requiredValue(
                                  path, JOBSCOPE_TR_NOOP(
                                            "jobscope::engine",
                                            "a failure rule ({probability: 0.1, exitCode: 1})")));
                continue;
            }
            reader_.rejectUnknownKeys(item, path,
                                      {"probability", "index", "attempt", "exitCode", "after"});
            FailureRule rule;
            rule.position = positionOf(item);
            rule.index = nonNegative(yamlField(item, "index"), childPath(path, "index"));
            rule.attempt = nonNegative(yamlField(item, "attempt"), childPath(path, "attempt"));
            const YAML::Node probability = yamlField(item, "probability");
            if (auto p = reader_.number(probability, childPath(path, "probability"))) {
                if (*p < 0 || *p > 1)
                    reader_.error(
                        probability,
                        invalidValue(childPath(path, "probability"), describe(probability),
                                     Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                              "must be between %1 and %2"),
                                             {std::string("0"), std::string("1")})));
                else
                    rule.probability = *p;
            }
            const YAML::Node exitCode = yamlField(item, "exitCode");
            if (auto code = reader_.int32(exitCode, childPath(path, "exitCode"))) {
                if (*code == 0)
                    reader_.error(exitCode, invalidValue(childPath(path, "exitCode"), "0",
                                                         JOBSCOPE_TR_NOOP(
                                                             "jobscope::engine",
                                                             "a failure exits with a non-zero code "
                                                             "(exit code 0 is a success)")));
                else
                    rule.exitCode = *code;
            }
            rule.after = seconds(yamlField(item, "after"), childPath(path, "after"));
            scenario_.failures.push_back(rule);
        }
    }

    void readWorkQueue(const YAML::Node& node) {
        if (!map(node, "workQueue"))
            return;
        reader_.rejectUnknownKeys(node, "workQueue", {"items", "perItem"});
        WorkQueue queue;
        const YAML::Node items = yamlField(node, "items");
        required(node, items, "workQueue.items",
                 JOBSCOPE_TR_NOOP("jobscope::engine", "the number of work items in the queue"));
        if (auto n = nonNegative(items, "workQueue.items"))
            queue.items = *n;
        if (auto d = duration(yamlField(node, "perItem"), "workQueue.perItem"))
            queue.perItem = *d;
        scenario_.workQueue = queue;
    }

    void readActions(const YAML::Node& node) {
        if (!reader_.isSequence(node, "actions"))
            return;
        for (size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            const std::string path = childPath("actions", i);
            if (!map(item, path)) {
                if (!yamlPresent(item))
                    reader_.error(
                        item,
                        requiredValue(path, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                             "an action ({at: 30, do: suspend})")));
                continue;
            }
            ScenarioAction action;
            action.position = positionOf(item);
            const YAML::Node at = yamlField(item, "at");
            required(
                item, at, childPath(path, "at"),
                JOBSCOPE_TR_NOOP("jobscope::engine",
                                 "the time of the action, in seconds after the Job's creation"));
            const auto time = seconds(at, childPath(path, "at"));
            if (time)
                action.at = *time;
            const YAML::Node doNode = yamlField(item, "do");
            const std::string doPath = childPath(path, "do");
            auto what = reader_.string(doNode, doPath);
            if (!what) {
                required(item, doNode, doPath,
                         JOBSCOPE_TR_NOOP(
                             "jobscope::engine",
                             "suspend, resume, setParallelism, setQuota, removeQuota, deletePod, "
                             "failNode, deleteJob, forbidCreate or allowCreate"));
                reader_.rejectUnknownKeys(
                    item, path, {"at", "do", "parallelism", "pods", "pod", "index", "node", "job"});
                continue;
            }
            if (!readAction(item, path, *what, action)) {
                std::string supported;
                for (size_t k = 0; k < std::size(kActionNames); ++k)
                    supported += (k ? ", \"" : "\"") + std::string(kActionNames[k]) + "\"";
                Message message = unsupportedValue(doPath, validation::quote(*what), supported);
                const std::string close = closestMatch(
                    *what, {"suspend", "resume", "setParallelism", "setQuota", "removeQuota",
                            "deletePod", "failNode", "deleteJob", "forbidCreate", "allowCreate"});
                if (!close.empty())
                    message =
                        Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1 (did you mean \"%2\"?)"),
                                {message, close});
                reader_.error(doNode, message);
                continue;
            }
            readActionJob(item, path, *what, action);
            if (time)
                scenario_.actions.push_back(action);
        }
        // The simulator applies them in time order; equal times keep the file's order.
        std::stable_sort(
            scenario_.actions.begin(), scenario_.actions.end(),
            [](const ScenarioAction& a, const ScenarioAction& b) { return a.at < b.at; });
    }

    // Reads the arguments of one action kind; false when `what` is not an action.
    bool readAction(const YAML::Node& item, const std::string& path, const std::string& what,
                    ScenarioAction& action) {
        using Kind = ScenarioAction::Kind;
        auto plain = [&](Kind kind, int64_t value) {
            reader_.rejectUnknownKeys(item, path, {"at", "do", "job"});
            action.kind = kind;
            action.value = value;
        };
        if (what == "suspend") {
            plain(Kind::Suspend, 0);
        } else if (what == "resume") {
            plain(Kind::Resume, 0);
        } else if (what == "deleteJob") {
            plain(Kind::DeleteJob, 0);
        } else if (what == "forbidCreate") {
            plain(Kind::AllowCreate, 0);
        } else if (what == "allowCreate") {
            plain(Kind::AllowCreate, 1);
        } else if (what == "removeQuota") {
            plain(Kind::SetQuota, -1);
        } else if (what == "setParallelism" || what == "setQuota") {
            const bool parallelism = what == "setParallelism";
            const char* key = parallelism ? "parallelism" : "pods";
            reader_.rejectUnknownKeys(item, path, {"at", "do", key, "job"});
            action.kind = parallelism ? Kind::SetParallelism : Kind::SetQuota;
            const YAML::Node value = yamlField(item, key);
            required(item, value, childPath(path, key),
                     parallelism ? "the new spec.parallelism"
                                 : "the number of Pods the quota allows");
            if (auto v = nonNegative(value, childPath(path, key)))
                action.value = *v;
        } else if (what == "deletePod") {
            reader_.rejectUnknownKeys(item, path, {"at", "do", "pod", "index", "job"});
            action.kind = Kind::DeletePod;
            const YAML::Node pod = yamlField(item, "pod");
            const YAML::Node index = yamlField(item, "index");
            if (yamlPresent(pod) == yamlPresent(index)) {
                reader_.error(
                    yamlPresent(index) ? index : item,
                    fieldError(
                        path, JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"), std::nullopt,
                        JOBSCOPE_TR_NOOP("jobscope::engine",
                                         "name the Pod with exactly one of pod (a name, oldest "
                                         "or newest) and index (a completion index)")));
            } else if (yamlPresent(pod)) {
                if (auto name = reader_.string(pod, childPath(path, "pod")))
                    action.target = *name;
            } else if (auto ix = nonNegative(index, childPath(path, "index"))) {
                action.target = "index:" + std::to_string(*ix);
            }
        } else if (what == "failNode") {
            reader_.rejectUnknownKeys(item, path, {"at", "do", "node", "job"});
            action.kind = Kind::FailNode;
            const YAML::Node nodeName = yamlField(item, "node");
            required(item, nodeName, childPath(path, "node"),
                     JOBSCOPE_TR_NOOP("jobscope::engine", "the name of a node of the cluster"));
            if (auto name = reader_.string(nodeName, childPath(path, "node"))) {
                action.target = *name;
                failNodeTargets_.emplace_back(*name, nodeName);
            }
        } else {
            return false;
        }
        return true;
    }

    // `job: NAME`: the Job an action about a Job acts on (checked once every Job is read); the
    // actions on the cluster every Job shares take none.
    void readActionJob(const YAML::Node& item, const std::string& path, const std::string& what,
                       ScenarioAction& action) {
        using Kind = ScenarioAction::Kind;
        const YAML::Node node = yamlField(item, "job");
        if (!node.IsDefined())
            return;
        const std::string jobPath = childPath(path, "job");
        const bool aboutJob = action.kind == Kind::Suspend || action.kind == Kind::Resume ||
                              action.kind == Kind::SetParallelism ||
                              action.kind == Kind::DeletePod || action.kind == Kind::DeleteJob;
        if (!aboutJob) {
            reader_.error(keyOf(item, node),
                          fieldError(jobPath, JOBSCOPE_TR_NOOP("jobscope::engine", "Forbidden"),
                                     std::nullopt,
                                     Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                              "%1 acts on the cluster that every "
                                                              "Job shares, not on one Job"),
                                             {what})));
            return;
        }
        auto name = reader_.string(node, jobPath);
        if (!name) {
            required(item, node, jobPath,
                     JOBSCOPE_TR_NOOP("jobscope::engine", "the name of a Job of the scenario"));
            return;
        }
        action.job = *name;
        jobTargets_.push_back({*name, node, jobPath});
    }

    // An action's `job:` must name a Job of the scenario (known once every Job is read).
    void checkActionJobs() {
        if (jobTargets_.empty() || scenario_.jobs.empty())
            return;
        std::vector<std::string> names;
        names.reserve(scenario_.jobs.size());
        for (const ScenarioJob& j : scenario_.jobs)
            names.push_back(j.job.metadata.name);
        const std::set<std::string> known(names.begin(), names.end());
        // The names as a list, or the first few and how many more.
        constexpr std::size_t kListed = 5;
        std::string listed;
        for (std::size_t i = 0; i < names.size() && i < kListed; ++i)
            listed += (i ? ", " : "") + names[i];
        Message list{listed};
        if (names.size() > kListed) {
            listed.clear();
            for (std::size_t i = 0; i < kListed - 2; ++i)
                listed += (i ? ", " : "") + names[i];
            list = Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1 and %2 more"),
                           {Message(listed), std::to_string(names.size() - (kListed - 2))});
        }
        for (const JobTarget& target : jobTargets_) {
            if (known.count(target.name))
                continue;
            Message message =
                fieldError(target.path, JOBSCOPE_TR_NOOP("jobscope::engine", "Not found"),
                           validation::quote(target.name),
                           Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                    "the scenario has no such Job; its Jobs: %1"),
                                   {list}));
            const std::string close = closestMatch(target.name, names);
            if (!close.empty())
                message = Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1 (did you mean \"%2\"?)"),
                                  {message, close});
            reader_.error(target.node, message);
        }
    }

    // failNode must name a node of the cluster (known only once the cluster is read).
    void checkActionNodes() {
        std::vector<std::string> names;
        for (const auto& n : scenario_.nodes)
            names.push_back(n.name);
        for (const auto& [name, at] : failNodeTargets_) {
            if (std::find(names.begin(), names.end(), name) != names.end())
                continue;
            Message message = fieldError(
                "node", JOBSCOPE_TR_NOOP("jobscope::engine", "Not found"), validation::quote(name),
                JOBSCOPE_TR_NOOP("jobscope::engine", "the cluster has no such node"));
            const std::string close = closestMatch(name, names);
            if (!close.empty())
                message = Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1 (did you mean \"%2\"?)"),
                                  {message, close});
            reader_.error(at, message);
        }
    }

    // The Job under `path` (job, or jobs[N].job): inline or {path: FILE}.
    void readJob(const YAML::Node& node, const std::string& path) {
        if (!map(node, path))
            return;
        if (hasKey(node, "path")) {
            reader_.rejectUnknownKeys(node, path, {"path"});
            const std::string pathKey = childPath(path, "path");
            const YAML::Node pathNode = yamlField(node, "path");
            auto file = reader_.string(pathNode, pathKey);
            if (!file) {
                required(
                    node, pathNode, pathKey,
                    JOBSCOPE_TR_NOOP("jobscope::engine", "a manifest file, relative to this file"));
                return;
            }
            std::string resolved = *file;
            if (resolved.empty() || resolved[0] != '/')
                resolved = directoryOf(reader_.fileName()) + resolved;
            std::string text;
            Diagnostics fileDiagnostics;
            if (!readTextFile(resolved, text, fileDiagnostics)) {
                // A file that is there but refused (too large, not a regular file) says why.
                std::error_code ec;
                if (std::filesystem::exists(resolved, ec) && !fileDiagnostics.items().empty()) {
                    reader_.error(
                        pathNode,
                        invalidValue(pathKey, validation::quote(*file),
                                     Message("%1: %2", {Message(resolved),
                                                        fileDiagnostics.items().front().source})));
                    return;
                }
                reader_.error(
                    pathNode,
                    fieldError(pathKey, JOBSCOPE_TR_NOOP("jobscope::engine", "Not found"),
                               validation::quote(*file),
                               Message(JOBSCOPE_TR_NOOP("jobscope::engine", "cannot read %1"),
                                       {resolved})));
                return;
            }
            ManifestImport imported = importManifestText(text, resolved, scenario_.featureGates);
            reader_.diagnostics().append(imported.diagnostics);
            if (imported.jobs.size() > 1)
                reader_.error(
                    pathNode,
                    invalidValue(pathKey, validation::quote(*file),
                                 Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                          "holds %1 Jobs; a scenario runs one"),
                                         {std::to_string(imported.jobs.size())})));
            if (!imported.jobs.empty()) {
                scenario_.job = std::move(imported.jobs.front().job);
                scenario_.jobFile = resolved;
                jobRead_ = true;
                jobAt_ = positionOf(node);
                warnAboutRecordedStatus(resolved, imported.jobs.front().sources.find("status"));
            }
            return;
        }
        inlineJob(node, path);
    }

    // `jobs:`: a list of {job: JOB, startAt: SECONDS}.
    void readJobList(const YAML::Node& root, const YAML::Node& list) {
        if (!yamlPresent(list) || (list.IsSequence() && list.size() == 0)) {
            reader_.error(keyOf(root, list),
                          requiredValue("jobs", JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                 "a list of {job: JOB, startAt: "
                                                                 "SECONDS}")));
            return;
        }
        if (!reader_.isSequence(list, "jobs"))
            return;
        if (list.size() > kMaxScenarioJobs) {
            reader_.error(list, invalidValue("jobs", std::to_string(list.size()) + " Jobs",
                                             Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                      "must hold at most %1 Jobs"),
                                                     {std::to_string(kMaxScenarioJobs)})));
            return;
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            const YAML::Node item = list[i];
            const std::string path = childPath("jobs", i);
            if (!map(item, path))
                continue;
            reader_.rejectUnknownKeys(item, path, {"job", "startAt"});
            Seconds startAt = 0;
            if (auto value = seconds(yamlField(item, "startAt"), childPath(path, "startAt")))
                startAt = *value;
            const YAML::Node jobNode = yamlField(item, "job");
            if (!yamlPresent(jobNode)) {
                required(item, jobNode, childPath(path, "job"),
                         JOBSCOPE_TR_NOOP(
                             "jobscope::engine",
                             "the Job inline (a manifest) or {path: FILE} naming a manifest file"));
                continue;
            }
            jobRead_ = false;
            readJob(jobNode, childPath(path, "job"));
            if (jobRead_)
                scenario_.jobs.push_back(
                    {scenario_.job, scenario_.jobFile, startAt, positionOf(jobNode)});
        }
        jobRead_ = !scenario_.jobs.empty();
    }

    // `replicas: {count: N, startEvery: SECONDS}`: the Job under `job:` as a template for N Jobs
    // named NAME-0 ... NAME-(N-1), the i-th created at i * startEvery.
    void readReplicas(const YAML::Node& root, const YAML::Node& node, bool jobList) {
        if (!map(node, "replicas"))
            return;
        reader_.rejectUnknownKeys(node, "replicas", {"count", "startEvery"});
        if (jobList) {
            reader_.error(keyOf(root, node),
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                   "replicas: repeats the Job under job:; a "
                                                   "scenario with jobs: lists each Job")));
            return;
        }
        const YAML::Node countNode = yamlField(node, "count");
        const auto count = reader_.int32(countNode, "replicas.count");
        if (!count) {
            required(node, countNode, "replicas.count",
                     JOBSCOPE_TR_NOOP("jobscope::engine", "how many Jobs the template makes"));
            return;
        }
        if (*count < 1 || static_cast<std::size_t>(*count) > kMaxScenarioJobs) {
            reader_.error(
                countNode,
                invalidValue(
                    "replicas.count", std::to_string(*count),
                    Message(JOBSCOPE_TR_NOOP("jobscope::engine", "must be between %1 and %2"),
                            {std::string("1"), std::to_string(kMaxScenarioJobs)})));
            return;
        }
        Seconds every = 0;
        if (auto value = seconds(yamlField(node, "startEvery"), "replicas.startEvery"))
            every = *value;
        if (scenario_.jobs.size() != 1)
            return; // the template was not read: already reported
        const ScenarioJob templ = scenario_.jobs.front();
        scenario_.jobs.clear();
        for (int i = 0; i < *count; ++i) {
            ScenarioJob copy = templ;
            copy.job = renamedJob(templ.job, templ.job.metadata.name + "-" + std::to_string(i));
            copy.startAt = i * every;
            scenario_.jobs.push_back(std::move(copy));
        }
    }

    // The template Job under another name: its uid and the labels that name it follow.
    static Job renamedJob(const Job& templ, const std::string& name) {
        Job job = templ;
        const std::string oldUid = job.metadata.uid;
        job.metadata.name = name;
        job.metadata.uid = inventedJobUid(job.metadata);
        for (auto& [key, value] : job.spec.templ.metadata.labels) {
            if (value == templ.metadata.name &&
                (key == "job-name" || key == "batch.kubernetes.io/job-name"))
                value = name;
            else if (!oldUid.empty() && value == oldUid)
                value = job.metadata.uid;
        }
        for (auto& [key, value] : job.spec.selector.matchLabels)
            if (!oldUid.empty() && value == oldUid)
                value = job.metadata.uid;
        return job;
    }

    // The Jobs of one scenario live in one namespace: their names must differ.
    void checkJobNames() {
        std::map<std::string, int> names;
        for (const ScenarioJob& j : scenario_.jobs) {
            auto [first, inserted] = names.emplace(j.job.metadata.name, j.position.line);
            if (inserted)
                continue;
            reader_.diagnostics().error(
                reader_.fileName(), j.position,
                Message("%1: %2: %3 (%4)",
                        {Message(std::string("jobs.job.metadata.name")),
                         JOBSCOPE_TR_NOOP("jobscope::engine", "Duplicate value"),
                         Message(validation::quote(j.job.metadata.name)),
                         Message(JOBSCOPE_TR_NOOP("jobscope::engine", "the Job of line %1"),
                                 {std::to_string(first->second)})}));
        }
    }

    // A Job written in this file: under `job:` (messages prefixed "job.") or as a document.
    void inlineJob(const YAML::Node& node, const std::string& prefix) {
        Diagnostics jobDiagnostics;
        YamlReader jobReader(reader_.fileName(), jobDiagnostics);
        SourceMap sources;
        std::optional<Job> job = readJobObject(node, jobReader, sources);
        for (const Diagnostic& d : jobDiagnostics.items())
            reader_.diagnostics().add(d.severity, d.file, d.position,
                                      prefix.empty() ? d.source
                                                     : prefixedMessage(prefix + ".", d.source));
        if (!job)
            return;
        completeMetadata(job->metadata);
        applyJobDefaults(*job, scenario_.featureGates);
        // A field already reported as malformed is left unset; do not also call it missing.
        if (!jobDiagnostics.hasErrors())
            reportFieldErrors(validateJob(*job), sources, reader_, prefix);
        scenario_.job = std::move(*job);
        scenario_.jobFile.clear();
        jobRead_ = true;
        jobAt_ = positionOf(node);
        warnAboutRecordedStatus(reader_.fileName(), sources.find("status"));
    }

    // A Job exported from a cluster (kubectl get job -o yaml) carries the status the cluster
    // recorded, and the simulation goes on from it: said aloud, or a finished Job looks like a
    // simulation in which nothing happened.
    void warnAboutRecordedStatus(const std::string& file, SourcePosition at) {
        const JobStatus& status = scenario_.job.status;
        if (isJobFinished(scenario_.job)) {
            std::string condition;
            for (const JobCondition& c : status.conditions)
                if ((c.type == job_condition::Complete || c.type == job_condition::Failed) &&
                    c.status == "True")
                    condition = c.type;
            reader_.diagnostics().warning(
                file, at,
                Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                         "status: the Job has already finished (%1): the "
                                         "simulation starts from this status, so no Pod runs; "
                                         "delete status to simulate the Job from its start, "
                                         "or fork the recorded Job at a moment of its life with "
                                         "'jobscope whatif FILE --at SECONDS'"),
                        {condition}));
            return;
        }
        if (status.startTime || status.active > 0 || status.succeeded > 0 || status.failed > 0)
            reader_.diagnostics().warning(
                file, at,
                Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                         "status: the Job has already run (%1 succeeded, %2 "
                                         "failed, %3 active): the simulation goes on from this "
                                         "status; delete status to simulate the Job from its "
                                         "start, or fork the recorded Job at a moment of its life "
                                         "with 'jobscope whatif FILE --at SECONDS'"),
                        {std::to_string(status.succeeded), std::to_string(status.failed),
                         std::to_string(status.active)}));
    }

    // The Kubernetes objects (mappings with a kind or apiVersion) of the file: Jobs (when
    // `takeJob`), ResourceQuotas (their pod count, unless the scenario sets a quota itself),
    // anything else skipped with a note.
    void readObjects(const std::vector<YAML::Node>& objects, bool takeJob, bool quotaGiven) {
        for (const auto& object : objects) {
            const YAML::Node kindNode = yamlField(object, "kind");
            const std::string kind = kindOf(object);
            if (kind == "Job" && takeJob) {
                if (jobRead_) {
                    reader_.error(object, "a second Job: a scenario runs one Job (the first is "
                                          "at line " +
                                              std::to_string(jobAt_.line) + ")");
                    continue;
                }
                inlineJob(object, "");
            } else if (kind == "ResourceQuota") {
                readQuotaObject(object, quotaGiven);
            } else if (kind.empty()) {
                reader_.error(yamlPresent(kindNode) ? kindNode : object,
                              requiredValue("kind", JOBSCOPE_TR_NOOP(
                                                        "jobscope::engine",
                                                        "every object needs a kind (kind: Job)")));
            } else if (kind != "Job") {
                reader_.diagnostics().note(
                    reader_.fileName(), positionOf(kindNode),
                    Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                             "skipping %1: not a Job or ResourceQuota"),
                            {kind}));
            }
        }
    }

    // A v1 ResourceQuota's spec.hard.pods (or count/pods) as the scenario's quota.
    void readQuotaObject(const YAML::Node& object, bool quotaGiven) {
        const YAML::Node hard = yamlField(yamlField(object, "spec"), "hard");
        YAML::Node pods = yamlField(hard, "pods");
        if (!yamlPresent(pods))
            pods = yamlField(hard, "count/pods");
        if (!yamlPresent(pods)) {
            reader_.diagnostics().note(reader_.fileName(), positionOf(object),
                                       "skipping ResourceQuota: it does not limit the Pod count "
                                       "(spec.hard.pods)");
            return;
        }
        if (quotaGiven) {
            reader_.error(pods, "spec.hard.pods: a second Pod quota: the scenario sets "
                                "cluster.quota already");
            return;
        }
        const auto value = pods.IsScalar() ? parseQuantity(pods.Scalar()) : std::nullopt;
        if (!value || *value < 0 || *value != std::floor(*value) || *value > 2147483647) {
            reader_.error(pods, invalidValue("spec.hard.pods", describe(pods),
                                             JOBSCOPE_TR_NOOP("jobscope::engine",
                                                              "must be a whole number of Pods")));
            return;
        }
        scenario_.quotaPods = static_cast<int>(*value);
    }
};

} // namespace

std::optional<double> parseQuantity(const std::string& text) {
    // <sign><digits>[.<digits>]<suffix>, suffix binary (Ki..Ei), decimal (n u m "" k M G T P
    // E) or an exponent (e3, E-2): resource.ParseQuantity's grammar.
    const char* p = text.data();
    const char* end = p + text.size();
    const char* numberEnd = p;
    if (numberEnd != end && (*numberEnd == '+' || *numberEnd == '-'))
        ++numberEnd;
    bool digits = false;
    while (numberEnd != end && std::isdigit(static_cast<unsigned char>(*numberEnd))) {
        ++numberEnd;
        digits = true;
    }
    if (numberEnd != end && *numberEnd == '.') {
        ++numberEnd;
        while (numberEnd != end && std::isdigit(static_cast<unsigned char>(*numberEnd))) {
            ++numberEnd;
            digits = true;
        }
    }
    if (!digits)
        return std::nullopt;
    const char* first = p;
    if (*first == '+')
        ++first;
    double value = 0;
    auto [ptr, ec] = std::from_chars(first, numberEnd, value);
    if (ec != std::errc() || ptr != numberEnd)
        return std::nullopt;
    const std::string suffix(numberEnd, end);
    static const std::pair<const char*, double> kSuffixes[] = {{"", 1},
                                                               {"n", 1e-9},
                                                               {"u", 1e-6},
                                                               {"m", 1e-3},
                                                               {"k", 1e3},
                                                               {"M", 1e6},
                                                               {"G", 1e9},
                                                               {"T", 1e12},
                                                               {"P", 1e15},
                                                               {"E", 1e18},
                                                               {"Ki", 1024.0},
                                                               {"Mi", 1048576.0},
                                                               {"Gi", 1073741824.0},
                                                               {"Ti", 1099511627776.0},
                                                               {"Pi", 1125899906842624.0},
                                                               {"Ei", 1152921504606846976.0}};
    for (const auto& [name, factor] : kSuffixes)
        if (suffix == name)
            return value * factor;
    if (suffix.size() >= 2 && (suffix[0] == 'e' || suffix[0] == 'E')) {
        const char* e = suffix.data() + 1;
        const char* eEnd = suffix.data() + suffix.size();
        if (*e == '+')
            ++e;
        int exponent = 0;
        auto [eptr, eec] = std::from_chars(e, eEnd, exponent);
        if (eec == std::errc() && eptr == eEnd && std::abs(exponent) < 300)
            return value * std::pow(10.0, exponent);
    }
    return std::nullopt;
}

std::optional<double> parseDurationSeconds(const std::string& text) {
    const char* p = text.data();
    const char* end = p + text.size();
    const char* numberEnd = p;
    while (numberEnd != end &&
           (std::isdigit(static_cast<unsigned char>(*numberEnd)) || *numberEnd == '.'))
        ++numberEnd;
    if (numberEnd == p)
        return std::nullopt;
    double value = 0;
    auto [ptr, ec] = std::from_chars(p, numberEnd, value);
    if (ec != std::errc() || ptr != numberEnd || !std::isfinite(value))
        return std::nullopt;
    const std::string unit(numberEnd, end);
    if (unit.empty() || unit == "s")
        return value;
    if (unit == "ms")
        return value / 1000.0;
    if (unit == "m" || unit == "min")
        return value * 60.0;
    if (unit == "h")
        return value * 3600.0;
    return std::nullopt;
}

std::optional<Scenario> readScenarioText(const std::string& text, const std::string& fileName,
                                         Diagnostics& diagnostics) {
    const int errorsBefore = diagnostics.errorCount();
    std::vector<YAML::Node> documents;
    if (!loadYamlDocuments(text, fileName, documents, diagnostics))
        return std::nullopt;
    YamlReader reader(fileName, diagnostics);
    Scenario scenario;

    // Sort the documents: scenario mappings, Kubernetes objects, and anything else (a scalar
    // or a list), which is neither and is reported once here.
    std::vector<YAML::Node> scenarios;
    std::vector<YAML::Node> objects;
    std::set<std::pair<int, int>> junk;
    for (const auto& document : documents) {
        if (!yamlPresent(document))
            continue; // an empty document: a lone `---`, comments only
        if (isKubernetesObject(document)) {
            objects.push_back(document);
        } else if (document.IsMap()) {
            scenarios.push_back(document);
        } else {
            reader.error(document,
                         JOBSCOPE_TR_NOOP("jobscope::engine",
                                          "not a scenario or a Kubernetes object: expected a "
                                          "mapping (a scenario with job:, or a Job manifest)"));
            const SourcePosition at = positionOf(document);
            junk.emplace(at.line, at.column);
        }
    }

    ScenarioReader scenarioReader(reader, scenario);
    if (scenarios.empty() && objects.empty()) {
        if (junk.empty())
            reader.error(SourcePosition{},
                         JOBSCOPE_TR_NOOP("jobscope::engine",
                                          "empty scenario file: expected a scenario (a "
                                          "mapping with a job) or a Job manifest"));
    } else if (scenarios.empty()) {
        scenarioReader.readObjectsOnly(documents, objects, junk);
    } else {
        for (size_t i = 1; i < scenarios.size(); ++i)
            reader.error(scenarios[i],
                         Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                  "a second scenario: a scenario file holds one "
                                                  "(the first starts at line %1)"),
                                 {std::to_string(positionOf(scenarios[0]).line)}));
        scenarioReader.read(scenarios[0], objects);
    }
    if (diagnostics.errorCount() > errorsBefore)
        return std::nullopt;
    return scenario;
}

std::optional<Scenario> readScenarioFile(const std::string& path, Diagnostics& diagnostics) {
    std::string text;
    if (!readTextFile(path, text, diagnostics))
        return std::nullopt;
    return readScenarioText(text, path, diagnostics);
}

} // namespace jobscope
