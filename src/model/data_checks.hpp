// Internal: the checks a reader makes while it reads, made on data built in code
// (registry::from_data, the generators), so that every way in meets the same checks
// with the same codes: text in valid UTF-8 and in NFC, no id used twice, enumerations in range.
#pragma once

#include <nangluc/registry.hpp>

#include "model/problems.hpp"

namespace nangluc::detail {

/// Brings every text of `data` to NFC (ids included, so an id typed decomposed is found by its
/// composed spelling) and reports, located through `where`: text that is not UTF-8
/// (`bad_encoding`), an id used twice in one list (`duplicate_id`, as the file readers do), a
/// `sex` or enrollment `status` outside its enumeration (`bad_value`).
void check_data_from_code(registry_data& data, const source_map& where, problem_list& problems);

}  // namespace nangluc::detail
