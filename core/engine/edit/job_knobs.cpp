// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit/job_knobs.h"

#include "scenario/scenario_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace jobscope::edit {

namespace {

struct KnobInfo {
    Knob knob;
    const char* key;
};

constexpr KnobInfo kKnobs[] = {
    {Knob::Parallelism, "parallelism"},
    {Knob::Completions, "completions"},
    {Knob::CompletionMode, "completionMode"},
    {Knob::BackoffLimit, "backoffLimit"},
    {Knob::PodReplacementPolicy, "podReplacementPolicy"},
    {Knob::FailureRate, "failureRate"},
    {Knob::QuotaPods, "quotaPods"},
    {Knob::PodDuration, "podDuration"},
    {Knob::KubernetesVersion, "kubernetesVersion"},
    {Knob::GateBackoffLimitPerIndex, "JobBackoffLimitPerIndex"},
    {Knob::GateManagedBy, "JobManagedBy"},
    {Knob::GatePodReplacementPolicy, "JobPodReplacementPolicy"},
    {Knob::GateSuccessPolicy, "JobSuccessPolicy"},
};

bool isSpecKnob(Knob knob) {
    return knob == Knob::Parallelism || knob == Knob::Completions || knob == Knob::CompletionMode ||
           knob == Knob::BackoffLimit || knob == Knob::PodReplacementPolicy;
}

YamlPath joined(YamlPath path, const std::string& key) {
    path.push_back(key);
    return path;
}

std::string pathText(const YamlPath& path) {
    std::string out;
    for (const std::string& step : path)
        out += (out.empty() ? "" : ".") + step;
    return out;
}

// A whole number 0..2^31-1 as a Job field takes it.
std::optional<double> count(const std::string& text) {
    int64_t value = 0;
    const char* begin = text.data() + (!text.empty() && text.front() == '+' ? 1 : 0);
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || begin == end || value < 0 || value > INT32_MAX)
        return std::nullopt;
    return static_cast<double>(value);
}

std::optional<double> probability(const std::string& text) {
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !(value >= 0 && value <= 1))
        return std::nullopt;
    return value;
}

// The release a scenario names in `kubernetesVersion`; unset for current master, and for a
// version the reader refuses (it says why; the knobs show master's gates meanwhile).
std::optional<int> releaseOf(const std::string& text, int document) {
    const YamlLookup version = lookup(text, document, {"kubernetesVersion"});
    if (version.kind != YamlLookup::Kind::Scalar)
        return std::nullopt;
    const std::optional<int> minor = parseKubernetesMinor(version.scalar);
    if (!minor || *minor < kOldestKubernetesMinor)
        return std::nullopt;
    return minor;
}

std::string releaseText(std::optional<int> minor) {
    return minor ? "1." + std::to_string(*minor) : std::string();
}

const char* gateChoice(bool on) {
    return on ? "true" : "false";
}

YamlEdit refused(std::string why) {
    YamlEdit edit;
    edit.error = std::move(why);
    return edit;
}

// Fills `reading` from the scalar at `path`; `parse` turns the written text into the number
// (nullopt: InvalidValue). Absent or null: the default stays.
void readNumber(KnobReading& reading, const std::string& text, int document, const YamlPath& path,
                std::optional<double> (*parse)(const std::string&)) {
    const YamlLookup found = lookup(text, document, path);
    if (!found.ok()) {
        reading.block = KnobBlock::NotAValue;
        reading.detail = found.error;
        return;
    }
    if (!found.present())
        return;
    reading.position = found.position;
    if (found.kind != YamlLookup::Kind::Scalar) {
        reading.block = KnobBlock::NotAValue;
        reading.detail = pathText(path);
        return;
    }
    const auto value = parse(found.scalar);
    if (!value) {
        reading.block = KnobBlock::InvalidValue;
        reading.detail = found.scalar;
        return;
    }
    reading.isSet = true;
    reading.number = value;
}

