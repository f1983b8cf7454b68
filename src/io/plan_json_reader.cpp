// Reading plans from `nangluc/plan@1` JSON with every problem located (evaluation.md §1–3,
// model.md §4). Plans are small, so the reader works on a DOM.

#include <nangluc/plan.hpp>

#include "io/json_input.hpp"
#include "io/json_records.hpp"
#include "io/plan_json.hpp"
#include "io/plan_json_parts.hpp"
#include "io/read_file.hpp"
#include "io/text_format.hpp"
#include "model/problems.hpp"
#include "text/unicode.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <set>
#include <utility>

namespace nangluc {

namespace {

using detail::fields;
using detail::is_extension;
using detail::json;
using detail::json_type_name;
using detail::pointer_token;
using detail::range_text;

constexpr std::string_view plan_format = "nangluc/plan@1";

std::optional<measure> parse_measure(std::string_view s) {
  for (auto m : {measure::person_coverage, measure::annual_person_coverage, measure::unit_coverage,
                 measure::activity_count, measure::staffing_fill})
    if (to_string(m) == s) return m;
  return std::nullopt;
}

std::optional<count_kind> parse_count(std::string_view s) {
  for (auto c : {count_kind::sessions, count_kind::person_times, count_kind::unique_persons, count_kind::hours,
                 count_kind::cost_vnd})
    if (to_string(c) == s) return c;
  return std::nullopt;
}

int year_of(day d) { return static_cast<int>(to_date(d).year()); }

// Which target fields each measure takes (evaluation.md §3); `id`, `title`, `measure` and x_
// fields go with every measure.
struct measure_rule {
  std::vector<std::string_view> required, optional;
};

const measure_rule& rule_for(measure m) {
  static const measure_rule person{{"population", "criterion", "milestones"}, {"denominator"}};
  static const measure_rule annual{{"population", "criterion", "min_percent"}, {"denominator", "years"}};
  static const measure_rule units{{"unit_level", "population", "milestones"}, {"criterion", "min_per_unit"}};
  static const measure_rule activity{{"count", "milestones"}, {"filter", "population"}};
  static const measure_rule fill{{"population", "milestones"}, {}};
  switch (m) {
    case measure::person_coverage: return person;
    case measure::annual_person_coverage: return annual;
    case measure::unit_coverage: return units;
    case measure::activity_count: return activity;
    case measure::staffing_fill: return fill;
  }
  return person;
}

constexpr std::array<std::string_view, 10> target_specific_fields = {
    "population", "criterion", "denominator", "unit_level", "min_per_unit", "count",
    "filter",     "min_percent", "years",     "milestones"};

template <class List>
bool contains(const List& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// The plan's JSON value, or nullopt (with the problems reported) when it cannot be read: the one
// JSON front-end (src/io/json_input.hpp), with the limits and locations of every JSON input.
std::optional<json> parse_plan_text(std::string_view text, const std::string& file, detail::problem_list& problems) {
  detail::json_input_options options;
  options.file = file;
  return detail::parse_json_input(text, problems, options);
}

// The plan as a whole: its fields, phases, targets and milestones, and the names that groups and
// criteria refer to; values, selectors and criteria come from the base (plan_json_parts.cpp).
class plan_reader : public detail::plan_json_base {
 public:
  explicit plan_reader(std::string file) : plan_json_base(std::move(file)) {}

  plan read(std::string_view text) {
    auto root = parse_plan_text(text, file_, problems_);
    if (!root) throw validation_error(problems_.take());
    if (!root->is_object()) {
      error("", "wrong_type", "a plan must be a JSON object, not " + json_type_name(*root));
      problems_.throw_if_errors();
    }
    read_plan(*root);
    check_names();
    problems_.throw_if_errors();
    p_.warnings = problems_.take();
    return std::move(p_);
  }

  // ---- values --------------------------------------------------------------------------------









  // ---- selectors and criteria ----------------------------------------------------------------







  // ---- the plan ------------------------------------------------------------------------------

  void read_plan(const json& root) {
    fields f(*this, root, "", "a plan",
             {"format", "id", "title", "issuer", "reference", "implements", "period", "phases", "budget_vnd",
              "at_risk_ratio", "groups", "criteria", "targets"},
             true);
    if (const json* fmt = f.get("format"); !fmt) {
      error("/format", "missing_field", "missing \"format\": \"nangluc/plan@1\"");
    } else if (!fmt->is_string() || fmt->get_ref<const std::string&>() != plan_format) {
      error("/format", "bad_format", "format must be \"nangluc/plan@1\", not " + fmt->dump());
    }
    p_.id = f.text("id", true);
    p_.title = title(f, "title", &p_.title_bilingual);
    p_.issuer = f.text("issuer", true);
    p_.reference = f.text("reference", false);
    p_.implements = f.text("implements", false);

    if (const json* v = f.get("period")) {
      fields pf(*this, *v, f.at("period"), "'period'", {"start", "end"}, false);
      if (pf.ok()) period_ = range_fields(pf);
      if (period_) p_.period = *period_;
    } else {
      f.missing("period");
    }

    if (const json* v = f.get("phases")) read_phases(*v, f.at("phases"));

    if (const json* v = f.get("budget_vnd")) p_.budget_vnd = count_value(*v, f.at("budget_vnd"), "budget_vnd");
    if (const json* v = f.get("at_risk_ratio")) {
      if (!v->is_number()) {
        error(f.at("at_risk_ratio"), "wrong_type", "'at_risk_ratio' must be a number, not " + json_type_name(*v));
      } else if (const double r = v->get<double>(); !(r > 0 && r <= 1)) {
        error(f.at("at_risk_ratio"), "bad_value", "'at_risk_ratio' must be above 0 and at most 1, not " + v->dump());
      } else {
        p_.at_risk_ratio = r;
      }
    }

    if (const json* v = f.get("groups")) {
      named_entries(*v, f.at("groups"), "groups", [&](const std::string& name, const json& x, const std::string& w) {
        owner_ = name;
        p_.groups[name] = read_selector(x, w);
        owner_.clear();
      });
    }
    if (const json* v = f.get("criteria")) {
      named_entries(*v, f.at("criteria"), "criteria", [&](const std::string& name, const json& x, const std::string& w) {
        owner_ = name;
        p_.criteria[name] = read_criterion(x, w);
        owner_.clear();
      });
    }

    if (const json* v = f.get("targets")) read_targets(*v, f.at("targets"));
    else f.missing("targets");
    p_.extras = f.take_extras();
  }

  template <class Read>
  void named_entries(const json& v, const std::string& where, std::string_view what, Read read) {
    if (!v.is_object()) {
      error(where, "wrong_type", "'" + std::string(what) + "' must be an object of named entries, not " +
                                     json_type_name(v));
      return;
    }
    std::set<std::string> seen;
    for (const auto& [key, x] : v.items()) {
      const std::string w = where + "/" + pointer_token(key);
      if (key.empty()) {
        error(w, "bad_value", "a name in '" + std::string(what) + "' must not be empty");
        continue;
      }
      std::string name = key;
      detail::normalize_in_place(name);
      if (!seen.insert(name).second) {
        error(w, "duplicate_id", "the name '" + name + "' is used twice in '" + std::string(what) +
                                     "' (two spellings of the same text)");
        continue;
      }
      read(name, x, w);
    }
  }

  void read_phases(const json& v, const std::string& where) {
    if (!v.is_array()) {
      error(where, "wrong_type", "'phases' must be a list of {id, start, end}, not " + json_type_name(v));
      return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string w = where + "/" + std::to_string(i);
      fields f(*this, v[i], w, "a phase", {"id", "start", "end"}, false);
      if (!f.ok()) continue;
      phase ph;
      ph.id = f.text("id", true);
      const auto r = range_fields(f);
      if (r) {
        ph.when = *r;
        check_in_period(*r, w, "phase '" + ph.id + "'");
      }
      if (ph.id.empty()) continue;
      if (auto it = phases_.find(ph.id); it != phases_.end()) {
        error(f.at("id"), "duplicate_id",
              "phase id '" + ph.id + "' is used again (first at " + where + "/" + std::to_string(it->second.at) + ")");
        continue;
      }
      phases_.emplace(ph.id, phase_entry{i, r});
      p_.phases.push_back(std::move(ph));
    }
  }

  void read_targets(const json& v, const std::string& where) {
    if (!v.is_array()) {
      error(where, "wrong_type", "'targets' must be a list, not " + json_type_name(v));
      return;
    }
    std::map<std::string, std::size_t> ids;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string w = where + "/" + std::to_string(i);
      target t = read_target(v[i], w);
      if (!t.id.empty()) {
        if (auto [it, added] = ids.emplace(t.id, i); !added)
          error(w + "/id", "duplicate_id",
                "target id '" + t.id + "' is used again (first at " + where + "/" + std::to_string(it->second) + ")");
      }
      p_.targets.push_back(std::move(t));
    }
  }

  target read_target(const json& v, const std::string& where) {
    fields f(*this, v, where, "a target",
             {"id", "title", "measure", "population", "criterion", "denominator", "unit_level", "min_per_unit",
              "count", "filter", "min_percent", "years", "milestones"},
             true);
    target t;
    if (!f.ok()) return t;
    t.id = f.text("id", true);
    t.title = title(f, "title", nullptr);

    std::optional<measure> m;
    if (const json* x = f.get("measure")) {
      if (x->is_string()) m = parse_measure(x->get_ref<const std::string&>());
      if (!m)
        error(f.at("measure"), "bad_value",
              "'measure' must be one of person_coverage, annual_person_coverage, unit_coverage, activity_count, "
              "staffing_fill, not " + x->dump());
    } else {
      f.missing("measure");
    }
    // With the measure known, fields it does not take are refused and the ones it needs required.
    auto applies = [&](std::string_view key) {
      if (!m) return true;
      const auto& rule = rule_for(*m);
      return contains(rule.required, key) || contains(rule.optional, key);
    };
    if (m) {
      for (auto key : target_specific_fields)
        if (f.has(key) && !applies(key))
          error(f.at(key), "unknown_field",
                "'" + std::string(key) + "' does not apply to measure " + std::string(to_string(*m)));
      for (auto key : rule_for(*m).required)
        if (!f.has(key)) f.missing(key);
    }
    auto given = [&](std::string_view key) { return applies(key) ? f.get(key) : nullptr; };
    detail::target_fields parts = read_target_fields(f, given);
    if (const json* x = given("milestones")) {
      const std::string mw = f.at("milestones");
      if (!x->is_array()) {
        error(mw, "wrong_type", "'milestones' must be a list, not " + json_type_name(*x));
      } else if (x->empty()) {
        error(mw, "missing_field", "a target needs at least one milestone");
      } else {
        std::vector<std::optional<day_range>> windows;
        for (std::size_t i = 0; i < x->size(); ++i) {
          std::optional<day_range> window;
          t.milestones.push_back(read_milestone((*x)[i], mw + "/" + std::to_string(i), m, window));
          windows.push_back(t.milestones.back().what == milestone::kind::by ? std::nullopt : window);
        }
        warn_overlaps(windows, mw);
      }
    }
    if (m) t.spec = detail::measure_of(*m, std::move(parts));
    t.extras = f.take_extras();
    return t;
  }

  // The measure-specific fields as written: every measure's while the measure is unknown, else
  // those it takes (`given` gives nullptr for the others); then the measure's own struct.
  template <class Given>
  detail::target_fields read_target_fields(fields& f, Given given) {
    detail::target_fields parts;

    if (const json* x = given("population")) parts.population = read_selector(*x, f.at("population"));
    if (const json* x = given("criterion")) parts.criterion = read_criterion(*x, f.at("criterion"));
    if (const json* x = given("denominator")) {
      if (x->is_string() && x->get_ref<const std::string&>() == "in_post_at_end")
        parts.denominator = denominator_policy::in_post_at_end;
      else if (x->is_string() && x->get_ref<const std::string&>() == "in_post_during_window")
        parts.denominator = denominator_policy::in_post_during_window;
      else
        error(f.at("denominator"), "bad_value",
              "'denominator' must be \"in_post_at_end\" or \"in_post_during_window\", not " + x->dump());
    }
    if (given("unit_level")) parts.unit_level = f.text("unit_level", true);
    if (const json* x = given("min_per_unit")) {
      auto n = whole_number(*x, f.at("min_per_unit"), "min_per_unit");
      if (n && *n < 1) error(f.at("min_per_unit"), "bad_value", "'min_per_unit' must be at least 1");
      else if (n) parts.min_per_unit = *n;
    }
    if (const json* x = given("count")) {
      std::optional<count_kind> c;
      if (x->is_string()) c = parse_count(x->get_ref<const std::string&>());
      if (c) parts.count = *c;
      else
        error(f.at("count"), "bad_value",
              "'count' must be one of sessions, person_times, unique_persons, hours, cost_vnd, not " + x->dump());
    }
    if (const json* x = given("filter")) {
      fields ff(*this, *x, f.at("filter"), "'filter'", {"courses", "kinds", "topics"}, false);
      if (const json* y = ff.get("courses")) parts.filter.courses = string_list(*y, ff.at("courses"), "courses");
      if (const json* y = ff.get("kinds")) parts.filter.kinds = string_list(*y, ff.at("kinds"), "kinds");
      if (const json* y = ff.get("topics")) parts.filter.topics = string_list(*y, ff.at("topics"), "topics");
    }
    if (const json* x = given("min_percent")) parts.min_percent_x100 = percent_value(*x, f.at("min_percent"));
    if (const json* x = given("years")) read_years(*x, f.at("years"), parts.years);

    return parts;
  }

  void read_years(const json& v, const std::string& where, std::vector<int>& years) {
    if (!v.is_array() || v.empty()) {
      error(where, v.is_array() ? "bad_value" : "wrong_type",
            "'years' must be a non-empty list of years (leave it out for every year of the period)");
      return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string w = where + "/" + std::to_string(i);
      auto y = whole_number(v[i], w, "years");
      if (!y) continue;
      if (period_ && (*y < year_of(period_->from) || *y > year_of(period_->to))) {
        error(w, "window_outside_period",
              "year " + std::to_string(*y) + " is not inside the plan period " + range_text(*period_));
        continue;
      }
      if (*y < 1400 || *y > 9999) {
        error(w, "bad_value", "year " + std::to_string(*y) + " is out of range");
        continue;
      }
      if (std::find(years.begin(), years.end(), *y) != years.end()) {
        error(w, "bad_value", "year " + std::to_string(*y) + " is listed twice");
        continue;
      }
      years.push_back(static_cast<int>(*y));
    }
  }

  milestone read_milestone(const json& v, const std::string& where, std::optional<measure> m,
                           std::optional<day_range>& window) {
    milestone ms;
    fields f(*this, v, where, "a milestone", {"phase", "window", "by", "min_percent", "min", "max"}, true);
    if (!f.ok()) return ms;
    const int kinds = static_cast<int>(f.has("phase")) + static_cast<int>(f.has("window")) +
                      static_cast<int>(f.has("by"));
    if (kinds == 0) {
      error(where, "missing_field", "a milestone needs one of 'phase', 'window' or 'by'");
    } else if (kinds > 1) {
      error(where, "bad_value", "a milestone has one of 'phase', 'window' or 'by', not several");
    } else if (f.has("phase")) {
      ms.what = milestone::kind::phase;
      if (auto id = string_value(*f.get("phase"), f.at("phase"), "'phase'")) {
        ms.phase = *id;
        if (auto it = phases_.find(*id); it != phases_.end()) {
          window = it->second.when;
        } else {
          error(f.at("phase"), "unknown_phase", "the plan has no phase '" + *id + "'" + known_list(phases_));
        }
      }
    } else if (f.has("window")) {
      ms.what = milestone::kind::window;
      fields wf(*this, *f.get("window"), f.at("window"), "'window'", {"start", "end"}, false);
      if (wf.ok()) window = range_fields(wf);
      if (window) {
        ms.window = *window;
        check_in_period(*window, f.at("window"), "window");
      }
    } else {
      ms.what = milestone::kind::by;
      if (auto by = f.date("by", true)) {
        ms.window = {p_.period.from, *by};
        if (period_) {
          if (*by < period_->from || *by > period_->to)
            error(f.at("by"), "window_outside_period",
                  "'by' " + format_day(*by) + " is not inside the plan period " + range_text(*period_));
          else
            window = ms.window;
        }
      }
    }

    const bool counts = m == measure::activity_count;
    const bool percents = m && !counts;
    if (const json* x = f.get("min_percent")) {
      if (counts) error(f.at("min_percent"), "unknown_field", "an activity count takes 'min' and/or 'max', not 'min_percent'");
      else ms.threshold.min_percent_x100 = percent_value(*x, f.at("min_percent"));
    } else if (percents) {
      f.missing("min_percent");
    }
    for (std::string_view key : {"min", "max"}) {
      const json* x = f.get(key);
      if (!x) continue;
      if (percents) {
        error(f.at(key), "unknown_field",
              "'" + std::string(key) + "' is for activity counts; measure " + std::string(to_string(*m)) +
                  " takes 'min_percent'");
        continue;
      }
      (key == "min" ? ms.threshold.min : ms.threshold.max) = count_value(*x, f.at(key), key);
    }
    if (counts && !f.has("min") && !f.has("max"))
      error(where, "missing_field", "a milestone of an activity count needs 'min' and/or 'max'");
    if (ms.threshold.min && ms.threshold.max && *ms.threshold.min > *ms.threshold.max)
      error(f.at("min"), "bad_range",
            "min " + std::to_string(*ms.threshold.min) + " is above max " + std::to_string(*ms.threshold.max));
    ms.extras = f.take_extras();
    return ms;
  }

  // Milestones whose windows overlap count the same completions twice (seed 002's "2021 to
  // 2026" and "2026 to 2030"). Legal, but worth a look. Cumulative `by` milestones are nested
  // by design and left out. A sweep in start order keeps a hostile plan with very many
  // milestones from taking quadratic time; each milestone is reported at most once, at the
  // later of the two in the file.
  void warn_overlaps(const std::vector<std::optional<day_range>>& windows, const std::string& where) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < windows.size(); ++i)
      if (windows[i]) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::pair(windows[a]->from, a) < std::pair(windows[b]->from, b);
    });
    std::vector<bool> reported(windows.size(), false);
    std::optional<std::size_t> reach;  // the window seen so far that ends last
    for (std::size_t k : order) {
      if (reach && windows[*reach]->to >= windows[k]->from) {
        const std::size_t first = std::min(*reach, k), later = std::max(*reach, k);
        if (!reported[later]) {
          reported[later] = true;
          const day_range both{windows[k]->from, std::min(windows[*reach]->to, windows[k]->to)};
          warning(where + "/" + std::to_string(later), "overlapping_milestones",
                  "window " + range_text(*windows[later]) + " overlaps milestone " + where + "/" +
                      std::to_string(first) + " (" + range_text(*windows[first]) + "): completions in " +
                      range_text(both) + " count for both");
        }
      }
      if (!reach || windows[k]->to > windows[*reach]->to) reach = k;
    }
  }

  // " (known: a, b, c)": the first few names of a map, for messages.
  template <class Map>
  static std::string known_list(const Map& names) {
    if (names.empty()) return " (it defines none)";
    std::string s = " (known: ";
    std::size_t n = 0;
    for (const auto& entry : names) {
      if (n == 8) {
        s += ", …";
        break;
      }
      s += (n++ ? ", " : "") + entry.first;
    }
    return s + ")";
  }

  // ---- names: unknown ones, and cycles among groups and among criteria ------------------------

  using name_ref = detail::name_ref;

  template <class Map>
  void check_references(const std::vector<name_ref>& refs, const Map& defined, std::string_view code,
                        std::string_view what, std::string_view section) {
    for (const auto& r : refs)
      if (!defined.count(r.name))
        error(r.where, std::string(code),
              "no " + std::string(what) + " '" + r.name + "' in '" + std::string(section) + "'" + known_list(defined));
    // Cycles: a depth-first walk over "entry refers to entry", reporting each edge that closes one.
    std::map<std::string, std::vector<const name_ref*>> edges;
    for (const auto& r : refs)
      if (!r.owner.empty() && defined.count(r.name)) edges[r.owner].push_back(&r);
    std::map<std::string, int> state;  // 0 unseen, 1 on the path, 2 done
    for (const auto& [start, unused] : edges) {
      if (state[start]) continue;
      std::vector<std::pair<std::string, std::size_t>> path{{start, 0}};
      state[start] = 1;
      while (!path.empty()) {
        auto& [node, next] = path.back();
        static const std::vector<const name_ref*> none;
        const auto found = edges.find(node);
        const auto& out = found == edges.end() ? none : found->second;
        if (next == out.size()) {
          state[node] = 2;
          path.pop_back();
          continue;
        }
        const name_ref* r = out[next++];
        const int s = state[r->name];
        if (s == 0) {
          state[r->name] = 1;
          path.emplace_back(r->name, 0);
        } else if (s == 1) {
          std::string chain;
          bool on = false;
          for (const auto& [n, unused_index] : path) {
            if (n == r->name) on = true;
            if (on) chain += "'" + n + "' -> ";
          }
          error(r->where, "cycle",
                std::string(section) + " refer to each other in a cycle: " + chain + "'" + r->name + "'");
        }
      }
    }
  }

  void check_names() {
    check_references(group_refs_, p_.groups, "unknown_group", "group", "groups");
    check_references(criterion_refs_, p_.criteria, "unknown_criterion", "criterion", "criteria");
  }

 private:
  plan p_;
  struct phase_entry {
    std::size_t at;                  // its index in the file's `phases`
    std::optional<day_range> when;   // none when its dates could not be read
  };
  std::map<std::string, phase_entry> phases_;
};

}  // namespace

plan read_plan_json(std::string_view text, std::string_view file) {
  detail::check_file_size(std::string(file), text.size(), detail::max_small_file_bytes);
  plan p = plan_reader(std::string(file)).read(text);
  p.source = std::string(file);
  return p;
}

plan load_plan(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw io_error(path.string(), "no such file");
  const auto text = detail::read_file(path, detail::max_small_file_bytes);
  return read_plan_json(text, path.string());
}

namespace detail {

std::vector<problem> check_plan_json(std::string_view text, const std::string& file) {
  try {
    return plan_reader(file).read(text).warnings;
  } catch (const validation_error& e) {
    return e.problems();
  }
}

}  // namespace detail
}  // namespace nangluc
