// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finding a Pod's position by its name or uid among hundreds of thousands: an open-addressing
// table of (hash, position) pairs, 8 bytes a slot and no allocation per entry. The keys stay
// where they are (the Timeline's Pods); lookups read them through a callable, so the table
// holds no copies and no views that a growing vector could leave dangling.
//
// Most lookups are of keys that are not there (the simulator checks each name it draws), and
// at a million Pods the table is 16 MB, so each of those would wait for memory. A bit per hash
// (a filter of 4 bits a slot, 1 MB there) answers most of them from the cache: a clear bit
// means absent; a set one, most likely present, sends the lookup on to the table.

#include "text_hash.h"

#include <algorithm>
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
        if (!mayHold(hash))
            return kNone;
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
    // The filter's bit for a hash: its top bits after a multiplication, so that it does not
    // follow the slot, which the low bits pick.
    std::size_t filterBit(uint32_t hash) const {
        return static_cast<uint32_t>(hash * 0x9E3779B1u) >> filterShift_;
    }
    bool mayHold(uint32_t hash) const {
        const std::size_t bit = filterBit(hash);
        return (filter_[bit / 64] >> (bit % 64)) & 1u;
    }
    void place(Slot entry) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = entry.hash & mask;
        while (slots_[i].id != kNone)
            i = (i + 1) & mask;
        slots_[i] = entry;
        const std::size_t bit = filterBit(entry.hash);
        filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
    void rehash(std::size_t capacity) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(capacity, Slot{});
        // 4 bits a slot: at most half the slots are full, so at most 1 bit in 8 is set.
        int bits = 0;
        while ((std::size_t{1} << bits) < capacity * 4)
            ++bits;
        filterShift_ = 32 - bits;
        filter_.assign(std::max<std::size_t>(capacity * 4 / 64, 1), 0);
        for (const Slot& s : old)
            if (s.id != kNone)
                place(s);
    }

    std::vector<Slot> slots_; // size a power of two, at most half full
    std::vector<uint64_t> filter_;
    int filterShift_ = 32;
    std::size_t size_ = 0;
};

} // namespace jobscope
