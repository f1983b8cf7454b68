// Internal to the CLI: a plain-text table for terminals, aligned by displayed characters
// (Vietnamese letters are one UTF-8 code point each once in NFC).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace nangluc::cli {

class text_table {
 public:
  explicit text_table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add_row(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  /// A line of dashes across the table.
  void add_rule() { rows_.emplace_back(); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

/// Displayed width of UTF-8 text: one per code point.
[[nodiscard]] std::size_t display_width(const std::string& s);

}  // namespace nangluc::cli
