// The evaluation engine rule by rule (evaluation.md §1–4). Every test names the rule it checks
// and runs on a registry and a plan small enough that the expected figures are computed by hand
// in the comments next to them.
#include <catch2/catch.hpp>

#include <nangluc/evaluation.hpp>
#include <nangluc/nangluc.hpp>
#include <nangluc/plan.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace nangluc;

namespace Catch {
template <>
struct StringMaker<nangluc::status> {
  static std::string convert(nangluc::status s) { return std::string(nangluc::to_string(s)); }
};
}  // namespace Catch

namespace {

day D(const char* text) {
  const auto d = parse_day(text);
  REQUIRE(d.has_value());
  return *d;
}

// Province 12 > districts 105, 106 > communes X1 (a ward), X2 | X3, X4 > villages V1 (a bản),
// V2 under X1, V3 under X2, V4 under X3. X4 has no village.
const char* const tree_units = R"(
  {"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh", "kind": "tinh"},
  {"id": "105", "name": "Huyện Một", "level": "huyen", "kind": "huyen", "parent": "12"},
  {"id": "106", "name": "Huyện Hai", "level": "huyen", "kind": "huyen", "parent": "12"},
  {"id": "X1", "name": "Phường Một", "level": "xa", "kind": "phuong", "parent": "105"},
  {"id": "X2", "name": "Xã Hai", "level": "xa", "kind": "xa", "parent": "105"},
  {"id": "X3", "name": "Xã Ba", "level": "xa", "kind": "xa", "parent": "106"},
  {"id": "X4", "name": "Xã Bốn", "level": "xa", "kind": "xa", "parent": "106"},
  {"id": "V1", "name": "Bản Một", "level": "thon", "kind": "ban", "parent": "X1"},
  {"id": "V2", "name": "Thôn Hai", "level": "thon", "kind": "thon", "parent": "X1"},
  {"id": "V3", "name": "Thôn Ba", "level": "thon", "kind": "thon", "parent": "X2"},
  {"id": "V4", "name": "Thôn Bốn", "level": "thon", "kind": "thon", "parent": "X3"})";

// C1: 40-hour refresher on population basics; C2: 16-hour workshop on statistics and
// communication; C3: 24-hour degree course that confers the population-worker certificate for
// five years.
const char* const course_c1 = R"({"id": "C1", "title": "Bồi dưỡng dân số cơ bản", "kind": "boi_duong",
  "topics": ["dan_so_co_ban"], "hours": 40})";
const char* const course_c2 = R"({"id": "C2", "title": "Tập huấn thống kê", "kind": "tap_huan",
  "topics": ["truyen_thong_tu_van", "thong_ke_du_lieu"], "hours": 16})";
const char* const course_c3 = R"({"id": "C3", "title": "Đào tạo quản lý dân số", "kind": "dao_tao",
  "topics": ["quan_ly_dan_so_phat_trien"], "hours": 24,
  "confers": {"kind": "certificate", "code": "bd_dan_so_vien", "valid_for": "P5Y"}})";

const char* const default_post = R"("category": "cong_chuc", "sector": "dan_so", "start": "2020-01-01")";
const char* const by_province = R"(, "organizer": "12")";

/// A registry written as JSON text, record by record.
struct registry_text {
  std::string units = tree_units;
  std::vector<std::string> persons, assignments, qualifications, courses, sessions, enrollments, quotas;

  registry_text& person(const std::string& id, const std::string& more = "") {
    persons.push_back(R"({"id": ")" + id + R"(", "name": "Cán bộ )" + id + "\"" + more + "}");
    return *this;
  }
  /// A post of `who` at `unit`; `fields` are the rest of the assignment's fields.
  registry_text& post(const std::string& who, const std::string& unit, const std::string& fields = default_post) {
    assignments.push_back(R"({"person": ")" + who + R"(", "unit": ")" + unit + R"(", )" + fields + "}");
    return *this;
  }
  /// A person with one post: cong_chuc of the dan_so sector at `unit` since 2020-01-01.
  registry_text& staff(const std::string& id, const std::string& unit) { return person(id).post(id, unit); }
  registry_text& course(const std::string& json) {
    courses.push_back(json);
    return *this;
  }
  registry_text& session(const std::string& id, const std::string& course_id, const std::string& start,
                         const std::string& end, const std::string& more = by_province) {
    sessions.push_back(R"({"id": ")" + id + R"(", "course": ")" + course_id + R"(", "start": ")" + start +
                       R"(", "end": ")" + end + "\"" + more + "}");
    return *this;
  }
  registry_text& completed(const std::string& who, const std::string& session_id, const std::string& on = "") {
    enrollments.push_back(R"({"person": ")" + who + R"(", "session": ")" + session_id +
                          R"(", "status": "completed")" +
                          (on.empty() ? std::string() : R"(, "completed_on": ")" + on + "\"") + "}");
    return *this;
  }
  registry_text& enrolled(const std::string& who, const std::string& session_id, const std::string& status_code) {
    enrollments.push_back(R"({"person": ")" + who + R"(", "session": ")" + session_id + R"(", "status": ")" +
                          status_code + "\"}");
    return *this;
  }
  registry_text& qualification(const std::string& json) {
    qualifications.push_back(json);
    return *this;
  }
  registry_text& quota(const std::string& json) {
    quotas.push_back(json);
    return *this;
  }

  [[nodiscard]] std::string json() const {
    std::string out = R"({"format": "nangluc/registry@1", "units": [)" + units + "]";
    auto list = [&out](const char* name, const std::vector<std::string>& items) {
      if (items.empty()) return;
      out += ",\n\"" + std::string(name) + "\": [";
      for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "\n  " : ",\n  ") + items[i];
      out += "]";
    };
    list("persons", persons);
    list("assignments", assignments);
    list("qualifications", qualifications);
    list("courses", courses);
    list("sessions", sessions);
    list("enrollments", enrollments);
    list("quotas", quotas);
    return out + "}";
  }
  [[nodiscard]] registry load() const { return read_registry_json(json(), "evaluation-test.json"); }
};

/// A plan over 2021–2030 with phases P1 (2021–2025) and P2 (2026–2030); `more` (starting with a
/// comma) adds top-level fields such as groups and criteria.
std::string plan_text(const std::string& targets, const std::string& more = "", const std::string& issuer = "12") {
  return R"({"format": "nangluc/plan@1", "id": "KH-TEST", "title": "Kế hoạch thử", "issuer": ")" + issuer +
         R"(", "period": {"start": "2021-01-01", "end": "2030-12-31"},
  "phases": [{"id": "P1", "start": "2021-01-01", "end": "2025-12-31"},
             {"id": "P2", "start": "2026-01-01", "end": "2030-12-31"}])" +
         more + R"(, "targets": [)" + targets + "]}";
}

plan read_plan(const std::string& text) { return read_plan_json(text, "evaluation-test-plan.json"); }

/// A person_coverage target; `population` and `criterion` are JSON (objects or quoted names).
std::string coverage(const std::string& id, const std::string& population, const std::string& criterion,
                     const std::string& milestones, const std::string& more = "") {
  return R"({"id": ")" + id + R"(", "title": ")" + id + R"(", "measure": "person_coverage", "population": )" +
         population + R"(, "criterion": )" + criterion + more + R"(, "milestones": [)" + milestones + "]}";
}

/// An activity_count target.
std::string activity(const std::string& id, const std::string& count, const std::string& milestones,
                     const std::string& more = "") {
  return R"({"id": ")" + id + R"(", "title": ")" + id + R"(", "measure": "activity_count", "count": ")" + count +
         "\"" + more + R"(, "milestones": [)" + milestones + "]}";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ",\n") + s;
  return out;
}

const std::string dan_so = R"({"sector": ["dan_so"]})";
const std::string trained_c1 = R"({"training": {"courses": ["C1"]}})";
const std::string p1_at_80 = R"({"phase": "P1", "min_percent": 80})";
// A ten-day window in which the as-of date 2021-01-06 is exactly half way: f = 5 / 10.
const std::string ten_days = R"({"window": {"start": "2021-01-01", "end": "2021-01-11"})";

const target_result& target_of(const report& rep, std::string_view id) {
  const target_result* found = nullptr;
  for (const auto& t : rep.targets)
    if (t.target_id == id) found = &t;
  INFO("target " << id);
  REQUIRE(found != nullptr);
  return *found;
}

const milestone_result& result_of(const report& rep, std::string_view id, std::size_t i = 0) {
  const auto& t = target_of(rep, id);
  INFO("target " << id << " result " << i);
  REQUIRE(i < t.results.size());
  return t.results[i];
}

const result_row* find_row(const registry& r, const milestone_result& m, std::string_view unit_id) {
  for (const auto& x : m.rows)
    if (r[x.unit].id == unit_id) return &x;
  return nullptr;
}

const result_row& row_of(const registry& r, const milestone_result& m, std::string_view unit_id) {
  const auto* found = find_row(r, m, unit_id);
  INFO("row of unit " << unit_id << " in result " << m.label);
  REQUIRE(found != nullptr);
  return *found;
}

std::size_t rows_of(const registry& r, const milestone_result& m, std::string_view unit_id) {
  return static_cast<std::size_t>(
      std::count_if(m.rows.begin(), m.rows.end(), [&](const result_row& x) { return r[x.unit].id == unit_id; }));
}

std::string level_of(const registry& r, unit_ix u) { return r.vocab(vocab::levels).code(r[u].level); }

std::vector<std::string> row_ids(const registry& r, const milestone_result& m) {
  std::vector<std::string> out;
  for (const auto& x : m.rows) out.push_back(r[x.unit].id);
  return out;
}

/// numerator / denominator of a row, for compact checks.
std::pair<std::int64_t, std::int64_t> counts(const result_row& x) { return {x.numerator, x.denominator}; }
using nd = std::pair<std::int64_t, std::int64_t>;

}  // namespace

// ================================================================================================
// §4 Threshold and gap
// ================================================================================================

TEST_CASE("threshold: 4 of 5 is exactly 80%", "[evaluation]") {
  // Five officers in X1, four trained in 2022. 4 * 10000 = 40000 >= 8000 * 5 = 40000: met at
  // 80. At 80.01: 40000 >= 8001 * 5 = 40005 fails; (4 + 1) * 10000 = 50000 >= 40005, gap 1.
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  for (const char* id : {"a1", "a2", "a3", "a4", "a5"}) t.staff(id, "X1");
  for (const char* id : {"a1", "a2", "a3", "a4"}) t.completed(id, "S1");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(join({coverage("T80", dan_so, trained_c1, p1_at_80),
                                           coverage("T8001", dan_so, trained_c1,
                                                    R"({"phase": "P1", "min_percent": 80.01})")})));
  const evaluator ev(p, reg);
  const auto rep = ev.evaluate(D("2025-12-31"));

  const auto& m = result_of(rep, "T80");
  CHECK(m.label == "P1");
  CHECK(m.window == day_range{D("2021-01-01"), D("2025-12-31")});
  CHECK(m.due == D("2025-12-31"));
  CHECK(m.evaluated_at == D("2025-12-31"));
  CHECK(m.threshold.min_percent_x100 == 8000);
  CHECK(m.status == status::achieved);
  for (const char* u : {"12", "105", "X1"}) {
    INFO("unit " << u);
    const auto& x = row_of(reg, m, u);
    CHECK(counts(x) == nd{4, 5});
    REQUIRE(x.percent.has_value());
    CHECK(*x.percent == 80.0);
    CHECK(x.gap == 0);
    CHECK(x.status == status::achieved);
  }

  const auto& strict = result_of(rep, "T8001");
  CHECK(strict.threshold.min_percent_x100 == 8001);
  CHECK(strict.status == status::missed);
  const auto& root = row_of(reg, strict, "12");
  CHECK(counts(root) == nd{4, 5});
  CHECK(root.status == status::missed);
  CHECK(root.gap == 1);
}

TEST_CASE("threshold: 2 of 3 misses 66.67%", "[evaluation]") {
  // 2 * 10000 = 20000 >= 6667 * 3 = 20001 is false: missed, gap 1 (3 * 10000 >= 20001).
  // At 66.66: 20000 >= 6666 * 3 = 19998 holds: achieved.
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  for (const char* id : {"b1", "b2", "b3"}) t.staff(id, "X1");
  t.completed("b1", "S1").completed("b2", "S1");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(
      join({coverage("T6667", dan_so, trained_c1, R"({"phase": "P1", "min_percent": 66.67})"),
            coverage("T6666", dan_so, trained_c1, R"({"phase": "P1", "min_percent": 66.66})")})));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));

  const auto& missed = row_of(reg, result_of(rep, "T6667"), "12");
  CHECK(counts(missed) == nd{2, 3});
  REQUIRE(missed.percent.has_value());
  CHECK(*missed.percent == Approx(200.0 / 3));
  CHECK(missed.status == status::missed);
  CHECK(missed.gap == 1);
  CHECK(result_of(rep, "T6667").threshold.min_percent_x100 == 6667);

  const auto& met = row_of(reg, result_of(rep, "T6666"), "12");
  CHECK(met.status == status::achieved);
  CHECK(met.gap == 0);
}

