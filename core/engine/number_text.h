#pragma once
// Numbers as sentences and captions show them, the same in every locale (the decimal point is
// always '.', whatever LC_NUMERIC says).

#include <string>

namespace jobscope {

// Whole numbers (within 0.05) without decimals, others with one: "8", "7.3", "-2".
std::string formatShortNumber(double value);

// `value` with exactly `decimals` digits after the point: formatFixed(8.99, 3) == "8.990".
std::string formatFixed(double value, int decimals);

} // namespace jobscope
