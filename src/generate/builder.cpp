// The builder the generators share (common.hpp).
#include "generate/common.hpp"

#include <algorithm>

namespace nangluc::detail {

std::size_t rng::weighted(std::span<const int> w) {
  int total = 0;
  for (int x : w) total += x;
  int r = between(0, total - 1);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (r < w[i]) return i;
    r -= w[i];
  }
  return w.size() - 1;
}

std::string padded(std::size_t n, std::size_t width, std::string_view prefix) {
  const std::string digits = std::to_string(n);
  std::string s;
  s.reserve(prefix.size() + std::max(width, digits.size()));
  s.append(prefix);
  if (digits.size() < width) s.append(width - digits.size(), '0');
  s.append(digits);
  return s;
}

std::string join_name(std::string_view surname, std::string_view middle, std::string_view given) {
  std::string s;
  s.reserve(surname.size() + middle.size() + given.size() + 2);
  s += surname;
  s += ' ';
  s += middle;
  if (!middle.empty() && middle.back() != '\'') s += ' ';
  s += given;
  return s;
}

std::string_view prefix_of(commune_kind k) {
  return k == commune_kind::phuong ? "Phường " : k == commune_kind::thi_tran ? "Thị trấn " : "Xã ";
}

std::string_view code_of(commune_kind k) {
  return k == commune_kind::phuong ? "phuong" : k == commune_kind::thi_tran ? "thi_tran" : "xa";
}

builder::builder(std::uint64_t seed, bool track_posts)
    : d_(registry_data::with_profile("vn-population")), r_(seed), track_posts_(track_posts) {}

// ---- vocabulary -------------------------------------------------------------------------------

term builder::t(std::string_view vocabulary, std::string_view code) const {
  return d_.vocabularies.at(vocabulary).at(code);
}

term builder::declared(std::string_view vocabulary, std::initializer_list<std::string_view> codes) const {
  const auto* v = d_.vocabularies.find(vocabulary);
  if (v == nullptr) return {};
  for (std::string_view c : codes)
    if (auto found = v->find(c); found && (*v)[*found].declared) return *found;
  return {};
}

std::vector<term> builder::roles(std::span<const std::string_view> codes) const {
  std::vector<term> out;
  for (std::string_view c : codes) out.push_back(t(vocab::roles, c));
  return out;
}

bool builder::has_role(const assignment& a, std::string_view code) const {
  const term r = t(vocab::roles, code);
  return std::find(a.roles.begin(), a.roles.end(), r) != a.roles.end();
}

// ---- units and quotas -------------------------------------------------------------------------

unit_ix builder::add_unit(std::string id, std::string name, term level, std::string_view kind,
                          day_range valid) {
  unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  u.level = level;
  if (!kind.empty()) u.kind = t(vocab::unit_kinds, kind);
  u.valid = valid;
  d_.units.push_back(std::move(u));
  return unit_ix{static_cast<std::uint32_t>(d_.units.size() - 1)};
}

void builder::set_parent(unit_ix child, unit_ix parent) { at(child).parents.push_back({parent, {}, {}}); }

void builder::set_parents_over_time(unit_ix village, unit_ix old_commune, unit_ix new_commune) {
  unit& v = at(village);
  v.parents_over_time = true;
  v.parents.push_back({old_commune, {day_min, last_old_day}, {}});
  v.parents.push_back({new_commune, {first_new_day, day_max}, {}});
}

void builder::add_quota(unit_ix u, term category, std::vector<term> role_terms, term sector,
                        std::int64_t count, day_range when) {
  quota q;
  q.unit = u;
  q.category = category;
  q.roles = std::move(role_terms);
  q.sector = sector;
  q.count = count;
  q.when = when;
  d_.quotas.push_back(std::move(q));
}

// ---- persons, posts and qualifications --------------------------------------------------------

person_ix builder::add_person(std::string id, std::string name, bool female, day birth,
                              term ethnicity, std::string_view province_code) {
  person p;
  p.id = std::move(id);
  p.name = std::move(name);
  p.sex = female ? sex::female : sex::male;
  p.birth_date = birth;
  p.ethnicity = ethnicity;
  if (!province_code.empty()) {
    // Citizen id: province code, century-and-sex digit, year of birth, six digits.
    const int y = year_of(birth);
    const int century_sex = (y >= 2000 ? 2 : 0) + (female ? 1 : 0);
    std::string serial = std::to_string(r_.between(0, 999999));
    serial.insert(0, 6 - serial.size(), '0');
    std::string yy = std::to_string(y % 100);
    if (yy.size() < 2) yy.insert(0, "0");
    p.external_ids.emplace_back("cccd", std::string(province_code) + std::to_string(century_sex) + yy + serial);
  }
  d_.persons.push_back(std::move(p));
  if (track_posts_) posts_.emplace_back();
  return person_ix{static_cast<std::uint32_t>(d_.persons.size() - 1)};
}

