// Forward declarations of nangluc's main types, for headers that only pass them around.
// Include <nangluc/nangluc.hpp> for the definitions.
#pragma once

namespace nangluc {
class registry;
struct registry_data;
class unit_tree;
class vocabulary;
class vocabulary_set;
struct unit;
struct person;
struct assignment;
struct qualification;
struct course;
struct session;
struct enrollment;
struct quota;
struct problem;
class error;
class validation_error;
struct structure_report;
}  // namespace nangluc
