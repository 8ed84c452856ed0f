// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writing an image as a PNG file the way every export does: atomically (a temporary file
// renamed at the end, so a failed write never leaves half a file), or in place for a device or
// a pipe (/dev/stdout, a FIFO), which a rename would replace. On failure returns false and, if
// `error` is given, says why in the user's language.

#include <QImage>
#include <QSize>
#include <QString>

#include <functional>

namespace jobscope::ui {

bool writePngFile(const QImage& image, const QString& path, QString* error = nullptr);

// Draws an image of `size` with `render` and writes it as above; a size that is not positive,
// or a drawing that does not come out at that size, is an error too.
bool renderPngFile(const QString& path, const QSize& size,
                   const std::function<QImage(const QSize&)>& render, QString* error = nullptr);

} // namespace jobscope::ui
