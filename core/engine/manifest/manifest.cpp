// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/manifest.h"

#include "manifest/defaults.h"

#include <cstdint>
#include <map>
#include <set>

namespace jobscope {

namespace {

// Reads the modelled fields of a Job. Besides the SourceMap it remembers every path whose
// value could not be read, so that the importer does not pile validation errors ("Required
// value") on top of a field that was already reported as malformed.
class JobReader {
public:
    JobReader(YamlReader& reader, SourceMap& sources, std::set<std::string>* failedPaths)
        : reader_(reader), sources_(sources), failedPaths_(failedPaths) {}

    std::optional<Job> read(const YAML::Node& node);

private:
    YamlReader& reader_;
    SourceMap& sources_;
    std::set<std::string>* failedPaths_;

    int errorCount() const { return reader_.diagnostics().errorCount(); }
    void failed(const std::string& path) {
        if (failedPaths_)
            failedPaths_->insert(path);
    }
    void mark(const std::string& path, const YAML::Node& node) {
        const SourcePosition at = positionOf(node);
        if (at.known())
            sources_.set(path, at);
    }

    // Runs one typed read of YamlReader, recording its position or its failure.
    template <typename Read>
    auto typed(const YAML::Node& node, const std::string& path, Read read) {
        const int before = errorCount();
        auto value = read();
        if (errorCount() > before)
            failed(path);
        else if (value)
            mark(path, node);
        return value;
    }
    std::optional<int32_t> int32(const YAML::Node& n, const std::string& path) {
        return typed(n, path, [&] { return reader_.int32(n, path); });
    }
    std::optional<int64_t> int64(const YAML::Node& n, const std::string& path) {
        return typed(n, path, [&] { return reader_.int64(n, path); });
    }
    std::optional<bool> boolean(const YAML::Node& n, const std::string& path) {
        return typed(n, path, [&] { return reader_.boolean(n, path); });
    }
    std::optional<std::string> string(const YAML::Node& n, const std::string& path) {
        return typed(n, path, [&] { return reader_.string(n, path); });
    }
    std::optional<Seconds> time(const YAML::Node& n, const std::string& path) {
        return typed(n, path, [&] { return reader_.time(n, path); });
    }

    bool map(const YAML::Node& node, const std::string& path);
    bool sequence(const YAML::Node& node, const std::string& path);

    void readStringMap(const YAML::Node& node, const std::string& path,
                       std::map<std::string, std::string>& out);
    std::vector<std::pair<std::string, std::string>> readStringPairs(const YAML::Node& node,
                                                                     const std::string& path);
    std::vector<std::string> readStringList(const YAML::Node& node, const std::string& path);

    void readMetadata(const YAML::Node& node, const std::string& path, ObjectMeta& meta);
    void readSpec(const YAML::Node& node, JobSpec& spec);
    void readSelector(const YAML::Node& node, LabelSelector& selector);
    void readPodFailurePolicy(const YAML::Node& node, PodFailurePolicy& policy);
    void readSuccessPolicy(const YAML::Node& node, SuccessPolicy& policy);
    void readTemplate(const YAML::Node& node, PodTemplate& templ);
    std::vector<ContainerSpec> readContainers(const YAML::Node& node, const std::string& path);
    void readStatus(const YAML::Node& node, JobStatus& status);
};

// The value under `key`, or a null node when the key is absent. Iterates instead of using
// operator[], which yaml-cpp lets throw on scalars and grow on non-const nodes.
YAML::Node field(const YAML::Node& map, const char* key) {
    if (!map.IsMap())
        return YAML::Node();
    for (auto it = map.begin(); it != map.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return it->second;
    return YAML::Node();
}

bool present(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull())
        return false;
    if (node.IsScalar() && node.Tag() != "!") {
        const std::string& s = node.Scalar();
        return !(s == "~" || s == "null" || s == "Null" || s == "NULL");
    }
    return true;
}

bool JobReader::map(const YAML::Node& node, const std::string& path) {
    const int before = errorCount();
    if (!reader_.isMap(node, path)) {
        if (errorCount() > before)
            failed(path);
        return false;
    }
    mark(path, node);
    // kubectl refuses a key written twice in one mapping; so do we, rather than pick one.
    std::map<std::string, SourcePosition> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar())
            continue;
        const std::string& key = it->first.Scalar();
        const SourcePosition at = positionOf(it->first);
        auto [first, inserted] = seen.emplace(key, at);
        if (!inserted)
            reader_.error(
                it->first,
                Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                         "%1: duplicate key \"%2\" (first written at line %3)"),
                        {childPath(path, key), key, std::to_string(first->second.line)}));
    }
    return true;
}

