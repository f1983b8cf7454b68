// Internal to the plan reader: the base every part of a plan is read with — where problems go,
// the values (strings, lists, whole numbers, percentages, dates, titles), an object's fields,
// and selectors and criteria (plan_json_parts.cpp); the plan itself is read in
// plan_json_reader.cpp.
#pragma once

#include <nangluc/plan.hpp>

#include "io/json_input.hpp"
#include "model/problems.hpp"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nangluc::detail {

using json = nlohmann::json;

[[nodiscard]] inline bool is_extension(std::string_view key) { return key.size() > 2 && key.substr(0, 2) == "x_"; }
[[nodiscard]] inline std::string range_text(const day_range& r) { return format_day(r.from) + ".." + format_day(r.to); }

class plan_json_base;

// The fields of one JSON object: reports a value that is not an object, unknown fields, and
// keeps x_ fields (or, where the model has no room for them, warns that they are dropped).
class fields {
 public:
  fields(plan_json_base& r, const json& v, std::string where, std::string_view what,
         std::initializer_list<std::string_view> known, bool keeps_extras);

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] const json* get(std::string_view key) const {
    if (!ok_) return nullptr;
    auto it = v_.find(key);
    if (it == v_.end() || it->is_null()) return nullptr;
    return &*it;
  }
  [[nodiscard]] bool has(std::string_view key) const { return get(key) != nullptr; }
  [[nodiscard]] std::string at(std::string_view key) const { return where_ + "/" + pointer_token(key); }
  extra_fields take_extras() { return std::move(extras_); }

  void missing(std::string_view key) const;
  std::string text(std::string_view key, bool required) const;
  std::optional<day> date(std::string_view key, bool required) const;

 private:
  plan_json_base& r_;
  const json& v_;
  std::string where_;
  bool ok_ = true;
  extra_fields extras_;
};

// A name a selector or criterion refers to, with where the reference is.
struct name_ref {
  std::string name;   // the name referred to
  std::string where;  // the location of the reference
  std::string owner;  // the group or criterion it appears in; empty in a target
};

class plan_json_base {
 public:
  explicit plan_json_base(std::string file) : file_(std::move(file)) {}

  void error(const std::string& where, std::string code, std::string message) {
    problems_.error(std::move(code), file_, where, std::move(message));
  }
  void warning(const std::string& where, std::string code, std::string message) {
    problems_.warning(std::move(code), file_, where, std::move(message));
  }

  // ---- values (plan_json_parts.cpp) ------------------------------------------------------------
  std::optional<std::string> string_value(const json& v, const std::string& where, std::string_view what);
  // A list of codes or ids; a single string stands for a list of one.
  std::vector<std::string> string_list(const json& v, const std::string& where, std::string_view key);
  std::optional<std::int64_t> whole_number(const json& v, const std::string& where, std::string_view key);
  std::optional<std::int64_t> count_value(const json& v, const std::string& where, std::string_view key);
  // A percentage with at most two decimals, in hundredths (66.67 → 6667).
  std::optional<std::int64_t> percent_value(const json& v, const std::string& where);
  // `{start, end}` (the plan period, a phase's dates come in the same shape).
  std::optional<day_range> range_fields(fields& f);
  // Whether `r` lies inside the plan period; reports it at `where` when not.
  void check_in_period(const day_range& r, const std::string& where, std::string_view what);
  bilingual title(fields& f, std::string_view key, bool* as_object);
  std::optional<int> age_value(const json& v, const std::string& where, std::string_view key);

  // ---- selectors and criteria (plan_json_parts.cpp) -------------------------------------------
  selector read_selector(const json& v, const std::string& where);
  criterion read_criterion(const json& v, const std::string& where);
  training_criterion read_training(const json& x, const std::string& where);
  qualification_criterion read_qualification(const json& x, const std::string& where);
  training_range training_within(const json& v, const std::string& where);

 protected:
  std::string file_;
  problem_list problems_;
  std::optional<day_range> period_;       // the plan period, when it was read without problems
  std::string owner_;                     // the group or criterion being read
  std::vector<name_ref> group_refs_, criterion_refs_;
};

}  // namespace nangluc::detail