TEST_CASE("gap: the smallest number of persons that would meet the threshold, row by row", "[evaluation]") {
  // X1: 1 of 7 trained; X3: 0 of 3. At 80%:
  //   X1: (1 + g) * 10000 >= 8000 * 7 = 56000 -> g = 5 (g = 4 gives 50000).
  //   X3: g * 10000 >= 8000 * 3 = 24000 -> g = 3.
  //   province: 1 of 10, (1 + g) * 10000 >= 80000 -> g = 7.
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  for (int i = 0; i < 7; ++i) t.staff("g" + std::to_string(i), "X1");
  for (int i = 0; i < 3; ++i) t.staff("h" + std::to_string(i), "X3");
  t.completed("g0", "S1");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, p1_at_80)));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "T");
  CHECK(row_of(reg, m, "X1").gap == 5);
  CHECK(row_of(reg, m, "105").gap == 5);
  CHECK(row_of(reg, m, "X3").gap == 3);
  CHECK(row_of(reg, m, "106").gap == 3);
  CHECK(row_of(reg, m, "12").gap == 7);
  CHECK(row_of(reg, m, "X3").status == status::missed);
}

// ================================================================================================
// §1 Selectors
// ================================================================================================

TEST_CASE("selector: a seconded commune officer counts by level for her commune and by employer_level for her district",
          "[evaluation]") {
  // s: works at commune X1, employed by district 105 (biệt phái). d: district officer at 105.
  // c: commune officer at X2 employed by her commune.
  //   level [xa]            -> s, c        (root 2; X1 1; X2 1; 105 2)
  //   employer_level [huyen]-> s, d        (root 2; X1 1 — s's post is at X1; X2 0; 105 2)
  //   level [huyen]         -> d           (root 1)
  //   employer_level [xa]   -> c           (root 1: s's employer is a district)
  // Only s is trained: numerator 1 in every population that holds her.
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  t.person("s", R"(, "sex": "F")")
      .post("s", "X1", R"("employer": "105", "category": "vien_chuc", "roles": ["chuyen_trach_dan_so_xa"],
                          "sector": "dan_so", "start": "2020-01-01")");
  t.staff("d", "105").staff("c", "X2");
  t.completed("s", "S1");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(join({
      coverage("XA", R"({"level": ["xa"]})", trained_c1, p1_at_80),
      coverage("EMP_HUYEN", R"({"employer_level": ["huyen"]})", trained_c1, p1_at_80),
      coverage("HUYEN", R"({"level": ["huyen"]})", trained_c1, p1_at_80),
      coverage("EMP_XA", R"({"employer_level": ["xa"]})", trained_c1, p1_at_80),
  })));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));

  const auto& xa = result_of(rep, "XA");
  CHECK(counts(row_of(reg, xa, "12")) == nd{1, 2});
  CHECK(counts(row_of(reg, xa, "X1")) == nd{1, 1});
  CHECK(counts(row_of(reg, xa, "X2")) == nd{0, 1});
  CHECK(counts(row_of(reg, xa, "105")) == nd{1, 2});

  const auto& emp = result_of(rep, "EMP_HUYEN");
  CHECK(counts(row_of(reg, emp, "12")) == nd{1, 2});
  CHECK(counts(row_of(reg, emp, "105")) == nd{1, 2});
  CHECK(counts(row_of(reg, emp, "X1")) == nd{1, 1});
  if (const auto* x2 = find_row(reg, emp, "X2")) CHECK(x2->denominator == 0);

  CHECK(counts(row_of(reg, result_of(rep, "HUYEN"), "12")) == nd{0, 1});
  CHECK(counts(row_of(reg, result_of(rep, "EMP_XA"), "12")) == nd{0, 1});
}

TEST_CASE("rows: a person with posts in two communes of one district counts once in each commune, once in the district and once in the province",
          "[evaluation]") {
  // m holds posts at X1 and X2 (both under 105) and is trained; n is at X3, untrained.
  //   X1 1/1, X2 1/1, 105 1/1 (not 2/2), 106 0/1, X3 0/1, province 1/2 = 50%.
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  t.person("m").post("m", "X1").post("m", "X2", R"("category": "khong_chuyen_trach", "sector": "dan_so", "start": "2021-06-01")");
  t.staff("n", "X3");
  t.completed("m", "S1");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, p1_at_80)));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "T");
  CHECK(counts(row_of(reg, m, "X1")) == nd{1, 1});
  CHECK(counts(row_of(reg, m, "X2")) == nd{1, 1});
  CHECK(counts(row_of(reg, m, "105")) == nd{1, 1});
  CHECK(counts(row_of(reg, m, "106")) == nd{0, 1});
  CHECK(counts(row_of(reg, m, "X3")) == nd{0, 1});
  const auto& root = row_of(reg, m, "12");
  CHECK(counts(root) == nd{1, 2});
  CHECK(*root.percent == 50.0);
  CHECK(rows_of(reg, m, "12") == 1);
  CHECK(rows_of(reg, m, "105") == 1);
}

TEST_CASE("rows: only the posts that match the selector place a person in rows", "[evaluation]") {
  // w holds a dan_so post at X1 and a y_te post at X3, and is trained.
  //   sector [dan_so]: counted at X1, 105 and the province, not at X3 or 106.
  //   not sector [dan_so]: matched by the X3 post only -> X3, 106, province.
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  t.person("w").post("w", "X1").post("w", "X3", R"("category": "nhan_vien_y_te_thon_ban", "sector": "y_te", "start": "2020-01-01")");
  t.staff("v", "X2");
  t.completed("w", "S1");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(join({coverage("DS", dan_so, trained_c1, p1_at_80),
                                           coverage("NOT_DS", R"({"not": {"sector": ["dan_so"]}})", trained_c1, p1_at_80)})));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& ds = result_of(rep, "DS");
  CHECK(counts(row_of(reg, ds, "12")) == nd{1, 2});
  CHECK(counts(row_of(reg, ds, "105")) == nd{1, 2});
  CHECK(counts(row_of(reg, ds, "X1")) == nd{1, 1});
  CHECK(row_of(reg, ds, "X3").denominator == 0);  // its level has rows, but w's X3 post is not dan_so
  CHECK(row_of(reg, ds, "106").denominator == 0);
  const auto& nds = result_of(rep, "NOT_DS");
  CHECK(counts(row_of(reg, nds, "12")) == nd{1, 1});
  CHECK(counts(row_of(reg, nds, "X3")) == nd{1, 1});
  CHECK(counts(row_of(reg, nds, "106")) == nd{1, 1});
  CHECK(row_of(reg, nds, "105").denominator == 0);
}

TEST_CASE("binding: a plan naming units or codes the registry does not have is refused", "[evaluation]") {
  const auto reg = registry_text{}.load();
  CHECK_THROWS_AS(evaluator(read_plan(plan_text(coverage("T", R"({"within": ["NO_SUCH_UNIT"]})", trained_c1, p1_at_80))), reg),
                  validation_error);
  CHECK_THROWS_AS(evaluator(read_plan(plan_text(coverage("T", R"({"category": ["no_such_category"]})", trained_c1, p1_at_80))), reg),
                  validation_error);
}

TEST_CASE("binding: problems name the file the plan was read from, or \"plan\" for one built in memory",
          "[evaluation]") {
  const auto reg = registry_text{}.load();
  auto p = read_plan(plan_text(coverage("T", R"({"within": ["NO_SUCH_UNIT"]})", trained_c1, p1_at_80)));
  auto file_of_first_problem = [&](const plan& x) {
    try {
      const evaluator ev(x, reg);
    } catch (const validation_error& e) {
      return e.problems().front().file;
    }
    return std::string("(no problem)");
  };
  CHECK(p.source == "evaluation-test-plan.json");
  CHECK(file_of_first_problem(p) == "evaluation-test-plan.json");
  p.source.clear();
  CHECK(file_of_first_problem(p) == "plan");
}

TEST_CASE("rows: percentages are never averaged, each row is computed from its own distinct counts", "[evaluation]") {
  // X1 1 of 1 (100%), X2 1 of 3 (33.3%), X3 0 of 1 (0%).
  //   105 = 2 of 4 = 50%  (the average of its communes would be 66.7%)
  //   106 = 0 of 1 = 0%
  //   province = 2 of 5 = 40% (average of districts 25%, of communes 44.4%)
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  t.staff("x1a", "X1").staff("x2a", "X2").staff("x2b", "X2").staff("x2c", "X2").staff("x3a", "X3");
  t.completed("x1a", "S1").completed("x2a", "S1");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, p1_at_80)));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "T");
  CHECK(*row_of(reg, m, "X1").percent == 100.0);
  CHECK(*row_of(reg, m, "X2").percent == Approx(100.0 / 3));
  CHECK(counts(row_of(reg, m, "105")) == nd{2, 4});
  CHECK(*row_of(reg, m, "105").percent == 50.0);
  CHECK(counts(row_of(reg, m, "12")) == nd{2, 5});
  CHECK(*row_of(reg, m, "12").percent == 40.0);
  CHECK(*row_of(reg, m, "106").percent == 0.0);
}

namespace {

// Staff for the selector tests, all in post on 2025-12-31 except a7 (ages at 2025-12-31):
//   a1 F 35 cong_chuc [chuyen_vien_dan_so]         dan_so          at 105
//   a2 M 55 vien_chuc [chuyen_trach_dan_so_xa]     dan_so          at X1 (a ward), employed by 105
//   a3 F 30 cong_tac_vien [cong_tac_vien_dan_so]   dan_so          at V1 (a bản under X1)
//   a4 M 40 cong_chuc [lanh_dao]                   gia_dinh        at X3 (turns 40 on 2025-12-31)
//   a5 F 25 nhan_vien_y_te_thon_ban []             y_te            at X3
//   a6 F 45 cong_chuc [cong_chuc_vhxh, lanh_dao]   van_hoa_xa_hoi  at 12
//   a7 M    cong_chuc                              dan_so          at X2, left 2024-12-31
registry selector_registry() {
  registry_text t;
  t.person("a1", R"(, "sex": "F", "birth_date": "1990-01-01")")
      .post("a1", "105", R"("category": "cong_chuc", "roles": ["chuyen_vien_dan_so"], "sector": "dan_so", "start": "2020-01-01")");
  t.person("a2", R"(, "sex": "M", "birth_date": "1970-01-01")")
      .post("a2", "X1", R"("employer": "105", "category": "vien_chuc", "roles": ["chuyen_trach_dan_so_xa"], "sector": "dan_so", "start": "2020-01-01")");
  t.person("a3", R"(, "sex": "F", "birth_date": "1995-06-15")")
      .post("a3", "V1", R"("category": "cong_tac_vien", "roles": ["cong_tac_vien_dan_so"], "sector": "dan_so", "start": "2020-01-01")");
  t.person("a4", R"(, "sex": "M", "birth_date": "1985-12-31")")
      .post("a4", "X3", R"("category": "cong_chuc", "roles": ["lanh_dao"], "sector": "gia_dinh", "start": "2020-01-01")");
  t.person("a5", R"(, "sex": "F", "birth_date": "2000-01-01")")
      .post("a5", "X3", R"("category": "nhan_vien_y_te_thon_ban", "sector": "y_te", "start": "2020-01-01")");
  t.person("a6", R"(, "sex": "F", "birth_date": "1980-01-01")")
      .post("a6", "12", R"("category": "cong_chuc", "roles": ["cong_chuc_vhxh", "lanh_dao"], "sector": "van_hoa_xa_hoi", "start": "2020-01-01")");
  t.person("a7", R"(, "sex": "M", "birth_date": "1975-01-01")")
      .post("a7", "X2", R"("category": "cong_chuc", "sector": "dan_so", "start": "2015-01-01", "end": "2024-12-31")");
  return t.load();
}

/// (target id, population selector, expected denominator at the province on 2025-12-31)
struct selector_case {
  const char* id;
  const char* population;
  std::int64_t expected;
};

void check_selectors(const std::vector<selector_case>& cases) {
  const auto reg = selector_registry();
  std::vector<std::string> targets;
  for (const auto& c : cases)
    targets.push_back(coverage(c.id, c.population, R"({"training": {"within": "ever"}})", p1_at_80));
  const auto p = read_plan(plan_text(join(targets), R"(, "groups": {"nu_xa": {"level": ["xa"], "sex": ["F"]}})"));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  for (const auto& c : cases) {
    INFO(c.id << ": " << c.population);
    CHECK(row_of(reg, result_of(rep, c.id), "12").denominator == c.expected);
  }
}

}  // namespace

