// The Đồng Tháp example: the training history, 2019–2026, strand by strand.
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

int dong_thap_builder::pace_of(std::uint32_t post) const {
  const int di = district_of(d_.assignments[post]);
  return di < 0 ? 1000 : districts[static_cast<std::size_t>(di)].pace;
}

std::int64_t dong_thap_builder::offer(session_ix s, std::vector<candidate> candidates,
                                      const offer_terms& o) {
  // Places are limited: those who apply first are not always those listed first.
  if (o.limit != std::numeric_limits<std::size_t>::max()) r_.shuffle(candidates);
  std::int64_t n = 0;
  for (const auto& c : candidates) {
    if (static_cast<std::size_t>(n) >= o.limit) break;
    if (o.done != nullptr && (*o.done)[c.p.value]) continue;
    const int rate = o.paced ? std::min(1000, o.rate * pace_of(c.post) / 1000) : o.rate;
    if (!r_.chance(rate)) continue;
    ++n;
    if (enroll_one(c.p, s, o.complete, o.scored)) {
      if (o.done != nullptr) (*o.done)[c.p.value] = true;
      if (o.done_on != nullptr) (*o.done_on)[c.p.value] = end_of(s);
    }
  }
  if (enrolled_.size() <= s.value) enrolled_.resize(s.value + 1, 0);
  enrolled_[s.value] += n;
  settle(s, enrolled_[s.value]);
  return n;
}

std::string dong_thap_builder::centre_name(int di) const {
  const auto& s = districts[static_cast<std::size_t>(di)];
  return std::string(s.city ? "Trung tâm Y tế thành phố " : "Trung tâm Y tế huyện ") +
         std::string(s.name.substr(s.name.find(' ', s.city ? 10 : 0) + 1));
}

namespace {

constexpr std::string_view hall = "Hội trường Sở Y tế tỉnh Đồng Tháp";
constexpr std::string_view college = "Trường Cao đẳng Y tế Đồng Tháp";
constexpr std::string_view university = "Trường Đại học Đồng Tháp";

}  // namespace

