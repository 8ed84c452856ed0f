// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/label_selector.h"

#include <QRegularExpression>

namespace jobscope::live {

namespace {

bool validKey(const QString& key) {
    static const QRegularExpression pattern(
        QStringLiteral("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
                       "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"));
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return pattern.match(key).hasMatch() && (slash < 0 || slash <= 253);
}

bool validValue(const QString& value) {
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$"));
    return pattern.match(value).hasMatch();
}

} // namespace

std::optional<LabelSelector> LabelSelector::parse(const QString& text, QString* error) {
    LabelSelector selector;
    qsizetype at = 0;
    const qsizetype n = text.size();
    const auto fail = [&](const QString& what) -> std::optional<LabelSelector> {
        if (error)
            *error = tr("the label selector '%1' is not valid: %2 at character %3")
                         .arg(text, what)
                         .arg(at + 1);
        return std::nullopt;
    };
    const auto skipSpaces = [&] {
        while (at < n && text[at].isSpace())
            ++at;
    };
    const auto word = [&] {
        const qsizetype from = at;
        while (at < n && !text[at].isSpace() && !QStringLiteral(",=!()").contains(text[at]))
            ++at;
        return text.mid(from, at - from);
    };
    // A value into `r`; false, with `at` on it, when it is none.
    const auto readValue = [&](Requirement& r) {
        skipSpaces();
        const qsizetype valueAt = at;
        const QString value = word();
        if (!validValue(value)) {
            at = valueAt;
            return false;
        }
        r.values << value;
        return true;
    };
    skipSpaces();
    if (at == n)
        return selector; // the empty selector selects everything
    while (true) {
        skipSpaces();
        Requirement r;
        if (at < n && text[at] == QLatin1Char('!')) {
            ++at;
            skipSpaces();
            r.op = Op::NotExists;
        }
        const qsizetype keyAt = at;
        r.key = word();
        if (r.key.isEmpty() || !validKey(r.key)) {
            at = keyAt;
            return fail(tr("a label key is expected"));
        }
        skipSpaces();
        if (r.op != Op::NotExists && at < n && text[at] != QLatin1Char(',')) {
            if (text.mid(at, 2) == QLatin1String("==") || text.mid(at, 2) == QLatin1String("!=")) {
                r.op = text[at] == QLatin1Char('!') ? Op::NotEquals : Op::Equals;
                at += 2;
            } else if (text[at] == QLatin1Char('=')) {
                r.op = Op::Equals;
                ++at;
            } else {
                const qsizetype opAt = at;
                const QString op = word();
                if (op != QLatin1String("in") && op != QLatin1String("notin")) {
                    at = opAt;
                    return fail(tr("'=', '==', '!=', 'in' or 'notin' is expected"));
                }
                r.op = op == QLatin1String("in") ? Op::In : Op::NotIn;
                skipSpaces();
                if (at >= n || text[at] != QLatin1Char('('))
                    return fail(tr("'(' is expected"));
                ++at;
                while (true) {
                    if (!readValue(r))
                        return fail(tr("a label value is expected"));
                    skipSpaces();
                    if (at < n && text[at] == QLatin1Char(',')) {
                        ++at;
                        continue;
                    }
                    if (at < n && text[at] == QLatin1Char(')')) {
                        ++at;
                        break;
                    }
                    return fail(tr("',' or ')' is expected"));
                }
            }
            if ((r.op == Op::Equals || r.op == Op::NotEquals) && !readValue(r))
                return fail(tr("a label value is expected"));
        }
        selector.requirements_.push_back(std::move(r));
        skipSpaces();
        if (at == n)
            return selector;
        if (text[at] != QLatin1Char(','))
            return fail(tr("',' is expected"));
        ++at;
    }
}

bool LabelSelector::matches(const QJsonObject& labels) const {
    for (const Requirement& r : requirements_) {
        const bool has = labels.contains(r.key);
        const QString value = labels.value(r.key).toString();
        bool ok = false;
        switch (r.op) {
        case Op::Equals:
            ok = has && value == r.values.first();
            break;
        case Op::NotEquals:
            ok = !has || value != r.values.first();
            break;
        case Op::In:
            ok = has && r.values.contains(value);
            break;
        case Op::NotIn:
            ok = !has || !r.values.contains(value);
            break;
        case Op::Exists:
            ok = has;
            break;
        case Op::NotExists:
            ok = !has;
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace jobscope::live
