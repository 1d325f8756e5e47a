// An SPF record read by the grammar of RFC 7208 §12: its terms (directives and modifiers), the
// problems that make a receiver return permerror (§4.6, §6, §7), and what it looks up.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dnslint {

enum class SpfKind : std::uint8_t {
  all,
  include,
  a,
  mx,
  ptr,
  ip4,
  ip6,
  exists,  // mechanisms (§5)
  redirect,
  exp,
  unknown_modifier,  // modifiers (§6)
};

struct SpfTerm {
  std::string_view text;    // as written: "~all", "include:_spf.example.com", "ip4:192.0.2.0/24"
  std::string_view domain;  // the domain-spec, when the term has one (may hold macros)
  SpfKind kind = SpfKind::unknown_modifier;
  char qualifier = '+';  // '+' when none is written (§4.6.2)
  bool qualifier_written = false;
  // False for a term no evaluation reaches: a mechanism after "all" (RFC 7208 §5.1), and
  // "redirect=" in a record with an "all" (§6.1). Its syntax still counts (§4.6).
  bool evaluated = true;
};

struct SpfProblem {
  std::string_view text;  // the term at fault
  std::string message;
};

struct SpfRecord {
  std::vector<SpfTerm> terms;        // the terms that parsed, in order
  std::vector<SpfProblem> problems;  // each one a permerror

  // True for the terms that cost a DNS lookup against the limit of 10 (§4.6.4).
  static bool looks_up(SpfKind kind);
};

// `text` is a whole record, "v=spf1 ..." (is_spf).
SpfRecord parse_spf(std::string_view text);
// The same into `record`, whose vectors keep their capacity: for parsing many records.
void parse_spf(std::string_view text, SpfRecord& record);

// A parsed SPF record kept elsewhere (TxtRecords keeps every SPF record of a run in one array).
struct SpfView {
  std::span<const SpfTerm> terms;
  std::span<const SpfProblem> problems;
};

// The canonical name a domain-spec without macros names ("_spf.example.com" ->
// "_spf.example.com."); nullopt when it holds macros (known only at evaluation).
std::optional<std::string> spf_target_name(std::string_view domain_spec);

}  // namespace dnslint
