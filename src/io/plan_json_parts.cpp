// Reading the parts of a plan: values, an object's fields, selectors and criteria
// (evaluation.md §1–2), every problem located by JSON pointer.

#include "io/plan_json_parts.hpp"

#include "text/unicode.hpp"

#include <cmath>
#include <limits>

namespace nangluc::detail {
namespace {

template <class List>
bool contains(const List& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

fields::fields(plan_json_base& r, const json& v, std::string where, std::string_view what,
               std::initializer_list<std::string_view> known, bool keeps_extras)
    : r_(r), v_(v), where_(std::move(where)) {
  if (!v.is_object()) {
    r_.error(where_, "wrong_type", std::string(what) + " must be an object, not " + json_type_name(v));
    ok_ = false;
    return;
  }
  for (const auto& [key, value] : v.items()) {
    if (contains(known, key)) continue;
    if (!is_extension(key)) {
      r_.error(at(key), "unknown_field",
               "unknown field '" + key + "' in " + std::string(what) + " (extension fields must start with x_)");
    } else if (keeps_extras) {
      extras_.emplace_back(key, value.dump());
    } else {
      r_.warning(at(key), "extension_dropped",
                 "'" + key + "' is not kept: x_ fields are kept on the plan, its targets and their milestones, not in " +
                     std::string(what));
    }
  }
}

void fields::missing(std::string_view key) const {
  if (ok_) r_.error(at(key), "missing_field", "required field '" + std::string(key) + "' is missing");
}

std::string fields::text(std::string_view key, bool required) const {
  const json* v = get(key);
  if (!v) {
    if (required) missing(key);
    return {};
  }
  if (!v->is_string()) {
    r_.error(at(key), "wrong_type", "'" + std::string(key) + "' must be a string, not " + json_type_name(*v));
    return {};
  }
  std::string s = v->get<std::string>();
  if (s.empty() && required) missing(key);
  detail::normalize_in_place(s);
  return s;
}

std::optional<day> fields::date(std::string_view key, bool required) const {
  const json* v = get(key);
  if (!v) {
    if (required) missing(key);
    return std::nullopt;
  }
  if (!v->is_string()) {
    r_.error(at(key), "wrong_type", "'" + std::string(key) + "' must be a date string (YYYY-MM-DD), not " +
                                        json_type_name(*v));
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (auto d = parse_day(s)) return d;
  r_.error(at(key), "bad_date", "'" + s + "' is not a date (YYYY-MM-DD or dd/mm/yyyy)");
  return std::nullopt;
}

std::optional<std::string> plan_json_base::string_value(const json& v, const std::string& where, std::string_view what) {
  if (!v.is_string()) {
    error(where, "wrong_type", std::string(what) + " must be a string, not " + json_type_name(v));
    return std::nullopt;
  }
  std::string s = v.get<std::string>();
  if (s.empty()) {
    error(where, "bad_value", std::string(what) + " must not be empty");
    return std::nullopt;
  }
  detail::normalize_in_place(s);
  return s;
}

// A list of codes or ids; a single string stands for a list of one.
std::vector<std::string> plan_json_base::string_list(const json& v, const std::string& where, std::string_view key) {
  std::vector<std::string> out;
  if (v.is_string()) {
    if (auto s = string_value(v, where, "'" + std::string(key) + "'")) out.push_back(std::move(*s));
    return out;
  }
  if (!v.is_array()) {
    error(where, "wrong_type", "'" + std::string(key) + "' must be a list of strings (or one string), not " +
                                   json_type_name(v));
    return out;
  }
  if (v.empty()) {
    error(where, "bad_value",
          "'" + std::string(key) + "' is an empty list, which would match nothing; leave it out to allow any value");
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i)
    if (auto s = string_value(v[i], where + "/" + std::to_string(i), "an entry of '" + std::string(key) + "'"))
      out.push_back(std::move(*s));
  return out;
}

std::optional<std::int64_t> plan_json_base::whole_number(const json& v, const std::string& where, std::string_view key) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      error(where, "bad_value", "'" + std::string(key) + "' is too large");
      return std::nullopt;
    }
    return static_cast<std::int64_t>(u);
  }
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::trunc(d) == d && std::fabs(d) < 9.0e15) return static_cast<std::int64_t>(d);
  }
  error(where, "wrong_type", "'" + std::string(key) + "' must be a whole number, not " +
                                 (v.is_number() ? std::string("a fraction") : json_type_name(v)));
  return std::nullopt;
}

std::optional<std::int64_t> plan_json_base::count_value(const json& v, const std::string& where, std::string_view key) {
  auto n = whole_number(v, where, key);
  if (n && *n < 0) {
    error(where, "negative_value", "'" + std::string(key) + "' must not be negative");
    return std::nullopt;
  }
  return n;
}

