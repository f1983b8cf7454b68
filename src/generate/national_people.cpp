// The national workload: persons by career track, their posts and their qualifications.
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

std::size_t national_builder::pick_ethnic(std::uint32_t old_province) {
  switch (region_of(old_provinces[old_province].code)) {
    case region_kind::north_mountain: return r_.weighted(mix_north);
    case region_kind::central_highlands: return r_.weighted(mix_highlands);
    case region_kind::mekong: return r_.weighted(mix_mekong);
    case region_kind::other: break;
  }
  return r_.weighted(mix_other);
}

std::string national_builder::person_name(std::size_t group, bool female) {
  const name_set& n = ethnic_groups[group].names;
  const std::string_view surname = r_.pick(n.surnames);
  const std::string_view middle = r_.pick(female ? n.female_middle : n.male_middle);
  return detail::join_name(surname, middle, r_.pick(female ? n.female_given : n.male_given));
}

std::pair<day, day> national_builder::career(day earliest, day latest) {
  day start;
  if (r_.chance(380))
    start = static_cast<day>(r_.between(std::max(earliest, ymd(2000, 1, 1)), std::min(latest, history_from - 1)));
  else
    start = static_cast<day>(r_.between(std::max(earliest, history_from), latest));
  if (start > latest) start = latest;
  day end = start + static_cast<day>(r_.between(year_days, 22 * year_days));
  if (end < history_from + 180) end = history_from + static_cast<day>(r_.between(180, 4 * year_days));
  if (end > history_to) end = day_max;
  return {start, end};
}

void national_builder::push_post(std::uint32_t person, std::uint32_t u, std::uint32_t employer,
                                 term category, std::initializer_list<term> roles, term sector,
                                 day from, day to) {
  add_post(person_ix{person}, unit_ix{u}, employer != none ? unit_ix{employer} : unit_ix{}, category,
           std::vector<term>(roles), sector, from, to);
}

void national_builder::commune_posts(std::uint32_t person, day from, day to, term category,
                                     std::initializer_list<term> roles, term sector,
                                     bool seconded) {
  if (from > last_old_day) {
    push_post(person, new_commune_unit_[random_new_commune()], none, category, roles, sector, from, to);
    return;
  }
  const std::uint32_t c = random_old_commune();
  const std::uint32_t employer = seconded ? district_unit_[commune_district_[c]] : none;
  push_post(person, old_commune_unit_[c], employer, category, roles, sector, from, std::min(to, last_old_day));
  if (to > last_old_day)
    push_post(person, new_commune_unit_[commune_successor_[c]], none, category, roles, sector,
              first_new_day, to);
}

void national_builder::build_persons() {
  const std::size_t n = opt_.persons;
  d_.persons.reserve(n);
  d_.assignments.reserve(n + n / 4 + 16);
  d_.qualifications.reserve(3 * n + n / 4 + 16);
  first_post_.reserve(n + 1);

  const std::span<const int> weights(track_weights);
  for (std::size_t i = 0; i < n; ++i) {
    const auto p = static_cast<std::uint32_t>(i);
    first_post_.push_back(static_cast<std::uint32_t>(d_.assignments.size()));
    const auto tr = static_cast<track>(r_.weighted(weights));
    const std::uint32_t home_province = place_person(p, tr);
    add_person_record(i, tr, home_province);
  }
  first_post_.push_back(static_cast<std::uint32_t>(d_.assignments.size()));
}

std::uint32_t national_builder::place_person(std::uint32_t p, track tr) {
  switch (tr) {
    case track::collaborator:
    case track::village_health:
      return village_posts(p, tr == track::collaborator);
    case track::commune_officer:
      return commune_officer_posts(p);
    case track::commune_provider: {
      const auto [from, to] = career();
      if (r_.chance(80))
        commune_posts(p, from, to, cat_vien_chuc_, {role_provider_, role_leader_}, y_te_, false);
      else
        commune_posts(p, from, to, cat_vien_chuc_, {role_provider_}, y_te_, false);
      return home_of_last_post();
    }
    case track::commune_social: {
      const auto [from, to] = career();
      if (r_.chance(500))
        commune_posts(p, from, to, cat_cong_chuc_, {role_vhxh_}, vhxh_, false);
      else
        commune_posts(p, from, to, cat_cong_chuc_, {role_family_}, gia_dinh_, false);
      return home_of_last_post();
    }
    case track::commune_head: {
      const auto [from, to] = career();
      commune_posts(p, from, to, cat_part_time_, {role_board_head_}, dan_so_, false);
      return home_of_last_post();
    }
    case track::district_staff: {
      const auto [from, to] = career(ymd(2000, 1, 1), ymd(2025, 3, 31));
      const auto di = static_cast<std::uint32_t>(r_.below(district_unit_.size()));
      district_then_merger(p, di, from, to, r_.chance(300));
      return district_province_[di];
    }
    case track::province_staff:
    case track::national_staff:
      return province_or_national_posts(p, tr == track::national_staff);
  }
  return 0;
}

