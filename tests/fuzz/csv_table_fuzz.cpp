// Fuzz target: the CSV table reader (libcsv underneath). The first byte chooses where the
// input is cut in two, so that rows, quotes, the BOM and UTF-8 sequences split across feeds
// are exercised. Every cell handed over must be valid UTF-8 and every problem located.

#include "io/csv_table.hpp"
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

class checking_sink : public nangluc::detail::csv_row_sink {
 public:
  bool header(const nangluc::detail::csv_row& row) override {
    width_ = row.size();
    check(row);
    return true;
  }
  void row(const nangluc::detail::csv_row& row) override {
    if (row.size() != width_) nangluc::fuzz::fail("a row of another width than the header was handed over");
    check(row);
  }

 private:
  static void check(const nangluc::detail::csv_row& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row.line(i) < row.first_line()) nangluc::fuzz::fail("a cell starts before its row");
      if (!row.bad(i) && !valid_utf8(row.text(i))) nangluc::fuzz::fail("a cell is not valid UTF-8");
    }
  }
  std::size_t width_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t cut = data[0] % size;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  nangluc::detail::problem_list problems(50);
  checking_sink sink;
  nangluc::detail::csv_reader reader("fuzz.csv", problems, sink);
  reader.feed(text.substr(0, cut));
  reader.feed(text.substr(std::min(cut, text.size())));
  const bool well_formed = reader.finish();
  if (!well_formed && !problems.has_errors()) nangluc::fuzz::fail("malformed CSV without a problem");
  for (const auto& p : problems.items())
    if (p.code.empty() || p.location.empty()) nangluc::fuzz::fail("a CSV problem without code or location");
  return 0;
}
