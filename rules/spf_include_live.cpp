// spf-include-live: an SPF record whose include: and redirect= chain, followed on the live DNS
// beyond the loaded zones, exceeds 10 lookups, reaches a domain without one SPF record, or
// loops. A live check: `dnslint verify` reports it (live/spf_includes.cpp), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule spf_include_live_rule() {
  return {.id = "spf-include-live",
          .summary =
              "an SPF record's includes, followed on the live DNS, exceed 10 lookups, "
              "reach a domain without one SPF record, or loop",
          .severity = Severity::error,
          .rfc = "RFC 7208 §4.6.4, §5.2, §6.1",
          .options = {},
          .live = true};
}

}  // namespace dnslint
