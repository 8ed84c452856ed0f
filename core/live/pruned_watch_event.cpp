// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/pruned_watch_event.h"

#include "live/kubectl_import.h"
#include "live/observation.h"
#include "live/trim.h"
#include "live/trim_rules.h"
#include "yaml_reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jobscope::live {

namespace {

using trim_rules::Field;
using trim_rules::Fields;
using trim_rules::Take;
using trim_rules::When;

// What is kept of an object of another kind (a watch ERROR's Status, a BOOKMARK's object): the
// importer reads its kind, and the message of an ERROR.
constexpr Field kForeignFields[] = {{"apiVersion"}, {"kind"}, {"message"}};
constexpr Fields kForeign{kForeignFields};

// The index of `key` in `rules`, or -1.
int fieldIndex(const Fields& rules, std::string_view key) {
    for (std::size_t i = 0; i < rules.members.size(); ++i)
        if (rules.members[i].key == key)
            return static_cast<int>(i);
    return -1;
}

// Bytes a string may hold without a closer look: printable ASCII but the quote and backslash.
constexpr std::array<bool, 256> kPlainStringBytes = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return plain;
}();

// The first byte from `p` on that is not in kPlainStringBytes (or `end`). Most of a capture is
// string bytes, so they are looked at 16 at a time where the processor can.
const char* skipPlainBytes(const char* p, const char* end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        // As signed bytes, those below 0x20 and those from 0x80 on are both less than 0x20.
        const __m128i stop = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
            _mm_cmplt_epi8(bytes, space));
        const int mask = _mm_movemask_epi8(stop);
        if (mask != 0)
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < end && kPlainStringBytes[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

bool isJsonSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The first byte from `p` on that is not JSON white space (or `end`): the indentation of a
// pretty-printed capture is looked at 16 bytes at a time where the processor can.
const char* skipSpace(const char* p, const char* end) {
#if defined(__SSE2__)
    while (end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i space =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')),
                                      _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))),
                         _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')),
                                      _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t'))));
        const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(space)) & 0xFFFFu;
        if (other != 0)
            return p + __builtin_ctz(other);
        p += 16;
    }
#endif
    while (p < end && isJsonSpace(*p))
        ++p;
    return p;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Stands for a key that holds an escape. Its value is skipped; what its text decodes to is not
// known, so it must not be a time's key or one that may repeat another.
constexpr std::string_view kEscapedKey = "\\";

bool isEscapedKey(std::string_view key) {
    return key.data() == kEscapedKey.data();
}

// What the reader makes of an object: parsed, or left as text for the caller to parse.
struct PrunedObject {
    QJsonObject object;
    std::string text;
    std::optional<ObjectKind> kind;
};

class Reader {
public:
    // `text` holds the trimmed object's JSON text while it is written (its capacity is kept from
    // event to event, where growing a fresh buffer for each showed in the import's profile).
    Reader(const char* begin, const char* end, std::string& text, TrimmedForm form)
        : p_(begin), end_(end), out_(text), furthest_(begin), form_(form) {}

