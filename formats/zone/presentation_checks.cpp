#include "formats/zone/presentation_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <vector>

namespace dnslint {
namespace {

constexpr RRType kNxt = 30;
constexpr RRType kNsap = 22;
constexpr RRType kNaptr = 35;
constexpr RRType kSvcb = 64;
constexpr RRType kHttps = 65;
constexpr RRType kEui48 = 108;
constexpr RRType kEui64 = 109;

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_decimal_digit(char c) { return c >= '0' && c <= '9'; }

RdataError error_at(std::size_t token, std::string message) {
  return RdataError{token, std::move(message), false};
}

}  // namespace

std::optional<std::string> decode_unpadded_base32hex(std::string_view text) {
  if (text.empty()) return std::nullopt;
  switch (text.size() % 8) {
    case 1:
    case 3:
    case 6:
      return std::nullopt;  // bits of no whole octet
    default:
      break;
  }
  std::string octets;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    unsigned digit = 0;
    if (is_decimal_digit(c)) {
      digit = static_cast<unsigned>(c - '0');
    } else if (c >= 'A' && c <= 'V') {
      digit = static_cast<unsigned>(c - 'A' + 10);
    } else if (c >= 'a' && c <= 'v') {
      digit = static_cast<unsigned>(c - 'a' + 10);
    } else {
      return std::nullopt;
    }
    buffer = (buffer << 5 | digit) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      octets += static_cast<char>(buffer >> bits & 0xff);
    }
  }
  return octets;
}

namespace {

// NXT's bitmap covers the types 1 to 127 (RFC 2535 §5.2), which BIND also takes as numbers.
bool is_nxt_type_number(std::string_view text) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && value >= 1 && value <= 127;
}

// Every token from `first` on names a record type (RFC 4034 §4.2, RFC 5155 §3.3), or for NXT
// is one's number.
std::optional<RdataError> check_type_list(RRType type, std::span<const Token> tokens,
                                          std::size_t first, bool may_be_empty) {
  if (tokens.size() <= first) {
    if (may_be_empty || tokens.empty()) return std::nullopt;
    return error_at(tokens.size() - 1,
                    fmt::format("{} rdata needs the types present at its owner", type_name(type)));
  }
  for (std::size_t i = first; i < tokens.size(); ++i) {
    if (type == kNxt && is_nxt_type_number(tokens[i].text)) continue;
    if (!type_from_name(tokens[i].text)) {
      return error_at(i, fmt::format("'{}' in the {} type list is not a record type",
                                     printable_excerpt(tokens[i].text), type_name(type)));
    }
  }
  return std::nullopt;
}

std::optional<RdataError> check_nsec3(std::span<const Token> tokens) {
  // Fewer fields are reported by the rdata conversion, with its own message.
  if (tokens.size() < 5) return std::nullopt;
  const std::string_view next = tokens[4].text;
  const auto octets = decode_unpadded_base32hex(next);
  if (!octets) {
    return error_at(4, fmt::format("NSEC3 next hashed owner '{}' is not unpadded base32hex "
                                   "(RFC 5155 §3.3)",
                                   printable_excerpt(next)));
  }
  // RFC 5155 §3.1.7: the field holds a hash of the algorithm's length; SHA-1's is 20 octets.
  if (tokens[0].text == "1" && octets->size() != 20) {
    return error_at(4, fmt::format("NSEC3 next hashed owner '{}' is {} octets; a SHA-1 hash "
                                   "(algorithm 1) is 20",
                                   printable_excerpt(next), octets->size()));
  }
  return check_type_list(rrtype::NSEC3, tokens, 5, true);
}

