// Plans: reading every construct, writing canonically, and refusing bad plans with located,
// coded problems (evaluation.md §1–3).
#include <catch2/catch.hpp>

#include <nangluc/plan.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <functional>
#include <string>

using namespace nangluc;
using json = nlohmann::json;

namespace {

// The alternatives of the plan's variants, checked on the way.
const selector_fields& fields_of(const selector& s) {
  REQUIRE(s.fields() != nullptr);
  return *s.fields();
}
std::string group_of(const selector& s) {
  REQUIRE(s.group() != nullptr);
  return s.group()->name;
}
template <class Kind>
const Kind& kind_of(const criterion& c) {
  REQUIRE(std::holds_alternative<Kind>(c.kind));
  return std::get<Kind>(c.kind);
}

// Every construct of the format at least once.
const char* const everything = R"({
  "format": "nangluc/plan@1",
  "id": "TEST-2021-2030",
  "title": "Kế hoạch thử",
  "issuer": "12",
  "reference": "195/KH-UBND",
  "implements": "520/QĐ-TTg",
  "period": {"start": "2021-01-01", "end": "2030-12-31"},
  "phases": [{"id": "P1", "start": "2021-01-01", "end": "2025-12-31"},
             {"id": "P2", "start": "2026-01-01", "end": "2030-12-31"}],
  "budget_vnd": 11881000000,
  "at_risk_ratio": 0.8,
  "groups": {
    "all_fields": {"category": "cong_chuc", "roles": ["lanh_dao", "bao_cao_vien"], "sector": ["dan_so"],
                   "level": ["huyen", "xa"], "employer_level": ["huyen"], "unit_kinds": ["tram_y_te"],
                   "within": "106", "sex": ["F", "X"], "age": {"min": 18, "max": 60}},
    "combined": {"all_of": ["all_fields", {"level": "xa"}], "any_of": [{"roles": "lanh_dao"}, {"sex": "M"}],
                 "not": {"category": ["hop_dong"]}},
    "alias": "combined"
  },
  "criteria": {
    "recent": {"training": {"courses": ["BD-DSV"], "kinds": ["boi_duong"], "topics": "dan_so_co_ban",
                            "within": "P12M", "min_hours": 37.5}},
    "ever": {"training": {"within": "ever"}},
    "university": {"qualification": {"kind": "education", "min_rank": "dai_hoc", "fields": ["y_duoc"]}},
    "certificate": {"qualification": {"kind": "certificate", "codes": ["bd_dan_so_vien", "chuan_cdnn_dan_so"]}},
    "both": {"all_of": ["recent", "university"]},
    "either": {"any_of": ["ever", {"not": "certificate"}]}
  },
  "targets": [
    {"id": "C1", "title": {"vi": "Bao phủ", "en": "Coverage"}, "measure": "person_coverage",
     "population": "alias", "criterion": "both", "denominator": "in_post_during_window",
     "milestones": [{"phase": "P1", "min_percent": 80, "x_note": "giai đoạn 1"},
                    {"window": {"start": "2026-01-01", "end": "2030-12-31"}, "min_percent": 66.67},
                    {"by": "2030-12-31", "min_percent": 95.5}],
     "x_owner": {"unit": "12", "person": "Lò Văn A"}},
    {"id": "A1", "title": "Hằng năm", "measure": "annual_person_coverage",
     "population": {"roles": ["chuyen_trach_dan_so_xa"]}, "criterion": {"training": {"kinds": ["tap_huan"]}},
     "min_percent": 100, "years": [2022, 2023]},
    {"id": "U1", "title": "Mỗi thôn", "measure": "unit_coverage", "unit_level": "thon",
     "population": {"category": ["cong_tac_vien"]}, "criterion": "either", "min_per_unit": 2,
     "milestones": [{"by": "2025-12-31", "min_percent": 100}]},
    {"id": "K1", "title": "Số lớp", "measure": "activity_count", "count": "cost_vnd",
     "filter": {"courses": ["TH-CTV"], "kinds": ["tap_huan"], "topics": ["truyen_thong_tu_van"]},
     "population": {"category": ["cong_tac_vien"]},
     "milestones": [{"phase": "P1", "min": 10, "max": 500000000}, {"phase": "P2", "max": 20}]},
    {"id": "F1", "title": "Định biên", "measure": "staffing_fill", "population": {"category": ["cong_tac_vien"]},
     "milestones": [{"by": "2025-12-31", "min_percent": 95}]}
  ],
  "x_source": [1, 2, {"a": "b"}]
})";