TEST_CASE("selector: category, roles and sector match the post's codes", "[evaluation]") {
  check_selectors({
      {"cat", R"({"category": ["cong_chuc"]})", 3},                                   // a1 a4 a6 (a7 left)
      {"cat2", R"({"category": ["cong_tac_vien", "nhan_vien_y_te_thon_ban"]})", 2},   // a3 a5
      {"roles1", R"({"roles": ["lanh_dao"]})", 2},                                    // a4 a6
      {"roles2", R"({"roles": ["cong_tac_vien_dan_so", "chuyen_vien_dan_so"]})", 2},  // a3 a1
      {"sector", R"({"sector": ["dan_so"]})", 3},                                     // a1 a2 a3
      {"all_sectors", R"({"sector": ["dan_so", "gia_dinh", "van_hoa_xa_hoi", "y_te"]})", 6},  // not a7
  });
}

TEST_CASE("selector: level, employer_level (falling back to the unit's level) and unit_kinds", "[evaluation]") {
  check_selectors({
      {"xa", R"({"level": ["xa"]})", 3},                          // a2 a4 a5
      {"thon_tinh", R"({"level": ["thon", "tinh"]})", 2},         // a3 a6
      {"emp_huyen", R"({"employer_level": ["huyen"]})", 2},       // a1 (own unit 105), a2 (employer 105)
      {"emp_xa", R"({"employer_level": ["xa"]})", 2},             // a4 a5 — not a2, employed by 105
      {"kinds", R"({"unit_kinds": ["phuong", "ban"]})", 2},       // a2 (X1 phuong), a3 (V1 ban)
  });
}

TEST_CASE("selector: within takes the subtrees of the given units", "[evaluation]") {
  check_selectors({
      {"w105", R"({"within": ["105"]})", 3},        // a1 (105 itself), a2 (X1), a3 (V1)
      {"wX1_106", R"({"within": ["X1", "106"]})", 4},  // a2 a3 | a4 a5
      {"wX2", R"({"within": ["X2"]})", 0},          // a7 has left
  });
}

TEST_CASE("selector: sex and age in whole years at the evaluation point", "[evaluation]") {
  check_selectors({
      {"f", R"({"sex": ["F"]})", 4},                              // a1 a3 a5 a6
      {"m", R"({"sex": ["M"]})", 2},                              // a2 a4
      {"a35_45", R"({"age": {"min": 35, "max": 45}})", 3},        // a1 35, a4 40, a6 45
      {"a40", R"({"age": {"min": 40}})", 3},                      // a2 55, a4 40 (that very day), a6 45
      {"a39", R"({"age": {"max": 39}})", 3},                      // a1 35, a3 30, a5 25
  });
}

TEST_CASE("selector: all_of, any_of, not and named groups", "[evaluation]") {
  check_selectors({
      {"all", R"({"all_of": [{"sector": ["dan_so"]}, {"sex": ["F"]}]})", 2},                 // a1 a3
      {"any", R"({"any_of": [{"category": ["cong_tac_vien"]}, {"sector": ["y_te"]}]})", 2},  // a3 a5
      {"not", R"({"not": {"sector": ["dan_so"]}})", 3},                                       // a4 a5 a6
      {"and_not", R"({"sector": ["dan_so"], "not": {"level": ["thon"]}})", 2},                // a1 a2
      {"group", R"("nu_xa")", 1},                                                             // a5
      {"group_nested", R"({"any_of": ["nu_xa", {"category": ["vien_chuc"]}]})", 2},           // a5 a2
  });
}

TEST_CASE("selector: age is taken at e = min(D, due), not at the as-of date", "[evaluation]") {
  // P1 is due 2025-12-31; evaluated as of 2026-06-30, e = 2025-12-31.
  //   g1 born 1985-06-01: 40 at e (in), 41 at D.   g3 born 1995-12-31: 30 at e and at D (in).
  // Population age 30..40 -> 2 at e (it would be 1 at D); g1 is trained -> 1 of 2.
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  t.person("g1", R"(, "birth_date": "1985-06-01")").post("g1", "X1");
  t.person("g3", R"(, "birth_date": "1995-12-31")").post("g3", "X1");
  t.completed("g1", "S1");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(coverage("T", R"({"age": {"min": 30, "max": 40}})", trained_c1, p1_at_80)));
  const auto rep = evaluator(p, reg).evaluate(D("2026-06-30"));
  const auto& m = result_of(rep, "T");
  CHECK(m.evaluated_at == D("2025-12-31"));
  CHECK(counts(row_of(reg, m, "12")) == nd{1, 2});
}

// ================================================================================================
// §2 Criteria
// ================================================================================================

namespace {

// Fifteen officers q1..q15 at X1 since 2018; P1 window 2021-01-01..2025-12-31, e = 2025-12-31.
// Sessions: S1 C1 2019-05-01..05 | S2 C1 2022-03-01..05 | S3 C2 2024-12-30..31 |
//           S4 C2 2025-01-01..02 | S5 C3 2023-06-05..10 | S6 C3 2019-01-05..10
// Completions: q1 S1 | q2 S2 | q3 S2 attended, S4 failed | q4 S4 on 2025-01-01 | q5 S3 (2024-12-31)
//   | q6 S3, S4 (2025-01-02) | q7 S5 (confers bd_dan_so_vien until 2028-06-09) | q14 S6 (confers
//   it until 2024-01-09: expired at e) | q15 S2, S4
// Qualifications: q8 education dai_hoc y_khoa | q9 education thac_si kinh_te_quan_ly |
//   q10 education cao_dang duoc | q11 certificate bd_dan_so_vien expired 2024-12-31 |
//   q12 bd_dan_so_vien awarded 2026-03-01 (after e) | q13 bd_dan_so_vien, award date unknown
registry criteria_registry() {
  registry_text t;
  t.course(course_c1).course(course_c2).course(course_c3);
  t.session("S1", "C1", "2019-05-01", "2019-05-05")
      .session("S2", "C1", "2022-03-01", "2022-03-05")
      .session("S3", "C2", "2024-12-30", "2024-12-31")
      .session("S4", "C2", "2025-01-01", "2025-01-02")
      .session("S5", "C3", "2023-06-05", "2023-06-10")
      .session("S6", "C3", "2019-01-05", "2019-01-10");
  for (int i = 1; i <= 15; ++i) {
    const auto id = "q" + std::to_string(i);
    t.person(id).post(id, "X1", R"("category": "cong_chuc", "sector": "dan_so", "start": "2018-01-01")");
  }
  t.completed("q1", "S1");
  t.completed("q2", "S2");
  t.enrolled("q3", "S2", "attended").enrolled("q3", "S4", "failed");
  t.completed("q4", "S4", "2025-01-01");
  t.completed("q5", "S3");
  t.completed("q6", "S3").completed("q6", "S4");
  t.completed("q7", "S5");
  t.completed("q14", "S6");
  t.completed("q15", "S2").completed("q15", "S4");
  t.qualification(R"({"person": "q8", "kind": "education", "code": "dai_hoc", "field": "y_khoa", "awarded": "2015-06-30"})");
  t.qualification(R"({"person": "q9", "kind": "education", "code": "thac_si", "field": "kinh_te_quan_ly", "awarded": "2018-06-30"})");
  t.qualification(R"({"person": "q10", "kind": "education", "code": "cao_dang", "field": "duoc"})");
  t.qualification(R"({"person": "q11", "kind": "certificate", "code": "bd_dan_so_vien", "awarded": "2018-01-01", "expires": "2024-12-31"})");
  t.qualification(R"({"person": "q12", "kind": "certificate", "code": "bd_dan_so_vien", "awarded": "2026-03-01"})");
  t.qualification(R"({"person": "q13", "kind": "certificate", "code": "bd_dan_so_vien"})");
  return t.load();
}

struct criterion_case {
  const char* id;
  const char* criterion;
  std::int64_t expected;  ///< numerator at the province (denominator 15)
};

void check_criteria(const std::vector<criterion_case>& cases) {
  const auto reg = criteria_registry();
  std::vector<std::string> targets;
  for (const auto& c : cases) targets.push_back(coverage(c.id, dan_so, c.criterion, p1_at_80));
  const auto p = read_plan(plan_text(join(targets), R"(, "criteria": {"c1_window": {"training": {"courses": ["C1"]}}})"));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  for (const auto& c : cases) {
    INFO(c.id << ": " << c.criterion);
    CHECK(counts(row_of(reg, result_of(rep, c.id), "12")) == nd{c.expected, 15});
  }
}

}  // namespace

TEST_CASE("criterion: training within the window, ever, or an ISO period (e - P12M, e]", "[evaluation]") {
  check_criteria({
      {"window", R"({"training": {"courses": ["C1"]}})", 2},                    // q2 q15 (q1 in 2019)
      {"window_explicit", R"({"training": {"courses": ["C1"], "within": "window"}})", 2},
      {"ever", R"({"training": {"courses": ["C1"], "within": "ever"}})", 3},    // q1 q2 q15
      // (2024-12-31, 2025-12-31]: q4 on 2025-01-01, q6 and q15 on 2025-01-02 (S4's end);
      // q5 on 2024-12-31 (S3's end) is one day too early.
      {"p12m", R"({"training": {"courses": ["C2"], "within": "P12M"}})", 3},
      {"c2_window", R"({"training": {"courses": ["C2"]}})", 4},                 // q4 q5 q6 q15
  });
}

TEST_CASE("criterion: training filtered by courses, kinds and topics", "[evaluation]") {
  check_criteria({
      {"kinds", R"({"training": {"kinds": ["dao_tao", "boi_duong"]}})", 3},      // C1 q2 q15, C3 q7
      {"topics", R"({"training": {"topics": ["thong_ke_du_lieu", "giang_vien"]}})", 4},  // C2: q4 q5 q6 q15
      {"topics_ever", R"({"training": {"topics": ["quan_ly_dan_so_phat_trien"], "within": "ever"}})", 2},  // q7 q14
      {"courses_kinds", R"({"training": {"courses": ["C1", "C2"], "kinds": ["tap_huan"]}})", 4},  // C2 only
  });
}

TEST_CASE("criterion: min_hours adds up the course hours of matching completions inside the range", "[evaluation]") {
  check_criteria({
      {"c2_30h", R"({"training": {"courses": ["C2"], "min_hours": 30}})", 1},  // q6: 16 + 16
      {"any_50h", R"({"training": {"min_hours": 50}})", 1},                    // q15: 40 + 16
      // ever: q1 40, q2 40, q6 32, q15 56 (q7 and q14 only 24)
      {"ever_30h", R"({"training": {"min_hours": 30, "within": "ever"}})", 4},
      // last 12 months: q4, q6 and q15 have only S4's 16 hours
      {"p12m_30h", R"({"training": {"min_hours": 30, "within": "P12M"}})", 0},
      {"p12m_16h", R"({"training": {"min_hours": 16, "within": "P12M"}})", 3},
  });
}

TEST_CASE("criterion: qualification by codes, min_rank and fields (a field group such as y_duoc stands for its members)",
          "[evaluation]") {
  check_criteria({
      {"rank", R"({"qualification": {"kind": "education", "min_rank": "dai_hoc"}})", 2},  // q8 dai_hoc, q9 thac_si
      {"rank_yduoc", R"({"qualification": {"kind": "education", "min_rank": "dai_hoc", "fields": ["y_duoc"]}})", 1},  // q8
      {"codes", R"({"qualification": {"kind": "education", "codes": ["cao_dang", "trung_cap"]}})", 1},  // q10
      {"codes_group", R"({"qualification": {"kind": "education", "codes": ["sau_dai_hoc"]}})", 1},      // q9
      {"codes_yduoc", R"({"qualification": {"kind": "education", "codes": ["cao_dang", "dai_hoc"], "fields": ["y_duoc"]}})", 2},  // q8 y_khoa, q10 duoc
  });
}

TEST_CASE("criterion: a qualification conferred by a completed course counts; expired or not yet awarded ones do not",
          "[evaluation]") {
  // bd_dan_so_vien held at 2025-12-31: q7 (conferred by S5 until 2028-06-09) and q13 (no dates).
  // Not: q11 (expired 2024-12-31), q12 (awarded 2026), q14 (conferred by S6, lapsed 2024-01-09).
  check_criteria({
      {"cert", R"({"qualification": {"kind": "certificate", "codes": ["bd_dan_so_vien"]}})", 2},
  });
}

