// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/reconcile_state.h"

#include "feature_gate_reader.h"
#include "manifest/defaults.h"
#include "manifest/manifest.h"
#include "manifest/validation.h"
#include "state/pod_reader.h"
#include "yaml_reader.h"

namespace jobscope {

namespace {

const char* const kApiErrorNames[] = {"none", "quota", "forbidden", "error",
                                      "namespaceTerminating"};

// yaml-cpp stops at a NUL byte; say where the binary data starts instead.
bool rejectBinary(const std::string& text, YamlReader& reader) {
    const size_t nul = text.find('\0');
    if (nul == std::string::npos)
        return true;
    SourcePosition at{1, 1};
    for (size_t i = 0; i < nul; ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else {
            ++at.column;
        }
    }
    reader.error(at, JOBSCOPE_TR_NOOP(
                         "jobscope::engine",
                         "not a text file: a NUL byte at this position (a state file is YAML or "
                         "JSON text)"));
    return false;
}

class StateReader {
public:
    StateReader(YamlReader& reader, ReconcileState& state, const ReconcileStateLimits& limits)
        : reader_(reader), state_(state), limits_(limits) {}

    void read(const YAML::Node& root) {
        reader_.rejectUnknownKeys(root, "",
                                  {"job", "now", "pods", "expectations", "backoff", "apiErrors",
                                   "featureGates", "kubernetesVersion"});

        // Before the Job: the API server's defaults and dropped fields depend on the gates.
        const GateSettings gates = readGateSettings(root, reader_);
        state_.input.gates = gates.gates;
        state_.input.kubernetesMinor = gates.kubernetesMinor;
        state_.kubernetesMinor = gates.kubernetesMinor;

        const YAML::Node now = root["now"];
        if (!now.IsDefined() || now.IsNull()) {
            reader_.error(
                now.IsDefined() ? now : root,
                requiredValue("now", JOBSCOPE_TR_NOOP("jobscope::engine",
                                                      "the time of the sync, an RFC 3339 time "
                                                      "(\"2026-01-01T00:00:30Z\") or a number of "
                                                      "seconds")));
        } else if (auto t = reader_.time(now, "now")) {
            state_.input.now = *t;
            // Print times as they were written: RFC 3339 in, RFC 3339 out.
            state_.timeFormat = now.IsScalar() && parseRfc3339(now.Scalar()) ? TimeFormat::Rfc3339
                                                                             : TimeFormat::Seconds;
        }

        readJob(root);
        readPods(root["pods"]);
        readExpectations(root["expectations"]);
        readBackoff(root["backoff"]);
        readApiErrors(root["apiErrors"]);
    }

private:
    void readJob(const YAML::Node& root) {
        const YAML::Node node = root["job"];
        if (!node.IsDefined() || node.IsNull()) {
            reader_.error(
                node.IsDefined() ? node : root,
                requiredValue("job", JOBSCOPE_TR_NOOP("jobscope::engine",
                                                      "the batch/v1 Job as kubectl prints it")));
            return;
        }
        if (!reader_.isMap(node, "job"))
            return;
        // As the API server would store it: defaulted, then checked with the create-time
        // rules, each error at the field's position under `job`.
        SourceMap sources;
        // readJobObject names fields relative to the Job ("spec.parallelism"); in a state
        // file they sit under `job`, as the validation messages below say.
        Diagnostics jobDiagnostics;
        YamlReader jobReader(reader_.fileName(), jobDiagnostics);
        std::optional<Job> job = readJobObject(node, jobReader, sources);
        for (const Diagnostic& d : jobDiagnostics.items())
            reader_.diagnostics().add(
                d.severity, d.file, d.position,
                d.message.rfind("job.", 0) == 0 ? d.source : prefixedMessage("job.", d.source));
        if (!job)
            return;
        // kubectl fills in the namespace of its context; a hand-written state gets
        // "default" the same way.
        if (job->metadata.namespace_.empty())
            job->metadata.namespace_ = "default";
        applyJobDefaults(*job, state_.input.gates);
        reportFieldErrors(validateJob(*job), sources, reader_, "job");
        state_.input.job = std::move(*job);
    }

