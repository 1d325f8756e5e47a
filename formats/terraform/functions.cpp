#include "formats/terraform/functions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>

#include "formats/terraform/function_call.hpp"
#include "formats/terraform/type_constraint.hpp"
#include "model/address.hpp"

namespace dnslint::hcl {
namespace {

// --- strings ------------------------------------------------------------------------------

std::string ascii_lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}
std::string ascii_upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

// The number of characters (code points) of UTF-8 text.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

// The byte offset of character `index` of UTF-8 text (its size past the end).
std::size_t character_offset(std::string_view text, std::size_t index) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) == 0x80) continue;
    if (seen++ == index) return i;
  }
  return text.size();
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

Value unary_string(const Call& call, const std::function<std::string(std::string)>& apply) {
  auto text = call.text(0);
  if (!text) return call.error("the argument must be a string");
  return call.string(apply(std::move(*text)));
}

// A function of two strings.
Value two_strings(const Call& call,
                  const std::function<Value(const std::string&, const std::string&)>& apply) {
  auto first = call.text(0);
  auto second = call.text(1);
  if (!first || !second) return call.error("the arguments must be strings");
  return apply(*first, *second);
}

// max() and min(): the argument that `better` puts first.
template <typename Better>
Value extreme(const Call& call, Better better) {
  std::optional<double> best;
  for (std::size_t i = 0; i < call.count(); ++i) {
    auto number = call.number_at(i);
    if (!number) return call.error("the arguments must be numbers");
    if (!best || better(*number, *best)) best = number;
  }
  return call.number(*best);
}

Value unary_number(const Call& call, double (*apply)(double)) {
  auto number = call.number_at(0);
  if (!number) return call.error("the argument must be a number");
  return call.number(apply(*number));
}

// Terraform's format(): Go's fmt verbs as cty's stdlib implements them.
Value format_text(const Call& call, std::size_t first) {
  auto spec_text = call.text(first);
  if (!spec_text) return call.error("the format must be a string");
  const std::string& spec = *spec_text;
  std::string out;
  std::size_t next_argument = first + 1;
  for (std::size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] != '%') {
      out += spec[i];
      continue;
    }
    if (++i >= spec.size()) return call.error("the format ends with a lone %");
    if (spec[i] == '%') {
      out += '%';
      continue;
    }
    std::string flags;
    while (i < spec.size() && std::string_view("-+# 0").find(spec[i]) != std::string_view::npos)
      flags += spec[i++];
    if (i < spec.size() && spec[i] == '[') {
      const std::size_t close = spec.find(']', i);
      if (close == std::string::npos) return call.error("an unclosed [ in the format");
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(spec.data() + i + 1, spec.data() + close, index);
      if (ec != std::errc() || end != spec.data() + close || index == 0) {
        return call.error("a bad argument index in the format");
      }
      next_argument = first + index;
      i = close + 1;
    }
    std::string width;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) width += spec[i++];
    std::string precision;
    bool has_precision = false;
    if (i < spec.size() && spec[i] == '.') {
      has_precision = true;
      ++i;
      while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i])))
        precision += spec[i++];
    }
    if (i >= spec.size()) return call.error("the format ends inside a verb");
    const char verb = spec[i];
    if (next_argument >= call.count()) {
      return call.error(fmt::format("the format needs more arguments than the {} given",
                                    call.count() - first - 1));
    }
    const Value& argument = call[next_argument++];
    std::string piece;
    switch (verb) {
      case 'v':
      case 's': {
        if (argument.is_null()) {
          piece = "null";
        } else if (auto text = argument.to_text()) {
          piece = *text;
        } else if (verb == 'v') {
          piece = argument.describe();
        } else {
          return call.error(fmt::format("%s cannot format a {} value", argument.type_name()));
        }
        if (has_precision)
          piece = piece.substr(0, character_offset(piece, std::stoul("0" + precision)));
        break;
      }
      case 'q': {
        auto text = argument.to_text();
        if (!text) return call.error("%q needs a string");
        piece = fmt::format("{:?}", *text);
        break;
      }
      case 't': {
        auto boolean = argument.to_boolean();
        if (!boolean) return call.error("%t needs a bool");
        piece = *boolean ? "true" : "false";
        break;
      }
      case 'd':
      case 'x':
      case 'X':
      case 'o':
      case 'b': {
        const auto n = argument.to_number();
        if (!n || std::floor(*n) != *n)
          return call.error(fmt::format("%{} needs a whole number", verb));
        const auto whole = static_cast<long long>(*n);
        const char* form = verb == 'd'   ? "{}"
                           : verb == 'x' ? "{:x}"
                           : verb == 'X' ? "{:X}"
                           : verb == 'o' ? "{:o}"
                                         : "{:b}";
        piece = fmt::format(fmt::runtime(form), std::llabs(whole));
        if (whole < 0) {
          piece = "-" + piece;
        } else if (flags.find('+') != std::string::npos) {
          piece = "+" + piece;
        } else if (flags.find(' ') != std::string::npos) {
          piece = " " + piece;
        }
        break;
      }
      case 'f':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        const auto n = argument.to_number();
        if (!n) return call.error(fmt::format("%{} needs a number", verb));
        const std::string form = fmt::format(
            "{{:{}{}{}}}", flags.find('+') != std::string::npos ? "+" : "",
            has_precision ? "." + (precision.empty() ? std::string("0") : precision) : "", verb);
        piece = fmt::format(fmt::runtime(form), *n);
        break;
      }
      default:
        return call.error(fmt::format("the verb %{} is not supported", verb));
    }
    if (!width.empty()) {
      const std::size_t wanted = std::stoul(width);
      const std::size_t have = characters(piece);
      if (have < wanted) {
        const std::size_t pad = wanted - have;
        if (flags.find('-') != std::string::npos) {
          piece += std::string(pad, ' ');
        } else if (flags.find('0') != std::string::npos && verb != 's' && verb != 'v' &&
                   verb != 'q') {
          const std::size_t sign = !piece.empty() && (piece[0] == '-' || piece[0] == '+') ? 1 : 0;
          piece.insert(sign, std::string(pad, '0'));
        } else {
          piece.insert(0, std::string(pad, ' '));
        }
      }
    }
    out += piece;
  }
  return call.string(std::move(out));
}

