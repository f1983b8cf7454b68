// The Lai Châu example's data: names, the territory before and after 2025, and the workforce of
// section IV of its 2021–2030 plan (seed 002) on 2021-12-01.
#pragma once

#include "generate/common.hpp"
#include "generate/province.hpp"

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

namespace nangluc::detail::lai_chau {

// ---- calendar ---------------------------------------------------------------------------------

constexpr day report_day = ymd(2021, 12, 1);     // section IV's "current" workforce
constexpr day history_end = ymd(2026, 12, 31);

// ---- names --------------------------------------------------------------------------------

enum class ethnic : std::uint8_t { kinh, thai, mong, dao, ha_nhi, giay };
constexpr std::size_t ethnic_count = 6;

constexpr std::string_view kinh_sur[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ",
                                         "Bùi", "Đặng", "Ngô", "Dương", "Đinh", "Phan", "Trịnh"};
constexpr std::string_view kinh_mm[] = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Mạnh",
                                        "Trọng"};
constexpr std::string_view kinh_mg[] = {"Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Cường",
                                        "Thắng", "Long", "Sơn", "Quân", "Bình", "Nam",
                                        "Trung", "Hiếu", "Toàn", "Khánh"};
constexpr std::string_view kinh_fm[] = {"Thị", "Thu", "Thanh", "Hồng", "Ngọc", "Phương",
                                        "Thúy"};
constexpr std::string_view kinh_fg[] = {"Hoa", "Lan", "Hương", "Mai", "Thảo", "Hà",
                                        "Linh", "Nga", "Huyền", "Yến", "Trang", "Hạnh",
                                        "Nhung", "Loan", "Dung", "Vân"};
constexpr std::string_view thai_sur[] = {"Lò", "Lường", "Tòng", "Quàng", "Điêu", "Cầm",
                                         "Vì", "Lù", "Hoàng"};
constexpr std::string_view thai_mm[] = {"Văn"};
constexpr std::string_view thai_mg[] = {"Thành", "Xuân", "Khương", "Pánh", "Hặc", "Sương",
                                        "Chiến", "Ngoan", "Thiêm", "Hoan", "Biên", "Ơn",
                                        "Thương", "Inh", "Xôm", "Phong", "Chính", "Nọi",
                                        "Tươi", "Hiếu", "Thoại", "Khiêm"};
constexpr std::string_view thai_fm[] = {"Thị"};
constexpr std::string_view thai_fg[] = {"Ín", "Phương", "Xuân", "Ngân", "Hoa", "Bun",
                                        "Ơn", "Hương", "Chăm", "Nhất", "Lả", "Ọn", "Diện",
                                        "Hiên", "Thương", "Tiên", "Pha", "Hom", "Chiên",
                                        "Viên", "Thảnh", "Panh"};
constexpr std::string_view mong_sur[] = {"Giàng", "Sùng", "Thào", "Lý", "Vàng", "Mùa",
                                         "Hạng", "Lầu", "Ly", "Hờ", "Cứ", "Chang"};
constexpr std::string_view mong_mm[] = {"A", "A", "A", "Seo", "Mí"};
constexpr std::string_view mong_mg[] = {"Páo", "Sử", "Chứ", "Dế", "Lử", "Sình", "Tủa",
                                        "Chơ", "Dính", "Chá", "Pó", "Phừ", "Khua", "Sếnh",
                                        "Lồng", "Vảng", "Sào", "Thề", "Sung", "Cở", "Chinh",
                                        "Xá"};
constexpr std::string_view mong_fm[] = {"Thị"};
constexpr std::string_view mong_fg[] = {"Dua", "Mỷ", "Chở", "Dợ", "Mai", "Sua", "Pàng",
                                        "Dí", "Xó", "Mỉ", "Sú", "Chía", "Của", "Lia", "Dủa",
                                        "Chi", "Say", "Pằng", "Sùng", "Ly"};
