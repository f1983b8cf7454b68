// The vn-population profile, groups, ranks and "did you mean".
#include <catch2/catch.hpp>

#include <nangluc/error.hpp>
#include <nangluc/io.hpp>
#include <nangluc/vocabulary.hpp>

using namespace nangluc;

TEST_CASE("the vn-population profile is built in with both languages", "[vocabulary]") {
  const auto& p = vocabulary_set::vn_population();
  const auto& levels = p.at(vocab::levels);
  CHECK(levels[levels.at("huyen")].depth == 2);
  CHECK(levels[levels.at("thon")].depth == 4);
  const auto& cats = p.at(vocab::categories);
  CHECK(cats[cats.at("cong_tac_vien")].vi == "Cộng tác viên dân số");
  CHECK(cats[cats.at("cong_chuc")].en == "Civil servant");
  for (const char* name : {"levels", "unit_kinds", "categories", "roles", "sectors", "education", "fields",
                           "professional_title", "certificate", "political_theory", "state_management", "it",
                           "language", "training_kinds", "topics", "funding_sources", "qualification_kinds"}) {
    INFO(name);
    REQUIRE(p.find(name) != nullptr);
    for (const auto& e : p.at(name).entries()) {
      CHECK_FALSE(e.vi.empty());
      CHECK_FALSE(e.en.empty());
    }
  }
}

TEST_CASE("education is ranked and postgraduate is a group", "[vocabulary]") {
  const auto& edu = vocabulary_set::vn_population().at(vocab::education);
  CHECK(edu[edu.at("dai_hoc")].rank == 5);
  CHECK(edu[edu.at("chuyen_khoa_1")].rank == edu[edu.at("thac_si")].rank);
  const auto post = edu.at("sau_dai_hoc");
  CHECK(edu.is_group(post));
  CHECK(edu.is_in(edu.at("tien_si"), post));
  CHECK_FALSE(edu.is_in(edu.at("dai_hoc"), post));
  CHECK(edu.expand({post}).size() == 5);  // the group and its four members
}

TEST_CASE("the y_duoc field group stands for medicine, pharmacy, public health, nursing", "[vocabulary]") {
  const auto& f = vocabulary_set::vn_population().at(vocab::fields);
  const auto g = f.at("y_duoc");
  for (const char* c : {"y_khoa", "duoc", "y_te_cong_cong", "dieu_duong_ho_sinh"}) CHECK(f.is_in(f.at(c), g));
  CHECK_FALSE(f.is_in(f.at("dan_so_y_te"), g));
}

TEST_CASE("an unknown code is refused with the nearest known codes", "[vocabulary]") {
  const auto& cats = vocabulary_set::vn_population().at(vocab::categories);
  CHECK_THROWS_WITH(cats.at("cong_chuk"), Catch::Contains("cong_chuc"));
  CHECK(cats.nearest("vien_chu").front() == "vien_chuc");
}

TEST_CASE("a vocabulary file adds codes; a malformed one is refused", "[vocabulary]") {
  const auto set = read_vocabulary_json(R"({"format": "nangluc/vocabulary@1", "name": "x",
    "vocabularies": {"roles": [{"code": "y_te_thon", "vi": "Y tế thôn", "en": "Village health"}]}})");
  CHECK(set.at("roles").find("y_te_thon").has_value());
  CHECK_THROWS_AS(read_vocabulary_json(R"({"format": "nangluc/vocabulary@1",
    "vocabularies": {"roles": [{"code": "Bad Code"}]}})"), validation_error);
  CHECK_THROWS_AS(read_vocabulary_json("{"), validation_error);
}

TEST_CASE("unknown profiles are refused", "[vocabulary]") {
  CHECK_THROWS_AS(vocabulary_set::profile("vn-health"), argument_error);
}
