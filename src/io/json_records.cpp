// JSON values to model records, one field at a time, every problem located.

#include "io/json_records.hpp"

#include "io/vocabulary_json.hpp"
#include "text/unicode.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace nangluc::detail {

namespace {

using json = nlohmann::json;

bool is_extension(std::string_view key) { return key.size() > 2 && key.substr(0, 2) == "x_"; }

// Reads the fields of one JSON object, reporting wrong types, missing and unknown fields.
class object_reader {
 public:
  object_reader(const json& obj, const record_reporter& r, std::string_view what,
                std::initializer_list<std::string_view> known, std::string prefix = {})
      : obj_(obj), r_(r), prefix_(std::move(prefix)) {
    if (!obj.is_object()) {
      r_.error(prefix_.empty() ? "" : prefix_.substr(0, prefix_.size() - 1), "wrong_type",
               std::string(what) + " must be an object, not " + json_type_name(obj));
      valid_ = false;
      return;
    }
    for (const auto& [key, value] : obj.items()) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      if (is_extension(key)) {
        extras_.emplace_back(key, value.dump());
      } else {
        r_.error(prefix_ + pointer_token(key), "unknown_field",
                 "unknown field '" + key + "' in " + std::string(what) +
                     " (extension fields must start with x_)");
      }
    }
  }

  [[nodiscard]] bool valid() const { return valid_; }
  extra_fields take_extras() { return std::move(extras_); }
  [[nodiscard]] bool has(std::string_view key) const {
    return valid_ && obj_.contains(key) && !obj_.at(std::string(key)).is_null();
  }
  [[nodiscard]] const json* get(std::string_view key) const {
    if (!valid_) return nullptr;
    auto it = obj_.find(key);
    if (it == obj_.end() || it->is_null()) return nullptr;
    return &*it;
  }
  [[nodiscard]] std::string where(std::string_view key) const { return prefix_ + std::string(key); }

  void missing(std::string_view key) const {
    r_.error(where(key), "missing_field", "required field '" + std::string(key) + "' is missing");
  }
  void wrong(std::string_view key, std::string_view expected) const {
    r_.error(where(key), "wrong_type",
             "'" + std::string(key) + "' must be " + std::string(expected) + ", not " +
                 json_type_name(*get(key)));
  }

  std::string text(std::string_view key, bool required) {
    const json* v = get(key);
    if (!v) {
      if (required && valid_) missing(key);
      return {};
    }
    if (!v->is_string()) {
      wrong(key, "a string");
      return {};
    }
    std::string s = v->get<std::string>();
    if (s.empty() && required) missing(key);
    normalize_in_place(s);  // the JSON parser has already checked UTF-8
    return s;
  }

  day date(std::string_view key, bool required, day absent) {
    const json* v = get(key);
    if (!v) {
      if (required && valid_) missing(key);
      return absent;
    }
    if (!v->is_string()) {
      wrong(key, "a date string (YYYY-MM-DD)");
      return absent;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (auto d = parse_day(s)) return *d;
    r_.error(where(key), "bad_date", "'" + s + "' is not a date (YYYY-MM-DD or dd/mm/yyyy)");
    return absent;
  }

  term code(std::string_view key, std::string_view vocabulary_name, bool required) {
    const json* v = get(key);
    if (!v) {
      if (required && valid_) missing(key);
      return {};
    }
    if (!v->is_string()) {
      wrong(key, "a code (string)");
      return {};
    }
    const auto& s = v->get_ref<const std::string&>();
    if (s.empty()) {
      if (required) missing(key);
      return {};
    }
    return r_.builder.intern(vocabulary_name, s);
  }

  std::vector<term> codes(std::string_view key, std::string_view vocabulary_name, bool required) {
    std::vector<term> out;
    const json* v = get(key);
    if (!v) {
      if (required && valid_) missing(key);
      return out;
    }
    if (!v->is_array()) {
      wrong(key, "a list of codes");
      return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
      const auto& c = (*v)[i];
      if (!c.is_string() || c.get_ref<const std::string&>().empty()) {
        r_.error(where(key) + "/" + std::to_string(i), "wrong_type",
                 "a code must be a non-empty string, not " + json_type_name(c));
        continue;
      }
      out.push_back(r_.builder.intern(vocabulary_name, c.get_ref<const std::string&>()));
    }
    if (out.empty() && required && v->empty()) missing(key);
    return out;
  }

  std::optional<std::int64_t> integer(std::string_view key, bool required) {
    const json* v = get(key);
    if (!v) {
      if (required && valid_) missing(key);
      return std::nullopt;
    }
    if (v->is_number_unsigned()) {
      const auto u = v->get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        r_.error(where(key), "bad_value", "'" + std::string(key) + "' is too large");
        return std::nullopt;
      }
      return static_cast<std::int64_t>(u);
    }
    if (v->is_number_integer()) return v->get<std::int64_t>();
    if (v->is_number_float()) {
      const double d = v->get<double>();
      if (std::trunc(d) == d && std::fabs(d) < 9.0e15) return static_cast<std::int64_t>(d);
    }
    wrong(key, "a whole number");
    return std::nullopt;
  }

