// SPDX-License-Identifier: GPL-3.0-or-later
#include "yaml_reader.h"

#include "yaml_guard.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <istream>
#include <limits>
#include <sstream>
#include <string_view>
#include <vector>

namespace jobscope {

SourcePosition positionOf(const YAML::Node& node) {
    if (!node.IsDefined())
        return {};
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.line < 0)
        return {};
    return SourcePosition{mark.line + 1, mark.column + 1};
}

namespace {

// yaml-cpp reads NUL as end of input; binary junk gets a clear message instead.
bool checkNoNul(const std::string& text, const std::string& fileName, Diagnostics& diagnostics) {
    if (text.find('\0') == std::string::npos)
        return true;
    diagnostics.error(
        fileName, {},
        JOBSCOPE_TR_NOOP("jobscope::engine", "not a text file: it contains NUL bytes"));
    return false;
}

// Where yaml-cpp gives up on an unclosed flow collection or quoted scalar is where it ran out of
// text to swallow, often many lines below the mistake. A light scan of the text up to that
// point finds the opener instead: flow brackets and quotes at the start of a token, outside
// comments and block scalars, as yaml-cpp's scanner reads them.
struct OpenerScan {
    struct Opener {
        char c = 0;
        SourcePosition at; // 1-based
    };
    std::vector<Opener> flow;     // brackets still open at the stop
    std::optional<Opener> quote;  // a quoted scalar still open at the stop
    std::optional<Opener> quoted; // the last quoted scalar closed before the stop...
    int quotedEndLine = 0;        // ... and the 1-based line of its closing quote
};

OpenerScan scanOpeners(const std::string& text, int stopLine, int stopColumn) {
    OpenerScan scan;
    int blockScalarParent = -1; // inside a block scalar: the indentation of the line that began it
    size_t lineStart = 0;
    for (int line = 0; line <= stopLine && lineStart <= text.size(); ++line) {
        size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string::npos)
            lineEnd = text.size();
        const std::string_view row(text.data() + lineStart, lineEnd - lineStart);
        const size_t stop =
            line == stopLine ? std::min<size_t>(row.size(), stopColumn) : row.size();
        const size_t indent = std::min(row.find_first_not_of(" \t"), row.size());
        size_t i = 0;
        if (blockScalarParent >= 0 && !scan.quote) {
            if (indent == row.size() || static_cast<int>(indent) > blockScalarParent)
                i = row.size(); // the scalar's text
            else
                blockScalarParent = -1;
        }
        char previous = 0; // the last non-blank character before i on this line, 0 for none
        for (; i < stop; ++i) {
            const char c = row[i];
            const SourcePosition here{line + 1, static_cast<int>(i) + 1};
            if (scan.quote) {
                if (scan.quote->c == '"' && c == '\\') {
                    ++i;
                } else if (c == scan.quote->c) {
                    if (c == '\'' && i + 1 < row.size() && row[i + 1] == '\'') {
                        ++i;
                    } else {
                        scan.quoted = scan.quote;
                        scan.quotedEndLine = line + 1;
                        scan.quote.reset();
                        previous = c;
                    }
                }
                continue;
            }
            if (c == ' ' || c == '\t')
                continue;
            const bool tokenStart = previous == 0 || previous == ':' || previous == '-' ||
                                    previous == '[' || previous == '{' || previous == ',' ||
                                    previous == '?';
            if (c == '#' && (i == 0 || row[i - 1] == ' ' || row[i - 1] == '\t'))
                break;
            if ((c == '"' || c == '\'') && tokenStart) {
                scan.quote = OpenerScan::Opener{c, here};
            } else if ((c == '[' || c == '{') && tokenStart) {
                scan.flow.push_back({c, here});
            } else if ((c == ']' || c == '}') && !scan.flow.empty()) {
                scan.flow.pop_back();
            } else if ((c == '|' || c == '>') && tokenStart && scan.flow.empty() && previous != 0) {
                blockScalarParent = static_cast<int>(indent);
            }
            previous = c;
        }
        lineStart = lineEnd + 1;
    }
    return scan;
}

