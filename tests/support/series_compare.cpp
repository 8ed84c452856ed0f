// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/series_compare.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace jobscope::test {

namespace {

QString describe(const SeriesRow& row) {
    QStringList causes;
    for (const InternedString& cause : row.causes)
        causes << QString::fromStdString(cause.str());
    return QStringLiteral("t=%1 requested=%2 active=%3 succeeded=%4 failed=%5 causes=%6")
        .arg(row.time, 0, 'f', 6)
        .arg(row.requested)
        .arg(row.active)
        .arg(row.succeeded)
        .arg(row.failed)
        .arg(causes.join(QLatin1Char(';')));
}

} // namespace

QString seriesDifference(const std::vector<SeriesRow>& precise,
                         const std::vector<SeriesRow>& trace) {
    if (precise.empty() || trace.empty())
        return precise.size() == trace.size() ? QString() : QStringLiteral("one series is empty");
    for (size_t i = 0; i < precise.size(); ++i) {
        const SeriesRow& row = precise[i];
        if (i + 1 < precise.size() && precise[i + 1].time - row.time < 0.002)
            continue;
        const double at = row.time + 0.001;
        const auto after =
            std::upper_bound(trace.begin(), trace.end(), at,
                             [](double t, const SeriesRow& r) { return t < r.time; });
        if (after == trace.begin())
            return QStringLiteral("the trace has no row before %1").arg(at, 0, 'f', 6);
        const SeriesRow& got = *(after - 1);
        if (got.requested != row.requested || got.active != row.active ||
            got.succeeded != row.succeeded || got.failed != row.failed || got.causes != row.causes)
            return QStringLiteral("expected %1\n     got %2").arg(describe(row), describe(got));
    }
    return {};
}

} // namespace jobscope::test

namespace jobscope::test {

QString causesDifference(const std::vector<CauseInterval>& precise,
                         const std::vector<CauseInterval>& trace) {
    for (const CauseInterval& c : precise) {
        if (c.end - c.start < 0.002)
            continue;
        const double at = c.start + 0.001;
        const auto found = std::find_if(trace.begin(), trace.end(), [&](const CauseInterval& t) {
            return t.kind == c.kind && t.start <= at && at < t.end;
        });
        if (found == trace.end())
            return QStringLiteral("no %1 at %2 in the trace")
                .arg(QString::fromStdString(c.cause))
                .arg(at, 0, 'f', 6);
        // Times among the numbers (when a backoff is due) are kept to the millisecond too.
        const bool sameNumbers = std::equal(
            c.params.begin(), c.params.end(), found->params.begin(), found->params.end(),
            [](const CauseParam& a, const CauseParam& b) {
                return a.key == b.key && a.text == b.text && std::abs(a.value - b.value) <= 0.002;
            });
        if (!sameNumbers || found->primary != c.primary)
            return QStringLiteral("%1 at %2: expected %3, got %4")
                .arg(QString::fromStdString(c.cause))
                .arg(at, 0, 'f', 6)
                .arg(QString::fromStdString(causeSentence(c)),
                     QString::fromStdString(causeSentence(*found)));
    }
    return {};
}

} // namespace jobscope::test