    std::optional<CaptureEvent> event() {
        CaptureEvent out;
        double newest = 0, keptNewest = 0;
        bool hasType = false, hasObject = false, hasEvent = false, hasTs = false;
        bool eventHasType = false, eventHasObject = false;
        QString eventType;
        PrunedObject object, eventObject;
        double eventNewest = 0, eventKeptNewest = 0;
        const bool ok = members([&](std::string_view key) {
            if (isEscapedKey(key))
                return false;
            if (key == "type")
                return !std::exchange(hasType, true) && typeName(out.type);
            if (key == "object")
                return !std::exchange(hasObject, true) && this->object(object, newest, keptNewest);
            if (key == "ts") {
                QString ts;
                if (std::exchange(hasTs, true) || !typeName(ts))
                    return false;
                out.ts = ts;
                return true;
            }
            if (key == "event") {
                if (std::exchange(hasEvent, true) || !at('{'))
                    return false;
                return members([&](std::string_view inner) {
                    if (isEscapedKey(inner))
                        return false;
                    if (inner == "type")
                        return !std::exchange(eventHasType, true) && typeName(eventType);
                    if (inner == "object")
                        return !std::exchange(eventHasObject, true) &&
                               this->object(eventObject, eventNewest, eventKeptNewest);
                    return skip(inner);
                });
            }
            return skip(key);
        });
        if (!ok)
            return std::nullopt;
        if (hasEvent) {
            if (!eventHasType || !eventHasObject)
                return std::nullopt;
            out.timestamped = true;
            out.type = eventType;
            object = std::move(eventObject);
            newest = eventNewest;
            keptNewest = eventKeptNewest;
        } else if (!hasType || !hasObject) {
            return std::nullopt;
        }
        if (newest > 0)
            out.newestServerTime = newest;
        if (keptNewest > 0)
            out.trimmedNewestServerTime = keptNewest;
        out.trimmed = true;
        // The importer reads an ERROR's message, which trimObject drops of a Job and a Pod.
        if (out.type == QLatin1String("ERROR")) {
            if (object.kind == ObjectKind::Job || object.kind == ObjectKind::Pod)
                return std::nullopt;
            if (!object.text.empty() && !parseTrimmedText(object.text, object.object))
                return std::nullopt;
            object.text.clear();
        }
        out.object = std::move(object.object);
        out.trimmedText = std::move(object.text);
        out.kind = object.kind;
        return out;
    }

    // A list answer: its resourceVersion and continue token, and each item trimmed by
    // `kind`'s rules, as text.
    bool list(ObjectKind kind, PrunedList& out) {
        bool hasMetadata = false, hasItems = false;
        const bool ok = members([&](std::string_view key) {
            if (isEscapedKey(key))
                return false;
            if (key == "metadata") {
                if (std::exchange(hasMetadata, true) || !at('{'))
                    return false;
                bool hasVersion = false, hasContinue = false;
                return members([&](std::string_view inner) {
                    if (isEscapedKey(inner))
                        return false;
                    if (inner == "resourceVersion")
                        return !std::exchange(hasVersion, true) && typeName(out.resourceVersion);
                    if (inner == "continue")
                        return !std::exchange(hasContinue, true) && typeName(out.continueToken);
                    return skip(inner);
                });
            }
            if (key == "items") {
                if (std::exchange(hasItems, true))
                    return false;
                const Fields& rules = trim_rules::objectRules(kind);
                return items([&] {
                    out_.clear();
                    int members = 0, written = 0;
                    if (!at('{') || !keptObject(rules, members, written))
                        return false;
                    out.items.emplace_back(out_.data(), static_cast<qsizetype>(out_.size()));
                    return true;
                });
            }
            return skip(key);
        });
        space();
        return ok && p_ == end_;
    }

    // A dump's values from p_ to the end, each a List of Jobs, Pods and Events or one of them.
    bool dump(std::vector<PrunedDumpObject>& out) {
        while (true) {
            space();
            if (p_ >= end_)
                return true;
            const char* const start = p_;
            const std::size_t before = out.size();
            if (dumpList(out))
                continue;
            // Not such a List: one object of a kind kept, read again as that.
            out.resize(before);
            p_ = start;
            depth_ = 0;
            keys_.clear();
            if (!dumpObject(out))
                return false;
        }
    }

    // A List (an object with an array of items, of no kind kept) whose items are all Jobs,
    // Pods or Events.
    bool dumpList(std::vector<PrunedDumpObject>& out) {
        bool hasKind = false, hasItems = false;
        QString kind;
        const bool ok = members([&](std::string_view key) {
            if (isEscapedKey(key))
                return false;
            if (key == "kind")
                return !std::exchange(hasKind, true) && typeName(kind);
            if (key == "items")
                return !std::exchange(hasItems, true) && items([&] { return dumpObject(out); });
            return skip(key);
        });
        return ok && hasItems && !objectKindFromName(kind);
    }

