// Internal: collecting problems while reading and validating, up to a limit.
#pragma once

#include <nangluc/error.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace nangluc::detail {

/// The problems found so far. Past `max_errors` errors, further errors are counted, not kept.
class problem_list {
 public:
  explicit problem_list(std::size_t max_errors = 1000) : max_errors_(max_errors) {}

  void error(std::string code, std::string file, std::string location, std::string message) {
    ++errors_;
    if (errors_ <= max_errors_)
      items_.push_back({severity::error, std::move(code), std::move(file), std::move(location),
                        std::move(message)});
  }
  void warning(std::string code, std::string file, std::string location, std::string message) {
    if (warnings_++ < max_errors_)
      items_.push_back({severity::warning, std::move(code), std::move(file), std::move(location),
                        std::move(message)});
  }
  void add(problem p) {
    if (p.severity == severity::error)
      error(std::move(p.code), std::move(p.file), std::move(p.location), std::move(p.message));
    else
      warning(std::move(p.code), std::move(p.file), std::move(p.location), std::move(p.message));
  }
  [[nodiscard]] std::size_t errors() const noexcept { return errors_; }
  [[nodiscard]] bool has_errors() const noexcept { return errors_ > 0; }
  /// Whether more errors would only be counted (readers may stop early then).
  [[nodiscard]] bool full() const noexcept { return errors_ >= max_errors_; }
  [[nodiscard]] const std::vector<problem>& items() const noexcept { return items_; }
  /// The problems, with a closing `too_many_errors` entry when some were cut.
  [[nodiscard]] std::vector<problem> take();
  /// Throws validation_error with every problem if any error was found.
  void throw_if_errors();

 private:
  std::size_t max_errors_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  std::vector<problem> items_;
};

}  // namespace nangluc::detail
