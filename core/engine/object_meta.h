// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Object metadata shared by Jobs and Pods, and the engine's notion of time.

#include "interned_string.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobscope {

// Seconds on one shared clock. Manifests and traces carry RFC 3339 timestamps, which are
// read as seconds since the Unix epoch; hand-written states may use small numbers instead.
using Seconds = double;

struct ObjectMeta {
    std::string name;
    std::string namespace_;
    std::string uid;
    std::string generateName;
    int64_t generation = 0;
    std::optional<Seconds> creationTimestamp;
    std::optional<Seconds> deletionTimestamp;
    std::optional<int64_t> deletionGracePeriodSeconds;
    std::map<std::string, std::string> labels;
    std::map<std::string, std::string> annotations;
    // Interned: the controller's Pods all carry the one tracking finalizer, and it is asked
    // for on every Pod of every sync.
    std::vector<InternedString> finalizers;

    // Any text InternedString compares with; an InternedString compares by pointer.
    template <class Text> bool hasFinalizer(const Text& finalizer) const {
        for (const auto& f : finalizers)
            if (f == finalizer)
                return true;
        return false;
    }
    const std::string* annotation(const std::string& key) const {
        auto it = annotations.find(key);
        return it == annotations.end() ? nullptr : &it->second;
    }
};

} // namespace jobscope
