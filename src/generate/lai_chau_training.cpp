// The Lai Châu example: the training history, 2016–2026, course by course and strand by strand.
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

void lai_chau_builder::mark_trained(person_ix p, session_ix s) {
  const course& c = d_.courses[d_.sessions[s.value].course.value];
  if (c.kind == t(vocab::training_kinds, "dao_tao")) return;
  const int y = year_of(d_.sessions[s.value].when.to);
  if (y < 2016 || y >= 2048) return;
  if (trained_years_.size() <= p.value) trained_years_.resize(d_.persons.size(), 0);
  trained_years_[p.value] |= 1U << (y - 2016);
}

std::int64_t lai_chau_builder::enroll_some(session_ix s, const std::vector<person_ix>& candidates,
                                           int rate, int complete, std::vector<bool>* done,
                                           bool scored, std::size_t limit) {
  std::int64_t n = 0;
  for (person_ix p : candidates) {
    if (static_cast<std::size_t>(n) >= limit) break;
    if (done != nullptr && (*done)[p.value]) continue;
    if (!r_.chance(rate)) continue;
    ++n;
    if (enroll_one(p, s, complete, scored)) {
      if (done != nullptr) (*done)[p.value] = true;
      mark_trained(p, s);
    }
  }
  settle(s, n);
  return n;
}

std::string lai_chau_builder::district_location(int di) const {
  const auto& s = districts[static_cast<std::size_t>(di)];
  return std::string(s.city ? "Trung tâm Y tế thành phố " : "Trung tâm Y tế huyện ") +
         std::string(s.name.substr(s.name.find(' ') + 1));
}

namespace {

constexpr std::string_view province_hall = "Hội trường Sở Y tế tỉnh Lai Châu";
constexpr std::string_view college = "Trường Cao đẳng Cộng đồng Lai Châu";

}  // namespace

