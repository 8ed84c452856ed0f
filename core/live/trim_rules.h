// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What trimObject keeps (trim.h), as data: the rules of each kind, read by trimObject over a
// parsed object and by the pruning reader (pruned_watch_event.h) over the bytes of one, so
// that both keep the same.

#include "live/observation.h"

#include <QJsonObject>

#include <cstdint>
#include <span>
#include <string_view>

namespace jobscope::live::trim_rules {

// What becomes of a member.
enum class Take : std::uint8_t {
    Value,       // the value as it is
    Object,      // the value as an object (anything else as {}), through `fields`
    Items,       // the value as an array (anything else as []): each item as an object (anything
                 // else as {}) through `fields`; kept when the array is not empty
    WholeObject, // the value as an object (anything else as {}), as it is
    Strings,     // the value as an object: its members whose value is a string and whose key
                 // `keep` accepts; kept when there is one
};

// When an Object or a WholeObject is kept (a Value is kept when it is there).
enum class When : std::uint8_t {
    Always,         // also when the member is missing
    Present,        // when the member is there
    SourceNotEmpty, // when the value, as an object, has members
    NotEmpty,       // when what is kept of it has members
};

struct Fields;

struct Field {
    std::string_view key;
    Take take = Take::Value;
    When when = When::Present;
    const Fields* fields = nullptr;           // of an Object or the items
    bool (*keep)(std::string_view) = nullptr; // of Strings
};

// At most 32 members: the pruning reader marks those it met in 32 bits.
struct Fields {
    std::span<const Field> members;
};

// The rules of an object of `kind`.
const Fields& objectRules(ObjectKind kind);

// What `rules` keep of `object`.
QJsonObject apply(const Fields& rules, const QJsonObject& object);

} // namespace jobscope::live::trim_rules
