// SPDX-License-Identifier: GPL-3.0-or-later
// Engine messages keep their template and arguments beside the English text (message.h), so
// that the app can translate them: the English text is the one upstream prints, the template
// is what lupdate extracted, and the field path and the value are never part of a template.

#include "diagnostics.h"
#include "lesson/lesson_reader.h"
#include "manifest/manifest.h"
#include "message.h"
#include "scenario/scenario_reader.h"
#include "state/reconcile_state.h"

#include <QTest>

using namespace jobscope;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

const Diagnostic* find(const Diagnostics& diagnostics, const std::string& start) {
    for (const Diagnostic& d : diagnostics.items())
        if (d.message.rfind(start, 0) == 0)
            return &d;
    return nullptr;
}

} // namespace

class TestMessage : public QObject {
    Q_OBJECT

private slots:
    void fillTemplate_data() {
        QTest::addColumn<QString>("templ");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("text");
        QTest::newRow("in order") << "%1: %2" << QStringList{"a", "b"} << "a: b";
        QTest::newRow("reordered (a translation)") << "%2 %1" << QStringList{"a", "b"} << "b a";
        QTest::newRow("an argument holding %2 stays as it is")
            << "%1 and %2" << QStringList{"50%2", "x"} << "50%2 and x";
        QTest::newRow("a percent sign that is no placeholder")
            << "100% of %1" << QStringList{"Pods"} << "100% of Pods";
        QTest::newRow("a placeholder without argument") << "%1 %3" << QStringList{"a"} << "a %3";
    }
    void fillTemplate() {
        QFETCH(QString, templ);
        QFETCH(QStringList, args);
        QFETCH(QString, text);
        std::vector<std::string> values;
        for (const QString& a : args)
            values.push_back(a.toStdString());
        QCOMPARE(qs(jobscope::fillTemplate(templ.toStdString(), values)), text);
    }

    void literalAndTemplate() {
        const Message literal(std::string("spec.parallelism"));
        QVERIFY(literal.literal);
        const Message phrase("must be a list");
        QVERIFY(!phrase.literal);
        const Message m =
            invalidValue("spec.parallelism", "-1", Message("must be greater than or equal to 0"));
        QCOMPARE(qs(m.text()),
                 QStringLiteral("spec.parallelism: Invalid value: -1: must be greater than or "
                                "equal to 0"));
        QCOMPARE(qs(requiredValue("job", Message("the Job")).text()),
                 QStringLiteral("job: Required value: the Job"));
        QCOMPARE(qs(prefixedMessage("items[1].", m).text()),
                 QStringLiteral("items[1].spec.parallelism: Invalid value: -1: must be greater "
                                "than or equal to 0"));
    }

    // A validation error: the type and the detail are templates, the path and value literal.
    void validationKeepsItsParts() {
        const ManifestImport result = importManifestText("apiVersion: batch/v1\n"
                                                         "kind: Job\n"
                                                         "metadata: {name: x}\n"
                                                         "spec:\n"
                                                         "  parallelism: -1\n"
                                                         "  template:\n"
                                                         "    spec:\n"
                                                         "      restartPolicy: Never\n"
                                                         "      containers: [{name: c}]\n",
                                                         "job.yaml");
        const Diagnostic* d = find(result.diagnostics, "spec.parallelism: Invalid value: -1");
        QVERIFY2(d, qPrintable(qs(result.diagnostics.format())));
        QCOMPARE(qs(d->source.text()), qs(d->message));
        QCOMPARE(d->source.args.size(), size_t(4));
        QVERIFY(d->source.args[0].literal);
        QCOMPARE(qs(d->source.args[0].templ), QStringLiteral("spec.parallelism"));
        QVERIFY(!d->source.args[1].literal);
        QCOMPARE(qs(d->source.args[1].templ), QStringLiteral("Invalid value"));
        QVERIFY(d->source.args[2].literal);
        QCOMPARE(qs(d->source.args[3].templ), QStringLiteral("must be greater than or equal to 0"));
    }

