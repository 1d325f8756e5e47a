// mx-smtp-unreachable: a mail exchange's address does not accept SMTP connections or refuses mail
// (with --smtp). A live check: `dnslint verify --smtp` reports it (live/), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule mx_smtp_unreachable_rule() {
  return {.id = "mx-smtp-unreachable",
          .summary =
              "a mail exchange's address does not accept SMTP connections or refuses mail (with "
              "--smtp)",
          .severity = Severity::error,
          .rfc = "RFC 5321 §3.1, §4.2",
          .options = {},
          .live = true};
}

}  // namespace dnslint
