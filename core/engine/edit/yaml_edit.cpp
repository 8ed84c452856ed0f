// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit/yaml_edit.h"

#include "yaml_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <optional>

namespace jobscope::edit {

namespace {

// A node on the way down a path, with what locating its text needs.
struct Step {
    YAML::Node node;
    YAML::Node key;      // the mapping key it is the value of (undefined for the root and items)
    bool inFlow = false; // inside a flow collection ([...] or {...})
};

struct Walk {
    std::vector<Step> chain; // chain[0] is the document's root; chain[k] is at path[0..k-1]
    std::string error;
    size_t found() const { return chain.size() - 1; }
};

// A scalar's text: [begin, end) and how it is written.
struct Span {
    enum class Style { Plain, SingleQuoted, DoubleQuoted, Block };
    size_t begin = 0;
    size_t end = 0;
    Style style = Style::Plain;
};

std::string describePath(const YamlPath& path, size_t steps) {
    std::string out;
    for (size_t i = 0; i < steps && i < path.size(); ++i) {
        if (!out.empty())
            out += '.';
        out += path[i];
    }
    return out.empty() ? std::string("the document") : out;
}

std::optional<size_t> parseIndex(const std::string& step) {
    size_t value = 0;
    const char* end = step.data() + step.size();
    const auto [ptr, ec] = std::from_chars(step.data(), end, value);
    if (ec != std::errc() || ptr != end || step.empty())
        return std::nullopt;
    return value;
}

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}
bool isBreak(char c) {
    return c == '\n' || c == '\r';
}

// The text with what every edit needs to find its way in it.
class Text {
public:
    explicit Text(const std::string& text) : s(text) {
        const size_t lf = s.find('\n');
        eol = (lf != std::string::npos && lf > 0 && s[lf - 1] == '\r') ? "\r\n" : "\n";
    }

    const std::string& s;
    std::string eol;

    size_t lineStart(size_t pos) const {
        while (pos > 0 && s[pos - 1] != '\n')
            --pos;
        return pos;
    }
    // Where the line holding `pos` ends: its '\r' or '\n', or the end of the text.
    size_t lineEnd(size_t pos) const {
        while (pos < s.size() && !isBreak(s[pos]))
            ++pos;
        return pos;
    }
    // Past the line break at `pos` (which lineEnd returned).
    size_t nextLine(size_t pos) const {
        if (pos < s.size() && s[pos] == '\r')
            ++pos;
        if (pos < s.size() && s[pos] == '\n')
            ++pos;
        return pos;
    }
    bool startsLine(size_t pos) const {
        for (size_t i = lineStart(pos); i < pos; ++i)
            if (!isBlank(s[i]))
                return false;
        return true;
    }
    int column(size_t pos) const { return static_cast<int>(pos - lineStart(pos)); }

    // Past an anchor (&a) and a tag (!!int) in front of a node.
    size_t skipProperties(size_t pos) const {
        while (pos < s.size() && (s[pos] == '&' || s[pos] == '!')) {
            while (pos < s.size() && !isBlank(s[pos]) && !isBreak(s[pos]))
                ++pos;
            while (pos < s.size() && isBlank(s[pos]))
                ++pos;
        }
        return pos;
    }

