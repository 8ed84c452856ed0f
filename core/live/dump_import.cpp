// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/dump_import.h"

#include "diagnostics.h"
#include "live/kubectl_import.h"
#include "live/pruned_watch_event.h"
#include "live/read_input.h"
#include "live/timeline_builder.h"
#include "live/trim.h"
#include "yaml_reader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace jobscope::live {

namespace {

// A plain scalar typed as YAML 1.2's core schema types it (kubectl quotes every string that
// would read as something else); quoted ones (tag "!") stay strings.
QJsonValue typedScalar(const std::string& text, const std::string& tag) {
    const QString scalar = QString::fromStdString(text);
    if (tag == "!")
        return scalar;
    if (scalar == QLatin1String("true") || scalar == QLatin1String("false"))
        return scalar == QLatin1String("true");
    if (scalar == QLatin1String("null") || scalar == QLatin1String("~"))
        return QJsonValue();
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(\\d+)(\\.\\d*)?([eE][-+]?\\d+)?$"));
    if (number.match(scalar).hasMatch())
        return scalar.toDouble();
    return scalar;
}

// Builds the JSON of a YAML dump from the parser's events, keeping only the Jobs, Pods and
// Events: each object in an object place (a document, an element of a top-level list, an item
// of a List) is built, then kept or dropped as soon as it ends, so that 100 MB of ConfigMaps
// beside a Job are never held at once (neither as YAML nodes nor as JSON).
class DumpObjects : public YAML::EventHandler {
public:
    std::vector<QJsonObject> kept;
    int skipped = 0;

    void OnDocumentStart(const YAML::Mark&) override {
        open_.clear();
        anchors_.clear();
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override {
        deliver(QJsonValue(), std::string(), anchor);
    }
    void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
        const auto it = anchors_.find(anchor);
        deliver(it == anchors_.end() ? QJsonValue() : it->second, std::string(), YAML::NullAnchor);
    }
    void OnScalar(const YAML::Mark&, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        deliver(typedScalar(value, tag), value, anchor);
    }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        // A top-level list, or the items of a List in an object place, holds objects.
        const bool holdsObjects =
            open_.empty() || (open_.back().objectPlace && open_.back().isMap &&
                              open_.back().key == QLatin1String("items"));
        Open o;
        o.isMap = false;
        o.anchor = anchor;
        o.childrenAreObjects = holdsObjects;
        open_.push_back(std::move(o));
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        Open o;
        o.isMap = true;
        o.anchor = anchor;
        o.objectPlace = open_.empty() || open_.back().childrenAreObjects;
        open_.push_back(std::move(o));
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        bool isMap = true;
        bool objectPlace = false;        // a map where an API object may stand
        bool childrenAreObjects = false; // a sequence of API objects
        YAML::anchor_t anchor = YAML::NullAnchor;
        QJsonObject object;
        QJsonArray array;
        bool haveKey = false;
        QString key;
    };

    void deliver(QJsonValue value, const std::string& keyText, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor)
            anchors_[anchor] = value;
        if (open_.empty())
            return; // a document that is a bare scalar
        Open& top = open_.back();
        if (!top.isMap) {
            top.array.append(value);
            return;
        }
        if (!top.haveKey) {
            top.key = QString::fromStdString(keyText);
            top.haveKey = true;
            return;
        }
        top.object.insert(top.key, value);
        top.haveKey = false;
    }

    void close() {
        if (open_.empty())
            return;
        Open done = std::move(open_.back());
        open_.pop_back();
        QJsonValue value;
        if (done.isMap) {
            if (done.objectPlace) {
                // Kept, or dropped (a List whose items were taken already, another kind).
                const auto kind = objectKindOf(done.object);
                if (kind)
                    kept.push_back(std::move(done.object));
                else if (!done.object.value(QLatin1String("items")).isArray())
                    ++skipped;
                done.object = QJsonObject();
            }
            value = done.object;
        } else {
            value = done.array;
        }
        deliver(value, std::string(), done.anchor);
    }

    std::vector<Open> open_;
    std::map<YAML::anchor_t, QJsonValue> anchors_;
};

// The objects of a value: a List (or JobList, PodList, ...) holds them in items.
void flatten(const QJsonValue& value, std::vector<QJsonObject>& out, int depth = 0) {
    if (depth > 8)
        return;
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            flatten(item, out, depth + 1);
        return;
    }
    const QJsonObject object = value.toObject();
    if (object.value(QLatin1String("items")).isArray() && !objectKindOf(object)) {
        flatten(object.value(QLatin1String("items")), out, depth + 1);
        return;
    }
    if (!object.isEmpty())
        out.push_back(object);
}

} // namespace

