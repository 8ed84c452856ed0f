// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One kubectl watch event read in a single pass over its bytes, building only what trimObject
// (trim.h) keeps of its object, by the same rules (trim_rules.h): the rest (managedFields, most
// of the Pod spec, images, last-applied-configuration …) is checked as JSON and skipped without
// being built. The result is the same as parsing the event with QJsonDocument and trimming its
// object, and the newest server time is taken over every value of the whole object, as
// newestServerTime does.
//
// The reader covers what kubectl and JobScope's own captures write. Anything else — another
// shape of event, an object whose kind does not come first (but for its apiVersion), a byte
// outside ASCII, a control character, a \u escape of a surrogate, an escape in a key that is
// kept, a number with an exponent or of more than 17 digits, a repeated key where it would
// matter, nesting deeper than 64, an ERROR event with a Job or a Pod, and any syntax error —
// makes it answer nullopt, and the caller reads that value with QJsonDocument, which also
// words the syntax errors.

#include "live/observation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobscope::live {

// A watch event of a capture, as the importer reads it.
struct CaptureEvent {
    bool timestamped = false; // {"ts": …, "event": {…}} rather than {"type": …, "object": {…}}
    QJsonValue ts{QJsonValue::Undefined}; // the "ts" of a timestamped event
    QString type;                         // the watch event type ("ADDED", "MODIFIED", …)
    // The object: whole when QJsonDocument read it, already trimmed (trimObject) when the
    // pruning reader did; empty when the reader left its parse to the caller (trimmedText).
    QJsonObject object;
    bool trimmed = false;
    // With TrimmedForm::Text, the trimmed object of a Job, Pod or Event as JSON text, and its
    // kind: parseTrimmedText gives the object.
    std::string trimmedText;
    std::optional<ObjectKind> kind;
    std::optional<double> newestServerTime; // newestServerTime of the whole object
    // newestServerTime of the trimmed object, when the object is trimmed.
    std::optional<double> trimmedNewestServerTime;
};

// Reads the watch event that starts at data[start] (a '{') and sets `end` to the offset just
// past its closing brace. Adds to `examined` the bytes it looked at, read or not (the members
// before an object's kind twice). When it answers nullopt, `nearEnd` tells whether it looked
// as far as the last bytes of `data`: with more of the stream to come, the event may only be
// cut by the end of what was read so far.
// How the pruning reader hands over a trimmed object: parsed into a QJsonObject, or, for a Job,
// a Pod or an Event (not in an ERROR event), as the JSON text it wrote, for the caller to parse
// (the importer parses them on another thread while it reads on).
enum class TrimmedForm { Parsed, Text };

std::optional<CaptureEvent> readPrunedWatchEvent(const QByteArray& data, qsizetype start,
                                                 qsizetype& end, std::uint64_t* examined = nullptr,
                                                 bool* nearEnd = nullptr,
                                                 TrimmedForm form = TrimmedForm::Parsed);

// A list answer (a PodList, a JobList …) read in one pass: its metadata.resourceVersion and
// metadata.continue, and each item trimmed by `kind`'s rules whatever kind it names, as
// trimObject(kind, item) keeps it, as JSON text. nullopt where the reader does not cover the
// body (as readPrunedWatchEvent does not cover an event, and when metadata is not an object,
// resourceVersion or continue not a string, items not an array of objects, one of them
// repeated, or bytes follow the list): the caller reads it with QJsonDocument.
struct PrunedList {
    QString resourceVersion;
    QString continueToken;
    std::vector<QByteArray> items;
};
std::optional<PrunedList> readPrunedList(const QByteArray& body, ObjectKind kind);

// A Job, Pod or Event of a dump, as readPrunedDump reads it.
struct PrunedDumpObject {
    ObjectKind kind = ObjectKind::Pod;
    std::string text;                       // trimmed by its kind's rules (trimObject), as JSON
    std::optional<double> newestServerTime; // of the whole object (newestServerTime)
};

// A JSON dump (kubectl get -o json; several such values one after another) read in one pass:
// each value a List whose items are all Jobs, Pods or Events, or one such object. The objects
// in order, each trimmed as text with the newest server time of the whole of it, as the dump
// importer would have them from parsing the dump whole. nullopt where the reader does not
// cover the text (as readPrunedWatchEvent, and: a value of another shape, an item of another
// kind): the importer parses it whole.
std::optional<std::vector<PrunedDumpObject>> readPrunedDump(const QByteArray& text);

// What readPrunedDump gives for `text`, from the text parsed whole with QJsonDocument and
// trimmed (the reference the tests and the fuzzer compare it with); nullopt where the text is
// not of a shape readPrunedDump covers.
std::optional<std::vector<PrunedDumpObject>> readDumpParsedWhole(const QByteArray& text);

// Whether two readings of a dump give the same objects: kinds, newest server times and
// trimmed objects, in the same order.
bool dumpObjectsAlike(const std::vector<PrunedDumpObject>& a,
                      const std::vector<PrunedDumpObject>& b);

// Parses a trimmed object's text (CaptureEvent::trimmedText) into `object`; false when
// QJsonDocument does not read it as an object.
bool parseTrimmedText(const std::string& text, QJsonObject& object);

// Whether two readings of one watch event give the importer the same: the same envelope, type,
// newest server times (of the whole object and of the trimmed one), kind and error message, and
// the same trimmed object, to the byte.
bool importsAlike(const CaptureEvent& a, const CaptureEvent& b);

// newestServerTime of `trimmed`, the trimmed object of `event`: what the pruning reader noted,
// or the walk of the object.
std::optional<double> trimmedNewestServerTime(const CaptureEvent& event,
                                              const QJsonObject& trimmed);

} // namespace jobscope::live
