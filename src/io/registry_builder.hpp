// Internal: builds registry_data while a reader parses, whatever order the lists come in.
// References by id are interned to provisional numbers and resolved when all lists are read.
#pragma once

#include <nangluc/registry.hpp>

#include "model/problems.hpp"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nangluc::detail {

class registry_builder {
 public:
  /// `file` names the input in problems; `problems` collects them.
  registry_builder(problem_list& problems, std::string file);

  /// Uses a built-in profile's vocabularies. Call before interning codes (readers call it when
  /// they meet `profile`; with none, the default profile is used at the first code).
  /// Returns false (after reporting) when the profile is unknown.
  bool set_profile(std::string_view name, const std::string& location);
  /// Adds the file's own vocabulary entries (`vocabularies` key).
  void add_vocabulary_entry(std::string_view vocabulary_name, vocabulary_entry entry);

  /// The term for a code of a vocabulary; unknown codes are interned as undeclared and
  /// reported by validation with the record's location.
  term intern(std::string_view vocabulary_name, std::string_view code);

  // Provisional handles for references by id; resolved by finish().
  unit_ix ref_unit(std::string_view id);
  person_ix ref_person(std::string_view id);
  course_ix ref_course(std::string_view id);
  session_ix ref_session(std::string_view id);

  // Records, appended in file order, for every kind (unit, person, …; model/record_fields.hpp).
  // A record with an id is declared under it: a duplicate id is reported (at `location`) and
  // the record still kept so indexes stay aligned with the file.
  template <class Rec>
  void add(Rec rec, extra_fields extras, const std::string& location);
  void add_top_level_extra(std::string key, std::string json_text);

  /// Resolves references (reporting each dangling one where `where` says it is) and returns
  /// the data. Dangling references become none.
  registry_data finish(const source_map& where);

  [[nodiscard]] registry_data& data() noexcept { return data_; }
  [[nodiscard]] problem_list& problems() noexcept { return problems_; }
  [[nodiscard]] const std::string& file() const noexcept { return file_; }

 private:
  // Ids to provisional numbers: an open-addressing table of numbers (linear probing, at most
  // half full) over ids kept in a deque, so that looking an id up hashes its bytes once and
  // allocates nothing — the hot path of loading, once per reference.
  struct id_table {
    std::deque<std::string> store;                   // number -> id (never moves)
    std::vector<std::uint64_t> hash_of;              // number -> hash of its id
    std::vector<std::uint32_t> slots;                // number + 1; 0: empty
    std::vector<std::uint32_t> declared;             // number -> list index or none
    std::vector<const std::string*> ids;             // number -> id
    std::uint32_t ref(std::string_view id);
    bool declare(std::string_view id, std::uint32_t index, std::uint32_t& first);

   private:
    void grow();
  };
  void ensure_profile();
  template <class Rec>
  id_table& ids_of();

  problem_list& problems_;
  std::string file_;
  registry_data data_;
  bool profile_set_ = false;
  id_table units_, persons_, courses_, sessions_;
};

}  // namespace nangluc::detail