std::uint32_t national_builder::village_posts(std::uint32_t p, bool ctv) {
  const auto [from, to] = career();
  const std::uint32_t v = random_village();
  const std::uint32_t home_province = pre_region_of_village(v);
  // A few move to another village of the same commune mid-career.
  day move = day_max;
  if (r_.chance(30) && (to == day_max || to - from > 3 * year_days))
    move = from + static_cast<day>(r_.between(year_days, 3 * year_days));
  const std::uint32_t c = village_commune_[v];
  const std::uint32_t first_v = commune_first_village_[c];
  const std::uint32_t count = commune_first_village_[c + 1] - first_v;
  std::uint32_t v2 = first_v + r_.below(count);
  if (v2 == v) move = day_max;
  // Many collaborators are also the village health worker.
  const bool dual = ctv && r_.chance(200);
  auto hold = [&](std::uint32_t village, day a, day b) {
    if (ctv) push_post(p, village_unit_[village], none, cat_ctv_, {role_ctv_}, dan_so_, a, b);
    if (!ctv || dual) push_post(p, village_unit_[village], none, cat_vhw_, {}, y_te_, a, b);
  };
  if (move == day_max) {
    hold(v, from, to);
  } else {
    hold(v, from, move - 1);
    hold(v2, move, to);
  }
  return home_province;
}

std::uint32_t national_builder::commune_officer_posts(std::uint32_t p) {
  const auto [from, to] = career();
  // Some are promoted to the district before the merger.
  if (from < ymd(2023, 1, 1) && (to == day_max || to > from + 6 * year_days) && r_.chance(50)) {
    const day move = from + static_cast<day>(r_.between(3 * year_days, 6 * year_days));
    if (move <= ymd(2024, 12, 31)) {
      const std::uint32_t c = random_old_commune();
      const std::uint32_t di = commune_district_[c];
      push_post(p, old_commune_unit_[c], district_unit_[di], cat_vien_chuc_, {role_commune_officer_},
                dan_so_, from, move - 1);
      district_then_merger(p, di, move, to, false);
      return district_province_[di];
    }
  }
  commune_posts(p, from, to, cat_vien_chuc_, {role_commune_officer_}, dan_so_, true);
  return home_of_last_post();
}

std::uint32_t national_builder::province_or_national_posts(std::uint32_t p, bool national) {
  const auto [from, to] = career();
  const term category = r_.chance(900) ? cat_cong_chuc_ : cat_hop_dong_;
  const bool leader = category == cat_cong_chuc_ && r_.chance(100);
  const bool trainer = category == cat_cong_chuc_ && r_.chance(150);
  auto roles_for = [&](std::uint32_t at, day a, day b) {
    if (leader && trainer) push_post(p, at, none, category, {role_leader_, role_trainer_}, dan_so_, a, b);
    else if (leader) push_post(p, at, none, category, {role_leader_}, dan_so_, a, b);
    else if (trainer) push_post(p, at, none, category, {role_specialist_, role_trainer_}, dan_so_, a, b);
    else if (category == cat_hop_dong_) push_post(p, at, none, category, {}, dan_so_, a, b);
    else push_post(p, at, none, category, {role_specialist_}, dan_so_, a, b);
  };
  if (national) {
    roles_for(root_, from, to);
    return 0;
  }
  const auto op = static_cast<std::uint32_t>(r_.below(old_provinces.size()));
  const std::uint32_t np = old_to_new_[op];
  const std::uint32_t old_u = old_province_unit_[op];
  const std::uint32_t new_u = new_province_unit_[np];
  if (old_u == new_u || from > last_old_day) {
    roles_for(from > last_old_day ? new_u : old_u, from, to);
  } else {
    roles_for(old_u, from, std::min(to, last_old_day));
    if (to > last_old_day) roles_for(new_u, first_new_day, to);
  }
  return op;
}

void national_builder::add_person_record(std::size_t i, track tr, std::uint32_t home_province) {
  const auto p = static_cast<std::uint32_t>(i);
  const bool female = r_.chance(tr == track::commune_provider ? 780 : tr == track::collaborator ? 620 : 520);
  const day first_start = d_.assignments[first_post_.back()].when.from;
  const int min_age = tr == track::collaborator || tr == track::village_health ? 19 : 21;
  const day birth = first_start - static_cast<day>(r_.between(min_age * year_days, 42 * year_days));
  const std::size_t group = pick_ethnic(home_province);
  std::string name = person_name(group, female);
  add_person(padded(i + 1, 7, "P"), std::move(name), female, birth, ethnic_terms_[group]);
  add_qualifications(p, tr, birth, first_start);
}

