// The Đồng Tháp example's data: southern names, the districts, the communes before and after the
// 2025 reorganisation and the hamlet names.
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

namespace nangluc::detail::dong_thap {

// ---- calendar ---------------------------------------------------------------------------------

constexpr day history_end = ymd(2026, 12, 31);

// ---- names --------------------------------------------------------------------------------

enum class ethnic : std::uint8_t { kinh, hoa, khmer };

// Southern (Mekong delta) Vietnamese names.
constexpr std::string_view kinh_sur[] = {
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Huỳnh", "Huỳnh", "Võ",
    "Võ", "Phan", "Trương", "Đặng", "Bùi", "Dương", "Lâm", "Châu", "Đoàn", "Tô", "Mai", "Lý",
    "Hồ", "Ngô", "Cao", "Đỗ", "Lương", "Thái", "Quách"};
constexpr std::string_view kinh_mm[] = {"Văn", "Văn", "Văn", "Minh", "Thanh", "Hoàng", "Quốc",
                                        "Hữu", "Tấn", "Phước", "Thành", "Công", "Trung"};
constexpr std::string_view kinh_mg[] = {
    "Phúc", "Lộc", "Tài", "Thiện", "Nghĩa", "Tâm", "Khoa", "Vinh", "Trí", "Hậu", "Sang", "Nhân",
    "Hiếu", "Tuấn", "Hùng", "Dũng", "Thắng", "Út", "Hải", "Phong", "Tùng", "Toàn", "Đức",
    "Quang", "Thuận", "Lợi", "Hiền", "Bình", "Khải", "Triều"};
constexpr std::string_view kinh_fm[] = {"Thị", "Thị", "Thị", "Ngọc", "Kim", "Thanh", "Thúy",
                                        "Hồng", "Mỹ", "Bích", "Kiều", "Phương"};
constexpr std::string_view kinh_fg[] = {
    "Lan", "Hoa", "Huệ", "Cúc", "Diễm", "Nhung", "Thảo", "Trinh", "Ngân", "Tuyết", "Phượng",
    "Loan", "Hằng", "Xuân", "Hạnh", "Thủy", "Vy", "Nhi", "Yến", "Liên", "Mai", "Trang", "Hương",
    "Quyên", "Duyên", "Tiên", "Thu", "Giang", "Ngọc", "Điệp"};
constexpr std::string_view hoa_sur[] = {"Lâm", "Quách", "Lý", "Trịnh", "Tạ", "Huỳnh", "Châu",
                                        "Mã", "Từ", "Hứa"};
constexpr std::string_view hoa_mm[] = {"Văn", "Quốc", "Kiến", "Gia"};
constexpr std::string_view hoa_mg[] = {"Phát", "Tài", "Kiệt", "Huy", "Vĩ", "Minh", "Cường",
                                       "Hào", "Khang", "Thông"};
constexpr std::string_view hoa_fm[] = {"Ngọc", "Mỹ", "Tuyết", "Thị", "Bội"};
constexpr std::string_view hoa_fg[] = {"Linh", "Mai", "Hân", "Quyên", "Phụng", "Anh", "Nghi",
                                       "Dung", "Trân", "Hà"};
constexpr std::string_view khmer_sur[] = {"Thạch", "Sơn", "Danh", "Kim", "Lâm", "Chau"};
constexpr std::string_view khmer_mm[] = {"", "Văn", "Sa"};
constexpr std::string_view khmer_mg[] = {"Sóc", "Phol", "Sa Ly", "Chanh Đa", "Xuôl", "Sa Rinh",
                                         "Phương", "Ra", "Thươl", "Kha"};
constexpr std::string_view khmer_fm[] = {"Thị", "Neáng"};
constexpr std::string_view khmer_fg[] = {"Sa Phia", "Sà Rinh", "Ni", "Sô Phi", "Chanh Thu",
                                         "Sà Ly", "Kim Lên", "Đa Ra", "Mỹ", "Sóc Kha"};

const std::array<name_set, 3> name_sets = {{
    {kinh_sur, kinh_mm, kinh_mg, kinh_fm, kinh_fg},
    {hoa_sur, hoa_mm, hoa_mg, hoa_fm, hoa_fg},
    {khmer_sur, khmer_mm, khmer_mg, khmer_fm, khmer_fg},
}};

// ---- the territory ----------------------------------------------------------------------

struct district_spec {
  std::string_view id, name;
  bool city;
  int staff;               // population staff of the district health centre
  int pace;                // ‰ of the provincial pace of training (some districts lag behind)
  std::string_view area;   // the regional health centre of the area from 2025-07-01
};

// The 12 district-level units until 2025-06-30 (GSO codes 866–877).
constexpr std::array<district_spec, 12> districts = {{
    {"866", "Thành phố Cao Lãnh", true, 5, 1100, "Cao Lãnh"},
    {"867", "Thành phố Sa Đéc", true, 4, 1080, "Sa Đéc"},
    {"868", "Thành phố Hồng Ngự", true, 4, 960, "Hồng Ngự"},
    {"869", "Huyện Tân Hồng", false, 4, 720, "Tân Hồng"},
    {"870", "Huyện Hồng Ngự", false, 4, 880, "Thường Thới Tiền"},
    {"871", "Huyện Tam Nông", false, 4, 780, "Tam Nông"},
    {"872", "Huyện Thanh Bình", false, 4, 1000, "Thanh Bình"},
    {"873", "Huyện Tháp Mười", false, 5, 840, "Tháp Mười"},
    {"874", "Huyện Cao Lãnh", false, 5, 1040, "Mỹ Thọ"},
    {"875", "Huyện Lấp Vò", false, 4, 1000, "Lấp Vò"},
    {"876", "Huyện Lai Vung", false, 4, 980, "Lai Vung"},
    {"877", "Huyện Châu Thành", false, 4, 1030, "Châu Thành"},
}};

using ck = detail::commune_kind;


// The communes and wards from 2025-07-01, and the 143 communes, wards and towns until
// 2025-06-30 with the commune each merged into.
// 71 new, 143 old
constexpr std::array<new_commune_spec, 71> new_communes = {{
    {"Cao Lãnh", true}, {"Mỹ Phú", true}, {"Hòa Thuận", true}, {"Mỹ Trà", true}, {"Mỹ Ngãi", true},
    {"Hòa An", true}, {"Tân Thuận", false}, {"Sa Đéc", true}, {"An Hòa", true}, {"Tân Quy", true},
    {"Tân Khánh Đông", false}, {"Hồng Ngự", true}, {"An Bình", true}, {"Tân Hội", false},
    {"Tân Hồng", false}, {"Tân Hộ Cơ", false}, {"Tân Thành", false}, {"Tân Phước", false},
    {"Bình Phú", false}, {"Thường Phước", false}, {"Thường Thới Tiền", false},
    {"Thường Lạc", false}, {"Long Khánh", false}, {"Long Thuận", false}, {"Phú Thuận", false},
    {"Tràm Chim", false}, {"Tân Công Sính", false}, {"Phú Hiệp", false}, {"Phú Thành", false},
    {"An Long", false}, {"Hòa Bình", false}, {"Thanh Bình", false}, {"Tân Quới", false},
    {"An Phong", false}, {"Tân Thạnh", false}, {"Bình Thành", false}, {"Tân Huề", false},
    {"Tháp Mười", false}, {"Thạnh Lợi", false}, {"Trường Xuân", false}, {"Tân Kiều", false},
    {"Mỹ Quí", false}, {"Đốc Binh Kiều", false}, {"Thanh Mỹ", false}, {"Mỹ Thọ", false},
    {"Ba Sao", false}, {"Phương Thịnh", false}, {"Phong Mỹ", false}, {"Nhị Mỹ", false},
    {"Tân Hội Trung", false}, {"Mỹ Hiệp", false}, {"Bình Hàng Trung", false}, {"Lấp Vò", false},
    {"Mỹ An Hưng", false}, {"Tân Khánh Trung", false}, {"Long Hưng", false}, {"Vĩnh Thạnh", false},
    {"Định Yên", false}, {"Hội An Đông", false}, {"Lai Vung", false}, {"Long Hậu", false},
    {"Tân Dương", false}, {"Phong Hòa", false}, {"Vĩnh Thới", false}, {"Long Thắng", false},
    {"Cái Tàu Hạ", false}, {"An Hiệp", false}, {"Tân Nhuận Đông", false}, {"Tân Phú Trung", false},
    {"Phú Hựu", false}, {"An Phú Thuận", false},
}};
constexpr std::array<commune_spec, 143> old_communes = {{
    {"Phường 1", ck::phuong, 0, 0}, {"Phường 2", ck::phuong, 0, 0}, {"Phường 4", ck::phuong, 0, 0},
    {"Phường 3", ck::phuong, 0, 1}, {"Mỹ Phú", ck::phuong, 0, 1}, {"Phường 6", ck::phuong, 0, 2},
    {"Hòa Thuận", ck::phuong, 0, 2}, {"Phường 11", ck::phuong, 0, 3}, {"Mỹ Trà", ck::xa, 0, 3},
    {"Mỹ Ngãi", ck::xa, 0, 4}, {"Mỹ Tân", ck::xa, 0, 4}, {"Hòa An", ck::xa, 0, 5},
    {"Tịnh Thới", ck::xa, 0, 5}, {"Tân Thuận Tây", ck::xa, 0, 6}, {"Tân Thuận Đông", ck::xa, 0, 6},
    {"Phường 1", ck::phuong, 1, 7}, {"Phường 2", ck::phuong, 1, 7}, {"Phường 3", ck::phuong, 1, 7},
    {"Phường 4", ck::phuong, 1, 8}, {"An Hòa", ck::phuong, 1, 8},
    {"Tân Quy Đông", ck::phuong, 1, 9}, {"Tân Quy Tây", ck::xa, 1, 9},
    {"Tân Khánh Đông", ck::xa, 1, 10}, {"Tân Phú Đông", ck::xa, 1, 10},
    {"An Lộc", ck::phuong, 2, 11}, {"An Thạnh", ck::phuong, 2, 11}, {"An Lạc", ck::phuong, 2, 11},
    {"An Bình A", ck::phuong, 2, 12}, {"An Bình B", ck::phuong, 2, 12}, {"Tân Hội", ck::xa, 2, 13},
    {"Bình Thạnh", ck::xa, 2, 13}, {"Sa Rài", ck::thi_tran, 3, 14},
    {"Tân Công Chí", ck::xa, 3, 14}, {"Tân Hộ Cơ", ck::xa, 3, 15}, {"Thông Bình", ck::xa, 3, 15},
    {"Tân Thành A", ck::xa, 3, 16}, {"Tân Thành B", ck::xa, 3, 16}, {"Tân Phước", ck::xa, 3, 17},
    {"An Phước", ck::xa, 3, 17}, {"Bình Phú", ck::xa, 3, 18}, {"Thường Phước 1", ck::xa, 4, 19},
    {"Thường Phước 2", ck::xa, 4, 19}, {"Thường Thới Tiền", ck::thi_tran, 4, 20},
    {"Thường Thới Hậu A", ck::xa, 4, 20}, {"Thường Thới Hậu B", ck::xa, 4, 20},
    {"Thường Lạc", ck::xa, 4, 21}, {"Long Khánh A", ck::xa, 4, 22},
    {"Long Khánh B", ck::xa, 4, 22}, {"Long Thuận", ck::xa, 4, 23}, {"Phú Thuận A", ck::xa, 4, 23},
    {"Phú Thuận B", ck::xa, 4, 24}, {"Tràm Chim", ck::thi_tran, 5, 25}, {"Phú Thọ", ck::xa, 5, 25},
    {"Tân Công Sính", ck::xa, 5, 26}, {"Phú Cường", ck::xa, 5, 26}, {"Phú Hiệp", ck::xa, 5, 27},
    {"Phú Đức", ck::xa, 5, 27}, {"Phú Thành A", ck::xa, 5, 28}, {"Phú Thành B", ck::xa, 5, 28},
    {"An Long", ck::xa, 5, 29}, {"Phú Ninh", ck::xa, 5, 29}, {"Hòa Bình", ck::xa, 5, 30},
    {"An Hòa", ck::xa, 5, 30}, {"Thanh Bình", ck::thi_tran, 6, 31}, {"Tân Phú", ck::xa, 6, 31},
    {"Tân Bình", ck::xa, 6, 31}, {"Tân Quới", ck::xa, 6, 32}, {"Tân Hòa", ck::xa, 6, 32},
    {"An Phong", ck::xa, 6, 33}, {"Phú Lợi", ck::xa, 6, 33}, {"Tân Thạnh", ck::xa, 6, 34},
    {"Tân Mỹ", ck::xa, 6, 34}, {"Bình Thành", ck::xa, 6, 35}, {"Bình Tấn", ck::xa, 6, 35},
    {"Tân Huề", ck::xa, 6, 36}, {"Mỹ An", ck::thi_tran, 7, 37}, {"Mỹ An", ck::xa, 7, 37},
    {"Thạnh Lợi", ck::xa, 7, 38}, {"Hưng Thạnh", ck::xa, 7, 38}, {"Trường Xuân", ck::xa, 7, 39},
    {"Tân Kiều", ck::xa, 7, 40}, {"Mỹ Hòa", ck::xa, 7, 40}, {"Mỹ Quý", ck::xa, 7, 41},
    {"Mỹ Đông", ck::xa, 7, 41}, {"Đốc Binh Kiều", ck::xa, 7, 42}, {"Phú Điền", ck::xa, 7, 42},
    {"Thanh Mỹ", ck::xa, 7, 43}, {"Láng Biển", ck::xa, 7, 43}, {"Mỹ Thọ", ck::thi_tran, 8, 44},
    {"Mỹ Thọ", ck::xa, 8, 44}, {"Mỹ Xương", ck::xa, 8, 44}, {"Ba Sao", ck::xa, 8, 45},
    {"Gáo Giồng", ck::xa, 8, 45}, {"Phương Thịnh", ck::xa, 8, 46}, {"Phương Trà", ck::xa, 8, 46},
    {"Phong Mỹ", ck::xa, 8, 47}, {"Tân Nghĩa", ck::xa, 8, 47}, {"Nhị Mỹ", ck::xa, 8, 48},
    {"An Bình", ck::xa, 8, 48}, {"Tân Hội Trung", ck::xa, 8, 49}, {"Mỹ Hiệp", ck::xa, 8, 50},
    {"Mỹ Hội", ck::xa, 8, 50}, {"Mỹ Long", ck::xa, 8, 50}, {"Bình Hàng Trung", ck::xa, 8, 51},
    {"Bình Hàng Tây", ck::xa, 8, 51}, {"Bình Thạnh", ck::xa, 8, 51},
    {"Lấp Vò", ck::thi_tran, 9, 52}, {"Bình Thạnh Trung", ck::xa, 9, 52},
    {"Bình Thành", ck::xa, 9, 52}, {"Mỹ An Hưng A", ck::xa, 9, 53},
    {"Mỹ An Hưng B", ck::xa, 9, 53}, {"Tân Mỹ", ck::xa, 9, 53}, {"Tân Khánh Trung", ck::xa, 9, 54},
    {"Long Hưng A", ck::xa, 9, 55}, {"Long Hưng B", ck::xa, 9, 55}, {"Vĩnh Thạnh", ck::xa, 9, 56},
    {"Định Yên", ck::xa, 9, 57}, {"Định An", ck::xa, 9, 57}, {"Hội An Đông", ck::xa, 9, 58},
    {"Lai Vung", ck::thi_tran, 10, 59}, {"Hòa Long", ck::xa, 10, 59}, {"Long Hậu", ck::xa, 10, 60},
    {"Tân Thành", ck::xa, 10, 60}, {"Tân Dương", ck::xa, 10, 61}, {"Hòa Thành", ck::xa, 10, 61},
    {"Phong Hòa", ck::xa, 10, 62}, {"Định Hòa", ck::xa, 10, 62}, {"Vĩnh Thới", ck::xa, 10, 63},
    {"Tân Hòa", ck::xa, 10, 63}, {"Long Thắng", ck::xa, 10, 64}, {"Tân Phước", ck::xa, 10, 64},
    {"Cái Tàu Hạ", ck::thi_tran, 11, 65}, {"An Nhơn", ck::xa, 11, 65}, {"An Hiệp", ck::xa, 11, 66},
    {"Tân Bình", ck::xa, 11, 66}, {"Tân Nhuận Đông", ck::xa, 11, 67},
    {"Tân Phú Trung", ck::xa, 11, 68}, {"Tân Phú", ck::xa, 11, 68}, {"Phú Hựu", ck::xa, 11, 69},
    {"An Khánh", ck::xa, 11, 69}, {"Phú Long", ck::xa, 11, 69}, {"An Phú Thuận", ck::xa, 11, 70},
    {"Hòa Tân", ck::xa, 11, 70},
}};

constexpr std::string_view hamlet_names[] = {
    "An Lạc",   "An Ninh",   "Bình Hòa",  "Bình Lợi",  "Hòa Định",  "Long Phú",  "Mỹ Thạnh",
    "Phú Hòa",  "Tân Định",  "Tân Lập",   "Tân Thạnh", "Thạnh Phú", "Thới Hòa",  "Vĩnh Hòa",
    "Hưng Lợi", "Khánh An",  "Phước Hưng", "Tân Hòa",  "Mỹ Phước",  "Long Thạnh", "An Thuận",
    "Bình Thạnh", "Hòa Long", "Tân Lợi",  "Phú Mỹ",    "Tân Phú",   "Mỹ Hưng",   "Hòa Khánh",
    "Long Hòa", "Bình Phú",  "Tân Bình",  "Thạnh An",  "Phú Thạnh", "An Phú",    "Mỹ Lợi",
    "Hòa Bình", "Tân An",    "Long An",   "Bình An",   "Phú Lợi"};

// ---- the builder ------------------------------------------------------------------------

enum class level_tag : std::uint8_t { province, district, centre, commune, hamlet };

struct edu_spec {
  std::string_view code;   // `education`
  std::string_view field;  // `fields`, "" for none
};

/// The school that awarded an education code in a field.
inline std::string_view school_for(std::string_view code, std::string_view field) {
  if (code == "thac_si" || code == "chuyen_khoa_1")
    return field == "y_te_cong_cong" ? "Trường Đại học Y tế Công cộng"
                                     : "Trường Đại học Y Dược Cần Thơ";
  if (code == "dai_hoc") {
    if (field == "y_khoa" || field == "duoc" || field == "y_te_cong_cong" ||
        field == "dieu_duong_ho_sinh")
      return "Trường Đại học Y Dược Cần Thơ";
    if (field == "dan_so_y_te") return "Trường Đại học Y tế Công cộng";
    if (field == "luat" || field == "kinh_te_quan_ly") return "Trường Đại học Cần Thơ";
    return "Trường Đại học Đồng Tháp";
  }
  if (code == "cao_dang" || code == "trung_cap")
    return field == "khac" || field == "cntt" ? "Trường Cao đẳng Cộng đồng Đồng Tháp"
                                              : "Trường Cao đẳng Y tế Đồng Tháp";
  if (code == "so_cap") return "Trung tâm Y tế huyện";
  return {};
}

constexpr detail::province_style style = {"Đồng Tháp", "087", "DT", ymd(2020, 12, 31), 420,
                                          ymd(2024, 6, 30), ymd(2024, 9, 30), 750, school_for};

}  // namespace nangluc::detail::dong_thap
