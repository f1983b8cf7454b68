// The unit tree as it stands on one date: valid units, their parents, and subtree ranges.
// Built once per evaluation date so "is u under v" is O(1) and a subtree is a contiguous span.
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/handle.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace nangluc {

class registry;

/// A snapshot of the tree at one day. Units not valid that day are absent.
class unit_tree {
 public:
  unit_tree() = default;
  /// Builds the snapshot of `reg` at day `d` (what registry::tree_at does).
  unit_tree(const registry& reg, day d);

  [[nodiscard]] day as_of() const noexcept { return as_of_; }
  /// Whether the unit is valid on the snapshot's day.
  [[nodiscard]] bool contains(unit_ix u) const noexcept {
    return u.value < pre_.size() && pre_[u.value] != absent;
  }
  /// The unit's parent on that day; none for a root or an absent unit.
  [[nodiscard]] unit_ix parent(unit_ix u) const noexcept {
    return contains(u) ? parent_[u.value] : unit_ix{};
  }
  /// Units with no parent on that day, in registry order.
  [[nodiscard]] const std::vector<unit_ix>& roots() const noexcept { return roots_; }
  /// The unit and everything under it, in preorder (the unit first).
  [[nodiscard]] std::span<const unit_ix> subtree(unit_ix u) const noexcept;
  /// Whether `u` is `ancestor` or lies under it. O(1).
  [[nodiscard]] bool in_subtree(unit_ix u, unit_ix ancestor) const noexcept {
    if (!contains(u) || !contains(ancestor)) return false;
    const auto p = pre_[u.value], a = pre_[ancestor.value];
    return a <= p && p < end_[ancestor.value];
  }
  /// Position of the unit in preorder (for arrays indexed by tree position).
  [[nodiscard]] std::uint32_t position(unit_ix u) const noexcept { return pre_[u.value]; }
  /// All valid units in preorder.
  [[nodiscard]] const std::vector<unit_ix>& preorder() const noexcept { return order_; }

 private:
  static constexpr std::uint32_t absent = 0xFFFFFFFFu;
  day as_of_ = 0;
  std::vector<unit_ix> parent_;        // by unit index
  std::vector<std::uint32_t> pre_;     // by unit index: preorder position or absent
  std::vector<std::uint32_t> end_;     // by unit index: one past the subtree's last position
  std::vector<unit_ix> order_;         // preorder
  std::vector<unit_ix> roots_;
};

}  // namespace nangluc