void readChoice(KnobReading& reading, const std::string& text, int document, const YamlPath& path,
                const std::vector<std::string>& choices) {
    const YamlLookup found = lookup(text, document, path);
    if (!found.present())
        return;
    reading.position = found.position;
    if (found.kind != YamlLookup::Kind::Scalar) {
        reading.block = KnobBlock::NotAValue;
        reading.detail = pathText(path);
        return;
    }
    // YAML 1.2's core schema also spells the booleans True and TRUE.
    std::string written = found.scalar;
    if (written == "True" || written == "TRUE" || written == "False" || written == "FALSE")
        written = written == "False" || written == "FALSE" ? "false" : "true";
    for (const std::string& choice : choices)
        if (written == choice) {
            reading.isSet = true;
            reading.choice = choice;
            return;
        }
    reading.block = KnobBlock::InvalidValue;
    reading.detail = found.scalar;
}

// The index of the first failure rule that applies to every Pod, if any.
std::optional<size_t> globalFailureRule(const std::string& text, int document) {
    const YamlLookup failures = lookup(text, document, {"failures"});
    if (failures.kind != YamlLookup::Kind::Sequence)
        return std::nullopt;
    for (size_t i = 0; i < failures.size; ++i) {
        const std::string item = std::to_string(i);
        if (lookup(text, document, {"failures", item}).kind != YamlLookup::Kind::Map)
            continue;
        if (lookup(text, document, {"failures", item, "index"}).present() ||
            lookup(text, document, {"failures", item, "attempt"}).present())
            continue;
        return i;
    }
    return std::nullopt;
}

// Where the knob's value lives in `text`: its document and path, or why there is none.
struct Place {
    int document = -1;
    YamlPath path;
    KnobBlock block = KnobBlock::None;
    std::string detail;
};

Place placeOf(const JobSpecLocation& location, Knob knob) {
    Place place;
    if (!location.error.empty()) {
        place.block = KnobBlock::YamlError;
        place.detail = location.error;
        return place;
    }
    if (isSpecKnob(knob)) {
        if (location.kind == JobSpecLocation::Kind::ExternalFile) {
            place.block = KnobBlock::JobInOtherFile;
            place.detail = location.externalPath;
        } else if (location.kind == JobSpecLocation::Kind::Missing) {
            place.block = KnobBlock::NoJob;
        } else {
            place.document = location.document;
            place.path = joined(location.spec, knobKey(knob));
        }
        return place;
    }
    if (knob == Knob::QuotaPods) {
        if (location.isScenario) {
            place.document = location.scenarioDocument;
            place.path = {"cluster", "quota", "pods"};
        } else if (location.quotaDocument >= 0) {
            place.document = location.quotaDocument;
            place.path = {"spec", "hard", "pods"};
        } else {
            place.block = KnobBlock::NotAScenario;
        }
        return place;
    }
    if (!location.isScenario) {
        place.block = KnobBlock::NotAScenario;
        return place;
    }
    place.document = location.scenarioDocument;
    if (knob == Knob::KubernetesVersion)
        place.path = {"kubernetesVersion"};
    else if (const auto gate = knobGate(knob))
        place.path = {"featureGates", featureName(*gate)};
    else
        place.path = {knob == Knob::FailureRate ? "failures" : "runTime"};
    return place;
}

} // namespace

const std::vector<Knob>& allKnobs() {
    static const std::vector<Knob> knobs = [] {
        std::vector<Knob> out;
        for (const KnobInfo& info : kKnobs)
            out.push_back(info.knob);
        return out;
    }();
    return knobs;
}

std::string knobKey(Knob knob) {
    for (const KnobInfo& info : kKnobs)
        if (info.knob == knob)
            return info.key;
    return {};
}

std::optional<Knob> knobFromKey(const std::string& key) {
    for (const KnobInfo& info : kKnobs)
        if (key == info.key)
            return info.knob;
    return std::nullopt;
}

std::vector<std::string> knobChoices(Knob knob) {
    if (knob == Knob::CompletionMode)
        return {"NonIndexed", "Indexed"};
    if (knob == Knob::PodReplacementPolicy)
        return {"TerminatingOrFailed", "Failed"};
    if (knob == Knob::KubernetesVersion) {
        std::vector<std::string> releases;
        for (int minor = kOldestKubernetesMinor; minor <= kNewestKubernetesMinor; ++minor)
            releases.push_back(releaseText(minor));
        return releases;
    }
    if (knobGate(knob))
        return {gateChoice(true), gateChoice(false)};
    return {};
}

