// The national workload's builder (national.cpp, national_tree.cpp, national_people.cpp, national_training.cpp).
#pragma once

#include "generate/national_data.hpp"
#include "generate/generate.hpp"

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

class national_builder : detail::builder {
 public:
  explicit national_builder(const national_options& o)
      : builder(0x6E616E676C756300ULL ^ (o.seed * 0x9E3779B97F4A7C15ULL), false), opt_(o) {}

  registry build();

 private:
  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::int16_t national_region = -1;
  static constexpr std::int16_t no_region = -2;

  void lookup_terms();

  // ---- the tree ------------------------------------------------------------------------------
  std::uint32_t add_unit(std::string id, std::string name, term level, std::string_view kind,
                         day_range valid, std::int16_t pre, std::int16_t post);
  void set_parent(std::uint32_t child, std::uint32_t parent) { builder::set_parent(unit_ix{child}, unit_ix{parent}); }

  std::string place_name();

  /// Splits `total` into `parts` positive shares drawn around the mean (each at least `min`).
  std::vector<std::size_t> split(std::size_t total, std::size_t parts, std::size_t min);

  void build_tree();

  /// The 63 old and 34 new provinces; an unchanged province is one unit throughout.
  void build_provinces();
  /// Districts, contiguous by old province.
  void build_districts();
  /// Old communes, contiguous by district.
  void build_old_communes(std::size_t old_communes);
  /// New communes, each a contiguous run of the old communes its new province absorbs.
  void build_new_communes(std::size_t old_communes, std::size_t new_communes);
  /// How many new communes each new province gets, proportional to the old ones it absorbs.
  std::vector<std::size_t> new_commune_shares(const std::vector<std::vector<std::uint32_t>>& absorbed,
                                              std::size_t old_communes, std::size_t new_communes);
  /// Villages, under their old commune until 2025-06-30 and under its successor after.
  void build_villages(std::size_t villages);

  // ---- persons and posts -----------------------------------------------------------------
  std::size_t pick_ethnic(std::uint32_t old_province);

  std::string person_name(std::size_t group, bool female);

  /// Start and end of a career: starts spread over 2000–2029, most lasting years; open when
  /// still in post after 2030.
  std::pair<day, day> career(day earliest = ymd(2000, 1, 1), day latest = ymd(2029, 12, 31));

  std::uint32_t random_village() { return static_cast<std::uint32_t>(r_.below(village_unit_.size())); }
  std::uint32_t random_old_commune() { return static_cast<std::uint32_t>(r_.below(old_commune_unit_.size())); }
  std::uint32_t random_new_commune() { return static_cast<std::uint32_t>(r_.below(new_commune_unit_.size())); }

  void push_post(std::uint32_t person, std::uint32_t u, std::uint32_t employer, term category,
                 std::initializer_list<term> roles, term sector, day from, day to);

  /// A commune post held over [from, to]: at an old commune until the merger, then at its
  /// successor; `seconded` officers are employed by their district until then.
  void commune_posts(std::uint32_t person, day from, day to, term category,
                     std::initializer_list<term> roles, term sector, bool seconded);

  void build_persons();

  /// Draws the posts of person `p` on track `tr`; returns the old province their name comes from.
  std::uint32_t place_person(std::uint32_t p, track tr);
  /// A population collaborator (`ctv`) or village health worker, possibly moving village once.
  std::uint32_t village_posts(std::uint32_t p, bool ctv);
  /// A commune population officer, some promoted to the district before the merger.
  std::uint32_t commune_officer_posts(std::uint32_t p);
  /// Province (followed across the 2025 merger) or national staff.
  std::uint32_t province_or_national_posts(std::uint32_t p, bool national);
  /// The person record of person `i`, drawn once their posts are known, and their qualifications.
  void add_person_record(std::size_t i, track tr, std::uint32_t home_province);

  std::uint32_t pre_region_of_village(std::uint32_t v) const {
    return static_cast<std::uint32_t>(pre_region_[village_unit_[v]]);
  }
  std::uint32_t home_of_last_post() const;

  /// A district post from `from`; when the districts go (2025-06-30) most staff move to the
  /// province that took over, some to a commune of the former district, some leave.
  void district_then_merger(std::uint32_t p, std::uint32_t di, day from, day to, bool provider);

  // ---- qualifications ------------------------------------------------------------------------
  /// Nothing is awarded after the person's last post or the end of the history (award_limit_).
  void add_qual(std::uint32_t p, term kind, term code, term field, day awarded, day expires = day_max) {
    builder::add_qual(person_ix{p}, kind, code, field, awarded, expires);
  }

