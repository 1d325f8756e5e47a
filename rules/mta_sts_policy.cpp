// mta-sts-policy: an MTA-STS policy that senders cannot fetch or use, or whose mx patterns miss
// an exchange of the domain. A live check: `dnslint verify` reports it (live/), never a plain
// run.
#include "rules/rule.hpp"

namespace dnslint {

Rule mta_sts_policy_rule() {
  return {.id = "mta-sts-policy",
          .summary =
              "the MTA-STS policy an _mta-sts record announces cannot be fetched or used, "
              "or its mx patterns miss an exchange",
          .severity = Severity::error,
          .rfc = "RFC 8461 §3.2, §3.3, §4.1",
          .options = {},
          .live = true};
}

}  // namespace dnslint