TEST_CASE("criterion: all_of, any_of, not and named criteria", "[evaluation]") {
  check_criteria({
      {"all", R"({"all_of": [{"training": {"courses": ["C2"], "within": "ever"}},
                             {"training": {"courses": ["C1"], "within": "ever"}}]})", 1},  // q15
      {"any", R"({"any_of": [{"qualification": {"kind": "education", "min_rank": "dai_hoc"}},
                             {"training": {"courses": ["C3"]}}]})", 3},                    // q8 q9 q7
      // no completed enrollment at all: q3 q8 q9 q10 q11 q12 q13
      {"not", R"({"not": {"training": {"within": "ever"}}})", 7},
      {"named", R"("c1_window")", 2},                                                     // q2 q15
      {"named_not", R"({"not": "c1_window"})", 13},
      {"named_in_all", R"({"all_of": ["c1_window", {"training": {"courses": ["C2"]}}]})", 1},  // q15
  });
}

TEST_CASE("criterion: only completed enrollments count as trained", "[evaluation]") {
  // Five officers in one session of C1, each with another status; only r3 completed it.
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  for (const char* id : {"r1", "r2", "r3", "r4", "r5"}) t.staff(id, "X1");
  t.enrolled("r1", "S1", "registered").enrolled("r2", "S1", "attended").completed("r3", "S1");
  t.enrolled("r4", "S1", "failed").enrolled("r5", "S1", "withdrawn");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, p1_at_80)));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  CHECK(counts(row_of(reg, result_of(rep, "T"), "12")) == nd{1, 5});
}

// ================================================================================================
// §3 Milestones, annual targets, denominators
// ================================================================================================

TEST_CASE("milestone: `by` runs from the plan's start to the date, which is its due date and label", "[evaluation]") {
  // b1 trained 2020 (before the plan), b2 2023, b3 2024 (after the due date), b4 never.
  // By 2023-12-31 at 50%: 1 of 4 = 25%, missed; (1 + 1) * 10000 >= 5000 * 4: gap 1.
  registry_text t;
  t.course(course_c1)
      .session("S20", "C1", "2020-06-01", "2020-06-02")
      .session("S23", "C1", "2023-03-01", "2023-03-02")
      .session("S24", "C1", "2024-03-01", "2024-03-02");
  for (const char* id : {"b1", "b2", "b3", "b4"}) t.staff(id, "X1");
  t.completed("b1", "S20").completed("b2", "S23").completed("b3", "S24");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, R"({"by": "2023-12-31", "min_percent": 50})")));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "T");
  CHECK(m.label == "2023-12-31");
  CHECK(m.window == day_range{D("2021-01-01"), D("2023-12-31")});
  CHECK(m.due == D("2023-12-31"));
  CHECK(m.evaluated_at == D("2023-12-31"));
  const auto& root = row_of(reg, m, "12");
  CHECK(counts(root) == nd{1, 4});
  CHECK(root.status == status::missed);
  CHECK(root.gap == 1);
}

TEST_CASE("evaluation point: e = min(D, due) — completions, arrivals after due do not count; a later leaver does",
          "[evaluation]") {
  // P1 due 2025-12-31, evaluated as of 2026-06-30.
  //   e1 trained on 2025-12-31 (counts), e2 trained 2026-01-15 (too late), e3 arrived 2026-02-01
  //   (not in the population at e), e4 left 2026-03-31 (in post at e, untrained).
  // -> 1 of 3 = 33.3% at 50%: missed, gap 1 (had e2 counted it would be 2 of 3, achieved).
  registry_text t;
  t.course(course_c1)
      .session("Sa", "C1", "2025-12-30", "2025-12-31")
      .session("Sb", "C1", "2026-01-14", "2026-01-15");
  t.staff("e1", "X1").staff("e2", "X1");
  t.person("e3").post("e3", "X1", R"("category": "cong_chuc", "sector": "dan_so", "start": "2026-02-01")");
  t.person("e4").post("e4", "X1", R"("category": "cong_chuc", "sector": "dan_so", "start": "2020-01-01", "end": "2026-03-31")");
  t.completed("e1", "Sa").completed("e2", "Sb").completed("e3", "Sb");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, R"({"phase": "P1", "min_percent": 50})")));
  const auto rep = evaluator(p, reg).evaluate(D("2026-06-30"));
  const auto& m = result_of(rep, "T");
  CHECK(m.evaluated_at == D("2025-12-31"));
  const auto& root = row_of(reg, m, "12");
  CHECK(counts(root) == nd{1, 3});
  CHECK(root.status == status::missed);
  CHECK(root.gap == 1);
}

TEST_CASE("annual targets: one result per calendar year, labelled with the year, window = that year", "[evaluation]") {
  // y1 trained 2021 and 2022, y2 trained 2022. At 60%, as of 2022-12-31:
  //   2021: 1 of 2 = 50%, missed, gap 1;  2022: 2 of 2, achieved;  2023: not started.
  registry_text t;
  t.course(course_c1)
      .session("S21", "C1", "2021-05-03", "2021-05-07")
      .session("S22", "C1", "2022-05-02", "2022-05-06");
  t.staff("y1", "X1").staff("y2", "X1");
  t.completed("y1", "S21").completed("y1", "S22").completed("y2", "S22");
  const auto reg = t.load();
  const std::string annual_head = R"("measure": "annual_person_coverage", "population": {"sector": ["dan_so"]},
      "criterion": {"training": {"courses": ["C1"]}}, "min_percent": 60)";
  const auto p = read_plan(plan_text(join({
      R"({"id": "A3", "title": "A3", )" + annual_head + R"(, "years": [2021, 2022, 2023]})",
      R"({"id": "A10", "title": "A10", )" + annual_head + "}",
  })));
  const auto rep = evaluator(p, reg).evaluate(D("2022-12-31"));

  const auto& a3 = target_of(rep, "A3");
  REQUIRE(a3.results.size() == 3);
  CHECK(a3.results[0].label == "2021");
  CHECK(a3.results[1].label == "2022");
  CHECK(a3.results[2].label == "2023");
  CHECK(a3.results[0].window == day_range{D("2021-01-01"), D("2021-12-31")});
  CHECK(a3.results[1].window == day_range{D("2022-01-01"), D("2022-12-31")});
  CHECK(a3.results[0].threshold.min_percent_x100 == 6000);
  const auto& y2021 = row_of(reg, a3.results[0], "12");
  CHECK(counts(y2021) == nd{1, 2});
  CHECK(y2021.status == status::missed);
  CHECK(y2021.gap == 1);
  const auto& y2022 = row_of(reg, a3.results[1], "12");
  CHECK(counts(y2022) == nd{2, 2});
  CHECK(y2022.status == status::achieved);
  CHECK(a3.results[2].status == status::not_started);
  CHECK(a3.results[2].rows.empty());

  // Without `years`: every year of the plan period, 2021 … 2030.
  const auto& a10 = target_of(rep, "A10");
  REQUIRE(a10.results.size() == 10);
  for (std::size_t i = 0; i < 10; ++i) CHECK(a10.results[i].label == std::to_string(2021 + i));
  CHECK(counts(row_of(reg, a10.results[1], "12")) == nd{2, 2});
  CHECK(a10.results[5].status == status::not_started);
}

TEST_CASE("denominator: in_post_during_window counts a leaver that in_post_at_end does not", "[evaluation]") {
  // P1 2021-01-01..2025-12-31, as of 2025-12-31.
  //   s1 at X1 throughout, untrained.
  //   l1 at X1 until 2023-06-30, trained 2022-03-05 while in post.
  //   l2 at X2 until 2022-01-31, trained 2023-05-05 after leaving: checked at her last day in
  //      post, she has not met the criterion.
  //   l0 at X1 until 2020-12-31: never in post during the window.
  // in_post_at_end: 0 of 1.  in_post_during_window: 1 of 3 (X1 1 of 2, X2 0 of 1).
  registry_text t;
  t.course(course_c1)
      .session("S22", "C1", "2022-03-01", "2022-03-05")
      .session("S23", "C1", "2023-05-01", "2023-05-05");
  t.staff("s1", "X1");
  t.person("l1").post("l1", "X1", R"("category": "cong_chuc", "sector": "dan_so", "start": "2020-01-01", "end": "2023-06-30")");
  t.person("l2").post("l2", "X2", R"("category": "cong_chuc", "sector": "dan_so", "start": "2020-01-01", "end": "2022-01-31")");
  t.person("l0").post("l0", "X1", R"("category": "cong_chuc", "sector": "dan_so", "start": "2019-01-01", "end": "2020-12-31")");
  t.completed("l1", "S22").completed("l2", "S23");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(join({
      coverage("END", dan_so, trained_c1, p1_at_80),
      coverage("DURING", dan_so, trained_c1, p1_at_80, R"(, "denominator": "in_post_during_window")"),
  })));
  const evaluator ev(p, reg);
  const auto rep = ev.evaluate(D("2025-12-31"));
  CHECK(counts(row_of(reg, result_of(rep, "END"), "12")) == nd{0, 1});
  const auto& during = result_of(rep, "DURING");
  CHECK(counts(row_of(reg, during, "12")) == nd{1, 3});
  CHECK(counts(row_of(reg, during, "X1")) == nd{1, 2});
  CHECK(counts(row_of(reg, during, "X2")) == nd{0, 1});

  // The needs list follows the same denominator: s1 and l2.
  std::set<std::string> who;
  for (const auto& n : ev.needs("DURING", D("2025-12-31"))) who.insert(reg[n.person].id);
  CHECK(who == std::set<std::string>{"s1", "l2"});
}

// ================================================================================================
// §4 Statuses, expected and projected values
// ================================================================================================

namespace {

// Ten officers in each of X1..X4; by 2021-01-03 X1 has 4 trained, X2 3, X3 2, X4 8 (C1 session
// of 2021-01-02..03). Window 2021-01-01..2021-01-11 at 80%; as of 2021-01-06, f = 5/10 = 0.5.
// Baseline (as of 2021-01-01, trainings inside the window) is 0, so expected = 80 * 0.5 = 40%
// in every row; at_risk from 0.75 * 40 = 30%.
registry status_registry() {
  registry_text t;
  t.course(course_c1).session("S", "C1", "2021-01-02", "2021-01-03");
  const std::array<std::pair<const char*, int>, 4> communes{{{"X1", 4}, {"X2", 3}, {"X3", 2}, {"X4", 8}}};
  for (const auto& [commune, trained] : communes)
    for (int i = 0; i < 10; ++i) {
      const auto id = std::string(commune) + "-" + std::to_string(i);
      t.staff(id, commune);
      if (i < trained) t.completed(id, "S");
    }
  return t.load();
}

}  // namespace

TEST_CASE("status: on_track, at_risk, off_track against the straight line from the baseline, achieved once met",
          "[evaluation]") {
  const auto reg = status_registry();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1,
                                              ten_days + R"(, "min_percent": 80})")));
  const auto rep = evaluator(p, reg).evaluate(D("2021-01-06"));
  const auto& m = result_of(rep, "T");
  CHECK(m.due == D("2021-01-11"));
  CHECK(m.evaluated_at == D("2021-01-06"));

  // X1: 40% = expected -> on_track; projected 0 + 40 / 0.5 = 80; gap (4 + 4) * 10000 >= 80000.
  const auto& x1 = row_of(reg, m, "X1");
  CHECK(x1.status == status::on_track);
  REQUIRE(x1.expected.has_value());
  CHECK(*x1.expected == Approx(40.0));
  REQUIRE(x1.projected.has_value());
  CHECK(*x1.projected == Approx(80.0));
  CHECK(x1.gap == 4);
  // X2: 30% in [30, 40) -> at_risk (the lower bound is included); projected 60.
  const auto& x2 = row_of(reg, m, "X2");
  CHECK(x2.status == status::at_risk);
  CHECK(*x2.projected == Approx(60.0));
  // X3: 20% < 30 -> off_track; projected 40.
  const auto& x3 = row_of(reg, m, "X3");
  CHECK(x3.status == status::off_track);
  CHECK(*x3.expected == Approx(40.0));
  CHECK(*x3.projected == Approx(40.0));
  // X4: 80% meets the threshold before the due date -> achieved; projected 160 capped at 100.
  const auto& x4 = row_of(reg, m, "X4");
  CHECK(x4.status == status::achieved);
  CHECK(x4.gap == 0);
  REQUIRE(x4.projected.has_value());
  CHECK(*x4.projected == Approx(100.0));
  // Each row from its own counts: 105 = 7/20 = 35% at_risk; 106 = 10/20 = 50% on_track;
  // province 17/40 = 42.5% on_track (projected 85), and the milestone takes the root's status.
  CHECK(row_of(reg, m, "105").status == status::at_risk);
  CHECK(row_of(reg, m, "106").status == status::on_track);
  const auto& root = row_of(reg, m, "12");
  CHECK(counts(root) == nd{17, 40});
  CHECK(root.status == status::on_track);
  CHECK(*root.projected == Approx(85.0));
  CHECK(m.status == status::on_track);
}