  std::optional<double> number(std::string_view key) {
    const json* v = get(key);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      wrong(key, "a number");
      return std::nullopt;
    }
    return v->get<double>();
  }

  template <class Ix, class Ref>
  Ix reference(std::string_view key, bool required, Ref ref) {
    const json* v = get(key);
    if (!v) {
      if (required && valid_) missing(key);
      return {};
    }
    if (!v->is_string()) {
      wrong(key, "an id (a string)");
      return {};
    }
    if (v->get_ref<const std::string&>().empty()) {
      if (required) missing(key);
      return {};
    }
    std::string id = v->get<std::string>();
    normalize_in_place(id);
    return ref(id);
  }
  unit_ix unit_ref(std::string_view key, bool required) {
    return reference<unit_ix>(key, required, [&](std::string_view id) { return r_.builder.ref_unit(id); });
  }
  person_ix person_ref(std::string_view key, bool required) {
    return reference<person_ix>(key, required, [&](std::string_view id) { return r_.builder.ref_person(id); });
  }

  sex sex_value(std::string_view key) {
    const json* v = get(key);
    if (!v) return sex::unknown;
    if (v->is_string()) {
      const auto& s = v->get_ref<const std::string&>();
      if (s == "F") return sex::female;
      if (s == "M") return sex::male;
      if (s == "X") return sex::other;
    }
    r_.error(where(key), "bad_value", "'" + std::string(key) + "' must be \"F\", \"M\" or \"X\"");
    return sex::unknown;
  }

  const record_reporter& reporter() const { return r_; }

 private:
  const json& obj_;
  const record_reporter& r_;
  std::string prefix_;
  bool valid_ = true;
  extra_fields extras_;
};

}  // namespace

std::vector<parent_link> read_parent_links(const json& v, std::string_view field,
                                           const record_reporter& r) {
  std::vector<parent_link> out;
  if (!v.is_array()) {
    r.error(field, "wrong_type", "'parents' must be a list of {unit, from?, to?}, not " + json_type_name(v));
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string prefix = std::string(field) + "/" + std::to_string(i) + "/";
    object_reader f(v[i], r, "a parent link", {"unit", "from", "to"}, prefix);
    parent_link link;
    link.unit = f.unit_ref("unit", true);
    link.when.from = f.date("from", false, day_min);
    link.when.to = f.date("to", false, day_max);
    link.extras = f.take_extras();
    out.push_back(std::move(link));
  }
  return out;
}

std::vector<headcount> read_attendance(const json& v, std::string_view field, const record_reporter& r) {
  std::vector<headcount> out;
  if (!v.is_array()) {
    r.error(field, "wrong_type", "'attendance' must be a list of {category?, sex?, count}, not " + json_type_name(v));
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string prefix = std::string(field) + "/" + std::to_string(i) + "/";
    object_reader f(v[i], r, "an attendance count", {"category", "sex", "count"}, prefix);
    headcount h;
    h.category = f.code("category", vocab::categories, false);
    h.sex = f.sex_value("sex");
    h.count = f.integer("count", true).value_or(0);
    h.extras = f.take_extras();
    out.push_back(std::move(h));
  }
  return out;
}

