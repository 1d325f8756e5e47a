// server-rrset-differs: an authoritative server serves an RRset other than the source's: values
// missing, changed or extra. A live check: `dnslint verify` reports it (live/), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule server_rrset_differs_rule() {
  return {.id = "server-rrset-differs",
          .summary =
              "an authoritative server serves an RRset other than the source's: values missing, "
              "changed or extra",
          .severity = Severity::error,
          .rfc = "RFC 2181 §5",
          .options = {},
          .live = true};
}

}  // namespace dnslint
