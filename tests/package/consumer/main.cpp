// Reads a registry from JSON text and asks the tree a question: enough to prove the headers,
// the library and its dependencies all came through find_package.
#include <nangluc/nangluc.hpp>

#include <iostream>

int main() {
  const auto reg = nangluc::read_registry_json(R"({
    "format": "nangluc/registry@1",
    "units": [{"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh"},
              {"id": "105", "name": "Thành phố Lai Châu", "level": "huyen", "parent": "12"}],
    "persons": [{"id": "p1", "name": "Lò Thị Hoa"}]
  })");
  const auto district = reg.unit_at("105");
  const auto parent = reg.parent(district, nangluc::parse_date("2024-01-01"));
  std::cout << "units: " << reg.units().size() << ", persons: " << reg.persons().size()
            << ", parent on 2024-01-01: " << reg[parent].id << "\n";
  return 0;
}
