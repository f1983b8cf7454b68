// The layout docs/architecture.md describes: the umbrella header includes every public header,
// and the generators (a tool) are not among them.
#include <catch2/catch.hpp>

#include <nangluc/nangluc.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("the umbrella header includes every public header, and no tool's", "[layout]") {
  const fs::path include = fs::path(NANGLUC_SOURCE_DIR) / "include" / "nangluc";
  std::ifstream in(include / "nangluc.hpp");
  std::stringstream text;
  text << in.rdbuf();
  const std::string umbrella = text.str();
  std::size_t headers = 0;
  for (const auto& entry : fs::directory_iterator(include)) {
    const auto name = entry.path().filename().string();
    if (entry.path().extension() != ".hpp" || name == "nangluc.hpp") continue;
    ++headers;
    INFO(name);
    CHECK(umbrella.find("#include <nangluc/" + name + ">") != std::string::npos);
  }
  CHECK(headers >= 20);
  CHECK_FALSE(fs::exists(include / "generate.hpp"));
}
