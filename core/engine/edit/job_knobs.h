// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The editor's common knobs: where each lives in a scenario or a bare Job manifest,
// what the text says about it (or the default when it says nothing), and the text with one knob
// changed — through yaml_edit, so nothing else in the file moves.
//
//   parallelism, completions, completionMode, backoffLimit, podReplacementPolicy
//                     the Job's spec (scenario `job.spec`, a manifest's `spec`)
//   failure rate      scenario `failures`: the first rule for every Pod (no index, no attempt);
//                     its probability (1 when the rule leaves it out)
//   quota (Pods)      scenario `cluster.quota.pods`; a manifest's ResourceQuota `spec.hard.pods`
//   Pod duration      scenario `runTime` (a number of seconds, or {distribution: fixed, value})
//   Kubernetes version  scenario `kubernetesVersion` ("1.29" ... "1.35"; unset: current master)
//   the four Job gates  scenario `featureGates.<gate>` (true/false; unset: the release's default)
//
// A bare manifest has no failures, runTime, version or gates: those knobs are blocked
// (NotAScenario) rather than silently turning the file into a scenario; the editor says so in a
// tooltip. A gate the text's release does not have, or one locked to its default, is blocked
// too (GateAbsent, GateLocked), with its value shown: what kube-controller-manager would run.

#include "edit/yaml_edit.h"
#include "reconcile/feature_gates.h"

#include <optional>
#include <string>
#include <vector>

namespace jobscope::edit {

enum class Knob {
    Parallelism,
    Completions,
    CompletionMode,
    BackoffLimit,
    PodReplacementPolicy,
    FailureRate,
    QuotaPods,
    PodDuration,
    KubernetesVersion,
    GateBackoffLimitPerIndex,
    GateManagedBy,
    GatePodReplacementPolicy,
    GateSuccessPolicy,
};

// Every knob, in the order the editor shows them.
const std::vector<Knob>& allKnobs();
// The stable key of a knob ("parallelism", "completionMode", "failureRate", "quotaPods", ...).
std::string knobKey(Knob knob);
std::optional<Knob> knobFromKey(const std::string& key);
// The choices of CompletionMode, PodReplacementPolicy, KubernetesVersion ("1.29" ...) and the
// gates ("true", "false"); empty for the numeric knobs.
std::vector<std::string> knobChoices(Knob knob);
// The gate a gate knob sets (nullopt for the other knobs). Gate knobs are keyed by the gate's
// name ("JobManagedBy").
std::optional<JobFeature> knobGate(Knob knob);

// Why a knob cannot edit the text (the editor explains each in its own words).
enum class KnobBlock {
    None,
    YamlError,      // the text does not parse (`detail`: the parser's message)
    NoJob,          // the text holds no Job
    JobInOtherFile, // `job: {path: FILE}` (`detail`: FILE)
    NotAScenario,   // a bare manifest: no failures / runTime (quota: no ResourceQuota object)
    Distribution,   // runTime is random or per index (`detail`: the distribution's name)
    WorkQueue,      // with a workQueue, Pods run for their items; runTime is not used
    NotAValue,      // written as a mapping, a list or a block scalar (`detail`: the path)
    InvalidValue,   // written, but not a value the knob can show (`detail`: as written)
    GateAbsent,     // the text's release has no such gate (`detail`: the release, "1.30")
    GateLocked,     // GA and locked to its default in the release (`detail`: "1.34" or "")
};

struct KnobReading {
    Knob knob = Knob::Parallelism;
    KnobBlock block = KnobBlock::None;
    bool isSet = false; // written in the text; otherwise the value is the default
    // Numeric knobs: the value (or the default); FailureRate as a probability 0..1, PodDuration
    // in seconds. Completions and QuotaPods have no default: unset when !isSet.
    std::optional<double> number;
    std::string choice;        // the choice knobs' value (or their default)
    std::string defaultChoice; // ... what the API picks when the text leaves it out
    std::string detail;        // see KnobBlock
    SourcePosition position;   // where the value is written (when isSet)
};

// What `text` (a scenario or a manifest) says about every knob, in allKnobs() order.
std::vector<KnobReading> readKnobs(const std::string& text);
KnobReading readKnob(const std::string& text, Knob knob);

// The text with one knob set: a count, a probability (FailureRate), seconds (PodDuration).
YamlEdit setKnobNumber(const std::string& text, Knob knob, double value);
// The text with a choice knob set to one of knobChoices().
YamlEdit setKnobChoice(const std::string& text, Knob knob, const std::string& choice);
// The text without the knob's key, so that the default applies (QuotaPods: no quota).
YamlEdit resetKnob(const std::string& text, Knob knob);

// A knob's new value as its control gives it: a number, a choice, or back to the default.
struct KnobSetting {
    enum class Kind { Number, Choice, Default };
    Knob knob = Knob::Parallelism;
    Kind kind = Kind::Default;
    double number = 0;
    std::string choice;
};
// The text with the setting applied (setKnobNumber, setKnobChoice or resetKnob).
YamlEdit applyKnobSetting(const std::string& text, const KnobSetting& setting);

// A number as the knobs write it: "4", "0.05", "12.5".
std::string formatKnobNumber(double value);

} // namespace jobscope::edit
