// mx-starttls: a mail exchange does not offer STARTTLS, or its STARTTLS fails (with --smtp). A live
// check: `dnslint verify --smtp` reports it (live/), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule mx_starttls_rule() {
  return {.id = "mx-starttls",
          .summary = "a mail exchange does not offer STARTTLS, or its STARTTLS fails (with --smtp)",
          .severity = Severity::warning,
          .rfc = "RFC 3207; RFC 8461 §4",
          .options = {},
          .live = true};
}

}  // namespace dnslint