// RFC 1706 §5: "0x" and an even number of hex digits, which dots may separate.
std::optional<RdataError> check_nsap(std::span<const Token> tokens) {
  if (tokens.size() != 1) return std::nullopt;
  const std::string_view text = tokens[0].text;
  if (text.size() < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) {
    return error_at(0, fmt::format("NSAP address '{}' does not start with 0x (RFC 1706 §5)",
                                   printable_excerpt(text)));
  }
  std::size_t digits = 0;
  for (char c : text.substr(2)) {
    if (c == '.') continue;
    if (!is_hex_digit(c)) {
      return error_at(0, fmt::format("NSAP address '{}' holds '{}', not a hex digit or a dot",
                                     printable_excerpt(text), printable_excerpt({&c, 1})));
    }
    ++digits;
  }
  if (digits == 0 || digits % 2 != 0) {
    return error_at(0, fmt::format("NSAP address '{}' has {} hex digits; it needs whole octets "
                                   "(an even number, at least two; RFC 1706 §5)",
                                   printable_excerpt(text), digits));
  }
  return std::nullopt;
}

// RFC 7043 §3.2 and §4.2: six (EUI48) or eight (EUI64) two-digit hex numbers joined by hyphens.
std::optional<RdataError> check_eui(RRType type, std::span<const Token> tokens) {
  if (tokens.size() != 1) return std::nullopt;
  const std::size_t groups = type == kEui48 ? 6 : 8;
  const std::string_view text = tokens[0].text;
  bool well_formed = text.size() == groups * 3 - 1;
  for (std::size_t i = 0; well_formed && i < text.size(); ++i) {
    well_formed = i % 3 == 2 ? text[i] == '-' : is_hex_digit(text[i]);
  }
  if (well_formed) return std::nullopt;
  return error_at(0, fmt::format("{} address '{}' is not {} two-digit hex numbers joined by "
                                 "hyphens (RFC 7043 §{})",
                                 type_name(type), printable_excerpt(text),
                                 groups == 6 ? "six" : "eight", groups == 6 ? "3.2" : "4.2"));
}

// The number of capture groups of a POSIX extended regular expression: its unescaped
// opening parentheses outside bracket expressions.
std::size_t capture_groups(std::string_view ere) {
  std::size_t groups = 0;
  bool in_bracket = false;
  for (std::size_t i = 0; i < ere.size(); ++i) {
    const char c = ere[i];
    if (in_bracket) {
      // "]" right after "[" or "[^" is a member, not the end.
      if (c == ']' && ere[i - 1] != '[' && !(ere[i - 1] == '^' && i >= 2 && ere[i - 2] == '[')) {
        in_bracket = false;
      }
    } else if (c == '\\') {
      ++i;
    } else if (c == '[') {
      in_bracket = true;
    } else if (c == '(') {
      ++groups;
    }
  }
  return groups;
}

// RFC 3402 §3.2: delim-char ere delim-char repl delim-char *flags, where the delimiter is
// neither a digit, a backslash nor the flag "i", and back-references name existing groups.
std::optional<RdataError> check_naptr(std::span<const Token> tokens) {
  if (tokens.size() != 6) return std::nullopt;
  std::string regexp;
  if (!decode_escapes(tokens[4].text, regexp) || regexp.empty()) return std::nullopt;
  const auto problem = [&](std::string_view why) {
    return error_at(
        4, fmt::format("NAPTR regexp '{}' {} (RFC 3402 §3.2)", printable_excerpt(regexp), why));
  };
  const char delimiter = regexp[0];
  if (is_decimal_digit(delimiter) || delimiter == '\\' || delimiter == 'i') {
    return problem(fmt::format("cannot use '{}' as its delimiter", delimiter));
  }
  std::array<std::size_t, 2> inner{};  // positions of the second and third delimiters
  std::size_t found = 0;
  for (std::size_t i = 1; i < regexp.size() && found < inner.size(); ++i) {
    if (regexp[i] == '\\') {
      ++i;
    } else if (regexp[i] == delimiter) {
      inner[found++] = i;
    }
  }
  if (found < inner.size()) {
    return problem(fmt::format("needs three '{0}': {0}pattern{0}replacement{0}flags", delimiter));
  }
  const std::string_view whole = regexp;
  const std::string_view flags = whole.substr(inner[1] + 1);
  if (!flags.empty() && flags != "i") return problem("has flags other than 'i'");
  const std::string_view pattern = whole.substr(1, inner[0] - 1);
  const std::string_view replacement = whole.substr(inner[0] + 1, inner[1] - inner[0] - 1);
  const std::size_t groups = capture_groups(pattern);
  for (std::size_t i = 0; i + 1 < replacement.size(); ++i) {
    if (replacement[i] != '\\') continue;
    const char next = replacement[++i];
    if (next >= '1' && next <= '9' && static_cast<std::size_t>(next - '0') > groups) {
      return problem(fmt::format("refers to group \\{} of a pattern with {} groups", next, groups));
    }
  }
  return std::nullopt;
}

