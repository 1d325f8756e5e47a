// mx-tls-certificate: a mail exchange's certificate is not trusted or does not name the exchange
// (with --smtp). A live check: `dnslint verify --smtp` reports it (live/), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule mx_tls_certificate_rule() {
  return {.id = "mx-tls-certificate",
          .summary =
              "a mail exchange's certificate is not trusted or does not name the exchange (with "
              "--smtp)",
          .severity = Severity::warning,
          .rfc = "RFC 6125 §6.4; RFC 8461 §4.2; RFC 7672 §3.2",
          .options = {},
          .live = true};
}

}  // namespace dnslint
