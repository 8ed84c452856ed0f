// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/cause_text.h"

#include "plot/cause_labels.h"

#include "number_text.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTranslator>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace jobscope::ui {

namespace {

class CauseText {
    Q_DECLARE_TR_FUNCTIONS(CauseText)

public:
    static QString explain(CauseKind kind, const std::vector<CauseParam>& params);
    static QString narrate(const Moment& moment);
    static QString forJobs(const QStringList& jobs, const QString& text);
    static QString finished(const std::vector<CauseParam>& params);
    static QString condition(const JobCondition& c);
    static QString outcome(const RunSummary& summary);
};

int count(double value) {
    return static_cast<int>(std::lround(value));
}

QString number(double value) {
    return QString::fromStdString(formatShortNumber(value));
}

std::optional<double> numberParam(const std::vector<CauseParam>& params, const char* key) {
    for (const auto& p : params)
        if (p.key == key && p.text.empty())
            return p.value;
    return std::nullopt;
}

QString textParam(const std::vector<CauseParam>& params, const char* key) {
    for (const auto& p : params)
        if (p.key == key)
            return QString::fromStdString(p.text);
    return {};
}

QString CauseText::finished(const std::vector<CauseParam>& params) {
    const QString condition = textParam(params, "condition");
    const QString reason = textParam(params, "reason");
    if (condition.isEmpty())
        return {};
    if (condition == QLatin1String("deleted"))
        return tr("The Job was deleted.");
    if (condition == QLatin1String("finishing"))
        return tr("The Job has reached its end; the controller is finishing it.");
    // Condition types and reasons are API values (Complete, BackoffLimitExceeded): kept as
    // they are, as kubectl shows them.
    QString sentence;
    if (condition == QLatin1String("Complete"))
        sentence = reason.isEmpty() ? tr("The Job is complete.")
                                    : tr("The Job is complete (%1).").arg(reason);
    else if (condition == QLatin1String("Failed"))
        sentence = reason.isEmpty() ? tr("The Job has failed.")
                                    : tr("The Job has failed (%1).").arg(reason);
    else
        sentence = reason.isEmpty()
                       ? tr("The Job has the condition %1.").arg(condition)
                       : tr("The Job has the condition %1 (%2).").arg(condition, reason);
    return sentence + QLatin1Char(' ') + tr("No new Pods start.");
}

QString CauseText::explain(CauseKind kind, const std::vector<CauseParam>& params) {
    const auto n = [&params](const char* key) { return numberParam(params, key); };
    switch (kind) {
    case CauseKind::RemainingCompletions: {
        const auto remaining = n("remaining");
        const auto completions = n("completions");
        const auto parallelism = n("parallelism");
        if (remaining && completions && parallelism)
            return tr("Only %n completion(s) left of %1, fewer than the parallelism of %2.",
                      nullptr, count(*remaining))
                .arg(number(*completions), number(*parallelism));
        break;
    }
    case CauseKind::WorkQueueDraining:
        if (const auto active = n("active"))
            return tr("A Pod has succeeded, so no new Pods start (work queue); waiting for "
                      "%n active Pod(s) to finish.",
                      nullptr, count(*active));
        break;
    case CauseKind::ControllerLag:
        if (const auto missing = n("missing"))
            return tr("%n wanted Pod(s) not yet created or not yet seen by the controller.",
                      nullptr, count(*missing));
        break;
    case CauseKind::QuotaExceeded: {
        const auto quota = n("quota");
        const auto refused = n("refused");
        if (quota && refused)
            return tr("The namespace quota allows %1; the API server refused %2 (exceeded quota).")
                .arg(tr("%n Pod(s)", nullptr, count(*quota)),
                     tr("%n creation(s)", nullptr, count(*refused)));
        break;
    }
    case CauseKind::CreationForbidden:
    case CauseKind::CreationFailed:
        if (const auto refused = n("refused")) {
            QString sentence =
                kind == CauseKind::CreationForbidden
                    ? tr("%n Pod creation(s) forbidden by the API server.", nullptr,
                         count(*refused))
                    : tr("%n Pod creation(s) failed with an API server error; the controller "
                         "retries.",
                         nullptr, count(*refused));
            const QString message = textParam(params, "message");
            if (!message.isEmpty())
                sentence += QLatin1Char(' ') + tr("It said: %1").arg(message);
            return sentence;
        }
        break;
    case CauseKind::FailureBackoff: {
        const auto failures = n("failures");
        const auto delay = n("delay");
        if (!failures || !delay)
            break;
        const double wait = n("left").value_or(*delay);
        QString sentence;
        if (const auto index = n("index")) {
            sentence = tr("Index %1 has failed %n time(s); the controller waits %2 s more before "
                          "it retries it (a backoff of %3 s).",
                          nullptr, count(*failures))
                           .arg(number(*index), number(wait), number(*delay));
            const int waiting = count(n("indexes").value_or(1));
            if (waiting > 1)
                sentence +=
                    QLatin1Char(' ') + tr("Indexes waiting for their backoff: %1.").arg(waiting);
        } else {
            sentence = tr("%n failure(s) since the last success; the controller waits %1 s more "
                          "before it creates replacements (a backoff of %2 s).",
                          nullptr, count(*failures))
                           .arg(number(wait), number(*delay));
        }
        return sentence;
    }
    case CauseKind::Terminating:
        if (const auto terminating = n("terminating"))
            return tr("%n Pod(s) still terminating.", nullptr, count(*terminating));
        break;
    case CauseKind::Pending:
        if (const auto pending = n("pending"))
            return tr("%n Pod(s) pending: created but not running yet.", nullptr, count(*pending));
        break;
    case CauseKind::Suspended:
        if (const auto requested = n("requested"))
            return tr("The Job is suspended; its parallelism of %1 waits for it to resume.")
                .arg(number(*requested));
        break;
    case CauseKind::Finished:
        return finished(params);
    case CauseKind::ScaledDown: {
        const auto surplus = n("surplus");
        const auto want = n("wantActive");
        if (surplus && want)
            return tr("%n Pod(s) above the target of %1 being removed.", nullptr, count(*surplus))
                .arg(number(*want));
        break;
    }
    case CauseKind::None:
        return tr("Nothing holds the Job back.");
    }
    // An interval without its numbers (an older trace): what the cause means in general.
    return causeDescription(kind);
}

QString CauseText::condition(const JobCondition& c) {
    const QString type = QString::fromStdString(c.type);
    return c.reason.empty() ? type
                            : QStringLiteral("%1 (%2)").arg(type, QString::fromStdString(c.reason));
}

QString CauseText::outcome(const RunSummary& summary) {
    if (summary.outcome.empty())
        return {};
    const QString reason = QString::fromStdString(summary.outcomeReason);
    if (summary.outcome == "Failed")
        return reason.isEmpty() ? tr("Failed") : tr("Failed (%1)").arg(reason);
    return reason.isEmpty() ? tr("Complete") : tr("Complete (%1)").arg(reason);
}

QString CauseText::narrate(const Moment& moment) {
    const QString clock = formatClock(moment.time);
    const SeriesRow* row = moment.row;
    if (!row)
        return tr("At %1: the Job has not been observed yet.").arg(clock);

    QString first = tr("At %1: %2 of %n requested Pod(s) run", nullptr, row->requested)
                        .arg(clock)
                        .arg(row->running);
    QStringList details;
    if (row->pending > 0)
        details << tr("%n pending", nullptr, row->pending);
    if (row->terminating > 0)
        details << tr("%n terminating", nullptr, row->terminating);
    if (!details.isEmpty())
        first += tr(" (%1)").arg(details.join(tr(", ")));
    QStringList parts{tr("%1.", "ends the first sentence of the narration").arg(first)};
    if (moment.causes.empty())
        parts << tr("Nothing holds the Job back.");
    for (const auto& [kind, text] : causeExplanations(moment))
        parts << text;
    return parts.join(QLatin1Char(' '));
}

// Resolves "(s)" in a source text with a count: "%n Pod(s)" → "1 Pod", "3 Pods" (QCoreApplication
// replaces %n in what a translator returns).
class EnglishPlurals : public QTranslator {
public:
    using QTranslator::QTranslator;