bool JobReader::sequence(const YAML::Node& node, const std::string& path) {
    const int before = errorCount();
    if (!reader_.isSequence(node, path)) {
        if (errorCount() > before)
            failed(path);
        return false;
    }
    mark(path, node);
    return true;
}

void JobReader::readStringMap(const YAML::Node& node, const std::string& path,
                              std::map<std::string, std::string>& out) {
    if (!map(node, path))
        return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) {
            reader_.error(
                it->first,
                fieldError(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"),
                           std::nullopt,
                           JOBSCOPE_TR_NOOP("jobscope::engine", "a mapping key must be a string")));
            failed(path);
            continue;
        }
        const std::string key = it->first.Scalar();
        const std::string entryPath = path + "[" + key + "]";
        if (auto value = string(it->second, entryPath))
            out[key] = *value;
        else if (!present(it->second))
            out[key] = ""; // `key:` with no value is the empty string in Kubernetes
    }
}

std::vector<std::pair<std::string, std::string>>
JobReader::readStringPairs(const YAML::Node& node, const std::string& path) {
    std::map<std::string, std::string> values;
    readStringMap(node, path, values);
    // Keep the order written, which is how kubectl prints them back.
    std::vector<std::pair<std::string, std::string>> pairs;
    if (node.IsMap())
        for (auto it = node.begin(); it != node.end(); ++it)
            if (it->first.IsScalar()) {
                auto found = values.find(it->first.Scalar());
                if (found != values.end()) {
                    pairs.emplace_back(*found);
                    values.erase(found);
                }
            }
    return pairs;
}

std::vector<std::string> JobReader::readStringList(const YAML::Node& node,
                                                   const std::string& path) {
    std::vector<std::string> out;
    if (!sequence(node, path))
        return out;
    for (size_t i = 0; i < node.size(); ++i)
        if (auto value = string(node[i], childPath(path, i)))
            out.push_back(*value);
    return out;
}

void JobReader::readMetadata(const YAML::Node& node, const std::string& path, ObjectMeta& meta) {
    if (!map(node, path))
        return;
    auto sub = [&](const char* key) { return childPath(path, key); };
    meta.name = string(field(node, "name"), sub("name")).value_or("");
    meta.generateName = string(field(node, "generateName"), sub("generateName")).value_or("");
    meta.namespace_ = string(field(node, "namespace"), sub("namespace")).value_or("");
    meta.uid = string(field(node, "uid"), sub("uid")).value_or("");
    meta.generation = int64(field(node, "generation"), sub("generation")).value_or(0);
    meta.creationTimestamp = time(field(node, "creationTimestamp"), sub("creationTimestamp"));
    meta.deletionTimestamp = time(field(node, "deletionTimestamp"), sub("deletionTimestamp"));
    meta.deletionGracePeriodSeconds =
        int64(field(node, "deletionGracePeriodSeconds"), sub("deletionGracePeriodSeconds"));
    readStringMap(field(node, "labels"), sub("labels"), meta.labels);
    readStringMap(field(node, "annotations"), sub("annotations"), meta.annotations);
    for (const std::string& finalizer :
         readStringList(field(node, "finalizers"), sub("finalizers")))
        meta.finalizers.emplace_back(finalizer);
}

void JobReader::readSelector(const YAML::Node& node, LabelSelector& selector) {
    const std::string path = "spec.selector";
    if (!map(node, path))
        return;
    selector.present = true;
    selector.matchLabels = readStringPairs(field(node, "matchLabels"), path + ".matchLabels");
    const YAML::Node expressions = field(node, "matchExpressions");
    if (sequence(expressions, path + ".matchExpressions") && expressions.size() > 0)
        reader_.warning(expressions, path + ".matchExpressions: not modelled; JobScope selects "
                                            "Pods by matchLabels only");
}

