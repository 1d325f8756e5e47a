#include "formats/terraform/value.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace dnslint::hcl {
namespace {

const Value::Elements& no_elements() {
  static const Value::Elements empty;
  return empty;
}
const Value::Attributes& no_attributes() {
  static const Value::Attributes empty;
  return empty;
}

int kind_rank(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::null:
      return 0;
    case Value::Kind::boolean:
      return 1;
    case Value::Kind::number:
      return 2;
    case Value::Kind::string:
      return 3;
    case Value::Kind::tuple:
    case Value::Kind::list:
    case Value::Kind::set:
      return 4;
    case Value::Kind::object:
    case Value::Kind::map:
      return 5;
    case Value::Kind::unknown:
      return 6;
  }
  return 6;
}

}  // namespace

Value Value::null(const SourceLocation& at) {
  Value value;
  value.location_ = at;
  return value;
}

Value Value::unknown(std::string why, const SourceLocation& at) {
  Value value;
  value.kind_ = Kind::unknown;
  value.text_ = std::move(why);
  value.location_ = at;
  return value;
}

Value Value::error(std::string why, const SourceLocation& at) {
  Value value = unknown(std::move(why), at);
  value.failed_ = true;
  return value;
}

Value Value::boolean(bool b, const SourceLocation& at) {
  Value value;
  value.kind_ = Kind::boolean;
  value.boolean_ = b;
  value.location_ = at;
  return value;
}

Value Value::number(double n, const SourceLocation& at) {
  Value value;
  value.kind_ = Kind::number;
  value.number_ = n;
  value.location_ = at;
  return value;
}

namespace {

// Terraform's strings are in Unicode Normalization Form C (cty normalizes every string it
// makes): "años" written with a combining tilde is the same string as with a precomposed ñ.
// ASCII, almost all of DNS data, is in NFC already; text that is not UTF-8 stays as it is.
std::string nfc(std::string text) {
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return text;
  }
  utf8proc_uint8_t* normalized = nullptr;
  const utf8proc_ssize_t size =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &normalized,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (size < 0) return text;
  std::string out(reinterpret_cast<const char*>(normalized), static_cast<std::size_t>(size));
  std::free(normalized);
  return out;
}

}  // namespace

Value Value::string(std::string s, const SourceLocation& at) {
  Value value;
  value.kind_ = Kind::string;
  value.text_ = nfc(std::move(s));
  value.location_ = at;
  return value;
}

Value Value::sequence(Kind kind, Elements elements, const SourceLocation& at) {
  if (kind == Kind::set) {
    // A set's membership is not known while an element is unknown.
    for (const Value& element : elements) {
      if (element.is_unknown()) return Value(element).at(at);
    }
    std::stable_sort(elements.begin(), elements.end());
    elements.erase(
        std::unique(elements.begin(), elements.end(),
                    [](const Value& a, const Value& b) { return equals(a, b).value_or(false); }),
        elements.end());
  }
  Value value;
  value.kind_ = kind;
  value.elements_ = std::make_shared<const Elements>(std::move(elements));
  value.location_ = at;
  return value;
}

