// Internal: vocabulary entries and vocabulary files in JSON (model.md §3). One reader of an
// entry, used by vocabulary files, the built-in profile and a registry's `vocabularies`.
#pragma once

#include <nangluc/vocabulary.hpp>

#include "model/problems.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace nangluc::detail {

/// One entry `{code, vi?, en?, rank?, depth?, parent?, x_…?}` at JSON pointer `pointer`: texts
/// in NFC, ranks and depths whole numbers, the code lower-case ASCII snake_case. Reports every
/// problem and gives nullopt when there was one.
[[nodiscard]] std::optional<vocabulary_entry> read_vocabulary_entry(const nlohmann::json& e, const std::string& pointer,
                                                                    const std::string& file, problem_list& problems);

}  // namespace nangluc::detail
