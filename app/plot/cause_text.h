// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Translated sentences for what the analysis found, shared by the inspector, the plot's hover
// tooltip and the lesson captions: the engine's CauseInterval carries English text plus its
// numbers (params); these rebuild the sentence with tr() from the numbers.

#include "analysis/analysis.h"
#include "run/moment.h"

#include <QString>

#include <utility>
#include <vector>

class QCoreApplication;

namespace jobscope::ui {

// "The namespace quota allows 2 Pods; 3 creations were refused." — from interval.params.
QString causeExplanation(const CauseInterval& interval);
// The same for a cause at a moment: its numbers then (a wait counts down); in a run of several
// Jobs, after the name of the Job it holds back.
QString causeExplanation(const MomentCause& cause);
// The explanations of the causes in force at a moment, primary first; in a run of several Jobs
// the Jobs one cause holds back with the same numbers share one, after their names.
std::vector<std::pair<CauseKind, QString>> causeExplanations(const Moment& moment);
// One paragraph for a moment: "At 00:37.2: 2 of 10 requested Pods run. …" with the
// explanations of the causes in force, primary first.
QString narration(const Moment& moment);
QString narrationAt(const Run& run, double time);
// The Job's conditions at a moment, as kubectl names them ("Complete (CompletionsReached)").
QStringList conditionTexts(const Moment& moment);
// "Complete", "Failed (BackoffLimitExceeded)", or "" while the run has not finished.
QString outcomeText(const RunSummary& summary);
// "00:37.250" (or "1:02:03.400" past an hour): the one way the app writes a moment.
QString formatClock(double seconds);

// English plural forms for the "%n Pod(s)" source strings: without a translation Qt shows
// "(s)" literally. Installs (once) a translator that resolves "(s)" by the count; translators
// installed later, such as zh_CN, take precedence over it. Call once after creating the app.
void installEnglishPlurals(QCoreApplication* app);

} // namespace jobscope::ui