    QString translate(const char*, const char* sourceText, const char*, int n) const override {
        if (n < 0 || !sourceText || !std::strstr(sourceText, "(s)"))
            return {};
        return QString::fromUtf8(sourceText)
            .replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    }
    bool isEmpty() const override { return false; }
};

} // namespace

void installEnglishPlurals(QCoreApplication* app) {
    if (!app || app->findChild<EnglishPlurals*>(QString(), Qt::FindDirectChildrenOnly))
        return;
    QCoreApplication::installTranslator(new EnglishPlurals(app));
}

QString causeExplanation(const CauseInterval& interval) {
    return CauseText::explain(interval.kind, interval.params);
}

// "item-3: text", "item-3, item-4: text", "item-3, item-4, item-5 and 6 more Jobs: text".
QString CauseText::forJobs(const QStringList& jobs, const QString& text) {
    constexpr qsizetype kNamed = 3;
    if (jobs.isEmpty())
        return text;
    if (jobs.size() <= kNamed)
        return tr("%1: %2", "Jobs' names, then what holds them back")
            .arg(jobs.join(tr(", ")), text);
    return tr("%1 and %n more Job(s): %2", "Jobs' names, then what holds them back",
              static_cast<int>(jobs.size() - kNamed))
        .arg(jobs.mid(0, kNamed).join(tr(", ")), text);
}

