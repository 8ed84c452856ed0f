// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/validation.h"

#include "go_quote.h"

#include "reconcile/indexes.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace jobscope {

namespace {

// Upstream constants (pkg/apis/batch/validation/validation.go).
constexpr int32_t kMaxParallelismForIndexedJob = 100000;
constexpr int32_t kMaxFailedIndexesForIndexedJob = 100000;
constexpr int32_t kCompletionsSoftLimit = 100000;
constexpr int32_t kParallelismLimitForHighCompletions = 10000;
constexpr int32_t kMaxFailedIndexesLimitForHighCompletions = 10000;
constexpr size_t kMaxPodFailurePolicyRules = 20;
constexpr size_t kMaxPodFailurePolicyOnExitCodesValues = 255;
constexpr size_t kMaxPodFailurePolicyOnPodConditionsPatterns = 20;
constexpr size_t kMaxManagedByLength = 63;
constexpr size_t kMaxJobSuccessPolicySucceededIndexesLimit = 64 * 1024;
constexpr size_t kMaxSuccessPolicyRule = 20;

// apimachinery pkg/util/validation constants.
constexpr size_t kDNS1123LabelMaxLength = 63;
constexpr size_t kDNS1123SubdomainMaxLength = 253;
constexpr size_t kQualifiedNameMaxLength = 63;
constexpr size_t kLabelValueMaxLength = 63;
// apimachinery pkg/api/validation TotalAnnotationSizeLimitB: 256 KiB.
constexpr std::uint64_t kTotalAnnotationSizeLimitBytes = 256 * 1024;

constexpr const char* kNegativeErrorMsg =
    JOBSCOPE_TR_NOOP("jobscope::engine", "must be greater than or equal to 0");

// Batch label keys (pkg/apis/batch/types.go).
constexpr const char* kLegacyControllerUidLabel = "controller-uid";
constexpr const char* kLegacyJobNameLabel = "job-name";
constexpr const char* kControllerUidLabel = "batch.kubernetes.io/controller-uid";
constexpr const char* kJobNameLabel = "batch.kubernetes.io/job-name";

using Labels = std::map<std::string, std::string>;

// ---- apimachinery field.Error rendering (field/errors.go ErrorBody) ----

class Errors {
public:
    std::vector<FieldError> list;