std::string example(const char* relative) { return std::string(NANGLUC_SOURCE_DIR) + "/" + relative; }

// A small valid plan as a JSON value, for tests that change one thing.
json base_plan() {
  return json::parse(R"({
    "format": "nangluc/plan@1", "id": "P", "title": "T", "issuer": "12",
    "period": {"start": "2021-01-01", "end": "2030-12-31"},
    "phases": [{"id": "P1", "start": "2021-01-01", "end": "2025-12-31"}],
    "groups": {"g": {"category": ["cong_chuc"]}},
    "criteria": {"c": {"training": {"topics": ["dan_so_co_ban"]}}},
    "targets": [{"id": "T1", "title": "t", "measure": "person_coverage", "population": "g", "criterion": "c",
                 "milestones": [{"phase": "P1", "min_percent": 80}]}]
  })");
}

// The problems reading `j` gives (empty when it reads).
std::vector<problem> problems_of(const std::string& text) {
  try {
    (void)read_plan_json(text, "plan.json");
  } catch (const validation_error& e) {
    return e.problems();
  }
  return {};
}

std::vector<problem> problems_after(const std::function<void(json&)>& change) {
  json j = base_plan();
  change(j);
  return problems_of(j.dump());
}

bool has(const std::vector<problem>& ps, std::string_view code, std::string_view location) {
  return std::any_of(ps.begin(), ps.end(), [&](const problem& p) {
    return p.code == code && p.location == location && p.severity == severity::error && p.file == "plan.json";
  });
}

std::string listing(const std::vector<problem>& ps) {
  std::string s;
  for (const auto& p : ps) s += p.to_string() + "\n";
  return s;
}

#define REQUIRE_PROBLEM(ps, code, location)            \
  do {                                                 \
    const auto& ps_ = (ps);                            \
    INFO(listing(ps_));                                \
    REQUIRE(has(ps_, code, location));                 \
  } while (false)

day d(const char* s) { return *parse_day(s); }

}  // namespace