    // The text of the scalar starting at `pos` (anchors and tags skipped).
    std::optional<Span> scalarSpan(size_t pos, bool inFlow, bool isKey) const {
        Span span;
        span.begin = skipProperties(pos);
        size_t i = span.begin;
        if (i >= s.size())
            return span;
        const char first = s[i];
        if (first == '"') {
            span.style = Span::Style::DoubleQuoted;
            for (++i; i < s.size(); ++i) {
                if (s[i] == '\\')
                    ++i;
                else if (s[i] == '"')
                    break;
            }
            if (i >= s.size())
                return std::nullopt;
            span.end = i + 1;
            return span;
        }
        if (first == '\'') {
            span.style = Span::Style::SingleQuoted;
            for (++i; i < s.size(); ++i) {
                if (s[i] == '\'') {
                    if (i + 1 < s.size() && s[i + 1] == '\'')
                        ++i;
                    else
                        break;
                }
            }
            if (i >= s.size())
                return std::nullopt;
            span.end = i + 1;
            return span;
        }
        if (!isKey && (first == '|' || first == '>')) {
            span.style = Span::Style::Block;
            span.end = lineEnd(i);
            return span;
        }
        for (; i < s.size(); ++i) {
            const char c = s[i];
            if (isBreak(c))
                break;
            if (c == '#' && i > span.begin && isBlank(s[i - 1]))
                break;
            if (inFlow && (c == ',' || c == ']' || c == '}'))
                break;
            if (c == ':' && (isKey || inFlow) &&
                (i + 1 >= s.size() || isBlank(s[i + 1]) || isBreak(s[i + 1]) ||
                 (inFlow && (s[i + 1] == ',' || s[i + 1] == ']' || s[i + 1] == '}'))))
                break;
        }
        while (i > span.begin && isBlank(s[i - 1]))
            --i;
        span.end = i;
        return span;
    }

    // Past the bracket that closes the flow collection opening at `pos`.
    std::optional<size_t> flowEnd(size_t pos) const {
        pos = skipProperties(pos);
        int depth = 0;
        for (size_t i = pos; i < s.size(); ++i) {
            const char c = s[i];
            if (c == '[' || c == '{') {
                ++depth;
            } else if (c == ']' || c == '}') {
                if (--depth == 0)
                    return i + 1;
            } else if (c == '"' || c == '\'') {
                const auto quoted = scalarSpan(i, true, false);
                if (!quoted)
                    return std::nullopt;
                i = quoted->end - 1;
            } else if (c == '#' && i > 0 && (isBlank(s[i - 1]) || isBreak(s[i - 1]))) {
                i = lineEnd(i) - 1;
            }
        }
        return std::nullopt;
    }

    // The lines of a block scalar (| or >) whose header is at `header`: they are blank or
    // indented deeper than `ownerColumn` (the column of its key or dash).
    size_t blockScalarEnd(size_t header, int ownerColumn) const {
        size_t last = lineEnd(header);
        size_t line = nextLine(last);
        while (line < s.size()) {
            size_t i = line;
            while (i < s.size() && s[i] == ' ')
                ++i;
            const size_t end = lineEnd(line);
            if (i < end && static_cast<int>(i - line) <= ownerColumn)
                break;
            if (i < end)
                last = end;
            if (end >= s.size())
                break;
            line = nextLine(end);
        }
        return last;
    }

    // Past the ':' after a mapping key.
    std::optional<size_t> afterColon(const YAML::Node& key, bool inFlow) const {
        const auto span = scalarSpan(key.Mark().pos, inFlow, true);
        if (!span)
            return std::nullopt;
        size_t i = span->end;
        while (i < s.size() && isBlank(s[i]))
            ++i;
        if (i >= s.size() || s[i] != ':')
            return std::nullopt;
        return i + 1;
    }

    // A written null after a key ("~", "null"): its span, or an empty span where a value goes.
    std::optional<Span> nullSpan(const YAML::Node& key, bool inFlow) const {
        const auto colon = afterColon(key, inFlow);
        if (!colon)
            return std::nullopt;
        size_t i = *colon;
        while (i < s.size() && isBlank(s[i]))
            ++i;
        Span span{*colon, *colon, Span::Style::Plain};
        for (const char* word : {"~", "null", "Null", "NULL"}) {
            const std::string w(word);
            const size_t after = i + w.size();
            if (s.compare(i, w.size(), w) == 0 &&
                (after >= s.size() || isBlank(s[after]) || isBreak(s[after]) ||
                 (inFlow && (s[after] == ',' || s[after] == '}' || s[after] == ']'))))
                return Span{i, after, Span::Style::Plain};
        }
        return span;
    }

