// Example 1: load a registry and ask it questions as of two dates, either side of the
// 2025-07-01 reorganisation that abolished the district level.
//
//   build/dev/examples/01_load_and_query examples/lai-chau/registry.json
#include <nangluc/nangluc.hpp>

#include <iostream>
#include <map>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: 01_load_and_query REGISTRY\n";
    return 2;
  }
  try {
    const auto reg = nangluc::load_registry(argv[1]);
    const auto& levels = reg.vocab(nangluc::vocab::levels);

    for (const char* when : {"2024-12-31", "2025-12-31"}) {
      const auto day = nangluc::to_day(nangluc::parse_date(when));
      const auto tree = reg.tree_at(day);
      std::cout << "As of " << when << ":\n";
      for (auto root : tree.roots()) {
        // Count units per level and persons in post anywhere in the province.
        std::map<std::string, int> units_per_level;
        for (auto u : tree.subtree(root)) ++units_per_level[levels.code(reg[u].level)];
        std::cout << "  " << reg[root].name << ":";
        for (const auto& [level, n] : units_per_level)
          std::cout << " " << n << " " << levels[levels.at(level)].en << (n == 1 ? "" : "s") << ";";
        std::cout << "\n";
      }
      std::size_t in_post = 0, seconded = 0;
      for (std::uint32_t p = 0; p < reg.persons().size(); ++p) {
        const auto posts = reg.active_assignments(nangluc::person_ix{p}, day);
        if (!posts.empty()) ++in_post;
        for (auto a : posts)
          if (!reg[a].employer.is_none()) {
            ++seconded;
            break;
          }
      }
      std::cout << "  persons in post: " << in_post << ", of whom seconded (biệt phái): " << seconded << "\n";
    }

    // Where does a commune that ended on 2025-06-30 lead?
    for (const auto& u : reg.units()) {
      if (u.successor.is_none()) continue;
      const auto old_unit = reg.unit_at(u.id);
      const auto now = reg.resolve(old_unit, nangluc::to_day(nangluc::parse_date("2026-01-01")));
      std::cout << u.name << " (ended " << nangluc::format_day(u.valid.to) << ") is now part of "
                << reg[now].name << "\n";
      break;
    }
    return 0;
  } catch (const nangluc::validation_error& e) {
    for (const auto& p : e.problems()) std::cerr << p.to_string() << "\n";
    return 1;
  } catch (const nangluc::error& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
}
