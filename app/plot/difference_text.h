// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The difference a what-if makes against its recording (run/difference.h), in words: when the
// Job finishes and what its Pods cost — "finishes 7.1 s earlier, 3.2 Pod-seconds more". The
// app's plot and `jobscope whatif` say it alike.

#include "analysis/summary.h"

#include <QString>

namespace jobscope::ui {

QString differenceText(const RunSummary& recorded, const RunSummary& whatif);

} // namespace jobscope::ui