TEST_CASE("every construct of a plan is read into the model", "[plan]") {
  const plan p = read_plan_json(everything);
  CHECK(p.warnings.empty());
  CHECK(p.id == "TEST-2021-2030");
  CHECK(p.title.vi == "Kế hoạch thử");
  CHECK(p.title.en == "Kế hoạch thử");  // a plain string fills both languages
  CHECK_FALSE(p.title_bilingual);
  CHECK(p.issuer == "12");
  CHECK(p.reference == "195/KH-UBND");
  CHECK(p.implements == "520/QĐ-TTg");
  CHECK(p.period == day_range{d("2021-01-01"), d("2030-12-31")});
  REQUIRE(p.phases.size() == 2);
  CHECK(p.phases[1].id == "P2");
  CHECK(p.phases[1].when == day_range{d("2026-01-01"), d("2030-12-31")});
  CHECK(p.budget_vnd == 11881000000);
  CHECK(p.at_risk_ratio == 0.8);
  REQUIRE(p.extras.size() == 1);
  CHECK(p.extras[0] == std::pair<std::string, std::string>{"x_source", R"([1,2,{"a":"b"}])"});

  SECTION("selectors") {
    const selector_fields& s = fields_of(p.groups.at("all_fields"));
    CHECK(s.category == std::vector<std::string>{"cong_chuc"});  // one string is a list of one
    CHECK(s.roles == std::vector<std::string>{"lanh_dao", "bao_cao_vien"});
    CHECK(s.sector == std::vector<std::string>{"dan_so"});
    CHECK(s.level == std::vector<std::string>{"huyen", "xa"});
    CHECK(s.employer_level == std::vector<std::string>{"huyen"});
    CHECK(s.unit_kinds == std::vector<std::string>{"tram_y_te"});
    CHECK(s.within == std::vector<std::string>{"106"});
    CHECK(s.sex == std::vector<sex>{sex::female, sex::other});
    CHECK(s.age_min == 18);
    CHECK(s.age_max == 60);
    CHECK(p.groups.at("all_fields").group() == nullptr);

    const selector_fields& c = fields_of(p.groups.at("combined"));
    REQUIRE(c.all_of.size() == 2);
    CHECK(group_of(c.all_of[0]) == "all_fields");
    CHECK(fields_of(c.all_of[1]).level == std::vector<std::string>{"xa"});
    REQUIRE(c.any_of.size() == 2);
    CHECK(fields_of(c.any_of[1]).sex == std::vector<sex>{sex::male});
    REQUIRE(c.negated.size() == 1);
    CHECK(fields_of(c.negated[0]).category == std::vector<std::string>{"hop_dong"});
    CHECK(group_of(p.groups.at("alias")) == "combined");
  }

  SECTION("criteria") {
    const auto& r = kind_of<training_criterion>(p.criteria.at("recent"));
    CHECK(r.courses == std::vector<std::string>{"BD-DSV"});
    CHECK(r.kinds == std::vector<std::string>{"boi_duong"});
    CHECK(r.topics == std::vector<std::string>{"dan_so_co_ban"});
    CHECK(r.within.what == training_range::kind::period);
    CHECK(r.within.length == period{0, 12, 0});
    CHECK(r.min_hours == 37.5);
    CHECK(kind_of<training_criterion>(p.criteria.at("ever")).within.what == training_range::kind::ever);

    const auto& u = kind_of<qualification_criterion>(p.criteria.at("university"));
    CHECK(u.kind == "education");
    CHECK(u.min_rank == "dai_hoc");
    CHECK(u.fields == std::vector<std::string>{"y_duoc"});
    CHECK(kind_of<qualification_criterion>(p.criteria.at("certificate")).codes ==
          std::vector<std::string>{"bd_dan_so_vien", "chuan_cdnn_dan_so"});

    const auto& both = kind_of<all_of_criteria>(p.criteria.at("both"));
    REQUIRE(both.items.size() == 2);
    CHECK(kind_of<criterion_ref>(both.items[0]).name == "recent");
    const auto& either = kind_of<any_of_criteria>(p.criteria.at("either"));
    REQUIRE(either.items.size() == 2);
    const auto& negated = kind_of<not_criterion>(either.items[1]);
    REQUIRE(negated.item.size() == 1);
    CHECK(kind_of<criterion_ref>(negated.item[0]).name == "certificate");
  }

  SECTION("targets and milestones") {
    REQUIRE(p.targets.size() == 5);
    const target& c1 = p.targets[0];
    CHECK(c1.title == bilingual{"Bao phủ", "Coverage"});
    CHECK(c1.measure() == measure::person_coverage);
    REQUIRE(c1.population());
    CHECK(group_of(*c1.population()) == "alias");
    REQUIRE(c1.criterion());
    CHECK(kind_of<criterion_ref>(*c1.criterion()).name == "both");
    CHECK(c1.denominator() == denominator_policy::in_post_during_window);
    REQUIRE(c1.milestones.size() == 3);
    CHECK(c1.milestones[0].what == milestone::kind::phase);
    CHECK(c1.milestones[0].phase == "P1");
    CHECK(c1.milestones[0].threshold.min_percent_x100 == 8000);
    CHECK(c1.milestones[0].extras == extra_fields{{"x_note", "\"giai đoạn 1\""}});
    CHECK(c1.milestones[1].what == milestone::kind::window);
    CHECK(c1.milestones[1].window == day_range{d("2026-01-01"), d("2030-12-31")});
    CHECK(c1.milestones[1].threshold.min_percent_x100 == 6667);
    CHECK(c1.milestones[2].what == milestone::kind::by);
    CHECK(c1.milestones[2].window == day_range{d("2021-01-01"), d("2030-12-31")});
    CHECK(c1.milestones[2].threshold.min_percent_x100 == 9550);
    CHECK(c1.extras == extra_fields{{"x_owner", R"({"person":"Lò Văn A","unit":"12"})"}});

    const target& a1 = p.targets[1];
    CHECK(a1.measure() == measure::annual_person_coverage);
    REQUIRE(a1.as<annual_person_coverage>());
    CHECK(a1.as<annual_person_coverage>()->min_percent_x100 == 10000);
    CHECK(a1.as<annual_person_coverage>()->years == std::vector<int>{2022, 2023});
    CHECK(a1.milestones.empty());
    CHECK(a1.denominator() == denominator_policy::in_post_at_end);

    const target& u1 = p.targets[2];
    CHECK(u1.measure() == measure::unit_coverage);
    REQUIRE(u1.as<unit_coverage>());
    CHECK(u1.as<unit_coverage>()->unit_level == "thon");
    CHECK(u1.as<unit_coverage>()->min_per_unit == 2);
    REQUIRE(u1.criterion());
    CHECK(kind_of<criterion_ref>(*u1.criterion()).name == "either");

    const target& k1 = p.targets[3];
    CHECK(k1.measure() == measure::activity_count);
    REQUIRE(k1.as<activity_count>());
    const auto& count = *k1.as<activity_count>();
    CHECK(count.count == count_kind::cost_vnd);
    CHECK(count.filter.courses == std::vector<std::string>{"TH-CTV"});
    CHECK(count.filter.kinds == std::vector<std::string>{"tap_huan"});
    CHECK(count.filter.topics == std::vector<std::string>{"truyen_thong_tu_van"});
    CHECK(count.population.has_value());
    CHECK(k1.milestones[0].threshold == threshold{std::nullopt, 10, 500000000});
    CHECK(k1.milestones[1].threshold == threshold{std::nullopt, std::nullopt, 20});

    const target& f1 = p.targets[4];
    CHECK(f1.measure() == measure::staffing_fill);
    CHECK(f1.criterion() == nullptr);
    CHECK(f1.milestones[0].threshold.min_percent_x100 == 9500);
  }
}

