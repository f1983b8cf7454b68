// JSON values to model records, one field at a time, every problem located.

#include "io/json_records.hpp"

#include "io/vocabulary_json.hpp"
#include "model/record_fields.hpp"
#include "text/unicode.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <type_traits>
#include <limits>

namespace nangluc::detail {

namespace {

using json = nlohmann::json;

// A value as a message quotes it: a string in single quotes, anything else as JSON.
std::string quoted(const json& v) { return v.is_string() ? "'" + v.get<std::string>() + "'" : v.dump(); }

bool is_extension(std::string_view key) { return key.size() > 2 && key.substr(0, 2) == "x_"; }

// Reads the fields of one JSON object, reporting wrong types, missing and unknown fields.
class object_reader {
 public:
  object_reader(const json& obj, const record_reporter& r, std::string_view what,
                std::span<const std::string_view> known, std::string prefix = {})
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
    r_.error(where(key), "bad_value", std::string(key) + " " + quoted(*v) + " is not one of F, M, X");
    return sex::unknown;
  }

  const record_reporter& reporter() const { return r_; }

  // The code of the vocabulary `kind` names (a qualification's or a conferral's `code`).
  term code_of_kind(std::string_view key, bool required) {
    if (const json* k = get("kind"); k && k->is_string() && !k->get_ref<const std::string&>().empty())
      return code(key, k->get_ref<const std::string&>(), required);
    if (required && !has(key) && valid_) missing(key);
    return {};
  }

  enrollment_status status(std::string_view key) {
    const json* st = get(key);
    if (!st) {
      if (valid_) missing(key);
      return enrollment_status::registered;
    }
    if (st->is_string())
      if (auto s = parse_enrollment_status(st->get_ref<const std::string&>())) return *s;
    r_.error(where(key), "bad_value",
             std::string(key) + " " + quoted(*st) + " is not one of registered, attended, completed, failed, withdrawn");
    return enrollment_status::registered;
  }

 private:
  const json& obj_;
  const record_reporter& r_;
  std::string prefix_;
  bool valid_ = true;
  extra_fields extras_;
};


template <class Part>
std::optional<Part> read_part(const json& v, std::string_view field, const record_reporter& r);

template <class Part>
std::vector<Part> read_parts(const json& v, std::string_view field, const record_reporter& r);

// "{unit, from?, to?}": the shape of a part, for messages.
template <class Part>
std::string shape_of() {
  std::string out = "{";
  for_each_field<Part>([&](const auto& f, std::size_t i) {
    out += (i ? ", " : "") + std::string(f.name) + (f.required ? "" : "?");
  });
  return out + "}";
}

void read_external_ids(object_reader& f, std::string_view name, std::vector<std::pair<std::string, std::string>>& out);

// One field of a record or part from its JSON object, by the field's C++ type.
template <class Rec, class F>
void read_json_field(object_reader& f, const F& fd, Rec& rec) {
  auto& v = fd.get(rec);
  using T = std::remove_cvref_t<decltype(v)>;
  const auto& r = f.reporter();
  if constexpr (std::is_same_v<T, std::string>) {
    v = f.text(fd.name, fd.required);
  } else if constexpr (std::is_same_v<T, term>) {
    v = fd.role == field_role::code_of_kind ? f.code_of_kind(fd.name, fd.required)
                                            : f.code(fd.name, fd.vocabulary, fd.required);
  } else if constexpr (std::is_same_v<T, std::vector<term>>) {
    v = f.codes(fd.name, fd.vocabulary, fd.required);
  } else if constexpr (std::is_same_v<T, day>) {
    v = f.date(fd.name, fd.required, fd.absent);
  } else if constexpr (std::is_same_v<T, unit_ix>) {
    v = f.unit_ref(fd.name, fd.required);
  } else if constexpr (std::is_same_v<T, person_ix>) {
    v = f.person_ref(fd.name, fd.required);
  } else if constexpr (std::is_same_v<T, course_ix>) {
    v = f.template reference<course_ix>(fd.name, fd.required, [&](std::string_view id) { return r.builder.ref_course(id); });
  } else if constexpr (std::is_same_v<T, session_ix>) {
    v = f.template reference<session_ix>(fd.name, fd.required, [&](std::string_view id) { return r.builder.ref_session(id); });
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    v = f.integer(fd.name, fd.required).value_or(0);
  } else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) {
    v = f.integer(fd.name, fd.required);
  } else if constexpr (std::is_same_v<T, std::optional<double>>) {
    v = f.number(fd.name);
  } else if constexpr (std::is_same_v<T, double>) {
    if (auto n = f.number(fd.name)) v = *n;
  } else if constexpr (std::is_same_v<T, sex>) {
    v = f.sex_value(fd.name);
  } else if constexpr (std::is_same_v<T, enrollment_status>) {
    v = f.status(fd.name);
  } else if constexpr (std::is_same_v<T, std::optional<period>>) {
    if (const json* p = f.get(fd.name)) {
      if (!p->is_string()) f.wrong(fd.name, "an ISO 8601 period string");
      else if (!(v = parse_period(p->get_ref<const std::string&>())))
        r.error(f.where(fd.name), "bad_value",
                "'" + p->get<std::string>() + "' is not an ISO 8601 period such as P5Y or P12M");
    }
  } else if constexpr (std::is_same_v<T, std::vector<parent_link>>) {
    if (fd.role == field_role::single_parent) {
      if (f.has("parent") && f.has("parents")) {
        r.error(f.where("parents"), "bad_value", "give either 'parent' or 'parents', not both");
      } else if (f.has("parent")) {
        parent_link link;
        link.unit = f.unit_ref("parent", true);
        v.push_back(link);
      }
    } else if (const json* ps = f.get(fd.name); ps && !f.has("parent")) {
      v = read_parts<parent_link>(*ps, f.where(fd.name), r);
      rec.parents_over_time = true;
    }
  } else if constexpr (std::is_same_v<T, std::vector<headcount>>) {
    if (const json* x = f.get(fd.name)) v = read_parts<headcount>(*x, f.where(fd.name), r);
  } else if constexpr (std::is_same_v<T, std::optional<conferral>>) {
    if (const json* x = f.get(fd.name)) v = read_part<conferral>(*x, f.where(fd.name), r);
  } else {
    static_assert(std::is_same_v<T, std::vector<std::pair<std::string, std::string>>>, "a field type to read");
    read_external_ids(f, fd.name, v);
  }
}

