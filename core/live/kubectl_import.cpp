// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/kubectl_import.h"

#include "live/pruned_watch_event.h"
#include "live/read_input.h"
#include "live/timeline_builder.h"
#include "live/trim.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cstring>
#include <deque>
#include <future>
#include <memory>
#include <string>
#include <system_error>
#include <thread>

namespace jobscope::live {

namespace {

// 1-based line and column of byte offsets. The splitter asks in increasing order, so each call
// counts only the newlines since the previous one and a whole file costs one pass (an earlier
// offset counts again from the start). `examined` counts the bytes looked at.
class LineCounter {
public:
    LineCounter(const QByteArray& data, std::uint64_t* examined = nullptr)
        : data_(data), examined_(examined) {}

    std::pair<int, int> at(qsizetype offset) {
        if (offset < pos_ && !dropped_) {
            pos_ = 0;
            line_ = 1;
            lineStart_ = 0;
        }
        const qsizetype stop = std::min(offset, data_.size());
        if (examined_ && stop > pos_)
            *examined_ += static_cast<std::uint64_t>(stop - pos_);
        const char* const begin = data_.constData();
        for (const char* p = begin + pos_; p < begin + stop;) {
            const void* found = std::memchr(p, '\n', size_t(begin + stop - p));
            if (!found)
                break;
            p = static_cast<const char*>(found) + 1;
            ++line_;
            lineStart_ = p - begin;
        }
        pos_ = std::max(pos_, stop);
        return {line_, static_cast<int>(offset - lineStart_) + 1};
    }

    // The first `bytes` of the data are dropped (a stream read a window at a time): offsets
    // count from what is left. Later offsets only.
    void dropFront(qsizetype bytes) {
        at(bytes);
        pos_ -= bytes;
        lineStart_ -= bytes;
        dropped_ = true;
    }

private:
    const QByteArray& data_;
    std::uint64_t* examined_;
    qsizetype pos_ = 0;
    int line_ = 1;
    qsizetype lineStart_ = 0;
    bool dropped_ = false;
};

void collectTimes(const QJsonValue& value, const QString& key, double& newest) {
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            collectTimes(*it, it.key(), newest);
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collectTimes(item, key, newest);
    } else if (value.isString() && isServerTimeKey(QStringView(key))) {
        if (auto t = parseServerTime(value))
            newest = std::max(newest, t->at);
    }
}

bool isJsonSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// How much of a stream file the import holds at a time, beside the value being read.
constexpr qint64 kImportWindow = 4 << 20;

struct Entry {
    double time = 0;
    int file = 0;
    int order = 0;
    Observation observation;
    std::optional<double> serverTime; // newestServerTime(observation.object)
};

// The trimmed objects the pruning reader leaves as text (TrimmedForm::Text), parsed by
// QJsonDocument a batch at a time on another thread while the reading goes on: the parse costs
// about as much as the reading, so on two cores the two take the time of one. At most two
// batches are in hand at once, so the texts held stay bounded.
class TrimmedObjectParses {
public:
    explicit TrimmedObjectParses(std::vector<Entry>& entries) : entries_(entries) {}

    void add(std::size_t entry, std::string text, const QString& path, int line) {
        texts_.push_back(std::move(text));
        filling_.entries.push_back(entry);
        filling_.places.emplace_back(path, line);
        if (texts_.size() >= kBatchSize)
            launch();
    }

    // Every object parsed and put into its entry. The place (file, line) of the first text
    // QJsonDocument did not read as an object, if any: the reader checked the syntax of all
    // it wrote, so none is expected.
    std::optional<std::pair<QString, int>> finish() {
        if (!texts_.empty())
            launch();
        while (!running_.empty())
            collectOldest();
        return failed_;
    }

private:
    static constexpr std::size_t kBatchSize = 512;
    static constexpr std::size_t kMaxRunning = 2;
    using Objects = std::vector<std::optional<QJsonObject>>;
    struct Batch {
        std::vector<std::size_t> entries;
        std::vector<std::pair<QString, int>> places;
        std::future<Objects> objects;
    };

