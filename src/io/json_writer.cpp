// Writing `nangluc/registry@1` JSON: canonical key order, one record per line, `x_` fields
// written back as they were read. Records are streamed, never built as a DOM.

#include <nangluc/io.hpp>

#include "io/record_json.hpp"
#include "io/text_format.hpp"

#include <charconv>
#include <cmath>
#include <ostream>
#include <sstream>
#include <type_traits>

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
      json_object_writer o(out, false);
      o.str("code", e.code);
      if (!e.vi.empty()) o.str("vi", e.vi);
      if (!e.en.empty()) o.str("en", e.en);
      if (e.rank) o.raw("rank", std::to_string(*e.rank));
      if (e.depth) o.raw("depth", std::to_string(*e.depth));
      if (!e.parent.empty()) o.str("parent", e.parent);
      o.extras(&e.extras);
      o.close();
    }
    out += "\n    ]";
  }
  out += "\n  }";
}

namespace {

class writer {
 public:
  writer(const registry& reg, std::ostream& os) : d_(reg.data()), os_(os) {}

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
    // `units` is always written, even empty; the other lists only when they hold records.
    for_each_record_kind([&](auto kind) { list<typename decltype(kind)::type>(); });
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

  template <class Rec>
  void list() {
    const auto& records = d_.*record_description<Rec>::records;
    const auto& extras = d_.record_extras.*record_description<Rec>::extras;
    if (records.empty() && !std::is_same_v<Rec, unit>) return;
    buf_ += ",\n  ";
    append_json_string(buf_, record_description<Rec>::list);
    buf_ += ": [";
    for (std::size_t i = 0; i < records.size(); ++i) {
      buf_ += i ? ",\n    " : "\n    ";
      append_json_object(buf_, records[i], d_, extras.find(static_cast<std::uint32_t>(i)), false);
      flush();
    }
    buf_ += records.empty() ? "]" : "\n  ]";
  }

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
