// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Create-time validation of a batch/v1 Job, as the API server's ValidateJob does it
// (upstream pkg/apis/batch/validation/validation.go, every Job feature GA, RequirePrefixedLabels
// on as for every create on current master). Rules and their order follow upstream; messages
// are rendered the way apimachinery's field.Error prints them, so that an imported manifest
// gets the same words `kubectl apply` would print.
//
// Scope: object metadata (name, generateName, namespace, generation, labels), the generated
// selector, every JobSpec rule, and from the Pod template only the parts the Job depends on
// (container and initContainer names, restartPolicy). Update-only and status rules are not
// checked here.

#include "job.h"

#include "message.h"

#include <string>
#include <vector>

namespace jobscope {

// One problem with one field. `message` is the whole apimachinery rendering, path included:
//   spec.parallelism: Invalid value: -1: must be greater than or equal to 0
struct FieldError {
    std::string path;    // "spec.podFailurePolicy.rules[0].action"
    std::string message; // full text, as above
    std::string type;    // "Invalid value", "Required value", "Unsupported value",
                         // "Duplicate value", "Too many", "Too long"
    std::string detail;  // the part after the value ("must be greater than or equal to 0")
    Message source;      // `message` as a template with its arguments, for a translation

    bool operator==(const FieldError&) const = default;
};

// Every create-time error of the Job, in upstream's order. Apply applyJobDefaults() first, as
// the API server does: validation assumes defaulted fields (e.g. a selector is required).
std::vector<FieldError> validateJob(const Job& job);

// Building blocks shared with other readers (and tested on their own).
namespace validation {

// apimachinery's name checks; each returns upstream's messages, empty when valid.
std::vector<std::string> isDNS1123Label(const std::string& value);
std::vector<std::string> isDNS1123Subdomain(const std::string& value);
std::vector<std::string> isQualifiedName(const std::string& value);
std::vector<std::string> isValidLabelValue(const std::string& value);

// Go's %q of a string.
std::string quote(const std::string& value);

} // namespace validation

} // namespace jobscope
