// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Go's strconv.Quote (%q), which upstream's validation and index-parsing messages use to show
// a value: "quoted", with escapes for control characters and stray bytes.

#include <string>

namespace jobscope {

std::string goQuote(const std::string& value);

} // namespace jobscope
