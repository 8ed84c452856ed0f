// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/read_input.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace jobscope::live {

namespace {

// Reads at most one byte past `maxBytes`, so that a file that grew after the check, or a
// stream without end, is refused without reading it all. The bytes go straight into the
// result, sized for the whole file when its size is known.
std::optional<QByteArray> readBounded(QFile& file, const std::string& name, std::uint64_t maxBytes,
                                      Diagnostics& diagnostics) {
    QByteArray content;
    constexpr qint64 kChunk = 1 << 20;
    const auto limit = static_cast<qint64>(std::min<std::uint64_t>(maxBytes, 1ULL << 60));
    if (!file.isSequential() && file.size() > 0)
        content.reserve(std::min(file.size(), limit) + 1);
    while (true) {
        const qsizetype had = content.size();
        // Within the room reserved (the last byte of it tells whether the file grew).
        const qint64 room = content.capacity() - had;
        const qint64 step = room > 0 ? std::min(room, kChunk) : kChunk;
        content.resize(had + step);
        const qint64 got = file.read(content.data() + had, step);
        content.resize(had + std::max<qint64>(got, 0));
        if (got <= 0)
            break;
        if (static_cast<std::uint64_t>(content.size()) > maxBytes) {
            diagnostics.error(
                name, {},
                inputTooLargeMessage(static_cast<std::uint64_t>(content.size()), maxBytes));
            return std::nullopt;
        }
    }
    if (file.error() != QFileDevice::NoError) {
        diagnostics.error(name, {},
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine", "cannot read file: %1"),
                                  {file.errorString().toStdString()}));
        return std::nullopt;
    }
    return content;
}

} // namespace

bool isBuiltInResource(const QString& path) {
    return path.startsWith(QLatin1String(":/"));
}

bool checkInputPath(const QString& path, std::uint64_t maxBytes, Diagnostics& diagnostics) {
    return isBuiltInResource(path) ||
           checkInputFile(QFile::encodeName(path).toStdString(), maxBytes, diagnostics);
}

bool isOpenableFile(const QString& path) {
    return isBuiltInResource(path) || QFileInfo(path).isFile();
}

std::optional<QByteArray> readInputFile(const QString& path, std::uint64_t maxBytes,
                                        Diagnostics& diagnostics) {
    const std::string name = path.toStdString();
    if (!checkInputPath(path, maxBytes, diagnostics))
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        diagnostics.error(name, {},
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine", "cannot open file: %1"),
                                  {file.errorString().toStdString()}));
        return std::nullopt;
    }
    return readBounded(file, name, maxBytes, diagnostics);
}

std::optional<QByteArray> readInputFile(const QString& path, std::uint64_t maxBytes,
                                        QString* error) {
    Diagnostics diagnostics;
    auto content = readInputFile(path, maxBytes, diagnostics);
    if (!content && error)
        *error = QString::fromStdString(diagnostics.format()).trimmed();
    return content;
}

std::optional<QByteArray> readStandardInput(std::uint64_t maxBytes, Diagnostics& diagnostics) {
    QFile file;
    if (!file.open(stdin, QIODevice::ReadOnly)) {
        diagnostics.error("<stdin>", {},
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine", "cannot open file: %1"),
                                  {file.errorString().toStdString()}));
        return std::nullopt;
    }
    return readBounded(file, "<stdin>", maxBytes, diagnostics);
}

} // namespace jobscope::live
