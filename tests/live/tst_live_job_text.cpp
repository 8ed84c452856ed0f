// SPDX-License-Identifier: GPL-3.0-or-later
// Live mode's text: a Job object as YAML that reads back as the same values (strings that look
// like numbers, booleans or YAML syntax stay strings), and its Events as comment lines under it.

#include "live/live_job_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace jobscope;
using namespace jobscope::live;

namespace {

// `node` as the JSON value it stands for, reading scalars as jsonAsYaml writes them (plain
// numbers and booleans typed, quoted and other plain scalars strings).
QJsonValue asJson(const YAML::Node& node) {
    if (node.IsMap()) {
        QJsonObject object;
        for (const auto& entry : node)
            object.insert(QString::fromStdString(entry.first.as<std::string>()),
                          asJson(entry.second));
        return object;
    }
    if (node.IsSequence()) {
        QJsonArray array;
        for (const auto& item : node)
            array.append(asJson(item));
        return array;
    }
    if (node.IsNull())
        return QJsonValue::Null;
    const std::string text = node.as<std::string>();
    if (node.Tag() == "!")
        return QString::fromStdString(text); // quoted: a string whatever it looks like
    if (text == "true" || text == "false")
        return text == "true";
    bool isNumber = false;
    const double number = QString::fromStdString(text).toDouble(&isNumber);
    if (isNumber)
        return number;
    return QString::fromStdString(text);
}

} // namespace

class LiveJobTextTest : public QObject {
    Q_OBJECT

private slots:
    void yamlReadsBackAsTheSameValues_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("a Job") << QByteArray(
            "{'apiVersion':'batch/v1','kind':'Job','metadata':{'name':'pi','namespace':'team',"
            "'uid':'1a2b','resourceVersion':'42','labels':{'app':'x',"
            "'batch.kubernetes.io/job-name':'pi'},'annotations':{}},'spec':{'parallelism':3,"
            "'completions':10,'suspend':false,'backoffLimit':6,'template':{'spec':{"
            "'restartPolicy':'Never','containers':[{'name':'pi','image':'perl:5.34',"
            "'command':['perl','-Mbignum=bpi','-wle','print bpi(2000)']}]}}},'status':{"
            "'active':3,'ready':2,'conditions':[{'type':'Complete','status':'True'}],"
            "'startTime':'2026-01-01T00:00:00Z','uncountedTerminatedPods':{}}}");
        QTest::newRow("strings that look like other things") << QByteArray(
            "{'a':'true','b':'123','c':'','d':'- x','e':'k: v','f':'#not','g':'line1\\nline2',"
            "'h':'null','i':'  padded','j':[[],[1,[2]],{}],'k':null,'l':1.5,'m':'~','n':'@x',"
            "'o':'\\u00e9t\\u00e9'}");
    }
    void yamlReadsBackAsTheSameValues() {
        QFETCH(QByteArray, json);
        json.replace('\'', '"'); // the rows write " as ' to stay readable
        QJsonParseError error{};
        const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QString yaml = jsonAsYaml(object);
        const YAML::Node node = YAML::Load(yaml.toStdString());
        QCOMPARE(asJson(node).toObject(), object);
    }

    // kubectl's layout: a list under a key at the key's indentation, an item's first key after
    // "- ".
    void layout() {
        const QJsonObject object{
            {"spec", QJsonObject{{"containers",
                                  QJsonArray{QJsonObject{{"name", "pi"}, {"image", "perl"}}}}}}};
        QCOMPARE(jsonAsYaml(object),
                 QStringLiteral("spec:\n  containers:\n  - image: perl\n    name: pi\n"));
    }

    void eventsAreCommentsUnderTheJob() {
        const QJsonObject job{
            {"kind", "Job"},
            {"metadata",
             QJsonObject{{"name", "pi"}, {"namespace", "team"}, {"resourceVersion", "42"}}}};
        Timeline timeline;
        timeline.start = 1000;
        QString text = liveJobText(job, timeline);
        QVERIFY2(text.startsWith("# Job team/pi as the API server last reported it "
                                 "(resourceVersion 42); read-only\n"),
                 qPrintable(text));
        QVERIFY(text.endsWith("# No Events of the Job or its Pods so far\n"));

        TimelineEvent created;
        created.time = 1001.5;
        created.objectKind = "Job";
        created.objectName = "pi";
        created.type = "Normal";
        created.reason = "SuccessfulCreate";
        created.message = "Created pod: pi-abc";
        TimelineEvent backoff = created;
        backoff.time = 1012.25;
        backoff.objectKind = "Pod";
        backoff.objectName = "pi-abc";
        backoff.type = "Warning";
        backoff.reason = "BackOff";
        backoff.message = "line one\nline two \x1b[2J";
        backoff.count = 7;
        timeline.events = {created, backoff};
        text = liveJobText(job, timeline);
        const QStringList lines = text.split('\n');
        QVERIFY(
            lines.contains("#     1.500  Normal   SuccessfulCreate  Job pi: Created pod: pi-abc"));
        const QString last = lines.at(lines.size() - 2);
        QVERIFY2(
            last.startsWith("#    12.250  Warning  BackOff  Pod pi-abc ×7: line one line two "),
            qPrintable(last));
        QVERIFY2(!last.contains('\x1b'), qPrintable(last)); // escaped, never sent to the screen
        // The whole text is still YAML: the Events are comments.
        const YAML::Node node = YAML::Load(text.toStdString());
        QCOMPARE(node["metadata"]["name"].as<std::string>(), std::string("pi"));
    }

    void onlyTheNewestEventsAreListed() {
        Timeline timeline;
        TimelineEvent event;
        event.objectKind = "Job";
        event.objectName = "pi";
        event.type = "Normal";
        event.reason = "SuccessfulCreate";
        for (size_t i = 0; i < kLiveTextMaxEvents + 3; ++i) {
            event.time = static_cast<double>(i);
            event.message = "event " + std::to_string(i);
            timeline.events.push_back(event);
        }
        const QString text = liveJobText(QJsonObject{{"kind", "Job"}}, timeline);
        QVERIFY(text.contains("# (3 earlier Event(s) not shown)\n"));
        QVERIFY(!text.contains(": event 2\n"));
        QVERIFY(text.contains(": event 3\n"));
        QVERIFY(text.contains(QStringLiteral(": event %1\n").arg(kLiveTextMaxEvents + 2)));
    }
};

QTEST_GUILESS_MAIN(LiveJobTextTest)
#include "tst_live_job_text.moc"