// SVCB and HTTPS parameters (RFC 9460 §2.1, §7 and §8).
struct SvcParam {
  std::string_view name;
  std::optional<std::uint16_t> key;  // nullopt for a name that is not a key
  bool has_value = false;
  std::string value;  // the char-string, zone-file escapes decoded
  std::size_t token = 0;
};

std::optional<std::uint16_t> svc_key(std::string_view name) {
  static constexpr std::array<std::string_view, 10> kNames = {
      "mandatory", "alpn",     "no-default-alpn", "port",  "ipv4hint",
      "ech",       "ipv6hint", "dohpath",         "ohttp", "tls-supported-groups"};
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (name == kNames[i]) return static_cast<std::uint16_t>(i);
  }
  // "keyNNNNN": the number in decimal, without leading zeros.
  if (!name.starts_with("key") || name.size() == 3) return std::nullopt;
  const std::string_view digits = name.substr(3);
  if (digits.size() > 1 && digits[0] == '0') return std::nullopt;
  unsigned number = 0;
  const auto [end, status] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (status != std::errc() || end != digits.data() + digits.size() || number > 0xffff) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(number);
}

// RFC 9460 Appendix A.1: items split at commas, "\," and "\\" escaping within an item.
std::vector<std::string> value_list(std::string_view value) {
  std::vector<std::string> items(1);
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      items.back() += value[++i];
    } else if (value[i] == ',') {
      items.emplace_back();
    } else {
      items.back() += value[i];
    }
  }
  return items;
}

