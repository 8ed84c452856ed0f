// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit/overrides.h"

#include <yaml-cpp/yaml.h>

namespace jobscope::edit {

namespace {

// The Job's own top-level keys: a path starting with one of these is the Job's.
bool isJobPath(const YamlPath& path) {
    return !path.empty() && (path.front() == "spec" || path.front() == "metadata");
}

} // namespace

std::optional<Override> parseOverride(const std::string& text, OverrideError* error) {
    const auto fail = [&](OverrideError::Kind kind, std::string detail = {}) {
        *error = OverrideError{kind, text, std::move(detail)};
        return std::nullopt;
    };
    const size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0)
        return fail(OverrideError::Kind::NotPathValue);
    Override result;
    result.text = text;
    result.value = text.substr(equals + 1);
    const std::string path = text.substr(0, equals);
    size_t start = 0;
    while (true) {
        const size_t dot = path.find('.', start);
        const std::string step =
            path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (step.empty())
            return fail(OverrideError::Kind::EmptyStep);
        result.path.push_back(step);
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    if (result.value.empty())
        return fail(OverrideError::Kind::NoValue);
    try {
        const YAML::Node node = YAML::Load(result.value);
        if (node.IsMap() || node.IsSequence())
            return fail(OverrideError::Kind::NotScalar);
    } catch (const YAML::Exception& e) {
        return fail(OverrideError::Kind::NotYaml, e.msg);
    }
    return result;
}

OverrideResult applyOverrides(const std::string& text, const std::vector<Override>& overrides) {
    OverrideResult result;
    result.text = text;
    const ParseReuse reuse; // each override reads the text twice
    for (const Override& o : overrides) {
        const auto fail = [&](OverrideError::Kind kind, std::string detail = {}) {
            result.error = OverrideError{kind, o.text, std::move(detail)};
            return result;
        };
        const JobSpecLocation where = locateJobSpec(result.text);
        if (!where.error.empty())
            return fail(OverrideError::Kind::TextError, where.error);
        int document = 0;
        YamlPath path = o.path;
        if (isJobPath(o.path)) {
            if (where.kind == JobSpecLocation::Kind::ExternalFile)
                return fail(OverrideError::Kind::JobElsewhere, where.externalPath);
            if (where.kind != JobSpecLocation::Kind::Inline) {
                // A scenario of several Jobs: each is addressed by its place in the list.
                try {
                    if (where.isScenario && YAML::Load(result.text)["jobs"].IsSequence())
                        return fail(OverrideError::Kind::SeveralJobs, "jobs.0.job." + o.text);
                } catch (const YAML::Exception&) {
                }
                return fail(OverrideError::Kind::NoJob);
            }
            // where.spec ends in "spec": the Job's own keys sit beside it.
            path.assign(where.spec.begin(), where.spec.end() - 1);
            path.insert(path.end(), o.path.begin(), o.path.end());
            document = where.document;
        } else {
            if (!where.isScenario)
                return fail(OverrideError::Kind::NotAScenario);
            document = where.scenarioDocument;
        }
        YamlEdit edit = setScalar(result.text, document, path, o.value);
        if (!edit.ok())
            return fail(OverrideError::Kind::TextError, edit.error);
        result.text = std::move(edit.text);
    }
    return result;
}

} // namespace jobscope::edit
