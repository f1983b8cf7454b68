// The Lai Châu example registry's builder (lai_chau.cpp, lai_chau_people.cpp, lai_chau_training.cpp).
#pragma once

#include "generate/lai_chau_data.hpp"

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

class lai_chau_builder final : public detail::provincial_builder<level_tag> {
 public:
  lai_chau_builder() : provincial_builder(0x4C61694368617532ULL, style) {}

 private:
  void build_workforce() override;

  // ---- vocabulary ----------------------------------------------------------------------
  void lookup_terms() override;

  // ---- units -------------------------------------------------------------------------------
  void add_quota(unit_ix u, std::string_view category, std::initializer_list<std::string_view> r,
                 std::int64_t count, day_range when) {
    builder::add_quota(u, category, r, sector_dan_so_, count, when);
  }

  void build_territory() override;

  void build_villages();

  // ---- persons, posts and qualifications ---------------------------------------------------
  person_ix add_person(ethnic g, bool female, day birth);

  /// A person recruited on `start`, aged 22 to 38 then (younger for collaborators).
  person_ix recruit(ethnic g, bool female, day start, int min_age = 22, int max_age = 38);

  std::uint32_t add_post(person_ix p, unit_ix u, unit_ix employer, std::string_view category,
                         std::vector<term> role_terms, term sector, day from, day to);

  void add_education(person_ix p, const edu_spec& e, day start) {
    provincial_builder::add_education(p, e.code, e.field, start);
  }

  /// The bd_dan_so_vien certificate of a 2021 holder: either earned in one of the 2017–2021
  /// classes of the conferring course (decided once the classes exist) or recorded.
  void mark_certificate(person_ix p, day start);
  void record_certificate(person_ix p, day start);

  bool female_share(int permille) { return r_.chance(permille); }

  ethnic draw_ethnic(std::array<int, ethnic_count> mix) {
    return static_cast<ethnic>(r_.weighted(mix));
  }

  // Province: the sub-department's 13 (12 civil servants, 1 contract), two who left before
  // 2021, one leaver and one hire after.
  void build_province() override;

  // Districts: quotas 42, 36 in post (public employees of the district centres), leaders and
  // trainers among them; abolished on 2025-06-30, when most staff move to the province.
  void build_districts() override;

  // Communes: one population officer per commune, employed by the district centre and seconded
  // (biệt phái) to the commune; from 2025-07-01 employed by the merged commune.
  void build_communes() override;

  // FP/RH service providers (health sector): one per district, thirty at commune health
  // stations (some of them station heads). Not population staff: no effect on section IV.
  void build_service_providers();

  // Collaborators: one post per village (956), 866 filled on 2021-12-01; turnover before and
  // after; many also serve as the village health worker.
  void build_collaborators();

  // ---- training -------------------------------------------------------------------------------
  /// Persons with a post on day `d` that `pred` accepts, in record order, each once.
  template <class Pred>
  std::vector<person_ix> in_post(day d, Pred pred) {
    std::vector<person_ix> out;
    for (const auto& c : builder::in_post(d, pred)) out.push_back(c.p);
    return out;
  }

  /// Notes the year of a completed refresher or workshop (not degree training).
  void mark_trained(person_ix p, session_ix s);

  /// Enrols each candidate with probability `rate`; most complete, the rest withdraw or fail.
  /// `done` (optional) marks who completed, for courses taken once.
  std::int64_t enroll_some(session_ix s, const std::vector<person_ix>& candidates, int rate,
                           int complete, std::vector<bool>* done = nullptr, bool scored = false,
                           std::size_t limit = std::numeric_limits<std::size_t>::max());

  bool is_level(const assignment& a, level_tag tag) const { return tag_of(a) == tag; }
  std::string district_location(int di) const;

  void build_training() override;

  // The training history's strands (lai_chau_training.cpp), in the order build_training runs them.
  /// The twelve courses of the history, in id order.
  void add_courses();
  /// The 2017–2021 classes of Bồi dưỡng dân số viên, completed by the holders chosen earlier.
  void early_dsv_classes();
  /// The years before the plan (to 2021).
  void before_plan();
  /// The plan's strands (2022–2026), each run with its own random stream.
  void plan_dsv();
  void plan_commune_officers();
  void plan_collaborators();
  void plan_providers();
  void plan_basic_knowledge();
  void plan_professional_title();
  void plan_management();
  void plan_other_courses();

  /// The commune officers' refresher in year `y`: one class per district in April.
  void commune_classes(int y, int rate);
  /// The collaborators' refresher in year `y`: two classes per district in May.
  void collaborator_classes(int y, int rate);
  /// Village health workers who came to a collaborators' class, counted by head only.
  void headcount_for(session_ix s);
  /// The FP/RH service providers' class of year `y`, at different rates for district and
  /// commune providers.
  void provider_class(int y, int district_rate, int commune_rate);

  [[nodiscard]] bool is_dan_so(const assignment& a) const;
  /// A population post other than a collaborator's.
  [[nodiscard]] bool is_staff(const assignment& a) const;
  [[nodiscard]] bool is_commune_officer(const assignment& a) const;

  struct course_plans {
    course_plan dsv, basic, cdnn, mgmt, fp, commune, ctv, stats, comm, trainers, elementary, state;
  };
  course_plans plans_{};
  std::vector<bool> provider_flags_;  // by person: an FP/RH service provider

  /// A district's pace of training (‰ of a rate): the remote districts lag behind.
  static int paced(int rate, int district);

  /// Whether the person completed a refresher or workshop (any course but degree training)
  /// in year `y`.
  bool trained_in(person_ix p, int y) const;

  bool active(person_ix p, day d) const;

  struct district_person {
    person_ix p;
    int district;
    bool leader;
    bool university;
    day end;
  };
  struct officer {
    person_ix p;
    int commune;
    bool university;
  };

  std::vector<bool> holds_;                         // holds bd_dan_so_vien
  std::vector<person_ix> derived_holders_;
  std::vector<district_person> district_staff_;
  std::vector<officer> officers_;
  std::vector<person_ix> providers_;
  std::vector<std::uint32_t> trained_years_;  // bit y-2016: a refresher completed in year y

  std::vector<unit_ix> village_units_;

  term sector_dan_so_, sector_y_te_, education_;
  std::array<term, ethnic_count> ethnic_terms_{};
};

}  // namespace nangluc::detail::lai_chau