void dong_thap_builder::build_training() {
  has_dsv_.resize(d_.persons.size(), false);
  has_cdnn_.assign(d_.persons.size(), false);
  has_elementary_.assign(d_.persons.size(), false);
  cdnn_on_.assign(d_.persons.size(), day_max);
  elementary_on_.assign(d_.persons.size(), day_max);
  add_courses();

  // -- Before the plan: commune and collaborator refreshers, a pilot elementary class.
  strand(0xD7'2019, [&] { before_plan(); });
  // -- The plan's years. Each strand has its own random stream.
  strand(0xD7'0001, [&] { plan_commune_officers(); });
  strand(0xD7'0002, [&] { plan_collaborators(); });
  strand(0xD7'0003, [&] { plan_hamlet_health_workers(); });
  strand(0xD7'0004, [&] { plan_dsv(); });
  strand(0xD7'0005, [&] { plan_management(); });
  strand(0xD7'0006, [&] { plan_professional_title(); });
  strand(0xD7'0007, [&] { plan_basic_knowledge(); });
  strand(0xD7'0008, [&] { plan_trainers_and_statistics(); });
  strand(0xD7'0009, [&] { plan_elementary(); });
}

void dong_thap_builder::add_courses() {
  // Braced initialisation runs left to right: the courses are added in this order.
  plans_ = course_plans{
      add_course("BD-DSV", "Bồi dưỡng dân số viên", "boi_duong",
                 {"truyen_thong_tu_van", "thong_ke_du_lieu", "dich_vu_khhgd_sksss"}, 120,
                 "bd_dan_so_vien", 30'000'000, 2'200'000, 26),
      add_course("BD-DSCB", "Bồi dưỡng dân số cơ bản cho đội ngũ công chức làm công tác dân số",
                 "boi_duong", {"dan_so_co_ban"}, 40, "bd_dan_so_co_ban", 9'000'000, 900'000, 5),
      add_course("BD-CDNN", "Bồi dưỡng theo tiêu chuẩn chức danh nghề nghiệp viên chức dân số",
                 "boi_duong", {"chuan_cdnn_dan_so"}, 160, "chuan_cdnn_dan_so", 25'000'000,
                 3'000'000, 30),
      add_course("BD-QLDSPT", "Bồi dưỡng quản lý dân số và phát triển cho lãnh đạo đơn vị y tế",
                 "boi_duong", {"quan_ly_dan_so_phat_trien"}, 40, "bd_quan_ly_dan_so_phat_trien",
                 10'000'000, 1'200'000, 5),
      add_course("DT-SCDS", "Đào tạo sơ cấp dân số - kế hoạch hóa gia đình (3 tháng)", "dao_tao",
                 {"dan_so_co_ban", "dich_vu_khhgd_sksss", "truyen_thong_tu_van"}, 440,
                 "so_cap_dan_so_khhgd", 40'000'000, 4'500'000, 88),
      add_course("TH-DSXA", "Tập huấn nghiệp vụ cho viên chức dân số xã", "tap_huan",
                 {"dan_so_co_ban", "thong_ke_du_lieu"}, 16, "", 3'000'000, 350'000, 2),
      add_course("TH-CTV", "Tập huấn kỹ năng cho cộng tác viên dân số", "tap_huan",
                 {"truyen_thong_tu_van", "dan_so_co_ban"}, 8, "", 2'500'000, 150'000, 1),
      add_course("TH-YTKA", "Tập huấn công tác dân số cho nhân viên y tế khóm, ấp", "tap_huan",
                 {"dan_so_co_ban", "dich_vu_khhgd_sksss"}, 16, "", 3'000'000, 200'000, 2),
      add_course("BD-GV", "Bồi dưỡng giảng viên, báo cáo viên dân số", "boi_duong", {"giang_vien"},
                 40, "", 9'000'000, 1'000'000, 5),
      add_course("TH-TKDL", "Tập huấn thống kê, cơ sở dữ liệu dân số", "tap_huan",
                 {"thong_ke_du_lieu", "cntt"}, 16, "", 4'000'000, 400'000, 2),
  };
}

bool dong_thap_builder::is_pop_staff(const assignment& a) const {
  return a.sector == dan_so_ && a.category != ctv_;
}

bool dong_thap_builder::is_officer(const assignment& a) const {
  return a.sector == dan_so_ && has_role(a, "chuyen_trach_dan_so_xa");
}

bool dong_thap_builder::is_leader(const assignment& a) const {
  const level_tag g = tag_of(a);
  return has_role(a, "lanh_dao") && (a.sector == y_te_ || a.sector == dan_so_) &&
         (g == level_tag::district || g == level_tag::centre || g == level_tag::commune);
}

bool dong_thap_builder::is_trainer(const assignment& a) const {
  return a.sector == dan_so_ && has_role(a, "bao_cao_vien");
}

void dong_thap_builder::before_plan() {
  for (int y = 2019; y <= 2020; ++y) {
    for (std::size_t di = 0; di < districts.size(); ++di) {
      const int target = static_cast<int>(di);
      const session_ix s = add_session(plans_.commune, ymd(y, 4, r_.between(6, 24)), district_units_[di],
                                       centre_name(target), 30);
      offer(s, in_post(end_of(s), [&](const assignment& a) {
              return is_officer(a) && district_of(a) == target;
            }), {.rate = 700, .complete = 960});
      const session_ix c = add_session(plans_.ctv, ymd(y, 5, r_.between(4, 28)), district_units_[di],
                                       centre_name(target), 80);
      offer(c, in_post(end_of(c), [&](const assignment& a) {
              return a.category == ctv_ && district_of(a) == target;
            }), {.rate = 400, .complete = 930});
    }
  }
  const session_ix pilot = add_session(plans_.elementary, ymd(2020, 8, 3), province_, std::string(college), 35);
  offer(pilot, in_post(end_of(pilot), [&](const assignment& a) { return a.category == vhw_; }),
        {.rate = 60,
         .complete = 900,
         .done = &has_elementary_,
         .done_on = &elementary_on_,
         .scored = true,
         .limit = 35});
}

void dong_thap_builder::plan_commune_officers() {
  // Commune population officers: a refresher every year, by district until the merger,
  // then by cluster of merged communes (2021: only the districts free of COVID-19 curbs).
  for (int y = 2021; y <= 2026; ++y) {
    if (y <= 2024) {
      for (std::size_t di = 0; di < districts.size(); ++di) {
        if (y == 2021 && di % 12 >= 7) continue;
        const int target = static_cast<int>(di);
        const session_ix s = add_session(plans_.commune, ymd(y, y == 2021 ? 10 : 4, r_.between(6, 24)),
                                         district_units_[di], centre_name(target), 30);
        offer(s, in_post(end_of(s), [&](const assignment& a) {
                return is_officer(a) && district_of(a) == target;
              }), {.rate = 960, .complete = 960});
      }
    } else {
      for (int cluster = 0; cluster < 4; ++cluster) {
        const session_ix s =
            add_session(plans_.commune, ymd(y, 10, 6 + 4 * cluster), province_, std::string(hall), 50);
        offer(s, in_post(end_of(s), [&](const assignment& a) {
                return is_officer(a) && district_of(a) % 4 == cluster;
              }), {.rate = 940, .complete = 960});
      }
    }
  }
}

void dong_thap_builder::plan_collaborators() {
  // Collaborators: a yearly skills workshop, by district, then by merged commune.
  for (int y = 2021; y <= 2026; ++y) {
    const int rate = y == 2021 ? 300 : y == 2023 ? 420 : 560;
    if (y <= 2024) {
      for (std::size_t di = 0; di < districts.size(); ++di) {
        for (int half = 0; half < 2; ++half) {
          const int target = static_cast<int>(di);
          const session_ix s = add_session(plans_.ctv, ymd(y, 5, r_.between(4, 28)), district_units_[di],
                                           centre_name(target), 80);
          offer(s, in_post(end_of(s), [&](const assignment& a) {
                  return a.category == ctv_ && district_of(a) == target &&
                         static_cast<int>(a.person.value % 2) == half;
                }), {.rate = rate, .complete = 930});
        }
      }
    } else {
      for (std::size_t ci = 0; ci < new_units_.size(); ++ci) {
        const int target = static_cast<int>(ci);
        const session_ix s = add_session(plans_.ctv, ymd(y, 8, r_.between(4, 28)), new_units_[ci],
                                         "Hội trường UBND " + d_.units[new_units_[ci].value].name, 60);
        offer(s, in_post(end_of(s), [&](const assignment& a) {
                return a.category == ctv_ && info_[a.unit.value].fresh == target;
              }), {.rate = rate, .complete = 930});
      }
    }
  }
}

void dong_thap_builder::plan_hamlet_health_workers() {
  // Hamlet health workers: a population-work workshop every other year.
  for (int y : {2022, 2024, 2026}) {
    for (std::size_t di = 0; di < districts.size(); ++di) {
      const int target = static_cast<int>(di);
      const session_ix s = add_session(plans_.vhw, ymd(y, 6, r_.between(6, 26)),
                                       y <= 2024 ? district_units_[di] : centre_units_[di],
                                       centre_name(target), 90);
      offer(s, in_post(end_of(s), [&](const assignment& a) {
              return a.category == vhw_ && district_of(a) == target;
            }), {.rate = 450, .complete = 940});
    }
  }
}

void dong_thap_builder::plan_dsv() {
  // Population-worker training for staff who lack the certificate.
  for (day start : {ymd(2022, 7, 4), ymd(2024, 7, 1)}) {
    const session_ix s = add_session(plans_.dsv, start, province_, std::string(college), 40);
    offer(s, in_post(start + plans_.dsv.days - 1, [this](const assignment& a) { return is_pop_staff(a); }),
          {.rate = 750, .complete = 920, .done = &has_dsv_, .scored = true, .limit = 40});
  }
}

void dong_thap_builder::plan_management() {
  // Target 1: leaders of district and commune health units, population-and-development
  // management (two classes a year, 2022–2025).
  std::vector<bool> done(d_.persons.size(), false);
  const std::pair<day, int> rounds[] = {{ymd(2022, 8, 8), 460}, {ymd(2023, 8, 7), 480},
                                        {ymd(2024, 8, 5), 520}, {ymd(2025, 9, 8), 620}};
  for (const auto& [start, rate] : rounds) {
    for (int cluster = 0; cluster < 2; ++cluster) {
      const day from = start + 14 * cluster;
      const session_ix s = add_session(plans_.mgmt, from, province_, std::string(hall), 80);
      offer(s, in_post(from + plans_.mgmt.days - 1, [&](const assignment& a) {
              return is_leader(a) && std::max(district_of(a), 0) % 2 == cluster;
            }), {.rate = rate, .complete = 960, .done = &done});
    }
  }
}

void dong_thap_builder::plan_professional_title() {
  // Target 2: the professional-title standard for population public employees.
  const std::pair<day, int> rounds[] = {
      {ymd(2022, 9, 12), 250}, {ymd(2022, 11, 7), 250}, {ymd(2023, 9, 11), 320},
      {ymd(2023, 11, 6), 320}, {ymd(2024, 9, 9), 360},  {ymd(2024, 11, 4), 360},
      {ymd(2025, 9, 15), 400}, {ymd(2025, 11, 3), 400}, {ymd(2026, 9, 14), 600}};
  for (const auto& [start, rate] : rounds) {
    const session_ix s = add_session(plans_.cdnn, start, province_, std::string(university), 40);
    offer(s, in_post(start + plans_.cdnn.days - 1, [this](const assignment& a) {
            return a.sector == dan_so_ && a.category == vien_chuc_;
          }),
          {.rate = rate,
           .complete = 940,
           .done = &has_cdnn_,
           .done_on = &cdnn_on_,
           .scored = true,
           .limit = 40});
  }
}

void dong_thap_builder::plan_basic_knowledge() {
  // Target 4 and 5: the basic population course for civil servants and trainers
  // (from 2023).
  std::vector<bool> done(d_.persons.size(), false);
  for (day start : {ymd(2023, 10, 16), ymd(2025, 5, 12), ymd(2026, 5, 11), ymd(2026, 10, 12)}) {
    const session_ix s = add_session(plans_.basic, start, province_, std::string(hall), 40);
    const day end = start + plans_.basic.days - 1;
    // Civil servants of the sub-department first; few places for the districts' trainers.
    offer(s, in_post(end, [&](const assignment& a) {
            return a.sector == dan_so_ && tag_of(a) == level_tag::province &&
                   (a.category == cong_chuc_ || has_role(a, "bao_cao_vien"));
          }), {.rate = 450, .complete = 950, .done = &done});
    offer(s, in_post(end, [&](const assignment& a) {
            return is_trainer(a) && tag_of(a) != level_tag::province;
          }), {.rate = 240, .complete = 950, .done = &done});
  }
}

void dong_thap_builder::plan_trainers_and_statistics() {
  // Trainers' course and statistics workshops.
  for (day start : {ymd(2022, 3, 14), ymd(2025, 3, 10)}) {
    const session_ix s = add_session(plans_.trainers, start, province_, std::string(hall), 25);
    offer(s, in_post(start + plans_.trainers.days - 1, [this](const assignment& a) { return is_trainer(a); }),
          {.rate = 900, .complete = 960});
  }
  for (day start : {ymd(2023, 10, 2), ymd(2025, 10, 20)}) {
    const session_ix s = add_session(plans_.stats, start, province_, std::string(hall), 60);
    offer(s, in_post(start + plans_.stats.days - 1, [this](const assignment& a) { return is_pop_staff(a); }),
          {.rate = 300, .complete = 950, .limit = 60});
  }
}

void dong_thap_builder::plan_elementary() {
  // The 3-month elementary course: most places for hamlet health workers, the rest for
  // collaborators.
  for (day start : {ymd(2023, 3, 6), ymd(2024, 3, 4), ymd(2024, 8, 5), ymd(2025, 3, 3),
                    ymd(2025, 6, 2), ymd(2025, 8, 4), ymd(2026, 3, 2), ymd(2026, 8, 3)}) {
    const session_ix s = add_session(plans_.elementary, start, province_, std::string(college), 35);
    const day end = start + plans_.elementary.days - 1;
    offer(s, in_post(end, [&](const assignment& a) { return a.category == vhw_; }),
          {.rate = 500,
           .complete = 900,
           .done = &has_elementary_,
           .done_on = &elementary_on_,
           .scored = true,
           .limit = 28});
    offer(s, in_post(end, [&](const assignment& a) { return a.category == ctv_; }),
          {.rate = 500,
           .complete = 900,
           .done = &has_elementary_,
           .done_on = &elementary_on_,
           .scored = true,
           .limit = 7});
  }
}

}  // namespace nangluc::detail::dong_thap
