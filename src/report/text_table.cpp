// The plain-text table of the report and the structure table.

#include "report/text_table.hpp"

#include <algorithm>

namespace nangluc::detail {

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

text_table::text_table(std::vector<std::string> header, std::vector<align> aligns)
    : header_(std::move(header)), align_(std::move(aligns)) {
  if (align_.empty())
    for (std::size_t i = 0; i < header_.size(); ++i) align_.push_back(i == 0 ? align::left : align::right);
}

void text_table::print(std::ostream& out, std::string_view indent) const {
  std::vector<std::size_t> width(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], display_width(row[i]));
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);
  std::size_t total = 0;
  for (auto w : width) total += w + 2;
  const std::string rule = std::string(indent) + std::string(total > 2 ? total - 2 : total, '-') + '\n';
  std::string s;
  auto line = [&](const std::vector<std::string>& row) {
    std::string l(indent);
    for (std::size_t i = 0; i < width.size(); ++i) {
      const std::string_view cell = i < row.size() ? std::string_view(row[i]) : std::string_view();
      const std::string pad(width[i] - display_width(cell), ' ');
      if (i) l += "  ";
      if (align_[i] == align::left) l.append(cell).append(pad);
      else l.append(pad).append(cell);
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    s += l;
    s += '\n';
  };
  line(header_);
  s += rule;
  for (const auto& r : rows_) {
    if (r.empty()) s += rule;
    else line(r);
  }
  out << s;
}

}  // namespace nangluc::detail
