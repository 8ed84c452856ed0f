// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON printed by `jobscope reconcile` (core/engine/state/sync_json.h, json_writer.h):
// every key present in a stable order, null where upstream leaves a field unset, strings
// escaped so that any Pod name gives valid JSON, times in the state file's format.

#include "state/json_writer.h"
#include "state/sync_json.h"
#include "yaml_reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace jobscope;

Q_DECLARE_METATYPE(std::string)

namespace {

QJsonObject parse(const std::string& text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("invalid JSON (%s):\n%s", qPrintable(error.errorString()), text.c_str());
    return doc.object();
}

// The keys of a JSON object in the order written (QJsonObject sorts them).
QStringList keyOrder(const std::string& text, const std::string& objectKey, int indent) {
    QStringList keys;
    const std::string pad(indent, ' ');
    size_t at = objectKey.empty() ? 0 : text.find("\"" + objectKey + "\": {");
    if (at == std::string::npos)
        return keys;
    const size_t end = objectKey.empty() ? text.size() : text.find("\n" + pad.substr(2) + "}", at);
    size_t line = text.find('\n', at);
    while (line != std::string::npos && line < end) {
        const size_t start = line + 1;
        if (text.compare(start, pad.size(), pad) == 0 && text[start + pad.size()] == '"') {
            const size_t close = text.find('"', start + pad.size() + 1);
            keys << QString::fromStdString(
                text.substr(start + pad.size() + 1, close - start - pad.size() - 1));
        }
        line = text.find('\n', start);
    }
    return keys;
}

Job indexedJob() {
    Job job;
    job.spec.completionMode = completion_mode::Indexed;
    return job;
}

} // namespace

class TestSyncJson : public QObject {
    Q_OBJECT

private slots:
    void keysInOrderAndNulls();
    void filledResult();
    void timesAsRfc3339();
    void quote_data();
    void quote();
    void numbers_data();
    void numbers();
    void writerMisuseThrows();
};

void TestSyncJson::keysInOrderAndNulls() {
    const SyncResult result; // nothing done, empty status
    const std::string text = syncResultToJson(result, Job{}, TimeFormat::Seconds);
    QCOMPARE(
        keyOrder(text, "", 2),
        QStringList({"creations", "createdIndexes", "deletions", "deletedPods", "finalizerRemovals",
                     "error", "requeueAfterSeconds", "status", "explanation", "events"}));
    QCOMPARE(keyOrder(text, "status", 4),
             QStringList({"startTime", "completionTime", "active", "ready", "terminating",
                          "succeeded", "failed", "completedIndexes", "failedIndexes",
                          "uncountedTerminatedPods", "conditions"}));
    QCOMPARE(keyOrder(text, "explanation", 4), QStringList({"wantActive", "causes"}));

    const QJsonObject json = parse(text);
    QCOMPARE(json.value("creations").toInt(-1), 0);
    QVERIFY(json.value("createdIndexes").isNull()); // NonIndexed
    QVERIFY(json.value("error").isNull());
    QVERIFY(json.value("requeueAfterSeconds").isNull());
    const QJsonObject status = json.value("status").toObject();
    QVERIFY(status.value("startTime").isNull());
    QVERIFY(status.value("ready").isNull());
    QVERIFY(status.value("terminating").isNull());
    QVERIFY(status.value("failedIndexes").isNull());
    QVERIFY(status.value("uncountedTerminatedPods").isNull());
    QCOMPARE(status.value("completedIndexes").toString("x"), QString(""));
    QVERIFY(status.value("conditions").isArray());
    QVERIFY(json.value("events").isArray());
    QVERIFY(text.ends_with("}\n"));
}

