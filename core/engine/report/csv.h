// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CSV reports of an Analysis: RFC 4180 — a header row, comma separators, CRLF
// line ends, fields quoted when they hold a comma, quote, CR or LF (quotes doubled). Times are
// seconds with millisecond precision ("12.345"), measured from `origin` (pass the Timeline's
// start for seconds since the Job's creation). Cause ids (explanation.h) are joined with ';'
// inside one quoted field, the primary first. An unset time or number is an empty field.

#include "analysis/analysis.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobscope {

// Where a report's text goes as it is made: into one string, or, with a drain, through a
// buffer handed to the drain each time it holds kChunk bytes or more and at the end, so that a
// report of any size is written in about kChunk of memory.
class ReportText {
public:
    // Takes a piece of the text; false when it cannot (the rest is then not made).
    using Drain = std::function<bool(std::string_view)>;
    static constexpr std::size_t kChunk = 1 << 20;

    ReportText() = default;
    explicit ReportText(Drain drain) : drain_(std::move(drain)) {}

    std::string& buffer() { return text_; }
    // Room for about `bytes` of text when it is kept whole.
    void expect(std::size_t bytes) {
        if (!drain_)
            text_.reserve(text_.size() + bytes);
    }
    // After each row: a full buffer goes to the drain.
    void rowDone() {
        if (drain_ && text_.size() >= kChunk)
            drainBuffer();
    }
    // The rest goes to the drain; whether every piece went (false once the drain refused one).
    bool finish() {
        if (drain_)
            drainBuffer();
        return ok_;
    }
    // The whole text, without a drain.
    std::string take() { return std::move(text_); }

private:
    void drainBuffer() {
        if (ok_ && !text_.empty())
            ok_ = drain_(text_);
        text_.clear();
    }
    Drain drain_;
    std::string text_;
    bool ok_ = true;
};

// Each report into `out` (finish() is the caller's), and the same as one string.
// time,requested,want_active,active,ready,running,pending,terminating,succeeded,failed,
// remaining,causes  (remaining empty without spec.completions); docs/csv.md says what each is
void seriesCsv(const std::vector<SeriesRow>& rows, Seconds origin, ReportText& out);
std::string seriesCsv(const std::vector<SeriesRow>& rows, Seconds origin = 0);
// start,end,cause,primary,continues,explanation,params  (params: "key=value;key=value")
void causesCsv(const std::vector<CauseInterval>& intervals, Seconds origin, ReportText& out);
std::string causesCsv(const std::vector<CauseInterval>& intervals, Seconds origin = 0);
// name,index,attempt,node,created,scheduled,started,ready,terminating,finished,deleted,phase,
// exit_code,disruption_target,container_finished
void podsCsv(const std::vector<PodLifecycle>& pods, Seconds origin, ReportText& out);
std::string podsCsv(const std::vector<PodLifecycle>& pods, Seconds origin = 0);
// time,active,ready,terminating,succeeded,failed,uncounted_succeeded,uncounted_failed,
// completed_indexes,failed_indexes,start_time,completion_time,conditions — one row per write of
// the Job's status (an observation of the Job whose status differs from the one before);
// conditions "Type=Status(Reason)@time" joined with ';'
void statusCsv(const std::vector<JobObservation>& jobChanges, Seconds origin, ReportText& out);
std::string statusCsv(const std::vector<JobObservation>& jobChanges, Seconds origin = 0);
// time,object_kind,object_name,type,reason,message,count
void eventsCsv(const std::vector<TimelineEvent>& events, Seconds origin, ReportText& out);
std::string eventsCsv(const std::vector<TimelineEvent>& events, Seconds origin = 0);

// One field as RFC 4180 wants it: quoted (with quotes doubled) when it holds a comma, a
// double quote, CR or LF; `alwaysQuote` quotes it regardless.
std::string csvField(std::string_view text, bool alwaysQuote = false);
// `t - origin` with three decimals; -0.000 is written 0.000.
std::string csvSeconds(Seconds t, Seconds origin = 0);
// The same, appended to `out` (a report's rows are built in one string, without a string per
// field).
void appendCsvField(std::string& out, std::string_view text, bool alwaysQuote = false);
void appendCsvSeconds(std::string& out, Seconds t, Seconds origin = 0);

// Writes `content` to `path` atomically: into a new temporary file in the same directory,
// then renamed over `path`, so a reader sees the old file or the whole new one. Returns an
// error message (naming the path and the reason) on failure, after removing the temporary
// file; std::nullopt on success.
std::optional<std::string> writeFileAtomically(const std::string& path, std::string_view content);
// The same, the content made by `produce`, which hands it to the drain it is given piece by
// piece and returns whether it could (a refused piece is the write's error).
std::optional<std::string>
writeFileAtomically(const std::string& path,
                    const std::function<bool(const ReportText::Drain&)>& produce);

} // namespace jobscope