// --- collections --------------------------------------------------------------------------

Value flatten_into(const Value& value, Value::Elements& out, const Call& call, unsigned depth) {
  if (depth > 64) return call.error("the list is nested too deeply");
  for (const Value& element : value.elements()) {
    if (element.is_sequence()) {
      Value failed = flatten_into(element, out, call, depth + 1);
      if (failed.is_unknown()) return failed;
    } else if (element.is_unknown()) {
      // An unknown element may itself be a list: the flattened shape is not known.
      return Value::unknown(element.why_unknown(), call.at());
    } else {
      out.push_back(element);
    }
  }
  return Value::null();
}

// The elements of a list, tuple or set argument; nullopt otherwise.
const Value::Elements* sequence_at(const Call& call, std::size_t i) {
  return call[i].is_sequence() ? &call[i].elements() : nullptr;
}

Value first_unknown_argument(const Call& call) {
  const Value* found = nullptr;
  for (std::size_t i = 0; i < call.count(); ++i) {
    if (!call[i].has_unknown()) continue;
    const Value* unknown = &call[i];
    // The reason of the innermost unknown value says more.
    std::function<const Value*(const Value&)> innermost = [&](const Value& v) -> const Value* {
      if (v.is_unknown()) return &v;
      for (const Value& element : v.elements()) {
        if (const Value* inner = innermost(element)) return inner;
      }
      for (const auto& [name, attribute] : v.attributes()) {
        if (const Value* inner = innermost(attribute)) return inner;
      }
      return nullptr;
    };
    unknown = innermost(*unknown);
    if (unknown->is_error()) return Value::error(unknown->why_unknown(), call.at());
    if (found == nullptr) found = unknown;
  }
  return Value::unknown(found->why_unknown(), call.at());
}

// alltrue() (`all` true: every element is true) and anytrue() (`all` false: any element is).
Value all_bools(const Call& call, bool all) {
  const auto* elements = sequence_at(call, 0);
  if (elements == nullptr) return call.error("the argument must be a list");
  for (const Value& element : *elements) {
    auto boolean = element.to_boolean();
    if (!boolean) return call.error("the list must hold bools");
    // alltrue stops at the first false, anytrue at the first true.
    if (*boolean != all) return call.boolean(!all);
  }
  return call.boolean(all);
}

// The elements of every list argument, in order, as a `kind`.
Value joined_lists(const Call& call, Value::Kind kind) {
  Value::Elements out;
  for (std::size_t i = 0; i < call.count(); ++i) {
    if (call[i].is_unknown()) return Value(call[i]).at(call.at());
    const auto* elements = sequence_at(call, i);
    if (elements == nullptr) return call.error("the arguments must be lists");
    out.insert(out.end(), elements->begin(), elements->end());
  }
  return call.list(std::move(out), kind);
}

// tobool(), tonumber(), tostring(): the argument converted as a variable's value would be.
Value converted(const Call& call, TypeConstraint::Kind kind) {
  TypeConstraint type;
  type.kind = kind;
  Value value = convert(call[0], type);
  return value.is_error() ? call.error(value.why_unknown()) : value.at(call.at());
}

