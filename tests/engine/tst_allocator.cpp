// SPDX-License-Identifier: GPL-3.0-or-later
// The allocator the build linked serves the whole process: the engine's own strings and
// containers, plain malloc, and what Qt allocates inside its libraries.
#include "allocator.h"

#include <QByteArray>
#include <QString>
#include <QTest>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace jobscope;

class TestAllocator : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        configureAllocator();
        qInfo("allocator: %s", allocatorName().c_str());
    }

    void servesEveryKindOfBlock_data() {
        QTest::addColumn<int>("size");
        QTest::newRow("small, as a Pod name") << 24;
        QTest::newRow("a uid") << 37;
        QTest::newRow("a sync's list of 1000 Pods") << 8000;
        QTest::newRow("large, a table of 100 000 Pods") << (4 << 20);
    }
    void servesEveryKindOfBlock() {
        QFETCH(int, size);
        const auto bytes = static_cast<std::size_t>(size);
        void* fromMalloc = std::malloc(bytes);
        QVERIFY(allocatorServes(fromMalloc));
        std::free(fromMalloc);

        const auto fromNew = std::make_unique<char[]>(bytes);
        QVERIFY(allocatorServes(fromNew.get()));

        std::string text(bytes, 'x'); // past the small-string buffer for every row
        QVERIFY(allocatorServes(text.data()));
        std::vector<uint32_t> list(bytes);
        QVERIFY(allocatorServes(list.data()));

        // Allocated inside Qt's own library.
        const QByteArray qtBytes(size, 'x');
        QVERIFY(allocatorServes(qtBytes.constData()));
        const QString qtText = QString::number(size).repeated(size);
        QVERIFY(allocatorServes(qtText.constData()));
    }

    void reportsWhatTheBuildLinked() {
        const std::string name = allocatorName();
        QVERIFY(name == "system malloc" || name.rfind("mimalloc ", 0) == 0);
    }
};

QTEST_GUILESS_MAIN(TestAllocator)
#include "tst_allocator.moc"
