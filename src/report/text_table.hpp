// Internal: the one plain-text table of nangluc's terminal output (the evaluation report and the
// structure table), aligned by displayed characters — Vietnamese letters are one UTF-8 code point
// each once in NFC.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace nangluc::detail {

enum class align { left, right };

class text_table {
 public:
  /// `aligns`: one per column; by default the first column left, the others right (numbers).
  explicit text_table(std::vector<std::string> header, std::vector<align> aligns = {});
  void add_row(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  /// A line of dashes across the table.
  void add_rule() { rows_.emplace_back(); }
  /// The header, a rule, then the rows, each line led by `indent`; trailing spaces dropped.
  void print(std::ostream& out, std::string_view indent = "") const;

 private:
  std::vector<std::string> header_;
  std::vector<align> align_;
  std::vector<std::vector<std::string>> rows_;
};

/// Displayed width of UTF-8 text: one per code point.
[[nodiscard]] std::size_t display_width(std::string_view s);

}  // namespace nangluc::detail
