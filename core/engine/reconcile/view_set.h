// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A set of string views (Pod uids) for the length of one sync: open addressing, no allocation
// per element. A pass builds several of these over every Pod it is given; a node-based
// std::unordered_set spent more on malloc and free than the pass spent deciding anything.
// The viewed strings must outlive the set (they belong to the request).

#include "text_hash.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace jobscope {

class ViewSet {
public:
    ViewSet() = default;
    template <class It> ViewSet(It first, It last) { insert(first, last); }

    void reserve(std::size_t count) {
        std::size_t capacity = 8;
        while (capacity < count * 2)
            capacity *= 2;
        if (capacity > slots_.size())
            rehash(capacity);
    }
    bool insert(std::string_view value) {
        if ((used_ + 1) * 2 > slots_.size())
            rehash(slots_.size() < 8                 ? 8
                   : (size_ + 1) * 4 > slots_.size() ? slots_.size() * 2
                                                     : slots_.size());
        const std::size_t hash = hashOf(value);
        std::size_t free = kNotFound;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot& slot = slots_[i];
            if (slot.state == State::Empty) {
                if (free == kNotFound) {
                    free = i;
                    ++used_;
                }
                break;
            }
            if (slot.state == State::Erased) {
                if (free == kNotFound)
                    free = i;
            } else if (slot.hash == hash && slot.value == value) {
                return false;
            }
        }
        slots_[free] = {value, hash, State::Full};
        ++size_;
        return true;
    }
    template <class It> void insert(It first, It last) {
        for (; first != last; ++first)
            insert(std::string_view(*first));
    }
    std::size_t erase(std::string_view value) {
        const std::size_t i = position(value);
        if (i == kNotFound)
            return 0;
        slots_[i].state = State::Erased;
        --size_;
        return 1;
    }
    std::size_t count(std::string_view value) const { return position(value) == kNotFound ? 0 : 1; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

private:
    enum class State : uint8_t { Empty, Full, Erased };
    struct Slot {
        std::string_view value;
        std::size_t hash = 0;
        State state = State::Empty;
    };
    static constexpr std::size_t kNotFound = static_cast<std::size_t>(-1);

    static std::size_t hashOf(std::string_view value) { return hashText(value); }
    std::size_t position(std::string_view value) const {
        if (size_ == 0)
            return kNotFound;
        const std::size_t hash = hashOf(value);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.state == State::Empty)
                return kNotFound;
            if (slot.state == State::Full && slot.hash == hash && slot.value == value)
                return i;
        }
    }
    void rehash(std::size_t capacity) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(capacity, Slot{});
        size_ = used_ = 0;
        for (const Slot& s : old)
            if (s.state == State::Full)
                insert(s.value);
    }

    std::vector<Slot> slots_; // a power of two in size; Full and Erased slots at most half
    std::size_t size_ = 0;    // Full slots
    std::size_t used_ = 0;    // Full and Erased slots
};

} // namespace jobscope
