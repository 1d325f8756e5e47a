// What the organisation-policy rules share: patterns from the configuration, compiled with RE2
// (linear-time matching, so that a pattern in a pull request can never hang a run), the
// `zones` scope every policy takes, and a record's value as text for patterns to match.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "rules/rule.hpp"

namespace re2 {
class RE2;
}

namespace dnslint {

class Pattern {
 public:
  explicit Pattern(std::string_view text);  // the text must have passed pattern_problem
  // The whole text matches (names: "mx\\d\\.example\\.com\\.").
  bool matches_whole(std::string_view text) const;
  // Some part of the text matches (values: "\\+all").
  bool matches_part(std::string_view text) const;

 private:
  std::shared_ptr<const re2::RE2> re_;
};

// RE2's reason a pattern does not compile, or nullopt (for OptionSpec::check_item).
std::optional<std::string> pattern_problem(std::string_view text);

// The `zones` option every policy has: a pattern the zone's name (trailing dot) must match;
// empty: every zone.
OptionSpec zones_option();
class ZoneScope {
 public:
  explicit ZoneScope(const RuleOptions& options);
  bool covers(const Model& model, const Zone& zone) const;

 private:
  std::optional<Pattern> pattern_;
};

// The record's data as text: "10 mx.example.com." for MX, the joined strings of TXT, a name
// for CNAME, NS, PTR and DNAME, an address, "0 5 443 host." for SRV; other types as "\\# N
// hex" (RFC 3597 §5).
std::string record_value_text(const Model& model, const Record& record);

}  // namespace dnslint
