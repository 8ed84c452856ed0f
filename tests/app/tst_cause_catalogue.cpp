// SPDX-License-Identifier: GPL-3.0-or-later
// Every cause of the engine's catalogue has, in English and in Chinese, a label, a colour, a
// description and a sentence built from its numbers: the app's words for a cause come from one
// switch per text (app/plot/cause_labels.cpp, app/plot/cause_text.cpp), so a cause the engine
// adds cannot be shown as a bare id or an untranslated sentence.

#include "analysis/cause_catalogue.h"
#include "gui/language.h"
#include "plot/cause_labels.h"
#include "plot/cause_text.h"

#include <QTest>

using namespace jobscope;

namespace {

// An interval of `info` with every number it can carry.
CauseInterval sampleInterval(const CauseInfo& info) {
    CauseInterval c;
    c.kind = info.kind;
    c.cause = info.id;
    for (const CauseParamInfo& p : info.params)
        c.params.push_back({p.key, 2, p.type == CauseParamType::Text ? std::string("Failed") : ""});
    return c;
}

bool hasHan(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    return false;
}

} // namespace

class TestCauseCatalogue : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { ui::installEnglishPlurals(QCoreApplication::instance()); }
    void cleanupTestCase() { ui::applyLanguage(QStringLiteral("en")); }

    void everyCauseHasItsWords_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("language");
        for (const CauseInfo& info : allCauses())
            for (const char* language : {"en", "zh_CN"})
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(info.id, language)))
                    << int(info.kind) << QString::fromLatin1(language);
    }

    void everyCauseHasItsWords() {
        QFETCH(int, kind);
        QFETCH(QString, language);
        QVERIFY(ui::applyLanguage(language));
        const CauseInfo& info = causeInfo(static_cast<CauseKind>(kind));
        const QString id = QString::fromLatin1(info.id);
        const bool chinese = language == QLatin1String("zh_CN");

        const QString label = ui::causeLabel(info.kind);
        QVERIFY(!label.isEmpty());
        QCOMPARE(ui::causeLabel(id), label);
        const QString description = ui::causeDescription(info.kind);
        QVERIFY(!description.isEmpty());
        const QString sentence = ui::causeExplanation(sampleInterval(info));
        QVERIFY(!sentence.isEmpty());
        QVERIFY2(sentence != description || info.kind == CauseKind::None,
                 qPrintable(sentence)); // the numbers made it into words
        if (chinese) {
            QVERIFY2(hasHan(label), qPrintable(label));
            QVERIFY2(hasHan(description), qPrintable(description));
            QVERIFY2(hasHan(sentence), qPrintable(sentence));
        } else {
            QVERIFY2(!hasHan(label) && !hasHan(sentence), qPrintable(sentence));
        }
        QVERIFY(ui::causeColor(info.kind).isValid());
        QCOMPARE(ui::causeColor(id), ui::causeColor(info.kind));
    }

    void coloursTellCausesApart() {
        QSet<QRgb> colours;
        for (const CauseInfo& info : allCauses())
            colours.insert(ui::causeColor(info.kind).rgb());
        colours.insert(ui::failedColor().rgb());
        QCOMPARE(colours.size(), qsizetype(allCauses().size() + 1));
    }

    void unknownIdsStayVisible() {
        QCOMPARE(ui::causeLabel(QStringLiteral("from-a-newer-engine")),
                 QStringLiteral("from-a-newer-engine"));
        QVERIFY(ui::causeColor(QStringLiteral("from-a-newer-engine")).isValid());
        QVERIFY(ui::causeDescription(QStringLiteral("from-a-newer-engine")).isEmpty());
    }
};

QTEST_MAIN(TestCauseCatalogue)
#include "tst_cause_catalogue.moc"
