// The national workload of performance.md: a ministry-wide registry of the population
// workforce, 2016–2030, with the 2025 mergers — synthetic, deterministic for a seed, scaled by
// the number of persons, and built in one pass into contiguous arrays.
#include "generate/generate.hpp"

#include "generate/common.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nangluc {
namespace {

using detail::career_steps_day;
using detail::first_new_day;
using detail::last_old_day;
using detail::name_set;
using detail::padded;
using detail::ymd;

// ---- calendar ---------------------------------------------------------------------------------

constexpr day history_from = ymd(2016, 1, 1);  // training history covers 2016–2030
constexpr day history_to = ymd(2030, 12, 31);
constexpr day quota_old_ref = ymd(2021, 12, 1);  // quotas are set from staffing on these days
constexpr day quota_new_ref = ymd(2027, 1, 1);
constexpr day year_days = 365;

/// `base` scaled by persons / 1,000,000, rounded, at least `floor`.
std::size_t scaled(std::size_t base, std::size_t persons, std::size_t floor) {
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

region_kind region_of(std::string_view code) {
  for (std::string_view c : {"02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20"})
    if (c == code) return region_kind::north_mountain;
  for (std::string_view c : {"62", "64", "66", "67"})
    if (c == code) return region_kind::central_highlands;
  for (std::string_view c : {"84", "89", "91", "94", "95"})
    if (c == code) return region_kind::mekong;
  return region_kind::other;
}

bool is_south(std::string_view code) { return code >= "70"; }

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

class national_builder : detail::builder {
 public:
  explicit national_builder(const national_options& o)
      : builder(0x6E616E676C756300ULL ^ (o.seed * 0x9E3779B97F4A7C15ULL), false), opt_(o) {}

  registry build() {
    lookup_terms();
    build_tree();
    build_persons();
    build_courses();
    build_sessions();
    build_enrollments();
    build_quotas();
    release_scratch();
    return finish();
  }

 private:
  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::int16_t national_region = -1;
  static constexpr std::int16_t no_region = -2;

  void lookup_terms() {
    lv_ = {t(vocab::levels, "quoc_gia"), t(vocab::levels, "tinh"), t(vocab::levels, "huyen"),
           t(vocab::levels, "xa"), t(vocab::levels, "thon")};
    dan_so_ = t(vocab::sectors, "dan_so");
    y_te_ = t(vocab::sectors, "y_te");
    gia_dinh_ = t(vocab::sectors, "gia_dinh");
    vhxh_ = t(vocab::sectors, "van_hoa_xa_hoi");
    cat_cong_chuc_ = t(vocab::categories, "cong_chuc");
    cat_vien_chuc_ = t(vocab::categories, "vien_chuc");
    cat_hop_dong_ = t(vocab::categories, "hop_dong");
    cat_ctv_ = t(vocab::categories, "cong_tac_vien");
    cat_vhw_ = t(vocab::categories, "nhan_vien_y_te_thon_ban");
    cat_part_time_ = t(vocab::categories, "khong_chuyen_trach");
    role_leader_ = t(vocab::roles, "lanh_dao");
    role_specialist_ = t(vocab::roles, "chuyen_vien_dan_so");
    role_commune_officer_ = t(vocab::roles, "chuyen_trach_dan_so_xa");
    role_board_head_ = t(vocab::roles, "truong_ban_dan_so_xa");
    role_provider_ = t(vocab::roles, "cung_cap_dich_vu");
    role_trainer_ = t(vocab::roles, "bao_cao_vien");
    role_ctv_ = t(vocab::roles, "cong_tac_vien_dan_so");
    role_family_ = t(vocab::roles, "can_bo_gia_dinh");
    role_vhxh_ = t(vocab::roles, "cong_chuc_vhxh");
    qk_education_ = t(vocab::qualification_kinds, "education");
    qk_certificate_ = t(vocab::qualification_kinds, "certificate");
    qk_title_ = t(vocab::qualification_kinds, "professional_title");
    qk_political_ = t(vocab::qualification_kinds, "political_theory");
    qk_state_ = t(vocab::qualification_kinds, "state_management");
    qk_it_ = t(vocab::qualification_kinds, "it");
    qk_language_ = t(vocab::qualification_kinds, "language");
    {
      std::size_t k = 0;
      for (std::string_view c : {"chua_qua_dao_tao", "pho_thong", "so_cap", "trung_cap", "cao_dang",
                                 "dai_hoc", "thac_si", "chuyen_khoa_1", "tien_si"})
        q_.education[k++] = t(vocab::education, c);
      q_.dan_so_y_te = t(vocab::fields, "dan_so_y_te");
      k = 0;
      for (std::string_view c : {"y_khoa", "dieu_duong_ho_sinh", "duoc", "y_te_cong_cong"})
        q_.medical_fields[k++] = t(vocab::fields, c);
      k = 0;
      for (std::string_view c : {"dan_so_y_te", "khoa_hoc_xa_hoi", "kinh_te_quan_ly", "luat", "cntt", "khac"})
        q_.other_fields[k++] = t(vocab::fields, c);
      q_.so_cap_dan_so = t("certificate", "so_cap_dan_so_khhgd");
      q_.dan_so_co_ban = t("certificate", "bd_dan_so_co_ban");
      q_.dan_so_vien = t("certificate", "bd_dan_so_vien");
      q_.dat_chuan = t("certificate", "dat_chuan_vien_chuc_dan_so");
      q_.ranks = {t("professional_title", "dan_so_vien_hang_ii"), t("professional_title", "dan_so_vien_hang_iii"),
                  t("professional_title", "dan_so_vien_hang_iv")};
      q_.steps = {t("professional_title", "bac_3"), t("professional_title", "bac_2"),
                  t("professional_title", "bac_1")};
      q_.political_mid = t("political_theory", "trung_cap");
      q_.political_high = t("political_theory", "cao_cap");
      q_.state_clerk = t("state_management", "can_su");
      q_.state_specialist = t("state_management", "chuyen_vien");
      q_.it_basic = t("it", "cntt_co_ban");
      q_.it_advanced = t("it", "cntt_nang_cao");
      q_.language = {t("language", "bac_2"), t("language", "bac_3"), t("language", "bac_4")};
    }
    for (std::size_t i = 0; i < ethnic_groups.size(); ++i)
      ethnic_terms_[i] = declared(vocab::ethnicities, {ethnic_groups[i].code});
  }

  // ---- the tree ------------------------------------------------------------------------------
  std::uint32_t add_unit(std::string id, std::string name, term level, std::string_view kind,
                         day_range valid, std::int16_t pre, std::int16_t post) {
    pre_region_.push_back(pre);
    post_region_.push_back(post);
    return builder::add_unit(std::move(id), std::move(name), level, kind, valid).value;
  }
  void set_parent(std::uint32_t child, std::uint32_t parent) { builder::set_parent(unit_ix{child}, unit_ix{parent}); }

  std::string place_name() {
    const std::span<const std::string_view> s(place_syllables);
    std::string_view a = r_.pick(s);
    std::string_view b = r_.pick(s);
    while (b == a) b = r_.pick(s);
    return std::string(a) + " " + std::string(b);
  }

  /// Splits `total` into `parts` positive shares drawn around the mean (each at least `min`).
  std::vector<std::size_t> split(std::size_t total, std::size_t parts, std::size_t min) {
    std::vector<std::size_t> out(parts);
    const std::size_t mean = std::max<std::size_t>(total / parts, min);
    std::size_t sum = 0;
    for (auto& v : out) {
      const std::size_t spread = std::max<std::size_t>(mean, 1);
      v = std::max(min, mean / 2 + r_.below(spread + 1));
      sum += v;
    }
    // Nudge until the shares add up exactly.
    while (sum != total) {
      auto& v = out[r_.below(parts)];
      if (sum < total) {
        const std::size_t add = std::min<std::size_t>(total - sum, std::max<std::size_t>(1, mean / 4));
        v += add;
        sum += add;
      } else if (v > min) {
        const std::size_t sub = std::min({sum - total, v - min, std::max<std::size_t>(1, mean / 4)});
        v -= sub;
        sum -= sub;
      }
    }
    return out;
  }

  void build_tree() {
    const std::size_t n = opt_.persons;
    const std::size_t old_communes = std::max(scaled(10'000, n, 0), 2 * district_total);
    const std::size_t new_communes = std::min(scaled(3'321, n, 2 * new_provinces.size()), old_communes);
    const std::size_t villages = std::max(scaled(100'000, n, 0), old_communes);
    d_.units.reserve(1 + old_provinces.size() + new_provinces.size() + district_total +
                     old_communes + new_communes + villages);

    root_ = add_unit("VN", "Việt Nam", lv_[0], "", {}, national_region, national_region);

    // Provinces. An unchanged province is one unit throughout; merged ones end on 2025-06-30.
    old_province_unit_.assign(old_provinces.size(), none);
    old_to_new_.assign(old_provinces.size(), 0);
    new_province_unit_.assign(new_provinces.size(), none);
    for (std::size_t j = 0; j < new_provinces.size(); ++j)
      for (std::string_view c : new_provinces[j].from)
        for (std::size_t i = 0; i < old_provinces.size(); ++i)
          if (!c.empty() && old_provinces[i].code == c) old_to_new_[i] = static_cast<std::uint32_t>(j);
    for (std::size_t i = 0; i < old_provinces.size(); ++i) {
      const auto& p = old_provinces[i];
      const std::size_t j = old_to_new_[i];
      const bool unchanged = new_provinces[j].from[1].empty();
      const auto u = add_unit(std::string(p.code), std::string(p.city ? "Thành phố " : "Tỉnh ") + std::string(p.name),
                              lv_[1], p.city ? "thanh_pho_tw" : "tinh",
                              {day_min, unchanged ? day_max : last_old_day},
                              static_cast<std::int16_t>(i),
                              unchanged ? static_cast<std::int16_t>(old_provinces.size() + j) : no_region);
      set_parent(u, root_);
      old_province_unit_[i] = u;
      if (unchanged) new_province_unit_[j] = u;
    }
    for (std::size_t j = 0; j < new_provinces.size(); ++j) {
      if (new_province_unit_[j] != none) continue;
      const auto& p = new_provinces[j];
      const auto u = add_unit(std::string(p.code) + "-2025",
                              std::string(p.city ? "Thành phố " : "Tỉnh ") + std::string(p.name), lv_[1],
                              p.city ? "thanh_pho_tw" : "tinh", {first_new_day, day_max}, no_region,
                              static_cast<std::int16_t>(old_provinces.size() + j));
      set_parent(u, root_);
      new_province_unit_[j] = u;
    }
    for (std::size_t i = 0; i < old_provinces.size(); ++i)
      if (old_province_unit_[i] != new_province_unit_[old_to_new_[i]])
        d_.units[old_province_unit_[i]].successor = unit_ix{new_province_unit_[old_to_new_[i]]};

    // Districts, contiguous by province.
    const auto districts_per = split(district_total, old_provinces.size(), 3);
    for (std::size_t i = 0; i < old_provinces.size(); ++i) {
      const bool city = old_provinces[i].city;
      for (std::size_t k = 0; k < districts_per[i]; ++k) {
        const bool capital = k == 0;
        const bool urban = city && r_.chance(450);
        const std::string_view kind = capital ? (city ? "quan" : "thanh_pho")
                                      : urban ? "quan"
                                      : r_.chance(60) ? "thi_xa"
                                                      : "huyen";
        const std::string_view prefix = kind == "quan" ? "Quận "
                                        : kind == "thanh_pho" ? "Thành phố "
                                        : kind == "thi_xa" ? "Thị xã "
                                                           : "Huyện ";
        const auto u = add_unit(padded(district_unit_.size() + 1, 3), std::string(prefix) + place_name(),
                                lv_[2], kind, {day_min, last_old_day}, static_cast<std::int16_t>(i),
                                no_region);
        set_parent(u, old_province_unit_[i]);
        district_unit_.push_back(u);
        district_province_.push_back(static_cast<std::uint32_t>(i));
      }
    }

    // Old communes, contiguous by district.
    const auto communes_per = split(old_communes, district_unit_.size(), 2);
    const std::size_t width = std::max<std::size_t>(5, std::to_string(old_communes).size());
    district_first_commune_.push_back(0);
    for (std::size_t di = 0; di < district_unit_.size(); ++di) {
      const std::string_view kind_of_district = d_.vocabularies.at(vocab::unit_kinds).code(d_.units[district_unit_[di]].kind);
      const bool urban = kind_of_district == "quan" || kind_of_district == "thanh_pho";
      for (std::size_t k = 0; k < communes_per[di]; ++k) {
        const std::string_view kind = urban ? (r_.chance(850) ? "phuong" : "xa")
                                      : k == 0 ? "thi_tran"
                                      : r_.chance(40) ? "phuong"
                                                      : "xa";
        const std::string_view prefix = kind == "phuong" ? "Phường " : kind == "thi_tran" ? "Thị trấn " : "Xã ";
        const auto u = add_unit(padded(old_commune_unit_.size() + 1, width), std::string(prefix) + place_name(),
                                lv_[3], kind, {day_min, last_old_day},
                                static_cast<std::int16_t>(district_province_[di]), no_region);
        set_parent(u, district_unit_[di]);
        old_commune_unit_.push_back(u);
        commune_district_.push_back(static_cast<std::uint32_t>(di));
      }
      district_first_commune_.push_back(static_cast<std::uint32_t>(old_commune_unit_.size()));
    }

    // New communes: each new province gets a share proportional to the communes it absorbs,
    // and each takes a contiguous run of them (2025 mergers joined neighbours).
    std::vector<std::vector<std::uint32_t>> absorbed(new_provinces.size());
    for (std::uint32_t c = 0; c < old_commune_unit_.size(); ++c)
      absorbed[old_to_new_[district_province_[commune_district_[c]]]].push_back(c);
    std::vector<std::size_t> share(new_provinces.size());
    std::size_t assigned = 0;
    for (std::size_t j = 0; j < new_provinces.size(); ++j) {
      share[j] = std::max<std::size_t>(
          1, (absorbed[j].size() * new_communes + old_communes / 2) / old_communes);
      share[j] = std::min(share[j], absorbed[j].size());
      assigned += share[j];
    }
    for (std::size_t guard = 0; assigned != new_communes && guard < 100 * new_communes; ++guard) {
      const std::size_t j = r_.below(new_provinces.size());
      if (assigned < new_communes && share[j] < absorbed[j].size()) {
        ++share[j];
        ++assigned;
      } else if (assigned > new_communes && share[j] > 1) {
        --share[j];
        --assigned;
      }
    }
    commune_successor_.assign(old_commune_unit_.size(), 0);
    for (std::size_t j = 0; j < new_provinces.size(); ++j) {
      const auto& olds = absorbed[j];
      const bool city = new_provinces[j].city;
      for (std::size_t g = 0; g < share[j]; ++g) {
        const std::size_t lo = g * olds.size() / share[j];
        const std::size_t hi = (g + 1) * olds.size() / share[j];
        const int roll = r_.between(0, 999);
        const std::string_view kind = roll < (city ? 600 : 180) ? "phuong" : roll < 996 ? "xa" : "dac_khu";
        const std::string_view prefix = kind == "phuong" ? "Phường " : kind == "xa" ? "Xã " : "Đặc khu ";
        const auto u = add_unit(padded(new_commune_unit_.size() + 1, 5) + "-2025",
                                std::string(prefix) + place_name(), lv_[3], kind,
                                {first_new_day, day_max}, no_region,
                                static_cast<std::int16_t>(old_provinces.size() + j));
        set_parent(u, new_province_unit_[j]);
        const auto nc = static_cast<std::uint32_t>(new_commune_unit_.size());
        new_commune_unit_.push_back(u);
        new_commune_province_.push_back(static_cast<std::uint32_t>(j));
        for (std::size_t k = lo; k < hi; ++k) {
          commune_successor_[olds[k]] = nc;
          d_.units[old_commune_unit_[olds[k]]].successor = unit_ix{u};
        }
      }
    }

    // Villages: under their old commune until 2025-06-30, then under its successor.
    const auto villages_per = split(villages, old_commune_unit_.size(), 1);
    commune_first_village_.push_back(0);
    const auto& kinds = d_.vocabularies.at(vocab::unit_kinds);
    for (std::size_t c = 0; c < old_commune_unit_.size(); ++c) {
      const std::uint32_t cu = old_commune_unit_[c];
      const std::string_view commune_kind = kinds.code(d_.units[cu].kind);
      const std::uint32_t province = district_province_[commune_district_[c]];
      const bool south = is_south(old_provinces[province].code);
      const bool mountain = region_of(old_provinces[province].code) == region_kind::north_mountain;
      const std::string_view kind = commune_kind == "xa" ? (south ? "ap" : mountain ? "ban" : "thon")
                                    : south ? "khom" : "to_dan_pho";
      const std::string_view prefix = kind == "ap" ? "Ấp " : kind == "ban" ? "Bản " : kind == "thon" ? "Thôn "
                                      : kind == "khom" ? "Khóm " : "Tổ dân phố ";
      const std::uint32_t successor = new_commune_unit_[commune_successor_[c]];
      const std::string& cid = d_.units[cu].id;
      for (std::size_t k = 0; k < villages_per[c]; ++k) {
        const bool named = kind == "ap" || kind == "ban" || (kind == "thon" && r_.chance(300));
        std::string name = std::string(prefix) + (named ? place_name() : std::to_string(k + 1));
        const auto v = add_unit(cid + padded(k + 1, 3), std::move(name), lv_[4], kind, {},
                                static_cast<std::int16_t>(province),
                                static_cast<std::int16_t>(old_provinces.size() + new_commune_province_[commune_successor_[c]]));
        set_parents_over_time(unit_ix{v}, unit_ix{cu}, unit_ix{successor});
        village_unit_.push_back(v);
        village_commune_.push_back(static_cast<std::uint32_t>(c));
      }
      commune_first_village_.push_back(static_cast<std::uint32_t>(village_unit_.size()));
    }
  }

  // ---- persons and posts -----------------------------------------------------------------
  std::size_t pick_ethnic(std::uint32_t old_province) {
    switch (region_of(old_provinces[old_province].code)) {
      case region_kind::north_mountain: return r_.weighted(mix_north);
      case region_kind::central_highlands: return r_.weighted(mix_highlands);
      case region_kind::mekong: return r_.weighted(mix_mekong);
      case region_kind::other: break;
    }
    return r_.weighted(mix_other);
  }

  std::string person_name(std::size_t group, bool female) {
    const name_set& n = ethnic_groups[group].names;
    const std::string_view surname = r_.pick(n.surnames);
    const std::string_view middle = r_.pick(female ? n.female_middle : n.male_middle);
    return detail::join_name(surname, middle, r_.pick(female ? n.female_given : n.male_given));
  }

  /// Start and end of a career: starts spread over 2000–2029, most lasting years; open when
  /// still in post after 2030.
  std::pair<day, day> career(day earliest = ymd(2000, 1, 1), day latest = ymd(2029, 12, 31)) {
    day start;
    if (r_.chance(380))
      start = static_cast<day>(r_.between(std::max(earliest, ymd(2000, 1, 1)), std::min(latest, history_from - 1)));
    else
      start = static_cast<day>(r_.between(std::max(earliest, history_from), latest));
    if (start > latest) start = latest;
    day end = start + static_cast<day>(r_.between(year_days, 22 * year_days));
    if (end < history_from + 180) end = history_from + static_cast<day>(r_.between(180, 4 * year_days));
    if (end > history_to) end = day_max;
    return {start, end};
  }

  std::uint32_t random_village() { return static_cast<std::uint32_t>(r_.below(village_unit_.size())); }
  std::uint32_t random_old_commune() { return static_cast<std::uint32_t>(r_.below(old_commune_unit_.size())); }
  std::uint32_t random_new_commune() { return static_cast<std::uint32_t>(r_.below(new_commune_unit_.size())); }

  void push_post(std::uint32_t person, std::uint32_t u, std::uint32_t employer, term category,
                 std::initializer_list<term> roles, term sector, day from, day to) {
    add_post(person_ix{person}, unit_ix{u}, employer != none ? unit_ix{employer} : unit_ix{}, category,
             std::vector<term>(roles), sector, from, to);
  }

  /// A commune post held over [from, to]: at an old commune until the merger, then at its
  /// successor; `seconded` officers are employed by their district until then.
  void commune_posts(std::uint32_t person, day from, day to, term category,
                     std::initializer_list<term> roles, term sector, bool seconded) {
    if (from > last_old_day) {
      push_post(person, new_commune_unit_[random_new_commune()], none, category, roles, sector, from, to);
      return;
    }
    const std::uint32_t c = random_old_commune();
    const std::uint32_t employer = seconded ? district_unit_[commune_district_[c]] : none;
    push_post(person, old_commune_unit_[c], employer, category, roles, sector, from, std::min(to, last_old_day));
    if (to > last_old_day)
      push_post(person, new_commune_unit_[commune_successor_[c]], none, category, roles, sector,
                first_new_day, to);
  }

  void build_persons() {
    const std::size_t n = opt_.persons;
    d_.persons.reserve(n);
    d_.assignments.reserve(n + n / 4 + 16);
    d_.qualifications.reserve(3 * n + n / 4 + 16);
    first_post_.reserve(n + 1);

    const std::span<const int> weights(track_weights);
    for (std::size_t i = 0; i < n; ++i) {
      const auto p = static_cast<std::uint32_t>(i);
      first_post_.push_back(static_cast<std::uint32_t>(d_.assignments.size()));
      const auto tr = static_cast<track>(r_.weighted(weights));
      std::uint32_t home_province = 0;  // old province, for names

      switch (tr) {
        case track::collaborator:
        case track::village_health: {
          const auto [from, to] = career();
          const std::uint32_t v = random_village();
          home_province = pre_region_of_village(v);
          const bool ctv = tr == track::collaborator;
          // A few move to another village of the same commune mid-career.
          day move = day_max;
          if (r_.chance(30) && (to == day_max || to - from > 3 * year_days))
            move = from + static_cast<day>(r_.between(year_days, 3 * year_days));
          const std::uint32_t c = village_commune_[v];
          const std::uint32_t first_v = commune_first_village_[c];
          const std::uint32_t count = commune_first_village_[c + 1] - first_v;
          std::uint32_t v2 = first_v + r_.below(count);
          if (v2 == v) move = day_max;
          // Many collaborators are also the village health worker.
          const bool dual = ctv && r_.chance(200);
          auto hold = [&](std::uint32_t village, day a, day b) {
            if (ctv) push_post(p, village_unit_[village], none, cat_ctv_, {role_ctv_}, dan_so_, a, b);
            if (!ctv || dual) push_post(p, village_unit_[village], none, cat_vhw_, {}, y_te_, a, b);
          };
          if (move == day_max) {
            hold(v, from, to);
          } else {
            hold(v, from, move - 1);
            hold(v2, move, to);
          }
          break;
        }
        case track::commune_officer: {
          const auto [from, to] = career();
          // Some are promoted to the district before the merger.
          if (from < ymd(2023, 1, 1) && (to == day_max || to > from + 6 * year_days) && r_.chance(50)) {
            const day move = from + static_cast<day>(r_.between(3 * year_days, 6 * year_days));
            if (move <= ymd(2024, 12, 31)) {
              const std::uint32_t c = random_old_commune();
              const std::uint32_t di = commune_district_[c];
              push_post(p, old_commune_unit_[c], district_unit_[di], cat_vien_chuc_, {role_commune_officer_},
                        dan_so_, from, move - 1);
              district_then_merger(p, di, move, to, false);
              home_province = district_province_[di];
              break;
            }
          }
          commune_posts(p, from, to, cat_vien_chuc_, {role_commune_officer_}, dan_so_, true);
          home_province = home_of_last_post();
          break;
        }
        case track::commune_provider: {
          const auto [from, to] = career();
          if (r_.chance(80))
            commune_posts(p, from, to, cat_vien_chuc_, {role_provider_, role_leader_}, y_te_, false);
          else
            commune_posts(p, from, to, cat_vien_chuc_, {role_provider_}, y_te_, false);
          home_province = home_of_last_post();
          break;
        }
        case track::commune_social: {
          const auto [from, to] = career();
          if (r_.chance(500))
            commune_posts(p, from, to, cat_cong_chuc_, {role_vhxh_}, vhxh_, false);
          else
            commune_posts(p, from, to, cat_cong_chuc_, {role_family_}, gia_dinh_, false);
          home_province = home_of_last_post();
          break;
        }
        case track::commune_head: {
          const auto [from, to] = career();
          commune_posts(p, from, to, cat_part_time_, {role_board_head_}, dan_so_, false);
          home_province = home_of_last_post();
          break;
        }
        case track::district_staff: {
          const auto [from, to] = career(ymd(2000, 1, 1), ymd(2025, 3, 31));
          const auto di = static_cast<std::uint32_t>(r_.below(district_unit_.size()));
          district_then_merger(p, di, from, to, r_.chance(300));
          home_province = district_province_[di];
          break;
        }
        case track::province_staff:
        case track::national_staff: {
          const auto [from, to] = career();
          const term category = r_.chance(900) ? cat_cong_chuc_ : cat_hop_dong_;
          const bool leader = category == cat_cong_chuc_ && r_.chance(100);
          const bool trainer = category == cat_cong_chuc_ && r_.chance(150);
          auto roles_for = [&](std::uint32_t at, day a, day b) {
            if (leader && trainer) push_post(p, at, none, category, {role_leader_, role_trainer_}, dan_so_, a, b);
            else if (leader) push_post(p, at, none, category, {role_leader_}, dan_so_, a, b);
            else if (trainer) push_post(p, at, none, category, {role_specialist_, role_trainer_}, dan_so_, a, b);
            else if (category == cat_hop_dong_) push_post(p, at, none, category, {}, dan_so_, a, b);
            else push_post(p, at, none, category, {role_specialist_}, dan_so_, a, b);
          };
          if (tr == track::national_staff) {
            roles_for(root_, from, to);
            home_province = 0;
            break;
          }
          const auto op = static_cast<std::uint32_t>(r_.below(old_provinces.size()));
          const std::uint32_t np = old_to_new_[op];
          const std::uint32_t old_u = old_province_unit_[op];
          const std::uint32_t new_u = new_province_unit_[np];
          home_province = op;
          if (old_u == new_u || from > last_old_day) {
            roles_for(from > last_old_day ? new_u : old_u, from, to);
          } else {
            roles_for(old_u, from, std::min(to, last_old_day));
            if (to > last_old_day) roles_for(new_u, first_new_day, to);
          }
          break;
        }
      }

      // The person record, now that we know where they work.
      const bool female = r_.chance(tr == track::commune_provider ? 780 : tr == track::collaborator ? 620 : 520);
      const day first_start = d_.assignments[first_post_.back()].when.from;
      const int min_age = tr == track::collaborator || tr == track::village_health ? 19 : 21;
      const day birth = first_start - static_cast<day>(r_.between(min_age * year_days, 42 * year_days));
      const std::size_t group = pick_ethnic(home_province);
      std::string name = person_name(group, female);
      add_person(padded(i + 1, 7, "P"), std::move(name), female, birth, ethnic_terms_[group]);
      add_qualifications(p, tr, birth, first_start);
    }
    first_post_.push_back(static_cast<std::uint32_t>(d_.assignments.size()));
  }

  std::uint32_t pre_region_of_village(std::uint32_t v) const {
    return static_cast<std::uint32_t>(pre_region_[village_unit_[v]]);
  }
  std::uint32_t home_of_last_post() const {
    const std::int16_t r = pre_region_[d_.assignments.back().unit.value];
    if (r >= 0 && static_cast<std::size_t>(r) < old_provinces.size()) return static_cast<std::uint32_t>(r);
    // A post only after the merger: any predecessor of the new province will do for names.
    const std::int16_t q = post_region_[d_.assignments.back().unit.value];
    const std::size_t j = static_cast<std::size_t>(q) - old_provinces.size();
    for (std::size_t i = 0; i < old_provinces.size(); ++i)
      if (old_to_new_[i] == j) return static_cast<std::uint32_t>(i);
    return 0;
  }

  /// A district post from `from`; when the districts go (2025-06-30) most staff move to the
  /// province that took over, some to a commune of the former district, some leave.
  void district_then_merger(std::uint32_t p, std::uint32_t di, day from, day to, bool provider) {
    const std::uint32_t du = district_unit_[di];
    const term sector = provider ? y_te_ : dan_so_;
    const term category = r_.chance(880) ? cat_vien_chuc_ : cat_hop_dong_;
    const bool leader = !provider && category == cat_vien_chuc_ && r_.chance(110);
    const bool trainer = !provider && category == cat_vien_chuc_ && r_.chance(150);
    auto post = [&](std::uint32_t at, day a, day b, bool keep_leader) {
      if (provider) push_post(p, at, none, category, {role_provider_}, sector, a, b);
      else if (leader && keep_leader) push_post(p, at, none, category, {role_leader_, role_specialist_}, sector, a, b);
      else if (trainer) push_post(p, at, none, category, {role_specialist_, role_trainer_}, sector, a, b);
      else if (category == cat_hop_dong_) push_post(p, at, none, category, {}, sector, a, b);
      else push_post(p, at, none, category, {role_specialist_}, sector, a, b);
    };
    post(du, from, std::min(to, last_old_day), true);
    if (to <= last_old_day) return;
    const int roll = r_.between(0, 99);
    if (roll < 10) return;  // left with the reorganisation
    if (roll < 70) {
      post(new_province_unit_[old_to_new_[district_province_[di]]], first_new_day, to, false);
    } else {
      const std::uint32_t first = district_first_commune_[di];
      const std::uint32_t c = first + r_.below(district_first_commune_[di + 1] - first);
      post(new_commune_unit_[commune_successor_[c]], first_new_day, to, false);
    }
  }

  // ---- qualifications ------------------------------------------------------------------------
  /// Nothing is awarded after the person's last post or the end of the history (award_limit_).
  void add_qual(std::uint32_t p, term kind, term code, term field, day awarded, day expires = day_max) {
    builder::add_qual(person_ix{p}, kind, code, field, awarded, expires);
  }

  void add_qualifications(std::uint32_t p, track tr, day birth, day start) {
    award_limit_ = std::min(last_post_end(p), history_to);
    const bool staff = tr != track::collaborator && tr != track::village_health;
    const bool medical = tr == track::commune_provider || tr == track::village_health;

    // Highest education, weighted by track (levels in the order of q_.education).
    std::array<int, 9> w{};
    switch (tr) {
      case track::collaborator: w = {20, 600, 150, 200, 30, 0, 0, 0, 0}; break;
      case track::village_health: w = {10, 350, 250, 370, 20, 0, 0, 0, 0}; break;
      case track::commune_officer: w = {0, 10, 50, 550, 150, 240, 0, 0, 0}; break;
      case track::commune_provider: w = {0, 0, 0, 450, 250, 250, 0, 50, 0}; break;
      case track::commune_social: w = {0, 0, 0, 150, 200, 640, 10, 0, 0}; break;
      case track::commune_head: w = {0, 200, 100, 400, 100, 200, 0, 0, 0}; break;
      case track::district_staff: w = {0, 0, 0, 250, 150, 550, 50, 0, 0}; break;
      case track::province_staff: w = {0, 0, 0, 50, 30, 700, 200, 0, 20}; break;
      case track::national_staff: w = {0, 0, 0, 0, 0, 400, 450, 0, 150}; break;
    }
    const std::size_t level = r_.weighted(w);
    term field = q_.dan_so_y_te;
    if (medical || r_.chance(250))
      field = q_.medical_fields[r_.weighted(std::array<int, 4>{45, 35, 8, 12})];
    else if (level >= 5 || tr == track::commune_social)
      field = q_.other_fields[r_.weighted(std::array<int, 6>{30, 25, 20, 10, 5, 10})];
    const day adult = birth + 18 * year_days;
    if (level == 0) {
      add_qual(p, qk_education_, q_.education[0], {}, day_min);
    } else if (level == 1) {
      add_qual(p, qk_education_, q_.education[1], {}, adult);
    } else {
      // Lower degrees kept on file for some (school leaving; the degree before a master's).
      if (level >= 3 && r_.chance(500)) add_qual(p, qk_education_, q_.education[1], {}, adult);
      if (level >= 6) add_qual(p, qk_education_, q_.education[5], field, adult + 5 * year_days);
      const int years = level == 2 ? 1 : level == 3 ? 2 : level == 4 ? 3 : level == 5 ? 4 : 8;
      day awarded = adult + static_cast<day>(years * year_days + r_.between(0, 700));
      // Some study while in post: the degree comes years after they started, on top of an
      // intermediate or college diploma.
      if (staff && level == 5 && r_.chance(150)) {
        const day later = start + static_cast<day>(r_.between(2, 8) * year_days);
        if (later > awarded) {
          add_qual(p, qk_education_, q_.education[r_.chance(500) ? 3 : 4], field, adult + 2 * year_days);
          awarded = later;
        }
      }
      add_qual(p, qk_education_, q_.education[level], level >= 3 ? field : term{}, awarded);
    }

    const day tenure_cert = start + static_cast<day>(r_.between(-700, 5 * year_days));
    switch (tr) {
      case track::collaborator:
        if (r_.chance(350)) add_qual(p, qk_certificate_, q_.so_cap_dan_so, {}, tenure_cert);
        if (r_.chance(650)) {
          // Basic-knowledge certificates valid five years, renewed by some.
          const day a = start + static_cast<day>(r_.between(90, 3 * year_days));
          add_qual(p, qk_certificate_, q_.dan_so_co_ban, {}, a, a + 5 * year_days - 1);
          if (r_.chance(600))
            add_qual(p, qk_certificate_, q_.dan_so_co_ban, {}, a + 5 * year_days, a + 10 * year_days - 1);
        }
        if (r_.chance(450)) add_qual(p, qk_it_, q_.it_basic, {}, tenure_cert);
        break;
      case track::village_health:
        if (r_.chance(450)) add_qual(p, qk_certificate_, q_.so_cap_dan_so, {}, tenure_cert);
        if (r_.chance(350)) {
          const day a = start + static_cast<day>(r_.between(90, 3 * year_days));
          add_qual(p, qk_certificate_, q_.dan_so_co_ban, {}, a, a + 5 * year_days - 1);
        }
        if (r_.chance(450)) add_qual(p, qk_it_, q_.it_basic, {}, tenure_cert);
        break;
      default: {
        const bool dan_so = tr != track::commune_provider && tr != track::commune_social;
        if (dan_so && r_.chance(400)) add_qual(p, qk_certificate_, q_.dan_so_vien, {}, tenure_cert);
        if (dan_so && r_.chance(150)) add_qual(p, qk_certificate_, q_.dat_chuan, {}, tenure_cert);
        if (tr == track::commune_officer || tr == track::district_staff) add_title(p, level >= 5, start);
        const bool civil = tr == track::province_staff || tr == track::national_staff ||
                           tr == track::commune_social;
        if (civil || r_.chance(200)) {
          add_qual(p, qk_political_, level >= 5 && r_.chance(300) ? q_.political_high : q_.political_mid, {},
                   start + static_cast<day>(r_.between(year_days, 8 * year_days)));
          add_qual(p, qk_state_, level >= 5 ? q_.state_specialist : q_.state_clerk, {},
                   start + static_cast<day>(r_.between(180, 6 * year_days)));
        }
        if (r_.chance(600)) add_qual(p, qk_it_, r_.chance(200) ? q_.it_advanced : q_.it_basic, {}, tenure_cert);
        if (r_.chance(250)) add_qual(p, qk_language_, q_.language[r_.below(3)], {}, tenure_cert);
        break;
      }
    }
  }

  /// A population public employee's professional title; from 2026-07-01 ranks become steps.
  void add_title(std::uint32_t p, bool university, day start) {
    const day awarded = start + static_cast<day>(r_.between(330, 420));
    const std::size_t rank = university ? (r_.chance(100) ? 0 : 1) : 2;  // hạng II, III, IV
    builder::add_title(person_ix{p}, {q_.ranks[rank], q_.steps[rank], {}, {}}, awarded, last_post_end(p));
  }

  day last_post_end(std::uint32_t p) const {
    day last = day_min;
    for (std::size_t a = first_post_[p]; a < d_.assignments.size(); ++a)
      last = std::max(last, d_.assignments[a].when.to);
    return last;
  }

  // ---- courses and sessions ---------------------------------------------------------------------
  void build_courses() {
    const std::size_t count = 500;
    d_.courses.reserve(count);
    const auto& topics = d_.vocabularies.at(vocab::topics);
    static constexpr std::string_view kind_codes[] = {"tap_huan", "boi_duong", "dao_tao"};
    static constexpr std::string_view kind_titles[] = {"Tập huấn", "Bồi dưỡng", "Đào tạo"};
    // Courses that confer a certificate: (code, how many courses, valid for years or 0).
    struct conferring {
      std::string_view code;
      std::size_t courses;
      int years;
    };
    static constexpr conferring confer[] = {{"bd_dan_so_vien", 6, 0},
                                            {"chuan_cdnn_dan_so", 6, 0},
                                            {"bd_dan_so_co_ban", 8, 5},
                                            {"bd_quan_ly_dan_so_phat_trien", 5, 0},
                                            {"so_cap_dan_so_khhgd", 3, 0},
                                            {"dat_chuan_vien_chuc_dan_so", 3, 0}};
    std::size_t ci = 0;
    std::size_t left_in_group = confer[0].courses;
    for (std::size_t i = 0; i < count; ++i) {
      course c;
      c.id = padded(i + 1, 4, "K");
      const std::size_t kind = r_.weighted(std::array<int, 3>{55, 37, 8});
      c.kind = t(vocab::training_kinds, kind_codes[kind]);
      const std::size_t main_topic = r_.below(topics.size());
      c.topics.push_back(term{static_cast<std::uint32_t>(main_topic)});
      if (r_.chance(350)) {
        const std::size_t extra = r_.below(topics.size());
        if (extra != main_topic) c.topics.push_back(term{static_cast<std::uint32_t>(extra)});
      }
      c.title = std::string(kind_titles[kind]) + " " + topics.entries()[main_topic].vi;
      c.title += " (" + std::to_string(i + 1) + ")";
      c.hours = kind == 0 ? r_.between(1, 5) * 8 : kind == 1 ? r_.between(5, 30) * 8 : r_.between(40, 80) * 8;
      if (ci < std::size(confer)) {
        const auto& cf = confer[ci];
        conferral f;
        f.kind = qk_certificate_;
        f.code = t("certificate", cf.code);
        if (cf.years > 0) f.valid_for = period{cf.years, 0, 0};
        c.confers = f;
        if (cf.code == "so_cap_dan_so_khhgd") {
          c.kind = t(vocab::training_kinds, "dao_tao");
          c.hours = 440;
        }
        if (--left_in_group == 0 && ++ci < std::size(confer)) left_in_group = confer[ci].courses;
      }
      course_days_.push_back(static_cast<day>(std::max(1.0, *c.hours / 8.0)));
      d_.courses.push_back(std::move(c));
    }
  }

  void build_sessions() {
    const std::size_t count = std::max<std::size_t>(scaled(200'000, opt_.persons, 0), 200);
    d_.sessions.reserve(count);
    session_region_.reserve(count);
    const auto& funding = d_.vocabularies.at(vocab::funding_sources);
    const term central = funding.at("ngan_sach_trung_uong");
    const term local = funding.at("ngan_sach_dia_phuong");
    const term aid = funding.at("vien_tro");
    for (std::size_t i = 0; i < count; ++i) {
      // Most classes are short workshops; long courses are rarer.
      const auto ci = static_cast<std::uint32_t>(r_.below(d_.courses.size()));
      const day days = std::min<day>(course_days_[ci], 120);
      day start = static_cast<day>(r_.between(history_from, history_to - days + 1));
      day end = start + days - 1;
      if (start <= last_old_day && end > last_old_day) {  // no class across the reorganisation
        end = last_old_day;
        start = end - days + 1;
      }
      std::uint32_t organizer;
      const int roll = r_.between(0, 999);
      if (roll < 5) {
        organizer = root_;
      } else if (start <= last_old_day) {
        organizer = roll < 180 ? old_province_unit_[r_.below(old_province_unit_.size())]
                    : roll < 620 ? district_unit_[r_.below(district_unit_.size())]
                                 : old_commune_unit_[random_old_commune()];
      } else {
        organizer = roll < 300 ? new_province_unit_[r_.below(new_province_unit_.size())]
                               : new_commune_unit_[random_new_commune()];
      }
      session s;
      s.id = padded(i + 1, 7, "S");
      s.course = course_ix{ci};
      s.when = {start, end};
      s.organizer = unit_ix{organizer};
      s.funding = organizer == root_ || r_.chance(150) ? central : r_.chance(40) ? aid : local;
      if (r_.chance(50)) {
        s.attendance.push_back({r_.chance(500) ? cat_ctv_ : cat_vhw_, sex::unknown, r_.between(5, 40), {}});
      }
      d_.sessions.push_back(std::move(s));
      session_region_.push_back(start <= last_old_day ? pre_region_[organizer] : post_region_[organizer]);
    }
    // Sessions of each region (and the national ones) sorted by end day, for enrolment.
    const std::size_t regions = old_provinces.size() + new_provinces.size() + 1;
    region_first_.assign(regions + 1, 0);
    for (std::int16_t r : session_region_) ++region_first_[region_slot(r) + 1];
    for (std::size_t k = 0; k < regions; ++k) region_first_[k + 1] += region_first_[k];
    region_sessions_.resize(d_.sessions.size());
    std::vector<std::uint32_t> next(region_first_.begin(), region_first_.end() - 1);
    for (std::uint32_t s = 0; s < d_.sessions.size(); ++s)
      region_sessions_[next[region_slot(session_region_[s])]++] = s;
    for (std::size_t k = 0; k < regions; ++k)
      std::sort(region_sessions_.begin() + region_first_[k], region_sessions_.begin() + region_first_[k + 1],
                [&](std::uint32_t a, std::uint32_t b) {
                  const day ea = d_.sessions[a].when.to, eb = d_.sessions[b].when.to;
                  return ea != eb ? ea < eb : a < b;
                });
    // Last, every session: where a small workload leaves a region without a class in time.
    std::vector<std::uint32_t> all(d_.sessions.size());
    for (std::uint32_t s = 0; s < all.size(); ++s) all[s] = s;
    std::sort(all.begin(), all.end(), [&](std::uint32_t a, std::uint32_t b) {
      const day ea = d_.sessions[a].when.to, eb = d_.sessions[b].when.to;
      return ea != eb ? ea < eb : a < b;
    });
    region_sessions_.insert(region_sessions_.end(), all.begin(), all.end());
    region_first_.push_back(static_cast<std::uint32_t>(region_sessions_.size()));
    session_ends_.resize(region_sessions_.size());
    for (std::size_t k = 0; k < region_sessions_.size(); ++k)
      session_ends_[k] = d_.sessions[region_sessions_[k]].when.to;
  }

  std::size_t region_slot(std::int16_t r) const {
    return r < 0 ? old_provinces.size() + new_provinces.size() : static_cast<std::size_t>(r);
  }

  // ---- enrolments ------------------------------------------------------------------------------
  void build_enrollments() {
    const std::size_t n = d_.persons.size();
    // Days in post within the training period, to spread ~10 enrolments per person over time.
    auto overlap = [](const assignment& a) -> std::int64_t {
      const day lo = std::max(a.when.from, history_from);
      const day hi = std::min(a.when.to, history_to);
      return hi >= lo ? static_cast<std::int64_t>(hi - lo) + 1 : 0;
    };
    std::int64_t total = 0;
    for (const auto& a : d_.assignments) total += overlap(a);
    const std::size_t target = 10 * n;
    d_.enrollments.reserve(target + target / 20 + 16);
    std::vector<std::int64_t> spans;
    const std::size_t regions = old_provinces.size() + new_provinces.size();

    for (std::size_t p = 0; p < n; ++p) {
      const std::size_t first = first_post_[p], last = first_post_[p + 1];
      spans.clear();
      std::int64_t mine = 0;
      for (std::size_t a = first; a < last; ++a) {
        mine += overlap(d_.assignments[a]);
        spans.push_back(mine);
      }
      if (mine == 0) continue;
      // Stochastic rounding of the person's share keeps the total near 10 per person.
      const auto want_scaled = static_cast<unsigned long long>(mine) * target;
      auto k = static_cast<std::size_t>(want_scaled / static_cast<unsigned long long>(total));
      const auto frac = want_scaled % static_cast<unsigned long long>(total);
      if (static_cast<unsigned long long>(r_.next() % static_cast<std::uint64_t>(total)) < frac) ++k;
      const std::size_t mine_first = d_.enrollments.size();
      for (std::size_t e = 0; e < k; ++e) {
        for (int attempt = 0; attempt < 8; ++attempt) {
          // A day in post, and the post held then.
          const auto pos = static_cast<std::int64_t>(r_.next() % static_cast<std::uint64_t>(mine));
          const std::size_t which = static_cast<std::size_t>(
              std::upper_bound(spans.begin(), spans.end(), pos) - spans.begin());
          const assignment& a = d_.assignments[first + which];
          const day lo = std::max(a.when.from, history_from);
          const std::int64_t before = which == 0 ? 0 : spans[which - 1];
          const day when = lo + static_cast<day>(pos - before);
          std::int16_t region = when <= last_old_day ? pre_region_[a.unit.value] : post_region_[a.unit.value];
          if (r_.chance(30)) region = national_region;  // national courses
          std::size_t slot = attempt < 4 ? region_slot(region) : regions + 1;
          if (region_first_[slot] == region_first_[slot + 1]) slot = regions;
          const std::uint32_t b = region_first_[slot], f = region_first_[slot + 1];
          if (b == f) continue;
          // A class ending on or soon after that day, within the post.
          auto it = std::lower_bound(session_ends_.begin() + b, session_ends_.begin() + f, when);
          auto idx = static_cast<std::uint32_t>(it - session_ends_.begin());
          idx = std::min(idx + r_.below(4), f - 1);
          if (session_ends_[idx] > a.when.to || session_ends_[idx] < a.when.from) {
            if (idx > b && session_ends_[idx - 1] >= a.when.from && session_ends_[idx - 1] <= a.when.to) --idx;
            else continue;
          }
          const std::uint32_t s = region_sessions_[idx];
          bool dup = false;
          for (std::size_t q = mine_first; q < d_.enrollments.size() && !dup; ++q)
            dup = d_.enrollments[q].session.value == s;
          if (dup) continue;
          enrollment en;
          en.person = person_ix{static_cast<std::uint32_t>(p)};
          en.session = session_ix{s};
          const int roll = r_.between(0, 999);
          en.status = roll < 860 ? enrollment_status::completed
                      : roll < 910 ? enrollment_status::withdrawn
                      : roll < 940 ? enrollment_status::failed
                      : roll < 975 ? enrollment_status::attended
                                   : enrollment_status::registered;
          if (en.status == enrollment_status::completed && r_.chance(200))
            en.score = static_cast<double>(r_.between(50, 100)) / 10.0;
          d_.enrollments.push_back(en);
          break;
        }
      }
    }

    // Capacity and cost follow from who enrolled.
    std::vector<std::uint32_t> enrolled(d_.sessions.size(), 0);
    for (const auto& e : d_.enrollments) ++enrolled[e.session.value];
    for (std::size_t s = 0; s < d_.sessions.size(); ++s) {
      auto& rec = d_.sessions[s];
      const std::int64_t people = enrolled[s] + (rec.attendance.empty() ? 0 : rec.attendance.front().count);
      rec.capacity = std::max<std::int64_t>(20, (people + 9) / 10 * 10 + 10);
      const std::int64_t days = static_cast<std::int64_t>(rec.when.to - rec.when.from) + 1;
      rec.cost_vnd = 2'000'000 + days * (1'500'000 + 120'000 * people);
    }
  }

  // ---- quotas -----------------------------------------------------------------------------------
  void build_quotas() {
    // The establishment each unit was given: what it had in post on a reference day, plus up
    // to a sixth unfilled (units with nobody then get no quota of that kind).
    auto slack = [&](std::uint32_t in_post) -> std::int64_t {
      return static_cast<std::int64_t>(in_post) + r_.below(in_post / 6 + 1);
    };
    std::vector<std::uint32_t> old_count(d_.units.size(), 0), new_count(d_.units.size(), 0);
    std::vector<std::uint32_t> ctv_count(d_.units.size(), 0);
    for (const auto& a : d_.assignments) {
      if (a.sector != dan_so_) continue;
      if (a.category == cat_ctv_) {
        if (a.is_active_at(quota_old_ref)) ++ctv_count[a.unit.value];
        continue;
      }
      if (a.is_active_at(quota_old_ref)) ++old_count[a.unit.value];
      if (a.is_active_at(quota_new_ref)) ++new_count[a.unit.value];
    }
    d_.quotas.reserve(d_.units.size());
    auto add = [&](std::uint32_t u, term category, std::initializer_list<term> roles, std::int64_t count,
                   day_range when) { add_quota(unit_ix{u}, category, std::vector<term>(roles), dan_so_, count, when); };
    const day_range before{day_min, last_old_day}, after{first_new_day, day_max};
    if (old_count[root_] > 0) add(root_, {}, {}, slack(old_count[root_]), {});
    // Unchanged provinces get one quota before and one after the reorganisation.
    for (std::uint32_t u : old_province_unit_)
      if (old_count[u] > 0) add(u, {}, {}, slack(old_count[u]), before);
    for (std::uint32_t u : new_province_unit_)
      if (new_count[u] > 0) add(u, {}, {}, slack(new_count[u]), after);
    for (std::uint32_t u : district_unit_)
      if (old_count[u] > 0) add(u, {}, {}, slack(old_count[u]), before);
    for (std::uint32_t u : old_commune_unit_)
      add(u, cat_vien_chuc_, {role_commune_officer_}, 1, before);
    for (std::uint32_t u : new_commune_unit_)
      add(u, cat_vien_chuc_, {role_commune_officer_}, std::max<std::int64_t>(2, new_count[u]), after);
    for (std::uint32_t u : village_unit_)
      add(u, cat_ctv_, {role_ctv_}, std::max<std::int64_t>(1, ctv_count[u]), {});
  }

  void release_scratch() {
    std::vector<std::uint32_t>().swap(first_post_);
    std::vector<std::uint32_t>().swap(region_sessions_);
    std::vector<day>().swap(session_ends_);
    std::vector<std::int16_t>().swap(session_region_);
    std::vector<std::int16_t>().swap(pre_region_);
    std::vector<std::int16_t>().swap(post_region_);
  }

  national_options opt_;

  // Terms used throughout.
  std::array<term, 5> lv_{};
  term dan_so_, y_te_, gia_dinh_, vhxh_;
  term cat_cong_chuc_, cat_vien_chuc_, cat_hop_dong_, cat_ctv_, cat_vhw_, cat_part_time_;
  term role_leader_, role_specialist_, role_commune_officer_, role_board_head_, role_provider_,
      role_trainer_, role_ctv_, role_family_, role_vhxh_;
  term qk_education_, qk_certificate_, qk_title_, qk_political_, qk_state_, qk_it_, qk_language_;
  std::array<term, 10> ethnic_terms_{};
  struct qualification_terms {
    std::array<term, 9> education;  // chua_qua_dao_tao … tien_si, in rank order
    term dan_so_y_te;
    std::array<term, 4> medical_fields;
    std::array<term, 6> other_fields;
    term so_cap_dan_so, dan_so_co_ban, dan_so_vien, dat_chuan;
    std::array<term, 3> ranks, steps;  // hạng II, III, IV and the steps they become
    term political_mid, political_high, state_clerk, state_specialist, it_basic, it_advanced;
    std::array<term, 3> language;
  } q_;

  // The tree, as indexes into d_.units.
  std::uint32_t root_ = 0;
  std::vector<std::uint32_t> old_province_unit_, new_province_unit_, old_to_new_;
  std::vector<std::uint32_t> district_unit_, district_province_;
  std::vector<std::uint32_t> old_commune_unit_, commune_district_, commune_successor_, district_first_commune_;
  std::vector<std::uint32_t> new_commune_unit_, new_commune_province_;
  std::vector<std::uint32_t> village_unit_, village_commune_, commune_first_village_;
  // Region of each unit before and after the reorganisation: the old or new province it lies
  // in (new provinces numbered after the 63 old ones); -1 national, -2 not valid then.
  std::vector<std::int16_t> pre_region_, post_region_;

  // Scratch for persons and training.
  std::vector<std::uint32_t> first_post_;  // assignments of person p: [first_post_[p], first_post_[p+1])
  std::vector<day> course_days_;
  std::vector<std::int16_t> session_region_;
  std::vector<std::uint32_t> region_first_, region_sessions_;
  std::vector<day> session_ends_;
};

}  // namespace

registry generate_national(const national_options& options) { return national_builder(options).build(); }

}  // namespace nangluc
