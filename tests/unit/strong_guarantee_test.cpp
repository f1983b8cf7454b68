// Nothing lost: a failed load leaves what the program already holds as it was, and a failed
// save leaves the file or folder on disk as it was, with nothing temporary beside it.
#include <catch2/catch.hpp>

#include <nangluc/nangluc.hpp>
#include <nangluc/plan.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

using namespace nangluc;
namespace fs = std::filesystem;

namespace {

const char* const good = R"({"format": "nangluc/registry@1", "profile": "vn-population",
  "units": [{"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh"}],
  "persons": [{"id": "p1", "name": "Lò Thị Hoa"}]})";

// A fresh, empty folder under the system's temporary folder.
fs::path fresh_folder(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("nangluc_strong_guarantee_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t entries_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("a failed load leaves the registry already held unchanged", "[strong]") {
  const auto dir = fresh_folder("load");
  registry reg = read_registry_json(good);
  const registry_data before = reg.data();
  const std::string json_before = write_registry_json(reg);

  {
    std::ofstream(dir / "bad.json") << R"({"format": "nangluc/registry@1", "units": [{"id": "13", "name": "x", "level": "nope"}]})";
  }
  CHECK_THROWS_AS(reg = load_registry(dir / "bad.json"), validation_error);
  CHECK_THROWS_AS(reg = load_registry(dir / "missing.json"), io_error);
  CHECK_THROWS_AS(reg = read_registry_json("{\"units\": [", "truncated.json"), validation_error);

  CHECK(reg.data() == before);
  CHECK(write_registry_json(reg) == json_before);
  CHECK(reg.find_person("p1").has_value());  // the indexes still answer
  fs::remove_all(dir);
}

TEST_CASE("a failed plan load leaves the plan already held unchanged", "[strong]") {
  plan p = load_plan(NANGLUC_SOURCE_DIR "/examples/lai-chau/plan.json");
  const std::string before = write_plan_json(p);
  CHECK_THROWS_AS(p = read_plan_json(R"({"format": "nangluc/plan@1", "id": 3})"), validation_error);
  CHECK(write_plan_json(p) == before);
}

TEST_CASE("a save that fails while writing leaves the old file whole and no temporary file", "[strong]") {
  const auto dir = fresh_folder("save");
  const auto path = dir / "registry.json";
  const registry reg = read_registry_json(good);
  save_registry_json(reg, path);
  const std::string old = slurp(path);

  CHECK_THROWS_AS(write_file_atomically(path,
                                        [](std::ostream& out) {
                                          out << "{\"format\": \"half";
                                          throw std::runtime_error("disk full, say");
                                        }),
                  std::runtime_error);
  CHECK(slurp(path) == old);
  CHECK(entries_in(dir) == 1);

  // A folder that cannot be written into: the error names the file; nothing appears.
  CHECK_THROWS_AS(save_registry_json(reg, dir / "no_such_folder" / "r.json"), io_error);
  CHECK(entries_in(dir) == 1);
  fs::remove_all(dir);
}

TEST_CASE("a saved file replaces the old one whole and keeps its permissions", "[strong]") {
  const auto dir = fresh_folder("permissions");
  const auto path = dir / "registry.json";
  write_file_atomically(path, std::string_view("old"));
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const registry reg = read_registry_json(good);
  save_registry_json(reg, path);
  CHECK(slurp(path) == write_registry_json(reg));
  CHECK(fs::status(path).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  CHECK(entries_in(dir) == 1);
  fs::remove_all(dir);
}

TEST_CASE("a CSV save refused for a folder holding other files leaves that folder untouched", "[strong][csv]") {
  const auto dir = fresh_folder("csv");
  const auto out = dir / "tables";
  const registry reg = read_registry_json(good);
  save_registry_csv(reg, out);
  const std::string units_before = slurp(out / "units.csv");
  { std::ofstream(out / "notes.txt") << "mine"; }
  CHECK_THROWS_AS(save_registry_csv(read_registry_json(good), out), io_error);
  CHECK(slurp(out / "units.csv") == units_before);
  CHECK(slurp(out / "notes.txt") == "mine");
  CHECK(entries_in(dir) == 1);  // no temporary folder beside it
  fs::remove_all(dir);
}
