// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the app shows for each cause of the engine's catalogue (analysis/cause_catalogue.h): a
// translated name, a translated one-line description and one colour, the same in every plot,
// legend and export. A switch over CauseKind gives them, so the compiler names a cause the app
// has no words for.

#include "analysis/cause_catalogue.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <string>

namespace jobscope::ui {

// Every cause id of the catalogue, in the order a legend lists them.
QStringList knownCauseIds();

// A short translated name ("quota exceeded"); an unknown id is shown as it is.
QString causeLabel(CauseKind kind);
QString causeLabel(const QString& causeId);
QString causeLabel(const std::string& causeId);

// One translated sentence on what the cause means in general; "" for an unknown id.
QString causeDescription(CauseKind kind);
QString causeDescription(const QString& causeId);

// A colour per cause, stable across runs; unknown ids get a colour derived from the id.
QColor causeColor(CauseKind kind);
QColor causeColor(const QString& causeId);
QColor causeColor(const std::string& causeId);

// The colour of a Job that ended Failed: the `finished` band, the status bar and the summary
// show a failure in it, in both themes.
QColor failedColor();

} // namespace jobscope::ui
