// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A guard against a yaml-cpp 0.7 parser bug found by fuzzing (fuzz_state, fuzz_manifest;
// jbeder/yaml-cpp#1040, fixed upstream after 0.7):
// a ',' outside any flow collection where a document may start ("{a: 1}," or a line that is
// just ",") makes Parser::HandleNextDocument start an empty document at the same place again
// and again, so YAML::LoadAll never returns and allocates until memory runs out. This scans
// the text with yaml-cpp's event parser and reports the first place where a document starts
// without the parser having moved on. Call it before YAML::LoadAll.

#include "diagnostics.h"

#include <optional>
#include <string>

namespace jobscope {

// The position where the parser stalls, or nullopt when it does not. Syntax errors are not
// reported here (YAML::LoadAll reports them with their position).
std::optional<SourcePosition> findYamlParserStall(const std::string& text);

// As above, reported as a YAML syntax error in `diagnostics`; returns false on a stall.
bool checkYamlParserStall(const std::string& text, const std::string& fileName,
                          Diagnostics& diagnostics);

} // namespace jobscope
