// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A capture made with kubectl alone: one folder per Job holding the output of
//
//   kubectl get jobs   -n NS --watch -o json --output-watch-events > watch-jobs.jsonl
//   kubectl get pods   -n NS --watch -o json --output-watch-events > watch-pods.jsonl
//   kubectl get events -n NS --watch -o json --output-watch-events > watch-events.jsonl
//
// Every file in the folder whose name starts with "watch-" and ends in .json or .jsonl is read.
// Each holds a sequence of JSON values — one per line or pretty-printed over many, as kubectl
// prints them — each one of:
//   {"ts": "<RFC 3339 receive time>", "event": {"type": "ADDED", "object": {…}}}  (timestamped)
//   {"type": "ADDED", "object": {…}}                                            (kubectl's own)
//   {…the object…}                               (kubectl --watch -o json without watch events)
// Timestamped files are merged on "ts". Without "ts", the streams are merged on the objects'
// resourceVersions (etcd revisions: one counter for every object of a cluster), and each change
// gets the newest server timestamp seen so far in that order (creation, condition transitions,
// container start and finish, an Event's last time) — so a Job status write, which has no
// timestamp of its own, comes after the Pod changes it counts. (When a resourceVersion is not a
// number, each file keeps its order and the files merge on those times, Jobs before Pods before
// Events at the same time.) BOOKMARK events are
// skipped, ERROR events become warnings, objects of other kinds are ignored. Objects are
// trimmed (trim.h) on the way in. Each file is read a window at a time, each value once (most
// by the pruning reader, pruned_watch_event.h): memory holds the trimmed objects, not the
// files.

#include "input_file.h"
#include "live/observation.h"
#include "live/pruned_watch_event.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace jobscope::live {

// A JSON value of a stream and the line it starts on (1-based).
struct JsonValueAt {
    QJsonValue value;
    int line = 0;
};

// Splits `data` into its top-level JSON values (concatenated, separated by any white space).
// On a syntax error, sets `error` to "FILE:LINE:COLUMN: error: …" and returns nullopt — unless
// the error is in the last value and `data` does not end with a newline after it (a capture
// cut short), which adds a warning and returns the values before it.
std::optional<std::vector<JsonValueAt>> splitJsonValues(const QByteArray& data,
                                                        const QString& fileName, QString* error,
                                                        QStringList* warnings);

// The newest server timestamp in an object (seconds since the Unix epoch), if it has any.
std::optional<double> newestServerTime(const QJsonObject& object);

// Whether newestServerTime reads a string under `key` (the nearest object key above it) as a
// time: creation, transitions, container start and finish, an Event's times — not a
// deletion, which is a deadline. The key as Latin-1 bytes (the pruning reader's) or as text.
bool isServerTimeKey(std::string_view key);
bool isServerTimeKey(QStringView key);

// A value of a capture read as a watch event: timestamped, kubectl's, or a bare object (an
// ADDED). readPrunedWatchEvent reads the first two the same way, faster.
CaptureEvent captureEventOf(const QJsonObject& value);

struct KubectlImport {
    std::vector<Observation> observations; // merged, in time order
    QStringList warnings;
    QStringList files; // the files read
    // newestServerTime of each observation's object, in the same order.
    std::vector<std::optional<double>> serverTimes;
    // The bytes the readers looked at, a byte looked at twice counted twice: the import's
    // work, which grows as the input does (a small multiple of its size).
    std::uint64_t bytesExamined = 0;
};

class KubectlImporter {
    Q_DECLARE_TR_FUNCTIONS(KubectlImporter)

public:
    // A folder of watch streams.
    // Each file is refused when it is not a regular file or is larger than `maxBytes`.
    static std::optional<KubectlImport>
    importFolder(const QString& folder, QString* error,
                 std::uint64_t maxBytes = kMaxRecordingFileBytes);
    // The given stream files, merged.
    static std::optional<KubectlImport>
    importFiles(const QStringList& files, QString* error,
                std::uint64_t maxBytes = kMaxRecordingFileBytes);
    // Whether `folder` holds a watch stream file.
    static bool isWatchFolder(const QString& folder);
    // Whether the first value of a file looks like a watch event (timestamped or kubectl's).
    static bool isWatchStream(const QString& file);
};

} // namespace jobscope::live
