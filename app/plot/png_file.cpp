#include "plot/png_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace jobscope::ui {

namespace {

class PngFile {
    Q_DECLARE_TR_FUNCTIONS(PngFile)

public:
    static bool write(const QImage& image, const QString& path, QString* error) {
        const auto fail = [error](const QString& why) {
            if (error)
                *error = why;
            return false;
        };
        if (image.isNull())
            return fail(tr("cannot write %1: there is no image to write").arg(path));
        const QFileInfo info(path);
        if (info.exists() && !info.isFile() && !info.isDir()) {
            QFile device(path);
            if (!device.open(QIODevice::WriteOnly) || !image.save(&device, "PNG"))
                return fail(tr("cannot write %1: %2").arg(path, device.errorString()));
            return true;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail(tr("cannot write %1: %2").arg(path, file.errorString()));
        if (!image.save(&file, "PNG")) {
            file.cancelWriting();
            return fail(tr("cannot write %1: the PNG encoder failed").arg(path));
        }
        if (!file.commit())
            return fail(tr("cannot write %1: %2").arg(path, file.errorString()));
        return true;
    }
};

} // namespace

bool writePngFile(const QImage& image, const QString& path, QString* error) {
    return PngFile::write(image, path, error);
}

} // namespace jobscope::ui
