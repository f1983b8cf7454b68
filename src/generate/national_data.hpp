// The national workload's data: the provinces before and after 2025, regions, names by ethnic
// group and the career tracks.
#pragma once

#include "generate/common.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nangluc::detail::national {

// ---- calendar ---------------------------------------------------------------------------------

constexpr day history_from = ymd(2016, 1, 1);  // training history covers 2016–2030
constexpr day history_to = ymd(2030, 12, 31);
constexpr day quota_old_ref = ymd(2021, 12, 1);  // quotas are set from staffing on these days
constexpr day quota_new_ref = ymd(2027, 1, 1);
constexpr day year_days = 365;

/// `base` scaled by persons / 1,000,000, rounded, at least `floor`.
inline std::size_t scaled(std::size_t base, std::size_t persons, std::size_t floor) {
  const auto v = static_cast<std::size_t>(
      (static_cast<unsigned long long>(base) * persons + 500'000ULL) / 1'000'000ULL);
  return std::max(v, floor);
}

// ---- provinces before and after 2025-07-01 ------------------------------------------------

struct old_province {
  std::string_view code, name;
  bool city;
};

constexpr std::array<old_province, 63> old_provinces = {{
    {"01", "Hà Nội", true},         {"02", "Hà Giang", false},     {"04", "Cao Bằng", false},
    {"06", "Bắc Kạn", false},       {"08", "Tuyên Quang", false},  {"10", "Lào Cai", false},
    {"11", "Điện Biên", false},     {"12", "Lai Châu", false},     {"14", "Sơn La", false},
    {"15", "Yên Bái", false},       {"17", "Hòa Bình", false},     {"19", "Thái Nguyên", false},
    {"20", "Lạng Sơn", false},      {"22", "Quảng Ninh", false},   {"24", "Bắc Giang", false},
    {"25", "Phú Thọ", false},       {"26", "Vĩnh Phúc", false},    {"27", "Bắc Ninh", false},
    {"30", "Hải Dương", false},     {"31", "Hải Phòng", true},     {"33", "Hưng Yên", false},
    {"34", "Thái Bình", false},     {"35", "Hà Nam", false},       {"36", "Nam Định", false},
    {"37", "Ninh Bình", false},     {"38", "Thanh Hóa", false},    {"40", "Nghệ An", false},
    {"42", "Hà Tĩnh", false},       {"44", "Quảng Bình", false},   {"45", "Quảng Trị", false},
    {"46", "Huế", true},            {"48", "Đà Nẵng", true},       {"49", "Quảng Nam", false},
    {"51", "Quảng Ngãi", false},    {"52", "Bình Định", false},    {"54", "Phú Yên", false},
    {"56", "Khánh Hòa", false},     {"58", "Ninh Thuận", false},   {"60", "Bình Thuận", false},
    {"62", "Kon Tum", false},       {"64", "Gia Lai", false},      {"66", "Đắk Lắk", false},
    {"67", "Đắk Nông", false},      {"68", "Lâm Đồng", false},     {"70", "Bình Phước", false},
    {"72", "Tây Ninh", false},      {"74", "Bình Dương", false},   {"75", "Đồng Nai", false},
    {"77", "Bà Rịa - Vũng Tàu", false}, {"79", "Hồ Chí Minh", true}, {"80", "Long An", false},
    {"82", "Tiền Giang", false},    {"83", "Bến Tre", false},      {"84", "Trà Vinh", false},
    {"86", "Vĩnh Long", false},     {"87", "Đồng Tháp", false},    {"89", "An Giang", false},
    {"91", "Kiên Giang", false},    {"92", "Cần Thơ", true},       {"93", "Hậu Giang", false},
    {"94", "Sóc Trăng", false},     {"95", "Bạc Liêu", false},     {"96", "Cà Mau", false},
}};

struct new_province {
  std::string_view code, name;
  bool city;
  std::array<std::string_view, 3> from;  // predecessors' codes; one alone: unchanged province
};

// Resolution 202/2025/QH15: 11 provinces unchanged, 52 merged into 23.
constexpr std::array<new_province, 34> new_provinces = {{
    {"01", "Hà Nội", true, {"01"}},           {"04", "Cao Bằng", false, {"04"}},
    {"11", "Điện Biên", false, {"11"}},       {"12", "Lai Châu", false, {"12"}},
    {"14", "Sơn La", false, {"14"}},          {"20", "Lạng Sơn", false, {"20"}},
    {"22", "Quảng Ninh", false, {"22"}},      {"38", "Thanh Hóa", false, {"38"}},
    {"40", "Nghệ An", false, {"40"}},         {"42", "Hà Tĩnh", false, {"42"}},
    {"46", "Huế", true, {"46"}},
    {"08", "Tuyên Quang", false, {"08", "02"}}, {"15", "Lào Cai", false, {"10", "15"}},
    {"19", "Thái Nguyên", false, {"19", "06"}}, {"25", "Phú Thọ", false, {"25", "26", "17"}},
    {"24", "Bắc Ninh", false, {"27", "24"}},    {"33", "Hưng Yên", false, {"33", "34"}},
    {"31", "Hải Phòng", true, {"31", "30"}},    {"37", "Ninh Bình", false, {"37", "35", "36"}},
    {"44", "Quảng Trị", false, {"45", "44"}},   {"48", "Đà Nẵng", true, {"48", "49"}},
    {"51", "Quảng Ngãi", false, {"51", "62"}},  {"52", "Gia Lai", false, {"64", "52"}},
    {"56", "Khánh Hòa", false, {"56", "58"}},   {"68", "Lâm Đồng", false, {"68", "67", "60"}},
    {"66", "Đắk Lắk", false, {"66", "54"}},     {"79", "Hồ Chí Minh", true, {"79", "74", "77"}},
    {"75", "Đồng Nai", false, {"75", "70"}},    {"80", "Tây Ninh", false, {"72", "80"}},
    {"92", "Cần Thơ", true, {"92", "94", "93"}}, {"86", "Vĩnh Long", false, {"86", "83", "84"}},
    {"82", "Đồng Tháp", false, {"87", "82"}},   {"96", "Cà Mau", false, {"96", "95"}},
    {"91", "An Giang", false, {"89", "91"}},
}};

constexpr std::size_t district_total = 696;  // district-level units before 2025-07-01

enum class region_kind : std::uint8_t { north_mountain, central_highlands, mekong, other };

inline region_kind region_of(std::string_view code) {
  for (std::string_view c : {"02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20"})
    if (c == code) return region_kind::north_mountain;
  for (std::string_view c : {"62", "64", "66", "67"})
    if (c == code) return region_kind::central_highlands;
  for (std::string_view c : {"84", "89", "91", "94", "95"})
    if (c == code) return region_kind::mekong;
  return region_kind::other;
}

inline bool is_south(std::string_view code) { return code >= "70"; }

// ---- names --------------------------------------------------------------------------------

constexpr std::string_view place_syllables[] = {
    "An",   "Bình", "Phú",  "Tân",   "Hòa",   "Thạnh", "Long", "Hưng",  "Đông", "Tây",
    "Nam",  "Bắc",  "Phước", "Thuận", "Hiệp", "Mỹ",    "Vĩnh", "Quang", "Trung", "Hải",
    "Sơn",  "Lâm",  "Thành", "Đức",  "Xuân",  "Hồng",  "Cẩm",  "Kim",   "Ngọc", "Yên",
    "Định", "Lợi",  "Thịnh", "Gia",  "Khánh", "Minh",  "Thái", "Phong", "Lạc",  "Châu",
    "Tiến", "Lộc",  "Hà",   "Cát",   "Nghĩa", "Tường", "Kỳ",   "Diên",  "Hội",  "Quỳnh"};

constexpr std::string_view kinh_sur[] = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm",
                                         "Hoàng", "Huỳnh", "Vũ", "Võ", "Phan", "Trương", "Bùi",
                                         "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Đinh", "Lý"};
constexpr std::string_view kinh_mm[] = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh",
                                        "Công", "Quốc", "Ngọc"};
