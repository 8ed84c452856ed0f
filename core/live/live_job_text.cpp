// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/live_job_text.h"

#include "edit/yaml_edit.h"
#include "live/api_client.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace jobscope::live {

namespace {

// Plain scalars that YAML readers (YAML 1.1 as go-yaml and kubectl read it, and 1.2's core
// schema) take for something other than a string: a null, a boolean or a number.
bool resolvesToNonString(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral(
        "^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|"
        "ON|off|Off|OFF|[-+]?(0|[1-9][0-9_]*)|0[0-7_]+|0o[0-7]+|0x[0-9a-fA-F_]+|0b[01_]+|"
        "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|"
        "\\.(nan|NaN|NAN)|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?)$"));
    return pattern.match(text).hasMatch();
}

QString stringScalar(const QString& text) {
    if (resolvesToNonString(text)) // JSON's escapes are YAML's double-quoted ones
        return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    return QString::fromStdString(edit::plainOrQuoted(text.toStdString()));
}

QString scalar(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::fabs(d) < 9.0e15 && d == std::floor(d))
            return QString::number(static_cast<long long>(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::String:
        return stringScalar(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("[]"); // only reached when empty
    case QJsonValue::Object:
        return QStringLiteral("{}");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

bool isNested(const QJsonValue& value) {
    return (value.isObject() && !value.toObject().isEmpty()) ||
           (value.isArray() && !value.toArray().isEmpty());
}

void append(QString& out, const QJsonValue& value, int indent);

// `key: value` lines of `object`, the first at the current position (after "- " in a list).
void appendObject(QString& out, const QJsonObject& object, int indent, bool firstInline) {
    bool first = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!(first && firstInline))
            out += QString(indent, QLatin1Char(' '));
        first = false;
        out +=
            QString::fromStdString(edit::plainOrQuoted(it.key().toStdString())) + QLatin1Char(':');
        if (isNested(*it)) {
            out += QLatin1Char('\n');
            // A list under a key sits at the key's indentation, as kubectl writes it.
            append(out, *it, it->isArray() ? indent : indent + 2);
        } else {
            out += QLatin1Char(' ') + scalar(*it) + QLatin1Char('\n');
        }
    }
}

void append(QString& out, const QJsonValue& value, int indent) {
    if (value.isObject() && !value.toObject().isEmpty()) {
        appendObject(out, value.toObject(), indent, false);
        return;
    }
    if (value.isArray() && !value.toArray().isEmpty()) {
        for (const QJsonValue& item : value.toArray()) {
            out += QString(indent, QLatin1Char(' ')) + QStringLiteral("- ");
            if (item.isObject() && !item.toObject().isEmpty()) {
                appendObject(out, item.toObject(), indent + 2, true);
            } else if (item.isArray() && !item.toArray().isEmpty()) {
                out += QLatin1Char('\n');
                append(out, item, indent + 2);
            } else {
                out += scalar(item) + QLatin1Char('\n');
            }
        }
        return;
    }
    out += QString(indent, QLatin1Char(' ')) + scalar(value) + QLatin1Char('\n');
}

// Server text as one comment line: line breaks would end the comment, and control characters
// are escaped as everywhere server text is shown.
QString commentText(const std::string& text) {
    QString line = QString::fromStdString(text);
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    line.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return printableServerText(line, 400);
}

} // namespace

QString jsonAsYaml(const QJsonValue& value) {
    QString out;
    append(out, value, 0);
    return out;
}

QString liveJobText(const QJsonObject& job, const Timeline& timeline) {
    const QJsonObject metadata = job.value(QLatin1String("metadata")).toObject();
    QString out =
        QStringLiteral("# ") +
        QCoreApplication::translate("LiveJobText", "Job %1/%2 as the API server last reported it "
                                                   "(resourceVersion %3); read-only")
            .arg(metadata.value(QLatin1String("namespace")).toString(),
                 metadata.value(QLatin1String("name")).toString(),
                 metadata.value(QLatin1String("resourceVersion")).toString()) +
        QLatin1Char('\n');
    out += jsonAsYaml(job);
    out += QStringLiteral("\n# ");
    const std::vector<TimelineEvent>& events = timeline.events;
    if (events.empty()) {
        out +=
            QCoreApplication::translate("LiveJobText", "No Events of the Job or its Pods so far") +
            QLatin1Char('\n');
        return out;
    }
    out += QCoreApplication::translate("LiveJobText",
                                       "Events of the Job and its Pods (seconds since the "
                                       "Job's creation, newest last)") +
           QLatin1Char('\n');
    const size_t first =
        events.size() > kLiveTextMaxEvents ? events.size() - kLiveTextMaxEvents : 0;
    if (first > 0)
        out += QStringLiteral("# ") +
               QCoreApplication::translate("LiveJobText", "(%n earlier Event(s) not shown)", "",
                                           static_cast<int>(first)) +
               QLatin1Char('\n');
    for (size_t i = first; i < events.size(); ++i) {
        const TimelineEvent& event = events[i];
        QString line = QStringLiteral("# %1  %2  %3  %4 %5")
                           .arg(event.time - timeline.start, 9, 'f', 3)
                           .arg(QString::fromStdString(event.type.str()), -7)
                           .arg(QString::fromStdString(event.reason.str()))
                           .arg(QString::fromStdString(event.objectKind.str()),
                                QString::fromStdString(event.objectName));
        if (event.count > 1)
            line += QStringLiteral(" ×%1").arg(event.count);
        out += line + QStringLiteral(": ") + commentText(event.message) + QLatin1Char('\n');
    }
    return out;
}

} // namespace jobscope::live
