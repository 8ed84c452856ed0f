#pragma once
// Writing an image as a PNG file the way every export does: atomically (a temporary file
// renamed at the end, so a failed write never leaves half a file), or in place for a device or
// a pipe (/dev/stdout, a FIFO), which a rename would replace. On failure returns false and, if
// `error` is given, says why in the user's language.

#include <QImage>
#include <QString>

namespace jobscope::ui {

bool writePngFile(const QImage& image, const QString& path, QString* error = nullptr);

} // namespace jobscope::ui