std::optional<JobFeature> knobGate(Knob knob) {
    switch (knob) {
    case Knob::GateBackoffLimitPerIndex:
        return JobFeature::BackoffLimitPerIndex;
    case Knob::GateManagedBy:
        return JobFeature::ManagedBy;
    case Knob::GatePodReplacementPolicy:
        return JobFeature::PodReplacementPolicy;
    case Knob::GateSuccessPolicy:
        return JobFeature::SuccessPolicy;
    default:
        return std::nullopt;
    }
}

YamlEdit applyKnobSetting(const std::string& text, const KnobSetting& setting) {
    switch (setting.kind) {
    case KnobSetting::Kind::Number:
        return setKnobNumber(text, setting.knob, setting.number);
    case KnobSetting::Kind::Choice:
        return setKnobChoice(text, setting.knob, setting.choice);
    case KnobSetting::Kind::Default:
        break;
    }
    return resetKnob(text, setting.knob);
}

std::string formatKnobNumber(double value) {
    char buffer[64];
    const auto [ptr, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 12);
    return ec == std::errc() ? std::string(buffer, ptr) : std::to_string(value);
}

KnobReading readKnob(const std::string& text, Knob knob) {
    return readKnobs(text).at(static_cast<size_t>(knob));
}

std::vector<KnobReading> readKnobs(const std::string& text) {
    const ParseReuse reuse;
    const JobSpecLocation location = locateJobSpec(text);
    std::vector<KnobReading> readings;
    for (const Knob knob : allKnobs()) {
        KnobReading reading;
        reading.knob = knob;
        // The API's defaults (k8s.io/kubernetes pkg/apis/batch/v1/defaults.go).
        switch (knob) {
        case Knob::Parallelism:
            reading.number = 1;
            break;
        case Knob::BackoffLimit:
            reading.number = 6;
            break;
        case Knob::CompletionMode:
            reading.choice = "NonIndexed";
            break;
        case Knob::PodReplacementPolicy:
            reading.choice = "TerminatingOrFailed";
            break;
        case Knob::FailureRate:
            reading.number = 0;
            break;
        case Knob::PodDuration:
            reading.number = 10; // docs/scenarios.md: runTime defaults to 10 s
            break;
        case Knob::Completions:
        case Knob::QuotaPods:
        case Knob::KubernetesVersion: // unset: current master
        case Knob::GateBackoffLimitPerIndex:
        case Knob::GateManagedBy:
        case Knob::GatePodReplacementPolicy:
        case Knob::GateSuccessPolicy:
            break;
        }
        const Place place = placeOf(location, knob);
        reading.block = place.block;
        reading.detail = place.detail;
        if (place.block != KnobBlock::None) {
            readings.push_back(reading);
            continue;
        }
        switch (knob) {
        case Knob::Parallelism:
        case Knob::Completions:
        case Knob::BackoffLimit:
            readNumber(reading, text, place.document, place.path, count);
            break;
        case Knob::CompletionMode:
            reading.defaultChoice = reading.choice;
            readChoice(reading, text, place.document, place.path, knobChoices(knob));
            break;
        case Knob::PodReplacementPolicy: {
            // With a podFailurePolicy the API defaults it to Failed.
            YamlPath policy = place.path;
            policy.back() = "podFailurePolicy";
            if (lookup(text, place.document, policy).present())
                reading.choice = "Failed";
            reading.defaultChoice = reading.choice;
            readChoice(reading, text, place.document, place.path, knobChoices(knob));
            break;
        }
        case Knob::QuotaPods:
            readNumber(reading, text, place.document, place.path, [](const std::string& s) {
                const auto value = parseQuantity(s);
                return value && *value >= 0 && *value == std::floor(*value) && *value <= INT32_MAX
                           ? value
                           : std::nullopt;
            });
            break;
        case Knob::FailureRate: {
            const YamlLookup failures = lookup(text, place.document, place.path);
            if (failures.present() && failures.kind != YamlLookup::Kind::Sequence) {
                reading.block = KnobBlock::NotAValue;
                reading.detail = "failures";
                break;
            }
            const auto rule = globalFailureRule(text, place.document);
            if (!rule)
                break;
            const YamlPath at = {"failures", std::to_string(*rule), "probability"};
            reading.number = 1; // a rule without a probability always fails
            reading.isSet = true;
            reading.position =
                lookup(text, place.document, {"failures", std::to_string(*rule)}).position;
            readNumber(reading, text, place.document, at, probability);
            break;
        }
        case Knob::PodDuration: {
            if (lookup(text, place.document, {"workQueue"}).present()) {
                reading.block = KnobBlock::WorkQueue;
                break;
            }
            const YamlLookup runTime = lookup(text, place.document, place.path);
            if (runTime.kind == YamlLookup::Kind::Sequence) {
                reading.block = KnobBlock::Distribution;
                reading.detail = "perIndex";
            } else if (runTime.kind == YamlLookup::Kind::Map) {
                const YamlLookup distribution =
                    lookup(text, place.document, {"runTime", "distribution"});
                if (distribution.kind == YamlLookup::Kind::Scalar &&
                    distribution.scalar == "fixed") {
                    readNumber(reading, text, place.document, {"runTime", "value"},
                               parseDurationSeconds);
                } else {
                    reading.block = KnobBlock::Distribution;
                    reading.detail = distribution.scalar;
                }
            } else {
                readNumber(reading, text, place.document, place.path, parseDurationSeconds);
            }
            break;
        }
        case Knob::KubernetesVersion: {
            const YamlLookup version = lookup(text, place.document, place.path);
            if (!version.present())
                break;
            reading.position = version.position;
            const std::optional<int> minor = version.kind == YamlLookup::Kind::Scalar
                                                 ? parseKubernetesMinor(version.scalar)
                                                 : std::nullopt;
            if (version.kind != YamlLookup::Kind::Scalar) {
                reading.block = KnobBlock::NotAValue;
                reading.detail = pathText(place.path);
            } else if (!minor || *minor < kOldestKubernetesMinor ||
                       *minor > kNewestKubernetesMinor) {
                reading.block = KnobBlock::InvalidValue;
                reading.detail = version.scalar;
            } else {
                reading.isSet = true;
                reading.choice = releaseText(minor);
            }
            break;
        }
        case Knob::GateBackoffLimitPerIndex:
        case Knob::GateManagedBy:
        case Knob::GatePodReplacementPolicy:
        case Knob::GateSuccessPolicy: {
            const YamlLookup gates = lookup(text, place.document, {"featureGates"});
            if (gates.present() && gates.kind != YamlLookup::Kind::Map) {
                reading.block = KnobBlock::NotAValue;
                reading.detail = "featureGates";
                break;
            }
            const std::optional<int> release = releaseOf(text, place.document);
            const FeatureStage* stage = featureStageAt(*knobGate(knob), release);
            reading.choice = gateChoice(stage && stage->defaultOn);
            reading.defaultChoice = reading.choice;
            readChoice(reading, text, place.document, place.path, knobChoices(knob));
            if (reading.block == KnobBlock::None && (!stage || stage->locked)) {
                reading.block = stage ? KnobBlock::GateLocked : KnobBlock::GateAbsent;
                reading.detail = releaseText(release);
            }
            break;
        }
        }
        readings.push_back(reading);
    }
    return readings;
}

