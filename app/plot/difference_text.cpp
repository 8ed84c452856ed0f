// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/difference_text.h"

#include "run/difference.h"

#include <QCoreApplication>
#include <QStringList>

namespace jobscope::ui {

namespace {

class DifferenceText {
    Q_DECLARE_TR_FUNCTIONS(DifferenceText)

public:
    static QString of(const RunSummary& r, const RunSummary& w) {
        const RunDifference difference = runDifference(r, w);
        QStringList parts;
        if (difference.finish) {
            const double delta = *difference.finish;
            parts << (delta == 0  ? tr("finishes at the same time")
                      : delta < 0 ? tr("finishes %1 s earlier").arg(-delta, 0, 'f', 1)
                                  : tr("finishes %1 s later").arg(delta, 0, 'f', 1));
        } else if (r.finishedAt) {
            parts
                << tr("does not finish (the recording does at %1 s)").arg(*r.finishedAt, 0, 'f', 1);
        } else if (w.finishedAt) {
            parts << tr("finishes at %1 s (the recording does not)").arg(*w.finishedAt, 0, 'f', 1);
        }
        const double podSeconds = difference.podSeconds;
        parts << (podSeconds == 0  ? tr("the same Pod-seconds")
                  : podSeconds < 0 ? tr("%1 Pod-seconds fewer").arg(-podSeconds, 0, 'f', 1)
                                   : tr("%1 Pod-seconds more").arg(podSeconds, 0, 'f', 1));
        // The list separator differs by language ("，" in Chinese).
        return parts.join(tr(", ", "separates the parts of a difference"));
    }
};

} // namespace

QString differenceText(const RunSummary& recorded, const RunSummary& whatif) {
    return DifferenceText::of(recorded, whatif);
}

} // namespace jobscope::ui