TEST_CASE("a plan looks up its targets, phases and milestone windows", "[plan]") {
  const plan p = read_plan_json(everything);
  REQUIRE(p.find_target("U1") != nullptr);
  CHECK(p.find_target("U1")->as<unit_coverage>()->unit_level == "thon");
  CHECK(p.find_target("nope") == nullptr);
  REQUIRE(p.find_phase("P2") != nullptr);
  CHECK(p.find_phase("P3") == nullptr);

  const auto& ms = p.find_target("C1")->milestones;
  CHECK(milestone_window(p, ms[0]) == day_range{d("2021-01-01"), d("2025-12-31")});
  CHECK(milestone_window(p, ms[1]) == day_range{d("2026-01-01"), d("2030-12-31")});
  CHECK(milestone_window(p, ms[2]) == day_range{d("2021-01-01"), d("2030-12-31")});

  milestone unknown;
  unknown.phase = "P9";
  CHECK_THROWS_AS(milestone_window(p, unknown), argument_error);

  CHECK(to_string(measure::annual_person_coverage) == "annual_person_coverage");
  CHECK(to_string(measure::staffing_fill) == "staffing_fill");
  CHECK(to_string(count_kind::unique_persons) == "unique_persons");
  CHECK(to_string(count_kind::cost_vnd) == "cost_vnd");
}

TEST_CASE("a plan written and read back is the same plan, and its text is stable", "[plan]") {
  auto check = [](const plan& p) {
    const std::string once = write_plan_json(p);
    const plan again = read_plan_json(once);
    CHECK(again == p);
    CHECK(again.title_bilingual == p.title_bilingual);
    CHECK(write_plan_json(again) == once);
  };
  SECTION("every construct") { check(read_plan_json(everything)); }
  SECTION("the Lai Châu example") { check(load_plan(example("examples/lai-chau/plan.json"))); }
  SECTION("the Đồng Tháp example") { check(load_plan(example("examples/dong-thap/plan.json"))); }
  SECTION("a list given as one string is written as a list") {
    const std::string text = write_plan_json(read_plan_json(everything));
    CHECK(text.find(R"("category": ["cong_chuc"])") != std::string::npos);
    CHECK(text.find(R"("min_percent": 66.67)") != std::string::npos);
    CHECK(text.find(R"("min_percent": 95.5)") != std::string::npos);
    CHECK(text.find(R"("x_source": [1,2,{"a":"b"}])") != std::string::npos);
  }
}

