// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Caption templates of lesson steps: "{remaining} completions remain, so only {active} Pods run
// although parallelism is {requested}". Filling one is a pure function of the simulated values
// at the step (a SeriesRow, the cause intervals in force, the run's summary), so tests can check
// the numbers a caption shows against the series.
//
// Syntax: {name} or {compare.name} (the scene's second scenario); {{ and }} are literal braces.

#include "analysis/analysis.h"
#include "analysis/summary.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jobscope {

struct CaptionPlaceholder {
    std::string name;   // as written, "compare." prefix included
    std::size_t offset; // of the '{' in the template, in bytes
};

// The placeholders of `text` in order. On a syntax error (an unclosed or empty brace, a name
// with characters other than letters, digits and one "compare." prefix) returns nullopt and
// sets `error` and `errorOffset`.
std::optional<std::vector<CaptionPlaceholder>>
parseCaption(const std::string& text, std::string& error, std::size_t& errorOffset);

// Every name a caption may use (without the "compare." prefix), for messages and docs.
const std::vector<std::string>& captionPlaceholderNames();
// Whether `name` is one of them, optionally with the "compare." prefix.
bool isCaptionPlaceholder(const std::string& name);

// What a caption can show at one moment of one run.
struct CaptionInputs {
    Seconds time = 0;                         // seconds since the Job's creation
    const SeriesRow* row = nullptr;           // the series row in force then
    std::optional<int32_t> completions;       // spec.completions (unset: work queue)
    std::vector<const CauseInterval*> causes; // in force then; the step's anchor first
    const RunSummary* summary = nullptr;      // the whole run's figures
};

using CaptionValues = std::map<std::string, std::string>;

// Adds the values `inputs` provide under their names (prefixed with `prefix`, such as
// "compare."). Series values win over a cause parameter of the same name; of two causes
// carrying the same parameter, the earlier in `inputs.causes` wins.
void addCaptionValues(CaptionValues& values, const CaptionInputs& inputs,
                      const std::string& prefix = {});

// `text` with every placeholder replaced by its value. Returns nullopt and sets `error` when
// the template is malformed or names a value `values` lacks (an unknown name, or a cause
// parameter of a cause not in force at the step).
std::optional<std::string> fillCaption(const std::string& text, const CaptionValues& values,
                                       std::string& error);

// A number as captions show it: whole numbers without decimals, others with one ("7.3").
std::string formatCaptionNumber(double value);

} // namespace jobscope
