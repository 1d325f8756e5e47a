// server-record-extra: an authoritative server serves records the source does not hold (found by
// zone transfer). A live check: `dnslint verify` reports it (live/), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule server_record_extra_rule() {
  return {.id = "server-record-extra",
          .summary =
              "an authoritative server serves records the source does not hold (found by zone "
              "transfer)",
          .severity = Severity::warning,
          .rfc = "RFC 5936 §2",
          .options = {},
          .live = true};
}

}  // namespace dnslint