Value Value::mapping(Kind kind, Attributes attributes, const SourceLocation& at) {
  // Sorted by name; of equal names the last one stays.
  std::stable_sort(attributes.begin(), attributes.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Attributes unique;
  unique.reserve(attributes.size());
  for (auto& entry : attributes) {
    if (!unique.empty() && unique.back().first == entry.first) {
      unique.back() = std::move(entry);
    } else {
      unique.push_back(std::move(entry));
    }
  }
  Value value;
  value.kind_ = kind;
  value.attributes_ = std::make_shared<const Attributes>(std::move(unique));
  value.location_ = at;
  return value;
}

Value Value::lazy(std::shared_ptr<const LazyObject> object, const SourceLocation& at) {
  Value value;
  value.kind_ = Kind::object;
  value.lazy_ = std::move(object);
  value.attributes_ = std::make_shared<const Attributes>();
  value.location_ = at;
  return value;
}

const Value::Elements& Value::elements() const { return elements_ ? *elements_ : no_elements(); }

const Value::Attributes& Value::attributes() const {
  return attributes_ ? *attributes_ : no_attributes();
}

bool Value::has_unknown() const {
  if (kind_ == Kind::unknown) return true;
  for (const Value& element : elements()) {
    if (element.has_unknown()) return true;
  }
  for (const auto& [name, value] : attributes()) {
    if (value.has_unknown()) return true;
  }
  return false;
}

std::optional<Value> Value::attribute(std::string_view name, const SourceLocation& at) const {
  if (lazy_) return lazy_->attribute(name, at);
  const Attributes& all = attributes();
  const auto found =
      std::lower_bound(all.begin(), all.end(), name,
                       [](const auto& entry, std::string_view key) { return entry.first < key; });
  if (found == all.end() || found->first != name) return std::nullopt;
  return found->second;
}

std::optional<std::string> Value::to_text() const {
  switch (kind_) {
    case Kind::string:
      return text_;
    case Kind::number:
      return format_number(number_);
    case Kind::boolean:
      return std::string(boolean_ ? "true" : "false");
    default:
      return std::nullopt;
  }
}

std::optional<double> Value::to_number() const {
  if (kind_ == Kind::number) return number_;
  if (kind_ == Kind::string) return parse_number(text_);
  return std::nullopt;
}

std::optional<bool> Value::to_boolean() const {
  if (kind_ == Kind::boolean) return boolean_;
  if (kind_ == Kind::string && (text_ == "true" || text_ == "false")) return text_ == "true";
  return std::nullopt;
}

std::optional<bool> equals(const Value& a, const Value& b) {
  if (a.is_unknown() || b.is_unknown()) return std::nullopt;
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  const bool a_sequence = a.is_sequence();
  const bool a_mapping = a.is_mapping();
  if (a_sequence != b.is_sequence() || a_mapping != b.is_mapping()) return false;
  if (!a_sequence && !a_mapping && a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::boolean:
      return a.as_boolean() == b.as_boolean();
    case Value::Kind::number:
      return a.as_number() == b.as_number();
    case Value::Kind::string:
      return a.as_string() == b.as_string();
    default:
      break;
  }
  if (a.is_lazy() || b.is_lazy()) return a.lazy_object() == b.lazy_object();
  if (a_sequence) {
    if (a.elements().size() != b.elements().size()) return false;
    for (std::size_t i = 0; i < a.elements().size(); ++i) {
      const auto same = equals(a.elements()[i], b.elements()[i]);
      if (!same || !*same) return same;
    }
    return true;
  }
  if (a.attributes().size() != b.attributes().size()) return false;
  for (std::size_t i = 0; i < a.attributes().size(); ++i) {
    if (a.attributes()[i].first != b.attributes()[i].first) return false;
    const auto same = equals(a.attributes()[i].second, b.attributes()[i].second);
    if (!same || !*same) return same;
  }
  return true;
}

bool operator<(const Value& a, const Value& b) {
  const int rank_a = kind_rank(a.kind());
  const int rank_b = kind_rank(b.kind());
  if (rank_a != rank_b) return rank_a < rank_b;
  switch (a.kind()) {
    case Value::Kind::boolean:
      return a.as_boolean() < b.as_boolean();
    case Value::Kind::number:
      return a.as_number() < b.as_number();
    case Value::Kind::string:
    case Value::Kind::unknown:
      return a.as_string() < b.as_string();
    default:
      break;
  }
  if (a.is_sequence()) {
    return std::lexicographical_compare(a.elements().begin(), a.elements().end(),
                                        b.elements().begin(), b.elements().end());
  }
  if (a.is_mapping()) {
    return std::lexicographical_compare(
        a.attributes().begin(), a.attributes().end(), b.attributes().begin(), b.attributes().end(),
        [](const auto& x, const auto& y) {
          return x.first != y.first ? x.first < y.first : x.second < y.second;
        });
  }
  return false;
}

std::string Value::describe() const {
  switch (kind_) {
    case Kind::null:
      return "null";
    case Kind::unknown:
      return "(not known statically)";
    case Kind::boolean:
      return boolean_ ? "true" : "false";
    case Kind::number:
      return format_number(number_);
    case Kind::string:
      return fmt::format("\"{}\"", text_);
    case Kind::tuple:
    case Kind::list:
    case Kind::set: {
      std::string out = "[";
      for (const Value& element : elements()) {
        if (out.size() > 1) out += ", ";
        out += element.describe();
      }
      return out + "]";
    }
    case Kind::object:
    case Kind::map: {
      if (lazy_) return lazy_->describe();
      std::string out = "{";
      for (const auto& [name, value] : attributes()) {
        if (out.size() > 1) out += ", ";
        out += fmt::format("{} = {}", name, value.describe());
      }
      return out + "}";
    }
  }
  return {};
}

std::string_view Value::type_name() const {
  switch (kind_) {
    case Kind::null:
      return "null";
    case Kind::unknown:
      return "unknown";
    case Kind::boolean:
      return "bool";
    case Kind::number:
      return "number";
    case Kind::string:
      return "string";
    case Kind::tuple:
      return "tuple";
    case Kind::list:
      return "list";
    case Kind::set:
      return "set";
    case Kind::object:
      return "object";
    case Kind::map:
      return "map";
  }
  return "unknown";
}

std::string format_number(double number) {
  if (std::isnan(number)) return "NaN";
  if (std::isinf(number)) return number > 0 ? "+Inf" : "-Inf";
  char buffer[400];
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::fixed);
  if (ec != std::errc()) return fmt::format("{}", number);
  std::string text(buffer, end);
  return text == "-0" ? "0" : text;
}

std::optional<double> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string_view digits = text;
  bool negative = false;
  if (digits.front() == '-' || digits.front() == '+') {
    negative = digits.front() == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty() || !(digits.front() >= '0' && digits.front() <= '9')) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value,
                                         std::chars_format::general);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return negative ? -value : value;
}

}  // namespace dnslint::hcl
