// Internal: whole-file reads with clear errors.
#pragma once

#include <filesystem>
#include <string>

namespace nangluc::detail {

/// The bytes of a file; throws io_error naming the file when it cannot be read.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

}  // namespace nangluc::detail
