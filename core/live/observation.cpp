// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/observation.h"

namespace jobscope::live {

QString objectKindName(ObjectKind kind) {
    switch (kind) {
    case ObjectKind::Job:
        return QStringLiteral("Job");
    case ObjectKind::Pod:
        return QStringLiteral("Pod");
    case ObjectKind::Event:
        return QStringLiteral("Event");
    }
    return {};
}

std::optional<ObjectKind> objectKindFromName(const QString& name) {
    for (ObjectKind kind : {ObjectKind::Job, ObjectKind::Pod, ObjectKind::Event})
        if (objectKindName(kind) == name)
            return kind;
    return std::nullopt;
}

QString watchTypeName(WatchType type) {
    switch (type) {
    case WatchType::Listed:
        return QStringLiteral("LISTED");
    case WatchType::Added:
        return QStringLiteral("ADDED");
    case WatchType::Modified:
        return QStringLiteral("MODIFIED");
    case WatchType::Deleted:
        return QStringLiteral("DELETED");
    }
    return {};
}

std::optional<WatchType> watchTypeFromName(const QString& name) {
    for (WatchType type :
         {WatchType::Listed, WatchType::Added, WatchType::Modified, WatchType::Deleted})
        if (watchTypeName(type) == name)
            return type;
    return std::nullopt;
}

} // namespace jobscope::live
