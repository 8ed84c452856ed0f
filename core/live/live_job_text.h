// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What live mode and an opened recording show in the text pane: the Job as the cluster last
// reported it, as YAML, and the Events of the Job and its Pods as comments under it (read-only:
// they show the cluster, they do not edit it).

#include "timeline/timeline.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace jobscope::live {

// At most this many Events are listed (the newest); the text says how many were left out.
inline constexpr size_t kLiveTextMaxEvents = 500;

// `value` as block YAML (maps and lists indented by two spaces, strings plain when that reads
// back as the same string, else double-quoted). An object's keys keep QJsonObject's order.
QString jsonAsYaml(const QJsonValue& value);

// The Job `job` (a Job object as the API server sent it, trimmed or not) as YAML under a comment
// naming it, then the Events of `timeline` (times since its start).
QString liveJobText(const QJsonObject& job, const Timeline& timeline);

} // namespace jobscope::live
