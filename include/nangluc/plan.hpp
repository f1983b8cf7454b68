// Plans: targets over a period, with phases and milestones, on populations selected from the
// registry and criteria of what counts as trained (evaluation.md §1–3).
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/error.hpp>
#include <nangluc/extras.hpp>
#include <nangluc/language.hpp>
#include <nangluc/person.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace nangluc {

/// Text in both languages (a plan's or target's title). A plain string fills both.
struct bilingual {
  std::string vi;
  std::string en;
  /// The text in `lang`, falling back to the other language.
  [[nodiscard]] const std::string& in(language lang) const { return in_language(lang, vi, en); }
  /// The label in `lang` ("vi" or "en"), falling back to the other language.
  [[nodiscard]] const std::string& in(std::string_view lang) const {
    if (lang == "en") return en.empty() ? vi : en;
    return vi.empty() ? en : vi;
  }
  friend bool operator==(const bilingual&, const bilingual&) = default;
};

struct selector;

/// The fields of a selector (evaluation.md §1). Every field given must hold (AND); lists match
/// when the assignment's value is one of them (a vocabulary group stands for its members).
/// Codes and ids are kept as text: a plan is read without a registry and bound to one when it
/// is evaluated.
struct selector_fields {
  std::vector<std::string> category, roles, sector, level, employer_level, unit_kinds;
  std::vector<std::string> within;        ///< unit ids: the post lies in one of their subtrees
  std::vector<nangluc::sex> sex;
  std::optional<int> age_min, age_max;    ///< whole years on the evaluation date
  std::vector<selector> all_of, any_of;
  std::vector<selector> negated;          ///< `not`: zero or one selector
  friend bool operator==(const selector_fields&, const selector_fields&) = default;
};

/// A plan `groups` entry named in place of a selector; resolved away when the plan is bound.
struct group_ref {
  std::string name;
  friend bool operator==(const group_ref&, const group_ref&) = default;
};

/// Who is in a population: fields to match, or the name of a plan `groups` entry.
struct selector {
  std::variant<selector_fields, group_ref> kind;

  selector() = default;
  selector(selector_fields f) : kind(std::move(f)) {}  // NOLINT: a selector is its fields
  selector(group_ref g) : kind(std::move(g)) {}        // NOLINT: or a group's name
  /// The fields, or nullptr for a group name.
  [[nodiscard]] const selector_fields* fields() const noexcept { return std::get_if<selector_fields>(&kind); }
  [[nodiscard]] selector_fields* fields() noexcept { return std::get_if<selector_fields>(&kind); }
  /// The group's name, or nullptr for fields.
  [[nodiscard]] const group_ref* group() const noexcept { return std::get_if<group_ref>(&kind); }
  friend bool operator==(const selector&, const selector&) = default;
};

/// Where a training criterion looks for completions (§2 `within`).
struct training_range {
  enum class kind { window, ever, period } what = kind::window;
  nangluc::period length;                 ///< for `period`: (e - length, e]
  friend bool operator==(const training_range&, const training_range&) = default;
};

struct criterion;

/// `{"training": …}`: a completed session of a matching course in the range (§2).
struct training_criterion {
  std::vector<std::string> courses, kinds, topics;
  training_range within;
  std::optional<double> min_hours;
  friend bool operator==(const training_criterion&, const training_criterion&) = default;
};

/// `{"qualification": …}`: a qualification held on the evaluation date (§2).
struct qualification_criterion {
  std::string kind;                       ///< a `qualification_kinds` code
  std::vector<std::string> codes, fields;
  std::string min_rank;
  friend bool operator==(const qualification_criterion&, const qualification_criterion&) = default;
};

