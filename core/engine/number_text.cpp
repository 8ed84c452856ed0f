#include "number_text.h"

#include <charconv>
#include <cmath>

namespace jobscope {

std::string formatFixed(double value, int decimals) {
    char buffer[400];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (result.ec != std::errc())
        return std::to_string(value);
    std::string text(buffer, result.ptr);
    if (text.find_first_not_of("-0.") == std::string::npos && text.front() == '-')
        text.erase(0, 1); // -0.0 reads as 0.0
    return text;
}

std::string formatShortNumber(double value) {
    const double rounded = std::round(value);
    if (std::fabs(value - rounded) < 0.05)
        return formatFixed(rounded, 0);
    return formatFixed(value, 1);
}

} // namespace jobscope