YamlEdit setKnobNumber(const std::string& text, Knob knob, double value) {
    const ParseReuse reuse;
    const JobSpecLocation location = locateJobSpec(text);
    const Place place = placeOf(location, knob);
    if (place.block != KnobBlock::None)
        return refused("the " + knobKey(knob) + " knob cannot edit this text");
    if (!std::isfinite(value) || value < 0)
        return refused(knobKey(knob) + ": " + formatKnobNumber(value) + " is not a valid value");
    if (knob == Knob::FailureRate) {
        if (value > 1)
            return refused("failureRate: a probability is at most 1");
        if (const auto rule = globalFailureRule(text, place.document))
            return setScalar(text, place.document,
                             {"failures", std::to_string(*rule), "probability"},
                             formatKnobNumber(value));
        if (value == 0) {
            YamlEdit unchanged;
            unchanged.text = text; // no rule, no failures: nothing to write
            return unchanged;
        }
        return appendToSequence(text, place.document, place.path,
                                "{probability: " + formatKnobNumber(value) + "}");
    }
    if (knob == Knob::PodDuration) {
        const YamlLookup runTime = lookup(text, place.document, place.path);
        if (runTime.kind == YamlLookup::Kind::Map)
            return setScalar(text, place.document, {"runTime", "value"}, formatKnobNumber(value));
        return setScalar(text, place.document, place.path, formatKnobNumber(value));
    }
    if (knob == Knob::CompletionMode || knob == Knob::PodReplacementPolicy)
        return refused(knobKey(knob) + " takes a choice, not a number");
    if (value != std::floor(value) || value > INT32_MAX)
        return refused(knobKey(knob) + ": " + formatKnobNumber(value) +
                       " is not a whole number of Pods");
    return setScalar(text, place.document, place.path, formatKnobNumber(value));
}

