// mx-reverse-dns: a mail exchange's address has no reverse DNS that resolves back to it
// (forward-confirmed reverse DNS). A live check: `dnslint verify` reports it (live/), never a plain
// run.
#include "rules/rule.hpp"

namespace dnslint {

Rule mx_reverse_dns_rule() {
  return {.id = "mx-reverse-dns",
          .summary =
              "a mail exchange's address has no reverse DNS that resolves back to it "
              "(forward-confirmed reverse DNS)",
          .severity = Severity::warning,
          .rfc = "RFC 1912 §2.1; RFC 8601 §2.7.3",
          .options = {},
          .live = true};
}

}  // namespace dnslint
