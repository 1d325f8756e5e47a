// mx-unresolvable: a mail exchange resolves to no address on the live DNS. A live check: `dnslint
// verify` reports it (live/), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule mx_unresolvable_rule() {
  return {.id = "mx-unresolvable",
          .summary = "a mail exchange resolves to no address on the live DNS",
          .severity = Severity::error,
          .rfc = "RFC 5321 §5.1",
          .options = {},
          .live = true};
}

}  // namespace dnslint
