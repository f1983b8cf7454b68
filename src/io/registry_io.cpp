// Loading and saving by path: JSON file or CSV folder; whole files, written atomically.

#include <nangluc/io.hpp>

#include "io/read_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <ostream>
#include <random>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace nangluc {
namespace detail {

namespace {
std::string size_text(std::uint64_t bytes) {
  if (bytes >= (std::uint64_t{1} << 30) && bytes % (std::uint64_t{1} << 30) == 0)
    return std::to_string(bytes >> 30) + " GiB";
  if (bytes >= (std::uint64_t{1} << 20) && bytes % (std::uint64_t{1} << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}
}  // namespace

void check_file_size(const std::string& file, std::uint64_t size, std::uint64_t max_bytes) {
  if (size <= max_bytes) return;
  throw validation_error({{severity::error, "file_too_large", file, "",
                           "the file holds " + std::to_string(size) + " bytes; nangluc reads files of at most " +
                               size_text(max_bytes) + " here (docs/limits.md)"}});
}

std::string read_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw io_error(path.string(), "is a folder, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error(path.string(), std::string("cannot open: ") + std::strerror(errno));
  std::string text;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) throw io_error(path.string(), "cannot read");
  // Checked before allocating, so a huge file (or /dev/zero-like size) costs nothing.
  check_file_size(path.string(), static_cast<std::uint64_t>(size), max_bytes);
  text.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  in.read(text.data(), size);
  if (!in) throw io_error(path.string(), "read failed");
  return text;
}

registry read_registry_json_impl(std::string_view text, const std::string& file, const load_options& opt);

void sync_to_disk(const std::filesystem::path& path) noexcept {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

/// A name beside `path` for a temporary file or folder that is renamed into place.
std::filesystem::path temporary_sibling(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  std::ostringstream name;
  name << "." << path.filename().string() << ".tmp-" << ::getpid() << "-" << counter++ << "-"
       << (rd() & 0xFFFFFu);
  return path.parent_path() / name.str();
}

}  // namespace detail

std::string_view to_string(enrollment_status s) noexcept {
  switch (s) {
    case enrollment_status::registered: return "registered";
    case enrollment_status::attended: return "attended";
    case enrollment_status::completed: return "completed";
    case enrollment_status::failed: return "failed";
    case enrollment_status::withdrawn: return "withdrawn";
  }
  return "registered";
}

std::optional<enrollment_status> parse_enrollment_status(std::string_view s) noexcept {
  for (auto v : {enrollment_status::registered, enrollment_status::attended, enrollment_status::completed,
                 enrollment_status::failed, enrollment_status::withdrawn})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

registry load_registry(const std::filesystem::path& path, const load_options& opt) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw io_error(path.string(), "no such file or folder");
  if (std::filesystem::is_directory(path, ec)) return read_registry_csv(path, opt);
  const auto text = detail::read_file(path);
  return detail::read_registry_json_impl(text, path.string(), opt);
}

void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write) {
  const auto tmp = detail::temporary_sibling(path);
  auto discard = [&] {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
  };
  std::error_code ec;
  try {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw io_error(path.string(), std::string("cannot write: ") + std::strerror(errno));
    write(out);
    out.close();
    if (!out) throw io_error(path.string(), "write failed (disk full?)");
    // A replaced file keeps its permissions (a registry readable by one group stays so).
    if (const auto old = std::filesystem::status(path, ec); !ec && std::filesystem::is_regular_file(old))
      std::filesystem::permissions(tmp, old.permissions(), ec);
    detail::sync_to_disk(tmp);
  } catch (...) {
    discard();
    throw;
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    discard();
    throw io_error(path.string(), "cannot replace: " + ec.message());
  }
  detail::sync_to_disk(path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path());
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  write_file_atomically(path, [&](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  });
}

void save_registry_json(const registry& reg, const std::filesystem::path& path) {
  write_file_atomically(path, [&](std::ostream& out) { write_registry_json(reg, out); });
}

void save_registry(const registry& reg, const std::filesystem::path& path, const csv_options& opt) {
  if (path.extension() == ".json") save_registry_json(reg, path);
  else save_registry_csv(reg, path, opt);
}

}  // namespace nangluc
