// server-axfr-open: an authoritative server transfers the zone to anyone who asks. A live check:
// `dnslint verify` reports it (live/), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule server_axfr_open_rule() {
  return {.id = "server-axfr-open",
          .summary = "an authoritative server transfers the zone to anyone who asks",
          .severity = Severity::warning,
          .rfc = "RFC 5936 §6",
          .options = {},
          .live = true};
}

}  // namespace dnslint
