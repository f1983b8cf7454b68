// Internal to the generators: the one builder every generator writes its registry with — the
// calendar, the random numbers (the same on every platform, so a seed always gives the same
// registry), and the helpers that add units, persons, posts, qualifications, courses, sessions
// and enrollments. Each generator derives from `builder` and keeps only its own data and story.
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/registry.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nangluc::detail {

// ---- calendar ---------------------------------------------------------------------------------

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

/// The 2025 reorganisation: districts abolished, communes and provinces merged.
constexpr day last_old_day = ymd(2025, 6, 30);
constexpr day first_new_day = ymd(2025, 7, 1);
/// Professional titles of population public employees become career steps (bậc 1–5).
constexpr day career_steps_day = ymd(2026, 7, 1);

// ---- random numbers ---------------------------------------------------------------------------

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
  std::size_t weighted(std::span<const int> w);

 private:
  std::uint64_t state_;
};

// ---- names and ids ----------------------------------------------------------------------------

/// `prefix` then n in decimal, zero-padded to `width` digits ("P0000042").
std::string padded(std::size_t n, std::size_t width, std::string_view prefix = {});

/// The name lists of one ethnic group.
struct name_set {
  std::span<const std::string_view> surnames, male_middle, male_given, female_middle,
      female_given;
};

/// "Surname Middle Given"; an empty middle name is left out, and one ending in an apostrophe
/// (H') is joined to the given name.
std::string join_name(std::string_view surname, std::string_view middle, std::string_view given);

/// Commune kinds before the reorganisation, and their name prefix and `unit_kinds` code.
enum class commune_kind : std::uint8_t { xa, phuong, thi_tran };
std::string_view prefix_of(commune_kind k);
std::string_view code_of(commune_kind k);

// ---- the builder ------------------------------------------------------------------------------

/// A course of a generator's training history with what its sessions cost.
struct course_plan {
  course_ix ix;
  std::int64_t fixed_vnd;
  std::int64_t per_head_vnd;
  int days;
};

/// A person who may be offered a class: the post that makes them eligible on the day.
struct candidate {
  person_ix p;
  std::uint32_t post;
};

/// The professional title of a population public employee: the rank awarded, and the career
/// step it becomes from career_steps_day (who awards each).
struct title_terms {
  term rank, step;
  std::string rank_issuer, step_issuer;
};

/// The registry under construction in the `vn-population` profile, and the random stream.
class builder {
 public:
  builder(std::uint64_t seed, bool track_posts = true);

 protected:
  // ---- vocabulary ----
  [[nodiscard]] term t(std::string_view vocabulary, std::string_view code) const;
  /// The first of `codes` the vocabulary declares; none when it declares none of them.
  [[nodiscard]] term declared(std::string_view vocabulary,
                              std::initializer_list<std::string_view> codes) const;
  [[nodiscard]] std::vector<term> roles(std::span<const std::string_view> codes) const;
  [[nodiscard]] std::vector<term> roles(std::initializer_list<std::string_view> codes) const {
    return roles(std::span(codes.begin(), codes.size()));
  }
  [[nodiscard]] bool has_role(const assignment& a, std::string_view code) const;

  // ---- units and quotas ----
  unit_ix add_unit(std::string id, std::string name, term level, std::string_view kind,
                   day_range valid);
  unit_ix add_unit(std::string id, std::string name, std::string_view level, std::string_view kind,
                   day_range valid) {
    return add_unit(std::move(id), std::move(name), t(vocab::levels, level), kind, valid);
  }
  unit& at(unit_ix u) { return d_.units[u.value]; }
  void set_parent(unit_ix child, unit_ix parent);
  /// A village's parents: its old commune until last_old_day, then the commune it merged into.
  void set_parents_over_time(unit_ix village, unit_ix old_commune, unit_ix new_commune);
  void add_quota(unit_ix u, term category, std::vector<term> role_terms, term sector,
                 std::int64_t count, day_range when);
  void add_quota(unit_ix u, std::string_view category, std::initializer_list<std::string_view> r,
                 term sector, std::int64_t count, day_range when) {
    add_quota(u, category.empty() ? term{} : t(vocab::categories, category), roles(r), sector,
              count, when);
  }

