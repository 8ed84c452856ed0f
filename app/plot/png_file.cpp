// SPDX-License-Identifier: GPL-3.0-or-later
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

    static bool render(const QString& path, const QSize& size,
                       const std::function<QImage(const QSize&)>& draw, QString* error) {
        if (size.width() < 1 || size.height() < 1) {
            if (error)
                *error =
                    tr("the image size %1×%2 is not positive").arg(size.width()).arg(size.height());
            return false;
        }
        const QImage image = draw(size);
        if (image.isNull() || image.size() != size) {
            if (error)
                *error =
                    tr("cannot draw an image of %1×%2 pixels").arg(size.width()).arg(size.height());
            return false;
        }
        return write(image, path, error);
    }
};

} // namespace

bool writePngFile(const QImage& image, const QString& path, QString* error) {
    return PngFile::write(image, path, error);
}

bool renderPngFile(const QString& path, const QSize& size,
                   const std::function<QImage(const QSize&)>& render, QString* error) {
    return PngFile::render(path, size, render, error);
}

} // namespace jobscope::ui
