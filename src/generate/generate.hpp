// Synthetic registries: the Lai Châu example (seed 002's figures, exactly) and the national
// workload of performance.md, deterministic for a seed.
#pragma once

#include <nangluc/registry.hpp>

#include <cstddef>
#include <cstdint>

namespace nangluc {

/// The example registry of Lai Châu province: 8 district-level units and 106 communes until
/// 2025-06-30, 38 communes under the province after the 2025 reorganisation, villages, and a
/// population workforce whose figures as of 2021-12-01 are those of seed 002 section IV,
/// with a training history from 2016 to 2026.
[[nodiscard]] registry generate_lai_chau();

/// The example registry of Đồng Tháp province (plan 195/KH-UBND, seed 001): province "87",
/// its 12 districts and 143 communes until 2025-06-30, the 71 merged communes and the regional
/// health centres after, hamlets (ấp, khóm) throughout, and a training history from 2019 to 2026
/// whose evaluation on 2025-12-31 shows targets achieved, missed and in progress.
[[nodiscard]] registry generate_dong_thap();

struct national_options {
  std::size_t persons = 1'000'000;
  std::uint64_t seed = 1;
};

/// The national workload of performance.md (tree of 2016–2030 with the 2025 mergers,
/// ~1.2 posts, ~3 qualifications and ~10 enrollments per person).
[[nodiscard]] registry generate_national(const national_options& options = {});

}  // namespace nangluc