// A percentage with at most two decimals, in hundredths (66.67 → 6667).
std::optional<std::int64_t> plan_json_base::percent_value(const json& v, const std::string& where) {
  if (!v.is_number()) {
    error(where, "wrong_type", "'min_percent' must be a number, not " + json_type_name(v));
    return std::nullopt;
  }
  const double x = v.get<double>();
  if (!(x >= 0 && x <= 100)) {
    error(where, "bad_value", "'min_percent' must lie between 0 and 100, not " + v.dump());
    return std::nullopt;
  }
  const double scaled = x * 100;
  const double whole = std::round(scaled);
  // Thresholds are compared in exact integer arithmetic, so a third decimal would be lost.
  if (std::fabs(scaled - whole) > 1e-9) {
    error(where, "bad_value", "'min_percent' may have at most 2 decimals (66.67, not " + v.dump() + ")");
    return std::nullopt;
  }
  return static_cast<std::int64_t>(whole);
}

// `{start, end}` (the plan period, a phase's dates come in the same shape).
std::optional<day_range> plan_json_base::range_fields(fields& f) {
  const auto start = f.date("start", true);
  const auto end = f.date("end", true);
  if (!start || !end) return std::nullopt;
  if (*start > *end) {
    error(f.at("start"), "bad_range", "start " + format_day(*start) + " is after end " + format_day(*end));
    return std::nullopt;
  }
  return day_range{*start, *end};
}

// Whether `r` lies inside the plan period; reports it at `where` when not.
void plan_json_base::check_in_period(const day_range& r, const std::string& where, std::string_view what) {
  if (!period_) return;
  if (r.from < period_->from || r.to > period_->to)
    error(where, "window_outside_period",
          std::string(what) + " " + range_text(r) + " is not inside the plan period " + range_text(*period_));
}

bilingual plan_json_base::title(fields& f, std::string_view key, bool* as_object) {
  bilingual b;
  const json* v = f.get(key);
  if (!v) {
    f.missing(key);
    return b;
  }
  if (v->is_string()) {
    if (auto s = string_value(*v, f.at(key), "'" + std::string(key) + "'")) b.vi = b.en = *s;
    return b;
  }
  if (!v->is_object()) {
    error(f.at(key), "wrong_type",
          "'" + std::string(key) + "' must be a string or {\"vi\": …, \"en\": …}, not " + json_type_name(*v));
    return b;
  }
  fields t(*this, *v, f.at(key), "a title", {"vi", "en"}, false);
  if (!t.ok()) return b;
  b.vi = t.text("vi", false);
  b.en = t.text("en", false);
  // Only a title whose two texts are equal needs to remember it was an object: any other is
  // written as one anyway.
  if (as_object) *as_object = b.vi == b.en;
  if (b.vi.empty() && b.en.empty())
    error(f.at(key), "missing_field", "a title needs 'vi' or 'en' (or is a plain string)");
  return b;
}

std::optional<int> plan_json_base::age_value(const json& v, const std::string& where, std::string_view key) {
  auto n = count_value(v, where, key);
  if (n && *n > 200) {
    error(where, "bad_value", "an age of " + std::to_string(*n) + " years is not plausible");
    return std::nullopt;
  }
  if (!n) return std::nullopt;
  return static_cast<int>(*n);
}

selector plan_json_base::read_selector(const json& v, const std::string& where) {
  if (v.is_string()) {
    group_ref g;
    if (auto name = string_value(v, where, "a group name")) {
      group_refs_.push_back({*name, where, owner_});
      g.name = std::move(*name);
    }
    return g;
  }
  selector_fields s;
  fields f(*this, v, where, "a selector",
           {"category", "roles", "sector", "level", "employer_level", "unit_kinds", "within", "sex", "age",
            "all_of", "any_of", "not"},
           false);
  if (!f.ok()) return s;
  auto list = [&](std::string_view key, std::vector<std::string>& out) {
    if (const json* x = f.get(key)) out = string_list(*x, f.at(key), key);
  };
  list("category", s.category);
  list("roles", s.roles);
  list("sector", s.sector);
  list("level", s.level);
  list("employer_level", s.employer_level);
  list("unit_kinds", s.unit_kinds);
  list("within", s.within);
  if (const json* x = f.get("sex")) {
    std::vector<std::string> values = string_list(*x, f.at("sex"), "sex");
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i] == "F") s.sex.push_back(sex::female);
      else if (values[i] == "M") s.sex.push_back(sex::male);
      else if (values[i] == "X") s.sex.push_back(sex::other);
      else
        error(x->is_array() ? f.at("sex") + "/" + std::to_string(i) : f.at("sex"), "bad_value",
              "'sex' values must be \"F\", \"M\" or \"X\", not '" + values[i] + "'");
    }
  }
  if (const json* x = f.get("age")) {
    fields a(*this, *x, f.at("age"), "'age'", {"min", "max"}, false);
    if (const json* m = a.get("min")) s.age_min = age_value(*m, a.at("min"), "min");
    if (const json* m = a.get("max")) s.age_max = age_value(*m, a.at("max"), "max");
    if (s.age_min && s.age_max && *s.age_min > *s.age_max)
      error(a.at("min"), "bad_range",
            "age min " + std::to_string(*s.age_min) + " is above max " + std::to_string(*s.age_max));
  }
  auto selectors = [&](std::string_view key, std::vector<selector>& out) {
    const json* x = f.get(key);
    if (!x) return;
    if (!x->is_array() || x->empty()) {
      error(f.at(key), x->is_array() ? "bad_value" : "wrong_type",
            "'" + std::string(key) + "' must be a non-empty list of selectors");
      return;
    }
    for (std::size_t i = 0; i < x->size(); ++i)
      out.push_back(read_selector((*x)[i], f.at(key) + "/" + std::to_string(i)));
  };
  selectors("all_of", s.all_of);
  selectors("any_of", s.any_of);
  if (const json* x = f.get("not")) s.negated.push_back(read_selector(*x, f.at("not")));
  return s;
}

