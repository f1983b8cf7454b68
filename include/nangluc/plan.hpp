// Plans: targets over a period, with phases and milestones, on populations selected from the
// registry and criteria of what counts as trained (evaluation.md §1–3).
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/error.hpp>
#include <nangluc/extras.hpp>
#include <nangluc/person.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nangluc {

/// Text in both languages (a plan's or target's title). A plain string fills both.
struct bilingual {
  std::string vi;
  std::string en;
  /// The label in `lang` ("vi" or "en"), falling back to the other language.
  [[nodiscard]] const std::string& in(std::string_view lang) const {
    if (lang == "en") return en.empty() ? vi : en;
    return vi.empty() ? en : vi;
  }
  friend bool operator==(const bilingual&, const bilingual&) = default;
};

/// Who is in a population (evaluation.md §1). Every field given must hold (AND); lists match
/// when the assignment's value is one of them (a vocabulary group stands for its members).
/// Codes and ids are kept as text: a plan is read without a registry and bound to one when it
/// is evaluated.
struct selector {
  std::string group;                      ///< the name of a plan `groups` entry (then nothing else)
  std::vector<std::string> category, roles, sector, level, employer_level, unit_kinds;
  std::vector<std::string> within;        ///< unit ids: the post lies in one of their subtrees
  std::vector<nangluc::sex> sex;
  std::optional<int> age_min, age_max;    ///< whole years on the evaluation date
  std::vector<selector> all_of, any_of;
  std::vector<selector> negated;          ///< `not`: zero or one selector
  friend bool operator==(const selector&, const selector&) = default;
};

/// Where a training criterion looks for completions (§2 `within`).
struct training_range {
  enum class kind { window, ever, period } what = kind::window;
  nangluc::period length;                 ///< for `period`: (e - length, e]
  friend bool operator==(const training_range&, const training_range&) = default;
};

/// What counts as done (evaluation.md §2).
struct criterion {
  enum class kind { training, qualification, all_of, any_of, negation, named } what = kind::training;
  std::string name;                       ///< for `named`: a plan `criteria` entry
  // training
  std::vector<std::string> courses, kinds, topics;
  training_range within;
  std::optional<double> min_hours;
  // qualification
  std::string qualification_kind;
  std::vector<std::string> codes, fields;
  std::string min_rank;
  // combinators
  std::vector<criterion> children;
  friend bool operator==(const criterion&, const criterion&) = default;
};

enum class measure { person_coverage, annual_person_coverage, unit_coverage, activity_count, staffing_fill };
[[nodiscard]] std::string_view to_string(measure m) noexcept;

enum class denominator_policy { in_post_at_end, in_post_during_window };
enum class count_kind { sessions, person_times, unique_persons, hours, cost_vnd };
[[nodiscard]] std::string_view to_string(count_kind c) noexcept;

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
  friend bool operator==(const activity_filter&, const activity_filter&) = default;
};

/// One target of a plan (evaluation.md §3).
struct target {
  std::string id;
  bilingual title;
  nangluc::measure measure = measure::person_coverage;
  std::optional<selector> population;
  std::optional<nangluc::criterion> criterion;
  denominator_policy denominator = denominator_policy::in_post_at_end;
  std::string unit_level;                 ///< unit_coverage: the level whose units are counted
  std::int64_t min_per_unit = 1;          ///< unit_coverage
  count_kind count = count_kind::person_times;  ///< activity_count
  activity_filter filter;                 ///< activity_count
  std::optional<std::int64_t> min_percent_x100;  ///< annual_person_coverage
  std::vector<int> years;                 ///< annual_person_coverage; empty: every year of the period
  std::vector<nangluc::milestone> milestones;
  extra_fields extras;
  friend bool operator==(const target&, const target&) = default;
};

struct phase {
  std::string id;
  day_range when;
  friend bool operator==(const phase&, const phase&) = default;
};

/// A plan (`nangluc/plan@1`).
struct plan {
  std::string id;
  bilingual title;
  bool title_bilingual = false;           ///< written back as {vi, en} rather than a string
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
  std::vector<problem> warnings;          ///< found while reading (e.g. overlapping milestones)
  /// Where the plan was read from (the `file` of read_plan_json, the path of load_plan): binding
  /// it to a registry names this file in its problems ("plan" when empty).
  std::string source;

  [[nodiscard]] const nangluc::target* find_target(std::string_view id) const;
  [[nodiscard]] const nangluc::phase* find_phase(std::string_view id) const;
  friend bool operator==(const plan& a, const plan& b) {
    return a.id == b.id && a.title == b.title && a.issuer == b.issuer && a.reference == b.reference &&
           a.implements == b.implements && a.period == b.period && a.phases == b.phases &&
           a.budget_vnd == b.budget_vnd && a.at_risk_ratio == b.at_risk_ratio && a.groups == b.groups &&
           a.criteria == b.criteria && a.targets == b.targets && a.extras == b.extras;
  }
};

/// The window of a milestone of `t` in `p` (phase looked up, `by` from the plan's start).
[[nodiscard]] day_range milestone_window(const plan& p, const milestone& m);

/// Reads a plan from JSON text. Throws validation_error listing every problem (unknown group or
/// criterion names, windows outside the plan period, …); warnings are kept in plan::warnings.
[[nodiscard]] plan read_plan_json(std::string_view text, std::string_view file = "<memory>");
/// Reads a plan from a file.
[[nodiscard]] plan load_plan(const std::filesystem::path& path);
/// Writes a plan as JSON text (canonical layout).
[[nodiscard]] std::string write_plan_json(const plan& p);

}  // namespace nangluc
