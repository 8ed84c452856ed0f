// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Checks a YAML text with yaml-cpp's event parser before YAML::LoadAll builds its nodes, for
// two inputs that would otherwise take the program down:
// - a yaml-cpp 0.7 parser bug found by fuzzing (fuzz_state, fuzz_manifest; jbeder/yaml-cpp#1040,
//   fixed upstream after 0.7): a ',' outside any flow collection where a document may start
//   ("{a: 1}," or a line that is just ",") makes Parser::HandleNextDocument start an empty
//   document at the same place again and again, so YAML::LoadAll never returns and allocates
//   until memory runs out;
// - an alias bomb: anchors that alias anchors ("a: &a [x, x]", "b: &b [*a, *a]", …) make a few
//   hundred bytes stand for billions of nodes, which every walk over the tree (validation, the
//   conversion of a dump to JSON) visits one by one. The aliases of a document may add at most
//   as many nodes as the document writes itself, or kYamlAliasNodeAllowance when that is more
//   (YAML written by hand or by kubectl uses aliases little or not at all).
// Every YAML load goes through loadYamlDocuments (yaml_reader.h), which calls checkYamlInput.

#include "diagnostics.h"

#include <yaml-cpp/eventhandler.h>

#include <cstdint>
#include <optional>
#include <streambuf>
#include <string>

namespace jobscope {

inline constexpr std::uint64_t kYamlAliasNodeAllowance = 100'000;

// A text as a read-only stream buffer, without a copy: yaml-cpp parses from a std::istream.
class TextBuffer : public std::streambuf {
public:
    explicit TextBuffer(const std::string& text) {
        char* begin = const_cast<char*>(text.data());
        setg(begin, begin, begin + text.size());
    }
};

// The position where the parser stalls, or nullopt when it does not. Syntax errors are not
// reported here (YAML::LoadAll reports them with their position).
std::optional<SourcePosition> findYamlParserStall(const std::string& text);

// As above, reported as a YAML syntax error in `diagnostics`; returns false on a stall.
bool checkYamlParserStall(const std::string& text, const std::string& fileName,
                          Diagnostics& diagnostics);

// Both checks in one pass over the events: a stall, and aliases that add more nodes than
// allowed (reported at the alias that crosses the limit). Returns false after reporting.
bool checkYamlInput(const std::string& text, const std::string& fileName, Diagnostics& diagnostics,
                    std::uint64_t aliasNodeAllowance = kYamlAliasNodeAllowance);

// Parses `text` into `handler` event by event with both checks made on the way, in one pass:
// returns false after reporting a stall or an alias bomb (the handler has seen the events up to
// there). yaml-cpp's syntax errors are thrown, as YAML::LoadAll throws them.
bool parseGuardedYamlEvents(const std::string& text, const std::string& fileName,
                            YAML::EventHandler& handler, Diagnostics& diagnostics,
                            std::uint64_t aliasNodeAllowance = kYamlAliasNodeAllowance);

} // namespace jobscope
