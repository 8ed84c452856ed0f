// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/caption.h"

#include "number_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace jobscope {

namespace {

constexpr const char* kComparePrefix = "compare.";

bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool validName(const std::string& name) {
    std::string rest = name;
    if (rest.rfind(kComparePrefix, 0) == 0)
        rest = rest.substr(std::string(kComparePrefix).size());
    return !rest.empty() && std::isalpha(static_cast<unsigned char>(rest[0])) &&
           std::all_of(rest.begin(), rest.end(), isNameChar);
}

void put(CaptionValues& values, const std::string& key, std::string value) {
    values.emplace(key, std::move(value)); // keeps an earlier value of the same name
}

// Why a known placeholder can lack a value.
std::string missingReason(const std::string& name) {
    std::string bare = name;
    if (bare.rfind(kComparePrefix, 0) == 0)
        bare = bare.substr(std::string(kComparePrefix).size());
    if (bare == "completions" || bare == "remaining")
        return "the Job has no completions (a work queue)";
    if (bare == "finishedAt")
        return "the Job did not finish in the simulated time";
    static const char* const summaryNames[] = {"podSeconds", "runningSeconds", "podsCreated",
                                               "podsFailed", "peakActive", "jobs"};
    for (const char* s : summaryNames)
        if (bare == s)
            return "the scene has no such run";
    static const char* const seriesNames[] = {"requested",   "wantActive", "active",
                                              "ready",       "running",    "pending",
                                              "terminating", "succeeded",  "failed"};
    for (const char* s : seriesNames)
        if (bare == s)
            return "the series has no row yet";
    return "no cause carrying it is in force";
}

} // namespace

std::optional<std::vector<CaptionPlaceholder>>
parseCaption(const std::string& text, std::string& error, std::size_t& errorOffset) {
    std::vector<CaptionPlaceholder> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '}') {
            if (i + 1 < text.size() && text[i + 1] == '}') {
                ++i;
                continue;
            }
            error = "a '}' without its '{' (write }} for a brace)";
            errorOffset = i;
            return std::nullopt;
        }
        if (c != '{')
            continue;
        if (i + 1 < text.size() && text[i + 1] == '{') {
            ++i;
            continue;
        }
        const std::size_t close = text.find('}', i + 1);
        if (close == std::string::npos) {
            error = "a '{' without its '}' (write {{ for a brace)";
            errorOffset = i;
            return std::nullopt;
        }
        const std::string name = text.substr(i + 1, close - i - 1);
        if (!validName(name)) {
            error = "{" + name + "} is not a placeholder name (letters and digits, optionally " +
                    "after compare.)";
            errorOffset = i;
            return std::nullopt;
        }
        out.push_back({name, i});
        i = close;
    }
    return out;
}

const std::vector<std::string>& captionPlaceholderNames() {
    static const std::vector<std::string> names = {
        // the step
        "time",
        // the series row at the step
        "requested", "wantActive", "active", "ready", "running", "pending", "terminating",
        "succeeded", "failed",
        // the Job
        "completions", "remaining",
        // parameters of the causes in force (analysis/analysis.cpp)
        "parallelism", "missing", "quota", "refused", "message", "failures", "delay", "condition",
        "reason", "surplus",
        // the whole run
        "finishedAt", "podSeconds", "runningSeconds", "podsCreated", "podsFailed", "peakActive",
        "jobs"};
    return names;
}

bool isCaptionPlaceholder(const std::string& name) {
    std::string bare = name;
    if (bare.rfind(kComparePrefix, 0) == 0)
        bare = bare.substr(std::string(kComparePrefix).size());
    const auto& names = captionPlaceholderNames();
    return std::find(names.begin(), names.end(), bare) != names.end();
}

std::string formatCaptionNumber(double value) {
    return formatShortNumber(value);
}

void addCaptionValues(CaptionValues& values, const CaptionInputs& inputs,
                      const std::string& prefix) {
    const auto number = [&](const std::string& key, double v) {
        put(values, prefix + key, formatCaptionNumber(v));
    };
    number("time", inputs.time);
    if (const SeriesRow* row = inputs.row) {
        number("requested", row->requested);
        number("wantActive", row->wantActive);
        number("active", row->active);
        number("ready", row->ready);
        number("running", row->running);
        number("pending", row->pending);
        number("terminating", row->terminating);
        number("succeeded", row->succeeded);
        number("failed", row->failed);
        if (inputs.completions)
            number("completions", *inputs.completions);
        if (row->remaining >= 0)
            number("remaining", row->remaining);
    }
    for (const CauseInterval* interval : inputs.causes)
        for (const CauseParam& param : interval->params)
            put(values, prefix + param.key,
                param.text.empty() ? formatCaptionNumber(param.value) : param.text);
    if (const RunSummary* summary = inputs.summary) {
        if (summary->finishedAt)
            number("finishedAt", *summary->finishedAt);
        number("podSeconds", std::round(summary->podSeconds));
        number("runningSeconds", std::round(summary->runningSeconds));
        number("podsCreated", summary->podsCreated);
        number("podsFailed", summary->podsFailed);
        number("peakActive", summary->peakActive);
        number("jobs", summary->jobs);
    }
}

std::optional<std::string> fillCaption(const std::string& text, const CaptionValues& values,
                                       std::string& error) {
    std::size_t errorOffset = 0;
    const auto placeholders = parseCaption(text, error, errorOffset);
    if (!placeholders)
        return std::nullopt;
    std::string out;
    std::size_t next = 0; // the next placeholder
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (next < placeholders->size() && (*placeholders)[next].offset == i) {
            const std::string& name = (*placeholders)[next].name;
            const auto it = values.find(name);
            if (it == values.end()) {
                error = isCaptionPlaceholder(name)
                            ? "{" + name + "} has no value at this step: " + missingReason(name)
                            : "unknown placeholder {" + name + "}";
                return std::nullopt;
            }
            out += it->second;
            i += name.size() + 1; // the loop's ++i steps over the '}'
            ++next;
            continue;
        }
        out += text[i];
        if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i])
            ++i; // {{ and }} stand for one brace
    }
    return out;
}

} // namespace jobscope