// The diagnostic for a yaml-cpp syntax error at `mark`: at the opener it points back to when
// the error is an unclosed flow collection or quoted scalar.
void reportSyntaxError(const std::string& text, const std::string& fileName, const YAML::Mark& mark,
                       const std::string& what, Diagnostics& diagnostics) {
    SourcePosition at;
    if (!mark.is_null() && mark.line >= 0)
        at = SourcePosition{mark.line + 1, mark.column + 1};
    if (at.known()) {
        const OpenerScan scan = scanOpeners(text, mark.line, mark.column);
        const bool flowNotEnded =
            what == YAML::ErrorMsg::END_OF_MAP_FLOW || what == YAML::ErrorMsg::END_OF_SEQ_FLOW;
        if (flowNotEnded && !scan.flow.empty()) {
            const OpenerScan::Opener& open = scan.flow.back();
            diagnostics.error(fileName, open.at,
                              Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                       "YAML syntax error: this '%1' is never "
                                                       "closed (%2)"),
                                      {std::string(1, open.c), what}));
            return;
        }
        // A quote left open runs on to the next quote and the error shows there.
        std::optional<OpenerScan::Opener> runOn;
        if (scan.quote && scan.quote->at.line < at.line)
            runOn = scan.quote;
        else if (scan.quoted && scan.quoted->at.line < at.line && scan.quotedEndLine == at.line)
            runOn = scan.quoted;
        if (runOn) {
            diagnostics.error(fileName, runOn->at,
                              Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                       "YAML syntax error: the string quoted "
                                                       "here runs on to line %1; is its closing "
                                                       "quote missing? (%2)"),
                                      {std::to_string(at.line), what}));
            return;
        }
    }
    diagnostics.error(
        fileName, at,
        Message(JOBSCOPE_TR_NOOP("jobscope::engine", "YAML syntax error: %1"), {what}));
}

// Runs `parse`, reporting what yaml-cpp throws at its position; false when it threw.
template <typename Parse>
bool reportingYamlErrors(const std::string& text, const std::string& fileName,
                         Diagnostics& diagnostics, Parse parse) {
    try {
        parse();
        return true;
    } catch (const YAML::DeepRecursion& e) {
        SourcePosition at;
        if (!e.mark.is_null() && e.mark.line >= 0)
            at = SourcePosition{e.mark.line + 1, e.mark.column + 1};
        diagnostics.error(fileName, at,
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                   "YAML nesting too deep (more than %1 levels)"),
                                  {std::to_string(e.depth())}));
    } catch (const YAML::Exception& e) {
        reportSyntaxError(text, fileName, e.mark, e.msg, diagnostics);
    } catch (const std::exception& e) {
        diagnostics.error(fileName, {},
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine", "cannot parse YAML: %1"),
                                  {std::string(e.what())}));
    }
    return false;
}

} // namespace

bool loadYamlDocuments(const std::string& text, const std::string& fileName,
                       std::vector<YAML::Node>& documents, Diagnostics& diagnostics) {
    documents.clear();
    // yaml-cpp 0.7 never returns from LoadAll on some stray commas, and alias bombs expand
    // beyond any memory (yaml_guard.h).
    if (!checkNoNul(text, fileName, diagnostics) || !checkYamlInput(text, fileName, diagnostics))
        return false;
    if (reportingYamlErrors(text, fileName, diagnostics, [&] { documents = YAML::LoadAll(text); }))
        return true;
    documents.clear();
    return false;
}

bool parseYamlEvents(const std::string& text, const std::string& fileName,
                     YAML::EventHandler& handler, Diagnostics& diagnostics) {
    if (!checkNoNul(text, fileName, diagnostics))
        return false;
    bool guarded = true;
    const bool parsed = reportingYamlErrors(text, fileName, diagnostics, [&] {
        guarded = parseGuardedYamlEvents(text, fileName, handler, diagnostics);
    });
    return parsed && guarded;
}

