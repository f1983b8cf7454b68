// The national workload: the tree of units, 2016–2030 — provinces before and after the 2025
// mergers, districts, old and new communes, villages.
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

std::uint32_t national_builder::add_unit(std::string id, std::string name, term level,
                                         std::string_view kind, day_range valid, std::int16_t pre,
                                         std::int16_t post) {
  pre_region_.push_back(pre);
  post_region_.push_back(post);
  return builder::add_unit(std::move(id), std::move(name), level, kind, valid).value;
}

std::string national_builder::place_name() {
  const std::span<const std::string_view> s(place_syllables);
  std::string_view a = r_.pick(s);
  std::string_view b = r_.pick(s);
  while (b == a) b = r_.pick(s);
  return std::string(a) + " " + std::string(b);
}

std::vector<std::size_t> national_builder::split(std::size_t total, std::size_t parts,
                                                 std::size_t min) {
  std::vector<std::size_t> out(parts);
  const std::size_t mean = std::max<std::size_t>(total / parts, min);
  std::size_t sum = 0;
  for (auto& v : out) {
    const std::size_t spread = std::max<std::size_t>(mean, 1);
    v = std::max(min, mean / 2 + r_.below(spread + 1));
    sum += v;
  }
  // Nudge until the shares add up exactly.
  while (sum != total) {
    auto& v = out[r_.below(parts)];
    if (sum < total) {
      const std::size_t add = std::min<std::size_t>(total - sum, std::max<std::size_t>(1, mean / 4));
      v += add;
      sum += add;
    } else if (v > min) {
      const std::size_t sub = std::min({sum - total, v - min, std::max<std::size_t>(1, mean / 4)});
      v -= sub;
      sum -= sub;
    }
  }
  return out;
}

