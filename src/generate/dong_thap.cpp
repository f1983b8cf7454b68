// The Đồng Tháp example registry for plan 195/KH-UBND (seed 001): the provincial population
// sub-department, twelve districts with their health centres and population staff, 143
// communes, wards and towns with a seconded population officer and a health-station head, and
// the hamlets (ấp, khóm) with their health workers and population collaborators — until the
// 2025 reorganisation, then 71 merged communes and regional health centres. Training history
// from 2019 to 2026. Names, dates and the merger pattern are synthetic.
// This file: the vocabulary, the territory and the December reviews.
#include "generate/dong_thap.hpp"
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

namespace nangluc::detail::dong_thap {

void dong_thap_builder::lookup_terms() {
  dan_so_ = t(vocab::sectors, "dan_so");
  y_te_ = t(vocab::sectors, "y_te");
  education_ = t(vocab::qualification_kinds, "education");
  certificate_ = t(vocab::qualification_kinds, "certificate");
  cong_chuc_ = t(vocab::categories, "cong_chuc");
  vien_chuc_ = t(vocab::categories, "vien_chuc");
  ctv_ = t(vocab::categories, "cong_tac_vien");
  vhw_ = t(vocab::categories, "nhan_vien_y_te_thon_ban");
  lanh_dao_ = t(vocab::roles, "lanh_dao");
  ethnic_terms_ = {t(vocab::ethnicities, "kinh"), t(vocab::ethnicities, "hoa"),
                   t(vocab::ethnicities, "khmer")};
}

void dong_thap_builder::build_territory() {
  province_ = add_unit("87", "Tỉnh Đồng Tháp", "tinh", "tinh", {}, {level_tag::province});

  for (std::size_t i = 0; i < districts.size(); ++i) {
    const auto& s = districts[i];
    const unit_ix u = add_district(s.id, s.name, s.city, i, level_tag::district);
    add_quota(u, "vien_chuc", {}, dan_so_, s.staff + (i % 3 == 0 ? 1 : 0), {day_min, last_old_day});
  }
  // From 2025-07-01 the district health centres are regional centres of the Department of
  // Health; each keeps a population team.
  for (std::size_t i = 0; i < districts.size(); ++i) {
    const auto& s = districts[i];
    const unit_ix u = add_unit("TTYT" + std::string(s.id),
                               "Trung tâm Y tế khu vực " + std::string(s.area), "huyen",
                               "trung_tam_y_te", {first_new_day, day_max},
                               {level_tag::centre, static_cast<int>(i)});
    set_parent(u, province_);
    centre_units_.push_back(u);
    add_quota(u, "vien_chuc", {}, dan_so_, 4, {first_new_day, day_max});
  }

  std::vector<int> fresh_district(new_communes.size(), -1);
  for (const auto& c : old_communes) fresh_district[static_cast<std::size_t>(c.successor)] = c.district;
  add_new_communes(new_communes, 30400, 4, level_tag::commune, fresh_district);
  add_old_communes(old_communes, 29869, 3, level_tag::commune, dan_so_);

  // Hamlets: khóm in wards and towns, ấp in communes; numbered or named, as each commune has
  // them. They stay, under the merged commune from 2025-07-01.
  for (std::size_t i = 0; i < old_communes.size(); ++i) {
    const auto& s = old_communes[i];
    const bool urban = s.kind != ck::xa;
    const int count = urban ? r_.between(4, 8) : r_.between(4, 9);
    const bool numbered = urban ? !r_.chance(200) : r_.chance(450);
    const std::string cid = d_.units[old_units_[i].value].id;
    std::vector<std::string_view> used;
    for (int k = 1; k <= count; ++k) {
      std::string name = urban ? "Khóm " : "Ấp ";
      if (numbered) {
        name += std::to_string(k);
      } else {
        std::string_view n;
        do n = r_.pick(std::span<const std::string_view>(hamlet_names));
        while (std::find(used.begin(), used.end(), n) != used.end());
        used.push_back(n);
        name += n;
      }
      const unit_ix h = add_unit(cid + (k < 10 ? "0" : "") + std::to_string(k), std::move(name),
                                 "thon", urban ? "khom" : "ap", {},
                                 {level_tag::hamlet, s.district, static_cast<int>(i), s.successor});
      set_parents_over_time(h, old_units_[i], new_units_[static_cast<std::size_t>(s.successor)]);
      hamlet_units_.push_back(h);
      add_quota(h, "cong_tac_vien", {"cong_tac_vien_dan_so"}, dan_so_, 1, {});
      add_quota(h, "nhan_vien_y_te_thon_ban", {}, y_te_, 1, {});
    }
  }
}

void dong_thap_builder::finish_history() {
  assess_standard();
  for (const auto& s : titled_)
    add_title(s.first, s.second, d_.assignments[posts_[s.first.value].front()].when.from,
              last_day_in_post(s.first));
}

int dong_thap_builder::education_rank(std::string_view code) {
  if (code == "pho_thong") return 1;
  if (code == "so_cap") return 2;
  if (code == "trung_cap") return 3;
  if (code == "cao_dang") return 4;
  if (code == "dai_hoc") return 5;
  if (code == "thac_si" || code == "chuyen_khoa_1") return 6;
  return 0;
}

void dong_thap_builder::assess_standard() {
  const auto& edu_vocab = d_.vocabularies.at(vocab::education);
  std::vector<int> rank(d_.persons.size(), 0);
  for (const auto& q : d_.qualifications)
    if (q.kind == education_)
      rank[q.person.value] = std::max(rank[q.person.value], education_rank(edu_vocab.code(q.code)));
  std::vector<bool> recognised(d_.persons.size(), false);
  strand(0xD7'000A, [&] {
    for (int y = 2022; y <= 2026; ++y) {
      const day review = ymd(y, 12, 15);
      for (const auto& c : in_post(review, [this](const assignment& a) {
             return a.sector == dan_so_ && a.category == vien_chuc_;
           })) {
        const auto p = c.p.value;
        if (recognised[p] || cdnn_on_[p] > review) continue;
        if (rank[p] < 3 && elementary_on_[p] > review) continue;
        if (!r_.chance(std::min(1000, 760 * pace_of(c.post) / 1000))) continue;
        recognised[p] = true;
        add_qual(c.p, certificate_, t("certificate", "dat_chuan_vien_chuc_dan_so"), {}, review,
                 day_max, "Sở Y tế tỉnh Đồng Tháp");
      }
    }
  });
}

}  // namespace nangluc::detail::dong_thap

namespace nangluc {

registry generate_dong_thap() { return detail::dong_thap::dong_thap_builder().build(); }

}  // namespace nangluc