void TestSyncJson::filledResult() {
    SyncResult result;
    PodCreation created;
    created.index = 4;
    PodCreation refused;
    refused.index = 6;
    refused.accepted = false;
    refused.error = "exceeded quota";
    result.creations = {created, refused};
    result.deletedPods = {"p-1"};
    result.finalizerRemovals = {"p-0", "p-1"};
    result.error = "exceeded quota";
    result.requeueAfter = 9.5;
    result.status.startTime = 3;
    result.status.active = 2;
    result.status.ready = 1;
    result.status.terminating = 1;
    result.status.succeeded = 4;
    result.status.failed = 1;
    result.status.completedIndexes = "0-3";
    result.status.failedIndexes = "5";
    result.status.uncountedTerminatedPods = UncountedTerminatedPods{{"u1"}, {"u2", "u3"}};
    result.status.conditions.push_back(
        JobCondition{"FailureTarget", "True", "FailedIndexes", "Job has failed indexes", 3, 3});
    result.explanation.wantActive = 3;
    result.explanation.causes = {"quota-exceeded", "controller-lag"};
    result.events.push_back(Event{"Warning", "FailedCreate", "Error creating: exceeded quota"});

    const QJsonObject json = parse(syncResultToJson(result, indexedJob(), TimeFormat::Seconds));
    QCOMPARE(json.value("creations").toInt(), 2);
    QCOMPARE(json.value("createdIndexes").toArray(), QJsonArray({4, 6}));
    QCOMPARE(json.value("deletions").toInt(), 1);
    QCOMPARE(json.value("deletedPods").toArray(), QJsonArray({"p-1"}));
    QCOMPARE(json.value("finalizerRemovals").toArray(), QJsonArray({"p-0", "p-1"}));
    QCOMPARE(json.value("error").toString(), QString("exceeded quota"));
    QCOMPARE(json.value("requeueAfterSeconds").toDouble(), 9.5);
    const QJsonObject status = json.value("status").toObject();
    QCOMPARE(status.value("startTime").toDouble(), 3.0);
    QCOMPARE(status.value("active").toInt(), 2);
    QCOMPARE(status.value("ready").toInt(), 1);
    QCOMPARE(status.value("terminating").toInt(), 1);
    QCOMPARE(status.value("succeeded").toInt(), 4);
    QCOMPARE(status.value("failed").toInt(), 1);
    QCOMPARE(status.value("completedIndexes").toString(), QString("0-3"));
    QCOMPARE(status.value("failedIndexes").toString(), QString("5"));
    const QJsonObject uncounted = status.value("uncountedTerminatedPods").toObject();
    QCOMPARE(uncounted.value("succeeded").toArray(), QJsonArray({"u1"}));
    QCOMPARE(uncounted.value("failed").toArray(), QJsonArray({"u2", "u3"}));
    const QJsonObject condition = status.value("conditions").toArray().at(0).toObject();
    QCOMPARE(condition.keys().size(), 4); // type, status, reason, message only
    QCOMPARE(condition.value("type").toString(), QString("FailureTarget"));
    QCOMPARE(condition.value("message").toString(), QString("Job has failed indexes"));
    const QJsonObject explanation = json.value("explanation").toObject();
    QCOMPARE(explanation.value("wantActive").toInt(), 3);
    QCOMPARE(explanation.value("causes").toArray(),
             QJsonArray({"quota-exceeded", "controller-lag"}));
    const QJsonObject event = json.value("events").toArray().at(0).toObject();
    QCOMPARE(event.value("reason").toString(), QString("FailedCreate"));
}

void TestSyncJson::timesAsRfc3339() {
    SyncResult result;
    result.status.startTime = *parseRfc3339("2026-01-01T00:00:30Z");
    result.status.completionTime = *parseRfc3339("2026-01-01T00:01:00.5Z");
    const QJsonObject status =
        parse(syncResultToJson(result, Job{}, TimeFormat::Rfc3339)).value("status").toObject();
    QCOMPARE(status.value("startTime").toString(), QString("2026-01-01T00:00:30Z"));
    QCOMPARE(status.value("completionTime").toString(), QString("2026-01-01T00:01:00.5Z"));
    // Times RFC 3339 cannot spell stay numbers (found by fuzz_state: a start time of 1e300).
    result.status.startTime = 1e300;
    result.status.completionTime = *parseRfc3339("9999-12-31T23:59:59Z");
    const QJsonObject extreme =
        parse(syncResultToJson(result, Job{}, TimeFormat::Rfc3339)).value("status").toObject();
    QCOMPARE(extreme.value("startTime").toDouble(), 1e300);
    QCOMPARE(extreme.value("completionTime").toString(), QString("9999-12-31T23:59:59Z"));
    result.status.startTime = *parseRfc3339("0000-01-01T00:00:00Z");
    QCOMPARE(parse(syncResultToJson(result, Job{}, TimeFormat::Rfc3339))
                 .value("status")
                 .toObject()
                 .value("startTime")
                 .toString(),
             QString("0000-01-01T00:00:00Z"));
    result.status.startTime = *parseRfc3339("0000-01-01T00:00:00Z") - 1;
    QVERIFY(parse(syncResultToJson(result, Job{}, TimeFormat::Rfc3339))
                .value("status")
                .toObject()
                .value("startTime")
                .isDouble());
    // requeueAfterSeconds is a duration: a number in both formats.
    result.requeueAfter = 38;
    QCOMPARE(parse(syncResultToJson(result, Job{}, TimeFormat::Rfc3339))
                 .value("requeueAfterSeconds")
                 .toDouble(),
             38.0);
}