    // A Job, Pod or Event at p_, trimmed.
    bool dumpObject(std::vector<PrunedDumpObject>& out) {
        PrunedObject object;
        double newest = 0, keptNewest = 0;
        if (!this->object(object, newest, keptNewest) || !object.kind)
            return false;
        out.push_back({*object.kind, std::move(object.text),
                       newest > 0 ? std::optional<double>(newest) : std::nullopt});
        return true;
    }

    const char* position() const { return p_; }
    const char* furthest() const { return std::max(furthest_, p_); }
    std::uint64_t reread() const { return reread_; }

private:
    static constexpr int kMaxDepth = 64;

    bool at(char c) {
        space();
        return p_ < end_ && *p_ == c;
    }

    void space() {
        if (p_ < end_ && isJsonSpace(*p_))
            p_ = skipSpace(p_ + 1, end_);
    }

    // The elements of the object or array at p_ (`open` … `close`), each given to `element`
    // with p_ at it.
    template <typename Element> bool sequence(char open, char close, Element&& element) {
        if (!at(open) || ++depth_ > kMaxDepth)
            return false;
        ++p_;
        space();
        if (p_ < end_ && *p_ == close) {
            ++p_;
            --depth_;
            return true;
        }
        while (true) {
            space();
            if (!element())
                return false;
            space();
            if (p_ >= end_)
                return false;
            if (*p_ == close) {
                ++p_;
                --depth_;
                return true;
            }
            if (*p_ != ',')
                return false;
            ++p_;
        }
    }

    // The members of the object at p_, each given to `member` with p_ at its value. A key that
    // holds an escape is given as kEscapedKey, which only skip() accepts.
    template <typename Member> bool members(Member&& member) {
        return sequence('{', '}', [&] {
            std::string_view key;
            bool escaped = false;
            if (!at('"') || !rawString(key, escaped) || !at(':'))
                return false;
            ++p_;
            return member(escaped ? kEscapedKey : key);
        });
    }

    template <typename Item> bool items(Item&& item) { return sequence('[', ']', item); }

    // The string at p_ (its opening quote): its bytes between the quotes, and whether it holds
    // an escape.
    bool rawString(std::string_view& raw, bool& escaped) {
        const char* const begin = ++p_;
        escaped = false;
        while (true) {
            p_ = skipPlainBytes(p_, end_);
            if (p_ >= end_)
                return false;
            if (*p_ == '"')
                break;
            if (*p_ != '\\' || end_ - p_ < 2)
                return false;
            escaped = true;
            switch (p_[1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                p_ += 2;
                break;
            case 'u': {
                if (end_ - p_ < 6)
                    return false;
                int code = 0;
                for (int i = 2; i < 6; ++i) {
                    const int digit = hexDigit(p_[i]);
                    if (digit < 0)
                        return false;
                    code = code * 16 + digit;
                }
                if (code >= 0xD800 && code <= 0xDFFF)
                    return false;
                p_ += 6;
                break;
            }
            default:
                return false;
            }
        }
        raw = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
        ++p_;
        return true;
    }

    // The text of a string read by rawString. One with escapes (rare in a type or a time) is
    // decoded by QJsonDocument, as the rest of the event is.
    static QString decoded(std::string_view raw, bool escaped) {
        if (!escaped)
            return QString::fromLatin1(raw.data(), static_cast<qsizetype>(raw.size()));
        const QByteArray array =
            "[\"" + QByteArray(raw.data(), static_cast<qsizetype>(raw.size())) + "\"]";
        return QJsonDocument::fromJson(array).array().at(0).toString();
    }

    // A string value under `key`; a time when the key is one.
    bool string(std::string_view key, std::string_view& raw, bool& escaped) {
        if (!rawString(raw, escaped) || isEscapedKey(key))
            return false;
        if (isServerTimeKey(key)) {
            if (escaped)
                return false;
            ++times_;
            if (const auto at = parseRfc3339(raw)) {
                newest_ = std::max(newest_, *at);
                if (keeping_ > 0)
                    keptNewest_ = std::max(keptNewest_, *at);
            }
        }
        return true;
    }

    // The type of a watch event, or the "ts" of a timestamped one: a string.
    bool typeName(QString& out) {
        std::string_view raw;
        bool escaped = false;
        if (!at('"') || !rawString(raw, escaped))
            return false;
        out = decoded(raw, escaped);
        return true;
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size() ||
            std::string_view(p_, word.size()) != word)
            return false;
        p_ += word.size();
        return true;
    }

