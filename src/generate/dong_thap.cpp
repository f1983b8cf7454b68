// The Đồng Tháp example registry for plan 195/KH-UBND (seed 001): the provincial population
// sub-department, twelve districts with their health centres and population staff, 143
// communes, wards and towns with a seconded population officer and a health-station head, and
// the hamlets (ấp, khóm) with their health workers and population collaborators — until the
// 2025 reorganisation, then 71 merged communes and regional health centres. Training history
// from 2019 to 2026. Names, dates and the merger pattern are synthetic.
#include "generate/generate.hpp"

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

namespace nangluc {
namespace {

using detail::candidate;
using detail::course_plan;
using detail::first_new_day;
using detail::last_old_day;
using detail::name_set;
using detail::padded;
using detail::ymd;

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

using detail::commune_spec;
using detail::new_commune_spec;

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
std::string_view school_for(std::string_view code, std::string_view field) {
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

class dong_thap_builder final : public detail::provincial_builder<level_tag> {
 public:
  dong_thap_builder() : provincial_builder(0x446F6E6754686170ULL, style) {}

 private:
  void build_workforce() override { build_hamlets(); }

  // The December reviews, then the titles of the population public employees.
  void finish_history() override {
    assess_standard();
    for (const auto& s : titled_)
      add_title(s.first, s.second, d_.assignments[posts_[s.first.value].front()].when.from,
                last_day_in_post(s.first));
  }

  // ---- vocabulary ----------------------------------------------------------------------
  void lookup_terms() override {
    dan_so_ = t(vocab::sectors, "dan_so");
    y_te_ = t(vocab::sectors, "y_te");
    education_ = t(vocab::qualification_kinds, "education");
    certificate_ = t(vocab::qualification_kinds, "certificate");
    cong_chuc_ = t(vocab::categories, "cong_chuc");
    vien_chuc_ = t(vocab::categories, "vien_chuc");
    ctv_ = t(vocab::categories, "cong_tac_vien");
    vhw_ = t(vocab::categories, "nhan_vien_y_te_thon_ban");
    lanh_dao_ = t(vocab::roles, "lanh_dao");
    ethnic_terms_ = {t(vocab::ethnicities, "kinh"), t(vocab::ethnicities, "hoa"),
                     t(vocab::ethnicities, "khmer")};
  }

  // ---- units -------------------------------------------------------------------------------
  void build_territory() override {
    province_ = add_unit("87", "Tỉnh Đồng Tháp", "tinh", "tinh", {}, {level_tag::province});

    for (std::size_t i = 0; i < districts.size(); ++i) {
      const auto& s = districts[i];
      const unit_ix u = add_district(s.id, s.name, s.city, i, level_tag::district);
      add_quota(u, "vien_chuc", {}, dan_so_, s.staff + (i % 3 == 0 ? 1 : 0), {day_min, last_old_day});
    }
    // From 2025-07-01 the district health centres are regional centres of the Department of
    // Health; each keeps a population team.
    for (std::size_t i = 0; i < districts.size(); ++i) {
      const auto& s = districts[i];
      const unit_ix u = add_unit("TTYT" + std::string(s.id),
                                 "Trung tâm Y tế khu vực " + std::string(s.area), "huyen",
                                 "trung_tam_y_te", {first_new_day, day_max},
                                 {level_tag::centre, static_cast<int>(i)});
      set_parent(u, province_);
      centre_units_.push_back(u);
      add_quota(u, "vien_chuc", {}, dan_so_, 4, {first_new_day, day_max});
    }

    std::vector<int> fresh_district(new_communes.size(), -1);
    for (const auto& c : old_communes) fresh_district[static_cast<std::size_t>(c.successor)] = c.district;
    add_new_communes(new_communes, 30400, 4, level_tag::commune, fresh_district);
    add_old_communes(old_communes, 29869, 3, level_tag::commune, dan_so_);

    // Hamlets: khóm in wards and towns, ấp in communes; numbered or named, as each commune has
    // them. They stay, under the merged commune from 2025-07-01.
    for (std::size_t i = 0; i < old_communes.size(); ++i) {
      const auto& s = old_communes[i];
      const bool urban = s.kind != ck::xa;
      const int count = urban ? r_.between(4, 8) : r_.between(4, 9);
      const bool numbered = urban ? !r_.chance(200) : r_.chance(450);
      const std::string cid = d_.units[old_units_[i].value].id;
      std::vector<std::string_view> used;
      for (int k = 1; k <= count; ++k) {
        std::string name = urban ? "Khóm " : "Ấp ";
        if (numbered) {
          name += std::to_string(k);
        } else {
          std::string_view n;
          do n = r_.pick(std::span<const std::string_view>(hamlet_names));
          while (std::find(used.begin(), used.end(), n) != used.end());
          used.push_back(n);
          name += n;
        }
        const unit_ix h = add_unit(cid + (k < 10 ? "0" : "") + std::to_string(k), std::move(name),
                                   "thon", urban ? "khom" : "ap", {},
                                   {level_tag::hamlet, s.district, static_cast<int>(i), s.successor});
        set_parents_over_time(h, old_units_[i], new_units_[static_cast<std::size_t>(s.successor)]);
        hamlet_units_.push_back(h);
        add_quota(h, "cong_tac_vien", {"cong_tac_vien_dan_so"}, dan_so_, 1, {});
        add_quota(h, "nhan_vien_y_te_thon_ban", {}, y_te_, 1, {});
      }
    }
  }

  // ---- persons, posts and qualifications ---------------------------------------------------
  ethnic draw_ethnic() {
    const int roll = r_.between(0, 999);
    return roll < 975 ? ethnic::kinh : roll < 993 ? ethnic::hoa : ethnic::khmer;
  }

  person_ix add_person(bool female, day birth) {
    const auto g = static_cast<std::size_t>(draw_ethnic());
    return add_named_person(name_sets[g], female, birth, ethnic_terms_[g], true);
  }

  /// A person recruited on `start`, aged `min_age` to `max_age` then.
  person_ix recruit(int female_permille, day start, int min_age = 22, int max_age = 38) {
    const bool female = r_.chance(female_permille);
    const day birth = start - r_.between(min_age * 365 + 10, max_age * 365);
    return add_person(female, birth);
  }


  void add_education(person_ix p, const edu_spec& e, day start) {
    provincial_builder::add_education(p, e.code, e.field, start);
  }

  /// The population-worker certificate (bồi dưỡng dân số viên), taken before the plan.
  void record_certificate(person_ix p, day start) {
    add_dsv_certificate(p, std::max(start + 60, ymd(2008, 1, 1)), ymd(2020, 11, 30));
    if (has_dsv_.size() <= p.value) has_dsv_.resize(p.value + 1, false);
    has_dsv_[p.value] = true;
  }

  // Province: the population sub-department (Chi cục Dân số - KHHGĐ) under the Department of
  // Health: civil servants, leaders and trainers among them, one labour contract.
  struct province_spec {
    std::initializer_list<std::string_view> roles;
    edu_spec edu;
    bool certificate;
  };

  void build_province() override {
    const std::array<province_spec, 15> staff = {{
        {{"lanh_dao", "bao_cao_vien"}, {"chuyen_khoa_1", "y_te_cong_cong"}, true},
        {{"lanh_dao", "bao_cao_vien"}, {"thac_si", "y_te_cong_cong"}, true},
        {{"lanh_dao"}, {"dai_hoc", "y_khoa"}, true},
        {{"chuyen_vien_dan_so", "bao_cao_vien"}, {"dai_hoc", "dan_so_y_te"}, true},
        {{"chuyen_vien_dan_so", "bao_cao_vien"}, {"dai_hoc", "y_te_cong_cong"}, true},
        {{"chuyen_vien_dan_so", "bao_cao_vien"}, {"dai_hoc", "khoa_hoc_xa_hoi"}, true},
        {{"chuyen_vien_dan_so"}, {"dai_hoc", "dieu_duong_ho_sinh"}, true},
        {{"chuyen_vien_dan_so"}, {"dai_hoc", "kinh_te_quan_ly"}, true},
        {{"chuyen_vien_dan_so"}, {"dai_hoc", "dan_so_y_te"}, false},
        {{"chuyen_vien_dan_so"}, {"dai_hoc", "luat"}, false},
        {{"chuyen_vien_dan_so"}, {"dai_hoc", "cntt"}, false},
        {{"chuyen_vien_dan_so"}, {"dai_hoc", "khoa_hoc_xa_hoi"}, true},
        {{"chuyen_vien_dan_so"}, {"thac_si", "kinh_te_quan_ly"}, false},
        {{"chuyen_vien_dan_so"}, {"dai_hoc", "duoc"}, true},
        {{}, {"trung_cap", "khac"}, false},
    }};
    // An officer who retired before the plan.
    {
      const day start = r_.between(ymd(1996, 1, 1), ymd(2002, 12, 31));
      const person_ix p = recruit(500, start, 28, 36);
      add_post(p, province_, {}, cong_chuc_, roles({"chuyen_vien_dan_so"}), dan_so_, start,
               ymd(2019, 9, 30));
      add_education(p, {"dai_hoc", "dan_so_y_te"}, start);
    }
    for (std::size_t i = 0; i < staff.size(); ++i) {
      const auto& s = staff[i];
      const bool contract = i + 1 == staff.size();
      const day start = i < 3 ? r_.between(ymd(1999, 1, 1), ymd(2008, 12, 31))
                              : r_.between(ymd(2004, 1, 1), ymd(2020, 10, 31));
      const person_ix p = recruit(550, start);
      day end = day_max;
      if (i == 0) end = ymd(2024, 6, 30);   // retired
      if (i == 8) end = ymd(2022, 12, 31);  // moved to the Department of Health
      if (i == 10) end = ymd(2025, 3, 31);  // resigned
      add_post(p, province_, {}, contract ? t(vocab::categories, "hop_dong") : cong_chuc_,
               roles(s.roles), dan_so_, start, end);
      add_education(p, s.edu, start);
      if (s.certificate) record_certificate(p, start);
      if (!contract) add_civil_servant_extras(p, start, i < 3);
    }
    // Replacements: a new head transferred in, two young officers.
    // The roles are a vector, not an initializer_list: a list inside a tuple's constructor
    // arguments would dangle once the array is built (found by the asan preset).
    struct hire {
      day start;
      std::vector<std::string_view> roles;
      edu_spec edu;
      int female;
    };
    const hire hires[] = {
        {ymd(2023, 3, 1), {"chuyen_vien_dan_so"}, {"dai_hoc", "y_te_cong_cong"}, 700},
        {ymd(2024, 7, 1), {"lanh_dao", "bao_cao_vien"}, {"chuyen_khoa_1", "y_khoa"}, 300},
        {ymd(2025, 9, 3), {"chuyen_vien_dan_so"}, {"dai_hoc", "kinh_te_quan_ly"}, 600},
    };
    for (const auto& [start, r, edu, female] : hires) {
      const bool leader = std::find(r.begin(), r.end(), "lanh_dao") != r.end();
      const person_ix p = recruit(female, start, leader ? 40 : 23, leader ? 48 : 30);
      add_post(p, province_, {}, cong_chuc_, roles(r), dan_so_, start, day_max);
      add_education(p, edu, leader ? start - 15 * 365 : start);
      if (leader) record_certificate(p, start - 10 * 365);
      add_civil_servant_extras(p, leader ? start - 12 * 365 : start, leader);
    }
    add_quota(province_, "", {}, dan_so_, 16, {day_min, last_old_day});
    add_quota(province_, "", {}, dan_so_, 20, {first_new_day, day_max});
  }

  // Districts: the population team of each district health centre (public employees, one of
  // them its head, one a trainer) and the centre's director and deputy (health sector). On
  // 2025-07-01 the centres become regional centres; most staff stay, some go to communes or
  // the province.
  void build_districts() override {
    const std::string_view uni_fields[] = {"dan_so_y_te", "y_te_cong_cong", "y_khoa",
                                           "kinh_te_quan_ly", "khoa_hoc_xa_hoi", "dan_so_y_te",
                                           "dieu_duong_ho_sinh", "luat"};
    for (std::size_t di = 0; di < districts.size(); ++di) {
      const unit_ix du = district_units_[di];
      const unit_ix centre = centre_units_[di];
      // Population team.
      for (int k = 0; k < districts[di].staff; ++k) {
        const bool head = k == 0;
        const bool trainer = k == 1 || (k == 2 && di % 4 == 1);
        const day start = head ? r_.between(ymd(2002, 1, 1), ymd(2012, 12, 31))
                               : r_.between(ymd(2006, 1, 1), ymd(2020, 10, 31));
        const person_ix p = recruit(600, start);
        std::vector<std::string_view> rl = {"chuyen_vien_dan_so"};
        if (head) rl.insert(rl.begin(), "lanh_dao");
        if (trainer) rl.push_back("bao_cao_vien");
        std::vector<term> r;
        for (auto c : rl) r.push_back(t(vocab::roles, c));
        day end = last_old_day;
        if (!head && r_.chance(110)) end = r_.between(ymd(2021, 6, 1), ymd(2024, 12, 31));
        add_post(p, du, {}, vien_chuc_, r, dan_so_, start, end);
        const int roll = r_.between(0, 99);
        const edu_spec e = head || roll < 55 ? edu_spec{"dai_hoc", uni_fields[r_.below(8)]}
                           : roll < 70       ? edu_spec{"cao_dang", "dan_so_y_te"}
                                             : edu_spec{"trung_cap", roll < 90 ? "dan_so_y_te" : "y_khoa"};
        add_education(p, e, start);
        if (r_.chance(head ? 950 : 800)) record_certificate(p, start);
        titled_.emplace_back(p, e.code == "dai_hoc");
        team_.push_back({p, static_cast<int>(di), head, trainer, end});
        if (end != last_old_day) {
          const day rstart = end + r_.between(30, 160);
          if (rstart < ymd(2025, 5, 1)) {
            const person_ix q = recruit(650, rstart, 22, 29);
            std::vector<term> rq = roles({"chuyen_vien_dan_so"});
            if (trainer) rq.push_back(t(vocab::roles, "bao_cao_vien"));
            add_post(q, du, {}, vien_chuc_, rq, dan_so_, rstart, last_old_day);
            add_education(q, {"dai_hoc", r_.chance(500) ? "dan_so_y_te" : "y_te_cong_cong"}, rstart);
            titled_.emplace_back(q, true);
            team_.push_back({q, static_cast<int>(di), false, trainer, last_old_day});
          }
        }
      }
      // The health centre's director and deputy director.
      for (int k = 0; k < 2; ++k) {
        const day start = r_.between(ymd(1998, 1, 1), ymd(2012, 12, 31));
        const person_ix p = recruit(350, start, 24, 32);
        day end = last_old_day;
        const bool retires = (di + static_cast<std::size_t>(k)) % 5 == 2;
        if (retires) end = r_.between(ymd(2022, 3, 1), ymd(2024, 10, 31));
        add_post(p, du, {}, vien_chuc_, roles({"lanh_dao"}), y_te_, start, end);
        add_education(p, {k == 0 || r_.chance(500) ? "chuyen_khoa_1" : "dai_hoc",
                          r_.chance(750) ? "y_khoa" : "y_te_cong_cong"},
                      start);
        add_civil_servant_extras(p, start + 5 * 365, true);
        std::vector<person_ix> line = {p};
        if (retires) {
          const day nstart = end + 1;
          const person_ix q = recruit(450, nstart, 38, 48);
          add_post(q, du, {}, vien_chuc_, roles({"lanh_dao"}), y_te_, nstart, last_old_day);
          add_education(q, {"chuyen_khoa_1", "y_khoa"}, nstart - 12 * 365);
          add_civil_servant_extras(q, nstart - 10 * 365, true);
          line.push_back(q);
        }
        const person_ix last = line.back();
        // The regional centre keeps its directors, save one that retires at the merger.
        if (!r_.chance(100)) {
          add_post(last, centre, {}, vien_chuc_, roles({"lanh_dao"}), y_te_, first_new_day, day_max);
        } else {
          const person_ix q = recruit(450, first_new_day, 40, 50);
          add_post(q, centre, {}, vien_chuc_, roles({"lanh_dao"}), y_te_, first_new_day, day_max);
          add_education(q, {"chuyen_khoa_1", "y_khoa"}, first_new_day - 14 * 365);
          add_civil_servant_extras(q, first_new_day - 12 * 365, true);
        }
      }
    }
    // 2025-07-01: the teams in post move: most stay with the regional centre, some go to a
    // commune of their former district, a few to the province, a few leave.
    for (const auto& s : team_) {
      if (s.end != last_old_day) continue;
      const int roll = r_.between(0, 99);
      if (roll < 8) continue;
      std::vector<term> r = roles({"chuyen_vien_dan_so"});
      if (s.head) r.insert(r.begin(), lanh_dao_);
      if (s.trainer) r.push_back(t(vocab::roles, "bao_cao_vien"));
      if (roll < 68 || s.head) {
        add_post(s.p, centre_units_[static_cast<std::size_t>(s.district)], {}, vien_chuc_, r,
                 dan_so_, first_new_day, day_max);
      } else if (roll < 88) {
        add_post(s.p, new_commune_in(s.district), {}, vien_chuc_, roles({"chuyen_trach_dan_so_xa"}),
                 dan_so_, first_new_day, day_max);
      } else {
        add_post(s.p, province_, {}, vien_chuc_, roles({"chuyen_vien_dan_so"}), dan_so_,
                 first_new_day, day_max);
      }
    }
  }

  // Communes: a population officer employed by the district health centre and seconded to
  // the commune, and the head of the commune health station. Both go on in the merged
  // commune from 2025-07-01 (the heads of merged stations as head or deputy).
  void build_communes() override {
    for (std::size_t i = 0; i < old_communes.size(); ++i) {
      const auto& s = old_communes[i];
      const unit_ix cu = old_units_[i];
      const unit_ix employer = district_units_[static_cast<std::size_t>(s.district)];
      const unit_ix next = new_units_[static_cast<std::size_t>(s.successor)];

      // Population officer(s) over time.
      const int roll = r_.between(0, 99);
      edu_spec e{"so_cap", "dan_so_y_te"};
      if (roll < 24) e = {"dai_hoc", r_.chance(600) ? "dan_so_y_te" : "y_te_cong_cong"};
      else if (roll < 38) e = {"cao_dang", r_.chance(700) ? "dan_so_y_te" : "dieu_duong_ho_sinh"};
      else if (roll < 92) e = {"trung_cap", r_.chance(650) ? "dan_so_y_te" : "y_khoa"};
      const bool low = e.code == "so_cap";
      const day start = low ? r_.between(ymd(2003, 1, 1), ymd(2012, 12, 31))
                            : r_.between(ymd(2005, 1, 1), ymd(2020, 9, 30));
      if (start > ymd(2014, 1, 1) && r_.chance(250)) {
        const day pstart = r_.between(ymd(2001, 1, 1), ymd(2008, 12, 31));
        const person_ix q = recruit(650, pstart, 20, 32);
        add_post(q, cu, employer, vien_chuc_, roles({"chuyen_trach_dan_so_xa"}), dan_so_, pstart,
                 start - r_.between(1, 60));
        add_education(q, {"trung_cap", "dan_so_y_te"}, pstart);
      }
      const person_ix p = recruit(700, start, 20, 34);
      day end = last_old_day;
      if (r_.chance(80)) end = r_.between(ymd(2021, 9, 1), ymd(2025, 3, 31));
      add_post(p, cu, employer, vien_chuc_, roles({"chuyen_trach_dan_so_xa"}), dan_so_, start, end);
      add_education(p, e, start);
      if (r_.chance(low ? 600 : 820)) record_certificate(p, start);
      titled_.emplace_back(p, e.code == "dai_hoc");
      std::vector<person_ix> officers = {p};
      if (e.code != "dai_hoc" && end == last_old_day && r_.chance(70))
        add_qual(p, education_, t(vocab::education, "dai_hoc"), t(vocab::fields, "y_te_cong_cong"),
                 r_.between(ymd(2022, 6, 1), ymd(2025, 6, 1)), day_max,
                 "Trường Đại học Y tế Công cộng");
      if (end != last_old_day) {
        const day rstart = end + r_.between(20, 150);
        if (rstart < ymd(2025, 6, 1)) {
          const person_ix q = recruit(700, rstart, 22, 30);
          add_post(q, cu, employer, vien_chuc_, roles({"chuyen_trach_dan_so_xa"}), dan_so_, rstart,
                   last_old_day);
          const bool uni = r_.chance(550);
          add_education(q, {uni ? "dai_hoc" : "cao_dang", "dan_so_y_te"}, rstart);
          titled_.emplace_back(q, uni);
          officers.push_back(q);
        }
      }
      for (person_ix o : officers) {
        if (last_day_in_post(o) != last_old_day || r_.chance(50)) continue;
        const day oend = r_.chance(30) ? r_.between(ymd(2026, 1, 15), ymd(2026, 10, 30)) : day_max;
        add_post(o, next, {}, vien_chuc_, roles({"chuyen_trach_dan_so_xa"}), dan_so_, first_new_day,
                 oend);
      }

      // Head of the commune health station.
      {
        const day hstart = r_.between(ymd(2004, 1, 1), ymd(2020, 6, 30));
        const person_ix h = recruit(450, hstart, 25, 38);
        day hend = last_old_day;
        if (r_.chance(90)) hend = r_.between(ymd(2021, 10, 1), ymd(2025, 2, 28));
        std::vector<term> r = roles({"lanh_dao"});
        if (r_.chance(400)) r.push_back(t(vocab::roles, "cung_cap_dich_vu"));
        add_post(h, cu, {}, vien_chuc_, r, y_te_, hstart, hend);
        const int eroll = r_.between(0, 99);
        add_education(h, eroll < 55   ? edu_spec{"dai_hoc", "y_khoa"}
                         : eroll < 90 ? edu_spec{"trung_cap", "y_khoa"}
                                      : edu_spec{"cao_dang", "dieu_duong_ho_sinh"},
                      hstart);
        std::vector<person_ix> heads = {h};
        if (hend != last_old_day) {
          const day nstart = hend + r_.between(1, 60);
          const person_ix q = recruit(500, nstart, 28, 40);
          add_post(q, cu, {}, vien_chuc_, r, y_te_, nstart, last_old_day);
          add_education(q, {"dai_hoc", "y_khoa"}, nstart - 5 * 365);
          heads.push_back(q);
        }
        const person_ix last = heads.back();
        if (last_day_in_post(last) == last_old_day && !r_.chance(60))
          add_post(last, next, {}, vien_chuc_, r, y_te_, first_new_day, day_max);
      }
    }
  }

  // Hamlets: a population collaborator and a hamlet health worker (often the same person,
  // holding both posts), with turnover before and after the plan.
  void build_hamlets() {
    for (std::size_t i = 0; i < hamlet_units_.size(); ++i) {
      const unit_ix h = hamlet_units_[i];
      auto edu = [&](person_ix p, day from) {
        const int roll = r_.between(0, 99);
        if (roll < 62)
          add_education(p, {"pho_thong", ""}, from);
        else if (roll < 74)
          add_education(p, {"so_cap", "y_khoa"}, from);
        else if (roll < 90)
          add_education(p, {"trung_cap", r_.chance(600) ? "y_khoa" : "dieu_duong_ho_sinh"}, from);
        // else: not recorded
      };
      // Each post is a line of holders over time; in `both` hamlets one person (and each
      // successor) holds the two posts together.
      const bool both = r_.chance(450);
      auto serve = [&](bool collaborator, bool health, day from, day to) {
        const person_ix p = recruit(collaborator ? 720 : 600, from, 20, health ? 45 : 50);
        if (collaborator)
          add_post(p, h, {}, ctv_, roles({"cong_tac_vien_dan_so"}), dan_so_, from, to);
        if (health) add_post(p, h, {}, vhw_, {}, y_te_, from, to);
        edu(p, from);
        return p;
      };
      auto line = [&](bool collaborator, bool health, int vacant_permille) {
        if (r_.chance(vacant_permille)) {
          // Vacant at the start of the plan; some filled later.
          if (r_.chance(500))
            serve(collaborator, health, r_.between(ymd(2022, 3, 1), ymd(2025, 10, 31)), day_max);
          return;
        }
        const day start = r_.between(ymd(2008, 1, 1), ymd(2020, 11, 30));
        day end = day_max;
        if (r_.chance(160)) end = r_.between(ymd(2021, 6, 1), ymd(2026, 9, 30));
        serve(collaborator, health, start, end);
        if (end != day_max && r_.chance(850)) {
          const day next = end + r_.between(15, 120);
          if (next < history_end) serve(collaborator, health, next, day_max);
        }
      };
      if (both) {
        line(true, true, 40);
      } else {
        line(true, false, 60);
        line(false, true, 70);
      }
    }
  }

  // ---- training -------------------------------------------------------------------------------
  int pace_of(std::uint32_t post) const {
    const int di = district_of(d_.assignments[post]);
    return di < 0 ? 1000 : districts[static_cast<std::size_t>(di)].pace;
  }

  struct offer_terms {
    int rate = 1000;       // ‰ offered a place (scaled by the district's pace)
    int complete = 950;    // ‰ of those enrolled who complete
    std::vector<bool>* done = nullptr;  // who completed, for courses taken once
    std::vector<day>* done_on = nullptr;  // … and when
    bool scored = false;
    std::size_t limit = std::numeric_limits<std::size_t>::max();
    bool paced = true;
  };

  /// Enrols candidates; most complete, the rest withdraw or fail. Returns how many enrolled.
  std::int64_t offer(session_ix s, std::vector<candidate> candidates, const offer_terms& o) {
    // Places are limited: those who apply first are not always those listed first.
    if (o.limit != std::numeric_limits<std::size_t>::max()) r_.shuffle(candidates);
    std::int64_t n = 0;
    for (const auto& c : candidates) {
      if (static_cast<std::size_t>(n) >= o.limit) break;
      if (o.done != nullptr && (*o.done)[c.p.value]) continue;
      const int rate = o.paced ? std::min(1000, o.rate * pace_of(c.post) / 1000) : o.rate;
      if (!r_.chance(rate)) continue;
      ++n;
      if (enroll_one(c.p, s, o.complete, o.scored)) {
        if (o.done != nullptr) (*o.done)[c.p.value] = true;
        if (o.done_on != nullptr) (*o.done_on)[c.p.value] = end_of(s);
      }
    }
    if (enrolled_.size() <= s.value) enrolled_.resize(s.value + 1, 0);
    enrolled_[s.value] += n;
    settle(s, enrolled_[s.value]);
    return n;
  }

  std::string centre_name(int di) const {
    const auto& s = districts[static_cast<std::size_t>(di)];
    return std::string(s.city ? "Trung tâm Y tế thành phố " : "Trung tâm Y tế huyện ") +
           std::string(s.name.substr(s.name.find(' ', s.city ? 10 : 0) + 1));
  }

  void build_training() override {
    has_dsv_.resize(d_.persons.size(), false);
    has_cdnn_.assign(d_.persons.size(), false);
    has_elementary_.assign(d_.persons.size(), false);
    cdnn_on_.assign(d_.persons.size(), day_max);
    elementary_on_.assign(d_.persons.size(), day_max);
    const course_plan dsv = add_course(
        "BD-DSV", "Bồi dưỡng dân số viên", "boi_duong",
        {"truyen_thong_tu_van", "thong_ke_du_lieu", "dich_vu_khhgd_sksss"}, 120, "bd_dan_so_vien",
        30'000'000, 2'200'000, 26);
    const course_plan basic = add_course(
        "BD-DSCB", "Bồi dưỡng dân số cơ bản cho đội ngũ công chức làm công tác dân số", "boi_duong",
        {"dan_so_co_ban"}, 40, "bd_dan_so_co_ban", 9'000'000, 900'000, 5);
    const course_plan cdnn = add_course(
        "BD-CDNN", "Bồi dưỡng theo tiêu chuẩn chức danh nghề nghiệp viên chức dân số", "boi_duong",
        {"chuan_cdnn_dan_so"}, 160, "chuan_cdnn_dan_so", 25'000'000, 3'000'000, 30);
    const course_plan mgmt = add_course(
        "BD-QLDSPT", "Bồi dưỡng quản lý dân số và phát triển cho lãnh đạo đơn vị y tế", "boi_duong",
        {"quan_ly_dan_so_phat_trien"}, 40, "bd_quan_ly_dan_so_phat_trien", 10'000'000, 1'200'000, 5);
    const course_plan elementary = add_course(
        "DT-SCDS", "Đào tạo sơ cấp dân số - kế hoạch hóa gia đình (3 tháng)", "dao_tao",
        {"dan_so_co_ban", "dich_vu_khhgd_sksss", "truyen_thong_tu_van"}, 440, "so_cap_dan_so_khhgd",
        40'000'000, 4'500'000, 88);
    const course_plan commune = add_course(
        "TH-DSXA", "Tập huấn nghiệp vụ cho viên chức dân số xã", "tap_huan",
        {"dan_so_co_ban", "thong_ke_du_lieu"}, 16, "", 3'000'000, 350'000, 2);
    const course_plan ctv = add_course(
        "TH-CTV", "Tập huấn kỹ năng cho cộng tác viên dân số", "tap_huan",
        {"truyen_thong_tu_van", "dan_so_co_ban"}, 8, "", 2'500'000, 150'000, 1);
    const course_plan vhw = add_course(
        "TH-YTKA", "Tập huấn công tác dân số cho nhân viên y tế khóm, ấp", "tap_huan",
        {"dan_so_co_ban", "dich_vu_khhgd_sksss"}, 16, "", 3'000'000, 200'000, 2);
    const course_plan trainers = add_course(
        "BD-GV", "Bồi dưỡng giảng viên, báo cáo viên dân số", "boi_duong", {"giang_vien"}, 40, "",
        9'000'000, 1'000'000, 5);
    const course_plan stats = add_course(
        "TH-TKDL", "Tập huấn thống kê, cơ sở dữ liệu dân số", "tap_huan",
        {"thong_ke_du_lieu", "cntt"}, 16, "", 4'000'000, 400'000, 2);

    const std::string hall = "Hội trường Sở Y tế tỉnh Đồng Tháp";
    const std::string college = "Trường Cao đẳng Y tế Đồng Tháp";
    const std::string university = "Trường Đại học Đồng Tháp";
    auto pop_staff = [this](const assignment& a) {
      return a.sector == dan_so_ && a.category != ctv_;
    };
    auto officer = [this](const assignment& a) {
      return a.sector == dan_so_ && has_role(a, "chuyen_trach_dan_so_xa");
    };

    // -- Before the plan: commune and collaborator refreshers, a pilot elementary class.
    strand(0xD7'2019, [&] {
      for (int y = 2019; y <= 2020; ++y) {
        for (std::size_t di = 0; di < districts.size(); ++di) {
          const int target = static_cast<int>(di);
          const session_ix s = add_session(commune, ymd(y, 4, r_.between(6, 24)), district_units_[di],
                                           centre_name(target), 30);
          offer(s, in_post(end_of(s), [&](const assignment& a) {
                  return officer(a) && district_of(a) == target;
                }), {.rate = 700, .complete = 960});
          const session_ix c = add_session(ctv, ymd(y, 5, r_.between(4, 28)), district_units_[di],
                                           centre_name(target), 80);
          offer(c, in_post(end_of(c), [&](const assignment& a) {
                  return a.category == ctv_ && district_of(a) == target;
                }), {.rate = 400, .complete = 930});
        }
      }
      const session_ix pilot = add_session(elementary, ymd(2020, 8, 3), province_, college, 35);
      offer(pilot, in_post(end_of(pilot), [&](const assignment& a) { return a.category == vhw_; }),
            {.rate = 60,
             .complete = 900,
             .done = &has_elementary_,
             .done_on = &elementary_on_,
             .scored = true,
             .limit = 35});
    });

    // -- The plan's years. Each strand has its own random stream.
    auto leader = [this](const assignment& a) {
      const level_tag g = tag_of(a);
      return has_role(a, "lanh_dao") && (a.sector == y_te_ || a.sector == dan_so_) &&
             (g == level_tag::district || g == level_tag::centre || g == level_tag::commune);
    };
    auto trainer = [this](const assignment& a) {
      return a.sector == dan_so_ && has_role(a, "bao_cao_vien");
    };
    auto vien_chuc_dan_so = [this](const assignment& a) {
      return a.sector == dan_so_ && a.category == vien_chuc_;
    };

    // Commune population officers: a refresher every year, by district until the merger,
    // then by cluster of merged communes (2021: only the districts free of COVID-19 curbs).
    strand(0xD7'0001, [&] {
      for (int y = 2021; y <= 2026; ++y) {
        if (y <= 2024) {
          for (std::size_t di = 0; di < districts.size(); ++di) {
            if (y == 2021 && di % 12 >= 7) continue;
            const int target = static_cast<int>(di);
            const session_ix s = add_session(commune, ymd(y, y == 2021 ? 10 : 4, r_.between(6, 24)),
                                             district_units_[di], centre_name(target), 30);
            offer(s, in_post(end_of(s), [&](const assignment& a) {
                    return officer(a) && district_of(a) == target;
                  }), {.rate = 960, .complete = 960});
          }
        } else {
          for (int cluster = 0; cluster < 4; ++cluster) {
            const session_ix s = add_session(commune, ymd(y, 10, 6 + 4 * cluster), province_, hall, 50);
            offer(s, in_post(end_of(s), [&](const assignment& a) {
                    return officer(a) && district_of(a) % 4 == cluster;
                  }), {.rate = 940, .complete = 960});
          }
        }
      }
    });

    // Collaborators: a yearly skills workshop, by district, then by merged commune.
    strand(0xD7'0002, [&] {
      for (int y = 2021; y <= 2026; ++y) {
        const int rate = y == 2021 ? 300 : y == 2023 ? 420 : 560;
        if (y <= 2024) {
          for (std::size_t di = 0; di < districts.size(); ++di) {
            for (int half = 0; half < 2; ++half) {
              const int target = static_cast<int>(di);
              const session_ix s = add_session(ctv, ymd(y, 5, r_.between(4, 28)), district_units_[di],
                                               centre_name(target), 80);
              offer(s, in_post(end_of(s), [&](const assignment& a) {
                      return a.category == ctv_ && district_of(a) == target &&
                             static_cast<int>(a.person.value % 2) == half;
                    }), {.rate = rate, .complete = 930});
            }
          }
        } else {
          for (std::size_t ci = 0; ci < new_units_.size(); ++ci) {
            const int target = static_cast<int>(ci);
            const session_ix s = add_session(ctv, ymd(y, 8, r_.between(4, 28)), new_units_[ci],
                                             "Hội trường UBND " + d_.units[new_units_[ci].value].name, 60);
            offer(s, in_post(end_of(s), [&](const assignment& a) {
                    return a.category == ctv_ && info_[a.unit.value].fresh == target;
                  }), {.rate = rate, .complete = 930});
          }
        }
      }
    });

    // Hamlet health workers: a population-work workshop every other year.
    strand(0xD7'0003, [&] {
      for (int y : {2022, 2024, 2026}) {
        for (std::size_t di = 0; di < districts.size(); ++di) {
          const int target = static_cast<int>(di);
          const session_ix s = add_session(vhw, ymd(y, 6, r_.between(6, 26)),
                                           y <= 2024 ? district_units_[di] : centre_units_[di],
                                           centre_name(target), 90);
          offer(s, in_post(end_of(s), [&](const assignment& a) {
                  return a.category == vhw_ && district_of(a) == target;
                }), {.rate = 450, .complete = 940});
        }
      }
    });

    // Population-worker training for staff who lack the certificate.
    strand(0xD7'0004, [&] {
      for (day start : {ymd(2022, 7, 4), ymd(2024, 7, 1)}) {
        const session_ix s = add_session(dsv, start, province_, college, 40);
        offer(s, in_post(start + dsv.days - 1, pop_staff),
              {.rate = 750, .complete = 920, .done = &has_dsv_, .scored = true, .limit = 40});
      }
    });

    // Target 1: leaders of district and commune health units, population-and-development
    // management (two classes a year, 2022–2025).
    strand(0xD7'0005, [&] {
      std::vector<bool> done(d_.persons.size(), false);
      const std::pair<day, int> rounds[] = {{ymd(2022, 8, 8), 460}, {ymd(2023, 8, 7), 480},
                                            {ymd(2024, 8, 5), 520}, {ymd(2025, 9, 8), 620}};
      for (const auto& [start, rate] : rounds) {
        for (int cluster = 0; cluster < 2; ++cluster) {
          const day from = start + 14 * cluster;
          const session_ix s = add_session(mgmt, from, province_, hall, 80);
          offer(s, in_post(from + mgmt.days - 1, [&](const assignment& a) {
                  return leader(a) && std::max(district_of(a), 0) % 2 == cluster;
                }), {.rate = rate, .complete = 960, .done = &done});
        }
      }
    });

    // Target 2: the professional-title standard for population public employees.
    strand(0xD7'0006, [&] {
      const std::pair<day, int> rounds[] = {
          {ymd(2022, 9, 12), 250}, {ymd(2022, 11, 7), 250}, {ymd(2023, 9, 11), 320},
          {ymd(2023, 11, 6), 320}, {ymd(2024, 9, 9), 360},  {ymd(2024, 11, 4), 360},
          {ymd(2025, 9, 15), 400}, {ymd(2025, 11, 3), 400}, {ymd(2026, 9, 14), 600}};
      for (const auto& [start, rate] : rounds) {
        const session_ix s = add_session(cdnn, start, province_, university, 40);
        offer(s, in_post(start + cdnn.days - 1, vien_chuc_dan_so),
              {.rate = rate,
               .complete = 940,
               .done = &has_cdnn_,
               .done_on = &cdnn_on_,
               .scored = true,
               .limit = 40});
      }
    });

    // Target 4 and 5: the basic population course for civil servants and trainers
    // (from 2023).
    strand(0xD7'0007, [&] {
      std::vector<bool> done(d_.persons.size(), false);
      for (day start : {ymd(2023, 10, 16), ymd(2025, 5, 12), ymd(2026, 5, 11), ymd(2026, 10, 12)}) {
        const session_ix s = add_session(basic, start, province_, hall, 40);
        const day end = start + basic.days - 1;
        // Civil servants of the sub-department first; few places for the districts' trainers.
        offer(s, in_post(end, [&](const assignment& a) {
                return a.sector == dan_so_ && tag_of(a) == level_tag::province &&
                       (a.category == cong_chuc_ || has_role(a, "bao_cao_vien"));
              }), {.rate = 450, .complete = 950, .done = &done});
        offer(s, in_post(end, [&](const assignment& a) {
                return trainer(a) && tag_of(a) != level_tag::province;
              }), {.rate = 240, .complete = 950, .done = &done});
      }
    });