    void launch() {
        if (running_.size() >= kMaxRunning)
            collectOldest();
        // (shared, so that the task is copied cheaply, and kept when a thread fails to start)
        const auto parse =
            [texts = std::make_shared<const std::vector<std::string>>(std::move(texts_))] {
                Objects objects(texts->size());
                for (std::size_t k = 0; k < texts->size(); ++k) {
                    QJsonObject object;
                    if (parseTrimmedText((*texts)[k], object))
                        objects[k] = std::move(object);
                }
                return objects;
            };
        texts_.clear();
        // On one core, or when no thread can be started, the batch is parsed when collected.
        bool started = false;
        if (std::thread::hardware_concurrency() > 1) {
            try {
                filling_.objects = std::async(std::launch::async, parse);
                started = true;
            } catch (const std::system_error&) {
            }
        }
        if (!started)
            filling_.objects = std::async(std::launch::deferred, parse);
        running_.push_back(std::move(filling_));
        filling_ = Batch{};
    }

    void collectOldest() {
        Batch batch = std::move(running_.front());
        running_.pop_front();
        Objects objects = batch.objects.get();
        for (std::size_t k = 0; k < objects.size(); ++k) {
            if (objects[k])
                entries_[batch.entries[k]].observation.object = std::move(*objects[k]);
            else if (!failed_)
                failed_ = batch.places[k];
        }
    }

    std::vector<Entry>& entries_;
    std::vector<std::string> texts_; // of the batch being filled
    Batch filling_;
    std::deque<Batch> running_;
    std::optional<std::pair<QString, int>> failed_;
};

enum class ValueRead { Value, End, Error, NeedMore };

// Reads the top-level JSON value that starts at data[i] (not white space) with QJsonDocument
// and moves `i` past it. End: the last value is incomplete and `data` does not end with a
// newline after it (a capture cut short), which adds a warning. NeedMore: `data` is not the
// whole rest of the stream (`whole`) and the value may go on past it; `i` stays.
ValueRead readJsonValue(const QByteArray& data, qsizetype& i, LineCounter& lines,
                        const QString& fileName, QJsonValue& value, QString* error,
                        QStringList* warnings, std::uint64_t* examined = nullptr,
                        bool whole = true) {
    const qsizetype n = data.size();
    const qsizetype start = i;
    // The end of this value: matching brackets outside strings (a scalar ends at space).
    int depth = 0;
    bool inString = false;
    qsizetype end = -1;
    for (; i < n; ++i) {
        const char c = data[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth <= 0) {
                end = i + 1;
                break;
            }
        } else if (depth == 0 && isJsonSpace(c)) {
            end = i;
            break;
        }
    }
    if (!whole && (end < 0 || end == n)) {
        if (examined)
            *examined += static_cast<std::uint64_t>(i - start);
        i = start;
        return ValueRead::NeedMore;
    }
    const bool cutShort = end < 0 || (end == n && !data.endsWith('\n'));
    if (end < 0)
        end = n;
    i = end;
    // Scanned for its end, then parsed.
    if (examined)
        *examined += 2 * static_cast<std::uint64_t>(end - start);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data.mid(start, end - start), &parseError);
    if (parseError.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray())) {
        value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        return ValueRead::Value;
    }
    if (cutShort && i >= n) {
        if (warnings) {
            const auto [line, column] = lines.at(start);
            warnings->append(
                QCoreApplication::translate("KubectlImporter",
                                            "%1:%2:%3: the last value is incomplete (the capture "
                                            "stopped while writing it); read up to the one before")
                    .arg(fileName)
                    .arg(line)
                    .arg(column));
        }
        return ValueRead::End;
    }
    if (error) {
        const auto [line, column] = lines.at(
            start + (parseError.error != QJsonParseError::NoError ? parseError.offset : 0));
        *error = QStringLiteral("%1:%2:%3: error: %4")
                     .arg(fileName)
                     .arg(line)
                     .arg(column)
                     .arg(parseError.error != QJsonParseError::NoError
                              ? parseError.errorString()
                              : QCoreApplication::translate("KubectlImporter",
                                                            "expected a JSON object"));
    }
    return ValueRead::Error;
}