/// `{"all_of": […]}` and `{"any_of": […]}`.
struct all_of_criteria {
  std::vector<criterion> items;
  friend bool operator==(const all_of_criteria&, const all_of_criteria&) = default;
};
struct any_of_criteria {
  std::vector<criterion> items;
  friend bool operator==(const any_of_criteria&, const any_of_criteria&) = default;
};
/// `{"not": …}`: `item` holds the one negated criterion.
struct not_criterion {
  std::vector<criterion> item;
  friend bool operator==(const not_criterion&, const not_criterion&) = default;
};
/// A plan `criteria` entry named in place of a criterion; resolved away when the plan is bound.
struct criterion_ref {
  std::string name;
  friend bool operator==(const criterion_ref&, const criterion_ref&) = default;
};

/// What counts as done (evaluation.md §2): one of its kinds.
struct criterion {
  std::variant<training_criterion, qualification_criterion, all_of_criteria, any_of_criteria, not_criterion,
               criterion_ref>
      kind;

  criterion() = default;
  template <class Kind, class = std::enable_if_t<!std::is_same_v<std::decay_t<Kind>, criterion>>>
  criterion(Kind&& k) : kind(std::forward<Kind>(k)) {}  // NOLINT: a criterion is one of its kinds
  friend bool operator==(const criterion&, const criterion&) = default;
};

enum class measure { person_coverage, annual_person_coverage, unit_coverage, activity_count, staffing_fill };
[[nodiscard]] std::string_view to_string(measure m) noexcept;

enum class denominator_policy { in_post_at_end, in_post_during_window };
enum class count_kind { sessions, person_times, unique_persons, hours, cost_vnd };
[[nodiscard]] std::string_view to_string(count_kind c) noexcept;
[[nodiscard]] std::string_view to_string(denominator_policy d) noexcept;

/// A threshold: a percentage in hundredths (80 → 8000, 66.67 → 6667), or count bounds.
struct threshold {
  std::optional<std::int64_t> min_percent_x100;
  std::optional<std::int64_t> min, max;
  friend bool operator==(const threshold&, const threshold&) = default;
};

/// A milestone: a phase, an explicit window, or "by" a date (window from the plan's start).
struct milestone {
  enum class kind { phase, window, by } what = kind::phase;
  std::string phase;                      ///< for `phase`
  day_range window;                       ///< for `window`; for `by`, [plan start, by]
  nangluc::threshold threshold;
  extra_fields extras;
  friend bool operator==(const milestone&, const milestone&) = default;
};

/// Filter of an activity count: sessions of these courses, kinds or topics.
struct activity_filter {
  std::vector<std::string> courses, kinds, topics;
  [[nodiscard]] bool empty() const noexcept { return courses.empty() && kinds.empty() && topics.empty(); }
  friend bool operator==(const activity_filter&, const activity_filter&) = default;
};

// ---- the measures (evaluation.md §3): one struct each, the fields that measure takes ----------

/// Share of the population meeting the criterion, per milestone.
struct person_coverage {
  selector population;
  nangluc::criterion criterion;
  denominator_policy denominator = denominator_policy::in_post_at_end;
  friend bool operator==(const person_coverage&, const person_coverage&) = default;
};
/// The same once per calendar year, the window being that year.
struct annual_person_coverage {
  selector population;
  nangluc::criterion criterion;
  denominator_policy denominator = denominator_policy::in_post_at_end;
  std::int64_t min_percent_x100 = 0;      ///< the yearly threshold, in hundredths
  std::vector<int> years;                 ///< empty: every year of the plan period
  friend bool operator==(const annual_person_coverage&, const annual_person_coverage&) = default;
};
/// Share of units at `unit_level` with at least `min_per_unit` persons of the population
/// (meeting the criterion, if given) in their subtree.
struct unit_coverage {
  std::string unit_level;
  selector population;
  std::optional<nangluc::criterion> criterion;
  std::int64_t min_per_unit = 1;
  friend bool operator==(const unit_coverage&, const unit_coverage&) = default;
};
/// A count of sessions, person-times, persons, hours or cost over the window.
struct activity_count {
  count_kind count = count_kind::person_times;
  activity_filter filter;
  std::optional<selector> population;
  friend bool operator==(const activity_count&, const activity_count&) = default;
};
/// Persons in post over the matching quotas.
struct staffing_fill {
  selector population;
  friend bool operator==(const staffing_fill&, const staffing_fill&) = default;
};

