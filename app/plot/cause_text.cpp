#include "plot/cause_text.h"

#include "plot/cause_labels.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTranslator>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace jobscope::ui {

namespace {

// Times within this of a row's time count as that row (x values are differences of doubles).
constexpr double kTimeEpsilon = 1e-9;

class CauseText {
    Q_DECLARE_TR_FUNCTIONS(CauseText)

public:
    static QString explain(const CauseInterval& c);
    static QString narrate(const Analysis& analysis, double time, double origin);

private:
    static QString finished(const CauseInterval& c);
};

int count(double value) {
    return static_cast<int>(std::lround(value));
}

QString number(double value) {
    return std::abs(value - std::round(value)) < 1e-9 ? QString::number(std::llround(value))
                                                      : QString::number(value, 'f', 1);
}

QString textParam(const CauseInterval& c, const char* key) {
    for (const auto& p : c.params)
        if (p.key == key)
            return QString::fromStdString(p.text);
    return {};
}

QString CauseText::finished(const CauseInterval& c) {
    const QString condition = textParam(c, "condition");
    const QString reason = textParam(c, "reason");
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

QString CauseText::explain(const CauseInterval& c) {
    const std::string& id = c.cause;
    QString sentence;
    if (id == "remaining-completions") {
        const auto remaining = c.param("remaining");
        const auto completions = c.param("completions");
        const auto parallelism = c.param("parallelism");
        if (remaining && completions && parallelism)
            sentence = tr("Only %n completion(s) left of %1, fewer than the parallelism of %2.",
                          nullptr, count(*remaining))
                           .arg(number(*completions), number(*parallelism));
    } else if (id == "work-queue-draining") {
        if (const auto active = c.param("active"))
            sentence = tr("A Pod has succeeded, so no new Pods start (work queue); waiting for "
                          "%n active Pod(s) to finish.",
                          nullptr, count(*active));
    } else if (id == "controller-lag") {
        if (const auto missing = c.param("missing"))
            sentence = tr("%n wanted Pod(s) not yet created or not yet seen by the controller.",
                          nullptr, count(*missing));
    } else if (id == "quota-exceeded") {
        const auto quota = c.param("quota");
        const auto refused = c.param("refused");
        if (quota && refused)
            sentence =
                tr("The namespace quota allows %1; the API server refused %2 (exceeded quota).")
                    .arg(tr("%n Pod(s)", nullptr, count(*quota)),
                         tr("%n creation(s)", nullptr, count(*refused)));
    } else if (id == "creation-forbidden") {
        if (const auto refused = c.param("refused")) {
            sentence =
                tr("%n Pod creation(s) forbidden by the API server.", nullptr, count(*refused));
            const QString message = textParam(c, "message");
            if (!message.isEmpty())
                sentence += QLatin1Char(' ') + tr("It said: %1").arg(message);
        }
    } else if (id == "failure-backoff") {
        const auto failures = c.param("failures");
        const auto delay = c.param("delay");
        if (failures && delay)
            sentence = tr("%n failure(s) since the last success; the controller waits %1 s before "
                          "it creates replacements.",
                          nullptr, count(*failures))
                           .arg(number(*delay));
    } else if (id == "terminating") {
        if (const auto terminating = c.param("terminating"))
            sentence = tr("%n Pod(s) still terminating.", nullptr, count(*terminating));
    } else if (id == "pending") {
        if (const auto pending = c.param("pending"))
            sentence =
                tr("%n Pod(s) pending: created but not running yet.", nullptr, count(*pending));
    } else if (id == "suspended") {
        if (const auto requested = c.param("requested"))
            sentence = tr("The Job is suspended; its parallelism of %1 waits for it to resume.")
                           .arg(number(*requested));
    } else if (id == "finished") {
        sentence = finished(c);
    } else if (id == "scaled-down") {
        const auto surplus = c.param("surplus");
        const auto want = c.param("wantActive");
        if (surplus && want)
            sentence =
                tr("%n Pod(s) above the target of %1 being removed.", nullptr, count(*surplus))
                    .arg(number(*want));
    } else if (id == "none") {
        sentence = tr("Nothing holds the Job back.");
    }
    if (!sentence.isEmpty())
        return sentence;
    // An interval without its numbers (an older trace, an unknown cause): the engine's words.
    QString english = QString::fromStdString(c.explanation);
    if (english.isEmpty())
        return causeLabel(id);
    english[0] = english[0].toUpper();
    if (!english.endsWith(QLatin1Char('.')))
        english += QLatin1Char('.');
    return english;
}

QString CauseText::narrate(const Analysis& analysis, double time, double origin) {
    const QString clock = formatClock(time);
    const SeriesRow* row = seriesRowAt(analysis, time, origin);
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
    QStringList parts{first + QLatin1Char('.')};

    // The causes in force, in the row's order (primary first), each with its interval's numbers.
    const double at = origin + time;
    for (const std::string& id : row->causes) {
        if (id == "none") {
            parts << tr("Nothing holds the Job back.");
            continue;
        }
        const CauseInterval* found = nullptr;
        for (const CauseInterval& c : analysis.causes) {
            if (c.cause == id && c.start <= at + kTimeEpsilon && at < c.end + kTimeEpsilon) {
                found = &c;
                break;
            }
        }
        if (found) {
            parts << explain(*found);
        } else {
            const QString description = causeDescription(QString::fromStdString(id));
            parts << (description.isEmpty() ? causeLabel(id) : description);
        }
    }
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
    return CauseText::explain(interval);
}

const SeriesRow* seriesRowAt(const Analysis& analysis, double time, double origin) {
    if (std::isnan(time))
        return nullptr;
    const auto& series = analysis.series;
    // The last row whose x (time − origin) is at or before `time`.
    const auto after = std::upper_bound(
        series.begin(), series.end(), time,
        [origin](double t, const SeriesRow& r) { return t + kTimeEpsilon < r.time - origin; });
    if (after == series.begin())
        return nullptr;
    return &*(after - 1);
}

QString narrationAt(const Analysis& analysis, double time, double origin) {
    return CauseText::narrate(analysis, time, origin);
}

QString formatClock(double seconds) {
    if (!std::isfinite(seconds))
        return QStringLiteral("--:--.-");
    const bool negative = seconds < 0;
    // Rounded to tenths first, so 59.96 s shows as 01:00.0 rather than 00:60.0.
    const long long tenths = std::llround(std::abs(seconds) * 10);
    const long long totalSeconds = tenths / 10;
    const long long hours = totalSeconds / 3600;
    const long long minutes = totalSeconds / 60 % 60;
    const long long secs = totalSeconds % 60;
    QString text = hours > 0 ? QStringLiteral("%1:%2:%3.%4")
                                   .arg(hours)
                                   .arg(minutes, 2, 10, QLatin1Char('0'))
                                   .arg(secs, 2, 10, QLatin1Char('0'))
                                   .arg(tenths % 10)
                             : QStringLiteral("%1:%2.%3")
                                   .arg(minutes, 2, 10, QLatin1Char('0'))
                                   .arg(secs, 2, 10, QLatin1Char('0'))
                                   .arg(tenths % 10);
    return negative && tenths > 0 ? QLatin1Char('-') + text : text;
}

} // namespace jobscope::ui