void national_builder::build_tree() {
  const std::size_t n = opt_.persons;
  const std::size_t old_communes = std::max(scaled(10'000, n, 0), 2 * district_total);
  const std::size_t new_communes = std::min(scaled(3'321, n, 2 * new_provinces.size()), old_communes);
  const std::size_t villages = std::max(scaled(100'000, n, 0), old_communes);
  d_.units.reserve(1 + old_provinces.size() + new_provinces.size() + district_total +
                   old_communes + new_communes + villages);

  root_ = add_unit("VN", "Việt Nam", lv_[0], "", {}, national_region, national_region);
  build_provinces();
  build_districts();
  build_old_communes(old_communes);
  build_new_communes(old_communes, new_communes);
  build_villages(villages);
}

void national_builder::build_provinces() {
  // Provinces. An unchanged province is one unit throughout; merged ones end on 2025-06-30.
  old_province_unit_.assign(old_provinces.size(), none);
  old_to_new_.assign(old_provinces.size(), 0);
  new_province_unit_.assign(new_provinces.size(), none);
  for (std::size_t j = 0; j < new_provinces.size(); ++j)
    for (std::string_view c : new_provinces[j].from)
      for (std::size_t i = 0; i < old_provinces.size(); ++i)
        if (!c.empty() && old_provinces[i].code == c) old_to_new_[i] = static_cast<std::uint32_t>(j);
  for (std::size_t i = 0; i < old_provinces.size(); ++i) {
    const auto& p = old_provinces[i];
    const std::size_t j = old_to_new_[i];
    const bool unchanged = new_provinces[j].from[1].empty();
    const auto u = add_unit(std::string(p.code), std::string(p.city ? "Thành phố " : "Tỉnh ") + std::string(p.name),
                            lv_[1], p.city ? "thanh_pho_tw" : "tinh",
                            {day_min, unchanged ? day_max : last_old_day},
                            static_cast<std::int16_t>(i),
                            unchanged ? static_cast<std::int16_t>(old_provinces.size() + j) : no_region);
    set_parent(u, root_);
    old_province_unit_[i] = u;
    if (unchanged) new_province_unit_[j] = u;
  }
  for (std::size_t j = 0; j < new_provinces.size(); ++j) {
    if (new_province_unit_[j] != none) continue;
    const auto& p = new_provinces[j];
    const auto u = add_unit(std::string(p.code) + "-2025",
                            std::string(p.city ? "Thành phố " : "Tỉnh ") + std::string(p.name), lv_[1],
                            p.city ? "thanh_pho_tw" : "tinh", {first_new_day, day_max}, no_region,
                            static_cast<std::int16_t>(old_provinces.size() + j));
    set_parent(u, root_);
    new_province_unit_[j] = u;
  }
  for (std::size_t i = 0; i < old_provinces.size(); ++i)
    if (old_province_unit_[i] != new_province_unit_[old_to_new_[i]])
      d_.units[old_province_unit_[i]].successor = unit_ix{new_province_unit_[old_to_new_[i]]};
}

void national_builder::build_districts() {
  // Districts, contiguous by province.
  const auto districts_per = split(district_total, old_provinces.size(), 3);
  for (std::size_t i = 0; i < old_provinces.size(); ++i) {
    const bool city = old_provinces[i].city;
    for (std::size_t k = 0; k < districts_per[i]; ++k) {
      const bool capital = k == 0;
      const bool urban = city && r_.chance(450);
      const std::string_view kind = capital ? (city ? "quan" : "thanh_pho")
                                    : urban ? "quan"
                                    : r_.chance(60) ? "thi_xa"
                                                    : "huyen";
      const std::string_view prefix = kind == "quan" ? "Quận "
                                      : kind == "thanh_pho" ? "Thành phố "
                                      : kind == "thi_xa" ? "Thị xã "
                                                         : "Huyện ";
      const auto u = add_unit(padded(district_unit_.size() + 1, 3), std::string(prefix) + place_name(),
                              lv_[2], kind, {day_min, last_old_day}, static_cast<std::int16_t>(i),
                              no_region);
      set_parent(u, old_province_unit_[i]);
      district_unit_.push_back(u);
      district_province_.push_back(static_cast<std::uint32_t>(i));
    }
  }
}

void national_builder::build_old_communes(std::size_t old_communes) {
  // Old communes, contiguous by district.
  const auto communes_per = split(old_communes, district_unit_.size(), 2);
  const std::size_t width = std::max<std::size_t>(5, std::to_string(old_communes).size());
  district_first_commune_.push_back(0);
  for (std::size_t di = 0; di < district_unit_.size(); ++di) {
    const std::string_view kind_of_district = d_.vocabularies.at(vocab::unit_kinds).code(d_.units[district_unit_[di]].kind);
    const bool urban = kind_of_district == "quan" || kind_of_district == "thanh_pho";
    for (std::size_t k = 0; k < communes_per[di]; ++k) {
      const std::string_view kind = urban ? (r_.chance(850) ? "phuong" : "xa")
                                    : k == 0 ? "thi_tran"
                                    : r_.chance(40) ? "phuong"
                                                    : "xa";
      const std::string_view prefix = kind == "phuong" ? "Phường " : kind == "thi_tran" ? "Thị trấn " : "Xã ";
      const auto u = add_unit(padded(old_commune_unit_.size() + 1, width), std::string(prefix) + place_name(),
                              lv_[3], kind, {day_min, last_old_day},
                              static_cast<std::int16_t>(district_province_[di]), no_region);
      set_parent(u, district_unit_[di]);
      old_commune_unit_.push_back(u);
      commune_district_.push_back(static_cast<std::uint32_t>(di));
    }
    district_first_commune_.push_back(static_cast<std::uint32_t>(old_commune_unit_.size()));
  }
}

void national_builder::build_new_communes(std::size_t old_communes, std::size_t new_communes) {
  // New communes: each new province gets a share proportional to the communes it absorbs,
  // and each takes a contiguous run of them (2025 mergers joined neighbours).
  std::vector<std::vector<std::uint32_t>> absorbed(new_provinces.size());
  for (std::uint32_t c = 0; c < old_commune_unit_.size(); ++c)
    absorbed[old_to_new_[district_province_[commune_district_[c]]]].push_back(c);
  const std::vector<std::size_t> share = new_commune_shares(absorbed, old_communes, new_communes);
  commune_successor_.assign(old_commune_unit_.size(), 0);
  for (std::size_t j = 0; j < new_provinces.size(); ++j) {
    const auto& olds = absorbed[j];
    const bool city = new_provinces[j].city;
    for (std::size_t g = 0; g < share[j]; ++g) {
      const std::size_t lo = g * olds.size() / share[j];
      const std::size_t hi = (g + 1) * olds.size() / share[j];
      const int roll = r_.between(0, 999);
      const std::string_view kind = roll < (city ? 600 : 180) ? "phuong" : roll < 996 ? "xa" : "dac_khu";
      const std::string_view prefix = kind == "phuong" ? "Phường " : kind == "xa" ? "Xã " : "Đặc khu ";
      const auto u = add_unit(padded(new_commune_unit_.size() + 1, 5) + "-2025",
                              std::string(prefix) + place_name(), lv_[3], kind,
                              {first_new_day, day_max}, no_region,
                              static_cast<std::int16_t>(old_provinces.size() + j));
      set_parent(u, new_province_unit_[j]);
      const auto nc = static_cast<std::uint32_t>(new_commune_unit_.size());
      new_commune_unit_.push_back(u);
      new_commune_province_.push_back(static_cast<std::uint32_t>(j));
      for (std::size_t k = lo; k < hi; ++k) {
        commune_successor_[olds[k]] = nc;
        d_.units[old_commune_unit_[olds[k]]].successor = unit_ix{u};
      }
    }
  }
}

std::vector<std::size_t> national_builder::new_commune_shares(
    const std::vector<std::vector<std::uint32_t>>& absorbed, std::size_t old_communes,
    std::size_t new_communes) {
  std::vector<std::size_t> share(new_provinces.size());
  std::size_t assigned = 0;
  for (std::size_t j = 0; j < new_provinces.size(); ++j) {
    share[j] = std::max<std::size_t>(
        1, (absorbed[j].size() * new_communes + old_communes / 2) / old_communes);
    share[j] = std::min(share[j], absorbed[j].size());
    assigned += share[j];
  }
  for (std::size_t guard = 0; assigned != new_communes && guard < 100 * new_communes; ++guard) {
    const std::size_t j = r_.below(new_provinces.size());
    if (assigned < new_communes && share[j] < absorbed[j].size()) {
      ++share[j];
      ++assigned;
    } else if (assigned > new_communes && share[j] > 1) {
      --share[j];
      --assigned;
    }
  }
  return share;
}

void national_builder::build_villages(std::size_t villages) {
  // Villages: under their old commune until 2025-06-30, then under its successor.
  const auto villages_per = split(villages, old_commune_unit_.size(), 1);
  commune_first_village_.push_back(0);
  const auto& kinds = d_.vocabularies.at(vocab::unit_kinds);
  for (std::size_t c = 0; c < old_commune_unit_.size(); ++c) {
    const std::uint32_t cu = old_commune_unit_[c];
    const std::string_view commune_kind = kinds.code(d_.units[cu].kind);
    const std::uint32_t province = district_province_[commune_district_[c]];
    const bool south = is_south(old_provinces[province].code);
    const bool mountain = region_of(old_provinces[province].code) == region_kind::north_mountain;
    const std::string_view kind = commune_kind == "xa" ? (south ? "ap" : mountain ? "ban" : "thon")
                                  : south ? "khom" : "to_dan_pho";
    const std::string_view prefix = kind == "ap" ? "Ấp " : kind == "ban" ? "Bản " : kind == "thon" ? "Thôn "
                                    : kind == "khom" ? "Khóm " : "Tổ dân phố ";
    const std::uint32_t successor = new_commune_unit_[commune_successor_[c]];
    const std::string& cid = d_.units[cu].id;
    for (std::size_t k = 0; k < villages_per[c]; ++k) {
      const bool named = kind == "ap" || kind == "ban" || (kind == "thon" && r_.chance(300));
      std::string name = std::string(prefix) + (named ? place_name() : std::to_string(k + 1));
      const auto v = add_unit(cid + padded(k + 1, 3), std::move(name), lv_[4], kind, {},
                              static_cast<std::int16_t>(province),
                              static_cast<std::int16_t>(old_provinces.size() + new_commune_province_[commune_successor_[c]]));
      set_parents_over_time(unit_ix{v}, unit_ix{cu}, unit_ix{successor});
      village_unit_.push_back(v);
      village_commune_.push_back(static_cast<std::uint32_t>(c));
    }
    commune_first_village_.push_back(static_cast<std::uint32_t>(village_unit_.size()));
  }
}

}  // namespace nangluc::detail::national
