// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A post-mortem dump: what `kubectl get job,pods,events -o json` (or -o yaml) prints
// after the fact — a List, several objects or Lists one after another, or YAML documents —
// becomes a Timeline built from the objects' own timestamps alone.
//
// Every object is given to the TimelineBuilder as listed at the capture time (the newest
// timestamp in the dump), with server times trusted: a Pod becomes Pending at its
// creationTimestamp, scheduled at PodScheduled, Running at its container's startedAt, Ready at
// Ready's transition, terminating at its deletion request and finished at its container's
// finishedAt; the Job is created with an empty status, started at status.startTime, gets each
// condition at its lastTransitionTime (Suspended=False means it was suspended until then) and
// its final counters at its completion (or the capture time); an Event with count N is N
// occurrences spread from its firstTimestamp to its lastTimestamp. What a dump cannot know is
// marked: the whole span from the Job's creation to the capture is one
// Timeline::unobserved span with reason "dump" (times have 1 s resolution, the counters between
// the known moments are not known, Pods deleted before the dump are missing and repeated
// Events are spread evenly).

#include "input_file.h"
#include "live/observation.h"
#include "timeline/timeline.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace jobscope::live {

struct DumpImport {
    Timeline timeline;
    QStringList warnings;
    int objects = 0; // Jobs, Pods and Events read
};

class DumpImporter {
    Q_DECLARE_TR_FUNCTIONS(DumpImporter)

public:
    // Refuses a file that is not a regular file or is larger than `maxBytes`.
    static std::optional<DumpImport> importFile(const QString& path, QString* error,
                                                std::uint64_t maxBytes = kMaxRecordingFileBytes);
    // `fileName` is used in messages only.
    static std::optional<DumpImport> importText(const QByteArray& text, const QString& fileName,
                                                QString* error);
    // The Job, Pod and Event objects of a dump, as observations listed at the capture time.
    static std::optional<std::vector<Observation>> readObservations(const QByteArray& text,
                                                                    const QString& fileName,
                                                                    QString* error,
                                                                    QStringList* warnings);
};

} // namespace jobscope::live
