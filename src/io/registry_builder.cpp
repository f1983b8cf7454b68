// Building registry data while reading: ids interned on first sight, resolved at the end.

#include "io/registry_builder.hpp"

#include "model/record_fields.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace nangluc::detail {

namespace {
constexpr std::uint32_t undeclared = 0xFFFFFFFFu;

// Eight bytes at a time, each word mixed in by a multiply, then murmur3's finaliser so that the
// low bits (the slot) depend on every byte: ids differ in their last characters ("P0001234").
std::uint64_t hash_id(std::string_view s) noexcept {
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = s.size();
  for (std::size_t i = 0; i < s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, std::min<std::size_t>(8, s.size() - i));
    h = (h ^ w) * k;
    h ^= h >> 32;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}
}  // namespace

std::uint32_t registry_builder::id_table::ref(std::string_view id) {
  if (2 * (store.size() + 1) > slots.size()) grow();
  const std::uint64_t h = hash_id(id);
  const std::size_t mask = slots.size() - 1;
  for (std::size_t at = h & mask;; at = (at + 1) & mask) {
    const std::uint32_t s = slots[at];
    if (s == 0) {  // not seen yet: the next number
      const auto n = static_cast<std::uint32_t>(store.size());
      slots[at] = n + 1;
      ids.push_back(&store.emplace_back(id));
      hash_of.push_back(h);
      declared.push_back(undeclared);
      return n;
    }
    if (hash_of[s - 1] == h && store[s - 1] == id) return s - 1;
  }
}

void registry_builder::id_table::grow() {
  slots.assign(std::max<std::size_t>(1024, slots.size() * 2), 0);
  const std::size_t mask = slots.size() - 1;
  for (std::uint32_t n = 0; n < store.size(); ++n) {
    std::size_t at = hash_of[n] & mask;
    while (slots[at] != 0) at = (at + 1) & mask;
    slots[at] = n + 1;
  }
}

bool registry_builder::id_table::declare(std::string_view id, std::uint32_t index, std::uint32_t& first) {
  const auto n = ref(id);
  if (declared[n] != undeclared) {
    first = declared[n];
    return false;
  }
  declared[n] = index;
  return true;
}

registry_builder::registry_builder(problem_list& problems, std::string file)
    : problems_(problems), file_(std::move(file)) {}

bool registry_builder::set_profile(std::string_view name, const std::string& location) {
  const auto profiles = vocabulary_set::profiles();
  if (std::find(profiles.begin(), profiles.end(), name) == profiles.end()) {
    problems_.error("bad_value", file_, location,
                    "unknown profile '" + std::string(name) + "' (built in: vn-population)");
    return false;
  }
  if (profile_set_ && data_.profile == name) return true;
  if (profile_set_) {
    problems_.error("bad_value", file_, location, "the profile must be named before any code is used");
    return false;
  }
  data_.profile = std::string(name);
  auto additions = std::move(data_.additions);
  data_.vocabularies = vocabulary_set::profile(name);
  data_.additions = {};
  profile_set_ = true;
  for (const auto& [vname, voc] : additions.all())
    for (const auto& e : voc.entries()) add_vocabulary_entry(vname, e);
  return true;
}

void registry_builder::ensure_profile() {
  if (!profile_set_) set_profile(data_.profile, "/profile");
}

void registry_builder::add_vocabulary_entry(std::string_view name, vocabulary_entry entry) {
  ensure_profile();
  data_.additions.get_or_add(name).define(entry);
  data_.vocabularies.get_or_add(name).define(std::move(entry));
}

term registry_builder::intern(std::string_view vocabulary_name, std::string_view code) {
  ensure_profile();
  return data_.vocabularies.get_or_add(vocabulary_name).intern(code);
}

unit_ix registry_builder::ref_unit(std::string_view id) { return unit_ix{units_.ref(id)}; }
person_ix registry_builder::ref_person(std::string_view id) { return person_ix{persons_.ref(id)}; }
course_ix registry_builder::ref_course(std::string_view id) { return course_ix{courses_.ref(id)}; }
session_ix registry_builder::ref_session(std::string_view id) { return session_ix{sessions_.ref(id)}; }

