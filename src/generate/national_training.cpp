// The national workload: courses, sessions by region and the enrolments of each person.
#include "generate/national.hpp"

#include <algorithm>
#include <array>
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

namespace nangluc::detail::national {

void national_builder::build_courses() {
  const std::size_t count = 500;
  d_.courses.reserve(count);
  const auto& topics = d_.vocabularies.at(vocab::topics);
  static constexpr std::string_view kind_codes[] = {"tap_huan", "boi_duong", "dao_tao"};
  static constexpr std::string_view kind_titles[] = {"Tập huấn", "Bồi dưỡng", "Đào tạo"};
  // Courses that confer a certificate: (code, how many courses, valid for years or 0).
  struct conferring {
    std::string_view code;
    std::size_t courses;
    int years;
  };
  static constexpr conferring confer[] = {{"bd_dan_so_vien", 6, 0},
                                          {"chuan_cdnn_dan_so", 6, 0},
                                          {"bd_dan_so_co_ban", 8, 5},
                                          {"bd_quan_ly_dan_so_phat_trien", 5, 0},
                                          {"so_cap_dan_so_khhgd", 3, 0},
                                          {"dat_chuan_vien_chuc_dan_so", 3, 0}};
  std::size_t ci = 0;
  std::size_t left_in_group = confer[0].courses;
  for (std::size_t i = 0; i < count; ++i) {
    course c;
    c.id = padded(i + 1, 4, "K");
    const std::size_t kind = r_.weighted(std::array<int, 3>{55, 37, 8});
    c.kind = t(vocab::training_kinds, kind_codes[kind]);
    const std::size_t main_topic = r_.below(topics.size());
    c.topics.push_back(term{static_cast<std::uint32_t>(main_topic)});
    if (r_.chance(350)) {
      const std::size_t extra = r_.below(topics.size());
      if (extra != main_topic) c.topics.push_back(term{static_cast<std::uint32_t>(extra)});
    }
    c.title = std::string(kind_titles[kind]) + " " + topics.entries()[main_topic].vi;
    c.title += " (" + std::to_string(i + 1) + ")";
    c.hours = kind == 0 ? r_.between(1, 5) * 8 : kind == 1 ? r_.between(5, 30) * 8 : r_.between(40, 80) * 8;
    if (ci < std::size(confer)) {
      const auto& cf = confer[ci];
      conferral f;
      f.kind = qk_certificate_;
      f.code = t("certificate", cf.code);
      if (cf.years > 0) f.valid_for = period{cf.years, 0, 0};
      c.confers = f;
      if (cf.code == "so_cap_dan_so_khhgd") {
        c.kind = t(vocab::training_kinds, "dao_tao");
        c.hours = 440;
      }
      if (--left_in_group == 0 && ++ci < std::size(confer)) left_in_group = confer[ci].courses;
    }
    course_days_.push_back(static_cast<day>(std::max(1.0, *c.hours / 8.0)));
    d_.courses.push_back(std::move(c));
  }
}

void national_builder::build_sessions() {
  const std::size_t count = std::max<std::size_t>(scaled(200'000, opt_.persons, 0), 200);
  d_.sessions.reserve(count);
  session_region_.reserve(count);
  const auto& funding = d_.vocabularies.at(vocab::funding_sources);
  const term central = funding.at("ngan_sach_trung_uong");
  const term local = funding.at("ngan_sach_dia_phuong");
  const term aid = funding.at("vien_tro");
  for (std::size_t i = 0; i < count; ++i) {
    // Most classes are short workshops; long courses are rarer.
    const auto ci = static_cast<std::uint32_t>(r_.below(d_.courses.size()));
    const day days = std::min<day>(course_days_[ci], 120);
    day start = static_cast<day>(r_.between(history_from, history_to - days + 1));
    day end = start + days - 1;
    if (start <= last_old_day && end > last_old_day) {  // no class across the reorganisation
      end = last_old_day;
      start = end - days + 1;
    }
    std::uint32_t organizer;
    const int roll = r_.between(0, 999);
    if (roll < 5) {
      organizer = root_;
    } else if (start <= last_old_day) {
      organizer = roll < 180 ? old_province_unit_[r_.below(old_province_unit_.size())]
                  : roll < 620 ? district_unit_[r_.below(district_unit_.size())]
                               : old_commune_unit_[random_old_commune()];
    } else {
      organizer = roll < 300 ? new_province_unit_[r_.below(new_province_unit_.size())]
                             : new_commune_unit_[random_new_commune()];
    }
    session s;
    s.id = padded(i + 1, 7, "S");
    s.course = course_ix{ci};
    s.when = {start, end};
    s.organizer = unit_ix{organizer};
    s.funding = organizer == root_ || r_.chance(150) ? central : r_.chance(40) ? aid : local;
    if (r_.chance(50)) {
      s.attendance.push_back({r_.chance(500) ? cat_ctv_ : cat_vhw_, sex::unknown, r_.between(5, 40), {}});
    }
    d_.sessions.push_back(std::move(s));
    session_region_.push_back(start <= last_old_day ? pre_region_[organizer] : post_region_[organizer]);
  }
  // Sessions of each region (and the national ones) sorted by end day, for enrolment.
  const std::size_t regions = old_provinces.size() + new_provinces.size() + 1;
  region_first_.assign(regions + 1, 0);
  for (std::int16_t r : session_region_) ++region_first_[region_slot(r) + 1];
  for (std::size_t k = 0; k < regions; ++k) region_first_[k + 1] += region_first_[k];
  region_sessions_.resize(d_.sessions.size());
  std::vector<std::uint32_t> next(region_first_.begin(), region_first_.end() - 1);
  for (std::uint32_t s = 0; s < d_.sessions.size(); ++s)
    region_sessions_[next[region_slot(session_region_[s])]++] = s;
  for (std::size_t k = 0; k < regions; ++k)
    std::sort(region_sessions_.begin() + region_first_[k], region_sessions_.begin() + region_first_[k + 1],
              [&](std::uint32_t a, std::uint32_t b) {
                const day ea = d_.sessions[a].when.to, eb = d_.sessions[b].when.to;
                return ea != eb ? ea < eb : a < b;
              });
  // Last, every session: where a small workload leaves a region without a class in time.
  std::vector<std::uint32_t> all(d_.sessions.size());
  for (std::uint32_t s = 0; s < all.size(); ++s) all[s] = s;
  std::sort(all.begin(), all.end(), [&](std::uint32_t a, std::uint32_t b) {
    const day ea = d_.sessions[a].when.to, eb = d_.sessions[b].when.to;
    return ea != eb ? ea < eb : a < b;
  });
  region_sessions_.insert(region_sessions_.end(), all.begin(), all.end());
  region_first_.push_back(static_cast<std::uint32_t>(region_sessions_.size()));
  session_ends_.resize(region_sessions_.size());
  for (std::size_t k = 0; k < region_sessions_.size(); ++k)
    session_ends_[k] = d_.sessions[region_sessions_[k]].when.to;
}

namespace {

/// Days of an assignment within the training period.
std::int64_t days_in_history(const assignment& a) {
  const day lo = std::max(a.when.from, history_from);
  const day hi = std::min(a.when.to, history_to);
  return hi >= lo ? static_cast<std::int64_t>(hi - lo) + 1 : 0;
}

}  // namespace

void national_builder::build_enrollments() {
  const std::size_t n = d_.persons.size();
  // Days in post within the training period, to spread ~10 enrolments per person over time.
  std::int64_t total = 0;
  for (const auto& a : d_.assignments) total += days_in_history(a);
  const std::size_t target = 10 * n;
  d_.enrollments.reserve(target + target / 20 + 16);
  std::vector<std::int64_t> spans;
  for (std::size_t p = 0; p < n; ++p) enroll_person(p, total, target, spans);
  price_sessions();
}

void national_builder::enroll_person(std::size_t p, std::int64_t total, std::size_t target,
                                     std::vector<std::int64_t>& spans) {
  const std::size_t first = first_post_[p], last = first_post_[p + 1];
  spans.clear();
  std::int64_t mine = 0;
  for (std::size_t a = first; a < last; ++a) {
    mine += days_in_history(d_.assignments[a]);
    spans.push_back(mine);
  }
  if (mine == 0) return;
  // Stochastic rounding of the person's share keeps the total near 10 per person.
  const auto want_scaled = static_cast<unsigned long long>(mine) * target;
  auto k = static_cast<std::size_t>(want_scaled / static_cast<unsigned long long>(total));
  const auto frac = want_scaled % static_cast<unsigned long long>(total);
  if (static_cast<unsigned long long>(r_.next() % static_cast<std::uint64_t>(total)) < frac) ++k;
  const std::size_t mine_first = d_.enrollments.size();
  for (std::size_t e = 0; e < k; ++e)
    for (int attempt = 0; attempt < 8; ++attempt)
      if (try_enroll(p, first, spans, mine_first, attempt)) break;
}

bool national_builder::try_enroll(std::size_t p, std::size_t first, const std::vector<std::int64_t>& spans,
                                  std::size_t mine_first, int attempt) {
  const std::size_t regions = old_provinces.size() + new_provinces.size();
  const std::int64_t mine = spans.back();
  // A day in post, and the post held then.
  const auto pos = static_cast<std::int64_t>(r_.next() % static_cast<std::uint64_t>(mine));
  const std::size_t which = static_cast<std::size_t>(
      std::upper_bound(spans.begin(), spans.end(), pos) - spans.begin());
  const assignment& a = d_.assignments[first + which];
  const day lo = std::max(a.when.from, history_from);
  const std::int64_t before = which == 0 ? 0 : spans[which - 1];
  const day when = lo + static_cast<day>(pos - before);
  std::int16_t region = when <= last_old_day ? pre_region_[a.unit.value] : post_region_[a.unit.value];
  if (r_.chance(30)) region = national_region;  // national courses
  std::size_t slot = attempt < 4 ? region_slot(region) : regions + 1;
  if (region_first_[slot] == region_first_[slot + 1]) slot = regions;
  const std::uint32_t b = region_first_[slot], f = region_first_[slot + 1];
  if (b == f) return false;
  // A class ending on or soon after that day, within the post.
  auto it = std::lower_bound(session_ends_.begin() + b, session_ends_.begin() + f, when);
  auto idx = static_cast<std::uint32_t>(it - session_ends_.begin());
  idx = std::min(idx + r_.below(4), f - 1);
  if (session_ends_[idx] > a.when.to || session_ends_[idx] < a.when.from) {
    if (idx > b && session_ends_[idx - 1] >= a.when.from && session_ends_[idx - 1] <= a.when.to) --idx;
    else return false;
  }
  const std::uint32_t s = region_sessions_[idx];
  for (std::size_t q = mine_first; q < d_.enrollments.size(); ++q)
    if (d_.enrollments[q].session.value == s) return false;
  enrollment en;
  en.person = person_ix{static_cast<std::uint32_t>(p)};
  en.session = session_ix{s};
  draw_outcome(en);
  d_.enrollments.push_back(en);
  return true;
}

void national_builder::draw_outcome(enrollment& en) {
  const int roll = r_.between(0, 999);
  en.status = roll < 860 ? enrollment_status::completed
              : roll < 910 ? enrollment_status::withdrawn
              : roll < 940 ? enrollment_status::failed
              : roll < 975 ? enrollment_status::attended
                           : enrollment_status::registered;
  if (en.status == enrollment_status::completed && r_.chance(200))
    en.score = static_cast<double>(r_.between(50, 100)) / 10.0;
}

void national_builder::price_sessions() {
  // Capacity and cost follow from who enrolled.
  std::vector<std::uint32_t> enrolled(d_.sessions.size(), 0);
  for (const auto& e : d_.enrollments) ++enrolled[e.session.value];
  for (std::size_t s = 0; s < d_.sessions.size(); ++s) {
    auto& rec = d_.sessions[s];
    const std::int64_t people = enrolled[s] + (rec.attendance.empty() ? 0 : rec.attendance.front().count);
    rec.capacity = std::max<std::int64_t>(20, (people + 9) / 10 * 10 + 10);
    const std::int64_t days = static_cast<std::int64_t>(rec.when.to - rec.when.from) + 1;
    rec.cost_vnd = 2'000'000 + days * (1'500'000 + 120'000 * people);
  }
}

}  // namespace nangluc::detail::national