constexpr std::string_view dao_sur[] = {"Tẩn", "Chảo", "Phàn", "Lý", "Triệu", "Đặng"};
constexpr std::string_view dao_mm[] = {"Láo", "Văn", "A", "Sành"};
constexpr std::string_view dao_mg[] = {"Lở", "Sành", "Phủ", "Kiều", "Chòi", "Vạn", "Chàn",
                                       "Quẩy", "Xoan", "Mình", "Chiêu", "Tả", "Phin", "Pao",
                                       "Vần", "Lìu"};
constexpr std::string_view dao_fm[] = {"Thị", "Mẩy"};
constexpr std::string_view dao_fg[] = {"Mẩy", "Chài", "Phây", "Sử", "Lở", "Kiều", "Dín",
                                       "Xuân", "Mùi", "Tá", "Chạn", "Siểu", "Liềm", "Nhất"};
constexpr std::string_view hanhi_sur[] = {"Lỳ", "Pờ", "Chu", "Hù", "Lò", "Phu", "Vù"};
constexpr std::string_view hanhi_mm[] = {"A", "Xé", "Hừ", "Chừ"};
constexpr std::string_view hanhi_mg[] = {"Phì", "Giờ", "Chà", "Xá", "Sơ", "Phà", "Gió", "Ha",
                                         "Chừ", "Hừ", "Lừ", "Pư", "Xe", "Gơ"};
constexpr std::string_view hanhi_fm[] = {"Mỳ", "Thị", "Xe"};
constexpr std::string_view hanhi_fg[] = {"Xá", "Gơ", "Mé", "Chừ", "Ló", "Ca", "Mơ", "Pà",
                                         "Lơ", "Xó", "Chà", "Phì"};
constexpr std::string_view giay_sur[] = {"Hoàng", "Lò", "Vàng", "Lù", "Sần", "Lồ", "Hà", "Ma"};
constexpr std::string_view giay_mm[] = {"Văn"};
constexpr std::string_view giay_mg[] = {"Sáng", "Chung", "Thành", "Quang", "Pảo", "Tiến",
                                        "Kiên", "Thắng", "Dũng", "Hải", "Vượng", "Phúc",
                                        "Sinh", "Lâm"};
constexpr std::string_view giay_fm[] = {"Thị"};
constexpr std::string_view giay_fg[] = {"Dinh", "Xuân", "Tiên", "Hiền", "Lan", "Ẩn", "Nhung",
                                        "Thu", "Hạnh", "Sợi", "Mỵ", "Luyến", "Nga", "Hoa"};

const std::array<name_set, ethnic_count> name_sets = {{
    {kinh_sur, kinh_mm, kinh_mg, kinh_fm, kinh_fg},
    {thai_sur, thai_mm, thai_mg, thai_fm, thai_fg},
    {mong_sur, mong_mm, mong_mg, mong_fm, mong_fg},
    {dao_sur, dao_mm, dao_mg, dao_fm, dao_fg},
    {hanhi_sur, hanhi_mm, hanhi_mg, hanhi_fm, hanhi_fg},
    {giay_sur, giay_mm, giay_mg, giay_fm, giay_fg},
}};

// ---- the territory ----------------------------------------------------------------------

struct district_spec {
  std::string_view id, name;
  bool city;
  int quota, present;               // seed 002: quotas sum to 42, 36 in post
  std::array<int, ethnic_count> mix;  // rough ethnic make-up of the district's communes
};

constexpr std::array<district_spec, 8> districts = {{
    {"105", "Thành phố Lai Châu", true, 4, 4, {45, 20, 15, 10, 0, 10}},
    {"106", "Huyện Tam Đường", false, 5, 4, {10, 20, 30, 15, 0, 25}},
    {"107", "Huyện Mường Tè", false, 6, 5, {5, 15, 20, 15, 40, 5}},
    {"108", "Huyện Sìn Hồ", false, 7, 6, {5, 20, 50, 20, 0, 5}},
    {"109", "Huyện Phong Thổ", false, 6, 5, {5, 15, 35, 35, 0, 10}},
    {"110", "Huyện Than Uyên", false, 5, 4, {15, 60, 20, 5, 0, 0}},
    {"111", "Huyện Tân Uyên", false, 5, 4, {15, 50, 25, 10, 0, 0}},
    {"112", "Huyện Nậm Nhùn", false, 4, 4, {5, 30, 40, 10, 10, 5}},
}};

