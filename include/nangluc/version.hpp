// The library's version: the one place it is written (CMake and the Python wheel read it here).
// Use it to check at compile time which nangluc you build against.
#pragma once

#define NANGLUC_VERSION_MAJOR 0
#define NANGLUC_VERSION_MINOR 1
#define NANGLUC_VERSION_PATCH 0
#define NANGLUC_VERSION_STRING "0.1.0"

namespace nangluc {
/// The version this library was built as, e.g. "0.1.0".
inline constexpr const char* version = NANGLUC_VERSION_STRING;
}  // namespace nangluc