// `external_ids`: an object of strings, empty ones left out (as empty CSV cells).
void read_external_ids(object_reader& f, std::string_view name, std::vector<std::pair<std::string, std::string>>& out) {
  const json* ids = f.get(name);
  if (!ids) return;
  if (!ids->is_object()) return f.wrong(name, "an object of strings");
  for (const auto& [k, v] : ids->items()) {
    if (!v.is_string()) {
      f.reporter().error(f.where(name) + "/" + pointer_token(k), "wrong_type",
                         "an external id must be a string, not " + json_type_name(v));
      continue;
    }
    std::string value = v.get<std::string>();
    if (value.empty()) continue;
    normalize_in_place(value);
    out.emplace_back(k, std::move(value));
  }
}

// The fields of a record or part, read from `obj` (with `prefix` before each field's name).
template <class Rec>
Rec read_fields(const json& obj, const record_reporter& r, std::string prefix, extra_fields& extras, bool& valid) {
  object_reader f(obj, r, record_description<Rec>::article, field_names<Rec>, std::move(prefix));
  Rec rec;
  valid = f.valid();
  for_each_field<Rec>([&](const auto& fd, std::size_t) { read_json_field(f, fd, rec); });
  extras = f.take_extras();
  return rec;
}

template <class Part>
std::optional<Part> read_part(const json& v, std::string_view field, const record_reporter& r) {
  bool valid = false;
  extra_fields extras;
  Part p = read_fields<Part>(v, r, std::string(field) + "/", extras, valid);
  if (!valid) return std::nullopt;
  p.extras = std::move(extras);
  return p;
}

template <class Part>
std::vector<Part> read_parts(const json& v, std::string_view field, const record_reporter& r) {
  std::vector<Part> out;
  if (!v.is_array()) {
    r.error(field, "wrong_type",
            "'" + std::string(field.substr(field.rfind('/') + 1)) + "' must be a list of " + shape_of<Part>() +
                ", not " + json_type_name(v));
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    bool valid = false;
    extra_fields extras;
    Part p = read_fields<Part>(v[i], r, std::string(field) + "/" + std::to_string(i) + "/", extras, valid);
    p.extras = std::move(extras);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::vector<parent_link> read_parent_links(const json& v, std::string_view field, const record_reporter& r) {
  return read_parts<parent_link>(v, field, r);
}
std::vector<headcount> read_attendance(const json& v, std::string_view field, const record_reporter& r) {
  return read_parts<headcount>(v, field, r);
}
std::optional<conferral> read_conferral(const json& v, std::string_view field, const record_reporter& r) {
  return read_part<conferral>(v, field, r);
}

template <class Rec>
void read_json_record(const json& obj, const record_reporter& r) {
  bool valid = false;
  extra_fields extras;
  Rec rec = read_fields<Rec>(obj, r, {}, extras, valid);
  r.builder.add(std::move(rec), std::move(extras), r.where(""));
}

template void read_json_record<unit>(const json&, const record_reporter&);
template void read_json_record<person>(const json&, const record_reporter&);
template void read_json_record<assignment>(const json&, const record_reporter&);
template void read_json_record<qualification>(const json&, const record_reporter&);
template void read_json_record<course>(const json&, const record_reporter&);
template void read_json_record<session>(const json&, const record_reporter&);
template void read_json_record<enrollment>(const json&, const record_reporter&);
template void read_json_record<quota>(const json&, const record_reporter&);

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
