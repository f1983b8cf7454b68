// The languages of labels and reports.

#include <nangluc/error.hpp>
#include <nangluc/language.hpp>

namespace nangluc {

std::string_view to_string(language l) noexcept { return l == language::en ? "en" : "vi"; }

language parse_language(std::string_view code) {
  if (code == "vi") return language::vi;
  if (code == "en") return language::en;
  throw argument_error("unknown language '" + std::string(code) + "': use \"vi\" or \"en\"");
}

}  // namespace nangluc