  void add_qualifications(std::uint32_t p, track tr, day birth, day start);

  /// The highest education level (an index into q_.education), weighted by track.
  std::size_t education_level(track tr);
  /// The education record(s) of person `p`; returns their highest level.
  std::size_t add_education(std::uint32_t p, track tr, day birth, day start);
  /// Certificates of a collaborator (`ctv`) or a village health worker.
  void add_village_certificates(std::uint32_t p, bool ctv, day start, day tenure_cert);
  /// Certificates, titles and political/state/IT/language training of commune and higher staff.
  void add_staff_certificates(std::uint32_t p, track tr, std::size_t level, day start, day tenure_cert);

  /// A population public employee's professional title; from 2026-07-01 ranks become steps.
  void add_title(std::uint32_t p, bool university, day start);

  day last_post_end(std::uint32_t p) const;

  // ---- courses and sessions ---------------------------------------------------------------------
  void build_courses();

  void build_sessions();

  std::size_t region_slot(std::int16_t r) const {
    return r < 0 ? old_provinces.size() + new_provinces.size() : static_cast<std::size_t>(r);
  }

  // ---- enrolments ------------------------------------------------------------------------------
  void build_enrollments();

  /// Person `p`'s share of `target` enrolments (stochastically rounded), placed in sessions
  /// near random days of their posts; `spans` is scratch.
  void enroll_person(std::size_t p, std::int64_t total, std::size_t target, std::vector<std::int64_t>& spans);
  /// One attempt at an enrolment of person `p` (whose posts start at `first`, with cumulative
  /// days in post `spans`); false when no fitting new session was found.
  bool try_enroll(std::size_t p, std::size_t first, const std::vector<std::int64_t>& spans,
                  std::size_t mine_first, int attempt);
  /// The status (and for some, the score) of an enrolment.
  void draw_outcome(enrollment& en);
  /// Capacity and cost of each session, from who enrolled.
  void price_sessions();

  // ---- quotas -----------------------------------------------------------------------------------
  void build_quotas();

  void release_scratch();

  national_options opt_;

  // Terms used throughout.
  std::array<term, 5> lv_{};
  term dan_so_, y_te_, gia_dinh_, vhxh_;
  term cat_cong_chuc_, cat_vien_chuc_, cat_hop_dong_, cat_ctv_, cat_vhw_, cat_part_time_;
  term role_leader_, role_specialist_, role_commune_officer_, role_board_head_, role_provider_,
      role_trainer_, role_ctv_, role_family_, role_vhxh_;
  term qk_education_, qk_certificate_, qk_title_, qk_political_, qk_state_, qk_it_, qk_language_;
  std::array<term, 10> ethnic_terms_{};
  struct qualification_terms {
    std::array<term, 9> education;  // chua_qua_dao_tao … tien_si, in rank order
    term dan_so_y_te;
    std::array<term, 4> medical_fields;
    std::array<term, 6> other_fields;
    term so_cap_dan_so, dan_so_co_ban, dan_so_vien, dat_chuan;
    std::array<term, 3> ranks, steps;  // hạng II, III, IV and the steps they become
    term political_mid, political_high, state_clerk, state_specialist, it_basic, it_advanced;
    std::array<term, 3> language;
  } q_;

  // The tree, as indexes into d_.units.
  std::uint32_t root_ = 0;
  std::vector<std::uint32_t> old_province_unit_, new_province_unit_, old_to_new_;
  std::vector<std::uint32_t> district_unit_, district_province_;
  std::vector<std::uint32_t> old_commune_unit_, commune_district_, commune_successor_, district_first_commune_;
  std::vector<std::uint32_t> new_commune_unit_, new_commune_province_;
  std::vector<std::uint32_t> village_unit_, village_commune_, commune_first_village_;
  // Region of each unit before and after the reorganisation: the old or new province it lies
  // in (new provinces numbered after the 63 old ones); -1 national, -2 not valid then.
  std::vector<std::int16_t> pre_region_, post_region_;

  // Scratch for persons and training.
  std::vector<std::uint32_t> first_post_;  // assignments of person p: [first_post_[p], first_post_[p+1])
  std::vector<day> course_days_;
  std::vector<std::int16_t> session_region_;
  std::vector<std::uint32_t> region_first_, region_sessions_;
  std::vector<day> session_ends_;
};

}  // namespace nangluc::detail::national
