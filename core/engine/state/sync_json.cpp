// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/sync_json.h"

#include "state/json_writer.h"
#include "yaml_reader.h"

namespace jobscope {

namespace {

// RFC 3339 has four-digit years: 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
constexpr Seconds kFirstRfc3339Second = -62167219200.0;
constexpr Seconds kAfterLastRfc3339Second = 253402300800.0;

void writeTime(JsonWriter& json, const std::optional<Seconds>& time, TimeFormat format) {
    if (!time)
        json.null();
    // A time that RFC 3339 cannot spell (a fuzzer's 1e300) stays a number rather than a
    // made-up date.
    else if (format == TimeFormat::Rfc3339 && *time >= kFirstRfc3339Second &&
             *time < kAfterLastRfc3339Second)
        json.value(formatRfc3339(*time));
    else
        json.value(*time);
}

void writeStrings(JsonWriter& json, const std::vector<std::string>& items) {
    json.beginArray();
    for (const auto& item : items)
        json.value(item);
    json.endArray();
}

void writeStatus(JsonWriter& json, const JobStatus& status, TimeFormat format) {
    json.beginObject();
    json.key("startTime");
    writeTime(json, status.startTime, format);
    json.key("completionTime");
    writeTime(json, status.completionTime, format);
    json.key("active").value(status.active);
    json.key("ready").value(status.ready);
    json.key("terminating").value(status.terminating);
    json.key("succeeded").value(status.succeeded);
    json.key("failed").value(status.failed);
    // A plain string upstream (omitempty), so "" rather than null when nothing completed.
    json.key("completedIndexes").value(status.completedIndexes);
    json.key("failedIndexes").value(status.failedIndexes);
    json.key("uncountedTerminatedPods");
    if (status.uncountedTerminatedPods) {
        json.beginObject();
        json.key("succeeded");
        writeStrings(json, status.uncountedTerminatedPods->succeeded);
        json.key("failed");
        writeStrings(json, status.uncountedTerminatedPods->failed);
        json.endObject();
    } else {
        json.null();
    }
    json.key("conditions");
    json.beginArray();
    for (const auto& c : status.conditions) {
        json.beginObject();
        json.key("type").value(c.type);
        json.key("status").value(c.status);
        json.key("reason").value(c.reason);
        json.key("message").value(c.message);
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

} // namespace

std::string syncResultToJson(const SyncResult& result, const Job& job, TimeFormat timeFormat) {
    JsonWriter json;
    json.beginObject();
    json.key("creations").value(static_cast<int64_t>(result.creations.size()));
    json.key("createdIndexes");
    if (job.spec.isIndexed()) {
        json.beginArray();
        for (int index : result.createdIndexes())
            json.value(static_cast<int64_t>(index));
        json.endArray();
    } else {
        json.null();
    }
    json.key("deletions").value(static_cast<int64_t>(result.deletedPods.size()));
    json.key("deletedPods");
    writeStrings(json, result.deletedPods);
    json.key("finalizerRemovals");
    writeStrings(json, result.finalizerRemovals);
    json.key("error").value(result.error);
    json.key("requeueAfterSeconds").value(result.requeueAfter);
    json.key("status");
    writeStatus(json, result.status, timeFormat);
    json.key("explanation");
    json.beginObject();
    json.key("wantActive").value(result.explanation.wantActive);
    json.key("causes");
    writeStrings(json, result.explanation.causes);
    json.endObject();
    json.key("events");
    json.beginArray();
    for (const auto& e : result.events) {
        json.beginObject();
        json.key("type").value(e.type);
        json.key("reason").value(e.reason);
        json.key("message").value(e.message);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.text();
}

} // namespace jobscope