    // The end of a node's text; `key` is its mapping key (undefined for a list item),
    // `ownerColumn` the column of that key or of the item's dash.
    std::optional<size_t> nodeEnd(const YAML::Node& node, const YAML::Node& key, bool inFlow,
                                  int ownerColumn) const {
        if (!node.IsDefined() || node.IsNull()) {
            if (!key.IsDefined())
                return std::nullopt;
            const auto span = nullSpan(key, inFlow);
            if (!span)
                return std::nullopt;
            return span->end;
        }
        if (node.IsScalar()) {
            const auto span = scalarSpan(node.Mark().pos, inFlow, false);
            if (!span)
                return std::nullopt;
            if (span->style == Span::Style::Block)
                return blockScalarEnd(span->begin, ownerColumn);
            return span->end;
        }
        if (inFlow || node.Style() == YAML::EmitterStyle::Flow)
            return flowEnd(node.Mark().pos);
        if (node.size() == 0)
            return std::nullopt;
        if (node.IsMap()) {
            YAML::const_iterator last;
            for (auto it = node.begin(); it != node.end(); ++it)
                last = it;
            return nodeEnd(last->second, last->first, false, last->first.Mark().column);
        }
        // "- item": the dash is left of the item (usually by 2); only block scalars care.
        const YAML::Node item = node[node.size() - 1];
        return nodeEnd(item, YAML::Node(), false, std::max(0, item.Mark().column - 2));
    }
};

struct Parsed {
    std::vector<YAML::Node> documents;
    std::string error;
};

// The text and its parse kept by the outermost ParseReuse of this thread.
struct ReusedParse {
    std::optional<std::string> text;
    Parsed parsed;
};
thread_local ReusedParse* reusedParse = nullptr;

Parsed parse(const std::string& text) {
    if (reusedParse && reusedParse->text && *reusedParse->text == text)
        return reusedParse->parsed;
    Parsed parsed;
    Diagnostics diagnostics;
    if (!loadYamlDocuments(text, "", parsed.documents, diagnostics)) {
        const Diagnostic& first = diagnostics.items().front();
        parsed.error = first.message;
        if (first.position.known())
            parsed.error = "line " + std::to_string(first.position.line) + ", column " +
                           std::to_string(first.position.column) + ": " + parsed.error;
    }
    if (reusedParse) {
        reusedParse->text = text;
        reusedParse->parsed = parsed;
    }
    return parsed;
}

Walk walk(const Parsed& parsed, int document, const YamlPath& path) {
    Walk w;
    if (!parsed.error.empty()) {
        w.error = parsed.error;
        return w;
    }
    if (document < 0 || document >= static_cast<int>(parsed.documents.size())) {
        w.error = parsed.documents.empty()
                      ? std::string("the text is empty (no YAML document)")
                      : "the text has no document " + std::to_string(document + 1);
        return w;
    }
    w.chain.push_back(Step{parsed.documents[static_cast<size_t>(document)], YAML::Node(), false});
    for (const std::string& step : path) {
        const Step& current = w.chain.back();
        const bool childInFlow = current.inFlow || current.node.Style() == YAML::EmitterStyle::Flow;
        std::optional<Step> next;
        if (current.node.IsMap()) {
            for (auto it = current.node.begin(); it != current.node.end(); ++it) {
                if (it->first.IsScalar() && it->first.Scalar() == step) {
                    next = Step{it->second, it->first, childInFlow};
                    break;
                }
            }
        } else if (current.node.IsSequence()) {
            if (const auto index = parseIndex(step); index && *index < current.node.size())
                next = Step{current.node[*index], YAML::Node(), childInFlow};
        }
        if (!next)
            break;
        // An alias shares its anchor's node (and Mark): the value is written elsewhere.
        if (next->key.IsDefined() && next->node.IsDefined() && !next->node.IsNull() &&
            next->node.Mark().pos < next->key.Mark().pos) {
            w.error = describePath(path, w.chain.size()) +
                      ": the value is an alias (*name); edit the anchored value instead";
            return w;
        }
        w.chain.push_back(*next);
    }
    return w;
}

// The value as written in place of an old one: with the old one's quotes when it had some.
std::string styled(const std::string& value, Span::Style style) {
    const bool plainWord =
        !value.empty() && value.find_first_of("\"'\\\n\r\t[]{},#:") == std::string::npos;
    if (style == Span::Style::DoubleQuoted && plainWord)
        return "\"" + value + "\"";
    if (style == Span::Style::SingleQuoted && plainWord)
        return "'" + value + "'";
    return value;
}

std::string blockEntries(const YamlPath& keys, const std::string& value, int indent, int step,
                         const std::string& eol) {
    std::string out;
    for (size_t i = 0; i < keys.size(); ++i) {
        if (i > 0)
            out += eol;
        out += std::string(static_cast<size_t>(indent + step * static_cast<int>(i)), ' ');
        out += plainOrQuoted(keys[i]) + ":";
        if (i + 1 == keys.size())
            out += " " + value;
    }
    return out;
}

std::string flowEntry(const YamlPath& keys, const std::string& value) {
    std::string out = value;
    for (size_t i = keys.size(); i-- > 0;)
        out = plainOrQuoted(keys[i]) + ": " + (i + 1 == keys.size() ? out : "{" + out + "}");
    return out;
}

// The indentation step the text uses, from a nested block mapping on the way; 2 otherwise.
int indentStep(const Walk& w) {
    for (size_t i = w.chain.size(); i-- > 1;) {
        const Step& step = w.chain[i];
        if (step.key.IsDefined() && step.node.IsMap() && step.node.size() > 0 && !step.inFlow &&
            step.node.Style() != YAML::EmitterStyle::Flow) {
            const int child = step.node.begin()->first.Mark().column;
            const int parent = step.key.Mark().column;
            if (child > parent)
                return child - parent;
        }
    }
    return 2;
}

YamlEdit replaced(const std::string& text, size_t begin, size_t end, const std::string& with) {
    YamlEdit edit;
    edit.text = text.substr(0, begin) + with + text.substr(end);
    return edit;
}

YamlEdit refused(std::string why) {
    YamlEdit edit;
    edit.error = std::move(why);
    return edit;
}

// Inserts `rest` (missing keys) with `value` into the block mapping `map`: among its simple
// entries, before the first whose value is a nested block (a Pod template stays last).
YamlEdit insertIntoBlockMap(const Text& t, const Walk& w, const YAML::Node& map,
                            const YamlPath& rest, const std::string& value) {
    std::vector<std::pair<YAML::Node, YAML::Node>> entries;
    for (auto it = map.begin(); it != map.end(); ++it)
        entries.emplace_back(it->first, it->second);
    const int indent = entries.front().first.Mark().column;
    const std::string entry = blockEntries(rest, value, indent, indentStep(w), t.eol);
    size_t firstNested = entries.size();
    for (size_t i = 0; i < entries.size(); ++i) {
        const YAML::Node& v = entries[i].second;
        if ((v.IsMap() || v.IsSequence()) && v.size() > 0 &&
            v.Style() != YAML::EmitterStyle::Flow) {
            firstNested = i;
            break;
        }
    }
    const size_t firstKey = entries.front().first.Mark().pos;
    if (firstNested == 0 && t.startsLine(firstKey)) {
        const size_t at = t.lineStart(firstKey);
        return replaced(t.s, at, at, entry + t.eol);
    }
    const size_t after =
        (firstNested == 0 || firstNested == entries.size()) ? entries.size() - 1 : firstNested - 1;
    const auto& [key, v] = entries[after];
    const auto end = t.nodeEnd(v, key, false, key.Mark().column);
    if (!end)
        return refused("cannot find the end of " + key.Scalar() + " in the text");
    const size_t at = t.lineEnd(*end);
    return replaced(t.s, at, at, t.eol + entry);
}

} // namespace

