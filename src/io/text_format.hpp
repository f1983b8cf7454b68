// Internal: how values are written as text, shared by the JSON and CSV writers.
#pragma once

#include <nangluc/extras.hpp>
#include <nangluc/vocabulary.hpp>

#include <string>
#include <string_view>

namespace nangluc::detail {

/// A number the shortest way that reads back equal: integers without ".0" (40, not 40.0).
[[nodiscard]] std::string format_number(double v);

/// Appends `s` as a JSON string literal (quotes and escapes; UTF-8 kept as is).
void append_json_string(std::string& out, std::string_view s);

/// Appends `,\n  "vocabularies": {…}` with a registry's own vocabulary entries, one per line,
/// when it has any (registry JSON and a CSV folder's meta.json share this block).
void append_vocabulary_additions(std::string& out, const vocabulary_set& additions);

/// One JSON object written on one line, spaced (`{"a": 1, "b": 2}`) or compact (`{"a":1,"b":2}`).
class json_object_writer {
 public:
  json_object_writer(std::string& out, bool compact) : out_(out), compact_(compact) { out_ += '{'; }
  void key(std::string_view k) {
    if (!first_) out_ += compact_ ? "," : ", ";
    first_ = false;
    append_json_string(out_, k);
    out_ += compact_ ? ":" : ": ";
  }
  void str(std::string_view k, std::string_view v) {
    key(k);
    append_json_string(out_, v);
  }
  void raw(std::string_view k, std::string_view json_text) {
    key(k);
    out_ += json_text;
  }
  void extras(const extra_fields* x) {
    if (x)
      for (const auto& [k, v] : *x) raw(k, v);
  }
  [[nodiscard]] bool compact() const noexcept { return compact_; }
  std::string& out() noexcept { return out_; }
  void close() { out_ += '}'; }

 private:
  std::string& out_;
  bool compact_;
  bool first_ = true;
};

}  // namespace nangluc::detail