    // Invalid with a value already rendered as Go prints it.
    // A detail given as a string literal is a template the app translates (message.h); one
    // built at run time stays English.
    void invalid(const std::string& path, const std::string& value, Message detail) {
        add(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"), value, std::move(detail));
    }
    // Invalid with field.OmitValueType{}: no value is printed.
    void invalidOmitValue(const std::string& path, Message detail) {
        add(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"), std::nullopt,
            std::move(detail));
    }
    void required(const std::string& path, Message detail) {
        add(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Required value"), std::nullopt,
            std::move(detail));
    }
    void notSupported(const std::string& path, const std::string& value,
                      std::initializer_list<const char*> validValues) {
        std::string values;
        for (const char* v : validValues)
            values += (values.empty() ? "" : ", ") + validation::quote(v);
        add(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Unsupported value"), value,
            Message(JOBSCOPE_TR_NOOP("jobscope::engine", "supported values: %1"), {values}));
    }
    void duplicate(const std::string& path, const std::string& value) {
        add(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Duplicate value"), value, std::string());
    }
    void tooMany(const std::string& path, size_t actual, size_t max) {
        add(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Too many"), std::to_string(actual),
            Message(JOBSCOPE_TR_NOOP("jobscope::engine", "must have at most %1 items"),
                    {std::to_string(max)}));
    }
    // TooLong prints no value; the detail differs between field.TooLong and
    // field.TooLongMaxLength, so the caller gives it.
    void tooLong(const std::string& path, Message detail) {
        add(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Too long"), std::nullopt,
            std::move(detail));
    }
    void append(const std::vector<FieldError>& more) {
        list.insert(list.end(), more.begin(), more.end());
    }

private:
    void add(const std::string& path, const char* type, const std::optional<std::string>& value,
             Message detail) {
        std::string detailText = detail.text();
        Message source = fieldError(path, type, value, std::move(detail));
        std::string message = source.text();
        list.push_back(
            FieldError{path, std::move(message), type, std::move(detailText), std::move(source)});
    }
};

std::string str(const std::string& s) {
    return validation::quote(s);
}
std::string num(int64_t v) {
    return std::to_string(v);
}

// Go's %#v of a map[string]string (keys sorted, as fmt prints maps); nil when empty, because a
// field absent from the manifest decodes to a nil map.
std::string goMap(const Labels& labels) {
    if (labels.empty())
        return "map[string]string(nil)";
    std::string out = "map[string]string{";
    bool first = true;
    for (const auto& [k, v] : labels) {
        if (!first)
            out += ", ";
        first = false;
        out += str(k) + ":" + str(v);
    }
    return out + "}";
}

Labels toLabels(const std::vector<std::pair<std::string, std::string>>& pairs) {
    Labels labels;
    for (const auto& [k, v] : pairs)
        labels[k] = v;
    return labels;
}

// %#v of a dereferenced *metav1.LabelSelector (only matchLabels is modelled).
std::string goLabelSelector(const LabelSelector& selector) {
    return "v1.LabelSelector{MatchLabels:" + goMap(toLabels(selector.matchLabels)) +
           ", MatchExpressions:[]v1.LabelSelectorRequirement(nil)}";
}

std::string goInt32Slice(const std::vector<int32_t>& values) {
    std::string out = "[]int32{";
    for (size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + std::to_string(values[i]);
    return out + "}";
}

// %#v of batch.SuccessPolicy. Go prints the addresses of the rule's pointer fields; an address
// means nothing to a reader of a manifest, so the pointed-to value is shown in its place.
std::string goSuccessPolicy(const SuccessPolicy& policy) {
    std::string out = "batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{";
    for (size_t i = 0; i < policy.rules.size(); ++i) {
        const auto& rule = policy.rules[i];
        if (i)
            out += ", ";
        out += "batch.SuccessPolicyRule{SucceededIndexes:";
        out += rule.succeededIndexes ? "(*string)(" + str(*rule.succeededIndexes) + ")"
                                     : std::string("(*string)(nil)");
        out += ", SucceededCount:";
        out += rule.succeededCount ? "(*int32)(" + num(*rule.succeededCount) + ")"
                                   : std::string("(*int32)(nil)");
        out += "}";
    }
    return out + "}}";
}

// ---- apimachinery pkg/util/validation name checks ----

bool isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool isAlnum(char c) {
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool matchesDNS1123Label(std::string_view s) {
    if (s.empty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return isLowerAlnum(c) || c == '-'; });
}

// label(\.label)*
bool matchesDNS1123Subdomain(std::string_view s) {
    size_t start = 0;
    while (true) {
        const size_t dot = s.find('.', start);
        if (!matchesDNS1123Label(
                s.substr(start, dot == std::string_view::npos ? dot : dot - start)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool matchesQualifiedNamePart(std::string_view s) {
    if (s.empty() || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return isAlnum(c) || c == '-' || c == '_' || c == '.'; });
}

// [A-Za-z0-9/\-._~%!$&'()*+,;=:]+
bool matchesHttpPath(std::string_view s) {
    if (s.empty())
        return false;
    const std::string_view extra = "/-._~%!$&'()*+,;=:";
    return std::all_of(s.begin(), s.end(), [&](char c) {
        return isAlnum(c) || extra.find(c) != std::string_view::npos;
    });
}

std::string maxLenError(size_t length) {
    return "must be no more than " + std::to_string(length) + " characters";
}

// RegexError: msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')
std::string regexError(const std::string& msg, const std::string& fmt,
                       std::initializer_list<const char*> examples) {
    if (examples.size() == 0)
        return msg + " (regex used for validation is '" + fmt + "')";
    std::string out = msg + " (e.g. ";
    bool first = true;
    for (const char* e : examples) {
        if (!first)
            out += " or ";
        first = false;
        out += std::string("'") + e + "', ";
    }
    return out + "regex used for validation is '" + fmt + "')";
}

constexpr const char* kDNS1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
constexpr const char* kDNS1123SubdomainFmt =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
constexpr const char* kQualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
constexpr const char* kQualifiedNameErrMsg =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character";
constexpr const char* kHttpPathFmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";

// ---- core validation helpers ----

void validateNonnegative(Errors& errs, int64_t value, const std::string& path) {
    if (value < 0)
        errs.invalid(path, num(value), kNegativeErrorMsg);
}

// ValidateLabels: every error is reported at the labels field itself.
void validateLabels(Errors& errs, const Labels& labels, const std::string& path) {
    for (const auto& [k, v] : labels) {
        for (const auto& msg : validation::isQualifiedName(k))
            errs.invalid(path, str(k), msg);
        for (const auto& msg : validation::isValidLabelValue(v))
            errs.invalid(path, str(v), msg);
    }
}

// ValidateAnnotations (apimachinery api/validation/objectmeta.go): keys are qualified names
// whatever their case, and keys plus values hold at most TotalAnnotationSizeLimitB bytes.
void validateAnnotations(Errors& errs, const std::map<std::string, std::string>& annotations,
                         const std::string& path) {
    std::uint64_t totalSize = 0;
    for (const auto& [k, v] : annotations) {
        std::string lower = k;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        for (const auto& msg : validation::isQualifiedName(lower))
            errs.invalid(path, str(k), msg);
        totalSize += k.size() + v.size();
    }
    if (totalSize > kTotalAnnotationSizeLimitBytes)
        errs.tooLong(path,
                     Message(JOBSCOPE_TR_NOOP("jobscope::engine", "must have at most %1 bytes"),
                             {std::to_string(kTotalAnnotationSizeLimitBytes)}));
}

// NameIsDNSSubdomain; with prefix (generateName) a trailing '-' is allowed (maskTrailingDash).
std::vector<std::string> nameIsDNSSubdomain(std::string name, bool prefix) {
    if (prefix && name.size() > 1 && name.back() == '-')
        name.back() = 'a';
    return validation::isDNS1123Subdomain(name);
}

// ValidateObjectMeta with ValidateReplicationControllerName and a required namespace.
void validateObjectMeta(Errors& errs, const ObjectMeta& meta) {
    if (!meta.generateName.empty())
        for (const auto& msg : nameIsDNSSubdomain(meta.generateName, true))
            errs.invalid("metadata.generateName", str(meta.generateName), msg);
    if (meta.name.empty()) {
        errs.required("metadata.name",
                      JOBSCOPE_TR_NOOP("jobscope::engine", "name or generateName is required"));
    } else {
        for (const auto& msg : nameIsDNSSubdomain(meta.name, false))
            errs.invalid("metadata.name", str(meta.name), msg);
    }
    if (meta.namespace_.empty()) {
        errs.required("metadata.namespace", "");
    } else {
        for (const auto& msg : validation::isDNS1123Label(meta.namespace_))
            errs.invalid("metadata.namespace", str(meta.namespace_), msg);
    }
    validateNonnegative(errs, meta.generation, "metadata.generation");
    validateLabels(errs, meta.labels, "metadata.labels");
    validateAnnotations(errs, meta.annotations, "metadata.annotations");
}

// A matchLabels selector matches a label set holding every one of its pairs. No selector at
// all is labels.Nothing() (matches nothing), an empty one labels.Everything().
bool selectorMatches(const LabelSelector& selector, const Labels& labels) {
    if (!selector.present)
        return false;
    for (const auto& [k, v] : selector.matchLabels) {
        auto it = labels.find(k);
        if (it == labels.end() || it->second != v)
            return false;
    }
    return true;
}

// ValidateHasLabel.
void validateHasLabel(Errors& errs, const Labels& labels, const std::string& key,
                      const std::string& expected) {
    const std::string path = "spec.template.metadata.labels[" + key + "]";
    auto it = labels.find(key);
    if (it == labels.end())
        errs.required(path, "must be '" + expected + "'");
    else if (it->second != expected)
        errs.invalid(path, goMap(labels), "must be '" + expected + "'");
}

// validateGeneratedSelector(job, validateBatchLabels=true).
void validateGeneratedSelector(Errors& errs, const Job& job) {
    if (job.spec.manualSelector.value_or(false) || !job.spec.selector.present)
        return;
    const std::string& uid = job.metadata.uid;
    const std::string& name = job.metadata.name;
    if (uid.empty())
        errs.required("metadata.uid", "");
    const Labels& labels = job.spec.templ.metadata.labels;
    validateHasLabel(errs, labels, kLegacyControllerUidLabel, uid);
    validateHasLabel(errs, labels, kLegacyJobNameLabel, name);
    validateHasLabel(errs, labels, kControllerUidLabel, uid);
    validateHasLabel(errs, labels, kJobNameLabel, name);
    const Labels expected{{kControllerUidLabel, uid},
                          {kJobNameLabel, name},
                          {kLegacyControllerUidLabel, uid},
                          {kLegacyJobNameLabel, name}};
    if (!selectorMatches(job.spec.selector, expected))
        errs.invalid("spec.selector", goLabelSelector(job.spec.selector),
                     JOBSCOPE_TR_NOOP("jobscope::engine", "`selector` not auto-generated"));
}

// IsDomainPrefixedPath.
void validateDomainPrefixedPath(Errors& errs, const std::string& path, const std::string& value) {
    if (value.empty()) {
        errs.required(path, "");
        return;
    }
    const size_t slash = value.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == value.size()) {
        errs.invalid(path, str(value),
                     JOBSCOPE_TR_NOOP("jobscope::engine",
                                      "must be a domain-prefixed path (such as \"acme.io/foo\")"));
        return;
    }
    const std::string host = value.substr(0, slash);
    for (const auto& msg : validation::isDNS1123Subdomain(host))
        errs.invalid(path, str(host), msg);
    const std::string rest = value.substr(slash + 1);
    if (!matchesHttpPath(rest))
        errs.invalid(path, str(rest), regexError("Invalid path", kHttpPathFmt, {}));
}

// validateContainers / validateInitContainers, reduced to what the Job uses: names.
void validateContainerNames(Errors& errs, const std::vector<ContainerSpec>& containers,
                            const std::string& path, std::set<std::string>& allNames) {
    for (size_t i = 0; i < containers.size(); ++i) {
        const std::string namePath = path + "[" + std::to_string(i) + "].name";
        const std::string& name = containers[i].name;
        if (name.empty()) {
            errs.required(namePath, "");
        } else {
            for (const auto& msg : validation::isDNS1123Label(name))
                errs.invalid(namePath, str(name), msg);
        }
        if (!allNames.insert(name).second)
            errs.duplicate(namePath, str(name));
    }
}

// ValidatePodTemplateSpec, the part in scope: container names and core's restartPolicy check.
// An unset restartPolicy is defaulted to Always by the Pod defaults before core validation, so
// it gets no core error here (the Job's own rule reports it).
void validatePodTemplate(Errors& errs, const PodTemplate& templ) {
    std::set<std::string> allNames;
    if (templ.containers.empty())
        errs.required("spec.template.spec.containers", "");
    validateContainerNames(errs, templ.containers, "spec.template.spec.containers", allNames);
    validateContainerNames(errs, templ.initContainers, "spec.template.spec.initContainers",
                           allNames);
    const std::string& policy = templ.restartPolicy;
    if (!policy.empty() && policy != restart_policy::Always &&
        policy != restart_policy::OnFailure && policy != restart_policy::Never)
        errs.notSupported("spec.template.spec.restartPolicy", str(policy),
                          {"Always", "OnFailure", "Never"});
}

void validatePodFailurePolicyRuleOnExitCodes(Errors& errs,
                                             const PodFailurePolicyOnExitCodesRequirement& req,
                                             const std::string& path,
                                             const std::set<std::string>& containerNames) {
    const std::string operatorPath = path + ".operator";
    if (req.operator_.empty())
        errs.required(operatorPath,
                      JOBSCOPE_TR_NOOP("jobscope::engine", "valid values: [\"In\" \"NotIn\"]"));
    else if (req.operator_ != "In" && req.operator_ != "NotIn")
        errs.notSupported(operatorPath, str(req.operator_), {"In", "NotIn"});
    if (req.containerName && !containerNames.count(*req.containerName))
        errs.invalid(
            path + ".containerName", str(*req.containerName),
            JOBSCOPE_TR_NOOP(
                "jobscope::engine",
                "must be one of the container or initContainer names in the pod template"));
    const std::string valuesPath = path + ".values";
    if (req.values.empty())
        errs.invalid(valuesPath, goInt32Slice(req.values),
                     JOBSCOPE_TR_NOOP("jobscope::engine", "at least one value is required"));
    else if (req.values.size() > kMaxPodFailurePolicyOnExitCodesValues)
        errs.tooMany(valuesPath, req.values.size(), kMaxPodFailurePolicyOnExitCodesValues);
    bool ordered = true;
    std::set<int32_t> unique;
    for (size_t j = 0; j < req.values.size(); ++j) {
        const std::string valuePath = valuesPath + "[" + std::to_string(j) + "]";
        const int32_t value = req.values[j];
        if (req.operator_ == "In" && value == 0)
            errs.invalid(valuePath, num(value),
                         JOBSCOPE_TR_NOOP("jobscope::engine", "must not be 0 for the In operator"));
        if (!unique.insert(value).second)
            errs.duplicate(valuePath, num(value));
        if (j > 0 && req.values[j - 1] > value)
            ordered = false;
    }
    if (!ordered)
        errs.invalid(valuesPath, goInt32Slice(req.values),
                     JOBSCOPE_TR_NOOP("jobscope::engine", "must be ordered"));
}

void validatePodFailurePolicyRuleOnPodConditions(
    Errors& errs, const std::vector<PodFailurePolicyOnPodConditionsPattern>& patterns,
    const std::string& path) {
    if (patterns.size() > kMaxPodFailurePolicyOnPodConditionsPatterns)
        errs.tooMany(path, patterns.size(), kMaxPodFailurePolicyOnPodConditionsPatterns);
    for (size_t j = 0; j < patterns.size(); ++j) {
        const std::string patternPath = path + "[" + std::to_string(j) + "]";
        const auto& pattern = patterns[j];
        for (const auto& msg : validation::isQualifiedName(pattern.type))
            errs.invalid(patternPath + ".type", str(pattern.type), msg);
        const std::string statusPath = patternPath + ".status";
        if (pattern.status.empty())
            errs.required(statusPath,
                          JOBSCOPE_TR_NOOP("jobscope::engine",
                                           "valid values: [\"False\" \"True\" \"Unknown\"]"));
        else if (pattern.status != "False" && pattern.status != "True" &&
                 pattern.status != "Unknown")
            errs.notSupported(statusPath, str(pattern.status), {"False", "True", "Unknown"});
    }
}

void validatePodFailurePolicyRule(Errors& errs, const JobSpec& spec,
                                  const PodFailurePolicyRule& rule, const std::string& path,
                                  const std::set<std::string>& containerNames) {
    const std::string actionPath = path + ".action";
    if (rule.action.empty()) {
        errs.required(
            actionPath,
            JOBSCOPE_TR_NOOP("jobscope::engine",
                             "valid values: [\"Count\" \"FailIndex\" \"FailJob\" \"Ignore\"]"));
    } else if (rule.action == pod_failure_policy_action::FailIndex) {
        if (!spec.backoffLimitPerIndex)
            errs.invalid(actionPath, str(rule.action),
                         JOBSCOPE_TR_NOOP("jobscope::engine",
                                          "requires the backoffLimitPerIndex to be set"));
    } else if (rule.action != pod_failure_policy_action::Count &&
               rule.action != pod_failure_policy_action::FailJob &&
               rule.action != pod_failure_policy_action::Ignore) {
        errs.notSupported(actionPath, str(rule.action),
                          {"Count", "FailIndex", "FailJob", "Ignore"});
    }
    if (rule.onExitCodes)
        validatePodFailurePolicyRuleOnExitCodes(errs, *rule.onExitCodes, path + ".onExitCodes",
                                                containerNames);
    if (!rule.onPodConditions.empty())
        validatePodFailurePolicyRuleOnPodConditions(errs, rule.onPodConditions,
                                                    path + ".onPodConditions");
    if (rule.onExitCodes && !rule.onPodConditions.empty())
        errs.invalidOmitValue(
            path,
            JOBSCOPE_TR_NOOP("jobscope::engine",
                             "specifying both OnExitCodes and OnPodConditions is not supported"));
    if (!rule.onExitCodes && rule.onPodConditions.empty())
        errs.invalidOmitValue(
            path,
            JOBSCOPE_TR_NOOP("jobscope::engine",
                             "specifying one of OnExitCodes and OnPodConditions is required"));
}

void validatePodFailurePolicy(Errors& errs, const JobSpec& spec) {
    const std::string rulesPath = "spec.podFailurePolicy.rules";
    const auto& rules = spec.podFailurePolicy->rules;
    if (rules.size() > kMaxPodFailurePolicyRules)
        errs.tooMany(rulesPath, rules.size(), kMaxPodFailurePolicyRules);
    std::set<std::string> containerNames;
    for (const auto& c : spec.templ.containers)
        containerNames.insert(c.name);
    for (const auto& c : spec.templ.initContainers)
        containerNames.insert(c.name);
    for (size_t i = 0; i < rules.size(); ++i)
        validatePodFailurePolicyRule(errs, spec, rules[i],
                                     rulesPath + "[" + std::to_string(i) + "]", containerNames);
}

void validateSuccessPolicyRule(Errors& errs, const JobSpec& spec, const SuccessPolicyRule& rule,
                               const std::string& path) {
    if (!rule.succeededCount && !rule.succeededIndexes)
        errs.required(path,
                      JOBSCOPE_TR_NOOP(
                          "jobscope::engine",
                          "at least one of succeededCount or succeededIndexes must be specified"));
    // Upstream dereferences spec.completions here; an Indexed Job without completions has
    // already been reported, so the checks that need it are skipped instead of crashing.
    int32_t totalIndexes = 0;
    if (rule.succeededIndexes) {
        const std::string indexesPath = path + ".succeededIndexes";
        if (rule.succeededIndexes->size() > kMaxJobSuccessPolicySucceededIndexesLimit)
            errs.tooLong(indexesPath,
                         "must have at most " +
                             std::to_string(kMaxJobSuccessPolicySucceededIndexesLimit) + " bytes");
        if (spec.completions) {
            const IndexesFormatResult parsed =
                validateIndexesFormat(*rule.succeededIndexes, *spec.completions);
            if (parsed.error)
                errs.invalid(indexesPath, str(*rule.succeededIndexes),
                             "error parsing succeededIndexes: " + *parsed.error);
            else
                totalIndexes = parsed.total;
        }
    }
    if (rule.succeededCount) {
        const std::string countPath = path + ".succeededCount";
        const int32_t count = *rule.succeededCount;
        validateNonnegative(errs, count, countPath);
        if (spec.completions && count > *spec.completions)
            errs.invalid(countPath, num(count),
                         "must be less than or equal to " + num(*spec.completions) +
                             " (the number of specified completions)");
        if (spec.completions && rule.succeededIndexes && count > totalIndexes)
            errs.invalid(countPath, num(count),
                         "must be less than or equal to " + num(totalIndexes) +
                             " (the number of indexes in the specified succeededIndexes field)");
    }
}

void validateSuccessPolicy(Errors& errs, const JobSpec& spec) {
    const std::string rulesPath = "spec.successPolicy.rules";
    const auto& rules = spec.successPolicy->rules;
    if (rules.empty())
        errs.required(
            rulesPath,
            JOBSCOPE_TR_NOOP("jobscope::engine",
                             "at least one rules must be specified when the successPolicy is "
                             "specified"));
    if (rules.size() > kMaxSuccessPolicyRule)
        errs.tooMany(rulesPath, rules.size(), kMaxSuccessPolicyRule);
    for (size_t i = 0; i < rules.size(); ++i)
        validateSuccessPolicyRule(errs, spec, rules[i], rulesPath + "[" + std::to_string(i) + "]");
}

void validatePodReplacementPolicy(Errors& errs, const JobSpec& spec) {
    if (!spec.podReplacementPolicy)
        return;
    const std::string& value = *spec.podReplacementPolicy;
    const std::string path = "spec.podReplacementPolicy";
    if (spec.podFailurePolicy) {
        // With a pod failure policy only Failed is allowed.
        if (value != pod_replacement_policy::Failed)
            errs.notSupported(path, str(value), {"Failed"});
    } else if (value != pod_replacement_policy::Failed &&
               value != pod_replacement_policy::TerminatingOrFailed) {
        errs.notSupported(path, str(value), {"Failed", "TerminatingOrFailed"});
    }
}

// validateJobSpec, in upstream's order.
void validateJobSpecFields(Errors& errs, const JobSpec& spec) {
    if (spec.parallelism)
        validateNonnegative(errs, *spec.parallelism, "spec.parallelism");
    if (spec.completions)
        validateNonnegative(errs, *spec.completions, "spec.completions");
    if (spec.activeDeadlineSeconds)
        validateNonnegative(errs, *spec.activeDeadlineSeconds, "spec.activeDeadlineSeconds");
    if (spec.backoffLimit)
        validateNonnegative(errs, *spec.backoffLimit, "spec.backoffLimit");
    if (spec.ttlSecondsAfterFinished)
        validateNonnegative(errs, *spec.ttlSecondsAfterFinished, "spec.ttlSecondsAfterFinished");
    if (spec.backoffLimitPerIndex)
        validateNonnegative(errs, *spec.backoffLimitPerIndex, "spec.backoffLimitPerIndex");
    if (spec.maxFailedIndexes) {
        validateNonnegative(errs, *spec.maxFailedIndexes, "spec.maxFailedIndexes");
        if (!spec.backoffLimitPerIndex)
            errs.required(
                "spec.backoffLimitPerIndex",
                JOBSCOPE_TR_NOOP("jobscope::engine", "when maxFailedIndexes is specified"));
    }
    if (spec.managedBy) {
        validateDomainPrefixedPath(errs, "spec.managedBy", *spec.managedBy);
        if (spec.managedBy->size() > kMaxManagedByLength)
            errs.tooLong("spec.managedBy",
                         "may not be longer than " + std::to_string(kMaxManagedByLength));
    }
    if (spec.completionMode) {
        const std::string& mode = *spec.completionMode;
        if (mode != completion_mode::NonIndexed && mode != completion_mode::Indexed)
            errs.notSupported("spec.completionMode", str(mode), {"NonIndexed", "Indexed"});
        if (mode == completion_mode::Indexed) {
            if (!spec.completions)
                errs.required(
                    "spec.completions",
                    JOBSCOPE_TR_NOOP("jobscope::engine", "when completion mode is Indexed"));
            if (spec.parallelism && *spec.parallelism > kMaxParallelismForIndexedJob)
                errs.invalid("spec.parallelism", num(*spec.parallelism),
                             "must be less than or equal to " + num(kMaxParallelismForIndexedJob) +
                                 " when completion mode is Indexed");
            if (spec.completions && spec.maxFailedIndexes &&
                *spec.maxFailedIndexes > *spec.completions)
                errs.invalid("spec.maxFailedIndexes", num(*spec.maxFailedIndexes),
                             JOBSCOPE_TR_NOOP("jobscope::engine",
                                              "must be less than or equal to completions"));
            if (spec.maxFailedIndexes && *spec.maxFailedIndexes > kMaxFailedIndexesForIndexedJob)
                errs.invalid("spec.maxFailedIndexes", num(*spec.maxFailedIndexes),
                             "must be less than or equal to " +
                                 num(kMaxFailedIndexesForIndexedJob));
            if (spec.completions && *spec.completions > kCompletionsSoftLimit &&
                spec.backoffLimitPerIndex) {
                const std::string suffix = " when completions are above " +
                                           num(kCompletionsSoftLimit) +
                                           " and used with backoff limit per index";
                if (!spec.maxFailedIndexes)
                    errs.required("spec.maxFailedIndexes",
                                  "must be specified when completions is above " +
                                      num(kCompletionsSoftLimit));
                if (spec.parallelism && *spec.parallelism > kParallelismLimitForHighCompletions)
                    errs.invalid("spec.parallelism", num(*spec.parallelism),
                                 "must be less than or equal to " +
                                     num(kParallelismLimitForHighCompletions) + suffix);
                if (spec.maxFailedIndexes &&
                    *spec.maxFailedIndexes > kMaxFailedIndexesLimitForHighCompletions)
                    errs.invalid("spec.maxFailedIndexes", num(*spec.maxFailedIndexes),
                                 "must be less than or equal to " +
                                     num(kMaxFailedIndexesLimitForHighCompletions) + suffix);
            }
        }
    }
    if (!spec.completionMode || *spec.completionMode == completion_mode::NonIndexed) {
        if (spec.backoffLimitPerIndex)
            errs.invalid("spec.backoffLimitPerIndex", num(*spec.backoffLimitPerIndex),
                         JOBSCOPE_TR_NOOP("jobscope::engine", "requires indexed completion mode"));
        if (spec.maxFailedIndexes)
            errs.invalid("spec.maxFailedIndexes", num(*spec.maxFailedIndexes),
                         JOBSCOPE_TR_NOOP("jobscope::engine", "requires indexed completion mode"));
    }
    if (spec.podFailurePolicy)
        validatePodFailurePolicy(errs, spec);
    if (spec.successPolicy) {
        if (!spec.isIndexed())
            errs.invalid("spec.successPolicy", goSuccessPolicy(*spec.successPolicy),
                         JOBSCOPE_TR_NOOP("jobscope::engine", "requires indexed completion mode"));
        else
            validateSuccessPolicy(errs, spec);
    }
    validatePodReplacementPolicy(errs, spec);
    validatePodTemplate(errs, spec.templ);

    // An unset restartPolicy becomes Always through the Pod defaults, so both are "Required".
    const std::string& policy = spec.templ.restartPolicy;
    const std::string policyPath = "spec.template.spec.restartPolicy";
    if (policy.empty() || policy == restart_policy::Always)
        errs.required(policyPath, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                   "valid values: \"OnFailure\", \"Never\""));
    else if (policy != restart_policy::OnFailure && policy != restart_policy::Never)
        errs.notSupported(policyPath, str(policy), {"OnFailure", "Never"});
    else if (spec.podFailurePolicy && policy != restart_policy::Never)
        errs.invalid(
            policyPath, str(policy),
            JOBSCOPE_TR_NOOP("jobscope::engine",
                             "only \"Never\" is supported when podFailurePolicy is specified"));
}

// ValidateJobSpec: the fields, then the selector and whether it selects the template.
void validateJobSpec(Errors& errs, const JobSpec& spec) {
    validateJobSpecFields(errs, spec);
    if (!spec.selector.present)
        errs.required("spec.selector", "");
    else
        validateLabels(errs, toLabels(spec.selector.matchLabels), "spec.selector.matchLabels");
    const Labels& templateLabels = spec.templ.metadata.labels;
    if (!selectorMatches(spec.selector, templateLabels))
        errs.invalid(
            "spec.template.metadata.labels", goMap(templateLabels),
            JOBSCOPE_TR_NOOP("jobscope::engine", "`selector` does not match template `labels`"));
}

} // namespace

namespace validation {

std::string quote(const std::string& value) {
    return goQuote(value);
}

std::vector<std::string> isDNS1123Label(const std::string& value) {
    std::vector<std::string> errs;
    if (value.size() > kDNS1123LabelMaxLength)
        errs.push_back(maxLenError(kDNS1123LabelMaxLength));
    if (!matchesDNS1123Label(value)) {
        // A valid subdomain that is not a valid label can only have dots in it.
        if (matchesDNS1123Subdomain(value))
            errs.push_back("must not contain dots");
        else
            errs.push_back(regexError("a lowercase RFC 1123 label must consist of lower case "
                                      "alphanumeric characters or '-', and must start and end "
                                      "with an alphanumeric character",
                                      kDNS1123LabelFmt, {"my-name", "123-abc"}));
    }
    return errs;
}

std::vector<std::string> isDNS1123Subdomain(const std::string& value) {
    std::vector<std::string> errs;
    if (value.size() > kDNS1123SubdomainMaxLength)
        errs.push_back(maxLenError(kDNS1123SubdomainMaxLength));
    if (!matchesDNS1123Subdomain(value))
        errs.push_back(regexError("a lowercase RFC 1123 subdomain must consist of lower case "
                                  "alphanumeric characters, '-' or '.', and must start and end "
                                  "with an alphanumeric character",
                                  kDNS1123SubdomainFmt, {"example.com"}));
    return errs;
}

std::vector<std::string> isQualifiedName(const std::string& value) {
    std::vector<std::string> errs;
    std::string name;
    const size_t slashes = static_cast<size_t>(std::count(value.begin(), value.end(), '/'));
    if (slashes == 0) {
        name = value;
    } else if (slashes == 1) {
        const size_t slash = value.find('/');
        const std::string prefix = value.substr(0, slash);
        name = value.substr(slash + 1);
        if (prefix.empty())
            errs.push_back("prefix part must be non-empty");
        else
            for (const auto& msg : isDNS1123Subdomain(prefix))
                errs.push_back("prefix part " + msg);
    } else {
        errs.push_back(
            "a qualified name " +
            regexError(kQualifiedNameErrMsg, kQualifiedNameFmt, {"MyName", "my.name", "123-abc"}) +
            " with an optional DNS subdomain prefix and '/' (e.g. "
            "'example.com/MyName')");
        return errs;
    }
    if (name.empty())
        errs.push_back("name part must be non-empty");
    else if (name.size() > kQualifiedNameMaxLength)
        errs.push_back("name part " + maxLenError(kQualifiedNameMaxLength));
    if (!matchesQualifiedNamePart(name))
        errs.push_back("name part " + regexError(kQualifiedNameErrMsg, kQualifiedNameFmt,
                                                 {"MyName", "my.name", "123-abc"}));
    return errs;
}

std::vector<std::string> isValidLabelValue(const std::string& value) {
    std::vector<std::string> errs;
    if (value.size() > kLabelValueMaxLength)
        errs.push_back(maxLenError(kLabelValueMaxLength));
    if (!value.empty() && !matchesQualifiedNamePart(value))
        errs.push_back(regexError("a valid label must be an empty string or consist of "
                                  "alphanumeric characters, '-', '_' or '.', and must start and "
                                  "end with an alphanumeric character",
                                  std::string("(") + kQualifiedNameFmt + ")?",
                                  {"MyValue", "my_value", "12345"}));
    return errs;
}

} // namespace validation

std::vector<FieldError> validateJob(const Job& job) {
    Errors errs;
    validateObjectMeta(errs, job.metadata);
    validateGeneratedSelector(errs, job);
    validateJobSpec(errs, job.spec);
    // The Pod hostname of the last index, "<name>-<completions-1>", must be a DNS label.
    if (job.spec.isIndexed() && job.spec.completions && *job.spec.completions > 0) {
        const std::string hostname =
            job.metadata.name + "-" + std::to_string(*job.spec.completions - 1);
        if (!validation::isDNS1123Label(hostname).empty())
            errs.invalid("metadata.name", str(job.metadata.name),
                         "will not able to create pod with invalid DNS label: " + hostname);
    }
    return errs.list;
}

} // namespace jobscope
