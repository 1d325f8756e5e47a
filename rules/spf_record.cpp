#include "rules/spf_record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "model/address.hpp"
#include "model/ascii.hpp"
#include "model/printable.hpp"

namespace dnslint {
namespace {

struct MechanismName {
  std::string_view name;
  SpfKind kind;
};
constexpr std::array<MechanismName, 8> kMechanisms{{{"all", SpfKind::all},
                                                    {"include", SpfKind::include},
                                                    {"a", SpfKind::a},
                                                    {"mx", SpfKind::mx},
                                                    {"ptr", SpfKind::ptr},
                                                    {"ip4", SpfKind::ip4},
                                                    {"ip6", SpfKind::ip6},
                                                    {"exists", SpfKind::exists}}};

// A CIDR length: "0" or digits without a leading zero, at most `most` (§12: ip4-cidr-length,
// ip6-cidr-length).
bool cidr_length(std::string_view digits, int most) {
  if (digits.empty() || digits.size() > 3 ||
      !std::all_of(digits.begin(), digits.end(), ascii_is_digit))
    return false;
  if (digits.size() > 1 && digits[0] == '0') return false;
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value <= most;
}

// dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]: "", "/24", "//64", "/24//64".
bool dual_cidr(std::string_view text) {
  if (text.empty()) return true;
  if (text.starts_with("//")) return cidr_length(text.substr(2), 128);
  if (!text.starts_with('/')) return false;
  text.remove_prefix(1);
  const std::size_t six = text.find("//");
  if (six == std::string_view::npos) return cidr_length(text, 32);
  return cidr_length(text.substr(0, six), 32) && cidr_length(text.substr(six + 2), 128);
}

// Splits "example.com/24//64" into the domain-spec and its dual-cidr-length: the first "/" from
// which the rest is a dual-cidr-length (a domain-spec may itself hold "/" in macro literals).
std::pair<std::string_view, std::string_view> split_cidr(std::string_view text) {
  for (std::size_t slash = text.find('/'); slash != std::string_view::npos;
       slash = text.find('/', slash + 1)) {
    if (dual_cidr(text.substr(slash))) return {text.substr(0, slash), text.substr(slash)};
  }
  return {text, {}};
}

// The problem with a macro-string (§7.1) of a record, or nullopt: the letters c, r and t belong
// to explanation text only (§7.2), which is another record's. `ends_in_macro` tells whether the
// text ends in a macro-expand ("%{d}", "%%", "%_", "%-").
std::optional<std::string> check_macro_string(std::string_view text,
                                              bool* ends_in_macro = nullptr) {
  std::size_t macro_end = std::string_view::npos;  // one past the last macro-expand
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
      return fmt::format("'{}' holds {}", text, describe_character(c));
    if (c != '%') continue;
    if (i + 1 >= text.size()) return fmt::format("'{}' ends in a lone '%'", text);
    const char next = text[i + 1];
    if (next == '%' || next == '_' || next == '-') {
      ++i;
      macro_end = i + 1;
      continue;
    }
    if (next != '{') {
      return fmt::format("'%{}' in '{}' is not a macro (write %% for a percent sign)", next, text);
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) return fmt::format("'{}' has an unclosed macro", text);
    std::string_view body = text.substr(i + 2, close - i - 2);
    i = close;
    // macro-letter transformers *delimiter: a letter, digits, an optional "r", delimiters.
    if (body.empty()) return fmt::format("'{}' has an empty macro", text);
    const char letter = ascii_lower(body[0]);
    if (std::string_view("slodiphcrtv").find(letter) == std::string_view::npos)
      return fmt::format("'%{{{}' in '{}' is not a macro letter", body[0], text);
    if (letter == 'c' || letter == 'r' || letter == 't') {
      return fmt::format(
          "the macro '%{{{}}}' is allowed only in explanation text, the TXT record exp= names "
          "(RFC 7208 §7.2)",
          body);
    }
    const std::string_view macro = body;
    body.remove_prefix(1);
    std::size_t digits = 0;
    while (digits < body.size() && ascii_is_digit(body[digits])) ++digits;
    // §7.3: the number of labels to keep, when given, is nonzero.
    if (digits > 0 && body.substr(0, digits).find_first_not_of('0') == std::string_view::npos) {
      return fmt::format(
          "the macro '%{{{}}}' keeps zero labels (RFC 7208 §7.3: the digit is "
          "nonzero)",
          macro);
    }
    body.remove_prefix(digits);
    if (!body.empty() && ascii_lower(body[0]) == 'r') body.remove_prefix(1);
    if (body.find_first_not_of(".-+,/_=") != std::string_view::npos)
      return fmt::format("'{}' has a macro with a bad transformer or delimiter", text);
    macro_end = i + 1;
  }
  if (ends_in_macro != nullptr) *ends_in_macro = macro_end == text.size();
  return std::nullopt;
}

// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum ).
bool is_toplabel(std::string_view label) {
  if (label.empty() || !ascii_is_alnum(label.front()) || !ascii_is_alnum(label.back()))
    return false;
  if (!std::all_of(label.begin(), label.end(),
                   [](char c) { return ascii_is_alnum(c) || c == '-'; }))
    return false;
  return std::any_of(label.begin(), label.end(),
                     [](char c) { return ascii_is_alpha(c) || c == '-'; });
}

// domain-spec = macro-string domain-end; domain-end = ( "." toplabel [ "." ] ) / macro-expand.
// exp='s domain-spec is one too: the letters c, r and t belong to the explanation text found
// there, not to its name (§7.2; the openspf suite's exp-only-macro-char).
std::optional<std::string> check_domain_spec(std::string_view spec) {
  if (spec.empty()) return std::string("the domain is missing");
  bool ends_in_macro = false;
  if (auto problem = check_macro_string(spec, &ends_in_macro)) return problem;
  // A name with an empty label is no domain name: no receiver can look it up.
  if (spec.starts_with('.') || spec.find("..") != std::string_view::npos)
    return fmt::format("'{}' has an empty label", spec);
  if (ends_in_macro) return std::nullopt;
  std::string_view name = spec;
  if (name.ends_with('.')) name.remove_suffix(1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) {
    return fmt::format("'{}' is not a domain name with a dot (a single label is not allowed)",
                       spec);
  }
  if (!is_toplabel(name.substr(dot + 1))) {
    return fmt::format(
        "'{}' does not end in a valid top label (an all-numeric label or a "
        "stray character)",
        spec);
  }
  return std::nullopt;
}

// ip4-network: four decimal octets without leading zeros (§12 qnum).
bool is_ip4_network(std::string_view text) {
  int parts = 0;
  for (std::size_t start = 0; start <= text.size(); ++parts) {
    std::size_t end = text.find('.', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = text.substr(start, end - start);
    if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), ascii_is_digit))
      return false;
    if (part.size() > 1 && part[0] == '0') return false;
    if (std::stoi(std::string(part)) > 255) return false;
    start = end + 1;
    if (end == text.size()) {
      ++parts;
      break;
    }
  }
  return parts == 4;
}