std::optional<conferral> read_conferral(const json& v, std::string_view field, const record_reporter& r) {
  object_reader f(v, r, "'confers'", {"kind", "code", "valid_for"}, std::string(field) + "/");
  if (!f.valid()) return std::nullopt;
  conferral c;
  c.kind = f.code("kind", vocab::qualification_kinds, true);
  if (const json* k = f.get("kind"); k && k->is_string() && !k->get_ref<const std::string&>().empty())
    c.code = f.code("code", k->get_ref<const std::string&>(), true);
  if (const json* p = f.get("valid_for")) {
    if (p->is_string()) {
      c.valid_for = parse_period(p->get_ref<const std::string&>());
      if (!c.valid_for)
        r.error(f.where("valid_for"), "bad_value",
                "'" + p->get<std::string>() + "' is not an ISO 8601 period such as P5Y or P12M");
    } else {
      f.wrong("valid_for", "an ISO 8601 period string");
    }
  }
  c.extras = f.take_extras();
  return c;
}

void read_unit(const json& obj, const record_reporter& r) {
  object_reader f(obj, r, "a unit",
                  {"id", "name", "level", "kind", "parent", "parents", "valid_from", "valid_to", "successor"});
  unit u;
  u.id = f.text("id", true);
  u.name = f.text("name", true);
  u.level = f.code("level", vocab::levels, true);
  u.kind = f.code("kind", vocab::unit_kinds, false);
  u.valid.from = f.date("valid_from", false, day_min);
  u.valid.to = f.date("valid_to", false, day_max);
  u.successor = f.unit_ref("successor", false);
  if (f.has("parent") && f.has("parents")) {
    r.error("parents", "bad_value", "give either 'parent' or 'parents', not both");
  } else if (f.has("parent")) {
    parent_link link;
    link.unit = f.unit_ref("parent", true);
    u.parents.push_back(link);
  } else if (const json* ps = f.get("parents")) {
    u.parents = read_parent_links(*ps, "parents", r);
    u.parents_over_time = true;
  }
  r.builder.add_unit(std::move(u), f.take_extras(), r.where(""));
}

void read_person(const json& obj, const record_reporter& r) {
  object_reader f(obj, r, "a person", {"id", "name", "sex", "birth_date", "ethnicity", "external_ids"});
  person p;
  p.id = f.text("id", true);
  p.name = f.text("name", true);
  p.sex = f.sex_value("sex");
  p.birth_date = f.date("birth_date", false, day_min);
  p.ethnicity = f.code("ethnicity", vocab::ethnicities, false);
  if (const json* ids = f.get("external_ids")) {
    if (!ids->is_object()) {
      f.wrong("external_ids", "an object of strings");
    } else {
      for (const auto& [k, v] : ids->items()) {
        if (!v.is_string()) {
          r.error("external_ids/" + pointer_token(k), "wrong_type", "an external id must be a string, not " + json_type_name(v));
          continue;
        }
        std::string value = v.get<std::string>();
        if (value.empty()) continue;  // an empty id is no id (as an empty CSV cell)
        normalize_in_place(value);
        p.external_ids.emplace_back(k, std::move(value));
      }
    }
  }
  r.builder.add_person(std::move(p), f.take_extras(), r.where(""));
}

void read_assignment(const json& obj, const record_reporter& r) {
  object_reader f(obj, r, "an assignment",
                  {"person", "unit", "employer", "category", "roles", "sector", "start", "end"});
  assignment a;
  a.person = f.person_ref("person", true);
  a.unit = f.unit_ref("unit", true);
  a.employer = f.unit_ref("employer", false);
  a.category = f.code("category", vocab::categories, true);
  a.roles = f.codes("roles", vocab::roles, false);
  a.sector = f.code("sector", vocab::sectors, true);
  a.when.from = f.date("start", true, day_min);
  a.when.to = f.date("end", false, day_max);
  r.builder.add_assignment(std::move(a), f.take_extras());
}

void read_qualification(const json& obj, const record_reporter& r) {
  object_reader f(obj, r, "a qualification",
                  {"person", "kind", "code", "field", "awarded", "expires", "issuer"});
  qualification q;
  q.person = f.person_ref("person", true);
  q.kind = f.code("kind", vocab::qualification_kinds, true);
  if (const json* k = f.get("kind"); k && k->is_string() && !k->get_ref<const std::string&>().empty())
    q.code = f.code("code", k->get_ref<const std::string&>(), true);
  else if (!f.has("code") && f.valid())
    f.missing("code");
  q.field = f.code("field", vocab::fields, false);
  q.awarded = f.date("awarded", false, day_min);
  q.expires = f.date("expires", false, day_max);
  q.issuer = f.text("issuer", false);
  r.builder.add_qualification(std::move(q), f.take_extras());
}