namespace {

bool parseDigits(const char*& p, const char* end, int count, int& value) {
    value = 0;
    for (int i = 0; i < count; ++i, ++p) {
        if (p == end || *p < '0' || *p > '9')
            return false;
        value = value * 10 + (*p - '0');
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool isPlainScalar(const YAML::Node& node) {
    return node.Tag() != "!";
}

bool isNullScalar(const YAML::Node& node) {
    if (node.IsNull())
        return true;
    if (!node.IsScalar() || !isPlainScalar(node))
        return false;
    const std::string& s = node.Scalar();
    return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

Message describe(const YAML::Node& node) {
    if (node.IsMap())
        return JOBSCOPE_TR_NOOP("jobscope::engine", "a mapping");
    if (node.IsSequence())
        return JOBSCOPE_TR_NOOP("jobscope::engine", "a sequence");
    std::string s = node.Scalar();
    if (s.size() > 40)
        s = s.substr(0, 37) + "...";
    return Message("\"" + s + "\"");
}

// invalidValue with the value shown as `describe` gives it: as written, or a phrase.
Message invalidShown(const std::string& path, Message shown, Message detail) {
    return Message("%1: %2: %3: %4",
                   {Message(path), JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"),
                    std::move(shown), std::move(detail)});
}

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::optional<Seconds> parseRfc3339(std::string_view text) {
    const char* p = text.data();
    const char* end = p + text.size();
    int year, month, day, hour, minute, second;
    if (!parseDigits(p, end, 4, year) || p == end || *p++ != '-' ||
        !parseDigits(p, end, 2, month) || p == end || *p++ != '-' || !parseDigits(p, end, 2, day) ||
        p == end || (*p != 'T' && *p != 't' && *p != ' '))
        return std::nullopt;
    ++p;
    if (!parseDigits(p, end, 2, hour) || p == end || *p++ != ':' ||
        !parseDigits(p, end, 2, minute) || p == end || *p++ != ':' ||
        !parseDigits(p, end, 2, second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    double fraction = 0;
    if (p != end && *p == '.') {
        ++p;
        double scale = 0.1;
        const char* digitsStart = p;
        while (p != end && *p >= '0' && *p <= '9') {
            fraction += (*p - '0') * scale;
            scale /= 10;
            ++p;
        }
        if (p == digitsStart)
            return std::nullopt;
    }
    int offsetSeconds = 0;
    if (p != end && (*p == 'Z' || *p == 'z')) {
        ++p;
    } else if (p != end && (*p == '+' || *p == '-')) {
        const int sign = *p == '-' ? -1 : 1;
        ++p;
        int offsetHours, offsetMinutes;
        if (!parseDigits(p, end, 2, offsetHours) || p == end || *p++ != ':' ||
            !parseDigits(p, end, 2, offsetMinutes))
            return std::nullopt;
        offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
    } else {
        return std::nullopt;
    }
    if (p != end)
        return std::nullopt;
    const int64_t days =
        daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return static_cast<double>(days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds) +
           fraction;
}

std::string formatRfc3339(Seconds seconds) {
    // Years 0000..9999 only, as RFC 3339 allows; beyond that the day arithmetic overflows.
    constexpr Seconds kYear0 = -62167219200.0;
    constexpr Seconds kYear10000 = 253402300800.0;
    if (!std::isfinite(seconds) || seconds < kYear0 || seconds >= kYear10000)
        return "";
    const double whole = std::floor(seconds);
    const double fraction = seconds - whole;
    const int64_t total = static_cast<int64_t>(whole);
    int64_t days = total / 86400;
    int64_t rest = total % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld",
                  static_cast<long long>(y), m, d, static_cast<long long>(rest / 3600),
                  static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60));
    std::string out = buffer;
    // Microseconds, as Kubernetes' MicroTime prints them; trailing zeros trimmed.
    const long long micros = std::llround(fraction * 1e6);
    if (micros > 0 && micros < 1000000) {
        std::snprintf(buffer, sizeof buffer, ".%06lld", micros);
        std::string frac = buffer;
        while (frac.back() == '0')
            frac.pop_back();
        out += frac;
    }
    return out + "Z";
}

void YamlReader::error(const YAML::Node& at, Message message) {
    diagnostics_.error(fileName_, positionOf(at), std::move(message));
}

void YamlReader::error(SourcePosition at, Message message) {
    diagnostics_.error(fileName_, at, std::move(message));
}

void YamlReader::warning(const YAML::Node& at, Message message) {
    diagnostics_.warning(fileName_, positionOf(at), std::move(message));
}

std::optional<int64_t> YamlReader::int64(const YAML::Node& node, const std::string& path) {
    if (!node.IsDefined() || isNullScalar(node))
        return std::nullopt;
    if (!node.IsScalar() || !isPlainScalar(node)) {
        error(node, invalidShown(path, describe(node),
                                 JOBSCOPE_TR_NOOP("jobscope::engine", "must be an integer")));
        return std::nullopt;
    }
    const std::string& s = node.Scalar();
    const char* first = s.data();
    const char* last = s.data() + s.size();
    if (first != last && *first == '+')
        ++first;
    int64_t value = 0;
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec == std::errc::result_out_of_range) {
        error(node, invalidShown(path, describe(node),
                                 Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                          "must be an integer between %1 and %2"),
                                         {std::string("-9223372036854775808"),
                                          std::string("9223372036854775807")})));
        return std::nullopt;
    }
    if (ec != std::errc() || ptr != last || first == last) {
        error(node, invalidShown(path, describe(node),
                                 JOBSCOPE_TR_NOOP("jobscope::engine", "must be an integer")));
        return std::nullopt;
    }
    return value;
}

std::optional<int32_t> YamlReader::int32(const YAML::Node& node, const std::string& path) {
    // Range errors first, so "99999999999" says it does not fit rather than "not an integer".
    auto wide = int64(node, path);
    if (!wide)
        return std::nullopt;
    if (*wide < std::numeric_limits<int32_t>::min() ||
        *wide > std::numeric_limits<int32_t>::max()) {
        error(node, invalidShown(path, describe(node),
                                 Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                          "must be an integer between %1 and %2"),
                                         {std::string("-2147483648"), std::string("2147483647")})));
        return std::nullopt;
    }
    return static_cast<int32_t>(*wide);
}