// RFC 7208 §5.1: mechanisms after "all" are never tested; §6.1: "redirect=" is ignored when
// the record has an "all".
void mark_unevaluated_terms(std::vector<SpfTerm>& terms) {
  const auto all = std::find_if(terms.begin(), terms.end(),
                                [](const SpfTerm& term) { return term.kind == SpfKind::all; });
  if (all == terms.end()) return;
  for (auto term = all + 1; term != terms.end(); ++term) {
    if (term->kind != SpfKind::exp && term->kind != SpfKind::unknown_modifier)
      term->evaluated = false;
  }
  for (SpfTerm& term : terms) {
    if (term.kind == SpfKind::redirect) term.evaluated = false;
  }
}

}  // namespace

bool SpfRecord::looks_up(SpfKind kind) {
  switch (kind) {
    case SpfKind::include:
    case SpfKind::a:
    case SpfKind::mx:
    case SpfKind::ptr:
    case SpfKind::exists:
    case SpfKind::redirect:
      return true;
    default:
      return false;
  }
}

PackedSpfTerm PackedSpfTerm::pack(std::string_view record_text, const SpfTerm& term) {
  const auto at = [&](std::string_view part) {
    return part.empty() ? 0 : static_cast<std::uint32_t>(part.data() - record_text.data());
  };
  return {at(term.text),
          static_cast<std::uint32_t>(term.text.size()),
          at(term.domain),
          static_cast<std::uint32_t>(term.domain.size()),
          term.kind,
          term.qualifier,
          term.qualifier_written,
          term.evaluated};
}

