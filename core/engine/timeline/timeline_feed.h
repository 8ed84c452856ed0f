// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A Timeline handed from the thread that writes it (the simulator) to one thread that reads it
// while it grows (the analysis), so that the two run side by side on two cores.
//
// The writer appends to the Timeline's lists and, at instants it has finished, publishes how
// far each list reaches: everything up to a published extent is final (no later write touches
// it), and nothing after it has a time at or before the published instant. The reader takes
// `access` while it reads and only reads within the extent it was handed. The writer never
// moves a list the reader may be reading: it grows a full list inside whileReaderAway, which
// waits for the reader to let go. Appending without growing writes other memory than the
// reader reads (the list's end, the new element), so it needs no lock.

#include "timeline/timeline.h"

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>

namespace jobscope {

// How far a Timeline's lists reach at a published instant.
struct TimelineExtent {
    std::size_t pods = 0;
    std::size_t jobChanges = 0;
    std::size_t podChanges = 0;
    std::size_t events = 0;
    bool final = false; // the writer is done: the whole Timeline, `end` included

    bool operator==(const TimelineExtent&) const = default;
};

// The extent of everything `timeline` holds.
TimelineExtent wholeExtent(const Timeline& timeline);

class TimelineFeed {
public:
    // The writer publishes at the end of an instant that added at least `batch` Pod
    // observations since it last published, so that the reader wakes in batches.
    static constexpr std::size_t kDefaultBatch = 1024;
    explicit TimelineFeed(std::size_t batch = kDefaultBatch) : batch_(batch) {}
    std::size_t batch() const { return batch_; }

    // --- the writer
    // Publishes how far `timeline` reaches; `final` once it is complete. Cheap when nothing
    // waits: a lock held for a few stores.
    void publish(const Timeline& timeline, bool final);
    // Runs `grow` (which may move the Timeline's lists) while the reader is not reading.
    template <class Grow> void whileReaderAway(Grow&& grow) {
        const std::lock_guard<std::mutex> lock(access);
        grow();
    }
    // The writer failed: the reader stops at the next wait. Also safe after publish(…, true).
    void abandon();
    // Blocks until the reader has finished (finishReading), after which the writer may move
    // or free the Timeline.
    void waitForReader();

    // --- the reader
    // Waits until more than `seen` is published; nothing when the writer abandoned the feed.
    std::optional<TimelineExtent> next(const TimelineExtent& seen);
    // The Timeline being written, once next() has returned an extent.
    const Timeline* timeline();
    // The reader will not touch the Timeline again.
    void finishReading();

    // Held by the reader while it reads, and by the writer while it grows a list.
    std::mutex access;

private:
    const std::size_t batch_;
    std::mutex state_;
    std::condition_variable changed_;
    const Timeline* timeline_ = nullptr;
    TimelineExtent published_;
    bool abandoned_ = false;
    bool readerDone_ = false;
};

} // namespace jobscope
