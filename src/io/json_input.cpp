// The JSON front-end: nlohmann's SAX parser building the document itself, so that every limit
// is checked where it is met and every problem is located by JSON pointer. Linear in the size
// of the text; large lists stream through `on_element`.

#include "io/json_input.hpp"

#include "io/read_file.hpp"

#include <algorithm>
#include <vector>

namespace nangluc::detail {

std::string json_path::pointer(std::size_t n) const {
  std::string out;
  for (std::size_t i = 0; i < size_ && i < n; ++i) {
    out += '/';
    out += steps_[i].is_index ? std::to_string(steps_[i].index) : pointer_token(steps_[i].key);
  }
  return out;
}

namespace {

using json = nlohmann::json;

// Builds the document from SAX events, checking the limits on the way.
class dom_builder {
 public:
  dom_builder(std::string_view text, problem_list& problems, const json_input_options& opt)
      : text_(text), problems_(problems), opt_(opt) {}

  bool null() { return value(json(nullptr)); }
  bool boolean(bool b) { return value(json(b)); }
  bool number_integer(json::number_integer_t n) { return value(json(n)); }
  bool number_unsigned(json::number_unsigned_t n) { return value(json(n)); }
  bool number_float(json::number_float_t d, const json::string_t&) { return value(json(d)); }
  bool binary(json::binary_t&) { return value(json()); }
  bool string(json::string_t& s) {
    if (s.size() > opt_.max_string) {
      too_long("a string", s.size());
      return skip_value();
    }
    return value(json(std::move(s)));
  }
  bool key(json::string_t& k);
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    // A number too large for a double: located at the token, as its message quotes it.
    const auto at = e.id == 406 ? token_location(text_, e) : std::string();
    problems_.error("json_syntax", opt_.file,
                    at.empty() ? line_column(text_, position == 0 ? 0 : position - 1) : at,
                    json_syntax_message(e));
    return false;
  }

  [[nodiscard]] bool stopped() const noexcept { return stopped_; }
  json take() { return std::move(root_); }

 private:
  struct frame {
    json* container = nullptr;  // null while skipping
    bool skip_next = false;     // the next value of this object is dropped (duplicate key)
  };

  [[nodiscard]] json_path path(std::size_t n) const { return {steps_.data(), std::min(n, steps_.size())}; }
  [[nodiscard]] std::string locate(std::size_t n) const {
    return opt_.locate ? opt_.locate(path(n)) : path(n).pointer();
  }
  [[nodiscard]] bool skipping() const noexcept {
    return !frames_.empty() && (frames_.back().container == nullptr || frames_.back().skip_next);
  }

  void too_long(std::string_view what, std::size_t size) {
    problems_.error("too_long", opt_.file, locate(steps_.size()),
                    std::string(what) + " of " + std::to_string(size) + " bytes is longer than the limit of " +
                        std::to_string(opt_.max_string) + " bytes");
  }

  // The value just completed at the current step: streamed, or put in its container.
  bool value(json v);
  bool skip_value() {
    if (!frames_.empty()) frames_.back().skip_next = false;
    advance();
    return true;
  }
  void advance() {
    if (!steps_.empty() && steps_.back().is_index) ++steps_.back().index;
  }
  json* place(json v);
  bool open(json empty);
  bool close();

