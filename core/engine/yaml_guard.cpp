// SPDX-License-Identifier: GPL-3.0-or-later
#include "yaml_guard.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>

namespace jobscope {

namespace {

// Only document starts matter; every other event is ignored.
class DocumentStarts : public YAML::EventHandler {
public:
    std::optional<YAML::Mark> stalledAt;

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (previous_ && previous_->pos == mark.pos && !stalledAt)
            stalledAt = mark;
        previous_ = mark;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

private:
    std::optional<YAML::Mark> previous_;
};

} // namespace

std::optional<SourcePosition> findYamlParserStall(const std::string& text) {
    std::istringstream input(text);
    DocumentStarts handler;
    try {
        YAML::Parser parser(input);
        while (!handler.stalledAt && parser.HandleNextDocument(handler)) {
        }
    } catch (const YAML::Exception&) {
        return std::nullopt; // a real syntax error: YAML::LoadAll reports it
    }
    if (!handler.stalledAt)
        return std::nullopt;
    return SourcePosition{handler.stalledAt->line + 1, handler.stalledAt->column + 1};
}

bool checkYamlParserStall(const std::string& text, const std::string& fileName,
                          Diagnostics& diagnostics) {
    const auto at = findYamlParserStall(text);
    if (!at)
        return true;
    diagnostics.error(fileName, *at,
                      JOBSCOPE_TR_NOOP("jobscope::engine",
                                       "YAML syntax error: unexpected ',' outside a flow "
                                       "collection ([...] or {...})"));
    return false;
}

} // namespace jobscope