// The 38 communes and wards from 2025-07-01; the first two are wards.
constexpr std::array<std::string_view, 38> new_communes = {
    "Tân Phong",  "Đoàn Kết",      "Bình Lư",  "Tả Lèng",   "Khun Há",     "Bản Bo",
    "Phong Thổ",  "Sin Suối Hồ",   "Sì Lở Lầu", "Dào San",  "Khổng Lào",   "Sìn Hồ",
    "Tủa Sín Chải", "Hồng Thu",    "Nậm Tăm",  "Pu Sam Cáp", "Nậm Cuổi",   "Nậm Mạ",
    "Pa Tần",     "Mường Tè",      "Bum Tở",   "Bum Nưa",   "Thu Lũm",     "Pa Ủ",
    "Tà Tổng",    "Mù Cả",         "Lê Lợi",   "Nậm Hàng",  "Mường Mô",    "Hua Bum",
    "Tân Uyên",   "Mường Khoa",    "Pắc Ta",   "Nậm Sỏ",    "Than Uyên",   "Mường Than",
    "Khoen On",   "Mường Kim"};

using ck = detail::commune_kind;

// The 106 communes, wards and towns until 2025-06-30 and the commune each merged into.
constexpr std::array<commune_spec, 106> old_communes = {{
    {"Quyết Thắng", ck::phuong, 0, 0}, {"Tân Phong", ck::phuong, 0, 0},
    {"Quyết Tiến", ck::phuong, 0, 1}, {"Đoàn Kết", ck::phuong, 0, 1},
    {"Đông Phong", ck::phuong, 0, 1}, {"San Thàng", ck::xa, 0, 1},
    {"Sùng Phài", ck::xa, 0, 0},
    {"Tam Đường", ck::thi_tran, 1, 2}, {"Thèn Sin", ck::xa, 1, 3}, {"Tả Lèng", ck::xa, 1, 3},
    {"Giang Ma", ck::xa, 1, 3}, {"Hồ Thầu", ck::xa, 1, 3}, {"Bình Lư", ck::xa, 1, 2},
    {"Sơn Bình", ck::xa, 1, 2}, {"Nùng Nàng", ck::xa, 1, 4}, {"Bản Giang", ck::xa, 1, 5},
    {"Bản Hon", ck::xa, 1, 5}, {"Bản Bo", ck::xa, 1, 5}, {"Nà Tăm", ck::xa, 1, 5},
    {"Khun Há", ck::xa, 1, 4},
    {"Mường Tè", ck::thi_tran, 2, 19}, {"Thu Lũm", ck::xa, 2, 22}, {"Ka Lăng", ck::xa, 2, 22},
    {"Pa Ủ", ck::xa, 2, 23}, {"Mường Tè", ck::xa, 2, 19}, {"Pa Vệ Sủ", ck::xa, 2, 23},
    {"Mù Cả", ck::xa, 2, 25}, {"Bum Tở", ck::xa, 2, 20}, {"Nậm Khao", ck::xa, 2, 20},
    {"Tà Tổng", ck::xa, 2, 24}, {"Bum Nưa", ck::xa, 2, 21}, {"Vàng San", ck::xa, 2, 21},
    {"Kan Hồ", ck::xa, 2, 24}, {"Tá Bạ", ck::xa, 2, 25},
    {"Sìn Hồ", ck::thi_tran, 3, 11}, {"Chăn Nưa", ck::xa, 3, 18}, {"Pa Tần", ck::xa, 3, 18},
    {"Phìn Hồ", ck::xa, 3, 11}, {"Hồng Thu", ck::xa, 3, 13}, {"Phăng Sô Lin", ck::xa, 3, 13},
    {"Ma Quai", ck::xa, 3, 11}, {"Lùng Thàng", ck::xa, 3, 15}, {"Tả Phìn", ck::xa, 3, 13},
    {"Sà Dề Phìn", ck::xa, 3, 15}, {"Nậm Tăm", ck::xa, 3, 14}, {"Tả Ngảo", ck::xa, 3, 12},
    {"Pu Sam Cáp", ck::xa, 3, 15}, {"Nậm Cha", ck::xa, 3, 14}, {"Pa Khoá", ck::xa, 3, 18},
    {"Làng Mô", ck::xa, 3, 12}, {"Noong Hẻo", ck::xa, 3, 17}, {"Nậm Mạ", ck::xa, 3, 17},
    {"Căn Co", ck::xa, 3, 14}, {"Tủa Sín Chải", ck::xa, 3, 12}, {"Nậm Cuổi", ck::xa, 3, 16},
    {"Nậm Hăn", ck::xa, 3, 16},
    {"Phong Thổ", ck::thi_tran, 4, 6}, {"Sì Lở Lầu", ck::xa, 4, 8}, {"Mồ Sì San", ck::xa, 4, 8},
    {"Pa Vây Sử", ck::xa, 4, 8}, {"Vàng Ma Chải", ck::xa, 4, 9}, {"Tông Qua Lìn", ck::xa, 4, 9},
    {"Mù Sang", ck::xa, 4, 9}, {"Dào San", ck::xa, 4, 9}, {"Ma Ly Pho", ck::xa, 4, 8},
    {"Hoang Thèn", ck::xa, 4, 6}, {"Bản Lang", ck::xa, 4, 10}, {"Khổng Lào", ck::xa, 4, 10},
    {"Nậm Xe", ck::xa, 4, 7}, {"Mường So", ck::xa, 4, 10}, {"Sin Suối Hồ", ck::xa, 4, 7},
    {"Huổi Luông", ck::xa, 4, 6}, {"Lản Nhì Thàng", ck::xa, 4, 6},
    {"Than Uyên", ck::thi_tran, 5, 34}, {"Phúc Than", ck::xa, 5, 34},
    {"Mường Than", ck::xa, 5, 35}, {"Mường Mít", ck::xa, 5, 35}, {"Pha Mu", ck::xa, 5, 35},
    {"Mường Cang", ck::xa, 5, 34}, {"Hua Nà", ck::xa, 5, 37}, {"Tà Hừa", ck::xa, 5, 36},
    {"Mường Kim", ck::xa, 5, 37}, {"Tà Mung", ck::xa, 5, 36}, {"Tà Gia", ck::xa, 5, 37},
    {"Khoen On", ck::xa, 5, 36},
    {"Tân Uyên", ck::thi_tran, 6, 30}, {"Mường Khoa", ck::xa, 6, 31},
    {"Phúc Khoa", ck::xa, 6, 31}, {"Thân Thuộc", ck::xa, 6, 30}, {"Trung Đồng", ck::xa, 6, 30},
    {"Hố Mít", ck::xa, 6, 32}, {"Nậm Cần", ck::xa, 6, 33}, {"Nậm Sỏ", ck::xa, 6, 33},
    {"Pắc Ta", ck::xa, 6, 32}, {"Tà Mít", ck::xa, 6, 32},
    {"Nậm Nhùn", ck::thi_tran, 7, 26}, {"Hua Bum", ck::xa, 7, 29}, {"Nậm Chà", ck::xa, 7, 28},
    {"Nậm Manh", ck::xa, 7, 27}, {"Nậm Hàng", ck::xa, 7, 27}, {"Lê Lợi", ck::xa, 7, 26},
    {"Pú Đao", ck::xa, 7, 29}, {"Nậm Pì", ck::xa, 7, 26}, {"Nậm Ban", ck::xa, 7, 29},
    {"Trung Chải", ck::xa, 7, 27}, {"Mường Mô", ck::xa, 7, 28},
}};

