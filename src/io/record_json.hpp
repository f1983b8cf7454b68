// Internal: writing records as JSON objects from their descriptions (model/record_fields.hpp):
// one object per line in registry JSON (`{"id": "12", "name": "…"}`) and compact in the
// JSON-text cells of CSV tables (`{"unit":"03421","to":"2025-06-30"}`). Fields come in the
// order of the description, absent ones left out, then the `x_` fields.
#pragma once

#include "io/text_format.hpp"
#include "model/record_fields.hpp"

#include <cmath>
#include <string>
#include <string_view>
#include <type_traits>

namespace nangluc::detail {

/// The text of a term of a vocabulary; empty for none or a term the vocabulary lacks.
[[nodiscard]] inline std::string_view code_text(const registry_data& d, std::string_view vocabulary_name, term t) {
  const auto* v = d.vocabularies.find(vocabulary_name);
  if (!v || t.is_none() || t.value >= v->size()) return {};
  return v->code(t);
}

/// The id of the record a handle names; empty for none.
template <class List, class Ix>
[[nodiscard]] std::string_view id_text(const List& list, Ix h) {
  return h.is_none() || h.value >= list.size() ? std::string_view{} : std::string_view(list[h.value].id);
}

template <class Rec>
void append_json_object(std::string& out, const Rec& rec, const registry_data& d, const extra_fields* extras,
                        bool compact);

/// A list of parts (`parents`, `attendance`): `[{…}, {…}]`, or `[{…},{…}]` compact.
template <class Part>
void append_json_parts(std::string& out, const std::vector<Part>& parts, const registry_data& d, bool compact) {
  out += '[';
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k) out += compact ? "," : ", ";
    append_json_object(out, parts[k], d, &parts[k].extras, compact);
  }
  out += ']';
}

/// Whether a field has a value to write (absent fields are left out).
template <class Rec, class F>
[[nodiscard]] bool field_given(const F& fd, const Rec& rec) {
  const auto& v = fd.get(rec);
  using T = std::remove_cvref_t<decltype(v)>;
  if constexpr (std::is_same_v<T, std::string>) return fd.required || !v.empty();
  else if constexpr (std::is_same_v<T, term> || std::is_same_v<T, unit_ix> || std::is_same_v<T, person_ix> ||
                     std::is_same_v<T, course_ix> || std::is_same_v<T, session_ix>) return !v.is_none();
  else if constexpr (std::is_same_v<T, day>) return v != day_min && v != day_max;
  else if constexpr (std::is_same_v<T, double>) return !std::isnan(v);
  else if constexpr (std::is_same_v<T, sex>) return v != sex::unknown;
  else if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, enrollment_status>) return true;
  else if constexpr (std::is_same_v<T, std::vector<parent_link>>) {
    if constexpr (requires { rec.parents_over_time; })
      return fd.role == field_role::single_parent ? !rec.parents_over_time && !v.empty() : rec.parents_over_time;
    else return !v.empty();
  } else if constexpr (requires { v.empty(); }) return !v.empty();
  else return v.has_value();
}

/// The text of a given field that is one value written as a string (text, code, id, sex,
/// status, period, the one `parent`) or a number: what a CSV cell holds, and what JSON holds
/// (quoted, for strings). Numbers are formatted into `buf`.
template <class Rec, class F>
[[nodiscard]] std::string_view plain_text(const F& fd, const Rec& rec, const registry_data& d, std::string& buf) {
  const auto& v = fd.get(rec);
  using T = std::remove_cvref_t<decltype(v)>;
  if constexpr (std::is_same_v<T, std::string>) return v;
  else if constexpr (std::is_same_v<T, term>) {
    if constexpr (requires { rec.kind; })
      if (fd.role == field_role::code_of_kind)
        return code_text(d, code_text(d, vocab::qualification_kinds, rec.kind), v);
    return code_text(d, fd.vocabulary, v);
  } else if constexpr (std::is_same_v<T, unit_ix>) return id_text(d.units, v);
  else if constexpr (std::is_same_v<T, person_ix>) return id_text(d.persons, v);
  else if constexpr (std::is_same_v<T, course_ix>) return id_text(d.courses, v);
  else if constexpr (std::is_same_v<T, session_ix>) return id_text(d.sessions, v);
  else if constexpr (std::is_same_v<T, std::vector<parent_link>>) return id_text(d.units, v.front().unit);
  else if constexpr (std::is_same_v<T, std::vector<headcount>> || std::is_same_v<T, std::optional<conferral>>)
    return {};  // JSON text, never plain
  else if constexpr (std::is_same_v<T, enrollment_status>) return to_string(v);
  else if constexpr (std::is_same_v<T, sex>) {
    buf.assign(1, static_cast<char>(v));
    return buf;
  } else if constexpr (std::is_same_v<T, std::optional<period>>) return buf = format_period(*v);
  else if constexpr (std::is_same_v<T, std::optional<double>>) return buf = format_number(*v);
  else if constexpr (std::is_same_v<T, double>) return buf = format_number(v);
  else static_assert(std::is_same_v<T, void>, "not a plain field");
}

/// One given field's value as JSON text, appended to `out`.
template <class Rec, class F>
void append_json_value(std::string& out, const F& fd, const Rec& rec, const registry_data& d, bool compact) {
  const auto& v = fd.get(rec);
  using T = std::remove_cvref_t<decltype(v)>;
  if constexpr (std::is_same_v<T, std::vector<term>>) {
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out += compact ? "," : ", ";
      append_json_string(out, code_text(d, fd.vocabulary, v[i]));
    }
    out += ']';
  } else if constexpr (std::is_same_v<T, day>) append_json_string(out, format_day(v));
  else if constexpr (std::is_same_v<T, std::int64_t>) out += std::to_string(v);
  else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) out += std::to_string(*v);
  else if constexpr (std::is_same_v<T, std::optional<double>> || std::is_same_v<T, double>) {
    std::string buf;
    out += plain_text(fd, rec, d, buf);
  } else if constexpr (std::is_same_v<T, std::vector<parent_link>>) {
    if (fd.role == field_role::single_parent) append_json_string(out, id_text(d.units, v.front().unit));
    else append_json_parts(out, v, d, compact);
  } else if constexpr (std::is_same_v<T, std::vector<headcount>>) append_json_parts(out, v, d, compact);
  else if constexpr (std::is_same_v<T, std::optional<conferral>>) append_json_object(out, *v, d, &v->extras, compact);
  else if constexpr (std::is_same_v<T, std::vector<std::pair<std::string, std::string>>>) {
    json_object_writer x(out, compact);
    for (const auto& [k, text] : v) x.str(k, text);
    x.close();
  } else {
    std::string buf;
    append_json_string(out, plain_text(fd, rec, d, buf));
  }
}

/// A record or part as one JSON object: its given fields in description order, then `extras`.
template <class Rec>
void append_json_object(std::string& out, const Rec& rec, const registry_data& d, const extra_fields* extras,
                        bool compact) {
  json_object_writer o(out, compact);
  for_each_field<Rec>([&](const auto& fd, std::size_t) {
    if (!field_given(fd, rec)) return;
    o.key(fd.name);
    append_json_value(out, fd, rec, d, compact);
  });
  o.extras(extras);
  o.close();
}

}  // namespace nangluc::detail
