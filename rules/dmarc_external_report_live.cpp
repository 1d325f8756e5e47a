// dmarc-external-report-live: a DMARC report address in another organisation, outside the
// loaded zones, without its authorisation record on the live DNS. A live check: `dnslint
// verify` reports it (live/dmarc_reports.cpp), never a plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule dmarc_external_report_live_rule() {
  return {.id = "dmarc-external-report-live",
          .summary =
              "a DMARC report address in another domain, outside the loaded zones, "
              "without its authorisation on the live DNS",
          .severity = Severity::warning,
          .rfc = "RFC 7489 §7.1",
          .options = {},
          .live = true};
}

}  // namespace dnslint
