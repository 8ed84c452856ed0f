// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How every export reaches its file: atomically (a temporary file renamed at the end, so a
// failed write never leaves half a file and an existing file stays as it was), or in place for
// a device or a pipe (/dev/stdout, a FIFO), which a rename would replace.

#include <QString>

#include <functional>

class QIODevice;

namespace jobscope::ui {

// Opens `path` as above and lets `write` fill it; `write` returns false and sets its `why` on
// failure. Returns false with `why` set (the device's or `write`'s reason, without the path)
// when anything failed.
bool writeExportFile(const QString& path, const std::function<bool(QIODevice*, QString*)>& write,
                     QString* why);

} // namespace jobscope::ui
