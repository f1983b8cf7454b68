// Internal: ONE description of each record kind (model.md §2) — its fields in canonical order,
// each with its name, whether it is required, its vocabulary, how a table cell spells it and
// how to reach it in the C++ record. The JSON reader and writer, the CSV reader and writer,
// the table columns and the Python frame columns are all driven by these lists, so adding a
// field is one line here (plus the member in the public struct and the docs).
//
// The style is nlohmann's NLOHMANN_DEFINE_TYPE / boost-describe: a compile-time tuple of field
// descriptors walked by fold expressions, so readers and writers are specialised per record
// and per field at compile time — no lookup by name, no virtual call on the hot paths.
#pragma once

#include <nangluc/registry.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>

namespace nangluc::detail {

/// How a field is spelt in a CSV cell (and a DataFrame column).
enum class cell_encoding : std::uint8_t {
  plain,        ///< the value itself: text, ids, codes, numbers, dates
  joined,       ///< a list of codes joined with `;`
  json_text,    ///< compact JSON text (`parents`, `attendance`, `confers`)
  key_columns,  ///< one column per key, `external_ids.KEY` (no column of its own)
};

/// What a field holds, beyond its C++ type, for readers that must tell two apart.
enum class field_role : std::uint8_t {
  plain,
  single_parent,     ///< `parent`: the unit's one parent link, instead of `parents`
  parents_over_time, ///< `parents`: the unit's parent links over time
  code_of_kind,      ///< a code of the vocabulary the record's `kind` names
};

/// One field: `get` reaches it in a record (`[](auto& r) -> auto& { return r.id; }`).
template <class Access>
struct field {
  std::string_view name;
  std::string_view type;          ///< for docs and frames: text, id, code, codes, date, …
  bool required = false;
  std::string_view vocabulary{};  ///< codes: the vocabulary they belong to
  day absent = day_min;           ///< dates: the value that means "not given"
  cell_encoding encoding = cell_encoding::plain;
  field_role role = field_role::plain;
  std::string_view example{};     ///< JSON-text cells: an example for messages
  Access get;
};

inline constexpr bool required = true;
inline constexpr bool optional_field = false;

#define NANGLUC_MEMBER(m) [](auto& r) -> auto& { return r.m; }

template <class A> constexpr auto text_field(std::string_view n, bool req, A a) {
  return field<A>{n, "text", req, {}, day_min, cell_encoding::plain, field_role::plain, {}, a};
}
template <class A> constexpr auto id_field(std::string_view n, bool req, A a) {
  return field<A>{n, "id", req, {}, day_min, cell_encoding::plain, field_role::plain, {}, a};
}
template <class A> constexpr auto code_field(std::string_view n, bool req, std::string_view voc, A a) {
  return field<A>{n, "code", req, voc, day_min, cell_encoding::plain, field_role::plain, {}, a};
}
template <class A> constexpr auto code_of_kind_field(std::string_view n, bool req, A a) {
  return field<A>{n, "code", req, {}, day_min, cell_encoding::plain, field_role::code_of_kind, {}, a};
}
template <class A> constexpr auto codes_field(std::string_view n, bool req, std::string_view voc, A a) {
  return field<A>{n, "codes", req, voc, day_min, cell_encoding::joined, field_role::plain, {}, a};
}
template <class A> constexpr auto date_field(std::string_view n, bool req, day absent, A a) {
  return field<A>{n, "date", req, {}, absent, cell_encoding::plain, field_role::plain, {}, a};
}
template <class A> constexpr auto whole_field(std::string_view n, bool req, A a) {
  return field<A>{n, "whole", req, {}, day_min, cell_encoding::plain, field_role::plain, {}, a};
}
template <class A> constexpr auto number_field(std::string_view n, A a) {
  return field<A>{n, "number", false, {}, day_min, cell_encoding::plain, field_role::plain, {}, a};
}
template <class A> constexpr auto value_field(std::string_view n, std::string_view type, bool req, A a) {
  return field<A>{n, type, req, {}, day_min, cell_encoding::plain, field_role::plain, {}, a};
}
template <class A> constexpr auto json_field(std::string_view n, std::string_view type, field_role role,
                                             std::string_view example, A a) {
  return field<A>{n, type, false, {}, day_min, cell_encoding::json_text, role, example, a};
}

template <class A> constexpr auto special_field(std::string_view n, std::string_view type, cell_encoding e,
                                                field_role role, A a) {
  return field<A>{n, type, false, {}, day_min, e, role, {}, a};
}

/// The description of a record kind; specialised below for each.
template <class Rec> struct record_description;

template <> struct record_description<parent_link> {
  static constexpr std::string_view article = "a parent link";
  static constexpr auto fields = std::tuple{
      id_field("unit", required, NANGLUC_MEMBER(unit)),
      date_field("from", optional_field, day_min, NANGLUC_MEMBER(when.from)),
      date_field("to", optional_field, day_max, NANGLUC_MEMBER(when.to)),
  };
};

template <> struct record_description<headcount> {
  static constexpr std::string_view article = "an attendance count";
  static constexpr auto fields = std::tuple{
      code_field("category", optional_field, vocab::categories, NANGLUC_MEMBER(category)),
      value_field("sex", "sex", optional_field, NANGLUC_MEMBER(sex)),
      whole_field("count", required, NANGLUC_MEMBER(count)),
  };
};

template <> struct record_description<conferral> {
  static constexpr std::string_view article = "'confers'";
  static constexpr auto fields = std::tuple{
      code_field("kind", required, vocab::qualification_kinds, NANGLUC_MEMBER(kind)),
      code_of_kind_field("code", required, NANGLUC_MEMBER(code)),
      value_field("valid_for", "period", optional_field, NANGLUC_MEMBER(valid_for)),
  };
};

template <> struct record_description<unit> {
  static constexpr std::string_view list = "units", noun = "unit", article = "a unit";
  static constexpr auto records = &registry_data::units;
  static constexpr auto extras = &registry_extras::units;
  static constexpr auto fields = std::tuple{
      id_field("id", required, NANGLUC_MEMBER(id)),
      text_field("name", required, NANGLUC_MEMBER(name)),
      code_field("level", required, vocab::levels, NANGLUC_MEMBER(level)),
      code_field("kind", optional_field, vocab::unit_kinds, NANGLUC_MEMBER(kind)),
      special_field("parent", "id", cell_encoding::plain, field_role::single_parent, NANGLUC_MEMBER(parents)),
      json_field("parents", "parents", field_role::parents_over_time,
                 R"([{"unit": "105", "from": "2020-01-01", "to": "2025-06-30"}])", NANGLUC_MEMBER(parents)),
      date_field("valid_from", optional_field, day_min, NANGLUC_MEMBER(valid.from)),
      date_field("valid_to", optional_field, day_max, NANGLUC_MEMBER(valid.to)),
      id_field("successor", optional_field, NANGLUC_MEMBER(successor)),
  };
};

template <> struct record_description<person> {
  static constexpr std::string_view list = "persons", noun = "person", article = "a person";
  static constexpr auto records = &registry_data::persons;
  static constexpr auto extras = &registry_extras::persons;
  static constexpr auto fields = std::tuple{
      id_field("id", required, NANGLUC_MEMBER(id)),
      text_field("name", required, NANGLUC_MEMBER(name)),
      value_field("sex", "sex", optional_field, NANGLUC_MEMBER(sex)),
      date_field("birth_date", optional_field, day_min, NANGLUC_MEMBER(birth_date)),
      code_field("ethnicity", optional_field, vocab::ethnicities, NANGLUC_MEMBER(ethnicity)),
      special_field("external_ids", "external_ids", cell_encoding::key_columns, field_role::plain,
                    NANGLUC_MEMBER(external_ids)),
  };
};

template <> struct record_description<assignment> {
  static constexpr std::string_view list = "assignments", noun = "assignment", article = "an assignment";
  static constexpr auto records = &registry_data::assignments;
  static constexpr auto extras = &registry_extras::assignments;
  static constexpr auto fields = std::tuple{
      id_field("person", required, NANGLUC_MEMBER(person)),
      id_field("unit", required, NANGLUC_MEMBER(unit)),
      id_field("employer", optional_field, NANGLUC_MEMBER(employer)),
      code_field("category", required, vocab::categories, NANGLUC_MEMBER(category)),
      codes_field("roles", optional_field, vocab::roles, NANGLUC_MEMBER(roles)),
      code_field("sector", required, vocab::sectors, NANGLUC_MEMBER(sector)),
      date_field("start", required, day_min, NANGLUC_MEMBER(when.from)),
      date_field("end", optional_field, day_max, NANGLUC_MEMBER(when.to)),
  };
};

template <> struct record_description<qualification> {
  static constexpr std::string_view list = "qualifications", noun = "qualification", article = "a qualification";
  static constexpr auto records = &registry_data::qualifications;
  static constexpr auto extras = &registry_extras::qualifications;
  static constexpr auto fields = std::tuple{
      id_field("person", required, NANGLUC_MEMBER(person)),
      code_field("kind", required, vocab::qualification_kinds, NANGLUC_MEMBER(kind)),
      code_of_kind_field("code", required, NANGLUC_MEMBER(code)),
      code_field("field", optional_field, vocab::fields, NANGLUC_MEMBER(field)),
      date_field("awarded", optional_field, day_min, NANGLUC_MEMBER(awarded)),
      date_field("expires", optional_field, day_max, NANGLUC_MEMBER(expires)),
      text_field("issuer", optional_field, NANGLUC_MEMBER(issuer)),
  };
};

template <> struct record_description<course> {
  static constexpr std::string_view list = "courses", noun = "course", article = "a course";
  static constexpr auto records = &registry_data::courses;
  static constexpr auto extras = &registry_extras::courses;
  static constexpr auto fields = std::tuple{
      id_field("id", required, NANGLUC_MEMBER(id)),
      text_field("title", required, NANGLUC_MEMBER(title)),
      code_field("kind", required, vocab::training_kinds, NANGLUC_MEMBER(kind)),
      codes_field("topics", required, vocab::topics, NANGLUC_MEMBER(topics)),
      number_field("hours", NANGLUC_MEMBER(hours)),
      json_field("confers", "confers", field_role::plain,
                 R"({"kind": "certificate", "code": "bd_dan_so_vien", "valid_for": "P5Y"})", NANGLUC_MEMBER(confers)),
  };
};

template <> struct record_description<session> {
  static constexpr std::string_view list = "sessions", noun = "session", article = "a session";
  static constexpr auto records = &registry_data::sessions;
  static constexpr auto extras = &registry_extras::sessions;
  static constexpr auto fields = std::tuple{
      id_field("id", required, NANGLUC_MEMBER(id)),
      id_field("course", required, NANGLUC_MEMBER(course)),
      date_field("start", required, day_min, NANGLUC_MEMBER(when.from)),
      date_field("end", required, day_max, NANGLUC_MEMBER(when.to)),
      id_field("organizer", optional_field, NANGLUC_MEMBER(organizer)),
      text_field("location", optional_field, NANGLUC_MEMBER(location)),
      whole_field("capacity", optional_field, NANGLUC_MEMBER(capacity)),
      whole_field("cost_vnd", optional_field, NANGLUC_MEMBER(cost_vnd)),
      code_field("funding", optional_field, vocab::funding_sources, NANGLUC_MEMBER(funding)),
      json_field("attendance", "attendance", field_role::plain,
                 R"([{"category": "cong_tac_vien", "sex": "F", "count": 12}])", NANGLUC_MEMBER(attendance)),
  };
};

template <> struct record_description<enrollment> {
  static constexpr std::string_view list = "enrollments", noun = "enrollment", article = "an enrollment";
  static constexpr auto records = &registry_data::enrollments;
  static constexpr auto extras = &registry_extras::enrollments;
  static constexpr auto fields = std::tuple{
      id_field("person", required, NANGLUC_MEMBER(person)),
      id_field("session", required, NANGLUC_MEMBER(session)),
      value_field("status", "status", required, NANGLUC_MEMBER(status)),
      date_field("completed_on", optional_field, day_min, NANGLUC_MEMBER(completed_on)),
      number_field("score", NANGLUC_MEMBER(score)),
  };
};

template <> struct record_description<quota> {
  static constexpr std::string_view list = "quotas", noun = "quota", article = "a quota";
  static constexpr auto records = &registry_data::quotas;
  static constexpr auto extras = &registry_extras::quotas;
  static constexpr auto fields = std::tuple{
      id_field("unit", required, NANGLUC_MEMBER(unit)),
      code_field("category", optional_field, vocab::categories, NANGLUC_MEMBER(category)),
      codes_field("roles", optional_field, vocab::roles, NANGLUC_MEMBER(roles)),
      code_field("sector", optional_field, vocab::sectors, NANGLUC_MEMBER(sector)),
      whole_field("count", required, NANGLUC_MEMBER(count)),
      date_field("from", optional_field, day_min, NANGLUC_MEMBER(when.from)),
      date_field("to", optional_field, day_max, NANGLUC_MEMBER(when.to)),
  };
};

#undef NANGLUC_MEMBER

/// The record kinds of a registry, in the order of model.md §2 (and of its lists and tables).
using record_kinds = std::tuple<unit, person, assignment, qualification, course, session, enrollment, quota>;

template <class Rec>
inline constexpr std::size_t field_count = std::tuple_size_v<decltype(record_description<Rec>::fields)>;

/// Calls `f(field, index)` for each field of `Rec`, in order.
template <class Rec, class F>
constexpr void for_each_field(F&& f) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (f(std::get<I>(record_description<Rec>::fields), I), ...);
  }(std::make_index_sequence<field_count<Rec>>{});
}