void JobReader::readPodFailurePolicy(const YAML::Node& node, PodFailurePolicy& policy) {
    const std::string path = "spec.podFailurePolicy";
    const std::string rulesPath = path + ".rules";
    const YAML::Node rules = field(node, "rules");
    if (!sequence(rules, rulesPath))
        return;
    for (size_t i = 0; i < rules.size(); ++i) {
        const std::string rulePath = childPath(rulesPath, i);
        const YAML::Node ruleNode = rules[i];
        PodFailurePolicyRule rule;
        if (map(ruleNode, rulePath)) {
            rule.action = string(field(ruleNode, "action"), rulePath + ".action").value_or("");
            const std::string exitPath = rulePath + ".onExitCodes";
            const YAML::Node exitNode = field(ruleNode, "onExitCodes");
            if (map(exitNode, exitPath)) {
                PodFailurePolicyOnExitCodesRequirement req;
                req.containerName =
                    string(field(exitNode, "containerName"), exitPath + ".containerName");
                req.operator_ =
                    string(field(exitNode, "operator"), exitPath + ".operator").value_or("");
                const std::string valuesPath = exitPath + ".values";
                const YAML::Node values = field(exitNode, "values");
                if (sequence(values, valuesPath))
                    for (size_t j = 0; j < values.size(); ++j)
                        if (auto v = int32(values[j], childPath(valuesPath, j)))
                            req.values.push_back(*v);
                rule.onExitCodes = std::move(req);
            }
            const std::string condPath = rulePath + ".onPodConditions";
            const YAML::Node conditions = field(ruleNode, "onPodConditions");
            if (sequence(conditions, condPath))
                for (size_t j = 0; j < conditions.size(); ++j) {
                    const std::string patternPath = childPath(condPath, j);
                    const YAML::Node patternNode = conditions[j];
                    PodFailurePolicyOnPodConditionsPattern pattern;
                    if (map(patternNode, patternPath)) {
                        pattern.type =
                            string(field(patternNode, "type"), patternPath + ".type").value_or("");
                        pattern.status =
                            string(field(patternNode, "status"), patternPath + ".status")
                                .value_or("");
                    }
                    rule.onPodConditions.push_back(std::move(pattern));
                }
        }
        policy.rules.push_back(std::move(rule));
    }
}

void JobReader::readSuccessPolicy(const YAML::Node& node, SuccessPolicy& policy) {
    const std::string rulesPath = "spec.successPolicy.rules";
    const YAML::Node rules = field(node, "rules");
    if (!sequence(rules, rulesPath))
        return;
    for (size_t i = 0; i < rules.size(); ++i) {
        const std::string rulePath = childPath(rulesPath, i);
        const YAML::Node ruleNode = rules[i];
        SuccessPolicyRule rule;
        if (map(ruleNode, rulePath)) {
            rule.succeededIndexes =
                string(field(ruleNode, "succeededIndexes"), rulePath + ".succeededIndexes");
            rule.succeededCount =
                int32(field(ruleNode, "succeededCount"), rulePath + ".succeededCount");
        }
        policy.rules.push_back(std::move(rule));
    }
}

std::vector<ContainerSpec> JobReader::readContainers(const YAML::Node& node,
                                                     const std::string& path) {
    std::vector<ContainerSpec> containers;
    if (!sequence(node, path))
        return containers;
    for (size_t i = 0; i < node.size(); ++i) {
        const std::string containerPath = childPath(path, i);
        const YAML::Node c = node[i];
        ContainerSpec container;
        if (map(c, containerPath)) {
            container.name = string(field(c, "name"), containerPath + ".name").value_or("");
            const std::string resourcesPath = containerPath + ".resources";
            const YAML::Node resources = field(c, "resources");
            if (map(resources, resourcesPath))
                container.requests =
                    readStringPairs(field(resources, "requests"), resourcesPath + ".requests");
        }
        containers.push_back(std::move(container));
    }
    return containers;
}

void JobReader::readTemplate(const YAML::Node& node, PodTemplate& templ) {
    const std::string path = "spec.template";
    if (!map(node, path))
        return;
    const std::string metaPath = path + ".metadata";
    const YAML::Node meta = field(node, "metadata");
    if (map(meta, metaPath)) {
        readStringMap(field(meta, "labels"), metaPath + ".labels", templ.metadata.labels);
        readStringMap(field(meta, "annotations"), metaPath + ".annotations",
                      templ.metadata.annotations);
    }
    const std::string specPath = path + ".spec";
    const YAML::Node spec = field(node, "spec");
    if (!map(spec, specPath))
        return;
    templ.restartPolicy =
        string(field(spec, "restartPolicy"), specPath + ".restartPolicy").value_or("");
    templ.terminationGracePeriodSeconds = int64(field(spec, "terminationGracePeriodSeconds"),
                                                specPath + ".terminationGracePeriodSeconds");
    templ.containers = readContainers(field(spec, "containers"), specPath + ".containers");
    templ.initContainers =
        readContainers(field(spec, "initContainers"), specPath + ".initContainers");
}

