// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers shared by the fuzz targets of the live readers: the readers that only take a path
// get the input through a file, and every Timeline a reader builds is checked for what
// timeline.h promises about it.

#include "timeline/timeline.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <unistd.h>

namespace jobscope::fuzz {

inline QByteArray bytes(const uint8_t* data, size_t size) {
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

// A folder of this process's own (parallel fuzzing jobs must not share files), removed at exit.
inline QString scratchDir() {
    static const QString dir = [] {
        const QString path =
            QDir::tempPath() + QStringLiteral("/jobscope-fuzz-") + QString::number(::getpid());
        QDir().mkpath(path);
        std::atexit([] {
            QDir(QDir::tempPath() + QStringLiteral("/jobscope-fuzz-") + QString::number(::getpid()))
                .removeRecursively();
        });
        return path;
    }();
    return dir;
}

// Writes `content` to `name` in the scratch folder and returns its path.
inline QString writeScratchFile(const QString& name, const QByteArray& content) {
    const QString path = scratchDir() + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        std::abort();
    return path;
}

template <typename List> void checkTimeOrder(const List& list) {
    for (size_t i = 0; i < list.size(); ++i) {
        if (!std::isfinite(list[i].time))
            std::abort();
        if (i > 0 && list[i].time < list[i - 1].time)
            std::abort();
    }
}

// timeline.h: every list is in time order, the unobserved spans are ordered and do not
// overlap, and every Pod change names a Pod of the Timeline.
inline void checkTimeline(const Timeline& timeline) {
    checkTimeOrder(timeline.jobChanges);
    checkTimeOrder(timeline.podChanges);
    checkTimeOrder(timeline.events);
    for (size_t i = 0; i < timeline.unobserved.size(); ++i) {
        const UnobservedSpan& span = timeline.unobserved[i];
        if (span.end < span.start)
            std::abort();
        if (i > 0 && span.start < timeline.unobserved[i - 1].end)
            std::abort();
    }
    for (const PodObservation& change : timeline.podChanges)
        if (change.pod >= timeline.pods.size())
            std::abort();
}

} // namespace jobscope::fuzz
