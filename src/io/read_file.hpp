// Internal: whole-file reads with clear errors, and what atomic writes need.
#pragma once

#include "io/limits.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace nangluc::detail {

/// The bytes of a file; throws io_error naming the file when it cannot be read, and
/// validation_error (`file_too_large`) when it holds more than `max_bytes`, before reading it.
[[nodiscard]] std::string read_file(const std::filesystem::path& path,
                                    std::uint64_t max_bytes = max_registry_file_bytes);

/// Throws validation_error (`file_too_large`) naming `file` when `size` is over `max_bytes`.
void check_file_size(const std::string& file, std::uint64_t size, std::uint64_t max_bytes);

/// Forces a written file's (or a folder's) content to disk, so that after the rename that
/// publishes it a crash cannot leave an empty file in its place. Best effort: errors ignored.
void sync_to_disk(const std::filesystem::path& path) noexcept;

}  // namespace nangluc::detail
