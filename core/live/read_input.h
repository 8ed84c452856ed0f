// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Qt side of the engine's file checks (input_file.h): reads a file into a QByteArray
// after checking it is a regular file within its limit. Built-in resources (":/…") are read
// as they are; standard input is read up to the limit.

#include "diagnostics.h"
#include "input_file.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>

namespace jobscope::live {

// Whether `path` names a resource built into the executable (":/…"): read as it is.
bool isBuiltInResource(const QString& path);
// checkInputFile (input_file.h) for a path Qt opens; built-in resources pass.
bool checkInputPath(const QString& path, std::uint64_t maxBytes, Diagnostics& diagnostics);
// Whether a sniffer (is it a trace? a watch stream?) may open `path`: a regular file or a
// resource, never a FIFO that would wait for a writer or a device that never ends.
bool isOpenableFile(const QString& path);

// A file (or standard input) read a part at a time, refused as readInputFile refuses it: a
// reader that keeps only what it needs of a file holds a part of it, not all of it.
class BoundedFileReader {
public:
    // Opens `path` after checking it as readInputFile does; false after reporting in
    // `diagnostics`.
    bool open(const QString& path, std::uint64_t maxBytes, Diagnostics& diagnostics);
    bool openStandardInput(std::uint64_t maxBytes, Diagnostics& diagnostics);
    // The bytes left to read when known (a regular file's size, within the limit), else 0.
    qint64 sizeHint() const;
    // Appends at most `bytes` more bytes to `into`: how many, 0 at the end, -1 after reporting
    // in `diagnostics` (unreadable, or more than the limit: a file that grew after the check or
    // a stream without end is refused one byte past it).
    qint64 readInto(QByteArray& into, qint64 bytes, Diagnostics& diagnostics);
    const std::string& name() const { return name_; }

private:
    // `ok`, after reporting why the file did not open when it did not.
    bool opened(bool ok, Diagnostics& diagnostics);

    QFile file_;
    std::string name_;
    std::uint64_t maxBytes_ = 0;
    std::uint64_t read_ = 0;
};

// The whole file at `path`; nullopt after reporting in `diagnostics` (as "PATH: error: …")
// when it is missing, unreadable, not a regular file or larger than `maxBytes`.
std::optional<QByteArray> readInputFile(const QString& path, std::uint64_t maxBytes,
                                        Diagnostics& diagnostics);
// The same with the report as one line of text, for the readers that report in a QString.
std::optional<QByteArray> readInputFile(const QString& path, std::uint64_t maxBytes,
                                        QString* error);
// Standard input up to `maxBytes` ("<stdin>" in messages).
std::optional<QByteArray> readStandardInput(std::uint64_t maxBytes, Diagnostics& diagnostics);

} // namespace jobscope::live