TEST_CASE("status: at_risk_ratio is settable in the plan", "[evaluation]") {
  // With 0.5, at_risk starts at 0.5 * 40 = 20%: X3 (20%) is at_risk instead of off_track.
  const auto reg = status_registry();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, ten_days + R"(, "min_percent": 80})"),
                                     R"(, "at_risk_ratio": 0.5)"));
  CHECK(p.at_risk_ratio == 0.5);
  const auto rep = evaluator(p, reg).evaluate(D("2021-01-06"));
  const auto& m = result_of(rep, "T");
  CHECK(row_of(reg, m, "X1").status == status::on_track);
  CHECK(row_of(reg, m, "X2").status == status::at_risk);
  CHECK(row_of(reg, m, "X3").status == status::at_risk);
}

TEST_CASE("status: achieved or missed once D >= due; not_started before the window; no_data for an empty population",
          "[evaluation]") {
  const auto reg = status_registry();
  const auto p = read_plan(plan_text(join({
      coverage("T", dan_so, trained_c1, ten_days + R"(, "min_percent": 80}, {"phase": "P2", "min_percent": 80})"),
      coverage("EMPTY", R"({"sector": ["gia_dinh"]})", trained_c1, ten_days + R"(, "min_percent": 80})"),
  })));
  const evaluator ev(p, reg);

  SECTION("before the window: not_started, no figures") {
    const auto rep = ev.evaluate(D("2021-01-06"));
    const auto& p2 = result_of(rep, "T", 1);
    CHECK(p2.label == "P2");
    CHECK(p2.status == status::not_started);
    CHECK(p2.rows.empty());
    CHECK_FALSE(p2.evaluated_at.has_value());
  }
  SECTION("an empty denominator: no_data, no percent") {
    const auto rep = ev.evaluate(D("2021-01-06"));
    const auto& root = row_of(reg, result_of(rep, "EMPTY"), "12");
    CHECK(root.denominator == 0);
    CHECK_FALSE(root.percent.has_value());
    CHECK(root.status == status::no_data);
    CHECK(result_of(rep, "EMPTY").status == status::no_data);
  }
  SECTION("after the due date: achieved where met, missed elsewhere, whatever the pace") {
    const auto rep = ev.evaluate(D("2021-01-31"));
    const auto& m = result_of(rep, "T");
    CHECK(m.evaluated_at == D("2021-01-11"));
    CHECK(row_of(reg, m, "X4").status == status::achieved);
    CHECK(row_of(reg, m, "X1").status == status::missed);
    CHECK(row_of(reg, m, "X3").status == status::missed);
    CHECK(row_of(reg, m, "12").status == status::missed);
  }
}

TEST_CASE("status: the baseline is the row's own value as of the window's start", "[evaluation]") {
  // Ten officers at X1; b0, b1 trained 2020 (before the window), b2, b3 on 2021-01-03.
  // Criterion "ever": baseline 2/10 = 20%, value 4/10 = 40%, f = 0.5:
  //   expected = 20 + (80 - 20) * 0.5 = 50; 40 >= 0.75 * 50 = 37.5 -> at_risk
  //   projected = 20 + (40 - 20) / 0.5 = 60.
  registry_text t;
  t.course(course_c1).session("S0", "C1", "2020-06-01", "2020-06-02").session("S", "C1", "2021-01-02", "2021-01-03");
  for (int i = 0; i < 10; ++i) t.staff("b" + std::to_string(i), "X1");
  t.completed("b0", "S0").completed("b1", "S0").completed("b2", "S").completed("b3", "S");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(coverage("T", dan_so, R"({"training": {"courses": ["C1"], "within": "ever"}})",
                                              ten_days + R"(, "min_percent": 80})")));
  const auto rep = evaluator(p, reg).evaluate(D("2021-01-06"));
  const auto& root = row_of(reg, result_of(rep, "T"), "12");
  CHECK(counts(root) == nd{4, 10});
  REQUIRE(root.expected.has_value());
  CHECK(*root.expected == Approx(50.0));
  REQUIRE(root.projected.has_value());
  CHECK(*root.projected == Approx(60.0));
  CHECK(root.status == status::at_risk);
}

TEST_CASE("status: counts follow the same line — expected and projected are counts, thresholds min/max", "[evaluation]") {
  // Sessions starting 2021-01-02 (X1), 2021-01-03 (X2) and 2021-01-08 (X1) in the ten-day window.
  // As of 2021-01-06: value 2, baseline 0 (no session starts on 2021-01-01), f = 0.5.
  //   min 4: expected 2, on_track, projected 4.   min 5: expected 2.5, 2 >= 1.875 at_risk.
  //   min 6: expected 3, 2 < 2.25 off_track.     min 2: already met, achieved.
  registry_text t;
  t.course(course_c1)
      .session("SA", "C1", "2021-01-02", "2021-01-02", R"(, "organizer": "X1")")
      .session("SB", "C1", "2021-01-03", "2021-01-03", R"(, "organizer": "X2")")
      .session("SC", "C1", "2021-01-08", "2021-01-08", R"(, "organizer": "X1")");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(join({
      activity("N4", "sessions", ten_days + R"(, "min": 4})"),
      activity("N5", "sessions", ten_days + R"(, "min": 5})"),
      activity("N6", "sessions", ten_days + R"(, "min": 6})"),
      activity("N2", "sessions", ten_days + R"(, "min": 2})"),
  })));
  const evaluator ev(p, reg);
  const auto rep = ev.evaluate(D("2021-01-06"));
  const auto& n4 = row_of(reg, result_of(rep, "N4"), "12");
  CHECK(n4.value == 2.0);
  REQUIRE(n4.expected.has_value());
  CHECK(*n4.expected == Approx(2.0));
  REQUIRE(n4.projected.has_value());
  CHECK(*n4.projected == Approx(4.0));
  CHECK(n4.status == status::on_track);
  CHECK(n4.gap == 2);
  const auto& n5 = row_of(reg, result_of(rep, "N5"), "12");
  CHECK(*n5.expected == Approx(2.5));
  CHECK(n5.status == status::at_risk);
  const auto& n6 = row_of(reg, result_of(rep, "N6"), "12");
  CHECK(*n6.expected == Approx(3.0));
  CHECK(n6.status == status::off_track);
  CHECK(row_of(reg, result_of(rep, "N2"), "12").status == status::achieved);

  // After the due date all three sessions count: 3 < 4 missed (gap 1), 3 >= 2 achieved.
  const auto late = ev.evaluate(D("2021-02-01"));
  const auto& late4 = row_of(reg, result_of(late, "N4"), "12");
  CHECK(late4.value == 3.0);
  CHECK(late4.status == status::missed);
  CHECK(late4.gap == 1);
  CHECK(row_of(reg, result_of(late, "N2"), "12").status == status::achieved);
}

// ================================================================================================
// §4 The tree at e: mergers and ended units
// ================================================================================================

namespace {

// Until 2025-06-30: 12 > 105 > 03001, 03002, and the district health centre TT105 (level huyen)
// under 12. From 2025-07-01 districts are gone: 03001 and 03002 merged into 03101 (under 12) and
// TT105 became the station TYT1 (level xa).
//   m1 at 03001, trained 2026-03-02 | m2 at 03002, trained 2024-04-02 | m3 at 03101 from
//   2025-07-01 | m4 at TT105 | d1 at district 105, which ended without successor.
registry merger_registry() {
  registry_text t;
  t.units = R"(
    {"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh", "kind": "tinh"},
    {"id": "105", "name": "Huyện Một", "level": "huyen", "kind": "huyen", "parent": "12", "valid_to": "2025-06-30"},
    {"id": "TT105", "name": "Trung tâm Y tế huyện Một", "level": "huyen", "kind": "trung_tam_y_te", "parent": "12",
     "valid_to": "2025-06-30", "successor": "TYT1"},
    {"id": "03001", "name": "Xã Một", "level": "xa", "kind": "xa", "parent": "105", "valid_to": "2025-06-30", "successor": "03101"},
    {"id": "03002", "name": "Xã Hai", "level": "xa", "kind": "xa", "parent": "105", "valid_to": "2025-06-30", "successor": "03101"},
    {"id": "03101", "name": "Xã Mới", "level": "xa", "kind": "xa", "parent": "12", "valid_from": "2025-07-01"},
    {"id": "TYT1", "name": "Trạm Y tế khu vực", "level": "xa", "kind": "tram_y_te", "parent": "12", "valid_from": "2025-07-01"})";
  t.course(course_c1)
      .session("S24", "C1", "2024-04-01", "2024-04-02")
      .session("S26", "C1", "2026-03-01", "2026-03-02");
  t.staff("m1", "03001").staff("m2", "03002").staff("m4", "TT105").staff("d1", "105");
  t.person("m3").post("m3", "03101", R"("category": "cong_chuc", "sector": "dan_so", "start": "2025-07-01")");
  t.completed("m2", "S24").completed("m1", "S26");
  return t.load();
}

const std::string year_2024_and_2026 =
    R"({"window": {"start": "2024-01-01", "end": "2024-12-31"}, "min_percent": 50},
       {"window": {"start": "2026-01-01", "end": "2026-12-31"}, "min_percent": 50})";

}  // namespace

TEST_CASE("tree at e: a post at a commune merged on 2025-07-01 counts for its successor; district rows exist in 2024, not in 2026",
          "[evaluation]") {
  const auto reg = merger_registry();
  const auto p = read_plan(plan_text(coverage("XA", R"({"level": ["xa"]})", trained_c1, year_2024_and_2026)));
  const auto rep = evaluator(p, reg).evaluate(D("2026-12-31"));

  // 2024 (e = 2024-12-31): m1, m2 at level xa; m2 trained. District 105 has a row with 2.
  const auto& y2024 = result_of(rep, "XA", 0);
  CHECK(y2024.label == "2024-12-31");
  CHECK(counts(row_of(reg, y2024, "12")) == nd{1, 2});
  CHECK(counts(row_of(reg, y2024, "105")) == nd{1, 2});
  CHECK(counts(row_of(reg, y2024, "03001")) == nd{0, 1});
  CHECK(counts(row_of(reg, y2024, "03002")) == nd{1, 1});
  CHECK(find_row(reg, y2024, "03101") == nullptr);
  CHECK(std::any_of(y2024.rows.begin(), y2024.rows.end(),
                    [&](const result_row& x) { return level_of(reg, x.unit) == "huyen"; }));

  // 2026 (e = 2026-12-31): m1 and m2 count for 03101 with m3; m1 trained in 2026.
  const auto& y2026 = result_of(rep, "XA", 1);
  CHECK(counts(row_of(reg, y2026, "03101")) == nd{1, 3});
  CHECK(find_row(reg, y2026, "03001") == nullptr);
  CHECK(find_row(reg, y2026, "03002") == nullptr);
  CHECK(find_row(reg, y2026, "105") == nullptr);
  CHECK_FALSE(std::any_of(y2026.rows.begin(), y2026.rows.end(),
                          [&](const result_row& x) { return level_of(reg, x.unit) == "huyen"; }));

  // The same holds when each date is evaluated on its own.
  const auto early = evaluator(p, reg).evaluate(D("2024-12-31"));
  CHECK(std::any_of(result_of(early, "XA").rows.begin(), result_of(early, "XA").rows.end(),
                    [&](const result_row& x) { return reg[x.unit].id == "105"; }));
}

TEST_CASE("selector: level is the level of the post's unit after successor mapping", "[evaluation]") {
  // m4's post is at TT105 (huyen) until it became TYT1 (xa): not in `level: [xa]` in 2024, in it
  // in 2026. Province 2024: m1 m2 -> 2; 2026: m1 m2 m3 m4 -> 4, TYT1 row 0 of 1.
  const auto reg = merger_registry();
  const auto p = read_plan(plan_text(coverage("XA", R"({"level": ["xa"]})", trained_c1, year_2024_and_2026)));
  const auto rep = evaluator(p, reg).evaluate(D("2026-12-31"));
  CHECK(row_of(reg, result_of(rep, "XA", 0), "12").denominator == 2);
  CHECK(counts(row_of(reg, result_of(rep, "XA", 1), "12")) == nd{1, 4});
  CHECK(counts(row_of(reg, result_of(rep, "XA", 1), "TYT1")) == nd{0, 1});
}

TEST_CASE("tree at e: a post at an ended unit without successor is left out, with a warning", "[evaluation]") {
  // Everyone (sector dan_so): 2024 -> m1 m2 m4 d1 = 4; 2026 -> m1 m2 m3 m4 = 4, d1 left out
  // (her district 105 ended 2025-06-30 with no successor).
  const auto reg = merger_registry();
  const auto p = read_plan(plan_text(coverage("ALL", dan_so, trained_c1, year_2024_and_2026)));
  const auto rep = evaluator(p, reg).evaluate(D("2026-12-31"));
  CHECK(row_of(reg, result_of(rep, "ALL", 0), "12").denominator == 4);
  CHECK(row_of(reg, result_of(rep, "ALL", 1), "12").denominator == 4);
  CHECK(counts(row_of(reg, result_of(rep, "ALL", 1), "03101")) == nd{1, 3});
  CHECK_FALSE(rep.warnings.empty());
}

