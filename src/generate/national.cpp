// The national workload of performance.md: a ministry-wide registry of the population
// workforce, 2016–2030, with the 2025 mergers — synthetic, deterministic for a seed, scaled by
// the number of persons, and built in one pass into contiguous arrays.
// This file: the order of the build, the vocabulary and the quotas.
#include "generate/national.hpp"
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

registry national_builder::build() {
  lookup_terms();
  build_tree();
  build_persons();
  build_courses();
  build_sessions();
  build_enrollments();
  build_quotas();
  release_scratch();
  return finish();
}

void national_builder::lookup_terms() {
  lv_ = {t(vocab::levels, "quoc_gia"), t(vocab::levels, "tinh"), t(vocab::levels, "huyen"),
         t(vocab::levels, "xa"), t(vocab::levels, "thon")};
  dan_so_ = t(vocab::sectors, "dan_so");
  y_te_ = t(vocab::sectors, "y_te");
  gia_dinh_ = t(vocab::sectors, "gia_dinh");
  vhxh_ = t(vocab::sectors, "van_hoa_xa_hoi");
  cat_cong_chuc_ = t(vocab::categories, "cong_chuc");
  cat_vien_chuc_ = t(vocab::categories, "vien_chuc");
  cat_hop_dong_ = t(vocab::categories, "hop_dong");
  cat_ctv_ = t(vocab::categories, "cong_tac_vien");
  cat_vhw_ = t(vocab::categories, "nhan_vien_y_te_thon_ban");
  cat_part_time_ = t(vocab::categories, "khong_chuyen_trach");
  role_leader_ = t(vocab::roles, "lanh_dao");
  role_specialist_ = t(vocab::roles, "chuyen_vien_dan_so");
  role_commune_officer_ = t(vocab::roles, "chuyen_trach_dan_so_xa");
  role_board_head_ = t(vocab::roles, "truong_ban_dan_so_xa");
  role_provider_ = t(vocab::roles, "cung_cap_dich_vu");
  role_trainer_ = t(vocab::roles, "bao_cao_vien");
  role_ctv_ = t(vocab::roles, "cong_tac_vien_dan_so");
  role_family_ = t(vocab::roles, "can_bo_gia_dinh");
  role_vhxh_ = t(vocab::roles, "cong_chuc_vhxh");
  qk_education_ = t(vocab::qualification_kinds, "education");
  qk_certificate_ = t(vocab::qualification_kinds, "certificate");
  qk_title_ = t(vocab::qualification_kinds, "professional_title");
  qk_political_ = t(vocab::qualification_kinds, "political_theory");
  qk_state_ = t(vocab::qualification_kinds, "state_management");
  qk_it_ = t(vocab::qualification_kinds, "it");
  qk_language_ = t(vocab::qualification_kinds, "language");
  {
    std::size_t k = 0;
    for (std::string_view c : {"chua_qua_dao_tao", "pho_thong", "so_cap", "trung_cap", "cao_dang",
                               "dai_hoc", "thac_si", "chuyen_khoa_1", "tien_si"})
      q_.education[k++] = t(vocab::education, c);
    q_.dan_so_y_te = t(vocab::fields, "dan_so_y_te");
    k = 0;
    for (std::string_view c : {"y_khoa", "dieu_duong_ho_sinh", "duoc", "y_te_cong_cong"})
      q_.medical_fields[k++] = t(vocab::fields, c);
    k = 0;
    for (std::string_view c : {"dan_so_y_te", "khoa_hoc_xa_hoi", "kinh_te_quan_ly", "luat", "cntt", "khac"})
      q_.other_fields[k++] = t(vocab::fields, c);
    q_.so_cap_dan_so = t("certificate", "so_cap_dan_so_khhgd");
    q_.dan_so_co_ban = t("certificate", "bd_dan_so_co_ban");
    q_.dan_so_vien = t("certificate", "bd_dan_so_vien");
    q_.dat_chuan = t("certificate", "dat_chuan_vien_chuc_dan_so");
    q_.ranks = {t("professional_title", "dan_so_vien_hang_ii"), t("professional_title", "dan_so_vien_hang_iii"),
                t("professional_title", "dan_so_vien_hang_iv")};
    q_.steps = {t("professional_title", "bac_3"), t("professional_title", "bac_2"),
                t("professional_title", "bac_1")};
    q_.political_mid = t("political_theory", "trung_cap");
    q_.political_high = t("political_theory", "cao_cap");
    q_.state_clerk = t("state_management", "can_su");
    q_.state_specialist = t("state_management", "chuyen_vien");
    q_.it_basic = t("it", "cntt_co_ban");
    q_.it_advanced = t("it", "cntt_nang_cao");
    q_.language = {t("language", "bac_2"), t("language", "bac_3"), t("language", "bac_4")};
  }
  for (std::size_t i = 0; i < ethnic_groups.size(); ++i)
    ethnic_terms_[i] = declared(vocab::ethnicities, {ethnic_groups[i].code});
}