  // ---- persons, posts and qualifications ----
  /// Adds a person; a citizen id (cccd) of `province_code` is drawn when one is given.
  person_ix add_person(std::string id, std::string name, bool female, day birth, term ethnicity,
                       std::string_view province_code = {});
  std::uint32_t add_post(person_ix p, unit_ix u, unit_ix employer, term category,
                         std::vector<term> role_terms, term sector, day from, day to);
  /// Adds a qualification, unless it is awarded after award_limit_.
  void add_qual(person_ix p, term kind, term code, term field, day awarded,
                day expires = day_max, std::string issuer = {});
  /// A title awarded on `awarded` to a person in post until `leaves`: the rank, closed and
  /// followed by the step on career_steps_day when still in post then.
  void add_title(person_ix p, const title_terms& title, day awarded, day leaves);
  /// Political theory, state management and (often) basic IT of a civil servant.
  struct extras_terms {
    day political_by, state_by;     // awarded at the latest on these days
    std::string political_issuer;   // the provincial school of politics
    int it_permille;
  };
  void add_civil_servant_extras(person_ix p, day start, bool leader, const extras_terms& e);
  /// The last day of the person's posts (posts tracked).
  [[nodiscard]] day last_day_in_post(person_ix p) const;

  // ---- courses, sessions and enrollments ----
  course_plan add_course(std::string id, std::string title, std::string_view kind,
                         std::initializer_list<std::string_view> topics, double hours,
                         std::string_view confers, std::int64_t fixed, std::int64_t per_head,
                         int days);
  /// A session with id `<session_prefix_>-<year>-<nnn>`, funded by the centre until 2020.
  session_ix add_session(const course_plan& c, day start, unit_ix organizer, std::string location,
                         std::int64_t capacity);
  [[nodiscard]] day end_of(session_ix s) const { return d_.sessions[s.value].when.to; }
  /// Sets the cost of a session from its enrolment, as the finance office would settle it.
  void settle(session_ix s, std::int64_t enrolled);
  void enroll(person_ix p, session_ix s, enrollment_status st,
              double score = std::numeric_limits<double>::quiet_NaN());
  /// Enrols one who applied: completes with probability `complete` (a score when `scored`),
  /// else withdraws or fails. Returns whether they completed.
  bool enroll_one(person_ix p, session_ix s, int complete, bool scored);

  /// Persons with a post on day `d` that `pred` accepts, in record order, each once, with
  /// the first such post.
  template <class Pred>
  std::vector<candidate> in_post(day d, Pred pred) {
    std::vector<candidate> out;
    ++stamp_;
    seen_.resize(d_.persons.size(), 0);
    for (std::uint32_t i = 0; i < d_.assignments.size(); ++i) {
      const auto& a = d_.assignments[i];
      if (!a.is_active_at(d) || !pred(a)) continue;
      if (seen_[a.person.value] == stamp_) continue;
      seen_[a.person.value] = stamp_;
      out.push_back({a.person, i});
    }
    return out;
  }

  /// Runs `f` with its own random stream, so tuning one strand of the history leaves the
  /// others as they were.
  template <class F>
  void strand(std::uint64_t seed, F f) {
    const rng saved = r_;
    r_ = rng(seed);
    f();
    r_ = saved;
  }

  /// The registry built: validated.
  registry finish() { return registry::from_data(std::move(d_)); }

  registry_data d_;
  rng r_;
  bool track_posts_;
  std::vector<std::vector<std::uint32_t>> posts_;  // assignment indexes by person, if tracked
  std::vector<course_plan> session_plan_;          // by session
  std::string session_prefix_;
  day award_limit_ = day_max;  // qualifications awarded later are not recorded

 private:
  std::vector<std::uint32_t> seen_;
  std::uint32_t stamp_ = 0;
  std::map<int, int> session_seq_;  // sessions so far by year, for ids
};

}  // namespace nangluc::detail