YamlEdit setKnobChoice(const std::string& text, Knob knob, const std::string& choice) {
    const ParseReuse reuse;
    const std::vector<std::string> choices = knobChoices(knob);
    if (std::find(choices.begin(), choices.end(), choice) == choices.end())
        return refused(knobKey(knob) + ": " + plainOrQuoted(choice) + " is not a choice");
    const Place place = placeOf(locateJobSpec(text), knob);
    if (place.block != KnobBlock::None)
        return refused("the " + knobKey(knob) + " knob cannot edit this text");
    if (knob == Knob::KubernetesVersion) // quoted: a plain 1.30 is the number 1.3 to YAML tools
        return setScalar(text, place.document, place.path, "\"" + choice + "\"");
    if (const auto gate = knobGate(knob)) {
        const std::optional<int> release = releaseOf(text, place.document);
        const FeatureStage* stage = featureStageAt(*gate, release);
        const std::string name = release ? "Kubernetes " + releaseText(release) : "current master";
        if (!stage)
            return refused(knobKey(knob) + ": " + name + " has no such gate");
        if (stage->locked && choice != gateChoice(stage->defaultOn))
            return refused(knobKey(knob) + ": the gate is GA and locked to " +
                           gateChoice(stage->defaultOn) + " in " + name);
    }
    return setScalar(text, place.document, place.path, choice);
}

YamlEdit resetKnob(const std::string& text, Knob knob) {
    const ParseReuse reuse;
    const JobSpecLocation location = locateJobSpec(text);
    const Place place = placeOf(location, knob);
    if (place.block != KnobBlock::None)
        return refused("the " + knobKey(knob) + " knob cannot edit this text");
    if (knob == Knob::FailureRate)
        return setKnobNumber(text, knob, 0);
    if (knob == Knob::QuotaPods && location.isScenario) {
        // cluster.quota needs its pods: the whole quota goes, and an emptied cluster with it.
        YamlEdit edit = removeKey(text, place.document, {"cluster", "quota"});
        if (edit.ok() &&
            lookup(edit.text, place.document, {"cluster"}).kind == YamlLookup::Kind::Null) {
            YamlEdit withoutCluster = removeKey(edit.text, place.document, {"cluster"});
            if (withoutCluster.ok())
                return withoutCluster;
        }
        return edit;
    }
    if (knobGate(knob)) {
        // The last gate takes its emptied featureGates mapping with it.
        YamlEdit edit = removeKey(text, place.document, place.path);
        const YamlLookup gates =
            edit.ok() ? lookup(edit.text, place.document, {"featureGates"}) : YamlLookup{};
        if (gates.kind == YamlLookup::Kind::Null ||
            (gates.kind == YamlLookup::Kind::Map && gates.size == 0)) {
            YamlEdit withoutGates = removeKey(edit.text, place.document, {"featureGates"});
            if (withoutGates.ok())
                return withoutGates;
        }
        return edit;
    }
    return removeKey(text, place.document, place.path);
}

} // namespace jobscope::edit