std::optional<RdataError> check_svc_params(RRType type, std::span<const Token> tokens) {
  if (tokens.size() < 2) return std::nullopt;
  std::vector<SvcParam> params;
  for (std::size_t i = 2; i < tokens.size(); ++i) {
    if (tokens[i].glued && !params.empty()) {
      std::string piece;
      if (!decode_escapes(tokens[i].text, piece)) return std::nullopt;
      params.back().value += piece;
      continue;
    }
    if (tokens[i].quoted) return std::nullopt;  // a value without a key: the conversion says so
    SvcParam param;
    param.token = i;
    const std::string_view text = tokens[i].text;
    const auto equals = text.find('=');
    param.name = text.substr(0, equals);
    param.has_value = equals != std::string_view::npos;
    if (param.has_value && !decode_escapes(text.substr(equals + 1), param.value)) {
      return std::nullopt;
    }
    param.key = svc_key(param.name);
    if (!param.key) {
      return error_at(i, fmt::format("'{}' is not an {} parameter key (RFC 9460 §14.3.2: a "
                                     "registered name or keyNNNNN without leading zeros)",
                                     printable_excerpt(param.name), type_name(type)));
    }
    params.push_back(std::move(param));
  }
  const auto find = [&](std::uint16_t key) {
    return std::find_if(params.begin(), params.end(),
                        [&](const SvcParam& param) { return param.key == key; });
  };
  constexpr std::uint16_t kMandatory = 0;
  constexpr std::uint16_t kAlpn = 1;
  constexpr std::uint16_t kNoDefaultAlpn = 2;
  constexpr std::uint16_t kPort = 3;
  for (std::size_t p = 0; p < params.size(); ++p) {
    const SvcParam& param = params[p];
    for (std::size_t q = 0; q < p; ++q) {
      if (params[q].key == param.key) {
        return error_at(param.token, fmt::format("{} parameter '{}' is given twice (RFC 9460 "
                                                 "§2.2: each key at most once)",
                                                 type_name(type), param.name));
      }
    }
    const bool needs_value = param.key == kMandatory || param.key == kAlpn || param.key == kPort ||
                             param.key == 4 || param.key == 6;
    if (needs_value && param.value.empty()) {
      return error_at(param.token,
                      fmt::format("{} parameter '{}' needs a value", type_name(type), param.name));
    }
    if (param.key == kNoDefaultAlpn && param.has_value) {
      return error_at(param.token, fmt::format("{} parameter 'no-default-alpn' takes no value "
                                               "(RFC 9460 §7.1.1)",
                                               type_name(type)));
    }
    if (param.key == kAlpn) {
      for (const std::string& id : value_list(param.value)) {
        if (id.empty() || id.size() > 255) {
          return error_at(param.token,
                          fmt::format("{} alpn '{}' has a protocol id of {} octets; each is "
                                      "1 to 255 (RFC 9460 §7.1.1; a literal comma is written "
                                      "\\\\, in a zone file)",
                                      type_name(type), printable_excerpt(param.value), id.size()));
        }
      }
    }
    if (param.key == kMandatory) {
      std::vector<std::uint16_t> listed;
      for (const std::string& name : value_list(param.value)) {
        const auto key = svc_key(name);
        if (!key) {
          return error_at(param.token, fmt::format("{} mandatory lists '{}', which is not a "
                                                   "parameter key",
                                                   type_name(type), printable_excerpt(name)));
        }
        if (*key == kMandatory || std::find(listed.begin(), listed.end(), *key) != listed.end()) {
          return error_at(param.token, fmt::format("{} mandatory lists '{}' {} (RFC 9460 §8)",
                                                   type_name(type), printable_excerpt(name),
                                                   *key == kMandatory ? "itself" : "twice"));
        }
        if (find(*key) == params.end()) {
          return error_at(param.token, fmt::format("{} mandatory lists '{}', but the record has "
                                                   "no such parameter (RFC 9460 §8)",
                                                   type_name(type), printable_excerpt(name)));
        }
        listed.push_back(*key);
      }
    }
  }
  if (const auto no_default = find(kNoDefaultAlpn);
      no_default != params.end() && find(kAlpn) == params.end()) {
    return error_at(no_default->token, fmt::format("{} has no-default-alpn without alpn (RFC "
                                                   "9460 §7.1.1: the record is then not "
                                                   "self-consistent)",
                                                   type_name(type)));
  }
  return std::nullopt;
}

}  // namespace

std::optional<RdataError> check_presentation(RRType type, std::span<const Token> tokens) {
  switch (type) {
    case rrtype::NSEC:
      return check_type_list(type, tokens, 1, false);
    case kNxt:
      return check_type_list(type, tokens, 1, false);
    case rrtype::NSEC3:
      return check_nsec3(tokens);
    case kNsap:
      return check_nsap(tokens);
    case kEui48:
    case kEui64:
      return check_eui(type, tokens);
    case kNaptr:
      return check_naptr(tokens);
    case kSvcb:
    case kHttps:
      return check_svc_params(type, tokens);
    default:
      return std::nullopt;
  }
}

std::optional<std::string> check_nsec3_owner_label(std::string_view label) {
  if (decode_unpadded_base32hex(label)) return std::nullopt;
  return fmt::format("NSEC3 owner '{}' is not a hash in unpadded base32hex (RFC 5155 §3)",
                     printable_excerpt(label));
}

bool is_refused_obsolete_type(RRType type) { return type == 3 || type == 4; }

}  // namespace dnslint
