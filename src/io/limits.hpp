// Internal: the bounds nangluc puts on what it reads (docs/limits.md). Each keeps hostile or
// broken input from exhausting the stack, memory or time; each is reported with its own code.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nangluc::detail {

/// The deepest nesting of lists and objects nangluc reads (`too_deep`). Real registries nest
/// 3 deep; the bound keeps hostile input from exhausting the stack when a value is copied or
/// written.
inline constexpr int max_json_depth = 64;

/// The longest JSON string (key or value) or CSV cell, in bytes (`too_long`).
inline constexpr std::size_t max_string_bytes = std::size_t{1} << 20;

/// The longest id (of a unit, person, course, session) or code, in bytes (`too_long`). Longer
/// ones are mistakes (a column shifted into the id); they are never compared for "nearest".
inline constexpr std::size_t max_id_bytes = 256;

/// The largest registry JSON file and CSV table, in bytes (`file_too_large`). Also keeps CSV
/// line numbers within 32 bits.
inline constexpr std::uint64_t max_registry_file_bytes = std::uint64_t{2} << 30;

/// The largest plan file and `meta.json`, in bytes (`file_too_large`): plans are kilobytes.
inline constexpr std::uint64_t max_small_file_bytes = std::uint64_t{64} << 20;

/// The most records one list (units, persons, …) may hold (`too_many_records`); record
/// handles are 32-bit.
inline constexpr std::size_t max_records = 50'000'000;

}  // namespace nangluc::detail
