// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbers as text that read the same in every locale: '.' before the decimals, no digit
// grouping. printf's %f and %g follow LC_NUMERIC, which a QCoreApplication takes from the
// environment (LC_ALL=de_DE.UTF-8 turns "%.3f" of 8.99 into "8,990"), so every report, caption
// and number handed to a parser goes through these instead.

#include <string>

namespace jobscope {

// `decimals` digits after the point, rounded to nearest ("%.*f" in the "C" locale); -0 reads 0.
std::string formatFixed(double value, int decimals);
// 17 significant digits, enough to read back as `value` ("%.17g" in the "C" locale).
std::string formatRoundTrip(double value);
// As sentences and captions show a number: whole numbers (within 0.05) without decimals,
// others with one ("8", "7.3", "-2").
std::string formatShortNumber(double value);

} // namespace jobscope