void read_course(const json& obj, const record_reporter& r) {
  object_reader f(obj, r, "a course", {"id", "title", "kind", "topics", "hours", "confers"});
  course c;
  c.id = f.text("id", true);
  c.title = f.text("title", true);
  c.kind = f.code("kind", vocab::training_kinds, true);
  c.topics = f.codes("topics", vocab::topics, true);
  c.hours = f.number("hours");
  if (const json* conf = f.get("confers")) c.confers = read_conferral(*conf, "confers", r);
  r.builder.add_course(std::move(c), f.take_extras(), r.where(""));
}

void read_session(const json& obj, const record_reporter& r) {
  object_reader f(obj, r, "a session",
                  {"id", "course", "start", "end", "organizer", "location", "capacity", "cost_vnd",
                   "funding", "attendance"});
  session s;
  s.id = f.text("id", true);
  s.course = f.reference<course_ix>("course", true, [&](std::string_view id) { return r.builder.ref_course(id); });
  s.when.from = f.date("start", true, day_min);
  s.when.to = f.date("end", true, day_max);
  s.organizer = f.unit_ref("organizer", false);
  s.location = f.text("location", false);
  s.capacity = f.integer("capacity", false);
  s.cost_vnd = f.integer("cost_vnd", false);
  s.funding = f.code("funding", vocab::funding_sources, false);
  if (const json* att = f.get("attendance")) s.attendance = read_attendance(*att, "attendance", r);
  r.builder.add_session(std::move(s), f.take_extras(), r.where(""));
}

void read_enrollment(const json& obj, const record_reporter& r) {
  object_reader f(obj, r, "an enrollment", {"person", "session", "status", "completed_on", "score"});
  enrollment e;
  e.person = f.person_ref("person", true);
  e.session = f.reference<session_ix>("session", true, [&](std::string_view id) { return r.builder.ref_session(id); });
  if (const json* st = f.get("status")) {
    std::optional<enrollment_status> s;
    if (st->is_string()) s = parse_enrollment_status(st->get_ref<const std::string&>());
    if (s) e.status = *s;
    else
      r.error("status", "bad_value",
              "'status' must be one of registered, attended, completed, failed, withdrawn");
  } else if (f.valid()) {
    f.missing("status");
  }
  e.completed_on = f.date("completed_on", false, day_min);
  if (auto score = f.number("score")) e.score = *score;
  r.builder.add_enrollment(e, f.take_extras());
}

void read_quota(const json& obj, const record_reporter& r) {
  object_reader f(obj, r, "a quota", {"unit", "category", "roles", "sector", "count", "from", "to"});
  quota q;
  q.unit = f.unit_ref("unit", true);
  q.category = f.code("category", vocab::categories, false);
  q.roles = f.codes("roles", vocab::roles, false);
  q.sector = f.code("sector", vocab::sectors, false);
  q.count = f.integer("count", true).value_or(0);
  q.when.from = f.date("from", false, day_min);
  q.when.to = f.date("to", false, day_max);
  r.builder.add_quota(std::move(q), f.take_extras());
}

void read_vocabulary_additions(const json& v, const std::string& pointer, registry_builder& b,
                               const std::string& file) {
  auto& problems = b.problems();
  if (!v.is_object()) {
    problems.error("wrong_type", file, pointer, "'vocabularies' must be an object of lists");
    return;
  }
  for (const auto& item : v.items()) {
    const std::string vp = pointer + "/" + pointer_token(item.key());
    if (!item.value().is_array()) {
      problems.error("wrong_type", file, vp, "a vocabulary is a list of entries");
      continue;
    }
    const auto& list = item.value();
    for (std::size_t i = 0; i < list.size(); ++i)
      if (auto entry = read_vocabulary_entry(list[i], vp + "/" + std::to_string(i), file, problems))
        b.add_vocabulary_entry(item.key(), std::move(*entry));
  }
}

}  // namespace nangluc::detail
