// Writing `nangluc/registry@1` JSON: canonical key order, one record per line, `x_` fields
// written back as they were read. Records are streamed, never built as a DOM.

#include <nangluc/io.hpp>

#include "io/text_format.hpp"

#include <charconv>
#include <cmath>
#include <ostream>
#include <sstream>

namespace nangluc {
namespace detail {

std::string format_number(double v) {
  if (std::trunc(v) == v && std::fabs(v) < 9.0e15) return std::to_string(static_cast<long long>(v));
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

namespace {

// Builds one JSON object on one line: {"a": 1, "b": "x"}.
class object_line {
 public:
  explicit object_line(std::string& out) : out_(out) { out_ += '{'; }
  void key(std::string_view k) {
    if (!first_) out_ += ", ";
    first_ = false;
    append_json_string(out_, k);
    out_ += ": ";
  }
  void str(std::string_view k, std::string_view v) {
    key(k);
    append_json_string(out_, v);
  }
  void str_if(std::string_view k, std::string_view v) {
    if (!v.empty()) str(k, v);
  }
  void raw(std::string_view k, std::string_view json_text) {
    key(k);
    out_ += json_text;
  }
  void number(std::string_view k, double v) { raw(k, format_number(v)); }
  void integer(std::string_view k, std::int64_t v) { raw(k, std::to_string(v)); }
  void date_if(std::string_view k, day d) {
    if (d != day_min && d != day_max) str(k, format_day(d));
  }
  void extras(const extra_fields* x) {
    if (!x) return;
    for (const auto& [k, v] : *x) raw(k, v);
  }
  void extras(const extra_fields& x) { extras(&x); }
  std::string& out() { return out_; }
  void close() { out_ += '}'; }

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace

void append_vocabulary_additions(std::string& out, const vocabulary_set& additions) {
  bool any = false;
  for (const auto& [name, voc] : additions.all()) any = any || voc.size() > 0;
  if (!any) return;
  out += ",\n  \"vocabularies\": {";
  bool first_vocab = true;
  for (const auto& [name, voc] : additions.all()) {
    if (voc.size() == 0) continue;
    out += first_vocab ? "\n    " : ",\n    ";
    first_vocab = false;
    append_json_string(out, name);
    out += ": [";
    for (std::size_t i = 0; i < voc.size(); ++i) {
      const auto& e = voc.entries()[i];
      out += i ? ",\n      " : "\n      ";
      object_line o(out);
      o.str("code", e.code);
      o.str_if("vi", e.vi);
      o.str_if("en", e.en);
      if (e.rank) o.integer("rank", *e.rank);
      if (e.depth) o.integer("depth", *e.depth);
      o.str_if("parent", e.parent);
      o.extras(e.extras);
      o.close();
    }
    out += "\n    ]";
  }
  out += "\n  }";
}

namespace {

class writer {
 public:
  writer(const registry& reg, std::ostream& os) : r_(reg), d_(reg.data()), os_(os) {}

  void run() {
    buf_ = "{\n";
    buf_ += "  \"format\": \"nangluc/registry@1\",\n  \"profile\": ";
    append_json_string(buf_, d_.profile);
    append_vocabulary_additions(buf_, d_.additions);
    for (const auto& [k, v] : d_.extras) {
      buf_ += ",\n  ";
      append_json_string(buf_, k);
      buf_ += ": " + v;
    }
    list("units", d_.units.size(), [&](object_line& o, std::size_t i) { unit_fields(o, i); }, true);
    list("persons", d_.persons.size(), [&](object_line& o, std::size_t i) { person_fields(o, i); });
    list("assignments", d_.assignments.size(), [&](object_line& o, std::size_t i) { assignment_fields(o, i); });
    list("qualifications", d_.qualifications.size(), [&](object_line& o, std::size_t i) { qualification_fields(o, i); });
    list("courses", d_.courses.size(), [&](object_line& o, std::size_t i) { course_fields(o, i); });
    list("sessions", d_.sessions.size(), [&](object_line& o, std::size_t i) { session_fields(o, i); });
    list("enrollments", d_.enrollments.size(), [&](object_line& o, std::size_t i) { enrollment_fields(o, i); });
    list("quotas", d_.quotas.size(), [&](object_line& o, std::size_t i) { quota_fields(o, i); });
    buf_ += "\n}\n";
    flush(true);
  }

 private:
  void flush(bool force = false) {
    if (force || buf_.size() > (1u << 20)) {
      os_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
      buf_.clear();
    }
  }

  std::string_view code(std::string_view vocabulary_name, term t) const {
    return d_.vocabularies.at(vocabulary_name).code(t);
  }
  void code_if(object_line& o, std::string_view k, std::string_view vocabulary_name, term t) {
    if (!t.is_none()) o.str(k, code(vocabulary_name, t));
  }
  void codes_if(object_line& o, std::string_view k, std::string_view vocabulary_name,
                const std::vector<term>& ts) {
    if (ts.empty()) return;
    o.key(k);
    o.out() += '[';
    for (std::size_t i = 0; i < ts.size(); ++i) {
      if (i) o.out() += ", ";
      append_json_string(o.out(), code(vocabulary_name, ts[i]));
    }
    o.out() += ']';
  }
  const std::string& unit_id(unit_ix u) const { return d_.units[u.value].id; }

  template <class F>
  void list(std::string_view name, std::size_t n, F fields, bool always = false) {
    if (n == 0 && !always) return;
    buf_ += ",\n  ";
    append_json_string(buf_, name);
    buf_ += ": [";
    for (std::size_t i = 0; i < n; ++i) {
      buf_ += i ? ",\n    " : "\n    ";
      object_line o(buf_);
      fields(o, i);
      o.close();
      flush();
    }
    buf_ += n ? "\n  ]" : "]";
  }

  void unit_fields(object_line& o, std::size_t i) {
    const auto& u = d_.units[i];
    o.str("id", u.id);
    o.str("name", u.name);
    code_if(o, "level", vocab::levels, u.level);
    code_if(o, "kind", vocab::unit_kinds, u.kind);
    if (u.parents_over_time) {
      o.key("parents");
      o.out() += '[';
      for (std::size_t k = 0; k < u.parents.size(); ++k) {
        if (k) o.out() += ", ";
        object_line p(o.out());
        p.str("unit", unit_id(u.parents[k].unit));
        p.date_if("from", u.parents[k].when.from);
        p.date_if("to", u.parents[k].when.to);
        p.extras(u.parents[k].extras);
        p.close();
      }
      o.out() += ']';
    } else if (!u.parents.empty()) {
      o.str("parent", unit_id(u.parents[0].unit));
    }
    o.date_if("valid_from", u.valid.from);
    o.date_if("valid_to", u.valid.to);
    if (!u.successor.is_none()) o.str("successor", unit_id(u.successor));
    o.extras(d_.record_extras.units.find(static_cast<std::uint32_t>(i)));
  }

  void person_fields(object_line& o, std::size_t i) {
    const auto& p = d_.persons[i];
    o.str("id", p.id);
    o.str("name", p.name);
    if (p.sex != sex::unknown) o.str("sex", std::string(1, static_cast<char>(p.sex)));
    o.date_if("birth_date", p.birth_date);
    code_if(o, "ethnicity", vocab::ethnicities, p.ethnicity);
    if (!p.external_ids.empty()) {
      o.key("external_ids");
      object_line x(o.out());
      for (const auto& [k, v] : p.external_ids) x.str(k, v);
      x.close();
    }
    o.extras(d_.record_extras.persons.find(static_cast<std::uint32_t>(i)));
  }

  void assignment_fields(object_line& o, std::size_t i) {
    const auto& a = d_.assignments[i];
    o.str("person", d_.persons[a.person.value].id);
    o.str("unit", unit_id(a.unit));
    if (!a.employer.is_none()) o.str("employer", unit_id(a.employer));
    code_if(o, "category", vocab::categories, a.category);
    codes_if(o, "roles", vocab::roles, a.roles);
    code_if(o, "sector", vocab::sectors, a.sector);
    o.date_if("start", a.when.from);
    o.date_if("end", a.when.to);
    o.extras(d_.record_extras.assignments.find(static_cast<std::uint32_t>(i)));
  }

  void qualification_fields(object_line& o, std::size_t i) {
    const auto& q = d_.qualifications[i];
    o.str("person", d_.persons[q.person.value].id);
    const auto& kind = code(vocab::qualification_kinds, q.kind);
    o.str("kind", kind);
    o.str("code", code(kind, q.code));
    code_if(o, "field", vocab::fields, q.field);
    o.date_if("awarded", q.awarded);
    o.date_if("expires", q.expires);
    o.str_if("issuer", q.issuer);
    o.extras(d_.record_extras.qualifications.find(static_cast<std::uint32_t>(i)));
  }

  void course_fields(object_line& o, std::size_t i) {
    const auto& c = d_.courses[i];
    o.str("id", c.id);
    o.str("title", c.title);
    code_if(o, "kind", vocab::training_kinds, c.kind);
    codes_if(o, "topics", vocab::topics, c.topics);
    if (c.hours) o.number("hours", *c.hours);
    if (c.confers) {
      o.key("confers");
      object_line x(o.out());
      const auto& kind = code(vocab::qualification_kinds, c.confers->kind);
      x.str("kind", kind);
      x.str("code", code(kind, c.confers->code));
      if (c.confers->valid_for) x.str("valid_for", format_period(*c.confers->valid_for));
      x.extras(c.confers->extras);
      x.close();
    }
    o.extras(d_.record_extras.courses.find(static_cast<std::uint32_t>(i)));
  }

  void session_fields(object_line& o, std::size_t i) {
    const auto& s = d_.sessions[i];
    o.str("id", s.id);
    o.str("course", d_.courses[s.course.value].id);
    o.date_if("start", s.when.from);
    o.date_if("end", s.when.to);
    if (!s.organizer.is_none()) o.str("organizer", unit_id(s.organizer));
    o.str_if("location", s.location);
    if (s.capacity) o.integer("capacity", *s.capacity);
    if (s.cost_vnd) o.integer("cost_vnd", *s.cost_vnd);
    code_if(o, "funding", vocab::funding_sources, s.funding);
    if (!s.attendance.empty()) {
      o.key("attendance");
      o.out() += '[';
      for (std::size_t k = 0; k < s.attendance.size(); ++k) {
        if (k) o.out() += ", ";
        const auto& h = s.attendance[k];
        object_line x(o.out());
        code_if(x, "category", vocab::categories, h.category);
        if (h.sex != sex::unknown) x.str("sex", std::string(1, static_cast<char>(h.sex)));
        x.integer("count", h.count);
        x.extras(h.extras);
        x.close();
      }
      o.out() += ']';
    }
    o.extras(d_.record_extras.sessions.find(static_cast<std::uint32_t>(i)));
  }

  void enrollment_fields(object_line& o, std::size_t i) {
    const auto& e = d_.enrollments[i];
    o.str("person", d_.persons[e.person.value].id);
    o.str("session", d_.sessions[e.session.value].id);
    o.str("status", to_string(e.status));
    o.date_if("completed_on", e.completed_on);
    if (e.has_score()) o.number("score", e.score);
    o.extras(d_.record_extras.enrollments.find(static_cast<std::uint32_t>(i)));
  }

  void quota_fields(object_line& o, std::size_t i) {
    const auto& q = d_.quotas[i];
    o.str("unit", unit_id(q.unit));
    code_if(o, "category", vocab::categories, q.category);
    codes_if(o, "roles", vocab::roles, q.roles);
    code_if(o, "sector", vocab::sectors, q.sector);
    o.integer("count", q.count);
    o.date_if("from", q.when.from);
    o.date_if("to", q.when.to);
    o.extras(d_.record_extras.quotas.find(static_cast<std::uint32_t>(i)));
  }

  const registry& r_;
  const registry_data& d_;
  std::ostream& os_;
  std::string buf_;
};

}  // namespace
}  // namespace detail

void write_registry_json(const registry& reg, std::ostream& out) { detail::writer(reg, out).run(); }

std::string write_registry_json(const registry& reg) {
  std::ostringstream os;
  write_registry_json(reg, os);
  return std::move(os).str();
}

}  // namespace nangluc
