// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Qt side of the engine's file checks (input_file.h): reads a file into a QByteArray
// after checking it is a regular file within its limit. Built-in resources (":/…") are read
// as they are; standard input is read up to the limit.

#include "diagnostics.h"
#include "input_file.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace jobscope::live {

// Whether `path` names a resource built into the executable (":/…"): read as it is.
bool isBuiltInResource(const QString& path);
// checkInputFile (input_file.h) for a path Qt opens; built-in resources pass.
bool checkInputPath(const QString& path, std::uint64_t maxBytes, Diagnostics& diagnostics);
// Whether a sniffer (is it a trace? a watch stream?) may open `path`: a regular file or a
// resource, never a FIFO that would wait for a writer or a device that never ends.
bool isOpenableFile(const QString& path);

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