// ================================================================================================
// §3 unit_coverage
// ================================================================================================

namespace {

// Collaborators (cong_tac_vien): k1 trained and k2 at V1, k3 at V2, k4 trained at V4.
// k5 at V3 is a civil servant, not a collaborator. X4 has no village.
registry coverage_registry() {
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  const char* ctv = R"("category": "cong_tac_vien", "sector": "dan_so", "start": "2020-01-01")";
  t.person("k1").post("k1", "V1", ctv).person("k2").post("k2", "V1", ctv);
  t.person("k3").post("k3", "V2", ctv).person("k4").post("k4", "V4", ctv);
  t.staff("k5", "V3");
  t.completed("k1", "S1").completed("k4", "S1");
  return t.load();
}

std::string unit_coverage_target(const std::string& id, const std::string& more) {
  return R"({"id": ")" + id + R"(", "title": ")" + id +
         R"(", "measure": "unit_coverage", "unit_level": "thon", "population": {"category": ["cong_tac_vien"]})" + more +
         R"(, "milestones": [{"phase": "P1", "min_percent": 100}]})";
}

}  // namespace

TEST_CASE("unit_coverage: share of units at unit_level with at least min_per_unit persons, rows above", "[evaluation]") {
  // Every village should have a collaborator (100%):
  //   covered V1 (2), V2 (1), V4 (1); V3 not. Province 3 of 4 missed, gap 1;
  //   105: V1 V2 V3 -> 2 of 3; X1 2 of 2 achieved; X2 0 of 1; 106 1 of 1; X4 has no village.
  // With a criterion (trained in the window): V1 (k1) and V4 (k4) -> 2 of 4; 105 1 of 3; X1 1 of 2.
  // With min_per_unit 2: only V1 -> 1 of 4.
  const auto reg = coverage_registry();
  const auto p = read_plan(plan_text(join({
      unit_coverage_target("U", ""),
      unit_coverage_target("U_TRAINED", R"(, "criterion": {"training": {"courses": ["C1"]}})"),
      unit_coverage_target("U_TWO", R"(, "min_per_unit": 2)"),
  })));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));

  const auto& u = result_of(rep, "U");
  const auto& root = row_of(reg, u, "12");
  CHECK(counts(root) == nd{3, 4});
  CHECK(*root.percent == 75.0);
  CHECK(root.status == status::missed);
  CHECK(root.gap == 1);
  CHECK(counts(row_of(reg, u, "105")) == nd{2, 3});
  CHECK(counts(row_of(reg, u, "X1")) == nd{2, 2});
  CHECK(row_of(reg, u, "X1").status == status::achieved);
  CHECK(counts(row_of(reg, u, "X2")) == nd{0, 1});
  CHECK(row_of(reg, u, "X2").gap == 1);
  CHECK(counts(row_of(reg, u, "106")) == nd{1, 1});
  if (const auto* x4 = find_row(reg, u, "X4")) CHECK(x4->status == status::no_data);

  const auto& trained = result_of(rep, "U_TRAINED");
  CHECK(counts(row_of(reg, trained, "12")) == nd{2, 4});
  CHECK(counts(row_of(reg, trained, "105")) == nd{1, 3});
  CHECK(counts(row_of(reg, trained, "X1")) == nd{1, 2});

  CHECK(counts(row_of(reg, result_of(rep, "U_TWO"), "12")) == nd{1, 4});
}

TEST_CASE("unit_coverage: the needs list is every uncovered unit with its persons and how many it lacks", "[evaluation]") {
  // min_per_unit 2: V2 has 1 (lacks 1), V3 0 (lacks 2), V4 1 (lacks 1). At 1 per unit: V3 lacks 1.
  const auto reg = coverage_registry();
  const auto p = read_plan(plan_text(join({unit_coverage_target("U", ""), unit_coverage_target("U_TWO", R"(, "min_per_unit": 2)")})));
  const evaluator ev(p, reg);

  std::map<std::string, nd> two;
  for (const auto& n : ev.needs("U_TWO", D("2025-12-31"))) two[reg[n.unit].id] = {n.persons, n.missing};
  CHECK(two == std::map<std::string, nd>{{"V2", {1, 1}}, {"V3", {0, 2}}, {"V4", {1, 1}}});

  const auto one = ev.needs("U", D("2025-12-31"));
  REQUIRE(one.size() == 1);
  CHECK(reg[one[0].unit].id == "V3");
  CHECK(one[0].persons == 0);
  CHECK(one[0].missing == 1);
}

// ================================================================================================
// §3 activity_count
// ================================================================================================

namespace {

// p1 at X1; p2 at X2 and at X1 (two posts); p3 at X3; p4 at X1; p5 at district 106 (vien_chuc).
// Sessions (P1 window 2021-01-01..2025-12-31):
//   S1 C1 2020-11-01 by X1, 0.5M            p1 completed             — before the window
//   S2 C1 2022-03-01 by 105, 10M, +5 heads  p1 p2 p3 completed, p4 withdrawn
//   S3 C2 2023-04-01 by X3, 2M              p1 p3 completed
//   S4 C1 2024-05-01 no organizer, 1M, +3   p5 completed
//   S6 C2 2025-06-01 by 12                  p2 p5 completed
//   S5 C1 2026-02-01 by 12, 7M, +9          p1 completed             — after the window
registry activity_registry() {
  registry_text t;
  t.course(course_c1).course(course_c2);
  t.session("S1", "C1", "2020-11-01", "2020-11-05", R"(, "organizer": "X1", "cost_vnd": 500000)")
      .session("S2", "C1", "2022-03-01", "2022-03-05",
               R"(, "organizer": "105", "cost_vnd": 10000000, "attendance": [{"count": 5}])")
      .session("S3", "C2", "2023-04-01", "2023-04-02", R"(, "organizer": "X3", "cost_vnd": 2000000)")
      .session("S4", "C1", "2024-05-01", "2024-05-01", R"(, "cost_vnd": 1000000, "attendance": [{"count": 3}])")
      .session("S6", "C2", "2025-06-01", "2025-06-02", by_province)
      .session("S5", "C1", "2026-02-01", "2026-02-02",
               R"(, "organizer": "12", "cost_vnd": 7000000, "attendance": [{"count": 9}])");
  t.staff("p1", "X1").staff("p2", "X2").post("p2", "X1", R"("category": "khong_chuyen_trach", "sector": "dan_so", "start": "2020-01-01")");
  t.staff("p3", "X3").staff("p4", "X1");
  t.person("p5").post("p5", "106", R"("category": "vien_chuc", "sector": "dan_so", "start": "2020-01-01")");
  t.completed("p1", "S1");
  t.completed("p1", "S2").completed("p2", "S2").completed("p3", "S2").enrolled("p4", "S2", "withdrawn");
  t.completed("p1", "S3").completed("p3", "S3");
  t.completed("p5", "S4");
  t.completed("p2", "S6").completed("p5", "S6");
  t.completed("p1", "S5");
  return t.load();
}

}  // namespace

TEST_CASE("activity_count: sessions starting in the window, attributed to the organizer; one without organizer counts for the root",
          "[evaluation]") {
  // In the window: S2 (105), S3 (X3), S4 (none), S6 (12) -> province 4; 105: 1; 106: 1 (S3);
  // X3: 1; X1: 0 (S1 is before the window). tap_huan only: S3, S6 -> 2.
  const auto reg = activity_registry();
  const auto p = read_plan(plan_text(join({
      activity("SESS", "sessions", R"({"phase": "P1", "min": 5})"),
      activity("SESS_TH", "sessions", R"({"phase": "P1", "min": 2})", R"(, "filter": {"kinds": ["tap_huan"]})"),
  })));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "SESS");
  CHECK(row_of(reg, m, "12").value == 4.0);
  CHECK(row_of(reg, m, "105").value == 1.0);
  CHECK(row_of(reg, m, "106").value == 1.0);
  CHECK(row_of(reg, m, "X3").value == 1.0);
  if (const auto* x1 = find_row(reg, m, "X1")) CHECK(x1->value == 0.0);
  CHECK(row_of(reg, result_of(rep, "SESS_TH"), "12").value == 2.0);
}

TEST_CASE("activity_count: the min/max threshold applies to the scope root only", "[evaluation]") {
  // 4 sessions against min 5: the province misses by 1. District rows carry values but no
  // verdict. Costs 10M + 2M + 1M = 13M: above max 12M -> missed with gap max(0, min - value) = 0;
  // within [10M, 15M] -> achieved.
  const auto reg = activity_registry();
  const auto p = read_plan(plan_text(join({
      activity("SESS", "sessions", R"({"phase": "P1", "min": 5})"),
      activity("COST_MAX", "cost_vnd", R"({"phase": "P1", "max": 12000000})"),
      activity("COST_RANGE", "cost_vnd", R"({"phase": "P1", "min": 10000000, "max": 15000000})"),
  })));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "SESS");
  CHECK(m.threshold.min == 5);
  const auto& root = row_of(reg, m, "12");
  CHECK(root.status == status::missed);
  CHECK(root.gap == 1);
  CHECK(m.status == status::missed);
  const auto& d105 = row_of(reg, m, "105");  // 1 session: far below 5, but no threshold here
  CHECK(d105.status != status::missed);
  CHECK(d105.status != status::achieved);
  CHECK(d105.gap == 0);

  const auto& cost = row_of(reg, result_of(rep, "COST_MAX"), "12");
  CHECK(cost.value == 13000000.0);
  CHECK(cost.status == status::missed);
  CHECK(cost.gap == 0);
  CHECK(row_of(reg, result_of(rep, "COST_RANGE"), "12").status == status::achieved);
}

TEST_CASE("activity_count: person_times count completions by the post's unit once per row, plus head-counts for the organizer",
          "[evaluation]") {
  // Completions in the window: p1 S2 S3, p2 S2 S6, p3 S2 S3, p5 S4 S6 = 8 (p4 withdrew).
  //   X1: p1 S2, p1 S3, p2 S2, p2 S6 (p2's post at X1) = 4; X2: p2 S2, S6 = 2; X3: p3 = 2
  //   105: 4 completions (p2 once, though two posts) + S2's 5 heads = 9
  //   106: p3 S2 S3, p5 S4 S6 = 4 (S4's 3 heads have no organizer: root only)
  //   province: 8 + 5 + 3 = 16.
  const auto reg = activity_registry();
  const auto p = read_plan(plan_text(activity("PT", "person_times", R"({"phase": "P1", "min": 10})")));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "PT");
  CHECK(row_of(reg, m, "12").value == 16.0);
  CHECK(row_of(reg, m, "12").status == status::achieved);
  CHECK(row_of(reg, m, "105").value == 9.0);
  CHECK(row_of(reg, m, "106").value == 4.0);
  CHECK(row_of(reg, m, "X1").value == 4.0);
  CHECK(row_of(reg, m, "X2").value == 2.0);
  CHECK(row_of(reg, m, "X3").value == 2.0);
}

TEST_CASE("activity_count: unique_persons, hours over person-times, cost_vnd by organizer, and a population filter",
          "[evaluation]") {
  // unique: p1 p2 p3 p5 = 4; 105: p1 p2 = 2; 106: p3 p5 = 2; X1: p1, p2 (second post) = 2.
  // vien_chuc only: p5 = 1.
  // hours of tap_huan (16 h, no head-counts): S3 p1 p3 + S6 p2 p5 = 64; 105: p1 S3 + p2 S6 = 32;
  //   106: p3 S3 + p5 S6 = 32.
  // cost: 13M; 105: S2 10M; 106: S3 2M; X3 2M.
  const auto reg = activity_registry();
  const auto p = read_plan(plan_text(join({
      activity("UP", "unique_persons", R"({"phase": "P1", "min": 1})"),
      activity("UP_VC", "unique_persons", R"({"phase": "P1", "min": 1})", R"(, "population": {"category": ["vien_chuc"]})"),
      activity("HOURS", "hours", R"({"phase": "P1", "min": 1})", R"(, "filter": {"kinds": ["tap_huan"]})"),
      activity("COST", "cost_vnd", R"({"phase": "P1", "min": 1})"),
  })));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& up = result_of(rep, "UP");
  CHECK(row_of(reg, up, "12").value == 4.0);
  CHECK(row_of(reg, up, "105").value == 2.0);
  CHECK(row_of(reg, up, "106").value == 2.0);
  CHECK(row_of(reg, up, "X1").value == 2.0);
  CHECK(row_of(reg, result_of(rep, "UP_VC"), "12").value == 1.0);
  const auto& hours = result_of(rep, "HOURS");
  CHECK(row_of(reg, hours, "12").value == 64.0);
  CHECK(row_of(reg, hours, "105").value == 32.0);
  CHECK(row_of(reg, hours, "106").value == 32.0);
  const auto& cost = result_of(rep, "COST");
  CHECK(row_of(reg, cost, "12").value == 13000000.0);
  CHECK(row_of(reg, cost, "105").value == 10000000.0);
  CHECK(row_of(reg, cost, "106").value == 2000000.0);
  CHECK(row_of(reg, cost, "X3").value == 2000000.0);
}

