// Internal: how values are written as text, shared by the JSON and CSV writers.
#pragma once

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

}  // namespace nangluc::detail