void national_builder::build_quotas() {
  // The establishment each unit was given: what it had in post on a reference day, plus up
  // to a sixth unfilled (units with nobody then get no quota of that kind).
  auto slack = [&](std::uint32_t in_post) -> std::int64_t {
    return static_cast<std::int64_t>(in_post) + r_.below(in_post / 6 + 1);
  };
  std::vector<std::uint32_t> old_count(d_.units.size(), 0), new_count(d_.units.size(), 0);
  std::vector<std::uint32_t> ctv_count(d_.units.size(), 0);
  for (const auto& a : d_.assignments) {
    if (a.sector != dan_so_) continue;
    if (a.category == cat_ctv_) {
      if (a.is_active_at(quota_old_ref)) ++ctv_count[a.unit.value];
      continue;
    }
    if (a.is_active_at(quota_old_ref)) ++old_count[a.unit.value];
    if (a.is_active_at(quota_new_ref)) ++new_count[a.unit.value];
  }
  d_.quotas.reserve(d_.units.size());
  auto add = [&](std::uint32_t u, term category, std::initializer_list<term> roles, std::int64_t count,
                 day_range when) { add_quota(unit_ix{u}, category, std::vector<term>(roles), dan_so_, count, when); };
  const day_range before{day_min, last_old_day}, after{first_new_day, day_max};
  if (old_count[root_] > 0) add(root_, {}, {}, slack(old_count[root_]), {});
  // Unchanged provinces get one quota before and one after the reorganisation.
  for (std::uint32_t u : old_province_unit_)
    if (old_count[u] > 0) add(u, {}, {}, slack(old_count[u]), before);
  for (std::uint32_t u : new_province_unit_)
    if (new_count[u] > 0) add(u, {}, {}, slack(new_count[u]), after);
  for (std::uint32_t u : district_unit_)
    if (old_count[u] > 0) add(u, {}, {}, slack(old_count[u]), before);
  for (std::uint32_t u : old_commune_unit_)
    add(u, cat_vien_chuc_, {role_commune_officer_}, 1, before);
  for (std::uint32_t u : new_commune_unit_)
    add(u, cat_vien_chuc_, {role_commune_officer_}, std::max<std::int64_t>(2, new_count[u]), after);
  for (std::uint32_t u : village_unit_)
    add(u, cat_ctv_, {role_ctv_}, std::max<std::int64_t>(1, ctv_count[u]), {});
}

void national_builder::release_scratch() {
  std::vector<std::uint32_t>().swap(first_post_);
  std::vector<std::uint32_t>().swap(region_sessions_);
  std::vector<day>().swap(session_ends_);
  std::vector<std::int16_t>().swap(session_region_);
  std::vector<std::int16_t>().swap(pre_region_);
  std::vector<std::int16_t>().swap(post_region_);
}

}  // namespace nangluc::detail::national

namespace nangluc {

registry generate_national(const national_options& options) {
  return detail::national::national_builder(options).build();
}

}  // namespace nangluc
