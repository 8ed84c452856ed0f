// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timeline_feed.h"

namespace jobscope {

TimelineExtent wholeExtent(const Timeline& timeline) {
    return {timeline.pods.size(), timeline.jobChanges.size(), timeline.podChanges.size(),
            timeline.events.size(), true};
}

void TimelineFeed::publish(const Timeline& timeline, bool final) {
    TimelineExtent extent = wholeExtent(timeline);
    extent.final = final;
    {
        const std::lock_guard<std::mutex> lock(state_);
        timeline_ = &timeline;
        published_ = extent;
    }
    changed_.notify_all();
}

void TimelineFeed::abandon() {
    {
        const std::lock_guard<std::mutex> lock(state_);
        abandoned_ = true;
    }
    changed_.notify_all();
}

void TimelineFeed::waitForReader() {
    std::unique_lock<std::mutex> lock(state_);
    changed_.wait(lock, [this] { return readerDone_; });
}

std::optional<TimelineExtent> TimelineFeed::next(const TimelineExtent& seen) {
    std::unique_lock<std::mutex> lock(state_);
    changed_.wait(lock, [&] { return abandoned_ || !(published_ == seen); });
    if (abandoned_ && !published_.final)
        return std::nullopt;
    return published_;
}

const Timeline* TimelineFeed::timeline() {
    const std::lock_guard<std::mutex> lock(state_);
    return timeline_;
}

void TimelineFeed::finishReading() {
    {
        const std::lock_guard<std::mutex> lock(state_);
        readerDone_ = true;
    }
    changed_.notify_all();
}

} // namespace jobscope