// --- IP addresses -------------------------------------------------------------------------

struct Prefix {
  std::array<std::uint8_t, 16> bytes{};
  unsigned length = 0;
  bool v4 = false;
  unsigned bits() const { return v4 ? 32 : 128; }
};

std::optional<Prefix> parse_prefix(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Prefix prefix;
  const std::string_view address = text.substr(0, slash);
  const std::string_view length = text.substr(slash + 1);
  const auto [end, ec] =
      std::from_chars(length.data(), length.data() + length.size(), prefix.length);
  if (ec != std::errc() || end != length.data() + length.size()) return std::nullopt;
  if (auto v4 = parse_ipv4(address)) {
    prefix.v4 = true;
    for (int i = 0; i < 4; ++i)
      prefix.bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(*v4 >> (24 - 8 * i));
  } else if (auto v6 = parse_ipv6(address)) {
    prefix.bytes = *v6;
  } else {
    return std::nullopt;
  }
  if (prefix.length > prefix.bits()) return std::nullopt;
  return prefix;
}

// Addresses as one integer (IPv6 needs 128 bits; GCC and Clang have them).
__extension__ typedef unsigned __int128 U128;
U128 to_integer(const Prefix& prefix) {
  U128 value = 0;
  const std::size_t size = prefix.v4 ? 4 : 16;
  for (std::size_t i = 0; i < size; ++i) value = (value << 8) | prefix.bytes[i];
  return value;
}