constexpr int village_total = 956;     // seed 002: collaborators "được giao"
constexpr int collaborators_2021 = 866;  // … and "có mặt"

constexpr std::string_view village_first[] = {
    "Nà", "Hua", "Pá", "Phiêng", "Nậm", "Sin", "Lùng", "Tả", "Sà", "Lao", "Hồ", "Cò", "Ngải",
    "Thèn", "Huổi", "Pa", "Co", "Pắc", "Xà", "Ma", "Séo", "Can", "Chu", "Tà", "Lả", "Pô", "Nà"};
constexpr std::string_view village_second[] = {
    "Khum", "Pầu", "Khôm", "Phát", "Ngá", "Chải", "Thàng", "Hồ", "Phìn", "Pên", "Lá", "Thầu",
    "Chát", "Pẳn", "Ít", "Lướt", "Cang", "Mu", "Sảng", "Lìn", "Dê", "Mạ", "Cuổi", "Bon",
    "Ngài", "Pe", "Mít", "Hon", "Tẻn", "Luông"};
constexpr std::string_view thon_names[] = {"Tân Bình", "Đoàn Kết", "Hợp Nhất", "Thống Nhất",
                                           "Tân Hợp", "Quyết Tiến", "Hòa Bình", "Tân Lập"};

// ---- the workforce of section IV ------------------------------------------------------------

