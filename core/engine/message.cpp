// SPDX-License-Identifier: GPL-3.0-or-later
#include "message.h"

namespace jobscope {

std::string fillTemplate(const std::string& templ, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(templ.size());
    for (size_t i = 0; i < templ.size(); ++i) {
        const char c = templ[i];
        if (c == '%' && i + 1 < templ.size() && templ[i + 1] >= '1' && templ[i + 1] <= '9') {
            const size_t n = static_cast<size_t>(templ[i + 1] - '1');
            if (n < args.size()) {
                out += args[n];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string Message::text() const {
    if (literal || args.empty())
        return templ;
    std::vector<std::string> filled;
    filled.reserve(args.size());
    for (const Message& arg : args)
        filled.push_back(arg.text());
    return fillTemplate(templ, filled);
}

Message fieldError(const std::string& path, Message type, const std::optional<std::string>& value,
                   Message detail) {
    // The separators are not translated: the path, the type, the value and the detail read
    // the same way in every language, as upstream prints them.
    if (value && !detail.empty())
        return Message("%1: %2: %3: %4",
                       {Message(path), std::move(type), Message(*value), std::move(detail)});
    if (value)
        return Message("%1: %2: %3", {Message(path), std::move(type), Message(*value)});
    if (!detail.empty())
        return Message("%1: %2: %3", {Message(path), std::move(type), std::move(detail)});
    return Message("%1: %2", {Message(path), std::move(type)});
}

Message invalidValue(const std::string& path, const std::string& value, Message detail) {
    return fieldError(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"), value,
                      std::move(detail));
}

Message unsupportedValue(const std::string& path, const std::string& value,
                         const std::string& supported) {
    return fieldError(
        path, JOBSCOPE_TR_NOOP("jobscope::engine", "Unsupported value"), value,
        Message(JOBSCOPE_TR_NOOP("jobscope::engine", "supported values: %1"), {supported}));
}

Message requiredValue(const std::string& path, Message detail) {
    return fieldError(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Required value"), std::nullopt,
                      std::move(detail));
}

} // namespace jobscope
