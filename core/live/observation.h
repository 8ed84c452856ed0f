// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One thing the live source saw: a Job, Pod or Event object as the API server
// sent it, how it arrived (listed, or a watch event) and when it arrived. The watcher emits
// these, the recorder writes them to a trace (one JSON line each), and the TimelineBuilder
// turns a sequence of them into the Timeline the analysis reads — so a live Job, a recorded
// one and an imported kubectl capture all go through the same code.

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace jobscope::live {

struct PodReading; // what the TimelineBuilder reads of a Pod (timeline_builder.h)

enum class ObjectKind { Job, Pod, Event };
// Listed: the object was in a list response (the start of a watch, or a re-list after 410).
enum class WatchType { Listed, Added, Modified, Deleted };

struct Observation {
    double receivedAt = 0; // local receive time, seconds since the Unix epoch (ms precision)
    ObjectKind kind = ObjectKind::Pod;
    WatchType type = WatchType::Listed;
    QJsonObject object; // trimmed to the fields JobScope uses (trimObject)
    // Whether `object` is known to be trimmed already (whoever trimmed it says so): the trace
    // writer trims what is not, whatever it was handed, and need not trim this one again.
    bool trimmed = false;
    // The trimmed object's JSON text as the watch read it (WatchStreamEvent::objectText): the
    // same members and values as `object`, in the order they came. Empty when not kept; a trace
    // writes it as it is instead of serializing `object` again.
    QByteArray objectText{};
    // Of a Pod: what the TimelineBuilder reads of `object` (readPodObject), when a reader worked
    // it out ahead (the kubectl importer does, on the thread that parses the objects). Null
    // otherwise: the builder reads the object itself.
    std::shared_ptr<const PodReading> podReading{};
};

QString objectKindName(ObjectKind kind); // "Job", "Pod", "Event"
std::optional<ObjectKind> objectKindFromName(const QString& name);
QString watchTypeName(WatchType type); // "LISTED", "ADDED", "MODIFIED", "DELETED"
std::optional<WatchType> watchTypeFromName(const QString& name);

} // namespace jobscope::live
