// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A Kubernetes label selector as kubectl's -l takes it: requirements separated by commas, all
// of which must hold —
//   key=value, key==value, key!=value       equality (!= also holds when the key is absent)
//   key in (a,b), key notin (a,b)            sets (notin also holds when the key is absent)
//   key, !key                                the key exists, or does not
// Keys are an optional DNS-subdomain prefix and a name (prefix/name); values are up to 63
// characters of letters, digits, '-', '_' and '.', starting and ending alphanumeric (or empty).

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace jobscope::live {

class LabelSelector {
    Q_DECLARE_TR_FUNCTIONS(LabelSelector)

public:
    // Nullopt with `error` set ("… at character N") when `text` is no selector.
    static std::optional<LabelSelector> parse(const QString& text, QString* error);
    // Whether the labels (a metadata.labels object) satisfy every requirement.
    bool matches(const QJsonObject& labels) const;
    bool isEmpty() const { return requirements_.empty(); }

private:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, NotExists };
    struct Requirement {
        QString key;
        Op op = Op::Exists;
        QStringList values;
    };
    std::vector<Requirement> requirements_;
};

} // namespace jobscope::live
