// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The simulator's event queue: what std::priority_queue gives (the earliest item first, by a
// strict total order), at a lower cost for the way the simulator pushes. Most of its events
// are planned a fixed delay after the current time (an API call's latency, the scheduler's
// delay, a container's start, a Pod's run time), so each such stream of pushes arrives
// already in order. An item that is not earlier than the last one of a run is appended to
// that run (a FIFO); the rest go to a heap. The earliest item is then the earliest of the
// runs' fronts and the heap's top: a few comparisons instead of a sift through thousands of
// items.

#include <array>
#include <cstddef>
#include <queue>
#include <vector>

namespace jobscope::sim {

// `Later(a, b)`: a comes after b (as std::priority_queue's comparator for a min-queue). It must
// be a strict total order: two items never tie.
template <class T, class Later> class RunQueue {
public:
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }

    void push(const T& item) {
        ++size_;
        earliest_ = kUnknown;
        for (Run& run : runs_) {
            if (run.empty() || !later_(run.back(), item)) {
                run.push(item);
                return;
            }
        }
        heap_.push(item);
    }

    // The earliest item; the queue must not be empty.
    const T& top() const {
        const std::size_t from = earliest();
        return from == kHeap ? heap_.top() : runs_[from].front();
    }

    void pop() {
        const std::size_t from = earliest();
        if (from == kHeap)
            heap_.pop();
        else
            runs_[from].pop();
        earliest_ = kUnknown;
        --size_;
    }

private:
    // Items in order, taken from the front; the storage is reused once it is all taken, and
    // compacted when the taken part is most of it.
    struct Run {
        std::vector<T> items;
        std::size_t head = 0;
        bool empty() const { return head == items.size(); }
        const T& front() const { return items[head]; }
        const T& back() const { return items.back(); }
        void push(const T& item) { items.push_back(item); }
        void pop() {
            if (++head == items.size()) {
                items.clear();
                head = 0;
            } else if (head >= 4096 && head * 2 >= items.size()) {
                items.erase(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(head));
                head = 0;
            }
        }
    };

    static constexpr std::size_t kHeap = static_cast<std::size_t>(-2);
    static constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);

    // Where the earliest item is: a run's index or kHeap. Remembered from top() for the pop()
    // that follows it.
    std::size_t earliest() const {
        if (earliest_ != kUnknown)
            return earliest_;
        const T* best = heap_.empty() ? nullptr : &heap_.top();
        std::size_t from = kHeap;
        for (std::size_t i = 0; i < kRuns; ++i) {
            const Run& run = runs_[i];
            if (!run.empty() && (!best || later_(*best, run.front()))) {
                best = &run.front();
                from = i;
            }
        }
        earliest_ = from;
        return from;
    }

    // As many as the simulator has fixed delays that interleave; more would only add
    // comparisons to every pop.
    static constexpr std::size_t kRuns = 6;
    std::array<Run, kRuns> runs_;
    std::priority_queue<T, std::vector<T>, Later> heap_;
    Later later_;
    std::size_t size_ = 0;
    mutable std::size_t earliest_ = kUnknown;
};

} // namespace jobscope::sim
