// A target's fields as a plan file spells them <-> the struct of its measure (evaluation.md §3).

#include "io/plan_json.hpp"

#include <type_traits>
#include <utility>

namespace nangluc::detail {

measure_spec measure_of(measure m, target_fields f) {
  switch (m) {
    case measure::person_coverage:
      return person_coverage{f.population.value_or(selector{}), f.criterion.value_or(criterion{}), f.denominator};
    case measure::annual_person_coverage:
      return annual_person_coverage{f.population.value_or(selector{}), f.criterion.value_or(criterion{}),
                                    f.denominator, f.min_percent_x100.value_or(0), std::move(f.years)};
    case measure::unit_coverage:
      return unit_coverage{std::move(f.unit_level), f.population.value_or(selector{}), std::move(f.criterion),
                           f.min_per_unit};
    case measure::activity_count: return activity_count{f.count, std::move(f.filter), std::move(f.population)};
    case measure::staffing_fill: return staffing_fill{f.population.value_or(selector{})};
  }
  return {};
}

target_fields fields_of(const measure_spec& spec) {
  target_fields f;
  std::visit(
      [&f](const auto& m) {
        using M = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<M, activity_count>) {
          f.population = m.population;
          f.count = m.count;
          f.filter = m.filter;
        } else {
          f.population = m.population;
        }
        if constexpr (std::is_same_v<M, person_coverage> || std::is_same_v<M, annual_person_coverage>) {
          f.criterion = m.criterion;
          f.denominator = m.denominator;
        }
        if constexpr (std::is_same_v<M, annual_person_coverage>) {
          f.min_percent_x100 = m.min_percent_x100;
          f.years = m.years;
        }
        if constexpr (std::is_same_v<M, unit_coverage>) {
          f.unit_level = m.unit_level;
          f.criterion = m.criterion;
          f.min_per_unit = m.min_per_unit;
        }
      },
      spec);
  return f;
}

}  // namespace nangluc::detail
