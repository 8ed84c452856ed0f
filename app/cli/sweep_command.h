// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `jobscope sweep FILE --vary PATH=A..B [--vary …] [--seeds N] [--set PATH=VALUE]… [-o CSV]`:
// the scenario run over the grid of the varied values (each seed of each point), on every core;
// one CSV row per point with the completion time, Pod-seconds, peak and mean active Pods,
// failures and final condition (the median and 90th percentile over the seeds).

#include <QStringList>

namespace jobscope::cli {

int runSweep(const QStringList& arguments);

} // namespace jobscope::cli
