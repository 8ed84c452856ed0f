#pragma once
// What the app shows for a cause id (reconcile/explanation.h): a translated name, a translated
// one-line explanation and one colour per id, the same in every plot, legend and export.

#include <QColor>
#include <QString>
#include <QStringList>

#include <string>

namespace jobscope::ui {

// The cause ids (reconcile/explanation.h `cause::`), in the order a legend lists them.
QStringList knownCauseIds();

// A short translated name ("quota exceeded"); an unknown id is shown as it is.
QString causeLabel(const QString& causeId);
QString causeLabel(const std::string& causeId);

// One translated sentence on what the cause means; "" for an unknown id.
QString causeDescription(const QString& causeId);

// A colour per id, stable across runs; unknown ids get a colour derived from the id.
QColor causeColor(const QString& causeId);
QColor causeColor(const std::string& causeId);

} // namespace jobscope::ui
