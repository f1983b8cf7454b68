// Internal: the semantic checks of model.md §5 on registry data.
#pragma once

#include <nangluc/registry.hpp>

#include "model/problems.hpp"

namespace nangluc::detail {

/// Checks codes, ranges, references, the tree, overlapping posts and the warnings of §5.
/// Problems are located through `where`. When `problems` already holds reading errors, checks
/// that would only repeat them (a required reference left none) are skipped.
void validate(const registry_data& data, const source_map& where, problem_list& problems);

}  // namespace nangluc::detail