TEST_CASE("the example plans are written canonically", "[plan]") {
  for (const char* file : {"examples/lai-chau/plan.json", "examples/dong-thap/plan.json"}) {
    INFO(file);
    const plan p = load_plan(example(file));
    std::ifstream in(example(file), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(write_plan_json(p) == text);
  }
}

TEST_CASE("the Lai Châu plan encodes the five targets of section V.2.2", "[plan]") {
  const plan p = load_plan(example("examples/lai-chau/plan.json"));
  CHECK(p.issuer == "12");
  CHECK(p.implements == "520/QĐ-TTg");
  REQUIRE(p.phases.size() == 2);
  for (const char* id : {"T1", "T2", "T3", "T4", "T5a", "T5b", "B1", "B2", "B3"}) {
    INFO(id);
    CHECK(p.find_target(id) != nullptr);
  }
  CHECK(p.find_target("T5a")->measure() == measure::annual_person_coverage);
  CHECK(p.find_target("T5a")->as<annual_person_coverage>()->min_percent_x100 == 10000);
  CHECK(p.find_target("T5b")->as<annual_person_coverage>()->min_percent_x100 == 5000);
  CHECK(p.find_target("T4")->milestones[0].threshold.min_percent_x100 == 7000);
  CHECK(p.find_target("B1")->measure() == measure::unit_coverage);
  CHECK(p.find_target("B2")->measure() == measure::activity_count);
  CHECK(p.find_target("B3")->measure() == measure::staffing_fill);
}

TEST_CASE("milestones whose windows overlap are a warning, not an error", "[plan]") {
  SECTION("target 3 of the Lai Châu plan overlaps in 2026, as written") {
    const plan p = load_plan(example("examples/lai-chau/plan.json"));
    REQUIRE(p.warnings.size() == 1);
    const problem& w = p.warnings[0];
    CHECK(w.severity == severity::warning);
    CHECK(w.code == "overlapping_milestones");
    CHECK(w.location == "/targets/2/milestones/1");
    CHECK(w.message.find("2026-01-01..2026-12-31") != std::string::npos);
  }
  SECTION("the Đồng Tháp plan's cumulative 'by' milestones are nested by design") {
    CHECK(load_plan(example("examples/dong-thap/plan.json")).warnings.empty());
  }
  SECTION("windows that only touch do not overlap") {
    json j = base_plan();
    j["targets"][0]["milestones"] = json::parse(R"([
      {"window": {"start": "2021-01-01", "end": "2025-12-31"}, "min_percent": 80},
      {"window": {"start": "2026-01-01", "end": "2030-12-31"}, "min_percent": 90}])");
    CHECK(read_plan_json(j.dump()).warnings.empty());
    j["targets"][0]["milestones"][1]["window"]["start"] = "2025-12-31";
    CHECK(read_plan_json(j.dump()).warnings.size() == 1);
  }
  SECTION("a long window listed after two short ones inside it is reported once, where it is") {
    json j = base_plan();
    j["targets"][0]["milestones"] = json::parse(R"([
      {"window": {"start": "2022-01-01", "end": "2022-12-31"}, "min_percent": 50},
      {"window": {"start": "2024-01-01", "end": "2024-12-31"}, "min_percent": 60},
      {"window": {"start": "2021-01-01", "end": "2030-12-31"}, "min_percent": 90},
      {"by": "2030-12-31", "min_percent": 95}])");
    const plan p = read_plan_json(j.dump());
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].location == "/targets/0/milestones/2");
    CHECK(p.warnings[0].message.find("/targets/0/milestones/0") != std::string::npos);
  }
}

TEST_CASE("percentages have at most two decimals and lie between 0 and 100", "[plan]") {
  auto with_percent = [](const json& value) {
    json j = base_plan();
    j["targets"][0]["milestones"][0]["min_percent"] = value;
    return j.dump();
  };
  CHECK(read_plan_json(with_percent(66.67)).targets[0].milestones[0].threshold.min_percent_x100 == 6667);
  CHECK(read_plan_json(with_percent(0.29)).targets[0].milestones[0].threshold.min_percent_x100 == 29);
  CHECK(read_plan_json(with_percent(100)).targets[0].milestones[0].threshold.min_percent_x100 == 10000);
  CHECK(read_plan_json(with_percent(0)).targets[0].milestones[0].threshold.min_percent_x100 == 0);
  const std::string where = "/targets/0/milestones/0/min_percent";
  REQUIRE_PROBLEM(problems_of(with_percent(66.666)), "bad_value", where);
  REQUIRE_PROBLEM(problems_of(with_percent(-1)), "bad_value", where);
  REQUIRE_PROBLEM(problems_of(with_percent(100.01)), "bad_value", where);
  REQUIRE_PROBLEM(problems_of(with_percent("80")), "wrong_type", where);
}

