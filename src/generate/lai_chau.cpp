// The Lai Châu example registry: the province's population workforce exactly as section IV
// of its 2021–2030 training plan (seed 002) gives it on 2021-12-01, before and after the 2025
// reorganisation, with a training history from 2016 to 2026. Names and dates are synthetic.
// This file: the vocabulary, the territory and its villages.
#include "generate/lai_chau.hpp"
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

namespace nangluc::detail::lai_chau {

void lai_chau_builder::lookup_terms() {
  sector_dan_so_ = t(vocab::sectors, "dan_so");
  sector_y_te_ = t(vocab::sectors, "y_te");
  education_ = t(vocab::qualification_kinds, "education");
  ethnic_terms_ = {declared(vocab::ethnicities, {"kinh"}),
                   declared(vocab::ethnicities, {"thai"}),
                   declared(vocab::ethnicities, {"mong", "hmong", "h_mong"}),
                   declared(vocab::ethnicities, {"dao"}),
                   declared(vocab::ethnicities, {"ha_nhi", "hani"}),
                   declared(vocab::ethnicities, {"giay"})};
}

void lai_chau_builder::build_territory() {
  const std::size_t unit_count =
      1 + districts.size() + old_communes.size() + new_communes.size() + village_total;
  d_.units.reserve(unit_count);
  info_.reserve(unit_count);
  province_ = add_unit("12", "Tỉnh Lai Châu", "tinh", "tinh", {}, {level_tag::province});

  for (std::size_t i = 0; i < districts.size(); ++i) {
    const auto& s = districts[i];
    const unit_ix u = add_district(s.id, s.name, s.city, i, level_tag::district);
    add_quota(u, "", {}, s.quota, {day_min, last_old_day});
  }
  // New communes first in id order so old ones can name them as successor; each merged
  // commune keeps one population officer post per commune it absorbed.
  std::vector<detail::new_commune_spec> fresh;
  for (std::size_t i = 0; i < new_communes.size(); ++i) fresh.push_back({new_communes[i], i < 2});
  add_new_communes(fresh, 3760, 3, level_tag::commune);
  add_old_communes(old_communes, 3385, 3, level_tag::commune, sector_dan_so_);
  build_villages();
}

void lai_chau_builder::build_villages() {
  // Villages per commune: wards and towns have residential groups, communes bản/thôn;
  // the counts are drawn, then nudged until they add up to the plan's 956.
  std::vector<int> count(old_communes.size());
  int total = 0;
  for (std::size_t i = 0; i < old_communes.size(); ++i) {
    const ck k = old_communes[i].kind;
    count[i] = k == ck::phuong ? r_.between(8, 13) : k == ck::thi_tran ? r_.between(7, 11)
                                                                         : r_.between(5, 13);
    total += count[i];
  }
  while (total != village_total) {
    const std::size_t i = r_.below(old_communes.size());
    if (old_communes[i].kind != ck::xa) continue;
    if (total < village_total && count[i] < 16) {
      ++count[i];
      ++total;
    } else if (total > village_total && count[i] > 4) {
      --count[i];
      --total;
    }
  }
  for (std::size_t i = 0; i < old_communes.size(); ++i) {
    const auto& s = old_communes[i];
    const unit_ix commune = old_units_[i];
    const std::string& cid = d_.units[commune.value].id;
    std::vector<std::string> used;
    for (int k = 1; k <= count[i]; ++k) {
      std::string name;
      std::string_view kind;
      if (s.kind != ck::xa) {
        name = "Tổ dân phố số " + std::to_string(k);
        kind = "to_dan_pho";
      } else {
        do {
          if (r_.chance(120)) {
            name = "Thôn " + std::string(r_.pick(std::span<const std::string_view>(thon_names)));
            kind = "thon";
          } else {
            name = "Bản " + std::string(r_.pick(std::span<const std::string_view>(village_first))) +
                   " " + std::string(r_.pick(std::span<const std::string_view>(village_second)));
            kind = "ban";
          }
        } while (std::find(used.begin(), used.end(), name) != used.end());
        used.push_back(name);
      }
      std::string id = cid + (k < 10 ? "0" : "") + std::to_string(k);
      const unit_ix v = add_unit(std::move(id), std::move(name), "thon", kind, {},
                                 {level_tag::village, s.district, static_cast<int>(i), s.successor});
      set_parents_over_time(v, commune, new_units_[static_cast<std::size_t>(s.successor)]);
      village_units_.push_back(v);
      add_quota(v, "cong_tac_vien", {"cong_tac_vien_dan_so"}, 1, {});
    }
  }
}

}  // namespace nangluc::detail::lai_chau

namespace nangluc {

registry generate_lai_chau() { return detail::lai_chau::lai_chau_builder().build(); }

}  // namespace nangluc
