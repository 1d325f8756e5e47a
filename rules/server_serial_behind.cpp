// server-serial-behind: an authoritative server serves an older SOA serial than the source or its
// peers. A live check: `dnslint verify` reports it (live/), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule server_serial_behind_rule() {
  return {
      .id = "server-serial-behind",
      .summary = "an authoritative server serves an older SOA serial than the source or its peers",
      .severity = Severity::warning,
      .rfc = "RFC 1982 §3.2; RFC 1996",
      .options = {},
      .live = true};
}

}  // namespace dnslint