    // Trainers' course and statistics workshops.
    strand(0xD7'0008, [&] {
      for (day start : {ymd(2022, 3, 14), ymd(2025, 3, 10)}) {
        const session_ix s = add_session(trainers, start, province_, hall, 25);
        offer(s, in_post(start + trainers.days - 1, trainer), {.rate = 900, .complete = 960});
      }
      for (day start : {ymd(2023, 10, 2), ymd(2025, 10, 20)}) {
        const session_ix s = add_session(stats, start, province_, hall, 60);
        offer(s, in_post(start + stats.days - 1, pop_staff),
              {.rate = 300, .complete = 950, .limit = 60});
      }
    });

    // The 3-month elementary course: most places for hamlet health workers, the rest for
    // collaborators.
    strand(0xD7'0009, [&] {
      for (day start : {ymd(2023, 3, 6), ymd(2024, 3, 4), ymd(2024, 8, 5), ymd(2025, 3, 3),
                        ymd(2025, 6, 2), ymd(2025, 8, 4), ymd(2026, 3, 2), ymd(2026, 8, 3)}) {
        const session_ix s = add_session(elementary, start, province_, college, 35);
        const day end = start + elementary.days - 1;
        offer(s, in_post(end, [&](const assignment& a) { return a.category == vhw_; }),
              {.rate = 500,
               .complete = 900,
               .done = &has_elementary_,
               .done_on = &elementary_on_,
               .scored = true,
               .limit = 28});
        offer(s, in_post(end, [&](const assignment& a) { return a.category == ctv_; }),
              {.rate = 500,
               .complete = 900,
               .done = &has_elementary_,
               .done_on = &elementary_on_,
               .scored = true,
               .limit = 7});
      }
    });
  }

  static int education_rank(std::string_view code) {
    if (code == "pho_thong") return 1;
    if (code == "so_cap") return 2;
    if (code == "trung_cap") return 3;
    if (code == "cao_dang") return 4;
    if (code == "dai_hoc") return 5;
    if (code == "thac_si" || code == "chuyen_khoa_1") return 6;
    return 0;
  }

  // Each December the Department of Health reviews the population public employees: those
  // who have done the professional-title course and have at least intermediate education (or
  // the elementary population certificate) are recognised as meeting their job position.
  void assess_standard() {
    const auto& edu_vocab = d_.vocabularies.at(vocab::education);
    std::vector<int> rank(d_.persons.size(), 0);
    for (const auto& q : d_.qualifications)
      if (q.kind == education_)
        rank[q.person.value] = std::max(rank[q.person.value], education_rank(edu_vocab.code(q.code)));
    std::vector<bool> recognised(d_.persons.size(), false);
    strand(0xD7'000A, [&] {
      for (int y = 2022; y <= 2026; ++y) {
        const day review = ymd(y, 12, 15);
        for (const auto& c : in_post(review, [this](const assignment& a) {
               return a.sector == dan_so_ && a.category == vien_chuc_;
             })) {
          const auto p = c.p.value;
          if (recognised[p] || cdnn_on_[p] > review) continue;
          if (rank[p] < 3 && elementary_on_[p] > review) continue;
          if (!r_.chance(std::min(1000, 760 * pace_of(c.post) / 1000))) continue;
          recognised[p] = true;
          add_qual(c.p, certificate_, t("certificate", "dat_chuan_vien_chuc_dan_so"), {}, review,
                   day_max, "Sở Y tế tỉnh Đồng Tháp");
        }
      }
    });
  }

  struct team_member {
    person_ix p;
    int district;
    bool head;
    bool trainer;
    day end;
  };

  std::vector<team_member> team_;
  std::vector<std::pair<person_ix, bool>> titled_;  // population public employees (university?)
  std::vector<std::int64_t> enrolled_;  // by session, over every offer
  std::vector<bool> has_dsv_, has_cdnn_, has_elementary_;
  std::vector<day> cdnn_on_, elementary_on_;  // when each completed the course (day_max: not)

  std::vector<unit_ix> centre_units_, hamlet_units_;

  term dan_so_, y_te_, education_, certificate_, cong_chuc_, vien_chuc_, ctv_, vhw_, lanh_dao_;
  std::array<term, 3> ethnic_terms_{};
};

}  // namespace

registry generate_dong_thap() { return dong_thap_builder().build(); }

}  // namespace nangluc
