// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finding a Pod's position by its name or uid among hundreds of thousands: an open-addressing
// table of (hash, position) pairs, 8 bytes a slot and no allocation per entry. The keys stay
// where they are (the Timeline's Pods); lookups read them through a callable, so the table
// holds no copies and no views that a growing vector could leave dangling.

#include "text_hash.h"

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

namespace jobscope {

class IdIndex {
public:
    static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

    void reserve(std::size_t count) {
        std::size_t capacity = 16;
        while (capacity < count * 2)
            capacity *= 2;
        if (capacity > slots_.size())
            rehash(capacity);
    }

    // Adds `id` under `key`. Keys are expected to be unique; a second entry for the same key
    // is kept but never found before the first.
    void insert(std::string_view key, uint32_t id) {
        if ((size_ + 1) * 2 > slots_.size())
            rehash(slots_.empty() ? 16 : slots_.size() * 2);
        place({hashOf(key), id});
        ++size_;
    }

    // The id whose key (keyOf(id)) equals `key`, or kNone.
    template <class KeyOf> uint32_t find(std::string_view key, const KeyOf& keyOf) const {
        if (slots_.empty())
            return kNone;
        const uint32_t hash = hashOf(key);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.id == kNone)
                return kNone;
            if (slot.hash == hash && std::string_view(keyOf(slot.id)) == key)
                return slot.id;
        }
    }

    std::size_t size() const { return size_; }

private:
    struct Slot {
        uint32_t hash = 0;
        uint32_t id = kNone;
    };

    static uint32_t hashOf(std::string_view key) { return static_cast<uint32_t>(hashText(key)); }
    void place(Slot entry) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = entry.hash & mask;
        while (slots_[i].id != kNone)
            i = (i + 1) & mask;
        slots_[i] = entry;
    }
    void rehash(std::size_t capacity) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(capacity, Slot{});
        for (const Slot& s : old)
            if (s.id != kNone)
                place(s);
    }

    std::vector<Slot> slots_; // size a power of two, at most half full
    std::size_t size_ = 0;
};

} // namespace jobscope