    // A number of up to 17 digits without an exponent: one QJsonDocument reads as any JSON
    // reader does (longer ones and exponents may be out of a double's range).
    bool number() {
        if (p_ < end_ && *p_ == '-')
            ++p_;
        const char* const digits = p_;
        if (p_ < end_ && *p_ == '0') {
            ++p_;
        } else {
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9')
                ++p_;
            if (p_ == digits)
                return false;
        }
        std::ptrdiff_t count = p_ - digits;
        if (p_ < end_ && *p_ == '.') {
            const char* const first = ++p_;
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9')
                ++p_;
            if (p_ == first)
                return false;
            count += p_ - first;
        }
        return count <= 17 && !(p_ < end_ && (*p_ == 'e' || *p_ == 'E'));
    }

    // Checks the value at p_ under `key`, noting its times, and builds nothing.
    bool skip(std::string_view key) {
        space();
        if (p_ >= end_)
            return false;
        switch (*p_) {
        case '{': {
            const std::size_t firstKey = keys_.size();
            const int timesBefore = times_;
            const bool ok = members([&](std::string_view member) {
                keys_.push_back(member);
                return skip(member);
            });
            const bool clean = ok && (times_ == timesBefore || distinctKeys(firstKey));
            keys_.resize(firstKey);
            return clean;
        }
        case '[':
            return items([&] { return skip(key); });
        case '"': {
            std::string_view raw;
            bool escaped = false;
            return string(key, raw, escaped);
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    // Whether the keys from `first` on differ: QJsonDocument keeps one member of a repeated
    // key, so the times under the other would not count.
    bool distinctKeys(std::size_t first) {
        // (its room kept from call to call: this runs for every object holding a time)
        thread_local std::vector<std::string_view> sorted;
        sorted.assign(keys_.begin() + static_cast<std::ptrdiff_t>(first), keys_.end());
        if (std::any_of(sorted.begin(), sorted.end(), isEscapedKey))
            return false;
        std::sort(sorted.begin(), sorted.end());
        return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    }

    // The value at p_ under `key`, checked and copied as it is.
    bool whole(std::string_view key) {
        space();
        const char* const begin = p_;
        ++keeping_;
        const bool ok = skip(key);
        --keeping_;
        if (!ok)
            return false;
        out_.append(begin, static_cast<std::size_t>(p_ - begin));
        return true;
    }

    void writeKey(std::string_view key) {
        out_.push_back('"');
        out_.append(key);
        out_.append("\":", 2);
    }

    // What `rules` keep of an empty object (the members kept even when missing); how many.
    int writeEmpty(const Fields& rules) {
        out_.push_back('{');
        int written = 0;
        for (const Field& field : rules.members) {
            if (field.when != When::Always ||
                (field.take != Take::Object && field.take != Take::WholeObject))
                continue;
            if (written++ > 0)
                out_.push_back(',');
            writeKey(field.key);
            if (field.take == Take::Object)
                writeEmpty(*field.fields);
            else
                out_.append("{}", 2);
        }
        out_.push_back('}');
        return written;
    }

    // An object being kept through rules: the members seen and written.
    struct Kept {
        const Fields* rules = nullptr;
        std::uint32_t seen = 0; // the rules' members met, by index
        int members = 0;        // the object's members, kept or not
        int written = 0;        // the members written
        std::size_t firstKey = 0;
        int timesBefore = 0;
    };

    Kept start(const Fields& rules) {
        Kept kept;
        kept.rules = &rules;
        kept.firstKey = keys_.size();
        kept.timesBefore = times_;
        return kept;
    }

    // The object at p_ kept through `rules`: how many members it has and how many are written.
    bool keptObject(const Fields& rules, int& members, int& written) {
        out_.push_back('{');
        Kept kept = start(rules);
        if (!this->members([&](std::string_view key) { return member(kept, key); }) ||
            !finish(kept))
            return false;
        out_.push_back('}');
        members = kept.members;
        written = kept.written;
        return true;
    }

    // The member `key` of an object kept through rules, with p_ at its value.
    bool member(Kept& kept, std::string_view key) {
        ++kept.members;
        if (isEscapedKey(key))
            return false;
        const int index = fieldIndex(*kept.rules, key);
        if (index < 0) {
            keys_.push_back(key);
            return skip(key);
        }
        if (index >= 32)
            return false;
        const std::uint32_t bit = std::uint32_t{1} << index;
        if (kept.seen & bit)
            return false; // repeated: QJsonDocument would keep one of them
        kept.seen |= bit;
        const Field& field = kept.rules->members[static_cast<std::size_t>(index)];
        // Items or strings of a value that is neither array nor object: nothing is kept of it.
        if ((field.take == Take::Items && !at('[')) || (field.take == Take::Strings && !at('{')))
            return skip(key);
        const std::size_t mark = out_.size();
        if (kept.written > 0)
            out_.push_back(',');
        writeKey(key);
        bool keep = true;
        switch (field.take) {
        case Take::Value:
            if (!whole(key))
                return false;
            break;
        case Take::Object: {
            int members = 0, written = 0;
            if (at('{')) {
                if (!keptObject(*field.fields, members, written))
                    return false;
            } else {
                if (!skip(key))
                    return false;
                written = writeEmpty(*field.fields);
            }
            keep = field.when == When::Always || field.when == When::Present ||
                   (field.when == When::SourceNotEmpty && members > 0) ||
                   (field.when == When::NotEmpty && written > 0);
            break;
        }
        case Take::Items: {
            out_.push_back('[');
            int count = 0;
            if (!items([&] {
                    if (count++ > 0)
                        out_.push_back(',');
                    int members = 0, written = 0;
                    if (at('{'))
                        return keptObject(*field.fields, members, written);
                    if (!skip(key))
                        return false;
                    writeEmpty(*field.fields);
                    return true;
                }))
                return false;
            out_.push_back(']');
            keep = count > 0;
            break;
        }
        case Take::WholeObject:
            if (at('{')) {
                const char* const begin = p_ + 1;
                if (!whole(key))
                    return false;
                const char* first = begin;
                while (isJsonSpace(*first))
                    ++first;
                keep = field.when == When::Always || *first != '}';
            } else {
                if (!skip(key))
                    return false;
                out_.append("{}", 2);
                keep = field.when == When::Always;
            }
            break;
        case Take::Strings: {
            int written = 0;
            if (!stringMembers(field.keep, written))
                return false;
            keep = written > 0;
            break;
        }
        }
        if (keep)
            ++kept.written;
        else
            out_.resize(mark);
        return true;
    }

    // The end of an object kept through rules: the members kept even when missing.
    bool finish(Kept& kept) {
        const auto& fields = kept.rules->members;
        if (fields.size() > 32)
            return false;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const Field& field = fields[i];
            if ((kept.seen & (std::uint32_t{1} << i)) || field.when != When::Always ||
                (field.take != Take::Object && field.take != Take::WholeObject))
                continue;
            if (kept.written++ > 0)
                out_.push_back(',');
            writeKey(field.key);
            if (field.take == Take::Object)
                writeEmpty(*field.fields);
            else
                out_.append("{}", 2);
        }
        const bool clean = times_ == kept.timesBefore || distinctKeys(kept.firstKey);
        keys_.resize(kept.firstKey);
        return clean;
    }

    // The string members of the object at p_ whose key `keep` accepts; how many.
    bool stringMembers(bool (*keep)(std::string_view), int& written) {
        const std::size_t firstKey = keys_.size();
        out_.push_back('{');
        const bool ok = members([&](std::string_view key) {
            if (isEscapedKey(key))
                return false;
            // Every key counts: QJsonDocument keeps one member of a repeated key, string or not.
            keys_.push_back(key);
            if (!at('"') || !keep(key))
                return skip(key);
            if (written++ > 0)
                out_.push_back(',');
            writeKey(key);
            return whole(key);
        });
        out_.push_back('}');
        const bool clean = ok && distinctKeys(firstKey);
        keys_.resize(firstKey);
        return clean;
    }

    // The object of a watch event trimmed (trimObject), and the newest server time in it. What
    // is kept of a member depends on the object's kind: the members up to "kind" (kubectl sorts
    // the keys) are checked, and read again once the kind is known.
    bool object(PrunedObject& out, double& newest, double& keptNewest) {
        if (!at('{'))
            return false;
        newest_ = 0;
        keptNewest_ = 0;
        out_.clear();
        out_.push_back('{');
        Kept kept;
        struct Deferred {
            std::string_view key;
            const char* value;
        };
        std::vector<Deferred> deferred;
        const auto keepDeferred = [&](std::optional<ObjectKind> kind) {
            kept = start(kind ? trim_rules::objectRules(*kind) : kForeign);
            const char* const resume = p_;
            furthest_ = std::max(furthest_, resume);
            for (const Deferred& d : deferred) {
                p_ = d.value;
                const bool read = member(kept, d.key);
                reread_ += static_cast<std::uint64_t>(p_ - d.value);
                if (!read)
                    return false;
            }
            p_ = resume;
            return true;
        };
        const bool ok = members([&](std::string_view key) {
            if (kept.rules)
                return member(kept, key);
            if (isEscapedKey(key))
                return false;
            space();
            deferred.push_back({key, p_});
            if (key != "kind")
                return skip(key);
            if (at('"')) {
                std::string_view raw;
                bool escaped = false;
                if (!string(key, raw, escaped) || escaped)
                    return false;
                out.kind = objectKindFromName(
                    QString::fromLatin1(raw.data(), static_cast<qsizetype>(raw.size())));
            } else if (!skip(key)) {
                return false;
            }
            return keepDeferred(out.kind);
        });
        if (!ok || (!kept.rules && !keepDeferred(std::nullopt)) || !finish(kept))
            return false;
        out_.push_back('}');
        newest = newest_;
        keptNewest = keptNewest_;
        if (form_ == TrimmedForm::Text && out.kind) {
            out.text = out_;
            return true;
        }
        return parseTrimmedText(out_, out.object);
    }

    const char* p_;
    const char* const end_;
    int depth_ = 0;
    int times_ = 0;                      // time values seen so far
    double newest_ = 0;                  // the newest of them in the object being read
    double keptNewest_ = 0;              // the newest of those it keeps
    int keeping_ = 0;                    // inside a value copied into the trimmed object
    std::vector<std::string_view> keys_; // keys of the objects being skipped, outermost first
    std::string& out_;                   // the trimmed object, as JSON text
    const char* furthest_;               // the furthest p_ before reading members again
    std::uint64_t reread_ = 0;           // the bytes read again
    const TrimmedForm form_;
};

} // namespace

std::optional<CaptureEvent> readPrunedWatchEvent(const QByteArray& data, qsizetype start,
                                                 qsizetype& end, std::uint64_t* examined,
                                                 bool* nearEnd, TrimmedForm form) {
    const char* const begin = data.constData() + start;
    const char* const stop = data.constData() + data.size();
    thread_local std::string trimmedText;
    Reader reader(begin, stop, trimmedText, form);
    auto event = reader.event();
    if (event)
        end = reader.position() - data.constData();
    if (examined)
        *examined += static_cast<std::uint64_t>(reader.furthest() - begin) + reader.reread();
    // A literal or an escape is given up a few bytes before the end it does not reach.
    constexpr std::ptrdiff_t kLongestToken = 8;
    if (nearEnd)
        *nearEnd = !event && stop - reader.furthest() <= kLongestToken;
    return event;
}

std::optional<PrunedList> readPrunedList(const QByteArray& body, ObjectKind kind) {
    thread_local std::string trimmedText;
    Reader reader(body.constData(), body.constData() + body.size(), trimmedText, TrimmedForm::Text);
    PrunedList list;
    if (!reader.list(kind, list))
        return std::nullopt;
    return list;
}

std::optional<std::vector<PrunedDumpObject>> readPrunedDump(const QByteArray& text) {
    thread_local std::string trimmedText;
    Reader reader(text.constData(), text.constData() + text.size(), trimmedText, TrimmedForm::Text);
    std::vector<PrunedDumpObject> objects;
    if (!reader.dump(objects))
        return std::nullopt;
    return objects;
}

std::optional<std::vector<PrunedDumpObject>> readDumpParsedWhole(const QByteArray& text) {
    QString error;
    QStringList warnings;
    const auto values = splitJsonValues(text, QStringLiteral("dump.json"), &error, &warnings);
    if (!values)
        return std::nullopt;
    std::vector<PrunedDumpObject> out;
    const auto add = [&out](const QJsonValue& value) {
        const QJsonObject object = value.toObject();
        const auto kind = objectKindOf(object);
        if (!value.isObject() || !kind)
            return false;
        const QByteArray trimmed =
            QJsonDocument(trimObject(*kind, object)).toJson(QJsonDocument::Compact);
        out.push_back({*kind, trimmed.toStdString(), newestServerTime(object)});
        return true;
    };
    for (const JsonValueAt& v : *values) {
        const QJsonObject object = v.value.toObject();
        const QJsonValue items = object.value(QLatin1String("items"));
        if (v.value.isObject() && items.isArray() && !objectKindOf(object)) {
            for (const QJsonValue& item : items.toArray())
                if (!add(item))
                    return std::nullopt;
        } else if (!add(v.value)) {
            return std::nullopt;
        }
    }
    return out;
}

bool dumpObjectsAlike(const std::vector<PrunedDumpObject>& a,
                      const std::vector<PrunedDumpObject>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        QJsonObject objectA, objectB;
        if (a[i].kind != b[i].kind || a[i].newestServerTime != b[i].newestServerTime ||
            !parseTrimmedText(a[i].text, objectA) || !parseTrimmedText(b[i].text, objectB) ||
            QJsonDocument(objectA).toJson(QJsonDocument::Compact) !=
                QJsonDocument(objectB).toJson(QJsonDocument::Compact))
            return false;
    }
    return true;
}