// ================================================================================================
// §3 staffing_fill
// ================================================================================================

TEST_CASE("staffing_fill: persons in post over the quotas the selector allows, valid at e, in the subtree", "[evaluation]") {
  // In post (cong_chuc, dan_so): f1 f2 at X1, f4 at X3, f5 at 12. f3 (vien_chuc, X2) and
  // f6 (gia_dinh, X1) are outside the population.
  // Quotas: Q1 X1 2 cong_chuc/dan_so ✓ | Q2 X2 1 dan_so ✓ | Q3 105 3 vien_chuc ✗ (category not
  //   allowed) | Q4 X3 2 until 2024-12-31 ✗ (expired) | Q5 X3 1 cong_chuc from 2025 ✓ |
  //   Q6 X1 5 gia_dinh ✗ | Q7 12 1 lanh_dao ✓ (roles left open by the selector)
  // At 90%: province 4 of 5 = 80% missed, (4 + 1) * 10000 >= 45000: gap 1; 105: 2 of 3, gap 1
  //   ((2 + 1) * 10000 >= 27000); X1 2 of 2; X2 0 of 1 gap 1; X3 1 of 1; 106 1 of 1.
  // With roles [chuyen_vien_dan_so] (f1, f4): Q7 no longer allowed -> 2 of 4 = 50%.
  registry_text t;
  t.person("f1").post("f1", "X1", R"("category": "cong_chuc", "roles": ["chuyen_vien_dan_so"], "sector": "dan_so", "start": "2020-01-01")");
  t.staff("f2", "X1");
  t.person("f3").post("f3", "X2", R"("category": "vien_chuc", "sector": "dan_so", "start": "2020-01-01")");
  t.person("f4").post("f4", "X3", R"("category": "cong_chuc", "roles": ["chuyen_vien_dan_so"], "sector": "dan_so", "start": "2020-01-01")");
  t.person("f5").post("f5", "12", R"("category": "cong_chuc", "roles": ["lanh_dao"], "sector": "dan_so", "start": "2020-01-01")");
  t.person("f6").post("f6", "X1", R"("category": "cong_chuc", "sector": "gia_dinh", "start": "2020-01-01")");
  t.quota(R"({"unit": "X1", "count": 2, "category": "cong_chuc", "sector": "dan_so"})")
      .quota(R"({"unit": "X2", "count": 1, "sector": "dan_so"})")
      .quota(R"({"unit": "105", "count": 3, "category": "vien_chuc"})")
      .quota(R"({"unit": "X3", "count": 2, "category": "cong_chuc", "sector": "dan_so", "to": "2024-12-31"})")
      .quota(R"({"unit": "X3", "count": 1, "category": "cong_chuc", "from": "2025-01-01"})")
      .quota(R"({"unit": "X1", "count": 5, "sector": "gia_dinh"})")
      .quota(R"({"unit": "12", "count": 1, "roles": ["lanh_dao"]})");
  const auto reg = t.load();
  auto fill = [](const std::string& id, const std::string& population, const std::string& pct) {
    return R"({"id": ")" + id + R"(", "title": ")" + id + R"(", "measure": "staffing_fill", "population": )" +
           population + R"(, "milestones": [{"phase": "P1", "min_percent": )" + pct + "}]}";
  };
  const auto p = read_plan(plan_text(join({
      fill("F", R"({"category": ["cong_chuc"], "sector": ["dan_so"]})", "90"),
      fill("F_CV", R"({"category": ["cong_chuc"], "sector": ["dan_so"], "roles": ["chuyen_vien_dan_so"]})", "50"),
  })));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "F");
  const auto& root = row_of(reg, m, "12");
  CHECK(counts(root) == nd{4, 5});
  CHECK(*root.percent == 80.0);
  CHECK(root.status == status::missed);
  CHECK(root.gap == 1);
  CHECK(counts(row_of(reg, m, "105")) == nd{2, 3});
  CHECK(row_of(reg, m, "105").gap == 1);
  CHECK(counts(row_of(reg, m, "X1")) == nd{2, 2});
  CHECK(row_of(reg, m, "X1").status == status::achieved);
  CHECK(counts(row_of(reg, m, "X2")) == nd{0, 1});
  CHECK(row_of(reg, m, "X2").gap == 1);
  CHECK(counts(row_of(reg, m, "X3")) == nd{1, 1});
  CHECK(counts(row_of(reg, m, "106")) == nd{1, 1});

  const auto& cv = row_of(reg, result_of(rep, "F_CV"), "12");
  CHECK(counts(cv) == nd{2, 4});
  CHECK(cv.status == status::achieved);
}

// ================================================================================================
// §4 Who still needs it
// ================================================================================================

TEST_CASE("needs: exactly the persons in the denominator not in the numerator, with their last matching completion",
          "[evaluation]") {
  // n1, n4 trained in the window (C1 2022). n2 did C1 in 2019 (before the window: still needs
  // it, last completed 2019-05-05). n3 never trained. n5 (at X2) did only C2, which does not match.
  registry_text t;
  t.course(course_c1).course(course_c2);
  t.session("S1", "C1", "2019-05-01", "2019-05-05")
      .session("S2", "C1", "2022-03-01", "2022-03-05")
      .session("S3", "C2", "2023-04-01", "2023-04-02");
  t.staff("n1", "X1").staff("n2", "X1").staff("n3", "X1").staff("n4", "X1").staff("n5", "X2");
  t.completed("n1", "S2").completed("n2", "S1").completed("n4", "S2").completed("n5", "S3");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, p1_at_80)));
  const evaluator ev(p, reg);
  const auto as_of = D("2025-12-31");

  const auto rep = ev.evaluate(as_of);
  const auto& root = row_of(reg, result_of(rep, "T"), "12");
  CHECK(counts(root) == nd{2, 5});

  const auto needs = ev.needs("T", as_of);
  REQUIRE(needs.size() == 3);  // denominator - numerator
  std::map<std::string, const need*> by_id;
  for (const auto& n : needs) {
    by_id[reg[n.person].id] = &n;
    CHECK(reg[n.assignment].person == n.person);
  }
  REQUIRE(by_id.count("n2") == 1);
  REQUIRE(by_id.count("n3") == 1);
  REQUIRE(by_id.count("n5") == 1);
  CHECK(by_id["n2"]->last_completed == D("2019-05-05"));
  CHECK(reg[by_id["n2"]->unit].id == "X1");
  CHECK_FALSE(by_id["n3"]->last_completed.has_value());
  CHECK_FALSE(by_id["n5"]->last_completed.has_value());
  CHECK(reg[by_id["n5"]->unit].id == "X2");

  evaluation_options only_x2;
  only_x2.unit = "X2";
  const auto x2 = ev.needs("T", as_of, only_x2);
  REQUIRE(x2.size() == 1);
  CHECK(reg[x2[0].person].id == "n5");

  CHECK_THROWS_AS(ev.needs("NO_SUCH_TARGET", as_of), argument_error);
}

// ================================================================================================
// §4 Rows, options, scope, series
// ================================================================================================

namespace {

// Five officers at X1 (four trained), one untrained at X3.
registry rows_registry() {
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  for (const char* id : {"a1", "a2", "a3", "a4", "a5"}) t.staff(id, "X1");
  for (const char* id : {"a1", "a2", "a3", "a4"}) t.completed(id, "S1");
  t.staff("z1", "X3");
  return t.load();
}

}  // namespace

TEST_CASE("rows: the scope root first, then one row per unit of every level with a non-empty denominator", "[evaluation]") {
  // Persons at X1 and X3 only: levels huyen and xa have non-empty denominators, thon does not.
  // Rows: 12, then 105 106, then X1 X2 X3 X4 — each once; X2 and X4 with no_data.
  const auto reg = rows_registry();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, p1_at_80)));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "T");
  REQUIRE_FALSE(m.rows.empty());
  CHECK(reg[m.rows.front().unit].id == "12");
  CHECK(rep.plan_id == "KH-TEST");
  CHECK(reg[rep.scope].id == "12");
  CHECK(rep.as_of == D("2025-12-31"));
  // The root first, then level by level (huyen, xa), in tree order.
  CHECK(row_ids(reg, m) == std::vector<std::string>{"12", "105", "106", "X1", "X2", "X3", "X4"});
  CHECK(row_of(reg, m, "X2").status == status::no_data);
  CHECK(counts(row_of(reg, m, "12")) == nd{4, 6});
  CHECK(counts(row_of(reg, m, "106")) == nd{0, 1});
}

TEST_CASE("rows: the scope root always has a row, even when no level has a denominator", "[evaluation]") {
  const auto reg = rows_registry();
  const auto p = read_plan(plan_text(coverage("T", R"({"sector": ["y_te"]})", trained_c1, p1_at_80)));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "T");
  REQUIRE(m.rows.size() == 1);
  CHECK(reg[m.rows[0].unit].id == "12");
  CHECK(m.rows[0].status == status::no_data);
}

TEST_CASE("rows: options.levels restricts the levels given rows; the root stays", "[evaluation]") {
  const auto reg = rows_registry();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, p1_at_80)));
  evaluation_options xa_only;
  xa_only.levels = {"xa"};
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"), xa_only);
  const auto& m = result_of(rep, "T");
  auto ids = row_ids(reg, m);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"12", "X1", "X2", "X3", "X4"});
  CHECK(counts(row_of(reg, m, "12")) == nd{4, 6});
}

TEST_CASE("rows: options.unit restricts the rows to a unit's subtree", "[evaluation]") {
  const auto reg = rows_registry();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, p1_at_80)));
  evaluation_options district;
  district.unit = "105";
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"), district);
  const auto& m = result_of(rep, "T");
  const std::set<std::string> subtree{"105", "X1", "X2", "V1", "V2", "V3"};
  for (const auto& id : row_ids(reg, m)) {
    INFO("row " << id);
    CHECK(subtree.count(id) == 1);
  }
  CHECK(counts(row_of(reg, m, "105")) == nd{4, 5});
  CHECK(counts(row_of(reg, m, "X1")) == nd{4, 5});
}

TEST_CASE("scope: the plan covers the issuer's subtree only", "[evaluation]") {
  // Issued by district 106: only z1 at X3 is in scope; the root row is 106.
  const auto reg = rows_registry();
  const auto p = read_plan(plan_text(coverage("T", dan_so, trained_c1, p1_at_80), "", "106"));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "T");
  CHECK(reg[rep.scope].id == "106");
  REQUIRE_FALSE(m.rows.empty());
  CHECK(reg[m.rows.front().unit].id == "106");
  CHECK(counts(m.rows.front()) == nd{0, 1});
  CHECK(find_row(reg, m, "12") == nullptr);
  CHECK(find_row(reg, m, "X1") == nullptr);
}

TEST_CASE("series: evaluate_series equals evaluating each date separately", "[evaluation]") {
  const auto reg = activity_registry();
  const auto p = read_plan(plan_text(join({
      coverage("COV", dan_so, trained_c1, R"({"by": "2023-12-31", "min_percent": 50}, {"phase": "P2", "min_percent": 80})"),
      activity("PT", "person_times", R"({"phase": "P1", "min": 10}, {"phase": "P2", "min": 10})"),
      R"({"id": "ANN", "title": "ANN", "measure": "annual_person_coverage", "population": {"sector": ["dan_so"]},
          "criterion": {"training": {}}, "min_percent": 50})",
  })));
  const evaluator ev(p, reg);
  const std::vector<day> dates{D("2021-06-30"), D("2022-12-31"), D("2023-07-01"), D("2025-12-31"),
                               D("2026-06-30"), D("2031-01-01")};
  const auto series = ev.evaluate_series(dates);
  REQUIRE(series.size() == dates.size());
  for (std::size_t i = 0; i < dates.size(); ++i) {
    INFO("as of " << format_day(dates[i]));
    CHECK(series[i].as_of == dates[i]);
    CHECK(series[i] == ev.evaluate(dates[i]));
  }
  // Different dates do give different figures (the comparison above is not vacuous).
  CHECK_FALSE(series[0] == series[3]);

  evaluation_options xa_only;
  xa_only.levels = {"xa"};
  const auto restricted = ev.evaluate_series(dates, xa_only);
  REQUIRE(restricted.size() == dates.size());
  for (std::size_t i = 0; i < dates.size(); ++i) CHECK(restricted[i] == ev.evaluate(dates[i], xa_only));
}