void TestSyncJson::quote_data() {
    QTest::addColumn<std::string>("input");
    QTest::addColumn<std::string>("expected");

    QTest::newRow("plain") << std::string("pod-1") << std::string("\"pod-1\"");
    QTest::newRow("quote and backslash")
        << std::string("a\"b\\c") << std::string("\"a\\\"b\\\\c\"");
    QTest::newRow("named escapes")
        << std::string("\b\f\n\r\t") << std::string("\"\\b\\f\\n\\r\\t\"");
    QTest::newRow("other control characters")
        << std::string("\x01\x1f\x7f", 3) << std::string("\"\\u0001\\u001f\\u007f\"");
    QTest::newRow("NUL") << std::string("a\0b", 3) << std::string("\"a\\u0000b\"");
    QTest::newRow("UTF-8 kept") << std::string("名字 é 😀") << std::string("\"名字 é 😀\"");
    QTest::newRow("invalid UTF-8 replaced") << std::string("a\xff"
                                                           "b\xc3")
                                            << std::string("\"a\xEF\xBF\xBD"
                                                           "b\xEF\xBF\xBD\"");
    QTest::newRow("overlong encoding replaced")
        << std::string("\xc0\xaf") << std::string("\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    QTest::newRow("surrogate replaced")
        << std::string("\xed\xa0\x80") << std::string("\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    QTest::newRow("slash not escaped") << std::string("a/b") << std::string("\"a/b\"");
}

void TestSyncJson::quote() {
    QFETCH(std::string, input);
    QFETCH(std::string, expected);
    const std::string quoted = JsonWriter::quote(input);
    QCOMPARE(quoted, expected);
    // Whatever went in, the result parses as a JSON string.
    QJsonParseError error;
    QJsonDocument::fromJson(QByteArray::fromStdString("[" + quoted + "]"), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestSyncJson::numbers_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<std::string>("expected");

    QTest::newRow("whole") << 30.0 << std::string("30");
    QTest::newRow("negative whole") << -4.0 << std::string("-4");
    QTest::newRow("zero") << 0.0 << std::string("0");
    QTest::newRow("negative zero") << -0.0 << std::string("0");
    QTest::newRow("fraction") << 9.5 << std::string("9.5");
    QTest::newRow("shortest round trip") << 0.1 << std::string("0.1");
    QTest::newRow("epoch seconds") << 1767225630.25 << std::string("1767225630.25");
    QTest::newRow("infinity is null")
        << std::numeric_limits<double>::infinity() << std::string("null");
    QTest::newRow("NaN is null") << std::numeric_limits<double>::quiet_NaN() << std::string("null");
}

void TestSyncJson::numbers() {
    QFETCH(double, value);
    QFETCH(std::string, expected);
    QCOMPARE(JsonWriter::number(value), expected);
}

void TestSyncJson::writerMisuseThrows() {
    JsonWriter inObject;
    inObject.beginObject();
    QVERIFY_THROWS_EXCEPTION(std::logic_error, inObject.value("no key"));
    JsonWriter unbalanced;
    unbalanced.beginArray();
    QVERIFY_THROWS_EXCEPTION(std::logic_error, unbalanced.endObject());
    JsonWriter twoRoots;
    twoRoots.value(int64_t(1));
    QVERIFY(twoRoots.complete());
    QVERIFY_THROWS_EXCEPTION(std::logic_error, twoRoots.value(int64_t(2)));
}

QTEST_APPLESS_MAIN(TestSyncJson)
#include "tst_sync_json.moc"
