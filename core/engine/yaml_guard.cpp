// SPDX-License-Identifier: GPL-3.0-or-later
#include "yaml_guard.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <unordered_map>
#include <vector>

namespace jobscope {

namespace {

// Thrown from the handler to stop the parser at the first problem.
struct StopScan {};

// Counts, per document, the nodes written and the nodes aliases stand for (an alias counts as
// the whole subtree of its anchor), and notes where a document starts without the parser
// having moved on.
class YamlScan : public YAML::EventHandler {
public:
    // Every event also goes to `forward`, if given, after the checks.
    explicit YamlScan(std::uint64_t aliasAllowance, YAML::EventHandler* forward = nullptr)
        : aliasAllowance_(aliasAllowance), forward_(forward) {}

    std::optional<YAML::Mark> stalledAt;
    std::optional<YAML::Mark> aliasBombAt;
    std::uint64_t aliasNodes = 0; // in the document that was refused
    std::uint64_t aliasLimit = 0; // what that document's aliases were allowed

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (previous_ && previous_->pos == mark.pos && !stalledAt) {
            stalledAt = mark;
            throw StopScan();
        }
        previous_ = mark;
        written_ = 0;
        aliasNodes = 0;
        open_.clear();
        anchorSizes_.clear();
        if (forward_)
            forward_->OnDocumentStart(mark);
    }
    void OnDocumentEnd() override {
        if (forward_)
            forward_->OnDocumentEnd();
    }
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        leaf(anchor);
        if (forward_)
            forward_->OnNull(mark, anchor);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        leaf(anchor);
        if (forward_)
            forward_->OnScalar(mark, tag, anchor, value);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const auto it = anchorSizes_.find(anchor);
        const std::uint64_t size = it == anchorSizes_.end() ? 1 : it->second;
        aliasNodes = saturatingAdd(aliasNodes, size);
        if (aliasNodes > std::max(aliasAllowance_, written_)) {
            aliasBombAt = mark;
            aliasLimit = std::max(aliasAllowance_, written_);
            throw StopScan();
        }
        add(size);
        if (forward_)
            forward_->OnAlias(mark, anchor);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open(anchor);
        if (forward_)
            forward_->OnSequenceStart(mark, tag, anchor, style);
    }
    void OnSequenceEnd() override {
        close();
        if (forward_)
            forward_->OnSequenceEnd();
    }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open(anchor);
        if (forward_)
            forward_->OnMapStart(mark, tag, anchor, style);
    }
    void OnMapEnd() override {
        close();
        if (forward_)
            forward_->OnMapEnd();
    }

private:
    struct Collection {
        std::uint64_t nodes = 1; // itself and everything in it
        YAML::anchor_t anchor = YAML::NullAnchor;
    };

    static std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b) {
        constexpr std::uint64_t kMax = std::uint64_t(1) << 62;
        return std::min(kMax, a + std::min(kMax, b));
    }
    void add(std::uint64_t nodes) {
        if (!open_.empty())
            open_.back().nodes = saturatingAdd(open_.back().nodes, nodes);
    }
    void leaf(YAML::anchor_t anchor) {
        ++written_;
        if (anchor != YAML::NullAnchor)
            anchorSizes_[anchor] = 1;
        add(1);
    }
    void open(YAML::anchor_t anchor) {
        ++written_;
        open_.push_back(Collection{1, anchor});
    }
    void close() {
        if (open_.empty())
            return;
        const Collection done = open_.back();
        open_.pop_back();
        if (done.anchor != YAML::NullAnchor)
            anchorSizes_[done.anchor] = done.nodes;
        add(done.nodes);
    }

    std::uint64_t aliasAllowance_;
    YAML::EventHandler* forward_;
    std::optional<YAML::Mark> previous_;
    std::uint64_t written_ = 0;
    std::vector<Collection> open_;
    std::unordered_map<YAML::anchor_t, std::uint64_t> anchorSizes_;
};

// Runs the scan; syntax errors end it quietly (YAML::LoadAll reports them with their position).
YamlScan scan(const std::string& text, std::uint64_t aliasAllowance) {
    TextBuffer buffer(text);
    std::istream input(&buffer);
    YamlScan handler(aliasAllowance);
    try {
        YAML::Parser parser(input);
        while (parser.HandleNextDocument(handler)) {
        }
    } catch (const StopScan&) {
    } catch (const YAML::Exception&) {
    }
    return handler;
}

SourcePosition positionOf(const YAML::Mark& mark) {
    return SourcePosition{mark.line + 1, mark.column + 1};
}

} // namespace

std::optional<SourcePosition> findYamlParserStall(const std::string& text) {
    const YamlScan result = scan(text, UINT64_MAX);
    if (!result.stalledAt)
        return std::nullopt;
    return positionOf(*result.stalledAt);
}

bool checkYamlParserStall(const std::string& text, const std::string& fileName,
                          Diagnostics& diagnostics) {
    return checkYamlInput(text, fileName, diagnostics, UINT64_MAX);
}

namespace {

// Reports what the scan stopped at; false when it stopped.
bool reportScan(const YamlScan& result, const std::string& fileName, Diagnostics& diagnostics) {
    if (result.stalledAt) {
        diagnostics.error(fileName, positionOf(*result.stalledAt),
                          JOBSCOPE_TR_NOOP("jobscope::engine",
                                           "YAML syntax error: unexpected ',' outside a flow "
                                           "collection ([...] or {...})"));
        return false;
    }
    if (result.aliasBombAt) {
        diagnostics.error(
            fileName, positionOf(*result.aliasBombAt),
            Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                     "YAML aliases expand to too many nodes: more than %1 "
                                     "besides the nodes written (an alias bomb?)"),
                    {std::to_string(result.aliasLimit)}));
        return false;
    }
    return true;
}

} // namespace

bool checkYamlInput(const std::string& text, const std::string& fileName, Diagnostics& diagnostics,
                    std::uint64_t aliasNodeAllowance) {
    return reportScan(scan(text, aliasNodeAllowance), fileName, diagnostics);
}

bool parseGuardedYamlEvents(const std::string& text, const std::string& fileName,
                            YAML::EventHandler& handler, Diagnostics& diagnostics,
                            std::uint64_t aliasNodeAllowance) {
    TextBuffer buffer(text);
    std::istream input(&buffer);
    YamlScan guarded(aliasNodeAllowance, &handler);
    try {
        YAML::Parser parser(input);
        while (parser.HandleNextDocument(guarded)) {
        }
    } catch (const StopScan&) {
        return reportScan(guarded, fileName, diagnostics);
    }
    return true;
}

} // namespace jobscope
