// SPDX-License-Identifier: GPL-3.0-or-later
// The compact stand-ins the simulator, the analysis and the reconcile core use in place of
// standard types: the lookup tables that replace node-based hash containers
// (reconcile/view_set.h, timeline/id_index.h) must answer exactly as std::unordered_set / a
// first-wins std::unordered_map would, through growth and erasure; the 8-byte optional time
// (optional_seconds.h) exactly as std::optional<Seconds>, for every double; the simulator's
// event queue (sim/run_queue.h) exactly as std::priority_queue, item for item.

#include "optional_seconds.h"
#include "reconcile/view_set.h"
#include "sim/run_queue.h"
#include "timeline/id_index.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <limits>
#include <queue>
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
        // Keys that are not there, many of them past the filter in front of the table.
        for (const std::string& key : keys)
            QCOMPARE(index.find(key + "-absent", keyOf), IdIndex::kNone);
        // Reserved ahead, then grown past the reservation: every key still found.
        IdIndex reserved;
        reserved.reserve(100);
        for (uint32_t i = 0; i < keys.size(); ++i)
            reserved.insert(keys[i], i);
        for (const auto& [key, id] : reference)
            QCOMPARE(reserved.find(key, keyOf), id);

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

    // Pushes at `now` plus one of `delays` (picked at random; a negative delay: a random time
    // from 0 to 100 s), each followed by a pop with probability `popChance`, then the rest
    // popped: RunQueue gives the items std::priority_queue gives, in the same order.
    void runQueueMatchesPriorityQueue_data() {
        QTest::addColumn<std::vector<double>>("delays");
        QTest::addColumn<double>("popChance");
        QTest::addColumn<int>("pushes");
        QTest::newRow("one fixed delay: one run") << std::vector<double>{0.05} << 0.5 << 2000;
        QTest::newRow("the simulator's fixed delays interleaved")
            << std::vector<double>{0.025, 0.5, 1, 10, 0} << 0.5 << 5000;
        QTest::newRow("more fixed delays than runs")
            << std::vector<double>{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0} << 0.5 << 5000;
        QTest::newRow("random times: mostly the heap") << std::vector<double>{-1} << 0.3 << 5000;
        QTest::newRow("fixed and random together")
            << std::vector<double>{0.025, -1, 10, -1} << 0.4 << 5000;
        QTest::newRow("equal times: the order of pushes decides")
            << std::vector<double>{0} << 0.1 << 2000;
        QTest::newRow("all pushed before any pop (a run compacted as it drains)")
            << std::vector<double>{1, 2} << 0.0 << 20000;
    }
    void runQueueMatchesPriorityQueue() {
        QFETCH(std::vector<double>, delays);
        QFETCH(double, popChance);
        QFETCH(int, pushes);
        struct Item {
            double time;
            int seq;
        };
        struct Later {
            bool operator()(const Item& a, const Item& b) const {
                return a.time != b.time ? a.time > b.time : a.seq > b.seq;
            }
        };
        std::priority_queue<Item, std::vector<Item>, Later> expected;
        sim::RunQueue<Item, Later> queue;
        std::mt19937 random(7);
        std::uniform_real_distribution<double> unit(0, 1);
        double now = 0;
        int popped = 0;
        // Pops one item from each; whether they were the same.
        const auto popBoth = [&] {
            if (queue.size() != expected.size())
                return false;
            const Item want = expected.top();
            const Item got = queue.top();
            now = want.time; // time moves on as the simulator's does
            expected.pop();
            queue.pop();
            ++popped;
            return got.seq == want.seq && got.time == want.time;
        };
        for (int seq = 0; seq < pushes; ++seq) {
            const double delay = delays[std::size_t(random()) % delays.size()];
            const Item item{delay < 0 ? unit(random) * 100 : now + delay, seq};
            expected.push(item);
            queue.push(item);
            if (unit(random) < popChance)
                QVERIFY2(popBoth(), qPrintable(QStringLiteral("pop %1").arg(popped)));
        }
        while (!expected.empty())
            QVERIFY2(popBoth(), qPrintable(QStringLiteral("pop %1").arg(popped)));
        QVERIFY(queue.empty());
        QCOMPARE(popped, pushes);
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