struct edu_spec {
  std::string_view code;   // `education`
  std::string_view field;  // `fields`, "" for none
  bool certificate;        // holds bd_dan_so_vien on 2021-12-01
};

struct province_spec {
  std::string_view category;
  std::initializer_list<std::string_view> roles;
  edu_spec edu;
};

// Province: 12 civil servants and 1 labour contract; postgraduate 2 (both medical),
// university 10 (3 medical/pharmacy), other 1; 8 population-worker certificates.
const std::array<province_spec, 13> province_staff = {{
    {"cong_chuc", {"lanh_dao", "bao_cao_vien"}, {"thac_si", "y_te_cong_cong", true}},
    {"cong_chuc", {"lanh_dao", "bao_cao_vien"}, {"thac_si", "y_khoa", true}},
    {"cong_chuc", {"lanh_dao"}, {"dai_hoc", "y_khoa", true}},
    {"cong_chuc", {"chuyen_vien_dan_so", "bao_cao_vien"}, {"dai_hoc", "duoc", true}},
    {"cong_chuc", {"chuyen_vien_dan_so"}, {"dai_hoc", "dieu_duong_ho_sinh", true}},
    {"cong_chuc", {"chuyen_vien_dan_so", "bao_cao_vien"}, {"dai_hoc", "dan_so_y_te", true}},
    {"cong_chuc", {"chuyen_vien_dan_so"}, {"dai_hoc", "kinh_te_quan_ly", true}},
    {"cong_chuc", {"chuyen_vien_dan_so"}, {"dai_hoc", "khoa_hoc_xa_hoi", true}},
    {"cong_chuc", {"chuyen_vien_dan_so"}, {"dai_hoc", "luat", false}},
    {"cong_chuc", {"chuyen_vien_dan_so"}, {"dai_hoc", "kinh_te_quan_ly", false}},
    {"cong_chuc", {"chuyen_vien_dan_so"}, {"dai_hoc", "cntt", false}},
    {"cong_chuc", {"chuyen_vien_dan_so"}, {"dai_hoc", "khoa_hoc_xa_hoi", false}},
    {"hop_dong", {}, {"trung_cap", "khac", false}},
}};