void JobReader::readSpec(const YAML::Node& node, JobSpec& spec) {
    if (!map(node, "spec"))
        return;
    spec.parallelism = int32(field(node, "parallelism"), "spec.parallelism");
    spec.completions = int32(field(node, "completions"), "spec.completions");
    spec.activeDeadlineSeconds =
        int64(field(node, "activeDeadlineSeconds"), "spec.activeDeadlineSeconds");
    spec.backoffLimit = int32(field(node, "backoffLimit"), "spec.backoffLimit");
    spec.backoffLimitPerIndex =
        int32(field(node, "backoffLimitPerIndex"), "spec.backoffLimitPerIndex");
    spec.maxFailedIndexes = int32(field(node, "maxFailedIndexes"), "spec.maxFailedIndexes");
    spec.ttlSecondsAfterFinished =
        int32(field(node, "ttlSecondsAfterFinished"), "spec.ttlSecondsAfterFinished");
    spec.completionMode = string(field(node, "completionMode"), "spec.completionMode");
    spec.suspend = boolean(field(node, "suspend"), "spec.suspend");
    spec.manualSelector = boolean(field(node, "manualSelector"), "spec.manualSelector");
    const YAML::Node pfp = field(node, "podFailurePolicy");
    if (map(pfp, "spec.podFailurePolicy")) {
        spec.podFailurePolicy.emplace();
        readPodFailurePolicy(pfp, *spec.podFailurePolicy);
    }
    spec.podReplacementPolicy =
        string(field(node, "podReplacementPolicy"), "spec.podReplacementPolicy");
    const YAML::Node sp = field(node, "successPolicy");
    if (map(sp, "spec.successPolicy")) {
        spec.successPolicy.emplace();
        readSuccessPolicy(sp, *spec.successPolicy);
    }
    spec.managedBy = string(field(node, "managedBy"), "spec.managedBy");
    readSelector(field(node, "selector"), spec.selector);
    readTemplate(field(node, "template"), spec.templ);
}

void JobReader::readStatus(const YAML::Node& node, JobStatus& status) {
    if (!map(node, "status"))
        return;
    status.startTime = time(field(node, "startTime"), "status.startTime");
    status.completionTime = time(field(node, "completionTime"), "status.completionTime");
    status.active = int32(field(node, "active"), "status.active").value_or(0);
    status.ready = int32(field(node, "ready"), "status.ready");
    status.terminating = int32(field(node, "terminating"), "status.terminating");
    status.succeeded = int32(field(node, "succeeded"), "status.succeeded").value_or(0);
    status.failed = int32(field(node, "failed"), "status.failed").value_or(0);
    status.completedIndexes =
        string(field(node, "completedIndexes"), "status.completedIndexes").value_or("");
    status.failedIndexes = string(field(node, "failedIndexes"), "status.failedIndexes");
    const std::string uncountedPath = "status.uncountedTerminatedPods";
    const YAML::Node uncounted = field(node, "uncountedTerminatedPods");
    if (map(uncounted, uncountedPath)) {
        UncountedTerminatedPods pods;
        pods.succeeded =
            readStringList(field(uncounted, "succeeded"), uncountedPath + ".succeeded");
        pods.failed = readStringList(field(uncounted, "failed"), uncountedPath + ".failed");
        status.uncountedTerminatedPods = std::move(pods);
    }
    const YAML::Node conditions = field(node, "conditions");
    if (sequence(conditions, "status.conditions"))
        for (size_t i = 0; i < conditions.size(); ++i) {
            const std::string path = childPath("status.conditions", i);
            const YAML::Node c = conditions[i];
            if (!map(c, path))
                continue;
            JobCondition condition;
            condition.type = string(field(c, "type"), path + ".type").value_or("");
            condition.status = string(field(c, "status"), path + ".status").value_or("");
            condition.reason = string(field(c, "reason"), path + ".reason").value_or("");
            condition.message = string(field(c, "message"), path + ".message").value_or("");
            condition.lastProbeTime = time(field(c, "lastProbeTime"), path + ".lastProbeTime");
            condition.lastTransitionTime =
                time(field(c, "lastTransitionTime"), path + ".lastTransitionTime");
            status.conditions.push_back(std::move(condition));
        }
}

