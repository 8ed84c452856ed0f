// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/csv.h"

#include "number_text.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace jobscope {

namespace {

constexpr const char* kEol = "\r\n";

void appendNumber(std::string& out, long long value) {
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, ec == std::errc() ? static_cast<size_t>(end - digits) : 0);
}

class Row {
public:
    explicit Row(ReportText& text) : text_(text), out_(text.buffer()) {}
    ~Row() {
        out_ += kEol;
        text_.rowDone();
    }
    Row(const Row&) = delete;
    Row& operator=(const Row&) = delete;

    Row& text(std::string_view s, bool alwaysQuote = false) {
        sep();
        appendCsvField(out_, s, alwaysQuote);
        return *this;
    }
    Row& number(long long v) {
        sep();
        appendNumber(out_, v);
        return *this;
    }
    Row& time(Seconds t, Seconds origin) {
        sep();
        appendCsvSeconds(out_, t, origin);
        return *this;
    }
    Row& time(const std::optional<Seconds>& t, Seconds origin) {
        sep();
        if (t)
            appendCsvSeconds(out_, *t, origin);
        return *this;
    }
    Row& empty() {
        sep();
        return *this;
    }

private:
    void sep() {
        if (!first_)
            out_ += ',';
        first_ = false;
    }
    ReportText& text_;
    std::string& out_;
    bool first_ = true;
};

// What `produce` makes, written to `file`; the errno of a failed write goes to `writeErrno`.
// When `produce` throws, `file` is closed and `discard` runs before the exception goes on.
template <class Discard>
bool produceInto(std::FILE* file, const std::function<bool(const ReportText::Drain&)>& produce,
                 int& writeErrno, Discard discard) {
    try {
        return produce([file, &writeErrno](std::string_view piece) {
            if (std::fwrite(piece.data(), 1, piece.size(), file) == piece.size())
                return true;
            writeErrno = errno;
            return false;
        });
    } catch (...) {
        std::fclose(file);
        discard();
        throw;
    }
}

// A report made whole, as one string.
template <class Rows>
std::string wholeText(const Rows& rows, Seconds origin,
                      void (*make)(const Rows&, Seconds, ReportText&)) {
    ReportText text;
    make(rows, origin, text);
    return text.take();
}

std::string joinCauses(const std::vector<InternedString>& ids) {
    std::string s;
    for (const auto& id : ids) {
        if (!s.empty())
            s += ';';
        s += id;
    }
    return s;
}

std::string formatValue(double v) {
    const bool whole = std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15;
    return formatFixed(v, whole ? 0 : 3);
}

} // namespace