ParseReuse::ParseReuse() {
    if (!reusedParse) {
        reusedParse = new ReusedParse;
        owner_ = true;
    }
}

ParseReuse::~ParseReuse() {
    if (owner_) {
        delete reusedParse;
        reusedParse = nullptr;
    }
}

int documentCount(const std::string& text) {
    const Parsed parsed = parse(text);
    return parsed.error.empty() ? static_cast<int>(parsed.documents.size()) : 0;
}

YamlLookup lookup(const std::string& text, int document, const YamlPath& path) {
    YamlLookup result;
    const Walk w = walk(parse(text), document, path);
    if (!w.error.empty()) {
        result.error = w.error;
        return result;
    }
    if (w.found() < path.size())
        return result;
    const Step& step = w.chain.back();
    const YAML::Node& node = step.node;
    const YAML::Node& at = node.IsNull() && step.key.IsDefined() ? step.key : node;
    result.position = positionOf(at);
    if (node.IsNull()) {
        result.kind = YamlLookup::Kind::Null;
    } else if (node.IsScalar()) {
        result.kind = YamlLookup::Kind::Scalar;
        result.scalar = node.Scalar();
    } else if (node.IsMap()) {
        result.kind = YamlLookup::Kind::Map;
        result.size = node.size();
    } else if (node.IsSequence()) {
        result.kind = YamlLookup::Kind::Sequence;
        result.size = node.size();
    }
    return result;
}

