// SPDX-License-Identifier: GPL-3.0-or-later
// The compact stand-ins the simulator, the analysis and the reconcile core use in place of
// standard types: the lookup tables that replace node-based hash containers
// (reconcile/view_set.h, timeline/id_index.h) must answer exactly as std::unordered_set / a
// first-wins std::unordered_map would, through growth and erasure; the 8-byte optional time
// (optional_seconds.h) exactly as std::optional<Seconds>, for every double.

#include "optional_seconds.h"
#include "reconcile/view_set.h"
#include "timeline/id_index.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using namespace jobscope;

namespace {

// Short keys stay in the string's own buffer, long ones on the heap: both kinds of view.
std::vector<std::string> makeKeys(std::size_t count) {
    std::vector<std::string> keys;
    keys.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        keys.push_back(i % 3 == 0 ? "p-" + std::to_string(i)
                                  : "0b6a5c1e-2d3f-4a5b-8c9d-" + std::to_string(100000 + i));
    return keys;
}

} // namespace

class LookupTablesTest : public QObject {
    Q_OBJECT

private slots:
    void viewSetMatchesUnorderedSet_data() {
        QTest::addColumn<int>("keyCount");
        QTest::addColumn<int>("operations");
        QTest::newRow("few keys, many erasures (tombstones reused)") << 12 << 5000;
        QTest::newRow("many keys, growth") << 3000 << 20000;
    }
    void viewSetMatchesUnorderedSet() {
        QFETCH(int, keyCount);
        QFETCH(int, operations);
        const std::vector<std::string> keys = makeKeys(static_cast<std::size_t>(keyCount));
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> pick(0, keyCount - 1), op(0, 2);
        ViewSet set;
        std::unordered_set<std::string_view> reference;
        for (int i = 0; i < operations; ++i) {
            const std::string_view key = keys[static_cast<std::size_t>(pick(rng))];
            switch (op(rng)) {
            case 0:
                QCOMPARE(set.insert(key), reference.insert(key).second);
                break;
            case 1:
                QCOMPARE(set.erase(key), reference.erase(key));
                break;
            default:
                QCOMPARE(set.count(key), reference.count(key));
            }
            QCOMPARE(set.size(), reference.size());
        }
        for (const std::string& key : keys)
            QCOMPARE(set.count(key), reference.count(key));
    }

    void viewSetFromRangeAndEmpty() {
        const std::vector<std::string> uids{"a", "b", "a", "c"};
        const ViewSet set(uids.begin(), uids.end());
        QCOMPARE(set.size(), std::size_t{3});
        QVERIFY(set.count("b"));
        QVERIFY(!set.count("d"));
        const ViewSet none;
        QVERIFY(none.empty());
        QCOMPARE(none.count("a"), std::size_t{0});
    }

    void idIndexFindsFirstEntry() {
        const std::vector<std::string> keys = makeKeys(5000);
        IdIndex index;
        std::unordered_map<std::string_view, uint32_t> reference;
        for (uint32_t i = 0; i < keys.size(); ++i) {
            index.insert(keys[i], i);
            reference.emplace(keys[i], i);
        }
        auto keyOf = [&](uint32_t id) -> const std::string& { return keys[id]; };
        for (const auto& [key, id] : reference)
            QCOMPARE(index.find(key, keyOf), id);
        QCOMPARE(index.find("missing", keyOf), IdIndex::kNone);
        QCOMPARE(index.size(), keys.size());

        // A second entry under a key already there: the first one is still the answer.
        std::vector<std::string> twice{"same", "same"};
        IdIndex duplicates;
        duplicates.insert(twice[0], 0);
        duplicates.insert(twice[1], 1);
        QCOMPARE(
            duplicates.find("same", [&](uint32_t id) -> const std::string& { return twice[id]; }),
            0u);
        const IdIndex empty;
        QCOMPARE(empty.find("x", keyOf), IdIndex::kNone);
    }

    void optionalSecondsAnswersAsStdOptional_data() {
        QTest::addColumn<bool>("set");
        QTest::addColumn<double>("value");
        QTest::newRow("unset") << false << 0.0;
        QTest::newRow("zero") << true << 0.0;
        QTest::newRow("negative zero") << true << -0.0;
        QTest::newRow("fraction") << true << 1.5;
        QTest::newRow("far past") << true << -1e15;
        QTest::newRow("largest") << true << std::numeric_limits<double>::max();
        QTest::newRow("infinity") << true << std::numeric_limits<double>::infinity();
        QTest::newRow("minus infinity") << true << -std::numeric_limits<double>::infinity();
        QTest::newRow("quiet NaN") << true << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("NaN with a payload")
            << true << std::bit_cast<double>(uint64_t{0x7ff8'4a53'554e'5344ULL});
    }

    void optionalSecondsAnswersAsStdOptional() {
        QFETCH(bool, set);
        QFETCH(double, value);
        const std::optional<Seconds> reference = set ? std::optional<Seconds>(value) : std::nullopt;
        const OptionalSeconds compact = reference;
        QCOMPARE(compact.has_value(), reference.has_value());
        QCOMPARE(static_cast<bool>(compact), static_cast<bool>(reference));
        // The value comes back bit for bit (the sign of zero, a NaN's payload).
        QCOMPARE(std::bit_cast<uint64_t>(compact.value_or(42.0)),
                 std::bit_cast<uint64_t>(reference.value_or(42.0)));
        const std::optional<Seconds> back = compact;
        QCOMPARE(back.has_value(), reference.has_value());
        if (set) {
            QCOMPARE(std::bit_cast<uint64_t>(*compact), std::bit_cast<uint64_t>(value));
            QCOMPARE(std::bit_cast<uint64_t>(*back), std::bit_cast<uint64_t>(value));
            QCOMPARE(std::bit_cast<uint64_t>(compact.value()), std::bit_cast<uint64_t>(value));
        } else {
            QVERIFY_THROWS_EXCEPTION(std::bad_optional_access, compact.value());
        }
        QCOMPARE(compact == std::nullopt, reference == std::nullopt);
        QCOMPARE(compact == 1.5, set && value == 1.5);

        // Equality as std::optional has it: unset equals only unset; set values compare as
        // doubles, so a set NaN equals nothing.
        const double others[] = {0.0,
                                 -0.0,
                                 1.5,
                                 -1e15,
                                 std::numeric_limits<double>::infinity(),
                                 std::numeric_limits<double>::quiet_NaN()};
        QCOMPARE(compact == OptionalSeconds(), !set);
        for (double other : others)
            QCOMPARE(compact == OptionalSeconds(other), set && value == other);

        OptionalSeconds cleared = compact;
        cleared.reset();
        QVERIFY(!cleared.has_value());
        QVERIFY(cleared == OptionalSeconds(std::nullopt));
        cleared = value;
        QVERIFY(cleared.has_value());
    }
};

QTEST_GUILESS_MAIN(LookupTablesTest)
#include "tst_lookup_tables.moc"