std::optional<Job> JobReader::read(const YAML::Node& node) {
    if (!present(node) || !node.IsMap()) {
        reader_.error(
            node,
            JOBSCOPE_TR_NOOP("jobscope::engine",
                             "a Job must be a mapping with apiVersion, kind, metadata and spec"));
        return std::nullopt;
    }
    map(node, "");
    // The object's own position is the fallback for every path (SourceMap::find).
    mark("", node);
    if (auto apiVersion = string(field(node, "apiVersion"), "apiVersion");
        apiVersion && *apiVersion != "batch/v1") {
        reader_.error(
            field(node, "apiVersion"),
            fieldError("apiVersion", JOBSCOPE_TR_NOOP("jobscope::engine", "Unsupported value"),
                       validation::quote(*apiVersion),
                       JOBSCOPE_TR_NOOP("jobscope::engine",
                                        "supported values: \"batch/v1\" (a Job is batch/v1)")));
        failed("apiVersion");
    }
    if (auto kind = string(field(node, "kind"), "kind"); kind && *kind != "Job") {
        reader_.error(
            field(node, "kind"),
            fieldError("kind", JOBSCOPE_TR_NOOP("jobscope::engine", "Unsupported value"),
                       validation::quote(*kind),
                       JOBSCOPE_TR_NOOP("jobscope::engine", "supported values: \"Job\"")));
        failed("kind");
    }
    Job job;
    readMetadata(field(node, "metadata"), "metadata", job.metadata);
    readSpec(field(node, "spec"), job.spec);
    readStatus(field(node, "status"), job.status);
    return job;
}

// Whether `error` concerns a field (or a part of one) that could not be read.
bool coveredByReadFailure(const std::string& errorPath, const std::set<std::string>& failed) {
    auto within = [](const std::string& inner, const std::string& outer) {
        if (outer.empty())
            return true;
        return inner.size() >= outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
               (inner.size() == outer.size() || inner[outer.size()] == '.' ||
                inner[outer.size()] == '[');
    };
    for (const auto& f : failed)
        if (within(errorPath, f) || within(f, errorPath))
            return true;
    return false;
}

// Characters of the API server's random name suffix (k8s.io/apimachinery utilrand).
constexpr const char* kNameSuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

// What the API server and kubectl fill in on create: the namespace kubectl sends by default,
// and a name made from generateName (SimpleNameGenerator: at most 58 characters of the prefix
// plus 5 characters, here derived from the prefix and document so that imports repeat).
void completeCreateMetadata(ObjectMeta& meta, int document) {
    if (meta.namespace_.empty())
        meta.namespace_ = "default";
    if (meta.name.empty() && !meta.generateName.empty()) {
        std::string base = meta.generateName.substr(0, 58);
        uint64_t hash = 14695981039346656037ULL;
        for (unsigned char c : meta.generateName + "#" + std::to_string(document)) {
            hash ^= c;
            hash *= 1099511628211ULL;
        }
        for (int i = 0; i < 5; ++i) {
            base += kNameSuffixAlphabet[hash % 27];
            hash /= 27;
        }
        meta.name = base;
    }
}

std::string describeObject(const std::string& kind, const YAML::Node& object) {
    const YAML::Node meta = field(object, "metadata");
    const YAML::Node name = field(meta, "name");
    std::string out = kind;
    if (name.IsScalar() && !name.Scalar().empty())
        out += " " + validation::quote(name.Scalar());
    return out;
}

class Importer {
public:
    Importer(const std::string& fileName, ManifestImport& result, const FeatureGates& gates)
        : reader_(fileName, result.diagnostics), result_(result), gates_(gates) {}

    void importText(const std::string& text) {
        std::vector<YAML::Node> documents;
        if (!loadYamlDocuments(text, reader_.fileName(), documents, result_.diagnostics))
            return;
        importDocuments(documents);
    }

    void importDocuments(const std::vector<YAML::Node>& documents) {
        bool anyObject = false;
        for (size_t i = 0; i < documents.size(); ++i) {
            if (!present(documents[i]))
                continue; // an empty document (a lone `---`, comments only)
            anyObject = true;
            importObject(documents[i], static_cast<int>(i), "");
        }
        if (!sawJob_ && !result_.diagnostics.hasErrors())
            reader_.error(SourcePosition{},
                          anyObject ? JOBSCOPE_TR_NOOP("jobscope::engine",
                                                       "no Job in this file: it holds no object of "
                                                       "kind Job (apiVersion batch/v1)")
                                    : JOBSCOPE_TR_NOOP("jobscope::engine",
                                                       "no Job in this file: it is empty"));
    }

private:
    YamlReader reader_;
    ManifestImport& result_;
    FeatureGates gates_;
    bool sawJob_ = false;

