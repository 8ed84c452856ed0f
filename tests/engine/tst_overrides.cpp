// SPDX-License-Identifier: GPL-3.0-or-later
// `--set PATH=VALUE` (edit/overrides.h): Job paths land in the Job wherever the text keeps it,
// other paths in the scenario, every other byte stays; what cannot be set says why.

#include "edit/overrides.h"

#include <QTest>

using namespace jobscope::edit;

namespace {

const std::string kScenario = "# a scenario\n"
                              "seed: 1\n"
                              "job:\n"
                              "  apiVersion: batch/v1\n"
                              "  kind: Job\n"
                              "  metadata:\n"
                              "    name: work\n"
                              "  spec:\n"
                              "    completions: 6   # six items\n"
                              "    parallelism: 2\n"
                              "    template:\n"
                              "      spec:\n"
                              "        restartPolicy: Never\n"
                              "        containers: [{name: w, image: busybox}]\n"
                              "runTime: 5\n";

const std::string kManifest = "apiVersion: batch/v1\n"
                              "kind: Job\n"
                              "metadata: {name: bare}\n"
                              "spec:\n"
                              "  parallelism: 3\n"
                              "  template:\n"
                              "    spec:\n"
                              "      restartPolicy: Never\n"
                              "      containers: [{name: w, image: busybox}]\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    if (at == std::string::npos)
        qFatal("'%s' is not in the text", from.c_str());
    return text.replace(at, from.size(), to);
}

} // namespace

class TestOverrides : public QObject {
    Q_OBJECT

private slots:
    void applied_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("sets");
        QTest::addColumn<QString>("expected");
        const QString scenario = QString::fromStdString(kScenario);
        QTest::newRow("a Job field in a scenario keeps the comment beside it")
            << scenario << QStringList{"spec.completions=9"}
            << QString::fromStdString(replaced(kScenario, "completions: 6", "completions: 9"));
        QTest::newRow("a scenario field, and a new one inserted")
            << scenario << QStringList{"runTime=30", "cluster.quota.pods=4"}
            << QString::fromStdString(replaced(replaced(kScenario, "runTime: 5", "runTime: 30"),
                                               "seed: 1\n",
                                               "seed: 1\ncluster:\n  quota:\n    pods: 4\n"));
        QTest::newRow("the Job's metadata, and a missing spec field inserted")
            << scenario << QStringList{"metadata.name=other", "spec.completionMode=Indexed"}
            << QString::fromStdString(replaced(
                   replaced(kScenario, "name: work", "name: other"), "    parallelism: 2\n",
                   "    parallelism: 2\n    completionMode: Indexed\n"));
        QTest::newRow("a bare manifest's spec")
            << QString::fromStdString(kManifest) << QStringList{"spec.parallelism=8"}
            << QString::fromStdString(replaced(kManifest, "parallelism: 3", "parallelism: 8"));
        QTest::newRow("applied in order: the last wins")
            << QString::fromStdString(kManifest)
            << QStringList{"spec.parallelism=8", "spec.parallelism=5"}
            << QString::fromStdString(replaced(kManifest, "parallelism: 3", "parallelism: 5"));
    }
    void applied() {
        QFETCH(QString, text);
        QFETCH(QStringList, sets);
        QFETCH(QString, expected);
        std::vector<Override> overrides;
        for (const QString& set : sets) {
            OverrideError error;
            const auto parsed = parseOverride(set.toStdString(), &error);
            QVERIFY2(parsed, qPrintable(set));
            overrides.push_back(*parsed);
        }
        const OverrideResult result = applyOverrides(text.toStdString(), overrides);
        QVERIFY2(!result.error, result.error ? result.error->detail.c_str() : "");
        QCOMPARE(QString::fromStdString(result.text), expected);
    }

    void refused_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("set");
        QTest::addColumn<int>("kind");
        const QString scenario = QString::fromStdString(kScenario);
        const QString manifest = QString::fromStdString(kManifest);
        using Kind = OverrideError::Kind;
        QTest::newRow("no '='") << scenario << "spec.parallelism" << int(Kind::NotPathValue);
        QTest::newRow("no path") << scenario << "=3" << int(Kind::NotPathValue);
        QTest::newRow("an empty step") << scenario << "spec..parallelism=3" << int(Kind::EmptyStep);
        QTest::newRow("no value") << scenario << "spec.parallelism=" << int(Kind::NoValue);
        QTest::newRow("a mapping") << scenario << "spec.x={a: 1}" << int(Kind::NotScalar);
        QTest::newRow("a list") << scenario << "spec.x=[1, 2]" << int(Kind::NotScalar);
        QTest::newRow("not YAML") << scenario << "spec.x=\"open" << int(Kind::NotYaml);
        QTest::newRow("a scenario field on a manifest")
            << manifest << "runTime=3" << int(Kind::NotAScenario);
        QTest::newRow("the Job in another file") << "job: {path: job.yaml}\nruntime: 5\n"
                                                 << "spec.parallelism=2" << int(Kind::JobElsewhere);
        QTest::newRow("a Job path on a scenario of several Jobs")
            << "jobs:\n- job: {path: a.yaml}\n- job: {path: b.yaml}\n"
            << "spec.parallelism=2" << int(Kind::SeveralJobs);
        QTest::newRow("replacing a mapping with a scalar")
            << scenario << "spec.template=3" << int(Kind::TextError);
    }
    void refused() {
        QFETCH(QString, text);
        QFETCH(QString, set);
        QFETCH(int, kind);
        OverrideError error;
        const auto parsed = parseOverride(set.toStdString(), &error);
        if (!parsed) {
            QCOMPARE(int(error.kind), kind);
            QCOMPARE(QString::fromStdString(error.override), set);
            return;
        }
        const OverrideResult result = applyOverrides(text.toStdString(), {*parsed});
        QVERIFY(result.error);
        QCOMPARE(int(result.error->kind), kind);
        QCOMPARE(QString::fromStdString(result.error->override), set);
        QCOMPARE(QString::fromStdString(result.text), text); // left alone
        if (kind == int(OverrideError::Kind::SeveralJobs))
            QCOMPARE(QString::fromStdString(result.error->detail),
                     QStringLiteral("jobs.0.job.") + set);
    }
};

QTEST_GUILESS_MAIN(TestOverrides)
#include "tst_overrides.moc"
