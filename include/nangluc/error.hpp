// Errors and problems: what went wrong, where, under which stable code.
// Loading reports every problem it finds; a failed load throws validation_error carrying them.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace nangluc {

enum class severity { error, warning };

/// One finding about an input: `registry.json:/assignments/3/start: error[bad_date]: …`.
/// `code` is stable (documented in docs/errors.md); `location` is a JSON pointer, or
/// `line:column` for CSV tables and JSON syntax errors.
struct problem {
  nangluc::severity severity = severity::error;
  std::string code;
  std::string file;
  std::string location;
  std::string message;

  /// The one-line form the command line prints: `FILE:LOCATION: error[CODE]: MESSAGE`.
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const problem&, const problem&) = default;
};

/// Base of every exception nangluc throws.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A file could not be read or written at all (missing, unreadable, not a folder…).
/// what() reads `PATH: error[io_error]: MESSAGE`, like every other problem.
class io_error : public error {
 public:
  io_error(const std::string& path, const std::string& message)
      : error(path + ": error[io_error]: " + message), path_(path) {}
  [[nodiscard]] const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

/// A value passed through the API is malformed (a bad date string, an unknown profile…).
class argument_error : public error {
 public:
  using error::error;
};

/// Input failed validation; nothing was loaded. Carries every problem found (warnings too).
class validation_error : public error {
 public:
  explicit validation_error(std::vector<problem> problems);
  [[nodiscard]] const std::vector<problem>& problems() const noexcept { return problems_; }

 private:
  std::vector<problem> problems_;
};

}  // namespace nangluc
