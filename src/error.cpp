// Problems and the exceptions that carry them.

#include <nangluc/error.hpp>

#include "problems.hpp"

namespace nangluc {

std::string problem::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (!location.empty()) out += ":" + location;
  out += severity == severity::error ? ": error[" : ": warning[";
  out += code + "]: " + message;
  return out;
}

namespace {
std::string summary(const std::vector<problem>& ps) {
  std::size_t errors = 0;
  const problem* first = nullptr;
  for (const auto& p : ps)
    if (p.severity == severity::error && errors++ == 0) first = &p;
  if (!first) return "invalid input";
  std::string s = first->to_string();
  if (errors > 1) s += " (and " + std::to_string(errors - 1) + " more errors)";
  return s;
}
}  // namespace

validation_error::validation_error(std::vector<problem> problems)
    : error(summary(problems)), problems_(std::move(problems)) {}

namespace detail {

std::vector<problem> problem_list::take() {
  auto out = std::move(items_);
  if (errors_ > max_errors_)
    out.push_back({severity::error, "too_many_errors", "", "",
                   std::to_string(errors_ - max_errors_) + " more errors not shown"});
  items_.clear();
  return out;
}

void problem_list::throw_if_errors() {
  if (has_errors()) throw validation_error(take());
}

}  // namespace detail
}  // namespace nangluc