bool parseTrimmedText(const std::string& text, QJsonObject& object) {
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(
        QByteArray::fromRawData(text.data(), static_cast<qsizetype>(text.size())), &error);
    if (error.error != QJsonParseError::NoError || !parsed.isObject())
        return false;
    object = parsed.object();
    return true;
}

std::optional<double> trimmedNewestServerTime(const CaptureEvent& event,
                                              const QJsonObject& trimmed) {
    return event.trimmed ? event.trimmedNewestServerTime : newestServerTime(trimmed);
}

bool importsAlike(const CaptureEvent& a, const CaptureEvent& b) {
    if (a.timestamped != b.timestamped || a.ts != b.ts || a.type != b.type ||
        a.newestServerTime != b.newestServerTime)
        return false;
    const QLatin1String message("message");
    if (a.type == QLatin1String("ERROR") && a.object.value(message) != b.object.value(message))
        return false;
    const auto kind = objectKindOf(a.object);
    if (kind != objectKindOf(b.object))
        return false;
    if (!kind)
        return true;
    const QJsonObject trimmedA = a.trimmed ? a.object : trimObject(*kind, a.object);
    const QJsonObject trimmedB = b.trimmed ? b.object : trimObject(*kind, b.object);
    return trimmedA == trimmedB &&
           QJsonDocument(trimmedA).toJson(QJsonDocument::Compact) ==
               QJsonDocument(trimmedB).toJson(QJsonDocument::Compact) &&
           trimmedNewestServerTime(a, trimmedA) == trimmedNewestServerTime(b, trimmedB);
}

} // namespace jobscope::live
