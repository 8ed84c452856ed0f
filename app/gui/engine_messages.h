// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Engine messages (core/engine message.h, diagnostics.h) in the language of the UI: each
// template is looked up in the context "jobscope::engine" of the installed translations and
// its arguments, translated the same way, are filled in afterwards. Without a translation the
// English text comes back as the engine wrote it.

#include "diagnostics.h"
#include "message.h"

#include <QString>

namespace jobscope::ui {

QString localizedMessage(const Message& message);
// The diagnostic's message in the UI language.
QString localizedMessage(const Diagnostic& diagnostic);
// "FILE:LINE:COLUMN: error: MESSAGE" with the message in the UI language; the severity word
// stays English, so that the line reads (and greps) the same in every language.
QString localizedFormat(const Diagnostic& diagnostic);

} // namespace jobscope::ui