criterion plan_json_base::read_criterion(const json& v, const std::string& where) {
  if (v.is_string()) {
    criterion_ref named;
    if (auto name = string_value(v, where, "a criterion name")) {
      criterion_refs_.push_back({*name, where, owner_});
      named.name = std::move(*name);
    }
    return named;
  }
  fields f(*this, v, where, "a criterion", {"training", "qualification", "all_of", "any_of", "not"}, false);
  if (!f.ok()) return {};
  std::vector<std::string_view> given;
  for (std::string_view k : {"training", "qualification", "all_of", "any_of", "not"})
    if (f.has(k)) given.push_back(k);
  if (given.empty()) {
    error(where, "missing_field", "a criterion needs one of 'training', 'qualification', 'all_of', 'any_of', 'not'");
    return {};
  }
  if (given.size() > 1) {
    error(f.at(given[1]), "bad_value",
          "a criterion is one of 'training', 'qualification', 'all_of', 'any_of', 'not'; combine several with "
          "'all_of'");
    return {};
  }
  const std::string_view k = given.front();
  const json& x = *f.get(k);
  if (k == "training") return read_training(x, f.at(k));
  if (k == "qualification") return read_qualification(x, f.at(k));
  if (k == "not") return not_criterion{{read_criterion(x, f.at(k))}};
  std::vector<criterion> items;
  if (!x.is_array() || x.empty()) {
    error(f.at(k), x.is_array() ? "bad_value" : "wrong_type",
          "'" + std::string(k) + "' must be a non-empty list of criteria");
  } else {
    for (std::size_t i = 0; i < x.size(); ++i) items.push_back(read_criterion(x[i], f.at(k) + "/" + std::to_string(i)));
  }
  if (k == "all_of") return all_of_criteria{std::move(items)};
  return any_of_criteria{std::move(items)};
}

training_criterion plan_json_base::read_training(const json& x, const std::string& where) {
  training_criterion c;
  fields t(*this, x, where, "'training'", {"courses", "kinds", "topics", "within", "min_hours"}, false);
  if (const json* y = t.get("courses")) c.courses = string_list(*y, t.at("courses"), "courses");
  if (const json* y = t.get("kinds")) c.kinds = string_list(*y, t.at("kinds"), "kinds");
  if (const json* y = t.get("topics")) c.topics = string_list(*y, t.at("topics"), "topics");
  if (const json* y = t.get("within")) c.within = training_within(*y, t.at("within"));
  if (const json* y = t.get("min_hours")) {
    if (!y->is_number()) {
      error(t.at("min_hours"), "wrong_type", "'min_hours' must be a number, not " + json_type_name(*y));
    } else if (y->get<double>() < 0) {
      error(t.at("min_hours"), "negative_value", "'min_hours' must not be negative");
    } else {
      c.min_hours = y->get<double>();
    }
  }
  return c;
}

qualification_criterion plan_json_base::read_qualification(const json& x, const std::string& where) {
  qualification_criterion c;
  fields q(*this, x, where, "'qualification'", {"kind", "codes", "min_rank", "fields"}, false);
  c.kind = q.text("kind", true);
  if (const json* y = q.get("codes")) c.codes = string_list(*y, q.at("codes"), "codes");
  if (const json* y = q.get("min_rank"))
    c.min_rank = string_value(*y, q.at("min_rank"), "'min_rank'").value_or(std::string());
  if (const json* y = q.get("fields")) c.fields = string_list(*y, q.at("fields"), "fields");
  return c;
}

training_range plan_json_base::training_within(const json& v, const std::string& where) {
  training_range r;
  if (!v.is_string()) {
    error(where, "wrong_type", "'within' must be \"window\", \"ever\" or an ISO 8601 period such as \"P12M\"");
    return r;
  }
  const auto& s = v.get_ref<const std::string&>();
  if (s == "window") return r;
  if (s == "ever") {
    r.what = training_range::kind::ever;
    return r;
  }
  auto len = parse_period(s);
  if (!len || (len->years == 0 && len->months == 0 && len->days == 0)) {
    error(where, "bad_value", "'within' must be \"window\", \"ever\" or an ISO 8601 period such as \"P12M\", not '" +
                                  s + "'");
    return r;
  }
  r.what = training_range::kind::period;
  r.length = *len;
  return r;
}

}  // namespace nangluc::detail
