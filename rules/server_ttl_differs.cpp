// server-ttl-differs: an authoritative server serves an RRset with another TTL than the source's. A
// live check: `dnslint verify` reports it (live/), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule server_ttl_differs_rule() {
  return {.id = "server-ttl-differs",
          .summary = "an authoritative server serves an RRset with another TTL than the source's",
          .severity = Severity::note,
          .rfc = "RFC 2181 §5.2",
          .options = {},
          .live = true};
}

}  // namespace dnslint