std::uint32_t national_builder::home_of_last_post() const {
  const std::int16_t r = pre_region_[d_.assignments.back().unit.value];
  if (r >= 0 && static_cast<std::size_t>(r) < old_provinces.size()) return static_cast<std::uint32_t>(r);
  // A post only after the merger: any predecessor of the new province will do for names.
  const std::int16_t q = post_region_[d_.assignments.back().unit.value];
  const std::size_t j = static_cast<std::size_t>(q) - old_provinces.size();
  for (std::size_t i = 0; i < old_provinces.size(); ++i)
    if (old_to_new_[i] == j) return static_cast<std::uint32_t>(i);
  return 0;
}

void national_builder::district_then_merger(std::uint32_t p, std::uint32_t di, day from, day to,
                                            bool provider) {
  const std::uint32_t du = district_unit_[di];
  const term sector = provider ? y_te_ : dan_so_;
  const term category = r_.chance(880) ? cat_vien_chuc_ : cat_hop_dong_;
  const bool leader = !provider && category == cat_vien_chuc_ && r_.chance(110);
  const bool trainer = !provider && category == cat_vien_chuc_ && r_.chance(150);
  auto post = [&](std::uint32_t at, day a, day b, bool keep_leader) {
    if (provider) push_post(p, at, none, category, {role_provider_}, sector, a, b);
    else if (leader && keep_leader) push_post(p, at, none, category, {role_leader_, role_specialist_}, sector, a, b);
    else if (trainer) push_post(p, at, none, category, {role_specialist_, role_trainer_}, sector, a, b);
    else if (category == cat_hop_dong_) push_post(p, at, none, category, {}, sector, a, b);
    else push_post(p, at, none, category, {role_specialist_}, sector, a, b);
  };
  post(du, from, std::min(to, last_old_day), true);
  if (to <= last_old_day) return;
  const int roll = r_.between(0, 99);
  if (roll < 10) return;  // left with the reorganisation
  if (roll < 70) {
    post(new_province_unit_[old_to_new_[district_province_[di]]], first_new_day, to, false);
  } else {
    const std::uint32_t first = district_first_commune_[di];
    const std::uint32_t c = first + r_.below(district_first_commune_[di + 1] - first);
    post(new_commune_unit_[commune_successor_[c]], first_new_day, to, false);
  }
}

void national_builder::add_qualifications(std::uint32_t p, track tr, day birth, day start) {
  award_limit_ = std::min(last_post_end(p), history_to);
  const std::size_t level = add_education(p, tr, birth, start);
  const day tenure_cert = start + static_cast<day>(r_.between(-700, 5 * year_days));
  switch (tr) {
    case track::collaborator:
    case track::village_health:
      add_village_certificates(p, tr == track::collaborator, start, tenure_cert);
      break;
    default:
      add_staff_certificates(p, tr, level, start, tenure_cert);
      break;
  }
}

std::size_t national_builder::education_level(track tr) {
  // Highest education, weighted by track (levels in the order of q_.education).
  std::array<int, 9> w{};
  switch (tr) {
    case track::collaborator: w = {20, 600, 150, 200, 30, 0, 0, 0, 0}; break;
    case track::village_health: w = {10, 350, 250, 370, 20, 0, 0, 0, 0}; break;
    case track::commune_officer: w = {0, 10, 50, 550, 150, 240, 0, 0, 0}; break;
    case track::commune_provider: w = {0, 0, 0, 450, 250, 250, 0, 50, 0}; break;
    case track::commune_social: w = {0, 0, 0, 150, 200, 640, 10, 0, 0}; break;
    case track::commune_head: w = {0, 200, 100, 400, 100, 200, 0, 0, 0}; break;
    case track::district_staff: w = {0, 0, 0, 250, 150, 550, 50, 0, 0}; break;
    case track::province_staff: w = {0, 0, 0, 50, 30, 700, 200, 0, 20}; break;
    case track::national_staff: w = {0, 0, 0, 0, 0, 400, 450, 0, 150}; break;
  }
  return r_.weighted(w);
}

