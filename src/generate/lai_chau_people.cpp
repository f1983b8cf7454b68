// The Lai Châu example: persons, their posts and papers — the province's, the districts' and
// the communes' population staff, the FP/RH service providers and the village collaborators.
#include "generate/lai_chau.hpp"

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

namespace nangluc::detail::lai_chau {

void lai_chau_builder::build_workforce() {
  build_service_providers();
  build_collaborators();
}

person_ix lai_chau_builder::add_person(ethnic g, bool female, day birth) {
  const auto k = static_cast<std::size_t>(g);
  const person_ix p = add_named_person(name_sets[k], female, birth, ethnic_terms_[k], false);
  holds_.push_back(false);
  return p;
}

person_ix lai_chau_builder::recruit(ethnic g, bool female, day start, int min_age, int max_age) {
  const day birth = start - r_.between(min_age * 365 + 10, max_age * 365);
  return add_person(g, female, birth);
}

std::uint32_t lai_chau_builder::add_post(person_ix p, unit_ix u, unit_ix employer,
                                         std::string_view category, std::vector<term> role_terms,
                                         term sector, day from, day to) {
  return builder::add_post(p, u, employer, t(vocab::categories, category), std::move(role_terms),
                           sector, from, to);
}

void lai_chau_builder::mark_certificate(person_ix p, day start) {
  if (start < ymd(2021, 6, 1) && r_.chance(550)) {
    derived_holders_.push_back(p);
    return;
  }
  record_certificate(p, start);
}

void lai_chau_builder::record_certificate(person_ix p, day start) {
  add_dsv_certificate(p, std::max(start - 900, ymd(2006, 1, 1)), std::min(start + 1800, ymd(2021, 11, 15)));
  holds_[p.value] = true;
}

void lai_chau_builder::build_province() {
  const std::array<int, ethnic_count> mix = {55, 25, 8, 7, 0, 5};
  // Two officers who retired before the plan, so history has leavers.
  for (int k = 0; k < 2; ++k) {
    const day start = r_.between(ymd(1998, 1, 1), ymd(2004, 12, 31));
    const person_ix p = recruit(draw_ethnic(mix), female_share(500), start, 30, 40);
    const day end = k == 0 ? ymd(2016, 9, 30) : ymd(2019, 3, 31);
    add_post(p, province_, {}, "cong_chuc", roles({"chuyen_vien_dan_so"}), sector_dan_so_,
             start, end);
    add_education(p, {"dai_hoc", "dan_so_y_te", false}, start);
  }
  for (std::size_t i = 0; i < province_staff.size(); ++i) {
    const auto& s = province_staff[i];
    const day start = i < 3 ? r_.between(ymd(2000, 1, 1), ymd(2008, 12, 31))
                            : r_.between(ymd(2005, 1, 1), ymd(2020, 12, 31));
    const person_ix p = recruit(draw_ethnic(mix), female_share(450), start);
    day end = day_max;
    if (i == 9) end = ymd(2023, 8, 31);   // moved to another department
    if (i == 0) end = ymd(2024, 12, 31);  // retired
    add_post(p, province_, {}, s.category, roles(s.roles), sector_dan_so_, start, end);
    add_education(p, s.edu, start);
    if (s.edu.certificate) mark_certificate(p, start);
    if (s.category == "cong_chuc") add_civil_servant_extras(p, start, i < 3);
  }
  // The replacement of the officer who moved.
  const day start = ymd(2023, 10, 2);
  const person_ix p = recruit(draw_ethnic(mix), true, start, 23, 30);
  add_post(p, province_, {}, "cong_chuc", roles({"chuyen_vien_dan_so"}), sector_dan_so_, start,
           day_max);
  add_education(p, {"dai_hoc", "kinh_te_quan_ly", false}, start);
  add_civil_servant_extras(p, start, false);
  // From 2025-07-01 the province absorbs the district population staff (build_districts).
  add_quota(province_, "", {}, 13, {day_min, last_old_day});
  add_quota(province_, "", {}, 35, {first_new_day, day_max});
}

void lai_chau_builder::build_districts() {
  std::vector<edu_spec> edu = district_education();
  {
    std::vector<edu_spec> rest(edu.begin() + 8, edu.end());
    r_.shuffle(rest);
    std::copy(rest.begin(), rest.end(), edu.begin() + 8);
  }
  const std::array<int, ethnic_count> mix = {35, 30, 15, 10, 5, 5};
  std::size_t next_leader = 0;
  std::size_t next_other = 8;
  for (std::size_t di = 0; di < districts.size(); ++di) {
    const unit_ix du = district_units_[di];
    for (int k = 0; k < districts[di].present; ++k) {
      const bool leader = k == 0;
      const edu_spec& e = leader ? edu[next_leader++] : edu[next_other++];
      const day start = leader ? r_.between(ymd(2003, 1, 1), ymd(2012, 12, 31))
                               : r_.between(ymd(2006, 1, 1), ymd(2021, 10, 31));
      const person_ix p = recruit(draw_ethnic(mix), female_share(550), start);
      std::vector<term> r = roles({"chuyen_vien_dan_so"});
      if (leader) r = roles({"lanh_dao", "chuyen_vien_dan_so"});
      if (k == 1) r.push_back(t(vocab::roles, "bao_cao_vien"));
      day end = last_old_day;
      if (di == 3 && k == 2) end = ymd(2022, 6, 30);
      if (di == 6 && k == 3) end = ymd(2024, 3, 31);
      add_post(p, du, {}, "vien_chuc", r, sector_dan_so_, start, end);
      add_education(p, e, start);
      if (e.certificate) mark_certificate(p, start);
      if (leader) add_civil_servant_extras(p, start, false);
      district_staff_.push_back({p, static_cast<int>(di), leader, e.code == "dai_hoc", end});
    }
    // A predecessor in the first districts, gone before the plan.
    if (di < 5) {
      const day start = r_.between(ymd(2002, 1, 1), ymd(2008, 12, 31));
      const person_ix p = recruit(draw_ethnic(mix), female_share(500), start, 25, 40);
      add_post(p, du, {}, "vien_chuc", roles({"chuyen_vien_dan_so"}), sector_dan_so_, start,
               r_.between(ymd(2015, 1, 1), ymd(2020, 12, 31)));
      add_education(p, {"trung_cap", "dan_so_y_te", false}, start);
    }
  }
  // Hires after the plan, towards the quota of 42.
  const std::pair<int, day> hires[] = {{3, ymd(2022, 9, 5)},
                                       {2, ymd(2023, 3, 1)},
                                       {6, ymd(2024, 6, 3)},
                                       {4, ymd(2024, 9, 9)}};
  for (const auto& [di, start] : hires) {
    const person_ix p = recruit(draw_ethnic(mix), female_share(600), start, 23, 30);
    add_post(p, district_units_[static_cast<std::size_t>(di)], {}, "vien_chuc",
             roles({"chuyen_vien_dan_so"}), sector_dan_so_, start, last_old_day);
    add_education(p, {"dai_hoc", r_.chance(300) ? "y_te_cong_cong" : "dan_so_y_te", false},
                  start);
    district_staff_.push_back({p, di, false, true, last_old_day});
  }
  // 2025-07-01: districts are gone. Most population staff join the province's (regional)
  // population team, some go to a commune of their former district, a few leave.
  for (const auto& s : district_staff_) {
    if (s.end != last_old_day) continue;
    const int roll = r_.between(0, 99);
    if (roll < 10) continue;
    if (roll < 72) {
      std::vector<term> r = roles({"chuyen_vien_dan_so"});
      if (s.leader) r.push_back(t(vocab::roles, "bao_cao_vien"));
      add_post(s.p, province_, {}, "vien_chuc", r, sector_dan_so_, first_new_day, day_max);
    } else {
      const unit_ix c = new_commune_in(s.district);
      add_post(s.p, c, {}, "vien_chuc", roles({"chuyen_trach_dan_so_xa"}), sector_dan_so_,
               first_new_day, day_max);
    }
  }
  for (const auto& s : district_staff_)
    add_title(s.p, s.university, d_.assignments[posts_[s.p.value].front()].when.from,
              last_day_in_post(s.p));
}

void lai_chau_builder::build_communes() {
  std::vector<edu_spec> edu = commune_education();
  r_.shuffle(edu);
  // Seed 002: before 2015 communes recruited below the needed level.
  std::vector<edu_spec> officers_edu = edu;
  for (std::size_t i = 0; i < old_communes.size(); ++i) {
    const auto& s = old_communes[i];
    const unit_ix cu = old_units_[i];
    const unit_ix employer = district_units_[static_cast<std::size_t>(s.district)];
    const edu_spec& e = officers_edu[i];
    const bool low = e.code == "so_cap" || e.code == "chua_qua_dao_tao";
    const ethnic g = draw_ethnic(districts[static_cast<std::size_t>(s.district)].mix);
    const bool has_predecessor = r_.chance(130);
    const day start = low              ? r_.between(ymd(2004, 1, 1), ymd(2014, 12, 31))
                      : has_predecessor ? r_.between(ymd(2016, 3, 1), ymd(2021, 10, 31))
                                        : r_.between(ymd(2006, 1, 1), ymd(2021, 10, 31));
    if (has_predecessor && !low) {
      const day pstart = r_.between(ymd(2002, 1, 1), ymd(2010, 12, 31));
      const person_ix q = recruit(g, female_share(600), pstart, 20, 35);
      add_post(q, cu, employer, "vien_chuc", roles({"chuyen_trach_dan_so_xa"}), sector_dan_so_,
               pstart, start - r_.between(1, 90));
      add_education(q, {"trung_cap", "dan_so_y_te", false}, pstart);
      officers_.push_back({q, static_cast<int>(i), false});
    }
    const person_ix p = recruit(g, female_share(650), start, 20, 35);
    // Leavers after the plan are replaced in the same commune.
    day end = last_old_day;
    if (r_.chance(60)) end = r_.between(ymd(2022, 2, 1), ymd(2025, 3, 31));
    add_post(p, cu, employer, "vien_chuc", roles({"chuyen_trach_dan_so_xa"}), sector_dan_so_,
             start, end);
    add_education(p, e, start);
    if (e.certificate) mark_certificate(p, start);
    officers_.push_back({p, static_cast<int>(i), e.code == "dai_hoc"});
    // A few complete a degree while working (vừa làm vừa học) after the plan.
    if (e.code == "trung_cap" && end == last_old_day && r_.chance(50))
      add_degree_while_working(p, ymd(2023, 6, 1), ymd(2025, 6, 1));
    if (end != last_old_day) {
      const day rstart = end + r_.between(20, 150);
      if (rstart < ymd(2025, 6, 1)) {
        const person_ix q = recruit(g, female_share(650), rstart, 22, 30);
        add_post(q, cu, employer, "vien_chuc", roles({"chuyen_trach_dan_so_xa"}),
                 sector_dan_so_, rstart, last_old_day);
        const int roll = r_.between(0, 3);
        add_education(q, {roll < 2 ? "dai_hoc" : roll < 3 ? "cao_dang" : "trung_cap",
                          "dan_so_y_te", false},
                      rstart);
        officers_.push_back({q, static_cast<int>(i), roll < 2});
      }
    }
  }
  // The merger: officers in post on 2025-06-30 continue in the commune their own merged into.
  for (const auto& o : officers_) {
    if (last_day_in_post(o.p) != last_old_day || r_.chance(50)) continue;
    const auto& s = old_communes[static_cast<std::size_t>(o.commune)];
    const day end = r_.chance(40) ? r_.between(ymd(2026, 1, 15), ymd(2026, 10, 30)) : day_max;
    add_post(o.p, new_units_[static_cast<std::size_t>(s.successor)], {}, "vien_chuc",
             roles({"chuyen_trach_dan_so_xa"}), sector_dan_so_, first_new_day, end);
  }
  for (const auto& o : officers_)
    add_title(o.p, o.university, d_.assignments[posts_[o.p.value].front()].when.from,
              last_day_in_post(o.p));
}

void lai_chau_builder::build_service_providers() {
  const std::array<int, ethnic_count> mix = {30, 35, 15, 10, 5, 5};
  for (std::size_t di = 0; di < districts.size(); ++di) {
    const day start = r_.between(ymd(2006, 1, 1), ymd(2020, 12, 31));
    const person_ix p = recruit(draw_ethnic(mix), female_share(800), start);
    add_post(p, district_units_[di], {}, "vien_chuc", roles({"cung_cap_dich_vu"}), sector_y_te_,
             start, last_old_day);
    add_post(p, province_, {}, "vien_chuc", roles({"cung_cap_dich_vu"}), sector_y_te_,
             first_new_day, day_max);
    add_education(p, {"dai_hoc", di % 3 == 0 ? "dieu_duong_ho_sinh" : "y_khoa", false}, start);
    providers_.push_back(p);
  }
  std::vector<std::size_t> communes(old_communes.size());
  for (std::size_t i = 0; i < communes.size(); ++i) communes[i] = i;
  r_.shuffle(communes);
  for (std::size_t k = 0; k < 30; ++k) {
    const std::size_t i = communes[k];
    const auto& s = old_communes[i];
    const day start = r_.between(ymd(2005, 1, 1), ymd(2021, 6, 30));
    const person_ix p = recruit(draw_ethnic(districts[static_cast<std::size_t>(s.district)].mix),
                                female_share(850), start, 21, 35);
    std::vector<term> r = roles({"cung_cap_dich_vu"});
    if (k < 10) r.push_back(t(vocab::roles, "lanh_dao"));  // head of the health station
    add_post(p, old_units_[i], {}, "vien_chuc", r, sector_y_te_, start, last_old_day);
    add_post(p, new_units_[static_cast<std::size_t>(s.successor)], {}, "vien_chuc", r,
             sector_y_te_, first_new_day, day_max);
    add_education(p, {k % 3 == 0 ? "cao_dang" : "trung_cap",
                      k % 2 == 0 ? "dieu_duong_ho_sinh" : "y_khoa", false},
                  start);
    providers_.push_back(p);
  }
}

void lai_chau_builder::build_collaborators() {
  std::vector<std::size_t> order(village_units_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  r_.shuffle(order);
  std::vector<bool> vacant(village_units_.size(), false);
  for (std::size_t k = collaborators_2021; k < order.size(); ++k) vacant[order[k]] = true;

  const term pho_thong = t(vocab::education, "pho_thong");
  for (std::size_t i = 0; i < village_units_.size(); ++i) {
    const unit_ix v = village_units_[i];
    const int district = info_[v.value].district;
    const auto& mix = districts[static_cast<std::size_t>(district)].mix;
    const ethnic g = draw_ethnic(mix);
    auto serve = [&](day from, day to) {
      const person_ix p = recruit(g, female_share(550), from, 19, 40);
      add_post(p, v, {}, "cong_tac_vien", roles({"cong_tac_vien_dan_so"}), sector_dan_so_, from,
               to);
      if (r_.chance(400))
        add_post(p, v, {}, "nhan_vien_y_te_thon_ban", {}, sector_y_te_, from, to);
      const int roll = r_.between(0, 99);
      if (roll < 72)
        add_qual(p, education_, pho_thong, {}, d_.persons[p.value].birth_date + 18 * 365 + 200);
      else if (roll < 82)
        add_education(p, {"so_cap", "dan_so_y_te", false}, from);
      else if (roll < 90)
        add_education(p, {"trung_cap", "y_khoa", false}, from);
      // else: education not recorded
    };
    if (!vacant[i]) {
      const day start = r_.between(ymd(2006, 1, 1), ymd(2021, 11, 1));
      if (start > ymd(2010, 1, 1) && r_.chance(180))
        serve(r_.between(ymd(2001, 1, 1), ymd(2008, 12, 31)), start - r_.between(1, 200));
      day end = day_max;
      if (r_.chance(140)) end = r_.between(ymd(2022, 1, 1), ymd(2026, 9, 30));
      serve(start, end);
      if (end != day_max && r_.chance(850)) {
        const day next = end + r_.between(15, 120);
        if (next < history_end) serve(next, day_max);
      }
    } else {
      // Vacant in 2021: some lost their collaborator in the cuts of 2018–2021.
      if (r_.chance(600))
        serve(r_.between(ymd(2005, 1, 1), ymd(2016, 12, 31)),
              r_.between(ymd(2018, 1, 1), ymd(2021, 10, 31)));
      if (r_.chance(450)) serve(r_.between(ymd(2022, 3, 1), ymd(2024, 12, 31)), day_max);
    }
  }
}

}  // namespace nangluc::detail::lai_chau
