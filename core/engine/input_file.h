// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every file the program reads goes through here, so that each one is refused the same way
// when it is not a regular file (a directory, /dev/zero, a FIFO) or is larger than its limit.
// The limits and where they come from are in docs/limits.md.

#include "diagnostics.h"

#include <cstdint>
#include <string>

namespace jobscope {

// Manifests, scenarios, reconcile states and lessons: the API server's default request body
// limit (k8s.io/apiserver server.Config MaxRequestBodyBytes, 3 MiB), the most a Job manifest
// sent to a cluster can be.
inline constexpr std::uint64_t kMaxDocumentFileBytes = 3ull * 1024 * 1024;
// Recordings (a trace, each kubectl watch stream, a kubectl dump): 512 MiB, about
// 100 000 Pods of untrimmed kubectl output.
inline constexpr std::uint64_t kMaxRecordingFileBytes = 512ull * 1024 * 1024;

// Whether `path` is a regular file of at most `maxBytes` bytes; reports why not.
bool checkInputFile(const std::string& path, std::uint64_t maxBytes, Diagnostics& diagnostics);

// Reads a whole file into `text` after checkInputFile; reports a missing, unreadable,
// non-regular or too large file.
bool readTextFile(const std::string& path, std::string& text, Diagnostics& diagnostics,
                  std::uint64_t maxBytes = kMaxDocumentFileBytes);

// The message for input of `size` bytes over `maxBytes` (standard input has no file to check).
Message inputTooLargeMessage(std::uint64_t size, std::uint64_t maxBytes);

} // namespace jobscope