void lai_chau_builder::build_training() {
  add_courses();
  early_dsv_classes();
  // ---- Before the plan (to 2021): the history section IV was written against. ----
  provider_flags_.assign(d_.persons.size(), false);
  for (person_ix p : providers_) provider_flags_[p.value] = true;
  before_plan();

  // ---- The plan's years, each strand with its own random stream, so that tuning one
  //      leaves the others (and everything before the plan) as they were. ----
  strand(0x4C43'0001, [&] { plan_dsv(); });
  strand(0x4C43'0002, [&] { plan_commune_officers(); });
  strand(0x4C43'0003, [&] { plan_collaborators(); });
  strand(0x4C43'0004, [&] { plan_providers(); });
  strand(0x4C43'0005, [&] { plan_basic_knowledge(); });
  strand(0x4C43'0006, [&] { plan_professional_title(); });
  strand(0x4C43'0007, [&] { plan_management(); });
  strand(0x4C43'0008, [&] { plan_other_courses(); });
}

void lai_chau_builder::add_courses() {
  d_.courses.reserve(12);
  // Braced initialisation runs left to right: the courses are added in this order.
  plans_ = course_plans{
      add_course("BD-DSV", "Bồi dưỡng dân số viên", "boi_duong",
                 {"dan_so_co_ban", "truyen_thong_tu_van", "thong_ke_du_lieu"}, 120, "bd_dan_so_vien",
                 30'000'000, 2'400'000, 26),
      add_course("BD-DSCB", "Bồi dưỡng kiến thức dân số cơ bản cho công chức", "boi_duong",
                 {"dan_so_co_ban"}, 40, "bd_dan_so_co_ban", 8'000'000, 900'000, 5),
      add_course("BD-CDNN", "Bồi dưỡng theo tiêu chuẩn chức danh nghề nghiệp viên chức dân số",
                 "boi_duong", {"chuan_cdnn_dan_so"}, 160, "chuan_cdnn_dan_so", 25'000'000,
                 3'000'000, 30),
      add_course("BD-QLDSPT", "Bồi dưỡng quản lý dân số và phát triển", "boi_duong",
                 {"quan_ly_dan_so_phat_trien"}, 40, "bd_quan_ly_dan_so_phat_trien", 10'000'000,
                 1'200'000, 5),
      add_course("TH-KHHGD", "Tập huấn cung cấp dịch vụ KHHGĐ/SKSS", "tap_huan",
                 {"dich_vu_khhgd_sksss"}, 24, "", 6'000'000, 700'000, 3),
      add_course("TH-DSXA", "Tập huấn nghiệp vụ cho viên chức dân số xã", "tap_huan",
                 {"dan_so_co_ban", "thong_ke_du_lieu"}, 16, "", 3'000'000, 350'000, 2),
      add_course("TH-CTV", "Tập huấn kỹ năng cho cộng tác viên dân số", "tap_huan",
                 {"truyen_thong_tu_van", "dan_so_co_ban"}, 8, "", 2'500'000, 150'000, 1),
      add_course("TH-TKDL", "Tập huấn thống kê, cơ sở dữ liệu dân số", "tap_huan",
                 {"thong_ke_du_lieu", "cntt"}, 16, "", 4'000'000, 400'000, 2),
      add_course("TH-TTTV", "Tập huấn truyền thông, tư vấn dân số", "tap_huan",
                 {"truyen_thong_tu_van"}, 16, "", 4'000'000, 400'000, 2),
      add_course("BD-GV", "Bồi dưỡng giảng viên, báo cáo viên dân số", "boi_duong", {"giang_vien"},
                 40, "", 9'000'000, 1'000'000, 5),
      add_course("DT-SCDS", "Đào tạo sơ cấp dân số - kế hoạch hóa gia đình", "dao_tao",
                 {"dan_so_co_ban", "dich_vu_khhgd_sksss"}, 440, "so_cap_dan_so_khhgd", 40'000'000,
                 4'500'000, 88),
      add_course("BD-QLNN", "Bồi dưỡng quản lý nhà nước về dân số", "boi_duong",
                 {"quan_ly_nha_nuoc_dan_so"}, 40, "", 8'000'000, 900'000, 5),
  };
}

bool lai_chau_builder::is_dan_so(const assignment& a) const { return a.sector == sector_dan_so_; }

bool lai_chau_builder::is_staff(const assignment& a) const {
  return is_dan_so(a) && a.category != t(vocab::categories, "cong_tac_vien");
}

bool lai_chau_builder::is_commune_officer(const assignment& a) const {
  return is_dan_so(a) && is_level(a, level_tag::commune) && has_role(a, "chuyen_trach_dan_so_xa");
}

void lai_chau_builder::early_dsv_classes() {
  // -- Bồi dưỡng dân số viên: the 2017–2021 classes are completed by exactly the holders
  //    chosen in build_*; others in them withdrew or failed.
  auto staff = [this](const assignment& a) { return is_staff(a); };
  std::vector<session_ix> early;
  for (day start : {ymd(2017, 8, 7), ymd(2019, 7, 8), ymd(2020, 10, 5), ymd(2021, 9, 6)})
    early.push_back(add_session(plans_.dsv, start, province_, std::string(college), 40));
  std::vector<std::int64_t> early_count(early.size(), 0);
  for (person_ix p : derived_holders_) {
    std::vector<std::size_t> fit;
    for (std::size_t k = 0; k < early.size(); ++k)
      if (active(p, d_.sessions[early[k].value].when.to)) fit.push_back(k);
    if (fit.empty()) {
      record_certificate(p, d_.assignments[posts_[p.value].front()].when.from);
      continue;
    }
    const std::size_t k = fit[r_.below(fit.size())];
    enroll(p, early[k], enrollment_status::completed, static_cast<double>(r_.between(65, 95)) / 10.0);
    mark_trained(p, early[k]);
    holds_[p.value] = true;
    ++early_count[k];
  }
  for (std::size_t k = 0; k < early.size(); ++k) {
    const day end = d_.sessions[early[k].value].when.to;
    for (person_ix p : in_post(end, staff)) {
      if (holds_[p.value] || !r_.chance(60)) continue;
      enroll(p, early[k], r_.chance(500) ? enrollment_status::withdrawn : enrollment_status::failed);
      ++early_count[k];
    }
    settle(early[k], early_count[k]);
  }
}

void lai_chau_builder::commune_classes(int y, int rate) {
  for (std::size_t di = 0; di < districts.size(); ++di) {
    const session_ix s = add_session(plans_.commune, ymd(y, 4, r_.between(6, 24)), district_units_[di],
                                     district_location(static_cast<int>(di)), 30);
    const int target = static_cast<int>(di);
    enroll_some(s, in_post(d_.sessions[s.value].when.to, [&](const assignment& a) {
                  return is_commune_officer(a) && district_of(a) == target;
                }), y <= 2021 ? rate : paced(rate, target), 970);
  }
}

void lai_chau_builder::headcount_for(session_ix s) {
  if (r_.chance(500))
    d_.sessions[s.value].attendance.push_back(
        {t(vocab::categories, "nhan_vien_y_te_thon_ban"), sex::unknown, r_.between(4, 18), {}});
}

void lai_chau_builder::collaborator_classes(int y, int rate) {
  const term ctv_category = t(vocab::categories, "cong_tac_vien");
  for (std::size_t di = 0; di < districts.size(); ++di) {
    for (int half = 0; half < 2; ++half) {
      const session_ix s = add_session(plans_.ctv, ymd(y, 5, r_.between(4, 28)), district_units_[di],
                                       district_location(static_cast<int>(di)), 80);
      const int target = static_cast<int>(di);
      enroll_some(s, in_post(d_.sessions[s.value].when.to, [&](const assignment& a) {
                    return a.category == ctv_category && district_of(a) == target &&
                           static_cast<int>(a.person.value % 2) == half;
                  }), y <= 2021 ? rate : paced(rate, target), 930);
      headcount_for(s);
    }
  }
}

void lai_chau_builder::provider_class(int y, int district_rate, int commune_rate) {
  const session_ix s = add_session(plans_.fp, ymd(y, 9, r_.between(5, 20)), province_,
                                   "Bệnh viện Đa khoa tỉnh Lai Châu", 45);
  if (y <= 2019) d_.sessions[s.value].funding = t(vocab::funding_sources, "vien_tro");
  const std::vector<person_ix> c =
      in_post(d_.sessions[s.value].when.to, [&](const assignment& a) {
        return a.sector == sector_y_te_ && provider_flags_[a.person.value];
      });
  if (district_rate == commune_rate) {
    enroll_some(s, c, district_rate, 950);
    return;
  }
  std::vector<person_ix> at_district, at_commune;
  for (person_ix p : c)
    (is_level(d_.assignments[posts_[p.value].front()], level_tag::commune) ? at_commune
                                                                            : at_district)
        .push_back(p);
  const std::int64_t k = enroll_some(s, at_district, district_rate, 950);
  settle(s, k + enroll_some(s, at_commune, commune_rate, 950));
}

void lai_chau_builder::before_plan() {
  auto staff = [this](const assignment& a) { return is_staff(a); };
  for (int y = 2016; y <= 2021; ++y) commune_classes(y, y <= 2020 ? 420 : 700);
  for (int y = 2016; y <= 2021; ++y) collaborator_classes(y, y <= 2020 ? 250 : 350);
  // FP/RH service providers, yearly from 2017 (UNFPA-supported until 2019).
  for (int y = 2017; y <= 2021; ++y) provider_class(y, 620, 620);
  for (day start : {ymd(2018, 10, 8), ymd(2020, 10, 12)}) {
    const session_ix s = add_session(plans_.stats, start, province_, std::string(province_hall), 60);
    enroll_some(s, in_post(start + plans_.stats.days - 1, staff), 450, 950, nullptr, false, 60);
  }
  {
    const day start = ymd(2019, 6, 10);
    const session_ix s = add_session(plans_.comm, start, province_, std::string(province_hall), 60);
    enroll_some(s, in_post(start + plans_.comm.days - 1, staff), 450, 950, nullptr, false, 60);
  }
}

void lai_chau_builder::plan_dsv() {
  // Bồi dưỡng dân số viên for those still without it.
  auto staff = [this](const assignment& a) { return is_staff(a); };
  for (day start : {ymd(2022, 8, 8), ymd(2023, 8, 7), ymd(2024, 8, 5), ymd(2026, 4, 6)}) {
    const session_ix s = add_session(plans_.dsv, start, province_, std::string(college), 40);
    enroll_some(s, in_post(start + plans_.dsv.days - 1, staff), 700, 920, &holds_, true, 40);
  }
}

void lai_chau_builder::plan_commune_officers() {
  // Target 5: commune officers every year. The April classes reach nearly all; in 2022 and
  // 2024 a November class at the province took everyone still missing, in 2023 the classes
  // of Mường Tè and Sìn Hồ were cut short, and 2025 was the year of the merger.
  auto commune_officer = [this](const assignment& a) { return is_commune_officer(a); };
  for (int y = 2022; y <= 2025; ++y) {
    commune_classes(y, y == 2023 ? 940 : 1000);
    if (y == 2022 || y == 2024) {
      const session_ix s = add_session(plans_.commune, ymd(y, 11, r_.between(14, 18)), province_,
                                       std::string(province_hall), 40);
      std::vector<person_ix> missing;
      for (person_ix p : in_post(d_.sessions[s.value].when.to, commune_officer))
        if (!trained_in(p, y)) missing.push_back(p);
      enroll_some(s, missing, 1000, 1000);
    }
  }
  for (int cluster = 0; cluster < 3; ++cluster) {
    const session_ix s = add_session(plans_.commune, ymd(2026, 4, 8 + 5 * cluster), province_,
                                     std::string(province_hall), 50);
    enroll_some(s, in_post(d_.sessions[s.value].when.to, [&](const assignment& a) {
                  return is_commune_officer(a) && info_[a.unit.value].fresh % 3 == cluster;
                }), 1000, 970);
  }
}

void lai_chau_builder::plan_collaborators() {
  // Target 5: half the collaborators every year — reached in 2022 and 2024, not in 2023
  // (budget) nor 2025 (the merger).
  const term ctv_category = t(vocab::categories, "cong_tac_vien");
  for (int y = 2022; y <= 2025; ++y)
    collaborator_classes(y, y == 2023 ? 540 : y == 2025 ? 550 : 620);
  for (std::size_t ci = 0; ci < new_units_.size(); ++ci) {
    const session_ix s = add_session(plans_.ctv, ymd(2026, 5, r_.between(4, 28)), new_units_[ci],
                                     "Hội trường UBND " + d_.units[new_units_[ci].value].name, 60);
    const int target = static_cast<int>(ci);
    enroll_some(s, in_post(d_.sessions[s.value].when.to, [&](const assignment& a) {
                  return a.category == ctv_category && info_[a.unit.value].fresh == target;
                }), 620, 930);
    headcount_for(s);
  }
}

void lai_chau_builder::plan_providers() {
  // Target 3: FP/RH service providers. From 2022 the yearly class went to the district
  // hospitals' staff, with few places for the commune stations; 2026 catches up.
  for (int y = 2022; y <= 2026; ++y)
    provider_class(y, y <= 2025 ? 700 : 650, y <= 2025 ? 40 : 650);
}

void lai_chau_builder::plan_basic_knowledge() {
  // Target 1: basic population knowledge for civil servants, once each.
  const term cong_chuc = t(vocab::categories, "cong_chuc");
  std::vector<bool> done_basic(d_.persons.size(), false);
  for (day start : {ymd(2022, 6, 13), ymd(2024, 5, 13), ymd(2026, 5, 11)}) {
    const session_ix s = add_session(plans_.basic, start, province_, std::string(province_hall), 30);
    enroll_some(s, in_post(start + plans_.basic.days - 1, [&](const assignment& a) {
                  return is_dan_so(a) && a.category == cong_chuc;
                }), 650, 960, &done_basic);
  }
}

void lai_chau_builder::plan_professional_title() {
  // Target 2: the professional-title standard for public employees, once each; the places
  // (25 a class) are far fewer than the employees.
  const term vien_chuc = t(vocab::categories, "vien_chuc");
  std::vector<bool> done_cdnn(d_.persons.size(), false);
  for (day start : {ymd(2022, 10, 3), ymd(2023, 9, 11), ymd(2024, 9, 9), ymd(2025, 10, 6),
                    ymd(2026, 9, 7)}) {
    const session_ix s = add_session(plans_.cdnn, start, province_, std::string(college), 25);
    std::vector<person_ix> c = in_post(start + plans_.cdnn.days - 1, [&](const assignment& a) {
      return is_dan_so(a) && a.category == vien_chuc;
    });
    r_.shuffle(c);
    enroll_some(s, c, 600, 930, &done_cdnn, true, 25);
  }
}

void lai_chau_builder::plan_management() {
  // Target 4: population-and-development management for leaders.
  const term lanh_dao = t(vocab::roles, "lanh_dao");
  std::vector<bool> done_mgmt(d_.persons.size(), false);
  for (day start : {ymd(2022, 11, 7), ymd(2024, 11, 4), ymd(2026, 11, 2)}) {
    const session_ix s = add_session(plans_.mgmt, start, province_, std::string(province_hall), 40);
    enroll_some(s, in_post(start + plans_.mgmt.days - 1, [&](const assignment& a) {
                  return std::find(a.roles.begin(), a.roles.end(), lanh_dao) != a.roles.end() &&
                         info_[a.unit.value].tag != level_tag::village;
                }), 800, 950, &done_mgmt);
  }
}

void lai_chau_builder::plan_other_courses() {
  // Trainers, statistics, communication, state management, the elementary course.
  auto staff = [this](const assignment& a) { return is_staff(a); };
  const term cong_chuc = t(vocab::categories, "cong_chuc");
  const term ctv_category = t(vocab::categories, "cong_tac_vien");
  const std::string hall(province_hall);
  for (day start : {ymd(2022, 3, 14), ymd(2025, 3, 10)}) {
    const session_ix s = add_session(plans_.trainers, start, province_, hall, 25);
    enroll_some(s, in_post(start + plans_.trainers.days - 1, [&](const assignment& a) {
                  return is_dan_so(a) && has_role(a, "bao_cao_vien");
                }), 1000, 960);
  }
  for (day start : {ymd(2023, 10, 9), ymd(2025, 10, 13)}) {
    const session_ix s = add_session(plans_.stats, start, province_, hall, 60);
    enroll_some(s, in_post(start + plans_.stats.days - 1, staff), 450, 950, nullptr, false, 60);
  }
  for (day start : {ymd(2022, 6, 20), ymd(2024, 6, 17), ymd(2026, 6, 15)}) {
    const session_ix s = add_session(plans_.comm, start, province_, hall, 60);
    enroll_some(s, in_post(start + plans_.comm.days - 1, staff), 450, 950, nullptr, false, 60);
  }
  for (day start : {ymd(2023, 6, 5), ymd(2026, 6, 1)}) {
    const session_ix s = add_session(plans_.state, start, province_, hall, 20);
    enroll_some(s, in_post(start + plans_.state.days - 1, [&](const assignment& a) {
                  return is_dan_so(a) && is_level(a, level_tag::province) && a.category == cong_chuc;
                }), 800, 960);
  }
  std::vector<bool> done_elementary(d_.persons.size(), false);
  for (day start : {ymd(2023, 3, 6), ymd(2024, 3, 4), ymd(2026, 3, 2)}) {
    const session_ix s = add_session(plans_.elementary, start, province_, std::string(college), 35);
    enroll_some(s, in_post(start + plans_.elementary.days - 1, [&](const assignment& a) {
                  return a.category == ctv_category;
                }), 60, 900, &done_elementary, true, 35);
  }
}

int lai_chau_builder::paced(int rate, int district) {
  constexpr std::array<int, 8> pace = {1080, 1000, 800, 860, 940, 1060, 1000, 900};
  return std::min(1000, rate * pace[static_cast<std::size_t>(district)] / 1000);
}

bool lai_chau_builder::trained_in(person_ix p, int y) const {
  return p.value < trained_years_.size() && y >= 2016 && y < 2048 &&
         ((trained_years_[p.value] >> (y - 2016)) & 1U) != 0;
}

bool lai_chau_builder::active(person_ix p, day d) const {
  for (std::uint32_t a : posts_[p.value])
    if (d_.assignments[a].is_active_at(d)) return true;
  return false;
}

}  // namespace nangluc::detail::lai_chau