YamlEdit setScalar(const std::string& text, int document, const YamlPath& path,
                   const std::string& value) {
    const Text t(text);
    const Walk w = walk(parse(text), document, path);
    if (!w.error.empty())
        return refused(w.error);
    const Step& last = w.chain.back();
    const YAML::Node& node = last.node;

    if (w.found() == path.size()) {
        const std::string where = describePath(path, path.size());
        if (node.IsMap() || node.IsSequence())
            return refused(where + " is a " + (node.IsMap() ? "mapping" : "list") +
                           ", not a single value");
        if (node.IsNull()) {
            if (!last.key.IsDefined())
                return refused(where + ": an empty list item cannot be set");
            const auto span = t.nullSpan(last.key, last.inFlow);
            if (!span)
                return refused(where + ": cannot find its key in the text");
            const bool bare = span->begin == span->end;
            return replaced(text, span->begin, span->end, (bare ? " " : "") + value);
        }
        const auto span = t.scalarSpan(node.Mark().pos, last.inFlow, false);
        if (!span)
            return refused(where + ": cannot find the end of its value in the text");
        if (span->style == Span::Style::Block)
            return refused(where + " is a block scalar (| or >); edit it in the text");
        if (span->style == Span::Style::Plain &&
            text.compare(span->begin, span->end - span->begin, node.Scalar()) != 0)
            return refused(where + " is written over several lines; edit it in the text");
        return replaced(text, span->begin, span->end, styled(value, span->style));
    }

    // The path ends below `node`: create the missing keys.
    const YamlPath rest(path.begin() + static_cast<std::ptrdiff_t>(w.found()), path.end());
    const std::string where = describePath(path, w.found());
    if (node.IsSequence())
        return refused(where + " has no item " + rest.front());
    if (node.IsScalar())
        return refused(where + " is a single value, not a mapping");
    if (node.IsNull() || !node.IsDefined()) {
        if (!last.key.IsDefined())
            return refused(w.found() == 0 ? "the document is empty"
                                          : where + ": an empty list item cannot be set");
        const auto span = t.nullSpan(last.key, last.inFlow);
        if (!span)
            return refused(where + ": cannot find its key in the text");
        if (last.inFlow)
            return replaced(text, span->begin, span->end,
                            (span->begin == span->end ? " {" : "{") + flowEntry(rest, value) + "}");
        // The key's own line ends after the removed null; the entries go on the next lines.
        const int indent = last.key.Mark().column + indentStep(w);
        const std::string entry = blockEntries(rest, value, indent, indentStep(w), t.eol);
        size_t begin = span->begin;
        while (begin > 0 && isBlank(text[begin - 1]) && begin > *t.afterColon(last.key, false))
            --begin;
        const size_t lineEnd = t.lineEnd(span->end);
        // Keep a comment after the key on its line.
        const std::string tail = text.substr(span->end, lineEnd - span->end);
        return replaced(text, begin, lineEnd, tail + t.eol + entry);
    }
    // A mapping.
    if (last.inFlow || node.Style() == YAML::EmitterStyle::Flow) {
        const std::string entry = flowEntry(rest, value);
        if (node.size() == 0) {
            const size_t open = t.skipProperties(node.Mark().pos);
            return replaced(text, open + 1, open + 1, entry);
        }
        YAML::const_iterator lastEntry;
        for (auto it = node.begin(); it != node.end(); ++it)
            lastEntry = it;
        const auto end = t.nodeEnd(lastEntry->second, lastEntry->first, true, 0);
        if (!end)
            return refused(where + ": cannot find the end of its last entry in the text");
        return replaced(text, *end, *end, ", " + entry);
    }
    if (node.size() == 0)
        return refused(where + " is empty; edit it in the text");
    return insertIntoBlockMap(t, w, node, rest, value);
}