QString causeExplanation(const MomentCause& cause) {
    const QString text = CauseText::explain(cause.kind, cause.params);
    return cause.job.empty() ? text : CauseText::forJobs({QString::fromStdString(cause.job)}, text);
}

std::vector<std::pair<CauseKind, QString>> causeExplanations(const Moment& moment) {
    // Jobs held back by one cause with the same numbers share a sentence.
    struct Group {
        const MomentCause* cause;
        QStringList jobs;
    };
    std::vector<Group> groups;
    for (const MomentCause& c : moment.causes) {
        const auto same =
            c.job.empty() ? groups.end() : std::find_if(groups.begin(), groups.end(), [&](auto& g) {
                return !g.jobs.isEmpty() && g.cause->kind == c.kind && g.cause->params == c.params;
            });
        const QString job = QString::fromStdString(c.job);
        if (same != groups.end())
            same->jobs << job;
        else
            groups.push_back({&c, c.job.empty() ? QStringList() : QStringList{job}});
    }
    std::vector<std::pair<CauseKind, QString>> out;
    for (const Group& g : groups)
        out.emplace_back(
            g.cause->kind,
            CauseText::forJobs(g.jobs, CauseText::explain(g.cause->kind, g.cause->params)));
    return out;
}

QString narration(const Moment& moment) {
    return CauseText::narrate(moment);
}

QString narrationAt(const Run& run, double time) {
    return CauseText::narrate(momentAt(run, time));
}

QStringList conditionTexts(const Moment& moment) {
    QStringList out;
    for (const JobCondition& c : moment.conditions)
        out << CauseText::condition(c);
    return out;
}

QString outcomeText(const RunSummary& summary) {
    return CauseText::outcome(summary);
}

QString formatClock(double seconds) {
    if (!std::isfinite(seconds))
        return QStringLiteral("--:--.---");
    const bool negative = seconds < 0;
    // Rounded to milliseconds first, so 59.9996 s shows as 01:00.000 rather than 00:60.000.
    // Milliseconds: events a few milliseconds apart (one sync's writes) show apart when stepping.
    const long long millis = std::llround(std::abs(seconds) * 1000);
    const long long totalSeconds = millis / 1000;
    const long long hours = totalSeconds / 3600;
    const long long minutes = totalSeconds / 60 % 60;
    const long long secs = totalSeconds % 60;
    const QString fraction = QStringLiteral("%1").arg(millis % 1000, 3, 10, QLatin1Char('0'));
    QString text = hours > 0 ? QStringLiteral("%1:%2:%3.%4")
                                   .arg(hours)
                                   .arg(minutes, 2, 10, QLatin1Char('0'))
                                   .arg(secs, 2, 10, QLatin1Char('0'))
                                   .arg(fraction)
                             : QStringLiteral("%1:%2.%3")
                                   .arg(minutes, 2, 10, QLatin1Char('0'))
                                   .arg(secs, 2, 10, QLatin1Char('0'))
                                   .arg(fraction);
    return negative && millis > 0 ? QLatin1Char('-') + text : text;
}

} // namespace jobscope::ui