constexpr std::string_view kinh_mg[] = {"Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Cường", "Thắng",
                                        "Long", "Sơn", "Quân", "Bình", "Nam", "Trung", "Hiếu",
                                        "Toàn", "Khánh", "Phúc", "Tài", "Vinh", "Thịnh"};
constexpr std::string_view kinh_fm[] = {"Thị", "Thị", "Thu", "Thanh", "Hồng", "Ngọc", "Phương",
                                        "Kim", "Mỹ"};
constexpr std::string_view kinh_fg[] = {"Hoa", "Lan", "Hương", "Mai", "Thảo", "Hà", "Linh",
                                        "Nga", "Huyền", "Yến", "Trang", "Hạnh", "Nhung", "Loan",
                                        "Dung", "Vân", "Thúy", "Oanh", "Tuyết", "Hằng"};
constexpr std::string_view tay_sur[] = {"Hoàng", "Nông", "Lục", "Lương", "Ma", "Hà", "Vi",
                                        "La", "Triệu", "Đàm"};
constexpr std::string_view thai_sur[] = {"Lò", "Lường", "Tòng", "Quàng", "Điêu", "Cầm", "Vì",
                                         "Lù", "Lê"};
constexpr std::string_view thai_mg[] = {"Thành", "Xuân", "Khương", "Pánh", "Hặc", "Sương",
                                        "Chiến", "Ngoan", "Thiêm", "Hoan"};
constexpr std::string_view thai_fg[] = {"Ín", "Phương", "Xuân", "Ngân", "Bun", "Ơn", "Chăm",
                                        "Nhất", "Lả", "Ọn"};
constexpr std::string_view mong_sur[] = {"Giàng", "Sùng", "Thào", "Lý", "Vàng", "Mùa", "Hạng",
                                         "Lầu", "Hờ", "Cứ"};
