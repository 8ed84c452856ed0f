// SPDX-License-Identifier: GPL-3.0-or-later
#include "input_file.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace jobscope {

namespace {

// "3 MiB" for a whole number of MiB, else the bytes: the limits are round, a size rarely is.
std::string sizeText(std::uint64_t bytes) {
    constexpr std::uint64_t kMiB = 1024 * 1024;
    if (bytes >= kMiB && bytes % kMiB == 0)
        return std::to_string(bytes / kMiB) + " MiB";
    return std::to_string(bytes) + " bytes";
}

} // namespace

Message inputTooLargeMessage(std::uint64_t size, std::uint64_t maxBytes) {
    return Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                    "too large: %1 bytes, more than the limit of %2 for this "
                                    "kind of file (see docs/limits.md)"),
                   {std::to_string(size), sizeText(maxBytes)});
}

bool checkInputFile(const std::string& path, std::uint64_t maxBytes, Diagnostics& diagnostics) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        diagnostics.error(path, {}, JOBSCOPE_TR_NOOP("jobscope::engine", "cannot open file"));
        return false;
    }
    if (std::filesystem::is_directory(status)) {
        diagnostics.error(path, {},
                          JOBSCOPE_TR_NOOP("jobscope::engine", "is a folder; expected a file"));
        return false;
    }
    if (!std::filesystem::is_regular_file(status)) {
        diagnostics.error(path, {},
                          JOBSCOPE_TR_NOOP("jobscope::engine",
                                           "not a regular file (a device, pipe or socket); "
                                           "expected a file"));
        return false;
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) {
        diagnostics.error(path, {}, JOBSCOPE_TR_NOOP("jobscope::engine", "cannot read file"));
        return false;
    }
    if (size > maxBytes) {
        diagnostics.error(path, {}, inputTooLargeMessage(size, maxBytes));
        return false;
    }
    return true;
}

bool readTextFile(const std::string& path, std::string& text, Diagnostics& diagnostics,
                  std::uint64_t maxBytes) {
    if (!checkInputFile(path, maxBytes, diagnostics))
        return false;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.error(path, {}, JOBSCOPE_TR_NOOP("jobscope::engine", "cannot open file"));
        return false;
    }
    // At most one byte past the limit, so a file that grew after the check is still refused.
    std::string buffer;
    constexpr std::size_t kChunk = 64 * 1024;
    char chunk[kChunk];
    while (in) {
        in.read(chunk, kChunk);
        buffer.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (buffer.size() > maxBytes) {
            diagnostics.error(path, {}, inputTooLargeMessage(buffer.size(), maxBytes));
            return false;
        }
    }
    if (in.bad()) {
        diagnostics.error(path, {}, JOBSCOPE_TR_NOOP("jobscope::engine", "cannot read file"));
        return false;
    }
    text = std::move(buffer);
    return true;
}

} // namespace jobscope