    // A scenario's messages: a Job under job: is prefixed and stays a template; the reader's
    // own type errors and unknown keys are templates too.
    void scenarioKeepsItsParts() {
        Diagnostics diagnostics;
        readScenarioText("job:\n"
                         "  apiVersion: batch/v1\n"
                         "  kind: Job\n"
                         "  metadata: {name: x}\n"
                         "  spec:\n"
                         "    parallelism: many\n"
                         "    template:\n"
                         "      spec:\n"
                         "        restartPolicy: Never\n"
                         "        containers: [{name: c}]\n"
                         "runtime: 5\n",
                         "s.yaml", diagnostics);
        const Diagnostic* type = find(diagnostics, "job.spec.parallelism: Invalid value");
        QVERIFY2(type, qPrintable(qs(diagnostics.format())));
        QCOMPARE(qs(type->source.text()), qs(type->message));
        QCOMPARE(qs(type->source.templ), QStringLiteral("%1%2"));
        QCOMPARE(qs(type->source.args.at(1).args.at(3).templ),
                 QStringLiteral("must be an integer"));

        const Diagnostic* unknown = find(diagnostics, "runtime: unknown field");
        QVERIFY2(unknown, qPrintable(qs(diagnostics.format())));
        QCOMPARE(qs(unknown->source.templ),
                 QStringLiteral("%1: unknown field \"%2\" (did you mean \"%3\"?)"));
        QCOMPARE(qs(unknown->message),
                 QStringLiteral("runtime: unknown field \"runtime\" (did you mean \"runTime\"?)"));
    }

    // Lesson, state and featureGates errors: templates with the path and the value as
    // arguments, the English text as written before.
    void fileErrorsKeepTheirParts() {
        Diagnostics lessonDiagnostics;
        readLessonText("title: T\n", "l.yaml", lessonDiagnostics);
        const Diagnostic* scenes = find(lessonDiagnostics, "scenes: Required value");
        QVERIFY2(scenes, qPrintable(qs(lessonDiagnostics.format())));
        QCOMPARE(qs(scenes->message), QStringLiteral("scenes: Required value: a list of scenes"));
        QCOMPARE(qs(scenes->source.args.at(0).templ), QStringLiteral("scenes"));
        QVERIFY(scenes->source.args.at(0).literal);
        QCOMPARE(qs(scenes->source.args.at(2).templ), QStringLiteral("a list of scenes"));
        QVERIFY(!scenes->source.args.at(2).literal);

        Diagnostics stateDiagnostics;
        parseReconcileState("now: 5\nfeatureGates: {JobManagedByX: true}\n"
                            "pods: [{name: a, count: -1}]\n",
                            "s.yaml", stateDiagnostics);
        const Diagnostic* count = find(stateDiagnostics, "pods[0].count");
        QVERIFY2(count, qPrintable(qs(stateDiagnostics.format())));
        QVERIFY(count->message.rfind("pods[0].count: Invalid value: -1: must be between 0 and ",
                                     0) == 0);
        QCOMPARE(qs(count->source.args.at(3).templ), QStringLiteral("must be between 0 and %1"));

        const Diagnostic* gate = find(stateDiagnostics, "featureGates: Unsupported value");
        QVERIFY2(gate, qPrintable(qs(stateDiagnostics.format())));
        QCOMPARE(qs(gate->source.text()), qs(gate->message));
        QVERIFY(gate->message.find("\"JobManagedByX\": supported gates (the Job controller's): ") !=
                std::string::npos);
        QCOMPARE(qs(gate->source.templ), QStringLiteral("%1 (did you mean \"%2\"?)"));
        QCOMPARE(qs(gate->source.args.at(1).templ), QStringLiteral("JobManagedBy"));
    }
};

QTEST_GUILESS_MAIN(TestMessage)
#include "tst_message.moc"