constexpr std::string_view mong_mm[] = {"A", "Seo", "Mí"};
constexpr std::string_view mong_mg[] = {"Páo", "Sử", "Chứ", "Dế", "Lử", "Sình", "Tủa", "Chơ",
                                        "Dính", "Chá"};
constexpr std::string_view mong_fg[] = {"Dua", "Mỷ", "Chở", "Dợ", "Mai", "Sua", "Pàng", "Dí",
                                        "Xó", "Chía"};
constexpr std::string_view dao_sur[] = {"Tẩn", "Chảo", "Phàn", "Triệu", "Đặng", "Bàn"};
constexpr std::string_view dao_mm[] = {"Láo", "Văn", "Sành", "Tiến"};
constexpr std::string_view dao_mg[] = {"Lở", "Sành", "Phủ", "Kiều", "Chòi", "Vạn", "Chàn",
                                       "Quẩy"};
constexpr std::string_view dao_fg[] = {"Mẩy", "Chài", "Phây", "Sử", "Dín", "Xuân"};
constexpr std::string_view muong_sur[] = {"Bùi", "Đinh", "Quách", "Hà", "Xa", "Cao"};
constexpr std::string_view khmer_sur[] = {"Thạch", "Sơn", "Danh", "Kim", "Lâm", "Châu", "Trương"};
constexpr std::string_view khmer_mg[] = {"Sóc", "Phol", "Sa Rinh", "Thươl", "Kha", "Ra",
                                         "Sà Phên", "Chanh"};
constexpr std::string_view khmer_fg[] = {"Sô Phia", "Sa Ri", "Sóc Kha", "Pha Ly", "Kim Thoa",
                                         "Sà Rươl"};
constexpr std::string_view highland_sur[] = {"Ksor", "Rơ Châm", "Siu", "Nay", "Rah Lan", "Niê",
                                             "Êban", "A"};
constexpr std::string_view highland_mm[] = {"Y"};
constexpr std::string_view highland_fm[] = {"H'", "Nay"};
constexpr std::string_view highland_mg[] = {"Blang", "Thuk", "Khiêm", "Drin", "Nguôn", "Dhăm",
                                            "Krông"};
constexpr std::string_view highland_fg[] = {"Hen", "Bia", "Nhung", "Plơm", "Yơr", "Ju"};
constexpr std::string_view thi[] = {"Thị"};
constexpr std::string_view van[] = {"Văn"};

// Ethnic groups named in the `ethnicities` vocabulary of the profile, with their name sets.
struct ethnic_group {
  std::string_view code;
  name_set names;
};

const std::array<ethnic_group, 10> ethnic_groups = {{
    {"kinh", {kinh_sur, kinh_mm, kinh_mg, kinh_fm, kinh_fg}},
    {"tay", {tay_sur, van, kinh_mg, thi, kinh_fg}},
    {"thai", {thai_sur, van, thai_mg, thi, thai_fg}},
    {"muong", {muong_sur, van, kinh_mg, thi, kinh_fg}},
    {"khmer", {khmer_sur, van, khmer_mg, thi, khmer_fg}},
    {"nung", {tay_sur, van, kinh_mg, thi, kinh_fg}},
    {"mong", {mong_sur, mong_mm, mong_mg, thi, mong_fg}},
    {"dao", {dao_sur, dao_mm, dao_mg, thi, dao_fg}},
    {"gia_rai", {highland_sur, highland_mm, highland_mg, highland_fm, highland_fg}},
    {"e_de", {highland_sur, highland_mm, highland_mg, highland_fm, highland_fg}},
}};

// Weights over ethnic_groups by region.
constexpr std::array<int, 10> mix_north = {25, 20, 20, 5, 0, 10, 12, 8, 0, 0};
constexpr std::array<int, 10> mix_highlands = {65, 3, 2, 2, 0, 3, 2, 1, 12, 10};
constexpr std::array<int, 10> mix_mekong = {75, 0, 0, 0, 25, 0, 0, 0, 0, 0};
constexpr std::array<int, 10> mix_other = {94, 1, 1, 3, 0, 1, 0, 0, 0, 0};

// ---- workforce tracks -------------------------------------------------------------------

/// The kind of career a synthetic person has; weights are per mille of persons.
enum class track : std::uint8_t {
  collaborator,       // population collaborator at a village
  village_health,     // village health worker
  commune_officer,    // commune population officer, seconded from the district until 2025
  commune_provider,   // FP/RH service provider at the commune health station
  commune_social,     // commune culture-society / family civil servant
  commune_head,       // head of the commune population board (part-time)
  district_staff,     // district population centre / health centre
  province_staff,     // provincial population sub-department
  national_staff,     // the national population department
};
constexpr std::array<int, 9> track_weights = {440, 200, 60, 150, 50, 10, 60, 29, 1};

struct post_plan {
  std::uint32_t unit;
  std::uint32_t employer = std::numeric_limits<std::uint32_t>::max();
  day from, to;
};

}  // namespace nangluc::detail::national