// ================================================================================================
// §7 The points the specification left open, now decided
// ================================================================================================

TEST_CASE("§7 staffing_fill: a quota whose category the population's `not` excludes does not count",
          "[evaluation][decided]") {
  // Population: dan_so sector, not collaborators. Quotas at X1: 1 cong_chuc, 2 cong_tac_vien,
  // and 1 with no category (some category, e.g. cong_chuc, could be in the population).
  // One cong_chuc in post at X1: NOT -> 1 of 1 + 1 (the open quota) = 1 of 2; without the open
  // quota 1 of 1, achieved (the collaborators' quota of 2 no longer counts).
  // ALL_OF: {all_of: [{category: [cong_chuc]}]} allows the cong_chuc quota only: 1 of 1.
  // LEVEL: {sector: [dan_so], not: {level: [xa]}} — a quota states no level, so the level test
  // may hold or not: every quota counts, 1 of 4.
  registry_text t;
  t.staff("s1", "X1");
  t.quota(R"({"unit": "X1", "count": 1, "category": "cong_chuc", "sector": "dan_so"})")
      .quota(R"({"unit": "X1", "count": 2, "category": "cong_tac_vien", "sector": "dan_so"})");
  auto fill = [](const std::string& id, const std::string& population) {
    return R"({"id": ")" + id + R"(", "title": ")" + id + R"(", "measure": "staffing_fill", "population": )" +
           population + R"(, "milestones": [{"phase": "P1", "min_percent": 100}]})";
  };
  const auto p = read_plan(plan_text(join({
      fill("NOT", R"({"sector": ["dan_so"], "not": {"category": ["cong_tac_vien"]}})"),
      fill("ALL_OF", R"({"all_of": [{"category": ["cong_chuc"]}]})"),
      fill("LEVEL", R"({"sector": ["dan_so"], "not": {"level": ["xa"]}})"),
  })));
  {
    const auto reg = t.load();
    const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
    const auto& root = row_of(reg, result_of(rep, "NOT"), "12");
    CHECK(counts(root) == nd{1, 1});
    CHECK(root.status == status::achieved);
    CHECK(counts(row_of(reg, result_of(rep, "ALL_OF"), "12")) == nd{1, 1});
    CHECK(row_of(reg, result_of(rep, "LEVEL"), "12").denominator == 3);
  }
  t.quota(R"({"unit": "X1", "count": 1, "sector": "dan_so"})");
  const auto reg = t.load();
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  CHECK(counts(row_of(reg, result_of(rep, "NOT"), "12")) == nd{1, 2});
  CHECK(counts(row_of(reg, result_of(rep, "ALL_OF"), "12")) == nd{1, 2});
}

TEST_CASE("§7 activity_count: a population is matched against the post held on the completion day",
          "[evaluation][decided]") {
  // c1, born 1992-06-01, was a collaborator at V1 until 2023-12-31, then a commune civil servant
  // at X2; she completed C1 on 2022-03-05, aged 29. Person-times of collaborators: 1 (at V1, X1,
  // 105, 12); of civil servants: 0 — her post that day was a collaborator's. Of staff aged at
  // most 30: 1 — her age on the completion day, not at e (33 on 2025-12-31).
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2022-03-01", "2022-03-05");
  t.person("c1", R"(, "birth_date": "1992-06-01")")
      .post("c1", "V1", R"("category": "cong_tac_vien", "sector": "dan_so", "start": "2020-01-01", "end": "2023-12-31")")
      .post("c1", "X2", R"("category": "cong_chuc", "sector": "dan_so", "start": "2024-01-01")");
  t.completed("c1", "S1");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(join({
      activity("CTV", "person_times", R"({"phase": "P1", "min": 1})", R"(, "population": {"category": ["cong_tac_vien"]})"),
      activity("CC", "person_times", R"({"phase": "P1", "min": 1})", R"(, "population": {"category": ["cong_chuc"]})"),
      activity("YOUNG", "person_times", R"({"phase": "P1", "min": 1})", R"(, "population": {"age": {"max": 30}})"),
  })));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& ctv = result_of(rep, "CTV");
  CHECK(row_of(reg, ctv, "12").value == 1.0);
  CHECK(row_of(reg, ctv, "V1").value == 1.0);
  CHECK(row_of(reg, ctv, "12").status == status::achieved);
  const auto& cc = row_of(reg, result_of(rep, "CC"), "12");
  CHECK(cc.value == 0.0);
  CHECK(cc.status == status::missed);
  const auto& young = result_of(rep, "YOUNG");
  CHECK(row_of(reg, young, "12").value == 1.0);
  CHECK(row_of(reg, young, "V1").value == 1.0);
}

TEST_CASE("§7 activity_count: `within` is read in the tree of the completion day, the unit mapped to the tree at e",
          "[evaluation][decided]") {
  // merger_registry: m2 completed C1 on 2024-04-02 at 03002, then under district 105; m1 on
  // 2026-03-02 at 03001, which had ended (successor 03101, under the province). Person-times
  // within 105 over 2024–2026, as of 2026-12-31 (105 no longer exists): m2 only, attributed to
  // 03101, her commune's successor.
  const auto reg = merger_registry();
  const auto p = read_plan(plan_text(activity(
      "W105", "person_times", R"({"window": {"start": "2024-01-01", "end": "2026-12-31"}, "min": 1})",
      R"(, "population": {"within": ["105"]})")));
  const auto rep = evaluator(p, reg).evaluate(D("2026-12-31"));
  const auto& m = result_of(rep, "W105");
  CHECK(row_of(reg, m, "12").value == 1.0);
  CHECK(row_of(reg, m, "03101").value == 1.0);
  CHECK(row_of(reg, m, "12").status == status::achieved);
}

TEST_CASE("§7 status: a count over its max before the due date is off_track, with or without a min",
          "[evaluation][decided]") {
  // Sessions on 2021-01-02, 03 and 04 in the ten-day window; as of 2021-01-06 the count is 3.
  // MINMAX (min 1, max 2) and MAX (max 2) are over their cap: off_track (counts only grow).
  // IN (min 1, max 5) is met: achieved. After the due date the over-cap counts are missed.
  registry_text t;
  t.course(course_c1)
      .session("SA", "C1", "2021-01-02", "2021-01-02")
      .session("SB", "C1", "2021-01-03", "2021-01-03")
      .session("SC", "C1", "2021-01-04", "2021-01-04");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(join({
      activity("MINMAX", "sessions", ten_days + R"(, "min": 1, "max": 2})"),
      activity("MAX", "sessions", ten_days + R"(, "max": 2})"),
      activity("IN", "sessions", ten_days + R"(, "min": 1, "max": 5})"),
  })));
  const evaluator ev(p, reg);
  const auto rep = ev.evaluate(D("2021-01-06"));
  CHECK(row_of(reg, result_of(rep, "MINMAX"), "12").status == status::off_track);
  CHECK(row_of(reg, result_of(rep, "MAX"), "12").status == status::off_track);
  CHECK(row_of(reg, result_of(rep, "IN"), "12").status == status::achieved);
  const auto late = ev.evaluate(D("2021-02-01"));
  CHECK(row_of(reg, result_of(late, "MINMAX"), "12").status == status::missed);
  CHECK(row_of(reg, result_of(late, "MAX"), "12").status == status::missed);
}

TEST_CASE("§7 trajectory: a projection is clamped to [0, 100] for percentages", "[evaluation][decided]") {
  // q1 at X1 holds a certificate on 2021-01-01 (baseline 100%) that expired on 2021-01-03: as
  // of 2021-01-06 (f = 0.5) the value is 0%. Unclamped, 100 + (0 − 100) / 0.5 = −100; clamped
  // 0. Expected: 100 + (80 − 100) × 0.5 = 90, so the row is off_track.
  registry_text t;
  t.staff("q1", "X1");
  t.qualification(R"({"person": "q1", "kind": "certificate", "code": "bd_dan_so_vien", "awarded": "2018-01-01", "expires": "2021-01-03"})");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(coverage(
      "CERT", dan_so, R"({"qualification": {"kind": "certificate", "codes": ["bd_dan_so_vien"]}})",
      ten_days + R"(, "min_percent": 80})")));
  const auto rep = evaluator(p, reg).evaluate(D("2021-01-06"));
  const auto& row = row_of(reg, result_of(rep, "CERT"), "12");
  CHECK(counts(row) == nd{0, 1});
  REQUIRE(row.projected.has_value());
  CHECK(*row.projected == 0.0);
  REQUIRE(row.expected.has_value());
  CHECK(*row.expected == Approx(90.0));
  CHECK(row.status == status::off_track);
}

TEST_CASE("§7 trajectory: a one-day window reports expected = the threshold and projected = the value",
          "[evaluation][decided]") {
  // One day, 2021-01-06: o1 trained that day, o2 not -> 1 of 2 = 50%, threshold 80%: missed,
  // expected 80, projected 50. The sessions count on that day: 1 session, min 2 -> expected 2,
  // projected 1.
  registry_text t;
  t.course(course_c1).session("S1", "C1", "2021-01-06", "2021-01-06");
  t.staff("o1", "X1").staff("o2", "X2").completed("o1", "S1");
  const auto reg = t.load();
  const std::string one_day = R"({"window": {"start": "2021-01-06", "end": "2021-01-06"})";
  const auto p = read_plan(plan_text(join({
      coverage("DAY", dan_so, trained_c1, one_day + R"(, "min_percent": 80})"),
      activity("DAYN", "sessions", one_day + R"(, "min": 2})"),
  })));
  const auto rep = evaluator(p, reg).evaluate(D("2021-01-06"));
  const auto& row = row_of(reg, result_of(rep, "DAY"), "12");
  CHECK(counts(row) == nd{1, 2});
  CHECK(row.status == status::missed);
  REQUIRE(row.expected.has_value());
  CHECK(*row.expected == 80.0);
  REQUIRE(row.projected.has_value());
  CHECK(*row.projected == 50.0);
  const auto& n = row_of(reg, result_of(rep, "DAYN"), "12");
  REQUIRE(n.expected.has_value());
  CHECK(*n.expected == 2.0);
  REQUIRE(n.projected.has_value());
  CHECK(*n.projected == 1.0);
}

TEST_CASE("§7 scope: an issuer with no unit at the evaluation point gives no rows and a warning",
          "[evaluation][decided]") {
  // Issuer 105 ended on 2025-06-30 with no successor: the 2024 milestone has rows, the 2026 one
  // none, and the report says why, once.
  const auto reg = merger_registry();
  const auto p = read_plan(plan_text(coverage("ALL", dan_so, trained_c1, year_2024_and_2026), "", "105"));
  const auto rep = evaluator(p, reg).evaluate(D("2026-12-31"));
  CHECK_FALSE(result_of(rep, "ALL", 0).rows.empty());
  const auto& late = result_of(rep, "ALL", 1);
  CHECK(late.rows.empty());
  CHECK(late.status == status::no_data);
  const auto issuer_warnings = std::count_if(rep.warnings.begin(), rep.warnings.end(),
                                             [](const problem& w) { return w.code == "issuer_not_in_tree"; });
  CHECK(issuer_warnings == 1);
}

TEST_CASE("§7 activity_count: an ended organizer with no successor counts for the nearest unit above it that stands at e",
          "[evaluation][decided]") {
  // D3 ended on 2025-06-30 into D1; its commune C ended with no successor. C's 2024 session
  // counts, as of 2025-12-31, for the nearest unit above C that stands at e: D3, mapped to D1
  // (which took D3 over) — as a post at D3 would — and so for the province above D1.
  registry_text t;
  t.units = R"(
    {"id": "12", "name": "Tỉnh", "level": "tinh", "kind": "tinh"},
    {"id": "D1", "name": "Huyện Một", "level": "huyen", "kind": "huyen", "parent": "12"},
    {"id": "D3", "name": "Huyện Ba", "level": "huyen", "kind": "huyen", "parent": "12", "valid_to": "2025-06-30", "successor": "D1"},
    {"id": "C", "name": "Xã C", "level": "xa", "kind": "xa", "parent": "D3", "valid_to": "2025-06-30"})";
  t.course(course_c1).session("S1", "C1", "2024-03-01", "2024-03-01", R"(, "organizer": "C")");
  const auto reg = t.load();
  const auto p = read_plan(plan_text(activity("N", "sessions", R"({"by": "2025-12-31", "min": 1})")));
  const auto rep = evaluator(p, reg).evaluate(D("2025-12-31"));
  const auto& m = result_of(rep, "N");
  CHECK(row_of(reg, m, "12").value == 1.0);
  CHECK(row_of(reg, m, "D1").value == 1.0);
}
