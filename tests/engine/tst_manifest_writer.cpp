// SPDX-License-Identifier: GPL-3.0-or-later
// manifest/manifest_writer.h: a Job written back as a manifest reads back to the same Job —
// every example's Job, and one with every field the engine models — and what the API server
// generated (uid, selector, the labels pointing at the uid, status) is left out.

#include "manifest/manifest.h"
#include "manifest/manifest_writer.h"
#include "scenario/scenario_reader.h"
#include "support/test_paths.h"

#include <QDirIterator>
#include <QtTest>

#include <string>

using namespace jobscope;

namespace {

Job importOne(const std::string& text, const FeatureGates& gates) {
    ManifestImport imported = importManifestText(text, "written.yaml", gates);
    if (!imported.ok())
        qFatal("the written manifest does not read back:\n%s\n%s", text.c_str(),
               imported.diagnostics.format().c_str());
    return imported.jobs.front().job;
}

} // namespace

class TestManifestWriter : public QObject {
    Q_OBJECT

private slots:
    void examplesReadBack_data() {
        QTest::addColumn<QString>("path");
        QDirIterator it(test::sourceDir() + QStringLiteral("/resources/examples"),
                        {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QStringLiteral("/states/")))
                continue; // reconcile states, not scenarios
            QTest::newRow(qPrintable(path.section(QLatin1Char('/'), -2))) << path;
        }
    }

    void examplesReadBack() {
        QFETCH(QString, path);
        Diagnostics diagnostics;
        const std::optional<Scenario> scenario = readScenarioFile(path.toStdString(), diagnostics);
        if (!scenario)
            QSKIP("not a scenario with its Job in the file");
        const std::string written = jobManifestYaml(scenario->job);
        const Job back = importOne(written, scenario->featureGates);
        QCOMPARE(QString::fromStdString(jobManifestYaml(back)), QString::fromStdString(written));
        QCOMPARE(back.spec.parallelism, scenario->job.spec.parallelism);
        QCOMPARE(back.spec.completions, scenario->job.spec.completions);
        QVERIFY(written.find("controller-uid") == std::string::npos);
        QVERIFY(written.find("uid:") == std::string::npos);
        QVERIFY(written.find("\nstatus:") == std::string::npos);
    }

    void everyModelledField() {
        const std::string manifest = R"(apiVersion: batch/v1
kind: Job
metadata:
  name: all-fields
  namespace: team-a
  labels: {app: "1", tier: "true"}
  annotations: {note: "yes: really"}
spec:
  parallelism: 3
  completions: 6
  completionMode: Indexed
  activeDeadlineSeconds: 600
  backoffLimitPerIndex: 2
  maxFailedIndexes: 3
  ttlSecondsAfterFinished: 100
  suspend: true
  podReplacementPolicy: Failed
  podFailurePolicy:
    rules:
    - action: FailIndex
      onExitCodes: {containerName: main, operator: In, values: [3, 4]}
    - action: Ignore
      onPodConditions: [{type: DisruptionTarget}]
  successPolicy:
    rules:
    - {succeededIndexes: "0-2", succeededCount: 2}
  template:
    metadata:
      labels: {app: "1"}
      annotations: {prometheus.io/scrape: "true"}
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 7
      initContainers:
      - name: setup
        image: busybox
        resources: {requests: {cpu: 250m}}
      containers:
      - name: main
        image: busybox
        resources: {requests: {cpu: "1", memory: 1Gi}}
)";
        const Job job = importOne(manifest, FeatureGates{});
        const std::string written = jobManifestYaml(job);
        const Job back = importOne(written, FeatureGates{});
        QCOMPARE(QString::fromStdString(jobManifestYaml(back)), QString::fromStdString(written));
        QCOMPARE(back.metadata.namespace_, std::string("team-a"));
        QCOMPARE(back.metadata.labels.at("app"), std::string("1"));
        QCOMPARE(back.metadata.annotations.at("note"), std::string("yes: really"));
        QCOMPARE(back.spec.activeDeadlineSeconds, std::optional<int64_t>(600));
        QCOMPARE(back.spec.maxFailedIndexes, std::optional<int32_t>(3));
        QVERIFY(back.spec.isSuspended());
        QCOMPARE(back.spec.podFailurePolicy->rules.size(), std::size_t{2});
        QCOMPARE(back.spec.podFailurePolicy->rules[0].onExitCodes->values,
                 (std::vector<int32_t>{3, 4}));
        QCOMPARE(back.spec.podFailurePolicy->rules[1].onPodConditions[0].status,
                 std::string("True"));
        QCOMPARE(*back.spec.successPolicy->rules[0].succeededIndexes, std::string("0-2"));
        QCOMPARE(back.spec.templ.initContainers[0].requests[0].second, std::string("250m"));
        QCOMPARE(back.spec.templ.containers[0].requests.size(), std::size_t{2});
        QCOMPARE(back.spec.templ.metadata.annotations.at("prometheus.io/scrape"),
                 std::string("true"));
        QCOMPARE(*back.spec.templ.terminationGracePeriodSeconds, int64_t{7});
    }

    // A manual selector is the user's: it and the template labels it matches are written.
    void manualSelectorIsKept() {
        const std::string manifest = R"(apiVersion: batch/v1
kind: Job
metadata: {name: manual}
spec:
  manualSelector: true
  selector: {matchLabels: {batch.kubernetes.io/controller-uid: "abc", job-name: manual}}
  template:
    metadata:
      labels: {batch.kubernetes.io/controller-uid: "abc", job-name: manual}
    spec:
      restartPolicy: Never
      containers: [{name: main, image: busybox}]
)";
        const Job job = importOne(manifest, FeatureGates{});
        const std::string written = jobManifestYaml(job);
        QVERIFY2(written.find("manualSelector: true") != std::string::npos, written.c_str());
        const Job back = importOne(written, FeatureGates{});
        QCOMPARE(back.spec.selector.matchLabels.size(), std::size_t{2});
        QCOMPARE(back.spec.templ.metadata.labels.at("batch.kubernetes.io/controller-uid"),
                 std::string("abc"));
    }
};

QTEST_GUILESS_MAIN(TestManifestWriter)
#include "tst_manifest_writer.moc"
