// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A run as a PDF report, drawn as vectors (its text is text: selectable, searchable):
//
//   page 1       the title, the summary (RunSummary's figures) and the timeline plot
//   pages 2…N    the Pod Gantt, every Pod: as many rows to a page as fit with their labels,
//                the legend and the time axis on each page, the time axis in the same place
//
// One font scale for every part, on A4 landscape. Written through a temporary file renamed at
// the end: a failed write leaves no file (and an existing one as it was).

#include "run/run.h"

#include <QString>

#include <memory>

namespace jobscope::ui {

// How the report's pages are shared out.
struct RunReportLayout {
    int ganttRows = 0;   // rows of the Pod Gantt (Pods, or completion indexes)
    int rowsPerPage = 0; // Gantt rows on one page
    int pages = 0;       // in all: the summary page and the Gantt's
};

RunReportLayout runReportLayout(const std::shared_ptr<const Run>& run);

// Writes the report of `run` under `title`. On failure returns false and, if `error` is given,
// says why in the user's language.
bool writeRunReport(const QString& path, const std::shared_ptr<const Run>& run,
                    const QString& title, QString* error = nullptr);

} // namespace jobscope::ui
