// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The JobScope trace: JSON Lines, UTF-8.
//
//   {"jobscope-trace": 1, "recordedAt": "2026-11-27T20:29:56.1Z", "server": "https://…",
//    "namespace": "batch", "job": "job-d"}
//   {"t": 1795811396.233, "kind": "Job", "type": "LISTED", "object": {…}}
//   {"t": 1795811396.268, "kind": "Pod", "type": "ADDED", "object": {…}}
//
// The first line is the header; every other line is one Observation: `t` its receive time in
// seconds since the Unix epoch, `kind` Job | Pod | Event, `type` LISTED | ADDED | MODIFIED |
// DELETED, and the object trimmed (trim.h). Blank lines are allowed. A recorder that is killed
// leaves at most a partial last line, which a reader skips with a warning.
//
// Lines are written in the order they were received, each `t` read from the local clock then:
// a reader refuses a line whose `t` is more than kTraceOrderTolerance before a line above it
// (a shuffled or edited trace; the tolerance allows for the clock being stepped back a little
// while recording).

#include "input_file.h"
#include "live/observation.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace jobscope::live {

inline constexpr int kTraceFormatVersion = 1;
inline constexpr double kTraceOrderTolerance = 1.0; // seconds

struct TraceHeader {
    int version = kTraceFormatVersion;
    QString recordedAt; // RFC 3339, when recording began
    QString server;     // the API server's URL (the writer drops any user info from it)
    QString jobNamespace;
    QString job;
};

// Appends observations to a trace, crash-safe: each line is written whole with one write and
// flushed to the operating system before append() returns.
class TraceWriter {
    Q_DECLARE_TR_FUNCTIONS(TraceWriter)

public:
    TraceWriter() = default;
    ~TraceWriter();
    TraceWriter(const TraceWriter&) = delete;
    TraceWriter& operator=(const TraceWriter&) = delete;

    // Creates (or replaces) the trace at `path` and writes the header.
    bool open(const QString& path, const TraceHeader& header, QString* error);
    // Writes to a new file next to `target` (TARGET.partial-XXXXXX) instead: whatever is at
    // `target` stays until commit() puts the new trace there in one rename; discard() removes
    // the new file. A recorder that is killed leaves the partial file, readable up to its last
    // whole line.
    bool openReplacing(const QString& target, const TraceHeader& header, QString* error);
    bool commit(QString* error);
    void discard();
    // Where the trace goes once committed (path() until then is the partial file).
    QString target() const { return target_; }
    // The object is trimmed again on the way out, so that nothing untrimmed reaches a file.
    bool append(const Observation& observation, QString* error);
    void close();
    bool isOpen() const { return file_.isOpen(); }
    QString path() const { return file_.fileName(); }
    int written() const { return written_; }

private:
    bool writeLine(const QByteArray& line, QString* error);

    bool openFile(const TraceHeader& header, QIODevice::OpenMode mode, QString* error);

    QFile file_;
    QString target_;
    int written_ = 0;
};

struct Trace {
    TraceHeader header;
    std::vector<Observation> observations;
    QStringList warnings; // e.g. the truncated last line
};

class TraceReader {
    Q_DECLARE_TR_FUNCTIONS(TraceReader)

public:
    // Reads a whole trace. A bad line is an error "FILE:LINE:COLUMN: …"; a partial last line
    // (no newline at its end and not valid JSON) is a warning and is skipped.
    // A file that is not a regular file or is larger than `maxBytes` is refused.
    static std::optional<Trace> read(const QString& path, QString* error,
                                     std::uint64_t maxBytes = kMaxRecordingFileBytes);
    // Whether the file starts with a trace header.
    static bool isTrace(const QString& path);
    // Whether the file starts with a trace line ({"t": …, "kind": …, "type": …, "object": …})
    // instead of the header: a trace that lost its first line, which read() refuses.
    static bool isHeaderlessTrace(const QString& path);
};

// One observation as a trace line (without the newline), and back.
QByteArray observationLine(const Observation& observation);

} // namespace jobscope::live
