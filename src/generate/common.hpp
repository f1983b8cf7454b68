// Internal to the generators: the calendar constants are written with and the random numbers
// they draw, the same on every platform so that a seed always gives the same registry.
#pragma once

#include <nangluc/date.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace nangluc::detail {

/// Day number of a civil date (days since 1970-01-01), constexpr so dates can be constants.
constexpr day ymd(int y, int m, int d) {
  if (m <= 2) --y;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

inline int year_of(day d) { return static_cast<int>(to_date(d).year()); }

// splitmix64: tiny, fast and the same on every platform (std distributions are not).
class rng {
 public:
  explicit rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n), n < 2^32.
  std::uint32_t below(std::size_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }
  /// Uniform in [lo, hi].
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo) + 1));
  }
  bool chance(int permille) { return static_cast<int>(below(1000)) < permille; }
  template <class T>
  const T& pick(std::span<const T> s) { return s[below(s.size())]; }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }
  /// An index drawn with the given integer weights.
  std::size_t weighted(std::span<const int> w) {
    int total = 0;
    for (int x : w) total += x;
    int r = between(0, total - 1);
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (r < w[i]) return i;
      r -= w[i];
    }
    return w.size() - 1;
  }

 private:
  std::uint64_t state_;
};

}  // namespace nangluc::detail