template <class Rec>
registry_builder::id_table& registry_builder::ids_of() {
  if constexpr (std::is_same_v<Rec, unit>) return units_;
  else if constexpr (std::is_same_v<Rec, person>) return persons_;
  else if constexpr (std::is_same_v<Rec, course>) return courses_;
  else return sessions_;
}

template <class Rec>
void registry_builder::add(Rec rec, extra_fields extras, const std::string& location) {
  using description = record_description<Rec>;
  auto& records = data_.*description::records;
  const auto i = static_cast<std::uint32_t>(records.size());
  if constexpr (field_names<Rec>[0] == "id") {
    std::uint32_t first = 0;
    if (!rec.id.empty() && !ids_of<Rec>().declare(rec.id, i, first)) {
      if (problems_.full()) {  // past the limit errors are only counted: skip building the message
        problems_.error("duplicate_id", {}, {}, {});
      } else {
        problems_.error("duplicate_id", file_, location,
                        std::string(description::noun) + " id '" + rec.id + "' is used again (first at /" +
                            std::string(description::list) + "/" + std::to_string(first) + ")");
      }
    }
  }
  (data_.record_extras.*description::extras).add(i, std::move(extras));
  records.push_back(std::move(rec));
}

template void registry_builder::add(unit, extra_fields, const std::string&);
template void registry_builder::add(person, extra_fields, const std::string&);
template void registry_builder::add(assignment, extra_fields, const std::string&);
template void registry_builder::add(qualification, extra_fields, const std::string&);
template void registry_builder::add(course, extra_fields, const std::string&);
template void registry_builder::add(session, extra_fields, const std::string&);
template void registry_builder::add(enrollment, extra_fields, const std::string&);
template void registry_builder::add(quota, extra_fields, const std::string&);

void registry_builder::add_top_level_extra(std::string key, std::string json_text) {
  data_.extras.emplace_back(std::move(key), std::move(json_text));
}

registry_data registry_builder::finish(const source_map& where) {
  ensure_profile();
  // Resolve a provisional number to the record's index, reporting a dangling reference.
  auto resolve = [&](auto& h, const id_table& table, std::string_view what, std::string_view list,
                     std::size_t i, std::string_view field) {
    if (h.is_none()) return;
    const auto target = table.declared[h.value];
    if (target == undeclared) {
      problems_.error("dangling_reference", where.file(list), where.location(list, i, field),
                      "refers to " + std::string(what) + " '" + *table.ids[h.value] +
                          "', which is not in the registry");
      h = {};
    } else {
      h.value = target;
    }
  };
  auto& d = data_;
  for (std::size_t i = 0; i < d.units.size(); ++i) {
    auto& u = d.units[i];
    resolve(u.successor, units_, "unit", "units", i, "successor");
    for (std::size_t k = 0; k < u.parents.size(); ++k)
      resolve(u.parents[k].unit, units_, "unit", "units", i,
              u.parents_over_time ? "parents/" + std::to_string(k) + "/unit" : std::string("parent"));
  }
  for (std::size_t i = 0; i < d.assignments.size(); ++i) {
    auto& a = d.assignments[i];
    resolve(a.person, persons_, "person", "assignments", i, "person");
    resolve(a.unit, units_, "unit", "assignments", i, "unit");
    resolve(a.employer, units_, "unit", "assignments", i, "employer");
  }
  for (std::size_t i = 0; i < d.qualifications.size(); ++i)
    resolve(d.qualifications[i].person, persons_, "person", "qualifications", i, "person");
  for (std::size_t i = 0; i < d.sessions.size(); ++i) {
    resolve(d.sessions[i].course, courses_, "course", "sessions", i, "course");
    resolve(d.sessions[i].organizer, units_, "unit", "sessions", i, "organizer");
  }
  for (std::size_t i = 0; i < d.enrollments.size(); ++i) {
    resolve(d.enrollments[i].person, persons_, "person", "enrollments", i, "person");
    resolve(d.enrollments[i].session, sessions_, "session", "enrollments", i, "session");
  }
  for (std::size_t i = 0; i < d.quotas.size(); ++i)
    resolve(d.quotas[i].unit, units_, "unit", "quotas", i, "unit");
  return std::move(data_);
}

}  // namespace nangluc::detail
