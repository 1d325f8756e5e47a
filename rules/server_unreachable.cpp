// server-unreachable: an authoritative server of a zone does not answer for it: no address,
// timeout, refusal, error or no authority. A live check: `dnslint verify` reports it (live/), never
// a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule server_unreachable_rule() {
  return {.id = "server-unreachable",
          .summary =
              "an authoritative server of a zone does not answer for it: no address, timeout, "
              "refusal, error or no authority",
          .severity = Severity::error,
          .rfc = "RFC 1034 §4.3.1; RFC 8499 §7",
          .options = {},
          .live = true};
}

}  // namespace dnslint