SpfTerm PackedSpfTerm::unpack(std::string_view record_text) const {
  SpfTerm term;
  term.text = record_text.substr(text_at, text_size);
  term.domain = record_text.substr(domain_at, domain_size);
  term.kind = kind;
  term.qualifier = qualifier;
  term.qualifier_written = qualifier_written;
  term.evaluated = evaluated;
  return term;
}

SpfRecord parse_spf(std::string_view text) {
  SpfRecord record;
  parse_spf(text, record);
  return record;
}

void parse_spf(std::string_view text, SpfRecord& record) {
  record.terms.clear();
  record.problems.clear();
  // §4.6.1: the version, then terms separated by one or more spaces (only spaces).
  std::string_view rest = text.substr(std::min<std::size_t>(6, text.size()));
  bool seen_redirect = false;
  bool seen_exp = false;
  auto problem = [&](std::string_view term, std::string message) {
    record.problems.push_back({term, std::move(message)});
  };
  while (!rest.empty()) {
    const std::size_t start = rest.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    const std::size_t end = std::min(rest.find(' '), rest.size());
    const std::string_view term_text = rest.substr(0, end);
    rest.remove_prefix(end);

    // §4.6.1: terms are separated by spaces only; a tab or any other byte outside printable
    // ASCII belongs to no term.
    if (const auto odd = std::find_if(term_text.begin(), term_text.end(),
                                      [](char c) {
                                        const auto byte = static_cast<unsigned char>(c);
                                        return byte < 0x21 || byte > 0x7e;
                                      });
        odd != term_text.end()) {
      problem(term_text, fmt::format("'{}' holds {}; terms are separated by spaces only and are "
                                     "printable ASCII (RFC 7208 §4.6.1, §12)",
                                     printable(term_text), describe_character(*odd)));
      continue;
    }

    SpfTerm term;
    term.text = term_text;
    std::string_view body = term_text;
    if (std::string_view("+-~?").find(body[0]) != std::string_view::npos) {
      term.qualifier = body[0];
      term.qualifier_written = true;
      body.remove_prefix(1);
    }
    // A modifier is name "=" ...; its name may not start with a qualifier (§12).
    const std::size_t name_end = body.find_first_of(":/=");
    const std::string_view name = body.substr(0, name_end);
    const bool modifier = name_end != std::string_view::npos && body[name_end] == '=';
    if (modifier) {
      const std::string_view value = body.substr(name_end + 1);
      const bool good_name = !name.empty() && ascii_is_alpha(name[0]) &&
                             std::all_of(name.begin(), name.end(), [](char c) {
                               return ascii_is_alnum(c) || c == '-' || c == '_' || c == '.';
                             });
      if (term.qualifier_written && good_name) {
        problem(term_text, fmt::format("'{}': a modifier takes no qualifier, write '{}' "
                                       "(RFC 7208 §4.6.1)",
                                       term_text, body));
        continue;
      }
      if (!good_name) {
        problem(term_text, fmt::format("'{}' is neither a mechanism nor a modifier", term_text));
        continue;
      }
      term.domain = value;
      if (equals_ignoring_case(name, "redirect")) {
        term.kind = SpfKind::redirect;
        if (seen_redirect) {
          problem(term_text, "redirect= is given twice (RFC 7208 §6: at most once)");
          continue;
        }
        seen_redirect = true;
        if (auto bad = check_domain_spec(value)) {
          problem(term_text, fmt::format("redirect={}: {}", value, *bad));
          continue;
        }
      } else if (equals_ignoring_case(name, "exp")) {
        term.kind = SpfKind::exp;
        if (seen_exp) {
          problem(term_text, "exp= is given twice (RFC 7208 §6: at most once)");
          continue;
        }
        seen_exp = true;
        if (auto bad = check_domain_spec(value)) {
          problem(term_text, fmt::format("exp={}: {}", value, *bad));
          continue;
        }
      } else {
        term.kind = SpfKind::unknown_modifier;
        if (auto bad = check_macro_string(value); bad && !value.empty()) {
          problem(term_text, fmt::format("modifier {}: {}", name, *bad));
          continue;
        }
      }
      record.terms.push_back(term);
      continue;
    }
    const auto mechanism =
        std::find_if(kMechanisms.begin(), kMechanisms.end(),
                     [&](const MechanismName& m) { return equals_ignoring_case(m.name, name); });
    if (mechanism == kMechanisms.end()) {
      problem(term_text, fmt::format("'{}' is not a mechanism (all, include, a, mx, ptr, ip4, "
                                     "ip6, exists) nor a modifier (name=value)",
                                     term_text));
      continue;
    }
    term.kind = mechanism->kind;
    const std::string_view argument =
        name_end == std::string_view::npos ? std::string_view() : body.substr(name_end);
    const bool has_domain = argument.starts_with(':');
    std::optional<std::string> bad;
    switch (term.kind) {
      case SpfKind::all:
        if (!argument.empty()) bad = "'all' takes no argument";
        break;
      case SpfKind::include:
      case SpfKind::exists:
        if (!has_domain) {
          bad = fmt::format("'{}' needs ':' and a domain", mechanism->name);
        } else {
          term.domain = argument.substr(1);
          if (auto spec = check_domain_spec(term.domain)) bad = *spec;
        }
        break;
      case SpfKind::ptr:
        if (has_domain) {
          term.domain = argument.substr(1);
          if (auto spec = check_domain_spec(term.domain)) bad = *spec;
        } else if (!argument.empty()) {
          bad = "'ptr' takes no CIDR length";
        }
        break;
      case SpfKind::a:
      case SpfKind::mx: {
        std::string_view cidr = argument;
        if (has_domain) {
          auto [domain, lengths] = split_cidr(argument.substr(1));
          term.domain = domain;
          cidr = lengths;
          if (auto spec = check_domain_spec(domain)) bad = *spec;
        }
        if (!bad && !dual_cidr(cidr)) {
          bad = fmt::format("'{}' is not a CIDR length (/0-32 for IPv4, //0-128 for IPv6)", cidr);
        }
        // "a:192.0.2.1" names a host called 192.0.2.1, which cannot exist: an address is
        // written with ip4: or ip6:.
        if (bad && (is_ip4_network(term.domain) || parse_ipv6(argument.substr(1)))) {
          bad = fmt::format("'{}' is an address, not a domain: write '{}ip{}:{}'", term.domain,
                            term.qualifier_written ? std::string(1, term.qualifier) : "",
                            is_ip4_network(term.domain) ? '4' : '6', argument.substr(1));
        }
        break;
      }
      case SpfKind::ip4: {
        if (!has_domain) {
          bad = "'ip4' needs ':' and an IPv4 network";
          break;
        }
        std::string_view network = argument.substr(1);
        std::string_view length;
        if (const std::size_t slash = network.find('/'); slash != std::string_view::npos) {
          length = network.substr(slash + 1);
          network = network.substr(0, slash);
          if (!cidr_length(length, 32)) {
            bad = fmt::format("'/{}' is not an IPv4 prefix length (0-32)", length);
            break;
          }
        }
        if (!is_ip4_network(network)) {
          bad = fmt::format("'{}' is not an IPv4 address (four numbers 0-255, no leading zeros)",
                            network);
        }
        break;
      }
      case SpfKind::ip6: {
        if (!has_domain) {
          bad = "'ip6' needs ':' and an IPv6 network";
          break;
        }
        std::string_view network = argument.substr(1);
        if (const std::size_t slash = network.find('/'); slash != std::string_view::npos) {
          const std::string_view length = network.substr(slash + 1);
          network = network.substr(0, slash);
          if (!cidr_length(length, 128)) {
            bad = fmt::format("'/{}' is not an IPv6 prefix length (0-128)", length);
            break;
          }
        }
        if (!parse_ipv6(network)) bad = fmt::format("'{}' is not an IPv6 address", network);
        break;
      }
      default:
        break;
    }
    if (bad) {
      problem(term_text, fmt::format("{}: {}", term_text, *bad));
      continue;
    }
    record.terms.push_back(term);
  }
  mark_unevaluated_terms(record.terms);
}

std::optional<std::string> spf_target_name(std::string_view domain_spec) {
  if (domain_spec.empty() || domain_spec.find('%') != std::string_view::npos) return std::nullopt;
  std::string name = to_ascii_lower(domain_spec);
  if (!name.ends_with('.')) name += '.';
  return name;
}

}  // namespace dnslint
