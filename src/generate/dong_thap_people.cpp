// The Đồng Tháp example: persons, their posts and papers — the sub-department, the district
// health centres' population teams and directors, the communes' officers and station heads, and
// the hamlets' collaborators and health workers.
#include "generate/dong_thap.hpp"

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

namespace nangluc::detail::dong_thap {

ethnic dong_thap_builder::draw_ethnic() {
  const int roll = r_.between(0, 999);
  return roll < 975 ? ethnic::kinh : roll < 993 ? ethnic::hoa : ethnic::khmer;
}

person_ix dong_thap_builder::add_person(bool female, day birth) {
  const auto g = static_cast<std::size_t>(draw_ethnic());
  return add_named_person(name_sets[g], female, birth, ethnic_terms_[g], true);
}

person_ix dong_thap_builder::recruit(int female_permille, day start, int min_age, int max_age) {
  const bool female = r_.chance(female_permille);
  const day birth = start - r_.between(min_age * 365 + 10, max_age * 365);
  return add_person(female, birth);
}

void dong_thap_builder::record_certificate(person_ix p, day start) {
  add_dsv_certificate(p, std::max(start + 60, ymd(2008, 1, 1)), ymd(2020, 11, 30));
  if (has_dsv_.size() <= p.value) has_dsv_.resize(p.value + 1, false);
  has_dsv_[p.value] = true;
}

void dong_thap_builder::build_province() {
  const std::array<province_spec, 15> staff = {{
      {{"lanh_dao", "bao_cao_vien"}, {"chuyen_khoa_1", "y_te_cong_cong"}, true},
      {{"lanh_dao", "bao_cao_vien"}, {"thac_si", "y_te_cong_cong"}, true},
      {{"lanh_dao"}, {"dai_hoc", "y_khoa"}, true},
      {{"chuyen_vien_dan_so", "bao_cao_vien"}, {"dai_hoc", "dan_so_y_te"}, true},
      {{"chuyen_vien_dan_so", "bao_cao_vien"}, {"dai_hoc", "y_te_cong_cong"}, true},
      {{"chuyen_vien_dan_so", "bao_cao_vien"}, {"dai_hoc", "khoa_hoc_xa_hoi"}, true},
      {{"chuyen_vien_dan_so"}, {"dai_hoc", "dieu_duong_ho_sinh"}, true},
      {{"chuyen_vien_dan_so"}, {"dai_hoc", "kinh_te_quan_ly"}, true},
      {{"chuyen_vien_dan_so"}, {"dai_hoc", "dan_so_y_te"}, false},
      {{"chuyen_vien_dan_so"}, {"dai_hoc", "luat"}, false},
      {{"chuyen_vien_dan_so"}, {"dai_hoc", "cntt"}, false},
      {{"chuyen_vien_dan_so"}, {"dai_hoc", "khoa_hoc_xa_hoi"}, true},
      {{"chuyen_vien_dan_so"}, {"thac_si", "kinh_te_quan_ly"}, false},
      {{"chuyen_vien_dan_so"}, {"dai_hoc", "duoc"}, true},
      {{}, {"trung_cap", "khac"}, false},
  }};
  // An officer who retired before the plan.
  {
    const day start = r_.between(ymd(1996, 1, 1), ymd(2002, 12, 31));
    const person_ix p = recruit(500, start, 28, 36);
    add_post(p, province_, {}, cong_chuc_, roles({"chuyen_vien_dan_so"}), dan_so_, start,
             ymd(2019, 9, 30));
    add_education(p, {"dai_hoc", "dan_so_y_te"}, start);
  }
  for (std::size_t i = 0; i < staff.size(); ++i) {
    const auto& s = staff[i];
    const bool contract = i + 1 == staff.size();
    const day start = i < 3 ? r_.between(ymd(1999, 1, 1), ymd(2008, 12, 31))
                            : r_.between(ymd(2004, 1, 1), ymd(2020, 10, 31));
    const person_ix p = recruit(550, start);
    day end = day_max;
    if (i == 0) end = ymd(2024, 6, 30);   // retired
    if (i == 8) end = ymd(2022, 12, 31);  // moved to the Department of Health
    if (i == 10) end = ymd(2025, 3, 31);  // resigned
    add_post(p, province_, {}, contract ? t(vocab::categories, "hop_dong") : cong_chuc_,
             roles(s.roles), dan_so_, start, end);
    add_education(p, s.edu, start);
    if (s.certificate) record_certificate(p, start);
    if (!contract) add_civil_servant_extras(p, start, i < 3);
  }
  // Replacements: a new head transferred in, two young officers.
  // The roles are a vector, not an initializer_list: a list inside a tuple's constructor
  // arguments would dangle once the array is built (found by the asan preset).
  struct hire {
    day start;
    std::vector<std::string_view> roles;
    edu_spec edu;
    int female;
  };
  const hire hires[] = {
      {ymd(2023, 3, 1), {"chuyen_vien_dan_so"}, {"dai_hoc", "y_te_cong_cong"}, 700},
      {ymd(2024, 7, 1), {"lanh_dao", "bao_cao_vien"}, {"chuyen_khoa_1", "y_khoa"}, 300},
      {ymd(2025, 9, 3), {"chuyen_vien_dan_so"}, {"dai_hoc", "kinh_te_quan_ly"}, 600},
  };
  for (const auto& [start, r, edu, female] : hires) {
    const bool leader = std::find(r.begin(), r.end(), "lanh_dao") != r.end();
    const person_ix p = recruit(female, start, leader ? 40 : 23, leader ? 48 : 30);
    add_post(p, province_, {}, cong_chuc_, roles(r), dan_so_, start, day_max);
    add_education(p, edu, leader ? start - 15 * 365 : start);
    if (leader) record_certificate(p, start - 10 * 365);
    add_civil_servant_extras(p, leader ? start - 12 * 365 : start, leader);
  }
  add_quota(province_, "", {}, dan_so_, 16, {day_min, last_old_day});
  add_quota(province_, "", {}, dan_so_, 20, {first_new_day, day_max});
}

void dong_thap_builder::build_districts() {
  for (std::size_t di = 0; di < districts.size(); ++di) {
    for (int k = 0; k < districts[di].staff; ++k) add_team_member(di, k);
    for (int k = 0; k < 2; ++k) add_centre_leader(di, k);
  }
  move_teams_at_merger();
}

void dong_thap_builder::add_team_member(std::size_t di, int k) {
  static constexpr std::string_view uni_fields[] = {"dan_so_y_te", "y_te_cong_cong", "y_khoa",
                                                    "kinh_te_quan_ly", "khoa_hoc_xa_hoi", "dan_so_y_te",
                                                    "dieu_duong_ho_sinh", "luat"};
  const unit_ix du = district_units_[di];
  const bool head = k == 0;
  const bool trainer = k == 1 || (k == 2 && di % 4 == 1);
  const day start = head ? r_.between(ymd(2002, 1, 1), ymd(2012, 12, 31))
                         : r_.between(ymd(2006, 1, 1), ymd(2020, 10, 31));
  const person_ix p = recruit(600, start);
  std::vector<term> r;
  if (head) r.push_back(t(vocab::roles, "lanh_dao"));
  r.push_back(t(vocab::roles, "chuyen_vien_dan_so"));
  if (trainer) r.push_back(t(vocab::roles, "bao_cao_vien"));
  day end = last_old_day;
  if (!head && r_.chance(110)) end = r_.between(ymd(2021, 6, 1), ymd(2024, 12, 31));
  add_post(p, du, {}, vien_chuc_, r, dan_so_, start, end);
  const int roll = r_.between(0, 99);
  const edu_spec e = head || roll < 55 ? edu_spec{"dai_hoc", uni_fields[r_.below(8)]}
                     : roll < 70       ? edu_spec{"cao_dang", "dan_so_y_te"}
                                       : edu_spec{"trung_cap", roll < 90 ? "dan_so_y_te" : "y_khoa"};
  add_education(p, e, start);
  if (r_.chance(head ? 950 : 800)) record_certificate(p, start);
  titled_.emplace_back(p, e.code == "dai_hoc");
  team_.push_back({p, static_cast<int>(di), head, trainer, end});
  if (end != last_old_day) replace_team_member(di, end, trainer);
}

void dong_thap_builder::replace_team_member(std::size_t di, day end, bool trainer) {
  const day rstart = end + r_.between(30, 160);
  if (rstart >= ymd(2025, 5, 1)) return;
  const person_ix q = recruit(650, rstart, 22, 29);
  std::vector<term> rq = roles({"chuyen_vien_dan_so"});
  if (trainer) rq.push_back(t(vocab::roles, "bao_cao_vien"));
  add_post(q, district_units_[di], {}, vien_chuc_, rq, dan_so_, rstart, last_old_day);
  add_education(q, {"dai_hoc", r_.chance(500) ? "dan_so_y_te" : "y_te_cong_cong"}, rstart);
  titled_.emplace_back(q, true);
  team_.push_back({q, static_cast<int>(di), false, trainer, last_old_day});
}

void dong_thap_builder::add_centre_leader(std::size_t di, int k) {
  const unit_ix du = district_units_[di];
  const unit_ix centre = centre_units_[di];
  const day start = r_.between(ymd(1998, 1, 1), ymd(2012, 12, 31));
  const person_ix p = recruit(350, start, 24, 32);
  day end = last_old_day;
  const bool retires = (di + static_cast<std::size_t>(k)) % 5 == 2;
  if (retires) end = r_.between(ymd(2022, 3, 1), ymd(2024, 10, 31));
  add_post(p, du, {}, vien_chuc_, roles({"lanh_dao"}), y_te_, start, end);
  add_education(p, {k == 0 || r_.chance(500) ? "chuyen_khoa_1" : "dai_hoc",
                    r_.chance(750) ? "y_khoa" : "y_te_cong_cong"},
                start);
  add_civil_servant_extras(p, start + 5 * 365, true);
  std::vector<person_ix> line = {p};
  if (retires) {
    const day nstart = end + 1;
    const person_ix q = recruit(450, nstart, 38, 48);
    add_post(q, du, {}, vien_chuc_, roles({"lanh_dao"}), y_te_, nstart, last_old_day);
    add_education(q, {"chuyen_khoa_1", "y_khoa"}, nstart - 12 * 365);
    add_civil_servant_extras(q, nstart - 10 * 365, true);
    line.push_back(q);
  }
  const person_ix last = line.back();
  // The regional centre keeps its directors, save one that retires at the merger.
  if (!r_.chance(100)) {
    add_post(last, centre, {}, vien_chuc_, roles({"lanh_dao"}), y_te_, first_new_day, day_max);
  } else {
    const person_ix q = recruit(450, first_new_day, 40, 50);
    add_post(q, centre, {}, vien_chuc_, roles({"lanh_dao"}), y_te_, first_new_day, day_max);
    add_education(q, {"chuyen_khoa_1", "y_khoa"}, first_new_day - 14 * 365);
    add_civil_servant_extras(q, first_new_day - 12 * 365, true);
  }
}

void dong_thap_builder::move_teams_at_merger() {
  // 2025-07-01: the teams in post move: most stay with the regional centre, some go to a
  // commune of their former district, a few to the province, a few leave.
  for (const auto& s : team_) {
    if (s.end != last_old_day) continue;
    const int roll = r_.between(0, 99);
    if (roll < 8) continue;
    std::vector<term> r;
    if (s.head) r.push_back(lanh_dao_);
    r.push_back(t(vocab::roles, "chuyen_vien_dan_so"));
    if (s.trainer) r.push_back(t(vocab::roles, "bao_cao_vien"));
    if (roll < 68 || s.head) {
      add_post(s.p, centre_units_[static_cast<std::size_t>(s.district)], {}, vien_chuc_, r,
               dan_so_, first_new_day, day_max);
    } else if (roll < 88) {
      add_post(s.p, new_commune_in(s.district), {}, vien_chuc_, roles({"chuyen_trach_dan_so_xa"}),
               dan_so_, first_new_day, day_max);
    } else {
      add_post(s.p, province_, {}, vien_chuc_, roles({"chuyen_vien_dan_so"}), dan_so_,
               first_new_day, day_max);
    }
  }
}

void dong_thap_builder::build_communes() {
  for (std::size_t i = 0; i < old_communes.size(); ++i) {
    const auto& s = old_communes[i];
    const unit_ix cu = old_units_[i];
    const unit_ix employer = district_units_[static_cast<std::size_t>(s.district)];
    const unit_ix next = new_units_[static_cast<std::size_t>(s.successor)];

    // Population officer(s) over time.
    const int roll = r_.between(0, 99);
    edu_spec e{"so_cap", "dan_so_y_te"};
    if (roll < 24) e = {"dai_hoc", r_.chance(600) ? "dan_so_y_te" : "y_te_cong_cong"};
    else if (roll < 38) e = {"cao_dang", r_.chance(700) ? "dan_so_y_te" : "dieu_duong_ho_sinh"};
    else if (roll < 92) e = {"trung_cap", r_.chance(650) ? "dan_so_y_te" : "y_khoa"};
    const bool low = e.code == "so_cap";
    const day start = low ? r_.between(ymd(2003, 1, 1), ymd(2012, 12, 31))
                          : r_.between(ymd(2005, 1, 1), ymd(2020, 9, 30));
    if (start > ymd(2014, 1, 1) && r_.chance(250)) {
      const day pstart = r_.between(ymd(2001, 1, 1), ymd(2008, 12, 31));
      const person_ix q = recruit(650, pstart, 20, 32);
      add_post(q, cu, employer, vien_chuc_, roles({"chuyen_trach_dan_so_xa"}), dan_so_, pstart,
               start - r_.between(1, 60));
      add_education(q, {"trung_cap", "dan_so_y_te"}, pstart);
    }
    const person_ix p = recruit(700, start, 20, 34);
    day end = last_old_day;
    if (r_.chance(80)) end = r_.between(ymd(2021, 9, 1), ymd(2025, 3, 31));
    add_post(p, cu, employer, vien_chuc_, roles({"chuyen_trach_dan_so_xa"}), dan_so_, start, end);
    add_education(p, e, start);
    if (r_.chance(low ? 600 : 820)) record_certificate(p, start);
    titled_.emplace_back(p, e.code == "dai_hoc");
    std::vector<person_ix> officers = {p};
    if (e.code != "dai_hoc" && end == last_old_day && r_.chance(70))
      add_degree_while_working(p, ymd(2022, 6, 1), ymd(2025, 6, 1));
    if (end != last_old_day) {
      const day rstart = end + r_.between(20, 150);
      if (rstart < ymd(2025, 6, 1)) {
        const person_ix q = recruit(700, rstart, 22, 30);
        add_post(q, cu, employer, vien_chuc_, roles({"chuyen_trach_dan_so_xa"}), dan_so_, rstart,
                 last_old_day);
        const bool uni = r_.chance(550);
        add_education(q, {uni ? "dai_hoc" : "cao_dang", "dan_so_y_te"}, rstart);
        titled_.emplace_back(q, uni);
        officers.push_back(q);
      }
    }
    for (person_ix o : officers) {
      if (last_day_in_post(o) != last_old_day || r_.chance(50)) continue;
      const day oend = r_.chance(30) ? r_.between(ymd(2026, 1, 15), ymd(2026, 10, 30)) : day_max;
      add_post(o, next, {}, vien_chuc_, roles({"chuyen_trach_dan_so_xa"}), dan_so_, first_new_day,
               oend);
    }

    // Head of the commune health station.
    {
      const day hstart = r_.between(ymd(2004, 1, 1), ymd(2020, 6, 30));
      const person_ix h = recruit(450, hstart, 25, 38);
      day hend = last_old_day;
      if (r_.chance(90)) hend = r_.between(ymd(2021, 10, 1), ymd(2025, 2, 28));
      std::vector<term> r = roles({"lanh_dao"});
      if (r_.chance(400)) r.push_back(t(vocab::roles, "cung_cap_dich_vu"));
      add_post(h, cu, {}, vien_chuc_, r, y_te_, hstart, hend);
      const int eroll = r_.between(0, 99);
      add_education(h, eroll < 55   ? edu_spec{"dai_hoc", "y_khoa"}
                       : eroll < 90 ? edu_spec{"trung_cap", "y_khoa"}
                                    : edu_spec{"cao_dang", "dieu_duong_ho_sinh"},
                    hstart);
      std::vector<person_ix> heads = {h};
      if (hend != last_old_day) {
        const day nstart = hend + r_.between(1, 60);
        const person_ix q = recruit(500, nstart, 28, 40);
        add_post(q, cu, {}, vien_chuc_, r, y_te_, nstart, last_old_day);
        add_education(q, {"dai_hoc", "y_khoa"}, nstart - 5 * 365);
        heads.push_back(q);
      }
      const person_ix last = heads.back();
      if (last_day_in_post(last) == last_old_day && !r_.chance(60))
        add_post(last, next, {}, vien_chuc_, r, y_te_, first_new_day, day_max);
    }
  }
}

void dong_thap_builder::build_hamlets() {
  for (std::size_t i = 0; i < hamlet_units_.size(); ++i) {
    const unit_ix h = hamlet_units_[i];
    auto edu = [&](person_ix p, day from) {
      const int roll = r_.between(0, 99);
      if (roll < 62)
        add_education(p, {"pho_thong", ""}, from);
      else if (roll < 74)
        add_education(p, {"so_cap", "y_khoa"}, from);
      else if (roll < 90)
        add_education(p, {"trung_cap", r_.chance(600) ? "y_khoa" : "dieu_duong_ho_sinh"}, from);
      // else: not recorded
    };
    // Each post is a line of holders over time; in `both` hamlets one person (and each
    // successor) holds the two posts together.
    const bool both = r_.chance(450);
    auto serve = [&](bool collaborator, bool health, day from, day to) {
      const person_ix p = recruit(collaborator ? 720 : 600, from, 20, health ? 45 : 50);
      if (collaborator)
        add_post(p, h, {}, ctv_, roles({"cong_tac_vien_dan_so"}), dan_so_, from, to);
      if (health) add_post(p, h, {}, vhw_, {}, y_te_, from, to);
      edu(p, from);
      return p;
    };
    auto line = [&](bool collaborator, bool health, int vacant_permille) {
      if (r_.chance(vacant_permille)) {
        // Vacant at the start of the plan; some filled later.
        if (r_.chance(500))
          serve(collaborator, health, r_.between(ymd(2022, 3, 1), ymd(2025, 10, 31)), day_max);
        return;
      }
      const day start = r_.between(ymd(2008, 1, 1), ymd(2020, 11, 30));
      day end = day_max;
      if (r_.chance(160)) end = r_.between(ymd(2021, 6, 1), ymd(2026, 9, 30));
      serve(collaborator, health, start, end);
      if (end != day_max && r_.chance(850)) {
        const day next = end + r_.between(15, 120);
        if (next < history_end) serve(collaborator, health, next, day_max);
      }
    };
    if (both) {
      line(true, true, 40);
    } else {
      line(true, false, 60);
      line(false, true, 70);
    }
  }
}

}  // namespace nangluc::detail::dong_thap
