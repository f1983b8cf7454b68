// Extension fields: the `x_…` keys a data owner adds to any record or file.
// nangluc keeps them as they were and writes them back unchanged (model.md §4).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace nangluc {

/// `x_` fields of one object, in their order: (key, value as compact JSON text).
using extra_fields = std::vector<std::pair<std::string, std::string>>;

/// The `x_` fields of the records of one list, kept aside because few records have any.
class extras_table {
 public:
  /// Records the extras of record `index`; indexes must be added in increasing order.
  void add(std::uint32_t index, extra_fields fields) {
    if (fields.empty()) return;
    index_.push_back(index);
    fields_.push_back(std::move(fields));
  }
  /// The extras of record `index`, or nullptr.
  [[nodiscard]] const extra_fields* find(std::uint32_t index) const;
  [[nodiscard]] bool empty() const noexcept { return index_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return index_.size(); }
  /// Re-indexes after records were reordered: `new_index[old]` is each record's new index.
  void remap(const std::vector<std::uint32_t>& new_index);
  friend bool operator==(const extras_table&, const extras_table&) = default;

 private:
  std::vector<std::uint32_t> index_;
  std::vector<extra_fields> fields_;
};

}  // namespace nangluc
