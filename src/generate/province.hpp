// Internal to the generators: the part of the builder the two provincial examples (Lai Châu,
// Đồng Tháp) share — a province whose districts are abolished and communes merged on
// 2025-07-01, its population staff's education, certificates and titles, and the order the
// registry is built in. Each example supplies its data and story through the hooks.
#pragma once

#include "generate/common.hpp"

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nangluc::detail {

/// What a provincial generator knows about a unit beyond the record.
template <class Tag>
struct unit_info {
  Tag tag{};
  int district = -1;  // former district, for the units that had one
  int commune = -1;   // old commune index, for old communes and villages
  int fresh = -1;     // new commune index, for new communes and villages
};

/// A commune until last_old_day: its name, kind, district and the new commune it merged into.
struct commune_spec {
  std::string_view name;
  commune_kind kind;
  int district;   // index into the generator's districts
  int successor;  // index into its new communes
};

/// A commune from first_new_day.
struct new_commune_spec {
  std::string_view name;
  bool ward;
};

/// What differs in how the two provinces record their staff's papers.
struct province_style {
  std::string_view name;        // "Lai Châu": the issuers are its departments
  std::string_view cccd;        // province code of citizen ids, "012"
  std::string_view person_prefix;  // person ids, "LC"
  day postgraduate_by;          // master's degrees are awarded by this day
  int title_delay_max;          // titles come 330 to this many days after recruitment
  day political_by, state_by;   // civil servants' extras are awarded by these days
  int it_permille;              // … and basic IT by this share of them
  /// The school that awarded an education code in a field.
  std::string_view (*school_for)(std::string_view code, std::string_view field);
};

template <class Tag>
class provincial_builder : public builder {
 public:
  registry build() {
    lookup_terms();
    build_territory();
    build_province();
    build_districts();
    build_communes();
    build_workforce();
    build_training();
    finish_history();
    return finish();
  }

 protected:
  using info = unit_info<Tag>;

  provincial_builder(std::uint64_t seed, province_style style) : builder(seed), style_(style) {
    session_prefix_ = std::string(style.person_prefix);
  }
  virtual ~provincial_builder() = default;

  // ---- the story, in the order build() tells it ----
  virtual void lookup_terms() = 0;
  virtual void build_territory() = 0;
  virtual void build_province() = 0;
  virtual void build_districts() = 0;
  virtual void build_communes() = 0;
  virtual void build_workforce() = 0;  // the rest of the workforce
  virtual void build_training() = 0;
  virtual void finish_history() {}

  // ---- the territory ----
  unit_ix add_unit(std::string id, std::string name, std::string_view level, std::string_view kind,
                   day_range valid, info i) {
    info_.push_back(i);
    return builder::add_unit(std::move(id), std::move(name), level, kind, valid);
  }
  /// A district-level unit until last_old_day, under the province.
  unit_ix add_district(std::string_view id, std::string_view name, bool city, std::size_t index, Tag tag) {
    const unit_ix u = add_unit(std::string(id), std::string(name), "huyen", city ? "thanh_pho" : "huyen",
                               {day_min, last_old_day}, {tag, static_cast<int>(index)});
    set_parent(u, province_);
    district_units_.push_back(u);
    return u;
  }
  /// The communes from first_new_day, numbered `first`, `first + step`, …, under the province;
  /// `district[i]` (when given) is the former district of commune i.
  void add_new_communes(std::span<const new_commune_spec> communes, std::size_t first, std::size_t step,
                        Tag tag, std::span<const int> district = {}) {
    for (std::size_t i = 0; i < communes.size(); ++i) {
      const bool ward = communes[i].ward;
      std::string name = std::string(ward ? "Phường " : "Xã ") + std::string(communes[i].name);
      const unit_ix u = add_unit(padded(first + step * i, 5), std::move(name), "xa", ward ? "phuong" : "xa",
                                 {first_new_day, day_max},
                                 {tag, district.empty() ? -1 : district[i], -1, static_cast<int>(i)});
      set_parent(u, province_);
      new_units_.push_back(u);
    }
  }
  /// The communes until last_old_day, numbered like add_new_communes, each under its district
  /// and merged into its successor, with one population officer's quota; then each merged
  /// commune's quota: one officer per commune it absorbed. Numbered wards keep their number
  /// as their name.
  void add_old_communes(std::span<const commune_spec> communes, std::size_t first, std::size_t step,
                        Tag tag, term sector) {
    std::vector<int> predecessors(new_units_.size(), 0);
    for (std::size_t i = 0; i < communes.size(); ++i) {
      const auto& s = communes[i];
      std::string name = s.name.starts_with("Phường ") ? std::string(s.name)
                                                         : std::string(prefix_of(s.kind)) + std::string(s.name);
      const unit_ix u = add_unit(padded(first + step * i, 5), std::move(name), "xa", code_of(s.kind),
                                 {day_min, last_old_day}, {tag, s.district, static_cast<int>(i), s.successor});
      set_parent(u, district_units_[static_cast<std::size_t>(s.district)]);
      at(u).successor = new_units_[static_cast<std::size_t>(s.successor)];
      ++predecessors[static_cast<std::size_t>(s.successor)];
      old_units_.push_back(u);
      add_quota(u, "vien_chuc", {"chuyen_trach_dan_so_xa"}, sector, 1, {day_min, last_old_day});
    }
    for (std::size_t i = 0; i < new_units_.size(); ++i)
      add_quota(new_units_[i], "vien_chuc", {"chuyen_trach_dan_so_xa"}, sector, predecessors[i],
                {first_new_day, day_max});
  }
  /// One of the communes the old communes of a district merged into, at random.
  unit_ix new_commune_in(int district) {
    std::vector<int> options;
    for (unit_ix u : old_units_)
      if (info_[u.value].district == district) options.push_back(info_[u.value].fresh);
    return new_units_[static_cast<std::size_t>(options[r_.below(options.size())])];
  }
  /// The district a post belongs to (its unit's former district), -1 for the province.
  [[nodiscard]] int district_of(const assignment& a) const { return info_[a.unit.value].district; }
  [[nodiscard]] Tag tag_of(const assignment& a) const { return info_[a.unit.value].tag; }

  // ---- persons and their papers ----
  /// A person named from `names` (given, middle and surname drawn in `order`), with a citizen id.
  person_ix add_named_person(const name_set& names, bool female, day birth, term ethnicity,
                             bool middle_first) {
    std::string_view given, middle;
    if (middle_first) {
      middle = r_.pick(female ? names.female_middle : names.male_middle);
      given = r_.pick(female ? names.female_given : names.male_given);
    } else {
      given = r_.pick(female ? names.female_given : names.male_given);
      middle = r_.pick(female ? names.female_middle : names.male_middle);
    }
    const std::string_view surname = r_.pick(names.surnames);
    return add_person(padded(d_.persons.size() + 1, 5, style_.person_prefix), join_name(surname, middle, given),
                      female, birth, ethnicity, style_.cccd);
  }
  /// The person's education `code` (in `field`) as of their recruitment on `start`: none
  /// (chua_qua_dao_tao), school leaving at 18, a postgraduate degree on top of a first one,
  /// or a diploma before they started.
  void add_education(person_ix p, std::string_view code, std::string_view field_code, day start) {
    const term kind = t(vocab::qualification_kinds, "education");
    const day birth = d_.persons[p.value].birth_date;
    if (code == "chua_qua_dao_tao") {
      add_qual(p, kind, t(vocab::education, code), {}, day_min);
      return;
    }
    if (code == "pho_thong") {
      add_qual(p, kind, t(vocab::education, code), {}, birth + 18 * 365 + r_.between(150, 250));
      return;
    }
    const term field = field_code.empty() ? term{} : t(vocab::fields, field_code);
    if (code == "thac_si" || code == "chuyen_khoa_1") {
      add_qual(p, kind, t(vocab::education, "dai_hoc"), field,
               std::min(start - r_.between(60, 400), birth + 23 * 365), day_max,
               std::string(style_.school_for("dai_hoc", field_code)));
      const day lo = start + 3 * 365;
      const day hi = style_.postgraduate_by;
      add_qual(p, kind, t(vocab::education, code), field, lo < hi ? r_.between(lo, hi) : hi, day_max,
               std::string(style_.school_for(code, field_code)));
      return;
    }
    const day awarded = std::max(start - r_.between(30, 900), birth + 18 * 365);
    add_qual(p, kind, t(vocab::education, code), field, std::min(awarded, start), day_max,
             std::string(style_.school_for(code, field_code)));
  }
  /// A public-health degree completed while working (vừa làm vừa học), between from and to.
  void add_degree_while_working(person_ix p, day from, day to) {
    add_qual(p, t(vocab::qualification_kinds, "education"), t(vocab::education, "dai_hoc"),
             t(vocab::fields, "y_te_cong_cong"), r_.between(from, to), day_max, "Trường Đại học Y tế Công cộng");
  }
  /// The population-worker certificate (bồi dưỡng dân số viên), awarded between lo and hi.
  void add_dsv_certificate(person_ix p, day lo, day hi) {
    add_qual(p, t(vocab::qualification_kinds, "certificate"), t("certificate", "bd_dan_so_vien"), {},
             lo < hi ? r_.between(lo, hi) : hi, day_max, "Chi cục Dân số - KHHGĐ tỉnh " + std::string(style_.name));
  }
  /// Professional title of a population public employee recruited on `start`; from
  /// career_steps_day the ranks become career steps, so a title held then is closed and the
  /// step recorded.
  void add_title(person_ix p, bool university, day start, day leaves) {
    const day awarded = start + r_.between(330, style_.title_delay_max);
    builder::add_title(p,
                       {t("professional_title", university ? "dan_so_vien_hang_iii" : "dan_so_vien_hang_iv"),
                        t("professional_title", university ? "bac_2" : "bac_1"),
                        "Sở Nội vụ tỉnh " + std::string(style_.name), "Sở Y tế tỉnh " + std::string(style_.name)},
                       awarded, leaves);
  }
  void add_civil_servant_extras(person_ix p, day start, bool leader) {
    builder::add_civil_servant_extras(
        p, start, leader,
        {style_.political_by, style_.state_by, "Trường Chính trị tỉnh " + std::string(style_.name), style_.it_permille});
  }

  province_style style_;
  std::vector<info> info_;
  unit_ix province_;
  std::vector<unit_ix> district_units_, old_units_, new_units_;
};

}  // namespace nangluc::detail
