// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CSV reports of an Analysis: RFC 4180 — a header row, comma separators, CRLF
// line ends, fields quoted when they hold a comma, quote, CR or LF (quotes doubled). Times are
// seconds with millisecond precision ("12.345"), measured from `origin` (pass the Timeline's
// start for seconds since the Job's creation). Cause ids (explanation.h) are joined with ';'
// inside one quoted field, the primary first. An unset time or number is an empty field.

#include "analysis/analysis.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobscope {

// time,requested,want_active,active,ready,running,pending,terminating,succeeded,failed,
// remaining,causes  (remaining empty without spec.completions); docs/csv.md says what each is
std::string seriesCsv(const std::vector<SeriesRow>& rows, Seconds origin = 0);
// start,end,cause,primary,continues,explanation,params  (params: "key=value;key=value")
std::string causesCsv(const std::vector<CauseInterval>& intervals, Seconds origin = 0);
// name,index,attempt,node,created,scheduled,started,ready,terminating,finished,deleted,phase,
// exit_code,disruption_target,container_finished
std::string podsCsv(const std::vector<PodLifecycle>& pods, Seconds origin = 0);
// time,active,ready,terminating,succeeded,failed,uncounted_succeeded,uncounted_failed,
// completed_indexes,failed_indexes,start_time,completion_time,conditions — one row per write of
// the Job's status (an observation of the Job whose status differs from the one before);
// conditions "Type=Status(Reason)@time" joined with ';'
std::string statusCsv(const std::vector<JobObservation>& jobChanges, Seconds origin = 0);
// time,object_kind,object_name,type,reason,message,count
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

} // namespace jobscope
