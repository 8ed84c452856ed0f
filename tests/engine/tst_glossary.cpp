// SPDX-License-Identifier: GPL-3.0-or-later
// docs/glossary-zh_CN.md is applied: every Chinese text beside its English one — the app's
// translations (translations/jobscope_zh_CN.ts) and the `…Zh` texts of the lesson and the
// examples — uses the glossary's term where the English names the concept, and never the
// wording the glossary rules out. Each rule is a row of the glossary, and the glossary must
// still say it.

#include "support/test_paths.h"

#include <yaml-cpp/yaml.h>

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

#include <vector>

namespace {

struct TextPair {
    QString where;
    QString english;
    QString chinese;
};

bool hasCjk(const QString& text) {
    for (QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

// Source and translation of every finished message (each plural form on its own).
std::vector<TextPair> translationPairs(const QString& path) {
    std::vector<TextPair> pairs;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
            if (xml.attributes().value(QLatin1String("type")) == QLatin1String("vanished") ||
                xml.attributes().value(QLatin1String("type")) == QLatin1String("obsolete"))
                continue;
            // A plural translation holds <numerusform>s; a plain one is text.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    pairs.push_back({path, source, xml.readElementText()});
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (!text.trimmed().isEmpty())
                pairs.push_back({path, source, text});
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return pairs;
}

QString scalarText(const YAML::Node& node) {
    if (node.IsScalar())
        return QString::fromStdString(node.as<std::string>());
    QStringList items;
    if (node.IsSequence())
        for (const YAML::Node& item : node)
            items << scalarText(item);
    return items.join(QLatin1Char('\n'));
}

// Every `key` beside a `keyZh` anywhere in the YAML file (titles, descriptions, captions,
// points, notes).
void collectYamlPairs(const YAML::Node& node, const QString& where, std::vector<TextPair>& pairs) {
    if (node.IsMap()) {
        for (const auto& entry : node) {
            const std::string key = entry.first.as<std::string>();
            if (key.size() > 2 && key.ends_with("Zh")) {
                const YAML::Node english = node[key.substr(0, key.size() - 2)];
                if (english)
                    pairs.push_back({where + QStringLiteral(": ") + QString::fromStdString(key),
                                     scalarText(english), scalarText(entry.second)});
            } else {
                collectYamlPairs(entry.second, where, pairs);
            }
        }
    } else if (node.IsSequence()) {
        for (const YAML::Node& item : node)
            collectYamlPairs(item, where, pairs);
    }
}

std::vector<TextPair> allPairs() {
    const QString root = jobscope::test::sourceDir();
    std::vector<TextPair> pairs =
        translationPairs(root + QStringLiteral("/translations/jobscope_zh_CN.ts"));
    QDirIterator files(root + QStringLiteral("/resources"), {QStringLiteral("*.yaml")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        try {
            for (const YAML::Node& document : YAML::LoadAllFromFile(path.toStdString()))
                collectYamlPairs(document, path.mid(root.size() + 1), pairs);
        } catch (const YAML::Exception&) {
            // Not every example parses on purpose (the bad-input ones); they carry no Chinese.
        }
    }
    return pairs;
}

} // namespace

class TestGlossary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        pairs_ = allPairs();
        // The app's messages and the lesson's and examples' texts.
        QVERIFY2(pairs_.size() > 1000, qPrintable(QString::number(pairs_.size())));
        QFile glossary(jobscope::test::sourceDir() + QStringLiteral("/docs/glossary-zh_CN.md"));
        QVERIFY(glossary.open(QIODevice::ReadOnly));
        glossary_ = QString::fromUtf8(glossary.readAll());
    }

    void rule_data() {
        QTest::addColumn<QString>("glossaryRow"); // the row's start, as the glossary writes it
        QTest::addColumn<QString>("english");     // a pattern on the English text
        QTest::addColumn<QString>("required"); // a pattern the Chinese matches (empty: none needed)
        QTest::addColumn<QString>("forbidden"); // the Chinese never has it
        QTest::addColumn<QString>("unless"); // an English pattern that lifts the rule (empty: none)

        QTest::newRow("active: never 活动")
            << QStringLiteral("| active | 活跃 | never 活动 |") << QStringLiteral("\\bactive\\b")
            << QString() << QStringLiteral("活动") << QString();
        QTest::newRow("pending: never Pending in Chinese text")
            << QStringLiteral("| pending | 等待中 | never Pending in Chinese text |")
            << QStringLiteral("\\bpending\\b") << QString() << QStringLiteral("Pending")
            << QString();
        QTest::newRow("controller lag: 控制器滞后, never 延迟")
            << QStringLiteral("| controller lag | 控制器滞后 | never 延迟 for this cause |")
            << QStringLiteral("\\bcontroller lag\\b") << QStringLiteral("控制器滞后")
            << QStringLiteral("控制器延迟") << QString();
        QTest::newRow("suspended: never 暂停 for spec.suspend")
            << QStringLiteral(
                   "| suspended / resumed | 已挂起 / 已恢复 | never 暂停 for `spec.suspend` |")
            << QStringLiteral("\\bsuspen(d|ded|sion)\\b") << QString()
            << QStringLiteral("暂停")
            // parallelism 0 pauses a Job without suspending it: 暂停 is the word for that.
            << QStringLiteral("\\bpause");
        QTest::newRow("Pod-seconds: Pod·秒")
            << QStringLiteral("| Pod-seconds | Pod·秒 | with the middle dot, everywhere |")
            << QStringLiteral("\\bPod-seconds?\\b") << QStringLiteral("Pod·秒")
            << QStringLiteral("Pod-秒") << QString();
        QTest::newRow("failure backoff: 失败退避 (the wait: 退避)")
            << QStringLiteral("| failure backoff | 失败退避 | the wait: 退避 |")
            << QStringLiteral("\\b(failure )?backoff\\b")
            // (a key or field name stays English: `backoff`, backoffLimit)
            << QStringLiteral("退避|backoff") << QString() << QString();
        QTest::newRow("remaining completions: 剩余完成数")
            << QStringLiteral("| remaining completions | 剩余完成数 |")
            << QStringLiteral("\\bremaining completions\\b") << QStringLiteral("剩余完成数")
            << QString() << QString();
        QTest::newRow("work queue: 工作队列")
            << QStringLiteral("| work queue (draining) | 工作队列（排空中） |")
            << QStringLiteral("\\bwork queue\\b") << QStringLiteral("工作队列") << QString()
            << QString();
        QTest::newRow("recording: 录制") << QStringLiteral("| recording / replay | 录制 / 回放 |")
                                         << QStringLiteral("\\brecording\\b")
                                         << QStringLiteral("录制") << QString() << QString();
        QTest::newRow("what-if: 假设") << QStringLiteral("| what-if | 假设推演 (short: 假设) |")
                                       << QStringLiteral("\\bwhat[- ]if\\b")
                                       << QStringLiteral("假设") << QString() << QString();
    }

    void rule() {
        QFETCH(QString, glossaryRow);
        QFETCH(QString, english);
        QFETCH(QString, required);
        QFETCH(QString, forbidden);
        QFETCH(QString, unless);
        QVERIFY2(glossary_.contains(glossaryRow),
                 qPrintable(QStringLiteral("the glossary no longer says: %1").arg(glossaryRow)));
        const QRegularExpression names(english, QRegularExpression::CaseInsensitiveOption);
        const QRegularExpression needs(required);
        const QRegularExpression lifts(unless, QRegularExpression::CaseInsensitiveOption);
        QStringList wrong;
        int applies = 0;
        for (const TextPair& pair : pairs_) {
            if (!hasCjk(pair.chinese) || !names.match(pair.english).hasMatch() ||
                (!unless.isEmpty() && lifts.match(pair.english).hasMatch()))
                continue;
            ++applies;
            const bool missing = !required.isEmpty() && !needs.match(pair.chinese).hasMatch();
            const bool ruledOut = !forbidden.isEmpty() && pair.chinese.contains(forbidden);
            if (missing || ruledOut)
                wrong << QStringLiteral("%1: \"%2\" → \"%3\"")
                             .arg(pair.where, pair.english.left(80), pair.chinese.left(80));
        }
        QVERIFY2(applies > 0, "no text names the concept: the rule checks nothing");
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

private:
    std::vector<TextPair> pairs_;
    QString glossary_;
};

QTEST_GUILESS_MAIN(TestGlossary)
#include "tst_glossary.moc"
