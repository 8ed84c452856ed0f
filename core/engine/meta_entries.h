// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Job controller's annotation and label keys as strings made once, and a setter for the
// numeric ones. A map lookup by literal builds (and allocates) a temporary string each time;
// the controller, the simulator and the analysis read and write these on every Pod they touch.

#include <map>
#include <optional>
#include <string>

namespace jobscope {

const std::string& completionIndexKey();          // batch.kubernetes.io/job-completion-index
const std::string& indexFailureCountKey();        // batch.kubernetes.io/job-index-failure-count
const std::string& indexIgnoredFailureCountKey(); // ...job-index-ignored-failure-count

// The entry for `key` in a Pod's labels or annotations, or end(). A Pod carries a few of
// them, mostly under the long "batch.kubernetes.io/" prefix that every comparison of a tree
// search reads again: a few entries are scanned instead, comparing lengths first.
template <class Entries> auto findEntry(Entries& entries, const std::string& key) {
    if (entries.size() > 8)
        return entries.find(key);
    auto it = entries.begin();
    for (; it != entries.end(); ++it)
        if (it->first.size() == key.size() && it->first == key)
            break;
    return it;
}

// Sets `key` to the decimal `value`, or removes it when there is none, reusing the node of a
// key already there and leaving a value that is already right untouched.
void setNumberEntry(std::map<std::string, std::string>& entries, const std::string& key,
                    std::optional<int> value);

} // namespace jobscope