std::string address_text(U128 value, bool v4) {
  if (v4) {
    const auto v = static_cast<std::uint32_t>(value);
    return fmt::format("{}.{}.{}.{}", v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
  }
  std::array<std::uint16_t, 8> groups{};
  for (int i = 7; i >= 0; --i) {
    groups[static_cast<std::size_t>(i)] = static_cast<std::uint16_t>(value & 0xffff);
    value >>= 16;
  }
  // RFC 5952 §4.2: the longest run of two or more zero groups becomes "::".
  int best = -1, best_length = 0;
  for (int i = 0; i < 8;) {
    if (groups[static_cast<std::size_t>(i)] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[static_cast<std::size_t>(j)] == 0) ++j;
    if (j - i > best_length && j - i >= 2) {
      best = i;
      best_length = j - i;
    }
    i = j;
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    out += fmt::format("{:x}", groups[static_cast<std::size_t>(i)]);
  }
  return out;
}

Value cidr_host(const Call& call) {
  auto text = call.text(0);
  const auto host = call.integer(1);
  if (!text || !host) return call.error("the arguments must be a prefix and a whole number");
  const auto prefix = parse_prefix(*text);
  if (!prefix) return call.error(fmt::format("\"{}\" is not an address prefix", *text));
  const unsigned host_bits = prefix->bits() - prefix->length;
  const U128 size = host_bits >= 128 ? ~U128{0} : (U128{1} << host_bits);
  const U128 magnitude = static_cast<U128>(*host < 0 ? -*host : *host);
  if (host_bits < 128 && (*host < 0 ? magnitude > size : magnitude >= size)) {
    return call.error(fmt::format("prefix {} has no host number {}", *text, *host));
  }
  const U128 mask = host_bits >= 128 ? ~U128{0} : size - 1;
  const U128 network = to_integer(*prefix) & ~mask;
  const U128 offset = *host < 0 ? size - magnitude : magnitude;
  return call.string(address_text(network + offset, prefix->v4));
}

Value cidr_subnet(const Call& call) {
  auto text = call.text(0);
  const auto new_bits = call.integer(1);
  const auto number = call.integer(2);
  if (!text || !new_bits || !number || *new_bits < 0 || *number < 0)
    return call.error("the arguments must be a prefix and two whole numbers");
  const auto prefix = parse_prefix(*text);
  if (!prefix) return call.error(fmt::format("\"{}\" is not an address prefix", *text));
  const unsigned length = prefix->length + static_cast<unsigned>(*new_bits);
  if (length > prefix->bits()) return call.error("the new prefix is longer than the address");
  if (*new_bits < 64 && static_cast<U128>(*number) >= (U128{1} << *new_bits))
    return call.error(fmt::format("{} does not fit in {} bits", *number, *new_bits));
  const unsigned shift = prefix->bits() - length;
  const U128 host_mask = prefix->bits() - prefix->length >= 128
                             ? ~U128{0}
                             : (U128{1} << (prefix->bits() - prefix->length)) - 1;
  const U128 network = (to_integer(*prefix) & ~host_mask) | (static_cast<U128>(*number) << shift);
  return call.string(fmt::format("{}/{}", address_text(network, prefix->v4), length));
}

// --- the table ----------------------------------------------------------------------------

const FunctionTable& functions() {
  using Kind = Value::Kind;
  static const FunctionTable table = [] {
    FunctionTable built{
        // Strings.
        {"chomp",
         {1, 1, false,
          [](const Call& c) {
            return unary_string(c, [](std::string s) {
              while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
              return s;
            });
          }}},
        {"endswith",
         {2, 2, false,
          [](const Call& c) {
            return two_strings(c, [&](const std::string& text, const std::string& suffix) {
              return c.boolean(text.ends_with(suffix));
            });
          }}},
        {"format", {1, kVariadic, false, [](const Call& c) { return format_text(c, 0); }}},
        {"formatlist",
         {1, kVariadic, false,
          [](const Call& c) {
            std::size_t rows = 0;
            bool any_list = false;
            for (std::size_t i = 1; i < c.count(); ++i) {
              if (!c[i].is_sequence()) continue;
              if (any_list && c[i].elements().size() != rows)
                return c.error("the lists have different lengths");
              rows = c[i].elements().size();
              any_list = true;
            }
            if (!any_list) rows = 1;
            Value::Elements out;
            for (std::size_t row = 0; row < rows; ++row) {
              std::vector<Value> arguments{c[0]};
              for (std::size_t i = 1; i < c.count(); ++i)
                arguments.push_back(c[i].is_sequence() ? c[i].elements()[row] : c[i]);
              const Call one("formatlist", arguments, c.at(), c.budget());
              Value formatted = format_text(one, 0);
              if (formatted.is_unknown()) return formatted;
              out.push_back(std::move(formatted));
            }
            return c.list(std::move(out));
          }}},
        {"join",
         {2, kVariadic, false,
          [](const Call& c) {
            auto separator = c.text(0);
            if (!separator) return c.error("the separator must be a string");
            std::string out;
            bool first = true;
            for (std::size_t i = 1; i < c.count(); ++i) {
              const auto* elements = sequence_at(c, i);
              if (elements == nullptr)
                return c.error("the arguments after the separator must be lists");
              for (const Value& element : *elements) {
                auto text = element.to_text();
                if (!text) return c.error("the lists must hold strings");
                if (!first) out += *separator;
                out += *text;
                first = false;
              }
            }
            return c.string(std::move(out));
          }}},
        {"lower", {1, 1, false, [](const Call& c) { return unary_string(c, ascii_lower); }}},
        {"replace",
         {3, 3, false,
          [](const Call& c) {
            auto s = c.text(0);
            auto search = c.text(1);
            auto replacement = c.text(2);
            if (!s || !search || !replacement) return c.error("the arguments must be strings");
            if (search->size() > 1 && search->front() == '/' && search->back() == '/')
              return replace_regex(c, *s, search->substr(1, search->size() - 2), *replacement);
            if (search->empty()) return c.string(*s);
            std::string out;
            for (std::size_t at = 0;;) {
              const std::size_t found = s->find(*search, at);
              if (found == std::string::npos) {
                out += s->substr(at);
                break;
              }
              out += s->substr(at, found - at) + *replacement;
              at = found + search->size();
            }
            return c.string(std::move(out));
          }}},
        {"split",
         {2, 2, false,
          [](const Call& c) {
            auto separator = c.text(0);
            auto s = c.text(1);
            if (!separator || !s) return c.error("the arguments must be strings");
            Value::Elements out;
            if (s->empty()) return c.list({c.string("")});
            if (separator->empty()) {
              for (std::size_t i = 0; i < s->size();) {
                const std::size_t next = character_offset(*s, characters(s->substr(0, i)) + 1);
                out.push_back(c.string(s->substr(i, next - i)));
                i = next;
              }
              return c.list(std::move(out));
            }
            for (std::size_t at = 0;;) {
              const std::size_t found = s->find(*separator, at);
              out.push_back(c.string(
                  s->substr(at, found == std::string::npos ? std::string::npos : found - at)));
              if (found == std::string::npos) break;
              at = found + separator->size();
            }
            return c.list(std::move(out));
          }}},
        {"startswith",
         {2, 2, false,
          [](const Call& c) {
            return two_strings(c, [&](const std::string& text, const std::string& prefix) {
              return c.boolean(text.starts_with(prefix));
            });
          }}},
        {"strcontains",
         {2, 2, false,
          [](const Call& c) {
            return two_strings(c, [&](const std::string& text, const std::string& part) {
              return c.boolean(text.find(part) != std::string::npos);
            });
          }}},
        {"strrev",
         {1, 1, false,
          [](const Call& c) {
            return unary_string(c, [](std::string s) {
              std::string out;
              for (std::size_t i = s.size(); i > 0;) {
                std::size_t start = i - 1;
                while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xc0) == 0x80) --start;
                out += s.substr(start, i - start);
                i = start;
              }
              return out;
            });
          }}},
        {"substr",
         {3, 3, false,
          [](const Call& c) {
            auto s = c.text(0);
            auto offset = c.integer(1);
            auto length = c.integer(2);
            if (!s || !offset || !length)
              return c.error("the arguments must be a string and two whole numbers");
            const auto total = static_cast<long long>(characters(*s));
            long long start = *offset < 0 ? total + *offset : *offset;
            if (start < 0 || start > total) return c.error("the offset is outside the string");
            long long end = *length < 0 ? total : std::min(total, start + *length);
            const std::size_t from = character_offset(*s, static_cast<std::size_t>(start));
            const std::size_t to = character_offset(*s, static_cast<std::size_t>(end));
            return c.string(s->substr(from, to - from));
          }}},
        {"title",
         {1, 1, false,
          [](const Call& c) {
            return unary_string(c, [](std::string s) {
              bool word_start = true;
              for (char& ch : s) {
                if (word_start && std::isalpha(static_cast<unsigned char>(ch)))
                  ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                word_start = !std::isalnum(static_cast<unsigned char>(ch)) && ch != '\'';
              }
              return s;
            });
          }}},
        {"trim",
         {2, 2, false,
          [](const Call& c) {
            return two_strings(c, [&](const std::string& text, const std::string& cut) {
              const auto begin = text.find_first_not_of(cut);
              if (begin == std::string::npos) return c.string("");
              return c.string(text.substr(begin, text.find_last_not_of(cut) - begin + 1));
            });
          }}},
        {"trimprefix",
         {2, 2, false,
          [](const Call& c) {
            return two_strings(c, [&](const std::string& text, const std::string& prefix) {
              return c.string(text.starts_with(prefix) ? text.substr(prefix.size()) : text);
            });
          }}},
        {"trimspace",
         {1, 1, false,
          [](const Call& c) {
            return unary_string(c, [](std::string s) {
              std::size_t begin = 0, end = s.size();
              while (begin < end && is_space(s[begin])) ++begin;
              while (end > begin && is_space(s[end - 1])) --end;
              return s.substr(begin, end - begin);
            });
          }}},
        {"trimsuffix",
         {2, 2, false,
          [](const Call& c) {
            return two_strings(c, [&](const std::string& text, const std::string& suffix) {
              return c.string(text.ends_with(suffix) ? text.substr(0, text.size() - suffix.size())
                                                     : text);
            });
          }}},
        {"upper", {1, 1, false, [](const Call& c) { return unary_string(c, ascii_upper); }}},

        // Collections.
        {"alltrue", {1, 1, false, [](const Call& c) { return all_bools(c, true); }}},
        {"anytrue", {1, 1, false, [](const Call& c) { return all_bools(c, false); }}},
        {"coalesce",
         {1, kVariadic, true,
          [](const Call& c) {
            for (std::size_t i = 0; i < c.count(); ++i) {
              if (c[i].is_unknown()) return Value(c[i]).at(c.at());
              if (c[i].is_null()) continue;
              if (c[i].kind() == Kind::string && c[i].as_string().empty()) continue;
              return c[i];
            }
            return c.error("no argument is a non-null, non-empty value");
          }}},
        {"coalescelist",
         {1, kVariadic, true,
          [](const Call& c) {
            for (std::size_t i = 0; i < c.count(); ++i) {
              if (c[i].is_unknown()) return Value(c[i]).at(c.at());
              if (!c[i].is_sequence()) return c.error("the arguments must be lists");
              if (!c[i].elements().empty()) return c[i];
            }
            return c.error("no argument is a non-empty list");
          }}},
        {"compact",
         {1, 1, false,
          [](const Call& c) {
            const auto* elements = sequence_at(c, 0);
            if (elements == nullptr) return c.error("the argument must be a list");
            Value::Elements out;
            for (const Value& element : *elements) {
              if (element.is_null()) continue;
              auto text = element.to_text();
              if (!text) return c.error("the list must hold strings");
              if (!text->empty()) out.push_back(c.string(*text).at(element.location()));
            }
            return c.list(std::move(out));
          }}},
        {"concat",
         {1, kVariadic, true, [](const Call& c) { return joined_lists(c, Kind::tuple); }}},
        {"contains",
         {2, 2, false,
          [](const Call& c) {
            const auto* elements = sequence_at(c, 0);
            if (elements == nullptr) return c.error("the first argument must be a list");
            for (const Value& element : *elements) {
              if (equals(element, c[1]).value_or(false)) return c.boolean(true);
            }
            return c.boolean(false);
          }}},
        {"distinct",
         {1, 1, false,
          [](const Call& c) {
            const auto* elements = sequence_at(c, 0);
            if (elements == nullptr) return c.error("the argument must be a list");
            Value::Elements out;
            for (const Value& element : *elements) {
              const bool seen = std::any_of(out.begin(), out.end(), [&](const Value& kept) {
                return equals(kept, element).value_or(false);
              });
              if (!seen) out.push_back(element);
            }
            return c.list(std::move(out));
          }}},
        {"element",
         {2, 2, true,
          [](const Call& c) {
            if (c[0].is_unknown() || c[1].is_unknown())
              return Value(c[0].is_unknown() ? c[0] : c[1]).at(c.at());
            const auto* elements = sequence_at(c, 0);
            const auto index = c.integer(1);
            if (elements == nullptr || !index || *index < 0)
              return c.error("the arguments must be a list and a whole number");
            if (elements->empty()) return c.error("the list is empty");
            // element() wraps around the end of the list.
            return (*elements)[static_cast<std::size_t>(*index) % elements->size()];
          }}},
        {"flatten",
         {1, 1, true,
          [](const Call& c) {
            if (c[0].is_unknown()) return Value(c[0]).at(c.at());
            if (!c[0].is_sequence()) return c.error("the argument must be a list");
            Value::Elements out;
            Value failed = flatten_into(c[0], out, c, 0);
            if (failed.is_unknown()) return failed;
            return c.list(std::move(out), Kind::tuple);
          }}},
        {"index",
         {2, 2, false,
          [](const Call& c) {
            const auto* elements = sequence_at(c, 0);
            if (elements == nullptr) return c.error("the first argument must be a list");
            for (std::size_t i = 0; i < elements->size(); ++i) {
              if (equals((*elements)[i], c[1]).value_or(false))
                return c.number(static_cast<double>(i));
            }
            return c.error(fmt::format("{} is not in the list", c[1].describe()));
          }}},
        {"keys",
         {1, 1, true,
          [](const Call& c) {
            if (c[0].is_unknown()) return Value(c[0]).at(c.at());
            if (!c[0].is_mapping() || c[0].is_lazy())
              return c.error("the argument must be a map or object");
            Value::Elements out;
            for (const auto& [name, value] : c[0].attributes()) out.push_back(c.string(name));
            return c.list(std::move(out), c[0].kind() == Kind::map ? Kind::list : Kind::tuple);
          }}},
        {"length",
         {1, 1, true,
          [](const Call& c) {
            if (c[0].is_unknown()) return Value(c[0]).at(c.at());
            if (c[0].kind() == Kind::string)
              return c.number(static_cast<double>(characters(c[0].as_string())));
            if (c[0].is_sequence()) return c.number(static_cast<double>(c[0].elements().size()));
            if (c[0].is_mapping() && !c[0].is_lazy())
              return c.number(static_cast<double>(c[0].attributes().size()));
            return c.error(fmt::format("a {} value has no length", c[0].type_name()));
          }}},
        {"lookup",
         {2, 3, true,
          [](const Call& c) {
            if (c[0].is_unknown() || c[1].is_unknown())
              return Value(c[0].is_unknown() ? c[0] : c[1]).at(c.at());
            if (!c[0].is_mapping()) return c.error("the first argument must be a map or object");
            auto key = c.text(1);
            if (!key) return c.error("the key must be a string");
            if (auto found = c[0].attribute(*key, c.at())) return std::move(*found);
            if (c.count() == 3) return c[2];
            return c.error(fmt::format("the map has no key \"{}\" and no default is given", *key));
          }}},
        {"merge",
         {0, kVariadic, true,
          [](const Call& c) {
            Value::Attributes out;
            bool all_maps = true;
            for (std::size_t i = 0; i < c.count(); ++i) {
              if (c[i].is_unknown()) return Value(c[i]).at(c.at());
              if (c[i].is_null()) continue;
              if (!c[i].is_mapping() || c[i].is_lazy())
                return c.error("the arguments must be maps or objects");
              all_maps = all_maps && c[i].kind() == Kind::map;
              for (const auto& entry : c[i].attributes()) out.push_back(entry);
            }
            return c.charged(Value::mapping(all_maps && c.count() > 0 ? Kind::map : Kind::object,
                                            std::move(out), c.at()));
          }}},
        {"one",
         {1, 1, true,
          [](const Call& c) {
            if (c[0].is_unknown()) return Value(c[0]).at(c.at());
            const auto* elements = sequence_at(c, 0);
            if (elements == nullptr) return c.error("the argument must be a list");
            if (elements->empty()) return Value::null(c.at());
            if (elements->size() > 1) return c.error("the list has more than one element");
            return elements->front();
          }}},
        {"range",
         {1, 3, false,
          [](const Call& c) {
            double start = 0, limit = 0, step = 1;
            const auto a = c.number_at(0);
            if (!a) return c.error("the arguments must be numbers");
            if (c.count() == 1) {
              limit = *a;
            } else {
              const auto b = c.number_at(1);
              if (!b) return c.error("the arguments must be numbers");
              start = *a;
              limit = *b;
              if (c.count() == 3) {
                const auto s = c.number_at(2);
                if (!s || *s == 0) return c.error("the step must be a non-zero number");
                step = *s;
              } else if (limit < start) {
                step = -1;
              }
            }
            Value::Elements out;
            for (double n = start; step > 0 ? n < limit : n > limit; n += step) {
              // Terraform refuses ranges of more than 1024 elements.
              if (out.size() == 1024) return c.error("more than 1024 elements");
              out.push_back(c.number(n));
            }
            return c.list(std::move(out));
          }}},
        {"reverse",
         {1, 1, true,
          [](const Call& c) {
            if (c[0].is_unknown()) return Value(c[0]).at(c.at());
            const auto* elements = sequence_at(c, 0);
            if (elements == nullptr) return c.error("the argument must be a list");
            return c.list(Value::Elements(elements->rbegin(), elements->rend()), Kind::tuple);
          }}},
        {"setunion",
         {1, kVariadic, false, [](const Call& c) { return joined_lists(c, Kind::set); }}},
        {"slice",
         {3, 3, true,
          [](const Call& c) {
            if (c[0].is_unknown()) return Value(c[0]).at(c.at());
            const auto* elements = sequence_at(c, 0);
            const auto start = c.integer(1);
            const auto end = c.integer(2);
            if (elements == nullptr || !start || !end)
              return c.error("the arguments must be a list and two whole numbers");
            if (*start < 0 || *end < *start || static_cast<std::size_t>(*end) > elements->size())
              return c.error("the indexes are outside the list");
            return c.list(Value::Elements(elements->begin() + *start, elements->begin() + *end),
                          Kind::tuple);
          }}},
        {"sort",
         {1, 1, false,
          [](const Call& c) {
            const auto* elements = sequence_at(c, 0);
            if (elements == nullptr) return c.error("the argument must be a list");
            std::vector<std::string> texts;
            for (const Value& element : *elements) {
              auto text = element.to_text();
              if (!text) return c.error("the list must hold strings");
              texts.push_back(std::move(*text));
            }
            std::sort(texts.begin(), texts.end());
            Value::Elements out;
            for (auto& text : texts) out.push_back(c.string(std::move(text)));
            return c.list(std::move(out));
          }}},
        {"tolist",
         {1, 1, true,
          [](const Call& c) {
            if (c[0].is_unknown() || c[0].is_null()) return Value(c[0]).at(c.at());
            if (!c[0].is_sequence())
              return c.error(fmt::format("a {} value is not a list", c[0].type_name()));
            return c.list(c[0].elements());
          }}},
        {"tomap",
         {1, 1, true,
          [](const Call& c) {
            if (c[0].is_unknown() || c[0].is_null()) return Value(c[0]).at(c.at());
            if (!c[0].is_mapping() || c[0].is_lazy())
              return c.error(fmt::format("a {} value is not a map", c[0].type_name()));
            return Value::mapping(Kind::map, c[0].attributes(), c.at());
          }}},
        {"toset",
         {1, 1, false,
          [](const Call& c) {
            if (c[0].is_null()) return Value(c[0]).at(c.at());
            if (!c[0].is_sequence())
              return c.error(fmt::format("a {} value is not a set", c[0].type_name()));
            return c.list(c[0].elements(), Kind::set);
          }}},
        {"values",
         {1, 1, true,
          [](const Call& c) {
            if (c[0].is_unknown()) return Value(c[0]).at(c.at());
            if (!c[0].is_mapping() || c[0].is_lazy())
              return c.error("the argument must be a map or object");
            Value::Elements out;
            for (const auto& [name, value] : c[0].attributes()) out.push_back(value);
            return c.list(std::move(out), c[0].kind() == Kind::map ? Kind::list : Kind::tuple);
          }}},
        {"zipmap",
         {2, 2, true,
          [](const Call& c) {
            if (c[0].has_unknown() || c[1].is_unknown()) return first_unknown_argument(c);
            const auto* keys = sequence_at(c, 0);
            const auto* values = sequence_at(c, 1);
            if (keys == nullptr || values == nullptr || keys->size() != values->size())
              return c.error("the arguments must be two lists of one length");
            Value::Attributes out;
            for (std::size_t i = 0; i < keys->size(); ++i) {
              auto key = (*keys)[i].to_text();
              if (!key) return c.error("the keys must be strings");
              out.emplace_back(std::move(*key), (*values)[i]);
            }
            return c.charged(Value::mapping(Kind::map, std::move(out), c.at()));
          }}},

        // Numbers.
        {"abs", {1, 1, false, [](const Call& c) { return unary_number(c, std::fabs); }}},
        {"ceil", {1, 1, false, [](const Call& c) { return unary_number(c, std::ceil); }}},
        {"floor", {1, 1, false, [](const Call& c) { return unary_number(c, std::floor); }}},
        {"max", {1, kVariadic, false, [](const Call& c) { return extreme(c, std::greater<>()); }}},
        {"min", {1, kVariadic, false, [](const Call& c) { return extreme(c, std::less<>()); }}},
        {"parseint",
         {2, 2, false,
          [](const Call& c) {
            auto s = c.text(0);
            auto base = c.integer(1);
            if (!s || !base || *base < 2 || *base > 62)
              return c.error("the arguments must be a string and a base");
            long long value = 0;
            const auto [end, ec] =
                std::from_chars(s->data(), s->data() + s->size(), value, static_cast<int>(*base));
            if (ec != std::errc() || end != s->data() + s->size())
              return c.error(fmt::format("\"{}\" is not a number in base {}", *s, *base));
            return c.number(static_cast<double>(value));
          }}},
        {"sum",
         {1, 1, false,
          [](const Call& c) {
            const auto* elements = sequence_at(c, 0);
            if (elements == nullptr || elements->empty())
              return c.error("the argument must be a non-empty list");
            double total = 0;
            for (const Value& element : *elements) {
              auto n = element.to_number();
              if (!n) return c.error("the list must hold numbers");
              total += *n;
            }
            return c.number(total);
          }}},

        // Types.
        {"can",
         {1, 1, true,
          [](const Call& c) {
            if (c[0].is_error()) return c.boolean(false);
            if (c[0].is_unknown()) return Value(c[0]).at(c.at());
            return c.boolean(true);
          }}},
        {"tobool",
         {1, 1, false, [](const Call& c) { return converted(c, TypeConstraint::Kind::boolean); }}},
        {"tonumber",
         {1, 1, false, [](const Call& c) { return converted(c, TypeConstraint::Kind::number); }}},
        {"tostring",
         {1, 1, false, [](const Call& c) { return converted(c, TypeConstraint::Kind::string); }}},
        {"try",
         {1, kVariadic, true,
          [](const Call& c) {
            for (std::size_t i = 0; i < c.count(); ++i) {
              if (!c[i].is_error()) return c[i];
            }
            return c.error("no argument evaluates without an error");
          }}},

        // Network addresses.
        {"cidrhost", {2, 2, false, cidr_host}},
        {"cidrnetmask",
         {1, 1, false,
          [](const Call& c) {
            auto text = c.text(0);
            const auto prefix = text ? parse_prefix(*text) : std::nullopt;
            if (!prefix || !prefix->v4) return c.error("the argument must be an IPv4 prefix");
            const U128 mask =
                prefix->length == 0 ? 0 : (~U128{0} << (32 - prefix->length)) & 0xffffffffu;
            return c.string(address_text(mask, true));
          }}},
        {"cidrsubnet", {3, 3, false, cidr_subnet}},
    };
    add_encoding_functions(built);
    return built;
  }();
  return table;
}

}  // namespace

Value call_function(std::string_view name, const std::vector<Value>& arguments,
                    const SourceLocation& at, EvaluationBudget& budget) {
  const auto found = functions().find(name);
  if (found == functions().end()) {
    return Value::unknown(fmt::format("{}() is not evaluated by dnslint", name), at);
  }
  const Function& function = found->second;
  const Call call(name, arguments, at, budget);
  if (arguments.size() < function.min_arguments || arguments.size() > function.max_arguments) {
    return call.error(fmt::format("{} arguments given", arguments.size()));
  }
  if (!function.takes_unknown) {
    const bool unknown = std::any_of(arguments.begin(), arguments.end(),
                                     [](const Value& v) { return v.has_unknown(); });
    if (unknown) return first_unknown_argument(call);
  }
  return function.handler(call);
}

std::vector<std::string_view> evaluated_functions() {
  std::vector<std::string_view> names;
  for (const auto& [name, function] : functions()) names.push_back(name);
  return names;
}

}  // namespace dnslint::hcl
