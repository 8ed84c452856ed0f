// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/dump_import.h"

#include "diagnostics.h"
#include "live/kubectl_import.h"
#include "live/read_input.h"
#include "live/timeline_builder.h"
#include "live/trim.h"
#include "yaml_reader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace jobscope::live {

namespace {

// A YAML node as JSON. Plain scalars are typed as YAML 1.2's core schema types them (kubectl
// quotes every string that would read as something else); quoted ones stay strings.
QJsonValue toJson(const YAML::Node& node, int depth = 0) {
    if (depth > 200)
        return QJsonValue();
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto& item : node)
            object.insert(QString::fromStdString(item.first.Scalar()),
                          toJson(item.second, depth + 1));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto& item : node)
            array.append(toJson(item, depth + 1));
        return array;
    }
    case YAML::NodeType::Scalar: {
        const QString scalar = QString::fromStdString(node.Scalar());
        if (node.Tag() == "!")
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
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QJsonValue();
}

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
    std::vector<QJsonObject> objects;
    const QByteArray trimmed = text.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        const auto values = splitJsonValues(text, fileName, error, warnings);
        if (!values)
            return std::nullopt;
        for (const JsonValueAt& v : *values)
            flatten(v.value, objects);
    } else {
        Diagnostics diagnostics;
        const std::string utf8 = text.toStdString();
        std::vector<YAML::Node> documents;
        if (!loadYamlDocuments(utf8, fileName.toStdString(), documents, diagnostics)) {
            if (error)
                *error = QString::fromStdString(diagnostics.format()).trimmed();
            return std::nullopt;
        }
        for (const YAML::Node& document : documents)
            flatten(toJson(document), objects);
    }

    // Jobs first, then Pods, then Events, as a list of each would come.
    std::vector<Observation> observations;
    double capturedAt = 0;
    int others = 0;
    for (ObjectKind kind : {ObjectKind::Job, ObjectKind::Pod, ObjectKind::Event})
        for (const QJsonObject& object : objects) {
            const auto k = objectKindOf(object);
            if (!k) {
                if (kind == ObjectKind::Job)
                    ++others;
                continue;
            }
            if (*k != kind)
                continue;
            capturedAt = std::max(capturedAt, newestServerTime(object).value_or(0));
            observations.push_back(
                Observation{0, kind, WatchType::Listed, trimObject(kind, object)});
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
    if (jobs.isEmpty()) {
        if (error)
            *error = tr("%1: error: the dump holds no Job (expected the output of "
                        "'kubectl get job,pods,events -o json')")
                         .arg(fileName);
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
