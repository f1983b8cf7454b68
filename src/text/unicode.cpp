// UTF-8 validation and NFC through ICU: a quick check first, so text already in NFC (nearly all
// of it) is never copied.

#include "text/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace nangluc::detail {
namespace {

bool is_ascii(std::string_view s) noexcept {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || !n) throw std::runtime_error("ICU NFC normaliser unavailable");
  return *n;
}

}  // namespace

bool is_valid_utf8(std::string_view s) noexcept {
  if (is_ascii(s)) return true;
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  std::int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string to_nfc(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  const auto& n = nfc();
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(s.data(), static_cast<std::int32_t>(s.size()));
  if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(s);
  std::string out;
  status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out);
  n.normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(s);
  return out;
}

bool normalize_in_place(std::string& s) {
  if (is_ascii(s)) return true;
  if (!is_valid_utf8(s)) return false;
  const auto& n = nfc();
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(s.data(), static_cast<std::int32_t>(s.size()));
  if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return true;  // the usual case: no copy
  s = to_nfc(s);
  return true;
}

}  // namespace nangluc::detail
