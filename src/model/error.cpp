// Problems and the exceptions that carry them.

#include <nangluc/error.hpp>

#include "model/problems.hpp"

namespace nangluc {

namespace {
// Control characters from the input (a newline in a key, an escape sequence) would break the
// one-line-per-problem form or drive the terminal: they are written as \n, \t, \xHH.
void append_printable(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
}
}  // namespace

std::string problem::to_string() const {
  std::string out;
  append_printable(out, file.empty() ? std::string_view("<input>") : std::string_view(file));
  if (!location.empty()) {
    out += ':';
    append_printable(out, location);
  }
  out += severity == severity::error ? ": error[" : ": warning[";
  out += code + "]: ";
  append_printable(out, message);
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
    out.push_back({severity::error, "too_many_errors", out.empty() ? std::string() : out.back().file, "",
                   std::to_string(errors_ - max_errors_) + " more errors not shown"});
  if (warnings_ > max_errors_)
    out.push_back({severity::warning, "too_many_warnings", out.empty() ? std::string() : out.back().file, "",
                   std::to_string(warnings_ - max_errors_) + " more warnings not shown"});
  items_.clear();
  return out;
}

void problem_list::throw_if_errors() {
  if (has_errors()) throw validation_error(take());
}

}  // namespace detail
}  // namespace nangluc
