// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/read_input.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace jobscope::live {

bool BoundedFileReader::open(const QString& path, std::uint64_t maxBytes,
                             Diagnostics& diagnostics) {
    name_ = path.toStdString();
    maxBytes_ = maxBytes;
    read_ = 0;
    if (!checkInputPath(path, maxBytes, diagnostics))
        return false;
    file_.setFileName(path);
    return opened(file_.open(QIODevice::ReadOnly | QIODevice::Unbuffered), diagnostics);
}

bool BoundedFileReader::openStandardInput(std::uint64_t maxBytes, Diagnostics& diagnostics) {
    name_ = "<stdin>";
    maxBytes_ = maxBytes;
    read_ = 0;
    return opened(file_.open(stdin, QIODevice::ReadOnly), diagnostics);
}

bool BoundedFileReader::opened(bool ok, Diagnostics& diagnostics) {
    if (!ok)
        diagnostics.error(name_, {},
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine", "cannot open file: %1"),
                                  {file_.errorString().toStdString()}));
    return ok;
}

qint64 BoundedFileReader::sizeHint() const {
    if (file_.isSequential() || file_.size() <= 0)
        return 0;
    return std::min<qint64>(file_.size(),
                            static_cast<qint64>(std::min<std::uint64_t>(maxBytes_, 1ULL << 60)));
}

qint64 BoundedFileReader::readInto(QByteArray& into, qint64 bytes, Diagnostics& diagnostics) {
    const qsizetype had = into.size();
    into.resize(had + bytes);
    const qint64 got = file_.read(into.data() + had, bytes);
    into.resize(had + std::max<qint64>(got, 0));
    if (got < 0 || (got == 0 && file_.error() != QFileDevice::NoError)) {
        diagnostics.error(name_, {},
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine", "cannot read file: %1"),
                                  {file_.errorString().toStdString()}));
        return -1;
    }
    read_ += static_cast<std::uint64_t>(got);
    if (read_ > maxBytes_) {
        diagnostics.error(name_, {}, inputTooLargeMessage(read_, maxBytes_));
        return -1;
    }
    return got;
}

namespace {

// The whole of what `reader` reads, straight into one buffer sized for the file when its size
// is known (the last byte reserved tells whether it grew).
std::optional<QByteArray> readAll(BoundedFileReader& reader, Diagnostics& diagnostics) {
    QByteArray content;
    constexpr qint64 kChunk = 1 << 20;
    if (const qint64 size = reader.sizeHint(); size > 0)
        content.reserve(size + 1);
    while (true) {
        const qint64 room = content.capacity() - content.size();
        const qint64 got =
            reader.readInto(content, room > 0 ? std::min(room, kChunk) : kChunk, diagnostics);
        if (got < 0)
            return std::nullopt;
        if (got == 0)
            return content;
    }
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
    BoundedFileReader reader;
    if (!reader.open(path, maxBytes, diagnostics))
        return std::nullopt;
    return readAll(reader, diagnostics);
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
    BoundedFileReader reader;
    if (!reader.openStandardInput(maxBytes, diagnostics))
        return std::nullopt;
    return readAll(reader, diagnostics);
}

} // namespace jobscope::live
