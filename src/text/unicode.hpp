// Internal: UTF-8 validation and NFC normalisation (ICU), with an ASCII fast path.
#pragma once

#include <string>
#include <string_view>

namespace nangluc::detail {

/// Whether `s` is well-formed UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view s) noexcept;

/// `s` in Unicode normalisation form C. Vietnamese text often arrives decomposed (a base
/// letter plus combining marks) from some keyboards and exports; NFC makes equal names equal.
/// `s` must be valid UTF-8.
[[nodiscard]] std::string to_nfc(std::string_view s);

/// Normalises `s` in place; returns false when it is not valid UTF-8 (then left unchanged).
bool normalize_in_place(std::string& s);

}  // namespace nangluc::detail
