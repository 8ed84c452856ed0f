// SPDX-License-Identifier: GPL-3.0-or-later
#include "number_text.h"

#include <charconv>
#include <cmath>

namespace jobscope {

std::string formatFixed(double value, int decimals) {
    // Room for any double in fixed notation (up to 309 integer digits) and the decimals.
    char buffer[400];
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (ec != std::errc())
        return std::isnan(value) ? "nan" : (value < 0 ? "-inf" : "inf");
    std::string text(buffer, end);
    if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos)
        text.erase(0, 1); // -0.0 reads as 0.0
    return text;
}

std::string formatRoundTrip(double value) {
    char buffer[40];
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 17);
    if (ec != std::errc())
        return std::isnan(value) ? "nan" : (value < 0 ? "-inf" : "inf");
    return std::string(buffer, end);
}

std::string formatShortNumber(double value) {
    const double rounded = std::round(value);
    if (std::fabs(value - rounded) < 0.05)
        return formatFixed(rounded, 0);
    return formatFixed(value, 1);
}

} // namespace jobscope
