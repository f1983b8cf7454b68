// The languages of labels, reports and workbooks: Vietnamese, the users' own, and English.
#pragma once

#include <string>
#include <string_view>

namespace nangluc {

enum class language { vi, en };

/// "vi" or "en".
[[nodiscard]] std::string_view to_string(language l) noexcept;
/// The language of a code ("vi" or "en"); any other text is an argument_error that names it.
[[nodiscard]] language parse_language(std::string_view code);

/// Of two texts, the one in `l`, falling back to the other when it is empty.
[[nodiscard]] inline const std::string& in_language(language l, const std::string& vi, const std::string& en) {
  if (l == language::en) return en.empty() ? vi : en;
  return vi.empty() ? en : vi;
}

}  // namespace nangluc