    void importObject(const YAML::Node& object, int document, const std::string& where) {
        if (!object.IsMap()) {
            reader_.error(
                object,
                prefixedMessage(
                    where,
                    JOBSCOPE_TR_NOOP(
                        "jobscope::engine",
                        "not a Kubernetes object: expected a mapping with apiVersion and kind")));
            return;
        }
        const YAML::Node kindNode = field(object, "kind");
        const auto kind = reader_.string(kindNode, where + "kind");
        if (!kind) {
            if (!present(kindNode))
                reader_.error(object, requiredValue(where + "kind",
                                                    JOBSCOPE_TR_NOOP(
                                                        "jobscope::engine",
                                                        "every object needs a kind (kind: Job)")));
            return;
        }
        if (*kind == "List" || *kind == "JobList") {
            importList(object, document, *kind);
            return;
        }
        if (*kind != "Job") {
            reader_.diagnostics().note(
                reader_.fileName(), positionOf(kindNode),
                Message(JOBSCOPE_TR_NOOP("jobscope::engine", "skipping %1: not a Job"),
                        {describeObject(*kind, object)}));
            return;
        }
        sawJob_ = true;
        if (!present(field(object, "apiVersion")))
            reader_.error(object,
                          requiredValue(where + "apiVersion",
                                        JOBSCOPE_TR_NOOP("jobscope::engine", "a Job is batch/v1")));
        importJob(object, document);
    }

    void importList(const YAML::Node& list, int document, const std::string& kind) {
        const YAML::Node items = field(list, "items");
        if (!present(items))
            return;
        if (!reader_.isSequence(items, "items"))
            return;
        for (size_t i = 0; i < items.size(); ++i) {
            const YAML::Node item = items[i];
            const std::string where = "items[" + std::to_string(i) + "].";
            // Items of a typed JobList carry no kind of their own.
            if (kind == "JobList" && item.IsMap() && !present(field(item, "kind"))) {
                sawJob_ = true;
                importJob(item, document);
            } else {
                importObject(item, document, where);
            }
        }
    }

    void importJob(const YAML::Node& object, int document) {
        ImportedJob imported;
        imported.document = document;
        std::set<std::string> failedPaths;
        JobReader jobReader(reader_, imported.sources, &failedPaths);
        std::optional<Job> job = jobReader.read(object);
        if (!job)
            return;
        imported.job = std::move(*job);
        completeCreateMetadata(imported.job.metadata, document);
        applyJobDefaults(imported.job, gates_);
        std::vector<FieldError> errors;
        for (auto& error : validateJob(imported.job))
            if (!coveredByReadFailure(error.path, failedPaths))
                errors.push_back(std::move(error));
        reportFieldErrors(errors, imported.sources, reader_);
        result_.jobs.push_back(std::move(imported));
    }
};

} // namespace

std::optional<Job> readJobObject(const YAML::Node& node, YamlReader& reader, SourceMap& sources) {
    JobReader jobReader(reader, sources, nullptr);
    return jobReader.read(node);
}

void reportFieldErrors(const std::vector<FieldError>& errors, const SourceMap& sources,
                       YamlReader& reader, const std::string& pathPrefix) {
    for (const auto& error : errors)
        reader.error(sources.find(error.path),
                     pathPrefix.empty() ? error.source
                                        : prefixedMessage(pathPrefix + ".", error.source));
}

ManifestImport importManifestText(const std::string& text, const std::string& fileName,
                                  const FeatureGates& gates) {
    ManifestImport result;
    Importer importer(fileName, result, gates);
    importer.importText(text);
    return result;
}

ManifestImport importManifestDocuments(const std::vector<YAML::Node>& documents,
                                       const std::string& fileName, const FeatureGates& gates) {
    ManifestImport result;
    Importer importer(fileName, result, gates);
    importer.importDocuments(documents);
    return result;
}

ManifestImport importManifestFile(const std::string& path) {
    ManifestImport result;
    std::string text;
    if (!readTextFile(path, text, result.diagnostics))
        return result;
    return importManifestText(text, path);
}

} // namespace jobscope