std::size_t national_builder::add_education(std::uint32_t p, track tr, day birth, day start) {
  const bool staff = tr != track::collaborator && tr != track::village_health;
  const bool medical = tr == track::commune_provider || tr == track::village_health;
  const std::size_t level = education_level(tr);
  term field = q_.dan_so_y_te;
  if (medical || r_.chance(250))
    field = q_.medical_fields[r_.weighted(std::array<int, 4>{45, 35, 8, 12})];
  else if (level >= 5 || tr == track::commune_social)
    field = q_.other_fields[r_.weighted(std::array<int, 6>{30, 25, 20, 10, 5, 10})];
  const day adult = birth + 18 * year_days;
  if (level == 0) {
    add_qual(p, qk_education_, q_.education[0], {}, day_min);
  } else if (level == 1) {
    add_qual(p, qk_education_, q_.education[1], {}, adult);
  } else {
    // Lower degrees kept on file for some (school leaving; the degree before a master's).
    if (level >= 3 && r_.chance(500)) add_qual(p, qk_education_, q_.education[1], {}, adult);
    if (level >= 6) add_qual(p, qk_education_, q_.education[5], field, adult + 5 * year_days);
    const int years = level == 2 ? 1 : level == 3 ? 2 : level == 4 ? 3 : level == 5 ? 4 : 8;
    day awarded = adult + static_cast<day>(years * year_days + r_.between(0, 700));
    // Some study while in post: the degree comes years after they started, on top of an
    // intermediate or college diploma.
    if (staff && level == 5 && r_.chance(150)) {
      const day later = start + static_cast<day>(r_.between(2, 8) * year_days);
      if (later > awarded) {
        add_qual(p, qk_education_, q_.education[r_.chance(500) ? 3 : 4], field, adult + 2 * year_days);
        awarded = later;
      }
    }
    add_qual(p, qk_education_, q_.education[level], level >= 3 ? field : term{}, awarded);
  }
  return level;
}

void national_builder::add_village_certificates(std::uint32_t p, bool ctv, day start, day tenure_cert) {
  if (ctv) {
    if (r_.chance(350)) add_qual(p, qk_certificate_, q_.so_cap_dan_so, {}, tenure_cert);
    if (r_.chance(650)) {
      // Basic-knowledge certificates valid five years, renewed by some.
      const day a = start + static_cast<day>(r_.between(90, 3 * year_days));
      add_qual(p, qk_certificate_, q_.dan_so_co_ban, {}, a, a + 5 * year_days - 1);
      if (r_.chance(600))
        add_qual(p, qk_certificate_, q_.dan_so_co_ban, {}, a + 5 * year_days, a + 10 * year_days - 1);
    }
  } else {
    if (r_.chance(450)) add_qual(p, qk_certificate_, q_.so_cap_dan_so, {}, tenure_cert);
    if (r_.chance(350)) {
      const day a = start + static_cast<day>(r_.between(90, 3 * year_days));
      add_qual(p, qk_certificate_, q_.dan_so_co_ban, {}, a, a + 5 * year_days - 1);
    }
  }
  if (r_.chance(450)) add_qual(p, qk_it_, q_.it_basic, {}, tenure_cert);
}

void national_builder::add_staff_certificates(std::uint32_t p, track tr, std::size_t level, day start,
                                              day tenure_cert) {
  const bool dan_so = tr != track::commune_provider && tr != track::commune_social;
  if (dan_so && r_.chance(400)) add_qual(p, qk_certificate_, q_.dan_so_vien, {}, tenure_cert);
  if (dan_so && r_.chance(150)) add_qual(p, qk_certificate_, q_.dat_chuan, {}, tenure_cert);
  if (tr == track::commune_officer || tr == track::district_staff) add_title(p, level >= 5, start);
  const bool civil = tr == track::province_staff || tr == track::national_staff ||
                     tr == track::commune_social;
  if (civil || r_.chance(200)) {
    add_qual(p, qk_political_, level >= 5 && r_.chance(300) ? q_.political_high : q_.political_mid, {},
             start + static_cast<day>(r_.between(year_days, 8 * year_days)));
    add_qual(p, qk_state_, level >= 5 ? q_.state_specialist : q_.state_clerk, {},
             start + static_cast<day>(r_.between(180, 6 * year_days)));
  }
  if (r_.chance(600)) add_qual(p, qk_it_, r_.chance(200) ? q_.it_advanced : q_.it_basic, {}, tenure_cert);
  if (r_.chance(250)) add_qual(p, qk_language_, q_.language[r_.below(3)], {}, tenure_cert);
}

void national_builder::add_title(std::uint32_t p, bool university, day start) {
  const day awarded = start + static_cast<day>(r_.between(330, 420));
  const std::size_t rank = university ? (r_.chance(100) ? 0 : 1) : 2;  // hạng II, III, IV
  builder::add_title(person_ix{p}, {q_.ranks[rank], q_.steps[rank], {}, {}}, awarded, last_post_end(p));
}

day national_builder::last_post_end(std::uint32_t p) const {
  day last = day_min;
  for (std::size_t a = first_post_[p]; a < d_.assignments.size(); ++a)
    last = std::max(last, d_.assignments[a].when.to);
  return last;
}

}  // namespace nangluc::detail::national
