// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/test_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace jobscope::test {

QString sourceDir() {
    return QStringLiteral(JOBSCOPE_SOURCE_DIR);
}
QString testDataDir() {
    return QStringLiteral(JOBSCOPE_TEST_DATA_DIR);
}

QString recordingsDir() {
    return testDataDir() + QStringLiteral("/recordings");
}

QString jobscopeExecutable() {
    const QByteArray overridden = qgetenv("JOBSCOPE_EXE");
    if (!overridden.isEmpty())
        return QString::fromLocal8Bit(overridden);
    return QStringLiteral(JOBSCOPE_EXE);
}

} // namespace jobscope::test