YamlEdit removeKey(const std::string& text, int document, const YamlPath& path) {
    if (path.empty())
        return refused("nothing to remove: the path is empty");
    const Text t(text);
    const Walk w = walk(parse(text), document, path);
    if (!w.error.empty())
        return refused(w.error);
    if (w.found() < path.size()) {
        YamlEdit unchanged;
        unchanged.text = text;
        return unchanged;
    }
    const Step& step = w.chain.back();
    const YAML::Node& parent = w.chain[w.chain.size() - 2].node;
    const std::string where = describePath(path, path.size());
    if (!step.key.IsDefined())
        return refused(where + " is a list item, not a mapping entry");
    const size_t keyAt = t.skipProperties(step.key.Mark().pos);
    const auto end = t.nodeEnd(step.node, step.key, step.inFlow, step.key.Mark().column);
    if (!end)
        return refused(where + ": cannot find the end of its value in the text");

    if (step.inFlow) {
        // "{a: 1, b: 2}": remove "a: 1, " (or ", b: 2" for the last entry).
        std::vector<YAML::Node> keys;
        for (auto it = parent.begin(); it != parent.end(); ++it)
            keys.push_back(it->first);
        size_t index = 0;
        while (index < keys.size() && keys[index].Mark().pos != step.key.Mark().pos)
            ++index;
        if (index + 1 < keys.size())
            return replaced(text, keyAt, t.skipProperties(keys[index + 1].Mark().pos), "");
        if (index > 0) {
            size_t begin = keyAt;
            while (begin > 0 && text[begin - 1] != ',')
                --begin;
            return replaced(text, begin > 0 ? begin - 1 : keyAt, *end, "");
        }
        return replaced(text, keyAt, *end, "");
    }
    if (!t.startsLine(keyAt))
        return refused(where + " shares its line with other text; remove it in the text");
    const size_t lineEnd = t.lineEnd(*end);
    return replaced(text, t.lineStart(keyAt), t.nextLine(lineEnd), "");
}

YamlEdit appendToSequence(const std::string& text, int document, const YamlPath& path,
                          const std::string& item) {
    const Text t(text);
    const Walk w = walk(parse(text), document, path);
    if (!w.error.empty())
        return refused(w.error);
    if (w.found() < path.size() || w.chain.back().node.IsNull())
        return setScalar(text, document, path, "[" + item + "]");
    const Step& step = w.chain.back();
    const YAML::Node& list = step.node;
    const std::string where = describePath(path, path.size());
    if (!list.IsSequence())
        return refused(where + " is not a list");
    if (step.inFlow || list.Style() == YAML::EmitterStyle::Flow) {
        if (list.size() == 0) {
            const size_t open = t.skipProperties(list.Mark().pos);
            return replaced(text, open + 1, open + 1, item);
        }
        const auto end = t.nodeEnd(list[list.size() - 1], YAML::Node(), true, 0);
        if (!end)
            return refused(where + ": cannot find the end of its last item in the text");
        return replaced(text, *end, *end, ", " + item);
    }
    const size_t dashAt = list.Mark().pos; // a block list starts at its first dash
    const auto end = t.nodeEnd(list, YAML::Node(), false, t.column(dashAt));
    if (!end)
        return refused(where + ": cannot find the end of its last item in the text");
    const size_t at = t.lineEnd(*end);
    return replaced(text, at, at,
                    t.eol + std::string(static_cast<size_t>(t.column(dashAt)), ' ') + "- " + item);
}

