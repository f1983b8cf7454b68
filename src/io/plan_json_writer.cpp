// Writing plans as `nangluc/plan@1` JSON, canonically: the layout read_plan_json reads back to
// an equal plan (evaluation.md §1–3).

#include <nangluc/plan.hpp>

#include "io/json_records.hpp"
#include "io/plan_json.hpp"
#include "io/text_format.hpp"

#include <string>
#include <type_traits>
#include <variant>

namespace nangluc {
namespace {

constexpr std::string_view plan_format = "nangluc/plan@1";

// ---- writing ---------------------------------------------------------------------------------

using detail::append_json_string;

std::string percent_text(std::int64_t x100) {
  if (x100 < 0) return "-" + percent_text(-x100);
  std::string s = std::to_string(x100 / 100);
  const auto frac = static_cast<int>(x100 % 100);
  if (frac != 0) {
    s += '.';
    s += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) s += static_cast<char>('0' + frac % 10);
  }
  return s;
}

// One JSON object on one line, spaced ({"a": 1, "b": ["x"]}), with the plan's lists of codes.
class line : public detail::json_object_writer {
 public:
  explicit line(std::string& out) : json_object_writer(out, false) {}
  void list(std::string_view k, const std::vector<std::string>& v) {
    if (v.empty()) return;
    key(k);
    out() += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out() += ", ";
      append_json_string(out(), v[i]);
    }
    out() += ']';
  }
  void extras(const extra_fields& x) { json_object_writer::extras(&x); }
};

void write_title(std::string& out, const bilingual& t, bool as_object) {
  if (!as_object && t.vi == t.en) {
    append_json_string(out, t.vi);
    return;
  }
  line o(out);
  if (!t.vi.empty()) o.str("vi", t.vi);
  if (!t.en.empty()) o.str("en", t.en);
  o.close();
}

void write_range(std::string& out, const day_range& r) {
  line o(out);
  o.str("start", format_day(r.from));
  o.str("end", format_day(r.to));
  o.close();
}

void write_selector(std::string& out, const selector& sel) {
  if (const auto* g = sel.group()) {
    append_json_string(out, g->name);
    return;
  }
  const auto& s = *sel.fields();
  line o(out);
  o.list("category", s.category);
  o.list("roles", s.roles);
  o.list("sector", s.sector);
  o.list("level", s.level);
  o.list("employer_level", s.employer_level);
  o.list("unit_kinds", s.unit_kinds);
  o.list("within", s.within);
  if (!s.sex.empty()) {
    std::vector<std::string> codes;
    for (auto x : s.sex) codes.emplace_back(1, static_cast<char>(x));
    o.list("sex", codes);
  }
  if (s.age_min || s.age_max) {
    o.key("age");
    line a(out);
    if (s.age_min) a.raw("min", std::to_string(*s.age_min));
    if (s.age_max) a.raw("max", std::to_string(*s.age_max));
    a.close();
  }
  auto selectors = [&](std::string_view k, const std::vector<selector>& v) {
    if (v.empty()) return;
    o.key(k);
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      write_selector(out, v[i]);
    }
    out += ']';
  };
  selectors("all_of", s.all_of);
  selectors("any_of", s.any_of);
  if (!s.negated.empty()) {
    o.key("not");
    write_selector(out, s.negated.front());
  }
  o.close();
}

void write_criterion(std::string& out, const criterion& c);

void write_criteria(std::string& out, const std::vector<criterion>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    write_criterion(out, items[i]);
  }
  out += ']';
}

void write_training(line& o, std::string& out, const training_criterion& c) {
  o.key("training");
  line t(out);
  t.list("courses", c.courses);
  t.list("kinds", c.kinds);
  t.list("topics", c.topics);
  if (c.within.what == training_range::kind::ever) t.str("within", "ever");
  else if (c.within.what == training_range::kind::period) t.str("within", format_period(c.within.length));
  if (c.min_hours) t.raw("min_hours", detail::format_number(*c.min_hours));
  t.close();
}

void write_criterion(std::string& out, const criterion& c) {
  if (const auto* named = std::get_if<criterion_ref>(&c.kind)) {
    append_json_string(out, named->name);
    return;
  }
  line o(out);
  std::visit(
      [&](const auto& k) {
        using K = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<K, training_criterion>) {
          write_training(o, out, k);
        } else if constexpr (std::is_same_v<K, qualification_criterion>) {
          o.key("qualification");
          line q(out);
          q.str("kind", k.kind);
          q.list("codes", k.codes);
          if (!k.min_rank.empty()) q.str("min_rank", k.min_rank);
          q.list("fields", k.fields);
          q.close();
        } else if constexpr (std::is_same_v<K, all_of_criteria>) {
          o.key("all_of");
          write_criteria(out, k.items);
        } else if constexpr (std::is_same_v<K, any_of_criteria>) {
          o.key("any_of");
          write_criteria(out, k.items);
        } else if constexpr (std::is_same_v<K, not_criterion>) {
          o.key("not");
          if (k.item.empty()) out += "{}";
          else write_criterion(out, k.item.front());
        }
      },
      c.kind);
  o.close();
}