/// What a target measures: one alternative per measure, in the order of `enum class measure`.
using measure_spec = std::variant<person_coverage, annual_person_coverage, unit_coverage, activity_count, staffing_fill>;

/// One target of a plan (evaluation.md §3).
struct target {
  std::string id;
  bilingual title;
  measure_spec spec;
  std::vector<nangluc::milestone> milestones;
  extra_fields extras;

  [[nodiscard]] nangluc::measure measure() const noexcept { return static_cast<nangluc::measure>(spec.index()); }
  /// The population, or nullptr (an activity count without one).
  [[nodiscard]] const selector* population() const noexcept;
  /// The criterion, or nullptr (a unit coverage without one; counts and fill have none).
  [[nodiscard]] const nangluc::criterion* criterion() const noexcept;
  /// The denominator policy of a person count (in_post_at_end for the other measures).
  [[nodiscard]] denominator_policy denominator() const noexcept;
  /// The measure's own fields, or nullptr when the target has another measure.
  template <class Measure>
  [[nodiscard]] const Measure* as() const noexcept { return std::get_if<Measure>(&spec); }
  friend bool operator==(const target&, const target&) = default;
};

struct phase {
  std::string id;
  day_range when;
  friend bool operator==(const phase&, const phase&) = default;
};

/// What a plan says (`nangluc/plan@1`): its value, compared field by field.
struct plan_definition {
  std::string id;
  bilingual title;
  bool title_bilingual = false;           ///< vi = en, written back as {vi, en} rather than a string
  std::string issuer;                     ///< unit id: the plan's scope is its subtree
  std::string reference, implements;
  day_range period;
  std::vector<nangluc::phase> phases;
  std::optional<std::int64_t> budget_vnd;
  double at_risk_ratio = 0.75;
  std::map<std::string, selector> groups;
  std::map<std::string, nangluc::criterion> criteria;
  std::vector<nangluc::target> targets;
  extra_fields extras;
  friend bool operator==(const plan_definition&, const plan_definition&) = default;
};

/// A plan: its definition, and what reading it found. Two plans are equal when they say the
/// same, whatever file they were read from.
struct plan : plan_definition {
  std::vector<problem> warnings;          ///< found while reading (e.g. overlapping milestones)
  /// Where the plan was read from (the `file` of read_plan_json, the path of load_plan): binding
  /// it to a registry names this file in its problems ("plan" when empty).
  std::string source;

  [[nodiscard]] const nangluc::target* find_target(std::string_view id) const;
  [[nodiscard]] const nangluc::phase* find_phase(std::string_view id) const;
  friend bool operator==(const plan& a, const plan& b) {
    return static_cast<const plan_definition&>(a) == static_cast<const plan_definition&>(b);
  }
};

/// The window of a milestone of `t` in `p` (phase looked up, `by` from the plan's start).
[[nodiscard]] day_range milestone_window(const plan& p, const milestone& m);

/// Checks a plan built in code as a plan file is checked (names, windows, thresholds, …), with
/// the same codes, located by JSON pointers into the plan's JSON form; warnings included.
[[nodiscard]] std::vector<problem> validate(const plan& p);

/// Reads a plan from JSON text. Throws validation_error listing every problem (unknown group or
/// criterion names, windows outside the plan period, …); warnings are kept in plan::warnings.
[[nodiscard]] plan read_plan_json(std::string_view text, std::string_view file = "<memory>");
/// Reads a plan from a file.
[[nodiscard]] plan load_plan(const std::filesystem::path& path);
/// Writes a plan as JSON text (canonical layout).
[[nodiscard]] std::string write_plan_json(const plan& p);

}  // namespace nangluc