    void readPods(const YAML::Node& node) {
        if (!node.IsDefined() || node.IsNull())
            return;
        PodShorthandContext context;
        context.now = state_.input.now;
        context.jobName = state_.input.job.metadata.name;
        context.jobNamespace = state_.input.job.metadata.namespace_;
        context.jobUid = state_.input.job.metadata.uid;
        context.maxPods = limits_.maxPods;
        PodReader pods(reader_, context);
        pods.readPods(node, "pods", state_.input.pods);
    }

    void readExpectations(const YAML::Node& node) {
        if (!reader_.isMap(node, "expectations"))
            return;
        reader_.rejectUnknownKeys(node, "expectations", {"creations", "deletions", "setAt"});
        Expectations& e = state_.input.expectations;
        // Upstream's counters may go below zero (more observed than expected): satisfied.
        e.creations = reader_.int32(node["creations"], "expectations.creations").value_or(0);
        e.deletions = reader_.int32(node["deletions"], "expectations.deletions").value_or(0);
        e.setAt = reader_.time(node["setAt"], "expectations.setAt");
    }

    void readBackoff(const YAML::Node& node) {
        if (!reader_.isMap(node, "backoff"))
            return;
        reader_.rejectUnknownKeys(node, "backoff", {"failuresAfterLastSuccess", "lastFailureTime"});
        BackoffRecord& b = state_.input.backoff;
        const YAML::Node failures = node["failuresAfterLastSuccess"];
        b.failuresAfterLastSuccess =
            reader_.int32(failures, "backoff.failuresAfterLastSuccess").value_or(0);
        if (b.failuresAfterLastSuccess < 0) {
            reader_.error(failures,
                          invalidValue("backoff.failuresAfterLastSuccess",
                                       std::to_string(b.failuresAfterLastSuccess),
                                       JOBSCOPE_TR_NOOP("jobscope::engine",
                                                        "must be greater than or equal to 0")));
            b.failuresAfterLastSuccess = 0;
        }
        b.lastFailureTime = reader_.time(node["lastFailureTime"], "backoff.lastFailureTime");
    }

    std::optional<ApiError> readApiError(const YAML::Node& node, const std::string& path,
                                         bool create) {
        auto text = reader_.string(node, path);
        if (!text)
            return std::nullopt;
        auto error = apiErrorFromString(*text);
        if (!error || (!create && *error == ApiError::NamespaceTerminating)) {
            std::string supported = "\"none\", \"quota\", \"forbidden\", \"error\"";
            if (create)
                supported += ", \"namespaceTerminating\"";
            Message message = unsupportedValue(path, "\"" + *text + "\"", supported);
            const std::string suggestion = closestMatch(
                *text, {"none", "quota", "forbidden", "error", "namespaceTerminating"});
            if (!suggestion.empty() && (create || suggestion != "namespaceTerminating"))
                message = Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1 (did you mean \"%2\"?)"),
                                  {message, suggestion});
            reader_.error(node, message);
            return std::nullopt;
        }
        return error;
    }

    void readApiErrors(const YAML::Node& node) {
        if (!reader_.isMap(node, "apiErrors"))
            return;
        reader_.rejectUnknownKeys(node, "apiErrors",
                                  {"create", "delete", "patch", "statusUpdate", "createLimit"});
        ApiErrors& a = state_.input.apiErrors;
        a.create = readApiError(node["create"], "apiErrors.create", true).value_or(ApiError::None);
        a.deletion =
            readApiError(node["delete"], "apiErrors.delete", false).value_or(ApiError::None);
        a.patch = readApiError(node["patch"], "apiErrors.patch", false).value_or(ApiError::None);
        a.statusUpdate = readApiError(node["statusUpdate"], "apiErrors.statusUpdate", false)
                             .value_or(ApiError::None);
        const YAML::Node limit = node["createLimit"];
        if (auto n = reader_.int32(limit, "apiErrors.createLimit")) {
            if (*n < 0)
                reader_.error(limit,
                              invalidValue("apiErrors.createLimit", std::to_string(*n),
                                           JOBSCOPE_TR_NOOP("jobscope::engine",
                                                            "must be greater than or equal to 0")));
            else
                a.createLimit = *n;
        }
    }

