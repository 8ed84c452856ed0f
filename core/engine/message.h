// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Messages the app can translate, without Qt in the engine. A Message is an English template
// with %1 … %9 and its arguments, each literal text (a field path, a value as written, a
// number) or itself a Message (a translatable phrase such as "must be greater than or equal
// to 0"). The engine keeps the English text (`text()`, Diagnostic::message); the app
// translates the template in the context kMessageContext, then fills in the arguments,
// translated the same way (app/gui/engine_messages.h).
//
// JOBSCOPE_TR_NOOP marks a template for lupdate, which app/CMakeLists.txt tells to read it as
// QT_TRANSLATE_NOOP; here it is the text itself. Templates built at run time (a detail with a
// number in it) are passed as literal text and stay English.

#include <optional>
#include <string>
#include <vector>

#define JOBSCOPE_TR_NOOP(context, text) text

namespace jobscope {

inline constexpr const char* kMessageContext = "jobscope::engine";

struct Message {
    std::string templ; // the English template, or the text itself when `literal`
    std::vector<Message> args;
    bool literal = false;

    Message() = default;
    // A translatable template (with no arguments: a phrase).
    Message(const char* templ) : templ(templ) {}
    Message(const char* templ, std::vector<Message> args) : templ(templ), args(std::move(args)) {}
    // Literal text: never translated.
    Message(std::string text) : templ(std::move(text)), literal(true) {}

    bool empty() const { return templ.empty(); }
    bool operator==(const Message&) const = default;
    // The English message: the arguments substituted for %1 … %9.
    std::string text() const;
};

// Substitutes args[n-1] for each %n (n from 1 to 9) of `templ` in one pass, so that a %n inside
// an argument stays as it is; a % followed by anything else is kept.
std::string fillTemplate(const std::string& templ, const std::vector<std::string>& args);

// Upstream's field errors (apimachinery field.Error): "PATH: TYPE[: VALUE][: DETAIL]", TYPE one
// of "Invalid value", "Required value", "Unsupported value", "Duplicate value", "Too many",
// "Too long", "Not found" (translated; the path and the value never are).
Message fieldError(const std::string& path, Message type, const std::optional<std::string>& value,
                   Message detail);
// "PATH: Invalid value: VALUE: DETAIL"
Message invalidValue(const std::string& path, const std::string& value, Message detail);
// "PATH: Required value: DETAIL"
Message requiredValue(const std::string& path, Message detail);
// "PATH: Unsupported value: VALUE: supported values: SUPPORTED" (VALUE and SUPPORTED as written,
// quotes included)
Message unsupportedValue(const std::string& path, const std::string& value,
                         const std::string& supported);

} // namespace jobscope