std::string plainOrQuoted(const std::string& value) {
    bool plain = !value.empty() && !isBlank(value.front()) && !isBlank(value.back()) &&
                 std::string("?:,[]{}#&*!|>'\"%@`").find(value.front()) == std::string::npos &&
                 !(value.front() == '-' && (value.size() == 1 || isBlank(value[1])));
    for (size_t i = 0; plain && i < value.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(value[i]);
        if (c < 0x20 || c == 0x7f || (c == ':' && (i + 1 == value.size() || value[i + 1] == ' ')) ||
            (c == '#' && i > 0 && value[i - 1] == ' '))
            plain = false;
    }
    if (plain)
        return value;
    std::string out = "\"";
    for (const char ch : value) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (ch == '\n') {
            out += "\\n";
        } else if (ch == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

JobSpecLocation locateJobSpec(const std::string& text) {
    JobSpecLocation location;
    const Parsed parsed = parse(text);
    if (!parsed.error.empty()) {
        location.error = parsed.error;
        return location;
    }
    auto kindOf = [](const YAML::Node& node) {
        const YAML::Node kind = node.IsMap() ? node["kind"] : YAML::Node();
        return kind.IsDefined() && kind.IsScalar() ? kind.Scalar() : std::string();
    };
    auto isObject = [](const YAML::Node& node) {
        return node.IsMap() && (node["kind"].IsDefined() || node["apiVersion"].IsDefined());
    };
    std::optional<int> jobDocument;
    YamlPath jobSpec;
    for (size_t i = 0; i < parsed.documents.size(); ++i) {
        const YAML::Node& document = parsed.documents[i];
        const int index = static_cast<int>(i);
        if (!isObject(document)) {
            if (document.IsMap() && location.scenarioDocument < 0)
                location.scenarioDocument = index;
            continue;
        }
        const std::string kind = kindOf(document);
        if (kind == "ResourceQuota" && location.quotaDocument < 0)
            location.quotaDocument = index;
        if (jobDocument)
            continue;
        if (kind == "Job") {
            jobDocument = index;
            jobSpec = {"spec"};
        } else if (kind == "List" && document["items"].IsSequence()) {
            const YAML::Node items = document["items"];
            for (size_t item = 0; item < items.size() && !jobDocument; ++item)
                if (kindOf(items[item]) == "Job") {
                    jobDocument = index;
                    jobSpec = {"items", std::to_string(item), "spec"};
                }
        }
    }
    location.isScenario = location.scenarioDocument >= 0;
    if (location.isScenario) {
        const YAML::Node job =
            parsed.documents[static_cast<size_t>(location.scenarioDocument)]["job"];
        if (job.IsDefined() && job.IsMap() && job["path"].IsDefined()) {
            location.kind = JobSpecLocation::Kind::ExternalFile;
            location.externalPath = job["path"].IsScalar() ? job["path"].Scalar() : "";
            return location;
        }
        if (job.IsDefined()) {
            location.kind = JobSpecLocation::Kind::Inline;
            location.document = location.scenarioDocument;
            location.spec = {"job", "spec"};
            return location;
        }
    }
    if (jobDocument) {
        location.kind = JobSpecLocation::Kind::Inline;
        location.document = *jobDocument;
        location.spec = jobSpec;
    }
    return location;
}

} // namespace jobscope::edit