// Moves `i` past white space; false at the end of `data`.
bool skipJsonSpace(const QByteArray& data, qsizetype& i) {
    while (i < data.size() && isJsonSpace(data[i]))
        ++i;
    return i < data.size();
}

} // namespace

std::optional<std::vector<JsonValueAt>> splitJsonValues(const QByteArray& data,
                                                        const QString& fileName, QString* error,
                                                        QStringList* warnings) {
    std::vector<JsonValueAt> values;
    LineCounter lines(data);
    qsizetype i = 0;
    while (skipJsonSpace(data, i)) {
        const int line = lines.at(i).first;
        QJsonValue value;
        switch (readJsonValue(data, i, lines, fileName, value, error, warnings)) {
        case ValueRead::Value:
            values.push_back(JsonValueAt{value, line});
            break;
        case ValueRead::End:
            return values;
        case ValueRead::Error:
        case ValueRead::NeedMore: // not asked for: `data` is whole
            return std::nullopt;
        }
    }
    return values;
}

CaptureEvent captureEventOf(const QJsonObject& value) {
    CaptureEvent out;
    QJsonObject event = value;
    if (value.contains(QLatin1String("event"))) {
        out.timestamped = true;
        out.ts = value.value(QLatin1String("ts"));
        event = value.value(QLatin1String("event")).toObject();
    }
    if (event.contains(QLatin1String("object")) && event.contains(QLatin1String("type"))) {
        out.type = event.value(QLatin1String("type")).toString();
        out.object = event.value(QLatin1String("object")).toObject();
    } else {
        out.type = QStringLiteral("ADDED");
        out.object = event;
    }
    out.newestServerTime = newestServerTime(out.object);
    return out;
}

bool isServerTimeKey(std::string_view key) {
    return (key.ends_with("Timestamp") || key.ends_with("Time") || key == "startedAt" ||
            key == "finishedAt") &&
           key != "deletionTimestamp";
}

bool isServerTimeKey(QStringView key) {
    // The words compared are ASCII: a character beyond Latin-1 (written '?') matches none.
    const QByteArray latin1 = key.toLatin1();
    return isServerTimeKey(
        std::string_view(latin1.constData(), static_cast<std::size_t>(latin1.size())));
}

std::optional<double> newestServerTime(const QJsonObject& object) {
    double newest = 0;
    collectTimes(object, QString(), newest);
    if (newest > 0)
        return newest;
    return std::nullopt;
}