TEST_CASE("each problem of a plan has its code and location", "[plan]") {
  SECTION("syntax and shape") {
    REQUIRE_PROBLEM(problems_of("{\"format\": \"nangluc/plan@1\",\n \"id\": }"), "json_syntax", "2:8");
    REQUIRE_PROBLEM(problems_of("[1, 2]"), "wrong_type", "");
    std::string deepest;  // the 64 lists that may be open when the 65th starts
    for (int i = 0; i < 64; ++i) deepest += "/0";
    REQUIRE_PROBLEM(problems_of(std::string(100, '[') + std::string(100, ']')), "too_deep", deepest);
    REQUIRE_PROBLEM(problems_of(R"({"format": "nangluc/plan@1", "id": "P", "id": "Q"})"), "duplicate_key", "/id");
    REQUIRE_PROBLEM(problems_of(R"({"format": "nangluc/plan@1", "targets": [{}, {"id": "a", "id": "b"}]})"),
                    "duplicate_key", "/targets/1/id");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["format"] = "nangluc/plan@2"; }), "bad_format", "/format");
    REQUIRE_PROBLEM(problems_after([](json& j) { j.erase("format"); }), "missing_field", "/format");
    REQUIRE_PROBLEM(problems_after([](json& j) { j.erase("issuer"); }), "missing_field", "/issuer");
    REQUIRE_PROBLEM(problems_after([](json& j) { j.erase("period"); }), "missing_field", "/period");
    REQUIRE_PROBLEM(problems_after([](json& j) { j.erase("targets"); }), "missing_field", "/targets");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["title"] = 5; }), "wrong_type", "/title");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["title"] = json::object(); }), "missing_field", "/title");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"] = json::object(); }), "wrong_type", "/targets");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0] = "T1"; }), "wrong_type", "/targets/0");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["nguon"] = "x"; }), "unknown_field", "/nguon");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["muc_tieu"] = 1; }), "unknown_field",
                    "/targets/0/muc_tieu");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["groups"]["a/b"] = {{"rank", 1}}; }), "unknown_field",
                    "/groups/a~1b/rank");
  }
  SECTION("dates and ranges") {
    REQUIRE_PROBLEM(problems_after([](json& j) { j["period"]["end"] = "2030-02-30"; }), "bad_date", "/period/end");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["period"]["start"] = "2031-01-01"; }), "bad_range",
                    "/period/start");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["phases"][0]["start"] = "2026-01-01"; }), "bad_range",
                    "/phases/0/start");
    REQUIRE_PROBLEM(problems_after([](json& j) {
                      j["targets"][0]["milestones"][0] = {{"window", {{"start", "2025-01-01"}, {"end", "2024-01-01"}}},
                                                          {"min_percent", 80}};
                    }),
                    "bad_range", "/targets/0/milestones/0/window/start");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["milestones"][0] = {{"by", "31/13/2025"}, {"min_percent", 80}}; }),
                    "bad_date", "/targets/0/milestones/0/by");
    REQUIRE_PROBLEM(problems_after([](json& j) {
                      j["targets"][0]["milestones"][0] = {{"min", 1}, {"max", 0}};
                      j["targets"][0]["measure"] = "activity_count";
                      j["targets"][0]["count"] = "sessions";
                      j["targets"][0].erase("criterion");
                    }),
                    "bad_range", "/targets/0/milestones/0/min");
  }
  SECTION("windows outside the plan period") {
    REQUIRE_PROBLEM(problems_after([](json& j) { j["phases"][0]["end"] = "2031-12-31"; }), "window_outside_period",
                    "/phases/0");
    REQUIRE_PROBLEM(problems_after([](json& j) {
                      j["targets"][0]["milestones"][0] = {{"window", {{"start", "2020-01-01"}, {"end", "2024-01-01"}}},
                                                          {"min_percent", 80}};
                    }),
                    "window_outside_period", "/targets/0/milestones/0/window");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["milestones"][0] = {{"by", "2031-06-30"}, {"min_percent", 80}}; }),
                    "window_outside_period", "/targets/0/milestones/0/by");
    REQUIRE_PROBLEM(problems_after([](json& j) {
                      auto& t = j["targets"][0];
                      t["measure"] = "annual_person_coverage";
                      t.erase("milestones");
                      t["min_percent"] = 100;
                      t["years"] = {2021, 2031};
                    }),
                    "window_outside_period", "/targets/0/years/1");
  }
  SECTION("names of groups, criteria and phases") {
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["population"] = "cong_chuc"; }), "unknown_group",
                    "/targets/0/population");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["groups"]["h"] = {{"any_of", {"g", "nope"}}}; }), "unknown_group",
                    "/groups/h/any_of/1");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["criterion"] = {{"not", "nope"}}; }),
                    "unknown_criterion", "/targets/0/criterion/not");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["milestones"][0]["phase"] = "P3"; }),
                    "unknown_phase", "/targets/0/milestones/0/phase");
    REQUIRE_PROBLEM(problems_after([](json& j) {
                      j["groups"]["a"] = {{"all_of", {"b", {{"level", "xa"}}}}};
                      j["groups"]["b"] = {{"not", "a"}};
                    }),
                    "cycle", "/groups/b/not");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["groups"]["g"] = "g"; }), "cycle", "/groups/g");
    REQUIRE_PROBLEM(problems_after([](json& j) {
                      j["criteria"]["c"] = {{"any_of", {"d", {{"training", json::object()}}}}};
                      j["criteria"]["d"] = "c";
                    }),
                    "cycle", "/criteria/d");
  }
  SECTION("duplicate ids") {
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"].push_back(j["targets"][0]); }), "duplicate_id",
                    "/targets/1/id");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["phases"].push_back(j["phases"][0]); }), "duplicate_id",
                    "/phases/1/id");
  }
  SECTION("fields each measure needs, and fields it does not take") {
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0].erase("criterion"); }), "missing_field",
                    "/targets/0/criterion");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0].erase("measure"); }), "missing_field",
                    "/targets/0/measure");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["milestones"] = json::array(); }), "missing_field",
                    "/targets/0/milestones");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["measure"] = "annual_person_coverage"; }),
                    "missing_field", "/targets/0/min_percent");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["measure"] = "annual_person_coverage"; }),
                    "unknown_field", "/targets/0/milestones");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["measure"] = "unit_coverage"; }), "missing_field",
                    "/targets/0/unit_level");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["measure"] = "activity_count"; }), "missing_field",
                    "/targets/0/count");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["measure"] = "activity_count"; }), "unknown_field",
                    "/targets/0/criterion");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["measure"] = "activity_count"; }), "unknown_field",
                    "/targets/0/milestones/0/min_percent");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["measure"] = "staffing_fill"; }), "unknown_field",
                    "/targets/0/criterion");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["count"] = "sessions"; }), "unknown_field",
                    "/targets/0/count");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["milestones"][0].erase("min_percent"); }),
                    "missing_field", "/targets/0/milestones/0/min_percent");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["milestones"][0]["min"] = 3; }), "unknown_field",
                    "/targets/0/milestones/0/min");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["milestones"][0] = {{"min_percent", 80}}; }),
                    "missing_field", "/targets/0/milestones/0");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["milestones"][0]["by"] = "2025-12-31"; }),
                    "bad_value", "/targets/0/milestones/0");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["criterion"] = json::object(); }), "missing_field",
                    "/targets/0/criterion");
  }
  SECTION("values") {
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["measure"] = "coverage"; }), "bad_value",
                    "/targets/0/measure");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["targets"][0]["denominator"] = "in_post"; }), "bad_value",
                    "/targets/0/denominator");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["at_risk_ratio"] = 0; }), "bad_value", "/at_risk_ratio");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["at_risk_ratio"] = 1.5; }), "bad_value", "/at_risk_ratio");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["budget_vnd"] = -5; }), "negative_value", "/budget_vnd");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["budget_vnd"] = 1.5; }), "wrong_type", "/budget_vnd");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["groups"]["g"]["sex"] = {"F", "nu"}; }), "bad_value",
                    "/groups/g/sex/1");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["groups"]["g"]["roles"] = json::array(); }), "bad_value",
                    "/groups/g/roles");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["groups"]["g"]["roles"] = {"lanh_dao", 3}; }), "wrong_type",
                    "/groups/g/roles/1");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["groups"]["g"]["age"] = {{"min", 60}, {"max", 18}}; }),
                    "bad_range", "/groups/g/age/min");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["criteria"]["c"]["training"]["within"] = "12 tháng"; }),
                    "bad_value", "/criteria/c/training/within");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["criteria"]["c"]["training"]["min_hours"] = -1; }),
                    "negative_value", "/criteria/c/training/min_hours");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["criteria"]["c"]["qualification"] = {{"kind", "education"}}; }),
                    "bad_value", "/criteria/c/qualification");
    REQUIRE_PROBLEM(problems_after([](json& j) { j["criteria"]["c"] = {{"qualification", {{"codes", {"dai_hoc"}}}}}; }),
                    "missing_field", "/criteria/c/qualification/kind");
  }
}