/// Calls `f(record_description<Rec>{})` for each record kind, in order.
template <class F>
constexpr void for_each_record_kind(F&& f) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (f(std::type_identity<std::tuple_element_t<I, record_kinds>>{}), ...);
  }(std::make_index_sequence<std::tuple_size_v<record_kinds>>{});
}

/// Every field name of `Rec` (its JSON keys), in order.
template <class Rec>
inline constexpr auto field_names = [] {
  std::array<std::string_view, field_count<Rec>> out{};
  for_each_field<Rec>([&](const auto& f, std::size_t i) { out[i] = f.name; });
  return out;
}();

/// The index of the field named `name` (field_count when none).
template <class Rec>
constexpr std::size_t field_index(std::string_view name) {
  for (std::size_t i = 0; i < field_names<Rec>.size(); ++i)
    if (field_names<Rec>[i] == name) return i;
  return field_count<Rec>;
}

/// The columns of `Rec`'s table: its fields but those spread over key columns (which come
/// last in a description, so column k is field k).
template <class Rec>
inline constexpr std::size_t column_count = [] {
  std::size_t n = 0;
  for_each_field<Rec>([&](const auto& f, std::size_t) { n += f.encoding != cell_encoding::key_columns; });
  return n;
}();

template <class Rec>
inline constexpr auto column_names = [] {
  std::array<std::string_view, column_count<Rec>> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = field_names<Rec>[i];
  return out;
}();

/// The columns a table's header must have: those of required fields.
template <class Rec>
inline constexpr std::size_t required_count = [] {
  std::size_t n = 0;
  for_each_field<Rec>([&](const auto& f, std::size_t) { n += f.required; });
  return n;
}();

template <class Rec>
inline constexpr auto required_columns = [] {
  std::array<std::uint8_t, required_count<Rec>> out{};
  std::size_t k = 0;
  for_each_field<Rec>([&](const auto& f, std::size_t i) {
    if (f.required) out[k++] = static_cast<std::uint8_t>(i);
  });
  return out;
}();

}  // namespace nangluc::detail