std::uint32_t builder::add_post(person_ix p, unit_ix u, unit_ix employer, term category,
                                std::vector<term> role_terms, term sector, day from, day to) {
  assignment a;
  a.person = p;
  a.unit = u;
  a.employer = employer;
  a.category = category;
  a.roles = std::move(role_terms);
  a.sector = sector;
  a.when = {from, to};
  d_.assignments.push_back(std::move(a));
  const auto ix = static_cast<std::uint32_t>(d_.assignments.size() - 1);
  if (track_posts_) posts_[p.value].push_back(ix);
  return ix;
}

void builder::add_qual(person_ix p, term kind, term code, term field, day awarded, day expires,
                       std::string issuer) {
  if (awarded != day_min && awarded > award_limit_) return;
  qualification q;
  q.person = p;
  q.kind = kind;
  q.code = code;
  q.field = field;
  q.awarded = awarded;
  q.expires = expires;
  q.issuer = std::move(issuer);
  d_.qualifications.push_back(std::move(q));
}

void builder::add_title(person_ix p, const title_terms& title, day awarded, day leaves) {
  if (awarded > leaves) return;
  const term kind = t(vocab::qualification_kinds, "professional_title");
  if (awarded >= career_steps_day) {
    add_qual(p, kind, title.step, {}, awarded, day_max, title.step_issuer);
    return;
  }
  const bool converts = leaves >= career_steps_day;
  add_qual(p, kind, title.rank, {}, awarded, converts ? career_steps_day - 1 : day_max, title.rank_issuer);
  if (converts) add_qual(p, kind, title.step, {}, career_steps_day, day_max, title.step_issuer);
}

void builder::add_civil_servant_extras(person_ix p, day start, bool leader, const extras_terms& e) {
  const term pol = t(vocab::qualification_kinds, "political_theory");
  const term sm = t(vocab::qualification_kinds, "state_management");
  const term it = t(vocab::qualification_kinds, "it");
  add_qual(p, pol, t("political_theory", leader ? "cao_cap" : "trung_cap"), {},
           std::min(start + r_.between(700, 3000), e.political_by), day_max, e.political_issuer);
  add_qual(p, sm, t("state_management", leader ? "chuyen_vien_chinh" : "chuyen_vien"), {},
           std::min(start + r_.between(400, 2500), e.state_by), day_max, "Học viện Hành chính Quốc gia");
  if (r_.chance(e.it_permille)) add_qual(p, it, t("it", "cntt_co_ban"), {}, start - r_.between(30, 700));
}

day builder::last_day_in_post(person_ix p) const {
  day last = day_min;
  for (std::uint32_t a : posts_[p.value]) last = std::max(last, d_.assignments[a].when.to);
  return last;
}

// ---- courses, sessions and enrollments --------------------------------------------------------

course_plan builder::add_course(std::string id, std::string title, std::string_view kind,
                                std::initializer_list<std::string_view> topics, double hours,
                                std::string_view confers, std::int64_t fixed, std::int64_t per_head,
                                int days) {
  course c;
  c.id = std::move(id);
  c.title = std::move(title);
  c.kind = t(vocab::training_kinds, kind);
  for (std::string_view tp : topics) c.topics.push_back(t(vocab::topics, tp));
  c.hours = hours;
  if (!confers.empty())
    c.confers = conferral{t(vocab::qualification_kinds, "certificate"), t("certificate", confers), {}, {}};
  d_.courses.push_back(std::move(c));
  return {course_ix{static_cast<std::uint32_t>(d_.courses.size() - 1)}, fixed, per_head, days};
}

session_ix builder::add_session(const course_plan& c, day start, unit_ix organizer, std::string location,
                                std::int64_t capacity) {
  session s;
  const int y = year_of(start);
  const std::string seq = std::to_string(++session_seq_[y]);
  s.id = session_prefix_ + "-" + std::to_string(y) + "-" + std::string(3 - seq.size(), '0') + seq;
  s.course = c.ix;
  s.when = {start, start + c.days - 1};
  s.organizer = organizer;
  s.location = std::move(location);
  s.capacity = capacity;
  s.funding = t(vocab::funding_sources, y <= 2020 ? "ngan_sach_trung_uong" : "ngan_sach_dia_phuong");
  d_.sessions.push_back(std::move(s));
  session_plan_.push_back(c);
  return session_ix{static_cast<std::uint32_t>(d_.sessions.size() - 1)};
}

void builder::settle(session_ix s, std::int64_t enrolled) {
  const course_plan& c = session_plan_[s.value];
  d_.sessions[s.value].cost_vnd = c.fixed_vnd + c.per_head_vnd * enrolled;
}

void builder::enroll(person_ix p, session_ix s, enrollment_status st, double score) {
  enrollment e;
  e.person = p;
  e.session = s;
  e.status = st;
  e.score = score;
  d_.enrollments.push_back(e);
}

bool builder::enroll_one(person_ix p, session_ix s, int complete, bool scored) {
  if (r_.chance(complete)) {
    enroll(p, s, enrollment_status::completed,
           scored ? static_cast<double>(r_.between(60, 98)) / 10.0 : std::numeric_limits<double>::quiet_NaN());
    return true;
  }
  enroll(p, s, r_.chance(600) ? enrollment_status::withdrawn : enrollment_status::failed);
  return false;
}

}  // namespace nangluc::detail
