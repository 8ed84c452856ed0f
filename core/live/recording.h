// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One loader for every recorded source: the GUI's
// JobDocument and `jobscope replay` open PATH with it, whatever it is —
//   - a JobScope trace (trace.h): a file whose first line is the {"jobscope-trace": 1, …}
//     header;
//   - a folder of kubectl watch streams (kubectl_import.h), or one such stream file;
//   - a post-mortem dump (dump_import.h): `kubectl get job,pods,events -o json|yaml` output.
// Errors name the file and, where known, the line and column ("FILE:LINE:COLUMN: error: …").

#include "input_file.h"
#include "timeline/timeline.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace jobscope::live {

enum class RecordingKind { Trace, KubectlWatch, Dump };

// Which Jobs of a recording are played back: the first one observed (a trace: the one it
// recorded), or every Job, or the Jobs whose labels match a selector (label_selector.h).
struct JobSelection {
    bool every = false;
    QString labelSelector; // not empty: only the Jobs it matches (implies every)

    bool several() const { return every || !labelSelector.isEmpty(); }
};

struct Recording {
    RecordingKind kind = RecordingKind::Trace;
    Timeline timeline; // the first (or only) Job's
    // With a JobSelection of several: each chosen Job's timeline, in the order the Jobs were
    // first observed (the first is `timeline`'s Job).
    std::vector<Timeline> jobs;
    // Each Job as last recorded (TimelineBuilder::jobObject), in the order of `jobs` (with one Job:
    // `timeline`'s); empty for a dump, which is itself the Jobs' text.
    std::vector<QJsonObject> jobObjects;
    QString jobName;
    QString jobNamespace;
    QStringList warnings; // e.g. a trace's incomplete last line
};

class RecordingLoader {
    Q_DECLARE_TR_FUNCTIONS(RecordingLoader)

public:
    // Each file read is refused when it is not a regular file or is larger than `maxBytes`.
    // A post-mortem dump holds one Job's history: it gives one Job whatever `jobs` asks.
    static std::optional<Recording> load(const QString& path, QString* error,
                                         std::uint64_t maxBytes = kMaxRecordingFileBytes,
                                         const JobSelection& jobs = {});
    // Whether `path` looks like a recording rather than a manifest or scenario: a trace, a
    // folder of watch streams, a watch stream, or a JSON/YAML file holding a Pod or Event.
    static bool looksLikeRecording(const QString& path);
};

// The Timeline of the recording at `path`; nullopt with `error` set when it cannot be read.
std::optional<jobscope::Timeline> loadRecording(const QString& path, QString* error);

} // namespace jobscope::live
