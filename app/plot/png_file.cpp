// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot/png_file.h"

#include "plot/export_file.h"

#include <QCoreApplication>
#include <QIODevice>

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
        QString why;
        const bool written = writeExportFile(
            path,
            [&](QIODevice* device, QString* reason) {
                if (image.save(device, "PNG"))
                    return true;
                *reason = device->errorString().isEmpty() ? tr("the PNG encoder failed")
                                                          : device->errorString();
                return false;
            },
            &why);
        return written || fail(tr("cannot write %1: %2").arg(path, why));
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
