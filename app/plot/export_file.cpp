// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/export_file.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace jobscope::ui {

bool writeExportFile(const QString& path, const std::function<bool(QIODevice*, QString*)>& write,
                     QString* why) {
    const QFileInfo info(path);
    if (info.exists() && !info.isFile() && !info.isDir()) {
        QFile device(path);
        if (!device.open(QIODevice::WriteOnly)) {
            *why = device.errorString();
            return false;
        }
        return write(&device, why);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *why = file.errorString();
        return false;
    }
    if (!write(&file, why)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *why = file.errorString();
        return false;
    }
    return true;
}

} // namespace jobscope::ui