TEST_CASE("a plan with several problems reports all of them and loads nothing", "[plan]") {
  const auto ps = problems_after([](json& j) {
    j["period"]["end"] = "2030-12-32";
    j["targets"][0]["population"] = "nope";
    j["targets"][0]["milestones"][0]["min_percent"] = 66.666;
    j["x_kept"] = true;
  });
  INFO(listing(ps));
  CHECK(has(ps, "bad_date", "/period/end"));
  CHECK(has(ps, "unknown_group", "/targets/0/population"));
  CHECK(has(ps, "bad_value", "/targets/0/milestones/0/min_percent"));
  CHECK(std::count_if(ps.begin(), ps.end(), [](const problem& p) { return p.severity == severity::error; }) == 3);
}

TEST_CASE("x_ fields where a plan cannot keep them are dropped with a warning", "[plan]") {
  json j = base_plan();
  j["groups"]["g"]["x_note"] = "ghi chú";
  j["targets"][0]["x_kept"] = 1;
  const plan p = read_plan_json(j.dump(), "plan.json");
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].code == "extension_dropped");
  CHECK(p.warnings[0].location == "/groups/g/x_note");
  CHECK(p.warnings[0].severity == severity::warning);
  CHECK(p.targets[0].extras == extra_fields{{"x_kept", "1"}});
}