std::optional<std::vector<Observation>> DumpImporter::readObservations(const QByteArray& text,
                                                                       const QString& fileName,
                                                                       QString* error,
                                                                       QStringList* warnings) {
    // Each object of the dump: trimmed, its kind (none: not a Job, Pod or Event) and the newest
    // server time of the whole of it.
    struct Found {
        QJsonObject object;
        std::optional<ObjectKind> kind;
        std::optional<double> newestServerTime;
    };
    std::vector<Found> found;
    int skippedObjects = 0;
    qsizetype first = 0;
    while (first < text.size() && QChar::isSpace(static_cast<uchar>(text[first])))
        ++first;
    // A JSON dump the pruning reader covers is read in one pass, building only what is kept;
    // anything else is parsed whole and trimmed (the same objects, and positioned errors).
    const bool json = first < text.size() && (text[first] == '{' || text[first] == '[');
    std::optional<std::vector<PrunedDumpObject>> pruned;
    if (json)
        pruned = readPrunedDump(text);
    if (pruned) {
        found.reserve(pruned->size());
        for (const PrunedDumpObject& p : *pruned) {
            Found f{{}, p.kind, p.newestServerTime};
            if (!parseTrimmedText(p.text, f.object)) {
                pruned.reset(); // the reader checked what it wrote: not expected
                found.clear();
                break;
            }
            found.push_back(std::move(f));
        }
    }
    if (!pruned) {
        std::vector<QJsonObject> objects;
        if (json) {
            const auto values = splitJsonValues(text, fileName, error, warnings);
            if (!values)
                return std::nullopt;
            for (const JsonValueAt& v : *values)
                flatten(v.value, objects);
        } else {
            Diagnostics diagnostics;
            DumpObjects handler;
            if (!parseYamlEvents(text.toStdString(), fileName.toStdString(), handler,
                                 diagnostics)) {
                if (error)
                    *error = QString::fromStdString(diagnostics.format()).trimmed();
                return std::nullopt;
            }
            objects = std::move(handler.kept);
            skippedObjects = handler.skipped;
        }
        found.reserve(objects.size());
        for (const QJsonObject& object : objects) {
            const auto kind = objectKindOf(object);
            found.push_back({kind ? trimObject(*kind, object) : QJsonObject(), kind,
                             kind ? newestServerTime(object) : std::nullopt});
        }
    }

    // Jobs first, then Pods, then Events, as a list of each would come.
    std::vector<Observation> observations;
    double capturedAt = 0;
    int others = skippedObjects;
    for (const Found& f : found)
        others += !f.kind;
    for (ObjectKind kind : {ObjectKind::Job, ObjectKind::Pod, ObjectKind::Event})
        for (Found& f : found) {
            if (f.kind != kind)
                continue;
            capturedAt = std::max(capturedAt, f.newestServerTime.value_or(0));
            observations.push_back(Observation{0, kind, WatchType::Listed, std::move(f.object)});
        }
    if (others > 0 && warnings)
        warnings->append(
            tr("%1: %n object(s) that are not a Job, Pod or Event were skipped", "", others)
                .arg(fileName));
    for (Observation& o : observations)
        o.receivedAt = capturedAt;
    return observations;
}

std::optional<DumpImport> DumpImporter::importText(const QByteArray& text, const QString& fileName,
                                                   QString* error) {
    DumpImport result;
    const auto observations = readObservations(text, fileName, error, &result.warnings);
    if (!observations)
        return std::nullopt;
    QStringList jobs;
    for (const Observation& o : *observations)
        if (o.kind == ObjectKind::Job)
            jobs.append(o.object.value(QLatin1String("metadata"))
                            .toObject()
                            .value(QLatin1String("name"))
                            .toString());
    // Where the dump's content starts: the List (or first object) the errors below are about.
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < text.size() && QChar::isSpace(static_cast<uchar>(text[i])); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    const QString at = QStringLiteral("%1:%2:%3").arg(fileName).arg(line).arg(column);
    if (jobs.isEmpty()) {
        if (error)
            *error = tr("%1: error: the dump holds no Job (expected the output of "
                        "'kubectl get job,pods,events -o json')")
                         .arg(at);
        return std::nullopt;
    }
    if (jobs.size() > 1)
        result.warnings.append(tr("%1: the dump holds %2 Jobs (%3); showing the first")
                                   .arg(fileName)
                                   .arg(jobs.size())
                                   .arg(jobs.join(QStringLiteral(", "))));
    TimelineBuilder::Options options;
    options.trustServerTimes = true;
    TimelineBuilder builder(options);
    for (const Observation& o : *observations)
        builder.add(o);
    builder.finish(observations->front().receivedAt);
    if (!builder.hasJob()) {
        if (error)
            *error = tr("%1: error: the dump's Job %2 cannot be replayed: %3")
                         .arg(at, jobs.front(),
                              builder.warnings().isEmpty()
                                  ? tr("it has no metadata.uid")
                                  : builder.warnings().join(QStringLiteral("; ")));
        return std::nullopt;
    }
    result.warnings.append(builder.warnings());
    result.timeline = builder.timeline();
    result.objects = static_cast<int>(observations->size());
    return result;
}

std::optional<DumpImport> DumpImporter::importFile(const QString& path, QString* error,
                                                   std::uint64_t maxBytes) {
    const std::optional<QByteArray> text = readInputFile(path, maxBytes, error);
    if (!text)
        return std::nullopt;
    return importText(*text, path, error);
}

} // namespace jobscope::live