void appendCsvField(std::string& out, std::string_view text, bool alwaysQuote) {
    // (A plain loop: find_first_of searches the set of four for every character.)
    const bool quote = alwaysQuote || std::any_of(text.begin(), text.end(), [](char c) {
                           return c == ',' || c == '"' || c == '\r' || c == '\n';
                       });
    if (!quote) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

std::string csvField(std::string_view text, bool alwaysQuote) {
    std::string out;
    appendCsvField(out, text, alwaysQuote);
    return out;
}

void appendCsvSeconds(std::string& out, Seconds t, Seconds origin) {
    const double v = t - origin;
    // Whole milliseconds, rounded half away from zero, printed exactly (and fast: a report of
    // 100 000 Pods holds close to a million times). -0.0004 becomes 0, never "-0.000".
    if (!std::isfinite(v) || std::fabs(v) > 9e15) {
        out += formatFixed(v, 3);
        return;
    }
    const long long ms = std::llround(v * 1000.0);
    const unsigned long long magnitude =
        ms < 0 ? 0ULL - static_cast<unsigned long long>(ms) : static_cast<unsigned long long>(ms);
    if (ms < 0)
        out += '-';
    appendNumber(out, static_cast<long long>(magnitude / 1000));
    const unsigned frac = static_cast<unsigned>(magnitude % 1000);
    out += '.';
    out += static_cast<char>('0' + frac / 100);
    out += static_cast<char>('0' + frac / 10 % 10);
    out += static_cast<char>('0' + frac % 10);
}

std::string csvSeconds(Seconds t, Seconds origin) {
    std::string out;
    appendCsvSeconds(out, t, origin);
    return out;
}

void seriesCsv(const std::vector<SeriesRow>& rows, Seconds origin, ReportText& out) {
    out.buffer() += "time,requested,want_active,active,ready,running,pending,terminating,"
                    "succeeded,failed,remaining,causes";
    out.buffer() += kEol;
    out.expect(rows.size() * 64);
    for (const auto& r : rows) {
        Row row(out);
        row.time(r.time, origin)
            .number(r.requested)
            .number(r.wantActive)
            .number(r.active)
            .number(r.ready)
            .number(r.running)
            .number(r.pending)
            .number(r.terminating)
            .number(r.succeeded)
            .number(r.failed);
        if (r.remaining >= 0)
            row.number(r.remaining);
        else
            row.empty();
        row.text(joinCauses(r.causes), true);
    }
}

std::string seriesCsv(const std::vector<SeriesRow>& rows, Seconds origin) {
    return wholeText(rows, origin, &seriesCsv);
}

void statusCsv(const std::vector<JobObservation>& jobChanges, Seconds origin, ReportText& out) {
    out.buffer() += "time,active,ready,terminating,succeeded,failed,uncounted_succeeded,"
                    "uncounted_failed,completed_indexes,failed_indexes,start_time,"
                    "completion_time,conditions";
    out.buffer() += kEol;
    const JobStatus* previous = nullptr;
    for (const JobObservation& o : jobChanges) {
        if (o.deleted || (previous && *previous == o.status))
            continue;
        previous = &o.status;
        const JobStatus& s = o.status;
        const auto optional = [](Row& row, const std::optional<int32_t>& v) {
            if (v)
                row.number(*v);
            else
                row.empty();
        };
        std::string conditions;
        for (const JobCondition& c : s.conditions) {
            if (!conditions.empty())
                conditions += ';';
            // Appended piece by piece: GCC 12's -Wrestrict misreads `"(" + s + ")"` at -O3.
            conditions.append(c.type).append(1, '=').append(c.status);
            if (!c.reason.empty())
                conditions.append(1, '(').append(c.reason).append(1, ')');
            if (c.lastTransitionTime)
                conditions.append(1, '@').append(csvSeconds(*c.lastTransitionTime, origin));
        }
        Row row(out);
        row.time(o.time, origin).number(s.active);
        optional(row, s.ready);
        optional(row, s.terminating);
        row.number(s.succeeded).number(s.failed);
        if (s.uncountedTerminatedPods)
            row.number(static_cast<long long>(s.uncountedTerminatedPods->succeeded.size()))
                .number(static_cast<long long>(s.uncountedTerminatedPods->failed.size()));
        else
            row.empty().empty();
        row.text(s.completedIndexes, true);
        if (s.failedIndexes)
            row.text(*s.failedIndexes, true);
        else
            row.empty();
        row.time(s.startTime, origin).time(s.completionTime, origin).text(conditions, true);
    }
}

std::string statusCsv(const std::vector<JobObservation>& jobChanges, Seconds origin) {
    return wholeText(jobChanges, origin, &statusCsv);
}

void causesCsv(const std::vector<CauseInterval>& intervals, Seconds origin, ReportText& out) {
    out.buffer() += "start,end,cause,primary,continues,explanation,params";
    out.buffer() += kEol;
    for (const auto& c : intervals) {
        std::string params;
        for (const auto& p : c.params) {
            if (!params.empty())
                params += ';';
            params += p.key + "=" + (p.text.empty() ? formatValue(p.value) : p.text);
        }
        Row(out)
            .time(c.start, origin)
            .time(c.end, origin)
            .text(static_cast<const std::string&>(c.cause))
            .text(c.primary ? "true" : "false")
            .text(c.continues ? "true" : "false")
            .text(causeSentence(c))
            .text(params, true);
    }
}

std::string causesCsv(const std::vector<CauseInterval>& intervals, Seconds origin) {
    return wholeText(intervals, origin, &causesCsv);
}

void podsCsv(const std::vector<PodLifecycle>& pods, Seconds origin, ReportText& out) {
    out.buffer() += "name,index,attempt,node,created,scheduled,started,ready,terminating,"
                    "finished,deleted,phase,exit_code,disruption_target,container_finished";
    out.buffer() += kEol;
    out.expect(pods.size() * 128);
    for (const auto& p : pods) {
        Row row(out);
        row.text(p.name);
        if (p.index >= 0)
            row.number(p.index);
        else
            row.empty();
        row.number(p.attempt)
            .text(p.node.str())
            .time(p.created, origin)
            .time(p.scheduled, origin)
            .time(p.started, origin)
            .time(p.ready, origin)
            .time(p.terminating, origin)
            .time(p.finished, origin)
            .time(p.deleted, origin)
            .text(p.phase.str());
        if (p.exitCode)
            row.number(*p.exitCode);
        else
            row.empty();
        row.text(p.disruptionTarget ? "true" : "false").time(p.containerFinished, origin);
    }
}

std::string podsCsv(const std::vector<PodLifecycle>& pods, Seconds origin) {
    return wholeText(pods, origin, &podsCsv);
}

void eventsCsv(const std::vector<TimelineEvent>& events, Seconds origin, ReportText& out) {
    out.buffer() += "time,object_kind,object_name,type,reason,message,count";
    out.buffer() += kEol;
    out.expect(events.size() * 128);
    for (const auto& e : events)
        Row(out)
            .time(e.time, origin)
            .text(e.objectKind.str())
            .text(e.objectName)
            .text(e.type.str())
            .text(e.reason.str())
            .text(e.message)
            .number(e.count);
}

std::string eventsCsv(const std::vector<TimelineEvent>& events, Seconds origin) {
    return wholeText(events, origin, &eventsCsv);
}

std::optional<std::string> writeFileAtomically(const std::string& path, std::string_view content) {
    return writeFileAtomically(
        path, [content](const ReportText::Drain& drain) { return drain(content); });
}

std::optional<std::string>
writeFileAtomically(const std::string& path,
                    const std::function<bool(const ReportText::Drain&)>& produce) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    if (target.filename().empty())
        return "cannot write \"" + path + "\": not a file name";
    const fs::path dir = target.parent_path();

    // A device or a pipe (/dev/stdout, /dev/null, a FIFO) is written in place: renaming a
    // temporary file over it would replace the device node itself.
    std::error_code statError;
    const fs::file_status existing = fs::status(target, statError);
    if (!statError && fs::exists(existing) && !fs::is_regular_file(existing) &&
        !fs::is_directory(existing)) {
        std::FILE* out = std::fopen(path.c_str(), "wbe"); // e: close-on-exec (glibc)
        if (!out)
            return "cannot write \"" + path + "\": " + std::strerror(errno);
        int writeErrno = 0;
        const bool written = produceInto(out, produce, writeErrno, [] {});
        if (std::fclose(out) != 0 || !written)
            return "cannot write \"" + path +
                   "\": " + std::strerror(written ? errno : (writeErrno ? writeErrno : EIO));
        return std::nullopt;
    }

    // A new file next to the target ("x" mode: fail rather than reuse an existing one), so the
    // final rename stays on one file system and is atomic.
    std::random_device rd;
    std::mt19937_64 rng((static_cast<uint64_t>(rd()) << 32) ^ rd());
    fs::path temp;
    std::FILE* f = nullptr;
    int openErrno = 0;
    for (int attempt = 0; attempt < 16 && !f; ++attempt) {
        char suffix[32];
        std::snprintf(suffix, sizeof suffix, ".%016llx.tmp",
                      static_cast<unsigned long long>(rng()));
        // Appending to a named string (not "." + temporary) keeps GCC 12's -O3 -Wrestrict quiet.
        std::string tempName = ".";
        tempName += target.filename().string();
        tempName += suffix;
        temp = dir / tempName;
        errno = 0;
        f = std::fopen(temp.string().c_str(), "wbxe");
        openErrno = errno;
        if (!f && openErrno != EEXIST)
            break;
    }
    if (!f)
        return "cannot write \"" + path + "\": " + std::strerror(openErrno ? openErrno : EIO);

    int writeErrno = 0;
    bool ok = produceInto(f, produce, writeErrno, [&temp] {
        std::error_code ignored;
        fs::remove(temp, ignored); // nothing half-made is left behind
    });
    if (std::fflush(f) != 0 && ok) {
        ok = false;
        writeErrno = errno;
    }
    if (std::fclose(f) != 0 && ok) {
        ok = false;
        writeErrno = errno;
    }
    std::error_code ec;
    if (!ok) {
        fs::remove(temp, ec);
        return "cannot write \"" + path + "\": " + std::strerror(writeErrno ? writeErrno : EIO);
    }
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        return "cannot write \"" + path + "\": " + ec.message();
    }
    return std::nullopt;
}

} // namespace jobscope