    YamlReader& reader_;
    ReconcileState& state_;
    const ReconcileStateLimits& limits_;
};

} // namespace

std::optional<ApiError> apiErrorFromString(const std::string& text) {
    static const ApiError values[] = {ApiError::None, ApiError::Quota, ApiError::Forbidden,
                                      ApiError::Error, ApiError::NamespaceTerminating};
    for (size_t i = 0; i < std::size(values); ++i)
        if (text == kApiErrorNames[i])
            return values[i];
    return std::nullopt;
}

const char* apiErrorName(ApiError error) {
    switch (error) {
    case ApiError::None:
        return kApiErrorNames[0];
    case ApiError::Quota:
        return kApiErrorNames[1];
    case ApiError::Forbidden:
        return kApiErrorNames[2];
    case ApiError::Error:
        return kApiErrorNames[3];
    case ApiError::NamespaceTerminating:
        return kApiErrorNames[4];
    }
    return kApiErrorNames[0];
}

std::optional<ReconcileState> parseReconcileState(const std::string& text,
                                                  const std::string& fileName,
                                                  Diagnostics& diagnostics,
                                                  const ReconcileStateLimits& limits) {
    const int errorsBefore = diagnostics.errorCount();
    YamlReader reader(fileName, diagnostics);
    if (!rejectBinary(text, reader))
        return std::nullopt;
    std::vector<YAML::Node> documents;
    if (!loadYamlDocuments(text, fileName, documents, diagnostics))
        return std::nullopt;

    // A trailing "---" leaves an empty document behind; only documents with content count.
    std::vector<YAML::Node> present;
    for (const auto& d : documents)
        if (d.IsDefined() && !d.IsNull())
            present.push_back(d);
    if (present.empty()) {
        reader.error(SourcePosition{1, 1},
                     JOBSCOPE_TR_NOOP(
                         "jobscope::engine",
                         "empty state file: expected a mapping with the keys job, now and pods"));
        return std::nullopt;
    }
    if (present.size() > 1) {
        reader.error(present[1], JOBSCOPE_TR_NOOP(
                                     "jobscope::engine",
                                     "a state file holds one YAML document; this is a second one"));
        return std::nullopt;
    }
    const YAML::Node& root = present.front();
    if (!root.IsMap()) {
        SourcePosition at = positionOf(root);
        if (!at.known())
            at = SourcePosition{1, 1};
        reader.error(
            at, JOBSCOPE_TR_NOOP("jobscope::engine",
                                 "a state file is a mapping with the keys job, now and pods (and "
                                 "optionally expectations, backoff, apiErrors, featureGates, "
                                 "kubernetesVersion)"));
        return std::nullopt;
    }

    ReconcileState state;
    try {
        StateReader(reader, state, limits).read(root);
    } catch (const YAML::Exception& e) {
        // yaml-cpp throws on some malformed node access; report rather than crash.
        SourcePosition at{1, 1};
        if (!e.mark.is_null() && e.mark.line >= 0)
            at = SourcePosition{e.mark.line + 1, e.mark.column + 1};
        reader.error(at, Message(JOBSCOPE_TR_NOOP("jobscope::engine", "cannot read the state: %1"),
                                 {e.msg}));
    }
    if (diagnostics.errorCount() != errorsBefore)
        return std::nullopt;
    return state;
}

std::optional<ReconcileState> readReconcileStateFile(const std::string& path,
                                                     Diagnostics& diagnostics) {
    std::string text;
    if (!readTextFile(path, text, diagnostics))
        return std::nullopt;
    return parseReconcileState(text, path, diagnostics);
}

} // namespace jobscope