inline std::vector<edu_spec> district_education() {
  // University 21 (3 medical/pharmacy), college 4, intermediate 11; 26 certificates.
  // The first 8 (university) go to the district leaders.
  std::vector<edu_spec> v;
  const std::string_view uni_fields[] = {
      "y_khoa",          "dan_so_y_te", "kinh_te_quan_ly", "y_te_cong_cong",  "khoa_hoc_xa_hoi",
      "dan_so_y_te",     "luat",        "duoc",            "kinh_te_quan_ly", "dan_so_y_te",
      "khoa_hoc_xa_hoi", "cntt",        "dan_so_y_te",     "khac",            "kinh_te_quan_ly",
      "dan_so_y_te",     "luat",        "khoa_hoc_xa_hoi", "dan_so_y_te",     "khac",
      "kinh_te_quan_ly"};
  for (std::size_t i = 0; i < 21; ++i) v.push_back({"dai_hoc", uni_fields[i], i < 18});
  for (std::string_view f : {"dan_so_y_te", "kinh_te_quan_ly", "dan_so_y_te", "khac"})
    v.push_back({"cao_dang", f, true});
  for (int i = 0; i < 11; ++i)
    v.push_back({"trung_cap", i % 4 == 3 ? "khac" : "dan_so_y_te", i < 4});
  return v;
}

inline std::vector<edu_spec> commune_education() {
  // University 7, college 3, intermediate 87, elementary or untrained 9; 87 certificates.
  std::vector<edu_spec> v;
  const std::string_view uni_fields[] = {"dan_so_y_te",     "y_te_cong_cong", "khoa_hoc_xa_hoi",
                                         "kinh_te_quan_ly", "luat",           "dieu_duong_ho_sinh",
                                         "dan_so_y_te"};
  for (std::size_t i = 0; i < 7; ++i) v.push_back({"dai_hoc", uni_fields[i], i < 6});
  for (std::string_view f : {"dan_so_y_te", "dieu_duong_ho_sinh", "khac"})
    v.push_back({"cao_dang", f, true});
  for (int i = 0; i < 87; ++i) {
    const int m = i % 29;
    const std::string_view f = m < 19   ? "dan_so_y_te"
                               : m < 23 ? "y_khoa"
                               : m < 26 ? "dieu_duong_ho_sinh"
                               : m < 27 ? "duoc"
                                        : "khac";
    v.push_back({"trung_cap", f, i < 75});
  }
  for (int i = 0; i < 6; ++i) v.push_back({"so_cap", "dan_so_y_te", i < 3});
  for (int i = 0; i < 3; ++i) v.push_back({"chua_qua_dao_tao", "", false});
  return v;
}

// ---- the builder ------------------------------------------------------------------------

enum class level_tag : std::uint8_t { province, district, commune, village };


/// The school that awarded an education code in a field.
inline std::string_view school_for(std::string_view code, std::string_view field) {
  if (code == "thac_si")
    return field == "y_te_cong_cong" ? "Trường Đại học Y tế Công cộng" : "Trường Đại học Y Hà Nội";
  if (code == "dai_hoc") {
    if (field == "y_khoa" || field == "y_te_cong_cong" || field == "dieu_duong_ho_sinh")
      return "Trường Đại học Y Dược Thái Nguyên";
    if (field == "duoc") return "Trường Đại học Dược Hà Nội";
    if (field == "luat") return "Trường Đại học Luật Hà Nội";
    if (field == "dan_so_y_te") return "Trường Đại học Y tế Công cộng";
    return "Trường Đại học Tây Bắc";
  }
  if (code == "cao_dang") return "Trường Cao đẳng Y tế Điện Biên";
  if (code == "trung_cap") return field == "khac" ? "Trường Cao đẳng Cộng đồng Lai Châu"
                                                  : "Trường Trung cấp Y tế Lai Châu";
  if (code == "so_cap") return "Trung tâm Y tế huyện";
  return {};
}

constexpr detail::province_style style = {"Lai Châu", "012", "LC", ymd(2021, 6, 30), 400,
                                          ymd(2021, 6, 30), ymd(2021, 9, 30), 700, school_for};

}  // namespace nangluc::detail::lai_chau