bool KubectlImporter::isWatchStream(const QString& file) {
    QFile f(file);
    // Only a regular file: opening a FIFO would wait for a writer.
    if (!isOpenableFile(file) || !f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(1 << 16);
    const QByteArray trimmed = head.trimmed();
    if (!trimmed.startsWith('{'))
        return false;
    // Keys of a watch event near the start: "ts" and "event", or "type" and "object" before
    // "kind" (an object's own keys are sorted: apiVersion, kind, metadata …).
    const qsizetype ts = head.indexOf("\"ts\"");
    const qsizetype event = head.indexOf("\"event\"");
    if (ts >= 0 && event >= 0)
        return true;
    const qsizetype type = head.indexOf("\"type\"");
    const qsizetype object = head.indexOf("\"object\"");
    const qsizetype kind = head.indexOf("\"kind\"");
    return type >= 0 && object >= 0 && (kind < 0 || object < kind || type < kind);
}

bool KubectlImporter::isWatchFolder(const QString& folder) {
    const QDir dir(folder);
    return !dir.entryList({QStringLiteral("watch-*.json"), QStringLiteral("watch-*.jsonl")},
                          QDir::Files)
                .isEmpty();
}

std::optional<KubectlImport> KubectlImporter::importFolder(const QString& folder, QString* error,
                                                           std::uint64_t maxBytes) {
    const QDir dir(folder);
    if (!dir.exists()) {
        if (error)
            *error = tr("%1: no such folder").arg(folder);
        return std::nullopt;
    }
    QStringList files;
    for (const QString& name :
         dir.entryList({QStringLiteral("watch-*.json"), QStringLiteral("watch-*.jsonl")},
                       QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    if (files.isEmpty()) {
        if (error)
            *error = tr("%1: error: no kubectl watch streams here (watch-jobs.jsonl, "
                        "watch-pods.jsonl, watch-events.jsonl; see docs/live.md)")
                         .arg(folder);
        return std::nullopt;
    }
    return importFiles(files, error, maxBytes);
}

std::optional<KubectlImport> KubectlImporter::importFiles(const QStringList& files, QString* error,
                                                          std::uint64_t maxBytes) {
    KubectlImport result;
    std::vector<Entry> entries;
    TrimmedObjectParses parses(entries);
    bool allTimestamped = true;
    for (int f = 0; f < files.size(); ++f) {
        const QString& path = files[f];
        // A window of the file at a time: memory holds what is kept, not the file.
        BoundedFileReader file;
        Diagnostics diagnostics;
        auto fileError = [&] {
            if (error)
                *error = QString::fromStdString(diagnostics.format()).trimmed();
            return std::nullopt;
        };
        if (!file.open(path, maxBytes, diagnostics))
            return fileError();
        result.files.append(path);
        QByteArray data;
        bool atEnd = false;
        // Reads on: a window's worth, or as much again as is held (a value larger than a
        // window is read in doubling steps).
        auto readMore = [&] {
            const qint64 got =
                file.readInto(data, std::max<qint64>(kImportWindow, data.size()), diagnostics);
            atEnd = got == 0;
            return got >= 0;
        };
        LineCounter lines(data, &result.bytesExamined);
        qsizetype i = 0;
        auto dropRead = [&] {
            lines.dropFront(i);
            data.remove(0, i);
            i = 0;
        };
        if (!readMore())
            return fileError();
        double previous = 0;
        int order = 0;
        while (true) {
            if (!skipJsonSpace(data, i)) {
                if (atEnd)
                    break;
                dropRead();
                if (!readMore())
                    return fileError();
                continue;
            }
            if (i >= kImportWindow)
                dropRead();
            const int lineNumber = lines.at(i).first;
            auto bad = [&](const QString& message) {
                if (error)
                    *error =
                        QStringLiteral("%1:%2:1: error: %3").arg(path).arg(lineNumber).arg(message);
                return std::nullopt;
            };
            // Most events take the pruning reader, which trims them; what it leaves,
            // QJsonDocument reads whole.
            std::optional<CaptureEvent> read;
            if (data[i] == '{') {
                bool nearEnd = false;
                read = readPrunedWatchEvent(data, i, i, &result.bytesExamined, &nearEnd,
                                            TrimmedForm::Text);
                if (!read && nearEnd && !atEnd) {
                    if (!readMore())
                        return fileError();
                    continue;
                }
            }
            if (!read) {
                QJsonValue value;
                const ValueRead status =
                    readJsonValue(data, i, lines, path, value, error, &result.warnings,
                                  &result.bytesExamined, atEnd);
                if (status == ValueRead::NeedMore) {
                    if (!readMore())
                        return fileError();
                    continue;
                }
                if (status == ValueRead::Error)
                    return std::nullopt;
                if (status == ValueRead::End)
                    break;
                if (!value.isObject())
                    return bad(tr("expected a watch event (a JSON object)"));
                read = captureEventOf(value.toObject());
            }
            CaptureEvent& e = *read;
            std::optional<double> ts;
            if (e.timestamped) {
                const auto parsed = parseServerTime(e.ts);
                if (!parsed && !e.ts.isUndefined())
                    return bad(tr("\"ts\" must be an RFC 3339 time, not '%1'")
                                   .arg(e.ts.toVariant().toString()));
                if (parsed)
                    ts = parsed->at;
            }
            if (!ts)
                allTimestamped = false;
            const QString& typeName = e.type;
            const QJsonObject& object = e.object;
            if (typeName == QLatin1String("BOOKMARK"))
                continue;
            if (typeName == QLatin1String("ERROR")) {
                result.warnings.append(tr("%1:%2: the watch reported an error: %3")
                                           .arg(path)
                                           .arg(lineNumber)
                                           .arg(object.value(QLatin1String("message")).toString()));
                continue;
            }
            const auto type = watchTypeFromName(typeName);
            if (!type || *type == WatchType::Listed)
                return bad(tr("unknown watch event type '%1' (expected ADDED, MODIFIED, DELETED, "
                              "BOOKMARK or ERROR)")
                               .arg(typeName));
            const bool parseLater = !e.trimmedText.empty();
            const auto kind = parseLater ? e.kind : objectKindOf(object);
            if (!kind)
                continue; // another kind of object in the same namespace
            double time = 0;
            if (ts) {
                time = *ts;
            } else {
                time = std::max(previous, e.newestServerTime.value_or(previous));
            }
            previous = time;
            const QJsonObject trimmed = e.trimmed ? object : trimObject(*kind, object);
            entries.push_back(Entry{time, f, order++, Observation{time, *kind, *type, trimmed},
                                    trimmedNewestServerTime(e, trimmed)});
            if (parseLater)
                parses.add(entries.size() - 1, std::move(e.trimmedText), path, lineNumber);
        }
    }
    if (const auto failed = parses.finish()) {
        if (error)
            *error = QStringLiteral("%1:%2:1: error: %3")
                         .arg(failed->first)
                         .arg(failed->second)
                         .arg(tr("the trimmed object of this watch event does not read back"));
        return std::nullopt;
    }
    bool mergedByRevision = false;
    if (!allTimestamped) {
        // Without receive times: etcd's revisions order every change of every object (all
        // resourceVersions of one API server's etcd come from one counter), so the streams
        // merge on them, and each change is given the newest server time seen so far — a Job
        // status write has no timestamp of its own but comes after the Pod changes it counts.
        std::vector<qulonglong> revisions;
        revisions.reserve(entries.size());
        bool numeric = true;
        for (const Entry& e : entries) {
            bool ok = false;
            revisions.push_back(e.observation.object.value(QLatin1String("metadata"))
                                    .toObject()
                                    .value(QLatin1String("resourceVersion"))
                                    .toString()
                                    .toULongLong(&ok));
            numeric = numeric && ok;
        }
        if (numeric) {
            for (size_t k = 0; k < entries.size(); ++k)
                entries[k].order = static_cast<int>(k);
            std::vector<size_t> index(entries.size());
            for (size_t k = 0; k < index.size(); ++k)
                index[k] = k;
            std::stable_sort(index.begin(), index.end(),
                             [&](size_t a, size_t b) { return revisions[a] < revisions[b]; });
            std::vector<Entry> ordered;
            ordered.reserve(entries.size());
            double newest = 0;
            for (size_t k : index) {
                Entry e = std::move(entries[k]);
                newest = std::max(newest, e.time);
                e.time = newest;
                e.observation.receivedAt = newest;
                ordered.push_back(std::move(e));
            }
            entries = std::move(ordered);
            mergedByRevision = true;
        }
    }
    // Otherwise by time; without receive times equal times keep Jobs before Pods before
    // Events.
    auto rank = [&](const Entry& e) {
        return allTimestamped ? 0 : static_cast<int>(e.observation.kind);
    };
    if (!mergedByRevision)
        std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
            if (a.time != b.time)
                return a.time < b.time;
            if (rank(a) != rank(b))
                return rank(a) < rank(b);
            if (a.file != b.file)
                return a.file < b.file;
            return a.order < b.order;
        });
    result.observations.reserve(entries.size());
    result.serverTimes.reserve(entries.size());
    for (Entry& e : entries) {
        result.observations.push_back(std::move(e.observation));
        result.serverTimes.push_back(e.serverTime);
    }
    return result;
}

} // namespace jobscope::live