TEST_CASE("a plan title given as {vi, en} stays an object when written", "[plan]") {
  json j = base_plan();
  j["title"] = {{"vi", "Kế hoạch"}, {"en", "Kế hoạch"}};
  const plan p = read_plan_json(j.dump());
  CHECK(p.title_bilingual);
  CHECK(write_plan_json(p).find(R"("title": {"vi": "Kế hoạch", "en": "Kế hoạch"})") != std::string::npos);
  j["title"] = {{"en", "Plan"}};
  const plan en_only = read_plan_json(j.dump());
  CHECK(en_only.title.in("vi") == "Plan");
  CHECK(read_plan_json(write_plan_json(en_only)) == en_only);
}

TEST_CASE("loading a plan that is not there is an io_error", "[plan]") {
  CHECK_THROWS_AS(load_plan(example("examples/no-such-plan.json")), io_error);
  CHECK_THROWS_AS(load_plan(example("examples")), io_error);
}

TEST_CASE("a plan built in code meets the checks of a plan file, located in its JSON form", "[plan][validation]") {
  // The issue's cases: a window ending before it starts, a threshold of −5, a named group the
  // plan does not define. Each is refused with the code a plan file would get.
  plan p;
  p.id = "KH";
  p.title = bilingual{"Kế hoạch", "Plan"};
  p.issuer = "12";
  p.period = {*parse_day("2021-01-01"), *parse_day("2030-12-31")};
  target t;
  t.id = "T1";
  t.title = bilingual{"T1", "T1"};
  t.spec = person_coverage{selector{group_ref{"nobody"}}, criterion{training_criterion{}}};
  milestone backwards;
  backwards.what = milestone::kind::window;
  backwards.window = {*parse_day("2025-12-31"), *parse_day("2025-01-01")};
  backwards.threshold.min_percent_x100 = 8000;
  milestone negative;
  negative.what = milestone::kind::by;
  negative.window = {p.period.from, *parse_day("2025-12-31")};
  negative.threshold.min_percent_x100 = -500;
  t.milestones = {backwards, negative};
  p.targets.push_back(t);

  const auto problems = validate(p);
  auto has = [&](std::string_view code, std::string_view location) {
    return std::any_of(problems.begin(), problems.end(), [&](const problem& x) {
      return x.code == code && x.location == location && x.severity == severity::error && x.file == "plan";
    });
  };
  CHECK(has("bad_range", "/targets/0/milestones/0/window/start"));
  CHECK(has("bad_value", "/targets/0/milestones/1/min_percent"));
  CHECK(has("unknown_group", "/targets/0/population"));

  // A valid plan built in code has no problems, and equals itself read back from its JSON form.
  p.targets[0].milestones = {negative};
  p.targets[0].milestones[0].threshold.min_percent_x100 = 8000;
  p.groups["nobody"] = selector_fields{};
  CHECK(validate(p).empty());
  CHECK(read_plan_json(write_plan_json(p)) == p);
}
