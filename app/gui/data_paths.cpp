// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/data_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace jobscope::ui {

namespace {

// <prefix>/share, from <prefix>/bin/jobscope; empty when the executable is not installed
// beside a share folder that has JobScope's data.
QString installedShareDir() {
    if (!QCoreApplication::instance())
        return {};
    const QString share = QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                          QLatin1Char('/') + QStringLiteral(JOBSCOPE_BIN_TO_SHARE));
    if (!QFileInfo(share + QStringLiteral("/jobscope")).isDir())
        return {};
    return share;
}

QString inSourceTree(const QString& relative) {
    return QDir::cleanPath(QStringLiteral(JOBSCOPE_SOURCE_TREE) + QLatin1Char('/') + relative);
}

} // namespace

QString installedDataPath(const QString& relative) {
    const QString share = installedShareDir();
    if (!share.isEmpty())
        return QDir::cleanPath(share + QStringLiteral("/jobscope/") + relative);
    return inSourceTree(QStringLiteral("resources/") + relative);
}

QString documentationPath(const QString& page) {
    const QString share = installedShareDir();
    if (!share.isEmpty())
        return QDir::cleanPath(share + QStringLiteral("/doc/jobscope/") + page);
    return inSourceTree(QStringLiteral("docs/") + page);
}

} // namespace jobscope::ui