void write_milestone(std::string& out, const milestone& m) {
  line o(out);
  switch (m.what) {
    case milestone::kind::phase: o.str("phase", m.phase); break;
    case milestone::kind::window:
      o.key("window");
      write_range(out, m.window);
      break;
    case milestone::kind::by: o.str("by", format_day(m.window.to)); break;
  }
  if (m.threshold.min_percent_x100) o.raw("min_percent", percent_text(*m.threshold.min_percent_x100));
  if (m.threshold.min) o.raw("min", std::to_string(*m.threshold.min));
  if (m.threshold.max) o.raw("max", std::to_string(*m.threshold.max));
  o.extras(m.extras);
  o.close();
}

// A multi-line object at `indent` spaces, one key per line.
class block {
 public:
  block(std::string& out, std::size_t indent) : out_(out), indent_(indent) { out_ += '{'; }
  std::string& key(std::string_view k) {
    out_ += first_ ? "\n" : ",\n";
    first_ = false;
    out_.append(indent_ + 2, ' ');
    append_json_string(out_, k);
    out_ += ": ";
    return out_;
  }
  void str(std::string_view k, std::string_view v) { append_json_string(key(k), v); }
  void raw(std::string_view k, std::string_view text) { key(k) += text; }
  void close() {
    out_ += '\n';
    out_.append(indent_, ' ');
    out_ += '}';
  }

 private:
  std::string& out_;
  std::size_t indent_;
  bool first_ = true;
};

// `[` items one per line at `indent + 2` `]`.
template <class Items, class Write>
void write_lines(std::string& out, std::size_t indent, const Items& items, Write write) {
  out += '[';
  bool first = true;
  for (const auto& item : items) {
    out += first ? "\n" : ",\n";
    first = false;
    out.append(indent + 2, ' ');
    write(item);
  }
  if (!first) {
    out += '\n';
    out.append(indent, ' ');
  }
  out += ']';
}

void write_target(std::string& out, const target& t) {
  const auto f = detail::fields_of(t.spec);
  const auto m = t.measure();
  block b(out, 4);
  b.str("id", t.id);
  write_title(b.key("title"), t.title, false);
  b.str("measure", to_string(m));
  if (f.population) write_selector(b.key("population"), *f.population);
  if (f.criterion) write_criterion(b.key("criterion"), *f.criterion);
  if (f.denominator != denominator_policy::in_post_at_end) b.str("denominator", to_string(f.denominator));
  if (m == measure::unit_coverage) b.str("unit_level", f.unit_level);
  if (m == measure::unit_coverage && f.min_per_unit != 1) b.raw("min_per_unit", std::to_string(f.min_per_unit));
  if (m == measure::activity_count) b.str("count", to_string(f.count));
  if (!f.filter.empty()) {
    line fl(b.key("filter"));
    fl.list("courses", f.filter.courses);
    fl.list("kinds", f.filter.kinds);
    fl.list("topics", f.filter.topics);
    fl.close();
  }
  if (f.min_percent_x100) b.raw("min_percent", percent_text(*f.min_percent_x100));
  if (!f.years.empty()) {
    std::string& o = b.key("years");
    o += '[';
    for (std::size_t i = 0; i < f.years.size(); ++i) o += (i ? ", " : "") + std::to_string(f.years[i]);
    o += ']';
  }
  if (!t.milestones.empty())
    write_lines(b.key("milestones"), 6, t.milestones, [&](const milestone& ms) { write_milestone(out, ms); });
  for (const auto& [k, v] : t.extras) b.raw(k, v);
  b.close();
}

}  // namespace

std::string write_plan_json(const plan& p) {
  std::string out;
  block b(out, 0);
  b.str("format", plan_format);
  b.str("id", p.id);
  write_title(b.key("title"), p.title, p.title_bilingual);
  b.str("issuer", p.issuer);
  if (!p.reference.empty()) b.str("reference", p.reference);
  if (!p.implements.empty()) b.str("implements", p.implements);
  write_range(b.key("period"), p.period);
  if (!p.phases.empty())
    write_lines(b.key("phases"), 2, p.phases, [&](const phase& ph) {
      line o(out);
      o.str("id", ph.id);
      o.str("start", format_day(ph.when.from));
      o.str("end", format_day(ph.when.to));
      o.close();
    });
  if (p.budget_vnd) b.raw("budget_vnd", std::to_string(*p.budget_vnd));
  if (p.at_risk_ratio != 0.75) b.raw("at_risk_ratio", detail::format_number(p.at_risk_ratio));
  auto named = [&](std::string_view k, const auto& map, auto write) {
    if (map.empty()) return;
    std::string& o = b.key(k);
    o += '{';
    bool first = true;
    for (const auto& [name, value] : map) {
      o += first ? "\n    " : ",\n    ";
      first = false;
      append_json_string(o, name);
      o += ": ";
      write(o, value);
    }
    o += "\n  }";
  };
  named("groups", p.groups, [](std::string& o, const selector& s) { write_selector(o, s); });
  named("criteria", p.criteria, [](std::string& o, const criterion& c) { write_criterion(o, c); });
  write_lines(b.key("targets"), 2, p.targets, [&](const target& t) { write_target(out, t); });
  for (const auto& [k, v] : p.extras) b.raw(k, v);
  b.close();
  out += '\n';
  return out;
}

}  // namespace nangluc
