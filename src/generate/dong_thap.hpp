// The Đồng Tháp example registry's builder (dong_thap.cpp, dong_thap_people.cpp, dong_thap_training.cpp).
#pragma once

#include "generate/dong_thap_data.hpp"

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

class dong_thap_builder final : public detail::provincial_builder<level_tag> {
 public:
  dong_thap_builder() : provincial_builder(0x446F6E6754686170ULL, style) {}

 private:
  void build_workforce() override { build_hamlets(); }

  // The December reviews, then the titles of the population public employees.
  void finish_history() override;

  // ---- vocabulary ----------------------------------------------------------------------
  void lookup_terms() override;

  // ---- units -------------------------------------------------------------------------------
  void build_territory() override;

  // ---- persons, posts and qualifications ---------------------------------------------------
  ethnic draw_ethnic();

  person_ix add_person(bool female, day birth);

  /// A person recruited on `start`, aged `min_age` to `max_age` then.
  person_ix recruit(int female_permille, day start, int min_age = 22, int max_age = 38);


  void add_education(person_ix p, const edu_spec& e, day start) {
    provincial_builder::add_education(p, e.code, e.field, start);
  }

  /// The population-worker certificate (bồi dưỡng dân số viên), taken before the plan.
  void record_certificate(person_ix p, day start);

  // Province: the population sub-department (Chi cục Dân số - KHHGĐ) under the Department of
  // Health: civil servants, leaders and trainers among them, one labour contract.
  struct province_spec {
    std::initializer_list<std::string_view> roles;
    edu_spec edu;
    bool certificate;
  };

  void build_province() override;

  // Districts: the population team of each district health centre (public employees, one of
  // them its head, one a trainer) and the centre's director and deputy (health sector). On
  // 2025-07-01 the centres become regional centres; most staff stay, some go to communes or
  // the province.
  void build_districts() override;

  /// Member `k` of district `di`'s population team (k == 0 its head); some leave before the
  /// merger and are replaced.
  void add_team_member(std::size_t di, int k);
  /// A young officer replacing a team member of district `di` who left on `end`.
  void replace_team_member(std::size_t di, day end, bool trainer);
  /// The health centre's director (k == 0) or deputy director, their successor if they retire,
  /// and who leads the regional centre from 2025-07-01.
  void add_centre_leader(std::size_t di, int k);
  /// 2025-07-01: where the population teams still in post go.
  void move_teams_at_merger();

  // Communes: a population officer employed by the district health centre and seconded to
  // the commune, and the head of the commune health station. Both go on in the merged
  // commune from 2025-07-01 (the heads of merged stations as head or deputy).
  void build_communes() override;

  // Hamlets: a population collaborator and a hamlet health worker (often the same person,
  // holding both posts), with turnover before and after the plan.
  void build_hamlets();

  // ---- training -------------------------------------------------------------------------------
  int pace_of(std::uint32_t post) const;

  struct offer_terms {
    int rate = 1000;       // ‰ offered a place (scaled by the district's pace)
    int complete = 950;    // ‰ of those enrolled who complete
    std::vector<bool>* done = nullptr;  // who completed, for courses taken once
    std::vector<day>* done_on = nullptr;  // … and when
    bool scored = false;
    std::size_t limit = std::numeric_limits<std::size_t>::max();
    bool paced = true;
  };

  /// Enrols candidates; most complete, the rest withdraw or fail. Returns how many enrolled.
  std::int64_t offer(session_ix s, std::vector<candidate> candidates, const offer_terms& o);

  std::string centre_name(int di) const;

  void build_training() override;

  // The training history's strands (dong_thap_training.cpp), in the order build_training runs them.
  /// The ten courses of the history, in id order.
  void add_courses();
  /// Before the plan (2019–2020): commune and collaborator refreshers, a pilot elementary class.
  void before_plan();
  /// The plan's strands (2021–2026), each run with its own random stream.
  void plan_commune_officers();
  void plan_collaborators();
  void plan_hamlet_health_workers();
  void plan_dsv();
  void plan_management();
  void plan_professional_title();
  void plan_basic_knowledge();
  void plan_trainers_and_statistics();
  void plan_elementary();

  /// A population post other than a collaborator's.
  [[nodiscard]] bool is_pop_staff(const assignment& a) const;
  /// A commune population officer's post.
  [[nodiscard]] bool is_officer(const assignment& a) const;
  /// A leader of a district or commune health or population unit.
  [[nodiscard]] bool is_leader(const assignment& a) const;
  [[nodiscard]] bool is_trainer(const assignment& a) const;

  struct course_plans {
    course_plan dsv, basic, cdnn, mgmt, elementary, commune, ctv, vhw, trainers, stats;
  };
  course_plans plans_{};

  static int education_rank(std::string_view code);

  // Each December the Department of Health reviews the population public employees: those
  // who have done the professional-title course and have at least intermediate education (or
  // the elementary population certificate) are recognised as meeting their job position.
  void assess_standard();

  struct team_member {
    person_ix p;
    int district;
    bool head;
    bool trainer;
    day end;
  };

  std::vector<team_member> team_;
  std::vector<std::pair<person_ix, bool>> titled_;  // population public employees (university?)
  std::vector<std::int64_t> enrolled_;  // by session, over every offer
  std::vector<bool> has_dsv_, has_cdnn_, has_elementary_;
  std::vector<day> cdnn_on_, elementary_on_;  // when each completed the course (day_max: not)

  std::vector<unit_ix> centre_units_, hamlet_units_;

  term dan_so_, y_te_, education_, certificate_, cong_chuc_, vien_chuc_, ctv_, vhw_, lanh_dao_;
  std::array<term, 3> ethnic_terms_{};
};

}  // namespace nangluc::detail::dong_thap