  std::string_view text_;
  problem_list& problems_;
  const json_input_options& opt_;
  json root_;
  std::vector<frame> frames_;     // one per open container
  std::vector<json_step> steps_;  // one per open container: the step to its current member
  bool stopped_ = false;
};

bool dom_builder::key(json::string_t& k) {
  if (k.size() > opt_.max_string) too_long("a key", k.size());
  auto& top = frames_.back();
  auto& step = steps_.back();
  step.key = k;
  if (top.container && top.container->contains(k)) {
    const auto where = locate(steps_.size() - 1) + "/" + pointer_token(k);
    problems_.error("duplicate_key", opt_.file, where,
                    steps_.size() == 1 ? "key '" + k + "' appears twice"
                                       : "key '" + k + "' appears twice in the same object (the first is kept)");
    top.skip_next = true;
  }
  return true;
}

json* dom_builder::place(json v) {
  if (frames_.empty()) {
    root_ = std::move(v);
    return &root_;
  }
  json& c = *frames_.back().container;
  if (c.is_array()) {
    c.push_back(std::move(v));
    return &c.back();
  }
  json& slot = c[steps_.back().key];
  slot = std::move(v);
  return &slot;
}

bool dom_builder::value(json v) {
  if (skipping()) return skip_value();
  if (opt_.on_element && steps_.size() == opt_.stream_depth && opt_.stream_depth > 0) {
    const auto action = opt_.on_element(path(steps_.size()), v);
    if (action == element_action::stop) {
      stopped_ = true;
      return false;
    }
    if (action == element_action::consume) {
      advance();
      return true;
    }
  }
  place(std::move(v));
  advance();
  return true;
}

bool dom_builder::open(json empty) {
  if (frames_.size() >= static_cast<std::size_t>(opt_.max_depth)) {
    problems_.error("too_deep", opt_.file, locate(steps_.size()),
                    "nested more than " + std::to_string(opt_.max_depth) + " levels deep");
    stopped_ = true;
    return false;
  }
  const bool array = empty.is_array();
  json* c = nullptr;
  if (skipping()) frames_.back().skip_next = false;  // this container is the skipped value
  else c = place(std::move(empty));
  frames_.push_back({c, false});
  steps_.push_back({array, 0, {}});
  return true;
}

bool dom_builder::close() {
  json* done = frames_.back().container;
  frames_.pop_back();
  steps_.pop_back();
  if (done && opt_.on_element && opt_.stream_depth > 0 && steps_.size() == opt_.stream_depth) {
    const auto action = opt_.on_element(path(steps_.size()), *done);
    if (action == element_action::stop) {
      stopped_ = true;
      return false;
    }
    if (action == element_action::consume) {  // the member just added: drop it again
      json& c = *frames_.back().container;
      if (c.is_array()) c.erase(c.size() - 1);
      else c.erase(steps_.back().key);
    }
  }
  advance();
  return true;
}

}  // namespace

std::optional<json> parse_json_input(std::string_view text, problem_list& problems, const json_input_options& opt) {
  check_file_size(opt.file, text.size(), opt.max_file_bytes);
  dom_builder builder(text, problems, opt);
  if (!json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, /*strict=*/true,
                       /*ignore_comments=*/false) ||
      builder.stopped())
    return std::nullopt;
  return builder.take();
}

json_cell_result parse_json_cell(std::string_view text, std::string_view column) {
  json_cell_result out;
  problem_list problems;
  out.value = parse_json_input(text, problems, {.max_file_bytes = max_registry_file_bytes});
  for (const auto& p : problems.items()) {
    if (p.code == "json_syntax") {
      out.not_json = true;
    } else if (p.code == "too_deep") {
      out.problems.emplace_back(p.code, "'" + std::string(column) + "' is nested more than " +
                                            std::to_string(max_json_depth) + " levels deep");
    } else {
      out.problems.emplace_back(p.code, "'" + std::string(column) + "' at " + (p.location.empty() ? "/" : p.location) +
                                            ": " + p.message);
    }
  }
  if (problems.has_errors()) out.value.reset();
  return out;
}

std::string json_type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::binary: return "binary data";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

std::string token_location(std::string_view text, const std::exception& e) {
  // nlohmann's messages quote the offending token last: "number overflow parsing '1e999'".
  const std::string_view m = e.what();
  const auto close = m.rfind('\'');
  const auto open = close == std::string_view::npos || close == 0 ? std::string_view::npos : m.rfind('\'', close - 1);
  if (open == std::string_view::npos) return {};
  const auto at = text.find(m.substr(open + 1, close - open - 1));
  return at == std::string_view::npos ? std::string() : line_column(text, at);
}

std::string line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

std::string json_syntax_message(const std::exception& e) {
  std::string m = e.what();
  if (m.rfind("[json.exception", 0) == 0) {
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error …" keeps
    // what follows the position; "[json.exception.out_of_range.406] number overflow …" what
    // follows the id.
    if (auto p = m.find(": "); p != std::string::npos) m = m.substr(p + 2);
    else if (auto q = m.find("] "); q != std::string::npos) m = m.substr(q + 2);
  }
  std::string out;
  for (char ch : m) {
    const auto c = static_cast<unsigned char>(ch);
    out += (c < 0x20 || c >= 0x80) ? '?' : ch;
  }
  return out;
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace nangluc::detail
