// The readers' own checks, for registry data built in code; driven by the record descriptions.

#include "model/data_checks.hpp"

#include "model/record_fields.hpp"
#include "text/unicode.hpp"

#include <string>
#include <type_traits>
#include <unordered_map>

namespace nangluc::detail {
namespace {

class data_checker {
 public:
  data_checker(const source_map& where, problem_list& problems) : where_(where), problems_(problems) {}

  template <class Rec>
  void check(std::vector<Rec>& records) {
    constexpr std::string_view list = record_description<Rec>::list;
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < records.size(); ++i) {
      for_each_field<Rec>([&](const auto& fd, std::size_t) { check_field(list, i, fd.name, fd.get(records[i])); });
      if constexpr (field_names<Rec>[0] == "id") {
        const auto& id = records[i].id;
        if (id.empty()) continue;
        if (auto [it, fresh] = first.try_emplace(id, i); !fresh)
          error(list, i, "", "duplicate_id",
                std::string(record_description<Rec>::noun) + " id '" + id + "' is used again (first at " +
                    where_.location(list, it->second, "") + ")");
      }
    }
  }

 private:
  void error(std::string_view list, std::size_t i, std::string_view field, std::string code, std::string message) {
    problems_.error(std::move(code), where_.file(list), where_.location(list, i, field), std::move(message));
  }

  // Text must be UTF-8; it is brought to NFC as the readers bring what they read.
  void text(std::string_view list, std::size_t i, std::string_view field, std::string& s) {
    if (!is_valid_utf8(s)) {
      error(list, i, field, "bad_encoding", "'" + std::string(field) + "' is not valid UTF-8");
      return;
    }
    normalize_in_place(s);
  }

  template <class T>
  void check_field(std::string_view list, std::size_t i, std::string_view field, T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
      text(list, i, field, v);
    } else if constexpr (std::is_same_v<T, std::vector<std::pair<std::string, std::string>>>) {
      for (auto& [key, value] : v) text(list, i, std::string(field) + "/" + key, value);
    } else if constexpr (std::is_same_v<T, sex>) {
      if (v != sex::unknown && v != sex::female && v != sex::male && v != sex::other)
        error(list, i, field, "bad_value",
              "sex " + std::to_string(static_cast<int>(v)) + " is not one of F, M, X");
    } else if constexpr (std::is_same_v<T, enrollment_status>) {
      if (static_cast<int>(v) > static_cast<int>(enrollment_status::withdrawn))
        error(list, i, field, "bad_value",
              "status " + std::to_string(static_cast<int>(v)) +
                  " is not one of registered, attended, completed, failed, withdrawn");
    }
  }

  const source_map& where_;
  problem_list& problems_;
};

}  // namespace

void check_data_from_code(registry_data& data, const source_map& where, problem_list& problems) {
  data_checker c(where, problems);
  for_each_record_kind([&](auto kind) {
    using Rec = typename decltype(kind)::type;
    c.check(data.*record_description<Rec>::records);
  });
}

}  // namespace nangluc::detail
