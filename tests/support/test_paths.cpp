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

QString sharedDir() {
    // CI lays shared/ beside the clone; a variable lets a developer point elsewhere.
    const QByteArray overridden = qgetenv("JOBSCOPE_SHARED_DIR");
    if (!overridden.isEmpty())
        return QString::fromLocal8Bit(overridden);
    return QDir::cleanPath(QStringLiteral(JOBSCOPE_SHARED_DIR));
}

QString jobscopeExecutable() {
    const QByteArray overridden = qgetenv("JOBSCOPE_EXE");
    if (!overridden.isEmpty())
        return QString::fromLocal8Bit(overridden);
    return QStringLiteral(JOBSCOPE_EXE);
}

} // namespace jobscope::test