std::optional<double> YamlReader::number(const YAML::Node& node, const std::string& path) {
    if (!node.IsDefined() || isNullScalar(node))
        return std::nullopt;
    if (node.IsScalar() && isPlainScalar(node)) {
        const std::string& s = node.Scalar();
        const char* first = s.data();
        const char* last = s.data() + s.size();
        if (first != last && *first == '+')
            ++first;
        double value = 0;
        auto [ptr, ec] = std::from_chars(first, last, value);
        if (ec == std::errc() && ptr == last && first != last && std::isfinite(value))
            return value;
    }
    error(node, invalidShown(path, describe(node),
                             JOBSCOPE_TR_NOOP("jobscope::engine", "must be a number")));
    return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, const std::string& path) {
    if (!node.IsDefined() || isNullScalar(node))
        return std::nullopt;
    if (node.IsScalar() && isPlainScalar(node)) {
        const std::string& s = node.Scalar();
        for (const char* t : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
            if (s == t)
                return true;
        for (const char* f : {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})
            if (s == f)
                return false;
    }
    error(node, invalidShown(path, describe(node),
                             JOBSCOPE_TR_NOOP("jobscope::engine", "must be true or false")));
    return std::nullopt;
}

std::optional<std::string> YamlReader::string(const YAML::Node& node, const std::string& path) {
    if (!node.IsDefined() || isNullScalar(node))
        return std::nullopt;
    if (!node.IsScalar()) {
        error(node, invalidShown(path, describe(node),
                                 JOBSCOPE_TR_NOOP("jobscope::engine", "must be a string")));
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<Seconds> YamlReader::time(const YAML::Node& node, const std::string& path) {
    if (!node.IsDefined() || isNullScalar(node))
        return std::nullopt;
    if (node.IsScalar()) {
        if (auto t = parseRfc3339(node.Scalar()))
            return t;
        if (isPlainScalar(node)) {
            const std::string& s = node.Scalar();
            double value = 0;
            auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
            if (ec == std::errc() && ptr == s.data() + s.size() && !s.empty() &&
                std::isfinite(value))
                return value;
        }
    }
    error(node, invalidShown(
                    path, describe(node),
                    JOBSCOPE_TR_NOOP(
                        "jobscope::engine",
                        "must be an RFC 3339 time (2026-01-01T00:00:30Z) or a number of seconds")));
    return std::nullopt;
}

bool YamlReader::isMap(const YAML::Node& node, const std::string& path) {
    if (!node.IsDefined() || isNullScalar(node))
        return false;
    if (!node.IsMap()) {
        error(node, invalidShown(path, describe(node),
                                 JOBSCOPE_TR_NOOP("jobscope::engine", "must be a mapping")));
        return false;
    }
    return true;
}

bool YamlReader::isSequence(const YAML::Node& node, const std::string& path) {
    if (!node.IsDefined() || isNullScalar(node))
        return false;
    if (!node.IsSequence()) {
        error(node, invalidShown(path, describe(node),
                                 JOBSCOPE_TR_NOOP("jobscope::engine", "must be a list")));
        return false;
    }
    return true;
}

void YamlReader::rejectUnknownKeys(const YAML::Node& map, const std::string& path,
                                   std::initializer_list<const char*> known) {
    if (!map.IsMap())
        return;
    for (const auto& entry : map) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        bool found = false;
        for (const char* k : known)
            if (key == k)
                found = true;
        if (found)
            continue;
        const std::string suggestion = closestMatch(key, known);
        if (suggestion.empty())
            error(entry.first,
                  Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1: unknown field \"%2\""),
                          {childPath(path, key), key}));
        else
            error(entry.first,
                  Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                           "%1: unknown field \"%2\" (did you mean \"%3\"?)"),
                          {childPath(path, key), key, suggestion}));
    }
}

std::string childPath(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
}

std::string childPath(const std::string& parent, size_t index) {
    return parent + "[" + std::to_string(index) + "]";
}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates,
                         size_t maxDistance) {
    std::string best;
    size_t bestDistance = maxDistance + 1;
    for (const std::string& c : candidates) {
        const size_t d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

std::string closestMatch(const std::string& word, std::initializer_list<const char*> candidates) {
    return closestMatch(word, std::vector<std::string>(candidates.begin(), candidates.end()));
}

YAML::Node yamlField(const YAML::Node& map, const char* key) {
    if (!map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    for (auto it = map.begin(); it != map.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return it->second;
    return YAML::Node(YAML::NodeType::Undefined);
}

bool isYamlNull(const YAML::Node& node) {
    if (node.IsNull())
        return true;
    if (!node.IsScalar() || node.Tag() == "!")
        return false;
    const std::string& s = node.Scalar();
    return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool yamlPresent(const YAML::Node& node) {
    return node.IsDefined() && !isYamlNull(node);
}

} // namespace jobscope
