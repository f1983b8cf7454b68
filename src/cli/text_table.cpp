// Plain-text tables: first column left-aligned, the others right-aligned (they hold numbers).

#include "cli/text_table.hpp"

#include <algorithm>

namespace nangluc::cli {

std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

void text_table::print(std::ostream& out) const {
  std::vector<std::size_t> width(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], display_width(row[i]));
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);
  std::size_t total = 0;
  for (auto w : width) total += w + 2;
  auto line = [&](const std::vector<std::string>& row) {
    std::string s;
    for (std::size_t i = 0; i < width.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      const std::string pad(width[i] - display_width(cell), ' ');
      if (i) s += "  ";
      s += i == 0 ? cell + pad : pad + cell;
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << '\n';
  };
  line(header_);
  out << std::string(total > 2 ? total - 2 : total, '-') << '\n';
  for (const auto& r : rows_) {
    if (r.empty()) out << std::string(total > 2 ? total - 2 : total, '-') << '\n';
    else line(r);
  }
}

}  // namespace nangluc::cli
